"""A one-line label that ends in "…" when it is narrower than its text, with the whole text as tooltip."""

from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# Qt.PlainText and int(Qt.AlignVCenter | Qt.AlignRight) as numbers: this label is in the empty start-up
# window, and the first touch of the Qt namespace builds its ~90 enums (about 30 ms of a cold start).
PLAIN_TEXT = 0
RIGHT_MIDDLE = 0x0002 | 0x0080


class ElidedLabel(QLabel):
    """`text()` stays the whole text; only the painting is shortened, so nothing is cut mid-letter."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setProperty("textFormat", PLAIN_TEXT)  # setTextFormat takes only the enum

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        shown = self.text()
        if metrics.horizontalAdvance(shown) > rect.width():
            from PySide6.QtCore import Qt

            shown = metrics.elidedText(shown, Qt.ElideRight, rect.width())
        # No setPen: a painter on a widget starts with its foreground colour (QWidget::initPainter), and
        # setPen's overloads, like the Qt namespace, would cost ~20 ms on the first paint.
        painter.drawText(rect, RIGHT_MIDDLE, shown)
        painter.end()
