"""File → Import module/inverter file (.PAN/.OND)…: PVsyst files into the equipment library, undoably.

The files are read and checked in a worker by the same code as ``solarfleet-cli equipment import``
(:func:`~solarfleet.models.simulation.equipment.read_equipment`); the items are then stored in one
transaction on the GUI thread's connection (a few small rows) and registered with the catalog, so the
array editor's picker lists them at once. A bad file, or one already in the library, stores nothing.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QWidget

from solarfleet.models.simulation import catalog
from solarfleet.models.store import add_equipment, delete_equipment

from solarfleet.app.gui.workers import Worker

__all__ = ["EquipmentImports", "read_files_job", "store_items"]


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


def store_items(store, items) -> None:
    """Store ``items`` in one transaction; on any error none stays stored or registered with the catalog."""
    added = []
    try:
        with store.db.atomic():
            for item in items:
                add_equipment(store, item)
                added.append(item.key)
    except Exception:
        for key in added:  # add_equipment registered them; the rollback removed their rows
            catalog.unregister(key)
        raise


class _AddEquipment(QUndoCommand):
    """Items added to the library; undo removes them (their arrays' edits, later on the stack, are undone first)."""

    def __init__(self, owner: "EquipmentImports", items: list, text: str):
        super().__init__(text)
        self.owner, self.items, self._done = owner, items, True  # pushed after the first write

    def redo(self):
        if self._done:
            self._done = False
            return
        store_items(self.owner.store, self.items)
        self.owner.changed.emit()

    def undo(self):
        for item in self.items:
            delete_equipment(self.owner.store, item.key)
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

    def __init__(self, store, undo_stack, pool, window: QWidget, read_only: bool = False):
        super().__init__(window)
        self.store, self.undo_stack, self.pool, self.window = store, undo_stack, pool, window
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
        known = {i.key for i in catalog.library_items()}  # the store registered every stored item
        for n, item in enumerate(items):
            if item.key in known or item.key in {i.key for i in items[:n]}:
                self.failed.emit(self._refused(self.tr("%1: already in the equipment library").replace(
                    "%1", f"{item.source_file or item.key}: {item.manufacturer} {item.model}")))
                return
        try:
            store_items(self.store, items)
        except ValueError as exc:  # e.g. written meanwhile by another program
            self.failed.emit(self._refused(str(exc)))
            return
        names = ", ".join(i.label for i in items)
        self.undo_stack.push(_AddEquipment(self, items, self.tr("Import %1").replace("%1", names)))
        self.imported.emit(items)
        self.changed.emit()
