"""Completions from the catalogue's search index: what matches, in which order, and what typed text names."""

from __future__ import annotations

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.title_matches import ALTERNATES_PER_ROLE, words
from tests.picker_fixtures import CALL_CENTRE, HELP_DESK, IT_SUPPORT, SERVICE_MANAGER, ZOOKEEPER, build_picker_catalogue


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = CatalogueRepository(build_picker_catalogue(tmp_path_factory.mktemp("picker")))
    yield repo
    repo.close()


def labels(repo, text: str, limit: int = 15) -> list[str]:
    return [m.label for m in repo.title_matches(text, limit)]


def test_word_prefixes_in_any_case_find_a_title(repo):
    for typed in ("cust serv man", "CUST Serv MAN", "customer service manager"):
        first = repo.title_matches(typed)[0]
        assert (first.label, first.role_id, first.is_alternate) == ("Customer Service Manager", SERVICE_MANAGER, False)


def test_the_exact_title_comes_first_among_many_sharing_its_words(repo):
    shown = labels(repo, "customer service manager")
    assert shown[0] == "Customer Service Manager"
    assert len(shown) > 3 and all("Customer Service Manager" in label for label in shown)


def test_a_title_ranks_above_another_roles_alternate_title_with_the_same_words(repo):
    assert labels(repo, "help desk an") == ["Help Desk Analyst", "Help Desk Analyst → IT Support Technician"]
    shown = labels(repo, "cust serv man", limit=50)
    alternate = shown.index("Customer Service Manager → Call Centre Supervisor")
    assert shown.index("Customer Service Manager") < alternate
    assert all("→" in label for label in shown[alternate:])  # every title before every alternate title


def test_an_alternate_title_names_its_role(repo):
    [match] = repo.title_matches("switchb")
    assert (match.label, match.role_id, match.matched, match.title) == (
        "Switchboard Lead → Call Centre Supervisor", CALL_CENTRE, "Switchboard Lead", "Call Centre Supervisor")


def test_only_word_starts_match_and_accents_do_not_matter(repo):
    assert labels(repo, "ookeeper") == []
    assert labels(repo, "zoö") == ["Zookeeper"]
    assert words("Zoö-Keeper, Café") == ["zoo", "keeper", "cafe"]


def test_completions_are_a_screenful_even_for_one_letter(repo):
    assert len(repo.title_matches("s", 12)) == 12
    assert repo.title_matches("", 12) == [] and repo.title_matches(" ,. ", 12) == []


def test_one_role_shows_a_few_of_its_alternate_titles_at_most(repo):
    assert ALTERNATES_PER_ROLE == 3  # of Zookeeper's five "... Keeper" titles, the first three by name
    assert labels(repo, "keeper") == ["Animal Keeper → Zookeeper", "Aquarium Keeper → Zookeeper",
                                      "Bird Keeper → Zookeeper"]


def test_completions_carry_level_and_source_to_tell_shared_titles_apart(repo):
    first = repo.title_matches("zookeeper")[0]
    assert (first.level, first.source_name) == ("M02", "Generated roles")


@pytest.mark.parametrize("typed, named", [
    ("Customer Service Manager", [SERVICE_MANAGER]),  # exact, though other titles start with it
    ("zookee", [ZOOKEEPER]),  # the only title with a word starting so
    ("animal keeper", [ZOOKEEPER]),  # an alternate title
    ("desktop support", [IT_SUPPORT]),
    ("help desk analyst", [HELP_DESK]),  # the title, not the other role's alternate title
    ("xyzzy", []),
])
def test_roles_named_by_typed_text(repo, typed, named):
    assert repo.roles_named(typed) == named


def test_text_naming_several_roles_names_two(repo):
    assert len(repo.roles_named("support")) == 2


def test_role_title_reads_one_role(repo):
    assert repo.role_title(ZOOKEEPER) == "Zookeeper"
    assert repo.role_title("gen/none") is None


def test_fixture_catalogue_completes_an_alternate_title(fixture_repo):
    [match] = fixture_repo.title_matches("chat ag")
    assert match.label == "Chat Agent → Support Representative"
    assert fixture_repo.roles_named("chat agent") == ["fx/rep"]
