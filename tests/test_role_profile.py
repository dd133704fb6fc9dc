"""The role profile: facts, every salary entry, competencies by kind with behaviours, sources, actions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from career_explorer.domain.catalogue import SalaryBand
from career_explorer.domain.profile import PayEntry
from career_explorer.services.profile import role_profile
from career_explorer.services.role_lookup import RoleNotFound
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.panels.role_profile import RoleProfileDialog, pay_cell


@pytest.fixture
def window(qtbot, fixture_repo):
    win = MainWindow(fixture_repo)
    qtbot.addWidget(win)
    return win


def open_profile(qtbot, window, role_id: str) -> RoleProfileDialog:
    dialog = window.open_role(role_id)
    qtbot.addWidget(dialog)
    return dialog


def test_profile_shows_summary_level_with_track_and_rank_and_job_code(qtbot, window):
    widget = open_profile(qtbot, window, "fx/manager").profile_widget
    assert "Support Manager" in widget.title_label.text()
    assert widget.summary_label.text() == "Runs the customer service unit."
    assert widget.facts["Job level"].text() == "M02, management track"
    assert widget.facts["Job code"].text() == "FX003"
    assert widget.facts["Education"].text() == "Not published"
    assert widget.responsibilities_label.text() == "Not published"


def test_profile_lists_every_salary_entry_with_source_percentiles_and_as_of(qtbot, window):
    widget = open_profile(qtbot, window, "fx/manager").profile_widget
    assert widget.pay_rows() == [{
        "Source": "Fixture facts", "p10": "$60,000", "Median": "$80,000", "p90": "$110,000",
    }]
    # the one basis and region every row shares is said once, in the heading
    assert "Pay (US, base)" in widget.pay_heading.text()
    # one region for every band, and no date from any source: each said once, not on every row
    notes = open_profile(qtbot, window, "fx/manager").profile_widget.pay_notes.text()
    assert "As of: not stated by the source." in notes
    rep = open_profile(qtbot, window, "fx/rep").profile_widget
    assert [(r["Basis"], r["Median"]) for r in rep.pay_rows()] == [("base", "$40,000"), ("total", "$42,000")]


def test_pay_cells_wear_the_currency_symbol_and_mark_lower_bounds():
    band = SalaryBand(source="x", region="UK", currency="GBP", p50=35000, p90=239200, lower_bounds=("p90",),
                      as_of=dt.date(2024, 5, 1))
    entry = PayEntry(role_id="r", role_title="R", source_name="X", band=band)
    assert pay_cell(entry, "p50") == "£35,000"
    assert pay_cell(entry, "p90") == "at least £239,200"
    assert pay_cell(entry, "As of") == "May 2024"


def test_competencies_are_grouped_by_kind_each_on_its_own_scale(qtbot, window):
    widget = open_profile(qtbot, window, "fx/manager").profile_widget
    assert widget.competency_list.competency_rows() == [
        ("Core", "Products And Services", "4 of 5 - Extensive experience"),
        ("Job family", "Customer Escalation Management", "3 of 5 - Moderate experience"),
        ("Job family", "Customer Analytics", "3 of 5 - Moderate experience"),
    ]
    bar = widget.competency_list.find("Products And Services").bar
    assert bar.fraction == pytest.approx(0.75)
    assert widget.unpublished_label.text() == "1 more competency not published"


def test_expanding_a_competency_shows_every_level_with_the_required_one_highlighted(qtbot, window):
    dialog = open_profile(qtbot, window, "fx/manager")
    dialog.show()
    row = dialog.profile_widget.competency_list.find("Products And Services")
    assert not row.expanded
    qtbot.mouseClick(row.arrow, Qt.LeftButton)
    assert row.expanded and row.details.isVisible()
    assert row.behaviour_rows() == [
        ("Level 1 - General familiarity: Products behaviour at level 1.", False),
        ("Level 2 - Light experience: Products behaviour at level 2.", False),
        ("Level 3 - Moderate experience: Products behaviour at level 3.", False),
        ("Level 4 - Extensive experience: Products behaviour at level 4.", True),
        ("Level 5 - Mastery: Products behaviour at level 5.", False),
    ]
    assert "(required level)" in row.details.text()
    qtbot.mouseClick(row.arrow, Qt.LeftButton)
    assert not row.expanded


def test_a_fractional_onet_level_highlights_the_highest_behaviour_it_reaches(qtbot, window):
    widget = open_profile(qtbot, window, "fx/onet-csr").profile_widget
    assert widget.competency_list.competency_rows() == [("Skills", "Speaking", "3.88 of 7")]
    row = widget.competency_list.find("Speaking")
    assert row.behaviour_rows() == [("Level 2: Greet a visitor", True), ("Level 4: Explain a rule", False)]


def test_unpublished_competencies_are_counted_not_shown_as_zero(qtbot, window):
    widget = open_profile(qtbot, window, "fx/rep").profile_widget
    assert widget.unpublished_label.text() == "2 more competencies not published"
    island = open_profile(qtbot, window, "fx/island").profile_widget
    assert island.empty_competencies.isVisibleTo(island)
    assert not island.unpublished_label.isVisibleTo(island)


def test_a_role_without_competencies_gives_the_width_to_its_summary_and_pay(qtbot, window):
    dialog = open_profile(qtbot, window, "fx/island")
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = dialog.profile_widget
    pane = widget.empty_competencies.parentWidget()  # the competencies side, holding one sentence
    assert widget.empty_competencies.isVisible()
    assert pane.width() <= 320 and widget.width() - pane.width() > 2 * pane.width()


def test_sources_are_listed_as_plain_text_with_their_links(qtbot, window):
    widget = open_profile(qtbot, window, "fx/manager").profile_widget
    assert widget.sources_label.textFormat() == Qt.PlainText
    assert "Fixture facts - licence: CC0 - https://example.org/fixture" in widget.sources_label.text()


def test_the_small_band_chart_is_drawn_once_the_profile_is_shown(qtbot, window):
    dialog = open_profile(qtbot, window, "fx/manager")
    chart = dialog.profile_widget.pay_chart
    assert chart.canvas is None
    dialog.show()
    qtbot.waitUntil(lambda: chart.canvas is not None)
    assert chart.figure.axes


def test_plan_buttons_open_the_path_view_prefilled(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.view("Path"), "set_roles", lambda f, t: asked.append((f, t)), raising=False)
    dialog = open_profile(qtbot, window, "fx/lead")
    qtbot.mouseClick(dialog.profile_widget.plan_from_button, Qt.LeftButton)
    assert window.current_view_name() == "Path"
    dialog = open_profile(qtbot, window, "fx/manager")
    qtbot.mouseClick(dialog.profile_widget.plan_to_button, Qt.LeftButton)
    assert asked == [("fx/lead", None), (None, "fx/manager")]


def test_opening_the_same_role_twice_reuses_its_window(qtbot, window):
    first = open_profile(qtbot, window, "fx/lead")
    assert window.open_role("fx/lead") is first


def test_an_unknown_role_id_is_not_found(fixture_repo):
    with pytest.raises(RoleNotFound):
        role_profile(fixture_repo, "fx/nobody")


def test_profile_shows_the_wage_history_with_years_and_gaps(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "onet/43-4051.00"))
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.profile_widget.wage_history
    rows = panel.rows()
    releases = [r["Release"] for r in rows]
    assert releases[0] == "May 2020" and releases[-1] == "May 2024" and len(releases) >= 4
    assert all(r["Median"].startswith("$") for r in rows)
    assert rows[0]["Change"] == "" and "since May 20" in rows[1]["Change"]
    assert "from May 2020 to May 2024" in panel.notes_label.text()
    # the source is named as people read it, in the pay table and in the history
    assert dialog.profile_widget.pay_rows()[0]["Source"] == "BLS OEWS May 2024"

    dev = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "onet/15-1252.00"))
    qtbot.addWidget(dev)
    rows = {r["Release"]: r for r in dev.profile_widget.wage_history.rows()}
    assert rows["May 2020"]["Median"] == "no figure for this occupation"
    # no change is claimed from a year without a figure
    assert rows["May 2021"]["Change"] == "" and rows["May 2022"]["Change"].endswith("since May 2021")


def test_a_curated_role_borrows_its_linked_occupations_history_and_says_so(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "salary-com/chat-support-representative-i"))
    qtbot.addWidget(dialog)
    notes = dialog.profile_widget.wage_history.notes_label.text()
    assert "Customer Service Representatives (SOC 43-4051.00)" in notes and "linked to" in notes
    assert dialog.profile_widget.pay_rows()[0]["Source"] == "Salary.com"


def test_a_group_estimate_says_it_covers_the_group(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "onet/13-1022.00"))
    qtbot.addWidget(dialog)
    text = dialog.profile_widget.pay_notes.text()
    assert "one estimate for SOC 13-1020 Buyers and Purchasing Agents" in text
    assert "a group that includes this occupation" in dialog.profile_widget.wage_history.notes_label.text()


def test_job_zones_read_as_words(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "onet/43-4051.00"))
    qtbot.addWidget(dialog)
    assert dialog.profile_widget.facts["Job level"].text() == "Job Zone 2 (some preparation)"
    assert "JZ2" not in dialog.profile_widget.subtitle_label.text()


def test_two_captures_of_one_source_say_which_capture_they_are(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "salary-com/chat-support-manager"))
    qtbot.addWidget(dialog)
    sources = [row["Source"] for row in dialog.profile_widget.pay_rows()]
    assert "Salary.com · Main capture" in sources and "Salary.com · Second capture" in sources
    assert not any("(2)" in s for s in sources)


def test_a_role_without_ratings_says_so_once(qtbot, bundled_repo):
    from career_explorer.services.profile import role_profile
    from career_explorer.ui.panels.role_profile import RoleProfileDialog

    dialog = RoleProfileDialog(bundled_repo, role_profile(bundled_repo, "onet/15-1252.00"))
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.profile_widget
    assert widget.empty_competencies.text() == "O*NET 29.0 publishes no skill or knowledge ratings for this occupation."
    assert widget.empty_competencies.isVisible() and not widget.unpublished_label.isVisible()


def test_onet_profile_lists_most_important_first_and_says_not_relevant_instead_of_zero(qtbot, bundled_repo):
    csr = bundled_repo.role("onet/43-4051.00")
    win = MainWindow(bundled_repo)
    qtbot.addWidget(win)
    widget = open_profile(qtbot, win, csr.id).profile_widget
    assert "most important for this job first" in widget.competency_list.groups[0].text()
    skills = [row for row in widget.competency_list.rows if row.item.competency.kind.value == "skill"]
    rated = [row.item.requirement.importance for row in skills if not row.item.requirement.not_relevant]
    assert rated == sorted(rated, reverse=True) and rated[0] > rated[-1]
    flagged = [row for row in skills if row.item.requirement.not_relevant]
    assert flagged and all(row.level_label.text() == "Not relevant to this job" for row in flagged)
    # the flagged ones come after every rated one, never as "0 of 7" among them
    assert skills[-len(flagged):] == flagged
    assert not any(row.level_label.text().startswith("0 of") for row in skills)
