"""OEWS importer: tiny fixture spreadsheets plus the real May 2024 national file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from career_explorer.data.importers.errors import SourceFormatError
from career_explorer.data.importers.oews import band_for, major_group_titles, match_oews, read_oews, row_to_band
from career_explorer.data.importers.onet_catalogue import read_releases

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OEWS = SHARED / "bls-oews-2024" / "national_M2024_dl.xlsx"

HEADER = [
    "AREA", "AREA_TITLE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN",
    "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
    "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY",
]


def _row(code, title, group, emp, hourly, annual, annual_flag=None, hourly_flag=None):
    """hourly/annual: (mean, p10, p25, p50, p75, p90)."""
    h_mean, *h_pcts = hourly
    a_mean, *a_pcts = annual
    return ["99", "U.S.", code, title, group, emp, h_mean, a_mean, *h_pcts, *a_pcts, annual_flag, hourly_flag]


def fixture_rows() -> list[list]:
    return [
        _row("00-0000", "All Occupations", "total", 100, (30, 14, 17, 23, 37, 60),
             (62000, 29990, 36730, 49500, 78810, 125720)),
        _row("11-0000", "Management Occupations", "major", 10, (68, 27, 38, 58, 82, "#"),
             (141760, 57010, 79900, 122090, 171610, "#")),
        _row("11-1011", "Chief Executives", "detailed", 5, (126, 35, 60, 99, "#", "#"),
             (262930, 73710, 126080, 206420, "#", "#")),
        _row("27-2011", "Actors", "detailed", "**", (44.4, 14, 16.94, 23.33, 41.09, 97.19), ("*",) * 6, None, "TRUE"),
        _row("43-4051", "Customer Service Representatives", "detailed", 2725930,
             (21.82, 14.75, 17.29, 20.59, 24.11, 30.16), (45380, 30690, 35970, 42830, 50140, 62730)),
        _row("45-2090", "Miscellaneous Agricultural Workers", "detailed", "*", ("*",) * 6, ("*",) * 6),
        _row("13-1020", "Buyers and Purchasing Agents", "broad", 486900,
             (39, 22, 28, 36, 47, 61), (81720, 46460, 58670, 75650, 99190, 127520)),
        _row("13-1020", "Buyers and Purchasing Agents", "detailed", 486900,
             (39, 22, 28, 36, 47, 61), (81720, 46460, 58670, 75650, 99190, 127520)),
        _row("25-2012", "Kindergarten Teachers", "detailed", "1,000",
             ("*",) * 6, ("67,020", "45,750", "50,290", "61,430", "77,720", "99,360"), "TRUE", None),
    ]


def write_xlsx(
    path: Path,
    rows: list[list] | None = None,
    header: list[str] | None = None,
    *,
    release: str | None = "May 2024",
    floor: str | None = "$115.00 per hour or $239,200 per year",
    sheet_name: str = "national_M2024_dl",
) -> Path:
    """A workbook laid out like BLS's: a Field Descriptions sheet stating the release and '#' floor."""
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Field Descriptions"
    if release:
        notes.append([f"{release} OEWS Estimates"])
    notes.append(["Field", "Field Description"])
    notes.append(["occ_code", "The 6-digit Standard Occupational Classification (SOC) code"])
    notes.append(["Notes:"])
    if floor:
        notes.append([f"#  = indicates a wage equal to or greater than {floor} "])
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(header or HEADER)
    for row in fixture_rows() if rows is None else rows:
        sheet.append(row)
    workbook.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# Fixture spreadsheets


