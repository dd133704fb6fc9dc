"""Export -> import -> export gives identical bytes in every format, and keeps the catalogue's content."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.compiler import write_catalogue
from career_explorer.data.importers.framework import import_framework
from career_explorer.data.importers.framework_export import catalogue_from_repository, export_catalogue
from career_explorer.launcher import main

OUTPUTS = {"json": "framework.json", "xlsx": "framework.xlsx", "csv": "framework-csv", "zip": "framework.zip"}


def snapshot(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


def round_trip(catalogue_path: Path, folder: Path, kind: str) -> tuple[Path, Path, Path]:
    fmt = "csv" if kind == "zip" else kind
    first = folder / "first" / OUTPUTS[kind]
    export_catalogue(catalogue_path, first, fmt)
    rebuilt = folder / "rebuilt.sqlite"
    write_catalogue(import_framework(first), rebuilt)
    second = folder / "second" / OUTPUTS[kind]
    export_catalogue(rebuilt, second, fmt)
    return first, rebuilt, second


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_export_import_export_is_byte_identical(tmp_path, kind, which, fixture_catalogue_path):
    from career_explorer.paths import bundled_catalogue

    source = fixture_catalogue_path if which == "fixture" else bundled_catalogue()
    first, rebuilt, second = round_trip(source, tmp_path, kind)
    assert snapshot(first) == snapshot(second)
    original, copy = CatalogueRepository(source), CatalogueRepository(rebuilt)
    try:
        assert catalogue_from_repository(copy) == catalogue_from_repository(original)
    finally:
        original.close()
        copy.close()


def test_xlsx_has_one_sheet_per_table_and_fixed_dates(tmp_path, fixture_catalogue_path):
    out = export_catalogue(fixture_catalogue_path, tmp_path / "a.xlsx", "xlsx") and tmp_path / "a.xlsx"
    workbook = load_workbook(out, read_only=True)
    assert workbook.sheetnames[:3] == ["catalogue", "sources", "scales"] and "transitions" in workbook.sheetnames
    assert workbook.properties.modified.year == 2000
    rows = list(workbook["roles"].iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "title", "family")
    assert ("fx/rep", "Support Representative", "support") in [r[:3] for r in rows]
    workbook.close()
    export_catalogue(fixture_catalogue_path, tmp_path / "b.xlsx", "xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_csv_folder_layout(tmp_path, fixture_catalogue_path):
    export_catalogue(fixture_catalogue_path, tmp_path / "out", "csv")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(f"{t}.csv" for t in ("catalogue", "sources", "scales", "anchors", "families", "levels",
                                               "competencies", "behaviours", "roles", "alt_titles", "pay",
                                               "requirements", "experience", "transitions"))
    text = (tmp_path / "out" / "requirements.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ("role,competency,level,level_word,importance,suppressed,not_relevant,"
                                    "standard_error,source")
    assert "fx/onet-csr,fx/speaking,3.88,,3.9,,,,onet-test" in text


def test_cli_export_then_import(tmp_path, capsys, fixture_catalogue_path):
    out = tmp_path / "fx.json"
    assert main(["catalogue", "export", str(fixture_catalogue_path), "-o", str(out)]) == 0
    assert "Exported Fixture ladder 0.1" in capsys.readouterr().err
    assert main(["catalogue", "import", str(out), "-o", str(tmp_path / "fx.sqlite")]) == 0
    assert main(["catalogue", "info", str(tmp_path / "fx.sqlite")]) == 0
    info = capsys.readouterr().out
    assert info.startswith("Fixture ladder 0.1 (schema 2)") and "5 roles" in info


def test_cli_export_needs_a_format_it_can_tell(tmp_path, capsys, fixture_catalogue_path):
    assert main(["catalogue", "export", str(fixture_catalogue_path), "-o", str(tmp_path / "out.txt")]) == 2
    assert "add --format" in capsys.readouterr().err


def test_the_layout_has_a_column_for_every_catalogue_field():
    from career_explorer.data.importers.framework_layout import TABLES
    from career_explorer.domain import catalogue as model

    # pay_history rows are pay rows: importing splits each series into current pay and history
    nested = {"alt_titles", "salaries", "pay_history", "requirements", "behaviours", "anchors", "experience", "shares"}
    pairs = [(model.CatalogueInfo, "catalogue", {"schema_version"}), (model.Source, "sources", set()),
             (model.Scale, "scales", set()), (model.ScaleAnchor, "anchors", set()),
             (model.JobFamily, "families", set()), (model.JobLevel, "levels", set()),
             (model.Competency, "competencies", set()), (model.Behaviour, "behaviours", set()),
             (model.Role, "roles", set()), (model.SalaryBand, "pay", set()),
             (model.Requirement, "requirements", set()), (model.Transition, "transitions", set()),
             (model.Experience, "experience", set()), (model.ExperienceShare, "experience", set())]
    for cls, table, skipped in pairs:
        missing = set(cls.model_fields) - nested - skipped - set(TABLES[table][0])
        assert not missing, f"{table} lacks columns for {cls.__name__}: {sorted(missing)}"
