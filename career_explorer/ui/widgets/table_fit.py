"""Short tables that show every row: as tall as their rows, plus a scroll bar's height only while one shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableWidget


class _FitRows(QObject):
    """Keeps a short table exactly as tall as its rows, plus a scroll bar's height only while one shows."""

    def eventFilter(self, table, event) -> bool:
        if event.type() == QEvent.Resize:
            _fit(table)
        return False


def _fit(table: QTableWidget) -> None:
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    wide = table.horizontalHeader().length() > table.viewport().width() + 1
    extra = table.horizontalScrollBar().sizeHint().height() if wide else 0
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 4 + extra)


def fit_rows(table: QTableWidget) -> None:
    table.installEventFilter(_FitRows(table))
    # Columns settle after the first resize; refit then, or a scroll bar's height stays as a blank strip.
    table.horizontalHeader().geometriesChanged.connect(lambda: _fit(table))
    table.horizontalHeader().sectionResized.connect(lambda *_: _fit(table))
    _fit(table)
