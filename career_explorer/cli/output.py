"""Shared helpers for CLI output: JSON, aligned tables, money, and opening the catalogue."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, Sequence

from career_explorer.paths import bundled_catalogue

if TYPE_CHECKING:
    from career_explorer.data.catalogue_repository import CatalogueRepository


class CliError(Exception):
    """A bad argument; printed as one line with exit status 2."""


def open_catalogue(args: argparse.Namespace) -> CatalogueRepository:
    from career_explorer.data.catalogue_repository import CatalogueRepository  # pydantic models: not at import

    return CatalogueRepository(args.catalogue or bundled_catalogue())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())



def non_blank(text: str) -> str:
    """argparse type for a role or person to look up: an empty one would match everything or nothing."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def validation_message(exc: Any) -> str:
    """A pydantic ValidationError as one line: which model field, and what its limit is."""
    errors = exc.errors()
    first = errors[0]
    field = ".".join(str(part) for part in first.get("loc", ())) or "value"
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    message = message.replace("String should", "must").replace("should", "must")
    value = first.get("input")
    if first.get("type") == "string_too_long" and isinstance(value, str):
        message += f" (this one has {len(value):,})"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{exc.title.lower()} {field}: {message}{more}"


def print_problems(problems: Sequence[Any], limit: int = 50, stream: Any = None, total: int = 0) -> None:
    """The first `limit` problems, one a line, then how many more: a broken file can have 50,000.

    `total` counts problems the importer found but did not keep in the list."""
    stream = stream or sys.stderr
    for problem in problems[:limit]:
        print(" ".join(str(problem).split()), file=stream)
    total = max(total, len(problems))
    if total > limit:
        print(f"… and {total - limit:,} more", file=stream)
