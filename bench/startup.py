"""Cold start to the first shown, idle main window, against a bare PySide6 QMainWindow in the same run.

The app rows run the real entry point (`python -m career_explorer`). It logs the moment its event loop
first goes idle with the window shown (the catalogue then loads on a worker thread), the moment it is
idle again with the catalogue in the first view (Browse, filled from plain rows), and the moment the
full repository is in and every view can be built (CAREER_EXPLORER_STARTUP_LOG). The bare script logs
its own first idle the same way. Times run from just before the process is started. Every run is a
fresh interpreter; bare and app runs are interleaved so machine noise hits both. Prints a table;
asserts nothing. The last rows break the app's extra cost down, to show where the time goes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5

BARE = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 800); w.show()
def idle():
    with open(os.environ["CAREER_EXPLORER_STARTUP_LOG"], "a") as log:
        log.write(f"shown {time.time():.6f}\n")
    app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""

IMPORTS = {
    "import pydantic.BaseModel": "from pydantic import BaseModel",
    "import the domain models": "import career_explorer.domain.catalogue",
    "import the main window": "import career_explorer.ui.main_window",
}


def _env(home: str) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        CAREER_EXPLORER_HOME=home,
        CAREER_EXPLORER_QUIT_WHEN_IDLE="1",
    )


def time_command(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def milestones(args: list[str], env: dict[str, str], log: str) -> dict[str, float]:
    """Seconds from process start to each logged milestone."""
    if os.path.exists(log):
        os.unlink(log)
    start = time.time()
    subprocess.run(args, check=True, env=dict(env, CAREER_EXPLORER_STARTUP_LOG=log), stdout=subprocess.DEVNULL)
    with open(log, encoding="utf-8") as handle:
        return {name: float(stamp) - start for name, stamp in (line.split() for line in handle)}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ce-startup-") as home:
        env = _env(home)
        log = os.path.join(home, "startup.log")
        bare, shown, loaded, ready = [], [], [], []
        for _ in range(RUNS):
            bare.append(milestones([sys.executable, "-c", BARE], env, log)["shown"])
            app = milestones([sys.executable, "-m", "career_explorer"], env, log)
            shown.append(app["shown"])
            loaded.append(app["loaded"])
            ready.append(app["ready"])
        empty = [time_command([sys.executable, "-c", "pass"], env) for _ in range(RUNS)]
        parts = {
            label: statistics.median(time_command([sys.executable, "-c", code], env) for _ in range(RUNS))
            for label, code in IMPORTS.items()
        }
        leaked = subprocess.run(
            [sys.executable, "-c", "import sys, career_explorer.ui.app as a; "
             "from career_explorer.ui.main_window import MainWindow; print('matplotlib' in sys.modules)"],
            env=env, capture_output=True, text=True, check=True,
        ).stdout.strip()
    b = statistics.median(bare)
    print(f"Cold start (median of {RUNS}, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, seconds from process start)")
    print(f"{'case':<52}{'median s':>10}{'min s':>10}{'ratio':>8}")
    print(f"{'bare PySide6 QMainWindow, shown and idle':<52}{b:>10.3f}{min(bare):>10.3f}{1:>8.2f}")
    for label, values in (("Career Explorer window shown and idle", shown),
                          ("Career Explorer catalogue loaded, first view filled", loaded),
                          ("  every view ready (full repository in)", ready)):
        m = statistics.median(values)
        print(f"{label:<52}{m:>10.3f}{min(values):>10.3f}{m / b:>8.2f}")
    for what, values, most in (("shown-and-idle", shown, 1.5), ("first-view", loaded, 3.0)):
        ratio = statistics.median(values) / b
        print(f"target: {what} ratio <= {most:.2f} -> {'met' if ratio <= most else 'NOT met'} ({ratio:.2f})")
    print(f"matplotlib imported on the start-up path: {leaked}")
    print()
    print("Where the extra time goes (fresh interpreter each, median; interpreter start subtracted)")
    print(f"{'import':<52}{'ms':>10}")
    e = statistics.median(empty)
    for label, seconds in parts.items():
        print(f"{label:<52}{(seconds - e) * 1000:>10.0f}")


if __name__ == "__main__":
    main()
