"""A coach's cohort on the bundled catalogue: 200 people, 10 snapshots each.

Cases: reading the cohort from the store, building the table, and the Cohort tab filling in
(CohortView.reload() and painting, 1280x800; median of RUNS). Baseline, same run: a QTableView over a
QStandardItemModel of the same shape filled with plain strings. Then the cohort pack, written in a
child process so its peak memory is its own (with its chart-drawing helper's added, and the helper's
CPU); baselines, same run: a child writing as many one-line
pages with matplotlib's PdfPages (how the pack wrote every page until it moved to fpdf2), and one
writing them with fpdf2 (what the pack's text now costs at the least). Targets: fill <= 200 ms; pack
<= 60 s and <= 500 MB.
Prints a table; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/cohort.py [--people 200] [--snapshots 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5
FILL_MS, PACK_S, PACK_MB = 200.0, 60.0, 500.0
# A support team's targets: two Salary.com profiles (a few competencies with levels) and two O*NET
# occupations (dozens, with importance).
TARGETS = ["salary-com/customer-service-manager", "salary-com/chat-support-manager", "onet/43-1011.00",
           "onet/43-4051.00"]
CURRENT = "salary-com/chat-support-representative-i"


def build_store(home: Path, people: int, snapshots: int) -> None:
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.user_store import UserStore
    from career_explorer.domain.user import Assessment, Rating, Target
    from career_explorer.paths import bundled_catalogue

    repo = CatalogueRepository(bundled_catalogue())
    rng = random.Random(14)
    store = UserStore.open(home / "user.sqlite")
    store.set_mode("coach")
    start = dt.datetime(2025, 1, 6, 9, tzinfo=dt.timezone.utc)
    for i in range(people):
        target = repo.role(TARGETS[i % len(TARGETS)])
        person = store.add_person(f"Person {i + 1:03d}", CURRENT)
        store.set_target(person.id, Target(role_id=target.id, set_at=start))
        rated = [q for q in target.requirements if q.level is not None]
        for s in range(snapshots):
            scale = {q.competency: repo.scales[repo.competencies[q.competency].scale] for q in rated}
            ratings = tuple(Rating(competency=q.competency,
                                   level=min(scale[q.competency].max, max(scale[q.competency].min,
                                             round(q.level - rng.uniform(-1, 2) + s * 0.1))))
                            for q in rated if rng.random() < 0.8)
            store.add_assessment(person.id, Assessment(taken=start + dt.timedelta(weeks=s), ratings=ratings))
    store.close()


def child(kind: str, home: Path, pages: int) -> dict:
    """Run the pack (or the baseline) in a fresh process: (seconds, peak MB, pages)."""
    done = subprocess.run([sys.executable, __file__, "--child", kind, "--home", str(home), "--pages", str(pages)],
                          capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_child(kind: str, home: Path, pages: int) -> None:
    os.environ["CAREER_EXPLORER_HOME"] = str(home)
    out = home / f"{kind}.pdf"
    start = time.perf_counter()
    if kind == "pack":
        from career_explorer.data.catalogue_repository import CatalogueRepository
        from career_explorer.data.user_store import UserStore
        from career_explorer.paths import bundled_catalogue
        from career_explorer.services.cohort import cohort_table, load_members
        from career_explorer.services.cohort_pack import pack_people, write_pack

        repo = CatalogueRepository(bundled_catalogue())
        store = UserStore.open(home / "user.sqlite")
        table = cohort_table(repo, load_members(store))
        write_pack(repo, table, pack_people(store, table), out)
    elif kind == "fpdf2":
        import matplotlib
        from fpdf import FPDF

        pdf = FPDF(unit="in", format="A4")
        pdf.add_font("DejaVu", "", str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"))
        pdf.set_font("DejaVu", "", 10)
        for n in range(pages):
            pdf.add_page()
            pdf.text(0.8, 1.2, f"Page {n + 1}")
        pdf.output(str(out))
    else:
        import matplotlib
        from matplotlib.backends.backend_pdf import PdfPages
        from matplotlib.figure import Figure

        with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out) as pdf:
            for n in range(pages):
                fig = Figure(figsize=(8.27, 11.69))
                fig.text(0.1, 0.9, f"Page {n + 1}")
                pdf.savefig(fig)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    if kind == "pack":
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
    # The pack draws half its charts in a helper process: its CPU counts, and its peak memory is added to
    # this one's (as if both peaked at once, an upper bound).
    helper = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime + helper.ru_utime + helper.ru_stime,
                      "mb": (usage.ru_maxrss + helper.ru_maxrss) / 1024, "pages": pages}))


def fill_times(home: Path) -> dict[str, list[float]]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.user_store import UserStore
    from career_explorer.paths import bundled_catalogue
    from career_explorer.services.cohort import cohort_table, load_members
    from career_explorer.ui.cohort.cohort_view import CohortView

    app = QApplication.instance() or QApplication([])
    repo = CatalogueRepository(bundled_catalogue())
    store = UserStore.open(home / "user.sqlite")

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    times: dict[str, list[float]] = {"read": [], "table": [], "fill": [], "bare": []}
    view = CohortView(repo, store)
    view.resize(1280, 800)
    view.show()
    view.reload()  # first fill: the catalogue's competencies are read once per catalogue
    settle()
    shape = (view.model.rowCount(), view.model.columnCount())
    for _ in range(RUNS):
        start = time.perf_counter()
        members = load_members(store)
        times["read"].append(time.perf_counter() - start)
        start = time.perf_counter()
        cohort_table(repo, members)
        times["table"].append(time.perf_counter() - start)
        start = time.perf_counter()
        view.reload()
        view.repaint()
        settle()
        times["fill"].append(time.perf_counter() - start)
    bare = QTableView()
    bare.resize(1280, 800)
    bare.show()
    for _ in range(RUNS):
        start = time.perf_counter()
        model = QStandardItemModel(*shape)
        for r in range(shape[0]):
            for c in range(shape[1]):
                model.setItem(r, c, QStandardItem("+1"))
        bare.setModel(model)
        bare.repaint()
        settle()
        times["bare"].append(time.perf_counter() - start)
    times["shape"] = list(shape)
    view.close()
    store.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--snapshots", type=int, default=10)
    parser.add_argument("--child", choices=["pack", "baseline", "fpdf2"])
    parser.add_argument("--home", type=Path)
    parser.add_argument("--pages", type=int, default=0)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.home, args.pages)
        return 0
    with tempfile.TemporaryDirectory(prefix="ce-bench-cohort-") as folder:
        home = Path(folder)
        os.environ["CAREER_EXPLORER_HOME"] = str(home)
        start = time.perf_counter()
        build_store(home, args.people, args.snapshots)
        print(f"Cohort of {args.people} people x {args.snapshots} snapshots (store built in "
              f"{time.perf_counter() - start:.1f} s), bundled catalogue")
        t = fill_times(home)
        rows, cols = t.pop("shape")
        med = {k: statistics.median(v) * 1000 for k, v in t.items()}
        print(f"\nCohort tab, {rows} rows x {cols} columns, 1280x800, median of {RUNS} (ms)")
        print(f"{'case':<44}{'ms':>9}{'x bare':>9}  target")
        print(f"{'bare QTableView, same shape, plain strings':<44}{med['bare']:>9.1f}{1:>9.2f}")
        print(f"{'  read people, targets, latest snapshots':<44}{med['read']:>9.1f}")
        print(f"{'  build the cohort table (services)':<44}{med['table']:>9.1f}")
        verdict = "met" if med["fill"] <= FILL_MS else "NOT met"
        print(f"{'Cohort tab fills (reload + paint)':<44}{med['fill']:>9.1f}{med['fill'] / med['bare']:>9.2f}"
              f"  <= {FILL_MS:.0f} ms: {verdict}")
        pack = child("pack", home, 0)
        base = child("baseline", home, pack["pages"] or 1)
        text = child("fpdf2", home, pack["pages"] or 1)
        # CPU seconds beside wall seconds: on a shared machine the wall clock also counts others' work.
        print(f"\nCohort pack, {pack['pages']} pages, each in its own process")
        print(f"{'case':<44}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'x base':>8}  target")
        print(f"{'baseline: as many one-line PdfPages pages':<44}{base['seconds']:>9.1f}{base['cpu']:>9.1f}"
              f"{base['mb']:>9.0f}{1:>8.2f}")
        print(f"{'baseline: as many one-line fpdf2 pages':<44}{text['seconds']:>9.1f}{text['cpu']:>9.1f}"
              f"{text['mb']:>9.0f}{text['cpu'] / base['cpu']:>8.2f}")
        verdict = "met" if pack["seconds"] <= PACK_S and pack["mb"] <= PACK_MB else "NOT met"
        print(f"{'cohort pack':<44}{pack['seconds']:>9.1f}{pack['cpu']:>9.1f}{pack['mb']:>9.0f}"
              f"{pack['cpu'] / base['cpu']:>8.2f}  <= {PACK_S:.0f} s, {PACK_MB:.0f} MB: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
