"""The gap between two roles, one step of a route: competency jumps within each scale, the job-level change
and the pay change. (Compare, two to four roles side by side, is services.compare.)
"""

from __future__ import annotations

from operator import itemgetter
from typing import Callable, Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.base import normalise_name
from career_explorer.domain.catalogue import Competency, JobLevel, Requirement, Role, Transition
from career_explorer.domain.role_gap import (
    Change,
    CompetencyChange,
    LevelChange,
    PayChange,
    RoleGap,
    RoleRef,
    Unpublished,
    jump_on_scale,
)


def role_ref(role: Role, levels: Optional[dict[str, JobLevel]] = None) -> RoleRef:
    level = (levels or {}).get(role.level or "")
    return RoleRef.trusted(id=role.id, title=role.title, level=role.level, level_name=level.name if level else None)


def match_requirements(
    roles: list[Role], competencies: dict[str, Competency]
) -> list[tuple[Competency, list[Optional[Requirement]]]]:
    """Line up the roles' requirements: same competency id, or same normalised name on the same scale
    from another source (one source never lists the same competency twice: O*NET's Mathematics skill
    and Mathematics knowledge area are two rows).

    Returns one row per competency, with each role's requirement (or None) in role order.
    """
    rows: dict[tuple[str, str], tuple[Competency, list[Optional[Requirement]]]] = {}
    by_id: dict[str, tuple[str, str]] = {}
    for index, role in enumerate(roles):
        for req in role.requirements:
            comp = competencies[req.competency]
            key = by_id.get(comp.id)
            if key is None:
                key = (comp.scale, normalise_name(comp.name))
                held = rows.get(key)
                if held is not None and held[0].source == comp.source:
                    key = (comp.scale, comp.id)  # an id never reads as a normalised name: it has a '/'
                by_id[comp.id] = key
            if key not in rows:
                rows[key] = (comp, [None] * len(roles))
            slots = rows[key][1]
            if slots[index] is None:
                slots[index] = req
    return list(rows.values())


def _change(
    source: Optional[Requirement], target: Optional[Requirement], source_complete: bool, target_complete: bool
) -> Change:
    if source is not None and target is not None:
        if source.level is None or target.level is None:
            return Change.UNKNOWN
        if target.level > source.level:
            return Change.RAISED
        if target.level < source.level:
            return Change.LOWERED
        return Change.SAME
    if target is not None:
        return Change.NEW if source_complete else Change.UNKNOWN
    return Change.DROPPED if target_complete else Change.UNKNOWN


_ORDER = {Change.RAISED: 0, Change.NEW: 1, Change.UNKNOWN: 2, Change.LOWERED: 3, Change.SAME: 4, Change.DROPPED: 5}


def competency_changes(
    source: Role, target: Role, competencies: dict[str, Competency], scales: dict
) -> tuple[CompetencyChange, ...]:
    """Every competency either role lists, with its change from source to target, biggest jumps first
    (within a kind of change; then by name for a stable order).

    A route query compares some ten pairs of O*NET occupations of seventy competencies each: the changes
    are made from already-validated values (CompetencyChange.trusted) and the order is worked out from
    the values, not through the changes' properties."""
    source_complete, target_complete = source.competencies_complete, target.competencies_complete
    make = CompetencyChange.trusted
    keyed = []
    for comp, (src, dst) in match_requirements([source, target], competencies):
        scale = scales[comp.scale]
        change = _change(src, dst, source_complete, target_complete)
        from_level = src.level if src else None
        to_level = dst.level if dst else None
        gained = ()
        if to_level is not None:
            if change is Change.RAISED or change is Change.NEW:
                gained = comp.behaviours_between(from_level, to_level)
            elif change is Change.UNKNOWN:
                gained = comp.behaviours_up_to(to_level)
        made = make(
            competency=comp.id, name=comp.name, kind=comp.kind, scale=comp.scale,
            scale_min=scale.min, scale_max=scale.max,
            from_level=from_level, to_level=to_level,
            from_word=src.level_word if src else None, to_word=dst.level_word if dst else None,
            importance=(dst.importance if dst else None) or (src.importance if src else None),
            change=change, behaviours_at_target=gained,
            target_importance=dst.importance if dst else None,
            not_relevant=bool(dst and dst.not_relevant), from_not_relevant=bool(src and src.not_relevant),
            from_error=src.standard_error if src else None, to_error=dst.standard_error if dst else None,
            examples=comp.examples,
        )
        jump = jump_on_scale(change, from_level, to_level, scale.min, scale.max)
        keyed.append(((_ORDER[change], -jump, comp.name.lower()), made))
    keyed.sort(key=itemgetter(0))
    return tuple(change for _, change in keyed)


