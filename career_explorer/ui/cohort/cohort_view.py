"""The Cohort tab of My plan: everyone's gap to their own target side by side, the shared gaps, the pack."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.charts.cohort_colours import KEY
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.errors import DataError
from career_explorer.data.user_store import UserStore
from career_explorer.domain.cohort import CohortTable
from career_explorer.services.cohort import BY_PERSON, cohort_table, load_members, only_tagged, sort_rows
from career_explorer.services.cohort_output import LEGEND, SHARED_HEADERS, behaviour_lines, filter_words, shared_row
from career_explorer.services.cohort_transfer import apply_many, export_cohort, preview_many, read_records
from career_explorer.ui import messages, workers
from career_explorer.ui.cohort import transfer_dialogs
from career_explorer.ui.cohort.cohort_model import FIRST_COMPETENCY, CohortTableModel
from career_explorer.ui.dialogs import plan_dialogs

ALL_ROLES = "All target roles"
ALL_TAGS = "Any tag"
SHARED_COLUMNS = SHARED_HEADERS[:-1]  # all but "Next level"
# Widest the target and readiness columns may be, in pixels.
FIXED_MOST = (180, 110)


class CohortView(QWidget):
    """Emits `open_person(person id, competency id or "")` when a cell is clicked."""

    open_person = Signal(int, str)
    people_changed = Signal()  # people were imported
    pack_written = Signal(object)  # Path
    pack_failed = Signal(str)

    def __init__(self, repo: CatalogueRepository, store: UserStore, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.repo, self.store = repo, store
        self.table_data: Optional[CohortTable] = None
        self.sort_key = BY_PERSON
        self.task: Optional[workers.TaskProgress] = None

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.role_filter = QComboBox(self)
        self.role_filter.setAccessibleName("Target role filter")
        self.role_filter.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Tag filter")
        self.tag_filter.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.tag_filter.setToolTip("Only the people with this tag (tags are set in each person's panel)")
        self.sort_choice = QComboBox(self)
        self.sort_choice.setAccessibleName("Sort rows by")
        self.pack_button = QPushButton("Cohort pack…", self)
        self.pack_button.setToolTip("Write one PDF: the cohort table and shared gaps, then each person's plan")
        self.export_button = QPushButton("Export cohort…", self)
        self.export_button.setToolTip("Write the people shown here, with all their data, as one file")
        self.import_button = QPushButton("Import people…", self)
        self.import_button.setToolTip("Add people from one or more person or cohort files; shows all first")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show", self))
        bar.addWidget(self.role_filter)
        bar.addWidget(self.tag_filter)
        bar.addWidget(QLabel("Sort rows by", self))
        bar.addWidget(self.sort_choice)
        bar.addStretch(1)
        # The buttons share the summary's line: beside three filters at 1024 px they were cut off.
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        for button in (self.import_button, self.export_button, self.pack_button):
            head.addWidget(button)

        self.model = CohortTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Cohort table")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        rows_header = self.view.verticalHeader()
        rows_header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        rows_header.setSectionResizeMode(QHeaderView.Fixed)
        rows_header.setMaximumWidth(200)
        rows_header.setTextElideMode(Qt.ElideRight)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setDefaultSectionSize(100)
        header.setMinimumSectionSize(60)
        self.legend = QLabel(escape(LEGEND) + "<br>" + "&nbsp; ".join(
            f"<span style='background:{c}; color:#1f2328'>&nbsp;{escape(w)}&nbsp;</span>" for c, w in KEY), self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.RichText)

        # The next level's number leads its behaviour text here ("At level 3: ..."), so no column of its own.
        self.shared = QTableWidget(0, len(SHARED_COLUMNS) + 1, self)
        self.shared.setHorizontalHeaderLabels(SHARED_COLUMNS + ["At the next level"])
        self.shared.setAccessibleName("Shared gaps")
        self.shared.verticalHeader().hide()
        self.shared.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.shared.setWordWrap(True)
        shared_header = self.shared.horizontalHeader()
        shared_header.setSectionResizeMode(QHeaderView.ResizeToContents)
        shared_header.setSectionResizeMode(0, QHeaderView.Interactive)
        shared_header.resizeSection(0, 170)
        shared_header.setSectionResizeMode(len(SHARED_COLUMNS), QHeaderView.Stretch)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.legend)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel("<b>Shared gaps</b>: the competencies the most people need to grow, "
                                       "for a group session", self))
        bottom_layout.addWidget(self.shared, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.role_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.sort_choice.currentIndexChanged.connect(lambda _i: self._sort_chosen())
        header.sectionClicked.connect(self.sort_by_section)
        self.view.clicked.connect(self._clicked)
        rows_header.sectionClicked.connect(lambda r: self.open_person.emit(self.model.row(r).person_id, ""))
        self.pack_button.clicked.connect(lambda: self.export_pack())
        self.export_button.clicked.connect(lambda: self.export_cohort())
        self.import_button.clicked.connect(lambda: self.import_people())

    # -- filling ----------------------------------------------------------------------------

    def role(self) -> Optional[str]:
        return self.role_filter.currentData()

    def tag(self) -> Optional[str]:
        return self.tag_filter.currentData()

    def reload(self) -> None:
        """Read the people from the store and fill the table, keeping the filters and sort."""
        self._fill_tags()
        tag = self.tag()
        members = only_tagged(self.store, load_members(self.store), tag)
        table = cohort_table(self.repo, members, role=self.role()).model_copy(update={"tag_filter": tag})
        self.show_table(sort_rows(table, self.sort_key))

    def _fill_tags(self) -> None:
        """The tags in use now; a tag chosen before stays chosen while someone still has it."""
        chosen = self.tag()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS, None)
        for tag in self.store.all_tags():
            self.tag_filter.addItem(tag, tag)
        index = self.tag_filter.findData(chosen) if chosen else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.setVisible(self.tag_filter.count() > 1)
        self.tag_filter.blockSignals(False)

    def show_table(self, table: CohortTable) -> None:
        self.table_data = table
        self._fill_filter(table)
        self.model.set_table(table)
        self._fill_sort(table)
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for section, most in zip(range(FIRST_COMPETENCY), FIXED_MOST):
            # Long titles (O*NET's) are cut with … (the tooltip has them whole): the gaps need the room.
            # Measured from the distinct texts: resizeColumnToContents asks the model for every row.
            texts = {self.model.index(r, section).data() for r in range(self.model.rowCount())}
            texts.add(self.model.headerData(section, Qt.Horizontal))
            wanted = max(metrics.horizontalAdvance(t) for t in texts) + 16
            header.resizeSection(section, min(wanted, most))
        which = filter_words(table)
        n = len(table.rows)
        text = f"<b>{n} {'person' if n == 1 else 'people'}</b>" + (f" {escape(which)}" if which else "")
        if table.without_target:
            text += f"; no target role yet: {escape(', '.join(table.without_target))}"
        if not table.rows:
            text += ". Give each person a target role to see their gaps here."
        self.summary.setText(text)
        self.pack_button.setEnabled(bool(table.rows) and self.task is None)
        self.export_button.setEnabled(bool(table.rows))
        self._fill_shared(table)

    def _fill_filter(self, table: CohortTable) -> None:
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem(ALL_ROLES, None)
        for target in table.targets:
            self.role_filter.addItem(target.label, target.id)
        index = self.role_filter.findData(table.role_filter) if table.role_filter else 0
        self.role_filter.setCurrentIndex(max(index, 0))
        self.role_filter.blockSignals(False)

    def _fill_sort(self, table: CohortTable) -> None:
        self.sort_choice.blockSignals(True)
        self.sort_choice.clear()
        self.sort_choice.addItem("Person", BY_PERSON)
        for col in table.columns:
            self.sort_choice.addItem(f"Gap in {col.name}", col.competency)
        self.sort_choice.setCurrentIndex(max(self.sort_choice.findData(self.sort_key), 0))
        self.sort_choice.blockSignals(False)

    def _fill_shared(self, table: CohortTable) -> None:
        self.shared.setRowCount(0)
        for gap in table.shared:
            row = self.shared.rowCount()
            self.shared.insertRow(row)
            cells = shared_row(gap)[:len(SHARED_COLUMNS)] + ["\n".join(behaviour_lines(gap))
                                                              or "No behaviours published for it."]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip("People to grow: " + ", ".join(gap.people))
                self.shared.setItem(row, col, item)
        self.shared.resizeRowsToContents()

    # -- sorting and opening ------------------------------------------------------------------

    def sort_by(self, key: str) -> None:
        self.sort_key = key
        if self.table_data is not None:
            self.show_table(sort_rows(self.table_data, key))

    def sort_by_section(self, section: int) -> None:
        col = self.model.column(section)
        self.sort_by(col.competency if col else BY_PERSON)

    def _sort_chosen(self) -> None:
        key = self.sort_choice.currentData()
        if key and key != self.sort_key:
            self.sort_by(key)

    def _clicked(self, index) -> None:
        col = self.model.column(index.column())
        self.open_person.emit(self.model.row(index.row()).person_id, col.competency if col else "")

    def set_repository(self, repo: CatalogueRepository) -> None:
        self.repo = repo
        if self.isVisible():
            self.reload()

    # -- moving people -------------------------------------------------------------------------

    def export_cohort(self, path: Optional[Path] = None) -> Optional[Path]:
        """Write the people shown (the filter applies) to one file."""
        table = self.table_data
        if table is None or not table.rows:
            return None
        path = path or plan_dialogs.ask_save_path(self, "Export cohort", Path.home() / "cohort.json",
                                                  plan_dialogs.JSON_FILTER)
        if path is None:
            return None
        try:
            export_cohort(self.store, [r.person_id for r in table.rows], path)
        except DataError as exc:
            messages.show_error(self, "Cannot export the cohort", str(exc))
            return None
        self._status(f"Exported {len(table.rows)} people to {path}")
        return path

    def import_people(self, paths: Optional[list[Path]] = None) -> list:
        """Read every file, show everything they add, and write only when the user agrees."""
        paths = paths or transfer_dialogs.ask_open_paths(self, "Import people")
        if not paths:
            return []
        try:
            previews = preview_many(self.store, read_records(paths), self.repo)
        except DataError as exc:
            messages.show_error(self, "Cannot import", str(exc))
            return []
        if not transfer_dialogs.confirm_many(self, previews):
            return []
        try:
            people = apply_many(self.store, previews)
        except DataError as exc:
            messages.show_error(self, "Cannot import", str(exc))
            return []
        self._status(f"Imported {len(people)} {'person' if len(people) == 1 else 'people'}")
        self.people_changed.emit()
        self.reload()
        return people

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    # -- the pack -----------------------------------------------------------------------------

    def export_pack(self, path: Optional[Path] = None) -> bool:
        """Write the pack for the people shown, on a worker thread, with progress and Cancel."""
        table = self.table_data
        if table is None or not table.rows or self.task is not None:
            return False
        path = path or plan_dialogs.ask_save_path(self, "Write the cohort pack", Path.home() / "cohort-pack.pdf",
                                                  plan_dialogs.PDF_FILTER)
        if path is None:
            return False
        from career_explorer.services.cohort_pack import pack_people, write_pack

        try:
            people = pack_people(self.store, table)  # the store is read here, on the GUI thread
        except DataError as exc:
            messages.show_error(self, "Cannot write the cohort pack", str(exc))
            return False
        repo = self.repo
        def job(progress, cancelled):
            return write_pack(repo, table, people, path, progress, cancelled)

        self.task = workers.TaskProgress(self, "Cohort pack", job, label="Writing the cohort pack…", delay_ms=300)
        self.task.finished.connect(self._written)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self._failed(None))
        self.pack_button.setEnabled(False)
        return True

    def _finish(self) -> None:
        self.task = None
        self.pack_button.setEnabled(bool(self.table_data and self.table_data.rows))

    def _written(self, path: Path) -> None:
        self._finish()
        self._status(f"Wrote {path}")
        self.pack_written.emit(Path(path))

    def _failed(self, error: Optional[Exception]) -> None:
        self._finish()
        if error is not None:
            messages.show_error(self, "Cannot write the cohort pack", str(error).splitlines()[0] if str(error)
                                else type(error).__name__)
        self.pack_failed.emit("" if error is None else str(error))
