"""The Path view, driven as a user would: pick roles, pick a route, read the cards and charts, export."""

from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import TitleMatch
from career_explorer.services.routes import find_routes
from career_explorer.ui.models.role_completion_model import ROLE_ID, RoleCompletionModel
from career_explorer.ui.models.route_models import RouteTableModel
from career_explorer.ui.settings import Settings
from career_explorer.ui.views.path_view import PathView
from career_explorer.ui.widgets import chart_export
from tests.route_fixtures import ALT, LEAD, MANAGER, REP, build_catalogue, two_road_sources


@pytest.fixture
def view(qtbot, fixture_repo):
    widget = PathView(fixture_repo)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def two_road_sources_repo(tmp_path):
    repo = CatalogueRepository(build_catalogue(tmp_path, two_road_sources()))
    yield repo
    repo.close()


def tmp_settings(view):
    from career_explorer.paths import user_data_dir

    return user_data_dir() / "path-settings-test.ini"


@pytest.fixture
def two_road_view(qtbot, two_road_sources_repo):
    repo = two_road_sources_repo
    widget = PathView(repo)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pick_by_typing(qtbot, picker, text: str, row: int = 0) -> list[str]:
    """Type into the picker, choose a completion from the popup with the keyboard; return the rows shown."""
    picker.setFocus()
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), text)
    popup = picker.role_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    return shown


def card_texts(view) -> list[str]:
    return [card.text() for card in view.step_cards()]


def row_at(text: str, *parts: str) -> int:
    """Where a competency line showing `parts` in order (marker, name, change) starts in a card."""
    found = re.search(r"^" + r"\s+".join(re.escape(p) for p in parts) + r"$", text, re.MULTILINE)
    assert found, f"{parts} not in card:\n{text}"
    return found.start()


def test_empty_view_says_what_to_do(view):
    shown = view.message.text().replace("<b>", "").replace("</b>", "")
    assert "Pick where you are in From and where you want to be in To" in shown
    assert view.step_cards() == [] and not view.pay_chart.export_button.isEnabled()


def test_typing_an_alternate_title_picks_its_role(qtbot, view):
    shown = pick_by_typing(qtbot, view.from_picker, "chat ag")
    assert shown == ["Chat Agent → Support Representative"]
    assert view.from_picker.role_id() == REP
    assert view.from_picker.currentText() == "Support Representative"
    assert not view.from_picker.role_completer.popup().isVisible()


def test_completion_matches_the_start_of_any_word_ignoring_case(qtbot, view):
    view.from_picker.setFocus()
    qtbot.keyClicks(view.from_picker.lineEdit(), "MANAG")
    popup = view.from_picker.role_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert shown == ["Support Manager"]
    view.from_picker.lineEdit().clear()
    qtbot.keyClicks(view.from_picker.lineEdit(), "anager")  # inside a word: no completion
    assert not popup.isVisible() and popup.model().rowCount() == 0


def test_picking_both_roles_lists_routes_and_fills_the_timeline(qtbot, view):
    shown = pick_by_typing(qtbot, view.from_picker, "representative")
    assert shown == ["Support Representative", "Customer Service Representatives"]  # the shorter title first
    pick_by_typing(qtbot, view.to_picker, "support man")
    assert view.from_picker.role_id() == REP
    model = view.routes_table.model()
    assert model.rowCount() == 1
    assert [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())] == [
        "Route", "Pay per step", "Skill gap", "Why"]
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["via Support Team Lead", "+$15k, +$25k", "4 big jumps",
                   "Most plausible: 2 steps, both stated by Fixture facts; pay rises at each step"]
    texts = card_texts(view)
    assert texts[0].startswith("Route 1: whole route, first role to last")
    assert texts[1].startswith("Step 1 of 2 · promotion\nSupport Representative (A02) → Support Team Lead (S01)")
    assert texts[2].startswith("Step 2 of 2")


def test_step_card_leads_with_the_jumps_and_says_who_states_the_move(qtbot, view):
    view.set_roles(REP, MANAGER)
    step = card_texts(view)[1]
    assert "Who says so: Stated by Fixture facts." in step
    assert "Level: A02 → S01 (+1 level)" in step
    assert "Why: Fixture ladder order." in step
    assert "Fixture facts base: $40,000 → $55,000 (+$15,000, +37.5%)" in step
    products = row_at(step, "▲", "Products And Services", "1 → 3 (+2)")
    escalation = row_at(step, "▲", "Customer Escalation Management", "2 → 3 (+1)")
    analytics = step.index("Not published at one end (1): Customer Analytics")
    assert products < escalation < analytics
    # A framework's own behaviours say what the level asks for; they are not O*NET's examples.
    assert "what level 3 asks for: Products behaviour at level 3." in step
    assert "for example" not in step
    assert "2 more competencies not published for Support Representative." in step
    last = card_texts(view)[2]
    assert "About the same (1): Customer Escalation Management" in last


def test_whole_route_card_compares_first_and_last_role(view):
    view.set_roles(REP, MANAGER)
    total = card_texts(view)[0]
    assert "Support Representative (A02) → Support Manager (M02)" in total
    assert "Level: A02 → M02 (+2 levels)" in total
    row_at(total, "▲", "Products And Services", "1 → 4 (+3)")
    assert "Not published at one end (1): Customer Analytics" in total
    assert "1 more competency not published for Support Manager." in total


def test_charts_show_the_selected_route(qtbot, view):
    with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=5000):
        view.set_roles(REP, MANAGER)
    lines = view.pay_chart.figure.axes[0].get_lines()
    base = next(line for line in lines if line.get_label() == "Fixture facts base median")
    assert list(base.get_ydata()) == [40000, 55000, 80000]
    names = [t.get_text() for t in view.skill_chart.figure.axes[0].get_yticklabels()]
    cells = {name: [c.text for c in line] for name, line in zip(names, view.skill_chart.last_result)}
    # The cards' order: the whole route's jumps first.
    assert names[:2] == ["Products And Services", "Customer Escalation Management"]
    assert cells["Products And Services"] == ["1", "3", "4"]
    assert cells["Customer Analytics"] == ["?", "2", "3"]
    heat_texts = [t.get_text() for t in view.skill_chart.figure.axes[0].texts]
    assert "0" not in heat_texts and "?" in heat_texts


def test_selecting_another_route_updates_cards_and_charts(qtbot, two_road_view):
    view = two_road_view
    view.set_roles(REP, MANAGER)
    model = view.routes_table.model()
    assert [model.index(r, 0).data() for r in range(2)] == ["via Support Coach", "via Support Team Lead"]
    assert model.index(0, 0).data(Qt.ToolTipRole).startswith(
        "Route 1: Support Representative → Support Coach → Support Manager\nMost plausible")
    assert "Support Coach" in card_texts(view)[1]
    with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=5000):
        view.routes_table.setFocus()
        qtbot.keyClick(view.routes_table, Qt.Key_Down)
    assert view.current_route.rank == 2 and view.current_route.role_ids[1] == LEAD
    assert "Support Team Lead" in card_texts(view)[1]
    ticks = [t.get_text() for t in view.pay_chart.figure.axes[0].get_xticklabels()]
    assert ticks[1] == "Support Team\nLead\n(Level S01)"


def test_ranking_by_pay_puts_the_better_paid_road_first_and_is_remembered(qtbot, two_road_view):
    view = two_road_view
    view.set_roles(REP, MANAGER)
    model = view.routes_table.model()
    firsts = lambda: [model.route(r).role_ids[1] for r in range(model.rowCount())]  # noqa: E731
    assert view.rank_combo.currentText() == "Most plausible" and firsts() == [ALT, LEAD]
    view.rank_combo.setFocus()
    qtbot.keyClick(view.rank_combo, Qt.Key_End)  # "Highest pay on the way", chosen by keyboard
    assert view.rank_combo.currentText() == "Highest pay on the way"
    assert firsts() == [LEAD, ALT]  # Support Team Lead pays $55,000 on the way, Support Coach $52,000
    assert "highest pay on the way first" in view.message.text()
    assert card_texts(view)[1].startswith("Step 1 of 2 · promotion\nSupport Representative (A02) → Support Team Lead")
    settings = Settings(QSettings(str(tmp_settings(view)), QSettings.IniFormat))
    view.sideways_check.setChecked(True)
    view.save_settings(settings)
    again = PathView(view.repo)
    qtbot.addWidget(again)
    again.restore_settings(settings)
    assert again.rank_combo.currentText() == "Highest pay on the way" and again.sideways_check.isChecked()


def test_route_table_drops_a_column_that_is_the_same_on_every_row(two_road_sources_repo):
    routes = find_routes(two_road_sources_repo, REP, MANAGER).routes
    model = RouteTableModel()
    model.set_routes(routes)
    assert model.columnCount() == 4
    # The same route listed twice for two reasons: pay and skill gap tell them apart no more.
    model.set_routes([routes[0], routes[0].model_copy(update={"rank": 2, "reason": "Also possible: a copy"})])
    assert [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())] == ["Route", "Why"]
    assert model.index(1, 1).data() == "Also possible: a copy"


def test_swap_reverses_the_roles_and_shows_the_no_route_answer(qtbot, view):
    view.set_roles(REP, MANAGER)
    qtbot.mouseClick(view.swap_button, Qt.LeftButton)
    assert (view.from_picker.role_id(), view.to_picker.role_id()) == (MANAGER, REP)
    assert "No route of transitions leads from Support Manager to Support Representative." in view.message.text()
    assert view.routes_table.isHidden()
    assert "No other role can be reached from Support Manager" in view.reachable_label.text()
    assert card_texts(view)[0].startswith("Direct gap (no route of transitions)\n"
                                          "Support Manager (M02) → Support Representative (A02)")


def test_no_route_lists_reachable_roles_and_enter_makes_one_the_target(qtbot, view):
    view.set_roles(LEAD, REP)
    assert view.reachable_list.isVisible()
    assert [view.reachable_list.item(i).text() for i in range(view.reachable_list.count())] == ["Support Manager (M02)"]
    assert view.pay_chart.route.is_direct
    view.reachable_list.setFocus()
    qtbot.keyClick(view.reachable_list, Qt.Key_Return)
    assert view.to_picker.role_id() == MANAGER
    assert view.routes_table.model().rowCount() == 1 and view.current_route.role_ids == (LEAD, MANAGER)


def test_export_writes_a_png_where_the_user_chose(qtbot, view, tmp_path, monkeypatch):
    target = tmp_path / "pay.png"
    asked = []
    monkeypatch.setattr(chart_export, "ask_export_path", lambda parent, caption, name: asked.append(name) or target)
    view.set_roles(REP, MANAGER)
    with qtbot.waitSignal(view.pay_chart.exported):
        qtbot.mouseClick(view.pay_chart.export_button, Qt.LeftButton)
    assert asked == ["pay-progression"]
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cancelled_export_writes_nothing(qtbot, view, tmp_path, monkeypatch):
    monkeypatch.setattr(chart_export, "ask_export_path", lambda *args: None)
    view.set_roles(REP, MANAGER)
    assert view.skill_chart.export() is None
    assert list(tmp_path.iterdir()) == []


def test_keyboard_tab_order_and_mnemonics(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    assert view.from_label.buddy() is view.from_picker and view.to_label.buddy() is view.to_picker
    assert view.routes_label.buddy() is view.routes_table and view.timeline_label.buddy() is view.timeline
    assert view.rank_label.buddy() is view.rank_combo and "&" in view.sideways_check.text()
    assert "&" in view.swap_button.text() and "&" in view.pay_chart.export_button.text()
    view.from_picker.setFocus()
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[0] is view.swap_button
    assert seen[1] in (view.to_picker, view.to_picker.lineEdit())
    assert seen[2] is view.rank_combo
    assert seen[3] is view.sideways_check
    assert seen[4] is view.count_spin or seen[4].parent() is view.count_spin


def test_charts_are_not_built_until_the_view_is_shown(qtbot, fixture_repo):
    hidden = PathView(fixture_repo)
    qtbot.addWidget(hidden)
    hidden.set_roles(REP, MANAGER)
    assert hidden.pay_chart.canvas is None and hidden.skill_chart.canvas is None
    with qtbot.waitSignals([hidden.pay_chart.drawn, hidden.skill_chart.drawn], timeout=5000):
        hidden.show()
    assert hidden.pay_chart.canvas is not None


def test_path_view_module_does_not_import_matplotlib():
    code = ("import sys; import career_explorer.ui.views.path_view; "
            "assert not any(m.startswith('matplotlib') for m in sys.modules), 'matplotlib imported'")
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_route_model_passes_the_model_tester(qtmodeltester, fixture_repo):
    model = RouteTableModel()
    model.set_routes(find_routes(fixture_repo, REP, MANAGER).routes)
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Horizontal) == "Route"


