"""Single-diode chain against NREL's PySAM Pvsamv1 (SAM's detailed model): prints every case and
ends with one JSON line. Sibling of sam_validation.py (PVWatts v8); figures in docs/validation.md.

Run from the repository root::

    python tests/bench/sam_detailed_validation.py [--cases 60] [--seed 14] [--plot docs/validation_detailed_monthly.png]

Each case also runs with the cover modelled without its anti-reflective coating
(``aoi_model='desoto'``, the engine's single-diode default before this comparison) to show the
size of that term.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "models"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
import sam_oracle as so  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=60)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--plot", default=str(ROOT / "docs" / "validation_detailed_monthly.png"))
    args = ap.parse_args()
    shared = Path(args.shared)
    weather = {n: so.read_weather(shared, n) for n in so.HOURLY_FILES}
    tmp = Path(tempfile.mkdtemp())
    files = {n: so.write_hour_average_csv(*weather[n], tmp / f"{i}.csv") for i, n in enumerate(weather)}
    annual, monthly, uncoated, rows = [], [], [], []
    started = time.perf_counter()
    for cfg in so.random_cec_configs(args.cases, args.seed):
        data, meta = weather[cfg.file]
        ours = so.ours_cec(cfg, data, meta)
        sam = so.sam_cec(cfg, shared, data, meta, resource=files[cfg.file])
        plain = so.ours_cec(cfg, data, meta, SimulationOptions(aoi_model="desoto"))
        rows.append({"ours": ours, "sam": sam})
        annual.append(ours.sum() / sam.sum() - 1)
        monthly.append(ours / sam - 1)
        uncoated.append(plain.sum() / sam.sum() - 1)
        print(f"{cfg.file[:14]:14s} {cfg.module[:22]:22s} tilt {cfg.tilt:5.1f} az {cfg.azimuth:5.1f} "
              f"{cfg.mounting:14s} h {cfg.roof_height:4.1f} m  dc/ac "
              f"{cfg.modules_per_string * cfg.strings * _stc(cfg.module) / _paco(cfg.inverter):.2f}  "
              f"annual {annual[-1]:+.3%}  worst month {np.abs(monthly[-1]).max():.3%}  (uncoated {uncoated[-1]:+.3%})")
    annual, monthly, uncoated = np.array(annual), np.array(monthly), np.array(uncoated)
    seconds = time.perf_counter() - started
    from sam_validation import _plot
    _plot(rows, args.plot, oracle="PySAM Pvsamv1 (CEC module, Sandia inverter)", tolerance=2.0)
    print(json.dumps({"cases": len(annual), "annual_mean": float(annual.mean()),
                      "annual_worst": float(np.abs(annual).max()),
                      "annual_within_1pct": int((np.abs(annual) <= 0.01).sum()),
                      "month_worst": float(np.abs(monthly).max()),
                      "months_within_2pct": int((np.abs(monthly) <= 0.02).sum()), "months": int(monthly.size),
                      "uncoated_annual_mean": float(uncoated.mean()), "seconds": seconds, "plot": args.plot}))
    return 0


def _stc(module):
    from solarfleet.models.simulation import catalog
    return catalog.module_stc(module)


def _paco(inverter):
    from solarfleet.models.simulation import catalog
    return catalog.inverter_paco(inverter)


if __name__ == "__main__":
    raise SystemExit(main())
