"""The tables an export or report hands on, built from a stored simulation run.

:func:`report_tables` gathers, for one park (its arrays) or the fleet (its parks):

``summary``
    One row per array/park and a total: DC capacity [kWp], AC energy [kWh], specific yield
    [kWh/kWp], performance ratio and capacity factor [-], CO₂ avoided [t] (parks and totals),
    and P50/P90 [kWh] when a stored yield study covers the scope.
``monthly``
    AC energy [kWh] per local calendar month for each entity and the total, and the park's
    consumption [kWh] where one is stored (fleet: only when every park has one).
``series``
    ``hourly`` (AC power [kW], interval mean, labelled by interval start) or ``daily`` (energy
    [kWh] per local day); for ``monthly`` resolution the monthly table is the series.
``losses``
    The loss waterfall [kWh] and each item as a share of the nominal POA energy [%].
``assumptions``
    ``item``/``value`` rows: location, weather source, model options, equipment, loss parameters,
    run id, software versions, CO₂ factor and model uncertainty.

Every timestamp is tz-aware (the park's zone, or the fleet's shared zone, else UTC), energies
are from the run's stored series and aggregates (SI in the DB, kW/kWh here for people).
:func:`write_export` writes them with :mod:`solarfleet.models.export.writers` (CSV, XLSX, JSON).
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.ledger import build_ledger, ledger_tables
from solarfleet.models.store import (latest_run_id, load_fleet, load_park, load_run, load_run_ac, load_yield_study,
                                     park_consumption, run_arrays, run_energy, run_parks)
from solarfleet.models.store.weather import weather_provenance

__all__ = ["ExportError", "ReportTables", "report_tables", "write_export", "csv_table_paths", "preview", "RESOLUTIONS", "FORMATS"]

RESOLUTIONS = ("hourly", "daily", "monthly")
FORMATS = ("csv", "xlsx", "json")


class ExportError(ValueError):
    """Nothing suitable to export (no run, unknown park, incompatible calendars)."""


@dataclass
class ReportTables:
    """What :func:`report_tables` returns; see the module docstring for each table."""

    scope: str
    park: Optional[str]
    run_id: int
    tz: str
    resolution: str
    summary: pd.DataFrame
    monthly: pd.DataFrame
    series: pd.DataFrame
    losses: pd.DataFrame
    assumptions: pd.DataFrame
    meta: dict = field(default_factory=dict)
    kpi: dict = field(default_factory=dict)
    #: Report tables of :mod:`solarfleet.models.export.report_data` (None where the data is not stored).
    balance: Optional[pd.DataFrame] = None
    monthly_balance: Optional[pd.DataFrame] = None
    balance_report: object = None
    weather: dict = field(default_factory=dict)
    weather_info: dict = field(default_factory=dict)
    arrays_monthly: Optional[pd.DataFrame] = None
    system: Optional[pd.DataFrame] = None
    pvalues: Optional[pd.DataFrame] = None
    pmethod: Optional[pd.DataFrame] = None
    projection: Optional[pd.DataFrame] = None
    carbon: Optional[pd.DataFrame] = None
    #: The dual-carbon ledger's tables (:func:`solarfleet.models.energy.ledger.ledger_tables`): ``monthly``,
    #: ``annual``, ``certificates``, ``factors``; empty where the parks have no consumption stored.
    ledger: dict = field(default_factory=dict)
    study: object = None

    def sheets(self) -> dict:
        """Sheet name → table, in the order of the XLSX (tables that are not stored are left out)."""
        out = {"summary": self.summary, "monthly": self.monthly}
        if self.resolution != "monthly":
            out[self.resolution] = self.series
        balance = self.monthly_balance if self.monthly_balance is not None else self.balance
        for name, df in (("balance_monthly", balance), ("arrays_monthly", self.arrays_monthly),
                         ("system", self.system), ("p50_p90", self.pvalues), ("p50_p90_method", self.pmethod),
                         ("projection", self.projection), ("carbon", self.carbon),
                         ("carbon_ledger", self.ledger.get("monthly")),
                         ("carbon_ledger_annual", self.ledger.get("annual")),
                         ("green_certificates", self.ledger.get("certificates")),
                         ("emission_factors", self.ledger.get("factors"))):
            if df is not None and len(df):
                out[name] = df
        for park, df in self.weather.items():
            out[_sheet_name("weather", park, self.park)] = df
        out["losses"] = self.losses
        out["assumptions"] = self.assumptions
        return out


def _sheet_name(prefix: str, park: str, scope_park: Optional[str]) -> str:
    """``weather`` for a park report, ``weather <park>`` (≤ 31 characters, no ``[]:*?/\\``) for a fleet."""
    if scope_park:
        return prefix
    import re
    return (prefix + " " + re.sub(r"[\[\]:*?/\\]", "_", park))[:31]


def _finite(x):
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return x if np.isfinite(x) else None


def _local_index(start_utc: str, periods: int, minutes: float, tz: str) -> pd.DatetimeIndex:
    return pd.date_range(pd.Timestamp(start_utc), periods=periods, freq=pd.Timedelta(minutes=minutes)).tz_convert(tz)


def _period_start(labels, tz: str) -> pd.DatetimeIndex:
    """Local period starts (``YYYY-MM-DD`` text) as tz-aware timestamps."""
    return pd.DatetimeIndex([pd.Timestamp(str(x)[:10]).tz_localize(tz) for x in labels])


def report_tables(store, park: Optional[str] = None, resolution: str = "hourly", run_id: Optional[int] = None,
                  model_uncertainty: Optional[float] = None, with_study: bool = True) -> ReportTables:
    """Build the export tables of a park (its arrays) or of the fleet (its parks).

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park : str, optional
        Park name; None for the whole fleet of the run.
    resolution : {'hourly', 'daily', 'monthly'}
    run_id : int, optional
        Default: the newest run (holding the park).
    with_study : bool
        Include the newest stored yield study covering the scope (P50/P90 columns and tables).

    Raises
    ------
    ExportError
        No run, an unknown park, or (fleet, hourly/daily) parks simulated on different calendars.
    """
    if resolution not in RESOLUTIONS:
        raise ExportError(f"resolution must be one of {', '.join(RESOLUTIONS)} (got {resolution!r})")
    s = _scope(store, park, run_id)
    study = None if not with_study else load_yield_study(store, park_name=s.park) if s.park else \
        load_yield_study(store, covering=[p["park"] for p in s.parks])
    rows, co2 = _summary_rows(store, s, study)
    summary = pd.DataFrame(rows)
    summary = summary.drop(columns=[c for c in ("roof", "array") if c in summary.columns]).set_index("name")
    monthly = _monthly_table(store, s, [r["name"] for r in rows[:-1]])
    consumption_note = _add_consumption(store, s, monthly)
    series = monthly if resolution == "monthly" else _series_table(store, s, resolution)
    losses = _losses_table(s.parks[0]["losses"] if s.park else s.run["losses"])
    assumptions = _assumptions_table(s, co2, consumption_note, study)

    tot = rows[-1]
    kpi = {"energy_wh": tot["ac_energy [kWh]"] * 1000.0, "dc_capacity_w": tot["dc_capacity [kWp]"] * 1000.0,
           "specific_yield": tot["specific_yield [kWh/kWp]"], "performance_ratio": tot["performance_ratio [-]"],
           "capacity_factor": tot["capacity_factor [-]"], "co2_t": tot["co2_avoided [t]"],
           "p50_kwh": tot.get("P50 [kWh]"), "p90_kwh": tot.get("P90 [kWh]")}
    meta = {"scope": s.scope, "park": s.park, "run_id": s.run_id, "resolution": resolution, "time_zone": s.tz,
            "software_version": (s.run.get("versions") or {}).get("solarfleet"),
            "created_utc": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "units": {"power": "kW", "energy": "kWh", "co2": "t"},
            "yield_study_id": None if study is None else study.study_id}
    out = ReportTables(scope=s.scope, park=s.park, run_id=s.run_id, tz=s.tz, resolution=resolution,
                       summary=summary, monthly=monthly, series=series, losses=losses, assumptions=assumptions,
                       meta=meta, kpi=kpi, study=study)
    _add_report_data(store, s, out, study)
    return out


def _add_report_data(store, s: "_Scope", out: ReportTables, study) -> None:
    """Fill the report tables of :mod:`solarfleet.models.export.report_data` into ``out``."""
    from solarfleet.models.export import report_data as rd
    parks = [s.fleet_parks[p["park"]] for p in s.parks if p["park"] in s.fleet_parks]
    options = s.run.get("options") or {}
    poa_frames = {}
    for p in s.parks if s.park else ():  # weather belongs to a park: its report and export carry it
        po = s.fleet_parks.get(p["park"])
        got = None if po is None else rd.weather_monthly(store, s.run_id, p, po, options)
        if got is not None:
            out.weather[p["park"]], poa_frames[p["park"]], out.weather_info[p["park"]] = got
    if s.park:
        out.arrays_monthly = rd.array_monthly(store, s.run_id, s.park, poa_frames.get(s.park))
        if s.park in s.fleet_parks:
            out.system = rd.system_table(s.fleet_parks[s.park], run_arrays(store, s.run_id, s.park), options)

    def pv_for(park):
        return load_run_ac(store, s.run_id, park.name).sum(axis=1, min_count=1)
    if len(parks) == len(s.parks):
        out.balance, out.balance_report = rd.balance_monthly(store, parks, pv_for)
    if s.park:
        total = out.monthly[f"{s.total_name} ac_energy [kWh]"]
        cap = dict(zip(out.summary.index, out.summary["dc_capacity [kWp]"]))
        out.monthly_balance = rd.monthly_balance_table(out.weather.get(s.park), out.arrays_monthly, cap,
                                                       pd.Series(total.to_numpy(), index=total.index.month),
                                                       out.balance)
    rows = out.balance_report.rows if out.balance_report is not None else []
    out.carbon = rd.carbon_table(rows, s.parks, s.fleet_parks)
    if rows:
        out.ledger = ledger_tables(build_ledger(store, pv_for, parks, balance=out.balance_report))
    if study is not None:
        got = rd.exceedance_tables(study, s.park)
        if got is not None:
            out.pvalues, out.pmethod, out.projection = got


# --- the tables, one function each ------------------------------------------------------------------

@dataclass
class _Scope:
    """What the tables describe: one park of a stored run (its arrays), or the run's fleet (its parks)."""

    park: Optional[str]
    run_id: int
    run: dict
    parks: list
    fleet_parks: dict
    tz: str

    @property
    def scope(self) -> str:
        return "park" if self.park else "fleet"

    @property
    def total_name(self) -> str:
        return self.park if self.park else "fleet"


