"""`career-explorer role NAME` and `career-explorer compare A B [C D]`: text, JSON, charts, one-line errors."""

from __future__ import annotations

import json

import pytest

from career_explorer.launcher import main
from career_explorer.paths import bundled_catalogue


@pytest.fixture
def run(capsys, fixture_catalogue_path):
    def go(*argv: str) -> tuple[int, str, str]:
        code = main(["--catalogue", str(fixture_catalogue_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_role_prints_the_full_profile(run):
    code, out, _ = run("role", "Support Manager")
    assert code == 0
    assert out.startswith("Support Manager  [fx/manager]\n")
    assert "Job level:  Level M02, management track" in out
    assert "Summary\n  Runs the customer service unit." in out
    pay = out.split("Pay (every source as published; never averaged)\n")[1].splitlines()
    assert pay[0].split() == ["Source", "Region", "Basis", "p10", "Median", "p90", "As", "of"]
    assert pay[2].split() == ["Fixture", "facts", "US", "base", "$60,000", "$80,000", "$110,000", "not", "stated"]
    assert "    Products And Services           [###-]  4 of 5 - Extensive experience" in out
    assert "  1 more competency not published" in out
    assert "Fixture facts - licence: CC0 - https://example.org/fixture" in out


def test_role_matches_names_like_path_does(run):
    code, out, _ = run("role", "team", "lead")
    assert code == 0 and out.startswith("Support Team Lead  [fx/lead]")
    code, out, _ = run("role", "fx/onet-csr")
    assert code == 0 and "Speaking" in out and "3.88 of 7" in out


def test_role_json_has_the_role_pay_competencies_and_sources(run):
    code, out, _ = run("role", "Support Representative", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["role"]["id"] == "fx/rep" and data["role"]["unpublished"] == 2
    assert [(p["band"]["basis"], p["band"]["p50"]) for p in data["pay"]] == [("base", 40000.0), ("total", 42000.0)]
    assert [c["competency"]["name"] for c in data["competencies"]] == [
        "Products And Services", "Customer Escalation Management"]
    assert [s["id"] for s in data["sources"]] == ["fixture"]


def test_an_ambiguous_or_unknown_role_is_one_line_on_stderr_with_status_2(run):
    code, out, err = run("role", "support")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "'support' matches" in err and "Traceback" not in err
    code, _, err = run("role", "astronaut")
    assert code == 2 and err == "career-explorer: error: no role matches 'astronaut'\n"


def test_compare_prints_levels_side_by_side_and_marks_differences(run):
    code, out, _ = run("compare", "Support Team Lead", "Support Manager")
    assert code == 0
    assert out.startswith("1. Support Team Lead  [fx/lead] - Level S01, lead track\n"
                          "2. Support Manager  [fx/manager] - Level M02, management track\n")
    rows = {line[3:].split("  ")[0]: line for line in out.splitlines() if line[:3] in ("*  ", "   ")}
    assert rows["Products And Services"].startswith("*") and "3 of 5" in rows["Products And Services"]
    assert rows["Customer Escalation Management"].startswith(" ")
    assert "Support Manager    Fixture facts  US      base   $80,000  $60,000 - $110,000" in out


def test_compare_json_has_rows_cells_and_radar(run):
    code, out, _ = run("compare", "fx/lead", "fx/manager", "--json")
    data = json.loads(out)
    assert code == 0
    assert [r["id"] for r in data["roles"]] == ["fx/lead", "fx/manager"]
    products = data["rows"][0]
    assert products["name"] == "Products And Services" and products["differs"] is True
    assert [c["standing"] for c in products["cells"]] == ["lower", "highest"]
    assert data["radar"]["axes"] == ["Products And Services", "Customer Analytics", "Customer Escalation Management"]
    assert data["radar"]["values"] == [[50.0, 25.0, 50.0], [75.0, 50.0, 50.0]]


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_compare_chart_is_written_in_the_format_of_its_extension(run, tmp_path, suffix, magic):
    target = tmp_path / f"compare{suffix}"
    code, _, err = run("compare", "fx/rep", "fx/lead", "fx/manager", "--chart", str(target))
    assert code == 0 and err == f"Wrote {target}\n"
    assert target.read_bytes().startswith(magic)


@pytest.mark.parametrize("argv, message", [
    (["compare", "fx/lead"], "compare takes 2 to 4 roles, not 1"),
    (["compare", "fx/lead", "Support Team Lead"], "a role is given twice"),
    (["compare", "fx/lead", "fx/manager", "--chart", "out.txt"], "use a .png, .svg or .pdf file name"),
    (["compare", "fx/lead", "nobody"], "no role matches 'nobody'"),
])
def test_compare_errors_are_one_line_with_status_2(run, argv, message):
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


@pytest.mark.skipif(not bundled_catalogue().is_file(), reason="the bundled catalogue is not built")
def test_compare_the_support_ladder_in_the_bundled_catalogue(capsys):
    code = main(["compare", "Chat Support Representative I", "Chat Support Manager", "Customer Service Manager"])
    out = capsys.readouterr().out
    assert code == 0
    assert "3. Customer Service Manager  [salary-com/customer-service-manager]" in out
    assert "Products And Services" in out and "$100,228" in out


def test_role_json_has_the_wage_history_rows_with_missing_years_as_null(capsys, bundled_repo):
    from career_explorer.cli import build_parser, run_command

    code = run_command(build_parser().parse_args(["role", "Software Developers", "--json"]))
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    rows = {r["release"]: r for r in data["wage_history"]["rows"]}
    assert rows["May 2020"]["has_figure"] is False and rows["May 2020"]["median"] is None
    assert rows["May 2024"]["source"] == "bls-oews-2024" and rows["May 2024"]["source_name"] == "BLS OEWS May 2024"
    assert rows["May 2024"]["median"] == next(b["p50"] for b in data["role"]["salaries"])
    # a change only between releases that both have a figure
    assert rows["May 2021"]["change_pct_since_previous"] is None
    assert rows["May 2022"]["change_pct_since_previous"] is not None
    assert data["wage_history"]["overall_change"]["from"] == "May 2021"


def test_role_text_prints_the_wage_history_and_group_estimates(capsys, bundled_repo):
    from career_explorer.cli import build_parser, run_command

    assert run_command(build_parser().parse_args(["role", "onet/13-1022.00"])) == 0
    out = capsys.readouterr().out
    assert "Wage history" in out and "May 2020" in out
    assert "one estimate for SOC 13-1020 Buyers and Purchasing Agents" in out
