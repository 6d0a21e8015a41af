"""Rows a simulation run is stored as: per-array series blobs and energy aggregates.

Pure computation on :class:`solarfleet.models.simulation.engine.ParkResult` objects; :mod:`solarfleet.models.store`
writes what this returns. Energies are [Wh], summed over intervals with weather (missing
intervals count as nothing, and each park's ``missing_intervals`` is stored beside).
Days, months and years are local calendar periods in the park's time zone, labelled
by their first day (``YYYY-MM-DD``); an interval belongs to the day its start falls in.
"""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd

__all__ = ["aggregate_run", "combine_totals", "daily_energy", "decode_park_series", "encode_park_series",
           "fleet_rows", "series_blob"]


def _num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def series_blob(values: np.ndarray) -> bytes:
    """A series [W] as float32 little-endian bytes (NaN kept)."""
    return np.ascontiguousarray(values, dtype="<f4").tobytes()


def encode_park_series(ac: np.ndarray) -> tuple[bytes, np.ndarray, np.ndarray]:
    """A park's AC series (array × time) [W] as stored: float32 values of its *active* intervals only.

    Every array sits at one constant, its ``base``, whenever the park is dark (0 W, or a Sandia
    inverter's night tare, ``-Pnt``); the base is each array's value at the park's darkest interval.
    An interval is active when any array differs from its base there, or is NaN (missing weather).
    Each array keeps the float32 values of the active intervals; the rest decode to its base — the
    same numbers as a full float32 series, to the last bit, in about half the bytes.

    Parameters
    ----------
    ac : numpy.ndarray
        AC power [W], shape (arrays, intervals).

    Returns
    -------
    active : bytes
        The active intervals as bits (``numpy.packbits``, little bit order).
    base : numpy.ndarray
        Per array, the value of its inactive intervals [W] (float32 values).
    values : numpy.ndarray
        float32 little-endian, shape (arrays, active intervals): one blob per row.
    """
    f32 = np.ascontiguousarray(ac, dtype="<f4")
    sums = f32.sum(axis=0, dtype=np.float64)
    if np.isfinite(sums).any():
        base = f32[:, int(np.nanargmin(sums))].copy()
    else:  # no interval with weather: every interval is active (NaN)
        base = np.zeros(f32.shape[0], dtype="<f4")
    active = (f32 != base[:, None]).any(axis=0)  # NaN != base: missing intervals are active
    return np.packbits(active, bitorder="little").tobytes(), base, np.ascontiguousarray(f32[:, active])


def decode_park_series(active: bytes, periods: int, base, blobs) -> np.ndarray:
    """The (arrays × periods) AC matrix [W] of :func:`encode_park_series`'s output (float64)."""
    mask = np.unpackbits(np.frombuffer(active, dtype=np.uint8), count=periods, bitorder="little").astype(bool)
    k = int(mask.sum())
    out = np.empty((len(blobs), periods), dtype=np.float64)
    out[:] = np.asarray(base, dtype=np.float64)[:, None]
    for i, blob in enumerate(blobs):
        out[i, mask] = np.frombuffer(blob, dtype="<f4", count=k)
    return out


def _day_blocks(index: pd.DatetimeIndex, tz: str):
    local = index.tz_convert(tz)
    day = np.asarray(local.year * 10000 + local.month * 100 + local.day)
    starts = np.concatenate(([0], np.flatnonzero(np.diff(day)) + 1))
    labels = [f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d}" for d in day[starts]]
    return starts, labels


def _regroup(matrix: np.ndarray, labels: list, key):
    """Sum columns of ``matrix`` (entity × period) whose ``key(label)`` are equal and consecutive."""
    keys = [key(x) for x in labels]
    starts = [0] + [i for i in range(1, len(keys)) if keys[i] != keys[i - 1]]
    return np.add.reduceat(matrix, starts, axis=1), [keys[i] for i in starts]


def daily_energy(ac: pd.DataFrame, tz: str, interval_minutes: float) -> pd.DataFrame:
    """Energy per local day [Wh] of each column of ``ac`` [W] (rows: ``YYYY-MM-DD``)."""
    values = np.nan_to_num(ac.to_numpy().T) * (interval_minutes / 60.0)
    starts, labels = _day_blocks(ac.index, tz)
    daily = np.add.reduceat(values, starts, axis=1)
    return pd.DataFrame(daily.T, index=pd.Index(labels, name="period_start"), columns=ac.columns)


