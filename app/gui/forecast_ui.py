"""The Forecast tab of the main window: forecasts made and stored in workers, shown against actuals.

:class:`ForecastUi` gets its view and the session's store, fleet and pool from
:class:`solarfleet.app.gui.main_window.MainWindow`, which places the view in a tab. A measured-AC or
forecast file whose dates read both day-first and month-first is not guessed: the tab asks with the
same :class:`~solarfleet.widgets.import_question_dialog.ImportQuestionDialog` as a dropped meter file,
and reads the file again with the answer.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from typing import Optional

from PySide6.QtCore import QObject, Signal

from solarfleet.widgets.forecast_view import ForecastView
from solarfleet.widgets.import_question_dialog import ImportQuestionDialog

from solarfleet.app.gui.workers import Worker
from solarfleet.models.import_question import ImportQuestion
from solarfleet.models.store import add_measured_ac, list_forecasts, load_forecast, load_park, save_forecast

__all__ = ["ForecastUi", "forecast_job", "measured_job"]

log = logging.getLogger(__name__)


def _latest(store, park_name: str):
    """``(frame vs actual, errors, meta)`` of the park's newest stored forecast, or None."""
    from solarfleet.models.studies.forecast import forecast_vs_actual
    rows = list_forecasts(store, park_name)
    if not rows:
        return None
    frame, errors = forecast_vs_actual(store, rows[0]["id"])
    _, meta = load_forecast(store, rows[0]["id"])
    return frame, errors, meta


def forecast_job(db_path, park_name: str, horizon: str, file: str, store=None, dayfirst=None):
    """Worker job: make the forecast (a file, else persistence, else the typical clear-sky index), store it,
    yield what the view shows (or the file's :class:`ImportQuestion`, storing nothing)."""
    def job(progress, cancelled):
        from solarfleet.models.studies import forecast as fc
        from solarfleet.models.store import open_store
        s = store if store is not None else open_store(db_path)
        try:
            park = load_park(s, park_name)
            if file:
                try:
                    data, meta = fc.read_forecast_csv(file, dayfirst=dayfirst)
                except ImportQuestion as question:  # not a failure: asked, then read again
                    yield question
                    return
                frame, meta = fc.forecast_from_weather(s, park, data, meta, horizon)
            else:
                frame, meta = fc.offline_forecast(s, park, horizon)
            save_forecast(s, park.name, frame, meta)
            yield (park.name, *_latest(s, park.name))
        finally:
            if store is None:
                s.close()
    return job


def measured_job(db_path, park_name: str, path: str, store=None, dayfirst=None):
    """Worker job: import a measured AC file for the park; yield the refreshed newest forecast (or None),
    or the file's :class:`ImportQuestion` (nothing stored)."""
    def job(progress, cancelled):
        from solarfleet.models.studies import forecast as fc
        from solarfleet.models.store import open_store
        s = store if store is not None else open_store(db_path)
        try:
            try:
                series, meta = fc.read_measured_ac_csv(path, dayfirst=dayfirst)
            except ImportQuestion as question:  # not a failure: asked, then read again
                yield question
                return
            add_measured_ac(s, park_name, series, meta["interval_minutes"], f"file {path}")
            latest = _latest(s, park_name)
            yield (park_name, *latest) if latest else (park_name, None, {}, {})
        finally:
            if store is None:
                s.close()
    return job


