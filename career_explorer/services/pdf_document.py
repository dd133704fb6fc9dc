"""Write laid-out pages (charts.report_layout) as one PDF: text by fpdf2, charts by matplotlib.

Text goes straight to the page with fpdf2, which writes a line in tens of microseconds where a
matplotlib Text costs milliseconds; a cohort pack has a hundred thousand lines. Each distinct chart
is drawn once by matplotlib onto a page of its own size, and pypdf turns that page into a form
XObject that every page showing the chart places in its box. Text stays text in both, so the PDF
can be searched and read by pdftotext.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Hashable, Optional, Sequence

from career_explorer.charts.report_layout import Chart, Page, Text
from career_explorer.domain.progress import CancelCheck, Progress

if TYPE_CHECKING:
    from fpdf import FPDF

PT = 72.0  # points an inch
ASCENT = 0.76  # DejaVu Sans: the baseline sits this far (in em) below the top of a line of text
LINE = 0.8  # rule width, points
# From this many distinct charts a helper process draws half: below it, starting one (about a second to
# import matplotlib) costs more than it saves.
PARALLEL_FROM = 40


class ReportError(OSError):
    """The PDF cannot be written; one line."""


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _fpdf_class() -> type["FPDF"]:
    """fpdf2's FPDF, importable in the frozen app, which is built without OpenSSL.

    When imported, fpdf2 subclasses http.client's and urllib's HTTPS classes (it can fetch images by URL,
    which this app never asks of it), and Python defines those only where it has OpenSSL. Without them,
    stand-ins that refuse to connect take their place: the import works and nothing can connect.
    """
    import http.client
    import urllib.request

    if not hasattr(http.client, "HTTPSConnection"):

        class NoHTTPSConnection(http.client.HTTPConnection):
            def connect(self) -> None:
                raise OSError("Career Explorer opens no network connections")

        http.client.HTTPSConnection = NoHTTPSConnection  # type: ignore[misc]
    if not hasattr(urllib.request, "HTTPSHandler"):

        class NoHTTPSHandler(urllib.request.BaseHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__()

            def https_open(self, request: object) -> None:
                raise OSError("Career Explorer opens no network connections")

        urllib.request.HTTPSHandler = NoHTTPSHandler  # type: ignore[attr-defined]
    from fpdf import FPDF

    return FPDF


class _TextPages:
    """The fpdf2 document: every page's words, shading and rules, in points from the top left."""

    def __init__(self, title: str) -> None:
        import matplotlib

        self.pdf: FPDF = _fpdf_class()(unit="pt")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_title(title)
        self.pdf.set_creator("Career Explorer")
        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # bundled with matplotlib, frozen app too
        self.pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self._font: tuple[bool, float] = (False, 0.0)
        self._ink = ""
        self._colours: dict[str, tuple[int, int, int]] = {}

    def colour(self, colour: str) -> tuple[int, int, int]:
        if colour not in self._colours:
            self._colours[colour] = _rgb(colour)
        return self._colours[colour]

    def add(self, page: Page) -> None:
        pdf = self.pdf
        pdf.add_page(format=(page.size[0] * PT, page.size[1] * PT))
        self._font, self._ink = (False, 0.0), ""  # a new page starts without a font or colour
        for box in page.boxes:
            if box.height:
                pdf.set_fill_color(*self.colour(box.colour))
                pdf.rect(box.x * PT, box.y * PT, box.width * PT, box.height * PT, style="F")
        for box in page.boxes:
            if not box.height:
                pdf.set_draw_color(*self.colour(box.colour))
                pdf.set_line_width(LINE)
                pdf.line(box.x * PT, box.y * PT, (box.x + box.width) * PT, box.y * PT)
        for text in page.texts:
            self._write(text)

    def _write(self, t: Text) -> None:
        pdf = self.pdf
        if self._font != (t.bold, t.size):
            pdf.set_font("DejaVu", "B" if t.bold else "", t.size)
            self._font = (t.bold, t.size)
        x, top = t.x * PT, t.y * PT
        if t.align != "left" or t.fill:
            width = pdf.get_string_width(t.text)
            x -= width if t.align == "right" else width / 2 if t.align == "center" else 0
            if t.fill:
                pad = 0.25 * t.size
                pdf.set_fill_color(*self.colour(t.fill))
                pdf.rect(x - pad, top - pad, width + 2 * pad, t.size + 2 * pad, style="F")
        if self._ink != t.colour:  # each call writes an operator: only on a change
            pdf.set_text_color(*self.colour(t.colour))
            self._ink = t.colour
        pdf.text(x, top + ASCENT * t.size, t.text)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _distinct_charts(pages: Sequence[Page]) -> tuple[list[Chart], list[list[int]]]:
    """Each chart to draw once, and for each page the index of each of its boxes' chart."""
    seen: dict[Hashable, int] = {}
    charts: list[Chart] = []
    placed: list[list[int]] = []
    for page in pages:
        here = []
        for chart in page.charts:
            key = (chart.key, round(chart.width, 3), round(chart.height, 3)) if chart.key is not None else id(chart)
            if key not in seen:
                seen[key] = len(charts)
                charts.append(chart)
            here.append(seen[key])
        placed.append(here)
    return charts, placed


