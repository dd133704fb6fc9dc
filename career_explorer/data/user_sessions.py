"""Tags and one-on-one sessions of the user store (migration 3), mixed into UserStore.

Kept apart from user_store.py so each file stays readable; the methods use the store's own
transaction and row helpers, so a session save is one transaction like every other user action.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Iterable, Optional

from career_explorer.data.user_rows import InvalidEntry, build, checked, lenient
from career_explorer.data.user_store_file import UserStoreError
from career_explorer.domain.user import DoneAction, SessionNote, TagList, unique_tags

if TYPE_CHECKING:
    from career_explorer.domain.user import Person


class SessionNotFound(UserStoreError):
    pass


class TagsAndSessions:
    """The store's tags and sessions. Needs `_rows`, `transaction` and `person` from UserStore."""

    # -- tags -----------------------------------------------------------------------------

    def tags(self, person_id: int) -> tuple[str, ...]:
        rows = self._rows("SELECT tag FROM person_tags WHERE person_id = ?", (person_id,))
        return unique_tags(tuple(t for t in (_tag(r["tag"]) for r in rows) if t is not None))

    def set_tags(self, person_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Replace the person's tags; each is cleaned, and the same tag in another case is kept once."""
        self.person(person_id)
        cleaned = _clean_tags(tags)
        with self.transaction() as c:
            c.execute("DELETE FROM person_tags WHERE person_id = ?", (person_id,))
            self._insert_tags(c, person_id, cleaned)
        return cleaned

    def add_tags(self, person_id: int, add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
        """Add and remove tags in one transaction; removing one the person lacks is refused, not ignored."""
        self.person(person_id)
        adding, removing = _clean_tags(add), _clean_tags(remove)
        with self.transaction() as c:
            have = {t.casefold() for t in self.tags(person_id)}
            for tag in removing:
                if tag.casefold() not in have:
                    raise InvalidEntry(f"cannot remove the tag {tag!r}: {self.person(person_id).name} does not have it")
                c.execute("DELETE FROM person_tags WHERE person_id = ? AND tag = ?", (person_id, tag))
            self._insert_tags(c, person_id, adding)
        return self.tags(person_id)

    @staticmethod
    def _insert_tags(c: sqlite3.Connection, person_id: int, tags: Iterable[str]) -> None:
        # The column is NOCASE: a tag the person has in another case is kept as first written.
        c.executemany("INSERT OR IGNORE INTO person_tags(person_id, tag) VALUES (?, ?)",
                      [(person_id, t) for t in tags])

    def all_tags(self) -> tuple[str, ...]:
        """Every tag in use, each once, in alphabetical order."""
        rows = self._rows("SELECT DISTINCT tag FROM person_tags")
        return unique_tags(tuple(t for t in (_tag(r["tag"]) for r in rows) if t is not None))

    def people_tagged(self, tag: str) -> list["Person"]:
        """The people (archived too) with `tag`, whatever its case."""
        wanted = " ".join(tag.split()).casefold()
        ids = {r["person_id"] for r in self._rows("SELECT person_id, tag FROM person_tags")
               if " ".join(str(r["tag"]).split()).casefold() == wanted}
        return [p for p in self.people() if p.id in ids]

    # -- sessions -------------------------------------------------------------------------

    def add_session(self, person_id: int, note: SessionNote) -> SessionNote:
        """Save a session with its done marks in one transaction."""
        self.person(person_id)
        with self.transaction() as c:
            new_id = self._insert_session(c, person_id, note)
        return self.session(new_id)

    @staticmethod
    def _insert_session(c: sqlite3.Connection, person_id: int, note: SessionNote) -> int:
        note = checked(note, "the session")
        session_id = c.execute(
            "INSERT INTO sessions(uid, person_id, held_on, discussed, agreed, next_date, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (note.uid, person_id, note.held_on.isoformat(), note.discussed, note.agreed,
             note.next_date.isoformat() if note.next_date else None, note.created.isoformat())).lastrowid
        c.executemany("INSERT INTO session_done(session_id, competency, action) VALUES (?, ?, ?)",
                      [(session_id, d.competency, d.action) for d in note.done])
        return session_id

    def edit_session(self, session_id: int, note: SessionNote) -> SessionNote:
        """Replace what a session says (its date, texts and done marks); its uid and person stay."""
        old = self.session(session_id)
        note = checked(note.model_copy(update={"uid": old.uid, "created": old.created}), "the session")
        with self.transaction() as c:
            c.execute("UPDATE sessions SET held_on = ?, discussed = ?, agreed = ?, next_date = ? WHERE id = ?",
                      (note.held_on.isoformat(), note.discussed, note.agreed,
                       note.next_date.isoformat() if note.next_date else None, session_id))
            c.execute("DELETE FROM session_done WHERE session_id = ?", (session_id,))
            c.executemany("INSERT INTO session_done(session_id, competency, action) VALUES (?, ?, ?)",
                          [(session_id, d.competency, d.action) for d in note.done])
        return self.session(session_id)

    def delete_session(self, session_id: int) -> None:
        self.session(session_id)
        with self.transaction() as c:
            c.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def tick_done(self, session_id: int, competency: str, action: Optional[str] = None) -> SessionNote:
        mark = build(DoneAction, "the done mark", competency=competency, action=action)
        self.session(session_id)
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO session_done(session_id, competency, action) VALUES (?, ?, ?)",
                      (session_id, mark.competency, mark.action))
        return self.session(session_id)

    def untick_done(self, session_id: int, competency: str) -> SessionNote:
        """Remove a done mark; a session left saying nothing at all is refused (delete it instead)."""
        note = self.session(session_id)
        rest = tuple(d for d in note.done if d.competency != competency)
        build(SessionNote, "the session", **{**note.model_dump(), "done": [d.model_dump() for d in rest]})
        with self.transaction() as c:
            c.execute("DELETE FROM session_done WHERE session_id = ? AND competency = ?", (session_id, competency))
        return self.session(session_id)

    def session(self, session_id: int) -> SessionNote:
        rows = self._rows("SELECT * FROM sessions WHERE id = ?", (session_id,))
        found = self._sessions_from(rows)
        if not found:
            raise SessionNotFound(f"no session with id {session_id}")
        return found[0]

    def sessions(self, person_id: int) -> list[SessionNote]:
        """The person's sessions, newest first (by date held, then by when they were written)."""
        rows = self._rows("SELECT * FROM sessions WHERE person_id = ?", (person_id,))
        return sorted(self._sessions_from(rows), key=lambda s: (s.held_on, s.created, s.id or 0), reverse=True)

    def session_uids(self) -> set[str]:
        return {r["uid"] for r in self._rows("SELECT uid FROM sessions")}

    def _sessions_from(self, rows: list[dict]) -> list[SessionNote]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks: dict[int, list[DoneAction]] = {}
        marks_sql = ("SELECT * FROM session_done WHERE session_id IN (%s) ORDER BY competency"
                     % ",".join("?" * len(ids)))
        for m in self._rows(marks_sql, tuple(ids)):
            mark = lenient(DoneAction, {"competency": m["competency"], "action": m["action"]},
                           f"done mark {m['competency']!r} of session {m['session_id']}")
            if mark is not None:
                marks.setdefault(m["session_id"], []).append(mark)
        found = [lenient(SessionNote, {**{k: r[k] for k in ("id", "uid", "held_on", "discussed", "agreed",
                                                            "next_date", "created")},
                                       "done": tuple(marks.get(r["id"], ()))}, f"session {r['id']}")
                 for r in rows]
        return [s for s in found if s is not None]


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    return build(TagList, "the tags", tags=tuple(tags)).tags


def _tag(value: object) -> Optional[str]:
    """A stored tag as a model takes it, or None when it cannot be one (left out, the file unchanged)."""
    found = lenient(TagList, {"tags": (value,)}, f"tag {value!r}")
    return found.tags[0] if found and found.tags else None
