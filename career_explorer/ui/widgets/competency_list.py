"""A role's competencies grouped by kind, each with a level bar on its own scale.

Expanding a competency shows the behaviours for every level of its scale, with the required level's
behaviour highlighted (levels are cumulative: the highest behaviour at or below the level).
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from career_explorer.domain.profile import KIND_LABELS, RequiredCompetency, RoleProfile
from career_explorer.ui.formatting import is_dark, mix


def required_behaviour_level(item: RequiredCompetency) -> Optional[int]:
    """The level of the behaviour the requirement reaches: the highest at or below it."""
    if item.level is None:
        return None
    return max((b.level for b in item.competency.behaviours if b.level <= item.level), default=None)


class LevelBar(QWidget):
    """A bar filled to the required level, with a tick at each whole level of the scale."""

    def __init__(self, level: Optional[float], low: int, high: int, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.level, self.low, self.high = level, low, high
        self.setFixedSize(QSize(110, 14))
        text = f"{level:g} on a {low} to {high} scale" if level is not None else "No level given by the source"
        self.setToolTip(text)
        self.setAccessibleName("Required level")
        self.setAccessibleDescription(text)

    @property
    def fraction(self) -> Optional[float]:
        return None if self.level is None else (self.level - self.low) / (self.high - self.low)

    def paintEvent(self, event) -> None:
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 2.5, -0.5, -2.5)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(mix(palette.color(QPalette.Base), palette.color(QPalette.Text), 0.16))
        painter.drawRoundedRect(rect, 4, 4)
        if self.fraction is not None:
            filled = QRectF(rect)
            filled.setWidth(max(rect.width() * self.fraction, 4))
            painter.setBrush(palette.color(QPalette.Highlight))
            painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(palette.color(QPalette.Window))
        for step in range(self.low + 1, self.high):
            x = rect.left() + rect.width() * (step - self.low) / (self.high - self.low)
            painter.drawLine(int(x), int(rect.top()), int(x), int(rect.bottom()))
        painter.end()


class CompetencyRow(QWidget):
    """Name, level bar and level text; the arrow (or a click on the name) shows the behaviours."""

    toggled = Signal(bool)

    def __init__(self, item: RequiredCompetency, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.item = item
        comp = item.competency
        self.arrow = QToolButton(self)
        self.arrow.setArrowType(Qt.RightArrow)
        self.arrow.setCheckable(True)
        self.arrow.setAutoRaise(True)
        self.arrow.setAccessibleName(f"Show what each level of {comp.name} involves")
        self.arrow.toggled.connect(self.set_expanded)
        self.name_label = QLabel(comp.name, self)
        self.name_label.setWordWrap(True)
        self.name_label.setToolTip(comp.definition or comp.name)
        self.name_label.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.bar = LevelBar(item.level, item.scale.min, item.scale.max, self)
        level_text = item.level_text()
        if item.requirement.suppressed:
            level_text += " (low precision)"
        self.level_label = QLabel(level_text, self)
        self.level_label.setWordWrap(True)
        self.level_label.setFixedWidth(190)
        self.level_label.setEnabled(item.level is not None and not item.requirement.not_relevant)
        if item.requirement.suppressed:
            self.level_label.setToolTip("The source flags this rating as low precision; treat it with care.")
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.RichText)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setContentsMargins(28, 0, 4, 6)
        self.details.hide()

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.arrow, 0, Qt.AlignTop)
        header.addWidget(self.name_label, 1)
        header.addWidget(self.bar, 0, Qt.AlignVCenter)
        header.addWidget(self.level_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.details)

    def mousePressEvent(self, event) -> None:
        # Anywhere on the header line (the name included, as the hint says) opens and closes the row;
        # a closed row's details sit at y 0, so only an open row limits the click to above them.
        header_click = not self.details.isVisible() or event.position().y() < self.details.y()
        if event.button() == Qt.LeftButton and header_click:
            self.arrow.toggle()
        super().mousePressEvent(event)

    @property
    def expanded(self) -> bool:
        return self.details.isVisibleTo(self)

    def set_expanded(self, on: bool) -> None:
        if on and not self.details.text():
            self.details.setText(self._details_html())
        self.arrow.blockSignals(True)
        self.arrow.setChecked(on)
        self.arrow.blockSignals(False)
        self.arrow.setArrowType(Qt.DownArrow if on else Qt.RightArrow)
        self.details.setVisible(on)
        self.toggled.emit(on)

    def behaviour_rows(self) -> list[tuple[str, bool]]:
        """(text, highlighted) for each level's behaviour, as shown when expanded."""
        required = required_behaviour_level(self.item)
        return [(self._behaviour_text(b.level, b.text), b.level == required)
                for b in self.item.competency.behaviours]

    def _behaviour_text(self, level: int, text: str) -> str:
        label = self.item.scale.label(level)
        return f"Level {level}" + (f" - {label}" if label else "") + f": {text}"

    def _details_html(self) -> str:
        palette = self.palette()
        highlight = mix(palette.color(QPalette.Base), palette.color(QPalette.Highlight),
                        0.45 if is_dark(palette) else 0.22).name()
        muted = palette.color(QPalette.PlaceholderText).name()
        comp = self.item.competency
        parts = []
        if comp.definition:
            parts.append(f"<p><i>{escape(comp.definition)}</i></p>")
        if not comp.behaviours:
            parts.append(f"<p style='color:{muted}'>No behaviour descriptions are published for this competency.</p>")
        if comp.behaviours and comp.examples:
            # O*NET's anchors illustrate a level; they are not a list of what the job asks for.
            parts.append("<p>For example, at each level:</p>")
        mark = "(about this job's level)" if comp.examples else "(required level)"
        rows = []
        for (text, required), behaviour in zip(self.behaviour_rows(), comp.behaviours):
            if required:
                rows.append(f"<tr><td bgcolor='{highlight}'><b>{escape(text)}</b> &nbsp;{mark}</td></tr>")
            elif self.item.level is not None and behaviour.level > self.item.level:
                rows.append(f"<tr><td style='color:{muted}'>{escape(text)}</td></tr>")
            else:
                rows.append(f"<tr><td>{escape(text)}</td></tr>")
        if rows:
            parts.append("<table width='100%' cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>")
        return "".join(parts)


