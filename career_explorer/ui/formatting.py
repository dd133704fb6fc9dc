"""Palette helpers for the GUI: dark or light, colour mixing and the chart theme that goes with it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Window).lightnessF() < 0.5


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0-1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def chart_theme(palette: QPalette):
    """The chart theme for this palette: dark windows get dark, readable charts."""
    from career_explorer.charts.theme import theme_for

    return theme_for(palette.color(QPalette.Base).name(), palette.color(QPalette.Text).name())
