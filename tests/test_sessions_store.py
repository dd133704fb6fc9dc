"""Store migration 3: tags per person, one-on-one sessions and the actions ticked done in them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from pydantic import ValidationError

from career_explorer.data.user_migrations import LATEST, migrate
from career_explorer.data.user_store import InvalidEntry, UserStore
from career_explorer.domain.user import PersonExport, PersonRecord, SessionNote
from career_explorer.services.person_transfer import delete_with_export, read_export
from career_explorer.services.sessions import done_dates

WHEN = "2024-05-01T10:00:00+00:00"


def note(held_on: dt.date = dt.date(2024, 6, 3), **fields) -> SessionNote:
    return SessionNote(held_on=held_on, created=dt.datetime.now().astimezone(), **fields)


def _release_2_store(path) -> None:
    """A store exactly as the current release writes it: schema 2, rows written with that schema's SQL."""
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, up_to=2) == [1, 2]
    conn.execute("INSERT INTO people(id, uid, name, role_id, created, archived) VALUES (1, ?, 'Ana', 'fx/rep', ?, 0)",
                 ("a" * 32, WHEN))
    conn.execute("INSERT INTO people(id, uid, name, role_id, created, archived) VALUES (2, ?, 'Bo', NULL, ?, 1)",
                 ("c" * 32, WHEN))
    conn.execute("INSERT INTO assessments(id, uid, person_id, taken, note) VALUES (7, ?, 1, ?, 'first')",
                 ("b" * 32, "2024-05-02T10:00:00+00:00"))
    conn.execute("INSERT INTO ratings VALUES (7, 'fx/products', 2, 'ok', 'shipped a guide')")
    conn.execute("INSERT INTO targets(person_id, role_id, route, set_at) VALUES (1, 'fx/manager', "
                 "'[\"fx/rep\", \"fx/manager\"]', ?)", (WHEN,))
    conn.execute("INSERT INTO saved_routes(person_id, name, role_ids, saved_at) VALUES (1, 'Up', "
                 "'[\"fx/rep\", \"fx/lead\"]', ?)", (WHEN,))
    conn.execute("INSERT INTO plan_actions VALUES (1, 'fx/products', 'Run a product clinic', ?)", (WHEN,))
    conn.execute("INSERT INTO settings VALUES ('mode', 'coach')")
    conn.close()


def test_a_store_from_the_current_release_opens_with_everything_kept_and_no_tags_or_sessions(tmp_path):
    path = tmp_path / "release2.sqlite"
    _release_2_store(path)

    store = UserStore.open(path)
    assert store.moved_aside is None and store.version == LATEST == 3
    assert [p.name for p in store.people()] == ["Ana", "Bo"]
    ana, bo = store.find_person("Ana"), store.find_person("Bo")
    assert bo.archived and store.mode() == "coach"
    [snap] = store.assessments(ana.id)
    assert snap.note == "first" and snap.ratings[0].evidence == "shipped a guide"
    assert store.target(ana.id).route == ("fx/rep", "fx/manager")
    assert [r.name for r in store.routes(ana.id)] == ["Up"]
    assert store.actions(ana.id)["fx/products"].text == "Run a product clinic"
    assert store.tags(ana.id) == () and store.sessions(ana.id) == [] and store.all_tags() == ()
    # What migration 3 added works on the upgraded file.
    store.set_tags(ana.id, ["spring onboarding"])
    store.add_session(ana.id, note(discussed="Product clinic went well", done=[{"competency": "fx/products"}]))
    store.close()
    again = UserStore.open(path)
    assert again.version == 3 and again.tags(ana.id) == ("spring onboarding",)
    assert done_dates(again.sessions(ana.id)) == {"fx/products": dt.date(2024, 6, 3)}


