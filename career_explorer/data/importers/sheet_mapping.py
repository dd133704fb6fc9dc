"""MAP.toml: how a flat framework sheet's columns, level words and ladders map onto the framework layout.

A flat sheet has one row per (role level, skill). The map names the column holding each meaning, the
skill scale's level words in order, the order of each ladder's role levels (and which sit beside
another as a branch), and optional O*NET occupations for roles. The GUI wizard writes this file, so the
next release of the same sheet imports with one command; help/flat-sheet-mapping.md describes it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, field_validator, model_validator

from career_explorer.data.importers.framework_layout import FrameworkError, Problem
from career_explorer.domain.base import Model, Text
from career_explorer.domain.role_listing import Track

# meaning -> what the wizard and the docs call it. Order is the order of the wizard's rows.
MEANINGS: dict[str, str] = {
    "family": "Job family",
    "role": "Role (a ladder of role levels)",
    "role_description": "Role description",
    "role_level": "Role level title",
    "role_level_description": "Role level description",
    "role_type": "Role type",
    "rank": "Rank of the role level",
    "skill": "Skill",
    "skill_description": "Skill description",
    "required_level": "Required level (a word on the scale)",
    "required_level_description": "Required level description",
}
REQUIRED_MEANINGS = ("role_level", "skill", "required_level")


class CatalogueSection(Model):
    name: Text = "Company framework"
    version: Text = "1"
    description: Optional[str] = None


class ScaleSection(Model):
    """The skill scale: its level words, lowest first (the first word is level 1)."""

    id: str = Field(default="skill-levels", pattern=r"^[a-z0-9][a-z0-9._/-]*$")
    name: Text = "Skill level"
    levels: tuple[Text, ...] = Field(min_length=2)

    @field_validator("levels")
    @classmethod
    def _distinct(cls, levels: tuple[str, ...]) -> tuple[str, ...]:
        folded = [w.casefold() for w in levels]
        twice = sorted({w for w in levels if folded.count(w.casefold()) > 1})
        if twice:
            raise ValueError(f"level word given twice: {', '.join(twice)}")
        return levels


class LadderSection(Model):
    """One ladder's role levels, lowest first; `branches` maps a level to the level it sits beside."""

    order: tuple[Text, ...] = ()
    branches: dict[str, str] = Field(default_factory=dict)


class OnetChoice(Model):
    """An O*NET occupation for a role level: proposed by the importer, then confirmed, changed or skipped."""

    code: Optional[str] = Field(default=None, pattern=r"^\d{2}-\d{4}\.\d{2}$")
    title: Optional[str] = None
    status: Literal["proposed", "confirmed", "skip"] = "proposed"

    @model_validator(mode="after")
    def _code_when_confirmed(self) -> "OnetChoice":
        if self.status == "confirmed" and self.code is None:
            raise ValueError("a confirmed O*NET occupation needs its code")
        return self


class SheetMap(Model):
    """The whole MAP.toml."""

    sheet: Optional[str] = None  # the worksheet of an .xlsx workbook; default: its only data sheet
    catalogue: CatalogueSection = CatalogueSection()
    columns: dict[str, Text]
    ignore: tuple[str, ...] = ()
    scale: Optional[ScaleSection] = None
    ladders: dict[str, LadderSection] = Field(default_factory=dict)
    tracks: dict[str, Track] = Field(default_factory=dict)  # role type -> track
    onet: dict[str, OnetChoice] = Field(default_factory=dict)  # role level title -> occupation

    @field_validator("columns")
    @classmethod
    def _known_meanings(cls, columns: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(columns) - set(MEANINGS))
        if unknown:
            raise ValueError(f"unknown meaning {', '.join(unknown)} (known: {', '.join(MEANINGS)})")
        missing = [m for m in REQUIRED_MEANINGS if m not in columns]
        if missing:
            raise ValueError(f"map a column to {', '.join(missing)}")
        return columns


