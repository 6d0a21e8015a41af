"""The Carbon view, fed a ledger built from plain balances (no database)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from solarfleet.models.energy.balance import energy_balance
from solarfleet.models.energy.carbon import emission_factors
from solarfleet.models.energy.carbon_targets import CarbonTarget, what_if
from solarfleet.models.energy.ledger import LedgerInputs, ledger_from_balances
from solarfleet.widgets.carbon_view import CarbonView

KUNSHAN, GUAN = "Kunshan Asia No.1", "Gu'an Asia No.1 (Langfang)"


def make_ledger(demo_fleet, missing_month=None):
    idx = pd.date_range(pd.Timestamp("2023-01-01", tz="Asia/Shanghai").tz_convert("UTC"),
                        pd.Timestamp("2024-01-01", tz="Asia/Shanghai").tz_convert("UTC"), freq="h", inclusive="left")
    hour = idx.tz_convert("Asia/Shanghai").hour.to_numpy()
    sun = np.maximum(0.0, np.sin((hour - 6) / 12 * np.pi))
    balances = {}
    for name, base, peak in ((KUNSHAN, 800e3, 2e6), (GUAN, 1.5e6, 1.2e6)):
        load = pd.Series(base * (1 + 0.5 * ((hour >= 8) & (hour < 20))), index=idx)
        if missing_month and name == KUNSHAN:
            load[idx.tz_convert("Asia/Shanghai").month == missing_month] = np.nan
        balances[name] = energy_balance(pd.Series(sun * peak, index=idx), load, 60)
    inp = LedgerInputs(parks={n: demo_fleet.park(n) for n in balances}, balances=balances,
                       sources={KUNSHAN: {"consumption": "measured", "pv": "modelled"},
                                GUAN: {"consumption": "modelled", "pv": "modelled"}},
                       factors=emission_factors(),
                       certificates=[{"park": KUNSHAN, "month": "2023-03", "sold": 10, "retained": 5}])
    return ledger_from_balances(inp)


@pytest.fixture(scope="module")
def ledger(demo_fleet):
    return make_ledger(demo_fleet)


def test_fleet_and_park_bars_are_the_ledger(qtbot, ledger):
    v = CarbonView()
    qtbot.addWidget(v)
    v.set_ledger(ledger, {None: CarbonTarget(None, 2026, 30, 2035, 2060)})
    assert [v.scope.itemData(i) for i in range(v.scope.count())] == ["", KUNSHAN, GUAN]
    v.monthly.flush()
    h = v.monthly.heights()
    fleet = ledger.fleet_monthly()
    np.testing.assert_allclose(h["Scope 2, location-based"], fleet["scope2_location_kg"] / 1000)
    np.testing.assert_allclose(h["Avoided: PV exported"], fleet["avoided_export_kg"] / 1000)
    with qtbot.waitSignal(v.scopeChanged) as sig:
        v.scope.setCurrentIndex(1)
    assert sig.args == [KUNSHAN]
    v.basis.setCurrentIndex(1)
    v.monthly.flush()
    np.testing.assert_allclose(v.monthly.heights()["Scope 2, market-based"],
                               ledger.park(KUNSHAN)["scope2_market_kg"] / 1000)
    assert "Consumption measured, PV modelled." in v.summary.text()
    # certificates: March shows 10 sold, 5 retained, and what is still open
    m = v.certificates
    assert m.rowCount() == 12
    mar = [m.data(m.index(2, c)) for c in range(m.columnCount())]
    issued = int(ledger.park(KUNSHAN).loc["2023-03", "certificates_issued"])
    assert mar[0] == "2023-03" and mar[3:] == ["10", "5", f"{issued - 15:,}"]
    v.trajectory.flush()
    assert set(v.trajectory.curves) == {"ledger", "projected"}     # Kunshan has no target of its own
    v.scope.setCurrentIndex(0)
    v.trajectory.flush()
    assert set(v.trajectory.curves) == {"ledger", "projected", "target"}


def test_missing_month_is_no_bar(qtbot, demo_fleet):
    v = CarbonView()
    qtbot.addWidget(v)
    v.set_ledger(make_ledger(demo_fleet, missing_month=4))
    v.scope.setCurrentIndex(1)
    v.monthly.flush()
    h = v.monthly.heights()["Scope 2, location-based"]
    assert np.isnan(h[3]) and np.isfinite(np.delete(h, 3)).all()
    assert "–" in v.summary.text()


def test_what_if_request_and_result(qtbot, ledger):
    v = CarbonView()
    qtbot.addWidget(v)
    v.set_ledger(ledger)
    assert not v.preview.isEnabled()          # a what-if needs a park
    v.scope.setCurrentIndex(v.scope.findData(GUAN))
    assert v.preview.isEnabled()
    v.add_kwp.setValue(5000)
    v.battery_kwh.setValue(2000)
    with qtbot.waitSignal(v.whatIfRequested) as sig:
        qtbot.mouseClick(v.preview, Qt.MouseButton.LeftButton)
    assert sig.args == [GUAN, 5000.0, 2000.0]
    w = what_if(ledger, GUAN, 5e6)
    v.set_what_if(w)
    v.trajectory.flush()
    assert "what_if" in v.trajectory.curves and "→" in v.what_if_result.text()
    with qtbot.waitSignal(v.whatIfCleared):
        qtbot.mouseClick(v.clear, Qt.MouseButton.LeftButton)
    v.set_ledger(None)
    assert "No ledger yet" in v.summary.text() and v.scope.count() == 1
