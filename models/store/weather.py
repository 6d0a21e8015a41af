"""Weather sets of the parks and the PVGIS cache.

Weather sets follow the convention of :mod:`solarfleet.models.weather`: a regular UTC index of interval
starts, pvlib column names, SI units, NaN for missing. Each column is stored as one compressed float32 blob.
"""
from __future__ import annotations

import json
import zlib
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.store.connection import Store, StoreError, json_safe, utc_now
from solarfleet.models.store.provenance import PROVENANCES, provenance_fields
from solarfleet.models.store.fleet import find_park_id

__all__ = ["REAL_YEAR_KINDS", "WeatherStoreError", "weather_provenance", "add_weather", "list_weather", "weather_info", "load_weather", "delete_weather",
           "set_default_weather", "default_weather", "pvgis_cache_get", "pvgis_cache_put"]


_WEATHER_ENCODING = "zlib-f4le"
_WEATHER_KINDS = ("tmy", "measured", "satellite", "synthetic", "clearsky")
#: Kinds of real historical years (a logger's, or a satellite service's) that a yield study counts.
REAL_YEAR_KINDS = ("measured", "satellite")


class WeatherStoreError(StoreError, ValueError):
    """A weather set cannot be stored or found as asked."""


def _pack(values) -> bytes:
    return zlib.compress(np.asarray(values, dtype="<f4").tobytes(), 6)


def _unpack(blob: bytes, n: int):
    a = np.frombuffer(zlib.decompress(blob), dtype="<f4").astype(float)
    if len(a) != n:
        raise WeatherStoreError(f"stored series has {len(a)} values, expected {n}: the database is damaged")
    return a


def _check_weather(data, metadata: dict) -> None:
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


def simulation_ready(data):
    """``(ready, reason)`` of :func:`solarfleet.models.weather.plausibility.simulation_ready` (imported late:
    the weather package imports the store)."""
    from solarfleet.models.weather.plausibility import simulation_ready as ready
    return ready(data)


def weather_provenance(metadata: dict) -> str:
    """``measured`` (a logger's file), ``imported`` (a typical year or service data) or ``modelled`` (ours)."""
    if metadata.get("provenance") in PROVENANCES:
        return metadata["provenance"]
    return {"measured": "measured", "tmy": "imported", "satellite": "imported"}.get(metadata.get("kind"), "modelled")


def _origin(metadata: dict) -> str:
    """The file (its name) or service a set came from; our own generator for a modelled set."""
    f = metadata.get("file")
    return str(f).replace("\\", "/").rsplit("/", 1)[-1] if f else str(metadata.get("source") or "")


def _weather_name(metadata: dict) -> str:
    kind = metadata.get("kind")
    if kind in REAL_YEAR_KINDS and metadata.get("year"):
        return f"{metadata.get('source', kind)} {metadata['year']}"
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
        Make it the park's default weather. Default: only if the park has none yet (or only a
        synthetic one). A set that cannot simulate (see
        :func:`~solarfleet.models.weather.plausibility.simulation_ready`) never becomes the default;
        asking for it is a :class:`WeatherStoreError`.
    """
    _check_weather(data, metadata)
    park_id = find_park_id(store, park_name)
    if park_id is None:
        raise KeyError(park_name)
    minutes = int(metadata["interval_minutes"])
    ghi = data["ghi"].to_numpy(float)
    row = {
        "park_id": park_id, "name": name or _weather_name(metadata), "kind": metadata["kind"],
        "year": metadata.get("year"), "source": str(metadata.get("source", "")),
        "format": str(metadata.get("format", "")), "interval_minutes": minutes, "label": "start",
        "start_utc": data.index[0].isoformat(), "intervals": int(len(data)),
        "latitude": json_safe(metadata.get("latitude")), "longitude": json_safe(metadata.get("longitude")),
        "altitude": json_safe(metadata.get("altitude")), "tz": metadata.get("tz"),
        "ghi_annual": float(np.nansum(ghi) * minutes / 60.0), "ghi_missing": int(np.isnan(ghi).sum()),
        "metadata": json.dumps(json_safe(metadata), ensure_ascii=False, allow_nan=False),
        "quality": json.dumps(json_safe(report), ensure_ascii=False, allow_nan=False),
        "is_default": 0, "created_utc": utc_now(),
        **provenance_fields(store, "weather_sets", weather_provenance(metadata), _origin(metadata))}
    with store.db.atomic():
        current = store.db.execute("SELECT kind FROM weather_sets WHERE park_id = ? AND is_default = 1",
                                   [park_id]).fetchone()
        # real data (imported TMY, measured or satellite years) takes over from a synthetic or clear-sky default
        real = metadata["kind"] in ("tmy", *REAL_YEAR_KINDS)
        ready, why = simulation_ready(data)
        if default and not ready:
            raise WeatherStoreError(f"weather set {row['name']!r} cannot be {park_name!r}'s default: it cannot "
                                    f"simulate ({why})")
        make_default = ready and ((current is None or (real and current[0] in ("synthetic", "clearsky")))
                                  if default is None else bool(default))
        if make_default:
            store.db.execute("UPDATE weather_sets SET is_default = 0 WHERE park_id = ?", [park_id])
            row["is_default"] = 1
        weather_id = store.db["weather_sets"].insert(row).last_pk
        store.db["weather_series"].insert_all(
            [{"weather_id": weather_id, "quantity": c, "encoding": _WEATHER_ENCODING, "data": _pack(data[c])}
             for c in data.columns])
    return int(weather_id)


_LIST_COLUMNS = ("id", "name", "kind", "year", "source", "format", "interval_minutes", "start_utc", "intervals",
                 "ghi_annual", "ghi_missing", "is_default", "created_utc", "latitude", "longitude", "tz",
                 "provenance", "origin")


def list_weather(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Weather sets (without series), each with its ``park`` name, newest last; one park's when named."""
    cols = ", ".join(f"w.{c}" for c in _LIST_COLUMNS if c not in ("provenance", "origin"))
    if provenance_fields(store, "weather_sets", "measured"):
        cols += ", w.provenance, w.origin"
    sql = f"SELECT p.name AS park, {cols} FROM weather_sets w JOIN parks p ON p.id = w.park_id"
    args: list = []
    if park_name is not None:
        if find_park_id(store, park_name) is None:
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
    """Make ``weather_id`` the default weather of ``park_name`` (it must belong to that park and simulate)."""
    park_id = find_park_id(store, park_name)
    if park_id is None:
        raise KeyError(park_name)
    with store.db.atomic():
        owner = store.db.execute("SELECT park_id FROM weather_sets WHERE id = ?", [int(weather_id)]).fetchone()
        if owner is None or owner[0] != park_id:
            raise WeatherStoreError(f"weather set {weather_id} does not belong to park {park_name!r}")
        ready, why = simulation_ready(load_weather(store, weather_id)[0])
        if not ready:
            raise WeatherStoreError(f"weather set {weather_id} cannot be {park_name!r}'s default: it cannot "
                                    f"simulate ({why})")
        store.db.execute("UPDATE weather_sets SET is_default = 0 WHERE park_id = ?", [park_id])
        store.db.execute("UPDATE weather_sets SET is_default = 1 WHERE id = ?", [int(weather_id)])


def default_weather(store: Store, park_name: str) -> Optional[int]:
    """Id of the park's default weather set, or None."""
    park_id = find_park_id(store, park_name)
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
                         [kind, lat, lon, p, utc_now(),
                          json.dumps(json_safe(payload), ensure_ascii=False, allow_nan=False)])
