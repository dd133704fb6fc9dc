"""Skill jumps along a route: competencies × roles, the level printed in each cell.

Colour is the level as 0-100 of its own scale, so O*NET's 0-7 and the 1-5 proficiency scale can
share one map; the number printed is the level on the competency's own scale. A level that is
not known is hatched and marked "?" (or the source's word for it), never shown as 0; a level the source
flags not relevant to the job reads "n/r", not as a low level. A cell where
the level rose, or the competency became required, at that step has an orange outline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

from career_explorer.charts.heatmap_rows import focus_rows
from career_explorer.charts.pay_progression import role_tick
from career_explorer.domain.route import Route, SkillRow

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

JUMP_COLOUR = "#ff7f0e"
NOT_RELEVANT = "n/r"  # short enough for a narrow cell; the key below the map spells it out
UNKNOWN_FACE = "#eeeeee"


class Cell(NamedTuple):
    text: str
    value: Optional[float]  # 0-100 of its scale; None when unknown or not listed
    unknown: bool
    jump: bool


def level_label(level: float) -> str:
    return f"{level:.2f}".rstrip("0").rstrip(".")


def cells(route: Route, rows: Optional[tuple[SkillRow, ...]] = None) -> list[list[Cell]]:
    """The heatmap's cells for `rows` (default: every row, in the cards' order; see heatmap_rows)."""
    complete = route.complete or tuple(False for _ in route.roles)
    grid = []
    for row in focus_rows(route) if rows is None else rows:
        line = []
        for j, level in enumerate(row.levels):
            word = row.words[j] if row.words else None
            if level is not None and row.not_relevant and row.not_relevant[j]:
                cell = Cell(NOT_RELEVANT, None, False, False)
            elif level is not None:
                cell = Cell(level_label(level), row.normalised(j), False, _jumped(row, j, complete))
            elif row.listed[j]:
                cell = Cell(word or "?", None, True, False)
            elif complete[j]:
                cell = Cell("–", None, False, False)
            else:
                cell = Cell("?", None, True, False)
            line.append(cell)
        grid.append(line)
    return grid


def _jumped(row: SkillRow, j: int, complete: tuple[bool, ...]) -> bool:
    if j == 0 or row.levels[j] is None:
        return False
    before = row.levels[j - 1]
    if before is not None:
        return row.levels[j] > before
    return not row.listed[j - 1] and complete[j - 1]


def shown_rows(route: Route, limit: Optional[int] = None,
               rows: Optional[tuple[SkillRow, ...]] = None) -> tuple[tuple[SkillRow, ...], int]:
    """The rows to draw (the first `limit` in the cards' order) and how many there are in all."""
    every = focus_rows(route) if rows is None else rows
    return (every if limit is None else every[:limit]), len(every)


def draw_skill_heatmap(ax: "Axes", route: Route, colorbar: bool = True, limit: Optional[int] = None,
                       rows: Optional[tuple[SkillRow, ...]] = None) -> list[list[Cell]]:
    """Draw the first `limit` rows (default all) on `ax`; returns the cells drawn.

    `rows` are the route's rows when the caller has them already (focus_rows is not free). Without
    `colorbar` (quicker) a caption explains the shade.
    """
    import numpy as np
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.patches import Rectangle

    drawn, total = shown_rows(route, limit, rows)
    grid = cells(route, drawn)
    n_rows, n_cols = len(grid), len(route.roles)
    title = "Skill levels along the route" if not route.is_direct else "Skill levels, direct comparison"
    if total > n_rows:
        title = f"Top {n_rows} of {total} skill levels along the route"
    # Right-aligned: a narrow heatmap's title runs left over the row names, not off the figure.
    ax.set_title(title, fontsize=10, loc="right")
    if not grid:
        ax.set_xticks([]), ax.set_yticks([])
        ax.text(0.5, 0.5, "No competencies published for these roles", transform=ax.transAxes,
                ha="center", va="center", color="#666666")
        return grid
    values = np.array([[np.nan if c.value is None else c.value for c in line] for line in grid])
    # Quads, not an image: a PDF keeps every image in memory until it is closed (a cohort pack of 200
    # routes grew by half a megabyte a person), and quads stay sharp at any zoom. Cell (i, j) spans
    # j-0.5..j+0.5 and i-0.5..i+0.5, top row first, as imshow would place it.
    image = ax.pcolormesh(np.arange(n_cols + 1) - 0.5, np.arange(n_rows + 1) - 0.5, np.ma.masked_invalid(values),
                          cmap="Blues", vmin=0, vmax=100)
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    size = 8 if n_rows <= 15 else 7 if n_rows <= 30 else 6
    unknown, jumps = [], []
    for i, line in enumerate(grid):
        for j, cell in enumerate(line):
            if cell.unknown:
                unknown.append(Rectangle((j - 0.5, i - 0.5), 1, 1))
            if cell.jump:
                jumps.append(Rectangle((j - 0.46, i - 0.42), 0.92, 0.84))
            dark = cell.value is not None and cell.value > 60
            # Cells sit inside the axes: leaving them out of the layout keeps redraws fast.
            ax.text(j, i, cell.text, ha="center", va="center", fontsize=size, in_layout=False,
                    color="white" if dark else "#333333", fontweight="bold" if cell.jump else "normal",
                    fontstyle="italic" if cell.unknown and cell.text != "?" else "normal")
    # One collection per kind of mark: far cheaper to add and draw than a patch per cell.
    ax.add_collection(PatchCollection(unknown, facecolor=UNKNOWN_FACE, hatch="///", edgecolor="#bbbbbb",
                                      linewidth=0, zorder=1.5), autolim=False)
    ax.add_collection(PatchCollection(jumps, facecolor="none", edgecolor=JUMP_COLOUR, linewidth=2, zorder=2.5),
                      autolim=False)
    ax.add_collection(LineCollection(
        [[(-0.5, y), (n_cols - 0.5, y)] for y in np.arange(0.5, n_rows - 1)]
        + [[(x, -0.5), (x, n_rows - 0.5)] for x in np.arange(0.5, n_cols - 1)],
        colors="white", linewidths=1.5, zorder=2), autolim=False)
    mixed = len({r.scale for r in drawn}) > 1
    labels = [f"{r.name} ({r.scale_min}–{r.scale_max})" if mixed else r.name for r in drawn]
    ax.set_yticks(range(n_rows), labels, fontsize=size)
    width = _tick_width(ax, labels, size, n_cols, colorbar)
    # Too narrow for names: the level codes alone (the pay chart above names the same columns).
    ticks = [role_tick(r.title, r.level_short, width) if width >= 10 or not r.level else r.level for r in route.roles]
    ax.set_xticks(range(n_cols), ticks, fontsize=7.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if colorbar:
        bar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02, shrink=0.8)
        bar.set_ticks([0, 50, 100])
        # Vector, not the raster matplotlib makes of a many-coloured bar: in a PDF that raster keeps a whole
        # page's pixel buffer alive until the file closes (about 4 MB a route, in a pack of hundreds).
        # Edges in the face colour keep viewers from showing hairlines between its bands.
        bar.solids.set_rasterized(False)
        bar.solids.set_edgecolor("face")
        bar.set_label("Level, % of its scale", fontsize=7.5)
        bar.ax.tick_params(labelsize=7)
    shade = "" if colorbar else "Darker: higher on its own scale\n"
    twins = "No level of its own: its linked occupation's\n" if _lensed(route) else ""
    flagged = f"   {NOT_RELEVANT}: not relevant to the job" if any(
        cell.text == NOT_RELEVANT for line in grid for cell in line) else ""
    ax.set_xlabel(f"{shade}{twins}Orange outline: raised or new at that step\n"
                  f"? on hatching: not published   –: not required{flagged}", fontsize=7, color="#555555",
                  loc="right")
    return grid


def _tick_width(ax: "Axes", labels: list[str], size: float, n_cols: int, colorbar: bool) -> int:
    """Characters per line for the role names under each column, so neighbours do not collide."""
    width_pt = ax.figure.get_figwidth() * 72
    label_pt = max((len(t) for t in labels), default=0) * size * 0.55
    column_pt = (width_pt - label_pt - (70 if colorbar else 15)) / max(n_cols, 1)
    return max(6, min(18, int(column_pt / (7.5 * 0.6))))


def _lensed(route: Route) -> bool:
    return any(lens.competencies for s in (*route.steps, route.total) for lens in s.lenses)


def heatmap_height(route: Route, limit: Optional[int] = None) -> float:
    """Inches the heatmap needs to keep its rows legible."""
    rows = len(shown_rows(route, limit)[0])
    return 1.8 + 0.24 * max(rows, 3)


def skill_heatmap_figure(route: Route, width: float = 6.5, limit: Optional[int] = None) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, heatmap_height(route, limit)), layout="constrained")
    draw_skill_heatmap(fig.add_subplot(), route, limit=limit)
    return fig
