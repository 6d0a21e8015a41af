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


def throwaway_data_dir(prefix: str = "solarfleet-shots-") -> str:
    """Point the app at a new temporary data dir (never the user's), offscreen unless a platform is set;
    call before anything imports Qt or opens a store. Returns the directory."""
    import tempfile
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix=prefix)
    os.environ.pop("SOLARFLEET_DB", None)
    return os.environ["SOLARFLEET_DATA_DIR"]


def wait_for(done, timeout_s: float, step_ms: int = 50) -> bool:
    """Run the event loop until ``done()`` is true or ``timeout_s`` [s] has passed; returns ``done()``."""
    end = time.perf_counter() + timeout_s
    while not done() and time.perf_counter() < end:
        settle(step_ms)
    return bool(done())


def close_window(w) -> None:
    """Close and delete a window, and let Qt finish with it."""
    w.close()
    w.deleteLater()
    settle(100)


def finish(session, written: list, install_language) -> int:
    """Back to English, close the session, print the files written; the scripts' exit code (0)."""
    install_language("en")
    session.close()
    for p in written:
        print(p)
    return 0
