"""One open database, the models wired into it, and the controllers working on it."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

from solarfleet.models.store.lock import WriterLock
from solarfleet.models.store import Store, load_equipment, open_store, open_store_read_only

from solarfleet.app.gui.fleet_controller import FleetController
from solarfleet.app.gui.live_controller import LiveController, stored_live_choices
from solarfleet.app.gui.result_views import ResultsController
from solarfleet.app.gui.run_controller import RunController
from solarfleet.app.gui.workers import Worker, WorkerPool

__all__ = ["Providers", "Session", "open_session"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Providers:
    """What connects a session to the models (:func:`solarfleet.app.gui.wiring.providers_for` makes the real
    ones). Each is optional: without it the window shows the fleet but cannot do that part.

    Attributes
    ----------
    job_factory : callable, optional
        ``job_factory(fleet) -> job(progress, cancelled)`` yielding one
        :class:`solarfleet.models.simulation.engine.ParkResult` per park (runs on a worker thread).
    load_for : callable, optional
        ``load_for(park) -> pandas.Series`` of consumption [W] or None (GUI thread, the session's store).
    balance_for : callable, optional
        ``balance_for(park, pv) -> dict`` or None: the park's balance row for its AC power ``pv`` [W]
        (GUI thread, the session's store).
    import_file : callable, optional
        ``import_file(park, path) -> report`` imports a weather or load file dropped on ``park`` and
        returns the importer's report (shown to the user). Runs on a worker thread: it opens its own
        connection from the database path.
    stored_results : callable, optional
        ``stored_results(results) -> int`` shows the stored runs in a new :class:`ResultsController`;
        returns the number of parks shown.
    """

    job_factory: Optional[Callable] = None
    load_for: Optional[Callable] = None
    balance_for: Optional[Callable] = None
    import_file: Optional[Callable] = None
    stored_results: Optional[Callable[[ResultsController], int]] = None


@dataclass
class Session:
    """The database of the window and its controllers.

    Attributes
    ----------
    store : solarfleet.models.store.Store
    fleet : FleetController
        The fleet and its undo stack.
    results : ResultsController
        Results on screen.
    runs : RunController
        Fleet runs (none without a simulation: ``runs.available()`` is False).
    pool : WorkerPool
    import_file : callable, optional
        :attr:`Providers.import_file`; None: dropping files only says it is unavailable.
    live : solarfleet.app.gui.live_controller.LiveController, optional
        Live monitoring of one park (None for an in-memory database, whose recorder needs a file,
        and for a read-only session).
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
    live: Optional[LiveController] = None
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
        self.results.close()  # views may still refresh from queued events: they must not reach the closed store
        self.import_file = None
        try:
            self.store.close()
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def open_session(path, seed_demo: bool = False, lock: Optional[WriterLock] = None,
                 read_only_reason: Optional[str] = None,
                 providers_for: Optional[Callable[[Store], Providers]] = None, settings=None) -> Session:
    """Open the database at ``path`` (created if missing) with fresh controllers.

    Parameters
    ----------
    seed_demo : bool
        Load the demo fleet into a database that has never held one.
    lock : WriterLock, optional
        The writer lock the caller acquired (the session releases it on close).
    read_only_reason : str, optional
        Open the file read-only (:func:`solarfleet.models.store.open_store_read_only`): nothing is
        seeded, and whatever ``providers_for`` gives, nothing runs, imports or monitors live.
    providers_for : callable, optional
        ``providers_for(store) -> Providers``: the models to wire in, made once the store is open;
        None: none (the fleet is shown, nothing is computed).
    settings : QSettings, optional
        The app settings: live monitoring starts from the source and alarm rule remembered there.
    """
    read_only = read_only_reason is not None
    store = open_store_read_only(path) if read_only else open_store(path)
    try:
        load_equipment(store)  # library modules/inverters the fleet may use, before the fleet loads
        if seed_demo and not read_only:
            from solarfleet.models.demo import seed_if_empty
            if seed_if_empty(store):
                log.info("demo fleet loaded into %s", path)
        providers = providers_for(store) if providers_for is not None else Providers()
        if read_only:
            providers = replace(providers, job_factory=None, import_file=None)
        fleet = FleetController(store)
        results = ResultsController(lambda: fleet.fleet, load_for=providers.load_for,
                                    balance_for=providers.balance_for)
        pool = WorkerPool(max_threads=2)
        runs = RunController(results, pool, job_factory=providers.job_factory)
        fleet.parkChanged.connect(results.mark_stale)
        live = None  # live readings are written as they arrive: not on a read-only or in-memory database
        if store.path is not None and not read_only:
            spec, rule = stored_live_choices(settings)
            live = LiveController(store, spec=spec, rule=rule)
        session = Session(store, fleet, results, runs, pool, import_file=providers.import_file, live=live,
                          lock=lock, read_only=read_only, read_only_reason=read_only_reason or "")
        if providers.stored_results is not None:
            n = providers.stored_results(results)
            log.info("opened %s: %d park result(s) from stored runs", path, n)
        return session
    except BaseException:
        store.close()
        raise
