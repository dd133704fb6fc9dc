"""Read the BLS OEWS national spreadsheet (``national_M2024_dl.xlsx``) into wage rows and salary bands.

Special values, as BLS documents them:

- ``*``: no wage estimate; ``**``: no employment estimate. Both become None.
- ``#``: the wage is at least $115.00 an hour or $239,200 a year. The band stores that floor and lists
  the percentile in ``SalaryBand.lower_bounds``, so ``percentiles()`` and ``median`` leave it out and
  the UI can say "at least" instead of showing it as a figure.

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

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional, Union
from zipfile import BadZipFile

from career_explorer.data.importers.errors import Cancelled, SourceFormatError
from career_explorer.domain.catalogue import SalaryBand, Source

Progress = Optional[Callable[[float, str], None]]
Cancel = Optional[Callable[[], bool]]

OEWS_SOURCE_ID = "bls-oews-2024"
OEWS_AS_OF = dt.date(2024, 5, 1)
ANNUAL_FLOOR = 239_200.0
HOURLY_FLOOR = 115.0

OEWS_SOURCE = Source(
    id=OEWS_SOURCE_ID,
    name="U.S. BLS Occupational Employment and Wage Statistics, May 2024 (national)",
    url="https://www.bls.gov/oes/",
    licence="Public domain",
    note="'#' marks a wage of at least $115.00 an hour or $239,200 a year; it is kept as a lower bound.",
)

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
    annual_lower: tuple[str, ...] = ()  # keys whose value is '#' (at least ANNUAL_FLOOR)
    hourly_lower: tuple[str, ...] = ()
    annual_only: bool = False  # BLS ANNUAL flag
    hourly_only: bool = False  # BLS HOURLY flag
    row: int = 0  # spreadsheet row number

    @property
    def median(self) -> Optional[float]:
        """Annual median, None when missing or only a lower bound."""
        return None if "p50" in self.annual_lower else self.annual.get("p50")


def _cell(label: str, row: int, column: str, value: object, floor: float) -> tuple[Optional[float], bool]:
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
    progress: Progress = None,
    cancel: Cancel = None,
) -> dict[str, OewsRow]:
    """Read an OEWS national xlsx into {OCC_CODE: row}.

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
        result: dict[str, OewsRow] = {}

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
                value, lower = _cell(label, number, a_col, get(values, a_col), ANNUAL_FLOOR)
                annual[key] = value
                if lower:
                    annual_lower.append(key)
                value, lower = _cell(label, number, h_col, get(values, h_col), HOURLY_FLOOR)
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


def row_to_band(
    row: OewsRow,
    *,
    source: str = OEWS_SOURCE_ID,
    as_of: Optional[dt.date] = OEWS_AS_OF,
    note: Optional[str] = None,
) -> Optional[SalaryBand]:
    """The row's pay as a SalaryBand: annual when BLS gives any annual figure, else hourly.

    Returns None when the row has no wage at all.
    """
    notes = [note] if note else []
    if any(v is not None for v in row.annual.values()):
        values, lower, period = row.annual, row.annual_lower, "annual"
        if row.annual_only:
            notes.append("BLS publishes annual wages only for this occupation.")
        if lower:
            notes.append("'#' percentiles are at least $239,200 a year.")
    elif any(v is not None for v in row.hourly.values()):
        values, lower, period = row.hourly, row.hourly_lower, "hourly"
        notes.append("BLS publishes hourly wages only for this occupation.")
        if lower:
            notes.append("'#' percentiles are at least $115.00 an hour.")
    else:
        return None
    data = {key: value for key, value in values.items() if value is not None}
    data.update(
        source=source,
        region="US",
        currency="USD",
        basis="base",
        period=period,
        lower_bounds=tuple(k for k in SalaryBand.PERCENTILES if k in lower),
        as_of=as_of,
        note=" ".join(notes) or None,
    )
    if "mean" in lower:
        # A mean given only as '#' is a floor too; the model has no place for that, so leave it out.
        data.pop("mean", None)
    return SalaryBand.model_validate(data)


def band_for(soc_code: str, rows: Mapping[str, OewsRow]) -> Optional[SalaryBand]:
    """The OEWS band for an O*NET-SOC code, or None when OEWS has no wage for it."""
    row, exact = match_oews(soc_code, rows)
    if row is None:
        return None
    # 11-1011.03 (an O*NET detail of SOC 11-1011) gets the estimate for all of 11-1011; say so.
    note = None
    if not (exact and soc_code.endswith(".00")):
        note = f"BLS estimate for SOC {row.occ_code} {row.title}, which includes this occupation."
    return row_to_band(row, note=note)
