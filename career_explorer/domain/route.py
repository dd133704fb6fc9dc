"""Routes between two roles: the steps, the whole-route totals, and what the charts plot along them."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Callable, Optional

from pydantic import Field, model_validator

from career_explorer.domain.base import Model, percent_of_scale
from career_explorer.domain.rank_mode import RankMode
from career_explorer.domain.role_gap import BIG_JUMP, Change, RoleGap, RoleRef


class PayPoint(Model):
    """One role's pay from one source: the percentiles that source publishes (any subset)."""

    p10: Optional[float] = None
    p25: Optional[float] = None
    p50: Optional[float] = None
    p75: Optional[float] = None
    p90: Optional[float] = None


class PaySeries(Model):
    """Pay along a route from one source on one basis; `points` has one entry per role (None: not priced)."""

    source: str
    basis: str
    region: str
    currency: str
    period: str
    points: tuple[Optional[PayPoint], ...]
    source_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.source_name or self.source} {self.basis}" + ("" if self.region == "US" else f" ({self.region})")


class SkillRow(Model):
    """One competency along a route: its level in each role (None: not listed, or listed without a number)."""

    competency: str
    name: str
    scale: str
    scale_min: int
    scale_max: int
    levels: tuple[Optional[float], ...]
    # Per role: True when the role lists the competency (perhaps without a number).
    listed: tuple[bool, ...]
    # Per role: the source's word for the level when it gives one ("proficient").
    words: tuple[Optional[str], ...] = ()
    # Per role: True where the source flags the competency not relevant to the job (O*NET's "Not Relevant"):
    # its level then says no skill is used, not a low one.
    not_relevant: tuple[bool, ...] = ()

    def normalised(self, index: int) -> Optional[float]:
        return percent_of_scale(self.levels[index], self.scale_min, self.scale_max)

    @property
    def climb(self) -> float:
        """How far the known levels rise along the route, step by step, as 0-100 of the scale."""
        return climb_and_highest(self.levels, self.scale_min, self.scale_max)[0]

    @property
    def highest(self) -> Optional[float]:
        """The highest known level along the route, as 0-100 of the scale."""
        return climb_and_highest(self.levels, self.scale_min, self.scale_max)[1]


def climb_and_highest(levels: tuple[Optional[float], ...], low: int, high: int) -> tuple[float, Optional[float]]:
    """How far the known levels rise, step by step, and the highest of them, each as 0-100 of the scale."""
    known = [percent_of_scale(level, low, high) for level in levels if level is not None]
    return sum(max(b - a, 0.0) for a, b in zip(known, known[1:])), max(known) if known else None


def skill_order(levels: tuple[Optional[float], ...], low: int, high: int, name: str) -> tuple[float, float, str]:
    """How skill rows are listed: the biggest climb along the route first, then the highest level reached,
    then by name. From the values, so that rows can be ordered as they are made."""
    climb, highest = climb_and_highest(levels, low, high)
    return -climb, -(-1.0 if highest is None else highest), name.casefold()


def step_levels_known(step: RoleGap) -> bool:
    """Whether some source publishes levels at both ends of a step (its own or a twin's lens)."""
    if any(c.change != Change.UNKNOWN for c in step.competencies):
        return True
    return any(lens.same_role or lens.competencies for lens in step.lenses)


# Where a route keeps the builder of its skill rows until they are read (see Route.rows_from).
_ROWS_FROM = "_skill_rows_from"


