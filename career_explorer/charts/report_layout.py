"""Flowing text on A4 matplotlib pages: headings, wrapped paragraphs, tables and embedded charts.

A small layout engine for printable reports: it keeps a cursor down the page and starts a new page
when the next block does not fit. Text stays text, so a PDF made from these pages can be searched.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Callable, Optional, Sequence

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


class PageWriter:
    """Lay blocks out top to bottom over as many pages as they need."""

    def __init__(self, footer: str = "", size: tuple[float, float] = A4) -> None:
        self.size = size
        self.footer = footer
        self.pages: list["Figure"] = []
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
        from matplotlib.figure import Figure

        self.pages.append(Figure(figsize=self.size))
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
    def fig(self) -> "Figure":
        return self.pages[-1]

    def _text(self, x: float, y: float, text: str, size: float, **kw: object) -> None:
        w, h = self.size
        self.fig.text(x / w, 1 - y / h, text, fontsize=size, va="top", ha=kw.pop("ha", "left"),
                      color=kw.pop("color", INK), **kw)

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
        w, h = self.size
        yy = 1 - self.y / h
        self.fig.add_artist(_line(MARGIN / w, (w - MARGIN) / w, yy, RULE))

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
                    self._shade(x - 0.03, self.y - 0.03, cw - 0.02, height, colour)
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

    def _shade(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        from matplotlib.patches import Rectangle

        w, h = self.size
        self.fig.add_artist(Rectangle((x / w, 1 - (y + height) / h), width / w, height / h, facecolor=colour,
                                      edgecolor="none", transform=self.fig.transFigure, zorder=0))

    def chart(self, height: float, draw: Callable[["Axes"], object], left: float = 0.0, right: float = 0.0,
              top: float = 0.3, below: float = 0.2) -> "Axes":
        """An Axes `height` inches tall across the text width.

        `left`/`right` leave inches for tick labels and colour bars, `top` for the title, `below` for
        the x tick labels.
        """
        self.ensure(top + height + below)
        w, h = self.size
        self.y += top
        ax = self.fig.add_axes((
            (MARGIN + left) / w, 1 - (self.y + height) / h, (self.width - left - right) / w, height / h))
        draw(ax)
        self.y += height + below
        return ax

    def subfigure(self, width: float, height: float, draw: Callable[["SubFigure"], object]) -> None:
        """A box `width` x `height` inches, centred, drawn by `draw` as vector art (text stays text).

        Cheaper than image(): nothing is rasterised, and a PDF holds no picture until it is closed,
        which for a pack of hundreds of plans is the difference between 200 MB and gigabytes.
        """
        width = min(width, self.width)
        self.ensure(height)
        w, h = self.size
        x0 = MARGIN + (self.width - width) / 2
        sub = _subfigure(self.fig, x0 / w, 1 - (self.y + height) / h, width / w, height / h)
        draw(sub)
        self.y += height + 0.1

    def image(self, figure: "Figure", width: Optional[float] = None, dpi: int = 200) -> None:
        """Embed a finished Figure as a picture, scaled to `width` inches (default: the text width)."""
        import io

        from matplotlib.image import imread

        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi)
        buffer.seek(0)
        pixels = imread(buffer)
        fw, fh = figure.get_size_inches()
        width = min(width or self.width, self.width)
        height = width * fh / fw
        self.ensure(height)
        w, h = self.size
        x0 = MARGIN + (self.width - width) / 2
        ax = self.fig.add_axes((x0 / w, 1 - (self.y + height) / h, width / w, height / h))
        ax.imshow(pixels, interpolation="lanczos")
        ax.set_axis_off()
        self.y += height + 0.1

    # -- finishing -------------------------------------------------------------------------

    def finish(self) -> list["Figure"]:
        """Number the pages and return them."""
        total = len(self.pages)
        for number, fig in enumerate(self.pages, 1):
            w, h = fig.get_size_inches()
            text = f"{self.footer} - page {number} of {total}" if self.footer else f"Page {number} of {total}"
            fig.text(0.5, 0.35 / h, text, ha="center", va="bottom", fontsize=7.5, color=MUTED)
        return self.pages


def _line(x0: float, x1: float, y: float, colour: str):
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], color=colour, linewidth=0.8)


def _subfigure(fig: "Figure", left: float, bottom: float, width: float, height: float) -> "SubFigure":
    from matplotlib.gridspec import GridSpec

    # A subfigure fills its grid cell by the grid's ratios alone (the grid's margins do not move it), so
    # the box is the middle cell of a 3 x 3 grid whose outer rows and columns are the page around it.
    tiny = 1e-6
    grid = GridSpec(3, 3, figure=fig, wspace=0, hspace=0, left=0, right=1, bottom=0, top=1,
                    width_ratios=[max(left, tiny), width, max(1 - left - width, tiny)],
                    height_ratios=[max(1 - bottom - height, tiny), height, max(bottom, tiny)])
    return fig.add_subfigure(grid[1, 1])
