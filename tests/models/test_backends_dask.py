"""Fleet studies on a real Dask cluster (LocalCluster: a scheduler and two nanny-supervised worker
processes on 127.0.0.1, no dashboard): identical numbers, a killed worker, Cancel, the CLI.

Skipped when the optional ``cluster`` extra (``dask[distributed]``) is not installed.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

dask = pytest.importorskip("dask", reason="dask not installed: pip install -e '.[cluster]' to run the cluster tests")
distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] not installed: pip install -e '.[cluster]' to run the cluster tests")

sys.path.insert(0, str(Path(__file__).parent))
from backend_reference import assert_identical, small_fleet, weather_sets  # noqa: E402

from solarfleet.models.simulation import backends  # noqa: E402
from solarfleet.models.simulation.backends import (BackendError, DaskCluster, run_tasks, simulate_ensemble, simulate_fleet_on)  # noqa: E402
from solarfleet.models.fleet import Fleet  # noqa: E402
from solarfleet.models.simulation.engine import SimulationCancelled, simulate_fleet  # noqa: E402
from solarfleet.models.store import import_fleet, list_runs, load_run_ac

#: Everything on 127.0.0.1, no dashboard; the scheduler's own HTTP routes on a free local port
#: (by default they take 8787, which a developer's running cluster may hold).
LOCAL = dict(host="127.0.0.1", dashboard_address=None, worker_dashboard_address=None,
             scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


def _children() -> list:
    """Live child processes, less multiprocessing's resource tracker (one per interpreter, by design)."""
    import psutil
    out = []
    for p in psutil.Process().children(recursive=True):
        try:
            if p.status() != psutil.STATUS_ZOMBIE and "multiprocessing.resource_tracker" not in " ".join(p.cmdline()):
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster for the module; on teardown, checks it left no process or thread behind."""
    threads_before = set(threading.enumerate())
    children_before = {p.pid for p in _children()}
    with dask.config.set(backends.RECOMMENDED_WORKER_CONFIG):  # the settings the README recommends
        lc = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **LOCAL)
    yield lc
    lc.close()
    deadline = time.monotonic() + 10
    while True:
        children = [p for p in _children() if p.pid not in children_before]
        threads = [t.name for t in threading.enumerate()
                   if t not in threads_before and t.is_alive() and not t.daemon]
        if (not children and not threads) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert not children, f"worker processes left running: {[p.pid for p in children]}"
    assert not threads, f"threads left running: {threads}"


@pytest.fixture
def backend(cluster):
    """A client connected by address, as the CLI and the app connect; closed after the test."""
    b = DaskCluster(cluster.scheduler_address)
    b.client.wait_for_workers(2, timeout=30)
    yield b
    b.close()


@pytest.fixture(scope="module")
def fleet(demo_fleet):
    return small_fleet(demo_fleet)


@pytest.fixture(scope="module")
def weather(fleet):
    return weather_sets(fleet)


def _scheduler_tasks(client) -> int:
    return client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))


def _scheduler_tasks_soon(client, timeout: float = 10.0) -> int:
    """Tasks the scheduler still holds once releases and cancels have arrived (they are messages)."""
    deadline = time.monotonic() + timeout
    while (n := _scheduler_tasks(client)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return n


def test_same_numbers_in_process_and_on_the_cluster(backend, fleet, weather):
    local = list(simulate_fleet(fleet, lambda p: weather[p.name]))
    seen = []
    remote = simulate_fleet_on(backend, fleet, lambda p: weather[p.name],
                               progress=lambda d, t, n: seen.append(d))
    assert [r.park for r in remote] == [p.name for p in fleet.parks]
    for a, b in zip(remote, local):
        assert_identical(a, b)
    assert local[0].missing_intervals == 12
    assert seen == [0, 1, 2, 3, 3]
    # ensembles: synthetic years made on the workers, the same to the last bit
    sub = Fleet(fleet.parks[:2])
    here = simulate_ensemble(sub, [0, 1])
    there = simulate_ensemble(sub, [0, 1], backend=backend)
    pd.testing.assert_frame_equal(here.energy, there.energy, check_exact=True)
    pd.testing.assert_frame_equal(here.array_energy, there.array_energy, check_exact=True)
    assert _scheduler_tasks_soon(backend.client) == 0  # results were released, nothing piles up


def test_a_killed_worker_is_replaced_and_the_study_completes(backend, fleet):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL to kill a worker process")
    client = backend.client
    pids = client.run(os.getpid)  # worker address → pid
    sub = Fleet(fleet.parks[:2])
    years = [10, 11, 12, 13]
    killed = {}

    def progress(done, total, name):
        if done == 1 and not killed:  # the study is under way: kill a worker that holds a task
            busy = {w: keys for w, keys in client.processing().items() if keys}
            victim = next(iter(busy))
            killed.update(address=victim, pid=pids[victim], tasks=list(busy[victim]))
            os.kill(pids[victim], signal.SIGKILL)

    result = simulate_ensemble(sub, years, backend=backend, progress=progress)
    assert killed and killed["tasks"], "the test must kill a worker while it holds a task"
    assert result.energy.shape == (4, 3) and np.isfinite(result.energy.to_numpy()).all()
    # the nanny started a new worker process; the killed one is gone
    client.wait_for_workers(2, timeout=30)
    assert killed["pid"] not in client.run(os.getpid).values()
    # and the rerun tasks gave the same numbers as an undisturbed in-process study
    here = simulate_ensemble(sub, years)
    pd.testing.assert_frame_equal(here.energy, result.energy, check_exact=True)


def test_cancel_cancels_the_outstanding_tasks(backend, fleet):
    calls = []
    with pytest.raises(SimulationCancelled):
        simulate_ensemble(fleet, [20, 21, 22], backend=backend, progress=lambda d, t, n: calls.append(d),
                          cancel=lambda: len(calls) >= 2)
    assert max(calls) < 9
    assert _scheduler_tasks_soon(backend.client) == 0
    # a consumer that stops early cancels the rest too
    from solarfleet.models.simulation.backends import ensemble_tasks
    gen = run_tasks(ensemble_tasks(fleet, [23, 24]), backend)
    next(gen)
    gen.close()
    assert _scheduler_tasks_soon(backend.client) == 0


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    import socket
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(backends, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(BackendError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        DaskCluster(f"tcp://127.0.0.1:{port}")


def test_cli_simulate_on_the_cluster_stores_the_same_run(cluster, fleet, tmp_path, capsys, monkeypatch):
    from solarfleet.app.cli import main
    from solarfleet.models.store import open_store
    db = tmp_path / "cluster.db"
    with open_store(db) as store:  # two parks (PVWatts and CEC arrays)
        import_fleet(store, Fleet(fleet.parks[:2]))
    # the first run makes and stores each park's synthetic year; later runs read it back (stored as float32,
    # so a park's first run differs slightly from the next: compare two runs on the same stored weather)
    assert main(["--db", str(db), "--no-demo", "simulate", "--no-save", "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--no-demo", "simulate", "--json"]) == 0
    local = json.loads(capsys.readouterr().out)
    assert main(["--db", str(db), "--no-demo", "simulate", "--cluster", cluster.scheduler_address, "--json"]) == 0
    remote = json.loads(capsys.readouterr().out)
    assert remote["backend"].startswith(f"Dask cluster at {cluster.scheduler_address}")
    assert remote["parks"] == local["parks"] and remote["fleet"] == local["fleet"]
    with open_store(db) as store:
        runs = list_runs(store)
        assert [r["id"] for r in runs] == [remote["run_id"], local["run_id"]]
        assert "Dask cluster" in runs[0]["note"]
        park = local["parks"][0]["name"]
        a, b = load_run_ac(store, local["run_id"], park), load_run_ac(store, remote["run_id"], park)
        assert np.array_equal(a.to_numpy(), b.to_numpy(), equal_nan=True)
    # a scheduler that is not there: one clear line, nothing stored
    monkeypatch.setattr(backends, "CONNECT_TIMEOUT", 1.0)
    assert main(["--db", str(db), "simulate", "--cluster", "tcp://127.0.0.1:9", "--json"]) == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert main(["--db", str(db), "simulate", "--cluster", "http://x:1"]) == 1
    assert "expected tcp://host:port" in capsys.readouterr().err
    with open_store(db) as store:
        assert len(list_runs(store)) == 2
    # the P50/P90 yield study with its members on the cluster: the same numbers as in this process
    args = ["--db", str(db), "yield", "--p", "50,90", "--members", "3", "--park", park, "--no-save", "--json"]
    assert main(args) == 0
    here = json.loads(capsys.readouterr().out)["annual"]
    assert main(args + ["--cluster", cluster.scheduler_address]) == 0
    there = json.loads(capsys.readouterr().out)["annual"]
    assert there == here and there[0]["p90_mwh"] < there[0]["p50_mwh"]


def test_workers_with_other_versions_are_refused(backend, fleet, weather, monkeypatch):
    import solarfleet.models.simulation.engine as sim
    theirs = backend.check_versions()
    assert len(theirs) == 3 and "scheduler" in theirs and all(v["pvlib"] == sim.software_versions()["pvlib"] for v in theirs.values())
    real = sim.software_versions
    monkeypatch.setattr(sim, "software_versions", lambda: {**real(), "pvlib": "0.0.1"})
    with pytest.raises(BackendError, match=r"(worker|scheduler).* runs pvlib .*, this computer 0\.0\.1"):
        simulate_fleet_on(backend, Fleet(fleet.parks[:1]), lambda p: weather[p.name])
    assert _scheduler_tasks_soon(backend.client) == 0  # nothing was submitted


def test_a_scheduler_without_workers_is_a_clear_error(fleet, weather, monkeypatch):
    monkeypatch.setattr(backends, "CONNECT_TIMEOUT", 0.5)
    with distributed.LocalCluster(n_workers=0, processes=False, protocol="tcp", **LOCAL) as lc:
        with DaskCluster(lc.scheduler_address) as b:
            with pytest.raises(BackendError, match="no workers are connected.*dask worker tcp://127.0.0.1"):
                simulate_fleet_on(b, Fleet(fleet.parks[:1]), lambda p: weather[p.name])


def test_stored_run_on_the_cluster_is_the_run_stored_here(backend, fleet, weather, memory_store):
    """Workers return the stored rows (no hourly frames); parks are written as they arrive, to the same bits."""
    import time as _t
    from backend_reference import stored_run_rows
    from solarfleet.models.simulation.engine import SimulationOptions, run_metadata
    from solarfleet.models.store import save_run
    import_fleet(memory_store, fleet)
    local = list(simulate_fleet(fleet, lambda p: weather[p.name]))
    here = save_run(memory_store, run_metadata(fleet, SimulationOptions(), _t.time(), 1.0), local)
    there = backends.simulate_and_store_on(backend, memory_store, fleet, lambda p: weather[p.name])
    assert stored_run_rows(memory_store, here) == stored_run_rows(memory_store, there)
    assert _scheduler_tasks_soon(backend.client) == 0


def test_batches_in_flight_are_bounded(backend, fleet, monkeypatch):
    """However many batches a study has, at most IN_FLIGHT_PER_SLOT per worker thread are on the cluster."""
    monkeypatch.setattr(backends, "MIN_BATCH_ARRAY_YEARS", 1)  # small batches: many more than in flight
    tasks = backends.ensemble_tasks(fleet, list(range(30, 42)))
    batches = backends.plan_batches(tasks, backend.slots())
    limit = backends.IN_FLIGHT_PER_SLOT * backend.slots()
    assert len(batches) > 2 * limit
    held = []
    for _ in run_tasks(tasks, backend, progress=lambda d, t, n: held.append(_scheduler_tasks(backend.client))):
        pass
    assert max(held) <= limit + 1  # + a consumed batch whose release message is still on its way
    here = simulate_ensemble(Fleet(fleet.parks[:1]), [30, 31])
    there = simulate_ensemble(Fleet(fleet.parks[:1]), [30, 31], backend=backend)
    pd.testing.assert_frame_equal(here.array_energy, there.array_energy, check_exact=True)
