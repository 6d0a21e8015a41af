"""Live monitoring: devices, readings, roll-ups and the alarm log.

Readings are stored compactly (measured: ~30–40 bytes a reading on disk):

``live_sources``  one row per (park, device, provenance); readings refer to it by integer id, so no
                  text is repeated per reading. Replayed (modelled) readings have their own sources
                  and are never returned as measured ones.
``live_raw``      one row per source and instant, keyed by (``t`` [ms since the Unix epoch, UTC],
                  source) without a rowid; powers [W] rounded to whole watts (far below any meter's
                  accuracy at these powers, and an integral REAL takes 1–4 bytes instead of 8),
                  energies [Wh] as read; status and counter event as small integers. Kept for a
                  configurable window (:func:`set_live_retention_days`, default 14 days).
``live_stats``    per source and 5-minute, hourly and daily bucket (labelled by its start): readings
                  count, mean/min/max of each power, mean irradiance, energy summed from the
                  counters' intervals [Wh], readings in a fault state. Kept for the life of the park.
``live_rollup``   up to where each span is rolled up. A reading stored behind that mark moves the
                  mark back in the same transaction, so its bucket is rolled up again.

:func:`live_maintenance` rolls up and prunes incrementally, a bounded number of buckets per
transaction — run it from a background thread (the recorder does); a crash loses nothing, the next
run continues from the mark. Raw readings are pruned only once rolled up.
"""
from __future__ import annotations

import math
from typing import Optional

import pandas as pd

from solarfleet.models.live.devices import DeviceConfig
from solarfleet.models.live.reading import DEVICE_STATES, PROVENANCES
from solarfleet.models.store.connection import Store, to_ms, utc_now

__all__ = ["add_live_readings", "live_reading_count", "live_history", "save_live_device", "live_devices",
           "delete_live_device", "add_live_alarm", "close_live_alarm", "live_alarms", "live_history_binned",
           "LIVE_VALUE_COLUMNS", "LIVE_SPANS", "roll_up_live", "prune_live", "live_maintenance", "live_stats",
           "live_site_chart", "live_retention_days", "set_live_retention_days", "DEFAULT_RETENTION_DAYS"]


#: Value columns of a reading, in the order of solarfleet.models.live.reading.Reading's fields.
LIVE_VALUE_COLUMNS = ("pv_power", "load_power", "grid_power", "pv_energy", "pv_energy_interval",
                      "grid_import_energy", "grid_export_energy", "grid_import_interval", "grid_export_interval",
                      "poa_global", "status", "counter_event")
_POWERS = ("pv_power", "load_power", "grid_power")
_COUNTER_EVENTS = (None, "reset", "wrap")
#: Roll-up spans [s]: 5 minutes, an hour, a day.
LIVE_SPANS = (300, 3600, 86400)
DEFAULT_RETENTION_DAYS = 14.0
_RETENTION_KEY = "live_raw_retention_days"
_LIVE_DEVICE_COLUMNS = ("device_id", "park", "kind", "host", "port", "unit_id", "map_name", "timeout",
                        "meter_sign", "max_power", "roles", "transport", "serial")
_FAULT = DEVICE_STATES.index("fault")


def _watts(v):
    return None if v is None else float(round(v))


def source_ids(store: Store, readings, park) -> dict:
    """``(device_id, provenance)`` → source id, creating the missing ones; remembers what each source's PV
    is measured by (a production meter's PV is not added to the inverters' in site totals)."""
    db = store.db
    out = {}
    for r in readings:
        key = (r.device_id, r.provenance)
        if key in out:
            continue
        db.execute("INSERT OR IGNORE INTO live_sources (park, device_id, provenance) VALUES (?, ?, ?)",
                   [park or "", r.device_id, r.provenance])
        sid, by = db.execute("SELECT id, pv_measured_by FROM live_sources WHERE park = ? AND device_id = ? "
                             "AND provenance = ?", [park or "", r.device_id, r.provenance]).fetchone()
        if r.pv_measured_by is not None and r.pv_measured_by != by:
            db.execute("UPDATE live_sources SET pv_measured_by = ? WHERE id = ?", [r.pv_measured_by, sid])
        out[key] = sid
    return out


