"""The importers as dialogs: ask for the inputs, then run the import on a worker with a progress dialog.

`ask_onet_import` and `ask_framework_import` are the seams tests patch; `workers.TaskProgress` runs the
job and can cancel it, in which case the importer raises Cancelled and no file is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from career_explorer.ui.workers import Job

CATALOGUE_FILTER = "Catalogues (*.sqlite *.db);;All files (*)"


@dataclass(frozen=True)
class ImportRequest:
    kind: str  # "onet" or "framework"
    source: Path
    output: Path
    wages: Optional[Path] = None

    @property
    def title(self) -> str:
        return "Importing O*NET" if self.kind == "onet" else "Importing the company framework"


class _PathField(QWidget):
    """A path box with its browse buttons: (label, chooser(parent) -> Optional[str])."""

    def __init__(self, placeholder: str, choosers: list[tuple[str, Callable[[QWidget], Optional[str]]]],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        for label, chooser in choosers:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, c=chooser: self._choose(c))
            layout.addWidget(button)

    def _choose(self, chooser: Callable[[QWidget], Optional[str]]) -> None:
        chosen = chooser(self)
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Optional[Path]:
        text = self.edit.text().strip()
        return Path(text) if text else None


def _open_file(caption: str, filter_: str) -> Callable[[QWidget], Optional[str]]:
    return lambda parent: QFileDialog.getOpenFileName(parent, caption, "", filter_)[0] or None


def _open_folder(caption: str) -> Callable[[QWidget], Optional[str]]:
    return lambda parent: QFileDialog.getExistingDirectory(parent, caption) or None


def _save_file(caption: str) -> Callable[[QWidget], Optional[str]]:
    return lambda parent: QFileDialog.getSaveFileName(parent, caption, "", CATALOGUE_FILTER)[0] or None


class ImportDialog(QDialog):
    """Inputs for one importer; OK is enabled once the source and the output are given."""

    def __init__(self, kind: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.kind = kind
        form = QFormLayout(self)
        self.wages: Optional[_PathField] = None
        if kind == "onet":
            self.setWindowTitle("Import O*NET")
            form.addRow(QLabel("Build a catalogue from an O*NET text release and, optionally, BLS OEWS wages."))
            self.source = _PathField("O*NET release folder or zip", [
                ("Folder…", _open_folder("O*NET release folder")),
                ("Zip…", _open_file("O*NET release zip", "Zip files (*.zip)"))])
            form.addRow("O*NET release:", self.source)
            self.wages = _PathField("optional: national_M2024_dl.xlsx",
                                    [("Browse…", _open_file("OEWS national wages", "Excel (*.xlsx)"))])
            form.addRow("OEWS wages:", self.wages)
        else:
            self.setWindowTitle("Import company framework")
            form.addRow(QLabel("Build a catalogue from a company framework (see Help > Company framework format)."))
            self.source = _PathField("framework .xlsx, .json, .zip or CSV folder", [
                ("File…", _open_file("Company framework", "Frameworks (*.xlsx *.json *.zip);;All files (*)")),
                ("CSV folder…", _open_folder("Folder of framework CSV files"))])
            form.addRow("Framework:", self.source)
        self.output = _PathField("new catalogue .sqlite", [("Save as…", _save_file("Save the catalogue as"))])
        form.addRow("Save as:", self.output)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.source, self.output):
            field.edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(640, self.sizeHint().height())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.source.path() and self.output.path()))

    def request(self) -> Optional[ImportRequest]:
        source, output = self.source.path(), self.output.path()
        if source is None or output is None:
            return None
        if output.suffix == "":
            output = output.with_suffix(".sqlite")
        wages = self.wages.path() if self.wages is not None else None
        return ImportRequest(self.kind, source, output, wages)


def ask_onet_import(parent: Optional[QWidget]) -> Optional[ImportRequest]:
    dialog = ImportDialog("onet", parent)
    return dialog.request() if dialog.exec() == QDialog.Accepted else None


def ask_framework_import(parent: Optional[QWidget]) -> Optional[ImportRequest]:
    dialog = ImportDialog("framework", parent)
    return dialog.request() if dialog.exec() == QDialog.Accepted else None


def import_job(request: ImportRequest) -> Job:
    """The job for a request: services.catalogue_import reads (and checks) the input, then writes the catalogue."""

    def job(progress, cancel) -> Path:
        from career_explorer.services import catalogue_import

        if request.kind == "onet":
            catalogue_import.import_onet(request.source, request.wages, request.output, progress, cancel)
        else:
            catalogue_import.import_framework_file(request.source, request.output, progress, cancel)
        return request.output

    return job
