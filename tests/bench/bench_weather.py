"""Benchmark: weather import, quality report, synthesis and storage, measured side by side.

Run: ``python tests/bench/bench_weather.py`` from the checkout. Ends with ONE JSON line of figures [s].
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from solarfleet.models.store import add_weather, import_fleet, load_weather, park_names


def timed(fn, repeat=3):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    import pvlib
    from solarfleet.models.store import open_store
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.weather.synthetic import synth_typical_year
    from solarfleet.models.weather.detect import read_weather
    from solarfleet.models.weather.measured import read_measured
    from solarfleet.models.weather.quality import quality_report

    shared = Path(__file__).resolve().parents[3] / "shared" / "weather" / "CHN_Beijing.Beijing.545110_CSWD.epw"
    epw = shared if shared.exists() else None
    tmy3 = os.path.join(os.path.dirname(pvlib.__file__), "data", "723170TYA.CSV")
    figures = {}
    if epw:
        figures["read_epw_s"], (data, meta) = timed(lambda: read_weather(epw))
    figures["read_tmy3_s"], (data3, meta3) = timed(lambda: read_weather(tmy3))
    figures["pvlib_read_tmy3_s"], _ = timed(lambda: pvlib.iotools.read_tmy3(tmy3, map_variables=True))
    figures["quality_report_8760_s"], _ = timed(lambda: quality_report(data3, meta3))
    figures["synth_typical_year_s"], (syn, smeta) = timed(
        lambda: synth_typical_year(39.8, 116.47, [70, 92, 129, 150, 165, 157, 148, 143, 112, 99, 73, 61], seed=1))
    with tempfile.TemporaryDirectory() as tmp:
        n = 31 * 24 * 60
        stamps = pd.date_range("2021-07-01", periods=n, freq="min")
        csv = Path(tmp) / "one_minute.csv"
        pd.DataFrame({"timestamp": stamps.strftime("%Y-%m-%d %H:%M"),
                      "ghi": np.random.default_rng(0).uniform(0, 900, n).round(1)}).to_csv(csv, index=False)
        figures["read_measured_1min_31d_s"], (m1, mm1) = timed(
            lambda: read_measured(csv, {"tz": "Asia/Shanghai"}, latitude=39.8, longitude=116.47), repeat=1)
        figures["quality_report_1min_31d_s"], rep1 = timed(lambda: quality_report(m1, mm1), repeat=1)
        store = open_store(Path(tmp) / "bench.db")
        import_fleet(store, demo_fleet())
        park = park_names(store)[0]
        figures["store_add_8760_s"], wid = timed(lambda: add_weather(store, park, syn, smeta, {}), repeat=3)
        figures["store_load_8760_s"], _ = timed(lambda: load_weather(store, wid))
        figures["store_add_1min_31d_s"], wid1 = timed(lambda: add_weather(store, park, m1, mm1, rep1), repeat=1)
        figures["store_load_1min_31d_s"], _ = timed(lambda: load_weather(store, wid1))
        blob = store.db.execute("SELECT sum(length(data)) FROM weather_series WHERE weather_id = ?", [wid]).fetchone()
        figures["stored_bytes_8760_synthetic"] = int(blob[0])
        store.close()
    for k, v in figures.items():
        print(f"{k:32s} {v:.4f}" if isinstance(v, float) else f"{k:32s} {v}")
    print(json.dumps({"bench": "weather", **{k: round(v, 4) if isinstance(v, float) else v
                                             for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
