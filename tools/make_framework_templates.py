"""Write the company-framework templates in career_explorer/help/templates/ (JSON, XLSX and a CSV folder) from
one example.

The example is a made-up four-level support ladder ("Acme"): its pay figures are examples, not data.
tests/test_framework_import.py checks that the templates import and are up to date.

Usage:  .venv/bin/python tools/make_framework_templates.py [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from career_explorer.data.importers.framework_write import write_tables  # noqa: E402

TEMPLATES = REPO / "career_explorer" / "help" / "templates"
NAMES = {"json": "acme-framework.json", "xlsx": "acme-framework.xlsx", "csv": "acme-framework-csv"}

_C = ("acme/product-knowledge", "acme/customer-empathy", "acme/coaching", "acme/planning")
_LEVELS = {  # role -> required level of each competency in _C (blank: not needed)
    "acme/support-associate": (2, 2, None, None),
    "acme/senior-support-associate": (3, 3, 1, None),
    "acme/knowledge-specialist": (4, 2, 2, None),
    "acme/support-team-lead": (3, 3, 3, 2),
    "acme/support-manager": (4, 3, 4, 3),
}

EXAMPLE = {
    "catalogue": [{"name": "Acme Customer Support", "version": "2025.1",
                   "description": "Example company framework: a four-level support ladder. Pay figures are examples."}],
    "sources": [{"id": "acme-hr", "name": "Acme HR career framework", "licence": "Internal use only"}],
    "scales": [{"id": "acme-4", "name": "Acme proficiency", "min": 1, "max": 4}],
    "anchors": [{"scale": "acme-4", "value": v, "label": label}
                for v, label in enumerate(("Learning", "Practising", "Proficient", "Expert"), 1)],
    "families": [{"id": "support", "name": "Customer Support"}],
    "levels": [
        {"code": "CS1", "name": "Associate", "track": "support", "next": "CS2"},
        {"code": "CS2", "name": "Senior associate", "track": "support", "next": "CS3"},
        {"code": "CS3", "name": "Team lead", "track": "lead", "next": "CS4"},
        {"code": "CS4", "name": "Manager", "track": "management"},
    ],
    "competencies": [
        {"id": _C[0], "name": "Product knowledge", "kind": "core",
         "definition": "Knows what Acme sells and how customers use it."},
        {"id": _C[1], "name": "Customer empathy", "kind": "core",
         "definition": "Understands what the customer needs and says so."},
        {"id": _C[2], "name": "Coaching", "kind": "job_family", "definition": "Helps colleagues get better."},
        {"id": _C[3], "name": "Workforce planning", "kind": "job_family",
         "definition": "Matches staffing to the expected contacts."},
    ],
    "behaviours": [
        {"competency": _C[0], "level": 1, "text": "Finds answers in the knowledge base."},
        {"competency": _C[0], "level": 2, "text": "Answers common product questions without help."},
        {"competency": _C[0], "level": 3, "text": "Solves unusual cases and spots product defects."},
        {"competency": _C[0], "level": 4, "text": "Writes the knowledge base and trains others on it."},
        {"competency": _C[2], "level": 1, "text": "Shares tips with new colleagues."},
        {"competency": _C[2], "level": 3, "text": "Runs regular one-to-ones and call reviews."},
        {"competency": _C[3], "level": 2, "text": "Builds a weekly rota from the contact forecast."},
    ],
    "roles": [
        {"id": "acme/support-associate", "title": "Support Associate", "family": "support", "level": "CS1",
         "summary": "Answers customer calls, chats and emails."},
        {"id": "acme/senior-support-associate", "title": "Senior Support Associate", "family": "support",
         "level": "CS2", "summary": "Handles escalated cases and helps new associates."},
        {"id": "acme/knowledge-specialist", "title": "Knowledge Specialist", "family": "support", "level": "CS2",
         "summary": "Keeps the knowledge base right and up to date."},
        {"id": "acme/support-team-lead", "title": "Support Team Lead", "family": "support", "level": "CS3",
         "summary": "Leads a shift of associates.", "reports_to": "Support Manager"},
        {"id": "acme/support-manager", "title": "Support Manager", "family": "support", "level": "CS4",
         "summary": "Runs the support team: people, rota and results."},
    ],
    "alt_titles": [{"role": "acme/support-associate", "title": "Customer Care Agent"},
                   {"role": "acme/support-team-lead", "title": "Shift Supervisor"}],
    "pay": [
        {"level": level, "currency": "USD", "basis": "base", "p10": low, "p50": mid, "p90": high,
         "as_of": "2025-01-01", "note": "Example band"}
        for level, low, mid, high in (("CS1", 36000, 40000, 45000), ("CS2", 42000, 47000, 53000),
                                      ("CS3", 50000, 56000, 63000), ("CS4", 65000, 75000, 88000))
    ],
    "requirements": [
        {"role": role, "competency": comp, "level": level}
        for role, levels in _LEVELS.items() for comp, level in zip(_C, levels) if level is not None
    ],
    "transitions": [],
}


def write_templates(out: Path = TEMPLATES) -> dict[str, Path]:
    paths = {}
    for fmt, name in NAMES.items():
        paths[fmt] = out / name
        write_tables(EXAMPLE, paths[fmt], fmt)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TEMPLATES)
    args = parser.parse_args(argv)
    for fmt, path in write_templates(args.out).items():
        print(f"wrote {path} ({fmt})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
