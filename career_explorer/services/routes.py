"""Find ranked routes between two roles through the catalogue's moves (see services.route_graph).

Candidate routes are simple paths in order of plausibility (Yen's k-shortest simple paths, in
services.path_search, with the move costs of route_graph as weights); a route may not visit a role
and its twin. The
user picks how to rank them (RankMode):

- plausible (default): lowest total move cost: stated moves before the catalogue's own inferences,
  O*NET's closer tiers first, fewer steps, no pay cut unless sideways moves are allowed;
- gap: least importance-weighted skill gap (the key jumps of each step, and of its twins' lens);
- pay: best paid on the way: the highest median pay of the roles between the two ends (every route
  shares the ends, so the overall change is the same for all).

Each route says in one line why it ranks where it does.
"""

from __future__ import annotations

import weakref
from functools import partial
from itertools import islice
from operator import itemgetter
from typing import Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Role, Transition
from career_explorer.domain.role_gap import CompetencyChange, RoleGap, RoleRef
from career_explorer.domain.role_listing import RoleSummary
from career_explorer.domain.route import PathResult, PayPoint, PaySeries, RankMode, Route, SkillRow, skill_order
from career_explorer.services.path_search import (
    Graph,
    Levels,
    path_cost,
    reverse,
    shortest_simple_paths,
    within_hops,
)
from career_explorer.services.role_gap import competency_changes, match_requirements, role_gap, role_ref
from career_explorer.services.role_lookup import RoleNotFound
from career_explorer.services.route_defaults import DEFAULT_ROUTES
from career_explorer.services.route_graph import Move, MoveGraph, build_graph, rule_costs
from career_explorer.services.route_rank import Ranker
from career_explorer.services.route_reasons import route_reason

# Candidates examined per route wanted: plausible ones are found first, then ranked by the chosen mode.
CANDIDATES_PER_ROUTE = 3
# Paths looked at per route wanted before giving up on the rest: each rejected one (through a role and
# its twin) costs a shortest-path search, and past this many the cheaper ones have all been seen.
EXAMINED_PER_ROUTE = 8
# A route longer than this many steps is not a plan a person would follow.
MAX_STEPS = 5


def plausible_ceiling(best: float) -> float:
    """Routes costing more than this, given the most plausible one's cost, are not worth offering."""
    return best * 2.0 + 2.0


def move_transition(move: Move, stated: Transition, names: dict[str, str], titles: dict[str, str]) -> Transition:
    """The transition a step shows: the stated one, reworded when a twin lends it or the app infers it."""
    basis = stated.basis
    if move.borrowed:
        a, b = move.stated_ends
        lender = names.get(stated.source, stated.source)
        basis = (f"{lender} states this move for {titles.get(a, a)} → {titles.get(b, b)}, "
                 f"the same work under {lender}'s names. {basis}")
    return stated.model_copy(update={"from_role": move.from_role, "to_role": move.to_role, "basis": basis})


