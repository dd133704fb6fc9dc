"""Company-framework import: templates, defaults, level order, and every error path (all problems at once)."""

from __future__ import annotations

import copy
import json
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.framework import import_framework
from career_explorer.data.importers.framework_layout import FrameworkError
from career_explorer.data.importers.framework_write import write_tables
from career_explorer.launcher import main
from tools.make_framework_templates import EXAMPLE, NAMES, TEMPLATES, write_templates


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FrameworkError) as info:
        import_framework(path)
    return [str(p) for p in info.value.problems]


def example() -> dict:
    return copy.deepcopy(EXAMPLE)


def write_csv_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    """A CSV framework: the example's tables, with some files replaced by the given text or bytes."""
    write_tables(example(), folder, "csv")
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- good files -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(NAMES))
def test_templates_import_with_derived_promotions_and_level_pay(tmp_path, fmt):
    catalogue = import_framework(TEMPLATES / NAMES[fmt])
    assert (catalogue.info.name, catalogue.info.version) == ("Acme Customer Support", "2025.1")
    levels = {lv.code: lv for lv in catalogue.job_levels}
    assert [levels[c].rank for c in ("CS1", "CS2", "CS3", "CS4")] == [1, 2, 3, 4]
    assert levels["CS3"].track.value == "lead"
    pairs = {(t.from_role, t.to_role) for t in catalogue.transitions}
    assert ("acme/support-associate", "acme/senior-support-associate") in pairs
    assert ("acme/support-associate", "acme/knowledge-specialist") in pairs
    assert ("acme/support-team-lead", "acme/support-manager") in pairs
    assert all(t.kind.value == "promotion" and t.source == "acme-hr" for t in catalogue.transitions)
    roles = {r.id: r for r in catalogue.roles}
    assert roles["acme/senior-support-associate"].salaries[0].p50 == 47000
    assert roles["acme/knowledge-specialist"].salaries[0].p50 == 47000
    assert {q.competency: q.level for q in roles["acme/support-manager"].requirements}["acme/coaching"] == 4


def test_templates_are_up_to_date(tmp_path):
    fresh = write_templates(tmp_path)
    for fmt, path in fresh.items():
        kept = TEMPLATES / NAMES[fmt]
        if path.is_dir():
            assert sorted(p.name for p in path.iterdir()) == sorted(p.name for p in kept.iterdir())
            for file in path.iterdir():
                assert file.read_bytes() == (kept / file.name).read_bytes(), file.name
        else:
            assert path.read_bytes() == kept.read_bytes(), fmt


def test_minimal_framework_gets_default_source_scale_family_and_ladder(tmp_path):
    path = write_json(tmp_path / "mini.json", {
        "catalogue": {"name": "Mini Co", "version": "1"},
        "levels": [{"code": "L1", "next": "L2"}, {"code": "L2"}],
        "competencies": [{"id": "mini/typing", "name": "Typing"}],
        "roles": [{"id": "mini/junior", "title": "Junior", "level": "L1"},
                  {"id": "mini/senior", "title": "Senior", "level": "L2"}],
        "requirements": [{"role": "mini/senior", "competency": "mini/typing", "level": 4}],
    })
    catalogue = import_framework(path)
    assert [s.id for s in catalogue.sources] == ["mini-co"]
    assert [s.id for s in catalogue.scales] == ["proficiency-5"]
    assert [f.id for f in catalogue.job_families] == ["general"]
    assert {lv.ladder for lv in catalogue.job_levels} == {"company"}
    assert [(t.from_role, t.to_role) for t in catalogue.transitions] == [("mini/junior", "mini/senior")]


def test_explicit_transitions_replace_the_derived_ones(tmp_path):
    data = example()
    data["transitions"] = [{"from_role": "acme/support-associate", "to_role": "acme/knowledge-specialist",
                            "kind": "Lateral", "basis": "Sideways move"}]
    catalogue = import_framework(write_json(tmp_path / "t.json", data))
    assert [(t.to_role, t.kind.value, t.source) for t in catalogue.transitions] == [
        ("acme/knowledge-specialist", "lateral", "acme-hr")]


