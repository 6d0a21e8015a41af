"""Benchmark: a 20,000-array hourly year stored as one run in a SQLite file, and one park read back.

Run from the repository root::

    python tests/bench/store_scale.py [--arrays 20000] [--parks 100] [--keep]

The fleet is tests/bench/fleet_speed.py's (PVWatts arrays, 10 roofs per park), each park on its own
hourly year, simulated in this process. What a run stores per park (the rows of
:func:`solarfleet.models.store.run_rows.aggregate_run`: summaries, energy per day/month/year, each
array's AC as float32 at its park's active intervals) is built park by park, as cluster workers
build it; then the timed part:

* ``write_seconds``: :func:`solarfleet.models.store.save_run` of every park into a new file (one
  transaction, WAL), plus the checkpoint that moves the WAL into the database file
  (``checkpoint_seconds``): the run persisted;
* ``file_bytes``: the database file after the checkpoint, and the bytes of the AC blobs alone;
  ``full_float32_bytes``: what every interval as float32 would take (the encoding before);
* ``read_park_ms``: :func:`solarfleet.models.store.load_run_ac` of one park's year (arrays × 8,760),
  first read after reopening the file (``cold``) and best of five;
* ``build_rows_seconds``: building the rows (on the workers in a cluster run; reported apart);
* ``load_average_1min``: the machine is shared, so times are inflated by the load.

Targets (issue 19): persisted in ≤ 10 s, ≤ 1 GB on disk, one park's year read in ≤ 100 ms.
Prints the figures and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_speed import _load  # noqa: E402  (load average, as the cluster bench reports it)
from fleet_speed import build_fleet, weather_year  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_park  # noqa: E402
from solarfleet.models.store import import_fleet, load_run_ac, open_store, save_run  # noqa: E402
from solarfleet.models.store.run_rows import aggregate_run  # noqa: E402


def build_rows(fleet, options) -> tuple[list, float, int]:
    """Every park's stored rows, park by park (one park's hourly result in memory at a time)."""
    rows, seconds, periods = [], 0.0, 0
    for park in fleet.parks:
        data, meta = weather_year(park)
        result = simulate_park(park, data, meta, options)
        t0 = time.perf_counter()
        rows.append(aggregate_run([result]))
        seconds += time.perf_counter() - t0
        periods = len(result.ac.index)
    return rows, seconds, periods


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arrays", type=int, default=20000)
    ap.add_argument("--parks", type=int, default=100)
    ap.add_argument("--keep", action="store_true", help="keep the database file (its path is printed)")
    args = ap.parse_args(argv)
    fleet = build_fleet(args.arrays, args.parks, cec=False)
    n = sum(1 for p in fleet.parks for _ in p.iter_arrays())
    options = SimulationOptions(dc_model="pvwatts")
    print(f"{n:,} arrays in {len(fleet.parks)} parks; {os.cpu_count()} CPUs, load {_load()}", flush=True)
    t0 = time.perf_counter()
    rows, build_s, periods = build_rows(fleet, options)
    print(f"simulated in {time.perf_counter() - t0:.1f} s; stored rows built in {build_s:.1f} s", flush=True)

    folder = Path(tempfile.mkdtemp(prefix="solarfleet-store-scale-"))
    db = folder / "scale.db"
    with open_store(db) as store:
        import_fleet(store, fleet)
        meta = run_metadata(fleet, options, time.time(), 0.0, note="store_scale bench")
        load0 = _load()
        t0 = time.perf_counter()
        run_id = save_run(store, meta, rows)
        write = time.perf_counter() - t0
        t1 = time.perf_counter()
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint = time.perf_counter() - t1
        blob_bytes = store.db.execute("SELECT sum(length(ac)) FROM sim_arrays WHERE run_id = ?",
                                      [run_id]).fetchone()[0]
        energy_rows = store.db.execute("SELECT count(*) FROM sim_energy WHERE run_id = ?", [run_id]).fetchone()[0]
    del rows
    file_bytes = db.stat().st_size + sum(p.stat().st_size for p in folder.glob("scale.db-*"))
    park = fleet.parks[len(fleet.parks) // 2].name
    with open_store(db) as store:
        t0 = time.perf_counter()
        ac = load_run_ac(store, run_id, park)
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(5):
            t0 = time.perf_counter()
            load_run_ac(store, run_id, park)
            warm.append(time.perf_counter() - t0)
    full = n * periods * 4
    fig = {"bench": "store_scale", "arrays": n, "parks": len(fleet.parks), "periods": periods,
           "write_seconds": round(write, 3), "checkpoint_seconds": round(checkpoint, 3),
           "persist_seconds": round(write + checkpoint, 3), "build_rows_seconds": round(build_s, 3),
           "file_bytes": file_bytes, "ac_blob_bytes": int(blob_bytes), "full_float32_bytes": full,
           "energy_rows": int(energy_rows), "read_park_arrays": int(ac.shape[1]),
           "read_park_ms_cold": round(1000 * cold, 2), "read_park_ms": round(1000 * min(warm), 2),
           "encoding": "per array a float32 LE blob of its park's active intervals (bitmask per park, "
                       "sim_parks.active) + ac_base for the others",
           "targets": {"persist_seconds": 10, "file_bytes": 1e9, "read_park_ms": 100},
           "cpu_count": os.cpu_count(), "load_average_1min": _load(), "load_average_at_write": load0}
    print(f"persisted in {write:.2f} s + checkpoint {checkpoint:.2f} s; file {file_bytes / 1e6:,.0f} MB "
          f"(AC blobs {blob_bytes / 1e6:,.0f} MB; every interval as float32 would be {full / 1e6:,.0f} MB); "
          f"{energy_rows:,} energy rows", flush=True)
    print(f"one park's year ({ac.shape[1]} arrays × {periods}) read in {1000 * cold:.1f} ms cold, "
          f"{1000 * min(warm):.1f} ms warm (load {_load()})", flush=True)
    if args.keep:
        print(f"kept: {db}")
    else:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
    print(json.dumps(fig))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
