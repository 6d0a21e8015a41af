"""The report's further tables: weather, monthly balance, system, P50/P90 and carbon, from what is stored.

Each function builds one table of a park (or, summed, of the fleet) and returns a DataFrame with units in its
column names; :func:`solarfleet.models.export.tables.report_tables` gathers them, the PDF report and the XLSX
use the same frames.

* :func:`weather_monthly` — per local calendar month: GHI [kWh/m²], plane-of-array irradiation [kWh/m²]
  (DC-capacity-weighted over the arrays) and mean ``temp_air`` [°C] of the run's weather set;
* :func:`array_monthly` — per array and month: DC energy at the inverter input and AC energy [kWh] (stored
  run), POA [kWh/m²] and PR [-];
* :func:`balance_monthly` — per month: PV, consumption, self-consumed, exported, imported [kWh],
  self-consumption and self-sufficiency [-], savings [currency] and CO₂ avoided [t], from
  :func:`solarfleet.models.energy.balance_report.balance_report` on the report's run — the same figures
  ``solarfleet-cli balance --json`` gives for the newest run;
* :func:`system_table` — per array: equipment by manufacturer and model, counts, DC/AC, orientation, models;
* :func:`exceedance_tables` — one-year and ten-year P values and the method behind them, and the projection;
* :func:`carbon_table` — CO₂ avoided per park with factor, grid and data year (kept apart so a carbon
  ledger can replace it).

Monthly POA: the run stores each array's annual POA insolation, not monthly values. The monthly split is
pvlib's transposition (``get_total_irradiance``, the run's model) of the run's weather set, scaled so each
array's year equals its stored annual POA; the PR of a month is then ``E_ac / (POA · P_dc0 / 1000)``.
Nothing missing becomes zero: a park without a stored weather set or consumption gets no row, and
undefined ratios are NaN.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store import load_weather, run_array_monthly, run_arrays, weather_info

__all__ = ["weather_monthly", "array_monthly", "balance_monthly", "monthly_balance_table", "system_table",
           "exceedance_tables", "carbon_table", "MONTHS"]

MONTHS = pd.Index(range(1, 13), name="month")


def _weather(store, park_row: dict):
    """``(data, info)`` of the weather set the run used, or None when it was not stored."""
    wid = (park_row.get("weather") or {}).get("weather_id")
    if wid is None:
        return None
    try:
        data, _ = load_weather(store, int(wid))
        return data, weather_info(store, int(wid))
    except KeyError:
        return None


def _poa_monthly(data: pd.DataFrame, park, arrays: pd.DataFrame, minutes: float, model: str) -> pd.DataFrame:
    """Monthly POA [kWh/m²] per array (columns ``roof/array``), scaled to the run's stored annual POA."""
    import pvlib
    mid = data.index + pd.Timedelta(minutes=minutes / 2.0)
    # PyEphem-free 'ephemeris' positions (±0.1°): ample for a monthly split scaled to the stored annual POA
    sp = pvlib.solarposition.get_solarposition(mid, park.latitude, park.longitude, park.altitude,
                                               method="ephemeris")
    dni_extra = pvlib.irradiance.get_extra_radiation(mid)
    model = model if model in ("isotropic", "klucher", "haydavies", "reindl", "king", "perez") else "haydavies"
    local_month = data.index.tz_convert(park.tz).month
    out = {}
    for a in arrays.itertuples():
        poa = pvlib.irradiance.get_total_irradiance(
            a.surface_tilt, a.surface_azimuth, sp["apparent_zenith"].to_numpy(), sp["azimuth"].to_numpy(),
            data["dni"].to_numpy(), data["ghi"].to_numpy(), data["dhi"].to_numpy(),
            dni_extra=dni_extra.to_numpy(), model=model)["poa_global"]
        wh = pd.Series(np.asarray(poa, dtype=float) * minutes / 60.0, index=data.index)
        monthly = wh.groupby(local_month).sum(min_count=1)
        total = monthly.sum()
        scale = a.poa_insolation / total if total and np.isfinite(total) else np.nan
        out[f"{a.roof}/{a.array}"] = monthly * scale / 1000.0
    return pd.DataFrame(out).reindex(MONTHS)


