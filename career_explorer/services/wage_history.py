"""A role's wage history from the catalogue's wage survey series (BLS OEWS releases)."""

from __future__ import annotations

from typing import Optional

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.domain.catalogue import Role
from career_explorer.domain.wage_history import WageHistory, WagePoint


def _history_of(repo: CatalogueRepository, role: Role) -> Optional[WageHistory]:
    dates = repo.release_dates
    bands = {b.source: b for b in role.pay_history + role.salaries if b.source in dates}
    if not bands:
        return None
    series = repo.sources[next(iter(bands))].series
    releases = sorted((d, sid) for sid, d in dates.items() if repo.sources[sid].series == series)
    points = tuple(
        WagePoint(source=sid, source_label=repo.sources[sid].label, as_of=d, band=bands.get(sid))
        for d, sid in releases
    )
    covers = next((b.covers for b in bands.values() if b.covers), None)
    return WageHistory(series=series, points=points, covers=covers)


def wage_history(repo: CatalogueRepository, role: Role) -> Optional[WageHistory]:
    """Every release of the series for `role`, oldest first; None when the catalogue has no figures.

    A role with no figures of its own (a curated Salary.com role, say) borrows the history of the
    occupation the catalogue links it to, and says so in `via_title`.
    """
    own = _history_of(repo, role)
    if own is not None or not repo.release_dates:
        return own
    for other_id in repo.related_role_ids(role.id):
        other = repo.role(other_id)
        if other is None:
            continue
        borrowed = _history_of(repo, other)
        if borrowed is not None:
            code = f" (SOC {other.soc_code})" if other.soc_code else ""
            return borrowed.model_copy(update={"via_title": f"{other.title}{code}"})
    return None
