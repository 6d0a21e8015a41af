"""Errors the user should see: a non-modal dialog with details to copy, and the exception hook."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
import sys
import traceback
from typing import Optional

from PySide6.QtCore import QThread, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

__all__ = ["ErrorDialog", "show_error", "show_info", "install_excepthook"]

log = logging.getLogger("solarfleet.errors")
_open_dialogs: list["ErrorDialog"] = []


class ErrorDialog(QDialog):
    """Non-modal: the app keeps working while it is open."""

    def __init__(self, summary: str, details: str, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("SolarFleet – something went wrong"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("SolarFleet is still running; nothing was lost. "
                              "The details are also in the log file."), self)
        hint.setWordWrap(True)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(hint)
        lay.addWidget(self.details, 1)
        lay.addWidget(buttons)
        self.resize(640, 360)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.summary.text()}\n\n{self.details.toPlainText()}")

    def closeEvent(self, event):
        if self in _open_dialogs:
            _open_dialogs.remove(self)
        super().closeEvent(event)


def show_error(summary: str, details: str, parent: Optional[QWidget] = None) -> Optional[ErrorDialog]:
    """Show a non-modal error dialog (GUI thread only); returns it, or None without a GUI."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return None
    if len(_open_dialogs) >= 5:  # an error in a paint loop must not bury the screen in dialogs
        return None
    dlg = ErrorDialog(summary, details, parent or app.activeWindow())
    _open_dialogs.append(dlg)
    dlg.show()
    return dlg


def show_info(title: str, text: str, parent: Optional[QWidget] = None) -> QDialog:
    """A non-modal dialog with a report (e.g. an importer's), text selectable and copyable."""
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view = QPlainTextEdit(text, dlg)
    view.setReadOnly(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=dlg)
    buttons.rejected.connect(dlg.close)
    lay = QVBoxLayout(dlg)
    lay.addWidget(view)
    lay.addWidget(buttons)
    dlg.resize(560, 320)
    dlg.show()
    return dlg


def _hook(exc_type, exc, tb):
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception\n%s", details)
    try:
        show_error(f"{exc_type.__name__}: {exc}", details)
    except Exception:  # noqa: BLE001 - the hook itself must never raise
        log.exception("could not show the error dialog")


def install_excepthook() -> None:
    """Route uncaught exceptions (also from Qt slots) to the log and a dialog; the app stays alive."""
    sys.excepthook = _hook
