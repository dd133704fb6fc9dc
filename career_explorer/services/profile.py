"""The role profile: a role with its level, pay entries, required competencies and sources."""

from __future__ import annotations

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Role
from career_explorer.domain.profile import PayEntry, RequiredCompetency, RoleProfile
from career_explorer.services.role_lookup import RoleNotFound
from career_explorer.services.wage_history import wage_history


def source_name(repo: CatalogueRepository, source_id: str) -> str:
    """The name people read for a source ("BLS OEWS May 2024"); ids stay in --json."""
    source = repo.sources.get(source_id)
    return source.label if source else source_id


def pay_entries(repo: CatalogueRepository, role: Role) -> tuple[PayEntry, ...]:
    """Every salary band of `role` in catalogue order; sources are never merged."""
    return tuple(
        PayEntry(role_id=role.id, role_title=role.title, source_name=source_name(repo, band.source), band=band)
        for band in role.salaries
    )


def role_profile(repo: CatalogueRepository, role_id: str) -> RoleProfile:
    """The profile of the role with this exact id; RoleNotFound when there is none."""
    role = repo.role(role_id)
    if role is None:
        raise RoleNotFound(role_id, [])
    competencies, scales = repo.competencies, repo.scales
    required = []
    for req in role.requirements:
        comp = competencies[req.competency]
        required.append(RequiredCompetency(competency=comp, scale=scales[comp.scale], requirement=req))
    history = wage_history(repo, role)
    source_ids = [role.source] + [b.source for b in role.salaries]
    if history is not None:
        source_ids += [p.source for p in history.points]
    for item in required:
        source_ids += [item.requirement.source or role.source, item.competency.source]
        source_ids += [b.source for b in item.competency.behaviours if b.source]
    seen = dict.fromkeys(s for s in source_ids if s in repo.sources)
    family = repo.job_families.get(role.family)
    return RoleProfile(
        role=role,
        family_name=family.name if family else role.family,
        job_level=repo.job_levels.get(role.level or ""),
        competencies=tuple(required),
        pay=pay_entries(repo, role),
        sources=tuple(repo.sources[s] for s in seen),
        wage_history=history,
    )
