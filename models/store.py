"""The SQLite store: schema, migrations and every query, through sqlite-utils.

One file holds a fleet and everything computed from it. Open it with
:func:`open_store`; the returned :class:`Store` owns one connection and must stay on
the thread that opened it (a worker opens its own from the path).

Rules the module keeps:

* WAL journal on local disks, ``foreign_keys=ON``, a ``busy_timeout``.
* ``PRAGMA user_version`` is the schema version. An older file is backed up next to
  itself (``<name>.v<old>-<UTC time>.bak``) and migrated in one transaction; a file
  from a newer SolarFleet is refused with :class:`SchemaTooNewError` and left untouched.
* Every logical write (a park with its roofs and arrays, a whole import) is one
  transaction: it lands whole or not at all.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Optional

import sqlite_utils

from .fleet import Array, Fleet, Losses, Park, Roof

__all__ = ["SCHEMA_VERSION", "StoreError", "SchemaTooNewError", "NotASolarFleetFile", "ParkExistsError",
           "replace_park", "insert_park", "park_position",  # GUI branch
           "Store", "open_store", "ON_CONFLICT"]

#: Version this code writes. Bump it and append to ``_MIGRATIONS`` for every schema change.
SCHEMA_VERSION = 1
#: What an import does with a park whose name is taken.
ON_CONFLICT = ("error", "replace", "skip", "rename")
_APP_ID = 0x53464C54  # "SFLT", in PRAGMA application_id


class StoreError(RuntimeError):
    """The database cannot be used as asked."""


class SchemaTooNewError(StoreError):
    """The file was written by a newer SolarFleet; it is left untouched."""


class NotASolarFleetFile(StoreError):
    """The file is not an SQLite database, or belongs to another application."""


class ParkExistsError(StoreError, ValueError):
    """An import names a park that the database already holds."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"park {name!r} already exists in the database "
                         "(choose --on-conflict replace, skip or rename)")


def _utcnow() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


# --- schema --------------------------------------------------------------------------------------

