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


# --- weather (weather branch): schema ---
def _migrate_weather(db: sqlite_utils.Database) -> None:
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


#: ``(version, function)`` pairs; function brings a file from ``version - 1`` to ``version``.
_MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1), (2, _migrate_weather)]

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


# --- weather (weather branch): queries ------------------------------------------------------------
# Weather sets follow the convention of models/weather.py: a regular UTC index of interval starts,
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
        From :func:`models.weather_quality.quality_report`.
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
        has_default = store.db.execute("SELECT count(*) FROM weather_sets WHERE park_id = ? AND is_default = 1",
                                       [park_id]).fetchone()[0]
        make_default = (not has_default) if default is None else bool(default)
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