def _scope(store, park: Optional[str], run_id: Optional[int]) -> _Scope:
    """The run (default: the newest holding ``park``) and its parks; ExportError if there is none.

    The time zone is the parks' shared zone, else UTC.
    """
    if park is not None:
        try:
            park = load_park(store, park).name
        except KeyError:
            raise ExportError(f"no park named {park!r}") from None
    rid = run_id if run_id is not None else latest_run_id(store, park)
    if rid is None:
        raise ExportError("no simulation run" + (f" for park {park!r}" if park else "") +
                          " yet; run a simulation first")
    run = load_run(store, rid)
    parks_info = run_parks(store, rid)
    if park is not None:
        parks_info = [p for p in parks_info if p["park"].casefold() == park.casefold()]
        if not parks_info:
            raise ExportError(f"run {rid} does not hold park {park!r}")
    fleet_parks = {p.name: p for p in load_fleet(store).parks}
    tzs = {p["tz"] for p in parks_info}
    return _Scope(park=park, run_id=rid, run=run, parks=parks_info, fleet_parks=fleet_parks,
                  tz=tzs.pop() if len(tzs) == 1 else "UTC")


def _kpi_row(name: str, level: str, figures) -> dict:
    """A summary row from a stored park or run's figures (SI units in, kWp/kWh out)."""
    return {"name": name, "level": level, "dc_capacity [kWp]": figures["dc_capacity"] / 1000.0,
            "ac_energy [kWh]": figures["energy"] / 1000.0,
            "specific_yield [kWh/kWp]": _finite(figures["specific_yield"]),
            "performance_ratio [-]": _finite(figures["performance_ratio"]),
            "capacity_factor [-]": _finite(figures["capacity_factor"])}


