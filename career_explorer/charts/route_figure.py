"""The two-panel route figure (pay progression over skill jumps) and saving figures by extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from career_explorer.charts.pay_progression import draw_pay_progression
from career_explorer.charts.skill_heatmap import draw_skill_heatmap, heatmap_height
from career_explorer.domain.route import Route

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def route_title(route: Route) -> str:
    ends = f"{route.roles[0].title} → {route.roles[-1].title}"
    if route.is_direct:
        return f"{ends} (direct comparison)"
    return f"Route {route.rank}: {ends}, {route.step_count} step{'s' if route.step_count != 1 else ''}"


def route_figure(route: Route, width: float = 9.0) -> "Figure":
    """Pay progression on top, the skill heatmap below, sized to the number of competencies."""
    from matplotlib.figure import Figure

    pay_height, skill_height = 3.6, heatmap_height(route)
    fig = Figure(figsize=(width, pay_height + skill_height + 0.4), layout="constrained")
    fig.suptitle(route_title(route), fontsize=11)
    pay_ax, skill_ax = fig.subplots(2, 1, height_ratios=[pay_height, skill_height])
    draw_pay_progression(pay_ax, route)
    draw_skill_heatmap(skill_ax, route)
    return fig


def save_figure(fig: "Figure", path: Path) -> Path:
    """Write `fig` as PNG, SVG or PDF, chosen by the file's extension."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path.name}: use a .png, .svg or .pdf file name")
    fig.savefig(path, format=fmt, dpi=150 if fmt == "png" else None)
    return path


def save_route_figure(route: Route, path: Path) -> Path:
    return save_figure(route_figure(route), path)
