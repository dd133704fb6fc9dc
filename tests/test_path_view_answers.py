"""The Path view on the bundled catalogue: what a person reads for the headline route, per issue 11."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from career_explorer.ui.panels.route_charts import TOP_ROWS
from career_explorer.ui.views.path_view import PathView

CSR_I = "salary-com/chat-support-representative-i"
CS_MANAGER = "salary-com/customer-service-manager"
IDS = re.compile(r"\b(salary-com|onet|career-explorer|seed)/|onet-29|salary-com\b")


@pytest.fixture
def headline(qtbot, bundled_repo):
    view = PathView(bundled_repo)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=10000):
        view.set_roles(CSR_I, CS_MANAGER)
    return view


def step_card(view, number: int):
    return next(c for c in view.step_cards() if c.heading.startswith(f"Step {number} of"))


def test_first_step_shows_the_onet_lens_jumps_credited_and_who_states_the_move(headline):
    text = step_card(headline, 1).text()
    assert "Chat Support Representative I (A02) → Customer Service Team Leader (S01)" in text
    assert "O*NET 43-4051.00 → 43-1011.00 (Customer Service Representatives → First-Line Supervisors" in text
    lens = text.index("O*NET 43-4051.00")
    jump = text.index("▲  Management of Personnel Resources  2.12 → 3.75 (+1.63) · importance 3.8 of 5")
    assert lens < jump
    assert "Coordination 3 → 3.75" in text
    assert "Who says so: This catalogue's own inference" in text
    assert "No levels are published for Customer Service Team Leader" in text
    # What the roles' own source leaves out sits with that source, before the O*NET lens.
    assert text.index("10 more competencies not published for Chat Support Representative I") < lens
    assert "44% of them; O*NET 29.0" in text
    assert "for example, at level 3: Interview applicants for an administrative position" in text
    assert "you must be able to" not in text


def test_a_step_between_roles_sharing_one_twin_says_the_data_cannot_tell_them_apart(headline):
    text = step_card(headline, 2).text()
    assert ("O*NET 43-1011.00: both roles are First-Line Supervisors of Office and Administrative Support Workers "
            "there, so the public data does not tell the two apart.") in text
    assert "0 → 0" not in text and "(+0)" not in text


def test_route_table_shows_names_and_no_column_is_the_same_on_every_row(headline):
    model = headline.routes_table.model()
    assert model.rowCount() == 5
    columns = [[model.index(r, c).data() for r in range(model.rowCount())] for c in range(model.columnCount())]
    assert [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())] == [
        "Route", "Pay per step", "Skill gap", "Why"]
    for column in columns:
        assert len(set(column)) > 1, column
    # Long titles are cut at a word; the row's tooltip names every role in full.
    assert columns[0][:2] == ["via Customer Service Team Leader",
                              "via Customer Retention … → Customer Service Team Leader"]
    tip = model.index(1, 0).data(Qt.ToolTipRole)
    assert "Customer Retention Representative II → Customer Service Team Leader" in tip
    assert columns[1][0] == "+$19.5k, +$37.3k"
    assert "pay not published" in columns[1] and not any(re.search(r"\$0\b", c) for c in columns[1])
    assert re.fullmatch(r"\d+ big jumps?, \d+ small", columns[2][0])
    assert columns[3][0].startswith("Most plausible: 2 steps")


def test_nothing_on_screen_shows_an_id(headline):
    model = headline.routes_table.model()
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    shown += [card.text() for card in headline.step_cards()]
    shown += [t.get_text() for ax in headline.skill_chart.figure.axes
              for t in ax.get_yticklabels() + ax.get_xticklabels()]
    offenders = [text for text in shown if IDS.search(text)]
    assert offenders == []


def test_also_changes_is_folded_until_opened_from_the_keyboard(qtbot, headline):
    card = step_card(headline, 1)
    assert "▸ Also changes (9)" in card.text() and "Quality Control Analysis" not in card.text()
    timeline = headline.timeline
    timeline.setFocus()
    link = f"also:{card.index}:1"
    for _ in range(20):  # Tab walks the links of the cards, top to bottom
        qtbot.keyClick(timeline, Qt.Key_Tab)
        if timeline.textCursor().charFormat().anchorHref() == link:
            break
    assert timeline.textCursor().charFormat().anchorHref() == link
    qtbot.keyClick(timeline, Qt.Key_Return)
    text = step_card(headline, 1).text()
    assert "▾ Also changes (9)" in text and "Quality Control Analysis" in text
    qtbot.keyClick(timeline, Qt.Key_Return)  # the same link folds it again
    assert "Quality Control Analysis" not in step_card(headline, 1).text()


def test_heatmap_shows_the_top_rows_in_card_order_until_show_all(qtbot, headline):
    names = lambda: [t.get_text() for t in headline.skill_chart.figure.axes[0].get_yticklabels()]  # noqa: E731
    shown = names()
    assert len(shown) == TOP_ROWS
    # The whole-route card's jumps lead: its own Salary.com jump, then the O*NET lens, biggest weight first.
    assert shown[:3] == ["Products And Services (1–5)", "Management of Personnel Resources (0–7)",
                         "Personnel and Human Resources (0–7)"]
    button = headline.show_all_button
    assert button.isVisible() and re.fullmatch(r"Show &all \d+", button.text())
    total = int(button.text().split()[-1])
    with qtbot.waitSignal(headline.skill_chart.drawn, timeout=10000):
        qtbot.mouseClick(button, Qt.LeftButton)
    assert len(names()) == total > TOP_ROWS
    assert names()[:TOP_ROWS] == shown
    with qtbot.waitSignal(headline.skill_chart.drawn, timeout=10000):
        button.setFocus()
        qtbot.keyClick(button, Qt.Key_Space)
    assert len(names()) == TOP_ROWS


def page_texts(pages) -> str:
    """The pages' words in order; lines a table cell or paragraph wrapped are joined again."""
    return " ".join(page.words() for page in pages)


