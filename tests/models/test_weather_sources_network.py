"""NASA POWER and PVGIS over the internet (the real APIs' shapes). Marked ``network``; skipped unless
SOLARFLEET_NETWORK_TESTS=1. The offline tests use a local server answering in the same shapes."""
from __future__ import annotations

import os

import pytest

pytestmark = [pytest.mark.network,
              pytest.mark.skipif(os.environ.get("SOLARFLEET_NETWORK_TESTS") != "1",
                                 reason="needs the internet; set SOLARFLEET_NETWORK_TESTS=1 to run")]


def test_nasa_power_hourly_year_for_shanghai():
    from solarfleet.models.weather.nasa_power import get_nasa_power_hourly, parse_nasa_power_hourly
    data, meta = parse_nasa_power_hourly(get_nasa_power_hourly(31.38, 121.25, 2020, timeout=60))
    assert len(data) == 8784 and 1_000_000 < data["ghi"].sum() < 1_800_000


def test_pvgis_hourly_year_for_shanghai(memory_store):
    from solarfleet.models.weather.online_years import fetch_utc_year
    data, meta, cached = fetch_utc_year(memory_store, "pvgis", 31.38, 121.25, 2020, timeout=60)
    assert not cached and len(data) == 8784 and 1_000_000 < data["ghi"].sum() < 1_800_000


def test_nasa_power_climatology_for_the_yangtze_delta(memory_store):
    from solarfleet.models.weather.climate_pack import pack_climate_at, prepare_climate_pack
    prepare_climate_pack(memory_store, "delta", (30.0, 33.0, 119.0, 122.5), timeout=60)
    pc = pack_climate_at(memory_store, 31.38, 121.25)
    assert pc is not None and 1000 < sum(pc.monthly_ghi) < 1700
