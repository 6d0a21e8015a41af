"""Benchmark: a fleet-year of 1,000 arrays across 10 parks, against pvlib's ModelChain loop and PySAM.

Run from the repository root::

    python tests/bench/fleet_speed.py [--arrays 1000] [--parks 10] [--sample 20] [--no-cec] [--no-store] [--profile]

Prints the figures as it goes and ends with ONE JSON line. Measured side by side in one run, each
engine figure the best of 3 runs after a warm-up (imports, catalog, JIT), wall time and its CPU time:

* two fleets: **shared roofs** (arrays on a roof share its plane: 100 planes) and **own planes**
  (every array its own tilt 1–35° and azimuth 90–270°: 1,000 planes, many different buildings);
* ``seconds`` / ``own_plane_mc_seconds``: ModelChain's choices (PVWatts v5 DC and inverter, Perez,
  physical IAM on the beam, SAPM), the chain the ModelChain loop computes;
* ``shared_seconds`` / ``own_plane_seconds``: the default physics (PVWatts v8 chain: cover IAM on beam
  and diffuse, spectral modifier, NOCT-form temperature, sunlit sun position);
* ``cec_seconds`` / ``cec_own_plane_seconds``: every array on the CEC single-diode model (CEC modules,
  Sandia inverters), default physics;
* ``modelchain_seconds_per_array_year``: a per-array ``ModelChain.run_model`` loop on a sample of the
  own-plane arrays (mean); ``ratio`` / ``own_plane_mc_ratio``: sample-extrapolated ModelChain time over
  ours with the same choices; ``own_plane_modelchain_ratio``: over ours with the default physics;
* ``pysam_seconds_per_array_year``: PySAM's ``Pvwattsv8`` per array-year on the same sample (when PySAM
  is installed), and ``own_plane_pysam_ratio`` = PySAM's fleet time over ``own_plane_seconds``;
* ``save_seconds`` / ``read_park_seconds``: persisting the run into a temp SQLite file and reading one
  park's year of hourly AC back;
* ``--profile``: after the timings, a cProfile of one run of each fleet (default physics), the
  20 functions with the most own time, to see where the time goes now;
* ``peak_mb``: peak resident memory of the process (``ru_maxrss``), ``backend``: ``numba`` or ``numpy``
  (``SOLARFLEET_KERNELS=numpy`` forces the fallback), ``load_average_1min`` to read wall times on a
  shared machine (the CPU times are less sensitive to it).

The fleet is realistic in shape: each park has 10 roofs; arrays differ in size, racking, monthly
soiling, availability, commissioning and inverter sizing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))  # tests/models/sim_reference.py

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions, simulate_fleet  # noqa: E402
from solarfleet.models.store import import_fleet, load_run_ac, save_run

CITIES = [("Beijing", 39.9, 116.4), ("Shanghai", 31.2, 121.5), ("Guangzhou", 23.1, 113.3),
          ("Chengdu", 30.7, 104.1), ("Xi'an", 34.3, 108.9), ("Wuhan", 30.6, 114.3),
          ("Shenyang", 41.8, 123.4), ("Kunming", 25.0, 102.7), ("Harbin", 45.8, 126.6), ("Urumqi", 43.8, 87.6)]
MODULE = "Jinko_Solar_Co___Ltd_JKM340M_72"
INVERTER = "Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_"


def build_fleet(n_arrays: int, n_parks: int, cec: bool, seed: int = 0, own_planes: bool = False) -> Fleet:
    """The benchmark fleet; ``own_planes`` gives every array its own tilt (1–35°) and azimuth
    (90–270°), a portfolio of many different buildings, instead of its roof's plane."""
    rng = np.random.default_rng(seed)
    plane = np.random.default_rng(seed + 1)
    parks = []
    per_park = n_arrays // n_parks
    for p in range(n_parks):
        name, lat, lon = CITIES[p % len(CITIES)]
        roofs = []
        per_roof = [per_park // 10 + (1 if r < per_park % 10 else 0) for r in range(10)]
        for r in range(10):
            flat = r % 3 == 0
            tilt = float(rng.choice([10, 15, 20, 25, 30])) if flat else float(rng.uniform(2, 12))
            az = float(rng.choice([180, 170, 190, 90, 270])) if not flat else 180.0
            arrays = []
            for a in range(per_roof[r]):
                common = dict(racking="open_rack" if flat else "close_mount",
                              gcr=0.4 if flat else None,
                              losses=Losses(soiling=tuple(rng.uniform(1, 5, 12).round(1)),
                                            availability=float(rng.uniform(1, 3))),
                              degradation=0.5, commissioned=f"{2018 + a % 5}-06-30")
                if own_planes:
                    common.update(surface_tilt=float(plane.uniform(1, 35)), surface_azimuth=float(plane.uniform(90, 270)))
                if cec:
                    arrays.append(Array(f"A{a}", dc_model="cec", module=MODULE, modules_per_string=20,
                                        strings=int(rng.integers(5, 40)), inverter_model="cec",
                                        inverter=INVERTER, inverters=int(rng.integers(1, 4)), **common))
                else:
                    arrays.append(Array(f"A{a}", pdc0=float(rng.uniform(50e3, 500e3)),
                                        dc_ac_ratio=float(rng.uniform(1.05, 1.4)), **common))
            roofs.append(Roof(f"Roof {r}", roof_type="flat" if flat else "pitched", surface_tilt=tilt,
                              surface_azimuth=az, arrays=tuple(arrays)))
        parks.append(Park(f"{name} park {p}", latitude=lat, longitude=lon, altitude=50.0, roofs=tuple(roofs)))
    return Fleet(tuple(parks))


def weather_year(park, year=2023):
    times = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq="h", tz=park.tz,
                          inclusive="left").tz_convert("UTC")
    cs = park.to_location().get_clearsky(times + pd.Timedelta(minutes=30))
    rng = np.random.default_rng(zlib.crc32(park.name.encode()))  # the same weather in every process
    k = np.clip(np.repeat(rng.uniform(0.3, 1.0, 370), 24)[:len(times)], 0, 1)
    data = pd.DataFrame({"ghi": cs["ghi"].to_numpy() * k, "dni": cs["dni"].to_numpy() * k ** 2,
                         "dhi": cs["dhi"].to_numpy() * (2 - k), "temp_air": 15 + 10 * rng.random(len(times)),
                         "wind_speed": 1 + 3 * rng.random(len(times))}, index=times)
    meta = {"interval_minutes": 60, "label": "start", "source": "bench clear sky", "kind": "synthetic",
            "year": year}
    return data, meta


