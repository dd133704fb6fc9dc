"""Import a flat framework sheet with its MAP.toml into a catalogue file: the CLI's and the wizard's use case."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from career_explorer.data.importers.sheet_convert import SheetImport, import_sheet
from career_explorer.data.importers.sheet_mapping import SheetMap, load_map

Progress = Optional[Callable[[float, str], None]]


def import_sheet_file(sheet: Path, map_path: Path, out: Path, progress: Progress = None,
                      cancel: Optional[Callable[[], bool]] = None) -> SheetImport:
    """Read MAP.toml, then import as import_sheet_mapped does."""
    return import_sheet_mapped(sheet, load_map(map_path), out, Path(map_path).name, progress, cancel)


def import_sheet_mapped(sheet: Path, mapping: SheetMap, out: Path, map_label: str = "MAP.toml",
                        progress: Progress = None, cancel: Optional[Callable[[], bool]] = None) -> SheetImport:
    """Check the whole sheet, then write `out` atomically; on any problem raise FrameworkError, writing nothing."""
    from career_explorer.data.compiler import write_catalogue  # sqlite-utils: only when writing

    result = import_sheet(sheet, mapping, map_label, progress=progress, cancel=cancel)
    write_catalogue(result.catalogue, out,
                    progress=(lambda f, m: progress(0.8 + 0.2 * f, m)) if progress else None)
    return result
