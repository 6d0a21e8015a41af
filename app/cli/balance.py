"""``solarfleet-cli balance``, ``tariff`` and ``battery``: PV against consumption, bills, CO₂.

PV comes from the simulation through the single function :func:`pv_for_park`; everything
else (consumption, tariff, battery, carbon choice) from the store.
"""
from __future__ import annotations

from pathlib import Path

from solarfleet.app.cli.util import CliError, emit_json, out, print_table, find_park
from solarfleet.models.store import get_tariff, load_fleet, set_battery, set_tariff


def pv_for_park(store, park):
    """The park's simulated PV AC output [W] (pandas Series, UTC interval-start index), summed over its arrays,
    from the newest stored run that holds the park.

    Raises
    ------
    CliError
        No simulation run exists for the park.
    """
    from solarfleet.models.store.runs import NoRunError, latest_park_ac
    try:
        return latest_park_ac(store, park.name)[0]
    except NoRunError:
        raise CliError(f"no simulation run for {park.name!r} yet; run solarfleet-cli simulate first") from None


def register(sub) -> None:
    p = sub.add_parser("balance", help="PV against consumption per park and for the fleet: self-consumption, "
                                       "self-sufficiency, import, export, bill, savings, CO₂")
    p.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    p.add_argument("--region", help="emission-factor grid region for every park (default: each park's choice)")
    p.add_argument("--factor-year", type=int, metavar="YEAR", help="emission-factor data year (default: latest)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_balance)

    p = sub.add_parser("tariff", help="set or show a park's time-of-use tariff")
    ts = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = ts.add_parser("set", help="give a park a tariff from a JSON file, or the shipped example")
    q.add_argument("park", metavar="PARK")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--file", metavar="JSON")
    g.add_argument("--example", action="store_true", help="the shipped example Chinese commercial TOU tariff")
    g.add_argument("--clear", action="store_true", help="remove the park's tariff")
    q.set_defaults(func=cmd_tariff_set)
    q = ts.add_parser("show", help="a park's tariff")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_tariff_show)

    p = sub.add_parser("battery", help="set or remove a park's battery")
    bs = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = bs.add_parser("set", help="give a park a battery")
    q.add_argument("park", metavar="PARK")
    q.add_argument("--capacity-kwh", type=float, required=True)
    q.add_argument("--power-kw", type=float, required=True)
    q.add_argument("--efficiency", type=float, default=0.9, help="round trip (default 0.9)")
    q.add_argument("--min-soc", type=float, default=0.1, help="fraction of capacity (default 0.1)")
    q.add_argument("--strategy", choices=("self_consumption", "tou_arbitrage"), default="self_consumption")
    q.set_defaults(func=cmd_battery_set)
    q = bs.add_parser("clear", help="remove a park's battery")
    q.add_argument("park", metavar="PARK")
    q.set_defaults(func=cmd_battery_clear)



def cmd_tariff_set(args, ctx) -> int:
    from solarfleet.models.energy.tariff import TariffError, example_tariff, read_tariff
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        tariff = None if args.clear else (example_tariff() if args.example else read_tariff(Path(args.file)))
    except TariffError as exc:
        raise CliError(str(exc)) from None
    set_tariff(store, park.name, tariff)
    out(f"{park.name}: " + ("tariff removed" if tariff is None else f"tariff {tariff.name!r}"))
    return 0


def cmd_tariff_show(args, ctx) -> int:
    store = ctx.store(write=False)
    park = find_park(store, args.park)
    t = get_tariff(store, park.name)
    if args.json:
        emit_json(None if t is None else t.to_dict())
        return 0
    if t is None:
        out(f"{park.name}: no tariff (set one with: solarfleet-cli tariff set {park.name!r} --example)")
        return 0
    out(f"{t.name} ({t.currency}/kWh): " + ", ".join(f"{k} {v:g}" for k, v in t.prices.items())
        + f"; export {t.export_price:g}")
    return 0


