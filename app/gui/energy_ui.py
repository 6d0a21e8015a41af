"""The Tariff and battery dock's controller: edits written through the fleet's undo stack.

:class:`EnergyCommits` writes a park's tariff, battery or consumption as an undoable command (the editors
get its methods at construction); :class:`EnergySettingsUi` fills the editors for the selected park and
refreshes them after every write, undo or redo. A synthetic profile is generated, and a meter file read,
in a worker; the write (and its undo) is one transaction on the GUI thread's connection.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from solarfleet.app.gui.workers import Worker
from solarfleet.models.store import (add_load_series, default_weather, delete_load_series, get_battery,
                                     get_synthetic_load, get_tariff, list_load_series, load_park, load_series,
                                     load_weather, set_battery, set_synthetic_load, set_tariff)

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

    pool : solarfleet.app.gui.workers.WorkerPool, optional
        Generates synthetic loads and reads meter files; None: on the calling thread.

    Signals
    -------
    changed(str park)
        A tariff, battery or consumption was written (also on undo and redo).
    busy(bool)
        A profile is being generated or a meter file read.
    failed(str message)
        A meter file was refused or a profile could not be made (nothing was written).
    """

    changed = Signal(str)
    busy = Signal(bool)
    failed = Signal(str)

    def __init__(self, store, undo_stack, park: Callable[[], str], parent: Optional[QObject] = None, pool=None):
        super().__init__(parent)
        self.store, self.undo_stack, self.park, self.pool = store, undo_stack, park, pool
        self.worker: Optional[Worker] = None

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

    def load(self, params) -> None:
        """Generate the selected park's synthetic load from ``params`` (a SyntheticLoadParams) and write it."""
        park = self.park()
        old = get_synthetic_load(self.store, park)
        year, interval = _profile_year(old[1])
        tz, temp_air = load_park(self.store, park).tz, _park_temp_air(self.store, park)
        text = QCoreApplication.translate("EnergySettings", "Load of %1").replace("%1", park)

        def job(progress, cancelled):
            from solarfleet.models.energy.synthetic_load import synth_park_load
            yield synth_park_load(params, year=year, interval_minutes=interval, tz=tz, temp_air=temp_air)

        self._run(job, lambda series: self.undo_stack.push(
            _SetCommand(self, text, _write_synthetic, park, old, (params, series))))

    def import_meter(self, path) -> None:
        """Read meter file ``path`` for the selected park (a worker) and store it as meter ``path``'s stem."""
        park, path = self.park(), Path(path)
        meter = path.stem if path.stem.casefold() != "synthetic" else f"{path.stem} (meter)"
        tz = load_park(self.store, park).tz
        old = next((load_series(self.store, r["id"]) + (r["kind"],) for r in list_load_series(self.store, park)
                    if r["meter"] == meter), None)
        text = QCoreApplication.translate("EnergySettings", "Meter %1 of %2").replace("%1", meter) \
            .replace("%2", park)

        def job(progress, cancelled):
            from solarfleet.models.energy.load import read_meter
            yield read_meter(path, tz=tz) + ("measured",)

        self._run(job, lambda new: self.undo_stack.push(
            _SetCommand(self, text, lambda store, p, v: _write_meter(store, p, meter, v), park, old, new)))

    def delete_meter(self, meter: str) -> None:
        """Remove the selected park's series of ``meter`` undoably (its data come back on undo)."""
        park = self.park()
        row = next((r for r in list_load_series(self.store, park) if r["meter"] == meter), None)
        if row is None:
            raise KeyError(meter)
        old = load_series(self.store, row["id"]) + (row["kind"],)
        text = QCoreApplication.translate("EnergySettings", "Delete meter %1 of %2").replace("%1", meter) \
            .replace("%2", park)
        self.undo_stack.push(
            _SetCommand(self, text, lambda store, p, v: _write_meter(store, p, meter, v), park, old, None))

    def _run(self, job, done: Callable) -> None:
        """Run ``job`` (in the pool when there is one) and hand its one result to ``done`` on this thread."""
        self.busy.emit(True)
        if self.pool is None:
            try:
                for item in job(lambda *a: None, lambda: False):
                    done(item)
            except ValueError as exc:
                self.failed.emit(str(exc))
            finally:
                self.busy.emit(False)
            return
        w = Worker(job, name="load")
        w.signals.result.connect(done)
        w.signals.error.connect(lambda e: self.failed.emit(e.message))
        w.signals.finished.connect(lambda: self.busy.emit(False))
        self.worker = self.pool.start(w)


