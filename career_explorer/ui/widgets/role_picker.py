"""A role picker: a line edit that completes from the catalogue's search index as you type.

Each keystroke asks the catalogue for a screenful of the best titles and alternate titles (see
data/title_matches.py). Nothing is loaded ahead of typing, so a catalogue of 100,000 roles costs the
picker what one of 17 does.
"""

from __future__ import annotations

from typing import Optional, Protocol

from PySide6.QtCore import QModelIndex, QPoint, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolTip, QWidget

from career_explorer.domain.catalogue import TitleMatch
from career_explorer.ui.models.role_completion_model import ROLE_ID, RoleCompletionModel

PLACEHOLDER = "Type a job title…"
SHOWN = 15  # completions per keystroke: a screenful
POPUP_CHARS = 90  # the completion list is at least this wide (in average characters): rows can be long


class TitleSource(Protocol):
    """Where the picker's completions come from: a CatalogueRepository."""

    def title_matches(self, text: str, limit: int = SHOWN) -> list[TitleMatch]: ...

    def roles_named(self, text: str, most: int = 2) -> list[str]: ...

    def role_title(self, role_id: str) -> Optional[str]: ...


class RolePicker(QLineEdit):
    """Pick a role by title or alternate title: type the start of any of its words, in any case.

    Keyboard: type, Down to a completion, Enter picks it; Escape closes the list. Enter with no
    completion highlighted, or leaving the field, picks the one role the text names. Text that names no
    role empties the picker and says so in the field.
    """

    role_changed = Signal(object)  # the role id, or None

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._source: Optional[TitleSource] = None
        self._role_id: Optional[str] = None
        self._title = ""
        self._message = ""
        self._placeholder, self._tooltip = PLACEHOLDER, ""
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)

        self.completion_model = RoleCompletionModel(parent=self)
        self.role_completer = QCompleter(self.completion_model, self)
        # Unfiltered: the model holds only the matches for the text, already ranked by the catalogue.
        self.role_completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.role_completer.setMaxVisibleItems(SHOWN)
        # setWidget, not setCompleter: the latter writes each highlighted row into the field.
        self.role_completer.setWidget(self)
        # Every row is one line of text: the list need not lay each row out to learn its height.
        self.role_completer.popup().setUniformItemSizes(True)
        self.role_completer.activated[QModelIndex].connect(self._completed)
        self.textEdited.connect(self._text_edited)
        self.returnPressed.connect(self._return_pressed)
        self.editingFinished.connect(self._editing_finished)

    # -- the API the views use --------------------------------------------------------------

    def set_choices(self, source: Optional[TitleSource]) -> None:
        """Complete from `source` (a CatalogueRepository), queried per keystroke; keep the role if it has it."""
        current = self._role_id
        self._source = source
        self.completion_model.set_matches([])
        blocked = self.blockSignals(True)
        self.set_role_id(current)
        self.blockSignals(blocked)

    def role_id(self) -> Optional[str]:
        return self._role_id

    def set_role_id(self, role_id: Optional[str]) -> None:
        """Select a role by id, showing its title; None, or a role the catalogue lacks, clears the picker."""
        title = self._source.role_title(role_id) if role_id and self._source is not None else None
        self._select(role_id if title else None, title or "")

    def currentText(self) -> str:
        return self.text()

    def lineEdit(self) -> QLineEdit:
        return self

    def message(self) -> str:
        """What the picker last said about the typed text ('' when nothing)."""
        return self._message

    def matches(self, text: str) -> list[str]:
        """Role ids that `text` names (at most two: exactly one means the text picks that role)."""
        return self._source.roles_named(text) if self._source is not None else []

    # -- typing -------------------------------------------------------------------------------

    def _text_edited(self, text: str) -> None:
        self._clear_message()
        self.show_completions(text)

    def show_completions(self, text: str) -> None:
        """Ask the catalogue for the best completions of `text` and show them under the field."""
        matches = self._source.title_matches(text, SHOWN) if self._source is not None and text.strip() else []
        self.completion_model.set_matches(matches)
        popup = self.role_completer.popup()
        if not matches:
            popup.hide()
            return
        rect = self.rect()
        # A fixed width, not one measured per keystroke (measuring 15 rows of text costs ~4 ms).
        rect.setWidth(max(rect.width(), self.fontMetrics().averageCharWidth() * POPUP_CHARS))
        self.role_completer.complete(rect)
        # Nothing highlighted until the user moves: Down goes to the best completion, Enter reads the text.
        popup.setCurrentIndex(QModelIndex())

    def _completed(self, index: QModelIndex) -> None:
        self.set_role_id(index.data(ROLE_ID))

    def _return_pressed(self) -> None:
        popup = self.role_completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer picks the highlighted completion once the line edit is done with the key
        popup.hide()
        self.resolve_text(offer_choices=True)

    def _editing_finished(self) -> None:
        # Leaving the field resolves the text; Enter is _return_pressed's. A hidden picker (its window
        # closing, or a view being replaced) changes nothing: its catalogue may already be closed.
        if not self.hasFocus() and self.isVisible():
            self.resolve_text()

    def resolve_text(self, offer_choices: bool = False) -> None:
        """Pick the one role the typed text names; empty the picker when it names none.

        Text naming several roles keeps the role picked before, or with `offer_choices` (Enter) lists them.
        """
        text = self.text()
        if self._role_id is not None and text == self._title:
            return
        if not text.strip():
            self._select(None, "")
            return
        named = self.matches(text)
        if len(named) == 1:
            self.set_role_id(named[0])
        elif not named:
            self._select(None, "")
            self._say(f"No role called '{text.strip()}'")
        elif offer_choices:
            self._say(f"Several roles match '{text.strip()}': pick one from the list")
            self.show_completions(text)
        else:
            self.setText(self._title)
            self.setCursorPosition(0)
            kept = f"; kept {self._title}" if self._title else ""
            self._say(f"Several roles match '{text.strip()}'{kept}")

    # -- state and messages ---------------------------------------------------------------------

    def _select(self, role_id: Optional[str], title: str) -> None:
        changed = role_id != self._role_id
        self._role_id, self._title = role_id, title
        self.role_completer.popup().hide()
        self.setText(title)
        self.setCursorPosition(0)  # a long title shows its start, not its end
        self._clear_message()
        if changed:
            self.role_changed.emit(role_id)

    def _say(self, text: str) -> None:
        """Show `text` where the user is looking: as the empty field's placeholder, and as a tooltip."""
        if not self._message:
            self._placeholder, self._tooltip = self.placeholderText(), self.toolTip()
        self._message = text
        self.setPlaceholderText(text)
        self.setToolTip(text)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)

    def _clear_message(self) -> None:
        if self._message:
            self._message = ""
            self.setPlaceholderText(self._placeholder)
            self.setToolTip(self._tooltip)
