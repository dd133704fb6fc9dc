"""How routes are ranked, in a module of its own: the settings and the CLI parser read it at start-up,
and domain.route (which imports pydantic) would cost a cold GUI start about 150 ms."""

from __future__ import annotations

from enum import Enum


class RankMode(str, Enum):
    """How routes are ranked; the user chooses."""

    PLAUSIBLE = "plausible"
    GAP = "gap"
    PAY = "pay"

    @property
    def label(self) -> str:
        return {"plausible": "Most plausible", "gap": "Least skill gap", "pay": "Best paid on the way"}[self.value]
