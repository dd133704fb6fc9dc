"""Wizard page 4: each ladder's role levels in order, with branches, and the O*NET occupation of each role.

The order is a proposal from seniority words, shown for the user to drag into place; a ticked level
sits beside the level above it (a branch). Each ladder of more than one level must be confirmed: nothing
is ordered silently.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from career_explorer.data.importers.sheet_mapping import LadderSection, OnetChoice
from career_explorer.data.importers.sheet_proposals import propose_order
from career_explorer.domain.role_listing import Track
from career_explorer.ui.import_wizard.sheet_pages import wrapped


class LaddersPage(QWizardPage):
    """4. Order each ladder's levels (lowest at the top) and tick the branches; confirm each ladder."""

    def __init__(self, state, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle("Order each ladder's levels")
        self.setSubTitle("A proposal from words such as junior, senior, lead, principal and head. Lowest level "
                         "at the top; drag to reorder. Tick a level that sits beside the one above it (a branch).")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Ladder:", self))
        self.ladder_combo = QComboBox(self)
        self.ladder_combo.setObjectName("ladder")
        self.ladder_combo.currentTextChanged.connect(self._show)
        top.addWidget(self.ladder_combo, 1)
        layout.addLayout(top)
        self.levels = QListWidget(self)
        self.levels.setObjectName("ladder-levels")
        self.levels.setDragDropMode(QAbstractItemView.InternalMove)
        self.levels.setDefaultDropAction(Qt.MoveAction)
        self.levels.model().rowsMoved.connect(self._edited)
        self.levels.itemChanged.connect(self._edited)
        layout.addWidget(self.levels, 1)
        self.confirmed = QCheckBox("This ladder's order is right", self)
        self.confirmed.setObjectName("ladder-confirmed")
        self.confirmed.toggled.connect(self._confirm)
        layout.addWidget(self.confirmed)
        self.tracks_form = QFormLayout()
        layout.addLayout(self.tracks_form)
        self.status = wrapped("", self)
        layout.addWidget(self.status)
        self.orders: dict[str, tuple[list[str], dict[str, str]]] = {}
        self.checked: set[str] = set()
        self.track_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self.orders.clear()
        self.checked.clear()
        for ladder, titles in self.state.ladder_titles().items():
            saved = self.state.ladders.get(ladder)
            if saved and set(saved.order) | set(saved.branches) == set(titles):
                # Confirmed when the map was saved, for exactly these levels: no need to confirm again.
                self.orders[ladder] = (list(saved.order), dict(saved.branches))
                self.checked.add(ladder)
            else:
                self.orders[ladder] = propose_order(titles)
            if len(titles) == 1:
                self.checked.add(ladder)
        self._tracks()
        self.ladder_combo.blockSignals(True)
        self.ladder_combo.clear()
        self.ladder_combo.addItems(list(self.orders))
        self.ladder_combo.blockSignals(False)
        self._show(self.ladder_combo.currentText())

    def _tracks(self) -> None:
        while self.tracks_form.rowCount():
            self.tracks_form.removeRow(0)
        self.track_combos.clear()
        for role_type in self.state.role_types():
            combo = QComboBox(self)
            combo.addItems([t.value for t in Track])
            known = self.state.tracks.get(role_type)
            combo.setCurrentText(known.value if known else ("management" if "manag" in role_type.lower()
                                                           else "professional"))
            self.track_combos[role_type] = combo
            self.tracks_form.addRow(f"Track of role type {role_type!r}:", combo)

    def _show(self, ladder: str) -> None:
        if ladder not in self.orders:
            return
        order, branches = self.orders[ladder]
        self.levels.blockSignals(True)
        self.levels.clear()
        for title in order:
            self._add(title, False)
            for branch in (b for b, beside in branches.items() if beside == title):
                self._add(branch, True)
        self.levels.blockSignals(False)
        self.confirmed.blockSignals(True)
        self.confirmed.setChecked(ladder in self.checked)
        self.confirmed.setEnabled(self.levels.count() > 1)
        self.confirmed.blockSignals(False)
        self._update_status()

    def _add(self, title: str, branch: bool) -> None:
        item = QListWidgetItem(title)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable | Qt.ItemIsDragEnabled)
        item.setCheckState(Qt.Checked if branch else Qt.Unchecked)
        item.setToolTip("Ticked: a branch beside the level above it, at the same height")
        self.levels.addItem(item)

    def read_list(self) -> tuple[list[str], dict[str, str]]:
        """The list as an order and branches: a ticked item sits beside the nearest unticked item above it."""
        order: list[str] = []
        branches: dict[str, str] = {}
        for i in range(self.levels.count()):
            item = self.levels.item(i)
            if item.checkState() == Qt.Checked and order:
                branches[item.text()] = order[-1]
            else:
                order.append(item.text())
        return order, branches

    def _edited(self, *args) -> None:
        ladder = self.ladder_combo.currentText()
        if ladder in self.orders:
            self.orders[ladder] = self.read_list()
            self.checked.discard(ladder)  # a changed order is confirmed again
            self.confirmed.blockSignals(True)
            self.confirmed.setChecked(False)
            self.confirmed.blockSignals(False)
        self._update_status()

    def _confirm(self, on: bool) -> None:
        ladder = self.ladder_combo.currentText()
        (self.checked.add if on else self.checked.discard)(ladder)
        self._update_status()

    def _update_status(self) -> None:
        left = [ladder for ladder in self.orders if ladder not in self.checked]
        self.status.setText(f"{len(self.orders) - len(left)} of {len(self.orders)} ladders confirmed"
                            + (f"; still to check: {', '.join(left)}" if left else "."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.orders) and all(ladder in self.checked for ladder in self.orders)

    def validatePage(self) -> bool:
        self.state.ladders = {ladder: LadderSection(order=tuple(order), branches=branches)
                              for ladder, (order, branches) in self.orders.items()}
        self.state.tracks = {t: Track(c.currentText()) for t, c in self.track_combos.items()}
        return True


class OnetPage(QWizardPage):
    """4b. The O*NET occupation proposed for each role level: tick to use it, or edit the code, or leave unticked."""

    COLUMNS = ("Role level", "O*NET code", "Occupation", "Use")

    def __init__(self, state, propose, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.state = state
        self.propose = propose  # (roles, mapping) -> {title: OnetChoice}: the service, patched in tests
        self.setTitle("Map roles to O*NET occupations (optional)")
        self.setSubTitle("A mapped role shows its occupation's US national pay, labelled as such, and the O*NET "
                         "lens on routes. Tick the proposals that fit; edit a code to choose another.")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("onet-table")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.table.itemChanged.connect(self._code_edited)
        self.proposed: dict[int, str] = {}

    def initializePage(self) -> None:
        state = self.state
        roles = [(ladder, title, r.fields.get("family")) for (ladder, title), r in (state.flat.roles.items()
                                                                                    if state.flat else [])]
        choices = self.propose(roles, state.mapping())
        self.table.blockSignals(True)
        self.table.setRowCount(len(choices))
        self.proposed = {row: choice.code or "" for row, choice in enumerate(choices.values())}
        for row, (title, choice) in enumerate(choices.items()):
            name = QTableWidgetItem(title)
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
            code = QTableWidgetItem(choice.code or "")
            occupation = QTableWidgetItem(choice.title or "no close O*NET title")
            occupation.setFlags(occupation.flags() & ~Qt.ItemIsEditable)
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
            use.setCheckState(Qt.Checked if choice.status == "confirmed" else Qt.Unchecked)
            for column, item in enumerate((name, code, occupation, use)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)

    def _code_edited(self, item: QTableWidgetItem) -> None:
        """Another code: the proposal's occupation title no longer applies (the import checks the code)."""
        if item.column() == 1 and item.text().strip() != self.proposed.get(item.row()):
            self.table.item(item.row(), 2).setText("another occupation: checked on import")

    def choices(self) -> dict[str, OnetChoice]:
        result = {}
        for row in range(self.table.rowCount()):
            title = self.table.item(row, 0).text()
            code = self.table.item(row, 1).text().strip() or None
            used = self.table.item(row, 3).checkState() == Qt.Checked and code is not None
            changed = code != (self.proposed.get(row) or None)
            occupation = None if changed or code is None else self.table.item(row, 2).text()
            result[title] = OnetChoice(code=code, title=occupation,
                                       status="confirmed" if used else ("proposed" if code else "skip"))
        return result

    def validatePage(self) -> bool:
        try:
            self.state.onet = self.choices()
        except ValueError:  # a code that is not NN-NNNN.NN
            self.setSubTitle("An O*NET code looks like 15-1252.00; fix the code column.")
            return False
        return True
