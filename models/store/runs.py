"""Simulation runs: stored whole, read back per park, array and calendar period.

One run is a row in sim_runs; per park a row in sim_parks; per array a row in sim_arrays holding its
AC series [W] as a float32 little-endian blob (NaN = missing weather) of its park's *active* intervals, the
others being the array's ``ac_base`` (0 W, or an inverter's night tare; see
:func:`~solarfleet.models.store.run_rows.encode_park_series`: the same numbers as a full float32 series, about
half the bytes; runs stored before hold every interval and no base); energies [Wh] per day, month
and year in sim_energy (local calendar periods, labelled by their first day). One blob row per array beats a
narrow (array, time) table by orders of magnitude for 1,000 × 8,760 values (tests/bench/fleet_speed.py); a
20,000-array hourly year is written in seconds (tests/bench/store_scale.py).
"""
from __future__ import annotations

import json
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store.connection import Store, StoreError
from solarfleet.models.store.run_rows import (aggregate_run, combine_totals, daily_energy, decode_park_series,
                                              fleet_rows, series_blob)

__all__ = ["NoRunError", "latest_park_ac", "save_run", "list_runs", "load_run", "latest_run_id", "delete_run",
           "run_parks", "run_arrays", "load_run_ac", "run_energy"]




def save_run(store: Store, meta: dict, park_results) -> int:
    """Store a simulation run in one transaction and return its id.

    Parks are written as they come: ``park_results`` may be a generator that yields each park as
    a backend finishes it (memory holds one park at a time), and nothing of the run is visible
    to other connections, or left in the file, unless every park of it is written.

    Parameters
    ----------
    meta : dict
        ``started_utc`` (ISO text), ``duration_s`` [s], ``fleet_hash``, ``options`` (dict),
        ``versions`` (dict), optional ``note``; see :func:`solarfleet.models.simulation.engine.run_metadata`.
        Without ``duration_s`` the time spent consuming ``park_results`` is recorded (the study's
        duration when they stream from a backend).
    park_results : iterable of solarfleet.models.simulation.engine.ParkResult, or of park rows
        Every park of the run, as results or as the rows :func:`aggregate_run` makes of one park
        (what a cluster worker sends back; an optional ``"position"`` key places it in the fleet's
        order when parks arrive in another order, else parks keep the order they come in).

    Returns
    -------
    int
        The run id.
    """
    import time
    t0 = time.perf_counter()
    conn = store.db.conn
    sparse = "active" in {r[1] for r in conn.execute("PRAGMA table_info(sim_parks)")}
    with store.db.atomic():
        run_id = conn.execute(
            "INSERT INTO sim_runs (started_utc, duration_s, fleet_hash, options, weather, versions, parks, "
            "arrays, dc_capacity, energy, missing_intervals, losses, note) VALUES (?,?,?,?,'{}',?,0,0,0,0,0,'{}',?)",
            [meta["started_utc"], float(meta.get("duration_s", 0.0)), meta["fleet_hash"],
             json.dumps(meta.get("options", {}), sort_keys=True), json.dumps(meta.get("versions", {}), sort_keys=True),
             meta.get("note", "")]).lastrowid
        parts = []  # (position, totals, weather): summed in fleet order at the end, whatever the arrival order
        for item in park_results:
            agg = item if isinstance(item, dict) else aggregate_run([item])
            position = agg.get("position", sum(p[1]["parks"] for p in parts))
            _write_park(conn, run_id, agg, position, sparse)
            parts.append((position, agg["totals"], agg["weather"]))
        if not parts:
            raise StoreError("a run needs at least one park result")
        parts.sort(key=lambda p: p[0])
        totals, weather = parts[0][1], {}
        for _, part, _ in parts[1:]:
            totals = combine_totals(totals, part)
        for _, _, w in parts:
            weather.update(w)
        fleet_row, fleet_energy = fleet_rows(totals)
        _write_energy(conn, run_id, fleet_energy)
        duration = float(meta["duration_s"]) if "duration_s" in meta else time.perf_counter() - t0
        conn.execute(
            "UPDATE sim_runs SET duration_s = ?, weather = ?, parks = ?, arrays = ?, dc_capacity = ?, energy = ?, "
            "specific_yield = ?, performance_ratio = ?, capacity_factor = ?, missing_intervals = ?, losses = ? "
            "WHERE id = ?", [duration, json.dumps(weather, ensure_ascii=False, default=str), *fleet_row, run_id])
    return run_id


def _write_park(conn, run_id: int, agg: dict, first_position: int, sparse: bool) -> None:
    """One part of a run (the rows :func:`aggregate_run` made of some of its parks), fleet rows aside."""
    park_rows = [(first_position + k, *row[1:]) for k, row in enumerate(agg["park_rows"])]
    array_rows = agg["array_rows"]
    if not sparse:  # a file at a schema version before the active-interval series: every interval stored
        array_rows = _full_series_rows(park_rows, array_rows)
    conn.executemany(
        "INSERT INTO sim_parks (run_id, position, park, tz, start_utc, periods, interval_minutes, weather, "
        "missing_intervals, dc_capacity, energy, specific_yield, performance_ratio, capacity_factor, "
        f"losses{', active' if sparse else ''}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?{',?' if sparse else ''})",
        [(run_id, *row) if sparse else (run_id, *row[:-1]) for row in park_rows])
    conn.executemany(
        "INSERT INTO sim_arrays (run_id, park, position, roof, array, dc_model, inverter_model, "
        "dc_capacity, ac_capacity, surface_tilt, surface_azimuth, poa_insolation, energy, specific_yield, "
        f"performance_ratio, capacity_factor, losses, ac{', ac_base' if sparse else ''}) "
        f"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?{',?' if sparse else ''})",
        ((run_id, *row) for row in array_rows))
    _write_energy(conn, run_id, (row for row in agg["energy_rows"] if row[0] != "fleet"))


_ENERGY_COLUMNS = ("level", "park", "roof", "array", "period", "period_start", "ac_energy", "poa_insolation",
                   "dc_energy")


def _write_energy(conn, run_id: int, rows) -> None:
    """Insert ``sim_energy`` rows, leaving out the trailing columns a file at an older schema version lacks
    (tests of upgrades build such files)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(sim_energy)")}
    n = len(_ENERGY_COLUMNS)
    while _ENERGY_COLUMNS[n - 1] not in have:
        n -= 1
    cols = ", ".join(("run_id",) + _ENERGY_COLUMNS[:n])
    conn.executemany(f"INSERT INTO sim_energy ({cols}) VALUES ({', '.join('?' * (n + 1))})",
                     ((run_id, *row[:n]) for row in rows))


def _full_series_rows(park_rows: list, array_rows: list) -> list:
    """Array rows with every interval in the blob (float32) and no base, for files of earlier versions."""
    parks = {row[1]: (row[4], row[-1]) for row in park_rows}  # park → (periods, active)
    out = []
    for row in array_rows:
        periods, active = parks[row[0]]
        full = decode_park_series(active, periods, [row[-1]], [row[-2]])[0]
        out.append((*row[:-2], series_blob(full)))
    return out


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
    sparse = "active" in {r[1] for r in store.db.execute("PRAGMA table_info(sim_parks)")}
    row = store.db.execute(
        f"SELECT start_utc, periods, interval_minutes, {'active' if sparse else 'NULL'} FROM sim_parks "
        "WHERE run_id = ? AND park = ?", [run_id, park_name]).fetchone()
    if row is None:
        raise KeyError(f"run {run_id} has no park {park_name!r}")
    start, periods, minutes, active = row
    blobs = store.db.execute(
        f"SELECT roof, array, ac, {'ac_base' if sparse else 'NULL'} FROM sim_arrays WHERE run_id = ? AND park = ? "
        "ORDER BY position", [run_id, park_name]).fetchall()
    if active is not None:  # only the active intervals stored (schema: add_active_interval_series)
        values = decode_park_series(active, periods, [b[3] for b in blobs], [b[2] for b in blobs])
    else:  # every interval stored, as runs were before
        values = np.empty((len(blobs), periods), dtype=np.float64)
        for i, (_, _, blob, _) in enumerate(blobs):
            values[i] = np.frombuffer(blob, dtype="<f4", count=periods)
    index = pd.date_range(pd.Timestamp(start), periods=periods, freq=pd.Timedelta(minutes=minutes),
                          name="time")
    return pd.DataFrame(values.T, index=index, columns=[f"{r}/{a}" for r, a, _, _ in blobs], copy=False)


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
