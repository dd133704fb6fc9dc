"""The Cohort tab of My plan: a cohort of three, its table and shared gaps, opening a person, the pack."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from career_explorer.data.user_store import UserStore
from career_explorer.ui import messages
from career_explorer.ui.cohort.cohort_model import COMPETENCY_ROLE, FIRST_COMPETENCY
from career_explorer.ui.dialogs import plan_dialogs
from tests.cohort_fixtures import add_cohort, open_my_plan


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: errors.append(f"{title}: {text}"))
    return errors


@pytest.fixture
def cohort_view(qtbot, fixture_repo):
    store = UserStore.open()
    add_cohort(store)
    store.set_mode("coach")
    store.close()
    view = open_my_plan(qtbot, fixture_repo)
    view.tabs.setCurrentWidget(view.cohort)
    return view


def texts(model) -> list[list[str]]:
    """Each row as a user reads it: the person's name (the row's header), then the cells."""
    return [[model.headerData(r, Qt.Vertical)] + [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_cohort_tab_shows_each_persons_gap_and_the_shared_gaps(cohort_view):
    cohort = cohort_view.cohort
    model = cohort.model
    assert cohort_view.tabs.isTabVisible(cohort_view.tabs.indexOf(cohort))
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Target role", "Ready\n(compared)", "Products And\nServices", "Customer\nAnalytics",
                       "Customer\nEscalation\nManagement"]
    assert texts(model) == [
        ["Ana Lima", "Support Manager", "67% (2 of 3)", "+2", "not rated", "met"],
        ["Ben Okafor", "Support Manager", "39% (3 of 3)", "+1", "+2", "+1"],
        ["Cleo Park", "Support Team Lead", "50% (2 of 3)", "+2", "met", "not rated"],
    ]
    assert model.index(0, 1).data(Qt.ToolTipRole).startswith("2 of 3 comparable; 1 more not published by the source.")
    # Coloured by the gap; an unknown is grey, not the colour of a zero gap.
    met, unknown = model.index(0, FIRST_COMPETENCY + 2), model.index(0, FIRST_COMPETENCY + 1)
    assert met.data(Qt.BackgroundRole).name() == "#d5eedb"
    assert unknown.data(Qt.BackgroundRole).name() == "#e4e7eb"
    assert "Evidence: Ana Lima evidence for fx/products" in model.index(0, FIRST_COMPETENCY).data(Qt.ToolTipRole)
    shared = cohort.shared
    rows = [[shared.item(r, c).text() for c in range(shared.columnCount())] for r in range(shared.rowCount())]
    assert rows[0] == ["Products And Services", "3 of 3", "1.7 levels (of 1-5)", "",
                       "At level 2: Products behaviour at level 2."]
    assert [r[0] for r in rows] == ["Products And Services", "Customer Analytics", "Customer Escalation Management"]


def test_sort_filter_and_open_a_person_at_a_competency(qtbot, cohort_view):
    cohort = cohort_view.cohort
    model = cohort.model
    cohort.sort_by_section(FIRST_COMPETENCY + 1)  # Customer Analytics: +2, then met, then not rated
    assert [r[0] for r in texts(model)] == ["Ben Okafor", "Cleo Park", "Ana Lima"]
    assert cohort.sort_choice.currentText() == "Gap in Customer Analytics"
    cohort.role_filter.setCurrentIndex(cohort.role_filter.findText("Support Team Lead"))
    assert [r[0] for r in texts(model)] == ["Cleo Park"]
    assert cohort.summary.text().startswith("<b>1 person</b> aiming for Support Team Lead")
    cohort.role_filter.setCurrentIndex(0)
    row = next(r for r in range(model.rowCount()) if model.headerData(r, Qt.Vertical) == "Ben Okafor")
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal, COMPETENCY_ROLE)
               == "fx/escalation")
    rect = cohort.view.visualRect(model.index(row, col))
    qtbot.mouseClick(cohort.view.viewport(), Qt.LeftButton, pos=rect.center())
    assert cohort_view.person.name == "Ben Okafor"
    assert cohort_view.tabs.currentWidget() is cohort_view.editor
    editor = cohort_view.editor
    assert editor.table.currentRow() == editor.row_of("fx/escalation")


def test_cohort_pack_from_the_gui(qtbot, cohort_view, monkeypatch, tmp_path, no_blocking_dialogs):
    pdf = tmp_path / "pack.pdf"
    monkeypatch.setattr(plan_dialogs, "ask_save_path", lambda *args: pdf)
    cohort = cohort_view.cohort
    with qtbot.waitSignal(cohort.pack_written, timeout=120000) as done:
        qtbot.mouseClick(cohort.pack_button, Qt.LeftButton)
    assert done.args == [pdf] and pdf.read_bytes().startswith(b"%PDF") and not no_blocking_dialogs
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for name in ("Ana Lima", "Ben Okafor", "Cleo Park"):
        assert f"Development plan: {name}" in lines
    assert "Products And Services 3 of 3 1.7 levels (of 1-5) level 2" in lines
    assert "Customer Analytics 1 of 3 2.0 levels (of 1-5) 1 level 2" in lines
    assert "Customer Escalation Management 1 of 3 1.0 levels (of 1-5) 1 level 3" in lines


def test_export_the_cohort_shown_and_import_people_after_a_preview(cohort_view, monkeypatch, tmp_path):
    import json

    from career_explorer.services.cohort_transfer import export_cohort
    from career_explorer.ui.cohort import transfer_dialogs

    cohort = cohort_view.cohort
    cohort.role_filter.setCurrentIndex(cohort.role_filter.findText("Support Team Lead"))
    out = tmp_path / "cohort.json"
    monkeypatch.setattr(plan_dialogs, "ask_save_path", lambda *args: out)
    assert cohort.export_cohort() == out
    assert [r["person"]["name"] for r in json.loads(out.read_text())["records"]] == ["Cleo Park"]

    other = UserStore.open(tmp_path / "other.sqlite")
    dana = other.add_person("Dana New", "fx/rep")
    export_cohort(other, [dana.id], tmp_path / "dana.json")
    other.close()
    shown = []
    monkeypatch.setattr(transfer_dialogs, "confirm_many", lambda parent, previews: shown.append(previews) or False)
    assert cohort.import_people([tmp_path / "dana.json"]) == []  # cancelled: nothing written
    assert shown[0][0].lines()[0] == "Add a new person 'Dana New'"
    assert "Dana New" not in cohort_view.people.names()
    monkeypatch.setattr(transfer_dialogs, "confirm_many", lambda parent, previews: True)
    assert [p.name for p in cohort.import_people([tmp_path / "dana.json"])] == ["Dana New"]
    assert "Dana New" in cohort_view.people.names()
    assert "no target role yet: Dana New" in cohort.summary.text()
