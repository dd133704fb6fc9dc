"""Browse: search as you type and filter over role summaries loaded once per catalogue.

Everything here reads plain rows (CatalogueFile, domain.role_listing), never the validated models, so
Browse fills as the first view before pydantic has loaded."""

from __future__ import annotations

import re
import weakref
from functools import cached_property
from itertools import compress
from typing import Callable, Optional

from career_explorer.data.catalogue_file import CatalogueFile
from career_explorer.data.role_search_index import RoleSearchIndex
from career_explorer.domain.role_listing import (
    BrowseFacets,
    FamilyChoice,
    LevelChoice,
    RoleFilter,
    RoleSummary,
    Track,
)

SORT_KEYS = ("title", "family", "level", "job_code", "median_base", "source")
_TRACK_ORDER = {t: i for i, t in enumerate(Track)}


def _sort_value(key: str, source_names: dict[str, str]) -> Callable[[RoleSummary], object]:
    """The value a column sorts by; None sorts last in either direction."""
    if key == "title":
        return lambda s: (s.title.casefold(), s.id)
    if key == "family":
        return lambda s: s.family_name.casefold()
    if key == "level":
        return lambda s: None if s.level is None else (s.ladder or "", s.level_rank or 0, s.level)
    if key == "median_base":
        return lambda s: s.median_base
    if key == "job_code":
        return lambda s: s.job_code.casefold() if s.job_code else None
    if key == "source":
        return lambda s: source_names.get(s.source, s.source).casefold()
    raise ValueError(f"cannot sort by {key!r}; use one of {', '.join(SORT_KEYS)}")


