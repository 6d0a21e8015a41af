"""``solarfleet-cli simulate --processes N``: the same stored run as in-process; bad options refused."""
from __future__ import annotations

import json

import numpy as np

from solarfleet.app.cli import main
from solarfleet.models.fleet import Fleet
from solarfleet.models.store import open_store
from solarfleet.models.store import import_fleet, list_runs, load_run_ac


def test_simulate_in_local_processes_matches(demo_fleet, tmp_path, capsys):
    db = tmp_path / "p.db"
    with open_store(db) as store:
        import_fleet(store, Fleet((demo_fleet.park("Kunshan Asia No.1"),)))
    assert main(["--db", str(db), "--no-demo", "simulate", "--no-save", "--json"]) == 0  # stores the weather
    capsys.readouterr()
    assert main(["--db", str(db), "--no-demo", "simulate", "--json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert main(["--db", str(db), "--no-demo", "simulate", "--processes", "1", "--json"]) == 0
    pooled = json.loads(capsys.readouterr().out)
    assert pooled["backend"] == "1 local processes" and pooled["parks"] == local["parks"]
    # the pool sent back only the stored rows: the per-array months are read back from the run
    assert [(a["park"], a["roof"], a["array"]) for a in pooled["arrays"]] == \
        [(a["park"], a["roof"], a["array"]) for a in local["arrays"]]
    for a, b in zip(pooled["arrays"], local["arrays"]):
        assert a["temperature_model"] == b["temperature_model"] and len(a["months"]) == len(b["months"]) == 12
        for key in ("kwp", "mwh", "dc_mwh", "poa_kwh_m2"):
            assert abs(a[key] - b[key]) <= 0.0011, key
        for ma, mb in zip(a["months"], b["months"]):
            assert ma["month"] == mb["month"]
            assert abs(ma["kwh"] - mb["kwh"]) <= 0.0011 and abs(ma["dc_kwh"] - mb["dc_kwh"]) <= 0.0011
            assert abs(ma["performance_ratio"] - mb["performance_ratio"]) <= 1e-4
    with open_store(db) as store:
        a = load_run_ac(store, local["run_id"], "Kunshan Asia No.1")
        b = load_run_ac(store, pooled["run_id"], "Kunshan Asia No.1")
        assert np.array_equal(a.to_numpy(), b.to_numpy(), equal_nan=True)
        runs = len(list_runs(store))
    for argv, message in ((["--processes", "0"], "--processes: must be at least 1"),
                          (["--retries", "-1"], "--retries: must be 0 or more")):
        assert main(["--db", str(db), "--no-demo", "simulate", *argv]) == 1
        assert message in capsys.readouterr().err
    with open_store(db) as store:
        assert len(list_runs(store)) == runs  # nothing stored by a refused command
