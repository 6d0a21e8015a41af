"""``solarfleet-cli load import|synth|list|show``: consumption data per park."""
from __future__ import annotations

from pathlib import Path

from solarfleet.app.cli.util import CliError, emit_json, out, print_table, find_park
from solarfleet.models.store import (add_load_series, default_weather, get_synthetic_load_params, list_load_series,
    load_weather, park_consumption, set_synthetic_load_params)


def register(sub) -> None:
    p = sub.add_parser("load", help="import, synthesise, list and show parks' consumption")
    ls = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = ls.add_parser("import", help="import meter files (CSV/XLSX) as a park's consumption; several files or "
                                     "columns are several meters, summed")
    q.add_argument("park", metavar="PARK")
    q.add_argument("files", metavar="FILE", nargs="+")
    q.add_argument("--unit", default="kW", choices=("W", "kW", "MW", "Wh", "kWh", "MWh"),
                   help="unit of the values: power (mean over the interval) or energy per interval (default kW)")
    q.add_argument("--tz", help="IANA time zone of naive timestamps (default: the park's)")
    q.add_argument("--label", choices=("start", "end"), default="start",
                   help="timestamps mark interval starts or ends (default start)")
    q.add_argument("--interval", type=int, metavar="MIN", help="interval [min]; inferred from timestamps if omitted")
    q.add_argument("--start", metavar="DATETIME",
                   help="local start of the first interval, for a file without timestamps (e.g. 2023-01-01T00:00)")
    q.add_argument("--timestamp-column", metavar="COL", help="name or 0-based number of the timestamp column")
    q.add_argument("--timestamp-format", metavar="FMT", help="strftime format of the timestamps, e.g. %%d/%%m/%%Y %%H:%%M")
    order = q.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                       help="numeric dates are day/month/year (default: decided from the data, refused if unclear)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="numeric dates are month/day/year")
    q.add_argument("--column", action="append", metavar="COL", help="value column to read (repeatable; default all)")
    q.add_argument("--sign", choices=("import_positive", "export_positive"), default="import_positive",
                   help="import_positive: values are consumption; export_positive: values are subtracted")
    q.add_argument("--sheet", help="XLSX sheet name (default the first)")
    q.add_argument("--duplicates", choices=("error", "first", "mean"), default="error",
                   help="a repeated timestamp with a different value: refuse (default), keep first, or average")
    q.add_argument("--meter", metavar="NAME", help="meter name (one file only; default: the column or file name)")
    q.add_argument("--resample", type=int, metavar="MIN", help="store resampled to this interval (energy conserved)")
    q.add_argument("--replace", action="store_true", help="replace a stored series of the same meter")
    q.add_argument("--json", action="store_true", help="print the import report as JSON")
    q.set_defaults(func=cmd_import)

    q = ls.add_parser("synth", help="synthesise a logistics-park load for a park without meters")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--floor-area", type=float, metavar="M2", help="floor area [m²] (default: the park's roof area)")
    q.add_argument("--shifts", type=int, default=2, choices=(1, 2, 3))
    q.add_argument("--automation", type=float, default=0.5, help="sorting automation 0–1 (default 0.5)")
    q.add_argument("--office-share", type=float, default=0.05)
    q.add_argument("--cold-storage-share", type=float, default=0.0)
    q.add_argument("--hvac-sensitivity", type=float, default=1.5, help="[W/(m²·K)] (default 1.5)")
    q.add_argument("--ev-vehicles", type=int, default=0)
    q.add_argument("--ev-kwh", type=float, default=40.0, help="kWh per vehicle and operating day (default 40)")
    q.add_argument("--ev-window", action="append", metavar="H-H",
                   help="EV charging window in local hours, e.g. 11-15 or 22-6 (repeatable; default 11-15 and 22-6)")
    q.add_argument("--weekend-activity", type=float, default=0.8)
    q.add_argument("--year", type=int, default=2023)
    q.add_argument("--interval", type=int, default=60, metavar="MIN")
    q.add_argument("--seed", type=int, default=0)
    q.add_argument("--replace", action="store_true", help="replace the park's stored synthetic series")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_synth)

    q = ls.add_parser("demo", help="give the demo parks without consumption data a synthetic load, the example "
                                   "tariff and (some) a battery")
    q.add_argument("--year", type=int, default=2023)
    q.add_argument("--interval", type=int, default=60, metavar="MIN")
    q.add_argument("--replace", action="store_true", help="also replace demo parks' existing consumption")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_demo)

    q = ls.add_parser("list", help="stored consumption series")
    q.add_argument("--park", metavar="NAME")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)

    q = ls.add_parser("show", help="a park's consumption: energy, peak, gaps, meters")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_show)



