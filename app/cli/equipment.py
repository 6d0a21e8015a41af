"""``solarfleet-cli equipment import FILE | list | fit …``: the equipment library."""
from __future__ import annotations

from solarfleet.app.cli.util import CliError, emit_json, out, print_table
from solarfleet.models.simulation.equipment import EquipmentError, module_from_datasheet, read_equipment
from solarfleet.models.store import EquipmentExistsError, add_equipment, load_equipment


def register(sub) -> None:
    p = sub.add_parser("equipment", help="the equipment library: PVsyst .PAN/.OND files, datasheet modules")
    es = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = es.add_parser("import", help="import a PVsyst .PAN (module) or .OND (inverter) file")
    q.add_argument("file", metavar="FILE", nargs="+")
    q.add_argument("--replace", action="store_true", help="overwrite an item of the same manufacturer and model")
    q.add_argument("--json", action="store_true", help="print what was imported as JSON")
    q.set_defaults(func=cmd_import)

    q = es.add_parser("list", help="the library's modules and inverters")
    q.add_argument("--json", action="store_true", help="print JSON (with every parameter)")
    q.set_defaults(func=cmd_list)

    q = es.add_parser("fit", help="a module from its datasheet (fits the single-diode parameters)")
    q.add_argument("--manufacturer", required=True)
    q.add_argument("--model", required=True)
    for name, unit in (("voc", "open-circuit voltage at STC [V]"), ("isc", "short-circuit current at STC [A]"),
                       ("vmp", "maximum-power voltage at STC [V]"), ("imp", "maximum-power current at STC [A]"),
                       ("alpha-sc", "Isc temperature coefficient [%%/°C], e.g. 0.048"),
                       ("beta-voc", "Voc temperature coefficient [%%/°C], e.g. -0.27"),
                       ("gamma-pmp", "Pmp temperature coefficient [%%/°C], e.g. -0.35"),
                       ("area", "module area [m²]")):
        q.add_argument(f"--{name}", type=float, required=True, help=unit)
    q.add_argument("--cells", type=int, required=True, help="cells in series (half-cut 144-cell modules: 72)")
    q.add_argument("--noct", type=float, default=45.0, help="NOCT [°C] (default 45)")
    q.add_argument("--replace", action="store_true", help="overwrite an item of the same manufacturer and model")
    q.add_argument("--json", action="store_true", help="print the fitted parameters as JSON")
    q.set_defaults(func=cmd_fit)


def _row(item) -> dict:
    p = item.parameters
    rating = p["STC"] if item.kind == "module" else p["Paco"]
    return {"key": item.key, "kind": item.kind, "label": item.label, "source": item.source,
            "file": item.source_file, "rating_w": round(rating, 1)}


def _store(ctx, items, replace: bool) -> None:
    store = ctx.store(write=True)
    try:
        with store.db.atomic():  # every file or none
            for item in items:
                add_equipment(store, item, replace=replace)
    except EquipmentExistsError as exc:
        raise CliError(f"{exc} (nothing was imported)") from None


def cmd_import(args, ctx) -> int:
    try:
        items = [read_equipment(f) for f in args.file]
    except EquipmentError as exc:
        raise CliError(f"{exc} (nothing was imported)") from None
    _store(ctx, items, args.replace)
    if args.json:
        emit_json([{**_row(i), "parameters": i.parameters} for i in items])
    else:
        for i in items:
            out(f"imported {i.kind} {i.label}  (key {i.key!r})")
    return 0


def cmd_list(args, ctx) -> int:
    items = load_equipment(ctx.store(write=False))
    if args.json:
        emit_json([{**_row(i), "parameters": i.parameters} for i in items])
        return 0
    if not items:
        out("The equipment library is empty. Add to it with: solarfleet-cli equipment import FILE.pan|FILE.ond")
        return 0
    print_table([_row(i) for i in items], [("kind", "Kind", ""), ("label", "Equipment", ""),
                                           ("rating_w", "Rating [W]", ",.0f"), ("source", "From", ""),
                                           ("key", "Key (for arrays)", "")])
    return 0


def cmd_fit(args, ctx) -> int:
    try:
        item = module_from_datasheet(args.manufacturer, args.model, v_oc=args.voc, i_sc=args.isc, v_mp=args.vmp,
                                     i_mp=args.imp, alpha_sc=args.alpha_sc, beta_voc=args.beta_voc,
                                     gamma_pmp=args.gamma_pmp, cells_in_series=args.cells, area=args.area,
                                     t_noct=args.noct, source="datasheet", source_file="")
    except EquipmentError as exc:
        raise CliError(f"{exc} (nothing was stored)") from None
    _store(ctx, [item], args.replace)
    if args.json:
        emit_json({**_row(item), "parameters": item.parameters})
    else:
        p = item.parameters
        out(f"fitted {item.label}  (key {item.key!r}): I_L {p['I_L_ref']:.4g} A, I_o {p['I_o_ref']:.4g} A, "
            f"R_s {p['R_s']:.4g} Ω, R_sh {p['R_sh_ref']:.4g} Ω, a {p['a_ref']:.4g} V, Adjust {p['Adjust']:.4g} %")
    return 0
