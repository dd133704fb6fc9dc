"""Stream the rows of one flat sheet (CSV or XLSX), numbered as a spreadsheet program numbers them.

A CSV cell may hold line breaks, so a text line number is not a row number: the row is the count of
records, header = 1 (a blank line is a blank row, as a spreadsheet shows it). Rows are yielded one at a
time and never gathered here, so memory stays bounded on huge files; an .xlsx is read with openpyxl's
read_only mode for the same reason.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

from career_explorer.data.importers.framework_layout import Problem

MAX_ROWS = 1_000_000  # past this a "sheet" is not a framework; stop before it fills memory or the screen
MAX_CELL = 100_000  # characters in one cell (csv's own limit is 131,072)
MAX_LINE_BYTES = 4 * MAX_CELL  # a hostile file without line breaks must not be read whole
SHEET_SUFFIXES = (".csv", ".xlsx", ".xlsm")
UTF8_HOW = "save it as UTF-8 (in Excel: File > Save As > CSV UTF-8; in LibreOffice: Character set: Unicode (UTF-8))"


class SheetProblem(Exception):
    """The sheet cannot be read further; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class SheetRows:
    """An open sheet: its label for messages (`acme.xlsx[Framework]`) and its rows as (row, cells)."""

    label: str
    rows: Iterator[tuple[int, Sequence[object]]]


@contextmanager
def open_sheet(path: Path, sheet: Optional[str] = None) -> Iterator[SheetRows]:
    """Open a .csv or .xlsx sheet; raise SheetProblem when it is not a readable spreadsheet."""
    path = Path(path)
    label = path.name
    if not path.is_file():
        raise SheetProblem(Problem(label, 1, "1", "no such file"))
    if path.suffix.lower() not in SHEET_SUFFIXES:
        raise SheetProblem(Problem(label, 1, "1", "not a spreadsheet: give a .csv or .xlsx file "
                                                  "(save an .xls or .ods as .xlsx first)"))
    if path.stat().st_size == 0:
        raise SheetProblem(Problem(label, 1, "1", "the sheet is empty"))
    if path.suffix.lower() == ".csv":
        with path.open("rb") as raw:
            _check_text_start(label, raw.read(4096))
            raw.seek(0)
            yield SheetRows(label, _csv_rows(label, raw))
        return
    if not zipfile.is_zipfile(path):
        raise SheetProblem(Problem(label, 1, "1", "not a spreadsheet: an .xlsx workbook is a zip archive and this "
                                                  "file is not one (an old .xls, or CSV with the wrong name?)"))
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign zip
        raise SheetProblem(Problem(label, 1, "1", f"not a readable .xlsx workbook ({type(exc).__name__})")) from None
    try:
        worksheet = _pick_sheet(label, workbook, sheet)
        worksheet.reset_dimensions()  # a wrong stored size must not cut rows off
        yield SheetRows(f"{label}[{worksheet.title}]", _xlsx_rows(label, worksheet))
    finally:
        workbook.close()


def sheet_names(path: Path) -> list[str]:
    """The data sheets of a workbook (names starting with `_` are notes); [] for a CSV file."""
    if Path(path).suffix.lower() == ".csv":
        return []
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [name for name in workbook.sheetnames if not name.startswith("_")]
    finally:
        workbook.close()


def _pick_sheet(label: str, workbook, wanted: Optional[str]):
    names = [n for n in workbook.sheetnames if not n.startswith("_")]
    if wanted is not None:
        if wanted not in workbook.sheetnames:
            raise SheetProblem(Problem(label, 1, "1", f"no sheet {wanted!r} (the workbook has {', '.join(names)}); "
                                                      "fix `sheet` in the map"))
        return workbook[wanted]
    if not names:
        raise SheetProblem(Problem(label, 1, "1", "the workbook has no data sheet (every name starts with _)"))
    if len(names) > 1:
        raise SheetProblem(Problem(label, 1, "1", f"the workbook has {len(names)} sheets ({', '.join(names)}): "
                                                  "name one in the map (sheet = \"...\"), or keep the others "
                                                  "as notes by starting their names with _"))
    return workbook[names[0]]


