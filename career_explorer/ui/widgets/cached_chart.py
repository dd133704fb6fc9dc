"""A ChartCanvas that keeps each route's finished picture, and can paint routes ahead while the user reads.

Drawing a route's chart costs a matplotlib layout and render (about one bare canvas draw). Selecting
a route whose chart was drawn before at this size, theme and row choice shows the kept figure and
its rendered pixels instead: nothing is laid out or rendered again. `prerender` draws a route the
user has not selected yet into the same cache, off screen, one chart per idle turn.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable, NamedTuple, Optional

from career_explorer.domain.route import Route
from career_explorer.ui.widgets.chart_canvas import ChartCanvas

# Pictures kept per chart: the routes listed (up to 20) and a few before them.
KEPT = 24


class Picture(NamedTuple):
    route: Route  # held so its id() stays unique while the picture is kept
    figure: Any
    renderer: Any
    result: Any


class CachedChart(ChartCanvas):
    """A ChartCanvas whose redraw reuses the figure and pixels of a route drawn before."""

    def __init__(self, *args, variant: Callable[[], Hashable] = lambda: None, **kwargs) -> None:
        """`variant` names whatever else changes the picture (for the heatmap: all rows or the top ones)."""
        super().__init__(*args, **kwargs)
        self._variant = variant
        self._pictures: "OrderedDict[tuple, Picture]" = OrderedDict()
        self.hits = 0

    def forget(self) -> None:
        self._pictures.clear()

    def _key(self, route: Route, size: tuple[float, float], dpi: float) -> tuple:
        from career_explorer.ui.formatting import chart_theme

        theme = chart_theme(self.palette())
        return (id(route), self._variant(), round(size[0], 3), round(size[1], 3), dpi, repr(theme))

    def _keep(self, key: tuple, picture: Picture) -> None:
        self._pictures[key] = picture
        self._pictures.move_to_end(key)
        while len(self._pictures) > KEPT:
            self._pictures.popitem(last=False)

    def _draw_into(self, figure, route: Route) -> Any:
        from career_explorer.charts.theme import apply_theme
        from career_explorer.ui.formatting import chart_theme

        result = self._draw_fn(figure, route)
        apply_theme(figure, chart_theme(self.palette()))
        return result

    def _target_size(self, route: Route) -> tuple[tuple[float, float], float]:
        """Inches and dpi the canvas will have for `route` (the heatmap's height follows its rows)."""
        width, height = self.canvas.width(), self.canvas.height()
        if self._min_height is not None and self.scroll is not None:
            # In the scroll area the canvas is as tall as its rows need, or the view; a scroll bar takes width.
            view = self.scroll.viewport()
            needed = self._min_height(route)
            height = max(needed, view.height())
            scrollbar = self.scroll.verticalScrollBar()
            bar = scrollbar.sizeHint().width()
            full = view.width() + (bar if scrollbar.isVisible() else 0)
            width = full - bar if needed > view.height() else full
        dpi = self.figure.dpi
        ratio = self.canvas.device_pixel_ratio
        return (width * ratio / dpi, height * ratio / dpi), dpi

    def redraw(self) -> None:
        self._pending = False
        route = self._route
        if route is None:
            return
        self._ensure_canvas()
        self.stack.setCurrentWidget(self.scroll if self.scroll is not None else self.canvas)
        if self._min_height is not None:
            self.canvas.setMinimumHeight(self._min_height(route))
        # The canvas's own size, not the last figure's: a scroll bar may have come or gone since.
        dpi = self.figure.dpi
        ratio = self.canvas.device_pixel_ratio
        size = (self.canvas.width() * ratio / dpi, self.canvas.height() * ratio / dpi)
        picture = self._pictures.get(self._key(route, size, dpi))
        if picture is not None and picture.route is route:
            self.hits += 1
            self._show(picture)
            return
        from matplotlib.figure import Figure

        figure = Figure(figsize=size, dpi=dpi, layout="constrained")
        self._attach(figure)
        self.canvas._lastKey = None  # a fresh renderer: the last one's pixels belong to a kept picture
        self.last_result = self._draw_into(figure, route)
        self.canvas.draw_idle()

    def _attach(self, figure) -> None:
        figure.set_canvas(self.canvas)
        self.canvas.figure = figure
        self.figure = figure
        # Callbacks live on the figure: each one reports its draws, connected once.
        if not getattr(figure, "_reports_draws", False):
            figure.canvas.mpl_connect("draw_event", lambda _event, f=figure: self._drawn(f))
            figure._reports_draws = True

    def _drawn(self, figure) -> None:
        route = self._route
        if route is not None and figure is self.figure:
            key = self._key(route, tuple(figure.get_size_inches()), figure.dpi)
            self._keep(key, Picture(route, figure, self.canvas.renderer, self.last_result))
        self.drawn.emit()

    def _show(self, picture: Picture) -> None:
        self._attach(picture.figure)
        self.canvas.renderer = picture.renderer
        self.canvas._lastKey = (*self.canvas.get_width_height(physical=True), picture.figure.dpi)
        self.last_result = picture.result
        self.canvas.update()
        self.drawn.emit()

    def prerender(self, route: Route) -> bool:
        """Draw `route` off screen into the cache at the size it would be shown; False when already kept."""
        if self.canvas is None or not self.isVisible():
            return False
        size, dpi = self._target_size(route)
        key = self._key(route, size, dpi)
        if key in self._pictures:
            return False
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=size, dpi=dpi, layout="constrained")
        agg = FigureCanvasAgg(figure)
        result = self._draw_into(figure, route)
        agg.draw()
        self._keep(key, Picture(route, figure, agg.renderer, result))
        return True

    def cached(self, route: Optional[Route]) -> bool:
        return route is not None and any(p.route is route for p in self._pictures.values())
