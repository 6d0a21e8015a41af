"""``solarfleet-cli weather import|synth|list|show|pvgis|default|delete``."""
from __future__ import annotations

import math

from solarfleet.models.weather.convention import FORMATS
from solarfleet.app.cli.util import CliError, db_id, emit_json, err, out, print_table, find_park
from solarfleet.models.store import (add_weather, delete_weather, list_weather, load_weather, set_default_weather,
    weather_info)

#: A weather file's site further than this from its park is reported [km].
FAR_KM = 100.0


def register(sub) -> None:
    p = sub.add_parser("weather", help="import, synthesise, list and show weather sets of parks")
    ws = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = ws.add_parser("import", help="import a weather file (EPW, TMY3, TMY2, PVGIS, NSRDB, SAM, PVWatts, PVsyst, "
                                      "Meteonorm, Solcast, Solargis, CSV/XLSX) for a park")
    q.add_argument("park", metavar="PARK")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--format", choices=FORMATS, help="file format (default: detected from the content)")
    q.add_argument("--actual-year", action="store_true",
                   help="EPW only: the file is one actual year, not a typical year")
    g = q.add_argument_group("measured CSV/XLSX files")
    g.add_argument("--timestamp", metavar="COL[,COL]", help="timestamp column(s) (default: recognised by name)")
    g.add_argument("--timestamp-format", metavar="FMT", help="strftime format of the timestamp, e.g. %%Y-%%m-%%d %%H:%%M")
    order = g.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                       help="numeric dates are day/month/year (default: decided from the data, refused if unclear)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="numeric dates are month/day/year")
    g.add_argument("--tz", help="zone or offset of naive timestamps: UTC, +08:00, Asia/Shanghai "
                                "(default: the park's zone)")
    g.add_argument("--local-time", choices=("auto", "standard", "civil"), default="auto",
                   help="for a zone with DST: stamps in standard or civil (wall-clock) time (default: auto)")
    g.add_argument("--label", choices=("start", "end", "instant"), default="start",
                   help="what a timestamp marks (default: interval start)")
    g.add_argument("--units", choices=("W/m2", "Wh/m2"), default="W/m2",
                   help="irradiance as mean power or energy per interval (default: W/m2)")
    g.add_argument("--column", action="append", metavar="NAME=COL", default=[],
                   help="map a pvlib name to a file column, e.g. ghi='GHI (W/m2)' (repeatable)")
    g.add_argument("--interval", type=int, choices=(1, 5, 10, 15, 30, 60), help="interval [min] (default: inferred)")
    g.add_argument("--encoding", help="text encoding of a CSV, e.g. gbk (default: UTF-8)")
    g.add_argument("--sheet", help="worksheet of an XLSX file (default: the first)")
    q.add_argument("--name", help="display name of the weather set")
    q.add_argument("--default", action="store_true", help="make it the park's default weather")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_import)

    q = ws.add_parser("synth", help="synthesise an offline typical year for a park")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--monthly-ghi", metavar="V1,…,V12", help="monthly GHI [kWh/m²], January first "
                                                            "(default: climate table, else a generic default)")
    q.add_argument("--monthly-temp", metavar="T1,…,T12", help="monthly mean air temperature [°C]")
    q.add_argument("--seed", type=int, default=0, help="random seed (same seed, same year; default 0)")
    q.add_argument("--decomposition", choices=("erbs", "disc", "dirint"), default="erbs")
    q.add_argument("--clearsky", action="store_true", help="a cloudless year instead (upper bound)")
    q.add_argument("--name", help="display name of the weather set")
    q.add_argument("--default", action="store_true", help="make it the park's default weather")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_synth)

    q = ws.add_parser("list", help="weather sets of all parks, or of one")
    q.add_argument("park", metavar="PARK", nargs="?")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_list)

    q = ws.add_parser("show", help="a weather set: annual and monthly sums, gaps, quality report")
    q.add_argument("id", metavar="ID", type=db_id)
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_show)

    q = ws.add_parser("pvgis", help="fetch a PVGIS TMY and horizon for a park (needs the internet; cached)")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--timeout", type=float, default=10.0, help="network timeout [s] (default 10)")
    q.add_argument("--refresh", action="store_true", help="fetch again even if cached")
    q.add_argument("--default", action="store_true", help="make it the park's default weather")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_pvgis)

    q = ws.add_parser("default", help="choose a park's default weather set")
    q.add_argument("park", metavar="PARK")
    q.add_argument("id", metavar="ID", type=db_id)
    q.set_defaults(func=cmd_default)

    q = ws.add_parser("delete", help="delete a weather set")
    q.add_argument("id", metavar="ID", type=db_id)
    q.set_defaults(func=cmd_delete)

    from solarfleet.app.cli.weather_online import register as register_online
    register_online(ws)



