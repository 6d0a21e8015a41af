"""``solarfleet-cli fleet list|show|import|export``."""
from __future__ import annotations

from pathlib import Path

from solarfleet.app.cli.util import CliError, emit_json, out, print_table, find_park
from solarfleet.models.store import get_meta, import_fleet, is_empty, load_fleet, merge_equipment, set_meta


def register(sub) -> None:
    p = sub.add_parser("fleet", help="list, show, import and export the fleet")
    fs = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = fs.add_parser("list", help="one line per park with its capacity")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_list)

    q = fs.add_parser("show", help="a park with its roofs and arrays")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_show)

    q = fs.add_parser("import", help="import a fleet/park JSON file, or arrays from CSV")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--on-conflict", choices=("error", "replace", "skip", "rename"), default="error",
                   help="what to do with a park whose name exists (default: error, nothing imported)")
    q.add_argument("--json", action="store_true", help="print the import report as JSON")
    q.set_defaults(func=cmd_import)

    q = fs.add_parser("export", help="export the fleet (or parks) as JSON, or arrays as CSV (by extension)")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    q.add_argument("--json", action="store_true", help="print a JSON summary of what was written")
    q.set_defaults(func=cmd_export)


def _park_row(park) -> dict:
    return {"name": park.name, "latitude": park.latitude, "longitude": park.longitude,
            "altitude": park.altitude, "tz": park.tz, "grid_region": park.grid_region,
            "roofs": len(park.roofs), "arrays": sum(len(r.arrays) for r in park.roofs),
            "roof_area_m2": sum(r.area for r in park.roofs),
            "kwp": round(park.dc_capacity / 1000.0, 3)}


def cmd_list(args, ctx) -> int:
    store = ctx.store(write=False)
    fleet = load_fleet(store)
    rows = [_park_row(p) for p in fleet.parks]
    total = {"parks": len(rows), "arrays": sum(r["arrays"] for r in rows),
             "kwp": round(fleet.dc_capacity / 1000.0, 3)}
    if args.json:
        emit_json({"db": str(store.path), "parks": rows, "fleet": total})
        return 0
    if not rows:
        out("The fleet is empty. Import one with: solarfleet-cli fleet import FILE")
        return 0
    print_table(rows, [("name", "Park", ""), ("grid_region", "Grid", ""), ("latitude", "Lat [°]", ".2f"),
                       ("longitude", "Lon [°]", ".2f"), ("roofs", "Roofs", "d"), ("arrays", "Arrays", "d"),
                       ("kwp", "kWp", ",.1f")])
    out(f"\n{total['parks']} parks, {total['arrays']} arrays, {total['kwp']:,.1f} kWp  ({store.path})")
    return 0



def cmd_show(args, ctx) -> int:
    from solarfleet.models.fleet_files import park_to_dict
    park = find_park(ctx.store(write=False), args.name)
    if args.json:
        d = park_to_dict(park)
        d["kwp"] = round(park.dc_capacity / 1000.0, 3)
        for rd, roof in zip(d["roofs"], park.roofs):
            rd["kwp"] = round(roof.dc_capacity / 1000.0, 3)
            for ad, a in zip(rd["arrays"], roof.arrays):
                ad["kwp"] = round(a.dc_capacity / 1000.0, 3)
        emit_json(d)
        return 0
    out(f"{park.name}  —  {park.latitude:.4f}°, {park.longitude:.4f}°, {park.altitude:.0f} m, {park.tz}, "
        f"{park.grid_region} grid, {park.dc_capacity / 1000:,.1f} kWp")
    if park.notes:
        out(park.notes)
    out()
    rows = []
    for roof, a in park.iter_arrays():
        rows.append({"roof": roof.name, "type": roof.roof_type, "array": a.name,
                     "model": a.dc_model if a.dc_model == "pvwatts" else f"cec {a.modules}×",
                     "tilt": a.tilt_on(roof), "azimuth": a.azimuth_on(roof),
                     "gcr": a.gcr, "kwp": a.dc_capacity / 1000.0, "kwac": a.ac_capacity / 1000.0})
    print_table(rows, [("roof", "Roof", ""), ("type", "Type", ""), ("array", "Array", ""), ("model", "DC model", ""),
                       ("tilt", "Tilt [°]", ".0f"), ("azimuth", "Az [°]", ".0f"), ("gcr", "GCR", ".2f"),
                       ("kwp", "kWp", ",.1f"), ("kwac", "kWac", ",.1f")])
    return 0


def cmd_import(args, ctx) -> int:
    from solarfleet.models.fleet_files import read_arrays_csv, read_fleet_json
    path = Path(args.file)
    is_csv = path.suffix.lower() == ".csv"
    if is_csv:
        store = ctx.store()
        new_fleet, meta = read_arrays_csv(path, load_fleet(store))
        touched = {p.name for p in new_fleet.parks}
        report = import_fleet(store, new_fleet, on_conflict="replace") if touched else {}
        report = {"file": str(path), "kind": "arrays", "rows": meta["rows"], "added": meta["added"],
                  "replaced": meta["replaced"]}
    else:
        fleet, meta = read_fleet_json(path)  # everything validated before the DB is opened for writing
        store = ctx.store(seed_demo=False)
        fresh = is_empty(store) and not get_meta(store, "demo_seeded")
        with store.db.atomic():
            merge_equipment(store, meta["equipment"])  # library modules/inverters the file's arrays use
            rep = import_fleet(store, fleet, on_conflict=args.on_conflict)
            if fresh:
                set_meta(store, "demo_seeded", "skipped: first action was an import")
        report = {"file": str(path), "kind": "fleet", **rep}
    if args.json:
        emit_json(report)
    elif is_csv:
        out(f"Imported {report['rows']} arrays from {path}: {report['added']} added, {report['replaced']} replaced.")
    else:
        parts = [f"{len(report['added'])} added"]
        for k in ("replaced", "skipped"):
            if report[k]:
                parts.append(f"{len(report[k])} {k} ({', '.join(report[k])})")
        if report["renamed"]:
            parts.append("renamed " + ", ".join(f"{a!r} → {b!r}" for a, b in report["renamed"].items()))
        out(f"Imported {path}: " + "; ".join(parts) + ".")
    return 0


def cmd_export(args, ctx) -> int:
    from solarfleet.models.fleet_files import write_arrays_csv, write_fleet_json
    store = ctx.store(write=False)
    try:
        fleet = load_fleet(store, args.park) if args.park else load_fleet(store)
    except KeyError as exc:
        raise CliError(f"no park named {exc.args[0]!r}; try: solarfleet-cli fleet list") from None
    path = Path(args.file)
    if path.suffix.lower() == ".csv":
        write_arrays_csv(fleet, path)
        kind = "arrays"
    else:
        write_fleet_json(fleet, path)
        kind = "fleet"
    n_arrays = sum(len(r.arrays) for p in fleet.parks for r in p.roofs)
    if args.json:
        emit_json({"file": str(path), "kind": kind, "parks": len(fleet.parks), "arrays": n_arrays})
    else:
        out(f"Wrote {len(fleet.parks)} parks, {n_arrays} arrays to {path}.")
    return 0
