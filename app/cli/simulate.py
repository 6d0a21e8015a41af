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
    from solarfleet.models.simulation.backends import BackendError, InProcess, simulate_fleet_on
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
    try:
        if isinstance(backend, InProcess):
            results = list(simulate_fleet(fleet, lambda park: weather_for_park(store, park), options,
                                          progress=progress))
        else:  # weather is read here (the store stays in this process); parks run on the backend
            results = simulate_fleet_on(backend, fleet, lambda park: weather_for_park(store, park), options,
                                        progress=progress)
    except (SimulationError, BackendError) as exc:
        raise CliError(str(exc)) from None
    finally:
        progress.close()
        backend.close()
    duration = time.perf_counter() - t0
    run_id = None
    if not args.no_save:
        note = "solarfleet-cli simulate" + ("" if isinstance(backend, InProcess) else f" ({where})")
        run_id = save_run(store, run_metadata(fleet, options, started, duration, note=note), results)

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
    if args.json:
        emit_json({"run_id": run_id, "options": options.to_dict(), "seconds": round(duration, 3),
                   "backend": where,
                   "weather_kinds": sorted(kinds),
                   "clearsky": "clearsky" in kinds, "parks": rows, "fleet": fleet_row,
                   "arrays": [a for r in results for a in array_rows(r)]})
        return 0
    cols = [("name", "Park", ""), ("kwp", "kWp", ",.1f"), ("mwh", "MWh/yr", ",.1f"),
            ("specific_yield", "kWh/kWp", ",.0f"), ("performance_ratio", "PR", ".3f"),
            ("missing_hours", "Missing h", ",.0f"), ("weather_kind", "Weather", "")]
    print_table(rows + [fleet_row], cols)
    if "clearsky" in kinds:
        out("\nWeather: pvlib clear-sky year (no clouds) — an upper bound, not a typical year.")
    out(f"\n{len(results)} parks simulated in {duration:.2f} s"
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
