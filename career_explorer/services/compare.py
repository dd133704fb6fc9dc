"""Compare two to four roles: competencies side by side, pay bands per role and source, radar data."""

from __future__ import annotations

import csv
import io
from typing import Optional, Sequence

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Competency, Requirement, Role, Scale
from career_explorer.domain.compare import CellStatus, CompareCell, CompareRow, RadarData, RoleComparison, Standing
from career_explorer.domain.profile import KIND_LABELS, KIND_ORDER
from career_explorer.services.profile import pay_entries
from career_explorer.services.role_gap import match_requirements, role_ref
from career_explorer.services.role_lookup import RoleNotFound

MIN_ROLES, MAX_ROLES = 2, 4
RADAR_AXES = 16
CELL_TEXT = {
    CellStatus.UNRATED: "Listed, no level",
    CellStatus.NOT_REQUIRED: "Not listed",
    CellStatus.UNKNOWN: "Not published",
}


class CompareError(ValueError):
    """The roles asked for cannot be compared (too few, too many, or one twice)."""


def _cell(req: Optional[Requirement], role: Role, scale: Scale) -> CompareCell:
    if req is None:
        return CompareCell(status=CellStatus.NOT_REQUIRED if role.competencies_complete else CellStatus.UNKNOWN)
    if req.level is None:
        return CompareCell(status=CellStatus.UNRATED, word=req.level_word)
    return CompareCell(status=CellStatus.LEVEL, level=req.level, word=req.level_word, label=scale.label(req.level),
                       not_relevant=req.not_relevant)


def _with_standing(cells: list[CompareCell]) -> tuple[tuple[CompareCell, ...], bool]:
    """Mark the highest and lower levels, and roles that do not list it; a row differs when any do."""
    levels = [c.level for c in cells if c.status == CellStatus.LEVEL]
    listed = [c for c in cells if c.status in (CellStatus.LEVEL, CellStatus.UNRATED)]
    absent = [c for c in cells if c.status == CellStatus.NOT_REQUIRED]
    differs = len(set(levels)) > 1 or bool(listed and absent)
    top = max(levels, default=None)
    marked = []
    for c in cells:
        if not differs:
            standing = Standing.SAME if c in listed else Standing.NONE
        elif c.status == CellStatus.LEVEL:
            standing = Standing.HIGHEST if c.level == top else Standing.LOWER
        elif c.status == CellStatus.NOT_REQUIRED:
            standing = Standing.MISSING
        else:
            standing = Standing.NONE
        marked.append(c.model_copy(update={"standing": standing}))
    return tuple(marked), differs


def comparison_rows(
    roles: list[Role], competencies: dict[str, Competency], scales: dict[str, Scale]
) -> tuple[CompareRow, ...]:
    rows = []
    for comp, reqs in match_requirements(roles, competencies):
        scale = scales[comp.scale]
        cells, differs = _with_standing([_cell(req, role, scale) for req, role in zip(reqs, roles)])
        rows.append(CompareRow(
            competency=comp.id, name=comp.name, kind=comp.kind, scale=scale.id,
            scale_min=scale.min, scale_max=scale.max, cells=cells, differs=differs,
        ))
    rows.sort(key=lambda r: (KIND_ORDER.index(r.kind), r.name.casefold()))
    return tuple(rows)


def radar_data(titles: Sequence[str], rows: Sequence[CompareRow], limit: int = RADAR_AXES) -> Optional[RadarData]:
    """Axes where roles have levels: most roles rated first, then the widest spread; None under 3 axes."""
    def score(row: CompareRow) -> tuple:
        values = [v for v in (row.normalised(i) for i in range(len(titles))) if v is not None]
        return (-len(values), -(max(values) - min(values)), row.name.casefold())

    rated = [r for r in rows if any(c.status == CellStatus.LEVEL for c in r.cells)]
    if len(rated) < 3:
        return None
    chosen = sorted(rated, key=score)[:limit]
    chosen.sort(key=lambda r: (KIND_ORDER.index(r.kind), r.name.casefold()))
    return RadarData(
        axes=tuple(r.name for r in chosen),
        titles=tuple(titles),
        values=tuple(tuple(r.normalised(i) for r in chosen) for i in range(len(titles))),
        omitted=len(rated) - len(chosen),
        floor_is_level=tuple(r.scale_min > 0 for r in chosen),
    )


def level_text(repo: CatalogueRepository, role: Role) -> str:
    if not role.level:
        return "No job level"
    level = repo.job_levels.get(role.level)
    if level is None:
        return role.level
    if level.name:
        return level.name
    track = f", {level.track.value} track" if level.track else ""
    return f"Level {level.code}{track}"


def compare_roles(repo: CatalogueRepository, role_ids: Sequence[str]) -> RoleComparison:
    """Compare two to four roles given by exact id, in the order given."""
    if not MIN_ROLES <= len(role_ids) <= MAX_ROLES:
        raise CompareError(f"compare takes {MIN_ROLES} to {MAX_ROLES} roles, not {len(role_ids)}")
    if len(set(role_ids)) != len(role_ids):
        raise CompareError("a role is given twice; pick different roles")
    roles = []
    for role_id in role_ids:
        role = repo.role(role_id)
        if role is None:
            raise RoleNotFound(role_id, [])
        roles.append(role)
    rows = comparison_rows(roles, repo.competencies, repo.scales)
    titles = [r.title for r in roles]
    return RoleComparison(
        roles=tuple(role_ref(r, repo.job_levels) for r in roles),
        level_texts=tuple(level_text(repo, r) for r in roles),
        rows=rows,
        pay=tuple(e for r in roles for e in pay_entries(repo, r)),
        unpublished=tuple(r.unpublished for r in roles),
        unpublished_more=tuple(r.unpublished_unknown for r in roles),
        radar=radar_data(titles, rows),
    )


def cell_text(row: CompareRow, index: int) -> str:
    cell = row.cells[index]
    if cell.status == CellStatus.LEVEL:
        return "Not relevant" if cell.not_relevant else f"{cell.level:g} of {row.scale_max}"
    return CELL_TEXT[cell.status]


def comparison_csv(result: RoleComparison) -> str:
    """The competency table as CSV: one row per competency, one column per role."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Competency", "Kind", "Scale", *[r.title for r in result.roles], "Differs"])
    for row in result.rows:
        levels = [
            f"{c.level:g}" if c.status == CellStatus.LEVEL else CELL_TEXT[c.status] for c in row.cells
        ]
        writer.writerow([row.name, KIND_LABELS[row.kind], row.scale, *levels, "yes" if row.differs else "no"])
    return out.getvalue()
