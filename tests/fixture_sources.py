"""A small catalogue, written as source files by the tests: a 5-role ladder on two scales."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

PROFICIENCY = {
    "id": "proficiency-5", "name": "Proficiency", "min": 1, "max": 5,
    "anchors": [{"value": i, "label": label} for i, label in enumerate(
        ["General familiarity", "Light experience", "Moderate experience", "Extensive experience", "Mastery"], 1)],
}
ONET = {"id": "onet-level-7", "name": "O*NET level", "min": 0, "max": 7}


def _behaviours(name: str) -> list[dict[str, Any]]:
    return [{"level": lv, "text": f"{name} behaviour at level {lv}."} for lv in range(1, 6)]


SOURCES: dict[str, Any] = {
    "catalogue": {"name": "Fixture ladder", "version": "0.1", "description": "Test fixture"},
    "sources": [
        {"id": "fixture", "name": "Fixture facts", "licence": "CC0", "url": "https://example.org/fixture"},
        {"id": "onet-test", "name": "O*NET test extract", "licence": "CC BY 4.0",
         "attribution": "Includes information from O*NET (test)."},
    ],
    "scales": [PROFICIENCY, ONET],
    "job_families": [{"id": "support", "name": "Customer support"}],
    "job_levels": [
        {"code": "A02", "ladder": "fixture", "rank": 2, "track": "support"},
        {"code": "S01", "ladder": "fixture", "rank": 3, "track": "lead"},
        {"code": "M02", "ladder": "fixture", "rank": 4, "track": "management"},
    ],
    "competencies": [
        {"id": "fx/products", "name": "Products And Services", "kind": "core", "scale": "proficiency-5",
         "source": "fixture", "definition": "Knowing what we sell.", "behaviours": _behaviours("Products")},
        {"id": "fx/escalation", "name": "Customer Escalation Management", "kind": "job_family",
         "scale": "proficiency-5", "source": "fixture", "behaviours": _behaviours("Escalation")},
        {"id": "fx/analytics", "name": "Customer Analytics", "kind": "job_family", "scale": "proficiency-5",
         "source": "fixture", "behaviours": _behaviours("Analytics")},
        {"id": "fx/speaking", "name": "Speaking", "kind": "skill", "scale": "onet-level-7", "source": "onet-test",
         "behaviours": [{"level": 2, "text": "Greet a visitor"}, {"level": 4, "text": "Explain a rule"}]},
    ],
    "roles": [
        {"id": "fx/rep", "title": "Support Representative", "family": "support", "level": "A02",
         "job_code": "FX001", "source": "fixture", "summary": "Answers customer chats.",
         "alt_titles": ["Chat Agent"], "unpublished": 2,
         "salaries": [{"source": "fixture", "basis": "base", "p50": 40000},
                      {"source": "fixture", "basis": "total", "p50": 42000}],
         "requirements": [{"competency": "fx/products", "level": 1}, {"competency": "fx/escalation", "level": 2}]},
        {"id": "fx/lead", "title": "Support Team Lead", "family": "support", "level": "S01", "job_code": "FX002",
         "source": "fixture", "summary": "Leads a shift of representatives.",
         "salaries": [{"source": "fixture", "basis": "base", "p25": 50000, "p50": 55000, "p75": 60000}],
         "requirements": [{"competency": "fx/products", "level": 3}, {"competency": "fx/escalation", "level": 3},
                          {"competency": "fx/analytics", "level": 2}]},
        {"id": "fx/manager", "title": "Support Manager", "family": "support", "level": "M02", "job_code": "FX003",
         "source": "fixture", "summary": "Runs the customer service unit.", "unpublished": 1,
         "salaries": [{"source": "fixture", "basis": "base", "p10": 60000, "p50": 80000, "p90": 110000}],
         "requirements": [{"competency": "fx/products", "level": 4}, {"competency": "fx/escalation", "level": 3},
                          {"competency": "fx/analytics", "level": 3}]},
        {"id": "fx/onet-csr", "title": "Customer Service Representatives", "family": "support",
         "soc_code": "43-4051.00", "source": "onet-test", "summary": "Interact with customers.",
         "requirements": [{"competency": "fx/speaking", "level": 3.88, "importance": 3.9}]},
        {"id": "fx/island", "title": "Isolated Analyst", "family": "support", "source": "fixture",
         "summary": "Has no transitions."},
    ],
    "transitions": [
        {"from_role": "fx/rep", "to_role": "fx/lead", "kind": "promotion", "source": "fixture",
         "basis": "Fixture ladder order."},
        {"from_role": "fx/lead", "to_role": "fx/manager", "kind": "promotion", "source": "fixture",
         "basis": "Fixture ladder order."},
        {"from_role": "fx/rep", "to_role": "fx/onet-csr", "kind": "related", "source": "fixture",
         "basis": "Same occupation."},
    ],
}


def fixture_sources() -> dict[str, Any]:
    return copy.deepcopy(SOURCES)


def write_sources(folder: Path, data: dict[str, Any] | None = None) -> Path:
    """Write the fixture as two JSON source files (catalogue facts, roles) and return the folder."""
    data = fixture_sources() if data is None else data
    folder.mkdir(parents=True, exist_ok=True)
    roles = {k: v for k, v in data.items() if k in ("roles", "transitions")}
    rest = {k: v for k, v in data.items() if k not in roles}
    (folder / "base.json").write_text(json.dumps(rest, indent=1), encoding="utf-8")
    (folder / "roles.json").write_text(json.dumps(roles, indent=1), encoding="utf-8")
    return folder
