"""Monthly DC energy stored with a run (issue 17): per array and local month, against pvlib's ModelChain DC.

Oracle: pvlib's ModelChain (PVWatts DC, the same loss chain) summed per local month by hand; the stored
months must add up to the loss waterfall's DC energy (AC plus inverter, clipping and AC-side losses) and stay
at or above the AC energy of the same month.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import modelchain_ac, weather_year  # noqa: E402

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof  # noqa: E402
from solarfleet.models.simulation import engine  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_park  # noqa: E402
from solarfleet.models.store import MIGRATIONS, import_fleet, run_array_monthly, save_run  # noqa: E402

PARK = Park("P", latitude=31.2, longitude=121.5, altitude=10, tz="Asia/Shanghai")
#: DC/AC 1.4 so the inverters clip at noon in summer; AC-side losses so AC < DC even without clipping.
LOSSES = Losses(soiling=0.0, ac_wiring=1.0, transformer=1.5)


def _park():
    arrays = (Array("south", pdc0=100_000, surface_tilt=25, surface_azimuth=180, dc_ac_ratio=1.4,
                    racking="open_rack", module_type="glass_polymer", losses=LOSSES),
              Array("east", pdc0=60_000, surface_tilt=10, surface_azimuth=90, losses=LOSSES))
    return dataclasses.replace(PARK, roofs=(Roof("R", arrays=arrays),))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from solarfleet.models.store import open_store
    data, meta = weather_year(PARK, seed=5)
    park = _park()
    options = SimulationOptions(row_shading=False, **engine.MODELCHAIN_CHOICES)
    result = simulate_park(park, data, meta, options)
    store = open_store(tmp_path_factory.mktemp("dc") / "dc.db")
    import_fleet(store, Fleet((park,)))
    run_id = save_run(store, run_metadata(Fleet((park,)), options, 0.0, 0.0), [result])
    yield park, data, result, run_array_monthly(store, run_id), store
    store.close()


def test_monthly_dc_migration_is_in_the_schema():
    assert "add_monthly_dc_energy" in [fn.__name__ for _, fn in MIGRATIONS]


def test_stored_monthly_dc_matches_modelchain_per_month(run):
    park, data, _, stored, _ = run
    array = park.roofs[0].arrays[0]
    dc = modelchain_ac(park, park.roofs[0], array, data, temperature_model="sapm", quantity="dc")
    by_month = dc.fillna(0.0).groupby(dc.index.tz_convert(park.tz).month).sum()  # hourly data: [Wh]
    south = stored[stored["array"] == "south"]
    mine = south.set_index(south["period_start"].str[5:7].astype(int))["dc_energy"]
    assert len(mine) == 12
    np.testing.assert_allclose(mine.to_numpy(), by_month.reindex(range(1, 13)).to_numpy(), rtol=1e-6)


def test_monthly_dc_sums_to_annual_dc_and_is_at_least_ac(run):
    _, _, result, stored, _ = run
    wf = result.losses
    for key in ("R/south", "R/east"):
        annual_dc = wf.loc[key, ["ac", "inverter", "clipping", *Losses.AC_SCALARS]].sum()
        rows = stored[stored["roof"] + "/" + stored["array"] == key]
        assert rows["dc_energy"].sum() == pytest.approx(annual_dc, rel=1e-9)
        assert (rows["dc_energy"] >= rows["ac_energy"]).all()
        assert (rows["dc_energy"] > 0).all()
    assert wf.loc["R/south", "clipping"] > 0  # the case covers clipping



def test_report_tables_and_xlsx_carry_monthly_dc(run, tmp_path):
    import openpyxl
    from solarfleet.models.export.tables import report_tables, write_export
    _, _, result, stored, store = run
    t = report_tables(store, "P", "monthly")
    dc = t.monthly_balance["dc_energy [kWh]"]
    assert dc.notna().all() and dc.sum() == pytest.approx(stored["dc_energy"].sum() / 1000.0, rel=1e-12)
    assert (dc >= t.monthly_balance["ac_energy [kWh]"]).all()
    a = t.arrays_monthly
    assert (a["dc_energy [kWh]"] >= a["ac_energy [kWh]"]).all() and len(a) == 24
    write_export(t, "xlsx", tmp_path / "p.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True)["balance_monthly"].iter_rows(values_only=True))
    col = rows[0].index("dc_energy [kWh]")
    assert [r[col] for r in rows[1:13]] == pytest.approx(dc.tolist(), rel=1e-9)
