"""``solarfleet-cli forecast``, ``yield`` and ``export``: forecasts, P50/P90 and files to hand on."""
from __future__ import annotations

import argparse
from pathlib import Path

from solarfleet.app.cli.util import (CliError, Progress, db_id, emit_json, out, print_table, add_backend_arguments, make_cli_backend)
from solarfleet.models.store import (add_measured_ac, list_forecasts, load_fleet, load_park, save_forecast,
    save_yield_study)


def register(sub) -> None:
    p = sub.add_parser("forecast", help="day-ahead or week-ahead hourly yield of a park with P10/P50/P90 bands")
    p.add_argument("--park", required=True, metavar="NAME")
    p.add_argument("--horizon", choices=("day", "week"), default="day", help="next local day or 7 days (default day)")
    p.add_argument("--file", metavar="CSV", help="forecast file: time,ghi [W/m2] or time,cloud_cover [%%]; "
                                                 "Solcast-style period_end files and Open-Meteo CSV too "
                                                 "(default: persistence of the measured clear-sky index)")
    p.add_argument("--measured", metavar="CSV", help="first import measured park AC (time,ac [kW]) as actuals")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                       help="numeric dates in --measured/--file are day/month/year (default: decided from the data, "
                            "refused if unclear)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="numeric dates in --measured/--file are month/day/year")
    p.add_argument("--issued", metavar="ISO", help="issue time with UTC offset (default: now)")
    p.add_argument("--evaluate", action="store_true", help="show the park's stored forecasts against actuals "
                                                           "(MAE, bias) instead of making a new one")
    p.add_argument("--no-save", action="store_true", help="do not store the forecast")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_forecast)

    p = sub.add_parser("yield", help="long-term yield: P50/P90 (and others) per park and fleet, 25-year projection")
    p.add_argument("--p", default="50,75,90,99", metavar="LIST", help="exceedance probabilities [%%] (default "
                                                                     "50,75,90,99)")
    p.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    p.add_argument("--members", type=int, default=12, help="synthetic years when a park has no measured years "
                                                           "(default 12)")
    p.add_argument("--uncertainty", type=float, default=5.0, metavar="PCT", help="model uncertainty [%%] (default 5)")
    p.add_argument("--years", type=int, default=25, help="projection length [yr] (default 25)")
    p.add_argument("--start-year", type=int, help="first year of the projection (default: this year)")
    p.add_argument("--arrays", action="store_true", help="also list every array")
    add_backend_arguments(p)
    p.add_argument("--no-save", action="store_true", help="do not store the study")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_yield)

    p = sub.add_parser("export", help="write a park's or the fleet's results as CSV, XLSX, JSON or PDF")
    p.add_argument("--format", required=True, choices=("csv", "xlsx", "json", "pdf"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--park", metavar="NAME", help="one park (default: the fleet)")
    p.add_argument("--resolution", choices=("hourly", "daily", "monthly"), default="hourly")
    p.add_argument("--run", type=db_id, metavar="ID", help="simulation run (default: the newest)")
    p.add_argument("--lang", choices=("en", "zh_CN", "ja_JP"), default=None,
                   help="language of a PDF report (default: the system's), and of CSV/XLSX sheet names and "
                        "column headers (default: English, for machine use)")
    p.add_argument("--wan", action=argparse.BooleanOptionalAction, default=None,
                   help="Chinese PDF report: energies in 万kWh (ten thousand kWh; the default) or, with --no-wan, MWh")
    p.add_argument("--tables", action="store_true", help="CSV: every table of the XLSX as its own file, "
                                                         "named <out stem>_<table>.csv")
    for name in ("project", "client", "author", "reference"):
        p.add_argument(f"--{name}", metavar="TEXT", help=f"PDF: the report's {name} (default: the one remembered "
                                                         f"in the database)")
    p.set_defaults(func=cmd_export)


def _park(store, name):
    try:
        return load_park(store, name)
    except KeyError:
        raise CliError(f"no park named {name!r}; try: solarfleet-cli fleet list") from None


def cmd_forecast(args, ctx) -> int:
    import pandas as pd
    from solarfleet.models.studies import forecast as fc
    store = ctx.store(write=not (args.no_save and not args.measured))
    park = _park(store, args.park)
    try:
        if args.measured:
            series, meta = fc.read_measured_ac_csv(args.measured, dayfirst=args.dayfirst)
            add_measured_ac(store, park.name, series, meta["interval_minutes"], f"file {Path(args.measured).name}")
        if args.evaluate:
            return _evaluate(store, park, args)
        issued = None
        if args.issued:
            issued = pd.Timestamp(args.issued)
            if issued.tzinfo is None:
                raise CliError(f"--issued {args.issued!r} has no UTC offset (write e.g. 2026-06-10T20:00+08:00)")
        if args.file:
            data, meta = fc.read_forecast_csv(args.file, dayfirst=args.dayfirst)
            frame, meta = fc.forecast_from_weather(store, park, data, meta, args.horizon, issued)
        else:
            frame, meta = fc.persistence_forecast(store, park, args.horizon, issued)
    except (fc.ForecastFileError, fc.ForecastError, ValueError) as exc:
        raise CliError(str(exc)) from None
    fid = None if args.no_save else save_forecast(store, park.name, frame, meta)
    local = frame.index.tz_convert(park.tz)
    if args.json:
        emit_json({"forecast_id": fid, "park": park.name, **{k: v for k, v in meta.items() if k != "notes"},
                   "notes": meta.get("notes", []),
                   "hours": [{"interval_start": t.isoformat(), "ac_p10_kw": _kw(r.ac_p10), "ac_p50_kw": _kw(r.ac_p50),
                              "ac_p90_kw": _kw(r.ac_p90)} for t, r in zip(local, frame.itertuples())],
                   "energy_kwh": {q: _kwh(frame[f"ac_{q}"].sum()) for q in ("p10", "p50", "p90")}})
        return 0
    daily = frame[["ac_p10", "ac_p50", "ac_p90"]].groupby(local.normalize()).sum(min_count=1) / 1000.0
    rows = [{"day": d.strftime("%Y-%m-%d %a"), "p10": r.ac_p10, "p50": r.ac_p50, "p90": r.ac_p90}
            for d, r in zip(daily.index, daily.itertuples())]
    out(f"{park.name}: {args.horizon}-ahead forecast ({meta['method']}: {meta['source']})")
    print_table(rows, [("day", "Day (local)", ""), ("p10", "P10 kWh", ",.0f"), ("p50", "P50 kWh", ",.0f"),
                       ("p90", "P90 kWh", ",.0f")])
    out(f"\nBands: {meta['band_method']}. P10/P90 are the 10 %/90 % quantiles (low/high case).")
    for n in meta.get("notes", []):
        out(f"Note: {n}")
    out(f"Stored as forecast {fid}." if fid is not None else "Not stored.")
    return 0


def _kw(v):
    import math
    return None if v is None or not math.isfinite(v) else round(v / 1000.0, 3)


def _kwh(v):
    import math
    return None if not math.isfinite(v) else round(v / 1000.0, 3)


def _evaluate(store, park, args) -> int:
    from solarfleet.models.studies.forecast import forecast_vs_actual
    rows = []
    for f in list_forecasts(store, park.name):
        _, e = forecast_vs_actual(store, f["id"])
        rows.append({"id": f["id"], "issued": f["issued_utc"], "method": f["method"], "horizon": f["horizon"],
                     "hours": e["n"], "mae_kw": _kw(e["mae"]) if e["mae"] is not None else None,
                     "bias_kw": _kw(e["bias"]) if e["bias"] is not None else None,
                     "mae_pct": None if e["mae_rel"] is None else round(100 * e["mae_rel"], 1),
                     "bias_pct": None if e["bias_rel"] is None else round(100 * e["bias_rel"], 1)})
    if args.json:
        emit_json({"park": park.name, "forecasts": rows})
        return 0
    if not rows:
        out(f"{park.name}: no stored forecasts yet")
        return 0
    print_table(rows, [("id", "Id", ""), ("issued", "Issued (UTC)", ""), ("method", "Method", ""),
                       ("horizon", "Horizon", ""), ("hours", "Hours with actuals", "d"),
                       ("mae_kw", "MAE kW", ",.1f"), ("bias_kw", "Bias kW", ",.1f"), ("mae_pct", "MAE %", ".1f"),
                       ("bias_pct", "Bias %", ".1f")])
    out("\nBias = mean(forecast − actual): positive means the forecast was too high.")
    return 0


def cmd_yield(args, ctx) -> int:
    from solarfleet.models.simulation.engine import SimulationCancelled
    from solarfleet.models.studies.yield_study import YieldStudyError, yield_study
    try:
        probs = sorted({int(x) for x in args.p.split(",") if x.strip()})
    except ValueError:
        raise CliError(f"--p {args.p!r}: give whole percentages separated by commas, e.g. 50,90") from None
    if not probs:
        raise CliError("--p: give at least one probability, e.g. 50,90")
    store = ctx.store(write=not args.no_save)
    try:
        fleet = load_fleet(store, args.park)
    except KeyError as exc:
        raise CliError(f"no park named {exc.args[0]!r}; try: solarfleet-cli fleet list") from None
    from solarfleet.models.simulation.backends import BackendError
    backend = make_cli_backend(args)
    progress = Progress("Yield study", enabled=True)
    try:
        study = yield_study(store, fleet.parks, probabilities=probs, model_uncertainty=args.uncertainty / 100.0,
                            n_synthetic=args.members, years=args.years, start_year=args.start_year,
                            progress=progress, backend=backend)
    except (YieldStudyError, ValueError, BackendError) as exc:
        raise CliError(str(exc)) from None
    except SimulationCancelled:
        raise CliError("cancelled") from None
    finally:
        progress.close()
        backend.close()
    sid = None if args.no_save else save_yield_study(store, study)
    shown = [x for x in study.parameters["probabilities"] if x in probs] or [50]
    t = study.table
    sel = t[(t["period"] == "year") & (t["level"].isin(["park", "fleet"] + (["array"] if args.arrays else [])))]
    rows = []
    for r in sel.itertuples():
        name = "Fleet" if r.level == "fleet" else (f"  {r.array}" if r.level == "array" else r.park)
        row = {"name": name, "level": r.level, "park": r.park, "array": r.array, "method": r.method,
               "n_years": int(r.n_years), "sigma_iav_pct": round(100 * r.sigma_iav / getattr(r, "P50"), 2)}
        for x in shown:
            row[f"p{x}_mwh"] = round(getattr(r, f"P{x}") / 1e6, 3)
            row[f"p{x}_10y_mwh"] = round(getattr(r, f"P{x}_10y") / 1e6, 3)
        row.update({"sigma_sample_pct": round(100 * r.sigma_sample / getattr(r, "P50"), 2),
                    "sigma_total_pct": round(100 * r.sigma_total / getattr(r, "P50"), 2),
                    "sigma_total_10y_pct": round(100 * r.sigma_total_10y / getattr(r, "P50"), 2),
                    "source_uncertainty_pct": round(100 * r.source_uncertainty, 2)})
        rows.append(row)
    if args.json:
        proj = study.projection
        emit_json({"study_id": sid, "parameters": study.parameters, "annual": rows,
                   "monthly": [{"level": r.level, "park": r.park, "array": r.array, "month": r.period,
                                **{f"p{x}_mwh": round(getattr(r, f"P{x}") / 1e6, 4) for x in shown}}
                               for r in t[t["period"] != "year"].itertuples() if args.arrays or r.level != "array"],
                   "projection": [{"level": r.level, "park": r.park, "year": int(r.year), "factor": round(r.factor, 5),
                                   **{f"p{x}_mwh": round(getattr(r, f"P{x}") / 1e6, 3) for x in shown},
                                   **{f"p{x}_10y_mwh": round(getattr(r, f"P{x}_10y") / 1e6, 3) for x in shown}}
                                  for r in proj.itertuples()],
                   "excluded": {k: v["excluded"] for k, v in study.parks.items() if v["excluded"]}})
        return 0
    order = [r for r in rows if r["level"] != "fleet"] + [r for r in rows if r["level"] == "fleet"]
    cols = [("name", "Park", "")] + [(f"p{x}_mwh", f"P{x} MWh/yr", ",.1f") for x in shown] + [
        (f"p{x}_10y_mwh", f"P{x} 10-yr", ",.1f") for x in shown if x != 50] + [
        ("sigma_iav_pct", "σ_iav %", ".1f"), ("n_years", "Years", "d"), ("method", "Weather", "")]
    print_table(order, cols)
    fleet = study.projection[study.projection["level"] == "fleet"]
    last = fleet.iloc[-1]
    out(f"\nσ = √(σ_iav² + (u_model² + u_source²)·P50²) with model uncertainty {args.uncertainty:g} % and each "
        f"park's weather-source uncertainty; σ_iav never below the region's documented variability. "
        f"Ten-year values use σ_iav/√10. Fleet: parks' σ added as fully correlated.")
    out(f"Year {int(last['year'])} (after degradation, factor {last['factor']:.3f}): "
        + ", ".join(f"P{x} {last[f'P{x}'] / 1e6:,.1f} MWh" for x in shown))
    for k, v in study.parks.items():
        for label, reason in v["excluded"]:
            out(f"Left out for {k}: {label}: {reason}")
    out(f"Stored as yield study {sid}." if sid is not None else "Not stored.")
    return 0


def cmd_export(args, ctx) -> int:
    from solarfleet.models.export.tables import ExportError, report_tables, write_export
    store = ctx.store(write=False)
    outp = Path(args.out)
    if not outp.parent.exists():
        raise CliError(f"--out {args.out}: folder {outp.parent} does not exist")
    try:
        if args.format == "pdf":
            from solarfleet.app.report import write_report_pdf
            from solarfleet.models.store import get_report_project
            project = {k: v for k, v in get_report_project(store).items()}
            project.update({k: getattr(args, k) for k in project if getattr(args, k, None) is not None})
            pages = write_report_pdf(store, outp, park=args.park, run_id=args.run, language=args.lang,
                                     project=project, wan=args.wan)
            out(f"Wrote {outp} ({pages} pages)")
            return 0
        tables = report_tables(store, args.park, args.resolution, args.run)
        write_export(tables, args.format, outp, all_tables=args.tables, language=args.lang or "en")
    except ExportError as exc:
        raise CliError(str(exc)) from None
    except KeyError:
        raise CliError(f"no simulation run {args.run}" + (f" for park {args.park!r}" if args.park else "")
                       + "; see the stored runs with: solarfleet-cli simulate --help") from None
    if args.format == "csv" and args.tables:
        from solarfleet.models.export.tables import csv_table_paths
        paths = csv_table_paths(tables, outp)
        out(f"Wrote {len(paths)} CSV tables: " + ", ".join(p.name for p in paths.values()))
        return 0
    out(f"Wrote {outp} ({args.format}, {tables.scope} {tables.park or ''}, run {tables.run_id}, "
        f"{args.resolution})".replace("  ", " "))
    return 0
