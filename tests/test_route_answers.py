"""Route answers people can believe: twins as lenses, steps led by what matters, plausible ranking."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.route import RankMode
from career_explorer.launcher import main
from career_explorer.services.routes import find_routes
from tests.route_fixtures import ALT, LEAD, MANAGER, REP, build_catalogue, two_road_sources

ONET_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "onet-29.0"
needs_onet = pytest.mark.skipif(not (ONET_DIR / "Skills.txt").is_file(), reason=f"O*NET 29.0 not found in {ONET_DIR}")

CSR_I = "salary-com/chat-support-representative-i"
TEAM_LEADER = "salary-com/customer-service-team-leader"
CS_MANAGER = "salary-com/customer-service-manager"


def onet_rows(code: str, scale: str) -> dict[str, float]:
    """Competency id (onet/<element id>) -> value for one occupation and scale, from Skills.txt and Knowledge.txt.

    By id, not name: O*NET has a Mathematics skill and a Mathematics knowledge area.
    """
    found = {}
    for name in ("Skills.txt", "Knowledge.txt"):
        with (ONET_DIR / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["O*NET-SOC Code"] == code and row["Scale ID"] == scale:
                    found[f"onet/{row['Element ID'].lower()}"] = float(row["Data Value"])
    return found


@needs_onet
def test_headline_route_first_step_shows_the_onet_lens_jumps(bundled_repo):
    route = find_routes(bundled_repo, CSR_I, CS_MANAGER).routes[0]
    assert route.role_ids == (CSR_I, TEAM_LEADER, CS_MANAGER)
    first = route.steps[0]
    lens = next(lens for lens in first.lenses if lens.source == "onet-29")
    assert (lens.from_role.title, lens.to_role.title) == (
        "Customer Service Representatives", "First-Line Supervisors of Office and Administrative Support Workers")
    before, after = onet_rows("43-4051.00", "LV"), onet_rows("43-1011.00", "LV")
    jumps = {c.name: c for c in lens.competencies}
    for name in ("Management of Personnel Resources", "Coordination"):
        key = jumps[name].competency
        assert (jumps[name].from_level, jumps[name].to_level) == (pytest.approx(before[key]), pytest.approx(after[key]))
        assert jumps[name] in lens.focus().key
    personnel = jumps["Management of Personnel Resources"].competency
    assert (before[personnel], after[personnel]) == (2.12, 3.75)
    # the O*NET lens is credited, and the move is the catalogue's own inference
    assert lens.source_name == "O*NET 29.0" and first.inferred
    # both ends of the second step are the same O*NET occupation: said, not shown as zeros
    second = route.steps[1]
    assert any(lens.same_role for lens in second.lenses)
    assert "does not tell the two apart" in json.dumps(
        [lens.source_name for lens in second.lenses]) or all(not lens.competencies for lens in second.lenses)


def test_no_step_joins_a_role_to_its_own_twin(bundled_repo):
    pairs = [(CSR_I, CS_MANAGER), (CSR_I, "onet/11-3012.00"), ("onet/43-4051.00", CS_MANAGER),
             (TEAM_LEADER, "salary-com/top-customer-service-executive"), ("onet/43-4051.00", "onet/43-1011.00")]
    for a, b in pairs:
        for route in find_routes(bundled_repo, a, b).routes:
            for step in route.steps:
                assert step.transition.kind.value != "related"
                twins = set(bundled_repo.related_role_ids(step.from_role.id))
                assert step.to_role.id not in twins, (a, b, step.from_role.id, step.to_role.id)


@needs_onet
def test_the_first_five_jumps_matter_for_the_target(bundled_repo):
    route = find_routes(bundled_repo, "onet/43-4051.00", "onet/43-1011.00").routes[0]
    importance = onet_rows("43-1011.00", "IM")
    step = next(s for s in route.steps if s.to_role.id == "onet/43-1011.00")
    first_five = step.focus().key[:5]
    assert len(first_five) == 5
    assert all(importance[c.competency] >= 3 for c in first_five), [(c.name, importance[c.competency])
                                                                    for c in first_five]
    # low-importance changes are folded away, not listed among the key jumps
    assert all(c.target_importance is None or c.target_importance >= 3 for c in step.focus().key)


def test_a_shorter_route_with_a_pay_cut_ranks_after_the_longer_one_without(tmp_path):
    data = two_road_sources()
    coach = next(r for r in data["roles"] if r["id"] == ALT)
    coach["salaries"] = [{"source": "fixture", "basis": "base", "p50": 30000}]  # a cut from the rep's 40,000
    data["roles"].append({"id": "fx/deputy", "title": "Deputy Lead", "family": "support", "level": "S01",
                          "source": "fixture", "salaries": [{"source": "fixture", "basis": "base", "p50": 60000}],
                          "requirements": [{"competency": "fx/products", "level": 3}]})
    # the lead road is now three steps (lead -> deputy -> manager); the coach road stays two
    data["transitions"] = [t for t in data["transitions"] if (t["from_role"], t["to_role"]) != (LEAD, MANAGER)]
    data["transitions"] += [
        {"from_role": LEAD, "to_role": "fx/deputy", "kind": "lateral", "source": "fixture", "basis": "Deputy."},
        {"from_role": "fx/deputy", "to_role": MANAGER, "kind": "promotion", "source": "fixture", "basis": "Up."},
    ]
    repo = CatalogueRepository(build_catalogue(tmp_path, data))
    plausible = find_routes(repo, REP, MANAGER)
    assert plausible.routes[0].role_ids == (REP, LEAD, "fx/deputy", MANAGER)
    assert all(ALT not in r.role_ids for r in plausible.routes)
    # allowing sideways moves offers the shorter road, and its reason says pay falls on the way
    sideways = find_routes(repo, REP, MANAGER, sideways=True)
    cut = next(r for r in sideways.routes if r.role_ids == (REP, ALT, MANAGER))
    assert "pay falls on 1 step" in cut.reason
    assert cut.plausibility > 2.0  # the cut costs plausibility on top of its two steps


def test_each_route_says_why_it_ranks_where_it_does(bundled_repo):
    result = find_routes(bundled_repo, CSR_I, CS_MANAGER)
    assert result.routes[0].reason.startswith("Most plausible: 2 steps, both inferred by this catalogue")
    assert all(r.reason for r in result.routes)
    by_gap = find_routes(bundled_repo, CSR_I, CS_MANAGER, mode=RankMode.GAP)
    assert by_gap.routes[0].reason.startswith("Least skill gap:")
    # a route whose steps no source publishes levels for does not win "least skill gap"
    assert by_gap.routes[0].blind_steps == min(r.blind_steps for r in by_gap.routes)


@needs_onet
def test_a_step_says_how_much_experience_most_people_in_the_target_have(bundled_repo):
    route = find_routes(bundled_repo, "onet/43-4051.00", "onet/43-1011.00").routes[0]
    note = route.steps[-1].experience
    assert note is not None and note.source_name == "O*NET 29.0"
    with (ONET_DIR / "Education, Training, and Experience.txt").open(encoding="utf-8") as handle:
        shares = {int(r["Category"]): float(r["Data Value"]) for r in csv.DictReader(handle, delimiter="\t")
                  if r["O*NET-SOC Code"] == "43-1011.00" and r["Scale ID"] == "RW"}
    top = max(shares, key=shares.get)
    assert note.share == pytest.approx(shares[top])
    assert "related work experience" in note.text and f"{shares[top]:.0f}%" in note.text


def test_onet_anchors_are_examples_and_framework_behaviours_are_requirements(bundled_repo):
    competencies = bundled_repo.competencies
    assert all(c.examples for c in competencies.values() if c.source == "onet-29")
    assert not any(c.examples for c in competencies.values() if c.source == "salary-com")


def test_path_cli_ranks_by_the_mode_asked_and_json_carries_lenses_and_reasons(capsys, bundled_repo):
    assert main(["path", "Chat Support Representative I", "Customer Service Manager", "--rank", "gap",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ranking"] == "gap" and data["sideways_moves_allowed"] is False
    first = data["routes"][0]
    assert first["reason"].startswith("Least skill gap:")
    assert "steps_without_published_levels" in first and "skill_gap_in_words" in first
    step = next(s for r in data["routes"] for s in r["steps"] if s["lenses"])
    lens = step["lenses"][0]
    assert lens["source_name"] and "focus" in lens and "same_work" in lens
    assert step["transition"]["credit"]
    with pytest.raises(SystemExit) as exit_info:
        main(["path", "Chat Support Representative I", "Customer Service Manager", "--rank", "loudest"])
    assert exit_info.value.code == 2 and "invalid choice: 'loudest'" in capsys.readouterr().err


def test_equally_plausible_routes_through_a_role_without_levels_rank_after_and_say_why(bundled_repo):
    web, software, managers = "onet/15-1254.00", "onet/15-1252.00", "onet/11-3021.00"
    assert software not in bundled_repo.roles_with_levels()  # O*NET 29.0 rates no skills for it
    routes = find_routes(bundled_repo, web, managers, k=5).routes
    via_software = next(r for r in routes if software in r.role_ids)
    same_cost = [r for r in routes if r.plausibility == via_software.plausibility
                 and r.step_count == via_software.step_count]
    assert len(same_cost) > 1 and via_software is same_cost[-1]
    assert via_software.blind_steps == 2 and routes[0].blind_steps == 0
    assert via_software.reason.endswith("no skill levels published for Software Developers")


@needs_onet
def test_mathematics_skill_and_mathematics_knowledge_are_two_rows_with_their_own_levels(bundled_repo):
    # Same scale, and the same name once "(skill)" and "(knowledge)" are set aside: still two competencies.
    result = find_routes(bundled_repo, "onet/43-4051.00", "onet/43-1011.00")
    lv_from, lv_to = onet_rows("43-4051.00", "LV"), onet_rows("43-1011.00", "LV")
    changes = {c.competency: c for c in result.direct.total.competencies}
    rows = {r.competency: r for r in result.direct.skill_rows}
    for cid in ("onet/2.a.1.e", "onet/2.c.4.a"):
        assert (changes[cid].from_level, changes[cid].to_level) == (lv_from[cid], lv_to[cid])
        assert rows[cid].levels == (lv_from[cid], lv_to[cid])
    assert changes["onet/2.c.4.a"].name == "Mathematics (knowledge)"
