"""Export a compiled catalogue in the company-framework layout (the inverse of framework.py).

Rows come out sorted and with every default written out, so export -> import -> export gives the
same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.importers.framework_io import detect_format
from career_explorer.data.importers.framework_layout import Value, export_number
from career_explorer.data.importers.framework_write import write_tables
from career_explorer.domain.catalogue import Catalogue

Rows = dict[str, list[dict[str, Value]]]


def catalogue_from_repository(repo: CatalogueRepository) -> Catalogue:
    """The whole compiled catalogue back in memory."""
    return Catalogue(
        info=repo.info,
        sources=tuple(repo.sources.values()),
        scales=tuple(repo.scales.values()),
        job_families=tuple(repo.job_families.values()),
        job_levels=tuple(repo.job_levels.values()),
        competencies=tuple(repo.competencies.values()),
        roles=tuple(repo.roles(repo.role_ids())),
        transitions=tuple(repo.transitions()),
    )


def _str(value: object) -> Optional[str]:
    return None if value is None else str(value)


def _enum(value: object) -> Optional[str]:
    return None if value is None else value.value


def catalogue_to_tables(catalogue: Catalogue) -> Rows:
    """Every table of the layout, rows sorted by their keys."""
    info = catalogue.info
    rows: Rows = {"catalogue": [{"name": info.name, "version": info.version, "description": info.description}]}
    rows["sources"] = [
        {"id": s.id, "name": s.name, "short_name": s.short_name, "series": s.series, "licence": s.licence,
         "url": _str(s.url), "retrieved": _str(s.retrieved), "attribution": s.attribution, "note": s.note}
        for s in sorted(catalogue.sources, key=lambda s: s.id)
    ]
    scales = sorted(catalogue.scales, key=lambda s: s.id)
    rows["scales"] = [{"id": s.id, "name": s.name, "min": s.min, "max": s.max} for s in scales]
    rows["anchors"] = [
        {"scale": s.id, "value": a.value, "label": a.label}
        for s in scales for a in sorted(s.anchors, key=lambda a: a.value)
    ]
    rows["families"] = [{"id": f.id, "name": f.name} for f in sorted(catalogue.job_families, key=lambda f: f.id)]
    rows["levels"] = [
        {"code": lv.code, "name": lv.name, "track": _enum(lv.track), "ladder": lv.ladder, "rank": lv.rank}
        for lv in sorted(catalogue.job_levels, key=lambda lv: (lv.ladder, lv.rank, lv.code))
    ]
    competencies = sorted(catalogue.competencies, key=lambda c: c.id)
    rows["competencies"] = [
        {"id": c.id, "name": c.name, "kind": c.kind.value, "scale": c.scale, "definition": c.definition,
         "examples": True if c.examples else None, "source": c.source}
        for c in competencies
    ]
    rows["behaviours"] = [
        {"competency": c.id, "level": b.level, "text": b.text, "source": b.source or c.source}
        for c in competencies for b in sorted(c.behaviours, key=lambda b: b.level)
    ]
    roles = sorted(catalogue.roles, key=lambda r: r.id)
    rows["roles"] = [
        {"id": r.id, "title": r.title, "family": r.family, "level": r.level, "job_code": r.job_code,
         "soc_code": r.soc_code, "summary": r.summary, "responsibilities": r.responsibilities,
         "education": r.education, "reports_to": r.reports_to, "unpublished": r.unpublished,
         "unpublished_unknown": True if r.unpublished_unknown else None, "note": r.note,
         "source": r.source}
        for r in roles
    ]
    rows["alt_titles"] = [{"role": r.id, "title": t} for r in roles for t in sorted(set(r.alt_titles))]
    rows["pay"] = [
        {"role": r.id, "source": b.source, "region": b.region, "currency": b.currency, "basis": b.basis.value,
         "period": b.period.value, **{p: export_number(getattr(b, p)) for p in
                                      ("p10", "p25", "p50", "p75", "p90", "mean", "entry", "experienced")},
         "lower_bounds": ";".join(b.lower_bounds) or None, "as_of": _str(b.as_of), "covers": b.covers,
         "note": b.note}
        # earlier releases of a series too; importing splits them off again by release date
        for r in roles for b in r.pay_history + r.salaries
    ]
    rows["requirements"] = [
        {"role": r.id, "competency": q.competency, "level": export_number(q.level), "level_word": q.level_word,
         "importance": export_number(q.importance), "suppressed": True if q.suppressed else None,
         "not_relevant": True if q.not_relevant else None, "standard_error": export_number(q.standard_error),
         "source": q.source or r.source}
        for r in roles for q in r.requirements
    ]
    rows["experience"] = [
        {"role": r.id, "category": s.category, "label": s.label, "share": export_number(s.share),
         "respondents": r.experience.respondents, "as_of": r.experience.as_of,
         "suppressed": True if r.experience.suppressed else None, "source": r.experience.source}
        for r in roles if r.experience is not None for s in r.experience.shares
    ]
    rows["transitions"] = [
        {"from_role": t.from_role, "to_role": t.to_role, "kind": t.kind.value, "basis": t.basis, "tier": t.tier,
         "source": t.source}
        for t in sorted(catalogue.transitions, key=lambda t: (t.from_role, t.to_role))
    ]
    return rows


def export_catalogue(catalogue_path: Path, out: Path, fmt: Optional[str] = None) -> Catalogue:
    """Write the compiled catalogue at `catalogue_path` to `out` as json, csv or xlsx."""
    fmt = fmt or detect_format(Path(out)) or "json"
    repo = CatalogueRepository(catalogue_path)
    try:
        catalogue = catalogue_from_repository(repo)
    finally:
        repo.close()
    write_tables(catalogue_to_tables(catalogue), Path(out), fmt)
    return catalogue
