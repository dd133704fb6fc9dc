"""Assemble a framework Table from a header and rows, whatever format they came from.

Blank rows are skipped; unknown, nameless and repeated columns, unknown tables and tables given
twice are reported; rows are counted against the limits as they arrive, and reading stops at one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Optional, Sequence

from career_explorer.data.importers.framework_layout import TABLES, Problem, Table, cell_text, column_key, table_key
from career_explorer.data.importers.framework_limits import RowCounter
from career_explorer.data.importers.framework_write import restore

Tables = dict[str, Table]

# Ids, codes and enum words repeat on thousands of rows; one shared copy of each saves memory.
_INTERN_UP_TO = 40


class StopReading(Exception):
    """Reading this file or table cannot go on; `problem` says why and where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def ignored(name: str) -> bool:
    """Sheets, files and keys whose names start with `_` are notes beside the data, never read."""
    return table_key(name).startswith("_")


def check_columns(table: Table, header: Sequence[str], problems: list[Problem]) -> list[int]:
    """Set table.columns from the header; report unknown and repeated columns. Returns, for each of
    table.columns, its position in the header (the first, if repeated)."""
    known = TABLES[table.name][0]
    seen: set[str] = set()
    positions: list[int] = []
    table.columns = []
    for index, column in enumerate(header):
        if not column:
            continue
        if column not in known:
            problems.append(Problem(table.label, table.header_row, column,
                                    f"unknown column (the {table.name} table has {', '.join(known)})"))
        elif column in seen:
            problems.append(Problem(table.label, table.header_row, column, "the column is given twice"))
        else:
            positions.append(index)
            table.columns.append(column)
        seen.add(column)
    return positions


def cell(value: object, from_csv: bool = False) -> Optional[str]:
    if from_csv and isinstance(value, str):
        value = restore(value)
    text = cell_text(value)
    if text is not None and len(text) <= _INTERN_UP_TO:
        text = sys.intern(text)
    return text


def add_table(tables: Tables, raw_name: str, label: str, records: Iterable[tuple[int, Sequence[object]]],
              problems: list[Problem], counter: RowCounter, from_csv: bool = False) -> Optional[Problem]:
    """Header plus rows -> a Table in `tables`; a problem that stops the table is returned."""
    name = table_key(raw_name)
    if name.startswith("_"):
        return None
    if name not in TABLES:
        # Read no further than the first line that holds something: that is enough to say it is unknown.
        for _, values in records:
            if any(cell_text(v) for v in values):
                return Problem(label, 1, "1", f"unknown table {raw_name!r} (expected {', '.join(TABLES)})")
        return None
    if name in tables:
        return Problem(label, 1, "1", f"the {name} table is given twice")
    table = Table(name, label)
    header: Optional[list[str]] = None
    positions: list[int] = []
    nameless: list[int] = []
    try:
        for number, values in records:
            if not any(cell_text(v) for v in values):
                continue
            if header is None:
                header, table.header_row = [column_key(v) for v in values], number
                positions = check_columns(table, header, problems)
                nameless = [i for i, c in enumerate(header) if not c]
                continue
            if len(values) > len(header) and any(cell_text(v) for v in values[len(header):]):
                problems.append(Problem(label, number, str(len(header) + 1),
                                        f"more cells than the {len(header)} columns"))
            for index in nameless:
                if index < len(values) and cell_text(values[index]) is not None:
                    problems.append(Problem(label, number, str(index + 1), "a value in a column without a name: "
                                                                          "name the column, or clear it"))
                    nameless = []  # once per table is enough
                    break
            width = len(values)
            table.rows.append((number, tuple(cell(values[i], from_csv) if i < width else None for i in positions)))
            why = counter.check(len(table.rows))
            if why is not None:
                raise StopReading(Problem(label, number, "1", why))
    except StopReading as stop:
        return stop.problem
    if header is None:
        return Problem(label, 1, "1", "the file is empty" if label.endswith(".csv") else "the sheet is empty")
    tables[name] = table
    return None


def table_of(file_label: str) -> str:
    """'acme.xlsx[Roles]' or 'acme/roles.csv' -> 'roles'; a whole-file label stays as it is."""
    if file_label.endswith("]") and "[" in file_label:
        return table_key(file_label[file_label.rindex("[") + 1:-1])
    if file_label.lower().endswith(".csv"):
        return table_key(Path(file_label).stem)
    return file_label
