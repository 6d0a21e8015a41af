"""Live monitoring of the selected park: owns a :class:`solarfleet.models.live.session.LiveSession`.

Threads: building a source (the park's modelled profiles, stored devices), loading the stored
history and starting the session run on a worker with its own database connection; stopping
(which joins device threads, up to their timeout, and commits the last batch) runs on a worker
too. The GUI thread only calls :meth:`LiveSession.poll` from a ``QTimer`` (it never blocks and
never touches SQLite) and hands the :class:`~solarfleet.models.live.session.LiveUpdate` on through
:attr:`LiveController.updated`.

Sources (:class:`SourceSpec`): ``replay`` (default: the park's newest run and its consumption on
an accelerated clock; a restart resumes after the newest stored replay reading), ``devices``
(the park's stored Modbus devices) and ``file`` (a growing logger CSV file or folder).
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
import threading
from collections import deque
from dataclasses import dataclass, replace
from typing import Optional

import pandas as pd
from PySide6.QtCore import QObject, QTimer, Signal

from solarfleet.models.live.alarms import AlarmRule

from solarfleet.app.gui.workers import Worker, WorkerPool
from solarfleet.models.store import load_park

__all__ = ["LiveController", "SourceSpec", "DeviceTester", "LiveStart", "build_live_start", "stored_live_choices",
           "HISTORY_BIN_S"]

log = logging.getLogger(__name__)

#: Stored history reaches the chart as per-device means over bins of this width [s]
#: (:func:`solarfleet.models.store.live_history_binned`); live readings are drawn as they come.
HISTORY_BIN_S = 60


@dataclass(frozen=True)
class SourceSpec:
    """Which live source to run.

    Attributes
    ----------
    kind : {'replay', 'devices', 'file'}
    speed : float
        Replay: simulated seconds per real second.
    path : str, optional
        File: the logger CSV file or folder.
    tick : float
        Replay: real seconds between readings; devices/file: poll interval [s].
    start : pandas.Timestamp, optional
        Replay: first simulated instant (tz-aware); default now. Either way a replay resumes
        after its newest stored reading when that lies later.
    """

    kind: str = "replay"
    speed: float = 60.0
    path: Optional[str] = None
    tick: float = 1.0
    start: Optional[pd.Timestamp] = None

    def __post_init__(self):
        if self.kind not in ("replay", "devices", "file"):
            raise ValueError(f"kind must be replay, devices or file (got {self.kind!r})")
        if not self.speed > 0 or not self.tick > 0:
            raise ValueError("speed and tick must be > 0")
        if self.kind == "file" and not self.path:
            raise ValueError("a file source needs a path")
        if self.start is not None and pd.Timestamp(self.start).tzinfo is None:
            raise ValueError(f"start must be tz-aware (got {self.start})")


def stored_live_choices(settings) -> tuple[SourceSpec, AlarmRule]:
    """The live source and alarm rule remembered in ``settings`` (QSettings keys ``live/source``,
    ``live/speed``, ``live/path``, ``live/alarmFraction``, ``live/alarmDurationS``, written by the
    Live tab); the defaults for what is absent, and for a value that does not read (logged).
    """
    spec, rule = SourceSpec(), AlarmRule()
    if settings is None:
        return spec, rule
    try:
        spec = replace(spec, kind=str(settings.value("live/source", spec.kind)),
                       speed=float(settings.value("live/speed", spec.speed)),
                       path=settings.value("live/path", None) or None)
    except (TypeError, ValueError) as exc:
        log.warning("ignoring stored live source: %s", exc)
    try:
        rule = AlarmRule(fraction=float(settings.value("live/alarmFraction", rule.fraction)),
                         duration_s=float(settings.value("live/alarmDurationS", rule.duration_s)))
    except (TypeError, ValueError) as exc:
        log.warning("ignoring stored alarm rule: %s", exc)
    return spec, rule


@dataclass
class LiveStart:
    """What the start job hands to the GUI thread."""

    session: object
    park: str
    tz: str
    expected: Optional[pd.Series]
    history: pd.DataFrame  #: today's stored readings binned per device (solarfleet.models.store.live_history_binned)
    alarms: list
    devices: Optional[list] = None  #: device ids shown (None: every device of the park)
    day: Optional[pd.Timestamp] = None  #: local midnight (UTC) the history starts at
    note: str = ""
    provenance: str = "measured"  #: "replay" when the values are modelled, never measured


def replay_device_id(park: str) -> str:
    return f"replay:{park}"


def build_live_start(db_path, park: str, spec: SourceSpec, rule: AlarmRule, *, flush_interval: float = 2.0,
                     now=None) -> LiveStart:
    """Build the source and session of ``park``, load today's stored history, start the session.

    Runs on a worker thread (opens its own connection from ``db_path``).

    Parameters
    ----------
    now : datetime-like, optional
        The current instant (tests); default the clock.
    """
    from solarfleet.models.live.reading import utcnow
    from solarfleet.models.live.session import LiveSession
    from solarfleet.models.store import live_alarms, live_history_binned, open_store

    now = pd.Timestamp(now if now is not None else utcnow()).tz_convert("UTC")
    store = open_store(db_path)
    try:
        p = load_park(store, park)
        make = _replay_source if spec.kind == "replay" else _measured_source
        source, expected, devices, day = make(store, p, spec, now)
        provenance = "replay" if spec.kind == "replay" else "measured"
        history = live_history_binned(store, park=p.name, device_ids=devices, start=day, bin_s=HISTORY_BIN_S,
                                      provenance=provenance)
        alarms = live_alarms(store, park=p.name)[:200]
    finally:
        store.close()
    session = LiveSession(source, db_path, park=p.name, expected=expected, rule=rule, flush_interval=flush_interval)
    session.start()
    return LiveStart(session, p.name, p.tz, expected, history, alarms, devices, day, provenance=provenance)


def _replay_source(store, park, spec: SourceSpec, now: pd.Timestamp):
    """``(source, expected, device ids, day)`` of a replay of the park's newest run and consumption; ``day``
    is the local midnight (UTC) of the replay's first instant."""
    from solarfleet.models.live.profiles import replay_profiles
    from solarfleet.models.live.replay import ReplaySource
    from solarfleet.models.store import live_history
    dev = replay_device_id(park.name)
    last = live_history(store, park=park.name, device_ids=dev, last=1, provenance="replay")
    start_at = (now if spec.start is None else pd.Timestamp(spec.start).tz_convert("UTC")).floor("s")
    if not last.empty:  # an accelerated replay runs ahead of the clock: resume after its newest reading
        start_at = max(start_at, last.index[-1] + pd.Timedelta(seconds=spec.speed * spec.tick))
    day = start_at.tz_convert(park.tz).normalize().tz_convert("UTC")
    days = min(60.0, 2.0 + spec.speed * 6 * 3600 / 86400)  # six real hours of replay at least
    pv, load = replay_profiles(store, park.name, start=day - pd.Timedelta(hours=1), days=days)
    source = ReplaySource(pv, load, speed=spec.speed, tick=spec.tick, start=start_at, device_id=dev,
                          seed=int(start_at.timestamp()) % 100_000)
    return source, pv, [dev], day


