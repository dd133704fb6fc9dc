"""Reads of many people at once, for the cohort: latest snapshots, targets and actions in a few queries.

UserStore's per-person reads cost a query (and, for snapshots, every past snapshot's ratings) per
person; a cohort of hundreds refilled on every filter change cannot afford that. These give the same
models the per-person reads give, repaired the same way (user_rows.lenient).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator, Optional, Sequence

from pydantic import ValidationError

from career_explorer.data.user_rows import lenient, route_ids
from career_explorer.domain.user import Assessment, PlanAction, Rating, Target

# SQLite allows 999 bound parameters in older builds: ask in chunks well below that.
CHUNK = 500
RATING_FIELDS = ("competency", "level", "note", "evidence")


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence = ()) -> list[dict]:
    cur = conn.execute(sql, tuple(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _where_in(conn: sqlite3.Connection, sql: str, ids: Sequence[int]) -> list[dict]:
    """`sql` ends in `IN ({})`: run it for every chunk of `ids`."""
    found: list[dict] = []
    for part in _chunks(ids):
        found += _rows(conn, sql.format(",".join("?" * len(part))), part)
    return found


def assemble(head: dict, ratings: Iterable[dict]) -> Optional[Assessment]:
    """A snapshot from its row and its ratings' rows, as UserStore.assessments builds it.

    One validation for the whole snapshot when every row is sound (nearly always); otherwise each
    rating on its own, so one bad rating is repaired or left out rather than losing the snapshot.
    """
    rows = list(ratings)
    data = {"id": head["id"], "uid": head["uid"], "taken": head["taken"], "note": head["note"]}
    try:
        return Assessment.model_validate({**data, "ratings": [{k: r[k] for k in RATING_FIELDS} for r in rows]})
    except ValidationError:
        pass
    checked = [lenient(Rating, {k: r[k] for k in RATING_FIELDS},
                       f"rating {r['competency']!r} of snapshot {r['assessment_id']}") for r in rows]
    ratings = tuple(r for r in checked if r is not None)
    return lenient(Assessment, {**data, "ratings": ratings}, f"snapshot {head['id']}")


def latest_assessments(conn: sqlite3.Connection, person_ids: Sequence[int]) -> dict[int, Optional[Assessment]]:
    """Each person's latest snapshot (by time taken, then by when it was saved), None for those without."""
    ids = list(dict.fromkeys(person_ids))
    heads = _where_in(conn, "SELECT id, uid, person_id, taken, note FROM assessments WHERE person_id IN ({})", ids)
    # Which is latest is decided on the snapshot as read (a repaired time sorts where the full read puts it).
    latest: dict[int, tuple] = {}
    for head in heads:
        shown = lenient(Assessment, {k: head[k] for k in ("id", "uid", "taken", "note")}, f"snapshot {head['id']}")
        if shown is None:
            continue
        key = (shown.taken, shown.id)
        if head["person_id"] not in latest or key > latest[head["person_id"]][0]:
            latest[head["person_id"]] = (key, head)
    chosen = [head["id"] for _key, head in latest.values()]
    ratings: dict[int, list[dict]] = {}
    for r in _where_in(conn, "SELECT * FROM ratings WHERE assessment_id IN ({}) ORDER BY assessment_id, competency",
                       chosen):
        ratings.setdefault(r["assessment_id"], []).append(r)
    found: dict[int, Optional[Assessment]] = dict.fromkeys(ids)
    for person_id, (_key, head) in latest.items():
        found[person_id] = assemble(head, ratings.get(head["id"], ()))
    return found


def targets(conn: sqlite3.Connection, person_ids: Sequence[int]) -> dict[int, Optional[Target]]:
    """Each person's target, None for those without one (or whose target cannot be read)."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[int, Optional[Target]] = dict.fromkeys(ids)
    for r in _where_in(conn, "SELECT * FROM targets WHERE person_id IN ({})", ids):
        found[r["person_id"]] = lenient(Target, {"role_id": r["role_id"], "route": route_ids(r["route"]),
                                                 "set_at": r["set_at"]}, f"the target of person {r['person_id']}")
    return found


def actions(conn: sqlite3.Connection, person_ids: Sequence[int]) -> dict[int, dict[str, PlanAction]]:
    """Each person's development actions by competency ({} for those without)."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[int, dict[str, PlanAction]] = {i: {} for i in ids}
    for r in _where_in(conn, "SELECT * FROM plan_actions WHERE person_id IN ({})", ids):
        action = lenient(PlanAction, {k: r[k] for k in ("competency", "text", "updated")},
                         f"action {r['competency']!r} of person {r['person_id']}")
        if action is not None:
            found[r["person_id"]][action.competency] = action
    return found
