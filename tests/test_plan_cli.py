"""The command line for people, assessments, plans and the PDF report; bad values write nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import pytest

from career_explorer.data.user_store import STORE_NAME
from career_explorer.launcher import main


def store_rows(home) -> dict[str, int]:
    path = home / STORE_NAME
    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("people", "assessments", "ratings", "targets", "plan_actions")}
    finally:
        conn.close()


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("career-explorer: error: ") and "Traceback" not in err
    for word in words:
        assert word in err


@pytest.fixture
def dana(cli):
    assert cli("person", "add", "Dana", "--role", "Support Representative")[0] == 0
    assert cli("person", "set-target", "Dana", "Support Manager")[0] == 0
    code, out, err = cli("assess", "Dana", "--set", "products and services=2", "--set",
                         "Customer Escalation Management=3", "--note", "first session")
    assert code == 0, err
    assert "Saved snapshot 1 for Dana" in out
    return "Dana"


def test_person_add_and_list(cli):
    code, out, _ = cli("person", "add", "Dana", "--role", "fx/rep")
    assert code == 0 and out.strip() == "Added Dana (Support Representative)."
    cli("person", "add", "Eli")
    code, out, _ = cli("person", "list")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Name", "Current", "role"]
    assert any(line.startswith("Dana") and "Support Representative" in line for line in lines)
    code, out, _ = cli("person", "list", "--json")
    assert [p["name"] for p in json.loads(out)] == ["Dana", "Eli"]


def test_assess_carries_ratings_forward_into_a_new_snapshot(cli, dana, private_home):
    code, out, _ = cli("assess", "Dana", "--set", "Customer Analytics=1", "--evidence",
                       "Customer Analytics=Built the weekly report")
    assert code == 0 and "3 in all" in out
    assert store_rows(private_home)["assessments"] == 2
    code, out, _ = cli("assess", "Dana")
    row = next(line for line in out.splitlines() if line.startswith("Products And Services"))
    assert row.split()[-3:] == ["2", "1", "4"]  # rating, required now, required at the target


@pytest.mark.parametrize("setting, words", [
    ("Astronomy=3", ["unknown competency 'Astronomy'", "Products And Services"]),
    ("Products And Services=6", ["Products And Services", "outside its scale 1-5"]),
    ("Products And Services=0", ["outside its scale 1-5"]),
    ("Products And Services=three", ["'three' is not a level"]),
    ("Products And Services", ["should look like"]),
])
def test_bad_ratings_are_one_line_and_write_nothing(cli, dana, private_home, setting, words):
    before = store_rows(private_home)
    code, out, err = cli("assess", "Dana", "--set", "Customer Analytics=2", "--set", setting)
    assert_one_line_error(code, err, *words)
    assert out == "" and store_rows(private_home) == before


def test_unknown_person_and_role_are_one_line(cli, dana):
    assert_one_line_error(*cli("assess", "Nobody", "--set", "x=1")[::2], "no person named 'Nobody'")
    assert_one_line_error(*cli("plan", "Dana", "--target", "Astronaut")[::2], "no role matches 'Astronaut'")
    assert_one_line_error(*cli("person", "add", "dana")[::2], "already exists")


def test_plan_shows_gap_readiness_route_and_plan(cli, dana):
    code, out, _ = cli("plan", "Dana")
    assert code == 0
    assert out.startswith("Dana: Support Representative (A02) → Support Manager (M02)")
    # Over the two rated ones only: (2-1)/(4-1) and (3-1)/(3-1), a mean of 67%; Customer Analytics is
    # not rated, so it is not compared (not counted as 0%).
    assert "Readiness: 67% (2 of 3 comparable; 1 more not published by the source)" in out
    said = " ".join(out.split())
    assert ("Based on 2 of 3 competencies of Support Manager that you have rated and the role publishes a "
            "level for. You meet 1 of them fully; on the other one you are two levels short.") in said
    assert "Not compared: 1 you have not rated yet and 1 more not published by the source." in said
    gap_lines = [line.split() for line in out.splitlines() if line.strip().startswith(("Products", "Customer"))]
    assert ["Products", "And", "Services", "1-5", "2", "4", "+2", "to", "grow"] in gap_lines
    assert "Route: Support Representative → Support Team Lead → Support Manager" in out
    assert "1. Products And Services: 2 → 4" in out and "Level 3: Products behaviour at level 3." in out


def test_plan_json(cli, dana):
    code, out, _ = cli("plan", "Dana", "--target", "Support Team Lead", "--json")
    data = json.loads(out)
    assert data["target"] == {"id": "fx/lead", "title": "Support Team Lead", "level": "S01", "in_catalogue": True}
    gaps = {g["name"]: g for g in data["gaps"]}
    assert gaps["Products And Services"]["rating"] == 2 and gaps["Products And Services"]["required"] == 3
    assert gaps["Customer Escalation Management"]["status"] == "met"
    assert gaps["Customer Analytics"]["status"] == "unrated"
    ready = data["readiness"]
    assert (ready["comparable"], ready["listed"], ready["unpublished"], ready["met"]) == (2, 3, 0, 1)
    assert ready["readiness"] == 75 and ready["ranking_score"] == 62.5  # (1/2 + 1) / 2; (2 x 75% + 1) / 4
    assert ready["explanation"].startswith("Based on 2 of 3 competencies of Support Team Lead")
    assert [p["name"] for p in data["plan"]] == ["Products And Services", "Customer Analytics"]
    assert data["route"]["roles"][-1]["id"] == "fx/lead"
    assert data["closest"][0]["id"] == "fx/rep"


def test_plan_without_a_target_says_how_to_set_one(cli):
    cli("person", "add", "Eli", "--role", "fx/rep")
    assert_one_line_error(*cli("plan", "Eli")[::2], "no target role", "--target")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_report_writes_a_pdf_with_roles_and_gap_rows(cli, dana, tmp_path):
    pdf = tmp_path / "plan.pdf"
    code, out, err = cli("report", "Dana", "-o", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Development plan: Dana", "Support Representative", "Support Manager", "Support Team Lead",
                  "Readiness", "Gap to Support Manager"):
        assert words in text
    rows = [" ".join(line.split()) for line in text.splitlines()]
    assert "Products And Services 1-5 2 4 +2 to grow" in rows
    assert "Customer Escalation Management 1-5 3 3 0 met" in rows
    assert "2 of 3 comparable; 1 more not published by the source" in rows
    assert "Support Representative A02 100% 2 of 2 (+2 not named) 75" in rows


def test_report_to_a_missing_folder_is_one_line(cli, dana, tmp_path):
    assert_one_line_error(*cli("report", "Dana", "-o", str(tmp_path / "no" / "plan.pdf"))[::2], "cannot write")


def test_export_and_import_carry_a_person_to_another_machine(cli, dana, tmp_path, monkeypatch):
    export = tmp_path / "dana.json"
    assert cli("person", "export", "Dana", "-o", str(export))[0] == 0
    assert json.loads(export.read_text())["record"]["person"]["name"] == "Dana"
    other = tmp_path / "coach-home"
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(other))
    code, out, _ = cli("person", "import", str(export), "--dry-run")
    assert code == 0 and "Add a new person 'Dana'" in out and store_rows(other).get("people", 0) == 0
    code, out, _ = cli("person", "import", str(export))
    assert code == 0 and "1 new assessment snapshot(s)" in out and "Imported into Dana." in out
    assert store_rows(other)["assessments"] == 1
    code, out, _ = cli("person", "import", str(export))
    assert code == 0 and "Nothing new" in out and store_rows(other)["assessments"] == 1


def test_import_refuses_to_overwrite_a_different_person_with_that_name(cli, dana, tmp_path, monkeypatch):
    export = tmp_path / "dana.json"
    cli("person", "export", "Dana", "-o", str(export))
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(tmp_path / "elsewhere"))
    cli("person", "add", "DANA")
    before = store_rows(tmp_path / "elsewhere")
    assert_one_line_error(*cli("person", "import", str(export))[::2], "refused", "'DANA'")
    assert store_rows(tmp_path / "elsewhere") == before


@pytest.mark.parametrize("content, words", [
    ("{not json", ["not valid JSON"]),
    ('{"format": "something-else"}', ["not a person export"]),
    ('{"format": "career-explorer/person", "version": 1, "exported": "2024-01-01T00:00:00", "record": {}}',
     ["malformed person export", "record.person"]),
])
def test_malformed_import_is_one_line_and_writes_nothing(cli, dana, tmp_path, private_home, content, words):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    before = store_rows(private_home)
    assert_one_line_error(*cli("person", "import", str(bad))[::2], *words)
    assert store_rows(private_home) == before


def test_rename_archive_and_delete_leaves_an_export(cli, dana, private_home):
    assert cli("person", "rename", "Dana", "Dana K")[0] == 0
    assert cli("person", "archive", "Dana K")[0] == 0
    assert "archived" in cli("person", "list")[1]
    code, out, _ = cli("person", "delete", "Dana K", "--yes")
    assert code == 0 and "exported first" in out
    [saved] = (private_home / "deleted-exports").glob("*.json")
    assert json.loads(saved.read_text())["record"]["person"]["name"] == "Dana K"
    assert store_rows(private_home)["people"] == 0


def test_corrupt_store_is_moved_aside_and_the_cli_says_where(cli, private_home):
    (private_home / STORE_NAME).write_bytes(b"garbage" * 50)
    code, out, err = cli("person", "list")
    assert code == 0 and "No people yet" in out
    assert err.count("\n") == 1 and "moved to" in err and ".corrupt-" in err
    assert list(private_home.glob(STORE_NAME + ".corrupt-*"))


def test_readiness_says_the_source_names_only_some_of_the_targets_competencies(capsys):

    assert main(["person", "add", "Sam", "--role", "Chat Support Representative I"]) == 0
    assert main(["plan", "Sam", "--target", "Retail Store Customer Service Representative", "--json"]) == 0
    out = capsys.readouterr().out
    plan = json.loads(out[out.index("{"):])
    assert "at least 5 more not published by the source" in json.dumps(plan)
