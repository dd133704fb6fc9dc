"""Moving people between machines keeps tags, sessions and done marks; several files go in one transaction."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from career_explorer.data.user_store import NameTaken, UserStore
from career_explorer.domain.user import SessionNote
from career_explorer.services.cohort_transfer import apply_many, preview_many, read_records
from career_explorer.services.sessions import done_dates
from tests.cohort_fixtures import add_cohort

NAMES = ("Ana Lima", "Ben Okafor", "Cleo Park")


@pytest.fixture
def exported(cli, tmp_path, monkeypatch):
    """Three person files from a coach's store with tags and a session each; then a fresh, empty home."""
    store = UserStore.open()
    ids = add_cohort(store)
    for name, pid in ids.items():
        store.set_tags(pid, ["spring onboarding"])
        store.set_action(pid, "fx/products", f"{name} shadows the product owner")
        store.add_session(pid, SessionNote(held_on=dt.date(2026, 3, 9), discussed=f"{name} talked about products",
                                           agreed="Book a shadowing slot", created=dt.datetime.now().astimezone(),
                                           done=[{"competency": "fx/products", "action": "shadowed"}]))
    store.close()
    files = []
    for name in NAMES:
        path = tmp_path / f"{name}.json"
        assert cli("person", "export", name, "-o", str(path))[0] == 0
        files.append(path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(elsewhere))
    return files


def test_person_import_of_three_files_previews_all_then_brings_tags_sessions_and_done_marks(cli, exported):
    code, out, err = cli("person", "import", "--dry-run", *map(str, exported))
    assert code == 0, err
    for name in NAMES:
        assert f"Add a new person {name!r}" in out
    assert out.count("1 session note(s), 1 action(s) ticked done") == 3 and "tags: spring onboarding" in out
    store = UserStore.open()
    assert store.people() == []  # the preview wrote nothing
    store.close()

    code, out, err = cli("person", "import", *map(str, exported))
    assert code == 0 and "Imported 3 people: Ana Lima, Ben Okafor, Cleo Park." in out
    store = UserStore.open()
    ben = store.person_named("Ben Okafor")
    [session] = store.sessions(ben.id)
    assert session.discussed == "Ben Okafor talked about products" and session.agreed == "Book a shadowing slot"
    assert done_dates(store.sessions(ben.id)) == {"fx/products": dt.date(2026, 3, 9)}
    assert [p.name for p in store.people_tagged("Spring Onboarding")] == list(NAMES)


def test_a_bad_third_file_means_nothing_from_the_first_two_is_written(cli, exported, tmp_path):
    bad = tmp_path / "third.json"
    data = json.loads(exported[2].read_text())
    data["record"]["sessions"][0]["held_on"] = "2026-02-30"
    bad.write_text(json.dumps(data))
    code, out, err = cli("person", "import", str(exported[0]), str(exported[1]), str(bad))
    assert code == 2 and err.count("\n") == 1 and "third.json" in err and "held_on" in err
    store = UserStore.open()
    assert store.people() == []


def test_a_clash_found_while_writing_the_third_person_rolls_back_the_first_two(exported):
    store = UserStore.open()
    previews = preview_many(store, read_records(exported))
    store.add_person("Cleo Park")  # someone else took the name between the preview and the confirm
    with pytest.raises(NameTaken, match="Cleo Park"):
        apply_many(store, previews)
    assert [p.name for p in store.people()] == ["Cleo Park"]
    assert store.all_tags() == ()


def test_a_cohort_file_keeps_sessions_and_tags(cli, exported, tmp_path, monkeypatch):
    assert cli("person", "import", *map(str, exported))[0] == 0
    pack = tmp_path / "cohort.json"
    assert cli("cohort", "export", "-o", str(pack))[0] == 0
    assert json.loads(pack.read_text())["version"] == 2
    again = tmp_path / "again"
    again.mkdir()
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(again))
    code, out, err = cli("cohort", "import", str(pack))
    assert code == 0, err
    store = UserStore.open()
    cleo = store.person_named("Cleo Park")
    assert store.tags(cleo.id) == ("spring onboarding",)
    assert [s.discussed for s in store.sessions(cleo.id)] == ["Cleo Park talked about products"]
