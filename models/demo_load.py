"""Consumption set-up of the demo fleet: synthetic loads, batteries and the example tariff.

Reads ``resources/demo_loads.json`` (illustrative, labelled as such) and writes, for each demo
park present in a store, a synthetic consumption series, its parameters, the example TOU tariff
and any battery — in one transaction.
"""
from __future__ import annotations

import copy
import json

from solarfleet.models.energy.battery import Battery
from solarfleet.models.resources import resource_path
from solarfleet.models.energy.synthetic_load import SyntheticLoadParams, synth_park_load
from solarfleet.models.store import (add_load_series, default_weather, delete_load_series, get_battery, get_tariff,
    list_load_series, load_park, load_weather, park_names, set_battery, set_synthetic_load_params, set_tariff)

__all__ = ["demo_load_setup", "seed_demo_loads"]


def demo_load_setup() -> dict:
    """``{park name: {"params": dict, "battery": Battery or None}}`` plus ``"_tariff"`` ("example")."""
    d = json.loads(resource_path("demo_loads.json").read_text(encoding="utf-8"))
    out = {name: {"params": v["params"], "battery": Battery(**v["battery"]) if v.get("battery") else None}
           for name, v in d["parks"].items()}
    out["_tariff"] = d.get("tariff")
    return out


_LOAD_CACHE: dict = {}


def _synth_load(params, year, interval_minutes, tz, temp_air):
    """:func:`synth_park_load`, remembered per process: it is seeded and deterministic, and a new
    database (File → New, every test) seeds the same demo parks again."""
    import hashlib
    temp_key = None if temp_air is None else hashlib.sha1(temp_air.to_numpy().tobytes()
                                                          + str(temp_air.index[0]).encode()).hexdigest()
    key = (params, year, interval_minutes, tz, temp_key)
    if key not in _LOAD_CACHE:
        _LOAD_CACHE[key] = synth_park_load(params, year=year, interval_minutes=interval_minutes, tz=tz,
                                           temp_air=temp_air)
    data, meta = _LOAD_CACHE[key]
    return data.copy(), copy.deepcopy(meta)


def seed_demo_loads(store, *, year: int = 2023, interval_minutes: int = 60, replace: bool = False) -> list[str]:
    """Give every demo park in ``store`` that has no consumption data a synthetic load, tariff and battery.

    A park's floor area is its roof area (single-storey warehouses) unless the set-up names one.
    Parks that already have consumption are left alone unless ``replace``.

    Returns
    -------
    list of str
        Names of the parks that were given a load.
    """
    from solarfleet.models.energy.tariff import example_tariff
    setup = demo_load_setup()
    tariff = example_tariff() if setup.pop("_tariff") == "example" else None
    done = []
    work = []
    for name in park_names(store):
        if name not in setup:
            continue
        if not replace and list_load_series(store, name):
            continue
        park = load_park(store, name)
        params = SyntheticLoadParams(**{"floor_area": sum(r.area for r in park.roofs), **setup[name]["params"]})
        temp_air = None
        wid = default_weather(store, name)
        if wid is not None:  # HVAC follows the park's own weather year when it has one
            weather, _ = load_weather(store, wid)
            temp_air = weather.get("temp_air")
        data, meta = _synth_load(params, year, interval_minutes, park.tz, temp_air)
        meta["meter"] = "synthetic"
        work.append((name, params, data, meta, setup[name]["battery"]))
    with store.db.atomic():
        for name, params, data, meta, battery in work:
            if replace:
                delete_load_series(store, name)
            add_load_series(store, name, data, meta, {"gaps": []}, kind="synthetic")
            set_synthetic_load_params(store, name, params)
            if tariff is not None and get_tariff(store, name) is None:
                set_tariff(store, name, tariff)
            if battery is not None and get_battery(store, name) is None:
                set_battery(store, name, battery)
            done.append(name)
    return done
