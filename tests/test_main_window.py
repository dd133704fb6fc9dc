"""The main window: navigation, status bar, About, and a clean failure on a bad catalogue."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from career_explorer.ui.main_window import MainWindow


def test_main_window_shows_navigation_and_catalogue_status(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Browse", "Path", "Compare", "My plan"]
    assert window.catalogue_label.text() == "Catalogue: Fixture ladder 0.1 - 5 roles, 2 sources"
    assert "Fixture ladder" in window.windowTitle()


def test_keyboard_shortcuts_switch_views(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.nav, Qt.Key_3, Qt.ControlModifier)
    assert window.current_view_name() == "Compare"
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key_2, Qt.ControlModifier)
    assert window.current_view_name() == "Path"
    assert window.stack.currentWidget() is window.view("Path")


def test_about_lists_every_source_with_licence_and_onet_attribution(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    dialog = window.show_about()
    text = dialog.text.toPlainText()
    assert "Fixture facts - licence: CC0" in text
    assert "O*NET test extract - licence: CC BY 4.0" in text
    assert "Includes information from O*NET (test)." in text
    assert "https://example.org/fixture" in text
    dialog.close()


def test_startup_does_not_import_matplotlib(qtbot, fixture_repo):
    for name in [m for m in sys.modules if m.startswith("matplotlib")]:
        sys.modules.pop(name)
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    assert not any(m == "matplotlib" for m in sys.modules)


def test_bad_catalogue_shows_a_dialog_and_exits_non_zero(qtbot, tmp_path, monkeypatch):
    from career_explorer.ui import app, messages

    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append((title, text)))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\0garbage" * 64)
    code = app.run_gui(catalogue=junk)
    assert code == 1
    assert shown and shown[0][0] == "Cannot open the catalogue" and "not a readable catalogue" in shown[0][1]