class Route(Model):
    """A chain of roles joined by transitions; `rank` 0 is the direct comparison, not a route."""

    rank: int = Field(ge=0)
    roles: tuple[RoleRef, ...]
    steps: tuple[RoleGap, ...]
    total: RoleGap
    # Per role: True when its competency list is complete (nothing unpublished).
    complete: tuple[bool, ...] = ()
    pay_series: tuple[PaySeries, ...] = ()
    # Sum of the moves' costs (lower is more plausible); 0 for the direct comparison.
    plausibility: float = 0.0
    # One line on why the route ranks where it does.
    reason: str = ""

    @model_validator(mode="after")
    def _chained(self) -> "Route":
        if len(self.roles) != len(self.steps) + 1:
            raise ValueError("a route has one more role than steps")
        for index, step in enumerate(self.steps):
            if step.from_role.id != self.roles[index].id or step.to_role.id != self.roles[index + 1].id:
                raise ValueError(f"step {index + 1} does not join roles {index} and {index + 1}")
        if self.complete and len(self.complete) != len(self.roles):
            raise ValueError("complete needs one entry per role")
        return self

    def rows_from(self, build: Callable[[], tuple[SkillRow, ...]]) -> "Route":
        """This route, with `build` to make its skill rows when they are first read.

        A query lists several routes but charts one: building every route's rows up front was a quarter
        of a query's time. The builder is kept beside the fields (never serialised or compared), and a
        copy (model_copy) keeps it, or the rows once built.
        """
        self.__dict__[_ROWS_FROM] = build
        return self

    @cached_property
    def skill_rows(self) -> tuple[SkillRow, ...]:
        """One row per competency along the route, biggest climb first (what the heatmap plots)."""
        build = self.__dict__.get(_ROWS_FROM)
        return build() if build is not None else ()

    def __getstate__(self) -> dict[Any, Any]:
        # A pickled route (the PDF's chart helper process) takes its rows along: the builder reads the
        # catalogue, which stays in this process.
        _ = self.skill_rows
        state = super().__getstate__()
        state["__dict__"] = {k: v for k, v in state["__dict__"].items() if k != _ROWS_FROM}
        return state

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    @property
    def step_count(self) -> int:
        return len(self.steps)

    @property
    def is_direct(self) -> bool:
        return self.rank == 0

    def level_chain(self, unknown: str = "?") -> str:
        """Job levels along the route, for example "A02 → S01 → M02"."""
        return " → ".join(r.level_name or r.level or unknown for r in self.roles)

    @property
    def skill_growth(self) -> float:
        """Sum of every step's positive jumps, each normalised 0-100 on its own scale."""
        return sum(step.skill_gap for step in self.steps)

    def key_jumps(self) -> list:
        """Every step's key jumps (own source and lenses), as (source name, change) pairs."""
        return [jump for step in self.steps for jump in step.all_key_jumps()]

    @property
    def blind_steps(self) -> int:
        """Steps for which no source publishes levels at both ends (their jumps cannot be known)."""
        return sum(1 for step in self.steps if not step_levels_known(step))

    @property
    def weighted_gap(self) -> float:
        """Importance-weighted size of the jumps that matter, over every step (own data and lenses)."""
        return sum(change.weight for _, change in self.key_jumps())

    def skill_words(self) -> str:
        """"3 big jumps, 5 small" over the route; says so when no source publishes levels for a step."""
        jumps = self.key_jumps()
        big = sum(1 for _, c in jumps if c.normalised_jump >= BIG_JUMP)
        small = len(jumps) - big
        parts = [f"{big} big jump{'s' if big != 1 else ''}"] if big else []
        if small:
            parts.append(f"{small} small" if big else f"{small} small jump{'s' if small != 1 else ''}")
        if not parts:
            blind = [s for s in self.steps if not s.competencies and not s.lenses]
            return "no levels published" if blind else "no jumps that matter"
        return ", ".join(parts)

    @property
    def pay_on_the_way(self) -> Optional[float]:
        """Mean base median of the roles between the ends: what the route pays while you climb it.

        None when a role in between has no base median (or the route has no role in between).
        """
        medians = []
        for step in self.steps[:-1]:
            pay = next((p for p in step.pay if p.basis == "base" and p.to_p50 is not None), None)
            if pay is None:
                return None
            medians.append(pay.to_p50)
        return sum(medians) / len(medians) if medians else None

    @property
    def step_pay_gain(self) -> float:
        """Sum of the steps' base median changes where a source prices both ends (a tie-break only)."""
        return sum(g for g in (s.pay_gain("base") for s in self.steps) if g is not None)


class PathResult(Model):
    """Routes from one role to another, ranked, with the direct gap and, when no route exists, where one can go."""

    from_role: RoleRef
    to_role: RoleRef
    routes: tuple[Route, ...] = ()
    direct: Route
    # Roles reachable from `from_role` through transitions, nearest first; filled when there is no route.
    reachable: tuple[RoleRef, ...] = ()
    mode: RankMode = RankMode.PLAUSIBLE
    sideways: bool = False
    # The two roles are descriptions of the same work (twins): no route is needed.
    same_work: bool = False

    @property
    def found(self) -> bool:
        return bool(self.routes)
