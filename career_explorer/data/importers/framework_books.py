"""Read the framework tables from an XLSX workbook or a JSON object, within framework_limits.

A workbook is a zip: its parts are judged from the zip's directory (encrypted, unreadable method,
too large) before openpyxl opens it, then each sheet streams row by row (read-only mode). A JSON
framework is parsed whole, so its size is checked first; nesting deeper than a framework needs,
numbers Python will not convert, NaN and Infinity, and repeated keys are problems, not crashes.
"""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path
from typing import Any, Optional

from career_explorer.data.importers.framework_io import ZIP_READ_ERRORS
from career_explorer.data.importers.framework_layout import TABLES, Problem, ProblemList, Table, column_key, table_key
from career_explorer.data.importers.framework_limits import Limits, RowCounter, member_problem, too_big, total_problem
from career_explorer.data.importers.framework_tables import StopReading, Tables, add_table, cell, check_columns


def read_xlsx(path: Path, tables: Tables, problems: ProblemList, limits: Limits, counter: RowCounter) -> None:
    label = path.name
    if path.stat().st_size == 0:
        problems.append(Problem(label, 1, "1", "the file is empty"))
        return
    if not zipfile.is_zipfile(path):
        problems.append(Problem(label, 1, "1", "not a spreadsheet: an .xlsx workbook is a zip archive and this "
                                               "file is not one (an old .xls, or CSV with the wrong name?)"))
        return
    if not _parts_fit(path, problems, limits):
        return
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign zip
        problems.append(Problem(label, 1, "1", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"))
        return
    try:
        for sheet in workbook.worksheets:
            # The stored dimensions may lie (or be missing); rows are counted as they stream instead.
            sheet.reset_dimensions()
            records = enumerate(sheet.iter_rows(values_only=True), 1)
            problem = add_table(tables, sheet.title, f"{label}[{sheet.title}]", records, problems, counter)
            if problem is not None:
                problems.append(problem)
    except StopReading as stop:
        problems.append(stop.problem)
    except Exception as exc:  # a damaged sheet: zlib.error, a bad CRC, XML errors, a number too long, ...
        problems.append(Problem(label, 1, "1", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"))
    finally:
        workbook.close()


def _parts_fit(path: Path, problems: ProblemList, limits: Limits) -> bool:
    label = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (*ZIP_READ_ERRORS, OverflowError) as exc:
        problems.append(Problem(label, 1, "1", f"not a readable .xlsx workbook ({exc})"))
        return False
    fits = True
    for info in infos:
        shared = info.filename.lower().endswith("sharedstrings.xml")
        why = member_problem(info, limits.shared_strings_bytes if shared else limits.file_bytes)
        if why is not None:
            problems.append(Problem(label, 1, "1", f"{info.filename}: {why}"))
            fits = False
    why = total_problem(infos, limits.total_bytes)
    if why is not None:
        problems.append(Problem(label, 1, "1", why))
        fits = False
    return fits


# -- JSON -------------------------------------------------------------------------------------


class _Object(dict):
    """A JSON object that gave some keys more than once (json.loads would silently keep the last)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: list[str] = []
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen and key not in self.repeated:
                self.repeated.append(key)
            seen.add(key)


def _object(pairs: list[tuple[str, Any]]) -> dict:
    # A plain dict unless a key repeats: a million rows must not each carry an extra attribute.
    plain = dict(pairs)
    return plain if len(plain) == len(pairs) else _Object(pairs)


class _BadNumber(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _BadNumber(f"{name} is not a number a framework can hold")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(f"{text[:20]}{'...' if len(text) > 20 else ''} is too large a number")
    return value


def read_json(path: Path, tables: Tables, problems: ProblemList, limits: Limits, counter: RowCounter) -> None:
    from career_explorer.data.importers.framework_io import text_lines

    label = path.name
    size = path.stat().st_size
    if size > limits.json_bytes:
        problems.append(Problem(label, 1, "1", too_big("the file", size, limits.json_bytes)
                                + ": give a large framework as a .zip of CSV files or an .xlsx workbook"))
        return
    if size == 0:
        problems.append(Problem(label, 1, "1", "the file is empty"))
        return
    try:
        with open(path, "rb") as stream:
            text = "".join(text_lines(label, stream, Limits(line_bytes=limits.json_bytes)))
    except StopReading as stop:
        problems.append(stop.problem)
        return
    if not text.strip():
        problems.append(Problem(label, 1, "1", "the file is empty"))
        return
    # Every row is an object and the tables are lists: more of either than the row limit allows is
    # refused before parsing, as millions of tiny objects or lists would take gigabytes (an upper
    # bound: a brace inside a text counts too, which only matters for files near the limit).
    for mark, what in (("{", "objects"), ("[", "lists")):
        if text.count(mark) > limits.total_rows + len(TABLES):
            problems.append(Problem(label, 1, "1", f"more than {limits.total_rows:,} {what}, above the limit of rows "
                                                   "in all tables together"))
            return
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        problems.append(Problem(label, exc.lineno, str(exc.colno), f"invalid JSON: {exc.msg}"))
        return
    except RecursionError:
        problems.append(Problem(label, 1, "1", "nested too deeply: a framework is an object of tables, "
                                               "each a list of rows of plain values"))
        return
    except _BadNumber as exc:
        problems.append(Problem(label, 1, "1", f"invalid JSON: {exc}"))
        return
    except ValueError as exc:  # an integer of more than 4,300 digits (Python's limit for converting one)
        problems.append(Problem(label, 1, "1", f"holds a number too long to read ({str(exc).split(':')[0]})"))
        return
    if not isinstance(data, dict):
        problems.append(Problem(label, 1, "1", "the top level must be an object of tables (\"roles\": [...])"))
        return
    for key in getattr(data, "repeated", ()):
        problems.append(Problem(f"{label}[{key}]", 1, "1", "the table is given twice"))
    for key, value in data.items():
        try:
            _json_table(label, key, value, tables, problems, counter)
        except StopReading as stop:
            problems.append(stop.problem)


def _json_table(label: str, key: str, value: Any, tables: Tables, problems: ProblemList, counter: RowCounter) -> None:
    name, table_label = table_key(key), f"{label}[{key}]"
    if name.startswith("_"):
        return
    if name not in TABLES:
        problems.append(Problem(table_label, 1, "1", f"unknown table (expected {', '.join(TABLES)})"))
        return
    if name in tables:
        problems.append(Problem(table_label, 1, "1", f"the {name} table is given twice"))
        return
    entries = [value] if isinstance(value, dict) else value
    if not isinstance(entries, list):
        problems.append(Problem(table_label, 1, "1", "must be a list of objects"))
        return
    table = Table(name, table_label)
    # The header is every column any entry names, in the order first seen (all of them for an empty table).
    header: list[str] = [] if entries else list(TABLES[name][0])
    for entry in entries:
        if isinstance(entry, dict):
            header.extend(c for c in dict.fromkeys(column_key(k) for k in entry) if c not in header)
    nameless = "" in header
    positions = {column: index for index, column in enumerate(check_columns(table, header, problems))}
    columns = [header[i] for i in positions]
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(Problem(table_label, number, "1", "must be an object of column: value"))
            continue
        cells: list[Optional[str]] = [None] * len(columns)
        given: set[str] = set()
        for raw in getattr(entry, "repeated", ()):
            problems.append(Problem(table_label, number, column_key(raw) or raw, "the column is given twice"))
        for raw, value in entry.items():
            column = column_key(raw)
            if column in given:
                problems.append(Problem(table_label, number, column, "the column is given twice"))
            given.add(column)
            if isinstance(value, (list, dict)):
                problems.append(Problem(table_label, number, column, "must be a single value, not a list or object"))
                continue
            if not column and nameless and value not in (None, ""):
                problems.append(Problem(table_label, number, "1", f"a value under the nameless key {raw!r}: "
                                                                  "name the column, or leave it out"))
                continue
            index = positions.get(header.index(column)) if column in header else None
            if index is not None:
                cells[index] = cell(value)
        table.rows.append((number, tuple(cells)))
        why = counter.check(len(table.rows))
        if why is not None:
            raise StopReading(Problem(table_label, number, "1", why))
    tables[name] = table
