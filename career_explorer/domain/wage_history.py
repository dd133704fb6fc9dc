"""A role's wage history: one point per release of a wage survey series (BLS OEWS May 2020, 2021, ...).

A release without a figure for the role stays a point with no band: shown as missing, never as 0 and
never filled from another year. Changes are given only between two points that both have a median on
the same pay period.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from career_explorer.domain.base import Model
from career_explorer.domain.catalogue import SalaryBand


class WagePoint(Model):
    """One release: its source, date and the role's band (None: the release has no figure for it)."""

    source: str
    source_label: str
    as_of: dt.date
    band: Optional[SalaryBand] = None

    @property
    def label(self) -> str:
        """"May 2024"."""
        return self.as_of.strftime("%B %Y")

    @property
    def median(self) -> Optional[float]:
        return self.band.median if self.band is not None else None


class WageChange(Model):
    """The change in median between two releases that both have one."""

    start: WagePoint
    end: WagePoint

    @property
    def amount(self) -> float:
        return self.end.median - self.start.median

    @property
    def percent(self) -> float:
        return self.amount / self.start.median * 100.0


class WageHistory(Model):
    """The releases of one series, oldest first, for one role."""

    series: str
    points: tuple[WagePoint, ...]
    # Set when the figures are those of another role (the O*NET occupation a curated role is linked to).
    via_title: Optional[str] = None
    # Set when a figure is an estimate for a wider group that includes the role.
    covers: Optional[str] = None

    @property
    def known(self) -> tuple[WagePoint, ...]:
        return tuple(p for p in self.points if p.median is not None)

    @property
    def missing(self) -> tuple[WagePoint, ...]:
        return tuple(p for p in self.points if p.median is None)

    def change_since_previous(self, index: int) -> Optional[WageChange]:
        """Change from the release before `index`, when both have a median on the same pay period."""
        if index <= 0:
            return None
        return _change(self.points[index - 1], self.points[index])

    def overall(self) -> Optional[WageChange]:
        """First to last release with a median (same pay period), or None when fewer than two."""
        known = self.known
        if len(known) < 2:
            return None
        return _change(known[0], known[-1])

    @property
    def currency(self) -> Optional[str]:
        return next((p.band.currency for p in self.points if p.band is not None), None)

    @property
    def period(self) -> Optional[str]:
        return next((p.band.period.value for p in self.points if p.band is not None), None)


def _change(start: WagePoint, end: WagePoint) -> Optional[WageChange]:
    if start.median is None or end.median is None:
        return None
    if start.band.period != end.band.period or start.band.currency != end.band.currency:
        return None
    return WageChange(start=start, end=end)


def history_rows(history: WageHistory) -> dict:
    """The history as JSON-ready data: one row per release, missing years included (median null)."""
    rows = []
    for index, point in enumerate(history.points):
        band = point.band
        change = history.change_since_previous(index)
        rows.append({
            "release": point.label,
            "as_of": point.as_of.isoformat(),
            "source": point.source,
            "source_name": point.source_label,
            "has_figure": band is not None,
            "period": band.period.value if band else None,
            "currency": band.currency if band else None,
            **{name: (getattr(band, name) if band else None) for name in SalaryBand.PERCENTILES},
            "median": point.median,
            "lower_bounds": list(band.lower_bounds) if band else [],
            "covers": band.covers if band else None,
            "change_pct_since_previous": None if change is None else round(change.percent, 2),
        })
    overall = history.overall()
    return {
        "series": history.series,
        "figures_of": history.via_title,
        "rows": rows,
        "overall_change": None if overall is None else {
            "from": overall.start.label, "to": overall.end.label, "percent": round(overall.percent, 2),
        },
    }
