"""Route finding: walkable directions, ranking, step gaps, totals, no-route answers and the seed figures."""

from __future__ import annotations

import csv
import pickle

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.role_gap import Change
from career_explorer.services.routes import RouteFinder, find_routes, route_finder
from tests.conftest import SHARED_DATA
from tests.route_fixtures import ALT, ISLAND, LEAD, MANAGER, ONET, REP, build_catalogue, two_road_sources


def by_name(gap):
    return {c.name: c for c in gap.competencies}


def test_route_from_representative_to_manager_goes_through_the_lead(fixture_repo):
    result = find_routes(fixture_repo, REP, MANAGER)
    assert result.found and len(result.routes) == 1
    route = result.routes[0]
    assert route.rank == 1 and route.role_ids == (REP, LEAD, MANAGER)
    assert route.level_chain() == "A02 → S01 → M02"
    assert [s.transition.kind.value for s in route.steps] == ["promotion", "promotion"]
    assert [(s.from_role.id, s.to_role.id) for s in route.steps] == [(REP, LEAD), (LEAD, MANAGER)]
    assert result.reachable == ()


def test_each_step_shows_level_pay_and_competency_jumps(fixture_repo):
    step = find_routes(fixture_repo, REP, MANAGER).routes[0].steps[0]
    assert (step.level_change.from_level, step.level_change.to_level, step.level_change.rank_delta) == ("A02", "S01", 1)
    base = next(p for p in step.pay if p.basis == "base")
    assert (base.from_p50, base.to_p50, base.change) == (40000, 55000, 15000)
    assert base.change_pct == pytest.approx(37.5)
    comps = by_name(step)
    assert (comps["Products And Services"].from_level, comps["Products And Services"].to_level) == (1, 3)
    assert comps["Products And Services"].change == Change.RAISED
    assert [b.level for b in comps["Products And Services"].behaviours_at_target] == [2, 3]
    # The representative has unpublished competencies, so a competency only the lead lists is unknown, not new.
    assert comps["Customer Analytics"].change == Change.UNKNOWN
    assert (step.unpublished.from_count, step.unpublished.to_count) == (2, 0)


def test_whole_route_totals_compare_the_first_role_with_the_last(fixture_repo):
    route = find_routes(fixture_repo, REP, MANAGER).routes[0]
    total = by_name(route.total)
    assert (route.total.from_role.id, route.total.to_role.id) == (REP, MANAGER)
    assert (total["Products And Services"].from_level, total["Products And Services"].to_level) == (1, 4)
    escalation = total["Customer Escalation Management"]
    assert (escalation.from_level, escalation.to_level) == (2, 3)
    assert total["Customer Analytics"].to_level == 3 and total["Customer Analytics"].change == Change.UNKNOWN
    assert route.total.pay_gain("base") == 40000


def test_promotions_lead_one_way_only(fixture_repo):
    result = find_routes(fixture_repo, MANAGER, REP)
    assert not result.found
    assert result.reachable == ()
    assert result.direct.total.level_change.rank_delta == -2


def test_a_twin_is_a_lens_never_a_step(fixture_repo):
    # fx/onet-csr and fx/rep are the same work ("related"): the route borrows the rep's move instead
    result = find_routes(fixture_repo, ONET, MANAGER)
    route = result.routes[0]
    assert route.role_ids == (ONET, LEAD, MANAGER)
    assert all(step.transition.kind.value != "related" for r in result.routes for step in r.steps)
    first = route.steps[0].transition
    assert (first.kind.value, first.from_role, first.to_role) == ("promotion", ONET, LEAD)
    assert "states this move for Support Representative → Support Team Lead" in first.basis
    assert not any(REP in r.role_ids for r in result.routes)


def test_no_route_lists_the_reachable_roles_nearest_first(fixture_repo):
    result = find_routes(fixture_repo, LEAD, REP)
    assert not result.found and result.routes == ()
    assert [r.id for r in result.reachable] == [MANAGER]
    assert result.direct.is_direct and result.direct.role_ids == (LEAD, REP)
    # a twin is the same work, not somewhere to go
    assert [r.title for r in find_routes(fixture_repo, REP, ISLAND).reachable] == [
        "Support Team Lead", "Support Manager"]


def test_a_role_without_transitions_still_gets_a_direct_gap(fixture_repo):
    result = find_routes(fixture_repo, ISLAND, MANAGER)
    assert not result.found and result.reachable == ()
    direct = result.direct.total
    assert (direct.from_role.title, direct.to_role.title) == ("Isolated Analyst", "Support Manager")
    assert {c.name for c in direct.competencies} >= {"Products And Services"}


