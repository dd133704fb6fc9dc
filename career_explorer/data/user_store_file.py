"""Opening the user-store SQLite file: where it lives, checking it, and moving a corrupt one aside.

A corrupt file, or another program's database (whatever its user_version), is renamed with a
timestamp with its -wal/-shm/-journal files, never deleted, migrated or switched to WAL, and an
empty store is started in its place. A store that cannot be used at all (a folder, a dangling link,
a file we may not read or write, a user-data folder that is a file) is not corrupt: opening fails
with a one-line StoreUnusable that says what and where, and nothing is created, moved or changed.
An empty (zero-length) file is a new store and is used as it is.

Opening runs PRAGMA quick_check; the full integrity check runs only after an unclean shutdown (a
-wal file left behind; also while another process has the store open) or on demand.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Optional

from career_explorer import paths
from career_explorer.data.errors import DataError
from career_explorer.data.user_migrations import LATEST, migrate, not_ours, schema_version

STORE_NAME = "career-explorer.sqlite"


class UserStoreError(DataError):
    """A user-store action cannot be done; the message is one line."""


class StoreTooNew(UserStoreError):
    pass


class StoreUnusable(UserStoreError):
    """The store's location cannot hold a store; nothing there was created, moved or changed."""


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
                raise UserStoreError(f"{path}: cannot save to the user store ({exc}); nothing was saved") from None
            time.sleep(0.05 * (attempt + 1))
    raise StoreBusy(f"{path}: the user store is busy: another program kept it locked for "
                    f"{BUSY_TIMEOUT * BUSY_RETRIES:.0f} s; nothing was saved, try again")


class _Corrupt(Exception):
    """The file is damaged or not ours: move it aside. The message says which."""


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


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        hint = f" (check {paths.HOME_ENV})" if os.environ.get(paths.HOME_ENV) else ""
        raise StoreUnusable(f"{blocker}: is a file, so the user-data folder {folder} cannot be made there"
                            f"{hint}; nothing was changed") from None
    except OSError as exc:
        raise StoreUnusable(f"{folder}: cannot make the user-data folder ({exc.strerror or exc})") from None


def _owner(info: os.stat_result) -> str:
    try:
        import pwd

        return pwd.getpwuid(info.st_uid).pw_name
    except (ImportError, KeyError):
        return f"user {info.st_uid}"


def check_location(path: Path) -> None:
    """StoreUnusable when `path` cannot be a store, before anything is created or opened."""
    _make_folder(path.parent)
    if path.is_symlink() and not path.exists():
        raise StoreUnusable(f"{path}: the user store is a link to {os.readlink(path)}, which does not exist; "
                            "nothing was created there")
    if not path.exists():
        return
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise StoreUnusable(f"{path}: the user store is a folder, not a file; nothing in it was changed "
                            "(move it away to start a new store)")
    if not stat.S_ISREG(info.st_mode):
        raise StoreUnusable(f"{path}: the user store is not a regular file; nothing was changed")
    for mode, verb in ((os.R_OK, "read"), (os.W_OK, "write")):
        if not os.access(path, mode):
            raise StoreUnusable(f"{path}: cannot {verb} the user store: it belongs to {_owner(info)} with "
                                f"permissions {stat.filemode(info.st_mode)}; nothing was changed")


def unclean_shutdown(path: Path) -> bool:
    """A -wal file with content means the last process did not close the store (or one still has it open)."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def verify(conn: sqlite3.Connection, full: bool = False) -> None:
    """_Corrupt if the database on `conn` is not ours or is damaged; StoreTooNew if it is from a newer app."""
    version = schema_version(conn)
    why = not_ours(conn, version)
    if why is not None:
        raise _Corrupt(f"is not a Career Explorer store ({why})")
    if version > LATEST:
        raise StoreTooNew(f"the user store is from a newer Career Explorer (schema {version})")
    found = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    if found != [("ok",)]:
        raise _Corrupt(f"failed its integrity check ({str(found[0][0]).splitlines()[0][:120]})")


def _check_read_only(path: Path, full: bool) -> bool:
    """Check a store without writing to it, so a corrupt file and its -wal are moved aside untouched.

    True when checked (or new); False when it cannot be opened read-only (say, no -shm yet), and
    the read-write connection checks it before changing anything.
    """
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise _Corrupt("is not a SQLite database")
    except OSError as exc:
        raise StoreUnusable(f"{path}: cannot read the user store ({exc.strerror or exc}); "
                            "nothing was changed") from None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            verify(conn, full)
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return False
    except sqlite3.DatabaseError:
        raise _Corrupt("is damaged (SQLite cannot read it)") from None
    except StoreTooNew as exc:
        raise StoreTooNew(f"{path}: {exc}") from None
    return True


def open_connection(path: Path, full_check: bool = False) -> tuple[sqlite3.Connection, Optional[Path], str]:
    """(connection, where a corrupt file was moved or None, why) for the store at `path`, created if new."""
    check_location(path)
    full = full_check or unclean_shutdown(path)
    try:
        checked = _check_read_only(path, full)
        return _connect(path, None if checked else full), None, ""
    except _Corrupt as exc:
        why = str(exc)
    moved = move_aside(path)
    return _connect(path, None), moved, why


def _connect(path: Path, verify_full: Optional[bool]) -> sqlite3.Connection:
    """Open read-write; check first (quick, or full if `verify_full`) unless None: already checked."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        if verify_full is not None:
            verify(conn, verify_full)  # before WAL and migrations: a file that is not ours stays unchanged
        conn.execute("PRAGMA journal_mode=WAL").fetchone()
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        if schema_version(conn) > LATEST:
            raise StoreTooNew(f"the user store is from a newer Career Explorer (schema {schema_version(conn)})")
        migrate(conn)
    except sqlite3.OperationalError as exc:  # locked, unreadable: not corrupt, so never moved aside
        conn.close()
        raise UserStoreError(f"{path}: cannot open the user store ({exc})") from None
    except sqlite3.DatabaseError:
        conn.close()
        raise _Corrupt("is damaged (SQLite cannot read it)") from None
    except StoreTooNew as exc:
        conn.close()
        raise StoreTooNew(f"{path}: {exc}") from None
    except _Corrupt:
        conn.close()
        raise
    return conn
