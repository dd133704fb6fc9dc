"""Catalogue models: sources, levels, roles, pay, scales, competencies and transitions."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import ClassVar, Optional

from pydantic import Field, field_validator, model_validator

from career_explorer.domain.base import Currency, Model, Slug, Text, percent_of_scale
from career_explorer.domain.role_listing import Track


class CompetencyKind(str, Enum):
    JOB_FAMILY = "job_family"
    CORE = "core"
    INDUSTRY = "industry"
    SKILL = "skill"
    KNOWLEDGE = "knowledge"


class TransitionKind(str, Enum):
    PROMOTION = "promotion"
    LATERAL = "lateral"
    SPECIALISATION = "specialisation"
    RELATED = "related"


class PayBasis(str, Enum):
    BASE = "base"
    TOTAL = "total"
    # The source does not say whether its figure is base pay or total pay.
    UNSTATED = "unstated"

    @property
    def label(self) -> str:
        return "basis not stated" if self is PayBasis.UNSTATED else self.value


class PayPeriod(str, Enum):
    ANNUAL = "annual"
    HOURLY = "hourly"


class Source(Model):
    id: Slug
    name: Text
    # What people read in tables, legends and cards ("BLS OEWS May 2024"); `name` is the full title.
    short_name: Optional[str] = None
    # Releases of one survey share a series (``bls-oews-national``): together they are a wage history.
    series: Optional[Slug] = None
    # A web address, shown as text (the app never opens the network). A plain string checked here:
    # pydantic's HttpUrl imports importlib.metadata, a tenth of a command's start-up.
    url: Optional[str] = Field(default=None, pattern=r"^https?://[^\s/$.?#][^\s]*$")
    licence: Text
    retrieved: Optional[dt.date] = None
    attribution: Optional[str] = None
    note: Optional[str] = None

    @property
    def label(self) -> str:
        """The name to show a person: the short name when there is one."""
        return self.short_name or self.name


class JobFamily(Model):
    id: Slug
    name: Text


class JobLevel(Model):
    """A grade on one ladder. Ranks compare only within the same ladder."""

    code: Text
    name: Optional[str] = None
    ladder: Slug
    rank: int = Field(ge=0, le=100)
    track: Optional[Track] = None

    @property
    def label(self) -> str:
        """What people read: the level's name ("Job Zone 3 (medium preparation)"), else its code."""
        return self.name or self.code


class ScaleAnchor(Model):
    value: int
    label: Text


MAX_SCALE = 100


class Scale(Model):
    id: Slug
    name: Text
    min: int
    max: int
    anchors: tuple[ScaleAnchor, ...] = ()

    @model_validator(mode="after")
    def _bounds(self) -> "Scale":
        # Levels count up from "none" (0) and charts divide by max - min: a negative or enormous
        # bound is a typing slip, never a scale someone rates people on.
        if self.min < 0:
            raise ValueError(f"min ({self.min}) must be 0 or more")
        if self.max > MAX_SCALE:
            raise ValueError(f"max ({self.max}) must be at most {MAX_SCALE}")
        if self.min >= self.max:
            raise ValueError(f"min ({self.min}) must be below max ({self.max})")
        for anchor in self.anchors:
            if not self.min <= anchor.value <= self.max:
                raise ValueError(f"anchor {anchor.value} is outside {self.min}..{self.max}")
        return self

    def contains(self, level: float) -> bool:
        return self.min <= level <= self.max

    def normalise(self, level: float) -> float:
        """0-100, as O*NET does: (level - min) / (max - min) * 100."""
        return percent_of_scale(level, self.min, self.max)

    def label(self, level: float) -> Optional[str]:
        for anchor in self.anchors:
            if anchor.value == level:
                return anchor.label
        return None


class Behaviour(Model):
    """What someone does at a level; levels are cumulative."""

    level: int
    text: Text
    source: Optional[Slug] = None


