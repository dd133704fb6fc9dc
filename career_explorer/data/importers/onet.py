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
  ``promotion`` when the target's job zone is higher, ``lateral`` when it is the same, and
  ``related`` when it is lower or either zone is unknown (a move to a lower zone is not a sideways
  step, and O*NET itself only says "related").
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Union

from career_explorer.data.importers.errors import Cancelled, SourceFormatError, UnknownOccupationError
from career_explorer.domain.catalogue import (
    Competency,
    JobFamily,
    JobLevel,
    Role,
    Scale,
    Source,
    Transition,
)

Progress = Optional[Callable[[float, str], None]]
Cancel = Optional[Callable[[], bool]]
PathLike = Union[str, Path]

ONET_SOURCE_ID = "onet-29"
LEVEL_SCALE_ID = "onet-level-7"
JOB_ZONE_LADDER = "onet-job-zone"

ONET_SOURCE = Source(
    id=ONET_SOURCE_ID,
    name="O*NET 29.0 Database",
    url="https://www.onetcenter.org/database.html",
    licence="CC BY 4.0",
    attribution=(
        "This product includes information from the O*NET 29.0 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET is a trademark of USDOL/ETA."
    ),
    note="Occupation descriptions, element definitions, level anchors and ratings are O*NET data.",
)

LEVEL_SCALE = Scale(id=LEVEL_SCALE_ID, name="O*NET level", min=0, max=7)

# SOC 2018 major groups (the 22 civilian groups OEWS publishes, plus 55 Military Specific).
SOC_MAJOR_GROUPS: dict[str, str] = {
    "11": "Management Occupations",
    "13": "Business and Financial Operations Occupations",
    "15": "Computer and Mathematical Occupations",
    "17": "Architecture and Engineering Occupations",
    "19": "Life, Physical, and Social Science Occupations",
    "21": "Community and Social Service Occupations",
    "23": "Legal Occupations",
    "25": "Educational Instruction and Library Occupations",
    "27": "Arts, Design, Entertainment, Sports, and Media Occupations",
    "29": "Healthcare Practitioners and Technical Occupations",
    "31": "Healthcare Support Occupations",
    "33": "Protective Service Occupations",
    "35": "Food Preparation and Serving Related Occupations",
    "37": "Building and Grounds Cleaning and Maintenance Occupations",
    "39": "Personal Care and Service Occupations",
    "41": "Sales and Related Occupations",
    "43": "Office and Administrative Support Occupations",
    "45": "Farming, Fishing, and Forestry Occupations",
    "47": "Construction and Extraction Occupations",
    "49": "Installation, Maintenance, and Repair Occupations",
    "51": "Production Occupations",
    "53": "Transportation and Material Moving Occupations",
    "55": "Military Specific Occupations",
}

# (file, kind) of the rating files, in import order.
SKILLS_FILE = "Skills.txt"
KNOWLEDGE_FILE = "Knowledge.txt"

_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")

OCC = "O*NET-SOC Code"


def role_id(code: str) -> str:
    """Catalogue id of an O*NET occupation: ``onet/43-4051.00``."""
    return f"onet/{code}"


def competency_id(element_id: str) -> str:
    """Catalogue id of an O*NET element: ``onet/2.a.1.d``."""
    return f"onet/{element_id.lower()}"


def family_id(soc_code: str) -> str:
    """Job family of an occupation: its SOC major group, ``soc-43``."""
    return f"soc-{soc_code[:2]}"


def level_code(zone: int) -> str:
    return f"JZ{zone}"


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


# ---------------------------------------------------------------------------------------------
# Reading the release


