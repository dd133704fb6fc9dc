"""Browse: search as you type, filters, a sortable role table, and opening or comparing roles."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_file import CatalogueFile
from career_explorer.domain.role_listing import RoleFilter, Track
from career_explorer.services.browse import browser_for
from career_explorer.ui.models.role_table_model import (
    COL_FAMILY,
    COL_JOB_CODE,
    COL_LEVEL,
    COL_PAY,
    COL_SOURCE,
    COL_TITLE,
    ROLE_ID_ROLE,
    RoleTableModel,
)
from career_explorer.ui.settings import Settings
from career_explorer.ui.views.base_view import BaseView

PAY_STEP = 5000


class BrowseView(BaseView):
    """Every role in a table; typing narrows it, filters narrow it further.

    It needs only the plain rows of a CatalogueFile, so the window can show it as the first view while
    the full repository (and pydantic) still load; set_repository then keeps it as it is."""

    def __init__(self, repo: CatalogueFile, window: Optional[QWidget] = None) -> None:
        super().__init__(repo, window)
        self.browser = browser_for(repo)
        self.facets = self.browser.facets()

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, alternate titles, job codes and summaries  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search roles")
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of roles shown")

        self.family = self._combo("Any family", [(f.name, f.id) for f in self.facets.families])
        self.track = self._combo("Any track", [(t.value.capitalize(), t.value) for t in self.facets.tracks])
        self.source = self._combo("Any source", [(s.name, s.id) for s in self.facets.sources])
        levels = [(lv.label, lv.code) for lv in self.facets.levels]
        self.level_from = self._combo("Any level", levels)
        self.level_to = self._combo("Any level", levels)
        top = self.facets.pay_max or 0
        self.pay_min = self._pay_box("Minimum median base pay", top)
        self.pay_max = self._pay_box("Maximum median base pay", top)
        self.clear_filters = QPushButton("Clear filters", self)
        self.clear_filters.setToolTip("Show every role again (the search stays)")

        self.model = RoleTableModel(self, orderer=self.browser.order, source_names=self.browser.source_names)
        self.table = QTableView(self)
        self.table.setObjectName("roleTable")
        self.table.setAccessibleName("Roles")
        self.table.setModel(self.model)
        self._setup_table()
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.open_button = QPushButton("&Open profile", self)
        self.compare_button = QPushButton("Co&mpare selected", self)
        self.compare_button.setToolTip("Select two to four roles (Ctrl+click) to put them side by side")
        self._layout()
        self._connect()
        self.refresh()

    # -- construction ----------------------------------------------------------------------

    def _combo(self, any_text: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _pay_box(self, name: str, top: float) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, max(int(top // PAY_STEP + 2) * PAY_STEP, 10 * PAY_STEP))
        box.setSingleStep(PAY_STEP)
        box.setSpecialValueText("Any")
        box.setGroupSeparatorShown(True)
        box.setAccessibleName(name)
        box.setKeyboardTracking(False)
        return box

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)
        header.setHighlightSections(False)
        self._fit_columns()
        header.setSortIndicator(-1, Qt.AscendingOrder)
        header.setSortIndicatorClearable(True)
        table.setSortingEnabled(True)

    # Each column's share of the table's width, up to its natural width; the title, which people
    # scan first, stretches into the rest (at 1024 px fixed widths left it ten letters).
    COLUMN_SHARES = ((COL_FAMILY, 0.19, 190), (COL_LEVEL, 0.11, 130), (COL_JOB_CODE, 0.1, 110),
                     (COL_PAY, 0.14, 140), (COL_SOURCE, 0.12, 170))

    def _fit_columns(self) -> None:
        # The table, not its viewport: the viewport is resized only after this runs.
        width = max(self.table.width() - self.table.verticalScrollBar().sizeHint().width() - 4, 600)
        for column, share, most in self.COLUMN_SHARES:
            self.table.setColumnWidth(column, min(most, int(width * share)))

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)

        def labelled(row: int, col: int, text: str, widget: QWidget) -> None:
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1)

        labelled(0, 0, "&Family", self.family)
        labelled(0, 2, "&Track", self.track)
        labelled(0, 4, "So&urce", self.source)
        labelled(1, 0, "&Level from", self.level_from)
        labelled(1, 2, "to", self.level_to)
        pay = QHBoxLayout()
        pay.addWidget(self.pay_min, 1)
        pay.addWidget(QLabel("to", self))
        pay.addWidget(self.pay_max, 1)
        pay_label = QLabel("&Pay", self)
        pay_label.setBuddy(self.pay_min)
        pay_label.setToolTip("Median base pay, in each role's own currency")
        grid.addWidget(pay_label, 1, 4)
        grid.addLayout(pay, 1, 5)
        grid.addWidget(self.clear_filters, 0, 6, 2, 1, Qt.AlignVCenter)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        buttons = QHBoxLayout()
        hint = QLabel("Enter or double-click opens a role. Ctrl+click several to compare them.", self)
        hint.setEnabled(False)
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.refresh)
        for combo in (self.family, self.track, self.source, self.level_to):
            combo.currentIndexChanged.connect(self.refresh)
        self.level_from.currentIndexChanged.connect(self._level_from_changed)
        self.pay_min.valueChanged.connect(self._pay_changed)
        self.pay_max.valueChanged.connect(self._pay_changed)
        self.clear_filters.clicked.connect(self.clear_all_filters)
        self.table.doubleClicked.connect(lambda index: self.role_opened.emit(self.model.data(index, ROLE_ID_ROLE)))
        self._picked: list[str] = []  # selected role ids in the order they were picked
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.open_button.clicked.connect(lambda: self.open_current())
        self.compare_button.clicked.connect(self.compare_selected)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)
        self.find_shortcut = QShortcut(QKeySequence.Find, self, self.focus_search)
        self.find_shortcut.setContext(Qt.WindowShortcut)

    # -- filters and search ----------------------------------------------------------------

    def current_filter(self) -> RoleFilter:
        def chosen(combo: QComboBox) -> frozenset:
            data = combo.currentData()
            return frozenset() if data is None else frozenset([data])

        return RoleFilter(
            families=chosen(self.family),
            tracks=frozenset(Track(t) for t in chosen(self.track)),
            sources=chosen(self.source),
            level_from=self.level_from.currentData(), level_to=self.level_to.currentData(),
            pay_min=self.pay_min.value() or None, pay_max=self.pay_max.value() or None,
        )

    def refresh(self) -> None:
        """Run the search with the filters and sort, and show the result (one model reset)."""
        current = self.current_role_id()
        rows = self.browser.search(self.search.text(), self.current_filter(), self.model.sort_key,
                                   self.model.descending)
        self.model.set_rows(rows)
        total = len(self.browser.summaries)
        self.count_label.setText(f"{len(rows):,} of {total:,} roles" if len(rows) != total else f"{total:,} roles")
        self.clear_filters.setEnabled(self.current_filter().active)
        if rows:
            self.empty_label.hide()
        else:
            words = self.search.text().strip()
            what = f"No roles match \u201c{words}\u201d" if words else "No roles match"
            hint = " with these filters. Try Clear filters." if self.current_filter().active else \
                ". Try fewer or shorter words."
            self.empty_label.setText(what + hint)
            self.empty_label.show()
        if current:
            self.select_role(current)

    def _level_from_changed(self) -> None:
        """Ranks compare only within one ladder: offer 'to' levels on the 'from' level's ladder only."""
        code = self.level_from.currentData()
        levels = self.browser.levels
        ladder = levels[code].ladder if code else None
        item_model: QStandardItemModel = self.level_to.model()
        for row in range(1, self.level_to.count()):
            other = levels[self.level_to.itemData(row)]
            item_model.item(row).setEnabled(ladder is None or other.ladder == ladder)
        to_code = self.level_to.currentData()
        if to_code and ladder and levels[to_code].ladder != ladder:
            self.level_to.blockSignals(True)
            self.level_to.setCurrentIndex(0)
            self.level_to.blockSignals(False)
        self.refresh()

    def _pay_changed(self) -> None:
        low, high = self.pay_min.value(), self.pay_max.value()
        if low and high and low > high:
            other = self.pay_max if self.sender() is self.pay_min else self.pay_min
            other.blockSignals(True)
            other.setValue(low if other is self.pay_max else high)
            other.blockSignals(False)
        self.refresh()

    def clear_all_filters(self) -> None:
        for widget in (self.family, self.track, self.source, self.level_from, self.level_to):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for box in (self.pay_min, self.pay_max):
            box.blockSignals(True)
            box.setValue(0)
            box.blockSignals(False)
        self._level_from_changed()

    def focus_search(self) -> None:
        # The shortcut fires only while Browse is on screen (Qt skips hidden widgets' shortcuts).
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    # -- selection, opening, comparing -----------------------------------------------------

    def current_role_id(self) -> Optional[str]:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.model.data(index, ROLE_ID_ROLE)

    def selected_role_ids(self) -> list[str]:
        """The selected roles in the order they were picked (Compare keeps that order)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        selected = [self.model.row_at(r).id for r in rows]
        picked = [rid for rid in self._picked if rid in selected]
        return picked + [rid for rid in selected if rid not in picked]

    def _selection_changed(self, *_args) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        current = {self.model.row_at(r).id for r in rows}
        self._picked = [rid for rid in self._picked if rid in current]
        self._picked += sorted(current - set(self._picked), key=lambda rid: self.model.row_of(rid))

    def select_role(self, role_id: str) -> bool:
        row = self.model.row_of(role_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.open_button.setEnabled(count == 1 or (count == 0 and self.model.rowCount() > 0))
        self.compare_button.setEnabled(2 <= count <= 4)

    def open_current(self) -> None:
        """Ask for the profile of the selected role, or of the first one shown."""
        role_id = self.current_role_id()
        if role_id is None and self.model.rowCount():
            role_id = self.model.row_at(0).id
        if role_id:
            self.role_opened.emit(role_id)

    def compare_selected(self) -> None:
        ids = self.selected_role_ids()
        if 2 <= len(ids) <= 4:
            self.compare_requested.emit(ids)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Resize:
            self._fit_columns()
        if event.type() == QEvent.KeyPress:
            key = event.key()
            if watched is self.table and key in (Qt.Key_Return, Qt.Key_Enter):
                self.open_current()
                return True
            if watched is self.search and key in (Qt.Key_Return, Qt.Key_Enter):
                self.open_current()
                return True
            if watched is self.search and key == Qt.Key_Down and self.model.rowCount():
                self.table.setFocus(Qt.TabFocusReason)
                if self.current_role_id() is None:
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def set_repository(self, repo: CatalogueFile) -> bool:
        """Kept as it is when `repo` took over the file this view was built from (see MainWindow)."""
        if browser_for(repo) is not self.browser:
            return False
        self.repo = repo
        return True

    # -- settings ------------------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        settings.browse_search = self.search.text()
        settings.browse_role = self.current_role_id() or ""

    def restore_settings(self, settings: Settings) -> None:
        self.search.setText(settings.browse_search)
        role_id = settings.browse_role
        if role_id:
            self.select_role(role_id)
