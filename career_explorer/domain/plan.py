"""Results of measuring a person against a role: per-competency gaps, readiness, closest roles, a plan."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Optional

from pydantic import Field, model_validator

from career_explorer.domain.base import Model, share_of_scale
from career_explorer.domain.catalogue import Behaviour, Competency, CompetencyKind, Scale
from career_explorer.domain.role_gap import RoleRef
from career_explorer.domain.route import Route

NOT_IN_CATALOGUE = "not in this catalogue"


class GapStatus(str, Enum):
    MET = "met"
    BELOW = "below"
    UNRATED = "unrated"
    NO_LEVEL = "no level published"


class CompetencyGap(Model):
    """One target competency: the person's rating against the level the role requires."""

    competency: str
    name: str
    kind: Optional[CompetencyKind] = None
    scale: str
    scale_min: int
    scale_max: int
    rating: Optional[float] = None
    required: Optional[float] = None
    required_word: Optional[str] = None
    importance: Optional[float] = None
    status: GapStatus
    # Behaviours still to show, from the next level up to the required one (next level first).
    behaviours: tuple[Behaviour, ...] = ()
    # What the person gave as evidence for their rating, if anything.
    evidence: Optional[str] = None

    @property
    def gap(self) -> Optional[float]:
        if self.required is None:
            return None
        return max(self.required - (self.scale_min if self.rating is None else self.rating), 0.0)

    @property
    def progress(self) -> Optional[float]:
        """How far the rating has come toward the required level, 0-1, from the scale's floor."""
        if self.required is None:
            return None
        span = self.required - self.scale_min
        if span <= 0:
            return 1.0
        reached = 0.0 if self.rating is None else self.rating - self.scale_min
        return min(max(reached / span, 0.0), 1.0)

    @property
    def shortfall(self) -> Optional[float]:
        """The gap as 0-100 of the competency's own scale."""
        return share_of_scale(self.gap, self.scale_min, self.scale_max)

    @property
    def weight(self) -> float:
        return self.importance or 1.0


class Readiness(Model):
    """Readiness for one role and the evidence under it.

    `listed` is every competency the role names. A competency is comparable when the person has a
    rating on it (on its own scale) and the role publishes a level for it; the others are `unrated`
    (a level but no rating) or `no_level` (named without a level). Readiness (`percent`) and the
    ranking `score` rest on the comparable ones only, so with none there is no figure at all: an
    unknown is never shown as 0% or 100%.
    """

    listed: int = Field(default=0, ge=0)
    comparable: int = Field(default=0, ge=0)
    met: int = Field(default=0, ge=0)
    unrated: int = Field(default=0, ge=0)
    no_level: int = Field(default=0, ge=0)
    # Competencies the source says exist but does not name; `unpublished_unknown`: "and maybe more".
    unpublished: int = Field(default=0, ge=0)
    unpublished_unknown: bool = False
    percent: Optional[float] = Field(default=None, ge=0, le=100)
    score: Optional[float] = Field(default=None, ge=0, le=100)
    weighted: bool = False
    explanation: str

    @model_validator(mode="after")
    def _consistent(self) -> "Readiness":
        if self.comparable + self.unrated + self.no_level != self.listed:
            raise ValueError("comparable, unrated and no-level competencies must add up to those listed")
        if self.met > self.comparable:
            raise ValueError("cannot meet more competencies than can be compared")
        if (self.percent is None) != (self.comparable == 0) or (self.score is None) != (self.percent is None):
            raise ValueError("readiness and its ranking score exist exactly when something can be compared")
        return self

    @property
    def short(self) -> int:
        """Comparable competencies not met yet."""
        return self.comparable - self.met


class RoleFit(Model):
    """One of the "roles closest now": the role and the person's readiness for it."""

    role: RoleRef
    readiness: Readiness
    # Mean distance between rating and required level, either way, as % of each scale; None when
    # nothing compares. Breaks ties among equally ready roles: the nearest fit, not the easiest job.
    distance: Optional[float] = Field(default=None, ge=0, le=100)


class PlanItem(Model):
    competency: str
    name: str
    scale: str
    rating: Optional[float] = None
    required: float
    importance: Optional[float] = None
    priority: float
    behaviours: tuple[Behaviour, ...] = ()
    action: Optional[str] = None
    evidence: Optional[str] = None
    # The date of the latest one-on-one in which the action was ticked done; None while it is not.
    done_on: Optional[dt.date] = None


class SessionSummary(Model):
    """One one-on-one as the plan and its report show it: competencies by name, never by id."""

    held_on: dt.date
    discussed: Optional[str] = None
    agreed: Optional[str] = None
    next_date: Optional[dt.date] = None
    done: tuple[str, ...] = ()  # "Products and Services: shadowed the product owner"


class RoleStatus(Model):
    """A role the user data points at, resolved against the current catalogue."""

    id: str
    title: str
    level: Optional[str] = None
    in_catalogue: bool = True

    @property
    def label(self) -> str:
        if self.in_catalogue:
            return self.title
        # The title from another catalogue when one knows it; an id is never what a person reads.
        return f"{self.title} ({NOT_IN_CATALOGUE})" if self.title != self.id else f"A role {NOT_IN_CATALOGUE}"


class GapReport(Model):
    """Everything the gap & plan panel, `plan` and the PDF report show."""

    person: str
    made: dt.datetime
    assessed: Optional[dt.datetime] = None
    current: Optional[RoleStatus] = None
    target: RoleStatus
    gaps: tuple[CompetencyGap, ...] = ()
    unpublished: int = 0
    readiness: Readiness
    plan: tuple[PlanItem, ...] = ()
    route: Optional[Route] = None
    route_note: str = ""
    closest: tuple[RoleFit, ...] = ()
    sessions: tuple[SessionSummary, ...] = ()  # the most recent first


class RatingChange(Model):
    """One competency that differs between two snapshots."""

    competency: str
    name: str
    before: Optional[float] = None
    after: Optional[float] = None
    # The evidence given with each rating: it may change while the level stays.
    evidence_before: Optional[str] = None
    evidence_after: Optional[str] = None

    @property
    def delta(self) -> Optional[float]:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


class Rateable(Model):
    """A competency to rate, with the level each of the person's roles requires (None: not required)."""

    competency: Competency
    scale: Scale
    roles: tuple[str, ...]
    required: tuple[Optional[float], ...]


class RatingSeries(Model):
    """One competency's ratings over the snapshots: (snapshot index, level) pairs."""

    competency: str
    name: str
    scale_min: Optional[int] = None
    scale_max: Optional[int] = None
    points: tuple[tuple[int, float], ...] = ()


class RatingHistory(Model):
    """Ratings over a person's snapshots, oldest first; `taken` has one entry per snapshot."""

    taken: tuple[dt.datetime, ...] = ()
    series: tuple[RatingSeries, ...] = ()
