"""`career-explorer path FROM TO`: the table, the JSON shape, ambiguous names, no route, and --chart."""

from __future__ import annotations

import json

import pytest

from career_explorer.launcher import main

STEP_KEYS = {"from", "to", "transition", "level_change", "pay", "competencies", "unpublished"}
PAY_KEYS = {"source", "basis", "currency", "from_p50", "to_p50", "change", "change_pct"}
COMPETENCY_KEYS = {"name", "scale", "from", "to", "delta", "change", "behaviours_at_target"}


def run(capsys, catalogue, *argv: str) -> tuple[int, str, str]:
    code = main(["--catalogue", str(catalogue), "path", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lists_routes_then_every_step(capsys, fixture_catalogue_path):
    code, out, err = run(capsys, fixture_catalogue_path, "support representative", "support manager")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Support Representative (A02) → Support Manager (M02)"
    assert "1 route, most plausible first (no pay cuts):" in lines
    # the whole-route pay change is the same for every route: said once, above the list
    assert "First role to last: Fixture facts base: $40,000 → $80,000 (+$40,000, +100.0%)" in lines
    row = next(line for line in lines if line.startswith("1  "))
    assert "Support Representative → Support Team Lead → Support Manager" in row
    assert "+$15,000, +$25,000" in row and "4 big jumps" in row
    assert "Most plausible: 2 steps, both stated by Fixture facts; pay rises at each step" in row
    assert ("  Step 1: Support Representative (A02) → Support Team Lead (S01)  [promotion, stated by Fixture facts]"
            in lines)
    assert "    Level: A02 → S01 (+1 level)" in lines
    assert "    Pay:   Fixture facts base: $40,000 → $55,000 (+$15,000, +37.5%)" in lines
    # the step leads with what matters, biggest jump first
    matters = lines.index("    What matters most:", lines.index("    Level: A02 → S01 (+1 level)"))
    assert lines[matters + 1].split() == ["Products", "And", "Services", "1", "→", "3", "(+2)"]
    assert "    2 more competencies not published for Support Representative." in lines
    assert "  Whole route: Support Representative (A02) → Support Manager (M02)" in lines


def test_json_has_the_documented_shape(capsys, fixture_catalogue_path):
    code, out, _ = run(capsys, fixture_catalogue_path, "fx/rep", "fx/manager", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["from"] == {"id": "fx/rep", "title": "Support Representative", "level": "A02", "level_name": None}
    assert data["ranking"] == "plausible" and data["sideways_moves_allowed"] is False
    assert data["routes"][0]["reason"].startswith("Most plausible: 2 steps")
    assert data["routes"][0]["skill_gap_in_words"] == "4 big jumps"
    key = data["routes"][0]["steps"][0]["focus"]["key"]
    assert [c["name"] for c in key] == ["Products And Services", "Customer Escalation Management"]
    assert data["to"]["id"] == "fx/manager"
    route = data["routes"][0]
    assert route["rank"] == 1 and len(route["steps"]) == 2
    step = route["steps"][0]
    assert STEP_KEYS <= set(step)
    assert step["transition"]["kind"] == "promotion"
    assert step["level_change"] == {"from": "A02", "to": "S01", "from_name": None, "to_name": None, "rank_change": 1}
    base = next(p for p in step["pay"] if p["basis"] == "base")
    assert PAY_KEYS <= set(base)
    assert (base["from_p50"], base["to_p50"], base["change"], base["change_pct"]) == (40000, 55000, 15000, 37.5)
    products = next(c for c in step["competencies"] if c["name"] == "Products And Services")
    assert COMPETENCY_KEYS <= set(products)
    assert (products["from"], products["to"], products["delta"], products["change"]) == (1, 3, 2, "raised")
    assert [b["level"] for b in products["behaviours_at_target"]] == [2, 3]
    assert step["unpublished"] == {"from": 2, "to": 0, "from_more": False, "to_more": False}
    assert {"level_change", "pay", "competencies"} <= set(route["total"])
    analytics = next(c for c in route["total"]["competencies"] if c["name"] == "Customer Analytics")
    assert (analytics["from"], analytics["to"], analytics["change"]) == (None, 3, "unknown")
    assert STEP_KEYS <= set(data["direct"]) and data["direct"]["transition"] is None


def test_routes_option_limits_the_count(capsys, tmp_path):
    from tests.route_fixtures import build_catalogue, two_road_sources

    catalogue = build_catalogue(tmp_path, two_road_sources())
    _, out, _ = run(capsys, catalogue, "fx/rep", "fx/manager", "--json")
    assert [r["rank"] for r in json.loads(out)["routes"]] == [1, 2]
    _, out, _ = run(capsys, catalogue, "fx/rep", "fx/manager", "--json", "--routes", "1")
    assert [r["roles"][1]["title"] for r in json.loads(out)["routes"]] == ["Support Coach"]


def test_ambiguous_name_exits_2_with_one_line_of_candidates(capsys, fixture_catalogue_path):
    code, out, err = run(capsys, fixture_catalogue_path, "support", "fx/manager")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "'support' matches 3 roles" in err
    assert "Support Representative [fx/rep]" in err and "Support Team Lead [fx/lead]" in err


def test_unknown_name_exits_2(capsys, fixture_catalogue_path):
    code, _, err = run(capsys, fixture_catalogue_path, "fx/rep", "astronaut")
    assert code == 2 and err == "career-explorer: error: no role matches 'astronaut'\n"


def test_same_role_twice_exits_2(capsys, fixture_catalogue_path):
    code, _, err = run(capsys, fixture_catalogue_path, "fx/rep", "support rep")
    assert code == 2 and "pick two different roles" in err


def test_no_route_says_so_and_still_shows_the_direct_gap_and_reachable_roles(capsys, fixture_catalogue_path):
    code, out, _ = run(capsys, fixture_catalogue_path, "support team lead", "support representative")
    assert code == 0
    lines = out.splitlines()
    assert "No route of transitions leads from Support Team Lead to Support Representative." in lines
    assert "Direct gap: Support Team Lead (S01) → Support Representative (A02)" in lines
    assert "  Level: S01 → A02 (−1 level)" in lines
    assert lines[-2:] == ["Roles reachable from Support Team Lead:", "  Support Manager (M02)  [fx/manager]"]


def test_no_route_json_lists_reachable_roles(capsys, fixture_catalogue_path):
    _, out, _ = run(capsys, fixture_catalogue_path, "fx/lead", "fx/rep", "--json")
    data = json.loads(out)
    assert data["routes"] == [] and data["found"] is False
    assert data["reachable"] == [{"id": "fx/manager", "title": "Support Manager", "level": "M02", "level_name": None}]
    assert data["direct"]["level_change"] == {"from": "S01", "to": "A02", "from_name": None, "to_name": None,
                                              "rank_change": -1}


def test_nothing_reachable_is_said_plainly(capsys, fixture_catalogue_path):
    _, out, _ = run(capsys, fixture_catalogue_path, "isolated", "fx/manager")
    assert out.splitlines()[-1] == ("No other role can be reached from Isolated Analyst through the "
                                    "catalogue's transitions.")


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_chart_option_writes_the_two_panel_figure_by_extension(capsys, fixture_catalogue_path, tmp_path, suffix, magic):
    chart = tmp_path / f"route{suffix}"
    code, out, err = run(capsys, fixture_catalogue_path, "fx/rep", "fx/manager", "--chart", str(chart))
    assert code == 0 and err == f"Wrote {chart}\n" and out.startswith("Support Representative")
    assert chart.read_bytes().startswith(magic)


def test_chart_with_an_unknown_extension_exits_2(capsys, fixture_catalogue_path, tmp_path):
    code, _, err = run(capsys, fixture_catalogue_path, "fx/rep", "fx/manager", "--chart", str(tmp_path / "c.gif"))
    assert code == 2 and "use a .png, .svg or .pdf file name" in err


def test_seed_chat_representative_to_chat_manager_json(capsys, bundled_repo):
    code, out, _ = run(capsys, bundled_repo.path, "Chat Support Representative I", "Chat Support Manager", "--json")
    assert code == 0
    total = json.loads(out)["routes"][0]["total"]
    comps = {c["name"]: c for c in total["competencies"]}
    assert (comps["Products And Services"]["from"], comps["Products And Services"]["to"]) == (1, 4)
    assert (comps["Digital Literacy"]["from"], comps["Digital Literacy"]["to"]) == (1, 3)
    assert (comps["Customer Escalation Management"]["from"], comps["Customer Escalation Management"]["to"]) == (2, 3)
    assert (comps["Customer Analytics"]["from"], comps["Customer Analytics"]["to"],
            comps["Customer Analytics"]["change"]) == (None, 3, "unknown")
    assert total["level_change"]["from"] == "A02" and total["level_change"]["to"] == "M02"
    base = next(p for p in total["pay"] if p["source"] == "salary-com" and p["basis"] == "base")
    assert (base["from_p50"], base["to_p50"], base["currency"]) == (43396, 88649, "USD")


def test_a_role_whose_source_gives_no_competency_total_says_more_may_apply(capsys, bundled_repo):
    code, out, _ = run(capsys, bundled_repo.path, "Chat Support Representative I", "Customer Service Team Leader")
    assert code == 0
    assert "10 more competencies not published for Chat Support Representative I." in out
    assert ("More competencies may apply to Customer Service Team Leader; the source does not say how many."
            in out)
    code, out, _ = run(capsys, bundled_repo.path, "Retail Store Customer Service Representative",
                       "Chat Support Representative I", "--json")
    direct = json.loads(out)["direct"]["unpublished"]
    assert direct == {"from": 5, "to": 10, "from_more": True, "to_more": False}
