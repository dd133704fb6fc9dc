"""Open the catalogue off the GUI thread in two steps, so the window appears before the data layer has loaded
and the first view fills before pydantic has.

1. `open_for_first_view`: the file, checked, with the plain rows Browse and the status bar read.
2. `load_repository`: the same file as a CatalogueRepository, with the validated models (pydantic).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def open_for_first_view(path: Path) -> object:
    """Open `path` and read what the first view needs, without pydantic; returns the CatalogueFile."""
    from career_explorer.data.catalogue_file import CatalogueFile
    from career_explorer.services.browse import browser_for
    from career_explorer.services.catalogue_contents import contents_line

    opened = CatalogueFile(path)
    contents_line(opened)  # what the status bar reads, read here off the GUI thread
    browser_for(opened)
    return opened


def load_repository(opened) -> object:
    """The repository that takes over `opened` (its connection, rows and Browse's search); runs on a worker."""
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.services.browse import hand_over_browser

    repo = CatalogueRepository.from_file(opened)
    hand_over_browser(opened, repo)
    _ = repo.info  # builds the first validator here, off the GUI thread
    return repo


def start(work: Callable[[], object], on_done: Callable[[object], None], on_failed: Callable[[BaseException], None]):
    """Run `work` on the thread pool; the callbacks run on the GUI thread."""
    from career_explorer.ui.workers import Task
    from career_explorer.ui.workers import start as start_task

    task = Task(lambda progress, cancel: work())
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_failed)
    return start_task(task)
