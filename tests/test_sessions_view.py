"""Sessions in My plan: the Record session dialog, the history list, done marks in the plan, and the pack.

The done-when test of issue 14 is the last one: a cohort of three, a session recorded through the
dialog with an action ticked done, then the cohort table, the shared gaps, the tag filter and the pack.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from career_explorer.data.user_store import UserStore
from career_explorer.ui import messages
from career_explorer.ui.dialogs.session_dialog import SessionDialog
from career_explorer.ui.main_window import MainWindow
from tests.cohort_fixtures import add_cohort, open_my_plan

PEOPLE = ("Ana Lima", "Ben Okafor", "Cleo Park")


@pytest.fixture
def plan_view(qtbot, fixture_repo, monkeypatch):
    monkeypatch.setattr(messages, "show_error", lambda *a: pytest.fail(f"error shown: {a}"))
    store = UserStore.open()
    ids = add_cohort(store)
    store.set_mode("coach")
    store.set_action(ids["Ana Lima"], "fx/products", "Shadow the product owner")
    store.set_action(ids["Ana Lima"], "fx/analytics", "Read last month's dashboard")
    store.set_tags(ids["Ana Lima"], ["spring onboarding"])
    store.set_tags(ids["Ben Okafor"], ["spring onboarding"])
    store.close()
    view = open_my_plan(qtbot, fixture_repo)
    view.people.select(view.store.person_named("Ana Lima").id)
    return view


def fill_and_save(monkeypatch, discussed: str, agreed: str = "", tick: tuple[str, ...] = (),
                  on: dt.date = dt.date(2026, 3, 9), next_date=None, new: bool = True) -> list[SessionDialog]:
    """Make the next Record session dialog be filled in as a user would, then Save pressed."""
    shown: list[SessionDialog] = []

    def exec_(dialog: SessionDialog) -> int:
        shown.append(dialog)
        assert dialog.save_button.isEnabled() != new  # a new session starts with nothing written
        dialog.held_on.setDate(QDate(on.year, on.month, on.day))
        dialog.discussed.setPlainText(discussed)
        dialog.agreed.setPlainText(agreed)
        if next_date:
            dialog.has_next.setChecked(True)
            dialog.next_date.setDate(QDate(next_date.year, next_date.month, next_date.day))
        for competency in tick:
            dialog.tick(competency)
        assert dialog.save_button.isEnabled()
        return QDialog.Accepted

    monkeypatch.setattr(SessionDialog, "exec", exec_)
    return shown


def test_save_is_enabled_only_once_something_is_written_and_the_dates_are_right(qtbot):
    dialog = SessionDialog("Ana", [], today=dt.date(2026, 3, 9))
    qtbot.addWidget(dialog)
    assert dialog.held_on.date() == QDate(2026, 3, 9) and not dialog.save_button.isEnabled()
    dialog.discussed.setPlainText("   ")
    assert not dialog.save_button.isEnabled()
    dialog.agreed.setPlainText("Book a shadowing slot")
    assert dialog.save_button.isEnabled()
    dialog.has_next.setChecked(True)
    dialog.next_date.setDate(QDate(2026, 3, 1))
    assert not dialog.save_button.isEnabled() and "before the session" in dialog.problem.text()
    dialog.next_date.setDate(QDate(2026, 3, 23))
    assert dialog.save_button.isEnabled() and dialog.problem.isHidden()
    assert dialog.note().next_date == dt.date(2026, 3, 23)
    dialog.reject()  # Cancel closes it (an attribute once named `done` shadowed QDialog.done and crashed here)
    assert dialog.result() == QDialog.Rejected


def test_the_dialog_is_filled_from_the_keyboard(qtbot, fixture_repo):
    from career_explorer.domain.user import PlanAction
    from career_explorer.ui.dialogs.session_dialog import ActionChoice

    action = PlanAction(competency="fx/products", text="Shadow the product owner", updated=dt.datetime(2026, 3, 1))
    dialog = SessionDialog("Ana", [ActionChoice("fx/products", "Products And Services", action)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.discussed  # typing starts at once
    qtbot.keyClicks(dialog.discussed, "Goals")
    qtbot.keyClick(dialog.discussed, Qt.Key_Tab)  # Tab moves on rather than typing a tab
    assert dialog.focusWidget() is dialog.agreed and dialog.discussed.toPlainText() == "Goals"
    dialog.done_list.setFocus()
    dialog.done_list.setCurrentRow(0)
    qtbot.keyClick(dialog.done_list, Qt.Key_Space)
    assert dialog.ticked() == ["fx/products"] and dialog.save_button.isEnabled()


def test_record_a_session_see_it_in_history_and_the_action_done_after_a_restart(qtbot, plan_view, monkeypatch,
                                                                                fixture_repo):
    shown = fill_and_save(monkeypatch, "First month", "Book shadowing", tick=("fx/products",),
                          next_date=dt.date(2026, 3, 23))
    plan_view.history.record_button.click()
    [dialog] = shown
    offered = [dialog.done_list.item(i).text() for i in range(dialog.done_list.count())]
    assert offered == ["Products And Services: Shadow the product owner",
                       "Customer Analytics: Read last month's dashboard"]
    assert plan_view.history.rows()[-1] == ("2026-03-09 session - discussed: First month; agreed: Book shadowing; "
                                            "done: Products And Services; next: 2026-03-23")
    assert plan_view.history.rows()[0].endswith("(2 ratings)")  # the snapshot of 2026-03-02 comes first

    def plan_names(view) -> list[str]:
        return [view.gap_panel.plan.item(r, 1).text() for r in range(view.gap_panel.plan.rowCount())]
    assert any(t.startswith("Products And Services") and t.endswith("\u2713 Done 2026-03-09")
               for t in plan_names(plan_view))

    plan_view.window().close()
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    again = window.show_view("My plan")
    again.people.select(again.store.person_named("Ana Lima").id)
    assert any(t.endswith("\u2713 Done 2026-03-09") for t in plan_names(again))
    # Double-clicking the session opens it for editing; the edit replaces it rather than adding one.
    shown = fill_and_save(monkeypatch, "First month, revised", "Book shadowing", tick=("fx/products",), new=False)
    session_row = again.history.list.item(again.history.list.count() - 1)
    again.history.list.itemActivated.emit(session_row)
    assert shown[0].ticked() == ["fx/products"]
    assert [s.discussed for s in again.store.sessions(again.person.id)] == ["First month, revised"]

    # Delete it from the same dialog (after a Yes): the action is no longer marked done.
    monkeypatch.setattr(SessionDialog, "exec", lambda dialog: dialog.delete_button.click() or dialog.result())
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: "2026-03-09" in text)
    again.history.list.itemActivated.emit(again.history.list.item(again.history.list.count() - 1))
    assert again.store.sessions(again.person.id) == [] and again.history.list.count() == 1
    assert not any("\u2713" in t for t in plan_names(again))


def pdf_text(pdf, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True).stdout


def test_done_when_a_cohort_of_three_with_a_session_shows_in_the_table_the_shared_gaps_and_the_pack(
        qtbot, plan_view, monkeypatch, tmp_path):
    fill_and_save(monkeypatch, "Walked through the product catalogue", "Shadow the product owner on Friday",
                  tick=("fx/products",))
    plan_view.history.record_button.click()

    plan_view.tabs.setCurrentWidget(plan_view.cohort)
    cohort = plan_view.cohort
    model = cohort.model
    rows = [[model.headerData(r, Qt.Vertical)] + [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows == [
        ["Ana Lima", "Support Manager", "67% (2 of 3)", "+2", "not rated", "met"],
        ["Ben Okafor", "Support Manager", "39% (3 of 3)", "+1", "+2", "+1"],
        ["Cleo Park", "Support Team Lead", "50% (2 of 3)", "+2", "met", "not rated"],
    ]
    shared = [[cohort.shared.item(r, c).text() for c in range(3)] for r in range(cohort.shared.rowCount())]
    assert shared[0] == ["Products And Services", "3 of 3", "1.7 levels (of 1-5)"]

    cohort.tag_filter.setCurrentIndex(cohort.tag_filter.findText("spring onboarding"))
    assert [model.headerData(r, Qt.Vertical) for r in range(model.rowCount())] == ["Ana Lima", "Ben Okafor"]
    cohort.tag_filter.setCurrentIndex(0)
    assert model.rowCount() == 3

    pdf = tmp_path / "pack.pdf"
    with qtbot.waitSignal(cohort.pack_written, timeout=120_000):
        assert cohort.export_pack(pdf)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = " ".join(pdf_text(pdf).split())
    for name in PEOPLE:
        assert f"Development plan: {name}" in text
    rows = [" ".join(line.split()) for line in pdf_text(pdf, "-layout").splitlines()]
    assert "Products And Services 3 of 3 1.7 levels (of 1-5) level 2" in rows
    assert "Session of 2026-03-09 Discussed: Walked through the product catalogue" in text
    assert "Agreed: Shadow the product owner on Friday" in text
    assert "Done: Products And Services: Shadow the product owner" in text
    assert "Done: ticked in the session of 2026-03-09" in text
