"""Synthetic electricity consumption of a logistics park, for parks without meter data.

The model builds mean power [W] per interval from end uses, each in W per m² of floor:

* **base** — always-on loads (IT, security lighting, standby): ``BASE_W_M2``.
* **lighting and general services** while the park operates its shifts: ``LIGHT_W_M2``.
* **sorting automation** (conveyors, sorters, AGVs) while operating, scaled by
  ``automation`` and by the day's *activity* (weekday/weekend, holidays, e-commerce peaks).
* **offices** (``office_share`` of the floor) on weekday office hours 08–18, ``OFFICE_W_M2``.
* **HVAC / ventilation**: ``hvac_sensitivity`` [W/(m²·K)] × degrees of ``temp_air`` above
  ``COOLING_BASE_C`` or below ``HEATING_BASE_C``, on the conditioned area (offices, plus
  ``CONDITIONED_WAREHOUSE_SHARE`` of the dry warehouse) while operating.
* **cold storage** (``cold_storage_share`` of the floor): refrigeration around the clock,
  ``COLD_W_M2`` plus ``COLD_W_M2_K`` per K of ``temp_air`` above 10 °C.
* **EV delivery fleet**: ``ev_vehicles`` × ``ev_kwh_per_vehicle_day`` spread evenly over the
  charging windows of each operating day, scaled by activity.

Multiplicative noise (AR(1), 5 % standard deviation, seeded) makes the profile look measured
without changing its annual energy by more than ~1 %.

Calibration: with the defaults (two shifts, automation 0.5, 5 % offices, no cold store, no
EVs, temperate climate) a dry warehouse uses ≈ 73 kWh/m²/yr, inside the 66–82 kWh/m²/yr band
for non-refrigerated warehouses (``shared/reference/README.md``; lighting and HVAC ≈ 3/4).

Calendar
--------
Chinese public holidays come from :func:`china_holidays`: fixed-date holidays (New Year,
Labour Day 1–5 May, National Day 1–7 October), Qingming from the solar-term formula, and the
lunar holidays (Spring Festival, Dragon Boat, Mid-Autumn) from a table of their Gregorian dates
(:data:`LUNAR_HOLIDAYS`, years 2015–2035) checked against the ``lunardate`` package in the
tests. Make-up working days (调休) are not modelled: they are announced each year by the State
Council and do not change an annual profile much. Spring Festival is modelled as a trough of
activity from 7 days before to 12 days after the new year (staff travel home), deepest from
New Year's Eve to day 6. The e-commerce peaks ramp up to JD's 618 (1–20 June) and Singles'
Day 11.11 (20 October – 15 November).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import zoneinfo
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.validation import FleetValueError, check_integer, check_number

__all__ = ["SyntheticLoadParams", "synth_park_load", "china_holidays", "activity_factor", "LUNAR_HOLIDAYS",
           "default_temp_air", "SHIFT_HOURS"]

# End-use intensities [W/m² of the area they serve]; see the module docstring for the calibration.
BASE_W_M2 = 2.0
LIGHT_W_M2 = 5.0
AUTOMATION_W_M2 = 6.0
OFFICE_W_M2 = 25.0
COLD_W_M2 = 28.0
COLD_W_M2_K = 0.8
COOLING_BASE_C = 24.0
HEATING_BASE_C = 12.0
CONDITIONED_WAREHOUSE_SHARE = 0.3

#: Local operating hours [h, h) of 1, 2 and 3 shifts.
SHIFT_HOURS = {1: (8, 16), 2: (6, 22), 3: (0, 24)}

#: Gregorian dates (month, day) of Chinese New Year (正月初一), the Dragon Boat Festival (五月初五) and
#: the Mid-Autumn Festival (八月十五) by year. Source: the Chinese lunisolar calendar as published
#: by the Purple Mountain Observatory; checked against the ``lunardate`` package (tests/models).
LUNAR_HOLIDAYS = {
    2015: ((2, 19), (6, 20), (9, 27)), 2016: ((2, 8), (6, 9), (9, 15)), 2017: ((1, 28), (5, 30), (10, 4)),
    2018: ((2, 16), (6, 18), (9, 24)), 2019: ((2, 5), (6, 7), (9, 13)), 2020: ((1, 25), (6, 25), (10, 1)),
    2021: ((2, 12), (6, 14), (9, 21)), 2022: ((2, 1), (6, 3), (9, 10)), 2023: ((1, 22), (6, 22), (9, 29)),
    2024: ((2, 10), (6, 10), (9, 17)), 2025: ((1, 29), (5, 31), (10, 6)), 2026: ((2, 17), (6, 19), (9, 25)),
    2027: ((2, 6), (6, 9), (9, 15)), 2028: ((1, 26), (5, 28), (10, 3)), 2029: ((2, 13), (6, 16), (9, 22)),
    2030: ((2, 3), (6, 5), (9, 12)), 2031: ((1, 23), (6, 24), (10, 1)), 2032: ((2, 11), (6, 12), (9, 19)),
    2033: ((1, 31), (6, 1), (9, 8)), 2034: ((2, 19), (6, 20), (9, 27)), 2035: ((2, 8), (6, 10), (9, 16)),
}


@dataclass(frozen=True)
class SyntheticLoadParams:
    """What the synthetic logistics-park load is built from.

    Parameters
    ----------
    floor_area : float
        Gross floor area [m²].
    shifts : int
        Operating shifts per day: 1 (08–16), 2 (06–22) or 3 (around the clock).
    automation : float
        Sorting-automation level, 0 (manual) to 1 (fully automated sorting) [-].
    office_share : float
        Share of the floor that is offices [-].
    cold_storage_share : float
        Share of the floor that is refrigerated storage [-].
    hvac_sensitivity : float
        HVAC power per m² of conditioned area per K beyond the comfort band [W/(m²·K)].
    ev_vehicles : int
        Electric delivery vehicles charged on site.
    ev_kwh_per_vehicle_day : float
        Energy charged per vehicle on an operating day [kWh].
    ev_charging_windows : tuple of (int, int)
        Local charging windows ``(start_hour, end_hour)``; ``end < start`` wraps midnight.
    weekend_activity : float
        Activity on Saturdays and Sundays relative to weekdays [-].
    seed : int
        Seed of the noise; the same parameters and seed give the same profile.
    annual_energy : float, optional
        Scale the profile so the calendar year sums to this energy [Wh] (e.g. a park's billed annual
        consumption); the shape stays the model's. None: as modelled.
    """

    floor_area: float
    shifts: int = 2
    automation: float = 0.5
    office_share: float = 0.05
    cold_storage_share: float = 0.0
    hvac_sensitivity: float = 1.5
    ev_vehicles: int = 0
    ev_kwh_per_vehicle_day: float = 40.0
    ev_charging_windows: tuple = ((11, 15), (22, 6))
    weekend_activity: float = 0.8
    seed: int = 0
    annual_energy: Optional[float] = None

    def __post_init__(self):
        set_ = lambda n, v: object.__setattr__(self, n, v)  # noqa: E731
        set_("floor_area", check_number("floor_area", self.floor_area, 0, 5e6, lo_open=True))
        s = check_integer("shifts", self.shifts, 1)
        if s not in SHIFT_HOURS:
            raise FleetValueError("shifts", self.shifts, "must be 1, 2 or 3")
        set_("shifts", s)
        set_("automation", check_number("automation", self.automation, 0, 1))
        set_("office_share", check_number("office_share", self.office_share, 0, 1))
        set_("cold_storage_share", check_number("cold_storage_share", self.cold_storage_share, 0, 1))
        if self.office_share + self.cold_storage_share > 1:
            raise FleetValueError("cold_storage_share", self.cold_storage_share,
                                  "plus office_share must not exceed 1")
        set_("hvac_sensitivity", check_number("hvac_sensitivity", self.hvac_sensitivity, 0, 50))
        set_("ev_vehicles", check_integer("ev_vehicles", self.ev_vehicles, 0))
        set_("ev_kwh_per_vehicle_day", check_number("ev_kwh_per_vehicle_day", self.ev_kwh_per_vehicle_day, 0, 1000))
        windows = self.ev_charging_windows
        try:
            windows = tuple((int(a), int(b)) for a, b in windows)
        except (TypeError, ValueError):
            raise FleetValueError("ev_charging_windows", self.ev_charging_windows,
                                  "must be a list of (start_hour, end_hour) pairs") from None
        for a, b in windows:
            if not (0 <= a <= 23 and 0 <= b <= 24) or a == b:
                raise FleetValueError("ev_charging_windows", self.ev_charging_windows,
                                      "hours must be 0–24 with start ≠ end")
        if self.ev_vehicles and not windows:
            raise FleetValueError("ev_charging_windows", windows, "must hold at least one window when there are EVs")
        set_("ev_charging_windows", windows)
        set_("weekend_activity", check_number("weekend_activity", self.weekend_activity, 0, 2))
        set_("seed", check_integer("seed", self.seed, 0))
        # up to 10 TWh/yr: far above any park, low enough to catch a unit slip of 10⁶
        set_("annual_energy", check_number("annual_energy", self.annual_energy, 0, 1e13, lo_open=True,
                                           allow_none=True))

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["ev_charging_windows"] = [list(w) for w in self.ev_charging_windows]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "SyntheticLoadParams":
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise FleetValueError(sorted(unknown)[0], d[sorted(unknown)[0]], "is not a synthetic-load parameter")
        if "floor_area" not in d:
            raise FleetValueError("floor_area", None, "is required")
        return cls(**d)


# --- calendar ------------------------------------------------------------------------------------

def _qingming_day(year: int) -> int:
    """April day of Qingming (solar longitude 15°), by the common 21st-century solar-term formula."""
    if not 2001 <= year <= 2099:
        raise ValueError(f"Qingming formula covers 2001–2099 (got {year})")
    y = year % 100
    return int(y * 0.2422 + 4.81) - y // 4


def china_holidays(year: int) -> dict[_dt.date, str]:
    """Chinese public-holiday days of ``year`` (no make-up working days).

    Returns
    -------
    dict
        ``date → code``: ``"new_year"``, ``"spring_festival"``, ``"qingming"``, ``"labour_day"``,
        ``"dragon_boat"``, ``"mid_autumn"``, ``"national_day"``.

    Raises
    ------
    ValueError
        For a year outside :data:`LUNAR_HOLIDAYS`.
    """
    if year not in LUNAR_HOLIDAYS:
        raise ValueError(f"holiday table covers {min(LUNAR_HOLIDAYS)}–{max(LUNAR_HOLIDAYS)} (got {year})")
    D = _dt.date
    out: dict[_dt.date, str] = {D(year, 1, 1): "new_year"}
    (cm, cd), (dm, dd), (mm, md) = LUNAR_HOLIDAYS[year]
    cny = D(year, cm, cd)
    for k in range(-1, 7):  # New Year's Eve to day 7 (the 8-day break of recent years)
        day = cny + _dt.timedelta(days=k)
        if day.year == year:
            out[day] = "spring_festival"
    out[D(year, 4, _qingming_day(year))] = "qingming"
    for k in range(1, 6):
        out[D(year, 5, k)] = "labour_day"
    out[D(year, dm, dd)] = "dragon_boat"
    for k in range(1, 8):
        out[D(year, 10, k)] = "national_day"
    out.setdefault(D(year, mm, md), "mid_autumn")
    return dict(sorted(out.items()))


def activity_factor(dates: pd.DatetimeIndex, weekend_activity: float = 0.8) -> np.ndarray:
    """Relative logistics activity of each local date [-] (1 = an ordinary weekday).

    Weekends ``weekend_activity``; public holidays 0.5; the Spring Festival trough (0.25 from the
    eve to day 6, 0.5 in the week before and the days 7–12 after); e-commerce ramps to 1.6 on
    18 June and 1.8 on 11–13 November (weekends inside the sales periods count as weekdays).
    Days with activity ≥ 1.3 run around the clock in :func:`synth_park_load`.
    """
    days = pd.DatetimeIndex(dates).normalize()
    uniq = days.unique()
    fac = {}
    cache: dict[int, dict] = {}
    for d in uniq:
        y = d.year
        if y not in cache:
            cache[y] = china_holidays(y)
        date = d.date()
        f = weekend_activity if d.weekday() >= 5 else 1.0
        if date in cache[y]:
            f = 0.5
        # Spring Festival trough: this year's only (next year's never reaches back into December).
        cm, cd = LUNAR_HOLIDAYS[y][0]
        k = (date - _dt.date(y, cm, cd)).days
        if -1 <= k <= 6:
            f = 0.25
        elif -7 <= k <= 12:
            f = min(f, 0.5)
        # E-commerce peaks: sorting centres work weekends too.
        md = (date.month, date.day)
        if ((6, 1) <= md <= (6, 20) or (10, 20) <= md <= (11, 15)) and f == weekend_activity:
            f = 1.0
        if (6, 1) <= md <= (6, 20):
            f *= 1.0 + 0.6 * (1.0 - abs(date.day - 18) / 17.0)
        elif (10, 20) <= md <= (11, 15):
            if date.month == 11 and 11 <= date.day <= 13:
                f *= 1.8
            else:
                ref = _dt.date(y, 11, 11)
                f *= 1.0 + 0.5 * max(0.0, 1.0 - abs((date - ref).days) / 22.0)
        fac[d] = f
    return np.array([fac[d] for d in days])


def default_temp_air(index: pd.DatetimeIndex, tz: str = "Asia/Shanghai") -> pd.Series:
    """A generic temperate-China air temperature [°C] when no weather is given.

    16 °C annual mean, ±13 °C seasonal swing peaking in mid-July, ±4 °C daily swing peaking at
    15:00 local. Good enough for a load shape; pass real ``temp_air`` for a real park.
    """
    local = index.tz_convert(tz)
    doy = local.day_of_year.to_numpy() + local.hour.to_numpy() / 24.0
    hour = local.hour.to_numpy() + local.minute.to_numpy() / 60.0
    t = 16.0 + 13.0 * np.cos(2 * np.pi * (doy - 197) / 365.25) + 4.0 * np.cos(2 * np.pi * (hour - 15) / 24)
    return pd.Series(t, index=index, name="temp_air")


# --- the profile ---------------------------------------------------------------------------------

def _in_window(hour: np.ndarray, a: float, b: float) -> np.ndarray:
    return (hour >= a) & (hour < b) if a < b else (hour >= a) | (hour < b)


def synth_park_load(params: SyntheticLoadParams, *, year: int = 2023, interval_minutes: int = 60,
                    tz: str = "Asia/Shanghai", temp_air: Optional[pd.Series] = None):
    """Synthetic consumption of a logistics park for one calendar year.

    Parameters
    ----------
    params : SyntheticLoadParams
    year : int
        Calendar year in local time (2015–2035).
    interval_minutes : int
        Interval [min], a divisor of 60.
    tz : str
        The park's IANA time zone (operating hours are local).
    temp_air : pandas.Series, optional
        Air temperature [°C] on a UTC index; it is interpolated in time onto the profile's
        intervals (no gaps allowed). Default: :func:`default_temp_air`.

    Returns
    -------
    data : pandas.Series
        Mean power [W] per interval, UTC interval-start index covering the local year.
    metadata : dict
        ``interval_minutes``, ``label``, ``unit``, ``source`` ("synthetic"), ``tz``,
        ``params`` (dict), ``year``, ``annual_kwh_per_m2``, ``end_uses_wh`` (energy per end use, after
        scaling), ``scale`` (the factor applied to reach ``params.annual_energy``; 1 without it).
    """
    if not isinstance(params, SyntheticLoadParams):
        raise TypeError("params must be a SyntheticLoadParams")
    if isinstance(interval_minutes, bool) or not isinstance(interval_minutes, int) \
            or not 1 <= interval_minutes <= 60 or 60 % interval_minutes:
        raise ValueError(f"interval_minutes must be a divisor of 60 (got {interval_minutes!r})")
    if year not in LUNAR_HOLIDAYS:
        raise ValueError(f"year must be within {min(LUNAR_HOLIDAYS)}–{max(LUNAR_HOLIDAYS)} (got {year})")
    zone = zoneinfo.ZoneInfo(tz)
    start = pd.Timestamp(year, 1, 1).tz_localize(zone).tz_convert("UTC")
    end = pd.Timestamp(year + 1, 1, 1).tz_localize(zone).tz_convert("UTC")
    index = pd.date_range(start, end, freq=f"{interval_minutes}min", inclusive="left", tz="UTC", name="time")
    local = index.tz_convert(zone)
    # Hours are evaluated at the middle of each interval.
    hour = local.hour.to_numpy() + (local.minute.to_numpy() + interval_minutes / 2.0) / 60.0
    weekday = local.day_of_week.to_numpy()
    act = activity_factor(local.tz_localize(None), params.weekend_activity)

    if temp_air is None:
        temp = default_temp_air(index, tz).to_numpy()
    else:
        ta = temp_air.astype(float)
        if ta.index.tz is None:
            raise ValueError("temp_air needs a tz-aware (UTC) index")
        ta = ta.tz_convert("UTC")
        if ta.isna().any():
            raise ValueError(f"temp_air has {int(ta.isna().sum())} missing values; fill or trim them first")
        # Map onto the profile's year by day-of-year and time (a TMY's years differ).
        def key(ix):
            return ((np.minimum(ix.day_of_year.to_numpy(), 365) - 1) * 1440 + ix.hour.to_numpy() * 60
                    + ix.minute.to_numpy())
        src = pd.Series(ta.to_numpy(), index=key(ta.index.tz_convert(zone))).groupby(level=0).mean().sort_index()
        temp = np.interp(key(local), src.index.to_numpy(), src.to_numpy(), period=365 * 1440)

    A = params.floor_area
    office = A * params.office_share
    cold = A * params.cold_storage_share
    dry = A - office - cold
    a, b = SHIFT_HOURS[params.shifts]
    # Peak days (activity ≥ 1.3) add shifts and run around the clock.
    operating = (_in_window(hour, a, b) | (act >= 1.3)) & (act > 0)
    office_hours = _in_window(hour, 8, 18) & (weekday < 5)

    uses = {}
    uses["base"] = np.full(len(index), BASE_W_M2 * A)
    uses["lighting"] = LIGHT_W_M2 * (dry + cold) * operating * np.minimum(1.0, 0.5 + 0.5 * act)
    uses["automation"] = AUTOMATION_W_M2 * params.automation * dry * operating * act
    uses["office"] = OFFICE_W_M2 * office * office_hours * np.where(act < 0.6, 0.3, 1.0)
    degrees = np.maximum(temp - COOLING_BASE_C, 0.0) + np.maximum(HEATING_BASE_C - temp, 0.0)
    conditioned = office * office_hours + CONDITIONED_WAREHOUSE_SHARE * dry * operating
    uses["hvac"] = params.hvac_sensitivity * degrees * conditioned
    uses["cold_storage"] = cold * (COLD_W_M2 + COLD_W_M2_K * np.maximum(temp - 10.0, 0.0))
    ev = np.zeros(len(index))
    if params.ev_vehicles and params.ev_kwh_per_vehicle_day > 0:
        win = np.zeros(len(index), dtype=bool)
        hours_total = 0.0
        for wa, wb in params.ev_charging_windows:
            win |= _in_window(hour, wa, wb)
            hours_total += (wb - wa) % 24 if wb != 24 else 24 - wa
        daily_wh = params.ev_vehicles * params.ev_kwh_per_vehicle_day * 1000.0
        ev = win * (daily_wh / hours_total) * np.minimum(act, 1.5)
    uses["ev"] = ev

    total = sum(uses.values())
    rng = np.random.default_rng(params.seed)
    n = len(index)
    eps = rng.normal(0.0, 1.0, n)
    phi = 0.9 ** (interval_minutes / 60.0)
    from scipy.signal import lfilter
    # AR(1) with unit variance: x[i] = phi·x[i-1] + sqrt(1-phi²)·e[i], started at x[0] = e[0].
    noise = np.empty(n)
    noise[0] = eps[0]
    noise[1:] = lfilter([math.sqrt(1 - phi * phi)], [1.0, -phi], eps[1:], zi=[phi * eps[0]])[0]
    total = total * np.clip(1.0 + 0.05 * noise, 0.7, 1.3)
    h = interval_minutes / 60.0
    scale = 1.0 if params.annual_energy is None else params.annual_energy / (float(np.sum(total)) * h)
    total = total * scale
    uses = {k: v * scale for k, v in uses.items()}
    data = pd.Series(total, index=index, name="load")
    meta = {
        "interval_minutes": interval_minutes, "label": "start", "unit": "W", "source": "synthetic", "tz": tz,
        "year": year, "params": params.to_dict(),
        "annual_kwh_per_m2": float(total.sum() * h / 1000.0 / A),
        "end_uses_wh": {k: float(np.sum(v) * h) for k, v in uses.items()},
        "scale": scale,
    }
    return data, meta
