"""``solarfleet-cli simulate``: run the fleet simulation, store the run, print the yields."""
from __future__ import annotations

from solarfleet.app.cli.util import (CliError, Progress, add_backend_arguments, emit_json, make_cli_backend, out, print_table)
from solarfleet.models.simulation.engine import (AOI_MODELS, PVWATTS_VERSIONS, SOILING_STAGES, SPECTRAL_MODELS,
                                                 SUN_POSITIONS, TEMPERATURE_MODELS)
from solarfleet.models.store import load_fleet, save_run


def register(sub) -> None:
    p = sub.add_parser("simulate", help="simulate a year of every array (or of some parks) and store the run")
    p.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    p.add_argument("--model", choices=("pvwatts", "cec"), default=None,
                   help="DC model for every array (default: each array's own)")
    p.add_argument("--transposition", choices=("perez", "haydavies", "isotropic"), default="perez",
                   help="sky-diffuse transposition model (default: perez)")
    p.add_argument("--aoi", choices=AOI_MODELS, default="auto",
                   help="angle-of-incidence (cover) model; auto: SAM's glass cover, coated for PVWatts arrays "
                        "(default: auto)")
    p.add_argument("--temperature", choices=TEMPERATURE_MODELS, default="auto",
                   help="cell-temperature model for every array; auto: each array's own, else PVWatts v8 for "
                        "PVWatts arrays and SAM's NOCT model for single-diode ones (default: auto)")
    p.add_argument("--spectral", choices=SPECTRAL_MODELS, default="auto",
                   help="spectral modifier; auto: De Soto's air-mass modifier (default: auto)")
    p.add_argument("--sun", choices=SUN_POSITIONS, default="sunlit_midpoint",
                   help="where the sun is placed in each interval (default: sunlit_midpoint)")
    p.add_argument("--pvwatts", choices=PVWATTS_VERSIONS, default="v8",
                   help="PVWatts arrays as PVWatts v8 or v5 computes them (default: v8)")
    p.add_argument("--beam-only-iam", action="store_true",
                   help="apply the incidence-angle loss to the beam only, not to diffuse light")
    p.add_argument("--soiling-on", choices=SOILING_STAGES, default="irradiance",
                   help="where soiling and shading act (default: irradiance)")
    add_backend_arguments(p)
    p.add_argument("--no-save", action="store_true", help="do not store the run in the database")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_simulate)


def _row(name, kwp, energy_wh, sy, pr, missing_h, kind) -> dict:
    return {"name": name, "kwp": round(kwp, 3), "mwh": round(energy_wh / 1e6, 3),
            "specific_yield": None if sy is None else round(sy, 1),
            "performance_ratio": None if pr is None else round(pr, 4),
            "missing_hours": round(missing_h, 2), "weather_kind": kind}


def cmd_simulate(args, ctx) -> int:
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.backends import (BackendError, InProcess, simulate_and_store_on,
                                                       simulate_fleet_on)
    from solarfleet.models.simulation.engine import SimulationError, SimulationOptions, run_metadata, simulate_fleet

    store = ctx.store()
    try:
        fleet = load_fleet(store, args.park)
    except KeyError as exc:
        raise CliError(f"no park named {exc.args[0]!r}; try: solarfleet-cli fleet list") from None
    if not any(True for p in fleet.parks for _ in p.iter_arrays()):
        raise CliError("nothing to simulate: the selected parks have no arrays")
    options = SimulationOptions(transposition=args.transposition, aoi_model=args.aoi,
                                temperature_model=args.temperature, dc_model=args.model,
                                spectral_model=args.spectral, sun_position=args.sun, pvwatts_version=args.pvwatts,
                                diffuse_iam=not args.beam_only_iam, soiling_on=args.soiling_on)
    backend = make_cli_backend(args)
    where = backend.describe()
    progress = Progress("Simulating", enabled=True)
    import time
    started, t0 = time.time(), time.perf_counter()
    note = "solarfleet-cli simulate" + ("" if isinstance(backend, InProcess) else f" ({where})")
    weather_for = (lambda park: weather_for_park(store, park))  # read here: the store stays in this process
    results, run_id = None, None
    try:
        if isinstance(backend, InProcess):
            results = list(simulate_fleet(fleet, weather_for, options, progress=progress))
        elif args.no_save:
            results = simulate_fleet_on(backend, fleet, weather_for, options, progress=progress)
        else:  # the workers send back only the stored rows, written as each park arrives
            run_id = simulate_and_store_on(backend, store, fleet, weather_for, options, progress=progress, note=note)
    except (SimulationError, BackendError) as exc:
        raise CliError(str(exc)) from None
    finally:
        progress.close()
        backend.close()
    duration = time.perf_counter() - t0
    if results is None:
        return _report(args, stored_summary(store, run_id, fleet, options), run_id, options, where, duration, store)
    if not args.no_save:
        run_id = save_run(store, run_metadata(fleet, options, started, duration, note=note), results)
    return _report(args, results_summary(results), run_id, options, where, duration, store)


