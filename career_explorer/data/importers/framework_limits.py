"""How much a company framework may hold, and the checks made before anything is read.

The limits keep an import within about 1 GB of memory and a minute or two on any input, however
hostile: a 1 MB zip may unpack to gigabytes, a workbook may claim millions of rows. Sizes are checked
from the zip's directory (or the file system) before a byte is decompressed; rows are counted as they
stream in and reading stops at the limit. Every message names the limit that was hit, so a person
with a genuinely large framework knows what to split (docs/framework-format.md lists them).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Iterable, Optional

MiB = 1 << 20

# Compression methods Python's zipfile can read; anything else fails on the first read.
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


@dataclass(frozen=True)
class Limits:
    # One CSV file, zip member or workbook part, uncompressed.
    file_bytes: int = 256 * MiB
    # Everything the importer reads from one framework, uncompressed.
    total_bytes: int = 512 * MiB
    # A JSON framework is parsed whole, so its limit is lower: 32 MiB holds 100,000 roles.
    json_bytes: int = 32 * MiB
    # A workbook's shared strings are loaded whole by openpyxl.
    shared_strings_bytes: int = 64 * MiB
    # One CSV line: a runaway quote or a file without line ends would otherwise be read whole.
    line_bytes: int = 1 * MiB
    # Rows of one table, and of all tables together (each row is held until it is checked).
    table_rows: int = 500_000
    total_rows: int = 1_000_000
    # Problems kept for the report; the rest are only counted.
    problems: int = 1000


LIMITS = Limits()


def size_text(size: int) -> str:
    return f"{size / MiB:,.0f} MiB" if size >= MiB else f"{size:,} bytes"


def too_big(what: str, size: int, limit: int) -> str:
    return f"{what} is {size_text(size)} uncompressed, above the limit of {size_text(limit)}"


def member_problem(info: zipfile.ZipInfo, limit: int) -> Optional[str]:
    """Why a zip member cannot be read, judged from the zip's directory alone; None if it can."""
    if info.flag_bits & 0x1:
        return "the member is encrypted (password-protected zips are not supported: zip it again without a password)"
    if info.compress_type not in READABLE_METHODS:
        return f"the member uses compression method {info.compress_type}, which cannot be read (use deflate)"
    if info.file_size > limit:
        return too_big("the member", info.file_size, limit)
    return None


def total_problem(infos: Iterable[zipfile.ZipInfo], limit: int) -> Optional[str]:
    total = sum(i.file_size for i in infos)
    return too_big("together the members the importer reads", total, limit) if total > limit else None


class RowCounter:
    """Counts rows across every table, so the total limit holds however the rows are split."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total = 0

    def check(self, table_rows: int) -> Optional[str]:
        """Called once per row read; the reason to stop reading, or None."""
        self.total += 1
        if table_rows > self.limits.table_rows:
            return (f"more than {self.limits.table_rows:,} rows, the limit for one table: "
                    "split the framework or leave out what the app does not need")
        if self.total > self.limits.total_rows:
            return f"more than {self.limits.total_rows:,} rows in all tables together, the limit for one framework"
        return None
