"""`person`, `assess`, `plan` and `report`: people, self-assessment, the gap to a target and the PDF plan."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Optional

from career_explorer.cli import session_commands
from career_explorer.cli.output import CliError, non_blank, open_catalogue, print_json, print_table
from career_explorer.cli.paths import input_path, output_file

PERSON_EXPORT = input_path("file", "person export file (.json)")

# The store, the domain models and the services import pydantic (and the report matplotlib): the
# handlers import what they use, so building the parser (which imports this module for every
# command) stays light.
if TYPE_CHECKING:
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.user_store import UserStore
    from career_explorer.domain.user import Person


def register(sub: argparse._SubParsersAction) -> None:
    person = sub.add_parser("person", help="list, add and manage the people whose plans are kept here")
    ps = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    p = ps.add_parser("list", help="list people")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)
    p = ps.add_parser("add", help="add a person")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", type=non_blank, metavar="ROLE", help="their current role (title or id)")
    p.set_defaults(handler=cmd_add)
    p = ps.add_parser("set-role", help="set a person's current role")
    p.add_argument("name", metavar="NAME")
    p.add_argument("role", type=non_blank, metavar="ROLE")
    p.set_defaults(handler=cmd_set_role)
    p = ps.add_parser("set-target", help="set the role a person is aiming for")
    p.add_argument("name", metavar="NAME")
    p.add_argument("role", type=non_blank, metavar="ROLE")
    p.set_defaults(handler=cmd_set_target)
    p = ps.add_parser("rename", help="rename a person")
    p.add_argument("name", metavar="NAME")
    p.add_argument("new_name", metavar="NEW_NAME")
    p.set_defaults(handler=cmd_rename)
    p = ps.add_parser("archive", help="archive a person (or bring them back with --undo)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--undo", action="store_true", help="unarchive")
    p.set_defaults(handler=cmd_archive)
    p = ps.add_parser("delete", help="delete a person, after writing an export to deleted-exports/")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--yes", action="store_true", required=True, help="confirm the deletion")
    p.set_defaults(handler=cmd_delete)
    p = ps.add_parser("tag", help="add or remove a person's tags (for example \"spring onboarding\"); "
                                  "with neither, list them")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--add", action="append", default=[], type=non_blank, metavar="TAG",
                   help="add a tag (repeat for more)")
    p.add_argument("--remove", action="append", default=[], type=non_blank, metavar="TAG",
                   help="remove a tag (repeat for more)")
    p.set_defaults(handler=cmd_tag)
    session_commands.register(ps)
    p = ps.add_parser("export", help="write one person's data as JSON")
    p.add_argument("name", metavar="NAME")
    p.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export)
    p = ps.add_parser("import", help="add people from export files (shows what each adds; several files are "
                                     "written together or not at all)")
    p.add_argument("files", type=PERSON_EXPORT, nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only show what would be added")
    p.set_defaults(handler=cmd_import)

    a = sub.add_parser("assess", help="rate a person on their roles' competencies; saves a dated snapshot")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--set", dest="settings", action="append", default=[], metavar='"COMPETENCY=LEVEL"',
                   help="a rating on the competency's own scale (repeat for more)")
    a.add_argument("--evidence", action="append", default=[], metavar='"COMPETENCY=TEXT"',
                   help="evidence for a rating (repeat for more)")
    a.add_argument("--note", help="a note on this snapshot")
    a.add_argument("--target", type=non_blank, metavar="ROLE", help="also rate the competencies of this role")
    a.set_defaults(handler=cmd_assess)

    pl = sub.add_parser("plan", help="the gap to a target role, readiness, closest roles and the plan")
    pl.add_argument("name", metavar="NAME")
    pl.add_argument("--target", type=non_blank, metavar="ROLE",
                    help="target role (default: the person's saved target)")
    pl.add_argument("--json", action="store_true", help="print JSON")
    pl.set_defaults(handler=cmd_plan)

    r = sub.add_parser("report", help="write the printable plan as a PDF")
    r.add_argument("name", metavar="NAME")
    r.add_argument("--target", type=non_blank, metavar="ROLE",
                   help="target role (default: the person's saved target)")
    r.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE.pdf")
    r.set_defaults(handler=cmd_report)


# -- helpers ----------------------------------------------------------------------------------

def open_store() -> UserStore:
    from career_explorer.data.user_store import UserStore

    _warn_about_repaired_rows()
    store = UserStore.open()
    if store.notice:
        print(f"career-explorer: warning: {store.notice}", file=sys.stderr)
    return store


class _StoreWarnings(logging.Handler):
    """Rows the store shows repaired, as one 'warning:' line each (sys.stderr looked up at each line)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"career-explorer: warning: {record.getMessage()}", file=sys.stderr)


