"""The remembered settings: typed, with one default each, and a damaged INI file falls back to them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from career_explorer.domain.route import RankMode
from career_explorer.services.route_defaults import DEFAULT_ROUTES
from career_explorer.ui.settings import MAX_RECENT, Settings


def ini(tmp_path, text: str = "") -> Settings:
    path = tmp_path / "settings.ini"
    path.write_text(text, encoding="utf-8")
    return Settings(QSettings(str(path), QSettings.IniFormat))


def test_an_empty_file_gives_every_default(tmp_path):
    settings = ini(tmp_path)
    assert settings.path_rank == RankMode.PLAUSIBLE.value and settings.path_routes == DEFAULT_ROUTES
    assert settings.path_sideways is False and settings.welcome_shown is False
    assert settings.compare_roles == [] and settings.recent_routes == [] and settings.window_geometry is None


def test_values_a_hand_edit_broke_fall_back_to_the_defaults(tmp_path):
    settings = ini(tmp_path, "[path]\nrank=fastest\nroutes=999\nsideways=maybe\n[welcome]\nshown=yes\n")
    assert settings.path_rank == RankMode.PLAUSIBLE.value
    assert settings.path_routes == DEFAULT_ROUTES
    assert settings.path_sideways is False and settings.welcome_shown is False


def test_settings_come_back_as_their_own_types_after_a_restart(tmp_path):
    settings = ini(tmp_path)
    settings.path_rank, settings.path_routes, settings.path_sideways = RankMode.PAY.value, 7, True
    settings.compare_roles = ["fx/lead"]  # a one-item list comes back from the INI file as a bare string
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    assert (again.path_rank, again.path_routes, again.path_sideways) == (RankMode.PAY.value, 7, True)
    assert again.compare_roles == ["fx/lead"]


def test_recent_routes_keep_the_newest_first_without_repeats(tmp_path):
    settings = ini(tmp_path)
    for n in range(MAX_RECENT + 2):
        settings.remember_route("fx/rep", f"fx/role-{n}")
    settings.remember_route("fx/rep", "fx/role-3")
    routes = settings.recent_routes
    assert routes[0] == ("fx/rep", "fx/role-3") and len(routes) == MAX_RECENT and len(set(routes)) == MAX_RECENT
