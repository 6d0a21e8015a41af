"""Numbers a live view shows, as pure functions on readings or stored history.

All inputs are pandas objects with a tz-aware UTC index; powers in [W], energies [Wh].
Missing values stay NaN and are never counted as zero.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["expected_ratio", "self_consumption", "energy_today", "site_series", "site_power"]


def expected_ratio(actual: pd.Series, expected: pd.Series, min_expected: float = 0.0) -> pd.Series:
    """Actual over expected power, NaN where it means nothing.

    Parameters
    ----------
    actual, expected : pandas.Series
        Power [W] on the same index.
    min_expected : float
        Below this expected power [W] (night, dawn) the ratio is NaN.

    Returns
    -------
    pandas.Series
        Ratio [-]; NaN where either value is missing or ``expected < max(min_expected, tiny)``.
    """
    a, e = actual.astype(float), expected.reindex(actual.index).astype(float)
    ok = (e >= max(min_expected, 1e-9)) & a.notna() & e.notna()
    return (a / e).where(ok)


def self_consumption(pv_power, load_power):
    """Share of PV used on site right now: ``min(pv, load) / pv`` [-]; NaN when PV ≤ 0 or missing.

    Works on floats, numpy arrays or Series.
    """
    pv = np.asarray(pv_power, dtype=float)
    load = np.asarray(load_power, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(pv > 0, np.minimum(pv, load) / pv, np.nan)
    if isinstance(pv_power, pd.Series):
        return pd.Series(out, index=pv_power.index)
    return float(out) if np.ndim(out) == 0 else out


def site_series(history: pd.DataFrame) -> pd.DataFrame:
    """Site totals from stored readings of several devices: one row per timestamp.

    ``pv_power`` and the interval energies are summed over devices (NaN only if every
    device is missing); ``load_power``/``grid_power`` likewise.
    """
    cols = ["pv_power", "load_power", "grid_power", "pv_energy_interval", "grid_import_interval",
            "grid_export_interval", "poa_global"]
    df = history[[c for c in cols if c in history.columns]]
    summed = df.drop(columns=["poa_global"], errors="ignore").groupby(level=0).sum(min_count=1)
    if "poa_global" in df:
        summed["poa_global"] = df["poa_global"].groupby(level=0).mean()
    return summed


def site_power(history: pd.DataFrame, freq: str = "1s") -> pd.DataFrame:
    """Site power over time from stored readings of devices that report at different instants.

    Each device's latest value is held until its next reading (as :meth:`LiveSession.poll`
    sums each device's latest reading), and the site total is taken once per ``freq`` bin.

    Parameters
    ----------
    history : pandas.DataFrame
        As returned by :func:`solarfleet.models.store.live_history` (``device_id`` and power columns).
    freq : str
        Bin width (pandas offset alias) [s].

    Returns
    -------
    pandas.DataFrame
        Indexed by bin start (tz-aware UTC); ``pv_power``, ``load_power``, ``grid_power`` [W],
        NaN where no device has reported that quantity yet.
    """
    cols = ["pv_power", "load_power", "grid_power"]
    if history.empty:
        return pd.DataFrame(columns=cols, index=pd.DatetimeIndex([], tz="UTC"), dtype=float)
    df = history[["device_id"] + cols].copy()
    df[cols] = df[cols].astype(float)  # None (missing) → NaN
    df["bin"] = df.index.floor(freq)
    last = df.groupby(["bin", "device_id"])[cols].last()
    wide = last.unstack("device_id").ffill()
    out = pd.DataFrame({c: wide[c].sum(axis=1, min_count=1) for c in cols})
    out.index.name = "timestamp"
    return out


def energy_today(history: pd.DataFrame, tz: str, now=None) -> dict:
    """Energy so far today (local calendar day of ``tz``) from stored interval energies.

    Parameters
    ----------
    history : pandas.DataFrame
        As returned by :func:`solarfleet.models.store.live_history`.
    tz : str
        The park's time zone (IANA name).
    now : datetime-like, optional
        Defaults to the newest reading.

    Returns
    -------
    dict
        ``pv`` [Wh], ``grid_import`` [Wh], ``grid_export`` [Wh], ``load`` [Wh] (pv + import − export,
        NaN when any part is missing), ``self_consumption`` [-], ``start`` (local midnight, UTC).
    """
    if history.empty:
        return {"pv": 0.0, "grid_import": 0.0, "grid_export": 0.0, "load": float("nan"),
                "self_consumption": float("nan"), "start": None}
    now = history.index.max() if now is None else pd.Timestamp(now)
    start = now.tz_convert(tz).normalize().tz_convert("UTC")
    day = history[(history.index > start) & (history.index <= now)]
    pv = float(day["pv_energy_interval"].sum(min_count=1)) if "pv_energy_interval" in day else float("nan")
    imp = float(day["grid_import_interval"].sum(min_count=1)) if "grid_import_interval" in day else float("nan")
    exp = float(day["grid_export_interval"].sum(min_count=1)) if "grid_export_interval" in day else float("nan")
    pv, imp, exp = (0.0 if np.isnan(v) and day.empty else v for v in (pv, imp, exp))
    load = pv + imp - exp
    sc = (pv - exp) / pv if pv and pv > 0 and not np.isnan(exp) else float("nan")
    return {"pv": pv, "grid_import": imp, "grid_export": exp, "load": load, "self_consumption": sc,
            "start": start}
