"""Pay bands: one row per role, source, region and basis; never averaged across sources.

A thin line spans p10-p90, a thick bar p25-p75 and a dot marks the median. Sources that give
only an average with entry and experienced pay show a dashed entry-experienced line and a diamond.
Bands in different currencies or periods get their own panel, so no axis mixes them.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Optional, Sequence

from career_explorer.charts.theme import LIGHT, ChartTheme, apply_theme
from career_explorer.domain.money import format_money, short_money
from career_explorer.domain.profile import PayEntry, capture_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure



def _tick_formatter(ax: "Axes", currency: str):
    """"$44k" ticks, with a decimal when the axis spans too little for whole thousands to differ."""
    def label(value: float, _position) -> str:
        low, high = ax.get_xlim()
        return short_money(value, currency, decimals=1 if high - low < 8000 else 0)

    return label


def _row_labels(group: Sequence[PayEntry], with_role: bool, width: int) -> list[str]:
    """Role title on its first row only; region, basis and a short source name on every row.

    Two captures of one source are told apart by their date or note, never by a bare "(2)".
    """
    details = [f"{e.band.region} {e.band.basis.label} · {textwrap.shorten(e.source_name, 24, placeholder='…')}"
               for e in group]
    counts: dict = {}
    for entry, detail in zip(group, details):
        counts[(entry.role_id, detail)] = counts.get((entry.role_id, detail), 0) + 1
    labels, previous, seen = [], None, {}
    for entry, detail in zip(group, details):
        key = (entry.role_id, detail)
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            detail += f" · {capture_label(entry.band) or seen[key]}"
        lines = textwrap.wrap(entry.role_title, width) if with_role and entry.role_id != previous else []
        labels.append("\n".join(lines + [detail]))
        previous = entry.role_id
    return labels


def _draw(ax: "Axes", y: float, entry: PayEntry, colour: str, theme: ChartTheme, used: set[str]) -> None:
    band = entry.band
    known = band.percentiles()
    hollow = band.basis.value != "base"
    face = theme.background if hollow else colour
    ranged = False
    if "p10" in known and "p90" in known:
        ax.plot([known["p10"], known["p90"]], [y, y], color=colour, linewidth=1.4, solid_capstyle="butt")
        used.add("p10–p90")
        ranged = True
    if "p25" in known and "p75" in known:
        ax.plot([known["p25"], known["p75"]], [y, y], color=colour, linewidth=7, alpha=0.45, solid_capstyle="butt")
        used.add("p25–p75")
        ranged = True
    others = [v for k, v in known.items() if k != "p50"]
    if not ranged and len(others) > 1:
        ax.plot([min(others), max(others)], [y, y], color=colour, linewidth=1.4)
    if band.entry is not None and band.experienced is not None:
        ax.plot([band.entry, band.experienced], [y, y], color=colour, linewidth=1.4, linestyle=(0, (4, 2)))
        ax.plot([band.entry, band.experienced], [y, y], linestyle="", marker="|", markersize=9, color=colour)
        used.add("entry–experienced")
    for name in band.lower_bounds:
        value = getattr(band, name)
        ax.plot([value], [y], marker=">", markersize=8, color=colour, linestyle="")
        at_least = short_money(value, band.currency, period=band.period.value)
        ax.annotate(f"{name} ≥ {at_least}", (value, y), xytext=(6, -11),
                    textcoords="offset points", fontsize=7, color=theme.muted)
        used.add("at least (lower bound)")
    point, kind = (band.median, "median") if band.median is not None else (band.mean, "mean")
    if point is not None:
        marker = "o" if kind == "median" else "D"
        ax.plot([point], [y], marker=marker, markersize=7, markerfacecolor=face, markeredgecolor=colour,
                markeredgewidth=1.6, linestyle="", zorder=3)
        ax.annotate(format_money(point, band.currency, band.period.value), (point, y), xytext=(0, 7),
                    textcoords="offset points",
                    ha="center", fontsize=7.5, color=theme.foreground)
        used.add(kind)
    if band.mean is not None and kind == "median":
        ax.plot([band.mean], [y], marker="D", markersize=5, markerfacecolor="none", markeredgecolor=colour,
                linestyle="")
        used.add("mean")


def _legend(fig: "Figure", used: set[str], theme: ChartTheme, hollow: bool) -> None:
    from matplotlib.lines import Line2D

    c = theme.muted
    glyphs = {
        "p10–p90": Line2D([], [], color=c, linewidth=1.4),
        "p25–p75": Line2D([], [], color=c, linewidth=7, alpha=0.45),
        "median": Line2D([], [], color=c, marker="o", linestyle=""),
        "mean": Line2D([], [], color=c, marker="D", markerfacecolor="none", linestyle=""),
        "entry–experienced": Line2D([], [], color=c, linestyle=(0, (4, 2)), marker="|"),
        "at least (lower bound)": Line2D([], [], color=c, marker=">", linestyle=""),
    }
    handles = [glyphs[k] for k in glyphs if k in used]
    labels = [k for k in glyphs if k in used]
    if hollow:
        # Filled marks are base pay, hollow ones total pay (or pay whose basis the source does not state).
        labels = ["median, base pay" if k == "median" else k for k in labels]
        handles.append(Line2D([], [], color=c, marker="o", markerfacecolor=theme.background, linestyle=""))
        labels.append("median, total pay or basis not stated")
    if handles:
        fig.legend(handles, labels, loc="outside lower center", ncol=min(len(handles), 4), fontsize=7.5,
                   frameon=False)


def pay_bands_height(entries: Sequence[PayEntry], compact: bool = False) -> float:
    """Inches of height that give every band row room to read."""
    groups = {(e.band.currency, e.band.period.value) for e in entries}
    with_role = len({e.role_id for e in entries}) > 1
    rows = max(len(entries), 1)
    return (0.42 if compact else 0.46 + 0.08 * with_role) * rows + 0.9 * max(len(groups), 1) + 0.5


def pay_bands_figure(
    entries: Sequence[PayEntry], title: Optional[str] = None, theme: ChartTheme = LIGHT, compact: bool = False
) -> "Figure":
    """Bands for every entry; roles keep one colour each, in the order they first appear."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5 if not compact else 5.2, pay_bands_height(entries, compact)), layout="constrained")
    draw_pay_bands(fig, entries, title, theme, compact)
    return apply_theme(fig, theme)


