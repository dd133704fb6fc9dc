"""The sub-commands of `career-explorer`, over the same services the GUI uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from career_explorer import __version__
from career_explorer.cli import catalogue_commands, path_commands, plan_commands, role_commands
from career_explorer.cli import cohort_commands, profile_commands
from career_explorer.cli.output import CliError
from career_explorer.data.errors import CatalogueError, DataError

# Each module adds its sub-commands with register(subparsers). Registering must stay light: building
# the parser (for --version and --help too) imports every one of these modules, so pydantic models,
# sqlite-utils, networkx, openpyxl and matplotlib are imported inside the handlers that use them
# (tests/test_cli_startup.py checks this).
COMMAND_MODULES = [role_commands, catalogue_commands, path_commands, plan_commands, profile_commands,
                   cohort_commands]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="career-explorer",
        description="Explore career routes, skill jumps and pay, offline. Run with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"career-explorer {__version__}")
    parser.add_argument(
        "--catalogue", type=Path, metavar="PATH", help="use this compiled catalogue instead of the bundled one"
    )
    parser.add_argument("--self-test", action="store_true", help="start headless, check the app works, and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; every expected failure becomes one line on stderr."""
    from career_explorer.services.role_lookup import RoleNotFound  # imports the domain models

    try:
        return int(args.handler(args) or 0)
    except (RoleNotFound, CliError) as exc:
        print(f"career-explorer: error: {exc}", file=sys.stderr)
        return 2
    except CatalogueError as exc:
        print(f"career-explorer: error: {exc}", file=sys.stderr)
        return 1
    except DataError as exc:
        print(f"career-explorer: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("career-explorer: interrupted", file=sys.stderr)
        return 130
