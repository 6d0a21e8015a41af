"""The models a session is wired to: simulation runs, stored results, consumption, balance, and files
dropped on a park. :func:`providers_for` makes them for every database the app opens (passed to
:class:`solarfleet.app.gui.application.Application`, which hands it to
:func:`solarfleet.app.gui.session.open_session`).

Threads: the run job and the importer run on pool threads and open their own connection from the
database path; the providers ``load_for``, ``balance_for`` and ``stored_results`` run on the GUI
thread with the session's connection.
"""
from __future__ import annotations

import logging
import time
from functools import partial
from pathlib import Path
from typing import Callable, Optional

from solarfleet.models.energy.balance_report import BalanceInputError, balance_report
from solarfleet.models.store import open_store
from solarfleet.models.store import (add_load_series, add_weather, latest_run_id, load_run, load_run_ac,
    park_consumption, park_names, park_updates, run_parks, save_run)

from solarfleet.app.gui.session import Providers

__all__ = ["providers_for", "load_stored_results", "simulation_job_factory", "import_park_file"]

log = logging.getLogger(__name__)


def simulation_job_factory(db_path, options=None, cluster: Optional[Callable[[], Optional[str]]] = None):
    """``factory(fleet) -> job`` for :class:`solarfleet.app.gui.run_controller.RunController`.

    The job simulates park by park (yielding each :class:`solarfleet.models.simulation.engine.ParkResult` so the
    plots fill progressively) and stores the run in one transaction at the end; a cancelled run
    stores nothing. ``cluster()`` gives the Dask scheduler address of the settings (None: this
    computer); it is read when the run starts, on the worker thread, where the connection is made too.
    """
    def factory(fleet):
        def job(progress, cancelled):
            address = cluster() if cluster is not None else None
            # pvlib and the engine are imported here, on the worker thread: not while the window opens
            from solarfleet.models.weather.park_weather import weather_for_park
            from solarfleet.models.simulation.engine import (SimulationCancelled, SimulationOptions, run_metadata,
                                                             simulate_fleet)
            opts = options or SimulationOptions()
            store = open_store(db_path)
            try:
                started, t0 = time.time(), time.perf_counter()
                weather_for = lambda park: weather_for_park(store, park)  # noqa: E731
                results = []
                try:
                    for result in (_on_cluster(address, fleet, weather_for, opts, progress, cancelled) if address
                                   else simulate_fleet(fleet, weather_for, opts, progress=progress,
                                                       cancel=cancelled)):
                        results.append(result)
                        yield result
                except SimulationCancelled:
                    return
                if results and not cancelled():
                    order = {p.name: i for i, p in enumerate(fleet.parks)}
                    results.sort(key=lambda r: order.get(r.park, len(order)))  # a cluster answers in any order
                    note = f"SolarFleet app on {address}" if address else "SolarFleet app"
                    save_run(store, run_metadata(fleet, opts, started, time.perf_counter() - t0, note=note),
                                   results)
            finally:
                store.close()
        return job
    return factory


def _on_cluster(address, fleet, weather_for, options, progress, cancelled):
    """Park results from the Dask scheduler at ``address`` as they complete."""
    from solarfleet.models.simulation.backends import fleet_tasks, make_backend, run_tasks
    tasks = fleet_tasks(fleet, weather_for, options)  # weather read here, sent with each task
    with make_backend(address) as backend:
        for _task, result in run_tasks(tasks, backend, progress=progress, cancel=cancelled):
            yield result


def load_stored_results(store, results) -> int:
    """Show the newest stored run of each park in ``results`` (a
    :class:`~solarfleet.app.gui.result_views.ResultsController`); parks edited since are marked stale.

    Returns the number of parks shown.
    """
    updated = park_updates(store)
    shown = 0
    for name in park_names(store):
        rid = latest_run_id(store, name)
        if rid is None:
            continue
        park_row = next(p for p in run_parks(store, rid) if p["park"].casefold() == name.casefold())
        results.set_park_result(name, load_run_ac(store, rid, name), interval_minutes=park_row["interval_minutes"],
                                losses=park_row["losses"], performance_ratio=park_row["performance_ratio"])
        run = load_run(store, rid)
        if updated.get(name, "") > run["started_utc"]:
            results.mark_stale(name)
        shown += 1
    return shown


def _load_for(store):
    def load_for(park):
        got = park_consumption(store, park.name)
        return None if got is None else got[0]
    return load_for


def _balance_for(store):
    def balance_for(park, pv):
        try:
            return balance_report(store, [park], lambda _p: pv).row(park.name)
        except BalanceInputError as exc:
            log.warning("balance of %s: %s", park.name, exc)
            return None
    return balance_for


