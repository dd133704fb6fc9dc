"""Role picker: keystroke -> completions shown, on a large real catalogue and on 100,000 synthetic roles.

Catalogues, each written to a temporary folder with the real importer or compiler:
  (a) O*NET 29.0 with OEWS May 2024 (1,016 occupations, ~58,000 alternate titles) when ../shared/data
      exists, else 1,000 synthetic roles with 58 alternate titles each;
  (b) 100,000 synthetic roles (bench/search.py's generator, fixed seed; one alternate title each).
A keystroke is QTest.keyClicks of one character into a real RolePicker in a shown window, then the events
it posted (the popup's layout and paint), timed until the popup lists the new completions. The first
keystroke of a fresh picker on a freshly opened catalogue is timed apart (five times; the very first of
the process also builds the popup window and the TitleMatch validator).
Targets: <= 50 ms at ~1,000 roles / 58k alternate titles, <= 100 ms at 100,000 roles, first keystroke
included.

Baselines, same run: the bare FTS query the Browse search uses (repo.search_ids(text, limit=15): one
role-level bm25 query, no titles ranked, no Qt); and the picker this replaced - an editable QComboBox
holding every title, with a QCompleter (MatchContains) over a Python list model of every title and
alternate title - on a small list: the bundled catalogue (17 roles, ~400 alternate titles). With
--old-full it is also timed on (a)'s whole list, one keystroke.
Prints tables; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/picker.py [--quick] [--old-full]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.TemporaryDirectory(prefix="ce-bench-home-")
os.environ.setdefault("CAREER_EXPLORER_HOME", _HOME.name)
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from search import synthetic_catalogue  # noqa: E402  (bench/ is on sys.path when run as a script)

DATA = REPO.parent / "shared" / "data"
QUERIES = ("cust serv man", "call center manager", "software dev", "registered nurse", "tech sup", "s")
# The replaced picker matched the typed text as one substring: these show it completions at every keystroke.
OLD_QUERIES = ("customer service", "chat support", "manager", "s")
ROUNDS = 3
FRESH = 5  # first keystrokes timed, each on a new connection and a new picker


def ms(seconds: float) -> float:
    return seconds * 1000.0


def build_large(folder: Path) -> tuple[str, Path]:
    """(a): the real O*NET import when the data is there, else synthetic roles with as many alternate titles."""
    from career_explorer.data.compiler import write_catalogue

    out = folder / "large.sqlite"
    onet, oews = DATA / "onet-29.0", DATA / "bls-oews-2024" / "national_M2024_dl.xlsx"
    if onet.is_dir() and oews.is_file():
        from career_explorer.data.importers.onet_catalogue import build_onet_catalogue

        write_catalogue(build_onet_catalogue(onet, oews), out)
        return "O*NET 29.0", out
    catalogue = synthetic_catalogue(1_000)
    roles = []
    for role in catalogue.roles:
        # Vary the bench generator's titles: 58 alternate titles per role, as an O*NET occupation has ~57.
        alts = tuple(sorted({f"{w} {role.title}" for w in ("Senior", "Junior", "Lead", "Acting", "Regional")}
                            | {f"{role.title} {n}" for n in range(53)}))
        roles.append(role.model_copy(update={"alt_titles": alts}))
    write_catalogue(catalogue.model_copy(update={"roles": tuple(roles)}), out)
    return "synthetic 1,000", out


def build_synthetic(count: int, folder: Path) -> Path:
    from career_explorer.data.compiler import write_catalogue

    out = folder / f"synthetic-{count}.sqlite"
    write_catalogue(synthetic_catalogue(count), out)
    return out


class Host:
    """A shown window holding one picker over `repo`."""

    def __init__(self, repo, qtest) -> None:
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        from career_explorer.ui.widgets.role_picker import RolePicker

        self.window = QWidget()
        self.picker = RolePicker(self.window)
        QVBoxLayout(self.window).addWidget(self.picker)
        self.picker.set_choices(repo)
        self.window.resize(500, 80)
        self.window.show()
        qtest.qWaitForWindowExposed(self.window)
        self.picker.setFocus()

    def clear(self) -> None:
        self.picker.role_completer.popup().hide()
        self.picker.clear()

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()


def keystroke(app, qtest, widget, char: str) -> float:
    """One character typed -> the popup showing its completions (layout and paint included)."""
    start = time.perf_counter()
    qtest.keyClicks(widget, char)
    app.processEvents()
    return time.perf_counter() - start


def typing(app, qtest, host: Host, rounds: int = ROUNDS) -> list[float]:
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            host.clear()
            times += [keystroke(app, qtest, host.picker, c) for c in query]
    return times


def first_keystrokes(app, qtest, path: Path) -> list[float]:
    """The first character typed into a new picker over a newly opened catalogue, FRESH times."""
    from career_explorer.data.catalogue_repository import CatalogueRepository

    times = []
    for n in range(FRESH):
        repo = CatalogueRepository(path)
        host = Host(repo, qtest)
        times.append(keystroke(app, qtest, host.picker, "cs"[n % 2]))
        host.close()
        app.processEvents()
        repo.close()
    return times


def bare_fts(repo, rounds: int = ROUNDS) -> list[float]:
    """Baseline: the Browse search's role-level FTS query per prefix, 15 rows, nothing else."""
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                repo.search_ids(query[:end], limit=15)
                times.append(time.perf_counter() - start)
    return times


