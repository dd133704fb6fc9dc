"""The profile's wage history: one row per survey release with its median, and a small trend chart.

A release without a figure says so; a change is shown only between two releases that both have one.
Figures borrowed from a linked occupation, or estimated for a wider group, say so above the table.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.domain.money import format_money
from career_explorer.domain.wage_history import WageHistory, WagePoint
from career_explorer.ui.widgets.figure_panel import FigurePanel
from career_explorer.ui.widgets.table_fit import fit_rows

COLUMNS = ("Release", "Median", "Middle half (p25–p75)", "Change")


def _percent(value: float) -> str:
    return f"{'+' if value >= 0 else '−'}{abs(value):.1f}%"


def _median_text(point: WagePoint, period: str) -> str:
    band = point.band
    if band is None:
        return "no figure for this occupation"
    if band.p50 is not None and "p50" in band.lower_bounds:
        return f"at least {format_money(band.p50, band.currency, period)}"
    return format_money(band.p50, band.currency, period) if band.p50 is not None else "not published"


def _middle_text(point: WagePoint, period: str) -> str:
    band = point.band
    if band is None:
        return ""
    parts = []
    for name in ("p25", "p75"):
        value = getattr(band, name)
        if value is None:
            return ""
        text = format_money(value, band.currency, period)
        parts.append(f"at least {text}" if name in band.lower_bounds else text)
    return " – ".join(parts)


def history_notes(history: WageHistory) -> list[str]:
    """What the reader must know about where the figures come from."""
    notes = []
    if history.via_title:
        notes.append(f"These are the figures for {history.via_title}, the occupation this role is linked to; "
                     "the survey does not publish this role on its own.")
    groups = sorted({p.band.covers for p in history.points if p.band is not None and p.band.covers})
    for group in groups:
        years = [p.label for p in history.points if p.band is not None and p.band.covers == group]
        notes.append(f"{', '.join(years)}: one estimate for {group}, a group that includes this occupation.")
    overall = history.overall()
    if overall is not None:
        notes.append(f"Median {_percent(overall.percent)} from {overall.start.label} to {overall.end.label} "
                     "(not adjusted for inflation).")
    return notes


class WageHistoryPanel(QWidget):
    """Rows and chart for one WageHistory."""

    def __init__(self, history: WageHistory, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.history = history
        period = history.period or "annual"
        self.notes_label = QLabel("\n".join(history_notes(history)), self)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.PlainText)
        self.notes_label.setVisible(bool(self.notes_label.text()))

        points = history.points
        table = self.table = QTableWidget(len(points), len(COLUMNS), self)
        table.setAccessibleName("Wage history")
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        for row, point in enumerate(points):
            change = history.change_since_previous(row)
            texts = (point.label, _median_text(point, period), _middle_text(point, period),
                     "" if change is None else f"{_percent(change.percent)} since {change.start.label}")
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                item.setToolTip("; ".join(x for x in (point.source_label, point.band.note if point.band else
                                                      "This release has no figure for this occupation") if x))
                if point.band is None:
                    item.setForeground(self.palette().placeholderText())
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        fit_rows(table)

        self.chart = FigurePanel(export=True, file_stem="wage-history", parent=self)
        self.chart.setMinimumHeight(240)
        self.chart.set_factory(self._figure)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notes_label)
        layout.addWidget(table)
        layout.addWidget(self.chart)

    def _figure(self, theme):
        from career_explorer.charts.wage_history import wage_history_figure

        return wage_history_figure(self.history, theme=theme)

    def rows(self) -> list[dict[str, str]]:
        """What the table shows, for tests."""
        return [{COLUMNS[c]: self.table.item(r, c).text() for c in range(len(COLUMNS))}
                for r in range(self.table.rowCount())]