def add_live_readings(store: Store, readings, park: Optional[str] = None) -> int:
    """Store readings in one transaction; a reading already stored (same source and instant) is skipped.

    A reading older than a roll-up mark moves the mark back, so that its buckets are rolled up again.
    Returns the number of new rows.
    """
    readings = list(readings)
    if not readings:
        return 0
    with store.db.atomic():
        ids = source_ids(store, readings, park)
        rows = [(to_ms(r.timestamp), ids[(r.device_id, r.provenance)], _watts(r.pv_power),
                 _watts(r.load_power), _watts(r.grid_power), r.pv_energy, r.pv_energy_interval,
                 r.grid_import_energy, r.grid_export_energy, r.grid_import_interval, r.grid_export_interval,
                 r.poa_global, DEVICE_STATES.index(r.status), _COUNTER_EVENTS.index(r.counter_event))
                for r in readings]
        conn = store.db.conn
        before = conn.total_changes
        conn.executemany("INSERT OR IGNORE INTO live_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        added = conn.total_changes - before
        oldest = min(r[0] for r in rows)
        conn.execute("UPDATE live_rollup SET done_ms = (? / (span_s * 1000)) * span_s * 1000 WHERE done_ms > ?",
                     [oldest, oldest])
        return added


def _where(park, device_ids, start, end, provenance, t="r.t"):
    clauses, args = [], []
    if park is not None:
        clauses.append("s.park = ?")
        args.append(park)
    if device_ids is not None:
        ids = [device_ids] if isinstance(device_ids, str) else list(device_ids)
        clauses.append(f"s.device_id IN ({', '.join('?' * len(ids))})")
        args += ids
    if provenance is not None:
        if provenance not in PROVENANCES:
            raise ValueError(f"provenance must be one of {', '.join(PROVENANCES)} or None (got {provenance!r})")
        clauses.append("s.provenance = ?")
        args.append(provenance)
    if start is not None:
        clauses.append(f"{t} >= ?")
        args.append(to_ms(start))
    if end is not None:
        clauses.append(f"{t} < ?")
        args.append(to_ms(end))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def live_reading_count(store: Store, park: Optional[str] = None, device_id: Optional[str] = None,
                       provenance: Optional[str] = None) -> int:
    """Raw readings stored (of a park, a device, a provenance; ``None``: any)."""
    where, args = _where(park, device_id, None, None, provenance)
    return store.db.execute(f"SELECT count(*) FROM live_raw r JOIN live_sources s ON s.id = r.source {where}",
                            args).fetchone()[0]


def _frame(cur, time_col: str) -> pd.DataFrame:
    names = [d[0] for d in cur.description]
    df = pd.DataFrame(cur.fetchall(), columns=names)
    df.index = pd.to_datetime(df.pop(time_col), unit="ms", utc=True)
    df.index.name = "timestamp"
    return df


def live_history(store: Store, park: Optional[str] = None, device_ids=None, start=None, end=None,
                 last: Optional[int] = None, provenance: Optional[str] = "measured"):
    """Stored raw readings as a DataFrame, oldest first.

    Parameters
    ----------
    park : str, optional
    device_ids : str or list of str, optional
    start, end : datetime-like, optional
        Half-open span ``[start, end)`` (tz-aware).
    last : int, optional
        Only the newest ``last`` rows.
    provenance : {'measured', 'replay', None}
        Measured readings only (the default: what counts as actuals), replayed ones, or both.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``timestamp`` (tz-aware UTC); columns ``device_id``, ``park``, ``provenance`` and
        the value columns (powers [W], energies [Wh], ``poa_global`` [W/m²], ``status`` and
        ``counter_event`` as text). Missing values are NaN. Raw readings are kept for the retention
        window only (:func:`live_stats` holds the roll-ups).
    """
    where, args = _where(park, device_ids, start, end, provenance)
    cols = ("r.t, s.device_id, nullif(s.park, '') AS park, s.provenance, "
            + ", ".join(f"r.{c}" for c in LIVE_VALUE_COLUMNS))
    base = f"SELECT {cols} FROM live_raw r JOIN live_sources s ON s.id = r.source {where}"
    if last is not None:
        sql = f"SELECT * FROM ({base} ORDER BY r.t DESC LIMIT ?) ORDER BY t, device_id"
        args = args + [int(last)]
    else:
        sql = f"{base} ORDER BY r.t, s.device_id"
    df = _frame(store.db.execute(sql, args), "t")
    for c in LIVE_VALUE_COLUMNS[:-2]:
        df[c] = df[c].astype(float)
    df["status"] = [DEVICE_STATES[int(v)] for v in df["status"]]
    df["counter_event"] = [_COUNTER_EVENTS[int(v)] if v == v and v is not None else None
                           for v in df["counter_event"]]
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
                        bin_s: int = 60, provenance: Optional[str] = "measured"):
    """Stored raw readings per device and ``bin_s`` bin: what the live chart needs after a restart.

    Parameters
    ----------
    park, device_ids, start, end, provenance
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
    where, args = _where(park, device_ids, start, end, provenance)
    b = bin_s * 1000
    sql = (f"SELECT (r.t / {b}) * {b} AS bin_ms, s.device_id, nullif(s.park, '') AS park, "
           "avg(r.pv_power) AS pv_power, avg(r.load_power) AS load_power, avg(r.grid_power) AS grid_power, "
           "avg(r.poa_global) AS poa_global, sum(r.pv_energy_interval) AS pv_energy_interval, "
           "sum(r.grid_import_interval) AS grid_import_interval, "
           "sum(r.grid_export_interval) AS grid_export_interval, count(*) AS readings "
           f"FROM live_raw r JOIN live_sources s ON s.id = r.source {where} "
           "GROUP BY bin_ms, r.source ORDER BY bin_ms, s.device_id")
    df = _frame(store.db.execute(sql, args), "bin_ms")
    for c in df.columns[2:-1]:
        df[c] = df[c].astype(float)
    return df


# --- retention and roll-ups ---
def live_retention_days(store: Store) -> float:
    """How long raw readings are kept [days] (default :data:`DEFAULT_RETENTION_DAYS`)."""
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", [_RETENTION_KEY]).fetchone()
    return DEFAULT_RETENTION_DAYS if row is None else float(row[0])


def set_live_retention_days(store: Store, days: float) -> None:
    """Keep raw readings ``days`` days [days, > 0]; roll-ups are kept for good."""
    if not (isinstance(days, (int, float)) and math.isfinite(days) and days > 0):
        raise ValueError(f"retention: must be a positive number of days (got {days!r})")
    with store.db.atomic():
        store.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value", [_RETENTION_KEY, repr(float(days))])


_STAT_COLUMNS = ("n", "pv_power", "pv_power_min", "pv_power_max", "load_power", "load_power_min", "load_power_max",
                 "grid_power", "grid_power_min", "grid_power_max", "poa_global", "pv_energy", "grid_import_energy",
                 "grid_export_energy", "faults")


def _from_raw_sql(span_ms: int) -> str:
    return (f"SELECT (t / {span_ms}) * {span_ms} AS b, source, count(*), "
            "avg(pv_power), min(pv_power), max(pv_power), avg(load_power), min(load_power), max(load_power), "
            "avg(grid_power), min(grid_power), max(grid_power), avg(poa_global), sum(pv_energy_interval), "
            f"sum(grid_import_interval), sum(grid_export_interval), sum(status = {_FAULT}) "
            "FROM live_raw WHERE t >= ? AND t < ? GROUP BY b, source")


def _from_stats_sql(span_ms: int, finer_s: int) -> str:
    def mean(c):  # a mean over the readings of the finer buckets that have the quantity
        return f"sum({c} * n) / nullif(sum(CASE WHEN {c} IS NULL THEN 0 ELSE n END), 0)"
    return (f"SELECT (t / {span_ms}) * {span_ms} AS b, source, sum(n), "
            f"{mean('pv_power')}, min(pv_power_min), max(pv_power_max), {mean('load_power')}, min(load_power_min), "
            f"max(load_power_max), {mean('grid_power')}, min(grid_power_min), max(grid_power_max), "
            f"{mean('poa_global')}, sum(pv_energy), sum(grid_import_energy), sum(grid_export_energy), sum(faults) "
            f"FROM live_stats WHERE span_s = {finer_s} AND t >= ? AND t < ? GROUP BY b, source")


def roll_up_live(store: Store, now=None, settle_s: float = 120.0, max_buckets: int = 288) -> int:
    """Roll complete buckets up, from each span's mark on; returns the buckets rolled up.

    5-minute statistics come from the raw readings, hourly ones from the 5-minute ones, daily ones
    from the hourly ones. A bucket is complete once ``settle_s`` has passed after its end (readings
    arrive late). Each call does at most ``max_buckets`` buckets per span, each span in its own
    transaction together with its mark: call it again until it returns 0.
    """
    now_ms = to_ms(pd.Timestamp.now(tz="UTC") if now is None else now)
    total, finer_mark = 0, None
    for span_s in LIVE_SPANS:
        span_ms = span_s * 1000
        with store.db.atomic():
            _take_write_lock(store, span_s)
            done = store.db.execute("SELECT done_ms FROM live_rollup WHERE span_s = ?", [span_s]).fetchone()[0]
            limit = ((now_ms - int(settle_s * 1000)) // span_ms) * span_ms
            if finer_mark is not None:  # never beyond what the finer span has rolled up
                limit = min(limit, (finer_mark // span_ms) * span_ms)
            first = _first_time(store, span_s, done)
            if first is None or first >= limit:  # no input in [done, limit): only the mark moves
                mark = max(done, limit)
            else:
                lo = max(done, (first // span_ms) * span_ms)
                mark = min(limit, lo + max_buckets * span_ms)
                sql = _from_raw_sql(span_ms) if span_s == LIVE_SPANS[0] else _from_stats_sql(span_ms,
                                                                                              _finer(span_s))
                rows = store.db.execute(sql, [lo, mark]).fetchall()
                store.db.conn.executemany(
                    f"INSERT OR REPLACE INTO live_stats (span_s, t, source, {', '.join(_STAT_COLUMNS)}) "
                    f"VALUES ({span_s}, {', '.join('?' * (len(_STAT_COLUMNS) + 2))})", rows)
                total += (mark - lo) // span_ms
            if mark != done:
                store.db.execute("UPDATE live_rollup SET done_ms = ? WHERE span_s = ?", [mark, span_s])
            finer_mark = mark
    return total


def _take_write_lock(store: Store, span_s: int) -> None:
    """Start the transaction with a write (an unchanged mark), so it holds the write lock before it
    reads: a WAL transaction that read first cannot upgrade while another connection writes and
    fails at once (SQLITE_BUSY) instead of waiting ``busy_timeout`` for its turn."""
    store.db.execute("UPDATE live_rollup SET done_ms = done_ms WHERE span_s = ?", [span_s])


def _finer(span_s: int) -> int:
    return LIVE_SPANS[LIVE_SPANS.index(span_s) - 1]


def _first_time(store: Store, span_s: int, done: int) -> Optional[int]:
    """Instant of the first input at or after ``done`` for ``span_s`` (raw or the finer stats)."""
    if span_s == LIVE_SPANS[0]:
        row = store.db.execute("SELECT min(t) FROM live_raw WHERE t >= ?", [done]).fetchone()
    else:
        row = store.db.execute("SELECT min(t) FROM live_stats WHERE span_s = ? AND t >= ?",
                               [_finer(span_s), done]).fetchone()
    return row[0]


def prune_live(store: Store, now=None, retention_days: Optional[float] = None, batch: int = 200_000) -> int:
    """Delete raw readings older than the retention window *and* already rolled up; returns rows deleted.

    At most ``batch`` rows per call (one transaction), so a first prune of a big file does not block
    the writer for long: call it again until it returns 0.
    """
    days = live_retention_days(store) if retention_days is None else float(retention_days)
    now_ms = to_ms(pd.Timestamp.now(tz="UTC") if now is None else now)
    with store.db.atomic():
        _take_write_lock(store, LIVE_SPANS[0])
        done = store.db.execute("SELECT done_ms FROM live_rollup WHERE span_s = ?", [LIVE_SPANS[0]]).fetchone()[0]
        cutoff = min(now_ms - int(days * 86_400_000), done)
        cur = store.db.execute("DELETE FROM live_raw WHERE (t, source) IN (SELECT t, source FROM live_raw "
                               "WHERE t < ? ORDER BY t LIMIT ?)", [cutoff, int(batch)])
        return cur.rowcount


def until_done(step, rounds: int) -> int:
    """Call ``step()`` until it returns 0 (or ``rounds`` times); returns the sum of what it returned."""
    total = 0
    for _ in range(rounds):
        n = step()
        total += n
        if n == 0:
            break
    return total


def live_maintenance(store: Store, now=None, rounds: int = 1000) -> dict:
    """Roll up and prune until done (or ``rounds`` steps); returns ``{"buckets": n, "pruned": n}``."""
    return {"buckets": until_done(lambda: roll_up_live(store, now), rounds),
            "pruned": until_done(lambda: prune_live(store, now), rounds)}


def live_stats(store: Store, span_s: int, park: Optional[str] = None, device_ids=None, start=None, end=None,
               provenance: Optional[str] = "measured") -> pd.DataFrame:
    """Rolled-up statistics per source and bucket (labelled by its start, UTC).

    Columns ``device_id``, ``park``, ``n`` (readings), mean/min/max of ``pv_power``, ``load_power``,
    ``grid_power`` [W], ``poa_global`` [W/m²], energies ``pv_energy``, ``grid_import_energy``,
    ``grid_export_energy`` [Wh] (summed counter intervals) and ``faults`` (readings in a fault state).
    """
    if span_s not in LIVE_SPANS:
        raise ValueError(f"span_s must be one of {LIVE_SPANS} (got {span_s!r})")
    where, args = _where(park, device_ids, start, end, provenance, t="r.t")
    where = (where + " AND" if where else "WHERE") + " r.span_s = ?"
    sql = (f"SELECT r.t, s.device_id, nullif(s.park, '') AS park, {', '.join('r.' + c for c in _STAT_COLUMNS)} "
           f"FROM live_stats r JOIN live_sources s ON s.id = r.source {where} ORDER BY r.t, s.device_id")
    df = _frame(store.db.execute(sql, args + [span_s]), "t")
    for c in _STAT_COLUMNS[1:-1]:
        df[c] = df[c].astype(float)
    return df


def live_site_chart(store: Store, park: str, start, end, max_points: int = 3000,
                    provenance: str = "measured", span_s: Optional[int] = None) -> pd.DataFrame:
    """The park's PV, load and grid power over ``[start, end)`` at a resolution a chart can draw.

    The finest of raw 10-second bins, 5-minute, hourly or daily statistics that keeps the span within
    ``max_points`` buckets (or the resolution ``span_s`` [s], one of 10 and :data:`LIVE_SPANS`); buckets
    the roll-up has not reached yet come from the raw readings.

    Returns
    -------
    pandas.DataFrame
        Indexed by bucket start (UTC); ``pv_power``, ``load_power``, ``grid_power`` [W]: the sum over
        the park's devices of their mean power in the bucket (NaN where no device has the quantity;
        production meters count for PV only in buckets where no inverter reports);
        ``pv_energy``, ``grid_import_energy``, ``grid_export_energy`` [Wh]. ``df.attrs["span_s"]``
        is the resolution.
    """
    t0, t1 = to_ms(start), to_ms(end)
    if span_s is None:
        span_s = next((s for s in (10,) + LIVE_SPANS if (t1 - t0) / (s * 1000) <= max_points), LIVE_SPANS[-1])
    elif span_s not in (10,) + LIVE_SPANS:
        raise ValueError(f"span_s must be one of {(10,) + LIVE_SPANS} (got {span_s!r})")
    span_ms = span_s * 1000
    t0 = (t0 // span_ms) * span_ms  # the bucket holding ``start``
    mark = t0 if span_s == 10 else store.db.execute("SELECT done_ms FROM live_rollup WHERE span_s = ?",
                                                    [span_s]).fetchone()[0]
    mark = max(t0, min(mark, t1))
    prod = "source IN (SELECT id FROM live_sources WHERE pv_measured_by = 'production_meter')"
    sums = (f"coalesce(sum(CASE WHEN {prod} THEN NULL ELSE pv_power END), sum(pv_power)) AS pv_power, "
            "sum(load_power) AS load_power, sum(grid_power) AS grid_power, "
            f"coalesce(sum(CASE WHEN {prod} THEN NULL ELSE pv_energy END), sum(pv_energy)) AS pv_energy, "
            "sum(grid_import_energy) AS grid_import_energy, sum(grid_export_energy) AS grid_export_energy")
    src = "(SELECT id FROM live_sources WHERE park = ? AND provenance = ?)"
    parts, args = [], []
    if mark > t0:
        parts.append(f"SELECT t, {sums} FROM live_stats WHERE span_s = {span_s} AND t >= ? AND t < ? "
                     f"AND source IN {src} GROUP BY t")
        args += [t0, mark, park, provenance]
    if mark < t1:
        per_source = (f"SELECT (t / {span_ms}) * {span_ms} AS t, source, avg(pv_power) AS pv_power, "
                      "avg(load_power) AS load_power, avg(grid_power) AS grid_power, "
                      "sum(pv_energy_interval) AS pv_energy, sum(grid_import_interval) AS grid_import_energy, "
                      "sum(grid_export_interval) AS grid_export_energy "
                      f"FROM live_raw WHERE t >= ? AND t < ? AND source IN {src} GROUP BY 1, source")
        parts.append(f"SELECT t, {sums} FROM ({per_source}) GROUP BY t")
        args += [mark, t1, park, provenance]
    df = _frame(store.db.execute(" UNION ALL ".join(parts) + " ORDER BY t", args), "t")
    df = df[~df.index.duplicated(keep="first")].astype(float)
    df.attrs["span_s"] = span_s
    return df
