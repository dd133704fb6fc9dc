"""Assemble a whole catalogue (or the parts of a source file) from O*NET and, optionally, OEWS wages.

Any number of OEWS national releases may be given. The latest becomes each occupation's current pay
(``Role.salaries``); earlier ones become its wage history (``Role.pay_history``). A release that lacks
an occupation (or codes it differently: SOC codes change between releases) simply has no figure for it;
nothing is carried over from another year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from career_explorer.data.importers.errors import Cancelled, SourceFormatError
from career_explorer.data.importers.oews import OewsRows, band_for, major_group_titles, read_oews
from career_explorer.data.importers.onet import OnetData, read_onet
from career_explorer.domain.catalogue import Catalogue, CatalogueInfo, Role
from career_explorer.domain.progress import CancelCheck, Progress

PathLike = Union[str, Path]
WagePaths = Union[None, PathLike, Sequence[PathLike]]


def _as_list(wages: WagePaths) -> list[Path]:
    if wages is None:
        return []
    if isinstance(wages, (str, Path)):
        return [Path(wages)]
    return [Path(w) for w in wages]


def attach_wages(roles: Iterable[Role], releases: Sequence[OewsRows]) -> tuple[Role, ...]:
    """Roles with OEWS pay: the latest release in `salaries`, earlier ones in `pay_history`.

    `releases` must be sorted oldest first. A band from the same source replaces an earlier one.
    """
    if not releases:
        return tuple(roles)
    ids = {rows.release.source_id for rows in releases}
    result = []
    for role in roles:
        bands = [band_for(role.soc_code, rows) if role.soc_code else None for rows in releases]
        current, history = bands[-1], [b for b in bands[:-1] if b is not None]
        if current is None and not history:
            result.append(role)
            continue
        salaries = tuple(s for s in role.salaries if s.source not in ids) + ((current,) if current else ())
        past = tuple(s for s in role.pay_history if s.source not in ids) + tuple(history)
        result.append(role.model_copy(update={"salaries": salaries, "pay_history": past}))
    return tuple(result)


def read_releases(wages: WagePaths, progress: Optional[Progress] = None,
                  cancel: Optional[CancelCheck] = None) -> list[OewsRows]:
    """Read every OEWS workbook, oldest release first; two files of one release are an error."""
    paths = _as_list(wages)
    releases: list[OewsRows] = []
    seen: dict[str, Path] = {}
    for number, path in enumerate(paths):
        def scaled(fraction: float, message: str, number: int = number) -> None:
            if progress is not None:
                progress((number + fraction) / len(paths), message)

        rows = read_oews(path, progress=scaled, cancel=cancel)
        key = rows.release.source_id
        if key in seen:
            raise SourceFormatError(
                str(path), f"holds the {rows.release.label} release, as {seen[key]} does; give each release once"
            )
        seen[key] = path
        releases.append(rows)
    return sorted(releases, key=lambda rows: rows.release.as_of)


def build_onet_parts(
    onet_path: PathLike,
    wages: WagePaths = None,
    soc_codes: Optional[Iterable[str]] = None,
    *,
    include_knowledge: bool = True,
    progress: Optional[Progress] = None,
    cancel: Optional[CancelCheck] = None,
) -> dict[str, tuple]:
    """Sections of a catalogue source file (sources, scales, ... transitions) from O*NET (+ OEWS)."""

    def part(start: float, span: float) -> Progress:
        if progress is None:
            return None
        return lambda fraction, message: progress(start + span * fraction, message)

    paths = _as_list(wages)
    wage_span = min(0.1 * len(paths), 0.4)
    releases = read_releases(paths, progress=part(0.0, wage_span), cancel=cancel) if paths else []
    data: OnetData = read_onet(
        onet_path,
        soc_codes,
        include_knowledge=include_knowledge,
        family_names=major_group_titles(releases[-1]) if releases else None,
        progress=part(wage_span, 0.9 - wage_span),
        cancel=cancel,
    )
    parts = dict(data.parts())
    if releases:
        if cancel is not None and cancel():
            raise Cancelled("the O*NET import was cancelled")
        if progress is not None:
            progress(0.92, "Adding OEWS wages")
        parts["roles"] = attach_wages(data.roles, releases)
        extra = tuple(rows.release.source() for rows in releases)
        parts["sources"] = tuple(sorted(parts["sources"] + extra, key=lambda s: s.id))
    if progress is not None:
        progress(1.0, "O*NET import ready")
    return parts


def wage_label(sources: Iterable) -> str:
    """"BLS OEWS May 2020 to May 2024" for the OEWS sources among `sources` ('' when none)."""
    labels = [s.short_name.removeprefix("BLS OEWS ") for s in sources if s.series and s.short_name]
    if not labels:
        return ""
    return f"BLS OEWS {labels[0]}" if len(labels) == 1 else f"BLS OEWS {labels[0]} to {labels[-1]}"


def build_onet_catalogue(
    onet_path: PathLike,
    wages: WagePaths = None,
    soc_codes: Optional[Iterable[str]] = None,
    progress: Optional[Progress] = None,
    cancel: Optional[CancelCheck] = None,
    *,
    include_knowledge: bool = True,
) -> Catalogue:
    """A whole Catalogue from an O*NET release folder/zip and, optionally, OEWS national workbooks."""
    parts = build_onet_parts(
        onet_path, wages, soc_codes, include_knowledge=include_knowledge, progress=progress, cancel=cancel
    )
    series = sorted((s for s in parts["sources"] if s.series), key=lambda s: s.id)
    wages_text = wage_label(series)
    name = "O*NET" + (f" with {wages_text}" if wages_text else "")
    description = (
        "Occupations, skills" + (", knowledge" if include_knowledge else "") + ", job zones and related "
        "occupations from the O*NET 29.0 Database (USDOL/ETA, CC BY 4.0)"
        + (f"; national wages from {wages_text}." if wages_text else ".")
    )
    info = CatalogueInfo(name=name, version="29.0", description=description)
    return Catalogue(info=info, **parts)
