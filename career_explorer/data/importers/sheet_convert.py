"""Turn a flat sheet and its MAP.toml into the framework layout's tables, then into a Catalogue.

The tables go through framework.build_catalogue, the same validation the framework import uses, so a
sheet gives the same kind of catalogue. Every role level becomes a role and a job level named by its
title (its code is the title too, so nothing invented reaches the screen); each ladder's levels are ranked
from the map's order, and
promotions lead from each rank to the next, with lateral moves between a level and its branch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from career_explorer.data.importers.framework import build_catalogue
from career_explorer.data.importers.framework_layout import TABLES, FrameworkError, Problem, Table
from career_explorer.data.importers.sheet_collect import FlatSheet, read_flat
from career_explorer.data.importers.sheet_mapping import SheetMap
from career_explorer.data.importers.sheet_proposals import propose_order, propose_scale
from career_explorer.domain.base import slugify
from career_explorer.domain.catalogue import Catalogue
from career_explorer.domain.progress import CancelCheck, Progress
from career_explorer.domain.role_listing import Track

_SEP = "\x00"
# (framework table, column) -> the map meaning whose sheet column a builder problem is about
_MEANING_OF = {
    ("roles", "id"): "role_level", ("roles", "title"): "role_level", ("roles", "summary"): "role_level_description",
    ("levels", "code"): "role_level", ("levels", "name"): "role_level", ("levels", "rank"): "rank",
    ("competencies", "id"): "skill", ("competencies", "name"): "skill",
    ("competencies", "definition"): "skill_description", ("behaviours", "text"): "required_level_description",
    ("behaviours", "level"): "required_level", ("requirements", "level"): "required_level",
    ("requirements", "competency"): "skill", ("requirements", "role"): "role_level",
}


@dataclass(frozen=True)
class SheetImport:
    """A sheet read into a catalogue, with what the preview reports."""

    catalogue: Catalogue
    rows: int
    duplicates: int


def role_id(ladder: str, title: str) -> str:
    return f"{slugify(ladder)}/{slugify(title)}"


def skill_id(skill: str) -> str:
    return f"skill/{slugify(skill)}"


def import_sheet(path: Path, mapping: SheetMap, map_label: str = "MAP.toml", progress: Optional[Progress] = None,
                 cancel: Optional[CancelCheck] = None) -> SheetImport:
    """Read, check and convert; raise FrameworkError listing every problem (nothing is written here)."""
    flat = read_flat(path, mapping, progress, cancel)
    if mapping.scale is None:
        proposal = _toml_list(propose_scale(flat.words))
        flat.problems.append(Problem(map_label, 1, "scale", f"the map names no scale: add [scale] with levels = "
                                                            f"{proposal} (lowest first; check the order)"))
    ranks: dict[tuple[str, str], int] = {}
    if flat.roles:  # the ladders are checked too when rows have problems: every problem at once
        if progress:
            progress(0.65, "Ordering the ladders")
        ranks = rank_levels(flat, mapping, map_label)
    if not flat.problems and flat.rows:
        tables = to_tables(flat, mapping, ranks, map_label) if not flat.problems else {}
        if not flat.problems:
            if progress:
                progress(0.75, "Checking the framework")
            try:
                catalogue = build_catalogue(tables, label=flat.label)
            except FrameworkError as exc:
                flat.problems.extend(_in_sheet_terms(p, mapping) for p in exc.problems)
            else:
                return SheetImport(catalogue, flat.rows, flat.duplicates)
    raise FrameworkError(flat.problems)


def rank_levels(flat: FlatSheet, mapping: SheetMap, map_label: str) -> dict[tuple[str, str], int]:
    """(ladder, title) -> rank within its ladder, from the sheet's rank column or the map's order."""
    by_ladder: dict[str, list[str]] = {}
    for ladder, title in flat.roles:
        by_ladder.setdefault(ladder, []).append(title)
    ranks: dict[tuple[str, str], int] = {}
    for ladder, titles in by_ladder.items():
        section = mapping.ladders.get(ladder)
        branches = section.branches if section else {}
        if "rank" in mapping.columns:
            given = _ranks_from_column(flat, mapping, ladder, titles)
        elif section is None or not section.order:
            if len(titles) > 1:
                order, proposed = propose_order(titles)
                first = flat.roles[(ladder, titles[0])].row
                branch_text = f", branches = {_toml_table(proposed)}" if proposed else ""
                flat.problems.append(Problem(flat.label, first, mapping.columns.get("role", "role_level"), (
                    f"the ladder {ladder!r} has {len(titles)} role levels and no order in the map: add "
                    f"[ladders.\"{ladder}\"] order = {_toml_list(order)}{branch_text} (a proposal from the "
                    f"titles' seniority words; check it)")))
                continue
            given = {titles[0]: 1}
        else:
            given = _ranks_from_order(flat, mapping, map_label, ladder, titles, section.order, branches)
        _place_branches(flat, mapping, map_label, ladder, titles, given, branches)
        _check_same_rank(flat, mapping, ladder, given, branches)
        ranks.update({(ladder, t): r for t, r in given.items()})
    return ranks


def _ranks_from_column(flat: FlatSheet, mapping: SheetMap, ladder: str, titles: list[str]) -> dict[str, int]:
    given = {}
    for title in titles:
        role = flat.roles[(ladder, title)]
        text = role.fields.get("rank")
        if text is None or not text.isdigit() or not 1 <= int(text) <= 100:
            flat.problems.append(Problem(flat.label, role.row, mapping.columns["rank"],
                                         f"the rank must be a whole number from 1 to 100 (found {text!r})"))
        else:
            given[title] = int(text)
    return given


def _ranks_from_order(flat: FlatSheet, mapping: SheetMap, map_label: str, ladder: str, titles: list[str],
                      order: tuple[str, ...], branches: dict[str, str]) -> dict[str, int]:
    where = f"ladders.{ladder}.order"
    seen: dict[str, int] = {}
    for place, title in enumerate(order):
        if title in seen:
            loop = " -> ".join(order[seen[title]:place + 1])
            flat.problems.append(Problem(map_label, 1, where, f"the level order has a cycle: {loop} "
                                                              f"({title!r} is listed twice)"))
        seen.setdefault(title, place)
        if title not in titles:
            flat.problems.append(Problem(map_label, 1, where,
                                         f"{title!r} is not a role level of {ladder!r} in the sheet"))
    for title in titles:
        if title not in seen and title not in branches:
            flat.problems.append(Problem(flat.label, flat.roles[(ladder, title)].row, mapping.columns["role_level"], (
                f"{title!r} has no place in the level order of {ladder!r}: add it to [ladders.\"{ladder}\"] order, "
                f"or to branches as the level it sits beside")))
    return {title: seen[title] + 1 for title in titles if title in seen}


def _place_branches(flat: FlatSheet, mapping: SheetMap, map_label: str, ladder: str, titles: list[str],
                    given: dict[str, int], branches: dict[str, str]) -> None:
    where = f"ladders.{ladder}.branches"
    for branch, beside in branches.items():
        if branch not in titles:
            flat.problems.append(Problem(map_label, 1, where,
                                         f"{branch!r} is not a role level of {ladder!r} in the sheet"))
        elif beside not in given:
            flat.problems.append(Problem(map_label, 1, where, f"{branch!r} sits beside {beside!r}, which has no rank"))
        elif "rank" not in mapping.columns:
            given[branch] = given[beside]


def _check_same_rank(flat: FlatSheet, mapping: SheetMap, ladder: str, given: dict[str, int],
                     branches: dict[str, str]) -> None:
    """Two levels at one rank are one ladder's branches only when the map says so."""
    first_at: dict[int, str] = {}
    for title, rank in sorted(given.items(), key=lambda item: flat.roles[(ladder, item[0])].row):
        other = first_at.setdefault(rank, title)
        if other != title and branches.get(title) != other and branches.get(other) != title:
            row = flat.roles[(ladder, title)].row
            flat.problems.append(Problem(flat.label, row, mapping.columns.get("rank", mapping.columns["role_level"]), (
                f"{title!r} and {other!r} (row {flat.roles[(ladder, other)].row}) are both at rank {rank} of "
                f"{ladder!r}: mark one as a branch of the other ([ladders.\"{ladder}\"] branches = "
                f"{{ \"{title}\" = \"{other}\" }}) or give them different ranks")))


