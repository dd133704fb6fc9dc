"""The user's own data: people, dated assessment snapshots, targets, saved routes and plan actions."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Literal, Optional

from pydantic import Field, field_validator

from career_explorer.domain.base import Model, Slug, Text

NAME_MAX = 120
TEXT_MAX = 10_000


def new_uid() -> str:
    return uuid.uuid4().hex


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


class Rating(Model):
    """One competency rated on its own scale, with optional note and evidence."""

    competency: Slug
    level: float
    note: Optional[str] = Field(default=None, max_length=TEXT_MAX)
    evidence: Optional[str] = Field(default=None, max_length=TEXT_MAX)

    @field_validator("level")
    @classmethod
    def _finite_level(cls, value: float) -> float:
        return _finite(value)

    @field_validator("note", "evidence")
    @classmethod
    def _blank_is_none(cls, value: Optional[str]) -> Optional[str]:
        return value or None


class Assessment(Model):
    """A dated snapshot of ratings. Snapshots are never edited; a new save makes a new one."""

    id: Optional[int] = None
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    taken: dt.datetime
    note: Optional[str] = Field(default=None, max_length=TEXT_MAX)
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
    name: Text = Field(max_length=NAME_MAX)
    role_id: Optional[Slug] = None
    archived: bool = False
    created: dt.datetime


class Target(Model):
    """Where a person wants to go, optionally by a chosen route (role ids from current to target)."""

    role_id: Slug
    route: tuple[Slug, ...] = ()
    set_at: dt.datetime

    @field_validator("route")
    @classmethod
    def _route_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if value and len(value) < 2:
            raise ValueError("a route needs at least two roles")
        return value


class SavedRoute(Model):
    id: Optional[int] = None
    name: Text = Field(max_length=NAME_MAX)
    role_ids: tuple[Slug, ...] = Field(min_length=2)
    saved_at: dt.datetime


class PlanAction(Model):
    """A free-text development action for one competency."""

    competency: Slug
    text: Text = Field(max_length=TEXT_MAX)
    updated: dt.datetime


Mode = Literal["individual", "coach"]


class PersonRecord(Model):
    """Everything stored for one person: what an export carries."""

    person: Person
    assessments: tuple[Assessment, ...] = ()
    target: Optional[Target] = None
    routes: tuple[SavedRoute, ...] = ()
    actions: tuple[PlanAction, ...] = ()

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


class PersonExport(Model):
    """The JSON file that carries one person from one machine to another."""

    format: Literal["career-explorer/person"]
    version: Literal[1]
    exported: dt.datetime
    record: PersonRecord
