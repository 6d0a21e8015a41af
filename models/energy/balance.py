"""Energy balance of PV against consumption, per interval, per park and for the fleet.

Inputs are mean power [W] over intervals on a UTC interval-start index: ``pv`` (AC output of
the park's arrays) and ``load`` (the park's consumption). Definitions, per interval with
duration Δt (energies are power × Δt, summed over the intervals where both inputs exist):

``pv_to_load``
    PV used directly by the loads: ``min(pv, load)``.
``battery_charge`` / ``battery_charge_from_grid`` / ``battery_discharge`` / ``battery_losses``
    From :func:`solarfleet.models.energy.battery.dispatch` (zero without a battery).
``export``
    PV fed to the grid: ``pv − pv_to_load − (battery_charge − battery_charge_from_grid)``.
``grid_import``
    Power drawn from the grid: ``load − pv_to_load − battery_discharge + battery_charge_from_grid``.
``self_consumed``
    PV used on site, directly or through the battery: ``pv − export``.
``self_consumption_ratio``
    ``self_consumed / pv`` [-], in [0, 1]. **Undefined (NaN / None) when PV is zero** — a park
    without PV has no self-consumption ratio, not a ratio of 0.
``self_sufficiency``
    Share of consumption met by the park's own PV [-], in [0, 1]:
    ``(pv_to_load + battery_discharge × f_pv) / load`` where ``f_pv`` is the share of the
    battery's charge energy that came from PV over the whole period (1 without grid charging).
    **Undefined when consumption is zero.**
``peak_import`` / ``peak_load`` / ``peak_reduction``
    Highest interval ``grid_import`` and ``load`` [W]; the reduction is ``peak_load − peak_import``
    (negative if grid charging raised the peak).

Energy is conserved in every interval: ``pv + grid_import = load + export + battery_charge −
battery_discharge``. Negative PV (inverter night draw in some models) is taken as 0 and
counted in ``negative_pv_intervals``. Negative consumption is refused (a meter with PV behind
it measures net exchange; see :mod:`solarfleet.models.energy.load`). Intervals where either input is NaN are left
out of every total and counted in ``missing_intervals``: missing data never becomes 0.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.battery import Battery, DispatchResult, dispatch

__all__ = ["BalanceResult", "FleetBalance", "energy_balance", "fleet_balance", "ratio", "align_year", "COLUMNS",
           "DEFINITIONS"]

#: Columns of :attr:`BalanceResult.data` [W].
COLUMNS = ("pv", "load", "pv_to_load", "battery_charge", "battery_charge_from_grid", "battery_discharge",
           "battery_losses", "export", "grid_import", "self_consumed")

#: One-line definitions of the figures, for tooltips and reports (English source text; widgets translate).
DEFINITIONS = {
    "pv": "PV AC output",
    "load": "Consumption of the park",
    "pv_to_load": "PV used directly by the loads: min(PV, consumption) in each interval",
    "self_consumed": "PV used on site, directly or through the battery: PV − export",
    "export": "PV fed to the grid",
    "grid_import": "Energy drawn from the grid (including battery charging from the grid)",
    "self_consumption_ratio": "Self-consumed PV / PV; undefined (shown as –) when there is no PV",
    "self_sufficiency": "Consumption met by the park's own PV / consumption; undefined when there is no consumption",
    "peak_import": "Highest interval import from the grid",
    "peak_reduction": "Highest consumption minus highest import (what PV and battery took off the peak)",
}


def ratio(num: float, den: float) -> Optional[float]:
    """``num / den``, or None when ``den`` is 0 (undefined), clipped into [0, 1] against rounding."""
    if den is None or not math.isfinite(den) or den <= 0:
        return None
    return min(1.0, max(0.0, num / den))


@dataclass
class BalanceResult:
    """Energy balance of one park. See the module docstring for every definition.

    Attributes
    ----------
    data : pandas.DataFrame
        Per interval, columns :data:`COLUMNS` [W] plus ``soc`` [Wh] with a battery; NaN in
        intervals where an input is missing.
    interval_minutes : int
    totals : dict
        ``pv_wh``, ``load_wh``, ``pv_to_load_wh``, ``self_consumed_wh``, ``export_wh``,
        ``import_wh``, ``battery_charge_wh``, ``battery_charge_from_grid_wh``,
        ``battery_discharge_wh``, ``battery_losses_wh``, ``battery_delta_soc_wh`` [Wh];
        ``self_consumption_ratio``, ``self_sufficiency`` [-] or None if undefined;
        ``peak_import_w``, ``peak_load_w``, ``peak_reduction_w`` [W] (None with no valid interval);
        ``intervals``, ``missing_intervals``, ``negative_pv_intervals``.
    """

    data: pd.DataFrame
    interval_minutes: int
    totals: dict = field(default_factory=dict)

    def interval_ratios(self) -> pd.DataFrame:
        """Per-interval ``self_consumption_ratio`` and ``self_sufficiency`` [-], NaN where undefined."""
        d = self.data
        pv = d["pv"].where(d["pv"] > 0)
        load = d["load"].where(d["load"] > 0)
        f_pv = self.totals.get("_f_pv", 1.0)
        return pd.DataFrame({
            "self_consumption_ratio": (d["self_consumed"] / pv).clip(0, 1),
            "self_sufficiency": ((d["pv_to_load"] + d["battery_discharge"] * f_pv) / load).clip(0, 1)})

    def aggregate(self, freq: str = "MS", tz: str = "Asia/Shanghai") -> pd.DataFrame:
        """Energies [Wh] and ratios [-] per local period (``"D"`` days, ``"MS"`` months, ``"YS"`` years).

        Columns ``<flow>_wh`` for each of :data:`COLUMNS`, ``self_consumption_ratio`` and
        ``self_sufficiency`` (NaN where undefined, as in the totals) and ``missing_intervals``.
        """
        h = self.interval_minutes / 60.0
        d = self.data[list(COLUMNS)].tz_convert(tz)
        grouped = d.resample(freq)
        wh = grouped.sum(min_count=1) * h
        wh.columns = [f"{c}_wh" for c in COLUMNS]
        missing = d["pv"].isna() | d["load"].isna()
        wh["missing_intervals"] = missing.resample(freq).sum().astype(int)
        f_pv = self.totals.get("_f_pv", 1.0)
        pv = wh["pv_wh"].where(wh["pv_wh"] > 0)
        load = wh["load_wh"].where(wh["load_wh"] > 0)
        wh["self_consumption_ratio"] = (wh["self_consumed_wh"] / pv).clip(0, 1)
        wh["self_sufficiency"] = ((wh["pv_to_load_wh"] + wh["battery_discharge_wh"] * f_pv) / load).clip(0, 1)
        return wh

    def summary(self) -> dict:
        """The totals without private keys, JSON-ready (None for undefined ratios)."""
        return {k: v for k, v in self.totals.items() if not k.startswith("_")}


def _check_inputs(pv: pd.Series, load: pd.Series) -> tuple[pd.Series, pd.Series]:
    for name, s in (("pv", pv), ("load", load)):
        if not isinstance(s, pd.Series):
            raise TypeError(f"{name} must be a pandas Series [W]")
        if not isinstance(s.index, pd.DatetimeIndex) or s.index.tz is None:
            raise ValueError(f"{name} needs a tz-aware DatetimeIndex (UTC interval starts)")
        if s.index.has_duplicates:
            raise ValueError(f"{name} has duplicate timestamps")
    pv = pv.astype(float).tz_convert("UTC")
    load = load.astype(float).tz_convert("UTC")
    common = pv.index.intersection(load.index)
    if len(common) == 0:
        raise ValueError("pv and load share no interval (check their years and time zones)")
    return pv.reindex(common), load.reindex(common)


def energy_balance(pv: pd.Series, load: pd.Series, interval_minutes: int, battery: Optional[Battery] = None,
                   tariff=None) -> BalanceResult:
    """Balance PV against consumption for one park.

    Parameters
    ----------
    pv : pandas.Series
        PV AC output [W], UTC interval-start index.
    load : pandas.Series
        Consumption [W], same interval; only intervals present in both are balanced.
    interval_minutes : int
        Interval length [min].
    battery : Battery, optional
    tariff : solarfleet.models.energy.tariff.Tariff, optional
        Needed for a battery with the ``"tou_arbitrage"`` strategy (its periods).

    Returns
    -------
    BalanceResult
    """
    pv, load = _check_inputs(pv, load)
    period = tariff.period_codes(pv.index) if tariff is not None else None
    disp = None
    if battery is not None:
        pv_arr = np.maximum(pv.to_numpy(), 0.0)
        disp = dispatch(pv_arr, load.to_numpy(), [battery], interval_minutes, period=period)
    return _balance_from_arrays(pv, load, interval_minutes, disp, 0)


def _balance_from_arrays(pv: pd.Series, load: pd.Series, interval_minutes: int,
                         disp: Optional[DispatchResult], col: int) -> BalanceResult:
    pv_raw = pv.to_numpy(dtype=float)
    ld = load.to_numpy(dtype=float)
    valid = np.isfinite(pv_raw) & np.isfinite(ld)
    neg_load = valid & (ld < 0)
    if neg_load.any():
        first = pv.index[np.flatnonzero(neg_load)[0]]
        raise ValueError(f"load is negative in {int(neg_load.sum())} intervals (first at {first}); consumption "
                         "cannot be negative — is this a net (import − export) meter?")
    negative_pv = int((valid & (pv_raw < 0)).sum())
    p = np.maximum(pv_raw, 0.0)
    nan = np.where(valid, 0.0, np.nan)  # NaN where an input is missing, else 0
    direct = np.minimum(p, ld) + nan
    if disp is not None:
        ch, chg, dis, loss = (disp.charge[:, col], disp.charge_from_grid[:, col], disp.discharge[:, col],
                              disp.losses[:, col])
        soc = disp.soc[:, col]
        soc0 = float(disp.soc_initial[col])
    else:
        ch = chg = dis = loss = np.zeros(len(p))
        soc, soc0 = None, 0.0
    ch, chg, dis, loss = ch + nan, chg + nan, dis + nan, loss + nan
    export = p - direct - (ch - chg)
    grid_import = ld - direct - dis + chg
    # Rounding in float can leave -1e-9; flows are non-negative by construction.
    export = np.where(np.abs(export) < 1e-9 * (1 + np.abs(p)), 0.0, export)
    grid_import = np.where(np.abs(grid_import) < 1e-9 * (1 + np.abs(ld)), 0.0, grid_import)
    self_consumed = p + nan - export
    data = pd.DataFrame({"pv": p + nan, "load": ld + nan, "pv_to_load": direct, "battery_charge": ch,
                         "battery_charge_from_grid": chg, "battery_discharge": dis, "battery_losses": loss,
                         "export": export, "grid_import": grid_import, "self_consumed": self_consumed},
                        index=pv.index)
    if soc is not None:
        data["soc"] = soc
    h = interval_minutes / 60.0
    wh = {c: float(np.nansum(data[c].to_numpy())) * h for c in COLUMNS}
    pv_charge = wh["battery_charge"] - wh["battery_charge_from_grid"]
    f_pv = pv_charge / wh["battery_charge"] if wh["battery_charge"] > 0 else 1.0
    supplied = wh["pv_to_load"] + wh["battery_discharge"] * f_pv
    n_valid = int(valid.sum())
    peak_import = float(np.nanmax(grid_import)) if n_valid else None
    peak_load = float(np.nanmax(ld[valid])) if n_valid else None
    totals = {
        "pv_wh": wh["pv"], "load_wh": wh["load"], "pv_to_load_wh": wh["pv_to_load"],
        "self_consumed_wh": wh["self_consumed"], "export_wh": wh["export"], "import_wh": wh["grid_import"],
        "battery_charge_wh": wh["battery_charge"], "battery_charge_from_grid_wh": wh["battery_charge_from_grid"],
        "battery_discharge_wh": wh["battery_discharge"], "battery_losses_wh": wh["battery_losses"],
        "battery_delta_soc_wh": (float(soc[-1]) - soc0) if soc is not None and len(soc) else 0.0,
        "self_consumption_ratio": ratio(wh["self_consumed"], wh["pv"]),
        "self_sufficiency": ratio(supplied, wh["load"]),
        "peak_import_w": peak_import, "peak_load_w": peak_load,
        "peak_reduction_w": None if peak_load is None else peak_load - peak_import,
        "intervals": int(len(p)), "missing_intervals": int(len(p) - n_valid),
        "negative_pv_intervals": negative_pv, "_f_pv": f_pv,
    }
    return BalanceResult(data=data, interval_minutes=interval_minutes, totals=totals)


@dataclass
class FleetBalance:
    """Balances of several parks and the fleet's totals.

    Attributes
    ----------
    parks : dict
        Park name → :class:`BalanceResult`.
    totals : dict
        Sums of the parks' energies [Wh]; ratios recomputed from the sums (None if undefined);
        ``peak_import_w`` is the coincident fleet peak (highest sum over parks of one interval's
        import, over intervals where every park has data), ``sum_of_park_peaks_import_w`` the sum
        of each park's own peak; likewise for load.
    """

    parks: dict
    totals: dict


def fleet_balance(pv: Mapping[str, pd.Series], load: Mapping[str, pd.Series], interval_minutes: int,
                  batteries: Optional[Mapping[str, Optional[Battery]]] = None,
                  tariffs: Optional[Mapping] = None) -> FleetBalance:
    """Balance every park and the fleet; batteries of all parks are dispatched together (vectorised).

    Parameters
    ----------
    pv, load : mapping of park name → pandas.Series [W]
        Same park names in both; one common interval.
    interval_minutes : int
    batteries : mapping of park name → Battery or None, optional
    tariffs : mapping of park name → Tariff, optional
        Needed for parks whose battery uses ``"tou_arbitrage"``.

    Returns
    -------
    FleetBalance
    """
    names = list(pv)
    if set(names) != set(load):
        raise ValueError(f"pv and load name different parks: {sorted(set(names) ^ set(load))}")
    batteries = dict(batteries or {})
    tariffs = dict(tariffs or {})
    pairs = {n: _check_inputs(pv[n], load[n]) for n in names}
    results: dict[str, BalanceResult] = {}
    with_batt = [n for n in names if batteries.get(n) is not None]
    # Parks with batteries on a shared index are dispatched in one vectorised pass.
    groups: dict = {}
    for n in with_batt:
        groups.setdefault(tuple(pairs[n][0].index.as_unit("ns").asi8[[0, -1]]) + (len(pairs[n][0]),), []).append(n)
    for group in groups.values():
        idx = pairs[group[0]][0].index
        P = np.column_stack([np.maximum(pairs[n][0].to_numpy(), 0.0) for n in group])
        L = np.column_stack([pairs[n][1].to_numpy() for n in group])
        period = None
        if any(batteries[n].strategy == "tou_arbitrage" for n in group):
            period = np.zeros((len(idx), len(group)), dtype=np.int8)
            for j, n in enumerate(group):
                if batteries[n].strategy == "tou_arbitrage":
                    if tariffs.get(n) is None:
                        raise ValueError(f"park {n!r}: the tou_arbitrage battery needs a tariff")
                    period[:, j] = tariffs[n].period_codes(idx)
        disp = dispatch(P, L, [batteries[n] for n in group], interval_minutes, period=period)
        for j, n in enumerate(group):
            results[n] = _balance_from_arrays(*pairs[n], interval_minutes, disp, j)
    for n in names:
        if n not in results:
            results[n] = _balance_from_arrays(*pairs[n], interval_minutes, None, 0)
    results = {n: results[n] for n in names}
    keys = ("pv_wh", "load_wh", "pv_to_load_wh", "self_consumed_wh", "export_wh", "import_wh",
            "battery_charge_wh", "battery_charge_from_grid_wh", "battery_discharge_wh", "battery_losses_wh",
            "battery_delta_soc_wh")
    totals = {k: float(sum(r.totals[k] for r in results.values())) for k in keys}
    supplied = sum(r.totals["pv_to_load_wh"] + r.totals["battery_discharge_wh"] * r.totals["_f_pv"]
                   for r in results.values())
    totals["self_consumption_ratio"] = ratio(totals["self_consumed_wh"], totals["pv_wh"])
    totals["self_sufficiency"] = ratio(supplied, totals["load_wh"])
    if results:
        imp = pd.concat({n: r.data["grid_import"] for n, r in results.items()}, axis=1)
        ld = pd.concat({n: r.data["load"] for n, r in results.items()}, axis=1)
        full = imp.notna().all(axis=1) & ld.notna().all(axis=1)
        totals["peak_import_w"] = float(imp[full].sum(axis=1).max()) if full.any() else None
        totals["peak_load_w"] = float(ld[full].sum(axis=1).max()) if full.any() else None
        totals["peak_reduction_w"] = (None if totals["peak_load_w"] is None
                                      else totals["peak_load_w"] - totals["peak_import_w"])
    peaks_i = [r.totals["peak_import_w"] for r in results.values() if r.totals["peak_import_w"] is not None]
    peaks_l = [r.totals["peak_load_w"] for r in results.values() if r.totals["peak_load_w"] is not None]
    totals["sum_of_park_peaks_import_w"] = float(sum(peaks_i)) if peaks_i else None
    totals["sum_of_park_peaks_load_w"] = float(sum(peaks_l)) if peaks_l else None
    totals["parks"] = len(results)
    totals["missing_intervals"] = int(sum(r.totals["missing_intervals"] for r in results.values()))
    return FleetBalance(parks=results, totals=totals)


def align_year(series: pd.Series, target: pd.DatetimeIndex, tz: str = "Asia/Shanghai") -> pd.Series:
    """Put ``series`` onto ``target`` by local calendar position (month, day, hour, minute).

    For balancing a typical-year PV simulation (whose index may carry another year, or mixed
    years in a TMY) against a year of consumption. A 29 February in ``target`` takes 28 February
    of the source if the source has none. Positions the source lacks are NaN, never 0.

    Parameters
    ----------
    series : pandas.Series
        Values on a tz-aware index.
    target : pandas.DatetimeIndex
        The tz-aware index wanted (same interval).
    tz : str
        Local zone in which calendar positions are compared.
    """
    def key(ix):
        loc = pd.DatetimeIndex(ix).tz_convert(tz)
        return (loc.month.to_numpy().astype(np.int64) * 1_000_000 + loc.day.to_numpy() * 10_000
                + loc.hour.to_numpy() * 100 + loc.minute.to_numpy())
    src = pd.Series(series.to_numpy(), index=key(series.index))
    src = src[~src.index.duplicated()]
    k = key(target)
    got = src.reindex(k).to_numpy(dtype=float, copy=True)
    leap = (k // 10_000 == 229) & np.isnan(got)
    if leap.any():
        got[leap] = src.reindex(k[leap] - 10_000).to_numpy()  # 29 Feb → 28 Feb
    return pd.Series(got, index=target, name=series.name)
