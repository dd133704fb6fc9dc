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

from career_explorer.domain.catalogue import TransitionEdge, TransitionKind
from career_explorer.domain.role_listing import RoleSummary

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
        return move_cost(self.source, self.tier, self.borrowed, self.skipped)


def move_cost(source: str, tier: Optional[str], borrowed: bool, skipped: int) -> float:
    """A move's cost from what it rests on (see the module docstring)."""
    return (1.0 + (INFERRED if source == PROJECT_SOURCE else 0.0) + TIER.get(tier or "", 0.0)
            + (BORROWED if borrowed else 0.0) + SKIP * skipped)


def twin_groups(edges: Iterable[TransitionEdge]) -> dict[str, frozenset[str]]:
    """Role id -> the roles a `related` link says are the same work as it (its direct twins).

    Not the transitive closure: a team leader and a manager may both be linked to one O*NET
    occupation without being the same job as each other.
    """
    twins: dict[str, set[str]] = {}
    related = TransitionKind.RELATED.value
    for a, b, kind, _, _ in edges:
        if kind == related:
            twins.setdefault(a, set()).add(b)
            twins.setdefault(b, set()).add(a)
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


MoveGraph = dict[str, dict[str, Move]]


def build_graph(
    edges: list[TransitionEdge], summaries: dict[str, RoleSummary]
) -> tuple[MoveGraph, dict[str, frozenset[str]]]:
    """The move graph ({role: {next role: Move}}) and the direct twins it was built with.

    Built for every route query of a command-line run (some 18,000 transitions on the bundled
    catalogue), so the loops stay plain: no per-edge helper calls where a lookup will do.
    """
    twins = twin_groups(edges)
    ranks = _ranks(summaries)
    related = TransitionKind.RELATED.value
    new_move = Move._make  # one call per edge where Move(...) makes two
    moves: dict[tuple[str, str], Move] = {}
    for a, b, kind, source, tier in edges:
        if kind != related:
            moves[(a, b)] = new_move((a, b, kind, source, tier, None, None, _skipped(ranks, a, b)))
    # Lend each stated move to the twins of one of its ends (never both: that would be another job's
    # move altogether). A move the catalogue states itself wins over a borrowed one.
    no_twins: frozenset[str] = frozenset()
    for (a, b), move in list(moves.items()):
        twins_a, twins_b = twins.get(a, no_twins), twins.get(b, no_twins)
        if not twins_a and not twins_b:
            continue
        lent = [(t, b, a, None) for t in twins_a] + [(a, t, None, b) for t in twins_b]
        for from_role, to_role, via_from, via_to in lent:
            if from_role == to_role or to_role in twins.get(from_role, no_twins):
                continue
            borrowed = Move(from_role, to_role, move.kind, move.source, move.tier, via_from, via_to,
                            _skipped(ranks, from_role, to_role))
            known = moves.get((from_role, to_role))
            if known is None or (known.borrowed and borrowed.cost() < known.cost()):
                moves[(from_role, to_role)] = borrowed
    graph: MoveGraph = {role: {} for role in summaries}
    for (a, b), move in moves.items():
        graph.setdefault(a, {})[b] = move
        graph.setdefault(b, {})
    return graph, twins


def rule_costs(
    graph: MoveGraph, summaries: dict[str, RoleSummary], with_data: set[str], sideways: bool
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """Every move's cost under one rule ({a: {b: cost}}), and the cost of each move into a goal, keyed
    the other way ({b: {a: cost}}: a goal may be entered where a move would otherwise be hidden).
    A move missing from the first is hidden.

    Whether a move cuts pay or leads into a role without data does not depend on the query, so it is
    worked out once per edge; only the goal's exception differs (see the module docstring).
    """
    # Per role: (median, currency) when priced; the cut test compares these.
    priced = {i: (s.median_base, s.currency) for i, s in summaries.items() if s.median_base}
    forward: dict[str, dict[str, float]] = {node: {} for node in graph}
    entering: dict[str, dict[str, float]] = {node: {} for node in graph}
    for a, neighbours in graph.items():
        here = priced.get(a)
        out = forward[a]
        for b, move in neighbours.items():
            # Move.cost without its property calls: this loop runs for every edge of a command-line query.
            _, _, _, source, tier, via_from, via_to, skipped = move
            cost = move_cost(source, tier, via_from is not None or via_to is not None, skipped)
            there = priced.get(b)
            cut = here is not None and there is not None and here[1] == there[1] and there[0] < here[0]
            blind = b not in with_data and (b not in summaries or summaries[b].median_base is None)
            if cut:
                if not sideways:
                    continue
                cost += SIDEWAYS_CUT
            if not blind:  # the goal itself may lack data: the user asked for it
                out[b] = cost
            entering[b][a] = cost
    return forward, entering
