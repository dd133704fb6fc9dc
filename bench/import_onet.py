"""Import the full O*NET 29.0 with every OEWS release, then time search, profiles and routes on the result.

- import: wall time and peak RSS of a fresh interpreter running build_onet_catalogue + write_catalogue
  with every `bls-oews-*/national_*.xlsx` in ../shared/data (four May releases: targets <= 15 s,
  <= 500 MB), beside baselines from the same run: plain csv reading of Skills.txt, and a bare openpyxl
  read-only scan of the four OEWS sheets;
- search: repo.search_ids and RoleBrowser.search (keystroke to rows; Browse target <= 16 ms at ~1,000
  roles), beside a plain substring scan over titles and alternate titles;
- role profile (target <= 100 ms) and routes (RouteFinder, K=5; Path target <= 50 ms at scale), beside
  the "how many steps" question answered by a recursive SQL CTE.

Inputs come from ../shared/data next to the repository. Prints a table; asserts nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from baselines import SHORTEST_SQL  # noqa: E402  (bench/ is on sys.path when run as a script)

DATA = REPO.parent / "shared" / "data"
ONET = DATA / "onet-29.0"
OEWS_FILES = sorted(DATA.glob("bls-oews-*/national_*.xlsx"))
RUNS = 3
REPEAT = 25
QUERIES = ["customer service", "cust serv rep", "manager", "nurse", "software developer", "a"]
PAIRS = [("onet/43-4051.00", "onet/11-3012.00"), ("onet/43-4051.00", "onet/43-1011.00"),
         ("onet/15-1232.00", "onet/11-3021.00"), ("onet/29-1141.00", "onet/11-9111.00")]

MEASURE = r"""
import json, resource, sys, time
start = time.perf_counter()
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"work": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                   "rss_mb": usage.ru_maxrss / 1024}}))
"""
IMPORT = """
from pathlib import Path
from career_explorer.data.importers.onet_catalogue import build_onet_catalogue
from career_explorer.data.compiler import write_catalogue
catalogue = build_onet_catalogue(Path(sys.argv[1]), [Path(p) for p in sys.argv[3:]])
write_catalogue(catalogue, Path(sys.argv[2]))
"""
SKILLS_CSV = """
import csv
with open(sys.argv[1] + "/Skills.txt", encoding="utf-8", newline="") as handle:
    rows = [r for r in csv.DictReader(handle, delimiter="\\t") if r["Scale ID"] in ("LV", "IM")]
"""
OEWS_SCAN = """
from openpyxl import load_workbook
rows = 0
for name in sys.argv[3:]:
    book = load_workbook(name, read_only=True, data_only=True)
    rows += sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
"""


def run_isolated(body: str, *args: str) -> dict:
    """Run `body` in a fresh interpreter; wall time includes start-up, RSS is that process's peak."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE.format(body=body), *args], check=True, env=env,
                          capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - start
    return result


def ms(seconds: float) -> float:
    return seconds * 1000.0


def timings(fn, repeat: int = REPEAT) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def import_table(out: Path) -> list[str]:
    years = len(OEWS_FILES)
    cases = [("plain csv read of Skills.txt", SKILLS_CSV), (f"openpyxl scan of {years} OEWS sheets", OEWS_SCAN),
             (f"O*NET + {years} OEWS releases to SQLite", IMPORT)]
    results = {name: [run_isolated(body, str(ONET), str(out), *map(str, OEWS_FILES)) for _ in range(RUNS)]
               for name, body in cases}
    base = statistics.median(r["wall"] for r in results[cases[0][0]])
    lines = [f"Import (median of {RUNS} fresh interpreters; wall includes interpreter start; cpu = user + system)",
             f"{'case':<36}{'wall s':>8}{'work s':>8}{'cpu s':>8}{'peak MB':>9}{'ratio':>7}  target"]
    for name, _ in cases:
        wall = statistics.median(r["wall"] for r in results[name])
        work = statistics.median(r["work"] for r in results[name])
        cpu = statistics.median(r["cpu"] for r in results[name])
        rss = max(r["rss_mb"] for r in results[name])
        target = ""
        if name.startswith("O*NET"):
            target = f"<= 15 s, <= 500 MB: {'met' if wall <= 15 and rss <= 500 else 'NOT met'}"
        lines.append(f"{name:<36}{wall:>8.2f}{work:>8.2f}{cpu:>8.2f}{rss:>9.0f}{wall / base:>7.1f}  {target}")
    return lines


