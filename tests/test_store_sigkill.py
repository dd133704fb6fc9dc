"""Kill a process with SIGKILL while it saves assessments (50 times) or session notes (20 times): the
store survives every time.

bench/store_sigkill.py runs the same with 200 kills.

After each kill the store opens (not moved aside), passes PRAGMA integrity_check, and holds every
snapshot or session the process reported saved, each whole (all its ratings or done marks) or absent.
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
SESSION_KILLS = 20

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

SESSION_WRITER = """
import datetime as dt, sys
from career_explorer.data.user_store import UserStore
from career_explorer.domain.user import SessionNote
if sys.stdin.readline().strip() != "go":
    sys.exit(0)
store = UserStore.open(sys.argv[1])
person = store.find_person("looper") or store.add_person("looper")
print("ready", flush=True)
i = 0
while True:
    i += 1
    done = tuple({"competency": f"fx/c{k}", "action": "a" * (i * 13 % 300)} for k in range(12))
    saved = store.add_session(person.id, SessionNote(
        held_on=dt.date(2024, 1, 1) + dt.timedelta(days=i % 300), discussed="d" * (i * 37 % 2000),
        agreed="g" * (i % 90), created=dt.datetime.now().astimezone(), done=done))
    print(saved.id, flush=True)
"""
# What each writer saves: the writer, the table of its items, and how many parts each item must have.
WHAT = {
    "snapshots": (WRITER, "SELECT a.id, count(r.competency) FROM assessments a "
                          "LEFT JOIN ratings r ON r.assessment_id = a.id GROUP BY a.id"),
    "sessions": (SESSION_WRITER, "SELECT s.id, count(d.competency) FROM sessions s "
                                 "LEFT JOIN session_done d ON d.session_id = s.id GROUP BY s.id"),
}


def _read_lines(stream, sink: list[str]) -> None:
    for line in stream:
        sink.append(line.strip())


def run_kills(path: Path, kills: int, seed: int = 20240501, what: str = "snapshots") -> dict[str, int]:
    """Start, kill and check `kills` writers of `what` in turn; asserts after each kill. Returns what it saw."""
    writer, count_sql = WHAT[what]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(seed)
    reported: set[int] = set()
    full_checks = 0
    spawn = lambda: subprocess.Popen(  # noqa: E731
        [sys.executable, "-c", writer, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
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
            counts = dict(check.execute(count_sql))
            check.close()
            missing = reported - set(counts)
            assert not missing, f"round {round_}: {what} reported saved are gone: {sorted(missing)[:10]}"
            assert set(counts.values()) == {12}  # never half a snapshot, never a session without its marks
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)
        for extra in waiting:
            extra.kill()
            extra.wait(10)
            for stream in (extra.stdin, extra.stdout, extra.stderr):
                stream.close()
    return {"kills": kills, "reported": len(reported), "in_store": len(counts), "full_checks": full_checks}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_saving_never_loses_a_reported_snapshot(tmp_path):
    started = time.monotonic()
    seen = run_kills(tmp_path / "career-explorer.sqlite", KILLS)
    assert seen["reported"] > KILLS  # the loop really was saving when killed
    assert time.monotonic() - started < 60


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_saving_session_notes_leaves_each_session_whole_or_absent(tmp_path):
    seen = run_kills(tmp_path / "career-explorer.sqlite", SESSION_KILLS, what="sessions")
    assert seen["reported"] > SESSION_KILLS
    store = UserStore.open(tmp_path / "career-explorer.sqlite")
    [looper] = store.people()
    sessions = store.sessions(looper.id)
    # Every session in the file reads back whole through the store, with all twelve actions done.
    assert len(sessions) == seen["in_store"] and {len(s.done) for s in sessions} == {12}
