"""Start the GUI: one QApplication, the catalogue, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from career_explorer.paths import bundled_catalogue, resource

# Bench hook: quit as soon as the event loop is idle after the main window is first shown, so a
# cold start can be timed end to end (bench/installer.py, frozen and from source alike).
QUIT_WHEN_IDLE_ENV = "CAREER_EXPLORER_QUIT_WHEN_IDLE"


def icon_files() -> list[Path]:
    """The window icon's PNG sizes (career_explorer/assets/icon-<N>.png), smallest first."""
    return sorted(resource("assets").glob("icon-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def app_icon():
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


def run_gui(catalogue: Optional[Path] = None, self_test: bool = False) -> int:
    if self_test:
        # Headless unless told otherwise; must be set before the QApplication exists.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.errors import CatalogueError
    from career_explorer.ui.main_window import MainWindow
    from career_explorer.ui.messages import show_error

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Career Explorer")
    app.setOrganizationName("CareerExplorer")
    app.setDesktopFileName("career-explorer")
    app.setWindowIcon(app_icon())
    path = catalogue or bundled_catalogue()
    if self_test:
        from career_explorer.ui.self_test import run_self_test

        return run_self_test(app, path)
    try:
        repo = CatalogueRepository(path)
    except CatalogueError as exc:
        print(f"career-explorer: error: {exc}", file=sys.stderr)
        show_error(None, "Cannot open the catalogue", f"Career Explorer cannot start.\n\n{exc}")
        return 1
    window = MainWindow(repo)
    window.show()
    if os.environ.get(QUIT_WHEN_IDLE_ENV):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return app.exec()
