"""The Path view's redraw on the bundled catalogue: selecting a route until both charts are painted.

Cases (1250x800 view, three pairs of roles, selecting each listed route in turn):
- cold: drawing ahead switched off, each route's first selection since the routes were listed;
- drawn ahead: the user reads the first route for a second, then selects the others (the view drew
  them ahead while idle, so a selection only paints);
- again: a route selected before (its pictures are kept);
- show all, cold: the heatmap with every row, for the scale of what "top 10" saves.

Baseline, same run: a bare FigureCanvasQTAgg drawing one line and one 10x3 heatmap, then painted.
Target: route selection -> both charts painted <= 150 ms. Prints a table; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/path_view.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.TemporaryDirectory(prefix="ce-bench-path-view-")
os.environ["CAREER_EXPLORER_HOME"] = _HOME.name
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAIRS = (
    ("salary-com/chat-support-representative-i", "salary-com/customer-service-manager"),
    ("onet/43-4051.00", "onet/11-3012.00"),
    ("onet/15-1254.00", "onet/11-3021.00"),
)
ROUNDS = 3
TARGET_MS = 150.0


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.ui.views.path_view import PathView

    app = QApplication([])
    repo = CatalogueRepository(bundled_catalogue())
    view = PathView(repo)
    view.resize(1250, 800)
    view.show()
    drawn: set[str] = set()
    view.pay_chart.drawn.connect(lambda: drawn.add("pay"))
    view.skill_chart.drawn.connect(lambda: drawn.add("skill"))

    def painted(names: set[str], deadline: float = 5.0) -> None:
        end = time.perf_counter() + deadline
        while not names <= drawn and time.perf_counter() < end:
            app.processEvents()
        for chart in (view.pay_chart, view.skill_chart):
            chart.canvas.repaint()

    def select(rank: int, names: set[str]) -> float:
        drawn.clear()
        start = time.perf_counter()
        view.select_route(rank)
        painted(names)
        return time.perf_counter() - start

    def idle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()

    cold, ahead, again, every = [], [], [], []
    for a, b in PAIRS:
        view.charts.prerendering = False
        drawn.clear()
        view.set_roles(a, b)
        painted({"pay", "skill"})
        ranks = list(range(1, view.routes_model.rowCount() + 1))
        for rank in ranks[1:]:
            cold.append(select(rank, {"pay", "skill"}))
        for _ in range(ROUNDS):
            for rank in ranks:
                again.append(select(rank, {"pay", "skill"}))
        view.show_all_button.setChecked(True)
        for rank in ranks:
            every.append(select(rank, {"pay", "skill"}))
        view.show_all_button.setChecked(False)
        view.charts.prerendering = True
        drawn.clear()
        view.set_roles(b, a)  # list other routes, then come back: nothing kept
        painted({"pay", "skill"})
        drawn.clear()
        view.set_roles(a, b)
        painted({"pay", "skill"})
        idle(1.5 * len(ranks))  # reading the first route
        for rank in ranks[1:]:
            ahead.append(select(rank, {"pay", "skill"}))

    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    canvas = FigureCanvasQTAgg(Figure(layout="constrained"))
    canvas.resize(450, 700)
    canvas.show()
    bare = []
    for _ in range(20):
        start = time.perf_counter()
        canvas.figure.clear()
        top, bottom = canvas.figure.subplots(2, 1)
        top.plot([0, 1, 2], [43_000, 63_000, 100_000], marker="o")
        bottom.imshow([[1, 2, 4]] * 10, aspect="auto")
        canvas.draw()
        canvas.repaint()
        app.processEvents()
        bare.append(time.perf_counter() - start)
    view.close()

    base = statistics.median(bare) * 1000
    print(f"Path view: route selection -> both charts painted, {repo.info.name} ({repo.counts().roles:,} roles), "
          "1250x800, ms")
    print(f"{'case':<44}{'n':>4}{'median':>9}{'worst':>9}{'ratio':>8}  target")
    print(f"{'bare canvas: one line + 10x3 heatmap':<44}{len(bare):>4}{base:>9.1f}{max(bare) * 1000:>9.1f}{1:>8.2f}")
    for name, values, target in (("cold: first selection, nothing drawn ahead", cold, True),
                                 ("first selection, drawn ahead while reading", ahead, True),
                                 ("route selected again", again, True),
                                 ("show all rows, cold", every, False)):
        med, worst = statistics.median(values) * 1000, max(values) * 1000
        verdict = ("met" if med <= TARGET_MS else "NOT met") if target else "(not a target)"
        print(f"{name:<44}{len(values):>4}{med:>9.1f}{worst:>9.1f}{med / base:>8.2f}  "
              f"<= {TARGET_MS:.0f} ms: {verdict}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f} on {os.cpu_count()} CPUs; pairs: " + "; ".join(f"{a} -> {b}" for a, b in PAIRS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
