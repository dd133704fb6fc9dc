"""`career-explorer --self-test`: prove an install works, headless, in a few seconds.

Run from run_gui() once the QApplication exists (run_gui makes QT_QPA_PLATFORM offscreen unless the
caller set it). The checks, in order: Qt platform, resources (window icon), catalogue, main window
shown and painted, one route (services.routes), one chart drawn on the window's QtAgg canvas and
rendered to PNG bytes in memory. Each prints one line on stdout. On the first failure the reason goes
to stderr as one line and the exit status is 1; when every check passes it is 0. The user store and
settings go to a throwaway folder unless CAREER_EXPLORER_HOME is set (see run_self_test).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

from career_explorer import __version__
from career_explorer.paths import HOME_ENV, is_frozen, resource, user_data_dir

START_TRIES = 12
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class SelfTestFailure(Exception):
    """A check failed; the message is the reason, in one line."""


class SelfTest:
    def __init__(self, app, catalogue: Path, out=None, err=None) -> None:
        self.app = app
        self.catalogue = Path(catalogue)
        # A windowed Windows build has no console: print() to None is a no-op, exit status still counts.
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.repo = None
        self.window = None
        self.route = None

    # -- the checks, in order; each returns its one-line summary ----------------------------

    def check_platform(self) -> str:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        platform = self.app.platformName()
        if not platform:
            raise SelfTestFailure("Qt has no platform plugin")
        mode = "frozen" if is_frozen() else "from source"
        py = ".".join(map(str, sys.version_info[:3]))
        return f"Qt {qVersion()} on the '{platform}' platform, PySide6 {pyside_version}, Python {py}, {mode}"

    def check_resources(self) -> str:
        from career_explorer.ui.icons import icon_files

        icons = icon_files()
        if not icons:
            raise SelfTestFailure(f"no window icon in {resource('assets')}")
        if self.app.windowIcon().isNull():
            raise SelfTestFailure("the window icon did not load")
        sources = resource("data", "catalogue")
        detail = f"window icon in {len(icons)} sizes, user data in {user_data_dir()}"
        if is_frozen():
            detail += f", MPLCONFIGDIR={os.environ.get('MPLCONFIGDIR', '(unset)')}"
        if sources.is_dir():
            detail += f", catalogue sources in {sources}"
        return detail

    def check_catalogue(self) -> str:
        from career_explorer.data.catalogue_repository import CatalogueRepository
        from career_explorer.data.errors import CatalogueError

        try:
            self.repo = CatalogueRepository(self.catalogue)
            counts = self.repo.counts()
        except CatalogueError as exc:
            raise SelfTestFailure(str(exc)) from None
        if counts.roles < 2:
            raise SelfTestFailure(f"{self.catalogue}: {counts.roles} role(s); a route needs at least two")
        info = self.repo.info
        return (f"{info.name} {info.version}: {counts.roles} roles, {counts.transitions} transitions, "
                f"{counts.salaries} salary bands, {counts.sources} sources ({self.catalogue})")

    def check_window(self) -> str:
        from career_explorer.ui.main_window import MainWindow

        self.window = MainWindow(self.repo)
        self.window.show()
        deadline = time.monotonic() + 10
        while not self.window.isVisible() and time.monotonic() < deadline:
            self.app.processEvents()
        self.app.processEvents()
        if not self.window.isVisible():
            raise SelfTestFailure("the main window was not shown")
        shot = self.window.grab()
        if shot.isNull() or shot.width() < 100:
            raise SelfTestFailure("the main window did not paint")
        views = self.window.nav.count()
        return (f"main window shown and painted {shot.width()}x{shot.height()}, {views} views, "
                f"\"{self.window.windowTitle()}\"")

    def check_route(self) -> str:
        from career_explorer.services.routes import find_routes, route_finder

        finder = route_finder(self.repo)
        start, goal = self._route_ends(finder)
        if start is None:
            raise SelfTestFailure("the catalogue has no transitions, so there is no route to compute")
        result = find_routes(self.repo, start, goal, k=1)
        if not result.routes:
            raise SelfTestFailure(f"no route from {start} to {goal}")
        self.route = result.routes[0]
        titles = " -> ".join(r.title for r in self.route.roles)
        return f"{self.route.step_count} step(s), levels {self.route.level_chain()}: {titles}"

    @staticmethod
    def _route_ends(finder) -> tuple[Optional[str], Optional[str]]:
        """The biggest climb up one job-level ladder that some route makes (for the bundled catalogue,
        the entry-level representative to the executive); without level ranks, the role that reaches
        most others and the farthest role it reaches. Ties go by id, so the choice is stable.

        Only a few roles at the bottom of each ladder are tried: on a catalogue of every O*NET
        occupation, a search from every role would take seconds.
        """
        summaries = finder.summaries
        bottoms: dict[str, list] = {}
        for role_id in sorted(summaries):
            start = summaries[role_id]
            if start.level_rank is not None and start.ladder is not None:
                bottoms.setdefault(start.ladder, []).append(start)
        starts = []
        for ladder in sorted(bottoms):
            lowest = min(s.level_rank for s in bottoms[ladder])
            starts += [s.id for s in bottoms[ladder] if s.level_rank == lowest][:START_TRIES]
        starts = starts or sorted(summaries)[:START_TRIES]
        climb: tuple[int, str, str] | None = None
        spread: tuple[int, str, str] | None = None
        for role_id in starts:
            reachable = finder.reachable(role_id)
            if not reachable:
                continue
            if spread is None or len(reachable) > spread[0]:
                spread = (len(reachable), role_id, reachable[-1].id)
            start = summaries[role_id]
            if start.level_rank is None:
                continue
            for ref in reachable:
                goal = summaries[ref.id]
                if goal.ladder == start.ladder and goal.level_rank is not None:
                    rise = goal.level_rank - start.level_rank
                    if rise > 0 and (climb is None or rise > climb[0]):
                        climb = (rise, role_id, ref.id)
        best = climb or spread
        return (best[1], best[2]) if best else (None, None)

    def check_chart(self) -> str:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        # The window's charts draw on matplotlib's QtAgg canvas, which needs Qt bindings (QtSvg among them) that the
        # Agg render below does not: a frozen build that lacks one shows empty charts but would still pass.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        FigureCanvasQTAgg(self._route_figure()[0]).draw()
        figure, what = self._route_figure()
        FigureCanvasAgg(figure)  # render with Agg, whatever the default backend
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
        data = buffer.getvalue()
        if not data.startswith(PNG_SIGNATURE) or len(data) < 1000:
            raise SelfTestFailure(f"the {what} did not render to PNG ({len(data)} bytes)")
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        import matplotlib

        return (f"{what} rendered to PNG in memory: {width}x{height} px, {len(data):,} bytes "
                f"(matplotlib {matplotlib.__version__})")

    def _route_figure(self):
        """The Path view's own figure for the route: pay progression over the skill-jump heatmap."""
        from career_explorer.charts.route_figure import route_figure

        return route_figure(self.route), "route figure (pay progression and skill heatmap)"

    def check_report(self) -> str:
        """The route's printable pages as a PDF: fpdf2 writes the text, pypdf places matplotlib's charts.

        One chart is drawn by the helper process a big document uses (parallel_from=2), so a frozen
        build proves it can start one.
        """
        from pypdf import PdfReader

        from career_explorer.services.pdf_document import write_pdf
        from career_explorer.services.route_pages import route_report_pages

        with tempfile.TemporaryDirectory(prefix="career-explorer-self-test-") as folder:
            path = write_pdf(route_report_pages(self.route), Path(folder) / "route.pdf", "Self-test", parallel_from=2)
            size = path.stat().st_size
            pages = PdfReader(path).pages
            charts = sum(len(page["/Resources"].get("/XObject", {})) for page in pages)
            words = pages[0].extract_text()
        if charts < 2 or self.route.roles[-1].title not in words:
            raise SelfTestFailure(f"the route report lacks its charts or its words ({charts} charts, {size:,} bytes)")
        return (f"route report written as a PDF: {len(pages)} pages, {charts} charts (one drawn by a helper "
                f"process), {size:,} bytes")

    # -- running ------------------------------------------------------------------------

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("platform", self.check_platform),
            ("resources", self.check_resources),
            ("catalogue", self.check_catalogue),
            ("window", self.check_window),
            ("route", self.check_route),
            ("chart", self.check_chart),
            ("report", self.check_report),
        ]

    def run(self) -> int:
        started = time.perf_counter()
        print(f"Career Explorer {__version__} self-test", file=self.out)
        try:
            for name, check in self.checks():
                try:
                    detail = check()
                except SelfTestFailure as exc:
                    return self._fail(name, str(exc))
                except Exception as exc:
                    return self._fail(name, f"{type(exc).__name__}: {exc}")
                print(f"ok    {name:<10} {detail}", file=self.out)
        finally:
            self._close()
        print(f"self-test passed: {len(self.checks())} checks in {time.perf_counter() - started:.2f} s", file=self.out)
        self._flush()
        return 0

    def _fail(self, name: str, reason: str) -> int:
        print(f"FAIL  {name:<10} {reason}", file=self.out)
        self._flush()
        print(f"career-explorer: self-test failed: {name}: {reason}", file=self.err)
        return 1

    def _flush(self) -> None:
        if self.out is not None:
            self.out.flush()

    def _close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.app.processEvents()
            self.window = None
        if self.repo is not None:
            self.repo.close()
            self.repo = None


def run_self_test(app, catalogue: Path) -> int:
    """Run every check. Unless CAREER_EXPLORER_HOME is set, the user store and window settings go to a
    throwaway folder, so a self-test never changes the user's data, settings or recent catalogues."""
    if os.environ.get(HOME_ENV):
        return SelfTest(app, catalogue).run()
    with tempfile.TemporaryDirectory(prefix="career-explorer-self-test-", ignore_cleanup_errors=True) as home:
        os.environ[HOME_ENV] = home
        try:
            return SelfTest(app, catalogue).run()
        finally:
            os.environ.pop(HOME_ENV, None)
