"""Fast search-as-you-type over the catalogue's FTS5 index, on its own read-only connection."""

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
_WEIGHTS = "bm25(role_search, 0, 10, 5, 5, 1)"


def match_expression(query: str) -> str:
    """FTS5 MATCH text: every word of `query` as a quoted prefix; '' when there are no words."""
    return " ".join(f'"{w}"*' for w in re.findall(r"\w+", query.lower()))


class RoleSearchIndex:
    """Role ids by FTS5 rowid, and queries that return rowids (cheap) rather than rows."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        try:
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            pairs = self._conn.execute("SELECT rowid, role_id FROM role_search").fetchall()
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(Path(path), f"the search index cannot be read ({exc})") from None
        size = max((rowid for rowid, _ in pairs), default=0) + 1
        self.role_ids: list[str | None] = [None] * size
        for rowid, role_id in pairs:
            self.role_ids[rowid] = role_id
        self.size = len(pairs)

    def close(self) -> None:
        self._conn.close()

    def match_rowids(self, query: str) -> tuple[Optional[list[int]], bool]:
        """Rowids matching every word of `query` as a prefix, and whether they are in relevance order.

        None instead of a list means every role matches (a common one-letter prefix).
        """
        expression = match_expression(query)
        if not expression:
            return [], False
        try:
            count = self._conn.execute(
                "SELECT count(*) FROM role_search WHERE role_search MATCH ?", (expression,)
            ).fetchone()[0]
            if count == 0:
                return [], False
            if count == self.size > RANK_LIMIT:
                return None, False
            if count <= RANK_LIMIT:
                sql = f"SELECT rowid FROM role_search WHERE role_search MATCH ? ORDER BY {_WEIGHTS}"
                rowids = [r for (r,) in self._conn.execute(sql, (expression,))]
            else:
                sql = "SELECT json_group_array(rowid) FROM role_search WHERE role_search MATCH ?"
                rowids = json.loads(self._conn.execute(sql, (expression,)).fetchone()[0])
        except sqlite3.OperationalError:  # FTS5 refuses some queries; no hits, not an error
            return [], False
        except sqlite3.DatabaseError as exc:
            raise CatalogueCorrupt(self._path, f"the catalogue file is damaged ({exc})") from None
        return rowids, count <= RANK_LIMIT

    def match(self, query: str) -> list[str]:
        """Role ids matching `query`, best first when there are few enough to rank."""
        rowids, _ = self.match_rowids(query)
        if rowids is None:
            return [r for r in self.role_ids if r is not None]
        return [self.role_ids[r] for r in rowids]
