"""A park's and the fleet's energy balance from what the database holds: simulated PV, consumption,
battery, tariff and emission factors, put together the same way for the CLI, the app and reports.

The steps, per park:

1. consumption from :func:`solarfleet.models.store.park_consumption` (measured meters, else the synthetic
   series);
2. consumption resampled onto the PV interval, energy conserved (:func:`solarfleet.models.energy.load.resample_energy`);
3. PV of another year (a typical-year run) mapped by local calendar position onto the consumption's
   intervals (:func:`solarfleet.models.energy.balance.align_year`) rather than balanced on a partial overlap;
4. :func:`solarfleet.models.energy.balance.fleet_balance` with each park's battery and tariff;
5. the bill with and without PV (:func:`solarfleet.models.energy.tariff.bill_comparison`) and CO₂ avoided
   (:func:`solarfleet.models.energy.carbon.park_co2`, on PV used on site or exported).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from solarfleet.models.store import get_battery, get_carbon_choice, get_tariff, park_consumption

__all__ = ["BalanceReport", "BalanceInputError", "balance_report"]


class BalanceInputError(ValueError):
    """The stored data cannot be balanced (irregular or mismatched intervals, a bad factor choice)."""


@dataclass
class BalanceReport:
    """Balance of several parks.

    Attributes
    ----------
    rows : list of dict
        Per park: the :meth:`BalanceResult.summary` figures [Wh, W, -], ``battery`` (bool),
        ``start``/``end`` (ISO), ``pv_aligned_by_calendar``, ``currency``, ``bill_without_pv``,
        ``bill_with_pv``, ``savings`` [currency] (None without a tariff), ``co2_kg`` [kg],
        ``co2_factor`` [kg/kWh], ``co2_region``, ``co2_data_year``.
    totals : dict
        Fleet figures (sums; ratios from the sums), ``co2_kg`` and, when every billed park uses one
        currency, the bills and savings.
    skipped : dict
        Park → why it was left out (no consumption data).
    aligned : list of str
        Parks whose PV was mapped by calendar date.
    interval_minutes : int or None
    results : dict
        Park → :class:`solarfleet.models.energy.balance.BalanceResult` (interval data, for plots).
    """

    rows: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    skipped: dict = field(default_factory=dict)
    aligned: list = field(default_factory=list)
    interval_minutes: Optional[int] = None
    results: dict = field(default_factory=dict)

    def row(self, park_name: str) -> Optional[dict]:
        return next((r for r in self.rows if r["park"].casefold() == park_name.casefold()), None)


def balance_report(store, parks: Iterable, pv_for: Callable, *, region: Optional[str] = None,
                   factor_year: Optional[int] = None) -> BalanceReport:
    """Balance ``parks`` with PV from ``pv_for(park) -> pandas.Series [W]``.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    parks : iterable of solarfleet.models.fleet.Park
    pv_for : callable
        PV AC power of a park [W] on a regular tz-aware interval-start index; may raise (e.g.
        :class:`solarfleet.models.store.runs.NoRunError`), which propagates.
    region, factor_year : optional
        Emission-factor overrides for every park (default: each park's stored choice, else its grid
        region and the latest data year).

    Raises
    ------
    BalanceInputError
    """
    from solarfleet.models.energy.balance import align_year, fleet_balance
    from solarfleet.models.energy.carbon import CarbonError, park_co2
    from solarfleet.models.energy.load import infer_interval_minutes, resample_energy
    from solarfleet.models.energy.tariff import bill_comparison

    parks = list(parks)
    report = BalanceReport()
    pv, load, batteries, tariffs = {}, {}, {}, {}
    for park in parks:
        got = park_consumption(store, park.name)
        if got is None:
            report.skipped[park.name] = "no consumption data (import meter data or synthesise a load)"
            continue
        data, info = got
        p = pv_for(park)
        p_int = infer_interval_minutes(p.index)
        if p_int is None:
            raise BalanceInputError(f"{park.name}: the PV series has no regular interval")
        if info["interval_minutes"] != p_int:
            data = resample_energy(data, info["interval_minutes"], p_int)
        if report.interval_minutes is not None and p_int != report.interval_minutes:
            raise BalanceInputError(f"{park.name}: PV interval {p_int} min differs from other parks' "
                                    f"{report.interval_minutes} min")
        report.interval_minutes = p_int
        if not data.index.isin(p.index).all():
            p = align_year(p, data.index, park.tz)
            report.aligned.append(park.name)
        pv[park.name], load[park.name] = p, data
        batteries[park.name] = get_battery(store, park.name)
        tariffs[park.name] = get_tariff(store, park.name)
    if not pv:
        return report
    try:
        fb = fleet_balance(pv, load, report.interval_minutes, batteries, tariffs)
    except ValueError as exc:
        raise BalanceInputError(str(exc)) from None
    for park in parks:
        if park.name not in fb.parks:
            continue
        r = fb.parks[park.name]
        s = r.summary()
        row = {"park": park.name, **s, "battery": batteries[park.name] is not None,
               "start": r.data.index[0].isoformat(), "end": r.data.index[-1].isoformat(),
               "pv_aligned_by_calendar": park.name in report.aligned}
        t = tariffs[park.name]
        if t is not None:
            cmp_ = bill_comparison(t, r)
            row.update({"currency": t.currency, "bill_without_pv": cmp_["without_pv"]["net_cost"],
                        "bill_with_pv": cmp_["with_pv"]["net_cost"], "savings": cmp_["savings"],
                        "tariff_example": bool(t.example)})
        else:
            row.update({"currency": None, "bill_without_pv": None, "bill_with_pv": None, "savings": None,
                        "tariff_example": False})
        choice = get_carbon_choice(store, park.name)
        try:
            co2 = park_co2(park.grid_region, s["self_consumed_wh"] + s["export_wh"],
                           region=region or choice["region"], year=factor_year or choice["data_year"])
        except CarbonError as exc:
            raise BalanceInputError(f"{park.name}: {exc}") from None
        row.update({"co2_kg": co2["co2_kg"], "co2_factor": co2["factor"], "co2_region": co2["region"],
                    "co2_data_year": co2["data_year"]})
        report.rows.append(row)
        report.results[park.name] = r
    totals = dict(fb.totals)
    totals["co2_kg"] = sum(r["co2_kg"] for r in report.rows)
    billed = [r for r in report.rows if r["savings"] is not None]
    currencies = {r["currency"] for r in billed}
    if billed and len(currencies) == 1:
        totals.update({"currency": currencies.pop(), "parks_billed": len(billed),
                       "bill_without_pv": sum(r["bill_without_pv"] for r in billed),
                       "bill_with_pv": sum(r["bill_with_pv"] for r in billed),
                       "savings": sum(r["savings"] for r in billed)})
    report.totals = totals
    return report
