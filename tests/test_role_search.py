"""One role search: the repository and Browse ask the same FTS5 query and agree, even on an empty query."""

from __future__ import annotations

import pytest

from career_explorer.services.browse import browser_for


@pytest.mark.parametrize("query", ["", "   ", "-- ?", "___"])
def test_a_query_without_words_lists_every_role_in_browse_and_the_repository(fixture_repo, query):
    every = set(fixture_repo.role_ids())
    assert set(fixture_repo.search_ids(query)) == every
    assert {s.id for s in browser_for(fixture_repo).search(query)} == every


@pytest.mark.parametrize("query", ["support", "supp man", "lead"])
def test_browse_finds_the_roles_the_repository_finds(fixture_repo, query):
    found = fixture_repo.search_ids(query)
    assert found, f"the fixture catalogue should match {query!r}"
    assert {s.id for s in browser_for(fixture_repo).search(query)} == set(found)


def test_words_joined_by_underscores_are_searched_as_separate_words(fixture_repo):
    assert fixture_repo.search_ids("support_manager") == fixture_repo.search_ids("support manager")