def test_route_report_pages_lead_each_step_with_what_matters_and_name_the_sources(headline):
    from career_explorer.services.route_pages import route_report_pages

    text = page_texts(route_report_pages(headline.current_route))
    step = text.index("Step 1 of 2: Chat Support Representative I → Customer Service Team Leader")
    lens = text.index("O*NET 43-4051.00 → 43-1011.00", step)
    # What the roles' own source leaves out sits with that source, before the O*NET lens.
    assert step < text.index("10 more competencies not published for Chat Support Representative I", step) < lens
    assert text.index("Management of Personnel", lens) < text.index("About the same (43)", lens)
    assert "This catalogue's own inference" in text[step:]
    assert "for example, at level 3: Interview applicants for an administrative position" in text
    assert "O*NET 43-1011.00: both roles are First-Line Supervisors" in text
    assert "44% of them; O*NET 29.0" in text
    assert "you must be able to" not in text and not IDS.search(text)


def test_export_route_report_writes_a_pdf_where_the_user_chose(qtbot, headline, tmp_path, monkeypatch):
    from career_explorer.ui.views import path_view

    target = tmp_path / "route.pdf"
    asked = []
    monkeypatch.setattr(path_view, "ask_report_path", lambda parent, stem: asked.append(stem) or target)
    assert headline.report_button.isEnabled()
    with qtbot.waitSignal(headline.report_written, timeout=30000):
        qtbot.mouseClick(headline.report_button, Qt.LeftButton)
    assert asked == ["route-chat-support-representative-i-to-customer-service-manager"]
    assert target.read_bytes()[:4] == b"%PDF"


def test_writing_the_route_report_shows_a_wait_cursor_until_it_is_done(qtbot, headline, tmp_path, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from career_explorer.services import route_pages
    from career_explorer.ui.views import path_view

    seen = []

    def slow_write(route, path):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        path.write_bytes(b"%PDF-1.4\n")

    monkeypatch.setattr(path_view, "ask_report_path", lambda parent, stem: tmp_path / "route.pdf")
    monkeypatch.setattr(route_pages, "write_route_report", slow_write)
    assert headline.export_report() == tmp_path / "route.pdf"
    assert seen == [Qt.WaitCursor]  # while the PDF is written, the user sees it is working
    assert QGuiApplication.overrideCursor() is None  # and the cursor is back afterwards


def test_an_onet_move_says_who_lists_it_once_in_words(qtbot, bundled_repo):
    view = PathView(bundled_repo)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    with qtbot.waitSignals([view.pay_chart.drawn, view.skill_chart.drawn], timeout=10000):
        view.set_roles("onet/15-1254.00", "onet/11-3021.00")
    text = step_card(view, 1).text()
    assert re.search(r"Who says so: O\*NET lists it as [a-z ]+related occupation, \d+(st|nd|rd|th) on its list", text)
    assert text.count("lists it as") == 1
    assert "Primary-" not in text and "Supplemental" not in text


def test_the_first_route_search_shows_a_wait_cursor_while_the_moves_are_read(qtbot, bundled_repo, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from career_explorer.services import routes

    view = PathView(bundled_repo)
    qtbot.addWidget(view)
    view.finder = routes.RouteFinder(bundled_repo)  # nothing read yet, as on a freshly opened catalogue
    cursors = []
    real_find = view.finder.find

    def find(*args, **kwargs):
        cursor = QGuiApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return real_find(*args, **kwargs)

    monkeypatch.setattr(view.finder, "find", find)
    view.set_roles(CSR_I, CS_MANAGER)
    view.set_roles("onet/15-1254.00", "onet/11-3021.00")
    assert cursors == [Qt.WaitCursor, None]  # once read, searches are quick and show no cursor
    assert QGuiApplication.overrideCursor() is None
