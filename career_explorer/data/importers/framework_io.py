"""Read and write the framework tables as a CSV folder or zip, an XLSX workbook, or a JSON object.

Reading never stops at the first problem: each one becomes a Problem (`file:row:column: message`).
Writing is deterministic, so the same tables always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable, Optional, Sequence

from career_explorer.data.importers.framework_layout import (
    FORMATS, REQUIRED_TABLES, TABLES, Problem, Table, Value, cell_text, column_key, table_key,
)

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(2000, 1, 1)
Tables = dict[str, Table]


def detect_format(path: Path) -> Optional[str]:
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in (".zip", ".csv"):
        return "csv"
    return {".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "json"}.get(suffix)


def read_tables(path: Path) -> tuple[Tables, list[Problem]]:
    """Every table in the framework at `path`, and every problem found while reading."""
    try:
        return _read_tables(path)
    except OSError as exc:
        return {}, [Problem(exc.filename and Path(exc.filename).name or path.name, 1, "1",
                            f"cannot read ({exc.strerror or exc})")]


def _read_tables(path: Path) -> tuple[Tables, list[Problem]]:
    label = path.name or str(path)
    if not path.exists():
        return {}, [Problem(label, 1, "1", "no such file or folder")]
    fmt = detect_format(path)
    if fmt is None:
        return {}, [Problem(label, 1, "1", "unknown framework format: give a .xlsx or .json file, "
                                           "or a folder or .zip of CSV files")]
    if path.suffix.lower() == ".csv":
        return {}, [Problem(label, 1, "1", "a CSV framework is a folder (or .zip) of CSV files, one per table "
                                           "(catalogue.csv, roles.csv, ...): give the folder")]
    files: list[tuple[str, str, bytes]] = []  # (table file name, label, bytes)
    problems: list[Problem] = []
    if fmt == "csv" and path.is_dir():
        files = [(p.name, f"{path.name}/{p.name}", p.read_bytes()) for p in sorted(path.glob("*.csv")) if p.is_file()]
    elif fmt == "csv":
        try:
            with zipfile.ZipFile(path) as archive:
                files = [(Path(n).name, f"{label}/{n}", archive.read(n)) for n in sorted(archive.namelist())
                         if n.lower().endswith(".csv") and not n.startswith("__MACOSX")]
        except (zipfile.BadZipFile, OSError) as exc:
            return {}, [Problem(label, 1, "1", f"not a readable .zip of CSV files ({exc})")]
    tables: Tables = {}
    if fmt == "csv":
        if not files:
            return {}, [Problem(label, 1, "1", "holds no .csv files (catalogue.csv, roles.csv, ...)")]
        for name, file_label, data in files:
            text, problem = decode_text(file_label, data)
            if problem is None:
                records = _csv_records(file_label, text, problems)
                problem = _add_table(tables, Path(name).stem, file_label, records, problems)
            if problem is not None:
                problems.append(problem)
        missing_label = f"{path.name}/{{}}.csv"
    elif fmt == "xlsx":
        _read_xlsx(path, tables, problems)
        missing_label = f"{label}[{{}}]"
    else:
        _read_json(path, tables, problems)
        missing_label = f"{label}[{{}}]"
    tried = {_table_of(p.file) for p in problems}
    for name in REQUIRED_TABLES:
        if label not in tried and name not in tables and name not in tried:
            problems.append(Problem(missing_label.format(name), 1, "1", f"missing table {name!r}"))
    return tables, problems


def _table_of(file_label: str) -> str:
    """'acme.xlsx[Roles]' or 'acme/roles.csv' -> 'roles'; a whole-file label stays as it is."""
    if file_label.endswith("]") and "[" in file_label:
        return table_key(file_label[file_label.rindex("[") + 1:-1])
    if file_label.lower().endswith(".csv"):
        return table_key(Path(file_label).stem)
    return file_label


def decode_text(label: str, data: bytes) -> tuple[str, Optional[Problem]]:
    """UTF-8 text (a BOM is allowed), or a problem that says where and what to do."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(label, 1, "1", "the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)")
    if data.startswith(b"PK\x03\x04"):
        return "", Problem(label, 1, "1", "this is a zip or Excel file, not text; give it a .xlsx or .zip name")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return "", Problem(label, line, str(column), f"not UTF-8 text (byte 0x{data[exc.start]:02X}); "
                                                     "save the file as UTF-8 (in Excel: CSV UTF-8)")
    if "\x00" in text:
        return "", Problem(label, 1, "1", "holds NUL bytes: not UTF-8 text (UTF-16 without a byte-order mark?)")
    if not text.strip():
        return "", Problem(label, 1, "1", "the file is empty")
    return text, None


