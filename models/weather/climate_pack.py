"""Climate packs: NASA POWER monthly climatology of a region, downloaded once, used offline.

While online, :func:`prepare_climate_pack` downloads the POWER monthly climatology (GHI, air
temperature, wind speed, clearness index) of a region — a province (:data:`PROVINCES`), a bounding
box, or "around my parks" (:func:`parks_region`) — on POWER's grid into the store. Offline,
:func:`pack_climate_at` interpolates a site's monthly values from the nearest grid cells and
:func:`pack_typical_year` turns them into a synthetic typical year
(:func:`solarfleet.models.weather.synthetic.synth_typical_year`), naming the pack, the cells and the
uncertainty. Packs travel as files (:func:`export_climate_pack` / :func:`import_climate_pack`) to
laptops that are never online.

Precedence (what a site's typical year rests on): a weather file imported for the park > a
climate-table city built from a typical-year file (CSWD) near the site > a climate pack > a
climate-table estimate > typed values > the documented default (:func:`site_climate_basis`).

Satellite bias: satellite climatologies read high under eastern China's aerosol load (about +10 %
around Beijing and Shanghai against the CSWD files, more in the Sichuan Basin, as issue #20 states).
The pack's values are used as they are — not corrected — and :data:`PACK_GHI_UNCERTAINTY` is shown
with them. ``tests/bench/climate_pack_bias.py`` measures the error of a pack against the CSWD files.
"""
from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from solarfleet.models.store import (add_climate_pack, climate_cells_near, load_climate_pack, utc_now)
from solarfleet.models.weather.convention import WeatherFileError, WeatherNetworkError
from solarfleet.models.weather.nasa_power import (CLIMATOLOGY_PARAMETERS, CLIMATOLOGY_REGIONAL_URL,
                                                  NASA_POWER_ACKNOWLEDGEMENT, get_nasa_power_climatology,
                                                  parse_climatology_features)

__all__ = ["PROVINCES", "PACK_FILE_FORMAT", "PACK_GHI_UNCERTAINTY", "MAX_CELL_DISTANCE_DEG", "PackClimate",
           "region_bbox", "parks_region", "region_tiles", "fetch_climate_cells", "prepare_climate_pack",
           "export_climate_pack", "import_climate_pack", "pack_climate_at", "pack_typical_year",
           "typical_file_city", "site_climate_basis"]

#: Bounding boxes (lat_min, lat_max, lon_min, lon_max) [°] of the provinces with demo parks, rounded outward
#: from their approximate extents so that the whole province is covered (they include some of the neighbours).
PROVINCES = {"Beijing": (39.0, 41.5, 115.0, 118.0), "Hebei": (36.0, 43.0, 113.0, 120.0),
             "Shanghai": (30.5, 32.0, 120.5, 122.5), "Jiangsu": (30.5, 35.5, 116.0, 122.0),
             "Guangdong": (20.0, 25.6, 109.5, 117.5), "Hubei": (29.0, 33.5, 108.0, 116.5),
             "Sichuan": (26.0, 34.5, 97.0, 108.6), "Shaanxi": (31.5, 39.7, 105.4, 111.3),
             "Liaoning": (38.5, 43.5, 118.5, 126.0)}
#: Marker of an exported pack file.
PACK_FILE_FORMAT = "solarfleet-climate-pack"
#: Relative uncertainty shown with pack GHI [-]: the satellite bias over eastern China stated in issue #20
#: (≈ +10 %); see tests/bench/climate_pack_bias.py for the measurement against CSWD.
PACK_GHI_UNCERTAINTY = 0.10
#: A site farther than this from every cell of the packs is outside them [°] (POWER's solar grid is 1°).
MAX_CELL_DISTANCE_DEG = 1.0
#: Largest and smallest side of one regional request [°] (the POWER regional API's limits).
_MAX_SIDE, _MIN_SIDE = 10.0, 2.0


def region_bbox(bbox) -> tuple:
    """``bbox`` checked: (lat_min, lat_max, lon_min, lon_max) [°], min < max, within range."""
    try:
        lat0, lat1, lon0, lon1 = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise ValueError("a region is LAT_MIN,LAT_MAX,LON_MIN,LON_MAX in degrees") from None
    if not (-90 <= lat0 < lat1 <= 90 and -180 <= lon0 < lon1 <= 180):
        raise ValueError(f"region {lat0},{lat1},{lon0},{lon1}: need -90 ≤ lat_min < lat_max ≤ 90 and "
                         "-180 ≤ lon_min < lon_max ≤ 180")
    return lat0, lat1, lon0, lon1


