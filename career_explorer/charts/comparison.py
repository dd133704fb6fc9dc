"""One figure for a whole comparison: pay bands above, the radar of levels below (for the CLI)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from career_explorer.charts.pay_bands import draw_pay_bands, pay_bands_height
from career_explorer.charts.radar import RADAR_SIZE, draw_radar
from career_explorer.charts.theme import LIGHT, ChartTheme, apply_theme
from career_explorer.domain.compare import RoleComparison

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def comparison_figure(result: RoleComparison, theme: ChartTheme = LIGHT) -> "Figure":
    from matplotlib.figure import Figure

    pay_height = pay_bands_height(result.pay)
    fig = Figure(figsize=(RADAR_SIZE[0], pay_height + RADAR_SIZE[1]), layout="constrained")
    titles = " vs ".join(r.title for r in result.roles)
    fig.suptitle("\n".join(textwrap.wrap(titles, 70)), fontsize=11)
    pay, radar = fig.subfigures(2, 1, height_ratios=[pay_height, RADAR_SIZE[1]])
    draw_pay_bands(pay, result.pay, "Pay by role and source", theme)
    draw_radar(radar, result.radar, "Required levels, 0-100 of each competency's own scale", theme)
    return apply_theme(fig, theme)