def _xlsx_rows(label: str, worksheet) -> Iterator[tuple[int, Sequence[object]]]:
    for number, values in enumerate(worksheet.iter_rows(values_only=True), 1):
        if number > MAX_ROWS:
            raise SheetProblem(Problem(label, number, "1", f"more than {MAX_ROWS:,} rows; not a framework sheet"))
        for index, value in enumerate(values):
            if isinstance(value, str) and len(value) > MAX_CELL:
                raise SheetProblem(Problem(label, number, str(index + 1),
                                           f"a cell of more than {MAX_CELL:,} characters"))
        yield number, values


def _check_text_start(label: str, start: bytes) -> None:
    """Catch a binary or UTF-16 file before the CSV reader makes nonsense of it."""
    utf16 = start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if utf16 or (b"\x00" in start[:200] and start[1:2] == b"\x00"):
        raise SheetProblem(Problem(label, 1, "1", f"the file is UTF-16 text (Excel's \"Unicode text\"); {UTF8_HOW}"))
    if start.startswith(b"PK\x03\x04"):
        raise SheetProblem(Problem(label, 1, "1",
                                   "this is an .xlsx workbook or a zip, not CSV text: give it an .xlsx name"))
    if b"\x00" in start:
        raise SheetProblem(Problem(label, 1, "1", "not a spreadsheet: the file holds binary data, not CSV text"))


def _csv_rows(label: str, raw) -> Iterator[tuple[int, Sequence[object]]]:
    reader = csv.reader(_utf8_lines(raw))
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise SheetProblem(Problem(label, number + 1, "1", _encoding_message(exc))) from None
        except csv.Error as exc:
            raise SheetProblem(Problem(label, number + 1, "1", f"not valid CSV ({exc})")) from None
        number += 1
        if number > MAX_ROWS:
            raise SheetProblem(Problem(label, number, "1", f"more than {MAX_ROWS:,} rows; not a framework sheet"))
        for index, value in enumerate(record):
            if len(value) > MAX_CELL:
                raise SheetProblem(Problem(label, number, str(index + 1),
                                           f"a cell of more than {MAX_CELL:,} characters"))
        yield number, record


def _utf8_lines(raw) -> Iterator[str]:
    """Decode line by line: a bad byte is then met while reading the record it belongs to, so its row is exact
    (a buffered decoder would fail thousands of rows ahead of the record being read)."""
    first = True
    while line := raw.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES:
            raise csv.Error(f"a line of more than {MAX_LINE_BYTES:,} bytes")
        if first:
            line, first = line.removeprefix(codecs.BOM_UTF8), False
        yield line.decode("utf-8")


def _encoding_message(exc: UnicodeDecodeError) -> str:
    """Name the likely encoding: Excel's plain "CSV" is Windows-1252 on Windows and Mac Roman on old Macs."""
    chunk = exc.object[exc.start:exc.start + 4]
    try:
        sample = chunk.decode("cp1252")
        guess = f"Windows-1252 (Excel's plain \"CSV\"; {sample[:1]!r} here)"
    except UnicodeDecodeError:
        guess = "an 8-bit encoding such as Latin-1"
    return f"the file is not UTF-8: it looks like {guess}; {UTF8_HOW}"


def read_header(path: Path, sheet: Optional[str] = None) -> list[str]:
    """The first non-blank row's cells as text (the column names); raise SheetProblem when there is none."""
    with open_sheet(path, sheet) as opened:
        for _, values in opened.rows:
            names = ["" if v is None else str(v).strip() for v in values]
            if any(names):
                while names and not names[-1]:
                    names.pop()
                return names
    raise SheetProblem(Problem(Path(path).name, 1, "1", "the sheet is empty"))