class ForecastUi(QObject):
    """Connects a :class:`ForecastView` to the session (reads on the GUI thread, work in workers).

    Parameters
    ----------
    view : solarfleet.widgets.forecast_view.ForecastView
    fleet : solarfleet.app.gui.fleet_controller.FleetController
        The parks to choose from (the list follows edits).
    store : solarfleet.models.store.Store
        The session's store: read on the GUI thread; a worker opens its own connection from its
        path (an in-memory database runs its jobs on the GUI thread with this one).
    pool : solarfleet.app.gui.workers.WorkerPool

    Attributes
    ----------
    tab_title : str
        The view's tab label.

    Signals
    -------
    failed(str message)
    questionAsked(ImportQuestionDialog dialog)
        A file's dates read two ways and a dialog is shown (tests answer it).
    """

    failed = Signal(str)
    questionAsked = Signal(object)

    def __init__(self, view: ForecastView, fleet, store, pool, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.view = view
        self.fleet = fleet
        self.store = store
        self.pool = pool
        self.tab_title = self.tr("Forecast")
        self.view.set_parks(self._park_names())
        fleet.fleetChanged.connect(lambda *_: self.view.set_parks(self._park_names()))
        self.view.parkSelected.connect(self.show_park)
        self.view.forecastRequested.connect(self.make_forecast)
        self.view.measuredImportRequested.connect(self.import_measured)
        self.worker: Optional[Worker] = None
        self.dialog: Optional[ImportQuestionDialog] = None
        if self.view.current_park():
            self.show_park(self.view.current_park())

    def _park_names(self) -> list[str]:
        return [p.name for p in self.fleet.fleet.parks]

    def select(self, park: str) -> None:
        """Follow the fleet tree: show ``park`` ('' keeps the current one)."""
        if park and park != self.view.current_park():
            self.view.set_current_park(park)

    def _tz(self, park_name: str) -> str:
        try:
            return load_park(self.store, park_name).tz
        except KeyError:
            return "UTC"

    def show_park(self, park_name: str) -> None:
        if not park_name:
            return
        got = _latest(self.store, park_name)
        if got is None:
            self.view.show_forecast(None, {}, "UTC", {})
        else:
            self.view.show_forecast(got[0], got[1], self._tz(park_name), got[2])

    def _shown(self, result, retry=None) -> None:
        if isinstance(result, ImportQuestion):
            self._ask(result, retry)
            return
        park, frame, errors, meta = result
        if park == self.view.current_park():
            self.view.show_forecast(frame, errors, self._tz(park), meta)

    def _ask(self, question: ImportQuestion, retry) -> None:
        """Show the question; the answer runs ``retry(value)`` (the same job with the file read that way)."""
        self.view.set_busy(False)
        self.dialog = ImportQuestionDialog(question, self.view)
        self.dialog.answered.connect(lambda _option, value: retry(value))
        self.dialog.open()
        self.questionAsked.emit(self.dialog)

    def _start(self, job, retry=None) -> Optional[Worker]:
        self.view.set_busy(True)
        if self.store.path is None:  # in-memory database: same connection, GUI thread
            try:
                for r in job(lambda *a: None, lambda: False):
                    self._shown(r, retry)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                self._failed(self.view.error_text(exc))
            finally:
                self.view.set_busy(False)
            return None
        w = Worker(job, name="forecast")
        w.signals.result.connect(lambda r: self._shown(r, retry))
        w.signals.error.connect(lambda e: self._failed(self.view.error_text(e.exception)))
        w.signals.finished.connect(lambda: self.view.set_busy(False))
        self.worker = w
        return self.pool.start(w)

    def _failed(self, message: str) -> None:
        self.view.set_busy(False)
        self.view.show_message(message)
        self.failed.emit(message)

    def _gui_store(self):
        """The store a job shares with the GUI thread: only an in-memory database's (None for a file)."""
        return self.store if self.store.path is None else None

    def make_forecast(self, park: str, horizon: str, file: str, dayfirst=None) -> Optional[Worker]:
        return self._start(forecast_job(self.store.path, park, horizon, file, self._gui_store(), dayfirst),
                           lambda answer: self.make_forecast(park, horizon, file, answer))

    def import_measured(self, park: str, path: str, dayfirst=None) -> Optional[Worker]:
        return self._start(measured_job(self.store.path, park, path, self._gui_store(), dayfirst),
                           lambda answer: self.import_measured(park, path, answer))
