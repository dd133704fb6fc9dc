"""Job levels of a company framework: the level order (`next`), cycles, ranks and derived promotions."""

from __future__ import annotations

from typing import Any, Optional, Protocol

from pydantic import Field

from career_explorer.domain.base import Model, Slug, Text
from career_explorer.domain.catalogue import JobLevel, Role, Transition, TransitionKind
from career_explorer.domain.role_listing import Track

DEFAULT_LADDER = "company"


class LevelRow(Model):
    """One row of the levels table. `next` is the level directly above it in its track."""

    code: Text
    name: Optional[str] = None
    track: Optional[Track] = None
    ladder: Slug = DEFAULT_LADDER
    rank: Optional[int] = Field(default=None, ge=0, le=100)
    next: Optional[str] = None


class _Reporter(Protocol):
    def add(self, table: Any, row: int, column: str, message: str) -> None: ...
    def validate(self, table: Any, row: int, model: type, data: dict) -> Any: ...
    def unique(self, table: Any, row: int, column: str, key: Any, seen: dict, what: str) -> bool: ...
    def check_ref(self, table: Any, row: int, column: str, value: Optional[str], known: set, what: str,
                  target: str) -> bool: ...


def order_levels(report: _Reporter, rows: list[tuple[Any, int, dict]]) -> tuple[dict[str, JobLevel], dict[str, str]]:
    """Validate the levels; return them (ranks filled in from the order) and the `next` links."""
    parsed: dict[str, tuple[Any, int, LevelRow]] = {}
    seen: dict[Any, int] = {}
    for table, row, data in rows:
        level = report.validate(table, row, LevelRow, data)
        raw = data.get("code")
        if raw is not None and not report.unique(table, row, "code", raw, seen, "level"):
            continue
        if level is not None:
            parsed[level.code] = (table, row, level)

    nexts: dict[str, str] = {}
    for code, (table, row, level) in parsed.items():
        if level.next is None or not report.check_ref(table, row, "next", level.next, set(seen), "level", "levels"):
            continue
        above = parsed.get(level.next)
        if above is not None and above[2].ladder != level.ladder:
            report.add(table, row, "next", f"level {level.next!r} is on ladder {above[2].ladder!r}, "
                                           f"not {level.ladder!r}; ranks compare only within one ladder")
            continue
        nexts[code] = level.next

    cyclic = _report_cycles(report, parsed, nexts)
    ranks = _ranks(parsed, nexts, cyclic)
    for code, up in nexts.items():
        if code in cyclic or up in cyclic or code not in ranks or up not in ranks:
            continue
        if ranks[up] <= ranks[code]:
            table, row, _ = parsed[code]
            report.add(table, row, "rank", f"the level order puts {up!r} above {code!r}, but its rank "
                                           f"{ranks[up]} is not above {ranks[code]}")
    levels = {}
    for code, (table, row, level) in parsed.items():
        if code in ranks and ranks[code] <= 100:
            levels[code] = JobLevel(code=code, name=level.name, ladder=level.ladder, rank=ranks[code],
                                    track=level.track)
        elif code in ranks:
            report.add(table, row, "rank", f"the level order makes the rank {ranks[code]}, above the maximum 100")
    return levels, {code: up for code, up in nexts.items() if code not in cyclic}


def _report_cycles(report: _Reporter, parsed: dict, nexts: dict[str, str]) -> set[str]:
    """Report each cycle in the level order once, at its first level in file order."""
    state: dict[str, int] = {}
    cyclic: set[str] = set()
    for start in parsed:
        path: list[str] = []
        code: Optional[str] = start
        while code is not None and state.get(code, 0) == 0:
            state[code] = 1
            path.append(code)
            code = nexts.get(code)
        if code is not None and state.get(code) == 1:
            cycle = path[path.index(code):]
            cyclic.update(cycle)
            first = min(cycle, key=lambda c: parsed[c][1])
            at = cycle.index(first)
            loop = cycle[at:] + cycle[:at] + [first]
            if len(loop) > 12:  # one readable line, however long the ring
                loop = loop[:5] + [f"... ({len(cycle):,} levels) ..."] + loop[-3:]
            table, row, _ = parsed[first]
            report.add(table, row, "next", f"the level order has a cycle: {' -> '.join(loop)}")
        for done in path:
            state[done] = 2
    return cyclic


def _ranks(parsed: dict, nexts: dict[str, str], cyclic: set[str]) -> dict[str, int]:
    """A given rank wins; otherwise one above the highest level directly below (1 at the bottom)."""
    below: dict[str, list[str]] = {}
    for code, up in nexts.items():
        below.setdefault(up, []).append(code)
    ranks: dict[str, int] = {}
    # Iterative, not recursive: a level order thousands of levels long must not hit Python's recursion limit.
    for start in parsed:
        if start in cyclic or start in ranks:
            continue
        stack = [start]
        while stack:
            code = stack[-1]
            pending = [c for c in below.get(code, []) if c in parsed and c not in cyclic and c not in ranks]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            if code in ranks:
                continue
            given = parsed[code][2].rank
            lower = [ranks[c] for c in below.get(code, []) if c in parsed and c not in cyclic]
            ranks[code] = given if given is not None else (max(lower) + 1 if lower else 1)
    return ranks


def derive_promotions(roles: list[Role], nexts: dict[str, str], source: str) -> list[Transition]:
    """Promotions up the level order, one ladder per job family, growing with the number of roles.

    The roles of a family at a level are promoted to the family's roles at the next level (to every
    role there when the family has none at that level). One role on either side is joined to every
    role on the other; several on both sides are paired in the order the roles table lists them,
    spread evenly when the counts differ (see `_spread`), never every one to every one: 1,000 roles
    at each of two levels would otherwise make a million moves.
    """
    groups: dict[tuple[str, str], list[Role]] = {}
    by_level: dict[str, list[Role]] = {}
    for role in roles:
        if role.level:
            groups.setdefault((role.level, role.family), []).append(role)
            by_level.setdefault(role.level, []).append(role)
    result = []
    for (level, family), lower in groups.items():
        up = nexts.get(level)
        if up is None:
            continue
        upper = groups.get((up, family)) or by_level.get(up, [])
        basis = f"Level order in the company framework: {level} to {up}."
        for role, target in _spread(lower, upper):
            if role.id != target.id:
                result.append(Transition(from_role=role.id, to_role=target.id, kind=TransitionKind.PROMOTION,
                                         source=source, basis=basis))
    return result


def _spread(lower: list[Role], upper: list[Role]) -> list[tuple[Role, Role]]:
    """Pair n roles with m roles in order: the i-th lower role goes to the upper roles from
    floor(i*m/n) up to ceil((i+1)*m/n), so each side is fully covered with at most m + 2n pairs.
    n = 1 or m = 1 gives every pair; n = m gives a chain (first to first, second to second)."""
    n, m = len(lower), len(upper)
    pairs = []
    for i, role in enumerate(lower):
        start = i * m // n
        stop = max(start + 1, -(-(i + 1) * m // n))
        pairs.extend((role, target) for target in upper[start:stop])
    return pairs