def results_summary(results) -> dict:
    """The table's park rows, the fleet row, the weather kinds and the JSON array rows of in-memory results."""
    rows = []
    kinds = set()
    tot_e = tot_cap = tot_ref = tot_missing = 0.0
    for r in results:
        kind = r.weather.get("kind", "?")
        kinds.add(kind)
        ref = float((r.arrays["poa_insolation"] * r.arrays["dc_capacity"]).sum()) / 1000.0
        rows.append(_row(r.park, r.dc_capacity / 1000, r.energy, _finite(r.specific_yield),
                         _finite(r.performance_ratio), r.missing_hours, kind))
        tot_e += r.energy
        tot_cap += r.dc_capacity
        tot_ref += ref
        tot_missing += r.missing_hours
    fleet_row = _row("Fleet", tot_cap / 1000, tot_e, tot_e / tot_cap if tot_cap else None,
                     tot_e / tot_ref if tot_ref else None, tot_missing, "+".join(sorted(kinds)))
    return {"parks": rows, "fleet": fleet_row, "kinds": kinds, "arrays": [a for r in results for a in array_rows(r)]}


def stored_summary(store, run_id: int, fleet, options) -> dict:
    """:func:`results_summary` read back from a stored run (a run streamed in from a backend)."""
    from solarfleet.models.store import run_array_monthly, run_arrays, run_parks
    parks, arrays = run_parks(store, run_id), run_arrays(store, run_id)
    months = run_array_monthly(store, run_id)
    rows, kinds = [], set()
    tot = {"e": 0.0, "cap": 0.0, "ref": 0.0, "missing": 0.0}
    for p in parks:
        kind = p["weather"].get("kind", "?")
        kinds.add(kind)
        missing_h = p["missing_intervals"] * p["interval_minutes"] / 60.0
        mine = arrays[arrays["park"] == p["park"]]
        ref = float((mine["poa_insolation"] * mine["dc_capacity"]).sum()) / 1000.0
        rows.append(_row(p["park"], p["dc_capacity"] / 1000, p["energy"], _finite(p["specific_yield"]),
                         _finite(p["performance_ratio"]), missing_h, kind))
        tot = {"e": tot["e"] + p["energy"], "cap": tot["cap"] + p["dc_capacity"], "ref": tot["ref"] + ref,
               "missing": tot["missing"] + missing_h}
    fleet_row = _row("Fleet", tot["cap"] / 1000, tot["e"], tot["e"] / tot["cap"] if tot["cap"] else None,
                     tot["e"] / tot["ref"] if tot["ref"] else None, tot["missing"], "+".join(sorted(kinds)))
    order = {p["park"]: i for i, p in enumerate(parks)}   # the arrays in fleet order, as in memory
    arrays = arrays.iloc[sorted(range(len(arrays)), key=lambda i: order[arrays["park"].iat[i]])]
    return {"parks": rows, "fleet": fleet_row, "kinds": kinds,
            "arrays": _stored_array_rows(arrays, months, _temperature_presets(fleet, options))}


def _temperature_presets(fleet, options) -> dict:
    """``(park, roof/array key) → temperature preset``, as the engine resolves it (not stored with a run)."""
    from solarfleet.models.simulation.engine import array_specs
    return {(p.name, s.key): s.temperature_preset for p in fleet.parks for s in array_specs(p, options, 2000)}