def test_cli_import_writes_a_catalogue(tmp_path, capsys):
    out = tmp_path / "acme.sqlite"
    assert main(["catalogue", "import", str(TEMPLATES / NAMES["xlsx"]), "-o", str(out)]) == 0
    assert "Acme Customer Support 2025.1, 5 roles" in capsys.readouterr().err
    repo = CatalogueRepository(out)
    assert repo.info.version == "2025.1" and repo.counts().roles == 5
    repo.close()


# -- error paths -------------------------------------------------------------------------------


def test_missing_column(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {"roles.csv": "id,family\nacme/a,support\n"})
    assert problems_of(folder)[0] == "acme/roles.csv:1:title: missing column (the roles table needs id, title)"


def test_unknown_column_and_table_are_reported(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {"families.csv": "id,name,colour\nsupport,Support,red\n",
                                                   "people.csv": "name\nAnn\n"})
    found = problems_of(folder)
    assert any(p.startswith("acme/families.csv:1:colour: unknown column") for p in found)
    assert any(p.startswith("acme/people.csv:1:1: unknown table 'people'") for p in found)


def test_bad_levels(tmp_path):
    data = example()
    data["roles"][0]["level"] = "CS9"
    data["requirements"][0]["level"] = 7
    data["requirements"][1]["level"] = "high"
    data["levels"][0]["rank"] = 500
    path = write_json(tmp_path / "acme.json", data)
    found = problems_of(path)
    assert "acme.json[roles]:1:level: unknown level 'CS9'" in found
    assert "acme.json[requirements]:1:level: 7 is outside scale acme-4 (1..4)" in found
    assert any(p.startswith("acme.json[requirements]:2:level: Input should be a valid number") and "'high'" in p
               for p in found)
    assert any(p.startswith("acme.json[levels]:1:rank: Input should be less than or equal to 100") for p in found)


def test_unknown_competency_and_role(tmp_path):
    data = example()
    data["requirements"].append({"role": "acme/support-associate", "competency": "acme/juggling", "level": 2})
    data["requirements"].append({"role": "acme/astronaut", "competency": "acme/coaching", "level": 2})
    data["behaviours"].append({"competency": "acme/juggling", "level": 1, "text": "Keeps three balls up."})
    found = problems_of(write_json(tmp_path / "acme.json", data))
    count = len(data["requirements"])
    assert f"acme.json[requirements]:{count - 1}:competency: unknown competency 'acme/juggling'" in found
    assert f"acme.json[requirements]:{count}:role: unknown role 'acme/astronaut'" in found
    assert f"acme.json[behaviours]:{len(data['behaviours'])}:competency: unknown competency 'acme/juggling'" in found


def test_duplicate_role_in_xlsx_names_sheet_row_and_column(tmp_path):
    path = write_xlsx(tmp_path / "acme.xlsx", {
        "catalogue": [["name", "version"], ["Acme", "1"]],
        "roles": [["id", "title"], ["acme/a", "A"], ["acme/b", "B"], ["acme/a", "A again"], ["acme/c", None]],
    })
    assert problems_of(path) == [
        "acme.xlsx[roles]:4:id: duplicate role 'acme/a' (first on row 2)",
        "acme.xlsx[roles]:5:title: required",
    ]


def test_cycle_in_a_track_level_order(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {
        "levels.csv": "code,track,next\nCS1,support,CS2\nCS2,support,CS3\nCS3,lead,CS1\nCS4,management,CS4\n"})
    found = problems_of(folder)
    assert "acme/levels.csv:2:next: the level order has a cycle: CS1 -> CS2 -> CS3 -> CS1" in found
    assert "acme/levels.csv:5:next: the level order has a cycle: CS4 -> CS4" in found


