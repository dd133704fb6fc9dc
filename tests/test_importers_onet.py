"""O*NET importer, catalogue assembly and source writer: tiny fixture releases plus the real 29.0 data."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from career_explorer.data.importers.errors import Cancelled, SourceFormatError, UnknownOccupationError
from career_explorer.data.importers.onet import read_onet
from career_explorer.data.importers.onet_catalogue import build_onet_catalogue
from career_explorer.data.importers.source_writer import source_document, write_source_file
from career_explorer.domain.catalogue import Competency, Role, Transition

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ONET = SHARED / "onet-29.0"
OEWS = SHARED / "bls-oews-2024" / "national_M2024_dl.xlsx"
STARTER_CODES = ("43-4051.00", "43-1011.00", "11-3012.00", "15-1232.00")

needs_onet = pytest.mark.skipif(not ONET.is_dir(), reason=f"O*NET 29.0 text release not found at {ONET}")

RATING_HEADER = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\t"
    "Upper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
)


def _rating(code: str, element: str, name: str, scale: str, value: str, suppress: str = "N") -> str:
    return f"{code}\t{element}\t{name}\t{scale}\t{value}\t8\t0.1\t1\t2\t{suppress}\tN\t08/2023\tAnalyst"


def release_files() -> dict[str, str]:
    """A minimal O*NET-like release: three occupations, two skills, one knowledge area."""
    skills = [
        RATING_HEADER,
        _rating("11-3012.00", "2.A.1.a", "Reading Comprehension", "IM", "4.00"),
        _rating("11-3012.00", "2.A.1.a", "Reading Comprehension", "LV", "4.12"),
        _rating("11-3012.00", "2.A.1.d", "Speaking", "IM", "3.88"),
        _rating("11-3012.00", "2.A.1.d", "Speaking", "LV", "3.75", "Y"),
        _rating("43-4051.00", "2.A.1.a", "Reading Comprehension", "IM", "3.38"),
        _rating("43-4051.00", "2.A.1.a", "Reading Comprehension", "LV", "3.12"),
        _rating("43-4051.00", "2.A.1.d", "Speaking", "IM", "4.00"),
        _rating("43-4051.00", "2.A.1.d", "Speaking", "LV", "3.62"),
    ]
    knowledge = [
        RATING_HEADER,
        _rating("11-3012.00", "2.C.1.a", "Administration and Management", "IM", "4.5"),
        _rating("11-3012.00", "2.C.1.a", "Administration and Management", "LV", "5.1"),
        _rating("43-4051.00", "2.C.1.a", "Administration and Management", "IM", "2.0"),
        _rating("43-4051.00", "2.C.1.a", "Administration and Management", "LV", "2.2"),
    ]
    return {
        "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n"
        "11-3012.00\tAdministrative Services Managers\tPlan and coordinate support services.\n"
        "43-4051.00\tCustomer Service Representatives\tAnswer customers' questions.\n"
        "55-3016.00\tInfantry\tOperate weapons.\n",
        "Skills.txt": "\n".join(skills) + "\n",
        "Knowledge.txt": "\n".join(knowledge) + "\n",
        "Content Model Reference.txt": "Element ID\tElement Name\tDescription\n"
        "2.A.1.a\tReading Comprehension\tUnderstanding written sentences.\n"
        "2.A.1.d\tSpeaking\tTalking to others to convey information effectively.\n"
        "2.C.1.a\tAdministration and Management\tKnowledge of business principles.\n",
        "Level Scale Anchors.txt": "Element ID\tElement Name\tScale ID\tAnchor Value\tAnchor Description\n"
        "2.A.1.d\tSpeaking\tLV\t2\tGreet tourists\n"
        "2.A.1.d\tSpeaking\tLV\t6\tArgue a case before a court\n"
        "2.A.1.d\tSpeaking\tIM\t1\tNot a level anchor\n",
        "Job Zones.txt": "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n"
        "11-3012.00\t3\t07/2017\tAnalyst\n"
        "43-4051.00\t2\t08/2022\tAnalyst\n",
        "Job Zone Reference.txt": "Job Zone\tName\tExperience\n"
        "1\tJob Zone One: Little or No Preparation Needed\tx\n"
        "2\tJob Zone Two: Some Preparation Needed\tx\n"
        "3\tJob Zone Three: Medium Preparation Needed\tx\n"
        "4\tJob Zone Four: Considerable Preparation Needed\tx\n"
        "5\tJob Zone Five: Extensive Preparation Needed\tx\n",
        "Related Occupations.txt": "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n"
        "43-4051.00\t11-3012.00\tSupplemental\t12\n"
        "11-3012.00\t43-4051.00\tPrimary-Short\t1\n"
        "11-3012.00\t13-1111.00\tPrimary-Short\t2\n"
        "55-3016.00\t43-4051.00\tSupplemental\t15\n",
        "Alternate Titles.txt": "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "43-4051.00\tCall Center Representative\tn/a\t08\n"
        "43-4051.00\tCustomer Care Representative\tCCR\t08\n"
        "43-4051.00\tcall center representative\tn/a\t10\n"
        "43-4051.00\tAccount Representative\tn/a\t10\n",
    }


def write_release(folder: Path, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (files or release_files()).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# Fixture releases


def test_reads_a_small_release(tmp_path: Path) -> None:
    data = read_onet(write_release(tmp_path / "db_29_0_text"))
    roles = {r.id: r for r in data.roles}
    assert sorted(roles) == ["onet/11-3012.00", "onet/43-4051.00", "onet/55-3016.00"]

    csr = roles["onet/43-4051.00"]
    assert csr.level == "JZ2" and csr.family == "soc-43" and csr.soc_code == "43-4051.00"
    assert csr.source == "onet-29" and csr.summary == "Answer customers' questions."
    assert csr.alt_titles == ("Account Representative", "Call Center Representative", "CCR",
                              "Customer Care Representative")
    speaking = {q.competency: q for q in csr.requirements}["onet/2.a.1.d"]
    assert (speaking.level, speaking.importance, speaking.suppressed) == (3.62, 4.0, False)
    assert csr.unpublished == 0 and csr.note is None

    manager = roles["onet/11-3012.00"]
    assert {q.competency: q.suppressed for q in manager.requirements}["onet/2.a.1.d"] is True
    assert len(manager.requirements) == 3  # two skills and one knowledge area

    # O*NET rates nothing for Infantry: no requirements, and the role says so.
    infantry = roles["onet/55-3016.00"]
    assert infantry.requirements == () and infantry.level is None
    assert infantry.unpublished == 3 and "no skill or knowledge ratings" in infantry.note
    assert data.unrated == ("55-3016.00",)

    comps = {c.id: c for c in data.competencies}
    assert sorted(comps) == ["onet/2.a.1.a", "onet/2.a.1.d", "onet/2.c.1.a"]
    assert comps["onet/2.c.1.a"].kind.value == "knowledge"
    assert comps["onet/2.a.1.d"].definition == "Talking to others to convey information effectively."
    assert [(b.level, b.text, b.source) for b in comps["onet/2.a.1.d"].behaviours] == [
        (2, "Greet tourists", "onet-29"), (6, "Argue a case before a court", "onet-29")]
    assert all(c.scale == "onet-level-7" for c in comps.values())

    assert [f.id for f in data.job_families] == ["soc-11", "soc-43", "soc-55"]
    assert data.job_families[2].name == "Military Specific Occupations"
    assert [(lv.code, lv.rank, lv.ladder) for lv in data.job_levels][:2] == [
        ("JZ1", 1, "onet-job-zone"), ("JZ2", 2, "onet-job-zone")]
    assert [s.id for s in data.sources] == ["onet-29"]
    assert "CC BY 4.0" in data.sources[0].attribution
    assert (data.scales[0].min, data.scales[0].max) == (0, 7)


def test_transitions_keep_both_ends_and_classify_by_job_zone(tmp_path: Path) -> None:
    data = read_onet(write_release(tmp_path / "r"))
    got = {(t.from_role, t.to_role): t for t in data.transitions}
    # 13-1111.00 is not in the release; unrated Infantry has no zone -> related
    assert set(got) == {("onet/43-4051.00", "onet/11-3012.00"), ("onet/11-3012.00", "onet/43-4051.00"),
                        ("onet/55-3016.00", "onet/43-4051.00")}
    up = got[("onet/43-4051.00", "onet/11-3012.00")]
    assert up.kind.value == "promotion" and up.tier == "Supplemental"
    # O*NET names the related occupation; "promotion" is the app's rule, and the basis says so
    assert up.basis.startswith("O*NET lists it as a more distant related occupation, 12th on its list.")
    assert "the app's rule, not O*NET's word" in up.basis
    assert got[("onet/11-3012.00", "onet/43-4051.00")].kind.value == "lateral"  # to a lower zone: not a promotion
    assert got[("onet/55-3016.00", "onet/43-4051.00")].kind.value == "lateral"  # zone unknown: not a promotion


def test_soc_codes_and_skills_only(tmp_path: Path) -> None:
    data = read_onet(write_release(tmp_path / "r"), {"43-4051.00"}, include_knowledge=False)
    assert [r.id for r in data.roles] == ["onet/43-4051.00"]
    assert [c.id for c in data.competencies] == ["onet/2.a.1.a", "onet/2.a.1.d"]
    assert data.transitions == ()
    assert [f.id for f in data.job_families] == ["soc-43"]
    with pytest.raises(UnknownOccupationError, match="99-9999.00"):
        read_onet(tmp_path / "r", {"99-9999.00"})


def test_zip_input(tmp_path: Path) -> None:
    archive = tmp_path / "db_29_0_text.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, text in release_files().items():
            zf.writestr(f"db_29_0_text/{name}", text)
    from_zip = read_onet(archive)
    from_folder = read_onet(write_release(tmp_path / "db_29_0_text"))
    assert from_zip.roles == from_folder.roles
    assert from_zip.competencies == from_folder.competencies
    assert from_zip.transitions == from_folder.transitions


def test_parent_folder_of_the_release_works(tmp_path: Path) -> None:
    write_release(tmp_path / "downloads" / "db_29_0_text")
    assert len(read_onet(tmp_path / "downloads").roles) == 3


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    files = release_files()
    files["Skills.txt"] = files["Skills.txt"].replace("Data Value", "Value", 1)
    folder = write_release(tmp_path / "r", files)
    with pytest.raises(SourceFormatError) as info:
        read_onet(folder)
    message = str(info.value)
    assert "\n" not in message
    assert "Skills.txt:1" in message and "Data Value" in message and "missing" in message
    assert info.value.column == "Data Value" and info.value.line == 1
    assert info.value.file.endswith("Skills.txt")


def test_bad_number_names_file_line_and_column(tmp_path: Path) -> None:
    files = release_files()
    files["Knowledge.txt"] = files["Knowledge.txt"].replace("\t5.1\t", "\tfive\t")
    folder = write_release(tmp_path / "r", files)
    with pytest.raises(SourceFormatError) as info:
        read_onet(folder)
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith("Knowledge.txt:3: Data Value: 'five' is not a number")
    assert (info.value.line, info.value.column) == (3, "Data Value")


def test_out_of_range_level_and_bad_code(tmp_path: Path) -> None:
    files = release_files()
    files["Skills.txt"] = files["Skills.txt"].replace("\t3.62\t", "\t7.5\t")
    with pytest.raises(SourceFormatError, match=r"Skills.txt:9: Data Value: 7.5 is outside 0..7"):
        read_onet(write_release(tmp_path / "a", files))
    files = release_files()
    files["Job Zones.txt"] = files["Job Zones.txt"].replace("43-4051.00", "43-4051", 1)
    with pytest.raises(SourceFormatError, match=r"Job Zones.txt:3: O\*NET-SOC Code: '43-4051' is not"):
        read_onet(write_release(tmp_path / "b", files))


def test_short_row_names_the_missing_column(tmp_path: Path) -> None:
    files = release_files()
    files["Job Zones.txt"] += "15-1232.00\n"
    with pytest.raises(SourceFormatError, match=r"Job Zones.txt:4: Job Zone: the row has 1 tab-separated field"):
        read_onet(write_release(tmp_path / "r", files))


def test_missing_file_and_missing_release(tmp_path: Path) -> None:
    files = release_files()
    del files["Related Occupations.txt"]
    with pytest.raises(SourceFormatError, match=r"Related Occupations.txt: file missing"):
        read_onet(write_release(tmp_path / "r", files))
    with pytest.raises(SourceFormatError, match="no such folder or zip file"):
        read_onet(tmp_path / "nowhere")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(SourceFormatError, match="not an O\\*NET text release"):
        read_onet(tmp_path / "notes.txt")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r")
    path = folder / "Alternate Titles.txt"
    path.write_bytes(path.read_bytes().replace(b"Account", b"Acc\xffount"))
    with pytest.raises(SourceFormatError, match=r"Alternate Titles.txt:5: not UTF-8"):
        read_onet(folder)


def test_progress_and_cancel(tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r")
    seen: list[tuple[float, str]] = []
    read_onet(folder, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(isinstance(m, str) and m for _, m in seen)

    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        read_onet(folder, cancel=cancel)


def test_catalogue_without_wages(tmp_path: Path) -> None:
    catalogue = build_onet_catalogue(write_release(tmp_path / "r"))
    assert catalogue.info.name == "O*NET" and catalogue.info.version == "29.0"
    assert all(r.salaries == () for r in catalogue.roles)


# ---------------------------------------------------------------------------------------------
# Source writer


def test_source_writer_is_sorted_deterministic_and_round_trips(tmp_path: Path) -> None:
    data = read_onet(write_release(tmp_path / "r"))
    parts = data.parts()
    shuffled = {key: tuple(reversed(models)) for key, models in parts.items()}
    first = write_source_file(parts, tmp_path / "out" / "a.json")
    second = write_source_file(shuffled, tmp_path / "out" / "b.json")
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]  # no temp files

    text = first.read_text(encoding="utf-8")
    assert text.startswith('{\n "sources": [\n  {\n   "id": "onet-29"')
    document = json.loads(text)
    assert "catalogue" not in document
    assert list(document) == ["sources", "scales", "job_families", "job_levels", "competencies", "roles",
                              "transitions"]
    assert [r["id"] for r in document["roles"]] == sorted(r["id"] for r in document["roles"])
    # defaults are left out
    assert "unpublished" not in document["roles"][0] and "suppressed" not in document["roles"][0]["requirements"][0]
    assert [Role.model_validate(r) for r in document["roles"]] == list(data.roles)
    assert [Competency.model_validate(c) for c in document["competencies"]] == list(data.competencies)
    assert [Transition.model_validate(t) for t in document["transitions"]] == list(data.transitions)


def test_source_writer_writes_catalogue_table_for_a_catalogue(tmp_path: Path) -> None:
    catalogue = build_onet_catalogue(write_release(tmp_path / "r"))
    document = json.loads(write_source_file(catalogue, tmp_path / "c.json").read_text(encoding="utf-8"))
    assert document["catalogue"]["name"] == "O*NET"
    with pytest.raises(ValueError, match="unknown catalogue section"):
        source_document({"people": []})


def test_source_writer_keeps_the_old_file_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    target.write_text("old", encoding="utf-8")
    data = read_onet(write_release(tmp_path / "r"))
    with pytest.raises(ValueError, match="listed twice"):
        write_source_file({"roles": data.roles + data.roles[:1]}, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# ---------------------------------------------------------------------------------------------
# Real O*NET 29.0


@pytest.fixture(scope="module")
def onet_all():
    if not ONET.is_dir():
        pytest.skip(f"O*NET 29.0 text release not found at {ONET}")
    return read_onet(ONET)


def _skills_rows() -> list[dict[str, str]]:
    with open(ONET / "Skills.txt", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))


@needs_onet
def test_real_release_counts(onet_all) -> None:
    with open(ONET / "Occupation Data.txt", encoding="utf-8") as stream:
        occupations = sum(1 for line in stream if line.strip()) - 1
    assert len(onet_all.roles) == occupations
    rated = [r for r in onet_all.roles if r.requirements]
    assert len(rated) > 870
    assert len(onet_all.unrated) == occupations - len(rated)
    kinds = [c.kind.value for c in onet_all.competencies]
    assert (kinds.count("skill"), kinds.count("knowledge")) == (35, 33)
    assert all(len(r.requirements) == 68 for r in rated)
    assert all(r.unpublished == 68 and r.note for r in onet_all.roles if not r.requirements)
    assert all(t.from_role != t.to_role for t in onet_all.transitions)
    assert [lv.code for lv in onet_all.job_levels] == ["JZ1", "JZ2", "JZ3", "JZ4", "JZ5"]


@needs_onet
def test_real_speaking_level_of_customer_service_representatives(onet_all) -> None:
    rows = [r for r in _skills_rows() if r["O*NET-SOC Code"] == "43-4051.00" and r["Element ID"] == "2.A.1.d"]
    expected = {r["Scale ID"]: r for r in rows}
    role = next(r for r in onet_all.roles if r.id == "onet/43-4051.00")
    speaking = next(q for q in role.requirements if q.competency == "onet/2.a.1.d")
    assert speaking.level == float(expected["LV"]["Data Value"])
    assert speaking.importance == float(expected["IM"]["Data Value"])
    assert speaking.suppressed == (expected["LV"]["Recommend Suppress"] == "Y")
    assert role.level == "JZ2" and "Call Center Representative" in role.alt_titles


@needs_onet
def test_real_suppressed_flags_match_the_file(onet_all) -> None:
    rows = _skills_rows()
    skills = {f"onet/{r['Element ID'].lower()}" for r in rows}
    flagged = {
        (r["O*NET-SOC Code"], f"onet/{r['Element ID'].lower()}")
        for r in rows
        if r["Scale ID"] == "LV" and r["Recommend Suppress"] == "Y"
    }
    got = {
        (r.soc_code, q.competency)
        for r in onet_all.roles
        for q in r.requirements
        if q.suppressed and q.competency in skills
    }
    assert flagged and got == flagged
