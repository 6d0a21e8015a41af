"""Retention and hourly roll-ups of the live detail snapshots (AC per phase, DC per MPPT, temperatures, …).

What is kept, and why
---------------------
* **1-minute snapshots** for a retention window (:func:`live_detail_retention_days`; by default the raw
  readings' window, 14 days): enough to follow a string fault minute by minute for two weeks.
* **Snapshots recording a state or fault change** (``live_details.changed``: the states or event codes
  differ from the source's previous snapshot; the first snapshot of a source counts as one) are never
  pruned — the fault history is what a technician asks for months later, and changes are few (a device
  wakes, sleeps and now and then faults: a few a day, ~20 MB a year for 50 devices).
* **The newest snapshot of every source** is never pruned, so an offline device still shows its last
  known state.
* **Hourly roll-ups** (``live_detail_hours``) for the life of the park: per source, hour and snapshot
  layout the number of snapshots, each numeric quantity's mean, minimum, maximum and sample count (NaN
  is no sample, never 0), each state slot's dominant state (ties: the first state in
  :data:`~solarfleet.models.live.reading.DEVICE_STATES` order) and every event code set at any time in
  the hour (the fault bits OR-ed).

A snapshot is pruned only once its hour is rolled up. :func:`roll_up_live_details` works a bounded number of
hours per call, each call one transaction together with its mark (``meta``): a crash between calls loses
nothing, and a rerun recomputes the same rows (hours are replaced, never added to).
"""
from __future__ import annotations

import json
import math
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.live.reading import DEVICE_STATES
from solarfleet.models.store.connection import Store, to_ms
from solarfleet.models.store.live import live_retention_days, until_done
from solarfleet.models.store.live_details import HOUR_MS, ROLLUP_MARK_KEY, slot_names, snapshot_frame

__all__ = ["roll_up_live_details", "prune_live_details", "live_detail_maintenance", "live_detail_hourly",
           "live_detail_chart", "live_detail_retention_days", "set_live_detail_retention_days"]

_RETENTION_KEY = "live_detail_retention_days"
_STATS = ("mean", "min", "max", "count")


def live_detail_retention_days(store: Store) -> float:
    """How long 1-minute detail snapshots are kept [days]; unless set, the raw readings' window."""
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", [_RETENTION_KEY]).fetchone()
    return live_retention_days(store) if row is None else float(row[0])


def set_live_detail_retention_days(store: Store, days: float) -> None:
    """Keep 1-minute detail snapshots ``days`` days [days, > 0] (changes and hourly roll-ups are kept for good)."""
    if not (isinstance(days, (int, float)) and math.isfinite(days) and days > 0):
        raise ValueError(f"detail retention: must be a positive number of days (got {days!r})")
    _put_meta(store, _RETENTION_KEY, repr(float(days)))


def _put_meta(store: Store, key: str, value: str) -> None:
    with store.db.atomic():
        store.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value", [key, value])


def _write_lock(store: Store) -> None:
    """Take the write lock first (waiting up to ``busy_timeout``): a transaction that read first could not
    upgrade while another connection writes (SQLITE_BUSY at once, in WAL mode)."""
    store.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, '0')", [ROLLUP_MARK_KEY])


def _mark(store: Store) -> int:
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", [ROLLUP_MARK_KEY]).fetchone()
    return 0 if row is None else int(row[0])


def _sources(store: Store) -> list:
    return [r[0] for r in store.db.execute("SELECT id FROM live_sources ORDER BY id")]


def _first_time(store: Store, sources: list, done: int) -> Optional[int]:
    """The first snapshot at or after ``done`` (one primary-key lookup per source)."""
    times = [store.db.execute("SELECT min(t) FROM live_details WHERE source = ? AND t >= ?", [s, done]).fetchone()[0]
             for s in sources]
    times = [t for t in times if t is not None]
    return min(times) if times else None


