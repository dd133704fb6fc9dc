"""`path FROM TO`: ranked routes with every step's level, pay and competency jumps."""

from __future__ import annotations

import argparse
import sys

from career_explorer.cli.output import CliError, non_blank, open_catalogue, print_json
from career_explorer.cli.paths import output_file
from career_explorer.domain.rank_mode import RankMode
from career_explorer.services.route_defaults import DEFAULT_ROUTES

CHART_FORMATS = (".png", ".svg", ".pdf")
# From the light rank_mode module: building the parser must not import the domain models (pydantic).
RANK_CHOICES = tuple(mode.value for mode in RankMode)


def register(sub: argparse._SubParsersAction) -> None:
    path = sub.add_parser(
        "path", help="routes from one role to another, with the level, pay and skill jump of every step",
        description="FROM and TO are role ids or titles; case does not matter and a unique prefix is enough.",
    )
    path.add_argument("source", type=non_blank, metavar="FROM", help="where you are: a role id or title")
    path.add_argument("target", type=non_blank, metavar="TO", help="where you want to be: a role id or title")
    path.add_argument("--routes", type=int, default=DEFAULT_ROUTES, metavar="K",
                      help=f"show up to K routes (default {DEFAULT_ROUTES})")
    path.add_argument("--rank", choices=RANK_CHOICES, default="plausible",
                      help="how to rank routes: plausible (default: stated moves, fewer steps, no pay cuts), "
                           "gap (least importance-weighted skill gap) or pay (highest pay gain)")
    path.add_argument("--sideways", action="store_true",
                      help="allow sideways moves that cut pay (left out by default)")
    path.add_argument("--json", action="store_true", help="print JSON")
    path.add_argument("--chart", type=output_file, metavar="FILE",
                      help="write the pay and skill charts of the best route (or the direct gap) to FILE: "
                           ".png, .svg or .pdf")
    path.set_defaults(handler=cmd_path)


def cmd_path(args: argparse.Namespace) -> int:
    if args.routes < 1:
        raise CliError(f"--routes must be at least 1, not {args.routes}")
    if args.chart is not None and args.chart.suffix.lower() not in CHART_FORMATS:
        raise CliError(f"--chart {args.chart}: use a .png, .svg or .pdf file name")
    # Imported here, not at the top: the parser imports this module for every command.
    from career_explorer.services.path_report import path_json, path_text
    from career_explorer.services.role_lookup import find_role
    from career_explorer.services.routes import find_routes

    repo = open_catalogue(args)
    source, target = find_role(repo, args.source), find_role(repo, args.target)
    if source.id == target.id:
        raise CliError(f"FROM and TO are both {source.title!r}; pick two different roles")
    result = find_routes(repo, source.id, target.id, args.routes, mode=args.rank, sideways=args.sideways)
    if args.chart is not None:
        from career_explorer.charts.route_figure import save_route_figure

        route = result.routes[0] if result.routes else result.direct
        try:
            save_route_figure(route, args.chart)
        except OSError as exc:
            raise CliError(f"cannot write {args.chart}: {exc.strerror or exc}") from None
        print(f"Wrote {args.chart}", file=sys.stderr)
    if args.json:
        print_json(path_json(result))
    else:
        print(path_text(result))
    return 0
