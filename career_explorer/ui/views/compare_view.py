"""Compare: two to four roles side by side - competencies, pay bands and a radar of levels."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.compare import RoleComparison, Standing
from career_explorer.services.browse import browser_for
from career_explorer.services.compare import MAX_ROLES, compare_roles, comparison_csv
from career_explorer.ui import messages
from career_explorer.ui.models.compare_table_model import (
    COL_COMPETENCY,
    COL_KIND,
    FIRST_ROLE_COLUMN,
    LEGEND,
    ROLE_ID_ROLE,
    CompareTableModel,
    highlight_colour,
)
from career_explorer.ui.settings import Settings
from career_explorer.ui.views.base_view import BaseView
from career_explorer.ui.widgets.figure_panel import FigurePanel
from career_explorer.ui.widgets.role_picker import RolePicker


def ask_csv_path(parent: QWidget, suggested: str) -> Optional[Path]:
    """Ask where to save the comparison table; None when the user cancels."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export the comparison as CSV",
                                          str(Path.home() / f"{suggested}.csv"), "CSV file (*.csv)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


class CompareView(BaseView):
    """Two to four roles side by side: competencies down, roles across, and their pay."""

    def __init__(self, repo: CatalogueRepository, window: Optional[QWidget] = None) -> None:
        super().__init__(repo, window)
        self.browser = browser_for(repo)
        self.result: Optional[RoleComparison] = None

        self.pickers = [RolePicker(self) for _ in range(MAX_ROLES)]
        for n, picker in enumerate(self.pickers, 1):
            picker.setAccessibleName(f"Role {n}")
            picker.lineEdit().setPlaceholderText("Type a job title…" if n <= 2 else "Optional: another role")
            picker.set_choices(repo)
            picker.role_changed.connect(lambda _id: self.refresh())
        self.clear_button = QPushButton("Clear roles", self)
        self.clear_button.clicked.connect(lambda: self.set_roles())
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        self.model = CompareTableModel(self, self.palette())
        self.table = QTableView(self)
        self.table.setAccessibleName("Competencies by role")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._open_cell_role)
        self.model.modelReset.connect(self._size_columns)
        self.differences_only = QCheckBox("Show &differences only", self)
        self.differences_only.toggled.connect(self.model.set_differences_only)
        self.export_csv_button = QPushButton("Export table as &CSV…", self)
        self.export_csv_button.clicked.connect(self.export_csv)

        self.pay_panel = FigurePanel("Pay by role and source", "pay-comparison",
                                     empty_text="Pick two to four roles to compare their pay.", parent=self)
        self.radar_panel = FigurePanel("Required levels, 0-100 of each competency's own scale", "competency-radar",
                                       empty_text="Pick two to four roles to compare their levels.", parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._table_page(), "Competencies")
        self.tabs.addTab(self.pay_panel, "Pay")
        self.tabs.addTab(self.radar_panel, "Radar")
        self._layout()
        self.refresh()

    def _table_page(self) -> QWidget:
        page = QWidget(self)
        tools = QHBoxLayout()
        tools.addWidget(self.differences_only)
        tools.addSpacing(16)
        self.legend_labels = []
        for standing, text in LEGEND.items():
            chip = QLabel(f"  {text}  ", page)
            chip.setProperty("standing", standing.value)
            self.legend_labels.append(chip)
            tools.addWidget(chip)
        self._paint_legend()
        tools.addStretch(1)
        tools.addWidget(self.export_csv_button)
        layout = QVBoxLayout(page)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        return page

    def _paint_legend(self) -> None:
        for chip in self.legend_labels:
            colour = highlight_colour(Standing(chip.property("standing")), self.palette())
            chip.setStyleSheet(f"background: {colour.name()}; border-radius: 3px; padding: 2px;")

    def _layout(self) -> None:
        pickers = QGridLayout()
        for n, picker in enumerate(self.pickers):
            label = QLabel(f"Role &{n + 1}", self)
            label.setBuddy(picker)
            pickers.addWidget(label, n // 2, (n % 2) * 2)
            pickers.addWidget(picker, n // 2, (n % 2) * 2 + 1)
        pickers.setColumnStretch(1, 1)
        pickers.setColumnStretch(3, 1)
        pickers.addWidget(self.clear_button, 0, 4, 2, 1, Qt.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)

    # -- roles ---------------------------------------------------------------------------

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.PaletteChange and hasattr(self, "legend_labels"):
            self.model.set_palette(self.palette())
            self._paint_legend()
        super().changeEvent(event)

    def role_ids(self) -> list[str]:
        ids = [p.role_id() for p in self.pickers]
        return list(dict.fromkeys(i for i in ids if i))

    def picked_roles(self) -> tuple[Optional[str], ...]:
        return tuple(self.role_ids())

    def set_roles(self, *role_ids: Optional[str]) -> None:
        """Put up to four roles (by id) in the pickers, in order, and compare them."""
        wanted = list(role_ids)[:MAX_ROLES]
        for n, picker in enumerate(self.pickers):
            picker.blockSignals(True)
            picker.set_role_id(wanted[n] if n < len(wanted) else None)
            picker.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        ids = self.role_ids()
        picked = [p.role_id() for p in self.pickers if p.role_id()]
        self.result = compare_roles(self.repo, ids) if len(ids) >= 2 else None
        self.model.set_comparison(self.result)
        has = self.result is not None
        for widget in (self.export_csv_button, self.differences_only):
            widget.setEnabled(has)
        if not has:
            self.status_label.setText("Pick two to four roles to put them side by side. "
                                      "You can also select roles in Browse and press Compare selected.")
            self.pay_panel.set_factory(None)
            self.radar_panel.set_factory(None)
            return
        result = self.result
        differing = len(result.differing)
        twice = " (a role picked twice is shown once)" if len(picked) != len(ids) else ""
        notes = [f"{r.title} {note}" for i, r in enumerate(result.roles) if (note := result.unpublished_note(i))]
        self.status_label.setText(
            f"{len(result.rows)} competencies, {differing} with different levels{twice}."
            + (f"  More competencies not published: {', '.join(notes)}." if notes else "")
        )
        self.pay_panel.set_factory(lambda theme, r=result: self._pay_figure(r, theme))
        self.radar_panel.set_factory(lambda theme, r=result: self._radar_figure(r, theme))

    @staticmethod
    def _pay_figure(result: RoleComparison, theme):
        from career_explorer.charts.pay_bands import pay_bands_figure

        return pay_bands_figure(result.pay, theme=theme)

    @staticmethod
    def _radar_figure(result: RoleComparison, theme):
        from career_explorer.charts.radar import radar_figure

        return radar_figure(result.radar, theme=theme)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        if self.model.columnCount() == 0:
            return
        header.setSectionResizeMode(COL_COMPETENCY, QHeaderView.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeToContents)
        for column in range(FIRST_ROLE_COLUMN, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            self.table.setColumnWidth(column, 190)

    def _open_cell_role(self, index) -> None:
        role_id = index.data(ROLE_ID_ROLE)
        if role_id:
            self.role_opened.emit(role_id)

    # -- export and settings ---------------------------------------------------------------

    def export_csv(self) -> Optional[Path]:
        if self.result is None:
            return None
        path = ask_csv_path(self, "role-comparison")
        if path is None:
            return None
        try:
            path.write_text(comparison_csv(self.result), encoding="utf-8")
        except OSError as exc:
            messages.show_error(self, "Cannot export the table", f"{path}: {exc.strerror or exc}")
            return None
        return path

    def save_settings(self, settings: Settings) -> None:
        settings.compare_roles = self.role_ids()

    def restore_settings(self, settings: Settings) -> None:
        known = [i for i in settings.compare_roles if self.browser.summary(i) is not None]
        if known:
            self.set_roles(*known)
