"""Open the catalogue off the GUI thread, so the window appears before the data layer has loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def load_catalogue(path: Path) -> object:
    """Open `path` and warm what the first view needs; runs on a worker thread, returns the repository."""
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.services.browse import browser_for
    from career_explorer.services.catalogue_contents import contents_line

    repo = CatalogueRepository(path)
    repo.info, contents_line(repo)  # what the title and status bar read, read here off the GUI thread
    browser_for(repo)
    return repo


def start_loading(path: Path, on_loaded: Callable[[object], None], on_failed: Callable[[BaseException], None]):
    """Load `path` on the thread pool; the callbacks run on the GUI thread."""
    from career_explorer.ui.workers import Task, start

    task = Task(lambda progress, cancel: load_catalogue(path))
    task.signals.finished.connect(on_loaded)
    task.signals.failed.connect(on_failed)
    return start(task)
