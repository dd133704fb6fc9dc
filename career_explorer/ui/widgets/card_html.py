"""The rich text of a step card: what a step requires, in order of what matters for the target role.

A card leads with who states the move, level, pay and how much experience people in the target job
have; then, per source, the key jumps (see domain.role_gap.Focus), one line on what stays about
the same, and a folded "Also changes" list. A twin's levels are a second, credited lens on its own
scale; where both ends share one twin the card says the public data cannot tell them apart.
"""

from __future__ import annotations

from html import escape

from career_explorer.domain.role_gap import Change, CompetencyChange, Focus, Lens, RoleGap, RoleRef
from career_explorer.services.path_report import level_change_text, pay_text, unpublished_notes
from career_explorer.services.route_pages import (
    credit_rows,
    example_text,
    lens_title,
    no_levels_text,
    scale_text,
    soc_code,
)
from career_explorer.services.step_wording import jump_text

# Key jumps listed one per line; the rest of the key jumps share one line.
DETAILED = 6
# Key jumps that also show what their new level looks like (an anchor or a framework behaviour).
WITH_EXAMPLES = 3
NAMES_SHOWN = 8

# Stand-ins replaced by palette-aware colours when the cards are shown (see Timeline.set_cards).
MUTED = "%muted%"
DETAIL = "%detail%"
RISE = "#1a7f37"


def _p(html: str, style: str = "") -> str:
    return f'<p style="margin:0; {style}">{html}</p>'


def role_html(role: RoleRef) -> str:
    """"Title (A02)"; a level with a name of its own reads "Title · Job Zone 3 (medium preparation)"."""
    if role.level_name:
        return f'{escape(role.title)} <span style="color:{MUTED}">· {escape(role.level_name)}</span>'
    if role.level:
        return f'{escape(role.title)} <span style="color:{MUTED}">({escape(role.level)})</span>'
    return escape(role.title)


def example_html(c: CompetencyChange) -> str:
    """One line on what the new level looks like: O*NET's anchor as an example, a framework's own words."""
    text = example_text(c)
    return _p(escape(text), f"margin-left:22px; color:{DETAIL}; font-size:small") if text else ""


def importance_short(c: CompetencyChange) -> str:
    return "" if c.target_importance is None else f"importance {c.target_importance:.1f} of 5"


def jump_line(c: CompetencyChange, examples: bool) -> str:
    extra = importance_short(c)
    line = (f'<span style="color:{RISE}">▲</span>&nbsp; <b>{escape(c.name)}</b> &nbsp;{escape(jump_text(c))}'
            + (f' <span style="color:{MUTED}">· {escape(extra)}</span>' if extra else ""))
    return _p(line, "margin-top:2px") + (example_html(c) if examples else "")


def _names(changes: tuple[CompetencyChange, ...], limit: int = NAMES_SHOWN) -> str:
    shown = ", ".join(escape(c.name) for c in changes[:limit])
    more = len(changes) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def also_html(focus: Focus, link: str, opened: bool) -> str:
    """The folded list of what changes but matters little for the target; `link` toggles it."""
    if not focus.also:
        return ""
    arrow, verb = ("▾", "hide") if opened else ("▸", "show")
    head = _p(f'<a href="{link}">{arrow} Also changes ({len(focus.also)})</a> '
              f'<span style="color:{MUTED}">· matters little for this job ({verb})</span>', "margin-top:4px")
    if not opened:
        return head
    lines = []
    for c in focus.also:
        flag = "not relevant for this job" if c.not_relevant else importance_short(c)
        jump = jump_text(c).replace(", not relevant for this job", "")
        lines.append(_p(f"{escape(c.name)} &nbsp;{escape(jump)}"
                        + (f' <span style="color:{MUTED}">· {escape(flag)}</span>' if flag else ""),
                        f"margin-left:22px; color:{DETAIL}"))
    return head + "".join(lines)


