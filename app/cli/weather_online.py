"""``solarfleet-cli weather years|pack …``: real years from NASA POWER / PVGIS and climate packs.

Every network call here is one the user asked for by running the command; each has a timeout,
Ctrl-C cancels it with nothing partial stored, and the answers are cached in the database.
"""
from __future__ import annotations

import re

from solarfleet.app.cli.util import CliError, emit_json, err, find_park, out, print_table


def register(ws) -> None:
    """Add ``years`` and ``pack`` to the ``weather`` sub-commands ``ws``."""
    q = ws.add_parser("years", help="download real hourly years (NASA POWER or PVGIS) for a park, one weather set "
                                    "per year (needs the internet; cached)")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--source", choices=("nasa_power", "pvgis"), default="nasa_power",
                   help="NASA POWER (2001 → last year, global) or PVGIS (2005 → 2023)")
    q.add_argument("--years", required=True, metavar="Y1-Y2|Y,Y", help="years, e.g. 2010-2024 or 2019,2021")
    _network_args(q)
    q.add_argument("--refresh", action="store_true", help="fetch again even if cached")
    q.set_defaults(func=cmd_years)

    p = ws.add_parser("pack", help="climate packs: regional monthly climatology for offline typical years")
    ps = p.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    q = ps.add_parser("prepare", help="download NASA POWER's monthly climatology of a region (needs the internet)")
    q.add_argument("name", metavar="NAME")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--province", help="one of the provinces with demo parks (see 'pack provinces')")
    g.add_argument("--bbox", metavar="LAT_MIN,LAT_MAX,LON_MIN,LON_MAX", help="a bounding box [°]")
    g.add_argument("--around-parks", action="store_true", help="the box around all parks, plus --margin")
    q.add_argument("--margin", type=float, default=1.0, help="margin around the parks [°] (default 1)")
    q.add_argument("--replace", action="store_true", help="replace a pack of the same name")
    _network_args(q)
    q.set_defaults(func=cmd_pack_prepare)
    q = ps.add_parser("list", help="climate packs in the database")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_pack_list)
    q = ps.add_parser("provinces", help="provinces 'pack prepare --province' knows")
    q.set_defaults(func=cmd_pack_provinces)
    q = ps.add_parser("export", help="write a pack to a file for a laptop that is never online")
    q.add_argument("name", metavar="NAME")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_pack_export)
    q = ps.add_parser("import", help="read a pack file")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--name", help="store under another name")
    q.add_argument("--replace", action="store_true", help="replace a pack of the same name")
    q.set_defaults(func=cmd_pack_import)
    q = ps.add_parser("delete", help="delete a pack")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(func=cmd_pack_delete)
    q = ps.add_parser("at", help="what a site's offline typical year rests on (and the pack's monthly values)")
    q.add_argument("latitude", type=float, metavar="LAT")
    q.add_argument("longitude", type=float, metavar="LON")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_pack_at)


def _network_args(q) -> None:
    q.add_argument("--timeout", type=float, default=60.0, help="network timeout per request [s] (default 60)")
    q.add_argument("--url", help="service endpoint (default: the public one; for mirrors and tests)")
    q.add_argument("--json", action="store_true", help="print JSON")


