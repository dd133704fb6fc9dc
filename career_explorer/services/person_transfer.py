"""Export one person as JSON, and import it elsewhere: preview first, then all-or-nothing."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from pydantic import ValidationError

from career_explorer import paths
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.errors import DataError
from career_explorer.data.user_store import UserStore, now
from career_explorer.domain.base import slugify
from career_explorer.domain.user import EXPORT_FORMAT, EXPORT_VERSION, Person, PersonExport, PersonRecord
from career_explorer.services.assessment import AssessmentError, check_ratings

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class TransferError(DataError):
    """An export or import cannot be done; the message is one line and nothing was written."""


def portable_record(store: UserStore, person_id: int) -> PersonRecord:
    """Everything stored for the person, without this store's row ids (another store has its own)."""
    record = store.record(person_id)
    return record.model_copy(update={
        "person": record.person.model_copy(update={"id": None}),
        "assessments": tuple(a.model_copy(update={"id": None}) for a in record.assessments),
        "routes": tuple(r.model_copy(update={"id": None}) for r in record.routes),
        "sessions": tuple(s.model_copy(update={"id": None}) for s in record.sessions),
    })


def export_text(store: UserStore, person_id: int) -> str:
    record = portable_record(store, person_id)
    payload = PersonExport(format=EXPORT_FORMAT, version=EXPORT_VERSION, exported=now(), record=record)
    return json.dumps(payload.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False) + "\n"


def export_person(store: UserStore, person_id: int, path: Path) -> Path:
    """Write the person's JSON next to `path` first, then move it into place (never a half file)."""
    return write_whole(Path(path), export_text(store, person_id))


