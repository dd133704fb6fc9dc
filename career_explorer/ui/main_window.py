"""The main window: navigation bar, the four views, menus and the catalogue status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from career_explorer.ui.settings import Settings, app_settings
from career_explorer.ui.widgets.elided_label import ElidedLabel
from career_explorer.ui.widgets.placeholder_view import PlaceholderView

if TYPE_CHECKING:  # the data layer (and pydantic) load off the start-up path: see ui/app.py
    from career_explorer.data.catalogue_file import CatalogueFile
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.domain.route import Route
    from career_explorer.ui.dialogs.about_dialog import AboutDialog
    from career_explorer.ui.views.base_view import BaseView

ViewFactory = Callable[["CatalogueRepository", "MainWindow"], "BaseView"]


def _path_view(repo: CatalogueRepository, window: "MainWindow") -> BaseView:
    from career_explorer.ui.views.path_view import PathView

    return PathView(repo, window)


def _browse_view(repo: CatalogueRepository, window: "MainWindow") -> BaseView:
    from career_explorer.ui.views.browse_view import BrowseView

    return BrowseView(repo, window)


def _compare_view(repo: CatalogueRepository, window: "MainWindow") -> BaseView:
    from career_explorer.ui.views.compare_view import CompareView

    return CompareView(repo, window)


def _plan_view(repo: CatalogueRepository, window: "MainWindow") -> BaseView:
    from career_explorer.ui.views.plan_view import PlanView

    return PlanView(repo, window)


STATUS_MS = 8000  # how long a view's passing note stays in the status bar

VIEWS: list[tuple[str, ViewFactory]] = [
    ("Browse", _browse_view),
    ("Path", _path_view),
    ("Compare", _compare_view),
    ("My plan", _plan_view),
]
# Views that need only a CatalogueFile's plain rows: shown before the full repository (and pydantic) loads.
FILE_VIEWS = frozenset({"Browse"})


class MainWindow(QMainWindow):
    def __init__(self, repo: Optional["CatalogueRepository"] = None) -> None:
        """`repo` may come later, through set_repository, while the catalogue loads off the GUI thread."""
        super().__init__()
        self.repo = repo
        # The file the first view reads while its repository loads (show_first_view); None once it has.
        self.opened: Optional[CatalogueFile] = None
        self._waiting: list[Callable[[], object]] = []  # requests made before the repository was in
        self._profiles: dict[str, QWidget] = {}
        self._path_route: Optional[Route] = None  # the last route a view showed, for views built later
        self.told_store_problem: Optional[str] = None  # set by app.py when the start-up dialog said it
        self.setWindowTitle(self.window_title())
        self.resize(1200, 800)
        self.setMinimumSize(QSize(800, 560))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setAccessibleName("Views")
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 9px 12px; }")
        self.stack = QStackedWidget(self)
        # Views are built the first time they are shown: start-up pays only for the first one.
        self.views: dict[str, BaseView] = {}
        for name, _ in VIEWS:
            self.stack.addWidget(PlaceholderView(name, "Loading the catalogue…", self.stack))
            QListWidgetItem(name, self.nav)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.catalogue_label = ElidedLabel(self)
        self.statusBar().addPermanentWidget(self.catalogue_label, 1)
        self._build_menus()
        self.refresh_status()
        self.restore_settings()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        from career_explorer.ui.catalogue_menu import install_catalogue_menu

        self.catalogue_menu = install_catalogue_menu(self, file_menu)
        # setShortcuts, not shortcut=: setShortcut's overloads take Qt.Key, and resolving them builds the
        # whole Qt namespace (~90 enums, ~30 ms of a cold start); setShortcuts does not.
        quit_action = QAction("&Quit", self, triggered=self.close)
        quit_action.setShortcuts(QKeySequence.Quit)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for index, (name, _) in enumerate(VIEWS):
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda checked=False, i=index: self.show_view(i))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.welcome_action = QAction("&Welcome…", self, triggered=self.show_welcome)
        help_menu.addAction(self.welcome_action)
        for topic, label in (("framework", "Company &framework format"), ("flat-sheet", "Flat-&sheet mapping")):
            help_menu.addAction(label, lambda t=topic: self.show_help(t))
        self.about_action = QAction("&About Career Explorer", self, triggered=self.show_about)
        help_menu.addAction(self.about_action)

    def show_help(self, topic: str):
        """The import help shipped with the app, with Save templates…"""
        from career_explorer.ui.import_wizard.help_dialog import show_help

        self.help_dialog = show_help(self, topic)
        return self.help_dialog

    def view(self, name: str) -> BaseView:
        """The view called `name`, built (with its remembered settings) on first use."""
        view = self.views.get(name)
        if view is None:
            index = [n for n, _ in VIEWS].index(name)
            view = self._build_view(index, app_settings())
        return view

    def _build_view(self, index: int, settings: Settings) -> BaseView:
        """Build the view at `index` in place of what stands there, wired to the window by its signals."""
        name, factory = VIEWS[index]
        view = factory(self.repo or self.opened, self)
        view.role_opened.connect(self.open_role)
        view.path_requested.connect(self.plan_path)
        view.compare_requested.connect(self.show_comparison)
        view.route_shown.connect(lambda route, source=view: self._relay_route(route, source))
        view.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        view.path_route_changed(self._path_route)
        view.restore_settings(settings)  # after the wiring: restoring may already show a route
        old = self.stack.widget(index)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.views[name] = view
        return view

    def _relay_route(self, route: Optional[Route], source: BaseView) -> None:
        self._path_route = route
        for view in self.views.values():
            if view is not source:
                view.path_route_changed(route)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(VIEWS):
            name = VIEWS[row][0]
            if self.repo is not None or (self.opened is not None and name in FILE_VIEWS):
                self.view(name)
            self.stack.setCurrentIndex(row)

    def show_view(self, index_or_name: int | str) -> QWidget:
        index = index_or_name if isinstance(index_or_name, int) else [n for n, _ in VIEWS].index(index_or_name)
        if self.nav.currentRow() == index:
            self._show_row(index)
        else:
            self.nav.setCurrentRow(index)
        return self.stack.currentWidget()

    def current_view_name(self) -> str:
        return VIEWS[self.nav.currentRow()][0]

    def status_text(self) -> str:
        shown = self.repo or self.opened
        if shown is None:
            return "Loading the catalogue…"
        from career_explorer.services.catalogue_contents import contents_line

        return f"Catalogue: {shown.name} {shown.version} · {contents_line(shown)}"

    def refresh_status(self) -> None:
        self.catalogue_label.setText(self.status_text())

    def window_title(self) -> str:
        shown = self.repo or self.opened
        if shown is None:
            return "Career Explorer"
        return f"Career Explorer - {shown.name} {shown.version}"

    def show_first_view(self, opened: CatalogueFile) -> None:
        """Fill the views that need only `opened`'s plain rows (Browse) while its repository loads;
        set_repository(CatalogueRepository.from_file(opened)) follows and keeps them as they are."""
        self.opened = opened
        self._show_row(max(self.nav.currentRow(), 0))
        self.setWindowTitle(self.window_title())
        self.refresh_status()

    def _when_loaded(self, request: Callable[[], object]) -> bool:
        """True when `request` cannot run yet: no repository. It is kept, and run by set_repository, when
        the first view's file is open (the repository is then on its way)."""
        if self.repo is not None:
            return False
        if self.opened is not None:
            self._waiting.append(request)
        return True

    def set_repository(self, repo: CatalogueRepository) -> None:
        """Show another catalogue in every view. User data lives in the user store and is kept."""
        for dialog in list(self._profiles.values()):
            dialog.close()
        settings = app_settings()
        first = self.repo is None
        self.repo, self.opened = repo, None
        for index, (name, _) in enumerate(VIEWS):
            old = self.views.get(name)
            if old is None or old.set_repository(repo):
                continue
            old.save_settings(settings)
            self._build_view(index, settings)
        self._show_row(max(self.nav.currentRow(), 0))
        self.setWindowTitle(self.window_title())
        self.refresh_status()
        if first:
            self.catalogue_menu.catalogue_opened()
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            request()

    # -- moving between views -------------------------------------------------------------

    def plan_path(self, from_id: Optional[str] = None, to_id: Optional[str] = None) -> Optional[BaseView]:
        """Switch to the Path view and prefill it (either end may be None); None while the catalogue loads."""
        if from_id and to_id:
            app_settings().remember_route(from_id, to_id)
        self.show_view("Path")
        if self._when_loaded(lambda: self.plan_path(from_id, to_id)):
            return None
        view = self.view("Path")
        # "Plan a path from here" keeps where the route was going, and "to here" where it started.
        keep_from, keep_to = view.picked_roles()
        from_id, to_id = from_id or keep_from, to_id or keep_to
        if from_id == to_id:
            from_id, to_id = (from_id, None) if keep_to == to_id else (None, to_id)
        view.set_roles(from_id, to_id)
        return view

    def show_comparison(self, role_ids: list[str]) -> Optional[BaseView]:
        """Switch to Compare with these two to four roles; None while the catalogue loads."""
        self.show_view("Compare")
        if self._when_loaded(lambda: self.show_comparison(role_ids)):
            return None
        view = self.view("Compare")
        view.set_roles(*role_ids)
        return view

    def open_role(self, role_id: str):
        """Show the profile of `role_id` in its own window (one per role); None until the repository is in."""
        if self._when_loaded(lambda: self.open_role(role_id)):
            return None
        from career_explorer.ui.panels.role_profile import RoleProfileDialog

        dialog = self._profiles.get(role_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = RoleProfileDialog.show_role(self.repo, role_id, self, self)
        self._profiles[role_id] = dialog
        dialog.finished.connect(lambda _result, rid=role_id: self._profiles.pop(rid, None))
        return dialog

    # -- remembered between runs -------------------------------------------------------------

    def save_settings(self) -> None:
        """Size and position, the current view, and each view's own keys (save_settings(settings))."""
        settings = app_settings()
        settings.window_geometry = self.saveGeometry()
        settings.window_view = self.current_view_name()
        for view in self.views.values():
            view.save_settings(settings)
        settings.sync()

    def restore_settings(self) -> None:
        settings = app_settings()
        if settings.window_geometry is not None:
            self.restoreGeometry(settings.window_geometry)
        names = [n for n, _ in VIEWS]
        last = settings.window_view
        self.show_view(last if last in names else names[0])

    def closeEvent(self, event) -> None:
        self.save_settings()
        for dialog in list(self._profiles.values()):
            dialog.close()
        super().closeEvent(event)

    def show_welcome(self):
        """The welcome with its two questions; None while the catalogue is still loading."""
        if self.repo is None:
            return None
        from PySide6.QtCore import Qt  # not at the top: the first touch of Qt builds ~90 enums (~30 ms)

        from career_explorer.ui.dialogs.welcome_dialog import WelcomeDialog

        settings = app_settings()
        settings.welcome_shown = True
        dialog = WelcomeDialog(self.repo, settings, lambda a, b: self.plan_path(a, b), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def first_run(self) -> bool:
        return not app_settings().welcome_shown

    def show_about(self) -> AboutDialog:
        from PySide6.QtCore import Qt

        from career_explorer.services.catalogue_contents import source_parts
        from career_explorer.ui.dialogs.about_dialog import AboutDialog

        info = self.repo.info if self.repo is not None else None
        parts = source_parts(self.repo) if self.repo is not None else []
        dialog = AboutDialog(info, parts, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog
