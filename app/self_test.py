"""``solarfleet --self-test``: a headless check that an installation (or a PyInstaller bundle) works.

It loads the data files pvlib reads at run time (the Linke turbidity table through a clear-sky
call, the CEC module and inverter databases), the time zone data, the shipped resources and
translations, imports every GUI module (no window is opened, no ``QApplication`` is made), opens a
fresh database in a temporary folder, seeds the demo fleet, simulates one demo park with real
pvlib physics, stores the run and reads it back. It writes ``self_test.json`` and
``self_test.txt`` to the report folder and exits 0, or 1 naming the step that failed.

Nothing is printed when there is no console (``sys.stdout is None`` in a windowed bundle): the
report files and the log then carry the result.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import json
import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable, Optional
from solarfleet.models.store import load_fleet, load_run_ac

__all__ = ["run_self_test", "SelfTestFailed", "STEPS"]

log = logging.getLogger("solarfleet.self_test")


class SelfTestFailed(RuntimeError):
    """A self-test step found the installation broken; the message says what is missing."""


def _say(text: str) -> None:
    """Print ``text`` if there is a console; a windowed bundle has ``sys.stdout is None``."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):  # a closed or broken console must not fail the test
        pass


# --- steps: each returns a dict of facts for the report and raises on failure ---------------------

def _step_pvlib_clearsky(ctx: dict) -> dict:
    import pandas as pd
    import pvlib
    times = pd.date_range("2025-06-21 00:00", periods=24, freq="h", tz="Asia/Shanghai")
    site = pvlib.location.Location(39.9, 116.4, tz="Asia/Shanghai", altitude=44.0)
    # Ineichen with the default (None) linke_turbidity reads pvlib's LinkeTurbidities.h5
    cs = site.get_clearsky(times, model="ineichen")
    tl = pvlib.clearsky.lookup_linke_turbidity(times[:1], 39.9, 116.4)
    if pvlib.__version__.startswith("0+"):  # runs record it: the package metadata must be bundled
        raise SelfTestFailed(f"pvlib reports version {pvlib.__version__!r}: its package metadata is missing")
    peak = float(cs["ghi"].max())
    if not 600.0 < peak < 1200.0:
        raise SelfTestFailed(f"clear-sky ghi peak {peak:.0f} W/m² outside 600–1200 at Beijing in June")
    return {"pvlib": pvlib.__version__, "clearsky_ghi_peak_W_m2": round(peak, 1),
            "linke_turbidity": round(float(tl.iloc[0]), 2)}


def _step_cec_database(ctx: dict) -> dict:
    from solarfleet.models.simulation import catalog
    mods, invs = catalog.modules(), catalog.inverters()
    if len(mods) < 1000 or len(invs) < 1000:
        raise SelfTestFailed(f"CEC databases too small: {len(mods)} modules, {len(invs)} inverters")
    key = mods.index[0]
    params = catalog.module_parameters(key)
    if "I_L_ref" not in params:
        raise SelfTestFailed(f"CEC module {key!r} lacks I_L_ref")
    return {"cec_modules": int(len(mods)), "cec_inverters": int(len(invs))}


def _step_time_zones(ctx: dict) -> dict:
    from zoneinfo import ZoneInfo
    from timezonefinder import TimezoneFinder
    tz = TimezoneFinder().timezone_at(lng=121.47, lat=31.23)
    if tz != "Asia/Shanghai":
        raise SelfTestFailed(f"timezonefinder gave {tz!r} for Shanghai")
    offset = _dt.datetime(1988, 7, 1, 12, tzinfo=ZoneInfo("Asia/Shanghai")).utcoffset()
    if offset != _dt.timedelta(hours=9):  # China observed DST 1986–91: the tz database must know
        raise SelfTestFailed(f"Asia/Shanghai in July 1988 has offset {offset}, expected +09:00 (DST)")
    return {"timezone_shanghai": tz, "dst_1988_offset_h": 9}


def _step_resources(ctx: dict) -> dict:
    from solarfleet.models.resources import resource_path
    needed = ["demo_fleet.json", "demo_loads.json", "climate_cn.json", "emission_factors.json",
              "i18n/solarfleet_zh_CN.qm", "i18n/solarfleet_ja_JP.qm",
              "tariffs/example_cn_commercial_tou.json", "live_maps/huawei_sun2000.json"]
    missing = [n for n in needed if not resource_path(*n.split("/")).is_file()]
    if missing:
        raise SelfTestFailed(f"resources missing under {resource_path()}: {', '.join(missing)}")
    return {"resources": str(resource_path())}


#: GUI and CLI modules the bundle must contain (imported, never shown).
GUI_MODULES = ("solarfleet.widgets", "solarfleet.app.gui.main_window", "solarfleet.app.gui.application", "solarfleet.app.gui.wiring", "solarfleet.app.i18n", "solarfleet.app.gui.errors",
               "solarfleet.app.cli", "pyqtgraph", "openpyxl", "pymodbus.client")


def _step_imports(ctx: dict) -> dict:
    from solarfleet.app.cli import COMMAND_MODULES
    names = list(GUI_MODULES) + list(COMMAND_MODULES)
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - report which module is broken, whatever broke it
            raise SelfTestFailed(f"cannot import {name}: {type(exc).__name__}: {exc}") from exc
    from PySide6.QtCore import QTranslator
    from solarfleet.models.resources import resource_path
    for code in ("zh_CN", "ja_JP"):
        tr = QTranslator()
        if not tr.load(str(resource_path("i18n", f"solarfleet_{code}.qm"))):
            raise SelfTestFailed(f"translation solarfleet_{code}.qm does not load")
    import PySide6
    return {"modules_imported": len(names), "pyside6": PySide6.__version__}