def write_whole(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, then move it into place: never a half file."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise TransferError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "file"
    return f"{where}: {err.get('msg', 'invalid')}".replace("\n", " ")


def parse_export(data: Union[str, bytes]) -> PersonRecord:
    """Read an export file's contents; anything malformed becomes a one-line TransferError."""
    try:
        if isinstance(data, bytes):
            if len(data) > MAX_IMPORT_BYTES:
                raise TransferError("not a person export: the file is too large")
            data = data.decode("utf-8")
        if len(data) > MAX_IMPORT_BYTES:
            raise TransferError("not a person export: the file is too large")
        raw = json.loads(data)
    except TransferError:
        raise
    except (ValueError, RecursionError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "it is not valid JSON"
        raise TransferError(f"not a person export: {reason}") from None
    if not isinstance(raw, dict) or raw.get("format") != EXPORT_FORMAT:
        raise TransferError(f"not a person export: expected \"format\": \"{EXPORT_FORMAT}\"")
    try:
        export = PersonExport.model_validate(raw)
    except ValidationError as exc:
        raise TransferError(f"malformed person export: {_first_error(exc)}") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise TransferError(f"malformed person export: {str(exc).splitlines()[0] if str(exc) else 'invalid'}") from None
    return export.record


def read_export(path: Path) -> PersonRecord:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise TransferError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_export(data)


@dataclass
class ImportPreview:
    """What an import will add. Nothing is written until `apply_import`."""

    record: PersonRecord
    into: Optional[Person]
    new_snapshots: int
    known_snapshots: int
    target_added: bool
    routes_added: int
    actions_added: int
    missing_roles: list[str] = field(default_factory=list)
    sessions_added: int = 0
    done_added: int = 0  # actions ticked done in the sessions added
    tags_added: tuple[str, ...] = ()

    @property
    def adds_anything(self) -> bool:
        return bool(self.into is None or self.new_snapshots or self.target_added or self.routes_added
                    or self.actions_added or self.sessions_added or self.tags_added)

    def lines(self) -> list[str]:
        p = self.record.person
        if self.into is None:
            head = f"Add a new person {p.name!r}"
        elif self.into.name.casefold() == p.name.casefold():
            head = f"Add to the existing person {self.into.name!r} (the same person, exported before)"
        else:
            head = f"Add to the existing person {self.into.name!r} (the same person, exported as {p.name!r})"
        lines = [head,
                 f"{self.new_snapshots} new assessment snapshot(s)"
                 + (f"; {self.known_snapshots} already here are skipped" if self.known_snapshots else "")]
        if self.target_added and self.record.target:
            lines.append(f"target role: {self.record.target.role_id}")
        if self.routes_added:
            lines.append(f"{self.routes_added} saved route(s)")
        if self.actions_added:
            lines.append(f"{self.actions_added} development action(s)")
        if self.sessions_added:
            lines.append(f"{self.sessions_added} session note(s)"
                         + (f", {self.done_added} action(s) ticked done" if self.done_added else ""))
        if self.tags_added:
            lines.append("tags: " + ", ".join(self.tags_added))
        if self.missing_roles:
            lines.append("roles not in this catalogue (kept, marked): " + ", ".join(self.missing_roles))
        if not self.adds_anything:
            lines.append("Nothing new: everything in the file is already here.")
        return lines


def preview_import(store: UserStore, record: PersonRecord,
                   repo: Optional[CatalogueRepository] = None) -> ImportPreview:
    """Decide what an import would add; refuse one that would overwrite a different person."""
    incoming = record.person
    into = store.person_by_uid(incoming.uid)
    if into is None:
        same_name = store.find_person(incoming.name)
        if same_name is not None:
            raise TransferError(
                f"refused: a different person named {same_name.name!r} is already here "
                "(rename one of them first)")
    if repo is not None:
        try:
            for snapshot in record.assessments:
                check_ratings(repo, snapshot.ratings)
        except AssessmentError as exc:
            raise TransferError(f"malformed person export: {exc}") from None
    have = store.assessment_uids()
    known = sum(1 for a in record.assessments if a.uid in have)
    target_added = record.target is not None and (into is None or store.target(into.id) is None)
    routes_added, actions_added = len(record.routes), len(record.actions)
    sessions_here = store.session_uids()
    new_sessions = [s for s in record.sessions if s.uid not in sessions_here]
    sessions_added, done_added = len(new_sessions), sum(len(s.done) for s in new_sessions)
    tags_added = record.tags
    if into is not None:
        tags_here = {t.casefold() for t in store.tags(into.id)}
        tags_added = tuple(t for t in record.tags if t.casefold() not in tags_here)
        routes_here = {r.role_ids for r in store.routes(into.id)}
        routes_added = sum(1 for r in record.routes if r.role_ids not in routes_here)
        actions_here = store.actions(into.id)
        actions_added = sum(1 for a in record.actions if a.competency not in actions_here)
    missing = []
    if repo is not None:
        ids = [incoming.role_id] if incoming.role_id else []
        if record.target:
            ids += [record.target.role_id, *record.target.route]
        for route in record.routes:
            ids += list(route.role_ids)
        known_ids = set(repo.role_ids())
        missing = sorted({i for i in ids if i not in known_ids})
    return ImportPreview(record=record, into=into, new_snapshots=len(record.assessments) - known,
                         known_snapshots=known, target_added=target_added, routes_added=routes_added,
                         actions_added=actions_added, missing_roles=missing, sessions_added=sessions_added,
                         done_added=done_added, tags_added=tags_added)


def apply_import(store: UserStore, preview: ImportPreview) -> Person:
    """Write what the preview showed, in one transaction."""
    record = preview.record
    if preview.into is None:
        # Re-check: someone may have added a person with this name since the preview.
        preview_import(store, record)
    return store.write_record(record, into=preview.into.id if preview.into else None)


def delete_with_export(store: UserStore, person_id: int, folder: Optional[Path] = None) -> Path:
    """Export the person to `folder` (default: user data/deleted-exports), then delete them."""
    person = store.person(person_id)
    folder = Path(folder) if folder is not None else paths.user_data_dir() / "deleted-exports"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{slugify(person.name)}-{stamp}.json"
    counter = 1
    while path.exists():
        path = folder / f"{slugify(person.name)}-{stamp}-{counter}.json"
        counter += 1
    export_person(store, person_id, path)
    store.delete_person(person_id)
    return path
