"""The gap between two roles, one step of a route: competency jumps, level and pay changes, and the steps' lenses."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from career_explorer.domain.base import Model, percent_of_scale, share_of_scale
from career_explorer.domain.catalogue import Behaviour, CompetencyKind, Transition

# A jump smaller than this many levels is "about the same" (O*NET: under half a level).
ABOUT_SAME_LEVELS = 0.5
# O*NET importance of 3 ("important") or more on its 1-5 scale: the jumps a step card leads with.
IMPORTANT = 3.0


class Change(str, Enum):
    RAISED = "raised"
    NEW = "new"
    SAME = "same"
    LOWERED = "lowered"
    DROPPED = "dropped"
    UNKNOWN = "unknown"


class RoleRef(Model):
    id: str
    title: str
    level: Optional[str] = None
    # The level as people read it ("Job Zone 3 (medium preparation)"); `level` is its code.
    level_name: Optional[str] = None

    @property
    def level_label(self) -> Optional[str]:
        """The level to show beside the title; None when it only repeats the title (a framework whose
        levels are its role titles: "Senior engineer" is said once)."""
        label = self.level_name or self.level
        return None if label == self.title else label

    @property
    def level_short(self) -> Optional[str]:
        """A column heading's worth: "Job Zone 3" rather than "Job Zone 3 (medium preparation)", and
        "Level M02" rather than a bare code; None when the level only repeats the title."""
        if self.level_label is None:
            return None
        if self.level_name:
            return self.level_name.split(" (")[0]
        return f"Level {self.level}" if self.level else None


class LevelChange(Model):
    from_level: Optional[str] = None
    to_level: Optional[str] = None
    from_name: Optional[str] = None
    to_name: Optional[str] = None
    from_rank: Optional[int] = None
    to_rank: Optional[int] = None
    # Ranks compare only on one ladder; across ladders the change is shown but not measured.
    comparable: bool = False

    @property
    def rank_delta(self) -> Optional[int]:
        if not self.comparable or self.from_rank is None or self.to_rank is None:
            return None
        return self.to_rank - self.from_rank


class PayChange(Model):
    source: str
    # What people read for the source ("Salary.com", "BLS OEWS May 2024"); `source` is its id.
    source_name: str = ""
    basis: str
    region: str
    currency: str
    period: str
    from_p50: Optional[float] = None
    to_p50: Optional[float] = None

    @property
    def change(self) -> Optional[float]:
        if self.from_p50 is None or self.to_p50 is None:
            return None
        return self.to_p50 - self.from_p50

    @property
    def change_pct(self) -> Optional[float]:
        change = self.change
        if change is None or not self.from_p50:
            return None
        return change / self.from_p50 * 100.0


def jump_on_scale(change: Change, from_level: Optional[float], to_level: Optional[float], low: int, high: int) -> float:
    """CompetencyChange.normalised_jump from the values (the step gap sorts by it before the change exists)."""
    if change == Change.NEW and to_level is not None:
        return percent_of_scale(to_level, low, high)
    if from_level is None or to_level is None:
        return 0.0
    return share_of_scale(to_level - from_level, low, high)


class CompetencyChange(Model):
    competency: str
    name: str
    kind: CompetencyKind
    scale: str
    scale_min: int
    scale_max: int
    from_level: Optional[float] = None
    to_level: Optional[float] = None
    from_word: Optional[str] = None
    to_word: Optional[str] = None
    importance: Optional[float] = None
    change: Change
    # What one must be able to do at the new level and did not need before (levels are cumulative).
    behaviours_at_target: tuple[Behaviour, ...] = ()
    # The target role's own importance rating for this competency (O*NET IM 1-5), when it has one.
    target_importance: Optional[float] = None
    # The target's source says the competency is not relevant to the job (O*NET "Not Relevant").
    not_relevant: bool = False
    # The same, said of the role the step starts from (the heatmap marks the cell "n/r").
    from_not_relevant: bool = False
    # Published standard errors of the two levels, on the competency's own scale.
    from_error: Optional[float] = None
    to_error: Optional[float] = None
    # The behaviours illustrate a level (O*NET anchors) rather than define what it asks for.
    examples: bool = False

    @property
    def noise(self) -> float:
        """The smallest jump that means anything: half a level, or more where standard errors say so."""
        errors = [e for e in (self.from_error, self.to_error) if e is not None]
        combined = (sum(e * e for e in errors) ** 0.5) * 1.96 if len(errors) == 2 else 0.0
        return max(ABOUT_SAME_LEVELS, combined)

    @property
    def about_same(self) -> bool:
        """Both levels known and the difference within the noise."""
        return self.delta is not None and abs(self.delta) < self.noise

    @property
    def matters(self) -> bool:
        """Important to the target: rated 3 or more of 5, or listed by a source that rates no importance."""
        if self.not_relevant:
            return False
        return self.target_importance is None or self.target_importance >= IMPORTANT

    @property
    def weight(self) -> float:
        """How much this jump matters for the target: its importance times the size of the jump (0-100)."""
        importance = self.target_importance if self.target_importance is not None else IMPORTANT
        return importance * max(self.normalised_jump, 0.0)

    @property
    def delta(self) -> Optional[float]:
        if self.from_level is None or self.to_level is None:
            return None
        return self.to_level - self.from_level

    @property
    def normalised_jump(self) -> float:
        """The jump as 0-100 of its own scale; a new competency counts from the scale's floor."""
        return jump_on_scale(self.change, self.from_level, self.to_level, self.scale_min, self.scale_max)


