"""What goes into the user store is checked with the models that read it back; what is already there
(written by an older version, or by hand) is read anyway: times in UTC, bad text repaired and marked."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from career_explorer.data.user_store import STORE_NAME, InvalidEntry, UserStore
from career_explorer.domain.user import Assessment, Rating
from tests.test_plan_cli import assert_one_line_error, store_rows

UTC = dt.timezone.utc


def _export_with_times(tmp_path, cli, times: list[str], created: str = "2024-01-01") -> str:
    assert cli("person", "add", "Src", "--role", "fx/rep")[0] == 0
    path = tmp_path / "src.json"
    assert cli("person", "export", "Src", "-o", str(path))[0] == 0
    data = json.loads(path.read_text())
    record = data["record"]
    record["person"].update(uid="b" * 32, name="Bea", created=created)
    record["assessments"] = [
        {"uid": f"{i:032x}", "taken": taken, "ratings": [{"competency": "fx/products", "level": 1 + i}]}
        for i, taken in enumerate(times)]
    path.write_text(json.dumps(data))
    return str(path)


def test_an_import_mixing_naive_aware_and_date_only_times_stays_usable(cli, tmp_path, private_home):
    # The rule: a time without a zone is UTC, and a date alone is midnight UTC.
    path = _export_with_times(tmp_path, cli, ["2024-02-01", "2024-03-01T10:00:00", "2024-04-01T10:00:00+02:00"])
    code, out, err = cli("person", "import", path)
    assert code == 0 and "3 new assessment snapshot(s)" in out, err
    conn = sqlite3.connect(private_home / STORE_NAME)
    stored = [r[0] for r in conn.execute("SELECT taken FROM assessments ORDER BY id")]
    conn.close()
    assert stored == ["2024-02-01T00:00:00+00:00", "2024-03-01T10:00:00+00:00", "2024-04-01T08:00:00+00:00"]

    code, out, err = cli("person", "list")
    assert code == 0 and "Bea" in out and "2024-04-01T08:00" in out, err
    assert cli("person", "set-target", "Bea", "fx/manager")[0] == 0
    code, out, err = cli("plan", "Bea")
    assert code == 0 and "Traceback" not in err, err
    code, out, err = cli("assess", "Bea", "--set", "products and services=3")
    assert code == 0, err
    code, out, err = cli("person", "export", "Bea", "-o", str(tmp_path / "bea.json"))
    assert code == 0, err
    exported = json.loads((tmp_path / "bea.json").read_text())["record"]
    assert [a["taken"][:19] for a in exported["assessments"][:3]] == [
        "2024-02-01T00:00:00", "2024-03-01T10:00:00", "2024-04-01T08:00:00"]
    assert all(a["taken"].endswith("Z") for a in exported["assessments"])
    assert exported["assessments"][-1]["ratings"][0]["level"] == 3  # the new save sorts last


def test_a_store_already_holding_times_without_a_zone_opens_and_lists(private_home):
    store = UserStore.open()
    ana = store.add_person("Ana")
    store.add_assessment(ana.id, Assessment(taken=dt.datetime(2024, 5, 1, 9, tzinfo=UTC)))
    store._conn.execute("INSERT INTO assessments(uid, person_id, taken) VALUES (?, ?, '2024-04-01')",
                        ("a" * 32, ana.id))
    store._conn.execute("UPDATE people SET created = '2024-01-01T08:00:00'")
    store.close()

    store = UserStore.open()
    [person] = store.people()
    assert person.created == dt.datetime(2024, 1, 1, 8, tzinfo=UTC)
    assert [a.taken for a in store.assessments(ana.id)] == [dt.datetime(2024, 4, 1, tzinfo=UTC),
                                                           dt.datetime(2024, 5, 1, 9, tzinfo=UTC)]


def test_evidence_over_the_limit_from_assess_is_refused_and_nothing_saved(cli, private_home):
    cli("person", "add", "Dana", "--role", "fx/rep")
    before = store_rows(private_home)
    code, _, err = cli("assess", "Dana", "--set", "products and services=2",
                       "--evidence", "products and services=" + "x" * 10_001)
    assert_one_line_error(code, err, "evidence", "10,001", "10000 characters")
    assert store_rows(private_home) == before


@pytest.mark.parametrize("name, words", [
    ("a\x00b", ["control characters", "'\\x00'"]),
    ("tab\there", ["control characters"]),
    ("\u200b", ["empty or only invisible"]),
    (" \u200b\u200d\ufeff ", ["empty or only invisible"]),
    ("   ", ["name"]),
    ("n" * 121, ["121 characters", "limit is 120"]),
])
def test_bad_names_are_refused_on_add_and_rename(cli, private_home, name, words):
    cli("person", "add", "Dana")
    before = store_rows(private_home)
    assert_one_line_error(*cli("person", "add", name)[::2], "name", *words)
    assert_one_line_error(*cli("person", "rename", "Dana", name)[::2], "name", *words)
    assert store_rows(private_home) == before


def test_a_value_changed_without_validation_is_still_checked_before_saving():
    store = UserStore.open()
    ana = store.add_person("Ana")
    rating = Rating(competency="fx/products", level=2).model_copy(update={"note": "n" * 20_000})
    with pytest.raises(InvalidEntry, match="note: is 20,000 characters long"):
        store.add_assessment(ana.id, Assessment(taken=dt.datetime.now(UTC), ratings=(rating,)))
    assert store.assessments(ana.id) == []


def _damage(path, person_id: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE people SET name = ?, uid = 'not-a-uid', created = 'last tuesday' WHERE id = ?",
                 ("Ana\x00", person_id))
    conn.execute("INSERT INTO people(uid, name, created) VALUES (?, ?, '2024-01-01')", ("f" * 32, "\u200b"))
    conn.execute("UPDATE ratings SET evidence = ?", ("e" * 12_000,))
    conn.execute("INSERT INTO ratings(assessment_id, competency, level) SELECT id, 'Not A Slug!', 2 FROM assessments")
    conn.execute("INSERT INTO plan_actions VALUES (?, 'fx/products', ?, '2024-01-01')", (person_id, "a\x00b"))
    conn.commit()
    conn.close()


def test_a_store_holding_rows_that_break_the_models_opens_and_every_person_is_usable(cli, tmp_path, private_home):
    cli("person", "add", "Ana", "--role", "fx/rep")
    cli("person", "set-target", "Ana", "fx/manager")
    assert cli("assess", "Ana", "--set", "products and services=2", "--evidence", "products and services=ok")[0] == 0
    _damage(private_home / STORE_NAME, 1)

    code, out, err = cli("person", "list")
    assert code == 0, err
    assert "Ana (repaired)" in out and "Unnamed 2 (repaired)" in out
    [told] = [line for line in err.splitlines() if "person 1 is shown repaired" in line]
    assert told.startswith("career-explorer: warning: user store: person 1 is shown repaired (")
    assert "name: must not contain control characters such as '\\x00'" in told and "created:" in told
    assert told.endswith("; the file is unchanged")
    code, out, err = cli("plan", "Ana (repaired)")
    assert code == 0 and "Traceback" not in err, err
    code, out, err = cli("person", "export", "Ana (repaired)", "-o", str(tmp_path / "ana.json"))
    assert code == 0, err
    record = json.loads((tmp_path / "ana.json").read_text())["record"]
    [snap] = record["assessments"]
    assert [r["competency"] for r in snap["ratings"]] == ["fx/products"]  # the unreadable rating is left out
    assert snap["ratings"][0]["evidence"].endswith("[cut: 12,000 characters in the store]")
    assert record["actions"][0]["text"] == "ab"
    # Reading changed nothing in the file.
    conn = sqlite3.connect(private_home / STORE_NAME)
    assert conn.execute("SELECT name FROM people WHERE id = 1").fetchone() == ("Ana\x00",)
    conn.close()
    code, out, err = cli("person", "delete", "Ana (repaired)", "--yes")
    assert code == 0, err
    assert cli("person", "delete", "Unnamed 2 (repaired)", "--yes")[0] == 0
    assert store_rows(private_home)["people"] == 0


def test_the_app_refuses_evidence_and_actions_over_the_limit_with_a_dialog(qtbot, fixture_repo, monkeypatch):
    from career_explorer.ui import messages
    from tests.test_plan_view import open_plan

    errors: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: errors.append(f"{title}: {text}"))
    window, view = open_plan(qtbot, fixture_repo)
    view.set_roles("fx/rep", "fx/manager")
    editor = view.editor
    editor.set_rating("fx/products", 2)
    editor.table.selectRow(editor.row_of("fx/products"))
    editor.evidence_edit.setPlainText("e" * 10_500)
    assert editor.save() is None
    assert errors == ["Cannot save the snapshot: cannot save the assessment: rating of fx/products.evidence: "
                      "is 10,500 characters long; the limit is 10,000"]
    assert view.store.assessments(view.person.id) == []
    view._action_changed("fx/products", "a" * 10_001)
    assert errors[-1].startswith("Cannot save the action: cannot save the action: text: is 10,001 characters")
    assert view.store.actions(view.person.id) == {}
