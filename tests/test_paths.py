"""One helper finds resources from source and inside a frozen app; user folders and MPLCONFIGDIR."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs
import pytest

from career_explorer import paths

PACKAGE = Path(paths.__file__).resolve().parent


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Pretend to run inside a PyInstaller bundle whose files are unpacked in tmp_path/bundle."""
    bundle = tmp_path / "bundle"
    (bundle / "career_explorer").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_from_source_resources_are_the_package_folder():
    assert not paths.is_frozen()
    assert paths.resource_root() == PACKAGE
    assert paths.resource("assets", "icon-32.png") == PACKAGE / "assets" / "icon-32.png"
    assert paths.resource("assets", "icon-32.png").is_file()
    assert paths.bundled_catalogue() == PACKAGE / "data" / "catalogue.sqlite"
    assert paths.catalogue_sources() == PACKAGE / "data" / "catalogue"


def test_frozen_resources_are_the_bundle_copy(frozen: Path):
    assert paths.is_frozen()
    assert paths.resource_root() == frozen / "career_explorer"
    assert paths.resource("assets", "icon-32.png") == frozen / "career_explorer" / "assets" / "icon-32.png"
    assert paths.bundled_catalogue() == frozen / "career_explorer" / "data" / "catalogue.sqlite"
    assert paths.catalogue_sources() == frozen / "career_explorer" / "data" / "catalogue"


def test_frozen_without_meipass_uses_the_executables_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "career-explorer"))
    assert paths.resource_root() == tmp_path / "career_explorer"


def test_window_icon_is_found_through_the_same_helper_frozen_and_from_source(frozen: Path, monkeypatch):
    from career_explorer.ui.icons import icon_files

    shutil.copytree(PACKAGE / "assets", frozen / "career_explorer" / "assets")
    found = icon_files()
    assert [p.parent for p in found] == [frozen / "career_explorer" / "assets"] * len(found)
    assert [int(p.stem.split("-")[1]) for p in found] == [16, 24, 32, 48, 64, 128, 256]
    monkeypatch.setattr(sys, "frozen", False)
    assert icon_files()[0] == PACKAGE / "assets" / "icon-16.png"


def test_catalogue_override_wins_frozen_and_from_source(frozen: Path, monkeypatch, tmp_path: Path):
    monkeypatch.setenv(paths.CATALOGUE_ENV, str(tmp_path / "acme.sqlite"))
    assert paths.bundled_catalogue() == tmp_path / "acme.sqlite"


def test_user_folders_honour_career_explorer_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    assert paths.user_data_dir() == tmp_path / "home"
    assert paths.user_cache_dir() == tmp_path / "home" / "cache"


def test_user_folders_default_to_platformdirs(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR))
    assert paths.user_cache_dir() == Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR))


def test_frozen_app_points_mplconfigdir_at_the_user_cache(frozen: Path, monkeypatch, private_home: Path):
    # PyInstaller's own run-time hook would have set a temporary folder; the app's choice wins.
    monkeypatch.setenv("MPLCONFIGDIR", "/tmp/_MEI-temporary")
    paths.prepare_frozen_runtime()
    assert os.environ["MPLCONFIGDIR"] == str(private_home / "cache" / "matplotlib")
    assert (private_home / "cache" / "matplotlib").is_dir()


def test_from_source_mplconfigdir_is_left_to_matplotlib(monkeypatch: pytest.MonkeyPatch, private_home: Path):
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    paths.prepare_frozen_runtime()
    assert "MPLCONFIGDIR" not in os.environ
    assert not (private_home / "cache").exists()


def test_launcher_sets_mplconfigdir_before_anything_else_when_frozen(frozen: Path, monkeypatch, private_home, capsys):
    from career_explorer.launcher import main

    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert os.environ["MPLCONFIGDIR"] == str(private_home / "cache" / "matplotlib")
    assert "career-explorer" in capsys.readouterr().out