def import_park_file(db_path, park, path, answers: Optional[dict] = None) -> str:
    """Import a weather or consumption file dropped on ``park``; returns the importer's report as text.

    Weather formats are recognised from content (:func:`solarfleet.models.weather.detect.detect_format`); anything
    else is read as meter data. Runs on a worker thread with its own connection; nothing is stored
    when the file is refused (the error names the file and line).

    Parameters
    ----------
    answers : dict, optional
        Answers to earlier questions about this file (``{'dayfirst': True}``, ``{'encoding': 'gbk'}``).

    Raises
    ------
    solarfleet.models.import_question.ImportQuestion
        The file reads in more than one way: ask, then call again with the answer in ``answers``.
    ValueError
        The file is refused (one line naming the file and line).
    """
    from solarfleet.models.energy.load import LoadFileError, read_meter
    from solarfleet.models.import_question import ImportQuestion
    from solarfleet.models.weather.convention import WeatherFileError
    from solarfleet.models.weather.detect import detect_format, read_weather

    path, answers = Path(path), dict(answers or {})
    question = None
    try:
        fmt = detect_format(path, answers.get("encoding"))
    except ImportQuestion as exc:  # asked only if the meter reader cannot read it either
        fmt, question = None, exc
    except WeatherFileError:
        fmt = None
    store = open_store(db_path)
    try:
        if fmt not in (None, "measured"):
            return _store_weather(store, park, path, *read_weather(path, fmt), fmt)
        try:  # a plain table: meter data first, then measured irradiance
            data, meta, report = read_meter(path, tz=park.tz, dayfirst=answers.get("dayfirst"))
        except LoadFileError as load_error:
            if question is not None and not isinstance(load_error, ImportQuestion):
                raise question from None
            if fmt != "measured":
                raise
            return _store_weather(store, park, path, *_measured_weather(park, path, answers, load_error), fmt)
        with store.db.atomic():
            sid = add_load_series(store, park.name, data, meta, report, meter=path.stem)
        gaps = len(report.get("gaps", []))
        return f"{path.name}: consumption stored as series {sid} for {park.name}; {gaps} gap(s) reported"
    except (WeatherFileError, LoadFileError) as exc:
        if isinstance(exc, ImportQuestion):
            raise
        raise ValueError(str(exc)) from None
    finally:
        store.close()


def _measured_weather(park, path, answers: dict, load_error):
    """``(data, meta)`` of a measured weather table in the park's zone, or ``load_error`` raised if it is not one
    (a question about the weather reading is raised as it is)."""
    from solarfleet.models.import_question import ImportQuestion
    from solarfleet.models.weather.convention import WeatherFileError
    from solarfleet.models.weather.detect import read_weather
    mapping = {"tz": park.tz, "dayfirst": answers.get("dayfirst"), "encoding": answers.get("encoding")}
    try:
        return read_weather(path, "measured", mapping=mapping, latitude=park.latitude, longitude=park.longitude,
                            altitude=park.altitude)
    except ImportQuestion:
        raise
    except WeatherFileError:
        raise load_error from None


def _store_weather(store, park, path, data, meta, fmt) -> str:
    from solarfleet.models.weather.quality import quality_report
    report = quality_report(data, meta)
    wid = add_weather(store, park.name, data, meta, report)
    problems = ", ".join(report.get("problems", [])) or "none"
    return f"{path.name}: weather ({fmt}) stored as set {wid} for {park.name}; quality problems: {problems}"


def _settings_cluster() -> Optional[str]:
    """The scheduler address of the app settings (Run → Compute on…), None for this computer."""
    from solarfleet.models.simulation.backends import BackendError
    from solarfleet.app.gui.application import make_settings
    from solarfleet.app.gui.cluster_settings import cluster_address
    try:
        return cluster_address(make_settings())
    except BackendError as exc:  # a hand-edited, unreadable value: run here and say so in the log
        log.warning("ignoring the cluster address in the settings: %s", exc)
        return None


def providers_for(store) -> Providers:
    """The :class:`~solarfleet.app.gui.session.Providers` of a session on ``store``: the simulation (on
    the computer or cluster of the settings), stored results, consumption, balance and file import."""
    path = store.path
    return Providers(job_factory=simulation_job_factory(path, cluster=_settings_cluster),
                     load_for=_load_for(store), balance_for=_balance_for(store),
                     import_file=partial(import_park_file, path),
                     stored_results=partial(load_stored_results, store))
