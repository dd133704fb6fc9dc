"""Saves from two processes at once: none is lost or crashes on "database is locked"."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from career_explorer.data import user_store_file
from career_explorer.data.user_store import StoreBusy, UserStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.store_concurrency import one_run


def test_two_processes_rating_one_person_lose_no_write_and_hit_no_lock(tmp_path):
    lost, locked, _ = one_run(tmp_path, saves=40, mode="now")
    assert (lost, locked) == (0, 0)
    store = UserStore.open(next(tmp_path.glob("now-*.sqlite")))
    person = store.find_person("shared")
    assert store.snapshot_count(person.id) == 80
    assert store.latest_assessment(person.id).levels() == {"bench/a": 40, "bench/b": 40}


def test_a_store_locked_longer_than_the_retries_is_one_line_and_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(user_store_file, "BUSY_TIMEOUT", 0.05)
    path = tmp_path / "store.sqlite"
    store = UserStore.open(path)
    store._conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreBusy, match=r"store.sqlite: the user store is busy: .*nothing was saved, try again"):
        store.add_person("Ana")
    blocker.execute("ROLLBACK")
    blocker.close()
    assert store.people() == []
    assert store.add_person("Ana").name == "Ana"  # works once the other program lets go
