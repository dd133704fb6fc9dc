"""What the main window relies on in every view, declared once.

A view talks to the window by signals, never by calling it: the window connects them when it builds the
view. Every method has a harmless default, so a view overrides only what it has (a plain base, not an
ABC: Qt's metaclass and ABCMeta do not mix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.domain.route import Route
    from career_explorer.ui.settings import Settings


class BaseView(QWidget):
    """One page of the main window, built as `View(repo, window)`."""

    role_opened = Signal(str)  # show this role's profile
    path_requested = Signal(object, object)  # show routes from, to (role ids; either may be None)
    compare_requested = Signal(list)  # compare these two to four role ids
    route_shown = Signal(object)  # the Route this view now shows, or None
    status_message = Signal(str)  # a passing note for the window's status bar

    def __init__(self, repo: CatalogueRepository, window: Optional[QWidget] = None) -> None:
        super().__init__(window)
        self.repo = repo

    def set_repository(self, repo: CatalogueRepository) -> bool:
        """Show another catalogue. True when switched in place; False (the default): build me afresh."""
        return False

    def restore_settings(self, settings: Settings) -> None:
        """Take up this view's remembered keys; called once, after the window has connected the signals."""

    def save_settings(self, settings: Settings) -> None:
        """Remember this view's keys (on close, and before the view is rebuilt for another catalogue)."""

    def set_roles(self, *role_ids: Optional[str]) -> None:
        """Show these roles, in the view's own order (from/current, then to/target; Compare: up to four)."""

    def picked_roles(self) -> tuple[Optional[str], ...]:
        """The roles now picked, in the order set_roles takes them."""
        return ()

    def path_route_changed(self, route: Optional[Route]) -> None:
        """The route another view shows (the Path view's `route_shown`), relayed by the window."""
