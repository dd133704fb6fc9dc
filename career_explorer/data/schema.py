"""The compiled catalogue's tables. Bump SCHEMA_VERSION whenever a table changes."""

from __future__ import annotations

SCHEMA_VERSION = 2
# Older versions this code still reads (columns and tables added since then read as empty).
READABLE_VERSIONS = (1, 2)

# (table, columns, primary key, foreign keys as (column, other table, other column))
TABLES: list[tuple[str, dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]]]] = [
    ("meta", {"key": str, "value": str}, "key", []),
    (
        "sources",
        {
            "id": str, "name": str, "short_name": str, "series": str, "url": str, "licence": str,
            "retrieved": str, "attribution": str, "note": str,
        },
        "id",
        [],
    ),
    ("job_families", {"id": str, "name": str}, "id", []),
    ("job_levels", {"code": str, "name": str, "ladder": str, "rank": int, "track": str}, "code", []),
    ("scales", {"id": str, "name": str, "min": int, "max": int}, "id", []),
    ("scale_anchors", {"scale": str, "value": int, "label": str}, ("scale", "value"), [("scale", "scales", "id")]),
    (
        "competencies",
        {
            "id": str, "name": str, "norm_name": str, "kind": str, "definition": str, "scale": str, "source": str,
            "examples": int,
        },
        "id",
        [("scale", "scales", "id"), ("source", "sources", "id")],
    ),
    (
        "behaviours",
        {"competency": str, "level": int, "text": str, "source": str},
        ("competency", "level"),
        [("competency", "competencies", "id"), ("source", "sources", "id")],
    ),
    (
        "roles",
        {
            "id": str, "title": str, "family": str, "level": str, "job_code": str, "soc_code": str,
            "summary": str, "responsibilities": str, "education": str, "reports_to": str,
            "source": str, "unpublished": int, "unpublished_unknown": int, "note": str,
        },
        "id",
        [("family", "job_families", "id"), ("level", "job_levels", "code"), ("source", "sources", "id")],
    ),
    ("alt_titles", {"role": str, "title": str}, ("role", "title"), [("role", "roles", "id")]),
    (
        "salaries",
        {
            "id": int, "role": str, "source": str, "region": str, "currency": str, "basis": str, "period": str,
            "p10": float, "p25": float, "p50": float, "p75": float, "p90": float,
            "mean": float, "entry": float, "experienced": float, "lower_bounds": str, "as_of": str,
            "covers": str, "note": str,
        },
        "id",
        [("role", "roles", "id"), ("source", "sources", "id")],
    ),
    (
        # Earlier releases of a source series (the latest is in `salaries`); same columns.
        "pay_history",
        {
            "id": int, "role": str, "source": str, "region": str, "currency": str, "basis": str, "period": str,
            "p10": float, "p25": float, "p50": float, "p75": float, "p90": float,
            "mean": float, "entry": float, "experienced": float, "lower_bounds": str, "as_of": str,
            "covers": str, "note": str,
        },
        "id",
        [("role", "roles", "id"), ("source", "sources", "id")],
    ),
    (
        "requirements",
        {
            "role": str, "competency": str, "seq": int, "level": float, "level_word": str, "importance": float,
            "suppressed": int, "not_relevant": int, "standard_error": float, "source": str,
        },
        ("role", "competency"),
        [("role", "roles", "id"), ("competency", "competencies", "id"), ("source", "sources", "id")],
    ),
    (
        # Related work experience of people in a role: the share of workers in each category.
        "experience",
        {
            "role": str, "category": int, "label": str, "share": float, "respondents": int, "as_of": str,
            "suppressed": int, "source": str,
        },
        ("role", "category"),
        [("role", "roles", "id"), ("source", "sources", "id")],
    ),
    (
        "transitions",
        {"from_role": str, "to_role": str, "kind": str, "source": str, "basis": str, "tier": str},
        ("from_role", "to_role"),
        [("from_role", "roles", "id"), ("to_role", "roles", "id"), ("source", "sources", "id")],
    ),
]

INDEXES: list[tuple[str, list[str]]] = [
    ("roles", ["family"]),
    ("roles", ["level"]),
    ("roles", ["soc_code"]),
    ("salaries", ["role"]),
    ("pay_history", ["role"]),
    ("competencies", ["norm_name"]),
]

# Tables keyed by a composite primary key are stored WITHOUT ROWID: the key is the table, so the
# O*NET-sized catalogue does not keep every row twice (about 40% smaller on disk).
WITHOUT_ROWID = {name for name, _cols, pk, _fks in TABLES if isinstance(pk, tuple)}

FTS_SQL = (
    "CREATE VIRTUAL TABLE role_search USING fts5("
    "role_id UNINDEXED, title, alt_titles, job_code, summary, "
    "prefix='1 2 3', tokenize='unicode61 remove_diacritics 2')"
)