def _measured_source(store, park, spec: SourceSpec, now: pd.Timestamp):
    """``(source, expected, device ids, day)`` of the park's stored devices or of a logger file; the
    expectation is the park's modelled PV from today's local midnight (None without a run)."""
    from solarfleet.models.live.profiles import replay_profiles
    from solarfleet.models.store import live_devices
    day = now.tz_convert(park.tz).normalize().tz_convert("UTC")
    try:
        expected, _ = replay_profiles(store, park.name, start=day - pd.Timedelta(hours=1), days=2)
    except (KeyError, ValueError) as exc:
        log.warning("no expectation for %s: %s", park.name, exc)
        expected = None
    if spec.kind == "devices":
        from solarfleet.models.live.source import Poller
        configs = live_devices(store, park=park.name)
        if not configs:
            raise LookupError(park.name)
        return Poller(configs, interval=spec.tick), expected, [c.device_id for c in configs], day
    from solarfleet.models.live.filetail import FileTailSource
    return FileTailSource(spec.path, poll_interval=spec.tick, tz=park.tz), expected, None, day


class LiveController(QObject):
    """Runs live monitoring for one park at a time.

    Parameters
    ----------
    store : solarfleet.models.store.Store
        The GUI's store (file-backed: the recorder and the workers open the same path).
    spec : SourceSpec, optional
        The source to run first (default a replay; :func:`stored_live_choices` reads the remembered one).
    rule : AlarmRule, optional
        The alarm rule (default :class:`~solarfleet.models.live.alarms.AlarmRule`).
    poll_ms : int
        How often :meth:`LiveSession.poll` runs on the GUI thread [ms].
    flush_interval : float
        Recorder batch interval [s].

    Signals
    -------
    stateChanged(str state, str message)
        ``stopped`` / ``starting`` / ``running`` / ``stopping``.
    started(object)
        A :class:`LiveStart` (park, tz, expectation, stored history and alarms) when a session runs.
    updated(object)
        A :class:`solarfleet.models.live.session.LiveUpdate` after each poll (readings may be empty).
    failed(str code, str detail)
        ``no_devices``, ``no_park``, ``start_failed``.
    """

    stateChanged = Signal(str, str)
    started = Signal(object)
    updated = Signal(object)
    failed = Signal(str, str)

    def __init__(self, store, *, spec: Optional[SourceSpec] = None, rule: Optional[AlarmRule] = None,
                 poll_ms: int = 500, flush_interval: float = 2.0, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.store = store
        self.db_path = store.path
        self.flush_interval = flush_interval
        self.pool = WorkerPool(max_threads=2, parent=self)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.park: Optional[str] = None
        self.spec = spec if spec is not None else SourceSpec()
        self.rule = rule if rule is not None else AlarmRule()
        self.session = None
        self.current: Optional[LiveStart] = None  #: the newest session's start (kept after it stops)
        self.last_update = None  #: the newest LiveUpdate that brought readings
        #: readings polled lately, newest last: a rebuilt window gets those the recorder has not committed yet
        self.recent: deque = deque(maxlen=20000)
        self.state = "stopped"
        self.message = ""
        self.autostart = True  #: start when the Live tab is shown (False after :meth:`stop`)
        self._want_running = False
        self._busy = False          # a start or stop job is in flight
        self._generation = 0
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._started_sessions: set = set()  # started on a worker, not yet stopped (close stops them)

    # -- public --
    def available(self) -> bool:
        return self.db_path is not None

    def set_park(self, park: Optional[str]) -> None:
        """Monitor ``park``; a running session is stopped and the new park's started."""
        if park == self.park:
            return
        self.park = park
        self._restart_if_wanted()

    def set_source(self, spec: SourceSpec) -> None:
        if spec == self.spec:
            return
        self.spec = spec
        self._restart_if_wanted()

    def set_rule(self, fraction: float, duration_s: float) -> None:
        """Alarm threshold [-] and duration [s]; applies to the running session at once."""
        self.rule = replace(self.rule, fraction=float(fraction), duration_s=float(duration_s))
        if self.session is not None:
            self.session.monitor.rule = self.rule

    def start(self) -> None:
        """Run the source; :attr:`autostart` is set: showing the Live tab starts it whenever it is stopped."""
        self.autostart = True
        self._want_running = True
        self._advance()

    def stop(self) -> None:
        """Stop; showing the Live tab again does not restart it (:attr:`autostart` is cleared)."""
        self.autostart = False
        self._want_running = False
        self._advance()

    def restart(self) -> None:
        """Stop and start again (e.g. after a device was added to the running set)."""
        self._want_running = True
        self._restart_if_wanted()

    def is_running(self) -> bool:
        return self.session is not None

    def poll(self):
        """One poll of the running session (the timer calls this); returns the update or None."""
        if self.session is None:
            return None
        up = self.session.poll()
        if up.readings:
            self.recent.extend(up.readings)
            self.last_update = up
        self.updated.emit(up)  # every poll: device links and back-off countdowns move without readings too
        if up.statuses and all(s.link == "stopped" for s in up.statuses.values()) and self.state == "running":
            self._set_state("running", "source_ended")
        return up

    def close(self, timeout_ms: int = 30000) -> None:
        """Stop for good (app close, database switch): the session stops on a worker; waits for it."""
        self._closing.set()
        self._want_running = False
        self.timer.stop()
        if self.session is not None:
            self._stop_session_async(self.session)
            self.session = None
        if not self.pool.pool.waitForDone(timeout_ms):
            log.warning("live workers still running at close")
        with self._lock:
            left = list(self._started_sessions)
        for s in left:  # started by a job whose result never reached the GUI thread
            self._stop_blocking(s)

    # -- internals --
    def _set_state(self, state: str, message: str = "") -> None:
        self.state, self.message = state, message
        self.stateChanged.emit(state, message)

    def _restart_if_wanted(self) -> None:
        self._generation += 1  # a start job in flight now delivers a session nobody wants: it is stopped
        if self.session is not None:
            self._begin_stop()
        self._advance()

    def _advance(self) -> None:
        """Move towards what is wanted; one job at a time."""
        if self._busy or self._closing.is_set():
            return
        if self._want_running and self.session is None:
            self._begin_start()
        elif not self._want_running and self.session is not None:
            self._begin_stop()

    def _begin_start(self) -> None:
        if self.park is None or self.db_path is None:
            self._want_running = False
            self._set_state("stopped", "no_park")
            self.failed.emit("no_park", "")
            return
        self._busy = True
        self._generation += 1
        gen, park, spec, rule = self._generation, self.park, self.spec, self.rule
        db_path, flush, closing = self.db_path, self.flush_interval, self._closing
        self._set_state("starting")

        def job(progress, cancelled):
            started = build_live_start(db_path, park, spec, rule, flush_interval=flush)
            with self._lock:
                if closing.is_set():
                    stop_now = True
                else:
                    stop_now = False
                    self._started_sessions.add(started.session)
            if stop_now:
                started.session.stop()
                return []
            return [(gen, started)]
        w = Worker(job, name=f"live-start-{park}")
        w.signals.result.connect(self._started)
        w.signals.error.connect(self._start_failed)
        w.signals.finished.connect(self._job_done)
        self.pool.start(w)

    def _started(self, item) -> None:
        gen, started = item
        if self._closing.is_set() or gen != self._generation or started.park != self.park:
            self._stop_session_async(started.session)  # the park or source changed meanwhile
            return
        self.session = started.session
        self.current = started
        self.recent.clear()
        self.last_update = None
        self.started.emit(started)
        self.timer.start()
        self._set_state("running", started.note)

    def _start_failed(self, info) -> None:
        self._want_running = False
        exc = info.exception
        if isinstance(exc, LookupError) and not isinstance(exc, KeyError):
            self.failed.emit("no_devices", str(exc))
        else:
            self.failed.emit("start_failed", info.message)
        self._set_state("stopped", "start_failed")

    def _job_done(self) -> None:
        self._busy = False
        if self.session is None and self.state in ("starting", "stopping"):
            self._set_state("stopped", self.message if self.message in ("start_failed", "no_park") else "")
        self._advance()

    def _begin_stop(self) -> None:
        session, self.session = self.session, None
        self.timer.stop()
        if session is None:
            return
        try:  # the readings that arrived since the last tick still reach the view
            up = session.poll()
            if up.readings:
                self.recent.extend(up.readings)
                self.last_update = up
            if up.readings or up.alarms:
                self.updated.emit(up)
        except Exception:  # noqa: BLE001 - a failing last poll must not keep the session running
            log.exception("last live poll failed")
        self._set_state("stopping")
        self._busy = True
        w = self._stop_session_async(session)
        w.signals.finished.connect(self._job_done)

    def _stop_session_async(self, session) -> Worker:
        def job(progress, cancelled):  # a plain function: runs even if the pool is shutting down
            self._stop_blocking(session)
            return []
        return self.pool.start(Worker(job, name="live-stop"))

    def _stop_blocking(self, session) -> None:
        try:
            session.stop()
        except Exception:  # noqa: BLE001
            log.exception("stopping the live session failed")
        finally:
            with self._lock:
                self._started_sessions.discard(session)


class DeviceTester(QObject):
    """Runs :func:`solarfleet.models.live.devices.check_connection` on a worker ("Test connection").

    Signals
    -------
    finished(object)
        The check's result (dict): ``ok``, ``info``, ``reading`` or ``error``.
    """

    finished = Signal(object)

    def __init__(self, pool: WorkerPool, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.pool = pool
        self.worker: Optional[Worker] = None

    def test(self, config) -> Worker:
        from solarfleet.models.live.devices import check_connection

        def job(progress, cancelled):
            return [check_connection(config)]
        w = Worker(job, name=f"live-test-{config.device_id}")
        w.signals.result.connect(self.finished.emit)
        w.signals.error.connect(lambda e: self.finished.emit({"ok": False, "error": e.message, "info": {}}))
        self.worker = self.pool.start(w)
        return w
