"""Browse: search as you type, filters, sorting, keyboard access, opening and comparing, and QSettings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from career_explorer.paths import bundled_catalogue
from career_explorer.services.browse import browser_for
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.models.role_table_model import COL_PAY, COL_SOURCE, COL_TITLE, RoleTableModel
from career_explorer.ui.settings import SETTINGS_FILE
from career_explorer.ui.views.browse_view import BrowseView


def titles(view: BrowseView) -> list[str]:
    return [view.model.index(r, COL_TITLE).data() for r in range(view.model.rowCount())]


@pytest.fixture
def view(qtbot, fixture_repo):
    widget = BrowseView(fixture_repo)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_role_is_listed_by_title_with_level_pay_and_source(view):
    assert titles(view) == ["Customer Service Representatives", "Isolated Analyst", "Support Manager",
                            "Support Representative", "Support Team Lead"]
    row = titles(view).index("Support Manager")
    shown = [view.model.index(row, c).data() for c in range(view.model.columnCount())]
    assert shown == ["Support Manager", "Customer support", "M02 (management)", "FX003", "$80,000", "Fixture facts"]
    assert view.count_label.text() == "5 roles"


def test_typing_word_prefixes_narrows_the_table(qtbot, view):
    qtbot.keyClicks(view.search, "sup man")
    assert titles(view) == ["Support Manager"]
    assert view.count_label.text() == "1 of 5 roles"


def test_search_covers_alternate_titles_job_codes_and_summaries(qtbot, view):
    view.search.setText("chat agent")
    assert titles(view) == ["Support Representative"]
    view.search.setText("FX002")
    assert titles(view) == ["Support Team Lead"]
    view.search.setText("shift")
    assert titles(view) == ["Support Team Lead"]


def test_a_search_with_no_match_says_so(view):
    view.search.setText("astronaut")
    assert titles(view) == []
    assert view.empty_label.isVisible()
    assert "No roles match \u201castronaut\u201d" in view.empty_label.text()


@pytest.mark.skipif(not bundled_catalogue().is_file(), reason="the bundled catalogue is not built")
def test_cust_serv_man_finds_customer_service_manager_first_in_the_bundled_catalogue(qtbot, bundled_repo):
    widget = BrowseView(bundled_repo)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.search, "cust serv man")
    assert titles(widget)[0] == "Customer Service Manager"


def test_filters_by_track_level_pay_and_source_and_clear_in_one_click(qtbot, view):
    view.track.setCurrentIndex(view.track.findData("management"))
    assert titles(view) == ["Support Manager"]
    view.track.setCurrentIndex(0)
    view.level_from.setCurrentIndex(view.level_from.findData("S01"))
    assert titles(view) == ["Support Manager", "Support Team Lead"]
    view.pay_max.setValue(60000)
    assert titles(view) == ["Support Team Lead"]
    assert view.clear_filters.isEnabled()
    qtbot.mouseClick(view.clear_filters, Qt.LeftButton)
    assert len(titles(view)) == 5
    assert not view.clear_filters.isEnabled()
    view.source.setCurrentIndex(view.source.findData("onet-test"))
    assert titles(view) == ["Customer Service Representatives"]


def test_filters_and_search_combine_and_the_empty_message_points_at_the_filters(qtbot, view):
    view.family.setCurrentIndex(view.family.findData("support"))
    view.pay_min.setValue(70000)
    qtbot.keyClicks(view.search, "rep")
    assert titles(view) == []
    assert "with these filters" in view.empty_label.text()


def test_sorting_by_pay_puts_roles_without_pay_last_and_survives_typing(qtbot, view):
    view.table.sortByColumn(COL_PAY, Qt.DescendingOrder)
    assert titles(view) == ["Support Manager", "Support Team Lead", "Support Representative",
                            "Customer Service Representatives", "Isolated Analyst"]
    qtbot.keyClicks(view.search, "support")
    assert titles(view) == ["Support Manager", "Support Team Lead", "Support Representative"]


def test_sorting_by_source_uses_the_source_name(view):
    view.table.sortByColumn(COL_SOURCE, Qt.AscendingOrder)
    assert [view.model.index(r, COL_SOURCE).data() for r in range(5)] == ["Fixture facts"] * 4 + ["O*NET test extract"]


def test_ctrl_f_focuses_search_from_the_table(qtbot, window):
    view = window.view("Browse")
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(view.table, Qt.Key_F, Qt.ControlModifier)
    assert view.search.hasFocus()


def test_enter_on_a_row_opens_its_profile(qtbot, window):
    view = window.view("Browse")
    view.select_role("fx/lead")
    qtbot.keyClick(view.table, Qt.Key_Return)
    dialog = window._profiles["fx/lead"]
    assert dialog.profile_widget.profile.role.title == "Support Team Lead"
    dialog.close()


def test_double_click_opens_the_profile(qtbot, window):
    view = window.view("Browse")
    row = titles(view).index("Support Manager")
    rect = view.table.visualRect(view.model.index(row, COL_TITLE))
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert "fx/manager" in window._profiles
    window._profiles["fx/manager"].close()


def test_enter_in_search_opens_the_top_match(qtbot, window):
    view = window.view("Browse")
    qtbot.keyClicks(view.search, "team lead")
    qtbot.keyClick(view.search, Qt.Key_Return)
    assert list(window._profiles) == ["fx/lead"]
    window._profiles["fx/lead"].close()


def test_compare_selected_sends_the_roles_to_compare(qtbot, window):
    view = window.view("Browse")
    assert not view.compare_button.isEnabled()
    view.select_role("fx/rep")
    index = view.model.index(view.model.row_of("fx/manager"), 0)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().select(index, flags)
    assert view.compare_button.isEnabled()
    qtbot.mouseClick(view.compare_button, Qt.LeftButton)
    assert window.current_view_name() == "Compare"
    assert window.view("Compare").role_ids() == ["fx/rep", "fx/manager"]  # in the order they were picked


def test_role_table_model_passes_qtmodeltester(qtmodeltester, fixture_repo):
    browser = browser_for(fixture_repo)
    model = RoleTableModel(orderer=browser.order, source_names=browser.source_names)
    model.set_rows(browser.search(""))
    qtmodeltester.check(model)
    model.sort(COL_PAY, Qt.DescendingOrder)
    qtmodeltester.check(model)


def test_window_remembers_size_view_search_and_roles_in_the_private_home(qtbot, fixture_repo, private_home):
    first = MainWindow(fixture_repo)
    qtbot.addWidget(first)
    first.resize(1010, 640)
    first.show()
    qtbot.waitExposed(first)
    first.view("Browse").search.setText("support")
    first.view("Browse").select_role("fx/lead")
    first.show_comparison(["fx/lead", "fx/manager"])
    first.close()
    assert (private_home / SETTINGS_FILE).is_file()

    second = MainWindow(fixture_repo)
    qtbot.addWidget(second)
    # Restoring keeps the window on screen: the offscreen screen is 800 pixels wide.
    screen = second.screen().availableGeometry()
    assert second.size().height() == 640 and second.size().width() == min(1010, screen.width())
    assert second.current_view_name() == "Compare"
    assert second.view("Compare").role_ids() == ["fx/lead", "fx/manager"]
    assert second.view("Browse").search.text() == "support"
    assert second.view("Browse").current_role_id() == "fx/lead"


def test_many_hits_keep_the_table_order_instead_of_relevance(monkeypatch, tmp_path):
    """Past RANK_LIMIT hits (a one-letter prefix on a big catalogue) the rows follow the current sort."""
    from career_explorer.data import role_search_index
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.compiler import build
    from tests.fixture_sources import fixture_sources, write_sources

    data = fixture_sources()
    for role in data["roles"]:
        role["summary"] = f"{role['summary']} Works here."
    path = tmp_path / "cat.sqlite"
    build(write_sources(tmp_path / "src", data), path)
    repo = CatalogueRepository(path)
    browser = browser_for(repo)
    monkeypatch.setattr(role_search_index, "RANK_LIMIT", 1)
    assert [s.title for s in browser.search("su")] == ["Support Manager", "Support Representative",
                                                       "Support Team Lead"]
    assert [s.id for s in browser.search("su", sort="median_base", descending=True)] == [
        "fx/manager", "fx/lead", "fx/rep"]
    # Every role matches: the whole list comes back, in the sort order, without fetching the hits.
    assert [s.id for s in browser.search("work", sort="median_base")] == [
        "fx/rep", "fx/lead", "fx/manager", "fx/onet-csr", "fx/island"]
    repo.close()
