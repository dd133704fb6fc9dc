"""`catalogue build|info`: compile sources and inspect compiled catalogues (import/export: import_commands)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from career_explorer.cli import import_commands
from career_explorer.cli.output import print_json, print_table
from career_explorer.cli.paths import catalogue_file, input_path, output_file

SOURCE_FOLDER = input_path("folder", "folder of catalogue sources")


def register(sub: argparse._SubParsersAction) -> None:
    cat = sub.add_parser("catalogue", help="build, inspect, import or export catalogues")
    cat_sub = cat.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)

    b = cat_sub.add_parser(
        "build", help="compile a folder of catalogue sources into SQLite, optionally with O*NET and OEWS data",
        description="Compile a folder of catalogue sources. With --onet (and --wages), every O*NET occupation "
                    "and each OEWS release's wages are added, as in the bundled catalogue (`make catalogue`).",
    )
    b.add_argument("source_dir", type=SOURCE_FOLDER, metavar="SOURCE_DIR")
    b.add_argument("--onet", type=import_commands.ONET_RELEASE, metavar="ONET",
                   help="an O*NET text release (zip or folder) to add")
    b.add_argument("--wages", type=import_commands.OEWS_FILE, action="append", default=[], metavar="OEWS.xlsx",
                   help="a BLS OEWS national workbook; repeat for a wage history (the latest is current pay)")
    b.add_argument("-o", "--output", type=output_file, required=True, metavar="OUT.sqlite")
    b.set_defaults(handler=cmd_build)

    i = cat_sub.add_parser("info", help="show a catalogue's name, version, sources and counts")
    i.add_argument("path", type=catalogue_file, metavar="PATH")
    i.add_argument("--json", action="store_true", help="print JSON")
    i.set_defaults(handler=cmd_info)

    import_commands.register_actions(cat_sub)


def cmd_build(args: argparse.Namespace) -> int:
    if args.onet is None and not args.wages:
        from career_explorer.data.compiler import build  # sqlite-utils: only for building

        catalogue = build(args.source_dir, args.output)
    else:
        from career_explorer.cli.import_commands import ProgressLine
        from career_explorer.data.bundled_build import build_catalogue

        line = ProgressLine("Building")
        try:
            catalogue = build_catalogue(args.source_dir, args.output, onet=args.onet, wages=args.wages,
                                        progress=line)
        finally:
            line.done()
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
        parts = repo.source_counts()
        print_json({
            "path": str(args.path),
            **info.model_dump(mode="json"),
            "counts": counts.model_dump(),
            "sources": [{**s.model_dump(mode="json"), "counts": parts[s.id]} for s in repo.sources.values()],
        })
        return 0
    print(f"{info.name} {info.version} (schema {info.schema_version})")
    if info.description:
        print(textwrap.fill(info.description, 100))
    print(", ".join(f"{v:,} {k}" for k, v in counts.model_dump().items()))
    print()
    parts = repo.source_counts()

    def count(number: int) -> str:
        return f"{number:,}" if number else ""

    print_table(
        ["Source", "Roles", "Pay figures", "Competency levels", "Moves", "Licence"],
        [(s.label, count(parts[s.id]["roles"]), count(parts[s.id]["pay"]), count(parts[s.id]["requirements"]),
          count(parts[s.id]["transitions"]), s.licence) for s in repo.sources.values()],
    )
    return 0
