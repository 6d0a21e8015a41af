"""Consumption series, synthetic-load parameters, tariffs, batteries and the carbon choice of each park.
"""
from __future__ import annotations

import json
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.battery import Battery
from solarfleet.models.energy.carbon import emission_factors
from solarfleet.models.energy.load import sum_meters
from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
from solarfleet.models.energy.tariff import Tariff
from solarfleet.models.store.provenance import provenance_fields
from solarfleet.models.store.connection import Store, StoreError, utc_now
from solarfleet.models.store.fleet import load_park, require_park_id

__all__ = ["add_load_series", "list_load_series", "load_series", "delete_load_series", "park_consumption",
           "set_synthetic_load_params", "get_synthetic_load_params", "set_synthetic_load", "get_synthetic_load", "set_tariff", "get_tariff", "set_battery",
           "get_battery", "set_carbon_choice", "get_carbon_choice", "LOAD_KINDS"]


#: Kinds of consumption series: read from meter files, or made by solarfleet.models.energy.synthetic_load.
LOAD_KINDS = ("measured", "synthetic")


def add_load_series(store: Store, park_name: str, data, metadata: dict, report: Optional[dict] = None, *,
                    meter: Optional[str] = None, kind: str = "measured", replace: bool = False) -> int:
    """Store one meter's (or the synthetic) consumption series of a park; returns its id.

    Parameters
    ----------
    data : pandas.Series
        Mean power [W], regular UTC interval-start index (NaN = missing).
    metadata : dict
        Needs ``interval_minutes``; stored as JSON.
    meter : str, optional
        Meter name, unique within the park (default ``metadata["meter"]``, or "synthetic").
    kind : {'measured', 'synthetic'}
    replace : bool
        Replace a stored series of the same meter; otherwise that is a :class:`StoreError`.
    """
    if kind not in LOAD_KINDS:
        raise ValueError(f"kind must be one of {', '.join(LOAD_KINDS)} (got {kind!r})")
    meter = (meter or metadata.get("meter") or ("synthetic" if kind == "synthetic" else "")).strip()
    if not meter or len(meter) > 200:
        raise ValueError("meter: a name of 1–200 characters is required")
    interval = metadata.get("interval_minutes")
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
        raise ValueError("metadata['interval_minutes'] must be a positive whole number")
    if not isinstance(data, pd.Series) or not isinstance(data.index, pd.DatetimeIndex) or data.index.tz is None:
        raise ValueError("data must be a pandas Series with a tz-aware DatetimeIndex")
    if len(data) == 0:
        raise ValueError("data is empty")
    idx = data.index.tz_convert("UTC")
    expected = pd.date_range(idx[0], periods=len(idx), freq=f"{interval}min", tz="UTC")
    if not idx.equals(expected):
        raise ValueError(f"data must be on a regular {interval}-minute index without holes (holes are NaN values)")
    values = np.ascontiguousarray(data.to_numpy(dtype="<f8"))
    row = {"meter": meter, "kind": kind, "interval_minutes": interval, "start_utc": idx[0].isoformat(),
           "n": len(values), "load": values.tobytes(), "energy_wh": float(np.nansum(values)) * interval / 60.0,
           "missing_intervals": int(np.isnan(values).sum()),
           "metadata": json.dumps(metadata, default=str), "report": json.dumps(report or {}, default=str),
           "created_utc": utc_now(),
           **provenance_fields(store, "load_series", "modelled" if kind == "synthetic" else "measured",
                               str(metadata.get("source") or "").replace("\\", "/").rsplit("/", 1)[-1])}
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        old = store.db.execute("SELECT id FROM load_series WHERE park_id = ? AND meter = ?", [pid, meter]).fetchone()
        if old is not None:
            if not replace:
                raise StoreError(f"park {park_name!r} already has a consumption series for meter {meter!r} "
                                 "(replace it, or give another meter name)")
            store.db.execute("DELETE FROM load_series WHERE id = ?", [old[0]])
        return store.db["load_series"].insert({"park_id": pid, **row}).last_pk


