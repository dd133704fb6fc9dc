"""The welcome: what the app is for, in one sentence, and the two questions that lead to a route.

Shown once on first start (and from Help > Welcome). Its two role pickers lead straight into the
Path view; routes asked for before are listed as "Recent routes" to open again with one click.
"""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from career_explorer.ui.settings import Settings
from career_explorer.ui.widgets.role_picker import RolePicker

PURPOSE = ("Career Explorer shows what it takes to get from the job you have to the job you want: the "
           "steps between them, the pay at each step and the skills that grow, from public data, on this "
           "computer only.")


class WelcomeDialog(QDialog):
    """Two questions, then the Path view; recent routes below them."""

    def __init__(self, repo, settings: Settings, open_route: Callable[[str, str], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Career Explorer")
        self.setMinimumWidth(560)
        self.settings = settings
        self.open_route = open_route

        heading = QLabel("<h2 style='margin:0'>Where do you want your career to go?</h2>", self)
        purpose = QLabel(PURPOSE, self)
        purpose.setWordWrap(True)
        self.from_picker = RolePicker(self)
        self.from_picker.setAccessibleName("Where are you now?")
        self.to_picker = RolePicker(self)
        self.to_picker.setAccessibleName("Where do you want to go?")
        for picker in (self.from_picker, self.to_picker):
            picker.set_choices(repo)
            picker.role_changed.connect(lambda _id: self._update())
        form = QFormLayout()
        form.addRow("Where are you &now?", self.from_picker)
        form.addRow("Where do you want to &go?", self.to_picker)
        hint = QLabel("Type the start of words in a job title, for example \"cust serv\" or \"nurse\".", self)
        hint.setEnabled(False)

        self.recent_label = QLabel("<b>Recent routes</b>", self)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName("Recent routes")
        self.recent.itemActivated.connect(self._open_recent)
        titles = {}
        for a, b in settings.recent_routes:
            names = [repo.role_title(a), repo.role_title(b)]
            if all(names):  # a role not in this catalogue is left out, not shown by its id
                item = QListWidgetItem(f"{names[0]} → {names[1]}", self.recent)
                item.setData(Qt.UserRole, (a, b))
                titles[(a, b)] = names
        self.recent_label.setVisible(bool(titles))
        self.recent.setVisible(bool(titles))
        rows = min(max(self.recent.count(), 1), 5)
        self.recent.setFixedHeight(rows * (self.recent.fontMetrics().height() + 8) + 6)

        buttons = QDialogButtonBox(self)
        self.show_button = QPushButton("&Show my routes", self)
        self.show_button.setDefault(True)
        buttons.addButton(self.show_button, QDialogButtonBox.AcceptRole)
        buttons.addButton("&Explore on my own", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self._show_routes)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(purpose)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        both = self.from_picker.role_id() is not None and self.to_picker.role_id() is not None
        self.show_button.setEnabled(both and self.from_picker.role_id() != self.to_picker.role_id())

    def _show_routes(self) -> None:
        a, b = self.from_picker.role_id(), self.to_picker.role_id()
        if a is None or b is None or a == b:
            return
        self.settings.remember_route(a, b)
        self.open_route(a, b)
        self.accept()

    def _open_recent(self, item: QListWidgetItem) -> None:
        a, b = item.data(Qt.UserRole)
        self.settings.remember_route(a, b)
        self.open_route(a, b)
        self.accept()
