"""The app's wiring: the dashboard's fleet figures are the CLI's balance figures, to the digit."""
import pytest


def test_dashboard_fleet_kpis_equal_the_balance_report(qtbot, db_path):
    from solarfleet.app.gui.session import open_session
    from solarfleet.app.gui.wiring import providers_for, simulation_job_factory
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.energy.balance_report import balance_report
    from solarfleet.models.store import load_fleet, open_store
    from solarfleet.models.store.runs import latest_park_ac

    with open_store(db_path) as store:
        seed_if_empty(store)
        fleet = load_fleet(store)
    for _ in simulation_job_factory(db_path)(fleet)(lambda *a: None, lambda: False):
        pass
    session = open_session(db_path, providers_for=providers_for)  # shows the stored run, as the app opens it
    try:
        k = session.results.kpis(())
        store = session.store
        rep = balance_report(store, fleet.parks, lambda p: latest_park_ac(store, p.name)[0])
        t = rep.totals
        assert k.self_consumption == pytest.approx(t["self_consumption_ratio"], rel=1e-9)
        assert k.self_sufficiency == pytest.approx(t["self_sufficiency"], rel=1e-9)
        assert k.savings == pytest.approx(t["savings"], rel=1e-9)
        assert k.co2_avoided == pytest.approx(t["co2_kg"], rel=1e-9)
        # the balance counts PV >= 0 (the Sandia inverters' night draw is consumption, not negative PV)
        assert k.annual_energy == pytest.approx(t["pv_wh"], rel=1e-3)
        # a park with a battery: self-sufficiency leaves out battery energy that came from the grid
        xian = session.results.kpis(("Xi'an Asia No.1",))
        assert xian.self_sufficiency == pytest.approx(rep.row("Xi'an Asia No.1")["self_sufficiency"], rel=1e-9)
    finally:
        session.close()