class _Layouts:
    """Parsed layouts by id (their slot and state counts, event paths)."""

    def __init__(self, store: Store):
        self.store, self.cache = store, {}

    def __getitem__(self, layout_id: int) -> dict:
        if layout_id not in self.cache:
            text = self.store.db.execute("SELECT layout FROM live_detail_layouts WHERE id = ?",
                                         [layout_id]).fetchone()[0]
            self.cache[layout_id] = json.loads(text)
        return self.cache[layout_id]


def _signature(layout: dict, blob: bytes, events: Optional[str]) -> tuple:
    """What a change is judged on: each state slot's state and each event slot's codes, by path."""
    states = np.frombuffer(blob, dtype="<f4")[len(layout["slots"]):]
    ev = json.loads(events) if events else {}
    return (tuple((tuple(p), int(v)) for p, v in zip(layout["states"], states)),
            tuple((tuple(p), tuple(ev.get(str(i), ()))) for i, p in enumerate(layout["events"]) if ev.get(str(i))))


def _aggregate(layout: dict, blobs: list, events: list) -> tuple:
    """``(vals, counts, states, events JSON)`` of one source, hour and layout."""
    n_slots = len(layout["slots"])
    m = np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), -1).astype(float)
    x, states = m[:, :n_slots], m[:, n_slots:]
    counts = (~np.isnan(x)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, np.nansum(x, axis=0) / counts, np.nan)
    lo, hi = np.fmin.reduce(x, axis=0), np.fmax.reduce(x, axis=0)
    dominant = [int(np.bincount(col.astype(int), minlength=len(DEVICE_STATES)).argmax()) for col in states.T]
    union: dict = {}
    for text in events:
        for slot, codes in (json.loads(text) if text else {}).items():
            union.setdefault(slot, [])
            union[slot] += [c for c in codes if c not in union[slot]]
    vals = np.concatenate([mean, lo, hi]).astype("<f4").tobytes()
    return (vals, np.minimum(counts, 65535).astype("<u2").tobytes(), np.asarray(dominant, "<f4").tobytes(),
            json.dumps(union, separators=(",", ":"), ensure_ascii=False) if union else None)


