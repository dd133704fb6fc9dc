"""The printable plan: a PDF for a one-on-one or onboarding (written by services.pdf_document).

Pages: summary (person, date, roles, readiness, route with level and pay change, closest roles);
you against the target (radar); along the route (pay and skill jumps); the gap table; the plan.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Optional

from career_explorer.charts.plan_charts import draw_gap_bars
from career_explorer.charts.radar import RADAR_SIZE, draw_radar
from career_explorer.charts.report_layout import A4, MUTED, Page, PageWriter
from career_explorer.domain.base import percent_of_scale
from career_explorer.domain.compare import RadarData
from career_explorer.domain.plan import GapReport
from career_explorer.domain.progress import CancelCheck, Progress
from career_explorer.services.pdf_document import write_pdf
from career_explorer.services.plan_output import (
    CLOSEST_HEADERS,
    CLOSEST_NOTE,
    STEP_HEADERS,
    closest_rows,
    coverage_text,
    evidence_rows,
    gap_table,
    plan_item_lines,
    readiness_text,
    role_label,
    session_lines,
    step_rows,
)
from career_explorer.services.route_pages import route_charts, route_steps

RADAR_AXES = 12
GAP_TABLE_START = 2.0  # inches for the gap table's heading, header and first rows: less, and it starts on a new page
BAR_ROWS = 16


def radar_data(report: GapReport) -> Optional[RadarData]:
    """Your ratings against the target's required levels, each as 0-100 of its own scale."""
    gaps = [g for g in report.gaps if g.required is not None]
    if len(gaps) < 3:
        return None
    shown = sorted(gaps, key=lambda g: -g.weight)[:RADAR_AXES]

    def pct(level: Optional[float], g) -> Optional[float]:
        return percent_of_scale(level, g.scale_min, g.scale_max)

    when = f" ({report.assessed:%Y-%m-%d})" if report.assessed else ""
    return RadarData(
        axes=tuple(g.name for g in shown),
        titles=(f"{report.person}{when}", f"Required: {report.target.title}"),
        values=(tuple(pct(g.rating, g) for g in shown), tuple(pct(g.required, g) for g in shown)),
        omitted=len(gaps) - len(shown),
    )


def _summary(w: PageWriter, report: GapReport) -> None:
    w.paragraph(f"Development plan: {report.person}", size=20, weight="bold", after=0.1)
    w.pairs([
        ("Person", report.person),
        ("Date", f"{report.made:%d %B %Y}"),
        ("Assessment", f"snapshot of {report.assessed:%d %B %Y, %H:%M}" if report.assessed else "none saved yet"),
        ("Current role", role_label(report.current)),
        ("Target role", role_label(report.target)),
    ])
    w.heading("Readiness")
    w.paragraph(readiness_text(report), size=22 if report.readiness.percent is not None else 16, weight="bold",
                after=0.04)
    w.paragraph(coverage_text(report.readiness), size=9.5, weight="bold", after=0.04)
    w.paragraph(report.readiness.explanation, size=8.5, color=MUTED)
    w.heading("Route")
    if report.route is not None:
        w.paragraph(" → ".join(f"{r.title} ({r.level})" if r.level else r.title for r in report.route.roles),
                    size=9.5, weight="bold")
        w.paragraph(report.route_note, size=8.5, color=MUTED)
        w.table(STEP_HEADERS, step_rows(report), [0.07, 0.22, 0.22, 0.19, 0.30])
    else:
        w.paragraph(report.route_note or "No route.", size=9)
    if report.closest:
        w.heading("Roles closest now")
        w.paragraph(CLOSEST_NOTE, size=8, color=MUTED)
        w.table(CLOSEST_HEADERS, closest_rows(report), [0.34, 0.07, 0.21, 0.28, 0.10])


def _against_target(w: PageWriter, report: GapReport) -> None:
    w.page_break()
    w.heading(f"You against the target: {report.target.title}")
    data = radar_data(report)
    shown = [g for g in report.gaps if g.required is not None][:BAR_ROWS]
    row = 0.26  # inches a bar: legible, and 16 of them leave the radar room on the same page
    bars = row * max(len(shown), 2) + 0.8
    if data is not None:
        fw, fh = RADAR_SIZE
        # Below about 5 inches the radar's axis names crowd its title and legend.
        width = max(5.0, min(6.2, (w.room() - bars - 0.2) * fw / fh))
        title = f"Ratings against the levels {report.target.title} requires"
        w.subfigure(width, width * fh / fw, partial(draw_radar, data=data, title=title))
    total = sum(1 for g in report.gaps if g.required is not None)
    w.chart(row * max(len(shown), 2), partial(_gap_bars, shown=shown, total=total), left=2.5, right=0.2, below=0.5)