class Competency(Model):
    id: Slug
    name: Text
    kind: CompetencyKind
    definition: Optional[str] = None
    scale: Slug
    source: Slug
    behaviours: tuple[Behaviour, ...] = ()
    # The behaviours are examples of each level (O*NET's level anchors), not what a level asks for.
    examples: bool = False

    @field_validator("behaviours")
    @classmethod
    def _unique_levels(cls, value: tuple[Behaviour, ...]) -> tuple[Behaviour, ...]:
        levels = [b.level for b in value]
        if len(levels) != len(set(levels)):
            raise ValueError("two behaviours share one level")
        return tuple(sorted(value, key=lambda b: b.level))

    def behaviours_up_to(self, level: float) -> tuple[Behaviour, ...]:
        return tuple(b for b in self.behaviours if b.level <= level)

    def behaviours_between(self, low: Optional[float], high: float) -> tuple[Behaviour, ...]:
        """Behaviours gained when moving from `low` (exclusive) up to `high` (inclusive)."""
        floor = float("-inf") if low is None else low
        return tuple(b for b in self.behaviours if floor < b.level <= high)


class SalaryBand(Model):
    """Pay for one role from one source. Percentiles may be any subset."""

    source: Slug
    region: Text = "US"
    currency: Currency = "USD"
    basis: PayBasis = PayBasis.BASE
    period: PayPeriod = PayPeriod.ANNUAL
    p10: Optional[float] = Field(default=None, gt=0)
    p25: Optional[float] = Field(default=None, gt=0)
    p50: Optional[float] = Field(default=None, gt=0)
    p75: Optional[float] = Field(default=None, gt=0)
    p90: Optional[float] = Field(default=None, gt=0)
    mean: Optional[float] = Field(default=None, gt=0)
    entry: Optional[float] = Field(default=None, gt=0)
    experienced: Optional[float] = Field(default=None, gt=0)
    # Percentiles that the source only gives as "at least" (OEWS '#').
    lower_bounds: tuple[str, ...] = ()
    as_of: Optional[dt.date] = None
    # Set when the source publishes one estimate for a wider group that includes this role
    # ("SOC 13-1020 Buyers and Purchasing Agents"): the figure is the group's, not the role's own.
    covers: Optional[str] = None
    note: Optional[str] = None

    PERCENTILES: ClassVar[tuple[str, ...]] = ("p10", "p25", "p50", "p75", "p90")

    @model_validator(mode="after")
    def _ordered(self) -> "SalaryBand":
        given = [(name, getattr(self, name)) for name in self.PERCENTILES]
        present = [(n, v) for n, v in given if v is not None]
        for (name_a, a), (name_b, b) in zip(present, present[1:]):
            if a > b:
                raise ValueError(f"{name_a} ({a:g}) is above {name_b} ({b:g})")
        if self.entry and self.experienced and self.entry > self.experienced:
            raise ValueError(f"entry ({self.entry:g}) is above experienced ({self.experienced:g})")
        for name in self.lower_bounds:
            if name not in self.PERCENTILES:
                raise ValueError(f"lower bound {name!r} is not a percentile")
        if not present and self.mean is None and self.entry is None and not self.lower_bounds:
            raise ValueError("gives no pay figure")
        return self

    def percentiles(self) -> dict[str, float]:
        """Known numeric percentiles, leaving out lower bounds."""
        return {
            n: getattr(self, n)
            for n in self.PERCENTILES
            if getattr(self, n) is not None and n not in self.lower_bounds
        }

    @property
    def median(self) -> Optional[float]:
        return None if "p50" in self.lower_bounds else self.p50


class Requirement(Model):
    """A competency a role needs. `level` is None when the source names it without a number."""

    competency: Slug
    level: Optional[float] = None
    level_word: Optional[str] = None
    importance: Optional[float] = Field(default=None, ge=1, le=5)
    suppressed: bool = False
    # O*NET: the element hardly matters for this job, so its level is not meaningful ("Not Relevant").
    not_relevant: bool = False
    # The level's standard error as published (O*NET), on the level's own scale.
    standard_error: Optional[float] = Field(default=None, ge=0)
    source: Optional[Slug] = None


class ExperienceShare(Model):
    """One answer to "how much related work experience does this job need?" and its share of workers."""

    category: int = Field(ge=1)
    label: Text
    share: float = Field(ge=0, le=100)


class Experience(Model):
    """The spread of related work experience among people in a job, as a survey reports it."""

    source: Slug
    shares: tuple[ExperienceShare, ...]
    respondents: Optional[int] = Field(default=None, ge=0)
    # When the survey was taken, as the source states it ("07/2015").
    as_of: Optional[str] = None
    # The source flags the estimate as unreliable.
    suppressed: bool = False

    @field_validator("shares")
    @classmethod
    def _sorted(cls, value: tuple[ExperienceShare, ...]) -> tuple[ExperienceShare, ...]:
        if len({s.category for s in value}) != len(value):
            raise ValueError("two shares have the same category")
        return tuple(sorted(value, key=lambda s: s.category))

    def most_common(self) -> Optional[ExperienceShare]:
        return max(self.shares, key=lambda s: (s.share, -s.category), default=None)


