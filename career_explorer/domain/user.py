"""The user's own data: people, dated assessment snapshots, targets, saved routes, plan actions, tags and
one-on-one sessions."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
import uuid
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, Field, field_validator, model_validator

from career_explorer.domain.base import Model, Slug, Text

NAME_MAX = 120
TEXT_MAX = 10_000
TAG_MAX = 60
# Sessions are dated by the coach, by hand: a year outside this is a typing slip, not history.
FIRST_DATE, LAST_DATE = dt.date(1950, 1, 1), dt.date(2199, 12, 31)


def new_uid() -> str:
    return uuid.uuid4().hex


def to_utc(value: dt.datetime) -> dt.datetime:
    """Every stored time is aware UTC, so snapshots from any source sort together.

    The rule for a time without a zone (or a date alone, read as midnight) is that it is UTC: an
    import cannot know where it was written, and mixing naive with aware times made every
    comparison fail.
    """
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def _clean_name(value: str) -> str:
    for ch in value:
        if unicodedata.category(ch) == "Cc":
            raise ValueError(f"must not contain control characters such as {ch!r}")
    # Zero-width spaces, joiners and marks (category Cf) are invisible: a name of only those is blank.
    if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value):
        raise ValueError("must not be empty or only invisible characters")
    return value


def _clean_text(value: Optional[str]) -> Optional[str]:
    """Notes and evidence may hold line breaks and tabs, never other control characters such as NUL."""
    if value:
        for ch in value:
            if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t":
                raise ValueError(f"must not contain control characters such as {ch!r}")
    return value or None


UtcTime = Annotated[dt.datetime, AfterValidator(to_utc)]
Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_clean_name)]
LongText = Annotated[Optional[str], Field(max_length=TEXT_MAX), AfterValidator(_clean_text)]


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


class Rating(Model):
    """One competency rated on its own scale, with optional note and evidence."""

    competency: Slug
    level: float
    note: LongText = None
    evidence: LongText = None

    @field_validator("level")
    @classmethod
    def _finite_level(cls, value: float) -> float:
        return _finite(value)


class Assessment(Model):
    """A dated snapshot of ratings. Snapshots are never edited; a new save makes a new one."""

    id: Optional[int] = None
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    taken: UtcTime
    note: LongText = None
    ratings: tuple[Rating, ...] = ()

    @field_validator("ratings")
    @classmethod
    def _one_rating_each(cls, value: tuple[Rating, ...]) -> tuple[Rating, ...]:
        seen: set[str] = set()
        for rating in value:
            if rating.competency in seen:
                raise ValueError(f"competency {rating.competency!r} is rated twice")
            seen.add(rating.competency)
        return value

    def rating(self, competency: str) -> Optional[Rating]:
        return next((r for r in self.ratings if r.competency == competency), None)

    def levels(self) -> dict[str, float]:
        return {r.competency: r.level for r in self.ratings}


class Person(Model):
    """Someone being assessed. Roles are referenced by the catalogue's stable role ids."""

    id: Optional[int] = None
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    name: Name
    role_id: Optional[Slug] = None
    archived: bool = False
    created: UtcTime


class Target(Model):
    """Where a person wants to go, optionally by a chosen route (role ids from current to target)."""

    role_id: Slug
    route: tuple[Slug, ...] = ()
    set_at: UtcTime

    @field_validator("route")
    @classmethod
    def _route_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if value and len(value) < 2:
            raise ValueError("a route needs at least two roles")
        return value


class SavedRoute(Model):
    id: Optional[int] = None
    name: Name
    role_ids: tuple[Slug, ...] = Field(min_length=2)
    saved_at: UtcTime


class PlanAction(Model):
    """A free-text development action for one competency."""

    competency: Slug
    text: Text = Field(max_length=TEXT_MAX)
    updated: UtcTime

    @field_validator("text")
    @classmethod
    def _no_control_characters(cls, value: str) -> str:
        return _clean_text(value) or ""


