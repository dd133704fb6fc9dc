"""The role pickers of Path, Compare and My plan on a catalogue of 3,000 roles: type, see, pick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.widgets.role_picker import PLACEHOLDER, RolePicker
from tests.picker_fixtures import HELP_DESK, IT_SUPPORT, SERVICE_MANAGER, ZOOKEEPER, build_picker_catalogue


@pytest.fixture(scope="module")
def catalogue_path(tmp_path_factory):
    return build_picker_catalogue(tmp_path_factory.mktemp("picker"))


@pytest.fixture
def repo(catalogue_path):
    repo = CatalogueRepository(catalogue_path)
    yield repo
    repo.close()


@pytest.fixture
def window(qtbot, repo):
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def picker(qtbot, repo):
    """A picker on its own, beside another field to move the focus to."""
    host = QWidget()
    qtbot.addWidget(host)
    picker, other = RolePicker(host), QLineEdit(host)
    layout = QVBoxLayout(host)
    layout.addWidget(picker)
    layout.addWidget(other)
    picker.set_choices(repo)
    host.show()
    qtbot.waitExposed(host)
    picker.host, picker.other = host, other  # the host must live as long as the test
    return picker


def pickers_of(window, name: str) -> list[RolePicker]:
    view = window.show_view(name)
    return {"Path": lambda: [view.from_picker, view.to_picker], "Compare": lambda: list(view.pickers),
            "My plan": lambda: [view.current_picker, view.target_picker]}[name]()


def type_into(qtbot, picker, text: str) -> list[str]:
    """Type `text` into the empty picker; the completion rows the popup shows."""
    picker.setFocus()
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), text)
    popup = picker.role_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]


def choose(qtbot, picker, row: int) -> None:
    """Down to the row, then Enter, as a user does."""
    popup = picker.role_completer.popup()
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)


@pytest.mark.parametrize("view_name", ["Path", "Compare", "My plan"])
def test_every_picker_of_the_view_completes_ranks_and_picks(qtbot, window, view_name):
    for picker in pickers_of(window, view_name):
        assert picker.isEnabled()
        shown = type_into(qtbot, picker, "cust serv man")
        assert shown[0] == "Customer Service Manager"  # the title starting with those words, shortest first
        assert 3 < len(shown) <= 15
        shown = type_into(qtbot, picker, "customer service manager")
        assert shown[0] == "Customer Service Manager"  # exactly what was typed
        choose(qtbot, picker, 0)
        assert picker.role_id() == SERVICE_MANAGER and picker.currentText() == "Customer Service Manager"
        assert not picker.role_completer.popup().isVisible()

        shown = type_into(qtbot, picker, "help desk an")
        assert shown == ["Help Desk Analyst", "Help Desk Analyst → IT Support Technician"]
        with qtbot.waitSignal(picker.role_changed) as changed:
            choose(qtbot, picker, 1)
        assert changed.args == [IT_SUPPORT]
        assert picker.role_id() == IT_SUPPORT and picker.currentText() == "IT Support Technician"


def test_a_pick_reaches_the_view(qtbot, window):
    view = window.show_view("Path")
    type_into(qtbot, view.from_picker, "zookeeper")
    choose(qtbot, view.from_picker, 0)
    type_into(qtbot, view.to_picker, "help desk analyst")
    choose(qtbot, view.to_picker, 0)
    assert (view.from_picker.role_id(), view.to_picker.role_id()) == (ZOOKEEPER, HELP_DESK)
    assert "No route of transitions leads from Zookeeper to Help Desk Analyst." in view.message.text()


def test_the_first_keystroke_shows_completions(qtbot, picker):
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key_Z)
    popup = picker.role_completer.popup()
    assert popup.isVisible()
    assert popup.model().index(0, 0).data() == "Zookeeper"


def test_escape_closes_the_list_and_keeps_the_text(qtbot, picker):
    type_into(qtbot, picker, "help desk")
    qtbot.keyClick(picker.role_completer.popup(), Qt.Key_Escape)
    assert not picker.role_completer.popup().isVisible()
    assert picker.currentText() == "help desk" and picker.role_id() is None


def test_enter_picks_the_only_role_the_text_starts_a_word_of(qtbot, picker):
    type_into(qtbot, picker, "zookee")
    qtbot.keyClick(picker.role_completer.popup(), Qt.Key_Return)  # nothing highlighted: the text decides
    assert picker.role_id() == ZOOKEEPER and picker.currentText() == "Zookeeper"


def test_leaving_the_field_picks_the_role_an_alternate_title_names(qtbot, picker):
    type_into(qtbot, picker, "animal keeper")
    qtbot.keyClick(picker.role_completer.popup(), Qt.Key_Escape)
    picker.other.setFocus()
    qtbot.waitUntil(lambda: picker.role_id() == ZOOKEEPER)
    assert picker.currentText() == "Zookeeper"


def test_text_naming_no_role_empties_the_picker_and_says_so(qtbot, picker):
    picker.set_role_id(ZOOKEEPER)
    picker.setFocus()
    picker.selectAll()
    qtbot.keyClicks(picker, "xyzzy")
    assert not picker.role_completer.popup().isVisible()
    with qtbot.waitSignal(picker.role_changed) as changed:
        qtbot.keyClick(picker, Qt.Key_Return)
    assert changed.args == [None] and picker.role_id() is None
    assert picker.currentText() == ""
    assert picker.placeholderText() == "No role called 'xyzzy'" == picker.toolTip() == picker.message()
    qtbot.keyClicks(picker, "z")  # typing again puts the usual hint back
    assert picker.placeholderText() == PLACEHOLDER and picker.message() == ""


def test_enter_on_text_naming_several_roles_lists_them(qtbot, picker):
    picker.set_role_id(ZOOKEEPER)
    picker.setFocus()
    picker.selectAll()
    qtbot.keyClicks(picker, "support")
    qtbot.keyClick(picker.role_completer.popup(), Qt.Key_Escape)
    qtbot.keyClick(picker, Qt.Key_Return)
    assert picker.role_completer.popup().isVisible()
    assert picker.role_id() == ZOOKEEPER and picker.currentText() == "support"
    assert picker.message() == "Several roles match 'support': pick one from the list"


def test_set_role_id_reads_that_one_title(qtbot, picker, repo):
    statements: list[str] = []
    repo._conn.set_trace_callback(statements.append)
    with qtbot.waitSignal(picker.role_changed):
        picker.set_role_id(HELP_DESK)
    repo._conn.set_trace_callback(None)
    assert picker.currentText() == "Help Desk Analyst" and picker.cursorPosition() == 0
    assert len(statements) == 1 and "SELECT title FROM roles WHERE id" in statements[0]
    picker.set_role_id("gen/not-there")
    assert picker.role_id() is None and picker.currentText() == ""


def test_opening_the_views_reads_no_alternate_titles(qtbot, repo, monkeypatch):
    """Nothing before the first keystroke may read every role, nor any alternate title."""
    statements: list[str] = []
    repo._conn.set_trace_callback(statements.append)
    profiles = []
    real = CatalogueRepository.role
    monkeypatch.setattr(CatalogueRepository, "role",
                        lambda self, role_id: profiles.append(role_id) or real(self, role_id))
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    pickers = [p for name in ("Path", "Compare", "My plan") for p in pickers_of(win, name)]
    repo._conn.set_trace_callback(None)
    assert len(pickers) == 8 and all(p.role_id() is None for p in pickers)
    assert profiles == []
    assert not [s for s in statements if "alt_titles" in s]
