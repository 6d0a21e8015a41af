"""Battery dispatch (models/energy/battery.py): limits, energy books, strategies."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solarfleet.models.energy.battery import PERIOD_CODES, Battery, dispatch
from solarfleet.models.fleet import FleetValueError


def _check(res, batteries, pv, load, minutes):
    h = minutes / 60
    for j, b in enumerate(batteries):
        ch, dis, soc = res.charge[:, j], res.discharge[:, j], res.soc[:, j]
        assert (ch >= 0).all() and (dis >= 0).all() and (res.charge_from_grid[:, j] >= 0).all()
        if b is None:
            assert not ch.any() and not dis.any()
            continue
        tol = 1e-9 * b.capacity
        assert ch.max(initial=0) <= b.power + 1e-9 and dis.max(initial=0) <= b.power + 1e-9
        assert soc.min() >= b.min_soc * b.capacity - tol and soc.max() <= b.capacity + tol
        # never charges and discharges at once; never exports; grid charge only when arbitraging
        assert not ((ch > 0) & (dis > 0)).any()
        net = np.nan_to_num(load[:, j] - pv[:, j])
        assert (dis <= np.maximum(net, 0) + 1e-9).all()
        if b.strategy == "self_consumption":
            assert not res.charge_from_grid[:, j].any()
        # books: in = out + losses + ΔSoC
        e_in = ch.sum() * h
        e_out = dis.sum() * h
        losses = res.losses[:, j].sum() * h
        d_soc = soc[-1] - res.soc_initial[j]
        assert e_in == pytest.approx(e_out + losses + d_soc, rel=1e-9, abs=1e-6)


def test_limits_and_books_fleet_year_mixed_strategies():
    rng = np.random.default_rng(0)
    T, P = 24 * 60, 12
    hour = np.arange(T) % 24
    pv = np.maximum(0, np.sin((hour - 6) / 12 * np.pi))[:, None] * rng.uniform(2e5, 9e5, P)
    load = rng.uniform(1e5, 6e5, (T, P))
    load[100:110, 3] = np.nan  # a meter gap: battery idles
    period = np.select([hour < 8, (hour >= 18) & (hour < 22)], [0, 2], 1)
    bats = [Battery(capacity=rng.uniform(2e5, 2e6), power=rng.uniform(1e5, 6e5), efficiency=0.88,
                    min_soc=0.1, strategy="tou_arbitrage" if j % 3 == 0 else "self_consumption")
            if j != 5 else None for j in range(P)]
    res = dispatch(pv, load, bats, 60, period=period)
    _check(res, bats, pv, load, 60)
    assert not res.charge[100:110, 3].any() and not res.discharge[100:110, 3].any()
    arb = 0
    assert res.charge_from_grid[:, arb].sum() > 0
    assert res.charge_from_grid[hour >= 8, arb].sum() == 0        # grid charging only in the valley
    assert res.discharge[period != 2, arb].sum() == 0              # discharging only at peak


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 5000), st.floats(0, 5000)), min_size=1, max_size=60),
       st.floats(100, 10000), st.floats(10, 5000), st.floats(0.5, 1.0), st.floats(0, 0.9),
       st.sampled_from([15, 60]), st.booleans())
def test_books_balance_for_any_input(rows, cap, power, eff, min_soc, minutes, arbitrage):
    pv = np.array([r[0] for r in rows])
    load = np.array([r[1] for r in rows])
    b = Battery(capacity=cap, power=power, efficiency=eff, min_soc=min_soc,
                strategy="tou_arbitrage" if arbitrage else "self_consumption")
    period = np.arange(len(rows)) % 4
    res = dispatch(pv, load, [b], minutes, period=period)
    _check(res, [b], pv[:, None], load[:, None], minutes)


def test_initial_soc_and_discharge_floor():
    b = Battery(capacity=1000, power=10000, efficiency=1.0, min_soc=0.2, initial_soc=0.9)
    res = dispatch(np.zeros(3), np.full(3, 5000.0), [b], 60)
    assert res.discharge[:, 0].tolist() == pytest.approx([700, 0, 0])
    assert res.soc[:, 0].tolist() == pytest.approx([200, 200, 200])


@pytest.mark.parametrize("kw, field", [
    ({"capacity": 0, "power": 1}, "capacity"), ({"capacity": 1, "power": -1}, "power"),
    ({"capacity": 1, "power": 1, "efficiency": 1.2}, "efficiency"),
    ({"capacity": 1, "power": 1, "min_soc": 1.0}, "min_soc"),
    ({"capacity": 1, "power": 1, "strategy": "yolo"}, "strategy"),
    ({"capacity": 1, "power": 1, "min_soc": 0.5, "initial_soc": 0.2}, "initial_soc"),
])
def test_battery_validates(kw, field):
    with pytest.raises(FleetValueError) as exc:
        Battery(**kw)
    assert exc.value.field == field


def test_dispatch_checks_shapes():
    b = Battery(capacity=1, power=1)
    with pytest.raises(ValueError, match="one battery"):
        dispatch(np.zeros((3, 2)), np.zeros((3, 2)), [b], 60)
    with pytest.raises(ValueError, match="same shape"):
        dispatch(np.zeros((3, 2)), np.zeros((4, 2)), [b, b], 60)
    with pytest.raises(ValueError, match="tariff periods"):
        dispatch(np.zeros(3), np.zeros(3), [Battery(capacity=1, power=1, strategy="tou_arbitrage")], 60)
    assert set(PERIOD_CODES) == {"valley", "flat", "peak", "critical_peak"}
