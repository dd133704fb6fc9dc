"""Read the files of an O*NET text release into plain Python values.

Finds the release folder (or the folder holding it) or the official zip, opens the tab-delimited
UTF-8 files, checks their columns and values, and reads each file the O*NET importer uses. Every
problem is a SourceFormatError naming the file, and where known the line and column.
"""

from __future__ import annotations

import lzma
import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Mapping, Optional, Union

from career_explorer.data.importers.errors import SourceFormatError, UnknownOccupationError
from career_explorer.data.importers.onet_source import ONET_SOURCE_ID, competency_id

PathLike = Union[str, Path]

# (file, kind) of the rating files, in import order.
SKILLS_FILE = "Skills.txt"
KNOWLEDGE_FILE = "Knowledge.txt"

_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")

OCC = "O*NET-SOC Code"

# The largest file of O*NET 29.0 is under 20 MiB; a member claiming more is damaged or hostile (a zip
# bomb), and reading it whole would take the memory with it.
MAX_FILE_BYTES = 512 << 20


def _too_big(size: int) -> str:
    return f"{size >> 20:,} MiB uncompressed, above the limit of {MAX_FILE_BYTES >> 20} MiB for one O*NET file"


# Reading a damaged member can raise any of these (a corrupt deflate stream is zlib.error).
_ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
                    ValueError, lzma.LZMAError)


# ---------------------------------------------------------------------------------------------
# Reading the release


