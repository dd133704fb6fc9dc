"""One-on-one sessions: recording one from what a coach typed, and showing them with the snapshots.

A session's done marks name competencies by id (the store's stable key); everything shown here names
them by the catalogue's name, and a competency the catalogue no longer has is said to be missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.user_rows import InvalidEntry, build
from career_explorer.data.user_store import now
from career_explorer.domain.base import normalise_name
from career_explorer.domain.plan import PlanItem, SessionSummary
from career_explorer.domain.user import Assessment, PlanAction, SessionNote

RECENT = 6  # sessions a report lists; older ones stay in the store and the export
NOT_IN_CATALOGUE = "A competency not in this catalogue"


def competency_name(repo: CatalogueRepository, competency: str) -> str:
    found = repo.competencies.get(competency)
    return found.name if found else NOT_IN_CATALOGUE


def new_session(held_on: dt.date, discussed: Optional[str], agreed: Optional[str], next_date: Optional[dt.date],
                done: Iterable[str], actions: dict[str, PlanAction]) -> SessionNote:
    """A session from what was typed; `done` are competency ids whose action is ticked done.

    The action's words go with the mark, so the session still says what was done after the action
    is reworded. InvalidEntry (one line) when nothing was written or the dates are wrong.
    """
    marks = [{"competency": cid, "action": actions[cid].text if cid in actions else None} for cid in done]
    return build(SessionNote, "the session", held_on=held_on, discussed=discussed, agreed=agreed,
                 next_date=next_date, created=now(), done=marks)


def find_action(repo: CatalogueRepository, actions: dict[str, PlanAction], name: str) -> str:
    """The competency id of the person's action named `name` (its competency's name, any case, or its id)."""
    wanted = normalise_name(name)
    for cid in actions:
        if cid == name.strip() or normalise_name(competency_name(repo, cid)) == wanted:
            return cid
    written = ", ".join(sorted(competency_name(repo, c) for c in actions)) or "none written yet"
    raise InvalidEntry(f"no development action for {name!r} (actions: {written})")


def summaries(repo: CatalogueRepository, sessions: Sequence[SessionNote],
              most: int = RECENT) -> tuple[SessionSummary, ...]:
    """The most recent sessions, newest first, with the competencies done named."""
    newest = sorted(sessions, key=lambda s: (s.held_on, s.created), reverse=True)[:most]
    return tuple(SessionSummary(held_on=s.held_on, discussed=s.discussed, agreed=s.agreed, next_date=s.next_date,
                                done=tuple(done_text(repo, s))) for s in newest)


def done_text(repo: CatalogueRepository, session: SessionNote) -> list[str]:
    return [competency_name(repo, d.competency) + (f": {d.action}" if d.action else "") for d in session.done]


def done_dates(sessions: Iterable[SessionNote]) -> dict[str, dt.date]:
    """Each competency ticked done, with the date of the latest session that ticked it."""
    done: dict[str, dt.date] = {}
    for s in sessions:
        for mark in s.done:
            if mark.competency not in done or s.held_on > done[mark.competency]:
                done[mark.competency] = s.held_on
    return done


def mark_done(items: Sequence[PlanItem], sessions: Sequence[SessionNote]) -> tuple[PlanItem, ...]:
    dates = done_dates(sessions)
    return tuple(i.model_copy(update={"done_on": dates.get(i.competency)}) for i in items)


@dataclass(frozen=True)
class HistoryEntry:
    """A snapshot or a session, dated, for one list of both."""

    day: dt.date
    snapshot: Optional[Assessment] = None
    session: Optional[SessionNote] = None


def history_entries(snapshots: Sequence[Assessment], sessions: Sequence[SessionNote]) -> list[HistoryEntry]:
    """Snapshots and sessions together, oldest first; on one day the snapshot comes before the session."""
    entries = [HistoryEntry(day=s.taken.astimezone().date(), snapshot=s) for s in snapshots]
    entries += [HistoryEntry(day=s.held_on, session=s) for s in sessions]
    return sorted(entries, key=lambda e: (e.day, e.session is not None,
                                          e.snapshot.taken if e.snapshot else e.session.created))


def session_line(repo: CatalogueRepository, session: SessionNote) -> str:
    """One line for a list: the date, then what was discussed, agreed and done, and the next date."""
    parts = []
    if session.discussed:
        parts.append(f"discussed: {_flat(session.discussed)}")
    if session.agreed:
        parts.append(f"agreed: {_flat(session.agreed)}")
    if session.done:
        parts.append("done: " + ", ".join(competency_name(repo, d.competency) for d in session.done))
    if session.next_date:
        parts.append(f"next: {session.next_date.isoformat()}")
    return f"{session.held_on.isoformat()} session - " + "; ".join(parts)


def _flat(text: str, most: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= most else one[:most - 1] + "…"
