"""Where the shipped resources live, in a source tree and in a PyInstaller bundle."""
from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``.

    In a PyInstaller bundle the folder sits under ``sys._MEIPASS``; in a checkout or an
    editable install it sits beside the packages.
    """
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