def _warn_about_repaired_rows() -> None:
    logger = logging.getLogger("career_explorer.data.user_rows")
    if not any(isinstance(h, _StoreWarnings) for h in logger.handlers):
        logger.addHandler(_StoreWarnings())
        logger.propagate = False


def role_id(repo: CatalogueRepository, name: str) -> str:
    from career_explorer.services.role_lookup import find_role

    return find_role(repo, name).id


def role_title(repo: CatalogueRepository, rid: Optional[str]) -> str:
    from career_explorer.services.gap_plan import role_status

    return role_status(repo, rid).label if rid else ""


def target_for(store: UserStore, repo: CatalogueRepository, person: Person, name: Optional[str]) -> str:
    if name is not None:
        return role_id(repo, name)
    target = store.target(person.id)
    if target is None:
        raise CliError(f"{person.name} has no target role: give --target ROLE "
                       f"or set one with `person set-target {person.name!r} ROLE`")
    return target.role_id


# -- person -----------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    repo, store = open_catalogue(args), open_store()
    rows = []
    for p in store.people():
        target = store.target(p.id)
        latest = store.latest_assessment(p.id)
        rows.append({"name": p.name, "role_id": p.role_id, "role": role_title(repo, p.role_id),
                     "target_id": target.role_id if target else None,
                     "target": role_title(repo, target.role_id if target else None),
                     "snapshots": store.snapshot_count(p.id),
                     "last_assessed": latest.taken.isoformat() if latest else None, "archived": p.archived})
    if args.json:
        print_json(rows)
    elif not rows:
        print("No people yet. Add one with: career-explorer person add NAME --role ROLE")
    else:
        print_table(["Name", "Current role", "Target", "Snapshots", "Last assessed", "Status"],
                    [(r["name"], r["role"], r["target"], r["snapshots"], (r["last_assessed"] or "")[:16],
                      "archived" if r["archived"] else "") for r in rows])
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    repo = open_catalogue(args)
    rid = role_id(repo, args.role) if args.role is not None else None
    person = open_store().add_person(args.name, rid)
    print(f"Added {person.name}" + (f" ({role_title(repo, rid)})." if rid else "."))
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    repo, store = open_catalogue(args), open_store()
    rid = role_id(repo, args.role)
    person = store.set_role(store.person_named(args.name).id, rid)
    print(f"{person.name}'s current role is now {role_title(repo, rid)}.")
    return 0