def cmd_import(args, ctx) -> int:
    from solarfleet.models.energy.load import LoadFileError, read_meter, resample_energy
    store = ctx.store()
    park = find_park(store, args.park)
    if args.meter and len(args.files) > 1:
        raise CliError("--meter names one meter; with several files each is named after its file")
    if args.resample is not None and not _whole_interval(args.resample):
        raise CliError(f"--resample: {args.resample} minutes does not divide an hour, nor is it whole hours "
                       "dividing a day (use e.g. 15, 30, 60 or 1440)")
    read = []
    for f in args.files:  # read and check everything before writing anything
        try:
            data, meta, report = read_meter(
                Path(f), unit=args.unit, tz=args.tz or park.tz, label=args.label,
                timestamp_column=_int_or_str(args.timestamp_column),
                value_columns=[_int_or_str(c) for c in args.column] if args.column else None,
                sign=args.sign, interval_minutes=args.interval, start=args.start, sheet=args.sheet,
                duplicates=args.duplicates, meter=args.meter, dayfirst=args.dayfirst,
                timestamp_format=args.timestamp_format)
        except LoadFileError as exc:
            raise CliError(str(exc)) from None
        if args.resample and args.resample != meta["interval_minutes"]:
            try:
                data = resample_energy(data, meta["interval_minutes"], args.resample)
            except ValueError as exc:
                raise CliError(f"--resample: {exc}") from None
            meta = {**meta, "resampled_from_minutes": meta["interval_minutes"], "interval_minutes": args.resample}
        read.append((f, data, meta, report))
    names = [m["meter"] for _, _, m, _ in read]
    if len({n.casefold() for n in names}) < len(names):
        raise CliError(f"two files give the same meter name ({', '.join(names)}); import them one by one with --meter")
    results = []
    with store.db.atomic():
        for f, data, meta, report in read:
            try:
                sid = add_load_series(store, park.name, data, meta, report, replace=args.replace)
            except ValueError as exc:
                raise CliError(f"{f}: {exc}") from None
            results.append({"file": str(f), "id": sid, "meter": meta["meter"],
                            "interval_minutes": meta["interval_minutes"], "start": meta["start"],
                            "end": meta["end"], "energy_kwh": report["energy_wh"] / 1000.0,
                            "missing_intervals": int(data.isna().sum()), "gaps": report["gaps"],
                            "duplicates": report["duplicates"], "duplicate_count": report["duplicate_count"],
                            "blank_value_count": report["blank_value_count"],
                            "negative_values": report["negative_values"], "assumed_start": meta["assumed_start"]})
    if args.json:
        emit_json({"park": park.name, "imported": results})
        return 0
    for r in results:
        out(f"{r['file']}: meter {r['meter']!r}, {r['interval_minutes']}-min intervals {r['start']} – {r['end']} "
            f"(UTC), {r['energy_kwh']:,.1f} kWh")
        if r["missing_intervals"]:
            out(f"  {r['missing_intervals']} intervals without data (kept as missing, not zero) in "
                f"{len(r['gaps'])} gaps; first: {r['gaps'][0]['start'] if r['gaps'] else 'blank cells'}")
        if r["duplicate_count"]:
            out(f"  {r['duplicate_count']} duplicate timestamps; first at line {r['duplicates'][0]['line']} "
                f"({r['duplicates'][0]['action']})")
        if r["assumed_start"]:
            out(f"  no timestamps in the file: assumed the first interval starts {r['assumed_start']} {park.tz}")
    return 0


def _whole_interval(minutes: int) -> bool:
    """True for a divisor of 60, or whole hours dividing a day [min]."""
    return 1 <= minutes <= 60 and 60 % minutes == 0 or minutes % 60 == 0 and 0 < minutes <= 1440 \
        and 1440 % minutes == 0


def _int_or_str(v):
    if v is None:
        return None
    return int(v) if str(v).isdigit() else v


def _windows(specs):
    if not specs:
        return ((11, 15), (22, 6))
    out_ = []
    for s in specs:
        try:
            a, b = s.split("-")
            out_.append((int(a), int(b)))
        except ValueError:
            raise CliError(f"--ev-window {s!r}: write it as START-END hours, e.g. 22-6") from None
    return tuple(out_)


