"""The source interface and the Modbus poller.

Thread model
------------
A source runs its own threads. ``start(sink)`` returns at once; from then on the
source calls ``sink(reading)`` from *its* threads, one call per reading. ``stop()``
asks every thread to finish and joins them (bounded by the device timeout), so after
it returns no callback runs any more. A consumer that lives on another thread (a GUI,
the SQLite recorder) passes a thread-safe sink such as :class:`ReadingQueue` or
``queue.Queue.put``; the GUI drains the queue from a timer.

Status per device (``statuses()``) is a snapshot that any thread may read; an optional
``on_status(DeviceStatus)`` callback is called (from the source's thread) whenever a
device's link state changes.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from abc import ABC, abstractmethod
from typing import Callable, Iterable, Optional

from solarfleet.models.live.reading import DeviceStatus, Reading, utcnow

__all__ = ["LiveSource", "Poller", "ReadingQueue", "backoff_delay"]

log = logging.getLogger(__name__)

Sink = Callable[[Reading], None]


class LiveSource(ABC):
    """A stream of readings with a clean start and stop."""

    def __init__(self, on_status: Optional[Callable[[DeviceStatus], None]] = None):
        self.on_status = on_status
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._status: dict[str, DeviceStatus] = {}
        self._sink: Optional[Sink] = None

    # -- public --
    def start(self, sink: Sink) -> None:
        """Begin delivering readings to ``sink`` (called from the source's threads)."""
        if self.running:
            raise RuntimeError(f"{type(self).__name__} is already running")
        self._sink = sink
        self._stop.clear()
        self._threads = self._make_threads()
        for t in self._threads:
            t.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and join every thread (waits at most ``timeout`` seconds in all)."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in self._threads if t.is_alive()]
        self._threads = [t for t in self._threads if t.is_alive()]
        if alive:
            raise TimeoutError(f"live source threads did not stop within {timeout} s: {', '.join(alive)}")

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def statuses(self) -> dict[str, DeviceStatus]:
        """Snapshot of every device's status, by device id."""
        with self._lock:
            return {k: v.copy() for k, v in self._status.items()}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    # -- for subclasses --
    @abstractmethod
    def _make_threads(self) -> list[threading.Thread]:
        ...

    def _set_status(self, device_id: str, **changes) -> None:
        with self._lock:
            st = self._status.setdefault(device_id, DeviceStatus(device_id))
            old_link = st.link
            for k, v in changes.items():
                setattr(st, k, v)
            snapshot = st.copy()
        if self.on_status is not None and (snapshot.link != old_link or "last_error" in changes):
            try:
                self.on_status(snapshot)
            except Exception:  # a consumer's bug must not stop the stream
                log.exception("on_status callback failed")

    def _emit(self, reading: Reading) -> None:
        try:
            self._sink(reading)
        except Exception:
            log.exception("live sink failed for %s", reading.device_id)
        with self._lock:
            st = self._status.setdefault(reading.device_id, DeviceStatus(reading.device_id))
            st.readings += 1


def backoff_delay(failures: int, initial: float, maximum: float) -> float:
    """Delay before attempt ``failures + 1``: ``initial × 2**(failures − 1)``, capped at ``maximum`` [s]."""
    if failures <= 0:
        return 0.0
    return min(maximum, initial * 2.0 ** min(failures - 1, 30))


class Poller(LiveSource):
    """Polls Modbus devices, one thread and one client each.

    Parameters
    ----------
    devices : iterable
        Device clients (:func:`solarfleet.models.live.devices.make_device`) or
        :class:`~solarfleet.models.live.devices.DeviceConfig` objects.
    interval : float
        Time between polls of a device [s].
    backoff_initial, backoff_max : float
        Reconnect delays after failures double from ``backoff_initial`` up to ``backoff_max`` [s].
    on_status : callable, optional
        Called with a :class:`DeviceStatus` when a device's link state changes.

    Notes
    -----
    A device that does not answer only delays its own thread (by at most its timeout);
    the others keep their schedule. Start times are staggered across one interval so
    that many devices do not poll in the same instant.
    """

    def __init__(self, devices: Iterable, interval: float = 1.0, *, backoff_initial: float = 1.0,
                 backoff_max: float = 60.0, on_status=None):
        super().__init__(on_status)
        from solarfleet.models.live.devices import DeviceConfig, make_device
        if interval <= 0:
            raise ValueError(f"interval must be > 0 s (got {interval})")
        if backoff_initial <= 0 or backoff_max < backoff_initial:
            raise ValueError("backoff_initial must be > 0 and backoff_max ≥ backoff_initial")
        self.devices = [make_device(d) if isinstance(d, DeviceConfig) else d for d in devices]
        ids = [d.device_id for d in self.devices]
        if len(set(ids)) != len(ids):
            raise ValueError(f"device ids must be unique (got {ids})")
        self.interval, self.backoff_initial, self.backoff_max = interval, backoff_initial, backoff_max
        for d in self.devices:
            self._status[d.device_id] = DeviceStatus(d.device_id)

    def _make_threads(self):
        n = max(len(self.devices), 1)
        return [threading.Thread(target=self._run, args=(d, i * self.interval / n), name=f"live-poll-{d.device_id}",
                                 daemon=True) for i, d in enumerate(self.devices)]

    def _run(self, device, offset: float) -> None:
        from solarfleet.models.live.modbus_link import ModbusReadError
        from solarfleet.models.live.sunspec import SunSpecError
        from solarfleet.models.live.vendor_maps import MapError
        did = device.device_id
        stop = self._stop
        connected = False
        failures = 0
        if stop.wait(offset):
            return
        next_t = time.monotonic()
        try:
            while not stop.is_set():
                try:
                    if not connected:
                        self._set_status(did, link="connecting")
                        info = device.connect()
                        connected = True
                        self._set_status(did, info=dict(info))
                    reading = device.read()
                except (ModbusReadError, SunSpecError, MapError, OSError) as exc:
                    device.close()
                    connected = False
                    failures += 1
                    delay = backoff_delay(failures, self.backoff_initial, self.backoff_max)
                    self._set_status(did, link="backoff", last_error=str(exc), failures=failures, retry_in=delay)
                    if stop.wait(delay):
                        break
                    next_t = time.monotonic()
                    continue
                failures = 0
                self._set_status(did, link="ok", last_ok=utcnow(), failures=0, retry_in=0.0,
                                 details=device.details)
                self._emit(reading)
                next_t += self.interval
                now = time.monotonic()
                if next_t < now:  # fell behind (slow device): skip the missed ticks
                    next_t = now + self.interval
                if stop.wait(next_t - now):
                    break
        finally:
            device.close()
            self._set_status(did, link="stopped")


class ReadingQueue:
    """A thread-safe sink: sources put readings, a consumer drains them.

    Parameters
    ----------
    maxsize : int
        0 for unbounded. When full, the oldest reading is dropped and counted in
        :attr:`dropped` (a live view prefers fresh data to a stalled producer).
    """

    def __init__(self, maxsize: int = 0):
        self._q: queue.Queue = queue.Queue(maxsize)
        self.dropped = 0

    def __call__(self, reading: Reading) -> None:
        while True:
            try:
                self._q.put_nowait(reading)
                return
            except queue.Full:
                try:
                    self._q.get_nowait()
                    self.dropped += 1
                except queue.Empty:
                    pass

    def get(self, timeout: Optional[float] = None) -> Optional[Reading]:
        """Next reading, or ``None`` after ``timeout`` seconds."""
        try:
            return self._q.get(timeout=timeout)
        except queue.Empty:
            return None

    def drain(self, limit: Optional[int] = None) -> list[Reading]:
        """Every reading waiting now (at most ``limit``), without blocking."""
        out = []
        while limit is None or len(out) < limit:
            try:
                out.append(self._q.get_nowait())
            except queue.Empty:
                break
        return out
