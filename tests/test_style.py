"""Check boxes stay visible on a dark palette (Fusion outlines them in a near-black shade)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QStyleFactory

from career_explorer.ui.style import AppStyle
from tests.fresh_interpreter import assert_holds_in_a_fresh_interpreter


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.Window, "#202124"), (QPalette.WindowText, "#e8eaed"),
                         (QPalette.Base, "#17181a"), (QPalette.Text, "#e8eaed"), (QPalette.Button, "#2d2e31"),
                         (QPalette.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


def brightest_in_indicator(box: QCheckBox) -> int:
    image = box.grab().toImage()
    size = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth)
    top = (box.height() - size) // 2
    return max(QColor(image.pixel(x, y)).lightness() for x in range(0, size + 2) for y in range(top, top + size))


@pytest.mark.parametrize("styled", [False, True])
def test_an_unticked_check_box_has_a_visible_outline_on_a_dark_palette(qtbot, styled):
    box = QCheckBox("Allow sideways moves")
    qtbot.addWidget(box)
    style = AppStyle("Fusion") if styled else QStyleFactory.create("Fusion")
    box.setStyle(style)
    box.setPalette(dark_palette())
    box.resize(220, 24)
    background = box.palette().color(QPalette.Window).lightness()
    visible = brightest_in_indicator(box) - background > 60
    assert visible == styled  # Fusion alone draws it near-black on black; the app's style does not



def test_the_app_keeps_the_platform_style_until_the_palette_turns_dark(tmp_path):
    """In its own process: install() stays connected to the application's palette."""
    code = ("from PySide6 import QtWidgets; from PySide6.QtGui import QColor, QPalette; "
            "app = QtWidgets.QApplication([]); from career_explorer.ui import style; style.install(app); "
            "assert 'QStyle' not in vars(QtWidgets), 'a light palette built QStyle'; "
            "assert not isinstance(app.style(), style.AppStyle); dark = QPalette(); "
            "dark.setColor(QPalette.Window, QColor('#202124')); dark.setColor(QPalette.Text, QColor('#e8eaed')); "
            "app.setPalette(dark); assert isinstance(app.style(), style.AppStyle), type(app.style()); "
            "installed = app.style(); app.setPalette(dark); assert app.style() is installed")
    assert_holds_in_a_fresh_interpreter(code, tmp_path)
