"""One open database and the controllers working on it."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from solarfleet.models.store.lock import WriterLock
from solarfleet.models.store import Store, open_store, open_store_read_only

from solarfleet.app.gui.fleet_controller import FleetController
from solarfleet.app.gui.result_views import ResultsController
from solarfleet.app.gui.run_controller import RunController
from solarfleet.app.gui.workers import Worker, WorkerPool

__all__ = ["Session", "open_session"]

log = logging.getLogger(__name__)


@dataclass
class Session:
    """The database of the window and its controllers.

    Attributes
    ----------
    store : solarfleet.models.store.Store
    fleet : FleetController
        The fleet and its undo stack.
    results : ResultsController
        Results on screen; inject ``load_for`` / ``balance_for`` here (app/gui/wiring.py).
    runs : RunController
        Inject the simulation with ``runs.set_job_factory(...)``.
    pool : WorkerPool
    live : solarfleet.app.gui.live_controller.LiveController, optional
        Live monitoring of one park (None for an in-memory database: its recorder needs a file).
    import_file : callable, optional
        ``import_file(park, path) -> report`` imports a weather or load file dropped on ``park`` and
        returns the importer's report (shown to the user). Runs on a worker thread: open a new store
        connection from ``session.path`` inside it. None: dropping files only says it is unavailable.
    lock : solarfleet.models.store.lock.WriterLock, optional
        The writer lock this session holds on its file (released by :meth:`close`).
    read_only : bool
        Another process writes the file: this session only reads it (editing and running disabled).
    read_only_reason : str
        Why, for the banner (who holds the writer lock).
    """

    store: Store
    fleet: FleetController
    results: ResultsController
    runs: RunController
    pool: WorkerPool
    import_file: Optional[Callable] = None
    live: Optional[object] = None
    lock: Optional[WriterLock] = None
    read_only: bool = False
    read_only_reason: str = ""

    def import_files(self, park, files) -> Worker:
        """Run :attr:`import_file` for each of ``files`` in a worker; results are the reports."""
        importer = self.import_file

        def job(progress, cancelled):
            for i, path in enumerate(files):
                if cancelled():
                    return
                progress(i + 1, len(files), str(path))
                yield importer(park, path)
        return self.pool.start(Worker(job, name="import"))

    @property
    def path(self) -> Optional[Path]:
        return self.store.path

    def close(self) -> None:
        """Cancel running work, wait for it, close the database."""
        if self.live is not None:  # stops the live session (its last batch is committed) before the store closes
            self.live.close()
        if not self.pool.shutdown(15000):
            log.warning("workers still running at close")
        self.fleet.undo_stack.clear()
        # views may still refresh from queued events: they must not reach the closed connection
        self.results.load_for = self.results.balance_for = None
        self.import_file = None
        try:
            self.store.close()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def open_session(path, seed_demo: bool = False, lock: Optional[WriterLock] = None,
                 read_only_reason: Optional[str] = None) -> Session:
    """Open the database at ``path`` (created if missing) with fresh controllers.

    ``seed_demo`` loads the demo fleet into a database that has never held one. ``lock`` is the
    writer lock the caller acquired (the session releases it on close). With ``read_only_reason``
    the file is opened read-only (:func:`solarfleet.models.store.open_store_read_only`) and nothing is seeded.
    """
    read_only = read_only_reason is not None
    store = open_store_read_only(path) if read_only else open_store(path)
    try:
        if read_only:
            seed_demo = False
        if seed_demo:
            from solarfleet.models.demo import seed_if_empty
            if seed_if_empty(store):
                log.info("demo fleet loaded into %s", path)
        fleet = FleetController(store)
        results = ResultsController(lambda: fleet.fleet)
        pool = WorkerPool(max_threads=2)
        runs = RunController(results, pool)
        fleet.parkChanged.connect(results.mark_stale)
        from solarfleet.app.gui.live_controller import LiveController
        # live readings are written as they arrive: no live monitoring on a read-only session
        live = LiveController(store) if store.path is not None and not read_only else None
        return Session(store, fleet, results, runs, pool, live=live, lock=lock, read_only=read_only,
                       read_only_reason=read_only_reason or "")
    except BaseException:
        store.close()
        raise
