"""``solarfleet-cli simulate``: run the fleet simulation, store the run, print the yields."""
from __future__ import annotations

from solarfleet.app.cli.util import (CliError, Progress, add_backend_arguments, emit_json, make_cli_backend, out, print_table)
from solarfleet.models.store import load_fleet, save_run


def register(sub) -> None:
    p = sub.add_parser("simulate", help="simulate a year of every array (or of some parks) and store the run")
    p.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    p.add_argument("--model", choices=("pvwatts", "cec"), default=None,
                   help="DC model for every array (default: each array's own)")
    p.add_argument("--transposition", choices=("perez", "haydavies", "isotropic"), default="perez",
                   help="sky-diffuse transposition model (default: perez)")
    p.add_argument("--aoi", choices=("physical", "ashrae", "martin_ruiz", "no_loss"), default="physical",
                   help="angle-of-incidence modifier (default: physical)")
    p.add_argument("--temperature", choices=("sapm", "pvsyst"), default="sapm",
                   help="cell-temperature model (default: sapm)")
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
                                temperature_model=args.temperature, dc_model=args.model)
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
                   "clearsky": "clearsky" in kinds, "parks": rows, "fleet": fleet_row})
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
