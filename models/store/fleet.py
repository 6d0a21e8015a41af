"""Parks, roofs and arrays: the fleet as stored, read and written whole park by park.

A replaced park keeps its row id and position, so everything attached to it (weather, consumption,
tariffs, surveys) survives; every write is one transaction.
"""
from __future__ import annotations

import json
from dataclasses import replace as dc_replace
from typing import Iterable, Optional

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof
from solarfleet.models.store.connection import Store, StoreError, set_meta, utc_now

__all__ = ["ParkExistsError", "park_names", "park_updates", "is_empty", "load_fleet", "load_park", "add_park",
           "delete_park", "rename_park", "import_fleet", "find_park_id", "require_park_id", "touch", "write_park",
           "replace_park", "insert_park", "park_position", "ON_CONFLICT"]


#: What an import does with a park whose name is taken.
ON_CONFLICT = ("error", "replace", "skip", "rename")


class ParkExistsError(StoreError, ValueError):
    """An import names a park that the database already holds."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"park {name!r} already exists in the database "
                         "(choose --on-conflict replace, skip or rename)")


_ARRAY_COLUMNS = ("dc_model", "pdc0", "gamma_pdc", "module", "modules_per_string", "strings", "racking",
                  "temperature_model",
                  "module_type", "surface_tilt", "surface_azimuth", "gcr", "albedo", "inverter_model",
                  "dc_ac_ratio", "eta_inv_nom", "inverter", "inverters", "degradation")
_ROOF_COLUMNS = ("roof_type", "area", "surface_tilt", "surface_azimuth", "height")
_PARK_COLUMNS = ("latitude", "longitude", "altitude", "tz", "grid_region", "notes")


def park_names(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT name FROM parks ORDER BY position, id")]


def park_updates(store: Store) -> dict:
    """``{park name: last change (ISO 8601 UTC)}`` of every park."""
    return {r[0]: r[1] for r in store.db.execute("SELECT name, updated_utc FROM parks")}


def is_empty(store: Store) -> bool:
    return store.db.execute("SELECT count(*) FROM parks").fetchone()[0] == 0


def load_fleet(store: Store, names: Optional[Iterable[str]] = None) -> Fleet:
    """The fleet as stored, or only the parks in ``names`` (``KeyError`` for an unknown one)."""
    rows = list(store.db.query("SELECT * FROM parks ORDER BY position, id"))
    if names is not None:
        wanted = {n.strip().casefold() for n in names}
        found = {r["name"].casefold() for r in rows}
        missing = wanted - found
        if missing:
            raise KeyError(sorted(missing)[0])
        rows = [r for r in rows if r["name"].casefold() in wanted]
    if not rows:
        return Fleet(())
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    roofs: dict = {}
    for r in store.db.query(f"SELECT * FROM roofs WHERE park_id IN ({marks}) ORDER BY position, id", ids):
        roofs.setdefault(r["park_id"], []).append(r)
    arrays: dict = {}
    for a in store.db.query(
            f"SELECT arrays.* FROM arrays JOIN roofs ON roofs.id = arrays.roof_id "
            f"WHERE roofs.park_id IN ({marks}) ORDER BY arrays.position, arrays.id", ids):
        arrays.setdefault(a["roof_id"], []).append(a)
    parks = []
    for p in rows:
        try:
            parks.append(_park_from_rows(p, roofs, arrays))
        except ValueError as exc:  # a value older versions accepted (e.g. tz 'localtime'): name the park
            raise StoreError(f"park {p['name']!r} in {store.path}: {exc} — correct it in the app's park editor "
                             "or with solarfleet-cli fleet import") from None
    return Fleet(tuple(parks))


def _park_from_rows(p: dict, roofs: dict, arrays: dict) -> Park:
    """A :class:`Park` from its row and its roofs' and arrays' rows (by park and roof id)."""
    built_roofs = []
    for r in roofs.get(p["id"], []):
        built_arrays = tuple(_array_from_row(a) for a in arrays.get(r["id"], []))
        built_roofs.append(Roof(name=r["name"], arrays=built_arrays, **{c: r[c] for c in _ROOF_COLUMNS}))
    return Park(name=p["name"], roofs=tuple(built_roofs), **{c: p[c] for c in _PARK_COLUMNS})


def load_park(store: Store, name: str) -> Park:
    """One park by name (case-insensitive); ``KeyError`` if none."""
    return load_fleet(store, [name]).parks[0]

# -- writing the fleet --


def add_park(store: Store, park: Park, *, replace: bool = False) -> None:
    """Store ``park`` with its roofs and arrays in one transaction.

    ``replace=True`` swaps out a park of the same name, keeping its place in the list.
    """
    with store.db.atomic():
        write_park(store, park, replace=replace)


def delete_park(store: Store, name: str) -> None:
    with store.db.atomic():
        cur = store.db.execute("DELETE FROM parks WHERE name = ?", [name])
        if cur.rowcount == 0:
            raise KeyError(name)
        touch(store)


def rename_park(store: Store, old: str, new: str) -> None:
    park = load_park(store, old)
    renamed = dc_replace(park, name=new)
    with store.db.atomic():
        if new.casefold() != old.casefold() and find_park_id(store, new) is not None:
            raise ParkExistsError(new)
        store.db.execute("UPDATE parks SET name = ?, updated_utc = ? WHERE name = ?",
                        [renamed.name, utc_now(), old])
        touch(store)


def import_fleet(store: Store, fleet: Fleet, on_conflict: str = "error") -> dict:
    """Store every park of ``fleet`` in one transaction.

    Parameters
    ----------
    fleet : Fleet
    on_conflict : {'error', 'replace', 'skip', 'rename'}
        What to do with a park whose name exists: refuse the whole import, replace the
        stored park, keep the stored one, or store the new one as ``"name (2)"``.

    Returns
    -------
    dict
        Names of parks ``added``, ``replaced``, ``skipped`` and ``renamed`` (old → new).
    """
    if on_conflict not in ON_CONFLICT:
        raise ValueError(f"on_conflict must be one of {', '.join(ON_CONFLICT)} (got {on_conflict!r})")
    report = {"added": [], "replaced": [], "skipped": [], "renamed": {}}
    with store.db.atomic():
        for park in fleet.parks:
            exists = find_park_id(store, park.name) is not None
            if exists and on_conflict == "error":
                raise ParkExistsError(park.name)
            if exists and on_conflict == "skip":
                report["skipped"].append(park.name)
                continue
            if exists and on_conflict == "rename":
                n = 2
                while find_park_id(store, f"{park.name} ({n})") is not None:
                    n += 1
                new = dc_replace(park, name=f"{park.name} ({n})")
                report["renamed"][park.name] = new.name
                write_park(store, new, replace=False)
                continue
            write_park(store, park, replace=exists)
            report["replaced" if exists else "added"].append(park.name)
    return report


def find_park_id(store: Store, name: str) -> Optional[int]:
    """Row id of park ``name``, or None."""
    row = store.db.execute("SELECT id FROM parks WHERE name = ?", [name.strip()]).fetchone()
    return None if row is None else row[0]


def require_park_id(store: Store, park_name: str) -> int:
    """Row id of park ``park_name``; ``KeyError`` if there is none."""
    pid = find_park_id(store, park_name)
    if pid is None:
        raise KeyError(park_name)
    return pid


def touch(store: Store) -> None:
    """Mark the fleet as changed now (``meta.fleet_changed_utc``)."""
    set_meta(store, "fleet_changed_utc", utc_now())


def write_park(store: Store, park: Park, *, replace: bool, old_name: Optional[str] = None,
                position: Optional[int] = None) -> None:
    """Insert ``park``, or (``replace=True``) update the stored park in place.

    A replaced park keeps its row id and position, so everything attached to it (weather,
    consumption, tariffs, surveys) survives; only its roofs and arrays are swapped.
    ``old_name`` replaces a park that had another name (a rename); ``position`` puts a new
    park at that list index (0 = first) instead of last.
    """
    old_id = find_park_id(store, old_name if old_name is not None else park.name)
    if old_name is not None and old_id is None:
        raise KeyError(old_name)
    clash = find_park_id(store, park.name)
    if clash is not None and (not replace or clash != old_id):
        raise ParkExistsError(park.name)
    fields = {"name": park.name, "updated_utc": utc_now(), **{c: getattr(park, c) for c in _PARK_COLUMNS}}
    if old_id is not None:
        store.db["parks"].update(old_id, fields)
        store.db.execute("DELETE FROM roofs WHERE park_id = ?", [old_id])
        park_id = old_id
    else:
        names = park_names(store)
        if position is None or position >= len(names):
            position = len(names)
        for i, name in enumerate(names):  # positions stay 0..n-1, with a gap at ``position``
            store.db.execute("UPDATE parks SET position = ? WHERE name = ?", [i + (i >= position), name])
        park_id = store.db["parks"].insert({"position": position, **fields}).last_pk
    for ri, roof in enumerate(park.roofs):
        roof_id = store.db["roofs"].insert(
            {"park_id": park_id, "position": ri, "name": roof.name,
             **{c: getattr(roof, c) for c in _ROOF_COLUMNS}}).last_pk
        if roof.arrays:
            store.db["arrays"].insert_all(
                [_array_row(a, roof_id, ai, _table_columns(store, "arrays")) for ai, a in enumerate(roof.arrays)])
    touch(store)


def replace_park(store: Store, old_name: str, park: Park) -> None:
    """Replace the park called ``old_name`` by ``park`` (which may carry a new name), in one
    transaction; it keeps its id and place. ``KeyError`` if none, :class:`ParkExistsError` if
    the new name belongs to another park."""
    with store.db.atomic():
        write_park(store, park, replace=True, old_name=old_name)


def insert_park(store: Store, park: Park, position: Optional[int] = None) -> None:
    """Store a new ``park`` at list ``position`` (0 = first; ``None`` = last), in one transaction."""
    with store.db.atomic():
        write_park(store, park, replace=False, position=position)


def park_position(store: Store, name: str) -> int:
    """Index of park ``name`` in the stored list order; ``KeyError`` if none."""
    for i, n in enumerate(park_names(store)):
        if n.casefold() == name.strip().casefold():
            return i
    raise KeyError(name)


def _table_columns(store: Store, table: str) -> set:
    """Columns ``table`` has in this file (a file being built at an older schema version lacks newer ones)."""
    return {r[1] for r in store.db.execute(f"PRAGMA table_info({table})")}


def _array_row(a: Array, roof_id: int, position: int, columns: set) -> dict:
    row = {"roof_id": roof_id, "position": position, "name": a.name,
           **{c: getattr(a, c) for c in _ARRAY_COLUMNS if c in columns}}
    row["losses"] = json.dumps(a.losses.to_dict())
    row["commissioned"] = a.commissioned.isoformat() if a.commissioned else None
    return row


def _array_from_row(r: dict) -> Array:
    return Array(name=r["name"], losses=Losses(**json.loads(r["losses"])), commissioned=r["commissioned"],
                 **{c: r[c] for c in _ARRAY_COLUMNS if c in r})
