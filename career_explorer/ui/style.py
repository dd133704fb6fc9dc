"""The app's one change to the platform style: check boxes keep an outline on a dark palette.

Qt's Fusion style outlines a check box in a shade darker than the window, which on a dark palette is
all but black on black: the "Use" ticks of the sheet wizard and every unticked box vanished.

AppStyle is made on first use (see __getattr__) and installed only once the palette is dark: on a light
palette it changes nothing, and subclassing QProxyStyle builds QStyle's enums (~10 ms of a cold start)
and routes every primitive the app draws through Python.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette) -> bool:
    return palette.window().color().lightness() < 128


@cache
def _app_style() -> type:
    from PySide6.QtGui import QBrush, QColor, QPainter, QPen
    from PySide6.QtWidgets import QProxyStyle, QStyle

    checks = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    class AppStyle(QProxyStyle):
        """The platform's style, with check box outlines drawn in the text colour when the palette is dark."""

        def drawPrimitive(self, element, option, painter, widget=None) -> None:  # Qt's name
            super().drawPrimitive(element, option, painter, widget)
            if element in checks and is_dark(option.palette):
                colour = QColor(option.palette.text().color())
                colour.setAlpha(150)
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                painter.setPen(QPen(colour, 1))
                painter.setBrush(QBrush())  # no fill; Qt.BrushStyle would build the whole Qt namespace
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
                painter.restore()

    return AppStyle


def __getattr__(name: str) -> type:
    if name == "AppStyle":
        return _app_style()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def install(app: QApplication) -> None:
    """Use AppStyle while the palette is dark: now, or once it turns dark (a system theme switch, setPalette)."""

    def follow(palette: QPalette) -> None:
        style = _app_style() if is_dark(palette) else None
        if style is not None and not isinstance(app.style(), style):
            app.setStyle(style(app.style().name()))

    follow(app.palette())
    app.paletteChanged.connect(follow)  # Qt 6 still emits it, for setPalette and the system's theme alike
