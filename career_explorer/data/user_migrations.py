"""Numbered migrations of the user store. `PRAGMA user_version` holds the last one applied.

Never edit a released migration: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Optional

MIGRATIONS: list[tuple[int, str, tuple[str, ...]]] = [
    (1, "people, dated assessments and their ratings", (
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role_id TEXT,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            taken TEXT NOT NULL,
            note TEXT
        )""",
        "CREATE INDEX assessments_person ON assessments(person_id, taken)",
        """CREATE TABLE ratings (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            competency TEXT NOT NULL,
            level REAL NOT NULL,
            note TEXT,
            evidence TEXT,
            PRIMARY KEY (assessment_id, competency)
        )""",
    )),
    (2, "archived people, targets, saved routes, plan actions and settings", (
        "ALTER TABLE people ADD COLUMN archived INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE targets (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            role_id TEXT NOT NULL,
            route TEXT NOT NULL DEFAULT '[]',
            set_at TEXT NOT NULL
        )""",
        """CREATE TABLE saved_routes (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            role_ids TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )""",
        """CREATE TABLE plan_actions (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            competency TEXT NOT NULL,
            text TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (person_id, competency)
        )""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )),
    # Done marks live in their own table, keyed by the session, not as a flag on plan_actions: a mark
    # belongs to the session it was ticked in (deleting the session unticks it, an export carries it
    # with the session's uid), and it keeps the action's words as they were when ticked, while the
    # action itself can be reworded or cleared later.
    (3, "tags per person, one-on-one sessions and the actions ticked done in them", (
        """CREATE TABLE person_tags (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            tag TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (person_id, tag)
        )""",
        "CREATE INDEX person_tags_tag ON person_tags(tag)",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            held_on TEXT NOT NULL,
            discussed TEXT,
            agreed TEXT,
            next_date TEXT,
            created TEXT NOT NULL
        )""",
        "CREATE INDEX sessions_person ON sessions(person_id, held_on)",
        """CREATE TABLE session_done (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            competency TEXT NOT NULL,
            action TEXT,
            PRIMARY KEY (session_id, competency)
        )""",
    )),
]

LATEST = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, up_to: Optional[int] = None) -> list[int]:
    """Apply every migration above the store's version (up to `up_to`), each in its own transaction.

    `conn` must be in autocommit mode (isolation_level=None). Returns the versions applied.
    """
    applied = []
    for version, _, statements in MIGRATIONS:
        if version <= schema_version(conn) or (up_to is not None and version > up_to):
            continue
        conn.execute("BEGIN IMMEDIATE")
        if version <= schema_version(conn):  # another process opening the store applied it meanwhile
            conn.execute("COMMIT")
            continue
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


@lru_cache(maxsize=None)
def expected_shape(version: int) -> dict[str, frozenset[str]]:
    """{table: columns} a store at `version` has, found by running the migrations on an empty database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, up_to=version)
        return _shape(conn)
    finally:
        conn.close()


def _shape(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                "AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")]
    return {t: frozenset(r[1] for r in conn.execute(f"PRAGMA table_info({_quoted(t)})")) for t in tables}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def not_ours(conn: sqlite3.Connection, version: int) -> Optional[str]:
    """Why the database on `conn` is not a Career Explorer store, or None when it is (or is empty).

    The schema version alone proves nothing: any program may set user_version, and migrating or
    writing to its file would damage that program's data.
    """
    found = _shape(conn)
    if not found:
        # No tables, nothing to lose: a new store (or, above LATEST, refused as too new).
        return f"it has schema version {version} but no tables" if 0 < version <= LATEST else None
    if version == 0:
        return "it holds tables but no Career Explorer schema version"
    if version > LATEST:
        ours = "people" in found and "assessments" in found
        return None if ours else f"it has schema version {version} but no 'people' table"
    for table, columns in expected_shape(version).items():
        if table not in found:
            return f"it has schema version {version} but no {table!r} table"
        missing = sorted(columns - found[table])
        if missing:
            return f"its {table!r} table has no {missing[0]!r} column"
    return None
