"""How candidate routes are ordered under each RankMode (see services.routes for what each mode means).

A query ranks up to fifteen candidates, and their steps recur across candidates and queries: what ranking
needs from a step (its key jumps' weights, whether any source publishes its levels) is worked out once
per step and kept, instead of sorting every step's jumps again for every candidate (about 1.5 ms of a
bundled query). The sums are taken over the same values in the same order as Route's own properties,
so the keys are identical to the ones those give.
"""

from __future__ import annotations

from career_explorer.domain.role_gap import RoleGap
from career_explorer.domain.route import RankMode, Route, step_levels_known


class Ranker:
    """Rank keys for routes whose steps are kept objects (RouteFinder's step gaps never change)."""

    def __init__(self) -> None:
        # id(step) -> (the step, its key jumps' weights in Route.key_jumps order, levels known); the step
        # is kept so that its id is never reused by another object while the entry lives.
        self._steps: dict[int, tuple[RoleGap, tuple[float, ...], bool]] = {}

    def _step(self, step: RoleGap) -> tuple[RoleGap, tuple[float, ...], bool]:
        facts = self._steps.get(id(step))
        if facts is None or facts[0] is not step:
            facts = (step, tuple(change.weight for _, change in step.all_key_jumps()), step_levels_known(step))
            self._steps[id(step)] = facts
        return facts

    def blind_steps(self, route: Route) -> int:
        """Route.blind_steps."""
        return sum(1 for step in route.steps if not self._step(step)[2])

    def weighted_gap(self, route: Route) -> float:
        """Route.weighted_gap."""
        return sum(weight for step in route.steps for weight in self._step(step)[1])

    def key(self, route: Route, mode: RankMode) -> tuple:
        cost = route.plausibility
        if mode == RankMode.GAP:
            # A step whose jumps no source publishes is not a small gap: rank such routes last.
            return (self.blind_steps(route), round(self.weighted_gap(route), 6), round(cost, 6), route.step_count)
        if mode == RankMode.PAY:
            # Every route has the same ends, so the same overall change: rank by what the roles in
            # between pay (a direct move has nothing in between and ranks first).
            along = route.pay_on_the_way
            known = along is not None or route.step_count == 1
            return (not known, -(along or float("inf")), round(cost, 6), route.step_count)
        # Among equally plausible routes, one whose step into a role without published levels hides
        # its jumps is not "the least gap": prefer the routes whose jumps can be shown.
        return (round(cost, 6), route.step_count, self.blind_steps(route), round(self.weighted_gap(route), 6),
                -route.step_pay_gain)
