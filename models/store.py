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

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof

__all__ = ["SCHEMA_VERSION", "StoreError", "SchemaTooNewError", "NotASolarFleetFile", "ParkExistsError",
           "Store", "open_store", "ON_CONFLICT",
           # site survey (survey branch)
           "SurveyConflictError", "PHOTO_MEDIA_TYPES", "save_survey", "load_survey", "surveyed_park_names",
           "add_survey_photo", "list_survey_photos", "load_survey_photo", "save_surveyed_park",
           "survey_conflicts", "import_surveyed_parks",
           "delete_survey"]

#: Version this code writes. Bump it and append to ``_MIGRATIONS`` for every schema change.
SCHEMA_VERSION = 7
# Schema history: 1 fleet; 2 consumption, tariffs, batteries, carbon choice; 3 live monitoring;
# 4 site surveys; 5 simulation runs; 6 weather sets and the PVGIS cache; 7 yield studies, forecasts and
# imported measured AC (export branch).
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

    #: True for a store from :func:`open_store_read_only` (every write raises sqlite3.OperationalError)
    read_only: bool = False

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
            for version, step in sorted(_MIGRATIONS, key=lambda m: m[0]):
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

    def park_updates(self) -> dict:
        """``{park name: last change (ISO 8601 UTC)}`` of every park."""
        return {r[0]: r[1] for r in self.db.execute("SELECT name, updated_utc FROM parks")}

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

    def _write_park(self, park: Park, *, replace: bool, old_name: Optional[str] = None,
                    position: Optional[int] = None) -> None:
        """Insert ``park``, or (``replace=True``) update the stored park in place.

        A replaced park keeps its row id and position, so everything attached to it (weather,
        consumption, tariffs, surveys) survives; only its roofs and arrays are swapped.
        ``old_name`` replaces a park that had another name (a rename); ``position`` puts a new
        park at that list index (0 = first) instead of last.
        """
        old_id = self._park_id(old_name if old_name is not None else park.name)
        if old_name is not None and old_id is None:
            raise KeyError(old_name)
        clash = self._park_id(park.name)
        if clash is not None and (not replace or clash != old_id):
            raise ParkExistsError(park.name)
        fields = {"name": park.name, "updated_utc": _utcnow(), **{c: getattr(park, c) for c in _PARK_COLUMNS}}
        if old_id is not None:
            self.db["parks"].update(old_id, fields)
            self.db.execute("DELETE FROM roofs WHERE park_id = ?", [old_id])
            park_id = old_id
        else:
            names = self.park_names()
            if position is None or position >= len(names):
                position = len(names)
            for i, name in enumerate(names):  # positions stay 0..n-1, with a gap at ``position``
                self.db.execute("UPDATE parks SET position = ? WHERE name = ?", [i + (i >= position), name])
            park_id = self.db["parks"].insert({"position": position, **fields}).last_pk
        for ri, roof in enumerate(park.roofs):
            roof_id = self.db["roofs"].insert(
                {"park_id": park_id, "position": ri, "name": roof.name,
                 **{c: getattr(roof, c) for c in _ROOF_COLUMNS}}).last_pk
            if roof.arrays:
                self.db["arrays"].insert_all(
                    [_array_row(a, roof_id, ai) for ai, a in enumerate(roof.arrays)])
        self._touch()

    def replace_park(self, old_name: str, park: Park) -> None:
        """Replace the park called ``old_name`` by ``park`` (which may carry a new name), in one
        transaction; it keeps its id and place. ``KeyError`` if none, :class:`ParkExistsError` if
        the new name belongs to another park."""
        with self.db.atomic():
            self._write_park(park, replace=True, old_name=old_name)

    def insert_park(self, park: Park, position: Optional[int] = None) -> None:
        """Store a new ``park`` at list ``position`` (0 = first; ``None`` = last), in one transaction."""
        with self.db.atomic():
            self._write_park(park, replace=False, position=position)

    def park_position(self, name: str) -> int:
        """Index of park ``name`` in the stored list order; ``KeyError`` if none."""
        for i, n in enumerate(self.park_names()):
            if n.casefold() == name.strip().casefold():
                return i
        raise KeyError(name)

    # === simulation runs (simulation branch) — queries ============================================
    def save_run(self, meta: dict, park_results) -> int:
        """Store a simulation run in one transaction and return its id.

        Parameters
        ----------
        meta : dict
            ``started_utc`` (ISO text), ``duration_s`` [s], ``fleet_hash``, ``options`` (dict),
            ``versions`` (dict), optional ``note``; see :func:`solarfleet.models.simulation.engine.run_metadata`.
        park_results : sequence of solarfleet.models.simulation.engine.ParkResult
            Every park of the run. Nothing is written unless all of it is.

        Returns
        -------
        int
            The run id.
        """
        from solarfleet.models.run_aggregates import aggregate_run
        park_results = list(park_results)
        if not park_results:
            raise StoreError("a run needs at least one park result")
        agg = aggregate_run(park_results)
        conn = self.db.conn
        with self.db.atomic():
            cur = conn.execute(
                "INSERT INTO sim_runs (started_utc, duration_s, fleet_hash, options, weather, versions, parks, "
                "arrays, dc_capacity, energy, specific_yield, performance_ratio, capacity_factor, "
                "missing_intervals, losses, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [meta["started_utc"], float(meta["duration_s"]), meta["fleet_hash"],
                 json.dumps(meta.get("options", {}), sort_keys=True),
                 json.dumps(agg["weather"], ensure_ascii=False, default=str),
                 json.dumps(meta.get("versions", {}), sort_keys=True),
                 *agg["fleet_row"], meta.get("note", "")])
            run_id = cur.lastrowid
            conn.executemany(
                "INSERT INTO sim_parks (run_id, position, park, tz, start_utc, periods, interval_minutes, weather, "
                "missing_intervals, dc_capacity, energy, specific_yield, performance_ratio, capacity_factor, "
                "losses) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(run_id, *row) for row in agg["park_rows"]])
            conn.executemany(
                "INSERT INTO sim_arrays (run_id, park, position, roof, array, dc_model, inverter_model, "
                "dc_capacity, ac_capacity, surface_tilt, surface_azimuth, poa_insolation, energy, specific_yield, "
                "performance_ratio, capacity_factor, losses, ac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                ((run_id, *row) for row in agg["array_rows"]))
            conn.executemany(
                "INSERT INTO sim_energy (run_id, level, park, roof, array, period, period_start, ac_energy) "
                "VALUES (?,?,?,?,?,?,?,?)", ((run_id, *row) for row in agg["energy_rows"]))
        return run_id

    _RUN_COLUMNS = ("id", "started_utc", "duration_s", "fleet_hash", "options", "weather", "versions", "parks",
                    "arrays", "dc_capacity", "energy", "specific_yield", "performance_ratio", "capacity_factor",
                    "missing_intervals", "note")

    def _runs(self, where: str = "", args=()) -> list[dict]:
        rows = self.db.execute(f"SELECT {', '.join(self._RUN_COLUMNS)} FROM sim_runs {where} ORDER BY id DESC",
                               list(args)).fetchall()
        out = []
        for r in rows:
            d = dict(zip(self._RUN_COLUMNS, r))
            for k in ("options", "weather", "versions"):
                d[k] = json.loads(d[k])
            out.append(d)
        return out

    def list_runs(self) -> list[dict]:
        """Every stored run, newest first: inputs (fleet hash, options, weather, versions), start time,
        duration [s] and fleet summary (capacity [W], energy [Wh], specific yield, PR, capacity factor)."""
        return self._runs()

    def run(self, run_id: int) -> dict:
        """One run as :meth:`list_runs` gives it, plus its fleet loss waterfall [Wh]; ``KeyError`` if none."""
        found = self._runs("WHERE id = ?", [run_id])
        if not found:
            raise KeyError(run_id)
        d = found[0]
        d["losses"] = json.loads(self.db.execute("SELECT losses FROM sim_runs WHERE id = ?", [run_id]).fetchone()[0])
        return d

    def latest_run_id(self, park_name: Optional[str] = None) -> Optional[int]:
        """Id of the newest run (that holds ``park_name``, if given), or None."""
        if park_name is None:
            row = self.db.execute("SELECT max(id) FROM sim_runs").fetchone()
        else:
            row = self.db.execute("SELECT max(run_id) FROM sim_parks WHERE park = ?", [park_name]).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def delete_run(self, run_id: int) -> None:
        with self.db.atomic():
            if self.db.execute("DELETE FROM sim_runs WHERE id = ?", [run_id]).rowcount == 0:
                raise KeyError(run_id)

    def run_parks(self, run_id: int) -> list[dict]:
        """Per park of a run: capacity [W], energy [Wh], specific yield [kWh/kWp], PR, capacity factor,
        missing intervals, loss waterfall [Wh], weather metadata."""
        cur = self.db.execute(
            "SELECT park, tz, start_utc, periods, interval_minutes, weather, missing_intervals, dc_capacity, energy, "
            "specific_yield, performance_ratio, capacity_factor, losses FROM sim_parks WHERE run_id = ? "
            "ORDER BY position", [run_id])
        cols = [c[0] for c in cur.description]
        out = []
        for r in cur.fetchall():
            d = dict(zip(cols, r))
            d["weather"] = json.loads(d["weather"])
            d["losses"] = json.loads(d["losses"])
            out.append(d)
        return out

    def run_arrays(self, run_id: int, park_name: Optional[str] = None):
        """Per array of a run (or of one park): the summary columns and loss waterfall, as a DataFrame."""
        import pandas as pd
        sql = ("SELECT park, roof, array, dc_model, inverter_model, dc_capacity, ac_capacity, surface_tilt, "
               "surface_azimuth, poa_insolation, energy, specific_yield, performance_ratio, capacity_factor, losses "
               "FROM sim_arrays WHERE run_id = ?")
        args: list = [run_id]
        if park_name is not None:
            sql += " AND park = ?"
            args.append(park_name)
        cur = self.db.execute(sql + " ORDER BY park, position", args)
        cols = [c[0] for c in cur.description]
        frame = pd.DataFrame(cur.fetchall(), columns=cols)
        frame["losses"] = [json.loads(x) for x in frame["losses"]]
        return frame

    def load_run_ac(self, run_id: int, park_name: str):
        """One park's AC series of a run [W]: UTC interval-start index, one column per ``"roof/array"``.

        Raises ``KeyError`` if the run has no such park.
        """
        import numpy as np
        import pandas as pd
        row = self.db.execute(
            "SELECT start_utc, periods, interval_minutes FROM sim_parks WHERE run_id = ? AND park = ?",
            [run_id, park_name]).fetchone()
        if row is None:
            raise KeyError(f"run {run_id} has no park {park_name!r}")
        start, periods, minutes = row
        blobs = self.db.execute(
            "SELECT roof, array, ac FROM sim_arrays WHERE run_id = ? AND park = ? ORDER BY position",
            [run_id, park_name]).fetchall()
        values = np.empty((len(blobs), periods), dtype=np.float64)
        for i, (_, _, blob) in enumerate(blobs):
            values[i] = np.frombuffer(blob, dtype="<f4", count=periods)
        index = pd.date_range(pd.Timestamp(start), periods=periods, freq=pd.Timedelta(minutes=minutes),
                              name="time")
        return pd.DataFrame(values.T, index=index, columns=[f"{r}/{a}" for r, a, _ in blobs], copy=False)

    def run_energy(self, run_id: int, level: str = "park", period: str = "month",
                   park_name: Optional[str] = None):
        """Energy aggregates [Wh] of a run.

        Parameters
        ----------
        level : {'array', 'roof', 'park', 'fleet'}
        period : {'day', 'month', 'year'}
            Local calendar periods of each park. Array-level days are summed from the stored series.
        park_name : str, optional
            Only this park.

        Returns
        -------
        pandas.DataFrame
            Columns ``park``, ``roof``, ``array``, ``period_start`` (first local day, ISO), ``ac_energy`` [Wh].
        """
        import pandas as pd
        if level not in ("array", "roof", "park", "fleet") or period not in ("day", "month", "year"):
            raise ValueError(f"level must be array/roof/park/fleet and period day/month/year "
                             f"(got {level!r}, {period!r})")
        if level == "array" and period == "day":
            from solarfleet.models.run_aggregates import daily_energy
            frames = []
            for p in self.run_parks(run_id):
                if park_name is not None and p["park"].casefold() != park_name.strip().casefold():
                    continue
                ac = self.load_run_ac(run_id, p["park"])
                daily = daily_energy(ac, p["tz"], p["interval_minutes"])
                long = daily.stack().rename("ac_energy").reset_index()
                long.columns = ["period_start", "key", "ac_energy"]
                long[["roof", "array"]] = long["key"].str.split("/", n=1, expand=True)
                long["park"] = p["park"]
                frames.append(long[["park", "roof", "array", "period_start", "ac_energy"]])
            return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
                columns=["park", "roof", "array", "period_start", "ac_energy"])
        sql = ("SELECT park, roof, array, period_start, ac_energy FROM sim_energy "
               "WHERE run_id = ? AND level = ? AND period = ?")
        args: list = [run_id, level, period]
        if park_name is not None:
            sql += " AND park = ?"
            args.append(park_name)
        cur = self.db.execute(sql + " ORDER BY park, roof, array, period_start", args)
        return pd.DataFrame(cur.fetchall(), columns=["park", "roof", "array", "period_start", "ac_energy"])
    # === end simulation runs — queries ==============================================================


def _array_row(a: Array, roof_id: int, position: int) -> dict:
    row = {"roof_id": roof_id, "position": position, "name": a.name,
           **{c: getattr(a, c) for c in _ARRAY_COLUMNS}}
    row["losses"] = json.dumps(a.losses.to_dict())
    row["commissioned"] = a.commissioned.isoformat() if a.commissioned else None
    return row


def _array_from_row(r: dict) -> Array:
    return Array(name=r["name"], losses=Losses(**json.loads(r["losses"])), commissioned=r["commissioned"],
                 **{c: r[c] for c in _ARRAY_COLUMNS})


# =================================================================================================
# --- balance branch: consumption series, synthetic-load parameters, tariffs, batteries, carbon ---
# Migration 2 and every query of the consumption / balance features. Functions take a Store and
# are also bound as Store methods at the end of the section.
# ==========================================================================================
#: Kinds of consumption series: read from meter files, or made by solarfleet.models.energy.synthetic_load.
LOAD_KINDS = ("measured", "synthetic")


def _migrate_2_balance(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE load_series (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        meter TEXT NOT NULL COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('measured', 'synthetic')),
        interval_minutes INTEGER NOT NULL,
        start_utc TEXT NOT NULL,            -- start of the first interval, ISO 8601 UTC
        n INTEGER NOT NULL,                 -- number of intervals
        load BLOB NOT NULL,                 -- float64 little-endian mean power [W]; NaN = missing
        energy_wh REAL NOT NULL,            -- over the valid intervals [Wh]
        missing_intervals INTEGER NOT NULL,
        metadata TEXT NOT NULL,             -- JSON
        report TEXT NOT NULL,               -- JSON import report (gaps, duplicates)
        created_utc TEXT NOT NULL,
        UNIQUE (park_id, meter)
    );
    CREATE INDEX load_series_park ON load_series(park_id);
    CREATE TABLE park_synthetic_load (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        params TEXT NOT NULL,               -- JSON of solarfleet.models.energy.synthetic_load.SyntheticLoadParams
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_tariffs (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        tariff TEXT NOT NULL,               -- JSON of solarfleet.models.energy.tariff.Tariff
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_batteries (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        capacity REAL NOT NULL,             -- [Wh]
        power REAL NOT NULL,                -- [W]
        efficiency REAL NOT NULL,           -- round trip [-]
        min_soc REAL NOT NULL,              -- [-]
        strategy TEXT NOT NULL,
        initial_soc REAL,                   -- [-]
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_carbon (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        region TEXT,                        -- NULL: the park's grid_region
        data_year INTEGER,                  -- NULL: latest data year
        updated_utc TEXT NOT NULL
    );
    """)


_MIGRATIONS.append((2, _migrate_2_balance))


def _require_park_id(store: "Store", park_name: str) -> int:
    pid = store._park_id(park_name)
    if pid is None:
        raise KeyError(park_name)
    return pid


def add_load_series(store: "Store", park_name: str, data, metadata: dict, report: Optional[dict] = None, *,
                    meter: Optional[str] = None, kind: str = "measured", replace: bool = False) -> int:
    """Store one meter's (or the synthetic) consumption series of a park; returns its id.

    Parameters
    ----------
    data : pandas.Series
        Mean power [W], regular UTC interval-start index (NaN = missing).
    metadata : dict
        Needs ``interval_minutes``; stored as JSON.
    meter : str, optional
        Meter name, unique within the park (default ``metadata["meter"]``, or "synthetic").
    kind : {'measured', 'synthetic'}
    replace : bool
        Replace a stored series of the same meter; otherwise that is a :class:`StoreError`.
    """
    import numpy as np
    import pandas as pd
    if kind not in LOAD_KINDS:
        raise ValueError(f"kind must be one of {', '.join(LOAD_KINDS)} (got {kind!r})")
    meter = (meter or metadata.get("meter") or ("synthetic" if kind == "synthetic" else "")).strip()
    if not meter or len(meter) > 200:
        raise ValueError("meter: a name of 1–200 characters is required")
    interval = metadata.get("interval_minutes")
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
        raise ValueError("metadata['interval_minutes'] must be a positive whole number")
    if not isinstance(data, pd.Series) or not isinstance(data.index, pd.DatetimeIndex) or data.index.tz is None:
        raise ValueError("data must be a pandas Series with a tz-aware DatetimeIndex")
    if len(data) == 0:
        raise ValueError("data is empty")
    idx = data.index.tz_convert("UTC")
    expected = pd.date_range(idx[0], periods=len(idx), freq=f"{interval}min", tz="UTC")
    if not idx.equals(expected):
        raise ValueError(f"data must be on a regular {interval}-minute index without holes (holes are NaN values)")
    values = np.ascontiguousarray(data.to_numpy(dtype="<f8"))
    row = {"meter": meter, "kind": kind, "interval_minutes": interval, "start_utc": idx[0].isoformat(),
           "n": len(values), "load": values.tobytes(), "energy_wh": float(np.nansum(values)) * interval / 60.0,
           "missing_intervals": int(np.isnan(values).sum()),
           "metadata": json.dumps(metadata, default=str), "report": json.dumps(report or {}, default=str),
           "created_utc": _utcnow()}
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        old = store.db.execute("SELECT id FROM load_series WHERE park_id = ? AND meter = ?", [pid, meter]).fetchone()
        if old is not None:
            if not replace:
                raise StoreError(f"park {park_name!r} already has a consumption series for meter {meter!r} "
                                 "(replace it, or give another meter name)")
            store.db.execute("DELETE FROM load_series WHERE id = ?", [old[0]])
        return store.db["load_series"].insert({"park_id": pid, **row}).last_pk


def list_load_series(store: "Store", park_name: Optional[str] = None) -> list[dict]:
    """Stored consumption series (without the values): park, meter, kind, interval, span, energy."""
    sql = ("SELECT load_series.id, parks.name AS park, meter, kind, interval_minutes, start_utc, n, energy_wh, "
           "missing_intervals, created_utc FROM load_series JOIN parks ON parks.id = load_series.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE parks.id = ?"
        args.append(_require_park_id(store, park_name))
    return list(store.db.query(sql + " ORDER BY parks.position, meter", args))


def load_series(store: "Store", series_id: int):
    """``(data [W], metadata, report)`` of one stored series."""
    import numpy as np
    import pandas as pd
    row = store.db.execute("SELECT interval_minutes, start_utc, n, load, metadata, report, meter FROM load_series "
                           "WHERE id = ?", [series_id]).fetchone()
    if row is None:
        raise KeyError(series_id)
    interval, start, n, blob, meta, rep, meter = row
    idx = pd.date_range(pd.Timestamp(start), periods=n, freq=f"{interval}min", tz="UTC", name="time")
    data = pd.Series(np.frombuffer(blob, dtype="<f8").copy(), index=idx, name="load")
    return data, json.loads(meta), json.loads(rep)


def delete_load_series(store: "Store", park_name: str, meter: Optional[str] = None) -> int:
    """Delete a park's series of ``meter`` (or all of them); returns how many."""
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        if meter is None:
            cur = store.db.execute("DELETE FROM load_series WHERE park_id = ?", [pid])
        else:
            cur = store.db.execute("DELETE FROM load_series WHERE park_id = ? AND meter = ?", [pid, meter])
        return cur.rowcount


def park_consumption(store: "Store", park_name: str):
    """A park's consumption [W]: the sum of its measured meters, else its synthetic series.

    Returns
    -------
    (data, info) or None
        ``info``: ``kind``, ``meters``, ``interval_minutes``. None when the park has no series.
        Meters of different intervals are a :class:`StoreError` (resample before storing).
    """
    from solarfleet.models.energy.load import sum_meters
    rows = list_load_series(store, park_name)
    if not rows:
        return None
    measured = [r for r in rows if r["kind"] == "measured"]
    use = measured or rows
    intervals = {r["interval_minutes"] for r in use}
    if len(intervals) > 1:
        raise StoreError(f"park {park_name!r}: meters have different intervals {sorted(intervals)} [min]")
    data = sum_meters([load_series(store, r["id"])[0] for r in use])
    return data, {"kind": use[0]["kind"], "meters": [r["meter"] for r in use],
                  "interval_minutes": intervals.pop()}


def set_synthetic_load_params(store: "Store", park_name: str, params) -> None:
    """Keep the synthetic-load parameters (a SyntheticLoadParams) of a park."""
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        store.db["park_synthetic_load"].upsert(
            {"park_id": pid, "params": json.dumps(params.to_dict()), "updated_utc": _utcnow()}, pk="park_id")


def get_synthetic_load_params(store: "Store", park_name: str):
    """The park's SyntheticLoadParams, or None."""
    from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
    row = store.db.execute("SELECT params FROM park_synthetic_load WHERE park_id = ?",
                           [_require_park_id(store, park_name)]).fetchone()
    return None if row is None else SyntheticLoadParams.from_dict(json.loads(row[0]))


def set_tariff(store: "Store", park_name: str, tariff) -> None:
    """Set a park's tariff (a solarfleet.models.energy.tariff.Tariff); ``None`` removes it."""
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        if tariff is None:
            store.db.execute("DELETE FROM park_tariffs WHERE park_id = ?", [pid])
            return
        store.db["park_tariffs"].upsert({"park_id": pid, "tariff": json.dumps(tariff.to_dict(), ensure_ascii=False),
                                         "updated_utc": _utcnow()}, pk="park_id")


def get_tariff(store: "Store", park_name: str):
    """The park's Tariff, or None."""
    from solarfleet.models.energy.tariff import Tariff
    row = store.db.execute("SELECT tariff FROM park_tariffs WHERE park_id = ?",
                           [_require_park_id(store, park_name)]).fetchone()
    return None if row is None else Tariff.from_dict(json.loads(row[0]))


def set_battery(store: "Store", park_name: str, battery) -> None:
    """Set a park's battery (a solarfleet.models.energy.battery.Battery); ``None`` removes it."""
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        if battery is None:
            store.db.execute("DELETE FROM park_batteries WHERE park_id = ?", [pid])
            return
        store.db["park_batteries"].upsert({"park_id": pid, **battery.to_dict(), "updated_utc": _utcnow()},
                                          pk="park_id")


def get_battery(store: "Store", park_name: str):
    """The park's Battery, or None."""
    from solarfleet.models.energy.battery import Battery
    row = store.db.execute("SELECT capacity, power, efficiency, min_soc, strategy, initial_soc FROM park_batteries "
                           "WHERE park_id = ?", [_require_park_id(store, park_name)]).fetchone()
    if row is None:
        return None
    return Battery(capacity=row[0], power=row[1], efficiency=row[2], min_soc=row[3], strategy=row[4],
                   initial_soc=row[5])


def set_carbon_choice(store: "Store", park_name: str, region: Optional[str] = None,
                      data_year: Optional[int] = None) -> None:
    """Override the emission-factor region and/or data year of a park (None, None: back to defaults)."""
    from solarfleet.models.energy.carbon import emission_factors
    with store.db.atomic():
        pid = _require_park_id(store, park_name)
        if region is None and data_year is None:
            store.db.execute("DELETE FROM park_carbon WHERE park_id = ?", [pid])
            return
        park = store.park(park_name)
        emission_factors().factor(region or park.grid_region, data_year)  # refuses an unknown pair
        store.db["park_carbon"].upsert({"park_id": pid, "region": region, "data_year": data_year,
                                        "updated_utc": _utcnow()}, pk="park_id")


def get_carbon_choice(store: "Store", park_name: str) -> dict:
    """``{"region": str or None, "data_year": int or None}`` (None = the default)."""
    row = store.db.execute("SELECT region, data_year FROM park_carbon WHERE park_id = ?",
                           [_require_park_id(store, park_name)]).fetchone()
    return {"region": None, "data_year": None} if row is None else {"region": row[0], "data_year": row[1]}


for _f in (add_load_series, list_load_series, load_series, delete_load_series, park_consumption,
           set_synthetic_load_params, get_synthetic_load_params, set_tariff, get_tariff, set_battery, get_battery,
           set_carbon_choice, get_carbon_choice):
    setattr(Store, _f.__name__, _f)
del _f
# --- end of the balance branch section -----------------------------------------------------------


# =================================================================================================
# --- live monitoring (branch `live`): schema version 2 and every live query ----------------------
# Tables: live_devices (Modbus devices per park), live_readings (one row per device and instant,
# timestamp as integer milliseconds since the Unix epoch, UTC; powers [W], energies [Wh]),
# live_alarms (alarm log). Readings are idempotent on (device_id, timestamp_ms).
# =================================================================================================

#: Value columns of live_readings, in the order of solarfleet.models.live.reading.Reading's fields.
LIVE_VALUE_COLUMNS = ("pv_power", "load_power", "grid_power", "pv_energy", "pv_energy_interval",
                      "grid_import_energy", "grid_export_energy", "grid_import_interval", "grid_export_interval",
                      "poa_global", "status", "counter_event")
_LIVE_DEVICE_COLUMNS = ("device_id", "park", "kind", "host", "port", "unit_id", "map_name", "timeout",
                        "meter_sign", "max_power")


def _migrate_3_live(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE live_devices (
        device_id TEXT PRIMARY KEY,
        park TEXT,
        kind TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, unit_id INTEGER NOT NULL,
        map_name TEXT, timeout REAL NOT NULL, meter_sign INTEGER NOT NULL, max_power REAL,
        added_utc TEXT NOT NULL
    );
    CREATE TABLE live_readings (
        id INTEGER PRIMARY KEY,
        device_id TEXT NOT NULL,
        park TEXT,
        timestamp_ms INTEGER NOT NULL,
        pv_power REAL, load_power REAL, grid_power REAL,
        pv_energy REAL, pv_energy_interval REAL,
        grid_import_energy REAL, grid_export_energy REAL, grid_import_interval REAL, grid_export_interval REAL,
        poa_global REAL, status TEXT NOT NULL, counter_event TEXT,
        UNIQUE (device_id, timestamp_ms)
    );
    CREATE INDEX live_readings_park_time ON live_readings(park, timestamp_ms);
    CREATE TABLE live_alarms (
        id INTEGER PRIMARY KEY,
        park TEXT,
        device_id TEXT,
        kind TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        end_utc TEXT,
        min_ratio REAL, mean_ratio REAL,
        fraction REAL NOT NULL, duration_s REAL NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX live_alarms_park ON live_alarms(park, start_utc);
    """)


_MIGRATIONS.append((3, _migrate_3_live))


def _ms(ts) -> int:
    import pandas as pd
    t = pd.Timestamp(ts)
    if t.tzinfo is None:
        raise ValueError(f"timestamp must be tz-aware (got {ts!r})")
    return int(t.value // 1_000_000)


def add_live_readings(store: Store, readings, park: Optional[str] = None) -> int:
    """Store readings in one transaction; a reading already stored (same device and instant) is skipped.

    Returns the number of new rows.
    """
    rows = [(r.device_id, park, _ms(r.timestamp), *(getattr(r, c) for c in LIVE_VALUE_COLUMNS)) for r in readings]
    if not rows:
        return 0
    cols = ("device_id", "park", "timestamp_ms") + LIVE_VALUE_COLUMNS
    sql = (f"INSERT OR IGNORE INTO live_readings ({', '.join(cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    with store.db.atomic():
        before = store.db.conn.total_changes
        store.db.conn.executemany(sql, rows)
        return store.db.conn.total_changes - before


def live_reading_count(store: Store, park: Optional[str] = None, device_id: Optional[str] = None) -> int:
    where, args = _live_where(park, device_id, None, None)
    return store.db.execute(f"SELECT count(*) FROM live_readings {where}", args).fetchone()[0]


def _live_where(park, device_ids, start, end):
    clauses, args = [], []
    if park is not None:
        clauses.append("park = ?")
        args.append(park)
    if device_ids is not None:
        ids = [device_ids] if isinstance(device_ids, str) else list(device_ids)
        clauses.append(f"device_id IN ({', '.join('?' * len(ids))})")
        args += ids
    if start is not None:
        clauses.append("timestamp_ms >= ?")
        args.append(_ms(start))
    if end is not None:
        clauses.append("timestamp_ms < ?")
        args.append(_ms(end))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def live_history(store: Store, park: Optional[str] = None, device_ids=None, start=None, end=None,
                 last: Optional[int] = None):
    """Stored readings as a DataFrame, oldest first, for reloading a chart.

    Parameters
    ----------
    park : str, optional
    device_ids : str or list of str, optional
    start, end : datetime-like, optional
        Half-open span ``[start, end)`` (tz-aware).
    last : int, optional
        Only the newest ``last`` rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``timestamp`` (tz-aware UTC); columns ``device_id``, ``park`` and the
        value columns (powers [W], energies [Wh], ``poa_global`` [W/m²]). Missing values are NaN.
    """
    import pandas as pd
    where, args = _live_where(park, device_ids, start, end)
    cols = "device_id, park, timestamp_ms, " + ", ".join(LIVE_VALUE_COLUMNS)
    if last is not None:
        sql = (f"SELECT * FROM (SELECT {cols} FROM live_readings {where} ORDER BY timestamp_ms DESC, id DESC "
               f"LIMIT ?) ORDER BY timestamp_ms, device_id")
        args = args + [int(last)]
    else:
        sql = f"SELECT {cols} FROM live_readings {where} ORDER BY timestamp_ms, device_id"
    cur = store.db.execute(sql, args)
    names = [d[0] for d in cur.description]
    df = pd.DataFrame(cur.fetchall(), columns=names)
    df.index = pd.to_datetime(df.pop("timestamp_ms"), unit="ms", utc=True)
    df.index.name = "timestamp"
    for c in LIVE_VALUE_COLUMNS:
        if c not in ("status", "counter_event"):
            df[c] = df[c].astype(float)
    return df


def save_live_device(store: Store, config) -> None:
    """Add or replace a device (a :class:`solarfleet.models.live.devices.DeviceConfig`)."""
    row = {c: getattr(config, c) for c in _LIVE_DEVICE_COLUMNS}
    row["added_utc"] = _utcnow()
    with store.db.atomic():
        store.db["live_devices"].insert(row, replace=True)


def live_devices(store: Store, park: Optional[str] = None) -> list:
    """Stored devices as :class:`solarfleet.models.live.devices.DeviceConfig`, optionally of one park."""
    from solarfleet.models.live.devices import DeviceConfig
    where, args = ("WHERE park = ?", [park]) if park is not None else ("", [])
    rows = store.db.query(f"SELECT {', '.join(_LIVE_DEVICE_COLUMNS)} FROM live_devices {where} ORDER BY device_id",
                          args)
    return [DeviceConfig(**r) for r in rows]


def delete_live_device(store: Store, device_id: str) -> None:
    with store.db.atomic():
        if store.db.execute("DELETE FROM live_devices WHERE device_id = ?", [device_id]).rowcount == 0:
            raise KeyError(device_id)


def add_live_alarm(store: Store, alarm, park: Optional[str] = None, device_id: Optional[str] = None) -> int:
    """Log an alarm (a :class:`solarfleet.models.live.alarms.Alarm`); returns its id."""
    row = {"park": park, "device_id": device_id, "kind": alarm.kind, "start_utc": alarm.start.isoformat(),
           "end_utc": alarm.end.isoformat() if alarm.end is not None else None, "min_ratio": alarm.min_ratio,
           "mean_ratio": alarm.mean_ratio, "fraction": alarm.fraction, "duration_s": alarm.duration_s,
           "message": alarm.message}
    with store.db.atomic():
        return store.db["live_alarms"].insert(row).last_pk


def close_live_alarm(store: Store, alarm_id: int, end, min_ratio=None, mean_ratio=None) -> None:
    """Record when an open alarm cleared."""
    import pandas as pd
    with store.db.atomic():
        store.db.execute("UPDATE live_alarms SET end_utc = ?, min_ratio = coalesce(?, min_ratio), "
                         "mean_ratio = coalesce(?, mean_ratio) WHERE id = ?",
                         [pd.Timestamp(end).isoformat(), min_ratio, mean_ratio, alarm_id])


def live_alarms(store: Store, park: Optional[str] = None, open_only: bool = False) -> list[dict]:
    """The alarm log, newest first."""
    clauses, args = [], []
    if park is not None:
        clauses.append("park = ?")
        args.append(park)
    if open_only:
        clauses.append("end_utc IS NULL")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return list(store.db.query(f"SELECT * FROM live_alarms {where} ORDER BY start_utc DESC, id DESC", args))



# --- live view (branch `liveview`): stored history binned for the live chart ----------------------
def live_history_binned(store: Store, park: Optional[str] = None, device_ids=None, start=None, end=None,
                        bin_s: int = 60):
    """Stored readings per device and ``bin_s`` bin: what the live chart needs after a restart.

    A busy day is too many samples to read back on every start (50 devices at 1 Hz are 4.3 M
    rows; 60 s bins make 72 k), and a day chart cannot show more than a few thousand points.

    Parameters
    ----------
    park, device_ids, start, end
        As :func:`live_history`; ``[start, end)`` applies to the readings' instants.
    bin_s : int
        Bin width [s]; bins start at whole multiples of it since the Unix epoch (UTC).

    Returns
    -------
    pandas.DataFrame
        Indexed by bin *start* (tz-aware UTC), one row per device and bin, oldest first:
        ``device_id``, ``park``, the bin's mean ``pv_power``, ``load_power``, ``grid_power`` [W] and
        ``poa_global`` [W/m²], the summed ``pv_energy_interval``, ``grid_import_interval``,
        ``grid_export_interval`` [Wh] and ``readings`` (count). A quantity no reading of the bin
        has is NaN, never 0.
    """
    import pandas as pd
    if not (isinstance(bin_s, int) and bin_s > 0):
        raise ValueError(f"bin_s must be a positive whole number of seconds (got {bin_s!r})")
    where, args = _live_where(park, device_ids, start, end)
    b = bin_s * 1000
    sql = (f"SELECT (timestamp_ms / {b}) * {b} AS bin_ms, device_id, park, "
           "avg(pv_power) AS pv_power, avg(load_power) AS load_power, avg(grid_power) AS grid_power, "
           "avg(poa_global) AS poa_global, sum(pv_energy_interval) AS pv_energy_interval, "
           "sum(grid_import_interval) AS grid_import_interval, sum(grid_export_interval) AS grid_export_interval, "
           f"count(*) AS readings FROM live_readings {where} GROUP BY bin_ms, device_id ORDER BY bin_ms, device_id")
    cur = store.db.execute(sql, args)
    names = [d[0] for d in cur.description]
    df = pd.DataFrame(cur.fetchall(), columns=names)
    df.index = pd.to_datetime(df.pop("bin_ms"), unit="ms", utc=True)
    df.index.name = "timestamp"
    for c in names[3:-1]:
        df[c] = df[c].astype(float)
    return df


# === Site survey (survey branch) ==================================================================
# Survey data the fleet model does not hold: roof outlines, setbacks, keep-outs, layout choices,
# horizon and obstacles (one JSON document per park, built by solarfleet.models.survey.site.SiteSurvey.extras)
# and photos (BLOBs). Both tables hang off ``parks`` with ON DELETE CASCADE, so deleting or
# replacing a park drops its survey with it; renaming keeps it (the park id is stable).

#: Media types a survey photo may have.
PHOTO_MEDIA_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/gif", "image/tiff")


class SurveyConflictError(StoreError, ValueError):
    """Parks of a survey package already exist and no resolution was chosen."""

    def __init__(self, names: list):
        self.names = list(names)
        super().__init__("the database already holds park(s) " + ", ".join(repr(n) for n in self.names)
                         + "; choose rename, replace or skip (nothing was imported)")


def _migrate_4_survey(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE survey_sites (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        survey TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE survey_photos (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        added_utc TEXT NOT NULL,
        UNIQUE (park_id, name)
    );
    CREATE INDEX survey_photos_park ON survey_photos(park_id);
    """)


_MIGRATIONS.append((4, _migrate_4_survey))


def _survey_park_id(store: "Store", park_name: str) -> int:
    pid = store._park_id(park_name)
    if pid is None:
        raise KeyError(park_name)
    return pid


def save_survey(store: "Store", park_name: str, survey: dict) -> None:
    """Store (or replace) the survey document of an existing park (``KeyError`` if none)."""
    text = json.dumps(survey, ensure_ascii=False, allow_nan=False)
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        store.db.execute("INSERT INTO survey_sites(park_id, survey, updated_utc) VALUES (?, ?, ?) "
                         "ON CONFLICT(park_id) DO UPDATE SET survey = excluded.survey, "
                         "updated_utc = excluded.updated_utc", [pid, text, _utcnow()])


def load_survey(store: "Store", park_name: str) -> Optional[dict]:
    """The survey document of a park, ``None`` if it has none (``KeyError`` for an unknown park)."""
    pid = _survey_park_id(store, park_name)
    row = store.db.execute("SELECT survey FROM survey_sites WHERE park_id = ?", [pid]).fetchone()
    return None if row is None else json.loads(row[0])


def surveyed_park_names(store: "Store") -> list[str]:
    """Names of the parks that hold a survey, in fleet order."""
    return [r[0] for r in store.db.execute(
        "SELECT parks.name FROM parks JOIN survey_sites ON survey_sites.park_id = parks.id "
        "ORDER BY parks.position, parks.id")]


def add_survey_photo(store: "Store", park_name: str, name: str, data: bytes, media_type: str,
                     *, replace: bool = False) -> str:
    """Attach a photo to a park's survey; returns its SHA-256 (hex).

    Raises ``KeyError`` for an unknown park and ``ValueError`` for a name already used
    (unless ``replace``), an empty photo or an unknown media type.
    """
    import hashlib
    if media_type not in PHOTO_MEDIA_TYPES:
        raise ValueError(f"photo {name!r}: media type {media_type!r} is not one of {', '.join(PHOTO_MEDIA_TYPES)}")
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ValueError(f"photo {name!r} is empty")
    digest = hashlib.sha256(data).hexdigest()
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        exists = store.db.execute("SELECT 1 FROM survey_photos WHERE park_id = ? AND name = ?",
                                  [pid, name]).fetchone()
        if exists and not replace:
            raise ValueError(f"park {park_name!r} already has a photo named {name!r}")
        store.db.execute("DELETE FROM survey_photos WHERE park_id = ? AND name = ?", [pid, name])
        store.db.execute("INSERT INTO survey_photos(park_id, name, media_type, sha256, size, data, added_utc) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [pid, name, media_type, digest, len(data), bytes(data), _utcnow()])
    return digest


def list_survey_photos(store: "Store", park_name: str) -> list[dict]:
    """``name``, ``media_type``, ``sha256``, ``size`` [bytes] of a park's photos (no data)."""
    pid = _survey_park_id(store, park_name)
    return [dict(r) for r in store.db.query(
        "SELECT name, media_type, sha256, size FROM survey_photos WHERE park_id = ? ORDER BY id", [pid])]


def load_survey_photo(store: "Store", park_name: str, name: str) -> bytes:
    """The bytes of one photo (``KeyError`` if the park or photo is unknown)."""
    pid = _survey_park_id(store, park_name)
    row = store.db.execute("SELECT data FROM survey_photos WHERE park_id = ? AND name = ?", [pid, name]).fetchone()
    if row is None:
        raise KeyError(name)
    return bytes(row[0])


def save_surveyed_park(store: "Store", park: Park, survey: Optional[dict], *, replace: bool = False) -> None:
    """Store a park built from a survey and its survey document in one transaction."""
    with store.db.atomic():
        store._write_park(park, replace=replace)
        if survey is not None:
            save_survey(store, park.name, survey)


# --- survey GUI branch: undo of a survey saved over a park that had none ---

def delete_survey(store: "Store", park_name: str) -> bool:
    """Drop the survey document of a park (its photos stay); True if it had one (``KeyError`` if no park)."""
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        cur = store.db.execute("DELETE FROM survey_sites WHERE park_id = ?", [pid])
    return cur.rowcount > 0


def survey_conflicts(store: "Store", names) -> list[str]:
    """Which of ``names`` are parks the database already holds (case-insensitive)."""
    return [n for n in names if store._park_id(n) is not None]


def import_surveyed_parks(store: "Store", sites, on_conflict="error") -> dict:
    """Merge surveyed parks into the fleet, in one transaction.

    Parameters
    ----------
    sites : iterable of (Park, dict or None, list of dict)
        Each park with its survey document and photos (``name``, ``media_type``, ``data``).
    on_conflict : {'error', 'rename', 'replace', 'skip'} or dict
        What to do with a park whose name is taken; a dict maps a park name to its own choice
        (names not in it get ``'error'``). ``'error'`` refuses the whole import with
        :class:`SurveyConflictError` listing every clash, leaving the database unchanged.

    Returns
    -------
    dict
        ``added``, ``replaced``, ``skipped`` (lists of names), ``renamed`` (old → new) and
        ``photos`` (number stored).
    """
    sites = list(sites)
    per_name = {}
    for park, _, _ in sites:
        choice = on_conflict.get(park.name, on_conflict.get(park.name.casefold(), "error")) \
            if isinstance(on_conflict, dict) else on_conflict
        if choice not in ON_CONFLICT:
            raise ValueError(f"on_conflict for {park.name!r} must be one of {', '.join(ON_CONFLICT)} "
                             f"(got {choice!r})")
        per_name[park.name] = choice
    clashes = [p.name for p, _, _ in sites if per_name[p.name] == "error" and store._park_id(p.name) is not None]
    if clashes:
        raise SurveyConflictError(clashes)
    report = {"added": [], "replaced": [], "skipped": [], "renamed": {}, "photos": 0}
    with store.db.atomic():
        for park, survey, photos in sites:
            rep = store.import_fleet(Fleet((park,)), on_conflict=per_name[park.name])
            if rep["skipped"]:
                report["skipped"] += rep["skipped"]
                continue
            report["added"] += rep["added"]
            report["replaced"] += rep["replaced"]
            report["renamed"].update(rep["renamed"])
            final = rep["renamed"].get(park.name, park.name)
            if rep["replaced"]:  # the package's survey replaces the old one whole, photos included
                pid = _survey_park_id(store, final)
                store.db.execute("DELETE FROM survey_sites WHERE park_id = ?", [pid])
                store.db.execute("DELETE FROM survey_photos WHERE park_id = ?", [pid])
            if survey is not None:
                save_survey(store, final, survey)
            for ph in photos:
                add_survey_photo(store, final, ph["name"], ph["data"], ph["media_type"])
                report["photos"] += 1
    return report


# === simulation runs (simulation branch) — schema ==================================================
# One run = one row in sim_runs; per park a row in sim_parks; per array a row in sim_arrays holding
# its whole AC series [W] as a float32 little-endian blob (NaN = missing weather); energies [Wh] per
# day/month/year in sim_energy for arrays (month, year) and roofs, parks, the fleet (day, month,
# year); periods are local calendar periods of the park's time zone, labelled by their first day.
# Measured (tests/bench/fleet_speed.py): one blob row per array beats a narrow (array, time) table
# by orders of magnitude for 1,000 × 8,760 values.

def _migrate_5_sim(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE sim_runs (
        id INTEGER PRIMARY KEY,
        started_utc TEXT NOT NULL,
        duration_s REAL NOT NULL,
        fleet_hash TEXT NOT NULL,
        options TEXT NOT NULL,
        weather TEXT NOT NULL,
        versions TEXT NOT NULL,
        parks INTEGER NOT NULL, arrays INTEGER NOT NULL,
        dc_capacity REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        missing_intervals INTEGER NOT NULL,
        losses TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE sim_parks (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        park TEXT NOT NULL COLLATE NOCASE,
        tz TEXT NOT NULL,
        start_utc TEXT NOT NULL, periods INTEGER NOT NULL, interval_minutes REAL NOT NULL,
        weather TEXT NOT NULL,
        missing_intervals INTEGER NOT NULL,
        dc_capacity REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        losses TEXT NOT NULL,
        PRIMARY KEY (run_id, park)
    );
    CREATE TABLE sim_arrays (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        park TEXT NOT NULL COLLATE NOCASE,
        position INTEGER NOT NULL,
        roof TEXT NOT NULL COLLATE NOCASE,
        array TEXT NOT NULL COLLATE NOCASE,
        dc_model TEXT NOT NULL, inverter_model TEXT NOT NULL,
        dc_capacity REAL NOT NULL, ac_capacity REAL NOT NULL,
        surface_tilt REAL NOT NULL, surface_azimuth REAL NOT NULL,
        poa_insolation REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        losses TEXT NOT NULL,
        ac BLOB NOT NULL,
        PRIMARY KEY (run_id, park, roof, array)
    );
    CREATE TABLE sim_energy (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        level TEXT NOT NULL,
        park TEXT NOT NULL COLLATE NOCASE,
        roof TEXT NOT NULL COLLATE NOCASE,
        array TEXT NOT NULL COLLATE NOCASE,
        period TEXT NOT NULL,
        period_start TEXT NOT NULL,
        ac_energy REAL NOT NULL,
        PRIMARY KEY (run_id, level, park, roof, array, period, period_start)
    ) WITHOUT ROWID;
    """)
# === end simulation runs — schema ================================================================


_MIGRATIONS.append((5, _migrate_5_sim))


# --- weather (weather branch): schema ---
def _migrate_6_weather(db: sqlite_utils.Database) -> None:
    """Weather sets attached to parks, their series, and a cache of PVGIS responses."""
    db.executescript("""
    CREATE TABLE weather_sets (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('tmy', 'measured', 'synthetic', 'clearsky')),
        year INTEGER,                          -- NULL for a typical year
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT 'start',   -- stamps are interval starts
        start_utc TEXT NOT NULL,               -- first interval start, ISO 8601 UTC
        intervals INTEGER NOT NULL,
        latitude REAL, longitude REAL, altitude REAL, tz TEXT,
        ghi_annual REAL,                       -- irradiation over the set [Wh/m²], NaN intervals skipped
        ghi_missing INTEGER NOT NULL,          -- intervals without ghi
        metadata TEXT NOT NULL,                -- JSON
        quality TEXT NOT NULL,                 -- JSON quality report
        is_default INTEGER NOT NULL DEFAULT 0, -- the park's default weather (one per park)
        created_utc TEXT NOT NULL
    );
    CREATE INDEX weather_sets_park ON weather_sets(park_id);
    CREATE UNIQUE INDEX weather_sets_one_default ON weather_sets(park_id) WHERE is_default = 1;
    CREATE TABLE weather_series (
        weather_id INTEGER NOT NULL REFERENCES weather_sets(id) ON DELETE CASCADE,
        quantity TEXT NOT NULL,                -- pvlib name: ghi, dni, dhi, temp_air, wind_speed, albedo, pressure
        encoding TEXT NOT NULL,                -- 'zlib-f4le': zlib-compressed little-endian float32, NaN = missing
        data BLOB NOT NULL,
        PRIMARY KEY (weather_id, quantity)
    );
    CREATE TABLE pvgis_cache (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,                    -- 'tmy' or 'horizon'
        latitude REAL NOT NULL, longitude REAL NOT NULL,
        params TEXT NOT NULL DEFAULT '{}',
        fetched_utc TEXT NOT NULL,
        payload TEXT NOT NULL,                 -- JSON
        UNIQUE (kind, latitude, longitude, params)
    );
    """)
# --- end weather schema ---


_MIGRATIONS.append((6, _migrate_6_weather))




# --- weather (weather branch): queries ------------------------------------------------------------
# Weather sets follow the convention of models/weather/readers.py: a regular UTC index of interval starts,
# pvlib column names, SI units, NaN for missing. Each column is stored as one compressed float32 blob.

_WEATHER_ENCODING = "zlib-f4le"
_WEATHER_KINDS = ("tmy", "measured", "synthetic", "clearsky")


class WeatherStoreError(StoreError, ValueError):
    """A weather set cannot be stored or found as asked."""


def _pack(values) -> bytes:
    import zlib
    import numpy as np
    return zlib.compress(np.asarray(values, dtype="<f4").tobytes(), 6)


def _unpack(blob: bytes, n: int):
    import zlib
    import numpy as np
    a = np.frombuffer(zlib.decompress(blob), dtype="<f4").astype(float)
    if len(a) != n:
        raise WeatherStoreError(f"stored series has {len(a)} values, expected {n}: the database is damaged")
    return a


def _json_safe(obj):
    """Metadata → JSON-able (NaN → None, numpy scalars → Python)."""
    import math
    import numpy as np
    if isinstance(obj, dict):
        return {str(k): _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def _check_weather(data, metadata: dict) -> None:
    import pandas as pd
    if not isinstance(data, pd.DataFrame) or not isinstance(data.index, pd.DatetimeIndex):
        raise WeatherStoreError("weather data must be a DataFrame on a DatetimeIndex")
    if data.index.tz is None or str(data.index.tz) != "UTC":
        raise WeatherStoreError("weather data must be indexed in UTC")
    if len(data) == 0:
        raise WeatherStoreError("weather data is empty")
    minutes = metadata.get("interval_minutes")
    if not isinstance(minutes, int) or minutes <= 0:
        raise WeatherStoreError("metadata['interval_minutes'] must be a positive int")
    expected = pd.date_range(data.index[0], periods=len(data), freq=f"{minutes}min")
    if not data.index.equals(expected):
        raise WeatherStoreError(f"weather index is not a regular {minutes}-minute range (reindex gaps to NaN first)")
    if "ghi" not in data.columns:
        raise WeatherStoreError("weather data has no ghi column")
    if metadata.get("kind") not in _WEATHER_KINDS:
        raise WeatherStoreError(f"metadata['kind'] must be one of {', '.join(_WEATHER_KINDS)}")
    if metadata.get("label", "start") != "start":
        raise WeatherStoreError("weather stamps must be interval starts (metadata['label'] == 'start')")


def _weather_name(metadata: dict) -> str:
    kind = metadata.get("kind")
    if kind == "measured" and metadata.get("year"):
        return f"{metadata.get('source', 'measured')} {metadata['year']}"
    return str(metadata.get("source") or kind)


def add_weather(store: Store, park_name: str, data, metadata: dict, report: dict, *,
                name: Optional[str] = None, default: Optional[bool] = None) -> int:
    """Store a weather set for a park in one transaction; return its id.

    Parameters
    ----------
    store : Store
    park_name : str
    data : pandas.DataFrame
        UTC interval-start index (regular), pvlib columns [W/m², °C, m/s, -, Pa].
    metadata : dict
        From a ``read_*`` or ``synth_*`` function.
    report : dict
        From :func:`solarfleet.models.weather.quality.quality_report`.
    name : str, optional
        Display name (default: from the source and year).
    default : bool, optional
        Make it the park's default weather. Default: only if the park has none yet.
    """
    import numpy as np
    _check_weather(data, metadata)
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    minutes = int(metadata["interval_minutes"])
    ghi = data["ghi"].to_numpy(float)
    row = {
        "park_id": park_id, "name": name or _weather_name(metadata), "kind": metadata["kind"],
        "year": metadata.get("year"), "source": str(metadata.get("source", "")),
        "format": str(metadata.get("format", "")), "interval_minutes": minutes, "label": "start",
        "start_utc": data.index[0].isoformat(), "intervals": int(len(data)),
        "latitude": _json_safe(metadata.get("latitude")), "longitude": _json_safe(metadata.get("longitude")),
        "altitude": _json_safe(metadata.get("altitude")), "tz": metadata.get("tz"),
        "ghi_annual": float(np.nansum(ghi) * minutes / 60.0), "ghi_missing": int(np.isnan(ghi).sum()),
        "metadata": json.dumps(_json_safe(metadata), ensure_ascii=False, allow_nan=False),
        "quality": json.dumps(_json_safe(report), ensure_ascii=False, allow_nan=False),
        "is_default": 0, "created_utc": _utcnow()}
    with store.db.atomic():
        current = store.db.execute("SELECT kind FROM weather_sets WHERE park_id = ? AND is_default = 1",
                                   [park_id]).fetchone()
        # real data (imported TMY or measured) takes over from a synthetic or clear-sky default
        real = metadata["kind"] in ("tmy", "measured")
        make_default = (current is None or (real and current[0] in ("synthetic", "clearsky"))) \
            if default is None else bool(default)
        if make_default:
            store.db.execute("UPDATE weather_sets SET is_default = 0 WHERE park_id = ?", [park_id])
            row["is_default"] = 1
        weather_id = store.db["weather_sets"].insert(row).last_pk
        store.db["weather_series"].insert_all(
            [{"weather_id": weather_id, "quantity": c, "encoding": _WEATHER_ENCODING, "data": _pack(data[c])}
             for c in data.columns])
    return int(weather_id)


_LIST_COLUMNS = ("id", "name", "kind", "year", "source", "format", "interval_minutes", "start_utc", "intervals",
                 "ghi_annual", "ghi_missing", "is_default", "created_utc", "latitude", "longitude", "tz")


def list_weather(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Weather sets (without series), each with its ``park`` name, newest last; one park's when named."""
    cols = ", ".join(f"w.{c}" for c in _LIST_COLUMNS)
    sql = f"SELECT p.name AS park, {cols} FROM weather_sets w JOIN parks p ON p.id = w.park_id"
    args: list = []
    if park_name is not None:
        if store._park_id(park_name) is None:
            raise KeyError(park_name)
        sql += " WHERE p.name = ?"
        args.append(park_name.strip())
    sql += " ORDER BY p.position, w.id"
    rows = []
    for r in store.db.query(sql, args):
        r["is_default"] = bool(r["is_default"])
        rows.append(r)
    return rows


def weather_info(store: Store, weather_id: int) -> dict:
    """One set's row with ``metadata`` and ``quality`` decoded (no series)."""
    rows = list(store.db.query("SELECT p.name AS park, w.* FROM weather_sets w JOIN parks p ON p.id = w.park_id "
                               "WHERE w.id = ?", [int(weather_id)]))
    if not rows:
        raise KeyError(weather_id)
    r = rows[0]
    r["metadata"] = json.loads(r["metadata"])
    r["quality"] = json.loads(r["quality"])
    r["is_default"] = bool(r["is_default"])
    return r


def load_weather(store: Store, weather_id: int):
    """``(data, metadata)`` of a stored set, exactly as :func:`add_weather` took it (float32 precision)."""
    import pandas as pd
    info = weather_info(store, weather_id)
    n, minutes = info["intervals"], info["interval_minutes"]
    index = pd.date_range(pd.Timestamp(info["start_utc"]).tz_convert("UTC"), periods=n, freq=f"{minutes}min",
                          name="time")
    data = pd.DataFrame(index=index)
    for r in store.db.query("SELECT quantity, encoding, data FROM weather_series WHERE weather_id = ? "
                            "ORDER BY rowid", [int(weather_id)]):
        if r["encoding"] != _WEATHER_ENCODING:
            raise WeatherStoreError(f"weather series encoding {r['encoding']!r} is unknown to this version")
        data[r["quantity"]] = _unpack(r["data"], n)
    meta = dict(info["metadata"])
    for k in ("latitude", "longitude"):
        if meta.get(k) is None:
            meta[k] = float("nan")
    meta["weather_id"] = int(weather_id)
    meta["park"] = info["park"]
    return data, meta


def delete_weather(store: Store, weather_id: int) -> None:
    """Remove a set; if it was its park's default, the park's newest other set becomes the default."""
    with store.db.atomic():
        row = store.db.execute("SELECT park_id, is_default FROM weather_sets WHERE id = ?",
                               [int(weather_id)]).fetchone()
        if row is None:
            raise KeyError(weather_id)
        store.db.execute("DELETE FROM weather_sets WHERE id = ?", [int(weather_id)])
        if row[1]:
            store.db.execute("UPDATE weather_sets SET is_default = 1 WHERE id = (SELECT max(id) FROM weather_sets "
                             "WHERE park_id = ?)", [row[0]])


def set_default_weather(store: Store, park_name: str, weather_id: int) -> None:
    """Make ``weather_id`` the default weather of ``park_name`` (it must belong to that park)."""
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    with store.db.atomic():
        owner = store.db.execute("SELECT park_id FROM weather_sets WHERE id = ?", [int(weather_id)]).fetchone()
        if owner is None or owner[0] != park_id:
            raise WeatherStoreError(f"weather set {weather_id} does not belong to park {park_name!r}")
        store.db.execute("UPDATE weather_sets SET is_default = 0 WHERE park_id = ?", [park_id])
        store.db.execute("UPDATE weather_sets SET is_default = 1 WHERE id = ?", [int(weather_id)])


def default_weather(store: Store, park_name: str) -> Optional[int]:
    """Id of the park's default weather set, or None."""
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    row = store.db.execute("SELECT id FROM weather_sets WHERE park_id = ? AND is_default = 1", [park_id]).fetchone()
    return None if row is None else int(row[0])


def _cache_key(latitude: float, longitude: float, params: Optional[dict]) -> tuple:
    return round(float(latitude), 4), round(float(longitude), 4), json.dumps(params or {}, sort_keys=True)


def pvgis_cache_get(store: Store, kind: str, latitude: float, longitude: float,
                    params: Optional[dict] = None) -> Optional[dict]:
    """A cached PVGIS response ``{"payload", "fetched_utc"}`` for the site (4-decimal match), or None."""
    lat, lon, p = _cache_key(latitude, longitude, params)
    row = store.db.execute("SELECT payload, fetched_utc FROM pvgis_cache WHERE kind = ? AND latitude = ? AND "
                           "longitude = ? AND params = ?", [kind, lat, lon, p]).fetchone()
    return None if row is None else {"payload": json.loads(row[0]), "fetched_utc": row[1]}


def pvgis_cache_put(store: Store, kind: str, latitude: float, longitude: float, payload,
                    params: Optional[dict] = None) -> None:
    """Store (or replace) a PVGIS response for the site."""
    lat, lon, p = _cache_key(latitude, longitude, params)
    with store.db.atomic():
        store.db.execute("INSERT INTO pvgis_cache(kind, latitude, longitude, params, fetched_utc, payload) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(kind, latitude, longitude, params) DO UPDATE SET "
                         "fetched_utc = excluded.fetched_utc, payload = excluded.payload",
                         [kind, lat, lon, p, _utcnow(),
                          json.dumps(_json_safe(payload), ensure_ascii=False, allow_nan=False)])


for _f in (add_weather, list_weather, weather_info, load_weather, delete_weather, set_default_weather,
           default_weather, pvgis_cache_get, pvgis_cache_put):
    setattr(Store, _f.__name__, _f)  # also callable as store.add_weather(...)
del _f
__all__ += ["WeatherStoreError", "add_weather", "list_weather", "weather_info", "load_weather", "delete_weather",
            "set_default_weather", "default_weather", "pvgis_cache_get", "pvgis_cache_put"]
# --- end weather queries ---


# === yield studies, forecasts, measured AC (export branch) =======================================
# Schema v7 (the lead renumbers at merge). Forecasts and measured AC are narrow tables keyed by
# UTC instants in milliseconds (interval starts); powers [W], irradiance [W/m²].

def _migrate_7_forecast(db: sqlite_utils.Database) -> None:
    db.executescript("""
    CREATE TABLE yield_studies (
        id INTEGER PRIMARY KEY,
        created_utc TEXT NOT NULL,
        parks TEXT NOT NULL,
        parameters TEXT NOT NULL,
        info TEXT NOT NULL,
        results TEXT NOT NULL,
        projection TEXT NOT NULL
    );
    CREATE TABLE forecasts (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        created_utc TEXT NOT NULL,
        issued_utc TEXT NOT NULL,
        method TEXT NOT NULL,
        horizon TEXT NOT NULL,
        source TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        metadata TEXT NOT NULL
    );
    CREATE INDEX forecasts_park ON forecasts(park_id, id);
    CREATE TABLE forecast_values (
        forecast_id INTEGER NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
        time_ms INTEGER NOT NULL,
        ghi REAL, ac_p10 REAL, ac_p50 REAL, ac_p90 REAL, ac_clearsky REAL,
        PRIMARY KEY (forecast_id, time_ms)
    ) WITHOUT ROWID;
    CREATE TABLE measured_ac (
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        time_ms INTEGER NOT NULL,
        interval_minutes INTEGER NOT NULL,
        ac REAL,
        source TEXT NOT NULL,
        PRIMARY KEY (park_id, time_ms)
    ) WITHOUT ROWID;
    """)


_MIGRATIONS.append((7, _migrate_7_forecast))


def save_yield_study(store: Store, study) -> int:
    """Store a :class:`solarfleet.models.studies.yield_study.YieldStudy`; return its id (also set on ``study.study_id``)."""
    parks = sorted(set(study.table["park"]) - {""})
    row = {"created_utc": study.created_utc,
           "parks": json.dumps(parks, ensure_ascii=False),
           "parameters": json.dumps(_json_safe(study.parameters), ensure_ascii=False, allow_nan=False),
           "info": json.dumps(_json_safe(study.parks), ensure_ascii=False, allow_nan=False),
           "results": study.table.to_json(orient="split", index=False, force_ascii=False, double_precision=15),
           "projection": study.projection.to_json(orient="split", index=False, force_ascii=False,
                                                  double_precision=15)}
    with store.db.atomic():
        sid = int(store.db["yield_studies"].insert(row).last_pk)
    study.study_id = sid
    return sid


def list_yield_studies(store: Store) -> list[dict]:
    """Stored studies, newest first: ``id``, ``created_utc``, ``parks`` (list), ``parameters`` (dict)."""
    out = []
    for r in store.db.query("SELECT id, created_utc, parks, parameters FROM yield_studies ORDER BY id DESC"):
        r["parks"] = json.loads(r["parks"])
        r["parameters"] = json.loads(r["parameters"])
        out.append(r)
    return out


def load_yield_study(store: Store, study_id: Optional[int] = None, park_name: Optional[str] = None,
                     covering=None):
    """A stored study: the newest, or the newest covering ``park_name`` or every park named in
    ``covering``; None if there is none (``KeyError`` for an unknown ``study_id``)."""
    import io
    import pandas as pd
    from solarfleet.models.studies.yield_study import YieldStudy
    rows = list(store.db.query("SELECT * FROM yield_studies ORDER BY id DESC" if study_id is None else
                               "SELECT * FROM yield_studies WHERE id = ?", [] if study_id is None else [study_id]))
    if park_name is not None:
        rows = [r for r in rows if park_name.casefold() in {p.casefold() for p in json.loads(r["parks"])}]
    if covering is not None:
        need = {p.casefold() for p in covering}
        rows = [r for r in rows if need <= {p.casefold() for p in json.loads(r["parks"])}]
    if not rows:
        if study_id is not None:
            raise KeyError(study_id)
        return None
    r = rows[0]
    table = pd.read_json(io.StringIO(r["results"]), orient="split", dtype=False)
    table["park"] = table["park"].astype(str)
    table["array"] = table["array"].astype(str)
    table["period"] = table["period"].astype(str)
    proj = pd.read_json(io.StringIO(r["projection"]), orient="split", dtype=False)
    return YieldStudy(table=table, projection=proj, parks=json.loads(r["info"]), parameters=json.loads(r["parameters"]),
                      created_utc=r["created_utc"], study_id=int(r["id"]))


def save_forecast(store: Store, park_name: str, frame, meta: dict) -> int:
    """Store a forecast in one transaction; return its id.

    Parameters
    ----------
    frame : pandas.DataFrame
        UTC interval-start index; ``ac_p10``, ``ac_p50``, ``ac_p90``, ``ac_clearsky`` [W], optional ``ghi`` [W/m²].
    meta : dict
        ``issued_utc`` (ISO), ``method``, ``horizon``, ``source``, ``interval_minutes`` and anything else
        (stored as JSON).
    """
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    cols = ("ghi", "ac_p10", "ac_p50", "ac_p90", "ac_clearsky")
    def num(v):
        v = float(v)
        return v if v == v else None
    values = [(int(t.value // 1_000_000), *(num(frame[c].iloc[i]) if c in frame else None for c in cols))
              for i, t in enumerate(frame.index.tz_convert("UTC"))]
    with store.db.atomic():
        fid = store.db["forecasts"].insert({
            "park_id": park_id, "created_utc": _utcnow(), "issued_utc": str(meta["issued_utc"]),
            "method": str(meta["method"]), "horizon": str(meta["horizon"]), "source": str(meta.get("source", "")),
            "interval_minutes": int(meta["interval_minutes"]),
            "metadata": json.dumps(_json_safe(dict(meta)), ensure_ascii=False, allow_nan=False)}).last_pk
        store.db.conn.executemany(
            "INSERT INTO forecast_values (forecast_id, time_ms, ghi, ac_p10, ac_p50, ac_p90, ac_clearsky) "
            "VALUES (?,?,?,?,?,?,?)", [(fid, *v) for v in values])
    return int(fid)


def list_forecasts(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Stored forecasts (no values), newest first, each with its ``park``."""
    sql = ("SELECT f.id, p.name AS park, f.created_utc, f.issued_utc, f.method, f.horizon, f.source, "
           "f.interval_minutes FROM forecasts f JOIN parks p ON p.id = f.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE p.name = ?"
        args.append(park_name.strip())
    return list(store.db.query(sql + " ORDER BY f.id DESC", args))


def load_forecast(store: Store, forecast_id: int):
    """``(frame, meta)`` of a stored forecast; frame indexed by UTC interval start [W, W/m²]."""
    import pandas as pd
    row = store.db.execute("SELECT p.name, f.metadata FROM forecasts f JOIN parks p ON p.id = f.park_id "
                           "WHERE f.id = ?", [int(forecast_id)]).fetchone()
    if row is None:
        raise KeyError(forecast_id)
    cur = store.db.execute("SELECT time_ms, ghi, ac_p10, ac_p50, ac_p90, ac_clearsky FROM forecast_values "
                           "WHERE forecast_id = ? ORDER BY time_ms", [int(forecast_id)])
    df = pd.DataFrame(cur.fetchall(), columns=["time_ms", "ghi", "ac_p10", "ac_p50", "ac_p90", "ac_clearsky"])
    df.index = pd.to_datetime(df.pop("time_ms"), unit="ms", utc=True)
    df.index.name = "time"
    df = df.astype(float)
    meta = json.loads(row[1])
    meta.update(id=int(forecast_id), park=row[0])
    return df, meta


def add_measured_ac(store: Store, park_name: str, ac, interval_minutes: int, source: str) -> int:
    """Store an imported measured AC series [W] (interval means, UTC interval starts) for a park.

    An instant already stored for the park is replaced. Returns the number of rows written.
    """
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    rows = [(park_id, int(t.value // 1_000_000), int(interval_minutes), None if v != v else float(v), source)
            for t, v in zip(ac.index.tz_convert("UTC"), ac.to_numpy(dtype=float))]
    with store.db.atomic():
        store.db.conn.executemany("INSERT OR REPLACE INTO measured_ac (park_id, time_ms, interval_minutes, ac, source) "
                                  "VALUES (?,?,?,?,?)", rows)
    return len(rows)


def measured_ac(store: Store, park_name: str, start=None, end=None):
    """Imported measured AC [W] of a park as a Series on UTC interval starts (``[start, end)``), NaN kept."""
    import pandas as pd
    park_id = store._park_id(park_name)
    if park_id is None:
        raise KeyError(park_name)
    sql, args = "SELECT time_ms, ac FROM measured_ac WHERE park_id = ?", [park_id]
    if start is not None:
        sql += " AND time_ms >= ?"
        args.append(_ms(start))
    if end is not None:
        sql += " AND time_ms < ?"
        args.append(_ms(end))
    rows = store.db.execute(sql + " ORDER BY time_ms", args).fetchall()
    s = pd.Series([r[1] for r in rows], index=pd.to_datetime([r[0] for r in rows], unit="ms", utc=True),
                  dtype=float, name="ac")
    s.index.name = "time"
    return s


for _f in (save_yield_study, list_yield_studies, load_yield_study, save_forecast, list_forecasts, load_forecast,
           add_measured_ac, measured_ac):
    setattr(Store, _f.__name__, _f)
del _f
__all__ += ["save_yield_study", "list_yield_studies", "load_yield_study", "save_forecast", "list_forecasts",
            "load_forecast", "add_measured_ac", "measured_ac"]
# === end yield studies, forecasts, measured AC ====================================================
# --- reliability branch: read-only opening (a second app instance while another one writes) ---------

__all__ += ["ReadOnlyOpenError", "open_store_read_only"]

class ReadOnlyOpenError(StoreError):
    """The file cannot be opened read-only as it is (missing, or at another schema version)."""


def open_store_read_only(path, *, busy_timeout_ms: int = 5000) -> Store:
    """Open an existing SolarFleet database for reading only; never migrates, never writes.

    Used when another process holds the writer lock (:mod:`solarfleet.models.db_lock`). The connection is
    opened with SQLite's ``mode=ro`` and ``PRAGMA query_only``, so any write raises
    :class:`sqlite3.OperationalError` and the file stays as the writer leaves it.

    Raises
    ------
    ReadOnlyOpenError
        The file does not exist, or its schema version is not this version's (an older file
        must be upgraded by the writer first).
    NotASolarFleetFile
        The file is not a SolarFleet database.
    """
    path = Path(path)
    if not path.is_file():
        raise ReadOnlyOpenError(f"{path}: no such database; a read-only session cannot create one")
    version, app_id = _read_header(path)
    if app_id != _APP_ID:
        raise NotASolarFleetFile(f"{path}: not a SolarFleet database")
    if version != SCHEMA_VERSION:
        raise ReadOnlyOpenError(f"{path} has schema version {version}; this SolarFleet reads version "
                                f"{SCHEMA_VERSION} and cannot upgrade a file it may not write")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=True)
    try:
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        db.execute("PRAGMA query_only = ON")
        store = Store(db, path)
        store.read_only = True
        store.schema_version  # noqa: B018 - reads the header now: a broken file fails here, not later
        return store
    except BaseException:
        conn.close()
        raise
