"""Where the shipped resources live: package data of :mod:`solarfleet.resources`.

Found through :mod:`importlib.resources`, so the same call works in a checkout, an editable or wheel
install and a PyInstaller bundle (whose loader serves the package's folder under ``sys._MEIPASS``).
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["resource_path"]

RESOURCES_PACKAGE = "solarfleet.resources"


def resource_path(*parts: str) -> Path:
    """Path of a file (or folder) under the shipped resources.

    Parameters
    ----------
    *parts : str
        Path components below ``resources/``, e.g. ``("i18n", "solarfleet_zh_CN.qm")``.

    Returns
    -------
    pathlib.Path
        A real file system path (the resources are never zipped: Qt and numpy read them by name).
    """
    root = files(RESOURCES_PACKAGE)
    return Path(str(root)).joinpath(*parts)
