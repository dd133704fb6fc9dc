"""Start the GUI: one QApplication, the catalogue, the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

from career_explorer.paths import bundled_catalogue
from career_explorer.ui.icons import app_icon

# Bench hooks, so a cold start can be timed end to end (bench/startup.py, bench/installer.py).
QUIT_WHEN_IDLE_ENV = "CAREER_EXPLORER_QUIT_WHEN_IDLE"
STARTUP_LOG_ENV = "CAREER_EXPLORER_STARTUP_LOG"


def run_gui(catalogue: Optional[Path] = None, self_test: bool = False) -> int:
    if self_test:
        # Headless unless told otherwise; must be set before the QApplication exists.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from career_explorer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Career Explorer")
    app.setOrganizationName("CareerExplorer")
    app.setDesktopFileName("career-explorer")
    app.setWindowIcon(app_icon())
    path = catalogue or bundled_catalogue()
    if self_test:
        from career_explorer.ui.self_test import run_self_test

        install_style(app)
        return run_self_test(app, path)

    from PySide6.QtCore import QTimer

    from career_explorer.ui import catalogue_loader as loader

    window = MainWindow()
    window.show()
    milestones = StartupMilestones(app)
    milestones.reached("shown")

    def failed(exc: BaseException) -> None:
        from career_explorer.ui.messages import show_error

        print(f"career-explorer: error: {exc}", file=sys.stderr)
        show_error(window, "Cannot open the catalogue", f"Career Explorer cannot start.\n\n{exc}")
        app.exit(1)

    def opened(catalogue) -> None:
        window.show_first_view(catalogue)
        milestones.reached("loaded")
        # After the first view is drawn: the repository's imports would hold the interpreter lock meanwhile.
        QTimer.singleShot(0, lambda: loader.start(lambda: loader.load_repository(catalogue), ready, failed))

    def ready(repo) -> None:
        window.set_repository(repo)
        if window.first_run():
            window.show_welcome()
        milestones.reached("ready", quit_after=True)

    def after_first_paint() -> None:
        # The style only changes check boxes on a dark palette, and the empty window has none: on a dark
        # palette its QProxyStyle costs ~10 ms (QStyle's enums) and a Python call per primitive drawn.
        install_style(app)
        # The loader thread and the store check import SQLite and platformdirs; begun before the first
        # paint they hold the interpreter lock while the empty window waits to be drawn.
        loader.start(lambda: loader.open_for_first_view(path), opened, failed)
        tell_store_problem(window)

    QTimer.singleShot(0, after_first_paint)
    return app.exec()


def install_style(app) -> None:
    from career_explorer.ui.style import install

    install(app)


def tell_store_problem(window) -> Optional[str]:
    """Say at start, in a dialog, when the user-data folder or store cannot be used at all.

    Only the location is checked (no SQLite, no pydantic: this is on the start-up path); a damaged
    store is found, moved aside and told about when My plan opens it.
    """
    from career_explorer.data.user_store_file import StoreUnusable, check_location, default_store_path

    try:
        check_location(default_store_path())
        return None
    except StoreUnusable as exc:
        problem = str(exc)
    from career_explorer.ui.messages import inform  # only now: QMessageBox and Qt cost ~10-40 ms to import

    print(f"career-explorer: error: {problem}", file=sys.stderr)
    window.told_store_problem = problem
    inform(window, "Your saved plans", f"{problem}.\n\nCareer Explorer works, but nothing you do in My plan "
                                      "this session will be saved, and the window's settings will not be kept.")
    return problem


class StartupMilestones:
    """Bench hooks: log when the event loop first goes idle after each start-up milestone.

    CAREER_EXPLORER_STARTUP_LOG=FILE appends "<milestone> <epoch seconds>" lines: "shown" (the empty
    window), "loaded" (the first view filled) and "ready" (every view can be built);
    CAREER_EXPLORER_QUIT_WHEN_IDLE=1 quits once ready. Both are off by default.
    """

    def __init__(self, app) -> None:
        self.app = app
        self.log = os.environ.get(STARTUP_LOG_ENV)
        self.quit = bool(os.environ.get(QUIT_WHEN_IDLE_ENV))

    def reached(self, name: str, quit_after: bool = False) -> None:
        if not (self.log or self.quit):
            return
        from PySide6.QtCore import QTimer

        def idle() -> None:
            if self.log:
                with open(self.log, "a", encoding="utf-8") as handle:
                    handle.write(f"{name} {time.time():.6f}\n")
            if self.quit and quit_after:
                self.app.quit()

        QTimer.singleShot(0, idle)
