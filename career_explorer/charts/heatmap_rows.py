"""The heatmap's rows for a route, in the step cards' order, with the twins' levels as rows of their own.

A curated ladder often publishes few levels; its roles' linked O*NET occupations rate everything. Each
lens competency becomes a row whose cell under a role is the level of that role's twin in the lens's
source, on that source's own scale (never converted). Where both ends of a step share one twin, the
two roles get the same levels: the public data does not tell them apart.

Order: the jumps that matter, as the cards list them (the whole-route card first, then each step's,
own source before lenses), then every other row by the biggest climb along the route.
"""

from __future__ import annotations

from typing import Optional

from career_explorer.domain.role_gap import CompetencyChange, RoleGap
from career_explorer.domain.route import Route, SkillRow, skill_order


class _Lensed:
    """Per-role levels of the competencies seen through lenses, by competency id."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.levels: dict[str, list[Optional[float]]] = {}
        # The twin's source flags the competency not relevant to that job (O*NET "Not Relevant").
        self.not_relevant: dict[str, list[bool]] = {}
        self.meta: dict[str, CompetencyChange] = {}
        self.source_of: dict[str, str] = {}

    def put(self, change: CompetencyChange, source: str, index: int, level: Optional[float],
            not_relevant: bool) -> None:
        levels = self.levels.setdefault(change.competency, [None] * self.size)
        flags = self.not_relevant.setdefault(change.competency, [False] * self.size)
        self.meta.setdefault(change.competency, change)
        self.source_of.setdefault(change.competency, source)
        if levels[index] is None and level is not None:
            levels[index], flags[index] = level, not_relevant

    def same_twin(self, source: str, a: int, b: int) -> None:
        """Roles `a` and `b` stand for one occupation of `source`: what one has, the other has."""
        for cid, levels in self.levels.items():
            if self.source_of[cid] != source:
                continue
            flags = self.not_relevant[cid]
            if levels[b] is None:
                levels[b], flags[b] = levels[a], flags[a]
            if levels[a] is None:
                levels[a], flags[a] = levels[b], flags[b]


def _collect(route: Route) -> _Lensed:
    n = len(route.roles)
    found = _Lensed(n)
    spans: list[tuple[RoleGap, int, int]] = [(s, i, i + 1) for i, s in enumerate(route.steps)]
    if not route.is_direct:
        spans.append((route.total, 0, n - 1))
    same: list[tuple[str, int, int]] = []
    for gap, a, b in spans:
        for lens in gap.lenses:
            if lens.same_role:
                same.append((lens.source, a, b))
                continue
            for c in lens.competencies:
                found.put(c, lens.source, a, c.from_level, c.from_not_relevant)
                found.put(c, lens.source, b, c.to_level, c.not_relevant)
    # Twice: a chain of shared twins passes levels along in either direction.
    for _ in range(2):
        for source, a, b in same:
            found.same_twin(source, a, b)
    return found


def card_order(route: Route) -> list[str]:
    """Competency ids of the key jumps, in the order the cards show them."""
    gaps = list(route.steps) if route.is_direct else [route.total, *route.steps]
    order: list[str] = []
    for gap in gaps:
        for c in gap.focus().key:
            order.append(c.competency)
        for lens in gap.lenses:
            order += [c.competency for c in lens.focus().key]
    return list(dict.fromkeys(order))


def _climb(row: SkillRow) -> tuple[float, float, str]:
    return skill_order(row.levels, row.scale_min, row.scale_max, row.name)


def focus_rows(route: Route) -> tuple[SkillRow, ...]:
    """Every competency along the route (own and lens), the cards' key jumps first."""
    lensed = _collect(route)
    rows: dict[str, SkillRow] = {}
    for row in route.skill_rows:
        extra = lensed.levels.get(row.competency)
        if extra is not None:
            levels = tuple(own if own is not None else lens for own, lens in zip(row.levels, extra))
            listed = tuple(mine or lens is not None for mine, lens in zip(row.listed, extra))
            own_flags = row.not_relevant or (False,) * len(levels)
            flags = tuple(mine if own is not None else lens for own, mine, lens
                          in zip(row.levels, own_flags, lensed.not_relevant[row.competency]))
            row = row.model_copy(update={"levels": levels, "listed": listed, "not_relevant": flags})
        rows[row.competency] = row
    for cid, levels in lensed.levels.items():
        if cid in rows:
            continue
        c = lensed.meta[cid]
        rows[cid] = SkillRow(
            competency=cid, name=c.name, scale=c.scale, scale_min=c.scale_min, scale_max=c.scale_max,
            levels=tuple(levels), listed=tuple(True for _ in levels),  # a missing twin level is unknown, not absent
            words=tuple(None for _ in levels), not_relevant=tuple(lensed.not_relevant[cid]),
        )
    key = [cid for cid in card_order(route) if cid in rows]
    rest = sorted((r for cid, r in rows.items() if cid not in set(key)), key=_climb)
    return tuple([rows[cid] for cid in key] + rest)