def _summary_rows(store, s: _Scope, study) -> tuple[list[dict], dict]:
    """The summary's rows (arrays or parks, then the total) and the CO₂ figures of each park."""
    from solarfleet.models.energy.carbon import park_co2
    rows = []
    co2_total, co2_meta = 0.0, {}
    if s.park:
        for a in run_arrays(store, s.run_id, s.park).itertuples():
            rows.append({"name": f"{a.roof}/{a.array}", "level": "array", "roof": a.roof, "array": a.array,
                         "dc_capacity [kWp]": a.dc_capacity / 1000.0, "ac_energy [kWh]": a.energy / 1000.0,
                         "specific_yield [kWh/kWp]": _finite(a.specific_yield),
                         "performance_ratio [-]": _finite(a.performance_ratio),
                         "capacity_factor [-]": _finite(a.capacity_factor)})
    for p in s.parks:
        if s.park is None:
            rows.append(_kpi_row(p["park"], "park", p))
        po = s.fleet_parks.get(p["park"])
        if po is not None:
            c = park_co2(po.grid_region, p["energy"])
            co2_total += c["co2_t"]
            co2_meta[p["park"]] = c
            if s.park is None:
                rows[-1]["co2_avoided [t]"] = c["co2_t"]
    tot = _kpi_row(s.park, "park", s.parks[0]) if s.park else _kpi_row("fleet", "fleet", s.run)
    tot["co2_avoided [t]"] = co2_total if co2_meta else None
    rows.append(tot)
    if study is not None:
        _add_exceedance(rows, study.table, s.park)
    return rows, co2_meta


