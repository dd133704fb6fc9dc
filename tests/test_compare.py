"""Compare: the competency matrix with differences, pay and radar data, the view, exports, dark charts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from career_explorer.charts.pay_bands import pay_bands_figure
from career_explorer.charts.radar import radar_figure
from career_explorer.charts.theme import DARK
from career_explorer.domain.compare import CellStatus, Standing
from career_explorer.services.compare import CompareError, compare_roles, comparison_csv
from career_explorer.ui.formatting import chart_theme
from career_explorer.ui.models.compare_table_model import FIRST_ROLE_COLUMN, STANDING_ROLE, CompareTableModel
from career_explorer.ui.views import compare_view
from career_explorer.ui.views.compare_view import CompareView
from career_explorer.ui.widgets import chart_export


def cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.fixture
def view(qtbot, fixture_repo):
    widget = CompareView(fixture_repo)
    qtbot.addWidget(widget)
    widget.show()
    return widget


# -- the service ----------------------------------------------------------------------------


def test_levels_line_up_by_competency_and_differences_are_marked(fixture_repo):
    result = compare_roles(fixture_repo, ["fx/lead", "fx/manager"])
    rows = {r.name: r for r in result.rows}
    products = rows["Products And Services"]
    assert [c.level for c in products.cells] == [3, 4] and products.differs
    assert [c.standing for c in products.cells] == [Standing.LOWER, Standing.HIGHEST]
    escalation = rows["Customer Escalation Management"]
    assert not escalation.differs and [c.standing for c in escalation.cells] == [Standing.SAME, Standing.SAME]
    assert [r.name for r in result.differing] == ["Products And Services", "Customer Analytics"]


def test_a_competency_missing_from_a_complete_list_is_not_listed_but_from_a_partial_one_unknown(fixture_repo):
    result = compare_roles(fixture_repo, ["fx/rep", "fx/lead", "fx/onet-csr"])
    analytics = next(r for r in result.rows if r.name == "Customer Analytics")
    assert [c.status for c in analytics.cells] == [CellStatus.UNKNOWN, CellStatus.LEVEL, CellStatus.NOT_REQUIRED]
    assert [c.standing for c in analytics.cells] == [Standing.NONE, Standing.HIGHEST, Standing.MISSING]
    assert result.unpublished == (2, 0, 0)


def test_pay_keeps_every_band_per_role_and_source(fixture_repo):
    result = compare_roles(fixture_repo, ["fx/rep", "fx/manager"])
    assert [(e.role_id, e.band.basis.value, e.band.p50) for e in result.pay] == [
        ("fx/rep", "base", 40000), ("fx/rep", "total", 42000), ("fx/manager", "base", 80000)]


def test_radar_levels_are_normalised_0_to_100_on_each_scale(fixture_repo):
    radar = compare_roles(fixture_repo, ["fx/lead", "fx/manager", "fx/onet-csr"]).radar
    assert radar.axes == ("Products And Services", "Customer Analytics", "Customer Escalation Management", "Speaking")
    assert radar.values[0] == (50.0, 25.0, 50.0, None)
    assert radar.values[1] == (75.0, 50.0, 50.0, None)
    assert radar.values[2][3] == pytest.approx((3.88 - 0) / 7 * 100)


@pytest.mark.parametrize("ids, message", [
    (["fx/lead"], "compare takes 2 to 4 roles, not 1"),
    (["fx/lead", "fx/lead"], "a role is given twice"),
    (["fx/rep", "fx/lead", "fx/manager", "fx/island", "fx/onet-csr"], "compare takes 2 to 4 roles, not 5"),
])
def test_compare_needs_two_to_four_different_roles(fixture_repo, ids, message):
    with pytest.raises(CompareError, match=message):
        compare_roles(fixture_repo, ids)


def test_csv_has_one_row_per_competency_and_one_column_per_role(fixture_repo):
    text = comparison_csv(compare_roles(fixture_repo, ["fx/lead", "fx/manager"]))
    assert text.splitlines() == [
        "Competency,Kind,Scale,Support Team Lead,Support Manager,Differs",
        "Products And Services,Core,proficiency-5,3,4,yes",
        "Customer Analytics,Job family,proficiency-5,2,3,yes",
        "Customer Escalation Management,Job family,proficiency-5,3,3,no",
    ]


# -- the view -------------------------------------------------------------------------------


def test_comparing_two_roles_highlights_the_higher_and_lower_levels(view):
    view.set_roles("fx/lead", "fx/manager")
    model = view.model
    assert model.headerData(FIRST_ROLE_COLUMN, Qt.Horizontal) == "Support Team Lead\nLevel S01"
    assert cells(model, 0) == ["Products And Services", "Core", "3 of 5", "4 of 5"]
    lower, higher = model.index(0, FIRST_ROLE_COLUMN), model.index(0, FIRST_ROLE_COLUMN + 1)
    assert lower.data(STANDING_ROLE) == "lower" and higher.data(STANDING_ROLE) == "highest"
    assert lower.data(Qt.BackgroundRole) is not None and higher.data(Qt.BackgroundRole) is not None
    assert lower.data(Qt.BackgroundRole) != higher.data(Qt.BackgroundRole)
    assert higher.data(Qt.FontRole).bold()
    same = model.index(2, FIRST_ROLE_COLUMN)
    assert model.index(2, 0).data() == "Customer Escalation Management" and same.data(Qt.BackgroundRole) is None
    assert view.status_label.text().startswith("3 competencies, 2 with different levels.")


def test_differences_only_hides_rows_where_the_levels_agree(qtbot, view):
    view.set_roles("fx/lead", "fx/manager")
    qtbot.mouseClick(view.differences_only, Qt.LeftButton)
    assert [view.model.index(r, 0).data() for r in range(view.model.rowCount())] == [
        "Products And Services", "Customer Analytics"]


def test_fewer_than_two_roles_asks_for_more(view):
    view.set_roles("fx/lead")
    assert view.model.rowCount() == 0
    assert view.status_label.text().startswith("Pick two to four roles")
    assert not view.export_csv_button.isEnabled()


def test_export_table_as_csv(view, tmp_path, monkeypatch):
    target = tmp_path / "comparison.csv"
    monkeypatch.setattr(compare_view, "ask_csv_path", lambda parent, suggested: target)
    view.set_roles("fx/lead", "fx/manager")
    assert view.export_csv() == target
    assert target.read_text(encoding="utf-8").startswith("Competency,Kind,Scale,Support Team Lead,Support Manager")


def test_charts_draw_when_their_tab_opens_and_export_as_svg(qtbot, view, tmp_path, monkeypatch):
    view.set_roles("fx/rep", "fx/lead", "fx/manager")
    assert view.pay_panel.canvas is None
    view.tabs.setCurrentWidget(view.pay_panel)
    qtbot.waitUntil(lambda: view.pay_panel.canvas is not None)
    target = tmp_path / "pay.svg"
    monkeypatch.setattr(chart_export, "ask_export_path", lambda parent, caption, suggested: target)
    assert view.pay_panel.export() == target
    assert "<svg" in target.read_text(encoding="utf-8")[:500]
    view.tabs.setCurrentWidget(view.radar_panel)
    qtbot.waitUntil(lambda: view.radar_panel.canvas is not None)


def test_compare_table_model_passes_qtmodeltester(qtmodeltester, fixture_repo):
    model = CompareTableModel()
    model.set_comparison(compare_roles(fixture_repo, ["fx/rep", "fx/lead", "fx/onet-csr"]))
    qtmodeltester.check(model)
    model.set_differences_only(True)
    qtmodeltester.check(model)


# -- dark palettes ----------------------------------------------------------------------------


def test_a_dark_palette_gives_dark_readable_charts(fixture_repo):
    palette = QPalette()
    palette.setColor(QPalette.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.Text, QColor("#eeeeee"))
    theme = chart_theme(palette)
    assert theme.dark and theme.background == "#1e1e1e" and theme.foreground == "#eeeeee"
    result = compare_roles(fixture_repo, ["fx/lead", "fx/manager"])
    fig = pay_bands_figure(result.pay, theme=theme)
    assert fig.get_facecolor()[:3] == pytest.approx(QColor("#1e1e1e").getRgbF()[:3], abs=0.01)
    label = fig.axes[0].get_yticklabels()[0]
    assert label.get_color() == "#eeeeee"
    radar = radar_figure(result.radar, theme=DARK)
    assert radar.axes[0].get_xticklabels()[0].get_color() == DARK.foreground


def test_charts_in_a_dark_window_are_drawn_dark_and_follow_a_palette_switch(qtbot, view):
    dark = QPalette()
    dark.setColor(QPalette.Window, QColor("#202020"))
    dark.setColor(QPalette.Base, QColor("#181818"))
    dark.setColor(QPalette.Text, QColor("#f0f0f0"))
    view.set_roles("fx/lead", "fx/manager")
    view.tabs.setCurrentWidget(view.pay_panel)
    qtbot.waitUntil(lambda: view.pay_panel.figure is not None)
    assert view.pay_panel.figure.get_facecolor()[0] > 0.5
    view.setPalette(dark)
    qtbot.waitUntil(lambda: view.pay_panel.figure.get_facecolor()[0] < 0.2)


def test_compare_says_when_a_source_gives_no_competency_total(bundled_repo):
    result = compare_roles(bundled_repo, ["salary-com/chat-support-representative-i",
                                                "salary-com/customer-service-team-leader",
                                                "salary-com/retail-store-customer-service-representative"])
    assert [result.unpublished_note(i) for i in range(3)] == ["10", "count not given", "at least 5"]


def test_radar_keeps_a_scales_lowest_level_off_the_centre(bundled_repo):
    from career_explorer.charts.radar import FLOOR_RING, radar_figure
    from career_explorer.services.compare import compare_roles

    result = compare_roles(bundled_repo, ["salary-com/chat-support-representative-i",
                                                "salary-com/chat-support-manager"])
    data = result.radar
    assert data is not None and all(data.floor_is_level)  # Salary.com's 1-5 scale starts at a real level
    lowest = [i for i, v in enumerate(data.values[0]) if v == 0]
    assert lowest, "the representative has a level-1 competency on the radar"
    figure = radar_figure(data)
    line = figure.axes[0].get_lines()[0]
    radii = list(line.get_ydata())
    assert all(radii[i] == FLOOR_RING for i in lowest)  # on the inner ring, not at the centre (0)


def test_compare_says_not_relevant_for_onet_flag_and_names_job_zones_not_codes(bundled_repo):
    from career_explorer.services.compare import cell_text, compare_roles

    result = compare_roles(bundled_repo, ["onet/29-1141.00", "onet/43-4051.00"])
    row = next(r for r in result.rows if r.name == "Installation")
    assert [cell_text(row, i) for i in range(2)] == ["Not relevant", "Not relevant"]
    assert [r.level_short for r in result.roles] == ["Job Zone 4", "Job Zone 2"]  # as Job Zones.txt rates them
