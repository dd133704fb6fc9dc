"""Evidence given with a rating shows in the history's differences, the plan text and the PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.services.gap_plan import gap_report
from career_explorer.services.plan_output import plan_json, plan_text
from career_explorer.services.plan_report import write_report
from career_explorer.ui.main_window import MainWindow
from tests.cohort_fixtures import add_cohort


def test_history_diff_shows_the_evidence_and_when_it_changed(qtbot, fixture_repo):
    window = MainWindow(fixture_repo)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("My plan")
    view.set_roles("fx/rep", "fx/manager")
    view.editor.set_rating("fx/products", 2, evidence="Answered 40 product chats")
    view.editor.set_rating("fx/escalation", 2)
    view.editor.save()
    view.editor.set_rating("fx/products", 3, evidence="Ran the product quiz")
    view.editor.set_rating("fx/escalation", 2, evidence="Took over two escalations")
    view.editor.save()
    view.tabs.setCurrentWidget(view.history)
    diff = view.history.diff
    rows = [[diff.item(r, c).text() for c in range(diff.columnCount())] for r in range(diff.rowCount())]
    # The level stayed on escalation, but new evidence is a difference worth seeing.
    assert rows == [["Customer Escalation Management", "2", "2", "", "Took over two escalations (new)"],
                    ["Products And Services", "2", "3", "+1", "Ran the product quiz (changed)"]]
    assert diff.item(1, 4).toolTip() == "Before: Answered 40 product chats"


def test_plan_text_json_and_pdf_carry_the_evidence(fixture_repo, tmp_path):
    store = UserStore.open()
    add_cohort(store)
    ana = store.person_named("Ana Lima")
    report = gap_report(fixture_repo, ana, store.latest_assessment(ana.id), "fx/manager")
    store.close()
    text = plan_text(report)
    assert "Evidence for the rating: Ana Lima evidence for fx/products" in text
    assert "Evidence behind the ratings:" in text
    assert plan_json(report)["gaps"][0]["evidence"] == "Ana Lima evidence for fx/products"
    pdf = write_report(report, tmp_path / "plan.pdf")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Evidence behind the ratings" in lines
    assert "Products And Services 2 Ana Lima evidence for fx/products" in lines