def _add_exceedance(rows: list[dict], table: pd.DataFrame, park: Optional[str]) -> None:
    """Add the yield study's annual P50/P90 [kWh] to the summary rows it covers."""
    for r in rows:
        if r["level"] == "array":
            m = (table["level"] == "array") & (table["park"] == park) & (table["array"] == r["name"])
        elif r["level"] == "park":
            m = (table["level"] == "park") & (table["park"] == r["name"])
        else:
            m = table["level"] == "fleet"
        m &= table["period"] == "year"
        if m.any():
            for x in (50, 90):
                r[f"P{x} [kWh]"] = float(table.loc[m, f"P{x}"].iloc[0]) / 1000.0


def _monthly_table(store, s: _Scope, entities: list[str]) -> pd.DataFrame:
    """AC energy [kWh] per local month of each entity (in ``entities`` order) and the total."""
    mon = run_energy(store, s.run_id, "array" if s.park else "park", "month", s.park)
    mon["entity"] = (mon["roof"] + "/" + mon["array"]) if s.park else mon["park"]
    monthly = mon.pivot_table(index="period_start", columns="entity", values="ac_energy", aggfunc="sum", sort=False)
    monthly = monthly.reindex(columns=entities) / 1000.0
    monthly.columns = [f"{c} ac_energy [kWh]" for c in monthly.columns]
    monthly[f"{s.total_name} ac_energy [kWh]"] = monthly.sum(axis=1, min_count=1)
    monthly.index = _period_start(monthly.index, s.tz)
    monthly.index.name = "month_start"
    return monthly


