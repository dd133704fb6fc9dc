"""The user store: people, assessments, targets, routes, actions, tags and sessions in a local SQLite file.

WAL mode, one transaction per user action (BEGIN IMMEDIATE, so what an action reads is what it writes
over), numbered migrations. A corrupt file, or one that is not ours, is moved aside with a timestamp
(never deleted) and an empty store is started in its place (user_store_file.py). Rows are checked
with the domain models on the way in and repaired, never refused, on the way out (user_rows.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from career_explorer.data import user_bulk
from career_explorer.data.user_migrations import schema_version
from career_explorer.data.user_rows import InvalidEntry, build, checked, lenient
from career_explorer.data.user_rows import route_ids as _ids
from career_explorer.data.user_sessions import SessionNotFound, TagsAndSessions

# STORE_NAME, the errors, default_store_path and move_aside stay importable from here.
from career_explorer.data.user_store_file import (
    STORE_NAME,
    StoreBusy,
    StoreTooNew,
    UserStoreError,
    begin_write,
    default_store_path,
    move_aside,
    open_connection,
)
from career_explorer.domain.user import (
    Assessment,
    Mode,
    Person,
    PersonRecord,
    PlanAction,
    Rating,
    SavedRoute,
    Target,
)

ME = "me"


class PersonNotFound(UserStoreError):
    pass


class NameTaken(UserStoreError):
    pass


def now() -> dt.datetime:
    """The time of a save: aware, so it compares with every stored time (the models make it UTC)."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


__all__ = ["STORE_NAME", "InvalidEntry", "NameTaken", "PersonNotFound", "SessionNotFound", "StoreBusy", "StoreTooNew",
           "UserStore", "UserStoreError", "default_store_path", "move_aside", "now", "open_user_store"]


