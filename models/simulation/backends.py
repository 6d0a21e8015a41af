"""Where a fleet study runs: in this process, in a local process pool, or on a Dask cluster.

A study is split into independent **park tasks** (:class:`ParkTask`): one park, its weather
(or the seed of a synthetic year to make on the worker), the model options and an optional
horizon — plain, picklable data with no database connection and no Qt. :func:`run_task`
turns one task into a :class:`~solarfleet.models.simulation.engine.ParkResult` (hourly arrays and aggregates),
or into only what the caller keeps, computed where the task ran: a small :class:`ParkSummary`
(energies only) for ensembles, a stored run's rows (``stored``), or what a ``reduce`` function
makes of the result. The same function runs everywhere, so the numbers are the same everywhere.

A :class:`Backend` runs tasks and hands results back **as they complete**:

* :class:`InProcess` (the default): one after the other in the calling thread;
* :class:`LocalProcesses`: a :class:`concurrent.futures.ProcessPoolExecutor` of ``workers``
  processes ("spawn" start method, as on Windows and macOS);
* :class:`DaskCluster`: a Dask ``distributed`` scheduler at an address such as
  ``tcp://host:8786`` (or an existing ``distributed.Client``). ``dask[distributed]`` is the
  optional ``cluster`` extra; this module imports it only when a :class:`DaskCluster` is made.
  A worker that dies mid-task is replaced by the scheduler, which reruns its tasks; a task
  that raises is retried ``retries`` times. Park tasks travel in **batches** of equal work
  (:func:`plan_batches`; local processes use them too): a park's weather years together, sized
  so scheduling costs about 1 % of the compute, at most :data:`IN_FLIGHT_PER_SLOT` batches per
  worker thread in flight (memory stays bounded, results stream back as they finish). A synthetic year is made on the
  worker and kept in its per-process cache keyed by site and seed, so each worker makes each
  site-year once. Before a study the workers' versions of SolarFleet,
  pvlib, numpy, pandas and scipy are compared with the caller's: a mismatch is refused
  (the numbers, and the versions a stored run records, would not hold).

The same study gives bit-identical numbers on every backend (tested): the tasks carry the
same inputs to the same function, and nothing in it depends on the process it runs in.

The caller owns the database: it writes the results in one transaction
(:func:`solarfleet.models.store.save_run`; :func:`simulate_and_store_on` writes each park as it
arrives) — workers never see it. Progress and Cancel follow
:func:`solarfleet.models.simulation.engine.simulate_fleet`: ``progress(done, total, park_name)`` is called with
``done = 0`` before anything finishes, after each finished task (naming its park) and with
``done == total`` at the end; ``cancel()`` returning True cancels the outstanding tasks and
raises :class:`~solarfleet.models.simulation.engine.SimulationCancelled`.

High-level entry points: :func:`simulate_fleet_on` (a run, results in fleet order),
:func:`simulate_and_store_on` (a run stored as it streams in) and :func:`simulate_ensemble`
(N weather years × fleet → P50/P90 per park and for the fleet). docs/scaling.md measures and
models what a cluster task costs.
"""
from __future__ import annotations

import copy
import functools
import math
import pickle
import time as _time
from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from solarfleet.models.fleet import Fleet, Park
from solarfleet.models.simulation import kernels
from solarfleet.models.simulation.engine import (ParkResult, SimulationCancelled, SimulationError, SimulationOptions, simulate_park)

__all__ = [
    "BackendError", "ParkTask", "ParkSummary", "EnsembleResult", "Backend", "InProcess", "LocalProcesses",
    "DaskCluster", "make_backend", "run_task", "run_tasks", "fleet_tasks", "ensemble_tasks",
    "simulate_fleet_on", "simulate_ensemble", "synthetic_weather", "check_address", "DEFAULT_RETRIES",
    "RECOMMENDED_WORKER_CONFIG", "plan_batches", "run_batch", "run_pickled_batch", "simulate_and_store_on",
]

#: How many times a Dask task that raised is resubmitted before the study fails.
DEFAULT_RETRIES = 2
#: Seconds to wait for a Dask scheduler before giving up [s].
CONNECT_TIMEOUT = 10.0
#: How often a waiting backend checks ``cancel()`` [s].
POLL_SECONDS = 0.1


class BackendError(RuntimeError):
    """The backend cannot be used (extra not installed, scheduler unreachable, bad address)."""


# --- tasks -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParkTask:
    """One independent unit of a study: a park on one weather year.

    Parameters
    ----------
    key : str
        Unique within the study (e.g. the park name, or ``"park|seed 3"``).
    park : Park
    options : SimulationOptions
    weather : pandas.DataFrame, optional
        The weather set (see :func:`solarfleet.models.simulation.engine.simulate_park`). ``None``: synthesise it
        on the worker with ``seed``.
    metadata : dict
        The weather's metadata.
    seed : int, optional
        Seed of :func:`solarfleet.models.weather.synthetic.synth_typical_year` when ``weather`` is None.
    horizon : mapping, optional
        Far horizon, azimuth [°] → elevation [°].
    summary : bool
        Return a :class:`ParkSummary` (energies only) instead of the full :class:`ParkResult`.
    label : str
        The weather year's label in an ensemble ("" for a plain run).
    equipment : tuple
        The equipment-library items (modules, inverters) the park's arrays use, taken from the
        caller's catalog, so a worker process knows them too (filled in when not given).
    reduce : callable, optional
        A module-level function (it travels by name) applied to the :class:`ParkResult` on the
        worker; its return value is the task's result — e.g. a study's monthly energies instead of
        the hourly frames.
    stored : bool
        Return what a stored run keeps of the park (:func:`solarfleet.models.store.run_rows.aggregate_run`
        of it: summary rows, energy aggregates, AC at the active intervals as float32 blobs), ready for
        :func:`solarfleet.models.store.save_run` — a few MB instead of the result's hourly frames.
    """

    key: str
    park: Park
    options: SimulationOptions
    weather: Optional[pd.DataFrame] = None
    metadata: dict = field(default_factory=dict)
    seed: Optional[int] = None
    horizon: Optional[Mapping] = None
    summary: bool = False
    label: str = ""
    equipment: tuple = ()
    stored: bool = False
    reduce: Optional[Callable] = None

    def __post_init__(self):
        if self.weather is None and self.seed is None:
            raise SimulationError(f"{self.key}: a task needs weather or a synthetic-weather seed")
        if not self.equipment:
            from solarfleet.models.simulation import catalog
            keys = {k for _, a in self.park.iter_arrays() for k in (a.module, a.inverter) if k}
            object.__setattr__(self, "equipment", tuple(i for i in catalog.library_items() if i.key in keys))


@dataclass
class ParkSummary:
    """Energies of one park on one weather year (what an ensemble task sends back).

    Attributes
    ----------
    key, park, label : str
        Task key, park name and weather-year label.
    energy : float
        AC energy of the park over the intervals with weather [Wh].
    array_energy : pandas.Series
        AC energy per array [Wh], indexed by ``"roof/array"``.
    dc_capacity : float
        DC nameplate of the park [W].
    missing_intervals : int
    weather : dict
        Metadata of the weather set (``seed`` for a synthetic year).
    seconds : float
        Compute time on the worker [s].
    """

    key: str
    park: str
    label: str
    energy: float
    array_energy: pd.Series
    dc_capacity: float
    missing_intervals: int
    weather: dict
    seconds: float


def synthetic_weather(park: Park, seed: int) -> tuple[pd.DataFrame, dict]:
    """The seeded synthetic typical year of ``park``'s site (deterministic: same seed, same year).

    Kept per process for the sites and seeds last used (parks of one site share it).
    """
    data, meta = _synthetic_year(float(park.latitude), float(park.longitude), park.altitude, str(park.tz),
                                 int(seed))
    return data.copy(), copy.deepcopy(meta)


@functools.lru_cache(maxsize=128)
def _synthetic_year(latitude: float, longitude: float, altitude, tz: str, seed: int):
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, meta = synth_typical_year(latitude, longitude, altitude=altitude, seed=seed, tz=tz)
    return data, {**meta, "seed": seed}


def run_task(task: ParkTask, cancel: Optional[Callable[[], bool]] = None,
             workspace: Optional[kernels.Workspace] = None) -> Union[ParkResult, ParkSummary]:
    """Compute one task; the function every backend runs (module level, so it pickles by name).
    ``workspace``: working memory shared by the tasks of a batch (:class:`kernels.Workspace`)."""
    from solarfleet.models.simulation import catalog
    for item in task.equipment:  # library modules/inverters, known here even in a fresh worker process
        catalog.register(item)
    if task.weather is None:
        data, metadata = synthetic_weather(task.park, task.seed)
    else:
        data, metadata = task.weather, task.metadata
    result = simulate_park(task.park, data, metadata, task.options, horizon=task.horizon, cancel=cancel,
                           workspace=workspace)
    if task.reduce is not None:
        return task.reduce(result)
    if task.stored:
        from solarfleet.models.store.run_rows import aggregate_run
        return aggregate_run([result])
    if not task.summary:
        return result
    return ParkSummary(key=task.key, park=task.park.name, label=task.label, energy=result.energy,
                       array_energy=result.arrays["energy"].copy(), dc_capacity=result.dc_capacity,
                       missing_intervals=int(result.missing_intervals), weather=dict(result.weather),
                       seconds=result.seconds)


