"""Step cards for the route timeline: what each step (or the whole route) requires, focus first.

The cards are rich text in one QTextBrowser (`Timeline`): one document lays out in a few
milliseconds, where a widget per card with nested tables took a quarter of a second. Each card's
"Also changes" list is a link that folds and unfolds it (Tab reaches it, Enter toggles it).
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from career_explorer.domain.role_gap import RoleGap
from career_explorer.ui.widgets.card_html import DETAIL, MUTED, gap_html

ACCENT = {"step": "#1f77b4", "total": "#2ca02c", "direct": "#9467bd"}
SHADES = {False: {MUTED: "#57606a", DETAIL: "#444c56"}, True: {MUTED: "#a3adb8", DETAIL: "#c9d1d9"}}


class StepCard:
    """One card of the timeline; `kind` is "step", "total" or "direct" (it sets the accent colour)."""

    def __init__(self, gap: RoleGap, heading: str, kind: str = "step", index: int = 0) -> None:
        self.gap, self.heading, self.kind, self.index = gap, heading, kind, index
        self.opened: frozenset[str] = frozenset()
        self.html = gap_html(gap, heading, index, self.opened)

    def toggle(self, link: str) -> None:
        self.opened = self.opened ^ {link}
        self.html = gap_html(self.gap, self.heading, self.index, self.opened)

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
        self.setTextInteractionFlags(Qt.TextBrowserInteraction | Qt.TextSelectableByKeyboard)
        self.anchorClicked.connect(self._link)
        self.cards: list[StepCard] = []
        self._empty = ""

    def set_cards(self, cards: list[StepCard], empty: str = "") -> None:
        self.cards, self._empty = list(cards), empty
        self._render()
        self.verticalScrollBar().setValue(0)

    def toggle(self, link: str) -> None:
        """Fold or unfold one "Also changes" list, keeping the reader's place."""
        card = next((c for c in self.cards if link.startswith(f"also:{c.index}:")), None)
        if card is None:
            return
        card.toggle(link)
        where = self.verticalScrollBar().value()
        self._render()
        self.verticalScrollBar().setValue(where)
        # Keep the keyboard on the link just used, so Enter folds it again.
        self._focus_link(link)

    def _focus_link(self, link: str) -> None:
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().anchorHref() == link:
                    cursor = self.textCursor()
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.KeepAnchor)
                    self.setTextCursor(cursor)
                    return
                it += 1
            block = block.next()

    def _link(self, url: QUrl) -> None:
        self.toggle(url.toString())

    def _render(self) -> None:
        card_bg = self.palette().base().color().name()
        self.viewport().setStyleSheet("background: palette(window);")
        body = "".join(
            f'<table width="100%" cellspacing="0" cellpadding="9" style="margin-bottom:10px">'
            f'<tr><td width="4" bgcolor="{ACCENT[c.kind]}"></td><td bgcolor="{card_bg}">{c.html}</td></tr></table>'
            for c in self.cards
        )
        html = body or f'<p style="color:{MUTED}">{escape(self._empty)}</p>'
        dark = self.palette().base().color().lightness() < 128
        for token, colour in SHADES[dark].items():
            html = html.replace(token, colour)
        self.setHtml(html)