def to_tables(flat: FlatSheet, mapping: SheetMap, ranks: dict[tuple[str, str], int],
              map_label: str) -> dict[str, Table]:
    """The framework layout's tables, each row numbered by the sheet row (or the map) it came from."""
    sheet, info = flat.label, mapping.catalogue
    # Each label names its table after a NUL, so a problem the builder finds can be put in the sheet's terms.
    tables = {name: Table(name, f"{sheet}{_SEP}{name}", flat.header_row, list(TABLES[name][0])) for name in TABLES}
    for name in ("catalogue", "scales", "anchors"):
        tables[name].label = f"{map_label}{_SEP}{name}"
    tables["catalogue"].rows.append((1, {"name": info.name, "version": info.version, "description": info.description}))
    scale = mapping.scale
    tables["scales"].rows.append((1, {"id": scale.id, "name": scale.name, "min": "1", "max": str(len(scale.levels))}))
    tables["anchors"].rows += [(1, {"scale": scale.id, "value": str(n), "label": w})
                               for n, w in enumerate(scale.levels, 1)]
    families: dict[str, str] = {}
    ladders_of: dict[str, int] = {}
    for _, title in flat.roles:
        ladders_of[title] = ladders_of.get(title, 0) + 1
    for (ladder, title), role in flat.roles.items():
        family = role.fields.get("family") or ladder
        families.setdefault(slugify(family), family)
        rid = role_id(ladder, title)
        # The level's code is what a chart may print beside a role: its title, never an invented code
        # (with the ladder when two ladders share a title).
        code = title if ladders_of[title] == 1 else f"{title} ({ladder})"
        track = _track(flat, mapping, role.row, role.fields.get("role_type"))
        tables["levels"].rows.append((role.row, {"code": code, "name": title, "ladder": slugify(ladder),
                                                 "rank": str(ranks[(ladder, title)]), "track": track}))
        summary = "\n\n".join(t for t in (role.fields.get("role_level_description"),
                                          role.fields.get("role_description")) if t) or None
        tables["roles"].rows.append((role.row, {"id": rid, "title": title, "family": slugify(family), "level": code,
                                                "summary": summary}))
    tables["families"].rows += [(flat.header_row, {"id": fid, "name": name}) for fid, name in families.items()]
    for skill, (row, definition) in flat.skills.items():
        tables["competencies"].rows.append((row, {"id": skill_id(skill), "name": skill, "kind": "skill",
                                                  "scale": scale.id, "definition": definition}))
    for (skill, level), (row, text) in flat.texts.items():
        tables["behaviours"].rows.append((row, {"competency": skill_id(skill), "level": str(level), "text": text}))
    for (ladder, title, skill), (row, level, _) in flat.requirements.items():
        tables["requirements"].rows.append((row, {"role": role_id(ladder, title), "competency": skill_id(skill),
                                                  "level": str(level), "level_word": scale.levels[level - 1]}))
    tables["transitions"].rows += _moves(flat, mapping, ranks)
    for table in tables.values():
        _as_cells(table)
    return tables