def query_table(path: Path) -> list[str]:
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.services.browse import RoleBrowser
    from career_explorer.services.profile import role_profile
    from career_explorer.services.routes import RouteFinder

    repo = CatalogueRepository(path)
    counts = repo.counts()
    lines = [f"Queries on the result: {counts.roles} roles, {counts.transitions} transitions, "
             f"{counts.salaries} salaries (median of {REPEAT})",
             f"{'case':<58}{'med ms':>9}{'max ms':>9}{'base ms':>9}{'ratio':>7}  target"]

    def row(case: str, values: list[float], base: list[float] | None, target: float | None) -> str:
        med = ms(statistics.median(values))
        b = ms(statistics.median(base)) if base else None
        ratio = f"{med / b:>7.1f}" if b else f"{'':>7}"
        verdict = "" if target is None else f"<= {target:g} ms: {'met' if med <= target else 'NOT met'}"
        return f"{case:<58}{med:>9.2f}{ms(max(values)):>9.2f}{(f'{b:.2f}' if b else ''):>9}{ratio}  {verdict}"

    texts = [(rid, " ".join(filter(None, [title, alts])).lower()) for rid, title, alts in sqlite3.connect(path).execute(
        "SELECT r.id, r.title, group_concat(a.title, ' ') FROM roles r LEFT JOIN alt_titles a ON a.role = r.id "
        "GROUP BY r.id")]
    start = time.perf_counter()
    browser = RoleBrowser(repo)
    lines.append(f"{'RoleBrowser built once':<58}{ms(time.perf_counter() - start):>9.2f}")
    for query in QUERIES:
        words = query.lower().split()
        scan = timings(lambda words=words: [i for i, t in texts if all(w in t for w in words)])
        hits = len(repo.search_ids(query))
        lines.append(row(f"search_ids {query!r} ({hits} hits)", timings(lambda query=query: repo.search_ids(query)),
                         scan, None))
        lines.append(row(f"RoleBrowser.search {query!r}", timings(lambda query=query: browser.search(query)), scan, 16))
    lines.append(row("role profile onet/43-4051.00", timings(lambda: role_profile(repo, "onet/43-4051.00")), None, 100))

    start = time.perf_counter()
    finder = RouteFinder(repo)
    _ = finder.graph  # built once, timed here
    lines.append(f"{'route graph built once':<58}{ms(time.perf_counter() - start):>9.2f}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    for a, b in PAIRS:
        if repo.role(a) is None or repo.role(b) is None:
            continue
        cte = timings(lambda a=a, b=b: conn.execute(SHORTEST_SQL, {"start": a, "goal": b, "limit": 4}).fetchone(), 5)
        start = time.perf_counter()
        result = finder.find(a, b)
        cold = time.perf_counter() - start
        warm = timings(lambda a=a, b=b: finder.find(a, b))
        steps = result.routes[0].step_count if result.routes else "-"
        label = f"route {a[5:]} -> {b[5:]} ({len(result.routes)} routes, {steps} steps)"
        lines.append(row(label + " first", [cold], cte, 50))
        lines.append(row(label + " again", warm, cte, 50))
    repo.close()
    return lines


def main() -> int:
    if not (ONET.is_dir() and OEWS_FILES):
        print(f"skipped: O*NET 29.0 or the OEWS workbooks not found under {DATA}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "onet.sqlite"
        lines = import_table(out)
        lines += [""] + query_table(out)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
