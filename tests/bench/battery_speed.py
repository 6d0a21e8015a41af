"""Benchmark: battery dispatch for a fleet-year, vectorised across parks.

Measures :func:`solarfleet.models.energy.battery.dispatch` for 10, 30 and 100 parks over a year at 60 min (and
100 parks at 15 min), and, side by side, a plain Python loop over parks × time steps doing the
same arithmetic on 10 and 100 parks, with the check that both give the same result. Ends with one JSON
line of figures.

Run from the repository root:  python tests/bench/battery_speed.py
"""
from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solarfleet.models.energy.battery import Battery, dispatch  # noqa: E402


def fleet(P: int, minutes: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    T = 8760 * 60 // minutes
    hour = (np.arange(T) * minutes / 60.0) % 24
    day = np.arange(T) * minutes / 1440.0
    season = 1 + 0.3 * np.cos(2 * np.pi * (day - 172) / 365)
    pv = (np.maximum(0, np.sin((hour - 6) / 12 * np.pi)) * season)[:, None] * rng.uniform(5e5, 9e6, P)
    pv *= rng.uniform(0.3, 1.0, (T, 1))  # cloudy days, shared across parks
    load = rng.uniform(2e5, 4e6, P) * (0.6 + 0.4 * ((hour >= 6) & (hour < 22)))[:, None] \
        * rng.uniform(0.9, 1.1, (T, P))
    period = np.select([hour < 8, (hour >= 18) & (hour < 22)], [0, 2], 1)
    bats = [Battery(capacity=float(rng.uniform(1e6, 2e7)), power=float(rng.uniform(5e5, 5e6)), efficiency=0.9,
                    min_soc=0.1, strategy="tou_arbitrage" if j % 2 else "self_consumption") for j in range(P)]
    return pv, load, period, bats


def naive(pv, load, bats, minutes, period):
    """The same model written as a Python loop over parks and time steps (the thing to avoid)."""
    T, P = pv.shape
    h = minutes / 60
    ch = np.zeros((T, P))
    dis = np.zeros((T, P))
    for j, b in enumerate(bats):
        eta = math.sqrt(b.efficiency)
        soc = b.min_soc * b.capacity
        lo = soc
        for t in range(T):
            net = load[t, j] - pv[t, j]
            max_ch = min(b.power, max(b.capacity - soc, 0) / (eta * h))
            max_dis = min(b.power, max(soc - lo, 0) * eta / h)
            c = min(max(-net, 0), max_ch)
            d = min(max(net, 0), max_dis)
            if b.strategy == "tou_arbitrage":
                if period[t] == 0:
                    c, d = max_ch, 0.0
                elif period[t] == 1:
                    d = 0.0
            soc = min(max(soc + (c * eta - d / eta) * h, lo), b.capacity)
            ch[t, j], dis[t, j] = c, d
    return ch, dis


def timed(fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> int:
    figures = {"benchmark": "battery_speed", "year_steps_60min": 8760}
    for P in (10, 30, 100):
        pv, load, period, bats = fleet(P, 60)
        sec, _ = timed(lambda: dispatch(pv, load, bats, 60, period=period))
        figures[f"vectorised_{P}_parks_60min_s"] = round(sec, 4)
        print(f"vectorised dispatch, {P:3d} parks × 8760 h: {sec:.3f} s", file=sys.stderr)
    pv, load, period, bats = fleet(100, 15)
    sec, _ = timed(lambda: dispatch(pv, load, bats, 15, period=period), repeat=1)
    figures["vectorised_100_parks_15min_s"] = round(sec, 4)
    print(f"vectorised dispatch, 100 parks × 35040 quarter-hours: {sec:.3f} s", file=sys.stderr)

    same = True
    for P in (10, 100):
        pv, load, period, bats = fleet(P, 60)
        t_vec, res = timed(lambda: dispatch(pv, load, bats, 60, period=period))
        t_loop, (ch, dis) = timed(lambda: naive(pv, load, bats, 60, period), repeat=1)
        ok = bool(np.allclose(ch, res.charge) and np.allclose(dis, res.discharge))
        same &= ok
        figures.update({f"loop_{P}_parks_60min_s": round(t_loop, 4),
                        f"vectorised_{P}_parks_60min_s_side_by_side": round(t_vec, 4),
                        f"speedup_{P}_parks": round(t_loop / t_vec, 2)})
        print(f"python loop over parks × hours, {P} parks: {t_loop:.3f} s vs vectorised {t_vec:.3f} s "
              f"({t_loop / t_vec:.1f}×); results equal: {ok}", file=sys.stderr)
    figures["loop_matches_vectorised"] = same

    # The whole balance (dispatch + per-park flows and totals) for a 100-park fleet-year.
    import pandas as pd
    from solarfleet.models.energy.balance import fleet_balance
    pv, load, period, bats = fleet(100, 60)
    idx = pd.date_range("2023-01-01", periods=pv.shape[0], freq="h", tz="UTC")
    names = [f"park {j}" for j in range(100)]
    pv_s = {n: pd.Series(pv[:, j], index=idx) for j, n in enumerate(names)}
    load_s = {n: pd.Series(load[:, j], index=idx) for j, n in enumerate(names)}
    batt = {n: (b if b.strategy == "self_consumption" else None) for n, b in zip(names, bats)}
    sec, _ = timed(lambda: fleet_balance(pv_s, load_s, 60, batt), repeat=1)
    figures["fleet_balance_100_parks_60min_s"] = round(sec, 4)
    print(f"fleet_balance, 100 parks × 8760 h (50 with batteries): {sec:.3f} s", file=sys.stderr)
    print(json.dumps(figures))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
