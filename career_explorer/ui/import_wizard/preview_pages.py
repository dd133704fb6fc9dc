"""Wizard pages 5 and 6: the preview (counts, one role in full, every problem) and where to save."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from career_explorer.data.importers.framework_layout import FrameworkError
from career_explorer.data.importers.sheet_convert import SheetImport, import_sheet
from career_explorer.domain.catalogue import Catalogue, Role
from career_explorer.ui.import_wizard.sheet_pages import wrapped

MAX_PROBLEMS_SHOWN = 200


def role_text(catalogue: Catalogue, role: Role) -> str:
    """One role as the preview shows it: level, rank, summary and every skill with its level word."""
    level = next((lv for lv in catalogue.job_levels if lv.code == role.level), None)
    names = {c.id: c.name for c in catalogue.competencies}
    lines = [role.title]
    if level is not None:
        track = f", {level.track.value} track" if level.track else ""
        lines.append(f"Level {level.rank} of its ladder{track}")
    if role.summary:
        lines += ["", role.summary]
    lines += ["", "Skills:"]
    for q in sorted(role.requirements, key=lambda q: names.get(q.competency, q.competency)):
        lines.append(f"  {names.get(q.competency, q.competency)}: {q.level_word or ''} ({q.level:g})")
    return "\n".join(lines)


class PreviewPage(QWizardPage):
    """5. What the import will make, or every problem that stops it (nothing is written from here)."""

    def __init__(self, state, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.result: Optional[SheetImport] = None
        self.setTitle("Preview")
        self.setSubTitle("What the import will make from the sheet and your choices. Nothing has been written yet.")
        layout = QVBoxLayout(self)
        self.counts = wrapped("", self)
        self.counts.setObjectName("preview-counts")
        layout.addWidget(self.counts)
        row = QHBoxLayout()
        row.addWidget(QLabel("Role:", self))
        self.role_combo = QComboBox(self)
        self.role_combo.currentIndexChanged.connect(self._show_role)
        row.addWidget(self.role_combo, 1)
        layout.addLayout(row)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("preview-details")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)

    def initializePage(self) -> None:
        self.result = None
        self.role_combo.clear()
        try:
            self.result = import_sheet(self.state.path, self.state.mapping(), "the wizard's choices")
        except FrameworkError as exc:
            count = len(exc.problems)
            self.counts.setText(f"{count} problem{'s' if count != 1 else ''}; go back to fix the choices, or fix the "
                                "sheet and start again. Nothing has been written.")
            shown = [str(p) for p in exc.problems[:MAX_PROBLEMS_SHOWN]]
            more = [f"… and {count - len(shown)} more"] if count > len(shown) else []
            self.details.setPlainText("\n".join(shown + more))
            self.role_combo.setEnabled(False)
        else:
            catalogue = self.result.catalogue
            ladders = {lv.ladder for lv in catalogue.job_levels}
            self.counts.setText(
                f"{self.result.rows} rows read; {self.result.duplicates} exact duplicate rows collapsed. "
                f"{len(catalogue.roles)} role levels on {len(ladders)} ladders, {len(catalogue.competencies)} "
                f"skills, {sum(len(r.requirements) for r in catalogue.roles)} required levels, "
                f"{len(catalogue.transitions)} moves between levels. {self._onet_text()}No problems.")
            self.role_combo.setEnabled(True)
            self.role_combo.addItems([r.title for r in catalogue.roles])
        self.completeChanged.emit()

    def _onet_text(self) -> str:
        mapped = [t for t, c in self.state.onet.items() if c.status == "confirmed"]
        if not mapped:
            return ""
        return (f"{len(mapped)} role level{'s' if len(mapped) != 1 else ''} mapped to O*NET: their occupations' "
                "national pay and lens are added on import. ")

    def _show_role(self, index: int) -> None:
        if self.result is not None and 0 <= index < len(self.result.catalogue.roles):
            self.details.setPlainText(role_text(self.result.catalogue, self.result.catalogue.roles[index]))

    def isComplete(self) -> bool:
        return self.result is not None


class SavePage(QWizardPage):
    """6. Where the catalogue and MAP.toml go; Import runs on a worker with progress and Cancel."""

    def __init__(self, state, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle("Save and import")
        self.setSubTitle("The map is saved first, so the next release of the same sheet imports with one command: "
                         "career-explorer catalogue import-sheet SHEET --map MAP.toml -o OUT.sqlite")
        form = QFormLayout(self)
        self.output_edit = QLineEdit(self)
        self.output_edit.setObjectName("output")
        self.map_edit = QLineEdit(self)
        self.map_edit.setObjectName("map-output")
        for label, edit, caption, filter_ in (
                ("Catalogue:", self.output_edit, "Save the catalogue as", "Catalogues (*.sqlite)"),
                ("Map:", self.map_edit, "Save the map as", "Maps (*.toml)")):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            button = QPushButton("Save as…", self)
            button.clicked.connect(lambda _=False, e=edit, c=caption, f=filter_: self._choose(e, c, f))
            row.addWidget(button)
            form.addRow(label, row)
            edit.textChanged.connect(self.completeChanged)

    def _choose(self, edit: QLineEdit, caption: str, filter_: str) -> None:
        chosen = QFileDialog.getSaveFileName(self, caption, edit.text(), filter_)[0]
        if chosen:
            edit.setText(chosen)

    def initializePage(self) -> None:
        path: Path = self.state.path
        if not self.output_edit.text():
            self.output_edit.setText(str(path.with_suffix(".sqlite")))
        if not self.map_edit.text():
            self.map_edit.setText(str(path.with_suffix(".map.toml")))

    def isComplete(self) -> bool:
        return bool(self.output_edit.text().strip() and self.map_edit.text().strip())

    def output(self) -> Path:
        path = Path(self.output_edit.text().strip())
        return path if path.suffix else path.with_suffix(".sqlite")

    def map_path(self) -> Path:
        return Path(self.map_edit.text().strip())
