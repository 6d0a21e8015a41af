"""The fused inverter and loss pass (numba) against the engine's numpy steps, on every inverter kind."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import weather_year  # noqa: E402

from solarfleet.models.fleet import Array, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation import engine, kernels  # noqa: E402

MODULE = "Jinko_Solar_Co___Ltd_JKM340M_72"
INVERTER = "Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_"
LOSSY = Losses(soiling=(4, 4, 3, 2, 1, 1, 1, 1, 2, 3, 4, 4), availability=2.0, wiring=1.5, ac_wiring=1.0,
               transformer=1.2)
ARRAYS = (
    Array("cec", dc_model="cec", module=MODULE, modules_per_string=20, strings=18, inverter_model="cec",
          inverter=INVERTER, inverters=1, losses=LOSSY, degradation=0.5, commissioned="2019-06-30"),
    Array("cec-clipped", dc_model="cec", module=MODULE, modules_per_string=20, strings=40, inverter_model="cec",
          inverter=INVERTER, inverters=1, surface_tilt=30, surface_azimuth=200),
    Array("pvw-cec-inv", pdc0=9e4, inverter_model="cec", inverter=INVERTER, inverters=1, losses=LOSSY),
    Array("pvw", pdc0=1.5e5, dc_ac_ratio=1.35, surface_tilt=8, surface_azimuth=120, losses=LOSSY),
    Array("pvw-flat", pdc0=4e4, surface_tilt=2, gcr=0.5, racking="open_rack"),
)
PARK = Park("O", latitude=30.7, longitude=104.1, altitude=500, tz="Asia/Shanghai",
            roofs=(Roof("R", surface_tilt=15, surface_azimuth=170, arrays=ARRAYS),))


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: only the numpy path exists")
@pytest.mark.parametrize("options", [engine.SimulationOptions(chunk_size=2),
                                     engine.SimulationOptions(pvwatts_version="v5", soiling_on="dc"),
                                     engine.SimulationOptions(**engine.MODELCHAIN_CHOICES)])
def test_fused_outputs_equal_the_numpy_steps(monkeypatch, options):
    data, meta = weather_year(PARK, seed=3)
    data.iloc[2000:2030, 1] = np.nan        # missing weather: NaN on both paths, not zero
    fused = engine.simulate_park(PARK, data, meta, options)
    monkeypatch.setattr(kernels, "_nb", None)
    steps = engine.simulate_park(PARK, data, meta, options)
    pd.testing.assert_frame_equal(fused.ac, steps.ac, rtol=1e-12, atol=1e-9)
    pd.testing.assert_frame_equal(fused.dc, steps.dc, rtol=1e-12, atol=1e-9)
    pd.testing.assert_frame_equal(fused.losses, steps.losses, rtol=1e-11, atol=1e-4)   # [Wh], of ~1e8
    assert fused.ac.iloc[2000:2030].isna().all().all() and fused.dc.iloc[2000:2030].isna().all().all()
    night = (data["ghi"] == 0).to_numpy() & data.notna().all(axis=1).to_numpy()
    assert (fused.dc.to_numpy()[night] == 0.0).all()
    # the clipped array reaches its inverter's limit; a CEC inverter draws its night tare
    assert fused.losses.loc["R/cec-clipped", "clipping"] > 0
    if fused.arrays.loc["R/cec", "inverter_model"] == "cec":
        assert (fused.ac["R/cec"].to_numpy()[night] < 0).all()


@pytest.mark.skipif(kernels.backend() == "numpy", reason="numba not installed: only the numpy path exists")
def test_cover_and_cell_kernels_equal_numpy(monkeypatch):
    from solarfleet.models.simulation import thermal
    rng = np.random.default_rng(9)
    n_t, n_c = 700, 6
    cos_aoi = np.asfortranarray(rng.uniform(-0.3, 1.0, (n_t, n_c)))
    cos_aoi[::50, 2] = 1.0                                  # the sun normal to the plane
    effective = np.asfortranarray(np.where(rng.random((n_t, n_c)) < 0.2, 0.0, rng.uniform(0, 1200, (n_t, n_c))))
    temp_air, wind = rng.uniform(-10, 40, n_t), rng.uniform(0, 12, n_t)
    noct = rng.uniform(44, 49, n_c)
    table = engine._cover_table(True)
    fused = [kernels.cover_beam(table, engine._COVER_U0, engine._COVER_DU, cos_aoi, [4, 2, 0]),
             kernels.pvwatts8_cell(effective, temp_air, wind, noct, 1.0 - thermal.PVWATTS8_EFFICIENCY / thermal.TAU_ALPHA)]
    monkeypatch.setattr(kernels, "_nb", None)
    numpy = [kernels.cover_beam(table, engine._COVER_U0, engine._COVER_DU, cos_aoi, [4, 2, 0]),
             thermal.pvwatts8_cell(effective, temp_air[:, None], wind[:, None], noct[None, :])]
    np.testing.assert_array_equal(fused[0], numpy[0])
    assert (fused[0] <= 1.0).all() and (fused[0] > 0.0).all()
    np.testing.assert_array_equal(fused[1], numpy[1])
