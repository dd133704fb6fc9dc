"""Step cards for the route timeline: level, pay and every competency of one step (or of the whole route).

The cards are rich text in one QTextBrowser (`Timeline`): one document lays out in a few
milliseconds, where a widget per card with nested tables took a quarter of a second.
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from career_explorer.domain.comparison import Change, CompetencyChange, RoleGap
from career_explorer.services.path_report import (
    competency_text,
    jump_order,
    level_change_text,
    pay_text,
    unpublished_notes,
)

# Marker and colour per change; the word is always written out too, so colour is never the only cue.
MARKS = {
    Change.RAISED: ("▲", "#1a7f37"), Change.NEW: ("✚", "#0b5cad"), Change.SAME: ("=", "#6e7781"),
    Change.LOWERED: ("▼", "#b35900"), Change.DROPPED: ("✕", "#6e7781"), Change.UNKNOWN: ("?", "#6e7781"),
}
ACCENT = {"step": "#1f77b4", "total": "#2ca02c", "direct": "#9467bd"}
# Stand-ins replaced by palette-aware colours when the cards are shown (see Timeline.set_cards).
MUTED = "%muted%"
DETAIL = "%detail%"
SHADES = {False: {MUTED: "#57606a", DETAIL: "#444c56"}, True: {MUTED: "#a3adb8", DETAIL: "#c9d1d9"}}


def _role(title: str, level: Optional[str]) -> str:
    if not level:
        return escape(title)
    return f'{escape(title)} <span style="color:{MUTED}">({escape(level)})</span>'


def competency_html(c: CompetencyChange) -> str:
    """One line per competency; for a raised, new or unknown level, what that level asks for."""
    mark, colour = MARKS[c.change]
    name = f"<b>{escape(c.name)}</b>" if c.change in (Change.RAISED, Change.NEW) else escape(c.name)
    html = (f'<p style="margin:2px 0 0 0"><span style="color:{colour}">{mark}</span>&nbsp; {name}'
            f' &nbsp;<span style="color:{colour}">{escape(competency_text(c))}</span></p>')
    if c.behaviours_at_target and c.change in (Change.RAISED, Change.NEW, Change.UNKNOWN):
        lead = ("At the new level you must be able to:" if c.change != Change.UNKNOWN
                else f"What level {c.to_level:g} asks for:")
        lines = [lead] + [f"• Level {b.level}: {escape(b.text)}" for b in c.behaviours_at_target]
        html += "".join(f'<p style="margin:0 0 0 22px; color:{DETAIL}; font-size:small">{line}</p>' for line in lines)
    return html


def gap_html(gap: RoleGap, heading: str) -> str:
    """The card body: heading, move, level, pay lines, competencies sorted by jump, unpublished counts."""
    tr = gap.transition
    kind = f" · {escape(tr.kind.value)} ({escape(gap.transition_source or tr.source)})" if tr else ""
    parts = [
        f'<p style="margin:0; color:{MUTED}">{escape(heading)}{kind}</p>',
        f'<p style="margin:2px 0 6px 0; font-size:large"><b>{_role(gap.from_role.title, gap.from_role.level_label)}'
        f" → {_role(gap.to_role.title, gap.to_role.level_label)}</b></p>",
    ]
    if tr is not None:
        parts.append(f'<p style="margin:0 0 6px 0; color:{MUTED}; font-size:small">Why: {escape(tr.basis)}</p>')
    parts.append(f'<p style="margin:0"><b>Level:</b> {escape(level_change_text(gap.level_change))}</p>')
    if gap.pay:
        parts.append('<p style="margin:4px 0 0 0"><b>Pay (median):</b></p>')
        parts += [f'<p style="margin:0 0 0 16px">{escape(pay_text(p))}</p>' for p in gap.pay]
    else:
        parts.append('<p style="margin:4px 0 0 0"><b>Pay:</b> not published for either role</p>')
    if gap.competencies:
        parts.append('<p style="margin:8px 0 0 0"><b>Competencies</b>, biggest jump first:</p>')
        parts += [competency_html(c) for c in jump_order(gap.competencies)]
    else:
        parts.append('<p style="margin:8px 0 0 0"><b>Competencies:</b> none published for these roles.</p>')
    parts += [f'<p style="margin:4px 0 0 0; color:{MUTED}">{escape(note)}.</p>' for note in unpublished_notes(gap)]
    return "".join(parts)


class StepCard:
    """One card of the timeline; `kind` is "step", "total" or "direct" (it sets the accent colour)."""

    def __init__(self, gap: RoleGap, heading: str, kind: str = "step") -> None:
        self.gap, self.heading, self.kind = gap, heading, kind
        self.html = gap_html(gap, heading)

    def text(self) -> str:
        """The card as plain text, as a reader sees it."""
        doc = QTextDocument()
        doc.setHtml(self.html)
        return doc.toPlainText().replace("\xa0", " ")


class Timeline(QTextBrowser):
    """The selected route's cards, top to bottom; read-only, selectable and scrollable by keyboard."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.cards: list[StepCard] = []

    def set_cards(self, cards: list[StepCard], empty: str = "") -> None:
        self.cards = list(cards)
        card_bg = self.palette().base().color().name()
        self.viewport().setStyleSheet("background: palette(window);")
        body = "".join(
            f'<table width="100%" cellspacing="0" cellpadding="9" style="margin-bottom:10px">'
            f'<tr><td width="4" bgcolor="{ACCENT[c.kind]}"></td><td bgcolor="{card_bg}">{c.html}</td></tr></table>'
            for c in self.cards
        )
        html = body or f'<p style="color:{MUTED}">{escape(empty)}</p>'
        dark = self.palette().base().color().lightness() < 128
        for token, colour in SHADES[dark].items():
            html = html.replace(token, colour)
        self.setHtml(html)
        self.verticalScrollBar().setValue(0)