def focus_html(focus: Focus, link: str, opened: bool) -> str:
    """Key jumps first (biggest weight first), then about the same, also changes, and not published."""
    parts = []
    if focus.key:
        parts += [jump_line(c, i < WITH_EXAMPLES) for i, c in enumerate(focus.key[:DETAILED])]
        rest = focus.key[DETAILED:]
        if rest:
            listed = ", ".join(f"{escape(c.name)} {escape(jump_text(c).split(' (')[0])}" for c in rest)
            parts.append(_p(f"More jumps that matter: {listed}", f"margin-top:3px; color:{DETAIL}"))
    else:
        parts.append(_p("No jump that matters for this job.", f"color:{DETAIL}"))
    if focus.about_same:
        parts.append(_p(f"<b>About the same</b> ({len(focus.about_same)}): {_names(focus.about_same)}",
                        f"margin-top:4px; color:{DETAIL}"))
    parts.append(also_html(focus, link, opened))
    if focus.unknown:
        parts.append(_p(f"Not published at one end ({len(focus.unknown)}): {_names(focus.unknown, 5)}",
                        f"margin-top:4px; color:{MUTED}"))
    return "".join(parts)


def lens_html(lens: Lens, link: str, opened: bool) -> str:
    a, b = lens.from_role, lens.to_role
    if lens.same_role:
        return _p(f"<b>{escape(lens_title(lens))}</b>: both roles are {escape(a.title)} there, so the public "
                  "data does not tell the two apart.", "margin-top:8px")
    if soc_code(a) and soc_code(b):
        head = (f"<b>{escape(lens_title(lens))}</b> "
                f'<span style="color:{MUTED}">({escape(a.title)} → {escape(b.title)}; {escape(lens.source_name)}, '
                f"{scale_text(lens.competencies)})</span>")
    else:
        head = (f"<b>{escape(lens.source_name)}</b> rates {escape(a.title)} → {escape(b.title)}, "
                f"{scale_text(lens.competencies)}:")
    return _p(head, "margin-top:8px") + focus_html(lens.focus(), link, opened)


def own_html(gap: RoleGap, link: str, opened: bool) -> str:
    """The roles' own source: its key jumps, or one line saying it publishes no levels to compare."""
    known = [c for c in gap.competencies if c.change != Change.UNKNOWN]
    if not gap.competencies:
        return "" if gap.lenses else _p("No competencies are published for these roles.", "margin-top:8px")
    if not known:
        return _p(f"{escape(no_levels_text(gap))} ({len(gap.competencies)} competencies named, such as "
                  f"{_names(gap.focus().unknown, 4)}).",
                  f"margin-top:8px; color:{MUTED}")
    return (_p(f"<b>What matters most</b> <span style=\"color:{MUTED}\">(the roles' own source, "
               f"{scale_text(tuple(known))})</span>", "margin-top:8px") + focus_html(gap.focus(), link, opened))


def pay_html(gap: RoleGap) -> str:
    if not gap.pay:
        return _p("<b>Pay:</b> not published for either role", "margin-top:2px")
    lines = [escape(pay_text(p)) for p in gap.pay]
    return _p("<b>Pay (median):</b> " + "<br/>".join(lines), "margin-top:2px")


def gap_html(gap: RoleGap, heading: str, card: int = 0, opened: frozenset[str] = frozenset()) -> str:
    """A whole card; `opened` holds the links ("also:<card>:<section>") whose "Also changes" is open."""
    tr = gap.transition
    kind = f" · {escape(tr.kind.value)}" if tr else ""
    parts = [
        _p(f"{escape(heading)}{kind}", f"color:{MUTED}"),
        _p(f"<b>{role_html(gap.from_role)} → {role_html(gap.to_role)}</b>", "margin:2px 0 4px 0; font-size:large"),
    ]
    for label, text in credit_rows(gap):
        if label == "Why":
            parts.append(_p(f"Why: {escape(text)}", f"color:{MUTED}; font-size:small; margin-bottom:4px"))
        else:
            parts.append(_p(f"<b>{label}:</b> {escape(text)}", "font-size:small"))
    parts.append(_p(f"<b>Level:</b> {escape(level_change_text(gap.level_change))}", "margin-top:2px"))
    parts.append(pay_html(gap))
    if gap.experience is not None:
        parts.append(_p(f"<b>Experience:</b> {escape(gap.experience.text)}", "margin-top:2px"))
    links = [f"also:{card}:{i}" for i in range(len(gap.lenses) + 1)]
    parts.append(own_html(gap, links[0], links[0] in opened))
    # What the roles' own source leaves out belongs with what it says, before the other sources' lenses.
    parts += [_p(f"{escape(note)}.", f"margin-top:4px; color:{MUTED}; font-size:small")
              for note in unpublished_notes(gap)]
    parts += [lens_html(lens, link, link in opened) for lens, link in zip(gap.lenses, links[1:])]
    return "".join(parts)

