"""Forecast without measured history: clear sky × the park's typical clear-sky index of the month."""
from __future__ import annotations

import pandas as pd
import pytest

from tests.demo_runs import simulated_demo_store

from solarfleet.models.studies.forecast import ForecastError, clearsky_ac, offline_forecast, typical_index_forecast
from solarfleet.models.store import latest_park_ac, load_park

PARK = "Chengdu Asia No.1 (Xindu)"
ISSUED = pd.Timestamp("2026-07-14T04:00Z")


@pytest.fixture(scope="module")
def run_store(tmp_path_factory):
    store = simulated_demo_store(tmp_path_factory.mktemp("fct") / "f.db", PARK)
    yield store
    store.close()


def test_no_run_says_so(memory_store):
    from solarfleet.models.demo import seed_if_empty
    seed_if_empty(memory_store)
    with pytest.raises(ForecastError) as err:
        offline_forecast(memory_store, load_park(memory_store, PARK), "day", ISSUED)
    assert err.value.code == "no_run" and err.value.values["park"] == PARK


def test_typical_index_forecast_matches_the_typical_july_day(run_store):
    park = load_park(run_store, PARK)
    frame, meta = offline_forecast(run_store, park, "day", ISSUED)  # no measurements: falls back
    assert meta["method"] == "typical" and "no measured history" in meta["source"] and meta["month"] == 7
    assert 0.1 < meta["clearsky_index"] < 1.0  # hazy Sichuan basin: well below clear sky
    assert len(frame) == 24 and frame.index[0] == pd.Timestamp("2026-07-14T16:00Z")  # next local midnight
    assert (frame["ac_p50"] - meta["clearsky_index"] * frame["ac_clearsky"]).abs().max() < 1e-6
    assert (frame["ac_p10"] <= frame["ac_p50"] + 1e-9).all() and (frame["ac_p90"] >= frame["ac_p50"] - 1e-9).all()
    # oracle: the typical year's mean July day (the run's own energy, summed by hand) — the forecast's
    # day is clear sky of 15 July scaled by July's index, so the two agree within the month's clear-sky drift
    ac, _ = latest_park_ac(run_store, PARK)
    local = ac.tz_convert(park.tz)
    july_day = float(local[local.index.month == 7].clip(lower=0).sum()) / 31
    assert float(frame["ac_p50"].sum()) == pytest.approx(july_day, rel=0.06)
    # the clear-sky AC it scales is the same physics as on any other day (independent call)
    cs = clearsky_ac(park, frame.index)
    assert (cs - frame["ac_clearsky"]).abs().max() < 1e-6


def test_week_horizon(run_store):
    frame, meta = typical_index_forecast(run_store, load_park(run_store, PARK), "week", ISSUED)
    assert len(frame) == 168 and meta["horizon"] == "week"
