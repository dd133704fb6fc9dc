"""The CLI stays quick to start: building the parser imports no heavy package, and each command only its own.

Every check runs the real entry point in a fresh interpreter and then reads sys.modules there, since
this test process has long imported everything. bench/cli_startup.py measures the times themselves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from career_explorer import __version__
from tests.fresh_interpreter import assert_holds_in_a_fresh_interpreter

# What building the parser must not import: each costs 0.1 s or more to import.
HEAVY = ("pydantic", "sqlite_utils", "networkx", "openpyxl", "matplotlib", "numpy", "PySide6")

# The sub-commands `--help` lists, in its order (the GUI, `career-explorer` alone, is not one).
COMMANDS = ["roles", "role", "catalogue", "path", "person", "assess", "plan", "report", "compare", "cohort"]

# Runs launcher.main(argv) and prints, as JSON, its exit status, its stdout and the heavy packages it
# left imported. argv and the HEAVY names come as arguments.
PROBE = r"""
import contextlib, io, json, sys
from career_explorer.launcher import main
heavy, argv = json.loads(sys.argv[1]), json.loads(sys.argv[2])
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
imported = sorted(name for name in heavy if any(m == name or m.startswith(name + ".") for m in sys.modules))
print(json.dumps({"code": code, "out": out.getvalue(), "imported": imported}))
"""


def probe(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), json.dumps(list(argv))],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_version_imports_no_heavy_package():
    result = probe("--version")
    assert result["code"] == 0
    assert result["out"].strip() == f"career-explorer {__version__}"
    assert result["imported"] == []


def test_help_lists_every_command_and_imports_no_heavy_package():
    result = probe("--help")
    assert result["code"] == 0 and result["imported"] == []
    lines = result["out"].splitlines()
    start = lines.index("positional arguments:")
    listed = [line.split()[0] for line in lines[start + 2:] if line.startswith("    ") and not line.startswith("     ")]
    assert listed == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_imports_no_heavy_package(command):
    result = probe(command, "--help")
    assert result["code"] == 0 and result["out"].startswith(f"usage: career-explorer {command}")
    assert result["imported"] == []


@pytest.mark.parametrize(("argv", "allowed"), [
    (["roles", "support"], {"pydantic"}),
    (["role", "fx/manager"], {"pydantic"}),
    (["path", "fx/rep", "fx/manager"], {"pydantic", "networkx"}),
])
def test_quick_commands_import_only_what_they_need(fixture_catalogue_path, argv, allowed):
    """sqlite-utils is for building catalogues, matplotlib for charts, openpyxl for .xlsx files."""
    result = probe("--catalogue", str(fixture_catalogue_path), *argv)
    assert result["code"] == 0 and result["out"]
    assert set(result["imported"]) <= allowed


def test_the_console_entry_prints_everything_and_keeps_the_exit_status_after_a_command(tmp_path):
    # python -m career_explorer runs launcher.console, as the installed script does: after a command it
    # leaves without tearing the interpreter down, so what was printed must be flushed first.
    env = {**__import__("os").environ, "CAREER_EXPLORER_HOME": str(tmp_path)}
    whole = subprocess.run([sys.executable, "-m", "career_explorer", "roles", "--json"], capture_output=True,
                           text=True, timeout=120, env=env)
    assert whole.returncode == 0, whole.stderr
    roles = json.loads(whole.stdout)  # the whole JSON arrived: it parses
    assert len(roles) > 1000
    wrong = subprocess.run([sys.executable, "-m", "career_explorer", "role", "no such role at all"],
                           capture_output=True, text=True, timeout=120, env=env)
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "career-explorer: error: no role matches 'no such role at all'"
    # A reader that stops early (`| head`) is no error.
    head = subprocess.run(f"{sys.executable} -m career_explorer roles | head -1", shell=True, capture_output=True,
                          text=True, timeout=120, env=env)
    assert head.stdout.startswith("Title") and "Traceback" not in head.stderr


def test_with_plugins_off_validating_needs_no_package_metadata_and_plugins_on_are_left_alone(tmp_path):
    # pydantic's plugin loader imports importlib.metadata (~16 ms) even when plugins are turned off;
    # the launcher stands in for it then, and the commands still validate their models.
    assert_holds_in_a_fresh_interpreter(
        "import contextlib, io, os, sys\n"
        "os.environ.pop('PYDANTIC_DISABLE_PLUGINS', None)\n"
        "from career_explorer.launcher import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    assert main(['path', 'Chat Support Representative I', 'Customer Service Manager']) == 0\n"
        "assert 'Step 1: Chat Support Representative I' in out.getvalue()\n"
        "assert 'importlib.metadata' not in sys.modules\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "assert list(loader.get_plugins()) == []\n"
        "assert loader.PYDANTIC_ENTRY_POINT_GROUP == 'pydantic'  # a name it lacks: the real module answers\n",
        tmp_path)
    assert_holds_in_a_fresh_interpreter(
        "import contextlib, io, os, sys\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = ''\n"
        "from career_explorer.launcher import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['role', 'Customer Service Manager']) == 0\n"
        "assert 'importlib.metadata' in sys.modules  # plugins on: pydantic looks for them as usual\n",
        tmp_path)
