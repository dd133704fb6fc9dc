"""`person session` and `person history`, and the sessions in `plan` and the PDF report."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from career_explorer.data.user_store import UserStore
from tests.cohort_fixtures import add_cohort


@pytest.fixture
def ana():
    store = UserStore.open()
    pid = add_cohort(store)["Ana Lima"]
    store.set_action(pid, "fx/products", "Shadow the product owner")
    store.close()
    return pid


def test_record_a_session_with_an_action_done_and_see_it_in_history_and_the_plan(cli, ana):
    code, out, err = cli("person", "session", "Ana Lima", "--discussed", "First month", "--agreed", "Book shadowing",
                         "--next", "2026-03-23", "--done", "products and services", "--on", "2026-03-09")
    assert (code, err) == (0, "")
    assert out == "Saved the session of 2026-03-09 for Ana Lima; done: Products And Services.\n"
    cli("person", "session", "Ana Lima", "--discussed", "Check-in", "--on", "2026-03-01")

    code, out, err = cli("person", "history", "Ana Lima")
    first, snapshot, last = out.splitlines()
    assert first == "2026-03-01 session - discussed: Check-in"
    assert snapshot.startswith("2026-03-02") and snapshot.endswith("snapshot (2 ratings)")
    assert last == ("2026-03-09 session - discussed: First month; agreed: Book shadowing; done: Products And Services; "
                    "next: 2026-03-23")
    data = json.loads(cli("person", "history", "Ana Lima", "--json")[1])
    assert [e["kind"] for e in data] == ["session", "snapshot", "session"]
    assert data[2]["done"] == ["Products And Services: Shadow the product owner"]

    code, out, err = cli("plan", "Ana Lima")
    assert "Done: ticked in the session of 2026-03-09" in out
    sessions = out[out.index("Sessions (most recent first):"):]
    assert sessions.index("Session of 2026-03-09") < sessions.index("Session of 2026-03-01")
    assert "Done: Products And Services: Shadow the product owner" in sessions


def test_a_session_that_cannot_be_saved_is_one_line_and_exit_2(cli, ana):
    for argv, words in [
        (("--discussed", "x", "--done", "Juggling"), "no development action for 'Juggling' (actions: Products And "
                                                     "Services)"),
        (("--discussed", "x", "--on", "2026-02-30"), "'2026-02-30' is not a date"),
        (("--discussed", "x", "--on", "2026-03-09", "--next", "2026-03-01"), "is before the session"),
        (("--discussed", "  "), "a session needs what was discussed"),
        (("--agreed", "x"), "--discussed"),
    ]:
        code, out, err = cli("person", "session", "Ana Lima", *argv)
        assert code == 2 and err.count("\n") == 1 and words in err, (argv, err)
    store = UserStore.open()
    assert store.sessions(ana) == []


def test_the_pdf_report_has_a_sessions_section(cli, ana, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    cli("person", "session", "Ana Lima", "--discussed", "Walked through escalations", "--done", "Products And Services",
        "--on", "2026-03-09")
    pdf = tmp_path / "ana.pdf"
    assert cli("report", "Ana Lima", "-o", str(pdf))[0] == 0
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Sessions" in text and "Session of 2026-03-09 Discussed: Walked through escalations" in text
    assert "Done: ticked in the session of 2026-03-09" in text
