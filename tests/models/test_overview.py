"""The overview: today and month-to-date per park, measured where measured, modelled otherwise, labelled."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.demo_runs import simulated_demo_store

from solarfleet.models.live.reading import Reading
from solarfleet.models.overview import day_curve, park_overview, typical_on
from solarfleet.models.store import (add_live_readings, add_measured_ac, latest_park_ac, load_park,
                                     load_run_ac)

PARK = "Xi'an Asia No.1"
NOW = pd.Timestamp("2026-06-10T06:00Z")  # 14:00 in Xi'an (UTC+8)


def test_typical_on_matches_month_day_and_clock():
    idx = pd.date_range("2023-01-01", periods=8760, freq="h", tz="Asia/Shanghai").tz_convert("UTC")
    series = pd.Series(np.arange(8760.0), index=idx)
    got = typical_on(series, "Asia/Shanghai", pd.Timestamp("2026-03-01", tz="Asia/Shanghai"),
                     pd.Timestamp("2026-03-02 06:00", tz="Asia/Shanghai"))
    # 1 March is day 59 of 2023 (0-based): hour-of-year 59*24 at local midnight
    assert got.iloc[0] == 59 * 24 and got.index[0] == pd.Timestamp("2026-02-28T16:00Z")
    assert len(got) == 24 + 6 and got.iloc[-1] == 60 * 24 + 5
    leap = typical_on(series, "Asia/Shanghai", pd.Timestamp("2028-02-29", tz="Asia/Shanghai"),
                      pd.Timestamp("2028-03-01", tz="Asia/Shanghai"))
    assert leap.iloc[0] == 58 * 24  # 29 February borrows 28 February


@pytest.fixture(scope="module")
def run_store(tmp_path_factory):
    store = simulated_demo_store(tmp_path_factory.mktemp("ov") / "ov.db", PARK)
    yield store
    store.close()


def _hand_expected(store, start_local: str, end_local: str) -> float:
    """The run's AC of the same local span of its own year, summed by hand [Wh] (negative clipped)."""
    run = store.db.execute("SELECT max(id) FROM sim_runs").fetchone()[0]
    ac = load_run_ac(store, run, PARK).sum(axis=1).tz_convert("Asia/Shanghai")
    year = ac.index[len(ac) // 2].year
    s = pd.Timestamp(start_local.replace("2026", str(year)), tz="Asia/Shanghai")
    e = pd.Timestamp(end_local.replace("2026", str(year)), tz="Asia/Shanghai")
    return float(ac[(ac.index >= s) & (ac.index < e)].clip(lower=0).sum())  # hourly: W·h


def test_modelled_when_nothing_is_measured(run_store):
    park = load_park(run_store, PARK)
    ov = park_overview(run_store, park, now=NOW)
    assert ov.today_source == ov.month_source == "modelled"
    assert ov.today_energy == pytest.approx(_hand_expected(run_store, "2026-06-10", "2026-06-10 14:00"), rel=1e-6)
    assert ov.month_energy == pytest.approx(_hand_expected(run_store, "2026-06-01", "2026-06-10 14:00"), rel=1e-6)
    assert np.isnan(ov.performance_index)  # the model against itself is no performance
    assert ov.last_measured_utc is None
    curve = day_curve(run_store, park, now=NOW)
    assert curve.pv_source == "modelled" and (curve.expected >= 0).all() and curve.pv.index.max() < NOW


def test_replay_readings_are_not_measurements(run_store):
    park = load_park(run_store, PARK)
    add_live_readings(run_store, [Reading(device_id="replay:" + PARK, timestamp=NOW - pd.Timedelta(hours=1),
                                          pv_power=1e6)], park=PARK)
    assert park_overview(run_store, park, now=NOW).today_source == "modelled"


def test_measured_energy_and_performance_index(run_store):
    park = load_park(run_store, PARK)
    day0 = pd.Timestamp("2026-06-10", tz="Asia/Shanghai").tz_convert("UTC")
    hours = pd.date_range(day0, NOW, freq="h", inclusive="left")
    expected = typical_on(latest_park_ac(run_store, PARK)[0].clip(lower=0),
                          park.tz, day0, NOW)
    add_measured_ac(run_store, PARK, 0.8 * expected.reindex(hours), 60, "test")
    ov = park_overview(run_store, park, now=NOW)
    assert ov.today_source == ov.month_source == "measured"
    assert ov.today_energy == pytest.approx(0.8 * _hand_expected(run_store, "2026-06-10", "2026-06-10 14:00"))
    assert ov.performance_index == pytest.approx(0.8)  # only the measured hours are compared
    assert ov.month_expected > ov.today_expected > 0
    assert ov.last_measured_utc == hours[-1]
    assert day_curve(run_store, park, now=NOW).pv_source == "measured"


def test_no_run_no_measurement_is_nan_not_zero(memory_store):
    from solarfleet.models.demo import seed_if_empty
    seed_if_empty(memory_store)
    ov = park_overview(memory_store, load_park(memory_store, PARK), now=NOW)
    assert ov.today_source == "none" and np.isnan(ov.today_energy) and np.isnan(ov.month_expected)
