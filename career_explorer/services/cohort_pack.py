"""The cohort pack: one PDF with the cohort table and shared gaps up front, then each person's plan.

Pages: a cover with the contents, the people, their gaps by competency (shaded) and the shared
gaps; then one section per person, the same pages as their own plan (services.plan_report). Every
page is numbered "page N of M" and the contents give each section's first page.

Every section is laid out first (a record of what goes where, cheap), so each person's first page
is known when the contents are written; then services.pdf_document writes the lot, drawing each
distinct chart once: people on the same route share its pay and skills charts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

from career_explorer.charts.cohort_colours import KEY, cell_fill
from career_explorer.charts.report_layout import A4, ACCENT, GLYPH, INK, MARGIN, MUTED, Page, PageWriter, number_pages
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.user_store import UserStore
from career_explorer.domain.cohort import CohortTable
from career_explorer.domain.plan import GapReport
from career_explorer.domain.progress import Progress
from career_explorer.domain.user import Assessment, Person, PlanAction, Target
from career_explorer.services.cohort_output import (
    LEGEND,
    SHARED_HEADERS,
    behaviour_lines,
    cell_text,
    coverage_cell,
    filter_words,
    shared_row,
)
from career_explorer.services.gap_plan import gap_report
from career_explorer.services.pdf_document import checked_steps, write_pdf
from career_explorer.services.plan_output import percent_text, role_label
from career_explorer.services.plan_report import lay_out_report

SHARED_DETAILS = 8  # a group session covers a few; the table above lists them all
GRID_COLUMNS = 5  # competencies per block of the gaps table: more would cut long words ("Comprehension") apart
PEOPLE_HEADERS = ["Person", "Current role", "Target role", "Readiness", "Compared", "Last assessed"]


class PackPerson(NamedTuple):
    """What one person's section needs, read from the store on the caller's thread."""

    person: Person
    assessment: Optional[Assessment]
    target: Target
    actions: dict[str, PlanAction]
    sessions: tuple = ()  # SessionNote: the plan's done marks and its Sessions section


def pack_people(store: UserStore, table: CohortTable) -> list[PackPerson]:
    """The people in the table, in its order: only those selected are named in the pack."""
    ids = [row.person_id for row in table.rows]
    targets = store.targets(ids)
    ids = [i for i in ids if targets[i] is not None]
    latest, actions = store.latest_assessments(ids), store.actions_of(ids)
    return [PackPerson(store.person(i), latest[i], targets[i], actions[i], tuple(store.sessions(i))) for i in ids]


class _Contents:
    """Contents lines whose page numbers are written once every section's first page is known."""

    def __init__(self, w: PageWriter) -> None:
        self.w = w
        self.slots: list[tuple[Page, float, str]] = []

    def entry(self, title: str, key: str, size: float = 9.5) -> None:
        w = self.w
        w.ensure(w.line_height(size))
        w.page.text(MARGIN, w.y, title, size, colour=INK)
        self.slots.append((w.page, w.y, key))
        w.y += w.line_height(size) + 0.02

    def fill(self, first_pages: dict[str, int]) -> None:
        width = self.w.size[0]
        for page, y, key in self.slots:
            page.text(width - MARGIN, y, str(first_pages[key]), 9.5, colour=ACCENT, align="right")


def _cohort_sections(w: PageWriter, table: CohortTable, starts: dict[str, int]) -> None:
    w.heading("The people")
    starts["people"] = len(w.pages)
    w.table(PEOPLE_HEADERS,
            [[r.person, role_label(r.current), role_label(r.target), percent_text(r.readiness), coverage_cell(r),
              f"{r.assessed:%Y-%m-%d}" if r.assessed else "never"] for r in table.rows],
            [0.17, 0.22, 0.22, 0.11, 0.16, 0.12])
    w.heading("Gaps by competency")
    starts["grid"] = len(w.pages)
    w.paragraph(LEGEND, size=7.5, color=MUTED)
    _key(w)
    if not table.columns:
        w.paragraph("The target roles name no competencies with a level in this catalogue.", size=9)
    cols = list(table.columns)
    for start in range(0, len(cols), GRID_COLUMNS):
        block = cols[start:start + GRID_COLUMNS]
        share = 0.78 / GRID_COLUMNS
        headers = ["Person"] + [f"{c.name} ({c.scale_min}-{c.scale_max})" for c in block]
        rows = [[r.person] + [cell_text(r.cells.get(c.competency)) for c in block] for r in table.rows]
        fills = [[None] + [cell_fill(r.cells.get(c.competency)) for c in block] for r in table.rows]
        w.table(headers, rows, [0.22] + [share] * len(block), size=7.5, fills=fills)
    w.ensure(2.0)  # the heading, its sentence and the table's first rows stay together
    w.heading("Shared gaps")
    starts["shared"] = len(w.pages)
    if not table.shared:
        w.paragraph("None known: nobody is rated below a level their target asks for.", size=9)
        return
    w.paragraph("The competencies the most people need to grow, for a group session: how many people are rated "
                "below the level their target asks for (of those it asks it of), their average gap, and the "
                "level most of them reach for next with what someone does there.", size=8, color=MUTED)
    w.table(SHARED_HEADERS, [shared_row(s) for s in table.shared], [0.34, 0.14, 0.24, 0.12, 0.16])
    described = [s for s in table.shared if s.behaviours][:SHARED_DETAILS]
    if described:
        w.ensure(1.1)  # the sentence stays with the first gap it introduces
        w.paragraph("What someone does at the next level, for the shared gaps most people have (those whose "
                    "source publishes behaviours):", size=8, color=MUTED)
    for s in described:
        w.ensure(0.7)
        w.paragraph(f"{s.name}: {s.growing} {'person' if s.growing == 1 else 'people'} to grow", size=9.5,
                    weight="bold", after=0.02)
        for line in behaviour_lines(s):
            w.paragraph(line, size=8.5, indent=0.25, after=0.01)
        w.paragraph("People: " + ", ".join(s.people), size=8, indent=0.25, color=MUTED, after=0.08)


