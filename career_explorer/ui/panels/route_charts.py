"""The Path view's two charts: pay along the route over the skill heatmap, with "Show all" for the heatmap.

The heatmap draws the top rows in the step cards' order (see charts.heatmap_rows); the rest wait
behind a button. The rows of each route are worked out once and kept while the routes are listed,
each route's finished pictures are kept (ui.cached_chart), and once the selected route is painted
the other listed routes are drawn ahead, one chart per idle turn, so selecting one only paints.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from career_explorer.charts.heatmap_rows import focus_rows
from career_explorer.charts.pay_progression import draw_pay_progression, pay_progression_figure
from career_explorer.charts.skill_heatmap import draw_skill_heatmap, skill_heatmap_figure
from career_explorer.domain.route import Route, SkillRow
from career_explorer.ui.widgets.cached_chart import CachedChart

# Heatmap rows on screen until "Show all" is pressed: legible at 1024x700 and enough to lead with.
TOP_ROWS = 10
ROW_PIXELS = 21
# Wait this long after the selected route is painted before drawing others ahead (ms).
AHEAD_DELAY = 40


def _draw_pay(figure, route: Route):
    return draw_pay_progression(figure.add_subplot(), route)


class RouteCharts(QWidget):
    """Pay progression above, skill heatmap below; `show_route` redraws both."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.show_all = False
        self.prerendering = True
        self._rows: dict[int, tuple[Route, tuple[SkillRow, ...]]] = {}
        self._listed: list[Route] = []
        self.pay_chart = CachedChart("Pay progression", _draw_pay, "Export &pay chart…", "pay-progression",
                                     parent=self, export_figure=pay_progression_figure)
        self.skill_chart = CachedChart("Skill jumps, what matters first", self._draw_skills, "Export s&kill chart…",
                                       "skill-jumps", min_height=self._heatmap_pixels, parent=self,
                                       export_figure=self._export_skills, variant=lambda: self.show_all)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(AHEAD_DELAY)
        self._ahead.timeout.connect(self._draw_ahead)
        for chart in (self.pay_chart, self.skill_chart):
            chart.drawn.connect(self._ahead.start)
        self.show_all_button = QPushButton(self)
        self.show_all_button.setCheckable(True)
        self.show_all_button.setToolTip("Show every competency along the route in the heatmap, or only the "
                                        f"{TOP_ROWS} that matter most")
        self.show_all_button.toggled.connect(self._toggle_all)
        self.show_all_button.hide()
        self.rows_note = QLabel(self)
        self.rows_note.setStyleSheet("color: palette(mid);")

        skill_box = QWidget(self)
        skill_layout = QVBoxLayout(skill_box)
        skill_layout.setContentsMargins(0, 0, 0, 0)
        skill_layout.addWidget(self.skill_chart, 1)
        more = QHBoxLayout()
        more.addWidget(self.rows_note, 1)
        more.addWidget(self.show_all_button)
        skill_layout.addLayout(more)

        self.split = QSplitter(Qt.Vertical, self)
        self.split.addWidget(self.pay_chart)
        self.split.addWidget(skill_box)
        self.split.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)

    # -- rows -------------------------------------------------------------------------------

    def rows(self, route: Route) -> tuple[SkillRow, ...]:
        """Every heatmap row of `route` in the cards' order, worked out once per route."""
        kept = self._rows.get(id(route))
        if kept is None or kept[0] is not route:
            kept = self._rows[id(route)] = (route, focus_rows(route))
        return kept[1]

    def limit(self) -> Optional[int]:
        return None if self.show_all else TOP_ROWS

    def shown_count(self, route: Route) -> int:
        total = len(self.rows(route))
        return total if self.show_all else min(total, TOP_ROWS)

    def _heatmap_pixels(self, route: Route) -> int:
        return 130 + ROW_PIXELS * max(self.shown_count(route), 4)

    def _draw_skills(self, figure, route: Route):
        # No colour bar on screen: it costs a third of the redraw, and every cell prints its level.
        return draw_skill_heatmap(figure.add_subplot(), route, colorbar=False, limit=self.limit(),
                                  rows=self.rows(route))

    def _export_skills(self, route: Route):
        return skill_heatmap_figure(route, limit=self.limit())

    # -- behaviour --------------------------------------------------------------------------

    def set_routes(self, routes) -> None:
        """The routes listed: their kept rows and pictures go, and these are drawn ahead."""
        self._rows.clear()
        self.pay_chart.forget()
        self.skill_chart.forget()
        self._listed = list(routes)

    def _draw_ahead(self) -> None:
        """Draw one chart of one listed route not yet kept; come back on the next idle turn for more."""
        if not self.prerendering:
            return
        for route in self._listed:
            for chart in (self.pay_chart, self.skill_chart):
                if chart.prerender(route):
                    self._ahead.start()
                    return

    def show_route(self, route: Optional[Route]) -> None:
        self.pay_chart.show_route(route)
        self.skill_chart.show_route(route)
        self._update_more(route)

    def _update_more(self, route: Optional[Route]) -> None:
        total = len(self.rows(route)) if route is not None else 0
        self.show_all_button.setVisible(total > TOP_ROWS)
        self.show_all_button.blockSignals(True)
        self.show_all_button.setChecked(self.show_all)
        self.show_all_button.blockSignals(False)
        self.show_all_button.setText(f"Show the top {TOP_ROWS} &only" if self.show_all else f"Show &all {total}")
        shown = self.shown_count(route) if route is not None else 0
        self.rows_note.setText(f"{shown} of {total} competencies, what matters most first" if total > TOP_ROWS
                               else "")

    def _toggle_all(self, on: bool) -> None:
        self.show_all = on
        route = self.skill_chart.route
        self._update_more(route)
        if route is not None:
            self.skill_chart.show_route(route)