class Role(Model):
    id: Slug
    title: Text
    family: Slug
    level: Optional[str] = None
    job_code: Optional[str] = None
    soc_code: Optional[str] = Field(default=None, pattern=r"^\d{2}-\d{4}(\.\d{2})?$")
    summary: Optional[str] = None
    responsibilities: Optional[str] = None
    education: Optional[str] = None
    reports_to: Optional[str] = None
    source: Slug
    alt_titles: tuple[Text, ...] = ()
    # Current pay: for a source series (OEWS releases), only its latest release.
    salaries: tuple[SalaryBand, ...] = ()
    # Earlier releases of a series, oldest first; with the series' band in `salaries`, a wage history.
    pay_history: tuple[SalaryBand, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    # Competencies the source says exist but does not name or rate.
    unpublished: int = Field(default=0, ge=0)
    # True when the source names only some competencies and gives no total: "more may exist".
    unpublished_unknown: bool = False
    note: Optional[str] = None
    experience: Optional[Experience] = None

    @field_validator("requirements")
    @classmethod
    def _unique_competencies(cls, value: tuple[Requirement, ...]) -> tuple[Requirement, ...]:
        seen: set[str] = set()
        for req in value:
            if req.competency in seen:
                raise ValueError(f"competency {req.competency!r} is listed twice")
            seen.add(req.competency)
        return value

    @property
    def competencies_complete(self) -> bool:
        return self.unpublished == 0 and not self.unpublished_unknown


def split_pay_history(
    bands: tuple[SalaryBand, ...], series_of: dict[str, Optional[str]]
) -> tuple[tuple[SalaryBand, ...], tuple[SalaryBand, ...]]:
    """(current, history): for each source series, its latest release is current pay, earlier ones history.

    Bands from sources outside any series are always current. History is oldest first.
    """
    latest: dict[str, dt.date] = {}
    for band in bands:
        series = series_of.get(band.source)
        if series and band.as_of is not None and (series not in latest or band.as_of > latest[series]):
            latest[series] = band.as_of
    current, history = [], []
    for band in bands:
        series = series_of.get(band.source)
        if series and band.as_of is not None and band.as_of < latest[series]:
            history.append(band)
        else:
            current.append(band)
    return tuple(current), tuple(sorted(history, key=lambda b: b.as_of))


class Transition(Model):
    from_role: Slug
    to_role: Slug
    kind: TransitionKind
    source: Slug
    basis: Text
    tier: Optional[str] = None

    @model_validator(mode="after")
    def _not_self(self) -> "Transition":
        if self.from_role == self.to_role:
            raise ValueError("a transition must lead to another role")
        return self


# A transition reduced to what a route search walks: (from_role, to_role, kind, source, tier), the kind a
# TransitionKind value. A plain tuple: the bundled catalogue has some 18,000, read for every command-line
# route query, and a named tuple each cost ~10 ms more.
TransitionEdge = tuple[str, str, str, Optional[str], Optional[str]]


class CatalogueInfo(Model):
    name: Text
    version: Text
    description: Optional[str] = None
    schema_version: int = 1


class Catalogue(Model):
    """A whole catalogue in memory: what the compiler validates and writes."""

    info: CatalogueInfo
    sources: tuple[Source, ...] = ()
    scales: tuple[Scale, ...] = ()
    job_families: tuple[JobFamily, ...] = ()
    job_levels: tuple[JobLevel, ...] = ()
    competencies: tuple[Competency, ...] = ()
    roles: tuple[Role, ...] = ()
    transitions: tuple[Transition, ...] = ()


class TitleMatch(Model):
    """One completion for typed text: a role's own title, or one of its alternate titles."""

    role_id: Slug
    title: Text  # the role's own title
    matched: Text  # the title or alternate title that matched what was typed
    is_alternate: bool = False
    level: Optional[str] = None
    source_name: Optional[str] = None

    @property
    def label(self) -> str:
        """What a list of completions shows: an alternate title names the role it belongs to."""
        return f"{self.matched} → {self.title}" if self.is_alternate else self.title


class CatalogueCounts(Model):
    roles: int
    sources: int
    competencies: int
    transitions: int
    salaries: int