def _gap_bars(ax, shown: list, total: int) -> None:
    draw_gap_bars(ax, shown)
    if total > len(shown):
        ax.set_title(f"Each rating against its required level: the first {len(shown)} of {total} "
                     "(all are in the gap table)", fontsize=10)


def _along_route(w: PageWriter, report: GapReport) -> None:
    route = report.route
    if route is None:
        return
    w.page_break()
    w.heading("Along the route: pay and skill jumps")
    route_charts(w, route)
    w.page_break()
    w.heading("What each step requires, what matters most first")
    route_steps(w, route)


def _gap_table(w: PageWriter, report: GapReport) -> None:
    # Text after text: the gap table starts on the step cards' last page when GAP_TABLE_START inches are free,
    # instead of leaving that page with the cards' last lines alone on it.
    w.ensure(GAP_TABLE_START)
    w.heading(f"Gap to {report.target.title}")
    if not report.gaps:
        w.paragraph("The target role lists no competencies in this catalogue.")
        return
    headers, rows = gap_table(report)
    widths = [0.34, 0.07, 0.1, 0.12, 0.07, 0.12, 0.18] if len(headers) == 7 else [0.38, 0.08, 0.12, 0.14, 0.1, 0.18]
    w.table(headers, rows, widths)
    if report.unpublished:
        w.paragraph(f"{report.unpublished} more competencies of {report.target.title} are not published by the "
                    "source, so they are not in this table.", size=8, color=MUTED)
    evidence = evidence_rows(report)
    if evidence:
        w.heading("Evidence behind the ratings")
        w.table(["Competency", "Rating", "Evidence"], evidence, [0.32, 0.08, 0.60])


def _plan(w: PageWriter, report: GapReport) -> None:
    w.heading("Development plan")
    if not report.plan:
        w.paragraph("Nothing to grow: every competency with a published level is met.")
        return
    w.paragraph("The competencies to grow, in order: rated gaps first, biggest weighted shortfall first, then "
                "those not rated yet. Each lists the behaviours to demonstrate, next level first.",
                size=8, color=MUTED)
    for index, item in enumerate(report.plan, 1):
        heading, lines = plan_item_lines(index, item)
        w.ensure(0.6)
        w.paragraph(heading, size=10, weight="bold", after=0.02)
        for line in lines:
            bold = line.startswith("Action:")
            w.paragraph(line, size=8.5, indent=0.25, after=0.01, weight="bold" if bold else "normal")
        w.space(0.08)


def _block_height(lines: int) -> float:
    """Inches a session takes: its heading and about a line and a half for each of its lines."""
    return min(0.3 + 0.2 * lines, 4.0)


def _sessions(w: PageWriter, report: GapReport) -> None:
    if not report.sessions:
        return
    first_lines = len(session_lines(report.sessions[0])[1])
    w.ensure(0.6 + _block_height(first_lines))  # the heading stays with the first session
    w.heading("Sessions")
    w.paragraph("The most recent one-on-ones first: what was discussed and agreed, and the actions ticked done.",
                size=8, color=MUTED)
    for session in report.sessions:
        heading, lines = session_lines(session)
        # A session is read as one piece: never leave its last line (the next date) alone on a page.
        w.ensure(_block_height(len(lines)))
        w.paragraph(heading, size=10, weight="bold", after=0.02)
        for line in lines:
            w.paragraph(line, size=8.5, indent=0.25, after=0.01)
        w.space(0.08)


def lay_out_report(w: PageWriter, report: GapReport) -> None:
    """Every section of one person's plan, from the writer's current page on (the cohort pack reuses it)."""
    _summary(w, report)
    _against_target(w, report)
    _along_route(w, report)
    _gap_table(w, report)
    _plan(w, report)
    _sessions(w, report)


def report_pages(report: GapReport) -> list[Page]:
    w = PageWriter(footer=f"Career Explorer - {report.person} - {report.made:%Y-%m-%d}", size=A4)
    lay_out_report(w, report)
    return w.finish()


def write_report(report: GapReport, path: Path, progress: Optional[Progress] = None,
                 cancelled: CancelCheck = lambda: False) -> Path:
    """Write the PDF to a temporary file beside `path`, then move it into place; Cancelled leaves no file."""
    return write_pdf(report_pages(report), path, f"Development plan: {report.person}", progress, cancelled)