class RouteFinder:
    """Routes over one catalogue; the graph, roles and step gaps are loaded once and kept."""

    def __init__(self, repo: CatalogueRepository) -> None:
        self.repo = repo
        self._graph: Optional[MoveGraph] = None
        # Per rule (sideways or not): costs of every edge, the same reversed, and the cost of each edge
        # when it enters the goal (a goal may lack data).
        self._costs: dict[bool, tuple[Graph, Graph, Graph]] = {}
        self._groups: dict[str, frozenset[str]] = {}
        self._with_data: Optional[set[str]] = None
        self._summaries: Optional[dict[str, RoleSummary]] = None
        self._roles: dict[str, Role] = {}
        self._titles: Optional[dict[str, str]] = None
        self._gaps: dict[tuple[str, str, bool], RoleGap] = {}
        self._changes: dict[tuple[str, str], tuple[CompetencyChange, ...]] = {}
        self._refs: Optional[list[RoleRef]] = None
        self._levels: Optional[Levels] = None
        self._place_of: list[Optional[int]] = []
        self._places: dict[str, int] = {}
        self._reachable: dict[str, tuple[RoleRef, ...]] = {}
        self._ranker = Ranker()

    @property
    def graph(self) -> MoveGraph:
        if self._graph is None:
            self._graph, self._groups = build_graph(self.repo.transition_edges(), self.summaries)
            self._with_data = self.repo.roles_with_levels()
        return self._graph

    def warmed(self, sideways: bool = False) -> bool:
        """Whether the move graph and this rule's costs are built: the first query builds them, which on a
        catalogue of many thousand roles takes seconds."""
        return self._graph is not None and sideways in self._costs

    def twins(self, role_id: str) -> frozenset[str]:
        """Roles a `related` link says are the same work as `role_id`."""
        _ = self.graph  # builds the groups on first use
        return self._groups.get(role_id, frozenset())

    @property
    def summaries(self) -> dict[str, RoleSummary]:
        if self._summaries is None:
            self._summaries = {s.id: s for s in self.repo.role_summaries()}
        return self._summaries

    def role(self, role_id: str) -> Role:
        role = self._roles.get(role_id)
        if role is None:
            role = self.repo.role(role_id)
            if role is None:
                raise RoleNotFound(role_id, [])
            self._roles[role_id] = role
        return role

    def _load(self, role_id: str) -> Optional[Role]:
        try:
            return self.role(role_id)
        except RoleNotFound:
            return None

    def gap(self, from_id: str, to_id: str, step: bool) -> RoleGap:
        """A step along a transition edge (`step`), or the direct comparison of two roles."""
        key = (from_id, to_id, step)
        gap = self._gaps.get(key)
        if gap is None:
            transition = self.transition(from_id, to_id) if step else None
            gap = role_gap(self.repo, self.role(from_id), self.role(to_id), transition, load=self._load,
                           compare=self.changes)
            self._gaps[key] = gap
        return gap

    def changes(self, source: Role, target: Role) -> tuple[CompetencyChange, ...]:
        """competency_changes, kept per pair: a step, the direct comparison of its ends and the twins' lens
        often compare the same two roles."""
        key = (source.id, target.id)
        found = self._changes.get(key)
        if found is None:
            found = self._changes[key] = competency_changes(source, target, self.repo.competencies, self.repo.scales)
        return found

    def move(self, from_id: str, to_id: str) -> Move:
        return self.graph[from_id][to_id]

    def transition(self, from_id: str, to_id: str) -> Transition:
        """The transition behind the move from -> to, as the step shows it."""
        move = self.move(from_id, to_id)
        stated = self.repo.transition(*move.stated_ends)
        if self._titles is None:
            self._titles = {i: s.title for i, s in self.summaries.items()}
        return move_transition(move, stated, self.repo.source_labels, self._titles)

    # -- queries ----------------------------------------------------------------------------

    def find(self, from_id: str, to_id: str, k: int = DEFAULT_ROUTES, mode: RankMode = RankMode.PLAUSIBLE,
             sideways: bool = False) -> PathResult:
        """Up to `k` routes ranked by `mode`, the direct gap, and (when there is no route) the reachable roles."""
        if from_id == to_id:
            raise ValueError("from and to are the same role; pick two different roles")
        source, target = self.role(from_id), self.role(to_id)
        direct = self.route_through([from_id, to_id], rank=0)
        pool = k if mode == RankMode.PLAUSIBLE else CANDIDATES_PER_ROUTE * k
        paths = self.candidate_paths(from_id, to_id, pool, sideways)
        forward, _ = self._query_graphs(to_id, sideways)
        costs = {tuple(p): path_cost(forward, p) or 0.0 for p in paths}
        if mode == RankMode.PLAUSIBLE:
            # Plausibility needs only the moves: build just the routes that will be shown.
            paths = sorted(paths, key=lambda p: (round(costs[tuple(p)], 6), len(p)))[:k]
        candidates = [self.route_through(p, rank=1, cost=costs[tuple(p)]) for p in paths]
        ranked = sorted(candidates, key=lambda r: self._ranker.key(r, mode))[:k]
        routes = tuple(
            r.model_copy(update={"rank": i, "reason": route_reason(r, i, mode, ranked)})
            for i, r in enumerate(ranked, 1)
        )
        reachable = () if routes else self.reachable(from_id)
        levels = self.repo.job_levels
        return PathResult.trusted(from_role=role_ref(source, levels), to_role=role_ref(target, levels),
                                  routes=routes, direct=direct, reachable=reachable, mode=mode, sideways=sideways,
                                  same_work=to_id in self.twins(from_id))

    def candidate_paths(self, from_id: str, to_id: str, k: int, sideways: bool = False) -> list[list[str]]:
        """Up to `k` simple paths, most plausible (lowest move cost) first.

        A path through a role and its twin, or longer than MAX_STEPS, is skipped.
        """
        # Every path between two descriptions of one job visits a role and its twin: none can be shown.
        if k < 1 or to_id in self.twins(from_id) or from_id not in self.graph or to_id not in self.graph:
            return []
        forward, back = self._query_graphs(to_id, sideways)
        # No path of MAX_STEPS steps or fewer: none can be shown (a cheapest-path search would explore most
        # of the graph to find one of fifteen steps, and drop it).
        if not within_hops(forward, back, from_id, to_id, MAX_STEPS):
            return []
        found: list[list[str]] = []
        examined = 0

        def horizon(waiting: list[tuple[float, list[str]]]) -> float:
            """The cost of the waiting path at which the loop below stops (enough found, too long, or
            too many examined): a path found later and no cheaper would never be asked for."""
            wanted, budget = k - len(found), EXAMINED_PER_ROUTE * k - examined
            for position, (cost, path) in enumerate(waiting, 1):
                if len(path) - 1 > MAX_STEPS or position >= budget:
                    return cost
                if not self._crosses_twins(path):
                    wanted -= 1
                    if wanted <= 0:
                        return cost
            return float("inf")

        paths = shortest_simple_paths(forward, from_id, to_id, stretch=plausible_ceiling, back=back, horizon=horizon)
        for path in islice(paths, EXAMINED_PER_ROUTE * k):
            examined += 1
            if len(path) - 1 > MAX_STEPS:
                break
            if self._crosses_twins(path):
                continue
            found.append(path)
            if len(found) >= k:
                break
        return found

    def _crosses_twins(self, path: list[str]) -> bool:
        """Going away from a job and coming back to its twin is not a career move."""
        groups = self._groups
        return any(b in groups.get(a, ()) for i, a in enumerate(path) for b in path[i + 1:])

    def _rule_graphs(self, sideways: bool) -> tuple[Graph, Graph, Graph]:
        """Edge costs under one rule, built once: worked out per edge, not per query."""
        if sideways not in self._costs:
            forward, entering = rule_costs(self.graph, self.summaries, self._with_data or set(), sideways)
            self._costs[sideways] = (forward, reverse(forward), entering)
        return self._costs[sideways]

    def _query_graphs(self, goal: str, sideways: bool) -> tuple[Graph, Graph]:
        """The rule's graphs with the moves into `goal` at their goal cost (the user asked for it, so a
        goal without data may be entered); only the goal's predecessors are copied."""
        forward, back, entering = self._rule_graphs(sideways)
        into = entering.get(goal, {})
        forward = dict(forward)
        for a, cost in into.items():
            forward[a] = {**forward[a], goal: cost}
        back = dict(back)
        back[goal] = dict(into)
        return forward, back

    def reachable(self, from_id: str) -> tuple[RoleRef, ...]:
        """Every role some route leads to from `from_id`, nearest first, then by title."""
        found = self._reachable.get(from_id)
        if found is None:
            if self._refs is None:
                # Built once and without validation: the summaries are already checked models. Each role's
                # place by title (then id) lets a query sort integers, one distance at a time.
                by_title = sorted(self.summaries.items(), key=lambda item: (item[1].title.casefold(), item[0]))
                self._refs = [RoleRef.model_construct(id=i, title=s.title, level=s.level, level_name=None)
                              for i, s in by_title]
                self._places = {ref.id: place for place, ref in enumerate(self._refs)}
                self._levels = Levels(self.graph)
                # Each graph node's place by title, or None for a node the summaries lack.
                self._place_of = [self._places.get(node) for node in self._levels.nodes]
            place_of, refs = self._place_of, self._refs
            found = self._reachable[from_id] = tuple(
                refs[place] for level in self._levels.levels(from_id)[1:]
                for place in sorted(p for p in map(place_of.__getitem__, level) if p is not None))
        return found

    def route_through(self, ids: list[str], rank: int, cost: Optional[float] = None) -> Route:
        """A Route along `ids`; rank 0 compares the two ends directly, without a transition."""
        roles = [self.role(i) for i in ids]
        if rank == 0:
            steps = (self.gap(ids[0], ids[-1], False),)
        else:
            steps = tuple(self.gap(a, b, True) for a, b in zip(ids, ids[1:]))
        if cost is None:
            cost = 0.0 if rank == 0 else sum(self.move(a, b).cost() for a, b in zip(ids, ids[1:]))
        return Route.trusted(
            rank=rank, roles=tuple(role_ref(r, self.repo.job_levels) for r in roles), steps=steps,
            total=self.gap(ids[0], ids[-1], False), plausibility=round(cost, 6),
            complete=tuple(r.competencies_complete for r in roles),
            pay_series=pay_series(roles, self.repo.source_labels),
        ).rows_from(partial(self.skill_rows, roles))

    def skill_rows(self, roles: list[Role]) -> tuple[SkillRow, ...]:
        """One row per competency along the route, biggest climb first (see skill_order).

        The rows and their order come straight from the validated roles: a route of O*NET roles has some
        hundreds, and validating each again, then sorting by the rows' properties, was most of a bundled
        query."""
        scales = self.repo.scales
        keyed = []
        for comp, reqs in match_requirements(roles, self.repo.competencies):
            scale = scales[comp.scale]
            levels = tuple(q.level if q else None for q in reqs)
            row = SkillRow.trusted(
                competency=comp.id, name=comp.name, scale=comp.scale, scale_min=scale.min, scale_max=scale.max,
                levels=levels, listed=tuple(q is not None for q in reqs),
                words=tuple(q.level_word if q else None for q in reqs),
                not_relevant=tuple(bool(q and q.not_relevant) for q in reqs),
            )
            keyed.append((skill_order(levels, scale.min, scale.max, comp.name), row))
        keyed.sort(key=itemgetter(0))
        return tuple(row for _, row in keyed)


