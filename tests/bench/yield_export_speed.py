"""Benchmark: P50/P90 yield study, forecasts and exports on the demo fleet (9 parks, 31 arrays).

Run from the repository root::

    QT_QPA_PLATFORM=offscreen python tests/bench/yield_export_speed.py [--members 12]

Prints the figures as it goes and ends with ONE JSON line. Measured in one run on a temp database
seeded with the demo fleet and one simulation run:

* ``member_weather_s`` / ``member_sim_s``: one synthetic weather year and one park simulation on it
  (mean over the first park's members, cold cache);
* ``study_s``: the whole fleet's yield study (``members`` synthetic years per park), and
  ``study_s_per_park_year`` = ``study_s / (parks × members)``;
* ``p50_over_run``: fleet P50 over the energy of the stored run on the default synthetic year
  (the same climate, so near 1), and ``fleet_sigma_iav_pct``: the fleet's inter-annual σ [%];
* ``forecast_s``: a persistence week-ahead forecast with 30 days of back-test;
* ``export_*_s``: fleet hourly CSV, XLSX, JSON and a fleet PDF report (the park pages as its appendix);
* ``report_pages``; ``park_report_s`` (one park's PDF);
* ``fleet_report_with_study_s``: what File → Export → PDF with P50/P90 costs on the demo fleet — a fresh fleet
  yield study (``members`` synthetic years per park, in this process, and ``..._processes_s`` with the study on
  two local processes) and the fleet PDF with its appendix. Target: under 10 s. ``..._cpu_s`` is the in-process
  run's CPU time, which a loaded machine does not inflate.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from solarfleet.models.store import add_measured_ac, load_fleet, load_run, save_yield_study

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=12)
    args = ap.parse_args(argv)

    import numpy as np
    import pandas as pd
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import simulate_and_store, simulate_park
    from solarfleet.models.store import open_store
    from solarfleet.models.studies.yield_study import _synthetic_member, weather_members, yield_study

    tmp = Path(tempfile.mkdtemp(prefix="sf-bench-"))
    store = open_store(tmp / "bench.db")
    seed_if_empty(store)
    fleet = load_fleet(store)
    run_id, _ = simulate_and_store(store, fleet, lambda p: weather_for_park(store, p))
    figures: dict = {"parks": len(fleet.parks), "arrays": sum(1 for p in fleet.parks for _ in p.iter_arrays()),
                     "members": args.members}

    park = fleet.parks[0]
    _synthetic_member.cache_clear()
    t = time.perf_counter()
    _, members = weather_members(None, park, args.members)
    figures["member_weather_s"] = (time.perf_counter() - t) / args.members
    t = time.perf_counter()
    for _, data, meta in members:
        simulate_park(park, data, meta)
    figures["member_sim_s"] = (time.perf_counter() - t) / args.members
    print(f"one synthetic year {figures['member_weather_s']:.3f} s, one park simulation {figures['member_sim_s']:.3f} s")

    _synthetic_member.cache_clear()
    t = time.perf_counter()
    study = yield_study(store, probabilities=(50, 75, 90, 99), n_synthetic=args.members)
    figures["study_s"] = time.perf_counter() - t
    figures["study_s_per_park_year"] = figures["study_s"] / (len(fleet.parks) * args.members)
    save_yield_study(store, study)
    run_energy = load_run(store, run_id)["energy"]
    fleet_row = study.table[(study.table["level"] == "fleet") & (study.table["period"] == "year")].iloc[0]
    figures["fleet_p50_mwh"] = fleet_row["P50"] / 1e6
    figures["fleet_p90_mwh"] = fleet_row["P90"] / 1e6
    figures["p50_over_run"] = fleet_row["P50"] / run_energy
    figures["fleet_sigma_iav_pct"] = 100 * fleet_row["sigma_iav"] / fleet_row["P50"]
    print(f"yield study: {figures['study_s']:.1f} s for {len(fleet.parks)} parks × {args.members} years; "
          f"fleet P50 {figures['fleet_p50_mwh']:,.0f} MWh, P90 {figures['fleet_p90_mwh']:,.0f} MWh, "
          f"P50/run {figures['p50_over_run']:.3f}, σ_iav {figures['fleet_sigma_iav_pct']:.2f} %")

    from solarfleet.models.studies.forecast import clearsky_ac, persistence_forecast
    issued = pd.Timestamp("2026-06-10T20:00+08:00")
    idx = pd.date_range("2026-05-01T00:00+08:00", "2026-06-11T00:00+08:00", freq="1h", inclusive="left").tz_convert("UTC")
    rng = np.random.default_rng(0)
    add_measured_ac(store, park.name, clearsky_ac(park, idx) * np.clip(rng.normal(0.65, 0.2, len(idx)), 0, 1.1),
                          60, "bench")
    t = time.perf_counter()
    persistence_forecast(store, park, "week", issued)
    figures["forecast_s"] = time.perf_counter() - t
    print(f"persistence week-ahead forecast: {figures['forecast_s']:.3f} s")

    from solarfleet.models.export.tables import report_tables, write_export
    for fmt in ("csv", "xlsx", "json"):
        t = time.perf_counter()
        write_export(report_tables(store, None, "hourly"), fmt, tmp / f"fleet.{fmt}")
        figures[f"export_{fmt}_s"] = time.perf_counter() - t
        print(f"fleet hourly {fmt}: {figures[f'export_{fmt}_s']:.2f} s, {(tmp / f'fleet.{fmt}').stat().st_size / 1e6:.1f} MB")
    from solarfleet.app.report import write_report_pdf
    t = time.perf_counter()
    pages = write_report_pdf(store, tmp / "fleet.pdf", language="en")
    figures["export_pdf_s"] = time.perf_counter() - t
    figures["report_pages"] = pages
    print(f"fleet PDF: {figures['export_pdf_s']:.2f} s, {pages} pages")
    t = time.perf_counter()
    write_report_pdf(store, tmp / "park.pdf", park=park.name, language="en")
    figures["park_report_s"] = time.perf_counter() - t
    print(f"park PDF: {figures['park_report_s']:.2f} s")

    from solarfleet.models.simulation.backends import LocalProcesses
    for label, backend in (("", None), ("_processes", LocalProcesses(2))):
        _synthetic_member.cache_clear()
        t, cpu = time.perf_counter(), time.process_time()
        save_yield_study(store, yield_study(store, n_synthetic=args.members, backend=backend))
        study_s = time.perf_counter() - t
        write_report_pdf(store, tmp / "fleet_study.pdf", language="en")
        figures[f"fleet_report_with_study{label}_s"] = time.perf_counter() - t
        if backend is None:  # this process's CPU time: the wall time on an idle core (shared machines vary)
            figures["fleet_report_with_study_cpu_s"] = time.process_time() - cpu
        print(f"fleet report with a fresh study{' (study on 2 processes)' if label else ''}: "
              f"{figures[f'fleet_report_with_study{label}_s']:.2f} s (study {study_s:.2f} s)")
        if backend is not None:
            backend.close()
    store.close()
    print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
