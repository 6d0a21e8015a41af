"""Synthetic logistics-park load (models/energy/synthetic_load.py)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from solarfleet.models.fleet import FleetValueError
from solarfleet.models.energy.synthetic_load import (LUNAR_HOLIDAYS, SyntheticLoadParams, activity_factor, china_holidays, synth_park_load)


@pytest.fixture(scope="module")
def dry():
    return synth_park_load(SyntheticLoadParams(floor_area=50_000), year=2023)


def test_dry_warehouse_lands_in_reference_band(dry):
    data, meta = dry
    # shared/reference/README.md: non-refrigerated warehouses ~66–82 kWh/m²/yr
    assert 66 <= meta["annual_kwh_per_m2"] <= 82
    assert data.sum() / 1000 / 50_000 == pytest.approx(meta["annual_kwh_per_m2"])
    uses = meta["end_uses_wh"]
    assert uses["cold_storage"] == 0 and uses["ev"] == 0
    # lighting and HVAC are the larger part with base services (README: lighting+HVAC ~3/4)
    assert (uses["lighting"] + uses["hvac"] + uses["base"]) / sum(uses.values()) > 0.6


def test_index_is_local_year_in_utc(dry):
    data, meta = dry
    assert len(data) == 8760 and data.index.tz is not None
    assert data.index[0] == pd.Timestamp("2022-12-31 16:00", tz="UTC")
    assert str(data.index.tz) == "UTC" and data.notna().all() and (data > 0).all()


def test_reproducible_and_seed_changes_noise_only():
    p = SyntheticLoadParams(floor_area=10_000, seed=7)
    a, _ = synth_park_load(p, year=2024, interval_minutes=15)
    b, _ = synth_park_load(p, year=2024, interval_minutes=15)
    c, _ = synth_park_load(SyntheticLoadParams(floor_area=10_000, seed=8), year=2024, interval_minutes=15)
    assert len(a) == 366 * 96
    pd.testing.assert_series_equal(a, b)
    assert not a.equals(c)
    assert c.sum() == pytest.approx(a.sum(), rel=0.02)


def _daily(data, tz="Asia/Shanghai"):
    return data.tz_convert(tz).resample("D").mean()


def test_spring_festival_trough_and_ecommerce_peaks(dry):
    data, _ = dry
    day = _daily(data)
    cny = pd.Timestamp("2023-01-22", tz="Asia/Shanghai")  # Chinese New Year 2023
    trough = day[cny:cny + pd.Timedelta(days=5)].mean()
    ordinary = day["2023-03-06":"2023-03-10"].mean()  # a March work week
    assert trough < 0.8 * ordinary
    assert day["2023-11-11":"2023-11-13"].mean() > 1.1 * ordinary
    assert day["2023-06-16":"2023-06-18"].mean() > day["2023-06-26":"2023-06-28"].mean()


def test_weekend_lower_than_weekday(dry):
    data, _ = dry
    day = _daily(data)["2023-03-01":"2023-04-30"]
    wk = day[day.index.day_of_week < 5].mean()
    we = day[day.index.day_of_week >= 5].mean()
    assert we < wk


def test_cold_storage_and_ev_add_load_and_ev_sits_in_its_windows():
    base, _ = synth_park_load(SyntheticLoadParams(floor_area=20_000, seed=1))
    cold, mc = synth_park_load(SyntheticLoadParams(floor_area=20_000, cold_storage_share=0.3, seed=1))
    ev, me = synth_park_load(SyntheticLoadParams(floor_area=20_000, ev_vehicles=50, ev_kwh_per_vehicle_day=40,
                                                 ev_charging_windows=((1, 5),), seed=1))
    assert mc["end_uses_wh"]["cold_storage"] > 0.3 * sum(mc["end_uses_wh"].values())
    assert cold.sum() > base.sum() * 1.3
    # 50 vehicles × 40 kWh on ordinary days, scaled by activity
    assert 300 * 50 * 40e3 < me["end_uses_wh"]["ev"] < 400 * 50 * 40e3
    diff = (ev - base).tz_convert("Asia/Shanghai")
    outside = diff[(diff.index.hour < 1) | (diff.index.hour >= 5)]
    assert outside.abs().max() == pytest.approx(0.0, abs=1e-6)


def test_temp_air_drives_hvac():
    idx = pd.date_range("2023-01-01", "2024-01-01", freq="h", inclusive="left", tz="UTC")
    mild = pd.Series(18.0, index=idx)
    hot = pd.Series(34.0, index=idx)
    p = SyntheticLoadParams(floor_area=10_000)
    _, m_mild = synth_park_load(p, temp_air=mild)
    _, m_hot = synth_park_load(p, temp_air=hot)
    assert m_mild["end_uses_wh"]["hvac"] == 0
    assert m_hot["end_uses_wh"]["hvac"] > 0
    with pytest.raises(ValueError, match="missing"):
        synth_park_load(p, temp_air=hot.where(hot.index.month != 3))


def test_lunar_table_against_lunardate():
    lunardate = pytest.importorskip("lunardate")
    for year, ((cm, cd), (dm, dd), (mm, md)) in LUNAR_HOLIDAYS.items():
        for (m, d), (lm, ld) in (((cm, cd), (1, 1)), ((dm, dd), (5, 5)), ((mm, md), (8, 15))):
            assert lunardate.LunarDate(year, lm, ld).to_solar_date() == dt.date(year, m, d), (year, lm, ld)


def test_china_holidays_2024():
    h = china_holidays(2024)
    assert h[dt.date(2024, 2, 10)] == "spring_festival"       # 春节 2024-02-10
    assert h[dt.date(2024, 2, 9)] == "spring_festival"        # 除夕
    assert h[dt.date(2024, 4, 4)] == "qingming"
    assert h[dt.date(2024, 6, 10)] == "dragon_boat"
    assert h[dt.date(2024, 9, 17)] == "mid_autumn"
    assert all(h[dt.date(2024, 10, d)] == "national_day" for d in range(1, 8))
    assert china_holidays(2023)[dt.date(2023, 4, 5)] == "qingming"
    with pytest.raises(ValueError, match="covers"):
        china_holidays(1999)


def test_activity_factor_values():
    dates = pd.DatetimeIndex(["2023-03-08", "2023-03-11", "2023-01-22", "2023-11-11", "2023-10-03"])
    f = activity_factor(dates, weekend_activity=0.8)
    assert f[0] == 1.0 and f[1] == 0.8 and f[2] == 0.25 and f[3] == pytest.approx(1.8)
    assert f[4] == 0.5


@pytest.mark.parametrize("kw, field", [
    ({"floor_area": 0}, "floor_area"), ({"floor_area": 1e4, "shifts": 4}, "shifts"),
    ({"floor_area": 1e4, "automation": 1.5}, "automation"),
    ({"floor_area": 1e4, "office_share": 0.6, "cold_storage_share": 0.6}, "cold_storage_share"),
    ({"floor_area": 1e4, "ev_vehicles": -1}, "ev_vehicles"),
    ({"floor_area": 1e4, "ev_vehicles": 3, "ev_charging_windows": ((5, 5),)}, "ev_charging_windows"),
    ({"floor_area": "big"}, "floor_area"),
])
def test_params_validate(kw, field):
    with pytest.raises(FleetValueError) as exc:
        SyntheticLoadParams(**kw)
    assert exc.value.field == field


def test_params_round_trip_and_unknown_key():
    p = SyntheticLoadParams(floor_area=1e4, ev_vehicles=3, ev_charging_windows=[[22, 6]])
    assert SyntheticLoadParams.from_dict(p.to_dict()) == p
    with pytest.raises(FleetValueError, match="not a synthetic-load parameter"):
        SyntheticLoadParams.from_dict({"floor_area": 1e4, "colour": "red"})
