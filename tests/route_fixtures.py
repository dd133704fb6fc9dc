"""Route-test catalogues: the fixture ladder plus a second road from representative to manager."""

from __future__ import annotations

from pathlib import Path

from career_explorer.data.compiler import build
from tests.fixture_sources import fixture_sources, write_sources

REP, LEAD, ALT, MANAGER, ONET, ISLAND = (
    "fx/rep", "fx/lead", "fx/coach", "fx/manager", "fx/onet-csr", "fx/island",
)


def two_road_sources(coach_levels: tuple[int, int, int] = (4, 3, 3), coach_paid: bool = True) -> dict:
    """Adds Support Coach (S01) and the road rep -> coach -> manager beside rep -> lead -> manager.

    With the default levels (products, escalation, analytics) the coach road grows 100 points
    (products +3, escalation +1, each as % of the 1-5 scale) against 125 through the lead
    (products +2, escalation +1, then products +1, analytics +1).
    """
    data = fixture_sources()
    coach = {
        "id": ALT, "title": "Support Coach", "family": "support", "level": "S01", "source": "fixture",
        "summary": "Coaches representatives.",
        "requirements": [{"competency": c, "level": lv}
                         for c, lv in zip(("fx/products", "fx/escalation", "fx/analytics"), coach_levels)],
    }
    if coach_paid:
        coach["salaries"] = [{"source": "fixture", "basis": "base", "p50": 52000}]
    data["roles"].append(coach)
    data["transitions"] += [
        {"from_role": REP, "to_role": ALT, "kind": "promotion", "source": "fixture", "basis": "Coaching track."},
        {"from_role": ALT, "to_role": MANAGER, "kind": "promotion", "source": "fixture", "basis": "Coaching track."},
    ]
    return data


def build_catalogue(folder: Path, data: dict) -> Path:
    out = folder / "catalogue.sqlite"
    build(write_sources(folder / "src", data), out)
    return out
