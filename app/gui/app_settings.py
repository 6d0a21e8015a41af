"""The app's QSettings, importable before the heavy parts of the app (the splash needs the language)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from solarfleet.app import APP_AUTHOR, APP_NAME

__all__ = ["make_settings"]


def make_settings() -> QSettings:
    """The app's QSettings; an INI file in ``$SOLARFLEET_DATA_DIR`` when that is set (tests, portable use)."""
    override = os.environ.get("SOLARFLEET_DATA_DIR")
    if override:
        Path(override).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(APP_AUTHOR, APP_NAME)
