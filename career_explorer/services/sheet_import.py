"""Import a flat framework sheet with its MAP.toml into a catalogue file: the CLI's and the wizard's use case."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional

from career_explorer.data.importers.sheet_convert import SheetImport, import_sheet
from career_explorer.data.importers.sheet_mapping import SheetMap, load_map
from career_explorer.domain.progress import CancelCheck, Progress


def import_sheet_file(sheet: Path, map_path: Path, out: Path, progress: Optional[Progress] = None,
                      cancel: Optional[CancelCheck] = None) -> SheetImport:
    """Read MAP.toml, then import as import_sheet_mapped does."""
    return import_sheet_mapped(sheet, load_map(map_path), out, Path(map_path).name, progress, cancel)


def import_sheet_mapped(sheet: Path, mapping: SheetMap, out: Path, map_label: str = "MAP.toml",
                        progress: Optional[Progress] = None, cancel: Optional[CancelCheck] = None) -> SheetImport:
    """Check the whole sheet, then write `out` atomically; on any problem raise FrameworkError, writing nothing."""
    from career_explorer.services.catalogue_import import write_imported

    result = import_sheet(sheet, mapping, map_label, progress=progress, cancel=cancel)
    if any(choice.status == "confirmed" for choice in mapping.onet.values()):
        result = replace(result, catalogue=_with_twins(result.catalogue, mapping))
    # The sheet reader reports 0-0.8 itself (catalogue_import.READ_SHARE); writing takes the rest.
    write_imported(result.catalogue, out, progress, cancel or (lambda: False))
    return result


def _with_twins(catalogue, mapping: SheetMap):
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.services.sheet_onet import add_twins

    bundled = CatalogueRepository(bundled_catalogue())
    try:
        return add_twins(catalogue, mapping, bundled)
    finally:
        bundled.close()


def propose_onet_file(sheet: Path, map_path: Path) -> SheetMap:
    """Add an O*NET proposal (status "proposed") for every role level MAP.toml does not decide yet; save it."""
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.importers.framework_layout import FrameworkError
    from career_explorer.data.importers.sheet_collect import read_flat
    from career_explorer.data.importers.sheet_mapping import save_map
    from career_explorer.paths import bundled_catalogue
    from career_explorer.services.sheet_onet import propose_all

    mapping = load_map(map_path)
    flat = read_flat(sheet, mapping)
    if flat.problems:
        raise FrameworkError(flat.problems)
    bundled = CatalogueRepository(bundled_catalogue())
    try:
        roles = [(ladder, title, role.fields.get("family")) for (ladder, title), role in flat.roles.items()]
        mapping = mapping.model_copy(update={"onet": propose_all(bundled, roles, mapping)})
    finally:
        bundled.close()
    save_map(mapping, map_path)
    return mapping
