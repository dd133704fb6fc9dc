"""Words for what a step requires, shared by the CLI, the Path view and the PDF report.

A step leads with its key jumps (see domain.role_gap.Focus), then what stays about the same, then
what also changes but matters little for the target, then what no source publishes. A twin's lens is
credited to its source and shown on that source's own scale.
"""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from career_explorer.domain.role_gap import Change, CompetencyChange, Focus, Lens, RoleGap

# How many key jumps a card or the CLI lists before "and N more".
TOP_JUMPS = 6


def num(value: Optional[float]) -> Optional[float | int]:
    """A level or amount for JSON: whole numbers as ints, others to two decimals."""
    if value is None:
        return None
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def short_title(title: str, width: int = 34) -> str:
    """A long occupation title cut at a word, for route lists ("Sales Representatives of Services, …")."""
    return textwrap.shorten(title, width, placeholder=" …")


def jump_text(c: CompetencyChange) -> str:
    """"2.12 → 3.75 (+1.63)", "new at 3", "3 → 2 (−1)", "? → 3", "not relevant here"."""
    def level(value: Optional[float], word: Optional[str]) -> str:
        return "?" if value is None and not word else (word if value is None else f"{num(value)}")

    a, b = level(c.from_level, c.from_word), level(c.to_level, c.to_word)
    if c.not_relevant and c.change != Change.UNKNOWN:
        return f"{a} → {b}, not relevant for this job"
    if c.change == Change.NEW:
        return f"new at {b}"
    if c.change == Change.DROPPED:
        return f"no longer listed (was {a})"
    if c.delta is None or c.delta == 0:
        return f"{a} → {b}"
    sign = "+" if c.delta > 0 else "−"
    return f"{a} → {b} ({sign}{num(abs(c.delta))})"


def importance_text(c: CompetencyChange) -> str:
    return "" if c.target_importance is None else f"importance {num(c.target_importance)} of 5"


def names(changes: tuple[CompetencyChange, ...], limit: int = 8) -> str:
    listed = [c.name for c in changes[:limit]]
    more = len(changes) - len(listed)
    return ", ".join(listed) + (f" and {more} more" if more > 0 else "")


def focus_lines(focus: Focus, indent: str = "    ", top: int = TOP_JUMPS) -> list[str]:
    lines = []
    if focus.key:
        width = max(len(c.name) for c in focus.key[:top])
        for c in focus.key[:top]:
            extra = importance_text(c)
            lines.append(f"{indent}{c.name:<{width}}  {jump_text(c)}{'  ' + extra if extra else ''}")
        if len(focus.key) > top:
            lines.append(f"{indent}…and {len(focus.key) - top} more jumps: {names(focus.key[top:])}")
    else:
        lines.append(f"{indent}No jump that matters for this role is published.")
    if focus.about_same:
        lines.append(f"{indent}About the same: {names(focus.about_same)}")
    if focus.also:
        lines.append(f"{indent}Also changes (matters little here): {names(focus.also)}")
    if focus.unknown:
        lines.append(f"{indent}Not published at one end: {names(focus.unknown)}")
    return lines


def lens_heading(lens: Lens) -> str:
    if lens.same_role:
        return (f"{lens.source_name}: both roles are {lens.from_role.title}; the public data does not tell "
                "the two apart.")
    return f"{lens.source_name} rates {lens.from_role.title} → {lens.to_role.title}, on its own scale:"


def gap_focus_lines(gap: RoleGap, indent: str = "    ") -> list[str]:
    """What a step requires: own source first (when it publishes levels), then each lens."""
    lines = []
    own = gap.focus()
    has_own = any(c.change != Change.UNKNOWN for c in gap.competencies)
    if has_own or not gap.lenses:
        lines.append(f"{indent}What matters most:")
        lines += focus_lines(own, indent + "  ")
    elif own.unknown:
        lines.append(f"{indent}The roles' own source publishes no levels to compare ({names(own.unknown, 5)}).")
    for lens in gap.lenses:
        lines.append(f"{indent}{lens_heading(lens)}")
        if not lens.same_role:
            lines += focus_lines(lens.focus(), indent + "  ")
    if gap.experience is not None:
        lines += textwrap.wrap(gap.experience.text, 96, initial_indent=f"{indent}Experience: ",
                               subsequent_indent=indent + "  ")
    return lines


# -- JSON ---------------------------------------------------------------------------------


def change_json(c: CompetencyChange) -> dict[str, Any]:
    return {
        "id": c.competency, "name": c.name, "kind": c.kind.value, "scale": c.scale,
        "from": num(c.from_level), "to": num(c.to_level), "from_word": c.from_word, "to_word": c.to_word,
        "delta": num(c.delta), "change": c.change.value, "importance": num(c.target_importance),
        "not_relevant": c.not_relevant, "about_same": c.about_same, "noise": num(c.noise),
        "behaviours_are_examples": c.examples,
        "behaviours_at_target": [{"level": b.level, "text": b.text} for b in c.behaviours_at_target],
    }


def focus_json(focus: Focus) -> dict[str, Any]:
    return {
        "key": [change_json(c) for c in focus.key],
        "about_same": [change_json(c) for c in focus.about_same],
        "also_changes": [change_json(c) for c in focus.also],
        "unknown": [change_json(c) for c in focus.unknown],
        "in_words": focus.words(),
    }


def lens_json(lens: Lens) -> dict[str, Any]:
    return {
        "source": lens.source, "source_name": lens.source_name,
        "from": {"id": lens.from_role.id, "title": lens.from_role.title},
        "to": {"id": lens.to_role.id, "title": lens.to_role.title},
        "same_work": lens.same_role,
        "focus": None if lens.same_role else focus_json(lens.focus()),
    }


def experience_json(gap: RoleGap) -> Optional[dict[str, Any]]:
    e = gap.experience
    if e is None:
        return None
    return {"text": e.text, "answer": e.label, "share_percent": num(e.share), "figures_of": e.role_title,
            "linked_occupation": e.via_twin, "source_name": e.source_name, "as_of": e.as_of,
            "respondents": e.respondents, "unreliable": e.suppressed}