def weather_monthly(store, run_id: int, park_row: dict, park, run_options: dict) -> Optional[tuple[pd.DataFrame, pd.DataFrame,
                                                                                       dict]]:
    """A park's monthly weather and POA, and its weather set's description.

    Returns
    -------
    (weather, poa, info) or None
        ``weather``: ``ghi [kWh/m2]``, ``poa_global [kWh/m2]`` (DC-weighted), ``temp_air [degC]`` per month;
        ``poa``: per array [kWh/m²]; ``info``: the set's ``kind``, ``source``, ``year``, ``name``, period
        ``start``/``end`` and its quality ``problems``. None when the run's weather set is not stored.
    """
    got = _weather(store, park_row)
    if got is None:
        return None
    data, info = got
    minutes = float(park_row["interval_minutes"])
    local = data.index.tz_convert(park.tz).month
    ghi = data["ghi"].groupby(local).sum(min_count=1) * minutes / 60.0 / 1000.0
    temp = data["temp_air"].groupby(local).mean() if "temp_air" in data else pd.Series(np.nan, index=MONTHS)
    arrays = run_arrays(store, run_id, park_row["park"])
    poa = _poa_monthly(data, park, arrays, minutes, str(run_options.get("transposition", "haydavies")))
    weights = arrays.set_index(arrays["roof"] + "/" + arrays["array"])["dc_capacity"]
    weighted = (poa * weights).sum(axis=1, min_count=1) / weights.sum()
    weather = pd.DataFrame({"ghi [kWh/m2]": ghi.reindex(MONTHS), "poa_global [kWh/m2]": weighted,
                            "temp_air [degC]": temp.reindex(MONTHS)})
    q = info.get("quality") or {}
    desc = {"kind": info["kind"], "source": info.get("source"), "year": info.get("year"), "name": info.get("name"),
            "start": q.get("start"), "end": q.get("end"), "problems": list(q.get("problems") or []),
            "missing_ghi": (q.get("missing") or {}).get("ghi", {}).get("count")}
    return weather, poa, desc


