"""Route finding and the Path view's redraw, each beside a baseline from the same run.

- routes on the bundled catalogue (target: median <= 5 ms);
- routes on a synthetic catalogue of 10,000 roles and 50,000 transitions, fixed seed (<= 50 ms, K=5);
- the Path view's redraw, from a route selection to both charts painted (<= 150 ms).

Baselines: the same "how many steps from A to B" question answered by a recursive SQL CTE alone,
and a bare FigureCanvasQTAgg drawing one line and one small heatmap. Prints a table; asserts nothing.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from baselines import SHORTEST_SQL

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.compiler import write_catalogue
from career_explorer.domain.catalogue import (
    Catalogue,
    CatalogueInfo,
    Competency,
    JobFamily,
    JobLevel,
    Requirement,
    Role,
    SalaryBand,
    Scale,
    Source,
    Transition,
)
from career_explorer.paths import bundled_catalogue
from career_explorer.services.routes import RouteFinder

SEED = 20240501
K = 5


def ms(seconds: float) -> float:
    return seconds * 1000.0


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def synthetic_catalogue(roles: int = 10_000, transitions: int = 50_000, seed: int = SEED) -> Catalogue:
    """A ladder-shaped catalogue: 50 families x 8 levels, mostly promotions up one level in a family."""
    rng = random.Random(seed)
    levels = [JobLevel(code=f"L{r}", ladder="synthetic", rank=r) for r in range(1, 9)]
    comps = [Competency(id=f"syn/c{i}", name=f"Competency {i}", kind="core", scale="proficiency-5", source="syn")
             for i in range(300)]
    by_slot: dict[tuple[int, int], list[str]] = {}
    role_list = []
    for i in range(roles):
        family, rank = i % 50, rng.randint(1, 8)
        rid = f"syn/r{i}"
        by_slot.setdefault((family, rank), []).append(rid)
        picked = rng.sample(comps, 8)
        reqs = tuple(Requirement(competency=c.id, level=min(5, max(1, rank // 2 + rng.randint(0, 2)))) for c in picked)
        median = 30_000 * (1.18 ** rank) * rng.uniform(0.9, 1.1)
        role_list.append(Role(
            id=rid, title=f"Role {i} ({family}/{rank})", family=f"f{family}", level=f"L{rank}", source="syn",
            requirements=reqs, unpublished=rng.choice((0, 0, 1, 3)),
            salaries=(SalaryBand(source="syn", p25=median * 0.85, p50=median, p75=median * 1.15),),
        ))
    pairs: set[tuple[str, str]] = set()
    kinds: dict[tuple[str, str], str] = {}
    while len(pairs) < transitions:
        role = role_list[rng.randrange(roles)]
        family, rank = int(role.id[5:]) % 50, int(role.level[1:])
        roll = rng.random()
        if roll < 0.6 and rank < 8:
            kind, pool = "promotion", by_slot.get((family, rank + 1), [])
        elif roll < 0.85:
            kind, pool = "lateral", by_slot.get(((family + rng.randint(1, 3)) % 50, rank), [])
        else:
            kind, pool = "related", by_slot.get((rng.randrange(50), rank), [])
        if not pool:
            continue
        target = rng.choice(pool)
        if target != role.id and (role.id, target) not in pairs:
            pairs.add((role.id, target))
            kinds[(role.id, target)] = kind
    return Catalogue(
        info=CatalogueInfo(name="Synthetic", version=str(seed)),
        sources=(Source(id="syn", name="Synthetic", licence="CC0"),),
        scales=(Scale(id="proficiency-5", name="Proficiency", min=1, max=5),),
        job_families=tuple(JobFamily(id=f"f{f}", name=f"Family {f}") for f in range(50)),
        job_levels=tuple(levels), competencies=tuple(comps), roles=tuple(role_list),
        transitions=tuple(Transition(from_role=a, to_role=b, kind=kinds[(a, b)], source="syn", basis="Synthetic.")
                          for a, b in sorted(pairs)),
    )


def route_times(path: Path, pairs: list[tuple[str, str]]) -> tuple[list[float], list[float], list[float], float, float]:
    """Per pair: engine wall and CPU time (graph built once, then kept) and SQL-CTE baseline; graph build time."""
    repo = CatalogueRepository(path)
    finder = RouteFinder(repo)
    build = timed(lambda: (finder.graph, finder.summaries))
    first = timed(finder.find, *pairs[0], K)
    sql = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    engine, cpu, baseline = [], [], []
    for a, b in pairs:
        start, start_cpu = time.perf_counter(), time.process_time()
        result = finder.find(a, b, K)
        engine.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        limit = result.routes[0].step_count if result.routes else 8
        start = time.perf_counter()
        sql.execute(SHORTEST_SQL, {"start": a, "goal": b, "limit": limit}).fetchone()
        baseline.append(time.perf_counter() - start)
    sql.close()
    repo.close()
    return engine, cpu, baseline, build, first


def redraw_times(runs: int = 15) -> tuple[list[float], list[float], list[float]]:
    """Route selection to both charts drawn and painted, against a bare canvas with one line and one heatmap."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from career_explorer.ui.views.path_view import PathView

    view = PathView(CatalogueRepository(bundled_catalogue()))
    view.resize(1250, 800)
    view.show()
    view.set_roles("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
    drawn = set()
    view.pay_chart.drawn.connect(lambda: drawn.add("pay"))
    view.skill_chart.drawn.connect(lambda: drawn.add("skill"))

    def settle(names: set, deadline: float = 5.0) -> None:
        end = time.perf_counter() + deadline
        while not names <= drawn and time.perf_counter() < end:
            app.processEvents()
        for canvas in (view.pay_chart.canvas, view.skill_chart.canvas):
            canvas.repaint()

    settle({"pay", "skill"})
    times, cpu = [], []
    for i in range(runs):
        drawn.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        view.select_route(2 if i % 2 == 0 else 1)
        settle({"pay", "skill"})
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)

    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    canvas = FigureCanvasQTAgg(Figure(layout="constrained"))
    canvas.resize(500, 700)
    canvas.show()
    bare = []
    for _ in range(runs):
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
    return times, cpu, bare


