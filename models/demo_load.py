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
    for name in store.park_names():
        if name not in setup:
            continue
        if not replace and store.list_load_series(name):
            continue
        park = store.park(name)
        params = SyntheticLoadParams(**{"floor_area": sum(r.area for r in park.roofs), **setup[name]["params"]})
        temp_air = None
        wid = store.default_weather(name)
        if wid is not None:  # HVAC follows the park's own weather year when it has one
            weather, _ = store.load_weather(wid)
            temp_air = weather.get("temp_air")
        data, meta = _synth_load(params, year, interval_minutes, park.tz, temp_air)
        meta["meter"] = "synthetic"
        work.append((name, params, data, meta, setup[name]["battery"]))
    with store.db.atomic():
        for name, params, data, meta, battery in work:
            if replace:
                store.delete_load_series(name)
            store.add_load_series(name, data, meta, {"gaps": []}, kind="synthetic")
            store.set_synthetic_load_params(name, params)
            if tariff is not None and store.get_tariff(name) is None:
                store.set_tariff(name, tariff)
            if battery is not None and store.get_battery(name) is None:
                store.set_battery(name, battery)
            done.append(name)
    return done
