"""The `career-explorer` entry point: the GUI with no command, otherwise the CLI."""

from __future__ import annotations

import sys
from typing import Optional, Sequence

from career_explorer.paths import prepare_frozen_runtime


def main(argv: Optional[Sequence[str]] = None) -> int:
    # First, before anything can import matplotlib: a frozen app keeps its config in the user cache.
    prepare_frozen_runtime()
    from career_explorer.cli import build_parser, run_command

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from career_explorer.ui.app import run_gui

        return run_gui(catalogue=args.catalogue, self_test=args.self_test)
    return run_command(args)
