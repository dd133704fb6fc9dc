"""History: the person's snapshots, a chart of ratings over them, and the differences between any two."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.plan import RatingChange
from career_explorer.domain.user import Assessment
from career_explorer.services.assessment import diff_snapshots, history
from career_explorer.services.path_report import level_text
from career_explorer.ui.chart_canvas import ChartCanvas


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


class HistoryPanel(QWidget):
    def __init__(self, repo: CatalogueRepository, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.snapshots: list[Assessment] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Snapshots")
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
        list_layout.addWidget(QLabel("<b>Snapshots</b> (oldest first; older ones never change)", self))
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

    def load(self, snapshots: list[Assessment]) -> None:
        self.snapshots = list(snapshots)
        self.list.clear()
        self.list.addItems([snapshot_text(s) for s in self.snapshots])
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
