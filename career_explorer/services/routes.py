"""Find ranked routes between two roles through the catalogue's transitions.

The graph is a networkx DiGraph with one node per role and one edge per transition:

- `promotion` and `specialisation` lead one way only, as the catalogue states them;
- `lateral` is walked as stated too: the catalogue writes each direction a sideways move supports
  (Chat Support Representative I <-> Customer Retention Representative II has two entries);
- `related` says two roles are the same or overlapping work under different names (a Salary.com
  profile and its O*NET occupation), a symmetric relation, so it is walked both ways. A reverse
  walk keeps the transition's kind and source and says so in its basis.

Routes are simple paths from `networkx.shortest_simple_paths`, ranked by fewest steps, then by the
smallest skill growth (each step's positive jumps, normalised 0-100 within their own scale and
summed), then by the largest pay gain (summed base median changes per step). The whole-route
totals always compare the first role with the last, so they cannot rank routes that share ends.
A jump that is unknown (a role does not publish the competency) adds nothing to the skill growth;
the Path view and the CLI say how many changes on a route are unknown.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Role, RoleSummary, Transition, TransitionEdge, TransitionKind
from career_explorer.domain.comparison import RoleGap, RoleRef
from career_explorer.domain.route import PathResult, PayPoint, PaySeries, Route, SkillRow
from career_explorer.services.role_comparison import compare_roles, match_requirements, role_ref
from career_explorer.services.role_lookup import RoleNotFound
from career_explorer.services.route_defaults import DEFAULT_ROUTES

if TYPE_CHECKING:
    import networkx as nx

# Routes as short as the K-th compete for the last places, up to TIE_POOL x K candidates in all
# (on 10,000 roles there can be hundreds of equally short routes; each candidate costs its step gaps).
TIE_POOL = 2


def reversed_transition(tr: Transition) -> Transition:
    return tr.model_copy(update={
        "from_role": tr.to_role, "to_role": tr.from_role,
        "basis": f"{tr.basis} (related roles are linked both ways; walked in reverse)",
    })


def build_graph(edges: list[TransitionEdge]) -> "nx.DiGraph":
    """One edge per walkable direction; an explicit transition wins over a reversed `related` one.

    Edges carry only the kind and direction; the Transition itself is read when a step needs it.
    """
    import networkx as nx  # ~0.2 s to import: kept off the start-up path

    walks: dict[tuple[str, str], dict] = {}
    for edge in edges:
        walks.setdefault((edge.from_role, edge.to_role), {"kind": edge.kind, "reversed": False})
    for edge in edges:
        if edge.kind == TransitionKind.RELATED:
            walks.setdefault((edge.to_role, edge.from_role), {"kind": edge.kind, "reversed": True})
    graph = nx.DiGraph()
    graph.add_edges_from((a, b, data) for (a, b), data in walks.items())
    return graph


class RouteFinder:
    """Routes over one catalogue; the graph, roles and step gaps are loaded once and kept."""

    def __init__(self, repo: CatalogueRepository) -> None:
        self.repo = repo
        self._graph: "Optional[nx.DiGraph]" = None
        self._summaries: Optional[dict[str, RoleSummary]] = None
        self._roles: dict[str, Role] = {}
        self._gaps: dict[tuple[str, str, bool], RoleGap] = {}

    @property
    def graph(self) -> "nx.DiGraph":
        if self._graph is None:
            graph = build_graph(self.repo.transition_edges())
            graph.add_nodes_from(self.summaries)
            self._graph = graph
        return self._graph

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

    def gap(self, from_id: str, to_id: str, step: bool) -> RoleGap:
        """A step along a transition edge (`step`), or the direct comparison of two roles."""
        key = (from_id, to_id, step)
        gap = self._gaps.get(key)
        if gap is None:
            transition = self.transition(from_id, to_id) if step else None
            gap = compare_roles(self.repo, self.role(from_id), self.role(to_id), transition)
            self._gaps[key] = gap
        return gap

    def transition(self, from_id: str, to_id: str) -> Transition:
        """The transition behind the edge from -> to (a `related` one walked in reverse says so)."""
        if self.graph.edges[from_id, to_id]["reversed"]:
            return reversed_transition(self.repo.transition(to_id, from_id))
        return self.repo.transition(from_id, to_id)

    # -- queries ----------------------------------------------------------------------------

    def find(self, from_id: str, to_id: str, k: int = DEFAULT_ROUTES) -> PathResult:
        """Up to `k` ranked routes, the direct gap, and (when there is no route) the reachable roles."""
        if from_id == to_id:
            raise ValueError("from and to are the same role; pick two different roles")
        source, target = self.role(from_id), self.role(to_id)
        direct = self.route_through([from_id, to_id], rank=0)
        paths = self.candidate_paths(from_id, to_id, k)
        ranked = sorted(paths, key=self._rank_key)[:k]
        routes = tuple(self.route_through(p, rank=i) for i, p in enumerate(ranked, 1))
        reachable = () if routes else tuple(self.reachable(from_id))
        return PathResult(from_role=role_ref(source, self.repo.job_levels), to_role=role_ref(target, self.repo.job_levels), routes=routes,
                          direct=direct, reachable=reachable)

    def candidate_paths(self, from_id: str, to_id: str, k: int) -> list[list[str]]:
        """Simple paths, shortest first: the first `k` and every later one as short as the k-th."""
        import networkx as nx

        if k < 1:
            return []
        found: list[list[str]] = []
        try:
            for path in nx.shortest_simple_paths(self.graph, from_id, to_id):
                if len(found) >= k and len(path) > len(found[k - 1]):
                    break
                found.append(path)
                if len(found) >= TIE_POOL * k:
                    break
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            return []
        return found

    def _rank_key(self, path: list[str]) -> tuple[int, float, float]:
        steps = [self.gap(a, b, True) for a, b in zip(path, path[1:])]
        growth = sum(s.skill_gap for s in steps)
        pay = sum(g for g in (s.pay_gain("base") for s in steps) if g is not None)
        return len(steps), round(growth, 6), -pay

    def reachable(self, from_id: str) -> list[RoleRef]:
        """Every role some route leads to from `from_id`, nearest first, then by title."""
        import networkx as nx

        distances = nx.single_source_shortest_path_length(self.graph, from_id)
        ids = [i for i in distances if i != from_id and i in self.summaries]
        ids.sort(key=lambda i: (distances[i], self.summaries[i].title.casefold(), i))
        return [RoleRef(id=i, title=self.summaries[i].title, level=self.summaries[i].level) for i in ids]

    def route_through(self, ids: list[str], rank: int) -> Route:
        """A Route along `ids`; rank 0 compares the two ends directly, without a transition."""
        roles = [self.role(i) for i in ids]
        if rank == 0:
            steps = (self.gap(ids[0], ids[-1], False),)
        else:
            steps = tuple(self.gap(a, b, True) for a, b in zip(ids, ids[1:]))
        return Route(
            rank=rank, roles=tuple(role_ref(r, self.repo.job_levels) for r in roles), steps=steps,
            total=self.gap(ids[0], ids[-1], False),
            complete=tuple(r.competencies_complete for r in roles),
            pay_series=pay_series(roles, {sid: src.label for sid, src in self.repo.sources.items()}), skill_rows=self.skill_rows(roles),
        )

    def skill_rows(self, roles: list[Role]) -> tuple[SkillRow, ...]:
        scales = self.repo.scales
        rows = []
        for comp, reqs in match_requirements(roles, self.repo.competencies):
            scale = scales[comp.scale]
            rows.append(SkillRow(
                competency=comp.id, name=comp.name, scale=comp.scale, scale_min=scale.min, scale_max=scale.max,
                levels=tuple(q.level if q else None for q in reqs), listed=tuple(q is not None for q in reqs),
                words=tuple(q.level_word if q else None for q in reqs),
            ))
        rows.sort(key=_skill_order)
        return tuple(rows)


def _skill_order(row: SkillRow) -> tuple[float, float, str]:
    """Biggest climb along the route first, then highest level reached, then by name."""
    known = [row.normalised(i) for i in range(len(row.levels)) if row.levels[i] is not None]
    climb = sum(max(b - a, 0.0) for a, b in zip(known, known[1:]))
    return -climb, -(max(known) if known else -1.0), row.name.casefold()


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
                points[index] = PayPoint(**pct)
    ordered = sorted(series.items(), key=lambda kv: (-sum(p is not None for p in kv[1]), kv[0][1] != "base", kv[0]))
    return tuple(
        PaySeries(source=k[0], source_name=(names or {}).get(k[0], k[0]), basis=k[1], region=k[2],
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


def find_routes(repo: CatalogueRepository, from_id: str, to_id: str, k: int = DEFAULT_ROUTES) -> PathResult:
    """Up to `k` ranked routes from one role id to another; see RouteFinder.find."""
    return route_finder(repo).find(from_id, to_id, k)
