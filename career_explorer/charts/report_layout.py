"""Flowing text on A4 pages: headings, wrapped paragraphs, tables and chart boxes, laid out as records.

A small layout engine for printable reports: it keeps a cursor down the page and starts a new page
when the next block does not fit. It only records what goes where (`Page`): no drawing happens here,
so laying out a thousand pages takes moments, and `charts.pdf_document` writes them. A chart is a
box with the function that draws it, called when the PDF is written.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Hashable, Optional, Sequence

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

A4 = (8.27, 11.69)
MARGIN = 0.6
INK = "#1f2328"
MUTED = "#59636e"
RULE = "#d0d7de"
ACCENT = "#0b5394"
# Average glyph width of DejaVu Sans as a fraction of the font size (a little generous, so text fits).
GLYPH = 0.56


def chars_for(width_in: float, size: float) -> int:
    return max(8, int(width_in * 72 / (size * GLYPH)))


@dataclass(slots=True)
class Text:
    """One line of text; (x, y) in inches from the page's top left, y at the top of the line."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    colour: str = INK
    align: str = "left"  # left | right | center, about x
    fill: Optional[str] = None  # a swatch behind the words (the cohort key)


@dataclass(slots=True)
class Box:
    """A filled rectangle (a shaded cell), or a rule when `height` is 0."""

    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(slots=True)
class Chart:
    """A box drawn by matplotlib when the PDF is written: `draw` gets a Figure the box's size.

    Boxes with the same `key` (and size) are drawn once and placed wherever they appear: a cohort's
    people mostly share a few routes, so their route charts are the same picture. `draw` must pickle
    (a module-level function, a functools.partial of one, or InAxes): a big document's charts are
    drawn in two processes.
    """

    x: float
    y: float
    width: float
    height: float
    draw: Callable[["Figure"], object]
    key: Optional[Hashable] = None


@dataclass(slots=True)
class Page:
    size: tuple[float, float] = A4
    texts: list[Text] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float, **kw) -> None:
        self.texts.append(Text(x, y, text, size, **kw))

    def words(self) -> str:
        """The page's text in the order it was laid out (tests and previews read it)."""
        return " ".join(t.text for t in self.texts)


@dataclass(frozen=True)
class InAxes:
    """Draw with `draw(ax)` on an Axes at `box` (figure fractions): a chart() box's drawing.

    A class, not a closure, so a chart can be sent to another process to be drawn (`draw` too must
    be a module-level function or a functools.partial of one).
    """

    box: tuple[float, float, float, float]
    draw: Callable[["Axes"], object]

    def __call__(self, figure: "Figure") -> None:
        self.draw(figure.add_axes(self.box))


@dataclass(frozen=True)
class InBox:
    """Draw with `draw(subfigure)` in a box (figure fractions left, width) across a page-wide figure.

    The figure spans the page's width so that text the drawing puts beyond its box (a radar's long
    axis names and title) shows in the margins instead of being cut at the box's edge.
    """

    left: float
    width: float
    draw: Callable[["SubFigure"], object]

    def __call__(self, figure: "Figure") -> None:
        from matplotlib.gridspec import GridSpec

        # A subfigure fills its grid cell by the grid's ratios alone, so the box is the middle column of
        # a three-column grid whose outer columns are the page around it.
        tiny = 1e-6
        grid = GridSpec(1, 3, figure=figure, wspace=0, left=0, right=1, bottom=0, top=1,
                        width_ratios=[max(self.left, tiny), self.width, max(1 - self.left - self.width, tiny)])
        self.draw(figure.add_subfigure(grid[0, 1]))


def number_pages(pages: Sequence[Page], first: int, total: int, footer: str) -> None:
    """Write "footer - page N of M" at the foot of each page, N counting from `first`."""
    for offset, page in enumerate(pages):
        words = f"{footer} - page {first + offset} of {total}" if footer else f"Page {first + offset} of {total}"
        page.text(page.size[0] / 2, page.size[1] - 0.35 - 7.5 * 1.2 / 72, words, 7.5, colour=MUTED, align="center")


