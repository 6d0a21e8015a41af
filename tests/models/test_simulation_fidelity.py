"""Issue 14: temperature models, sun timing, optics, loss stages, unit plausibility, monthly POA.

Oracles: pvlib's own functions (Fuentes, NOCT SAM, Faiman, PVsyst, SAPM, ModelChain) and
hand-computed cases; the PySAM comparison is in test_sam_oracle.py.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import modelchain_ac, weather_year  # noqa: E402

from solarfleet.models.fleet import Array, FleetValueError, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation import engine, physics, thermal  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions, simulate_park  # noqa: E402

PARK = Park("P", latitude=31.2, longitude=121.5, altitude=10, tz="Asia/Shanghai")


def _park(*arrays, area=0.0):
    return dataclasses.replace(PARK, roofs=(Roof("R", area=area, arrays=tuple(arrays)),))


def _pv(name="a", **kw):
    kw.setdefault("pdc0", 100_000)
    kw.setdefault("surface_tilt", 25)
    kw.setdefault("surface_azimuth", 180)
    return Array(name, **kw)


@pytest.fixture(scope="module")
def year():
    return weather_year(PARK, seed=21)


# --- temperature ---------------------------------------------------------------------------------

def test_fuentes_matches_pvlib_on_several_columns(year):
    data, _ = year
    poa = np.column_stack([data.ghi * 1.1, data.ghi * 0.7, data.ghi])
    ours = physics.fuentes_cell(poa, data.temp_air.to_numpy(), data.wind_speed.to_numpy(), [45, 49, 47], 1.0,
                                dark_resets=False)
    for j, noct in enumerate((45, 49, 47)):
        ref = pvlib.temperature.fuentes(pd.Series(poa[:, j], data.index), data.temp_air, data.wind_speed, noct)
        # pvlib stops its fixed point after 10 iterations; ours runs to convergence
        assert np.max(np.abs(ours[:, j] - ref.to_numpy())) < 1e-6


def test_pvwatts8_cell_is_the_noct_form():
    e, ta, ws = np.array([800.0, 0.0, 400.0]), np.array([20.0, 5.0, 30.0]), np.array([1 / 0.51, 3.0, 0.0])
    got = thermal.pvwatts8_cell(e, ta, ws, 45.0, module_efficiency=0.19127)
    by_hand = 20 + 1.0 * 25 * (1 - 0.19127 / 0.9) * 9.5 / (5.7 + 3.8)
    assert got[0] == pytest.approx(by_hand, rel=1e-12)
    assert got[1] == 5.0                                   # dark: air temperature
    assert got[2] == pytest.approx(30 + 0.5 * 25 * (1 - 0.19127 / 0.9) * 9.5 / (5.7 + 3.8 * 0.001), rel=1e-12)


@pytest.mark.parametrize("racking", ["open_rack", "close_mount", "insulated_back"])
def test_every_model_has_parameters_for_every_mounting(racking):
    for model in thermal.TEMPERATURE_MODELS[1:]:
        params, label = thermal.thermal_parameters(model, racking, "glass_polymer", 12.0)
        assert params[0] == model and label


def test_roof_mounts_run_hotter_than_open_racks(year):
    data, meta = year
    for model in thermal.TEMPERATURE_MODELS[1:]:
        park = _park(_pv("open", racking="open_rack"), _pv("roof", racking="close_mount"),
                     _pv("flush", racking="insulated_back"))
        r = simulate_park(park, data, meta, SimulationOptions(temperature_model=model))
        e = r.arrays["energy"]
        assert e["R/open"] > e["R/roof"] >= e["R/flush"], model


def test_sapm_close_mount_glass_polymer_is_named_not_silent(year):
    data, meta = year
    park = _park(_pv(racking="close_mount", module_type="glass_polymer"))
    r = simulate_park(park, data, meta, SimulationOptions(temperature_model="sapm"))
    assert r.arrays.loc["R/a", "temperature_model"] == "sapm close_mount_glass_glass"


def test_family_defaults_and_array_override(year):
    data, meta = year
    park = _park(_pv("fam"), _pv("own", temperature_model="faiman"))
    r = simulate_park(park, data, meta)
    assert r.arrays.loc["R/fam", "temperature_model"].startswith("pvwatts INOCT 49")
    assert r.arrays.loc["R/own", "temperature_model"].startswith("faiman")
    forced = simulate_park(park, data, meta, SimulationOptions(temperature_model="pvsyst"))
    assert set(forced.arrays["temperature_model"].str.split().str[0]) == {"pvsyst"}


@pytest.mark.parametrize("model", ["faiman", "pvsyst", "sapm"])
def test_modelchain_agrees_for_the_temperature_models_it_offers(year, model):
    """pvlib's ModelChain with the same mounting parameters: the engine's other steps as ModelChain's."""
    data, meta = year
    array = _pv(racking="open_rack", module_type="glass_polymer", losses=Losses(soiling=0))
    park = _park(array)
    choices = {**engine.MODELCHAIN_CHOICES, "temperature_model": model}
    ours = simulate_park(park, data, meta, SimulationOptions(row_shading=False, **choices)).ac["R/a"].to_numpy()
    if model == "sapm":
        ref = modelchain_ac(park, park.roofs[0], array, data, temperature_model="sapm")
    else:
        ref = _modelchain_with(park, array, data, model)
    ok = np.isfinite(ref)
    assert np.max(np.abs(ours[ok] - ref[ok])) / np.nanmax(ref) < 1e-12


