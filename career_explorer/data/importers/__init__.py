"""Importers: read public data sets (O*NET text release, BLS OEWS xlsx) into catalogue models.

No Qt here; long reads take ``progress(fraction, message)`` and ``cancel() -> bool`` callbacks.
"""

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

__all__ = [
    "Cancelled",
    "ImporterError",
    "ONET_SOURCE",
    "ONET_SOURCE_ID",
    "OewsRelease",
    "OewsRow",
    "OewsRows",
    "OnetData",
    "SourceFormatError",
    "UnknownOccupationError",
    "attach_wages",
    "band_for",
    "build_onet_catalogue",
    "build_onet_parts",
    "major_group_titles",
    "match_oews",
    "read_oews",
    "read_onet",
    "read_releases",
    "row_to_band",
    "source_document",
    "write_source_file",
]