def test_completion_model_passes_the_model_tester(qtmodeltester):
    model = RoleCompletionModel([
        TitleMatch(role_id=MANAGER, title="Support Manager", matched="Support Manager", level="M02"),
        TitleMatch(role_id=REP, title="Support Representative", matched="Chat Agent", is_alternate=True),
    ])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "Chat Agent → Support Representative"
    assert model.index(1, 0).data(Qt.EditRole) == "Support Representative"
    assert model.index(1, 0).data(ROLE_ID) == REP
    assert model.index(1, 0).data(Qt.ToolTipRole) == "Alternate title of Support Representative"


def test_completions_of_roles_sharing_a_title_show_their_level_and_source():
    model = RoleCompletionModel([
        TitleMatch(role_id="a/one", title="Analyst", matched="Analyst", level="P1", source_name="Ladder A"),
        TitleMatch(role_id="b/one", title="Analyst", matched="Analyst", level="P2", source_name="Ladder B"),
    ])
    assert [model.index(r, 0).data() for r in range(2)] == ["Analyst  (P1, Ladder A)", "Analyst  (P2, Ladder B)"]


def test_seed_route_in_the_view_matches_the_catalogue(qtbot, bundled_repo):
    widget = PathView(bundled_repo)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.set_roles("salary-com/chat-support-representative-i", "salary-com/chat-support-manager")
    total = card_texts(widget)[0]
    assert "Level: A02 → M02 (+2 levels)" in total
    assert "Salary.com base: $43,396 → $88,649" in total
    row_at(total, "▲", "Products And Services", "1 → 4 (+3)")
    row_at(total, "▲", "Digital Literacy", "1 → 3 (+2)")
    row_at(total, "▲", "Customer Escalation Management", "2 → 3 (+1)")
    assert widget.routes_table.model().index(0, 0).data().startswith("via ")


def test_typed_text_without_the_completer_picks_the_one_role_it_names(qtbot, view):
    picker = view.to_picker
    picker.setFocus()
    qtbot.keyClicks(picker.lineEdit(), "team lead")
    popup = picker.role_completer.popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key_Escape)
    qtbot.keyClick(picker.lineEdit(), Qt.Key_Return)
    assert picker.role_id() == LEAD and picker.currentText() == "Support Team Lead"


def test_typed_text_naming_several_roles_keeps_the_previous_choice(qtbot, view):
    view.set_roles(REP, MANAGER)
    picker = view.to_picker
    picker.setFocus()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "support")
    picker.resolve_text()
    assert picker.role_id() == MANAGER and picker.currentText() == "Support Manager"
    assert picker.message() == "Several roles match 'support'; kept Support Manager"
    assert picker.lineEdit().toolTip() == picker.message()


def test_a_route_selected_again_shows_its_own_kept_picture(qtbot, two_road_view):
    view = two_road_view
    view.charts.prerendering = False
    view.set_roles(REP, MANAGER)
    qtbot.waitUntil(lambda: view.pay_chart.canvas is not None and bool(view.pay_chart.figure.axes))

    def base_median() -> list[float]:
        lines = view.pay_chart.figure.axes[0].get_lines()
        line = next(x for x in lines if x.get_label() == "Fixture facts base median")
        return list(line.get_ydata())

    for rank, middle in ((2, 55000), (1, 52000), (2, 55000)):
        hits = view.pay_chart.hits
        with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=5000):
            view.select_route(rank)
        assert base_median() == [40000, middle, 80000]
    assert view.pay_chart.hits == hits + 1  # the last selection painted the kept picture, not a new draw
    assert "Support Team Lead" in card_texts(view)[1]


def test_routes_are_drawn_ahead_while_the_user_reads(qtbot, two_road_view):
    view = two_road_view
    view.set_roles(REP, MANAGER)
    other = view.routes_model.route(1)
    qtbot.waitUntil(lambda: view.pay_chart.cached(other) and view.skill_chart.cached(other), timeout=10000)
    hits = view.skill_chart.hits
    with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=5000):
        view.select_route(2)
    assert view.skill_chart.hits == hits + 1 and view.current_route is other
