"""Completions for the role pickers: titles and alternate titles matching typed word prefixes, best first.

Each keystroke runs a few queries on the catalogue's FTS5 index (`role_search`, one row per role). Every
query reads at most CANDIDATES rows, so a one-letter prefix over 100,000 roles costs about what a long,
selective query does; those few hundred candidates are ranked here. Nothing is read ahead of typing.

Ranking, best first: a role's own title, then alternate titles (each names another role's work, so a
title with the same words is the better guess). Within each: what was typed exactly (ignoring case,
accents and punctuation), then one starting with the typed words in order, then any with every word;
then shorter first (fewer words beside the typed ones), then alphabetical order.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Iterator, NamedTuple, Optional

from career_explorer.domain.catalogue import TitleMatch

# Rows read per query. Past this many hits (a letter or two over a large catalogue) a query is too
# unselective for the rest to matter, and the titles starting with the typed words were read first.
CANDIDATES = 300
ALTERNATE_ROWS = 150  # the same for rows read for their alternate titles: an O*NET row joins ~60
ALTERNATE_CANDIDATES = 300  # alternate titles ranked at most, for the same reason
ALTERNATES_PER_ROLE = 3  # an O*NET occupation has ~60 alternate titles; let other roles show too
_ALT_COLUMNS = "role_id, title, alt_titles"
_SEPARATOR = " | "  # how the compiler joins a role's alternate titles in the index
_WORD = re.compile(r"[^\W_]+")  # a token of FTS5's unicode61 tokenizer: a run of letters and digits
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # combining


def fold(text: str) -> str:
    """Lower case without accents, as the index's tokenizer (remove_diacritics) sees text."""
    if text.isascii():  # nearly every title: skip the decomposition, which costs ~20 times more
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _leading(column: str, typed: list[str], prefix: bool = True) -> str:
    """The column starts with the typed words, in order (each a prefix unless `prefix` is False)."""
    star = "*" if prefix else ""
    return f"{{{column}}} : ^" + " + ".join(f'"{w}"{star}' for w in typed)


def _phrase(column: str, typed: list[str]) -> str:
    """The typed words as whole words, in order, anywhere in the column."""
    return f"{{{column}}} : " + " + ".join(f'"{w}"' for w in typed)


def _every_word(column: str, typed: list[str]) -> str:
    """Every typed word as a word prefix, anywhere in the column."""
    return f"{{{column}}} : (" + " ".join(f'"{w}"*' for w in typed) + ")"


def _rows(conn: sqlite3.Connection, expression: str, columns: str = "role_id, title") -> sqlite3.Cursor:
    # FTS5 returns hits in rowid order, so the LIMIT stops the scan early instead of ranking every hit.
    limit = ALTERNATE_ROWS if "alt_titles" in columns else CANDIDATES
    return conn.execute(f"SELECT {columns} FROM role_search WHERE role_search MATCH ? LIMIT {limit}", (expression,))