class Focus(Model):
    """A step's changes in order of what matters for the target role.

    key: raised or new, important to the target, bigger than the noise; biggest weight first.
    about_same: both levels known, within the noise.
    also: what changes but matters little here (low importance, not relevant, lowered, dropped).
    unknown: a level on one side is not published.
    """

    key: tuple[CompetencyChange, ...] = ()
    about_same: tuple[CompetencyChange, ...] = ()
    also: tuple[CompetencyChange, ...] = ()
    unknown: tuple[CompetencyChange, ...] = ()

    @classmethod
    def of(cls, changes: tuple[CompetencyChange, ...]) -> "Focus":
        key, same, also, unknown = [], [], [], []
        for c in changes:
            if c.change == Change.UNKNOWN:
                unknown.append(c)
            elif c.change == Change.SAME or c.about_same:
                same.append(c)
            elif c.change in (Change.RAISED, Change.NEW) and c.matters:
                key.append(c)
            else:
                also.append(c)
        key.sort(key=lambda c: (-c.weight, c.name.casefold()))
        also.sort(key=lambda c: (c.not_relevant, -abs(c.normalised_jump), c.name.casefold()))
        unknown.sort(key=lambda c: (-(c.target_importance or IMPORTANT), c.name.casefold()))
        same.sort(key=lambda c: (-(c.target_importance or 0), c.name.casefold()))
        # The changes are validated models already: validating them again was most of ranking a route.
        return cls.trusted(key=tuple(key), about_same=tuple(same), also=tuple(also), unknown=tuple(unknown))

    def words(self) -> str:
        """"3 big jumps, 5 small" (big: a fifth of the scale or more); "no jumps that matter" when none."""
        big = sum(1 for c in self.key if c.normalised_jump >= BIG_JUMP)
        small = len(self.key) - big
        parts = [f"{big} big jump{'s' if big != 1 else ''}"] if big else []
        if small:
            parts.append(f"{small} small" if big else f"{small} small jump{'s' if small != 1 else ''}")
        return ", ".join(parts) or "no jumps that matter"


def kept_focus(gap: "RoleGap | Lens") -> Focus:
    """Focus.of the gap's changes, worked out once and kept beside its fields (never serialised or
    compared): ranking, the reason line, the route list and the step cards each ask for it."""
    kept = gap.__dict__.get("_focus")
    if kept is None or kept[0] is not gap.competencies:
        kept = gap.__dict__["_focus"] = (gap.competencies, Focus.of(gap.competencies))
    return kept[1]