def _modelchain_with(park, array, data, model):
    from pvlib.modelchain import ModelChain
    from pvlib.pvsystem import Array as PvArray, FixedMount, PVSystem
    params = {k: v for k, v in thermal.MOUNTING_PARAMETERS[model][array.racking].items()}
    keep = 1.0
    for name in Losses.SCALARS:
        keep *= 1 - getattr(array.losses, name) / 100
    keep *= (1 - array.degradation / 100) ** 0  # commissioned None: no degradation
    mount = FixedMount(array.surface_tilt, array.surface_azimuth)
    pv = PvArray(mount, albedo=array.albedo, module_parameters={"pdc0": array.pdc0, "gamma_pdc": array.gamma_pdc},
                 temperature_model_parameters=params)
    system = PVSystem(arrays=[pv], inverter_parameters={"pdc0": array.pdc0 / array.dc_ac_ratio / array.eta_inv_nom,
                                                         "eta_inv_nom": array.eta_inv_nom})

    def losses(mc):
        mc.results.dc = mc.results.dc * keep
        return mc
    mc = ModelChain(system, park.to_location(), aoi_model="physical", spectral_model="no_loss",
                    transposition_model="perez",
                    temperature_model=model, losses_model=losses)
    shifted = data.copy()
    shifted.index = data.index + pd.Timedelta(minutes=30)
    mc.run_model(shifted)
    return mc.results.ac.to_numpy()


# --- sun, optics, losses --------------------------------------------------------------------------

def test_sunlit_midpoint_moves_only_sunrise_and_sunset_hours(year):
    data, _ = year
    from solarfleet.models.simulation.sun import solar_position
    starts = data.index[:48]

    def el(t):
        return solar_position(t, PARK.latitude, PARK.longitude, PARK.altitude)["apparent_elevation"].to_numpy()
    at = physics.sunlit_times(starts, 60, el)
    mid = starts + pd.Timedelta(minutes=30)
    moved = np.flatnonzero(at != mid)
    assert len(moved) == 4                                   # two sunrises, two sunsets
    for i in moved:
        e0, e1 = el(starts[i:i + 1])[0], el(starts[i:i + 1] + pd.Timedelta(hours=1))[0]
        assert np.sign(e0) != np.sign(e1)
        # the sun is up at the chosen instant, and it is the middle of the sunlit part
        assert el(at[i:i + 1])[0] > 0


def test_cover_modifiers_against_fresnel_by_hand():
    fb, fs, fg = physics.cover_transmittance(np.array([0.0, 60.0, 89.5]), 0.0)
    assert fb[0] == pytest.approx(1.0, abs=1e-12) and fb[1] < 1 and fb[2] < fb[1]
    assert float(fs) == pytest.approx(pvlib.iam.physical(59.7, n=1.526, K=4, L=0.002), rel=1e-3)
    ar = physics.cover_transmittance(np.array([10.0]), 20.0, ar_coating=True)
    assert all(np.all(x <= 1.0) for x in ar)


