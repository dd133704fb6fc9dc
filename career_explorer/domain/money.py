"""Money as text: the one formatter behind every screen, the CLI, the reports and the charts.

One rule everywhere: USD, GBP and EUR wear their symbol ("$50,000", "−£1,200"); every other currency keeps
its code after the amount ("50,000 CAD"), so a Canadian dollar never passes for a US one. Negatives take a
true minus sign before the symbol; hourly figures show cents.
"""

from __future__ import annotations

from typing import Optional

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def _dress(number: str, value: float, currency: Optional[str], signed: bool) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency or "", "")
    sign = ("+" if value >= 0 else "−") if signed else ("−" if value < 0 else "")
    text = f"{sign}{symbol}{number}"
    return text if symbol or not currency else f"{text} {currency}"


def format_money(value: Optional[float], currency: Optional[str] = "USD", period: str = "annual",
                 signed: bool = False) -> str:
    """"$43,396"; "+$19,534" with `signed`; "$23.57" hourly; "1,200 CAD" where the currency has no symbol."""
    if value is None:
        return "unknown"
    digits = 2 if period == "hourly" else 0
    return _dress(f"{abs(value):,.{digits}f}", value, currency, signed)


def short_money(value: float, currency: Optional[str], signed: bool = False, period: str = "annual",
                decimals: Optional[int] = None) -> str:
    """"+$4.1k", "−$800", "$1.2M", "42.8k CAD": three significant figures or fewer, for table cells and charts.

    `decimals` fixes the digits after the point in thousands, so a chart axis's ticks all read alike.
    """
    size = abs(value)
    if size < 950:
        return format_money(value, currency, period, signed)
    amount, unit = (size / 1e6, "M") if size >= 999_500 else (size / 1e3, "k")
    if decimals is not None:
        digits = f"{amount:,.{decimals}f}"
    else:
        digits = f"{amount:.1f}".rstrip("0").rstrip(".") if amount < 100 else f"{amount:.0f}"
    return _dress(f"{digits}{unit}", value, currency, signed)


def period_suffix(period: str) -> str:
    return " an hour" if period == "hourly" else ""