class UserStore(TagsAndSessions):
    """Read-write access to the user store. Open with `UserStore.open(path)`.

    Tags and sessions come from TagsAndSessions (user_sessions.py).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, moved_aside: Optional[Path] = None,
                 moved_because: str = "was damaged") -> None:
        self._conn = conn
        self.path = path
        self.moved_aside = moved_aside
        self.moved_because = moved_because

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Optional[Path] = None, full_check: bool = False) -> "UserStore":
        """Open (or create) the store; `full_check` runs the full integrity check, not the quick one."""
        path = Path(path) if path is not None else default_store_path()
        conn, moved, why = open_connection(path, full_check)
        return cls(conn, path, moved, why) if moved else cls(conn, path)

    @property
    def notice(self) -> Optional[str]:
        """What to tell the user when the store had to be moved aside."""
        if self.moved_aside is None:
            return None
        return (f"The user store {self.path} {self.moved_because}, so it has been moved to {self.moved_aside}; "
                f"Career Explorer started with an empty store. Nothing was deleted.")

    def close(self) -> None:
        self._conn.close()

    @property
    def version(self) -> int:
        return schema_version(self._conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside commits together or not at all.

        BEGIN IMMEDIATE takes the write lock before anything is read, so what the action reads is
        what it writes over. Another program saving waits out the busy timeout, then a few retries.
        """
        begin_write(self._conn, self.path)
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            # Disk full, a read-only file, a damaged page, a name another process took a moment ago: one
            # line, not a traceback, and no sqlite3 type escapes the store (callers catch UserStoreError).
            if isinstance(exc, sqlite3.Error):
                raise UserStoreError(f"{self.path}: cannot save to the user store ({exc}); nothing was saved") from None
            raise

    def _rows(self, sql: str, params: tuple = ()) -> list[dict]:
        cur = self._conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- settings -----------------------------------------------------------------------

    def mode(self) -> Mode:
        rows = self._rows("SELECT value FROM settings WHERE key = 'mode'")
        return "coach" if rows and rows[0]["value"] == "coach" else "individual"

    def set_mode(self, mode: Mode) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('mode', ?)", (mode,))

    # -- people -------------------------------------------------------------------------

    @staticmethod
    def _person(row: dict) -> Person:
        # Every field can be repaired, so a person is always listed, planned and deletable.
        return lenient(Person, {k: row[k] for k in ("id", "uid", "name", "role_id", "archived", "created")},
                       f"person {row['id']}")

    def people(self, include_archived: bool = True) -> list[Person]:
        where = "" if include_archived else "WHERE archived = 0"
        return [self._person(r) for r in self._rows(f"SELECT * FROM people {where} ORDER BY name COLLATE NOCASE")]

    def person(self, person_id: int) -> Person:
        rows = self._rows("SELECT * FROM people WHERE id = ?", (person_id,))
        if not rows:
            raise PersonNotFound(f"no person with id {person_id}")
        return self._person(rows[0])

    def find_person(self, name: str) -> Optional[Person]:
        rows = self._rows("SELECT * FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),))
        if rows:
            return self._person(rows[0])
        # A name repaired on reading is not what the file holds: find it the way it is shown.
        wanted = name.strip().casefold()
        return next((p for p in self.people() if p.name.casefold() == wanted), None)

    def person_named(self, name: str) -> Person:
        found = self.find_person(name)
        if found is None:
            known = ", ".join(p.name for p in self.people()) or "none yet"
            raise PersonNotFound(f"no person named {name!r} (people: {known})")
        return found

    def person_by_uid(self, uid: str) -> Optional[Person]:
        rows = self._rows("SELECT * FROM people WHERE uid = ?", (uid,))
        return self._person(rows[0]) if rows else None

    def _check_name_free(self, name: str, except_id: Optional[int] = None) -> None:
        other = self.find_person(name)
        if other is not None and other.id != except_id:
            raise NameTaken(f"a person named {other.name!r} already exists")

    def add_person(self, name: str, role_id: Optional[str] = None) -> Person:
        person = build(Person, "the person", name=name, role_id=role_id, created=now())
        self._check_name_free(person.name)
        with self.transaction() as c:
            cur = c.execute("INSERT INTO people(uid, name, role_id, created, archived) VALUES (?, ?, ?, ?, 0)",
                            (person.uid, person.name, person.role_id, person.created.isoformat()))
        return person.model_copy(update={"id": cur.lastrowid})

    def ensure_me(self) -> Person:
        """The individual's own person, created on first use."""
        return self.find_person(ME) or self.add_person(ME)

    def _update_person(self, person_id: int, **fields: object) -> Person:
        person = self.person(person_id)
        updated = build(Person, f"{person.name!r}", **{**person.model_dump(), **fields})
        self._check_name_free(updated.name, except_id=person_id)
        with self.transaction() as c:
            c.execute("UPDATE people SET name = ?, role_id = ?, archived = ? WHERE id = ?",
                      (updated.name, updated.role_id, int(updated.archived), person_id))
        return updated

    def rename_person(self, person_id: int, name: str) -> Person:
        return self._update_person(person_id, name=name)

    def set_role(self, person_id: int, role_id: Optional[str]) -> Person:
        return self._update_person(person_id, role_id=role_id)

    def set_archived(self, person_id: int, archived: bool) -> Person:
        return self._update_person(person_id, archived=archived)

    def delete_person(self, person_id: int) -> None:
        self.person(person_id)
        with self.transaction() as c:
            c.execute("DELETE FROM people WHERE id = ?", (person_id,))

    # -- assessments --------------------------------------------------------------------

    def add_assessment(self, person_id: int, assessment: Assessment) -> Assessment:
        """Save a new dated snapshot; older snapshots stay as they were."""
        self.person(person_id)
        with self.transaction() as c:
            saved = self._insert_assessment(c, person_id, assessment)
        return saved

    def add_assessment_after(self, person_id: int,
                             make: Callable[[Optional[Assessment]], Assessment]) -> Assessment:
        """Save `make(latest snapshot)`, reading the latest inside the write transaction.

        Read before the transaction, two saves at once would each build on the same snapshot and the
        second would silently drop the first one's ratings.
        """
        self.person(person_id)
        with self.transaction() as c:
            saved = self._insert_assessment(c, person_id, make(self.latest_assessment(person_id)))
        return saved

    @staticmethod
    def _insert_assessment(c: sqlite3.Connection, person_id: int, a: Assessment) -> Assessment:
        a = checked(a, "the assessment")
        cur = c.execute("INSERT INTO assessments(uid, person_id, taken, note) VALUES (?, ?, ?, ?)",
                        (a.uid, person_id, a.taken.isoformat(), a.note))
        c.executemany(
            "INSERT INTO ratings(assessment_id, competency, level, note, evidence) VALUES (?, ?, ?, ?, ?)",
            [(cur.lastrowid, r.competency, r.level, r.note, r.evidence) for r in a.ratings],
        )
        return a.model_copy(update={"id": cur.lastrowid})

    def assessments(self, person_id: int) -> list[Assessment]:
        """The person's snapshots, oldest first."""
        ratings: dict[int, list[Rating]] = {}
        for r in self._rows(
            "SELECT r.* FROM ratings r JOIN assessments a ON a.id = r.assessment_id WHERE a.person_id = ? "
            "ORDER BY r.assessment_id, r.competency", (person_id,)
        ):
            rating = lenient(Rating, {k: r[k] for k in ("competency", "level", "note", "evidence")},
                             f"rating {r['competency']!r} of snapshot {r['assessment_id']}")
            if rating is not None:
                ratings.setdefault(r["assessment_id"], []).append(rating)
        found = [
            lenient(Assessment, {"id": a["id"], "uid": a["uid"], "taken": a["taken"], "note": a["note"],
                                 "ratings": tuple(ratings.get(a["id"], ()))}, f"snapshot {a['id']}")
            for a in self._rows("SELECT * FROM assessments WHERE person_id = ? ORDER BY id", (person_id,))
        ]
        return sorted((a for a in found if a is not None), key=lambda a: (a.taken, a.id))

    def latest_assessment(self, person_id: int) -> Optional[Assessment]:
        found = self.assessments(person_id)
        return found[-1] if found else None

    def snapshot_count(self, person_id: int) -> int:
        return self._conn.execute("SELECT count(*) FROM assessments WHERE person_id = ?", (person_id,)).fetchone()[0]

    def assessment_uids(self) -> set[str]:
        return {r["uid"] for r in self._rows("SELECT uid FROM assessments")}

    # -- targets, routes, actions ---------------------------------------------------------

    def set_target(self, person_id: int, target: Optional[Target]) -> None:
        self.person(person_id)
        with self.transaction() as c:
            self._write_target(c, person_id, target)

    @staticmethod
    def _write_target(c: sqlite3.Connection, person_id: int, target: Optional[Target]) -> None:
        target = checked(target, "the target") if target is not None else None
        c.execute("DELETE FROM targets WHERE person_id = ?", (person_id,))
        if target is not None:
            c.execute("INSERT INTO targets(person_id, role_id, route, set_at) VALUES (?, ?, ?, ?)",
                      (person_id, target.role_id, json.dumps(list(target.route)), target.set_at.isoformat()))

    def target(self, person_id: int) -> Optional[Target]:
        rows = self._rows("SELECT * FROM targets WHERE person_id = ?", (person_id,))
        if not rows:
            return None
        r = rows[0]
        return lenient(Target, {"role_id": r["role_id"], "route": _ids(r["route"]), "set_at": r["set_at"]},
                       f"the target of person {person_id}")

    def save_route(self, person_id: int, route: SavedRoute) -> SavedRoute:
        self.person(person_id)
        with self.transaction() as c:
            cur = self._insert_route(c, person_id, route)
        return route.model_copy(update={"id": cur})

    @staticmethod
    def _insert_route(c: sqlite3.Connection, person_id: int, route: SavedRoute) -> int:
        route = checked(route, "the route")
        return c.execute("INSERT INTO saved_routes(person_id, name, role_ids, saved_at) VALUES (?, ?, ?, ?)",
                         (person_id, route.name, json.dumps(list(route.role_ids)),
                          route.saved_at.isoformat())).lastrowid

    def routes(self, person_id: int) -> list[SavedRoute]:
        found = [lenient(SavedRoute, {"id": r["id"], "name": r["name"], "role_ids": _ids(r["role_ids"]),
                                      "saved_at": r["saved_at"]}, f"saved route {r['id']}")
                 for r in self._rows("SELECT * FROM saved_routes WHERE person_id = ? ORDER BY id", (person_id,))]
        return [r for r in found if r is not None]

    def set_action(self, person_id: int, competency: str, text: Optional[str]) -> None:
        """Set (or with empty text, clear) the free-text development action for one competency."""
        self.person(person_id)
        with self.transaction() as c:
            if text and text.strip():
                action = build(PlanAction, "the action", competency=competency, text=text, updated=now())
                self._write_action(c, person_id, action)
            else:
                c.execute("DELETE FROM plan_actions WHERE person_id = ? AND competency = ?", (person_id, competency))

    @staticmethod
    def _write_action(c: sqlite3.Connection, person_id: int, action: PlanAction) -> None:
        action = checked(action, "the action")
        c.execute("INSERT OR REPLACE INTO plan_actions(person_id, competency, text, updated) VALUES (?, ?, ?, ?)",
                  (person_id, action.competency, action.text, action.updated.isoformat()))

    def actions(self, person_id: int) -> dict[str, PlanAction]:
        found = [lenient(PlanAction, {k: r[k] for k in ("competency", "text", "updated")},
                         f"action {r['competency']!r} of person {person_id}")
                 for r in self._rows("SELECT * FROM plan_actions WHERE person_id = ?", (person_id,))]
        return {a.competency: a for a in found if a is not None}

    # -- whole records (export, import) ---------------------------------------------------

    def record(self, person_id: int) -> PersonRecord:
        return PersonRecord(
            person=self.person(person_id), assessments=tuple(self.assessments(person_id)),
            target=self.target(person_id), routes=tuple(self.routes(person_id)),
            actions=tuple(self.actions(person_id).values()), tags=self.tags(person_id),
            sessions=tuple(reversed(self.sessions(person_id))),
        )

    def write_record(self, record: PersonRecord, into: Optional[int] = None) -> Person:
        """Add a record in one transaction: a new person, or (with `into`) only what that person lacks."""
        return self.write_records([(record, into)])[0]

    def write_records(self, records: list[tuple[PersonRecord, Optional[int]]]) -> list[Person]:
        """Add several records in ONE transaction: a problem with the last leaves the first unwritten too."""
        with self.transaction() as c:
            ids = [self._write_one(c, record, into) for record, into in records]
        return [self.person(i) for i in ids]

    def _write_one(self, c: sqlite3.Connection, record: PersonRecord, into: Optional[int]) -> int:
        if into is None:
            p = checked(record.person, "the person")
            self._check_name_free(p.name)
            person_id = c.execute(
                "INSERT INTO people(uid, name, role_id, created, archived) VALUES (?, ?, ?, ?, ?)",
                (p.uid, p.name, p.role_id, p.created.isoformat(), int(p.archived))).lastrowid
        else:
            person_id = into
        have_snapshots = self.assessment_uids()
        for a in record.assessments:
            if a.uid not in have_snapshots:
                self._insert_assessment(c, person_id, a)
        if record.target is not None and self.target(person_id) is None:
            self._write_target(c, person_id, record.target)
        have_routes = {r.role_ids for r in self.routes(person_id)}
        for route in record.routes:
            if route.role_ids not in have_routes:
                self._insert_route(c, person_id, route)
        have_actions = self.actions(person_id)
        for action in record.actions:
            if action.competency not in have_actions:
                self._write_action(c, person_id, action)
        self._insert_tags(c, person_id, record.tags)
        have_sessions = self.session_uids()
        for note in record.sessions:
            if note.uid not in have_sessions:
                self._insert_session(c, person_id, note)
        return person_id

    # -- many people at once (the cohort) ---------------------------------------------------

    def latest_assessments(self, person_ids: Sequence[int]) -> dict[int, Optional[Assessment]]:
        """latest_assessment for each person, in two queries whatever the cohort's size."""
        return user_bulk.latest_assessments(self._conn, person_ids)

    def targets(self, person_ids: Sequence[int]) -> dict[int, Optional[Target]]:
        return user_bulk.targets(self._conn, person_ids)

    def actions_of(self, person_ids: Sequence[int]) -> dict[int, dict[str, PlanAction]]:
        return user_bulk.actions(self._conn, person_ids)


def open_user_store(path: Optional[Path] = None) -> UserStore:
    return UserStore.open(path)