def test_same_role_at_both_ends_is_refused(fixture_repo):
    with pytest.raises(ValueError, match="same role"):
        find_routes(fixture_repo, REP, REP)


def test_equally_short_routes_rank_by_smaller_skill_growth(tmp_path):
    repo = CatalogueRepository(build_catalogue(tmp_path, two_road_sources()))
    routes = find_routes(repo, REP, MANAGER).routes
    assert [r.role_ids[1] for r in routes] == [ALT, LEAD]
    assert [r.rank for r in routes] == [1, 2]
    assert [round(r.skill_growth) for r in routes] == [100, 125]
    # K=1 still picks the best of the equally short routes, not the first one found.
    assert find_routes(repo, REP, MANAGER, k=1).routes[0].role_ids == (REP, ALT, MANAGER)


def test_equal_skill_growth_ranks_by_larger_pay_gain(tmp_path):
    repo = CatalogueRepository(build_catalogue(tmp_path, two_road_sources((3, 3, 2), coach_paid=False)))
    routes = find_routes(repo, REP, MANAGER).routes
    assert [round(r.skill_growth) for r in routes] == [125, 125]
    assert [r.role_ids[1] for r in routes] == [LEAD, ALT]
    assert [r.step_pay_gain for r in routes] == [40000, 0]


def test_pay_series_keep_sources_and_bands_apart(fixture_repo):
    route = find_routes(fixture_repo, REP, MANAGER).routes[0]
    base = next(s for s in route.pay_series if s.basis == "base")
    assert [p.p50 for p in base.points] == [40000, 55000, 80000]
    assert (base.points[1].p25, base.points[1].p75) == (50000, 60000)
    assert (base.points[2].p10, base.points[2].p90) == (60000, 110000)
    total = next(s for s in route.pay_series if s.basis == "total")
    assert [p and p.p50 for p in total.points] == [42000, None, None]


def test_skill_rows_hold_levels_per_role_and_unknown_stays_none(fixture_repo):
    route = find_routes(fixture_repo, REP, MANAGER).routes[0]
    rows = {r.name: r for r in route.skill_rows}
    assert rows["Products And Services"].levels == (1, 3, 4)
    assert rows["Customer Analytics"].levels == (None, 2, 3)
    assert rows["Customer Analytics"].listed == (False, True, True)
    assert route.complete == (False, True, False)
    assert route.skill_rows[0].name == "Products And Services"  # the biggest climb comes first


def test_skill_rows_are_built_when_first_read_and_travel_with_a_pickled_route(fixture_repo, monkeypatch):
    finder = RouteFinder(fixture_repo)
    built = []
    real = finder.skill_rows
    monkeypatch.setattr(finder, "skill_rows", lambda roles: built.append(len(roles)) or real(roles))
    result = finder.find(REP, MANAGER)
    route = result.routes[0]
    assert built == []  # listing routes builds no heatmap rows
    rows = route.skill_rows
    assert built == [3] and route.skill_rows is rows  # built once, for the route read
    assert "_skill_rows_from" not in route.model_dump() and "skill_rows" not in route.model_dump()
    copy = pickle.loads(pickle.dumps(route))  # the PDF's chart helper gets routes this way
    assert copy == route and copy.skill_rows == rows and built == [3]
    # A route copied before its rows are read still builds them.
    fresh = result.direct.model_copy(update={"reason": "x"})
    assert [r.levels for r in fresh.skill_rows] == [r.levels for r in result.direct.skill_rows]


def test_a_steps_focus_is_worked_out_once_and_never_serialised(fixture_repo):
    step = find_routes(fixture_repo, REP, MANAGER).routes[0].steps[0]
    focus = step.focus()
    assert step.focus() is focus and [c.name for c in focus.key]
    assert "_focus" not in step.model_dump() and "_focus" not in step.model_dump_json()
    assert pickle.loads(pickle.dumps(step)) == step


def test_graph_and_roles_are_loaded_once_per_repository(fixture_repo, monkeypatch):
    finder = route_finder(fixture_repo)
    assert route_finder(fixture_repo) is finder
    finder.find(REP, MANAGER)
    calls = []
    monkeypatch.setattr(fixture_repo, "transitions", lambda: calls.append("t") or [])
    monkeypatch.setattr(fixture_repo, "role", lambda i: calls.append(i))
    assert finder.find(REP, MANAGER).routes[0].role_ids == (REP, LEAD, MANAGER)
    assert calls == []