#: Batches per worker thread a study is cut into (at least): enough that the last ones to finish leave
#: the other workers idle only briefly (tests/bench/cluster_speed.py, docs/scaling.md).
BATCHES_PER_SLOT = 8
#: Smallest batch worth a cluster task [array-years]: ≈ 0.1 s of compute (0.13 ms per array-year)
#: against ≈ 2 ms of scheduling and a few kB of transfer per task, so the overhead stays near 2 %
#: (docs/scaling.md).
MIN_BATCH_ARRAY_YEARS = 600
#: Largest batch [array-years] of tasks that return a stored run's rows or a full park result
#: (hourly series): bounds the bytes one batch sends back (≈ 20 kB per array-year stored).
MAX_SERIES_BATCH_ARRAY_YEARS = 1000
#: Batches submitted per worker thread at once; further batches wait for results to be consumed.
IN_FLIGHT_PER_SLOT = 2


def _task_cost(task: ParkTask) -> int:
    """A task's work in array-years (the engine's cost grows with arrays × hours)."""
    return max(1, sum(1 for _ in task.park.iter_arrays()))


def plan_batches(tasks: Sequence[ParkTask], slots: int) -> list[list[int]]:
    """Cut a study into cluster tasks of about equal work, each batch one unit of scheduling.

    Batches aim at ``total / (BATCHES_PER_SLOT × slots)`` array-years, at least
    :data:`MIN_BATCH_ARRAY_YEARS` (overhead) and, for tasks that return hourly series, at most
    :data:`MAX_SERIES_BATCH_ARRAY_YEARS` (memory); their number is a multiple of ``slots`` (every
    worker ends at about the same time) and at least ``min(tasks, 2 × slots)``. A park's weather
    years stay together, and parks of one site next to each other (a worker makes each synthetic
    site-year once, in its cache).

    Parameters
    ----------
    tasks : sequence of ParkTask
    slots : int
        Worker threads available.

    Returns
    -------
    list of list of int
        Task indices per batch, every task exactly once.
    """
    if not tasks:
        return []
    slots = max(1, int(slots))
    order = sorted(range(len(tasks)), key=lambda i: (float(tasks[i].park.latitude), float(tasks[i].park.longitude),
                                                     tasks[i].park.name, i))
    costs = [_task_cost(tasks[i]) for i in order]
    total = float(sum(costs))
    n = total / max(MIN_BATCH_ARRAY_YEARS, total / (BATCHES_PER_SLOT * slots))
    if not all(tasks[i].summary for i in order):
        n = max(n, total / MAX_SERIES_BATCH_ARRAY_YEARS)
    n = math.ceil(n - 1e-9)
    if n > slots:
        n = slots * math.ceil(n / slots)
    n = min(len(tasks), max(n, 2 * slots))
    batches, current, done = [], [], 0.0
    for i, c in zip(order, costs):
        current.append(i)
        done += c
        if done >= (len(batches) + 1) * total / n - 1e-9:
            batches.append(current)
            current = []
    if current:
        batches.append(current)
    return batches


def run_batch(tasks: Sequence[ParkTask]) -> list:
    """:func:`run_task` on each task of a batch (one cluster task), results in the same order."""
    workspace = kernels.Workspace()
    return [run_task(t, workspace=workspace) for t in tasks]


def run_pickled_batch(payload: bytes) -> bytes:
    """:func:`run_batch` on a batch pickled as one object, its results pickled as one: what a cluster
    task carries out and back.

    Handed a list, Dask pickles each item apart: the park a task shares with its other weather
    years travelled once per year, and the scheduler and the caller unpickled every task and every
    result one by one (measured: 0.8 s of the caller's 1.45 s CPU in a 200,000 array-year study,
    0.45 s with the results alone). One payload each way carries each park once and passes the
    scheduler unopened.
    """
    return pickle.dumps(run_batch(pickle.loads(payload)), protocol=pickle.HIGHEST_PROTOCOL)