class PageWriter:
    """Lay blocks out top to bottom over as many pages as they need."""

    def __init__(self, footer: str = "", size: tuple[float, float] = A4) -> None:
        self.size = size
        self.footer = footer
        self.pages: list[Page] = []
        self.y = 0.0  # inches from the top of the current page
        self._new_page()

    # -- geometry --------------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    @property
    def bottom(self) -> float:
        return self.size[1] - MARGIN - 0.25

    def _new_page(self) -> None:
        self.pages.append(Page(self.size))
        self.y = MARGIN

    def page_break(self) -> None:
        if self.y > MARGIN:
            self._new_page()

    def room(self) -> float:
        """Inches left on the current page."""
        return self.bottom - self.y

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > MARGIN:
            self._new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def _text(self, x: float, y: float, text: str, size: float, weight: str = "normal", color: str = INK,
              ha: str = "left") -> None:
        self.page.text(x, y, text, size, bold=weight == "bold", colour=color, align=ha)

    @staticmethod
    def line_height(size: float) -> float:
        return size * 1.38 / 72

    # -- blocks ----------------------------------------------------------------------------

    def space(self, inches: float) -> None:
        self.y += inches

    def heading(self, text: str, size: float = 13, rule: bool = True) -> None:
        self.ensure(self.line_height(size) + 0.6)
        self.y += 0.08
        self._text(MARGIN, self.y, text, size, weight="bold", color=ACCENT)
        self.y += self.line_height(size) + 0.02
        if rule:
            self.rule()
        self.y += 0.06

    def rule(self) -> None:
        self.page.boxes.append(Box(MARGIN, self.y, self.width, 0.0, RULE))

    def paragraph(self, text: str, size: float = 9, indent: float = 0.0, color: str = INK,
                  weight: str = "normal", after: float = 0.06) -> None:
        width = chars_for(self.width - indent, size * (1.12 if weight == "bold" else 1.0))
        for part in text.split("\n"):
            for line in textwrap.wrap(part, width) or [""]:
                self.ensure(self.line_height(size))
                self._text(MARGIN + indent, self.y, line, size, color=color, weight=weight)
                self.y += self.line_height(size)
        self.y += after

    def pairs(self, rows: Sequence[tuple[str, str]], size: float = 9.5, key_width: float = 1.5) -> None:
        """Label: value lines, the values wrapped in their own column."""
        for key, value in rows:
            lines = textwrap.wrap(value, chars_for(self.width - key_width, size)) or [""]
            self.ensure(self.line_height(size) * len(lines))
            self._text(MARGIN, self.y, key, size, color=MUTED)
            for line in lines:
                self._text(MARGIN + key_width, self.y, line, size)
                self.y += self.line_height(size)
        self.y += 0.06

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              size: float = 8, aligns: Optional[Sequence[str]] = None,
              fills: Optional[Sequence[Sequence[Optional[str]]]] = None) -> None:
        """A table; `widths` are fractions of the text width. Cells wrap; the header repeats per page.

        `fills`, one colour (or None) per body cell, shades cells: the cohort table's gaps.
        """
        cols = [w * self.width for w in widths]
        aligns = aligns or ["left"] * len(headers)
        lh = self.line_height(size)

        def draw_row(cells: Sequence[str], bold: bool, fill: Sequence[Optional[str]] = ()) -> None:
            # Bold headings run wider: wrap them sooner, as paragraph() does, or they spill into the next column.
            wide = size * (1.12 if bold else 1.0)
            wrapped = [textwrap.wrap(str(c), chars_for(cw - 0.08, wide)) or [""] for c, cw in zip(cells, cols)]
            height = lh * max(len(w) for w in wrapped) + 0.05
            if self.y + height > self.bottom:
                self._new_page()
                if not bold:
                    draw_row(headers, True)
            x = MARGIN
            for cw, colour in zip(cols, fill):
                if colour:
                    self.page.boxes.append(Box(x - 0.03, self.y - 0.03, cw - 0.02, height, colour))
                x += cw
            x = MARGIN
            for lines, cw, align in zip(wrapped, cols, aligns):
                for i, line in enumerate(lines):
                    xx = x + cw - 0.06 if align == "right" else x
                    self._text(xx, self.y + i * lh, line, size, ha=align, weight="bold" if bold else "normal",
                               color=MUTED if bold else INK)
                x += cw
            self.y += height
            if bold:
                self.y -= 0.02
                self.rule()
                self.y += 0.04

        self.ensure(lh * 3)
        draw_row(headers, True)
        for index, row in enumerate(rows):
            draw_row(row, False, fills[index] if fills else ())
        self.y += 0.1

    def chart(self, height: float, draw: Callable[["Axes"], object], left: float = 0.0, right: float = 0.0,
              top: float = 0.3, below: float = 0.2, key: Optional[Hashable] = None) -> None:
        """An Axes `height` inches tall across the text width, drawn by `draw` when the PDF is written.

        `left`/`right` leave inches for tick labels and colour bars, `top` for the title, `below` for
        the x tick labels. The box spans the whole page width, so long tick labels may reach into the
        margins as they would on a page drawn whole.
        """
        self.ensure(top + height + below)
        page_width = self.size[0]
        box_height = top + height + below
        axes = ((MARGIN + left) / page_width, below / box_height, (self.width - left - right) / page_width,
                height / box_height)
        self.page.charts.append(Chart(0.0, self.y, page_width, box_height, InAxes(axes, draw),
                                      key=None if key is None else ("axes", key, axes)))
        self.y += box_height

    def subfigure(self, width: float, height: float, draw: Callable[["SubFigure"], object],
                  key: Optional[Hashable] = None) -> None:
        """A box `width` x `height` inches, centred, that `draw` fills as a subfigure (see InBox)."""
        width = min(width, self.width)
        self.ensure(height)
        page_width = self.size[0]
        left = (MARGIN + (self.width - width) / 2) / page_width
        self.page.charts.append(Chart(0.0, self.y, page_width, height, InBox(left, width / page_width, draw), key))
        self.y += height + 0.1

    # -- finishing -------------------------------------------------------------------------

    def finish(self) -> list[Page]:
        """Number the pages and return them."""
        number_pages(self.pages, 1, len(self.pages), self.footer)
        return self.pages