def run_engine(fleet, weather, options):
    return list(simulate_fleet(fleet, lambda p: weather[p.name], options))


def time_engine(fleet, weather, options, repeats: int = 3) -> tuple[float, float, list]:
    """``(best wall time [s], its CPU time [s], results)`` of ``repeats`` runs after a warm-up."""
    results = run_engine(fleet, weather, options)  # warm-up: imports, catalog, caches, JIT
    best = (float("inf"), 0.0)
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        results = run_engine(fleet, weather, options)
        best = min(best, (time.perf_counter() - t0, time.process_time() - c0))
    return best[0], best[1], results


def sam_resource(park, data) -> dict:
    """The bench weather as PySAM's ``solar_resource_data`` (local standard time, minute 30)."""
    offset = pd.Timestamp("2023-01-01", tz=park.tz).utcoffset() / pd.Timedelta(hours=1)
    local = data.index + pd.Timedelta(hours=offset)
    return {"lat": park.latitude, "lon": park.longitude, "tz": offset, "elev": park.altitude,
            "year": list(local.year), "month": list(local.month), "day": list(local.day),
            "hour": list(local.hour), "minute": [30] * len(local),
            "dn": data["dni"].tolist(), "df": data["dhi"].tolist(), "gh": data["ghi"].tolist(),
            "tdry": data["temp_air"].tolist(), "wspd": data["wind_speed"].tolist()}


