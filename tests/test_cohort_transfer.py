"""Moving a cohort: one file for several people, several files imported at once after a preview of all."""

from __future__ import annotations

import json

import pytest

from career_explorer.data.user_store import UserStore
from career_explorer.services.cohort_transfer import TransferError, preview_many, read_records
from tests.cohort_fixtures import add_cohort


def test_export_a_cohort_and_import_it_elsewhere_keeping_evidence(cli, tmp_path, monkeypatch):
    store = UserStore.open()
    add_cohort(store)
    store.set_action(store.person_named("Ana Lima").id, "fx/products", "Shadow the product owner")
    store.close()
    pack = tmp_path / "cohort.json"
    code, out, err = cli("cohort", "export", "--role", "Support Manager", "-o", str(pack))
    assert code == 0, err
    assert out.startswith("Exported 2 people") and "Cleo Park" not in out  # only those chosen
    data = json.loads(pack.read_text())
    assert data["format"] == "career-explorer/cohort" and len(data["records"]) == 2

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(elsewhere))
    code, out, err = cli("cohort", "import", "--dry-run", str(pack))
    assert code == 0, err
    assert "Add a new person 'Ana Lima'" in out and "Add a new person 'Ben Okafor'" in out
    store = UserStore.open()
    assert store.people() == []  # a dry run writes nothing
    store.close()
    code, out, err = cli("cohort", "import", str(pack))
    assert code == 0 and "Imported 2 people: Ana Lima, Ben Okafor." in out
    store = UserStore.open()
    ana = store.person_named("Ana Lima")
    rating = store.latest_assessment(ana.id).rating("fx/products")
    assert rating.evidence == "Ana Lima evidence for fx/products"
    assert store.actions(ana.id)["fx/products"].text == "Shadow the product owner"
    store.close()


def test_several_files_are_previewed_whole_and_refused_whole(cli, tmp_path, monkeypatch):
    store = UserStore.open()
    add_cohort(store)
    store.close()
    files = []
    for name in ("Ana Lima", "Ben Okafor"):
        path = tmp_path / f"{name}.json"
        assert cli("person", "export", name, "-o", str(path))[0] == 0
        files.append(path)
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "something else"}')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(elsewhere))
    code, out, err = cli("cohort", "import", *map(str, files), str(bad))
    assert code == 2 and "notes.json: not an export" in err and err.count("\n") == 1
    store = UserStore.open()
    assert store.people() == []  # one bad file: nothing from the good ones either
    with pytest.raises(TransferError, match="in the files twice"):
        preview_many(store, read_records([files[0], files[0]]))
    store.close()
    code, out, err = cli("cohort", "import", *map(str, files))
    assert code == 0 and "Imported 2 people" in out
