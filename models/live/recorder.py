"""Writes readings to SQLite in batched transactions, on a thread of its own.

``LiveRecorder`` is a sink: sources call it from their threads; it only queues. Its
writer thread opens its *own* connection from the database path (SQLite connections
stay on one thread) and commits whatever arrived every ``flush_interval`` seconds in a
single transaction. A process killed at any moment therefore loses at most the readings
of the batch not yet committed; everything committed before is intact (WAL journal).
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Callable, Optional

from solarfleet.models.live.reading import Reading

__all__ = ["LiveRecorder"]

log = logging.getLogger(__name__)


class LiveRecorder:
    """Batching SQLite writer for readings.

    Parameters
    ----------
    db_path : str or pathlib.Path
        The SolarFleet database file (not ``":memory:"``: the writer opens its own connection).
    park : str, optional
        Park name stored with every reading.
    flush_interval : float
        Longest time a reading waits before it is committed [s].
    on_commit : callable, optional
        ``on_commit(batch_size, total_stored)`` after each commit (from the writer thread).
    maintenance_interval : float or None
        How often the writer thread rolls readings up and prunes raw readings past the retention
        window, one bounded step at a time (:func:`solarfleet.models.store.roll_up_live`,
        :func:`solarfleet.models.store.prune_live`; the detail snapshots' hours likewise:
        :func:`solarfleet.models.store.roll_up_live_details`) [s]; ``None``: never.

    Attributes
    ----------
    stored : int
        Rows committed so far (duplicates of an already-stored instant are not counted).
    received : int
        Readings handed to the recorder.
    last_error : str or None
        The last write failure; the batch is kept and retried at the next flush.
    """

    def __init__(self, db_path, park: Optional[str] = None, flush_interval: float = 2.0,
                 on_commit: Optional[Callable[[int, int], None]] = None,
                 maintenance_interval: Optional[float] = 60.0):
        if str(db_path) == ":memory:":
            raise ValueError("LiveRecorder needs a database file path; its thread opens its own connection")
        if not flush_interval > 0:
            raise ValueError(f"flush_interval must be > 0 s (got {flush_interval})")
        self.db_path, self.park, self.flush_interval = Path(db_path), park, float(flush_interval)
        self.on_commit = on_commit
        self.maintenance_interval = maintenance_interval
        self._q: queue.Queue = queue.Queue()
        self._alarm_q: queue.Queue = queue.Queue()
        self._detail_q: queue.Queue = queue.Queue()
        self._alarm_ids: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.stored = 0
        self.received = 0
        self.batches = 0
        self.last_error: Optional[str] = None

    def __call__(self, reading: Reading) -> None:
        self.received += 1
        self._q.put(reading)

    def log_alarm(self, event: str, alarm, device_id: Optional[str] = None) -> None:
        """Queue an alarm event (``"raised"`` or ``"cleared"``, an :class:`~solarfleet.models.live.alarms.Alarm`) for
        the alarm log; written by the recorder's thread with the next batch."""
        if event not in ("raised", "cleared"):
            raise ValueError(f"event must be 'raised' or 'cleared' (got {event!r})")
        self._alarm_q.put((event, alarm, device_id))

    def log_details(self, device_id: str, timestamp, details: dict) -> None:
        """Queue a device's detail snapshot (:attr:`~solarfleet.models.live.reading.DeviceStatus.details` at
        ``timestamp``, UTC) for :func:`solarfleet.models.store.add_live_details`; written with the next batch."""
        self._detail_q.put((device_id, timestamp, details))

    def start(self) -> "LiveRecorder":
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("recorder already running")
        self._stop.clear()
        ready = threading.Event()
        errors: list = []
        self._thread = threading.Thread(target=self._run, args=(ready, errors), name="live-recorder", daemon=True)
        self._thread.start()
        ready.wait(30)
        if errors:
            self._thread.join(5)
            raise errors[0]
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Commit what is queued and join the writer thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise TimeoutError(f"live recorder did not stop within {timeout} s")
            self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _maintain(self, store) -> None:
        """One bounded roll-up step and one bounded prune step (each its own transaction)."""
        from solarfleet.models.store import prune_live, prune_live_details, roll_up_live, roll_up_live_details
        try:
            roll_up_live(store)
            prune_live(store, batch=50_000)
            roll_up_live_details(store)
            prune_live_details(store, batch=50_000)
        except Exception as exc:  # e.g. locked for longer than busy_timeout: the next round continues
            self.last_error = f"{type(exc).__name__}: {exc}"
            log.warning("live recorder: roll-up/prune failed, will retry: %s", exc)

    def _write_details(self, store) -> None:
        """Write the queued detail snapshots in one transaction (kept and retried if the write fails)."""
        from solarfleet.models.store import add_live_details
        snaps = []
        while True:
            try:
                snaps.append(self._detail_q.get_nowait())
            except queue.Empty:
                break
        if not snaps:
            return
        try:
            add_live_details(store, snaps, park=self.park)
        except Exception as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            log.warning("live recorder: detail write failed, will retry: %s", exc)
            for snap in snaps:
                self._detail_q.put(snap)

    def _run(self, ready: threading.Event, errors: list) -> None:
        from solarfleet.models.store import add_live_alarm, add_live_readings, close_live_alarm, open_store
        try:
            store = open_store(self.db_path)
        except Exception as exc:
            errors.append(exc)
            ready.set()
            return
        ready.set()
        pending: list[Reading] = []
        try:
            next_flush = time.monotonic() + self.flush_interval
            next_care = time.monotonic() + (self.maintenance_interval or 0.0)
            while True:
                stopping = self._stop.is_set()
                timeout = max(0.0, next_flush - time.monotonic())
                try:
                    pending.append(self._q.get(timeout=min(timeout, 0.2)))
                    while True:  # take everything already waiting
                        pending.append(self._q.get_nowait())
                except queue.Empty:
                    pass
                if pending and (stopping or time.monotonic() >= next_flush):
                    try:
                        n = add_live_readings(store, pending, park=self.park)
                    except Exception as exc:  # e.g. database locked for longer than busy_timeout: retry later
                        self.last_error = f"{type(exc).__name__}: {exc}"
                        log.warning("live recorder: write failed, will retry: %s", exc)
                    else:
                        self.stored += n
                        self.batches += 1
                        batch = len(pending)
                        pending = []
                        if self.on_commit is not None:
                            try:
                                self.on_commit(batch, self.stored)
                            except Exception:
                                log.exception("on_commit callback failed")
                self._write_details(store)
                while True:
                    try:
                        event, alarm, device_id = self._alarm_q.get_nowait()
                    except queue.Empty:
                        break
                    try:
                        if event == "raised":
                            self._alarm_ids[id(alarm)] = add_live_alarm(store, alarm, park=self.park,
                                                                        device_id=device_id)
                        elif id(alarm) in self._alarm_ids:
                            close_live_alarm(store, self._alarm_ids.pop(id(alarm)), alarm.end, alarm.min_ratio,
                                             alarm.mean_ratio)
                    except Exception as exc:
                        self.last_error = f"{type(exc).__name__}: {exc}"
                        log.warning("live recorder: alarm log write failed: %s", exc)
                if time.monotonic() >= next_flush:
                    next_flush = time.monotonic() + self.flush_interval
                if self.maintenance_interval is not None and not stopping and time.monotonic() >= next_care:
                    self._maintain(store)
                    next_care = time.monotonic() + self.maintenance_interval
                if stopping and self._q.empty() and self._alarm_q.empty() \
                        and (self._detail_q.empty() or self.last_error) and (not pending or self.last_error):
                    break
        finally:
            store.close()
