"""The "Record session" dialog: date, what was discussed and agreed, the next date, actions ticked done."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Optional, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.errors import DataError
from career_explorer.domain.user import PlanAction, SessionNote
from career_explorer.services.sessions import new_session

NEXT_AFTER_DAYS = 14  # a fortnight: the rhythm coaches most often keep


class ActionChoice(NamedTuple):
    """One development action the dialog offers to tick done."""

    competency: str
    name: str
    action: PlanAction
    done_on: Optional[dt.date] = None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SessionDialog(QDialog):
    """Save stays disabled until something is written or ticked, and while the dates are wrong.

    Editing a session adds a Delete button; exec() then returns DELETE when it is pressed.
    """

    DELETE = 2

    def __init__(self, person: str, actions: Sequence[ActionChoice], note: Optional[SessionNote] = None,
                 today: Optional[dt.date] = None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        today = today or dt.date.today()
        self.setWindowTitle(f"Session with {person}" if note is None else f"Edit the session with {person}")
        self.actions = {a.competency: a.action for a in actions}
        self.held_on = QDateEdit(_qdate(note.held_on if note else today), self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setAccessibleName("Date held")
        self.discussed = self._text("What was discussed", note.discussed if note else None)
        self.agreed = self._text("Actions agreed", note.agreed if note else None)
        self.has_next = QCheckBox("Next session on", self)
        self.next_date = QDateEdit(_qdate(note.next_date if note and note.next_date
                                          else today + dt.timedelta(days=NEXT_AFTER_DAYS)), self)
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setAccessibleName("Next session date")
        self.has_next.setChecked(bool(note and note.next_date))
        self.next_date.setEnabled(self.has_next.isChecked())
        self.done_list = QListWidget(self)
        self.done_list.setAccessibleName("Actions done")
        self.done_list.setWordWrap(True)
        ticked = {d.competency for d in note.done} if note else set()
        for choice in actions:
            earlier = choice.done_on and choice.competency not in ticked
            when = f"  (done {choice.done_on.isoformat()})" if earlier else ""
            item = QListWidgetItem(f"{choice.name}: {choice.action.text}{when}", self.done_list)
            item.setData(Qt.UserRole, choice.competency)
            item.setToolTip(choice.action.text)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if choice.competency in ticked else Qt.Unchecked)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(link);")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button = None
        if note is not None:
            self.delete_button = buttons.addButton("Delete session", QDialogButtonBox.DestructiveRole)
            self.delete_button.clicked.connect(lambda: self.done(self.DELETE))

        next_row = QHBoxLayout()
        next_row.addWidget(self.has_next)
        next_row.addWidget(self.next_date)
        next_row.addStretch(1)
        form = QFormLayout()
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_on)
        held_row.addStretch(1)  # a date needs no full line
        held_label = QLabel("&Held on", self)
        held_label.setBuddy(self.held_on)
        form.addRow(held_label, held_row)
        form.addRow("&Discussed", self.discussed)
        form.addRow("A&greed", self.agreed)
        form.addRow("", next_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        done_label = QLabel("Development-plan actions &done in this session (Space ticks one):" if actions else
                            "No development actions written yet: write them in Gap and plan to tick them here.", self)
        done_label.setWordWrap(True)
        done_label.setBuddy(self.done_list)
        layout.addWidget(done_label)
        layout.addWidget(self.done_list, 1)
        self.done_list.setVisible(bool(actions))
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 560)

        for edit in (self.discussed, self.agreed):
            edit.textChanged.connect(self._check)
        self.done_list.itemChanged.connect(lambda _i: self._check())
        self.held_on.dateChanged.connect(lambda _d: self._check())
        self.next_date.dateChanged.connect(lambda _d: self._check())
        self.has_next.toggled.connect(self.next_date.setEnabled)
        self.has_next.toggled.connect(lambda _on: self._check())
        self.discussed.setFocus()
        self._check()

    def _text(self, name: str, text: Optional[str]) -> QPlainTextEdit:
        edit = QPlainTextEdit(text or "", self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(name)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field; the text may still hold lines
        edit.setMinimumHeight(70)
        return edit

    def ticked(self) -> list[str]:
        return [self.done_list.item(i).data(Qt.UserRole) for i in range(self.done_list.count())
                if self.done_list.item(i).checkState() == Qt.Checked]

    def tick(self, competency: str, on: bool = True) -> None:
        for i in range(self.done_list.count()):
            if self.done_list.item(i).data(Qt.UserRole) == competency:
                self.done_list.item(i).setCheckState(Qt.Checked if on else Qt.Unchecked)
                return
        raise KeyError(competency)

    def note(self) -> SessionNote:
        """The session as typed; DataError (one line) when it cannot be saved."""
        return new_session(_day(self.held_on.date()), self.discussed.toPlainText(), self.agreed.toPlainText(),
                           _day(self.next_date.date()) if self.has_next.isChecked() else None, self.ticked(),
                           self.actions)

    def _check(self) -> None:
        written = any(e.toPlainText().strip() for e in (self.discussed, self.agreed)) or bool(self.ticked())
        problem = ""
        if written:
            try:
                self.note()
            except DataError as exc:
                problem = str(exc).removeprefix("cannot save the session: ")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(written and not problem)

    @classmethod
    def ask(cls, parent: QWidget, person: str, actions: Sequence[ActionChoice],
            note: Optional[SessionNote] = None) -> Optional[SessionNote]:
        dialog = cls(person, actions, note, parent=parent)
        return dialog.note() if dialog.exec() == QDialog.Accepted else None
