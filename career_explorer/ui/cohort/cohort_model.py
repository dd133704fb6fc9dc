"""The cohort table as a Qt model: people down, their target and readiness, then one column per competency."""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from career_explorer.charts.cohort_colours import INK, cell_fill
from career_explorer.domain.cohort import CohortColumn, CohortRow, CohortTable
from career_explorer.services.cohort_output import cell_detail, cell_text
from career_explorer.services.plan_output import coverage_text, percent_text

# The person's name is the row's (vertical) header: it stays in view while the gaps scroll sideways.
# Readiness and how many competencies it rests on share a column ("58% (4 of 6)"), leaving the gaps room.
COL_TARGET, COL_READY = range(2)
FIRST_COMPETENCY = 2
PERSON_ID_ROLE = Qt.UserRole + 1  # on every cell: the row's person id
COMPETENCY_ROLE = Qt.UserRole + 2  # in competency columns (cells and header): the competency id
HEADERS = ["Target role", "Ready\n(compared)"]
HEADER_WIDTH = 14


def ready_cell(row: CohortRow) -> str:
    """"58% (4 of 6)": the figure and what it rests on; never a bare figure made of nothing."""
    ready = row.readiness
    if ready.percent is None:
        return f"– (0 of {ready.listed})" if ready.listed else "–"
    return f"{percent_text(ready)} ({ready.comparable} of {ready.listed})"


class CohortTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: Optional[CohortTable] = None
        self._rows: tuple[CohortRow, ...] = ()
        self._columns: tuple[CohortColumn, ...] = ()
        self._fills: dict[str, QColor] = {}
        self._ink = QColor(INK)

    def set_table(self, table: Optional[CohortTable]) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = table.rows if table else ()
        self._columns = table.columns if table else ()
        self.endResetModel()

    def column(self, section: int) -> Optional[CohortColumn]:
        i = section - FIRST_COMPETENCY
        return self._columns[i] if 0 <= i < len(self._columns) else None

    def row(self, index: int) -> CohortRow:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else FIRST_COMPETENCY + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Vertical:
            if 0 <= section < len(self._rows):
                row = self._rows[section]
                if role == Qt.DisplayRole:
                    return row.person
                if role == Qt.ToolTipRole:
                    return f"{row.person}: now {row.current.label if row.current else 'no current role set'}"
                if role == PERSON_ID_ROLE:
                    return row.person_id
            return None
        col = self.column(section)
        if role == Qt.DisplayRole:
            # Up to three short lines hold most names whole, keeping the columns narrow enough for many competencies.
            return HEADERS[section] if col is None else "\n".join(
                textwrap.wrap(col.name, HEADER_WIDTH, max_lines=3, placeholder="…"))
        if role == Qt.ToolTipRole and col is not None:
            return (f"{col.name} ({col.scale_min}-{col.scale_max}): named by {col.needed_by} of the targets; "
                    f"{col.growing} known to be below the level. Click to sort by this gap.")
        if role == COMPETENCY_ROLE and col is not None:
            return col.competency
        return None

    def _colour(self, hex_colour: str) -> QColor:
        if hex_colour not in self._fills:
            self._fills[hex_colour] = QColor(hex_colour)
        return self._fills[hex_colour]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.column(index.column())
        if role == PERSON_ID_ROLE:
            return row.person_id
        if col is None:
            if role == Qt.DisplayRole:
                return row.target.label if index.column() == COL_TARGET else ready_cell(row)
            if role == Qt.ToolTipRole:
                if index.column() == COL_TARGET:
                    return row.target.label
                return f"{coverage_text(row.readiness)}.\n{row.readiness.explanation}"
            return None
        cell = row.cells.get(col.competency)
        if role == Qt.DisplayRole:
            return cell_text(cell)
        if role == Qt.ToolTipRole:
            return cell_detail(row, col)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role in (Qt.BackgroundRole, Qt.ForegroundRole):
            fill = cell_fill(cell)
            if fill is None:
                return None
            return self._colour(fill) if role == Qt.BackgroundRole else self._ink
        if role == COMPETENCY_ROLE:
            return col.competency
        return None
