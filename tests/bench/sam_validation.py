"""Full-size validation against NREL's PySAM (PVWatts v8, or v5 with ``--version 5``): prints
per-case figures, writes the monthly-agreement plot for docs/validation.md, ends with one JSON line.

Run from the repository root::

    python tests/bench/sam_validation.py [--cases 200] [--seed 14] [--plot docs/validation_monthly.png]
    python tests/bench/sam_validation.py --version 5 [--cases 200] [--seed 15]
    python tests/bench/sam_validation.py --los-angeles [--cases 24]

``--version 5`` runs the engine with ``engine.PVWATTS5_CHOICES`` and v5's standard module
(γ = −0.47 %/°C) against ``Pvwattsv5``. ``--los-angeles`` compares PVWatts v8 on SAM's 15-minute
Los Angeles file, given to SAM as the original file (instantaneous at the interval centres).

Each case runs twice on SAM's side: with the weather as SAM reads the original file (PSM3 CSVs:
instantaneous at minute 30; EPW: the reader's data stamped at minute 30) and with the same data
as an hour-average file (SAM's sunrise/sunset convention, the engine's default).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "models"))
import sam_oracle as so  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--plot", default=None, help="default docs/validation_monthly.png (v5: _v5_monthly.png)")
    ap.add_argument("--version", type=int, choices=(5, 8), default=8)
    ap.add_argument("--los-angeles", action="store_true", help="the 15-minute Los Angeles file (PVWatts v8)")
    args = ap.parse_args()
    shared = Path(args.shared)
    if args.los_angeles:
        return _los_angeles(args, shared)
    if args.version == 5:
        return _v5(args, shared)
    args.plot = args.plot or str(ROOT / "docs" / "validation_monthly.png")
    weather = {n: so.read_weather(shared, n) for n in so.HOURLY_FILES}
    tmp = Path(tempfile.mkdtemp())
    hourly_files = {n: so.write_hour_average_csv(*weather[n], tmp / f"{i}.csv") for i, n in enumerate(weather)}
    rows = []
    for cfg in so.random_configs(args.cases, args.seed):
        data, meta = weather[cfg.file]
        ours = so.ours_pvwatts(cfg, data, meta)
        same = so.sam_pvwatts(cfg, shared, data, meta, resource=hourly_files[cfg.file])
        native = so.sam_pvwatts(cfg, shared, data, meta)
        rows.append({"cfg": cfg, "ours": ours, "sam": same, "sam_native": native})
        print(f"{cfg.file[:14]:14s} tilt {cfg.tilt:5.1f} az {cfg.azimuth:5.1f} {cfg.mounting:11s} dc/ac "
              f"{cfg.dc_ac_ratio:.2f} loss {cfg.losses:5.2f} soil {'y' if cfg.soiling else 'n'}  "
              f"annual {ours.sum() / same.sum() - 1:+.3%} (file convention {ours.sum() / native.sum() - 1:+.3%})")
    annual = np.array([r["ours"].sum() / r["sam"].sum() - 1 for r in rows])
    native = np.array([r["ours"].sum() / r["sam_native"].sum() - 1 for r in rows])
    monthly = np.array([r["ours"] / r["sam"] - 1 for r in rows])
    _plot(rows, args.plot)
    result = {"cases": len(rows), "annual_mean": float(annual.mean()), "annual_worst": float(np.abs(annual).max()),
              "annual_within_0_5pct": int((np.abs(annual) <= 0.005).sum()),
              "month_worst": float(np.abs(monthly).max()),
              "months_within_1_5pct": int((np.abs(monthly) <= 0.015).sum()), "months": int(monthly.size),
              "file_convention_annual_mean": float(native.mean()),
              "file_convention_annual_worst": float(np.abs(native).max()), "plot": args.plot}
    print(json.dumps(result))
    return 0


def _summary(rows, plot) -> dict:
    annual = np.array([r["ours"].sum() / r["sam"].sum() - 1 for r in rows])
    monthly = np.array([r["ours"] / r["sam"] - 1 for r in rows])
    return {"cases": len(rows), "annual_mean": float(annual.mean()), "annual_worst": float(np.abs(annual).max()),
            "annual_within_0_5pct": int((np.abs(annual) <= 0.005).sum()),
            "month_worst": float(np.abs(monthly).max()),
            "months_within_1_5pct": int((np.abs(monthly) <= 0.015).sum()), "months": int(monthly.size), "plot": plot}


def _print_case(cfg, ours, sam) -> None:
    print(f"{cfg.file[:14]:14s} tilt {cfg.tilt:5.1f} az {cfg.azimuth:5.1f} {cfg.mounting:11s} dc/ac "
          f"{cfg.dc_ac_ratio:.2f} loss {cfg.losses:5.2f}  annual {ours.sum() / sam.sum() - 1:+.3%}  "
          f"worst month {np.abs(ours / sam - 1).max():.3%}")


def _v5(args, shared: Path) -> int:
    """PVWatts v5: the engine with PVWATTS5_CHOICES against Pvwattsv5, hour-average files on SAM's side."""
    plot = args.plot or str(ROOT / "docs" / "validation_v5_monthly.png")
    weather = {n: so.read_weather(shared, n) for n in so.HOURLY_FILES}
    tmp = Path(tempfile.mkdtemp())
    files = {n: so.write_hour_average_csv(*weather[n], tmp / f"{i}.csv") for i, n in enumerate(weather)}
    options, rows = so.pvwatts5_options(), []
    for cfg in so.random_v5_configs(args.cases, args.seed):
        data, meta = weather[cfg.file]
        ours = so.ours_pvwatts(cfg, data, meta, options)
        sam = so.sam_pvwatts(cfg, shared, data, meta, version=5, resource=files[cfg.file])
        rows.append({"cfg": cfg, "ours": ours, "sam": sam})
        _print_case(cfg, ours, sam)
    _plot(rows, plot, oracle="PySAM PVWatts v5")
    print(json.dumps({"oracle": "Pvwattsv5", **_summary(rows, plot)}))
    return 0


def _los_angeles(args, shared: Path) -> int:
    """PVWatts v8 on the 15-minute Los Angeles file, SAM reading the original file."""
    name = so.LOS_ANGELES
    data, meta = so.read_weather(shared, name)
    rows = []
    for cfg in so.random_configs(args.cases, args.seed, files=(name,)):
        ours = so.ours_pvwatts(cfg, data, meta)
        sam = so.sam_pvwatts(cfg, shared, data, meta)
        rows.append({"cfg": cfg, "ours": ours, "sam": sam})
        _print_case(cfg, ours, sam)
    print(json.dumps({"oracle": "Pvwattsv8", "file": name, **_summary(rows, None)}))
    return 0


def _plot(rows, path, oracle: str = "PySAM PVWatts v8", tolerance: float = 1.5):
    """Two panels with pyqtgraph, rendered offscreen to PNG (no matplotlib in the environment)."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
    sam = np.concatenate([r["sam"] for r in rows]) / 1000
    ours = np.concatenate([r["ours"] for r in rows]) / 1000
    win = pg.GraphicsLayoutWidget()
    win.resize(1100, 450)
    a = win.addPlot(title=f"{len(rows)} arrays × 12 months: monthly AC [MWh]")
    a.setLabel("bottom", f"{oracle} [MWh]")
    a.setLabel("left", "SolarFleet [MWh]")
    a.plot(sam, ours, pen=None, symbol="o", symbolSize=4, symbolBrush=(31, 119, 180))
    hi = float(max(sam.max(), ours.max()))
    a.plot([0, hi], [0, hi], pen=pg.mkPen("k", width=1))
    b = win.addPlot(title=f"monthly difference, SolarFleet / SAM − 1 [%] (red: ±{tolerance:g} %)")
    months = np.tile(np.arange(1, 13), len(rows)) + np.random.default_rng(0).uniform(-0.25, 0.25, sam.size)
    b.plot(months, (ours / sam - 1) * 100, pen=None, symbol="o", symbolSize=4, symbolBrush=(31, 119, 180))
    for y in (tolerance, -tolerance):
        b.addLine(y=y, pen=pg.mkPen("r", width=1))
    b.setLabel("bottom", "month")
    b.setYRange(-tolerance - 0.5, tolerance + 0.5)
    win.show()  # laid out as shown: an unshown scene exports without its bottom axes
    for _ in range(5):
        app.processEvents()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(path))
    win.close()


if __name__ == "__main__":
    raise SystemExit(main())