def test_tags_are_trimmed_kept_once_whatever_their_case_and_found_again(private_home):
    store = UserStore.open()
    ana, bo = store.add_person("Ana"), store.add_person("Bo")
    assert store.set_tags(ana.id, ["  Spring   onboarding ", "spring onboarding", "Night shift"]) == (
        "Night shift", "Spring onboarding")
    store.add_tags(bo.id, add=["SPRING ONBOARDING"])
    assert store.all_tags() == ("Night shift", "Spring onboarding")
    assert [p.name for p in store.people_tagged("spring onboarding")] == ["Ana", "Bo"]
    assert store.add_tags(ana.id, remove=["night SHIFT"]) == ("Spring onboarding",)
    with pytest.raises(InvalidEntry, match="does not have it"):
        store.add_tags(ana.id, remove=["Night shift"])
    for bad in ["   ", "x" * 61, "tab\x00"]:
        with pytest.raises(InvalidEntry, match="tags"):
            store.set_tags(ana.id, [bad])
    assert store.tags(ana.id) == ("Spring onboarding",)  # a refused change left the tags as they were


def test_sessions_are_listed_newest_first_and_their_done_marks_stay_after_reopening(private_home):
    store = UserStore.open()
    ana = store.add_person("Ana")
    first = store.add_session(ana.id, note(dt.date(2024, 6, 3), discussed="Goals", agreed="Shadow a lead",
                                           next_date=dt.date(2024, 6, 17)))
    second = store.add_session(ana.id, note(dt.date(2024, 6, 17), discussed="Shadowing",
                                            done=[{"competency": "fx/products", "action": "Run a clinic"}]))
    assert [s.held_on for s in store.sessions(ana.id)] == [dt.date(2024, 6, 17), dt.date(2024, 6, 3)]
    store.tick_done(first.id, "fx/service")
    store.close()

    store = UserStore.open()
    assert done_dates(store.sessions(ana.id)) == {"fx/products": dt.date(2024, 6, 17),
                                                  "fx/service": dt.date(2024, 6, 3)}
    assert store.session(second.id).done[0].action == "Run a clinic"
    store.untick_done(first.id, "fx/service")
    edited = store.edit_session(first.id, note(dt.date(2024, 6, 4), discussed="Goals, revised"))
    assert edited.uid == first.uid and edited.discussed == "Goals, revised" and edited.agreed is None
    store.delete_session(second.id)
    assert [s.discussed for s in store.sessions(ana.id)] == ["Goals, revised"]
    assert done_dates(store.sessions(ana.id)) == {}


def test_a_session_that_says_nothing_or_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError, match="discussed"):
        note(discussed="   ")
    with pytest.raises(ValidationError, match="before the session"):
        note(discussed="x", next_date=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError, match="between"):
        note(dt.date(1066, 10, 14), discussed="x")
    with pytest.raises(ValidationError, match="control characters"):
        note(discussed="a\x00b")


def test_deleting_a_person_exports_their_tags_and_sessions_first_then_removes_them(private_home, tmp_path):
    store = UserStore.open()
    ana = store.add_person("Ana")
    store.set_tags(ana.id, ["spring"])
    store.add_session(ana.id, note(discussed="Goals", done=[{"competency": "fx/products"}]))
    saved = delete_with_export(store, ana.id, tmp_path)

    record = read_export(saved)
    assert record.tags == ("spring",) and [s.discussed for s in record.sessions] == ["Goals"]
    assert record.sessions[0].done[0].competency == "fx/products"
    check = sqlite3.connect(store.path)
    assert [check.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("person_tags", "sessions", "session_done")] == [0, 0, 0]
    check.close()


def test_a_version_1_export_without_tags_or_sessions_still_imports(private_home, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "career-explorer/person", "version": 1, "exported": WHEN,
                                "record": {"person": {"uid": "d" * 32, "name": "Cy", "created": WHEN}}}))
    record = read_export(path)
    assert record.person.name == "Cy" and record.tags == () and record.sessions == ()
    store = UserStore.open()
    store.write_record(record)
    assert store.tags(store.find_person("Cy").id) == ()


def test_a_record_carries_tags_and_sessions_and_rewriting_it_adds_each_session_once(private_home):
    store = UserStore.open()
    ana = store.add_person("Ana")
    store.set_tags(ana.id, ["spring"])
    store.add_session(ana.id, note(discussed="Goals"))
    record = store.record(ana.id)
    exported = PersonExport(format="career-explorer/person", version=2, exported=WHEN, record=record)
    assert PersonRecord.model_validate(exported.model_dump()["record"]).tags == ("spring",)
    store.write_record(record, into=ana.id)
    assert len(store.sessions(ana.id)) == 1 and store.tags(ana.id) == ("spring",)
