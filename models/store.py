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
           "Store", "open_store", "ON_CONFLICT",
           # site survey (survey branch)
           "SurveyConflictError", "PHOTO_MEDIA_TYPES", "save_survey", "load_survey", "surveyed_park_names",
           "add_survey_photo", "list_survey_photos", "load_survey_photo", "save_surveyed_park",
           "survey_conflicts", "import_surveyed_parks"]

#: Version this code writes. Bump it and append to ``_MIGRATIONS`` for every schema change.
SCHEMA_VERSION = 2  # 2: site-survey tables (survey branch; see the section at the end)
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


# === Site survey (survey branch) ==================================================================
# Survey data the fleet model does not hold: roof outlines, setbacks, keep-outs, layout choices,
# horizon and obstacles (one JSON document per park, built by models.survey.SiteSurvey.extras)
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


def _migrate_2_survey(db: sqlite_utils.Database) -> None:
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


_MIGRATIONS.append((2, _migrate_2_survey))


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