def _add_consumption(store, s: _Scope, monthly: pd.DataFrame) -> Optional[str]:
    """Add ``consumption [kWh]`` to ``monthly`` when every park has one stored; return a note (its provenance:
    measured meters or a modelled synthetic load, per park), if any.

    The load year may differ from the weather year: then months are matched by calendar month.
    """
    cons, kinds = [], []
    for p in s.parks:
        got = park_consumption(store, p["park"])
        if got is None:
            return f"no consumption stored for {p['park']}"
        data, info = got
        kinds.append(f"{p['park']}: " + ("modelled (synthetic load)" if info["kind"] == "synthetic" else
                                          "measured (" + ", ".join(info["meters"]) + ")"))
        minutes = (data.index[1] - data.index[0]).total_seconds() / 60.0
        local = data.index.tz_convert(p["tz"])
        cons.append(data.groupby([local.year, local.month]).sum(min_count=1) * minutes / 60.0)
    if not cons:
        return None
    note = None
    c = sum(cons[1:], cons[0])
    keys = list(zip(monthly.index.year, monthly.index.month))
    vals = [float(c.get(k, np.nan)) / 1000.0 for k in keys]
    if np.isnan(vals).any():
        by_month = c.groupby(level=1).mean()
        vals = [float(by_month.get(m, np.nan)) / 1000.0 for m in monthly.index.month]
        note = "consumption matched to the simulated year by calendar month"
    monthly["consumption [kWh]"] = vals
    provenance = "provenance: " + "; ".join(kinds)
    return provenance if note is None else f"{note}; {provenance}"


def _series_table(store, s: _Scope, resolution: str) -> pd.DataFrame:
    """AC power [kW] per interval (``hourly``) or energy [kWh] per local day (``daily``), entities and total.

    Raises
    ------
    ExportError
        The parks of a fleet were simulated on different weather calendars.
    """
    calendars = {(p["start_utc"], p["periods"], p["interval_minutes"]) for p in s.parks}
    if len(calendars) > 1:
        raise ExportError(f"the parks of run {s.run_id} were simulated on different weather calendars; export "
                          f"{resolution} data per park (--park) or monthly for the fleet")
    start, periods, minutes = calendars.pop()
    index = _local_index(start, periods, minutes, s.tz)
    cols = {}
    for p in s.parks:
        ac = load_run_ac(store, s.run_id, p["park"])
        if s.park:
            for c in ac.columns:
                cols[c] = ac[c].to_numpy()
        else:
            cols[p["park"]] = ac.sum(axis=1, min_count=1).to_numpy()
    frame = pd.DataFrame(cols, index=index) / 1000.0  # [kW]
    frame[s.total_name] = frame.sum(axis=1, min_count=1)
    if resolution == "hourly":
        series = frame.set_axis([f"{c} ac [kW]" for c in frame.columns], axis=1)
        series.index.name = "interval_start"
        return series
    local_day = frame.index.normalize()
    daily = frame.groupby(local_day).sum(min_count=1) * (minutes / 60.0)
    series = daily.set_axis([f"{c} ac_energy [kWh]" for c in frame.columns], axis=1)
    series.index.name = "day_start"
    return series


def _losses_table(losses_wh: dict) -> pd.DataFrame:
    """The loss waterfall [kWh], each item also as a share of the nominal POA energy [%]."""
    nominal = losses_wh.get("poa_nominal")
    return pd.DataFrame([{"item": k, "energy [kWh]": v / 1000.0,
                          "share_of_nominal [%]": (100.0 * v / nominal) if nominal else None}
                         for k, v in losses_wh.items()]).set_index("item")


