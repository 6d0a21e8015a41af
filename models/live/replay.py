"""Replay a park's modelled PV and load as a live stream, with noise and passing clouds.

The replay is the default live source: it makes the live view work out of the box. It
plays two pandas Series [W] (tz-aware UTC index; by default each value is the mean over
the interval that *starts* at its label, as the simulation writes them) on an
accelerated clock: every ``tick`` real seconds it emits one reading for a simulated
instant ``speed × tick`` seconds after the previous one.

What is added to the model, all from one seeded ``numpy.random.Generator`` so a replay is
reproducible:

* **passing clouds** — cumulus shadows arrive as a Poisson process (mean gap
  ``cloud_gap`` seconds of simulated time), last a log-normally distributed time (median
  ``cloud_duration``), cut PV by a random depth (30–80 %) with soft edges, and give the
  short cloud-edge enhancement (up to +8 %) seen just before and after a shadow;
* **PV noise** — 0.5 % white measurement noise;
* **load noise** — an AR(1) wander (3 % standard deviation, 5 min correlation) on top of
  0.5 % white noise.

Energy counters integrate the noisy power (trapezoids), so interval energy adds up to
the counter. ``grid_power = load − pv`` (positive = import).
"""
from __future__ import annotations

import datetime as _dt
import math
import threading
import time
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.live.reading import DeviceStatus, Reading, utcnow
from solarfleet.models.live.source import LiveSource

__all__ = ["PassingClouds", "ReplayModel", "ReplaySource", "series_at", "interpolator"]


def _check_series(name: str, s: pd.Series) -> pd.Series:
    if not isinstance(s, pd.Series):
        raise TypeError(f"{name} must be a pandas Series [W] (got {type(s).__name__})")
    if not isinstance(s.index, pd.DatetimeIndex) or s.index.tz is None:
        raise ValueError(f"{name} needs a tz-aware UTC DatetimeIndex")
    if len(s) < 2:
        raise ValueError(f"{name} needs at least two values")
    s = s.tz_convert("UTC").sort_index()
    if s.index.has_duplicates:
        raise ValueError(f"{name} has duplicate timestamps")
    return s.astype(float)


def _positions(s: pd.Series, label: str) -> np.ndarray:
    """Times [s since epoch] at which each value applies: interval midpoints for 'start'/'end' labels."""
    t = s.index.as_unit("ns").asi8.astype(np.float64) / 1e9
    if label == "instant":
        return t
    step = np.median(np.diff(t))
    return t + step / 2.0 if label == "start" else t - step / 2.0


def interpolator(s: pd.Series, label: str = "start", name: str = "series"):
    """``f(when) -> float``: ``s`` interpolated linearly at an instant (NaN outside it or next to a gap).

    Parameters
    ----------
    s : pandas.Series
        Values on a tz-aware index (e.g. power [W]).
    label : {'start', 'end', 'instant'}
        What the index labels: interval starts, interval ends, or instants.
    name : str
        Named in the error when ``s`` is not a usable series.
    """
    s = _check_series(name, s)
    x, y = _positions(s, label), s.to_numpy()
    return lambda when: _interp(x, y, pd.Timestamp(when).timestamp())


def series_at(s: pd.Series, times, label: str = "start") -> np.ndarray:
    """Values of a modelled power Series at arbitrary instants, by linear interpolation.

    Parameters
    ----------
    s : pandas.Series
        Power [W], tz-aware index. NaN stays NaN (missing, never 0).
    times : array-like of datetime
        Instants to evaluate (tz-aware).
    label : {'start', 'end', 'instant'}
        What the index labels: interval start or end (value = interval mean, placed at
        the midpoint) or the instant itself.

    Returns
    -------
    numpy.ndarray
        Values [W]; NaN outside the Series' span.
    """
    s = _check_series("series", s)
    x = _positions(s, label)
    t = pd.DatetimeIndex(pd.to_datetime(times, utc=True)).as_unit("ns").asi8.astype(np.float64) / 1e9
    y = s.to_numpy()
    out = np.interp(t, x, y, left=np.nan, right=np.nan)
    # a NaN neighbour makes the interpolated value NaN
    idx = np.clip(np.searchsorted(x, t), 1, len(x) - 1)
    bad = np.isnan(y[idx]) | np.isnan(y[idx - 1])
    out[bad] = np.nan
    return out


