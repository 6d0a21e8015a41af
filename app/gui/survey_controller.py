"""The survey behind the Survey tab: debounced instant estimates in a worker, saving into the fleet with
undo, and survey packages in and out.

Estimates: :meth:`SurveyController.request` restarts a :data:`DEBOUNCE_MS` timer; when it fires the
newest inputs go to a :class:`~solarfleet.app.gui.workers.Worker` that runs
:func:`solarfleet.models.survey.estimate.estimate_survey` (synthetic year cached per site and monthly GHI, so
a geometry edit re-runs only layout + simulation). A newer request cancels the running worker
(``simulate_park`` polls ``cancelled()``) and any result of an outdated computation is dropped.
:attr:`SurveyController.last_latency` is the time from the last edit to the estimate delivered [s].
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import dataclasses
import logging
import time
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from solarfleet.app.gui.workers import Worker
from solarfleet.models.store import delete_park, replace_park

__all__ = ["SurveyController", "SaveSurveyCommand", "DEBOUNCE_MS"]

log = logging.getLogger(__name__)

# Quiet time after the last edit before an estimate starts [ms].
DEBOUNCE_MS = 250


def _estimate_job(inputs, layouts):
    from solarfleet.models.simulation.engine import SimulationCancelled
    from solarfleet.models.survey.estimate import estimate_survey

    def job(progress, cancelled):
        try:
            yield estimate_survey(inputs.site, ghi=inputs.ghi, floor_area=inputs.floor_area, layouts=layouts,
                                  cancel=cancelled)
        except SimulationCancelled:
            return
    return job


class SaveSurveyCommand(QUndoCommand):
    """Store a surveyed park and its survey document; undo restores what was there (or nothing)."""

    def __init__(self, controller, text: str, before, after):
        super().__init__(text)
        self.controller = controller
        self.before, self.after = before, after  # (Park, extras dict or None) or None

    def _write(self, old, new) -> None:
        from solarfleet.models.store import delete_survey, save_surveyed_park
        store = self.controller.store
        if new is None:
            delete_park(store, old[0].name)
            return
        park, extras = new
        if old is None:
            save_surveyed_park(store, park, extras)
        else:
            replace_park(store, old[0].name, park)
            if extras is None:
                delete_survey(store, park.name)
            else:
                save_surveyed_park(store, park, extras, replace=True)

    def _apply(self, old, new) -> None:
        try:
            self._write(old, new)
        except Exception as exc:  # noqa: BLE001 - a failed write must not leave a command on the stack
            log.exception("survey save failed")
            self.setObsolete(True)
            self.controller.fleet.writeFailed.emit(str(exc))
            return
        name = (new or old)[0].name
        self.controller.fleet.reload((name,) if new is not None else (), name)
        if new is not None:
            self.controller.saved.emit(name)

    def redo(self):
        self._apply(self.before, self.after)

    def undo(self):
        self._apply(self.after, self.before)


class SurveyController(QObject):
    """Estimates, saving and packages for the Survey tab of one session.

    Parameters
    ----------
    store : solarfleet.models.store.Store
        The session's store (GUI thread).
    fleet : solarfleet.app.gui.fleet_controller.FleetController
        The fleet being edited: saved surveys go onto its undo stack.
    pool : solarfleet.app.gui.workers.WorkerPool
        Runs the estimates.
    debounce_ms : int
        Quiet time after the last edit before an estimate starts [ms].

    Signals
    -------
    estimateStarted()
    estimateReady(object estimate, float latency)
        A :class:`solarfleet.models.survey.estimate.SurveyEstimate` for the newest inputs; ``latency`` is the
        time since the last edit [s].
    estimateFailed(str message)
    saved(str park)
        A surveyed park was written into the fleet (saved, or redone): the window simulates it at once.
    """

    saved = Signal(str)
    estimateStarted = Signal()
    estimateReady = Signal(object, float)
    estimateFailed = Signal(str)

    def __init__(self, store, fleet, pool, parent: Optional[QObject] = None, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.store = store
        self.fleet = fleet
        self.pool = pool
        self._pending = None
        self._edit_time = 0.0
        self._generation = 0
        self._worker: Optional[Worker] = None
        self.last_latency: Optional[float] = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self._start)

    def climate_at(self, latitude: float, longitude: float):
        """The installed climate packs' climate at a site (``PackClimate``), None when no pack covers it.

        Read on the GUI thread from the session's store (a few rows); nothing goes online.
        """
        from solarfleet.models.weather.climate_pack import pack_climate_at
        return pack_climate_at(self.store, latitude, longitude)

    # -- estimates --
    def request(self, inputs, layouts: Optional[dict] = None) -> None:
        """New inputs (a :class:`solarfleet.widgets.survey_form.SurveyInputs`); estimated after the debounce."""
        self._pending = (inputs, dict(layouts or {}))
        self._edit_time = time.perf_counter()
        self._generation += 1
        if self._worker is not None:  # outdated: stop it now, its result would be dropped anyway
            self._worker.cancel()
        self.timer.start()

    def _start(self) -> None:
        if self._pending is None:
            return
        inputs, layouts = self._pending
        self._pending = None
        generation, edited = self._generation, self._edit_time
        worker = Worker(_estimate_job(inputs, layouts), name="survey-estimate")
        worker.signals.result.connect(lambda est, g=generation, t=edited: self._result(g, t, est))
        worker.signals.error.connect(lambda e, g=generation: self._error(g, e))
        worker.signals.finished.connect(lambda w=worker: self._finished(w))
        self._worker = worker
        self.estimateStarted.emit()
        self.pool.start(worker)

    def _result(self, generation: int, edited: float, est) -> None:
        if generation != self._generation:
            return  # an edit came in meanwhile: a newer estimate follows
        self.last_latency = time.perf_counter() - edited
        log.debug("survey estimate shown %.3f s after the edit (compute %.3f s)", self.last_latency, est.seconds)
        self.estimateReady.emit(est, self.last_latency)

    def _error(self, generation: int, info) -> None:
        if generation == self._generation:
            self.estimateFailed.emit(info.message)

    def _finished(self, worker) -> None:
        if self._worker is worker:
            self._worker = None

    def cancel(self) -> None:
        self.timer.stop()
        self._pending = None
        self._generation += 1
        if self._worker is not None:
            self._worker.cancel()

    # -- saving --
    def park_exists(self, name: str) -> bool:
        return any(p.name.casefold() == name.strip().casefold() for p in self.fleet.fleet.parks)

    def save(self, site, layouts: Optional[dict] = None) -> str:
        """Put the surveyed ``site`` into the fleet (replacing a park of the same name), undoably.

        A park left on the national grid average gets the regional grid of the province it lies in
        (:func:`solarfleet.models.china_map.grid_region_at`). Returns the park name. Raises
        :class:`~solarfleet.models.fleet.FleetValueError` if the park is invalid.
        """
        from solarfleet.models.store import load_survey
        from solarfleet.models.survey.site import survey_to_park
        park = survey_to_park(site, layouts)
        if park.grid_region == "national":  # the site's province decides its grid's CO2 factor
            from solarfleet.models.china_map import grid_region_at
            park = dataclasses.replace(park, grid_region=grid_region_at(park.latitude, park.longitude))
        before = None
        if self.park_exists(park.name):
            old = self.fleet.fleet.park(park.name)
            before = (old, load_survey(self.store, old.name))
            park = dataclasses.replace(park, name=old.name)
        if before is None:
            text = QCoreApplication.translate("SurveyController", "Save survey %1")
        else:
            text = QCoreApplication.translate("SurveyController", "Replace park %1 by survey")
        text = text.replace("%1", park.name)
        self.fleet.undo_stack.push(SaveSurveyCommand(self, text, before, (park, site.extras())))
        return park.name

    # -- packages --
    def surveyed_parks(self) -> list[str]:
        from solarfleet.models.store import surveyed_park_names
        return surveyed_park_names(self.store)

    def export_package(self, path, park_names=None):
        """Write the surveyed parks (default all) to a package file; returns the package."""
        from solarfleet.models.survey.package import export_survey_package
        from solarfleet.app import __version__
        return export_survey_package(self.store, path, park_names, generator=f"SolarFleet {__version__}")

    def import_package(self, path, resolve: Callable[[list], Optional[dict]]) -> Optional[dict]:
        """Read, check and merge a package; ``resolve(clashing names)`` returns ``{name: choice}`` or None.

        Returns the import report, or None when the user cancelled the clash dialog. A damaged
        package raises :class:`solarfleet.models.survey.package.SurveyPackageError` before anything is written.
        """
        from solarfleet.models.survey.package import import_survey_package, package_conflicts, read_survey_package
        package = read_survey_package(path)
        clashes = package_conflicts(self.store, package)
        choices = "error"
        if clashes:
            choices = resolve(clashes)
            if choices is None:
                return None
        report = import_survey_package(self.store, package, on_conflict=choices)
        if report["replaced"]:  # commands on the stack hold the replaced parks' old versions
            self.fleet.undo_stack.clear()
        names = report["added"] + report["replaced"]
        self.fleet.reload((names[0],) if names else (), names[0] if names else "")
        for n in names[1:]:
            self.fleet.parkChanged.emit(n)
        return report
