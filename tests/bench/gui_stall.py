"""Benchmark: the GUI thread's longest stall while a 1,000-array fleet simulates, and plot panning cost.

``python tests/bench/gui_stall.py [--parks 20] [--arrays-per-park 50]``

A QTimer ticks every 5 ms on the GUI thread while the main window runs the fleet in a worker
and fills its plots park by park; the longest gap between ticks is the stall. The run is the
app's own (app/gui/wiring.py: solarfleet.models.simulation.engine on each park's synthetic typical year, stored whole at
the end). Then a year of 15-minute fleet data is panned across the yield plot and each frame is
timed. Ends with one JSON line.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from solarfleet.models.store import import_fleet

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix="solarfleet-bench-")


def big_fleet(parks: int, arrays_per_park: int):
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.fleet import Fleet, Roof
    base = demo_fleet().parks
    out = []
    for i in range(parks):
        src = base[i % len(base)]
        template = [a for _, a in src.iter_arrays()]
        roofs = []
        per_roof = 10
        for r in range(0, arrays_per_park, per_roof):
            arrays = tuple(dataclasses.replace(template[(r + k) % len(template)], name=f"A{r + k + 1}")
                           for k in range(min(per_roof, arrays_per_park - r)))
            roofs.append(Roof(name=f"Roof {r // per_roof + 1}", roof_type="flat", area=20000.0,
                              surface_tilt=5.0, surface_azimuth=180.0, height=12.0, arrays=arrays))
        out.append(dataclasses.replace(src, name=f"{src.name} #{i + 1}", roofs=tuple(roofs)))
    return Fleet(tuple(out))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parks", type=int, default=20)
    ap.add_argument("--arrays-per-park", type=int, default=50)
    args = ap.parse_args()
    import numpy as np
    import pandas as pd
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.paths import db_path
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.models.store import open_store
    from solarfleet.widgets.plot_time import to_plot_seconds

    qapp = QApplication.instance() or QApplication([])
    fleet = big_fleet(args.parks, args.arrays_per_park)
    n_arrays = sum(1 for p in fleet.parks for _ in p.iter_arrays())

    with open_store(db_path()) as store:  # the big fleet is in the database before the app opens it
        import_fleet(store, fleet)
    application = Application(make_settings(), providers_for=providers_for)
    application.open(db_path(), seed_demo=False)
    w = application.window
    w.resize(1400, 860)
    w.show()
    w.tabs.setCurrentWidget(w.yield_plot)
    qapp.processEvents()

    clock = QElapsedTimer()
    gaps = []
    last = [0]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done = []
    application.session.runs.finished.connect(done.append)
    clock.start()
    timer.start()
    t0 = time.perf_counter()
    w.act_run.trigger()
    while not done:
        qapp.processEvents()
        time.sleep(0.001)
    run_s = time.perf_counter() - t0
    timer.stop()
    gaps_ms = np.array(gaps[1:], dtype=float)

    # panning a year of 15-minute data for the whole fleet
    idx = pd.date_range("2023-01-01", "2024-01-01", freq="15min", tz="UTC", inclusive="left")
    rng = np.random.default_rng(0)
    doy = idx.day_of_year.to_numpy()
    hour = (idx.hour + idx.minute / 60).to_numpy()
    pv = pd.Series(np.clip(np.sin((hour + 8 - 6) / 12 * np.pi), 0, None) * (1 + 0.3 * np.sin(doy / 58))
                   * fleet.dc_capacity * 0.7 * rng.uniform(0.6, 1.0, len(idx)), index=idx)
    load = pd.Series(fleet.dc_capacity * 0.5 * rng.uniform(0.8, 1.2, len(idx)), index=idx)
    yp = w.yield_plot
    yp.set_resolution("hourly")
    t1 = time.perf_counter()
    yp.set_data(pv, load, "Asia/Shanghai")
    yp.flush()
    set_data_ms = (time.perf_counter() - t1) * 1e3
    x = to_plot_seconds(idx, "Asia/Shanghai")
    item = yp.plot.getPlotItem()
    frames = []
    span = 30 * 86400.0
    for k in range(40):
        start = x[0] + k * (x[-1] - x[0] - span) / 39
        f0 = time.perf_counter()
        item.setXRange(start, start + span, padding=0)
        yp.plot.grab()  # forces a full repaint, as a screen refresh would
        frames.append((time.perf_counter() - f0) * 1e3)
    zoom_out = time.perf_counter()
    item.setXRange(x[0], x[-1], padding=0)
    yp.plot.grab()
    full_year_ms = (time.perf_counter() - zoom_out) * 1e3
    application.shutdown()
    figures = {
        "benchmark": "gui_stall",
        "parks": len(fleet.parks), "arrays": n_arrays,
        "simulation": "solarfleet.models.simulation.engine via app/gui/wiring.py (synthetic typical year per park, run stored)",
        "run_seconds": round(run_s, 2),
        "gui_longest_stall_ms": round(float(gaps_ms.max()), 1) if len(gaps_ms) else None,
        "gui_stall_p99_ms": round(float(np.percentile(gaps_ms, 99)), 1) if len(gaps_ms) else None,
        "gui_ticks": int(len(gaps_ms)),
        "stall_target_ms": 100,
        "pan_points": int(len(idx)),
        "pan_set_data_ms": round(set_data_ms, 1),
        "pan_frame_mean_ms": round(float(np.mean(frames)), 1),
        "pan_frame_max_ms": round(float(np.max(frames)), 1),
        "full_year_frame_ms": round(full_year_ms, 1),
    }
    print(f"GUI thread longest stall {figures['gui_longest_stall_ms']} ms (target < 100 ms) over a "
          f"{run_s:.1f} s run of {n_arrays} arrays in {len(fleet.parks)} parks; 15-min year pan frame "
          f"{figures['pan_frame_mean_ms']} ms mean, {figures['pan_frame_max_ms']} ms max")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
