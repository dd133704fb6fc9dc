"""A panel showing a matplotlib Figure made by a chart function, built only when first on screen.

matplotlib is imported on first draw, never at start-up. Export asks for a path through
`chart_export.ask_export_path`, which tests patch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from career_explorer.ui import chart_export, messages
from career_explorer.ui.formatting import chart_theme

FigureFactory = Callable[[Any], Any]  # (ChartTheme) -> matplotlib Figure


class FigurePanel(QWidget):
    """Shows the Figure from `set_factory`'s factory, drawn in the window's palette."""

    drawn = Signal()

    def __init__(self, title: str = "", file_stem: str = "chart", export: bool = True,
                 empty_text: str = "Nothing to chart yet.", parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.file_stem = file_stem
        self._factory: Optional[FigureFactory] = None
        self._pending = False
        self.figure = None
        self.canvas = None

        self.title_label = QLabel(f"<b>{title}</b>" if title else "", self)
        self.export_button = QPushButton("Export chart…", self)
        self.export_button.setToolTip("Save this chart as a PNG, SVG or PDF file")
        self.export_button.setEnabled(False)
        self.export_button.setVisible(export)
        self.export_button.clicked.connect(self.export)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.export_button)
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setEnabled(False)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if title or export:
            layout.addLayout(header)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)

    def set_factory(self, factory: Optional[FigureFactory]) -> None:
        """Chart with `factory` now if on screen, else when first shown; None shows the empty text."""
        self._factory = factory
        self.export_button.setEnabled(factory is not None)
        if factory is None:
            self._pending = False
            self.scroll.hide()
            self.empty_label.show()
            return
        self._pending = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._pending:
            # Draw after the window has painted: the first chart imports matplotlib (~0.5 s).
            QTimer.singleShot(0, self._draw_if_pending)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A switch between light and dark palettes redraws the chart in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange and self.canvas is not None and self._factory is not None:
            self._pending = True
            if self.isVisible():
                QTimer.singleShot(0, self._draw_if_pending)

    def _draw_if_pending(self) -> None:
        if self._pending and self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        self._pending = False
        if self._factory is None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.figure = self._factory(chart_theme(self.palette()))
        canvas = FigureCanvasQTAgg(self.figure)
        canvas.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        canvas.setFocusPolicy(Qt.NoFocus)
        width, height = self.figure.get_size_inches() * self.figure.dpi
        canvas.setMinimumSize(int(min(width, 320)), int(height * 0.85))
        canvas.mpl_connect("draw_event", lambda _event: self.drawn.emit())
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(canvas)
        self.canvas = canvas
        self.empty_label.hide()
        self.scroll.show()
        canvas.draw_idle()

    def export(self) -> Optional[Path]:
        """Ask for a file and save the chart (light theme, for printing) there, by its extension."""
        if self._factory is None:
            return None
        path = chart_export.ask_export_path(self, f"Export {self.file_stem.replace('-', ' ')}", self.file_stem)
        if path is None:
            return None
        from career_explorer.charts.theme import LIGHT

        try:
            self._factory(LIGHT).savefig(path, dpi=150, format=path.suffix.lstrip(".").lower() or "png")
        except (OSError, ValueError) as exc:
            messages.show_error(self, "Cannot export the chart", f"{path}: {exc}")
            return None
        return path
