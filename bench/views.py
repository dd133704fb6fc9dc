"""Switching views on the bundled catalogue: first visit (the view is built) and later visits.

Each case is `window.show_view(name)` followed by processing events until the window has painted,
timed in one process (median of RUNS fresh windows; later visits: median of 10 switches). Baseline, same
run: switching between two bare QLabel pages of a QStackedWidget. Target: every switch under 100 ms.
Prints a table; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/views.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.TemporaryDirectory(prefix="ce-bench-views-")
os.environ["CAREER_EXPLORER_HOME"] = _HOME.name
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5
TARGET_MS = 100.0


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue
    from career_explorer.ui.main_window import VIEWS, MainWindow

    app = QApplication([])
    repo = CatalogueRepository(bundled_catalogue())

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    stack = QStackedWidget()
    for text in ("one", "two"):
        stack.addWidget(QLabel(text))
    stack.resize(1280, 800)
    stack.show()
    settle()
    bare = []
    for i in range(20):
        start = time.perf_counter()
        stack.setCurrentIndex(i % 2)
        stack.repaint()
        settle()
        bare.append(time.perf_counter() - start)

    names = [name for name, _ in VIEWS]
    first: dict[str, list[float]] = {n: [] for n in names}
    again: dict[str, list[float]] = {n: [] for n in names}
    for _ in range(RUNS):
        window = MainWindow(repo)
        window.resize(1280, 800)
        window.show()
        settle()
        for name in names:
            start = time.perf_counter()
            window.show_view(name)
            window.repaint()
            settle()
            first[name].append(time.perf_counter() - start)
        for _ in range(2):
            for name in names:
                start = time.perf_counter()
                window.show_view(name)
                window.repaint()
                settle()
                again[name].append(time.perf_counter() - start)
        window.close()
        window.deleteLater()
        settle()

    base = statistics.median(bare) * 1000
    print(f"View switching on {repo.info.name} ({repo.counts().roles:,} roles), 1280x800, median ms")
    print(f"{'case':<34}{'first':>9}{'again':>9}{'worst':>9}  target")
    print(f"{'bare QStackedWidget page switch':<34}{base:>9.1f}{base:>9.1f}{max(bare) * 1000:>9.1f}")
    for name in names:
        f, a = statistics.median(first[name]) * 1000, statistics.median(again[name]) * 1000
        worst = max(first[name] + again[name]) * 1000
        verdict = "met" if max(f, a) <= TARGET_MS else "NOT met"
        print(f"{name:<34}{f:>9.1f}{a:>9.1f}{worst:>9.1f}  <= {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
