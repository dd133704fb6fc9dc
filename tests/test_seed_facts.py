"""The bundled catalogue sources carry the seed documents' facts, and only those.

These tests read the hand-written sources in career_explorer/data/catalogue through the compiler's
loader, so they check what the app will ship: the Salary.com medians, levels, codes and proficiency
levels of the three seed profiles, the extra Salary.com roles, the seed articles' roles and pay, and
the routes between them.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest

from career_explorer.data.source_files import load_sources
from career_explorer.domain.catalogue import Catalogue, Role, SalaryBand

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = REPO_ROOT / "career_explorer" / "data" / "catalogue"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"

CSR_I = "salary-com/chat-support-representative-i"
CHAT_MANAGER = "salary-com/chat-support-manager"
CS_MANAGER = "salary-com/customer-service-manager"
TEAM_LEADER = "salary-com/customer-service-team-leader"
RETAIL_CSR = "salary-com/retail-store-customer-service-representative"
RETENTION_REP = "salary-com/customer-retention-representative-ii"
SPECIALIST = "salary-com/client-service-specialist-ii"
EXECUTIVE = "salary-com/top-customer-service-executive"
SEED_MANAGER = "seed/customer-support-manager"
SEED_CHAT_EXEC = "seed/chat-support-executive"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    # The hand-written sources alone: the O*NET roles they link to are added by the build's import.
    return load_sources(SOURCE_DIR)[0]


@pytest.fixture(scope="module")
def roles(catalogue: Catalogue) -> dict[str, Role]:
    return {role.id: role for role in catalogue.roles}


def levels_of(role: Role) -> dict[str, tuple[float | None, str | None]]:
    return {req.competency: (req.level, req.level_word) for req in role.requirements}


def medians(role: Role, basis: str, source: str = "salary-com") -> list[float]:
    return [
        band.p50 for band in role.salaries
        if band.basis.value == basis and band.source == source and band.p50 is not None
    ]


def first_median(role: Role, basis: str) -> float:
    return medians(role, basis)[0]


def routes(catalogue: Catalogue, start: str, goal: str, kinds: set[str]) -> list[str] | None:
    """Shortest route from start to goal over transitions of the given kinds, or None."""
    edges: dict[str, list[str]] = {}
    for tr in catalogue.transitions:
        if tr.kind.value in kinds:
            edges.setdefault(tr.from_role, []).append(tr.to_role)
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here == goal:
            path = [here]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])
            return path[::-1]
        for there in edges.get(here, []):
            if there not in previous:
                previous[there] = here
                queue.append(there)
    return None


CAREER_KINDS = {"promotion", "lateral", "specialisation"}


# --- the three Salary.com seed profiles ----------------------------------------------------------


def test_chat_support_representative_i_has_its_grade_code_and_medians(roles):
    rep = roles[CSR_I]
    assert (rep.level, rep.job_code) == ("A02", "IT10000406")
    assert (first_median(rep, "base"), first_median(rep, "total")) == (43396, 46122)
    assert rep.education == "Associate's Degree"
    assert rep.reports_to == "Supervisor or Manager"


def test_chat_support_representative_i_needs_the_published_proficiency_levels(roles):
    levels = levels_of(roles[CSR_I])
    assert levels["salary-com/products-and-services"][0] == 1
    assert levels["salary-com/digital-literacy"][0] == 1
    assert levels["salary-com/customer-escalation-management"][0] == 2
    assert levels["salary-com/customer-complaint-resolution"][0] == 2
    assert levels["salary-com/attention-to-detail"] == (None, "proficient")
    assert levels["salary-com/customer-interaction"] == (None, None)


def test_chat_support_manager_has_its_grade_code_and_medians(roles):
    manager = roles[CHAT_MANAGER]
    assert (manager.level, manager.job_code) == ("M02", "IT10000257")
    assert (first_median(manager, "base"), first_median(manager, "total")) == (88649, 94886)
    assert manager.reports_to == "Head of a Unit/Department"


def test_chat_support_manager_needs_the_published_levels_and_words(roles):
    levels = levels_of(roles[CHAT_MANAGER])
    assert levels["salary-com/products-and-services"] == (4, "skilled")
    assert levels["salary-com/digital-literacy"] == (3, "skilled")
    assert levels["salary-com/customer-escalation-management"][0] == 3
    assert levels["salary-com/customer-analytics"][0] == 3
    assert levels["salary-com/standard-operating-procedures-sop"] == (None, "expert")


def test_chat_support_manager_keeps_the_differing_second_capture_apart(roles):
    manager = roles[CHAT_MANAGER]
    assert medians(manager, "base") == [88649, 87555]
    assert medians(manager, "total") == [94886, 93712]
    second = [band for band in manager.salaries if band.p50 in (87555, 93712)]
    assert all(band.note and "capture" in band.note.lower() for band in second)


def test_customer_service_manager_has_its_grade_code_medians_and_levels(roles):
    manager = roles[CS_MANAGER]
    assert (manager.level, manager.job_code) == ("M02", "SM15000027")
    assert (first_median(manager, "base"), first_median(manager, "total")) == (100228, 108020)
    levels = levels_of(manager)
    assert levels["salary-com/call-center-management"][0] == 3
    assert levels["salary-com/standard-operating-procedures-sop"] == (5, "expert")
    assert levels["salary-com/service-excellence"] == (None, "skilled")


def test_salary_com_pay_is_us_dollars_per_year_as_medians_only(catalogue):
    for role in catalogue.roles:
        for band in role.salaries:
            if band.source != "salary-com":
                continue
            assert (band.region, band.currency, band.period.value) == ("US", "USD", "annual"), role.id
            assert band.p50 is not None and band.mean is None and band.entry is None, role.id
            assert band.p10 is band.p25 is band.p75 is band.p90 is None, role.id


def test_hidden_placeholder_entries_are_not_stored_as_competencies(catalogue):
    placeholder = re.compile(r"skill and competency|competency for", re.IGNORECASE)
    assert not [c.id for c in catalogue.competencies if placeholder.search(c.name)]
    titles = [role.title.lower() for role in catalogue.roles]
    assert not [c.id for c in catalogue.competencies if any(t in c.name.lower() for t in titles)]


def test_seed_profiles_count_unnamed_competencies_from_the_page_totals(roles):
    # Totals on the pages: 16, 20 and 25 distinct skills; six are named for each role.
    assert roles[CSR_I].unpublished == 16 - len(roles[CSR_I].requirements) == 10
    assert roles[CHAT_MANAGER].unpublished == 20 - len(roles[CHAT_MANAGER].requirements) == 14
    assert roles[CS_MANAGER].unpublished == 25 - len(roles[CS_MANAGER].requirements) == 19


# --- the other Salary.com roles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role_id", "level", "job_code", "base", "total"),
    [
        (RETAIL_CSR, "A01", "FA06000506", 29412, 29731),
        (RETENTION_REP, "A02", "SM15000446", 44234, 47137),
        (SPECIALIST, "P02", "SM15000495", 63586, 66040),
        (TEAM_LEADER, "S01", "SM15000409", 62930, 65574),
        (EXECUTIVE, "M05", "EX05000062", 235880, 296266),
    ],
)
def test_extra_salary_com_roles_have_their_grade_code_and_medians(roles, role_id, level, job_code, base, total):
    role = roles[role_id]
    assert (role.level, role.job_code, role.source) == (level, job_code, "salary-com")
    assert (first_median(role, "base"), first_median(role, "total")) == (base, total)


def test_retail_representative_keeps_both_differing_captures(roles):
    role = roles[RETAIL_CSR]
    assert medians(role, "base") == [29412, 29482]
    assert medians(role, "total") == [29731, 29800]


def test_partly_visible_roles_count_the_competencies_they_do_not_name(roles):
    assert levels_of(roles[RETAIL_CSR]) == {"salary-com/retail-industry": (1, None)}
    assert roles[RETAIL_CSR].unpublished == 5
    assert levels_of(roles[RETENTION_REP]) == {"salary-com/customer-analytics": (2, None)}
    assert roles[RETENTION_REP].unpublished == 5
    assert roles[EXECUTIVE].unpublished == 6
    assert all(roles[r].unpublished_unknown for r in (RETAIL_CSR, RETENTION_REP, EXECUTIVE))


def test_no_salary_com_role_claims_a_complete_competency_list(catalogue):
    for role in catalogue.roles:
        if role.source == "salary-com":
            assert role.unpublished > 0 or role.unpublished_unknown, role.id
            assert not role.competencies_complete, role.id


def test_roles_whose_source_gives_no_total_say_more_may_exist_without_a_made_up_count(roles):
    for role_id in ("salary-com/customer-service-team-leader", "salary-com/client-service-specialist-ii",
                    "seed/technical-support-specialist"):
        assert roles[role_id].unpublished == 0 and roles[role_id].unpublished_unknown, role_id


def test_salary_com_levels_order_from_representative_to_executive(catalogue):
    rank = {lv.code: lv.rank for lv in catalogue.job_levels if lv.ladder == "salary-com"}
    assert rank["A01"] < rank["A02"] < rank["S01"] == rank["P02"] < rank["M02"] < rank["M05"]


# --- the seed articles ---------------------------------------------------------------------------


def test_customer_support_manager_article_pay_stays_separate_in_dollars_and_pounds(catalogue, roles):
    role = roles[SEED_MANAGER]
    assert role.source == "seed-004-customer-support-manager"
    assert "seed-004-customer-support-manager" in {s.id for s in catalogue.sources}
    by_currency: dict[str, SalaryBand] = {band.currency: band for band in role.salaries}
    assert set(by_currency) == {"USD", "GBP"}
    usd, gbp = by_currency["USD"], by_currency["GBP"]
    assert (usd.region, usd.mean, usd.entry, usd.experienced) == ("US", 45963, 35075, 79855)
    assert (gbp.region, gbp.mean, gbp.entry, gbp.experienced) == ("UK", 35000, 27500, 47500)
    for band in role.salaries:
        assert band.source == "seed-004-customer-support-manager"
        assert band.p50 is None and band.period.value == "annual" and band.basis.value == "unstated"  # not said


def test_article_pay_is_not_merged_into_the_salary_com_manager(roles):
    manager = roles[CS_MANAGER]
    assert {band.source for band in manager.salaries} == {"salary-com"}
    assert {band.currency for band in manager.salaries} == {"USD"}


def test_chat_support_executive_needs_the_article_skills_without_levels(roles):
    role = roles[SEED_CHAT_EXEC]
    assert role.source == "seed-003-chat-support-executive" and role.level is None and not role.salaries
    needed = levels_of(role)
    for skill in ("written-communication", "problem-solving", "multitasking", "empathy",
                  "time-management", "technical-troubleshooting", "adaptability", "teamwork"):
        assert f"seed/{skill}" in needed
    assert "salary-com/attention-to-detail" in needed
    assert all(level is None for level, _ in needed.values())


def test_chat_support_executive_grows_into_leads_and_specialisations(catalogue):
    out = {(tr.to_role, tr.kind.value) for tr in catalogue.transitions if tr.from_role == SEED_CHAT_EXEC}
    assert (TEAM_LEADER, "promotion") in out
    assert (CHAT_MANAGER, "promotion") in out
    for area in ("technical", "sales", "billing"):
        assert (f"seed/{area}-support-specialist", "specialisation") in out


# --- routes ----------------------------------------------------------------------------------------


def test_a_chat_representative_can_reach_chat_support_manager_through_team_leader(catalogue):
    route = routes(catalogue, CSR_I, CHAT_MANAGER, CAREER_KINDS)
    assert route == [CSR_I, TEAM_LEADER, CHAT_MANAGER]


def test_the_ladder_runs_from_retail_desk_to_executive(catalogue):
    # in-store to chat support is a sideways move on the same front-line rung, then promotions
    pairs = {(tr.from_role, tr.to_role): tr.kind.value for tr in catalogue.transitions}
    assert pairs[(RETAIL_CSR, CSR_I)] == "lateral"
    route = routes(catalogue, CSR_I, EXECUTIVE, {"promotion"})
    assert route is not None and route[0] == CSR_I and route[-1] == EXECUTIVE
    assert routes(catalogue, TEAM_LEADER, CS_MANAGER, {"promotion"}) == [TEAM_LEADER, CS_MANAGER]
    assert routes(catalogue, CS_MANAGER, EXECUTIVE, {"promotion"}) == [CS_MANAGER, EXECUTIVE]


def test_moves_between_salary_com_roles_are_credited_to_the_catalogues_inference(catalogue):
    # Salary.com publishes no career paths: the ladder's moves are this catalogue's own inference
    inferred = [tr for tr in catalogue.transitions
                if tr.from_role.startswith("salary-com/") and tr.to_role.startswith("salary-com/")]
    assert len(inferred) == 11
    assert all(tr.source == "career-explorer" for tr in inferred)
    assert not any(tr.source == "salary-com" for tr in catalogue.transitions)
    assert not any("a team or unit of customer service representatives" in tr.basis for tr in catalogue.transitions)


def test_representatives_have_an_individual_contributor_branch_and_a_lateral_move(catalogue):
    pairs = {(tr.from_role, tr.to_role): tr.kind.value for tr in catalogue.transitions}
    assert pairs[(CSR_I, SPECIALIST)] == "promotion"
    assert pairs[(CSR_I, RETENTION_REP)] == "lateral"


def test_salary_com_roles_link_to_o_net_occupations_where_titles_support_it(catalogue):
    related = {(tr.from_role, tr.to_role) for tr in catalogue.transitions if tr.kind.value == "related"}
    assert (CSR_I, "onet/43-4051.00") in related
    assert (CS_MANAGER, "onet/43-1011.00") in related
    assert (SEED_MANAGER, CS_MANAGER) in related


def test_every_transition_names_its_source_and_basis(catalogue):
    sources = {s.id for s in catalogue.sources} | {"onet-29"}  # the O*NET import defines onet-29
    for tr in catalogue.transitions:
        assert tr.source in sources and tr.basis.strip()


# --- competencies and wording ------------------------------------------------------------------------


def test_every_proficiency_competency_describes_all_five_levels(catalogue):
    for comp in catalogue.competencies:
        if comp.scale == "proficiency-5":
            assert [b.level for b in comp.behaviours] == [1, 2, 3, 4, 5], comp.id
            assert comp.definition, comp.id


def _seed_sentences() -> list[str]:
    """Definition and behaviour sentences, and job summaries, from the Salary.com seed pages."""
    sentences: list[str] = []
    for page in sorted(SEEDS_DIR.glob("00[0-2]_*.txt")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("Skill definition-"):
                sentences.append(line.removeprefix("Skill definition-"))
            elif re.fullmatch(r"\((General Familiarity|Light Experience|Moderate Experience|"
                              r"Extensive Experience|Mastery)\)", line.strip()) and i + 1 < len(lines):
                sentences.append(lines[i + 1])
            elif line.startswith(("JOB SUMMARY", "JOB RESPONSIBILITIES")) and i + 2 < len(lines):
                sentences += re.split(r"(?<=\.)\s+", lines[i + 2])
    return [s.strip() for s in sentences if len(s.strip()) > 30]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"seed pages not present at {SEEDS_DIR}")
def test_catalogue_text_does_not_copy_salary_com_sentences(catalogue):
    ours: list[str] = []
    for comp in catalogue.competencies:
        ours += [comp.definition or ""] + [b.text for b in comp.behaviours]
    for role in catalogue.roles:
        ours += [role.summary or "", role.responsibilities or ""]
    corpus = _norm(" | ".join(ours))
    copied = [s for s in _seed_sentences() if _norm(s) in corpus]
    assert not copied
