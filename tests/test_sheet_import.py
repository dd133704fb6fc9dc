"""Flat-sheet import: the fixture through the CLI (roles, ranks, requirements, a route's jumps), and every bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.framework_export import export_catalogue
from career_explorer.data.importers.framework_layout import FrameworkError
from career_explorer.data.importers.sheet_convert import import_sheet
from career_explorer.data.importers.sheet_mapping import SheetMap, dump_map, load_map
from career_explorer.data.importers.sheet_proposals import guess_columns, propose_order, propose_scale
from career_explorer.launcher import main

FLAT = Path(__file__).parent / "fixtures" / "flat"
SHEET, MAP = FLAT / "acme-flat.csv", FLAT / "acme-flat.map.toml"
HEADER = SHEET.read_text(encoding="utf-8").splitlines()[0].split(",")


def fixture_rows() -> list[list[str]]:
    with SHEET.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def problems(sheet: Path, mapping: SheetMap | None = None) -> list[str]:
    with pytest.raises(FrameworkError) as caught:
        import_sheet(sheet, mapping or load_map(MAP), "acme-flat.map.toml")
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sheet") / "acme.sqlite"
    assert main(["catalogue", "import-sheet", str(SHEET), "--map", str(MAP), "-o", str(out)]) == 0
    return out


def test_cli_imports_roles_ranks_and_requirements(imported, capsys):
    repo = CatalogueRepository(imported)
    levels = repo.job_levels
    by_name = {lv.name: lv for lv in levels.values()}
    assert [lv.name for lv in sorted((lv for lv in levels.values() if lv.ladder == "software-engineer"),
                                     key=lambda lv: (lv.rank, lv.name))] == [
        "Junior engineer", "Engineer", "Senior engineer", "Lead engineer", "Lead engineer - management"]
    assert by_name["Lead engineer - management"].rank == by_name["Lead engineer"].rank == 4
    assert by_name["Support team lead"].rank == 3 and by_name["Support team lead"].track.value == "management"
    senior = repo.role("software-engineer/senior-engineer")
    assert senior.title == "Senior engineer"
    assert {(q.competency, q.level, q.level_word) for q in senior.requirements} == {
        ("skill/coding", 4, "Expert"), ("skill/testing", 3, "Practitioner"), ("skill/mentoring", 2, "Working")}
    assert senior.summary.startswith("Owns a component:\n- leads technical designs")
    assert repo.counts().roles == 8
    repo.close()


def test_cli_reports_collapsed_duplicates(tmp_path, capsys):
    out = tmp_path / "acme.sqlite"
    assert main(["catalogue", "import-sheet", str(SHEET), "--map", str(MAP), "-o", str(out)]) == 0
    assert "21 rows, 2 exact duplicate rows collapsed, 8 roles, 6 skills" in capsys.readouterr().err


def test_route_jumps_on_the_imported_catalogue(imported, capsys):
    assert main(["--catalogue", str(imported), "path", "Junior engineer", "Lead engineer - management", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    best = result["routes"][0]
    assert [r["title"] for r in best["roles"]] == ["Junior engineer", "Engineer", "Senior engineer",
                                                    "Lead engineer - management"]
    last = best["steps"][-1]
    assert last["level_change"] == {"from": "Senior engineer", "to": "Lead engineer - management",
                                    "from_name": "Senior engineer", "to_name": "Lead engineer - management",
                                    "rank_change": 1}
    jumps = {c["name"]: (c["from_word"], c["to_word"], c["delta"]) for c in last["competencies"]}
    assert jumps["Mentoring"] == ("Working", "Expert", 2)
    assert jumps["People management"][:2] == (None, "Practitioner")


def test_route_text_shows_level_words_and_level_names(imported, capsys):
    assert main(["--catalogue", str(imported), "path", "Junior engineer", "Engineer"]) == 0
    text = capsys.readouterr().out
    assert "Coding   2 → 3 (+1)" in text
    assert "software-engineer/" not in text and "Engineer · Engineer" not in text  # no ids; a title once


def test_round_trip_export_import_export_is_identical(imported, tmp_path):
    first = tmp_path / "first.json"
    export_catalogue(imported, first, "json")
    rebuilt = tmp_path / "rebuilt.sqlite"
    assert main(["catalogue", "import", str(first), "-o", str(rebuilt)]) == 0
    second = tmp_path / "second.json"
    export_catalogue(rebuilt, second, "json")
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_sheet_imports_the_same_catalogue(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Framework"
    for row in fixture_rows():
        sheet.append(row)
    book.create_sheet("_Read me").append(["notes for HR"])
    book.save(tmp_path / "acme.xlsx")
    from_csv = import_sheet(SHEET, load_map(MAP)).catalogue
    from_xlsx = import_sheet(tmp_path / "acme.xlsx", load_map(MAP)).catalogue
    assert from_xlsx == from_csv


def test_rows_are_spreadsheet_rows_with_multi_line_cells(tmp_path):
    rows = fixture_rows()
    conflict = list(rows[2])
    conflict[7] = "Expert" if conflict[7] != "Expert" else "Awareness"
    rows.append(conflict)  # spreadsheet row 23, text line far below it: every row before holds line breaks
    found = problems(write_csv(tmp_path / "acme.csv", rows))
    assert found == [f"acme.csv:23:Required level: {rows[2][3]!r} needs {rows[2][5]!r} at {conflict[7]!r} here "
                     f"but at another level on row 3: keep one of the two rows"]


def test_every_problem_at_once_and_nothing_written(tmp_path):
    rows = fixture_rows()
    rows[0].append("Cost centre")
    rows[0][7] = "Level needed"
    rows[3][7] = "Expret"
    out = tmp_path / "acme.sqlite"
    sheet = write_csv(tmp_path / "acme.csv", rows)
    mapping = tmp_path / "map.toml"
    mapping.write_text(MAP.read_text().replace(
        'order = ["Junior engineer", "Engineer", "Senior engineer", "Lead engineer"]',
        'order = ["Junior engineer", "Engineer", "Junior engineer", "Lead engineer"]'))
    assert main(["catalogue", "import-sheet", str(sheet), "--map", str(mapping), "-o", str(out)]) == 2
    assert not out.exists()
    found = problems(sheet, load_map(mapping))
    assert "acme.csv:1:Required level: missing column: the map reads required level (a word on the scale) from " \
           "'Required level'; the sheet has 'Family', 'Role', 'Role description', 'Role level title', " \
           "'Role level description', 'Skill', 'Skill description', 'Level needed', 'Level description', " \
           "'Role type', '_Notes', 'Cost centre'" in found
    assert ("acme.csv:1:Cost centre: the map does not say what this column means: map it in [columns], list it in "
            "ignore = [...], or rename it '_Cost centre' to keep it in the sheet without importing it") in found
    assert any(p.startswith("acme.csv:1:Level needed: the map does not say") for p in found)
    rows[0][7] = "Required level"
    rows[0].pop()
    found = problems(write_csv(tmp_path / "fixed.csv", rows), load_map(mapping))
    assert any(p.startswith("acme-flat.map.toml:1:ladders.Software engineer.order: the level order has a cycle")
               for p in found), found
    assert any(
        p.startswith("fixed.csv:4:Required level: 'Expret' is not a level of the scale Acme skill level "
                     "(Awareness, Working, Practitioner, Expert)") for p in found)


def test_cycle_unordered_level_and_unmarked_same_rank(tmp_path):
    text = MAP.read_text()
    cyc = tmp_path / "cycle.toml"
    cyc.write_text(text.replace('"Engineer", "Senior engineer"', '"Engineer", "Junior engineer"'))
    found = problems(SHEET, load_map(cyc))
    assert "acme-flat.map.toml:1:ladders.Software engineer.order: the level order has a cycle: Junior engineer -> " \
           "Engineer -> Junior engineer ('Junior engineer' is listed twice)" in found
    assert any(p.startswith("acme-flat.csv:") and "'Senior engineer' has no place in the level order" in p
               for p in found)

    rows = fixture_rows()
    rows[0].append("Rank")
    ranks = {"Junior engineer": 1, "Engineer": 2, "Senior engineer": 3, "Lead engineer": 4,
             "Lead engineer - management": 4, "Support advisor": 1, "Senior support advisor": 2, "Support team lead": 3}
    for row in rows[1:]:
        row.append(str(ranks[row[3]]))
    ranked = write_csv(tmp_path / "ranked.csv", rows)
    unmarked = tmp_path / "ranked.toml"
    unmarked.write_text(text.replace('role_type = "Role type"', 'role_type = "Role type"\nrank = "Rank"')
                        .replace('branches = { "Lead engineer - management" = "Lead engineer" }', ""))
    found = problems(ranked, load_map(unmarked))
    assert len(found) == 1 and found[0].startswith("ranked.csv:") and (
        "'Lead engineer - management' and 'Lead engineer'" in found[0] or
        "'Lead engineer' and 'Lead engineer - management'" in found[0]) and "mark one as a branch" in found[0]
    marked = tmp_path / "marked.toml"
    marked.write_text(text.replace('role_type = "Role type"', 'role_type = "Role type"\nrank = "Rank"'))
    assert len(import_sheet(ranked, load_map(marked)).catalogue.roles) == 8


def test_a_ladder_without_order_gets_a_proposal_not_a_silent_order(tmp_path):
    text = MAP.read_text()
    cut = text[:text.index('[ladders."Software engineer"]')] + text[text.index('[ladders."Support advisor"]'):]
    bare = tmp_path / "bare.toml"
    bare.write_text(cut)
    found = problems(SHEET, load_map(bare))
    assert len(found) == 1
    assert ("the ladder 'Software engineer' has 5 role levels and no order in the map: add [ladders.\"Software "
            "engineer\"] order = [\"Junior engineer\", \"Engineer\", \"Senior engineer\", \"Lead engineer\"], "
            "branches = "
            "{ \"Lead engineer - management\" = \"Lead engineer\" }") in found[0]


@pytest.mark.parametrize("name,data,message", [
    ("cp.csv", ",".join(HEADER).encode() + "\nCaf\xe9,x\n".encode("cp1252"),
     "cp.csv:2:1: the file is not UTF-8: it looks like Windows-1252"),
    ("u16.csv", "Family,Role\n".encode("utf-16"), "u16.csv:1:1: the file is UTF-16 text"),
    ("empty.csv", b"", "empty.csv:1:1: the sheet is empty"),
    ("blank.csv", b"\r\n,,\r\n", "blank.csv:1:1: the sheet is empty"),
    ("notes.txt", b"hello", "notes.txt:1:1: not a spreadsheet: give a .csv or .xlsx file"),
    ("old.xlsx", b"\xd0\xcf\x11\xe0 old excel", "old.xlsx:1:1: not a spreadsheet: an .xlsx workbook is a zip"),
    ("bin.csv", b"\x01\x02\x00\x00\x05binary", "bin.csv:1:1: not a spreadsheet: the file holds binary data"),
])
def test_files_that_are_not_readable_sheets(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    found = problems(path)
    assert any(p.startswith(message) for p in found), found
    if "UTF" in message:
        assert "save it as UTF-8 (in Excel: File > Save As > CSV UTF-8" in found[0]


def test_map_round_trips_through_toml(tmp_path):
    mapping = load_map(MAP)
    path = tmp_path / "again.toml"
    path.write_text(dump_map(mapping))
    assert load_map(path) == mapping


def test_bad_map_names_line_and_key(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[columns]\nskill = "Skill"\n\n[scale]\nlevels = ["One"]\n')
    with pytest.raises(FrameworkError) as caught:
        load_map(path)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith("bad.toml:1:columns: map a column to role_level, required_level") for p in found), found
    assert any(p.startswith("bad.toml:5:scale.levels:") for p in found), found


def test_proposals_from_the_fixture():
    header = fixture_rows()[0]
    assert guess_columns(header) == load_map(MAP).columns
    assert propose_scale(["Working", "Expert", "Awareness", "Practitioner"]) == [
        "Awareness", "Working", "Practitioner", "Expert"]
    order, branches = propose_order(["Engineer", "Junior engineer", "Lead engineer", "Lead engineer - management",
                                     "Senior engineer"])
    assert order == ["Junior engineer", "Engineer", "Senior engineer", "Lead engineer"]
    assert branches == {"Lead engineer - management": "Lead engineer"}