def array_monthly(store, run_id: int, park_name: str, poa: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Per array and month: ``dc_energy [kWh]`` (inverter input), ``ac_energy [kWh]``, ``poa_global [kWh/m2]``,
    ``performance_ratio [-]``.

    Long format (``array``, ``month`` index) so a spreadsheet can pivot or chart it directly.
    """
    mon = run_array_monthly(store, run_id, park_name)
    rows = []
    for r in mon.itertuples():
        key, month = f"{r.roof}/{r.array}", int(str(r.period_start)[5:7])
        e = r.ac_energy / 1000.0
        p = float(poa.at[month, key]) if poa is not None and key in poa else np.nan
        pr = e / (p * r.dc_capacity / 1000.0) if p and np.isfinite(p) and r.dc_capacity else np.nan
        rows.append({"array": key, "month": month, "dc_energy [kWh]": r.dc_energy / 1000.0, "ac_energy [kWh]": e,
                     "poa_global [kWh/m2]": p, "performance_ratio [-]": pr})
    return pd.DataFrame(rows).set_index(["array", "month"])


def _month_slices(index: pd.DatetimeIndex, tz: str):
    months = index.tz_convert(tz).month
    return {m: months == m for m in range(1, 13)}


def _park_balance_monthly(result, park, tariff, co2_factor: float) -> pd.DataFrame:
    """One park's :class:`~solarfleet.models.energy.balance.BalanceResult` per local month [kWh]."""
    from solarfleet.models.energy.tariff import bill
    agg = result.aggregate("MS", park.tz)
    agg = agg.groupby(agg.index.month).sum(min_count=1)  # a calendar month, whatever the year
    f_pv = result.totals.get("_f_pv", 1.0)
    table = pd.DataFrame({"pv [kWh]": agg["pv_wh"], "consumption [kWh]": agg["load_wh"],
                          "self_consumed [kWh]": agg["self_consumed_wh"], "exported [kWh]": agg["export_wh"],
                          "imported [kWh]": agg["grid_import_wh"],
                          "own_supply [kWh]": agg["pv_to_load_wh"] + agg["battery_discharge_wh"] * f_pv}) / 1000.0
    table["co2_avoided [t]"] = (table["self_consumed [kWh]"] + table["exported [kWh]"]) * co2_factor / 1000.0
    if tariff is not None:
        d = result.data
        savings = {}
        for m, sel in _month_slices(d.index, park.tz).items():
            part = d[sel]
            without = bill(tariff, part["load"], None, result.interval_minutes)["net_cost"]
            savings[m] = without - bill(tariff, part["grid_import"], part["export"], result.interval_minutes)["net_cost"]
        table[f"savings [{tariff.currency}]"] = pd.Series(savings)
    return table.reindex(MONTHS)


def _ratios(frame: pd.DataFrame) -> pd.DataFrame:
    pv = frame["pv [kWh]"].where(frame["pv [kWh]"] > 0)
    load = frame["consumption [kWh]"].where(frame["consumption [kWh]"] > 0)
    frame["self_consumption_ratio [-]"] = (frame["self_consumed [kWh]"] / pv).clip(0, 1)
    frame["self_sufficiency [-]"] = (frame.pop("own_supply [kWh]") / load).clip(0, 1)
    return frame


def balance_monthly(store, parks: list, pv_for) -> tuple[Optional[pd.DataFrame], dict]:
    """The monthly energy balance of ``parks`` summed (one park, or the fleet), with the balance report.

    Parameters
    ----------
    parks : list of solarfleet.models.fleet.Park
    pv_for : callable
        ``pv_for(park) -> pandas.Series`` AC power [W] of the report's run.

    Returns
    -------
    (table, report)
        ``table`` None when no park has consumption; ``report`` the
        :class:`~solarfleet.models.energy.balance_report.BalanceReport` (its ``rows``/``totals`` are what
        ``balance --json`` prints).

    Ratios are those of :mod:`solarfleet.models.energy.balance`, from the month's sums.
    """
    from solarfleet.models.energy.balance_report import balance_report
    from solarfleet.models.store import get_tariff
    rep = balance_report(store, parks, pv_for)
    frames = []
    for park in parks:
        row = rep.row(park.name)
        if row is None:
            continue
        frames.append(_park_balance_monthly(rep.results[park.name], park, get_tariff(store, park.name),
                                            row["co2_factor"]))
    if not frames:
        return None, rep
    if len(frames) != len(parks):  # a fleet total over some parks only would mislead
        return None, rep
    table = pd.concat(frames).groupby(level=0).sum(min_count=len(frames))  # a park without tariff: no fleet savings
    return _ratios(table), rep


def monthly_balance_table(weather: Optional[pd.DataFrame], arrays: Optional[pd.DataFrame],
                          capacity_kwp: dict, ac_kwh: pd.Series, balance: Optional[pd.DataFrame]) -> pd.DataFrame:
    """PVsyst's monthly balance of one park: weather, DC and AC energy, PR and the energy balance per month.

    Parameters
    ----------
    weather : DataFrame or None
        :func:`weather_monthly`'s first table.
    arrays : DataFrame or None
        :func:`array_monthly` (the park's DC energy is the arrays' sum, NaN when any array lacks it; the PR is
        ``Σ E_ac / Σ (POA_i · P_dc0,i)``).
    capacity_kwp : dict
        ``roof/array`` → DC capacity [kWp].
    ac_kwh : Series
        The park's AC energy [kWh] by month number (the stored run).
    balance : DataFrame or None
        :func:`balance_monthly`'s table.
    """
    table = pd.DataFrame(index=MONTHS)
    for col in ("ghi [kWh/m2]", "poa_global [kWh/m2]", "temp_air [degC]"):
        table[col] = weather[col] if weather is not None else np.nan
    table["dc_energy [kWh]"] = np.nan
    table["ac_energy [kWh]"] = ac_kwh.reindex(MONTHS)
    if arrays is not None and len(arrays):
        a = arrays.reset_index()
        table["dc_energy [kWh]"] = a["dc_energy [kWh]"].groupby(a["month"]).sum(min_count=a["array"].nunique())
        ref = a["poa_global [kWh/m2]"] * a["array"].map(capacity_kwp)
        table["performance_ratio [-]"] = table["ac_energy [kWh]"] / ref.groupby(a["month"]).sum(min_count=1)
    else:
        table["performance_ratio [-]"] = np.nan
    if balance is not None:
        table = table.join(balance.drop(columns=["pv [kWh]"]))
    return table


def system_table(park, arrays: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Per array: equipment by manufacturer and model, counts, capacities, orientation and models."""
    from solarfleet.models.simulation.catalog import equipment_label
    stored = {f"{r.roof}/{r.array}": r for r in arrays.itertuples()}
    rows = []
    for roof, a in park.iter_arrays():
        key = f"{roof.name}/{a.name}"
        r = stored.get(key)
        n_mod = a.modules_per_string * a.strings if a.modules_per_string and a.strings else None
        rows.append({"array": key, "roof_type": getattr(roof, "roof_type", None),
                     "module": equipment_label(a.module) or f"PVWatts {a.dc_model}",
                     "modules_per_string": a.modules_per_string, "strings": a.strings, "modules": n_mod,
                     "inverter": equipment_label(a.inverter) or f"PVWatts (eta {a.eta_inv_nom:g})",
                     "inverters": a.inverters,
                     "dc_capacity [kWp]": None if r is None else r.dc_capacity / 1000.0,
                     "ac_capacity [kW]": None if r is None else r.ac_capacity / 1000.0,
                     "dc_ac_ratio [-]": None if r is None or not r.ac_capacity else r.dc_capacity / r.ac_capacity,
                     "surface_tilt [deg]": None if r is None else r.surface_tilt,
                     "surface_azimuth [deg]": None if r is None else r.surface_azimuth,
                     "racking": a.racking, "module_type": a.module_type,
                     "temperature_model": options.get("temperature_model"), "dc_model": a.dc_model,
                     "degradation [%/yr]": a.degradation})
    return pd.DataFrame(rows).set_index("array")


def exceedance_tables(study, park: Optional[str]) -> Optional[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
    """The study's P values for a park (or the fleet), its method in numbers, and its projection.

    Returns
    -------
    (pvalues, method, projection) or None
        ``pvalues``: index ``P50`` … with ``one_year [kWh]`` and ``ten_year [kWh]``; ``method``: ``item``/
        ``value`` rows (weather years, σ in % of P50, uncertainties and their sources); ``projection``:
        per year ``factor [-]`` and each P value one-year and ten-year [kWh]. None if the study lacks the scope.
    """
    t = study.table
    level = "park" if park else "fleet"
    sel = (t["level"] == level) & (t["period"] == "year") & (t["park"] == (park or ""))
    if not sel.any():
        return None
    r = t[sel].iloc[0]
    probs = [int(c[1:]) for c in t.columns if c.startswith("P") and c[1:].isdigit()]
    ten = lambda x: r.get(f"P{x}_10y", np.nan)  # noqa: E731  (studies stored before ten-year values: NaN)
    pvalues = pd.DataFrame({"one_year [kWh]": [r[f"P{x}"] / 1000.0 for x in probs],
                            "ten_year [kWh]": [ten(x) / 1000.0 for x in probs]},
                           index=pd.Index([f"P{x}" for x in probs], name="probability"))
    p50 = r["P50"]
    infos = {k: v for k, v in study.parks.items() if not park or k == park}
    u_model = float(study.parameters.get("model_uncertainty", np.nan))
    items = [("method", r["method"]), ("weather_years", int(r["n_years"])),
             ("weather_members", "; ".join(f"{k}: {v['method']} ({', '.join(map(str, v['members']))})"
                                           for k, v in infos.items())),
             ("sigma_sample [%]", 100.0 * r.get("sigma_sample", np.nan) / p50),
             ("regional_floor [%]", _one({100.0 * v.get("iav_floor", np.nan) for v in infos.values()})),
             ("sigma_interannual [%]", 100.0 * r["sigma_iav"] / p50),
             ("model_uncertainty [%]", 100.0 * u_model),
             ("weather_source", _one({v.get("source_kind") for v in infos.values()})),
             ("weather_source_uncertainty [%]", 100.0 * r.get("source_uncertainty", np.nan)),
             ("sigma_combined_one_year [%]", 100.0 * r["sigma_total"] / p50),
             ("sigma_combined_ten_year [%]", 100.0 * r.get("sigma_total_10y", np.nan) / p50),
             ("interannual_source", study.parameters.get("interannual_source")),
             ("weather_source_basis", study.parameters.get("source_uncertainty_basis")),
             ("study_id", study.study_id), ("created_utc", study.created_utc)]
    method = pd.DataFrame([{"item": k, "value": v} for k, v in items]).set_index("item")
    pr = study.projection
    pr = pr[(pr["level"] == level) & (pr["park"] == (park or ""))]
    proj = pd.DataFrame({"factor [-]": pr["factor"].to_numpy()}, index=pd.Index(pr["year"].astype(int), name="year"))
    for x in probs:
        proj[f"P{x} one_year [kWh]"] = pr[f"P{x}"].to_numpy() / 1000.0
        if f"P{x}_10y" in pr:
            proj[f"P{x} ten_year [kWh]"] = pr[f"P{x}_10y"].to_numpy() / 1000.0
    return pvalues, method, proj


def _one(values: set):
    """The value when all parks share it, else the values joined (a fleet of mixed sources)."""
    values = {v for v in values if v is not None and v == v}
    if len(values) == 1:
        return values.pop()
    return ", ".join(sorted(f"{v:g}" if isinstance(v, float) else str(v) for v in values)) or None


def carbon_table(balance_rows: list, run_parks_rows: list, fleet_parks: dict) -> pd.DataFrame:
    """CO₂ avoided per park [t] with the factor [kg/kWh], its grid and data year.

    The energy is the PV used on site or exported from the balance where the park has consumption, else the
    run's whole AC energy (all of it used or exported). A carbon ledger can replace this table.
    """
    from solarfleet.models.energy.carbon import emission_factors, park_co2
    by_park = {r["park"]: r for r in balance_rows}
    rows = []
    for p in run_parks_rows:
        b = by_park.get(p["park"])
        po = fleet_parks.get(p["park"])
        if b is not None:
            rows.append({"park": p["park"], "basis": "balance: self-consumed + exported",
                         "energy [kWh]": (b["self_consumed_wh"] + b["export_wh"]) / 1000.0,
                         "grid_region": b["co2_region"], "factor [kg/kWh]": b["co2_factor"],
                         "data_year": b["co2_data_year"], "co2_avoided [t]": b["co2_kg"] / 1000.0})
        elif po is not None:
            c = park_co2(po.grid_region, p["energy"])
            rows.append({"park": p["park"], "basis": "all simulated AC energy used or exported",
                         "energy [kWh]": c["energy_kwh"], "grid_region": c["region"],
                         "factor [kg/kWh]": c["factor"], "data_year": c["data_year"], "co2_avoided [t]": c["co2_t"]})
    frame = pd.DataFrame(rows).set_index("park") if rows else pd.DataFrame()
    frame.attrs["source"] = emission_factors().source
    return frame
