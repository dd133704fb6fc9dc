"""Plain-text money: one symbol table and one formatter for the CLI, reports and charts."""

from __future__ import annotations

from typing import Optional

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def format_money(value: Optional[float], currency: Optional[str] = "USD", signed: bool = False) -> str:
    """"$43,396", "+$19,534" with `signed`, "1,200 CAD" where the currency has no symbol here."""
    if value is None:
        return "unknown"
    symbol = CURRENCY_SYMBOLS.get(currency or "", "")
    sign = ("+" if value >= 0 else "−") if signed else ("−" if value < 0 else "")
    text = f"{sign}{symbol}{abs(value):,.0f}"
    return text if symbol or not currency else f"{text} {currency}"
