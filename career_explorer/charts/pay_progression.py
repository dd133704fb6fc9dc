"""Pay along a route: medians per source and basis, with p25-p75 and p10-p90 bands where published.

Sources are never averaged: each (source, basis) is its own series. Series in another currency or
period go on a second y-axis; the axis labels name the currency.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Optional

from career_explorer.domain.money import format_money, short_money
from career_explorer.domain.route import PaySeries, Route

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf")


def role_tick(title: str, level: Optional[str], width: int = 16) -> str:
    """A role's title wrapped to three short lines, with its level below."""
    lines = textwrap.wrap(title, width, break_long_words=False)
    if len(lines) > 3:
        lines = lines[:2] + [textwrap.shorten(" ".join(lines[2:]), width, placeholder="…")]
    return "\n".join(lines + ([f"({level})"] if level else []))


def money_formatter(currency: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: short_money(value, currency, decimals=0))


def _runs(xs: list[int]) -> list[list[int]]:
    """Split positions into runs of neighbours: [0, 1, 3] -> [[0, 1], [3]]."""
    runs: list[list[int]] = []
    for x in xs:
        if runs and runs[-1][-1] == x - 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    return runs


def _draw_series(ax: "Axes", series: PaySeries, colour: str, show_values: bool) -> list[str]:
    """Plot one series; returns the band names drawn ("p25–p75", "p10–p90")."""
    dashed = series.basis != "base"
    bands = []
    for low, high, alpha, name in (("p10", "p90", 0.10, "p10–p90"), ("p25", "p75", 0.22, "p25–p75")):
        xs = [i for i, p in enumerate(series.points)
              if p is not None and getattr(p, low) is not None and getattr(p, high) is not None]
        if not xs:
            continue
        bands.append(name)
        for run in _runs(xs):
            lows = [getattr(series.points[i], low) for i in run]
            highs = [getattr(series.points[i], high) for i in run]
            if len(run) > 1:
                ax.fill_between(run, lows, highs, color=colour, alpha=alpha, linewidth=0)
            ax.vlines(run, lows, highs, color=colour, alpha=min(alpha * 3, 0.8),
                      linewidth=3 if low == "p25" else 1.2)
    xs = [i for i, p in enumerate(series.points) if p is not None and p.p50 is not None]
    ys = [series.points[i].p50 for i in xs]
    if xs:
        # One line per run of roles with a figure: a line through a role without pay would invent one.
        by_x = dict(zip(xs, ys))
        for index, run in enumerate(_runs(xs)):
            ax.plot(run, [by_x[x] for x in run], marker="o", color=colour, linestyle="--" if dashed else "-",
                    linewidth=2, label=f"{series.label} median" if index == 0 else "_nolegend_", zorder=3)
        if show_values:
            # Base pay is usually the lower line: its labels go below, the others above.
            dy, va = (-9, "top") if series.basis == "base" else (7, "bottom")
            for x, y in zip(xs, ys):
                ax.annotate(format_money(y, series.currency), (x, y), textcoords="offset points",
                            xytext=(0, dy), ha="center", va=va, fontsize=7, color=colour, in_layout=False)
    return bands


def draw_pay_progression(ax: "Axes", route: Route) -> list[PaySeries]:
    """Draw the pay chart on `ax`; returns the series drawn, primary axis first."""
    n = len(route.roles)
    ax.set_xticks(range(n), [role_tick(r.title, r.level_short) for r in route.roles], fontsize=7.5)
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_title("Pay along the route" if not route.is_direct else "Pay, direct comparison", fontsize=10)
    series = [s for s in route.pay_series if any(p is not None for p in s.points)]
    if not series:
        ax.set_yticks([])
        ax.text(0.5, 0.5, "No pay published for these roles", transform=ax.transAxes, ha="center",
                va="center", color="#666666")
        return []
    groups: list[tuple[str, str]] = []
    for s in series:
        if (s.currency, s.period) not in groups:
            groups.append((s.currency, s.period))
    axes = {groups[0]: ax}
    if len(groups) > 1:
        axes[groups[1]] = ax.twinx()
    drawn, bands, handles = [], set(), []
    for index, s in enumerate(series):
        target = axes.get((s.currency, s.period))
        if target is None:
            continue
        colour = COLOURS[index % len(COLOURS)]
        bands.update(_draw_series(target, s, colour, show_values=len(series) <= 3))
        drawn.append(s)
        handles += [h for h, label in zip(*target.get_legend_handles_labels()) if label == f"{s.label} median"]
    for (currency, period), axis in axes.items():
        axis.yaxis.set_major_formatter(money_formatter(currency))
        axis.set_ylabel(f"{period.capitalize()} pay ({currency})", fontsize=8.5)
        axis.tick_params(axis="y", labelsize=7.5)
        low, high = axis.get_ylim()
        middle = (low + high) / 2
        if high - low < 0.4 * abs(middle):
            # One figure, or close ones: at least ±20% around them, so a small change is not drawn as a cliff
            # and a lone point does not sit on ticks a few dollars apart.
            low, high = middle * 0.8, middle * 1.2
        # Headroom above the highest median keeps the legend clear of the data.
        axis.set_ylim(max(0.0, low - (high - low) * 0.15), high + (high - low) * 0.32)
    ax.grid(axis="y", alpha=0.3)
    _legend(ax, handles, sorted(bands))
    skipped = len(groups) - len(axes)
    if skipped > 0:
        ax.text(0.99, 0.01, f"{skipped} more currency or period not shown", transform=ax.transAxes,
                ha="right", va="bottom", fontsize=7, color="#666666")
    return drawn


def _legend(ax: "Axes", handles: list, bands: list[str]) -> None:
    from matplotlib.patches import Patch

    extra = [Patch(color="#777777", alpha=0.35 if b == "p25–p75" else 0.15, label=f"{b} band") for b in bands]
    ax.legend(handles=handles + extra, fontsize=7, loc="best", frameon=True, framealpha=0.85, edgecolor="none",
              ncol=2 if len(handles) + len(extra) > 3 else 1)


def pay_progression_figure(route: Route, width: float = 6.0, height: float = 4.0) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    draw_pay_progression(fig.add_subplot(), route)
    return fig

