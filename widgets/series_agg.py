"""Turn power series [W] into what the plots show: mean kW per hour, kWh per day, MWh per month.

Pure pandas (no Qt) so it is easy to test. Missing values stay missing: a day with a missing
interval has no daily energy rather than a low one.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["RESOLUTIONS", "EDGE_COVERAGE", "interval_hours", "align_load", "aggregate", "self_consumed"]

#: Share of a first or last period the data must cover for the period to get a total [-].
EDGE_COVERAGE = 0.95
#: resolution → (pandas rule, unit divisor from W·h, unit text)
RESOLUTIONS = {"hourly": ("h", None), "daily": ("D", 1e3), "monthly": ("MS", 1e6)}


def interval_hours(index: pd.DatetimeIndex) -> float:
    """Length of the regular interval of ``index`` [h] (median spacing)."""
    if len(index) < 2:
        raise ValueError("need at least two timestamps to know the interval")
    return float(np.median(np.diff(index.as_unit("ns").asi8)) / 3.6e12)


def align_load(load: pd.Series, index: pd.DatetimeIndex) -> pd.Series:
    """``load`` [W] on ``index``: a coarser load (e.g. hourly for 15-min PV) holds its mean power over its
    interval; timestamps it does not cover are NaN."""
    if load.index.equals(index):
        return load
    step = interval_hours(load.index) / interval_hours(index) if len(load) > 1 else 1.0
    limit = max(0, int(round(step)) - 1)
    out = load.sort_index().reindex(load.index.union(index)).ffill(limit=limit) if limit else load
    return out.reindex(index)


def self_consumed(pv: pd.Series, load: pd.Series) -> pd.Series:
    """PV power used on site, ``min(pv, load)`` per interval [W] (NaN where either is missing)."""
    out = np.minimum(pv.to_numpy(dtype=float), load.to_numpy(dtype=float))
    return pd.Series(out, index=pv.index)


def aggregate(power: pd.Series, resolution: str, tz: Optional[str] = None) -> pd.Series:
    """Aggregate ``power`` [W] to ``resolution`` in the wall-clock days/months of ``tz``.

    Returns
    -------
    pandas.Series
        ``hourly``: mean power [kW]; ``daily``: energy [kWh]; ``monthly``: energy [MWh]; indexed by the
        period start in ``tz``. A period with a missing interval is NaN; the first and last periods,
        which the data's edges may cut, get a total when at least :data:`EDGE_COVERAGE` of them is covered.
    """
    if resolution not in RESOLUTIONS:
        raise ValueError(f"resolution must be one of {', '.join(RESOLUTIONS)}")
    if power.index.tz is None:
        raise ValueError("power must have a tz-aware index")
    s = power.astype(float)
    if tz is not None:
        s = s.tz_convert(tz)
    rule, divisor = RESOLUTIONS[resolution]
    step = interval_hours(s.index)
    present = s.resample(rule).count()
    # intervals a complete period holds (a DST day has 23 or 25 hours; months differ in length)
    starts = present.index
    ends = starts.shift(1, freq=rule) if rule != "MS" else starts + pd.offsets.MonthBegin(1)
    expected = np.round((ends - starts) / pd.Timedelta(hours=step)).astype(int)
    coverage = present.to_numpy() / np.asarray(expected, dtype=float)
    incomplete = coverage < 1.0
    if len(incomplete) and not s.isna().any():
        # the first and last periods may be cut by the data's edges (a UTC year seen in local time misses a
        # few night hours of its first month): shown when at least EDGE_COVERAGE of them is there
        for i in (0, len(incomplete) - 1):
            incomplete[i] = coverage[i] < EDGE_COVERAGE
    if divisor is None:
        out = s.resample(rule).mean() / 1e3
    else:
        out = s.resample(rule).sum() * step / divisor
    out[incomplete] = np.nan  # a period with a gap (or cut by the data's edge) has no total, not a low one
    return out
