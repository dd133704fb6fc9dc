"""The one-folder installer: its size and biggest contributors, and frozen against source cold start.

    .venv/bin/python bench/installer.py [--build] [--compare-unslimmed] [--runs N]

- Size of dist/career-explorer (target: at most 200 MB, printed beside the total), by part and by file,
  with the bundled catalogue (career_explorer/data/catalogue.sqlite, opened in place, never compressed) as
  its own row. The folder is built with `pyinstaller build_installer.spec` first when it is missing, or
  with --build.
- --compare-unslimmed also builds with INSTALLER_SLIM=0 (everything PyInstaller would collect, unstripped,
  with docstrings) into build/unslimmed/ and reports what slimming saves.
- Cold start to the first shown, idle main window, offscreen, median of N fresh processes each:
  the frozen executable against `python -m career_explorer` from source, runs interleaved, in the same
  run (target: frozen <= 1.3 x source). Both run the real entry point; CAREER_EXPLORER_QUIT_WHEN_IDLE
  makes the app quit as soon as its event loop is idle with the catalogue loaded into the window.

Prints tables; asserts nothing. MB is 10^6 bytes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build_installer.spec"
APP = "career-explorer"
EXE = APP + (".exe" if sys.platform.startswith("win") else "")
DIST = ROOT / "dist" / APP
UNSLIMMED = ROOT / "build" / "unslimmed"
SIZE_TARGET_MB = 200
CATALOGUE = "career_explorer/data/catalogue.sqlite"  # where the spec puts the default catalogue in the bundle
RATIO_TARGET = 1.3


def pyinstaller() -> list[str]:
    local = Path(sys.executable).with_name("pyinstaller")
    return [str(local)] if local.exists() else [sys.executable, "-m", "PyInstaller"]


def build(distpath: Path, workpath: Path, slim: bool = True) -> float:
    env = dict(os.environ, INSTALLER_SLIM="1" if slim else "0")
    start = time.perf_counter()
    subprocess.run(
        pyinstaller() + ["--noconfirm", "--clean", "--log-level", "WARN",
                         "--distpath", str(distpath), "--workpath", str(workpath), str(SPEC)],
        check=True, cwd=ROOT, env=env,
    )
    return time.perf_counter() - start


def files(folder: Path) -> list[tuple[Path, int]]:
    return [(p, p.stat().st_size) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def part(relative: Path) -> str:
    """Which part of the app a bundled file belongs to."""
    parts = relative.parts
    if len(parts) == 1:
        return "executable (bootloader + compressed Python modules)"
    inside = parts[1:]  # under _internal/ (PyInstaller 6) or the bundle root
    first = inside[0]
    text = "/".join(inside)
    if text.startswith("PySide6/Qt/plugins/"):
        return "Qt plugins"
    if text.startswith("PySide6/Qt/lib/libicu") or text.startswith("PySide6/Qt/lib/icu"):
        return "Qt's ICU (Unicode data)"
    if text.startswith("PySide6/Qt/"):
        return "Qt libraries"
    if first in ("PySide6", "shiboken6"):
        return "PySide6 bindings"
    if first in ("numpy", "numpy.libs"):
        return "numpy + OpenBLAS"
    if first in ("matplotlib", "mpl_toolkits", "kiwisolver", "contourpy", "fontTools"):
        return "matplotlib (+ kiwisolver, contourpy, fontTools)"
    if first in ("PIL", "pillow.libs"):
        return "Pillow (matplotlib's PNG writer)"
    if first.startswith("pydantic"):
        return "pydantic"
    if first.startswith(("libpython", "python3")) or first in ("base_library.zip", "lib-dynload"):
        return "Python runtime"
    if text == CATALOGUE:
        return "Career Explorer catalogue (catalogue.sqlite)"
    if first == "career_explorer":
        return "Career Explorer catalogue sources and icons"
    if len(inside) == 1 and (".so" in first or first.endswith((".dll", ".dylib"))):
        return "system libraries"
    return "other"


def size_table(folder: Path, baseline: dict[str, int] | None = None) -> dict[str, int]:
    listing = files(folder)
    total = sum(size for _, size in listing)
    by_part: Counter[str] = Counter()
    for path, size in listing:
        by_part[part(path.relative_to(folder))] += size
    by_part["TOTAL"] = total
    mb = lambda n: n / 1e6  # noqa: E731
    print(f"\nOne-folder build: {folder.relative_to(ROOT)}  ({len(listing)} files)")
    header = f"{'part':<52}{'MB':>9}{'share':>8}"
    if baseline:
        header += f"{'unslimmed':>11}{'saved':>9}"
    print(header)
    for name, size in sorted(by_part.items(), key=lambda kv: (kv[0] == "TOTAL", -kv[1])):
        row = f"{name:<52}{mb(size):>9.1f}{size / total:>8.0%}"
        if baseline:
            row += f"{mb(baseline.get(name, 0)):>11.1f}{mb(baseline.get(name, 0) - size):>9.1f}"
        if name == "TOTAL":
            row += f"   (target <= {SIZE_TARGET_MB} MB)"
        print(row)
    print(f"target: <= {SIZE_TARGET_MB} MB -> {'met' if mb(total) <= SIZE_TARGET_MB else 'NOT met'}")
    print("\nBiggest files")
    for path, size in sorted(listing, key=lambda item: -item[1])[:12]:
        print(f"  {mb(size):>6.1f} MB  {path.relative_to(folder)}")
    return dict(by_part)


def time_start(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def startup_table(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="career-explorer-bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   CAREER_EXPLORER_HOME=home, CAREER_EXPLORER_QUIT_WHEN_IDLE="1")
        cases = {
            "from source (python -m career_explorer)": [sys.executable, "-m", "career_explorer"],
            f"frozen (dist/{APP}/{EXE})": [str(DIST / EXE)],
        }
        for command in cases.values():  # one untimed start each: disk cache, first-run folders
            time_start(command, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, command in cases.items():
                times[name].append(time_start(command, env))
    source, frozen = (statistics.median(t) for t in times.values())
    print(f"\nCold start to the first shown, idle main window (median of {runs}, "
          f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})")
    print(f"{'case':<44}{'median s':>10}{'min s':>9}{'max s':>9}{'ratio':>8}")
    for name, values in times.items():
        print(f"{name:<44}{statistics.median(values):>10.3f}{min(values):>9.3f}{max(values):>9.3f}"
              f"{statistics.median(values) / source:>8.2f}")
    print(f"target: frozen <= {RATIO_TARGET} x source -> {'met' if frozen / source <= RATIO_TARGET else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild dist/ first even if it exists")
    parser.add_argument("--compare-unslimmed", action="store_true", help="also build with INSTALLER_SLIM=0 and compare")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    if args.build or not (DIST / EXE).exists():
        seconds = build(ROOT / "dist", ROOT / "build" / "build_installer")
        print(f"built {DIST.relative_to(ROOT)} in {seconds:.0f} s")
    baseline = None
    if args.compare_unslimmed:
        seconds = build(UNSLIMMED / "dist", UNSLIMMED / "work", slim=False)
        print(f"built the unslimmed comparison in {seconds:.0f} s")
        listing = files(UNSLIMMED / "dist" / APP)
        baseline = Counter()
        for path, size in listing:
            baseline[part(path.relative_to(UNSLIMMED / "dist" / APP))] += size
        baseline["TOTAL"] = sum(size for _, size in listing)
    size_table(DIST, baseline)
    startup_table(args.runs)


if __name__ == "__main__":
    main()
