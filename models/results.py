"""Reading simulation results back for the features that use them (balance, live replay, app)."""
from __future__ import annotations

from typing import Optional

import pandas as pd

__all__ = ["NoRunError", "latest_park_ac"]


class NoRunError(LookupError):
    """No stored simulation run covers the park."""


def latest_park_ac(store, park_name: str, run_id: Optional[int] = None) -> tuple[pd.Series, dict]:
    """A park's AC output summed over its arrays, from the newest run that holds it.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park_name : str
    run_id : int, optional
        A specific run instead of the newest.

    Returns
    -------
    ac : pandas.Series
        AC power [W], UTC interval-start index; NaN where the weather had a gap (never 0).
    info : dict
        ``run_id``, ``interval_minutes``, ``weather`` (metadata of the run's weather), ``fleet_hash``.

    Raises
    ------
    NoRunError
        No run holds the park.
    """
    rid = run_id if run_id is not None else store.latest_run_id(park_name)
    if rid is None:
        raise NoRunError(f"no simulation run for park {park_name!r} yet; run a simulation first")
    try:
        frame = store.load_run_ac(rid, park_name)
    except KeyError:
        raise NoRunError(f"run {rid} does not hold park {park_name!r}") from None
    ac = frame.sum(axis=1, min_count=1)
    ac.name = "ac"
    park = next(p for p in store.run_parks(rid) if p["park"].casefold() == park_name.casefold())
    run = store.run(rid)
    return ac, {"run_id": rid, "interval_minutes": park["interval_minutes"], "weather": park["weather"],
                "fleet_hash": run.get("fleet_hash")}
