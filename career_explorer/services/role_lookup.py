"""Find roles by what a user types: an id, a title, or a unique prefix of either."""

from __future__ import annotations

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.role_listing import RoleSummary


class RoleNotFound(LookupError):
    """No role or more than one role matches; `candidates` lists the near matches."""

    def __init__(self, name: str, candidates: list[RoleSummary]) -> None:
        self.name = name
        self.candidates = candidates
        if candidates:
            listed = "; ".join(f"{c.title} [{c.id}]" for c in candidates[:10])
            more = f" (+{len(candidates) - 10} more)" if len(candidates) > 10 else ""
            message = f"{name!r} matches {len(candidates)} roles: {listed}{more}"
        else:
            message = f"no role matches {name!r}"
        super().__init__(message)


def find_role(repo: CatalogueRepository, name: str) -> RoleSummary:
    """Exact id, title, job code or SOC code first (case-insensitive), then a unique prefix, then a unique
    search hit."""
    wanted = name.strip().casefold()
    summaries = repo.role_summaries()
    for field in ("id", "title", "job_code", "soc_code"):
        exact = [s for s in summaries if (getattr(s, field) or "").casefold() == wanted]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            raise RoleNotFound(name, exact)
    prefixed = [s for s in summaries if s.id.casefold().startswith(wanted) or s.title.casefold().startswith(wanted)]
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        raise RoleNotFound(name, prefixed)
    by_id = {s.id: s for s in summaries}
    hits = [by_id[i] for i in repo.search_ids(name) if i in by_id]
    if len(hits) == 1:
        return hits[0]
    raise RoleNotFound(name, hits)


def search_roles(repo: CatalogueRepository, query: str) -> list[RoleSummary]:
    """Roles matching `query` (all roles when it is blank), best match first."""
    summaries = {s.id: s for s in repo.role_summaries()}
    if not query.strip():
        return list(summaries.values())
    return [summaries[i] for i in repo.search_ids(query) if i in summaries]
