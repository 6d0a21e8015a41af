"""TOU tariffs and bills on hand-computed cases (models/energy/tariff.py)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.energy.balance import energy_balance
from solarfleet.models.energy.tariff import Tariff, TariffError, bill, bill_comparison, example_tariff, read_tariff


def _tariff(**kw):
    hours = ["valley"] * 8 + ["flat"] * 2 + ["peak"] * 2 + ["flat"] * 5 + ["peak"] * 5 + ["flat"] * 2
    summer = list(hours)
    summer[20] = "critical_peak"
    d = dict(name="hand", currency="CNY", prices={"valley": 0.3, "flat": 0.6, "peak": 1.0, "critical_peak": 1.2},
             seasons=({"name": "summer", "months": [7, 8], "hours": summer},
                      {"name": "rest", "months": [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], "hours": hours}),
             export_price=0.4, tz="Asia/Shanghai")
    d.update(kw)
    return Tariff(**d)


def _local_day(date, values):
    idx = pd.date_range(date, periods=24, freq="h", tz="Asia/Shanghai").tz_convert("UTC")
    return pd.Series(np.asarray(values, dtype=float), index=idx)


def test_period_codes_follow_local_hours_and_seasons():
    t = _tariff()
    summer = _local_day("2023-07-10", np.zeros(24))
    codes = t.period_codes(summer.index)
    assert codes[0] == 0 and codes[8] == 1 and codes[10] == 2 and codes[20] == 3 and codes[23] == 1
    assert t.period_codes(_local_day("2023-03-10", np.zeros(24)).index)[20] == 2
    assert t.import_price(summer.index).iloc[20] == 1.2


def test_bill_hand_computed_with_and_without_pv():
    t = _tariff()
    load = _local_day("2023-07-10", [1000] * 24)            # 1 kW all day, 24 kWh
    # by hand: 8 valley h × 0.3 + 9 flat × 0.6 + 6 peak × 1.0 + 1 critical × 1.2 = 2.4 + 5.4 + 6 + 1.2
    b = bill(t, load, None, 60)
    assert b["import_cost"] == pytest.approx(15.0)
    assert b["import_kwh_by_period"] == pytest.approx({"valley": 8, "flat": 9, "peak": 6, "critical_peak": 1})
    pv = _local_day("2023-07-10", [0] * 10 + [3000, 3000] + [0] * 12)  # 3 kW in the 10–12 peak hours
    r = energy_balance(pv, load, 60)
    with_pv = bill(t, r.data["grid_import"], r.data["export"], 60)
    # the 2 peak hours are covered (−2 kWh × 1.0) and 4 kWh exported × 0.4
    assert with_pv["import_cost"] == pytest.approx(13.0)
    assert with_pv["export_revenue"] == pytest.approx(1.6)
    assert with_pv["net_cost"] == pytest.approx(11.4)
    assert b["net_cost"] - with_pv["net_cost"] == pytest.approx(3.6)
    cmp_ = bill_comparison(t, r)
    assert cmp_["savings"] == pytest.approx(3.6) and cmp_["without_pv"]["net_cost"] == pytest.approx(15.0)


def test_arbitrage_battery_bill_hand_computed():
    from solarfleet.models.energy.battery import Battery
    t = _tariff()
    day = "2023-03-10"
    load = _local_day(day, [1000] * 24)
    pv = _local_day(day, [0] * 24)
    # 1 kWh battery, 0.5 kW, lossless, empty: valley 00–02 charges 2 × 0.5 kWh from the grid at 0.3;
    # first peak hours 10–11 discharge 2 × 0.5 kWh at 1.0 → savings 1.0 − 0.3 = 0.7
    b = Battery(capacity=1000, power=500, efficiency=1.0, min_soc=0.0, strategy="tou_arbitrage")
    r = energy_balance(pv, load, 60, battery=b, tariff=t)
    cmp_ = bill_comparison(t, r)
    assert cmp_["without_pv"]["net_cost"] == pytest.approx(8 * 0.3 + 9 * 0.6 + 7 * 1.0)   # March: no critical
    assert cmp_["savings"] == pytest.approx(0.7)


def test_bill_counts_missing_not_zero():
    t = _tariff()
    load = _local_day("2023-03-01", [1000] * 23 + [np.nan])
    b = bill(t, load, None, 60)
    assert b["missing_intervals"] == 1


def test_example_tariff_ships_and_is_labelled():
    t = example_tariff()
    assert "example" in t.name.lower() and t.currency == "CNY"
    assert t.prices["peak"] / t.prices["valley"] >= 3.0               # NDRC 1093: at least 3:1
    assert t.prices["critical_peak"] >= 1.2 * t.prices["peak"] - 1e-9  # critical peak ≥ 20 % above peak
    from solarfleet.models.resources import resource_path
    raw = json.loads(resource_path("tariffs", "example_cn_commercial_tou.json").read_text(encoding="utf-8"))
    assert raw["example"] is True and "1093" in raw["$comment"]
    assert Tariff.from_dict(t.to_dict()) == t


@pytest.mark.parametrize("change, match", [
    ({"prices": {"valley": -1}}, "prices.valley"),
    ({"prices": {"night": 0.2}}, "prices.night"),
    ({"export_price": float("nan")}, "export_price"),
    ({"seasons": ({"months": [1, 2], "hours": ["valley"] * 24},)}, "belong to no season"),
    ({"seasons": ({"months": list(range(1, 13)), "hours": ["valley"] * 23},)}, "24 periods"),
    ({"seasons": ({"months": list(range(1, 13)), "hours": ["valley"] * 23 + ["superpeak"]},)}, "hours\\[23\\]"),
    ({"seasons": ({"months": list(range(1, 13)), "hours": ["valley"] * 24},
                  {"months": [3], "hours": ["valley"] * 24})}, "already in season"),
])
def test_tariff_validation_names_field(change, match):
    with pytest.raises(TariffError, match=match):
        _tariff(**change)


def test_read_tariff_errors_name_file(tmp_path):
    p = tmp_path / "t.json"
    p.write_text("{\n  \"name\": \"x\",\n  oops\n}", encoding="utf-8")
    with pytest.raises(TariffError, match=r"t\.json, line 3"):
        read_tariff(p)
    p.write_text(json.dumps({"name": "x", "currency": "CNY", "prices": {"flat": 1}}), encoding="utf-8")
    with pytest.raises(TariffError, match="seasons: is required"):
        read_tariff(p)