class PassingClouds:
    """Transmission factor of passing cloud shadows over simulated time.

    Parameters
    ----------
    rng : numpy.random.Generator
    cloud_gap : float
        Mean time between cloud arrivals [s].
    cloud_duration : float
        Median shadow duration [s].
    depth : (float, float)
        Range of the fraction of PV lost in full shadow [-].
    edge : float
        Duration of the soft edge and of the edge enhancement [s].
    enhancement : float
        Largest cloud-edge enhancement [-] (0.08 = +8 %).
    """

    def __init__(self, rng: np.random.Generator, start: float, *, cloud_gap: float = 1800.0,
                 cloud_duration: float = 240.0, depth=(0.3, 0.8), edge: float = 45.0, enhancement: float = 0.08):
        if cloud_gap <= 0 or cloud_duration <= 0 or edge <= 0:
            raise ValueError("cloud_gap, cloud_duration and edge must be > 0 s")
        self.rng, self.cloud_gap, self.cloud_duration = rng, cloud_gap, cloud_duration
        self.depth, self.edge, self.enhancement = depth, edge, enhancement
        self.events: list[tuple[float, float, float, float]] = []  # start, end, depth, enhancement
        self._horizon = start - 4 * edge

    def _extend(self, until: float) -> None:
        while self._horizon < until + self.cloud_duration * 10:
            begin = self._horizon + self.rng.exponential(self.cloud_gap)
            dur = float(self.cloud_duration * self.rng.lognormal(0.0, 0.6))
            self.events.append((begin, begin + dur, float(self.rng.uniform(*self.depth)),
                                float(self.rng.uniform(0.0, self.enhancement))))
            self._horizon = begin + dur
        keep_after = until - self.cloud_duration * 20
        self.events = [e for e in self.events if e[1] + 4 * self.edge > keep_after]

    def factor(self, t: float) -> float:
        """PV multiplier at simulated time ``t`` [s since epoch]."""
        self._extend(t)
        f = 1.0
        for begin, end, depth, enh in self.events:
            if t < begin - 3 * self.edge or t > end + 3 * self.edge:
                continue
            if begin <= t <= end:
                ramp = min(1.0, (t - begin) / self.edge, (end - t) / self.edge)
                ramp = ramp * ramp * (3 - 2 * ramp)  # smoothstep edge
                f *= 1.0 - depth * ramp
            else:  # just outside the shadow: edge enhancement decaying with distance
                dist = (begin - t) if t < begin else (t - end)
                f *= 1.0 + enh * math.exp(-dist / self.edge)
        return f


class ReplayModel:
    """The replay's state machine: ``step(when)`` gives the reading for a simulated instant.

    Parameters
    ----------
    pv, load : pandas.Series
        Modelled PV AC power and site load [W], tz-aware UTC index.
    seed : int
    clouds : bool
        Add passing clouds to PV (and to ``poa_global``).
    poa_global : pandas.Series, optional
        Modelled plane-of-array irradiance [W/m²]; emitted with the same cloud factor, as
        an irradiance sensor would see it.
    label : {'start', 'end', 'instant'}
        What the Series' index labels (see :func:`series_at`).
    device_id : str
    cloud_options : dict, optional
        Passed to :class:`PassingClouds`.
    """

    def __init__(self, pv: pd.Series, load: pd.Series, *, seed: int = 0, clouds: bool = True,
                 poa_global: Optional[pd.Series] = None, label: str = "start", device_id: str = "replay",
                 cloud_options: Optional[dict] = None):
        if label not in ("start", "end", "instant"):
            raise ValueError(f"label must be 'start', 'end' or 'instant' (got {label!r})")
        self.pv, self.load = _check_series("pv", pv), _check_series("load", load)
        self.poa = None if poa_global is None else _check_series("poa_global", poa_global)
        self.label, self.device_id = label, device_id
        self.rng = np.random.default_rng(seed)
        self._xp, self._xl = _positions(self.pv, label), _positions(self.load, label)
        self._xg = None if self.poa is None else _positions(self.poa, label)
        self.clouds_enabled = clouds
        self._cloud_options = dict(cloud_options or {})
        self.clouds: Optional[PassingClouds] = None
        self._ar = 0.0
        self._last_t: Optional[float] = None
        self._last_pv = self._last_imp = self._last_exp = None
        self.pv_energy = self.grid_import_energy = self.grid_export_energy = 0.0

    @property
    def span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """First and last instant the model covers (UTC)."""
        lo = max(self._xp[0], self._xl[0])
        hi = min(self._xp[-1], self._xl[-1])
        return pd.Timestamp(lo, unit="s", tz="UTC"), pd.Timestamp(hi, unit="s", tz="UTC")

    def expected(self, when) -> tuple[float, float]:
        """Modelled ``(pv, load)`` [W] at ``when`` without noise or clouds (NaN outside the span)."""
        t = pd.Timestamp(when).timestamp()
        return (float(_interp(self._xp, self.pv.to_numpy(), t)), float(_interp(self._xl, self.load.to_numpy(), t)))

    def step(self, when: _dt.datetime) -> Optional[Reading]:
        """The reading at simulated instant ``when`` (tz-aware); ``None`` past the end of the model."""
        t = when.timestamp()
        pv_m = _interp(self._xp, self.pv.to_numpy(), t)
        load_m = _interp(self._xl, self.load.to_numpy(), t)
        if t > self._xp[-1] or t > self._xl[-1]:
            return None
        if self.clouds is None and self.clouds_enabled:
            self.clouds = PassingClouds(self.rng, t, **self._cloud_options)
        cf = self.clouds.factor(t) if self.clouds is not None else 1.0
        dt = 0.0 if self._last_t is None else max(t - self._last_t, 0.0)
        # load: AR(1) wander with 5 min correlation time, 3 % standard deviation, plus 0.5 % white noise
        rho = math.exp(-dt / 300.0) if dt > 0 else 1.0
        self._ar = rho * self._ar + math.sqrt(max(1 - rho * rho, 0.0)) * self.rng.normal(0.0, 0.03)
        pv = None if math.isnan(pv_m) else max(0.0, pv_m * cf * (1 + self.rng.normal(0.0, 0.005)))
        load = None if math.isnan(load_m) else max(0.0, load_m * (1 + self._ar + self.rng.normal(0.0, 0.005)))
        poa = None
        if self.poa is not None:
            g = _interp(self._xg, self.poa.to_numpy(), t)
            poa = None if math.isnan(g) else max(0.0, g * cf * (1 + self.rng.normal(0.0, 0.005)))
        grid = None if pv is None or load is None else load - pv
        imp = None if grid is None else max(grid, 0.0)
        exp = None if grid is None else max(-grid, 0.0)
        pv_int = imp_int = exp_int = None
        if self._last_t is not None:
            hours = dt / 3600.0
            if pv is not None and self._last_pv is not None:
                pv_int = (pv + self._last_pv) / 2 * hours
                self.pv_energy += pv_int
            if imp is not None and self._last_imp is not None:
                imp_int = (imp + self._last_imp) / 2 * hours
                exp_int = (exp + self._last_exp) / 2 * hours
                self.grid_import_energy += imp_int
                self.grid_export_energy += exp_int
        self._last_t, self._last_pv, self._last_imp, self._last_exp = t, pv, imp, exp
        ts = when if when.tzinfo is not None else when.replace(tzinfo=_dt.timezone.utc)
        return Reading(timestamp=ts, device_id=self.device_id, pv_power=pv, load_power=load, grid_power=grid,
                       pv_energy=self.pv_energy if pv is not None else None, pv_energy_interval=pv_int,
                       grid_import_energy=self.grid_import_energy if grid is not None else None,
                       grid_export_energy=self.grid_export_energy if grid is not None else None,
                       grid_import_interval=imp_int, grid_export_interval=exp_int, poa_global=poa,
                       status="ok", provenance="replay")


