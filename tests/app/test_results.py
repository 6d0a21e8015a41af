"""ResultsController: takes park results, answers the views; unknown stays None, edits make results stale."""
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from solarfleet.app.gui.result_views import ResultsController


@pytest.fixture
def fleet(demo_fleet):
    return demo_fleet


def _result(park, value=1000.0, hours=48):
    idx = pd.date_range("2023-06-01", periods=hours, freq="h", tz="UTC")
    cols = {f"{r.name}/{a.name}": np.full(hours, value) for r, a in park.iter_arrays()}
    # what ResultsController.ingest reads of a solarfleet.models.simulation.engine.ParkResult
    return SimpleNamespace(park=park.name, ac=pd.DataFrame(cols, index=idx), interval_minutes=60,
                           losses={"poa_nominal": 10.0, "temperature": 1.0}, performance_ratio=0.8)


def test_ingest_and_aggregate(qtbot, fleet):
    rc = ResultsController(lambda: fleet)
    park = fleet.parks[0]
    n = sum(1 for _ in park.iter_arrays())
    with qtbot.waitSignal(rc.changed) as sig:
        rc.ingest(_result(park))
    assert sig.args == [park.name]
    assert rc.energy((park.name,)) == pytest.approx(n * 1000.0 * 48)
    roof = park.roofs[0]
    assert rc.energy((park.name, roof.name)) == pytest.approx(len(roof.arrays) * 1000.0 * 48)
    k = rc.kpis((park.name,))
    assert k.performance_ratio == 0.8 and k.dc_capacity == park.dc_capacity
    assert k.self_consumption is None and k.savings is None  # no load, no tariff: unknown, not zero
    assert rc.losses((park.name,)) == {"poa_nominal": 10.0, "temperature": 1.0}
    assert rc.pv_series(()) is None  # other parks have no result: no fleet total
    assert rc.kpis(()).annual_energy is None
    monthly = rc.monthly_by_park()
    assert list(monthly.columns) == [park.name] and monthly.loc[6, park.name] == pytest.approx(n * 1000.0 * 48)
    pts = rc.map_points()
    assert pts[0].specific_yield is not None and pts[1].specific_yield is None


def test_self_consumption_with_load(qtbot, fleet):
    park = fleet.parks[1]
    res = _result(park, value=1000.0)
    n = res.ac.shape[1]
    load = pd.Series(np.r_[np.full(24, 0.5 * n * 1000.0), np.full(24, 2 * n * 1000.0)], index=res.ac.index)
    seen = []

    def balance_for(p, pv):  # the park's balance row, as solarfleet.models.energy.balance_report makes it
        seen.append(p.name)
        used = np.minimum(pv, load).sum()
        return {"pv_wh": pv.sum(), "load_wh": load.sum(), "self_consumed_wh": used, "savings": None,
                "self_consumption_ratio": used / pv.sum(), "self_sufficiency": used / load.sum(),
                "co2_kg": 0.5 * pv.sum() / 1e3}
    rc = ResultsController(lambda: fleet, load_for=lambda p: load if p.name == park.name else None,
                           balance_for=balance_for)
    rc.ingest(res)
    k = rc.kpis((park.name,))
    # first day PV exceeds load (half used), second day all used: 0.75 of PV self-consumed
    assert k.self_consumption == pytest.approx(0.75)
    assert k.self_sufficiency == pytest.approx((24 * 0.5 + 24 * 1.0) / (24 * 0.5 + 24 * 2))
    assert k.co2_avoided == pytest.approx(0.5 * n * 48)
    assert k.savings is None  # no tariff: unknown, not zero
    rc.kpis((park.name,))
    assert seen == [park.name], "the balance is computed once per result"
    rc.mark_stale(park.name)
    rc.ingest(res)
    rc.kpis((park.name,))
    assert seen == [park.name, park.name]
    assert rc.kpis(()).self_consumption is None  # other parks have no result


def test_stale_after_edit_and_bad_input(qtbot, fleet):
    rc = ResultsController(lambda: fleet)
    park = fleet.parks[0]
    rc.ingest(_result(park))
    assert not rc.kpis((park.name,)).stale
    rc.mark_stale(park.name)
    assert rc.kpis((park.name,)).stale and rc.stale_parks() == [park.name]
    rc.ingest(_result(park))
    assert not rc.is_stale((park.name,))
    naive = pd.DataFrame({"a": [1.0, 2.0]}, index=pd.date_range("2023-01-01", periods=2, freq="h"))
    with pytest.raises(ValueError, match="tz-aware"):
        rc.set_park_result(park.name, naive)


def test_losses_per_array_dicts_are_summed(qtbot, fleet):
    rc = ResultsController(lambda: fleet)
    park = fleet.parks[0]
    res = _result(park)
    res.losses = {"A/1": {"poa_nominal": 5.0, "soiling": 1.0}, "A/2": {"poa_nominal": 7.0, "soiling": 2.0}}
    rc.ingest(res)
    assert rc.losses((park.name,)) == {"poa_nominal": 12.0, "soiling": 3.0}


def test_losses_as_dataframe_either_way(qtbot, fleet):
    rc = ResultsController(lambda: fleet)
    park = fleet.parks[0]
    frame = pd.DataFrame({"poa_nominal": [5.0, 7.0], "soiling": [1.0, 2.0]}, index=["A/1", "A/2"])
    for losses in (frame, frame.T):
        res = _result(park)
        res.losses = losses
        rc.ingest(res)
        assert rc.losses((park.name,)) == {"poa_nominal": 12.0, "soiling": 3.0}
