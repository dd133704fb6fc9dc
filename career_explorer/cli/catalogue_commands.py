"""`catalogue build|info`: compile sources and inspect compiled catalogues (import/export: import_commands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from career_explorer.cli import import_commands
from career_explorer.cli.output import print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    cat = sub.add_parser("catalogue", help="build, inspect, import or export catalogues")
    cat_sub = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)

    b = cat_sub.add_parser("build", help="compile a folder of catalogue sources into SQLite")
    b.add_argument("source_dir", type=Path, metavar="SOURCE_DIR")
    b.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.sqlite")
    b.set_defaults(handler=cmd_build)

    i = cat_sub.add_parser("info", help="show a catalogue's name, version, sources and counts")
    i.add_argument("path", type=Path, metavar="PATH")
    i.add_argument("--json", action="store_true", help="print JSON")
    i.set_defaults(handler=cmd_info)

    import_commands.register_actions(cat_sub)


def cmd_build(args: argparse.Namespace) -> int:
    from career_explorer.data.compiler import build  # sqlite-utils: only for building

    catalogue = build(args.source_dir, args.output)
    print(
        f"Built {args.output}: {catalogue.info.name} {catalogue.info.version}, {len(catalogue.roles)} roles, "
        f"{len(catalogue.sources)} sources, {len(catalogue.transitions)} transitions.",
        file=sys.stderr,
    )
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from career_explorer.data.catalogue_repository import CatalogueRepository

    repo = CatalogueRepository(args.path)
    info, counts = repo.info, repo.counts()
    if args.json:
        print_json({
            "path": str(args.path),
            **info.model_dump(mode="json"),
            "counts": counts.model_dump(),
            "sources": [s.model_dump(mode="json") for s in repo.sources.values()],
        })
        return 0
    print(f"{info.name} {info.version} (schema {info.schema_version})")
    print(", ".join(f"{v} {k}" for k, v in counts.model_dump().items()))
    print()
    print_table(["Source", "Licence", "Id"], [(s.name, s.licence, s.id) for s in repo.sources.values()])
    return 0
