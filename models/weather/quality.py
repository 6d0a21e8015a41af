"""Quality checks and sums for a weather set in the convention of :mod:`solarfleet.models.weather.convention`.

:func:`quality_report` counts problems and lists the first offending interval starts, loudly:

``missing``     NaN values per column (gaps in the file become NaN rows on import).
``negative``    irradiance below −5 W/m² (small negatives at night are sensor offsets and tolerated).
``impossible``  GHI above 1.1 × extraterrestrial horizontal + 50 W/m², DNI above extraterrestrial
                normal, or DHI above GHI + 10 W/m² (limits in the spirit of the BSRN "physically
                possible" checks, Long & Dutton 2002, simplified).
``night``       GHI > 10 W/m² while the sun is more than 5° below the horizon over the whole interval —
                the signature of a time-zone or hour-labelling mistake.
``closure``     with the sun above 15° elevation and GHI > 50 W/m²,
                |GHI − (DNI·cos(zenith) + DHI)| > 10 % of GHI + 20 W/m² (hourly values average over a
                moving sun, so a few percent mismatch is normal).
                ``best_shift_minutes``: the shift of the sun position (−60…+60 min from mid-interval)
                that closes best — far from 0, the components were computed for other times than the
                labels say (CSWD EPWs close best at +30 min, i.e. the sun at the hour-ending stamp).
``balance``     over all daylight hours, Σ(DNI·cos z + DHI) / Σ GHI outside 1 ± ``BALANCE_TOLERANCE``:
                the file's components carry more or less energy than its GHI (``ratio`` is reported).
                Such a file simulates a different yield than its GHI promises; see
                :func:`close_components`.
``filled``      columns absent from the file and how they were filled (Erbs DNI/DHI, default
                temperature or wind; see :mod:`~solarfleet.models.weather.plausibility`) — shown
                beside the checks, not counted as a problem.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["quality_report", "monthly_sums", "annual_sum", "solar_position_mid", "close_components",
           "BALANCE_TOLERANCE"]

_FIRST = 5  # offending stamps listed per check
#: Largest tolerated deviation of Σ(DNI·cos z + DHI) / Σ GHI from 1 over the year's daylight hours [-].
BALANCE_TOLERANCE = 0.03


def solar_position_mid(data: pd.DataFrame, metadata: dict) -> pd.DataFrame:
    """Solar position at the middle of each interval (pvlib ``get_solarposition``)."""
    import pvlib
    half = pd.Timedelta(minutes=metadata["interval_minutes"] / 2)
    return pvlib.solarposition.get_solarposition(data.index + half, metadata["latitude"], metadata["longitude"],
                                                 altitude=metadata.get("altitude") or 0.0)


def _check(mask: np.ndarray, index: pd.DatetimeIndex) -> dict:
    hits = np.flatnonzero(mask)
    return {"count": int(len(hits)), "first": [index[i].isoformat() for i in hits[:_FIRST]]}


def quality_report(data: pd.DataFrame, metadata: dict) -> dict:
    """Counts and first offending interval starts (UTC, ISO 8601) of every check.

    Parameters
    ----------
    data : pandas.DataFrame
        Weather set (UTC interval-start index, ``ghi``, ``dni``, ``dhi`` [W/m²], …).
    metadata : dict
        Its metadata (``interval_minutes``, ``latitude``, ``longitude``).

    Returns
    -------
    dict
        ``intervals``, ``start``, ``end``, ``interval_minutes``, ``missing`` (per column
        ``{"count", "first"}``), ``negative``, ``impossible``, ``night``, ``closure`` (each
        ``{"count", "first"}``; closure also ``checked``), ``ok`` (no problems beyond missing
        optional columns) and ``problems`` (codes of the failed checks).
    """
    import pvlib

    idx = data.index
    report: dict = {"intervals": int(len(data)), "interval_minutes": int(metadata["interval_minutes"]),
                    "start": idx[0].isoformat() if len(idx) else None,
                    "end": idx[-1].isoformat() if len(idx) else None}
    report["missing"] = {c: _check(data[c].isna().to_numpy(), idx) for c in data.columns}
    report["gaps"] = _check(data[["ghi"]].isna().all(axis=1).to_numpy(), idx)
    ghi, dni, dhi = (data[c].to_numpy(float) for c in ("ghi", "dni", "dhi"))
    with np.errstate(invalid="ignore"):
        report["negative"] = _check((ghi < -5) | (dni < -5) | (dhi < -5), idx)
        lat, lon = metadata.get("latitude"), metadata.get("longitude")
        have_site = lat is not None and lon is not None and np.isfinite(lat) and np.isfinite(lon)
        if have_site and len(idx):
            sp = solar_position_mid(data, metadata)
            zen = sp["apparent_zenith"].to_numpy()
            # elevation at every interval boundary (start of each, end of the last) in one pass
            edges = idx.append(pd.DatetimeIndex([idx[-1] + pd.Timedelta(minutes=metadata["interval_minutes"])]))
            edge_elev = pvlib.solarposition.ephemeris(edges, lat, lon)["apparent_elevation"].to_numpy()
            start_elev, end_elev = edge_elev[:-1], edge_elev[1:]
            dni_extra = pvlib.irradiance.get_extra_radiation(idx).to_numpy()
            cosz = np.cos(np.radians(zen))
            ghi_extra = dni_extra * np.clip(cosz, 0, None)
            report["impossible"] = _check((ghi > 1.1 * ghi_extra + 50) | (dni > dni_extra) | (dhi > ghi + 10), idx)
            sun_down = np.maximum(np.maximum(start_elev, end_elev), 90 - zen) < -5
            report["night"] = _check(sun_down & (ghi > 10), idx)
            checkable = (zen < 75) & (ghi > 50) & np.isfinite(dni) & np.isfinite(dhi)
            resid = np.abs(ghi - (dni * cosz + dhi))
            closure = _check(checkable & (resid > 0.10 * ghi + 20), idx)
            closure["checked"] = int(checkable.sum())
            report["closure"] = closure
            closure["best_shift_minutes"] = _best_closure_shift(idx, metadata, ghi, dni, dhi, checkable)
            day = (zen < 85) & np.isfinite(ghi) & np.isfinite(dni) & np.isfinite(dhi)
            total = float(np.sum(ghi[day]))
            ratio = float(np.sum(dni[day] * cosz[day] + dhi[day]) / total) if total > 0 else None
            report["balance"] = {"ratio": None if ratio is None else round(ratio, 4),
                                 "count": int(ratio is not None and abs(ratio - 1) > BALANCE_TOLERANCE),
                                 "first": []}
        else:
            report["impossible"] = _check((dhi > ghi + 10), idx)
            report["night"] = {"count": 0, "first": [], "skipped": "no site coordinates"}
            report["closure"] = {"count": 0, "first": [], "checked": 0, "skipped": "no site coordinates"}
            report["balance"] = {"ratio": None, "count": 0, "first": [], "skipped": "no site coordinates"}
    problems = [k for k in ("gaps", "negative", "impossible", "night", "closure", "balance") if report[k]["count"]]
    report["problems"] = problems
    report["ok"] = not problems
    # columns the file did not have, filled by a stated method: not a problem, never hidden
    report["filled"] = dict(metadata.get("filled") or {})
    return report


def monthly_sums(data: pd.DataFrame, metadata: dict, column: str = "ghi") -> pd.Series:
    """Irradiation per calendar month in the set's local standard time [Wh/m²] (NaN intervals skipped).

    Months are taken in the file's standard time (``metadata['utc_offset']`` [h]) so that a typical
    year's January is its January.
    """
    hours = metadata["interval_minutes"] / 60.0
    offset = pd.Timedelta(hours=metadata.get("utc_offset") or 0.0)
    local = data[column].copy()
    local.index = (data.index + offset).tz_localize(None)
    return local.groupby(local.index.month).sum(min_count=1) * hours


def annual_sum(data: pd.DataFrame, metadata: dict, column: str = "ghi") -> float:
    """Irradiation over the whole set [Wh/m²] (NaN intervals skipped)."""
    return float(data[column].sum(skipna=True) * metadata["interval_minutes"] / 60.0)


def coverage(data: pd.DataFrame, column: str = "ghi") -> Optional[float]:
    """Fraction of intervals with a value in ``column`` [-]."""
    return None if data.empty else float(data[column].notna().mean())


def close_components(data: pd.DataFrame, metadata: dict, min_cos_zenith: float = 0.0872) -> pd.DataFrame:
    """A copy whose DNI is recomputed so that GHI = DNI·cos(zenith) + DHI holds exactly.

    GHI and DHI are kept (DHI capped at GHI); DNI = (GHI − DHI) / cos(zenith) at mid-interval, zero
    when the sun is lower than ``min_cos_zenith`` (5°; then DHI = GHI). Use it only deliberately — the
    importers never change a file's values.
    """
    sp = solar_position_mid(data, metadata)
    cosz = np.cos(np.radians(sp["apparent_zenith"].to_numpy()))
    ghi = data["ghi"].to_numpy(float)
    dhi = np.minimum(data["dhi"].to_numpy(float), ghi)
    up = cosz >= min_cos_zenith
    out = data.copy()
    out["dni"] = np.where(up, (ghi - dhi) / np.maximum(cosz, min_cos_zenith), 0.0)
    out["dhi"] = np.where(up, dhi, ghi)
    return out


def _best_closure_shift(idx, metadata, ghi, dni, dhi, checkable, max_rows: int = 6000) -> Optional[int]:
    """Shift of the sun position [min] from mid-interval (−60…+60, step 15) giving the best closure."""
    import pvlib
    rows = np.flatnonzero(checkable)
    if len(rows) < 50:
        return None
    rows = rows[:: max(1, len(rows) // max_rows)]
    mid = idx[rows] + pd.Timedelta(minutes=metadata["interval_minutes"] / 2)
    best, best_err = 0, np.inf
    for shift in range(-60, 61, 15):
        zen = pvlib.solarposition.ephemeris(mid + pd.Timedelta(minutes=shift), metadata["latitude"],
                                            metadata["longitude"])["apparent_zenith"].to_numpy()
        cosz = np.clip(np.cos(np.radians(zen)), 0, None)
        err = float(np.mean(np.abs(ghi[rows] - dni[rows] * cosz - dhi[rows])))
        if err < best_err - 1e-9:
            best, best_err = shift, err
    return best
