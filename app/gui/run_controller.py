"""Runs the fleet simulation in a worker and feeds its per-park results to the views.

The simulation itself is passed in: ``job_factory(fleet) -> job`` where ``job(progress, cancelled)``
yields one park result at a time (see :mod:`solarfleet.app.gui.workers`). Each yielded item goes to
:meth:`ResultsController.ingest <solarfleet.app.gui.result_views.ResultsController.ingest>`.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
import time
from typing import Callable, Optional

from PySide6.QtCore import QObject, Signal

from solarfleet.app.gui.result_views import ResultsController
from solarfleet.app.gui.workers import ErrorInfo, Worker, WorkerPool

__all__ = ["RunController"]

log = logging.getLogger(__name__)


class RunController(QObject):
    """Start / cancel fleet runs.

    Parameters
    ----------
    results : ResultsController
        Takes each park result as it arrives.
    pool : WorkerPool
    job_factory : callable, optional
        ``job_factory(fleet) -> job(progress, cancelled) -> iterable of ParkResult``; None: no
        simulation in this session (:meth:`available` is False).

    Signals
    -------
    started()
    progress(int done, int total, str park)
    finished(bool cancelled)
    failed(object error_info)
    """

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(bool)
    failed = Signal(object)

    def __init__(self, results: ResultsController, pool: WorkerPool, job_factory: Optional[Callable] = None,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.results = results
        self.pool = pool
        self.job_factory = job_factory
        self.worker: Optional[Worker] = None
        self.started_at = 0.0

    def available(self) -> bool:
        return self.job_factory is not None

    def is_running(self) -> bool:
        return self.worker is not None

    def start(self, fleet) -> Optional[Worker]:
        """Run ``fleet``; ignored (returns None) while a run is going or without a simulation."""
        if self.worker is not None or self.job_factory is None:
            return None
        w = Worker(self.job_factory(fleet), name="fleet run")
        w.signals.progress.connect(self.progress)
        w.signals.result.connect(self._result)
        w.signals.error.connect(self.failed)
        w.signals.finished.connect(self._finished)
        self.worker = w
        self.started_at = time.perf_counter()
        self.started.emit()
        self.pool.start(w)
        return w

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _result(self, item) -> None:
        try:
            self.results.ingest(item)
        except Exception as exc:  # noqa: BLE001 - a bad result must not kill the run's bookkeeping
            log.exception("could not take a park result")
            self.failed.emit(ErrorInfo(exc))

    def _finished(self) -> None:
        w, self.worker = self.worker, None
        cancelled = bool(w and w.is_cancelled())
        log.info("run %s after %.1f s", "cancelled" if cancelled else "finished", time.perf_counter() - self.started_at)
        self.finished.emit(cancelled)