def _clean_tag(value: str) -> str:
    """A tag as typed, with its inner runs of spaces made one: "spring  onboarding" is "spring onboarding"."""
    text = " ".join(_clean_name(value).split())
    if len(text) > TAG_MAX:
        raise ValueError(f"is {len(text)} characters long; the limit is {TAG_MAX}")
    return text


Tag = Annotated[str, AfterValidator(_clean_tag)]


def unique_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags in their first spelling, each once whatever its case ("Spring" and "spring" are one tag)."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return tuple(sorted(seen.values(), key=str.casefold))


class TagList(Model):
    """A person's tags, cleaned and each once."""

    tags: tuple[Tag, ...] = ()

    @field_validator("tags")
    @classmethod
    def _once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return unique_tags(value)


def _in_range(value: Optional[dt.date]) -> Optional[dt.date]:
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"{value.isoformat()} is not a date between {FIRST_DATE.year} and {LAST_DATE.year}")
    return value


SessionDate = Annotated[dt.date, AfterValidator(_in_range)]


class DoneAction(Model):
    """A development action ticked done in a session, with its words as they were when ticked."""

    competency: Slug
    action: LongText = None


class SessionNote(Model):
    """One dated one-on-one: what was discussed, what was agreed, when to meet next, what was done."""

    id: Optional[int] = None
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    held_on: SessionDate
    discussed: LongText = None
    agreed: LongText = None
    next_date: Optional[SessionDate] = None
    created: UtcTime
    done: tuple[DoneAction, ...] = ()

    @field_validator("done")
    @classmethod
    def _done_once_each(cls, value: tuple[DoneAction, ...]) -> tuple[DoneAction, ...]:
        names = [d.competency for d in value]
        if len(names) != len(set(names)):
            raise ValueError("an action is ticked done twice")
        return value

    @model_validator(mode="after")
    def _says_something(self) -> "SessionNote":
        if not (self.discussed or self.agreed or self.done):
            raise ValueError("a session needs what was discussed, what was agreed or an action done")
        if self.next_date is not None and self.next_date < self.held_on:
            raise ValueError(f"the next date {self.next_date.isoformat()} is before the session "
                             f"({self.held_on.isoformat()})")
        return self


Mode = Literal["individual", "coach"]


class PersonRecord(Model):
    """Everything stored for one person: what an export carries."""

    person: Person
    assessments: tuple[Assessment, ...] = ()
    target: Optional[Target] = None
    routes: tuple[SavedRoute, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    tags: tuple[Tag, ...] = ()
    sessions: tuple[SessionNote, ...] = ()

    @field_validator("tags")
    @classmethod
    def _tags_once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return unique_tags(value)

    @field_validator("sessions")
    @classmethod
    def _unique_sessions(cls, value: tuple[SessionNote, ...]) -> tuple[SessionNote, ...]:
        uids = [s.uid for s in value]
        if len(uids) != len(set(uids)):
            raise ValueError("two sessions share one uid")
        return value

    @field_validator("assessments")
    @classmethod
    def _unique_snapshots(cls, value: tuple[Assessment, ...]) -> tuple[Assessment, ...]:
        uids = [a.uid for a in value]
        if len(uids) != len(set(uids)):
            raise ValueError("two snapshots share one uid")
        return value

    @field_validator("actions")
    @classmethod
    def _unique_actions(cls, value: tuple[PlanAction, ...]) -> tuple[PlanAction, ...]:
        names = [a.competency for a in value]
        if len(names) != len(set(names)):
            raise ValueError("two actions share one competency")
        return value


EXPORT_FORMAT = "career-explorer/person"
EXPORT_VERSION = 2


class PersonExport(Model):
    """The JSON file that carries one person from one machine to another."""

    format: Literal["career-explorer/person"]
    # 2 added tags and sessions; a version 1 file (without them) still imports.
    version: Literal[1, 2]
    exported: UtcTime
    record: PersonRecord
