"""`person session` and `person history`: a coach's one-on-one notes, listed with the snapshots by date."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from career_explorer.cli.output import CliError, open_catalogue, print_json


def iso_date(text: str) -> dt.date:
    """argparse type for a date typed as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def register(ps: argparse._SubParsersAction) -> None:
    """Adds to the `person` command's actions."""
    p = ps.add_parser("session", help="record a one-on-one: what was discussed and agreed, the next date, and "
                                      "the development actions done")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--discussed", required=True, metavar="TEXT", help="what was discussed")
    p.add_argument("--agreed", metavar="TEXT", help="the actions agreed")
    p.add_argument("--next", dest="next_date", type=iso_date, metavar="DATE", help="the next session (YYYY-MM-DD)")
    p.add_argument("--done", nargs="+", action="extend", default=[], metavar="COMPETENCY",
                   help="tick the development action for this competency done (its name; several may follow)")
    p.add_argument("--on", dest="held_on", type=iso_date, metavar="DATE", help="the date it was held (default: today)")
    p.set_defaults(handler=cmd_session)
    p = ps.add_parser("history", help="a person's snapshots and sessions together, oldest first")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_history)


def cmd_session(args: argparse.Namespace) -> int:
    from career_explorer.cli.plan_commands import open_store
    from career_explorer.data.user_rows import InvalidEntry
    from career_explorer.services.sessions import competency_name, find_action, new_session

    repo, store = open_catalogue(args), open_store()
    person = store.person_named(args.name)
    actions = store.actions(person.id)
    try:
        done = list(dict.fromkeys(find_action(repo, actions, name) for name in args.done))
        note = new_session(args.held_on or dt.date.today(), args.discussed, args.agreed, args.next_date, done,
                           actions)
    except InvalidEntry as exc:
        raise CliError(str(exc)) from None
    saved = store.add_session(person.id, note)
    done_names = ", ".join(competency_name(repo, d.competency) for d in saved.done)
    ticked = f"; done: {done_names}" if done_names else ""
    print(f"Saved the session of {saved.held_on.isoformat()} for {person.name}{ticked}.")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from career_explorer.cli.plan_commands import open_store
    from career_explorer.services.sessions import done_text, history_entries, session_line

    repo, store = open_catalogue(args), open_store()
    person = store.person_named(args.name)
    entries = history_entries(store.assessments(person.id), store.sessions(person.id))
    if args.json:
        print_json([{"date": e.day.isoformat(), "kind": "snapshot", "taken": e.snapshot.taken.isoformat(),
                     "ratings": len(e.snapshot.ratings), "note": e.snapshot.note} if e.snapshot else
                    {"date": e.day.isoformat(), "kind": "session", "discussed": e.session.discussed,
                     "agreed": e.session.agreed, "done": done_text(repo, e.session),
                     "next": e.session.next_date.isoformat() if e.session.next_date else None}
                    for e in entries])
        return 0
    if not entries:
        print(f"{person.name} has no snapshots or sessions yet.")
        return 0
    for e in entries:
        if e.snapshot:
            note = f" - {e.snapshot.note}" if e.snapshot.note else ""
            sys.stdout.write(f"{e.snapshot.taken.astimezone():%Y-%m-%d %H:%M} snapshot ({len(e.snapshot.ratings)} "
                             f"ratings){note}\n")
        else:
            sys.stdout.write(session_line(repo, e.session) + "\n")
    return 0
