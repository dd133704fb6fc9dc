"""The app's one change to the platform style: check boxes keep an outline on a dark palette.

Qt's Fusion style outlines a check box in a shade darker than the window, which on a dark palette is
all but black on black: the "Use" ticks of the sheet wizard and every unticked box vanished.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

_CHECKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)


def is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 128


class AppStyle(QProxyStyle):
    """The platform's style, with check box outlines drawn in the text colour when the palette is dark."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # Qt's name
        super().drawPrimitive(element, option, painter, widget)
        if element in _CHECKS and is_dark(option.palette):
            colour = QColor(option.palette.text().color())
            colour.setAlpha(150)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(QBrush())  # no fill; Qt.BrushStyle would build the whole Qt namespace
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


def install(app: QApplication) -> None:
    app.setStyle(AppStyle(app.style().name()))
