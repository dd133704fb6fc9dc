"""The bundled catalogue: compiled from the shipped sources, opened read-only, never written."""

from __future__ import annotations

import sqlite3

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.compiler import build
from career_explorer.launcher import main
from career_explorer.paths import bundled_catalogue, catalogue_sources


def _dump(path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_bundled_catalogue_matches_a_fresh_build_of_its_sources(tmp_path):
    fresh = tmp_path / "fresh.sqlite"
    build(catalogue_sources(), fresh)
    assert _dump(bundled_catalogue()) == _dump(fresh), "run `make catalogue` and commit the result"


def test_using_the_bundled_catalogue_never_modifies_it(capsys):
    path = bundled_catalogue()
    before = path.read_bytes()
    repo = CatalogueRepository(path)
    repo.role_summaries(), repo.search_ids("manager"), repo.role("salary-com/chat-support-manager")
    repo.close()
    assert main(["roles", "chat"]) == 0
    assert path.read_bytes() == before


def test_search_finds_customer_service_manager_from_word_prefixes(bundled_repo):
    assert bundled_repo.search_ids("cust serv man")[0] in {"salary-com/customer-service-manager", "onet/43-1011.00"}
    assert "salary-com/customer-service-manager" in bundled_repo.search_ids("cust serv man")


def test_status_counts_of_the_bundled_catalogue(bundled_repo):
    counts = bundled_repo.counts()
    assert bundled_repo.info.name == "Customer-support ladder"
    assert counts.roles == 17 and counts.sources == 6
    assert {"salary-com", "onet-29", "bls-oews-2024"} <= set(bundled_repo.sources)
    assert bundled_repo.sources["onet-29"].licence == "CC BY 4.0"
    assert "O*NET" in (bundled_repo.sources["onet-29"].attribution or "")
