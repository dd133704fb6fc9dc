"""Compile catalogue sources into one SQLite file with sqlite-utils.

The same sources always give the same content. A failure leaves no output file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional

import sqlite_utils

from career_explorer.data.errors import SourceError
from career_explorer.data.schema import FTS_SQL, INDEXES, SCHEMA_VERSION, TABLES, WITHOUT_ROWID
from career_explorer.data.source_files import Origin
from career_explorer.data.source_files import load_sources as _load_with_origins
from career_explorer.domain.base import normalise_name
from career_explorer.domain.catalogue import Catalogue
from career_explorer.domain.progress import Progress


def load_sources(source_dir: Path) -> Catalogue:
    """Load, validate and cross-check a folder of sources."""
    catalogue, origins = _load_with_origins(Path(source_dir))
    check_references(catalogue, origins)
    return catalogue


def check_references(catalogue: Catalogue, origins: dict[tuple[str, str], Origin] | None = None) -> None:
    """Raise SourceError at the first reference that does not resolve or level out of its scale."""
    origins = origins or {}

    def fail(key: str, ident: str, field: str, message: str) -> None:
        origin = origins.get((key, ident))
        where = origin.describe() if origin else f"{key} ({ident})"
        raise SourceError(f"{where}: {field}: {message}")

    sources = {s.id for s in catalogue.sources}
    scales = {s.id: s for s in catalogue.scales}
    families = {f.id for f in catalogue.job_families}
    levels = {lv.code for lv in catalogue.job_levels}
    competencies = {c.id: c for c in catalogue.competencies}
    roles = {r.id for r in catalogue.roles}

    for comp in catalogue.competencies:
        if comp.scale not in scales:
            fail("competencies", comp.id, "scale", f"unknown scale {comp.scale!r}")
        if comp.source not in sources:
            fail("competencies", comp.id, "source", f"unknown source {comp.source!r}")
        scale = scales[comp.scale]
        for i, beh in enumerate(comp.behaviours):
            if not scale.contains(beh.level):
                fail("competencies", comp.id, f"behaviours[{i}].level",
                     f"{beh.level} is outside scale {scale.id} ({scale.min}..{scale.max})")
            if beh.source is not None and beh.source not in sources:
                fail("competencies", comp.id, f"behaviours[{i}].source", f"unknown source {beh.source!r}")
    for role in catalogue.roles:
        if role.family not in families:
            fail("roles", role.id, "family", f"unknown job family {role.family!r}")
        if role.level is not None and role.level not in levels:
            fail("roles", role.id, "level", f"unknown job level {role.level!r}")
        if role.source not in sources:
            fail("roles", role.id, "source", f"unknown source {role.source!r}")
        for field, bands in (("salaries", role.salaries), ("pay_history", role.pay_history)):
            for i, band in enumerate(bands):
                if band.source not in sources:
                    fail("roles", role.id, f"{field}[{i}].source", f"unknown source {band.source!r}")
        for i, req in enumerate(role.requirements):
            comp = competencies.get(req.competency)
            if comp is None:
                fail("roles", role.id, f"requirements[{i}].competency", f"unknown competency {req.competency!r}")
                continue
            scale = scales[comp.scale]
            if req.level is not None and not scale.contains(req.level):
                fail("roles", role.id, f"requirements[{i}].level",
                     f"{req.level:g} is outside scale {scale.id} ({scale.min}..{scale.max})")
            if req.source is not None and req.source not in sources:
                fail("roles", role.id, f"requirements[{i}].source", f"unknown source {req.source!r}")
        if role.experience is not None and role.experience.source not in sources:
            fail("roles", role.id, "experience.source", f"unknown source {role.experience.source!r}")
    for tr in catalogue.transitions:
        ident = f"{tr.from_role} -> {tr.to_role}"
        for field, role_id in (("from_role", tr.from_role), ("to_role", tr.to_role)):
            if role_id not in roles:
                fail("transitions", ident, field, f"unknown role {role_id!r}")
        if tr.source not in sources:
            fail("transitions", ident, "source", f"unknown source {tr.source!r}")


def _text(value: object) -> Optional[str]:
    return None if value is None else str(value)


def _rows(catalogue: Catalogue) -> dict[str, list[dict]]:
    info = catalogue.info
    rows: dict[str, list[dict]] = {name: [] for name, *_ in TABLES}
    rows["meta"] = [
        {"key": "schema_version", "value": str(SCHEMA_VERSION)},
        {"key": "name", "value": info.name},
        {"key": "version", "value": info.version},
        {"key": "description", "value": info.description or ""},
    ]
    for s in sorted(catalogue.sources, key=lambda s: s.id):
        rows["sources"].append({
            "id": s.id, "name": s.name, "short_name": s.short_name, "series": s.series,
            "url": _text(s.url), "licence": s.licence,
            "retrieved": _text(s.retrieved), "attribution": s.attribution, "note": s.note,
        })
    for f in sorted(catalogue.job_families, key=lambda f: f.id):
        rows["job_families"].append({"id": f.id, "name": f.name})
    for lv in sorted(catalogue.job_levels, key=lambda lv: lv.code):
        rows["job_levels"].append({
            "code": lv.code, "name": lv.name, "ladder": lv.ladder, "rank": lv.rank,
            "track": lv.track.value if lv.track else None,
        })
    for sc in sorted(catalogue.scales, key=lambda s: s.id):
        rows["scales"].append({"id": sc.id, "name": sc.name, "min": sc.min, "max": sc.max})
        rows["scale_anchors"] += [{"scale": sc.id, "value": a.value, "label": a.label} for a in sc.anchors]
    for c in sorted(catalogue.competencies, key=lambda c: c.id):
        rows["competencies"].append({
            "id": c.id, "name": c.name, "norm_name": normalise_name(c.name), "kind": c.kind.value,
            "definition": c.definition, "scale": c.scale, "source": c.source, "examples": int(c.examples),
        })
        rows["behaviours"] += [
            {"competency": c.id, "level": b.level, "text": b.text, "source": b.source or c.source}
            for b in c.behaviours
        ]
    salary_id = 0
    for r in sorted(catalogue.roles, key=lambda r: r.id):
        rows["roles"].append({
            "id": r.id, "title": r.title, "family": r.family, "level": r.level, "job_code": r.job_code,
            "soc_code": r.soc_code, "summary": r.summary, "responsibilities": r.responsibilities,
            "education": r.education, "reports_to": r.reports_to, "source": r.source,
            "unpublished": r.unpublished, "unpublished_unknown": int(r.unpublished_unknown), "note": r.note,
        })
        rows["alt_titles"] += [{"role": r.id, "title": t} for t in sorted(set(r.alt_titles))]
        for table, bands in (("salaries", r.salaries), ("pay_history", r.pay_history)):
            for band in bands:
                salary_id += 1
                rows[table].append(_band_row(salary_id, r.id, band))
        rows["requirements"] += [
            {
                "role": r.id, "competency": q.competency, "seq": seq, "level": q.level, "level_word": q.level_word,
                "importance": q.importance, "suppressed": int(q.suppressed), "not_relevant": int(q.not_relevant),
                "standard_error": q.standard_error, "source": q.source or r.source,
            }
            for seq, q in enumerate(r.requirements)
        ]
        if r.experience is not None:
            e = r.experience
            rows["experience"] += [
                {"role": r.id, "category": s.category, "label": s.label, "share": s.share,
                 "respondents": e.respondents, "as_of": e.as_of, "suppressed": int(e.suppressed), "source": e.source}
                for s in e.shares
            ]
    for t in sorted(catalogue.transitions, key=lambda t: (t.from_role, t.to_role)):
        rows["transitions"].append({
            "from_role": t.from_role, "to_role": t.to_role, "kind": t.kind.value, "source": t.source,
            "basis": t.basis, "tier": t.tier,
        })
    return rows


def _band_row(row_id: int, role_id: str, band) -> dict:
    return {
        "id": row_id, "role": role_id, "source": band.source, "region": band.region,
        "currency": band.currency, "basis": band.basis.value, "period": band.period.value,
        "p10": band.p10, "p25": band.p25, "p50": band.p50, "p75": band.p75, "p90": band.p90,
        "mean": band.mean, "entry": band.entry, "experienced": band.experienced,
        "lower_bounds": json.dumps(list(band.lower_bounds)), "as_of": _text(band.as_of),
        "covers": band.covers, "note": band.note,
    }


def _search_rows(catalogue: Catalogue) -> Iterable[tuple]:
    for r in sorted(catalogue.roles, key=lambda r: r.id):
        yield (r.id, r.title, " | ".join(sorted(set(r.alt_titles))), r.job_code or "", r.summary or "")


def write_catalogue(catalogue: Catalogue, out: Path, progress: Optional[Progress] = None) -> None:
    """Write a validated catalogue to `out` atomically."""
    check_references(catalogue)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        db = sqlite_utils.Database(tmp)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = DELETE")
        # A private temporary file: no fsync per batch; one fsync below, before the atomic rename.
        db.execute("PRAGMA synchronous = OFF")
        rows = _rows(catalogue)
        for step, (name, columns, pk, fks) in enumerate(TABLES):
            not_null = {c for c in ([pk] if isinstance(pk, str) else pk)}
            if name in WITHOUT_ROWID:
                sql = db.create_table_sql(name, columns, pk=pk, foreign_keys=fks, not_null=not_null)
                db.execute(sql.rstrip().rstrip(";") + " WITHOUT ROWID")
            else:
                db[name].create(columns, pk=pk, foreign_keys=fks, not_null=not_null)
            if rows[name]:
                db[name].insert_all(rows[name], batch_size=5000)
            if progress:
                progress(0.9 * (step + 1) / len(TABLES), f"Writing {name}")
        for table, cols in INDEXES:
            db[table].create_index(cols)
        db.execute(FTS_SQL)
        db.conn.executemany("INSERT INTO role_search VALUES (?, ?, ?, ?, ?)", _search_rows(catalogue))
        db.conn.commit()
        problems = list(db.execute("PRAGMA foreign_key_check").fetchall())
        if problems:
            raise SourceError(f"{out}: internal error: foreign key check failed: {problems[0]}")
        db.execute("VACUUM")
        db.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        if progress:
            progress(1.0, "Done")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build(source_dir: Path, out: Path, progress: Optional[Progress] = None) -> Catalogue:
    """Load `source_dir` and write it to `out`; the CLI's `catalogue build`."""
    catalogue = load_sources(source_dir)
    write_catalogue(catalogue, out, progress)
    return catalogue
