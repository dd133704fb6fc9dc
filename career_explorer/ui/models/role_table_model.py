"""The Browse table: one row per role summary, with COL_* columns, sorted by the RoleBrowser."""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from career_explorer.domain.money import format_money
from career_explorer.domain.role_listing import RoleSummary
from career_explorer.services.browse import SORT_KEYS

COL_TITLE, COL_FAMILY, COL_LEVEL, COL_JOB_CODE, COL_PAY, COL_SOURCE = range(6)
HEADERS = ("Title", "Family", "Job level", "Job code", "Median base pay", "Source")
ROLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The RoleBrowser (services.browse) sorts: it orders rows by the keys in SORT_KEYS, one per column.
Orderer = Callable[[list[RoleSummary], str, bool], list[RoleSummary]]

# Plain ints, looked up once: painting calls data() about a thousand times for the first screen, and
# PySide's shortcut names (Qt.DisplayRole for Qt.ItemDataRole.DisplayRole) cost ~9 us an access.
_DISPLAY, _ALIGNMENT, _TOOLTIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                                                   Qt.ItemDataRole.ToolTipRole))
_HORIZONTAL = Qt.Orientation.Horizontal
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED = frozenset({_DISPLAY, ROLE_ID_ROLE, _ALIGNMENT, _TOOLTIP})


class RoleTableModel(QAbstractTableModel):
    """Rows are RoleSummary objects; `set_rows` replaces them with a single model reset."""

    def __init__(self, parent=None, *, orderer: Orderer, source_names: Optional[dict[str, str]] = None) -> None:
        super().__init__(parent)
        self._rows: list[RoleSummary] = []
        self._source_names = source_names or {}
        self._orderer = orderer
        self.sort_column = -1
        self.sort_order = Qt.AscendingOrder

    # -- contents -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RoleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RoleSummary]:
        return list(self._rows)

    def row_at(self, row: int) -> Optional[RoleSummary]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, role_id: str) -> int:
        for i, summary in enumerate(self._rows):
            if summary.id == role_id:
                return i
        return -1

    @property
    def sort_key(self) -> Optional[str]:
        return SORT_KEYS[self.sort_column] if 0 <= self.sort_column < len(SORT_KEYS) else None

    @property
    def descending(self) -> bool:
        return self.sort_order == Qt.DescendingOrder

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == _HORIZONTAL and role == _DISPLAY and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        # Painting asks for a dozen roles per cell; answer the ones this model ignores before touching
        # the index (each call into the index costs about a microsecond through the bindings).
        if role not in _ANSWERED:
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows) or not index.isValid():
            return None
        row, column = self._rows[row_number], index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == ROLE_ID_ROLE:
            return row.id
        if role == _ALIGNMENT and column == COL_PAY:
            return _RIGHT_ALIGNED
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return None

    def _display(self, row: RoleSummary, column: int) -> str:
        if column == COL_TITLE:
            return row.title
        if column == COL_FAMILY:
            return row.family_name
        if column == COL_LEVEL:
            if row.level is None:
                return ""
            if row.level_name:
                # "Job Zone 3 (medium preparation)" -> "Job Zone 3" in the narrow column; the tooltip has it all
                return row.level_name.split(" (")[0]
            return f"{row.level} ({row.track.value})" if row.track else row.level
        if column == COL_JOB_CODE:
            return row.job_code or row.soc_code or ""
        if column == COL_PAY:
            text = "" if row.median_base is None else format_money(row.median_base, row.currency)
            return f"{text} (group)" if text and row.median_covers else text
        return self._source_names.get(row.source, row.source)

    def _tooltip(self, row: RoleSummary, column: int) -> Optional[str]:
        if column == COL_PAY:
            if row.median_covers:
                return (f"The source's estimate for {row.median_covers}, a group that includes this occupation; "
                        "the profile lists every source")
            return "Median base pay from the role's own source, or the latest release; the profile lists " \
                   "every source" if row.median_base else "No median base pay published"
        if column == COL_LEVEL and row.level_name:
            return row.level_name
        if column == COL_JOB_CODE and not row.job_code and row.soc_code:
            return f"SOC code {row.soc_code}"
        if column == COL_TITLE:
            return f"{row.title} - press Enter or double-click to open the profile"
        if column == COL_SOURCE:
            return self._source_names.get(row.source, row.source)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort by a column; column -1 restores the order rows were given in (best match first)."""
        self.sort_column, self.sort_order = column, order
        key = self.sort_key
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows = self._orderer(self._rows, key, order == Qt.DescendingOrder)
        where = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(where[id(old[i.row()])], i.column()) if i.row() < len(old) else QModelIndex()
             for i in persistent],
        )
        self.layoutChanged.emit()
