"""The company-framework layout: its tables and columns, problems, and cell values.

Every format (a folder or zip of CSV files, an XLSX workbook, a JSON object) holds the same tables
with the same columns; help/framework-format.md describes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional, Union

from career_explorer.data.errors import DataError

# table -> (columns in export order, columns a file must have when it gives the table)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "catalogue": (("name", "version", "description"), ("name", "version")),
    "sources": (
        ("id", "name", "short_name", "series", "licence", "url", "retrieved", "attribution", "note"),
        ("id", "name", "licence"),
    ),
    "scales": (("id", "name", "min", "max"), ("id", "name", "min", "max")),
    "anchors": (("scale", "value", "label"), ("scale", "value", "label")),
    "families": (("id", "name"), ("id", "name")),
    "levels": (("code", "name", "track", "ladder", "rank", "next"), ("code",)),
    "competencies": (("id", "name", "kind", "scale", "definition", "examples", "source"), ("id", "name")),
    "behaviours": (("competency", "level", "text", "source"), ("competency", "level", "text")),
    "roles": (
        ("id", "title", "family", "level", "job_code", "soc_code", "summary", "responsibilities", "education",
         "reports_to", "unpublished", "unpublished_unknown", "note", "source"),
        ("id", "title"),
    ),
    "alt_titles": (("role", "title"), ("role", "title")),
    "pay": (
        ("role", "level", "source", "region", "currency", "basis", "period", "p10", "p25", "p50", "p75", "p90",
         "mean", "entry", "experienced", "lower_bounds", "as_of", "covers", "note"),
        (),
    ),
    "requirements": (
        ("role", "competency", "level", "level_word", "importance", "suppressed", "not_relevant", "standard_error",
         "source"),
        ("role", "competency"),
    ),
    "experience": (
        ("role", "category", "label", "share", "respondents", "as_of", "suppressed", "source"),
        ("role", "category", "label", "share"),
    ),
    "transitions": (("from_role", "to_role", "kind", "basis", "tier", "source"), ("from_role", "to_role")),
}
REQUIRED_TABLES = ("catalogue", "roles")
FORMATS = ("csv", "xlsx", "json")

Cell = Optional[str]
Value = Union[str, int, float, bool, None]


@dataclass(frozen=True)
class Problem:
    """One problem in a framework file, shown as `file:row:column: message`."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class ProblemList(list):
    """Problems in the order found, keeping the first `limit`; `total` counts every one.

    A file with a million bad rows must not hold a million messages: the report shows the first
    ones and says how many there are in all.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self) < self.limit:
            super().append(problem)


class FrameworkError(DataError):
    """A framework file has problems; `problems` lists them (the first `Limits.problems` of them) and
    `total` counts them all."""

    def __init__(self, problems: list[Problem], total: Optional[int] = None) -> None:
        self.problems = list(problems)
        self.total = max(total or 0, len(self.problems))
        more = f" (and {self.total - 1} more)" if self.total > 1 else ""
        super().__init__(f"{self.problems[0]}{more}")


@dataclass
class Table:
    """One table as read from a file: its label for messages, header and rows.

    A row is (row number, cells) with one cell per entry of `columns`, in that order: tuples, not
    dicts, because a large framework holds a million of them at once.
    """

    name: str
    label: str
    header_row: int = 1
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, tuple[Cell, ...]]] = field(default_factory=list)

    def records(self):
        """(row number, {column: cell}) for each row, cells that are empty left out."""
        columns = self.columns
        for number, cells in self.rows:
            yield number, {c: v for c, v in zip(columns, cells) if v is not None}


def column_key(header: object) -> str:
    """'Job code ' -> 'job_code'."""
    return "_".join(str(header or "").strip().lower().replace("-", " ").split())


def table_key(name: str) -> str:
    key = column_key(name)
    return {"behaviors": "behaviours", "alternate_titles": "alt_titles", "job_levels": "levels",
            "job_families": "families", "salaries": "pay", "pay_bands": "pay"}.get(key, key)


def cell_text(value: object) -> Cell:
    """Any cell (CSV text, XLSX value, JSON scalar) as stripped text; empty is None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def export_number(value: Optional[float]) -> Value:
    """Numbers as they are exported: whole numbers without a fraction."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)
