"""Live monitoring: devices, readings and the alarm log.

live_devices (Modbus devices per park), live_readings (one row per device and instant, timestamp as
integer milliseconds since the Unix epoch, UTC; powers [W], energies [Wh]), live_alarms. Readings are
idempotent on (device_id, timestamp_ms).
"""
from __future__ import annotations

from typing import Optional

import pandas as pd

from solarfleet.models.live.devices import DeviceConfig
from solarfleet.models.store.connection import Store, to_ms, utc_now

__all__ = ["add_live_readings", "live_reading_count", "live_history", "save_live_device", "live_devices",
           "delete_live_device", "add_live_alarm", "close_live_alarm", "live_alarms", "live_history_binned",
           "LIVE_VALUE_COLUMNS"]


#: Value columns of live_readings, in the order of solarfleet.models.live.reading.Reading's fields.
LIVE_VALUE_COLUMNS = ("pv_power", "load_power", "grid_power", "pv_energy", "pv_energy_interval",
                      "grid_import_energy", "grid_export_energy", "grid_import_interval", "grid_export_interval",
                      "poa_global", "status", "counter_event")
_LIVE_DEVICE_COLUMNS = ("device_id", "park", "kind", "host", "port", "unit_id", "map_name", "timeout",
                        "meter_sign", "max_power")


