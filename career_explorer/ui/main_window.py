"""The main window: navigation bar, the four views, menus and the catalogue status."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.ui.about_dialog import AboutDialog
from career_explorer.ui.placeholder_view import PlaceholderView

ViewFactory = Callable[[CatalogueRepository, "MainWindow"], QWidget]


def _placeholder(title: str, promise: str) -> ViewFactory:
    return lambda repo, window: PlaceholderView(title, promise)


VIEWS: list[tuple[str, ViewFactory]] = [
    ("Browse", _placeholder("Browse", "Search and filter every role by title, family, level and pay, and open its profile.")),
    ("Path", _placeholder("Path", "Pick where you are and where you want to be, and see each route step by step: "
                                  "the level change, the pay change and every skill jump.")),
    ("Compare", _placeholder("Compare", "Put two to four roles side by side: competencies, levels and pay.")),
    ("My plan", _placeholder("My plan", "Rate yourself, see the gap to a target role, and keep a development plan "
                                        "on this computer.")),
]


class MainWindow(QMainWindow):
    def __init__(self, repo: CatalogueRepository) -> None:
        super().__init__()
        self.repo = repo
        self.setWindowTitle(f"Career Explorer - {repo.info.name}")
        self.resize(1200, 800)
        self.setMinimumSize(QSize(800, 560))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setAccessibleName("Views")
        self.stack = QStackedWidget(self)
        self.views: dict[str, QWidget] = {}
        for name, factory in VIEWS:
            view = factory(repo, self)
            self.views[name] = view
            self.stack.addWidget(view)
            QListWidgetItem(name, self.nav)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.catalogue_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.catalogue_label)
        self._build_menus()
        self.refresh_status()
        self.nav.setCurrentRow(0)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.Quit, triggered=self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for index, (name, _) in enumerate(VIEWS):
            action = QAction(name, self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda checked=False, i=index: self.show_view(i))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = QAction("&About Career Explorer", self, triggered=self.show_about)
        help_menu.addAction(self.about_action)

    def show_view(self, index_or_name: int | str) -> QWidget:
        index = index_or_name if isinstance(index_or_name, int) else [n for n, _ in VIEWS].index(index_or_name)
        self.nav.setCurrentRow(index)
        return self.stack.currentWidget()

    def current_view_name(self) -> str:
        return VIEWS[self.nav.currentRow()][0]

    def status_text(self) -> str:
        counts = self.repo.counts()
        info = self.repo.info
        return f"Catalogue: {info.name} {info.version} - {counts.roles} roles, {counts.sources} sources"

    def refresh_status(self) -> None:
        self.catalogue_label.setText(self.status_text())

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.repo.info, list(self.repo.sources.values()), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog
