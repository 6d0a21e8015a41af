"""Benchmark/measurement: a climate pack's typical year against the three CSWD files in ../shared/weather/.

For Beijing, Shanghai and Chengdu (CSWD EPW typical years, China Meteorological Bureau / Tsinghua) it
interpolates the pack's monthly climate at the station, synthesises the typical year SolarFleet would use
offline (:func:`solarfleet.models.weather.climate_pack.pack_typical_year` without the CSWD precedence) and
compares annual and monthly GHI with the file: bias [%] and monthly RMS difference [%]. It also times the
offline interpolation + synthesis. Ends with one JSON line.

The pack must come from an online machine (``solarfleet-cli weather pack prepare NAME --bbox 29,42,103,123``
then ``weather pack export``); without ``--pack`` the script says that the satellite bias was not measured.

Run from the repository root:  python tests/bench/climate_pack_bias.py --pack FILE
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solarfleet.models.store import open_store  # noqa: E402
from solarfleet.models.weather import read_epw  # noqa: E402
from solarfleet.models.weather.quality import monthly_sums  # noqa: E402

SHARED = Path(__file__).resolve().parents[3] / "shared" / "weather"
STATIONS = {"Beijing": "CHN_Beijing.Beijing.545110_CSWD.epw", "Shanghai": "CHN_Shanghai.Shanghai.583620_CSWD.epw",
            "Chengdu": "CHN_Sichuan.Chengdu.562940_CSWD.epw"}


def compare(store, name: str, path: Path) -> dict:
    from solarfleet.models.weather.climate_pack import pack_climate_at
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, meta = read_epw(path)
    cswd = monthly_sums(data, meta).to_numpy() / 1000.0
    t0 = time.perf_counter()
    pc = pack_climate_at(store, meta["latitude"], meta["longitude"])
    if pc is None:
        return {"station": name, "covered": False}
    year, ymeta = synth_typical_year(meta["latitude"], meta["longitude"], list(pc.monthly_ghi), tz="Asia/Shanghai",
                                     monthly_temp_air=pc.monthly_temp_air and list(pc.monthly_temp_air))
    seconds = time.perf_counter() - t0
    pack = monthly_sums(year, ymeta).to_numpy() / 1000.0
    rel = (pack - cswd) / cswd
    return {"station": name, "covered": True, "cswd_annual_kwh_m2": round(float(cswd.sum()), 1),
            "pack_annual_kwh_m2": round(float(pack.sum()), 1),
            "annual_bias_pct": round(100 * float(pack.sum() / cswd.sum() - 1), 1),
            "monthly_rms_pct": round(100 * float(np.sqrt(np.mean(rel ** 2))), 1),
            "cells": pc.cells, "nearest_km": round(pc.nearest_km, 1), "seconds": round(seconds, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", type=Path, help="a climate pack file (weather pack export)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"no CSWD files at {SHARED}")
        print(json.dumps({"measured": False, "reason": "no ../shared/weather"}))
        return 1
    if args.pack is None:
        print("No climate pack given: the satellite bias against CSWD was NOT measured.")
        print("Prepare one online (weather pack prepare NAME --bbox 29,42,103,123), export it, pass --pack FILE.")
        print(json.dumps({"measured": False, "reason": "no pack file"}))
        return 0
    from solarfleet.models.weather.climate_pack import import_climate_pack
    with open_store(":memory:") as store:
        import_climate_pack(store, args.pack)
        rows = [compare(store, n, SHARED / f) for n, f in STATIONS.items()]
    for r in rows:
        if r["covered"]:
            print(f"{r['station']:9s} CSWD {r['cswd_annual_kwh_m2']:7.1f}  pack {r['pack_annual_kwh_m2']:7.1f} kWh/m²  "
                  f"bias {r['annual_bias_pct']:+5.1f} %  monthly RMS {r['monthly_rms_pct']:4.1f} %  "
                  f"({r['cells']} cells, nearest {r['nearest_km']} km, {r['seconds']} s)")
        else:
            print(f"{r['station']:9s} not covered by the pack")
    print(json.dumps({"measured": True, "pack": str(args.pack), "stations": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