def pysam_per_array_year(pairs, weather, sample: int):
    """Mean wall time of PySAM's ``Pvwattsv8`` for one array-year [s] (``None`` without PySAM)."""
    try:
        import PySAM.Pvwattsv8 as pv
    except ImportError:
        return None
    resources = {}
    pick = np.linspace(0, len(pairs) - 1, min(sample, len(pairs))).astype(int)
    total = 0.0
    for k, i in enumerate(pick):
        park, roof, array = pairs[i]
        res = resources.setdefault(park.name, sam_resource(park, weather[park.name][0]))
        t0 = time.perf_counter()
        m = pv.default("PVWattsNone")
        m.SolarResource.solar_resource_data = res
        sd = m.SystemDesign
        sd.system_capacity = array.pdc0 / 1000.0
        sd.tilt, sd.azimuth = array.tilt_on(roof), array.azimuth_on(roof)
        sd.array_type = 0 if array.racking == "open_rack" else 1
        sd.dc_ac_ratio, sd.losses, sd.gcr = array.dc_ac_ratio, 14.0, array.gcr or 0.3
        m.execute()
        if k:  # the first run is a warm-up (library load)
            total += time.perf_counter() - t0
    return total / max(1, len(pick) - 1)


def profile(shared, own, weather, options) -> None:
    """Print the functions with the most own time in one run of each fleet."""
    import cProfile
    import pstats
    for label, fl in (("shared roofs", shared), ("own planes", own)):
        prof = cProfile.Profile()
        prof.runcall(run_engine, fl, weather, options)
        print(f"--- profile, {label}, default physics (cProfile adds overhead to Python calls) ---")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(20)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arrays", type=int, default=1000)
    ap.add_argument("--parks", type=int, default=10)
    ap.add_argument("--sample", type=int, default=20, help="arrays run through ModelChain and PySAM")
    ap.add_argument("--no-cec", action="store_true", help="skip the single-diode runs")
    ap.add_argument("--no-store", action="store_true", help="skip the save/read timing")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each fleet (default physics)")
    args = ap.parse_args(argv)

    fleet = build_fleet(args.arrays, args.parks, cec=False)
    own = build_fleet(args.arrays, args.parks, cec=False, own_planes=True)
    n = sum(1 for p in fleet.parks for _ in p.iter_arrays())
    weather = {p.name: weather_year(p) for p in fleet.parks}
    from solarfleet.models.simulation.engine import MODELCHAIN_CHOICES
    mc_options = SimulationOptions(**MODELCHAIN_CHOICES)  # the chain the ModelChain loop computes
    default = SimulationOptions()  # PVWatts v8 with every issue-14 step on
    fig = {}

    def report(label, key, fl, opts):
        seconds, cpu, res = time_engine(fl, weather, opts)
        fig[key], fig[key.replace("seconds", "cpu_seconds")] = seconds, cpu
        print(f"engine, {label}: {n} array-years in {seconds:.3f} s (CPU {cpu:.3f} s)", flush=True)
        return res

    results = report("shared roofs, ModelChain's choices", "seconds", fleet, mc_options)
    report("own planes, ModelChain's choices", "own_plane_mc_seconds", own, mc_options)
    report("shared roofs, default physics (PVWatts v8 chain)", "shared_seconds", fleet, default)
    report("own planes, default physics (PVWatts v8 chain)", "own_plane_seconds", own, default)
    if args.profile:
        profile(fleet, own, weather, default)

    # pvlib ModelChain, one array at a time, same choices (sample spread over the parks)
    from sim_reference import modelchain_ac
    pairs = [(p, r, a) for p in own.parks for r, a in p.iter_arrays()]
    pick = np.linspace(0, len(pairs) - 1, min(args.sample, len(pairs))).astype(int)
    modelchain_ac(*pairs[0], weather[pairs[0][0].name][0])  # warm-up
    t0 = time.perf_counter()
    for i in pick:
        park, roof, array = pairs[i]
        modelchain_ac(park, roof, array, weather[park.name][0])
    mc_per = (time.perf_counter() - t0) / len(pick)
    ratio = mc_per * n / fig["seconds"]
    ratio_own = mc_per * n / fig["own_plane_mc_seconds"]
    print(f"ModelChain loop: {mc_per:.4f} s per array-year (sample of {len(pick)}); {mc_per * n:.1f} s for the "
          f"fleet; engine (same choices) is {ratio:.0f}× faster on shared roofs, {ratio_own:.0f}× on own planes",
          flush=True)
    sam_per = pysam_per_array_year(pairs, weather, args.sample)
    ratio_sam = None if sam_per is None else sam_per * n / fig["own_plane_seconds"]
    if sam_per is not None:
        print(f"PySAM Pvwattsv8: {sam_per:.4f} s per array-year; engine (default physics, own planes) is "
              f"{ratio_sam:.0f}× faster", flush=True)

    if not args.no_cec:
        report("CEC single-diode + Sandia, shared roofs", "cec_seconds", build_fleet(args.arrays, args.parks, cec=True),
               default)
        report("CEC single-diode + Sandia, own planes", "cec_own_plane_seconds",
               build_fleet(args.arrays, args.parks, cec=True, own_planes=True), default)

    save_seconds = read_seconds = None
    if not args.no_store:
        from solarfleet.models.simulation.engine import run_metadata
        from solarfleet.models.store import open_store
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.db")
            import_fleet(store, fleet)
            t0 = time.perf_counter()
            meta = run_metadata(fleet, mc_options, time.time(), fig["seconds"], note="benchmark")
            run_id = save_run(store, meta, results)
            save_seconds = time.perf_counter() - t0
            store.close()
            store = open_store(Path(tmp) / "bench.db")
            name = fleet.parks[len(fleet.parks) // 2].name
            t0 = time.perf_counter()
            ac = load_run_ac(store, run_id, name)
            read_seconds = time.perf_counter() - t0
            size_mb = os.path.getsize(Path(tmp) / "bench.db") / 1e6
            store.close()
        print(f"store: saved {n}×{len(results[0].ac)} run in {save_seconds:.3f} s ({size_mb:.1f} MB); "
              f"read one park ({ac.shape[1]} arrays) in {read_seconds * 1000:.1f} ms", flush=True)

    from solarfleet.models.simulation import kernels
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    out = {"array_years": n, "parks": len(fleet.parks), "backend": kernels.backend()}
    out.update({k: round(v, 4) for k, v in fig.items()})
    out.update({"default_seconds": round(fig["shared_seconds"], 4),
                "modelchain_seconds_per_array_year": round(mc_per, 4), "ratio": round(ratio, 1),
                "own_plane_mc_ratio": round(ratio_own, 1),
                "own_plane_modelchain_ratio": round(mc_per * n / fig["own_plane_seconds"], 1),
                "pysam_seconds_per_array_year": None if sam_per is None else round(sam_per, 4),
                "own_plane_pysam_ratio": None if ratio_sam is None else round(ratio_sam, 1),
                "peak_mb": round(peak_mb, 1),
                "save_seconds": None if save_seconds is None else round(save_seconds, 3),
                "read_park_seconds": None if read_seconds is None else round(read_seconds, 4),
                "engine_cpu_seconds": round(fig["cpu_seconds"], 4), "sample": int(len(pick)),
                "cores": os.cpu_count(),
                "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
                "targets": {"own_plane_seconds": 0.3, "shared_seconds": 0.15, "cec_own_plane_seconds": 3.0,
                            "peak_mb": 1024}})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
