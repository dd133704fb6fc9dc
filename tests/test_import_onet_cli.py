"""`catalogue import-onet`: a tiny fixture release always, and the full O*NET 29.0 + OEWS 2024 when present."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.launcher import main
from tests.test_importers_onet import write_release

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ONET = SHARED / "onet-29.0"
OEWS = SHARED / "bls-oews-2024" / "national_M2024_dl.xlsx"
SPEAKING = "onet/2.a.1.d"


def test_small_release_with_progress_on_stderr(tmp_path, capsys):
    release = write_release(tmp_path / "release")
    out = tmp_path / "onet.sqlite"
    assert main(["catalogue", "import-onet", str(release), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Importing O*NET:" in err and "100% Done" in err
    assert err.strip().splitlines()[-1].startswith(f"Imported {out}: O*NET 29.0")
    repo = CatalogueRepository(out)
    assert repo.counts().roles >= 2 and repo.info.version == "29.0"
    repo.close()


def test_missing_release_and_wages_are_one_line_errors(tmp_path, capsys):
    out = tmp_path / "onet.sqlite"
    # Checked while the arguments are parsed, before any work: argparse exits with status 2.
    with pytest.raises(SystemExit, match="2"):
        main(["catalogue", "import-onet", str(tmp_path / "nowhere"), "-o", str(out)])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such O*NET release" in err
    release = write_release(tmp_path / "release")
    with pytest.raises(SystemExit, match="2"):
        main(["catalogue", "import-onet", str(release), "--wages", str(tmp_path / "no.xlsx"), "-o", str(out)])
    assert "no such OEWS file" in capsys.readouterr().err
    assert not out.exists()


def test_broken_release_writes_nothing(tmp_path, capsys):
    release = write_release(tmp_path / "release")
    (release / "Skills.txt").write_text("nonsense\n", encoding="utf-8")
    out = tmp_path / "onet.sqlite"
    assert main(["catalogue", "import-onet", str(release), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Skills.txt" in err.splitlines()[-1] and "Traceback" not in err
    assert not out.exists()


# -- the real data -------------------------------------------------------------------------------

needs_data = pytest.mark.skipif(
    not (ONET.is_dir() and OEWS.is_file()), reason=f"O*NET 29.0 and OEWS 2024 not found under {SHARED}"
)


@pytest.fixture(scope="module")
def full_repo(tmp_path_factory):
    out = tmp_path_factory.mktemp("onet-full") / "onet.sqlite"
    code = main(["catalogue", "import-onet", str(ONET), "--wages", str(OEWS), "-o", str(out)])
    assert code == 0
    repo = CatalogueRepository(out)
    yield repo
    repo.close()


@pytest.mark.slow
@needs_data
def test_more_than_870_occupations_with_skills(full_repo):
    skills = {cid for cid, c in full_repo.competencies.items() if c.kind.value == "skill"}
    rows = full_repo._conn.execute(
        f"SELECT count(DISTINCT role) FROM requirements WHERE competency IN ({','.join('?' * len(skills))})",
        tuple(skills),
    ).fetchone()
    assert len(skills) == 35
    assert rows[0] > 870


@pytest.mark.slow
@needs_data
def test_speaking_level_of_customer_service_representatives_matches_skills_txt(full_repo):
    with open(ONET / "Skills.txt", encoding="utf-8", newline="") as handle:
        expected = next(
            float(r["Data Value"]) for r in csv.DictReader(handle, delimiter="\t")
            if r["O*NET-SOC Code"] == "43-4051.00" and r["Element Name"] == "Speaking" and r["Scale ID"] == "LV"
        )
    role = full_repo.role("onet/43-4051.00")
    level = next(q.level for q in role.requirements if q.competency == SPEAKING)
    assert level == pytest.approx(expected)


@pytest.mark.slow
@needs_data
def test_oews_median_matches_the_xlsx(full_repo):
    from openpyxl import load_workbook

    workbook = load_workbook(OEWS, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip().upper() for h in next(rows)]
    code_at, median_at = header.index("OCC_CODE"), header.index("A_MEDIAN")
    group_at = header.index("O_GROUP") if "O_GROUP" in header else header.index("OCC_GROUP")
    area_at = header.index("AREA_TYPE") if "AREA_TYPE" in header else None
    expected = None
    for row in rows:
        if row[code_at] == "43-4051" and row[group_at] == "detailed" and (area_at is None or str(row[area_at]) == "1"):
            expected = float(row[median_at])
            break
    workbook.close()
    assert expected is not None
    bands = [b for b in full_repo.role("onet/43-4051.00").salaries if b.source == "bls-oews-2024"]
    assert bands and bands[0].median == expected


@pytest.mark.slow
@needs_data
def test_route_from_customer_service_representative_to_administrative_services_manager(full_repo):
    from career_explorer.services.routes import find_routes

    result = find_routes(full_repo, "onet/43-4051.00", "onet/11-3012.00")
    assert result.found
    assert ("onet/43-4051.00", "onet/43-1011.00", "onet/11-3012.00") in [r.role_ids for r in result.routes]


def test_several_wage_files_make_a_history_labelled_with_each_files_own_year(tmp_path, capsys):
    from tests.test_importers_oews import write_xlsx

    release = write_release(tmp_path / "release")
    older = write_xlsx(tmp_path / "older.xlsx", release="May 2021", floor="$100.00 per hour or $208,000 per year",
                       sheet_name="national_M2021_dl")
    newer = write_xlsx(tmp_path / "newer.xlsx", release="May 2023", floor="$115.00 per hour or $239,200 per year",
                       sheet_name="national_M2023_dl")
    out = tmp_path / "onet.sqlite"
    # given newest first: the order of --wages does not matter, the workbooks' own dates do
    assert main(["catalogue", "import-onet", str(release), "--wages", str(newer), "--wages", str(older),
                 "-o", str(out)]) == 0
    capsys.readouterr()
    repo = CatalogueRepository(out)
    assert repo.info.name == "O*NET with BLS OEWS May 2021 to May 2023"
    assert repo.sources["bls-oews-2023"].label == "BLS OEWS May 2023"
    assert "$208,000 a year" in repo.sources["bls-oews-2021"].note
    csr = repo.role("onet/43-4051.00")
    assert [(b.source, b.as_of.isoformat()) for b in csr.salaries] == [("bls-oews-2023", "2023-05-01")]
    assert [(b.source, b.as_of.isoformat()) for b in csr.pay_history] == [("bls-oews-2021", "2021-05-01")]
    repo.close()


def test_a_wage_file_whose_year_cannot_be_read_is_a_one_line_error(tmp_path, capsys):
    from tests.test_importers_oews import write_xlsx

    release = write_release(tmp_path / "release")
    unknown = write_xlsx(tmp_path / "wages.xlsx", release=None, sheet_name="wages")
    out = tmp_path / "onet.sqlite"
    assert main(["catalogue", "import-onet", str(release), "--wages", str(unknown), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "wages.xlsx" in err and "cannot tell which OEWS release" in err and "Traceback" not in err
    assert not out.exists()
