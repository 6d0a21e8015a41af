"""Yield studies, forecasts and imported measured AC.

Forecasts and measured AC are narrow tables keyed by UTC instants in milliseconds (interval starts);
powers [W], irradiance [W/m²].
"""
from __future__ import annotations

import io
import json
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store.connection import Store, json_safe, to_ms, utc_now
from solarfleet.models.store.fleet import find_park_id

__all__ = ["save_yield_study", "list_yield_studies", "load_yield_study", "save_forecast", "list_forecasts",
           "load_forecast", "add_measured_ac", "measured_ac"]


def save_yield_study(store: Store, study) -> int:
    """Store a :class:`solarfleet.models.studies.yield_study.YieldStudy`; return its id (also set on ``study.study_id``)."""
    parks = sorted(set(study.table["park"]) - {""})
    row = {"created_utc": study.created_utc,
           "parks": json.dumps(parks, ensure_ascii=False),
           "parameters": json.dumps(json_safe(study.parameters), ensure_ascii=False, allow_nan=False),
           "info": json.dumps(json_safe(study.parks), ensure_ascii=False, allow_nan=False),
           "results": study.table.to_json(orient="split", index=False, force_ascii=False, double_precision=15),
           "projection": study.projection.to_json(orient="split", index=False, force_ascii=False,
                                                  double_precision=15)}
    with store.db.atomic():
        sid = int(store.db["yield_studies"].insert(row).last_pk)
    study.study_id = sid
    return sid


def list_yield_studies(store: Store) -> list[dict]:
    """Stored studies, newest first: ``id``, ``created_utc``, ``parks`` (list), ``parameters`` (dict)."""
    out = []
    for r in store.db.query("SELECT id, created_utc, parks, parameters FROM yield_studies ORDER BY id DESC"):
        r["parks"] = json.loads(r["parks"])
        r["parameters"] = json.loads(r["parameters"])
        out.append(r)
    return out


def load_yield_study(store: Store, study_id: Optional[int] = None, park_name: Optional[str] = None,
                     covering=None):
    """A stored study: the newest, or the newest covering ``park_name`` or every park named in
    ``covering``; None if there is none (``KeyError`` for an unknown ``study_id``)."""
    from solarfleet.models.studies.yield_study import (
        YieldStudy,  # lazily: yield_study imports the store
    )
    rows = list(store.db.query("SELECT * FROM yield_studies ORDER BY id DESC" if study_id is None else
                               "SELECT * FROM yield_studies WHERE id = ?", [] if study_id is None else [study_id]))
    if park_name is not None:
        rows = [r for r in rows if park_name.casefold() in {p.casefold() for p in json.loads(r["parks"])}]
    if covering is not None:
        need = {p.casefold() for p in covering}
        rows = [r for r in rows if need <= {p.casefold() for p in json.loads(r["parks"])}]
    if not rows:
        if study_id is not None:
            raise KeyError(study_id)
        return None
    r = rows[0]
    table = pd.read_json(io.StringIO(r["results"]), orient="split", dtype=False)
    table["park"] = table["park"].astype(str)
    table["array"] = table["array"].astype(str)
    table["period"] = table["period"].astype(str)
    proj = pd.read_json(io.StringIO(r["projection"]), orient="split", dtype=False)
    return YieldStudy(table=table, projection=proj, parks=json.loads(r["info"]), parameters=json.loads(r["parameters"]),
                      created_utc=r["created_utc"], study_id=int(r["id"]))


