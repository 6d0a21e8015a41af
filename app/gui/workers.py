"""Background work: a generator-style :class:`Worker` on a :class:`~PySide6.QtCore.QThreadPool`.

A job is a callable ``job(progress, cancelled) -> iterable``. It runs on a pool thread;
every item it yields is delivered to the GUI thread through :attr:`WorkerSignals.result`,
so plots can fill park by park. ``progress(done, total, label)`` reports progress;
``cancelled()`` tells the job (e.g. ``simulate_fleet(..., cancel=cancelled)``) that the user
pressed Cancel. The worker itself also stops between yields once cancelled.

Workers never touch widgets: they only emit signals, which Qt queues to the receivers'
thread. A job that needs the database opens its own connection from the path.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
import threading
import traceback
from collections.abc import Generator
from typing import Callable, Iterable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["WorkerSignals", "Worker", "WorkerPool"]

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Iterable]


class WorkerSignals(QObject):
    """Signals of one :class:`Worker`; lives in the GUI thread.

    Signals
    -------
    started()
    progress(int done, int total, str label)
    result(object item)
        One item yielded by the job.
    error(object info)
        A :class:`ErrorInfo` for an exception raised by the job.
    cancelled()
        The job stopped because :meth:`Worker.cancel` was called.
    finished()
        Always emitted last, after success, error or cancel.
    """

    started = Signal()
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    finished = Signal()


class ErrorInfo:
    """An exception from a worker, carried to the GUI thread as plain text."""

    def __init__(self, exc: BaseException):
        self.type_name = type(exc).__name__
        self.message = str(exc)
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.exception = exc

    def __repr__(self):
        return f"ErrorInfo({self.type_name}: {self.message})"


class Worker(QRunnable):
    """Runs ``job(progress, cancelled)`` on a pool thread and emits every item it yields.

    Parameters
    ----------
    job : callable
        ``job(progress, cancelled) -> iterable``; a plain function returning a list works too.
    name : str
        For the log.
    """

    def __init__(self, job: Job, name: str = "job"):
        super().__init__()
        self.setAutoDelete(False)  # Python owns the object; the pool must not delete it under us
        self.job = job
        self.name = name
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()  #: set on the pool thread when run() has returned its last signal

    def cancel(self) -> None:
        """Ask the job to stop; it stops at its next yield (or when it polls ``cancelled()``)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # pool thread
        s = self.signals
        s.started.emit()
        try:
            iterator = iter(self.job(s.progress.emit, self._cancel.is_set))
            while not self._cancel.is_set():
                try:
                    item = next(iterator)
                except StopIteration:
                    break
                if self._cancel.is_set():
                    break
                s.result.emit(item)
            if self._cancel.is_set():
                if isinstance(iterator, Generator):  # a generator job: run its finally blocks now
                    iterator.close()
                log.info("worker %s cancelled", self.name)
                s.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every job error goes to the GUI, not to stderr
            log.exception("worker %s failed", self.name)
            s.error.emit(ErrorInfo(exc))
        finally:
            self.done.set()
            s.finished.emit()


class WorkerPool(QObject):
    """Starts workers on its own :class:`QThreadPool` and keeps them alive until they finish.

    Parameters
    ----------
    max_threads : int
        Threads in the pool (the GUI keeps one core for itself on small machines).
    """

    def __init__(self, max_threads: int = 2, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, max_threads))
        self._running: set[Worker] = set()

    def start(self, worker: Worker) -> Worker:
        self._running.add(worker)
        worker.signals.finished.connect(lambda w=worker: self._running.discard(w))
        self.pool.start(worker)
        return worker

    def running(self) -> list[Worker]:
        """Workers started and not yet finished."""
        self._running = {w for w in self._running if not w.done.is_set()}
        return list(self._running)

    def cancel_all(self) -> None:
        for w in list(self._running):
            w.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel every worker and wait for the pool to drain; True if it did."""
        self.cancel_all()
        return self.pool.waitForDone(timeout_ms)
