"""Write catalogue models to a JSON catalogue source file (see docs/catalogue-sources.md).

The output is deterministic: sections in the documented order, entries sorted by identity, fields in
model order, defaults left out, ``indent=1``, UTF-8 without escaping. The file is written to a
temporary file next to the target and moved into place, so a failure never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

from pydantic import BaseModel

from career_explorer.domain.catalogue import Catalogue, CatalogueInfo

SECTION_ORDER = ("sources", "scales", "job_families", "job_levels", "competencies", "roles", "transitions")


def _identity(section: str, entry: Mapping[str, Any]) -> tuple:
    if section == "job_levels":
        return (str(entry.get("ladder", "")), int(entry.get("rank", 0)), str(entry["code"]))
    if section == "transitions":
        return (str(entry["from_role"]), str(entry["to_role"]))
    return (str(entry["id"]),)


def source_document(
    parts: Union[Catalogue, Mapping[str, Iterable[BaseModel]]],
    info: Optional[CatalogueInfo] = None,
) -> dict[str, Any]:
    """The JSON-ready dict for `parts` (a Catalogue, or section name -> models)."""
    if isinstance(parts, Catalogue):
        info = info or parts.info
        parts = {key: getattr(parts, key) for key in SECTION_ORDER}
    unknown = sorted(set(parts) - set(SECTION_ORDER))
    if unknown:
        raise ValueError(f"unknown catalogue section {unknown[0]!r} (expected one of {', '.join(SECTION_ORDER)})")
    document: dict[str, Any] = {}
    if info is not None:
        document["catalogue"] = info.model_dump(mode="json", exclude_defaults=True)
    for section in SECTION_ORDER:
        models = list(parts.get(section, ()))
        if not models:
            continue
        entries = [m.model_dump(mode="json", exclude_defaults=True) for m in models]
        entries.sort(key=lambda entry: _identity(section, entry))
        keys = [_identity(section, e) for e in entries]
        for a, b in zip(keys, keys[1:]):
            if a == b:
                raise ValueError(f"{section}: {' -> '.join(map(str, a))} is listed twice")
        document[section] = entries
    return document


def write_source_file(
    parts: Union[Catalogue, Mapping[str, Iterable[BaseModel]]],
    path: Union[str, Path],
    info: Optional[CatalogueInfo] = None,
) -> Path:
    """Write `parts` as a JSON source file at `path`, atomically. Returns the path.

    A `catalogue` table is written only when `info` is given or `parts` is a whole Catalogue.
    """
    path = Path(path)
    text = json.dumps(source_document(parts, info), indent=1, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)  # mkstemp makes it 0600; a source file is an ordinary file
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
    return path
