"""Results of comparing roles: competency jumps, level and pay changes, and routes made of steps."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from career_explorer.domain.base import Model
from career_explorer.domain.catalogue import Behaviour, CompetencyKind, Transition


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
        return self.level_name or self.level


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

    @property
    def delta(self) -> Optional[float]:
        if self.from_level is None or self.to_level is None:
            return None
        return self.to_level - self.from_level

    @property
    def normalised_jump(self) -> float:
        """The jump as 0-100 of its own scale; a new competency counts from the scale's floor."""
        if self.change == Change.NEW and self.to_level is not None:
            return (self.to_level - self.scale_min) / (self.scale_max - self.scale_min) * 100.0
        if self.delta is None:
            return 0.0
        return self.delta / (self.scale_max - self.scale_min) * 100.0


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
