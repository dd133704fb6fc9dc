"""Whole-process time of the CLI's quick commands, against a bare `python -c pass` in the same run.

Each row starts a fresh interpreter and times it from just before the start to its exit, so the
interpreter's own start, imports and the command's work are all in it. The cases run in turn within
each round (pass, --version, roles, ..., pass, --version, ...) so machine noise hits them all alike.
The command rows run the installed `career-explorer` script beside this interpreter (the same
entry point a user starts), on the bundled catalogue, with CAREER_EXPLORER_HOME in a temporary
folder. Prints a table with the ratio to the baseline and the target where there is one; asserts
nothing. The last lines list which heavy packages each command imports, to show where time goes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

RUNS = 9

SCRIPT = Path(sys.executable).with_name("career-explorer")
# The installed script when there is one (make .venv/.installed), else the same entry point by -m.
ENTRY = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "career_explorer"]

SOURCE, TARGET = "Chat Support Representative I", "Customer Service Manager"

# (label, argv, target seconds or None); the first row is the baseline every ratio divides by.
CASES: list[tuple[str, list[str], Optional[float]]] = [
    ("python -c pass (baseline)", [sys.executable, "-c", "pass"], None),
    ("python -c 'import PySide6.QtWidgets'", [sys.executable, "-c", "import PySide6.QtWidgets"], None),
    ("career-explorer --version", [*ENTRY, "--version"], 0.15),
    ("career-explorer --help", [*ENTRY, "--help"], None),
    ("career-explorer roles chat", [*ENTRY, "roles", "chat"], None),
    (f"career-explorer role {TARGET!r}", [*ENTRY, "role", TARGET], None),
    ("career-explorer path A B", [*ENTRY, "path", SOURCE, TARGET], 0.5),
]

HEAVY = ("pydantic", "sqlite_utils", "networkx", "openpyxl", "matplotlib", "numpy", "PySide6")

# Runs main() in-process and reports which heavy packages it left in sys.modules.
PROBE = r"""
import contextlib, io, sys
from career_explorer.launcher import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(" ".join(m for m in {heavy!r} if m in sys.modules) or "-")
"""


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def heavy_imports(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ce-cli-startup-") as home:
        env = dict(os.environ, CAREER_EXPLORER_HOME=home,
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        for _, argv, _ in CASES:  # warm the file cache and the .pyc files; not counted
            time_once(argv, env)
        times: dict[str, list[float]] = {label: [] for label, _, _ in CASES}
        for _ in range(RUNS):
            for label, argv, _ in CASES:
                times[label].append(time_once(argv, env))
        loaded = {label: heavy_imports(argv[len(ENTRY):], env) for label, argv, _ in CASES[2:]}

    base = statistics.median(times[CASES[0][0]])
    print(f"CLI start-up, whole process (median of {RUNS}, seconds from process start to exit)")
    print(f"{'case':<50}{'median s':>10}{'min s':>8}{'max s':>8}{'ratio':>8}{'target s':>10}  verdict")
    for label, _, target in CASES:
        values = times[label]
        m = statistics.median(values)
        verdict = "" if target is None else ("met" if m <= target else "NOT met")
        goal = "" if target is None else f"{target:.2f}"
        print(f"{label:<50}{m:>10.3f}{min(values):>8.3f}{max(values):>8.3f}{m / base:>8.2f}{goal:>10}  {verdict}")
    print()
    print("Heavy packages each command imports (in-process run of launcher.main)")
    for label, names in loaded.items():
        print(f"{label:<50}{names}")


if __name__ == "__main__":
    main()
