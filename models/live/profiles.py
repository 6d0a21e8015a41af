"""Modelled PV and load of a park for the replay source.

PLACEHOLDER — :func:`replay_profiles` is the one seam where the live view gets its
expectation. On this branch it does *not* run the park simulation (being written in
parallel); it builds:

* **PV** = pvlib clear-sky GHI (Ineichen, Linke turbidity from pvlib's climatology) at the
  park's location × the park's DC capacity / 1000 W/m² × :data:`PLACEHOLDER_PV_FACTOR`
  (0.75, a round performance ratio standing in for orientation, temperature, soiling,
  wiring and inverter losses). It ignores tilt, azimuth and clouds.
* **load** = a flat :data:`PLACEHOLDER_LOAD_W_PER_KWP` (400 W per kWp of PV, i.e. a
  constant 40 % of the DC capacity), standing in for the park's load profile.

The lead replaces the body with the simulation run (``load_run_ac``) and the park's
load profile when merging; the signature stays.
"""
from __future__ import annotations

import datetime as _dt

import pandas as pd

__all__ = ["replay_profiles", "PLACEHOLDER_PV_FACTOR", "PLACEHOLDER_LOAD_W_PER_KWP"]

#: PV AC power per unit of "GHI × kWp" — placeholder performance ratio [-].
PLACEHOLDER_PV_FACTOR = 0.75
#: Flat load per kWp of installed PV — placeholder [W/kWp].
PLACEHOLDER_LOAD_W_PER_KWP = 400.0


def replay_profiles(store, park: str, *, start=None, days: float = 2.0, interval_minutes: int = 15
                    ) -> tuple[pd.Series, pd.Series]:
    """Modelled PV and load [W] of ``park`` for the replay (PLACEHOLDER, see module notes).

    Parameters
    ----------
    store : models.store.Store
    park : str
        Park name (``KeyError`` if unknown).
    start : datetime-like, optional
        First interval start (UTC); default: the current UTC hour.
    days : float
        Span covered [days].
    interval_minutes : int
        Interval length [min].

    Returns
    -------
    (pv, load) : tuple of pandas.Series
        Mean power over each interval [W], indexed by tz-aware UTC interval *starts*.
    """
    p = store.park(park)
    if start is None:
        start = pd.Timestamp(_dt.datetime.now(_dt.timezone.utc)).floor("h")
    else:
        start = pd.Timestamp(start)
        if start.tzinfo is None:
            raise ValueError(f"start must be tz-aware (got {start})")
    n = int(round(days * 24 * 60 / interval_minutes))
    starts = pd.date_range(start.tz_convert("UTC"), periods=n, freq=f"{interval_minutes}min")
    mid = starts + pd.Timedelta(minutes=interval_minutes / 2)
    ghi = p.to_location().get_clearsky(mid, model="ineichen")["ghi"].to_numpy()
    kwp = p.dc_capacity / 1000.0
    pv = pd.Series(ghi / 1000.0 * kwp * 1000.0 * PLACEHOLDER_PV_FACTOR, index=starts, name="pv")
    load = pd.Series(PLACEHOLDER_LOAD_W_PER_KWP * kwp, index=starts, name="load")
    return pv, load
