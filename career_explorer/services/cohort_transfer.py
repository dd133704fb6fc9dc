"""Moving a cohort: export several people as one file; import several files at once, previewed first.

An import reads every file and previews every person before anything is written; it is refused
whole when any file is unreadable or two files would add the same person twice. Then every person
is written in ONE transaction: a problem with the last leaves the first unwritten too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional, Sequence

from pydantic import ValidationError

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.user_store import UserStore, now
from career_explorer.domain.cohort import COHORT_FORMAT, CohortExport
from career_explorer.domain.user import EXPORT_FORMAT, EXPORT_VERSION, Person, PersonRecord
from career_explorer.services.person_transfer import (
    MAX_IMPORT_BYTES,
    ImportPreview,
    TransferError,
    parse_export,
    portable_record,
    preview_import,
    write_whole,
)

MAX_COHORT_BYTES = 200 * 1024 * 1024  # a cohort of hundreds, each with years of snapshots


def cohort_text(store: UserStore, person_ids: Sequence[int]) -> str:
    if not person_ids:
        raise TransferError("nobody to export: choose at least one person")
    records = tuple(portable_record(store, pid) for pid in person_ids)
    payload = CohortExport(format=COHORT_FORMAT, version=EXPORT_VERSION, exported=now(), records=records)
    return json.dumps(payload.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"


def export_cohort(store: UserStore, person_ids: Sequence[int], path: Path) -> Path:
    """Write the people (only those given) to one file, via a temporary file: never a half file."""
    return write_whole(Path(path), cohort_text(store, person_ids))


def parse_records(data: bytes, name: str = "file") -> list[PersonRecord]:
    """The people in a person export or a cohort export; anything else is a one-line TransferError."""
    if len(data) > MAX_COHORT_BYTES:
        raise TransferError(f"{name}: not an export: the file is too large")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise TransferError(f"{name}: not an export: it is not UTF-8 JSON") from None
    kind = raw.get("format") if isinstance(raw, dict) else None
    if kind == EXPORT_FORMAT:
        if len(data) > MAX_IMPORT_BYTES:
            raise TransferError(f"{name}: not a person export: the file is too large")
        try:
            return [parse_export(data)]
        except TransferError as exc:
            raise TransferError(f"{name}: {exc}") from None
    if kind != COHORT_FORMAT:
        raise TransferError(f"{name}: not an export: expected \"format\": \"{EXPORT_FORMAT}\" or \"{COHORT_FORMAT}\"")
    try:
        return list(CohortExport.model_validate(raw).records)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err.get("loc", ())) or "file"
        raise TransferError(f"{name}: malformed cohort export: {where}: {err.get('msg', 'invalid')}") from None


def read_records(paths: Iterable[Path]) -> list[PersonRecord]:
    records = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_COHORT_BYTES + 1)
        except OSError as exc:
            raise TransferError(f"cannot read {path}: {exc.strerror or exc}") from None
        records += parse_records(data, Path(path).name)
    return records


def preview_many(store: UserStore, records: Sequence[PersonRecord],
                 repo: Optional[CatalogueRepository] = None) -> list[ImportPreview]:
    """A preview per person; refused whole when two of them are one person or share a name."""
    seen_uid: dict[str, str] = {}
    seen_name: dict[str, str] = {}
    for record in records:
        p = record.person
        if p.uid in seen_uid:
            raise TransferError(f"refused: {p.name!r} is in the files twice (as {seen_uid[p.uid]!r} too)")
        if p.name.casefold() in seen_name:
            raise TransferError(f"refused: two different people are named {p.name!r} in the files")
        seen_uid[p.uid], seen_name[p.name.casefold()] = p.name, p.name
    previews = []
    for record in records:
        try:
            previews.append(preview_import(store, record, repo))
        except TransferError as exc:
            raise TransferError(f"{record.person.name}: {exc}") from None
    return previews


def apply_many(store: UserStore, previews: Sequence[ImportPreview]) -> list[Person]:
    """Write what the previews showed, all in one transaction; those with nothing new are skipped."""
    return store.write_records([(p.record, p.into.id if p.into else None) for p in previews if p.adds_anything])