def test_rank_that_contradicts_the_level_order(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {
        "levels.csv": "code,rank,next\nCS1,5,CS2\nCS2,3,CS3\nCS3,,CS4\nCS4,,\n"})
    assert problems_of(folder) == [
        "acme/levels.csv:2:rank: the level order puts 'CS2' above 'CS1', but its rank 3 is not above 5"]


def test_latin1_bytes_name_line_and_column(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {
        "families.csv": b"id,name\nsupport,Caf\xe9 support\n"})
    assert problems_of(folder) == [
        "acme/families.csv:2:12: not UTF-8 text (byte 0xE9); save the file as UTF-8 (in Excel: CSV UTF-8)"]


def test_utf16_csv_and_json(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {"roles.csv": "id,title\nacme/a,A\n".encode("utf-16")})
    assert problems_of(folder) == [
        "acme/roles.csv:1:1: the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)"]
    path = tmp_path / "acme.json"
    path.write_bytes(json.dumps(example()).encode("utf-16-le"))
    assert problems_of(path)[0].startswith("acme.json:1:1: holds NUL bytes")


def test_empty_files(tmp_path):
    folder = write_csv_folder(tmp_path / "acme", {"roles.csv": ""})
    assert problems_of(folder) == ["acme/roles.csv:1:1: the file is empty"]
    (tmp_path / "empty.json").write_bytes(b"")
    assert problems_of(tmp_path / "empty.json") == ["empty.json:1:1: the file is empty"]
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert problems_of(tmp_path / "empty.xlsx") == ["empty.xlsx:1:1: the file is empty"]
    sheets = write_xlsx(tmp_path / "blank.xlsx", {"catalogue": [["name", "version"], ["A", "1"]], "roles": []})
    assert problems_of(sheets) == ["blank.xlsx[roles]:1:1: the sheet is empty"]


def test_not_a_spreadsheet(tmp_path):
    junk = tmp_path / "acme.xlsx"
    junk.write_bytes(os.urandom(2048))
    assert problems_of(junk)[0].startswith("acme.xlsx:1:1: not a spreadsheet")
    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert problems_of(other_zip)[0].startswith("other.xlsx:1:1: not a readable .xlsx workbook")


def test_invalid_json_and_missing_tables(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "roles": [\n    {"id": "a",}\n  ]\n}\n', encoding="utf-8")
    assert problems_of(bad)[0].startswith("bad.json:3:")
    nothing = write_json(tmp_path / "nothing.json", {"families": [{"id": "x", "name": "X"}]})
    assert problems_of(nothing) == ["nothing.json[catalogue]:1:1: missing table 'catalogue'",
                                    "nothing.json[roles]:1:1: missing table 'roles'"]


def test_every_problem_is_reported_and_the_cli_writes_nothing(tmp_path, capsys):
    data = example()
    data["roles"].append(dict(data["roles"][0]))  # duplicate
    data["roles"][1]["level"] = "CS9"
    data["requirements"][0]["competency"] = "acme/juggling"
    data["pay"][0]["p10"] = 99999  # above its median
    data["levels"][3]["next"] = "CS1"  # closes a cycle
    path = write_json(tmp_path / "acme.json", data)
    out = tmp_path / "acme.sqlite"
    assert main(["catalogue", "import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    assert err[-1] == f"career-explorer: error: {len(err) - 1} problems in {path}; nothing written"
    assert "acme.json[roles]:6:id: duplicate role 'acme/support-associate' (first on row 1)" in err
    assert "acme.json[roles]:2:level: unknown level 'CS9'" in err
    assert "acme.json[requirements]:1:competency: unknown competency 'acme/juggling'" in err
    assert "acme.json[pay]:1:p10: p10 (99999) is above p50 (40000)" in err
    assert "acme.json[levels]:1:next: the level order has a cycle: CS1 -> CS2 -> CS3 -> CS4 -> CS1" in err
    assert all("Traceback" not in line for line in err)


def test_a_single_csv_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "roles.csv"
    path.write_text("id,title\n", encoding="utf-8")
    assert "give the folder" in problems_of(path)[0]
