"""Bad command lines end in one line on stderr and exit status 2: no traceback, nothing written.

The table (tests/cli_bad_inputs.py) holds empty and over-long names, over-long notes and evidence,
empty role arguments, and input and output paths that are empty, folders, under /proc, too long, or
in a folder that does not exist, for every command that reads or writes a file. Each case runs
in-process against a workspace holding a catalogue, a framework, sources and a person; the test
compares every file in it and every row of the user store before and after.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from career_explorer.launcher import main
from tests.cli_bad_inputs import ALICE, CASES, Workspace, case_id

# Commands that read a large input report progress on stderr while they work (one line a step when
# stderr is not a terminal); those lines may come before the error.
PROGRESS = re.compile(r"^(Importing O\*NET|Building): +\d+% ")


@pytest.fixture(scope="module")
def template(tmp_path_factory, fixture_catalogue_path):
    """One workspace built once; each case gets a fresh copy, so a case that wrongly writes cannot hide another."""
    root = tmp_path_factory.mktemp("bad-inputs") / "ws"
    return Workspace.create(root, catalogue=fixture_catalogue_path)


@pytest.fixture
def workspace(template, tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(template.root, root, symlinks=True)
    ws = Workspace(root=root, home=root / "home")
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(ws.home))
    ws.add_alice()
    monkeypatch.chdir(root / "cwd")  # `-o ''` must not write here
    return ws


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse ends there for the checks made while parsing
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, out, err) -> str:
    assert "Traceback" not in err
    assert code == 2, (code, err)
    lines = [line for line in err.splitlines() if not PROGRESS.match(line)]
    assert len(lines) == 1, err[:2000]
    assert re.match(r"^career-explorer: error: \S", lines[0]), lines[0]
    assert err.rstrip("\n").splitlines()[-1] == lines[0]  # the message comes last, after any progress
    assert len(lines[0]) < 400, lines[0]
    assert out == ""
    return lines[0]


def test_the_table_covers_every_command_that_takes_a_path():
    writers = {"report": "-o", "person export": "-o", "catalogue export": "-o", "catalogue import": "-o",
               "catalogue build": "-o", "catalogue import-onet": "-o", "path": "--chart", "compare": "--chart"}
    for command, flag in writers.items():
        given = [c[c.index(flag) + 1] for c in CASES if " ".join(c).startswith(command + " ") and flag in c]
        for trap in ("", "{dir}", "/proc/", "{long}", "{deep}", "no-such-folder", "{text}/"):
            assert any(trap in path if trap else path == "" for path in given), (command, trap)
    readers = ("person import", "catalogue export", "catalogue import", "catalogue build", "catalogue import-onet",
               "catalogue info", "--catalogue")
    for command in readers:
        given = [" ".join(c) for c in CASES if " ".join(c).startswith(command + " ")]
        for trap in ("{long}", "{deep}", "no-such-folder"):
            assert any(trap in case for case in given), (command, trap)


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_bad_input_is_one_line_and_exit_2_and_writes_nothing(case, workspace, capsys):
    before = workspace.state()
    code, out, err = run(workspace.argv(case), capsys)
    assert_one_line_error(code, out, err)
    after = workspace.state()
    assert after["store"] == before["store"], "the user store changed"
    assert after["files"] == before["files"], sorted(set(after["files"].items()) ^ set(before["files"].items()))


def test_messages_say_what_is_wrong(workspace, capsys):
    values = workspace.values()
    expected = [
        # the store checks names with the models that read them back, and says which limit was hit
        (("person", "add", ""), "cannot save the person: name: must not be empty"),
        (("person", "add", "{long_name}"), "name: is 121 characters long; the limit is 120"),
        (("person", "rename", ALICE, "  "), "cannot save 'Alice': name: must not be empty"),
        (("assess", ALICE, "--note", "{long_text}"), "note: must have at most 10000 characters"),
        (("assess", ALICE, "--set", "fx/products=3", "--evidence", "fx/products={long_text}"),
         "evidence: must have at most 10000 characters"),
        (("assess", ALICE, "--evidence", "fx/analytics=did it"), "give a rating with --set first"),
        (("assess", ALICE, "--target", ""), "argument --target: must not be empty"),
        (("report", ALICE, "-o", ""), "give a file name (an empty one would mean the current folder)"),
        (("report", ALICE, "-o", "{dir}"), f"cannot write {values['dir']}: is a folder; give a file name"),
        (("report", ALICE, "-o", "/proc/out.pdf"), "cannot write /proc/out.pdf: /proc is a system folder"),
        (("person", "export", ALICE, "-o", "{long}.json"), "the file name is too long (305 bytes; at most"),
        (("person", "export", ALICE, "-o", "{deep}.json"), "the path is too long"),
        (("catalogue", "build", "{src}", "-o", "{tmp}/no-such-folder/out.sqlite"), "/no-such-folder does not exist"),
        (("catalogue", "export", "{cat}", "-o", "{tmp}/folder-json.json"), "is a folder; give a file name"),
        (("catalogue", "export", "{cat}", "-o", "{dir}"), "the folder already holds other files (keep.txt)"),
        (("catalogue", "import", "{fw}", "-o", "{fw}"), "is the framework being imported"),
        (("catalogue", "info", "{dir}"), "is a folder; give a catalogue file"),
        (("--catalogue", "{tmp}/none.sqlite", "roles"), "none.sqlite: no such catalogue file"),
        (("catalogue", "info", "{text}"), "not a readable catalogue"),
        (("catalogue", "import-onet", "{tmp}/none.zip", "-o", "{tmp}/x.sqlite"), "no such O*NET release"),
    ]
    for case, message in expected:
        code, out, err = run(workspace.argv(case), capsys)
        line = assert_one_line_error(code, out, err)
        assert message in line, (case_id(case), line)


def test_csv_export_into_a_folder_it_made_before_is_allowed(workspace, capsys, tmp_path):
    """Re-exporting into the same folder replaces the tables; it is someone else's files that are refused."""
    out = tmp_path / "export"
    argv = workspace.argv(("catalogue", "export", "{cat}", "--format", "csv", "-o", str(out)))
    assert run(argv, capsys)[0] == 0
    first = sorted(p.name for p in out.iterdir())
    assert "roles.csv" in first
    assert run(argv, capsys)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == first
    (out / "mine.txt").write_text("keep me")
    code, out_text, err = run(argv, capsys)
    assert "already holds other files (mine.txt)" in assert_one_line_error(code, out_text, err)


