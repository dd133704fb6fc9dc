"""Rating a person: which competencies to rate, checking levels against their scales, snapshots, diffs."""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.user_store import UserStore, now
from career_explorer.domain.base import normalise_name
from career_explorer.domain.catalogue import Competency, Role
from career_explorer.domain.plan import Rateable, RatingChange, RatingHistory, RatingSeries
from career_explorer.domain.user import Assessment, Person, Rating
from career_explorer.services.role_gap import match_requirements


class AssessmentError(ValueError):
    """A bad rating: unknown competency or a level outside its scale. One line."""


class RatingIndex:
    """Find a person's rating for a competency: same id, or the same name on the same scale from another
    source (a rating of O*NET's Mathematics skill is not one of its Mathematics knowledge area)."""

    def __init__(self, assessment: Optional[Assessment], competencies: dict[str, Competency]) -> None:
        self.by_id: dict[str, Rating] = {r.competency: r for r in assessment.ratings} if assessment else {}
        self.by_key: dict[tuple[str, str], tuple[str, Rating]] = {}
        for rating in self.by_id.values():
            comp = competencies.get(rating.competency)
            if comp is not None:
                self.by_key.setdefault((comp.scale, normalise_name(comp.name)), (comp.source, rating))

    def find(self, comp: Competency) -> Optional[Rating]:
        found = self.by_id.get(comp.id)
        if found is None:
            source, found = self.by_key.get((comp.scale, normalise_name(comp.name)), (None, None))
            if source == comp.source:
                return None
        return found

    def level(self, comp: Competency) -> Optional[float]:
        found = self.find(comp)
        return None if found is None else found.level


def person_roles(repo: CatalogueRepository, person: Person, target_id: Optional[str] = None) -> list[Role]:
    """The person's current role and target role, those the catalogue has, in that order."""
    ids = [i for i in (person.role_id, target_id) if i]
    return repo.roles(list(dict.fromkeys(ids)))


def rateable(repo: CatalogueRepository, roles: list[Role]) -> list[Rateable]:
    """One row per competency the roles require, matched across roles by id or name within a scale."""
    rows = []
    for comp, reqs in match_requirements(roles, repo.competencies):
        rows.append(Rateable(
            competency=comp, scale=repo.scales[comp.scale], roles=tuple(r.id for r in roles),
            required=tuple(None if q is None else q.level for q in reqs),
        ))
    return rows


def find_rateable(rows: list[Rateable], name: str) -> Rateable:
    """A competency by name or id, ignoring case and '&' vs 'and'."""
    wanted = name.strip()
    for test in (lambda r: r.competency.name.casefold() == wanted.casefold(),
                 lambda r: r.competency.id == wanted,
                 lambda r: normalise_name(r.competency.name) == normalise_name(wanted)):
        found = [r for r in rows if test(r)]
        if found:
            return found[0]
    if not rows:
        raise AssessmentError(f"unknown competency {wanted!r}: the person's roles list no competencies "
                              "(set a current role or a target first)")
    names = ", ".join(sorted(r.competency.name for r in rows))
    raise AssessmentError(f"unknown competency {wanted!r} (this person's roles have: {names})")


def check_level(comp: Competency, scale_min: int, scale_max: int, level: float) -> float:
    if not scale_min <= level <= scale_max:
        raise AssessmentError(f"{comp.name}: level {level:g} is outside its scale {scale_min}-{scale_max}")
    return level


def parse_level(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise AssessmentError(f"{text.strip()!r} is not a level (give a number)") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AssessmentError(f"{text.strip()!r} is not a level (give a number)")
    return value


def split_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise AssessmentError(f"{text!r} should look like \"Competency Name=3\"")
    return name.strip(), value


def check_ratings(repo: CatalogueRepository, ratings: Iterable[Rating]) -> None:
    """Every rating of a competency the catalogue knows must lie within that competency's scale."""
    for rating in ratings:
        comp = repo.competencies.get(rating.competency)
        if comp is not None:
            scale = repo.scales[comp.scale]
            check_level(comp, scale.min, scale.max, rating.level)


def next_snapshot(previous: Optional[Assessment], updates: Iterable[Rating], note: Optional[str] = None,
                  taken: Optional[dt.datetime] = None) -> Assessment:
    """A new snapshot: the previous ratings, with `updates` replacing or adding ratings."""
    merged = {r.competency: r for r in (previous.ratings if previous else ())}
    for rating in updates:
        merged[rating.competency] = rating
    ordered = tuple(merged[k] for k in sorted(merged))
    return Assessment(taken=taken or now(), note=note or None, ratings=ordered)


def save_snapshot(store: UserStore, repo: CatalogueRepository, person: Person, ratings: Iterable[Rating],
                  note: Optional[str] = None, carry_forward: bool = True) -> Assessment:
    """Check, then save a dated snapshot in one transaction. Older snapshots stay."""
    ratings = list(ratings)
    check_ratings(repo, ratings)
    # The previous snapshot is read inside the save's transaction, so a save running at the same
    # time (another window, another process) is carried forward instead of reverted.
    return store.add_assessment_after(
        person.id, lambda previous: next_snapshot(previous if carry_forward else None, ratings, note))


def competency_name(repo: CatalogueRepository, competency_id: str) -> str:
    from career_explorer.data.titles_elsewhere import title_elsewhere

    comp = repo.competencies.get(competency_id)
    if comp:
        return comp.name
    elsewhere = title_elsewhere("competencies", competency_id)
    return f"{elsewhere} (not in this catalogue)" if elsewhere else "A competency not in this catalogue"


def diff_snapshots(repo: CatalogueRepository, older: Assessment, newer: Assessment) -> list[RatingChange]:
    """Competencies whose rating or its evidence differs (or appears or disappears) between two snapshots."""
    before, after = older.levels(), newer.levels()
    said = {r.competency: r.evidence for r in older.ratings}, {r.competency: r.evidence for r in newer.ratings}
    changes = [
        RatingChange(competency=c, name=competency_name(repo, c), before=before.get(c), after=after.get(c),
                     evidence_before=said[0].get(c), evidence_after=said[1].get(c))
        for c in sorted(set(before) | set(after))
        if before.get(c) != after.get(c) or said[0].get(c) != said[1].get(c)
    ]
    return sorted(changes, key=lambda ch: ch.name.casefold())


def history(repo: CatalogueRepository, snapshots: list[Assessment]) -> RatingHistory:
    """Each competency's rating over the snapshots (oldest first), sorted by competency name."""
    points: dict[str, list[tuple[int, float]]] = {}
    for index, snap in enumerate(snapshots):
        for rating in snap.ratings:
            points.setdefault(rating.competency, []).append((index, rating.level))
    series = []
    for competency, pts in points.items():
        comp = repo.competencies.get(competency)
        scale = repo.scales.get(comp.scale) if comp else None
        series.append(RatingSeries(
            competency=competency, name=competency_name(repo, competency),
            scale_min=scale.min if scale else None, scale_max=scale.max if scale else None, points=tuple(pts)))
    series.sort(key=lambda s: s.name.casefold())
    # Stored times are UTC; the chart labels them in the computer's own zone.
    return RatingHistory(taken=tuple(s.taken.astimezone() for s in snapshots), series=tuple(series))
