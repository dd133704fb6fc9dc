"""What a catalogue holds and where each part comes from, in words for the status bar, About and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Optional, Sequence, Union

from career_explorer.data.catalogue_file import COUNTED, CatalogueFile
from career_explorer.domain.role_listing import SourceName

if TYPE_CHECKING:  # the status bar's line is read before pydantic loads: see data.catalogue_file
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.domain.catalogue import Source


@dataclass(frozen=True)
class SourcePart:
    """One source and what it gives the catalogue (None: not counted, see source_parts)."""

    source: Union["Source", SourceName]  # both have a label and a series
    roles: int
    pay: int
    requirements: Optional[int] = None
    transitions: Optional[int] = None


def source_parts(repo: CatalogueRepository, kinds: Sequence[str] = COUNTED) -> list[SourcePart]:
    """Every source with its counts: those that define roles first (most first), then the rest by name.

    Only `kinds` are counted (roles and pay always are); the others stay None.
    """
    return _parts(repo, repo.sources, kinds)


def _parts(catalogue: CatalogueFile, sources: Mapping[str, Union["Source", SourceName]],
           kinds: Sequence[str]) -> list[SourcePart]:
    kinds = tuple(dict.fromkeys(("roles", "pay", *kinds)))
    counts = catalogue.source_counts(kinds)
    parts = [SourcePart(source, **counts.get(sid, dict.fromkeys(kinds, 0))) for sid, source in sources.items()]
    return sorted(parts, key=lambda p: (-p.roles, p.pay == 0, p.source.label.casefold()))


def _series_span(parts: list[SourcePart]) -> list[str]:
    """"BLS OEWS May 2020 to May 2024" for each wage series with pay figures."""
    by_series: dict[str, list[SourcePart]] = {}
    for part in parts:
        if part.source.series and part.pay:
            by_series.setdefault(part.source.series, []).append(part)
    texts = []
    for members in by_series.values():
        labels = sorted(m.source.label for m in members)
        first, last = labels[0].split(), labels[-1].split()
        if len(labels) == 1:
            texts.append(labels[0])
            continue
        shared = 0
        while shared < min(len(first), len(last)) - 1 and first[shared] == last[shared]:
            shared += 1
        # Keep the word before the first difference ("May"), so the end reads as a date.
        texts.append(f"{' '.join(first)} to {' '.join(last[max(shared - 1, 0):])}")
    return texts


def contents_line(catalogue: CatalogueFile) -> str:
    """"1,029 roles: 1,016 from O*NET 29.0, 8 from Salary.com, 5 more; wages BLS OEWS May 2020 to May 2024".

    It is on the start-up path: plain source names, no requirement counts."""
    parts = _parts(catalogue, catalogue.source_names, ("roles", "pay"))
    total = catalogue.role_count()
    with_roles = [p for p in parts if p.roles]
    named = [f"{p.roles:,} from {p.source.label}" for p in with_roles[:2]]
    rest = sum(p.roles for p in with_roles[2:])
    if rest:
        named.append(f"{rest:,} more")
    line = f"{total:,} roles" + (f": {', '.join(named)}" if named else "")
    wages = _series_span(parts)
    if wages:
        line += f"; wages {', '.join(wages)}"
    return line
