"""PVGIS over the internet. Marked ``network`` and skipped unless SOLARFLEET_NETWORK_TESTS=1."""
from __future__ import annotations

import os

import pytest

pytestmark = [pytest.mark.network,
              pytest.mark.skipif(os.environ.get("SOLARFLEET_NETWORK_TESTS") != "1",
                                 reason="needs the internet; set SOLARFLEET_NETWORK_TESTS=1 to run")]


def test_pvgis_tmy_and_horizon_for_shanghai():
    from solarfleet.models.weather.pvgis import get_pvgis_horizon, get_pvgis_tmy
    from solarfleet.models.weather.quality import quality_report
    data, meta = get_pvgis_tmy(31.38, 121.25, timeout=30)
    assert len(data) == 8760 and str(data.index.tz) == "UTC" and meta["kind"] == "tmy"
    assert 1000_000 < data["ghi"].sum() < 1600_000  # Shanghai: roughly 1.1–1.5 MWh/m² a year
    assert quality_report(data, meta)["night"]["count"] == 0
    horizon = get_pvgis_horizon(31.38, 121.25, timeout=30)
    assert len(horizon) > 10