def cmd_set_target(args: argparse.Namespace) -> int:
    from career_explorer.data.user_store import now
    from career_explorer.domain.user import Target

    repo, store = open_catalogue(args), open_store()
    rid = role_id(repo, args.role)
    person = store.person_named(args.name)
    store.set_target(person.id, Target(role_id=rid, set_at=now()))
    print(f"{person.name}'s target is now {role_title(repo, rid)}.")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    store = open_store()
    person = store.rename_person(store.person_named(args.name).id, args.new_name)
    print(f"Renamed {args.name} to {person.name}.")
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    store = open_store()
    person = store.set_archived(store.person_named(args.name).id, not args.undo)
    print(f"{person.name} is {'archived' if person.archived else 'no longer archived'}.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from career_explorer.services.person_transfer import delete_with_export

    store = open_store()
    person = store.person_named(args.name)
    saved = delete_with_export(store, person.id)
    print(f"Deleted {person.name}; their data was exported first to {saved}.")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    store = open_store()
    person = store.person_named(args.name)
    tags = store.add_tags(person.id, add=args.add, remove=args.remove) if args.add or args.remove \
        else store.tags(person.id)
    print(f"{person.name}'s tags: {', '.join(tags)}." if tags else f"{person.name} has no tags.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from career_explorer.services.person_transfer import export_person

    store = open_store()
    person = store.person_named(args.name)
    export_person(store, person.id, args.output)
    print(f"Exported {person.name} to {args.output}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from career_explorer.services.person_transfer import apply_import, preview_import, read_export

    if len(args.files) > 1:
        from career_explorer.cli.cohort_commands import cmd_import as import_many

        return import_many(args)
    repo = open_catalogue(args)
    store = open_store()
    preview = preview_import(store, read_export(args.files[0]), repo)
    for line in preview.lines():
        print(line)
    if args.dry_run or not preview.adds_anything:
        return 0
    person = apply_import(store, preview)
    print(f"Imported into {person.name}.")
    return 0


# -- assess, plan, report ---------------------------------------------------------------------

def cmd_assess(args: argparse.Namespace) -> int:
    from career_explorer.domain.user import Rating
    from career_explorer.services import assessment as assess_service

    repo, store = open_catalogue(args), open_store()
    person = store.person_named(args.name)
    target = store.target(person.id)
    if args.target is not None:
        target_id = role_id(repo, args.target)
    else:
        target_id = target.role_id if target else None
    rows = assess_service.rateable(repo, assess_service.person_roles(repo, person, target_id))
    if not args.settings and not args.evidence:
        if args.note is not None and not args.note.strip():
            raise CliError("--note is empty and nothing is rated: nothing to save")
        if args.note is None:
            return _show_ratings(store, repo, person, rows)
    try:
        ratings: dict[str, Rating] = {}
        previous = store.latest_assessment(person.id)
        for setting in args.settings:
            name, value = assess_service.split_setting(setting)
            row = assess_service.find_rateable(rows, name)
            level = assess_service.check_level(row.competency, row.scale.min, row.scale.max,
                                               assess_service.parse_level(value))
            kept = previous.rating(row.competency.id) if previous else None
            ratings[row.competency.id] = Rating(competency=row.competency.id, level=level,
                                                note=kept.note if kept else None,
                                                evidence=kept.evidence if kept else None)
        for item in args.evidence:
            # Split at the first '=': the evidence is free text and may hold one ("p=0.05").
            name, sep, text = item.partition("=")
            if not sep or not name.strip():
                raise assess_service.AssessmentError(f"{item[:60]!r} should look like \"Competency Name=evidence\"")
            row = assess_service.find_rateable(rows, name)
            base = ratings.get(row.competency.id) or (previous.rating(row.competency.id) if previous else None)
            if base is None:
                raise assess_service.AssessmentError(f"{row.competency.name}: give a rating with --set first")
            # Validated, not model_copy: the model's limits (length, blank) hold on this path too.
            ratings[row.competency.id] = Rating.model_validate({**base.model_dump(), "evidence": text.strip() or None})
        snapshot = assess_service.save_snapshot(store, repo, person, ratings.values(), args.note)
    except assess_service.AssessmentError as exc:
        raise CliError(str(exc)) from None
    print(f"Saved snapshot {snapshot.id} for {person.name} ({snapshot.taken.astimezone():%Y-%m-%d %H:%M}): "
          f"{len(ratings)} rating(s) set, {len(snapshot.ratings)} in all.")
    return 0


def _show_ratings(store: UserStore, repo: CatalogueRepository, person: Person, rows) -> int:
    from career_explorer.services import assessment as assess_service
    from career_explorer.services.path_report import level_text

    latest = store.latest_assessment(person.id)
    index = assess_service.RatingIndex(latest, repo.competencies)
    if not rows:
        raise CliError(f"{person.name} has no role with competencies to rate: set a role or give --target ROLE")
    print_table(["Competency", "Scale", "Rating", *[f"Required ({role_title(repo, r)})" for r in rows[0].roles]],
                [(r.competency.name, f"{r.scale.min}-{r.scale.max}",
                  "" if index.level(r.competency) is None else level_text(index.level(r.competency)),
                  *["" if q is None else level_text(q) for q in r.required]) for r in rows])
    return 0


def _report(args: argparse.Namespace):
    from career_explorer.services.gap_plan import gap_report

    repo, store = open_catalogue(args), open_store()
    person = store.person_named(args.name)
    target_id = target_for(store, repo, person, args.target)
    saved = store.target(person.id)
    route = saved.route if saved and saved.role_id == target_id else ()
    return gap_report(repo, person, store.latest_assessment(person.id), target_id, route,
                      store.actions(person.id), sessions=store.sessions(person.id))


def cmd_plan(args: argparse.Namespace) -> int:
    from career_explorer.services.plan_output import plan_json, plan_text

    report = _report(args)
    if args.json:
        print_json(plan_json(report))
    else:
        sys.stdout.write(plan_text(report))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from career_explorer.services.pdf_document import ReportError
    from career_explorer.services.plan_report import write_report

    report = _report(args)
    try:
        write_report(report, args.output)
    except ReportError as exc:
        raise CliError(str(exc)) from None
    print(f"Wrote {args.output}: the plan for {report.person}, {report.target.label}.")
    return 0