def cmd_synth(args, ctx) -> int:
    from solarfleet.models.fleet import FleetValueError
    from solarfleet.models.energy.synthetic_load import SyntheticLoadParams, synth_park_load
    store = ctx.store()
    park = find_park(store, args.park)
    area = args.floor_area if args.floor_area is not None else sum(r.area for r in park.roofs)
    try:
        params = SyntheticLoadParams(
            floor_area=area, shifts=args.shifts, automation=args.automation, office_share=args.office_share,
            cold_storage_share=args.cold_storage_share, hvac_sensitivity=args.hvac_sensitivity,
            ev_vehicles=args.ev_vehicles, ev_kwh_per_vehicle_day=args.ev_kwh,
            ev_charging_windows=_windows(args.ev_window), weekend_activity=args.weekend_activity, seed=args.seed)
        temp_air = None
        wid = default_weather(store, park.name)
        if wid is not None:  # HVAC load follows the park's own weather
            temp_air = load_weather(store, wid)[0].get("temp_air")
        data, meta = synth_park_load(params, year=args.year, interval_minutes=args.interval, tz=park.tz,
                                     temp_air=temp_air)
    except FleetValueError as exc:
        raise CliError(f"--{exc.field.replace('_', '-')}: {exc.reason} (got {exc.value!r})") from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    meta["meter"] = "synthetic"
    with store.db.atomic():
        try:
            # a new synthesis replaces the previous synthetic series; measured meters are never replaced silently
            resynth = any(x["meter"].casefold() == "synthetic" and x["kind"] == "synthetic"
                          for x in list_load_series(store, park.name))
            sid = add_load_series(store, park.name, data, meta, {"gaps": []}, kind="synthetic",
                                        replace=args.replace or resynth)
        except ValueError as exc:  # StoreError is not a ValueError; caught by main
            raise CliError(str(exc)) from None
        set_synthetic_load_params(store, park.name, params)
    summary = {"park": park.name, "id": sid, "year": args.year, "interval_minutes": args.interval,
               "floor_area_m2": area, "annual_kwh": float(data.sum() * args.interval / 60 / 1000),
               "kwh_per_m2": meta["annual_kwh_per_m2"], "peak_kw": float(data.max() / 1000),
               "end_uses_kwh": {k: v / 1000 for k, v in meta["end_uses_wh"].items()}, "params": params.to_dict()}
    if args.json:
        emit_json(summary)
        return 0
    out(f"{park.name}: synthetic load {args.year}, {summary['annual_kwh'] / 1000:,.1f} MWh/yr "
        f"({summary['kwh_per_m2']:.1f} kWh/m² on {area:,.0f} m²), peak {summary['peak_kw']:,.0f} kW")
    return 0


def cmd_demo(args, ctx) -> int:
    from solarfleet.models.demo_load import seed_demo_loads
    store = ctx.store()
    try:
        done = seed_demo_loads(store, year=args.year, interval_minutes=args.interval, replace=args.replace)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        emit_json({"parks": done})
    else:
        out(f"synthetic loads for {len(done)} demo parks" + (": " + ", ".join(done) if done else
                                                             " (all already have consumption data)"))
    return 0


def cmd_list(args, ctx) -> int:
    store = ctx.store(write=False)
    if args.park:
        find_park(store, args.park)
    rows = list_load_series(store, args.park)
    for r in rows:
        r["energy_mwh"] = r["energy_wh"] / 1e6
    if args.json:
        emit_json({"series": rows})
        return 0
    if not rows:
        out("No consumption data yet. Add some with: solarfleet-cli load import PARK FILE  or  load synth PARK")
        return 0
    print_table(rows, [("park", "Park", ""), ("meter", "Meter", ""), ("kind", "Kind", ""),
                       ("provenance", "Provenance", ""), ("origin", "Origin", ""), ("interval_minutes", "Min", "d"), ("start_utc", "Start (UTC)", ""), ("n", "Intervals", ",d"),
                       ("missing_intervals", "Missing", ",d"), ("energy_mwh", "MWh", ",.1f")])
    return 0


def cmd_show(args, ctx) -> int:
    import numpy as np
    store = ctx.store(write=False)
    park = find_park(store, args.park)
    got = park_consumption(store, park.name)
    if got is None:
        raise CliError(f"park {park.name!r} has no consumption data; add some with: solarfleet-cli load import "
                       f"{park.name!r} FILE  or  load synth {park.name!r}")
    data, info = got
    h = info["interval_minutes"] / 60
    valid = data.dropna()
    params = get_synthetic_load_params(store, park.name)
    import pandas as pd
    step = pd.Timedelta(minutes=info["interval_minutes"])
    d = {"park": park.name, **info, "start": data.index[0].isoformat(), "end": (data.index[-1] + step).isoformat(),
         "intervals": len(data), "missing_intervals": int(data.isna().sum()),
         "energy_kwh": float(np.nansum(data.to_numpy()) * h / 1000),
         "peak_kw": float(valid.max() / 1000) if len(valid) else None,
         "min_kw": float(valid.min() / 1000) if len(valid) else None,
         "series": list_load_series(store, park.name),
         "synthetic_params": params.to_dict() if params else None}
    if args.json:
        emit_json(d)
        return 0
    out(f"{park.name}: {d['kind']} consumption from {', '.join(d['meters'])}, {d['interval_minutes']}-min intervals")
    out(f"  {d['start']} – {d['end']} (UTC), {d['intervals']:,} intervals, {d['missing_intervals']:,} missing")
    out(f"  {d['energy_kwh'] / 1000:,.1f} MWh; peak {d['peak_kw']:,.1f} kW, minimum {d['min_kw']:,.1f} kW"
        if d["peak_kw"] is not None else "  no valid interval")
    return 0