def level_change(repo: CatalogueRepository, source: Role, target: Role) -> LevelChange:
    levels = repo.job_levels
    a, b = levels.get(source.level or ""), levels.get(target.level or "")
    return LevelChange.trusted(
        from_level=source.level, to_level=target.level,
        from_name=a.name if a else None, to_name=b.name if b else None,
        from_rank=a.rank if a else None, to_rank=b.rank if b else None,
        comparable=bool(a and b and a.ladder == b.ladder),
    )


def pay_changes(source: Role, target: Role, names: Optional[dict[str, str]] = None) -> tuple[PayChange, ...]:
    """One entry per (source, basis, region, currency, period) that either role is paid on.

    Uses the first band of each key (the primary capture); never averages sources.
    """
    def first_bands(role: Role) -> dict[tuple, Optional[float]]:
        found: dict[tuple, Optional[float]] = {}
        for band in role.salaries:
            key = (band.source, band.basis.value, band.region, band.currency, band.period.value)
            if key not in found or found[key] is None:
                found[key] = band.median
        return found

    a, b = first_bands(source), first_bands(target)
    keys = sorted(set(a) | set(b), key=lambda k: (k[0] not in a or k[0] not in b, k))
    return tuple(
        PayChange.trusted(source=k[0], source_name=(names or {}).get(k[0], k[0]), basis=k[1], region=k[2],
                          currency=k[3], period=k[4], from_p50=a.get(k), to_p50=b.get(k))
        for k in keys
    )


# The project's own source: a move it credits to itself is the catalogue's inference, not a stated one.
PROJECT_SOURCE = "career-explorer"


def role_gap(
    repo: CatalogueRepository, source: Role, target: Role, transition: Optional[Transition] = None,
    load: Optional[Callable[[str], Optional[Role]]] = None,
    compare: Optional[Callable[[Role, Role], tuple[CompetencyChange, ...]]] = None,
) -> RoleGap:
    """Everything that changes from `source` to `target`; with `load`, also through the roles' twins.

    `compare` gives two roles' competency changes (default: competency_changes); a caller that asks for
    many gaps passes one that keeps them, since routes and lenses compare the same pairs again."""
    from career_explorer.services.lenses import experience_note, lenses_for

    if compare is None:
        def compare(a: Role, b: Role) -> tuple[CompetencyChange, ...]:
            return competency_changes(a, b, repo.competencies, repo.scales)

    lenses, experience = (), None
    if load is not None:
        lenses = lenses_for(repo, source, target, load, compare=compare, ref=lambda r: role_ref(r, repo.job_levels))
        experience = experience_note(repo, target, load)
    return RoleGap.trusted(
        from_role=role_ref(source, repo.job_levels), to_role=role_ref(target, repo.job_levels),
        transition=transition,
        transition_source=repo.sources[transition.source].label
        if transition is not None and transition.source in repo.sources else "",
        level_change=level_change(repo, source, target),
        pay=pay_changes(source, target, repo.source_labels),
        competencies=compare(source, target),
        unpublished=Unpublished.trusted(
            from_count=source.unpublished, to_count=target.unpublished,
            from_more=source.unpublished_unknown, to_more=target.unpublished_unknown,
        ),
        lenses=lenses, experience=experience,
        inferred=transition is not None and transition.source == PROJECT_SOURCE,
    )
