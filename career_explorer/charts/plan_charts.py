"""Charts of a person's own data: ratings over snapshots, and each rating against the level required."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Sequence

from career_explorer.charts.theme import LIGHT, ChartTheme, apply_theme
from career_explorer.domain.base import percent_of_scale
from career_explorer.domain.plan import CompetencyGap, RatingHistory, RatingSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def mixed_scales(series: Sequence[RatingSeries]) -> bool:
    return len({(s.scale_min, s.scale_max) for s in series}) > 1


def draw_history(ax: "Axes", data: RatingHistory, theme: ChartTheme = LIGHT) -> None:
    """One line per competency over the snapshots (evenly spaced, labelled by date).

    Levels are on their own scale, or as 0-100 of each scale when the scales differ. Each competency
    has its own colour and marker; lines with equal levels are drawn a hair apart so none hides
    another; a competency first rated after the first snapshot starts from a hollow "not rated" mark
    below the scale, joined by a dotted line, so "not rated → 3" shows as a change.
    """
    series = data.series
    if not data.taken or not series:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No snapshots yet: rate competencies and save.", ha="center", va="center",
                color=theme.muted, transform=ax.transAxes)
        return
    normalise = mixed_scales(series)
    markers = "osD^v<>phP*X"
    span = 100.0 if normalise else float((series[0].scale_max or 1) - (series[0].scale_min or 0)) or 1.0
    floor = -8.0 if normalise else (series[0].scale_min or 0) - 0.45
    spread = span * 0.012  # how far apart equal lines are drawn
    for index, s in enumerate(series):
        colour = theme.colour(index) if index < len(theme.series) else theme.colour(index + index // len(theme.series))
        offset = (index - (len(series) - 1) / 2) * spread
        xs = [i for i, _ in s.points]
        ys = [(_scaled(s, level) if normalise else level) + offset for _, level in s.points]
        style = "-" if index < len(theme.series) else "--"
        ax.plot(xs, ys, marker=markers[index % len(markers)], markersize=5, linewidth=1.6, linestyle=style,
                color=colour, label=textwrap.shorten(s.name, 30, placeholder="…"))
        if xs and xs[0] > 0:
            ax.plot([xs[0] - 1, xs[0]], [floor, ys[0]], linestyle=":", linewidth=1.2, color=colour)
            ax.plot([xs[0] - 1], [floor], marker=markers[index % len(markers)], markersize=5,
                    markerfacecolor=theme.background, color=colour, linestyle="")
    if normalise:
        ax.set_ylabel("Level, % of its scale", fontsize=8.5)
        ax.set_ylim(floor - 5, 105)
    else:
        low, high = series[0].scale_min, series[0].scale_max
        ax.set_ylabel("Level", fontsize=8.5)
        if low is not None and high is not None:
            ax.set_ylim(floor - 0.25, high + 0.3)
            ax.set_yticks([floor] + list(range(low, high + 1)), ["not rated"] + [str(v) for v in range(low, high + 1)])
    count = len(data.taken)
    step = max(1, count // 12)
    ticks = list(range(0, count, step))
    ax.set_xticks(ticks, [f"{data.taken[i]:%Y-%m-%d}\n{data.taken[i]:%H:%M}" for i in ticks], fontsize=7.5)
    ax.set_xlim(-0.5, count - 0.5)
    ax.set_xlabel("Snapshot", fontsize=8.5)
    ax.grid(alpha=0.3)
    ax.tick_params(axis="y", labelsize=7.5)
    ax.set_title("Ratings over snapshots", fontsize=10)
    # Below the plot, in as many columns as fit: a side legend squeezed the lines at small sizes.
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=min(len(series), 3),
              frameon=False)


def _scaled(series: RatingSeries, level: float) -> float:
    if series.scale_min is None or series.scale_max is None:
        return level
    return percent_of_scale(level, series.scale_min, series.scale_max)


def history_figure(data: RatingHistory, theme: ChartTheme = LIGHT, width: float = 7.5,
                   height: float = 3.6) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    draw_history(fig.add_subplot(), data, theme)
    return apply_theme(fig, theme)


def draw_gap_bars(ax: "Axes", gaps: Sequence[CompetencyGap], theme: ChartTheme = LIGHT) -> None:
    """Each competency with a required level: the rating and the requirement, as 0-100 of its scale."""
    shown = [g for g in gaps if g.required is not None]
    if not shown:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No competency with a published level", ha="center", va="center",
                color=theme.muted, transform=ax.transAxes)
        return
    names = [textwrap.shorten(g.name, 38, placeholder="…") for g in shown]
    ys = list(range(len(shown)))[::-1]
    required = [percent_of_scale(g.required, g.scale_min, g.scale_max) for g in shown]
    rated = [percent_of_scale(g.rating, g.scale_min, g.scale_max) for g in shown]
    ax.barh(ys, required, color=theme.grid, height=0.6)
    ax.barh(ys, [r or 0 for r in rated], color=theme.colour(0), height=0.3)
    for y, r in zip(ys, rated):
        if r is None:
            ax.text(1, y, "not rated", va="center", fontsize=7, color=theme.muted)
    ax.set_yticks(ys, names, fontsize=7.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Grey: the level required.  Blue: the rating.  Both as % of each competency's scale.",
                  fontsize=7.5)
    ax.tick_params(axis="x", labelsize=7.5)
    ax.set_title("Each rating against its required level", fontsize=10)
