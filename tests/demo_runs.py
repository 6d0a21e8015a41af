"""A demo database with one stored simulation run, shared by tests that need real results."""
from __future__ import annotations


def simulated_demo_store(path, park: str):
    """A database at ``path`` seeded with the demo fleet and one stored run of ``park`` on its own weather."""
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_fleet
    from solarfleet.models.store import load_fleet, open_store, save_run
    from solarfleet.models.weather.park_weather import weather_for_park
    store = open_store(path)
    seed_if_empty(store)
    fleet = load_fleet(store, [park])
    save_run(store, run_metadata(fleet, SimulationOptions(), 0.0, 0.0),
             list(simulate_fleet(fleet, lambda p: weather_for_park(store, p))))
    return store