class CompetencyList(QScrollArea):
    """Kinds as headings, one CompetencyRow per competency under each."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.StyledPanel)
        self.setAccessibleName("Competencies")
        self.rows: list[CompetencyRow] = []
        self.groups: list[QLabel] = []

    def set_profile(self, profile: RoleProfile) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(4)
        self.rows, self.groups = [], []
        for kind, items in profile.by_kind():
            order = " · most important for this job first" if profile.ranked_by_importance else ""
            heading = QLabel(f"<b>{KIND_LABELS[kind]}</b> ({len(items)}){order}", page)
            self.groups.append(heading)
            layout.addWidget(heading)
            for item in items:
                row = CompetencyRow(item, page)
                self.rows.append(row)
                layout.addWidget(row)
            layout.addSpacing(6)
        layout.addStretch(1)
        self.setWidget(page)

    # -- what a user sees, for tests ------------------------------------------------------

    def competency_rows(self) -> list[tuple[str, str, str]]:
        """(kind heading, competency, level text) for every competency, top to bottom."""
        result = []
        widgets = self.widget().layout() if self.widget() else None
        heading = ""
        for i in range(widgets.count() if widgets else 0):
            w = widgets.itemAt(i).widget()
            if w in self.groups:
                heading = w.text().split("</b>")[0].replace("<b>", "")
            elif isinstance(w, CompetencyRow):
                result.append((heading, w.name_label.text(), w.level_label.text()))
        return result

    def find(self, name: str) -> Optional[CompetencyRow]:
        return next((r for r in self.rows if r.name_label.text() == name), None)
