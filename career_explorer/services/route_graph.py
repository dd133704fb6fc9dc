"""The moves a route may take, and how believable each one is.

- `related` transitions link two descriptions of the same work (a Salary.com profile and its O*NET
  occupation): twins. They are never a step. A role may take the moves its twins' source states, at
  one end of the move: Chat Support Representative I may move where O*NET says Customer Service
  Representatives move. Such a move is "borrowed" and says whose it is.
- Every other transition is a move, walked as the catalogue states it.

A move's cost, lower is more plausible: one per step, plus
- the catalogue's own inference (no source states it): INFERRED;
- each rank of the same job-level ladder that the move skips: SKIP;
- O*NET's tier: Primary-Short 0, Primary-Long TIER["Primary-Long"], Supplemental more;
- a borrowed move: BORROWED;
- a pay cut (the target's median below the start's, same currency): hidden unless sideways moves are
  allowed, then SIDEWAYS_CUT;
- a step into a role with no published data at all (no level, no pay): hidden, unless it is the goal.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional

from career_explorer.domain.catalogue import RoleSummary, TransitionEdge, TransitionKind
from career_explorer.services.path_search import Graph

PROJECT_SOURCE = "career-explorer"
INFERRED = 0.3
BORROWED = 0.6
# Per rank skipped on one ladder (A02 straight to M02 skips S01): careers rarely jump a rung.
SKIP = 1.2
TIER = {"Primary-Short": 0.0, "Primary-Long": 0.4, "Supplemental": 0.8}
SIDEWAYS_CUT = 1.0
# O*NET's words for its tiers, as a person reads them.
TIER_WORDS = {"Primary-Short": "closely related", "Primary-Long": "related", "Supplemental": "loosely related"}


class Move(NamedTuple):
    """One edge of the route graph: the transition it rests on, and whose twin lent it."""

    from_role: str
    to_role: str
    kind: TransitionKind
    source: str
    tier: Optional[str]
    # The stated transition's own ends when the move is borrowed from a twin.
    via_from: Optional[str] = None
    via_to: Optional[str] = None
    # Ranks of one job-level ladder jumped over (0 for a move to the next rank, or across ladders).
    skipped: int = 0

    @property
    def borrowed(self) -> bool:
        return self.via_from is not None or self.via_to is not None

    @property
    def inferred(self) -> bool:
        return self.source == PROJECT_SOURCE

    @property
    def stated_ends(self) -> tuple[str, str]:
        return self.via_from or self.from_role, self.via_to or self.to_role

    def cost(self) -> float:
        return (1.0 + (INFERRED if self.inferred else 0.0) + TIER.get(self.tier or "", 0.0)
                + (BORROWED if self.borrowed else 0.0) + SKIP * self.skipped)


def twin_groups(edges: Iterable[TransitionEdge]) -> dict[str, frozenset[str]]:
    """Role id -> the roles a `related` link says are the same work as it (its direct twins).

    Not the transitive closure: a team leader and a manager may both be linked to one O*NET
    occupation without being the same job as each other.
    """
    twins: dict[str, set[str]] = {}
    for edge in edges:
        if edge.kind == TransitionKind.RELATED:
            twins.setdefault(edge.from_role, set()).add(edge.to_role)
            twins.setdefault(edge.to_role, set()).add(edge.from_role)
    return {role: frozenset(others) for role, others in twins.items()}


def _ranks(summaries: dict[str, RoleSummary]) -> dict[str, tuple[str, int]]:
    """Role id -> (ladder, rank), for roles that have both."""
    return {i: (s.ladder, s.level_rank) for i, s in summaries.items()
            if s.ladder is not None and s.level_rank is not None}


def _skipped(ranks: dict[str, tuple[str, int]], a: str, b: str) -> int:
    """Ranks of one ladder jumped over by a move from a to b (0 across ladders or unranked)."""
    here, there = ranks.get(a), ranks.get(b)
    if here is None or there is None or here[0] != there[0]:
        return 0
    return max(there[1] - here[1] - 1, 0)


def build_graph(
    edges: list[TransitionEdge], summaries: dict[str, RoleSummary]
) -> tuple[Graph, dict[str, frozenset[str]]]:
    """The move graph ({role: {next role: {"move": Move}}}) and the direct twins it was built with."""
    twins = twin_groups(edges)
    ranks = _ranks(summaries)
    moves: dict[tuple[str, str], Move] = {}
    for edge in edges:
        if edge.kind != TransitionKind.RELATED:
            moves[(edge.from_role, edge.to_role)] = Move(
                edge.from_role, edge.to_role, edge.kind, edge.source, edge.tier,
                skipped=_skipped(ranks, edge.from_role, edge.to_role))
    # Lend each stated move to the twins of one of its ends (never both: that would be another job's
    # move altogether). A move the catalogue states itself wins over a borrowed one.
    for (a, b), move in list(moves.items()):
        lent = [(t, b, t, None) for t in twins.get(a, ())] + [(a, t, None, t) for t in twins.get(b, ())]
        for from_role, to_role, new_from, new_to in lent:
            if from_role == to_role or to_role in twins.get(from_role, ()):
                continue
            borrowed = Move(from_role, to_role, move.kind, move.source, move.tier,
                            via_from=a if new_from else None, via_to=b if new_to else None,
                            skipped=_skipped(ranks, from_role, to_role))
            known = moves.get((from_role, to_role))
            if known is None or (known.borrowed and borrowed.cost() < known.cost()):
                moves[(from_role, to_role)] = borrowed
    graph: Graph = {role: {} for role in summaries}
    for (a, b), move in moves.items():
        graph.setdefault(a, {})[b] = {"move": move}
        graph.setdefault(b, {})
    return graph, twins


def move_costs(
    move: Move, summaries: dict[str, RoleSummary], with_data: set[str], sideways: bool
) -> tuple[Optional[float], Optional[float]]:
    """(cost of the move, cost when it enters the goal) under one rule; None hides it.

    Whether a move cuts pay or leads into a role without data does not depend on the query, so it
    is worked out once per edge; only the goal's exception differs (see the module docstring).
    """
    costs = _costs(move, summaries, with_data)
    key = "sideways" if sideways else "strict"
    return costs[key], costs[f"goal_{key}"]


def _costs(move: Move, summaries: dict[str, RoleSummary], with_data: set[str]) -> dict[str, Optional[float]]:
    """The move's cost under each rule; None hides the move."""
    cost = move.cost()
    before, after = summaries.get(move.from_role), summaries.get(move.to_role)
    cut = bool(before is not None and after is not None and before.median_base and after.median_base
               and before.currency == after.currency and after.median_base < before.median_base)
    blind = move.to_role not in with_data and (after is None or after.median_base is None)
    with_cut = cost + (SIDEWAYS_CUT if cut else 0.0)
    return {
        "strict": None if cut or blind else cost,
        "sideways": None if blind else with_cut,
        # The goal itself may lack data: the user asked for it.
        "goal_strict": None if cut else cost,
        "goal_sideways": with_cut,
    }
