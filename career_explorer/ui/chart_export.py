"""Asking where to export a chart. `ask_export_path` is the one seam tests patch for every chart."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QFileDialog, QWidget

FILTERS = {"PNG image (*.png)": ".png", "SVG image (*.svg)": ".svg", "PDF document (*.pdf)": ".pdf"}


def ask_export_path(parent: QWidget, caption: str, suggested: str) -> Optional[Path]:
    """Ask where to save a chart; None when the user cancels. PNG unless another type is chosen."""
    name, chosen = QFileDialog.getSaveFileName(
        parent, caption, str(Path.home() / f"{suggested}.png"), ";;".join(FILTERS), next(iter(FILTERS))
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in FILTERS.values():
        path = path.with_name(path.name + FILTERS.get(chosen, ".png"))
    return path
