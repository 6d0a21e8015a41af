"""Energy balance on hand-computed cases (models/energy/balance.py)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.energy.balance import align_year, energy_balance, fleet_balance
from solarfleet.models.energy.battery import Battery


def _s(values, freq="60min", start="2023-06-01 00:00"):
    return pd.Series(np.asarray(values, dtype=float),
                     index=pd.date_range(start, periods=len(values), freq=freq, tz="UTC"))


def _books(r):
    d = r.data.dropna(subset=["pv", "load"])
    lhs = d["pv"] + d["grid_import"]
    rhs = d["load"] + d["export"] + d["battery_charge"] - d["battery_discharge"]
    np.testing.assert_allclose(lhs, rhs, rtol=1e-12, atol=1e-9)


def test_hand_computed_hourly():
    pv = _s([0, 1000, 3000, 500])
    load = _s([800, 800, 1000, 2000])
    r = energy_balance(pv, load, 60)
    t = r.totals
    # by hand: direct use min(pv, load) = 0, 800, 1000, 500
    assert list(r.data["pv_to_load"]) == [0, 800, 1000, 500]
    assert list(r.data["export"]) == [0, 200, 2000, 0]
    assert list(r.data["grid_import"]) == [800, 0, 0, 1500]
    assert t["pv_wh"] == 4500 and t["load_wh"] == 4600
    assert t["self_consumed_wh"] == 2300 and t["export_wh"] == 2200 and t["import_wh"] == 2300
    assert t["self_consumption_ratio"] == pytest.approx(2300 / 4500)
    assert t["self_sufficiency"] == pytest.approx(2300 / 4600)
    assert t["peak_import_w"] == 1500 and t["peak_load_w"] == 2000 and t["peak_reduction_w"] == 500
    assert t["missing_intervals"] == 0
    _books(r)
    ratios = r.interval_ratios()
    assert math.isnan(ratios["self_consumption_ratio"].iloc[0])  # no PV in that hour: undefined
    assert ratios["self_consumption_ratio"].iloc[1] == pytest.approx(0.8)
    assert ratios["self_sufficiency"].tolist() == pytest.approx([0.0, 1.0, 1.0, 0.25])


def test_pv_free_park_ratio_undefined_not_zero():
    r = energy_balance(_s([0, 0, 0]), _s([100, 200, 300]), 60)
    t = r.totals
    assert t["self_consumption_ratio"] is None            # undefined without PV
    assert t["self_sufficiency"] == 0.0                    # defined: nothing came from PV
    assert t["import_wh"] == 600 and t["export_wh"] == 0
    assert t["peak_reduction_w"] == 0


def test_export_heavy_park_15min():
    r = energy_balance(_s([10000, 10000], "15min"), _s([1000, 500], "15min"), 15)
    t = r.totals
    assert t["pv_wh"] == 5000 and t["load_wh"] == 375
    assert t["self_consumed_wh"] == 375 and t["export_wh"] == 4625 and t["import_wh"] == 0
    assert t["self_consumption_ratio"] == pytest.approx(0.075)
    assert t["self_sufficiency"] == 1.0
    assert t["peak_import_w"] == 0 and t["peak_reduction_w"] == 1000


def test_no_load_no_pv_everything_undefined_nothing_negative():
    r = energy_balance(_s([0, 0]), _s([0, 0]), 60)
    assert r.totals["self_consumption_ratio"] is None and r.totals["self_sufficiency"] is None


def test_missing_intervals_left_out_never_zero():
    pv = _s([1000, np.nan, 1000, 0])
    load = _s([500, 500, np.nan, 500])
    r = energy_balance(pv, load, 60)
    t = r.totals
    assert t["missing_intervals"] == 2 and t["intervals"] == 4
    assert t["pv_wh"] == 1000 and t["load_wh"] == 1000 and t["self_consumed_wh"] == 500
    assert r.data["grid_import"].isna().tolist() == [False, True, True, False]


def test_negative_load_refused_negative_pv_clipped():
    with pytest.raises(ValueError, match="negative"):
        energy_balance(_s([0, 0]), _s([100, -5]), 60)
    r = energy_balance(_s([-3, 100]), _s([50, 50]), 60)
    assert r.totals["negative_pv_intervals"] == 1 and r.totals["pv_wh"] == 100


def test_inputs_checked():
    with pytest.raises(ValueError, match="share no interval"):
        energy_balance(_s([1, 2]), _s([1, 2], start="2024-01-01"), 60)
    with pytest.raises(ValueError, match="tz-aware"):
        energy_balance(pd.Series([1.0], index=pd.DatetimeIndex(["2023-01-01"])), _s([1]), 60)


def test_self_consumption_battery_hand_computed():
    pv = _s([0, 1000, 3000, 500])
    load = _s([800, 800, 1000, 2000])
    b = Battery(capacity=2000, power=1000, efficiency=0.81, min_soc=0.0)  # √0.81 = 0.9 each way
    r = energy_balance(pv, load, 60, battery=b)
    d, t = r.data, r.totals
    # hour 1: surplus 200 → charge 200, stored 180; hour 2: surplus 2000, power-limited 1000, stored 900 → 1080
    # hour 3: deficit 1500, can deliver 1080 × 0.9 = 972
    assert d["battery_charge"].tolist() == pytest.approx([0, 200, 1000, 0])
    assert d["battery_discharge"].tolist() == pytest.approx([0, 0, 0, 972])
    assert d["soc"].tolist() == pytest.approx([0, 180, 1080, 0])
    assert d["export"].tolist() == pytest.approx([0, 0, 1000, 0])
    assert d["grid_import"].tolist() == pytest.approx([800, 0, 0, 528])
    assert t["battery_losses_wh"] == pytest.approx(20 + 100 + 108)
    assert t["self_consumed_wh"] == pytest.approx(3500)
    assert t["self_consumption_ratio"] == pytest.approx(3500 / 4500)
    assert t["self_sufficiency"] == pytest.approx((2300 + 972) / 4600)
    assert t["peak_import_w"] == pytest.approx(800)
    _books(r)


def test_arbitrage_battery_grid_charging_counts_as_import_not_pv():
    from solarfleet.models.energy.tariff import Tariff
    hours = ["valley"] * 2 + ["peak"] * 22
    tariff = Tariff(name="t", currency="CNY", prices={"valley": 0.3, "peak": 1.0},
                    seasons=({"months": list(range(1, 13)), "hours": hours},), tz="UTC")
    idx_start = "2023-06-01 00:00"
    pv, load = _s([0, 0, 0, 0], start=idx_start), _s([1000, 1000, 1000, 1000], start=idx_start)
    b = Battery(capacity=1000, power=500, efficiency=1.0, min_soc=0.0, strategy="tou_arbitrage")
    r = energy_balance(pv, load, 60, battery=b, tariff=tariff)
    assert r.data["battery_charge_from_grid"].tolist() == [500, 500, 0, 0]
    assert r.data["grid_import"].tolist() == [1500, 1500, 500, 500]
    assert r.totals["self_sufficiency"] == 0.0          # battery energy came from the grid
    assert r.totals["self_consumption_ratio"] is None
    assert r.totals["peak_reduction_w"] == -500         # grid charging raised the peak
    _books(r)
    with pytest.raises(ValueError, match="tariff periods"):
        energy_balance(pv, load, 60, battery=b)


def test_fleet_totals_and_coincident_peak():
    pv = {"A": _s([0, 1000, 3000, 500]), "B": _s([0, 0, 0, 0])}
    load = {"A": _s([800, 800, 1000, 2000]), "B": _s([100, 200, 300, 400])}
    fb = fleet_balance(pv, load, 60)
    t = fb.totals
    assert t["pv_wh"] == 4500 and t["load_wh"] == 4600 + 1000
    assert t["self_consumed_wh"] == 2300 and t["import_wh"] == 2300 + 1000
    assert t["self_consumption_ratio"] == pytest.approx(2300 / 4500)
    assert t["self_sufficiency"] == pytest.approx(2300 / 5600)
    # coincident import: 900, 200, 300, 1900 → 1900; park peaks 1500 + 400
    assert t["peak_import_w"] == 1900 and t["sum_of_park_peaks_import_w"] == 1900
    assert t["peak_load_w"] == 2400 and t["peak_reduction_w"] == 500
    assert fb.parks["B"].totals["self_consumption_ratio"] is None


def test_fleet_batteries_match_single_park_dispatch():
    rng = np.random.default_rng(3)
    pv = {n: _s(np.maximum(0, rng.normal(500, 400, 48))) for n in "ABC"}
    load = {n: _s(rng.uniform(100, 900, 48)) for n in "ABC"}
    bats = {"A": Battery(capacity=3000, power=800), "B": None, "C": Battery(capacity=500, power=100, min_soc=0.2)}
    fb = fleet_balance(pv, load, 60, bats)
    for n in "ABC":
        single = energy_balance(pv[n], load[n], 60, battery=bats[n])
        pd.testing.assert_frame_equal(fb.parks[n].data, single.data)


def test_align_year_maps_typical_year_onto_load_year():
    tmy = _s(np.arange(24 * 3), start="1999-02-27 16:00")   # local 28 Feb 00:00 … 2 Mar
    target = pd.date_range("2024-02-28 16:00", periods=24, freq="h", tz="UTC")  # local 29 Feb 2024
    got = align_year(tmy, target, "Asia/Shanghai")
    # 29 Feb is missing in 1999: taken from 28 Feb
    assert got.tolist() == list(range(0, 24))
    assert got.notna().all()


def test_monthly_aggregate_matches_totals():
    idx = pd.date_range("2023-01-30 16:00", periods=24 * 4, freq="h", tz="UTC")   # local 31 Jan – 3 Feb
    hour = idx.tz_convert("Asia/Shanghai").hour
    pv = pd.Series(np.where((hour >= 8) & (hour < 16), 2000.0, 0.0), index=idx)
    load = pd.Series(1000.0, index=idx)
    r = energy_balance(pv, load, 60)
    m = r.aggregate("MS")
    assert list(m.index.month) == [1, 2]
    assert m.loc[m.index[0], "pv_wh"] == 8 * 2000 and m.loc[m.index[0], "load_wh"] == 24 * 1000
    assert m["self_consumed_wh"].sum() == pytest.approx(r.totals["self_consumed_wh"])
    assert m["self_consumption_ratio"].tolist() == pytest.approx([0.5, 0.5])
    assert m["self_sufficiency"].tolist() == pytest.approx([8 / 24, 8 / 24])
    night = energy_balance(pd.Series(0.0, index=idx), load, 60).aggregate("D")
    assert night["self_consumption_ratio"].isna().all() and (night["self_sufficiency"] == 0).all()