def _as_cells(table: Table) -> None:
    """Rows were written as {column: value} for clarity; the layout holds them as cells in column order."""
    for _, record in table.rows:
        for column in record:
            if column not in table.columns:
                table.columns.append(column)
    table.rows = [(number, tuple(None if record.get(c) is None else str(record[c]) for c in table.columns))
                  for number, record in table.rows]


def _track(flat: FlatSheet, mapping: SheetMap, row: int, role_type: Optional[str]) -> Optional[str]:
    if role_type is None:
        return None
    if role_type in mapping.tracks:
        return mapping.tracks[role_type].value
    if role_type.casefold() in {t.value for t in Track}:
        return role_type.casefold()
    flat.problems.append(Problem(flat.label, row, mapping.columns["role_type"], (
        f"the role type {role_type!r} has no track: add [tracks] \"{role_type}\" = \"professional\" (or support, "
        "lead, management, executive) to the map")))
    return None


def _moves(flat: FlatSheet, mapping: SheetMap, ranks: dict[tuple[str, str], int]) -> list[tuple[int, dict]]:
    """Promotions from each rank to the next one up in the ladder; lateral moves between branches."""
    by_ladder: dict[str, dict[int, list[str]]] = {}
    for (ladder, title), rank in ranks.items():
        by_ladder.setdefault(ladder, {}).setdefault(rank, []).append(title)
    moves = []
    for ladder, levels in by_ladder.items():
        steps = sorted(levels)
        for low, high in zip(steps, steps[1:]):
            for a in levels[low]:
                for b in levels[high]:
                    moves.append((flat.roles[(ladder, a)].row, {
                        "from_role": role_id(ladder, a), "to_role": role_id(ladder, b), "kind": "promotion",
                        "basis": f"Level order of {ladder} in the company framework: {a} to {b}."}))
        for rank in steps:
            for a in levels[rank]:
                for b in (b for b in levels[rank] if b != a):
                    moves.append((flat.roles[(ladder, a)].row, {
                        "from_role": role_id(ladder, a), "to_role": role_id(ladder, b), "kind": "lateral",
                        "basis": f"{a} and {b} are branches at the same level of {ladder} in the company framework."}))
    return moves


def _in_sheet_terms(problem: Problem, mapping: SheetMap) -> Problem:
    """A framework-layout problem named by the sheet's file and column instead of the layout's table."""
    file, _, table = problem.file.partition(_SEP)
    meaning = _MEANING_OF.get((table, problem.column))
    column = mapping.columns.get(meaning, problem.column) if meaning else problem.column
    return Problem(file, problem.row, column, problem.message)


def _toml_list(values) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def _toml_table(pairs: dict[str, str]) -> str:
    return "{ " + ", ".join(f'"{k}" = "{v}"' for k, v in pairs.items()) + " }"
