"""Radar: the compared roles' required levels, each normalised 0-100 on its own scale.

A role without a level on an axis leaves a gap there (never a fake zero); points are always marked. On
an axis whose scale starts at a real level (1 of 5, "General Familiarity"), that lowest level sits on
an inner ring, not at the centre, which would read as "nothing". Axis labels sit outside the 100 ring.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Optional

from career_explorer.charts.theme import LIGHT, ChartTheme, apply_theme
from career_explorer.domain.compare import RadarData

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

# Later roles get smaller markers of another shape, so equal levels stay visible on top of each other.
MARKERS = ("o", "s", "^", "D")


RADAR_SIZE = (7.5, 6.4)
# Where a scale's lowest level sits when that level is a real level, in % of the radius.
FLOOR_RING = 15.0


def radar_figure(data: Optional[RadarData], title: Optional[str] = None, theme: ChartTheme = LIGHT) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=RADAR_SIZE)
    draw_radar(fig, data, title, theme)
    return apply_theme(fig, theme)


def draw_radar(fig: "Figure | SubFigure", data: Optional[RadarData], title: Optional[str] = None,
               theme: ChartTheme = LIGHT) -> None:
    """Draw into a figure or subfigure; the polar axes sit in a fixed box inside it."""
    if data is None or len(data.axes) < 3:
        ax = fig.add_axes((0.05, 0.05, 0.9, 0.9))
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Too few competencies with levels to draw a radar\n(at least three are needed)",
                ha="center", va="center", color=theme.muted)
        return
    count = len(data.axes)
    angles = [2 * math.pi * i / count for i in range(count)]
    rows = math.ceil(len(data.titles) / 2)
    # The legend and the note below take points, not a share of the figure: on a short (printed) radar the
    # bottom axis name would run into the legend, so keep at least that many points free.
    height_pt = fig.bbox.height / fig.dpi * 72
    bottom = max(0.08 + 0.045 * rows, (40 + 14 * rows) / height_pt)
    top = 0.86 if title else 0.9
    # A fixed box with room around it: constrained layout does not see the polar tick labels.
    ax = fig.add_axes((0.16, bottom + 0.04, 0.68, top - bottom - 0.06), projection="polar")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    floors = data.floor_is_level or (False,) * count

    def radius(value: Optional[float], axis: int) -> float:
        if value is None:
            return math.nan
        return FLOOR_RING + value * (100 - FLOOR_RING) / 100 if floors[axis] else value

    for index, (name, values) in enumerate(zip(data.titles, data.values)):
        colour = theme.colour(index)
        ys = [radius(v, axis) for axis, v in enumerate(values)]
        marker = MARKERS[index % len(MARKERS)]
        ax.plot(angles + angles[:1], ys + ys[:1], color=colour, linewidth=1.8, marker=marker,
                markersize=9 - 1.5 * index, markevery=list(range(count)), label=name, zorder=3 + index)
        if all(v is not None for v in values):
            ax.fill(angles, ys, color=colour, alpha=0.12)
    ax.set_xticks(angles, ["\n".join(textwrap.wrap(a, 16)) for a in data.axes], fontsize=7.5)
    ax.set_ylim(0, 104)
    # Rings without numbers: with some axes lifted off the centre, one set of numbers would be wrong.
    ax.set_yticks([25, 50, 75, 100], [])
    ax.tick_params(axis="x", pad=12)
    ax.grid(color=theme.grid, linewidth=0.8)
    ax.spines["polar"].set_color(theme.grid)
    fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.03), ncol=min(len(data.titles), 2), fontsize=8,
               frameon=False)
    note = "Outer ring: the top of each competency's scale. A gap means no level is given."
    if any(floors):
        note += " Inner ring: a scale's lowest level (1 of 5)."
    if data.omitted:
        note += f"; {data.omitted} more not shown"
    fig.text(0.5, 0.005, note, ha="center", va="bottom", fontsize=7, color=theme.muted)
    if title:
        fig.suptitle(title, fontsize=11, y=0.97)
