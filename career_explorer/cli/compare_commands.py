"""`compare A B [C D]` puts two to four roles side by side: competencies and pay."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from career_explorer.cli.output import CliError, non_blank, open_catalogue, print_json, print_table
from career_explorer.cli.paths import output_file
from career_explorer.domain.money import format_money as money

# The domain models and services import pydantic: the handlers import them, so building the parser
# (which imports this module for every command) stays light.
if TYPE_CHECKING:
    from career_explorer.domain.profile import PayEntry

CHART_FORMATS = (".png", ".svg", ".pdf")
WIDTH = 88


def register(sub: argparse._SubParsersAction) -> None:
    compare = sub.add_parser("compare", help="put two to four roles side by side: competencies and pay")
    compare.add_argument("roles", nargs="+", type=non_blank, metavar="ROLE",
                         help="two to four role ids or titles (quote titles)")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.add_argument("--chart", type=output_file, metavar="FILE",
                         help="write the pay bands and the radar of levels to FILE: .png, .svg or .pdf")
    compare.set_defaults(handler=cmd_compare)


# -- compare ------------------------------------------------------------------------------


def cmd_compare(args: argparse.Namespace) -> int:
    from career_explorer.domain.profile import KIND_LABELS
    from career_explorer.services.compare import MAX_ROLES, MIN_ROLES, CompareError, cell_text, compare_roles
    from career_explorer.services.role_lookup import find_role

    if not MIN_ROLES <= len(args.roles) <= MAX_ROLES:
        raise CliError(f"compare takes {MIN_ROLES} to {MAX_ROLES} roles, not {len(args.roles)} "
                       "(quote titles with spaces: compare \"Chat Support Manager\" \"Customer Service Manager\")")
    if args.chart is not None and args.chart.suffix.lower() not in CHART_FORMATS:
        raise CliError(f"--chart {args.chart}: use a .png, .svg or .pdf file name")
    repo = open_catalogue(args)
    ids = [find_role(repo, name).id for name in args.roles]
    try:
        result = compare_roles(repo, ids)
    except CompareError as exc:
        raise CliError(str(exc)) from None
    if args.chart is not None:
        from career_explorer.charts.comparison import comparison_figure

        try:
            comparison_figure(result).savefig(args.chart, dpi=150, format=args.chart.suffix.lower().lstrip("."))
        except (OSError, ValueError) as exc:
            raise CliError(f"cannot write {args.chart}: {getattr(exc, 'strerror', None) or exc}") from None
        print(f"Wrote {args.chart}", file=sys.stderr)
    if args.json:
        print_json(result.model_dump(mode="json"))
        return 0
    for n, (ref, level) in enumerate(zip(result.roles, result.level_texts), 1):
        print(f"{n}. {ref.title}  [{ref.id}] - {level}")
    print("\nCompetencies (* = levels differ; each level is on its own scale)")
    if result.rows:
        print_table(["", "Competency", "Kind", *[str(n) for n in range(1, len(result.roles) + 1)]],
                    [["*" if r.differs else "", r.name, KIND_LABELS[r.kind],
                      *[cell_text(r, i) for i in range(len(result.roles))]] for r in result.rows])
    else:
        print("  None published for these roles.")
    for ref, count in zip(result.roles, result.unpublished):
        if count:
            print(f"  {ref.title}: {count} more competencies not published")
    print("\nPay (every source as published; never averaged)")
    if result.pay:
        print_table(["Role", "Source", "Region", "Basis", "Median", "p10-p90"],
                    [[e.role_title, e.source_name, e.band.region, e.band.basis.label, _median(e), _range(e)]
                     for e in result.pay])
    else:
        print("  No pay figures published.")
    return 0


def _median(entry: PayEntry) -> str:
    band = entry.band
    if band.median is not None:
        return money(band.median, band.currency)
    if band.mean is not None:
        return f"mean {money(band.mean, band.currency)}"
    return ""


def _range(entry: PayEntry) -> str:
    known = entry.band.percentiles()
    band = entry.band
    if "p10" in known and "p90" in known:
        return f"{money(known['p10'], band.currency)} - {money(known['p90'], band.currency)}"
    if band.entry is not None and band.experienced is not None:
        return f"entry {money(band.entry, band.currency)} - experienced {money(band.experienced, band.currency)}"
    return ""
