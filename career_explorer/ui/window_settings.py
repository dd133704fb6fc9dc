"""Where the window keeps its size, last view, last roles and recent catalogues (QSettings).

Always an INI file in the user-data folder, never the platform's registry or plist: the app writes
only to that folder, and CAREER_EXPLORER_HOME (which tests always set) moves it with everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from career_explorer.paths import user_data_dir

ORGANISATION = "CareerExplorer"
APPLICATION = "Career Explorer"
SETTINGS_FILE = "settings.ini"


def app_settings() -> QSettings:
    folder = user_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the app still runs; QSettings keeps settings in memory and app.py tells the user once
    return QSettings(str(folder / SETTINGS_FILE), QSettings.IniFormat)