def cmd_battery_set(args, ctx) -> int:
    from solarfleet.models.energy.battery import Battery
    from solarfleet.models.fleet import FleetValueError
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        b = Battery(capacity=args.capacity_kwh * 1000.0, power=args.power_kw * 1000.0, efficiency=args.efficiency,
                    min_soc=args.min_soc, strategy=args.strategy)
    except FleetValueError as exc:
        raise CliError(str(exc)) from None
    set_battery(store, park.name, b)
    out(f"{park.name}: battery {args.capacity_kwh:g} kWh / {args.power_kw:g} kW, {args.strategy}")
    return 0


def cmd_battery_clear(args, ctx) -> int:
    store = ctx.store()
    park = find_park(store, args.park)
    set_battery(store, park.name, None)
    out(f"{park.name}: battery removed")
    return 0


def cmd_balance(args, ctx) -> int:
    from solarfleet.models.energy.balance_report import BalanceInputError, balance_report
    store = ctx.store(write=False)
    fleet = load_fleet(store)
    parks = [find_park(store, n) for n in args.park] if args.park else list(fleet.parks)
    if not parks:
        raise CliError("the fleet is empty")
    try:
        rep = balance_report(store, parks, lambda park: pv_for_park(store, park), region=args.region,
                             factor_year=args.factor_year)
    except BalanceInputError as exc:
        raise CliError(str(exc)) from None
    if not rep.rows:
        raise CliError("no park has consumption data: " + "; ".join(f"{k}: {v}" for k, v in rep.skipped.items()))
    rows, totals, skipped, aligned, interval = rep.rows, rep.totals, rep.skipped, rep.aligned, rep.interval_minutes
    if args.json:
        emit_json({"interval_minutes": interval, "parks": rows, "fleet": totals, "skipped": skipped})
        return 0
    for r in rows:
        r["pv_mwh"], r["load_mwh"] = r["pv_wh"] / 1e6, r["load_wh"] / 1e6
        r["import_mwh"], r["export_mwh"] = r["import_wh"] / 1e6, r["export_wh"] / 1e6
        r["scr"] = None if r["self_consumption_ratio"] is None else 100 * r["self_consumption_ratio"]
        r["ss"] = None if r["self_sufficiency"] is None else 100 * r["self_sufficiency"]
        r["co2_t"] = r["co2_kg"] / 1000
    print_table(rows, [("park", "Park", ""), ("pv_mwh", "PV MWh", ",.1f"), ("load_mwh", "Load MWh", ",.1f"),
                       ("scr", "Self-cons. %", ".1f"), ("ss", "Self-suff. %", ".1f"),
                       ("import_mwh", "Import MWh", ",.1f"), ("export_mwh", "Export MWh", ",.1f"),
                       ("savings", "Savings", ",.0f"), ("co2_t", "CO₂ t", ",.1f")])
    t = totals
    scr = "–" if t["self_consumption_ratio"] is None else f"{100 * t['self_consumption_ratio']:.1f} %"
    ss = "–" if t["self_sufficiency"] is None else f"{100 * t['self_sufficiency']:.1f} %"
    out(f"\nFleet ({t['parks']} parks): PV {t['pv_wh'] / 1e6:,.1f} MWh, load {t['load_wh'] / 1e6:,.1f} MWh, "
        f"self-consumption {scr}, self-sufficiency {ss}, CO₂ avoided {t['co2_kg'] / 1000:,.1f} t"
        + (f", savings {t['savings']:,.0f} {t['currency']}" if "savings" in t else ""))
    for name, why in skipped.items():
        out(f"skipped {name}: {why}")
    if aligned:
        out(f"PV of another year was mapped by calendar date onto the consumption year for: {', '.join(aligned)}")
    missing = {r["park"]: r["missing_intervals"] for r in rows if r["missing_intervals"]}
    for name, n in missing.items():
        out(f"{name}: {n} intervals without PV or consumption data were left out of the totals")
    return 0
