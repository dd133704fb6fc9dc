"""Two processes rating the same person at once, 100 saves each: lost writes, lock errors and time.

Each writer sets its own competency ("bench/a" or "bench/b") to 1, 2, 3, ... and notes which save
it was. A save builds on the latest snapshot, so every snapshot should carry the other writer's last
level; a snapshot carrying an older one reverted (lost) that write. The baseline, in the same run,
is how saves worked before: the latest snapshot read first, the write transaction started after.
Prints a table; asserts nothing. `--saves N --runs N` change the size (tests/test_store_concurrency.py
runs a small one in CI).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WRITER = """
import datetime as dt, sqlite3, sys
from career_explorer.data.user_store import StoreBusy, UserStore
from career_explorer.domain.user import Rating
from career_explorer.services.assessment import next_snapshot
path, me, saves, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
store = UserStore.open(path)
person = store.find_person("shared")
sys.stdin.readline()  # both writers start together
locked = 0
for i in range(1, saves + 1):
    update = [Rating(competency=f"bench/{me}", level=i)]
    try:
        if mode == "baseline":  # the old way: read, then start the write transaction
            previous = store.latest_assessment(person.id)
            store.add_assessment(person.id, next_snapshot(previous, update, f"{me}:{i}"))
        else:
            store.add_assessment_after(person.id, lambda prev: next_snapshot(prev, update, f"{me}:{i}"))
    except (sqlite3.OperationalError, StoreBusy):
        locked += 1
print(locked, flush=True)
"""


def lost_writes(path: Path) -> int:
    """Snapshots that carry an older level of the other writer than that writer had already saved."""
    from career_explorer.data.user_store import UserStore

    store = UserStore.open(path)
    person = store.find_person("shared")
    rows = store._conn.execute("SELECT id FROM assessments WHERE person_id = ? ORDER BY id", (person.id,))
    order = [r[0] for r in rows]
    by_id = {a.id: a for a in store.assessments(person.id)}
    store.close()
    saved = {"a": 0, "b": 0}
    lost = 0
    for snap_id in order:
        snap = by_id[snap_id]
        writer, level = snap.note.split(":")
        other = "b" if writer == "a" else "a"
        carried = snap.levels().get(f"bench/{other}", 0)
        if carried < saved[other]:
            lost += 1
        saved[writer] = int(level)
    return lost


def one_run(folder: Path, saves: int, mode: str) -> tuple[int, int, float]:
    from career_explorer.data.user_store import UserStore

    path = folder / f"{mode}-{time.monotonic_ns()}.sqlite"
    store = UserStore.open(path)
    store.add_person("shared")
    store.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), me, str(saves), mode],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env, cwd=ROOT) for me in ("a", "b")]
    time.sleep(1.5)  # let both finish importing, so they really overlap
    started = time.perf_counter()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    locked = 0
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        if proc.returncode != 0:
            raise SystemExit(f"a writer crashed:\n{err}")
        locked += int(out.strip())
    elapsed = time.perf_counter() - started
    return lost_writes(path), locked, elapsed


def measure(saves: int, runs: int) -> dict[str, tuple[int, int, int, float]]:
    """{mode: (runs, lost writes, locked errors, median seconds)}."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("baseline", "now"):
            outcomes = [one_run(Path(tmp), saves, mode) for _ in range(runs)]
            results[mode] = (runs, sum(o[0] for o in outcomes), sum(o[1] for o in outcomes),
                             statistics.median(o[2] for o in outcomes))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=100, help="saves per process (default 100)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind (default 5)")
    args = parser.parse_args()
    os.environ.setdefault("CAREER_EXPLORER_HOME", tempfile.mkdtemp(prefix="ce-bench-home-"))
    results = measure(args.saves, args.runs)
    base_time = results["baseline"][3]
    print(f"Two processes, {args.saves} saves each, same person")
    print(f"{'kind':<44} {'runs':>4} {'lost writes':>11} {'locked errors':>13} {'median s':>9} {'ratio':>6}")
    labels = {"baseline": "read, then write (before; baseline)", "now": "read inside BEGIN IMMEDIATE (now)"}
    for mode, (runs, lost, locked, seconds) in results.items():
        print(f"{labels[mode]:<44} {runs:>4} {lost:>11} {locked:>13} {seconds:>9.2f} {seconds / base_time:>6.2f}")


if __name__ == "__main__":
    main()
