"""Test set-up: Qt offscreen, a private user-data folder, and a catalogue built from fixture sources."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

from career_explorer.data.catalogue_repository import CatalogueRepository
from career_explorer.data.compiler import build
from tests.fixture_sources import write_sources

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CAREER_EXPLORER_HOME", str(home))
    monkeypatch.delenv("CAREER_EXPLORER_CATALOGUE", raising=False)
    return home


@pytest.fixture(scope="session")
def fixture_catalogue_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_sources(tmp_path_factory.mktemp("fixture-sources"))
    out = tmp_path_factory.mktemp("fixture-catalogue") / "fixture.sqlite"
    build(folder, out)
    return out


@pytest.fixture
def fixture_repo(fixture_catalogue_path: Path) -> CatalogueRepository:
    repo = CatalogueRepository(fixture_catalogue_path)
    yield repo
    repo.close()


@pytest.fixture(scope="session")
def bundled_repo() -> CatalogueRepository:
    from career_explorer.paths import bundled_catalogue

    return CatalogueRepository(bundled_catalogue())


@pytest.fixture
def window(qtbot, fixture_repo):
    """The main window on the fixture catalogue, shown."""
    from career_explorer.ui.main_window import MainWindow

    win = MainWindow(fixture_repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def cli(capsys, fixture_catalogue_path):
    """Run the command line on the fixture catalogue: (exit status, stdout, stderr)."""
    from career_explorer.launcher import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["--catalogue", str(fixture_catalogue_path), *argv])
        except SystemExit as exc:  # argparse stops there when an argument (a path, say) fails its check
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return run
