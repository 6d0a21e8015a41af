"""CO₂ avoided with the MEE/NBS factors (models/energy/carbon.py, resources/emission_factors.json)."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from solarfleet.models.energy.carbon import CarbonError, co2_avoided_kg, cumulative_co2, emission_factors, park_co2
from solarfleet.models.fleet import GRID_REGIONS
from solarfleet.models.resources import resource_path

# shared/reference/README.md, kg CO2/kWh
REFERENCE = {
    2021: {"national": 0.5568},
    2022: dict(zip(["national", "north", "northeast", "east", "central", "northwest", "south", "southwest"],
                   [0.5366, 0.6776, 0.5564, 0.5617, 0.5395, 0.5857, 0.3869, 0.2268])),
    2023: dict(zip(["national", "north", "northeast", "east", "central", "northwest", "south", "southwest"],
                   [0.5306, 0.6361, 0.5122, 0.5500, 0.5271, 0.5543, 0.4042, 0.2472])),
}


def test_table_matches_reference_and_names_source():
    ef = emission_factors()
    assert ef.factors == REFERENCE
    assert set(ef.factors[2023]) == set(GRID_REGIONS)
    raw = json.loads(resource_path("emission_factors.json").read_text(encoding="utf-8"))
    assert "MEE" in raw["source"] and "NBS" in raw["source"] and raw["unit"] == "kg CO2/kWh"


def test_co2_equals_factor_times_energy_to_the_digit():
    # 1,234,567 Wh of PV in the East grid (2023: 0.5500) → 1234.567 kWh × 0.55 = 679.01185 kg
    r = park_co2("east", 1_234_567.0)
    assert r["data_year"] == 2023 and r["factor"] == 0.55
    assert Decimal(repr(r["co2_kg"])).quantize(Decimal("0.00001")) == Decimal("679.01185")
    assert r["co2_kg"] == 1_234_567.0 / 1000 * 0.55
    # national, 2022 on request
    r = park_co2("east", 2_000_000.0, region="national", year=2022)
    assert r["factor"] == 0.5366 and r["co2_kg"] == pytest.approx(1073.2, abs=1e-9)
    assert co2_avoided_kg(1000.0, 0.2472) == 0.2472


def test_unknown_region_or_year_refused():
    with pytest.raises(CarbonError, match="no factor for the north grid"):
        park_co2("north", 1.0, year=2021)
    with pytest.raises(CarbonError, match="no emission factors for data year 2019"):
        park_co2("north", 1.0, year=2019)
    with pytest.raises(CarbonError, match="unknown grid region"):
        park_co2("mars", 1.0)


def test_cumulative_since_commissioning(demo_fleet):
    from dataclasses import replace
    park = demo_fleet.parks[0]
    roof = park.roofs[0]
    a = replace(roof.arrays[0], commissioned=dt.date(2021, 1, 1), degradation=0.0)
    park1 = replace(park, roofs=(replace(roof, arrays=(a,)),))
    key = f"{roof.name}/{a.name}"
    r = cumulative_co2(park1, {key: 1_000_000.0}, dt.date(2024, 1, 1))   # 3 full calendar years
    f21 = emission_factors().nearest_factor(park.grid_region, 2021)[0]     # regional: 2022 nearest
    f22 = REFERENCE[2022][park.grid_region]
    f23 = REFERENCE[2023][park.grid_region]
    assert f21 == f22
    assert r["arrays"][key]["energy_kwh"] == pytest.approx(3000.0)
    assert r["arrays"][key]["co2_kg"] == pytest.approx(1000 * (f21 + f22 + f23), rel=1e-12)
    # with degradation 0.5 %/yr: second service year × 0.995, third × 0.995²
    a2 = replace(a, degradation=0.5)
    park2 = replace(park, roofs=(replace(roof, arrays=(a2,)),))
    r2 = cumulative_co2(park2, {key: 1_000_000.0}, dt.date(2024, 1, 1), region="national", year=2023)
    assert r2["total_co2_kg"] == pytest.approx(1000 * (1 + 0.995 + 0.995 ** 2) * 0.5306, rel=1e-12)
    # arrays without a date are listed, not counted as zero
    a3 = replace(a, commissioned=None)
    park3 = replace(park, roofs=(replace(roof, arrays=(a3,)),))
    assert cumulative_co2(park3, {key: 1.0}, dt.date(2024, 1, 1))["not_commissioned"] == [key]


def test_fleet_co2_each_park_its_region(demo_fleet):
    from solarfleet.models.energy.carbon import fleet_co2, fleet_cumulative_co2
    energy = {p.name: 1_000_000.0 for p in demo_fleet.parks[:3]}
    r = fleet_co2(demo_fleet, energy)
    expected = sum(1000.0 * REFERENCE[2023][p.grid_region] for p in demo_fleet.parks[:3])
    assert r["total_co2_kg"] == pytest.approx(expected, rel=1e-12)
    assert r["parks"][demo_fleet.parks[0].name]["region"] == demo_fleet.parks[0].grid_region
    assert len(r["no_energy"]) == len(demo_fleet.parks) - 3
    nat = fleet_co2(demo_fleet, energy, region="national", year=2021)
    assert nat["total_co2_kg"] == pytest.approx(3 * 1000.0 * 0.5568, rel=1e-12)
    p0 = demo_fleet.parks[0]
    annual = {p0.name: {f"{ro.name}/{a.name}": 1e6 for ro, a in p0.iter_arrays()}}
    cum = fleet_cumulative_co2(demo_fleet, annual, dt.date(2025, 1, 1))
    assert cum["total_co2_kg"] == pytest.approx(cum["parks"][p0.name]["total_co2_kg"]) and cum["total_co2_kg"] > 0
