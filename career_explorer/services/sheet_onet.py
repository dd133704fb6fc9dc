"""Company roles mapped to O*NET occupations: proposals from titles, and twins added to an imported catalogue.

A proposal is the O*NET occupation whose title or alternate title best matches the role level's title,
its title without seniority words, its ladder or its family (the catalogue's own FTS title matching,
most specific query first). Proposals are only proposals: MAP.toml records each as proposed, confirmed
or skip, and only confirmed ones change the import. A confirmed role gets a `related` link to the
occupation (copied from the bundled catalogue with its competencies, scales and sources), so routes show
the O*NET lens, and the occupation's national pay beside any company band, labelled as national pay.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.sheet_mapping import OnetChoice, SheetMap
from career_explorer.data.importers.sheet_proposals import seniority
from career_explorer.data.title_matches import words
from career_explorer.domain.catalogue import Catalogue, Role, SalaryBand, Transition, TransitionKind

ONET_PREFIX = "onet/"
_MANAGING = re.compile(r"manag|team lead|head|supervis|director", re.IGNORECASE)  # a people-leading level
_VARIANT = re.compile(r"\s+[-–(].*$")  # "Lead engineer - management" -> "Lead engineer"


def _queries(title: str, ladder: str, family: Optional[str]) -> list[str]:
    base = _VARIANT.sub("", title)
    plain = " ".join(w for w in base.split() if seniority(w) is None or w.lower() in ("manager", "director"))
    managing = [f"{name} {word}" for name in (ladder, family) if name for word in ("manager", "supervisor")
                if _MANAGING.search(title)]
    found = [q for q in dict.fromkeys((*managing, title, base, plain, ladder, family or "")) if q.strip()]
    # More words first: "Software engineer" (the ladder) says more than "engineer" (the bare title).
    return sorted(found, key=lambda q: -len(words(q)))


def propose_occupation(repo: CatalogueRepository, title: str, ladder: str,
                       family: Optional[str]) -> Optional[OnetChoice]:
    """The best O*NET occupation for a role level, or None when no title comes close."""
    for query in _queries(title, ladder, family):
        typed = len(words(query))
        for match in repo.title_matches(query, 15):
            # A long title that merely holds the typed words ("Teacher Support ... Team Lead") is no match.
            if len(words(match.matched)) > typed + 2:
                continue
            # A curated role already linked to its occupation (Customer Support Manager) gives that occupation.
            exact = words(match.matched) == words(query)
            ids = [match.role_id] + (repo.related_role_ids(match.role_id) if exact else [])
            found = next((i for i in ids if i.startswith(ONET_PREFIX)), None)
            if found is not None:
                title = match.title if found == match.role_id else repo.role_title(found)
                return OnetChoice(code=found.removeprefix(ONET_PREFIX), title=title, status="proposed")
    return None


def propose_all(repo: CatalogueRepository, roles: Iterable[tuple[str, str, Optional[str]]],
                mapping: SheetMap) -> dict[str, OnetChoice]:
    """The map's O*NET section with a proposal for every (ladder, title, family) it does not decide yet."""
    result = dict(mapping.onet)
    for ladder, title, family in roles:
        if title in result:
            continue
        choice = propose_occupation(repo, title, ladder, family)
        result[title] = choice or OnetChoice(status="skip")
    return result


def add_twins(catalogue: Catalogue, mapping: SheetMap, bundled: CatalogueRepository) -> Catalogue:
    """`catalogue` with each confirmed occupation copied in and linked to its role levels as a `related` twin."""
    confirmed = {t: c for t, c in mapping.onet.items() if c.status == "confirmed"}
    if not confirmed:
        return catalogue
    roles = list(catalogue.roles)
    twins: dict[str, Role] = {}
    links: list[Transition] = []
    for index, role in enumerate(roles):
        choice = confirmed.get(role.title)
        if choice is None:
            continue
        twin_id = ONET_PREFIX + choice.code
        twin = twins.get(twin_id) or bundled.role(twin_id)
        if twin is None:
            raise LookupError(f"O*NET occupation {choice.code} ({role.title}) is not in the bundled catalogue")
        twins[twin_id] = twin
        national = tuple(_national(b, twin) for b in twin.salaries)
        roles[index] = role.model_copy(update={"salaries": role.salaries + national})
        links.append(Transition(from_role=role.id, to_role=twin_id, kind=TransitionKind.RELATED,
                                source=role.source, basis=f"Mapped to O*NET {choice.code} {twin.title} in MAP.toml."))
    return _with_parts(catalogue, roles, twins, links, bundled)


def _national(band: SalaryBand, twin: Role) -> SalaryBand:
    """The occupation's pay on the company role, saying whose pay it is (never mistaken for a company band)."""
    note = f"US national pay for the O*NET occupation {twin.title}, not a company pay band."
    return band.model_copy(update={"covers": band.covers or twin.title, "note": note})


def _with_parts(catalogue: Catalogue, roles: list[Role], twins: dict[str, Role], links: list[Transition],
                bundled: CatalogueRepository) -> Catalogue:
    competencies = {c.id: c for c in catalogue.competencies}
    scales = {s.id: s for s in catalogue.scales}
    sources = {s.id: s for s in catalogue.sources}
    levels = {lv.code: lv for lv in catalogue.job_levels}
    families = {f.id: f for f in catalogue.job_families}
    for twin in twins.values():
        needed = {twin.source} | {b.source for b in twin.salaries + twin.pay_history}
        for requirement in twin.requirements:
            competency = bundled.competencies[requirement.competency]
            competencies.setdefault(competency.id, competency)
            scales.setdefault(competency.scale, bundled.scales[competency.scale])
            needed |= {requirement.source, competency.source} | {b.source for b in competency.behaviours}
        if twin.experience is not None:
            needed.add(twin.experience.source)
        for source_id in needed - {None}:
            sources.setdefault(source_id, bundled.sources[source_id])
        if twin.level:
            levels.setdefault(twin.level, bundled.job_levels[twin.level])
        families.setdefault(twin.family, bundled.job_families[twin.family])
    return catalogue.model_copy(update={
        "roles": tuple(roles) + tuple(twins.values()), "competencies": tuple(competencies.values()),
        "scales": tuple(scales.values()), "sources": tuple(sources.values()), "job_levels": tuple(levels.values()),
        "job_families": tuple(families.values()), "transitions": catalogue.transitions + tuple(links),
    })
