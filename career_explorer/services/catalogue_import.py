"""Importing a catalogue: read an O*NET release, a company framework or a flat sheet, then write the
catalogue file. The one use case behind the CLI's `catalogue import…` commands and the GUI's Import menu.

Progress runs 0-READ_SHARE while the input is read and checked and the rest while the catalogue is written.
A cancel is honoured up to the final rename, so a cancelled import leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from career_explorer.data.importers.errors import Cancelled
from career_explorer.domain.progress import CancelCheck, Progress

if TYPE_CHECKING:
    from career_explorer.domain.catalogue import Catalogue

# Reading and checking an input takes most of an import; writing the SQLite file the rest.
READ_SHARE = 0.8


def _never() -> bool:
    return False


def reading(progress: Optional[Progress]) -> Optional[Progress]:
    """`progress` for the reading phase: 0-1 of the reader becomes 0-READ_SHARE of the import."""
    if progress is None:
        return None
    return lambda fraction, message: progress(READ_SHARE * fraction, message)


def write_imported(catalogue: "Catalogue", out: Path, progress: Optional[Progress] = None,
                   cancel: CancelCheck = _never) -> Path:
    """Write `catalogue` to `out` as the last READ_SHARE-1 of an import; a cancel before the rename writes nothing."""
    from career_explorer.data.compiler import write_catalogue  # sqlite-utils: only when writing

    def step(fraction: float, message: str) -> None:
        if fraction < 1.0 and cancel():
            raise Cancelled("the import was cancelled")
        if progress is not None:
            progress(READ_SHARE + (1.0 - READ_SHARE) * fraction, message)

    if cancel():
        raise Cancelled("the import was cancelled")
    write_catalogue(catalogue, out, step)
    return Path(out)


def import_onet(onet_dir: Path, wages: Optional[Path], out: Path, progress: Optional[Progress] = None,
                cancel: CancelCheck = _never) -> "Catalogue":
    """An O*NET text release (with OEWS wages when given) as a catalogue file at `out`."""
    from career_explorer.data.importers.onet_catalogue import build_onet_catalogue

    catalogue = build_onet_catalogue(onet_dir, wages, progress=reading(progress), cancel=cancel)
    write_imported(catalogue, out, progress, cancel)
    return catalogue


def import_framework_file(source: Path, out: Path, progress: Optional[Progress] = None,
                          cancel: CancelCheck = _never) -> "Catalogue":
    """A company framework (.xlsx, .json, .zip or CSV folder) as a catalogue file; FrameworkError writes nothing."""
    from career_explorer.data.importers.framework import import_framework

    catalogue = import_framework(source, progress=reading(progress))
    write_imported(catalogue, out, progress, cancel)
    return catalogue
