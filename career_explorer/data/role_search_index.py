"""The one role search: the FTS5 query and its weights, for Browse (rowids, on its own read-only
connection) and for the repository's `search_ids` (role ids) alike.

A query without words matches every role, wherever it is asked.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Optional

from career_explorer.data.errors import CatalogueCorrupt

# Ranking every hit by bm25 costs ~1 us per hit; beyond this many hits (a one- or two-letter
# prefix over a large catalogue) the order of the current sort is more useful than relevance.
RANK_LIMIT = 5000
# Relevance: a title hit counts 10, alternate titles and job codes 5, the summary 1.
RANKED = "ORDER BY bm25(role_search, 0, 10, 5, 5, 1)"


def match_expression(query: str) -> str:
    """FTS5 MATCH text: every word of `query` as a quoted prefix; '' when there are no words.

    Words are letters and digits only, as the index's tokenizer splits them ("foo_bar" is two words).
    """
    return " ".join(f'"{w}"*' for w in re.findall(r"[^\W_]+", query.lower()))


def ranked_role_ids(conn: sqlite3.Connection, query: str, limit: Optional[int] = None) -> Optional[list[str]]:
    """Role ids matching every word of `query` as a prefix, best first; None when it has no words (all roles)."""
    expression = match_expression(query)
    if not expression:
        return None
    sql = f"SELECT role_id FROM role_search WHERE role_search MATCH ? {RANKED}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r for (r,) in conn.execute(sql, (expression,))]


class RoleSearchIndex:
    """Role ids by FTS5 rowid, and queries that return rowids (cheap) rather than rows.

    The rowid -> role id map is read on the first search, not on opening: reading it reads every
    role's indexed row (alternate titles and summary too), and Browse opens with no search typed.
    """

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        self._role_ids: Optional[list[str | None]] = None
        self._size = 0
        try:
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._conn.execute("SELECT rowid, role_id FROM role_search LIMIT 0").fetchall()  # it is there
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def _unreadable(self, exc: sqlite3.DatabaseError) -> CatalogueCorrupt:
        return CatalogueCorrupt(self._path, f"the search index cannot be read ({exc})")

    @property
    def role_ids(self) -> list[str | None]:
        """The role id of each rowid (None where no row has that rowid)."""
        return self._load()[0]

    @property
    def size(self) -> int:
        """How many roles the index holds."""
        return self._load()[1]

    def _load(self) -> tuple[list[str | None], int]:
        if self._role_ids is None:
            try:
                pairs = self._conn.execute("SELECT rowid, role_id FROM role_search").fetchall()
            except sqlite3.DatabaseError as exc:
                raise self._unreadable(exc) from None
            role_ids: list[str | None] = [None] * (max((rowid for rowid, _ in pairs), default=0) + 1)
            for rowid, role_id in pairs:
                role_ids[rowid] = role_id
            self._role_ids, self._size = role_ids, len(pairs)
        return self._role_ids, self._size

    def close(self) -> None:
        self._conn.close()

    def match_rowids(self, query: str) -> tuple[Optional[list[int]], bool]:
        """Rowids matching every word of `query` as a prefix, and whether they are in relevance order.

        None instead of a list means every role matches (no words, or a common one-letter prefix).
        """
        expression = match_expression(query)
        if not expression:
            return None, False
        try:
            count = self._conn.execute(
                "SELECT count(*) FROM role_search WHERE role_search MATCH ?", (expression,)
            ).fetchone()[0]
            if count == 0:
                return [], False
            if count == self.size > RANK_LIMIT:
                return None, False
            if count <= RANK_LIMIT:
                sql = f"SELECT rowid FROM role_search WHERE role_search MATCH ? {RANKED}"
                rowids = [r for (r,) in self._conn.execute(sql, (expression,))]
            else:
                sql = "SELECT json_group_array(rowid) FROM role_search WHERE role_search MATCH ?"
                rowids = json.loads(self._conn.execute(sql, (expression,)).fetchone()[0])
        except sqlite3.OperationalError:  # FTS5 refuses some queries; no hits, not an error
            return [], False
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(self._path, f"the catalogue file is damaged ({exc})") from None
        return rowids, count <= RANK_LIMIT
