"""Simulation runs in SQLite: whole or nothing, series back as stored, aggregates that add up."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import weather_year  # noqa: E402

from solarfleet.models.fleet import Fleet  # noqa: E402
from solarfleet.models.simulation.engine import (SimulationCancelled, SimulationOptions, fleet_hash, run_metadata, simulate_and_store, simulate_fleet)
from solarfleet.models.store import open_store  # noqa: E402
from solarfleet.models.store import (list_runs, load_run, load_run_ac, park_names, run_arrays, run_energy,
    run_parks, save_run)

PARKS = ["Shanghai Asia No.1 (Jiading)", "Chengdu Asia No.1 (Xindu)"]


@pytest.fixture(scope="module")
def small_fleet(demo_fleet):
    return Fleet(tuple(demo_fleet.park(n) for n in PARKS))


@pytest.fixture(scope="module")
def weather(small_fleet):
    out = {}
    for i, p in enumerate(small_fleet.parks):
        data, meta = weather_year(p, seed=30 + i, holes=[(1000, 12)] if i == 0 else [])
        out[p.name] = (data, meta)
    return out


@pytest.fixture(scope="module")
def results(small_fleet, weather):
    return list(simulate_fleet(small_fleet, lambda p: weather[p.name]))


def test_run_round_trip(file_store, small_fleet, results):
    meta = run_metadata(small_fleet, SimulationOptions(), time.time(), 1.25, note="test")
    run_id = save_run(file_store, meta, results)
    runs = list_runs(file_store)
    assert [r["id"] for r in runs] == [run_id]
    run = load_run(file_store, run_id)
    assert run["fleet_hash"] == fleet_hash(small_fleet) and len(run["fleet_hash"]) == 64
    assert run["options"]["transposition"] == "perez" and run["versions"]["pvlib"]
    assert run["weather"][PARKS[0]]["kind"] == "synthetic" and run["duration_s"] == 1.25
    assert run["parks"] == 2 and run["arrays"] == sum(len(r.ac.columns) for r in results)
    assert run["missing_intervals"] == 12
    assert run["energy"] == pytest.approx(sum(r.energy for r in results))
    assert sum(run["losses"][k] for k in run["losses"] if k not in ("poa_nominal", "ac")) == pytest.approx(
        run["losses"]["poa_nominal"] - run["losses"]["ac"])
    for r in results:
        back = load_run_ac(file_store, run_id, r.park)
        assert list(back.columns) == list(r.ac.columns)
        assert back.index.equals(r.ac.index) and str(back.index.tz) == "UTC"
        np.testing.assert_allclose(back.to_numpy(), r.ac.to_numpy(), rtol=1e-6, atol=1e-3)  # float32
        assert back.isna().sum().sum() == r.ac.isna().sum().sum()
    parks = run_parks(file_store, run_id)
    assert [p["park"] for p in parks] == PARKS
    assert parks[0]["specific_yield"] == pytest.approx(results[0].specific_yield)
    assert parks[0]["performance_ratio"] == pytest.approx(results[0].performance_ratio)
    assert parks[1]["capacity_factor"] == pytest.approx(results[1].capacity_factor)
    arrays = run_arrays(file_store, run_id, PARKS[0])
    assert len(arrays) == len(results[0].ac.columns)
    assert arrays["losses"][0]["ac"] == pytest.approx(arrays["energy"][0])
    with pytest.raises(KeyError):
        load_run_ac(file_store, run_id, "Nowhere")


def test_aggregates_add_up(memory_store, small_fleet, results):
    run_id = save_run(memory_store, run_metadata(small_fleet, SimulationOptions(), time.time(), 0.5), results)
    r0 = results[0]
    for level in ("park", "roof", "array"):
        totals = {p: run_energy(memory_store, run_id, level, p, PARKS[0])["ac_energy"].sum()
                  for p in ("day", "month", "year")}
        assert totals["day"] == pytest.approx(r0.energy, rel=1e-6)
        assert totals["month"] == pytest.approx(r0.energy, rel=1e-6)
        assert totals["year"] == pytest.approx(r0.energy, rel=1e-6)
    months = run_energy(memory_store, run_id, "park", "month", PARKS[0])
    assert len(months) == 12 and months["period_start"].iloc[0] == "2023-01-01"
    days = run_energy(memory_store, run_id, "park", "day", PARKS[0])
    assert len(days) == 365 and days["period_start"].iloc[-1] == "2023-12-31"
    fleet_year = run_energy(memory_store, run_id, "fleet", "year")
    assert fleet_year["ac_energy"].sum() == pytest.approx(sum(r.energy for r in results), rel=1e-6)
    roofs = run_energy(memory_store, run_id, "roof", "year", PARKS[0])
    assert set(roofs["roof"]) == {r.name for r in small_fleet.parks[0].roofs}
    with pytest.raises(ValueError):
        run_energy(memory_store, run_id, "building", "year")


def test_failed_save_leaves_nothing(memory_store, small_fleet, results):
    meta = run_metadata(small_fleet, SimulationOptions(), time.time(), 0.5)
    with pytest.raises(Exception):
        save_run(memory_store, meta, [results[0], results[0]])  # the same park twice: refused mid-write
    for table in ("sim_runs", "sim_parks", "sim_arrays", "sim_energy"):
        assert memory_store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_cancelled_run_stores_nothing(memory_store, small_fleet, weather):
    asked = []
    with pytest.raises(SimulationCancelled):
        simulate_and_store(memory_store, small_fleet, lambda p: weather[p.name],
                           cancel=lambda: asked.append(1) or len(asked) > 2)
    assert list_runs(memory_store) == []
    run_id, res = simulate_and_store(memory_store, small_fleet, lambda p: weather[p.name])
    assert [r["id"] for r in list_runs(memory_store)] == [run_id]


def test_process_killed_mid_save_leaves_no_partial_run(tmp_path):
    """SIGKILL a process inside the save transaction: the file holds no trace of the run."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    db = tmp_path / "killed.db"
    repo = Path(__file__).resolve().parents[2]
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(repo)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
        from sim_reference import weather_year
        from solarfleet.models.demo import demo_fleet
        from solarfleet.models.fleet import Fleet
        from solarfleet.models.store import runs as runs_module
        from solarfleet.models.simulation.engine import simulate_and_store
        from solarfleet.models.store import import_fleet, open_store
        fleet = Fleet((demo_fleet().park("Kunshan Asia No.1"),))
        store = open_store({str(db)!r})
        import_fleet(store, fleet)
        real = runs_module.aggregate_run
        def slow(results):
            agg = real(results)
            rows = agg["energy_rows"]
            def trickle():
                for i, row in enumerate(rows):
                    if i == 100:
                        print("inside", flush=True)
                        time.sleep(60)
                    yield row
            agg["energy_rows"] = trickle()
            return agg
        runs_module.aggregate_run = slow
        simulate_and_store(store, fleet, lambda p: weather_year(p, seed=1))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=repo)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "inside", proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    store = open_store(db)
    try:
        assert list_runs(store) == []
        for table in ("sim_parks", "sim_arrays", "sim_energy"):
            assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert park_names(store) == ["Kunshan Asia No.1"]
    finally:
        store.close()


def test_schema_version_and_json_is_strict(memory_store, small_fleet, results):
    assert memory_store.schema_version >= 2
    run_id = save_run(memory_store, run_metadata(small_fleet, SimulationOptions(), time.time(), 0.5), results)
    raw = memory_store.db.execute("SELECT weather, losses FROM sim_runs WHERE id = ?", [run_id]).fetchone()
    for text in raw:
        json.loads(text, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
