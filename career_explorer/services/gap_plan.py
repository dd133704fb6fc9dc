"""Gap to a target role, overall readiness (explained), the roles closest now, and a development plan."""

from __future__ import annotations

from typing import Optional, Sequence

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.titles_elsewhere import title_elsewhere
from career_explorer.data.user_store import now
from career_explorer.domain.catalogue import Role
from career_explorer.domain.plan import (
    CompetencyGap,
    GapReport,
    GapStatus,
    PlanItem,
    Readiness,
    RoleFit,
    RoleStatus,
)
from career_explorer.domain.role_gap import RoleRef
from career_explorer.domain.route import Route
from career_explorer.domain.user import Assessment, Person, PlanAction, SessionNote
from career_explorer.services.assessment import RatingIndex
from career_explorer.services.readiness import fit_distance, ranking_key, readiness
from career_explorer.services.role_lookup import RoleNotFound
from career_explorer.services.routes import route_finder


def role_status(repo: CatalogueRepository, role_id: str) -> RoleStatus:
    """A role the user data names; kept (and marked) when the catalogue no longer has it."""
    role = repo.role(role_id)
    if role is None:
        return RoleStatus(id=role_id, title=title_elsewhere("roles", role_id) or role_id, in_catalogue=False)
    return RoleStatus(id=role.id, title=role.title, level=role.level)


def competency_gaps(repo: CatalogueRepository, role: Role, ratings: RatingIndex) -> tuple[CompetencyGap, ...]:
    """Each of the role's competencies: rating -> required level, with the behaviours still to show."""
    gaps = []
    for req in role.requirements:
        comp = repo.competencies[req.competency]
        scale = repo.scales[comp.scale]
        found = ratings.find(comp)
        rating = None if found is None else found.level
        if req.level is None:
            status, behaviours = GapStatus.NO_LEVEL, ()
        elif req.level <= scale.min:
            status, behaviours = GapStatus.MET, ()  # the floor of the scale: nothing to show
        elif rating is None:
            status, behaviours = GapStatus.UNRATED, comp.behaviours_up_to(req.level)
        elif rating >= req.level:
            status, behaviours = GapStatus.MET, ()
        else:
            status, behaviours = GapStatus.BELOW, comp.behaviours_between(rating, req.level)
        gaps.append(CompetencyGap(
            competency=comp.id, name=comp.name, kind=comp.kind, scale=comp.scale,
            scale_min=scale.min, scale_max=scale.max, rating=rating, required=req.level,
            required_word=req.level_word, importance=req.importance, status=status, behaviours=behaviours,
            evidence=found.evidence if found is not None else None,
        ))
    order = {GapStatus.BELOW: 0, GapStatus.UNRATED: 1, GapStatus.NO_LEVEL: 2, GapStatus.MET: 3}
    gaps.sort(key=lambda g: (order[g.status], -(g.shortfall or 0.0) * g.weight, g.name.casefold()))
    return tuple(gaps)


def role_fit(repo: CatalogueRepository, role: Role, ratings: RatingIndex) -> Optional[RoleFit]:
    """The person's readiness for a role, or None when they rated none of the competencies it names."""
    gaps = competency_gaps(repo, role, ratings)
    if not any(g.rating is not None for g in gaps):
        return None
    return RoleFit(role=RoleRef(id=role.id, title=role.title, level=role.level),
                   readiness=readiness(gaps, role.title, role.unpublished, role.unpublished_unknown),
                   distance=fit_distance(gaps))


def closest_roles(repo: CatalogueRepository, assessment: Optional[Assessment], limit: int = 8) -> tuple[RoleFit, ...]:
    """Roles ranked by `ranking_score`: readiness pulled toward 50% when little can be compared.

    A role is a candidate when the person rated at least one competency it names. Those where
    nothing can be compared (rated only competencies named without a level) have no figure and
    come last.
    """
    if assessment is None or not assessment.ratings or limit <= 0:
        return ()
    ratings = RatingIndex(assessment, repo.competencies)
    finder = route_finder(repo)  # keeps loaded roles between calls
    fits = [f for f in (role_fit(repo, finder.role(i), ratings) for i in repo.role_ids()) if f is not None]
    fits.sort(key=lambda f: ranking_key(f.readiness, f.distance, f.role.title))
    return tuple(fits[:limit])


