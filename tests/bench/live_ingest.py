"""Benchmark: poll a simulated park (or N simulated SunSpec devices) on loopback every second and store it.

Default: a park of 40 inverters (models 103 + 160, four MPPTs each) and 3 meters (model 203) from
:mod:`solarfleet.models.live.park_sim` — every point physically consistent, every unit decoded.
``--devices N`` polls the older N inverter+meter images instead.

The devices run in a child process (N pymodbus TCP servers on 127.0.0.1, each an inverter
model 103 + meter 203 whose power moves with time), so the CPU figure of this process is
the ingest alone: one poller thread per device, decoding, and the batching SQLite
recorder writing to a temporary database.

    python tests/bench/live_ingest.py              # 40 inverters + 3 meters, 60 s
    python tests/bench/live_ingest.py --devices 50
    python tests/bench/live_ingest.py --seconds 10

Prints progress, then ONE JSON line with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))



def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, help="poll N inverter+meter images instead of the park")
    ap.add_argument("--inverters", type=int, default=40)
    ap.add_argument("--meters", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--interval", type=float, default=1.0, help="poll interval per device [s]")
    ap.add_argument("--flush", type=float, default=2.0, help="recorder batch interval [s]")
    a = ap.parse_args(argv)

    from solarfleet.models.live.devices import DeviceConfig
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    from solarfleet.models.live.recorder import LiveRecorder
    from solarfleet.models.live.source import Poller
    from solarfleet.models.store import live_reading_count, open_store
    quiet_pymodbus()

    sim_args = (["solarfleet.models.live.sunspec_sim", "--devices", str(a.devices), "--peak", "40000", "--load",
                 "50000"] if a.devices else
                ["solarfleet.models.live.park_sim", "--inverters", str(a.inverters), "--meters", str(a.meters)])
    child = subprocess.Popen([sys.executable, "-m", *sim_args], cwd=REPO,
                             env=dict(os.environ, PYTHONPATH=str(REPO)), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    tmp = tempfile.TemporaryDirectory(prefix="sf-live-bench-")
    try:
        listed = json.loads(child.stdout.readline())
        db = Path(tmp.name) / "bench.db"
        open_store(db).close()
        if a.devices:
            configs = [DeviceConfig(f"inv-{i:02d}", "127.0.0.1", p, 1, timeout=2.0) for i, p in enumerate(listed)]
        else:
            configs = [DeviceConfig(**d) for d in listed]
        n_devices = len(configs)
        batches = []
        recorder = LiveRecorder(db, park="bench", flush_interval=a.flush,
                                on_commit=lambda n, total: batches.append(n)).start()
        poller = Poller(configs, interval=a.interval, backoff_initial=1.0, backoff_max=10.0)
        print(f"polling {n_devices} devices every {a.interval} s for {a.seconds} s …", file=sys.stderr)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        poller.start(recorder)
        time.sleep(a.seconds)
        window = time.perf_counter() - wall0
        poller.stop(timeout=10)
        recorder.stop()
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        statuses = poller.statuses()
        s = open_store(db)
        try:
            rows = live_reading_count(s, park="bench")
        finally:
            s.close()
    finally:
        if child.stdin:
            child.stdin.close()
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(10)
        tmp.cleanup()
    server_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    per_dev = [st.readings for st in statuses.values()]
    figures = {
        "benchmark": "live_ingest",
        "devices": n_devices,
        "park": None if a.devices else {"inverters": a.inverters, "meters": a.meters},
        "seconds": round(wall, 2),
        "interval_s": a.interval,
        "readings_received": recorder.received,
        "rows_stored": rows,
        "readings_per_s": round(rows / window, 2),
        "stop_and_flush_s": round(wall - window, 3),
        "target_readings_per_s": round(n_devices / a.interval, 2),
        "cpu_ms_per_device_reading": round(1000 * cpu / max(recorder.received, 1), 3),
        "min_readings_per_device": min(per_dev),
        "max_readings_per_device": max(per_dev),
        "devices_with_errors": sum(1 for st in statuses.values() if st.failures or st.last_error),
        "batches": len(batches),
        "mean_batch": round(sum(batches) / len(batches), 1) if batches else 0,
        "ingest_cpu_s": round(cpu, 3),
        "ingest_cpu_percent_of_one_core": round(100 * cpu / wall, 2),
        "servers_cpu_s": round(server_cpu.ru_utime + server_cpu.ru_stime, 3),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