def _key(w: PageWriter, size: float = 7.5) -> None:
    """The shading's key: each colour as a swatch behind its words, on one line."""
    w.ensure(w.line_height(size) + 0.1)
    x = MARGIN
    for colour, words in KEY:
        w.page.text(x, w.y + 0.02, words, size, colour=INK, fill=colour)
        x += len(words) * size * GLYPH / 72 + 0.25
    w.y += w.line_height(size) + 0.1


def _front_pages(table: CohortTable, people: Sequence[PackPerson], counts: Sequence[int],
                 reports: Sequence[GapReport]) -> list[Page]:
    """The cover, contents and cohort sections, with the contents' page numbers filled in."""
    w = PageWriter(size=A4)
    which = filter_words(table)
    w.paragraph("Cohort pack", size=24, weight="bold", color=ACCENT, after=0.1)
    w.pairs([("Date", f"{table.made:%d %B %Y}"),
             ("People", f"{len(people)}" + (f", {which}" if which else "")),
             ("Made by", "Career Explorer, on this computer; it names only the people chosen for it")])
    w.paragraph("Each person's section is the plan My plan prints for them, without the roles closest now "
                "(their own plan has those).", size=8.5, color=MUTED)
    if table.without_target:
        w.paragraph(f"Not in this pack (no target role yet): {', '.join(table.without_target)}.", size=8.5,
                    color=MUTED)
    w.heading("Contents")
    contents = _Contents(w)
    contents.entry("The people", "people")
    contents.entry("Gaps by competency", "grid")
    contents.entry("Shared gaps", "shared")
    for index, report in enumerate(reports):
        contents.entry(f"{report.person}: {report.target.label}", f"person{index}")
    starts: dict[str, int] = {}
    _cohort_sections(w, table, starts)
    front = len(w.pages)
    first = {key: page for key, page in starts.items()}
    page = front + 1
    for index, count in enumerate(counts):
        first[f"person{index}"] = page
        page += count
    contents.fill(first)
    number_pages(w.pages, 1, page - 1, f"Career Explorer - Cohort pack - {table.made:%Y-%m-%d}")
    return w.pages


def write_pack(repo: CatalogueRepository, table: CohortTable, people: Sequence[PackPerson], path: Path,
               progress: Optional[Progress] = None, cancelled: Callable[[], bool] = lambda: False) -> Path:
    """Write the pack to a temporary file beside `path`, then move it into place; never a half file."""
    step = checked_steps(progress, cancelled)
    n = max(len(people), 1)
    reports, routes = [], {}
    for index, p in enumerate(people):
        step(0.2 * index / n, f"Measuring {p.person.name}'s gaps")
        # No "roles closest now": a fit against every role costs seconds a person, and the
        # pack is about each person's own target (their own PDF has the closest roles).
        reports.append(gap_report(repo, p.person, p.assessment, p.target.role_id, p.target.route, p.actions,
                                  closest=0, routes=routes, sessions=p.sessions))
    sections = []
    for index, report in enumerate(reports):
        step(0.2 + 0.05 * index / n, "Laying out pages")
        w = PageWriter(size=A4)
        lay_out_report(w, report)
        sections.append(w.pages)
    front = _front_pages(table, people, [len(pages) for pages in sections], reports)
    total = len(front) + sum(len(pages) for pages in sections)
    done = len(front)
    for report, pages in zip(reports, sections):
        number_pages(pages, done + 1, total, f"Career Explorer - Cohort pack - {report.person}")
        done += len(pages)
    every = front + [page for pages in sections for page in pages]
    rest = None if progress is None else (lambda fraction, message: progress(0.25 + 0.75 * fraction, message))
    return write_pdf(every, path, "Cohort pack", rest, cancelled)
