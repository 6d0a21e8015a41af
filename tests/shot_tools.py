"""What the screenshot scripts (``tests/screenshots*.py``) share: letting the event loop run, and the size."""
from __future__ import annotations

import os
import time


def settle(ms: int = 300) -> None:
    """Run the Qt event loop for ``ms`` milliseconds (workers report, layouts and charts settle)."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def screen_size() -> tuple[str, tuple[int, int]]:
    """The screen being imitated, from ``QT_SCALE_FACTOR``: its name and the window's logical size [px]:
    a 1366 × 768 laptop, or a 1920 × 1080 screen at 125 % (1536 × 864 logical pixels)."""
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    return ("1920x1080@125", (1536, 864)) if scale > 1 else ("1366x768", (1366, 768))
