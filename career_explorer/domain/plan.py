"""Results of measuring a person against a role: per-competency gaps, readiness, closest roles, a plan."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Optional

from pydantic import Field

from career_explorer.domain.base import Model
from career_explorer.domain.catalogue import Behaviour, Competency, CompetencyKind, Scale
from career_explorer.domain.comparison import RoleRef
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
        gap = self.gap
        return None if gap is None else gap / (self.scale_max - self.scale_min) * 100.0

    @property
    def weight(self) -> float:
        return self.importance or 1.0


class Readiness(Model):
    percent: Optional[float] = Field(default=None, ge=0, le=100)
    counted: int = 0
    rated: int = 0
    no_level: int = 0
    unpublished: int = 0
    weighted: bool = False
    explanation: str


class RoleFit(Model):
    """How far a person is from one role now: the importance-weighted mean shortfall, 0-100."""

    role: RoleRef
    weighted_gap: float = Field(ge=0, le=100)
    rated: int
    counted: int
    readiness: float = Field(ge=0, le=100)


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


class RoleStatus(Model):
    """A role the user data points at, resolved against the current catalogue."""

    id: str
    title: str
    level: Optional[str] = None
    in_catalogue: bool = True

    @property
    def label(self) -> str:
        return self.title if self.in_catalogue else f"{self.id} ({NOT_IN_CATALOGUE})"


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


class RatingChange(Model):
    """One competency that differs between two snapshots."""

    competency: str
    name: str
    before: Optional[float] = None
    after: Optional[float] = None

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
