"""Rows of a role list and the choices that narrow it: plain classes, without pydantic.

The Browse view is the first thing a user sees, and it needs only these. Keeping them free of pydantic
lets the first view fill before the validated models have loaded (importing pydantic is a third of a
cold start). The rows come from a compiled catalogue, whose contents the compiler validated.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple, Optional


class Track(str, Enum):
    SUPPORT = "support"
    PROFESSIONAL = "professional"
    LEAD = "lead"
    MANAGEMENT = "management"
    EXECUTIVE = "executive"


class RoleSummary(NamedTuple):
    """One row of a role list: enough to show, sort and filter without loading the profile."""

    id: str
    title: str
    family: str
    family_name: str
    level: Optional[str] = None
    level_name: Optional[str] = None
    ladder: Optional[str] = None
    level_rank: Optional[int] = None
    track: Optional[Track] = None
    job_code: Optional[str] = None
    soc_code: Optional[str] = None
    source: str = ""
    median_base: Optional[float] = None
    currency: Optional[str] = None
    # Set when that median is the source's estimate for a wider group ("SOC 29-1141 Registered Nurses").
    median_covers: Optional[str] = None

    @property
    def level_label(self) -> Optional[str]:
        return self.level_name or self.level

    def as_json(self) -> dict:
        """The row for `--json`: every field, the track as its text."""
        row = self._asdict()
        row["track"] = None if self.track is None else self.track.value
        return row


class FamilyChoice(NamedTuple):
    id: str
    name: str


class LevelChoice(NamedTuple):
    """A job level some role has; ranks compare only within one ladder."""

    code: str
    name: Optional[str]
    ladder: Optional[str]
    rank: Optional[int]
    track: Optional[Track]

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return f"{self.code} ({self.track.value})" if self.track else self.code


class SourceName(NamedTuple):
    """How a source is named to people: `label` in tables and legends, `name` in full."""

    id: str
    name: str
    short_name: Optional[str] = None
    # Releases of one survey share a series: together they are a wage history.
    series: Optional[str] = None

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class BrowseFacets:
    """The choices the Browse filters offer: only values that some role has."""

    families: tuple[FamilyChoice, ...] = ()
    tracks: tuple[Track, ...] = ()
    sources: tuple[SourceName, ...] = ()
    levels: tuple[LevelChoice, ...] = ()  # by ladder, then rank
    pay_min: Optional[float] = None
    pay_max: Optional[float] = None


@dataclass(frozen=True)
class RoleFilter:
    """What Browse narrows the role list to; an empty set or None means "any"."""

    families: frozenset[str] = frozenset()
    tracks: frozenset[Track] = frozenset()
    sources: frozenset[str] = frozenset()
    # Job level codes; ranks compare only within the ladder of the code given.
    level_from: Optional[str] = None
    level_to: Optional[str] = None
    pay_min: Optional[float] = None
    pay_max: Optional[float] = None

    def __post_init__(self) -> None:
        for name in ("pay_min", "pay_max"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name.replace('_', ' ')} must not be negative (got {value:g})")
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            raise ValueError(f"minimum pay ({self.pay_min:g}) is above maximum pay ({self.pay_max:g})")

    @property
    def active(self) -> bool:
        return self != RoleFilter()
