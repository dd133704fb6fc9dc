"""A role's profile: summary, level, pay from every source, competencies by kind, and sources.

"Plan a path from here" / "to here" call `window.plan_path(...)` on the main window.
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.money import format_money
from career_explorer.domain.profile import PayEntry, RoleProfile, capture_label
from career_explorer.services.compare import level_text
from career_explorer.services.profile import role_profile
from career_explorer.ui.panels.wage_history_panel import WageHistoryPanel
from career_explorer.ui.widgets.competency_list import CompetencyList
from career_explorer.ui.widgets.figure_panel import FigurePanel
from career_explorer.ui.widgets.table_fit import fit_rows

PERCENTILE_HEADERS = {"p10": "p10", "p25": "p25", "p50": "Median", "p75": "p75", "p90": "p90"}


def _section(title: str, parent: QWidget) -> QLabel:
    return QLabel(f"<h3 style='margin-bottom:0'>{title}</h3>", parent)


def _text(text: Optional[str], parent: QWidget, placeholder: str = "Not published") -> QLabel:
    label = QLabel(text or placeholder, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if not text:
        label.setEnabled(False)
    return label


def pay_columns(entries: tuple[PayEntry, ...]) -> list[str]:
    """Source, Region and Basis (when bands differ in them), the percentiles given, As of (when some source
    states a date its name does not already say). Averages and entry figures are said under the table,
    so the percentiles fit beside the chart; "not stated" is said once, there too."""
    used = [p for p in PERCENTILE_HEADERS if any(getattr(e.band, p) is not None for e in entries)]
    regions = {e.band.region for e in entries}
    # A release named by its date ("BLS OEWS May 2024") already says when; the column repeats it.
    dated = any(e.band.as_of is not None and pay_cell(e, "As of") not in e.source_name for e in entries)
    bases = {pay_cell(e, "Basis") for e in entries}
    return ["Source", *(["Region"] if len(regions) > 1 else []), *(["Basis"] if len(bases) > 1 else []), *used,
            *(["As of"] if dated else [])]


def pay_heading(entries: tuple[PayEntry, ...]) -> str:
    """"Pay (US, base)": what every row shares is said once here, not repeated in a column."""
    regions = {e.band.region for e in entries}
    bases = {pay_cell(e, "Basis") for e in entries}
    shared = [*(regions if len(regions) == 1 else ()), *(bases if len(bases) == 1 else ())]
    return f"Pay ({', '.join(shared)})" if shared else "Pay"


def pay_cell(entry: PayEntry, column: str) -> str:
    band = entry.band
    if column == "Source":
        return entry.source_name
    if column == "Region":
        return band.region
    if column == "Basis":
        return band.basis.label + ("" if band.period.value == "annual" else f", {band.period.value}")
    if column in PERCENTILE_HEADERS:
        value = getattr(band, column)
        if value is None:
            return "—"
        text = format_money(value, band.currency, band.period.value)
        return f"at least {text}" if column in band.lower_bounds else text
    if column == "Other figures":
        parts = [(n, getattr(band, n)) for n in ("mean", "entry", "experienced")]
        labels = {"mean": "average", "entry": "entry level", "experienced": "experienced"}
        return "; ".join(f"{labels[n]} {format_money(v, band.currency, band.period.value)}" for n, v in parts if v)
    if column == "As of":
        if band.as_of is None:
            return "Not stated"
        return band.as_of.strftime("%B %Y") if band.as_of.day == 1 else band.as_of.isoformat()
    return ""


class RoleProfileWidget(QWidget):
    """The profile of one role, built from a RoleProfile."""

    plan_from = Signal(str)
    plan_to = Signal(str)

    def __init__(self, repo: CatalogueRepository, profile: RoleProfile, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.repo, self.profile = repo, profile
        role = profile.role
        self.title_label = QLabel(f"<h2 style='margin:0'>{escape(role.title)}</h2>", self)
        self.title_label.setTextFormat(Qt.RichText)
        subtitle = f"{profile.family_name}  ·  {level_text(repo, role)}"
        self.subtitle_label = QLabel(subtitle, self)
        self.subtitle_label.setTextFormat(Qt.PlainText)
        self.plan_from_button = QPushButton("Plan a path &from here", self)
        self.plan_to_button = QPushButton("Plan a path &to here", self)
        self.plan_from_button.clicked.connect(lambda: self.plan_from.emit(role.id))
        self.plan_to_button.clicked.connect(lambda: self.plan_to.emit(role.id))

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        header.addWidget(self.plan_from_button, 0, Qt.AlignTop)
        header.addWidget(self.plan_to_button, 0, Qt.AlignTop)

        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self._overview())
        splitter.addWidget(self._competencies())
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        if self.profile.competencies:
            splitter.setStretchFactor(1, 1)
            splitter.setSizes([620, 540])
        else:
            # One sentence saying nothing is rated should not take half the window from the pay.
            splitter.setStretchFactor(1, 0)
            splitter.setSizes([900, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    # -- left: summary, facts, pay, sources ------------------------------------------------

    def _overview(self) -> QWidget:
        profile, role = self.profile, self.profile.role
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_section("Summary", page))
        self.summary_label = _text(role.summary, page)
        layout.addWidget(self.summary_label)
        layout.addWidget(_section("Responsibilities", page))
        self.responsibilities_label = _text(role.responsibilities, page)
        layout.addWidget(self.responsibilities_label)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        level = profile.job_level
        if level is not None:
            level_value = level.label + (f", {level.track.value} track" if level.track else "")
        else:
            level_value = role.level or ""
        self.facts: dict[str, QLabel] = {}
        more = len(role.alt_titles) - 8
        alt = ", ".join(role.alt_titles[:8]) + (f" and {more} more" if more > 0 else "")
        for name, value in (("Job level", level_value), ("Job code", role.job_code),
                            ("SOC code", role.soc_code), ("Education", role.education),
                            ("Reports to", role.reports_to), ("Also called", alt)):
            if name in ("SOC code", "Also called") and not value:
                continue
            self.facts[name] = _text(value, page)
            facts.addRow(f"{name}:", self.facts[name])
        layout.addWidget(_section("Facts", page))
        layout.addLayout(facts)

        self.pay_heading = _section(pay_heading(profile.pay), page)
        layout.addWidget(self.pay_heading)
        self.pay_table = self._pay_table(page)
        layout.addWidget(self.pay_table)
        self.pay_chart = FigurePanel(export=False, file_stem="pay", empty_text="No pay figures published.",
                                     parent=page)
        if profile.pay:
            self.pay_chart.set_factory(self._pay_figure)
        layout.addWidget(self.pay_chart)
        if not profile.pay:
            self.pay_chart.hide()
        pay_notes = self._pay_notes()
        self.pay_notes = _text(pay_notes, page)
        self.pay_notes.setVisible(bool(pay_notes))
        layout.addWidget(self.pay_notes)

        self.wage_history: Optional[WageHistoryPanel] = None
        if profile.wage_history is not None:
            layout.addWidget(_section("Wage history", page))
            self.wage_history = WageHistoryPanel(profile.wage_history, page)
            layout.addWidget(self.wage_history)

        layout.addWidget(_section("Sources", page))
        self.sources_label = _text(self._sources_text(), page)
        layout.addWidget(self.sources_label)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _pay_figure(self, theme):
        from career_explorer.charts.pay_bands import pay_bands_figure

        return pay_bands_figure(self.profile.pay, theme=theme, compact=True)

    def _pay_table(self, parent: QWidget) -> QTableWidget:
        entries = self.profile.pay
        columns = pay_columns(entries)
        table = QTableWidget(len(entries), len(columns), parent)
        table.setAccessibleName("Pay by source")
        table.setHorizontalHeaderLabels([PERCENTILE_HEADERS.get(c, c) for c in columns])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Two captures of one source on one basis are told apart by their date or note, not "(2)".
        keys = [(e.source_name, e.band.region, e.band.basis, e.band.period) for e in entries]
        for r, entry in enumerate(entries):
            for c, column in enumerate(columns):
                text = pay_cell(entry, column)
                if column == "Source" and keys.count(keys[r]) > 1 and capture_label(entry.band):
                    text += f" · {capture_label(entry.band)}"
                item = QTableWidgetItem(text)
                if column in PERCENTILE_HEADERS:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                tip = "; ".join(x for x in (entry.source_name, entry.band.note) if x)
                item.setToolTip(tip)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        # Spare width goes to the source's name, so the figures stay side by side at the right.
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        if not entries:
            table.hide()
        table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        fit_rows(table)
        return table

    def _pay_notes(self) -> str:
        """Figures that are a group's estimate, said in words rather than left to a tooltip; and, once,
        that no source dates its figures."""
        notes = [f"{e.source_name}: one estimate for {e.band.covers}, a group that includes this occupation."
                 for e in self.profile.pay if e.band.covers]
        for e in self.profile.pay:
            other = pay_cell(e, "Other figures")
            if other:
                notes.append(f"{e.source_name}, {e.band.basis.label} pay: {other}.")
        if self.profile.pay and all(e.band.as_of is None for e in self.profile.pay):
            notes.append("As of: not stated by the source.")
        return "\n".join(dict.fromkeys(notes))

    def _sources_text(self) -> str:
        lines = []
        for source in self.profile.sources:
            parts = [source.name, f"licence: {source.licence}"]
            if source.url:
                parts.append(str(source.url))
            lines.append(" - ".join(parts))
            if source.attribution:
                lines.append(f"   {source.attribution}")
        return "\n".join(lines)

    # -- right: competencies ---------------------------------------------------------------

    def _competencies(self) -> QWidget:
        box = QWidget()
        if not self.profile.competencies:
            box.setMaximumWidth(320)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_section("Competencies", box))
        self.competency_list = CompetencyList(box)
        self.competency_list.set_profile(self.profile)
        # One message when nothing is published: the role's own note says why (O*NET rates no skills
        # for this occupation), rather than "none published" followed by "68 more not published".
        empty = self.profile.role.note or "The source publishes no competencies for this role."
        self.empty_competencies = QLabel(empty, box)
        self.empty_competencies.setWordWrap(True)
        self.empty_competencies.setEnabled(False)
        self.empty_competencies.setVisible(not self.profile.competencies)
        self.competency_list.setVisible(bool(self.profile.competencies))
        hint = QLabel("Click a competency to see what each level involves.", box)
        hint.setEnabled(False)
        hint.setVisible(bool(self.profile.competencies))
        self.unpublished_label = QLabel(self.profile.unpublished_text or "", box)
        self.unpublished_label.setVisible(bool(self.profile.unpublished_text and self.profile.competencies))
        layout.addWidget(hint)
        layout.addWidget(self.competency_list, 1)
        layout.addWidget(self.empty_competencies)
        layout.addWidget(self.unpublished_label)
        if not self.profile.competencies:
            layout.addStretch(1)
        return box

    # -- what a user sees, for tests -----------------------------------------------------

    def pay_rows(self) -> list[dict[str, str]]:
        table = self.pay_table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        return [{h: table.item(r, c).text() for c, h in enumerate(headers)} for r in range(table.rowCount())]


class RoleProfileDialog(QDialog):
    """A window with one role's profile; the plan buttons hand over to the main window's Path view."""

    def __init__(self, repo: CatalogueRepository, profile: RoleProfile, window=None,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.main_window = window
        self.setWindowTitle(f"{profile.role.title} - Career Explorer")
        self.resize(1180, 780)
        self.profile_widget = RoleProfileWidget(repo, profile, self)
        self.profile_widget.plan_from.connect(lambda rid: self._plan(from_id=rid))
        self.profile_widget.plan_to.connect(lambda rid: self._plan(to_id=rid))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile_widget, 1)
        layout.addWidget(buttons)
        self.profile_widget.plan_from_button.setEnabled(window is not None)
        self.profile_widget.plan_to_button.setEnabled(window is not None)

    def _plan(self, from_id: Optional[str] = None, to_id: Optional[str] = None) -> None:
        if self.main_window is not None:
            self.main_window.plan_path(from_id=from_id, to_id=to_id)
        self.accept()

    @classmethod
    def show_role(cls, repo: CatalogueRepository, role_id: str, window=None,
                  parent: Optional[QWidget] = None) -> "RoleProfileDialog":
        """Build and show (non-modal) the profile of `role_id`."""
        dialog = cls(repo, role_profile(repo, role_id), window, parent)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog
