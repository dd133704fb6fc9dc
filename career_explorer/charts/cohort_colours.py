"""The colour of a cohort cell, shared by the cohort view and the printed pack (no Qt here)."""

from __future__ import annotations

from typing import Optional

from career_explorer.domain.cohort import CohortCell
from career_explorer.domain.plan import GapStatus

MET = "#d5eedb"
# Gaps as a share of the competency's scale: a quarter or less, up to half, more than half.
GAP_SMALL = "#fcebc5"
GAP_MEDIUM = "#f8cd8f"
GAP_LARGE = "#f2a47f"
UNKNOWN = "#e4e7eb"  # a level is asked for but the person has not rated it: unknown, not zero
INK = "#1f2328"  # text on a shaded cell, readable in a light or dark theme


def cell_fill(cell: Optional[CohortCell]) -> Optional[str]:
    """A background colour, or None where nothing is asked (not named, or named without a level)."""
    if cell is None or cell.status == GapStatus.NO_LEVEL:
        return None
    if cell.status == GapStatus.MET:
        return MET
    if cell.status == GapStatus.UNRATED:
        return UNKNOWN
    share = cell.shortfall or 0.0
    return GAP_SMALL if share <= 25 else GAP_MEDIUM if share <= 50 else GAP_LARGE


# For legends: (colour, words), in the order a reader meets them.
KEY = ((MET, "met"), (GAP_SMALL, "gap up to a quarter of the scale"), (GAP_MEDIUM, "up to half"),
       (GAP_LARGE, "more than half"), (UNKNOWN, "not rated: gap unknown"))
