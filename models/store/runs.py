"""Simulation runs: stored whole, read back per park, array and calendar period.

One run is a row in sim_runs; per park a row in sim_parks; per array a row in sim_arrays holding its
whole AC series [W] as a float32 little-endian blob (NaN = missing weather); energies [Wh] per day, month
and year in sim_energy (local calendar periods, labelled by their first day). One blob row per array beats a
narrow (array, time) table by orders of magnitude for 1,000 × 8,760 values (tests/bench/fleet_speed.py).
"""
from __future__ import annotations

import json
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store.connection import Store, StoreError
from solarfleet.models.store.run_rows import aggregate_run, daily_energy

__all__ = ["NoRunError", "latest_park_ac", "save_run", "list_runs", "load_run", "latest_run_id", "delete_run",
           "run_parks", "run_arrays", "load_run_ac", "run_energy"]




def save_run(store: Store, meta: dict, park_results) -> int:
    """Store a simulation run in one transaction and return its id.

    Parameters
    ----------
    meta : dict
        ``started_utc`` (ISO text), ``duration_s`` [s], ``fleet_hash``, ``options`` (dict),
        ``versions`` (dict), optional ``note``; see :func:`solarfleet.models.simulation.engine.run_metadata`.
    park_results : sequence of solarfleet.models.simulation.engine.ParkResult
        Every park of the run. Nothing is written unless all of it is.

    Returns
    -------
    int
        The run id.
    """
    park_results = list(park_results)
    if not park_results:
        raise StoreError("a run needs at least one park result")
    agg = aggregate_run(park_results)
    conn = store.db.conn
    with store.db.atomic():
        cur = conn.execute(
            "INSERT INTO sim_runs (started_utc, duration_s, fleet_hash, options, weather, versions, parks, "
            "arrays, dc_capacity, energy, specific_yield, performance_ratio, capacity_factor, "
            "missing_intervals, losses, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [meta["started_utc"], float(meta["duration_s"]), meta["fleet_hash"],
             json.dumps(meta.get("options", {}), sort_keys=True),
             json.dumps(agg["weather"], ensure_ascii=False, default=str),
             json.dumps(meta.get("versions", {}), sort_keys=True),
             *agg["fleet_row"], meta.get("note", "")])
        run_id = cur.lastrowid
        conn.executemany(
            "INSERT INTO sim_parks (run_id, position, park, tz, start_utc, periods, interval_minutes, weather, "
            "missing_intervals, dc_capacity, energy, specific_yield, performance_ratio, capacity_factor, "
            "losses) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(run_id, *row) for row in agg["park_rows"]])
        conn.executemany(
            "INSERT INTO sim_arrays (run_id, park, position, roof, array, dc_model, inverter_model, "
            "dc_capacity, ac_capacity, surface_tilt, surface_azimuth, poa_insolation, energy, specific_yield, "
            "performance_ratio, capacity_factor, losses, ac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((run_id, *row) for row in agg["array_rows"]))
        _insert_energy(conn, run_id, agg["energy_rows"])
    return run_id


_ENERGY_COLUMNS = ("level", "park", "roof", "array", "period", "period_start", "ac_energy", "poa_insolation",
                   "dc_energy")


def _insert_energy(conn, run_id: int, rows: list) -> None:
    """Insert ``sim_energy`` rows, leaving out the trailing columns a file at an older schema version lacks
    (tests of upgrades build such files)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(sim_energy)")}
    n = len(_ENERGY_COLUMNS)
    while _ENERGY_COLUMNS[n - 1] not in have:
        n -= 1
    cols = ", ".join(("run_id",) + _ENERGY_COLUMNS[:n])
    conn.executemany(f"INSERT INTO sim_energy ({cols}) VALUES ({', '.join('?' * (n + 1))})",
                     ((run_id, *row[:n]) for row in rows))


_RUN_COLUMNS = ("id", "started_utc", "duration_s", "fleet_hash", "options", "weather", "versions", "parks",
                "arrays", "dc_capacity", "energy", "specific_yield", "performance_ratio", "capacity_factor",
                "missing_intervals", "note")


def _runs(store: Store, where: str = "", args=()) -> list[dict]:
    rows = store.db.execute(f"SELECT {', '.join(_RUN_COLUMNS)} FROM sim_runs {where} ORDER BY id DESC",
                           list(args)).fetchall()
    out = []
    for r in rows:
        d = dict(zip(_RUN_COLUMNS, r))
        for k in ("options", "weather", "versions"):
            d[k] = json.loads(d[k])
        out.append(d)
    return out


def list_runs(store: Store) -> list[dict]:
    """Every stored run, newest first: inputs (fleet hash, options, weather, versions), start time,
    duration [s] and fleet summary (capacity [W], energy [Wh], specific yield, PR, capacity factor)."""
    return _runs(store)


def load_run(store: Store, run_id: int) -> dict:
    """One run as :meth:`list_runs` gives it, plus its fleet loss waterfall [Wh]; ``KeyError`` if none."""
    found = _runs(store, "WHERE id = ?", [run_id])
    if not found:
        raise KeyError(run_id)
    d = found[0]
    d["losses"] = json.loads(store.db.execute("SELECT losses FROM sim_runs WHERE id = ?", [run_id]).fetchone()[0])
    return d


def latest_run_id(store: Store, park_name: Optional[str] = None) -> Optional[int]:
    """Id of the newest run (that holds ``park_name``, if given), or None."""
    if park_name is None:
        row = store.db.execute("SELECT max(id) FROM sim_runs").fetchone()
    else:
        row = store.db.execute("SELECT max(run_id) FROM sim_parks WHERE park = ?", [park_name]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def delete_run(store: Store, run_id: int) -> None:
    with store.db.atomic():
        if store.db.execute("DELETE FROM sim_runs WHERE id = ?", [run_id]).rowcount == 0:
            raise KeyError(run_id)


def run_parks(store: Store, run_id: int) -> list[dict]:
    """Per park of a run: capacity [W], energy [Wh], specific yield [kWh/kWp], PR, capacity factor,
    missing intervals, loss waterfall [Wh], weather metadata."""
    cur = store.db.execute(
        "SELECT park, tz, start_utc, periods, interval_minutes, weather, missing_intervals, dc_capacity, energy, "
        "specific_yield, performance_ratio, capacity_factor, losses FROM sim_parks WHERE run_id = ? "
        "ORDER BY position", [run_id])
    cols = [c[0] for c in cur.description]
    out = []
    for r in cur.fetchall():
        d = dict(zip(cols, r))
        d["weather"] = json.loads(d["weather"])
        d["losses"] = json.loads(d["losses"])
        out.append(d)
    return out


def run_arrays(store: Store, run_id: int, park_name: Optional[str] = None):
    """Per array of a run (or of one park): the summary columns and loss waterfall, as a DataFrame."""
    sql = ("SELECT park, roof, array, dc_model, inverter_model, dc_capacity, ac_capacity, surface_tilt, "
           "surface_azimuth, poa_insolation, energy, specific_yield, performance_ratio, capacity_factor, losses "
           "FROM sim_arrays WHERE run_id = ?")
    args: list = [run_id]
    if park_name is not None:
        sql += " AND park = ?"
        args.append(park_name)
    cur = store.db.execute(sql + " ORDER BY park, position", args)
    cols = [c[0] for c in cur.description]
    frame = pd.DataFrame(cur.fetchall(), columns=cols)
    frame["losses"] = [json.loads(x) for x in frame["losses"]]
    return frame


def load_run_ac(store: Store, run_id: int, park_name: str):
    """One park's AC series of a run [W]: UTC interval-start index, one column per ``"roof/array"``.

    Raises ``KeyError`` if the run has no such park.
    """
    row = store.db.execute(
        "SELECT start_utc, periods, interval_minutes FROM sim_parks WHERE run_id = ? AND park = ?",
        [run_id, park_name]).fetchone()
    if row is None:
        raise KeyError(f"run {run_id} has no park {park_name!r}")
    start, periods, minutes = row
    blobs = store.db.execute(
        "SELECT roof, array, ac FROM sim_arrays WHERE run_id = ? AND park = ? ORDER BY position",
        [run_id, park_name]).fetchall()
    values = np.empty((len(blobs), periods), dtype=np.float64)
    for i, (_, _, blob) in enumerate(blobs):
        values[i] = np.frombuffer(blob, dtype="<f4", count=periods)
    index = pd.date_range(pd.Timestamp(start), periods=periods, freq=pd.Timedelta(minutes=minutes),
                          name="time")
    return pd.DataFrame(values.T, index=index, columns=[f"{r}/{a}" for r, a, _ in blobs], copy=False)


def run_energy(store: Store, run_id: int, level: str = "park", period: str = "month",
               park_name: Optional[str] = None):
    """Energy aggregates [Wh] of a run.

    Parameters
    ----------
    level : {'array', 'roof', 'park', 'fleet'}
    period : {'day', 'month', 'year'}
        Local calendar periods of each park. Array-level days are summed from the stored series.
    park_name : str, optional
        Only this park.

    Returns
    -------
    pandas.DataFrame
        Columns ``park``, ``roof``, ``array``, ``period_start`` (first local day, ISO), ``ac_energy`` [Wh].
    """
    if level not in ("array", "roof", "park", "fleet") or period not in ("day", "month", "year"):
        raise ValueError(f"level must be array/roof/park/fleet and period day/month/year "
                         f"(got {level!r}, {period!r})")
    if level == "array" and period == "day":
        frames = []
        for p in run_parks(store, run_id):
            if park_name is not None and p["park"].casefold() != park_name.strip().casefold():
                continue
            ac = load_run_ac(store, run_id, p["park"])
            daily = daily_energy(ac, p["tz"], p["interval_minutes"])
            long = daily.stack().rename("ac_energy").reset_index()
            long.columns = ["period_start", "key", "ac_energy"]
            long[["roof", "array"]] = long["key"].str.split("/", n=1, expand=True)
            long["park"] = p["park"]
            frames.append(long[["park", "roof", "array", "period_start", "ac_energy"]])
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
            columns=["park", "roof", "array", "period_start", "ac_energy"])
    sql = ("SELECT park, roof, array, period_start, ac_energy FROM sim_energy "
           "WHERE run_id = ? AND level = ? AND period = ?")
    args: list = [run_id, level, period]
    if park_name is not None:
        sql += " AND park = ?"
        args.append(park_name)
    cur = store.db.execute(sql + " ORDER BY park, roof, array, period_start", args)
    return pd.DataFrame(cur.fetchall(), columns=["park", "roof", "array", "period_start", "ac_energy"])


def run_array_monthly(store: Store, run_id: int, park_name: Optional[str] = None) -> pd.DataFrame:
    """Per array and local calendar month of a run: energy, POA irradiation and performance ratio.

    Returns
    -------
    pandas.DataFrame
        ``park``, ``roof``, ``array``, ``period_start`` (first local day, ISO), ``ac_energy`` [Wh],
        ``poa_insolation`` (POA before shading) [Wh/m²], ``dc_capacity`` [W] and
        ``performance_ratio`` = ``ac_energy / (poa_insolation · dc_capacity / 1000 W/m²)`` [-]
        (NaN where the run stored no POA: runs made before schema version 9), and ``dc_energy`` [Wh] at the
        inverter input (NaN in runs stored before the monthly DC energy).
    """
    sql = ("SELECT e.park, e.roof, e.array, e.period_start, e.ac_energy, e.poa_insolation, a.dc_capacity, e.dc_energy "
           "FROM sim_energy e JOIN sim_arrays a ON a.run_id = e.run_id AND a.park = e.park AND a.roof = e.roof "
           "AND a.array = e.array WHERE e.run_id = ? AND e.level = 'array' AND e.period = 'month'")
    args: list = [run_id]
    if park_name is not None:
        sql += " AND e.park = ?"
        args.append(park_name)
    cur = store.db.execute(sql + " ORDER BY a.park, a.position, e.period_start", args)
    cols = ["park", "roof", "array", "period_start", "ac_energy", "poa_insolation", "dc_capacity", "dc_energy"]
    frame = pd.DataFrame(cur.fetchall(), columns=cols)
    for col in ("poa_insolation", "dc_energy"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    ref = frame["poa_insolation"] * frame["dc_capacity"] / 1000.0
    frame["performance_ratio"] = frame["ac_energy"] / ref.where(ref > 0)
    return frame


class NoRunError(LookupError):
    """No stored simulation run covers the park."""


def latest_park_ac(store, park_name: str, run_id: Optional[int] = None) -> tuple[pd.Series, dict]:
    """A park's AC output summed over its arrays, from the newest run that holds it.

    Parameters
    ----------
    store : Store
    park_name : str
    run_id : int, optional
        A specific run instead of the newest.

    Returns
    -------
    ac : pandas.Series
        AC power [W], UTC interval-start index; NaN where the weather had a gap (never 0).
    info : dict
        ``run_id``, ``interval_minutes``, ``weather`` (metadata of the run's weather), ``fleet_hash``.

    Raises
    ------
    NoRunError
        No run holds the park.
    """
    rid = run_id if run_id is not None else latest_run_id(store, park_name)
    if rid is None:
        raise NoRunError(f"no simulation run for park {park_name!r} yet; run a simulation first")
    try:
        frame = load_run_ac(store, rid, park_name)
    except KeyError:
        raise NoRunError(f"run {rid} does not hold park {park_name!r}") from None
    ac = frame.sum(axis=1, min_count=1)
    ac.name = "ac"
    park = next(p for p in run_parks(store, rid) if p["park"].casefold() == park_name.casefold())
    run = load_run(store, rid)
    return ac, {"run_id": rid, "interval_minutes": park["interval_minutes"], "weather": park["weather"],
                "fleet_hash": run.get("fleet_hash")}
