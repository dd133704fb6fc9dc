"""Assemble a whole catalogue (or the parts of a source file) from O*NET and, optionally, OEWS wages."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Optional, Union

from career_explorer.data.importers.errors import Cancelled
from career_explorer.data.importers.oews import OEWS_SOURCE, OewsRow, band_for, major_group_titles, read_oews
from career_explorer.data.importers.onet import Cancel, OnetData, Progress, read_onet
from career_explorer.domain.catalogue import Catalogue, CatalogueInfo, Role

PathLike = Union[str, Path]


def attach_wages(roles: Iterable[Role], rows: Mapping[str, OewsRow]) -> tuple[Role, ...]:
    """Roles with their OEWS band added (replacing an earlier band from the same source)."""
    result = []
    for role in roles:
        band = band_for(role.soc_code, rows) if role.soc_code else None
        if band is None:
            result.append(role)
            continue
        salaries = tuple(s for s in role.salaries if s.source != band.source) + (band,)
        result.append(role.model_copy(update={"salaries": salaries}))
    return tuple(result)


def build_onet_parts(
    onet_path: PathLike,
    wages_path: Optional[PathLike] = None,
    soc_codes: Optional[Iterable[str]] = None,
    *,
    include_knowledge: bool = True,
    progress: Progress = None,
    cancel: Cancel = None,
) -> dict[str, tuple]:
    """Sections of a catalogue source file (sources, scales, ... transitions) from O*NET (+ OEWS)."""

    def part(start: float, span: float) -> Progress:
        if progress is None:
            return None
        return lambda fraction, message: progress(start + span * fraction, message)

    rows: dict[str, OewsRow] = {}
    onet_span = 0.85
    if wages_path is not None:
        rows = read_oews(wages_path, progress=part(0.0, 0.1), cancel=cancel)
        onet_span = 0.8
    start = 0.1 if wages_path is not None else 0.0
    data: OnetData = read_onet(
        onet_path,
        soc_codes,
        include_knowledge=include_knowledge,
        family_names=major_group_titles(rows) if rows else None,
        progress=part(start, onet_span),
        cancel=cancel,
    )
    parts = dict(data.parts())
    if rows:
        if cancel is not None and cancel():
            raise Cancelled("the O*NET import was cancelled")
        if progress is not None:
            progress(0.92, "Adding OEWS wages")
        parts["roles"] = attach_wages(data.roles, rows)
        parts["sources"] = tuple(sorted(parts["sources"] + (OEWS_SOURCE,), key=lambda s: s.id))
    if progress is not None:
        progress(1.0, "O*NET import ready")
    return parts


def build_onet_catalogue(
    onet_path: PathLike,
    wages_path: Optional[PathLike] = None,
    soc_codes: Optional[Iterable[str]] = None,
    progress: Progress = None,
    cancel: Cancel = None,
    *,
    include_knowledge: bool = True,
) -> Catalogue:
    """A whole Catalogue from an O*NET release folder/zip and, optionally, the OEWS national xlsx."""
    parts = build_onet_parts(
        onet_path, wages_path, soc_codes, include_knowledge=include_knowledge, progress=progress, cancel=cancel
    )
    name = "O*NET" + (" with OEWS May 2024" if wages_path is not None else "")
    description = (
        "Occupations, skills" + (", knowledge" if include_knowledge else "") + ", job zones and related "
        "occupations from the O*NET 29.0 Database (USDOL/ETA, CC BY 4.0)"
        + ("; national wages from BLS OEWS May 2024." if wages_path is not None else ".")
    )
    info = CatalogueInfo(name=name, version="29.0", description=description)
    return Catalogue(info=info, **parts)
