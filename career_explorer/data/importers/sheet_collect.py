"""Gather a flat sheet's rows into role levels, skills, level texts and requirements, checking each row.

Rows repeat their role's and skill's texts; a repeat must say the same thing as the first row (else a
problem names both rows). A row identical to an earlier one in every mapped column is an exact
duplicate: it is collapsed and counted. The same role level and skill with another level is a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from career_explorer.data.importers.errors import Cancelled
from career_explorer.data.importers.flat_sheet import SheetProblem, open_sheet
from career_explorer.data.importers.framework_layout import Problem, cell_text
from career_explorer.data.importers.sheet_mapping import MEANINGS, SheetMap
from career_explorer.domain.progress import CancelCheck, Progress

ROLE_FIELDS = ("family", "role_description", "role_level_description", "role_type", "rank")
DEFAULT_LADDER = "Company"


@dataclass
class RoleLevel:
    """One role level (a row of the ladder), as first met in the sheet."""

    ladder: str
    title: str
    row: int
    fields: dict[str, Optional[str]]


@dataclass
class FlatSheet:
    """Everything read from a flat sheet: `problems` holds every problem found, in row order."""

    label: str
    header_row: int = 1
    header: list[str] = field(default_factory=list)
    rows: int = 0
    duplicates: int = 0
    roles: dict[tuple[str, str], RoleLevel] = field(default_factory=dict)
    skills: dict[str, tuple[int, Optional[str]]] = field(default_factory=dict)
    texts: dict[tuple[str, int], tuple[int, str]] = field(default_factory=dict)  # (skill, level) -> text
    requirements: dict[tuple[str, str, str], tuple[int, int, tuple]] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)  # level word -> first row, in order met
    problems: list[Problem] = field(default_factory=list)


def clean(value: object) -> Optional[str]:
    """A cell as text: Windows line breaks and trailing spaces on each line of a multi-line cell removed."""
    text = cell_text(value)
    if text is None:
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip() or None


def header_key(name: object) -> str:
    return " ".join(str(name or "").split()).casefold()


def read_flat(path: Path, mapping: SheetMap, progress: Optional[Progress] = None,
              cancel: Optional[CancelCheck] = None) -> FlatSheet:
    """Read and check every row of the sheet at `path` as `mapping` says; never raises for bad input."""
    flat = FlatSheet(Path(path).name)
    try:
        with open_sheet(path, mapping.sheet) as sheet:
            flat.label = sheet.label
            _read_rows(flat, sheet.rows, mapping, progress, cancel)
    except SheetProblem as exc:
        flat.problems.append(exc.problem)
    except OSError as exc:
        flat.problems.append(Problem(flat.label, 1, "1", f"cannot read ({exc.strerror or exc})"))
    return flat


def _read_rows(flat: FlatSheet, rows, mapping: SheetMap, progress: Optional[Progress],
               cancel: Optional[CancelCheck]) -> None:
    index: Optional[dict[str, int]] = None
    scale = {w.casefold(): n for n, w in enumerate(mapping.scale.levels, 1)} if mapping.scale else None
    for number, values in rows:
        if index is None:
            if not any(cell_text(v) for v in values):
                continue
            flat.header_row, flat.header = number, [cell_text(v) or "" for v in values]
            index = _match_header(flat, mapping)
            if index is None:
                # The rows cannot be understood, but a bad byte further down is still worth reporting now.
                for _ in rows:
                    pass
                return
            continue
        if flat.rows % 500 == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(0.6 * flat.rows / (flat.rows + 5000), f"Reading row {number:,}")
        cells = {m: clean(values[i]) if i < len(values) else None for m, i in index.items()}
        if not any(cells.values()):
            continue
        flat.rows += 1
        _take_row(flat, number, cells, mapping, scale)
    if index is None:
        flat.problems.append(Problem(flat.label, 1, "1", "the sheet is empty"))
    elif flat.rows == 0:
        flat.problems.append(Problem(flat.label, flat.header_row + 1, "1", "the sheet has a header but no rows"))


def _match_header(flat: FlatSheet, mapping: SheetMap) -> Optional[dict[str, int]]:
    """meaning -> column index; every missing and unknown column is a problem."""
    positions: dict[str, int] = {}
    for i, name in enumerate(flat.header):
        key = header_key(name)
        if key in positions:
            flat.problems.append(Problem(flat.label, flat.header_row, name, f"the column is given twice "
                                                                            f"(also column {positions[key] + 1})"))
        positions.setdefault(key, i)
    index: dict[str, int] = {}
    for meaning, column in mapping.columns.items():
        found = positions.get(header_key(column))
        if found is None:
            flat.problems.append(Problem(flat.label, flat.header_row, column,
                                         f"missing column: the map reads {MEANINGS[meaning].lower()} from "
                                         f"{column!r}; the sheet has {', '.join(repr(h) for h in flat.header if h)}"))
        else:
            index[meaning] = found
    used = {header_key(c) for c in mapping.columns.values()} | {header_key(c) for c in mapping.ignore}
    for name in flat.header:
        if name and not name.startswith("_") and header_key(name) not in used:
            flat.problems.append(Problem(flat.label, flat.header_row, name, (
                f"the map does not say what this column means: map it in [columns], list it in ignore = [...], "
                f"or rename it '_{name}' to keep it in the sheet without importing it")))
    return index if len(index) == len(mapping.columns) else None


def _take_row(flat: FlatSheet, number: int, cells: dict[str, Optional[str]], mapping: SheetMap,
              scale: Optional[dict[str, int]]) -> None:
    def problem(meaning: str, message: str) -> None:
        flat.problems.append(Problem(flat.label, number, mapping.columns.get(meaning, meaning), message))

    title, skill, word = cells["role_level"], cells["skill"], cells["required_level"]
    for meaning, value in (("role_level", title), ("skill", skill), ("required_level", word)):
        if value is None:
            problem(meaning, "required")
    if title is None or skill is None or word is None:
        return
    ladder = cells.get("role") or cells.get("family") or DEFAULT_LADDER
    key = (ladder, title, skill)
    digest = tuple(cells.values())
    earlier = flat.requirements.get(key)
    if earlier is not None and earlier[2] == digest:
        flat.duplicates += 1
        return
    flat.words.setdefault(word, number)
    level = None
    if scale is not None:
        level = scale.get(word.casefold())
        if level is None:
            problem("required_level", f"{word!r} is not a level of the scale {mapping.scale.name} "
                                      f"({', '.join(mapping.scale.levels)}): add it to [scale] levels, or fix the cell")
    if earlier is not None and earlier[1] != level:
        problem("required_level", f"{title!r} needs {skill!r} at {word!r} here but at another level on row "
                                  f"{earlier[0]}: keep one of the two rows")
        return
    if earlier is None:
        flat.requirements[key] = (number, level, digest)
    role = flat.roles.get((ladder, title))
    if role is None:
        flat.roles[(ladder, title)] = RoleLevel(ladder, title, number, {m: cells.get(m) for m in ROLE_FIELDS})
    else:
        for meaning in ROLE_FIELDS:
            if meaning in mapping.columns and role.fields.get(meaning) != cells.get(meaning):
                _differs(flat, number, role.row, mapping, meaning, f"role level {title!r}")
    known = flat.skills.get(skill)
    if known is None:
        flat.skills[skill] = (number, cells.get("skill_description"))
    elif known[1] != cells.get("skill_description"):
        _differs(flat, number, known[0], mapping, "skill_description", f"skill {skill!r}")
    text = cells.get("required_level_description")
    if text is not None and level is not None:
        seen = flat.texts.get((skill, level))
        if seen is None:
            flat.texts[(skill, level)] = (number, text)
        elif seen[1] != text:
            _differs(flat, number, seen[0], mapping, "required_level_description", f"{skill!r} at {word!r}")


def _differs(flat: FlatSheet, number: int, first: int, mapping: SheetMap, meaning: str, what: str) -> None:
    flat.problems.append(Problem(flat.label, number, mapping.columns[meaning],
                                 f"differs from row {first} for {what}: every row of it must repeat the "
                                 f"same {MEANINGS[meaning].lower()}"))
