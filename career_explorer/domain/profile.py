"""Results for Browse and the role profile: filters, facets, profiles and pay entries."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, model_validator

from career_explorer.domain.base import Model
from career_explorer.domain.catalogue import (
    Competency,
    CompetencyKind,
    JobFamily,
    JobLevel,
    Requirement,
    Role,
    SalaryBand,
    Scale,
    Source,
    Track,
)
from career_explorer.domain.wage_history import WageHistory

KIND_ORDER = (
    CompetencyKind.CORE, CompetencyKind.JOB_FAMILY, CompetencyKind.INDUSTRY,
    CompetencyKind.SKILL, CompetencyKind.KNOWLEDGE,
)
KIND_LABELS = {
    CompetencyKind.CORE: "Core", CompetencyKind.JOB_FAMILY: "Job family", CompetencyKind.INDUSTRY: "Industry",
    CompetencyKind.SKILL: "Skills", CompetencyKind.KNOWLEDGE: "Knowledge",
}


class RoleFilter(Model):
    """What Browse narrows the role list to; an empty set or None means "any"."""

    families: frozenset[str] = frozenset()
    tracks: frozenset[Track] = frozenset()
    sources: frozenset[str] = frozenset()
    # Job level codes; ranks compare only within the ladder of the code given.
    level_from: Optional[str] = None
    level_to: Optional[str] = None
    pay_min: Optional[float] = Field(default=None, ge=0)
    pay_max: Optional[float] = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _pay_order(self) -> "RoleFilter":
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            raise ValueError(f"minimum pay ({self.pay_min:g}) is above maximum pay ({self.pay_max:g})")
        return self

    @property
    def active(self) -> bool:
        return self != RoleFilter()


class BrowseFacets(Model):
    """The choices the Browse filters offer: only values that some role has."""

    families: tuple[JobFamily, ...] = ()
    tracks: tuple[Track, ...] = ()
    sources: tuple[Source, ...] = ()
    # Ordered by ladder, then rank.
    levels: tuple[JobLevel, ...] = ()
    pay_min: Optional[float] = None
    pay_max: Optional[float] = None


def capture_label(band: SalaryBand) -> str:
    """What tells one capture of a source from another: its date, else the first words of its note."""
    if band.as_of is not None:
        return band.as_of.strftime("%B %Y")
    if band.note:
        first = band.note.replace(";", ".").replace(":", ".").split(".")[0].split(" (")[0].strip()
        return first if len(first) <= 22 else first[:21].rstrip() + "…"
    return ""


class PayEntry(Model):
    """One salary band of one role, labelled for tables and charts."""

    role_id: str
    role_title: str
    source_name: str
    band: SalaryBand

    @property
    def label(self) -> str:
        b = self.band
        return f"{b.region} {b.basis.label}, {self.source_name}"


class RequiredCompetency(Model):
    """A competency a role needs, with its scale and the requirement as published."""

    competency: Competency
    scale: Scale
    requirement: Requirement

    @property
    def level(self) -> Optional[float]:
        return self.requirement.level

    @property
    def normalised(self) -> Optional[float]:
        return None if self.level is None else self.scale.normalise(self.level)

    def level_text(self) -> str:
        level, word = self.requirement.level, self.requirement.level_word
        if self.requirement.not_relevant:
            # O*NET's own flag: the level is not meaningful for this job, so it is not shown as a low one.
            return "Not relevant to this job"
        if level is None:
            return f"{word} (no level given)" if word else "Level not given"
        shown = f"{level:g}"
        label = self.scale.label(level)
        return f"{shown} of {self.scale.max} - {label}" if label else f"{shown} of {self.scale.max}"


class RoleProfile(Model):
    """Everything the profile shows about one role."""

    role: Role
    family_name: str
    job_level: Optional[JobLevel] = None
    competencies: tuple[RequiredCompetency, ...] = ()
    pay: tuple[PayEntry, ...] = ()
    sources: tuple[Source, ...] = ()
    wage_history: Optional[WageHistory] = None

    def by_kind(self) -> list[tuple[CompetencyKind, list[RequiredCompetency]]]:
        """Competencies by kind; within a kind, most important for this role first where the source
        rates importance, and those it flags as not relevant last (otherwise the source's order)."""
        groups: dict[CompetencyKind, list[RequiredCompetency]] = {}
        for item in self.competencies:
            groups.setdefault(item.competency.kind, []).append(item)
        for items in groups.values():
            items.sort(key=lambda i: (i.requirement.not_relevant, -(i.requirement.importance or 0)))
        return [(kind, groups[kind]) for kind in KIND_ORDER if kind in groups]

    @property
    def ranked_by_importance(self) -> bool:
        return any(item.requirement.importance is not None for item in self.competencies)

    @property
    def unpublished_text(self) -> Optional[str]:
        role = self.role
        if role.unpublished:
            noun = "competency" if role.unpublished == 1 else "competencies"
            at_least = "At least " if role.unpublished_unknown else ""
            return f"{at_least}{role.unpublished} more {noun} not published"
        if role.unpublished_unknown:
            return "More competencies may apply; the source does not say how many"
        return None
