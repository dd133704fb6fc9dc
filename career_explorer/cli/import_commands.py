"""`catalogue import|import-onet|export`: build catalogues from a company framework or O*NET, and export them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from career_explorer.cli.output import CliError, print_problems
from career_explorer.cli.paths import (
    PathProblem,
    catalogue_file,
    check_output_folder,
    input_path,
    output_file,
    output_location,
    same_file,
)
from career_explorer.data.importers.framework_layout import FORMATS, TABLES, FrameworkError

FRAMEWORK = input_path("file or folder", "framework (.xlsx, .json, .zip or a folder of CSV files)")
ONET_RELEASE = input_path("file or folder", "O*NET release (give the zip or its folder)")
OEWS_FILE = input_path("file", "OEWS file (a BLS national .xlsx workbook)")
# What an export holds, by the output's suffix; a folder (or no suffix) means one CSV file per table.
EXPORT_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".xlsm": "xlsx", ".zip": "csv", ".csv": "csv"}


def register_actions(cat_sub: argparse._SubParsersAction) -> None:
    """Add the import and export actions to the `catalogue` command's sub-parsers."""
    i = cat_sub.add_parser(
        "import", help="build a catalogue from a company framework (.xlsx, .json, or a folder/.zip of CSV files)",
        description="Build a catalogue from a company framework; see Help > Company framework format, or "
                    "career_explorer/help/framework-format.md. Every problem is reported as FILE:ROW:COLUMN: "
                    "message, and nothing is written unless the file is valid.",
    )
    i.add_argument("framework", type=FRAMEWORK, metavar="FRAMEWORK")
    i.add_argument("-o", "--output", type=output_file, required=True, metavar="OUT.sqlite")
    i.set_defaults(handler=cmd_import)

    s = cat_sub.add_parser(
        "import-sheet", help="build a catalogue from one flat sheet (.csv or .xlsx) and its MAP.toml",
        description="Build a catalogue from a flat framework sheet, one row per role level and skill, as MAP.toml "
                    "says (Help > Flat-sheet mapping; the import wizard saves one). Every problem is reported as "
                    "FILE:ROW:COLUMN: message, rows as a spreadsheet numbers them, and nothing is written unless "
                    "the whole sheet is valid.",
    )
    s.add_argument("sheet", type=Path, metavar="FILE", help="the sheet: .csv (UTF-8) or .xlsx")
    s.add_argument("--map", type=Path, required=True, metavar="MAP.toml", dest="map_path")
    s.add_argument("-o", "--output", type=Path, metavar="OUT.sqlite", help="the catalogue to write")
    s.add_argument("--propose-onet", action="store_true",
                   help="instead of importing, add to MAP.toml an O*NET occupation proposal for each role level it "
                        "does not decide yet; set each one's status to confirmed or skip, then import")
    s.set_defaults(handler=cmd_import_sheet)

    o = cat_sub.add_parser("import-onet", help="build a catalogue from an O*NET text release (+ BLS OEWS wages)")
    o.add_argument("onet", type=ONET_RELEASE, metavar="ONET", help="the O*NET release: the official zip or its folder")
    o.add_argument("--wages", type=OEWS_FILE, action="append", default=[], metavar="OEWS.xlsx",
                   help="a BLS OEWS national workbook (national_M2024_dl.xlsx); repeat it for a wage history, "
                        "the latest release becomes current pay")
    o.add_argument("-o", "--output", type=output_file, required=True, metavar="OUT.sqlite")
    o.set_defaults(handler=cmd_import_onet)

    e = cat_sub.add_parser("export", help="write a catalogue in the company-framework layout")
    e.add_argument("catalogue_path", type=catalogue_file, metavar="CATALOGUE")
    e.add_argument("--format", choices=FORMATS, help="json, xlsx or csv (a folder, or a zip if OUT ends in .zip); "
                                                      "default: from OUT's suffix")
    e.add_argument("-o", "--output", type=output_location, required=True, metavar="OUT")
    e.set_defaults(handler=cmd_export)