def _stored_array_rows(arrays, months, presets: dict) -> list[dict]:
    """:func:`array_rows` from a stored run's array table and its per-array months."""
    out = []
    by_array = {k: g for k, g in months.groupby(["park", "roof", "array"], sort=False)}
    for a in arrays.itertuples(index=False):
        m = by_array.get((a.park, a.roof, a.array), months.iloc[:0])
        rows = [{"month": r.period_start[:7], "kwh": round(r.ac_energy / 1000.0, 3),
                 "dc_kwh": round(r.dc_energy / 1000.0, 3),
                 "poa_kwh_m2": None if _finite(r.poa_insolation) is None else round(r.poa_insolation / 1000.0, 3),
                 "performance_ratio": None if _finite(r.performance_ratio) is None else round(r.performance_ratio, 4)}
                for r in m.itertuples(index=False)]
        out.append({"park": a.park, "roof": a.roof, "array": a.array, "kwp": round(a.dc_capacity / 1000, 3),
                    "mwh": round(a.energy / 1e6, 3), "dc_mwh": round(float(m["dc_energy"].sum()) / 1e6, 3),
                    "poa_kwh_m2": round(a.poa_insolation / 1000.0, 2),
                    "specific_yield": _finite(a.energy / a.dc_capacity) if a.dc_capacity else None,
                    "temperature_model": presets.get((a.park, f"{a.roof}/{a.array}")), "months": rows})
    return out


def _report(args, summary: dict, run_id, options, where: str, duration: float, store) -> int:
    """Print the yields table (or JSON) of a run."""
    rows, fleet_row, kinds = summary["parks"], summary["fleet"], summary["kinds"]
    if args.json:
        emit_json({"run_id": run_id, "options": options.to_dict(), "seconds": round(duration, 3),
                   "backend": where,
                   "weather_kinds": sorted(kinds),
                   "clearsky": "clearsky" in kinds, "parks": rows, "fleet": fleet_row,
                   "arrays": summary["arrays"]})
        return 0
    cols = [("name", "Park", ""), ("kwp", "kWp", ",.1f"), ("mwh", "MWh/yr", ",.1f"),
            ("specific_yield", "kWh/kWp", ",.0f"), ("performance_ratio", "PR", ".3f"),
            ("missing_hours", "Missing h", ",.0f"), ("weather_kind", "Weather", "")]
    print_table(rows + [fleet_row], cols)
    if "clearsky" in kinds:
        out("\nWeather: pvlib clear-sky year (no clouds) — an upper bound, not a typical year.")
    out(f"\n{len(rows)} parks simulated in {duration:.2f} s"
        + (f"; stored as run {run_id} ({store.path or 'in memory'})" if run_id is not None else " (not stored)"))
    return 0


def _finite(x):
    import math
    return x if x is not None and math.isfinite(x) else None


def array_rows(result) -> list[dict]:
    """Per array of a park result: totals and, per local calendar month, AC energy [kWh], DC energy at the
    inverter input (after DC losses, before inverter and clipping) [kWh], POA irradiation before shading
    [kWh/m²] and performance ratio [-]."""
    import numpy as np
    ac = result.ac
    local = ac.index.tz_convert(result.tz)
    labels = np.asarray(local.strftime("%Y-%m-01"))
    energy = ac.fillna(0.0).groupby(labels).sum() * (result.interval_minutes / 60.0)  # [Wh], month × array
    dc = result.dc.fillna(0.0).groupby(labels).sum() * (result.interval_minutes / 60.0)  # at the inverter input
    poa = result.poa_monthly if result.poa_monthly is not None else None
    out = []
    for key, a in result.arrays.iterrows():
        months = []
        for m in energy.index:
            e = float(energy.at[m, key])
            h = float(poa.at[key, m]) if poa is not None and m in poa.columns else float("nan")
            pr = e / (h * a["dc_capacity"] / 1000.0) if h > 0 else None
            months.append({"month": m[:7], "kwh": round(e / 1000.0, 3),
                           "dc_kwh": round(float(dc.at[m, key]) / 1000.0, 3),
                           "poa_kwh_m2": None if not np.isfinite(h) else round(h / 1000.0, 3),
                           "performance_ratio": None if pr is None else round(pr, 4)})
        out.append({"park": result.park, "roof": a["roof"], "array": a["array"], "kwp": round(a["dc_capacity"] / 1000, 3),
                    "mwh": round(a["energy"] / 1e6, 3), "dc_mwh": round(float(dc[key].sum()) / 1e6, 3),
                    "poa_kwh_m2": round(a["poa_insolation"] / 1000.0, 2),
                    "specific_yield": _finite(a["energy"] / a["dc_capacity"]) if a["dc_capacity"] else None,
                    "temperature_model": a.get("temperature_model"), "months": months})
    return out
