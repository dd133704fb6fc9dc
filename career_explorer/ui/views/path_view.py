"""The Path view: pick from and to, see the ranked routes, each step as a card, and the two charts."""

from __future__ import annotations

from contextlib import nullcontext
from html import escape
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.route import PathResult, RankMode, Route
from career_explorer.services.routes import DEFAULT_ROUTES, route_finder
from career_explorer.ui import messages
from career_explorer.ui.models.route_models import RouteTableModel
from career_explorer.ui.panels.route_charts import RouteCharts
from career_explorer.ui.settings import Settings
from career_explorer.ui.views.base_view import BaseView
from career_explorer.ui.widgets.busy import busy
from career_explorer.ui.widgets.role_picker import RolePicker
from career_explorer.ui.widgets.step_cards import StepCard, Timeline

# The ranking choices, as the combo box lists them.
RANKS = ((RankMode.PLAUSIBLE, "Most plausible",
          "Moves a source states before the catalogue's own inferences, closer O*NET tiers first, fewer steps, "
          "no step through a role without data, no pay cut unless sideways moves are allowed"),
         (RankMode.GAP, "Least skill gap",
          "The fewest and smallest jumps that matter for each step's target role"),
         (RankMode.PAY, "Highest pay on the way",
          "The best median pay of the roles between the two ends (every route shares the ends)"))


