"""The main window: navigation, status bar, About, and a clean failure on a bad catalogue."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from career_explorer.ui.main_window import MainWindow
from tests.fresh_interpreter import assert_holds_in_a_fresh_interpreter


def test_main_window_shows_navigation_and_catalogue_status(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Browse", "Path", "Compare", "My plan"]
    assert window.catalogue_label.text() == (
        "Catalogue: Fixture ladder 0.1 · 5 roles: 4 from Fixture facts, 1 from O*NET test extract")
    assert "Fixture ladder" in window.windowTitle()


def test_status_bar_says_what_the_bundled_catalogue_holds_and_where_it_comes_from(qtbot, bundled_repo):
    window = MainWindow(bundled_repo)
    qtbot.addWidget(window)
    text = window.catalogue_label.text()
    assert "from O*NET 29.0" in text and "from Salary.com" in text
    assert text.endswith("wages BLS OEWS May 2020 to May 2024")
    about = window.show_about().text.toPlainText()
    assert "What each source gives" in about and "BLS OEWS May 2021" in about


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


def test_startup_does_not_import_matplotlib(fixture_catalogue_path, tmp_path):
    # A fresh interpreter: this session has imported matplotlib long ago, and unloading it here would
    # leave every later test with a half-imported copy.
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from career_explorer.data.catalogue_repository import CatalogueRepository; "
            "from career_explorer.ui.main_window import MainWindow; "
            f"window = MainWindow(CatalogueRepository({str(fixture_catalogue_path)!r})); window.show(); "
            "app.processEvents(); "
            "assert window.current_view_name() == 'Browse', window.current_view_name(); "
            "assert not any(m.startswith('matplotlib') for m in sys.modules), 'matplotlib imported'")
    assert_holds_in_a_fresh_interpreter(code, tmp_path)


def test_bad_catalogue_shows_a_dialog_and_exits_non_zero(qtbot, tmp_path, monkeypatch):
    from career_explorer.ui import app, messages

    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append((title, text)))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\0garbage" * 64)
    code = app.run_gui(catalogue=junk)
    assert code == 1
    assert shown and shown[0][0] == "Cannot open the catalogue" and "not a readable catalogue" in shown[0][1]


def test_window_appears_before_the_catalogue_and_fills_in_when_it_loads(qtbot, fixture_repo):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Career Explorer"
    assert window.catalogue_label.text() == "Loading the catalogue…"
    assert window.views == {}
    assert "Loading the catalogue" in window.stack.currentWidget().findChildren(QLabel)[1].text()
    window.set_repository(fixture_repo)
    assert window.catalogue_label.text().startswith("Catalogue: Fixture ladder 0.1 · 5 roles")
    assert window.stack.currentWidget() is window.view(window.current_view_name())


def test_app_shows_its_window_then_loads_the_catalogue_and_goes_idle(tmp_path, fixture_catalogue_path):
    """The real entry point, in its own process (quitting would close this session's windows)."""

    from career_explorer.ui import app

    log = tmp_path / "startup.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREER_EXPLORER_HOME=str(tmp_path / "home"))
    env[app.QUIT_WHEN_IDLE_ENV] = "1"
    env[app.STARTUP_LOG_ENV] = str(log)
    done = subprocess.run([sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    stamps = [line.split() for line in log.read_text().splitlines()]
    assert [name for name, _ in stamps] == ["shown", "loaded", "ready"]
    assert float(stamps[0][1]) <= float(stamps[1][1]) <= float(stamps[2][1])


def test_the_empty_window_is_shown_without_pydantic_or_the_qt_namespace(tmp_path):
    """Until the catalogue loads (after the first paint), nothing needs the domain models: importing
    pydantic before the window shows cost a cold start about 150 ms (ui.settings once imported
    domain.route for RankMode). PySide builds a class's enums on its first touch, and the `Qt`
    namespace's ~90 cost about 30 ms: `Qt.AlignCenter`, or `shortcut=` on a QAction, is enough."""
    code = ("import sys; from PySide6 import QtCore; from PySide6.QtWidgets import QApplication; "
            "app = QApplication([]); "
            "from career_explorer.ui.main_window import MainWindow; "
            "window = MainWindow(); window.show(); app.processEvents(); "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'matplotlib', 'networkx')); "
            "assert not heavy, heavy; "
            "assert 'Qt' not in vars(QtCore), 'the Qt namespace was built'")
    assert_holds_in_a_fresh_interpreter(code, tmp_path)