def _profile_year(series) -> tuple:
    """``(year, interval [min])`` of a stored synthetic series, or the demo's 2023 hourly without one."""
    if series is None:
        return 2023, 60
    meta = series[1]
    return int(meta.get("year", 2023)), int(meta.get("interval_minutes", 60))


def _park_temp_air(store, park: str):
    """The park's default weather's air temperature [°C] (the HVAC load follows it), or None."""
    wid = default_weather(store, park)
    return None if wid is None else load_weather(store, wid)[0].get("temp_air")


def _write_synthetic(store, park: str, value) -> None:
    """Write ``(params, series)`` as the park's synthetic load (params None: remove it)."""
    params, series = value
    set_synthetic_load(store, park, params, series)


def _write_meter(store, park: str, meter: str, value) -> None:
    """Write ``(data, meta, report, kind)`` as the park's series of ``meter`` (None: remove it)."""
    with store.db.atomic():
        delete_load_series(store, park, meter)
        if value is not None:
            data, meta, report, kind = value
            add_load_series(store, park, data, meta, report, meter=meter, kind=kind)


class EnergySettingsUi(QObject):
    """Keeps an :class:`~solarfleet.widgets.energy_editors.EnergySettingsView` on the selected park.

    Parameters
    ----------
    view : EnergySettingsView
    commits : EnergyCommits
    results : solarfleet.app.gui.result_views.ResultsController
        Told when a park's tariff or battery changed (its savings and balance are recomputed).
    confirm : callable, optional
        ``confirm(meter, park) -> bool`` before a meter series is deleted (default: a question dialog).
    """

    def __init__(self, view, commits: EnergyCommits, results, parent: Optional[QObject] = None,
                 confirm: Optional[Callable[[str, str], bool]] = None):
        super().__init__(parent)
        self.view, self.commits, self.results = view, commits, results
        self.confirm = confirm or self._confirm
        self.park = ""
        commits.changed.connect(self._changed)
        if view.load is not None:
            commits.busy.connect(view.load.set_busy)
            commits.failed.connect(view.load.show_error)
            view.load.importRequested.connect(self._ask_meter_file)
            view.load.deleteRequested.connect(self._delete_meter)
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
        if self.view.load is not None:
            self._show_load(park)

    def _show_load(self, park: str) -> None:
        """The park's synthetic-load parameters (a default from its roof area when it has none) and sources."""
        from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
        params, series = get_synthetic_load(self.commits.store, park)
        if params is None:
            area = sum(r.area for r in load_park(self.commits.store, park).roofs)
            params = SyntheticLoadParams(floor_area=area if area > 0 else 10000.0)
        rows = list_load_series(self.commits.store, park)
        measured = [(r["meter"], r["energy_wh"]) for r in rows if r["kind"] == "measured"]
        synthetic_wh = float(series[0].sum()) * series[1]["interval_minutes"] / 60.0 if series else None
        self.view.load.set_object(params)
        self.view.load.show_source(measured, synthetic_wh, series[1].get("year") if series else None)

    def _ask_meter_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.view, QCoreApplication.translate(
            "EnergySettings", "Import meter file"), "", QCoreApplication.translate(
            "EnergySettings", "Meter data (*.csv *.txt *.xlsx *.xls);;All files (*)"))
        if path and self.park:
            self.commits.import_meter(path)

    def _delete_meter(self, meter: str) -> None:
        if self.park and self.confirm(meter, self.park):
            self.commits.delete_meter(meter)

    def _confirm(self, meter: str, park: str) -> bool:
        question = QCoreApplication.translate(
            "EnergySettings", "Delete the measured series of meter %1 from %2? The balance then uses the remaining "
            "meters or the synthetic (modelled) profile. Edit → Undo brings it back.")
        answer = QMessageBox.question(
            self.view, QCoreApplication.translate("EnergySettings", "Delete meter"),
            question.replace("%1", meter).replace("%2", park),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _changed(self, park: str) -> None:
        if self.results is not None:
            self.results.energy_settings_changed(park)
        if park == self.park:
            self.select(park)
