"""The window icon, shared by the GUI start (app.py) and the install check (self_test.py)."""

from __future__ import annotations

from pathlib import Path

from career_explorer.paths import resource


def icon_files() -> list[Path]:
    """The window icon's PNG sizes (career_explorer/assets/icon-<N>.png), smallest first."""
    return sorted(resource("assets").glob("icon-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def app_icon():
    # QtGui is imported here, not at the top, so the self-test can list the files without a QApplication.
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