def test_a_fresh_finder_answers_like_the_shared_one(fixture_repo):
    assert RouteFinder(fixture_repo).find(REP, MANAGER) == find_routes(fixture_repo, REP, MANAGER)


# -- the seed figures, on the bundled catalogue ---------------------------------------------------

CSR_I, CHAT_MANAGER = "salary-com/chat-support-representative-i", "salary-com/chat-support-manager"


def test_seed_chat_representative_to_chat_manager_totals(bundled_repo):
    result = find_routes(bundled_repo, CSR_I, CHAT_MANAGER)
    assert result.found
    for route in result.routes:
        total = by_name(route.total)
        assert (total["Products And Services"].from_level, total["Products And Services"].to_level) == (1, 4)
        assert (total["Digital Literacy"].from_level, total["Digital Literacy"].to_level) == (1, 3)
        escalation = total["Customer Escalation Management"]
        assert (escalation.from_level, escalation.to_level, escalation.change) == (2, 3, Change.RAISED)
        analytics = total["Customer Analytics"]
        assert (analytics.from_level, analytics.to_level, analytics.change) == (None, 3, Change.UNKNOWN)
        assert route.total.unpublished.from_count > 0
        assert (route.total.level_change.from_level, route.total.level_change.to_level) == ("A02", "M02")
        base = next(p for p in route.total.pay if p.source == "salary-com" and p.basis == "base")
        assert (base.from_p50, base.to_p50, base.currency) == (43396, 88649, "USD")
    assert result.routes[0].level_chain() == "A02 → S01 → M02"


SKILLS = SHARED_DATA / "onet-29.0" / "Skills.txt"


def onet_levels(code: str) -> dict[str, float]:
    """Skill levels by the catalogue's competency id (names can differ: "Mathematics (skill)")."""
    with SKILLS.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {f"onet/{r['Element ID'].lower()}": float(r["Data Value"]) for r in rows
                if r["O*NET-SOC Code"] == code and r["Scale ID"] == "LV"}


@pytest.mark.skipif(not SKILLS.is_file(), reason=f"O*NET 29.0 Skills.txt not present at {SKILLS}")
def test_seed_onet_representatives_to_supervisors_every_skill_level_change(bundled_repo):
    before, after = onet_levels("43-4051.00"), onet_levels("43-1011.00")
    assert len(before) == len(after) == 35
    route = find_routes(bundled_repo, "onet/43-4051.00", "onet/43-1011.00").routes[0]
    assert route.step_count == 1 and route.steps[0].transition.kind.value == "promotion"
    # skills and knowledge share the O*NET level scale; the 35 skills are checked against Skills.txt
    changes = {c.competency: c for c in route.steps[0].competencies
               if c.scale == "onet-level-7" and c.competency in before}
    assert set(changes) == set(before)
    for name, level in before.items():
        change = changes[name]
        assert (change.from_level, change.to_level) == (pytest.approx(level), pytest.approx(after[name])), name
        expected = Change.RAISED if after[name] > level else Change.LOWERED if after[name] < level else Change.SAME
        assert change.change == expected, name
        assert change.delta == pytest.approx(after[name] - level), name


def test_twins_get_no_route_without_a_path_search_and_rejected_paths_are_bounded(bundled_repo, monkeypatch):
    import career_explorer.services.routes as routes_module

    finder = routes_module.RouteFinder(bundled_repo)
    pulled = []

    def counting(*args, **kwargs):
        for path in real(*args, **kwargs):
            pulled.append(path)
            yield path

    real = routes_module.shortest_simple_paths
    monkeypatch.setattr(routes_module, "shortest_simple_paths", counting)
    result = finder.find("salary-com/customer-service-manager", "seed/customer-support-manager")
    assert result.routes == () and result.same_work and pulled == []
    # Every path is rejected when each passes through a role and its twin: the search gives up.
    start, goal = "onet/43-4051.00", "onet/43-1011.00"
    everyone = frozenset(finder.graph)
    groups = {n: everyone - {n, goal if n == start else start if n == goal else n} for n in everyone}
    monkeypatch.setattr(finder, "_groups", groups)
    found = finder.candidate_paths(start, goal, 2)
    assert found == [[start, goal]]  # only the direct move visits no "twins"
    assert 2 < len(pulled) <= routes_module.EXAMINED_PER_ROUTE * 2
