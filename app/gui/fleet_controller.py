"""The fleet being edited: every change goes through a :class:`~PySide6.QtGui.QUndoStack` into SQLite.

An edit anywhere in a park (the park itself, a roof, an array) becomes one
:class:`ParkCommand` holding the park before and after. ``redo`` writes the new park,
``undo`` writes the old one back, so undo/redo restores the database, not just the screen.
New objects are built (and so validated by :mod:`solarfleet.models.fleet`) before a command is pushed:
an invalid edit raises :class:`~solarfleet.models.fleet.FleetValueError` and touches nothing.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import dataclasses
import logging
from typing import Optional, Union

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from solarfleet.models.fleet import Array, Fleet, FleetValueError, Park, Roof
from solarfleet.models.store import delete_park, insert_park, load_fleet, park_position, replace_park

__all__ = ["FleetController", "ParkCommand", "Path"]

log = logging.getLogger(__name__)

#: A node of the fleet tree: ``()`` fleet, ``(park,)``, ``(park, roof)``, ``(park, roof, array)``.
Path = tuple


def _unique(base: str, taken) -> str:
    folded = {t.casefold() for t in taken}
    if base.casefold() not in folded:
        return base
    n = 2
    while f"{base} {n}".casefold() in folded:
        n += 1
    return f"{base} {n}"


class ParkCommand(QUndoCommand):
    """Replace, add or delete one park. ``before``/``after`` of ``None`` mean 'did not exist'."""

    def __init__(self, controller: "FleetController", text: str, before: Optional[Park],
                 after: Optional[Park], position: Optional[int], select_after: Path, select_before: Path):
        super().__init__(text)
        self.controller = controller
        self.before, self.after, self.position = before, after, position
        self.select_after, self.select_before = select_after, select_before

    def _write(self, old: Optional[Park], new: Optional[Park]) -> None:
        store = self.controller.store
        if old is not None and new is not None:
            replace_park(store, old.name, new)
        elif old is not None:
            delete_park(store, old.name)
        elif new is not None:
            insert_park(store, new, self.position)

    def redo(self):
        try:
            self._write(self.before, self.after)
        except Exception as exc:  # noqa: BLE001 - a failed write must not leave a command on the stack
            log.exception("edit failed: %s", self.text())
            self.setObsolete(True)
            self.controller.writeFailed.emit(str(exc))
            return
        self.controller.reload(self.select_after, self.after.name if self.after else self.before.name)

    def undo(self):
        try:
            self._write(self.after, self.before)
        except Exception as exc:  # noqa: BLE001
            log.exception("undo failed: %s", self.text())
            self.controller.writeFailed.emit(str(exc))
            return
        self.controller.reload(self.select_before, self.before.name if self.before else self.after.name)


class FleetController(QObject):
    """Owns the fleet of one open database and its undo stack.

    Parameters
    ----------
    store : solarfleet.models.store.Store
        The open database (GUI thread only).

    Signals
    -------
    fleetChanged(tuple path)
        The fleet changed (edit, undo or redo); ``path`` is the node to select.
    parkChanged(str name)
        Park ``name`` changed: its results are stale.
    writeFailed(str message)
        A database write failed; nothing was changed.
    """

    fleetChanged = Signal(tuple)
    parkChanged = Signal(str)
    writeFailed = Signal(str)

    def __init__(self, store, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.fleet: Fleet = load_fleet(store)

    # -- reading --
    def node(self, path: Path) -> Union[Fleet, Park, Roof, Array, None]:
        """The object at ``path``, or None if there is none."""
        try:
            obj = self.fleet
            if len(path) >= 1:
                obj = self.fleet.park(path[0])
            if len(path) >= 2:
                obj = next(r for r in obj.roofs if r.name.casefold() == path[1].casefold())
            if len(path) >= 3:
                obj = next(a for a in obj.arrays if a.name.casefold() == path[2].casefold())
            return obj
        except (KeyError, StopIteration):
            return None

    def reload(self, select: Path, park_name: str) -> None:
        """Read the fleet again after park ``park_name`` was written; select node ``select``."""
        self.fleet = load_fleet(self.store)
        self.parkChanged.emit(park_name)
        self.fleetChanged.emit(tuple(select))

    def _push(self, text, before, after, select_after, select_before, position=None) -> None:
        if after is not None:  # check the whole fleet (unique park names) before touching the DB
            others = [p for p in self.fleet.parks if before is None or p.name.casefold() != before.name.casefold()]
            Fleet(tuple(others) + (after,))
        if before is not None and position is None:
            position = park_position(self.store, before.name)
        self.undo_stack.push(ParkCommand(self, text, before, after, position, select_after, select_before))

    # -- edits: each raises FleetValueError (nothing changed) if the result is invalid --
    def set_park(self, old_name: str, park: Park) -> None:
        """Replace park ``old_name`` (its roofs kept as given in ``park``)."""
        before = self.fleet.park(old_name)
        if park == before:
            return
        self._push(QCoreApplication.translate("FleetController", "Edit park %1").replace("%1", park.name), before, park, (park.name,), (before.name,))

    def set_park_fields(self, old_name: str, **fields) -> None:
        """Change fields of park ``old_name``, keeping its roofs."""
        before = self.fleet.park(old_name)
        self.set_park(old_name, dataclasses.replace(before, **fields))

    def set_roof(self, park_name: str, roof_name: str, roof: Roof) -> None:
        """Replace roof ``roof_name`` of park ``park_name`` by ``roof``."""
        park = self.fleet.park(park_name)
        old = self.node((park_name, roof_name))
        if old is None:
            raise KeyError(roof_name)
        if roof == old:
            return
        roofs = tuple(roof if r is old else r for r in park.roofs)
        after = self._rebuild_park(park, roofs=roofs)
        self._push(QCoreApplication.translate("FleetController", "Edit roof %1").replace("%1", roof.name), park, after,
                   (park.name, roof.name), (park.name, old.name))

    def set_array(self, park_name: str, roof_name: str, array_name: str, array: Array) -> None:
        """Replace array ``array_name`` on roof ``roof_name`` by ``array``."""
        park = self.fleet.park(park_name)
        roof = self.node((park_name, roof_name))
        old = self.node((park_name, roof_name, array_name))
        if roof is None or old is None:
            raise KeyError(array_name)
        if array == old:
            return
        new_roof = self._rebuild_roof(roof, tuple(array if a is old else a for a in roof.arrays))
        after = self._rebuild_park(park, roofs=tuple(new_roof if r is roof else r for r in park.roofs))
        self._push(QCoreApplication.translate("FleetController", "Edit array %1").replace("%1", array.name), park, after,
                   (park.name, roof.name, array.name), (park.name, roof.name, old.name))

    def add_park(self, park: Optional[Park] = None) -> Path:
        """Add ``park`` (default a new empty park near Shanghai) at the end of the list."""
        if park is None:
            park = Park(name=_unique(QCoreApplication.translate("FleetController", "New park"), [p.name for p in self.fleet.parks]),
                        latitude=31.23, longitude=121.47, altitude=4.0, tz="Asia/Shanghai", grid_region="east")
        self._push(QCoreApplication.translate("FleetController", "Add park %1").replace("%1", park.name), None, park, (park.name,), (),
                   position=len(self.fleet.parks))
        return (park.name,)

    def add_roof(self, park_name: str, roof: Optional[Roof] = None) -> Path:
        park = self.fleet.park(park_name)
        if roof is None:
            roof = Roof(name=_unique(QCoreApplication.translate("FleetController", "Roof"), [r.name for r in park.roofs]), roof_type="flat",
                        area=10000.0, surface_tilt=0.0, surface_azimuth=180.0, height=12.0)
        after = self._rebuild_park(park, roofs=park.roofs + (roof,))
        self._push(QCoreApplication.translate("FleetController", "Add roof %1").replace("%1", roof.name), park, after, (park.name, roof.name), (park.name,))
        return (park.name, roof.name)

    def add_array(self, park_name: str, roof_name: str, array: Optional[Array] = None) -> Path:
        park = self.fleet.park(park_name)
        roof = self.node((park_name, roof_name))
        if roof is None:
            raise KeyError(roof_name)
        if array is None:
            array = Array(name=_unique(QCoreApplication.translate("FleetController", "Array"), [a.name for a in roof.arrays]), dc_model="pvwatts",
                          pdc0=100_000.0)
        new_roof = self._rebuild_roof(roof, roof.arrays + (array,))
        after = self._rebuild_park(park, roofs=tuple(new_roof if r is roof else r for r in park.roofs))
        self._push(QCoreApplication.translate("FleetController", "Add array %1").replace("%1", array.name), park, after,
                   (park.name, roof.name, array.name), (park.name, roof.name))
        return (park.name, roof.name, array.name)

    def duplicate(self, path: Path) -> Path:
        """Copy the park, roof or array at ``path`` under a free name beside it; returns the copy's path."""
        obj = self.node(path)
        if obj is None or not path:
            raise KeyError(path)
        copy_of = QCoreApplication.translate("FleetController", "%1 (copy)").replace("%1", obj.name)
        if len(path) == 1:
            return self.add_park(dataclasses.replace(obj, name=_unique(copy_of, [p.name for p in self.fleet.parks])))
        park = self.fleet.park(path[0])
        if len(path) == 2:
            return self.add_roof(park.name, dataclasses.replace(obj, name=_unique(copy_of, [r.name for r in park.roofs])))
        roof = self.node(path[:2])
        return self.add_array(park.name, roof.name,
                              dataclasses.replace(obj, name=_unique(copy_of, [a.name for a in roof.arrays])))

    def delete(self, path: Path) -> Path:
        """Delete the node at ``path``; returns the path of its parent (to select)."""
        obj = self.node(path)
        if obj is None or not path:
            raise KeyError(path)
        park = self.fleet.park(path[0])
        if len(path) == 1:
            self._push(QCoreApplication.translate("FleetController", "Delete park %1").replace("%1", park.name), park, None, (), (park.name,))
            return ()
        if len(path) == 2:
            after = self._rebuild_park(park, roofs=tuple(r for r in park.roofs if r is not obj))
            self._push(QCoreApplication.translate("FleetController", "Delete roof %1").replace("%1", obj.name), park, after, (park.name,), path)
            return (park.name,)
        roof = self.node(path[:2])
        new_roof = self._rebuild_roof(roof, tuple(a for a in roof.arrays if a is not obj))
        after = self._rebuild_park(park, roofs=tuple(new_roof if r is roof else r for r in park.roofs))
        self._push(QCoreApplication.translate("FleetController", "Delete array %1").replace("%1", obj.name), park, after, (park.name, roof.name), path)
        return (park.name, roof.name)

    @staticmethod
    def _rebuild_park(park: Park, roofs) -> Park:
        try:
            return dataclasses.replace(park, roofs=tuple(roofs))
        except FleetValueError as exc:
            raise FleetValueError("name", exc.value, exc.reason) from None

    @staticmethod
    def _rebuild_roof(roof: Roof, arrays) -> Roof:
        try:
            return dataclasses.replace(roof, arrays=tuple(arrays))
        except FleetValueError as exc:
            raise FleetValueError("name", exc.value, exc.reason) from None
