"""``solarfleet-cli carbon``: the dual-carbon ledger, green certificates, contracts, factors, targets, what-if.

``carbon [--park P] [--year Y] [--json]`` shows Scope 2 (location- and market-based), emissions avoided by
PV and green certificates per park and for the fleet, from the same balance as ``balance``
(:mod:`solarfleet.models.energy.ledger`). The subcommands record what the ledger needs.
"""
from __future__ import annotations

from solarfleet.app.cli.util import CliError, emit_json, find_park, out, print_table


def register(sub) -> None:
    p = sub.add_parser("carbon", help="carbon ledger: Scope 2 (location/market based), avoided CO₂, green "
                                      "certificates, targets and what-if")
    _ledger_args(p)
    p.set_defaults(func=cmd_ledger)
    acts = p.add_subparsers(dest="action", metavar="ACTION")

    q = acts.add_parser("certificates", help="record green certificates (绿证) sold and retained for a month")
    q.add_argument("park", metavar="PARK")
    q.add_argument("month", metavar="YYYY-MM", help="local month of generation")
    q.add_argument("--sold", type=int, default=0)
    q.add_argument("--retained", type=int, default=0)
    q.add_argument("--note", default="")
    q.set_defaults(func=cmd_certificates)

    q = acts.add_parser("contract", help="record green power delivered under a contract in a month")
    q.add_argument("park", metavar="PARK")
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--supplier", required=True)
    q.add_argument("--mwh", type=float, required=True, help="energy delivered [MWh] (0 removes the record)")
    q.set_defaults(func=cmd_contract)

    q = acts.add_parser("factors", help="list the emission factors, or add a newer year's published factors")
    fs = q.add_subparsers(dest="factors_action", metavar="ACTION", required=True)
    r = fs.add_parser("list", help="every factor with its data year and source")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_factors_list)
    r = fs.add_parser("add", help="add published factors for a year the table lacks")
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--file", metavar="CSV|JSON", help="CSV: data_year,region,factor,source; or JSON")
    g.add_argument("--year", type=int, help="data year of one factor")
    r.add_argument("--region", help="grid region, 'national' or 'national_excl_market_green'")
    r.add_argument("--factor", type=float, help="[kg CO2/kWh]")
    r.add_argument("--source", help="the publication (who, title, date)")
    r.set_defaults(func=cmd_factors_add)

    q = acts.add_parser("target", help="set or show the fleet's or a park's target")
    ts = q.add_subparsers(dest="target_action", metavar="ACTION", required=True)
    r = ts.add_parser("set", help="peak year, reduction by a target year, neutrality year")
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--fleet", action="store_true")
    g.add_argument("--park")
    r.add_argument("--peak-year", type=int, required=True)
    r.add_argument("--reduction-pct", type=float, required=True, help="below the peak-year emissions [%%]")
    r.add_argument("--target-year", type=int, required=True)
    r.add_argument("--neutrality-year", type=int, required=True)
    r.set_defaults(func=cmd_target_set)
    r = ts.add_parser("show", help="the target and the emission trajectory against it")
    r.add_argument("--park")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_target_show)

    q = acts.add_parser("whatif", help="add (or remove) PV and a battery on one park and see the ledger change; "
                                       "nothing is stored")
    q.add_argument("--park", required=True)
    q.add_argument("--add-kwp", type=float, required=True, help="DC capacity to add [kWp]; negative removes")
    q.add_argument("--battery-kwh", type=float, help="a battery of this capacity [kWh]")
    q.add_argument("--battery-kw", type=float, help="its power [kW] (default: capacity / 2 h)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_whatif)


def _ledger_args(p) -> None:
    p.add_argument("--park", action="append", metavar="NAME", help="only this park (repeatable)")
    p.add_argument("--year", type=int, help="only this calendar year")
    p.add_argument("--strict-years", action="store_true",
                   help="refuse months whose year has no published factor (default: nearest year, said so)")
    p.add_argument("--monthly", action="store_true", help="one line per park and month")
    p.add_argument("--json", action="store_true")


def _ledger(store, park_names=None, strict=False):
    from solarfleet.app.cli import balance as cli_balance
    from solarfleet.models.energy.balance_report import BalanceInputError
    from solarfleet.models.energy.carbon import CarbonError
    from solarfleet.models.energy.ledger import build_ledger
    parks = [find_park(store, n) for n in park_names] if park_names else None
    try:
        led = build_ledger(store, lambda park: cli_balance.pv_for_park(store, park), parks, strict_years=strict)
    except (BalanceInputError, CarbonError) as exc:
        raise CliError(str(exc)) from None
    if led.monthly.empty:
        raise CliError("no park has consumption data: " + "; ".join(f"{k}: {v}" for k, v in led.skipped.items()))
    return led


def _t(kg):
    return None if kg is None else kg / 1000.0


def cmd_ledger(args, ctx) -> int:
    from solarfleet.models.energy.ledger import summary
    store = ctx.store()
    led = _ledger(store, args.park, args.strict_years)
    if args.year is not None and args.year not in set(led.monthly["year"]):
        raise CliError(f"the ledger has no month in {args.year} (it covers "
                       f"{', '.join(map(str, sorted(set(led.monthly['year']))))})")
    s = summary(led, args.year)
    if args.json:
        emit_json(s)
        return 0
    if args.monthly:
        _print_months(s)
        return 0
    rows = [{**p, "loc_t": _t(p["scope2_location_kg"]), "mkt_t": _t(p["scope2_market_kg"]),
             "self_t": _t(p["avoided_self_consumed_kg"]), "exp_t": _t(p["avoided_export_kg"]),
             "imp_mwh": None if p["import_wh"] is None else p["import_wh"] / 1e6} for p in s["parks"]]
    print_table(rows, [("park", "Park", ""), ("consumption_source", "Consumption", ""), ("pv_source", "PV", ""),
                       ("imp_mwh", "Import MWh", ",.1f"), ("loc_t", "Scope 2 loc. t", ",.1f"),
                       ("mkt_t", "Scope 2 mkt. t", ",.1f"), ("self_t", "Avoided self t", ",.1f"),
                       ("exp_t", "Avoided export t", ",.1f"), ("certificates_issued", "Certificates", ",.0f"),
                       ("certificates_retained", "Retained", ",.0f")])
    f = s["fleet"]
    fmt = (lambda kg: "–" if kg is None else f"{kg / 1000:,.1f} t")
    out(f"\nFleet ({len(rows)} parks, {f['months']} months): Scope 2 location-based {fmt(f['scope2_location_kg'])}, "
        f"market-based {fmt(f['scope2_market_kg'])}; avoided by PV (not netted into Scope 2): self-consumed "
        f"{fmt(f['avoided_self_consumed_kg'])}, exported {fmt(f['avoided_export_kg'])}; certificates "
        f"{'–' if f['certificates_issued'] is None else format(f['certificates_issued'], ',.0f')}")
    out("Consumption: measured meters, else modelled; PV: measured AC where it covers the period, else modelled "
        "(simulation).")
    for w in s["warnings"]:
        out(f"note: {w}")
    for name, why in s["skipped"].items():
        out(f"skipped {name}: {why}")
    return 0


def _print_months(s: dict) -> None:
    rows = []
    for p in s["parks"]:
        for m in p["months_detail"]:
            rows.append({"park": p["park"], "month": m["month"], "cons": m["consumption_source"], "pv": m["pv_source"],
                         "imp": None if m["import_wh"] is None else m["import_wh"] / 1e6,
                         "f": m["location_factor"], "fy": m["location_factor_year"],
                         "loc": _t(m["scope2_location_kg"]), "mkt": _t(m["scope2_market_kg"]),
                         "self": _t(m["avoided_self_consumed_kg"]), "exp": _t(m["avoided_export_kg"]),
                         "certs": m["certificates_issued"], "kept": m["certificates_retained"]})
    print_table(rows, [("park", "Park", ""), ("month", "Month", ""), ("cons", "Consumption", ""), ("pv", "PV", ""),
                       ("imp", "Import MWh", ",.1f"), ("f", "kg/kWh", ".4f"), ("fy", "Factor year", "d"),
                       ("loc", "Scope 2 loc. t", ",.1f"), ("mkt", "Scope 2 mkt. t", ",.1f"),
                       ("self", "Avoided self t", ",.1f"), ("exp", "Avoided export t", ",.1f"),
                       ("certs", "Certificates", ",.0f"), ("kept", "Retained", ",.0f")])
    for w in s["warnings"]:
        out(f"note: {w}")


def cmd_certificates(args, ctx) -> int:
    from solarfleet.models.store import set_certificates
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        set_certificates(store, park.name, args.month, args.sold, args.retained, args.note)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    out(f"{park.name} {args.month}: {args.sold} certificates sold, {args.retained} retained")
    return 0


def cmd_contract(args, ctx) -> int:
    from solarfleet.models.store import set_green_contract
    store = ctx.store()
    park = find_park(store, args.park)
    try:
        set_green_contract(store, park.name, args.month, args.mwh * 1e6, args.supplier)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    out(f"{park.name} {args.month}: {args.mwh:g} MWh of green power from {args.supplier}")
    return 0


def cmd_factors_list(args, ctx) -> int:
    from solarfleet.models.energy.carbon import MARKET_REGION
    from solarfleet.models.store import factor_table, user_factors
    store = ctx.store()
    t = factor_table(store)
    added = {(r["data_year"], r["region"]) for r in user_factors(store)}
    rows = [{"data_year": y, "region": r, "factor": v, "added": (y, r) in added, "source": t.source_of(r, y)}
            for y in t.years for r, v in sorted(t.factors[y].items())]
    rows += [{"data_year": y, "region": MARKET_REGION, "factor": v, "added": (y, MARKET_REGION) in added,
              "source": t.source_of(MARKET_REGION, y)} for y, v in sorted(t.market.items())]
    rows.sort(key=lambda r: (r["data_year"], r["region"]))
    if args.json:
        emit_json({"unit": t.unit, "factors": rows})
        return 0
    print_table([{**r, "by": "user" if r["added"] else "shipped"} for r in rows],
                [("data_year", "Year", "d"), ("region", "Region", ""), ("factor", "kg CO2/kWh", ".4f"),
                 ("by", "Added by", "")])
    return 0


def cmd_factors_add(args, ctx) -> int:
    from solarfleet.models.energy.carbon import CarbonError, read_emission_factors
    from solarfleet.models.store import add_user_factors
    store = ctx.store()
    try:
        if args.file:
            rows = read_emission_factors(args.file)
        else:
            if args.region is None or args.factor is None or args.source is None:
                raise CliError("--year needs --region, --factor and --source")
            rows = [{"data_year": args.year, "region": args.region, "factor": args.factor, "source": args.source}]
        n = add_user_factors(store, rows)
    except CarbonError as exc:
        raise CliError(str(exc)) from None
    out(f"added {n} emission factor(s)")
    return 0


def cmd_target_set(args, ctx) -> int:
    from solarfleet.models.energy.carbon_targets import CarbonTarget, TargetError
    from solarfleet.models.store import set_carbon_target
    store = ctx.store()
    name = None if args.fleet else find_park(store, args.park).name
    try:
        t = CarbonTarget(name, args.peak_year, args.reduction_pct, args.target_year, args.neutrality_year)
    except TargetError as exc:
        raise CliError(str(exc)) from None
    set_carbon_target(store, t)
    out(f"{name or 'Fleet'}: peak by {t.peak_year}, −{t.reduction_pct:g} % by {t.target_year}, "
        f"neutral by {t.neutrality_year}")
    return 0


def cmd_target_show(args, ctx) -> int:
    from solarfleet.models.energy.carbon_targets import TargetError, trajectory
    from solarfleet.models.store import get_carbon_target
    store = ctx.store()
    name = None if args.park is None else find_park(store, args.park).name
    target = get_carbon_target(store, name)
    led = _ledger(store, [name] if name else None)
    try:
        tr = trajectory(led, name, target)
    except TargetError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        emit_json({"target": None if target is None else target.to_dict(),
                   "trajectory": [{"year": int(y), **_jsonable(r)} for y, r in tr.iterrows()]})
        return 0
    if target is None:
        out(f"{name or 'Fleet'}: no target (set one with: solarfleet-cli carbon target set "
            f"{'--fleet' if name is None else '--park ' + repr(name)} …)")
    rows = [{"year": int(y), "kind": r["kind"], "loc": r["scope2_location_kg"] / 1000,
             "mkt": r["scope2_market_kg"] / 1000, "target": None if r["target_kg"] != r["target_kg"]
             else r["target_kg"] / 1000} for y, r in tr.iterrows()]
    print_table(rows, [("year", "Year", "d"), ("kind", "", ""), ("loc", "Scope 2 loc. t", ",.1f"),
                       ("mkt", "Scope 2 mkt. t", ",.1f"), ("target", "Target t", ",.1f")])
    notes = sorted({n for n in tr["factor_note"] if n})
    if notes:
        out("factors: nearest published year used for years without one")
    return 0


def _jsonable(r) -> dict:
    import math
    d = {}
    for k, v in r.items():
        v = v.item() if hasattr(v, "item") else v
        d[k] = None if isinstance(v, float) and not math.isfinite(v) else v
    return d


def cmd_whatif(args, ctx) -> int:
    from solarfleet.models.energy.battery import Battery
    from solarfleet.models.energy.carbon_targets import TargetError, what_if
    from solarfleet.models.energy.ledger import summary
    from solarfleet.models.fleet import FleetValueError
    store = ctx.store()
    park = find_park(store, args.park)
    led = _ledger(store)
    battery = None
    if args.battery_kwh is not None:
        try:
            kw = args.battery_kw if args.battery_kw is not None else args.battery_kwh / 2.0
            battery = Battery(capacity=args.battery_kwh * 1000.0, power=kw * 1000.0)
        except FleetValueError as exc:
            raise CliError(str(exc)) from None
    try:
        w = what_if(led, park.name, args.add_kwp * 1000.0, battery)
    except TargetError as exc:
        raise CliError(str(exc)) from None
    before, after = summary(led), summary(w.ledger)
    paths = _trajectories(store, led, w.ledger, park.name)

    def pick(s):
        p = next(x for x in s["parks"] if x["park"] == park.name)
        keys = ("scope2_location_kg", "scope2_market_kg", "avoided_self_consumed_kg", "avoided_export_kg",
                "certificates_issued", "pv_wh", "import_wh")
        return {"park": {k: p[k] for k in keys}, "fleet": {k: s["fleet"][k] for k in keys}}
    res = {"park": park.name, "add_kwp": args.add_kwp, "scale": w.scale,
           "battery": None if w.battery is None else w.battery.to_dict(),
           "self_sufficiency": {"before": w.before["self_sufficiency"], "after": w.after["self_sufficiency"]},
           "before": pick(before), "after": pick(after), "trajectory": paths}
    if args.json:
        emit_json(res)
        return 0
    b, a = res["before"], res["after"]
    ss = res["self_sufficiency"]
    pct = (lambda x: "–" if x is None else f"{100 * x:.1f} %")
    out(f"What if {park.name} had {args.add_kwp:+,.0f} kWp"
        + (f" and a {args.battery_kwh:,.0f} kWh battery" if battery is not None else "") + " (not stored):")
    for scope in ("park", "fleet"):
        for key, label in (("scope2_location_kg", "Scope 2 location-based"), ("scope2_market_kg",
                                                                              "Scope 2 market-based")):
            x, y = b[scope][key], a[scope][key]
            out(f"  {scope:5} {label}: {_fmt_t(x)} → {_fmt_t(y)}")
        x, y = b[scope]["certificates_issued"], a[scope]["certificates_issued"]
        out(f"  {scope:5} certificates: {x:,.0f} → {y:,.0f}")
    out(f"  park  self-sufficiency: {pct(ss['before'])} → {pct(ss['after'])}")
    for scope, tr in paths.items():
        if tr["target"] is not None:
            y = tr["target"]["target_year"]
            i = tr["years"].index(y)
            out(f"  {scope:5} Scope 2 location-based in {y}: {_fmt_t(tr['before'][i])} → {_fmt_t(tr['after'][i])} "
                f"(target {_fmt_t(tr['target_kg'][i])})")
    return 0


def _trajectories(store, before, after, park: str) -> dict:
    """Location-based Scope 2 per year [kg] before and after, for the park and the fleet, with their targets."""
    from solarfleet.models.energy.carbon_targets import TargetError, peak_level, trajectory
    from solarfleet.models.store import get_carbon_target
    res = {}
    for scope, name in (("park", park), ("fleet", None)):
        target = get_carbon_target(store, name)
        try:
            a = trajectory(before, name, target)
            b = trajectory(after, name, target, peak_level_kg=None if target is None else peak_level(a, target))
        except TargetError:
            continue
        res[scope] = {"target": None if target is None else target.to_dict(), "years": [int(y) for y in a.index],
                      "before": a["scope2_location_kg"].tolist(), "after": b["scope2_location_kg"].tolist(),
                      "target_kg": [None if v != v else v for v in a["target_kg"].tolist()]}
    return res


def _fmt_t(kg):
    return "–" if kg is None else f"{kg / 1000:,.1f} t"