def _interp(x: np.ndarray, y: np.ndarray, t: float) -> float:
    if t < x[0] or t > x[-1]:
        return math.nan
    i = int(np.searchsorted(x, t))
    if i == 0:
        return float(y[0])
    if i >= len(x):
        return float(y[-1])
    y0, y1 = y[i - 1], y[i]
    if math.isnan(y0) or math.isnan(y1):
        return math.nan
    w = (t - x[i - 1]) / (x[i] - x[i - 1])
    return float(y0 + w * (y1 - y0))


class ReplaySource(LiveSource):
    """Plays a :class:`ReplayModel` on an accelerated clock in one thread.

    Parameters
    ----------
    pv, load : pandas.Series
        Modelled power [W], tz-aware UTC index.
    speed : float
        Simulated seconds per real second (60 → one modelled hour per real minute).
    tick : float
        Real time between readings [s].
    start : datetime-like, optional
        First simulated instant (UTC); default: the start of the model's span.
    **model_options
        Passed to :class:`ReplayModel` (``seed``, ``clouds``, ``poa_global``, ``label``, ``device_id``…).

    The stream ends by itself at the end of the model (the device's link becomes
    ``"stopped"``).
    """

    def __init__(self, pv: pd.Series, load: pd.Series, *, speed: float = 60.0, tick: float = 1.0, start=None,
                 on_status=None, **model_options):
        super().__init__(on_status)
        if not speed > 0 or not tick > 0:
            raise ValueError("speed and tick must be > 0")
        self.model = ReplayModel(pv, load, **model_options)
        self.speed, self.tick = float(speed), float(tick)
        lo, hi = self.model.span
        if start is None:
            self.start_at = lo
        else:
            start = pd.Timestamp(start)
            if start.tzinfo is None:
                raise ValueError(f"start must be tz-aware (got {start})")
            self.start_at = start.tz_convert("UTC")
        if not lo <= self.start_at <= hi:
            raise ValueError(f"start {self.start_at} lies outside the modelled span {lo} – {hi}")
        self.device_id = self.model.device_id
        self._status[self.device_id] = DeviceStatus(self.device_id)

    def _make_threads(self):
        return [threading.Thread(target=self._run, name=f"live-replay-{self.device_id}", daemon=True)]

    def _run(self) -> None:
        sim = self.start_at.to_pydatetime()
        step = _dt.timedelta(seconds=self.speed * self.tick)
        self._set_status(self.device_id, link="ok", info={"kind": "replay", "speed": self.speed})
        next_t = time.monotonic()
        try:
            while not self._stop.is_set():
                reading = self.model.step(sim)
                if reading is None:
                    break
                self._emit(reading)
                self._set_status(self.device_id, last_ok=utcnow())
                sim += step
                next_t += self.tick
                now = time.monotonic()
                if self._stop.wait(max(0.0, next_t - now)):
                    break
        finally:
            self._set_status(self.device_id, link="stopped")
