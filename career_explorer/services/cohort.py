"""The coach's cohort: each person's gap to their own target, side by side, and the gaps they share.

The columns are the union of the people's target roles' important competencies. A cell is the
person's current gap on that competency (services.gap_plan.competency_gaps, the same figure as their
own plan); where the rating or the required level is missing the cell says so and has no number.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional, Sequence

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.user_store import UserStore, now
from career_explorer.domain.base import normalise_name
from career_explorer.domain.catalogue import Competency, Role
from career_explorer.domain.cohort import CohortCell, CohortColumn, CohortMember, CohortRow, CohortTable, SharedGap
from career_explorer.domain.plan import CompetencyGap, GapStatus, Readiness, RoleStatus
from career_explorer.services.assessment import RatingIndex
from career_explorer.services.gap_plan import competency_gaps, role_status
from career_explorer.services.readiness import readiness

# O*NET rates importance 1-5 and calls 3 "important"; frameworks use the same 1-5 field. A requirement
# without an importance counts as important: the source did not say it is not.
IMPORTANT = 3.0
# The rows' sort key besides a competency id.
BY_PERSON = "person"


# Gaps, readiness and cells by (catalogue, target, snapshot uid). Snapshots are never edited (a save makes a
# new one with a new uid), so an entry stays true; refilling the Cohort tab then costs no model building.
_GAPS: dict[tuple, tuple[tuple[CompetencyGap, ...], Readiness, dict[str, CohortCell]]] = {}
_GAPS_MOST = 5000


def _remember(key: tuple, value: tuple) -> None:
    if len(_GAPS) >= _GAPS_MOST:
        _GAPS.clear()
    _GAPS[key] = value


def load_members(store: UserStore, people: Optional[Sequence[int]] = None,
                 include_archived: bool = False) -> list[CohortMember]:
    """Every person (or those with the given ids), with their target and latest snapshot."""
    chosen = set(people) if people is not None else None
    everyone = [p for p in store.people(include_archived=include_archived or chosen is not None)
                if chosen is None or p.id in chosen]
    ids = [p.id for p in everyone]
    targets, latest = store.targets(ids), store.latest_assessments(ids)
    return [CohortMember(person=p, target_id=targets[p.id].role_id if targets[p.id] else None,
                         assessment=latest[p.id]) for p in everyone]


def is_important(gap: CompetencyGap) -> bool:
    return gap.importance is None or gap.importance >= IMPORTANT


def _cell(gap: CompetencyGap, ratings: RatingIndex, comp: Competency) -> CohortCell:
    found = ratings.find(comp)
    return CohortCell(status=gap.status, rating=gap.rating, required=gap.required, required_word=gap.required_word,
                      scale_min=gap.scale_min, scale_max=gap.scale_max, importance=gap.importance,
                      evidence=found.evidence if found else None)


def _no_target_readiness(target: RoleStatus) -> Readiness:
    return Readiness(explanation=f"Not enough to compare: {target.label}.")


def _next_level(comp: Competency, cells: Sequence[CohortCell]) -> tuple[Optional[int], tuple]:
    """The level most of those growing reach for next (the lower on a tie) and its behaviours.

    A person's next level is the first level above their rating that has behaviours. Sources such
    as O*NET describe only some levels (anchors at 2, 4 and 6), so it may lie past the required one.
    """
    wanted: Counter[int] = Counter()
    for cell in cells:
        above = [b.level for b in comp.behaviours if b.level > cell.rating]
        if above:
            wanted[above[0]] += 1
    if not wanted:
        return None, ()
    level = min(wanted, key=lambda lv: (-wanted[lv], lv))
    return level, tuple(b for b in comp.behaviours if b.level == level)


def shared_gaps(repo: CatalogueRepository, rows: Sequence[CohortRow],
                columns: Sequence[CohortColumn]) -> tuple[SharedGap, ...]:
    """Competencies people are known to be short on: most people first, then the largest average gap."""
    found = []
    for col in columns:
        cells = [(r.person, r.cells[col.competency]) for r in rows if col.competency in r.cells]
        growing = [(name, c) for name, c in cells if c.status == GapStatus.BELOW]
        if not growing:
            continue
        comp = repo.competencies[col.competency]
        level, behaviours = _next_level(comp, [c for _, c in growing])
        found.append(SharedGap(
            competency=col.competency, name=col.name, scale_min=col.scale_min, scale_max=col.scale_max,
            growing=len(growing), needed_by=sum(1 for _, c in cells if c.required is not None),
            unrated=sum(1 for _, c in cells if c.status == GapStatus.UNRATED),
            average_gap=sum(c.gap for _, c in growing) / len(growing),
            people=tuple(sorted((n for n, _ in growing), key=str.casefold)),
            next_level=level, behaviours=behaviours, examples=comp.examples,
        ))
    span = {s.competency: s.scale_max - s.scale_min for s in found}
    found.sort(key=lambda s: (-s.growing, -s.average_gap / span[s.competency], s.name.casefold()))
    return tuple(found)


def cohort_table(repo: CatalogueRepository, members: Iterable[CohortMember], role: Optional[str] = None,
                 sort: str = BY_PERSON) -> CohortTable:
    """The cohort table for `members`, only those aiming at `role` when given, rows sorted by `sort`.

    `sort` is BY_PERSON (name) or a competency id (the largest gap first; unknown gaps after the
    known ones, people whose target does not name it last). Columns: the competency most people are
    known to be short on first.
    """
    members = list(members)
    # A catalogue rebuilt in place (an import) has a new modification time, so its gaps are new keys.
    catalogue = (str(repo.path), repo.path.stat().st_mtime_ns)
    roles: dict[str, Optional[Role]] = {}
    statuses: dict[str, RoleStatus] = {}
    without = []
    computed = []
    for m in members:
        if not m.target_id:
            without.append(m.person.name)
            continue
        if m.target_id not in roles:
            roles[m.target_id] = repo.role(m.target_id)
            statuses[m.target_id] = role_status(repo, m.target_id)
        if role is not None and m.target_id != role:
            continue
        target = roles[m.target_id]
        key = (catalogue, m.target_id, m.assessment.uid if m.assessment else None)
        if target is None:
            gaps, ready, cells = (), _no_target_readiness(statuses[m.target_id]), {}
        elif key in _GAPS:
            gaps, ready, cells = _GAPS[key]
        else:
            ratings = RatingIndex(m.assessment, repo.competencies)
            gaps = competency_gaps(repo, target, ratings)
            ready = readiness(gaps, target.title, target.unpublished, target.unpublished_unknown)
            cells = {g.competency: _cell(g, ratings, repo.competencies[g.competency]) for g in gaps}
            _remember(key, (gaps, ready, cells))
        computed.append((m, gaps, cells, ready))

    important: dict[str, CompetencyGap] = {}
    for _m, gaps, _r, _ready in computed:
        for g in gaps:
            if is_important(g):
                important.setdefault(g.competency, g)
    rows = []
    for m, _gaps, all_cells, ready in computed:
        cells = {cid: cell for cid, cell in all_cells.items() if cid in important}
        current = m.person.role_id
        if current and current not in statuses:
            statuses[current] = role_status(repo, current)
        rows.append(CohortRow(
            person_id=m.person.id, person=m.person.name,
            current=statuses[current] if current else None,
            target=statuses[m.target_id], assessed=m.assessment.taken if m.assessment else None,
            readiness=ready, cells=cells,
        ))
    cols = []
    for cid, g in important.items():
        cells = [r.cells[cid] for r in rows if cid in r.cells]
        cols.append(CohortColumn(competency=cid, name=g.name, scale_min=g.scale_min, scale_max=g.scale_max,
                                 needed_by=len(cells), growing=sum(1 for c in cells if c.status == GapStatus.BELOW)))
    cols.sort(key=lambda c: (-c.growing, -c.needed_by, c.name.casefold()))
    targets = sorted((statuses[t] for t in roles), key=lambda s: s.label.casefold())
    table = CohortTable(made=now(), rows=tuple(rows), columns=tuple(cols),
                        shared=shared_gaps(repo, rows, cols), targets=tuple(targets), role_filter=role,
                        without_target=tuple(sorted(without, key=str.casefold)))
    return sort_rows(table, sort)


def _row_key(row: CohortRow, by: str):
    cell = row.cells.get(by)
    if cell is None:
        return (3, 0.0, row.person.casefold())
    shortfall = cell.shortfall
    if shortfall is None:
        return (2 if cell.status == GapStatus.NO_LEVEL else 1, 0.0, row.person.casefold())
    return (0, -shortfall, row.person.casefold())


def sort_rows(table: CohortTable, by: str = BY_PERSON) -> CohortTable:
    """Rows by person name, or by one competency's gap (largest first, unknowns after, not named last)."""
    if by == BY_PERSON or table.column(by) is None:
        rows = sorted(table.rows, key=lambda r: (r.person.casefold(), r.person_id))
    else:
        rows = sorted(table.rows, key=lambda r: _row_key(r, by))
    return table.model_copy(update={"rows": tuple(rows)})


def find_column(table: CohortTable, name: str) -> CohortColumn:
    """A column by its competency's name (ignoring case and '&' vs 'and') or id; LookupError names the choices."""
    wanted = name.strip()
    for test in (lambda c: c.name.casefold() == wanted.casefold(), lambda c: c.competency == wanted,
                 lambda c: normalise_name(c.name) == normalise_name(wanted)):
        found = [c for c in table.columns if test(c)]
        if found:
            return found[0]
    names = ", ".join(sorted(c.name for c in table.columns)) or "none"
    raise LookupError(f"no competency {wanted!r} in the cohort table (its columns: {names})")


def only_tagged(store: UserStore, members: Iterable[CohortMember], tag: Optional[str]) -> list[CohortMember]:
    """The members with `tag` (any case); all of them when `tag` is None or empty."""
    if not tag:
        return list(members)
    ids = {p.id for p in store.people_tagged(tag)}
    return [m for m in members if m.person.id in ids]