def aggregate_run(results) -> dict:
    """Rows for ``sim_runs`` (fleet), ``sim_parks``, ``sim_arrays`` and ``sim_energy``.

    Returns
    -------
    dict
        ``fleet_row``, ``park_rows``, ``array_rows``, ``energy_rows`` (tuples in the column
        order :func:`solarfleet.models.store.save_run` inserts: ``level, park, roof, array, period,
        period_start, ac_energy, poa_insolation, dc_energy``) and ``weather`` (park → metadata).
    """
    park_rows, array_rows, energy_rows = [], [], []
    fleet_days: dict = {}
    weather = {}
    tot = {"cap": 0.0, "energy": 0.0, "ref": 0.0, "cap_hours": 0.0, "missing": 0, "arrays": 0}
    fleet_losses = None
    for position, r in enumerate(results):
        a = r.arrays
        cap = a["dc_capacity"].to_numpy()
        energy = a["energy"].to_numpy()
        insol = a["poa_insolation"].to_numpy()
        hours = r.valid_hours
        active, base, stored = encode_park_series(_stored_ac(r))
        roof_names, array_names = a["roof"].tolist(), a["array"].tolist()
        dc_models, inv_models = a["dc_model"].tolist(), a["inverter_model"].tolist()
        ac_caps, tilts, azims = a["ac_capacity"].tolist(), a["surface_tilt"].tolist(), a["surface_azimuth"].tolist()
        loss_names = list(r.losses.columns)
        loss_values = r.losses.to_numpy().tolist()
        for i in range(len(roof_names)):
            wf = dict(zip(loss_names, loss_values[i]))
            array_rows.append((r.park, i, roof_names[i], array_names[i], dc_models[i], inv_models[i],
                               float(cap[i]), float(ac_caps[i]), float(tilts[i]), float(azims[i]),
                               float(insol[i]), float(energy[i]),
                               _num(energy[i] / cap[i]) if cap[i] else None,
                               _num(energy[i] / (insol[i] * cap[i] / 1000.0)) if insol[i] * cap[i] else None,
                               _num(energy[i] / (cap[i] * hours)) if cap[i] * hours else None,
                               json.dumps(wf), stored[i].tobytes(), float(base[i])))
        # energies per local day → month → year, per array, roof, park
        starts, days = _day_blocks(r.index, r.tz)
        daily = _daily_from_compact(r, r.ac_lit, r.ac_dark, starts)          # (array × day)
        monthly, months = _regroup(daily, days, lambda d: d[:7] + "-01")
        yearly, years = _regroup(monthly, months, lambda d: d[:4] + "-01-01")
        roofs = list(dict.fromkeys(roof_names))
        roof_of = np.array([roofs.index(x) for x in roof_names])
        monthly_l, yearly_l = monthly.tolist(), yearly.tolist()
        poa_m = _poa_by_month(r, months)
        dc_m, dc_y = _dc_by_month_year(r, starts, days)
        for i in range(len(roof_names)):
            roof, array = roof_names[i], array_names[i]
            energy_rows += [("array", r.park, roof, array, "month", m, v, p, d)
                            for m, v, p, d in zip(months, monthly_l[i], poa_m[i], dc_m[i].tolist())]
            energy_rows += [("array", r.park, roof, array, "year", y, v, None, d)
                            for y, v, d in zip(years, yearly_l[i], dc_y[i].tolist())]
        for j, roof in enumerate(roofs):
            sel = roof_of == j
            for period, labels, mat in (("day", days, daily), ("month", months, monthly), ("year", years, yearly)):
                sums = mat[sel].sum(axis=0)
                energy_rows += [("roof", r.park, roof, "", period, x, v, None, None)
                                for x, v in zip(labels, sums.tolist())]
        for period, labels, mat, dc in (("day", days, daily, None), ("month", months, monthly, dc_m),
                                        ("year", years, yearly, dc_y)):
            sums = mat.sum(axis=0)
            dcs = [None] * len(labels) if dc is None else dc.sum(axis=0).tolist()
            energy_rows += [("park", r.park, "", "", period, x, float(v), None, d)
                            for x, v, d in zip(labels, sums, dcs)]
            bucket = fleet_days.setdefault(period, {})
            for x, v in zip(labels, sums):
                bucket[x] = bucket.get(x, 0.0) + float(v)
        park_losses = r.losses.sum(axis=0)
        fleet_losses = park_losses if fleet_losses is None else fleet_losses + park_losses
        meta = dict(r.weather)
        weather[r.park] = meta
        pe, pcap, pref = float(energy.sum()), float(cap.sum()), float((insol * cap).sum() / 1000.0)
        park_rows.append((position, r.park, r.tz, r.index[0].isoformat(), len(r.index),
                          float(r.interval_minutes), json.dumps(meta, ensure_ascii=False, default=str),
                          int(r.missing_intervals), pcap, pe,
                          _num(pe / pcap) if pcap else None, _num(pe / pref) if pref else None,
                          _num(pe / (pcap * hours)) if pcap * hours else None,
                          json.dumps({k: float(v) for k, v in park_losses.items()}), active))
        tot["cap"] += pcap
        tot["energy"] += pe
        tot["ref"] += pref
        tot["cap_hours"] += pcap * hours
        tot["missing"] += int(r.missing_intervals)
        tot["arrays"] += len(a)
    tot.update(parks=len(park_rows), losses=fleet_losses, days=fleet_days)
    fleet_row, fleet_energy = fleet_rows(tot)
    return {"fleet_row": fleet_row, "park_rows": park_rows, "array_rows": array_rows,
            "energy_rows": energy_rows + fleet_energy, "weather": weather, "totals": tot}


