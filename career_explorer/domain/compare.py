"""Compare: two to four roles side by side, each competency on its own scale, with pay and radar data."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from career_explorer.domain.base import Model, percent_of_scale
from career_explorer.domain.catalogue import CompetencyKind
from career_explorer.domain.profile import PayEntry
from career_explorer.domain.role_gap import RoleRef


class CellStatus(str, Enum):
    LEVEL = "level"            # listed with a level
    UNRATED = "unrated"        # listed without a level
    NOT_REQUIRED = "not_required"  # not listed; the role's list is complete
    UNKNOWN = "unknown"        # not listed; the role's list is incomplete


class Standing(str, Enum):
    """How a cell stands against the other roles in its row."""

    SAME = "same"
    HIGHEST = "highest"
    LOWER = "lower"
    MISSING = "missing"
    NONE = "none"


class CompareCell(Model):
    status: CellStatus
    level: Optional[float] = None
    not_relevant: bool = False
    word: Optional[str] = None
    label: Optional[str] = None
    standing: Standing = Standing.NONE


class CompareRow(Model):
    """One competency across the compared roles, on its own scale."""

    competency: str
    name: str
    kind: CompetencyKind
    scale: str
    scale_min: int
    scale_max: int
    cells: tuple[CompareCell, ...]
    differs: bool

    def normalised(self, index: int) -> Optional[float]:
        return percent_of_scale(self.cells[index].level, self.scale_min, self.scale_max)


class RadarData(Model):
    """Levels normalised 0-100 per scale; `values[role][axis]` is None where the role has no level."""

    axes: tuple[str, ...]
    titles: tuple[str, ...]
    values: tuple[tuple[Optional[float], ...], ...]
    omitted: int = 0
    # Per axis: the scale's lowest value is itself a level (1 = General Familiarity on a 1-5 scale), so
    # it must not be drawn at the centre, which reads as "nothing". O*NET's 0 is "not needed": centre.
    floor_is_level: tuple[bool, ...] = ()


class RoleComparison(Model):
    """Two to four roles side by side."""

    roles: tuple[RoleRef, ...] = Field(min_length=2, max_length=4)
    level_texts: tuple[str, ...] = ()
    rows: tuple[CompareRow, ...] = ()
    pay: tuple[PayEntry, ...] = ()
    unpublished: tuple[int, ...] = ()
    # Per role: the source names only some competencies and gives no total.
    unpublished_more: tuple[bool, ...] = ()
    radar: Optional[RadarData] = None

    def unpublished_note(self, index: int) -> Optional[str]:
        """"10", "at least 5", "count not given", or None when the role's list is complete."""
        count = self.unpublished[index] if self.unpublished else 0
        more = self.unpublished_more[index] if self.unpublished_more else False
        if count:
            return f"at least {count}" if more else str(count)
        return "count not given" if more else None

    @property
    def differing(self) -> tuple[CompareRow, ...]:
        return tuple(r for r in self.rows if r.differs)
