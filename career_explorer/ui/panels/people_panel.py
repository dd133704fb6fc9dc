"""The coach's list of people: add, rename, tag, archive and delete (after an export is written)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.errors import DataError
from career_explorer.data.user_store import UserStore
from career_explorer.services.person_transfer import delete_with_export
from career_explorer.ui import messages
from career_explorer.ui.dialogs import plan_dialogs


class PeoplePanel(QWidget):
    """People in the store; emits `person_selected(id or None)` and `deleted(name, export path)`."""

    person_selected = Signal(object)
    deleted = Signal(str, Path)
    tags_changed = Signal()

    def __init__(self, store: UserStore, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = QListWidget(self)
        self.list.setAccessibleName("People")
        self.show_archived = QCheckBox("Show archived", self)
        self.add_button = QPushButton("Add…", self)
        self.rename_button = QPushButton("Rename…", self)
        self.archive_button = QPushButton("Archive", self)
        self.tags_label = QLabel(self)
        self.tags_label.setWordWrap(True)
        self.tags_label.setAccessibleName("Tags")
        self.tags_button = QPushButton("Tags…", self)
        self.tags_button.setToolTip("Tag the person (for example \u201cspring onboarding\u201d) to filter the "
                                    "Cohort tab and the cohort pack by it")
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Deletes the person after writing an export of their data "
                                      "to the deleted-exports folder")
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.rename_button, self.tags_button, self.archive_button,
                               self.delete_button)):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>People</b>", self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.show_archived)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(lambda *_: self._selected())
        self.show_archived.toggled.connect(lambda _on: self.reload(self.current_id()))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.tags_button.clicked.connect(self.edit_tags)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button.clicked.connect(self.delete)

    def current_id(self) -> Optional[int]:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.UserRole)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self, select: Optional[int] = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for person in self.store.people(include_archived=self.show_archived.isChecked()):
            item = QListWidgetItem(person.name + (" (archived)" if person.archived else ""), self.list)
            item.setData(Qt.UserRole, person.id)
            if person.archived:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(self.palette().placeholderText())
        self.list.blockSignals(False)
        rows = [i for i in range(self.list.count()) if self.list.item(i).data(Qt.UserRole) == select]
        self.list.setCurrentRow(rows[0] if rows else (0 if self.list.count() else -1))
        self._selected()

    def select(self, person_id: int) -> None:
        self.reload(person_id)

    def _selected(self) -> None:
        pid = self.current_id()
        for b in (self.rename_button, self.tags_button, self.archive_button, self.delete_button):
            b.setEnabled(pid is not None)
        if pid is not None:
            self.archive_button.setText("Unarchive" if self.store.person(pid).archived else "Archive")
        self._show_tags(pid)
        self.person_selected.emit(pid)

    def _show_tags(self, pid: Optional[int]) -> None:
        tags = self.store.tags(pid) if pid is not None else ()
        self.tags_label.setText("Tags: " + ", ".join(tags) if tags else "No tags")
        self.tags_label.setVisible(pid is not None)

    def edit_tags(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        tags = plan_dialogs.ask_tags(self, self.store.person(pid).name, self.store.tags(pid))
        if tags is not None and self._guard(lambda: self.store.set_tags(pid, tags), "Cannot save the tags"):
            self._show_tags(pid)
            self.tags_changed.emit()

    def _guard(self, action, title: str) -> bool:
        try:
            action()
        except DataError as exc:
            messages.show_error(self, title, str(exc))
            return False
        return True

    def add(self) -> None:
        name = plan_dialogs.ask_text(self, "Add person", "Name:")
        if name:
            added = []
            if self._guard(lambda: added.append(self.store.add_person(name)), "Cannot add the person"):
                self.reload(added[0].id)

    def rename(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        name = plan_dialogs.ask_text(self, "Rename person", "New name:", self.store.person(pid).name)
        if name and self._guard(lambda: self.store.rename_person(pid, name), "Cannot rename the person"):
            self.reload(pid)

    def toggle_archived(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        archived = not self.store.person(pid).archived
        self.store.set_archived(pid, archived)
        if archived and not self.show_archived.isChecked():
            self.reload(None)
        else:
            self.reload(pid)

    def delete(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        person = self.store.person(pid)
        question = (f"Delete {person.name} and all their snapshots, targets, actions, tags and session notes?\n\n"
                    "An export of their data is written to the deleted-exports folder first, "
                    "so they can be imported again.")
        if not messages.confirm(self, "Delete person", question):
            return
        saved: list[Path] = []
        if self._guard(lambda: saved.append(delete_with_export(self.store, pid)), "Cannot delete the person"):
            self.reload(None)
            self.deleted.emit(person.name, saved[0])
