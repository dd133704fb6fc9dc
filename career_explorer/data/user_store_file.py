"""Opening the user-store SQLite file: where it lives, checking it, and moving a corrupt one aside.

A corrupt file (and its -wal/-shm/-journal files) is renamed with a timestamp, never deleted, and an
empty store is started in its place. A file that is locked or unreadable is not corrupt: opening it
fails with a one-line UserStoreError and the file is left alone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path
from typing import Optional

from career_explorer import paths
from career_explorer.data.errors import DataError
from career_explorer.data.user_migrations import LATEST, migrate, schema_version

STORE_NAME = "career-explorer.sqlite"


class UserStoreError(DataError):
    """A user-store action cannot be done; the message is one line."""


class StoreTooNew(UserStoreError):
    pass


class StoreBusy(UserStoreError):
    """Another program held the store's write lock for longer than we waited."""


BUSY_TIMEOUT = 10.0  # seconds SQLite itself waits for a lock, on each attempt
BUSY_RETRIES = 3


def is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def begin_write(conn: sqlite3.Connection, path: Path) -> None:
    """BEGIN IMMEDIATE, retried a few times past the busy timeout; StoreBusy if the lock never comes."""
    for attempt in range(BUSY_RETRIES):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise UserStoreError(f"{path}: cannot save to the user store ({exc})") from None
            time.sleep(0.05 * (attempt + 1))
    raise StoreBusy(f"{path}: the user store is busy: another program kept it locked for "
                    f"{BUSY_TIMEOUT * BUSY_RETRIES:.0f} s; nothing was saved, try again")


class _Corrupt(Exception):
    pass


def default_store_path() -> Path:
    return paths.user_data_dir() / STORE_NAME


def move_aside(path: Path) -> Path:
    """Rename a corrupt store (and its -wal/-shm files) to '<name>.corrupt-YYYYmmdd-HHMMSS'."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _verify(conn: sqlite3.Connection, version: int) -> None:
    if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
        raise _Corrupt()
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise _Corrupt()  # a database, but not ours


def _check_read_only(path: Path) -> None:
    """Check a store without writing to it, so a corrupt file and its -wal are moved aside untouched."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise _Corrupt()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            _verify(conn, schema_version(conn))
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return  # cannot check read-only (say, no -shm yet): the read-write open checks again
    except sqlite3.DatabaseError:
        raise _Corrupt() from None


def open_connection(path: Path) -> tuple[sqlite3.Connection, Optional[Path]]:
    """(connection, where a corrupt file was moved or None) for the store at `path`, created if new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    moved = None
    try:
        _check_read_only(path)
        conn = _connect(path)
    except _Corrupt:
        moved = move_aside(path)
        conn = _connect(path)
    return conn, moved


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = schema_version(conn)
        _verify(conn, version)
    except sqlite3.OperationalError as exc:  # locked, unreadable: not corrupt, so never moved aside
        conn.close()
        raise UserStoreError(f"{path}: cannot open the user store ({exc})") from None
    except (sqlite3.DatabaseError, _Corrupt):
        conn.close()
        raise _Corrupt() from None
    if version > LATEST:
        conn.close()
        raise StoreTooNew(f"{path}: the user store is from a newer Career Explorer (schema {version})")
    migrate(conn)
    return conn
