"""Importers: read public data sets (O*NET text release, BLS OEWS xlsx) into catalogue models.

No Qt here; long reads take ``progress(fraction, message)`` and ``cancel() -> bool`` callbacks.

The names below are loaded on first use (PEP 562): importing one light module of this package, such
as ``framework_layout`` for the CLI's ``--format`` choices, must not import the O*NET and OEWS readers
and the pydantic models behind them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# name -> the module of this package that defines it
_EXPORTS = {
    "Cancelled": "errors",
    "ImporterError": "errors",
    "SourceFormatError": "errors",
    "UnknownOccupationError": "errors",
    "OewsRelease": "oews",
    "OewsRow": "oews",
    "OewsRows": "oews",
    "band_for": "oews",
    "major_group_titles": "oews",
    "match_oews": "oews",
    "read_oews": "oews",
    "row_to_band": "oews",
    "ONET_SOURCE": "onet",
    "ONET_SOURCE_ID": "onet",
    "OnetData": "onet",
    "read_onet": "onet",
    "attach_wages": "onet_catalogue",
    "build_onet_catalogue": "onet_catalogue",
    "build_onet_parts": "onet_catalogue",
    "read_releases": "onet_catalogue",
    "source_document": "source_writer",
    "write_source_file": "source_writer",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from career_explorer.data.importers.errors import (
        Cancelled,
        ImporterError,
        SourceFormatError,
        UnknownOccupationError,
    )
    from career_explorer.data.importers.oews import (
        OewsRelease,
        OewsRow,
        OewsRows,
        band_for,
        major_group_titles,
        match_oews,
        read_oews,
        row_to_band,
    )
    from career_explorer.data.importers.onet import ONET_SOURCE, ONET_SOURCE_ID, OnetData, read_onet
    from career_explorer.data.importers.onet_catalogue import (
        attach_wages,
        build_onet_catalogue,
        build_onet_parts,
        read_releases,
    )
    from career_explorer.data.importers.source_writer import source_document, write_source_file


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
