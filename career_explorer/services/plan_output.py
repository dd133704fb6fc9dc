"""A gap report as words, rows, JSON and text: shared by `plan`, the My plan view and the PDF."""

from __future__ import annotations

import textwrap
from typing import Any, Optional

from career_explorer.domain.plan import (
    CompetencyGap,
    GapReport,
    GapStatus,
    PlanItem,
    Readiness,
    RoleStatus,
    SessionSummary,
)
from career_explorer.domain.role_gap import RoleGap
from career_explorer.services.path_report import (
    level_change_text,
    level_text,
    money,
    num,
    pct,
    primary_pay,
    route_json,
)

STATUS_WORDS = {
    GapStatus.MET: "met", GapStatus.BELOW: "to grow", GapStatus.UNRATED: "not rated",
    GapStatus.NO_LEVEL: "no level published",
}
GAP_HEADERS = ["Competency", "Scale", "Rating", "Required", "Gap", "Importance", "Status"]
STEP_HEADERS = ["Step", "From", "To", "Level change", "Pay change (median)"]
CLOSEST_HEADERS = ["Role", "Level", "Readiness", "Compared", "Rank score"]
NOT_ENOUGH = "not enough to compare"
CLOSEST_NOTE = ("Ranked by readiness pulled toward 50% when only a few competencies can be compared (the rank "
                "score), so a role matched on one competency cannot outrank one matched on ten.")


def _table(headers: list[str], rows: list[list[str]], indent: str) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in rows]
    return [(indent + line).rstrip() for line in lines]


def _wrapped(text: str, indent: str = "  ") -> list[str]:
    # Sentences of plain words run long: keep them readable in a 100-column terminal.
    return textwrap.wrap(text, 100, initial_indent=indent, subsequent_indent=indent)


def role_label(role: Optional[RoleStatus]) -> str:
    if role is None:
        return "not set"
    return f"{role.label} ({role.level})" if role.level and role.in_catalogue else role.label


def percent_text(ready: Readiness) -> str:
    """The readiness figure, or "not enough to compare": never a 0% or 100% made of nothing."""
    return NOT_ENOUGH if ready.percent is None else f"{ready.percent:.0f}%"


def readiness_text(report: GapReport) -> str:
    return percent_text(report.readiness)


def _more_words(ready: Readiness, short: bool) -> str:
    """Competencies the source has but does not name, or "" when it names them all."""
    if ready.unpublished:
        if short:
            return f"+{ready.unpublished}{' or more' if ready.unpublished_unknown else ''} not named"
        return f"{'at least ' if ready.unpublished_unknown else ''}{ready.unpublished} more not published by the source"
    if ready.unpublished_unknown:
        return "+ maybe more not named" if short else "the source may have more it does not name"
    return ""


def coverage_text(ready: Readiness) -> str:
    """"2 of 3 comparable", saying when the source has more competencies it does not name."""
    more = _more_words(ready, short=False)
    return f"{ready.comparable} of {ready.listed} comparable" + (f"; {more}" if more else "")


def coverage_short(ready: Readiness, compared: bool = False) -> str:
    """The same for a narrow table cell: "2 of 3 (+1 not named)", or "2 of 3 comparable (+1 not named)"."""
    more = _more_words(ready, short=True)
    return (f"{ready.comparable} of {ready.listed}{' comparable' if compared else ''}"
            + (f" ({more})" if more else ""))


def score_text(ready: Readiness) -> str:
    return "" if ready.score is None else f"{ready.score:.0f}"


def readiness_json(ready: Readiness) -> dict[str, Any]:
    return {"readiness": ready.percent, "ranking_score": ready.score, "comparable": ready.comparable,
            "listed": ready.listed, "unpublished": ready.unpublished,
            "unpublished_unknown": ready.unpublished_unknown, "met": ready.met, "short": ready.short,
            "unrated": ready.unrated, "no_level": ready.no_level, "importance_weighted": ready.weighted,
            "explanation": ready.explanation}


def closest_rows(report: GapReport) -> list[list[str]]:
    return [[f.role.title, f.role.level or "", percent_text(f.readiness), coverage_short(f.readiness),
             score_text(f.readiness)] for f in report.closest]


def gap_row(g: CompetencyGap) -> list[str]:
    rating = "not rated" if g.rating is None else level_text(g.rating)
    required = level_text(g.required, g.required_word) if g.required is not None or g.required_word else "not given"
    gap = "" if g.gap is None else (f"+{num(g.gap)}" if g.gap else "0")
    return [g.name, f"{g.scale_min}-{g.scale_max}", rating, required, gap,
            "" if g.importance is None else f"{num(g.importance)}", STATUS_WORDS[g.status]]