def _assumptions_table(s: _Scope, co2_meta: dict, consumption_note: Optional[str], study) -> pd.DataFrame:
    """``item``/``value`` rows: the run, model options, software, each park's inputs, CO₂ and study basis."""
    run = s.run
    a: list[tuple[str, object]] = [("scope", s.scope), ("park" if s.park else "parks",
                                                        s.park or ", ".join(p["park"] for p in s.parks)),
                                   ("run_id", s.run_id), ("run_started_utc", run["started_utc"]),
                                   ("fleet_hash", run["fleet_hash"]), ("time_zone", s.tz),
                                   ("timestamps", "interval start, ISO 8601 with UTC offset"),
                                   ("units", "power kW (interval mean), energy kWh, CO2 t")]
    for k, v in sorted((run.get("options") or {}).items()):
        a.append((f"simulation.{k}", v))
    for k, v in sorted((run.get("versions") or {}).items()):
        a.append((f"software.{k}", v))
    for p in s.parks:
        po = s.fleet_parks.get(p["park"])
        a += _park_assumptions(p, po, co2_meta.get(p["park"]), prefix=f"{p['park']}." if s.park is None else "")
        if s.park and po is not None:
            a += _array_assumptions(po)
    a.append(("co2.basis", "all simulated AC energy is used on site or exported"))
    if consumption_note:
        a.append(("consumption", consumption_note))
    if study is not None:
        a += [("yield_study.id", study.study_id), ("yield_study.created_utc", study.created_utc),
              ("yield_study.model_uncertainty [-]", study.parameters.get("model_uncertainty")),
              ("yield_study.method", "; ".join(f"{k}: {v['method']} ({len(v['members'])} years)"
                                               for k, v in study.parks.items())),
              ("yield_study.weather_years", "; ".join(_study_years(k, v) for k, v in study.parks.items()))]
    return pd.DataFrame([{"item": k, "value": _plain(v)} for k, v in a]).set_index("item")


def _study_years(park: str, info: dict) -> str:
    """``park: 2016, 2017 (NASA POWER hourly …)`` — which real years a study used, or its synthetic seeds."""
    weather = info.get("weather") or []
    years = [str(w["year"]) for w in weather if w.get("year") is not None]
    if info.get("method") not in ("measured years", "satellite years") or not years:
        return f"{park}: {len(weather)} synthetic years"
    sources = sorted({str(w.get("source")) for w in weather if w.get("source")})
    return f"{park}: {', '.join(years)} ({'; '.join(sources)})"


def _park_assumptions(p: dict, po, co2: Optional[dict], prefix: str) -> list[tuple[str, object]]:
    """A park's location, weather and CO₂ factor; ``po`` is the fleet's Park (None if it is gone)."""
    a = []
    if po is not None:
        a += [(f"{prefix}latitude [°]", po.latitude), (f"{prefix}longitude [°]", po.longitude),
              (f"{prefix}altitude [m]", po.altitude), (f"{prefix}grid_region", po.grid_region)]
    w = p["weather"] or {}
    a += [(f"{prefix}weather.kind", w.get("kind")), (f"{prefix}weather.provenance", weather_provenance(w)),
          (f"{prefix}weather.source", w.get("source"))]
    # columns the weather file lacked and how they were filled (Erbs, stated defaults): never hidden
    a += [(f"{prefix}weather.filled.{column}", how) for column, how in (w.get("filled") or {}).items()]
    a += [(f"{prefix}weather.year", w.get("year")), (f"{prefix}weather.interval_minutes", p["interval_minutes"]),
          (f"{prefix}missing_intervals", p["missing_intervals"])]
    if co2 is not None:
        a += [(f"{prefix}co2.region", co2["region"]), (f"{prefix}co2.factor [kg/kWh]", co2["factor"]),
              (f"{prefix}co2.data_year", co2["data_year"])]
    return a


def _array_assumptions(po) -> list[tuple[str, object]]:
    """Each array's models, equipment, orientation, degradation and losses."""
    a = []
    for roof, arr in po.iter_arrays():
        key = f"{roof.name}/{arr.name}"
        equip = arr.module or f"PVWatts {arr.pdc0 / 1000.0 if arr.pdc0 else '?'} kWp"
        a += [(f"{key}.dc_model", arr.dc_model), (f"{key}.module", equip),
              (f"{key}.inverter", arr.inverter or f"{arr.inverter_model} (DC/AC {arr.dc_ac_ratio})"),
              (f"{key}.surface_tilt [°]", roof.surface_tilt if arr.surface_tilt is None else arr.surface_tilt),
              (f"{key}.surface_azimuth [°]",
               roof.surface_azimuth if arr.surface_azimuth is None else arr.surface_azimuth),
              (f"{key}.degradation [%/yr]", arr.degradation),
              (f"{key}.losses [%]", json.dumps({k: v for k, v in _losses_dict(arr.losses).items()}))]
    return a