def _csv_records(label: str, text: str, problems: list[Problem]) -> list[tuple[int, Sequence[object]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    records = []
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(label, reader.line_num, "1", f"not valid CSV ({exc})"))
            break
        records.append((line, record))
    return records


def _add_table(tables: Tables, raw_name: str, label: str, records: Iterable[tuple[int, Sequence[object]]],
               problems: list[Problem]) -> Optional[Problem]:
    """Header plus rows -> a Table; blank rows are skipped, unknown columns and tables reported."""
    name = table_key(raw_name)
    if name.startswith("_"):
        return None
    table = Table(name, label)
    header: Optional[list[str]] = None
    for number, values in records:
        if not any(cell_text(v) for v in values):
            continue
        if header is None:
            header, table.header_row = [column_key(v) for v in values], number
            continue
        if any(cell_text(v) for v in values[len(header):]):
            problems.append(Problem(label, number, str(len(header) + 1), f"more cells than the {len(header)} columns"))
        table.rows.append((number, {c: cell_text(v) for c, v in zip(header, values) if c}))
    if name not in TABLES:
        if header is None:
            return None
        return Problem(label, 1, "1", f"unknown table {raw_name!r} (expected {', '.join(TABLES)})")
    if header is None:
        return Problem(label, 1, "1", "the file is empty" if label.endswith(".csv") else "the sheet is empty")
    _check_columns(table, header, problems)
    if name in tables:
        return Problem(label, 1, "1", f"the {name} table is given twice")
    tables[name] = table
    return None


def _check_columns(table: Table, header: list[str], problems: list[Problem]) -> None:
    known = TABLES[table.name][0]
    seen: set[str] = set()
    for column in header:
        if not column:
            continue
        if column not in known:
            problems.append(Problem(table.label, table.header_row, column,
                                    f"unknown column (the {table.name} table has {', '.join(known)})"))
        elif column in seen:
            problems.append(Problem(table.label, table.header_row, column, "the column is given twice"))
        seen.add(column)
    table.columns = [c for c in header if c in known]


def _read_xlsx(path: Path, tables: Tables, problems: list[Problem]) -> None:
    import openpyxl

    label = path.name
    if path.stat().st_size == 0:
        problems.append(Problem(label, 1, "1", "the file is empty"))
        return
    if not zipfile.is_zipfile(path):
        problems.append(Problem(label, 1, "1", "not a spreadsheet: an .xlsx workbook is a zip archive and this "
                                               "file is not one (an old .xls, or CSV with the wrong name?)"))
        return
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign zip
        problems.append(Problem(label, 1, "1", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"))
        return
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            records = enumerate(sheet.iter_rows(values_only=True), 1)
            problem = _add_table(tables, sheet.title, f"{label}[{sheet.title}]", records, problems)
            if problem is not None:
                problems.append(problem)
    except Exception as exc:
        problems.append(Problem(label, 1, "1", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"))
    finally:
        workbook.close()


def _read_json(path: Path, tables: Tables, problems: list[Problem]) -> None:
    label = path.name
    text, problem = decode_text(label, path.read_bytes())
    if problem is not None:
        problems.append(problem)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem(label, exc.lineno, str(exc.colno), f"invalid JSON: {exc.msg}"))
        return
    if not isinstance(data, dict):
        problems.append(Problem(label, 1, "1", "the top level must be an object of tables (\"roles\": [...])"))
        return
    for key, value in data.items():
        name, table_label = table_key(key), f"{label}[{key}]"
        if name.startswith("_"):
            continue
        if name not in TABLES:
            problems.append(Problem(table_label, 1, "1", f"unknown table (expected {', '.join(TABLES)})"))
            continue
        entries = [value] if isinstance(value, dict) else value
        if not isinstance(entries, list):
            problems.append(Problem(table_label, 1, "1", "must be a list of objects"))
            continue
        table, header = Table(name, table_label), list(TABLES[name][0]) if not entries else []
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                problems.append(Problem(table_label, number, "1", "must be an object of column: value"))
                continue
            cells = {}
            for raw, cell in entry.items():
                column = column_key(raw)
                if isinstance(cell, (list, dict)):
                    problems.append(Problem(table_label, number, column, "must be a single value, not a list or object"))
                    continue
                if column not in header:
                    header.append(column)
                cells[column] = cell_text(cell)
            table.rows.append((number, cells))
        _check_columns(table, header, problems)
        tables[name] = table


# -- writing ------------------------------------------------------------------------------


def write_tables(rows: dict[str, list[dict[str, Value]]], out: Path, fmt: str) -> None:
    """Write every table to `out` in `fmt` (json, xlsx, csv: a folder, or a zip when OUT ends in .zip)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    out = Path(out)
    if fmt == "csv" and out.suffix.lower() != ".zip":
        out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            _write_atomic(out / f"{name}.csv", _csv_bytes(name, rows.get(name, [])))
        return
    if fmt == "csv":
        data = _zip_bytes([(f"{name}.csv", _csv_bytes(name, rows.get(name, []))) for name in TABLES])
    elif fmt == "json":
        data = _json_bytes(rows)
    else:
        data = _xlsx_bytes(rows)
    _write_atomic(out, data)


def _write_atomic(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_bytes(name: str, rows: list[dict[str, Value]]) -> bytes:
    columns = TABLES[name][0]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(row.get(c)) for c in columns])
    return buffer.getvalue().encode("utf-8")


def _json_bytes(rows: dict[str, list[dict[str, Value]]]) -> bytes:
    """One entry per line, tables in layout order: readable, diff-friendly and deterministic."""
    parts = []
    for name, (columns, _) in TABLES.items():
        entries = [{c: row[c] for c in columns if row.get(c) is not None} for row in rows.get(name, [])]
        dump = [json.dumps(e, ensure_ascii=False) for e in entries]
        if name == "catalogue":
            parts.append(f'  "{name}": {dump[0] if dump else "{}"}')
        else:
            body = ",\n".join(f"    {d}" for d in dump)
            parts.append(f'  "{name}": [\n{body}\n  ]' if dump else f'  "{name}": []')
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def _zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members:
            info = zipfile.ZipInfo(member, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _xlsx_bytes(rows: dict[str, list[dict[str, Value]]]) -> bytes:
    """One sheet per table; fixed document dates and zip times make the bytes repeatable."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    workbook.properties.created = workbook.properties.modified = FIXED_DATETIME
    workbook.properties.creator = workbook.properties.lastModifiedBy = "Career Explorer"
    for name, (columns, _) in TABLES.items():
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A2"
        sheet.append(list(columns))
        for row in rows.get(name, []):
            values = []
            for column in columns:
                value = row.get(column)
                if isinstance(value, str) and value.startswith("="):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    value = cell
                values.append(value)
            sheet.append(values)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    with zipfile.ZipFile(raw) as archive:
        return _zip_bytes([(info.filename, archive.read(info.filename)) for info in archive.infolist()])