def ask_report_path(parent: QWidget, stem: str) -> Optional[Path]:
    """Ask where to save the route report; None when the user cancels. Tests patch this."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export route report", str(Path.home() / f"{stem}.pdf"),
                                          "PDF document (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class PathView(BaseView):
    """Routes from one role to another; `route_shown` carries the Route on screen (direct: rank 0) or None."""

    report_written = Signal(Path)

    def __init__(self, repo: CatalogueRepository, window: Optional[QWidget] = None) -> None:
        super().__init__(repo, window)
        self.finder = route_finder(repo)
        self.result: Optional[PathResult] = None
        self.current_route: Optional[Route] = None
        self._build_pickers()
        self._build_routes_panel()
        self._build_timeline()
        self._build_charts()
        self._lay_out()
        self._refresh()

    # -- construction -----------------------------------------------------------------------

    def _build_pickers(self) -> None:
        self.from_picker = RolePicker(self)
        self.from_picker.setAccessibleName("From role")
        self.from_picker.setToolTip("Where you are now: type the start of words in a title or alternate title")
        self.to_picker = RolePicker(self)
        self.to_picker.setAccessibleName("To role")
        self.to_picker.setToolTip("Where you want to be")
        for picker in (self.from_picker, self.to_picker):
            picker.set_choices(self.repo)  # completes from the catalogue's search index as the user types
        self.from_label = QLabel("Fro&m:", self)
        self.from_label.setBuddy(self.from_picker)
        self.to_label = QLabel("&To:", self)
        self.to_label.setBuddy(self.to_picker)
        self.swap_button = QPushButton("⇄ S&wap", self)
        self.swap_button.setToolTip("Swap From and To (Alt+W)")
        self.swap_button.clicked.connect(self.swap)
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, 20)
        self.count_spin.setValue(DEFAULT_ROUTES)
        self.count_spin.setAccessibleName("Number of routes to show")
        self.count_label = QLabel("Show &up to", self)
        self.count_label.setBuddy(self.count_spin)
        self.count_suffix = QLabel("routes", self)
        self.rank_combo = QComboBox(self)
        for mode, label, tip in RANKS:
            self.rank_combo.addItem(label, mode.value)
            self.rank_combo.setItemData(self.rank_combo.count() - 1, tip, Qt.ToolTipRole)
        self.rank_combo.setAccessibleName("Rank routes by")
        self.rank_label = QLabel("Ra&nk by", self)
        self.rank_label.setBuddy(self.rank_combo)
        self.sideways_check = QCheckBox("Allow s&ideways moves (pay cuts)", self)
        self.sideways_check.setToolTip("Also offer routes with a step that pays less than the one before")
        self.rank_combo.currentIndexChanged.connect(lambda _i: self._refresh())
        self.sideways_check.toggled.connect(lambda _on: self._refresh())
        self.from_picker.role_changed.connect(lambda _id: self._refresh())
        self.to_picker.role_changed.connect(lambda _id: self._refresh())
        self.count_spin.valueChanged.connect(lambda _v: self._refresh())

    def _build_routes_panel(self) -> None:
        self.routes_model = RouteTableModel(self)
        self.routes_table = QTableView(self)
        self.routes_table.setModel(self.routes_model)
        self.routes_table.setAccessibleName("Routes")
        self.routes_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.routes_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.routes_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.routes_table.setTabKeyNavigation(False)
        self.routes_table.setAlternatingRowColors(True)
        self.routes_table.setWordWrap(False)
        self.routes_table.verticalHeader().hide()
        self.routes_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.routes_table.setTextElideMode(Qt.ElideRight)
        header = self.routes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)  # "Why" takes what room is left and elides; its tooltip has it all
        header.setMinimumSectionSize(40)
        self.routes_table.viewport().installEventFilter(self)
        self.routes_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_route_at(cur.row()))
        self.routes_label = QLabel("&Routes:", self)
        self.routes_label.setBuddy(self.routes_table)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.RichText)
        self.reachable_list = QListWidget(self)
        self.reachable_list.setAccessibleName("Roles you can reach")
        self.reachable_list.setToolTip("Press Enter or double-click to make a role the target")
        self.reachable_list.itemActivated.connect(self._reachable_activated)
        self.reachable_label = QLabel(self)
        self.reachable_label.setBuddy(self.reachable_list)

    def _build_timeline(self) -> None:
        self.timeline = Timeline(self)
        self.timeline.setAccessibleName("Steps of the selected route")
        self.timeline_label = QLabel("St&eps and whole-route totals", self)
        self.timeline_label.setBuddy(self.timeline)
        self.report_button = QPushButton("Export route report (P&DF)…", self)
        self.report_button.setToolTip("Save the selected route's charts and every step, what matters most first, "
                                      "with each figure's source, as a printable PDF")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.export_report)

    def _build_charts(self) -> None:
        self.charts = RouteCharts(self)
        self.pay_chart, self.skill_chart = self.charts.pay_chart, self.charts.skill_chart
        self.show_all_button = self.charts.show_all_button

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.from_label, self.from_picker, self.swap_button, self.to_label, self.to_picker):
            bar.addWidget(widget, 1 if isinstance(widget, RolePicker) else 0)
        bar.addSpacing(12)
        for widget in (self.count_label, self.count_spin, self.count_suffix):
            bar.addWidget(widget)
        options = QHBoxLayout()
        for widget in (self.rank_label, self.rank_combo, self.sideways_check):
            options.addWidget(widget)
        options.addStretch(1)
        said = QHBoxLayout()
        said.addWidget(self.routes_label, 0, Qt.AlignTop)
        said.addWidget(self.message, 1)

        routes_box = QWidget(self)
        routes_layout = QVBoxLayout(routes_box)
        routes_layout.setContentsMargins(0, 0, 0, 0)
        routes_layout.addLayout(options)
        routes_layout.addLayout(said)
        for widget in (self.routes_table, self.reachable_label, self.reachable_list):
            routes_layout.addWidget(widget, 10 if widget in (self.routes_table, self.reachable_list) else 0)
        routes_layout.addStretch(1)
        steps_box = QWidget(self)
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_head = QHBoxLayout()
        steps_head.addWidget(self.timeline_label, 1)
        steps_head.addWidget(self.report_button)
        steps_layout.addLayout(steps_head)
        steps_layout.addWidget(self.timeline, 1)

        self.left_split = QSplitter(Qt.Vertical, self)
        self.left_split.addWidget(routes_box)
        self.left_split.addWidget(steps_box)
        self.left_split.setSizes([250, 450])
        self.chart_split = self.charts.split
        self.main_split = QSplitter(Qt.Horizontal, self)
        self.main_split.addWidget(self.left_split)
        self.main_split.addWidget(self.charts)
        self.main_split.setSizes([580, 450])
        self.main_split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.main_split, 1)
        order = [self.from_picker, self.swap_button, self.to_picker, self.rank_combo, self.sideways_check,
                 self.count_spin, self.routes_table, self.reachable_list, self.report_button, self.timeline,
                 self.pay_chart.export_button, self.skill_chart.export_button, self.show_all_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    # -- public API -------------------------------------------------------------------------

    def picked_roles(self) -> tuple[Optional[str], Optional[str]]:
        return self.from_picker.role_id(), self.to_picker.role_id()

    def set_roles(self, from_id: Optional[str] = None, to_id: Optional[str] = None) -> None:
        """Show routes from `from_id` to `to_id`; None leaves that picker empty."""
        for picker, role_id in ((self.from_picker, from_id), (self.to_picker, to_id)):
            picker.blockSignals(True)
            picker.set_role_id(role_id)
            picker.blockSignals(False)
        self._refresh()

    def swap(self) -> None:
        self.set_roles(self.to_picker.role_id(), self.from_picker.role_id())

    def step_cards(self) -> list[StepCard]:
        """The timeline's cards, top to bottom."""
        return list(self.timeline.cards)

    # -- behaviour --------------------------------------------------------------------------

    def _refresh(self) -> None:
        from_id, to_id = self.from_picker.role_id(), self.to_picker.role_id()
        self.result = None
        self.charts.set_routes([])
        self.routes_model.set_routes([])
        self.reachable_list.clear()
        if not from_id or not to_id:
            self._show_state("Pick where you are in <b>From</b> and where you want to be in <b>To</b>. "
                             "Type the start of words in a job title or an alternate title.")
            return
        if from_id == to_id:
            self._show_state("From and To are the same role. Pick a different target to see routes.")
            return
        sideways = self.sideways_check.isChecked()
        wait = nullcontext() if self.finder.warmed(sideways) else busy(self, "Reading the catalogue's moves…")
        with wait:
            self.result = self.finder.find(from_id, to_id, self.count_spin.value(), self.rank_mode(), sideways)
        if self.result.found:
            self.routes_model.set_routes(self.result.routes)
            self.charts.set_routes(self.result.routes)
            self._fit_columns()
            n = len(self.result.routes)
            label = self.rank_combo.currentText().lower()
            cuts = "sideways moves allowed" if self.result.sideways else "no pay cuts"
            self._show_state(f"{n} route{'s' if n != 1 else ''}, {label} first ({cuts}). "
                             "Select one to see its steps; hover a row for the full titles.", routes=True)
            self.routes_table.selectRow(0)
        else:
            self._show_no_route(self.result)

    def _show_state(self, text: str, routes: bool = False) -> None:
        self.message.setText(text)
        self.routes_table.setVisible(routes)
        self.routes_label.setVisible(routes)
        self.reachable_label.hide()
        self.reachable_list.hide()
        if not routes:
            self.show_route(None)

    def _show_no_route(self, result: PathResult) -> None:
        a, b = escape(result.from_role.title), escape(result.to_role.title)
        self.message.setText(
            f'<p style="font-size:large"><b>No route of transitions leads from {a} to {b}.</b></p>'
            f"<p>The steps panel shows the direct gap between the two roles.</p>")
        self.routes_table.hide()
        self.routes_label.hide()
        if result.reachable:
            self.reachable_label.setText(f"Roles you can reach from {a} (press Enter to make one the target):")
            for ref in result.reachable:
                item = QListWidgetItem(f"{ref.title} ({ref.level})" if ref.level else ref.title)
                item.setData(Qt.UserRole, ref.id)
                self.reachable_list.addItem(item)
            self.reachable_list.setCurrentRow(0)
        else:
            self.reachable_label.setText(f"No other role can be reached from {a} through the catalogue's transitions.")
        self.reachable_label.show()
        self.reachable_list.setVisible(bool(result.reachable))
        self.show_route(result.direct)

    def _reachable_activated(self, item: QListWidgetItem) -> None:
        self.set_roles(self.from_picker.role_id(), item.data(Qt.UserRole))

    def show_route_at(self, row: int) -> None:
        route = self.routes_model.route(row)
        if route is not None:
            self.show_route(route)

    def select_route(self, rank: int) -> None:
        """Select the route with this rank (1 is the best), as clicking its row does."""
        self.routes_table.selectRow(rank - 1)

    def show_route(self, route: Optional[Route]) -> None:
        """Fill the timeline with the route's steps and totals, and redraw both charts."""
        if route is self.current_route and route is not None:
            return
        self.current_route = route
        self.timeline.set_cards(self._cards_for(route) if route is not None else [],
                                "The steps of the selected route appear here.")
        self.charts.show_route(route)
        self.report_button.setEnabled(route is not None)
        self.route_shown.emit(route)

    def _cards_for(self, route: Route) -> list[StepCard]:
        if route.is_direct:
            return [StepCard(route.total, "Direct gap (no route of transitions)", "direct")]
        n = route.step_count
        cards = [StepCard(step, f"Step {i} of {n}", "step", i) for i, step in enumerate(route.steps, 1)]
        if n > 1:
            cards.insert(0, StepCard(route.total, f"Route {route.rank}: whole route, first role to last", "total"))
        return cards

    def export_report(self) -> Optional[Path]:
        """Ask where, then write the selected route's pages as a PDF (see services.route_pages)."""
        route = self.current_route
        if route is None:
            return None
        stem = f"route-{route.roles[0].title}-to-{route.roles[-1].title}".lower().replace(" ", "-")
        path = ask_report_path(self, stem)
        if path is None:
            return None
        from career_explorer.services.route_pages import write_route_report

        try:
            with busy(self, f"Writing the route report to {path.name}…"):
                write_route_report(route, path)
        except OSError as exc:
            messages.show_error(self, "Cannot write the route report", f"{path}: {exc.strerror or exc}")
            return None
        self.report_written.emit(path)
        return path

    def rank_mode(self) -> RankMode:
        # Qt hands the str-based enum back as a plain string.
        return RankMode(self.rank_combo.currentData() or RankMode.PLAUSIBLE)

    def set_rank_mode(self, mode: RankMode | str) -> None:
        """Rank by `mode`, as choosing it in the combo box does."""
        self.rank_combo.setCurrentIndex(max(self.rank_combo.findData(RankMode(mode).value), 0))

    # Largest share of the table's width each column may take before it elides (its tooltip has it all).
    COLUMN_SHARE = {RouteTableModel.COL_ROUTE: 0.34, RouteTableModel.COL_PAY: 0.24, RouteTableModel.COL_SKILLS: 0.18}

    def _fit_columns(self) -> None:
        """Each column as wide as its text up to its share; "Why" takes the rest, so nothing scrolls sideways."""
        table, model = self.routes_table, self.routes_model
        header = table.horizontalHeader()
        table.resizeColumnsToContents()
        room = max(table.viewport().width(), 300)
        columns = range(model.columnCount())
        for section in columns:
            share = self.COLUMN_SHARE.get(model.kind(section))
            if share is not None and model.columnCount() > 1:
                header.resizeSection(section, min(header.sectionSize(section), int(room * share)))
        last = model.columnCount() - 1
        if last > 0:
            used = sum(header.sectionSize(c) for c in columns if c != last)
            header.resizeSection(last, max(room - used, 80))

    def eventFilter(self, watched, event) -> bool:
        # The table's width is known only once it is laid out: fit the columns whenever it changes.
        if watched is self.routes_table.viewport() and event.type() == QEvent.Resize and self.routes_model.rowCount():
            self._fit_columns()
        return False

    # -- remembered between runs ------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        settings.path_rank = self.rank_mode().value
        settings.path_sideways = self.sideways_check.isChecked()
        settings.path_routes = self.count_spin.value()

    def restore_settings(self, settings: Settings) -> None:
        widgets = (self.rank_combo, self.sideways_check, self.count_spin)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.set_rank_mode(settings.path_rank)
            self.sideways_check.setChecked(settings.path_sideways)
            self.count_spin.setValue(settings.path_routes)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._refresh()
