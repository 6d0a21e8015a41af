"""The Carbon tab's controller: ledger built in a worker from a real run, what-if previewed, shown in the view."""
from __future__ import annotations

import pytest

from solarfleet.app.cli import main as cli


@pytest.fixture(scope="module")
def simulated_once(tmp_path_factory):
    d = tmp_path_factory.mktemp("carbon-gui")
    path = d / "carbon.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOLARFLEET_DATA_DIR", str(d / "data"))
        assert cli(["--db", str(path), "simulate"]) == 0
        assert cli(["--db", str(path), "carbon", "target", "set", "--fleet", "--peak-year", "2026",
                    "--reduction-pct", "30", "--target-year", "2035", "--neutrality-year", "2060"]) == 0
    return path


@pytest.fixture
def simulated_db(simulated_once, tmp_path):
    import shutil
    path = tmp_path / "carbon.db"
    shutil.copy(simulated_once, path)
    return path


def test_ledger_in_worker_then_what_if(qtbot, simulated_db):
    from solarfleet.app.gui.carbon_controller import CarbonController
    from solarfleet.app.gui.workers import WorkerPool
    from solarfleet.widgets.carbon_view import CarbonView
    view = CarbonView()
    qtbot.addWidget(view)
    from solarfleet.models.store import certificate_records, get_carbon_target, open_store
    pool = WorkerPool(max_threads=1)
    store = open_store(simulated_db)
    ctl = CarbonController(view, store, pool)
    assert ctl.refresh() is not None   # a worker
    qtbot.waitUntil(lambda: ctl.ledger is not None, timeout=30000)
    assert ctl.ledger is not None and len(ctl.ledger.park_names) == 9
    assert view.scope.count() == 10 and None in view.targets
    park = "Gu'an Asia No.1 (Langfang)"
    view.scope.setCurrentIndex(view.scope.findData(park))
    view.add_kwp.setValue(5000)
    view.preview.click()
    assert view.what_if is not None and view.what_if.park == park and "→" in view.what_if_result.text()
    with qtbot.waitSignal(ctl.failed) as sig:
        view.commit.click()
    assert "5,000 kWp" in sig.args[0] and park in sig.args[0]
    # certificates typed in the park's table are stored, and the ledger is rebuilt with them
    m = view.certificates
    assert m.setData(m.index(2, 4), "120")
    assert certificate_records(store, park) == [{"park": park, "month": "2023-03", "sold": 0, "retained": 120,
                                                 "note": ""}]
    qtbot.waitUntil(lambda: ctl.ledger.park(park).loc["2023-03", "certificates_retained"] == 120, timeout=30000)
    assert not m.setData(m.index(2, 3), "-5") and not m.setData(m.index(2, 2), "1")   # issued is not editable
    # a park target from the form
    view.peak_year.setValue(2027)
    view.reduction.setValue(45)
    view.save_target.click()
    assert get_carbon_target(store, park).reduction_pct == 45
    qtbot.waitUntil(lambda: park in view.targets, timeout=30000)
    view.peak_year.setValue(2040)
    view.save_target.click()
    assert "peak ≤ target ≤ neutrality" in view.target_error.text() and get_carbon_target(store, park).peak_year == 2027
    # a newer year's factor from the form; a published one is refused with the reason
    dlg = ctl.show_factors()
    dlg.year.setValue(2024)
    dlg.region.setCurrentIndex(dlg.region.findData("north"))
    dlg.factor.setValue(0.61)
    dlg.source.setText("MEE announcement, data year 2024")
    dlg._add()
    assert "1 factor(s) added." in dlg.message.text()
    assert dlg.model.data(dlg.model.index(0, 0)) == "2024" and dlg.model.rowCount() == 20
    dlg.year.setValue(2023)
    dlg._add()
    assert "already has a north factor of 0.6361" in dlg.message.text() and dlg.model.rowCount() == 20
    dlg.close()
    qtbot.waitUntil(lambda: pool.shutdown(100), timeout=30000)
    store.close()


def test_in_memory_store_builds_on_the_gui_thread(qtbot, memory_store):
    from solarfleet.app.gui.carbon_controller import CarbonController
    from solarfleet.app.gui.workers import WorkerPool
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.widgets.carbon_view import CarbonView
    seed_if_empty(memory_store)   # loads, but no simulation run: no ledger, said in the view
    view = CarbonView()
    qtbot.addWidget(view)
    pool = WorkerPool(max_threads=1)
    ctl = CarbonController(view, memory_store, pool)
    assert ctl.refresh() is None and ctl.ledger is None and "No ledger yet" in view.summary.text()
    assert ctl.tab_title == "Carbon"
    ctl.run_finished(True)   # a cancelled run changes nothing
    assert pool.shutdown(1000)


def test_apply_what_if_to_the_fleet_is_one_undoable_edit(qtbot, simulated_db):
    from solarfleet.app.gui.carbon_controller import CarbonController
    from solarfleet.app.gui.fleet_controller import FleetController
    from solarfleet.app.gui.workers import WorkerPool
    from solarfleet.models.store import get_battery, load_park, open_store
    from solarfleet.widgets.carbon_view import CarbonView
    store = open_store(simulated_db)
    fleet = FleetController(store)
    view = CarbonView()
    qtbot.addWidget(view)
    pool = WorkerPool(max_threads=1)
    asked = []
    ctl = CarbonController(view, store, pool, fleet=fleet, confirm=lambda text: asked.append(text) or True)
    park = "Gu'an Asia No.1 (Langfang)"
    before = load_park(store, park).dc_capacity
    with qtbot.waitSignal(ctl.failed) as sig:
        view.whatIfCommitRequested.emit(park, 2000.0, 1000.0)
    after = load_park(store, park).dc_capacity
    assert abs(after - (before + 2e6)) < 0.05 * before and "Run the simulation" in sig.args[0]
    assert "1,000 kWh battery" in asked[0] and get_battery(store, park).capacity == 1e6
    fleet.undo_stack.undo()
    assert load_park(store, park).dc_capacity == before
    with qtbot.waitSignal(ctl.failed) as sig:
        view.whatIfCommitRequested.emit(park, -before / 1000, 0.0)
    assert "removes all PV" in sig.args[0] and load_park(store, park).dc_capacity == before
    ctl.confirm = lambda text: False
    view.whatIfCommitRequested.emit(park, 500.0, 0.0)
    assert load_park(store, park).dc_capacity == before
    assert pool.shutdown(1000)
    store.close()


def test_carbon_tab_in_the_window_after_a_run(qtbot, isolated_data_dir):
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.paths import db_path
    app = Application(make_settings(), providers_for=providers_for)
    assert app.open(db_path(), seed_demo=True)
    qtbot.addWidget(app.window)
    w, s = app.window, app.session
    try:
        if s.runs.is_running():   # a new database runs on first start
            with qtbot.waitSignal(s.runs.finished, timeout=60000):
                pass
        else:
            with qtbot.waitSignal(s.runs.finished, timeout=60000):
                w.act_run.trigger()
        assert w.tabs.tabText(w.tabs.indexOf(w.carbon.view)) == "Carbon"
        w.tabs.setCurrentWidget(w.carbon.view)   # shown: the ledger is built
        qtbot.waitUntil(lambda: w.carbon.ledger is not None, timeout=30000)
        assert len(w.carbon.ledger.park_names) == 9 and "location-based" in w.carbon.view.summary.text()
    finally:
        pool = s.pool
        app.shutdown()
        assert pool.pool.activeThreadCount() == 0