def _step_database(ctx: dict) -> dict:
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.store import SCHEMA_VERSION, open_store
    path = ctx["dir"] / "self_test.db"
    store = open_store(path)
    ctx["store"] = store
    if not seed_if_empty(store):
        raise SelfTestFailed(f"the fresh database {path} could not be seeded with the demo fleet")
    version = store.db.execute("PRAGMA user_version").fetchone()[0]
    check = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    if version != SCHEMA_VERSION or check != "ok":
        raise SelfTestFailed(f"new database: user_version {version} (expected {SCHEMA_VERSION}), "
                             f"integrity_check {check!r}")
    fleet = load_fleet(store)
    return {"database": str(path), "schema_version": version, "demo_parks": len(fleet.parks),
            "demo_arrays": sum(1 for p in fleet.parks for _ in p.iter_arrays())}


def _step_simulate(ctx: dict) -> dict:
    import math
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import simulate_and_store
    store = ctx["store"]
    fleet = load_fleet(store)
    # a park with a CEC array exercises the single-diode path and the CEC database
    park = next((p for p in fleet.parks if any(a.dc_model == "cec" for _, a in p.iter_arrays())),
                fleet.parks[0])
    run_id, results = simulate_and_store(store, Fleet((park,)), lambda p: weather_for_park(store, p),
                                         note="self-test")
    r = results[0]
    sy = r.specific_yield
    if not (math.isfinite(sy) and 600.0 < sy < 2200.0):
        raise SelfTestFailed(f"{park.name}: specific yield {sy} kWh/kWp outside 600–2200")
    stored = load_run_ac(store, run_id, park.name)
    stored_wh = float(stored.sum().sum())
    if abs(stored_wh - r.energy) > 1e-6 * max(1.0, r.energy):
        raise SelfTestFailed(f"stored run {run_id} holds {stored_wh:.0f} Wh, simulated {r.energy:.0f} Wh")
    return {"park": park.name, "run_id": run_id, "ac_energy_MWh": round(r.energy / 1e6, 3),
            "specific_yield_kWh_kWp": round(sy, 1), "performance_ratio": round(r.performance_ratio, 4)}


#: (name, function) in the order they run.
STEPS: tuple[tuple[str, Callable[[dict], dict]], ...] = (
    ("pvlib clear-sky (Linke turbidity)", _step_pvlib_clearsky),
    ("CEC module and inverter databases", _step_cec_database),
    ("time zones (timezonefinder, tzdata)", _step_time_zones),
    ("resources and translations", _step_resources),
    ("GUI, CLI and I/O modules", _step_imports),
    ("fresh database with the demo fleet", _step_database),
    ("simulate and store one demo park", _step_simulate),
)


def run_self_test(report_dir: Optional[os.PathLike] = None) -> int:
    """Run every step of :data:`STEPS`; write the report; return the exit code (0 = all passed).

    Parameters
    ----------
    report_dir : path-like, optional
        Where the database and ``self_test.json`` / ``self_test.txt`` go; a new temporary
        folder if not given. The folder is kept so the report can be read.
    """
    from solarfleet.app import APP_NAME, __version__
    folder = Path(report_dir) if report_dir else Path(tempfile.mkdtemp(prefix="solarfleet-selftest-"))
    folder.mkdir(parents=True, exist_ok=True)
    ctx: dict = {"dir": folder}
    report = {"app": APP_NAME, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
              "python": platform.python_version(), "platform": platform.platform(),
              "started_utc": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
              "steps": [], "ok": False}
    _say(f"{APP_NAME} {__version__} self-test in {folder}")
    failed = None
    t_all = time.perf_counter()
    for name, fn in STEPS:
        t0 = time.perf_counter()
        try:
            facts = fn(ctx)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a clear report line
            seconds = time.perf_counter() - t0
            detail = f"{type(exc).__name__}: {exc}"
            report["steps"].append({"step": name, "ok": False, "seconds": round(seconds, 3), "error": detail,
                                    "traceback": traceback.format_exc()})
            log.error("self-test step %r failed: %s", name, detail)
            _say(f"FAIL  {name}: {detail}")
            failed = name
            break
        seconds = time.perf_counter() - t0
        report["steps"].append({"step": name, "ok": True, "seconds": round(seconds, 3), **facts})
        _say(f"ok    {name} ({seconds:.1f} s)")
    store = ctx.pop("store", None)
    if store is not None:
        store.close()
    report["ok"] = failed is None
    report["seconds"] = round(time.perf_counter() - t_all, 3)
    json_path, txt_path = folder / "self_test.json", folder / "self_test.txt"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    lines = [f"{APP_NAME} {__version__} self-test: {'PASSED' if failed is None else 'FAILED at ' + failed}",
             f"python {report['python']} on {report['platform']}; frozen bundle: {report['frozen']}"]
    for s in report["steps"]:
        facts = ", ".join(f"{k}={v}" for k, v in s.items() if k not in ("step", "ok", "seconds", "traceback"))
        lines.append(f"{'ok  ' if s['ok'] else 'FAIL'} {s['step']} ({s['seconds']:.2f} s) {facts}")
    txt_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _say(("PASSED" if failed is None else f"FAILED at: {failed}") + f" — report: {json_path}")
    log.info("self-test %s; report %s", "passed" if failed is None else "failed", json_path)
    return 0 if failed is None else 1
