"""A user store that is damaged, not ours or not usable: one line saying what and where, exit 2 on the
command line, a dialog in the app, and nothing deleted, migrated or overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from career_explorer.data import user_store_file
from career_explorer.data.user_migrations import LATEST
from career_explorer.data.user_store import STORE_NAME, UserStore
from career_explorer.data.user_store_file import StoreUnusable
from tests.test_plan_cli import assert_one_line_error


def snapshot_of(folder: Path) -> dict[str, object]:
    """Every entry under `folder` with its kind and bytes, to show nothing changed."""
    found: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        if p.name == "settings.ini":  # the window's own settings, not the store
            continue
        if p.is_symlink():
            found[str(p)] = ("link", os.readlink(p))
        elif p.is_file():
            found[str(p)] = p.read_bytes()
        else:
            found[str(p)] = "dir"
    return found


def _folder(home: Path) -> None:
    (home / STORE_NAME).mkdir()
    (home / STORE_NAME / "keep.txt").write_text("mine")


def _dangling(home: Path) -> None:
    (home / STORE_NAME).symlink_to(home / "gone" / "store.sqlite")


UNUSABLE = [
    (_folder, ["is a folder, not a file"]),
    (_dangling, ["is a link to", "gone/store.sqlite", "which does not exist"]),
]


@pytest.mark.parametrize("make, words", UNUSABLE, ids=["folder", "dangling-link"])
def test_an_unusable_store_is_one_line_exit_2_and_left_alone(cli, private_home, make, words):
    make(private_home)
    before = snapshot_of(private_home)
    for argv in (["person", "list"], ["person", "add", "Ana"]):
        code, _, err = cli(*argv)
        assert_one_line_error(code, err, str(private_home / STORE_NAME), *words)
    assert snapshot_of(private_home) == before


def test_a_user_data_folder_that_is_a_file_is_one_line_and_left_alone(cli, tmp_path, monkeypatch):
    home = tmp_path / "ce"
    home.write_text("not a folder")
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(home))
    code, _, err = cli("person", "list")
    assert_one_line_error(code, err, str(home), "is a file", "CAREER_EXPLORER_HOME")
    assert home.read_text() == "not a folder"


def _store_with_ana(home: Path) -> Path:
    store = UserStore.open()
    store.add_person("Ana")
    store.close()
    return home / STORE_NAME


def test_a_store_we_may_not_read_is_one_line_and_left_alone(cli, private_home):
    path = _store_with_ana(private_home)
    data = path.read_bytes()
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop this user reading the file")
        code, _, err = cli("person", "list")
        assert_one_line_error(code, err, str(path), "cannot read the user store", "----------")
    finally:
        path.chmod(0o600)
    assert path.read_bytes() == data


def test_a_store_owned_by_someone_else_is_one_line_and_left_alone(cli, private_home, monkeypatch):
    # Tests may run as root, who can write anything: pretend this user may read but not write the file.
    path = _store_with_ana(private_home)
    data = path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(user_store_file.os, "access",
                        lambda p, mode: False if Path(p) == path and mode == os.W_OK else real_access(p, mode))
    code, _, err = cli("person", "list")
    assert_one_line_error(code, err, str(path), "cannot write the user store", "it belongs to")
    assert path.read_bytes() == data and not list(private_home.glob("*.corrupt-*"))


def _foreign(path: Path, version: int, sql: str = "CREATE TABLE notes (text TEXT)") -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.execute("INSERT INTO " + sql.split()[2] + " VALUES ('x', 'y')" if "people" in sql else
                 "INSERT INTO notes VALUES ('theirs')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version, sql, words", [
    (0, "CREATE TABLE notes (text TEXT)", ["holds tables but no Career Explorer schema version"]),
    (1, "CREATE TABLE notes (text TEXT)", ["schema version 1 but no 'people' table"]),
    (2, "CREATE TABLE notes (text TEXT)", ["schema version 2 but no 'people' table"]),
    (LATEST + 4, "CREATE TABLE notes (text TEXT)", [f"schema version {LATEST + 4} but no 'people' table"]),
    (1, "CREATE TABLE people (a, b)", ["'people' table has no"]),
    (2, "CREATE TABLE people (a, b)", ["'people' table has no"]),
])
def test_another_programs_database_is_moved_aside_unchanged_never_migrated(cli, private_home, version, sql, words):
    path = private_home / STORE_NAME
    _foreign(path, version, sql)
    data = path.read_bytes()
    code, out, err = cli("person", "list")
    assert code == 0 and "No people yet" in out
    assert err.count("\n") == 1 and "is not a Career Explorer store" in err and str(path) in err
    for word in words:
        assert word in err
    [moved] = private_home.glob(STORE_NAME + ".corrupt-*")
    assert str(moved) in err and moved.read_bytes() == data  # not migrated, not switched to WAL
    conn = sqlite3.connect(moved)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("PRAGMA user_version").fetchone() == (version,)
    conn.close()


@pytest.mark.parametrize("content", [b"", None], ids=["zero-length", "sqlite-without-tables"])
def test_an_empty_store_file_counts_as_new_and_is_kept(cli, private_home, content):
    path = private_home / STORE_NAME
    if content is None:
        sqlite3.connect(path).execute("PRAGMA user_version = 0").close()
    else:
        path.write_bytes(content)
    inode = path.stat().st_ino
    code, out, err = cli("person", "add", "Ana")
    assert code == 0 and err == "", err
    assert path.stat().st_ino == inode and not list(private_home.glob("*.corrupt-*"))
    assert "Ana" in cli("person", "list")[1]


def test_opening_runs_one_quick_check_and_the_full_one_only_after_an_unclean_shutdown(private_home, monkeypatch):
    calls: list[bool] = []
    real_verify = user_store_file.verify
    monkeypatch.setattr(user_store_file, "verify", lambda conn, full=False: (calls.append(full),
                                                                              real_verify(conn, full))[1])
    path = _store_with_ana(private_home)
    calls.clear()
    UserStore.open().close()
    assert calls == [False]

    calls.clear()
    UserStore.open(full_check=True).close()  # on demand
    assert calls == [True]

    # A process that dies with the store open leaves its -wal file behind.
    writer = subprocess.run([sys.executable, "-c", (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute(\"INSERT INTO settings VALUES ('mode', 'coach')\"); os._exit(0)"), str(path)])
    assert writer.returncode == 0 and Path(str(path) + "-wal").stat().st_size > 0
    calls.clear()
    store = UserStore.open()
    assert calls == [True] and store.mode() == "coach" and store.moved_aside is None


# -- in the app ------------------------------------------------------------------------------

@pytest.fixture
def told(monkeypatch):
    from career_explorer.ui import messages
    from career_explorer.ui.dialogs import plan_dialogs

    said: list[str] = []
    monkeypatch.setattr(plan_dialogs, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: said.append(text))
    return said


@pytest.mark.parametrize("make, words", UNUSABLE, ids=["folder", "dangling-link"])
def test_my_plan_opens_on_an_unusable_store_says_it_cannot_save_and_leaves_it(qtbot, fixture_repo, private_home,
                                                                              told, make, words):
    from tests.test_plan_view import open_plan

    make(private_home)
    before = snapshot_of(private_home)
    window, view = open_plan(qtbot, fixture_repo)
    assert len(told) == 1 and all(w in told[0] for w in words) and str(private_home / STORE_NAME) in told[0]
    assert view.banner.isVisible() and "will be saved" in view.banner.text()
    assert view.person.name == "me"  # My plan works, in memory
    assert snapshot_of(private_home) == before


def test_the_app_says_at_start_when_the_user_data_folder_is_a_file(qtbot, fixture_repo, tmp_path, monkeypatch,
                                                                   told, capsys):
    from career_explorer.ui.app import tell_store_problem
    from career_explorer.ui.main_window import MainWindow
    from tests.test_plan_view import open_plan

    home = tmp_path / "ce"
    home.write_text("a file")
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(home))
    window = MainWindow(fixture_repo)  # settings cannot be kept, but the window opens
    qtbot.addWidget(window)
    assert tell_store_problem(window) and len(told) == 1
    assert str(home) in told[0] and "is a file" in told[0] and "will be saved" in told[0]
    assert "is a file" in capsys.readouterr().err
    view = window.show_view("My plan")
    assert len(told) == 1  # told once, not again by My plan
    assert "will be saved" in view.banner.text()
    window.close()
    assert home.read_text() == "a file"
    _, again = open_plan(qtbot, fixture_repo)
    assert len(told) == 2  # a window that did not say it at start says it in My plan


def test_the_app_process_starts_when_the_user_data_folder_is_a_file(tmp_path, fixture_catalogue_path):
    from career_explorer.ui import app

    home = tmp_path / "ce"
    home.write_text("a file")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREER_EXPLORER_HOME=str(home))
    env[app.QUIT_WHEN_IDLE_ENV] = "1"
    done = subprocess.run([sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and f"{home}: is a file" in done.stderr
    assert home.read_text() == "a file"


def test_coach_mode_in_my_plan_opens_on_a_store_mixing_naive_and_aware_times(qtbot, fixture_repo, private_home,
                                                                            told):
    from tests.test_plan_view import open_plan

    path = _store_with_ana(private_home)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO settings VALUES ('mode', 'coach')")
    conn.execute("INSERT INTO assessments(uid, person_id, taken) VALUES (?, 1, '2024-01-01')", ("a" * 32,))
    conn.execute("INSERT INTO assessments(uid, person_id, taken) VALUES (?, 1, '2024-01-02T10:00:00+02:00')",
                 ("b" * 32,))
    conn.commit()
    conn.close()
    window, view = open_plan(qtbot, fixture_repo)
    assert view.store.mode() == "coach" and not told
    view.select_person(view.store.find_person("Ana").id)
    assert view.person.name == "Ana" and view.history.list.count() == 2
    assert [a.taken.isoformat() for a in view.store.assessments(1)] == [
        "2024-01-01T00:00:00+00:00", "2024-01-02T08:00:00+00:00"]


def test_store_unusable_is_a_typed_error_from_the_data_layer(tmp_path):
    (tmp_path / STORE_NAME).mkdir()
    with pytest.raises(StoreUnusable, match="is a folder"):
        UserStore.open(tmp_path / STORE_NAME)


def test_a_store_that_stops_taking_writes_is_one_line_and_saves_nothing(cli, private_home, monkeypatch):
    from career_explorer.data.user_store import UserStoreError

    store = UserStore.open()
    store.add_person("Ana")
    store._conn.execute("PRAGMA query_only = 1")  # as a file made read-only, or a full disk, would
    with pytest.raises(UserStoreError, match=r"cannot save to the user store \(attempt to write a readonly "
                                             r"database\); nothing was saved"):
        store.add_person("Bo")
    store._conn.execute("PRAGMA query_only = 0")
    assert [p.name for p in store.people()] == ["Ana"]
    assert store.add_person("Bo").name == "Bo"  # the connection is not left inside a transaction
