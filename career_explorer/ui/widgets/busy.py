"""Show that work is under way while the GUI thread does it: a wait cursor and a status-bar line."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


@contextmanager
def busy(widget: QWidget, message: str) -> Iterator[None]:
    """For work of about a second that is not worth a thread: the user sees it is working, not frozen."""
    window = widget.window()
    bar = window.statusBar() if isinstance(window, QMainWindow) else None
    QGuiApplication.setOverrideCursor(Qt.WaitCursor)
    if bar is not None:
        bar.showMessage(message)
    # Paint the cursor and the message now; user input waits until the work is done.
    QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        if bar is not None:
            bar.clearMessage()