def _distance_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(math.radians(lon2 - lon1))
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def _summary(data, meta, report) -> dict:
    from solarfleet.models.weather.quality import annual_sum, monthly_sums
    monthly = monthly_sums(data, meta)
    return {"ghi_annual_kwh_m2": round(annual_sum(data, meta) / 1000.0, 1),
            "ghi_monthly_kwh_m2": [None if math.isnan(v) else round(v / 1000.0, 1)
                                   for v in monthly.reindex(range(1, 13)).to_numpy()],
            "intervals": len(data), "interval_minutes": meta["interval_minutes"],
            "ghi_missing": int(data["ghi"].isna().sum()), "quality": report}


def _print_report(report: dict) -> None:
    labels = {"gaps": "missing GHI intervals", "negative": "negative irradiance", "impossible":
              "physically impossible irradiance", "night": "GHI with the sun down (time-zone/labelling error?)",
              "closure": "poor closure GHI ≈ DNI·cos(zenith) + DHI",
              "balance": "components do not add up to GHI over the year"}
    for column, how in (report.get("filled") or {}).items():
        out(f"Filled (not in the file): {column} — {how}")
    if report.get("ok"):
        out("Quality: no problems found.")
        return
    out("Quality:")
    for key in report.get("problems", []):
        chk = report[key]
        if key == "balance":
            out(f"  {labels[key]}: Σ(DNI·cos z + DHI) / Σ GHI = {chk['ratio']:.3f}")
            continue
        extra = f" of {chk['checked']} checked" if "checked" in chk else ""
        out(f"  {labels[key]}: {chk['count']}{extra}; first at {', '.join(chk['first'][:3])}")
        if key == "closure" and chk.get("best_shift_minutes"):
            out(f"    (closes best with the sun {chk['best_shift_minutes']:+d} min from mid-interval: the components "
                "may have been computed for other times than the labels)")


def _mapping(args) -> dict:
    columns = {}
    for item in args.column:
        if "=" not in item:
            raise CliError(f"--column needs NAME=COLUMN (got {item!r})")
        k, v = item.split("=", 1)
        columns[k.strip()] = v.strip()
    m = {"tz": args.tz, "local_time": args.local_time, "label": args.label, "units": args.units, "columns": columns,
         "dayfirst": args.dayfirst}
    if args.timestamp:
        parts = [s.strip() for s in args.timestamp.split(",")]
        m["timestamp"] = parts[0] if len(parts) == 1 else tuple(parts)
    for key, attr in (("timestamp_format", "timestamp_format"), ("interval_minutes", "interval"),
                      ("encoding", "encoding"), ("sheet", "sheet")):
        if getattr(args, attr):
            m[key] = getattr(args, attr)
    return m


def cmd_import(args, ctx) -> int:
    from solarfleet.models.weather.convention import WeatherFileError
    from solarfleet.models.weather.detect import detect_format, read_weather, split_years
    from solarfleet.models.weather.quality import quality_report
    from solarfleet.models.weather.vendors import SITE_KWARGS
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        fmt = args.format or detect_format(args.file, args.encoding)
        kwargs = {}
        if fmt == "measured":
            if not args.tz:
                args.tz = park.tz
            kwargs = {"mapping": _mapping(args), "latitude": park.latitude, "longitude": park.longitude,
                      "altitude": park.altitude}
        elif fmt == "epw" and args.actual_year:
            kwargs = {"typical": False}
        elif fmt in SITE_KWARGS:  # vendor files may lack the zone or the site: the park's fill in
            site = {"tz": args.tz or park.tz, "latitude": park.latitude, "longitude": park.longitude,
                    "altitude": park.altitude}
            kwargs = {k: site[k] for k in SITE_KWARGS[fmt]}
        data, meta = read_weather(args.file, format=fmt, **kwargs)
        parts = split_years(data, meta)
        reports = [quality_report(d, m) for d, m in parts]
    except (WeatherFileError, ValueError) as exc:
        raise CliError(f"{exc} — nothing was imported") from None
    except OSError as exc:
        raise CliError(f"{args.file}: {exc} — nothing was imported") from None
    far = None
    if math.isfinite(meta.get("latitude", math.nan)) and math.isfinite(meta.get("longitude", math.nan)):
        d = _distance_km(park.latitude, park.longitude, meta["latitude"], meta["longitude"])
        if d > FAR_KM:
            far = round(d)
    ids = []
    with store.db.atomic():
        for (d, m), r in zip(parts, reports):
            name = args.name if args.name and len(parts) == 1 else (f"{args.name} {m['year']}" if args.name else None)
            ids.append(add_weather(store, park.name, d, m, r, name=name, default=True if args.default else None))
    result = [{"id": i, "year": m.get("year"), "kind": m["kind"], **_summary(d, m, r)}
              for i, (d, m), r in zip(ids, parts, reports)]
    if args.json:
        emit_json({"park": park.name, "file": str(args.file), "format": fmt, "source": meta["source"],
                   "notes": meta.get("notes", []), "far_from_park_km": far, "sets": result})
        return 0
    for res, (d, m) in zip(result, parts):
        year = f" {res['year']}" if res["year"] else ""
        out(f"Imported weather set {res['id']} for {park.name}: {m['source']}{year} ({fmt}, {res['kind']}), "
            f"{res['intervals']} × {res['interval_minutes']} min, GHI {res['ghi_annual_kwh_m2']:,.1f} kWh/m²"
            + (f", {res['ghi_missing']} intervals missing" if res["ghi_missing"] else ""))
        _print_report(res["quality"])
    for note in meta.get("notes", []):
        out(f"  note: {note}")
    if far:
        err(f"warning: the file's site is {far} km from the park {park.name!r}")
    return 0


