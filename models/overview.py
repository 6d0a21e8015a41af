"""The facility manager's overview: per park, today and this month, measured where measured, else modelled.

For each park the overview answers "how are we doing today and this month": energy so far today and this
month, against what the model expects for the same span, a performance index, open alarms and how fresh the
measurements are. Every figure carries its ``source``:

``'measured'``
    Live readings of real devices (not a replay) or an imported measured AC series.
``'modelled'``
    The park's newest simulation run — a typical (weather-file) year — laid on today's calendar: the same
    local month and day of the run's year, the same local clock time. Never passed off as measured.
``'none'``
    Neither exists (no run yet, no measurement): the value is NaN, never 0.

Expected PV is clipped at 0: an inverter's night tare is a consumption, not negative production.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pandas as pd

from solarfleet.models.store import (NoRunError, latest_park_ac, live_alarms, live_history, live_history_binned, measured_ac,
                                     park_consumption)

__all__ = ["ParkOverview", "DayCurve", "REPLAY_DEVICE_PREFIX", "park_overview", "fleet_overview", "typical_on",
           "day_curve"]

#: device ids of the Live tab's replay of a run (app/gui/live_controller.replay_device_id): modelled, not measured
REPLAY_DEVICE_PREFIX = "replay:"
_BIN_S = 900  # live readings are binned to 15 min for energy sums


@dataclass(frozen=True)
class ParkOverview:
    """One park's row of the overview.

    Attributes
    ----------
    park : str
    dc_capacity : float
        DC nameplate [W].
    today_energy, month_energy : float
        PV energy so far today / this month (local calendar of the park) [Wh]; NaN if unknown.
    today_source, month_source : {'measured', 'modelled', 'none'}
    today_expected, month_expected : float
        Modelled energy over the same span [Wh] (the typical year on today's calendar); NaN without a run.
    performance_index : float
        Measured ÷ modelled energy over the intervals of this month that have measurements [-]; NaN when
        nothing is measured (a modelled figure against itself says nothing).
    open_alarms : int
    last_measured_utc : pandas.Timestamp or None
        Newest measured instant (UTC); None if the park has no measurement.
    """

    park: str
    dc_capacity: float
    today_energy: float
    today_source: str
    today_expected: float
    month_energy: float
    month_source: str
    month_expected: float
    performance_index: float
    open_alarms: int
    last_measured_utc: Optional[pd.Timestamp]


@dataclass(frozen=True)
class DayCurve:
    """A park's power over one local day, each series labelled measured or modelled.

    Attributes
    ----------
    pv, load : pandas.Series
        Power [W] on UTC interval starts; empty when unknown.
    pv_source, load_source : {'measured', 'modelled', 'none'}
    expected : pandas.Series
        Modelled PV [W] of the same day (the typical year on this calendar), ≥ 0.
    """

    pv: pd.Series
    pv_source: str
    load: pd.Series
    load_source: str
    expected: pd.Series


def typical_on(series: pd.Series, tz: str, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """A typical-year series laid on real calendar days ``[start, end)``.

    Parameters
    ----------
    series : pandas.Series
        Values on a tz-aware index covering one year (a run's AC [W], a synthetic load [W]).
    tz : str
        The park's time zone: days and clock times are matched in local time.
    start, end : pandas.Timestamp
        The real span (tz-aware).

    Returns
    -------
    pandas.Series
        The typical year's values of the same local month, day and clock time, on the real span's instants
        (UTC). 29 February takes 28 February's values. Days the series does not hold are left out.
    """
    if series.empty:
        return series.iloc[:0]
    local = series.tz_convert(tz)
    year = local.index[len(local) // 2].year
    days = pd.date_range(start.tz_convert(tz).normalize(), end.tz_convert(tz), freq="D", inclusive="left")
    parts = []
    for day in days:
        src_day = pd.Timestamp(year=year, month=day.month, day=min(day.day, 28 if day.month == 2 else day.day),
                               tz=tz)
        chunk = local[(local.index >= src_day) & (local.index < src_day + pd.Timedelta(days=1))]
        if chunk.empty:
            continue
        shifted = chunk.copy()
        shifted.index = day + (chunk.index - src_day)
        parts.append(shifted)
    if not parts:
        return series.iloc[:0]
    out = pd.concat(parts).tz_convert("UTC")
    return out[(out.index >= start) & (out.index < end)]


def _energy(power: pd.Series, minutes: float) -> float:
    """Energy [Wh] of interval-mean power [W]; NaN when no interval has a value."""
    valid = power.dropna()
    return float(valid.sum() * minutes / 60.0) if len(valid) else float("nan")


def _measured_pv(store, park: str, start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Series, float]:
    """Measured PV power [W] in ``[start, end)`` and its interval [min]: real live devices, else imported AC."""
    live = live_history_binned(store, park=park, start=start, end=end, bin_s=_BIN_S)
    if not live.empty:
        live = live[~live["device_id"].str.startswith(REPLAY_DEVICE_PREFIX)]
    if not live.empty and live["pv_power"].notna().any():
        pv = live.groupby(level=0)["pv_power"].sum(min_count=1)
        return pv.rename("pv"), _BIN_S / 60.0
    ac = measured_ac(store, park, start=start, end=end)
    if len(ac):
        steps = ac.index.to_series().diff().dropna()
        minutes = steps.min().total_seconds() / 60.0 if len(steps) else 60.0
        return ac.rename("pv"), minutes
    return pd.Series(dtype=float, name="pv", index=pd.DatetimeIndex([], tz="UTC")), float("nan")


def _last_measured(store, park: str) -> Optional[pd.Timestamp]:
    """Instant of the park's newest measurement: a real live device's reading or imported measured AC."""
    newest = []
    live = live_history(store, park=park, last=1)  # measured readings only (a replay is stored apart)
    if not live.empty and not str(live["device_id"].iloc[-1]).startswith(REPLAY_DEVICE_PREFIX):
        newest.append(live.index[-1])
    ac = measured_ac(store, park)
    if len(ac.dropna()):
        newest.append(ac.dropna().index[-1])
    return max(newest) if newest else None


def _modelled(store, park: str) -> tuple[pd.Series, float]:
    """The newest run's park AC [W] clipped at 0, and its interval [min]; empty without a run."""
    try:
        ac, info = latest_park_ac(store, park)
    except NoRunError:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([], tz="UTC")), float("nan")
    return ac.clip(lower=0.0), float(info["interval_minutes"])


def _span(expected: pd.Series, minutes: float, measured: pd.Series, measured_minutes: float,
          now: pd.Timestamp) -> tuple[float, str, float, float, float]:
    """``(energy, source, expected energy, measured energy, expected energy where measured)`` up to ``now``."""
    done = expected[expected.index + pd.Timedelta(minutes=minutes) <= now] if len(expected) else expected
    exp_e = _energy(done, minutes)
    if len(measured.dropna()):
        meas_e = _energy(measured, measured_minutes)
        covered = measured.dropna().index
        hours = covered.floor(f"{int(minutes)}min") if minutes == minutes else covered
        exp_cov = _energy(done[done.index.isin(hours)], minutes) if len(done) else float("nan")
        return meas_e, "measured", exp_e, meas_e, exp_cov
    if len(done):
        return exp_e, "modelled", exp_e, float("nan"), float("nan")
    return float("nan"), "none", float("nan"), float("nan"), float("nan")


def park_overview(store, park, now: Optional[pd.Timestamp] = None) -> ParkOverview:
    """The overview row of one park.

    Parameters
    ----------
    store : Store
    park : solarfleet.models.fleet.Park
    now : pandas.Timestamp, optional
        The current instant (tz-aware); default the clock.
    """
    now = (pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now)).tz_convert("UTC")
    local = now.tz_convert(park.tz)
    day0 = local.normalize().tz_convert("UTC")
    month0 = local.normalize().replace(day=1).tz_convert("UTC")
    ac, minutes = _modelled(store, park.name)
    expected = typical_on(ac, park.tz, month0, now + pd.Timedelta(days=1))
    measured, mmin = _measured_pv(store, park.name, month0, now)
    m_energy, m_source, m_exp, m_meas, m_exp_cov = _span(expected, minutes, measured, mmin, now)
    t_meas = measured[measured.index >= day0]
    t_exp = expected[expected.index >= day0]
    t_energy, t_source, t_expected, _, _ = _span(t_exp, minutes, t_meas, mmin, now)
    pi = m_meas / m_exp_cov if m_source == "measured" and m_exp_cov > 0 else float("nan")
    return ParkOverview(park=park.name, dc_capacity=float(park.dc_capacity), today_energy=t_energy,
                        today_source=t_source, today_expected=t_expected, month_energy=m_energy,
                        month_source=m_source, month_expected=m_exp, performance_index=pi,
                        open_alarms=len(live_alarms(store, park=park.name, open_only=True)),
                        last_measured_utc=_last_measured(store, park.name))


