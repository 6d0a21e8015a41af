"""Detail quantities of live devices: what a technician looks at when yield is low, kept for the raw window.

A *snapshot* is a device's :attr:`~solarfleet.models.live.reading.DeviceStatus.details` at one instant:
per unit (``"103@40070"``, a vendor map's name) its AC per phase, DC per MPPT tracker, temperatures,
state and event codes (see :mod:`solarfleet.models.live.sunspec_units`). Stored compactly:

``live_detail_layouts``  what a snapshot holds, once: the numeric quantities in order, the states, the
                         fixed texts (unit kinds, tracker labels) and where event codes go (JSON).
``live_details``         one row per source and instant: the layout id, the numbers as a float32 blob in
                         the layout's order (NaN = not available, never 0) and the event codes as JSON,
                         NULL when none is set.

Snapshots are rolled up into hourly statistics and pruned after a retention window by
:mod:`solarfleet.models.store.live_detail_rollups`; ``live_details.changed`` marks the snapshots that record a
state or fault change (kept for good).
"""
from __future__ import annotations

import json
import math
from types import SimpleNamespace
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.live.reading import DEVICE_STATES
from solarfleet.models.store.connection import Store, to_ms
from solarfleet.models.store.live import source_ids

__all__ = ["add_live_details", "live_details", "live_detail_frame", "flatten_details", "unflatten_details",
           "slot_names", "snapshot_frame"]

#: ``meta`` key of the instant up to which detail snapshots are rolled up into hours [ms, UTC].
ROLLUP_MARK_KEY = "live_detail_rollup_done_ms"
HOUR_MS = 3_600_000


def _number(v) -> bool:
    return v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))


def _walk(prefix: list, quantities: dict, layout: dict, values: list, events: dict) -> None:
    for key, v in quantities.items():
        path = prefix + [key]
        if key == "events" and isinstance(v, (tuple, list)):
            layout["events"].append(path)
            if v:
                events[str(len(layout["events"]) - 1)] = list(v)
        elif key == "state" and isinstance(v, str) and v in DEVICE_STATES:
            layout["states"].append(path)
            values.append(("state", DEVICE_STATES.index(v)))
        elif key == "mppt" and isinstance(v, (tuple, list)):
            layout["trackers"].append([prefix[0], len(v)])
            for i, tracker in enumerate(v):
                _walk(prefix + [i], tracker, layout, values, events)
        elif _number(v):
            layout["slots"].append(path)
            values.append(("slot", math.nan if v is None else float(v)))
        elif isinstance(v, str):
            layout["text"].append([path, v])


def flatten_details(details: dict) -> tuple[str, bytes, Optional[str]]:
    """A snapshot as ``(layout JSON, float32 blob, events JSON or None)``.

    Numbers (None → NaN) and states (their index in :data:`DEVICE_STATES`) go into the blob, slots
    first then states; texts and the shape of the tracker lists go into the layout.
    """
    layout: dict = {"slots": [], "states": [], "text": [], "events": [], "trackers": []}
    values: list = []
    events: dict = {}
    for unit, quantities in details.items():
        _walk([unit], quantities, layout, values, events)
    ordered = [v for kind, v in values if kind == "slot"] + [v for kind, v in values if kind == "state"]
    blob = np.asarray(ordered, dtype="<f4").tobytes()
    return (json.dumps(layout, separators=(",", ":"), ensure_ascii=False), blob,
            json.dumps(events, separators=(",", ":"), ensure_ascii=False) if events else None)


def _put(details: dict, path: list, value) -> None:
    node = details.setdefault(path[0], {})
    if len(path) == 3:  # [unit, tracker index, key]
        node = node["mppt"][path[1]]
    node[path[-1]] = value


def unflatten_details(layout_json: str, blob: bytes, events_json: Optional[str]) -> dict:
    """The snapshot :func:`flatten_details` stored (float32 precision: ~7 significant digits)."""
    layout = json.loads(layout_json)
    values = np.frombuffer(blob, dtype="<f4").astype(float)
    details: dict = {}
    for unit, n in layout["trackers"]:
        details.setdefault(unit, {})["mppt"] = [{} for _ in range(n)]
    for path, text in layout["text"]:
        _put(details, path, text)
    n_slots = len(layout["slots"])
    for path, v in zip(layout["slots"], values[:n_slots]):
        _put(details, path, None if math.isnan(v) else float(v))
    for path, v in zip(layout["states"], values[n_slots:]):
        _put(details, path, DEVICE_STATES[int(v)])
    events = json.loads(events_json) if events_json else {}
    for i, path in enumerate(layout["events"]):
        _put(details, path, tuple(events.get(str(i), ())))
    return details


def _layout_id(store: Store, layout: str, cache: dict) -> int:
    if layout not in cache:
        store.db.execute("INSERT OR IGNORE INTO live_detail_layouts (layout) VALUES (?)", [layout])
        cache[layout] = store.db.execute("SELECT id FROM live_detail_layouts WHERE layout = ?",
                                         [layout]).fetchone()[0]
    return cache[layout]


