"""Modelled PV and load of a park: the expectation the live view and the replay source use.

:func:`replay_profiles` takes the park's PV from its newest stored simulation run (AC summed
over its arrays) and its load from the park's consumption (measured meters, else the
synthetic series), and puts both onto the requested span by local calendar position
(month, day, hour — :func:`solarfleet.models.energy.balance.align_year`): a typical-year run expects, for
today 14:00, what the typical year holds for the same date and hour.

A park with no run yet is simulated on the spot on its default weather (nothing is stored);
a park without consumption data gets a missing (NaN) load, never a made-up one.
"""
from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd
from solarfleet.models.store import load_park, park_consumption

__all__ = ["replay_profiles", "modelled_year"]


def modelled_year(store, park: str) -> tuple[pd.Series, pd.Series | None, dict]:
    """The park's modelled PV [W] and consumption [W] years as stored, with where they came from.

    Returns
    -------
    (pv, load, info)
        ``load`` is None when the park has no consumption data; ``info`` holds ``pv_source``
        (``"run N"`` or ``"simulated now"``) and ``load_source``.
    """
    from solarfleet.models.store.runs import NoRunError, latest_park_ac
    p = load_park(store, park)
    try:
        pv, run = latest_park_ac(store, p.name)
        pv_source = f"run {run['run_id']}"
    except NoRunError:
        from solarfleet.models.weather.park_weather import weather_for_park
        from solarfleet.models.simulation.engine import simulate_park
        data, meta = weather_for_park(store, p, save=False)
        pv = simulate_park(p, data, meta).ac.sum(axis=1, min_count=1)
        pv_source = "simulated now (no stored run)"
    consumption = park_consumption(store, p.name)
    load, load_source = (None, "none") if consumption is None else (consumption[0], consumption[1]["kind"])
    return pv, load, {"pv_source": pv_source, "load_source": load_source, "tz": p.tz}


def replay_profiles(store, park: str, *, start=None, days: float = 2.0, interval_minutes: int = 15
                    ) -> tuple[pd.Series, pd.Series]:
    """Modelled PV and load [W] of ``park`` over ``days`` from ``start``.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park : str
        Park name (``KeyError`` if unknown).
    start : datetime-like, optional
        First interval start (tz-aware); default: the current UTC hour.
    days : float
        Span covered [days].
    interval_minutes : int
        Interval length of the result [min]; hourly model values are interpolated linearly
        between interval mid-points (NaN next to a gap stays NaN).

    Returns
    -------
    (pv, load) : tuple of pandas.Series
        Mean power over each interval [W], indexed by tz-aware UTC interval *starts*.
    """
    from solarfleet.models.energy.balance import align_year
    from solarfleet.models.live.replay import series_at
    if start is None:
        start = pd.Timestamp(_dt.datetime.now(_dt.timezone.utc)).floor("h")
    else:
        start = pd.Timestamp(start)
        if start.tzinfo is None:
            raise ValueError(f"start must be tz-aware (got {start})")
    pv_year, load_year, info = modelled_year(store, park)
    n = int(round(days * 24 * 60 / interval_minutes))
    starts = pd.date_range(start.tz_convert("UTC"), periods=n, freq=f"{interval_minutes}min")
    step = pd.Timedelta(minutes=interval_minutes)
    out = []
    for year_series, name in ((pv_year, "pv"), (load_year, "load")):
        if year_series is None:
            out.append(pd.Series(np.nan, index=starts, name=name))
            continue
        src_step = pd.Timedelta(year_series.index[1] - year_series.index[0])
        # the model's own intervals covering the span (one either side for interpolation)
        cover = pd.date_range(starts[0].floor(src_step) - src_step, starts[-1] + step + src_step, freq=src_step)
        aligned = align_year(year_series, cover, info["tz"])
        values = series_at(aligned, starts + step / 2, label="start")
        out.append(pd.Series(values, index=starts, name=name))
    return out[0], out[1]
