"""A live session: one source, the SQLite recorder, the expectation and the alarm rule together.

This is what a live view (GUI) or the CLI drives. It has no Qt and no thread of its own
beyond those of the source and the recorder:

* the source's threads call the session's sink, which queues each reading for the
  recorder (batched SQLite writes on the recorder's thread) and for the consumer;
* the consumer calls :meth:`LiveSession.poll` from *one* thread (the GUI thread from a
  ``QTimer``, e.g. every 500 ms); it returns a :class:`LiveUpdate` with the new readings,
  every device's status, the site totals against the expectation and any alarm events.
  Alarm events are evaluated in ``poll`` (pure :class:`~solarfleet.models.live.alarms.AlarmMonitor`)
  and written to the alarm log by the recorder's thread.

``poll`` never blocks and never touches SQLite, so it is safe on a GUI thread.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

import pandas as pd

from solarfleet.models.live.alarms import Alarm, AlarmMonitor, AlarmRule
from solarfleet.models.live.reading import Reading
from solarfleet.models.live.recorder import LiveRecorder
from solarfleet.models.live.source import LiveSource, ReadingQueue

__all__ = ["LiveSession", "LiveUpdate"]

Expectation = Union[None, pd.Series, Callable[[object], float]]


@dataclass
class LiveUpdate:
    """What changed since the previous :meth:`LiveSession.poll`.

    Attributes
    ----------
    readings : list of Reading
        New readings, in arrival order.
    statuses : dict
        Device id → :class:`DeviceStatus` (snapshot).
    timestamp : pandas.Timestamp or None
        Newest reading's instant (UTC).
    pv_power, load_power, grid_power : float
        Site totals from each device's latest reading [W] (NaN if no device reports it).
    expected_pv : float
        Modelled PV at ``timestamp`` [W] (NaN without an expectation).
    ratio : float
        ``pv_power / expected_pv`` [-] (NaN at night or without data).
    self_consumption : float
        ``min(pv, load) / pv`` now [-].
    alarms : list of (event, Alarm)
        ``("raised", alarm)`` / ``("cleared", alarm)``.
    stored : int
        Rows committed to the database so far.
    """

    readings: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    timestamp: Optional[pd.Timestamp] = None
    pv_power: float = math.nan
    load_power: float = math.nan
    grid_power: float = math.nan
    expected_pv: float = math.nan
    ratio: float = math.nan
    self_consumption: float = math.nan
    alarms: list = field(default_factory=list)
    stored: int = 0


class LiveSession:
    """Run a source, record its readings and watch PV against the expectation.

    Parameters
    ----------
    source : LiveSource
        Replay, poller or file tail (not yet started).
    db_path : str or pathlib.Path
        Database file; the recorder opens its own connection.
    park : str, optional
        Stored with readings and alarms.
    expected : pandas.Series or callable, optional
        Modelled site PV [W]: a Series (tz-aware, interval-start labels, interpolated) or
        ``f(timestamp) -> W``.
    expected_irradiance : pandas.Series or callable, optional
        Modelled plane-of-array irradiance [W/m²], for cloud exclusion when devices
        report ``poa_global``.
    rule : AlarmRule, optional
    flush_interval : float
        Recorder batch interval [s].
    max_pending : int
        Readings kept for :meth:`poll` if the consumer falls behind (oldest dropped).
    detail_interval : float
        How often a device's detail quantities (AC per phase, DC per MPPT, temperatures, state, events)
        are stored [s]; a change of state or of the fault and event codes is stored at once.
    """

    def __init__(self, source: LiveSource, db_path, *, park: Optional[str] = None, expected: Expectation = None,
                 expected_irradiance: Expectation = None, rule: Optional[AlarmRule] = None,
                 flush_interval: float = 2.0, max_pending: int = 100_000, detail_interval: float = 60.0):
        self.source, self.park = source, park
        self.recorder = LiveRecorder(db_path, park=park, flush_interval=flush_interval)
        self._queue = ReadingQueue(max_pending)
        self._expected = _as_function(expected)
        self._expected_irr = _as_function(expected_irradiance)
        self.monitor = AlarmMonitor(rule or AlarmRule())
        self.latest: dict[str, Reading] = {}
        self._device_alarms: dict = {}   # (device, unit, code) → open Alarm
        self.detail_interval = float(detail_interval)
        self._detail_marks: dict = {}    # device → (instant of the last stored snapshot, its states and faults)
        self._started = False

    def _sink(self, reading: Reading) -> None:
        self.recorder(reading)
        self._queue(reading)

    def start(self) -> None:
        self.recorder.start()
        try:
            self.source.start(self._sink)
        except BaseException:
            self.recorder.stop()
            raise
        self._started = True

    def stop(self) -> None:
        """Stop the source (threads joined), then commit the last batch and stop the recorder."""
        if not self._started:
            return
        try:
            self.source.stop()
        finally:
            self.recorder.stop()
            self._started = False

    @property
    def running(self) -> bool:
        return self.source.running

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def _device_alarm_events(self, statuses: dict, ts) -> list:
        """``("raised" | "cleared", Alarm)`` for device faults, event bits and weak strings as they come and go
        (:func:`~solarfleet.models.live.sunspec_units.device_faults`); logged like the yield alarms."""
        from solarfleet.models.live.sunspec_units import device_faults
        now = {(device, unit, code) for device, st in statuses.items() for unit, code in device_faults(st.details)}
        events = []
        for key in sorted(now - set(self._device_alarms)):
            alarm = self._device_alarms[key] = _device_alarm(*key, ts)
            events.append(("raised", alarm))
            self.recorder.log_alarm("raised", alarm, device_id=key[0])
        for key in sorted(set(self._device_alarms) - now):
            alarm = self._device_alarms.pop(key)
            alarm.end = ts
            events.append(("cleared", alarm))
            self.recorder.log_alarm("cleared", alarm, device_id=key[0])
        return events

    def _store_details(self, statuses: dict) -> None:
        """Hand each device's detail snapshot to the recorder every :attr:`detail_interval`, or at once
        when a unit's state or the fault/event codes change."""
        from solarfleet.models.live.sunspec_units import device_faults
        for device, st in statuses.items():
            if not st.details or st.last_ok is None:
                continue
            signature = (tuple((k, v.get("state")) for k, v in st.details.items()), tuple(device_faults(st.details)))
            last = self._detail_marks.get(device)
            if last is not None and (last[0] == st.last_ok or (
                    (st.last_ok - last[0]).total_seconds() < self.detail_interval and last[1] == signature)):
                continue
            self._detail_marks[device] = (st.last_ok, signature)
            self.recorder.log_details(device, st.last_ok, st.details)

    def expected_at(self, when) -> float:
        """Modelled site PV at ``when`` [W], never below zero (an inverter's night tare is not PV); NaN without
        an expectation."""
        if self._expected is None:
            return math.nan
        value = float(self._expected(when))
        return value if math.isnan(value) else max(value, 0.0)

    def poll(self, limit: Optional[int] = None) -> LiveUpdate:
        """New readings, statuses, site totals and alarm events (call from one thread)."""
        new = self._queue.drain(limit)
        up = LiveUpdate(readings=new, statuses=self.source.statuses(), stored=self.recorder.stored)
        for r in new:
            prev = self.latest.get(r.device_id)
            if prev is None or r.timestamp >= prev.timestamp:
                self.latest[r.device_id] = r
        if not self.latest:
            return up
        latest = list(self.latest.values())
        up.timestamp = pd.Timestamp(max(r.timestamp for r in latest))
        by_inverters = [r for r in latest if r.pv_measured_by != "production_meter"]
        pv_readings = by_inverters if any(r.pv_power is not None for r in by_inverters) else latest
        up.pv_power = _sum(r.pv_power for r in pv_readings)
        up.grid_power = _sum(r.grid_power for r in latest)
        up.load_power = _sum(r.load_power for r in latest)
        if math.isnan(up.load_power) and not math.isnan(up.pv_power) and not math.isnan(up.grid_power):
            up.load_power = up.pv_power + up.grid_power  # no load meter: what the site draws is PV plus import
        up.expected_pv = self.expected_at(up.timestamp)
        if up.expected_pv > 0 and not math.isnan(up.pv_power):
            up.ratio = up.pv_power / up.expected_pv
        if up.pv_power > 0 and not math.isnan(up.load_power):
            up.self_consumption = min(up.pv_power, up.load_power) / up.pv_power
        up.alarms += self._device_alarm_events(up.statuses, up.timestamp)
        self._store_details(up.statuses)
        if new and self._expected is not None:
            irr = [r.poa_global for r in latest if r.poa_global is not None]
            ev = self.monitor.update(up.timestamp, None if math.isnan(up.pv_power) else up.pv_power,
                                     up.expected_pv, sum(irr) / len(irr) if irr else None,
                                     None if self._expected_irr is None else float(self._expected_irr(up.timestamp)))
            if ev is not None:
                up.alarms.append(ev)
                self.recorder.log_alarm(ev[0], ev[1], device_id=None)
        return up


def _device_alarm(device: str, unit: str, code: str, ts) -> Alarm:
    return Alarm(start=ts, raised=ts, end=None, min_ratio=math.nan, mean_ratio=math.nan, fraction=0.0,
                 duration_s=0.0, kind="device_fault", message=f"{device} {unit}: {code}")


def _sum(values) -> float:
    vals = [v for v in values if v is not None]
    return float(sum(vals)) if vals else math.nan


def _as_function(expected: Expectation):
    if expected is None or callable(expected):
        return expected
    if isinstance(expected, pd.Series):
        from solarfleet.models.live.replay import interpolator
        return interpolator(expected, "start", name="expected")
    raise TypeError(f"expected must be a pandas Series or a callable (got {type(expected).__name__})")