def test_each_optics_step_is_switchable_and_in_the_waterfall(year):
    data, meta = year
    park = _park(_pv())
    base = simulate_park(park, data, meta)
    wf = base.losses.loc["R/a"]
    assert wf["aoi"] > 0 and wf["spectral"] != 0
    np.testing.assert_allclose(wf["poa_nominal"] - wf[list(engine.LOSS_ITEMS)].sum(), wf["ac"], rtol=1e-9)
    no_spec = simulate_park(park, data, meta, SimulationOptions(spectral_model="no_loss")).losses.loc["R/a"]
    beam_only = simulate_park(park, data, meta, SimulationOptions(diffuse_iam=False)).losses.loc["R/a"]
    assert no_spec["spectral"] == pytest.approx(0, abs=1e-6)
    assert beam_only["aoi"] < wf["aoi"]


def test_soiling_on_the_light_and_ac_losses(year):
    data, meta = year
    clean = Losses(soiling=0, mismatch=0, wiring=0, connections=0, lid=0, nameplate_rating=0, availability=0)
    park = _park(_pv("clean", losses=clean), _pv("dusty", losses=dataclasses.replace(clean, soiling=(5.0,) * 12)),
                 _pv("ac", losses=dataclasses.replace(clean, ac_wiring=1.0, transformer=0.5)))
    r = simulate_park(park, data, meta)
    e = r.arrays["energy"]
    assert e["R/ac"] == pytest.approx(e["R/clean"] * 0.99 * 0.995, rel=1e-12)
    wf = r.losses.loc["R/ac"]
    assert wf["ac_wiring"] == pytest.approx(e["R/clean"] * 0.01, rel=1e-9)
    # on the light, soiling also cools the cells: the DC loss is a little less than 5 %
    assert 0.95 < e["R/dusty"] / e["R/clean"] < 0.955


def test_system_losses_replace_the_itemised_list(year):
    data, meta = year
    itemised = Losses(soiling=(9.0,) * 12, mismatch=9, system_losses=None)
    single = dataclasses.replace(itemised, system_losses=14.08)
    none = Losses(soiling=0, mismatch=0, wiring=0, connections=0, lid=0, nameplate_rating=0, availability=0)
    park = _park(_pv("single", losses=single), _pv("none", losses=none))
    r = simulate_park(park, data, meta)
    wf = r.losses.loc["R/single"]
    assert wf["soiling"] == pytest.approx(0, abs=1e-3) and wf["mismatch"] == 0 and wf["system_losses"] > 0
    dc = r.dc.sum()
    assert dc["R/single"] == pytest.approx(dc["R/none"] * (1 - 0.1408), rel=1e-12)


# --- units --------------------------------------------------------------------------------------

def test_pdc0_in_kilowatts_is_refused_naming_the_unit():
    with pytest.raises(FleetValueError, match=r"pdc0: is the DC nameplate in W \(not kW\).*enter 4000"):
        Array("a", pdc0=4)


def test_roof_area_caps_the_capacity_with_the_units_named():
    Roof("ok", area=1000, arrays=(Array("a", pdc0=200_000),))
    with pytest.raises(FleetValueError, match=r"area: .*W/m².*m² .*\(pdc0\) in W"):
        Roof("r", area=100, arrays=(Array("a", pdc0=200_000),))


# --- monthly figures ------------------------------------------------------------------------------

def test_monthly_poa_sums_to_the_annual_figure(year):
    data, meta = year
    r = simulate_park(_park(_pv("a"), _pv("b", surface_azimuth=90)), data, meta)
    assert list(r.poa_monthly.columns) == [f"2023-{m:02d}-01" for m in range(1, 13)]
    np.testing.assert_allclose(r.poa_monthly.sum(axis=1), r.arrays["poa_insolation"], rtol=1e-12)
    assert r.poa_monthly.loc["R/a", "2023-06-01"] > r.poa_monthly.loc["R/a", "2023-12-01"]


def test_stored_run_holds_monthly_energy_poa_and_pr(year, memory_store):
    from solarfleet.models.store import run_array_monthly, save_run
    from solarfleet.models.simulation.engine import run_metadata
    from solarfleet.models.fleet import Fleet
    data, meta = year
    park = _park(_pv("a"))
    r = simulate_park(park, data, meta)
    run_id = save_run(memory_store, run_metadata(Fleet((park,)), SimulationOptions(), 0.0, 0.0), [r])
    m = run_array_monthly(memory_store, run_id)
    assert len(m) == 12 and m["ac_energy"].sum() == pytest.approx(r.energy, rel=1e-9)
    np.testing.assert_allclose(m["poa_insolation"].to_numpy(), r.poa_monthly.loc["R/a"].to_numpy(), rtol=1e-12)
    assert ((m["performance_ratio"] > 0.5) & (m["performance_ratio"] < 1.0)).all()
