"""Numbered migrations of the user store. `PRAGMA user_version` holds the last one applied.

Never edit a released migration: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
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