def parks_region(parks, margin_deg: float = 1.0) -> tuple:
    """The bounding box of ``parks`` (objects with latitude, longitude) widened by ``margin_deg`` [°]."""
    parks = list(parks)
    if not parks:
        raise ValueError("no parks to draw a region around")
    lats = [p.latitude for p in parks]
    lons = [p.longitude for p in parks]
    return region_bbox((max(-90, min(lats) - margin_deg), min(90, max(lats) + margin_deg),
                        max(-180, min(lons) - margin_deg), min(180, max(lons) + margin_deg)))


def _spans(lo: float, hi: float) -> list[tuple]:
    n = max(1, math.ceil((hi - lo) / _MAX_SIDE))
    step = (hi - lo) / n
    out = []
    for i in range(n):
        a, b = lo + i * step, lo + (i + 1) * step
        if b - a < _MIN_SIDE:
            mid = (a + b) / 2
            a, b = mid - _MIN_SIDE / 2, mid + _MIN_SIDE / 2
        out.append((round(a, 4), round(b, 4)))
    return out


def region_tiles(bbox) -> list[tuple]:
    """Requests covering ``bbox``: tiles of 2–10° per side (small boxes are widened around their centre)."""
    lat0, lat1, lon0, lon1 = region_bbox(bbox)
    return [(a, b, c, d) for a, b in _spans(lat0, lat1) for c, d in _spans(lon0, lon1)]


def fetch_climate_cells(bbox, *, url: str = CLIMATOLOGY_REGIONAL_URL, timeout: float = 60.0,
                        cancel: Optional[Callable[[], bool]] = None,
                        progress: Optional[Callable[[int, int], None]] = None) -> tuple[list, dict]:
    """Grid cells of the POWER climatology over ``bbox`` (every tile × parameter), and the response header."""
    tiles = region_tiles(bbox)
    total = len(tiles) * len(CLIMATOLOGY_PARAMETERS)
    cells: dict = {}
    header: dict = {}
    done = 0
    for tile in tiles:
        for parameter in CLIMATOLOGY_PARAMETERS:
            doc = get_nasa_power_climatology(tile, parameter, url=url, timeout=timeout, cancel=cancel)
            header = header or dict(doc.get("header", {}))
            for key, values in parse_climatology_features(doc, parameter).items():
                cells.setdefault(key, {"latitude": key[0], "longitude": key[1]}).update(values)
            done += 1
            if progress is not None:
                progress(done, total)
    lat0, lat1, lon0, lon1 = region_bbox(bbox)
    inside = [c for c in cells.values() if lat0 - 1 <= c["latitude"] <= lat1 + 1 and lon0 - 1 <= c["longitude"]
              <= lon1 + 1 and c.get("ghi") is not None]
    return _fill_missing_quantities(inside), header


def _fill_missing_quantities(cells: list) -> list:
    """Meteorology comes on a finer grid than solar data: give each GHI cell the nearest cell's other values."""
    solar = [c for c in cells if c.get("ghi")]
    for q in ("temp_air", "wind_speed", "clearness"):
        donors = [c for c in cells if c.get(q)]
        for c in solar:
            if c.get(q) or not donors:
                continue
            near = min(donors, key=lambda d: (d["latitude"] - c["latitude"]) ** 2 + (d["longitude"] - c["longitude"])
                       ** 2)
            c[q] = near[q]
    return solar


def prepare_climate_pack(store, name: str, bbox, *, region_kind: str = "bbox", region_name: str = "",
                         url: str = CLIMATOLOGY_REGIONAL_URL, timeout: float = 60.0,
                         cancel: Optional[Callable[[], bool]] = None,
                         progress: Optional[Callable[[int, int], None]] = None, replace: bool = False) -> int:
    """Download the POWER climatology of ``bbox`` and store it as climate pack ``name``; return its id."""
    cells, header = fetch_climate_cells(bbox, url=url, timeout=timeout, cancel=cancel, progress=progress)
    if not cells:
        raise WeatherNetworkError(f"NASA POWER: the climatology response has no grid cells with GHI in {bbox}")
    info = {"source": "NASA POWER monthly climatology (CERES SYN1deg / MERRA-2)",
            "licence": NASA_POWER_ACKNOWLEDGEMENT,
            "region": {"kind": region_kind, "name": region_name, "bbox": list(region_bbox(bbox))},
            "period": str(header.get("range") or "climatology period as served by POWER"),
            "fetched_utc": utc_now(), "api": header.get("api"), "url": url}
    return add_climate_pack(store, name, cells, info, replace=replace)