def row(case: str, values: list[float], cpu: list[float], baseline: list[float], target: float) -> str:
    med, base = ms(statistics.median(values)), ms(statistics.median(baseline))
    verdict = "met" if med <= target else "NOT met"
    return (f"{case:<44}{med:>9.2f}{ms(statistics.median(cpu)):>9.2f}{ms(max(values)):>9.2f}{base:>10.2f}"
            f"{med / base if base else 0:>8.2f}{target:>8.0f}  {verdict}")


def main() -> None:
    lines = [f"{'case':<44}{'med ms':>9}{'cpu ms':>9}{'max ms':>9}{'base ms':>10}{'ratio':>8}{'target':>8}"]

    bundled = CatalogueRepository(bundled_catalogue())
    ids = bundled.role_ids()
    bundled.close()
    # Every pair of 1,029 roles is a million queries: a fixed sample, plus the curated ladder's pairs.
    sampler = random.Random(SEED)
    ladder = [i for i in ids if not i.startswith("onet/")]
    pairs = [(a, b) for a in ladder for b in ladder if a != b][:100]
    pairs += [tuple(sampler.sample(ids, 2)) for _ in range(100)]
    engine, cpu, base, build, first = route_times(bundled_catalogue(), pairs)
    lines.append(row(f"routes, bundled ({len(ids)} roles, {len(pairs)} pairs, K={K})", engine, cpu, base, 5))
    notes = [f"bundled: graph and role list built once in {ms(build):.1f} ms; first query {ms(first):.1f} ms"]

    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.sqlite"
        start = time.perf_counter()
        write_catalogue(synthetic_catalogue(), path)
        made = time.perf_counter() - start
        repo = CatalogueRepository(path)
        summaries = repo.role_summaries()
        counts = repo.counts()
        repo.close()
        low = [s.id for s in summaries if s.level_rank in (1, 2)]
        high = [s.id for s in summaries if s.level_rank in (6, 7, 8)]
        syn_pairs = [(rng.choice(low), rng.choice(high)) for _ in range(20)]
        engine, cpu, base, build, first = route_times(path, syn_pairs)
        lines.append(row(f"routes, synthetic ({counts.roles} roles, {counts.transitions} tr.)", engine, cpu, base, 50))
        notes.append(f"synthetic: generated and compiled in {made:.1f} s (seed {SEED}); graph and role list "
                     f"built once in {ms(build):.0f} ms; first query {ms(first):.1f} ms")

    redraw, cpu, bare = redraw_times()
    lines.append(row("Path view redraw: select route -> both painted", redraw, cpu, bare, 150))
    print("Route finding and Path view redraw (baseline: recursive SQL CTE for the route length;")
    print("bare FigureCanvasQTAgg with one line and one heatmap for the redraw)")
    print("\n".join(lines))
    print("\n".join(notes))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f} on {os.cpu_count()} CPUs; med: wall-clock median, cpu: this process's "
          "CPU-time median, ratio: med / base")


if __name__ == "__main__":
    main()