def _draw_pdf(charts: Sequence[tuple[float, float, Callable]], step: Callable[[int], None]) -> bytes:
    """Each (width, height, draw) as a page of that size in one matplotlib PDF (fonts embedded once)."""
    import gc

    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buffer) as pdf:
        for index, (width, height, draw) in enumerate(charts):
            step(index)
            figure = Figure(figsize=(width, height))
            draw(figure)
            pdf.savefig(figure)
            del figure
            if index % 25 == 24:
                gc.collect()  # figures hold reference cycles: keep memory to a few charts' worth
    return buffer.getvalue()


def _draw_in_child(conn, charts: Sequence[tuple[float, float, Callable]]) -> None:
    """A helper process's work: draw its share and send the PDF back (or the error, in one line)."""
    try:
        conn.send(("ok", _draw_pdf(charts, lambda index: None)))
    except BaseException as exc:  # the parent raises it: a child's traceback would reach nobody
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _draw_charts(charts: Sequence[Chart], step: Callable[[int], None], parallel_from: int) -> list[bytes]:
    """Every chart drawn by matplotlib: the PDFs, whose pages are the charts in order.

    Drawing is most of a big document's time and one core's work, so from `parallel_from` charts on,
    a helper process (spawned: safe beside Qt's threads, and the same on every platform) draws the
    second half while this one draws the first.
    """
    specs = [(c.width, c.height, c.draw) for c in charts]
    if len(specs) < max(parallel_from, 2) or (os.cpu_count() or 1) < 2:
        return [_draw_pdf(specs, step)]
    import multiprocessing

    half = (len(specs) + 1) // 2
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    helper = context.Process(target=_draw_in_child, args=(send, specs[half:]), daemon=True)
    helper.start()
    send.close()
    try:
        # This half's steps stand for both halves' progress: they run side by side.
        first = _draw_pdf(specs[:half], lambda index: step(2 * index))
        while not receive.poll(0.2):
            step(len(specs) - 1)  # lets a cancel through while the helper finishes
            if not helper.is_alive() and not receive.poll(0):
                raise OSError("the chart-drawing helper process stopped without an answer")
        status, answer = receive.recv()
        if status != "ok":
            raise ReportError(f"drawing the charts failed: {answer}")
        helper.join()
        return [first, answer]
    finally:
        if helper.is_alive():
            helper.terminate()
            helper.join()
        receive.close()


def _place_charts(text_pdf: bytes, charts_pdfs: Sequence[bytes], pages: Sequence[Page],
                  placed: Sequence[Sequence[int]], out: io.BufferedWriter) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, RectangleObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf)))
    forms = []
    for source in (page for pdf in charts_pdfs for page in PdfReader(io.BytesIO(pdf)).pages):
        form = DecodedStreamObject()
        form.set_data(source.get_contents().get_data())
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = RectangleObject(source.mediabox)
        form[NameObject("/Resources")] = source["/Resources"].get_object().clone(writer)
        forms.append(writer._add_object(form.flate_encode()))
    for number, (page, here) in enumerate(zip(pages, placed)):
        if not here:
            continue
        target = writer.pages[number]
        resources = target["/Resources"].get_object()
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        xobjects = resources["/XObject"].get_object()
        ops = []
        for chart, index in zip(page.charts, here):
            name = f"/CEChart{index}"
            xobjects[NameObject(name)] = forms[index]
            bottom = (page.size[1] - chart.y - chart.height) * PT
            ops.append(f"q 1 0 0 1 {chart.x * PT:.3f} {bottom:.3f} cm {name} Do Q")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode())
        contents = target["/Contents"]
        before = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
        target[NameObject("/Contents")] = ArrayObject([*before, writer._add_object(stream)])
    writer.write(out)


def checked_steps(progress: Optional[Progress], cancelled: CancelCheck) -> Progress:
    """A progress callback that first lets a cancel through: raises importers' Cancelled when asked to stop."""
    from career_explorer.data.importers.errors import Cancelled

    def step(fraction: float, message: str) -> None:
        if cancelled():
            raise Cancelled("cancelled")
        if progress:
            progress(fraction, message)

    return step


def write_pdf(pages: Sequence[Page], path: Path, title: str, progress: Optional[Progress] = None,
              cancelled: CancelCheck = lambda: False, parallel_from: int = PARALLEL_FROM) -> Path:
    """Write `pages` to a temporary file beside `path`, then move it into place: never a half file.

    Progress runs 0-1 over the text, then the charts (most of the time), then the assembly; a
    cancel (importers' Cancelled) or a failure leaves nothing behind.
    """
    step = checked_steps(progress, cancelled)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    total = len(pages)
    try:
        words = _TextPages(title)
        for number, page in enumerate(pages):
            if number % 20 == 0:
                step(0.1 * number / max(total, 1), f"Writing page {number + 1} of {total}")
            words.add(page)
        text_pdf = words.output()
        del words
        charts, placed = _distinct_charts(pages)
        count = max(len(charts), 1)
        drawn = _draw_charts(charts, lambda i: step(0.1 + 0.8 * i / count, f"Drawing chart {i + 1} of {count}"),
                             parallel_from)
        step(0.9, "Putting the charts on their pages")
        with open(tmp, "wb") as out:
            _place_charts(text_pdf, drawn, pages, placed, out)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress:
        progress(1.0, f"Wrote {total} pages")
    return path
