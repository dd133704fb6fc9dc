"""Money and level text for the GUI: each currency in its own locale's format (GBP £35,000, USD $42,830)."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPalette

_LOCALES = {
    "USD": (QLocale.English, QLocale.UnitedStates),
    "GBP": (QLocale.English, QLocale.UnitedKingdom),
    "EUR": (QLocale.English, QLocale.Ireland),
    "CAD": (QLocale.English, QLocale.Canada),
    "AUD": (QLocale.English, QLocale.Australia),
    "NZD": (QLocale.English, QLocale.NewZealand),
    "INR": (QLocale.English, QLocale.India),
}
_cache: dict[str, QLocale] = {}


def currency_locale(currency: str) -> QLocale:
    locale = _cache.get(currency)
    if locale is None:
        language, territory = _LOCALES.get(currency, (QLocale.English, QLocale.UnitedStates))
        locale = _cache[currency] = QLocale(language, territory)
    return locale


def format_money(value: Optional[float], currency: Optional[str], period: str = "annual") -> str:
    """'$42,830' a year, '$23.57' an hour; an unknown currency keeps its code ('12,000 SEK')."""
    if value is None:
        return ""
    code = currency or "USD"
    locale = currency_locale(code)
    digits = 2 if period == "hourly" else 0
    if code in _LOCALES:
        return locale.toCurrencyString(float(value), locale.currencySymbol(QLocale.CurrencySymbol), digits)
    return f"{locale.toString(float(value), 'f', digits)} {code}"


def period_suffix(period: str) -> str:
    return " an hour" if period == "hourly" else ""


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