def test_reads_rows_and_special_values(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx"))
    csr = rows["43-4051"]
    assert csr.title == "Customer Service Representatives" and csr.group == "detailed"
    assert csr.employment == 2725930 and csr.row == 6
    assert csr.annual == {"p10": 30690, "p25": 35970, "p50": 42830, "p75": 50140, "p90": 62730, "mean": 45380}
    assert csr.median == 42830

    # '*' and '**' are missing values
    actors = rows["27-2011"]
    assert actors.employment is None
    assert set(actors.annual.values()) == {None}
    assert rows["45-2090"].employment is None and set(rows["45-2090"].hourly.values()) == {None}
    # text numbers with thousands separators are read
    assert rows["25-2012"].annual["p50"] == 61430 and rows["25-2012"].employment == 1000


def test_hash_is_a_lower_bound_never_a_number(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx"))
    ceo = rows["11-1011"]
    assert ceo.annual_lower == ("p75", "p90") and ceo.hourly_lower == ("p75", "p90")
    band = row_to_band(ceo)
    assert band.lower_bounds == ("p75", "p90")
    assert band.p75 == band.p90 == rows.release.annual_floor == 239_200
    assert band.percentiles() == {"p10": 73710, "p25": 126080, "p50": 206420}
    assert band.median == 206420
    assert (band.source, band.region, band.currency, band.period.value, band.basis.value) == (
        "bls-oews-2024", "US", "USD", "annual", "base")
    assert band.as_of.isoformat() == "2024-05-01"


def test_bands_for_missing_and_hourly_only_rows(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx"))
    assert row_to_band(rows["45-2090"]) is None
    actors = row_to_band(rows["27-2011"])
    assert actors.period.value == "hourly" and actors.p50 == 23.33 and "hourly wages only" in actors.note
    teachers = row_to_band(rows["25-2012"])
    assert teachers.period.value == "annual" and teachers.p50 == 61430


def test_join_by_first_seven_characters_and_bls_aggregates(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx"))
    row, exact = match_oews("43-4051.00", rows)
    assert row.occ_code == "43-4051" and exact
    assert band_for("43-4051.00", rows).note is None
    # the detailed row wins over the broad row with the same code, and covers 13-1021..13-1023
    assert rows["13-1020"].group == "detailed"
    row, exact = match_oews("13-1022.00", rows)
    assert row.occ_code == "13-1020" and not exact
    assert "13-1020" in band_for("13-1022.00", rows).note
    assert band_for("13-1022.00", rows).covers == "SOC 13-1020 Buyers and Purchasing Agents"
    assert band_for("43-4051.00", rows).covers is None
    # an O*NET-only detail gets its SOC occupation's estimate, with a note saying so
    assert "11-1011 Chief Executives" in band_for("11-1011.03", rows).note
    assert match_oews("55-3016.00", rows) == (None, False)
    assert major_group_titles(rows) == {"11": "Management Occupations"}


def test_release_year_and_floor_are_read_from_the_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "oews.xlsx", release="May 2023", floor="$105.50 per hour or $219,440 per year",
                      sheet_name="national_M2023_dl")
    rows = read_oews(path)
    assert (rows.release.year, rows.release.month, rows.release.label) == (2023, 5, "May 2023")
    assert (rows.release.hourly_floor, rows.release.annual_floor) == (105.5, 219_440)
    band = row_to_band(rows["11-1011"])
    assert (band.source, band.as_of.isoformat()) == ("bls-oews-2023", "2023-05-01")
    assert band.p90 == 219_440 and "p90" in band.lower_bounds and "$219,440 a year" in band.note
    hourly = row_to_band(rows["27-2011"])
    assert hourly.as_of.isoformat() == "2023-05-01"
    source = rows.release.source()
    assert (source.id, source.label, source.series) == ("bls-oews-2023", "BLS OEWS May 2023", "bls-oews-national")
    assert "May 2023" in source.name and "$219,440 a year" in source.note


def test_a_november_release_is_labelled_november(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx", release="November 2019", sheet_name="national_dl"))
    assert rows.release.label == "November 2019" and rows.release.source_id == "bls-oews-2019-11"
    assert row_to_band(rows["43-4051"]).as_of.isoformat() == "2019-11-01"


def test_year_from_the_sheet_name_when_field_descriptions_do_not_say(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx", release=None, sheet_name="national_M2021_dl"))
    assert rows.release.label == "May 2021"


def test_a_workbook_whose_year_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "oews.xlsx", release=None, sheet_name="wages")
    with pytest.raises(SourceFormatError) as info:
        read_oews(path)
    assert "oews.xlsx" in str(info.value) and "cannot tell which OEWS release" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_hash_without_a_stated_floor_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError) as info:
        read_oews(write_xlsx(tmp_path / "oews.xlsx", floor=None))
    assert "oews.xlsx:3: A_PCT90" in str(info.value) and "no '#' floor" in str(info.value)


def test_two_files_of_one_release_are_refused(tmp_path: Path) -> None:
    a = write_xlsx(tmp_path / "a.xlsx")
    b = write_xlsx(tmp_path / "b.xlsx")
    with pytest.raises(SourceFormatError, match="b.xlsx: holds the May 2024 release"):
        read_releases([a, b])


def test_detailed_only(tmp_path: Path) -> None:
    rows = read_oews(write_xlsx(tmp_path / "oews.xlsx"), groups={"detailed"})
    assert {r.group for r in rows.values()} == {"detailed"}
    assert "11-0000" not in rows


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    header = [("A_MED" if h == "A_MEDIAN" else h) for h in HEADER]
    path = write_xlsx(tmp_path / "oews.xlsx", header=header)
    with pytest.raises(SourceFormatError) as info:
        read_oews(path)
    message = str(info.value)
    assert "\n" not in message and "oews.xlsx:1: A_MEDIAN: column missing" in message
    assert info.value.column == "A_MEDIAN"


def test_bad_value_names_file_row_and_column(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows[4][HEADER.index("A_PCT25")] = "about 36k"
    with pytest.raises(SourceFormatError) as info:
        read_oews(write_xlsx(tmp_path / "oews.xlsx", rows))
    assert str(info.value).endswith("oews.xlsx:6: A_PCT25: 'about 36k' is not a wage, '*', '**' or '#'")
    assert (info.value.line, info.value.column) == (6, "A_PCT25")


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "oews.xlsx"
    path.write_text("not a spreadsheet")
    with pytest.raises(SourceFormatError, match="oews.xlsx: not a readable .xlsx"):
        read_oews(path)
    with pytest.raises(SourceFormatError, match="no such file"):
        read_oews(tmp_path / "missing.xlsx")


# ---------------------------------------------------------------------------------------------
# Real OEWS May 2024


@pytest.fixture(scope="module")
def sheet_rows() -> list[dict]:
    """The data sheet read independently of the importer."""
    if not OEWS.is_file():
        pytest.skip(f"OEWS May 2024 spreadsheet not found at {OEWS}")
    workbook = openpyxl.load_workbook(OEWS, read_only=True)
    try:
        values = list(workbook["national_M2024_dl"].iter_rows(values_only=True))
    finally:
        workbook.close()
    return [dict(zip(values[0], row)) for row in values[1:]]


@pytest.fixture(scope="module")
def oews_all(sheet_rows):
    return read_oews(OEWS)


def test_real_median_of_customer_service_representatives(sheet_rows, oews_all) -> None:
    expected = next(r for r in sheet_rows if r["OCC_CODE"] == "43-4051")["A_MEDIAN"]
    assert isinstance(expected, (int, float))
    assert oews_all["43-4051"].median == expected
    assert band_for("43-4051.00", oews_all).median == expected


def test_real_hash_values_are_lower_bounds(sheet_rows, oews_all) -> None:
    hashed = [r for r in sheet_rows if r["O_GROUP"] == "detailed" and r["A_MEDIAN"] == "#"]
    assert hashed
    for source in hashed:
        band = row_to_band(oews_all[source["OCC_CODE"]])
        assert "p50" in band.lower_bounds and band.median is None
        assert "p50" not in band.percentiles()
    p90 = [r for r in sheet_rows if r["O_GROUP"] == "detailed" and r["A_PCT90"] == "#"]
    assert all("p90" in row_to_band(oews_all[r["OCC_CODE"]]).lower_bounds for r in p90)


def test_real_counts(sheet_rows, oews_all) -> None:
    detailed = {r["OCC_CODE"] for r in sheet_rows if r["O_GROUP"] == "detailed"}
    assert len(detailed) == 831
    assert all(oews_all[code].group == "detailed" for code in detailed)
    assert len(major_group_titles(oews_all)) == 22
    assert sum(row_to_band(oews_all[c]) is not None for c in detailed) == len(detailed)


# ---------------------------------------------------------------------------------------------
# Every real release in the shared data: years and floors from the files

HISTORY = sorted(SHARED.glob("bls-oews-*/national_*.xlsx"))


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


@pytest.mark.slow
@pytest.mark.parametrize("path", HISTORY, ids=[p.name for p in HISTORY])
def test_each_real_release_is_labelled_with_its_own_year_and_floor(path: Path) -> None:
    rows = read_oews(path)
    year = int(path.stem.split("_M")[1][:4])
    assert rows.release.label == f"May {year}"
    if year <= 2021:
        assert (rows.release.hourly_floor, rows.release.annual_floor) == (100.0, 208_000)
    else:
        assert (rows.release.hourly_floor, rows.release.annual_floor) == (115.0, 239_200)
    assert band_for("43-4051.00", rows).median == _sheet_median(path, "43-4051")
