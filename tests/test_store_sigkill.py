"""Kill a process with SIGKILL while it saves assessments, 50 times: the store survives every time.

bench/store_sigkill.py runs the same with 200 kills.

After each kill the store opens (not moved aside), passes PRAGMA integrity_check, and holds every
snapshot the process reported saved.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.data.user_store_file import unclean_shutdown

ROOT = Path(__file__).resolve().parents[1]
KILLS = 50

WRITER = """
import datetime as dt, sys
from career_explorer.data.user_store import UserStore
from career_explorer.data.user_store_file import unclean_shutdown
from career_explorer.domain.user import Assessment, Rating
if sys.stdin.readline().strip() != "go":  # started early; waits while earlier rounds run
    sys.exit(0)
store = UserStore.open(sys.argv[1])
person = store.find_person("looper") or store.add_person("looper")
print("ready", flush=True)
i = 0
while True:
    i += 1
    ratings = tuple(Rating(competency=f"fx/c{k}", level=(i + k) % 5 + 1, note="n" * (i % 50),
                           evidence="e" * (i * 37 % 400)) for k in range(12))
    saved = store.add_assessment(person.id, Assessment(taken=dt.datetime.now().astimezone(), ratings=ratings))
    print(saved.id, flush=True)
"""


def _read_lines(stream, sink: list[str]) -> None:
    for line in stream:
        sink.append(line.strip())


def run_kills(path: Path, kills: int, seed: int = 20240501) -> dict[str, int]:
    """Start, kill and check `kills` writers in turn; asserts after each kill. Returns what it saw."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(seed)
    reported: set[int] = set()
    full_checks = 0
    spawn = lambda: subprocess.Popen(  # noqa: E731
        [sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    waiting = [spawn() for _ in range(min(3, kills))]  # imports run ahead, while earlier rounds save
    proc = None
    try:
        for round_ in range(kills):
            proc = waiting.pop(0)
            lines: list[str] = []
            reader = threading.Thread(target=_read_lines, args=(proc.stdout, lines), daemon=True)
            reader.start()
            proc.stdin.write("go\n")
            proc.stdin.flush()
            deadline = time.monotonic() + 20
            while "ready" not in lines and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            assert "ready" in lines, proc.stderr.read()
            time.sleep(rng.uniform(0.0, 0.1))  # a random moment in the save loop
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            reader.join(10)
            for stream in (proc.stdin, proc.stderr):
                stream.close()
            assert proc.returncode == -signal.SIGKILL
            reported |= {int(line) for line in lines if line.isdigit()}
            if round_ + len(waiting) < kills - 1:
                waiting.append(spawn())

            full_checks += unclean_shutdown(path)  # so the open below runs the full integrity check
            store = UserStore.open(path)
            assert store.moved_aside is None, f"round {round_}: the store was judged corrupt"
            store.close()
            check = sqlite3.connect(path)
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            counts = dict(check.execute("SELECT a.id, count(r.competency) FROM assessments a "
                                        "LEFT JOIN ratings r ON r.assessment_id = a.id GROUP BY a.id"))
            check.close()
            missing = reported - set(counts)
            assert not missing, f"round {round_}: snapshots reported saved are gone: {sorted(missing)[:10]}"
            assert set(counts.values()) == {12}  # never half a snapshot
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)
        for extra in waiting:
            extra.kill()
            extra.wait(10)
            for stream in (extra.stdin, extra.stdout, extra.stderr):
                stream.close()
    return {"kills": kills, "reported": len(reported), "snapshots": len(counts), "full_checks": full_checks}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_saving_never_loses_a_reported_snapshot(tmp_path):
    started = time.monotonic()
    seen = run_kills(tmp_path / "career-explorer.sqlite", KILLS)
    assert seen["reported"] > KILLS  # the loop really was saving when killed
    assert time.monotonic() - started < 60