def draw_pay_bands(
    fig: "Figure | SubFigure", entries: Sequence[PayEntry], title: Optional[str] = None, theme: ChartTheme = LIGHT,
    compact: bool = False,
) -> None:
    """Draw the bands into a figure or subfigure (with constrained layout)."""
    from matplotlib.ticker import FuncFormatter

    groups: dict[tuple[str, str], list[PayEntry]] = {}
    for e in entries:
        groups.setdefault((e.band.currency, e.band.period.value), []).append(e)
    roles = list(dict.fromkeys(e.role_id for e in entries))
    with_role = len(roles) > 1
    if not entries:
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No pay figures published", ha="center", va="center", color=theme.muted)
        return
    axes = fig.subplots(len(groups), 1, squeeze=False,
                        gridspec_kw={"height_ratios": [len(g) for g in groups.values()]})[:, 0]
    used: set[str] = set()
    hollow = False
    for ax, ((currency, period), group) in zip(axes, groups.items()):
        ys = [len(group) - 1 - i for i in range(len(group))]
        for y, entry in zip(ys, group):
            _draw(ax, y, entry, theme.colour(roles.index(entry.role_id)), theme, used)
            hollow = hollow or entry.band.basis.value != "base"
        ax.set_yticks(ys, _row_labels(group, with_role, 30), fontsize=7.5 if compact else 8)
        ax.set_ylim(-0.6, len(group) - 0.4)
        ax.xaxis.set_major_formatter(FuncFormatter(_tick_formatter(ax, currency)))
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", color=theme.grid, linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        lo, hi = ax.get_xlim()
        pad = (hi - lo) * 0.08
        ax.set_xlim(max(lo - pad, 0), hi + pad)
        per = "a year" if period == "annual" else "an hour"
        ax.set_xlabel(f"{currency} {per}", fontsize=8)
    if title:
        fig.suptitle(title, fontsize=10 if compact else 11)
    _legend(fig, used, theme, hollow)