# A jump of a fifth of the scale or more (1.4 O*NET levels, one proficiency level of 5) is "big".
BIG_JUMP = 20.0


class Lens(Model):
    """The same step seen through another source: the roles' twins there, on that source's own scale.

    A curated role and its O*NET occupation are the same work; O*NET rates every occupation, so its
    levels show a jump the curated source does not publish. Never converted between scales.
    """

    source: str
    source_name: str
    from_role: RoleRef
    to_role: RoleRef
    # Both ends of the step are the same occupation in this source: it cannot tell them apart.
    same_role: bool = False
    competencies: tuple[CompetencyChange, ...] = ()

    def focus(self) -> Focus:
        return kept_focus(self)


class ExperienceNote(Model):
    """What most people in the target job have: the most common related-experience answer."""

    role_title: str
    # True when the figures are those of the role's linked occupation.
    via_twin: bool = False
    label: str
    share: float
    source_name: str
    as_of: Optional[str] = None
    respondents: Optional[int] = None
    suppressed: bool = False

    @property
    def text(self) -> str:
        detail = self.label[0].lower() + self.label[1:]
        who = f" (figures for {self.role_title})" if self.via_twin else ""
        when = f", surveyed {self.as_of}" if self.as_of else ""
        count = f", {self.respondents} answers" if self.respondents else ""
        caution = "; the source flags this estimate as unreliable" if self.suppressed else ""
        return (f"The most common answer among people in this job{who}: {detail} of related work experience "
                f"({self.share:.0f}% of them; {self.source_name}{when}{count}{caution}).")


class Unpublished(Model):
    from_count: int = Field(default=0, ge=0)
    to_count: int = Field(default=0, ge=0)
    # The source names only some competencies and gives no total for that role.
    from_more: bool = False
    to_more: bool = False


class RoleGap(Model):
    """Everything that changes from one role to another: one route step, or a direct comparison."""

    from_role: RoleRef
    to_role: RoleRef
    transition: Optional[Transition] = None
    # Who states the move, as people read it ("Salary.com"); the transition holds the source id.
    transition_source: str = ""
    level_change: LevelChange
    pay: tuple[PayChange, ...] = ()
    competencies: tuple[CompetencyChange, ...] = ()
    unpublished: Unpublished = Unpublished()
    # The step through other sources' eyes (a curated role's O*NET twin), each on its own scale.
    lenses: tuple[Lens, ...] = ()
    experience: Optional[ExperienceNote] = None
    # True when the catalogue itself inferred the move (no source states it).
    inferred: bool = False

    def unlevelled_ends(self) -> list[RoleRef]:
        """The ends of the step whose source publishes no level for any of its competencies."""
        return [role for role, side in ((self.from_role, "from"), (self.to_role, "to"))
                if all(getattr(c, f"{side}_level") is None for c in self.competencies)]

    def focus(self) -> Focus:
        return kept_focus(self)

    def all_key_jumps(self) -> list[tuple[str, CompetencyChange]]:
        """(source name or '', change) of the key jumps of this step and of its lenses."""
        jumps = [("", c) for c in self.focus().key]
        for lens in self.lenses:
            jumps += [(lens.source_name, c) for c in lens.focus().key]
        return sorted(jumps, key=lambda item: -item[1].weight)

    @property
    def skill_gap(self) -> float:
        """Sum of the positive jumps, each normalised 0-100 on its own scale."""
        return sum(max(c.normalised_jump, 0.0) for c in self.competencies if c.change in (Change.RAISED, Change.NEW))

    def pay_gain(self, basis: str = "base") -> Optional[float]:
        """Median change for the first source that prices both roles on this basis."""
        for pay in self.pay:
            if pay.basis == basis and pay.change is not None:
                return pay.change
        return None
