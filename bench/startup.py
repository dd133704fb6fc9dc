"""Cold start to the first shown, idle main window, against a bare PySide6 QMainWindow in the same run.

Each run is a fresh interpreter. Prints a table; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

RUNS = 5

BARE = r"""
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 800); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.paths import bundled_catalogue
from career_explorer.ui.main_window import MainWindow
app = QApplication(sys.argv[:1])
w = MainWindow(CatalogueRepository(bundled_catalogue())); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
assert "matplotlib" not in sys.modules, "matplotlib was imported on the start-up path"
"""


def time_script(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    bare = [time_script(BARE) for _ in range(RUNS)]
    app = [time_script(APP) for _ in range(RUNS)]
    b, a = statistics.median(bare), statistics.median(app)
    print(f"Cold start to first shown, idle window (median of {RUNS}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')})")
    print(f"{'case':<34}{'median s':>10}{'min s':>10}{'ratio':>8}")
    print(f"{'bare PySide6 QMainWindow':<34}{b:>10.3f}{min(bare):>10.3f}{1:>8.2f}")
    print(f"{'Career Explorer main window':<34}{a:>10.3f}{min(app):>10.3f}{a / b:>8.2f}")
    print(f"target: ratio <= 1.50 -> {'met' if a / b <= 1.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
