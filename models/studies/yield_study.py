"""Long-term yield studies: P50/P75/P90/P99 per array, park and fleet, and a 25-year projection.

Method
------
1. **Weather years.** A park with stored *measured* weather sets for at least
   :data:`MIN_MEASURED_YEARS` distinct calendar years is simulated on each of those real years
   (the newest set per year; a typical-year file is not a real year and does not count). Otherwise
   it is simulated on an **ensemble of synthetic years**
   (:func:`solarfleet.models.weather.synthetic.synth_typical_year`, seeds ``1 … n``). The synthetic
   generator fits each month to its target irradiation exactly, so on its own it has no
   year-to-year variability of monthly sums; each member's monthly targets are therefore
   perturbed: one factor for the whole year times one per month ``~ N(1, SYNTHETIC_MONTHLY_COV)``.
   The annual factors are **calibrated** to the documented inter-annual variability of the park's
   grid region (:func:`regional_variability`, ``resources/interannual_variability.json``, which
   states its source): standardised over the members so that their sample coefficient of
   variation equals the region's exactly — with the monthly factors on top, the ensemble is never
   narrower than the region. The central targets are the monthly GHI of the park's default
   weather set when that is an imported TMY or measured year, else the climate table of
   :mod:`solarfleet.models.weather.synthetic`.
2. **Simulation.** Every member is simulated with :func:`solarfleet.models.simulation.engine.simulate_park`
   (vectorised over arrays), with degradation evaluated for the study's first year
   (``start_year``), so all members describe the same state of the plant.
3. **Energy per local calendar month.** A month with missing weather is scaled up by the
   ratio of expected to valid intervals when at most :data:`MAX_MONTH_GAP` of it is missing;
   a year with a worse month is left out of the study and named in ``excluded`` (never
   counted as zero).
4. **Exceedance.** For each array, each park and each period (the year and each month)
   :func:`solarfleet.models.studies.exceedance.exceedance`, one-year and ten-year: P50 = ensemble median,
   ``σ_iav`` the members' spread, floored at the region's documented variability for a synthetic ensemble
   or fewer than :data:`MIN_SAMPLE_SIGMA_YEARS` measured years, combined with the model uncertainty and the
   weather-source uncertainty (:func:`source_uncertainty`: measured, typical-year, PVGIS or synthetic).
   The fleet combines its parks with :func:`solarfleet.models.studies.exceedance.combine_correlated`.
5. **Projection.** Year ``y`` of 25: each P value × ``Σ E_i (1 − d_i)^(y−1) / Σ E_i`` over the
   arrays (their own degradation ``d_i`` [%/yr], weights their P50 energies).

All energies are AC [Wh].
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import numpy as np
import pandas as pd

from solarfleet.models.studies.exceedance import (HORIZON_YEARS, Exceedance, blended_degradation, combine_correlated,
                                                  exceedance)
from solarfleet.models.fleet import Park
from solarfleet.models.store import (REAL_YEAR_KINDS, default_weather, list_weather, load_fleet, load_weather,
                                     weather_info)

__all__ = ["YieldStudyError", "ParkEnsemble", "YieldStudy", "park_ensemble", "yield_study", "weather_members",
           "regional_variability", "source_uncertainty", "SYNTHETIC_MONTHLY_COV", "MAX_MONTH_GAP",
           "MIN_MEASURED_YEARS", "MIN_SAMPLE_SIGMA_YEARS", "DEFAULT_MEMBERS", "PERIODS", "REAL_YEAR_METHODS"]

#: Additional independent coefficient of variation of each month's GHI [-].
SYNTHETIC_MONTHLY_COV = 0.06
#: Largest missing share of a month's intervals that is scaled up rather than excluded [-].
MAX_MONTH_GAP = 0.05
#: Measured years a park needs before they replace the synthetic ensemble.
MIN_MEASURED_YEARS = 2
#: Measured years from which their own sample σ is trusted without the regional floor.
MIN_SAMPLE_SIGMA_YEARS = 10
#: Synthetic members by default.
DEFAULT_MEMBERS = 12
#: Period labels of a study: the year, then months ``"01"`` … ``"12"``.
PERIODS = ("year",) + tuple(f"{m:02d}" for m in range(1, 13))


class YieldStudyError(ValueError):
    """A yield study cannot be made as asked (names the park and why)."""


@dataclass
class ParkEnsemble:
    """One park simulated on every weather member.

    Attributes
    ----------
    park : str
    method : {'measured years', 'satellite years', 'synthetic ensemble'}
    members : list of str
        Label of each member (``"2019"`` or ``"seed 3"``).
    array_keys : list of str
        ``"roof/array"`` of each array.
    monthly : numpy.ndarray
        Energy ``[member, array, month]`` [Wh], local calendar months.
    degradation : numpy.ndarray
        Each array's degradation [%/yr].
    excluded : list of (str, str)
        Members left out and why.
    weather : list of dict
        Source description of each member (``kind``, ``year``, ``source``, ``weather_id``/``seed``).
    source_kind : {'measured', 'tmy', 'pvgis', 'synthetic'}
        What the irradiation behind the members comes from (:func:`source_uncertainty`).
    iav_floor : float
        Smallest inter-annual variability accepted [-, fraction of P50] (0: the members' own spread).
    """

    park: str
    method: str
    members: list
    array_keys: list
    monthly: np.ndarray
    degradation: np.ndarray
    excluded: list = field(default_factory=list)
    weather: list = field(default_factory=list)
    source_kind: str = "synthetic"
    iav_floor: float = 0.0

    def annual(self) -> np.ndarray:
        """Energy ``[member, array]`` [Wh]."""
        return self.monthly.sum(axis=2)


@dataclass
class YieldStudy:
    """Result of :func:`yield_study`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per (level, park, array, period): ``level`` ('array', 'park', 'fleet'),
        ``park``, ``array`` ("roof/array" or ""), ``period`` (:data:`PERIODS`), ``P<x>`` [Wh]
        for each probability (one year) and ``P<x>_10y`` (ten-year mean), ``mean``, ``sigma_iav`` (used),
        ``sigma_sample`` (the members' own), ``sigma_total``, ``sigma_total_10y`` [Wh],
        ``source_uncertainty`` [-], ``n_years``, ``method``.
    projection : pandas.DataFrame
        ``level`` ('park' or 'fleet'), ``park``, ``year``, ``factor`` [-], ``P<x>`` [Wh].
    parks : dict
        Park → ``method``, ``members``, ``excluded``, ``weather``, ``source_kind``, ``source_uncertainty``,
        ``grid_region``, ``iav_floor``.
    parameters : dict
        ``probabilities``, ``model_uncertainty``, ``n_synthetic``, ``start_year``, ``years``,
        ``horizon_years``, ``synthetic_monthly_cov``, ``min_sample_sigma_years``, ``interannual_source``,
        ``source_uncertainty_basis`` (the documented basis of the variability and source uncertainty), ``options``.
    created_utc : str
    """

    table: pd.DataFrame
    projection: pd.DataFrame
    parks: dict
    parameters: dict
    created_utc: str
    study_id: Optional[int] = None

    def value(self, p: int, level: str = "fleet", park: str = "", array: str = "", period: str = "year") -> float:
        """One P value [Wh]; ``KeyError`` if the study has no such row."""
        t = self.table
        m = (t["level"] == level) & (t["park"] == park) & (t["array"] == array) & (t["period"] == period)
        if not m.any():
            raise KeyError((level, park, array, period))
        return float(t.loc[m, f"P{p}"].iloc[0])


@functools.lru_cache(maxsize=1)
def _variability_table() -> dict:
    import json
    from solarfleet.models.resources import resource_path
    return json.loads(resource_path("interannual_variability.json").read_text(encoding="utf-8"))


def regional_variability(region: str) -> tuple[float, str]:
    """Documented inter-annual variability of annual GHI of a grid region.

    Returns
    -------
    cov : float
        Coefficient of variation [-] (the national value for an unknown region).
    source : str
        Where the figure comes from.
    """
    t = _variability_table()
    covs = t["interannual_ghi_cov"]
    return float(covs.get(region, covs["national"])), t["interannual_source"]


#: Study methods on real historical years → the weather-source kind of their uncertainty: a logger's measured
#: years, or satellite/reanalysis years (any satellite year makes the whole set "satellite years").
REAL_YEAR_METHODS = {"measured years": "measured", "satellite years": "satellite"}


def source_uncertainty(kind: str) -> tuple[float, str]:
    """Uncertainty of the long-term mean irradiation of a weather source [-] and its basis.

    ``kind`` is ``'measured'``, ``'satellite'``, ``'tmy'``, ``'pvgis'`` or ``'synthetic'``.
    """
    t = _variability_table()
    return float(t["weather_source_uncertainty"][kind]), t["weather_source_source"]


def _source_kind(store, park: Park, method: str) -> str:
    """Kind of irradiation behind a park's members (see :func:`source_uncertainty`)."""
    if method in REAL_YEAR_METHODS:
        return REAL_YEAR_METHODS[method]
    wid = None if store is None else default_weather(store, park.name)
    if wid is None:
        return "synthetic"
    info = weather_info(store, wid)
    if info["kind"] not in ("tmy", *REAL_YEAR_KINDS):
        return "synthetic"
    return "pvgis" if "pvgis" in str(info.get("source") or "").casefold() else info["kind"]


def _annual_factors(n: int, cov: float) -> np.ndarray:
    """``n`` seeded annual factors whose sample coefficient of variation is exactly ``cov``."""
    z = np.array([np.random.default_rng([20240, seed]).normal() for seed in range(1, n + 1)])
    z = (z - z.mean()) / z.std(ddof=1)
    return 1.0 + cov * z


def _base_monthly_ghi(store, park: Park) -> tuple[Optional[list], str]:
    """Central monthly GHI targets [kWh/m²] from the park's default real weather set, or None."""
    if store is None:
        return None, "climate table"
    wid = default_weather(store, park.name)
    if wid is None:
        return None, "climate table"
    info = weather_info(store, wid)
    if info["kind"] not in ("tmy", *REAL_YEAR_KINDS):
        return None, "climate table"
    data, meta = load_weather(store, wid)
    local = data.index.tz_convert(park.tz)
    ghi = data["ghi"].groupby(local.month).agg(["mean", "count"])
    if len(ghi) != 12 or ghi["count"].min() < 24 * 20:
        return None, "climate table (default weather set does not cover 12 months)"
    days = np.array([calendar.monthrange(2023, m)[1] for m in range(1, 13)])
    monthly = (ghi["mean"].to_numpy() * 24 * days / 1000.0).round(3).tolist()
    return monthly, f"monthly GHI of weather set {wid} ({info['name']})"


@functools.lru_cache(maxsize=256)
def _synthetic_member(latitude, longitude, altitude, tz, seed, targets):
    from solarfleet.models.weather.synthetic import synth_typical_year
    return synth_typical_year(latitude, longitude, None if targets is None else list(targets), altitude=altitude,
                              seed=seed, tz=tz)


def weather_members(store, park: Park, n_synthetic: int = DEFAULT_MEMBERS):
    """The weather years a study of ``park`` uses.

    Returns
    -------
    method : str
        ``'measured years'`` (a logger's years), ``'satellite years'`` (real years, at least one of them satellite
        or reanalysis data: never called measured) or ``'synthetic ensemble'``.
    members : list of (label, data, metadata)
        Lazily usable list; data in the convention of :mod:`solarfleet.models.weather.convention`.
    """
    if store is not None:
        by_year = {}
        for w in list_weather(store, park.name):
            if w["kind"] in REAL_YEAR_KINDS and w["year"] is not None:
                by_year[int(w["year"])] = w  # newest set per year wins (list is oldest first)
        if len(by_year) >= MIN_MEASURED_YEARS:
            members = []
            for year in sorted(by_year):
                data, meta = load_weather(store, by_year[year]["id"])
                members.append((str(year), data, meta))
            satellite = any(w["kind"] == "satellite" for w in by_year.values())
            return ("satellite years" if satellite else "measured years"), members
    if n_synthetic < 2:
        raise YieldStudyError(f"{park.name}: a synthetic ensemble needs at least 2 members (got {n_synthetic})")
    base, base_source = _base_monthly_ghi(store, park)
    if base is None:
        _, meta0 = _synthetic_member(park.latitude, park.longitude, park.altitude, park.tz, 0, None)
        base = meta0["monthly_ghi_target"]
    base = np.asarray(base, dtype=float)
    members = []
    annual = _annual_factors(n_synthetic, regional_variability(park.grid_region)[0])
    for seed in range(1, n_synthetic + 1):
        rng = np.random.default_rng([20241, seed])
        factors = annual[seed - 1] * rng.normal(1.0, SYNTHETIC_MONTHLY_COV, 12)
        targets = tuple(np.round(base * np.clip(factors, 0.5, 1.5), 4).tolist())
        data, meta = _synthetic_member(park.latitude, park.longitude, park.altitude, park.tz, seed, targets)
        meta = {**meta, "ensemble_base": base_source}
        members.append((f"seed {seed}", data, meta))
    return "synthetic ensemble", members


def _monthly_energy(ac: pd.DataFrame, tz: str, interval_minutes: float) -> tuple[np.ndarray, Optional[str]]:
    """Energy ``[array, month]`` [Wh] with gap scaling; ``(None, reason)`` when a month is too incomplete."""
    local = ac.index.tz_convert(tz)
    years, counts = np.unique(local.year, return_counts=True)
    year = int(years[np.argmax(counts)])
    month = np.asarray(local.month)
    values = ac.to_numpy(dtype=float)
    valid = ~np.isnan(values).any(axis=1)
    per_hour = 60.0 / interval_minutes
    out = np.zeros((values.shape[1], 12))
    for m in range(1, 13):
        sel = (month == m) & (np.asarray(local.year) == year)
        expected = calendar.monthrange(year, m)[1] * 24 * per_hour
        n_valid = int((sel & valid).sum())
        if n_valid < (1.0 - MAX_MONTH_GAP) * expected:
            return None, (f"{calendar.month_abbr[m]} {year}: {100 * (1 - n_valid / expected):.0f} % of the month "
                          f"has no weather (at most {100 * MAX_MONTH_GAP:.0f} % is filled)")
        e = values[sel & valid].sum(axis=0) / per_hour
        out[:, m - 1] = e * expected / n_valid
    return out, None


def member_months(result) -> tuple:
    """What a study keeps of one member's result: ``(energy [array, month] [Wh] or None, reason, array keys)``.

    Applied where the member ran (on a cluster worker: a few kB back instead of the hourly frames).
    """
    monthly, reason = _monthly_energy(result.ac, result.tz, result.interval_minutes)
    return monthly, reason, list(result.ac.columns)


def park_ensemble(store, park: Park, options=None, n_synthetic: int = DEFAULT_MEMBERS,
                  start_year: Optional[int] = None, cancel: Optional[Callable[[], bool]] = None,
                  backend=None) -> ParkEnsemble:
    """Simulate ``park`` on each of its weather members (see the module docstring).

    Parameters
    ----------
    store : solarfleet.models.store.Store or None
        Where the park's weather sets are; None uses the synthetic ensemble on the climate table.
    park : Park
    options : solarfleet.models.simulation.engine.SimulationOptions, optional
        Its ``year`` is replaced by ``start_year``.
    n_synthetic : int
        Synthetic members when the park lacks measured years.
    start_year : int, optional
        Year whose degradation state applies [default: the current year].
    cancel : callable, optional
        Returns True to stop (raises :class:`solarfleet.models.simulation.engine.SimulationCancelled`).
    backend : solarfleet.models.simulation.backends.Backend, optional
        Where the members are simulated (local processes, a Dask cluster); default this process.
        Each member is one plain-data task; the results are the same on every backend.
    """
    from solarfleet.models.simulation.engine import SimulationCancelled, SimulationOptions, simulate_park
    options = options or SimulationOptions()
    start_year = start_year or _dt.datetime.now(_dt.timezone.utc).year
    options = dataclasses.replace(options, year=int(start_year))
    arrays = list(park.iter_arrays())
    if not arrays:
        raise YieldStudyError(f"{park.name}: the park has no arrays")
    method, members = weather_members(store, park, n_synthetic)
    members = list(members)
    metas = {label: meta for label, _, meta in members}
    labels, energies, excluded, weather = [], [], [], []
    keys = None
    if backend is None:
        def simulated():
            for label, data, meta in members:
                if cancel is not None and cancel():
                    raise SimulationCancelled(park.name)
                yield label, member_months(simulate_park(park, data, meta, options, cancel=cancel))
    else:
        from solarfleet.models.simulation.backends import ParkTask, run_tasks

        def simulated():
            tasks = [ParkTask(key=f"{park.name}|{label}", park=park, options=options, weather=data,
                              metadata=dict(meta), label=label, reduce=member_months)
                     for label, data, meta in members]
            done = {t.label: r for t, r in run_tasks(tasks, backend, cancel=cancel)}
            for label, _, _ in members:  # member order, whatever order the backend answered in
                yield label, done[label]
    for label, (monthly, reason, member_keys) in simulated():
        meta = metas[label]
        if monthly is None:
            excluded.append((label, reason))
            continue
        keys = member_keys
        labels.append(label)
        energies.append(monthly)
        weather.append({k: meta.get(k) for k in ("kind", "year", "source", "weather_id", "seed")})
    if len(labels) < 2:
        if method in REAL_YEAR_METHODS:
            # too few complete real years: say so and fall back to the synthetic ensemble
            fallback = park_ensemble(None, park, options, n_synthetic, start_year, cancel, backend)
            fallback.excluded = excluded + fallback.excluded
            return fallback
        raise YieldStudyError(f"{park.name}: fewer than 2 usable weather years ({'; '.join(r for _, r in excluded)})")
    degradation = np.array([a.degradation for _, a in arrays], dtype=float)
    floor = 0.0 if method in REAL_YEAR_METHODS and len(labels) >= MIN_SAMPLE_SIGMA_YEARS else \
        regional_variability(park.grid_region)[0]
    return ParkEnsemble(park=park.name, method=method, members=labels, array_keys=keys,
                        monthly=np.stack(energies), degradation=degradation, excluded=excluded, weather=weather,
                        source_kind=_source_kind(store, park, method), iav_floor=floor)


def _row(level, park, array, period, e: Exceedance, method) -> dict:
    return {"level": level, "park": park, "array": array, "period": period,
            **{f"P{k}": v for k, v in e.p.items()}, **{f"P{k}_10y": v for k, v in e.p_10y.items()},
            "mean": e.mean, "sigma_iav": e.sigma_iav, "sigma_sample": e.sigma_sample,
            "sigma_total": e.sigma_total, "sigma_total_10y": e.sigma_total_10y,
            "source_uncertainty": e.source_uncertainty, "n_years": e.n_years, "method": method}


def yield_study(store, parks: Optional[Sequence[Park]] = None, probabilities: Sequence[int] = (50, 75, 90, 99),
                model_uncertainty: float = 0.05, n_synthetic: int = DEFAULT_MEMBERS, years: int = 25,
                start_year: Optional[int] = None, options=None,
                progress: Optional[Callable[[int, int, str], None]] = None,
                cancel: Optional[Callable[[], bool]] = None, backend=None) -> YieldStudy:
    """P values per array, park and fleet, annual and monthly, with a projection (module docstring).

    Parameters
    ----------
    store : solarfleet.models.store.Store
        Source of the parks (when ``parks`` is None) and their weather sets.
    parks : sequence of Park, optional
        Default: every park of the store with arrays.
    probabilities : sequence of int
        Exceedance probabilities [%]; 50 is always added.
    model_uncertainty : float
        Model uncertainty [-, fraction of P50], 0–1 (e.g. 0.05 for 5 %).
    n_synthetic : int
        Members of the synthetic ensemble (≥ 2; 10–20 recommended).
    years : int
        Length of the projection [yr].
    start_year : int, optional
        First year of operation of the projection [default: current year].
    progress : callable, optional
        ``progress(done, total, park_name)``.
    backend : solarfleet.models.simulation.backends.Backend, optional
        Simulate the members in local processes or on a Dask cluster (default: this process).

    Returns
    -------
    YieldStudy
    """
    from solarfleet.models.simulation.engine import SimulationOptions
    probabilities = tuple(sorted({50, *map(int, probabilities)}))
    for x in probabilities:
        if not 1 <= x <= 99:
            raise YieldStudyError(f"exceedance probability must be 1–99 % (got {x})")
    if not 0 <= model_uncertainty < 1:
        raise YieldStudyError(f"model uncertainty must be a fraction 0–1 (got {model_uncertainty})")
    options = options or SimulationOptions()
    start_year = int(start_year or _dt.datetime.now(_dt.timezone.utc).year)
    if parks is None:
        parks = load_fleet(store).parks
    parks = [p for p in parks if any(True for _ in p.iter_arrays())]
    if not parks:
        raise YieldStudyError("no park with arrays to study")
    rows, proj, info = [], [], {}
    fleet_parts: dict[str, list] = {p: [] for p in PERIODS}
    fleet_weights, fleet_deg = [], []
    for i, park in enumerate(parks):
        if progress is not None:
            progress(i, len(parks), park.name)
        ens = park_ensemble(store, park, options, n_synthetic, start_year, cancel, backend)
        u_source = source_uncertainty(ens.source_kind)[0]
        info[park.name] = {"method": ens.method, "members": ens.members, "excluded": ens.excluded,
                           "weather": ens.weather, "source_kind": ens.source_kind, "source_uncertainty": u_source,
                           "grid_region": park.grid_region, "iav_floor": ens.iav_floor}
        park_total = ens.monthly.sum(axis=1)  # [member, month]
        stats = functools.partial(exceedance, probabilities=probabilities, model_uncertainty=model_uncertainty,
                                  source_uncertainty=u_source, iav_floor=ens.iav_floor)
        for j, period in enumerate(PERIODS):
            sel = (lambda x: x.sum(axis=-1)) if period == "year" else (lambda x, m=j - 1: x[..., m])
            e = stats(sel(park_total))
            rows.append(_row("park", park.name, "", period, e, ens.method))
            fleet_parts[period].append(e)
            for k, key in enumerate(ens.array_keys):
                ea = stats(sel(ens.monthly[:, k, :]))
                rows.append(_row("array", park.name, key, period, ea, ens.method))
        p50_arrays = np.median(ens.annual(), axis=0)
        factor = blended_degradation(p50_arrays, ens.degradation, years)
        park_year = next(r for r in rows if r["level"] == "park" and r["park"] == park.name and r["period"] == "year")
        for n in range(years):
            proj.append({"level": "park", "park": park.name, "year": start_year + n, "factor": float(factor[n]),
                         **{f"P{x}": park_year[f"P{x}"] * factor[n] for x in probabilities},
                         **{f"P{x}_10y": park_year[f"P{x}_10y"] * factor[n] for x in probabilities}})
        fleet_weights.extend(p50_arrays.tolist())
        fleet_deg.extend(ens.degradation.tolist())
    if progress is not None:
        progress(len(parks), len(parks), "")
    fleet_year = None
    for period in PERIODS:
        e = combine_correlated(fleet_parts[period], probabilities)
        row = _row("fleet", "", "", period, e, "combined parks")
        rows.append(row)
        if period == "year":
            fleet_year = row
    factor = blended_degradation(fleet_weights, fleet_deg, years)
    for n in range(years):
        proj.append({"level": "fleet", "park": "", "year": start_year + n, "factor": float(factor[n]),
                     **{f"P{x}": fleet_year[f"P{x}"] * factor[n] for x in probabilities},
                     **{f"P{x}_10y": fleet_year[f"P{x}_10y"] * factor[n] for x in probabilities}})
    params = {"probabilities": list(probabilities), "model_uncertainty": float(model_uncertainty),
              "n_synthetic": int(n_synthetic), "start_year": start_year, "years": int(years),
              "horizon_years": HORIZON_YEARS, "synthetic_monthly_cov": SYNTHETIC_MONTHLY_COV,
              "min_sample_sigma_years": MIN_SAMPLE_SIGMA_YEARS,
              "interannual_source": regional_variability("national")[1],
              "source_uncertainty_basis": source_uncertainty("synthetic")[1],
              "max_month_gap": MAX_MONTH_GAP, "options": options.to_dict()}
    return YieldStudy(table=pd.DataFrame(rows), projection=pd.DataFrame(proj), parks=info, parameters=params,
                      created_utc=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
