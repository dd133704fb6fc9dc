"""Search as you type: keystroke -> updated Browse table model, at three catalogue sizes.

Sizes: the bundled catalogue, 1,000 and 100,000 synthetic roles (fixed seed, written with the real
compiler to a temporary file). Each keystroke is `search.setText(prefix)` on a real BrowseView, timed
until the model has been reset (painting excluded). Targets: <= 16 ms at 1,000 roles, <= 50 ms at
100,000. Baseline, same run: a plain Python substring scan over the same titles.
Also: opening a role profile (target <= 100 ms; its band chart is drawn after the window shows and is
timed apart). Prints tables; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/search.py [--quick]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Profile windows remember nothing here: settings go to a throwaway home, removed at exit.
_HOME = tempfile.TemporaryDirectory(prefix="ce-bench-home-")
os.environ.setdefault("CAREER_EXPLORER_HOME", _HOME.name)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUERIES = ("cust serv man", "chat sup rep", "tech")
SEED = 20240501
SENIORITY = ("", "", "Junior", "Senior", "Lead", "Principal", "Associate", "Assistant", "Head of")
AREAS = ("Customer", "Chat", "Billing", "Technical", "Sales", "Retail", "Field", "Claims", "Member", "Client",
         "Account", "Contact Centre", "Quality", "Service", "Product", "Onboarding", "Payments", "Logistics")
FUNCTIONS = ("Service", "Support", "Success", "Operations", "Relations", "Care", "Experience", "Retention")
JOBS = ("Representative", "Manager", "Specialist", "Analyst", "Supervisor", "Coordinator", "Agent", "Executive",
        "Consultant", "Team Leader", "Director", "Advisor")


def synthetic_catalogue(count: int, seed: int = SEED):
    """`count` roles with titles, alternate titles, summaries, levels, pay and competency levels."""
    from career_explorer.domain.catalogue import (
        Behaviour,
        Catalogue,
        CatalogueInfo,
        Competency,
        CompetencyKind,
        JobFamily,
        JobLevel,
        Requirement,
        Role,
        SalaryBand,
        Scale,
        ScaleAnchor,
        Source,
        Track,
    )

    rng = random.Random(seed)
    families = [JobFamily(id=f"family-{i}", name=f"Family {i}") for i in range(12)]
    levels = [JobLevel(code=c, ladder="synthetic", rank=r, track=t) for c, r, t in (
        ("A01", 1, Track.SUPPORT), ("A02", 2, Track.SUPPORT), ("S01", 3, Track.LEAD),
        ("P02", 3, Track.PROFESSIONAL), ("M02", 4, Track.MANAGEMENT), ("M05", 6, Track.EXECUTIVE))]
    scale = Scale(id="proficiency-5", name="Proficiency", min=1, max=5,
                  anchors=tuple(ScaleAnchor(value=v, label=f"Level {v}") for v in range(1, 6)))
    competencies = [Competency(id=f"syn/c{i}", name=f"Competency {i}", kind=CompetencyKind.CORE, scale=scale.id,
                               source="synthetic",
                               behaviours=tuple(Behaviour(level=v, text=f"Does thing {i} at level {v}.")
                                                for v in range(1, 6)))
                    for i in range(40)]
    roles = []
    for i in range(count):
        words = [rng.choice(SENIORITY), rng.choice(AREAS), rng.choice(FUNCTIONS), rng.choice(JOBS),
                 rng.choice(("", "I", "II", "III"))]
        title = " ".join(w for w in words if w)
        p50 = rng.randrange(25_000, 200_000)
        picked = rng.sample(competencies, 8)
        roles.append(Role(
            id=f"syn/{i:06d}", title=title, family=rng.choice(families).id, level=rng.choice(levels).code,
            job_code=f"SY{i:07d}", source="synthetic",
            summary=f"{title} working with {rng.choice(AREAS).lower()} teams on {rng.choice(FUNCTIONS).lower()}.",
            alt_titles=(f"{rng.choice(AREAS)} {rng.choice(JOBS)}",),
            salaries=(SalaryBand(source="synthetic", p25=p50 * 0.9, p50=p50, p75=p50 * 1.1),),
            requirements=tuple(Requirement(competency=c.id, level=rng.randint(1, 5)) for c in picked),
            unpublished=rng.choice((0, 0, 3)),
        ))
    return Catalogue(
        info=CatalogueInfo(name=f"Synthetic {count}", version="1"),
        sources=(Source(id="synthetic", name="Synthetic roles", licence="CC0"),),
        scales=(scale,), job_families=tuple(families), job_levels=tuple(levels),
        competencies=tuple(competencies), roles=tuple(roles),
    )


def build_synthetic(count: int, folder: Path) -> Path:
    from career_explorer.data.compiler import write_catalogue

    path = folder / f"synthetic-{count}.sqlite"
    write_catalogue(synthetic_catalogue(count), path)
    return path


def ms(seconds: float) -> float:
    return seconds * 1000.0


def keystrokes(view, queries=QUERIES, repeats: int = 3) -> list[float]:
    """Times of each keystroke's setText -> model reset, over every prefix of every query."""
    times = []
    for _ in range(repeats):
        for query in queries:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                view.search.setText(query[:end])
                times.append(time.perf_counter() - start)
            view.search.setText("")
    return times


def substring_scan(titles: list[str], queries=QUERIES, repeats: int = 3) -> list[float]:
    """The baseline: lower-case every title and test each typed word as a substring, per keystroke."""
    times = []
    for _ in range(repeats):
        for query in queries:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                words = query[:end].lower().split()
                _hits = [t for t in titles if all(w in t.lower() for w in words)]
                times.append(time.perf_counter() - start)
    return times


