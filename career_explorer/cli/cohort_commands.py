"""`cohort gaps` and `cohort report`: a coach's people side by side, and the printed pack for a session."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from career_explorer.cli.output import CliError, non_blank, open_catalogue, print_json
from career_explorer.cli.paths import input_path, output_file

# Handlers import the store, the services and matplotlib: building the parser stays light.
if TYPE_CHECKING:
    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.data.user_store import UserStore
    from career_explorer.domain.cohort import CohortTable


def _selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--role", metavar="ROLE", help="only the people aiming for this target role (title or id)")
    p.add_argument("--person", dest="people", action="append", default=[], metavar="NAME",
                   help="only this person (repeat for more); default: everyone not archived")
    p.add_argument("--tag", type=non_blank, metavar="TAG", help="only the people with this tag (see `person tag`)")


def register(sub: argparse._SubParsersAction) -> None:
    cohort = sub.add_parser("cohort", help="a coach's people side by side: gaps, shared gaps and the printed pack")
    cs = cohort.add_subparsers(dest="cohort_command", metavar="ACTION", required=True)
    g = cs.add_parser("gaps", help="the cohort table (people x competencies, each the gap to their target) "
                                   "and the gaps they share")
    _selection(g)
    g.add_argument("--sort", metavar="COMPETENCY", help="rows by this competency's gap, largest first "
                                                         "(default: by name)")
    g.add_argument("--json", action="store_true", help="print JSON")
    g.set_defaults(handler=cmd_gaps)
    r = cs.add_parser("report", help="write the cohort pack as a PDF: the cohort table, the shared gaps, then "
                                     "each person's plan, with contents and page numbers")
    _selection(r)
    r.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE.pdf")
    r.set_defaults(handler=cmd_report)
    e = cs.add_parser("export", help="write the people (with their snapshots, evidence, targets and actions) "
                                     "as one file")
    _selection(e)
    e.add_argument("-o", "--output", type=output_file, required=True, metavar="FILE")
    e.set_defaults(handler=cmd_export)
    i = cs.add_parser("import", help="add people from person or cohort export files; shows everything it adds "
                                     "before writing")
    i.add_argument("files", type=input_path("file", "person or cohort export file (.json)"), nargs="+", metavar="FILE")
    i.add_argument("--dry-run", action="store_true", help="only show what would be added")
    i.set_defaults(handler=cmd_import)


def _members(store: "UserStore", args: argparse.Namespace) -> list:
    """The people chosen by --person and --tag (not yet by --role: the table does that)."""
    from career_explorer.services.cohort import load_members, only_tagged

    chosen = [store.person_named(name).id for name in args.people] if args.people else None
    members = load_members(store, chosen)
    if args.tag is None:
        return members
    if not store.people_tagged(args.tag):
        raise CliError(f"nobody has the tag {args.tag!r} (tags in use: {', '.join(store.all_tags()) or 'none yet'})")
    return only_tagged(store, members, args.tag)


def _table(args: argparse.Namespace) -> tuple["CatalogueRepository", "UserStore", "CohortTable"]:
    from career_explorer.cli.plan_commands import open_store, role_id
    from career_explorer.services.cohort import BY_PERSON, cohort_table, find_column, sort_rows

    repo, store = open_catalogue(args), open_store()
    table = cohort_table(repo, _members(store, args), role=role_id(repo, args.role) if args.role else None)
    table = table.model_copy(update={"tag_filter": args.tag})
    if getattr(args, "sort", None):
        try:
            table = sort_rows(table, find_column(table, args.sort).competency)
        except LookupError as exc:
            raise CliError(str(exc.args[0])) from None
    else:
        table = sort_rows(table, BY_PERSON)
    return repo, store, table


def cmd_gaps(args: argparse.Namespace) -> int:
    from career_explorer.services.cohort_output import cohort_json, cohort_text

    _repo, _store, table = _table(args)
    if args.json:
        print_json(cohort_json(table))
    else:
        sys.stdout.write(cohort_text(table))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from career_explorer.services.cohort_pack import pack_people, write_pack
    from career_explorer.services.pdf_document import ReportError

    repo, store, table = _table(args)
    if not table.rows:
        raise CliError("nobody to put in the pack: give people a target role first "
                       "(`person set-target NAME ROLE`)")
    people = pack_people(store, table)
    try:
        write_pack(repo, table, people, args.output)
    except ReportError as exc:
        raise CliError(str(exc)) from None
    names = ", ".join(p.person.name for p in people)
    print(f"Wrote {args.output}: the cohort pack for {names}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from career_explorer.cli.plan_commands import open_store, role_id
    from career_explorer.services.cohort_transfer import export_cohort

    store = open_store()
    members = _members(store, args)
    if args.role:
        rid = role_id(open_catalogue(args), args.role)
        members = [m for m in members if m.target_id == rid]
    if not members:
        raise CliError("nobody to export: no person matches")
    export_cohort(store, [m.person.id for m in members], args.output)
    print(f"Exported {len(members)} {'person' if len(members) == 1 else 'people'} to {args.output}: "
          + ", ".join(m.person.name for m in members) + ".")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from career_explorer.cli.plan_commands import open_store
    from career_explorer.services.cohort_transfer import apply_many, preview_many, read_records

    repo, store = open_catalogue(args), open_store()
    previews = preview_many(store, read_records(args.files), repo)  # every file read before anything is written
    for preview in previews:
        lines = preview.lines()
        print(lines[0])
        for line in lines[1:]:
            print(f"  {line}")
    if args.dry_run:
        return 0
    people = apply_many(store, previews)
    print(f"Imported {len(people)} {'person' if len(people) == 1 else 'people'}"
          + (": " + ", ".join(p.name for p in people) if people else "") + ".")
    return 0
