"""Tags: `person tag`, `cohort gaps|report|export --tag`, the Cohort tab's tag filter and the people panel."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.ui import messages
from career_explorer.ui.dialogs import plan_dialogs
from tests.cohort_fixtures import add_cohort, open_my_plan


@pytest.fixture
def cohort():
    store = UserStore.open()
    ids = add_cohort(store)
    store.set_mode("coach")
    store.close()
    return ids


def test_tag_people_and_list_only_them_in_cohort_gaps(cli, cohort):
    assert cli("person", "tag", "Ana Lima", "--add", "Spring onboarding") == (
        0, "Ana Lima's tags: Spring onboarding.\n", "")
    code, out, _ = cli("person", "tag", "Cleo Park", "--add", "spring  ONBOARDING", "--add", "nights")
    assert out == "Cleo Park's tags: nights, spring ONBOARDING.\n"
    code, out, err = cli("cohort", "gaps", "--tag", "spring onboarding")
    assert code == 0, err
    assert "tagged \u201cspring onboarding\u201d" in out
    assert "Ana Lima" in out and "Cleo Park" in out and "Ben Okafor" not in out
    data = json.loads(cli("cohort", "gaps", "--json", "--tag", "nights")[1])
    assert [r["person"] for r in data["rows"]] == ["Cleo Park"] and data["filter"]["tag"] == "nights"
    code, out, err = cli("cohort", "gaps", "--tag", "autumn")
    assert code == 2 and err.count("\n") == 1 and "nobody has the tag 'autumn'" in err and "nights" in err
    code, out, err = cli("person", "tag", "Ana Lima", "--remove", "nights")
    assert code == 2 and "Ana Lima does not have it" in err
    assert cli("person", "tag", "Ana Lima", "--remove", "SPRING ONBOARDING")[1] == "Ana Lima has no tags.\n"


def test_cohort_report_and_export_with_a_tag_name_only_the_tagged(cli, cohort, tmp_path):
    cli("person", "tag", "Ben Okafor", "--add", "spring")
    out_file = tmp_path / "cohort.json"
    code, out, err = cli("cohort", "export", "--tag", "spring", "-o", str(out_file))
    assert code == 0 and out.startswith("Exported 1 person") and "Ben Okafor" in out
    pdf = tmp_path / "pack.pdf"
    code, out, err = cli("cohort", "report", "--tag", "spring", "-o", str(pdf))
    assert code == 0, err
    assert out == f"Wrote {pdf}: the cohort pack for Ben Okafor.\n"
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Ben Okafor" in text and "Ana Lima" not in text and "Cleo Park" not in text


@pytest.fixture
def plan_view(qtbot, fixture_repo, cohort, monkeypatch):
    monkeypatch.setattr(messages, "show_error", lambda *a: pytest.fail(f"error shown: {a}"))
    return open_my_plan(qtbot, fixture_repo)


def test_tag_a_person_in_their_panel_then_filter_the_cohort_tab_by_it(plan_view, monkeypatch):
    people = plan_view.people
    people.select(people.store.person_named("Cleo Park").id)
    assert people.tags_label.text() == "No tags"
    monkeypatch.setattr(plan_dialogs, "ask_tags",
                        lambda parent, name, tags: ["spring onboarding", " Spring Onboarding "])
    people.tags_button.click()
    assert people.tags_label.text() == "Tags: spring onboarding"

    plan_view.tabs.setCurrentWidget(plan_view.cohort)
    cohort = plan_view.cohort
    combo = cohort.tag_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["Any tag", "spring onboarding"]
    assert cohort.model.rowCount() == 3
    combo.setCurrentIndex(1)
    assert [cohort.model.row(r).person for r in range(cohort.model.rowCount())] == ["Cleo Park"]
    assert "tagged \u201cspring onboarding\u201d" in cohort.summary.text()

    # Clearing the tags empties the choice; the tab falls back to everyone.
    plan_view.tabs.setCurrentWidget(plan_view.gap_panel)
    monkeypatch.setattr(plan_dialogs, "ask_tags", lambda parent, name, tags: [])
    people.tags_button.click()
    assert people.tags_label.text() == "No tags"
    plan_view.tabs.setCurrentWidget(cohort)
    assert cohort.model.rowCount() == 3 and not combo.isVisibleTo(cohort)
