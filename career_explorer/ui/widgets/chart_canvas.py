"""The one embedded matplotlib chart widget: created on first draw (matplotlib stays off start-up).

On screen a chart follows the window's palette; Export always writes a figure of its own, sized and
coloured for print, through `chart_export.export_for_print` (tests patch `chart_export.ask_export_path`).
`FigurePanel` (ui/widgets/figure_panel.py) is this widget for charts whose function makes its own Figure.
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
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from career_explorer.domain.route import Route
from career_explorer.ui.widgets import chart_export

DrawFn = Callable[[Any, Any], Any]  # (matplotlib Figure, subject) -> whatever the chart reports
FigureFn = Callable[[Any], Any]  # subject -> a standalone matplotlib Figure, sized for print


class ChartCanvas(QWidget):
    """A titled chart with an Export button; the FigureCanvasQTAgg exists only once something is drawn."""

    drawn = Signal()
    exported = Signal(Path)
    # Wait for the window to paint before the first draw (which may import matplotlib, ~0.5 s).
    DEFER_DRAW = False

    def __init__(self, title: str, draw: Optional[DrawFn], export_text: str, file_stem: str,
                 min_height: Optional[Callable[[Route], int]] = None, parent: Optional[QWidget] = None, *,
                 export_figure: FigureFn, scroll: bool = False) -> None:
        """`draw` paints the subject on the screen's figure; `export_figure` makes the file's own figure."""
        super().__init__(parent)
        self._draw_fn, self._export_figure = draw, export_figure
        self._file_stem, self._min_height = file_stem, min_height
        self._route: Optional[Route] = None
        self._pending = False
        self.canvas = None
        self.figure = None
        self.last_result: Any = None

        self.title_label = QLabel(f"<b>{title}</b>", self)
        self.export_button = QPushButton(export_text, self)
        self.export_button.setEnabled(False)
        self.export_button.setToolTip("Save this chart as a PNG, SVG or PDF file")
        self.export_button.clicked.connect(self.export)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.export_button)

        self.placeholder = QLabel("Select a route to see this chart.", self)
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid);")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.scroll: Optional[QScrollArea] = None
        if min_height is not None or scroll:
            self.scroll = QScrollArea(self)
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QScrollArea.NoFrame)
            self.stack.addWidget(self.scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

    @property
    def route(self) -> Optional[Route]:
        return self._route

    def show_route(self, route: Optional[Route]) -> None:
        """Chart `route` now if the chart is on screen, else when it is first shown."""
        self._route = route
        self.export_button.setEnabled(route is not None)
        if route is None:
            self.stack.setCurrentWidget(self.placeholder)
            self._pending = False
            return
        self._pending = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending:
            self._draw_soon()

    def changeEvent(self, event) -> None:
        """A switch between light and dark palettes redraws the chart in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange and self.canvas is not None and self._route is not None:
            self._pending = True
            if self.isVisible():
                self._draw_soon()

    def _draw_soon(self) -> None:
        if self.DEFER_DRAW:
            QTimer.singleShot(0, self._draw_if_pending)
        else:
            self.redraw()

    def _draw_if_pending(self) -> None:
        if self._pending and self.isVisible():
            self.redraw()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.canvas.setMinimumSize(320, 220)
        self.canvas.setFocusPolicy(Qt.NoFocus)
        self.canvas.mpl_connect("draw_event", lambda _event: self.drawn.emit())
        if self.scroll is not None:
            self.scroll.setWidget(self.canvas)
            self.stack.setCurrentWidget(self.scroll)
        else:
            self.stack.addWidget(self.canvas)

    def redraw(self) -> None:
        """Draw the current route; the canvas paints on the next event-loop turn."""
        self._pending = False
        if self._route is None:
            return
        self._ensure_canvas()
        self.stack.setCurrentWidget(self.scroll if self.scroll is not None else self.canvas)
        if self._min_height is not None:
            self.canvas.setMinimumHeight(self._min_height(self._route))
        self.figure.clear()
        self.last_result = self._draw_fn(self.figure, self._route)
        # Match the window: a dark palette gets a dark, readable chart (exports stay print-light).
        from career_explorer.charts.theme import apply_theme
        from career_explorer.ui.formatting import chart_theme

        apply_theme(self.figure, chart_theme(self.palette()))
        self.canvas.draw_idle()

    def export(self) -> Optional[Path]:
        """Ask for a file and save the chart there, by its extension.

        The file gets the same chart drawn on a figure of its own, sized for print, so it does not
        depend on how large the panel is on screen.
        """
        if self._route is None:
            return None
        path = chart_export.ask_export_path(self, f"Export {self._file_stem.replace('-', ' ')}", self._file_stem)
        if path is None:
            return None
        if not chart_export.export_for_print(self, self._export_figure(self._route), path):
            return None
        self.exported.emit(path)
        return path