def _check_weather_here(park: Park, data, metadata) -> None:
    """Refuse unusable weather in the caller, before anything is sent to a worker (and retried there)."""
    from solarfleet.models.simulation.engine import WeatherError, check_weather
    try:
        check_weather(data, metadata)
    except WeatherError as exc:
        raise WeatherError(f"{park.name}: {exc}") from None


def _parks_with_arrays(fleet: Fleet) -> list[Park]:
    return [p for p in fleet.parks if any(True for _ in p.iter_arrays())]


def fleet_tasks(fleet: Fleet, weather_for: Callable[[Park], tuple], options: Optional[SimulationOptions] = None,
                horizon_for: Optional[Callable[[Park], object]] = None, stored: bool = False) -> list[ParkTask]:
    """One task per park with arrays, weather fetched here (in the caller, who owns the store).

    Parameters
    ----------
    stored : bool
        Tasks return the rows a stored run keeps (see :class:`ParkTask`).
    weather_for : callable
        ``weather_for(park) -> (data, metadata)``, e.g. ``lambda p: weather_for_park(store, p)``.
    horizon_for : callable, optional
        ``horizon_for(park)`` → horizon profile or ``None``.
    """
    options = options or SimulationOptions()
    tasks = []
    for park in _parks_with_arrays(fleet):
        data, metadata = weather_for(park)
        _check_weather_here(park, data, metadata)
        tasks.append(ParkTask(key=park.name, park=park, options=options, weather=data, metadata=dict(metadata),
                              horizon=horizon_for(park) if horizon_for is not None else None, stored=stored))
    return tasks


YearSource = Union[int, Callable[[Park], tuple]]


def _year_items(years) -> list[tuple[str, YearSource]]:
    if isinstance(years, Mapping):
        items = [(str(k), v) for k, v in years.items()]
    else:
        items = []
        for v in years:
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
                raise SimulationError(f"years: give seeds (whole numbers) or a mapping label → source (got {v!r})")
            items.append((f"seed {int(v)}", int(v)))
    if not items:
        raise SimulationError("years: an ensemble needs at least one weather year")
    labels = [k for k, _ in items]
    if len(set(labels)) != len(labels):
        raise SimulationError("years: labels must be unique")
    for label, v in items:
        if not (callable(v) or (isinstance(v, (int, np.integer)) and not isinstance(v, bool))):
            raise SimulationError(f"years[{label!r}]: must be a seed or weather_for(park) -> (data, metadata)")
    return items


def ensemble_tasks(fleet: Fleet, years, options: Optional[SimulationOptions] = None) -> list[ParkTask]:
    """Tasks for every park × weather year, returning energies only (:class:`ParkSummary`).

    Parameters
    ----------
    years : sequence of int, or mapping of str to (int or callable)
        Seeds of synthetic typical years (made on the workers, so nothing large is shipped),
        or ``label → seed`` / ``label → weather_for(park) -> (data, metadata)`` for stored
        years (loaded here, in the caller).
    """
    options = options or SimulationOptions()
    tasks = []
    for label, source in _year_items(years):
        for park in _parks_with_arrays(fleet):
            key = f"{park.name}|{label}"
            if callable(source):
                data, metadata = source(park)
                _check_weather_here(park, data, metadata)
                tasks.append(ParkTask(key=key, park=park, options=options, weather=data, metadata=dict(metadata),
                                      summary=True, label=label))
            else:
                tasks.append(ParkTask(key=key, park=park, options=options, seed=int(source), summary=True,
                                      label=label))
    return tasks


# --- backends --------------------------------------------------------------------------------------

