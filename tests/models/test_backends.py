"""Backends without Dask: park tasks, in-process and local-process runs give the same numbers, Cancel, ensembles."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from backend_reference import assert_identical, small_fleet, weather_sets  # noqa: E402

from solarfleet.models.simulation import backends  # noqa: E402
from solarfleet.models.simulation.backends import (BackendError, InProcess, LocalProcesses, ParkTask, check_address, ensemble_tasks, fleet_tasks, make_backend, run_tasks, simulate_ensemble, simulate_fleet_on, synthetic_weather)
from solarfleet.models.fleet import Fleet  # noqa: E402
from solarfleet.models.simulation.engine import (SimulationCancelled, SimulationError, SimulationOptions, simulate_fleet, simulate_park)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fleet(demo_fleet):
    return small_fleet(demo_fleet)


@pytest.fixture(scope="module")
def weather(fleet):
    return weather_sets(fleet)


@pytest.fixture(scope="module")
def reference(fleet, weather):
    """The plain local run everything else must match."""
    return list(simulate_fleet(fleet, lambda p: weather[p.name]))


@pytest.fixture(scope="module")
def pool():
    """Two spawned local processes, shared by this module's tests and shut down after them.

    Started here so the pool's manager thread predates each test's leftover-thread check.
    """
    backend = LocalProcesses(2).start()
    yield backend
    backend.close()
    assert backend._pool is None


def test_models_import_without_dask():
    code = textwrap.dedent("""
        import sys
        import solarfleet.models, solarfleet.models.simulation.backends, solarfleet.models.simulation.engine
        bad = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'PySide6'))
        print(','.join(bad))
    """)
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_tasks_are_plain_data(fleet, weather):
    import pickle
    tasks = fleet_tasks(fleet, lambda p: weather[p.name])
    assert [t.key for t in tasks] == [p.name for p in fleet.parks]
    back = pickle.loads(pickle.dumps(tasks))
    assert back[0].park == tasks[0].park
    assert back[0].weather.equals(tasks[0].weather)
    with pytest.raises(SimulationError, match="needs weather or a synthetic-weather seed"):
        ParkTask(key="x", park=fleet.parks[0], options=SimulationOptions())


def test_in_process_matches_simulate_fleet(fleet, weather, reference):
    seen = []
    got = simulate_fleet_on(InProcess(), fleet, lambda p: weather[p.name],
                            progress=lambda d, t, n: seen.append((d, t, n)))
    for a, b in zip(got, reference):
        assert_identical(a, b)
    assert reference[0].missing_intervals == 12  # the hole stays missing, never zero
    assert seen[0][:2] == (0, 3) and seen[-1] == (3, 3, "")
    assert [d for d, _, _ in seen] == [0, 1, 2, 3, 3]


def test_local_processes_give_identical_results(fleet, weather, reference, pool):
    order = []
    got = simulate_fleet_on(pool, fleet, lambda p: weather[p.name], on_result=lambda r: order.append(r.park))
    assert sorted(order) == sorted(p.name for p in fleet.parks)
    assert [r.park for r in got] == [p.name for p in fleet.parks]  # fleet order, whatever the completion order
    for a, b in zip(got, reference):
        assert_identical(a, b)


def test_cancel_in_process_and_in_processes(fleet, weather, pool):
    for backend in (InProcess(), pool):
        calls = []

        def progress(done, total, name):
            calls.append(done)

        with pytest.raises(SimulationCancelled):
            simulate_fleet_on(backend, fleet, lambda p: weather[p.name], progress=progress,
                              cancel=lambda: len(calls) >= 2)  # after the first park finished
        assert max(calls) < len(fleet.parks)
    # the pool is still usable after a cancelled study
    got = simulate_fleet_on(pool, Fleet(fleet.parks[:1]), lambda p: weather[p.name])
    assert got[0].park == fleet.parks[0].name


def test_ensemble_on_seeds_matches_single_park_runs(fleet, pool):
    sub = Fleet(fleet.parks[:2])
    res = simulate_ensemble(sub, [3, 5])
    assert list(res.energy.index) == ["seed 3", "seed 5"]
    assert list(res.energy.columns) == [p.name for p in sub.parks] + ["fleet"]
    for park in sub.parks:
        for seed in (3, 5):
            data, meta = synthetic_weather(park, seed)
            assert meta["seed"] == seed and meta["kind"] == "synthetic"
            one = simulate_park(park, data, meta)
            assert res.energy.loc[f"seed {seed}", park.name] == one.energy
            assert np.array_equal(res.array_energy.loc[f"seed {seed}", park.name].to_numpy(),
                                  one.arrays["energy"].to_numpy())
    assert np.array_equal(res.energy["fleet"].to_numpy(), res.energy[[p.name for p in sub.parks]].sum(axis=1))
    assert res.array_years == 2 * sum(1 for p in sub.parks for _ in p.iter_arrays())
    # the same study in two local processes: the same numbers
    again = simulate_ensemble(sub, [3, 5], backend=pool)
    pd.testing.assert_frame_equal(res.energy, again.energy, check_exact=True)
    pd.testing.assert_frame_equal(res.array_energy, again.array_energy, check_exact=True)
    table = res.exceedance((50, 90), model_uncertainty=0.05)
    assert list(table.index) == list(res.energy.columns)
    assert (table["P90"] < table["P50"]).all()


def test_ensemble_on_stored_years_and_bad_years(fleet, weather):
    sub = Fleet(fleet.parks[:1])
    res = simulate_ensemble(sub, {"2023": lambda p: weather[p.name], "seed 0": 0})
    assert list(res.energy.index) == ["2023", "seed 0"]
    assert res.missing_intervals.loc["2023", sub.parks[0].name] == 12
    assert res.missing_intervals.loc["seed 0", sub.parks[0].name] == 0
    for bad in ([], [1.5], [True], {"a": "b"}):
        with pytest.raises(SimulationError, match="years"):
            ensemble_tasks(sub, bad)


def test_duplicate_keys_and_errors_propagate(fleet, weather):
    tasks = fleet_tasks(fleet, lambda p: weather[p.name])
    with pytest.raises(SimulationError, match="unique"):
        list(run_tasks([tasks[0], tasks[0]]))
    broken = ParkTask(key="broken", park=fleet.parks[0], options=SimulationOptions(),
                      weather=weather[fleet.parks[0].name][0].drop(columns=["dni"]))
    with pytest.raises(SimulationError, match="dni"):
        list(run_tasks([tasks[1], broken]))
    # bad weather is refused in the caller, naming the park, before any task is made
    asked = []

    def weather_for(p):
        asked.append(p.name)
        data, meta = weather[p.name]
        return (data.drop(columns=["temp_air"]) if p is fleet.parks[1] else data), meta

    with pytest.raises(SimulationError, match=re.escape(fleet.parks[1].name) + ": weather: missing column.*temp_air"):
        fleet_tasks(fleet, weather_for)
    assert asked == [p.name for p in fleet.parks[:2]]


def test_backend_choice_and_addresses(monkeypatch):
    assert isinstance(make_backend(), InProcess)
    lp = make_backend(processes=3)
    assert isinstance(lp, LocalProcesses) and lp.workers == 3 and lp._pool is None  # nothing started yet
    with pytest.raises(BackendError, match="not both"):
        make_backend("tcp://127.0.0.1:8786", 2)
    with pytest.raises(BackendError, match="at least 1"):
        LocalProcesses(0)
    assert check_address("10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    assert check_address(" tls://sched.example:8786 ") == "tls://sched.example:8786"
    for bad in ("", "http://h:1", "tcp://h", "tcp://h:70000", "h:port"):
        with pytest.raises(BackendError, match="address"):
            check_address(bad)
    # without the optional extra, a cluster backend says how to get it
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(BackendError, match=r"solarfleet\[cluster\]"):
        backends.DaskCluster("tcp://127.0.0.1:8786")


def test_stored_run_streamed_from_a_backend_is_the_run_stored_here(fleet, weather, reference, pool, memory_store):
    """Workers send back only the stored rows; written as they arrive, they are the run save_run stores."""
    from backend_reference import stored_run_rows
    from solarfleet.models.simulation.engine import run_metadata
    from solarfleet.models.store import import_fleet, list_runs, save_run
    import time
    import_fleet(memory_store, fleet)
    here = save_run(memory_store, run_metadata(fleet, SimulationOptions(), time.time(), 1.0), reference)
    seen = []
    there = backends.simulate_and_store_on(pool, memory_store, fleet, lambda p: weather[p.name],
                                           progress=lambda d, t, n: seen.append(d))
    assert stored_run_rows(memory_store, here) == stored_run_rows(memory_store, there)
    assert seen[0] == 0 and seen[-1] == len(fleet.parks)
    # the task's answer is the stored rows, smaller than the park's result even though that keeps its AC,
    # DC and POA at the lit hours only: under half here, for a park of 4 arrays whose daily rows weigh as
    # much as its series (docs/scaling.md measures it per array-year for 200-array parks)
    import pickle
    task = fleet_tasks(fleet, lambda p: weather[p.name], stored=True)[0]
    rows = backends.run_task(task)
    assert len(pickle.dumps(rows)) < 0.5 * len(pickle.dumps(backends.run_task(
        ParkTask(key=task.key, park=task.park, options=task.options, weather=task.weather, metadata=task.metadata))))
    # cancelled: nothing stored
    with pytest.raises(SimulationCancelled):
        backends.simulate_and_store_on(InProcess(), memory_store, fleet, lambda p: weather[p.name],
                                       cancel=lambda: True)
    assert [r["id"] for r in list_runs(memory_store)] == [there, here]


def test_batches_keep_parks_together_and_cover_every_task(fleet):
    from solarfleet.models.simulation.backends import MIN_BATCH_ARRAY_YEARS, plan_batches
    tasks = ensemble_tasks(fleet, list(range(12)))
    for slots in (1, 2, 16):
        batches = plan_batches(tasks, slots)
        flat = [i for b in batches for i in b]
        assert sorted(flat) == list(range(len(tasks)))
        assert len(batches) >= min(len(tasks), 2 * slots)  # every worker gets work
        seen = []
        for b in batches:  # a park's years are consecutive within the plan
            for i in b:
                if not seen or seen[-1] != tasks[i].park.name:
                    seen.append(tasks[i].park.name)
        assert len(seen) == len(fleet.parks)
    # a big study: batches near the overhead floor or above, far fewer than the park-years
    big = tasks * 40
    big = [ParkTask(key=f"{t.key}|{k}", park=t.park, options=t.options, seed=t.seed, summary=True)
           for k, t in enumerate(big)]
    batches = plan_batches(big, 2)
    cost = [sum(sum(1 for _ in big[i].park.iter_arrays()) for i in b) for b in batches]
    assert len(batches) < len(big) / 10
    assert len(batches) % 2 == 0 and max(cost) <= 1.5 * min(cost)  # both workers end together
    assert min(cost[:-1]) >= 0.5 * min(MIN_BATCH_ARRAY_YEARS, sum(cost) / 4)
    assert plan_batches([], 4) == []


def test_yield_study_members_come_back_as_monthly_energies(fleet, pool):
    """A P50/P90 member on a backend returns its monthly energies (kB), the same numbers as in this process."""
    import pickle
    from solarfleet.models.studies.yield_study import member_months, park_ensemble
    park = fleet.parks[0]
    here = park_ensemble(None, park, SimulationOptions(), n_synthetic=3)
    there = park_ensemble(None, park, SimulationOptions(), n_synthetic=3, backend=pool)
    assert there.members == here.members and there.array_keys == here.array_keys
    assert np.array_equal(there.monthly, here.monthly)
    data, meta = synthetic_weather(park, 1)
    result = simulate_park(park, data, meta)
    kept = member_months(result)
    assert len(pickle.dumps(kept)) < 0.01 * len(pickle.dumps(result))
