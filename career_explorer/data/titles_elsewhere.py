"""Names of roles and competencies that the open catalogue lacks, read from other catalogues on disk.

A person's plan keeps the ids it was made with. After switching catalogue, a role it names may be
missing; the plan should then still say "Customer Service Manager (not in this catalogue)", not an id.
The bundled catalogue and the recently opened ones are asked, read-only, newest first.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

_CATALOGUES: tuple[Path, ...] = ()


def remember_catalogues(paths: Iterable[Path]) -> None:
    """Set the catalogues to ask (in order); called when the recent list changes."""
    global _CATALOGUES
    _CATALOGUES = tuple(dict.fromkeys(Path(p) for p in paths))
    _lookup.cache_clear()


def title_elsewhere(kind: str, item_id: str) -> Optional[str]:
    """The role's title (kind "roles") or competency's name (kind "competencies") in another catalogue."""
    from career_explorer.paths import bundled_catalogue

    for path in (*_CATALOGUES, bundled_catalogue()):
        found = _lookup(str(path), kind, item_id)
        if found:
            return found
    return None


@lru_cache(maxsize=512)
def _lookup(path: str, kind: str, item_id: str) -> Optional[str]:
    column = {"roles": "title", "competencies": "name"}[kind]
    try:
        # Read-only and immutable: never writes, never creates the file or a journal beside it.
        uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
        with sqlite3.connect(uri, uri=True) as db:
            row = db.execute(f"SELECT {column} FROM {kind} WHERE id = ?", (item_id,)).fetchone()
    except (sqlite3.Error, OSError, ValueError):
        return None  # not a catalogue, damaged or gone: this is only a courtesy lookup
    return row[0] if row and isinstance(row[0], str) else None
