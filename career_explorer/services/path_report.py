"""Path results as the CLI's JSON object and readable text, plus the wording the GUI shares."""

from __future__ import annotations

from typing import Any, Optional

from career_explorer.domain.comparison import Change, CompetencyChange, LevelChange, PayChange, RoleGap, RoleRef
from career_explorer.domain.money import format_money as money
from career_explorer.domain.route import PathResult, Route

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
    head = f"{pay.source_name or pay.source} {pay.basis}{where}: {money(pay.from_p50, pay.currency)} → {money(pay.to_p50, pay.currency)}"
    if pay.change is None:
        return head
    return f"{head} ({money(pay.change, pay.currency, signed=True)}, {pct(pay.change_pct)})"


def primary_pay(gap: RoleGap) -> Optional[PayChange]:
    """The first base-pay change a single source gives for both ends, else any with a change."""
    known = [p for p in gap.pay if p.change is not None]
    return next((p for p in known if p.basis == "base"), known[0] if known else None)


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


def competency_text(c: CompetencyChange) -> str:
    """"raised 1 → 3 (+2)", "new at 3", "unchanged at 2", "no longer listed (was 2)", "unknown → 3"."""
    a, b = level_text(c.from_level, c.from_word), level_text(c.to_level, c.to_word)
    if c.change == Change.RAISED:
        return f"raised {a} → {b} (+{num(c.delta)})"
    if c.change == Change.LOWERED:
        return f"lowered {a} → {b} (−{num(-c.delta)})"
    if c.change == Change.NEW:
        return f"new at {b}"
    if c.change == Change.SAME:
        return f"unchanged at {b}"
    if c.change == Change.DROPPED:
        return f"no longer listed (was {a})"
    return f"unknown: {a} → {b}"


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


def skill_growth_text(route: Route) -> str:
    """"6 jumps (+275)", "3 unknown", or both; points are jumps as % of each scale, summed."""
    jumps = route.jump_count
    unknown = sum(1 for s in route.steps for c in s.competencies if c.change == Change.UNKNOWN)
    parts = [f"{jumps} jump{'s' if jumps != 1 else ''} (+{route.skill_growth:.0f})"] if jumps else []
    if unknown:
        parts.append(f"{unknown} unknown")
    return ", ".join(parts) or "none"


# -- JSON -------------------------------------------------------------------------------------

def role_json(role: RoleRef) -> dict[str, Any]:
    return {"id": role.id, "title": role.title, "level": role.level}


def gap_json(gap: RoleGap) -> dict[str, Any]:
    """One step (or the direct gap) in the issue's shape, with a few extra fields."""
    tr = gap.transition
    return {
        "from": role_json(gap.from_role),
        "to": role_json(gap.to_role),
        "transition": None if tr is None else {"kind": tr.kind.value, "source": tr.source, "basis": tr.basis},
        "level_change": {"from": gap.level_change.from_level, "to": gap.level_change.to_level,
                         "rank_change": gap.level_change.rank_delta},
        "pay": [
            {"source": p.source, "basis": p.basis, "region": p.region, "currency": p.currency, "period": p.period,
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
    }


def route_json(route: Route) -> dict[str, Any]:
    total = gap_json(route.total)
    total.pop("transition")
    return {
        "rank": route.rank,
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
    return f"{role.title} ({role.level_label})" if role.level else role.title


def gap_lines(gap: RoleGap, heading: str, indent: str = "  ") -> list[str]:
    tr = gap.transition
    via = f"  [{tr.kind.value}, {gap.transition_source or tr.source}]" if tr else ""
    lines = [f"{heading}: {_role(gap.from_role)} → {_role(gap.to_role)}{via}",
             f"{indent}Level: {level_change_text(gap.level_change)}"]
    lines += [f"{indent}Pay:   {pay_text(p)}" for p in gap.pay] or [f"{indent}Pay:   not published for either role"]
    if gap.competencies:
        rows = [[c.name, c.scale, level_text(c.from_level, c.from_word), level_text(c.to_level, c.to_word),
                 "" if c.delta is None else f"{num(c.delta):+}", CHANGE_WORDS[c.change]]
                for c in jump_order(gap.competencies)]
        lines += _table(["Competency", "Scale", "From", "To", "Jump", "Change"], rows, indent)
    lines += [f"{indent}{note}." for note in unpublished_notes(gap)]
    return lines


def route_summary_row(route: Route) -> list[str]:
    total = primary_pay(route.total)
    per_step = ", ".join(
        money(p.change, p.currency, signed=True) if p else "?" for p in (primary_pay(s) for s in route.steps)
    )
    return [str(route.rank), str(route.step_count), route.level_chain(),
            f"{money(total.change, total.currency, signed=True)} ({pct(total.change_pct)})" if total else "unknown",
            per_step, skill_growth_text(route), " → ".join(r.title for r in route.roles)]


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
    lines.append(f"{count} route{'s' if count != 1 else ''}, fewest steps first:")
    lines += _table(["#", "Steps", "Levels", "Pay change", "Per step", "Skill growth", "Route"],
                    [route_summary_row(r) for r in result.routes], "")
    for route in result.routes:
        lines += ["", f"Route {route.rank}: {route.level_chain()}", ""]
        for index, step in enumerate(route.steps, 1):
            lines += gap_lines(step, f"  Step {index}", "    ") + [""]
        lines += gap_lines(route.total, "  Whole route", "    ")
    lines += ["", *gap_lines(result.direct.total, "Direct gap")]
    return "\n".join(lines)
