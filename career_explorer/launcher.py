"""The `career-explorer` entry point: the GUI with no command, otherwise the CLI."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import NoReturn, Optional, Sequence

from career_explorer.paths import is_frozen, prepare_frozen_runtime


def gui_options(argv: Sequence[str]) -> Optional[tuple[Optional[Path], bool]]:
    """(catalogue, self_test) when argv only asks for the GUI; None when it names a command.

    Opening the GUI this way skips importing every sub-command, which would slow start-up.
    """
    catalogue: Optional[Path] = None
    self_test = False
    items = list(argv)
    while items:
        item = items.pop(0)
        if item == "--self-test":
            self_test = True
        elif item == "--catalogue" and items and not items[0].startswith("-"):
            catalogue = Path(items.pop(0))
        elif item.startswith("--catalogue=") and len(item) > len("--catalogue="):
            catalogue = Path(item.split("=", 1)[1])
        else:
            return None
    return catalogue, self_test


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Open the window, or run the command that argv names; the exit status."""
    return _dispatch(argv)[0]


def console() -> NoReturn:
    """The `career-explorer` script and `python -m career_explorer`: main(), then, after a command, a quick
    exit.

    When a command returns, its work is done and written. Tearing the interpreter down after it (freeing
    the route graph's tens of thousands of objects, module by module) took about 80 ms of a 0.4 s
    `career-explorer path A B`; nothing is left to run at exit, so flush what was printed and leave.
    The window exits the usual way.
    """
    status, command = _dispatch(None)
    if not command:
        sys.exit(status)
    logging = sys.modules.get("logging")  # its handlers flush here when a command logged anything
    if logging is not None:
        logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`... | head`) or a closed stream: nothing to keep
            pass
    os._exit(status)


def _dispatch(argv: Optional[Sequence[str]]) -> tuple[int, bool]:
    """(exit status, whether a command ran rather than the window)."""
    if is_frozen():
        import multiprocessing

        # A frozen app started as a PDF's chart-drawing helper (services.pdf_document) does that and exits.
        multiprocessing.freeze_support()
    # First, before anything can import matplotlib: a frozen app keeps its config in the user cache.
    prepare_frozen_runtime()
    # The app uses no pydantic plugins, and looking for them (the first model validated scans every
    # installed package's entry points) cost ~35 ms of loading the catalogue. Set it empty to look.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    skip_plugin_loader()
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = gui_options(argv)
    if gui is not None:
        from career_explorer.ui.app import run_gui

        return run_gui(catalogue=gui[0], self_test=gui[1]), False
    from career_explorer.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is None:
        from career_explorer.ui.app import run_gui

        return run_gui(catalogue=args.catalogue, self_test=args.self_test), False
    return run_command(args), True


# PYDANTIC_DISABLE_PLUGINS values for which pydantic's get_plugins() finds no plugins.
_PLUGINS_OFF = ("__all__", "1", "true")
_PLUGIN_LOADER = "pydantic.plugin._loader"


class _NoPlugins(types.ModuleType):
    """What pydantic gets for its plugin loader when plugins are turned off (see _SkipPluginLoader).

    A name this stand-in lacks (a newer pydantic) hands over to the real module.
    """

    @staticmethod
    def get_plugins() -> tuple:
        return ()

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        _SkipPluginLoader.handed_over = True
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        import importlib

        return getattr(importlib.import_module(self.__name__), name)


class _SkipPluginLoader:
    """An import hook: pydantic's plugin loader imports importlib.metadata (email, socket, zipfile: ~16 ms)
    on the first validation, only to be told by the environment that there is nothing to look for.
    With plugins off, pydantic gets _NoPlugins instead; with them on, the real module."""

    handed_over = False

    def find_spec(self, fullname: str, path=None, target=None):
        if (fullname != _PLUGIN_LOADER or self.handed_over
                or os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _PLUGINS_OFF):
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(fullname, self)

    def create_module(self, spec) -> types.ModuleType:
        return _NoPlugins(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        pass


def skip_plugin_loader() -> None:
    """Put _SkipPluginLoader first on the import path, once."""
    if not any(isinstance(finder, _SkipPluginLoader) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SkipPluginLoader())