def add_live_readings(store: Store, readings, park: Optional[str] = None) -> int:
    """Store readings in one transaction; a reading already stored (same device and instant) is skipped.

    Returns the number of new rows.
    """
    rows = [(r.device_id, park, to_ms(r.timestamp), *(getattr(r, c) for c in LIVE_VALUE_COLUMNS)) for r in readings]
    if not rows:
        return 0
    cols = ("device_id", "park", "timestamp_ms") + LIVE_VALUE_COLUMNS
    sql = (f"INSERT OR IGNORE INTO live_readings ({', '.join(cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    with store.db.atomic():
        before = store.db.conn.total_changes
        store.db.conn.executemany(sql, rows)
        return store.db.conn.total_changes - before


def live_reading_count(store: Store, park: Optional[str] = None, device_id: Optional[str] = None) -> int:
    where, args = _live_where(park, device_id, None, None)
    return store.db.execute(f"SELECT count(*) FROM live_readings {where}", args).fetchone()[0]


def _live_where(park, device_ids, start, end):
    clauses, args = [], []
    if park is not None:
        clauses.append("park = ?")
        args.append(park)
    if device_ids is not None:
        ids = [device_ids] if isinstance(device_ids, str) else list(device_ids)
        clauses.append(f"device_id IN ({', '.join('?' * len(ids))})")
        args += ids
    if start is not None:
        clauses.append("timestamp_ms >= ?")
        args.append(to_ms(start))
    if end is not None:
        clauses.append("timestamp_ms < ?")
        args.append(to_ms(end))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def live_history(store: Store, park: Optional[str] = None, device_ids=None, start=None, end=None,
                 last: Optional[int] = None):
    """Stored readings as a DataFrame, oldest first, for reloading a chart.

    Parameters
    ----------
    park : str, optional
    device_ids : str or list of str, optional
    start, end : datetime-like, optional
        Half-open span ``[start, end)`` (tz-aware).
    last : int, optional
        Only the newest ``last`` rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``timestamp`` (tz-aware UTC); columns ``device_id``, ``park`` and the
        value columns (powers [W], energies [Wh], ``poa_global`` [W/m²]). Missing values are NaN.
    """
    where, args = _live_where(park, device_ids, start, end)
    cols = "device_id, park, timestamp_ms, " + ", ".join(LIVE_VALUE_COLUMNS)
    if last is not None:
        sql = (f"SELECT * FROM (SELECT {cols} FROM live_readings {where} ORDER BY timestamp_ms DESC, id DESC "
               f"LIMIT ?) ORDER BY timestamp_ms, device_id")
        args = args + [int(last)]
    else:
        sql = f"SELECT {cols} FROM live_readings {where} ORDER BY timestamp_ms, device_id"
    cur = store.db.execute(sql, args)
    names = [d[0] for d in cur.description]
    df = pd.DataFrame(cur.fetchall(), columns=names)
    df.index = pd.to_datetime(df.pop("timestamp_ms"), unit="ms", utc=True)
    df.index.name = "timestamp"
    for c in LIVE_VALUE_COLUMNS:
        if c not in ("status", "counter_event"):
            df[c] = df[c].astype(float)
    return df


def save_live_device(store: Store, config) -> None:
    """Add or replace a device (a :class:`solarfleet.models.live.devices.DeviceConfig`)."""
    row = {c: getattr(config, c) for c in _LIVE_DEVICE_COLUMNS}
    row["added_utc"] = utc_now()
    with store.db.atomic():
        store.db["live_devices"].insert(row, replace=True)


def live_devices(store: Store, park: Optional[str] = None) -> list:
    """Stored devices as :class:`solarfleet.models.live.devices.DeviceConfig`, optionally of one park."""
    where, args = ("WHERE park = ?", [park]) if park is not None else ("", [])
    rows = store.db.query(f"SELECT {', '.join(_LIVE_DEVICE_COLUMNS)} FROM live_devices {where} ORDER BY device_id",
                          args)
    return [DeviceConfig(**r) for r in rows]


def delete_live_device(store: Store, device_id: str) -> None:
    with store.db.atomic():
        if store.db.execute("DELETE FROM live_devices WHERE device_id = ?", [device_id]).rowcount == 0:
            raise KeyError(device_id)


def add_live_alarm(store: Store, alarm, park: Optional[str] = None, device_id: Optional[str] = None) -> int:
    """Log an alarm (a :class:`solarfleet.models.live.alarms.Alarm`); returns its id."""
    row = {"park": park, "device_id": device_id, "kind": alarm.kind, "start_utc": alarm.start.isoformat(),
           "end_utc": alarm.end.isoformat() if alarm.end is not None else None, "min_ratio": alarm.min_ratio,
           "mean_ratio": alarm.mean_ratio, "fraction": alarm.fraction, "duration_s": alarm.duration_s,
           "message": alarm.message}
    with store.db.atomic():
        return store.db["live_alarms"].insert(row).last_pk


def close_live_alarm(store: Store, alarm_id: int, end, min_ratio=None, mean_ratio=None) -> None:
    """Record when an open alarm cleared."""
    with store.db.atomic():
        store.db.execute("UPDATE live_alarms SET end_utc = ?, min_ratio = coalesce(?, min_ratio), "
                         "mean_ratio = coalesce(?, mean_ratio) WHERE id = ?",
                         [pd.Timestamp(end).isoformat(), min_ratio, mean_ratio, alarm_id])


def live_alarms(store: Store, park: Optional[str] = None, open_only: bool = False) -> list[dict]:
    """The alarm log, newest first."""
    clauses, args = [], []
    if park is not None:
        clauses.append("park = ?")
        args.append(park)
    if open_only:
        clauses.append("end_utc IS NULL")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return list(store.db.query(f"SELECT * FROM live_alarms {where} ORDER BY start_utc DESC, id DESC", args))


# --- stored history binned for the live chart ---
def live_history_binned(store: Store, park: Optional[str] = None, device_ids=None, start=None, end=None,
                        bin_s: int = 60):
    """Stored readings per device and ``bin_s`` bin: what the live chart needs after a restart.

    A busy day is too many samples to read back on every start (50 devices at 1 Hz are 4.3 M
    rows; 60 s bins make 72 k), and a day chart cannot show more than a few thousand points.

    Parameters
    ----------
    park, device_ids, start, end
        As :func:`live_history`; ``[start, end)`` applies to the readings' instants.
    bin_s : int
        Bin width [s]; bins start at whole multiples of it since the Unix epoch (UTC).

    Returns
    -------
    pandas.DataFrame
        Indexed by bin *start* (tz-aware UTC), one row per device and bin, oldest first:
        ``device_id``, ``park``, the bin's mean ``pv_power``, ``load_power``, ``grid_power`` [W] and
        ``poa_global`` [W/m²], the summed ``pv_energy_interval``, ``grid_import_interval``,
        ``grid_export_interval`` [Wh] and ``readings`` (count). A quantity no reading of the bin
        has is NaN, never 0.
    """
    if not (isinstance(bin_s, int) and bin_s > 0):
        raise ValueError(f"bin_s must be a positive whole number of seconds (got {bin_s!r})")
    where, args = _live_where(park, device_ids, start, end)
    b = bin_s * 1000
    sql = (f"SELECT (timestamp_ms / {b}) * {b} AS bin_ms, device_id, park, "
           "avg(pv_power) AS pv_power, avg(load_power) AS load_power, avg(grid_power) AS grid_power, "
           "avg(poa_global) AS poa_global, sum(pv_energy_interval) AS pv_energy_interval, "
           "sum(grid_import_interval) AS grid_import_interval, sum(grid_export_interval) AS grid_export_interval, "
           f"count(*) AS readings FROM live_readings {where} GROUP BY bin_ms, device_id ORDER BY bin_ms, device_id")
    cur = store.db.execute(sql, args)
    names = [d[0] for d in cur.description]
    df = pd.DataFrame(cur.fetchall(), columns=names)
    df.index = pd.to_datetime(df.pop("bin_ms"), unit="ms", utc=True)
    df.index.name = "timestamp"
    for c in names[3:-1]:
        df[c] = df[c].astype(float)
    return df
