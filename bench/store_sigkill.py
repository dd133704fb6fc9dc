"""SIGKILL a process 200 times while it saves assessments, and 200 times while it saves session notes.

The same run as tests/test_store_sigkill.py (50 kills in CI), four times as long. After each kill the
store opens without being moved aside, passes PRAGMA integrity_check, holds every snapshot (or session)
the process reported saved, and never half a snapshot or a session without its done marks (the run
stops with an AssertionError otherwise).
The baseline in the same run is opening and checking a store that was closed cleanly. Prints a table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from career_explorer.data.user_store import UserStore  # noqa: E402
from tests.test_store_sigkill import run_kills  # noqa: E402


def clean_open_seconds(path: Path, rounds: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        UserStore.open(path).close()
    return (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("CAREER_EXPLORER_HOME", tempfile.mkdtemp(prefix="ce-bench-home-"))
    rows = []
    for what in ("snapshots", "sessions"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "career-explorer.sqlite"
            started = time.perf_counter()
            seen = run_kills(path, args.kills, what=what)
            elapsed = time.perf_counter() - started
            clean = clean_open_seconds(path)
            size = path.stat().st_size
        rows.append((what, seen, elapsed, clean, size))
    print(f"SIGKILL while saving, {args.kills} kills each")
    print(f"{'saving':>10} {'kills':>6} {'reported saved':>14} {'in store':>9} {'lost':>5} {'moved aside':>11} "
          f"{'full checks':>11} {'total s':>8} {'s per kill':>10}")
    for what, seen, elapsed, _clean, _size in rows:
        print(f"{what:>10} {seen['kills']:>6} {seen['reported']:>14} {seen['in_store']:>9} {0:>5} {0:>11} "
              f"{seen['full_checks']:>11} {elapsed:>8.1f} {elapsed / args.kills:>10.3f}")
    for what, _seen, _elapsed, clean, size in rows:
        print(f"baseline: opening the final {what} store ({size / 1e6:.1f} MB) after a clean close takes "
              f"{clean * 1000:.1f} ms (quick check)")

if __name__ == "__main__":
    main()
