"""Twins as lenses: a role's counterpart in another source, and the related experience of a target.

The catalogue links a curated role to its O*NET occupation with a `related` transition: the same work,
described by two sources. Such a link is never a step of a route. Instead, a step between two roles is
also shown through each source both ends have a counterpart in, on that source's own scale, so a
curated ladder that publishes few levels still shows the jumps O*NET rates.
"""

from __future__ import annotations

from typing import Callable, Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Role
from career_explorer.domain.role_gap import ExperienceNote, Lens, RoleRef

Loader = Callable[[str], Optional[Role]]


def has_levels(role: Role) -> bool:
    return any(q.level is not None for q in role.requirements)


def counterparts(repo: CatalogueRepository, role: Role, load: Loader) -> dict[str, Role]:
    """Source id -> the role standing for `role` in that source: itself, or a twin with published levels."""
    found: dict[str, Role] = {role.source: role}
    for twin_id in repo.related_role_ids(role.id):
        twin = load(twin_id)
        if twin is None or twin.source in found or not has_levels(twin):
            continue
        found[twin.source] = twin
    return found


def lenses_for(
    repo: CatalogueRepository, source: Role, target: Role, load: Loader,
    compare: Callable[[Role, Role], tuple], ref: Callable[[Role], RoleRef],
) -> tuple[Lens, ...]:
    """The step source -> target seen through every other source both ends have a counterpart in."""
    ends_a, ends_b = counterparts(repo, source, load), counterparts(repo, target, load)
    lenses = []
    for source_id in sorted(set(ends_a) & set(ends_b)):
        a, b = ends_a[source_id], ends_b[source_id]
        if (a.id, b.id) == (source.id, target.id) or not (has_levels(a) and has_levels(b)):
            continue
        known = repo.sources.get(source_id)
        lenses.append(Lens.trusted(
            source=source_id, source_name=known.label if known else source_id, from_role=ref(a), to_role=ref(b),
            same_role=a.id == b.id, competencies=() if a.id == b.id else compare(a, b),
        ))
    return tuple(lenses)


def experience_note(repo: CatalogueRepository, target: Role, load: Loader) -> Optional[ExperienceNote]:
    """The most common related-experience answer for `target`, or for its linked occupation."""
    candidates = [(target, False)] + [(twin, True) for twin in counterparts(repo, target, load).values()
                                      if twin.id != target.id]
    for role, via in candidates:
        experience = role.experience
        common = experience.most_common() if experience is not None else None
        if common is None:
            continue
        known = repo.sources.get(experience.source)
        return ExperienceNote.trusted(
            role_title=role.title, via_twin=via, label=common.label, share=common.share,
            source_name=known.label if known else experience.source, as_of=experience.as_of,
            respondents=experience.respondents, suppressed=experience.suppressed,
        )
    return None