def gap_table(report: GapReport) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the gap table; the Importance column only when some source gives one."""
    rows = [gap_row(g) for g in report.gaps]
    if any(g.importance is not None for g in report.gaps):
        return list(GAP_HEADERS), rows
    drop = GAP_HEADERS.index("Importance")
    return [h for i, h in enumerate(GAP_HEADERS) if i != drop], [r[:drop] + r[drop + 1:] for r in rows]


def step_pay_text(step: RoleGap) -> str:
    pay = primary_pay(step)
    if pay is None:
        return "not published for both roles"
    return (f"{money(pay.from_p50, pay.currency)} → {money(pay.to_p50, pay.currency)} "
            f"({money(pay.change, pay.currency, signed=True)}, {pct(pay.change_pct)}; {pay.source_name or pay.source})")


def step_rows(report: GapReport) -> list[list[str]]:
    route = report.route
    if route is None:
        return []
    rows = [[str(i), s.from_role.title, s.to_role.title, level_change_text(s.level_change), step_pay_text(s)]
            for i, s in enumerate(route.steps, 1)]
    if len(route.steps) > 1:
        t = route.total
        rows.append(["All", t.from_role.title, t.to_role.title, level_change_text(t.level_change),
                     step_pay_text(t)])
    return rows


def plan_item_lines(index: int, item: PlanItem) -> tuple[str, list[str]]:
    """A heading and its lines: behaviours to demonstrate (next level first), then the action."""
    now = "not rated yet" if item.rating is None else level_text(item.rating)
    heading = f"{index}. {item.name}: {now} → {level_text(item.required)}"
    if item.importance is not None:
        heading += f" (importance {num(item.importance)})"
    lines = [f"Level {b.level}: {b.text}" for b in item.behaviours] or ["No behaviours published for these levels."]
    if item.evidence:
        lines.append(f"Evidence for the rating: {item.evidence}")
    lines.append(f"Action: {item.action}" if item.action else "Action: (none written yet)")
    if item.done_on:
        lines.append(f"Done: ticked in the session of {item.done_on.isoformat()}")
    return heading, lines


def session_lines(session: SessionSummary) -> tuple[str, list[str]]:
    """A session's heading (its date) and what was discussed, agreed and done, and the next date."""
    lines = []
    if session.discussed:
        lines.append(f"Discussed: {session.discussed}")
    if session.agreed:
        lines.append(f"Agreed: {session.agreed}")
    lines += [f"Done: {d}" for d in session.done]
    if session.next_date:
        lines.append(f"Next session: {session.next_date.isoformat()}")
    return f"Session of {session.held_on.isoformat()}", lines


def evidence_rows(report: GapReport) -> list[list[str]]:
    """Competency, rating and the evidence given for it: every rated competency that has evidence."""
    return [[g.name, level_text(g.rating), g.evidence] for g in report.gaps if g.rating is not None and g.evidence]


def plan_json(report: GapReport) -> dict[str, Any]:
    def role(r: Optional[RoleStatus]) -> Optional[dict]:
        return None if r is None else {"id": r.id, "title": r.title, "level": r.level, "in_catalogue": r.in_catalogue}

    return {
        "person": report.person,
        "made": report.made.isoformat(),
        "assessed": report.assessed.isoformat() if report.assessed else None,
        "current": role(report.current),
        "target": role(report.target),
        "readiness": readiness_json(report.readiness),
        "gaps": [
            {"id": g.competency, "name": g.name, "scale": g.scale, "scale_min": g.scale_min,
             "scale_max": g.scale_max, "rating": num(g.rating), "required": num(g.required),
             "required_word": g.required_word, "gap": num(g.gap), "importance": num(g.importance),
             "status": g.status.value, "evidence": g.evidence,
             "behaviours": [{"level": b.level, "text": b.text} for b in g.behaviours]}
            for g in report.gaps
        ],
        "unpublished": report.unpublished,
        "plan": [
            {"id": i.competency, "name": i.name, "rating": num(i.rating), "required": num(i.required),
             "priority": i.priority, "action": i.action, "evidence": i.evidence,
             "done_on": i.done_on.isoformat() if i.done_on else None,
             "behaviours": [{"level": b.level, "text": b.text} for b in i.behaviours]}
            for i in report.plan
        ],
        "route": None if report.route is None else route_json(report.route),
        "route_note": report.route_note,
        "closest": [
            {"id": f.role.id, "title": f.role.title, "level": f.role.level, **readiness_json(f.readiness),
             "distance": f.distance}
            for f in report.closest
        ],
        "sessions": [s.model_dump(mode="json") for s in report.sessions],
    }


def plan_text(report: GapReport) -> str:
    lines = [
        f"{report.person}: {role_label(report.current)} → {role_label(report.target)}",
        f"Assessment: {report.assessed:%Y-%m-%d %H:%M}" if report.assessed else "Assessment: none saved yet",
        "",
        f"Readiness: {readiness_text(report)} ({coverage_text(report.readiness)})",
        *_wrapped(report.readiness.explanation),
        "",
    ]
    if report.gaps:
        lines += ["Gap to the target:"] + _table(*gap_table(report), "  ") + [""]
    if report.route is not None:
        lines += [f"Route: {' → '.join(r.title for r in report.route.roles)}", f"  {report.route_note}"]
        lines += _table(STEP_HEADERS, step_rows(report), "  ") + [""]
    elif report.route_note:
        lines += [f"Route: {report.route_note}", ""]
    if report.plan:
        lines.append("Development plan:")
        for index, item in enumerate(report.plan, 1):
            heading, body = plan_item_lines(index, item)
            lines += [f"  {heading}"] + [f"     {line}" for line in body]
        lines.append("")
    evidence = evidence_rows(report)
    if evidence:
        lines.append("Evidence behind the ratings:")
        for name, rating, text in evidence:
            lines += _wrapped(f"{name} ({rating}): {text}")
        lines.append("")
    if report.sessions:
        lines.append("Sessions (most recent first):")
        for session in report.sessions:
            heading, body = session_lines(session)
            lines += [f"  {heading}"] + [f"     {line}" for line in body]
        lines.append("")
    if report.closest:
        lines += ["Roles closest now:", *_wrapped(CLOSEST_NOTE)]
        lines += _table(CLOSEST_HEADERS, closest_rows(report), "  ")
    return "\n".join(lines).rstrip() + "\n"