class Backend:
    """Runs park tasks and yields ``(task, result)`` as each completes.

    Subclasses implement :meth:`iter_results`. A backend may be used for several studies;
    :meth:`close` (or ``with``) releases what it started.
    """

    name = "backend"

    def iter_results(self, tasks: Sequence[ParkTask], cancel: Optional[Callable[[], bool]] = None
                     ) -> Iterator[tuple[ParkTask, object]]:
        raise NotImplementedError

    def describe(self) -> str:
        return self.name

    def close(self) -> None:
        """Release processes and connections this backend started."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class InProcess(Backend):
    """Tasks one after the other in the calling thread (Cancel also acts between array chunks)."""

    name = "in-process"

    def iter_results(self, tasks, cancel=None):
        for task in tasks:
            if cancel is not None and cancel():
                raise SimulationCancelled(task.park.name)
            yield task, run_task(task, cancel=cancel)


def _check_cancel(cancel, pending_name: str) -> None:
    if cancel is not None and cancel():
        raise SimulationCancelled(pending_name)


class LocalProcesses(Backend):
    """A pool of ``workers`` local processes (spawned: no inherited threads, the same on every OS).

    The pool starts on first use and is kept for later studies until :meth:`close`. Tasks go in
    batches (:func:`plan_batches`), at most :data:`IN_FLIGHT_PER_SLOT` per process at once. Cancel
    drops the batches not yet started and waits for the running ones.
    """

    name = "local processes"

    def __init__(self, workers: int = 2):
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise BackendError(f"workers: must be a whole number of at least 1 (got {workers!r})")
        self.workers = workers
        self._pool = None

    def describe(self) -> str:
        return f"{self.workers} local processes"

    def _executor(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def start(self) -> "LocalProcesses":
        """Start the worker processes now (they import the models once) rather than on first use."""
        self._executor().submit(int, 0).result()
        return self

    def iter_results(self, tasks, cancel=None):
        from concurrent.futures import FIRST_COMPLETED, wait
        pool = self._executor()
        tasks = list(tasks)
        queue = iter(plan_batches(tasks, self.workers))  # as on a cluster: batches, bounded in flight
        futures: dict = {}

        def submit() -> None:
            batch = next(queue, None)
            if batch is not None:
                futures[pool.submit(run_batch, [tasks[i] for i in batch])] = batch

        for _ in range(IN_FLIGHT_PER_SLOT * self.workers):
            submit()
        try:
            while futures:
                done, _ = wait(set(futures), timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                for f in done:
                    batch = futures.pop(f)
                    results = f.result()
                    submit()
                    for i, result in zip(batch, results):
                        yield tasks[i], result
                if futures:
                    _check_cancel(cancel, tasks[next(iter(futures.values()))[0]].park.name)
        finally:
            if futures:  # cancelled, failed, or the consumer stopped early
                for f in futures:
                    f.cancel()
                wait(set(futures))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskCluster(Backend):
    """A Dask ``distributed`` cluster.

    Parameters
    ----------
    address : str, optional
        Scheduler address, e.g. ``"tcp://10.0.0.5:8786"``. The client connects at construction
        and is closed by :meth:`close`.
    client : distributed.Client, optional
        An existing client instead of ``address`` (not closed by :meth:`close`).
    retries : int
        Resubmissions of a task that raised (a worker that *dies* is handled by the scheduler,
        which reruns its tasks elsewhere, up to ``distributed.scheduler.allowed-failures``).
    timeout : float, optional
        Seconds to wait for the scheduler [s] (default :data:`CONNECT_TIMEOUT`).

    Workers need the same SolarFleet version installed (``pip install solarfleet[cluster]``).
    """

    name = "dask"

    def __init__(self, address: Optional[str] = None, *, client=None, retries: int = DEFAULT_RETRIES,
                 timeout: Optional[float] = None):
        if (address is None) == (client is None):
            raise BackendError("DaskCluster: give a scheduler address or a client (one of them)")
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise BackendError(f"retries: must be a whole number of at least 0 (got {retries!r})")
        self.retries = retries
        self._own = client is None
        if client is None:
            address = check_address(address)
            distributed = _import_distributed()
            try:
                client = distributed.Client(address, timeout=CONNECT_TIMEOUT if timeout is None else timeout,
                                            set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise BackendError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.client = client
        self.address = client.scheduler.address

    def describe(self) -> str:
        n = len(self.client.scheduler_info().get("workers", {}))
        return f"Dask cluster at {self.address} ({n} workers)"

    def check_versions(self) -> dict:
        """Refuse workers whose numerical stack differs from this process's (their numbers would too).

        Compares :data:`VERSION_KEYS` of :func:`solarfleet.models.simulation.engine.software_versions` on the
        scheduler (it unpickles the tasks) and every connected worker; returns
        ``{"scheduler" or worker address: versions}``.

        Raises
        ------
        BackendError
            Naming the worker, the package and both versions.
        """
        from solarfleet.models.simulation.engine import software_versions
        here = software_versions()
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise BackendError(f"no workers are connected to the Dask scheduler at {self.address}; start some "
                               f"with: dask worker {self.address}") from None
        try:  # the scheduler unpickles the tasks too, so it needs SolarFleet as well
            scheduler = self.client.run_on_scheduler(_worker_versions)
        except (ImportError, RuntimeError) as exc:
            raise BackendError(f"the Dask scheduler at {self.address} cannot import SolarFleet ({exc}): install the "
                               "same SolarFleet version where the scheduler runs (pip install 'solarfleet[cluster]')"
                               ) from None
        try:
            theirs = self.client.run(_worker_versions)
        except (ImportError, RuntimeError) as exc:
            raise BackendError(f"the workers of {self.address} cannot import SolarFleet ({exc}): install the same "
                               "SolarFleet version on every worker (pip install 'solarfleet[cluster]')") from None
        theirs = {"scheduler": scheduler, **theirs}
        for worker, versions in theirs.items():
            for k in VERSION_KEYS:
                if k in versions and versions.get(k) != here.get(k) and "unknown" not in (versions.get(k), here.get(k)):
                    raise BackendError(f"{'the scheduler' if worker == 'scheduler' else 'worker ' + worker} runs {k} {versions.get(k)}, this computer {here.get(k)}: "
                                       "install the same versions on the workers (results would differ)")
        return theirs

    def slots(self) -> int:
        """Threads the connected workers offer (tasks that can run at once)."""
        workers = self.client.scheduler_info().get("workers", {})
        return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def iter_results(self, tasks, cancel=None):
        distributed = _import_distributed()
        self.check_versions()
        import uuid
        study = uuid.uuid4().hex[:12]
        tasks = list(tasks)
        slots = self.slots()
        batches = plan_batches(tasks, slots)
        # at most IN_FLIGHT_PER_SLOT batches per worker thread are submitted at once: results (and the
        # caller's memory) arrive at the pace the caller consumes them, whatever the size of the study
        queue = iter(enumerate(batches))
        futures: dict = {}
        ready = distributed.as_completed(loop=self.client.loop)

        def submit() -> bool:
            nxt = next(queue, None)
            if nxt is None:
                return False
            j, batch = nxt
            payload = pickle.dumps([tasks[i] for i in batch], protocol=pickle.HIGHEST_PROTOCOL)
            f = self.client.submit(run_pickled_batch, payload, pure=False, retries=self.retries,
                                   key=f"solarfleet-{study}-{j}-{_safe_key(tasks[batch[0]].key)}")
            futures[f] = batch
            ready.add(f)
            return True

        for _ in range(max(2, IN_FLIGHT_PER_SLOT * slots)):
            if not submit():
                break
        try:
            while futures:
                done = ready.next_batch(block=False)
                if not done:
                    _check_cancel(cancel, tasks[next(iter(futures.values()))[0]].park.name)
                    _time.sleep(POLL_SECONDS / 2)
                    continue
                for f in done:
                    batch = futures.pop(f)
                    results = pickle.loads(f.result())
                    f.release()
                    submit()
                    for i, result in zip(batch, results):
                        yield tasks[i], result
        finally:
            ready.clear()
            if futures:
                self.client.cancel(list(futures))

    def close(self) -> None:
        if self._own and self.client is not None:
            self.client.close()
            self.client = None


#: Dask settings measured to suit SolarFleet's workers (tests/bench/cluster_speed.py), for
#: ``dask.config.set`` around a LocalCluster or as environment variables of ``dask worker``
#: (README): the statistical profiler off (it samples the busy thread every 10 ms), and large
#: arrays served from the heap, kept there once freed: the nanny's default
#: ``MALLOC_TRIM_THRESHOLD_`` of 64 kB turns off glibc's adaptive thresholds, so every hourly
#: array × time matrix was page-faulted in anew, first from a fresh ``mmap`` each time, then (with
#: only the mmap threshold raised) from a heap trimmed back after each park. The mmap threshold took
#: the workers' CPU per array-year from 1.7× to 1.35× the in-process figure (20,000 arrays × 10
#: years, 2 workers); the trim threshold took their page faults in a 100,000 array-year study
#: from 290,000–380,000 to 8,000–10,000 per worker and their CPU down 13–18 % (2 workers ×1.87
#: with 1.05× the in-process CPU per array-year, from ×1.71 and 1.11×).
#: The event-loop tick (20 ms by default, only to warn of a blocked loop) and the system monitor
#: (500 ms, for the dashboard) slowed: an idle scheduler and client then cost 1.1 % of a core
#: instead of 3 %, each idle worker 0.6 % instead of 1.5 % (measured on a LocalCluster) — CPU
#: paid per second of wall time, which a busy machine stretches (docs/scaling.md).
RECOMMENDED_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 33554432,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 268435456,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}

#: Packages whose versions must match between the caller and the workers.
VERSION_KEYS = ("solarfleet", "pvlib", "numpy", "pandas", "scipy")


def _worker_versions() -> dict:
    from solarfleet.models.simulation.engine import software_versions
    return software_versions()


def _safe_key(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in key)[:60]


def check_address(address) -> str:
    """A scheduler address in canonical form (``host:port`` becomes ``tcp://host:port``).

    Raises
    ------
    BackendError
        Naming the address and the expected form.
    """
    if not isinstance(address, str) or not address.strip():
        raise BackendError("cluster address: give the scheduler address, e.g. tcp://10.0.0.5:8786")
    given = address.strip()
    address = given if "://" in given else "tcp://" + given
    scheme, rest = address.split("://", 1)
    host, sep, port = rest.rpartition(":")
    if (scheme not in ("tcp", "tls", "ws", "wss") or not sep or not host.strip("[]") or "/" in rest
            or not port.isdigit() or not 1 <= int(port) <= 65535):
        raise BackendError(f"cluster address {given!r}: expected tcp://host:port, e.g. tcp://10.0.0.5:8786 "
                           "(tls://, ws:// and wss:// also work)")
    return address


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise BackendError("running on a Dask cluster needs the optional extra: "
                           "pip install 'solarfleet[cluster]' (dask[distributed])") from None
    return distributed


def make_backend(cluster: Optional[str] = None, processes: Optional[int] = None,
                 retries: int = DEFAULT_RETRIES) -> Backend:
    """The backend for a scheduler address, a local process count, or neither (in-process)."""
    if cluster and processes:
        raise BackendError("choose a cluster address or a number of local processes, not both")
    if cluster:
        return DaskCluster(cluster, retries=retries)
    if processes:
        return LocalProcesses(processes)
    return InProcess()


def run_tasks(tasks: Sequence[ParkTask], backend: Optional[Backend] = None,
              progress: Optional[Callable[[int, int, str], None]] = None,
              cancel: Optional[Callable[[], bool]] = None) -> Iterator[tuple[ParkTask, object]]:
    """Yield ``(task, result)`` as each task completes, reporting progress; see the module notes."""
    backend = backend or InProcess()
    tasks = list(tasks)
    keys = [t.key for t in tasks]
    if len(set(keys)) != len(keys):
        raise SimulationError("tasks: keys must be unique within a study")
    total = len(tasks)
    if progress is not None:
        progress(0, total, tasks[0].park.name if tasks else "")
    done = 0
    for task, result in backend.iter_results(tasks, cancel=cancel):
        done += 1
        if progress is not None:
            progress(done, total, task.park.name)
        yield task, result
    if progress is not None:
        progress(total, total, "")


# --- studies ---------------------------------------------------------------------------------------

def simulate_fleet_on(backend: Optional[Backend], fleet: Fleet, weather_for: Callable[[Park], tuple],
                      options: Optional[SimulationOptions] = None,
                      progress: Optional[Callable[[int, int, str], None]] = None,
                      cancel: Optional[Callable[[], bool]] = None,
                      horizon_for: Optional[Callable[[Park], object]] = None,
                      on_result: Optional[Callable[[ParkResult], None]] = None) -> list[ParkResult]:
    """:func:`solarfleet.models.simulation.engine.simulate_fleet` on a backend: every park's result, in fleet order.

    ``on_result(park_result)`` is called as each park completes (any order), e.g. to plot it.
    Store the list with :meth:`solarfleet.models.store.Store.save_run` (one transaction).
    """
    tasks = fleet_tasks(fleet, weather_for, options, horizon_for)
    if not tasks:
        raise SimulationError("the fleet has no arrays to simulate")
    by_key = {}
    for task, result in run_tasks(tasks, backend, progress, cancel):
        by_key[task.key] = result
        if on_result is not None:
            on_result(result)
    return [by_key[t.key] for t in tasks]


def simulate_and_store_on(backend: Optional[Backend], store, fleet: Fleet, weather_for: Callable[[Park], tuple],
                          options: Optional[SimulationOptions] = None,
                          progress: Optional[Callable[[int, int, str], None]] = None,
                          cancel: Optional[Callable[[], bool]] = None,
                          horizon_for: Optional[Callable[[Park], object]] = None, note: str = "") -> int:
    """Simulate ``fleet`` on a backend and store the run, each park written as it arrives.

    The workers send back only what the run keeps (:class:`ParkTask` ``stored``), the caller writes
    each park into the open transaction as it completes, and holds at most the batches in flight:
    memory stays bounded for any fleet. A cancelled or failed study stores nothing.

    Returns
    -------
    int
        The run id (:func:`solarfleet.models.store.save_run`); its ``duration_s`` is the study's wall time.
    """
    from solarfleet.models.simulation.engine import run_metadata
    from solarfleet.models.store import save_run
    options = options or SimulationOptions()
    tasks = fleet_tasks(fleet, weather_for, options, horizon_for, stored=True)
    if not tasks:
        raise SimulationError("the fleet has no arrays to simulate")
    order = {t.key: i for i, t in enumerate(tasks)}
    meta = run_metadata(fleet, options, _time.time(), 0.0, note=note)
    meta.pop("duration_s")  # measured by save_run: the study streams through it
    streamed = (_positioned(result, order[task.key]) for task, result in run_tasks(tasks, backend, progress, cancel))
    return save_run(store, meta, streamed)


def _positioned(rows: dict, position: int) -> dict:
    """A park's run rows placed at its position in the fleet (parks arrive in any order)."""
    return {**rows, "position": position}


@dataclass
class EnsembleResult:
    """A fleet simulated on N weather years.

    Attributes
    ----------
    energy : pandas.DataFrame
        AC energy [Wh]: one row per weather year (label), one column per park, plus ``fleet``.
    array_energy : pandas.DataFrame
        AC energy per array [Wh]: rows are years, columns a ``(park, "roof/array")`` MultiIndex.
    dc_capacity : pandas.Series
        DC nameplate per park [W].
    missing_intervals : pandas.DataFrame
        Years × parks.
    weather : dict
        ``(park, label)`` → weather metadata.
    seconds : float
        Wall time of the study [s].
    compute_seconds : float
        Sum of the tasks' compute time on the workers [s].
    """

    energy: pd.DataFrame
    array_energy: pd.DataFrame
    dc_capacity: pd.Series
    missing_intervals: pd.DataFrame
    weather: dict
    seconds: float
    compute_seconds: float

    @property
    def array_years(self) -> int:
        """Arrays × weather years simulated."""
        return int(self.array_energy.size)

    def exceedance(self, probabilities: Sequence[int] = (50, 75, 90, 99),
                   model_uncertainty: float = 0.05) -> pd.DataFrame:
        """P50/P90… per park and for the fleet [Wh]; see :func:`solarfleet.models.studies.exceedance.exceedance_table`."""
        from solarfleet.models.studies.exceedance import exceedance_table
        return exceedance_table(self.energy, probabilities, model_uncertainty)


def simulate_ensemble(fleet: Fleet, years, backend: Optional[Backend] = None,
                      options: Optional[SimulationOptions] = None,
                      progress: Optional[Callable[[int, int, str], None]] = None,
                      cancel: Optional[Callable[[], bool]] = None) -> EnsembleResult:
    """Simulate every park on every weather year (P50/P90 study); see :func:`ensemble_tasks`.

    A year with missing intervals in any park is kept but counted in
    :attr:`EnsembleResult.missing_intervals` — its energy covers only the hours with weather.
    """
    t0 = _time.perf_counter()
    tasks = ensemble_tasks(fleet, years, options)
    if not tasks:
        raise SimulationError("the fleet has no arrays to simulate")
    labels = list(dict.fromkeys(t.label for t in tasks))
    parks = list(dict.fromkeys(t.park.name for t in tasks))
    results: dict = {}
    for task, summary in run_tasks(tasks, backend, progress, cancel):
        results[(task.park.name, task.label)] = summary
    energy = pd.DataFrame({p: [results[(p, y)].energy for y in labels] for p in parks}, index=labels)
    energy["fleet"] = energy[parks].sum(axis=1)
    energy.index.name = "year"
    blocks = {p: pd.DataFrame([results[(p, y)].array_energy.to_numpy() for y in labels], index=labels,
                              columns=results[(p, labels[0])].array_energy.index) for p in parks}
    array_energy = pd.concat(blocks, axis=1, names=["park", "array"])
    missing = pd.DataFrame({p: [results[(p, y)].missing_intervals for y in labels] for p in parks}, index=labels)
    return EnsembleResult(
        energy=energy, array_energy=array_energy,
        dc_capacity=pd.Series({p: results[(p, labels[0])].dc_capacity for p in parks}),
        missing_intervals=missing, weather={k: v.weather for k, v in results.items()},
        seconds=_time.perf_counter() - t0, compute_seconds=float(sum(v.seconds for v in results.values())))
