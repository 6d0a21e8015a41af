"""Where SolarFleet keeps its files: the appdirs user data and log dirs, with overrides.

Overrides, strongest first: an explicit path (``--db PATH`` or File → Open), the
environment variable ``SOLARFLEET_DB`` (a database file), ``SOLARFLEET_DATA_DIR``
(a folder used instead of the user data dir; tests point it at a temp dir).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import appdirs

from solarfleet.app import APP_AUTHOR, APP_NAME

DB_FILENAME = "solarfleet.db"


def data_dir() -> Path:
    """The folder for the database and caches."""
    override = os.environ.get("SOLARFLEET_DATA_DIR")
    return Path(override) if override else Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """The folder for the rotating log."""
    override = os.environ.get("SOLARFLEET_DATA_DIR")
    return Path(override) / "logs" if override else Path(appdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def db_path(explicit: Optional[str] = None) -> Path:
    """The database to open: ``explicit``, else ``$SOLARFLEET_DB``, else ``data_dir()/solarfleet.db``."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SOLARFLEET_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME
