"""Qt models for the Path view: the ranked routes, and role titles plus alternate titles to complete over."""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from career_explorer.domain.route import Route
from career_explorer.services.path_report import money, pct, primary_pay, skill_growth_text

Index = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.UserRole + 1
ROUTE = Qt.UserRole + 2


class RouteTableModel(QAbstractTableModel):
    """One row per route: rank, steps, level chain, total pay change, per-step pay, skill growth."""

    COL_RANK, COL_STEPS, COL_LEVELS, COL_PAY, COL_SKILLS, COL_PER_STEP = range(6)
    HEADERS = ("#", "Steps", "Levels", "Pay change", "Skill growth", "Pay per step")
    TIPS = (
        "Rank: fewest steps first, then least skill growth, then most pay gain",
        "Number of moves", "Job level of each role along the route",
        "Base median, first role to last, from one source",
        "Competencies raised or new over all steps (points: each jump as % of its scale, summed), "
        "and how many changes are unknown because a role does not publish them",
        "Base median change of each step",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._routes: list[Route] = []

    def set_routes(self, routes: list[Route] | tuple[Route, ...]) -> None:
        self.beginResetModel()
        self._routes = list(routes)
        self.endResetModel()

    def route(self, row: int) -> Optional[Route]:
        return self._routes[row] if 0 <= row < len(self._routes) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._routes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ToolTipRole:
            return self.TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        route = self.route(index.row())
        if route is None or not 0 <= index.column() < len(self.HEADERS):
            return None
        if role == Qt.DisplayRole:
            return self.cell_text(route, index.column())
        if role == Qt.ToolTipRole:
            return f"{' → '.join(r.title for r in route.roles)}\n{self.HEADERS[index.column()]}: " \
                   f"{self.cell_text(route, index.column())}"
        if role == Qt.TextAlignmentRole and index.column() in (self.COL_RANK, self.COL_STEPS):
            return int(Qt.AlignCenter)
        if role == ROUTE:
            return route
        return None

    def cell_text(self, route: Route, column: int) -> str:
        if column == self.COL_RANK:
            return str(route.rank)
        if column == self.COL_STEPS:
            return str(route.step_count)
        if column == self.COL_LEVELS:
            return route.level_chain()
        if column == self.COL_PAY:
            total = primary_pay(route.total)
            if total is None:
                return "unknown"
            return f"{money(total.change, total.currency, signed=True)} ({pct(total.change_pct)})"
        if column == self.COL_PER_STEP:
            changes = [primary_pay(s) for s in route.steps]
            return ", ".join(money(p.change, p.currency, signed=True) if p else "?" for p in changes)
        if column == self.COL_SKILLS:
            return skill_growth_text(route)
        return ""


class RoleEntry(NamedTuple):
    text: str  # what the user types against: a title or an alternate title
    role_id: str
    title: str
    is_alternate: bool


class RoleCompletionModel(QAbstractListModel):
    """Titles and alternate titles; an alternate title shows the role it belongs to."""

    def __init__(self, entries: list[RoleEntry] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._entries = list(entries or [])

    def set_entries(self, entries: list[RoleEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Optional[RoleEntry]:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        entry = self.entry(index.row())
        if entry is None or index.column() != 0:
            return None
        if role == Qt.DisplayRole:
            return f"{entry.text}  (→ {entry.title})" if entry.is_alternate else entry.text
        if role == Qt.EditRole:
            return entry.text
        if role == ROLE_ID:
            return entry.role_id
        if role == Qt.ToolTipRole:
            return f"Alternate title of {entry.title}" if entry.is_alternate else entry.role_id
        return None
