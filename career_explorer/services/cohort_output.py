"""The cohort table and shared gaps as words, rows, JSON and text: shared by `cohort gaps`, the view and the pack."""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from career_explorer.domain.cohort import CohortCell, CohortColumn, CohortRow, CohortTable, SharedGap
from career_explorer.domain.plan import GapStatus
from career_explorer.services.path_report import level_text, num
from career_explorer.services.plan_output import coverage_short, percent_text, readiness_json, role_label

NOT_NAMED = "–"  # the person's target does not name this competency
SHARED_HEADERS = ["Competency", "People to grow", "Average gap", "Not rated", "Next level"]
COLUMN_NAME_WIDTH = 18
LEGEND = ("+N: levels to grow to the target's level. met: at or above it. not rated: the target asks for a level "
          "the person has not rated, so the gap is unknown. no level: the source names the competency without a "
          f"level. {NOT_NAMED}: the person's target does not name it.")


def cell_text(cell: Optional[CohortCell]) -> str:
    """"+2", "met", "not rated", "no level", or a dash where the target does not name the competency."""
    if cell is None:
        return NOT_NAMED
    if cell.status == GapStatus.MET:
        return "met"
    if cell.status == GapStatus.BELOW:
        return f"+{level_text(cell.gap)}"
    if cell.status == GapStatus.UNRATED:
        return "not rated"
    return "no level"


def cell_detail(row: CohortRow, column: CohortColumn) -> str:
    """A sentence for a tooltip: the rating, the level the target asks for, and the evidence."""
    cell = row.cells.get(column.competency)
    if cell is None:
        return f"{row.target.label} does not name {column.name}."
    rating = "not rated" if cell.rating is None else f"rated {level_text(cell.rating)}"
    required = (f"{row.target.label} asks for {level_text(cell.required, cell.required_word)}"
                if cell.required is not None else f"{row.target.label} names it without a level")
    text = f"{row.person}, {column.name} ({column.scale_min}-{column.scale_max}): {rating}; {required}."
    if cell.evidence:
        text += f"\nEvidence: {cell.evidence}"
    return text


def coverage_cell(row: CohortRow) -> str:
    return coverage_short(row.readiness)


def short_name(name: str, width: int = COLUMN_NAME_WIDTH) -> str:
    """Cut within a word, not before it: "Customer Escalat…" and "Customer Analytics" stay apart."""
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def shared_row(gap: SharedGap) -> list[str]:
    nxt = "" if gap.next_level is None else f"level {gap.next_level}"
    return [gap.name, f"{gap.growing} of {gap.needed_by}", f"{gap.average_gap:.1f} levels (of {gap.scale_min}-"
            f"{gap.scale_max})", str(gap.unrated) if gap.unrated else "", nxt]


def behaviour_lines(gap: SharedGap) -> list[str]:
    lead = "Example at" if gap.examples else "At"
    return [f"{lead} level {b.level}: {b.text}" for b in gap.behaviours]


def filter_words(table: CohortTable) -> str:
    words = [f"tagged \u201c{table.tag_filter}\u201d"] if table.tag_filter else []
    if table.role_filter:
        target = next((t for t in table.targets if t.id == table.role_filter), None)
        words.append(f"aiming for {target.label if target else 'one role'}")
    return ", ".join(words)


def cohort_json(table: CohortTable) -> dict[str, Any]:
    def cell(c: CohortCell) -> dict[str, Any]:
        return {"status": c.status.value, "rating": num(c.rating), "required": num(c.required),
                "required_word": c.required_word, "gap": num(c.gap), "importance": num(c.importance),
                "evidence": c.evidence}

    return {
        "made": table.made.isoformat(),
        "filter": {"role": table.role_filter, "tag": table.tag_filter},
        "columns": [{"id": c.competency, "name": c.name, "scale_min": c.scale_min, "scale_max": c.scale_max,
                     "needed_by": c.needed_by, "growing": c.growing} for c in table.columns],
        "rows": [{"person": r.person, "current": role_label(r.current) if r.current else None,
                  "target": r.target.label, "target_id": r.target.id,
                  "assessed": r.assessed.isoformat() if r.assessed else None,
                  **readiness_json(r.readiness),
                  "cells": {cid: cell(c) for cid, c in r.cells.items()}} for r in table.rows],
        "shared_gaps": [{"id": s.competency, "name": s.name, "people": s.growing, "needed_by": s.needed_by,
                         "not_rated": s.unrated, "average_gap": round(s.average_gap, 2), "names": list(s.people),
                         "next_level": s.next_level,
                         "behaviours": [{"level": b.level, "text": b.text} for b in s.behaviours]}
                        for s in table.shared],
        "without_target": list(table.without_target),
    }


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)), "  ".join("-" * w for w in widths)]
    return [line.rstrip() for line in lines + ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in rows]]


def cohort_text(table: CohortTable) -> str:
    which = filter_words(table)
    lines = [f"Cohort: {len(table.rows)} {'person' if len(table.rows) == 1 else 'people'}"
             + (f" {which}" if which else "")]
    if table.without_target:
        lines.append(f"Not in the table (no target role yet): {', '.join(table.without_target)}")
    lines.append("")
    if not table.rows:
        return "\n".join(lines + ["Nobody to show: set a target role for each person first."]) + "\n"
    headers = ["Person", "Target", "Ready", "Compared"] + [short_name(c.name) for c in table.columns]
    rows = [[r.person, r.target.label, percent_text(r.readiness), coverage_cell(r)]
            + [cell_text(r.cells.get(c.competency)) for c in table.columns] for r in table.rows]
    lines += _table(headers, rows)
    lines += ["", "Competencies (columns, left to right):"]
    lines += [f"  {short_name(c.name)}: {c.name} ({c.scale_min}-{c.scale_max})" for c in table.columns
              if short_name(c.name) != c.name] or ["  (names in full above)"]
    lines += textwrap.wrap(LEGEND, 100)
    lines += ["", "Shared gaps (the competencies most people need to grow):"]
    if not table.shared:
        lines.append("  None known: nobody is rated below a level their target asks for.")
    else:
        lines += ["  " + line for line in _table(SHARED_HEADERS, [shared_row(s) for s in table.shared])]
        for s in table.shared:
            if s.behaviours:
                lines.append(f"  {s.name}:")
                lines += [textwrap.fill(b, 100, initial_indent="    ", subsequent_indent="      ")
                          for b in behaviour_lines(s)]
    return "\n".join(lines).rstrip() + "\n"
