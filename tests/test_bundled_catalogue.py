"""The bundled catalogue: every O*NET occupation with its wage history plus the curated ladder.

It is compiled from the shipped sources and the public data in ../shared/data (`make catalogue`),
opened read-only, and never written. The rebuild tests run when that data is beside the repo.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from career_explorer.data.bundled_build import build_catalogue
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.launcher import main
from career_explorer.paths import bundled_catalogue, catalogue_sources

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ONET = SHARED / "onet-29.0"
WAGES = sorted(SHARED.glob("bls-oews-*/national_*.xlsx"))
needs_shared = pytest.mark.skipif(
    not (ONET / "Skills.txt").is_file() or not WAGES, reason=f"O*NET 29.0 and OEWS workbooks not found in {SHARED}"
)


def _dump(path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "fresh.sqlite"
    build_catalogue(catalogue_sources(), out, onet=ONET, wages=WAGES)
    return out


@needs_shared
@pytest.mark.slow
def test_bundled_catalogue_matches_a_fresh_build_of_its_sources_and_the_shared_data(fresh_build):
    assert _dump(bundled_catalogue()) == _dump(fresh_build), "run `make catalogue` and commit the result"


def test_using_the_bundled_catalogue_never_modifies_it(capsys):
    path = bundled_catalogue()
    before = path.read_bytes()
    repo = CatalogueRepository(path)
    repo.role_summaries(), repo.search_ids("manager"), repo.role("salary-com/chat-support-manager")
    repo.close()
    assert main(["roles", "chat"]) == 0
    assert path.read_bytes() == before


def test_search_finds_customer_service_manager_from_word_prefixes(bundled_repo):
    assert bundled_repo.search_ids("cust serv man")[0] in {"salary-com/customer-service-manager", "onet/43-1011.00"}
    assert "salary-com/customer-service-manager" in bundled_repo.search_ids("cust serv man")


def test_a_first_run_user_finds_every_us_occupation_and_the_curated_ladder(bundled_repo):
    titles = {s.title: s for s in bundled_repo.role_summaries()}
    assert len(titles) > 1000
    for title in ("Software Developers", "Registered Nurses", "Customer Service Representatives",
                  "Chat Support Representative I", "Customer Service Manager"):
        assert title in titles, title
    assert titles["Registered Nurses"].median_base and titles["Registered Nurses"].currency == "USD"
    # the curated roles keep their own figures: Salary.com's median, not the O*NET occupation's
    assert titles["Chat Support Representative I"].source == "salary-com"
    assert titles["Chat Support Representative I"].median_base == 43396


def test_status_counts_and_sources_of_the_bundled_catalogue(bundled_repo):
    counts = bundled_repo.counts()
    assert bundled_repo.info.name == "US occupations and customer-support ladder"
    assert counts.roles > 1000
    assert {"salary-com", "onet-29", "bls-oews-2024"} <= set(bundled_repo.sources)
    assert bundled_repo.sources["onet-29"].licence == "CC BY 4.0"
    assert "O*NET" in (bundled_repo.sources["onet-29"].attribution or "")
    oews = sorted(s.label for s in bundled_repo.sources.values() if s.series == "bls-oews-national")
    assert oews == ["BLS OEWS May 2020", "BLS OEWS May 2021", "BLS OEWS May 2022", "BLS OEWS May 2024"]
    parts = bundled_repo.source_counts()
    assert parts["onet-29"]["roles"] > 1000 and parts["salary-com"]["roles"] == 8


def test_curated_roles_link_to_their_onet_occupation(bundled_repo):
    links = {(t.from_role, t.to_role) for t in bundled_repo.transitions() if t.kind.value == "related"}
    assert ("salary-com/customer-service-manager", "onet/43-1011.00") in links


# -- facts from the shared files ------------------------------------------------------------


def _onet_value(file: str, code: str, element: str, scale: str) -> float:
    with (ONET / file).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["O*NET-SOC Code"] == code and row["Element Name"] == element and row["Scale ID"] == scale:
                return float(row["Data Value"])
    raise AssertionError(f"{element} {scale} of {code} not in {file}")


def _sheet_median(path: Path, code: str):
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = next(ws for ws in workbook.worksheets if ws.title.startswith("national"))
        rows = sheet.iter_rows(values_only=True)
        header = next(rows)
        for row in rows:
            record = dict(zip(header, row))
            if record["OCC_CODE"] == code:
                return record["A_MEDIAN"]
    finally:
        workbook.close()
    return None


@needs_shared
def test_speaking_level_of_customer_service_representatives_is_as_in_skills_txt(bundled_repo):
    role = bundled_repo.role("onet/43-4051.00")
    speaking = next(c.id for c in bundled_repo.competencies.values() if c.name == "Speaking")
    level = next(q.level for q in role.requirements if q.competency == speaking)
    assert level == pytest.approx(_onet_value("Skills.txt", "43-4051.00", "Speaking", "LV"))


@needs_shared
@pytest.mark.parametrize("year", ["2021", "2024"])
def test_wage_history_medians_are_as_in_each_workbook(bundled_repo, year):
    workbook = next(p for p in WAGES if f"_M{year}_" in p.name)
    role = bundled_repo.role("onet/43-4051.00")
    band = next(b for b in role.salaries + role.pay_history if b.source == f"bls-oews-{year}")
    assert band.median == _sheet_median(workbook, "43-4051")
    assert band.as_of.year == int(year)


@needs_shared
def test_the_2021_release_keeps_its_own_top_code_floor(bundled_repo):
    source = bundled_repo.sources["bls-oews-2021"]
    assert "$208,000 a year" in source.note and "$100.00 an hour" in source.note
    assert "$239,200 a year" in bundled_repo.sources["bls-oews-2024"].note
    # a top-coded percentile of 2021 is stored as that year's floor, marked as a lower bound
    floors = [b for r in ("onet/11-1011.00", "onet/29-1216.00") for b in bundled_repo.role(r).pay_history
              if b.source == "bls-oews-2021" and b.lower_bounds]
    assert floors and all(getattr(b, b.lower_bounds[-1]) == 208_000 for b in floors)


@needs_shared
def test_a_year_without_the_occupation_is_missing_not_copied(bundled_repo):
    # Software Developers were coded 15-1256 together with testers in May 2020: no 2020 figure.
    role = bundled_repo.role("onet/15-1252.00")
    years = {b.source for b in role.salaries + role.pay_history}
    assert "bls-oews-2020" not in years and {"bls-oews-2021", "bls-oews-2024"} <= years


def test_no_two_competencies_of_one_source_share_a_name(bundled_repo):
    # O*NET has a Mathematics skill and a Mathematics knowledge area: a list showing "Mathematics" twice misleads.
    names: dict[tuple[str, str], list[str]] = {}
    for competency in bundled_repo.competencies.values():
        names.setdefault((competency.source, competency.name.casefold()), []).append(competency.id)
    assert [ids for ids in names.values() if len(ids) > 1] == []
    assert bundled_repo.competencies["onet/2.c.4.a"].name == "Mathematics (knowledge)"
    assert bundled_repo.competencies["onet/2.a.1.e"].name == "Mathematics (skill)"
