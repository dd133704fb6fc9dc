"""Where things live, both when running from source and inside a frozen (PyInstaller) app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "CareerExplorer"
APP_AUTHOR = "CareerExplorer"
HOME_ENV = "CAREER_EXPLORER_HOME"
CATALOGUE_ENV = "CAREER_EXPLORER_CATALOGUE"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """The installed package folder; inside a frozen app, the bundle's copy of it."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "career_explorer"
    return Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def bundled_catalogue() -> Path:
    """The default catalogue: $CAREER_EXPLORER_CATALOGUE when set, else the bundled one."""
    override = os.environ.get(CATALOGUE_ENV)
    return Path(override) if override else resource("data", "catalogue.sqlite")


def catalogue_sources() -> Path:
    return resource("data", "catalogue")


def user_data_dir() -> Path:
    """The user's own data; CAREER_EXPLORER_HOME overrides platformdirs (tests always set it)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import platformdirs  # ~20 ms: only when no override; the launcher imports this module first

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def prepare_frozen_runtime() -> None:
    """Inside a frozen app, point MPLCONFIGDIR at the user cache folder before matplotlib is imported.

    The bundle folder may be read-only and must stay unchanged, so matplotlib's config and font cache
    live in user_cache_dir()/matplotlib (build_installer.spec drops PyInstaller's own hook, which would
    put them in a new temporary folder on every start). From source, matplotlib's default is kept.
    """
    if not is_frozen():
        return
    folder = user_cache_dir() / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # matplotlib warns and falls back to a temporary folder
    os.environ["MPLCONFIGDIR"] = str(folder)
