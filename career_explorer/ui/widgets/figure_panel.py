"""The chart widget for chart functions that make their own Figure in a given theme (pay bands, radar).

It is a ChartCanvas: the same title row, empty text, palette-following redraw and print-coloured export;
only the figure comes from `factory(theme)` at the chart's own size instead of being drawn into the canvas's.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from career_explorer.ui.formatting import chart_theme
from career_explorer.ui.widgets.chart_canvas import ChartCanvas

FigureFactory = Callable[[Any], Any]  # (ChartTheme) -> matplotlib Figure


def _print_figure(factory: FigureFactory):
    from career_explorer.charts.theme import LIGHT

    return factory(LIGHT)


class FigurePanel(ChartCanvas):
    """Shows the Figure from `set_factory`'s factory, drawn in the window's palette."""

    DEFER_DRAW = True

    def __init__(self, title: str = "", file_stem: str = "chart", export: bool = True,
                 empty_text: str = "Nothing to chart yet.", parent: Optional[QWidget] = None) -> None:
        super().__init__(title, None, "Export chart…", file_stem, parent=parent, export_figure=_print_figure,
                         scroll=True)
        self.export_button.setVisible(export)
        self.title_label.setVisible(bool(title))
        self.placeholder.setText(empty_text)
        self.placeholder.setStyleSheet("")
        self.placeholder.setEnabled(False)

    def set_factory(self, factory: Optional[FigureFactory]) -> None:
        """Chart with `factory` now if on screen, else when first shown; None shows the empty text."""
        self.show_route(factory)

    def redraw(self) -> None:
        self._pending = False
        if self._route is None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.figure = self._route(chart_theme(self.palette()))
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
        self.stack.setCurrentWidget(self.scroll)
        canvas.draw_idle()
