"""Benchmark: the carbon ledger of the demo fleet (9 parks, a year at 60 min) from a real simulation run.

Measures :func:`solarfleet.models.energy.ledger.build_ledger` (balance of every park + monthly ledger), a
what-if on one park (:func:`solarfleet.models.energy.carbon_targets.what_if`) and the fleet trajectory to
2060, each the best of 5. Ends with one JSON line of figures.

Run from the repository root:  python tests/bench/carbon_ledger.py
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix="solarfleet-bench-carbon-")


def best(f, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> int:
    from solarfleet.app.cli import main as cli
    from solarfleet.models.energy.carbon_targets import CarbonTarget, trajectory, what_if
    from solarfleet.models.energy.ledger import build_ledger
    from solarfleet.models.store import latest_park_ac, open_store
    db = Path(os.environ["SOLARFLEET_DATA_DIR"]) / "bench.db"
    if cli(["--db", str(db), "simulate"]) != 0:
        return 1
    store = open_store(db)
    t_ledger, led = best(lambda: build_ledger(store, lambda p: latest_park_ac(store, p.name)[0]))
    t_whatif, w = best(lambda: what_if(led, "Gu'an Asia No.1 (Langfang)", 5e6))
    target = CarbonTarget(None, 2026, 30, 2035, 2060)
    t_traj, tr = best(lambda: trajectory(led, None, target))
    store.close()
    print(f"ledger of {len(led.park_names)} parks × {led.monthly['month'].nunique()} months: {t_ledger:.3f} s")
    print(f"what-if on one park (re-balance + ledger): {t_whatif:.3f} s")
    print(f"fleet trajectory {tr.index[0]}–{tr.index[-1]}: {t_traj:.3f} s")
    print(json.dumps({"bench": "carbon_ledger", "parks": len(led.park_names), "ledger_s": round(t_ledger, 4),
                      "what_if_s": round(t_whatif, 4), "trajectory_s": round(t_traj, 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
