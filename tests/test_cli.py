"""The command line: --version, roles [QUERY] [--json], catalogue build/info, and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from career_explorer import __version__
from career_explorer.launcher import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse stops there when an argument (a path, say) fails its check
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"career-explorer {__version__}"


def test_roles_lists_every_role_as_a_table(capsys, fixture_catalogue_path):
    code, out, _ = run(capsys, "--catalogue", str(fixture_catalogue_path), "roles")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Title", "Level", "Job", "code", "Median", "base", "Source", "Id"]
    assert any("Support Manager" in line and "M02" in line and "$80,000" in line for line in lines)
    assert len(lines) == 2 + 5


def test_roles_search_matches_word_prefixes_and_alternate_titles(capsys, fixture_catalogue_path):
    code, out, _ = run(capsys, "--catalogue", str(fixture_catalogue_path), "roles", "sup", "man", "--json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["fx/manager"]
    code, out, _ = run(capsys, "--catalogue", str(fixture_catalogue_path), "roles", "chat", "agent", "--json")
    assert [r["title"] for r in json.loads(out)] == ["Support Representative"]


def test_roles_json_has_level_pay_and_source(capsys, fixture_catalogue_path):
    _, out, _ = run(capsys, "--catalogue", str(fixture_catalogue_path), "roles", "--json")
    rep = next(r for r in json.loads(out) if r["id"] == "fx/rep")
    assert rep["level"] == "A02" and rep["median_base"] == 40000 and rep["source"] == "fixture"


def test_roles_says_so_when_nothing_matches(capsys, fixture_catalogue_path):
    code, out, _ = run(capsys, "--catalogue", str(fixture_catalogue_path), "roles", "astronaut")
    assert code == 0 and out.strip() == "No roles match 'astronaut'."


def test_missing_catalogue_is_one_line_error_not_a_traceback(capsys, tmp_path):
    code, out, err = run(capsys, "--catalogue", str(tmp_path / "none.sqlite"), "roles")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such catalogue file" in err and "Traceback" not in err


def test_catalogue_build_and_info(capsys, tmp_path):
    from tests.fixture_sources import write_sources

    src = write_sources(tmp_path / "src")
    out_file = tmp_path / "built.sqlite"
    code, _, err = run(capsys, "catalogue", "build", str(src), "-o", str(out_file))
    assert code == 0 and "5 roles" in err and out_file.exists()
    code, out, _ = run(capsys, "catalogue", "info", str(out_file), "--json")
    info = json.loads(out)
    assert info["name"] == "Fixture ladder" and info["schema_version"] == 2 and info["counts"]["roles"] == 5
    assert {s["id"] for s in info["sources"]} == {"fixture", "onet-test"}
    code, out, _ = run(capsys, "catalogue", "info", str(out_file))
    assert out.splitlines()[0] == "Fixture ladder 0.1 (schema 2)"
    # each source with what it gives: roles, pay figures, competency levels, moves
    assert "Pay figures" in out and "Competency levels" in out
    # 4 roles, 4 pay figures, 8 competency levels and 3 moves from the fixture's own source
    assert re.search(r"^Fixture facts\s+4\s+4\s+8\s+3\s+CC0$", out, re.M)
    assert re.search(r"^O\*NET test extract\s+1\s+1\s+CC BY 4.0$", out, re.M)
    code, out, _ = run(capsys, "catalogue", "info", str(out_file), "--json")
    fixture = next(s for s in json.loads(out)["sources"] if s["id"] == "fixture")
    assert fixture["counts"] == {"roles": 4, "pay": 4, "requirements": 8, "transitions": 3}


def test_catalogue_build_error_is_one_line_with_exit_2(capsys, tmp_path):
    from tests.fixture_sources import fixture_sources, write_sources

    data = fixture_sources()
    data["roles"][0]["level"] = "Z99"
    code, _, err = run(capsys, "catalogue", "build", str(write_sources(tmp_path / "s", data)), "-o",
                       str(tmp_path / "o.sqlite"))
    assert code == 2
    assert err == "career-explorer: error: roles.json: roles[0] (fx/rep): level: unknown job level 'Z99'\n"


def test_console_script_runs_as_a_module(fixture_catalogue_path):
    done = subprocess.run(
        [sys.executable, "-m", "career_explorer", "--catalogue", str(fixture_catalogue_path), "roles", "lead"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Support Team Lead" in done.stdout


def test_gui_arguments_are_recognised_without_loading_the_commands():
    from pathlib import Path

    from career_explorer.launcher import gui_options

    assert gui_options([]) == (None, False)
    assert gui_options(["--catalogue", "x.sqlite", "--self-test"]) == (Path("x.sqlite"), True)
    assert gui_options(["--catalogue=y.sqlite"]) == (Path("y.sqlite"), False)
    assert gui_options(["roles"]) is None
    assert gui_options(["--version"]) is None
    assert gui_options(["--catalogue"]) is None


def test_roles_can_be_named_by_job_code_or_soc_code(bundled_repo):
    import pytest

    from career_explorer.services.role_lookup import RoleNotFound, find_role

    assert find_role(bundled_repo, "IT10000257").id == "salary-com/chat-support-manager"
    assert find_role(bundled_repo, "it10000406").title == "Chat Support Representative I"
    assert find_role(bundled_repo, "11-3012.00").id == "onet/11-3012.00"
    # The retail representative is linked to the same SOC code, so the code alone is ambiguous here.
    with pytest.raises(RoleNotFound) as info:
        find_role(bundled_repo, "43-4051.00")
    assert {c.id for c in info.value.candidates} == {
        "onet/43-4051.00", "salary-com/retail-store-customer-service-representative"}
