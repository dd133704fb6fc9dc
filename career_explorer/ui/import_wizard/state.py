"""What the wizard's pages have decided so far, and the MAP.toml it adds up to (no widgets here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from career_explorer.data.importers.sheet_collect import FlatSheet, read_flat
from career_explorer.data.importers.sheet_mapping import (
    CatalogueSection,
    LadderSection,
    OnetChoice,
    ScaleSection,
    SheetMap,
)
from career_explorer.domain.base import slugify
from career_explorer.domain.role_listing import Track


@dataclass
class WizardState:
    """Filled page by page; `mapping()` is what gets saved as MAP.toml."""

    path: Optional[Path] = None
    sheet: Optional[str] = None
    header: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    catalogue_name: str = "Company framework"
    version: str = "1"
    scale_name: str = "Skill level"
    words: list[str] = field(default_factory=list)
    ladders: dict[str, LadderSection] = field(default_factory=dict)
    tracks: dict[str, Track] = field(default_factory=dict)
    onet: dict[str, OnetChoice] = field(default_factory=dict)
    flat: Optional[FlatSheet] = None

    def ignored(self) -> list[str]:
        """Sheet columns the user left unmapped: saved in the map's ignore list, so nothing is dropped unseen."""
        used = set(self.columns.values())
        return [h for h in self.header if h and not h.startswith("_") and h not in used]

    def mapping(self) -> SheetMap:
        scale = (ScaleSection(id=slugify(self.scale_name), name=self.scale_name, levels=tuple(self.words))
                 if len(self.words) >= 2 else None)
        return SheetMap(sheet=self.sheet, catalogue=CatalogueSection(name=self.catalogue_name, version=self.version),
                        columns=dict(self.columns), ignore=tuple(self.ignored()), scale=scale,
                        ladders=dict(self.ladders), tracks=dict(self.tracks), onet=dict(self.onet))

    def read(self) -> FlatSheet:
        """Read the sheet with the columns chosen so far, for the level words, ladders and role types."""
        mapping = SheetMap(sheet=self.sheet, columns=dict(self.columns), ignore=tuple(self.ignored()))
        self.flat = read_flat(self.path, mapping)
        return self.flat

    def ladder_titles(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for ladder, title in (self.flat.roles if self.flat else {}):
            found.setdefault(ladder, []).append(title)
        return found

    def role_types(self) -> list[str]:
        if self.flat is None:
            return []
        return sorted({r.fields["role_type"] for r in self.flat.roles.values() if r.fields.get("role_type")})
