"""Logging to a rotating file in the appdirs log dir (and to stderr when there is one)."""
from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Optional

__all__ = ["setup_logging", "LOG_FILENAME"]

LOG_FILENAME = "solarfleet.log"


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to ``folder/solarfleet.log`` (2 MB × 5 files). Never writes to a None stream
    (a windowed PyInstaller build has ``sys.stderr is None``). Returns the log file path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILENAME
    root = logging.getLogger()
    root.setLevel(level)
    for h in list(root.handlers):
        if getattr(h, "_solarfleet", False):
            root.removeHandler(h)
            h.close()
    fh = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    fh._solarfleet = True
    root.addHandler(fh)
    stream: Optional[object] = sys.stderr
    if stream is not None:
        sh = logging.StreamHandler(stream)
        sh.setLevel(logging.WARNING)
        sh.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        sh._solarfleet = True
        root.addHandler(sh)
    return path