def combine_totals(a: dict, b: dict) -> dict:
    """The ``totals`` of two parts of a run (see :func:`aggregate_run`) as one."""
    out = {k: a[k] + b[k] for k in ("cap", "energy", "ref", "cap_hours", "missing", "arrays", "parks")}
    out["losses"] = a["losses"] + b["losses"]
    out["days"] = {}
    for part in (a["days"], b["days"]):
        for period, bucket in part.items():
            into = out["days"].setdefault(period, {})
            for x, v in bucket.items():
                into[x] = into.get(x, 0.0) + v
    return out


def fleet_rows(tot: dict) -> tuple[tuple, list]:
    """The ``sim_runs`` fleet columns and the fleet-level ``sim_energy`` rows of a run's ``totals``."""
    e = tot["energy"]
    fleet_row = (tot["parks"], tot["arrays"], tot["cap"], e,
                 _num(e / tot["cap"]) if tot["cap"] else None, _num(e / tot["ref"]) if tot["ref"] else None,
                 _num(e / tot["cap_hours"]) if tot["cap_hours"] else None, tot["missing"],
                 json.dumps({k: float(v) for k, v in tot["losses"].items()}))
    energy = [("fleet", "", "", "", period, x, v, None, None) for period, bucket in tot["days"].items()
              for x, v in sorted(bucket.items())]
    return fleet_row, energy


def _dc_by_month_year(result, starts: np.ndarray, days: list) -> tuple[np.ndarray, np.ndarray]:
    """Per array, the DC energy [Wh] of each local month and year (rows as the AC aggregates').

    The DC series is the engine's, at the inverter input: after DC losses and degradation, before the
    inverter and clipping; intervals without weather count as nothing, as for the AC energy.
    """
    daily = _daily_from_compact(result, result.dc_lit, np.zeros(result.dc_lit.shape[0]), starts)
    monthly, months = _regroup(daily, days, lambda d: d[:7] + "-01")
    return monthly, _regroup(monthly, months, lambda d: d[:4] + "-01-01")[0]


def _stored_ac(result) -> np.ndarray:
    """A park's AC (array × time) as float32, the precision it is stored at, from the engine's compact form."""
    out = np.empty((len(result.ac_dark), len(result.index)), dtype="<f4")
    out[:] = result.ac_dark.astype("<f4")[:, None]
    out[:, result.lit] = result.ac_lit
    out[:, ~result.valid] = np.nan
    return out


def _daily_from_compact(result, lit_values: np.ndarray, dark: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Energy per local day [Wh] (array × day) of a series given as its values at the lit intervals
    (array × lit) and one value per array at the other intervals with weather; ``starts``: the days'
    first positions on the time axis."""
    hours = result.interval_minutes / 60.0
    n_t = len(result.index)
    values = np.concatenate([lit_values, np.zeros((lit_values.shape[0], 1))], axis=1)  # a zero column ends the last day
    first = np.searchsorted(result.lit, np.append(starts, n_t))   # each day's first lit column
    daily = np.add.reduceat(values, first[:-1], axis=1)
    daily[:, first[:-1] == first[1:]] = 0.0   # a day without light (reduceat would give its next column)
    dark_valid = result.valid.copy()
    dark_valid[result.lit] = False
    dark_count = np.add.reduceat(dark_valid.astype(float), starts)   # intervals with weather and no light
    return (daily + dark[:, None] * dark_count[None, :]) * hours


def _poa_by_month(result, months: list) -> list:
    """Per array, the POA insolation [Wh/m²] of each local month in ``months`` (None where not computed)."""
    table = getattr(result, "poa_monthly", None)
    n = len(result.arrays.index)
    if table is None:
        return [[None] * len(months) for _ in range(n)]
    table = table.reindex(index=result.arrays.index, columns=months)
    return [[None if not np.isfinite(v) else float(v) for v in row] for row in table.to_numpy(dtype=float)]
