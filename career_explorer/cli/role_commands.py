"""`roles`: list or search the catalogue's roles."""

from __future__ import annotations

import argparse

from career_explorer.cli.output import open_catalogue, print_json, print_table
from career_explorer.domain.money import format_money as money


def register(sub: argparse._SubParsersAction) -> None:
    roles = sub.add_parser("roles", help="list roles, or search them by title, alternate title, code or summary")
    roles.add_argument("query", nargs="*", help="words to search for (prefixes match: 'cust serv man')")
    roles.add_argument("--json", action="store_true", help="print JSON")
    roles.set_defaults(handler=cmd_roles)


def cmd_roles(args: argparse.Namespace) -> int:
    from career_explorer.services.role_lookup import search_roles

    repo = open_catalogue(args)
    found = search_roles(repo, " ".join(args.query))
    if args.json:
        print_json([s.model_dump(mode="json") for s in found])
        return 0
    if not found:
        print(f"No roles match {' '.join(args.query)!r}.")
        return 0
    print_table(
        ["Title", "Level", "Job code", "Median base", "Source", "Id"],
        [(s.title, s.level or "", s.job_code or "", money(s.median_base, s.currency) if s.median_base else "",
          s.source, s.id) for s in found],
    )
    return 0
