"""Everything the app remembers between runs: one typed, validated setting per line, defaults in one place.

Each setting reads back as its own type whatever the INI file holds (a hand-edited or older file gives the
default, never a crash); views read and write attributes (`settings.path_routes = 7`), never key strings.
The store is always an INI file in the user-data folder, never the platform's registry or plist: the app
writes only to that folder, and CAREER_EXPLORER_HOME (which tests always set) moves it with everything else.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Optional, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from career_explorer.domain.rank_mode import RankMode
from career_explorer.paths import user_data_dir
from career_explorer.services.route_defaults import DEFAULT_ROUTES

SETTINGS_FILE = "settings.ini"
MAX_RECENT = 8

T = TypeVar("T")


def _text(raw: Any) -> Optional[str]:
    return raw if isinstance(raw, str) else None


def _flag(raw: Any) -> Optional[bool]:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    return True if text == "true" else False if text == "false" else None


def _texts(raw: Any) -> Optional[list[str]]:
    """QSettings gives a one-item list back as a bare string, and an empty one as None."""
    if isinstance(raw, str):
        return [raw] if raw else []
    if isinstance(raw, (list, tuple)):
        return [str(item) for item in raw if str(item)]
    return None


def _count(low: int, high: int) -> Callable[[Any], Optional[int]]:
    def read(raw: Any) -> Optional[int]:
        try:
            value = int(str(raw))
        except ValueError:
            return None
        return value if low <= value <= high else None
    return read


def _choice(options: set[str]) -> Callable[[Any], Optional[str]]:
    return lambda raw: raw if isinstance(raw, str) and raw in options else None


def _bytes(raw: Any) -> Optional[QByteArray]:
    return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None


class Setting(Generic[T]):
    """One key of the INI file: `read` turns what is stored into a T, or None for "use the default"."""

    def __init__(self, key: str, default: T, read: Callable[[Any], Optional[T]]) -> None:
        self.key, self.default, self.read = key, default, read

    def __get__(self, settings: Optional["Settings"], owner: type) -> T:
        if settings is None:
            return self  # type: ignore[return-value]  (the class attribute: the Setting itself)
        raw = settings.store.value(self.key)
        value = None if raw is None else self.read(raw)
        return self.default if value is None else value

    def __set__(self, settings: "Settings", value: T) -> None:
        settings.store.setValue(self.key, value)


class Settings:
    """The app's settings over a QSettings store (the user's INI file unless another is given)."""

    window_geometry = Setting[Optional[QByteArray]]("window/geometry", None, _bytes)
    window_view = Setting[str]("window/view", "", _text)
    welcome_shown = Setting[bool]("welcome/shown", False, _flag)
    # Newest first, each "from id|to id".
    recent_routes_raw = Setting[list[str]]("path/recent", [], _texts)
    recent_catalogues = Setting[list[str]]("catalogues/recent", [], _texts)

    browse_search = Setting[str]("browse/search", "", _text)
    browse_role = Setting[str]("browse/role", "", _text)
    compare_roles = Setting[list[str]]("compare/roles", [], _texts)
    path_rank = Setting[str]("path/rank", RankMode.PLAUSIBLE.value, _choice({m.value for m in RankMode}))
    path_sideways = Setting[bool]("path/sideways", False, _flag)
    path_routes = Setting[int]("path/routes", DEFAULT_ROUTES, _count(1, 20))

    def __init__(self, store: Optional[QSettings] = None) -> None:
        self.store = store if store is not None else _user_store()

    @property
    def recent_routes(self) -> list[tuple[str, str]]:
        """(from id, to id) of the routes asked for before, newest first."""
        pairs = [tuple(item.split("|")) for item in self.recent_routes_raw]
        return [(p[0], p[1]) for p in pairs if len(p) == 2 and all(p)]

    def remember_route(self, from_id: str, to_id: str) -> None:
        pairs = [(from_id, to_id)] + [p for p in self.recent_routes if p != (from_id, to_id)]
        self.recent_routes_raw = [f"{a}|{b}" for a, b in pairs[:MAX_RECENT]]

    def sync(self) -> None:
        self.store.sync()


def _user_store() -> QSettings:
    folder = user_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the app still runs; QSettings keeps settings in memory and app.py tells the user once
    return QSettings(str(folder / SETTINGS_FILE), QSettings.IniFormat)


def app_settings() -> Settings:
    return Settings()
