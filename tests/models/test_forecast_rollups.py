"""Actuals for forecast-vs-actual and persistence come from the live roll-ups once the raw readings are
pruned (14-day retention): the same hourly site PV before and after pruning, per-device hour means summed
(two inverters polled at different instants count as a site of both), missing hours missing."""
from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

from solarfleet.models.fleet import Fleet
from solarfleet.models.live.reading import Reading
from solarfleet.models.studies import forecast as fc
from solarfleet.models.store import (add_live_readings, import_fleet, live_maintenance, live_reading_count,
                                     live_stats, load_park)

PARK = "Kunshan Asia No.1"
NOW = pd.Timestamp("2026-07-10 12:00", tz="UTC")
DAY0 = pd.Timestamp("2026-06-18", tz="UTC")          # three weeks before NOW: beyond the 14-day window


@pytest.fixture
def store(memory_store, demo_fleet):
    import_fleet(memory_store, Fleet((demo_fleet.park(PARK),)))
    return memory_store


def _readings():
    """inv1 at 10 kW on the minute, inv2 at 5 kW half a minute later, 02:00–10:00 UTC on three days; nobody
    reports in the hour from 05:00 on the second day."""
    out = []
    for d in range(3):
        for minute in range(2 * 60, 10 * 60):
            t = DAY0 + pd.Timedelta(days=d, minutes=minute)
            if d == 1 and t.hour == 5:
                continue
            out.append(Reading(t.to_pydatetime(), "inv1", pv_power=10_000.0, pv_energy_interval=10_000 / 60))
            out.append(Reading((t + pd.Timedelta(seconds=30)).to_pydatetime(), "inv2", pv_power=5_000.0,
                               pv_energy_interval=5_000 / 60))
    return out


def _expected(index):
    hours = pd.Series(np.nan, index=index)
    day = (index.hour >= 2) & (index.hour < 10) & (index < DAY0 + pd.Timedelta(days=3))
    hours[day] = 15_000.0
    hours[DAY0 + pd.Timedelta(days=1, hours=5)] = np.nan
    return hours


def test_actuals_survive_pruning_via_the_hourly_rollups(store):
    park = load_park(store, PARK)
    add_live_readings(store, _readings(), park=PARK)
    start, end = DAY0, DAY0 + pd.Timedelta(days=3)
    before = fc.actual_ac(store, park, start, end)
    expected = _expected(before.index)
    pd.testing.assert_series_equal(before, expected, check_names=False, check_freq=False)
    done = live_maintenance(store, now=NOW)
    assert done["pruned"] == len(_readings()) and live_reading_count(store, park=PARK) == 0
    assert len(live_stats(store, 3600, park=PARK)) > 0
    after = fc.actual_ac(store, park, start, end)
    pd.testing.assert_series_equal(after, expected, check_names=False, check_freq=False)
    # a forecast of that period is compared against the roll-ups: 15 kW forecast, 15 kW actual
    err = fc.forecast_errors(pd.Series(15_000.0, index=after.index), after)
    assert err["n"] == 3 * 8 - 1 and err["bias"] == pytest.approx(0.0, abs=1e-9)


def test_hours_not_rolled_up_yet_come_from_raw_readings(store):
    park = load_park(store, PARK)
    add_live_readings(store, _readings(), park=PARK)
    # roll up only the first day (as if maintenance had stopped there): the rest is read raw
    live_maintenance(store, now=DAY0 + pd.Timedelta(days=1, minutes=3))
    assert live_reading_count(store, park=PARK) == len(_readings())      # inside the window: nothing pruned
    got = fc.actual_ac(store, park, DAY0, DAY0 + pd.Timedelta(days=3))
    pd.testing.assert_series_equal(got, _expected(got.index), check_names=False, check_freq=False)


def test_live_site_chart_refuses_an_unknown_span(store):
    from solarfleet.models.store import live_site_chart
    with pytest.raises(ValueError, match="span_s"):
        live_site_chart(store, PARK, DAY0, DAY0 + pd.Timedelta(days=1), span_s=7)
