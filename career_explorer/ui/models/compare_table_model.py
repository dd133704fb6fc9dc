"""Compare: competencies down, roles across, with the differences highlighted."""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette

from career_explorer.domain.compare import CellStatus, CompareRow, RoleComparison, Standing
from career_explorer.domain.profile import KIND_LABELS
from career_explorer.services.compare import cell_text
from career_explorer.ui.formatting import mix

COL_COMPETENCY, COL_KIND = 0, 1
FIRST_ROLE_COLUMN = 2
STANDING_ROLE = Qt.UserRole + 1  # the cell's Standing value ("highest", "lower", "missing", ...)
DIFFERS_ROLE = Qt.UserRole + 2  # True on every cell of a row whose levels differ
ROLE_ID_ROLE = Qt.UserRole + 3  # in role columns: that role's id (cells and header)

HIGHLIGHTS = {Standing.HIGHEST: "#2da44e", Standing.LOWER: "#d4a72c", Standing.MISSING: "#cf222e"}
LEGEND = {Standing.HIGHEST: "Highest level", Standing.LOWER: "Lower level", Standing.MISSING: "Not listed here"}


def highlight_colour(standing: Standing, palette: QPalette) -> Optional[QColor]:
    """A tint of the standing's colour over the base colour, strong enough to read in light or dark."""
    colour = HIGHLIGHTS.get(standing)
    if colour is None:
        return None
    base = palette.color(QPalette.Base)
    return mix(base, QColor(colour), 0.38 if base.lightnessF() < 0.5 else 0.28)


class CompareTableModel(QAbstractTableModel):
    def __init__(self, parent=None, palette: Optional[QPalette] = None) -> None:
        super().__init__(parent)
        self._result: Optional[RoleComparison] = None
        self._rows: list[CompareRow] = []
        self._differences_only = False
        self._palette = palette or QPalette()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- contents -----------------------------------------------------------------------

    def set_comparison(self, result: Optional[RoleComparison]) -> None:
        self.beginResetModel()
        self._result = result
        self._rows = self._visible()
        self.endResetModel()

    def set_differences_only(self, on: bool) -> None:
        self.beginResetModel()
        self._differences_only = on
        self._rows = self._visible()
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        self._palette = palette
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _visible(self) -> list[CompareRow]:
        if self._result is None:
            return []
        rows = self._result.rows
        return [r for r in rows if r.differs] if self._differences_only else list(rows)

    def row_at(self, row: int) -> Optional[CompareRow]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self._result is None:
            return 0
        return FIRST_ROLE_COLUMN + len(self._result.roles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal or self._result is None or not 0 <= section < self.columnCount():
            return None
        if section < FIRST_ROLE_COLUMN:
            return ("Competency", "Kind")[section] if role == Qt.DisplayRole else None
        index = section - FIRST_ROLE_COLUMN
        ref = self._result.roles[index]
        if role == Qt.DisplayRole:
            # Long titles wrap onto lines of their own: a header clips at both ends, never wraps itself.
            return "\n".join([*textwrap.wrap(ref.title, 26), ref.level_short or "no job level"])
        if role == Qt.ToolTipRole:
            level = self._result.level_texts[index] if self._result.level_texts else ref.level
            missing = self._result.unpublished_note(index)
            extra = f"\nMore competencies not published: {missing}" if missing else ""
            return f"{ref.title}\n{level}{extra}\nDouble-click a cell in this column to open the profile"
        if role == ROLE_ID_ROLE:
            return ref.id
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or self._result is None:
            return None
        row, column = self._rows[index.row()], index.column()
        if column >= self.columnCount():
            return None
        if role == DIFFERS_ROLE:
            return row.differs
        if column == COL_COMPETENCY:
            if role == Qt.DisplayRole:
                return row.name
            if role == Qt.ToolTipRole:
                return f"{row.name} - {row.scale} ({row.scale_min} to {row.scale_max})"
            if role == Qt.FontRole and row.differs:
                return self._bold
            return None
        if column == COL_KIND:
            return KIND_LABELS[row.kind] if role == Qt.DisplayRole else None
        cell_index = column - FIRST_ROLE_COLUMN
        cell = row.cells[cell_index]
        if role == Qt.DisplayRole:
            return cell_text(row, cell_index)
        if role == STANDING_ROLE:
            return cell.standing.value
        if role == ROLE_ID_ROLE:
            return self._result.roles[cell_index].id
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole:
            return highlight_colour(cell.standing, self._palette)
        if role == Qt.FontRole and cell.standing == Standing.HIGHEST:
            return self._bold
        if role == Qt.ForegroundRole and cell.status in (CellStatus.NOT_REQUIRED, CellStatus.UNKNOWN):
            if cell.standing == Standing.NONE:
                return self._palette.color(QPalette.PlaceholderText)
        if role == Qt.ToolTipRole:
            return self._cell_tooltip(row, cell_index)
        return None

    def _cell_tooltip(self, row: CompareRow, index: int) -> str:
        cell = row.cells[index]
        title = self._result.roles[index].title
        if cell.status == CellStatus.LEVEL:
            label = f" - {cell.label}" if cell.label else ""
            return f"{title}: {cell.level:g} on {row.scale_min}-{row.scale_max}{label}"
        if cell.status == CellStatus.UNRATED:
            return f"{title} lists {row.name} without a level"
        if cell.status == CellStatus.NOT_REQUIRED:
            return f"{title} does not list {row.name}"
        count = self._result.unpublished[index] if self._result.unpublished else 0
        detail = f"{count} of its competencies are" if count else "some of its competencies may be"
        return f"Not published: {detail} not published; this may be one of them"
