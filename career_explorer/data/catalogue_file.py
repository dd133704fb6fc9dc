"""A compiled catalogue opened read-only, and what the first view reads from it, without the domain models.

CatalogueFile checks the file and reads the role list, the source names and the counts as plain rows
(domain.role_listing), so the Browse view can fill before pydantic has loaded. CatalogueRepository
builds on it with every validated model. No code path here can write to the file.
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import Optional, Sequence

from career_explorer.data.damage_guard import guard_every_query
from career_explorer.data.errors import CatalogueCorrupt, CatalogueMissing, CatalogueSchemaMismatch
from career_explorer.data.schema import READABLE_VERSIONS
from career_explorer.domain.role_listing import RoleSummary, SourceName, Track

# What source_counts counts for each source, in this order.
COUNTED = ("roles", "pay", "requirements", "transitions")
_REQUIRED_TABLES = {"meta", "sources", "roles", "competencies", "requirements", "transitions", "salaries"}
_TRACKS = {t.value: t for t in Track}

# One annual base median per role: its own source's, else the latest release.
_SUMMARIES = """
    WITH medians AS (
        SELECT s.role, s.p50, s.currency, {covers} AS covers,
               ROW_NUMBER() OVER (
                   PARTITION BY s.role ORDER BY s.source = r.source DESC, s.as_of DESC, s.id
               ) AS choice
        FROM salaries s JOIN roles r ON r.id = s.role
        WHERE s.basis = 'base' AND s.period = 'annual' AND s.p50 IS NOT NULL
          AND s.lower_bounds NOT LIKE '%p50%'
    )
    SELECT r.id, r.title, r.family, f.name AS family_name, r.level, l.name AS level_name, l.ladder,
           l.rank AS level_rank, l.track, r.job_code, r.soc_code, r.source, m.p50 AS median_base, m.currency,
           m.covers AS median_covers
    FROM roles r JOIN job_families f ON f.id = r.family LEFT JOIN job_levels l ON l.code = r.level
         LEFT JOIN medians m ON m.role = r.id AND m.choice = 1
    ORDER BY r.title, r.id
"""


def peek_name(path: Path) -> Optional[str]:
    """"US occupations and customer-support ladder 2.0" from a catalogue file's meta table, or None.

    For menus that list catalogues by name; reads two rows, read-only, and never raises.
    """
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('name', 'version')").fetchall())
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    name = meta.get("name")
    return f"{name} {meta.get('version', '')}".strip() if name else None


class CatalogueFile:
    """A compiled catalogue opened read-only (`mode=ro`), checked to be one this app reads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise CatalogueMissing(self.path, "catalogue file not found")
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            # Rows stay plain tuples: _query makes dicts where names are wanted (a sqlite3.Row per row,
            # then a dict of it, cost twice as much; a route query reads some seventy requirement rows
            # per O*NET occupation).
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(self.path, f"not a readable catalogue ({exc})") from None
        missing = _REQUIRED_TABLES - tables
        if missing:
            raise CatalogueCorrupt(self.path, f"not a Career Explorer catalogue (missing {', '.join(sorted(missing))})")
        try:
            meta = {str(k): v for k, v in self._conn.execute("SELECT key, value FROM meta").fetchall()}
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(self.path, f"the catalogue file is damaged ({exc})") from None
        found = meta.get("schema_version")
        if found not in {str(v) for v in READABLE_VERSIONS}:
            raise CatalogueSchemaMismatch(
                self.path, f"catalogue schema version {found} is not one this version of the app reads "
                           f"({', '.join(map(str, READABLE_VERSIONS))})"
            )
        for key in ("name", "version"):
            if not isinstance(meta.get(key), str) or not meta[key].strip():
                raise CatalogueCorrupt(self.path, f"the catalogue's meta table has no {key}: the file is incomplete "
                                                  "or damaged (build or import it again)")
        self._meta = meta
        self._tables = tables
        self._summaries: Optional[list[RoleSummary]] = None
        self._counted: dict[str, dict[str, int]] = {}  # kind -> source id -> number, filled per kind

    def close(self) -> None:
        self._conn.close()

    @property
    def name(self) -> str:
        return self._meta["name"].strip()

    @property
    def version(self) -> str:
        return self._meta["version"].strip()

    def _query(self, sql: str, params: tuple | dict = (), drop_none: bool = False) -> list[dict]:
        """The rows as dicts; with drop_none, without their NULL columns (a model's default stands for them)."""
        cursor = self._conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        if drop_none:
            return [{k: v for k, v in zip(names, values) if v is not None} for values in cursor]
        return [dict(zip(names, values)) for values in cursor]

    @cached_property
    def source_names(self) -> dict[str, SourceName]:
        """Every source's id and names, by id."""
        rows = self._conn.execute("SELECT id, name, short_name, series FROM sources ORDER BY id")
        return {row[0]: SourceName._make(row) for row in rows}

    @cached_property
    def source_labels(self) -> dict[str, str]:
        """Every source's label ("BLS OEWS May 2024"), by id: what tables, legends and cards show."""
        return {sid: source.label for sid, source in self.source_names.items()}

    def role_count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM roles").fetchone()[0]

    def role_summaries(self) -> list[RoleSummary]:
        """One row per role, by title; read once per file (the catalogue never changes)."""
        if self._summaries is None:
            self._summaries = self._read_summaries()
        return list(self._summaries)

    def _read_summaries(self) -> list[RoleSummary]:
        covers = "s.covers" if self._meta.get("schema_version") != "1" else "NULL"
        rows = self._conn.execute(_SUMMARIES.replace("{covers}", covers)).fetchall()
        track = RoleSummary._fields.index("track")
        summaries = []
        for row in rows:
            if row[track] is not None:
                if row[track] not in _TRACKS:
                    raise CatalogueCorrupt(self.path, f"role {row[0]!r} has the unknown track {row[track]!r}; "
                                                      "rebuild or re-import the catalogue")
                row = (*row[:track], _TRACKS[row[track]], *row[track + 1:])
            summaries.append(RoleSummary._make(row))
        return summaries

    def source_counts(self, kinds: Sequence[str] = COUNTED) -> dict[str, dict[str, int]]:
        """For each source id: how many roles, pay figures, requirements and transitions it gives.

        Only `kinds` (of COUNTED) are counted and returned: the status bar needs roles and pay, and
        counting every requirement would add ~25 ms to the start-up path of the bundled catalogue.
        """
        for kind in kinds:
            if kind not in self._counted:
                self._counted[kind] = self._count_kind(kind)
        counts = {sid: {kind: 0 for kind in kinds} for sid in self.source_names}
        for kind in sorted(kinds, key=COUNTED.index):
            for source, number in self._counted[kind].items():
                counts.setdefault(source, {k: 0 for k in kinds})[kind] = number
        return counts

    def _count_kind(self, kind: str) -> dict[str, int]:
        tables = {"roles": ["roles"], "pay": ["salaries"], "requirements": ["requirements"],
                  "transitions": ["transitions"]}[kind]
        if kind == "pay" and "pay_history" in self._tables:
            tables.append("pay_history")
        numbers: dict[str, int] = {}
        for table in tables:
            for source, number in self._conn.execute(f"SELECT source, count(*) FROM {table} GROUP BY source"):
                numbers[source] = numbers.get(source, 0) + number
        return numbers


guard_every_query(CatalogueFile)