def _alternates(alt_titles: str, typed: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Each alternate title in a row's joined text that holds every typed word, with its words."""
    folded = fold(alt_titles).split(_SEPARATOR)
    # Substring tests first, the longest word first: cheap, and they rule out most of an O*NET row's titles.
    longest, *others = sorted(typed, key=len, reverse=True)
    hits = [i for i, alt in enumerate(folded) if longest in alt]
    for word in others:
        hits = [i for i in hits if word in folded[i]]
    if hits:
        originals = alt_titles.split(_SEPARATOR)
        for i in hits:
            tokens = _WORD.findall(folded[i])
            if all(any(t.startswith(w) for t in tokens) for w in typed):
                yield originals[i], tokens


def _rank(typed: list[str], tokens: list[str], is_alternate: bool) -> int:
    """0-2 for a title, 3-5 for an alternate title: exact, starting with the typed words, other."""
    if tokens == typed:
        rank = 0
    elif len(tokens) >= len(typed) and all(t.startswith(w) for w, t in zip(typed, tokens)):
        rank = 1
    else:
        rank = 2
    return rank + 3 if is_alternate else rank


class _Candidate(NamedTuple):
    rank: int
    length: int
    key: str
    role_id: str
    title: str
    matched: str

    @property
    def is_alternate(self) -> bool:
        return self.rank >= 3


class _Candidates:
    """Hits gathered from several queries, each title or alternate title of a role once."""

    def __init__(self, typed: list[str]) -> None:
        self.typed = typed
        self.found: dict[tuple[str, str, bool], _Candidate] = {}

    def add(self, role_id: str, title: str, matched: str, tokens: list[str], is_alternate: bool) -> None:
        key = (role_id, matched.casefold(), is_alternate)
        if key not in self.found:
            rank = _rank(self.typed, tokens, is_alternate)
            self.found[key] = _Candidate(rank, len(tokens), matched.casefold(), role_id, title, matched)

    def add_titles(self, rows) -> None:
        for role_id, title in rows:
            tokens = _WORD.findall(fold(title))
            if all(any(t.startswith(w) for t in tokens) for w in self.typed):
                self.add(role_id, title, title, tokens, False)

    def add_alternates(self, rows, exact: bool = False) -> None:
        for role_id, title, alt_titles in rows:
            for alt, tokens in _alternates(alt_titles, self.typed):
                if (tokens == self.typed or not exact) and alt.casefold() != title.casefold():
                    self.add(role_id, title, alt, tokens, True)
            if len(self.found) >= ALTERNATE_CANDIDATES:
                break  # a prefix common in O*NET's 58,000 alternate titles: rank the first few hundred

    def best(self, limit: int) -> list[_Candidate]:
        chosen, alternates = [], {}
        for c in sorted(self.found.values()):
            if c.is_alternate:
                alternates[c.role_id] = alternates.get(c.role_id, 0) + 1
                if alternates[c.role_id] > ALTERNATES_PER_ROLE:
                    continue
            chosen.append(c)
            if len(chosen) == limit:
                break
        return chosen


def title_matches(conn: sqlite3.Connection, text: str, limit: int = 15) -> list[TitleMatch]:
    """The `limit` best titles and alternate titles holding every word of `text` as a word prefix."""
    typed = words(text)
    if not typed or limit <= 0:
        return []
    found = _Candidates(typed)
    found.add_titles(_rows(conn, _leading("title", typed, prefix=False)))  # an exact title, however common
    found.add_titles(_rows(conn, _leading("title", typed)))
    # Each later query finds only what ranks below the rows already found, so it runs only to fill the list.
    if len(found.found) < limit:
        found.add_titles(_rows(conn, _every_word("title", typed)))
    if len(found.found) < limit:
        found.add_alternates(_rows(conn, _phrase("alt_titles", typed), _ALT_COLUMNS), exact=True)
    if len(found.found) < limit:
        found.add_alternates(_rows(conn, _every_word("alt_titles", typed), _ALT_COLUMNS))
    chosen = found.best(limit)
    details = _details(conn, {c.role_id for c in chosen})
    return [TitleMatch(role_id=c.role_id, title=c.title, matched=c.matched, is_alternate=c.is_alternate,
                       level=details[c.role_id][0], source_name=details[c.role_id][1])
            for c in chosen]


def _details(conn: sqlite3.Connection, role_ids: set[str]) -> dict[str, tuple[Optional[str], Optional[str]]]:
    """Level and source name of a few roles, to tell apart roles that share a title."""
    if not role_ids:
        return {}
    marks = ", ".join("?" * len(role_ids))
    # The names people read: the level's name ("Job Zone 3 (medium preparation)") and the source's
    # short name where the catalogue has those columns (schema 2).
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sources)")}
    source = "coalesce(s.short_name, s.name)" if "short_name" in columns else "s.name"
    rows = conn.execute(f"SELECT r.id, coalesce(l.name, r.level), {source} FROM roles r "
                        f"LEFT JOIN sources s ON s.id = r.source LEFT JOIN job_levels l ON l.code = r.level "
                        f"WHERE r.id IN ({marks})", tuple(role_ids))
    found = {role_id: (level, source) for role_id, level, source in rows}
    return {role_id: found.get(role_id, (None, None)) for role_id in role_ids}


def roles_named(conn: sqlite3.Connection, text: str, most: int = 2) -> list[str]:
    """Role ids that `text` names, up to `most`; one id means `text` picks that role.

    In the order of the ranking: the roles whose title is `text`; else those whose title holds every typed
    word as a word prefix; else those with an alternate title that is `text`; else those with an alternate
    title holding every word.
    """
    typed = words(text)
    if not typed:
        return []
    exact = [role_id for role_id, title in _rows(conn, _leading("title", typed, prefix=False))
             if words(title) == typed]
    if exact:
        return list(dict.fromkeys(exact))[:most]
    named = [role_id for role_id, _title in _rows(conn, _every_word("title", typed))][:most]
    if named:
        return named
    found = _Candidates(typed)
    found.add_alternates(_rows(conn, _phrase("alt_titles", typed), _ALT_COLUMNS), exact=True)
    if found.found:
        return list(dict.fromkeys(c.role_id for c in found.found.values()))[:most]
    for role_id, _title, alt_titles in _rows(conn, _every_word("alt_titles", typed), _ALT_COLUMNS):
        if next(_alternates(alt_titles, typed), None) is not None:
            named.append(role_id)
            if len(named) == most:
                break
    return named


def role_title(conn: sqlite3.Connection, role_id: str) -> Optional[str]:
    row = conn.execute("SELECT title FROM roles WHERE id = ?", (role_id,)).fetchone()
    return None if row is None else row[0]
