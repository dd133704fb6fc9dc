"""Read catalogue source files (TOML written by hand, JSON written by importers) into models."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from career_explorer.data.errors import SourceError
from career_explorer.domain.catalogue import (
    Catalogue,
    CatalogueInfo,
    Competency,
    JobFamily,
    JobLevel,
    Role,
    Scale,
    Source,
    Transition,
)

SECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "scales": Scale,
    "job_families": JobFamily,
    "job_levels": JobLevel,
    "competencies": Competency,
    "roles": Role,
    "transitions": Transition,
}


@dataclass(frozen=True)
class Origin:
    """Where an entry came from, for error messages."""

    file: str
    key: str
    index: int
    ident: str

    def describe(self) -> str:
        ident = f" ({self.ident})" if self.ident else ""
        return f"{self.file}: {self.key}[{self.index}]{ident}"


def _entry_ident(entry: Any) -> str:
    if not isinstance(entry, dict):
        return ""
    for key in ("id", "code"):
        if key in entry:
            return str(entry[key])
    if "from_role" in entry and "to_role" in entry:
        return f"{entry['from_role']} -> {entry['to_role']}"
    return ""


def format_location(loc: tuple[Any, ...]) -> str:
    """('salaries', 0, 'p50') -> 'salaries[0].p50'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(entry)"


def validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    return f"{format_location(tuple(first['loc']))}: {message}"


def _read_file(path: Path, label: str) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{label}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SourceError(f"{label}: cannot read ({exc.strerror})") from None
    try:
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{label}: invalid TOML: {exc}") from None
    except json.JSONDecodeError as exc:
        raise SourceError(f"{label}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{label}: the top level must be a table of sections")
    return data


def load_sources(source_dir: Path) -> tuple[Catalogue, dict[tuple[str, str], Origin]]:
    """Load and validate every entry; cross-references are checked by the compiler."""
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise SourceError(f"{source_dir}: not a folder of catalogue sources")
    files = sorted(p for p in source_dir.rglob("*") if p.suffix in (".toml", ".json") and p.is_file())
    if not files:
        raise SourceError(f"{source_dir}: holds no .toml or .json source files")

    info: CatalogueInfo | None = None
    collected: dict[str, list[BaseModel]] = {key: [] for key in SECTIONS}
    origins: dict[tuple[str, str], Origin] = {}
    for path in files:
        label = str(path.relative_to(source_dir))
        data = _read_file(path, label)
        for key, value in data.items():
            if key == "catalogue":
                if info is not None:
                    raise SourceError(f"{label}: catalogue: defined in more than one file")
                try:
                    info = CatalogueInfo.model_validate(value)
                except ValidationError as exc:
                    raise SourceError(f"{label}: catalogue: {validation_message(exc)}") from None
                continue
            model = SECTIONS.get(key)
            if model is None:
                raise SourceError(f"{label}: {key}: unknown section (expected one of {', '.join(SECTIONS)})")
            if not isinstance(value, list):
                raise SourceError(f"{label}: {key}: must be a list of entries")
            for index, entry in enumerate(value):
                origin = Origin(label, key, index, _entry_ident(entry))
                try:
                    item = model.model_validate(entry)
                except ValidationError as exc:
                    raise SourceError(f"{origin.describe()}: {validation_message(exc)}") from None
                ident = origin.ident
                if (key, ident) in origins:
                    first = origins[(key, ident)]
                    raise SourceError(f"{origin.describe()}: id: duplicate of {first.file}: {first.key}[{first.index}]")
                origins[(key, ident)] = origin
                collected[key].append(item)
    if info is None:
        raise SourceError(f"{source_dir}: no file defines the [catalogue] table (name, version)")
    catalogue = Catalogue(info=info, **{k: tuple(v) for k, v in collected.items()})
    return catalogue, origins
