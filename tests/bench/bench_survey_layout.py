"""Benchmark: how fast a roof is laid out and turned into a Park (the instant estimate's first step).

Run: ``python tests/bench/bench_survey_layout.py``. Prints a table, then ONE JSON line with the figures.
Target: a layout plus Park conversion well under 0.1 s for a typical warehouse roof, so the
instant estimate (layout + simulation) can update within a second of a change.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solarfleet.models.survey.layout import layout_roof  # noqa: E402
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey, survey_to_park  # noqa: E402

MODULE = "Trina_Solar_TSM_360DE14A_II_"


def best_of(fn, n=5):
    times = []
    result = None
    for _ in range(n):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    from solarfleet.models.simulation import catalog
    catalog.modules()  # load the CEC database once, as the app does at start
    keepouts = tuple(KeepOut(10 + 25 * i, 8 + 17 * j, 3, 3, clearance=0.5) for i in range(8) for j in range(4))
    cases = {
        "rect_40x20": RoofSurvey.rectangle("R", 40, 20, module=MODULE, module_tilt=20, setback=1),
        "warehouse_200x80_32_keepouts": RoofSurvey.rectangle("W", 200, 80, module=MODULE, module_tilt=10,
                                                             setback=1.5, keepouts=keepouts),
        "hub_400x250": RoofSurvey.rectangle("H", 400, 250, module=MODULE, module_tilt=10, setback=2),
        "l_shape_pitched": RoofSurvey("L", [(0, 0), (120, 0), (120, 40), (40, 40), (40, 120), (0, 120)],
                                      roof_type="pitched", surface_tilt=15, module=MODULE, setback=1),
    }
    figures = {}
    for name, roof in cases.items():
        t, lay = best_of(lambda: layout_roof(roof, 31.38))
        figures[name] = {"seconds": round(t, 5), "modules": lay.count, "kwp": round(lay.kwp, 1)}
        print(f"{name:32s} {t * 1000:8.2f} ms  {lay.count:6d} modules  {lay.kwp:9.1f} kWp")
    site = SiteSurvey("Bench", 31.38, 121.25, roofs=tuple(cases.values()))
    t, park = best_of(lambda: survey_to_park(site))
    print(f"{'survey_to_park (4 roofs)':32s} {t * 1000:8.2f} ms  {park.dc_capacity / 1000:,.1f} kWp")
    figures["survey_to_park_4_roofs_seconds"] = round(t, 5)
    print(json.dumps({"benchmark": "survey_layout", **figures}))


if __name__ == "__main__":
    main()
