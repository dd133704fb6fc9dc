"""Every chart export comes out in print colours, however dark the window it was shown in."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from career_explorer.ui import messages
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.views.compare_view import CompareView
from career_explorer.ui.widgets import chart_export


def dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.Window, QColor("#202020"))
    palette.setColor(QPalette.Base, QColor("#181818"))
    palette.setColor(QPalette.Text, QColor("#f0f0f0"))
    palette.setColor(QPalette.WindowText, QColor("#f0f0f0"))
    return palette


def background_lightness(path) -> float:
    """The mean lightness of the image's four corners, where only the chart's background shows."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not an image"
    corners = [(2, 2), (image.width() - 3, 2), (2, image.height() - 3), (image.width() - 3, image.height() - 3)]
    return sum(image.pixelColor(x, y).lightnessF() for x, y in corners) / len(corners)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: pytest.fail(f"{title}: {text}"))


def test_history_chart_shown_dark_exports_light(qtbot, fixture_repo, tmp_path, monkeypatch):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.setPalette(dark_palette())
    window.show()
    view = window.show_view("My plan")
    view.set_roles("fx/rep", "fx/lead")
    view.editor.set_rating("fx/products", 1)
    view.editor.save("start")
    view.editor.set_rating("fx/products", 3)
    view.editor.save()
    view.tabs.setCurrentWidget(view.history)
    chart = view.history.chart
    qtbot.waitUntil(lambda: chart.figure is not None and chart.figure.get_facecolor()[0] < 0.2, timeout=5000)

    target = tmp_path / "history.png"
    monkeypatch.setattr(chart_export, "ask_export_path", lambda parent, caption, suggested: target)
    assert chart.export() == target
    assert background_lightness(target) > 0.9
    # The screen keeps its dark chart: only the file is in print colours.
    assert chart.figure.get_facecolor()[0] < 0.2


def test_compare_pay_chart_shown_dark_exports_light(qtbot, fixture_repo, tmp_path, monkeypatch):
    view = CompareView(fixture_repo)
    qtbot.addWidget(view)
    view.setPalette(dark_palette())
    view.show()
    view.set_roles("fx/lead", "fx/manager")
    view.tabs.setCurrentWidget(view.pay_panel)
    qtbot.waitUntil(lambda: view.pay_panel.figure is not None and view.pay_panel.figure.get_facecolor()[0] < 0.2)

    target = tmp_path / "pay.png"
    monkeypatch.setattr(chart_export, "ask_export_path", lambda parent, caption, suggested: target)
    assert view.pay_panel.export() == target
    assert background_lightness(target) > 0.9
