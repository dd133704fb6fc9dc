"""History: the person's snapshots and sessions by date, a chart of ratings over the snapshots, and the
differences between any two snapshots."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.plan import RatingChange
from career_explorer.domain.user import Assessment, SessionNote
from career_explorer.services.assessment import diff_snapshots, history
from career_explorer.services.path_report import level_text
from career_explorer.services.sessions import done_text, history_entries, session_line
from career_explorer.ui.widgets.chart_canvas import ChartCanvas


def _draw_history(figure, data):
    from career_explorer.charts.plan_charts import draw_history

    return draw_history(figure.add_subplot(), data)


def _history_print_figure(data):
    from career_explorer.charts.plan_charts import history_figure

    return history_figure(data)


def snapshot_text(snapshot: Assessment) -> str:
    note = f" - {snapshot.note}" if snapshot.note else ""
    return f"{snapshot.taken.astimezone():%Y-%m-%d %H:%M} ({len(snapshot.ratings)} ratings){note}"


def evidence_text(change: RatingChange) -> str:
    """The evidence with the newer rating; says when it was changed or removed since the older one."""
    if change.evidence_after == change.evidence_before:
        return change.evidence_after or ""
    if change.evidence_after is None:
        return "(evidence removed)"
    return change.evidence_after + (" (new)" if change.evidence_before is None else " (changed)")


def session_tip(repo: CatalogueRepository, session: SessionNote) -> str:
    """The whole session, for the tooltip of its one-line row."""
    parts = [f"Session of {session.held_on.isoformat()}"]
    parts += [f"Discussed: {session.discussed}"] if session.discussed else []
    parts += [f"Agreed: {session.agreed}"] if session.agreed else []
    parts += [f"Done: {d}" for d in done_text(repo, session)]
    parts += [f"Next session: {session.next_date.isoformat()}"] if session.next_date else []
    return "\n".join(parts) + "\n\nDouble-click to edit."


class HistoryPanel(QWidget):
    """Emits `record_session()` for the Record session button and `open_session(id)` on a double-clicked session."""

    record_session = Signal()
    open_session = Signal(int)

    def __init__(self, repo: CatalogueRepository, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.snapshots: list[Assessment] = []
        self.sessions: list[SessionNote] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Snapshots and sessions")
        self.list.setWordWrap(True)
        self.record_button = QPushButton("&Record session…", self)
        self.record_button.setToolTip("Note a one-on-one: what was discussed and agreed, the next date, and the "
                                      "development actions done")
        self.record_button.clicked.connect(self.record_session)
        self.list.itemActivated.connect(self._activated)
        self.chart = ChartCanvas("Ratings over snapshots", _draw_history, "Export chart…", "rating-history",
                                 parent=self, export_figure=_history_print_figure)
        self.chart.placeholder.setText("Save a snapshot to see ratings over time.")
        self.older = QComboBox(self)
        self.newer = QComboBox(self)
        self.older.setAccessibleName("Older snapshot")
        self.newer.setAccessibleName("Newer snapshot")
        self.older.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.newer.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.diff = QTableWidget(0, 5, self)
        self.diff.setHorizontalHeaderLabels(["Competency", "Before", "After", "Change", "Evidence"])
        self.diff.setAccessibleName("Differences between snapshots")
        self.diff.verticalHeader().hide()
        self.diff.setEditTriggers(QTableWidget.NoEditTriggers)
        self.diff.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.diff.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        # Levels are short: sized to their text, they leave the names and evidence room in a narrow pane.
        for column in (1, 2, 3):
            self.diff.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.diff_note = QLabel(self)

        pickers = QHBoxLayout()
        pickers.addWidget(QLabel("Compare", self))
        pickers.addWidget(self.older, 1)
        pickers.addWidget(QLabel("with", self))
        pickers.addWidget(self.newer, 1)
        diff_box = QWidget(self)
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(QLabel("<b>Differences between two snapshots</b>", self))
        diff_layout.addLayout(pickers)
        diff_layout.addWidget(self.diff, 1)
        diff_layout.addWidget(self.diff_note)
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_head = QHBoxLayout()
        list_title = QLabel("<b>Snapshots and sessions</b>", self)
        list_title.setToolTip("Oldest first. Snapshots never change once saved; double-click a session to edit it.")
        list_head.addWidget(list_title, 1)
        list_head.addWidget(self.record_button)
        list_layout.addLayout(list_head)
        list_layout.addWidget(self.list, 1)

        bottom = QSplitter(Qt.Horizontal, self)
        bottom.addWidget(list_box)
        bottom.addWidget(diff_box)
        bottom.setStretchFactor(1, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.chart)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([450, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def load(self, snapshots: list[Assessment], sessions: list[SessionNote] = ()) -> None:
        self.snapshots, self.sessions = list(snapshots), list(sessions)
        self.list.clear()
        for entry in history_entries(self.snapshots, self.sessions):
            if entry.snapshot is not None:
                QListWidgetItem(snapshot_text(entry.snapshot), self.list)
                continue
            item = QListWidgetItem(session_line(self.repo, entry.session), self.list)
            item.setData(Qt.UserRole, entry.session.id)
            item.setToolTip(session_tip(self.repo, entry.session))
            font = QFont(item.font())
            font.setItalic(True)  # sessions read apart from snapshots at a glance
            item.setFont(font)
        self.list.scrollToBottom()
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([snapshot_text(s) for s in self.snapshots])
            combo.blockSignals(False)
        if len(self.snapshots) >= 2:
            self.older.setCurrentIndex(len(self.snapshots) - 2)
        self.newer.setCurrentIndex(len(self.snapshots) - 1)
        self.chart.show_route(history(self.repo, self.snapshots) if self.snapshots else None)
        self.show_diff()

    def rows(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(Qt.UserRole) is not None:
            self.open_session.emit(item.data(Qt.UserRole))

    def compare(self, older: int, newer: int) -> None:
        self.older.setCurrentIndex(older)
        self.newer.setCurrentIndex(newer)

    def show_diff(self) -> None:
        self.diff.setRowCount(0)
        a, b = self.older.currentIndex(), self.newer.currentIndex()
        if len(self.snapshots) < 2 or a < 0 or b < 0:
            self.diff_note.setText("Save two snapshots to compare them.")
            return
        changes = diff_snapshots(self.repo, self.snapshots[a], self.snapshots[b])
        for change in changes:
            row = self.diff.rowCount()
            self.diff.insertRow(row)
            before = "not rated" if change.before is None else level_text(change.before)
            after = "not rated" if change.after is None else level_text(change.after)
            delta = "" if not change.delta else f"{change.delta:+g}"  # None (not comparable) or 0 (evidence only)
            for col, text in enumerate((change.name, before, after, delta, evidence_text(change))):
                item = QTableWidgetItem(text)
                if col == 4 and change.evidence_before and change.evidence_before != change.evidence_after:
                    item.setToolTip(f"Before: {change.evidence_before}")
                self.diff.setItem(row, col, item)
        self.diff_note.setText("No differences." if not changes and a != b else
                               "The same snapshot." if a == b else f"{len(changes)} competencies differ.")
