"""Chart colours that stay readable on a light or a dark window, and a helper to recolour any Figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LIGHT_SERIES = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")
# Lighter, more saturated hues for dark backgrounds.
DARK_SERIES = ("#6cb4ff", "#ff7b72", "#7ee787", "#d2a8ff", "#ffa657", "#e3b341", "#56d4dd")


@dataclass(frozen=True)
class ChartTheme:
    background: str = "#ffffff"
    foreground: str = "#1f2328"
    muted: str = "#59636e"
    grid: str = "#d8dee4"
    series: tuple[str, ...] = LIGHT_SERIES

    @property
    def dark(self) -> bool:
        return _luminance(self.background) < 0.5

    def colour(self, index: int) -> str:
        return self.series[index % len(self.series)]


LIGHT = ChartTheme()
DARK = ChartTheme(background="#202124", foreground="#e8eaed", muted="#aab0b6", grid="#3c4043", series=DARK_SERIES)


def _luminance(colour: str) -> float:
    text = colour.lstrip("#")
    r, g, b = (int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def theme_for(background: str, foreground: str) -> ChartTheme:
    """A theme matching a window's background and text colours (as '#rrggbb')."""
    base = DARK if _luminance(background) < 0.5 else LIGHT
    muted = base.muted
    return ChartTheme(background=background, foreground=foreground, muted=muted, grid=base.grid, series=base.series)


def _with_subfigures(figure):
    yield figure
    for sub in getattr(figure, "subfigs", ()):
        yield from _with_subfigures(sub)


def apply_theme(figure: "Figure", theme: ChartTheme) -> "Figure":
    """Recolour a finished figure's background, text, ticks, spines, grid and legends."""
    from matplotlib.colors import to_hex

    default_texts = {"#000000", "black"}
    for fig in _with_subfigures(figure):
        fig.patch.set_facecolor(theme.background)
        for text in fig.texts:
            if to_hex(text.get_color()) in default_texts:
                text.set_color(theme.foreground)
        for legend in fig.legends:
            legend.get_frame().set_facecolor(theme.background)
            legend.get_frame().set_edgecolor(theme.grid)
            for text in legend.get_texts():
                text.set_color(theme.foreground)
    for ax in figure.axes:
        ax.set_facecolor(theme.background)
        ax.tick_params(colors=theme.foreground, which="both")
        for label in ax.get_xticklabels() + ax.get_yticklabels():
            label.set_color(theme.foreground)
        for spine in ax.spines.values():
            spine.set_color(theme.muted)
        # A title placed left or right is a separate text from the centred one (matplotlib keeps three).
        for title in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None)):
            if title is not None:
                title.set_color(theme.foreground)
        ax.xaxis.label.set_color(theme.foreground)
        ax.yaxis.label.set_color(theme.foreground)
        for line in ax.get_xgridlines() + ax.get_ygridlines():
            line.set_color(theme.grid)
        for text in ax.texts:
            if to_hex(text.get_color()) in default_texts:
                text.set_color(theme.foreground)
        legend = ax.get_legend()
        if legend is not None:
            legend.get_frame().set_facecolor(theme.background)
            legend.get_frame().set_edgecolor(theme.grid)
            for text in legend.get_texts():
                text.set_color(theme.foreground)
    return figure
