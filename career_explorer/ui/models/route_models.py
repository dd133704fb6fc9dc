"""The Path view's routes table: one row per ranked route (role pickers complete from ui.role_completion_model)."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from career_explorer.domain.route import Route
from career_explorer.services.path_report import pay_steps_text, pay_text, primary_pay
from career_explorer.services.step_wording import short_title

Index = QModelIndex | QPersistentModelIndex
ROUTE = Qt.UserRole + 2


class RouteTableModel(QAbstractTableModel):
    """One row per route, in rank order: the roles, pay per step, skill gap in words and why it ranks there.

    A column whose text is the same on every row tells the reader nothing, so `set_routes` leaves it
    out (with two or more routes; the route column always stays).
    """

    COL_ROUTE, COL_PAY, COL_SKILLS, COL_WHY = range(4)
    HEADERS = ("Route", "Pay per step", "Skill gap", "Why")
    TIPS = (
        "The roles between From and To along the route; the full titles are in each row's tooltip",
        "Change in median pay at each step, from a source that prices both roles",
        "Jumps that matter for each step's target role (big: a fifth of the scale or more), "
        "over every step, including the roles' linked O*NET occupations",
        "Why the route ranks where it does, and who states its moves",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._routes: list[Route] = []
        self._texts: list[tuple[str, ...]] = []
        self._columns: list[int] = list(range(len(self.HEADERS)))

    def set_routes(self, routes: list[Route] | tuple[Route, ...]) -> None:
        self.beginResetModel()
        self._routes = list(routes)
        # Texts are worked out once: the table asks for them on every paint.
        self._texts = [tuple(self.cell_text(r, c) for c in range(len(self.HEADERS))) for r in self._routes]
        self._columns = [c for c in range(len(self.HEADERS))
                         if c == self.COL_ROUTE or len(self._texts) < 2 or len({t[c] for t in self._texts}) > 1]
        self.endResetModel()

    def route(self, row: int) -> Optional[Route]:
        return self._routes[row] if 0 <= row < len(self._routes) else None

    def kind(self, section: int) -> Optional[int]:
        """Which COL_* the visible column `section` shows."""
        return self._columns[section] if 0 <= section < len(self._columns) else None

    def section(self, column: int) -> Optional[int]:
        """The visible position of COL_* `column`, or None when it was dropped."""
        return self._columns.index(column) if column in self._columns else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._routes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        column = self.kind(section)
        if orientation != Qt.Horizontal or column is None:
            return None
        if role == Qt.DisplayRole:
            return self.HEADERS[column]
        if role == Qt.ToolTipRole:
            return self.TIPS[column]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        route, column = self.route(index.row()), self.kind(index.column())
        if route is None or column is None:
            return None
        if role == Qt.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ToolTipRole:
            return self.tooltip(route, column, self._texts[index.row()][column])
        if role == ROUTE:
            return route
        return None

    @staticmethod
    def tooltip(route: Route, column: int, text: str) -> str:
        names = " → ".join(r.title for r in route.roles)
        if column == RouteTableModel.COL_ROUTE:
            return f"Route {route.rank}: {names}\n{route.reason}"
        if column == RouteTableModel.COL_PAY:
            lines = [f"Step {i}: {pay_text(p) if p else 'pay not published for both roles'}"
                     for i, p in enumerate((primary_pay(s) for s in route.steps), 1)]
            return "\n".join([names, *lines])
        return f"{names}\n{RouteTableModel.HEADERS[column]}: {text}"

    @staticmethod
    def cell_text(route: Route, column: int) -> str:
        if column == RouteTableModel.COL_ROUTE:
            # Every route shares the two ends (they are in From and To): the roles between tell routes apart.
            between = route.roles[1:-1]
            if not between:
                return "straight there"
            return "via " + " → ".join(short_title(r.title, 32) for r in between)
        if column == RouteTableModel.COL_PAY:
            return pay_steps_text(route)
        if column == RouteTableModel.COL_SKILLS:
            return route.skill_words()
        if column == RouteTableModel.COL_WHY:
            return route.reason
        return ""
