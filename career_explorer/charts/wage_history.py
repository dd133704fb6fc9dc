"""Wage history: a role's median for each release of a wage survey, with the p25-p75 range shaded.

Releases are placed by date, so a gap year (no May 2023 release) shows as a longer step. A release
without a figure for the role is marked on the axis as "no figure", never drawn as 0, and the line is
broken there rather than joined across it. A top-coded median ('#') is not drawn as a number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from career_explorer.charts.theme import LIGHT, ChartTheme, apply_theme
from career_explorer.domain.money import short_money
from career_explorer.domain.wage_history import WageHistory

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def wage_history_figure(history: WageHistory, theme: ChartTheme = LIGHT, title: Optional[str] = None) -> "Figure":
    """A small trend chart of `history` (fits beside a profile: about 5 x 2.4 inches)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(5.2, 2.5), layout="constrained")
    ax = fig.add_subplot()
    colour = theme.colour(0)
    currency = history.currency
    xs = [p.as_of.year + (p.as_of.month - 1) / 12 for p in history.points]
    medians = [p.median for p in history.points]

    # Break the line where a release has no figure: join only neighbours that both have one.
    run_x: list[float] = []
    run_y: list[float] = []
    for x, y in zip(xs + [None], medians + [None]):
        if y is None:
            if len(run_x) > 1:
                ax.plot(run_x, run_y, color=colour, linewidth=2)
            run_x, run_y = [], []
        else:
            run_x.append(x)
            run_y.append(y)
    low = [p.band.p25 if p.band and "p25" not in p.band.lower_bounds else None for p in history.points]
    high = [p.band.p75 if p.band and "p75" not in p.band.lower_bounds else None for p in history.points]
    shaded = [(x, lo, hi) for x, lo, hi in zip(xs, low, high) if lo is not None and hi is not None]
    if len(shaded) > 1:
        ax.fill_between([s[0] for s in shaded], [s[1] for s in shaded], [s[2] for s in shaded],
                        color=colour, alpha=0.15, linewidth=0, label="middle half (p25–p75)")
    known = [(x, y) for x, y in zip(xs, medians) if y is not None]
    if known:
        ax.plot([k[0] for k in known], [k[1] for k in known], "o", color=colour, label="median")
        for x, y in known:
            ax.annotate(short_money(y, currency, period=history.period, decimals=1), (x, y),
                        textcoords="offset points", xytext=(0, 7),
                        ha="center", fontsize=8, color=theme.foreground)
    values = [v for v in medians + low + high if v is not None]
    bottom = min(values) if values else 0.0
    top = max(values) if values else 1.0
    pad = (top - bottom) * 0.25 or top * 0.1 or 1.0
    ax.set_ylim(bottom - pad, top + pad)
    for x, point in zip(xs, history.points):
        if point.median is None:
            ax.annotate("no figure", (x, bottom - pad), textcoords="offset points", xytext=(0, 4), ha="center",
                        fontsize=7, color=theme.muted)
    ax.set_xticks(xs, [p.label.replace(" ", "\n") for p in history.points], fontsize=8)
    ax.set_xlim(min(xs) - 0.4, max(xs) + 0.4)
    ax.yaxis.set_major_formatter(FuncFormatter(
        lambda v, _pos: "" if v <= 0 else short_money(v, currency, decimals=0 if top >= 1000 else None)))
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", alpha=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(shaded) > 1:
        ax.legend(fontsize=7, loc="upper left", frameon=False)
    period = "an hour" if history.period == "hourly" else "a year"
    credit = f"{history.points[0].source_label} to {history.points[-1].label}" if len(history.points) > 1 else \
        history.points[0].source_label
    ax.set_title(title or f"Median pay {period}, national ({credit})", fontsize=9, loc="left")
    return apply_theme(fig, theme)
