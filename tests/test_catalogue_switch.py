"""Opening and switching catalogues in the GUI, the recent list, and the importers as cancellable dialogs."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from career_explorer.data.compiler import write_catalogue
from career_explorer.data.importers.framework import import_framework
from career_explorer.services.catalogue_import import write_imported
from career_explorer.ui import catalogue_menu, messages
from career_explorer.ui.dialogs import import_dialogs
from career_explorer.ui.dialogs.import_dialogs import ImportRequest
from career_explorer.ui.main_window import VIEWS
from tools.make_framework_templates import NAMES, TEMPLATES

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ONET = SHARED / "onet-29.0"


@pytest.fixture(scope="module")
def acme_path(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("acme") / "acme.sqlite"
    write_catalogue(import_framework(TEMPLATES / NAMES["json"]), out)
    return out


def cancel_button(runner) -> QPushButton:
    assert runner.dialog.isVisible()
    return runner.dialog.findChild(QPushButton)


def file_menu_texts(win) -> list[str]:
    menu = win.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_title_and_status_show_name_and_version(window):
    assert window.windowTitle() == "Career Explorer - Fixture ladder 0.1"
    assert window.catalogue_label.text().startswith("Catalogue: Fixture ladder 0.1 · 5 roles")
    texts = file_menu_texts(window)
    assert texts[:2] == ["&Open catalogue…", "Open &recent"]
    assert "Import &O*NET…" in texts and "Import company &framework…" in texts and texts[-1] == "&Quit"


def test_open_catalogue_switches_every_view_and_remembers_it(window, fixture_repo, acme_path, monkeypatch):
    monkeypatch.setattr(catalogue_menu, "ask_catalogue_path", lambda parent: acme_path)
    old_views = {name: window.view(name) for name, _ in VIEWS}
    window.show_view("Compare")
    window.catalogue_menu.open_action.trigger()
    assert window.windowTitle() == "Career Explorer - Acme Customer Support 2025.1"
    assert window.catalogue_label.text().startswith("Catalogue: Acme Customer Support 2025.1 · 5 roles")
    assert window.repo.path == acme_path
    for name, _ in VIEWS:
        view = window.view(name)
        assert view is old_views[name] or window.stack.indexOf(old_views[name]) == -1
        assert getattr(view, "repo", window.repo) is window.repo
    assert window.current_view_name() == "Compare"
    assert window.stack.currentWidget() is window.view("Compare")
    recent = catalogue_menu.recent_catalogues()
    assert recent[:2] == [acme_path.resolve(), fixture_repo.path.resolve()]
    window.catalogue_menu.rebuild_recent()
    actions = window.catalogue_menu.recent_menu.actions()
    assert [a.data() for a in actions][:2] == [str(p) for p in recent[:2]]
    # listed by the catalogue's own name, not its file name
    assert [a.text() for a in actions][:2] == ["&1 Acme Customer Support 2025.1", "&2 Fixture ladder 0.1"]
    assert actions[0].isChecked() and not actions[1].isChecked()
    actions[1].trigger()  # back to the fixture catalogue
    assert window.windowTitle() == "Career Explorer - Fixture ladder 0.1"


def test_recent_list_is_capped_and_prunes_missing_files(tmp_path):
    files = []
    for i in range(10):
        path = tmp_path / f"c{i}.sqlite"
        path.write_bytes(b"x")
        files.append(path)
        catalogue_menu.remember_catalogue(path)
    recent = catalogue_menu.recent_catalogues()
    assert recent == [p.resolve() for p in reversed(files)][: catalogue_menu.MAX_RECENT]
    files[9].unlink()
    files[5].unlink()
    assert catalogue_menu.recent_catalogues() == [files[i].resolve() for i in (8, 7, 6, 4, 3, 2)]


def test_a_bad_catalogue_shows_an_error_and_keeps_the_current_one(window, tmp_path, monkeypatch):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\0garbage" * 64)
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(catalogue_menu, "ask_catalogue_path", lambda parent: junk)
    assert window.catalogue_menu.open_dialog() is False
    assert shown and shown[0][0] == "Cannot open the catalogue" and "not a readable catalogue" in shown[0][1]
    assert window.windowTitle() == "Career Explorer - Fixture ladder 0.1"


def test_framework_import_dialog_shows_progress_and_opens_the_result(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "acme.sqlite"
    request = ImportRequest("framework", TEMPLATES / NAMES["xlsx"], out)
    monkeypatch.setattr(import_dialogs, "ask_framework_import", lambda parent: request)
    seen: list[float] = []
    runner = window.catalogue_menu.import_framework()
    runner.task.signals.progress.connect(lambda fraction, message: seen.append(fraction))
    with qtbot.waitSignal(runner.finished, timeout=20000):
        pass
    assert out.is_file() and seen and max(seen) == pytest.approx(1.0)
    qtbot.waitUntil(lambda: window.windowTitle() == "Career Explorer - Acme Customer Support 2025.1")
    assert window.catalogue_menu.imports == []


def test_framework_import_with_problems_reports_them_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"catalogue": {"name": "X"}, "roles": [{"id": "Bad Id", "title": "T"}]}', encoding="utf-8")
    out = tmp_path / "bad.sqlite"
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append((title, text)))
    runner = window.catalogue_menu.run_import(ImportRequest("framework", bad, out))
    with qtbot.waitSignal(runner.failed, timeout=20000):
        pass
    assert not out.exists()
    assert shown[0][0] == "Import failed"
    assert "bad.json[catalogue]:1:version: missing column" in shown[0][1]
    assert "bad.json[roles]:1:id:" in shown[0][1]


def test_cancel_stops_the_import_and_leaves_no_file(qtbot, window, tmp_path):
    out = tmp_path / "never.sqlite"
    catalogue = import_framework(TEMPLATES / NAMES["json"])
    started = threading.Event()

    def job(progress, cancel):
        progress(0.1, "Reading")
        started.set()
        deadline = time.monotonic() + 10
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return write_imported(catalogue, out, progress, cancel)

    runner = window.catalogue_menu.run_import(ImportRequest("framework", Path("x.json"), out), job=job)
    qtbot.waitUntil(started.is_set)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(200)  # the GUI keeps running while the job works
    timer.stop()
    assert len(ticks) >= 5
    with qtbot.waitSignal(runner.cancelled, timeout=10000):
        qtbot.mouseClick(cancel_button(runner), Qt.LeftButton)
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.windowTitle() == "Career Explorer - Fixture ladder 0.1"


@pytest.mark.slow
@pytest.mark.skipif(not ONET.is_dir(), reason=f"O*NET 29.0 text release not found at {ONET}")
def test_cancelling_the_real_onet_import_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "onet.sqlite"
    monkeypatch.setattr(import_dialogs, "ask_onet_import", lambda parent: ImportRequest("onet", ONET, out))
    runner = window.catalogue_menu.import_onet()
    fractions: list[float] = []
    runner.task.signals.progress.connect(lambda fraction, message: fractions.append(fraction))
    qtbot.waitUntil(lambda: len(fractions) >= 2, timeout=20000)
    with qtbot.waitSignal(runner.cancelled, timeout=20000):
        qtbot.mouseClick(cancel_button(runner), Qt.LeftButton)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_after_a_switch_my_plan_names_roles_the_new_catalogue_lacks_by_their_old_title(window, acme_path,
                                                                                      monkeypatch):
    window.show_view("My plan").set_roles("fx/rep", "fx/manager")
    monkeypatch.setattr(catalogue_menu, "ask_catalogue_path", lambda parent: acme_path)
    window.catalogue_menu.open_action.trigger()
    note = window.view("My plan").roles_note.text()
    assert "Current role: Support Representative (not in this catalogue)" in note
    assert "Target role: Support Manager (not in this catalogue)" in note
    assert "fx/" not in note
