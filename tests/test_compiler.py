"""`catalogue build`: golden content, deterministic output, one-line errors and no half-written file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.compiler import build
from career_explorer.data.errors import CatalogueCorrupt, CatalogueMissing, CatalogueSchemaMismatch, SourceError
from tests.fixture_sources import fixture_sources, write_sources


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_fixture_catalogue_has_the_golden_content(fixture_repo):
    assert fixture_repo.info.name == "Fixture ladder"
    counts = fixture_repo.counts()
    assert (counts.roles, counts.sources, counts.competencies, counts.transitions, counts.salaries) == (5, 2, 4, 3, 4)
    manager = fixture_repo.role("fx/manager")
    assert manager.level == "M02" and manager.unpublished == 1
    assert manager.salaries[0].percentiles() == {"p10": 60000, "p50": 80000, "p90": 110000}
    assert {r.competency: r.level for r in manager.requirements} == {
        "fx/products": 4, "fx/escalation": 3, "fx/analytics": 3}
    assert [b.level for b in fixture_repo.competencies["fx/speaking"].behaviours] == [2, 4]
    assert fixture_repo.role("fx/rep").alt_titles == ("Chat Agent",)


def test_compiled_catalogue_has_foreign_keys_indexes_and_fts(fixture_catalogue_path):
    conn = sqlite3.connect(fixture_catalogue_path)
    fks = conn.execute("PRAGMA foreign_key_list(requirements)").fetchall()
    assert {(fk[2], fk[3]) for fk in fks} >= {("roles", "role"), ("competencies", "competency")}
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert any("salaries" in name and "role" in name for name in indexes)
    # composite-key tables are stored by their key alone (no rowid copy)
    for table in ("requirements", "alt_titles", "transitions"):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        assert sql.rstrip().endswith("WITHOUT ROWID"), table
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='role_search'").fetchone()[0]
    assert "fts5" in sql.lower()
    hits = conn.execute("SELECT role_id FROM role_search WHERE role_search MATCH 'chat*'").fetchall()
    assert hits == [("fx/rep",)]


def test_same_sources_build_the_same_content(tmp_path):
    sources = write_sources(tmp_path / "src")
    build(sources, tmp_path / "a.sqlite")
    build(sources, tmp_path / "b.sqlite")
    assert dump(tmp_path / "a.sqlite") == dump(tmp_path / "b.sqlite")


def _break(data: dict, section: str, ident: str, **changes) -> dict:
    for entry in data[section]:
        if entry.get("id", entry.get("code")) == ident:
            entry.update(changes)
    return data


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: _break(d, "roles", "fx/lead", salaries=[{"source": "fixture", "p25": 70000, "p50": 55000}]),
         "roles.json: roles[1] (fx/lead): salaries[0]: p25 (70000) is above p50 (55000)"),
        (lambda d: _break(d, "roles", "fx/rep", requirements=[{"competency": "fx/products", "level": 6}]),
         "roles.json: roles[0] (fx/rep): requirements[0].level: 6 is outside scale proficiency-5 (1..5)"),
        (lambda d: _break(d, "roles", "fx/rep", requirements=[{"competency": "fx/nope", "level": 2}]),
         "roles.json: roles[0] (fx/rep): requirements[0].competency: unknown competency 'fx/nope'"),
        (lambda d: _break(d, "roles", "fx/rep", level="Z99"),
         "roles.json: roles[0] (fx/rep): level: unknown job level 'Z99'"),
        (lambda d: _break(d, "roles", "fx/rep", salaries=[{"source": "fixture", "p50": 1, "currency": "DOLLARS"}]),
         "roles.json: roles[0] (fx/rep): salaries[0].currency: Value error, 'DOLLARS' is not an ISO 4217"),
        (lambda d: d["roles"].append(dict(d["roles"][0])) or d,
         "roles.json: roles[5] (fx/rep): id: duplicate of roles.json: roles[0]"),
        (lambda d: d["transitions"].append({"from_role": "fx/rep", "to_role": "fx/ghost", "kind": "promotion",
                                            "source": "fixture", "basis": "b"}) or d,
         "roles.json: transitions[3] (fx/rep -> fx/ghost): to_role: unknown role 'fx/ghost'"),
        (lambda d: _break(d, "roles", "fx/rep", colour="blue"),
         "roles.json: roles[0] (fx/rep): colour: Extra inputs are not permitted"),
    ],
)
def test_invalid_source_fails_with_one_line_naming_file_entry_and_field(tmp_path, mutate, expected):
    folder = write_sources(tmp_path / "src", mutate(fixture_sources()))
    out = tmp_path / "out" / "cat.sqlite"
    with pytest.raises(SourceError) as info:
        build(folder, out)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(expected.replace("Value error, ", "")), message
    assert not out.exists()
    assert not any(out.parent.glob("*")), "a temporary file was left behind"


def test_a_failed_rebuild_leaves_the_previous_output_untouched(tmp_path):
    good = write_sources(tmp_path / "good")
    out = tmp_path / "cat.sqlite"
    build(good, out)
    before = dump(out)
    bad = write_sources(tmp_path / "bad", _break(fixture_sources(), "roles", "fx/rep", level="Z99"))
    with pytest.raises(SourceError):
        build(bad, out)
    assert dump(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "cat.sqlite", "good"]


def test_broken_source_syntax_names_the_file(tmp_path):
    folder = write_sources(tmp_path / "src")
    (folder / "extra.toml").write_text("[catalogue\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^extra\.toml: invalid TOML"):
        build(folder, tmp_path / "out.sqlite")
    (folder / "extra.toml").write_bytes("name = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(SourceError, match=r"^extra\.toml: not UTF-8 text"):
        build(folder, tmp_path / "out.sqlite")


def test_catalogue_is_opened_read_only_and_a_write_raises(fixture_catalogue_path):
    before = fixture_catalogue_path.read_bytes()
    repo = CatalogueRepository(fixture_catalogue_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        repo._conn.execute("UPDATE roles SET title = 'Hacked'")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        repo._conn.execute("CREATE TABLE scratch (x)")
    repo.close()
    assert fixture_catalogue_path.read_bytes() == before


def test_missing_corrupt_and_wrong_schema_catalogues_fail_clearly(tmp_path, fixture_catalogue_path):
    with pytest.raises(CatalogueMissing, match="catalogue file not found"):
        CatalogueRepository(tmp_path / "nowhere.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CatalogueCorrupt, match="not a readable catalogue"):
        CatalogueRepository(junk)
    old = tmp_path / "old.sqlite"
    old.write_bytes(fixture_catalogue_path.read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(CatalogueSchemaMismatch,
                       match=r"schema version 0 is not one this version of the app reads \(1, 2\)"):
        CatalogueRepository(old)


def test_json_syntax_error_gives_line_and_column(tmp_path):
    folder = write_sources(tmp_path / "src")
    (folder / "roles.json").write_text('{"roles": [\n  {"id": }\n]}', encoding="utf-8")
    with pytest.raises(SourceError, match=r"^roles\.json:2:\d+: invalid JSON"):
        build(folder, tmp_path / "out.sqlite")
