"""The engine's fused kernels: against pvlib's own functions, and numba against the numpy fallback."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import weather_year  # noqa: E402

from solarfleet.models.fleet import Array, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation import engine, kernels, physics  # noqa: E402

BEIJING = Park("K", latitude=39.9, longitude=116.4, altitude=40, tz="Asia/Shanghai",
               roofs=(Roof("R", arrays=(Array("a", pdc0=1e5, surface_tilt=20),)),))


@pytest.fixture(scope="module")
def sky():
    """A year of Beijing weather and the sun, daytime intervals only (as the engine computes)."""
    data, _ = weather_year(BEIJING, seed=5)
    mid = data.index + pd.Timedelta(minutes=30)
    sp = BEIJING.to_location().get_solarposition(mid)
    day = (data["ghi"] > 0).to_numpy()
    z = sp["apparent_zenith"].to_numpy()[day]
    az = sp["azimuth"].to_numpy()[day]
    return {"zenith": z, "azimuth": az, "dni": data["dni"].to_numpy()[day], "ghi": data["ghi"].to_numpy()[day],
            "dhi": data["dhi"].to_numpy()[day], "dni_extra": pvlib.irradiance.get_extra_radiation(mid[day]).to_numpy(),
            "airmass": pvlib.atmosphere.get_relative_airmass(z, model="kastenyoung1989")}


ORIENTS = np.array([[0.0, 180.0], [25.0, 180.0], [10.0, 95.0], [35.0, 250.0], [60.0, 140.0], [90.0, 200.0]])


def _kernel_inputs(s, pitch, visible=None):
    z, a = np.radians(s["zenith"]), np.radians(s["azimuth"])
    f1, f2 = physics.perez_brightening(s["dhi"], s["dni"], s["dni_extra"], s["zenith"], s["airmass"])
    none = ~np.isfinite(f1) | np.isnan(s["airmass"]) | (s["dhi"] == 0)
    f1[none], f2[none] = 0.0, 0.0
    n_t, n_o = len(z), len(ORIENTS)
    return (np.cos(z), np.sin(z) * np.sin(a), np.sin(z) * np.cos(a), s["dni"], s["ghi"], np.where(none, 0.0, s["dhi"]),
            f1, f2, np.maximum(np.cos(z), np.cos(np.radians(85))), np.ones(n_t),
            np.ones(n_t) if visible is None else visible, ORIENTS[:, 0], ORIENTS[:, 1], np.full(n_o, 0.2), pitch,
            np.ones(n_o), np.ones(n_o), np.full(n_t, 1.0))


def test_plane_of_array_matches_pvlib_perez_and_row_shading(sky):
    pitch = np.array([np.nan, 2.5, 2.0, np.nan, 3.0, np.nan])
    direct, diffuse, ground, raw, cos_aoi, e = kernels.plane_of_array(*_kernel_inputs(sky, pitch))
    for k, (tilt, az) in enumerate(ORIENTS):
        ref = pvlib.irradiance.get_total_irradiance(tilt, az, sky["zenith"], sky["azimuth"], sky["dni"], sky["ghi"],
                                                    sky["dhi"], dni_extra=sky["dni_extra"], airmass=sky["airmass"],
                                                    albedo=0.2, model="perez")
        np.testing.assert_allclose(raw[:, k], np.nan_to_num(ref["poa_global"]), rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(diffuse[:, k], np.nan_to_num(ref["poa_sky_diffuse"]), rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(ground[:, k], ref["poa_ground_diffuse"], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(cos_aoi[:, k], pvlib.irradiance.aoi_projection(tilt, az, sky["zenith"], sky["azimuth"]),
                                   atol=1e-12)
        beam = np.maximum(np.asarray(ref["poa_direct"]), 0.0)
        if np.isfinite(pitch[k]):
            fs = pvlib.shading.shaded_fraction1d(sky["zenith"], sky["azimuth"], az - 90.0, tilt, collector_width=1.0,
                                                 pitch=pitch[k])
            beam = beam * (1.0 - np.clip(np.nan_to_num(fs), 0.0, 1.0))
            assert (beam < np.maximum(np.asarray(ref["poa_direct"]), 0.0) - 1.0).any()  # rows do shade
        np.testing.assert_allclose(direct[:, k], beam, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(e[0], raw.sum(axis=0), rtol=1e-12)


def test_cover_table_matches_the_model():
    aoi = np.linspace(0.0, 180.0, 200_001)
    cos_aoi = np.cos(np.radians(aoi))
    for ar in (False, True):
        exact = physics.cover_transmittance(aoi, 0.0, ar_coating=ar)[0]
        table = kernels.uniform_interp(engine._cover_table(ar), engine._COVER_U0, engine._COVER_DU, cos_aoi)
        assert np.max(np.abs(np.minimum(table, 1.0) - exact)) < 1e-8


def _random_light_inputs(rng, n_t=300, n_o=7, n_l=19):
    direct, diffuse, ground = (np.asfortranarray(rng.uniform(0, 900, (n_t, n_o))) for _ in range(3))
    n_c = 5
    return (direct, diffuse, ground, rng.integers(0, n_o, n_l), rng.uniform(0.9, 1, (12, n_l)),
            rng.uniform(0.95, 1, n_l), np.sort(rng.integers(0, 12, n_t)), rng.integers(0, n_c, n_l),
            rng.uniform(0.5, 1.01, (n_t, n_c)), rng.uniform(0.8, 1, n_c), rng.uniform(0.8, 1, n_c),
            rng.random(n_l) < 0.5, rng.uniform(0.9, 1.05, n_t), rng.random(n_l) < 0.5,
            rng.uniform(0, 1, n_t))


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: only the numpy path exists")
def test_numba_and_numpy_kernels_give_the_same_numbers(sky):
    rng = np.random.default_rng(3)
    args = _random_light_inputs(rng)
    for a, b in zip(kernels._light_columns_np(*args), kernels.light_columns(*args)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-9)
    full, lean = kernels.light_columns(*args), kernels.light_columns(*args, keep_poa=False)
    assert lean[0] is None and lean[1] is None   # only what the PVWatts v8 temperature model reads
    np.testing.assert_array_equal(lean[2], full[2])
    np.testing.assert_array_equal(lean[3], full[3])
    ws = kernels.Workspace()   # written into reused memory: the same numbers, twice over
    for _ in range(2):
        np.testing.assert_array_equal(kernels.light_columns(*args, workspace=ws)[2], full[2])
    pitch = np.array([np.nan, 2.5, 2.0, np.nan, 3.0, np.nan])
    inputs = _kernel_inputs(sky, pitch, visible=(rng.random(len(sky["zenith"])) < 0.9).astype(float))
    per_o = (np.cos(np.radians(ORIENTS[:, 0])), np.sin(np.radians(ORIENTS[:, 0])), np.cos(np.radians(ORIENTS[:, 1])),
             np.sin(np.radians(ORIENTS[:, 1])), inputs[13], pitch, np.full(6, 0.97), np.full(6, 0.9))
    per_t = inputs[:11] + (inputs[17],)
    out_np = kernels._plane_of_array_np(*per_t, *per_o)
    out_nb = kernels._nb._plane_of_array_nb(*per_t, *per_o)
    for a, b in zip(out_np[:5], out_nb[:5]):
        np.testing.assert_allclose(a, b.T, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(out_np[5], out_nb[5], rtol=1e-12)
    table = rng.uniform(0, 400, (50, 40))
    x, y = rng.uniform(-10, 120, 1000), rng.uniform(-70, 130, 1000)
    np.testing.assert_allclose(kernels.bilinear_table(table, x, y, 2.0, -60.0, 5.0),
                               _numpy_only(kernels.bilinear_table, table, x, y, 2.0, -60.0, 5.0), rtol=1e-12)


def _numpy_only(fn, *args):
    """``fn(*args)`` on the numpy path."""
    nb, kernels._nb = kernels._nb, None
    try:
        return fn(*args)
    finally:
        kernels._nb = nb


def test_engine_gives_the_same_results_on_both_paths(monkeypatch):
    arrays = (Array("v8", pdc0=2e5, surface_tilt=12, surface_azimuth=150, gcr=0.5, racking="open_rack",
                    losses=Losses(soiling=(3, 3, 2, 2, 1, 1, 1, 1, 2, 2, 3, 3))),
              Array("own", pdc0=1e5, surface_tilt=33, surface_azimuth=230, temperature_model="fuentes"),
              Array("flat", pdc0=5e4, surface_tilt=3))
    park = Park("K", latitude=31.2, longitude=121.5, altitude=10, tz="Asia/Shanghai",
                roofs=(Roof("R", arrays=arrays),))
    data, meta = weather_year(park, seed=8)
    data.iloc[100:130, 0] = np.nan
    options = (engine.SimulationOptions(), engine.SimulationOptions(**engine.MODELCHAIN_CHOICES),
               engine.SimulationOptions(transposition="haydavies", aoi_model="physical"))
    first = [engine.simulate_park(park, data, meta, o, horizon={0: 4, 120: 9, 240: 2}) for o in options]
    monkeypatch.setattr(kernels, "_nb", None)
    for o, r in zip(options, first):
        r2 = engine.simulate_park(park, data, meta, o, horizon={0: 4, 120: 9, 240: 2})
        pd.testing.assert_frame_equal(r.ac, r2.ac, rtol=1e-10, atol=1e-6)
        pd.testing.assert_frame_equal(r.losses, r2.losses, rtol=1e-10, atol=1e-3)  # [Wh], of ~1e8
        pd.testing.assert_frame_equal(r.poa_global, r2.poa_global, rtol=1e-10, atol=1e-9)
        assert r.ac.iloc[100:130].isna().all().all()  # missing weather stays missing on both paths


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: only the numpy path exists")
@pytest.mark.parametrize("dark_resets", [True, False])
def test_fuentes_recursion_numba_equals_numpy_sweeps(dark_resets):
    data, _ = weather_year(BEIJING, seed=11)
    day = slice(24 * 150, 24 * 160)
    poa = np.outer(data["ghi"].to_numpy()[day], [0.8, 1.0, 1.1, 0.6])
    args = (poa, data["temp_air"].to_numpy()[day], data["wind_speed"].to_numpy()[day], [45, 49, 47, 52], 1.0)
    fused = physics.fuentes_cell(*args, dark_resets=dark_resets)
    swept = _numpy_only(lambda: physics.fuentes_cell(*args, dark_resets=dark_resets))
    np.testing.assert_allclose(fused, swept, atol=1e-8)
    idx = data.index[day]
    ref = pvlib.temperature.fuentes(pd.Series(poa[:, 1], idx), pd.Series(args[1], idx), pd.Series(args[2], idx), 49.0)
    if not dark_resets:  # pvlib steps every interval from 293.15 K, as dark_resets=False does
        np.testing.assert_allclose(fused[:, 1], ref, atol=0.05)


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: the engine uses pvlib's solver then")
def test_diode_mpp_matches_pvlib_max_power_point():
    rng = np.random.default_rng(4)
    e, tc = rng.uniform(0.5, 1300, 5000), rng.uniform(-25, 75, 5000)
    params = pvlib.pvsystem.calcparams_cec(e, tc, alpha_sc=0.004755, a_ref=1.65916, I_L_ref=9.51393,
                                           I_o_ref=4.37813e-11, R_sh_ref=654.059, R_s=0.269953, Adjust=5.79586)
    p, v = kernels.diode_mpp(*params)
    ref = pvlib.pvsystem.max_power_point(*params, method="brentq")  # another root finder than ours
    np.testing.assert_allclose(p, ref["p_mp"], rtol=1e-10)
    np.testing.assert_allclose(v, ref["v_mp"], rtol=1e-7)


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: the fused chain is numba only")
def test_pvwatts8_chain_equals_the_step_by_step_engine(monkeypatch):
    """The fused PVWatts v8 chain (light → cell temperature → module table → inverter and losses in one
    pass per group) against the engine's separate steps, on a park with shared and distinct light
    settings: soiling by month, shading, two mountings (INOCT 45 and 49 °C), row shading, a far
    horizon, missing weather, and chunks of a few arrays."""
    soil = (3, 3, 2, 2, 1, 1, 1, 1, 2, 2, 3, 3)
    arrays = (Array("a", pdc0=2e5, racking="open_rack", gcr=0.5, losses=Losses(soiling=soil)),
              Array("b", pdc0=1.5e5, racking="open_rack", gcr=0.5, losses=Losses(soiling=soil)),  # a's setting
              Array("c", pdc0=1e5, losses=Losses(soiling=(5,) * 12, shading=4.0), dc_ac_ratio=1.4),
              Array("d", pdc0=5e4, surface_tilt=35, surface_azimuth=250, losses=Losses(availability=2.0)),
              Array("e", pdc0=8e4, surface_tilt=3, racking="insulated_back", commissioned="2015-06-30",
                    degradation=0.7))
    park = Park("K", latitude=31.2, longitude=121.5, altitude=10, tz="Asia/Shanghai",
                roofs=(Roof("R", surface_tilt=12, surface_azimuth=170, arrays=arrays),))
    data, meta = weather_year(park, seed=11)
    data.iloc[200:230, 1] = np.nan
    calls = []
    chain = engine._pvwatts8_chain
    monkeypatch.setattr(engine, "_pvwatts8_chain", lambda *a, **k: calls.append(1) or chain(*a, **k))
    for options in (engine.SimulationOptions(), engine.SimulationOptions(chunk_size=2),
                    engine.SimulationOptions(soiling_on="dc", spectral_model="no_loss"),
                    engine.SimulationOptions(aoi_model="physical", diffuse_iam=False)):
        fused = engine.simulate_park(park, data, meta, options, horizon={0: 4, 120: 9, 240: 2})
        with monkeypatch.context() as m:
            m.setattr(engine, "_chain_applies", lambda specs: False)
            steps = engine.simulate_park(park, data, meta, options, horizon={0: 4, 120: 9, 240: 2})
        np.testing.assert_allclose(fused.ac_lit, steps.ac_lit, rtol=1e-13, atol=1e-9)
        np.testing.assert_allclose(fused.dc_lit, steps.dc_lit, rtol=1e-13, atol=1e-9)
        np.testing.assert_array_equal(fused.ac_dark, steps.ac_dark)
        pd.testing.assert_frame_equal(fused.losses, steps.losses, rtol=1e-12, atol=1e-6)   # [Wh], of ~1e8
        pd.testing.assert_frame_equal(fused.arrays, steps.arrays, rtol=1e-12)
        assert fused.ac.iloc[200:230].isna().all().all()
    assert len(calls) == 4


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: the fused chain is numba only")
def test_pvwatts8_chain_checks_cancel_between_chunks():
    arrays = tuple(Array(f"a{i}", pdc0=1e5, losses=Losses(soiling=(i % 4,) * 12)) for i in range(6))
    park = Park("K", latitude=31.2, longitude=121.5, altitude=10, tz="Asia/Shanghai", roofs=(Roof("R", arrays=arrays),))
    data, meta = weather_year(park, seed=12)
    asked = []

    def cancel():
        asked.append(1)
        return len(asked) > 2
    with pytest.raises(engine.SimulationCancelled):
        engine.simulate_park(park, data, meta, engine.SimulationOptions(chunk_size=2), cancel=cancel)
    assert len(asked) == 3   # before the first, second and third chunk of two arrays