def _floats(text: str, what: str, low: float, high: float, unit: str, n: int = 12) -> list[float]:
    """``n`` comma-separated numbers, each within ``low``…``high`` [``unit``], or a :class:`CliError`."""
    try:
        values = [float(v) for v in text.replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise CliError(f"{what} must be {n} numbers separated by commas (got {text[:80]!r})") from None
    if len(values) != n:
        raise CliError(f"{what} needs {n} values, January first (got {len(values)})")
    bad = next((i for i, v in enumerate(values) if not (math.isfinite(v) and low <= v <= high)), None)
    if bad is not None:
        raise CliError(f"{what}: month {bad + 1} is {values[bad]:g} {unit}, outside {low:g}…{high:g} {unit}")
    return values


def cmd_synth(args, ctx) -> int:
    from solarfleet.models.weather.climate_pack import pack_typical_year
    from solarfleet.models.weather.synthetic import synth_typical_year
    from solarfleet.models.weather.quality import quality_report
    store = ctx.store()
    park = find_park(store, args.park)
    # a month's GHI on Earth stays under ~300 kWh/m²; air temperature within the world records
    ghi = _floats(args.monthly_ghi, "--monthly-ghi", 0.0, 350.0, "kWh/m²") if args.monthly_ghi else None
    temp = _floats(args.monthly_temp, "--monthly-temp", -90.0, 65.0, "°C") if args.monthly_temp else None
    try:
        if args.clearsky:
            from solarfleet.models.weather.synthetic import synth_clearsky_year
            data, meta = synth_clearsky_year(park.latitude, park.longitude, altitude=park.altitude, tz=park.tz,
                                             monthly_temp_air=temp)
        elif ghi is None and (made := pack_typical_year(store, park.latitude, park.longitude, tz=park.tz,
                                                        altitude=park.altitude, seed=args.seed)) is not None:
            data, meta, _ = made  # a climate pack covers the park and no typical-year file city is near
        else:
            data, meta = synth_typical_year(park.latitude, park.longitude, ghi, altitude=park.altitude,
                                            seed=args.seed, tz=park.tz, decomposition=args.decomposition,
                                            monthly_temp_air=temp)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    report = quality_report(data, meta)
    default_name = "clear sky" if args.clearsky else f"synthetic (seed {args.seed})"
    wid = add_weather(store, park.name, data, meta, report, name=args.name or default_name,
                            default=True if args.default else None)
    summary = _summary(data, meta, report)
    if args.json:
        emit_json({"id": wid, "park": park.name, "sources": meta["sources"], "warnings": meta["warnings"],
                   "seed": args.seed, **summary})
        return 0
    how = "cloudless" if args.clearsky else f"seed {args.seed}, {args.decomposition}"
    out(f"Synthesised weather set {wid} for {park.name}: GHI {summary['ghi_annual_kwh_m2']:,.1f} kWh/m² ({how}).")
    for k, v in meta["sources"].items():
        out(f"  {k}: {v}")
    for w in meta["warnings"]:
        err(f"warning: {w}")
    return 0


def cmd_list(args, ctx) -> int:
    store = ctx.store(write=False)
    try:
        rows = list_weather(store, args.park)
    except KeyError:
        raise CliError(f"no park named {args.park!r}; try: solarfleet-cli fleet list") from None
    for r in rows:
        r["ghi_kwh_m2"] = None if r["ghi_annual"] is None else round(r["ghi_annual"] / 1000.0, 1)
    if args.json:
        emit_json({"weather": rows})
        return 0
    if not rows:
        out("No weather sets. Add one with: solarfleet-cli weather import PARK FILE  or  weather synth PARK")
        return 0
    for r in rows:
        r["default"] = "*" if r["is_default"] else ""
        r["year_text"] = str(r["year"]) if r["year"] else "typical"
    print_table(rows, [("id", "ID", "d"), ("default", "Def", ""), ("park", "Park", ""), ("name", "Name", ""),
                       ("kind", "Kind", ""), ("provenance", "Provenance", ""), ("year_text", "Year", ""), ("interval_minutes", "Min", "d"),
                       ("ghi_kwh_m2", "GHI [kWh/m²]", ",.1f"), ("ghi_missing", "Missing", "d")])
    return 0


def cmd_show(args, ctx) -> int:
    store = ctx.store(write=False)
    try:
        data, meta = load_weather(store, args.id)
        info = weather_info(store, args.id)
    except KeyError:
        raise CliError(f"no weather set {args.id}; try: solarfleet-cli weather list") from None
    summary = _summary(data, meta, info["quality"])
    if args.json:
        emit_json({"id": args.id, "park": info["park"], "name": info["name"], "default": info["is_default"],
                   "metadata": info["metadata"], **summary})
        return 0
    out(f"Weather set {args.id}: {info['name']}  —  park {info['park']}{'  (default)' if info['is_default'] else ''}")
    out(f"  {meta['kind']}, {meta.get('year') or 'typical year'}, source {meta['source']}; provenance "
        f"{info.get('provenance', '–')} ({info.get('origin') or 'no file'})")
    out(f"  {summary['intervals']} intervals of {summary['interval_minutes']} min from {info['start_utc']} (UTC "
        f"interval starts); site {meta['latitude']:.3f}, {meta['longitude']:.3f}; file zone {meta.get('tz')}")
    out(f"  GHI {summary['ghi_annual_kwh_m2']:,.1f} kWh/m²; missing GHI intervals: {summary['ghi_missing']}")
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    out("  monthly GHI [kWh/m²]: " + "  ".join(f"{m} {'–' if v is None else f'{v:.1f}'}"
                                             for m, v in zip(months, summary["ghi_monthly_kwh_m2"])))
    _print_report(info["quality"])
    if meta.get("data_class"):
        out(f"  data: {meta['data_class']}")
    if meta.get("licence"):
        out(f"  source: {meta['licence']}")
    for w in meta.get("warnings", []):
        out(f"  warning: {w}")
    return 0


def cmd_pvgis(args, ctx) -> int:
    from solarfleet.models.weather.convention import WeatherNetworkError
    from solarfleet.models.weather.pvgis import pvgis_tmy_cached
    from solarfleet.models.weather.quality import quality_report
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        data, meta, horizon = pvgis_tmy_cached(store, park.latitude, park.longitude, timeout=args.timeout,
                                               refresh=args.refresh)
    except WeatherNetworkError as exc:
        raise CliError(str(exc)) from None
    report = quality_report(data, meta)
    wid = add_weather(store, park.name, data, meta, report, name="PVGIS TMY", default=True if args.default else None)
    summary = _summary(data, meta, report)
    if args.json:
        emit_json({"id": wid, "park": park.name, "cached": meta.get("cached"),
                   "horizon": None if horizon is None else {str(k): float(v) for k, v in horizon.items()},
                   **summary})
        return 0
    out(f"Stored PVGIS TMY as weather set {wid} for {park.name}"
        f" ({'from the cache' if meta.get('cached') else 'fetched'}): GHI {summary['ghi_annual_kwh_m2']:,.1f} kWh/m²")
    return 0


def cmd_default(args, ctx) -> int:
    from solarfleet.models.store import WeatherStoreError
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        set_default_weather(store, park.name, args.id)
    except WeatherStoreError as exc:
        raise CliError(str(exc)) from None
    out(f"Weather set {args.id} is now the default for {park.name}.")
    return 0


def cmd_delete(args, ctx) -> int:
    store = ctx.store()
    try:
        delete_weather(store, args.id)
    except KeyError:
        raise CliError(f"no weather set {args.id}; try: solarfleet-cli weather list") from None
    out(f"Deleted weather set {args.id}.")
    return 0
