"""The PDF writer: words by fpdf2, each distinct chart drawn once by matplotlib (in two processes for a big
document), a whole file or none."""

from __future__ import annotations

import shutil
import subprocess
from functools import partial

import pytest

from career_explorer.charts.report_layout import PageWriter
from career_explorer.data.importers.errors import Cancelled
from career_explorer.services.pdf_document import ReportError, write_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")


def titled(ax, title: str) -> None:
    ax.plot([0, 1, 2], [1, 3, 2])
    ax.set_title(title)


def broken(ax) -> None:
    raise ValueError("no data to draw")


def pages_with_charts(count: int, draw=titled):
    w = PageWriter(footer="Charts")
    for n in range(count):
        w.paragraph(f"Words before chart {n}", size=10)
        w.chart(1.2, partial(draw, title=f"Chart number {n}") if draw is titled else draw)
    return w.finish()


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_charts_drawn_by_the_helper_process_land_where_one_process_puts_them(tmp_path):
    pages = pages_with_charts(12)
    alone = write_pdf(pages, tmp_path / "alone.pdf", "Alone", parallel_from=10_000)
    shared = write_pdf(pages, tmp_path / "shared.pdf", "Shared", parallel_from=2)
    text = text_of(shared)
    assert text == text_of(alone)
    places = [(text.index(f"Words before chart {n}"), text.index(f"Chart number {n}")) for n in range(12)]
    assert [p for pair in places for p in pair] == sorted(p for pair in places for p in pair)  # each in its place


@pytest.mark.parametrize("parallel_from", [2, 10_000])
def test_a_chart_that_fails_to_draw_is_one_line_and_leaves_no_file(tmp_path, parallel_from):
    target = tmp_path / "out.pdf"
    with pytest.raises((ReportError, ValueError)) as failure:
        write_pdf(pages_with_charts(4, draw=broken), target, "Broken", parallel_from=parallel_from)
    assert "no data to draw" in str(failure.value) and "\n" not in str(failure.value)
    assert list(tmp_path.iterdir()) == []


def test_cancelling_while_the_helper_draws_leaves_no_file_and_no_process(tmp_path):
    import multiprocessing

    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 8  # some charts in

    with pytest.raises(Cancelled):
        write_pdf(pages_with_charts(20), tmp_path / "out.pdf", "Cancelled", cancelled=cancelled, parallel_from=2)
    assert list(tmp_path.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_reports_are_written_where_python_has_no_openssl_and_nothing_connects(tmp_path, monkeypatch):
    # The frozen app is built without OpenSSL: Python then lacks the HTTPS classes fpdf2 subclasses on import.
    import http.client
    import sys
    import urllib.request

    monkeypatch.delattr(http.client, "HTTPSConnection")
    monkeypatch.delattr(urllib.request, "HTTPSHandler")
    for name in [n for n in sys.modules if n == "fpdf" or n.startswith("fpdf.")]:
        monkeypatch.delitem(sys.modules, name)
    path = write_pdf(pages_with_charts(1), tmp_path / "out.pdf", "No OpenSSL")
    assert "Chart number 0" in text_of(path)
    with pytest.raises(OSError, match="opens no network connections"):
        http.client.HTTPSConnection("example.org").connect()