class _Release:
    """A release folder or zip; hands out the text of one file by its name."""

    def __init__(self, path: PathLike) -> None:
        self.path = Path(path)
        self._zip: Optional[zipfile.ZipFile] = None
        self._members: dict[str, str] = {}
        self._root = self.path
        if self.path.is_dir():
            self._root = self._find_root(self.path)
        elif self.path.is_file():
            if not zipfile.is_zipfile(self.path):
                raise SourceFormatError(self.path, "not an O*NET text release (expected a folder or a .zip)")
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise SourceFormatError(self.path, f"cannot open the zip ({exc})") from None
            for member in self._zip.namelist():
                if member.endswith("/") or member.startswith("__MACOSX/"):
                    continue
                base = member.rsplit("/", 1)[-1]
                known = self._members.get(base)
                # The shallowest copy wins, so a zip holding one release folder just works.
                if known is None or member.count("/") < known.count("/"):
                    self._members[base] = member
        else:
            raise SourceFormatError(self.path, "no such folder or zip file")

    @staticmethod
    def _find_root(path: Path) -> Path:
        if (path / "Occupation Data.txt").is_file():
            return path
        for child in sorted(p for p in path.iterdir() if p.is_dir()):
            if (child / "Occupation Data.txt").is_file():
                return child
        return path

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> "_Release":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, name: str) -> tuple[str, str]:
        """(label for messages, decoded text)."""
        if self._zip is not None:
            member = self._members.get(name)
            label = f"{self.path}/{member or name}"
            if member is None:
                raise SourceFormatError(label, "file missing from the O*NET release zip")
            try:
                raw = self._zip.read(member)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise SourceFormatError(label, f"cannot read from the zip ({exc})") from None
        else:
            file = self._root / name
            label = str(file)
            if not file.is_file():
                raise SourceFormatError(label, "file missing from the O*NET release folder")
            try:
                raw = file.read_bytes()
            except OSError as exc:
                raise SourceFormatError(label, f"cannot read ({exc.strerror})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise SourceFormatError(label, f"not UTF-8 text (byte {exc.start})", line=line) from None
        return label, text


@dataclass
class _Table:
    label: str
    rows: list[tuple[int, tuple[str, ...]]]


def _read_table(release: _Release, name: str, columns: tuple[str, ...]) -> _Table:
    """Rows of `name` as (line number, values of `columns` in that order). Blank lines are skipped."""
    label, text = release.read(name)
    lines = text.split("\n")
    header = [h.strip() for h in lines[0].rstrip("\r").split("\t")]
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(h, i)
    for column in columns:
        if column not in index:
            raise SourceFormatError(label, "column missing from the header", line=1, column=column)
    positions = [index[c] for c in columns]
    need = max(positions) + 1
    pick = itemgetter(*positions)
    single = len(positions) == 1
    rows: list[tuple[int, tuple[str, ...]]] = []
    append = rows.append
    for number, line in enumerate(lines[1:], start=2):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < need:
            short = next(c for c, p in zip(columns, positions) if p >= len(fields))
            raise SourceFormatError(
                label,
                f"the row has {len(fields)} tab-separated field{'s' if len(fields) != 1 else ''}; "
                "this column is missing",
                line=number, column=short,
            )
        values = pick(fields)
        append((number, (values,) if single else values))
    return _Table(label, rows)


def _code(table: _Table, line: int, column: str, text: str) -> str:
    code = text.strip()
    if not _CODE.match(code):
        raise SourceFormatError(table.label, f"{text!r} is not an O*NET-SOC code like 43-4051.00", line, column)
    return code


def _number(table: _Table, line: int, column: str, text: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise SourceFormatError(table.label, f"{text!r} is not a number", line, column) from None
    if not (low <= value <= high) or math.isnan(value):
        raise SourceFormatError(table.label, f"{text.strip()} is outside {low:g}..{high:g}", line, column)
    return value


def _integer(table: _Table, line: int, column: str, text: str, low: int, high: int) -> int:
    value = _number(table, line, column, text, low, high)
    if value != int(value):
        raise SourceFormatError(table.label, f"{text.strip()!r} is not a whole number", line, column)
    return int(value)


def _text(table: _Table, line: int, column: str, text: str) -> str:
    value = text.strip()
    if not value:
        raise SourceFormatError(table.label, "empty", line, column)
    return value


class _Steps:
    """Progress and cancellation for a run of named steps with weights."""

    def __init__(self, progress: Progress, cancel: Cancel, start: float = 0.0, span: float = 1.0) -> None:
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
    progress: Progress = None,
    cancel: Cancel = None,
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
    with _Release(path) as release:
        step(0.02, "Reading occupations")
        occupations = _read_occupations(release)
        wanted = _select(occupations, soc_codes, release)

        step(0.06, "Reading job zones")
        zones = _read_job_zones(release)
        zone_names = _read_job_zone_names(release)

        step(0.10, "Reading the content model")
        definitions = _read_content_model(release)
        anchors = _read_anchors(release)

        rating_files = [(SKILLS_FILE, "skill")]
        if include_knowledge:
            rating_files.append((KNOWLEDGE_FILE, "knowledge"))
        elements: dict[str, tuple[str, str]] = {}  # element id -> (name, kind), file order
        ratings: dict[str, list[dict]] = {code: [] for code in wanted}
        for number, (name, kind) in enumerate(rating_files):
            step(0.15 + 0.25 * number, f"Reading {name}")
            _read_ratings(release, name, kind, wanted, elements, ratings)

        step(0.65, "Reading alternate titles")
        alt_titles = _read_alt_titles(release, wanted)
        step(0.72, "Reading related occupations")
        related = _read_related(release, wanted)
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
        JobLevel(code=level_code(zone), name=name, ladder=JOB_ZONE_LADDER, rank=zone)
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


def _read_occupations(release: _Release) -> dict[str, tuple[str, str]]:
    table = _read_table(release, "Occupation Data.txt", (OCC, "Title", "Description"))
    result: dict[str, tuple[str, str]] = {}
    for line, (code, title, description) in table.rows:
        code = _code(table, line, OCC, code)
        if code in result:
            raise SourceFormatError(table.label, f"occupation {code} is listed twice", line, OCC)
        result[code] = (_text(table, line, "Title", title), description.strip())
    if not result:
        raise SourceFormatError(table.label, "holds no occupations")
    return result


def _select(occupations: Mapping[str, object], soc_codes: Optional[Iterable[str]], release: _Release) -> set[str]:
    if soc_codes is None:
        return set(occupations)
    wanted = {c.strip() for c in soc_codes}
    unknown = sorted(wanted - set(occupations))
    if unknown:
        raise UnknownOccupationError(
            f"{release.path}: the O*NET release has no occupation {', '.join(unknown)}"
        )
    return wanted


def _read_job_zones(release: _Release) -> dict[str, int]:
    table = _read_table(release, "Job Zones.txt", (OCC, "Job Zone"))
    zones: dict[str, int] = {}
    for line, (code, zone) in table.rows:
        zones[_code(table, line, OCC, code)] = _integer(table, line, "Job Zone", zone, 1, 5)
    return zones


def _read_job_zone_names(release: _Release) -> dict[int, str]:
    table = _read_table(release, "Job Zone Reference.txt", ("Job Zone", "Name"))
    return {
        _integer(table, line, "Job Zone", zone, 1, 5): _text(table, line, "Name", name)
        for line, (zone, name) in table.rows
    }


def _read_content_model(release: _Release) -> dict[str, str]:
    table = _read_table(release, "Content Model Reference.txt", ("Element ID", "Description"))
    return {element.strip(): description.strip() for _, (element, description) in table.rows}


def _read_anchors(release: _Release) -> dict[str, dict[int, str]]:
    columns = ("Element ID", "Scale ID", "Anchor Value", "Anchor Description")
    table = _read_table(release, "Level Scale Anchors.txt", columns)
    anchors: dict[str, dict[int, str]] = {}
    for line, (element, scale, value, text) in table.rows:
        if scale.strip() != "LV":
            continue
        level = _integer(table, line, "Anchor Value", value, 0, 7)
        by_level = anchors.setdefault(element.strip(), {})
        if level in by_level:
            raise SourceFormatError(table.label, f"a second LV anchor at level {level}", line, "Anchor Value")
        by_level[level] = _text(table, line, "Anchor Description", text)
    return anchors


def _read_ratings(
    release: _Release,
    name: str,
    kind: str,
    wanted: set[str],
    elements: dict[str, tuple[str, str]],
    ratings: dict[str, list[dict]],
) -> None:
    columns = (OCC, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress")
    table = _read_table(release, name, columns)
    # (code, element) -> requirement dict, shared with `ratings`
    found: dict[tuple[str, str], dict] = {}
    codes: dict[str, str] = {}  # raw text -> checked code
    for line, (code, element, element_name, scale, value, suppress) in table.rows:
        scale = scale.strip()
        if scale == "LV":
            number = _number(table, line, "Data Value", value, 0, 7)
        elif scale == "IM":
            number = _number(table, line, "Data Value", value, 1, 5)
        else:
            continue
        checked = codes.get(code)
        if checked is None:
            checked = codes[code] = _code(table, line, OCC, code)
        code = checked
        element = element.strip()
        if element not in elements:
            if not element:
                raise SourceFormatError(table.label, "empty", line, "Element ID")
            elements[element] = (_text(table, line, "Element Name", element_name), kind)
        elif elements[element][1] != kind:
            raise SourceFormatError(table.label, f"element {element} is also rated in another file", line, "Element ID")
        if code not in wanted:
            continue
        key = (code, element)
        req = found.get(key)
        if req is None:
            req = {"competency": competency_id(element), "source": ONET_SOURCE_ID}
            found[key] = req
            ratings[code].append(req)
        field_name = "level" if scale == "LV" else "importance"
        if field_name in req:
            raise SourceFormatError(
                table.label, f"a second {scale} rating of {element} for {code}", line, "Scale ID"
            )
        req[field_name] = number
        if scale == "LV":
            flag = suppress.strip().upper()
            if flag not in ("Y", "N", ""):
                raise SourceFormatError(table.label, f"{suppress!r} is not Y or N", line, "Recommend Suppress")
            if flag == "Y":
                req["suppressed"] = True


def _read_alt_titles(release: _Release, wanted: set[str]) -> dict[str, tuple[str, ...]]:
    table = _read_table(release, "Alternate Titles.txt", (OCC, "Alternate Title", "Short Title"))
    collected: dict[str, dict[str, str]] = {}
    for line, (code, title, short) in table.rows:
        code = code.strip()
        if code not in wanted:
            if not _CODE.match(code):
                _code(table, line, OCC, code)
            continue
        bucket = collected.setdefault(code, {})
        for text in (title, short):
            text = " ".join(text.split())
            if text and text.lower() != "n/a":
                bucket.setdefault(text.casefold(), text)
    return {code: tuple(sorted(bucket.values(), key=lambda t: (t.casefold(), t))) for code, bucket in collected.items()}


def _read_related(release: _Release, wanted: set[str]) -> list[tuple[str, str, str, int]]:
    columns = (OCC, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    table = _read_table(release, "Related Occupations.txt", columns)
    result = []
    for line, (code, other, tier, index) in table.rows:
        code = _code(table, line, OCC, code)
        other = _code(table, line, "Related O*NET-SOC Code", other)
        if code in wanted and other in wanted and code != other:
            rank = _integer(table, line, "Index", index, 0, 1_000_000)
            result.append((code, other, _text(table, line, "Relatedness Tier", tier), rank))
    return result


def _build_competencies(
    elements: Mapping[str, tuple[str, str]],
    definitions: Mapping[str, str],
    anchors: Mapping[str, Mapping[int, str]],
) -> tuple[Competency, ...]:
    result = []
    for element, (name, kind) in elements.items():
        result.append(
            Competency.model_validate(
                {
                    "id": competency_id(element),
                    "name": name,
                    "kind": kind,
                    "definition": definitions.get(element) or None,
                    "scale": LEVEL_SCALE_ID,
                    "source": ONET_SOURCE_ID,
                    "behaviours": [
                        {"level": level, "text": text, "source": ONET_SOURCE_ID}
                        for level, text in sorted(anchors.get(element, {}).items())
                    ],
                }
            )
        )
    return tuple(sorted(result, key=lambda c: c.id))


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
            basis=f"O*NET related occupation ({tier}, index {index})",
            tier=tier,
        )
        for (code, other), (tier, index) in best.items()
    ]
    return tuple(sorted(result, key=lambda t: (t.from_role, t.to_role)))
