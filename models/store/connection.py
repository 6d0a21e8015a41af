"""Opening a SolarFleet database: the :class:`Store` connection, its errors and the meta table.

A :class:`Store` owns one sqlite-utils connection and must stay on the thread that opened it (a worker
opens its own from the path). WAL journal on local disks, ``foreign_keys=ON``, a ``busy_timeout``.
``PRAGMA user_version`` is the schema version: :func:`open_store` migrates an older file (after a
backup, see :mod:`solarfleet.models.store.migrations`) and refuses a newer one untouched.
"""
from __future__ import annotations

import datetime as _dt
import math
import os
import sqlite3
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
import pandas as pd
import sqlite_utils

from solarfleet.models.store.migrations import APP_ID, MIGRATIONS, Migration, migrate, target_version

__all__ = ["StoreError", "SchemaTooNewError", "NotASolarFleetFile", "ReadOnlyOpenError", "Store", "open_store",
           "open_store_read_only", "write_blocker", "get_meta", "set_meta", "utc_now", "to_ms", "json_safe"]


class StoreError(RuntimeError):
    """The database cannot be used as asked."""


class SchemaTooNewError(StoreError):
    """The file was written by a newer SolarFleet; it is left untouched."""


class NotASolarFleetFile(StoreError):
    """The file is not an SQLite database, or belongs to another application."""


class ReadOnlyOpenError(StoreError):
    """The file cannot be opened read-only as it is (missing, or at another schema version)."""


def utc_now() -> str:
    """The current time as ISO 8601 UTC text, to the second (the ``*_utc`` columns)."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def to_ms(ts) -> int:
    """A tz-aware timestamp as integer milliseconds since the Unix epoch (the ``*_ms`` columns)."""
    t = pd.Timestamp(ts)
    if t.tzinfo is None:
        raise ValueError(f"timestamp must be tz-aware (got {ts!r})")
    return int(t.value // 1_000_000)


def json_safe(obj):
    """Metadata → JSON-able (NaN → None, numpy scalars → Python)."""
    if isinstance(obj, dict):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


class Store:
    """A SolarFleet database. Create it with :func:`open_store` or :func:`open_store_read_only`; the
    queries are functions of the table-family modules (``load_fleet(store)``, ``add_weather(store, …)``).

    Attributes
    ----------
    db : sqlite_utils.Database
    path : pathlib.Path or None
        ``None`` for an in-memory store.
    read_only : bool
        True for a store from :func:`open_store_read_only` (every write raises sqlite3.OperationalError).
    backup_path : pathlib.Path or None
        The copy made before the file was migrated, if it was.
    """

    def __init__(self, db: sqlite_utils.Database, path: Optional[Path], *, read_only: bool = False):
        self.db = db
        self.path = path
        self.read_only = read_only
        self.backup_path: Optional[Path] = None

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]


def get_meta(store: Store, key: str, default: Optional[str] = None) -> Optional[str]:
    """A value of the ``meta`` table (``created_utc``, ``schema_version``, ``fleet_changed_utc``, …)."""
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return default if row is None else row[0]


def set_meta(store: Store, key: str, value: str) -> None:
    store.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


def _read_header(path: Path) -> tuple[int, int]:
    """``(user_version, application_id)`` of an existing file, read without changing it."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) == 0:
        return 0, 0
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        raise NotASolarFleetFile(f"{path}: not an SQLite database")
    return int.from_bytes(head[60:64], "big", signed=True), int.from_bytes(head[68:72], "big", signed=True)


def _check_existing(path: Path, version_wanted: int) -> None:
    """Refuse a newer or foreign file before any connection, so that it stays byte-identical."""
    version, app_id = _read_header(path)
    if version > version_wanted:
        raise SchemaTooNewError(
            f"{path} was written by a newer SolarFleet (schema version {version}; this version reads up "
            f"to {version_wanted}). Update SolarFleet to open it; the file was not changed.")
    if app_id not in (0, APP_ID) or (version > 0 and app_id != APP_ID):
        raise NotASolarFleetFile(f"{path}: an SQLite file of another application; not opened")


def open_store(path, *, busy_timeout_ms: int = 5000, wal: bool = True,
               migrations: Sequence[Migration] = MIGRATIONS) -> Store:
    """Open (creating if needed) and migrate the SolarFleet database at ``path``.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; ``":memory:"`` for a throw-away database.
    busy_timeout_ms : int
        How long a write waits for another writer [ms].
    wal : bool
        Use the WAL journal (keep True on local disks).
    migrations : sequence of (int, callable)
        The schema steps to apply; the default is every step, so the file ends at
        :data:`~solarfleet.models.store.migrations.SCHEMA_VERSION`. Tests pass a prefix to build old files.

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
            _check_existing(path, target_version(migrations))
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
        store.backup_path = migrate(db, None if memory else path, migrations)
        return store
    except BaseException:
        conn.close()
        raise


def write_blocker(path) -> Optional[str]:
    """What stops this process writing the database at ``path``: ``'file'`` (the file is read-only),
    ``'folder'`` (its folder is: SQLite cannot create its journal there, nor the lock its file), or None.

    Asked of the operating system (:func:`os.access`), so it holds for this user: root may write a
    mode-0444 file, another user may not.
    """
    path = Path(path)
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return "folder"
    return None


def _immutable(path: Path) -> str:
    """``&immutable=1`` for a WAL file in a folder this user cannot write with no ``-wal``/``-shm`` beside it:
    SQLite cannot create the shared-memory file a WAL reader needs, and with no ``-wal`` the file alone is the
    whole database (nobody who could write here has it open)."""
    side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    return "&immutable=1" if write_blocker(path) == "folder" and not any(p.exists() for p in side) else ""


def open_store_read_only(path, *, busy_timeout_ms: int = 5000) -> Store:
    """Open an existing SolarFleet database for reading only; never migrates, never writes.

    Used when another process holds the writer lock (:mod:`solarfleet.models.store.lock`). The connection is
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
    wanted = target_version(MIGRATIONS)
    if app_id != APP_ID:
        raise NotASolarFleetFile(f"{path}: not a SolarFleet database")
    if version != wanted:
        raise ReadOnlyOpenError(f"{path} has schema version {version}; this SolarFleet reads version "
                                f"{wanted} and cannot upgrade a file it may not write")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{_immutable(path)}", uri=True, check_same_thread=True)
    try:
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        db.execute("PRAGMA query_only = ON")
        store = Store(db, path, read_only=True)
        store.schema_version  # noqa: B018 - reads the header now: a broken file fails here, not later
        return store
    except BaseException:
        conn.close()
        raise
