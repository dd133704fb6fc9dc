"""Rate a person on their current and target roles' competencies, each on its own scale.

The behaviours of every level are shown while rating. Save makes a new dated snapshot; older
snapshots stay as they were.
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.errors import DataError
from career_explorer.data.user_store import UserStore
from career_explorer.domain.plan import Rateable
from career_explorer.domain.user import Assessment, Person, Rating
from career_explorer.services import assessment as service
from career_explorer.services.path_report import level_text
from career_explorer.ui import messages

NOT_RATED = -1000


class AssessmentEditor(QWidget):
    saved = Signal(object)  # the new Assessment

    def __init__(self, repo: CatalogueRepository, store: UserStore, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.repo, self.store = repo, store
        self.person: Optional[Person] = None
        self.rows: list[Rateable] = []
        self.state: dict[str, Rating] = {}
        self.dirty = False

        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Competencies to rate")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        # Rate from the keyboard: a digit sets the focused competency's level, Delete clears it.
        self.table.installEventFilter(self)
        self.table.setToolTip("Type a level's number to rate the selected competency; Delete clears it")

        self.detail_title = QLabel(self)
        self.detail_title.setWordWrap(True)
        self.levels_box = QWidget(self)
        self.levels_layout = QVBoxLayout(self.levels_box)
        self.levels_layout.setContentsMargins(0, 0, 0, 0)
        self.level_group = QButtonGroup(self)
        self.level_group.idClicked.connect(self._level_clicked)
        levels_scroll = QScrollArea(self)
        levels_scroll.setWidgetResizable(True)
        levels_scroll.setWidget(self.levels_box)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("A note on this rating")
        self.evidence_edit = QPlainTextEdit(self)
        self.evidence_edit.setPlaceholderText("Evidence: what was done, when, who saw it")
        self.evidence_edit.setMaximumHeight(70)
        self.note_edit.textEdited.connect(lambda _t: self._text_changed())
        self.evidence_edit.textChanged.connect(self._text_changed)
        detail = QGroupBox("Rate", self)
        form = QFormLayout()
        form.addRow("Note", self.note_edit)
        form.addRow("Evidence", self.evidence_edit)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(levels_scroll, 1)
        detail_layout.addLayout(form)

        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.snapshot_note = QLineEdit(self)
        self.snapshot_note.setPlaceholderText("A note on this snapshot (optional)")
        self.save_button = QPushButton("Save snapshot", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.snapshot_note, 1)
        bottom.addWidget(self.save_button)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # -- loading ----------------------------------------------------------------------------

    def load(self, person: Optional[Person], target_id: Optional[str]) -> None:
        """Show the competencies of the person's current and target roles, rated as last saved."""
        self.person = person
        latest = self.store.latest_assessment(person.id) if person else None
        self.state = {r.competency: r for r in latest.ratings} if latest else {}
        roles = service.person_roles(self.repo, person, target_id) if person else []
        self.rows = service.rateable(self.repo, roles)
        self.dirty = False
        words = (["Current role", "Target role"] if person and person.role_id and len(roles) == 2 else
                 ["Current role"] if person and roles and roles[0].id == person.role_id else ["Target role"])
        headers = ["Competency", "Scale", "Rating"] + words[:len(roles)]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for col, role in enumerate(roles, 3):
            self.table.horizontalHeaderItem(col).setToolTip(f"The level {role.title} requires")
            # The role's name is in the tooltip and the pickers above; a job-level code here is noise.
            self.table.horizontalHeaderItem(col).setText(f"{words[col - 3]}\nneeds")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for col in range(1, len(headers)):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            self.table.setItem(i, 0, QTableWidgetItem(row.competency.name))
            self.table.setItem(i, 1, QTableWidgetItem(f"{row.scale.min}-{row.scale.max}"))
            for j, level in enumerate(row.required):
                item = QTableWidgetItem("" if level is None else level_text(level))
                item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(i, 3 + j, item)
            self._show_rating(i)
        if person is None:
            self.empty.setText("Pick or add a person first.")
        elif not self.rows:
            self.empty.setText("Set a current role or a target role above: their competencies are what you rate.")
        else:
            self.empty.setText("Pick a competency, then choose the level that describes the person today. "
                               "Levels are cumulative: each includes the behaviours below it.")
        self.empty.setVisible(True)
        # Nothing to save until something changes.
        self.save_button.setEnabled(False)
        self._update_status(latest)
        if self.rows:
            self.table.selectRow(0)
            self._show_detail(0)
        else:
            self._show_detail(-1)

    def _update_status(self, latest: Optional[Assessment]) -> None:
        if self.person is None:
            self.status.setText("")
            return
        count = self.store.snapshot_count(self.person.id)
        last = f"last saved {latest.taken.astimezone():%Y-%m-%d %H:%M}" if latest else "nothing saved yet"
        changed = " - unsaved changes" if self.dirty else ""
        self.status.setText(f"{count} snapshot{'s' if count != 1 else ''}, {last}{changed}")

    def _show_rating(self, i: int) -> None:
        row = self.rows[i]
        rating = self._rating_for(row)
        item = QTableWidgetItem("not rated" if rating is None else level_text(rating.level))
        item.setTextAlignment(Qt.AlignCenter)
        if rating is not None:
            needed = max((q for q in row.required if q is not None), default=None)
            if needed is not None:
                item.setToolTip("meets every requirement shown" if rating.level >= needed else "below a requirement")
        self.table.setItem(i, 2, item)

    def _rating_for(self, row: Rateable) -> Optional[Rating]:
        return self.state.get(row.competency.id)

    # -- the detail pane ------------------------------------------------------------------------

    def _clear_levels(self) -> None:
        for button in self.level_group.buttons():
            self.level_group.removeButton(button)
        while self.levels_layout.count():
            item = self.levels_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def current_row(self) -> Optional[Rateable]:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _show_detail(self, index: int) -> None:
        self._clear_levels()
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        enabled = row is not None
        self.note_edit.setEnabled(enabled)
        self.evidence_edit.setEnabled(enabled)
        if row is None:
            self.detail_title.setText("")
            self.note_edit.clear()
            self.evidence_edit.blockSignals(True)
            self.evidence_edit.clear()
            self.evidence_edit.blockSignals(False)
            return
        comp, scale = row.competency, row.scale
        definition = f"<br/>{escape(comp.definition)}" if comp.definition else ""
        self.detail_title.setText(f"<b>{escape(comp.name)}</b> <i>({escape(scale.name)}, "
                                  f"{scale.min}-{scale.max})</i>{definition}")
        rating = self._rating_for(row)
        behaviours = {b.level: b.text for b in comp.behaviours}
        none_button = QRadioButton("Not rated", self.levels_box)
        self.level_group.addButton(none_button, NOT_RATED)
        self.levels_layout.addWidget(none_button)
        for level in range(scale.min, scale.max + 1):
            label = scale.label(level)
            button = QRadioButton(f"Level {level}" + (f" · {label}" if label else ""), self.levels_box)
            self.level_group.addButton(button, level)
            self.levels_layout.addWidget(button)
            text = behaviours.get(level)
            if text:
                # Plain text, not escaped HTML: Qt takes a tag-free string as plain text and would show
                # the escape itself ("organisation&#x27;s").
                about = QLabel(text, self.levels_box)
                about.setTextFormat(Qt.PlainText)
                about.setWordWrap(True)
                about.setContentsMargins(24, 0, 0, 6)
                about.setStyleSheet("color: palette(window-text);")
                self.levels_layout.addWidget(about)
        self.levels_layout.addStretch(1)
        chosen = NOT_RATED if rating is None else int(round(rating.level))
        if self.level_group.button(chosen):
            self.level_group.button(chosen).setChecked(True)
        self.note_edit.setText(rating.note or "" if rating else "")
        self.evidence_edit.blockSignals(True)
        self.evidence_edit.setPlainText(rating.evidence or "" if rating else "")
        self.evidence_edit.blockSignals(False)

    def _level_clicked(self, level: int) -> None:
        row = self.current_row()
        if row is not None:
            self.set_rating(row.competency.id, None if level == NOT_RATED else float(level))

    def _text_changed(self) -> None:
        row = self.current_row()
        rating = self._rating_for(row) if row else None
        if rating is None:
            return
        self.state[rating.competency] = rating.model_copy(update={
            "note": self.note_edit.text().strip() or None,
            "evidence": self.evidence_edit.toPlainText().strip() or None})
        self._mark_dirty()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.KeyPress and event.modifiers() in (
                Qt.NoModifier, Qt.KeypadModifier):
            row = self.current_row()
            text = event.text()
            if row is not None and text.isdigit():
                level = int(text)
                if row.scale.min <= level <= row.scale.max:
                    self.set_rating(row.competency.id, float(level))
                return True
            if row is not None and event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
                self.set_rating(row.competency.id, None)
                return True
        return super().eventFilter(watched, event)

    def _mark_dirty(self) -> None:
        self.dirty = True
        self.save_button.setEnabled(self.person is not None)
        self._update_status(self.store.latest_assessment(self.person.id) if self.person else None)

    # -- API for the view and tests ---------------------------------------------------------

    def row_of(self, competency_id: str) -> int:
        return next(i for i, r in enumerate(self.rows) if r.competency.id == competency_id)

    def set_rating(self, competency_id: str, level: Optional[float], note: Optional[str] = None,
                   evidence: Optional[str] = None) -> None:
        """Rate one competency (None clears it); the level must be within the competency's scale."""
        index = self.row_of(competency_id)
        row = self.rows[index]
        old = self.state.get(competency_id)
        if level is None:
            self.state.pop(competency_id, None)
        else:
            service.check_level(row.competency, row.scale.min, row.scale.max, level)
            self.state[competency_id] = Rating(
                competency=competency_id, level=level,
                note=note if note is not None else (old.note if old else None),
                evidence=evidence if evidence is not None else (old.evidence if old else None))
        self._show_rating(index)
        if self.table.currentRow() != index:
            self.table.selectRow(index)
        elif note is not None or evidence is not None:
            self._show_detail(index)
        self._mark_dirty()

    def save(self, note: Optional[str] = None) -> Optional[Assessment]:
        """Save every rating as a new dated snapshot."""
        if self.person is None:
            return None
        note = note if note is not None else self.snapshot_note.text().strip() or None
        try:
            snapshot = service.save_snapshot(self.store, self.repo, self.person, self.state.values(), note,
                                             carry_forward=False)
        except (service.AssessmentError, DataError) as exc:
            messages.show_error(self, "Cannot save the snapshot", str(exc))
            return None
        self.dirty = False
        self.save_button.setEnabled(False)
        self.snapshot_note.clear()
        self._update_status(snapshot)
        self.saved.emit(snapshot)
        return snapshot