def development_plan(gaps: Sequence[CompetencyGap], actions: dict[str, PlanAction]) -> tuple[PlanItem, ...]:
    """The competencies to grow, in order, each with the behaviours to demonstrate and its action.

    Rated gaps come first, biggest weighted shortfall (importance x 0-100 of the scale) first; then
    competencies not rated yet, counted from the scale's floor.
    """
    items = [
        PlanItem(competency=g.competency, name=g.name, scale=g.scale, rating=g.rating, required=g.required,
                 importance=g.importance, priority=round((g.shortfall or 0.0) * g.weight, 2),
                 behaviours=g.behaviours,
                 action=actions[g.competency].text if g.competency in actions else None, evidence=g.evidence)
        for g in gaps if g.status in (GapStatus.BELOW, GapStatus.UNRATED) and g.required is not None
    ]
    # Known gaps first (biggest weighted shortfall first), then the unrated ones: rate those to refine.
    items.sort(key=lambda i: (i.rating is None, -i.priority, i.name.casefold()))
    return tuple(items)


def plan_route(repo: CatalogueRepository, person: Person, target_id: str,
               saved: Sequence[str] = ()) -> tuple[Optional[Route], str]:
    """The route to show, with a note on where it came from.

    A saved route is used when it runs from the person's role to the target along catalogue
    transitions; otherwise the best route the route engine finds, else the direct comparison.
    """
    if not person.role_id:
        return None, "No current role set, so no route."
    if person.role_id == target_id:
        return None, "The target is the current role."
    finder = route_finder(repo)
    saved = list(saved)
    try:
        if len(saved) >= 2 and saved[0] == person.role_id and saved[-1] == target_id:
            missing = [r for r in saved if repo.role(r) is None]
            if missing:
                note = f"The saved route names roles not in this catalogue ({', '.join(missing)});"
            elif all(b in finder.graph.get(a, {}) for a, b in zip(saved, saved[1:])):
                return finder.route_through(saved, rank=1), "The route chosen in the Path view."
            else:
                note = "The saved route no longer follows this catalogue's transitions;"
        else:
            note = ""
        result = finder.find(person.role_id, target_id, k=1)
    except (RoleNotFound, ValueError, KeyError):
        return None, "The current or target role is not in this catalogue, so no route."
    prefix = f"{note} " if note else ""
    if result.routes:
        return result.routes[0], prefix + "The best route the catalogue's transitions give."
    return result.direct, prefix + "No route through the catalogue's transitions: a direct comparison."


def gap_report(repo: CatalogueRepository, person: Person, assessment: Optional[Assessment], target_id: str,
               route: Sequence[str] = (), actions: Optional[dict[str, PlanAction]] = None,
               closest: int = 8, routes: Optional[dict[tuple, tuple[Optional[Route], str]]] = None,
               sessions: Sequence[SessionNote] = ()) -> GapReport:
    """Everything about one person and one target: gaps, readiness, plan, route steps, closest roles,
    and (given the person's sessions) the actions ticked done and the recent sessions.

    `routes`, when given, keeps each plan_route answer by (current role, target, saved route) across
    calls: a cohort's people mostly share a few routes, and finding one is most of a report's cost.
    """
    from career_explorer.services.sessions import mark_done, summaries

    target = repo.role(target_id)
    target_status = role_status(repo, target_id)
    ratings = RatingIndex(assessment, repo.competencies)
    gaps = competency_gaps(repo, target, ratings) if target else ()
    unpublished = target.unpublished if target else 0
    key = (person.role_id, target_id, tuple(route))
    if routes is not None and key in routes:
        chosen, route_note = routes[key]
    else:
        chosen, route_note = plan_route(repo, person, target_id, route)
        if routes is not None:
            routes[key] = (chosen, route_note)
    if target is None:
        # No id here: the heading already names the missing role by the only key the user data has.
        ready = Readiness(explanation="Not enough to compare: the target role is not in this catalogue.")
    else:
        ready = readiness(gaps, target.title, unpublished, target.unpublished_unknown)
    return GapReport(
        person=person.name, made=now(), assessed=assessment.taken if assessment else None,
        current=role_status(repo, person.role_id) if person.role_id else None,
        target=target_status, gaps=gaps, unpublished=unpublished, readiness=ready,
        plan=mark_done(development_plan(gaps, actions or {}), sessions),
        route=chosen, route_note=route_note,
        closest=closest_roles(repo, assessment, closest), sessions=summaries(repo, sessions),
    )
