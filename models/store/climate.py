"""Climate packs: a region's monthly climatology on a source's grid (e.g. NASA POWER), kept for offline work.

A pack is one row of ``climate_packs`` (source, licence, region, period) and one row of
``climate_cells`` per grid point with twelve monthly values of GHI irradiation [Wh/m²], air
temperature [°C], wind speed [m/s] and clearness index [-] (JSON lists, ``null`` = missing).
"""
from __future__ import annotations

import json
import math
from typing import Optional

from solarfleet.models.store.connection import Store, StoreError, json_safe, utc_now

__all__ = ["ClimatePackError", "CLIMATE_QUANTITIES", "add_climate_pack", "list_climate_packs", "load_climate_pack",
           "delete_climate_pack", "climate_cells_near"]

#: Monthly quantities of a cell, in storage units: [Wh/m²], [°C], [m/s], [-].
CLIMATE_QUANTITIES = ("ghi", "temp_air", "wind_speed", "clearness")


class ClimatePackError(StoreError, ValueError):
    """A climate pack cannot be stored or found as asked."""


def _months(cell: dict, key: str, where: str) -> str:
    values = cell.get(key)
    if values is None:
        values = [None] * 12
    if len(values) != 12:
        raise ClimatePackError(f"{where}: {key} needs 12 monthly values (got {len(values)})")
    out = []
    for m, v in enumerate(values, start=1):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
            continue
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            raise ClimatePackError(f"{where}: {key} month {m} is {v!r}, not a number") from None
    if key == "ghi" and any(v is not None and not 0 <= v <= 400_000 for v in out):
        raise ClimatePackError(f"{where}: ghi must be monthly irradiation in [0, 400000] Wh/m²")
    return json.dumps(out)


def _cell_row(pack_id: int, cell: dict, i: int) -> dict:
    where = f"cell {i + 1}"
    try:
        lat, lon = float(cell["latitude"]), float(cell["longitude"])
    except (KeyError, TypeError, ValueError):
        raise ClimatePackError(f"{where}: latitude and longitude must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ClimatePackError(f"{where}: latitude {lat} / longitude {lon} out of range")
    elev = cell.get("elevation")
    return {"pack_id": pack_id, "latitude": lat, "longitude": lon,
            "elevation": None if elev is None else float(elev),
            **{q: _months(cell, q, where) for q in CLIMATE_QUANTITIES}}


def add_climate_pack(store: Store, name: str, cells: list, info: dict, *, replace: bool = False) -> int:
    """Store a pack in one transaction; return its id.

    Parameters
    ----------
    name : str
        Unique display name.
    cells : list of dict
        ``latitude``, ``longitude`` [°], ``elevation`` [m], and 12-value lists ``ghi`` [Wh/m²],
        ``temp_air`` [°C], ``wind_speed`` [m/s], ``clearness`` [-].
    info : dict
        ``source``, ``licence``, ``region`` (dict), ``period``, ``fetched_utc``, other keys kept as metadata.
    replace : bool
        Replace a pack of the same name (otherwise that is an error).
    """
    name = str(name).strip()
    if not name:
        raise ClimatePackError("a climate pack needs a name")
    if not cells:
        raise ClimatePackError(f"climate pack {name!r} has no grid cells")
    for key in ("source", "licence", "region", "period"):
        if not info.get(key):
            raise ClimatePackError(f"climate pack {name!r}: info needs {key!r}")
    extra = {k: v for k, v in info.items() if k not in ("source", "licence", "region", "period", "fetched_utc")}
    with store.db.atomic():
        old = store.db.execute("SELECT id FROM climate_packs WHERE name = ?", [name]).fetchone()
        if old is not None:
            if not replace:
                raise ClimatePackError(f"a climate pack named {name!r} exists (replace it, or choose another name)")
            store.db.execute("DELETE FROM climate_packs WHERE id = ?", [old[0]])
        pack_id = store.db["climate_packs"].insert({
            "name": name, "source": str(info["source"]), "licence": str(info["licence"]),
            "region": json.dumps(json_safe(info["region"]), ensure_ascii=False), "period": str(info["period"]),
            "fetched_utc": str(info.get("fetched_utc") or utc_now()), "created_utc": utc_now(),
            "metadata": json.dumps(json_safe(extra), ensure_ascii=False)}).last_pk
        store.db["climate_cells"].insert_all([_cell_row(pack_id, c, i) for i, c in enumerate(cells)])
    return int(pack_id)


def _pack_row(r: dict) -> dict:
    r = dict(r)
    r["region"] = json.loads(r["region"])
    r["metadata"] = json.loads(r["metadata"])
    return r


def list_climate_packs(store: Store) -> list[dict]:
    """Packs (without cells), each with ``cells`` (their count), oldest first."""
    rows = store.db.query("SELECT p.*, (SELECT count(*) FROM climate_cells c WHERE c.pack_id = p.id) AS cells "
                          "FROM climate_packs p ORDER BY p.id")
    return [_pack_row(r) for r in rows]


def _find(store: Store, pack) -> dict:
    col = "id" if isinstance(pack, int) else "name"
    rows = list(store.db.query(f"SELECT * FROM climate_packs WHERE {col} = ?", [pack]))
    if not rows:
        raise KeyError(pack)
    return _pack_row(rows[0])


def _cell(r: dict) -> dict:
    return {"latitude": r["latitude"], "longitude": r["longitude"], "elevation": r["elevation"],
            **{q: json.loads(r[q]) for q in CLIMATE_QUANTITIES}}


def load_climate_pack(store: Store, pack) -> tuple[dict, list]:
    """``(info, cells)`` of a pack given by id or name (``KeyError`` when there is none)."""
    info = _find(store, pack)
    cells = [_cell(r) for r in store.db.query("SELECT * FROM climate_cells WHERE pack_id = ? "
                                              "ORDER BY latitude, longitude", [info["id"]])]
    return info, cells


def delete_climate_pack(store: Store, pack) -> None:
    """Remove a pack (by id or name) and its cells."""
    info = _find(store, pack)
    with store.db.atomic():
        store.db.execute("DELETE FROM climate_packs WHERE id = ?", [info["id"]])


def climate_cells_near(store: Store, latitude: float, longitude: float, radius_deg: float = 1.5,
                       pack: Optional[object] = None) -> list[dict]:
    """Cells of every pack (or of one) within ``radius_deg`` [°] of latitude and longitude, with ``pack`` info."""
    args = [latitude - radius_deg, latitude + radius_deg, longitude - radius_deg, longitude + radius_deg]
    sql = ("SELECT c.*, p.name AS pack, p.source, p.licence, p.period FROM climate_cells c "
           "JOIN climate_packs p ON p.id = c.pack_id WHERE c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ?")
    if pack is not None:
        sql += " AND p.id = ?"
        args.append(_find(store, pack)["id"])
    out = []
    for r in store.db.query(sql, args):
        cell = _cell(r)
        cell.update(pack=r["pack"], source=r["source"], licence=r["licence"], period=r["period"])
        out.append(cell)
    return out
