"""Benchmark: Survey tab latency, edit → estimate shown, through the real widgets, controller and worker.

Run: ``python tests/bench/survey_latency.py``. Offscreen, temp database, no network needed.
Measures, side by side in one run:

* ``cold``: the first estimate of a new site (synthetic year generated, ~0.7 s of it);
* ``geometry``: edits of the roof length / setback / keep-outs / tilt (weather from the cache);
* ``shading``: an obstacle added;
* ``compute``: :func:`solarfleet.models.survey.estimate.estimate_survey` alone with the cached year.

Every latency includes the 250 ms debounce. Target: under 1 s for every geometry or shading edit.
Prints a table, then ONE JSON line with the figures.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SOLARFLEET_DATA_DIR"] = tempfile.mkdtemp(prefix="solarfleet-bench-")


def main() -> dict:
    import solarfleet.widgets as widgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.gui.session import open_session
    from solarfleet.app.gui.survey_controller import SurveyController
    from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey
    from solarfleet.models.survey.estimate import estimate_survey
    from solarfleet.widgets.survey_form import DEFAULT_MODULE
    from solarfleet.widgets.survey_view import SurveyView

    app = QApplication.instance() or QApplication([])
    session = open_session(Path(os.environ["SOLARFLEET_DATA_DIR"]) / "bench.db")
    view = SurveyView()
    ctl = SurveyController(session.store, session.fleet, session.pool)
    view.inputsReady.connect(ctl.request)
    got = []
    ctl.estimateReady.connect(lambda est, lat: got.append((est, lat)))

    def wait_estimate(edit):
        got.clear()
        t0 = time.perf_counter()
        edit()
        while not got and time.perf_counter() - t0 < 30:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()  # the panel is drawn in the same turn as the signal
        return got[-1][1], got[-1][0]

    roof = RoofSurvey.rectangle("Hall A", 120, 60, setback=1.5, module=DEFAULT_MODULE, module_tilt=10,
                                keepouts=(KeepOut(20, 20, 4, 4, 0.5), KeepOut(70, 30, 6, 3, 0.5)))
    site = SiteSurvey("Bench DC", 30.66, 104.07, altitude=500.0, tz="Asia/Shanghai", roofs=(roof,),
                      horizon=((90.0, 4.0), (180.0, 2.0), (270.0, 6.0)))
    cold, est = wait_estimate(lambda: view.form.set_site(site, floor_area=50000))
    modules = est.modules

    def set_text(key, text):
        def edit():
            view.form.widgets[key].setText(text)
            view.form.changed.emit()
        return edit
    geometry = []
    for key, text in (("length", "110"), ("length", "100"), ("setback", "2"), ("tilt", "15"), ("width", "55"),
                      ("length", "120"), ("setback", "1.5"), ("tilt", "10")):
        geometry.append(wait_estimate(set_text(key, text))[0])
    keep = wait_estimate(lambda: view.form.keepouts.add_row((50, 10, 10, 10, 1)))[0]
    geometry.append(keep)
    shading = wait_estimate(lambda: view.form.obstacles.add_row((20, 40, 200, 30)))[0]
    inputs, layouts = view.inputs, view.layouts
    compute = []
    for _ in range(5):
        t = time.perf_counter()
        estimate_survey(inputs.site, ghi=inputs.ghi, floor_area=inputs.floor_area, layouts=layouts)
        compute.append(time.perf_counter() - t)
    ctl.cancel()
    session.close()
    figures = {"modules": modules, "debounce_ms": ctl.timer.interval(), "cold_s": round(cold, 3),
               "geometry_median_s": round(statistics.median(geometry), 3), "geometry_max_s": round(max(geometry), 3),
               "shading_s": round(shading, 3), "compute_median_s": round(statistics.median(compute), 3),
               "geometry_edits": len(geometry), "target_s": 1.0,
               "meets_target": max(geometry + [shading]) < 1.0}
    print(f"{'case':<28}{'seconds':>10}")
    for k in ("cold_s", "geometry_median_s", "geometry_max_s", "shading_s", "compute_median_s"):
        print(f"{k:<28}{figures[k]:>10.3f}")
    print(json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
