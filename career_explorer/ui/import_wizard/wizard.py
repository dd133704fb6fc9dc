"""File > Import company framework from a sheet: a wizard that builds MAP.toml page by page, then imports.

`SheetWizard.ask(parent)` returns a SheetRequest (the sheet, its map, where to write) or None; tests
patch it, or drive the wizard's pages through their own widgets. The import itself runs afterwards as
every import does (CatalogueMenu.run_import: a worker thread, progress and Cancel).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QWidget, QWizard

from career_explorer.data.importers.sheet_mapping import SheetMap, save_map
from career_explorer.ui.import_wizard.ladder_pages import LaddersPage, OnetPage
from career_explorer.ui.import_wizard.preview_pages import PreviewPage, SavePage
from career_explorer.ui.import_wizard.sheet_pages import ColumnsPage, FilePage, ScalePage
from career_explorer.ui.import_wizard.state import WizardState


@dataclass(frozen=True)
class SheetRequest:
    sheet: Path
    mapping: SheetMap
    map_path: Path
    output: Path

    title = "Importing the company framework"

    @property
    def source(self) -> Path:
        return self.sheet


def propose_onet(roles, mapping: SheetMap) -> dict:
    """O*NET proposals from the bundled catalogue's title index (the service the CLI's --propose-onet uses)."""
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.services.sheet_onet import propose_all

    bundled = CatalogueRepository(bundled_catalogue())
    try:
        return propose_all(bundled, roles, mapping)
    finally:
        bundled.close()


class SheetWizard(QWizard):
    """Six pages: file, columns, scale, ladders (and O*NET), preview, save."""

    def __init__(self, parent: Optional[QWidget] = None, propose=propose_onet) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import company framework from a sheet")
        self.setWizardStyle(QWizard.ClassicStyle)  # the same look on every platform, and no side image to clip
        self.state = WizardState()
        self.file_page = FilePage(self.state, self)
        self.columns_page = ColumnsPage(self.state, self)
        self.scale_page = ScalePage(self.state, self)
        self.ladders_page = LaddersPage(self.state, self)
        self.onet_page = OnetPage(self.state, propose, self)
        self.preview_page = PreviewPage(self.state, self)
        self.save_page = SavePage(self.state, self)
        for page in (self.file_page, self.columns_page, self.scale_page, self.ladders_page, self.onet_page,
                     self.preview_page, self.save_page):
            self.addPage(page)
        self.setButtonText(QWizard.FinishButton, "Import")
        self.resize(820, 620)

    def request(self) -> SheetRequest:
        return SheetRequest(self.state.path, self.state.mapping(), self.save_page.map_path(), self.save_page.output())

    def accept(self) -> None:
        save_map(self.state.mapping(), self.save_page.map_path())
        super().accept()

    @classmethod
    def ask(cls, parent: Optional[QWidget]) -> Optional[SheetRequest]:
        wizard = cls(parent)
        return wizard.request() if wizard.exec() == QWizard.Accepted else None


def sheet_job(request: SheetRequest):
    """The worker's job: check the whole sheet, then write the catalogue (nothing on a problem or Cancel)."""

    def job(progress, cancel) -> Path:
        from career_explorer.services.sheet_import import import_sheet_mapped

        import_sheet_mapped(request.sheet, request.mapping, request.output, request.map_path.name,
                            progress=progress, cancel=cancel)
        return request.output

    return job
