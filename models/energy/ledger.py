"""The dual-carbon ledger: each park's and the fleet's Scope 2 emissions, what the roofs avoid, and green
certificates, by local calendar month.

Figures per park and month (energies from :mod:`solarfleet.models.energy.balance`, never recomputed here):

``scope2_location_kg``
    Location-based Scope 2 [kg CO₂] = grid import [kWh] × the factor of the park's regional grid for the
    month's calendar year. A year without a published factor takes the nearest published year and says
    so in ``location_factor_note`` (or is refused with ``strict_years=True``).
``scope2_market_kg``
    Market-based Scope 2 [kg CO₂] = (grid import − contracted green power − retained certificates × 1 MWh)
    [kWh] × the national factor excluding market-traded green power (MEE), never below zero; instruments
    beyond the import are reported in ``instruments_unused_wh``, not as negative emissions. The energy it is
    computed on is ``market_basis_wh``: the location basis (the import) less exactly the contracted green
    power and the retained certificates' MWh; every retained certificate lowers the figure by 1,000 kWh ×
    ``market_factor``.
``avoided_self_consumed_kg`` / ``avoided_export_kg``
    Emissions avoided by PV used on site and by PV exported [kg CO₂], at the location factor; reported
    beside Scope 2 and never netted into it (GHG Protocol Scope 2 guidance). Exported PV does not lower
    the park's Scope 2: it changes neither the import nor the certificates retained.
``certificates_issued``
    Green certificates (绿证) earned: one per whole MWh of PV generation in the month (the fraction of a
    MWh earns none and is not carried over). The user records how many were ``certificates_sold`` and
    ``certificates_retained``; more recorded than earned is a warning, not silently capped.

Consumption is ``"measured"`` when the park has meter series, ``"modelled"`` (synthetic) otherwise. PV is
``"measured"`` when imported measured AC (:func:`solarfleet.models.store.measured_ac`) covers every interval
of the park's consumption, else the simulation's (``"modelled"``); the two are never mixed within a park.
Months with missing intervals keep them out of the sums (``missing_intervals``); a month without data is NaN,
never zero.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.carbon import MARKET_REGION, CarbonError, EmissionFactors

__all__ = ["CarbonLedger", "LedgerInputs", "ledger_from_balances", "build_ledger", "month_factor", "with_balance",
           "ledger_tables", "summary", "ENERGY_COLUMNS", "KG_COLUMNS", "LEDGER_COLUMNS"]

#: Energies of a ledger row [Wh] (taken from the balance, plus the contracted green power).
ENERGY_COLUMNS = ("consumption_wh", "import_wh", "pv_wh", "self_consumed_wh", "export_wh", "contracted_wh",
                  "instruments_unused_wh", "market_basis_wh")
#: Emissions of a ledger row [kg CO₂].
KG_COLUMNS = ("scope2_location_kg", "scope2_market_kg", "avoided_self_consumed_kg", "avoided_export_kg")
#: Every column of :attr:`CarbonLedger.monthly`, in order.
LEDGER_COLUMNS = ("park", "month", "year") + ENERGY_COLUMNS[:5] + (
    "missing_intervals", "consumption_source", "pv_source", "location_region", "location_factor",
    "location_factor_year", "location_factor_note", "market_factor", "market_factor_year", "market_factor_note",
    "contracted_wh", "certificates_issued", "certificates_sold", "certificates_retained",
    "instruments_unused_wh", "market_basis_wh") + KG_COLUMNS
_COUNT_COLUMNS = ("certificates_issued", "certificates_sold", "certificates_retained")


@dataclass
class LedgerInputs:
    """What a ledger is computed from, kept so a what-if can recompute one park.

    Attributes
    ----------
    parks : dict
        Park name → :class:`solarfleet.models.fleet.Park`, in fleet order.
    balances : dict
        Park name → :class:`solarfleet.models.energy.balance.BalanceResult`.
    sources : dict
        Park name → ``{"consumption": "measured" | "modelled", "pv": "modelled"}``.
    factors : EmissionFactors
    certificates : list of dict
        ``park``, ``month``, ``sold``, ``retained`` (:func:`solarfleet.models.store.certificate_records`).
    contracts : list of dict
        ``park``, ``month``, ``energy_wh`` (:func:`solarfleet.models.store.green_contracts`).
    batteries, tariffs : dict
        Park name → Battery / Tariff or None, as balanced.
    strict_years : bool
        Refuse a month whose calendar year has no published factor instead of using the nearest year.
    """

    parks: dict
    balances: dict
    sources: dict
    factors: EmissionFactors
    certificates: list = field(default_factory=list)
    contracts: list = field(default_factory=list)
    batteries: dict = field(default_factory=dict)
    tariffs: dict = field(default_factory=dict)
    strict_years: bool = False


@dataclass
class CarbonLedger:
    """Monthly ledger rows of every park (see the module docstring), with the inputs they came from.

    Attributes
    ----------
    monthly : pandas.DataFrame
        One row per park and local month, columns :data:`LEDGER_COLUMNS` ([Wh], [kg CO₂], [kg CO₂/kWh]).
    inputs : LedgerInputs
    warnings : list of str
    skipped : dict
        Park → why it has no ledger (no consumption data).
    """

    monthly: pd.DataFrame
    inputs: LedgerInputs
    warnings: list = field(default_factory=list)
    skipped: dict = field(default_factory=dict)

    @property
    def park_names(self) -> list[str]:
        return list(dict.fromkeys(self.monthly["park"]))

    def park(self, name: str) -> pd.DataFrame:
        """The monthly rows of one park (index: month)."""
        return self.monthly[self.monthly["park"] == name].set_index("month")

    def fleet_monthly(self) -> pd.DataFrame:
        """Energies, emissions and certificate counts summed over the parks per month (NaN if any park is)."""
        return _sum_strict(self.monthly, "month")

    def annual(self, park: Optional[str] = None) -> pd.DataFrame:
        """Per year for one park (or the fleet, ``park=None``): sums and ``months`` (how many months have rows)."""
        rows = self.monthly if park is None else self.monthly[self.monthly["park"] == park]
        out = _sum_strict(rows, "year")
        out["months"] = rows.groupby("year")["month"].nunique()
        return out


def _sum_strict(rows: pd.DataFrame, by: str) -> pd.DataFrame:
    """Sums of the energy, emission and count columns per ``by``; NaN where any summed value is NaN."""
    cols = list(ENERGY_COLUMNS + KG_COLUMNS + _COUNT_COLUMNS) + ["missing_intervals"]
    g = rows[[by] + cols].groupby(by)
    return g.sum(min_count=1).mask(g.apply(lambda x: x[cols].isna().any()))


def month_factor(factors: EmissionFactors, region: str, year: int, strict: bool = False) -> tuple[float, int, str]:
    """``(factor [kg CO₂/kWh], data_year, note)`` of ``region`` (or :data:`MARKET_REGION`) for a calendar year.

    ``note`` is empty when the year has a published factor, else it names the nearest published year used.

    Raises
    ------
    CarbonError
        No factor at all for the region, or ``strict`` and the year has none.
    """
    if region == MARKET_REGION:
        f, y = factors.nearest_market_factor(year)
    else:
        f, y = factors.nearest_factor(region, year)
    if y == year:
        return f, y, ""
    if strict:
        raise CarbonError(f"no published {region} emission factor for data year {year} (nearest: {y}); add the "
                          f"published figure (solarfleet-cli carbon factors add) or allow the nearest year")
    return f, y, f"{year}: no published factor, the {y} factor is used"


def _month_rows(name: str, park, bal, source: dict, inp: LedgerInputs) -> pd.DataFrame:
    agg = bal.aggregate("MS", tz=park.tz)
    months = [ts.strftime("%Y-%m") for ts in agg.index]
    df = pd.DataFrame({"park": name, "month": months, "year": agg.index.year.astype(int),
                       "consumption_wh": agg["load_wh"].to_numpy(), "import_wh": agg["grid_import_wh"].to_numpy(),
                       "pv_wh": agg["pv_wh"].to_numpy(), "self_consumed_wh": agg["self_consumed_wh"].to_numpy(),
                       "export_wh": agg["export_wh"].to_numpy(),
                       "missing_intervals": agg["missing_intervals"].to_numpy(),
                       "consumption_source": source["consumption"], "pv_source": source["pv"],
                       "location_region": park.grid_region})
    loc = [month_factor(inp.factors, park.grid_region, int(y), inp.strict_years) for y in df["year"]]
    mkt = [month_factor(inp.factors, MARKET_REGION, int(y), inp.strict_years) for y in df["year"]]
    df["location_factor"], df["location_factor_year"], df["location_factor_note"] = zip(*loc)
    df["market_factor"], df["market_factor_year"], df["market_factor_note"] = zip(*mkt)
    return df


def _instruments(df: pd.DataFrame, inp: LedgerInputs, warnings: list) -> pd.DataFrame:
    """Add contracted green power and certificate counts; warn about records the ledger cannot use."""
    key = list(zip(df["park"], df["month"]))
    contracted = {k: 0.0 for k in key}
    sold = dict.fromkeys(key, 0)
    retained = dict.fromkeys(key, 0)
    for c in inp.contracts:
        k = (c["park"], c["month"])
        if k in contracted:
            contracted[k] += float(c["energy_wh"])
        elif c["park"] in inp.parks:
            warnings.append(f"{c['park']} {c['month']}: green-power contract outside the ledger's months, not used")
    for c in inp.certificates:
        k = (c["park"], c["month"])
        if k in sold:
            sold[k], retained[k] = int(c["sold"]), int(c["retained"])
        elif c["park"] in inp.parks:
            warnings.append(f"{c['park']} {c['month']}: certificate record outside the ledger's months, not used")
    df["contracted_wh"] = [contracted[k] for k in key]
    pv = df["pv_wh"].to_numpy(dtype=float)
    df["certificates_issued"] = np.where(np.isfinite(pv), np.floor(np.nan_to_num(pv) / 1e6), np.nan)
    df["certificates_sold"] = [sold[k] for k in key]
    df["certificates_retained"] = [retained[k] for k in key]
    over = df["certificates_sold"] + df["certificates_retained"] > df["certificates_issued"]
    for _, r in df[over].iterrows():
        warnings.append(f"{r['park']} {r['month']}: {r['certificates_sold'] + r['certificates_retained']} "
                        f"certificates recorded as sold or retained, but the month's PV earns "
                        f"{r['certificates_issued']:.0f}")
    return df


def _emissions(df: pd.DataFrame) -> pd.DataFrame:
    imp = df["import_wh"].to_numpy(dtype=float)
    instruments = df["contracted_wh"].to_numpy(dtype=float) + df["certificates_retained"].to_numpy(dtype=float) * 1e6
    covered = np.minimum(imp, instruments)  # NaN import stays NaN
    df["instruments_unused_wh"] = instruments - covered
    df["market_basis_wh"] = imp - covered
    df["scope2_location_kg"] = imp / 1000.0 * df["location_factor"].to_numpy(dtype=float)
    df["scope2_market_kg"] = df["market_basis_wh"] / 1000.0 * df["market_factor"].to_numpy(dtype=float)
    df["avoided_self_consumed_kg"] = df["self_consumed_wh"] / 1000.0 * df["location_factor"]
    df["avoided_export_kg"] = df["export_wh"] / 1000.0 * df["location_factor"]
    return df


def ledger_from_balances(inp: LedgerInputs) -> CarbonLedger:
    """The ledger of every park in ``inp.balances`` (fleet order of ``inp.parks``).

    Raises
    ------
    CarbonError
        A region without any factor, or a year without one when ``inp.strict_years``.
    """
    warnings: list[str] = []
    frames = []
    for name, park in inp.parks.items():
        if name not in inp.balances:
            continue
        try:
            frames.append(_month_rows(name, park, inp.balances[name], inp.sources[name], inp))
        except CarbonError as exc:
            raise CarbonError(f"{name}: {exc}") from None
    if not frames:
        return CarbonLedger(monthly=pd.DataFrame(columns=list(LEDGER_COLUMNS)), inputs=inp)
    df = _emissions(_instruments(pd.concat(frames, ignore_index=True), inp, warnings))
    notes = sorted({n for n in df["location_factor_note"].tolist() + df["market_factor_note"].tolist() if n})
    warnings.extend(notes)
    return CarbonLedger(monthly=df[list(LEDGER_COLUMNS)], inputs=inp, warnings=warnings)


def build_ledger(store, pv_for: Callable, parks: Optional[Iterable] = None, *,
                 strict_years: bool = False, balance=None) -> CarbonLedger:
    """The ledger of ``parks`` (default: the whole fleet) from what the store holds.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    pv_for : callable
        ``pv_for(park) -> pandas.Series`` of PV AC power [W], as for
        :func:`solarfleet.models.energy.balance_report.balance_report` (e.g. the newest simulation run).
    parks : iterable of Park, optional
    strict_years : bool
        Refuse months whose year has no published factor instead of taking the nearest year.
    balance : solarfleet.models.energy.balance_report.BalanceReport, optional
        A balance already made with ``pv_for`` (e.g. the report's): the parks it holds that have no
        measured PV are taken from it rather than balanced again; the others are balanced here.
    """
    from solarfleet.models.energy.balance_report import balance_report
    from solarfleet.models.store import (certificate_records, factor_table, get_battery, get_tariff,
                                         green_contracts, list_load_series, load_fleet)
    fleet_parks = list(load_fleet(store).parks) if parks is None else list(parks)
    measured = {p.name: _measured_pv(store, p.name) for p in fleet_parks}
    pv = lambda park: measured[park.name] if measured[park.name] is not None else pv_for(park)  # noqa: E731
    if balance is None:
        rep = balance_report(store, fleet_parks, pv)
    else:
        rep = _reuse_balance(balance, {p.name for p in fleet_parks if measured[p.name] is None})
        again = [p for p in fleet_parks if p.name not in rep.results and p.name not in rep.skipped]
        if again:
            more = balance_report(store, again, pv)
            rep.results.update(more.results)
            rep.skipped.update(more.skipped)
            rep.aligned += more.aligned
    sources = {}
    for p in fleet_parks:
        kinds = {r["kind"] for r in list_load_series(store, p.name)}
        sources[p.name] = {"consumption": "measured" if "measured" in kinds else "modelled",
                           "pv": "modelled" if measured[p.name] is None else "measured"}
    inp = LedgerInputs(parks={p.name: p for p in fleet_parks}, balances=dict(rep.results), sources=sources,
                       factors=factor_table(store), certificates=certificate_records(store),
                       contracts=green_contracts(store),
                       batteries={n: get_battery(store, n) for n in rep.results},
                       tariffs={n: get_tariff(store, n) for n in rep.results}, strict_years=strict_years)
    ledger = ledger_from_balances(inp)
    ledger.skipped = dict(rep.skipped)
    if rep.aligned:
        ledger.warnings.append("PV of a typical year was mapped by calendar date onto the consumption year for: "
                               + ", ".join(rep.aligned))
    return ledger


def _reuse_balance(balance, names: set):
    """The part of ``balance`` (a BalanceReport) that covers the parks ``names``: results, skipped, aligned."""
    from solarfleet.models.energy.balance_report import BalanceReport
    return BalanceReport(results={n: r for n, r in balance.results.items() if n in names},
                         skipped={n: why for n, why in balance.skipped.items() if n in names},
                         aligned=[n for n in balance.aligned if n in names])


def _measured_pv(store, park_name: str):
    """The park's measured AC [W] on its consumption intervals if it covers every one of them, else None."""
    from solarfleet.models.store import measured_ac, park_consumption
    got = park_consumption(store, park_name)
    if got is None:
        return None
    load, info = got
    end = load.index[-1] + pd.Timedelta(minutes=info["interval_minutes"])
    pv = measured_ac(store, park_name, load.index[0], end)
    if len(pv) != len(load) or not pv.index.equals(load.index):
        return None
    return pv


def with_balance(ledger: CarbonLedger, park: str, balance, park_obj=None, battery=None) -> CarbonLedger:
    """A new ledger with one park's balance (and optionally its Park and battery) replaced; others unchanged."""
    inp = ledger.inputs
    parks = dict(inp.parks)
    if park_obj is not None:
        parks[park] = park_obj
    new = replace(inp, parks=parks, balances={**inp.balances, park: balance},
                  batteries={**inp.batteries, park: battery if battery is not None else inp.batteries.get(park)})
    out = ledger_from_balances(new)
    out.skipped = dict(ledger.skipped)
    return out


def _mwh(x):
    return x / 1e6


def ledger_tables(ledger: CarbonLedger) -> dict[str, pd.DataFrame]:
    """The ledger as report-ready tables, units in the column names (English; translate the headers in the view).

    Returns
    -------
    dict of str → pandas.DataFrame
        ``"monthly"``: one row per park and month (and a "Fleet" row per month);
        ``"annual"``: per park and year, and the fleet;
        ``"certificates"``: issued, sold, retained and unclaimed certificates per park and month;
        ``"factors"``: every factor used, with its data year, the year it stands for and its source.
    """
    m = ledger.monthly
    fleet = ledger.fleet_monthly().reset_index()
    fleet["park"] = "Fleet"
    both = pd.concat([m, fleet], ignore_index=True)
    monthly = pd.DataFrame({
        "Park": both["park"], "Month": both["month"],
        "Consumption [MWh]": _mwh(both["consumption_wh"]), "Grid import [MWh]": _mwh(both["import_wh"]),
        "PV generation [MWh]": _mwh(both["pv_wh"]), "PV self-consumed [MWh]": _mwh(both["self_consumed_wh"]),
        "PV exported [MWh]": _mwh(both["export_wh"]),
        "Consumption data": both["consumption_source"], "PV data": both["pv_source"],
        "Grid factor [kg CO2/kWh]": both["location_factor"], "Grid factor data year": both["location_factor_year"],
        "Scope 2 location-based [t CO2]": both["scope2_location_kg"] / 1000.0,
        "Green power contracted [MWh]": _mwh(both["contracted_wh"]),
        "Certificates retained [MWh]": both["certificates_retained"],
        "Market-based basis [MWh]": _mwh(both["market_basis_wh"]),
        "Market factor [kg CO2/kWh]": both["market_factor"],
        "Scope 2 market-based [t CO2]": both["scope2_market_kg"] / 1000.0,
        "Avoided, self-consumed PV [t CO2]": both["avoided_self_consumed_kg"] / 1000.0,
        "Avoided, exported PV [t CO2]": both["avoided_export_kg"] / 1000.0,
        "Missing intervals": both["missing_intervals"]})
    annual = []
    for name in ledger.park_names + [None]:
        a = ledger.annual(name).reset_index()
        annual.append(pd.DataFrame({
            "Park": name or "Fleet", "Year": a["year"], "Months": a["months"],
            "Consumption [MWh]": _mwh(a["consumption_wh"]), "Grid import [MWh]": _mwh(a["import_wh"]),
            "PV generation [MWh]": _mwh(a["pv_wh"]), "PV self-consumed [MWh]": _mwh(a["self_consumed_wh"]),
            "PV exported [MWh]": _mwh(a["export_wh"]),
            "Scope 2 location-based [t CO2]": a["scope2_location_kg"] / 1000.0,
            "Scope 2 market-based [t CO2]": a["scope2_market_kg"] / 1000.0,
            "Avoided, self-consumed PV [t CO2]": a["avoided_self_consumed_kg"] / 1000.0,
            "Avoided, exported PV [t CO2]": a["avoided_export_kg"] / 1000.0,
            "Certificates issued": a["certificates_issued"]}))
    certs = pd.DataFrame({"Park": m["park"], "Month": m["month"], "PV generation [MWh]": _mwh(m["pv_wh"]),
                          "Certificates issued": m["certificates_issued"], "Sold": m["certificates_sold"],
                          "Retained": m["certificates_retained"],
                          "Not yet sold or retained": m["certificates_issued"] - m["certificates_sold"]
                          - m["certificates_retained"]})
    return {"monthly": monthly, "annual": pd.concat(annual, ignore_index=True), "certificates": certs,
            "factors": _factors_used(ledger)}


def _factors_used(ledger: CarbonLedger) -> pd.DataFrame:
    m, f = ledger.monthly, ledger.inputs.factors
    loc = m[["location_region", "year", "location_factor", "location_factor_year"]].drop_duplicates()
    rows = [{"Region": r.location_region, "For year": int(r.year), "Factor [kg CO2/kWh]": r.location_factor,
             "Data year": int(r.location_factor_year), "Source": f.source_of(r.location_region,
                                                                           int(r.location_factor_year))}
            for r in loc.itertuples()]
    mk = m[["year", "market_factor", "market_factor_year"]].drop_duplicates()
    rows += [{"Region": MARKET_REGION, "For year": int(r.year), "Factor [kg CO2/kWh]": r.market_factor,
              "Data year": int(r.market_factor_year), "Source": f.source_of(MARKET_REGION, int(r.market_factor_year))}
             for r in mk.itertuples()]
    return pd.DataFrame(rows, columns=["Region", "For year", "Factor [kg CO2/kWh]", "Data year", "Source"])


def summary(ledger: CarbonLedger, year: Optional[int] = None) -> dict:
    """JSON-ready totals per park and for the fleet (SI units: Wh, kg), with each park's months, for the CLI.

    Parameters
    ----------
    ledger : CarbonLedger
    year : int, optional
        Only the months of this calendar year.

    Returns
    -------
    dict
        ``parks`` (list: totals, ``months``, sources, ``months_detail``), ``fleet`` (totals, None if empty),
        ``warnings``, ``skipped``. Totals with a missing month are None, never a partial sum.
    """
    m = ledger.monthly if year is None else ledger.monthly[ledger.monthly["year"] == year]
    cols = list(ENERGY_COLUMNS + KG_COLUMNS + _COUNT_COLUMNS)

    def tot(rows):
        d = {c: _num(rows[c].sum(min_count=1)) if not rows[c].isna().any() else None for c in cols}
        d["months"] = int(rows["month"].nunique())
        d["missing_intervals"] = int(rows["missing_intervals"].sum())
        return d
    out = {"parks": [], "fleet": tot(m) if len(m) else None, "warnings": list(ledger.warnings),
           "skipped": dict(ledger.skipped)}
    for name in dict.fromkeys(m["park"]):
        rows = m[m["park"] == name]
        out["parks"].append({"park": name, **tot(rows),
                             "consumption_source": rows["consumption_source"].iloc[0],
                             "pv_source": rows["pv_source"].iloc[0], "location_region": rows["location_region"].iloc[0],
                             "months_detail": [_row_json(r) for r in rows.to_dict("records")]})
    return out


def _num(x):
    x = float(x)
    return None if not math.isfinite(x) else x


def _row_json(r: dict) -> dict:
    return {k: (v.item() if hasattr(v, "item") else v) if not (isinstance(v, float) and math.isnan(v)) else None
            for k, v in r.items()}
