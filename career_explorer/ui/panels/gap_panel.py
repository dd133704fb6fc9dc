"""The gap and plan panel: readiness with its explanation, the route, closest roles, gaps and the plan."""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from career_explorer.domain.plan import GapReport, GapStatus
from career_explorer.services.path_report import level_change_text, level_text
from career_explorer.services.plan_output import (
    CLOSEST_NOTE,
    coverage_short,
    coverage_text,
    gap_row,
    percent_text,
    readiness_text,
    role_label,
    score_text,
    step_pay_text,
)

ACTION_COLUMN = 3
STATUS_COLUMN = 6
NEXT_COLUMN = 7  # the gap table's one-line preview of the next behaviours
MIN_PREVIEW = 160  # px: narrower than this, a preview shows a word or two


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(True)
    return table


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    if tip:
        item.setToolTip(tip)
    return item


class GapPanel(QWidget):
    """Shows one GapReport. Editing a plan action emits `action_changed(competency id, text)`."""

    action_changed = Signal(str, str)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.report: Optional[GapReport] = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.readiness_label = QLabel(self)
        self.readiness_label.setAccessibleName("Readiness")
        self.readiness_label.setWordWrap(True)
        self.coverage_label = QLabel(self)
        self.coverage_label.setAccessibleName("Coverage")
        self.coverage_label.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.route_label = QLabel(self)
        self.route_label.setWordWrap(True)
        self.route_label.setTextFormat(Qt.RichText)
        # Two columns, coverage under each title: the narrow side panel shows it all without scrolling sideways.
        self.closest = _table(self, ["Role (competencies compared)", "Ready"], "Roles closest now")
        header = self.closest.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Fixed)
        self.closest.setColumnWidth(1, self.fontMetrics().horizontalAdvance("not enough") + 16)
        self.closest.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.closest.setToolTip(CLOSEST_NOTE)
        self.closest_note = QLabel(f"<small><i>{escape(CLOSEST_NOTE)}</i></small>", self)
        self.closest_note.setWordWrap(True)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 6, 0)
        for widget in (self.heading, self.readiness_label, self.coverage_label, self.explanation, self.route_label):
            side_layout.addWidget(widget)
        side_layout.addWidget(QLabel("<b>Roles closest now</b>", self))
        side_layout.addWidget(self.closest_note)
        side_layout.addWidget(self.closest, 1)
        side_scroll = QScrollArea(self)
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(300)

        self.gaps = _table(self, ["Competency", "Scale", "Rating", "Required", "Gap", "Importance", "Status",
                                  "Next behaviours"], "Gap to the target")
        self.gaps.horizontalHeader().setSectionResizeMode(NEXT_COLUMN, QHeaderView.Stretch)
        self.gaps.setWordWrap(False)  # one line a row; the plan below has the behaviours in full
        self.gaps.setTextElideMode(Qt.ElideRight)
        self.plan = _table(self, ["#", "Competency", "Behaviours to show", "Action"],
                           "Development plan")
        self.plan.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.plan.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.plan.horizontalHeaderItem(2).setToolTip("From the level after the current rating up to the required one")
        self.plan.itemChanged.connect(self._item_changed)
        for table in (self.plan,):
            table.horizontalHeader().sectionResized.connect(
                lambda *_args, t=table: t.resizeRowsToContents())

        right = QSplitter(Qt.Vertical, self)
        for title, table in (("Gap to the target", self.gaps),
                             ("Development plan (double-click an action to write it)", self.plan)):
            box = QWidget(right)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>", box))
            box_layout.addWidget(table, 1)
            right.addWidget(box)
        right.setSizes([260, 440])
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(side_scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.show_report(None, "Pick a target role above to see the gap and the plan.")

    def show_report(self, report: Optional[GapReport], empty: str = "") -> None:
        self.report = report
        self.plan.blockSignals(True)
        for table in (self.gaps, self.plan, self.closest):
            table.setRowCount(0)
        if report is None:
            self.heading.setText(escape(empty))
            self.readiness_label.setText("")
            self.coverage_label.setText("")
            self.explanation.setText("")
            self.route_label.setText("")
            self.plan.blockSignals(False)
            return
        assessed = f"snapshot of {report.assessed:%Y-%m-%d %H:%M}" if report.assessed else "no snapshot saved yet"
        self.heading.setText(f"<b>{escape(report.person)}</b>: {escape(role_label(report.current))} → "
                             f"<b>{escape(role_label(report.target))}</b><br/><i>{assessed}</i>")
        if report.readiness.percent is None:  # no figure at all rather than a 0% made of nothing
            self.readiness_label.setText(f"<span style='font-size:16pt; font-weight:bold'>"
                                         f"{escape(readiness_text(report).capitalize())}</span>")
        else:
            self.readiness_label.setText(f"<span style='font-size:28pt; font-weight:bold'>"
                                         f"{readiness_text(report)}</span> ready")
        self.coverage_label.setText(f"<b>{escape(coverage_text(report.readiness))}</b>")
        self.explanation.setText(escape(report.readiness.explanation))
        self.route_label.setText(self._route_html(report))
        self._fill_gaps(report)
        self._fill_plan(report)
        for fit in report.closest:
            row = self.closest.rowCount()
            self.closest.insertRow(row)
            ready = fit.readiness
            tip = ready.explanation + (f" Rank score {score_text(ready)}." if ready.score is not None else "")
            title = f"{fit.role.title} ({fit.role.level})" if fit.role.level else fit.role.title
            for col, text in enumerate((f"{title}\n{coverage_short(ready, compared=True)}", percent_text(ready))):
                self.closest.setItem(row, col, _item(text, tip))
        self.closest.resizeRowsToContents()
        self.plan.blockSignals(False)

    @staticmethod
    def _route_html(report: GapReport) -> str:
        if report.route is None:
            return f"<b>Route</b><br/>{escape(report.route_note)}"
        parts = [f"<b>Route</b>: {escape(' → '.join(r.title for r in report.route.roles))}",
                 f"<i>{escape(report.route_note)}</i>"]
        for i, step in enumerate(report.route.steps, 1):
            parts.append(f"{i}. {escape(step.to_role.title)}: level {escape(level_change_text(step.level_change))}; "
                         f"pay {escape(step_pay_text(step))}")
        return "<br/>".join(parts)

    def _fill_gaps(self, report: GapReport) -> None:
        for g in report.gaps:
            row = self.gaps.rowCount()
            self.gaps.insertRow(row)
            cells = gap_row(g)
            nxt = g.behaviours[0] if g.behaviours else None
            cells.append(f"Level {nxt.level}: {nxt.text}" if nxt else "")
            for col, text in enumerate(cells):
                item = _item(text)
                if g.behaviours and col == NEXT_COLUMN:
                    item.setToolTip("\n".join(f"Level {b.level}: {b.text}" for b in g.behaviours))
                if col == 6 and g.status == GapStatus.MET:
                    item.setForeground(self.palette().link())
                self.gaps.setItem(row, col, item)
        self.gaps.setColumnHidden(5, all(g.importance is None for g in report.gaps))
        self._name_scale(report)
        self.gaps.resizeColumnsToContents()
        self.gaps.horizontalHeader().setSectionResizeMode(NEXT_COLUMN, QHeaderView.Stretch)

    def _name_scale(self, report: GapReport) -> None:
        # One scale on every row is said once, in the headers: the column it took pushed the next
        # behaviours off the table at 1024 px.
        scales = {(g.scale_min, g.scale_max) for g in report.gaps}
        uniform = len(scales) == 1
        suffix = " ({}-{})".format(*next(iter(scales))) if uniform else ""
        self.gaps.setColumnHidden(1, uniform)
        for column, title in ((2, "Rating"), (3, "Required")):
            self.gaps.horizontalHeaderItem(column).setText(title + suffix)

    def _fill_plan(self, report: GapReport) -> None:
        for index, item in enumerate(report.plan, 1):
            row = self.plan.rowCount()
            self.plan.insertRow(row)
            now = "not rated" if item.rating is None else level_text(item.rating)
            behaviours = "\n".join(f"Level {b.level}: {b.text}" for b in item.behaviours)
            done = f"\n\u2713 Done {item.done_on.isoformat()}" if item.done_on else ""
            tip = f"Ticked done in the session of {item.done_on.isoformat()}" if item.done_on else ""
            self.plan.setItem(row, 0, _item(f"{index} \u2713" if item.done_on else str(index), tip))
            self.plan.setItem(row, 1, _item(f"{item.name}\n{now} → {level_text(item.required)}{done}", tip))
            self.plan.setItem(row, 2, _item(behaviours or "No behaviours published for these levels."))
            action = QTableWidgetItem(item.action or "")
            action.setData(Qt.UserRole, item.competency)
            action.setToolTip("Double-click to write what the person will do")
            self.plan.setItem(row, ACTION_COLUMN, action)
        self.plan.resizeColumnToContents(0)
        self._fit_rows()

    def _fit_rows(self) -> None:
        # Names and actions get a share of the width, never all of it: the behaviours column is what the
        # plan is for, and at 1024 px it was squeezed to one word a line.
        width = self.plan.viewport().width()
        if width > 0:
            self.plan.resizeColumnToContents(1)
            self.plan.setColumnWidth(1, min(self.plan.columnWidth(1), int(width * 0.28)))
            self.plan.setColumnWidth(ACTION_COLUMN, int(width * 0.24))
        gaps_width = self.gaps.viewport().width()
        if gaps_width > 0 and self.gaps.rowCount():
            self.gaps.resizeColumnToContents(0)
            self.gaps.setColumnWidth(0, min(self.gaps.columnWidth(0), int(gaps_width * 0.30)))
            # The plan below lists every behaviour in full, so on a narrow window the table drops its
            # one-line preview rather than scroll sideways.
            # Content widths, not current ones: a stretched Status column would keep the preview hidden.
            header = self.gaps.horizontalHeader()
            used = self.gaps.columnWidth(0) + sum(
                max(self.gaps.sizeHintForColumn(c), header.sectionSizeHint(c))
                for c in range(1, NEXT_COLUMN) if not self.gaps.isColumnHidden(c))
            narrow = gaps_width - used < MIN_PREVIEW
            self.gaps.setColumnHidden(NEXT_COLUMN, narrow)
            header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.Stretch if narrow else QHeaderView.Interactive)
            if not narrow:
                self.gaps.resizeColumnToContents(STATUS_COLUMN)
        for table in (self.plan, self.closest):
            table.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == ACTION_COLUMN and item.data(Qt.UserRole):
            self.action_changed.emit(item.data(Qt.UserRole), item.text())

    def set_action(self, competency_id: str, text: str) -> None:
        """Write an action as typing it in the table does (for keyboard-free use and tests)."""
        for row in range(self.plan.rowCount()):
            item = self.plan.item(row, ACTION_COLUMN)
            if item.data(Qt.UserRole) == competency_id:
                item.setText(text)
                return
        raise KeyError(competency_id)
