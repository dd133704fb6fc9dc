"""Path results as the CLI's JSON object and readable text, plus the wording the GUI shares."""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from career_explorer.domain.money import format_money as money
from career_explorer.domain.money import short_money
from career_explorer.domain.role_gap import Change, CompetencyChange, LevelChange, PayChange, RoleGap, RoleRef
from career_explorer.domain.route import PathResult, Route
from career_explorer.services.route_reasons import move_credit
from career_explorer.services.step_wording import (
    experience_json,
    focus_json,
    gap_focus_lines,
    lens_json,
    short_title,
)

CHANGE_WORDS = {
    Change.RAISED: "raised", Change.NEW: "new", Change.SAME: "unchanged", Change.LOWERED: "lowered",
    Change.DROPPED: "no longer listed", Change.UNKNOWN: "unknown",
}


# -- wording ----------------------------------------------------------------------------------

def num(value: Optional[float]) -> Optional[float | int]:
    """A level or amount for JSON: whole numbers as ints, others to two decimals."""
    if value is None:
        return None
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def level_text(value: Optional[float], word: Optional[str] = None) -> str:
    if value is None:
        return word or "?"
    return f"{num(value)}"


def pct(value: Optional[float]) -> str:
    return "" if value is None else f"{'+' if value >= 0 else '−'}{abs(value):.1f}%"


def pay_text(pay: PayChange) -> str:
    """"salary-com base: $43,396 → $62,930 (+$19,534, +45.0%)"."""
    where = "" if pay.region == "US" and pay.period == "annual" else f" ({pay.region}, {pay.period})"
    amounts = f"{money(pay.from_p50, pay.currency)} → {money(pay.to_p50, pay.currency)}"
    head = f"{pay.source_name or pay.source} {pay.basis}{where}: {amounts}"
    if pay.change is None:
        return head
    return f"{head} ({money(pay.change, pay.currency, signed=True)}, {pct(pay.change_pct)})"


def primary_pay(gap: RoleGap) -> Optional[PayChange]:
    """The first base-pay change a single source gives for both ends, else any with a change."""
    known = [p for p in gap.pay if p.change is not None]
    return next((p for p in known if p.basis == "base"), known[0] if known else None)


def pay_steps_text(route: Route) -> str:
    """"+$19.5k, +$37.3k"; a step no one source prices at both ends reads "pay not published"."""
    changes = [primary_pay(s) for s in route.steps]
    if all(p is None for p in changes):
        return "pay not published"
    return ", ".join("not published" if p is None else short_money(p.change, p.currency, signed=True)
                     for p in changes)


def level_change_text(change: LevelChange) -> str:
    text = f"{change.from_name or change.from_level or '?'} → {change.to_name or change.to_level or '?'}"
    delta = change.rank_delta
    if delta:
        text += f" ({'+' if delta > 0 else '−'}{abs(delta)} level{'s' if abs(delta) != 1 else ''})"
    elif delta == 0:
        text += " (same level)"
    elif change.from_level and change.to_level and not change.comparable:
        text += " (different ladders)"
    return text


_AFTER_JUMPS = {Change.UNKNOWN: 1, Change.LOWERED: 2, Change.SAME: 3, Change.DROPPED: 4}


def jump_order(changes: tuple[CompetencyChange, ...]) -> list[CompetencyChange]:
    """Raised and new together, biggest jump (as % of its scale) first; then unknown, lowered, unchanged, dropped."""
    return sorted(changes, key=lambda c: (_AFTER_JUMPS.get(c.change, 0), -c.normalised_jump, c.name.casefold()))


def unpublished_text(count: int, title: str, more: bool = False) -> str:
    """"4 more competencies not published for X"; `more` when the source gives no total."""
    if not count:
        return f"More competencies may apply to {title}; the source does not say how many"
    noun = "competency" if count == 1 else "competencies"
    return f"{'At least ' if more else ''}{count} more {noun} not published for {title}"


def unpublished_notes(gap: RoleGap) -> list[str]:
    """The not-published notes for both ends of a gap, where there are any."""
    ends = ((gap.unpublished.from_count, gap.unpublished.from_more, gap.from_role),
            (gap.unpublished.to_count, gap.unpublished.to_more, gap.to_role))
    return [unpublished_text(count, role.title, more) for count, more, role in ends if count or more]


# -- JSON -------------------------------------------------------------------------------------

def role_json(role: RoleRef) -> dict[str, Any]:
    return {"id": role.id, "title": role.title, "level": role.level, "level_name": role.level_name}


def gap_json(gap: RoleGap) -> dict[str, Any]:
    """One step (or the direct gap) in the issue's shape, with a few extra fields."""
    tr = gap.transition
    return {
        "from": role_json(gap.from_role),
        "to": role_json(gap.to_role),
        "transition": None if tr is None else {
            "kind": tr.kind.value, "source": tr.source, "source_name": gap.transition_source, "basis": tr.basis,
            "tier": tr.tier, "inferred_by_catalogue": gap.inferred, "credit": move_credit(gap),
        },
        "level_change": {"from": gap.level_change.from_level, "to": gap.level_change.to_level,
                         "from_name": gap.level_change.from_name, "to_name": gap.level_change.to_name,
                         "rank_change": gap.level_change.rank_delta},
        "pay": [
            {"source": p.source, "source_name": p.source_name, "basis": p.basis, "region": p.region,
             "currency": p.currency, "period": p.period,
             "from_p50": num(p.from_p50), "to_p50": num(p.to_p50), "change": num(p.change),
             "change_pct": None if p.change_pct is None else round(p.change_pct, 2)}
            for p in gap.pay
        ],
        "competencies": [
            {"id": c.competency, "name": c.name, "kind": c.kind.value, "scale": c.scale,
             "from": num(c.from_level), "to": num(c.to_level), "from_word": c.from_word, "to_word": c.to_word,
             "delta": num(c.delta), "change": c.change.value, "importance": num(c.importance),
             "behaviours_at_target": [{"level": b.level, "text": b.text} for b in c.behaviours_at_target]}
            for c in jump_order(gap.competencies)
        ],
        "unpublished": {"from": gap.unpublished.from_count, "to": gap.unpublished.to_count,
                        "from_more": gap.unpublished.from_more, "to_more": gap.unpublished.to_more},
        "focus": focus_json(gap.focus()),
        "lenses": [lens_json(lens) for lens in gap.lenses],
        "experience": experience_json(gap),
    }


def route_json(route: Route) -> dict[str, Any]:
    total = gap_json(route.total)
    total.pop("transition")
    return {
        "rank": route.rank,
        "reason": route.reason,
        "plausibility_cost": round(route.plausibility, 2),
        "skill_gap_in_words": route.skill_words(),
        "weighted_skill_gap": round(route.weighted_gap, 1),
        "steps_without_published_levels": route.blind_steps,
        "roles": [role_json(r) for r in route.roles],
        "levels": route.level_chain(),
        "skill_growth": round(route.skill_growth, 1),
        "steps": [gap_json(s) for s in route.steps],
        "total": total,
    }


def path_json(result: PathResult) -> dict[str, Any]:
    return {
        "from": role_json(result.from_role),
        "to": role_json(result.to_role),
        "ranking": result.mode.value,
        "sideways_moves_allowed": result.sideways,
        "same_work": result.same_work,
        "found": result.found,
        "routes": [route_json(r) for r in result.routes],
        "direct": gap_json(result.direct.total),
        "reachable": [role_json(r) for r in result.reachable],
    }


# -- text -------------------------------------------------------------------------------------

def _table(headers: list[str], rows: list[list[str]], indent: str) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in rows]
    return [(indent + line).rstrip() for line in lines]


def _role(role: RoleRef) -> str:
    """"Support Lead (S01)"; a level with a name of its own reads "Title · Job Zone 3 (medium preparation)"."""
    if not role.level:
        return role.title
    if role.level_name == role.title:  # a framework whose levels are its role titles: say it once
        return role.title
    return f"{role.title} · {role.level_name}" if role.level_name else f"{role.title} ({role.level})"


def gap_lines(gap: RoleGap, heading: str, indent: str = "  ") -> list[str]:
    tr = gap.transition
    via = f"  [{tr.kind.value}, {move_credit(gap)}]" if tr else ""
    lines = [f"{heading}: {_role(gap.from_role)} → {_role(gap.to_role)}{via}"]
    if tr is not None:
        lines += textwrap.wrap(f"Why: {tr.basis}", 100, initial_indent=indent, subsequent_indent=indent + "  ")
    lines.append(f"{indent}Level: {level_change_text(gap.level_change)}")
    lines += [f"{indent}Pay:   {pay_text(p)}" for p in gap.pay] or [f"{indent}Pay:   not published for either role"]
    lines += gap_focus_lines(gap, indent)
    lines += [f"{indent}{note}." for note in unpublished_notes(gap)]
    return lines


def route_summary_row(route: Route) -> list[str]:
    per_step = ", ".join(
        money(p.change, p.currency, signed=True) if p else "?" for p in (primary_pay(s) for s in route.steps)
    )
    return [str(route.rank), " → ".join(short_title(r.title, 40) for r in route.roles), per_step,
            route.skill_words(), route.reason]


def path_text(result: PathResult) -> str:
    a, b = result.from_role, result.to_role
    lines = [f"{_role(a)} → {_role(b)}", ""]
    if not result.found:
        lines += [f"No route of transitions leads from {a.title} to {b.title}.", ""]
        lines += gap_lines(result.direct.total, "Direct gap") + [""]
        if result.reachable:
            lines.append(f"Roles reachable from {a.title}:")
            lines += [f"  {_role(r)}  [{r.id}]" for r in result.reachable]
        else:
            lines.append(f"No other role can be reached from {a.title} through the catalogue's transitions.")
        return "\n".join(lines)
    count = len(result.routes)
    total = primary_pay(result.routes[0].total)
    if total is not None:
        lines.append(f"First role to last: {pay_text(total)}")
    sideways = "sideways moves allowed" if result.sideways else "no pay cuts"
    lines.append(f"{count} route{'s' if count != 1 else ''}, {result.mode.label.lower()} first ({sideways}):")
    lines += _table(["#", "Route", "Pay per step", "Skill gap (what matters)", "Why"],
                    [route_summary_row(r) for r in result.routes], "")
    for route in result.routes:
        lines += ["", f"Route {route.rank}: {' → '.join(r.title for r in route.roles)}", f"  {route.reason}", ""]
        for index, step in enumerate(route.steps, 1):
            lines += gap_lines(step, f"  Step {index}", "    ") + [""]
        lines += gap_lines(route.total, "  Whole route", "    ")
    lines += ["", *gap_lines(result.direct.total, "Direct gap")]
    return "\n".join(lines)
