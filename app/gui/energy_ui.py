"""The Tariff and battery dock's controller: edits written through the fleet's undo stack.

:class:`EnergyCommits` writes a park's tariff or battery as an undoable command (the editors get its
methods at construction); :class:`EnergySettingsUi` fills the editors for the selected park and refreshes
them after every write, undo or redo.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from solarfleet.models.store import get_battery, get_tariff, set_battery, set_tariff

__all__ = ["EnergyCommits", "EnergySettingsUi"]

log = logging.getLogger(__name__)


class _SetCommand(QUndoCommand):
    """Set a park's tariff or battery from ``old`` to ``new`` (None: removed)."""

    def __init__(self, commits: "EnergyCommits", text: str, write: Callable, park: str, old, new):
        super().__init__(text)
        self.commits, self.write, self.park, self.old, self.new = commits, write, park, old, new

    def _apply(self, value) -> None:
        self.write(self.commits.store, self.park, value)
        self.commits.written(self.park)

    def redo(self):
        self._apply(self.new)

    def undo(self):
        self._apply(self.old)


class EnergyCommits(QObject):
    """Undoable writes of the selected park's tariff and battery.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    undo_stack : QUndoStack
        The fleet's stack: Edit → Undo covers these edits too.
    park : callable
        ``park() -> str`` the selected park ('' for none).

    Signals
    -------
    changed(str park)
        A tariff or battery was written (also on undo and redo).
    """

    changed = Signal(str)

    def __init__(self, store, undo_stack, park: Callable[[], str], parent: Optional[QObject] = None):
        super().__init__(parent)
        self.store, self.undo_stack, self.park = store, undo_stack, park

    def written(self, park: str) -> None:
        self.changed.emit(park)

    def tariff(self, tariff) -> None:
        """Write ``tariff`` for the selected park (TariffError / store errors propagate: nothing changed)."""
        park = self.park()
        old = get_tariff(self.store, park)
        text = QCoreApplication.translate("EnergySettings", "Tariff of %1").replace("%1", park)
        self.undo_stack.push(_SetCommand(self, text, set_tariff, park, old, tariff))

    def battery(self, battery) -> None:
        park = self.park()
        old = get_battery(self.store, park)
        text = QCoreApplication.translate("EnergySettings", "Battery of %1").replace("%1", park)
        self.undo_stack.push(_SetCommand(self, text, set_battery, park, old, battery))


class EnergySettingsUi(QObject):
    """Keeps an :class:`~solarfleet.widgets.energy_editors.EnergySettingsView` on the selected park.

    Parameters
    ----------
    view : EnergySettingsView
    commits : EnergyCommits
    results : solarfleet.app.gui.result_views.ResultsController
        Told when a park's tariff or battery changed (its savings and balance are recomputed).
    """

    def __init__(self, view, commits: EnergyCommits, results, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.view, self.commits, self.results = view, commits, results
        self.park = ""
        commits.changed.connect(self._changed)
        self.view.show_park("")

    def select(self, park: str) -> None:
        """Show ``park``'s settings ('' = no park selected)."""
        self.park = park
        self.view.show_park(park)
        if not park:
            return
        from solarfleet.models.energy.tariff import example_tariff
        try:
            tariff = get_tariff(self.commits.store, park)
            battery = get_battery(self.commits.store, park)
        except KeyError:  # a park just deleted
            self.view.show_park("")
            return
        self.view.tariff.set_object(tariff if tariff is not None else example_tariff())
        self.view.battery.set_object(battery)

    def _changed(self, park: str) -> None:
        if self.results is not None:
            self.results.energy_settings_changed(park)
        if park == self.park:
            self.select(park)