def proxy_sort_reset(rows) -> float:
    """For reference: the same reset through a QSortFilterProxyModel sorted by pay (C++ calling data())."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    from career_explorer.ui.models.role_table_model import COL_PAY, RoleTableModel

    sort_role = Qt.UserRole + 2

    class PayKeyed(RoleTableModel):
        """The table answering the plain pay under a sort role, as a proxy needs (the app's model sorts itself)."""

        def data(self, index, role=Qt.DisplayRole):
            if role == sort_role:
                row = self.row_at(index.row())
                return -1.0 if row is None or row.median_base is None else row.median_base
            return super().data(index, role)

    model = PayKeyed(orderer=lambda rows, key, descending: rows)  # the proxy sorts; the model never does
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(sort_role)
    proxy.sort(COL_PAY, Qt.DescendingOrder)
    start = time.perf_counter()
    model.set_rows(rows)
    proxy.rowCount()
    return time.perf_counter() - start


def profile_open(app, repo, role_id: str, repeats: int = 5) -> tuple[list[float], float, float]:
    """Profile window build + show (chart deferred); then the first and a warm band-chart draw."""
    from PySide6.QtTest import QTest

    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    opens = []
    chart_first = chart_warm = 0.0
    for n in range(repeats):
        start = time.perf_counter()
        dialog = RoleProfileDialog.show_role(repo, role_id)
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        dialog.profile_widget.pay_chart.redraw()
        dialog.profile_widget.pay_chart.canvas.draw()
        elapsed = time.perf_counter() - start
        chart_first, chart_warm = (elapsed, chart_warm) if n == 0 else (chart_first, elapsed)
        dialog.close()
        QTest.qWait(1)
    return opens, chart_first, chart_warm


def main() -> None:
    from PySide6.QtWidgets import QApplication

    quick = "--quick" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        run(app, Path(tmp), quick)


def run(app, folder: Path, quick: bool) -> None:
    from PySide6.QtCore import Qt

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.ui.models.role_table_model import COL_PAY
    from career_explorer.ui.views.browse_view import BrowseView

    sizes = [("bundled", bundled_catalogue(), "-", "chat support manager"), ]
    for count, target in ((1_000, 16.0), (10_000 if quick else 100_000, 50.0)):
        start = time.perf_counter()
        path = build_synthetic(count, folder)
        print(f"(built {count:,} synthetic roles in {time.perf_counter() - start:.1f} s)", file=sys.stderr)
        sizes.append((f"synthetic {count:,}", path, f"{target:g}", None))

    search_rows, profile_rows = [], []
    for name, path, target, profile_name in sizes:
        repo = CatalogueRepository(path)
        start = time.perf_counter()
        view = BrowseView(repo)
        load = time.perf_counter() - start
        view.resize(1100, 700)
        view.show()
        keystrokes(view, repeats=1)  # warm caches: the FTS pages, sort orders
        times = keystrokes(view)
        titles = [s.title for s in view.browser.summaries]
        scan = substring_scan(titles)
        view.table.sortByColumn(COL_PAY, Qt.DescendingOrder)
        sorted_times = keystrokes(view, repeats=1)
        proxy = proxy_sort_reset(view.browser.summaries)
        med, worst, base = ms(statistics.median(times)), ms(max(times)), ms(statistics.median(scan))
        search_rows.append((name, len(titles), load, med, worst, ms(max(sorted_times)), target, base,
                            ms(max(scan)), ms(proxy)))
        role_id = view.browser.summaries[len(titles) // 2].id
        if profile_name:
            role_id = next(s.id for s in view.browser.summaries if s.title.lower() == profile_name)
        opens, first, warm = profile_open(app, repo, role_id)
        profile_rows.append((name, role_id, ms(statistics.median(opens)), ms(max(opens)), ms(first), ms(warm)))
        view.close()
        view.deleteLater()
        view.browser.close()
        repo.close()

    print("Keystroke -> updated table model (BrowseView.search.setText; typing every prefix of "
          f"{', '.join(repr(q) for q in QUERIES)}, 3 rounds)")
    head = (f"{'catalogue':<18}{'roles':>9}{'load s':>8}{'median ms':>11}{'worst ms':>10}{'sorted worst':>14}"
            f"{'target':>8}{'scan med ms':>13}{'scan worst':>12}{'ratio':>7}{'proxy sort ms':>15}")
    print(head)
    for name, roles, load, med, worst, sorted_worst, target, base, base_worst, proxy in search_rows:
        print(f"{name:<18}{roles:>9,}{load:>8.2f}{med:>11.2f}{worst:>10.2f}{sorted_worst:>14.2f}{target:>8}"
              f"{base:>13.2f}{base_worst:>12.2f}{med / base if base else 0:>7.2f}{proxy:>15.1f}")
    print("load s: building the view, incl. reading every role summary once. sorted worst: the same typing with"
          " the table sorted by pay. scan: plain substring test of each word over the same titles (no"
          " alternate titles or summaries). ratio: median / scan median. proxy sort ms: for reference, one reset"
          " through a QSortFilterProxyModel sorted by pay - why the model sorts itself.")
    print()
    print("Opening a role profile (RoleProfileDialog.show_role: profile query + widgets + show; target <= 100 ms)")
    print(f"{'catalogue':<18}{'role':<34}{'median ms':>11}{'worst ms':>10}{'chart first ms':>16}{'chart warm ms':>15}")
    for name, role_id, med, worst, first, warm in profile_rows:
        print(f"{name:<18}{role_id:<34}{med:>11.1f}{worst:>10.1f}{first:>16.1f}{warm:>15.1f}")
    print("chart: the small band chart, drawn after the window shows; 'first' includes importing matplotlib"
          " (only on the first chart of a session).")


if __name__ == "__main__":
    main()