def list_load_series(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Stored consumption series (without the values): park, meter, kind, interval, span, energy, provenance
    (``measured`` meter file or ``modelled`` synthetic load) and origin (the file)."""
    sql = ("SELECT load_series.id, parks.name AS park, meter, kind, interval_minutes, start_utc, n, energy_wh, "
           "missing_intervals, created_utc" + (", provenance, origin" if provenance_fields(
               store, "load_series", "measured") else "") + " FROM load_series JOIN parks ON parks.id = load_series.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE parks.id = ?"
        args.append(require_park_id(store, park_name))
    return list(store.db.query(sql + " ORDER BY parks.position, meter", args))


def load_series(store: Store, series_id: int):
    """``(data [W], metadata, report)`` of one stored series."""
    row = store.db.execute("SELECT interval_minutes, start_utc, n, load, metadata, report, meter FROM load_series "
                           "WHERE id = ?", [series_id]).fetchone()
    if row is None:
        raise KeyError(series_id)
    interval, start, n, blob, meta, rep, meter = row
    idx = pd.date_range(pd.Timestamp(start), periods=n, freq=f"{interval}min", tz="UTC", name="time")
    data = pd.Series(np.frombuffer(blob, dtype="<f8").copy(), index=idx, name="load")
    return data, json.loads(meta), json.loads(rep)


def delete_load_series(store: Store, park_name: str, meter: Optional[str] = None) -> int:
    """Delete a park's series of ``meter`` (or all of them); returns how many."""
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if meter is None:
            cur = store.db.execute("DELETE FROM load_series WHERE park_id = ?", [pid])
        else:
            cur = store.db.execute("DELETE FROM load_series WHERE park_id = ? AND meter = ?", [pid, meter])
        return cur.rowcount


def park_consumption(store: Store, park_name: str):
    """A park's consumption [W]: the sum of its measured meters, else its synthetic series.

    Returns
    -------
    (data, info) or None
        ``info``: ``kind``, ``meters``, ``interval_minutes``. None when the park has no series.
        Meters of different intervals are a :class:`StoreError` (resample before storing).
    """
    rows = list_load_series(store, park_name)
    if not rows:
        return None
    measured = [r for r in rows if r["kind"] == "measured"]
    use = measured or rows
    intervals = {r["interval_minutes"] for r in use}
    if len(intervals) > 1:
        raise StoreError(f"park {park_name!r}: meters have different intervals {sorted(intervals)} [min]")
    data = sum_meters([load_series(store, r["id"])[0] for r in use])
    return data, {"kind": use[0]["kind"], "meters": [r["meter"] for r in use],
                  "interval_minutes": intervals.pop()}


def set_synthetic_load_params(store: Store, park_name: str, params) -> None:
    """Keep the synthetic-load parameters (a SyntheticLoadParams) of a park."""
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        store.db["park_synthetic_load"].upsert(
            {"park_id": pid, "params": json.dumps(params.to_dict()), "updated_utc": utc_now()}, pk="park_id")


def get_synthetic_load_params(store: Store, park_name: str):
    """The park's SyntheticLoadParams, or None."""
    row = store.db.execute("SELECT params FROM park_synthetic_load WHERE park_id = ?",
                           [require_park_id(store, park_name)]).fetchone()
    return None if row is None else SyntheticLoadParams.from_dict(json.loads(row[0]))


#: The meter name of a park's synthetic consumption series.
SYNTHETIC_METER = "synthetic"


def set_synthetic_load(store: Store, park_name: str, params, series=None) -> None:
    """Set a park's synthetic load — its parameters and series — in one transaction.

    Parameters
    ----------
    params : SyntheticLoadParams or None
        None removes the parameters and the synthetic series (measured meters stay).
    series : (data, metadata), optional
        The series made from ``params`` (:func:`~solarfleet.models.energy.synthetic_load.synth_park_load`);
        it replaces the park's synthetic series. None keeps no synthetic series.
    """
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        store.db.execute("DELETE FROM load_series WHERE park_id = ? AND meter = ? AND kind = 'synthetic'",
                         [pid, SYNTHETIC_METER])
        if params is None:
            store.db.execute("DELETE FROM park_synthetic_load WHERE park_id = ?", [pid])
            return
        set_synthetic_load_params(store, park_name, params)
        if series is not None:
            data, meta = series
            add_load_series(store, park_name, data, {**meta, "meter": SYNTHETIC_METER}, {"gaps": []},
                            kind="synthetic", meter=SYNTHETIC_METER, replace=True)


def get_synthetic_load(store: Store, park_name: str):
    """``(params, (data, metadata) or None)`` of the park's synthetic load, as :func:`set_synthetic_load`
    takes them (params None: the park has none)."""
    params = get_synthetic_load_params(store, park_name)
    rows = [r for r in list_load_series(store, park_name)
            if r["meter"] == SYNTHETIC_METER and r["kind"] == "synthetic"]
    series = load_series(store, rows[0]["id"])[:2] if rows else None
    return params, series


def set_tariff(store: Store, park_name: str, tariff) -> None:
    """Set a park's tariff (a solarfleet.models.energy.tariff.Tariff); ``None`` removes it."""
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if tariff is None:
            store.db.execute("DELETE FROM park_tariffs WHERE park_id = ?", [pid])
            return
        store.db["park_tariffs"].upsert({"park_id": pid, "tariff": json.dumps(tariff.to_dict(), ensure_ascii=False),
                                         "updated_utc": utc_now()}, pk="park_id")


def get_tariff(store: Store, park_name: str):
    """The park's Tariff, or None."""
    row = store.db.execute("SELECT tariff FROM park_tariffs WHERE park_id = ?",
                           [require_park_id(store, park_name)]).fetchone()
    return None if row is None else Tariff.from_dict(json.loads(row[0]))


def set_battery(store: Store, park_name: str, battery) -> None:
    """Set a park's battery (a solarfleet.models.energy.battery.Battery); ``None`` removes it."""
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if battery is None:
            store.db.execute("DELETE FROM park_batteries WHERE park_id = ?", [pid])
            return
        store.db["park_batteries"].upsert({"park_id": pid, **battery.to_dict(), "updated_utc": utc_now()},
                                          pk="park_id")


def get_battery(store: Store, park_name: str):
    """The park's Battery, or None."""
    row = store.db.execute("SELECT capacity, power, efficiency, min_soc, strategy, initial_soc FROM park_batteries "
                           "WHERE park_id = ?", [require_park_id(store, park_name)]).fetchone()
    if row is None:
        return None
    return Battery(capacity=row[0], power=row[1], efficiency=row[2], min_soc=row[3], strategy=row[4],
                   initial_soc=row[5])


def set_carbon_choice(store: Store, park_name: str, region: Optional[str] = None,
                      data_year: Optional[int] = None) -> None:
    """Override the emission-factor region and/or data year of a park (None, None: back to defaults)."""
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if region is None and data_year is None:
            store.db.execute("DELETE FROM park_carbon WHERE park_id = ?", [pid])
            return
        park = load_park(store, park_name)
        emission_factors().factor(region or park.grid_region, data_year)  # refuses an unknown pair
        store.db["park_carbon"].upsert({"park_id": pid, "region": region, "data_year": data_year,
                                        "updated_utc": utc_now()}, pk="park_id")


def get_carbon_choice(store: Store, park_name: str) -> dict:
    """``{"region": str or None, "data_year": int or None}`` (None = the default)."""
    row = store.db.execute("SELECT region, data_year FROM park_carbon WHERE park_id = ?",
                           [require_park_id(store, park_name)]).fetchone()
    return {"region": None, "data_year": None} if row is None else {"region": row[0], "data_year": row[1]}
