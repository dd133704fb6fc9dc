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