def _years(text: str) -> list[int]:
    m = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", text)
    try:
        if m:
            return list(range(int(m.group(1)), int(m.group(2)) + 1))
        return [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise CliError(f"--years must be like 2010-2024 or 2019,2021 (got {text!r})") from None


def _progress(args):
    return None if args.json else (lambda i, n: err(f"  fetched {i}/{n}"))


def cmd_years(args, ctx) -> int:
    from solarfleet.models.weather.convention import WeatherNetworkError
    from solarfleet.models.weather.online_years import SOURCES, download_years
    from solarfleet.models.store import weather_info
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        res = download_years(store, park, args.source, _years(args.years), url=args.url, timeout=args.timeout,
                             progress=_progress(args), refresh=args.refresh)
    except WeatherNetworkError as exc:
        raise CliError(f"{exc} — nothing was stored") from None
    licence = next((weather_info(store, r["weather_id"])["metadata"].get("licence") for r in res
                    if r["weather_id"]), None)
    if args.json:
        emit_json({"park": park.name, "source": args.source, "years": res, "licence": licence})
        return 0
    name = SOURCES[args.source][0]
    for r in res:
        if r["weather_id"] is None:
            out(f"{name} {r['year']}: already stored for {park.name}")
        else:
            out(f"{name} {r['year']}: weather set {r['weather_id']}" + (" (from the cache)" if r["cached"] else "")
                + (f", {r['missing']} hours without GHI" if r["missing"] else ""))
    out("  satellite-derived and reanalysis data on a grid: modelled, not measured at the site")
    if licence:
        out(f"  source: {licence}")
    return 0


def cmd_pack_prepare(args, ctx) -> int:
    from solarfleet.models.store import load_fleet
    from solarfleet.models.weather.climate_pack import PROVINCES, parks_region, prepare_climate_pack, region_bbox
    from solarfleet.models.weather.convention import WeatherNetworkError
    from solarfleet.models.weather.nasa_power import CLIMATOLOGY_REGIONAL_URL
    store = ctx.store()
    try:
        if args.province:
            if args.province not in PROVINCES:
                raise CliError(f"unknown province {args.province!r}; known: {', '.join(PROVINCES)} (or use --bbox)")
            bbox, kind, rname = PROVINCES[args.province], "province", args.province
        elif args.bbox:
            bbox, kind, rname = region_bbox(args.bbox.split(",")), "bbox", ""
        else:
            bbox = parks_region(load_fleet(store).parks, args.margin)
            kind, rname = "around parks", f"margin {args.margin:g}°"
        pid = prepare_climate_pack(store, args.name, bbox, region_kind=kind, region_name=rname,
                                   url=args.url or CLIMATOLOGY_REGIONAL_URL, timeout=args.timeout,
                                   progress=_progress(args), replace=args.replace)
    except (WeatherNetworkError, ValueError) as exc:
        raise CliError(f"{exc} — nothing was stored") from None
    row = next(p for p in _packs(store) if p["id"] == pid)
    if args.json:
        emit_json(row)
        return 0
    out(f"Stored climate pack {args.name!r}: {row['cells']} grid cells over {list(bbox)} ({row['period']})")
    out(f"  source: {row['licence']}")
    return 0


def _packs(store):
    from solarfleet.models.store import list_climate_packs
    return list_climate_packs(store)


def cmd_pack_list(args, ctx) -> int:
    rows = _packs(ctx.store())
    if args.json:
        emit_json({"packs": rows})
        return 0
    if not rows:
        out("No climate packs. Prepare one while online: solarfleet-cli weather pack prepare NAME --around-parks")
        return 0
    for r in rows:
        r["bbox"] = ",".join(f"{v:g}" for v in r["region"]["bbox"])
    print_table(rows, [("id", "ID", "d"), ("name", "Name", ""), ("cells", "Cells", "d"), ("bbox", "Region", ""),
                       ("fetched_utc", "Fetched (UTC)", "")])
    return 0


def cmd_pack_provinces(args, ctx) -> int:
    from solarfleet.models.weather.climate_pack import PROVINCES
    for name, box in PROVINCES.items():
        out(f"{name}: latitude {box[0]:g}–{box[1]:g}, longitude {box[2]:g}–{box[3]:g}")
    return 0


def cmd_pack_export(args, ctx) -> int:
    from solarfleet.models.weather.climate_pack import export_climate_pack
    try:
        path = export_climate_pack(ctx.store(write=False), args.name, args.file)
    except KeyError:
        raise CliError(f"no climate pack named {args.name!r}; try: solarfleet-cli weather pack list") from None
    out(f"Wrote climate pack {args.name!r} to {path}")
    return 0


def cmd_pack_import(args, ctx) -> int:
    from solarfleet.models.weather.climate_pack import import_climate_pack
    from solarfleet.models.weather.convention import WeatherFileError
    try:
        pid = import_climate_pack(ctx.store(), args.file, name=args.name, replace=args.replace)
    except WeatherFileError as exc:
        raise CliError(f"{exc} — nothing was imported") from None
    out(f"Imported climate pack {pid} from {args.file}")
    return 0


def cmd_pack_delete(args, ctx) -> int:
    from solarfleet.models.store import delete_climate_pack
    try:
        delete_climate_pack(ctx.store(), args.name)
    except KeyError:
        raise CliError(f"no climate pack named {args.name!r}") from None
    out(f"Deleted climate pack {args.name!r}.")
    return 0


def cmd_pack_at(args, ctx) -> int:
    from solarfleet.models.weather.climate_pack import site_climate_basis
    basis = site_climate_basis(ctx.store(write=False), args.latitude, args.longitude)
    pc = basis.get("pack")
    if args.json:
        emit_json({"basis": basis["basis"], "text": basis["text"],
                   "monthly_ghi_kwh_m2": None if pc is None else [round(v, 1) for v in pc.monthly_ghi],
                   "uncertainty": None if pc is None else pc.uncertainty})
        return 0
    out(f"Typical year at {args.latitude:g}, {args.longitude:g} rests on: {basis['basis']}")
    out(f"  {basis['text']}")
    if pc is not None:
        out("  monthly GHI [kWh/m²]: " + "  ".join(f"{v:.0f}" for v in pc.monthly_ghi)
            + f"  (year {sum(pc.monthly_ghi):,.0f})")
        out(f"  source: {pc.licence}")
    return 0
