"""The equipment library table: modules and inverters that are not in pvlib's CEC databases.

Items are :class:`~solarfleet.models.simulation.equipment.Module` or
:class:`~solarfleet.models.simulation.equipment.Inverter`; arrays reference them by key
(``lib:Manufacturer Model``). :func:`load_equipment` also registers every stored item with the
catalog, so fleets that use them validate and simulate; call it after opening a store.
"""
from __future__ import annotations

import json

from solarfleet.models.simulation import catalog
from solarfleet.models.simulation.equipment import Inverter, Module
from solarfleet.models.store.connection import Store, StoreError, utc_now

__all__ = ["add_equipment", "load_equipment", "delete_equipment", "merge_equipment", "EquipmentExistsError"]


class EquipmentExistsError(StoreError, ValueError):
    """An item with this manufacturer and model is already in the library (nothing was written)."""


def add_equipment(store: Store, item, *, replace: bool = False) -> None:
    """Store a module or inverter (one transaction) and register it with the catalog.

    Raises
    ------
    EquipmentExistsError
        The key exists and ``replace`` is false.
    """
    if not isinstance(item, (Module, Inverter)):
        raise TypeError("item must be a Module or an Inverter")
    row = {"key": item.key, "kind": item.kind, "manufacturer": item.manufacturer, "model": item.model,
           "source": item.source, "source_file": item.source_file,
           "parameters": json.dumps(item.parameters, allow_nan=False), "added_utc": utc_now()}
    with store.db.atomic():
        old = store.db.execute("SELECT kind FROM equipment WHERE key = ?", [item.key]).fetchone()
        if old is not None and not replace:
            raise EquipmentExistsError(f"{item.key[len('lib:'):]}: already in the equipment library ({old[0]}); "
                                       "use replace to overwrite it")
        if old is not None:
            store.db.execute("DELETE FROM equipment WHERE key = ?", [item.key])
        store.db["equipment"].insert(row)
    catalog.register(item)


def load_equipment(store: Store, kind: str | None = None) -> list:
    """Every library item (or only ``kind`` ``'module'`` / ``'inverter'``), by manufacturer and model,
    each registered with the catalog."""
    sql = "SELECT kind, manufacturer, model, source, source_file, parameters FROM equipment"
    args = []
    if kind is not None:
        sql += " WHERE kind = ?"
        args.append(kind)
    out = []
    for k, man, model, source, source_file, params in store.db.execute(sql + " ORDER BY manufacturer, model", args):
        cls = Module if k == "module" else Inverter
        item = cls(man, model, json.loads(params), source, source_file)
        catalog.register(item)
        out.append(item)
    return out


def delete_equipment(store: Store, key: str) -> bool:
    """Remove a library item; ``True`` if it existed. Arrays that use it stop validating."""
    with store.db.atomic():
        n = store.db.execute("DELETE FROM equipment WHERE key = ?", [key]).rowcount
    catalog.unregister(key)
    return n > 0


def merge_equipment(store: Store, items) -> list:
    """Store the library items of an imported fleet file: new ones are added, identical ones skipped.

    Returns the keys added. Raises :class:`EquipmentExistsError` (nothing written) when the library
    holds the same manufacturer and model with other parameters.
    """
    added = []
    with store.db.atomic():
        for item in items:
            row = store.db.execute("SELECT parameters FROM equipment WHERE key = ?", [item.key]).fetchone()
            if row is None:
                add_equipment(store, item)
                added.append(item.key)
            elif json.loads(row[0]) != item.parameters:
                raise EquipmentExistsError(f"{item.key[len('lib:'):]}: the equipment library holds other parameters "
                                           "for this manufacturer and model; rename one of them (nothing was imported)")
    return added
