"""Results for the role profile: the profile, its pay entries and required competencies."""

from __future__ import annotations

from typing import Optional

from career_explorer.domain.base import Model
from career_explorer.domain.catalogue import (
    Competency,
    CompetencyKind,
    JobLevel,
    Requirement,
    Role,
    SalaryBand,
    Scale,
    Source,
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
