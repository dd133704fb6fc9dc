"""Qt models for the Path view: the ranked routes, and role titles plus alternate titles to complete over."""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from career_explorer.domain.catalogue import TitleMatch
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


class RoleCompletionModel(QAbstractListModel):
    """The completions for what is typed in a role picker: a screenful of titles and alternate titles."""

    def __init__(self, matches: list[TitleMatch] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._matches: list[TitleMatch] = []
        self._labels: list[str] = []
        self.set_matches(matches or [])

    def set_matches(self, matches: list[TitleMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        labels = [m.label for m in self._matches]
        counts = Counter(label.casefold() for label in labels)
        # Two roles may share a title (two sources, or two levels): their level and source tell them apart.
        self._labels = [f"{label}  ({_details(m)})" if counts[label.casefold()] > 1 and _details(m) else label
                        for label, m in zip(labels, self._matches)]
        self.endResetModel()

    def entry(self, row: int) -> Optional[TitleMatch]:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        match = self.entry(index.row())
        if match is None:
            return None
        if role == Qt.DisplayRole:
            return self._labels[index.row()]
        if role == Qt.EditRole:
            return match.title
        if role == ROLE_ID:
            return match.role_id
        if role == Qt.ToolTipRole:
            about = f"{match.title} ({_details(match)})" if _details(match) else match.title
            return f"Alternate title of {about}" if match.is_alternate else about
        return None


def _details(match: TitleMatch) -> str:
    return ", ".join(part for part in (match.level, match.source_name) if part)
