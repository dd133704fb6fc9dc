"""Read the framework tables from a CSV folder or zip, an XLSX workbook, or a JSON object.

Reading never stops at the first problem: each one becomes a Problem (`file:row:column: message`).
Files are read as streams, line by line or row by row, after their sizes have been checked against
framework_limits; a zip's members that the importer does not use are never opened. XLSX and JSON
are in framework_books; writing is in framework_write.
"""

from __future__ import annotations

import csv
import lzma
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence

from career_explorer.data.importers.framework_layout import REQUIRED_TABLES, Problem, ProblemList
from career_explorer.data.importers.framework_limits import (
    LIMITS,
    Limits,
    RowCounter,
    member_problem,
    too_big,
    total_problem,
)
from career_explorer.data.importers.framework_tables import StopReading, Tables, add_table, ignored, table_of

# What reading a damaged zip member can raise, besides a clean BadZipFile: a corrupt deflate stream
# (zlib.error), a truncated one (EOFError), a header that does not match (NotImplementedError for a
# made-up version or method), a bad LZMA stream, or a file that changed underneath.
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError,
                   lzma.LZMAError)


def detect_format(path: Path) -> Optional[str]:
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in (".zip", ".csv"):
        return "csv"
    return {".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "json"}.get(suffix)


def read_tables(path: Path, limits: Limits = LIMITS) -> tuple[Tables, ProblemList]:
    """Every table in the framework at `path`, and every problem found while reading."""
    problems = ProblemList(limits.problems)
    try:
        tables = _read_tables(Path(path), limits, problems)
    except OSError as exc:
        tables = {}
        problems.append(Problem(exc.filename and Path(exc.filename).name or Path(path).name, 1, "1",
                                f"cannot read ({exc.strerror or exc})"))
    return tables, problems


def _read_tables(path: Path, limits: Limits, problems: ProblemList) -> Tables:
    from career_explorer.data.importers.framework_books import read_json, read_xlsx

    label = path.name or str(path)
    if not path.exists():
        problems.append(Problem(label, 1, "1", "no such file or folder"))
        return {}
    fmt = detect_format(path)
    if fmt is None:
        problems.append(Problem(label, 1, "1", "unknown framework format: give a .xlsx or .json file, "
                                               "or a folder or .zip of CSV files"))
        return {}
    if path.suffix.lower() == ".csv" and not path.is_dir():
        problems.append(Problem(label, 1, "1", "a CSV framework is a folder (or .zip) of CSV files, one per table "
                                               "(catalogue.csv, roles.csv, ...): give the folder"))
        return {}
    tables: Tables = {}
    counter = RowCounter(limits)
    if fmt == "csv" and path.is_dir():
        _read_csv_folder(path, tables, problems, limits, counter)
        missing_label = f"{path.name}/{{}}.csv"
    elif fmt == "csv":
        _read_csv_zip(path, tables, problems, limits, counter)
        missing_label = f"{path.name}/{{}}.csv"
    elif fmt == "xlsx":
        read_xlsx(path, tables, problems, limits, counter)
        missing_label = f"{label}[{{}}]"
    else:
        read_json(path, tables, problems, limits, counter)
        missing_label = f"{label}[{{}}]"
    tried = {table_of(p.file) for p in problems}
    for name in REQUIRED_TABLES:
        if label not in tried and name not in tables and name not in tried:
            problems.append(Problem(missing_label.format(name), 1, "1", f"missing table {name!r}"))
    return tables


def _read_csv_folder(path: Path, tables: Tables, problems: ProblemList, limits: Limits, counter: RowCounter) -> None:
    files = [p for p in sorted(path.glob("*.csv")) if p.is_file() and not ignored(p.stem)]
    if not files:
        problems.append(Problem(path.name, 1, "1", "holds no .csv files (catalogue.csv, roles.csv, ...)"))
        return
    sizes = {p: p.stat().st_size for p in files}
    fits = True
    for file, size in sizes.items():
        if size > limits.file_bytes:
            problems.append(Problem(f"{path.name}/{file.name}", 1, "1", too_big("the file", size, limits.file_bytes)))
            fits = False
    if sum(sizes.values()) > limits.total_bytes:
        problems.append(Problem(path.name, 1, "1", too_big("together the CSV files", sum(sizes.values()),
                                                           limits.total_bytes)))
        fits = False
    if not fits:
        return
    for file in files:
        with open(file, "rb") as stream:
            _read_csv_stream(tables, file.stem, f"{path.name}/{file.name}", stream, problems, limits, counter)


def _read_csv_zip(path: Path, tables: Tables, problems: ProblemList, limits: Limits, counter: RowCounter) -> None:
    label = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (*ZIP_READ_ERRORS, OverflowError) as exc:
        problems.append(Problem(label, 1, "1", f"not a readable .zip of CSV files ({exc})"))
        return
    with archive:
        members = [i for i in archive.infolist()
                   if not i.is_dir() and i.filename.lower().endswith(".csv") and not i.filename.startswith("__MACOSX")
                   and not ignored(Path(i.filename).stem)]
        if not members:
            problems.append(Problem(label, 1, "1", "holds no .csv files (catalogue.csv, roles.csv, ...)"))
            return
        # Judge every member from the zip's directory before decompressing a byte of any of them.
        fits = True
        for info in members:
            why = member_problem(info, limits.file_bytes)
            if why is not None:
                problems.append(Problem(f"{label}/{info.filename}", 1, "1", why))
                fits = False
        why = total_problem(members, limits.total_bytes)
        if why is not None:
            problems.append(Problem(label, 1, "1", why))
            fits = False
        if not fits:
            return
        for info in sorted(members, key=lambda i: i.filename):
            member_label = f"{label}/{info.filename}"
            try:
                with archive.open(info) as stream:
                    _read_csv_stream(tables, Path(info.filename).stem, member_label, stream, problems, limits, counter)
            except ZIP_READ_ERRORS as exc:
                problems.append(Problem(member_label, 1, "1", f"the zip is damaged: cannot read this file "
                                                              f"({exc or type(exc).__name__})"))


def _read_csv_stream(tables: Tables, stem: str, label: str, stream: BinaryIO, problems: ProblemList,
                     limits: Limits, counter: RowCounter) -> None:
    records = _csv_records(label, text_lines(label, stream, limits), problems)
    try:
        problem = add_table(tables, stem, label, records, problems, counter, from_csv=True)
    except StopReading as stop:
        problem = stop.problem
    if problem is not None:
        problems.append(problem)


def text_lines(label: str, stream: BinaryIO, limits: Limits) -> Iterator[str]:
    """UTF-8 lines of a byte stream (a BOM is allowed); StopReading says where and what to do."""
    number = 0
    while True:
        raw = stream.readline(limits.line_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limits.line_bytes:
            raise StopReading(Problem(label, number, "1", f"a line longer than {limits.line_bytes:,} bytes, the limit "
                                                          "(an unclosed quote, or not CSV text?)"))
        if number == 1:
            if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise StopReading(Problem(label, 1, "1", "the file is UTF-16 text; save it as UTF-8 "
                                                         "(in Excel: CSV UTF-8)"))
            if raw.startswith(b"PK\x03\x04"):
                raise StopReading(Problem(label, 1, "1", "this is a zip or Excel file, not text; "
                                                         "give it a .xlsx or .zip name"))
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StopReading(Problem(label, number, str(exc.start + 1),
                                      f"not UTF-8 text (byte 0x{raw[exc.start]:02X}); save the file as UTF-8 "
                                      "(in Excel: CSV UTF-8)")) from None
        if "\x00" in text:
            raise StopReading(Problem(label, number, "1", "holds NUL bytes: not UTF-8 text "
                                                          "(UTF-16 without a byte-order mark?)"))
        yield text


def _csv_records(label: str, lines: Iterable[str], problems: ProblemList) -> Iterator[tuple[int, Sequence[object]]]:
    reader = csv.reader(lines)
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(label, reader.line_num, "1", f"not valid CSV ({exc})"))
            return
        yield line, record
