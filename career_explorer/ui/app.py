"""Start the GUI: one QApplication, the catalogue, the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from career_explorer.paths import bundled_catalogue


def run_gui(catalogue: Optional[Path] = None, self_test: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.errors import CatalogueError
    from career_explorer.ui.main_window import MainWindow
    from career_explorer.ui.messages import show_error

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Career Explorer")
    app.setOrganizationName("CareerExplorer")
    path = catalogue or bundled_catalogue()
    try:
        repo = CatalogueRepository(path)
    except CatalogueError as exc:
        print(f"career-explorer: error: {exc}", file=sys.stderr)
        show_error(None, "Cannot open the catalogue", f"Career Explorer cannot start.\n\n{exc}")
        return 1
    window = MainWindow(repo)
    window.show()
    return app.exec()