def save_forecast(store: Store, park_name: str, frame, meta: dict) -> int:
    """Store a forecast in one transaction; return its id.

    Parameters
    ----------
    frame : pandas.DataFrame
        UTC interval-start index; ``ac_p10``, ``ac_p50``, ``ac_p90``, ``ac_clearsky`` [W], optional ``ghi`` [W/m²].
    meta : dict
        ``issued_utc`` (ISO), ``method``, ``horizon``, ``source``, ``interval_minutes`` and anything else
        (stored as JSON).
    """
    park_id = find_park_id(store, park_name)
    if park_id is None:
        raise KeyError(park_name)
    cols = ("ghi", "ac_p10", "ac_p50", "ac_p90", "ac_clearsky")
    def num(v):
        v = float(v)
        return v if v == v else None
    values = [(int(t.value // 1_000_000), *(num(frame[c].iloc[i]) if c in frame else None for c in cols))
              for i, t in enumerate(frame.index.tz_convert("UTC"))]
    with store.db.atomic():
        fid = store.db["forecasts"].insert({
            "park_id": park_id, "created_utc": utc_now(), "issued_utc": str(meta["issued_utc"]),
            "method": str(meta["method"]), "horizon": str(meta["horizon"]), "source": str(meta.get("source", "")),
            "interval_minutes": int(meta["interval_minutes"]),
            "metadata": json.dumps(json_safe(dict(meta)), ensure_ascii=False, allow_nan=False)}).last_pk
        store.db.conn.executemany(
            "INSERT INTO forecast_values (forecast_id, time_ms, ghi, ac_p10, ac_p50, ac_p90, ac_clearsky) "
            "VALUES (?,?,?,?,?,?,?)", [(fid, *v) for v in values])
    return int(fid)


def list_forecasts(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Stored forecasts (no values), newest first, each with its ``park``."""
    sql = ("SELECT f.id, p.name AS park, f.created_utc, f.issued_utc, f.method, f.horizon, f.source, "
           "f.interval_minutes FROM forecasts f JOIN parks p ON p.id = f.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE p.name = ?"
        args.append(park_name.strip())
    return list(store.db.query(sql + " ORDER BY f.id DESC", args))


def load_forecast(store: Store, forecast_id: int):
    """``(frame, meta)`` of a stored forecast; frame indexed by UTC interval start [W, W/m²]."""
    row = store.db.execute("SELECT p.name, f.metadata FROM forecasts f JOIN parks p ON p.id = f.park_id "
                           "WHERE f.id = ?", [int(forecast_id)]).fetchone()
    if row is None:
        raise KeyError(forecast_id)
    cur = store.db.execute("SELECT time_ms, ghi, ac_p10, ac_p50, ac_p90, ac_clearsky FROM forecast_values "
                           "WHERE forecast_id = ? ORDER BY time_ms", [int(forecast_id)])
    df = pd.DataFrame(cur.fetchall(), columns=["time_ms", "ghi", "ac_p10", "ac_p50", "ac_p90", "ac_clearsky"])
    df.index = pd.to_datetime(df.pop("time_ms"), unit="ms", utc=True)
    df.index.name = "time"
    df = df.astype(float)
    meta = json.loads(row[1])
    meta.update(id=int(forecast_id), park=row[0])
    return df, meta


def add_measured_ac(store: Store, park_name: str, ac, interval_minutes: int, source: str,
                    provenance: str = "measured") -> int:
    """Store an imported measured AC series [W] (interval means, UTC interval starts) for a park.

    An instant already stored for the park is replaced. Returns the number of rows written.
    ``provenance`` must be ``measured``: modelled, replayed or forecast AC is never stored as an actual;
    values must be finite (NaN = missing) and at most 10 GW.
    """
    if provenance != "measured":
        raise ValueError(f"measured AC must be measured, not {provenance!r}: a {provenance} series never counts "
                         "as actuals")
    values = ac.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero(np.isinf(values) | (np.abs(values) > 1e10))
    if len(bad):
        raise ValueError(f"measured AC {values[bad[0]]:g} W at {ac.index[bad[0]]} is not a finite power of at most "
                         "10 GW")
    park_id = find_park_id(store, park_name)
    if park_id is None:
        raise KeyError(park_name)
    rows = [(park_id, int(t.value // 1_000_000), int(interval_minutes), None if v != v else float(v), source)
            for t, v in zip(ac.index.tz_convert("UTC"), ac.to_numpy(dtype=float))]
    with store.db.atomic():
        store.db.conn.executemany("INSERT OR REPLACE INTO measured_ac (park_id, time_ms, interval_minutes, ac, source) "
                                  "VALUES (?,?,?,?,?)", rows)  # provenance: the column's default, 'measured'
    return len(rows)


def measured_ac(store: Store, park_name: str, start=None, end=None):
    """Imported measured AC [W] of a park as a Series on UTC interval starts (``[start, end)``), NaN kept."""
    park_id = find_park_id(store, park_name)
    if park_id is None:
        raise KeyError(park_name)
    sql, args = "SELECT time_ms, ac FROM measured_ac WHERE park_id = ?", [park_id]
    if start is not None:
        sql += " AND time_ms >= ?"
        args.append(to_ms(start))
    if end is not None:
        sql += " AND time_ms < ?"
        args.append(to_ms(end))
    rows = store.db.execute(sql + " ORDER BY time_ms", args).fetchall()
    s = pd.Series([r[1] for r in rows], index=pd.to_datetime([r[0] for r in rows], unit="ms", utc=True),
                  dtype=float, name="ac")
    s.index.name = "time"
    return s
