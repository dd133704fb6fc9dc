"""Wizard pages 1-3: pick the sheet, say what each column means, name the scale and order its level words."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from career_explorer.data.importers.flat_sheet import SheetProblem, read_header, sheet_names
from career_explorer.data.importers.sheet_mapping import MEANINGS, REQUIRED_MEANINGS, load_map
from career_explorer.data.importers.sheet_proposals import guess_columns, propose_scale
from career_explorer.ui.import_wizard.state import WizardState

SHEET_FILTER = "Sheets (*.csv *.xlsx *.xlsm);;All files (*)"
NOT_IN_SHEET = "(not in the sheet)"


def wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def ask_sheet_file(parent: QWidget) -> Optional[str]:
    return QFileDialog.getOpenFileName(parent, "Framework sheet", "", SHEET_FILTER)[0] or None


class FilePage(QWizardPage):
    """1. The sheet (a CSV or a workbook's sheet), and a MAP.toml saved last time, if there is one."""

    def __init__(self, state: WizardState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle("Pick the framework sheet")
        self.setSubTitle("One table with a row per role level and skill, as a .csv (UTF-8) or .xlsx file.")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("framework.xlsx or framework.csv")
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        self.help_button = QPushButton("Help and templates…", self)
        self.help_button.clicked.connect(self._help)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.help_button)
        layout.addLayout(row)
        form = QFormLayout()
        self.form = form
        self.sheet_combo = QComboBox(self)
        form.addRow("Worksheet:", self.sheet_combo)
        form.setRowVisible(self.sheet_combo, False)  # a CSV file has one sheet: no choice to show
        self.name_edit = QLineEdit(state.catalogue_name, self)
        form.addRow("Catalogue name:", self.name_edit)
        self.version_edit = QLineEdit(state.version, self)
        form.addRow("Version:", self.version_edit)
        layout.addLayout(form)
        self.message = wrapped("", self)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self._path_changed)
        for edit in (self.name_edit, self.version_edit):
            edit.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        chosen = ask_sheet_file(self)
        if chosen:
            self.path_edit.setText(chosen)

    def _help(self) -> None:
        from career_explorer.ui.import_wizard.help_dialog import show_help

        self.help_dialog = show_help(self, "flat-sheet")

    def _path_changed(self, text: str) -> None:
        self.sheet_combo.clear()
        self.message.setText("")
        path = Path(text.strip()) if text.strip() else None
        if path is not None and path.is_file() and path.suffix.lower() in (".xlsx", ".xlsm"):
            try:
                self.sheet_combo.addItems(sheet_names(path))
            except Exception as exc:  # openpyxl raises many kinds for a broken workbook
                self.message.setText(f"{path.name}: not a readable .xlsx workbook ({type(exc).__name__})")
        self.form.setRowVisible(self.sheet_combo, self.sheet_combo.count() > 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.path_edit.text().strip()
        named = bool(self.name_edit.text().strip() and self.version_edit.text().strip())
        return bool(text) and Path(text).is_file() and named

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        sheet = self.sheet_combo.currentText() or None
        try:
            header = read_header(path, sheet)
        except SheetProblem as exc:
            self.message.setText(str(exc.problem))
            return False
        state = self.state
        state.path, state.sheet, state.header = path, sheet, header
        state.catalogue_name, state.version = self.name_edit.text().strip(), self.version_edit.text().strip()
        self._reuse_saved_map(path)
        return True

    def _reuse_saved_map(self, path: Path) -> None:
        """A map saved beside the sheet last time seeds every page, so a new release needs only confirming."""
        saved = path.with_suffix(".map.toml")
        if not saved.is_file():
            return
        try:
            mapping = load_map(saved)
        except Exception:  # a broken map is simply not reused; the pages propose afresh
            return
        state = self.state
        state.columns = {m: c for m, c in mapping.columns.items() if c in state.header}
        if mapping.scale is not None:
            state.scale_name, state.words = mapping.scale.name, list(mapping.scale.levels)
        state.ladders, state.tracks, state.onet = dict(mapping.ladders), dict(mapping.tracks), dict(mapping.onet)


class ColumnsPage(QWizardPage):
    """2. What each column means: guesses from the headers, which the user confirms or changes."""

    def __init__(self, state: WizardState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle("Say what each column holds")
        self.setSubTitle("Guessed from the column names; check every one. Role level title, skill and required "
                         "level are needed.")
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for meaning, label in MEANINGS.items():
            combo = QComboBox(self)
            combo.setObjectName(f"column-{meaning}")
            combo.currentIndexChanged.connect(self._changed)
            self.combos[meaning] = combo
            self.form.addRow(label + (" *" if meaning in REQUIRED_MEANINGS else "") + ":", combo)
        layout.addLayout(self.form)
        self.unused = wrapped("", self)
        layout.addWidget(self.unused)
        layout.addStretch(1)

    def initializePage(self) -> None:
        guesses = self.state.columns or guess_columns(self.state.header)
        for meaning, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([NOT_IN_SHEET] + [h for h in self.state.header if h and not h.startswith("_")])
            combo.setCurrentText(guesses.get(meaning, NOT_IN_SHEET))
            combo.blockSignals(False)
        self._changed()

    def chosen(self) -> dict[str, str]:
        return {m: c.currentText() for m, c in self.combos.items() if c.currentText() != NOT_IN_SHEET}

    def _changed(self) -> None:
        chosen = self.chosen()
        twice = sorted({c for c in chosen.values() if list(chosen.values()).count(c) > 1})
        unused = [h for h in self.state.header if h and not h.startswith("_") and h not in chosen.values()]
        lines = []
        if twice:
            lines.append(f"Each column can mean one thing; given twice: {', '.join(twice)}.")
        if unused:
            lines.append(f"Not imported (kept in the sheet, listed in the map's ignore list): {', '.join(unused)}.")
        self.unused.setText(" ".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        chosen = self.chosen()
        return all(m in chosen for m in REQUIRED_MEANINGS) and len(set(chosen.values())) == len(chosen)

    def validatePage(self) -> bool:
        self.state.columns = self.chosen()
        self.state.read()
        return True


class ScalePage(QWizardPage):
    """3. The skill scale: its name and its level words in order, proposed from the words found."""

    def __init__(self, state: WizardState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle("Name the skill scale and order its levels")
        self.setSubTitle("The words found in the required level column, lowest first. Drag a word to move it; "
                         "the top word is level 1.")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        form.addRow("Scale name:", self.name_edit)
        layout.addLayout(form)
        self.words = QListWidget(self)
        self.words.setObjectName("scale-words")
        self.words.setDragDropMode(QAbstractItemView.InternalMove)
        self.words.setDefaultDropAction(Qt.MoveAction)
        layout.addWidget(self.words, 1)
        self.note = wrapped("", self)
        layout.addWidget(self.note)

    def initializePage(self) -> None:
        state = self.state
        found = list(state.flat.words) if state.flat else []
        known = [w for w in state.words if w in found]
        words = known + propose_scale([w for w in found if w not in known]) if known else propose_scale(found)
        self.name_edit.setText(state.scale_name)
        self.words.clear()
        self.words.addItems(words)
        self.note.setText(f"{len(words)} level words found." if len(words) >= 2 else
                          "A scale needs at least two level words; check the required level column.")

    def order(self) -> list[str]:
        return [self.words.item(i).text() for i in range(self.words.count())]

    def isComplete(self) -> bool:
        return self.words.count() >= 2

    def validatePage(self) -> bool:
        self.state.scale_name = self.name_edit.text().strip() or "Skill level"
        self.state.words = self.order()
        return True
