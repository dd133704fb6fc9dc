"""The hostile framework corpus (tests/framework_fuzz.py), in process: every case imports or is refused
with problems, never anything else. bench/framework_fuzz.py runs the full set with memory limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from career_explorer.data.importers.framework import import_framework
from career_explorer.data.importers.framework_io import read_tables
from career_explorer.data.importers.framework_layout import FrameworkError
from career_explorer.data.importers.framework_limits import Limits
from tests.framework_fuzz import Case, small_cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Case]:
    return small_cases(tmp_path_factory.mktemp("fuzz"))


def outcome(case: Case) -> str:
    try:
        import_framework(case.path)
    except FrameworkError as exc:
        assert exc.problems and all("\n" not in str(p) for p in exc.problems), case.name
        return "error"
    return "ok"


def test_every_hostile_case_imports_or_is_refused(corpus):
    assert len(corpus) > 300
    wrong = []
    for case in corpus:
        got = outcome(case)  # anything but FrameworkError propagates and fails the test with its name
        if case.expect != "either" and got != case.expect:
            wrong.append(f"{case.name}: expected {case.expect}, got {got}")
    assert not wrong, "\n".join(wrong)


def messages(path: Path) -> list[str]:
    with pytest.raises(FrameworkError) as info:
        import_framework(path)
    return [str(p) for p in info.value.problems]


def by_name(corpus: list[Case], name: str) -> Path:
    return next(c.path for c in corpus if c.name == name)


@pytest.mark.parametrize("name, expected", [
    ("zip-encrypted", "encrypted"),
    ("zip-corrupt-stream", "the zip is damaged"),
    ("zip-unknown-method", "compression method 99"),
    ("json-deep-list-1000000", "nested too deeply"),
    ("json-huge-int-level", "number too long"),
    ("json-nan-level", "NaN is not a number"),
    ("json-dup-key", "title: the column is given twice"),
    ("json-dup-key-case", "title: the column is given twice"),
    ("json-dup-table", "the roles table is given twice"),
    ("json-scale-min-negative", "min (-5) must be 0 or more"),
    ("xlsx-scale-min-negative", "min (-5) must be 0 or more"),
    ("xlsx-encrypted", "encrypted"),
    ("json-no-roles", "the roles table has no rows"),
    ("mut-roles-nameless-column", "a value in a column without a name"),
    ("csv-long-line", "a line longer than"),
])
def test_messages_say_what_is_wrong(corpus, name, expected):
    found = messages(by_name(corpus, name))
    assert any(expected in m for m in found), found


def test_ignored_files_are_never_read(corpus):
    # `_notes.csv` holds UTF-16 garbage: reading it at all would be a problem
    assert outcome(next(c for c in corpus if c.name == "csv-underscore-notes")) == "ok"
    assert outcome(next(c for c in corpus if c.name == "zip-underscore-junk")) == "ok"


def test_limits_are_checked_before_reading_and_named(corpus, tmp_path):
    template = by_name(corpus, "zip-template")
    tables, problems = read_tables(template, Limits(file_bytes=100))
    assert not tables and problems and all("above the limit of 100 bytes" in p.message for p in problems)
    tables, problems = read_tables(template, Limits(total_bytes=1000))
    assert not tables and "together the members the importer reads" in problems[0].message
    _, problems = read_tables(template, Limits(table_rows=2))
    assert any("more than 2 rows, the limit for one table" in p.message for p in problems)
    _, problems = read_tables(template, Limits(total_rows=10))
    assert any("more than 10 rows in all tables together" in p.message for p in problems)
    _, problems = read_tables(by_name(corpus, "json-template"), Limits(json_bytes=100))
    assert "give a large framework as a .zip of CSV files" in problems[0].message
    _, problems = read_tables(by_name(corpus, "json-template"), Limits(total_rows=10))
    assert problems[0].message.startswith("more than 10 objects, above the limit of rows")
    _, problems = read_tables(by_name(corpus, "xlsx-template"), Limits(file_bytes=500))
    assert "above the limit of 500 bytes" in problems[0].message


def test_problems_are_capped_but_counted(tmp_path):
    rows = "id,title\n" + "".join(f"BAD ID {n},Role\n" for n in range(3000))
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "catalogue.csv").write_text("name,version\nMany,1\n", encoding="utf-8")
    (folder / "roles.csv").write_text(rows, encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        import_framework(folder)
    assert len(info.value.problems) == 1000 and info.value.total == 3000


def test_cli_summary_gives_the_total_not_the_shown_count(tmp_path, capsys):
    from career_explorer.launcher import main

    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "catalogue.csv").write_text("name,version\nMany,1\n", encoding="utf-8")
    (folder / "roles.csv").write_text("id,title\n" + "".join(f"BAD ID {n},Role\n" for n in range(1500)),
                                      encoding="utf-8")
    assert main(["catalogue", "import", str(folder), "-o", str(tmp_path / "out.sqlite")]) == 2
    err = capsys.readouterr().err.splitlines()
    # the first 50 problems, how many more (of all found, not of the 1,000 kept), then the total
    assert len(err) == 52 and err[50] == "… and 1,450 more"
    assert err[-1] == f"career-explorer: error: 1,500 problems in {folder}; nothing written"


def test_derived_promotions_grow_linearly_and_reach_every_role(tmp_path):
    import json

    roles = [{"id": f"co/a{n}", "title": f"A {n}", "level": "L1"} for n in range(600)]
    roles += [{"id": f"co/b{n}", "title": f"B {n}", "level": "L2"} for n in range(400)]
    path = tmp_path / "wide.json"
    path.write_text(json.dumps({"catalogue": {"name": "Wide", "version": "1"},
                                "levels": [{"code": "L1", "next": "L2"}, {"code": "L2"}], "roles": roles}))
    catalogue = import_framework(path)
    pairs = {(t.from_role, t.to_role) for t in catalogue.transitions}
    assert len(pairs) <= 600 + 2 * 400  # all pairs would be 240,000
    assert {a for a, _ in pairs} == {r["id"] for r in roles[:600]}
    assert {b for _, b in pairs} == {r["id"] for r in roles[600:]}
    assert ("co/a0", "co/b0") in pairs and ("co/a599", "co/b399") in pairs


def test_csv_export_neutralises_formulas_and_round_trips(tmp_path):
    import csv

    from career_explorer.data.compiler import write_catalogue
    from career_explorer.data.importers.framework_export import export_catalogue
    from career_explorer.data.importers.framework_write import write_tables
    from tests.framework_fuzz import example

    data = example()
    hostile = ["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)"]
    for role, text in zip(data["roles"], hostile):
        role["summary"] = text
    data["roles"][0]["title"] = "=HYPERLINK(\"http://x\")"
    write_tables(data, tmp_path / "src.json", "json")
    write_catalogue(import_framework(tmp_path / "src.json"), tmp_path / "a.sqlite")
    export_catalogue(tmp_path / "a.sqlite", tmp_path / "first", "csv")
    with open(tmp_path / "first" / "roles.csv", newline="", encoding="utf-8") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=cmd|' /C calc'!A0" in cells and "'=HYPERLINK(\"http://x\")" in cells
    catalogue = import_framework(tmp_path / "first")
    assert {r.summary for r in catalogue.roles} >= set(hostile)
    write_catalogue(catalogue, tmp_path / "b.sqlite")
    export_catalogue(tmp_path / "b.sqlite", tmp_path / "second", "csv")
    for file in (tmp_path / "first").iterdir():
        assert file.read_bytes() == (tmp_path / "second" / file.name).read_bytes(), file.name
