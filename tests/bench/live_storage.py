"""Benchmark: live storage on disk and chart reads from storage.

1. One hour of a park of 40 inverters + 3 meters read every second, stored the way the recorder
   stores them (a batch every 2 s), then rolled up: bytes per raw reading and per roll-up row,
   measured page by page (SQLite's ``dbstat``) and as file growth. Beside them the devices' detail
   snapshots (AC per phase, DC per MPPT, temperatures, states, events — the shape read from the park
   simulator through the real client) at the session's default one per minute: bytes per snapshot.
2. A year of 50 devices at 1 Hz with the default retention (14 days raw and details, roll-ups kept),
   projected from those measured sizes: total GB.
3. A year of roll-ups for 50 devices (built with SQL) plus a raw tail not yet rolled up: the time to
   draw a day, a month and a year chart from storage (``live_site_chart``, median of 5).
4. Detail roll-ups: a year of hourly detail rows for 50 devices (blobs made by the real roll-up from the
   simulator's detail shape), a day of 1-minute snapshots and a tail not rolled up: bytes per hourly row,
   GB a year, and the time to read a device's day and year span for its detail chart
   (``live_detail_chart``, median of 5).

    python tests/bench/live_storage.py
    python tests/bench/live_storage.py --minutes 10

Targets (issue 23): ≤ 40 bytes per raw reading; a year of 50 devices ≤ 5 GB; any chart ≤ 200 ms (the
detail chart's year span too).
Prints progress, then ONE JSON line with the figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

T0 = dt.datetime(2026, 6, 1, 4, 0, tzinfo=dt.timezone.utc)


def park_readings(seconds: int, inverters: int = 40, meters: int = 3, seed: int = 0):
    """Readings as SunSpec inverters (W at SF 1, Wh at SF 0) and meters would give them, batch by batch."""
    from solarfleet.models.live.reading import Reading
    rng = np.random.default_rng(seed)
    inv_wh = rng.uniform(1e7, 5e8, inverters).round()
    imp = rng.uniform(1e8, 1e9, meters).round()
    exp = rng.uniform(1e7, 1e8, meters).round()
    peak = rng.uniform(40e3, 110e3, inverters)
    batch = []
    for s in range(seconds):
        t = T0 + dt.timedelta(seconds=s, milliseconds=int(rng.integers(0, 999)))
        cloud = 0.75 + 0.25 * np.sin(s / 97.0)
        pv = np.round(peak * cloud * rng.uniform(0.97, 1.0, inverters), -1)
        dwh = np.round(pv / 3600.0)
        inv_wh += dwh
        for i in range(inverters):
            batch.append(Reading(timestamp=t, device_id=f"inv-{i:02d}", pv_power=float(pv[i]),
                                 pv_energy=float(inv_wh[i]), pv_energy_interval=float(dwh[i]) if s else None,
                                 status="mppt"))
        grid = np.round(rng.uniform(-50e3, 300e3, meters), -1)
        d_imp = np.round(np.clip(grid, 0, None) / 3600.0)
        d_exp = np.round(np.clip(-grid, 0, None) / 3600.0)
        imp += d_imp
        exp += d_exp
        for m in range(meters):
            batch.append(Reading(timestamp=t, device_id=f"meter-{m}", grid_power=float(grid[m]),
                                 grid_import_energy=float(imp[m]), grid_export_energy=float(exp[m]),
                                 grid_import_interval=float(d_imp[m]) if s else None,
                                 grid_export_interval=float(d_exp[m]) if s else None))
        if s % 2 == 1:
            yield batch
            batch = []
    if batch:
        yield batch


def table_bytes(store, name: str) -> int:
    return store.db.execute("SELECT sum(pgsize) FROM dbstat WHERE name = ?", [name]).fetchone()[0] or 0


def detail_shapes() -> list:
    """An inverter's (103 + 160 with 4 trackers) and a meter's (203) details, read from the park simulator."""
    from solarfleet.models.live.devices import make_device
    from solarfleet.models.live.park_sim import ParkSim
    with ParkSim(1, 1, lambda t: 60e3, lambda t: 90e3) as sim:
        shapes = []
        for config in sim.devices(timeout=2.0):
            d = make_device(config)
            try:
                d.connect()
                d.read()
                shapes.append(d.details)
            finally:
                d.close()
    return shapes


def _jitter(details: dict, rng) -> dict:
    """The same snapshot with every number moved a little (values differ minute to minute)."""
    def move(v):
        return v * rng.uniform(0.95, 1.05) if isinstance(v, float) else v
    return {unit: {k: ([{kk: move(vv) for kk, vv in t.items()} for t in v] if k == "mppt" else move(v))
                   for k, v in q.items()} for unit, q in details.items()}


def measure_details(s, minutes: int, shapes: list, inverters: int = 40, meters: int = 3,
                    interval_s: int = 60) -> dict:
    from solarfleet.models.store import add_live_details
    from solarfleet.models.store.live_details import flatten_details
    inverter, meter = shapes
    rng = np.random.default_rng(1)
    n = 0
    for k in range(max(1, minutes * 60 // interval_s)):
        t = T0 + dt.timedelta(seconds=k * interval_s)
        snaps = [(f"inv-{i:02d}", t, _jitter(inverter, rng)) for i in range(inverters)]
        snaps += [(f"meter-{m}", t, _jitter(meter, rng)) for m in range(meters)]
        n += add_live_details(s, snaps, park="bench")
    size = table_bytes(s, "live_details") + table_bytes(s, "live_detail_layouts")
    numbers = len(flatten_details(inverter)[1]) // 4
    return {"detail_snapshots": n, "detail_bytes_per_snapshot": size / n, "detail_interval_s": interval_s,
            "detail_numbers_per_inverter_snapshot": numbers}


def measure_sizes(tmp: Path, minutes: int, shapes: list) -> dict:
    from solarfleet.models.store import add_live_readings, live_maintenance, open_store
    db = tmp / "size.db"
    with open_store(db) as s:
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        empty = db.stat().st_size
        n = 0
        t = time.perf_counter()
        for batch in park_readings(minutes * 60):
            n += add_live_readings(s, batch, park="bench")
        ingest_s = time.perf_counter() - t
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = db.stat().st_size - empty
        raw = table_bytes(s, "live_raw")
        t = time.perf_counter()
        live_maintenance(s, T0 + dt.timedelta(minutes=minutes, hours=25))
        rollup_s = time.perf_counter() - t
        stats_rows = s.db.execute("SELECT count(*) FROM live_stats").fetchone()[0]
        stats = table_bytes(s, "live_stats")
        details = measure_details(s, minutes, shapes)
    return {"readings": n, "raw_bytes_per_reading": raw / n, "file_bytes_per_reading": grown / n,
            "stats_rows": stats_rows, "stats_bytes_per_row": stats / max(stats_rows, 1),
            "ingest_s_per_1000_readings": 1000 * ingest_s / n, "rollup_s": rollup_s, **details}


#: State or fault changes a device records a day (wakes, sleeps, a fault now and then): kept for good.
CHANGES_PER_DAY = 6


def project_year(sizes: dict, detail_hour_bytes: float, devices: int = 50, retention_days: float = 14.0) -> dict:
    raw = devices * 86400 * retention_days * sizes["raw_bytes_per_reading"]
    stats = devices * (365 * 288 + 365 * 24 + 365) * sizes["stats_bytes_per_row"]
    snap = sizes["detail_bytes_per_snapshot"]
    details = devices * 86400 / sizes["detail_interval_s"] * retention_days * snap
    changes = devices * 365 * CHANGES_PER_DAY * snap
    hours = devices * 365 * 24 * detail_hour_bytes
    return {"year_raw_gb": raw / 1e9, "year_stats_gb": stats / 1e9, "year_details_gb": details / 1e9,
            "year_detail_changes_gb": changes / 1e9, "year_detail_hours_gb": hours / 1e9,
            "year_total_gb": (raw + stats + details + changes + hours) / 1e9}


def build_year(tmp: Path, devices: int = 50) -> Path:
    """A year of 5-minute, hourly and daily statistics for ``devices`` sources, and 10 min of raw readings."""
    from solarfleet.models.store import add_live_readings, open_store
    db = tmp / "year.db"
    start_ms = int(T0.timestamp() * 1000) - 365 * 86_400_000
    end_ms = int(T0.timestamp() * 1000)
    with open_store(db) as s:
        with s.db.atomic():
            s.db.conn.executemany("INSERT INTO live_sources (park, device_id, provenance) VALUES ('bench', ?, "
                                  "'measured')", [(f"inv-{i:02d}",) for i in range(devices)])
            for span in (300, 3600, 86400):
                ms = span * 1000
                s.db.execute(f"""
                    WITH RECURSIVE b(t) AS (SELECT {start_ms} UNION ALL SELECT t + {ms} FROM b WHERE t + {ms} < {end_ms})
                    INSERT INTO live_stats (span_s, t, source, n, pv_power, pv_power_min, pv_power_max, pv_energy,
                                            faults)
                    SELECT {span}, b.t, src.id, {span}, 40000 + (b.t / {ms} % 97) * 100 + src.id, 30000, 50000,
                           (40000 + src.id) * {span} / 3600.0, 0
                    FROM b CROSS JOIN live_sources src""")
                s.db.execute("UPDATE live_rollup SET done_ms = ? WHERE span_s = ?", [end_ms, span])
        tail = [r for batch in park_readings(600, inverters=devices, meters=0) for r in batch]
        add_live_readings(s, tail, park="bench")
    return db


def time_charts(db: Path) -> dict:
    from solarfleet.models.store import live_site_chart, open_store
    out = {}
    now = T0 + dt.timedelta(minutes=10)
    with open_store(db) as s:
        for name, span in (("day", dt.timedelta(days=1)), ("month", dt.timedelta(days=30)),
                           ("year", dt.timedelta(days=365))):
            times = []
            for _ in range(5):
                t = time.perf_counter()
                chart = live_site_chart(s, "bench", now - span, now)
                times.append(time.perf_counter() - t)
            out[f"chart_{name}_ms"] = 1000 * statistics.median(times)
            out[f"chart_{name}_points"] = len(chart)
            out[f"chart_{name}_resolution_s"] = chart.attrs["span_s"]
    return out


def build_detail_year(tmp: Path, shapes: list, devices: int = 50) -> tuple:
    """A year of hourly detail roll-ups for ``devices`` inverters (rows made by the real roll-up of an hour of
    the simulator's snapshots, repeated), the last day of 1-minute snapshots of ``inv-00`` with the last
    hour not rolled up yet. Returns ``(db path, bytes per hourly row)``."""
    from solarfleet.models.store import add_live_details, live_detail_maintenance, open_store
    db = tmp / "detail_year.db"
    rng = np.random.default_rng(2)
    end = T0
    with open_store(db) as s:
        day = [("inv-00", end - dt.timedelta(minutes=m), _jitter(shapes[0], rng)) for m in range(1, 24 * 60 + 1)]
        add_live_details(s, day[60:], park="bench")
        live_detail_maintenance(s, now=end - dt.timedelta(minutes=50))
        add_live_details(s, day[:60], park="bench")           # the last hour: not rolled up yet
        sample = s.db.execute("SELECT layout, n, vals, counts, states, events FROM live_detail_hours "
                              "ORDER BY t DESC LIMIT 1").fetchone()
        start_ms = int(end.timestamp() * 1000) - 365 * 86_400_000
        first_snapshot_ms = int((end - dt.timedelta(days=1)).timestamp() * 1000)
        with s.db.atomic():
            s.db.conn.executemany("INSERT OR IGNORE INTO live_sources (park, device_id, provenance) "
                                  "VALUES ('bench', ?, 'measured')", [(f"inv-{i:02d}",) for i in range(devices)])
            ids = [r[0] for r in s.db.execute("SELECT id FROM live_sources ORDER BY device_id")]
            s.db.conn.executemany(
                "INSERT OR IGNORE INTO live_detail_hours (source, t, layout, n, vals, counts, states, events) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((sid, t, *sample) for sid in ids for t in range(start_ms, first_snapshot_ms, 3_600_000)))
        rows = s.db.execute("SELECT count(*) FROM live_detail_hours").fetchone()[0]
        per_row = table_bytes(s, "live_detail_hours") / rows
    return db, per_row


def time_detail_charts(db: Path) -> dict:
    from solarfleet.models.store import live_detail_chart, open_store
    out = {}
    with open_store(db) as s:
        for name, days in (("day", 1), ("year", 365)):
            times = []
            for _ in range(5):
                t = time.perf_counter()
                chart = live_detail_chart(s, "inv-00", T0 - dt.timedelta(days=days), T0, park="bench", now=T0)
                times.append(time.perf_counter() - t)
            out[f"detail_chart_{name}_ms"] = 1000 * statistics.median(times)
            out[f"detail_chart_{name}_points"] = len(chart)
            out[f"detail_chart_{name}_resolution"] = chart.attrs["resolution"]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=int, default=60, help="park hour(s) stored for the size figures [min]")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sf-live-storage-") as tmp:
        tmp = Path(tmp)
        print(f"storing {a.minutes} min of 40 inverters + 3 meters at 1 Hz …", file=sys.stderr)
        shapes = detail_shapes()
        sizes = measure_sizes(tmp, a.minutes, shapes)
        print("building a year of detail roll-ups for 50 devices …", file=sys.stderr)
        detail_db, hour_bytes = build_detail_year(tmp, shapes)
        year = project_year(sizes, hour_bytes)
        detail_charts = time_detail_charts(detail_db)
        print("building a year of roll-ups for 50 devices …", file=sys.stderr)
        charts = {**time_charts(build_year(tmp)), **detail_charts}
        sizes["detail_bytes_per_hour_row"] = hour_bytes
    figures = {"benchmark": "live_storage", **{k: round(v, 3) if isinstance(v, float) else v
                                                for k, v in {**sizes, **year, **charts}.items()},
               "changes_per_device_day_assumed": CHANGES_PER_DAY, "target_raw_bytes_per_reading": 40, "target_year_total_gb": 5.0, "target_chart_ms": 200}
    figures["ok"] = bool(figures["raw_bytes_per_reading"] <= 40 and figures["year_total_gb"] <= 5.0
                         and max(charts[f"chart_{n}_ms"] for n in ("day", "month", "year")) <= 200
                         and max(charts[f"detail_chart_{n}_ms"] for n in ("day", "year")) <= 200)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
