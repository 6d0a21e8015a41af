"""The running application: which database is open, which window shows it, which language.

Opening another database or switching language builds a fresh :class:`MainWindow`; every session
opened gets the models from the ``providers_for`` the application was made with
(:func:`solarfleet.app.gui.wiring.providers_for` in the app).
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
from pathlib import Path
from typing import Callable, Optional

import sqlite3

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from solarfleet.models.store.lock import DatabaseLocked, WriterLock
from solarfleet.models.store import Store, StoreError, write_blocker

from solarfleet.app import APP_NAME, __version__
from solarfleet.app.gui.app_settings import make_settings
from solarfleet.app.gui.errors import show_error
from solarfleet.app.i18n import install_language
from solarfleet.app.gui.main_window import MainWindow
from solarfleet.app.gui.session import Providers, Session, open_session

__all__ = ["Application", "make_settings", "MAX_RECENT"]

log = logging.getLogger(__name__)
MAX_RECENT = 8


class Application(QObject):
    """Owns the open :class:`Session` and its :class:`MainWindow`.

    Parameters
    ----------
    settings : QSettings
    providers_for : callable, optional
        ``providers_for(store) -> Providers``: the models wired into every database opened (the
        simulation, stored results, loads, balance, file import); None: the fleet only.
    auto_run : bool
        Run the fleet on opening when a simulation is wired in and no result is shown yet.
    ask_locked : callable, optional
        ``ask_locked(exc: DatabaseLocked) -> 'read_only' | 'other' | 'cancel'``: what to do when
        another process holds the database's writer lock. Default: ask the user in a dialog.
    choose_file : callable, optional
        ``choose_file() -> str`` ('' = cancelled): picks "another file". Default: a file dialog.
    """

    # the answers of ask_locked
    READ_ONLY, OTHER_FILE, CANCEL = "read_only", "other", "cancel"

    def __init__(self, settings: QSettings, providers_for: Optional[Callable[[Store], Providers]] = None,
                 auto_run: bool = False, ask_locked: Optional[Callable[[DatabaseLocked], str]] = None,
                 choose_file: Optional[Callable[[], str]] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.settings = settings
        self.providers_for = providers_for
        self.auto_run = auto_run
        self.ask_locked = ask_locked if ask_locked is not None else self._ask_locked
        self.choose_file = choose_file if choose_file is not None else self._choose_file
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
        """Open the database at ``path`` in a new window; on failure keep the current one and say why.

        The session takes the file's writer lock (:class:`solarfleet.models.store.lock.WriterLock`). If another
        process holds it, ``ask_locked`` decides: a read-only session (editing and running
        disabled, a banner says who writes), another file, or nothing.
        """
        path = Path(path)
        cur = self.session
        if cur is not None and cur.lock is not None and cur.path is not None and _same_file(cur.path, path):
            return True  # already open for writing here: the lock is ours
        blocker = write_blocker(path)  # a read-only file or folder: a read-only session that says why
        lock: Optional[WriterLock] = None if blocker else WriterLock(path, program=f"{APP_NAME} {__version__}")
        reason = self._not_writable_reason(path, blocker) if blocker else None
        try:
            if lock is not None:
                lock.acquire()
        except DatabaseLocked as exc:
            lock = None
            log.info("%s", exc)
            choice = self.ask_locked(exc)
            if choice == self.OTHER_FILE:
                other = self.choose_file()
                return bool(other) and self.open(other, seed_demo=False)
            if choice != self.READ_ONLY:
                return False
            reason = self._read_only_reason(path, exc.holder)
        except OSError as exc:
            log.warning("could not lock %s: %s", path, exc)
            show_error(self.tr("Could not open the database."), f"{path}: {exc}", self.window)
            return False
        try:
            session = open_session(path, seed_demo=seed_demo, lock=lock, read_only_reason=reason,
                                   providers_for=self.providers_for, settings=self.settings)
        except (StoreError, OSError, sqlite3.Error) as exc:
            if lock is not None:
                lock.release()
            log.warning("could not open %s: %s", path, exc)
            show_error(self.tr("Could not open the database."), str(exc), self.window)
            return False
        old_session = self.session
        self.session = session
        if session.path is not None:
            self._remember(session.path)
        self._build_window()
        if old_session is not None:
            old_session.close()
        if self.auto_run and session.runs.available() and not session.results.has_results():
            session.runs.start(session.fleet.fleet)
        return True

    def _not_writable_reason(self, path: Path, blocker: str) -> str:
        """The banner of a read-only session on a file (``blocker`` 'file') or folder ('folder') this user may
        not write."""
        text = self.tr("Read-only: the file %1 is not writable for you. Editing and running are disabled; "
                       "change its permissions or copy it to a writable folder to edit it.") if blocker == "file" \
            else self.tr("Read-only: the folder of %1 is not writable for you, so the database cannot be changed "
                         "there. Editing and running are disabled; copy it to a writable folder to edit it.")
        return text.replace("%1", str(path))

    def _read_only_reason(self, path: Path, holder: dict) -> str:
        """The banner of a read-only session: who writes the file at ``path``."""
        return self.tr("Read-only: %1 is being written by %2 (process %3 on %4, since %5). "
                       "Editing and running are disabled; reopen the file when it is closed there.") \
            .replace("%1", path.name).replace("%2", str(holder.get("program", "another SolarFleet"))) \
            .replace("%3", str(holder.get("pid", "?"))).replace("%4", str(holder.get("host", "?"))) \
            .replace("%5", str(holder.get("since_utc", "?")))

    def _ask_locked(self, exc: DatabaseLocked) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database in use"), str(exc),
                          QMessageBox.StandardButton.Cancel, self.window)
        ro = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton(self.tr("Choose another file…"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(ro)
        box.exec()
        clicked = box.clickedButton()
        return self.READ_ONLY if clicked is ro else self.OTHER_FILE if clicked is other else self.CANCEL

    def _choose_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open database"), "",
                                              self.tr("SolarFleet database (*.db);;All files (*)"))
        return path

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
        """Save the window state, stop workers, close the database and release its writer lock."""
        if self.window is not None:
            self.window.save_state()
        if self.session is not None:
            self.session.close()
            self.session = None
        self.settings.sync()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
