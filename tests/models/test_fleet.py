"""Validation and derived quantities of the fleet dataclasses."""
import datetime as dt

import pytest

from solarfleet.models.simulation import catalog
from solarfleet.models.fleet import Array, Fleet, FleetValueError, Losses, Park, Roof

JK = "Jinko_Solar_Co___Ltd_JKM340M_72"


def park(**kw):
    base = dict(name="P", latitude=31.4, longitude=121.2)
    base.update(kw)
    return Park(**base)


@pytest.mark.parametrize("kwargs, field, words", [
    (dict(latitude=91), "latitude", "between -90 and 90"),
    (dict(longitude=-181), "longitude", "between -180 and 180"),
    (dict(tz="Mars/Olympus"), "tz", "not a known IANA time zone"),
    (dict(grid_region="atlantis"), "grid_region", "must be one of"),
    (dict(name="  "), "name", "must not be empty"),
    (dict(latitude="31.4"), "latitude", "must be a number"),
    (dict(latitude=float("nan")), "latitude", "finite"),
])
def test_park_refuses_bad_values_naming_the_field(kwargs, field, words):
    with pytest.raises(FleetValueError) as exc:
        park(**kwargs)
    assert exc.value.field == field
    assert words in str(exc.value)
    assert field in str(exc.value)


@pytest.mark.parametrize("kwargs, field", [
    (dict(surface_tilt=95), "surface_tilt"),
    (dict(surface_tilt=-1), "surface_tilt"),
    (dict(surface_azimuth=361), "surface_azimuth"),
    (dict(area=-5), "area"),
    (dict(roof_type="domed"), "roof_type"),
])
def test_roof_refuses_bad_values(kwargs, field):
    with pytest.raises(FleetValueError) as exc:
        Roof(name="R", **kwargs)
    assert exc.value.field == field


@pytest.mark.parametrize("kwargs, field", [
    (dict(pdc0=-1), "pdc0"),
    (dict(pdc0=None), "pdc0"),
    (dict(pdc0=1000, gamma_pdc=0.01), "gamma_pdc"),
    (dict(pdc0=1000, surface_tilt=91), "surface_tilt"),
    (dict(pdc0=1000, gcr=1.0), "gcr"),
    (dict(pdc0=1000, racking="floating"), "racking"),
    (dict(pdc0=1000, dc_ac_ratio=0.1), "dc_ac_ratio"),
    (dict(pdc0=1000, commissioned="2019-13-01"), "commissioned"),
    (dict(pdc0=1000, module=JK), "module"),
    (dict(dc_model="cec", module="No_Such_Module", modules_per_string=20, strings=2), "module"),
    (dict(dc_model="cec", module=JK, modules_per_string=0, strings=2), "modules_per_string"),
    (dict(dc_model="cec", module=JK, modules_per_string=20, strings=2.5), "strings"),
    (dict(pdc0=1000, inverter_model="cec", inverter="Nope", inverters=1), "inverter"),
    (dict(pdc0=1000, losses={"mismatch": 120}), "losses.mismatch"),
    (dict(pdc0=1000, losses={"soiling": [1] * 11}), "losses.soiling"),
])
def test_array_refuses_bad_values(kwargs, field):
    with pytest.raises(FleetValueError) as exc:
        Array(name="A", **kwargs)
    assert exc.value.field == field


def test_duplicate_names_are_refused_case_insensitively():
    a = Array(name="A", pdc0=1000)
    with pytest.raises(FleetValueError) as exc:
        Roof(name="R", arrays=(a, Array(name="a", pdc0=2000)))
    assert exc.value.field == "arrays[1].name"
    with pytest.raises(FleetValueError):
        Fleet((park(name="X"), park(name="x ")))


def test_arrays_take_the_roof_orientation_by_default():
    roof = Roof(name="R", roof_type="pitched", surface_tilt=7, surface_azimuth=95,
                arrays=(Array(name="A", pdc0=1000), Array(name="B", pdc0=1000, surface_tilt=20, surface_azimuth=180)))
    a, b = roof.arrays
    assert (a.tilt_on(roof), a.azimuth_on(roof)) == (7, 95)
    assert (b.tilt_on(roof), b.azimuth_on(roof)) == (20, 180)


def test_capacities_of_pvwatts_and_cec_arrays():
    pvw = Array(name="A", pdc0=100_000, dc_ac_ratio=1.25)
    assert pvw.dc_capacity == 100_000 and pvw.ac_capacity == pytest.approx(80_000)
    cec = Array(name="B", dc_model="cec", module=JK, modules_per_string=20, strings=10,
                inverter_model="cec", inverter="Huawei_Technologies_Co___Ltd___SUN2000_36KTL_US", inverters=2)
    assert cec.modules == 200
    assert cec.dc_capacity == pytest.approx(200 * catalog.module_stc(JK))
    assert cec.ac_capacity == pytest.approx(72_000)
    p = park(roofs=(Roof(name="R", arrays=(pvw, cec)),))
    assert p.dc_capacity == pytest.approx(100_000 + 200 * 340.173)


def test_losses_accept_a_scalar_soiling_and_combine_multiplicatively():
    losses = Losses(soiling=3, mismatch=2, wiring=2, connections=0, lid=0, nameplate_rating=0, availability=0)
    assert losses.soiling == (3.0,) * 12
    assert losses.other_fraction() == pytest.approx(1 - 0.98 * 0.98)


def test_commissioned_accepts_iso_text():
    assert Array(name="A", pdc0=1000, commissioned="2019-06-30").commissioned == dt.date(2019, 6, 30)


def test_demo_fleet_is_a_fleet_of_real_cities(demo_fleet):
    assert len(demo_fleet.parks) >= 8
    xian = demo_fleet.park("Xi'an Asia No.1")
    assert 8.5e6 < xian.dc_capacity < 9.5e6                      # ~9 MW (China Daily 2021-12-11)
    assert sum(r.area for r in xian.roofs) == pytest.approx(100_000)
    models_used = {a.dc_model for p in demo_fleet.parks for _, a in p.iter_arrays()}
    roof_types = {r.roof_type for p in demo_fleet.parks for r in p.roofs}
    assert models_used == {"pvwatts", "cec"} and roof_types == {"flat", "pitched"}
    assert all(len(p.roofs) >= 2 for p in demo_fleet.parks)


def test_park_maps_to_a_pvlib_location(demo_fleet):
    loc = demo_fleet.parks[0].to_location()
    assert loc.latitude == demo_fleet.parks[0].latitude and str(loc.tz) == "Asia/Shanghai"


def test_inverter_fields_are_validated_for_cec_inverters_too():
    # found by the fuzzer: a CEC-inverter array with dc_ac_ratio None reached the database's NOT NULL
    kw = dict(pdc0=1000, inverter_model="cec", inverter="Huawei_Technologies_Co___Ltd___SUN2000_36KTL_US",
              inverters=1)
    for field in ("dc_ac_ratio", "eta_inv_nom"):
        with pytest.raises(FleetValueError) as exc:
            Array(name="A", **kw, **{field: None})
        assert exc.value.field == field
