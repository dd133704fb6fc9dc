"""A coach's cohort at a glance: people x competencies, each cell the gap to that person's target."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import Field

from career_explorer.domain.base import Model, share_of_scale
from career_explorer.domain.catalogue import Behaviour
from career_explorer.domain.plan import GapStatus, Readiness, RoleStatus
from career_explorer.domain.user import Assessment, Person, PersonRecord


class CohortCell(Model):
    """One person's standing on one competency their target role names."""

    status: GapStatus
    rating: Optional[float] = None
    required: Optional[float] = None
    required_word: Optional[str] = None
    scale_min: int
    scale_max: int
    importance: Optional[float] = None
    evidence: Optional[str] = None

    @property
    def gap(self) -> Optional[float]:
        """Levels still to grow; None when the rating or the required level is unknown (never a fake 0)."""
        if self.status == GapStatus.MET:
            return 0.0
        if self.status == GapStatus.BELOW:
            return self.required - self.rating
        return None

    @property
    def shortfall(self) -> Optional[float]:
        """The gap as 0-100 of the competency's own scale, so cells on different scales can be coloured alike."""
        return share_of_scale(self.gap, self.scale_min, self.scale_max)


class CohortColumn(Model):
    """A competency at least one person's target role counts as important."""

    competency: str
    name: str
    scale_min: int
    scale_max: int
    # People whose target names it, and of those how many are known to be below the level.
    needed_by: int = Field(ge=0)
    growing: int = Field(ge=0)


class CohortRow(Model):
    person_id: int
    person: str
    current: Optional[RoleStatus] = None
    target: RoleStatus
    assessed: Optional[dt.datetime] = None
    readiness: Readiness
    # Competency id -> cell; a competency the person's target does not name has no cell.
    cells: dict[str, CohortCell] = {}

    @property
    def rated(self) -> int:
        """Cells (in the table's columns) with a rating."""
        return sum(1 for c in self.cells.values() if c.rating is not None)


class SharedGap(Model):
    """A competency many in the cohort need to grow: material for a group session."""

    competency: str
    name: str
    scale_min: int
    scale_max: int
    growing: int = Field(ge=1)  # people known to be below the required level
    needed_by: int = Field(ge=1)  # people whose target requires a level
    unrated: int = Field(default=0, ge=0)  # people it is required of who have not rated it
    average_gap: float = Field(gt=0)  # levels, over those growing
    people: tuple[str, ...] = ()
    # The level most of those growing reach for next, and what someone does there.
    next_level: Optional[int] = None
    behaviours: tuple[Behaviour, ...] = ()
    examples: bool = False


class CohortTable(Model):
    made: dt.datetime
    rows: tuple[CohortRow, ...] = ()
    columns: tuple[CohortColumn, ...] = ()
    shared: tuple[SharedGap, ...] = ()
    # Target roles in the cohort (before any role filter), for the filter's choices.
    targets: tuple[RoleStatus, ...] = ()
    role_filter: Optional[str] = None
    # The tag the people were chosen by (the members are filtered before the table is built).
    tag_filter: Optional[str] = None
    # People selected but left out of the table because they have no target role yet.
    without_target: tuple[str, ...] = ()

    def column(self, competency: str) -> Optional[CohortColumn]:
        return next((c for c in self.columns if c.competency == competency), None)

    def row(self, person_id: int) -> Optional[CohortRow]:
        return next((r for r in self.rows if r.person_id == person_id), None)


class CohortMember(Model):
    """What the cohort table reads for one person: who, where they aim, and their latest ratings."""

    person: Person
    target_id: Optional[str] = None
    assessment: Optional[Assessment] = None


COHORT_FORMAT = "career-explorer/cohort"


class CohortExport(Model):
    """One file carrying several people, each as complete as a person export."""

    format: Literal["career-explorer/cohort"]
    # 2: the people carry tags and sessions; version 1 files still import.
    version: Literal[1, 2]
    exported: dt.datetime
    records: tuple[PersonRecord, ...] = Field(min_length=1)