def _roll_source(store: Store, layouts: _Layouts, source: int, lo: int, hi: int) -> list:
    """Hour rows of one source over ``[lo, hi)``; flags its state/fault changes in the same pass."""
    db = store.db
    prev = db.execute("SELECT layout, vals, events FROM live_details WHERE source = ? AND t < ? ORDER BY t DESC "
                      "LIMIT 1", [source, lo]).fetchone()
    last = None if prev is None else _signature(layouts[prev[0]], prev[1], prev[2])
    groups: dict = {}
    flags = []
    for t, layout_id, blob, events, changed in db.execute(
            "SELECT t, layout, vals, events, changed FROM live_details WHERE source = ? AND t >= ? AND t < ? "
            "ORDER BY t", [source, lo, hi]):
        sig = _signature(layouts[layout_id], blob, events)
        flag = int(sig != last)
        if flag != changed:
            flags.append((flag, source, t))
        last = sig
        group = groups.setdefault(((t // HOUR_MS) * HOUR_MS, layout_id), ([], []))
        group[0].append(blob)
        group[1].append(events)
    db.conn.executemany("UPDATE live_details SET changed = ? WHERE source = ? AND t = ?", flags)
    return [(source, hour, layout_id, len(blobs), *_aggregate(layouts[layout_id], blobs, events))
            for (hour, layout_id), (blobs, events) in groups.items()]


def roll_up_live_details(store: Store, now=None, settle_s: float = 120.0, max_hours: int = 24) -> int:
    """Roll up complete hours of detail snapshots from the mark on; returns the hours rolled up (0: done).

    An hour is complete once ``settle_s`` [s] has passed after its end. At most ``max_hours`` hours per
    call, in one transaction with the mark; hours already rolled up are replaced (a late snapshot moves
    the mark back: see :func:`~solarfleet.models.store.add_live_details`).
    """
    now_ms = to_ms(pd.Timestamp.now(tz="UTC") if now is None else now)
    limit = ((now_ms - int(settle_s * 1000)) // HOUR_MS) * HOUR_MS
    db = store.db
    with db.atomic():
        _write_lock(store)
        done, sources = _mark(store), _sources(store)
        first = _first_time(store, sources, done)
        if first is None or first >= limit:  # nothing to roll up in [done, limit): only the mark moves
            if limit > done:
                _set_mark(store, limit)
            return 0
        lo = max(done, (first // HOUR_MS) * HOUR_MS)
        hi = min(limit, lo + max_hours * HOUR_MS)
        layouts = _Layouts(store)
        rows = [row for s in sources for row in _roll_source(store, layouts, s, lo, hi)]
        db.conn.executemany("DELETE FROM live_detail_hours WHERE source = ? AND t >= ? AND t < ?",
                            [(s, lo, hi) for s in sources])
        db.conn.executemany("INSERT INTO live_detail_hours (source, t, layout, n, vals, counts, states, events) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        _set_mark(store, hi)
        return (hi - lo) // HOUR_MS


def _set_mark(store: Store, ms: int) -> None:
    store.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                     "excluded.value", [ROLLUP_MARK_KEY, str(int(ms))])


def prune_live_details(store: Store, now=None, retention_days: Optional[float] = None,
                       batch: int = 200_000) -> int:
    """Delete 1-minute snapshots past the retention window, at most ``batch`` per call; returns rows deleted.

    Only snapshots whose hour is rolled up go, never a source's newest one nor one recording a state or
    fault change (``changed``).
    """
    days = live_detail_retention_days(store) if retention_days is None else float(retention_days)
    now_ms = to_ms(pd.Timestamp.now(tz="UTC") if now is None else now)
    db = store.db
    deleted = 0
    with db.atomic():
        _write_lock(store)
        cutoff = min(now_ms - int(days * 86_400_000), _mark(store))
        for source in _sources(store):
            if deleted >= batch:
                break
            newest = db.execute("SELECT max(t) FROM live_details WHERE source = ?", [source]).fetchone()[0]
            if newest is None:
                continue
            cur = db.execute("DELETE FROM live_details WHERE source = ? AND t IN (SELECT t FROM live_details "
                             "WHERE source = ? AND t < ? AND changed = 0 ORDER BY t LIMIT ?)",
                             [source, source, min(cutoff, newest), int(batch - deleted)])
            deleted += cur.rowcount
    return deleted


def live_detail_maintenance(store: Store, now=None, rounds: int = 10_000) -> dict:
    """Roll up and prune until done (or ``rounds`` steps); returns ``{"hours": n, "pruned": n}``."""
    return {"hours": until_done(lambda: roll_up_live_details(store, now), rounds),
            "pruned": until_done(lambda: prune_live_details(store, now), rounds)}


def _source_clause(device_id: str, park: Optional[str]) -> tuple:
    sql = "source IN (SELECT id FROM live_sources WHERE device_id = ? AND provenance = 'measured'"
    args = [device_id]
    if park is not None:
        sql += " AND park = ?"
        args.append(park)
    return sql + ")", args


def _empty() -> pd.DataFrame:
    cols = pd.MultiIndex.from_arrays([[], []], names=["stat", "quantity"])
    return pd.DataFrame(index=pd.DatetimeIndex([], tz="UTC", name="timestamp"), columns=cols, dtype=float)


def live_detail_hourly(store: Store, device_id: str, start=None, end=None, park: Optional[str] = None
                       ) -> pd.DataFrame:
    """A device's hourly detail roll-ups over ``[start, end)``.

    Returns
    -------
    pandas.DataFrame
        Indexed by hour start (UTC); columns ``(stat, quantity)`` with ``stat`` one of ``mean``, ``min``,
        ``max``, ``count`` (snapshots with the quantity) and ``quantity`` named as in
        :func:`~solarfleet.models.store.live_detail_frame` (SI units). NaN where no snapshot had it.
    """
    src, args = _source_clause(device_id, park)
    clauses = [src]
    for op, bound in ((">=", start), ("<", end)):
        if bound is not None:
            clauses.append(f"h.t {op} ?")
            args.append(to_ms(bound))
    rows = store.db.execute(f"SELECT h.t, h.layout, h.vals, h.counts FROM live_detail_hours h "
                            f"WHERE {' AND '.join(clauses)} ORDER BY h.t", args).fetchall()
    groups: dict = {}
    for t, layout, vals, counts in rows:  # the layout by id: its JSON is read once, not once an hour
        g = groups.setdefault(layout, ([], [], []))
        g[0].append(t), g[1].append(vals), g[2].append(counts)
    frames = []
    layouts = _Layouts(store)
    for layout, (ts, vals, counts) in groups.items():
        names = slot_names(layouts[layout])
        index = pd.to_datetime(np.asarray(ts, dtype="int64"), unit="ms", utc=True)
        v = np.frombuffer(b"".join(vals), dtype="<f4").reshape(len(ts), 3, len(names)).astype(float)
        c = np.frombuffer(b"".join(counts), dtype="<u2").reshape(len(ts), len(names)).astype(float)
        parts = {stat: pd.DataFrame(v[:, k, :], index=index, columns=names) for k, stat in enumerate(_STATS[:3])}
        parts["count"] = pd.DataFrame(c, index=index, columns=names)
        frames.append(pd.concat(parts, axis=1, names=["stat", "quantity"]))
    if not frames:
        return _empty()
    df = frames[0] if len(frames) == 1 else pd.concat(frames).groupby(level=0).first()
    df.index.name = "timestamp"
    return df


def live_detail_chart(store: Store, device_id: str, start, end, park: Optional[str] = None, now=None
                      ) -> pd.DataFrame:
    """A device's detail quantities over ``[start, end)`` for a history chart, at a resolution that reads fast.

    Inside the snapshots' retention window: the snapshots themselves (``df.attrs["resolution"] ==
    "snapshot"``; mean = min = max = the value). Reaching beyond it: the hourly roll-ups up to the roll-up
    mark, then the snapshots not rolled up yet (``"hour"``).

    Returns
    -------
    pandas.DataFrame
        As :func:`live_detail_hourly` (columns ``(stat, quantity)``), oldest first.
    """
    now_ms = to_ms(pd.Timestamp.now(tz="UTC") if now is None else now)
    t0, t1 = to_ms(start), to_ms(end)
    if t0 >= now_ms - int(live_detail_retention_days(store) * 86_400_000):
        df, resolution = _snapshots_as_stats(store, device_id, start, end, park), "snapshot"
    else:
        mark = max(t0, min(_mark(store), t1))
        ts = lambda ms: pd.Timestamp(ms, unit="ms", tz="UTC")  # noqa: E731
        parts = [live_detail_hourly(store, device_id, start, ts(mark), park),
                 _snapshots_as_stats(store, device_id, ts(mark), end, park)]
        parts = [p for p in parts if not p.empty]
        df = pd.concat(parts) if parts else _empty()
        resolution = "hour"
    df.attrs["resolution"] = resolution
    return df


def _snapshots_as_stats(store: Store, device_id: str, start, end, park) -> pd.DataFrame:
    from solarfleet.models.store.live_details import snapshot_rows
    snaps = snapshot_frame((t, layout, blob) for t, layout, blob, _ in snapshot_rows(store, device_id, start, end, park, None))
    if snaps.empty:
        return _empty()
    parts = {stat: snaps for stat in _STATS[:3]}
    parts["count"] = snaps.notna().astype(float)
    return pd.concat(parts, axis=1, names=["stat", "quantity"])