def pay_series(roles: list[Role], names: Optional[dict[str, str]] = None) -> tuple[PaySeries, ...]:
    """One series per (source, basis, region, currency, period); each role's first band with a median.

    The same choice as the step comparison, so the chart and the step cards agree. Sources are
    never averaged.
    """
    series: dict[tuple, list[Optional[PayPoint]]] = {}
    for index, role in enumerate(roles):
        for band in role.salaries:
            key = (band.source, band.basis.value, band.region, band.currency, band.period.value)
            points = series.setdefault(key, [None] * len(roles))
            if points[index] is None or (points[index].p50 is None and band.median is not None):
                pct = band.percentiles()
                pct["p50"] = band.median
                points[index] = PayPoint.trusted(**pct)
    ordered = sorted(series.items(), key=lambda kv: (-sum(p is not None for p in kv[1]), kv[0][1] != "base", kv[0]))
    return tuple(
        PaySeries.trusted(source=k[0], source_name=(names or {}).get(k[0], k[0]), basis=k[1], region=k[2],
                          currency=k[3], period=k[4], points=tuple(points))
        for k, points in ordered
    )


_FINDERS: "weakref.WeakKeyDictionary[CatalogueRepository, RouteFinder]" = weakref.WeakKeyDictionary()


def route_finder(repo: CatalogueRepository) -> RouteFinder:
    """The finder for this repository, built once and kept while the repository lives."""
    finder = _FINDERS.get(repo)
    if finder is None:
        finder = _FINDERS[repo] = RouteFinder(repo)
    return finder


def find_routes(repo: CatalogueRepository, from_id: str, to_id: str, k: int = DEFAULT_ROUTES,
                mode: RankMode = RankMode.PLAUSIBLE, sideways: bool = False) -> PathResult:
    """Up to `k` ranked routes from one role id to another; see RouteFinder.find."""
    return route_finder(repo).find(from_id, to_id, k, RankMode(mode), sideways)
