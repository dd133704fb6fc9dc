"""Between store rows and domain models: strict on the way in, forgiving on the way out.

Everything written is validated again with the models that read it back (`model_copy(update=...)`
skips validation, so a value changed that way could otherwise be saved and never read again).
Reading never fails on one bad value: a store written by an older version, or edited by hand, may
hold a name with a NUL byte, evidence over the limit or a time without a zone. Such a value is
repaired in memory and marked, the row in the file is left as it is, and a row that cannot be
repaired (a rating without a valid competency or level) is skipped with a warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import unicodedata
from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ValidationError

from career_explorer.data.user_store_file import UserStoreError
from career_explorer.domain.user import NAME_MAX, TEXT_MAX

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

REPAIRED = " (repaired)"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
TIME_FIELDS = {"created", "taken", "set_at", "saved_at", "updated"}
TEXT_FIELDS = {"note", "evidence", "text", "discussed", "agreed", "action"}


class InvalidEntry(UserStoreError):
    """What was about to be saved breaks the models; nothing was written. One line."""


def describe(exc: ValidationError, data: Optional[dict] = None, every: bool = False) -> str:
    """The first problem (or `every` one) of a ValidationError as 'field: reason'."""
    return "; ".join(_one(err, data) for err in (exc.errors() if every else exc.errors()[:1]))


def _one(err: dict, data: Optional[dict]) -> str:
    loc = list(err.get("loc", ()))
    if data and len(loc) > 2 and loc[0] == "ratings" and isinstance(loc[1], int):
        try:  # 'ratings.0.note' names the competency instead
            loc[:2] = [f"rating of {data['ratings'][loc[1]]['competency']}"]
        except (KeyError, IndexError, TypeError):
            pass
    where = ".".join(str(p) for p in loc)
    msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    if err.get("type") == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length")
        size = len(err["input"]) if isinstance(err.get("input"), str) else None
        msg = f"is {size:,} characters long; the limit is {limit:,}" if limit and size else msg
    return f"{where}: {msg}".replace("\n", " ") if where else msg.replace("\n", " ")


def checked(obj: M, what: str) -> M:
    """`obj` validated again from scratch; InvalidEntry names `what` and the field."""
    data = obj.model_dump()
    try:
        return type(obj).model_validate(data)
    except ValidationError as exc:
        raise InvalidEntry(f"cannot save {what}: {describe(exc, data)}") from None


def build(model: type[M], what: str, **fields: Any) -> M:
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise InvalidEntry(f"cannot save {what}: {describe(exc)}") from None


def _visible(text: str, keep: str = "") -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in keep)


def _repair(field: str, value: Any, row: dict) -> Any:
    if field in TIME_FIELDS:
        try:
            return dt.datetime.fromisoformat(str(value))
        except ValueError:
            return EPOCH  # unreadable: shown first in the history rather than hiding the snapshot
    if field == "name":
        text = _visible(str(value or "")).strip()
        if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text):
            text = f"Unnamed {row.get('id', '')}".strip()
        return text[:NAME_MAX - len(REPAIRED)] + REPAIRED
    if field in TEXT_FIELDS:
        text = _visible(str(value or ""), keep="\n\r\t")
        if len(text) > TEXT_MAX:
            cut = f"… [cut: {len(text):,} characters in the store]"
            text = text[:TEXT_MAX - len(cut)] + cut
        return text or (REPAIRED.strip() if field == "text" else None)
    if field == "uid":
        return hashlib.md5(str(value).encode("utf-8", "replace")).hexdigest()  # stable: re-imports still match
    if field == "role_id":
        return None
    if field == "archived":
        return value in (1, "1", True)
    return value  # competency, level, role ids: nothing sensible to put in their place


_told: set[str] = set()


def _warn(text: str) -> None:
    """Each repair is told once a run, not at every read of the row."""
    if text not in _told:
        _told.add(text)
        log.warning("%s", text)


def lenient(model: type[M], row: dict, where: str) -> Optional[M]:
    """`row` as a model, repairing what breaks it; None (with a warning) when it cannot be repaired."""
    try:
        return model.model_validate(row)
    except ValidationError as exc:
        fields = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
        first = describe(exc, every=True)
    fixed = {k: (_repair(k, v, row) if k in fields else v) for k, v in row.items()}
    try:
        repaired = model.model_validate(fixed)
    except ValidationError as exc:
        _warn(f"user store: {where} cannot be read and is left out ({describe(exc)}); the file is unchanged")
        return None
    _warn(f"user store: {where} is shown repaired ({first}); the file is unchanged")
    return repaired


def route_ids(text: object) -> object:
    """A JSON list of role ids; anything else is handed on for the model to reject."""
    try:
        return tuple(json.loads(text)) if isinstance(text, str) else text
    except (ValueError, TypeError):
        return text
