"""File menu items for catalogues: Open catalogue…, Open recent, and the O*NET and framework importers.

`ask_catalogue_path` is the seam tests patch instead of clicking through a QFileDialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from career_explorer.ui.settings import MAX_RECENT, app_settings

if TYPE_CHECKING:  # the dialogs, messages and workers load on first use: the menu is built before first paint
    from career_explorer.ui.dialogs.import_dialogs import ImportRequest
    from career_explorer.ui.workers import TaskProgress

MAX_PROBLEMS_SHOWN = 15


def ask_catalogue_path(parent: Optional[QWidget]) -> Optional[Path]:
    from PySide6.QtWidgets import QFileDialog

    from career_explorer.ui.dialogs.import_dialogs import CATALOGUE_FILTER

    path, _ = QFileDialog.getOpenFileName(parent, "Open catalogue", "", CATALOGUE_FILTER)
    return Path(path) if path else None


def recent_catalogues() -> list[Path]:
    """Recently opened catalogues, newest first; files that no longer exist are dropped."""
    settings = app_settings()
    stored = settings.recent_catalogues
    kept = [p for p in stored if Path(p).is_file()][:MAX_RECENT]
    if kept != stored:
        settings.recent_catalogues = kept
        settings.sync()
    return [Path(p) for p in kept]


def remember_catalogue(path: Path) -> list[Path]:
    text = str(Path(path).resolve())
    kept = [text] + [str(p) for p in recent_catalogues() if str(p) != text]
    settings = app_settings()
    settings.recent_catalogues = kept[:MAX_RECENT]
    settings.sync()
    return [Path(p) for p in kept[:MAX_RECENT]]


def failure_text(exc: BaseException) -> str:
    """One message for a failed import: every framework problem (up to a limit), else the error."""
    problems = getattr(exc, "problems", None)
    if problems:
        shown = [str(p) for p in problems[:MAX_PROBLEMS_SHOWN]]
        more = len(problems) - len(shown)
        tail = [f"… and {more} more"] if more else []
        count = len(problems)
        return "\n".join([f"{count} problem{'s' if count != 1 else ''}; nothing was written.", ""] + shown + tail)
    from career_explorer.data.errors import DataError

    return str(exc) if isinstance(exc, DataError) else f"{type(exc).__name__}: {exc}"


class CatalogueMenu(QObject):
    """Owns the catalogue actions of one main window and the imports it started."""

    def __init__(self, window, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.imports: list[TaskProgress] = []
        self.open_action = QAction("&Open catalogue…", window)
        self.open_action.setShortcuts(QKeySequence.Open)  # not setShortcut: see MainWindow._build_menus
        self.open_action.triggered.connect(self.open_dialog)
        self.recent_menu = QMenu("Open &recent", window)
        self.recent_menu.aboutToShow.connect(self.rebuild_recent)
        self.import_onet_action = QAction("Import &O*NET…", window)
        self.import_onet_action.triggered.connect(self.import_onet)
        self.import_framework_action = QAction("Import company &framework…", window)
        self.import_framework_action.triggered.connect(self.import_framework)
        self.import_sheet_action = QAction("Import company framework from a &sheet…", window)
        self.import_sheet_action.triggered.connect(self.import_sheet)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.import_onet_action)
        menu.addAction(self.import_framework_action)
        menu.addAction(self.import_sheet_action)
        menu.addSeparator()
        if window.repo is not None:
            self.catalogue_opened()

    def catalogue_opened(self) -> None:
        """The window shows a catalogue: put it first in the recent list."""
        from career_explorer.data.titles_elsewhere import remember_catalogues

        # The catalogues opened before are where a plan's missing roles find their names.
        remember_catalogues(remember_catalogue(self.window.repo.path))
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        self.recent_menu.clear()
        current = self.window.repo.path.resolve() if self.window.repo is not None else None
        from career_explorer.data.catalogue_file import peek_name

        for index, path in enumerate(recent_catalogues(), 1):
            # People know a catalogue by its name; the file's place is in the tooltip.
            name = peek_name(path) or f"{path.name} (cannot be read)"
            action = self.recent_menu.addAction(f"&{index} {name}")
            action.setToolTip(str(path))
            action.setData(str(path))
            action.setCheckable(True)
            action.setChecked(path == current)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def open_dialog(self) -> bool:
        path = ask_catalogue_path(self.window)
        return self.open_path(path) if path else False

    def open_path(self, path: Path) -> bool:
        """Switch the window to the catalogue at `path`; a bad file leaves the current one in place."""
        # Imported here: the data layer (and pydantic) stay off the start-up path.
        from career_explorer.data.catalogue_repository import CatalogueRepository
        from career_explorer.data.errors import CatalogueError

        try:
            repo = CatalogueRepository(Path(path))
        except CatalogueError as exc:
            from career_explorer.ui import messages

            messages.show_error(self.window, "Cannot open the catalogue", str(exc))
            self.rebuild_recent()
            return False
        self.window.set_repository(repo)
        remember_catalogue(Path(path))
        self.rebuild_recent()
        info = repo.info
        self.window.statusBar().showMessage(f"Opened {info.name} {info.version} from {path}", 8000)
        return True

    # -- importers ------------------------------------------------------------------------------

    def import_onet(self) -> Optional[TaskProgress]:
        from career_explorer.ui.dialogs import import_dialogs

        request = import_dialogs.ask_onet_import(self.window)
        return self.run_import(request) if request else None

    def import_framework(self) -> Optional[TaskProgress]:
        from career_explorer.ui.dialogs import import_dialogs

        request = import_dialogs.ask_framework_import(self.window)
        return self.run_import(request) if request else None

    def import_sheet(self) -> Optional[TaskProgress]:
        """The flat-sheet wizard; it saves MAP.toml, then the import runs like every other."""
        from career_explorer.ui.import_wizard.wizard import SheetWizard, sheet_job

        request = SheetWizard.ask(self.window)
        return self.run_import(request, sheet_job(request)) if request else None

    def run_import(self, request: ImportRequest, job=None) -> TaskProgress:
        """Run an import off the GUI thread; when it succeeds, open the new catalogue."""
        from career_explorer.ui.dialogs import import_dialogs
        from career_explorer.ui.workers import TaskProgress

        runner = TaskProgress(self.window, request.title, job or import_dialogs.import_job(request))
        runner.finished.connect(lambda path: self._imported(runner, Path(path)))
        runner.failed.connect(lambda exc: self._failed(runner, request, exc))
        runner.cancelled.connect(lambda: self._cancelled(runner))
        self.imports.append(runner)
        return runner

    def _forget(self, runner: TaskProgress) -> None:
        if runner in self.imports:
            self.imports.remove(runner)

    def _imported(self, runner: TaskProgress, path: Path) -> None:
        self._forget(runner)
        self.open_path(path)

    def _failed(self, runner: TaskProgress, request: ImportRequest, exc: BaseException) -> None:
        self._forget(runner)
        from career_explorer.ui import messages

        messages.show_error(self.window, "Import failed", f"{request.source}\n\n{failure_text(exc)}")

    def _cancelled(self, runner: TaskProgress) -> None:
        self._forget(runner)
        self.window.statusBar().showMessage("Import cancelled; nothing was written.", 8000)


def install_catalogue_menu(window, menu: QMenu) -> CatalogueMenu:
    """Add the catalogue items to `menu` (the File menu) of `window`."""
    return CatalogueMenu(window, menu)
