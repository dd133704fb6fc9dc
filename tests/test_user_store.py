"""The user store: WAL, numbered migrations from schema 1, corrupt files moved aside, one transaction per action."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from career_explorer.data.user_migrations import LATEST, MIGRATIONS, migrate
from career_explorer.data.user_store import STORE_NAME, NameTaken, StoreTooNew, UserStore, default_store_path
from career_explorer.domain.user import Assessment, PersonRecord, Rating, SavedRoute, Target
from career_explorer.services.gap_plan import gap_report

CORRUPT_NAME = re.compile(re.escape(STORE_NAME) + r"\.corrupt-\d{8}-\d{6}$")


def snapshot(**levels: float) -> Assessment:
    return Assessment(taken=dt.datetime.now().astimezone(),
                      ratings=tuple(Rating(competency=k.replace("_", "/"), level=v) for k, v in levels.items()))


def test_store_lives_in_the_user_data_folder_and_uses_wal(private_home):
    store = UserStore.open()
    assert store.path == default_store_path() == private_home / STORE_NAME
    store.add_person("me")
    other = sqlite3.connect(store.path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("PRAGMA user_version").fetchone()[0] == LATEST >= 2
    other.close()
    store.close()


def test_migrations_are_numbered_in_order():
    assert [m[0] for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) >= 2


def test_a_schema_1_store_is_upgraded_with_its_data_kept(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, up_to=1) == [1]
    conn.execute("INSERT INTO people(id, uid, name, role_id, created) VALUES (1, ?, 'Ana', 'fx/rep', ?)",
                 ("a" * 32, "2024-05-01T10:00:00+00:00"))
    conn.execute("INSERT INTO assessments(id, uid, person_id, taken, note) VALUES (7, ?, 1, ?, 'first')",
                 ("b" * 32, "2024-05-02T10:00:00+00:00"))
    conn.execute("INSERT INTO ratings VALUES (7, 'fx/products', 2, 'ok', 'shipped a guide')")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "targets" not in tables and conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()

    store = UserStore.open(path)
    assert store.version == LATEST and store.moved_aside is None
    ana = store.find_person("ana")
    assert ana.name == "Ana" and ana.role_id == "fx/rep" and ana.archived is False
    [old] = store.assessments(ana.id)
    assert old.id == 7 and old.note == "first"
    assert old.ratings == (Rating(competency="fx/products", level=2, note="ok", evidence="shipped a guide"),)
    # What schema 2 added works on the upgraded file.
    store.set_target(ana.id, Target(role_id="fx/manager", route=("fx/rep", "fx/lead", "fx/manager"),
                                    set_at=dt.datetime.now().astimezone()))
    store.set_archived(ana.id, True)
    store.set_action(ana.id, "fx/products", "Run a product clinic")
    assert store.target(ana.id).route == ("fx/rep", "fx/lead", "fx/manager")
    assert store.person(ana.id).archived and store.actions(ana.id)["fx/products"].text == "Run a product clinic"
    store.close()
    assert UserStore.open(path).version == LATEST  # reopening runs nothing twice


def test_garbage_file_is_moved_aside_with_a_timestamp_and_the_user_told(private_home):
    path = private_home / STORE_NAME
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    (private_home / (STORE_NAME + "-wal")).write_bytes(b"stale wal")
    store = UserStore.open()
    moved = store.moved_aside
    assert moved is not None and CORRUPT_NAME.match(moved.name) and moved.parent == private_home
    assert moved.read_bytes() == garbage  # nothing deleted
    assert (private_home / (moved.name + "-wal")).read_bytes() == b"stale wal"
    assert str(moved) in store.notice and "empty store" in store.notice
    assert store.people() == []
    store.add_person("me")  # the fresh store works
    assert [p.name for p in store.people()] == ["me"]


def test_store_failing_its_integrity_check_is_moved_aside(tmp_path):
    path = tmp_path / STORE_NAME
    store = UserStore.open(path)
    person = store.add_person("Bo")
    for i in range(300):
        store.add_assessment(person.id, snapshot(fx_products=i % 5 + 1, fx_escalation=2))
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page:5 * page] = b"\xff\x00" * page  # smash two b-tree pages
    path.write_bytes(bytes(data))
    reopened = UserStore.open(path)
    assert reopened.moved_aside is not None and reopened.moved_aside.read_bytes() == bytes(data)
    assert reopened.people() == []


def test_another_programs_database_is_not_taken_over(tmp_path):
    path = tmp_path / STORE_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    store = UserStore.open(path)
    assert store.moved_aside is not None
    assert sqlite3.connect(store.moved_aside).execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_a_store_from_a_newer_app_is_refused_and_left_alone(tmp_path):
    path = tmp_path / STORE_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreTooNew, match="newer Career Explorer"):
        UserStore.open(path)
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))


def test_people_add_rename_archive_delete_and_unique_names():
    store = UserStore.open()
    ana = store.add_person("Ana", "fx/rep")
    with pytest.raises(NameTaken):
        store.add_person("ANA")
    bo = store.add_person("Bo")
    with pytest.raises(NameTaken):
        store.rename_person(bo.id, "ana")
    store.rename_person(bo.id, "Bob")
    store.set_archived(ana.id, True)
    assert [p.name for p in store.people(include_archived=False)] == ["Bob"]
    store.add_assessment(ana.id, snapshot(fx_products=2))
    store.delete_person(ana.id)
    assert [p.name for p in store.people()] == ["Bob"]
    assert store._conn.execute("SELECT count(*) FROM ratings").fetchone() == (0,)
    assert store.ensure_me().name == "me" and store.ensure_me().id == store.find_person("me").id


def test_snapshots_are_kept_and_never_edited():
    store = UserStore.open()
    ana = store.add_person("Ana")
    first = store.add_assessment(ana.id, snapshot(fx_products=1))
    second = store.add_assessment(ana.id, snapshot(fx_products=3))
    assert [a.id for a in store.assessments(ana.id)] == [first.id, second.id]
    assert store.assessments(ana.id)[0].ratings[0].level == 1


def test_an_action_that_fails_half_way_writes_nothing(monkeypatch):
    store = UserStore.open()
    now = dt.datetime.now().astimezone()
    record = PersonRecord(
        person=store.add_person("tmp").model_copy(update={"id": None, "uid": "c" * 32, "name": "Cy"}),
        assessments=(snapshot(fx_products=2), snapshot(fx_products=3)),
        routes=(SavedRoute(name="up", role_ids=("fx/rep", "fx/lead"), saved_at=now),),
    )

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(UserStore, "_insert_route", staticmethod(boom))
    with pytest.raises(RuntimeError):
        store.write_record(record)
    assert store.find_person("Cy") is None
    assert store._conn.execute("SELECT count(*) FROM assessments").fetchone() == (0,)


def test_roles_missing_from_the_catalogue_stay_visible_and_marked(fixture_repo):
    store = UserStore.open()
    ana = store.add_person("Ana", "gone/old-role")
    store.add_assessment(ana.id, snapshot(fx_products=2))
    report = gap_report(fixture_repo, store.person(ana.id), store.latest_assessment(ana.id), "gone/target")
    # no catalogue on disk knows these ids: the plan says so without showing them
    assert report.current.label == "A role not in this catalogue"
    assert report.target.label == "A role not in this catalogue" and report.gaps == ()
    assert "not in this catalogue" in report.readiness.explanation
    assert store.person(ana.id).role_id == "gone/old-role"  # the data itself is untouched


@pytest.mark.parametrize("error", [sqlite3.DatabaseError("database disk image is malformed"),
                                   sqlite3.OperationalError("disk I/O error"),
                                   sqlite3.IntegrityError("UNIQUE constraint failed")])
def test_any_sqlite_failure_while_saving_leaves_the_store_as_its_own_error(private_home, error):
    from career_explorer.data.user_store_file import UserStoreError

    store = UserStore.open()
    person = store.add_person("Ana")
    with pytest.raises(UserStoreError, match="cannot save to the user store .*nothing was saved"):
        with store.transaction() as conn:
            conn.execute("UPDATE people SET name = 'Bea' WHERE id = ?", (person.id,))
            raise error
    assert store.person(person.id).name == "Ana"  # rolled back
