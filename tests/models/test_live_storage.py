"""Compact live storage: roll-ups against pandas on the same readings, retention, provenance."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.live.reading import Reading
from solarfleet.models.store import (add_live_readings, live_history, live_maintenance, live_reading_count,
                                     live_site_chart, live_stats, open_store, prune_live, roll_up_live,
                                     set_live_retention_days)

T0 = dt.datetime(2026, 6, 1, 0, 0, 7, tzinfo=dt.timezone.utc)


def _readings(device="inv-1", n=3 * 3600 // 10, step_s=10, seed=0, provenance="measured", t0=T0):
    """An inverter every ``step_s`` seconds: power in whole watts (what storage keeps), a counter in Wh."""
    rng = np.random.default_rng(seed)
    out, energy = [], 1e6
    for i in range(n):
        p = float(round(rng.uniform(0, 50_000)))
        st = "fault" if i % 97 == 5 else "mppt"
        interval = p * step_s / 3600 if i else None
        energy += interval or 0.0
        out.append(Reading(timestamp=t0 + dt.timedelta(seconds=i * step_s), device_id=device, pv_power=p,
                           pv_energy=energy, pv_energy_interval=interval, status=st, provenance=provenance))
    return out


def _frame(readings):
    return pd.DataFrame({"pv_power": [r.pv_power for r in readings],
                         "e": [r.pv_energy_interval for r in readings],
                         "fault": [r.status == "fault" for r in readings]},
                        index=pd.DatetimeIndex([r.timestamp for r in readings]))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "live.db") as s:
        yield s


def test_rollups_match_pandas_on_the_same_readings(store):
    rs = _readings() + _readings("inv-2", seed=1)
    add_live_readings(store, rs, park="P")
    now = T0 + dt.timedelta(days=2)
    assert live_maintenance(store, now)["buckets"] > 0
    for span, rule in ((300, "5min"), (3600, "1h")):
        got = live_stats(store, span, park="P")
        for dev in ("inv-1", "inv-2"):
            want = _frame([r for r in rs if r.device_id == dev]).resample(rule)
            g = got[got["device_id"] == dev]
            np.testing.assert_allclose(g["pv_power"], want["pv_power"].mean(), rtol=1e-12)
            np.testing.assert_allclose(g["pv_power_min"], want["pv_power"].min())
            np.testing.assert_allclose(g["pv_power_max"], want["pv_power"].max())
            np.testing.assert_allclose(g["pv_energy"], want["e"].sum(), rtol=1e-9)
            np.testing.assert_array_equal(g["faults"], want["fault"].sum())
            np.testing.assert_array_equal(g["n"], want["pv_power"].count())
            assert g["load_power"].isna().all()  # never measured: missing, not zero
    day = live_stats(store, 86400, park="P")
    assert len(day) == 2 and list(day["n"]) == [len(rs) // 2] * 2


def test_rollup_is_incremental_and_a_late_reading_is_rolled_up_again(store):
    rs = _readings(n=360)  # one hour
    add_live_readings(store, rs[:180], park="P")
    mid = T0 + dt.timedelta(minutes=33)
    roll_up_live(store, now=mid, settle_s=0)
    first = live_stats(store, 300)
    assert first.index.max() < pd.Timestamp(mid)  # only complete buckets
    add_live_readings(store, rs[180:], park="P")
    late = Reading(timestamp=T0 + dt.timedelta(seconds=3), device_id="inv-1", pv_power=1e6)
    add_live_readings(store, [late], park="P")  # behind the mark: its bucket is rolled up again
    live_maintenance(store, T0 + dt.timedelta(hours=3))
    got = live_stats(store, 300)
    assert got["pv_power_max"].iloc[0] == 1e6 and got["n"].iloc[0] == 31
    assert got["n"].sum() == 361


def test_prune_keeps_the_window_and_never_what_is_not_rolled_up(store):
    rs = _readings(n=8640, step_s=60)  # six days at one a minute
    add_live_readings(store, rs, park="P")
    set_live_retention_days(store, 2)
    end = T0 + dt.timedelta(days=6)
    assert prune_live(store, now=end) == 0  # nothing rolled up yet: nothing goes
    later = end + dt.timedelta(hours=1)
    live_maintenance(store, later)
    left = live_history(store)
    assert left.index.min() >= pd.Timestamp(later - dt.timedelta(days=2))
    assert len(left) == pytest.approx(2 * 1440 - 60, abs=2)
    # the roll-ups still hold all six days, energy included
    assert live_stats(store, 3600)["n"].sum() == len(rs)
    assert live_stats(store, 86400)["pv_energy"].sum() == pytest.approx(sum(r.pv_energy_interval or 0 for r in rs))
    with pytest.raises(ValueError, match="retention"):
        set_live_retention_days(store, 0)


def test_replay_never_passes_for_measured(store):
    add_live_readings(store, _readings("inv-1", n=60), park="P")
    add_live_readings(store, _readings("replay:P", n=60, seed=3, provenance="replay"), park="P")
    assert live_reading_count(store, park="P", provenance="measured") == 60
    assert live_reading_count(store, park="P", provenance="replay") == 60
    assert set(live_history(store, park="P")["device_id"]) == {"inv-1"}
    assert set(live_history(store, park="P", provenance="replay")["provenance"]) == {"replay"}
    live_maintenance(store, T0 + dt.timedelta(days=1))
    measured = live_site_chart(store, "P", T0, T0 + dt.timedelta(hours=1))
    replayed = live_site_chart(store, "P", T0, T0 + dt.timedelta(hours=1), provenance="replay")
    assert not np.allclose(measured["pv_power"].to_numpy(), replayed["pv_power"].to_numpy())


@pytest.mark.parametrize("days, span", [(0.25, 10), (1, 300), (30, 3600), (365, 86400)])
def test_site_chart_resolution_and_totals(store, days, span):
    rs = _readings("a", n=720, step_s=60) + _readings("b", n=720, step_s=60, seed=2)
    add_live_readings(store, rs, park="P")
    roll_up_live(store, now=T0 + dt.timedelta(minutes=400), settle_s=0)  # part rolled up, part raw
    chart = live_site_chart(store, "P", T0, T0 + dt.timedelta(days=days))
    assert chart.attrs["span_s"] == span
    end = T0 + dt.timedelta(days=days)
    want = pd.concat([_frame([r for r in rs if r.device_id == d and r.timestamp < end]).resample(f"{span}s")
                      .mean()["pv_power"] for d in "ab"], axis=1).sum(axis=1, min_count=1).dropna()
    got = chart["pv_power"].dropna()
    # hourly and daily come from 5-minute means weighted by their readings: the same means
    np.testing.assert_allclose(got.to_numpy(), want.reindex(got.index).to_numpy(), rtol=1e-9)
    assert list(got.index) == list(want.index)


def test_rollup_and_prune_wait_for_another_writer_instead_of_failing(tmp_path):
    """Run on a second connection while the recorder's connection writes (the GUI's maintenance
    thread beside the poller): they take the write lock first, so they wait for it, as
    ``busy_timeout`` allows, instead of failing at once with "database is locked"."""
    import sqlite3
    import threading
    path = tmp_path / "two.db"
    with open_store(path) as first:
        add_live_readings(first, _readings(n=6 * 360), park="P")
    holding, release = threading.Event(), threading.Event()

    def writer():
        conn = sqlite3.connect(path, timeout=5.0)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('other_writer', '1')")
        holding.set()
        release.wait(5.0)
        conn.commit()
        conn.close()

    for step in (lambda s: roll_up_live(s, now=T0 + dt.timedelta(hours=7)),
                 lambda s: prune_live(s, now=T0 + dt.timedelta(days=30), retention_days=1)):
        t = threading.Thread(target=writer)
        t.start()
        holding.wait(5.0)
        timer = threading.Timer(0.3, release.set)   # the other writer commits while the step waits
        timer.start()
        try:
            with open_store(path) as second:
                assert step(second) > 0
        finally:
            release.set()
            timer.cancel()
            timer.join()
            t.join()
            holding.clear()
            release.clear()
