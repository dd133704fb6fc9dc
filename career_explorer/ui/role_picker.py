"""A role picker: a combo box that completes as you type, over titles and alternate titles."""

from __future__ import annotations

from typing import NamedTuple, Optional

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from career_explorer.ui.route_models import ROLE_ID, RoleCompletionModel, RoleEntry


class RoleChoice(NamedTuple):
    role_id: str
    title: str
    level: Optional[str] = None
    alt_titles: tuple[str, ...] = ()


class RolePicker(QComboBox):
    """Pick a role by title or alternate title; case does not matter and any part of a title matches."""

    role_changed = Signal(object)  # the role id, or None

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMaxVisibleItems(20)
        self.lineEdit().setPlaceholderText("Type a job title…")
        self.lineEdit().setClearButtonEnabled(True)
        self._entries: list[RoleEntry] = []

        self.completion_model = RoleCompletionModel(parent=self)
        self.role_completer = QCompleter(self.completion_model, self)
        self.role_completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.role_completer.setFilterMode(Qt.MatchContains)
        self.role_completer.setCompletionMode(QCompleter.PopupCompletion)
        self.role_completer.setCompletionRole(Qt.EditRole)
        self.role_completer.setMaxVisibleItems(12)
        self.lineEdit().setCompleter(self.role_completer)
        self.role_completer.activated[QModelIndex].connect(self._completed)
        self.currentIndexChanged.connect(lambda _i: self.role_changed.emit(self.role_id()))
        self.lineEdit().editingFinished.connect(self.resolve_text)

    def set_choices(self, choices: list[RoleChoice]) -> None:
        """Fill the list (titles, sorted) and the completer (titles and alternate titles)."""
        current = self.role_id()
        self.blockSignals(True)
        self.clear()
        counts: dict[str, int] = {}
        for c in choices:
            counts[c.title.casefold()] = counts.get(c.title.casefold(), 0) + 1
        entries = []
        for c in sorted(choices, key=lambda c: (c.title.casefold(), c.role_id)):
            text = c.title if counts[c.title.casefold()] == 1 else f"{c.title} [{c.role_id}]"
            self.addItem(text, c.role_id)
            self.setItemData(self.count() - 1, f"{c.title}{f' ({c.level})' if c.level else ''}\n{c.role_id}",
                             Qt.ToolTipRole)
            entries.append(RoleEntry(text, c.role_id, c.title, False))
            entries += [RoleEntry(alt, c.role_id, c.title, True) for alt in c.alt_titles
                        if alt.casefold() != c.title.casefold()]
        self._entries = entries
        self.completion_model.set_entries(entries)
        self.setCurrentIndex(self.findData(current) if current else -1)
        self.blockSignals(False)

    def role_id(self) -> Optional[str]:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_role_id(self, role_id: Optional[str]) -> None:
        """Select a role by id (None clears the picker)."""
        index = self.findData(role_id) if role_id else -1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index) if index >= 0 else "")
        self.lineEdit().setCursorPosition(0)  # a long title shows its start, not its end

    def _completed(self, index: QModelIndex) -> None:
        self.set_role_id(index.data(ROLE_ID))

    def matches(self, text: str) -> list[str]:
        """Role ids whose title or alternate title is `text` (ignoring case), else contains it."""
        wanted = text.strip().casefold()
        if not wanted:
            return []
        exact = {e.role_id for e in self._entries if e.text.casefold() == wanted}
        if exact:
            return sorted(exact)
        return sorted({e.role_id for e in self._entries if wanted in e.text.casefold()})

    def resolve_text(self) -> None:
        """After typing without the completer: select the one role the text names, or restore the text."""
        text = self.currentText()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return
        found = self.matches(text)
        if len(found) == 1:
            self.set_role_id(found[0])
        elif not text.strip():
            self.set_role_id(None)
        else:
            self.setEditText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
