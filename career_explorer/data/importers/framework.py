"""Turn a company framework's tables into a validated Catalogue, reporting every problem at once.

`import_framework(path)` reads CSV (a folder or zip), XLSX or JSON, validates every row with the
domain's pydantic models, checks every reference, and raises FrameworkError listing each problem as
`file:row:column: message`. Nothing is written here; the caller writes with compiler.write_catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from pydantic import BaseModel, ValidationError

from career_explorer.data.compiler import check_references
from career_explorer.data.errors import SourceError
from career_explorer.data.importers.framework_io import read_tables
from career_explorer.data.importers.framework_layout import TABLES, FrameworkError, Problem, ProblemList, Table
from career_explorer.data.importers.framework_levels import derive_promotions, order_levels
from career_explorer.data.importers.framework_limits import LIMITS
from career_explorer.domain.base import slugify
from career_explorer.domain.catalogue import (
    Behaviour,
    Catalogue,
    CatalogueInfo,
    Competency,
    Experience,
    ExperienceShare,
    JobFamily,
    Requirement,
    Role,
    SalaryBand,
    Scale,
    ScaleAnchor,
    Source,
    Transition,
    split_pay_history,
)

DEFAULT_SCALE = {"id": "proficiency-5", "name": "Proficiency", "min": 1, "max": 5}
DEFAULT_LICENCE = "Company internal"
DEFAULT_BASIS = "Listed in the company framework."
# Enum-like columns, accepted in any case.
LOWER_CASE = {("levels", "track"), ("competencies", "kind"), ("pay", "basis"), ("pay", "period"),
              ("requirements", "suppressed"), ("requirements", "not_relevant"), ("competencies", "examples"),
              ("experience", "suppressed"),
              ("transitions", "kind"),
              ("roles", "unpublished_unknown")}


def import_framework(path: Path, progress: Optional[Callable[[float, str], None]] = None) -> Catalogue:
    """Read and validate a framework file; raise FrameworkError with every problem."""
    if progress:
        progress(0.0, f"Reading {Path(path).name}")
    tables, problems = read_tables(Path(path))
    if problems:
        raise FrameworkError(problems, problems.total)
    if progress:
        progress(0.4, "Checking the framework")
    return build_catalogue(tables, label=Path(path).name)


def build_catalogue(tables: dict[str, Table], label: str = "framework") -> Catalogue:
    builder = _Builder(tables, label)
    catalogue = builder.build()
    if builder.problems or catalogue is None:
        raise FrameworkError(builder.problems, builder.problems.total)
    return catalogue


def _level_from_word(data: dict[str, Any], competency: Optional[Competency], scales: dict[str, Scale],
                     keep_word: bool = False) -> None:
    """A level written as a word its scale's anchors name ("Working") is that anchor's level.

    A requirement keeps the word to show."""
    word = data.get("level")
    scale = scales.get(competency.scale) if competency else None
    if not isinstance(word, str) or scale is None:
        return
    try:
        float(word)
        return
    except ValueError:
        pass
    anchor = next((a for a in scale.anchors if a.label.casefold() == word.strip().casefold()), None)
    if anchor is not None:
        data["level"] = str(anchor.value)
        if keep_word:
            data.setdefault("level_word", anchor.label)


class _Builder:
    def __init__(self, tables: dict[str, Table], label: str) -> None:
        self.tables = tables
        self.label = label
        self.problems = ProblemList(LIMITS.problems)
        self.broken: set[str] = set()
        for table in tables.values():
            self._check_header(table)

    # -- helpers ---------------------------------------------------------------------------

    def add(self, table: Table, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(table.label, row, column, message))

    def _check_header(self, table: Table) -> None:
        columns, required = TABLES[table.name]
        for column in required:
            if column not in table.columns:
                self.add(table, table.header_row, column, f"missing column (the {table.name} table needs "
                                                          f"{', '.join(required)})")
                self.broken.add(table.name)

    def rows(self, name: str) -> Iterator[tuple[Table, int, dict[str, Any]]]:
        """Each row of a table as a fresh dict; made as it is needed, as a large table holds a million."""
        table = self.tables.get(name)
        if table is None or name in self.broken:
            return
        lower = [k for k in table.columns if (name, k) in LOWER_CASE]
        for number, data in table.records():
            for k in lower:
                if k in data:
                    data[k] = data[k].lower()
            yield table, number, data

    def given(self, name: str) -> bool:
        table = self.tables.get(name)
        return table is not None and (bool(table.rows) or name in self.broken)

    def validate(self, table: Table, row: int, model: type[BaseModel], data: dict[str, Any]) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = err["loc"]
                message = err["msg"].removeprefix("Value error, ")
                if err["type"] == "missing":
                    message = "required"
                elif loc and isinstance(err.get("input"), str) and repr(err["input"]) not in message:
                    message = f"{message} (found {err['input']!r})"
                column = str(loc[0]) if loc else self._guess_column(table, message)
                self.add(table, row, column, message)
            return None

    @staticmethod
    def _guess_column(table: Table, message: str) -> str:
        columns = TABLES[table.name][0]
        first = message.split(" ", 1)[0]
        if first in columns:
            return first
        return next((c for c in columns if c in message.split()), columns[0])

    def check_ref(self, table: Table, row: int, column: str, value: Optional[str], known: set[str],
                  what: str, target: str) -> bool:
        if value is None or target in self.broken or value in known:
            return True
        self.add(table, row, column, f"unknown {what} {value!r}")
        return False

    def unique(self, table: Table, row: int, column: str, key: Any, seen: dict[Any, int], what: str) -> bool:
        if key in seen:
            self.add(table, row, column, f"duplicate {what} {key!r} (first on row {seen[key]})")
            return False
        seen[key] = row
        return True

    # -- tables ----------------------------------------------------------------------------

    def build(self) -> Optional[Catalogue]:
        info = self._info()
        sources = self._sources(info)
        default_source = sources[0].id if sources else "company"
        source_ids = {s.id for s in sources} | self._raw_ids("sources", "id")
        scales = self._scales()
        families = self._families()
        levels, nexts = order_levels(self, self.rows("levels"))
        competencies = self._competencies(scales, source_ids, default_source)
        roles = self._roles(families, levels, source_ids, default_source)
        role_ids = set(roles) | self._raw_ids("roles", "id")
        self._alt_titles(roles, role_ids)
        self._pay(roles, role_ids, levels, source_ids, default_source)
        series_of = {s.id: s.series for s in sources}
        for role_id, role in roles.items():
            current, history = split_pay_history(role.salaries, series_of)
            roles[role_id] = role.model_copy(update={"salaries": current, "pay_history": history})
        self._requirements(roles, role_ids, competencies, scales, source_ids, default_source)
        self._experience(roles, role_ids, source_ids, default_source)
        if self.given("transitions"):
            transitions = self._transitions(role_ids, source_ids, default_source)
        else:
            transitions = derive_promotions(list(roles.values()), nexts, default_source)
        if not self.given("families"):
            families = {f: JobFamily(id=f, name=f) for f in sorted({r.family for r in roles.values()})}
        if self.problems or info is None:
            return None
        catalogue = Catalogue(
            info=info, sources=tuple(sources), scales=tuple(scales.values()),
            job_families=tuple(families.values()), job_levels=tuple(levels.values()),
            competencies=tuple(competencies.values()), roles=tuple(roles.values()), transitions=tuple(transitions),
        )
        try:
            check_references(catalogue)
        except SourceError as exc:
            self.problems.append(Problem(self.label, 1, "-", str(exc)))
            return None
        return catalogue

    def _raw_ids(self, name: str, column: str) -> set[str]:
        return {data[column] for _, _, data in self.rows(name) if column in data}

    def _info(self) -> Optional[CatalogueInfo]:
        rows = list(self.rows("catalogue"))
        table = self.tables.get("catalogue")
        if table is not None and not rows and "catalogue" not in self.broken:
            self.add(table, table.header_row + 1, "name", "the catalogue table needs one row: name and version")
        for table, row, _ in rows[1:]:
            self.add(table, row, "name", "the catalogue table takes exactly one row")
        return self.validate(*rows[0][:2], CatalogueInfo, rows[0][2]) if rows else None

    def _sources(self, info: Optional[CatalogueInfo]) -> list[Source]:
        if not self.given("sources"):
            name = info.name if info else "Company framework"
            return [Source(id=slugify(name), name=name, licence=DEFAULT_LICENCE)]
        result, seen = [], {}
        for table, row, data in self.rows("sources"):
            source = self.validate(table, row, Source, data)
            if source and self.unique(table, row, "id", source.id, seen, "source"):
                result.append(source)
        return result

    def _scales(self) -> dict[str, Scale]:
        scales: dict[str, Scale] = {}
        seen: dict[Any, int] = {}
        for table, row, data in self.rows("scales") if self.given("scales") else []:
            scale = self.validate(table, row, Scale, data)
            if scale and self.unique(table, row, "id", scale.id, seen, "scale"):
                scales[scale.id] = scale
        if not self.given("scales"):
            scales[DEFAULT_SCALE["id"]] = Scale(**DEFAULT_SCALE)
        anchors: dict[str, list[ScaleAnchor]] = {}
        known = set(scales) | self._raw_ids("scales", "id")
        seen = {}
        for table, row, data in self.rows("anchors"):
            scale_id = data.pop("scale", None)
            anchor = self.validate(table, row, ScaleAnchor, data)
            if not anchor or not self.check_ref(table, row, "scale", scale_id, known, "scale", "scales"):
                continue
            scale = scales.get(scale_id)
            if scale is None:
                continue
            if not scale.contains(anchor.value):
                self.add(table, row, "value", f"{anchor.value} is outside scale {scale.id} ({scale.min}..{scale.max})")
            elif self.unique(table, row, "value", (scale_id, anchor.value), seen, "anchor"):
                anchors.setdefault(scale_id, []).append(anchor)
        return {
            sid: Scale(**{**s.model_dump(exclude={"anchors"}),
                          "anchors": sorted(anchors.get(sid, []), key=lambda a: a.value)})
            for sid, s in scales.items()
        }

    def _families(self) -> dict[str, JobFamily]:
        result: dict[str, JobFamily] = {}
        seen: dict[Any, int] = {}
        for table, row, data in self.rows("families"):
            family = self.validate(table, row, JobFamily, data)
            if family and self.unique(table, row, "id", family.id, seen, "family"):
                result[family.id] = family
        return result

    def _competencies(self, scales: dict[str, Scale], source_ids: set[str],
                      default_source: str) -> dict[str, Competency]:
        result: dict[str, Competency] = {}
        seen: dict[Any, int] = {}
        default_scale = next(iter(scales), DEFAULT_SCALE["id"])
        scale_ids = set(scales) | self._raw_ids("scales", "id")
        for table, row, data in self.rows("competencies"):
            data = {"kind": "core", "scale": default_scale, "source": default_source, **data}
            comp = self.validate(table, row, Competency, data)
            if comp is None or not self.unique(table, row, "id", comp.id, seen, "competency"):
                continue
            ok = self.check_ref(table, row, "scale", comp.scale, scale_ids, "scale", "scales")
            ok = self.check_ref(table, row, "source", comp.source, source_ids, "source", "sources") and ok
            if ok:
                result[comp.id] = comp
        known = set(result) | self._raw_ids("competencies", "id")
        behaviours: dict[str, list[Behaviour]] = {}
        seen = {}
        for table, row, data in self.rows("behaviours"):
            comp_id = data.pop("competency", None)
            data.setdefault("source", result[comp_id].source if comp_id in result else default_source)
            _level_from_word(data, result.get(comp_id), scales)
            beh = self.validate(table, row, Behaviour, data)
            if not beh or not self.check_ref(table, row, "competency", comp_id, known, "competency", "competencies"):
                continue
            self.check_ref(table, row, "source", beh.source, source_ids, "source", "sources")
            comp = result.get(comp_id)
            scale = scales.get(comp.scale) if comp else None
            if scale is None:
                continue
            if not scale.contains(beh.level):
                self.add(table, row, "level", f"{beh.level} is outside scale {scale.id} ({scale.min}..{scale.max})")
            elif self.unique(table, row, "level", (comp_id, beh.level), seen, "behaviour level"):
                behaviours.setdefault(comp_id, []).append(beh)
        return {
            cid: Competency(**{**c.model_dump(exclude={"behaviours"}), "behaviours": behaviours.get(cid, [])})
            for cid, c in result.items()
        }

    def _roles(self, families: dict, levels: dict, source_ids: set[str], default_source: str) -> dict[str, Role]:
        result: dict[str, Role] = {}
        seen: dict[Any, int] = {}
        family_ids = set(families) | self._raw_ids("families", "id")
        level_codes = set(levels) | self._raw_ids("levels", "code")
        default_family = next(iter(families), "general")
        for table, row, data in self.rows("roles"):
            role = self.validate(table, row, Role, {"family": default_family, "source": default_source, **data})
            raw_id = data.get("id")
            if raw_id is not None and not self.unique(table, row, "id", raw_id, seen, "role"):
                continue
            if role is None:
                continue
            ok = True
            if self.given("families"):
                ok = self.check_ref(table, row, "family", role.family, family_ids, "family", "families")
            ok = self.check_ref(table, row, "level", role.level, level_codes, "level", "levels") and ok
            ok = self.check_ref(table, row, "source", role.source, source_ids, "source", "sources") and ok
            if ok:
                result[role.id] = role
        table = self.tables.get("roles")
        if table is not None and not table.rows and "roles" not in self.broken:
            self.add(table, table.header_row + 1, "id",
                     "the roles table has no rows: a catalogue needs at least one role")
        return result

    def _attach(self, roles: dict[str, Role], role_id: str, field: str, item: Any) -> None:
        role = roles[role_id]
        roles[role_id] = role.model_copy(update={field: getattr(role, field) + (item,)})

    def _alt_titles(self, roles: dict[str, Role], role_ids: set[str]) -> None:
        for table, row, data in self.rows("alt_titles"):
            role_id, title = data.get("role"), data.get("title")
            if title is None:
                self.add(table, row, "title", "required")
            if self.check_ref(table, row, "role", role_id, role_ids, "role", "roles") and role_id in roles and title:
                if title not in roles[role_id].alt_titles:
                    self._attach(roles, role_id, "alt_titles", title)

    def _pay(self, roles: dict[str, Role], role_ids: set[str], levels: dict, source_ids: set[str],
             default_source: str) -> None:
        level_codes = set(levels) | self._raw_ids("levels", "code")
        at_level: dict[str, list[str]] = {}
        for role in roles.values():
            if role.level:
                at_level.setdefault(role.level, []).append(role.id)
        for table, row, data in self.rows("pay"):
            role_id, level = data.pop("role", None), data.pop("level", None)
            data.setdefault("source", default_source)
            if "lower_bounds" in data:
                named = data["lower_bounds"].replace(",", ";").split(";")
                data["lower_bounds"] = tuple(p.strip() for p in named if p.strip())
            band = self.validate(table, row, SalaryBand, data)
            if (role_id is None) == (level is None):
                self.add(table, row, "role", "give either a role or a level (a band for every role at that level)")
                continue
            ok = self.check_ref(table, row, "role", role_id, role_ids, "role", "roles")
            ok = self.check_ref(table, row, "level", level, level_codes, "level", "levels") and ok
            ok = band is not None and self.check_ref(table, row, "source", band.source, source_ids, "source",
                                                     "sources") and ok
            if not ok:
                continue
            targets = [role_id] if role_id else at_level.get(level, [])
            for target in targets:
                if target in roles:
                    self._attach(roles, target, "salaries", band)

    def _requirements(self, roles: dict[str, Role], role_ids: set[str], competencies: dict[str, Competency],
                      scales: dict[str, Scale], source_ids: set[str], default_source: str) -> None:
        known = set(competencies) | self._raw_ids("competencies", "id")
        seen: dict[Any, int] = {}
        for table, row, data in self.rows("requirements"):
            role_id = data.pop("role", None)
            data.setdefault("source", roles[role_id].source if role_id in roles else default_source)
            _level_from_word(data, competencies.get(data.get("competency")), scales, keep_word=True)
            req = self.validate(table, row, Requirement, data)
            ok = self.check_ref(table, row, "role", role_id, role_ids, "role", "roles")
            if req is None:
                continue
            ok = self.check_ref(table, row, "competency", req.competency, known, "competency", "competencies") and ok
            ok = self.check_ref(table, row, "source", req.source, source_ids, "source", "sources") and ok
            if not ok or not self.unique(table, row, "competency", (role_id, req.competency), seen, "requirement"):
                continue
            comp = competencies.get(req.competency)
            scale = scales.get(comp.scale) if comp else None
            if scale is not None and req.level is not None and not scale.contains(req.level):
                self.add(table, row, "level", f"{req.level:g} is outside scale {scale.id} ({scale.min}..{scale.max})")
            elif role_id in roles and comp is not None:
                self._attach(roles, role_id, "requirements", req)

    def _experience(self, roles: dict[str, Role], role_ids: set[str], source_ids: set[str],
                    default_source: str) -> None:
        """Rows of (role, category, share) gathered into one Experience per role."""
        gathered: dict[str, dict] = {}
        seen: dict[Any, int] = {}
        for table, row, data in self.rows("experience"):
            role_id = data.pop("role", None)
            head = {k: data.pop(k) for k in ("respondents", "as_of", "suppressed", "source") if k in data}
            share = self.validate(table, row, ExperienceShare, data)
            ok = self.check_ref(table, row, "role", role_id, role_ids, "role", "roles")
            source = head.get("source", default_source)
            ok = self.check_ref(table, row, "source", source, source_ids, "source", "sources") and ok
            if share is None or not ok or not self.unique(table, row, "category", (role_id, share.category), seen,
                                                          "experience share"):
                continue
            entry = gathered.setdefault(role_id, {"source": source, "shares": [], "row": (table, row)})
            for key in ("respondents", "as_of", "suppressed"):
                if key in head:
                    entry[key] = head[key]
            entry["shares"].append(share)
        for role_id, entry in gathered.items():
            table, row = entry.pop("row")
            experience = self.validate(table, row, Experience, entry)
            if experience is not None and role_id in roles:
                roles[role_id] = roles[role_id].model_copy(update={"experience": experience})

    def _transitions(self, role_ids: set[str], source_ids: set[str], default_source: str) -> list[Transition]:
        result, seen = [], {}
        for table, row, data in self.rows("transitions"):
            data = {"kind": "promotion", "basis": DEFAULT_BASIS, "source": default_source, **data}
            tr = self.validate(table, row, Transition, data)
            if tr is None:
                continue
            ok = self.check_ref(table, row, "from_role", tr.from_role, role_ids, "role", "roles")
            ok = self.check_ref(table, row, "to_role", tr.to_role, role_ids, "role", "roles") and ok
            ok = self.check_ref(table, row, "source", tr.source, source_ids, "source", "sources") and ok
            key = f"{tr.from_role} -> {tr.to_role}"
            if ok and self.unique(table, row, "to_role", key, seen, "transition"):
                result.append(tr)
        return result
