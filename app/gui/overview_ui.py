"""The Overview tab's controller: computes the plant list and the selected park's day in a worker.

:class:`OverviewUi` gets its view and the session's store, fleet, results and pool from the main window,
which places the view as the first tab and forwards the fleet tree's selection to :meth:`select`.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

from typing import Optional

import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from solarfleet.widgets.overview_view import OverviewView

from solarfleet.app.gui.workers import Worker

__all__ = ["OverviewUi", "overview_job"]

REFRESH_MS = 5 * 60 * 1000  #: the overview is recomputed every five minutes (and after every run or edit)


def overview_job(db_path, fleet, now: pd.Timestamp, store=None):
    """Worker job: yield ``(now, rows, {park: DayCurve})`` for every park of ``fleet``."""
    def job(progress, cancelled):
        from solarfleet.models.overview import day_curve, park_overview
        from solarfleet.models.store import open_store
        s = store if store is not None else open_store(db_path)
        try:
            rows, curves = [], {}
            for i, park in enumerate(fleet.parks):
                if cancelled():
                    return
                rows.append(park_overview(s, park, now))
                curves[park.name] = day_curve(s, park, now)
                progress(i + 1, len(fleet.parks), park.name)
            yield now, rows, curves
        finally:
            if store is None:
                s.close()
    return job


class OverviewUi(QObject):
    """Keeps an :class:`OverviewView` up to date with the fleet, its runs and its measurements.

    Parameters
    ----------
    view : OverviewView
    fleet : solarfleet.app.gui.fleet_controller.FleetController
    results : solarfleet.app.gui.result_views.ResultsController
        Its ``changed`` signal (a run stored results) triggers a refresh.
    store : solarfleet.models.store.Store
        A worker opens its own connection from its path; an in-memory database is read on the GUI thread.
    pool : solarfleet.app.gui.workers.WorkerPool
    clock : callable, optional
        ``clock() -> pandas.Timestamp`` (UTC); default the system clock (tests pass a fixed one).

    Signals
    -------
    performanceChanged(dict)
        ``{park: performance index [-]}`` after every refresh (NaN: nothing measured this month).
    """

    performanceChanged = Signal(dict)

    def __init__(self, view: OverviewView, fleet, results, store, pool, parent: Optional[QObject] = None,
                 clock=None):
        super().__init__(parent)
        self.view, self.fleet, self.store, self.pool = view, fleet, store, pool
        self.clock = clock or (lambda: pd.Timestamp.now(tz="UTC"))
        self.tab_title = self.tr("Overview")
        self.rows: dict = {}
        self.curves: dict = {}
        self.selected = ""
        self.worker: Optional[Worker] = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)  # results arrive park by park during a run: refresh once they settle
        self._timer.timeout.connect(self.refresh)
        self._every = QTimer(self)
        self._every.setInterval(REFRESH_MS)
        self._every.timeout.connect(self.refresh)
        self._every.start()
        fleet.fleetChanged.connect(lambda *_: self._timer.start())
        results.changed.connect(lambda *_: self._timer.start())
        view.parkActivated.connect(self.select)

    def select(self, park: str) -> None:
        """Show ``park``'s day (the tree's or the list's selection); '' keeps the current park."""
        if park:
            self.selected = park
        self._show()

    def refresh(self) -> Optional[Worker]:
        """Recompute every park (in a worker for a database file)."""
        job = overview_job(self.store.path, self.fleet.fleet, self.clock(),
                           self.store if self.store.path is None else None)
        if self.store.path is None:
            for result in job(lambda *a: None, lambda: False):
                self._done(result)
            return None
        if self.worker is not None:
            self.worker.cancel()
        w = Worker(job, name="overview")
        w.signals.result.connect(self._done)
        self.worker = w
        return self.pool.start(w)

    def _done(self, result) -> None:
        now, rows, curves = result
        self.rows = {r.park: r for r in rows}
        self.curves = curves
        self.view.set_rows(rows, now)
        self.performanceChanged.emit({r.park: r.performance_index for r in rows})
        if self.selected not in self.rows:
            self.selected = rows[0].park if rows else ""
        self._show()

    def _show(self) -> None:
        park = next((p for p in self.fleet.fleet.parks if p.name == self.selected), None)
        if park is None or park.name not in self.rows:
            return
        self.view.show_park(self.rows[park.name], self.curves[park.name], park.tz)
