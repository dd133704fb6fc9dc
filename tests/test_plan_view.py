"""My plan in the GUI: rate, save, reopen, see the gap and plan, export the PDF; people, import, history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from career_explorer.data.user_store import STORE_NAME, UserStore
from career_explorer.services.routes import find_routes
from career_explorer.ui import messages
from career_explorer.ui.dialogs import plan_dialogs
from career_explorer.ui.main_window import MainWindow
from career_explorer.ui.views.plan_view import PlanView


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: errors.append(f"{title}: {text}"))
    return errors


def open_plan(qtbot, repo) -> tuple[MainWindow, PlanView]:
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("My plan")
    qtbot.waitExposed(window)
    assert isinstance(view, PlanView)
    return window, view


def cell(table, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item else ""


def column(table, col: int) -> list[str]:
    return [cell(table, r, col) for r in range(table.rowCount())]


def rate(qtbot, editor, competency: str, level: int) -> None:
    editor.table.selectRow(editor.row_of(competency))
    qtbot.mouseClick(editor.level_group.button(level), Qt.LeftButton)


def test_rate_save_reopen_see_gap_and_plan_and_export_pdf(qtbot, fixture_repo, monkeypatch, tmp_path):
    window, view = open_plan(qtbot, fixture_repo)
    assert view.person.name == "me" and not view.people.isVisible()  # an individual keeps one person
    view.set_roles("fx/rep", "fx/manager")
    editor = view.editor
    assert column(editor.table, 0) == ["Products And Services", "Customer Escalation Management", "Customer Analytics"]

    editor.table.selectRow(editor.row_of("fx/products"))
    shown = [w.text() for w in editor.levels_box.findChildren(QLabel)]
    assert "Products behaviour at level 3." in shown and "Products behaviour at level 5." in shown
    rate(qtbot, editor, "fx/products", 2)
    qtbot.keyClicks(editor.note_edit, "Knows the catalogue")
    editor.evidence_edit.setPlainText("Answered 40 product chats")
    rate(qtbot, editor, "fx/escalation", 3)
    assert "unsaved changes" in editor.status.text()
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    assert "1 snapshot, last saved" in editor.status.text()
    window.close()

    window, view = open_plan(qtbot, fixture_repo)  # reopen: everything comes back from the store
    editor = view.editor
    assert column(editor.table, 2) == ["2", "3", "not rated"]
    editor.table.selectRow(editor.row_of("fx/products"))
    assert editor.note_edit.text() == "Knows the catalogue"
    assert editor.evidence_edit.toPlainText() == "Answered 40 product chats"
    assert editor.level_group.checkedId() == 2

    view.tabs.setCurrentWidget(view.gap_panel)
    panel = view.gap_panel
    assert "67%" in panel.readiness_label.text()  # over the 2 rated competencies: (1/3 + 1) / 2
    assert panel.coverage_label.text() == "<b>2 of 3 comparable; 1 more not published by the source</b>"
    assert panel.explanation.text().startswith("Based on 2 of 3 competencies of Support Manager that you have rated")
    rows = [column(panel.gaps, c) for c in range(7)]
    gap_rows = list(zip(*rows))
    assert ("Products And Services", "1-5", "2", "4", "+2", "", "to grow") in gap_rows
    assert ("Customer Escalation Management", "1-5", "3", "3", "0", "", "met") in gap_rows
    assert column(panel.plan, 1)[0].startswith("Products And Services")
    assert "Level 3: Products behaviour at level 3." in cell(panel.plan, 0, 2)
    assert "Support Team Lead" in panel.route_label.text()
    assert column(panel.closest, 0)[0] == "Support Representative (A02)\n2 of 2 comparable (+2 not named)"
    assert column(panel.closest, 1)[0] == "100%"
    panel.set_action("fx/products", "Shadow the product owner")
    assert view.store.actions(view.person.id)["fx/products"].text == "Shadow the product owner"

    pdf = tmp_path / "plan.pdf"
    monkeypatch.setattr(plan_dialogs, "ask_save_path", lambda *args: pdf)
    with qtbot.waitSignal(view.pdf_exported, timeout=60000) as done:
        qtbot.mouseClick(view.export_pdf_button, Qt.LeftButton)
    assert done.args == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        lines = [" ".join(line.split()) for line in text.splitlines()]
        for words in ("Development plan: me", "Support Representative (A02)", "Support Manager (M02)",
                      "Gap to Support Manager", "Action: Shadow the product owner"):
            assert any(words in line for line in lines), words
        assert "Products And Services 1-5 2 4 +2 to grow" in lines
        assert "Customer Analytics 1-5 not rated 3 +2 not rated" in lines


def test_older_snapshots_stay_and_history_shows_differences(qtbot, fixture_repo):
    window, view = open_plan(qtbot, fixture_repo)
    view.set_roles("fx/rep", "fx/lead")
    view.editor.set_rating("fx/products", 1)
    first = view.editor.save("start")
    view.editor.set_rating("fx/products", 3)
    view.editor.set_rating("fx/analytics", 2)
    view.editor.set_rating("fx/escalation", None)
    view.editor.save()
    snaps = view.store.assessments(view.person.id)
    assert [s.id for s in snaps][0] == first.id and snaps[0].levels() == {"fx/products": 1}
    view.tabs.setCurrentWidget(view.history)
    history = view.history
    assert history.list.count() == 2 and "start" in history.list.item(0).text()
    assert column(history.diff, 0) == ["Customer Analytics", "Products And Services"]
    assert column(history.diff, 3) == ["", "+2"] and column(history.diff, 1) == ["not rated", "1"]
    qtbot.waitUntil(lambda: history.chart.canvas is not None, timeout=5000)
    history.compare(1, 1)
    assert history.diff.rowCount() == 0 and history.diff_note.text() == "The same snapshot."


def test_coach_keeps_many_people_with_add_rename_archive_and_delete(qtbot, fixture_repo, monkeypatch, private_home):
    window, view = open_plan(qtbot, fixture_repo)
    view.coach_mode.setChecked(True)
    assert view.people.isVisible() and view.store.mode() == "coach"
    names = iter(["Ana", "Bo", "Bo Lee"])
    monkeypatch.setattr(plan_dialogs, "ask_text", lambda *args: next(names))
    view.people.add()
    view.people.add()
    assert view.people.names() == ["Ana", "Bo", "me"] and view.person.name == "Bo"
    view.people.rename()
    assert view.person.name == "Bo Lee"
    view.people.toggle_archived()
    assert "Bo Lee" not in view.people.names()
    view.people.show_archived.setChecked(True)
    assert "Bo Lee (archived)" in view.people.names()

    view.people.select(view.store.find_person("Ana").id)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: asked.append(text) or False)
    view.people.delete()
    assert view.store.find_person("Ana") is not None  # cancelled: nothing happens
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: True)
    view.people.delete()
    assert view.store.find_person("Ana") is None and "Ana" not in view.people.names()
    [export] = (private_home / "deleted-exports").glob("ana-*.json")
    assert '"name": "Ana"' in export.read_text() and "exported first" in view.banner.text()


def test_import_shows_what_it_adds_before_writing(qtbot, fixture_repo, monkeypatch, tmp_path):
    source = UserStore.open(tmp_path / "other.sqlite")
    person = source.add_person("Cy", "fx/rep")
    from career_explorer.data.user_store import now
    from career_explorer.domain.user import Assessment, Rating
    from career_explorer.services.person_transfer import export_person

    source.add_assessment(person.id, Assessment(taken=now(), ratings=(Rating(competency="fx/products", level=2),)))
    export = export_person(source, person.id, tmp_path / "cy.json")
    window, view = open_plan(qtbot, fixture_repo)
    monkeypatch.setattr(plan_dialogs, "ask_open_path", lambda *args: export)
    previews = []
    monkeypatch.setattr(plan_dialogs, "confirm_import", lambda parent, preview: previews.append(preview) or False)
    assert view.import_person() is None
    assert previews[0].lines()[:2] == ["Add a new person 'Cy'", "1 new assessment snapshot(s)"]
    assert view.store.find_person("Cy") is None  # previewed, nothing written
    dialog = plan_dialogs.ImportPreviewDialog(previews[0])
    qtbot.addWidget(dialog)
    assert "Add a new person" in dialog.findChild(QLabel).text() and dialog.import_button.isEnabled()

    monkeypatch.setattr(plan_dialogs, "confirm_import", lambda parent, preview: True)
    imported = view.import_person()
    assert imported.name == "Cy" and view.store.mode() == "coach" and view.person.name == "Cy"
    assert len(view.store.assessments(imported.id)) == 1


def test_malformed_import_is_reported_and_writes_nothing(qtbot, fixture_repo, monkeypatch, tmp_path,
                                                        no_blocking_dialogs):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "career-explorer/person", "version": 1}')
    window, view = open_plan(qtbot, fixture_repo)
    monkeypatch.setattr(plan_dialogs, "ask_open_path", lambda *args: bad)
    assert view.import_person() is None
    assert no_blocking_dialogs and "malformed person export" in no_blocking_dialogs[0]
    assert [p.name for p in view.store.people()] == ["me"]


def test_route_from_the_path_view_becomes_the_target(qtbot, fixture_repo):
    window, view = open_plan(qtbot, fixture_repo)
    view.set_roles("fx/rep", None)
    route = find_routes(fixture_repo, "fx/rep", "fx/manager").routes[0]
    assert view.use_path_route(route)
    target = view.store.target(view.person.id)
    assert target.role_id == "fx/manager" and target.route == ("fx/rep", "fx/lead", "fx/manager")
    assert view.store.routes(view.person.id)[0].role_ids == target.route
    assert view.tabs.currentWidget() is view.gap_panel and "Path view" in view.gap_panel.route_label.text()


def test_corrupt_store_is_moved_aside_and_the_user_told(qtbot, fixture_repo, monkeypatch, private_home):
    (private_home / STORE_NAME).write_bytes(b"not a database" * 20)
    told: list[str] = []
    monkeypatch.setattr(plan_dialogs, "inform", lambda parent, title, text: told.append(text))
    window, view = open_plan(qtbot, fixture_repo)
    assert told and ".corrupt-" in told[0] and str(private_home) in told[0]
    assert view.banner.isVisible() and ".corrupt-" in view.banner.text()
    moved = list(Path(private_home).glob(STORE_NAME + ".corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == b"not a database" * 20
    assert view.person.name == "me"  # an empty store, working


def test_pdf_export_can_be_cancelled_without_leaving_a_file(qtbot, fixture_repo, monkeypatch, tmp_path):
    window, view = open_plan(qtbot, fixture_repo)
    view.set_roles("fx/rep", "fx/manager")
    pdf = tmp_path / "plan.pdf"
    monkeypatch.setattr(plan_dialogs, "ask_save_path", lambda *args: pdf)
    with qtbot.waitSignal(view.pdf_failed, timeout=60000) as failed:
        assert view.export_pdf()
        view._cancel_pdf()
    assert failed.args == [""] and not pdf.exists() and not list(tmp_path.glob(".*.tmp"))
    assert view.export_pdf_button.isEnabled()


def test_a_store_from_a_newer_app_leaves_the_view_usable_and_says_so(qtbot, fixture_repo, monkeypatch,
                                                                    private_home):
    import sqlite3

    from career_explorer.data.user_migrations import LATEST

    conn = sqlite3.connect(private_home / STORE_NAME)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    told: list[str] = []
    monkeypatch.setattr(plan_dialogs, "inform", lambda parent, title, text: told.append(text))
    window, view = open_plan(qtbot, fixture_repo)
    assert told and "newer Career Explorer" in told[0] and "will be saved" in view.banner.text()
    assert view.person.name == "me"


def test_behaviour_texts_show_apostrophes_not_html_escapes(qtbot, bundled_repo):
    window, view = open_plan(qtbot, bundled_repo)
    view.set_roles("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
    editor = view.editor
    shown = []
    for row in range(editor.table.rowCount()):
        editor.table.selectRow(row)
        shown += [w.text() for w in editor.levels_box.findChildren(QLabel)]
    assert any("organisation's" in text for text in shown)
    assert not any("&#x27;" in text or "&amp;" in text for text in shown)


def test_history_chart_shows_not_rated_to_a_level_and_keeps_lines_apart():
    import datetime as dt

    from career_explorer.charts.plan_charts import history_figure
    from career_explorer.domain.plan import RatingHistory, RatingSeries

    taken = tuple(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=30 * i) for i in range(3))
    same = [RatingSeries(competency=f"c{i}", name=f"Skill {i}", scale_min=1, scale_max=5,
                         points=((0, 2), (1, 2), (2, 2))) for i in range(2)]
    late = RatingSeries(competency="late", name="Rated later", scale_min=1, scale_max=5, points=((1, 3), (2, 3)))
    figure = history_figure(RatingHistory(taken=taken, series=tuple(same + [late])))
    ax = figure.axes[0]
    assert "not rated" in [t.get_text() for t in ax.get_yticklabels()]
    dotted = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert len(dotted) == 1 and list(dotted[0].get_ydata())[1] > list(dotted[0].get_ydata())[0]
    first, second = (line for line in ax.get_lines() if line.get_label() in ("Skill 0", "Skill 1"))
    assert list(first.get_ydata()) != list(second.get_ydata())  # equal ratings do not hide each other
    colours = {line.get_color() for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert len(colours) == 3


def test_rate_with_the_keyboard_and_save_only_when_something_changed(qtbot, fixture_repo):
    window, view = open_plan(qtbot, fixture_repo)
    view.set_roles("fx/rep", "fx/manager")
    editor = view.editor
    assert not editor.save_button.isEnabled()  # nothing changed yet
    editor.table.setFocus()
    editor.table.selectRow(editor.row_of("fx/products"))
    qtbot.keyClick(editor.table, Qt.Key_3)
    assert editor.state["fx/products"].level == 3 and cell(editor.table, editor.row_of("fx/products"), 2) == "3"
    qtbot.keyClick(editor.table, Qt.Key_9)  # outside the 1-5 scale: ignored
    assert editor.state["fx/products"].level == 3
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    assert not editor.save_button.isEnabled()
    qtbot.keyClick(editor.table, Qt.Key_Delete)
    assert "fx/products" not in editor.state and editor.save_button.isEnabled()


def test_add_person_works_without_coach_mode_and_shows_the_list(qtbot, fixture_repo, monkeypatch):
    window, view = open_plan(qtbot, fixture_repo)
    assert not view.coach_mode.isChecked() and not view.people.isVisible()
    assert view.add_person_button.isVisible()
    monkeypatch.setattr(plan_dialogs, "ask_text", lambda *args, **kwargs: "Bea")
    qtbot.mouseClick(view.add_person_button, Qt.LeftButton)
    assert view.people.isVisible() and view.people.names() == ["Bea", "me"]
    assert view.person.name == "Bea" and "Bea" in view.person_label.text()
    assert not view.coach_mode.isChecked()  # no mode was needed


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_gap_table_names_one_scale_in_its_headers_and_never_scrolls_sideways(qtbot, bundled_repo, size):
    window, view = open_plan(qtbot, bundled_repo)
    window.resize(*size)
    view.set_roles("salary-com/chat-support-representative-i", "salary-com/customer-service-manager")
    panel = view.gap_panel
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.gaps.rowCount() > 0)
    qtbot.wait(50)
    headers = [panel.gaps.horizontalHeaderItem(c).text() for c in range(panel.gaps.columnCount())
               if not panel.gaps.isColumnHidden(c)]
    assert "Scale" not in headers and "Rating (1-5)" in headers and "Required (1-5)" in headers
    assert not panel.gaps.horizontalScrollBar().isVisible()
    # The one-line preview of the next behaviours shows where there is room for it.
    assert ("Next behaviours" in headers) == (size[0] >= 1280)


def test_history_differences_fit_a_1024_window_without_scrolling_sideways(qtbot, fixture_repo):
    window, view = open_plan(qtbot, fixture_repo)
    window.resize(1024, 700)
    view.coach_mode.setChecked(True)  # a coach's list of people takes width from the pane too
    view.set_roles("fx/rep", "fx/lead")
    view.editor.set_rating("fx/products", 1)
    view.editor.save("start")
    view.editor.set_rating("fx/products", 3)
    view.editor.save()
    view.tabs.setCurrentWidget(view.history)
    qtbot.wait(100)
    diff = view.history.diff
    assert column(diff, 0) == ["Products And Services"]
    assert not diff.horizontalScrollBar().isVisible()
    assert diff.columnWidth(0) >= diff.fontMetrics().horizontalAdvance("Products")
