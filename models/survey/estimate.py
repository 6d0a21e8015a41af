"""Instant yield estimate of a surveyed site, offline: synthetic year × layout × simulation.

:func:`estimate_survey` turns a :class:`~solarfleet.models.survey.site.SiteSurvey` into the figures a surveyor
shows the park manager on the roof: annual and monthly AC energy, specific yield and a monthly
yield-vs-consumption preview. It is built to be re-run on every edit:

* the synthetic weather year (:func:`solarfleet.models.weather.synthetic.synth_typical_year`, ~0.7 s) is
  cached per ``(latitude, longitude, monthly GHI, time zone, altitude)`` (:func:`survey_weather`),
  so a change of the roof, the layout or the shading only re-runs layout + simulation
  (:func:`solarfleet.models.simulation.engine.simulate_park`, tens of ms for one park);
* the consumption preview is a synthetic logistics-park load
  (:func:`solarfleet.models.energy.synthetic_load.synth_park_load`) computed once per time zone for
  :data:`LOAD_REFERENCE_AREA` and scaled linearly to the floor area (its per-m² end uses are
  all proportional to the area; EV charging is not included in the preview).

Monthly GHI follows the survey rule (:func:`monthly_ghi_choice`): a climate-table city built from a
typical-year file (CSWD) within :data:`solarfleet.models.weather.synthetic.CLIMATE_RADIUS_KM`, else a climate
pack covering the site (when the caller passes one), else any other climate-table city, else the values the
surveyor typed, else the documented default (``DEFAULT_CLEARNESS`` × clear sky).
"""
from __future__ import annotations

import functools
import math
import time
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import numpy as np
import pandas as pd

__all__ = ["GhiChoice", "monthly_ghi_choice", "survey_weather", "park_load_shape", "SurveyEstimate",
           "estimate_survey", "LOAD_REFERENCE_AREA", "GHI_SOURCES"]

#: Where the monthly GHI of a survey comes from.
GHI_SOURCES = ("climate", "pack", "typed", "default")
#: Floor area the consumption shape is computed for, then scaled [m²].
LOAD_REFERENCE_AREA = 10_000.0


@dataclass(frozen=True)
class GhiChoice:
    """Which monthly GHI a survey estimate uses.

    Parameters
    ----------
    source : {'climate', 'pack', 'typed', 'default'}
    monthly_ghi : tuple of 12 float or None
        Monthly GHI [kWh/m²] passed to the generator; ``None`` for the default.
    city : str
        Climate-table city (``source == 'climate'``), the pack's name (``'pack'``), else ``''``.
    distance_km : float or None
        Distance to that city (or, for ``'pack'``, to the nearest pack cell) [km].
    uncertainty : float or None
        Relative uncertainty of the annual GHI [-] (``'pack'``).
    basis : str
        What the values rest on, in plain words (``'pack'``).
    """

    source: str
    monthly_ghi: Optional[tuple]
    city: str = ""
    distance_km: Optional[float] = None
    uncertainty: Optional[float] = None
    basis: str = ""


def _check_monthly(values) -> tuple:
    try:
        v = tuple(float(x) for x in values)
    except (TypeError, ValueError):
        raise ValueError("monthly_ghi must be 12 numbers [kWh/m²], January first") from None
    if len(v) != 12:
        raise ValueError(f"monthly_ghi must be 12 numbers [kWh/m²], January first (got {len(v)})")
    for i, x in enumerate(v):
        if not math.isfinite(x) or not 0 <= x <= 400:
            raise ValueError(f"monthly_ghi month {i + 1} must be between 0 and 400 kWh/m² (got {x:g})")
    return v


