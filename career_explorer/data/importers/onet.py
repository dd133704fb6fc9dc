"""Read an O*NET text release (tab-delimited UTF-8 files) into catalogue models.

The input is either the release folder (for example ``onet-29.0/`` or ``db_29_0_text/``), a folder
holding that folder, or the official zip. Only the files this importer needs are read:

- ``Occupation Data.txt``: code, title and description of every occupation
- ``Skills.txt`` and ``Knowledge.txt``: ratings on the LV (level 0-7) and IM (importance 1-5) scales
- ``Content Model Reference.txt``: element names and descriptions
- ``Level Scale Anchors.txt``: example behaviours at levels of the LV scale
- ``Job Zones.txt`` and ``Job Zone Reference.txt``: job zone 1-5 per occupation
- ``Related Occupations.txt``: related occupations with tier and index
- ``Alternate Titles.txt``: alternate and short titles

Reading those files (folder or zip, columns, values, SourceFormatError messages) is in ``onet_files``;
the O*NET source record, level scale, SOC major group names and catalogue ids are in ``onet_source``.
This module turns what was read into catalogue models.

Decisions worth knowing (see also ``docs``):

- A rating's ``Recommend Suppress = Y`` on the LV row sets ``Requirement.suppressed``; the value is
  kept so the UI can show it as unreliable.
- O*NET's ``Not Relevant`` flag is not imported; a rating flagged so keeps its (low) level and its
  importance, which is what says it hardly matters.
- An occupation O*NET does not rate still becomes a role. It has no requirements, its
  ``unpublished`` counts the rated elements it lacks (35 skills, plus 33 knowledge areas when those
  are imported) and its ``note`` says that O*NET publishes no ratings for it, so nothing reads as
  "needs no skills".
- A related occupation becomes a transition only when both ends are imported. Its kind is
  ``promotion`` when the target's job zone is higher and ``lateral`` otherwise (lower, same or
  unknown zone), as the catalogue-pack issue specifies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from career_explorer.data.importers.errors import Cancelled
from career_explorer.data.importers.onet_experience import read_experience
from career_explorer.data.importers.onet_files import (
    KNOWLEDGE_FILE,
    SKILLS_FILE,
    PathLike,
    Release,
    read_alt_titles,
    read_anchors,
    read_content_model,
    read_job_zone_names,
    read_job_zones,
    read_occupations,
    read_ratings,
    read_related,
    select_occupations,
)
from career_explorer.data.importers.onet_source import (
    JOB_ZONE_LADDER,
    LEVEL_SCALE,
    LEVEL_SCALE_ID,
    ONET_SOURCE,
    ONET_SOURCE_ID,
    SOC_MAJOR_GROUPS,
    competency_id,
    family_id,
    level_code,
    role_id,
)
from career_explorer.domain.catalogue import (
    Competency,
    JobFamily,
    JobLevel,
    Role,
    Scale,
    Source,
    Transition,
)

# Besides what read_onet uses, these keep importable from here what this module always offered: the
# errors, the file names, the code column, and the source record, scale and id helpers.
from career_explorer.domain.progress import CancelCheck, Progress


@dataclass(frozen=True)
class OnetData:
    """Everything read from one O*NET release, as catalogue models sorted by id."""

    sources: tuple[Source, ...]
    scales: tuple[Scale, ...]
    job_families: tuple[JobFamily, ...]
    job_levels: tuple[JobLevel, ...]
    competencies: tuple[Competency, ...]
    roles: tuple[Role, ...]
    transitions: tuple[Transition, ...]
    # O*NET-SOC codes of imported occupations that O*NET publishes no ratings for.
    unrated: tuple[str, ...] = ()
    release: str = ""

    def parts(self) -> dict[str, tuple]:
        """The sections of a catalogue source file, for ``write_source_file``."""
        return {
            "sources": self.sources,
            "scales": self.scales,
            "job_families": self.job_families,
            "job_levels": self.job_levels,
            "competencies": self.competencies,
            "roles": self.roles,
            "transitions": self.transitions,
        }


class _Steps:
    """Progress and cancellation for a run of named steps with weights."""

    def __init__(self, progress: Optional[Progress], cancel: Optional[CancelCheck], start: float = 0.0,
                 span: float = 1.0) -> None:
        self.progress = progress
        self.cancel = cancel
        self.start = start
        self.span = span

    def __call__(self, fraction: float, message: str) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("the O*NET import was cancelled")
        if self.progress is not None:
            self.progress(self.start + self.span * min(max(fraction, 0.0), 1.0), message)


# ---------------------------------------------------------------------------------------------
# The importer


def read_onet(
    path: PathLike,
    soc_codes: Optional[Iterable[str]] = None,
    *,
    include_knowledge: bool = True,
    family_names: Optional[Mapping[str, str]] = None,
    progress: Optional[Progress] = None,
    cancel: Optional[CancelCheck] = None,
) -> OnetData:
    """Read an O*NET text release folder or zip.

    soc_codes: import only these O*NET-SOC codes (``"43-4051.00"``); None imports all. A code the
        release does not hold raises UnknownOccupationError.
    include_knowledge: also import the 33 knowledge areas (Knowledge.txt) next to the 35 skills.
    family_names: SOC major group ("43") -> job family name, e.g. the OEWS major group titles;
        groups not given use the built-in SOC 2018 names.
    progress(fraction, message): called between steps with 0..1.
    cancel(): polled between steps; returning True raises Cancelled.

    Raises SourceFormatError (one line naming file, line and column) on a missing file, a missing
    column or a value that is not what the format promises.
    """
    step = _Steps(progress, cancel)
    step(0.0, "Opening the O*NET release")
    with Release(path) as release:
        step(0.02, "Reading occupations")
        occupations = read_occupations(release)
        wanted = select_occupations(occupations, soc_codes, release)

        step(0.06, "Reading job zones")
        zones = read_job_zones(release)
        zone_names = read_job_zone_names(release)

        step(0.10, "Reading the content model")
        definitions = read_content_model(release)
        anchors = read_anchors(release)

        rating_files = [(SKILLS_FILE, "skill")]
        if include_knowledge:
            rating_files.append((KNOWLEDGE_FILE, "knowledge"))
        elements: dict[str, tuple[str, str]] = {}  # element id -> (name, kind), file order
        ratings: dict[str, list[dict]] = {code: [] for code in wanted}
        for number, (name, kind) in enumerate(rating_files):
            step(0.15 + 0.25 * number, f"Reading {name}")
            read_ratings(release, name, kind, wanted, elements, ratings)

        step(0.65, "Reading alternate titles")
        alt_titles = read_alt_titles(release, wanted)
        step(0.72, "Reading related occupations")
        related = read_related(release, wanted)
        step(0.75, "Reading related work experience")
        experience = read_experience(release, wanted)
        label = str(release.path)

    step(0.78, "Building competencies")
    competencies = _build_competencies(elements, definitions, anchors)

    step(0.82, "Building roles")
    family_names = dict(family_names or {})
    unrated: list[str] = []
    role_dicts = []
    for code in sorted(wanted):
        title, description = occupations[code]
        reqs = ratings[code]
        zone = zones.get(code)
        entry: dict = {
            "id": role_id(code),
            "title": title,
            "family": family_id(code),
            "level": level_code(zone) if zone is not None else None,
            "soc_code": code,
            "summary": description or None,
            "source": ONET_SOURCE_ID,
            "alt_titles": alt_titles.get(code, ()),
            "requirements": reqs,
        }
        if code in experience:
            found = experience[code]
            entry["experience"] = {
                "source": ONET_SOURCE_ID, "respondents": found["respondents"], "as_of": found["as_of"],
                "suppressed": found["suppressed"],
                "shares": [{"category": c, "label": label, "share": share} for c, label, share in found["shares"]],
            }
        missing = len(elements) - len(reqs)
        if not reqs:
            unrated.append(code)
            what = "skill or knowledge" if include_knowledge else "skill"
            entry["unpublished"] = len(elements)
            entry["note"] = f"O*NET 29.0 publishes no {what} ratings for this occupation."
        elif missing > 0:
            entry["unpublished"] = missing
            entry["note"] = f"O*NET 29.0 rates {len(reqs)} of its {len(elements)} elements for this occupation."
        role_dicts.append(entry)
    step(0.85, "Checking roles")
    roles = tuple(Role.model_validate(d) for d in role_dicts)

    step(0.95, "Building transitions")
    transitions = _build_transitions(related, zones, wanted)

    majors = sorted({code[:2] for code in wanted})
    families = tuple(
        JobFamily(
            id=f"soc-{major}",
            name=family_names.get(major) or SOC_MAJOR_GROUPS.get(major) or f"SOC major group {major}-0000",
        )
        for major in majors
    )
    levels = tuple(
        JobLevel(code=level_code(zone), name=zone_label(zone, name), ladder=JOB_ZONE_LADDER, rank=zone)
        for zone, name in sorted(zone_names.items())
    )
    step(1.0, f"Read {len(roles)} O*NET occupations")
    return OnetData(
        sources=(ONET_SOURCE,),
        scales=(LEVEL_SCALE,),
        job_families=families,
        job_levels=levels,
        competencies=competencies,
        roles=roles,
        transitions=transitions,
        unrated=tuple(unrated),
        release=label,
    )


def _build_competencies(
    elements: Mapping[str, tuple[str, str]],
    definitions: Mapping[str, str],
    anchors: Mapping[str, Mapping[int, str]],
) -> tuple[Competency, ...]:
    # O*NET names a skill and a knowledge area alike ("Mathematics"): say which is which where they share a name.
    kinds_of: dict[str, set[str]] = {}
    for name, kind in elements.values():
        kinds_of.setdefault(name.casefold(), set()).add(kind)
    result = []
    for element, (name, kind) in elements.items():
        if len(kinds_of[name.casefold()]) > 1:
            name = f"{name} ({kind})"
        result.append(
            Competency.model_validate(
                {
                    "id": competency_id(element),
                    "name": name,
                    "kind": kind,
                    "definition": definitions.get(element) or None,
                    "scale": LEVEL_SCALE_ID,
                    "source": ONET_SOURCE_ID,
                    "examples": True,
                    "behaviours": [
                        {"level": level, "text": text, "source": ONET_SOURCE_ID}
                        for level, text in sorted(anchors.get(element, {}).items())
                    ],
                }
            )
        )
    return tuple(sorted(result, key=lambda c: c.id))


def zone_label(zone: int, reference_name: str) -> str:
    """"Job Zone Three: Medium Preparation Needed" -> "Job Zone 3 (medium preparation)".

    The words are O*NET's own, from Job Zone Reference.txt; only the layout changes.
    """
    detail = reference_name.split(":", 1)[1] if ":" in reference_name else reference_name
    detail = detail.strip()
    if detail.lower().endswith(" needed"):
        detail = detail[: -len(" needed")]
    return f"Job Zone {zone} ({detail.lower()})" if detail else f"Job Zone {zone}"


_TIER_WORDS = {"Primary-Short": "one of its closest related occupations",
               "Primary-Long": "a related occupation", "Supplemental": "a more distant related occupation"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _related_basis(tier: str, index: int, from_zone: Optional[int], to_zone: Optional[int]) -> str:
    """Who says what: O*NET names the related occupation; calling it a promotion is this app's rule."""
    text = f"O*NET lists it as {_TIER_WORDS.get(tier, 'a related occupation')}, {_ordinal(index)} on its list."
    if transition_kind(from_zone, to_zone) == "promotion":
        text += (f" Called a promotion here because its job zone is higher ({from_zone} → {to_zone}): "
                 "the app's rule, not O*NET's word.")
    return text


def transition_kind(from_zone: Optional[int], to_zone: Optional[int]) -> str:
    """A move to a higher job zone is a promotion; every other related move counts as lateral."""
    if from_zone is not None and to_zone is not None and to_zone > from_zone:
        return "promotion"
    return "lateral"


def _build_transitions(
    related: list[tuple[str, str, str, int]], zones: Mapping[str, int], wanted: set[str]
) -> tuple[Transition, ...]:
    best: dict[tuple[str, str], tuple[str, int]] = {}
    for code, other, tier, index in related:
        key = (code, other)
        if key not in best or index < best[key][1]:
            best[key] = (tier, index)
    result = [
        Transition(
            from_role=role_id(code),
            to_role=role_id(other),
            kind=transition_kind(zones.get(code), zones.get(other)),
            source=ONET_SOURCE_ID,
            basis=_related_basis(tier, index, zones.get(code), zones.get(other)),
            tier=tier,
        )
        for (code, other), (tier, index) in best.items()
    ]
    return tuple(sorted(result, key=lambda t: (t.from_role, t.to_role)))