def old_picker(app, qtest, entries: list[str], titles: list[str], queries=OLD_QUERIES, rounds: int = ROUNDS):
    """Baseline: the replaced picker - a combo box of every title, MatchContains over every entry."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
    from PySide6.QtWidgets import QComboBox, QCompleter

    class ListModel(QAbstractListModel):
        """As the replaced RoleCompletionModel: a Python list, read by the completer through data()."""

        def rowCount(self, parent=QModelIndex()) -> int:
            return 0 if parent.isValid() else len(entries)

        def data(self, index, role=Qt.DisplayRole):
            return entries[index.row()] if role in (Qt.DisplayRole, Qt.EditRole) and index.isValid() else None

    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(titles)
    completer = QCompleter(ListModel(combo), combo)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setFilterMode(Qt.MatchContains)
    combo.lineEdit().setCompleter(completer)
    combo.show()
    qtest.qWaitForWindowExposed(combo)
    combo.setFocus()
    times = []
    for _ in range(rounds):
        for query in queries:
            completer.popup().hide()
            combo.lineEdit().clear()
            times += [keystroke(app, qtest, combo.lineEdit(), c) for c in query]
    combo.close()
    combo.deleteLater()
    return times


def titles_and_alternates(path: Path) -> tuple[list[str], list[str]]:
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    titles = [t for (t,) in conn.execute("SELECT title FROM roles ORDER BY title")]
    alts = [t for (t,) in conn.execute("SELECT title FROM alt_titles")]
    conn.close()
    return titles, titles + alts


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        run(app, Path(tmp), quick="--quick" in sys.argv, old_full="--old-full" in sys.argv)


def run(app, folder: Path, quick: bool, old_full: bool) -> None:
    from PySide6.QtTest import QTest

    from career_explorer.data.catalogue_repository import CatalogueRepository
    from career_explorer.paths import bundled_catalogue

    start = time.perf_counter()
    large_name, large = build_large(folder)
    print(f"(built {large_name} in {time.perf_counter() - start:.1f} s)", file=sys.stderr)
    count = 10_000 if quick else 100_000
    start = time.perf_counter()
    synthetic = build_synthetic(count, folder)
    print(f"(built {count:,} synthetic roles in {time.perf_counter() - start:.1f} s)", file=sys.stderr)

    rows = []
    for name, path, target in ((large_name, large, 50.0), (f"synthetic {count:,}", synthetic, 100.0)):
        first = first_keystrokes(app, QTest, path)
        repo = CatalogueRepository(path)
        titles, entries = titles_and_alternates(path)
        host = Host(repo, QTest)
        typing(app, QTest, host, rounds=1)  # warm: the index pages this typing reads
        times = typing(app, QTest, host)
        fts = bare_fts(repo)
        host.close()
        repo.close()
        rows.append((name, len(titles), len(entries) - len(titles), first, times, target, fts))

    small_titles, small_entries = titles_and_alternates(bundled_catalogue())
    old = old_picker(app, QTest, small_entries, small_titles)
    old_full_times = []
    if old_full:
        titles, entries = titles_and_alternates(large)
        old_full_times = old_picker(app, QTest, entries, titles, ("c",), 1)

    print("Keystroke -> completions shown (RolePicker over CatalogueRepository.title_matches; typing every prefix of "
          f"{', '.join(repr(q) for q in QUERIES)}, {ROUNDS} rounds)")
    print(f"{'catalogue':<18}{'roles':>9}{'alt titles':>12}{'first med':>11}{'first worst':>13}{'median ms':>11}"
          f"{'worst ms':>10}{'target':>8}{'FTS med':>9}{'FTS worst':>11}{'ratio':>7}")
    for name, roles, alts, first, times, target, fts in rows:
        med, fts_med = ms(statistics.median(times)), ms(statistics.median(fts))
        print(f"{name:<18}{roles:>9,}{alts:>12,}{ms(statistics.median(first)):>11.1f}{ms(max(first)):>13.1f}"
              f"{med:>11.1f}{ms(max(times)):>10.1f}{target:>8g}{fts_med:>9.2f}{ms(max(fts)):>11.2f}"
              f"{med / fts_med if fts_med else 0:>7.1f}")
    print(f"{'old picker, small':<18}{len(small_titles):>9,}{len(small_entries) - len(small_titles):>12,}"
          f"{'':>11}{ms(old[0]):>13.1f}{ms(statistics.median(old)):>11.1f}{ms(max(old)):>10.1f}")
    if old_full_times:
        print(f"{'old picker, (a)':<18}{'':>9}{'':>12}{'':>11}{ms(old_full_times[0]):>13.1f}")
    print(f"first: the first character typed into a new picker on a newly opened catalogue ({FRESH} times; the"
          " process's very first also builds the popup window and the TitleMatch validator). median/worst: every"
          " other keystroke, caches warm. FTS: baseline, repo.search_ids(prefix, limit=15) alone - the index"
          " query Browse uses, without titles ranked or Qt. ratio: median / FTS median. old picker, small: the"
          " replaced QComboBox + QCompleter(MatchContains) over the bundled catalogue's titles and alternate"
          f" titles, typing {', '.join(repr(q) for q in OLD_QUERIES)} ('first worst' there is its first keystroke).")


if __name__ == "__main__":
    main()