def test_evidence_alone_adds_to_an_earlier_rating(workspace, capsys):
    """--evidence without --set is not ignored: it lands on the competency's latest rating, '=' and all."""
    code, _, err = run(workspace.argv(("assess", ALICE, "--evidence", "fx/products=ran the p=0.05 review")),
                       capsys)
    assert code == 0, err
    from career_explorer.data.user_store import UserStore

    store = UserStore.open(workspace.home / "career-explorer.sqlite")
    latest = store.latest_assessment(store.person_named(ALICE).id)
    store.close()
    rating = latest.rating("fx/products")
    assert rating.level == 2 and rating.evidence == "ran the p=0.05 review"


def test_a_long_list_of_problems_is_cut_short(workspace, capsys, tmp_path):
    """A framework with thousands of problems prints the first 50 and how many more, not every one."""
    framework = json.loads((workspace.root / "framework.json").read_text())
    framework["roles"] = [{"id": f"acme/r{n}", "title": "Role", "level": "NOPE"} for n in range(5_000)]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(framework))
    out = tmp_path / "never.sqlite"
    code, stdout, err = run(workspace.argv(("catalogue", "import", str(bad), "-o", str(out))), capsys)
    lines = err.splitlines()
    assert code == 2 and stdout == "" and "Traceback" not in err
    assert len(lines) == 52, lines[-3:]
    assert re.fullmatch(r"… and [\d,]+ more", lines[50])
    more = int(lines[50].split()[2].replace(",", ""))
    assert lines[51].startswith("career-explorer: error: ") and f" {50 + more:,} problems in " in lines[51]
    assert not out.exists()


@pytest.mark.parametrize("case", [
    ("person", "add", ""),
    ("catalogue", "export", "{cat}", "-o", ""),
    ("--catalogue", "{tmp}/none.sqlite", "roles"),
])
def test_the_installed_command_gives_the_same_one_line(case, workspace):
    """Through the real entry point in a fresh process, as a user runs it."""
    exe = os.path.join(os.path.dirname(sys.executable), "career-explorer")
    done = subprocess.run([exe, *workspace.argv(case)], capture_output=True, text=True, timeout=120,
                          cwd=workspace.root / "cwd", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert_one_line_error(done.returncode, done.stdout, done.stderr)
    assert list((workspace.root / "cwd").iterdir()) == []