class ProgressLine:
    """One updating progress line on stderr (a new line per step when stderr is not a terminal)."""

    def __init__(self, label: str, stream=None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last: Optional[str] = None

    def __call__(self, fraction: float, message: str) -> None:
        if self.tty:
            self.stream.write(f"\r{self.label}: {fraction * 100:3.0f}% {message[:60]:<60}")
            self.stream.flush()
        elif message != self.last:
            self.stream.write(f"{self.label}: {fraction * 100:3.0f}% {message}\n")
        self.last = message

    def done(self) -> None:
        if self.tty and self.last is not None:
            self.stream.write("\n")
            self.stream.flush()


def cmd_import(args: argparse.Namespace) -> int:
    from career_explorer.services.catalogue_import import import_framework_file

    if same_file(args.framework, args.output):
        raise CliError(f"{args.output}: is the framework being imported; give another output file")
    try:
        catalogue = import_framework_file(args.framework, args.output)
    except FrameworkError as exc:
        count = getattr(exc, "total", len(exc.problems))  # the list may hold only the first of them
        print_problems(exc.problems, total=count)
        print(f"career-explorer: error: {count:,} problem{'s' if count != 1 else ''} in {args.framework}; "
              f"nothing written", file=sys.stderr)
        return 2
    print(f"Imported {args.output}: {catalogue.info.name} {catalogue.info.version}, {len(catalogue.roles)} roles, "
          f"{len(catalogue.competencies)} competencies, {len(catalogue.transitions)} transitions.", file=sys.stderr)
    return 0


def cmd_import_sheet(args: argparse.Namespace) -> int:
    from career_explorer.services.sheet_import import import_sheet_file, propose_onet_file

    if args.output is None and not args.propose_onet:
        raise CliError("give -o OUT.sqlite (or --propose-onet to add O*NET proposals to the map)")
    try:
        if args.propose_onet:
            mapping = propose_onet_file(args.sheet, args.map_path)
            for title, choice in mapping.onet.items():
                found = f"{choice.code} {choice.title}" if choice.code else "no close O*NET title"
                print(f"{title}: {found} ({choice.status})")
            print(f"Wrote the proposals to {args.map_path}; confirm, change or skip each, then import.",
                  file=sys.stderr)
            return 0
        result = import_sheet_file(args.sheet, args.map_path, args.output)
    except FrameworkError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"career-explorer: error: {count} problem{'s' if count != 1 else ''} in {args.sheet} or "
              f"{args.map_path.name}; nothing written", file=sys.stderr)
        return 2
    catalogue = result.catalogue
    dupes = f", {result.duplicates} exact duplicate row{'s' if result.duplicates != 1 else ''} collapsed" \
        if result.duplicates else ""
    print(f"Imported {args.output}: {catalogue.info.name} {catalogue.info.version}, {result.rows} rows{dupes}, "
          f"{len(catalogue.roles)} roles, {len(catalogue.competencies)} skills, "
          f"{len(catalogue.transitions)} transitions.", file=sys.stderr)
    return 0


def cmd_import_onet(args: argparse.Namespace) -> int:
    from career_explorer.services.catalogue_import import import_onet

    line = ProgressLine("Importing O*NET")
    try:
        catalogue = import_onet(args.onet, args.wages, args.output, progress=line)
    finally:
        line.done()
    with_wages = sum(1 for r in catalogue.roles if r.salaries)
    print(f"Imported {args.output}: {catalogue.info.name} {catalogue.info.version}, {len(catalogue.roles)} occupations "
          f"({with_wages} with wages), {len(catalogue.competencies)} competencies, "
          f"{len(catalogue.transitions)} transitions.", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from career_explorer.data.importers.framework_export import export_catalogue

    fmt = args.format or export_format(args.output)
    if fmt is None:
        raise CliError(f"{args.output}: cannot tell the format from the name; add --format json|csv|xlsx")
    if same_file(args.catalogue_path, args.output):
        raise CliError(f"{args.output}: is the catalogue being exported; give another output")
    try:
        if fmt == "csv" and args.output.suffix.lower() != ".zip":
            check_output_folder(args.output, {f"{name}.csv" for name in TABLES})
        elif args.output.is_dir():
            raise PathProblem(f"{args.output}: is a folder; give a file name")
    except PathProblem as exc:
        raise CliError(str(exc)) from None
    catalogue = export_catalogue(args.catalogue_path, args.output, fmt)
    print(f"Exported {catalogue.info.name} {catalogue.info.version} to {args.output} ({fmt}).", file=sys.stderr)
    return 0


def export_format(out: Path) -> Optional[str]:
    """The format OUT's name asks for: the suffix decides, so `-o x.json` onto a folder is refused rather
    than filled with CSV files; an existing folder without a known suffix means a folder of CSV files."""
    if out.suffix.lower() in EXPORT_SUFFIXES:
        return EXPORT_SUFFIXES[out.suffix.lower()]
    return "csv" if out.is_dir() else None