def fleet_overview(store, fleet, now: Optional[pd.Timestamp] = None) -> list[ParkOverview]:
    """:func:`park_overview` of every park of ``fleet``, in fleet order."""
    return [park_overview(store, p, now) for p in fleet.parks]


def day_curve(store, park, now: Optional[pd.Timestamp] = None) -> DayCurve:
    """Today's PV and consumption of a park (local day of ``now``), measured where measured, else modelled."""
    now = (pd.Timestamp.now(tz="UTC") if now is None else pd.Timestamp(now)).tz_convert("UTC")
    day0 = now.tz_convert(park.tz).normalize().tz_convert("UTC")
    day1 = day0 + pd.Timedelta(days=1)
    ac, _ = _modelled(store, park.name)
    expected = typical_on(ac, park.tz, day0, day1)
    measured, _ = _measured_pv(store, park.name, day0, day1)
    if len(measured.dropna()):
        pv, pv_source = measured, "measured"
    else:
        pv, pv_source = expected[expected.index < now], ("modelled" if len(expected) else "none")
    load, load_source = _load_today(store, park, day0, day1, now)
    return DayCurve(pv=pv, pv_source=pv_source, load=load, load_source=load_source, expected=expected)


def _load_today(store, park, day0, day1, now) -> tuple[pd.Series, str]:
    """Consumption [W] of the day: a measured series covering it, else the typical (synthetic) profile."""
    got = park_consumption(store, park.name)
    if got is None:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([], tz="UTC")), "none"
    data, info = got
    series = data.iloc[:, 0] if isinstance(data, pd.DataFrame) else data
    if info["kind"] == "measured":
        same_day = series[(series.index >= day0) & (series.index < day1)]
        if len(same_day.dropna()):
            return same_day, "measured"
    typical = typical_on(series, park.tz, day0, day1)
    return typical[typical.index < now], ("modelled" if len(typical) else "none")
