"""The scaling model of docs/scaling.md: study time on W workers from measured per-task figures.

Run from the repository root::

    python tests/bench/scaling_model.py [--bench cluster_speed.json] [--store store_scale.json]

Without arguments it uses the figures measured for docs/scaling.md; give the JSON lines that
``tests/bench/cluster_speed.py`` and ``tests/bench/store_scale.py`` print (saved to files) to
recompute the model from a fresh measurement (e.g. on a quiet machine). The cluster is cut exactly
as :func:`solarfleet.models.simulation.backends.plan_batches` cuts it.

Model, per study of ``A`` array-years in ``P`` park-year tasks of ``a`` arrays, ``S`` synthetic
site-years, on ``W`` single-threaded workers::

    batches  = plan_batches(...)        (the real plan, on stand-in tasks)
    t_batch  = n·c + s + n·bytes/bw     (n array-years: compute + scheduler round trip + transfer)
    T_work   = busiest worker's sum of t_batch (each batch to the first free worker)
               + the site-years its batches touch · w
    T(W)     = T0(W) + max(T_work, B·s_sched, A/r_write if the run stores hourly series)
    speed-up = (A·c + S·w) / T(W)       (in-process: every array-year, each site-year once)

Prints one row per worker count and study, and ends with ONE JSON line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solarfleet.models.simulation.backends import plan_batches  # noqa: E402

#: Figures measured for docs/scaling.md (2-core shared machine; see the document for the load).
MEASURED = {
    "cpu_per_array_year": 0.34e-3,      # [s] in-process, quiet machine (issue 19: 2,901 array-years/s)
    "scheduler_round_trip": 1.9e-3,     # [s] per cluster task, client → scheduler → worker → client
    "scheduler_cpu_per_task": 1.0e-3,   # [s] serial scheduler work per task (Dask's documented order)
    "bytes_out_per_array_year": 112.0,  # [B] pickled tasks (park definition, options, seed)
    "bytes_back_summary": 33.0,         # [B] per array-year, energies only (P50/P90 members)
    "bytes_back_stored": 19400.0,       # [B] per array-year, a stored run's rows (AC at active hours)
    "site_year_seconds": 0.012,         # [s] one synthetic site-year on a warm worker
    "write_array_years_per_s": 2600.0,  # [1/s] the caller's SQLite writer (store_scale: 20,000 in 7.6 s)
    "bandwidth": 125e6,                 # [B/s] 1 Gbit/s network (assumed; loopback is faster)
    "start_seconds": 0.2,               # [s] version check and first submissions (assumed)
    "start_seconds_per_worker": 0.002,  # [s] per worker of the version check's round trip (assumed)
}


def plan(P: int, a: int, sites: int, W: int, stored: bool) -> list[int]:
    """Array-years per batch, as plan_batches cuts ``P`` park-year tasks of ``a`` arrays for ``W`` workers."""
    from types import SimpleNamespace
    parks = [SimpleNamespace(name=f"park {i}", latitude=20.0 + i % sites, longitude=110.0,
                             iter_arrays=lambda: range(a)) for i in range(P)]
    tasks = [SimpleNamespace(park=p, summary=not stored) for p in parks]
    return [len(b) * a for b in plan_batches(tasks, W)]


def makespan(durations: list, W: int) -> tuple[float, int]:
    """Finish time of the busiest worker when each batch goes to the first free one, and its batch count."""
    free = [(0.0, 0)] * W
    for d in durations:
        free.sort()
        t, n = free[0]
        free[0] = (t + d, n + 1)
    return max(free)


def study_time(m: dict, arrays: int, parks: int, years: int, sites: int, W: int, stored: bool = False) -> dict:
    """Model figures for one study on ``W`` workers (``W = 0``: in-process)."""
    A, P, a = arrays * years, parks * years, arrays // parks
    S = sites * years
    serial = A * m["cpu_per_array_year"] + S * m["site_year_seconds"]
    base = serial + (A / m["write_array_years_per_s"] if stored else 0.0)
    if W == 0:
        return {"workers": 0, "seconds": round(base, 2), "speedup": 1.0}
    batches = plan(P, a, sites, W, stored)
    back = m["bytes_back_stored"] if stored else m["bytes_back_summary"]
    per_batch = [ay * m["cpu_per_array_year"] + m["scheduler_round_trip"]
                 + ay * (m["bytes_out_per_array_year"] + back) / m["bandwidth"] for ay in batches]
    busiest, rounds = makespan(per_batch, W)
    # a worker makes each site-year its batches touch once (at most every one of them)
    work = busiest + min(S, rounds * max(1, max(batches) // a)) * m["site_year_seconds"]
    limits = {"workers": work, "scheduler": len(batches) * m["scheduler_cpu_per_task"],
              "writer": A / m["write_array_years_per_s"] if stored else 0.0}
    bound = max(limits, key=limits.get)
    t = m["start_seconds"] + m["start_seconds_per_worker"] * W + limits[bound]
    biggest = max(batches)
    t_batch = biggest * m["cpu_per_array_year"]
    overhead = (m["scheduler_round_trip"] + biggest * (m["bytes_out_per_array_year"] + back) / m["bandwidth"]) / t_batch
    return {"workers": W, "batches": len(batches), "array_years_per_batch": biggest,
            "batch_seconds": round(t_batch, 3), "task_overhead": round(overhead, 4), "seconds": round(t, 2),
            "speedup": round(base / t, 2), "efficiency": round(base / t / W, 2), "bound_by": bound}


def _from_json(m: dict, bench, store) -> dict:
    m = dict(m)
    if bench:
        fig = json.loads(Path(bench).read_text().strip().splitlines()[-1])
        m["cpu_per_array_year"] = fig["inprocess"]["cpu_seconds_per_1000_array_years"] / 1000
        best = max(fig["cluster"].values(), key=lambda f: f["speedup"])["per_task"]
        m["scheduler_round_trip"] = best["scheduler_ms_per_task"] / 1000
        m["bytes_out_per_array_year"] = best["bytes_out_per_cluster_task"] / best["array_years_per_cluster_task"]
        m["bytes_back_summary"] = best["bytes_back_per_cluster_task"] / best["array_years_per_cluster_task"]
    if store:
        fig = json.loads(Path(store).read_text().strip().splitlines()[-1])
        m["write_array_years_per_s"] = fig["arrays"] / fig["persist_seconds"]
    return m


STUDIES = {
    # name: (arrays, parks, years, distinct sites, stores hourly series)
    "P50/P90 20,000 × 10": (20000, 100, 10, 10, False),
    "200 MW, 20,000 arrays × 25 years": (20000, 100, 25, 10, False),
    "stored hourly run, 20,000 arrays": (20000, 100, 1, 10, True),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", help="a file holding cluster_speed.py's JSON line")
    ap.add_argument("--store", help="a file holding store_scale.py's JSON line")
    ap.add_argument("--workers", default="1,2,16,64,256")
    ap.add_argument("--study", help="arrays,parks,years,sites of one more summary study (e.g. a bench run's)")
    args = ap.parse_args(argv)
    m = _from_json(MEASURED, args.bench, args.store)
    studies = dict(STUDIES)
    if args.study:
        arrays, parks, years, sites = (int(x) for x in args.study.split(","))
        studies[f"{arrays:,} × {years} in {parks} parks"] = (arrays, parks, years, sites, False)
    out = {}
    for name, (arrays, parks, years, sites, stored) in studies.items():
        rows = [study_time(m, arrays, parks, years, sites, 0, stored)]
        rows += [study_time(m, arrays, parks, years, sites, int(w), stored) for w in args.workers.split(",")]
        print(f"\n{name}: in-process {rows[0]['seconds']} s")
        for r in rows[1:]:
            print(f"  {r['workers']:>4} workers: {r['batches']:>4} batches of {r['array_years_per_batch']:>6,} "
                  f"array-years ({r['batch_seconds']} s, overhead {100 * r['task_overhead']:.2f} %) → "
                  f"{r['seconds']:>7} s, ×{r['speedup']} (efficiency {r['efficiency']}), bound by {r['bound_by']}")
        out[name] = rows
    print(json.dumps({"bench": "scaling_model", "parameters": m, "studies": out}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
