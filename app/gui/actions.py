"""The main window's actions: :func:`make_action`, and :class:`FleetEditActions` — Add park / roof / array,
Duplicate and Delete on the node selected in the fleet tree.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from solarfleet.models.fleet import FleetValueError
from solarfleet.widgets.form_editor import reason_text

from solarfleet.app.gui.fleet_controller import FleetController

__all__ = ["make_action", "FleetEditActions"]


def make_action(parent: QWidget, text: str, slot: Optional[Callable] = None, shortcut=None,
                icon: Optional[QStyle.StandardPixmap] = None, tip: Optional[str] = None) -> QAction:
    """A :class:`QAction` of ``parent``; ``shortcut`` is a key string, a standard key or a list of
    :class:`QKeySequence`, ``icon`` a standard pixmap of ``parent``'s style."""
    a = QAction(text, parent)
    if shortcut is not None:
        a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if icon is not None:
        a.setIcon(parent.style().standardIcon(icon))
    if tip:
        a.setStatusTip(tip)
    if slot is not None:
        a.triggered.connect(slot)
    return a


class FleetEditActions(QObject):
    """Add, duplicate and delete fleet nodes relative to the selected one, undoably.

    Parameters
    ----------
    fleet : FleetController
    selection : callable
        ``selection() -> tuple``: the path of the selected node (``()`` = the fleet).
    read_only : bool
        A read-only session: every action stays disabled.
    window : QWidget
        Parent of the actions (their shortcuts act in it).

    Attributes
    ----------
    add_park, add_roof, add_array, duplicate, delete : QAction

    Signals
    -------
    statusMessage(str text, int timeout_ms)
        Why an edit was not done, or what was deleted.
    """

    statusMessage = Signal(str, int)

    def __init__(self, fleet: FleetController, selection: Callable[[], tuple], read_only: bool, window: QWidget):
        super().__init__(window)
        self.fleet = fleet
        self.selection = selection
        self.read_only = read_only
        SP = QStyle.StandardPixmap
        # the texts keep the main window's translation context: they are its Edit menu's
        self.add_park = make_action(window, QCoreApplication.translate("MainWindow", "Add &park"), self._add_park,
                                    "Ctrl+Shift+N", SP.SP_FileDialogNewFolder)
        self.add_roof = make_action(window, QCoreApplication.translate("MainWindow", "Add &roof"), self._add_roof,
                                    "Ctrl+Shift+R")
        self.add_array = make_action(window, QCoreApplication.translate("MainWindow", "Add &array"), self._add_array,
                                     "Ctrl+Shift+A")
        self.duplicate = make_action(window, QCoreApplication.translate("MainWindow", "D&uplicate"), self._duplicate,
                                     "Ctrl+D")
        self.delete = make_action(window, QCoreApplication.translate("MainWindow", "&Delete"), self._delete,
                                  QKeySequence.StandardKey.Delete, SP.SP_TrashIcon)
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.update(())

    def actions(self) -> list[QAction]:
        return [self.add_park, self.add_roof, self.add_array, self.duplicate, self.delete]

    def update(self, path: tuple) -> None:
        """Enable what applies to the node at ``path``."""
        writable = not self.read_only
        self.add_park.setEnabled(writable)
        self.add_roof.setEnabled(writable and len(path) >= 1)
        self.add_array.setEnabled(writable and len(path) >= 2)
        self.duplicate.setEnabled(writable and len(path) >= 1)
        self.delete.setEnabled(writable and len(path) >= 1)

    def _edit(self, fn, *args):
        """``fn(*args)``; an invalid edit or a vanished node is reported, not raised (returns None)."""
        try:
            return fn(*args)
        except FleetValueError as exc:
            text = QCoreApplication.translate("MainWindow", "Not done: %1")
            self.statusMessage.emit(text.replace("%1", f"{exc.value} – {reason_text(exc.reason)}"), 8000)
        except KeyError as exc:
            text = QCoreApplication.translate("MainWindow", "Not done: %1")
            self.statusMessage.emit(text.replace("%1", str(exc)), 8000)
        return None

    def _add_park(self):
        self._edit(self.fleet.add_park)

    def _add_roof(self):
        path = self.selection()
        if path:
            self._edit(self.fleet.add_roof, path[0])

    def _add_array(self):
        path = self.selection()
        if len(path) >= 2:
            self._edit(self.fleet.add_array, *path[:2])

    def _duplicate(self):
        path = self.selection()
        if path:
            self._edit(self.fleet.duplicate, path)

    def _delete(self):
        path = self.selection()
        if path and self._edit(self.fleet.delete, path) is not None:
            text = QCoreApplication.translate("MainWindow", "Deleted %1 – Ctrl+Z brings it back")
            self.statusMessage.emit(text.replace("%1", path[-1]), 8000)
