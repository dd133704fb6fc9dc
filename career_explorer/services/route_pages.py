"""Printable route pages: each step focus first, with every figure's source named.

The same order as the Path view's cards (ui.card_html): who states the move, level, pay, experience,
then per source the jumps that matter (biggest weight first), what stays about the same, and what
also changes. On paper nothing folds, so "also changes" is listed, names only.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Optional

from career_explorer.charts.pay_progression import draw_pay_progression
from career_explorer.charts.report_layout import A4, MUTED, Page, PageWriter
from career_explorer.charts.skill_heatmap import draw_skill_heatmap, shown_rows
from career_explorer.domain.role_gap import Change, CompetencyChange, Focus, Lens, RoleGap, RoleRef
from career_explorer.domain.route import Route
from career_explorer.services.path_report import level_change_text, pay_text, unpublished_notes
from career_explorer.services.pdf_document import write_pdf
from career_explorer.services.step_wording import jump_text

# Heatmap rows printed: the ones that matter most, legible on A4.
PRINT_ROWS = 14
JUMPS_PRINTED = 8
_SOC = re.compile(r"(\d{2}-\d{4}\.\d{2})$")
_TIERS = {"Primary-Short": "one of its closest related occupations", "Primary-Long": "a related occupation",
          "Supplemental": "a more distant related occupation"}


def soc_code(role: RoleRef) -> Optional[str]:
    """The O*NET-SOC code of an O*NET occupation (part of a credited lens label), else None."""
    found = _SOC.search(role.id)
    return found.group(1) if found and role.id.startswith("onet") else None


def credit_text(gap: RoleGap) -> str:
    """Who says the move exists, in a sentence."""
    tr = gap.transition
    if tr is None:
        return ""
    if gap.inferred:
        return ("This catalogue's own inference: no source states this move, it is read from the "
                "sources' job levels and reporting lines (see why below).")
    who = gap.transition_source or tr.source
    if tr.tier:
        text = f"{who} lists it as {_TIERS.get(tr.tier, 'related')}."
        if tr.kind.value == "promotion":
            text += " Calling it a promotion is the importer's job-zone rule, not the source's word."
        return text
    return f"Stated by {who}."


def credit_rows(gap: RoleGap) -> list[tuple[str, str]]:
    """("Who says so", ...) and ("Why", ...) for a step; one row when the source's own basis already
    says who lists the move (O*NET's related occupations), so a card does not say it twice."""
    tr = gap.transition
    if tr is None:
        return []
    if tr.tier and tr.basis and not gap.inferred:
        return [("Who says so", tr.basis)]
    return [("Who says so", credit_text(gap)), ("Why", tr.basis)]


def no_levels_text(gap: RoleGap) -> str:
    """Why a step's own source shows no jumps: which end publishes no levels."""
    bare = [r.title for r in gap.unlevelled_ends()]
    whose = f"for {' or '.join(bare)}" if bare else "at both ends of any one competency"
    return f"No levels are published {whose}, so this step's jumps are not known"


def scale_text(changes: tuple[CompetencyChange, ...]) -> str:
    scales = {(c.scale_min, c.scale_max) for c in changes}
    if len(scales) != 1:
        return "each on its own scale"
    low, high = scales.pop()
    return f"on its own {low}–{high} scale"


def lens_title(lens: Lens) -> str:
    """"O*NET 43-4051.00 → 43-1011.00", or the source's name where the roles have no O*NET-SOC code."""
    a, b = soc_code(lens.from_role), soc_code(lens.to_role)
    if lens.same_role:
        return f"{lens.source_name.split()[0]} {a}" if a else lens.source_name
    return f"{lens.source_name.split()[0]} {a} → {b}" if a and b else lens.source_name


def example_text(c: CompetencyChange) -> str:
    """O*NET's anchors are examples of a level; a framework's behaviours say what the level asks for."""
    if not c.behaviours_at_target or c.change not in (Change.RAISED, Change.NEW):
        return ""
    if c.examples:
        target = c.to_level if c.to_level is not None else max(b.level for b in c.behaviours_at_target)
        anchor = min(c.behaviours_at_target, key=lambda b: (abs(b.level - target), -b.level))
        return f"for example, at level {anchor.level}: {anchor.text}"
    top = max(c.behaviours_at_target, key=lambda b: b.level)
    return f"what level {top.level} asks for: {top.text}"


def _names(changes: tuple[CompetencyChange, ...], limit: int = 12) -> str:
    shown = ", ".join(c.name + (" (not relevant for this job)" if c.not_relevant else "") for c in changes[:limit])
    return shown + (f" and {len(changes) - limit} more" if len(changes) > limit else "")


def focus_block(w: PageWriter, focus: Focus) -> None:
    if focus.key:
        rows = [[c.name, jump_text(c), "" if c.target_importance is None else f"{c.target_importance:.1f} of 5",
                 example_text(c)] for c in focus.key[:JUMPS_PRINTED]]
        w.table(["Jump that matters", "Level", "Importance", "What the new level looks like"], rows,
                [0.25, 0.17, 0.11, 0.47], size=7.5)
        if len(focus.key) > JUMPS_PRINTED:
            rest = ", ".join(f"{c.name} {jump_text(c).split(' (')[0]}" for c in focus.key[JUMPS_PRINTED:])
            w.paragraph(f"More jumps that matter: {rest}", size=8, indent=0.2)
    else:
        w.paragraph("No jump that matters for this job.", size=8.5, indent=0.2)
    for label, changes in (("About the same", focus.about_same), ("Also changes, matters little here", focus.also),
                           ("Not published at one end", focus.unknown)):
        if changes:
            w.paragraph(f"{label} ({len(changes)}): {_names(changes)}", size=8, indent=0.2, color=MUTED)


def step_block(w: PageWriter, gap: RoleGap, heading: str) -> None:
    """One step (or the whole route) as the Path view's card says it."""
    w.ensure(1.2)
    w.paragraph(f"{heading}: {gap.from_role.title} → {gap.to_role.title}", size=10.5, weight="bold", after=0.04)
    rows = []
    rows += credit_rows(gap)
    rows.append(("Level", level_change_text(gap.level_change)))
    rows += [("Pay (median)" if i == 0 else "", pay_text(p)) for i, p in enumerate(gap.pay)] or [
        ("Pay", "not published for either role")]
    if gap.experience is not None:
        rows.append(("Experience", gap.experience.text))
    w.pairs(rows, size=8.5, key_width=1.2)
    known = tuple(c for c in gap.competencies if c.change != Change.UNKNOWN)
    if known:
        w.paragraph(f"What matters most (the roles' own source, {scale_text(known)})", size=9, weight="bold")
        focus_block(w, gap.focus())
    elif gap.competencies:
        w.paragraph(f"{no_levels_text(gap)} in the roles' own source ({len(gap.competencies)} competencies "
                    "named).", size=8.5, color=MUTED)
    # What the roles' own source leaves out belongs with what it says, before the other sources' lenses.
    for note in unpublished_notes(gap):
        w.paragraph(f"{note}.", size=8, color=MUTED)
    for lens in gap.lenses:
        if lens.same_role:
            w.paragraph(f"{lens_title(lens)}: both roles are {lens.from_role.title} there, so the public data does "
                        "not tell the two apart.", size=9)
            continue
        w.paragraph(f"{lens_title(lens)} ({lens.from_role.title} → {lens.to_role.title}; {lens.source_name}, "
                    f"{scale_text(lens.competencies)})", size=9, weight="bold")
        focus_block(w, lens.focus())
    w.space(0.12)


def route_charts(w: PageWriter, route: Route) -> None:
    """Pay along the route, then the heatmap's top rows (in the cards' order)."""
    # Keyed by the route: people on one route in a cohort pack share these two pictures.
    w.chart(2.6, partial(draw_pay_progression, route=route), left=0.7, right=0.1, below=0.75, key=("pay", id(route)))
    rows = max(len(shown_rows(route, PRINT_ROWS)[0]), 3)
    extras = 0.3 + 1.0  # title above, role names and the key below
    if 0.22 * rows + extras > w.room():
        w.page_break()
    height = min(0.22 * rows, w.room() - extras)
    w.chart(height, partial(draw_skill_heatmap, route=route, limit=PRINT_ROWS), left=2.6, right=0.2, below=1.0,
            key=("skills", id(route)))


def route_steps(w: PageWriter, route: Route) -> None:
    """The cards: the whole route first (when it has more than one step), then each step."""
    if route.is_direct:
        step_block(w, route.total, "Direct gap")
        return
    if route.step_count > 1:
        step_block(w, route.total, "Whole route")
    for index, step in enumerate(route.steps, 1):
        step_block(w, step, f"Step {index} of {route.step_count}")


def route_report_pages(route: Route) -> list[Page]:
    """A route on its own: the route, why it ranks there, its charts and every step."""
    ends = f"{route.roles[0].title} → {route.roles[-1].title}"
    w = PageWriter(footer=f"Career Explorer - {ends}", size=A4)
    w.paragraph(f"Route {route.rank}: {ends}" if not route.is_direct else f"{ends} (direct comparison)",
                size=16, weight="bold", after=0.08)
    w.paragraph(" → ".join(r.title for r in route.roles), size=9.5, weight="bold")
    if route.reason:
        w.paragraph(f"{route.reason}. Skill gap: {route.skill_words()}.", size=8.5, color=MUTED)
    route_charts(w, route)
    w.heading("What each step requires, what matters most first")
    route_steps(w, route)
    return w.finish()


def write_route_report(route: Route, path: Path) -> Path:
    """Write the route's pages as a PDF, through a temporary file beside `path`."""
    return write_pdf(route_report_pages(route), path, f"Route: {route.roles[0].title} → {route.roles[-1].title}")