def export_climate_pack(store, pack, path) -> Path:
    """Write a pack (id or name) to a gzip-compressed JSON file that :func:`import_climate_pack` reads."""
    info, cells = load_climate_pack(store, pack)
    doc = {"format": PACK_FILE_FORMAT, "version": 1,
           "info": {k: info[k] for k in ("name", "source", "licence", "region", "period", "fetched_utc")},
           "metadata": info["metadata"], "cells": cells}
    path = Path(path)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False)
    return path


def import_climate_pack(store, path, *, name: Optional[str] = None, replace: bool = False) -> int:
    """Store a pack file written by :func:`export_climate_pack`; return its id (the store is unchanged on error)."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise WeatherFileError(path, "no such file") from None
    except (OSError, EOFError):
        raise WeatherFileError(path, "not a climate pack file (not gzip-compressed JSON)") from None
    except json.JSONDecodeError as exc:
        raise WeatherFileError(path, f"damaged climate pack: JSON error {exc.msg}", exc.lineno) from None
    if not isinstance(doc, dict) or doc.get("format") != PACK_FILE_FORMAT:
        raise WeatherFileError(path, f"not a climate pack file (format is not {PACK_FILE_FORMAT!r})")
    if doc.get("version") != 1:
        raise WeatherFileError(path, f"climate pack version {doc.get('version')!r} is unknown to this version")
    info = dict(doc.get("info") or {})
    info.update(doc.get("metadata") or {})
    try:
        return add_climate_pack(store, name or info.get("name", path.stem), doc.get("cells") or [], info,
                                replace=replace)
    except ValueError as exc:
        raise WeatherFileError(path, str(exc)) from None


@dataclass(frozen=True)
class PackClimate:
    """A site's monthly climate interpolated from a climate pack.

    Attributes
    ----------
    monthly_ghi : tuple of 12 float
        Monthly irradiation [kWh/m²].
    monthly_temp_air, monthly_wind_speed : tuple of 12 float or None
        Monthly means [°C], [m/s].
    pack, source, licence, period : str
    cells : int
        Grid cells used.
    nearest_km : float
        Distance to the nearest cell [km].
    uncertainty : float
        Relative uncertainty of the annual GHI [-] (:data:`PACK_GHI_UNCERTAINTY`, or the spread of the cells
        when larger).
    """

    monthly_ghi: tuple
    monthly_temp_air: Optional[tuple]
    monthly_wind_speed: Optional[tuple]
    pack: str
    source: str
    licence: str
    period: str
    cells: int
    nearest_km: float
    uncertainty: float
    notes: tuple = field(default=())

    def describe(self) -> str:
        """One line: what the values rest on."""
        return (f"climate pack {self.pack!r} ({self.source}, {self.period}): interpolated from {self.cells} grid "
                f"cell(s), nearest {self.nearest_km:.0f} km; GHI ±{100 * self.uncertainty:.0f} % (satellite "
                "climatology, reads high under eastern China's aerosol load)")


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(math.radians(lon2 - lon1))
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def _weighted(cells: list, weights: np.ndarray, key: str) -> Optional[tuple]:
    rows = [c.get(key) for c in cells]
    if any(r is None for r in rows):
        return None
    a = np.array([[np.nan if v is None else v for v in r] for r in rows], float)
    ok = np.isfinite(a)
    w = np.where(ok, weights[:, None], 0.0)
    if (w.sum(axis=0) == 0).any():
        return None
    return tuple(float(x) for x in (np.where(ok, a, 0.0) * w).sum(axis=0) / w.sum(axis=0))


def pack_climate_at(store, latitude: float, longitude: float, pack=None) -> Optional[PackClimate]:
    """A site's monthly climate by inverse-distance weighting (power 2) of the ≤ 4 nearest pack cells.

    Returns None when no pack cell lies within :data:`MAX_CELL_DISTANCE_DEG` of the site.
    """
    near = climate_cells_near(store, latitude, longitude, radius_deg=MAX_CELL_DISTANCE_DEG + 0.5, pack=pack)
    near = [c for c in near if math.hypot(c["latitude"] - latitude, c["longitude"] - longitude)
            <= MAX_CELL_DISTANCE_DEG * math.sqrt(2)]
    if not near:
        return None
    near.sort(key=lambda c: _km(latitude, longitude, c["latitude"], c["longitude"]))
    if math.hypot(near[0]["latitude"] - latitude, near[0]["longitude"] - longitude) > MAX_CELL_DISTANCE_DEG:
        return None
    use = [c for c in near if c["pack"] == near[0]["pack"]][:4]
    dist = np.array([_km(latitude, longitude, c["latitude"], c["longitude"]) for c in use])
    weights = 1.0 / np.maximum(dist, 0.5) ** 2
    ghi = _weighted(use, weights, "ghi")
    if ghi is None:
        return None
    annual = np.array([np.nansum(np.array(c["ghi"], float)) for c in use])
    spread = float(annual.std() / annual.mean()) if len(use) > 1 and annual.mean() > 0 else 0.0
    return PackClimate(
        monthly_ghi=tuple(v / 1000.0 for v in ghi), monthly_temp_air=_weighted(use, weights, "temp_air"),
        monthly_wind_speed=_weighted(use, weights, "wind_speed"), pack=use[0]["pack"], source=use[0]["source"],
        licence=use[0]["licence"], period=use[0]["period"], cells=len(use), nearest_km=float(dist[0]),
        uncertainty=max(PACK_GHI_UNCERTAINTY, spread))


def typical_file_city(latitude: float, longitude: float) -> Optional[dict]:
    """The climate-table city near the site when its values come from a typical-year file (CSWD), else None."""
    from solarfleet.models.weather.synthetic import climate_for_site
    city = climate_for_site(latitude, longitude)
    return city if city is not None and str(city.get("ghi_source", "")).startswith("CSWD") else None


def site_climate_basis(store, latitude: float, longitude: float) -> dict:
    """What a site's offline typical year rests on: ``{"basis": code, "text": plain words, ...}``.

    ``basis`` is ``'typical-year file'`` (CSWD city near), ``'climate pack'``, ``'climate-table estimate'`` or
    ``'default'`` (the documented clear-sky fraction: a rough generic value).
    """
    from solarfleet.models.weather.synthetic import DEFAULT_CLEARNESS, climate_for_site
    city = typical_file_city(latitude, longitude)
    if city is not None:
        return {"basis": "typical-year file", "city": city["name"], "text": f"climate table {city['name']} "
                f"({city['distance_km']} km): {city['ghi_source']}"}
    pc = pack_climate_at(store, latitude, longitude) if store is not None else None
    if pc is not None:
        return {"basis": "climate pack", "pack": pc, "text": pc.describe()}
    city = climate_for_site(latitude, longitude)
    if city is not None:
        return {"basis": "climate-table estimate", "city": city["name"],
                "text": f"climate table {city['name']} ({city['distance_km']} km): {city['ghi_source']}"}
    return {"basis": "default", "text": f"no climate pack covers the site and no climate-table city is near: "
                                        f"{DEFAULT_CLEARNESS} × the clear-sky irradiation, a rough generic value; "
                                        "prepare a climate pack while online, or import a weather file"}


def pack_typical_year(store, latitude: float, longitude: float, *, tz="Asia/Shanghai", altitude=None,
                      seed: int = 0):
    """A synthetic typical year on the pack's monthly climate at the site, or None when the pack is not the
    best basis (a typical-year file city is near) or does not cover the site.

    Returns
    -------
    (data, metadata, PackClimate) or None
    """
    from solarfleet.models.weather.synthetic import synth_typical_year
    if typical_file_city(latitude, longitude) is not None:
        return None
    pc = pack_climate_at(store, latitude, longitude)
    if pc is None:
        return None
    data, meta = synth_typical_year(latitude, longitude, list(pc.monthly_ghi), altitude=altitude, seed=seed, tz=tz,
                                    monthly_temp_air=None if pc.monthly_temp_air is None else list(pc.monthly_temp_air),
                                    monthly_wind_speed=None if pc.monthly_wind_speed is None
                                    else list(pc.monthly_wind_speed))
    meta["sources"] = {**meta.get("sources", {}), "ghi": pc.describe(),
                       "temp_air": f"climate pack {pc.pack!r}" if pc.monthly_temp_air else
                       meta.get("sources", {}).get("temp_air"), "licence": pc.licence}
    meta["source"] = f"synthetic year on climate pack {pc.pack}"
    meta["climate_pack"] = {"name": pc.pack, "cells": pc.cells, "nearest_km": round(pc.nearest_km, 1),
                            "uncertainty": pc.uncertainty}
    meta["warnings"] = [*meta.get("warnings", []),
                        f"GHI from a satellite climatology (±{100 * pc.uncertainty:.0f} %); a measured or "
                        "typical-year file for the site replaces it"]
    return data, meta, pc
