"""The app's run job on a Dask scheduler (Run → Compute on…): same stored results as on this computer."""
import numpy as np
import pytest
from solarfleet.models.store import list_runs, load_fleet, load_run_ac, run_parks

dask = pytest.importorskip("dask", reason="dask not installed: pip install -e '.[cluster]' to run the cluster tests")
distributed = pytest.importorskip("distributed", reason="dask[distributed] not installed")


@pytest.fixture(scope="module")
def scheduler():
    lc = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    yield lc.scheduler_address
    lc.close()


def _run(db_path, fleet, cluster):
    from solarfleet.app.gui.wiring import simulation_job_factory
    job = simulation_job_factory(db_path, cluster=cluster)(fleet)
    return [r.park for r in job(lambda *a: None, lambda: False)]


def test_cluster_run_stores_the_same_results(tmp_path, scheduler):
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.store import open_store
    db = tmp_path / "c.db"
    with open_store(db) as s:
        seed_if_empty(s)
        fleet = load_fleet(s, ["Xi'an Asia No.1", "Chengdu Asia No.1 (Xindu)"])
    here = _run(db, fleet, None)
    there = _run(db, fleet, lambda: scheduler)
    assert sorted(here) == sorted(there) == sorted(p.name for p in fleet.parks)
    with open_store(db) as s:
        runs = list_runs(s)
        assert len(runs) == 2 and runs[0]["note"] == f"SolarFleet app on {scheduler}"
        for park in fleet.parks:
            a, b = load_run_ac(s, runs[1]["id"], park.name), load_run_ac(s, runs[0]["id"], park.name)
            np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
        assert [p["park"] for p in run_parks(s, runs[0]["id"])] == [p.name for p in fleet.parks]


def test_a_bad_address_is_refused_and_not_stored(qtbot, monkeypatch, isolated_data_dir):
    from PySide6.QtWidgets import QInputDialog
    import solarfleet.app.gui.cluster_menu as cm
    from solarfleet.app.gui.application import make_settings
    from solarfleet.app.gui.cluster_settings import CLUSTER_ADDRESS_KEY
    settings = make_settings()
    errors = []
    monkeypatch.setattr(cm, "show_error", lambda text, details, parent: errors.append(details))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("http://example:80", True)))
    cm.ask_cluster_address(None, settings)
    assert errors and not settings.value(CLUSTER_ADDRESS_KEY, "")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("127.0.0.1:8786", True)))
    cm.ask_cluster_address(None, settings)
    assert settings.value(CLUSTER_ADDRESS_KEY) == "tcp://127.0.0.1:8786"