def load_map(path: Path) -> SheetMap:
    """Read and validate MAP.toml; raise FrameworkError naming each problem as `file:line:key: message`."""
    label = Path(path).name
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise FrameworkError([Problem(label, 1, "-", f"cannot read ({exc.strerror or exc})")]) from None
    except UnicodeDecodeError:
        raise FrameworkError([Problem(label, 1, "-", "not UTF-8 text; save MAP.toml as UTF-8")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_of(str(exc))
        raise FrameworkError([Problem(label, line, "-", f"not valid TOML ({exc})")]) from None
    try:
        return SheetMap.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "-"
            problems.append(Problem(label, _line_of_key(text, err["loc"]), key,
                                    err["msg"].removeprefix("Value error, ")))
        raise FrameworkError(problems) from None


def _line_of(message: str) -> int:
    marker = "line "
    if marker in message:
        digits = message.split(marker, 1)[1].split()[0].rstrip(",)")
        if digits.isdigit():
            return int(digits)
    return 1


def _line_of_key(text: str, loc: tuple) -> int:
    """The line where the deepest named key of a validation error appears, for `file:line` messages."""
    for part in reversed([p for p in loc if isinstance(p, str)]):
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith((part, f'"{part}"', f"[{part}", f'[ladders."{part}"')) or f".{part}]" in stripped:
                return number
    return 1


# -- writing ------------------------------------------------------------------------------------


def dump_map(mapping: SheetMap) -> str:
    """MAP.toml text for `mapping`: stable key order, one value per line, readable in a diff."""
    lines = ["# Career Explorer: how a flat framework sheet maps onto the framework layout.",
             "# See Help > Flat-sheet mapping. Columns starting with _ in the sheet are never imported.", ""]
    if mapping.sheet:
        lines += [f"sheet = {_str(mapping.sheet)}", ""]
    if mapping.ignore:
        lines += [f"ignore = {_list(mapping.ignore)}", ""]
    info = mapping.catalogue
    lines += ["[catalogue]", f"name = {_str(info.name)}", f"version = {_str(info.version)}"]
    if info.description:
        lines.append(f"description = {_str(info.description)}")
    lines += ["", "[columns]"]
    lines += [f"{m} = {_str(mapping.columns[m])}" for m in MEANINGS if m in mapping.columns]
    if mapping.scale is not None:
        scale = mapping.scale
        lines += ["", "[scale]", f"id = {_str(scale.id)}", f"name = {_str(scale.name)}",
                  "# lowest first: the first word is level 1", f"levels = {_list(scale.levels)}"]
    if mapping.tracks:
        lines += ["", "[tracks]"] + [f"{_str(k)} = {_str(v.value)}" for k, v in mapping.tracks.items()]
    for name, ladder in mapping.ladders.items():
        lines += ["", f"[ladders.{_str(name)}]", "# lowest first", f"order = {_list(ladder.order)}"]
        if ladder.branches:
            pairs = ", ".join(f"{_str(k)} = {_str(v)}" for k, v in ladder.branches.items())
            lines.append(f"branches = {{ {pairs} }}  # a level = the level it sits beside")
    if mapping.onet:
        lines += ["", "# O*NET occupations: status = confirmed, skip, or proposed (not used until confirmed)", "[onet]"]
        for title, choice in mapping.onet.items():
            parts = [f"status = {_str(choice.status)}"]
            if choice.code:
                parts.insert(0, f"code = {_str(choice.code)}")
            if choice.title:
                parts.insert(1, f"title = {_str(choice.title)}")
            lines.append(f"{_str(title)} = {{ {', '.join(parts)} }}")
    return "\n".join(lines) + "\n"


def save_map(mapping: SheetMap, path: Path) -> None:
    from career_explorer.data.importers.framework_write import _write_atomic

    _write_atomic(Path(path), dump_map(mapping).encode("utf-8"))


def _str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_str(v) for v in values) + "]"
