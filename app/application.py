"""The running application: which database is open, which window shows it, which language.

Opening another database or switching language builds a fresh :class:`MainWindow`; the lead's
wiring (simulation, loads, tariffs) is applied to every new session by the ``configure`` hook.
"""
from __future__ import annotations

import widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
import os
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, QSettings

from models.store import StoreError

from . import APP_AUTHOR, APP_NAME
from .errors import show_error
from .i18n import install_language
from .main_window import MainWindow
from .session import Session, open_session

__all__ = ["Application", "make_settings", "MAX_RECENT"]

log = logging.getLogger(__name__)
MAX_RECENT = 8


def make_settings() -> QSettings:
    """The app's QSettings; an INI file in ``$SOLARFLEET_DATA_DIR`` when that is set (tests, portable use)."""
    override = os.environ.get("SOLARFLEET_DATA_DIR")
    if override:
        Path(override).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(override) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(APP_AUTHOR, APP_NAME)


class Application(QObject):
    """Owns the open :class:`Session` and its :class:`MainWindow`.

    Parameters
    ----------
    settings : QSettings
    configure : callable, optional
        ``configure(session)`` runs for every database opened: inject the simulation
        (``session.runs.set_job_factory``), the loads (``session.results.load_for``) etc. here.
    auto_run : bool
        Run the fleet on opening when a simulation is configured and no result is shown yet.
    """

    def __init__(self, settings: QSettings, configure: Optional[Callable[[Session], None]] = None,
                 auto_run: bool = False, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.settings = settings
        self.configure = configure
        self.auto_run = auto_run
        self.session: Optional[Session] = None
        self.window: Optional[MainWindow] = None

    def recent(self) -> list[str]:
        value = self.settings.value("recentDatabases", []) or []
        return [value] if isinstance(value, str) else list(value)

    def _remember(self, path: Path) -> None:
        p = str(path)
        recent = [r for r in self.recent() if r != p]
        self.settings.setValue("recentDatabases", [p] + recent[:MAX_RECENT - 1])
        self.settings.setValue("lastDatabase", p)

    def open(self, path, seed_demo: bool = False) -> bool:
        """Open the database at ``path`` in a new window; on failure keep the current one and say why."""
        try:
            session = open_session(path, seed_demo=seed_demo)
        except (StoreError, OSError) as exc:
            log.warning("could not open %s: %s", path, exc)
            show_error(self.tr("Could not open the database."), str(exc), self.window)
            return False
        if self.configure is not None:
            self.configure(session)
        old_session = self.session
        self.session = session
        if session.path is not None:
            self._remember(session.path)
        self._build_window()
        if old_session is not None:
            old_session.close()
        if self.auto_run and session.runs.available() and not session.results.has_results():
            self.window._run()
        return True

    def set_language(self, code: str) -> None:
        """Switch language ('' = follow the OS) and rebuild the window in it."""
        self.settings.setValue("language", code)
        install_language(code)
        self._build_window()

    def _build_window(self) -> None:
        old = self.window
        if old is not None:
            old.save_state()
        w = MainWindow(self.session, self.settings, self.recent())
        w.openRequested.connect(lambda p: self.open(p))
        w.newRequested.connect(self._new)
        w.languageRequested.connect(self.set_language)
        self.window = w
        w.show()
        if old is not None:
            old.hide()
            old.deleteLater()

    def _new(self, path: str) -> None:
        p = Path(path)
        if p.exists():
            show_error(self.tr("A file of that name exists; choose File → Open to open it."), str(p), self.window)
            return
        self.open(p, seed_demo=False)

    def shutdown(self) -> None:
        """Save the window state, stop workers, close the database."""
        if self.window is not None:
            self.window.save_state()
        if self.session is not None:
            self.session.close()
            self.session = None
        self.settings.sync()