def _losses_dict(losses) -> dict:
    import dataclasses
    d = dataclasses.asdict(losses) if dataclasses.is_dataclass(losses) else dict(losses)
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items()}


def _plain(v):
    """A value for the ``value`` column: numbers stay numbers, the rest text."""
    if v is None or isinstance(v, (bool, int, float, np.integer, np.floating)):
        return v
    if isinstance(v, (list, dict, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def csv_table_paths(tables: ReportTables, path) -> dict:
    """Sheet name → the CSV file :func:`write_export` writes it to with ``all_tables`` (``<stem>_<sheet>.csv``)."""
    import re
    from pathlib import Path
    path = Path(path)
    return {name: path.with_name(f"{path.stem}_{re.sub(r'[^0-9A-Za-z_.-]+', '_', name).strip('_')}.csv")
            for name in tables.sheets()}


def write_export(tables: ReportTables, fmt: str, path, all_tables: bool = False, language: str = "en") -> None:
    """Write ``tables`` as ``csv`` (the series at its resolution; with ``all_tables`` every sheet of the XLSX as
    its own CSV, :func:`csv_table_paths`), ``xlsx`` (every sheet) or ``json``.

    ``language`` ('en', 'zh_CN', 'ja_JP') names the XLSX sheets and the CSV/XLSX column headers and loss items
    in that language (:func:`~solarfleet.models.export.local_units.localize_sheets`); 'en' keeps the English
    names machines read. JSON always keeps the English keys. File names of ``all_tables`` stay English.
    """
    from solarfleet.models.export.local_units import LocalUnits, localize_sheets
    from solarfleet.models.export.writers import write_csv, write_json, write_xlsx
    units = LocalUnits(language)

    def local(sheets: dict) -> dict:
        return localize_sheets(sheets, units)
    if fmt == "csv" and all_tables:
        sheets = tables.sheets()
        for name, target in csv_table_paths(tables, path).items():
            write_csv(next(iter(local({name: sheets[name]}).values())), target)
    elif fmt == "csv":
        write_csv(next(iter(local({tables.resolution: tables.series}).values())), path)
    elif fmt == "xlsx":
        write_xlsx(local(tables.sheets()), path, index=True)
    elif fmt == "json":
        write_json(tables.sheets(), path, meta=tables.meta)
    else:
        raise ExportError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")


def preview(tables: ReportTables, fmt: str, rows: int = 5, language: str = "en") -> list[dict]:
    """What :func:`write_export` will write, table by table, as the cells the writer produces
    (sheet names and headers in ``language`` for CSV and XLSX, as :func:`write_export` writes them).

    Returns
    -------
    list of dict
        ``name`` (sheet or table), ``shape`` (rows, columns incl. the index column), ``header``
        and the first ``rows`` rows (neutralised text, numbers as numbers; JSON keeps text as is).
    """
    from solarfleet.models.export.writers import table_rows
    if fmt not in FORMATS + ("pdf",):
        raise ExportError(f"format must be one of {', '.join(FORMATS + ('pdf',))} (got {fmt!r})")
    if fmt == "csv":
        chosen = {tables.resolution: tables.series}
    elif fmt == "pdf":
        chosen = {"summary": tables.summary, "monthly": tables.monthly, "losses": tables.losses}
    else:
        chosen = tables.sheets()
    if fmt in ("csv", "xlsx"):
        from solarfleet.models.export.local_units import LocalUnits, localize_sheets
        chosen = localize_sheets(chosen, LocalUnits(language))
    out = []
    for name, df in chosen.items():
        it = table_rows(df.head(rows), True, safe=(fmt != "json"))
        header = next(it)
        out.append({"name": name, "shape": (len(df), len(df.columns) + 1), "header": header, "rows": list(it)})
    return out
