"""Benchmark: the GUI while the live view shows a simulated park polled every second.

Default: 40 inverters (models 103 + 160) and 3 meters (model 203) from
:mod:`solarfleet.models.live.park_sim`, every unit decoded and shown in the device detail pane;
``--devices N`` uses the older N inverter+meter images.

The devices run in a child process (N pymodbus TCP servers on 127.0.0.1, inverter model 103 +
meter 203, power moving with time), so this process holds only what the app holds: the
:class:`solarfleet.app.gui.live_controller.LiveController` (poller threads, batching recorder, 500 ms poll on
the GUI thread) and a visible :class:`solarfleet.widgets.live_view.LiveView` (offscreen), with the park's
modelled expectation drawn.

Measured side by side in one run, first with the view idle (baseline), then live:

* GUI frame time: a 10 ms ``QTimer`` on the GUI thread; its lateness (gap − 10 ms) is how long
  the event loop was busy — mean, p99 and max;
* the view's own cost per poll (``apply_update``) and per chart redraw, and a full paint of the
  view (``grab``) every second;
* CPU of this process (all threads) as % of one core; readings stored per second.

    python tests/bench/live_gui.py                    # 40 inverters + 3 meters, 30 s live
    python tests/bench/live_gui.py --devices 10 --seconds 10

Prints progress to stderr, then ONE JSON line with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from solarfleet.models.store import import_fleet

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix="solarfleet-bench-")



def _stats(values_ms):
    import numpy as np
    a = np.asarray(values_ms, float)
    if len(a) == 0:
        return {"n": 0}
    return {"n": int(len(a)), "mean_ms": round(float(a.mean()), 3), "p99_ms": round(float(np.percentile(a, 99)), 3),
            "max_ms": round(float(a.max()), 3)}


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, help="N inverter+meter images instead of the park")
    ap.add_argument("--inverters", type=int, default=40)
    ap.add_argument("--meters", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=30.0, help="live measurement [s]")
    ap.add_argument("--baseline", type=float, default=5.0, help="idle measurement first [s]")
    a = ap.parse_args(argv)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    import solarfleet.widgets as widgets  # noqa: F401
    from solarfleet.app.gui.live_controller import LiveController, SourceSpec
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.demo_load import seed_demo_loads
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.live.devices import DeviceConfig
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.store import live_reading_count, open_store, save_live_device
    from solarfleet.widgets.live_view import LiveView

    quiet_pymodbus()
    app = QApplication.instance() or QApplication([])
    sim_args = (["solarfleet.models.live.sunspec_sim", "--devices", str(a.devices), "--peak", "20000", "--load",
                 "8000"] if a.devices else
                ["solarfleet.models.live.park_sim", "--inverters", str(a.inverters), "--meters", str(a.meters),
                 "--peak", "1.6e6", "--load", "1.2e6"])
    child = subprocess.Popen([sys.executable, "-m", *sim_args], cwd=REPO,
                             env=dict(os.environ, PYTHONPATH=str(REPO)), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    tmp = Path(tempfile.mkdtemp(prefix="sf-live-gui-"))
    store = controller = None
    try:
        listed = json.loads(child.stdout.readline())
        store = open_store(tmp / "bench.db")
        park = next(p for p in demo_fleet().parks if "Shanghai" in p.name)
        with store.db.atomic():
            import_fleet(store, Fleet((park,)))
            weather_for_park(store, park)
            seed_demo_loads(store)
        if a.devices:
            configs = [DeviceConfig(f"inv-{i:02d}", "127.0.0.1", port, 1, timeout=2.0, park=park.name)
                       for i, port in enumerate(listed)]
        else:
            configs = [DeviceConfig(**{**d, "park": park.name}) for d in listed]
        for c in configs:
            save_live_device(store, c)
        n_devices = len(configs)

        view = LiveView()
        view.resize(1400, 850)
        view.show()
        controller = LiveController(store)  # 500 ms poll, 2 s batches: as in the app
        controller.started.connect(lambda s: (view.set_park(s.park, s.tz), view.set_expected(s.expected),
                                              view.set_history(s.history, s.alarms)))
        apply_ms, redraw_ms, paint_ms = [], [], []

        def timed_apply(up, _orig=view.apply_update):
            t = time.perf_counter()
            _orig(up)
            apply_ms.append((time.perf_counter() - t) * 1000)
        controller.updated.connect(timed_apply)
        orig_redraw = view.redraw

        def timed_redraw():
            t = time.perf_counter()
            orig_redraw()
            redraw_ms.append((time.perf_counter() - t) * 1000)
        view.redraw = timed_redraw

        lateness: list = []
        clock = QElapsedTimer()
        tick = QTimer()
        tick.setInterval(10)
        last = [None]

        def on_tick():
            now = clock.nsecsElapsed() / 1e6
            if last[0] is not None:
                lateness.append(max(0.0, now - last[0] - 10.0))
            last[0] = now
        tick.timeout.connect(on_tick)
        clock.start()
        tick.start()

        def run_for(seconds, paint=False):
            end = time.perf_counter() + seconds
            next_paint = time.perf_counter() + 1.0
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.002)
                if paint and time.perf_counter() >= next_paint:
                    t = time.perf_counter()
                    view.grab()
                    paint_ms.append((time.perf_counter() - t) * 1000)
                    next_paint += 1.0

        print(f"baseline {a.baseline} s …", file=sys.stderr)
        cpu0, wall0 = _cpu(), time.perf_counter()
        run_for(a.baseline)
        base_cpu = (_cpu() - cpu0) / (time.perf_counter() - wall0)
        base_lat = list(lateness)
        lateness.clear()
        last[0] = None

        controller.set_source(SourceSpec(kind="devices", tick=1.0))
        controller.set_park(park.name)
        controller.start()
        t0 = time.perf_counter()
        while controller.state != "running" and time.perf_counter() - t0 < 60:
            run_for(0.05)
        start_s = time.perf_counter() - t0
        print(f"live with {n_devices} devices for {a.seconds} s …", file=sys.stderr)
        lateness.clear()
        last[0] = None
        rows0 = live_reading_count(store, park=park.name)
        cpu0, wall0 = _cpu(), time.perf_counter()
        run_for(a.seconds, paint=True)
        wall = time.perf_counter() - wall0
        live_cpu = (_cpu() - cpu0) / wall
        live_lat = list(lateness)
        statuses = controller.session.source.statuses() if controller.session else {}
        t1 = time.perf_counter()
        controller.stop()
        while controller.state != "stopped" and time.perf_counter() - t1 < 60:
            run_for(0.05)
        stop_s = time.perf_counter() - t1
        stop_lat = max(lateness[-int(stop_s * 100) - 1:] or [0.0])
        rows = live_reading_count(store, park=park.name) - rows0
        tick.stop()
        x, pv, load = view.series()
        figures = {
            "benchmark": "live_gui",
            "devices": n_devices,
            "park": None if a.devices else {"inverters": a.inverters, "meters": a.meters},
            "poll_interval_s": 1.0,
            "gui_poll_ms": controller.timer.interval(),
            "seconds": round(wall, 2),
            "start_s": round(start_s, 3),
            "stop_s": round(stop_s, 3),
            "baseline_timer_lateness": _stats(base_lat),
            "live_timer_lateness": _stats(live_lat),
            "stop_max_lateness_ms": round(stop_lat, 3),
            "apply_update": _stats(apply_ms),
            "chart_redraw": _stats(redraw_ms),
            "full_paint": _stats(paint_ms),
            "cpu_percent_of_one_core_baseline": round(100 * base_cpu, 1),
            "cpu_percent_of_one_core_live": round(100 * live_cpu, 1),
            "rows_stored_per_s": round(rows / wall, 1),
            "target_readings_per_s": float(n_devices),
            "cpu_ms_per_device_reading": round(1000 * live_cpu * wall / max(rows, 1), 3),
            "chart_points": int(len(x)),
            "devices_online": sum(1 for s in statuses.values() if s.link == "ok"),
        }
    finally:
        if controller is not None:
            controller.close()
        if store is not None:
            store.close()
        if child.stdin:
            child.stdin.close()
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
