"""File → Import module/inverter file (.PAN/.OND)…: PVsyst files into the equipment library, undoably.

The files are read and checked in a worker by the same code as ``solarfleet-cli equipment import``
(:func:`~solarfleet.models.simulation.equipment.read_equipment`); the items are then stored in one
transaction on the GUI thread's connection (a few small rows) and registered with the catalog, so the
array editor's picker lists them at once. A bad file stores nothing. When an item is already in the library
the user chooses: Replace (its parameters overwritten; undo puts the old ones back), Keep both (the new one is
stored under a numbered model name) or Cancel. Undoing an import is refused while an array uses an item it added.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import dataclasses
from typing import Callable, Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from solarfleet.models.simulation import catalog
from solarfleet.models.store import add_equipment, delete_equipment, load_equipment

from solarfleet.app.gui.workers import Worker

__all__ = ["EquipmentImports", "read_files_job", "store_items", "REPLACE", "KEEP_BOTH", "CANCEL"]

#: The answers to "already in the library".
REPLACE, KEEP_BOTH, CANCEL = "replace", "keep_both", "cancel"


def read_files_job(paths):
    """Worker job: yield the list of library items read from ``paths`` (all, or an error for the first bad one)."""
    def job(progress, cancelled):
        from solarfleet.models.simulation.equipment import read_equipment
        items = []
        for i, path in enumerate(paths):
            if cancelled():
                return
            progress(i, len(paths), str(path))
            items.append(read_equipment(path))
        yield items
    return job


def store_items(store, items, replace: bool = False) -> None:
    """Store ``items`` in one transaction (``replace``: overwriting items of the same key); on any error the
    library and the catalog stay as they were."""
    added = []
    try:
        with store.db.atomic():
            for item in items:
                add_equipment(store, item, replace=replace)
                added.append(item.key)
    except Exception:
        for key in added:  # add_equipment registered them; the rollback removed their rows
            catalog.unregister(key)
        load_equipment(store)  # registers again what the rollback kept (the items a replace overwrote)
        raise


def renamed(item, taken: set):
    """``item`` under the first model name ``"Model (2)"``, ``"Model (3)"``… whose key is not in ``taken``."""
    n = 2
    while True:
        other = dataclasses.replace(item, model=f"{item.model} ({n})")
        if other.key not in taken:
            return other
        n += 1


class _AddEquipment(QUndoCommand):
    """Items added to the library; undo removes them (their arrays' edits, later on the stack, are undone first)."""

    def __init__(self, owner: "EquipmentImports", items: list, text: str, replaced: tuple = ()):
        super().__init__(text)
        self.owner, self.items, self.replaced = owner, items, tuple(replaced)
        self._done = True  # pushed after the first write

    def redo(self):
        if self._done:
            self._done = False
            return
        store_items(self.owner.store, self.items, replace=bool(self.replaced))
        self.owner.changed.emit()

    def undo(self):
        back = {i.key for i in self.replaced}
        used = self.owner.arrays_using({i.key for i in self.items} - back)
        if used:  # refused: nothing changes, and this import leaves the stack (Qt drops an obsolete command)
            self.setObsolete(True)
            self.owner.failed.emit(self.owner.in_use_message(used))
            return
        for item in self.items:
            if item.key not in back:
                delete_equipment(self.owner.store, item.key)
        if self.replaced:
            store_items(self.owner.store, list(self.replaced), replace=True)  # the old parameters again
        self.owner.changed.emit()


class EquipmentImports(QObject):
    """Imports PVsyst ``.PAN`` (module) and ``.OND`` (inverter) files into the equipment library.

    Parameters
    ----------
    store : solarfleet.models.store.Store
        The session's database (written on the GUI thread).
    undo_stack : QUndoStack
        The fleet's stack: Edit → Undo removes an import.
    pool : solarfleet.app.gui.workers.WorkerPool
        Reads the files.
    window : QWidget
        Parent of the action and the file dialog.
    read_only : bool
        A read-only session: the action stays disabled.
    fleet : solarfleet.app.gui.fleet_controller.FleetController, optional
        Its arrays keep the items they use: undoing their import is refused.
    ask : callable, optional
        ``ask(items) -> REPLACE | KEEP_BOTH | CANCEL`` for items already in the library (default: a dialog).

    Attributes
    ----------
    act_import : QAction

    Signals
    -------
    imported(list items)
        Items stored and registered with the catalog.
    failed(str message)
        One line naming the file, line and field; nothing was stored.
    changed()
        The library changed (an import, its undo or redo).
    """

    imported = Signal(list)
    failed = Signal(str)
    changed = Signal()

    def __init__(self, store, undo_stack, pool, window: QWidget, read_only: bool = False, fleet=None,
                 ask: Optional[Callable[[list], str]] = None):
        super().__init__(window)
        self.store, self.undo_stack, self.pool, self.window = store, undo_stack, pool, window
        self.fleet, self.ask = fleet, ask or self._ask
        self.worker: Optional[Worker] = None
        self.act_import = QAction(self.tr("Import &module/inverter file (.PAN/.OND)…"), window)
        self.act_import.setStatusTip(self.tr("Add PVsyst module (.PAN) and inverter (.OND) files to the "
                                             "equipment library"))
        self.act_import.triggered.connect(lambda: self.import_dialog())
        self.act_import.setEnabled(not read_only)

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import module/inverter files"), "",
                                                self.tr("PVsyst files (*.pan *.PAN *.ond *.OND)"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths) -> Worker:
        """Read ``paths`` in a worker, then store them all (or none) undoably."""
        w = Worker(read_files_job([str(p) for p in paths]), name="equipment import")
        w.signals.result.connect(self._store)
        w.signals.error.connect(lambda e: self.failed.emit(self._refused(e.message)))
        self.act_import.setEnabled(False)
        w.signals.finished.connect(lambda: self.act_import.setEnabled(True))
        self.worker = self.pool.start(w)
        return w

    def _refused(self, message: str) -> str:
        return self.tr("%1 (nothing was imported)").replace("%1", message)

    def _store(self, items: list) -> None:
        known = {i.key: i for i in catalog.library_items()}  # the store registered every stored item
        for n, item in enumerate(items):
            if item.key in {i.key for i in items[:n]}:
                self.failed.emit(self._refused(self.tr("%1: the same item twice in one import").replace(
                    "%1", f"{item.source_file or item.key}: {item.manufacturer} {item.model}")))
                return
        clashes = [i for i in items if i.key in known]
        choice = self.ask(clashes) if clashes else REPLACE
        if choice == CANCEL:
            return
        if choice == KEEP_BOTH:
            items = [renamed(i, set(known)) if i.key in known else i for i in items]
        replaced = tuple(known[i.key] for i in items if i.key in known)
        try:
            store_items(self.store, items, replace=bool(replaced))
        except ValueError as exc:  # e.g. written meanwhile by another program
            self.failed.emit(self._refused(str(exc)))
            return
        names = ", ".join(i.label for i in items)
        text = self.tr("Replace %1") if replaced else self.tr("Import %1")
        self.undo_stack.push(_AddEquipment(self, items, text.replace("%1", names), replaced))
        self.imported.emit(items)
        self.changed.emit()

    def _ask(self, clashes: list) -> str:
        """Ask what to do with ``clashes``, items whose manufacturer and model are already in the library."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Already in the equipment library"),
                          self.tr("Already in the equipment library: %1.").replace(
                              "%1", ", ".join(f"{i.manufacturer} {i.model}" for i in clashes)),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr("Replace overwrites the stored parameters (arrays that use the item "
                                       "simulate with the new ones; Undo puts the old ones back). Keep both "
                                       "adds the file under a numbered model name, e.g. “%1 (2)”.").replace(
                                           "%1", clashes[0].model))
        buttons = {box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole): REPLACE,
                   box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole): KEEP_BOTH,
                   box.addButton(QMessageBox.StandardButton.Cancel): CANCEL}
        box.exec()
        return buttons.get(box.clickedButton(), CANCEL)

    def arrays_using(self, keys: set) -> list[str]:
        """``"Park / Roof / Array"`` of every array whose module or inverter is one of ``keys``."""
        if self.fleet is None or not keys:
            return []
        return [f"{park.name} / {roof.name} / {array.name}" for park in self.fleet.fleet.parks
                for roof, array in park.iter_arrays() if keys & {array.module, array.inverter}]

    def in_use_message(self, arrays: list[str]) -> str:
        """One line: the import is not undone because ``arrays`` use its items."""
        more = len(arrays) - 3
        shown = ", ".join(arrays[:3]) + (self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else "")
        return self.tr("Not undone: %1 use the imported equipment; change their module or inverter first "
                       "(nothing was changed)").replace("%1", shown)