def monthly_ghi_choice(latitude: float, longitude: float, typed: Optional[Sequence[float]] = None,
                       pack=None) -> GhiChoice:
    """The monthly GHI rule of the survey: climate-table city near the site, else typed, else default.

    Parameters
    ----------
    latitude, longitude : float
        Site [°].
    typed : sequence of 12 float, optional
        Monthly GHI typed by the surveyor [kWh/m²]; used only when no city is near.
    pack : PackClimate or callable, optional
        A climate pack's climate at the site, or ``pack(latitude, longitude) -> PackClimate or None``
        (:func:`solarfleet.models.weather.climate_pack.pack_climate_at` bound to a store). Used unless a
        climate-table city built from a typical-year file (CSWD) is near; it beats the table's estimates.

    Raises
    ------
    ValueError
        ``typed`` is used and is not 12 numbers in [0, 400] kWh/m².
    """
    from solarfleet.models.weather.synthetic import climate_for_site
    city = climate_for_site(latitude, longitude)
    from_file = city is not None and str(city.get("ghi_source", "")).startswith("CSWD")
    if pack is not None and not from_file:  # a typical-year file near the site wins over the pack
        pc = pack(latitude, longitude) if callable(pack) else pack
        if pc is not None:
            return GhiChoice("pack", tuple(float(x) for x in pc.monthly_ghi), pc.pack, float(pc.nearest_km),
                             uncertainty=pc.uncertainty, basis=pc.describe())
    if city is not None:
        return GhiChoice("climate", tuple(float(x) for x in city["ghi"]), city["name"], float(city["distance_km"]))
    if typed is not None:
        return GhiChoice("typed", _check_monthly(typed))
    return GhiChoice("default", None)


@functools.lru_cache(maxsize=8)
def _weather_cached(latitude, longitude, monthly_ghi, tz, altitude):
    from solarfleet.models.weather.synthetic import synth_typical_year
    return synth_typical_year(latitude, longitude, None if monthly_ghi is None else list(monthly_ghi),
                              altitude=altitude, tz=tz)


def survey_weather(latitude: float, longitude: float, monthly_ghi: Optional[Sequence[float]] = None, *,
                   tz: str = "Asia/Shanghai", altitude: Optional[float] = None) -> tuple[pd.DataFrame, dict]:
    """The synthetic typical year of a site, cached per site and monthly GHI (offline).

    Coordinates are rounded to 4 decimals (≈ 10 m) and GHI to 0.001 kWh/m² for the cache key.
    The returned frame is shared between calls: do not modify it.

    Returns
    -------
    (pandas.DataFrame, dict)
        As :func:`solarfleet.models.weather.synthetic.synth_typical_year` (seed 0).
    """
    ghi = None if monthly_ghi is None else tuple(round(float(x), 3) for x in monthly_ghi)
    alt = None if altitude is None else round(float(altitude), 1)
    return _weather_cached(round(float(latitude), 4), round(float(longitude), 4), ghi, str(tz), alt)


@functools.lru_cache(maxsize=4)
def park_load_shape(tz: str, year: int) -> pd.Series:
    """Synthetic logistics-park consumption for :data:`LOAD_REFERENCE_AREA` [W], UTC index (cached)."""
    from solarfleet.models.energy.synthetic_load import SyntheticLoadParams, synth_park_load
    data, _ = synth_park_load(SyntheticLoadParams(floor_area=LOAD_REFERENCE_AREA), year=year, tz=tz)
    return data


@dataclass(frozen=True)
class SurveyEstimate:
    """The instant estimate of a surveyed site.

    Attributes
    ----------
    site : str
        Park name.
    layouts : dict
        ``{roof name: Layout or None}``.
    modules : int
        Modules laid out on all roofs.
    dc_capacity : float
        STC nameplate of the modules [W].
    annual_energy : float
        AC energy of the typical year [Wh].
    monthly_energy : pandas.Series
        AC energy per local calendar month 1…12 [Wh].
    specific_yield : float or None
        ``annual_energy / dc_capacity`` [kWh/kWp] (Wh/W); None without modules.
    monthly_consumption : pandas.Series or None
        Synthetic consumption per month 1…12 [Wh]; None when no floor area is given.
    self_consumption : float or None
        Share of the PV energy used on site, hour by hour [-].
    ghi : GhiChoice
    weather_warnings : tuple of str
    horizon : pandas.Series or None
        Merged far horizon used (azimuth [°] → elevation [°]).
    seconds : float
        Wall time of the estimate (weather from cache or not) [s].
    """

    site: str
    layouts: dict
    modules: int
    dc_capacity: float
    annual_energy: float
    monthly_energy: pd.Series
    specific_yield: Optional[float]
    monthly_consumption: Optional[pd.Series]
    self_consumption: Optional[float]
    ghi: GhiChoice
    weather_warnings: tuple
    horizon: Optional[pd.Series]
    seconds: float


def _monthly(series: pd.Series, tz: str, interval_hours: float) -> pd.Series:
    local = series.copy()
    local.index = series.index.tz_convert(tz)
    out = local.groupby(local.index.month).sum(min_count=1) * interval_hours
    return out.reindex(range(1, 13))


def estimate_survey(site, *, ghi: Optional[GhiChoice] = None, floor_area: Optional[float] = None,
                    layouts: Optional[dict] = None, options=None,
                    cancel: Optional[Callable[[], bool]] = None) -> SurveyEstimate:
    """Annual and monthly yield of a surveyed site on its synthetic typical year.

    Parameters
    ----------
    site : solarfleet.models.survey.site.SiteSurvey
    ghi : GhiChoice, optional
        Default :func:`monthly_ghi_choice` (climate table or default) at the site.
    floor_area : float, optional
        Warehouse floor area for the consumption preview [m²]; None: no preview.
    layouts : dict, optional
        ``{roof name: Layout}`` already computed; missing roofs are laid out here.
    options : solarfleet.models.simulation.engine.SimulationOptions, optional
    cancel : callable, optional
        Returns True to stop (raises :class:`solarfleet.models.simulation.engine.SimulationCancelled`).

    Raises
    ------
    solarfleet.models.validation.SurveyValueError
        A roof cannot be laid out.
    solarfleet.models.simulation.engine.SimulationError
        No roof holds any module.
    """
    from solarfleet.models.simulation.engine import SimulationCancelled, simulate_park
    from solarfleet.models.survey.layout import layout_roof
    from solarfleet.models.survey.site import survey_to_park
    t0 = time.perf_counter()
    ghi = ghi or monthly_ghi_choice(site.latitude, site.longitude)
    lays = dict(layouts or {})
    for r in site.roofs:
        if r.name not in lays:
            lays[r.name] = layout_roof(r, site.latitude) if r.module else None
    park = survey_to_park(site, lays)
    if cancel is not None and cancel():
        raise SimulationCancelled()
    weather, meta = survey_weather(site.latitude, site.longitude, ghi.monthly_ghi, tz=site.tz,
                                   altitude=site.altitude)
    if cancel is not None and cancel():
        raise SimulationCancelled()
    horizon = site.horizon_profile()
    result = simulate_park(park, weather, meta, options, horizon=horizon, cancel=cancel)
    dt_h = result.interval_minutes / 60.0
    ac = result.ac.sum(axis=1, min_count=1)
    monthly = _monthly(ac, site.tz, dt_h)
    annual = float(np.nansum(monthly.to_numpy()))
    modules = sum(lay.count for lay in lays.values() if lay is not None)
    dc = float(sum(lay.dc_capacity for lay in lays.values() if lay is not None))
    cons_monthly = self_cons = None
    if floor_area is not None:
        if not math.isfinite(floor_area) or floor_area <= 0:
            raise ValueError(f"floor_area must be a positive number of m² (got {floor_area!r})")
        local_year = int(weather.index.tz_convert(site.tz)[len(weather) // 2].year)
        load = park_load_shape(site.tz, local_year) * (floor_area / LOAD_REFERENCE_AREA)
        load = load.reindex(ac.index)
        cons_monthly = _monthly(load, site.tz, dt_h)
        both = ac.notna() & load.notna()
        pv_sum = float(ac[both].sum())
        if pv_sum > 0:
            self_cons = float(np.minimum(ac[both], load[both]).sum() / pv_sum)
    return SurveyEstimate(site=site.name, layouts=lays, modules=int(modules), dc_capacity=dc, annual_energy=annual,
                          monthly_energy=monthly, specific_yield=(annual / dc if dc > 0 else None),
                          monthly_consumption=cons_monthly, self_consumption=self_cons, ghi=ghi,
                          weather_warnings=tuple(meta.get("warnings", ())), horizon=horizon,
                          seconds=time.perf_counter() - t0)
