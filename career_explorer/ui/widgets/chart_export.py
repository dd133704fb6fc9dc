"""Exporting a chart: where to (`ask_export_path`, the one seam tests patch) and how (always in print colours)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QFileDialog, QWidget

from career_explorer.ui import messages

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


def export_for_print(parent: QWidget, figure, path: Path) -> bool:
    """Save `figure` to `path` in the light print theme, whatever the window's palette; say so if it fails."""
    from career_explorer.charts.route_figure import save_figure
    from career_explorer.charts.theme import LIGHT, apply_theme

    try:
        save_figure(apply_theme(figure, LIGHT), path)
    except (OSError, ValueError) as exc:
        messages.show_error(parent, "Cannot export the chart", f"{path}: {exc}")
        return False
    return True
