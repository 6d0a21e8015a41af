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
           "Store", "open_store", "ON_CONFLICT"]

#: Version this code writes. Bump it and append to ``_MIGRATIONS`` for every schema change.
SCHEMA_VERSION = 2
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


# === simulation runs (simulation branch) — schema ==================================================
# One run = one row in sim_runs; per park a row in sim_parks; per array a row in sim_arrays holding
# its whole AC series [W] as a float32 little-endian blob (NaN = missing weather); energies [Wh] per
# day/month/year in sim_energy for arrays (month, year) and roofs, parks, the fleet (day, month,
# year); periods are local calendar periods of the park's time zone, labelled by their first day.
# Measured (tests/bench/fleet_speed.py): one blob row per array beats a narrow (array, time) table
# by orders of magnitude for 1,000 × 8,760 values.

def _migrate_2(db: sqlite_utils.Database) -> None:
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


#: ``(version, function)`` pairs; function brings a file from ``version - 1`` to ``version``.
_MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1), (2, _migrate_2)]

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


    # === simulation runs (simulation branch) — queries ============================================
    def save_run(self, meta: dict, park_results) -> int:
        """Store a simulation run in one transaction and return its id.

        Parameters
        ----------
        meta : dict
            ``started_utc`` (ISO text), ``duration_s`` [s], ``fleet_hash``, ``options`` (dict),
            ``versions`` (dict), optional ``note``; see :func:`models.simulation.run_metadata`.
        park_results : sequence of models.simulation.ParkResult
            Every park of the run. Nothing is written unless all of it is.

        Returns
        -------
        int
            The run id.
        """
        from .run_aggregates import aggregate_run
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
            from .run_aggregates import daily_energy
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
