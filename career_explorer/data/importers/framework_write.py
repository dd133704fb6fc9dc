"""Write the framework tables as a CSV folder or zip, an XLSX workbook, or a JSON object.

Writing is deterministic, so the same tables always give the same bytes. Text that a spreadsheet
program would run as a formula is neutralised in CSV (a leading apostrophe, as OWASP advises) and
stored as text in XLSX; the reader takes the apostrophe off again, so a round trip keeps the text.
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

from career_explorer.data.importers.framework_layout import FORMATS, TABLES, Value

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(2000, 1, 1)
# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """'=cmd|...' -> "'=cmd|...": shown as text by spreadsheet programs, never run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """The inverse of neutralise, for cells read back from CSV."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text



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
        # Only text is neutralised: numbers are written as numbers (-5 stays a number).
        writer.writerow([neutralise(v) if isinstance(v, str) else _text(v) for v in (row.get(c) for c in columns)])
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