def add_live_details(store: Store, snapshots, park: Optional[str] = None, provenance: str = "measured") -> int:
    """Store snapshots ``(device_id, timestamp, details)`` in one transaction; returns the rows added.

    A snapshot of a source and instant already stored is skipped. ``timestamp`` is tz-aware (UTC).
    """
    snapshots = [s for s in snapshots if s[2]]
    if not snapshots:
        return 0
    with store.db.atomic():
        ids = source_ids(store, [SimpleNamespace(device_id=d, provenance=provenance, pv_measured_by=None)
                                  for d, _, _ in snapshots], park)
        cache: dict = {}
        rows = []
        for device_id, ts, details in snapshots:
            layout, blob, events = flatten_details(details)
            rows.append((ids[(device_id, provenance)], to_ms(ts), _layout_id(store, layout, cache), blob, events))
        conn = store.db.conn
        before = conn.total_changes
        conn.executemany("INSERT OR IGNORE INTO live_details (source, t, layout, vals, events) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
        added = conn.total_changes - before
        oldest = (min(r[1] for r in rows) // HOUR_MS) * HOUR_MS  # a late snapshot: roll its hour up again
        conn.execute("UPDATE meta SET value = ? WHERE key = ? AND CAST(value AS INTEGER) > ?",
                     [str(oldest), ROLLUP_MARK_KEY, oldest])
        return added


def snapshot_rows(store: Store, device_id: str, start, end, park, last):
    """A device's measured snapshots between ``start`` and ``end`` (of ``park`` when given) as
    ``(time, layout, blob, events)`` rows, oldest first (the newest ``last`` when given)."""
    clauses, args = ["s.device_id = ?", "s.provenance = 'measured'"], [device_id]
    if park is not None:
        clauses.append("s.park = ?")
        args.append(park)
    if start is not None:
        clauses.append("d.t >= ?")
        args.append(to_ms(start))
    if end is not None:
        clauses.append("d.t < ?")
        args.append(to_ms(end))
    order = "DESC" if last is not None else "ASC"
    sql = (f"SELECT d.t, l.layout, d.vals, d.events FROM live_details d JOIN live_sources s ON s.id = d.source "
           f"JOIN live_detail_layouts l ON l.id = d.layout WHERE {' AND '.join(clauses)} ORDER BY d.t {order}")
    if last is not None:
        sql += " LIMIT ?"
        args.append(int(last))
    rows = store.db.execute(sql, args).fetchall()
    return rows[::-1] if last is not None else rows


def live_details(store: Store, device_id: str, start=None, end=None, park: Optional[str] = None,
                 last: Optional[int] = None) -> list:
    """Stored snapshots of a device, oldest first: ``[(timestamp (UTC), details), …]``.

    ``[start, end)`` bounds them (tz-aware, optional); ``last`` keeps only the newest ``last``.
    """
    return [(pd.Timestamp(t, unit="ms", tz="UTC"), unflatten_details(layout, blob, ev))
            for t, layout, blob, ev in snapshot_rows(store, device_id, start, end, park, last)]


def slot_names(layout: dict) -> list:
    """Column names of a layout's numeric slots: ``"unit/quantity"`` or ``"unit/<tracker label>/quantity"``."""
    labels = {(p[0], p[1]): text for p, text in layout["text"] if len(p) == 3 and p[2] == "label"}
    return [f"{p[0]}/{p[1]}" if len(p) == 2 else f"{p[0]}/{labels.get((p[0], p[1])) or f'#{p[1] + 1}'}/{p[2]}"
            for p in layout["slots"]]


def snapshot_frame(rows) -> pd.DataFrame:
    """Rows ``(t [ms], layout JSON, float32 blob)`` as one float column per numeric quantity (decoded per
    layout in one numpy step, not snapshot by snapshot)."""
    groups: dict = {}
    for t, layout, blob in rows:
        groups.setdefault(layout, ([], []))
        groups[layout][0].append(t)
        groups[layout][1].append(blob)
    frames = []
    for layout_json, (ts, blobs) in groups.items():
        layout = json.loads(layout_json)
        names = slot_names(layout)
        values = np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), -1)[:, :len(names)]
        frames.append(pd.DataFrame(values.astype(float), columns=names,
                                   index=pd.to_datetime(np.asarray(ts, dtype="int64"), unit="ms", utc=True)))
    if not frames:
        return pd.DataFrame(index=pd.DatetimeIndex([], tz="UTC", name="timestamp"), dtype=float)
    df = pd.concat(frames).sort_index() if len(frames) > 1 else frames[0]
    df.index.name = "timestamp"
    return df


def live_detail_frame(store: Store, device_id: str, start=None, end=None, park: Optional[str] = None) -> pd.DataFrame:
    """A device's stored numeric detail quantities as columns over time (for a history chart).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``timestamp`` (UTC); one float column per quantity, named ``"unit/quantity"`` (SI
        units as in :mod:`solarfleet.models.live.sunspec_units`) or ``"unit/PV1/dc_current"`` for a
        tracker. NaN where the device did not report the quantity.
    """
    return snapshot_frame((t, layout, blob) for t, layout, blob, _ in snapshot_rows(store, device_id, start, end, park, None))
