"""The sub-commands of `career-explorer`, over the same services the GUI uses."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from career_explorer import __version__
from career_explorer.cli import (
    catalogue_commands,
    cohort_commands,
    compare_commands,
    path_commands,
    plan_commands,
    role_commands,
)
from career_explorer.cli.output import CliError, validation_message
from career_explorer.cli.paths import catalogue_file
from career_explorer.data.errors import DataError

# Each module adds its sub-commands with register(subparsers). Registering must stay light: building
# the parser (for --version and --help too) imports every one of these modules, so pydantic models,
# sqlite-utils, networkx, openpyxl and matplotlib are imported inside the handlers that use them
# (tests/test_cli_startup.py checks this).
COMMAND_MODULES = [role_commands, catalogue_commands, path_commands, plan_commands, compare_commands,
                   cohort_commands]


class Parser(argparse.ArgumentParser):
    """argparse with the design's error rule: one line on stderr, exit status 2 (sub-parsers inherit it)."""

    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage first; a missing or unknown argument gets a pointer instead.
        # The prefix is the one every other error has, whichever sub-command's parser found the problem.
        hint = f" (see {self.prog} --help)" if message.startswith(("the following", "unrecognized")) else ""
        self.exit(2, f"career-explorer: error: {' '.join(message.split())}{hint}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="career-explorer",
        description="Explore career routes, skill jumps and pay, offline. Run with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"career-explorer {__version__}")
    parser.add_argument(
        "--catalogue", type=catalogue_file, metavar="PATH",
        help="use this compiled catalogue instead of the bundled one"
    )
    parser.add_argument("--self-test", action="store_true", help="start headless, check the app works, and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _fail(message: str) -> None:
    # One line even when a message quotes a multi-line value (a pasted name, a file's bad cell).
    print(f"career-explorer: error: {' '.join(message.split())}", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; every expected failure becomes one line on stderr."""
    from pydantic import ValidationError

    from career_explorer.services.role_lookup import RoleNotFound  # imports the domain models

    try:
        return int(args.handler(args) or 0)
    except (RoleNotFound, CliError, DataError) as exc:
        # CatalogueError is a DataError: a catalogue that cannot be opened is a bad argument too (exit 2).
        _fail(str(exc))
        return 2
    except ValidationError as exc:
        # The domain models hold the limits (name length, note length, blank text): what they refuse
        # on the way in is a bad argument, said in one line.
        _fail(validation_message(exc))
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # A file that went away or a full disk between the argument checks and the write.
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}")
        return 2
    except KeyboardInterrupt:
        print("career-explorer: interrupted", file=sys.stderr)
        return 130
