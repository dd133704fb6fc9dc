"""Where the window keeps its size, last view and last roles (QSettings).

Normally the platform's own store under "CareerExplorer" / "Career Explorer". When
CAREER_EXPLORER_HOME is set (tests always set it) an INI file in that folder is used instead, so a
run with a private home never touches the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from career_explorer.paths import HOME_ENV

ORGANISATION = "CareerExplorer"
APPLICATION = "Career Explorer"
SETTINGS_FILE = "settings.ini"


def app_settings() -> QSettings:
    home = os.environ.get(HOME_ENV)
    if home:
        Path(home).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(home) / SETTINGS_FILE), QSettings.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
