"""Start-up behind a splash: the slow preparation runs in a thread while the splash shows its progress.

The first window (the splash) appears as soon as Qt is up. A plain Python thread then imports the
model libraries (pandas; pvlib only when the CEC key index is not kept yet), seeds the demo database on a first start (the demo fleet, each park's
synthetic weather and loads); the GUI thread keeps painting the splash meanwhile. The thread opens and
closes its own database connection. What the first window does not need is not waited for:
:func:`warm_up_job` loads the CEC equipment tables (an array editor's module and inverter lists) and the
province outlines (the map, a surveyed site's grid region) in a worker once the window is up.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable, Optional

__all__ = ["Preparation", "prepare", "warm_up_job"]

log = logging.getLogger(__name__)


class Preparation(threading.Thread):
    """The start-up work of :func:`prepare` in a thread; :attr:`stage`, :attr:`done`, :attr:`total` report it.

    Parameters
    ----------
    path : pathlib.Path
        The database to open.
    seed_demo : bool
        Seed the demo fleet and its data into an empty database.
    """

    def __init__(self, path: Path, seed_demo: bool):
        super().__init__(name="solarfleet-startup", daemon=True)
        self.path, self.seed_demo = Path(path), seed_demo
        self.stage, self.done, self.total, self.label = "imports", 0, 0, ""
        self.error: Optional[BaseException] = None

    def _progress(self, done: int, total: int, label: str) -> None:
        self.done, self.total, self.label = done, total, label

    def run(self) -> None:
        try:
            import pandas  # noqa: F401  (the slow imports, off the GUI thread)
            from solarfleet.models.simulation import catalog
            # the CEC key index is kept beside the database: later starts check keys without importing pvlib
            catalog.set_index_cache(self.path.parent)
            from solarfleet.models.store import open_store
            if self.seed_demo and not self._has_parks():
                self.stage = "seed"
                from solarfleet.models.demo import seed_if_empty
                store = open_store(self.path)
                try:
                    seed_if_empty(store, progress=self._progress)
                finally:
                    store.close()
            self.stage = "done"
        except Exception as exc:  # noqa: BLE001 - the GUI thread opens the database itself and reports
            log.warning("start-up preparation failed: %s", exc)
            self.error = exc

    def _has_parks(self) -> bool:
        if not self.path.exists():
            return False
        import sqlite3
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute("SELECT count(*) FROM parks").fetchone()[0] > 0
            finally:
                con.close()
        except sqlite3.Error:
            return False


def prepare(path: Path, seed_demo: bool, report: Callable[[str, int, int, str], None],
            process_events: Callable[[], None], tick_s: float = 0.02) -> Preparation:
    """Run a :class:`Preparation` while the GUI thread keeps handling events; returns it when done.

    ``report(stage, done, total, label)`` is called on the GUI thread each tick (the splash shows it).
    """
    job = Preparation(path, seed_demo)
    job.start()
    while job.is_alive():
        report(job.stage, job.done, job.total, job.label)
        process_events()
        time.sleep(tick_s)
    job.join()
    report(job.stage, job.done, job.total, job.label)
    return job


def warm_up_job(progress, cancelled):
    """Worker job: fill the caches the first window did not wait for — the CEC tables, then the provinces."""
    from solarfleet.models.simulation import catalog
    catalog.modules()
    catalog.inverters()
    if not cancelled():
        from solarfleet.models import china_map
        china_map.provinces()
    return ()