class RoleBrowser:
    """Role summaries of one catalogue with fast search, filters and sorting.

    Built once per catalogue (see `browser_for`); each keystroke costs one FTS5 query over rowids and
    list work over precomputed positions, never a re-read of the summaries. The job levels and families
    it offers are those the summaries name.
    """

    def __init__(self, catalogue: CatalogueFile) -> None:
        # No reference to `catalogue` is kept, so the per-catalogue cache can let it go.
        self._sources = catalogue.source_names
        self.source_names = catalogue.source_labels
        self.summaries: list[RoleSummary] = catalogue.role_summaries()
        self.levels = {s.level: LevelChoice(s.level, s.level_name, s.ladder, s.level_rank, s.track)
                       for s in self.summaries if s.level}
        self._position = {s.id: i for i, s in enumerate(self.summaries)}
        self._index = RoleSearchIndex(catalogue.path)
        self._orders: dict[tuple[str, bool], tuple[list[int], list[int]]] = {}
        self._places: dict[tuple[str, bool], list[int]] = {}

    def close(self) -> None:
        self._index.close()

    # Built on the first search, not while the catalogue loads: Browse opens with no search typed.

    @cached_property
    def _rowid_position(self) -> list[Optional[int]]:
        """Each search-index rowid's position in `summaries` (see RoleSearchIndex)."""
        return [self._position.get(rid) if rid else None for rid in self._index.role_ids]

    @cached_property
    def _title_words(self) -> list[str]:
        """Each title as " word word ...", to test "every typed word starts a title word" quickly."""
        return [" " + " ".join(re.findall(r"\w+", s.title.lower())) for s in self.summaries]

    def summary(self, role_id: str) -> Optional[RoleSummary]:
        pos = self._position.get(role_id)
        return None if pos is None else self.summaries[pos]

    def facets(self) -> BrowseFacets:
        summaries = self.summaries
        families = sorted({FamilyChoice(s.family, s.family_name) for s in summaries}, key=lambda f: (f.name, f.id))
        sources = {s.source for s in summaries}
        pays = [s.median_base for s in summaries if s.median_base is not None]
        levels = sorted(self.levels.values(), key=lambda lv: (lv.ladder or "", lv.rank or 0, lv.code))
        return BrowseFacets(
            families=tuple(families),
            tracks=tuple(sorted({s.track for s in summaries if s.track}, key=_TRACK_ORDER.__getitem__)),
            sources=tuple(src for sid, src in self._sources.items() if sid in sources),
            levels=tuple(levels),
            pay_min=min(pays, default=None), pay_max=max(pays, default=None),
        )

    # -- searching ----------------------------------------------------------------------

    def search(
        self, query: str = "", filters: Optional[RoleFilter] = None, sort: Optional[str] = None,
        descending: bool = False,
    ) -> list[RoleSummary]:
        """Roles matching every word of `query` (as prefixes) and `filters`.

        Order: `sort` when given; otherwise best match first (titles that match first) when the hits are
        few enough to rank, else by title.
        """
        positions = self.search_positions(query, sort, descending)
        summaries = self.summaries
        if filters is not None and filters.active:
            keep = self._predicate(filters)
            return [summaries[p] for p in positions if keep(summaries[p])]
        return [summaries[p] for p in positions]

    def search_positions(self, query: str, sort: Optional[str] = None, descending: bool = False) -> list[int]:
        """Positions (in `summaries`) of the roles matching `query`, in the order `search` describes."""
        order, _rank = self._order(sort or "title", descending)
        rowids, ranked = self._index.match_rowids(query)
        if rowids is None:
            return list(order)
        if ranked:
            lookup, size = self._rowid_position, len(self._rowid_position)
            found = [p for p in (lookup[r] for r in rowids if r < size) if p is not None]
            if sort is None:
                return self._titles_first(found, re.findall(r"\w+", query.lower()))
            return self._ordered(found, sort, descending)
        # Many hits: mark each hit's place in the precomputed order, then keep the marked places.
        where = self._rowid_places(sort or "title", descending)
        mask = bytearray(len(order) + 1)
        for r in rowids:
            mask[where[r]] = 1
        return list(compress(order, mask))

    def _titles_first(self, positions: list[int], words: list[str]) -> list[int]:
        """Roles whose own title matches every word first, keeping the relevance order otherwise."""
        titles, prefixes = self._title_words, [" " + w for w in words]
        hits = [all(w in titles[p] for w in prefixes) for p in positions]
        return [p for p, h in zip(positions, hits) if h] + [p for p, h in zip(positions, hits) if not h]

    def _predicate(self, f: RoleFilter) -> Callable[[RoleSummary], bool]:
        checks: list[Callable[[RoleSummary], bool]] = []
        if f.families:
            checks.append(lambda s, v=f.families: s.family in v)
        if f.tracks:
            checks.append(lambda s, v=f.tracks: s.track in v)
        if f.sources:
            checks.append(lambda s, v=f.sources: s.source in v)
        for code, is_low in ((f.level_from, True), (f.level_to, False)):
            if code is None:
                continue
            level = self.levels.get(code)
            if level is None:
                raise ValueError(f"unknown job level {code!r}")
            if is_low:
                checks.append(lambda s, lad=level.ladder, r=level.rank:
                              s.ladder == lad and s.level_rank is not None and s.level_rank >= r)
            else:
                checks.append(lambda s, lad=level.ladder, r=level.rank:
                              s.ladder == lad and s.level_rank is not None and s.level_rank <= r)
        if f.pay_min is not None:
            checks.append(lambda s, v=f.pay_min: s.median_base is not None and s.median_base >= v)
        if f.pay_max is not None:
            checks.append(lambda s, v=f.pay_max: s.median_base is not None and s.median_base <= v)
        if len(checks) == 1:
            return checks[0]
        return lambda s: all(check(s) for check in checks)

    # -- ordering -----------------------------------------------------------------------

    def order(self, rows: list[RoleSummary], key: str, descending: bool = False) -> list[RoleSummary]:
        """`rows` (summaries of this catalogue) sorted by a SORT_KEYS key; missing values last."""
        position = self._position
        positions = [position[r.id] for r in rows]
        summaries = self.summaries
        return [summaries[p] for p in self._ordered(positions, key, descending)]

    def _order(self, key: str, descending: bool) -> tuple[list[int], list[int]]:
        """All positions in this order, and each position's rank in it; computed once per key."""
        cached = self._orders.get((key, descending))
        if cached is None:
            value = _sort_value(key, self.source_names)
            keyed = [(value(s), i) for i, s in enumerate(self.summaries)]
            present = sorted((k, i) for k, i in keyed if k is not None)
            missing = [i for k, i in keyed if k is None]
            order = [i for _, i in present]
            if descending:
                order.reverse()
            order += missing
            rank = [0] * len(order)
            for n, pos in enumerate(order):
                rank[pos] = n
            cached = self._orders[(key, descending)] = (order, rank)
        return cached

    def _rowid_places(self, key: str, descending: bool) -> list[int]:
        """For each FTS rowid, its role's place in this order (rowids without a role: past the end)."""
        cached = self._places.get((key, descending))
        if cached is None:
            _order, rank = self._order(key, descending)
            outside = len(rank)
            cached = [outside if p is None else rank[p] for p in self._rowid_position]
            self._places[(key, descending)] = cached
        return cached

    def _ordered(self, positions: list[int], key: str, descending: bool) -> list[int]:
        order, rank = self._order(key, descending)
        if len(positions) * 8 > len(order):
            mask = bytearray(len(order))
            for p in positions:
                mask[rank[p]] = 1
            return list(compress(order, mask))
        return sorted(positions, key=rank.__getitem__)


_BROWSERS: "weakref.WeakKeyDictionary[CatalogueFile, RoleBrowser]" = weakref.WeakKeyDictionary()


def browser_for(catalogue: CatalogueFile) -> RoleBrowser:
    """The one RoleBrowser of `catalogue`, built on first use."""
    browser = _BROWSERS.get(catalogue)
    if browser is None:
        browser = _BROWSERS[catalogue] = RoleBrowser(catalogue)
    return browser


def hand_over_browser(opened: CatalogueFile, repo: CatalogueFile) -> None:
    """`repo` took over `opened` (CatalogueRepository.from_file): it keeps the browser the first view built."""
    browser = _BROWSERS.get(opened)
    if browser is not None:
        _BROWSERS.setdefault(repo, browser)