class Release:
    """A release folder or zip; hands out the text of one file by its name."""

    def __init__(self, path: PathLike) -> None:
        self.path = Path(path)
        self._zip: Optional[zipfile.ZipFile] = None
        self._members: dict[str, str] = {}
        self._root = self.path
        if self.path.is_dir():
            self._root = self._find_root(self.path)
        elif self.path.is_file():
            if not zipfile.is_zipfile(self.path):
                raise SourceFormatError(self.path, "not an O*NET text release (expected a folder or a .zip)")
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (*_ZIP_READ_ERRORS, OverflowError) as exc:
                raise SourceFormatError(self.path, f"cannot open the zip ({exc})") from None
            for member in self._zip.namelist():
                if member.endswith("/") or member.startswith("__MACOSX/"):
                    continue
                base = member.rsplit("/", 1)[-1]
                known = self._members.get(base)
                # The shallowest copy wins, so a zip holding one release folder just works.
                if known is None or member.count("/") < known.count("/"):
                    self._members[base] = member
        else:
            raise SourceFormatError(self.path, "no such folder or zip file")

    @staticmethod
    def _find_root(path: Path) -> Path:
        if (path / "Occupation Data.txt").is_file():
            return path
        for child in sorted(p for p in path.iterdir() if p.is_dir()):
            if (child / "Occupation Data.txt").is_file():
                return child
        return path

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> "Release":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        """Whether the release holds `name` (some files are optional: older releases lack them)."""
        if self._zip is not None:
            return name in self._members
        return (self._root / name).is_file()

    def read(self, name: str) -> tuple[str, str]:
        """(label for messages, decoded text)."""
        if self._zip is not None:
            member = self._members.get(name)
            label = f"{self.path}/{member or name}"
            if member is None:
                raise SourceFormatError(label, "file missing from the O*NET release zip")
            size = self._zip.getinfo(member).file_size
            if size > MAX_FILE_BYTES:
                raise SourceFormatError(label, _too_big(size))
            try:
                raw = self._zip.read(member)
            except _ZIP_READ_ERRORS as exc:  # a damaged or encrypted member: say so, never a traceback
                raise SourceFormatError(label, f"cannot read from the zip, it is damaged "
                                               f"({exc})") from None
        else:
            file = self._root / name
            label = str(file)
            if not file.is_file():
                raise SourceFormatError(label, "file missing from the O*NET release folder")
            try:
                if file.stat().st_size > MAX_FILE_BYTES:
                    raise SourceFormatError(label, _too_big(file.stat().st_size))
                raw = file.read_bytes()
            except OSError as exc:
                raise SourceFormatError(label, f"cannot read ({exc.strerror})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise SourceFormatError(label, f"not UTF-8 text (byte {exc.start})", line=line) from None
        return label, text


@dataclass
class _Table:
    label: str
    rows: list[tuple[int, tuple[str, ...]]]


def _read_table(release: Release, name: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> _Table:
    """Rows of `name` as (line number, values of `columns` in that order). Blank lines are skipped.

    A column in `optional` that the header lacks reads as "" on every row.
    """
    label, text = release.read(name)
    lines = text.split("\n")
    header = [h.strip() for h in lines[0].rstrip("\r").split("\t")]
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(h, i)
    padding = 0
    for column in columns:
        if column not in index:
            if column not in optional:
                raise SourceFormatError(label, "column missing from the header", line=1, column=column)
            index[column] = len(header) + padding
            padding += 1
    positions = [index[c] for c in columns]
    need = max(positions) + 1
    pick = itemgetter(*positions)
    single = len(positions) == 1
    rows: list[tuple[int, tuple[str, ...]]] = []
    append = rows.append
    for number, line in enumerate(lines[1:], start=2):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip():
            continue
        fields = line.split("\t")
        if padding:
            fields = fields[: len(header)] + [""] * (len(header) - len(fields)) + [""] * padding
        if len(fields) < need:
            short = next(c for c, p in zip(columns, positions) if p >= len(fields))
            raise SourceFormatError(
                label,
                f"the row has {len(fields)} tab-separated field{'s' if len(fields) != 1 else ''}; "
                "this column is missing",
                line=number, column=short,
            )
        values = pick(fields)
        append((number, (values,) if single else values))
    return _Table(label, rows)


def _code(table: _Table, line: int, column: str, text: str) -> str:
    code = text.strip()
    if not _CODE.match(code):
        raise SourceFormatError(table.label, f"{text!r} is not an O*NET-SOC code like 43-4051.00", line, column)
    return code


def _number(table: _Table, line: int, column: str, text: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise SourceFormatError(table.label, f"{text!r} is not a number", line, column) from None
    if not (low <= value <= high) or math.isnan(value):
        raise SourceFormatError(table.label, f"{text.strip()} is outside {low:g}..{high:g}", line, column)
    return value


def _integer(table: _Table, line: int, column: str, text: str, low: int, high: int) -> int:
    value = _number(table, line, column, text, low, high)
    if value != int(value):
        raise SourceFormatError(table.label, f"{text.strip()!r} is not a whole number", line, column)
    return int(value)


def _text(table: _Table, line: int, column: str, text: str) -> str:
    value = text.strip()
    if not value:
        raise SourceFormatError(table.label, "empty", line, column)
    return value


# ---------------------------------------------------------------------------------------------
# The files the importer reads


def read_occupations(release: Release) -> dict[str, tuple[str, str]]:
    table = _read_table(release, "Occupation Data.txt", (OCC, "Title", "Description"))
    result: dict[str, tuple[str, str]] = {}
    for line, (code, title, description) in table.rows:
        code = _code(table, line, OCC, code)
        if code in result:
            raise SourceFormatError(table.label, f"occupation {code} is listed twice", line, OCC)
        result[code] = (_text(table, line, "Title", title), description.strip())
    if not result:
        raise SourceFormatError(table.label, "holds no occupations")
    return result


def select_occupations(
    occupations: Mapping[str, object], soc_codes: Optional[Iterable[str]], release: Release
) -> set[str]:
    if soc_codes is None:
        return set(occupations)
    wanted = {c.strip() for c in soc_codes}
    unknown = sorted(wanted - set(occupations))
    if unknown:
        raise UnknownOccupationError(
            f"{release.path}: the O*NET release has no occupation {', '.join(unknown)}"
        )
    return wanted


def read_job_zones(release: Release) -> dict[str, int]:
    table = _read_table(release, "Job Zones.txt", (OCC, "Job Zone"))
    zones: dict[str, int] = {}
    for line, (code, zone) in table.rows:
        zones[_code(table, line, OCC, code)] = _integer(table, line, "Job Zone", zone, 1, 5)
    return zones


def read_job_zone_names(release: Release) -> dict[int, str]:
    table = _read_table(release, "Job Zone Reference.txt", ("Job Zone", "Name"))
    return {
        _integer(table, line, "Job Zone", zone, 1, 5): _text(table, line, "Name", name)
        for line, (zone, name) in table.rows
    }


def read_content_model(release: Release) -> dict[str, str]:
    table = _read_table(release, "Content Model Reference.txt", ("Element ID", "Description"))
    return {element.strip(): description.strip() for _, (element, description) in table.rows}


def read_anchors(release: Release) -> dict[str, dict[int, str]]:
    columns = ("Element ID", "Scale ID", "Anchor Value", "Anchor Description")
    table = _read_table(release, "Level Scale Anchors.txt", columns)
    anchors: dict[str, dict[int, str]] = {}
    for line, (element, scale, value, text) in table.rows:
        if scale.strip() != "LV":
            continue
        level = _integer(table, line, "Anchor Value", value, 0, 7)
        by_level = anchors.setdefault(element.strip(), {})
        if level in by_level:
            raise SourceFormatError(table.label, f"a second LV anchor at level {level}", line, "Anchor Value")
        by_level[level] = _text(table, line, "Anchor Description", text)
    return anchors


def read_ratings(
    release: Release,
    name: str,
    kind: str,
    wanted: set[str],
    elements: dict[str, tuple[str, str]],
    ratings: dict[str, list[dict]],
) -> None:
    columns = (OCC, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress",
               "Not Relevant", "Standard Error")
    table = _read_table(release, name, columns, optional=("Not Relevant", "Standard Error"))
    if not table.rows:
        # A header alone would import the other file's elements only (33 instead of 68), exit 0.
        raise SourceFormatError(table.label, f"holds no ratings, only its header: the {kind} ratings are missing")
    # (code, element) -> requirement dict, shared with `ratings`
    found: dict[tuple[str, str], dict] = {}
    codes: dict[str, str] = {}  # raw text -> checked code
    for line, (code, element, element_name, scale, value, suppress, not_relevant, error) in table.rows:
        scale = scale.strip()
        if scale == "LV":
            number = _number(table, line, "Data Value", value, 0, 7)
        elif scale == "IM":
            number = _number(table, line, "Data Value", value, 1, 5)
        else:
            continue
        checked = codes.get(code)
        if checked is None:
            checked = codes[code] = _code(table, line, OCC, code)
        code = checked
        element = element.strip()
        if element not in elements:
            if not element:
                raise SourceFormatError(table.label, "empty", line, "Element ID")
            elements[element] = (_text(table, line, "Element Name", element_name), kind)
        elif elements[element][1] != kind:
            raise SourceFormatError(table.label, f"element {element} is also rated in another file", line, "Element ID")
        if code not in wanted:
            continue
        key = (code, element)
        req = found.get(key)
        if req is None:
            req = {"competency": competency_id(element), "source": ONET_SOURCE_ID}
            found[key] = req
            ratings[code].append(req)
        field_name = "level" if scale == "LV" else "importance"
        if field_name in req:
            raise SourceFormatError(
                table.label, f"a second {scale} rating of {element} for {code}", line, "Scale ID"
            )
        req[field_name] = number
        if scale == "LV":
            flag = suppress.strip().upper()
            if flag not in ("Y", "N", ""):
                raise SourceFormatError(table.label, f"{suppress!r} is not Y or N", line, "Recommend Suppress")
            if flag == "Y":
                req["suppressed"] = True
            # O*NET flags a level whose importance is too low for the level to matter: "Not Relevant".
            relevant = not_relevant.strip().upper()
            if relevant not in ("Y", "N", ""):
                raise SourceFormatError(table.label, f"{not_relevant!r} is not Y or N", line, "Not Relevant")
            if relevant == "Y":
                req["not_relevant"] = True
            if error.strip() and error.strip().lower() != "n/a":
                req["standard_error"] = _number(table, line, "Standard Error", error, 0, 7)


def read_alt_titles(release: Release, wanted: set[str]) -> dict[str, tuple[str, ...]]:
    table = _read_table(release, "Alternate Titles.txt", (OCC, "Alternate Title", "Short Title"))
    collected: dict[str, dict[str, str]] = {}
    for line, (code, title, short) in table.rows:
        code = code.strip()
        if code not in wanted:
            if not _CODE.match(code):
                _code(table, line, OCC, code)
            continue
        bucket = collected.setdefault(code, {})
        for text in (title, short):
            text = " ".join(text.split())
            if text and text.lower() != "n/a":
                bucket.setdefault(text.casefold(), text)
    return {code: tuple(sorted(bucket.values(), key=lambda t: (t.casefold(), t))) for code, bucket in collected.items()}


def read_related(release: Release, wanted: set[str]) -> list[tuple[str, str, str, int]]:
    columns = (OCC, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    table = _read_table(release, "Related Occupations.txt", columns)
    result = []
    for line, (code, other, tier, index) in table.rows:
        code = _code(table, line, OCC, code)
        other = _code(table, line, "Related O*NET-SOC Code", other)
        if code in wanted and other in wanted and code != other:
            rank = _integer(table, line, "Index", index, 0, 1_000_000)
            result.append((code, other, _text(table, line, "Relatedness Tier", tier), rank))
    return result
