"""Read the BLS OEWS national spreadsheet (``national_M2024_dl.xlsx``) into wage rows and salary bands.

Special values, as BLS documents them:

- ``*``: no wage estimate; ``**``: no employment estimate. Both become None.
- ``#``: the wage is at least the release's top-code floor ($100.00 an hour or $208,000 a year up to
  May 2021, $115.00 / $239,200 from May 2022). The floor is read from the workbook's own
  ``Field Descriptions`` sheet, never assumed. The band stores that floor and lists the percentile in
  ``SalaryBand.lower_bounds``, so ``percentiles()`` and ``median`` leave it out and the UI can say
  "at least" instead of showing it as a figure.

The release (month and year) is read from the workbook too: the ``Field Descriptions`` sheet's
"May 2024 OEWS Estimates" line, else a sheet name such as ``national_M2024_dl`` (M is May). Each
release becomes its own source (``bls-oews-2024``, "BLS OEWS May 2024") in the series
``bls-oews-national``, so a catalogue can hold a wage history.

A few occupations have annual wages only (``ANNUAL = TRUE``: teachers, pilots) and a few hourly wages
only (``HOURLY = TRUE``: actors, dancers, musicians). A row without any annual figure gives an hourly
band, so those occupations keep their pay with the right period.

Joining: an O*NET-SOC code's first 7 characters are the OEWS ``OCC_CODE`` (43-4051.00 -> 43-4051).
Where BLS publishes one estimate for several SOC occupations, the OEWS row is a "detailed" row coded
like a broad group (13-1020 for 13-1021, 13-1022, 13-1023); ``match_oews`` falls back to it, and
``band_for`` notes on the band that the estimate covers a wider group (also for O*NET-only details
such as 11-1011.03, which get the 11-1011 estimate).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Union
from zipfile import BadZipFile

from career_explorer.data.importers.errors import Cancelled, SourceFormatError
from career_explorer.domain.catalogue import SalaryBand, Source
from career_explorer.domain.progress import CancelCheck, Progress

SERIES = "bls-oews-national"
SERIES_NAME = "BLS OEWS national wages"
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_RELEASE_LINE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\s+OEWS\b", re.IGNORECASE)
_RELEASE_SHEET = re.compile(r"_M(\d{4})(?:_|$)")
_MONEY = r"\$\s*([\d,]+(?:\.\d+)?)"
_FLOOR_LINE = re.compile(r"#\s*=?.*?" + _MONEY + r"\s*(?:per|an|/)\s*hour.*?" + _MONEY + r"\s*(?:per|a|/)\s*year",
                         re.IGNORECASE)


@dataclass(frozen=True)
class OewsRelease:
    """Which OEWS release a workbook is, and its '#' top-code floors, as the workbook states them."""

    year: int
    month: int
    annual_floor: Optional[float] = None
    hourly_floor: Optional[float] = None

    @property
    def label(self) -> str:
        """"May 2024"."""
        return f"{calendar.month_name[self.month]} {self.year}"

    @property
    def source_id(self) -> str:
        """``bls-oews-2024`` for a May release (BLS's usual reference month), else ``bls-oews-2024-11``."""
        return f"bls-oews-{self.year}" if self.month == 5 else f"bls-oews-{self.year}-{self.month:02d}"

    @property
    def as_of(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def floor_text(self) -> str:
        if self.annual_floor is None or self.hourly_floor is None:
            return "the release states no '#' floor"
        return f"at least ${self.hourly_floor:,.2f} an hour or ${self.annual_floor:,.0f} a year"

    def source(self) -> Source:
        return Source(
            id=self.source_id,
            name=f"U.S. BLS Occupational Employment and Wage Statistics, {self.label} (national)",
            short_name=f"BLS OEWS {self.label}",
            series=SERIES,
            url="https://www.bls.gov/oes/",
            licence="Public domain",
            note=f"National wage percentiles for {self.label}. '#' marks a wage of {self.floor_text()}; "
                 "it is kept as a lower bound.",
        )


class OewsRows(dict):
    """{OCC_CODE: OewsRow} read from one workbook, with the workbook's `release`."""

    release: OewsRelease


# band field -> (annual column, hourly column)
WAGE_COLUMNS: dict[str, tuple[str, str]] = {
    "p10": ("A_PCT10", "H_PCT10"),
    "p25": ("A_PCT25", "H_PCT25"),
    "p50": ("A_MEDIAN", "H_MEDIAN"),
    "p75": ("A_PCT75", "H_PCT75"),
    "p90": ("A_PCT90", "H_PCT90"),
    "mean": ("A_MEAN", "H_MEAN"),
}
REQUIRED_COLUMNS = ("OCC_CODE", "OCC_TITLE", "O_GROUP") + tuple(a for a, _ in WAGE_COLUMNS.values())
# Older releases call O_GROUP OCC_GROUP.
COLUMN_ALIASES = {"OCC_GROUP": "O_GROUP"}

_GROUP_ORDER = {"detailed": 0, "broad": 1, "minor": 2, "major": 3, "total": 4}


@dataclass(frozen=True)
class OewsRow:
    """One OEWS occupation row. Wages are None when BLS gives none; '#' values hold the floor."""

    occ_code: str
    title: str
    group: str  # detailed, broad, minor, major or total
    employment: Optional[int]
    annual: Mapping[str, Optional[float]]  # keys of WAGE_COLUMNS
    hourly: Mapping[str, Optional[float]]
    annual_lower: tuple[str, ...] = ()  # keys whose value is '#' (at least the release's annual floor)
    hourly_lower: tuple[str, ...] = ()
    annual_only: bool = False  # BLS ANNUAL flag
    hourly_only: bool = False  # BLS HOURLY flag
    row: int = 0  # spreadsheet row number
    release: Optional[OewsRelease] = None

    @property
    def median(self) -> Optional[float]:
        """Annual median, None when missing or only a lower bound."""
        return None if "p50" in self.annual_lower else self.annual.get("p50")


def _cell(label: str, row: int, column: str, value: object, floor: Optional[float]) -> tuple[Optional[float], bool]:
    """(number or None, is_lower_bound)."""
    if value is None:
        return None, False
    if isinstance(value, bool):
        raise SourceFormatError(label, f"{value!r} is not a wage", row, column)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if text in ("", "*", "**"):
            return None, False
        if text == "#":
            if floor is None:
                raise SourceFormatError(
                    label, "'#' marks a top-coded wage, but the Field Descriptions sheet states no '#' floor",
                    row, column,
                )
            return floor, True
        try:
            number = float(text.replace(",", "").lstrip("$"))
        except ValueError:
            raise SourceFormatError(label, f"{text!r} is not a wage, '*', '**' or '#'", row, column) from None
    if math.isnan(number) or math.isinf(number) or number < 0:
        raise SourceFormatError(label, f"{value!r} is not a wage", row, column)
    return (number if number > 0 else None), False


def _employment(label: str, row: int, value: object) -> Optional[int]:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value).strip().replace(",", "")
    if text in ("", "*", "**"):
        return None
    try:
        return int(float(text))
    except ValueError:
        raise SourceFormatError(label, f"{value!r} is not an employment count", row, "TOT_EMP") from None


def read_oews(
    path: Union[str, Path],
    *,
    groups: Optional[set[str]] = None,
    progress: Optional[Progress] = None,
    cancel: Optional[CancelCheck] = None,
) -> OewsRows:
    """Read an OEWS national xlsx into {OCC_CODE: row}, with the release it is (``.release``).

    All groups are read unless `groups` restricts them (e.g. {"detailed"}). When a code appears in
    two groups (BLS repeats some broad codes as detailed rows), the detailed row wins.
    Raises SourceFormatError naming file, row and column.
    """
    import openpyxl  # local: only importers need it
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    label = str(path)
    if not path.is_file():
        raise SourceFormatError(label, "no such file")
    if cancel is not None and cancel():
        raise Cancelled("the OEWS import was cancelled")
    if progress is not None:
        progress(0.0, "Opening the OEWS spreadsheet")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise SourceFormatError(label, f"not a readable .xlsx workbook ({exc})") from None
    try:
        sheet, header = _find_sheet(workbook, label)
        release = read_release(workbook, label)
        index: dict[str, int] = {}
        for i, name in enumerate(header):
            if name is None:
                continue
            key = str(name).strip().upper()
            key = COLUMN_ALIASES.get(key, key)
            index.setdefault(key, i)
        for column in REQUIRED_COLUMNS:
            if column not in index:
                raise SourceFormatError(
                    label, f"column missing from the header of sheet {sheet.title!r}", 1, column
                )
        total = max(sheet.max_row or 0, 1)
        result = OewsRows()
        result.release = release

        def get(values: tuple, name: str) -> object:
            position = index.get(name)
            return values[position] if position is not None and position < len(values) else None

        for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            if number % 200 == 0:
                if cancel is not None and cancel():
                    raise Cancelled("the OEWS import was cancelled")
                if progress is not None:
                    progress(min(number / total, 1.0), "Reading OEWS wages")
            code = get(values, "OCC_CODE")
            if code is None or not str(code).strip():
                continue
            code = str(code).strip()
            if len(code) != 7 or code[2] != "-" or not (code[:2] + code[3:]).isdigit():
                raise SourceFormatError(label, f"{code!r} is not an SOC code like 43-4051", number, "OCC_CODE")
            group = str(get(values, "O_GROUP") or "").strip().lower()
            if groups is not None and group not in groups:
                continue
            annual: dict[str, Optional[float]] = {}
            hourly: dict[str, Optional[float]] = {}
            annual_lower: list[str] = []
            hourly_lower: list[str] = []
            for key, (a_col, h_col) in WAGE_COLUMNS.items():
                value, lower = _cell(label, number, a_col, get(values, a_col), release.annual_floor)
                annual[key] = value
                if lower:
                    annual_lower.append(key)
                value, lower = _cell(label, number, h_col, get(values, h_col), release.hourly_floor)
                hourly[key] = value
                if lower:
                    hourly_lower.append(key)
            title = str(get(values, "OCC_TITLE") or "").strip()
            if not title:
                raise SourceFormatError(label, "empty", number, "OCC_TITLE")
            row = OewsRow(
                occ_code=code,
                title=title,
                group=group,
                employment=_employment(label, number, get(values, "TOT_EMP")),
                annual=annual,
                hourly=hourly,
                annual_lower=tuple(annual_lower),
                hourly_lower=tuple(hourly_lower),
                annual_only=_flag(get(values, "ANNUAL")),
                hourly_only=_flag(get(values, "HOURLY")),
                row=number,
                release=release,
            )
            known = result.get(code)
            if known is None or _GROUP_ORDER.get(group, 9) < _GROUP_ORDER.get(known.group, 9):
                result[code] = row
    finally:
        workbook.close()
    if not result:
        raise SourceFormatError(label, f"sheet {sheet.title!r} holds no occupation rows")
    if progress is not None:
        progress(1.0, f"Read {len(result)} OEWS rows")
    return result


def _flag(value: object) -> bool:
    return value is True or str(value or "").strip().upper() in ("TRUE", "YES", "Y", "1")


def _find_sheet(workbook, label: str):
    """The first sheet whose header row holds OCC_CODE (the data sheet, not Field Descriptions)."""
    for sheet in workbook.worksheets:
        for values in sheet.iter_rows(min_row=1, max_row=1, values_only=True):
            names = {str(v).strip().upper() for v in values if v is not None}
            if "OCC_CODE" in names:
                return sheet, values
    raise SourceFormatError(label, "no sheet has an OCC_CODE column in its first row", 1, "OCC_CODE")


def read_release(workbook, label: str) -> OewsRelease:
    """The release month and year, and the '#' floors, from the workbook's own words.

    The ``Field Descriptions`` sheet says "May 2024 OEWS Estimates" and "# = ... $115.00 per hour or
    $239,200 per year"; a data sheet named like ``national_M2024_dl`` is the fallback for the year.
    """
    month = year = None
    annual_floor = hourly_floor = None
    for sheet in workbook.worksheets:
        if "field" not in sheet.title.lower():
            continue
        for values in sheet.iter_rows(max_row=400, values_only=True):
            for value in values:
                if not isinstance(value, str):
                    continue
                found = _RELEASE_LINE.search(value)
                if found and year is None:
                    month, year = _MONTHS[found.group(1).lower()], int(found.group(2))
                floor = _FLOOR_LINE.search(value)
                if floor and annual_floor is None:
                    hourly_floor = float(floor.group(1).replace(",", ""))
                    annual_floor = float(floor.group(2).replace(",", ""))
    if year is None:
        for sheet in workbook.worksheets:
            found = _RELEASE_SHEET.search(sheet.title)
            if found:
                month, year = 5, int(found.group(1))
                break
    if year is None or month is None:
        raise SourceFormatError(
            label, "cannot tell which OEWS release this is: no 'May 2024 OEWS Estimates' line in a "
                   "Field Descriptions sheet and no sheet named like national_M2024_dl",
        )
    if not 1990 <= year <= 2100:
        raise SourceFormatError(label, f"{year} is not a plausible OEWS release year")
    return OewsRelease(year=year, month=month, annual_floor=annual_floor, hourly_floor=hourly_floor)


def major_group_titles(rows: Mapping[str, OewsRow]) -> dict[str, str]:
    """SOC major group ("43") -> OEWS title ("Office and Administrative Support Occupations")."""
    return {
        row.occ_code[:2]: row.title
        for row in rows.values()
        if row.group == "major" or (row.occ_code.endswith("-0000") and row.occ_code != "00-0000")
    }


def match_oews(soc_code: str, rows: Mapping[str, OewsRow]) -> tuple[Optional[OewsRow], bool]:
    """(row, exact) for an O*NET-SOC code. exact is False for a BLS aggregate of several occupations."""
    code = soc_code[:7]
    row = rows.get(code)
    if row is not None and row.group == "detailed":
        return row, True
    aggregate = rows.get(code[:6] + "0")
    if aggregate is not None and aggregate.group == "detailed" and aggregate.occ_code != code:
        return aggregate, False
    return None, False


def row_to_band(row: OewsRow, *, note: Optional[str] = None) -> Optional[SalaryBand]:
    """The row's pay as a SalaryBand from its release: annual when BLS gives any annual figure, else hourly.

    Returns None when the row has no wage at all.
    """
    release = row.release
    if release is None:
        raise ValueError(f"OEWS row {row.occ_code} does not say which release it is from")
    notes = [note] if note else []
    if any(v is not None for v in row.annual.values()):
        values, lower, period = row.annual, row.annual_lower, "annual"
        if row.annual_only:
            notes.append("BLS publishes annual wages only for this occupation.")
        if lower:
            notes.append(f"'#' percentiles are at least ${release.annual_floor:,.0f} a year.")
    elif any(v is not None for v in row.hourly.values()):
        values, lower, period = row.hourly, row.hourly_lower, "hourly"
        notes.append("BLS publishes hourly wages only for this occupation.")
        if lower:
            notes.append(f"'#' percentiles are at least ${release.hourly_floor:,.2f} an hour.")
    else:
        return None
    data = {key: value for key, value in values.items() if value is not None}
    data.update(
        source=release.source_id,
        region="US",
        currency="USD",
        basis="base",
        period=period,
        lower_bounds=tuple(k for k in SalaryBand.PERCENTILES if k in lower),
        as_of=release.as_of,
        note=" ".join(notes) or None,
    )
    if "mean" in lower:
        # A mean given only as '#' is a floor too; the model has no place for that, so leave it out.
        data.pop("mean", None)
    return SalaryBand.model_validate(data)


def band_for(soc_code: str, rows: Mapping[str, OewsRow]) -> Optional[SalaryBand]:
    """The OEWS band for an O*NET-SOC code, or None when this release has no wage for it.

    Only this release's rows are looked at: a code missing from it stays missing.
    """
    row, exact = match_oews(soc_code, rows)
    if row is None:
        return None
    # 11-1011.03 (an O*NET detail of SOC 11-1011) gets the estimate for all of 11-1011; say so.
    if exact and soc_code.endswith(".00"):
        return row_to_band(row)
    group = f"SOC {row.occ_code} {row.title}"
    band = row_to_band(row, note=f"BLS estimate for {group}, a group that includes this occupation.")
    return band.model_copy(update={"covers": group}) if band is not None else None
