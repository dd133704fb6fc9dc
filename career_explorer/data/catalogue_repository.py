"""Read-only access to a compiled catalogue as validated domain models. No code path here can write to the file."""

from __future__ import annotations

import datetime as dt
import json
from functools import cached_property
from pathlib import Path
from typing import Optional

from career_explorer.data import title_matches as titles
from career_explorer.data.catalogue_file import CatalogueFile
from career_explorer.data.damage_guard import guard_every_query
from career_explorer.data.role_search_index import ranked_role_ids
from career_explorer.domain.catalogue import (
    Behaviour,
    CatalogueCounts,
    CatalogueInfo,
    Competency,
    JobFamily,
    JobLevel,
    Role,
    Scale,
    ScaleAnchor,
    Source,
    TitleMatch,
    Transition,
    TransitionEdge,
    TransitionKind,
)


class CatalogueRepository(CatalogueFile):
    """A compiled catalogue opened read-only (`mode=ro`), read as validated domain models."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._init_caches()

    @classmethod
    def from_file(cls, opened: CatalogueFile) -> "CatalogueRepository":
        """The repository of a file the first view has already opened: its connection and what it read
        are taken over (`opened` is not to be used on its own afterwards)."""
        repo = cls.__new__(cls)
        vars(repo).update(vars(opened))
        repo._init_caches()
        return repo

    def _init_caches(self) -> None:
        self._transitions: Optional[list[Transition]] = None
        self._edges: Optional[list[TransitionEdge]] = None
        self._related: Optional[dict[str, list[str]]] = None

    # -- whole-catalogue facts -------------------------------------------------------------

    @cached_property
    def info(self) -> CatalogueInfo:
        return CatalogueInfo(
            name=self._meta["name"],
            version=self._meta["version"],
            description=self._meta.get("description") or None,
            schema_version=int(self._meta["schema_version"]),
        )

    def counts(self) -> CatalogueCounts:
        """Read once (the catalogue never changes): the loader and then the status bar ask."""
        return self._counts

    @cached_property
    def _counts(self) -> CatalogueCounts:
        def count(table: str) -> int:
            return self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

        return CatalogueCounts(
            roles=count("roles"), sources=count("sources"), competencies=count("competencies"),
            transitions=count("transitions"), salaries=count("salaries"),
        )

    @cached_property
    def sources(self) -> dict[str, Source]:
        rows = self._query("SELECT * FROM sources ORDER BY id", drop_none=True)
        return {r["id"]: Source.model_validate(r) for r in rows}

    @cached_property
    def scales(self) -> dict[str, Scale]:
        anchors: dict[str, list[ScaleAnchor]] = {}
        for r in self._query("SELECT * FROM scale_anchors ORDER BY scale, value"):
            anchors.setdefault(r["scale"], []).append(ScaleAnchor(value=r["value"], label=r["label"]))
        return {
            r["id"]: Scale(id=r["id"], name=r["name"], min=r["min"], max=r["max"],
                           anchors=tuple(anchors.get(r["id"], ())))
            for r in self._query("SELECT * FROM scales ORDER BY id")
        }

    @cached_property
    def job_levels(self) -> dict[str, JobLevel]:
        return {r["code"]: JobLevel.model_validate(r) for r in self._query("SELECT * FROM job_levels", drop_none=True)}

    @cached_property
    def job_families(self) -> dict[str, JobFamily]:
        return {r["id"]: JobFamily(**r) for r in self._query("SELECT * FROM job_families ORDER BY name")}

    @cached_property
    def competencies(self) -> dict[str, Competency]:
        behaviours: dict[str, list[Behaviour]] = {}
        for r in self._query("SELECT * FROM behaviours ORDER BY competency, level"):
            behaviours.setdefault(r["competency"], []).append(
                Behaviour(level=r["level"], text=r["text"], source=r["source"])
            )
        result = {}
        for r in self._query("SELECT * FROM competencies ORDER BY id", drop_none=True):
            r.pop("norm_name", None)
            r["examples"] = bool(r.get("examples"))
            result[r["id"]] = Competency.model_validate({**r, "behaviours": behaviours.get(r["id"], [])})
        return result

    def transitions(self) -> list[Transition]:
        """Every transition. Built without re-validating: the compiler validated each one, and a
        catalogue of every O*NET occupation holds 18,000 of them (0.3 s to validate again)."""
        if self._transitions is None:
            rows = self._conn.execute(
                "SELECT from_role, to_role, kind, source, basis, tier FROM transitions ORDER BY from_role, to_role"
            )
            self._transitions = [
                Transition.model_construct(from_role=a, to_role=b, kind=TransitionKind(kind), source=source,
                                           basis=basis, tier=tier)
                for a, b, kind, source, basis, tier in rows
            ]
        return list(self._transitions)

    # -- roles --------------------------------------------------------------------------

    def transition_edges(self) -> list[TransitionEdge]:
        """(from, to, kind, source, tier) of every transition: what a route search needs, without the models."""
        if self._edges is None:
            # The table is keyed (from_role, to_role) WITHOUT ROWID, so it is read in that order. The kind
            # stays the stored text: TransitionKind is a str enum, so comparisons with it still hold.
            rows = self._conn.execute("SELECT from_role, to_role, kind, source, tier FROM transitions")
            self._edges = rows.fetchall()
        return list(self._edges)

    def roles_with_levels(self) -> set[str]:
        """Ids of roles that publish at least one competency level."""
        return {r[0] for r in self._conn.execute("SELECT DISTINCT role FROM requirements WHERE level IS NOT NULL")}

    def transition(self, from_role: str, to_role: str) -> Optional[Transition]:
        rows = self._query("SELECT * FROM transitions WHERE from_role = ? AND to_role = ?", (from_role, to_role),
                           drop_none=True)
        return Transition.model_validate(rows[0]) if rows else None

    def role_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM roles ORDER BY id")]

    def role(self, role_id: str) -> Optional[Role]:
        """One whole role. Its rows are read as plain tuples and validated once, as one Role: a route query
        loads a few O*NET occupations of some seventy requirements each, and validating each requirement
        on its own was most of a load."""
        rows = self._query("SELECT * FROM roles WHERE id = ?", (role_id,), drop_none=True)
        if not rows:
            return None
        row = rows[0]
        row["unpublished_unknown"] = bool(row.get("unpublished_unknown"))
        alt = [t for (t,) in self._conn.execute("SELECT title FROM alt_titles WHERE role = ? ORDER BY title",
                                                (role_id,))]
        salaries = self._bands("salaries", role_id)
        history = self._bands("pay_history", role_id) if "pay_history" in self._tables else []
        order = "seq" if self._meta.get("schema_version") != "1" else "rowid"
        reqs = self._query(f"SELECT * FROM requirements WHERE role = ? ORDER BY {order}", (role_id,), drop_none=True)
        for q in reqs:
            q.pop("role"), q.pop("seq", None)
            q["suppressed"] = bool(q.get("suppressed"))
            q["not_relevant"] = bool(q.get("not_relevant"))
        return Role.model_validate(
            {**row, "alt_titles": alt, "salaries": salaries, "pay_history": history, "requirements": reqs,
             "experience": self._experience(role_id)}
        )

    def _experience(self, role_id: str) -> Optional[dict]:
        if "experience" not in self._tables:
            return None
        rows = self._query("SELECT * FROM experience WHERE role = ? ORDER BY category", (role_id,))
        if not rows:
            return None
        first = rows[0]
        return {
            "source": first["source"], "respondents": first["respondents"], "as_of": first["as_of"],
            "suppressed": bool(first["suppressed"]),
            "shares": [{"category": r["category"], "label": r["label"], "share": r["share"]} for r in rows],
        }

    def _bands(self, table: str, role_id: str) -> list[dict]:
        """A role's pay bands, as the dicts Role validates."""
        bands = self._query(f"SELECT * FROM {table} WHERE role = ? ORDER BY id", (role_id,), drop_none=True)
        for band in bands:
            band.pop("id"), band.pop("role")
            band["lower_bounds"] = tuple(json.loads(band.get("lower_bounds") or "[]"))
        return bands

    @cached_property
    def release_dates(self) -> dict[str, dt.date]:
        """Source id -> release date, for sources that are releases of a series (wage surveys)."""
        if not any(s.series for s in self.sources.values()):
            return {}
        history = "UNION ALL SELECT source, as_of FROM pay_history" if "pay_history" in self._tables else ""
        rows = self._conn.execute(
            f"""
            SELECT b.source, max(b.as_of) FROM (SELECT source, as_of FROM salaries {history}) b
            JOIN sources s ON s.id = b.source WHERE s.series IS NOT NULL AND b.as_of IS NOT NULL
            GROUP BY b.source
            """
        ).fetchall()
        return {source: dt.date.fromisoformat(as_of) for source, as_of in rows}

    def related_role_ids(self, role_id: str) -> list[str]:
        """Roles the catalogue says are the same work as `role_id` (`related` transitions, either way)."""
        if self._related is None:
            related: dict[str, set[str]] = {}
            # Only the few `related` rows: a step's lenses need them before (or without) the route graph.
            for a, b in self._conn.execute("SELECT from_role, to_role FROM transitions WHERE kind = ?",
                                           (TransitionKind.RELATED.value,)):
                related.setdefault(a, set()).add(b)
                related.setdefault(b, set()).add(a)
            self._related = {role: sorted(others) for role, others in related.items()}
        return list(self._related.get(role_id, ()))

    def roles(self, role_ids: list[str]) -> list[Role]:
        return [r for r in (self.role(i) for i in role_ids) if r is not None]

    # -- search -------------------------------------------------------------------------

    def search_ids(self, query: str, limit: Optional[int] = None) -> list[str]:
        """Role ids whose title, alternate titles, job code or summary match every word as a prefix, best
        first; every role when the query has no words (see data.role_search_index)."""
        found = ranked_role_ids(self._conn, query, limit)
        return self.role_ids() if found is None else found

    # -- completing titles as the user types ----------------------------------------------

    def title_matches(self, text: str, limit: int = 15) -> list[TitleMatch]:
        """The best titles and alternate titles for typed `text`, each word a word prefix (see title_matches)."""
        return titles.title_matches(self._conn, text, limit)

    def roles_named(self, text: str, most: int = 2) -> list[str]:
        """Role ids that typed `text` names, up to `most`; exactly one means the text picks that role."""
        return titles.roles_named(self._conn, text, most)

    def role_title(self, role_id: str) -> Optional[str]:
        """One role's title, without reading the rest of the role."""
        return titles.role_title(self._conn, role_id)


guard_every_query(CatalogueRepository)
