"""``solarfleet-cli survey locate|layout|add|export|import``: the offline site survey, headless."""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from solarfleet.app.cli.util import CliError, emit_json, out, print_table
from solarfleet.models.glossary import term
from solarfleet.models.survey.layout import ROW_RULES
from solarfleet.models.store import get_meta, is_empty, set_meta


def _floats(text: str, n_min: int, n_max: int, what: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{what}: expected numbers separated by commas, got {text!r}") from None
    if not n_min <= len(values) <= n_max:
        raise argparse.ArgumentTypeError(f"{what}: expected {n_min}–{n_max} numbers, got {len(values)}")
    return values


def _keepout(text: str):
    v = _floats(text, 4, 5, "--keepout X,Y,LENGTH,WIDTH[,CLEARANCE]")
    return {"x": v[0], "y": v[1], "length": v[2], "width": v[3], "clearance": v[4] if len(v) > 4 else 0.0}


def _obstacle(text: str):
    v = _floats(text, 4, 4, "--obstacle HEIGHT,DISTANCE,AZIMUTH,WIDTH")
    return {"height": v[0], "distance": v[1], "azimuth": v[2], "width": v[3]}


def _vertices(text: str):
    pts = []
    for i, pair in enumerate(text.replace(";", " ").split()):
        v = _floats(pair, 2, 2, f"--polygon vertex {i + 1}")
        pts.append((v[0], v[1]))
    return pts


def _add_roof_args(q) -> None:
    g = q.add_argument_group("roof")
    g.add_argument("--length", type=float, metavar="M", help="roof length along x [m]")
    g.add_argument("--width", type=float, metavar="M", help="roof width along y [m]")
    g.add_argument("--polygon", type=_vertices, metavar="'X,Y X,Y …'",
                   help="roof outline as vertices in metres instead of --length/--width")
    g.add_argument("--pitched", type=float, metavar="DEG", help="a pitched roof of this pitch [°] (flush modules); "
                                                               "lengths measured on the slope")
    g.add_argument("--azimuth", type=float, default=None, metavar="DEG",
                   help="direction the modules face, clockwise from north [°] (default 180, or 0 south of "
                        "the equator)")
    g.add_argument("--setback", type=float, default=0.0, metavar="M", help="walkway along every edge [m]")
    g.add_argument("--keepout", type=_keepout, action="append", default=[], metavar="X,Y,L,W[,C]",
                   help="keep-out rectangle: corner, length, width, optional clearance [m] (repeatable)")
    g.add_argument("--allowed-load", type=float, metavar="KG_M2", help="load the roof may carry [kg/m²]")
    g.add_argument("--racking-mass", type=float, metavar="KG_M2",
                   help="racking and ballast per m² of module [kg/m²] (default: documented assumption)")
    g = q.add_argument_group("layout")
    g.add_argument("--module", required=True, metavar="NAME", help="CEC module key, or words that find one module")
    g.add_argument("--tilt", type=float, metavar="DEG", help="row tilt on a flat roof [°] (default 10)")
    g.add_argument("--orientation", choices=("portrait", "landscape"), default="portrait")
    g.add_argument("--modules-high", type=int, default=1, metavar="N", help="modules stacked up a row")
    g.add_argument("--gcr", type=float, metavar="G", help="row spacing by this ground coverage ratio instead of "
                                                          "a shading rule")
    g.add_argument("--row-rule", choices=ROW_RULES, default=None,
                   help="row spacing on a flat roof: gb50797 (no shading 9:00–15:00 true solar time on the winter "
                        "solstice; default in China), jp_daytime (10:00–14:00; default in Japan), noon (winter-"
                        "solstice noon; default elsewhere and with --latitude alone) or gcr (with --gcr)")
    g.add_argument("--module-length", type=float, metavar="M", help="module length where the catalog has none [m]")
    g.add_argument("--module-width", type=float, metavar="M", help="module width where the catalog has none [m]")


def register(sub) -> None:
    p = sub.add_parser("survey", help="offline site survey: locate, lay out, add, export and import surveys")
    ss = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = ss.add_parser("locate", help="read coordinates as typed or pasted; time zone and altitude offline")
    q.add_argument("coordinates", metavar="TEXT", help="e.g. \"31.38, 121.25\" or \"31°22'48\\\"N 121°15'E\"")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_locate)

    q = ss.add_parser("layout", help="lay out modules on a roof and print the figures (no database)")
    _add_roof_args(q)
    q.add_argument("--latitude", type=float, metavar="DEG", help="site latitude for the solstice row spacing [°]")
    q.add_argument("--at", metavar="TEXT", help="site coordinates as text instead of --latitude")
    q.add_argument("--svg", metavar="FILE", help="also write a drawing of the layout as SVG")
    q.add_argument("--json", action="store_true", help="print JSON (with module positions)")
    q.set_defaults(func=cmd_layout)

    q = ss.add_parser("add", help="store a surveyed park with one roof (and its layout) in the database")
    q.add_argument("name", metavar="PARK")
    q.add_argument("--at", required=True, metavar="TEXT", help="coordinates, e.g. \"31.38N 121.25E\"")
    q.add_argument("--tz", metavar="ZONE", help="time zone instead of the offline lookup")
    q.add_argument("--altitude", type=float, metavar="M", help="altitude instead of pvlib's map [m]")
    q.add_argument("--grid-region", default="national", metavar="REGION")
    q.add_argument("--roof-name", default="Roof 1", metavar="NAME")
    q.add_argument("--height", type=float, default=10.0, metavar="M", help="roof height above ground [m]")
    _add_roof_args(q)
    q.add_argument("--horizon", metavar="FILE", help="horizon: PVGIS horizon file (JSON/CSV) or a typed "
                                                     "'azimuth, elevation' table")
    q.add_argument("--obstacle", type=_obstacle, action="append", default=[], metavar="H,D,AZ,W",
                   help="nearby obstacle: height above roof, distance [m], azimuth [°], width [m] (repeatable)")
    q.add_argument("--photo", action="append", default=[], metavar="PATH", help="attach a photo (repeatable)")
    q.add_argument("--replace", action="store_true", help="replace a park of the same name")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_add)

    q = ss.add_parser("export", help="write surveyed parks (with photos) to one package file")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable; default: every "
                                                                    "surveyed park)")
    q.add_argument("--photo", action="append", default=[], metavar="[PARK=]PATH",
                   help="attach a photo file to a park (PARK= may be left out when one park is exported)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_export)

    q = ss.add_parser("import", help="merge a survey package into the fleet")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--on-conflict", choices=("error", "rename", "skip", "replace"), default="error",
                   help="what to do with a park whose name exists (default: error — list the clashes and "
                        "import nothing)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import)


def _module_key(text: str) -> str:
    from solarfleet.models.simulation import catalog
    if catalog.has_module(text):
        return text
    hits = catalog.search_modules(text, limit=6)
    if len(hits) == 1:
        return hits[0].key
    if not hits:
        raise CliError(f"no CEC module matches {text!r}")
    names = ", ".join(h.key for h in hits[:5])
    raise CliError(f"{text!r} matches several modules ({names}{', …' if len(hits) > 5 else ''}); give the key")


def _roof_from_args(args, name: str, latitude=None, height: float = 10.0):
    from solarfleet.models.survey.site import RoofSurvey
    if args.polygon is not None:
        if args.length is not None or args.width is not None:
            raise CliError("give either --polygon or --length/--width, not both")
        outline = args.polygon
    else:
        if args.length is None or args.width is None:
            raise CliError("give the roof as --length M --width M, or --polygon 'X,Y X,Y …'")
        if args.length <= 0 or args.width <= 0:
            raise CliError("--length and --width must be greater than 0")
        outline = ((0.0, 0.0), (args.length, 0.0), (args.length, args.width), (0.0, args.width))
    azimuth = args.azimuth
    if azimuth is None:
        azimuth = 0.0 if latitude is not None and latitude < 0 else 180.0
    return RoofSurvey(
        name=name, outline=tuple(outline), roof_type="pitched" if args.pitched is not None else "flat",
        surface_tilt=args.pitched or 0.0, surface_azimuth=azimuth, height=height, setback=args.setback,
        keepouts=tuple(args.keepout), allowed_load=args.allowed_load, module=_module_key(args.module),
        orientation=args.orientation, module_tilt=args.tilt, gcr=args.gcr, modules_high=args.modules_high,
        racking_mass=args.racking_mass, module_length=args.module_length, module_width=args.module_width,
        row_rule=args.row_rule)


def _latitude(args):
    from solarfleet.models.survey.geo import parse_coordinates
    if args.at:
        if args.latitude is not None:
            raise CliError("give either --at or --latitude, not both")
        return parse_coordinates(args.at)[0]
    return args.latitude


def _print_layout(layout) -> None:
    s = layout.summary()
    out(f"{s['roof']}: {s['count']} × {s['module']} ({s['orientation']}, {s['module_length']:.3f} × "
        f"{s['module_width']:.3f} m, {s['module_stc']:.1f} W)")
    rows = [("DC capacity", f"{s['kwp']:,.2f} kWp"), ("Modules", f"{s['count']} in {s['rows']} rows"),
            ("Tilt / azimuth", f"{s['surface_tilt']:g}° / {s['surface_azimuth']:g}°"),
            ("Row pitch", f"{s['row_pitch']:.3f} m")]
    if s["gcr"] is not None:
        rows.append(("GCR", f"{s['gcr']:.3f}"))
    if s["row_rule"] is not None:
        rows.append(("Row spacing rule", term(f"row_rule_{s['row_rule']}")))
    if s["solar_elevation"] is not None:
        when = s["design_solar_time"]
        rows.append(("Winter-solstice sun", f"{s['solar_elevation']:.2f}° at {int(when):02d}:{round(when % 1 * 60):02d} "
                                            "true solar time (the spacing's binding moment)"))
    rows.append(("Roof area / coverage", f"{s['roof_area']:,.1f} m² / {s['coverage'] * 100:.1f} % modules"))
    assumed = f" (assumed: {', '.join(s['assumed'])})" if s["assumed"] else ""
    if s["load_ok"] is None:
        verdict = "not checked: no allowed load given"
    else:
        verdict = f"{'OK' if s['load_ok'] else 'TOO HEAVY'} against {s['allowed_load']:g} kg/m²"
    rows.append(("Load", f"{s['load']:.1f} kg/m² — {verdict}{assumed}"))
    print_table([{"k": k, "v": v} for k, v in rows], [("k", "Figure", ""), ("v", "Value", "")])


def _site_rule(coordinates: str) -> str:
    """The row-spacing rule of the country at ``coordinates`` (from the offline time-zone lookup)."""
    from solarfleet.models.survey.geo import locate_site, parse_coordinates
    from solarfleet.models.survey.layout import default_row_rule
    return default_row_rule(locate_site(*parse_coordinates(coordinates)).tz)


def cmd_locate(args, ctx) -> int:
    from solarfleet.models.survey.geo import CoordinateError, format_coordinates, locate_site, parse_coordinates
    try:
        lat, lon = parse_coordinates(args.coordinates)
    except CoordinateError as exc:
        raise CliError(str(exc)) from None
    site = locate_site(lat, lon)
    if args.json:
        emit_json({"latitude": lat, "longitude": lon, "tz": site.tz, "altitude": site.altitude})
    else:
        out(f"{format_coordinates(lat, lon)}  ({lat:.6f}, {lon:.6f})  time zone {site.tz}, "
            f"altitude {site.altitude:.0f} m (offline lookups)")
    return 0


def cmd_layout(args, ctx) -> int:
    from solarfleet.models.survey.geo import CoordinateError
    from solarfleet.models.survey.layout import layout_roof
    try:
        latitude = _latitude(args)
    except CoordinateError as exc:
        raise CliError(str(exc)) from None
    roof = _roof_from_args(args, "Roof", latitude)
    if args.at and roof.row_rule is None and roof.gcr is None and roof.roof_type == "flat":
        roof = dataclasses.replace(roof, row_rule=_site_rule(args.at))
    needs_sun = roof.roof_type == "flat" and roof.gcr is None and roof.row_tilt > 0
    if latitude is None:
        if needs_sun:
            raise CliError("give --latitude DEG (or --at TEXT) for the winter-solstice row spacing, or --gcr G")
        latitude = 0.0
    layout = layout_roof(roof, latitude)
    if args.svg:
        from solarfleet.models.survey.layout_svg import write_layout_svg
        write_layout_svg(roof, layout, args.svg)
    if args.json:
        d = layout.summary()
        d["modules_xy"] = [[round(float(v), 4) for v in m] for m in layout.modules]
        d["usable_outline"] = [list(p) for p in layout.usable_outline]
        if args.svg:
            d["svg"] = str(args.svg)
        emit_json(d)
        return 0
    _print_layout(layout)
    if args.svg:
        out(f"\nDrawing written to {args.svg}")
    return 0


def cmd_add(args, ctx) -> int:
    from solarfleet.models.survey.geo import CoordinateError, locate_site, parse_coordinates
    from solarfleet.models.survey.horizon import HorizonError, read_horizon_table, read_pvgis_horizon
    from solarfleet.models.store import save_surveyed_park, add_survey_photo, ParkExistsError
    from solarfleet.models.survey.site import SiteSurvey, survey_to_park
    from solarfleet.models.survey.package import photo_from_path
    try:
        lat, lon = parse_coordinates(args.at)
        loc = locate_site(lat, lon, tz=args.tz, altitude=args.altitude)
    except CoordinateError as exc:
        raise CliError(str(exc)) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    roof = _roof_from_args(args, args.roof_name, lat, args.height)
    horizon, source = (), ""
    if args.horizon:
        try:
            try:
                series, meta = read_pvgis_horizon(args.horizon)
                source = f"{meta['format']}:{Path(args.horizon).name}"
            except HorizonError as first:
                try:
                    series = read_horizon_table(Path(args.horizon))
                    source = f"table:{Path(args.horizon).name}"
                except HorizonError:
                    raise first from None
        except HorizonError as exc:
            raise CliError(str(exc)) from None
        horizon = tuple(zip(series.index, series.values))
    site = SiteSurvey(name=args.name, latitude=loc.latitude, longitude=loc.longitude, altitude=loc.altitude,
                      tz=loc.tz, grid_region=args.grid_region, roofs=(roof,), horizon=horizon,
                      obstacles=tuple(args.obstacle), horizon_source=source)
    photos = [photo_from_path(p) for p in args.photo]
    layouts = site.layouts()
    park = survey_to_park(site, layouts)
    store = ctx.store()
    try:
        with store.db.atomic():
            save_surveyed_park(store, park, site.extras(), replace=args.replace)
            for ph in photos:
                add_survey_photo(store, park.name, ph.name, ph.data, ph.media_type)
    except ParkExistsError:
        raise CliError(f"park {park.name!r} already exists; use --replace, or another name") from None
    lay = layouts[roof.name]
    if args.json:
        emit_json({"park": park.name, "latitude": lat, "longitude": lon, "tz": loc.tz, "altitude": loc.altitude,
                   "layout": lay.summary(), "horizon_points": len(horizon), "obstacles": len(site.obstacles),
                   "photos": len(photos), "kwp": round(park.dc_capacity / 1000.0, 3)})
        return 0
    out(f"Stored {park.name!r} at {lat:.5f}, {lon:.5f} ({loc.tz}, {loc.altitude:.0f} m): "
        f"{lay.count} modules, {park.dc_capacity / 1000:,.1f} kWp"
        + (f", horizon {len(horizon)} points" if horizon else "")
        + (f", {len(site.obstacles)} obstacles" if site.obstacles else "")
        + (f", {len(photos)} photos" if photos else "") + ".")
    return 0


def cmd_export(args, ctx) -> int:
    from solarfleet.models.survey.package import SurveyPackageError, export_survey_package
    from solarfleet.app import __version__
    store = ctx.store()
    photos: dict = {}
    for item in args.photo:
        park, sep, path = item.rpartition("=")
        if not sep:
            if not args.park or len(args.park) != 1:
                raise CliError(f"--photo {item}: say which park it belongs to as PARK=PATH")
            park = args.park[0]
        photos.setdefault(park, []).append(path)
    try:
        package = export_survey_package(store, args.file, args.park, photos, f"SolarFleet {__version__}")
    except KeyError as exc:
        raise CliError(f"no park named {exc.args[0]!r}; try: solarfleet-cli fleet list") from None
    except SurveyPackageError as exc:
        raise CliError(str(exc)) from None
    n_photos = sum(len(s.photos) for s in package.sites)
    if args.json:
        emit_json({"file": str(args.file), "parks": package.names, "photos": n_photos,
                   "surveyed": [s.park.name for s in package.sites if s.survey is not None]})
    else:
        out(f"Wrote {len(package.sites)} park(s) ({', '.join(package.names)}) and {n_photos} photo(s) "
            f"to {args.file}.")
    return 0


def cmd_import(args, ctx) -> int:
    from solarfleet.models.store import SurveyConflictError
    from solarfleet.models.survey.package import SurveyPackageError, import_survey_package, read_survey_package
    try:
        package = read_survey_package(args.file)  # validated before the database is opened
    except SurveyPackageError as exc:
        raise CliError(f"{exc} — nothing was imported") from None
    store = ctx.store(seed_demo=False)
    fresh = is_empty(store) and not get_meta(store, "demo_seeded")
    try:
        with store.db.atomic():
            report = import_survey_package(store, package, on_conflict=args.on_conflict)
            if fresh:
                set_meta(store, "demo_seeded", "skipped: first action was a survey import")
    except SurveyConflictError as exc:
        names = ", ".join(repr(n) for n in exc.names)
        raise CliError(f"{args.file}: the database already holds park(s) {names}; nothing was imported — rerun "
                       "with --on-conflict rename|replace|skip") from None
    if args.json:
        emit_json({"file": str(args.file), **report})
        return 0
    parts = [f"{len(report['added'])} added"]
    for k in ("replaced", "skipped"):
        if report[k]:
            parts.append(f"{len(report[k])} {k} ({', '.join(report[k])})")
    if report["renamed"]:
        parts.append("renamed " + ", ".join(f"{a!r} → {b!r}" for a, b in report["renamed"].items()))
    parts.append(f"{report['photos']} photo(s)")
    out(f"Imported {args.file}: " + "; ".join(parts) + ".")
    return 0
