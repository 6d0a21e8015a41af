"""Engine behaviour beyond ModelChain agreement: shading, losses, degradation, gaps, options, cancel."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import weather_year  # noqa: E402

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation.engine import (LOSS_ITEMS, SimulationCancelled, SimulationError, SimulationOptions, WeatherError, horizon_diffuse_loss, simulate_fleet, simulate_park)

NO_LOSS = Losses(soiling=0, mismatch=0, wiring=0, connections=0, lid=0, nameplate_rating=0, availability=0)


def _park(*arrays, lat=39.9, lon=116.4, name="P", tz="Asia/Shanghai"):
    return Park(name, latitude=lat, longitude=lon, altitude=40, tz=tz,
                roofs=(Roof("R", roof_type="flat", arrays=tuple(arrays)),))


def _pv(name, tilt=25, az=180, **kw):
    kw.setdefault("losses", NO_LOSS)
    return Array(name, pdc0=kw.pop("pdc0", 100_000.0), surface_tilt=tilt, surface_azimuth=az, **kw)


@pytest.fixture(scope="module")
def beijing():
    park = _park(_pv("a"))
    return weather_year(park, seed=21)


def test_waterfall_adds_up(demo_fleet):
    park = demo_fleet.park("Gu'an Asia No.1 (Langfang)")
    data, meta = weather_year(park, seed=2)
    r = simulate_park(park, data, meta, horizon={0: 5, 90: 8, 180: 3, 270: 10})
    wf = r.losses
    assert list(wf.columns) == ["poa_nominal", *LOSS_ITEMS, "ac"]
    np.testing.assert_allclose(wf["poa_nominal"] - wf[list(LOSS_ITEMS)].sum(axis=1), wf["ac"], rtol=1e-9)
    np.testing.assert_allclose(wf["ac"], r.ac.sum(), rtol=1e-9)
    for item in ("horizon_shading", "aoi", "soiling", "mismatch", "inverter", "degradation"):
        assert (wf[item] > 0).all(), item
    rows = [k for k in wf.index if "rows" in k]
    assert rows and (wf.loc[rows, "row_shading"] > 0).all()
    assert (wf.drop(index=rows)["row_shading"] == 0).all()
    assert 0.6 < r.performance_ratio < 0.9
    assert r.specific_yield == pytest.approx(r.energy / r.dc_capacity)


def test_row_shading_against_pvlib_shading(beijing):
    data, meta = beijing
    park = _park(_pv("rows", tilt=30, gcr=0.5), _pv("single", tilt=30))
    r = simulate_park(park, data, meta, SimulationOptions(transposition="isotropic"))
    rows = r.poa_global[r.orientation["R/rows"]]
    single = r.poa_global[r.orientation["R/single"]]
    # a sunny winter morning: the front row shades the lower part of the next
    sun = park.to_location().get_solarposition(data.index + pd.Timedelta(minutes=30), temperature=data["temp_air"])
    zen, azi = sun["apparent_zenith"].to_numpy(), sun["azimuth"].to_numpy()
    fs_all = np.asarray(pvlib.shading.shaded_fraction1d(zen, azi, 90.0, 30.0, collector_width=1.0, pitch=2.0))
    candidates = (fs_all > 0.1) & (fs_all < 0.9) & (data["dni"].to_numpy() > 100) & (zen < 85)
    assert candidates.sum() > 50
    i = np.flatnonzero(candidates)[0]
    t, z, a, fs = data.index[i], zen[i], azi[i], fs_all[i]
    loss = pvlib.shading.sky_diffuse_passias(pvlib.shading.masking_angle_passias(30.0, 0.5))
    poa = pvlib.irradiance.get_total_irradiance(30, 180, z, a, data.at[t, "dni"], data.at[t, "ghi"],
                                                data.at[t, "dhi"], albedo=0.2, model="isotropic")
    expected = poa["poa_direct"] * (1 - fs) + poa["poa_sky_diffuse"] * (1 - loss) + poa["poa_ground_diffuse"]
    assert rows[t] == pytest.approx(expected, rel=1e-9)
    assert single[t] == pytest.approx(poa["poa_global"], rel=1e-9)
    # in summer at noon there is no beam shading, only the sky-view loss
    t = pd.Timestamp("2023-06-21 04:00", tz="UTC")
    assert rows[t] < single[t]
    assert r.losses.loc["R/rows", "row_shading"] > 0 and r.losses.loc["R/single", "row_shading"] == 0
    off = simulate_park(park, data, meta, SimulationOptions(transposition="isotropic", row_shading=False))
    np.testing.assert_allclose(off.ac["R/rows"], off.ac["R/single"])


def test_horizon_blocks_beam_and_part_of_sky(beijing):
    data, meta = beijing
    park = _park(_pv("a", tilt=20))
    flat0 = simulate_park(park, data, meta)
    none = simulate_park(park, data, meta, horizon={0: 0.0})
    np.testing.assert_allclose(none.ac.to_numpy(), flat0.ac.to_numpy())
    hills = {0: 15.0, 90: 15.0, 180: 15.0, 270: 15.0}
    shaded = simulate_park(park, data, meta, SimulationOptions(transposition="isotropic"), horizon=hills)
    open_ = simulate_park(park, data, meta, SimulationOptions(transposition="isotropic"))
    assert horizon_diffuse_loss(hills) == pytest.approx(np.sin(np.radians(15)) ** 2)
    mid = data.index + pd.Timedelta(minutes=30)
    elev = park.to_location().get_solarposition(mid, temperature=data["temp_air"])["apparent_elevation"]
    low = (elev.to_numpy() > 2) & (elev.to_numpy() < 14) & (data["dni"].to_numpy() > 50)
    assert low.sum() > 100
    # with the sun behind the hills only (reduced) diffuse reaches the array
    key = shaded.poa_global.columns[0]
    assert (shaded.poa_global[key].to_numpy()[low] < open_.poa_global[key].to_numpy()[low]).all()
    assert shaded.losses.loc["R/a", "horizon_shading"] > 0
    assert shaded.energy < open_.energy
    with pytest.raises(SimulationError, match="horizon"):
        simulate_park(park, data, meta, horizon={400: 5})


def test_degradation_and_monthly_soiling_scale_dc(beijing):
    data, meta = beijing
    soiling = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]
    park = _park(_pv("new", commissioned="2023-07-01"), _pv("old", commissioned="2013-07-01", degradation=1.0),
                 _pv("dusty", losses=Losses(soiling=soiling, mismatch=0, wiring=0, connections=0, lid=0,
                                            nameplate_rating=0, availability=0)))
    r = simulate_park(park, data, meta, SimulationOptions(year=2023, soiling_on="dc"))
    day = r.dc["R/new"] > 1000
    np.testing.assert_allclose((r.dc["R/old"] / r.dc["R/new"])[day], 0.99 ** r.arrays.loc["R/old", "years"], rtol=1e-9)
    month = r.dc.index.tz_convert("Asia/Shanghai").month
    ratio = (r.dc["R/dusty"] / r.dc["R/new"])[day]
    np.testing.assert_allclose(ratio[month[day] == 1], 0.90, rtol=1e-9)
    np.testing.assert_allclose(ratio[month[day] == 12], 0.95, rtol=1e-9)
    np.testing.assert_allclose(ratio[month[day] == 6], 1.0, rtol=1e-9)
    assert r.arrays.loc["R/old", "years"] == pytest.approx(10.0, abs=0.01)
    assert r.losses.loc["R/old", "degradation"] > 0 and r.losses.loc["R/new", "degradation"] == 0


def test_arrays_share_orientation_work_and_chunks_do_not_matter(beijing):
    data, meta = beijing
    park = _park(*[_pv(f"a{i}", pdc0=50_000.0 + 1000 * i, tilt=20 + 10 * (i % 2)) for i in range(7)])
    r = simulate_park(park, data, meta)
    assert r.poa_global.shape[1] == 2 and len(set(r.orientation.values())) == 2
    one = simulate_park(park, data, meta, SimulationOptions(chunk_size=1))
    np.testing.assert_array_equal(one.ac.to_numpy(), r.ac.to_numpy())


def test_gaps_are_counted_and_kept(beijing):
    data, meta = beijing
    data = data.copy()
    data.iloc[200:224, data.columns.get_loc("ghi")] = np.nan
    data.iloc[5000:5003] = np.nan
    park = _park(_pv("a"), _pv("b", tilt=10))
    r = simulate_park(park, data, meta)
    assert r.missing_intervals == 27 and r.missing_hours == 27
    assert r.ac.iloc[200:224].isna().all().all() and r.dc.iloc[5001].isna().all()
    assert r.poa_global.iloc[5001].isna().all()
    assert r.ac.drop(r.ac.index[list(range(200, 224)) + [5000, 5001, 5002]]).notna().all().all()
    assert r.valid_hours == 8760 - 27
    assert np.isfinite(r.specific_yield) and np.isfinite(r.capacity_factor)


def test_subhourly_weather(beijing):
    data, meta = beijing
    fine = data.resample("15min").ffill().reindex(
        pd.date_range(data.index[0], periods=len(data) * 4, freq="15min"), method="ffill")
    park = _park(_pv("a"))
    hourly = simulate_park(park, data, meta)
    quarter = simulate_park(park, fine, dict(meta, interval_minutes=15))
    assert quarter.interval_minutes == 15
    assert quarter.energy == pytest.approx(hourly.energy, rel=0.03)


def test_weather_albedo_column_replaces_array_albedo(beijing):
    data, meta = beijing
    park = _park(_pv("a", tilt=60))
    base = simulate_park(park, data, meta)
    snowy = simulate_park(park, data.assign(albedo=0.8), meta)
    assert snowy.energy > base.energy * 1.05


def test_dc_model_override(demo_fleet):
    park = demo_fleet.park("Shanghai Asia No.1 (Jiading)")
    data, meta = weather_year(park, seed=4)
    cec = simulate_park(park, data, meta)
    pvw = simulate_park(park, data, meta, SimulationOptions(dc_model="pvwatts"))
    assert set(cec.arrays["dc_model"]) == {"cec", "pvwatts"}
    # PVWatts arrays run as PVWatts v8 by default: its Sandia-form inverter curve ("pvwatts_v8")
    assert set(pvw.arrays["dc_model"]) == {"pvwatts"} and set(pvw.arrays["inverter_model"]) <= {"pvwatts",
                                                                                                   "pvwatts_v8"}
    key = "Warehouse 1/W1"
    assert pvw.arrays.loc[key, "energy"] == pytest.approx(cec.arrays.loc[key, "energy"], rel=0.05)


@pytest.mark.parametrize("change, match", [
    (lambda d, m: d.drop(columns="dhi"), "missing column.*dhi"),
    (lambda d, m: d.tz_localize(None), "tz-aware"),
    (lambda d, m: d.drop(d.index[10]), "regular"),
    (lambda d, m: d.iloc[::-1], "increasing"),
    (lambda d, m: d.assign(ghi="x"), "ghi: must be numeric"),
])
def test_bad_weather_is_refused_by_name(beijing, change, match):
    data, meta = beijing
    with pytest.raises(WeatherError, match=match):
        simulate_park(_park(_pv("a")), change(data, meta), meta)


def test_bad_metadata_and_options_are_refused(beijing):
    data, meta = beijing
    park = _park(_pv("a"))
    with pytest.raises(WeatherError, match="label"):
        simulate_park(park, data, dict(meta, label="end"))
    with pytest.raises(WeatherError, match="interval_minutes"):
        simulate_park(park, data, dict(meta, interval_minutes=30))
    with pytest.raises(SimulationError, match="transposition"):
        SimulationOptions(transposition="klucher")
    with pytest.raises(SimulationError, match="dc_model"):
        SimulationOptions(dc_model="sapm")


def test_fleet_progress_and_cancel():
    parks = [_park(_pv("a"), name=f"P{i}", lat=30 + i) for i in range(3)]
    fleet = Fleet(tuple(parks) + (Park("Empty", latitude=30, longitude=120),))
    cache = {}

    def weather_for(park):
        if park.name not in cache:
            cache[park.name] = weather_year(park, seed=1)
        return cache[park.name]

    calls = []
    results = list(simulate_fleet(fleet, weather_for, progress=lambda d, t, n: calls.append((d, t, n))))
    assert [r.park for r in results] == ["P0", "P1", "P2"]
    assert calls == [(0, 3, "P0"), (1, 3, "P1"), (2, 3, "P2"), (3, 3, "")]

    asked = []

    def cancel():
        asked.append(1)
        return len(asked) > 2   # let the first park through, stop in the second

    got = []
    with pytest.raises(SimulationCancelled):
        for r in simulate_fleet(fleet, weather_for, cancel=cancel):
            got.append(r.park)
    assert got == ["P0"]


def test_leap_year_and_polar_night_with_sandia_tare():
    roof = Roof("R", arrays=(
        _pv("pv", tilt=40),
        Array("cec", dc_model="cec", module="Jinko_Solar_Co___Ltd_JKM340M_72", modules_per_string=20, strings=2,
              inverter_model="cec", inverter="Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_",
              inverters=1)))
    park = Park("Svalbard", latitude=78.2, longitude=15.6, tz="Arctic/Longyearbyen", roofs=(roof,))
    data, meta = weather_year(park, year=2024, seed=8)
    r = simulate_park(park, data, meta)
    assert len(r.ac) == 8784 and (r.ac.index.tz_convert(park.tz).strftime("%m-%d") == "02-29").sum() == 24
    december = r.ac[r.ac.index.tz_convert(park.tz).month == 12]
    assert (december["R/pv"] == 0).all()
    tare = pvlib.pvsystem.retrieve_sam("CECInverter")[
        "Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_"]["Pnt"]
    assert (december["R/cec"] == -tare).all()  # the Sandia model's night consumption, as pvlib has it
    assert r.specific_yield > 0


def test_park_without_arrays_is_refused(beijing):
    data, meta = beijing
    with pytest.raises(SimulationError, match="no arrays"):
        simulate_park(Park("Bare", latitude=30, longitude=120), data, meta)