def _migrate_1(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE parks (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        latitude REAL NOT NULL, longitude REAL NOT NULL, altitude REAL NOT NULL,
        tz TEXT NOT NULL, grid_region TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '',
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE roofs (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        roof_type TEXT NOT NULL, area REAL NOT NULL, surface_tilt REAL NOT NULL,
        surface_azimuth REAL NOT NULL, height REAL NOT NULL,
        UNIQUE (park_id, name)
    );
    CREATE INDEX roofs_park ON roofs(park_id);
    CREATE TABLE arrays (
        id INTEGER PRIMARY KEY,
        roof_id INTEGER NOT NULL REFERENCES roofs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        dc_model TEXT NOT NULL, pdc0 REAL, gamma_pdc REAL NOT NULL,
        module TEXT, modules_per_string INTEGER, strings INTEGER,
        racking TEXT NOT NULL, module_type TEXT NOT NULL,
        surface_tilt REAL, surface_azimuth REAL, gcr REAL, albedo REAL NOT NULL,
        losses TEXT NOT NULL,
        inverter_model TEXT NOT NULL, dc_ac_ratio REAL NOT NULL, eta_inv_nom REAL NOT NULL,
        inverter TEXT, inverters INTEGER,
        degradation REAL NOT NULL, commissioned TEXT,
        UNIQUE (roof_id, name)
    );
    CREATE INDEX arrays_roof ON arrays(roof_id);
    """)


#: ``(version, function)`` pairs; function brings a file from ``version - 1`` to ``version``.
_MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1)]

_ARRAY_COLUMNS = ("dc_model", "pdc0", "gamma_pdc", "module", "modules_per_string", "strings", "racking",
                  "module_type", "surface_tilt", "surface_azimuth", "gcr", "albedo", "inverter_model",
                  "dc_ac_ratio", "eta_inv_nom", "inverter", "inverters", "degradation")
_ROOF_COLUMNS = ("roof_type", "area", "surface_tilt", "surface_azimuth", "height")
_PARK_COLUMNS = ("latitude", "longitude", "altitude", "tz", "grid_region", "notes")


# --- opening -------------------------------------------------------------------------------------

def _read_header(path: Path) -> tuple[int, int]:
    """``(user_version, application_id)`` of an existing file, read without changing it."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) == 0:
        return 0, 0
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        raise NotASolarFleetFile(f"{path}: not an SQLite database")
    return int.from_bytes(head[60:64], "big", signed=True), int.from_bytes(head[68:72], "big", signed=True)


def open_store(path, *, busy_timeout_ms: int = 5000, wal: bool = True) -> "Store":
    """Open (creating if needed) and migrate the SolarFleet database at ``path``.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; ``":memory:"`` for a throw-away database.
    busy_timeout_ms : int
        How long a write waits for another writer [ms].
    wal : bool
        Use the WAL journal (keep True on local disks).

    Raises
    ------
    SchemaTooNewError
        The file was written by a newer SolarFleet. It is not modified.
    NotASolarFleetFile
        The file is not an SQLite database or belongs to another program.
    """
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if path.exists():
            version, app_id = _read_header(path)  # before any connection: a refused file stays byte-identical
            if version > SCHEMA_VERSION:
                raise SchemaTooNewError(
                    f"{path} was written by a newer SolarFleet (schema version {version}; this version reads up "
                    f"to {SCHEMA_VERSION}). Update SolarFleet to open it; the file was not changed.")
            if app_id not in (0, _APP_ID) or (version > 0 and app_id != _APP_ID):
                raise NotASolarFleetFile(f"{path}: an SQLite file of another application; not opened")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(":memory:" if memory else str(path), check_same_thread=True)
    try:
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        db.execute("PRAGMA foreign_keys = ON")
        if not memory:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and tables:
                raise NotASolarFleetFile(f"{path}: an SQLite file with other tables and no SolarFleet schema")
            if wal:
                with db.ensure_autocommit_on():
                    conn.execute("PRAGMA journal_mode = WAL")
        store = Store(db, None if memory else path)
        store._migrate()
        return store
    except BaseException:
        conn.close()
        raise


class Store:
    """A SolarFleet database. Create it with :func:`open_store`.

    Attributes
    ----------
    db : sqlite_utils.Database
    path : pathlib.Path or None
        ``None`` for an in-memory store.
    """

    def __init__(self, db: sqlite_utils.Database, path: Optional[Path]):
        self.db = db
        self.path = path
        self.backup_path: Optional[Path] = None

    # -- lifecycle --
    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        if current == SCHEMA_VERSION:
            return
        if current > 0 and self.path is not None:
            stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            self.backup_path = self.path.with_name(f"{self.path.name}.v{current}-{stamp}.bak")
            backup = sqlite3.connect(str(self.backup_path))
            try:
                self.db.conn.backup(backup)
            finally:
                backup.close()
        with self.db.atomic():
            for version, step in _MIGRATIONS:
                if version > current:
                    step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute(f"PRAGMA application_id = {_APP_ID}")
            if current == 0:
                self.set_meta("created_utc", _utcnow())
            self.set_meta("schema_version", str(SCHEMA_VERSION))

    # -- meta --
    def get_meta(self, key: str, default: Optional[str] = None) -> Optional[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    # -- reading the fleet --
    def park_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM parks ORDER BY position, id")]

    def is_empty(self) -> bool:
        return self.db.execute("SELECT count(*) FROM parks").fetchone()[0] == 0

    def load_fleet(self, names: Optional[Iterable[str]] = None) -> Fleet:
        """The fleet as stored, or only the parks in ``names`` (``KeyError`` for an unknown one)."""
        rows = list(self.db.query("SELECT * FROM parks ORDER BY position, id"))
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
        for r in self.db.query(f"SELECT * FROM roofs WHERE park_id IN ({marks}) ORDER BY position, id", ids):
            roofs.setdefault(r["park_id"], []).append(r)
        arrays: dict = {}
        for a in self.db.query(
                f"SELECT arrays.* FROM arrays JOIN roofs ON roofs.id = arrays.roof_id "
                f"WHERE roofs.park_id IN ({marks}) ORDER BY arrays.position, arrays.id", ids):
            arrays.setdefault(a["roof_id"], []).append(a)
        parks = []
        for p in rows:
            built_roofs = []
            for r in roofs.get(p["id"], []):
                built_arrays = tuple(_array_from_row(a) for a in arrays.get(r["id"], []))
                built_roofs.append(Roof(name=r["name"], arrays=built_arrays, **{c: r[c] for c in _ROOF_COLUMNS}))
            parks.append(Park(name=p["name"], roofs=tuple(built_roofs), **{c: p[c] for c in _PARK_COLUMNS}))
        return Fleet(tuple(parks))

    def park(self, name: str) -> Park:
        """One park by name (case-insensitive); ``KeyError`` if none."""
        return self.load_fleet([name]).parks[0]

    # -- writing the fleet --
    def add_park(self, park: Park, *, replace: bool = False) -> None:
        """Store ``park`` with its roofs and arrays in one transaction.

        ``replace=True`` swaps out a park of the same name, keeping its place in the list.
        """
        with self.db.atomic():
            self._write_park(park, replace=replace)

    def delete_park(self, name: str) -> None:
        with self.db.atomic():
            cur = self.db.execute("DELETE FROM parks WHERE name = ?", [name])
            if cur.rowcount == 0:
                raise KeyError(name)
            self._touch()

    def rename_park(self, old: str, new: str) -> None:
        park = self.park(old)
        from dataclasses import replace as dc_replace
        renamed = dc_replace(park, name=new)
        with self.db.atomic():
            if new.casefold() != old.casefold() and self._park_id(new) is not None:
                raise ParkExistsError(new)
            self.db.execute("UPDATE parks SET name = ?, updated_utc = ? WHERE name = ?",
                            [renamed.name, _utcnow(), old])
            self._touch()

    def import_fleet(self, fleet: Fleet, on_conflict: str = "error") -> dict:
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
        with self.db.atomic():
            for park in fleet.parks:
                exists = self._park_id(park.name) is not None
                if exists and on_conflict == "error":
                    raise ParkExistsError(park.name)
                if exists and on_conflict == "skip":
                    report["skipped"].append(park.name)
                    continue
                if exists and on_conflict == "rename":
                    from dataclasses import replace as dc_replace
                    n = 2
                    while self._park_id(f"{park.name} ({n})") is not None:
                        n += 1
                    new = dc_replace(park, name=f"{park.name} ({n})")
                    report["renamed"][park.name] = new.name
                    self._write_park(new, replace=False)
                    continue
                self._write_park(park, replace=exists)
                report["replaced" if exists else "added"].append(park.name)
        return report

    def _park_id(self, name: str) -> Optional[int]:
        row = self.db.execute("SELECT id FROM parks WHERE name = ?", [name.strip()]).fetchone()
        return None if row is None else row[0]

    def _touch(self) -> None:
        self.set_meta("fleet_changed_utc", _utcnow())

    def _write_park(self, park: Park, *, replace: bool) -> None:
        old_id = self._park_id(park.name)
        if old_id is not None and not replace:
            raise ParkExistsError(park.name)
        if old_id is not None:
            position = self.db.execute("SELECT position FROM parks WHERE id = ?", [old_id]).fetchone()[0]
            self.db.execute("DELETE FROM parks WHERE id = ?", [old_id])
        else:
            position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM parks").fetchone()[0]
        row = {"position": position, "name": park.name, "updated_utc": _utcnow(),
               **{c: getattr(park, c) for c in _PARK_COLUMNS}}
        if old_id is not None:
            row["id"] = old_id  # keep the id stable so later tables can refer to the park
        park_id = self.db["parks"].insert(row).last_pk
        for ri, roof in enumerate(park.roofs):
            roof_id = self.db["roofs"].insert(
                {"park_id": park_id, "position": ri, "name": roof.name,
                 **{c: getattr(roof, c) for c in _ROOF_COLUMNS}}).last_pk
            if roof.arrays:
                self.db["arrays"].insert_all(
                    [_array_row(a, roof_id, ai) for ai, a in enumerate(roof.arrays)])
        self._touch()


def _array_row(a: Array, roof_id: int, position: int) -> dict:
    row = {"roof_id": roof_id, "position": position, "name": a.name,
           **{c: getattr(a, c) for c in _ARRAY_COLUMNS}}
    row["losses"] = json.dumps(a.losses.to_dict())
    row["commissioned"] = a.commissioned.isoformat() if a.commissioned else None
    return row


def _array_from_row(r: dict) -> Array:
    return Array(name=r["name"], losses=Losses(**json.loads(r["losses"])), commissioned=r["commissioned"],
                 **{c: r[c] for c in _ARRAY_COLUMNS})


# === GUI branch: park-level writes for the editors' undo/redo =====================================
# Added for the desktop app (branch ``gui``). The editors replace a whole park at a time (a park is
# small); undo writes the previous snapshot back. The park row is UPDATEd in place, so its id (which
# later tables may reference) survives an edit or a rename; its roofs and arrays are rewritten.

def _gui_park_row(park: Park) -> dict:
    return {"name": park.name, "updated_utc": _utcnow(), **{c: getattr(park, c) for c in _PARK_COLUMNS}}


def _gui_write_roofs(store: "Store", park_id: int, park: Park) -> None:
    store.db.execute("DELETE FROM roofs WHERE park_id = ?", [park_id])
    for ri, roof in enumerate(park.roofs):
        roof_id = store.db["roofs"].insert(
            {"park_id": park_id, "position": ri, "name": roof.name,
             **{c: getattr(roof, c) for c in _ROOF_COLUMNS}}).last_pk
        if roof.arrays:
            store.db["arrays"].insert_all([_array_row(a, roof_id, ai) for ai, a in enumerate(roof.arrays)])


def replace_park(store: "Store", old_name: str, park: Park) -> None:
    """Replace the park called ``old_name`` by ``park`` (which may be renamed), in one transaction.

    The park keeps its id and its place in the list.

    Raises
    ------
    KeyError
        No park is called ``old_name``.
    ParkExistsError
        ``park.name`` belongs to another park.
    """
    with store.db.atomic():
        park_id = store._park_id(old_name)
        if park_id is None:
            raise KeyError(old_name)
        other = store._park_id(park.name)
        if other is not None and other != park_id:
            raise ParkExistsError(park.name)
        row = _gui_park_row(park)
        sets = ", ".join(f"{k} = ?" for k in row)
        store.db.execute(f"UPDATE parks SET {sets} WHERE id = ?", [*row.values(), park_id])
        _gui_write_roofs(store, park_id, park)
        store._touch()


def insert_park(store: "Store", park: Park, position: Optional[int] = None) -> None:
    """Store a new ``park`` at list ``position`` (0 = first; ``None`` = last), in one transaction.

    Raises
    ------
    ParkExistsError
        A park of that name exists.
    """
    with store.db.atomic():
        if store._park_id(park.name) is not None:
            raise ParkExistsError(park.name)
        names = store.park_names()
        if position is None or position >= len(names):
            position = len(names)
        # renumber so positions are 0..n-1 with a gap at ``position``
        for i, name in enumerate(names):
            store.db.execute("UPDATE parks SET position = ? WHERE name = ?", [i + (i >= position), name])
        park_id = store.db["parks"].insert({"position": position, **_gui_park_row(park)}).last_pk
        _gui_write_roofs(store, park_id, park)
        store._touch()


def park_position(store: "Store", name: str) -> int:
    """Index of park ``name`` in the stored list order; ``KeyError`` if none."""
    for i, n in enumerate(store.park_names()):
        if n.casefold() == name.strip().casefold():
            return i
    raise KeyError(name)
# === end of GUI branch section ===================================================================
