"""Roof capture and automatic module layout for an offline site survey.

A surveyor records each roof as a :class:`RoofSurvey`: its outline (a rectangle or a polygon
of vertices in metres), flat or pitched, an edge setback (fire-code walkway), keep-out
rectangles (skylights, HVAC units) and the allowed extra load. :func:`layout_roof` fills the
roof with modules of a CEC-catalog type and returns a :class:`Layout` (positions, count, kWp,
GCR, row pitch, load check). A :class:`SiteSurvey` groups the roofs of one park with its
location and shading inputs; :func:`survey_to_park` turns it into a :class:`~solarfleet.models.fleet.Park`
that the simulation runs.

Roof coordinates
----------------
``x`` [m] runs along the roof's length, ``y`` [m] across it. The modules face the ``-y``
direction (towards the ``y = 0`` edge, drawn at the bottom), at compass azimuth
``surface_azimuth`` (180 = south). On a flat roof, rows run along ``x`` and are stacked from
the front (smallest ``y``) backwards. On a pitched roof, the eave is at ``y = 0``, the roof
falls towards ``-y`` and every length is measured **on the slope** (what a tape on the roof
gives); modules are flush with the roof.

Row spacing on a flat roof
--------------------------
Unless a GCR is chosen, rows are spaced so that no row shades the next at solar noon of the
winter solstice. With the collector slope length ``B`` (modules stacked up the row plus gaps),
tilt ``β`` and solar elevation ``α = 90° − |φ − δ|`` with declination ``δ = −23.44°``
(``+23.44°`` south of the equator):

    row pitch = B·cos β + B·sin β · cos γ / tan α

where ``γ`` is the angle between the rows' azimuth and the noon sun (0 for rows facing the
equator). Shanghai (φ = 31.4°): α = 35.16°; a 1.70 m portrait module at 20° gives
1.597 m + 0.814 m = 2.412 m, GCR = 1.70 / 2.412 = 0.705.

Assumed weights (no weights in the CEC database)
-------------------------------------------------
Module areal mass: 11.5 kg/m² glass–polymer (≈ 22 kg for a 1.13 × 1.72 m module, typical
datasheets), 15 kg/m² glass–glass (two 2 mm panes). Racking per m² of module: 3 kg/m² for
flush rails and clamps on a pitched roof, 20 kg/m² for ballasted tilted racking on a flat roof
(frames plus ballast blocks; ballast depends on the wind zone — take the racking vendor's
figure when you have it, ``racking_mass``). The load is the weight spread over the array's
footprint on the roof (module pitch along the row × row pitch per module) [kg/m²].
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from solarfleet.models.fleet import ROOF_TYPES, Array, Park, Roof
from solarfleet.models.survey.horizon import Obstacle
from solarfleet.models.validation import (FleetValueError, SurveyValueError, as_survey_error, check_choice,
                                         check_integer, check_list, check_name, check_number, set_field,
                                         survey_checked, survey_items)

__all__ = ["ORIENTATIONS", "KeepOut", "RoofSurvey", "Obstacle", "SiteSurvey", "Layout",
           "LoadCheck", "ModuleSize", "module_size", "winter_solstice_noon_elevation", "row_pitch",
           "layout_roof", "polygon_area", "site_from_text", "inset_polygon", "string_plan", "survey_to_park",
           "roof_to_fleet_roof",
           "ASSUMED_MODULE_MASS", "ASSUMED_RACKING_MASS", "DEFAULT_FLAT_TILT", "SOLSTICE_DECLINATION"]

#: Module orientations on the roof.
ORIENTATIONS = ("portrait", "landscape")
#: Declination of the sun at the solstices [°] (obliquity of the ecliptic, rounded).
SOLSTICE_DECLINATION = 23.44
#: Tilt of rows on a flat roof when none is given [°] (ballasted commercial racking is typically 5–15°).
DEFAULT_FLAT_TILT = 10.0
#: Assumed module mass per m² of module, by construction [kg/m²] (see the module docstring).
ASSUMED_MODULE_MASS = {"glass_polymer": 11.5, "glass_glass": 15.0}
#: Assumed racking mass per m² of module [kg/m²]: flush rails on a pitched roof, ballasted tilted racking.
ASSUMED_RACKING_MASS = {"pitched": 3.0, "flat": 20.0}
_EPS = 1e-9


# --- geometry ------------------------------------------------------------------------------------

def polygon_area(points) -> float:
    """Signed area of a polygon by the shoelace formula [m²] (positive counter-clockwise)."""
    p = np.asarray(points, dtype=float)
    x, y = p[:, 0], p[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _segments_cross(a, b, c, d) -> bool:
    """True if segments ab and cd intersect (touching counts)."""
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-12 else (1 if v > 0 else -1)

    def on(p, q, r):
        return min(p[0], r[0]) - 1e-12 <= q[0] <= max(p[0], r[0]) + 1e-12 and \
            min(p[1], r[1]) - 1e-12 <= q[1] <= max(p[1], r[1]) + 1e-12
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 != o2 and o3 != o4:
        return True
    return (o1 == 0 and on(a, c, b)) or (o2 == 0 and on(a, d, b)) or (o3 == 0 and on(c, a, d)) or \
        (o4 == 0 and on(c, b, d))


def _is_simple(points) -> bool:
    n = len(points)
    for i in range(n):
        a, b = points[i], points[(i + 1) % n]
        for j in range(i + 1, n):
            if j == i or (j + 1) % n == i or j == (i + 1) % n:
                continue
            if _segments_cross(a, b, points[j], points[(j + 1) % n]):
                return False
    return True


def inset_polygon(points, distance: float) -> list[tuple[float, float]]:
    """The polygon moved inwards by ``distance`` on every edge (mitred corners) [m].

    Every edge is shifted inwards, parallel to itself, and consecutive shifted edges are
    intersected. At a re-entrant corner of an L- or U-shaped roof the mitre keeps a square
    corner, which is slightly more conservative than a rounded walkway.

    Raises
    ------
    SurveyValueError
        The setback swallows part of the roof (an edge would turn round) or the result is
        not a simple polygon.
    """
    pts = [(float(x), float(y)) for x, y in points]
    if polygon_area(pts) < 0:
        pts = pts[::-1]
    if distance == 0:
        return pts
    n = len(pts)
    lines = []
    for i in range(n):
        (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % n]
        length = math.hypot(x1 - x0, y1 - y0)
        dx, dy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -dy, dx  # left normal points inwards on a counter-clockwise polygon
        lines.append(((x0 + distance * nx, y0 + distance * ny), (dx, dy)))
    out = []
    for i in range(n):
        (p, d), (q, e) = lines[i - 1], lines[i]
        den = d[0] * e[1] - d[1] * e[0]
        if abs(den) < 1e-12:  # collinear edges: the shifted vertex
            out.append(q)
            continue
        t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
        out.append((p[0] + t * d[0], p[1] + t * d[1]))
    for i in range(n):
        (a, b), (c, d) = (pts[i], pts[(i + 1) % n]), (out[i], out[(i + 1) % n])
        if (b[0] - a[0]) * (d[0] - c[0]) + (b[1] - a[1]) * (d[1] - c[1]) <= 0:
            raise SurveyValueError("setback", distance, f"is too large for the roof shape (edge {i + 1} "
                                                        "disappears)")
    if polygon_area(out) <= 0 or not _is_simple(out):
        raise SurveyValueError("setback", distance, "is too large for the roof shape")
    return out


def _cross_section(points, y: float) -> list[tuple[float, float]]:
    """Intervals of x inside the polygon on the horizontal line at ``y``."""
    xs = []
    n = len(points)
    for i in range(n):
        (x0, y0), (x1, y1) = points[i], points[(i + 1) % n]
        if (y0 <= y < y1) or (y1 <= y < y0):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    return [(xs[k], xs[k + 1]) for k in range(0, len(xs) - 1, 2)]


def _intersect(a: list, b: list) -> list:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _subtract(intervals: list, lo: float, hi: float) -> list:
    out = []
    for a, b in intervals:
        if hi <= a or lo >= b:
            out.append((a, b))
            continue
        if lo > a:
            out.append((a, lo))
        if hi < b:
            out.append((hi, b))
    return out


def _band_intervals(points, y0: float, y1: float) -> list:
    """Intervals of x where the whole band ``y0 ≤ y ≤ y1`` lies inside the polygon."""
    eps = 1e-7
    ys = [y0 + eps, y1 - eps]
    for _, vy in points:
        if y0 < vy < y1:
            ys += [vy - eps, vy + eps]
    # extra samples guard against a slanted notch sweeping across the band between vertices
    ys += list(np.linspace(y0 + eps, y1 - eps, 5)[1:-1])
    result = None
    for y in ys:
        cs = _cross_section(points, y)
        result = cs if result is None else _intersect(result, cs)
        if not result:
            return []
    return result


def _rects_inside(points, rects: np.ndarray) -> np.ndarray:
    """For rectangles ``(x, y, dx, dy)``: True where the rectangle lies inside the polygon."""
    if len(rects) == 0:
        return np.zeros(0, dtype=bool)
    tol = 1e-6
    x0, y0 = rects[:, 0] + tol, rects[:, 1] + tol
    x1, y1 = rects[:, 0] + rects[:, 2] - tol, rects[:, 1] + rects[:, 3] - tol
    ok = np.ones(len(rects), dtype=bool)
    # 1) every corner inside (ray casting)
    n = len(points)
    for cx, cy in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        inside = np.zeros(len(rects), dtype=bool)
        for i in range(n):
            (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
            if ay == by:
                continue
            cond = (ay > cy) != (by > cy)
            xcross = ax + (cy - ay) * (bx - ax) / (by - ay)
            inside ^= cond & (cx < xcross)
        ok &= inside
    # 2) no polygon edge passes through the rectangle (Liang–Barsky clipping)
    for i in range(n):
        (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
        dx, dy = bx - ax, by - ay
        t0, t1 = np.zeros(len(rects)), np.ones(len(rects))
        hit = np.ones(len(rects), dtype=bool)
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                hit &= q >= 0
                continue
            r = q / p
            if p < 0:
                t0 = np.maximum(t0, r)
            else:
                t1 = np.minimum(t1, r)
        hit &= t0 <= t1
        ok &= ~hit
    return ok


# --- the roof -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeepOut:
    """A rectangle on the roof where no module may go (skylight, HVAC unit, hatch).

    Parameters
    ----------
    x, y : float
        Corner nearest the origin, in roof coordinates [m].
    length, width : float
        Extent along ``x`` and along ``y`` [m].
    clearance : float
        Extra free space kept all round it (maintenance access) [m].
    name : str
        What it is, e.g. ``"skylight 3"``.
    """

    x: float
    y: float
    length: float
    width: float
    clearance: float = 0.0
    name: str = ""

    def __post_init__(self):
        set_field(self, "x", survey_checked(check_number, "x", self.x, -1e5, 1e5))
        set_field(self, "y", survey_checked(check_number, "y", self.y, -1e5, 1e5))
        set_field(self, "length", survey_checked(check_number, "length", self.length, 0, 1e5, lo_open=True))
        set_field(self, "width", survey_checked(check_number, "width", self.width, 0, 1e5, lo_open=True))
        set_field(self, "clearance", survey_checked(check_number, "clearance", self.clearance, 0, 100))
        if not isinstance(self.name, str):
            raise SurveyValueError("name", self.name, "must be text")

    def bounds(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)`` including the clearance [m]."""
        c = self.clearance
        return self.x - c, self.y - c, self.x + self.length + c, self.y + self.width + c

    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y, "length": self.length, "width": self.width,
                "clearance": self.clearance, "name": self.name}


@dataclass(frozen=True)
class RoofSurvey:
    """One surveyed roof with what its layout needs.

    Parameters
    ----------
    name : str
        Unique within the park.
    outline : sequence of (x, y)
        Polygon vertices in roof coordinates [m], 3 to 200, not self-intersecting.
        :meth:`rectangle` builds a length × width outline.
    roof_type : {'flat', 'pitched'}
    surface_tilt : float
        Pitch of a pitched roof [°]; 0 for a flat roof.
    surface_azimuth : float
        Compass direction the modules face (the ``-y`` side), clockwise from north [°].
    height : float
        Roof height above ground [m].
    setback : float
        Walkway kept free along every edge (fire code) [m].
    keepouts : tuple of KeepOut
    allowed_load : float, optional
        Extra load the roof may carry [kg/m²]; ``None`` if unknown (the check is not made).
    module : str, optional
        CEC module key; ``None`` for a roof not yet laid out.
    orientation : {'portrait', 'landscape'}
        Portrait: the module's long side runs up the slope / up the tilted row.
    module_tilt : float, optional
        Tilt of the rows on a flat roof [°]; ``None`` for :data:`DEFAULT_FLAT_TILT`.
        Ignored on a pitched roof (flush: the roof pitch).
    gcr : float, optional
        Chosen ground coverage ratio of rows on a flat roof [-]; ``None`` spaces rows to
        avoid shading at winter-solstice noon.
    modules_high : int
        Modules stacked up one row (e.g. 2 in landscape).
    module_gap : float
        Gap between neighbouring modules (clamps) [m].
    module_type : {'glass_polymer', 'glass_glass'}
        Selects the assumed module mass and the cell-temperature preset.
    module_mass, racking_mass : float, optional
        Mass per m² of module of the module and of its racking (with ballast) [kg/m²];
        ``None`` for the documented assumptions.
    module_length, module_width : float, optional
        Module size [m] where the CEC database has none.
    """

    name: str
    outline: tuple
    roof_type: str = "flat"
    surface_tilt: float = 0.0
    surface_azimuth: float = 180.0
    height: float = 10.0
    setback: float = 0.0
    keepouts: tuple = ()
    allowed_load: Optional[float] = None
    module: Optional[str] = None
    orientation: str = "portrait"
    module_tilt: Optional[float] = None
    gcr: Optional[float] = None
    modules_high: int = 1
    module_gap: float = 0.02
    module_type: str = "glass_polymer"
    module_mass: Optional[float] = None
    racking_mass: Optional[float] = None
    module_length: Optional[float] = None
    module_width: Optional[float] = None

    def __post_init__(self):
        set_field(self, "name", survey_checked(check_name, "name", self.name))
        outline = self.outline
        if isinstance(outline, (str, bytes)) or not hasattr(outline, "__iter__"):
            raise SurveyValueError("outline", outline, "must be a list of [x, y] vertices in metres")
        pts = []
        for i, p in enumerate(outline):
            if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
                raise SurveyValueError(f"outline[{i}]", p, "must be a vertex [x, y] in metres")
            pts.append((survey_checked(check_number, f"outline[{i}][0]", p[0], -1e5, 1e5),
                        survey_checked(check_number, f"outline[{i}][1]", p[1], -1e5, 1e5)))
        if len(pts) < 3:
            raise SurveyValueError("outline", outline, "needs at least 3 vertices")
        if len(pts) > 200:
            raise SurveyValueError("outline", f"{len(pts)} vertices", "may have at most 200 vertices")
        for i in range(len(pts)):
            if math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]) < 1e-6:
                raise SurveyValueError(f"outline[{i}]", list(pts[i]), "repeats the previous vertex")
        if abs(polygon_area(pts)) < 1e-6:
            raise SurveyValueError("outline", [list(p) for p in pts], "encloses no area")
        if not _is_simple(pts):
            raise SurveyValueError("outline", [list(p) for p in pts], "crosses itself")
        set_field(self, "outline", tuple(pts))
        survey_checked(check_choice, "roof_type", self.roof_type, ROOF_TYPES)
        set_field(self, "surface_tilt", survey_checked(check_number, "surface_tilt", self.surface_tilt, 0, 75))
        if self.roof_type == "flat" and self.surface_tilt > 5:
            raise SurveyValueError("surface_tilt", self.surface_tilt, "a flat roof has a pitch of at most 5°; "
                                                                      "use roof_type 'pitched'")
        set_field(self, "surface_azimuth",
                  survey_checked(check_number, "surface_azimuth", self.surface_azimuth, 0, 360))
        set_field(self, "height", survey_checked(check_number, "height", self.height, 0, 500))
        set_field(self, "setback", survey_checked(check_number, "setback", self.setback, 0, 100))
        set_field(self, "keepouts", survey_items("keepouts", self.keepouts, KeepOut))
        set_field(self, "allowed_load",
                  survey_checked(check_number, "allowed_load", self.allowed_load, 0, 10000, allow_none=True))
        if self.module is not None:
            if not isinstance(self.module, str) or not self.module:
                raise SurveyValueError("module", self.module, "must be a CEC module key")
            from solarfleet.models.simulation import catalog
            if not catalog.has_module(self.module):
                raise SurveyValueError("module", self.module, "is not in the CEC module database")
        survey_checked(check_choice, "orientation", self.orientation, ORIENTATIONS)
        set_field(self, "module_tilt",
                  survey_checked(check_number, "module_tilt", self.module_tilt, 0, 60, allow_none=True))
        set_field(self, "gcr",
                  survey_checked(check_number, "gcr", self.gcr, 0, 1, lo_open=True, hi_open=True, allow_none=True))
        set_field(self, "modules_high", survey_checked(check_integer, "modules_high", self.modules_high, 1))
        if self.modules_high > 10:
            raise SurveyValueError("modules_high", self.modules_high, "must be at most 10")
        set_field(self, "module_gap", survey_checked(check_number, "module_gap", self.module_gap, 0, 2))
        from solarfleet.models.fleet import MODULE_TYPES
        survey_checked(check_choice, "module_type", self.module_type, MODULE_TYPES)
        for f in ("module_mass", "racking_mass"):
            set_field(self, f, survey_checked(check_number, f, getattr(self, f), 0, 1000, allow_none=True))
        for f in ("module_length", "module_width"):
            set_field(self, f, survey_checked(check_number, f, getattr(self, f), 0.1, 5, allow_none=True))

    @classmethod
    def rectangle(cls, name: str, length: float, width: float, **kwargs) -> "RoofSurvey":
        """A rectangular roof ``length`` [m] along ``x`` by ``width`` [m] along ``y``."""
        length = survey_checked(check_number, "length", length, 0, 1e5, lo_open=True)
        width = survey_checked(check_number, "width", width, 0, 1e5, lo_open=True)
        return cls(name=name, outline=((0.0, 0.0), (length, 0.0), (length, width), (0.0, width)), **kwargs)

    @property
    def area(self) -> float:
        """Roof area inside the outline (on the slope for a pitched roof) [m²]."""
        return abs(polygon_area(self.outline))

    @property
    def row_tilt(self) -> float:
        """Tilt of the modules [°]: the roof pitch (pitched) or the row tilt (flat)."""
        if self.roof_type == "pitched":
            return self.surface_tilt
        return DEFAULT_FLAT_TILT if self.module_tilt is None else self.module_tilt

    def to_dict(self) -> dict:
        d = {f: getattr(self, f) for f in self.__dataclass_fields__}
        d["outline"] = [list(p) for p in self.outline]
        d["keepouts"] = [k.to_dict() for k in self.keepouts]
        return d

    @classmethod
    def from_dict(cls, data) -> "RoofSurvey":
        if not isinstance(data, dict):
            raise SurveyValueError("", data, "a roof must be an object")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise SurveyValueError(sorted(unknown)[0], data[sorted(unknown)[0]], "unknown field")
        for f in ("name", "outline"):
            if f not in data:
                raise SurveyValueError(f, None, "missing required field")
        return cls(**data)


# --- layout ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ModuleSize:
    """A module's size and rating.

    Parameters
    ----------
    key : str
        CEC key.
    length, width : float
        Long and short side [m].
    stc : float
        Power at STC [W].
    """

    key: str
    length: float
    width: float
    stc: float

    @property
    def area(self) -> float:
        """Module area [m²]."""
        return self.length * self.width


def module_size(key: str, length: Optional[float] = None, width: Optional[float] = None) -> ModuleSize:
    """Size and STC power of CEC module ``key``; ``length``/``width`` override the database [m].

    Raises
    ------
    SurveyValueError
        Unknown module, or no dimensions in the database and none given.
    """
    from solarfleet.models.simulation import catalog
    if not isinstance(key, str) or not catalog.has_module(key):
        raise SurveyValueError("module", key, "is not in the CEC module database")
    row = catalog.modules().loc[key]
    db_len, db_wid = _catalog_float(row.get("Length")), _catalog_float(row.get("Width"))
    length = length if length is not None else db_len
    width = width if width is not None else db_wid
    if length is None or width is None or not (length > 0 and width > 0):
        raise SurveyValueError("module", key, "has no dimensions in the CEC database; give module_length and "
                                              "module_width [m] from the datasheet")
    long_side, short_side = max(length, width), min(length, width)
    return ModuleSize(key, long_side, short_side, catalog.module_stc(key))


def _catalog_float(v) -> Optional[float]:
    """``v`` as a float, or ``None`` for a missing (NaN/None/empty) catalog value."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def winter_solstice_noon_elevation(latitude: float) -> float:
    """Solar elevation at solar noon on the winter solstice [°].

    ``90° − |φ − δ|`` with ``δ = −23.44°`` north of the equator (December) and ``+23.44°``
    south of it (June). Negative inside the polar circles (polar night).

    Parameters
    ----------
    latitude : float
        [°], north positive.
    """
    lat = survey_checked(check_number, "latitude", latitude, -90, 90)
    dec = -SOLSTICE_DECLINATION if lat >= 0 else SOLSTICE_DECLINATION
    return 90.0 - abs(lat - dec)


def row_pitch(slope_length: float, surface_tilt: float, solar_elevation: float,
              azimuth_offset: float = 0.0) -> float:
    """Row-to-row distance that keeps a row out of the next row's shadow [m].

    Parameters
    ----------
    slope_length : float
        Length of the tilted collector up the slope, B [m].
    surface_tilt : float
        Row tilt β [°].
    solar_elevation : float
        Design solar elevation α [°] (> 0).
    azimuth_offset : float
        Angle γ between the rows' facing azimuth and the sun's azimuth [°], |γ| < 90.

    Returns
    -------
    float
        ``B·cos β + B·sin β·cos γ / tan α`` [m].
    """
    if not solar_elevation > 0:
        raise SurveyValueError("latitude", solar_elevation, "the sun does not rise at winter-solstice noon here "
                                                            "(polar night); choose a GCR instead")
    gamma = ((azimuth_offset + 180.0) % 360.0) - 180.0
    if abs(gamma) >= 90:
        raise SurveyValueError("surface_azimuth", azimuth_offset, "rows facing away from the noon sun cannot be "
                                                                  "spaced by the solstice rule; choose a GCR")
    b, t = slope_length, math.radians(surface_tilt)
    return b * math.cos(t) + b * math.sin(t) * math.cos(math.radians(gamma)) / math.tan(math.radians(solar_elevation))


@dataclass(frozen=True)
class LoadCheck:
    """Weight of the array against what the roof may carry.

    Parameters
    ----------
    load : float
        Modules and racking spread over the array footprint [kg/m²].
    allowed_load : float or None
        What the roof may carry [kg/m²]; ``None`` if not surveyed.
    module_mass, racking_mass : float
        Per m² of module [kg/m²].
    assumed : tuple of str
        Which of ``module_mass``, ``racking_mass`` are the documented assumptions.
    """

    load: float
    allowed_load: Optional[float]
    module_mass: float
    racking_mass: float
    assumed: tuple

    @property
    def ok(self) -> Optional[bool]:
        """True/False against the allowed load; ``None`` when no allowed load was given."""
        return None if self.allowed_load is None else self.load <= self.allowed_load + 1e-9


@dataclass(frozen=True)
class Layout:
    """Modules placed on a roof.

    Parameters
    ----------
    roof : str
        Roof name.
    module : ModuleSize
    orientation : {'portrait', 'landscape'}
    modules : numpy.ndarray
        One row per module: ``x, y, dx, dy`` of its footprint in plan (roof coordinates;
        projected for tilted rows) [m].
    rows : int
        Rows holding at least one module.
    surface_tilt, surface_azimuth : float
        Module tilt and azimuth [°].
    row_pitch : float
        Distance between the fronts of consecutive rows [m].
    gcr : float or None
        Collector slope length over row pitch [-] for tilted rows; ``None`` for flush mounting.
    solar_elevation : float or None
        Design elevation used for the spacing [°]; ``None`` when a GCR was chosen or flush.
    roof_area : float
        [m²].
    usable_outline : tuple of (x, y)
        The outline after the setback [m].
    load : LoadCheck
    """

    roof: str
    module: ModuleSize
    orientation: str
    modules: np.ndarray
    rows: int
    surface_tilt: float
    surface_azimuth: float
    row_pitch: float
    gcr: Optional[float]
    solar_elevation: Optional[float]
    roof_area: float
    usable_outline: tuple
    load: LoadCheck

    @property
    def count(self) -> int:
        """Number of modules."""
        return int(len(self.modules))

    @property
    def dc_capacity(self) -> float:
        """DC nameplate [W]."""
        return self.count * self.module.stc

    @property
    def kwp(self) -> float:
        """DC nameplate [kWp] (display unit)."""
        return self.dc_capacity / 1000.0

    @property
    def coverage(self) -> float:
        """Module area over roof area [-]."""
        return self.count * self.module.area / self.roof_area if self.roof_area else 0.0

    def summary(self) -> dict:
        """The layout's figures as plain data (SI units, plus ``kwp`` for display)."""
        return {"roof": self.roof, "module": self.module.key, "module_length": self.module.length,
                "module_width": self.module.width, "module_stc": self.module.stc, "orientation": self.orientation,
                "count": self.count, "rows": self.rows, "dc_capacity": self.dc_capacity,
                "kwp": round(self.kwp, 3), "surface_tilt": self.surface_tilt,
                "surface_azimuth": self.surface_azimuth, "row_pitch": self.row_pitch, "gcr": self.gcr,
                "solar_elevation": self.solar_elevation, "roof_area": self.roof_area, "coverage": self.coverage,
                "load": self.load.load, "allowed_load": self.load.allowed_load, "load_ok": self.load.ok,
                "module_mass": self.load.module_mass, "racking_mass": self.load.racking_mass,
                "assumed": list(self.load.assumed)}


def layout_roof(roof: RoofSurvey, latitude: float) -> Layout:
    """Fill ``roof`` with modules: flush on a pitched roof, tilted rows on a flat one.

    Parameters
    ----------
    roof : RoofSurvey
        With ``module`` set.
    latitude : float
        Site latitude [°], for the winter-solstice row spacing.

    Returns
    -------
    Layout

    Raises
    ------
    SurveyValueError
        No module chosen, the module has no size, the setback swallows the roof, or the
        solstice rule cannot apply (polar night, rows facing away from the sun).
    """
    if roof.module is None:
        raise SurveyValueError("module", None, "choose a module before laying out the roof")
    mod = module_size(roof.module, roof.module_length, roof.module_width)
    along, up = (mod.width, mod.length) if roof.orientation == "portrait" else (mod.length, mod.width)
    g, n_high = roof.module_gap, roof.modules_high
    slope = n_high * up + (n_high - 1) * g  # collector slope length B
    tilt = roof.row_tilt
    elevation = None
    if roof.roof_type == "pitched":
        cos_t = 1.0  # lengths measured on the slope
        depth = slope
        pitch = slope + g
        gcr = None
    else:
        cos_t = math.cos(math.radians(tilt))
        depth = slope * cos_t
        if roof.gcr is not None:
            pitch = slope / roof.gcr
            gcr = roof.gcr
            if pitch < depth + 1e-9:
                raise SurveyValueError("gcr", roof.gcr, f"leaves no space between rows at {tilt:g}° tilt")
        elif tilt == 0:
            pitch, gcr = depth + g, None
        else:
            elevation = winter_solstice_noon_elevation(latitude)
            sun_azimuth = 180.0 if latitude >= 0 else 0.0
            pitch = row_pitch(slope, tilt, elevation, roof.surface_azimuth - sun_azimuth)
            gcr = slope / pitch
    usable = inset_polygon(roof.outline, roof.setback)
    ys = [p[1] for p in usable]
    y_min, y_max = min(ys), max(ys)
    rects = []
    rows = 0
    k = 0
    while True:
        y0 = y_min + k * pitch
        y1 = y0 + depth
        if y1 > y_max + 1e-9:
            break
        k += 1
        intervals = _band_intervals(usable, y0, y1)
        for ko in roof.keepouts:
            kx0, ky0, kx1, ky1 = ko.bounds()
            if ky0 < y1 - 1e-9 and ky1 > y0 + 1e-9:
                intervals = _subtract(intervals, kx0, kx1)
        placed = 0
        for a, b in intervals:
            n = int(math.floor((b - a + g) / (along + g) + 1e-9))
            if n <= 0:
                continue
            used = n * along + (n - 1) * g
            x = a + (b - a - used) / 2.0
            for i in range(n):
                for j in range(n_high):
                    rects.append((x + i * (along + g), y0 + j * (up + g) * cos_t, along, up * cos_t))
            placed += n
        rows += placed > 0
    modules = np.array(rects, dtype=float).reshape(-1, 4)
    if len(modules):  # exact check: inside the usable outline, clear of every keep-out
        keep = _rects_inside(usable, modules)
        for ko in roof.keepouts:
            kx0, ky0, kx1, ky1 = ko.bounds()
            overlap = ((modules[:, 0] < kx1 - 1e-9) & (modules[:, 0] + modules[:, 2] > kx0 + 1e-9) &
                       (modules[:, 1] < ky1 - 1e-9) & (modules[:, 1] + modules[:, 3] > ky0 + 1e-9))
            keep &= ~overlap
        modules = modules[keep]
    mm_assumed = roof.module_mass is None
    rm_assumed = roof.racking_mass is None
    module_mass = ASSUMED_MODULE_MASS[roof.module_type] if mm_assumed else roof.module_mass
    racking_mass = ASSUMED_RACKING_MASS[roof.roof_type] if rm_assumed else roof.racking_mass
    footprint = (along + g) * pitch / n_high  # roof area per module [m²]
    load = (module_mass + racking_mass) * mod.area / footprint
    assumed = tuple(n for n, a in (("module_mass", mm_assumed), ("racking_mass", rm_assumed)) if a)
    return Layout(roof=roof.name, module=mod, orientation=roof.orientation, modules=modules, rows=rows,
                  surface_tilt=tilt, surface_azimuth=roof.surface_azimuth, row_pitch=pitch, gcr=gcr,
                  solar_elevation=elevation, roof_area=roof.area, usable_outline=tuple(usable),
                  load=LoadCheck(load, roof.allowed_load, module_mass, racking_mass, assumed))


# --- strings and the fleet model -----------------------------------------------------------------

def string_plan(module: str, count: int, *, max_system_voltage: float = 1100.0,
                temp_min: float = -10.0) -> list[tuple[int, int]]:
    """Split ``count`` modules into strings that stay under the system voltage on a cold morning.

    The longest string is ``floor(max_system_voltage / Voc(temp_min))`` with
    ``Voc(T) = V_oc_ref + beta_oc·(T − 25 °C)`` from the CEC database. The modules are wired
    in the fewest strings that respect it, as even as possible: some strings may hold one
    module more than the others (two MPPT groups), and every module is wired.

    Parameters
    ----------
    module : str
        CEC key.
    count : int
        Modules to wire.
    max_system_voltage : float
        Inverter / module maximum DC voltage [V]; 1100 V is usual for commercial string inverters.
    temp_min : float
        Lowest expected cell temperature [°C].

    Returns
    -------
    list of (modules_per_string, strings)
        One or two groups whose modules add up to ``count``, longer strings first; empty for
        ``count == 0``.
    """
    from solarfleet.models.simulation import catalog
    if count <= 0:
        return []
    p = catalog.module_parameters(module)
    voc = float(p["V_oc_ref"]) + float(p["beta_oc"]) * (temp_min - 25.0)
    longest = max(1, int(math.floor(max_system_voltage / voc)))
    strings = -(-count // longest)
    base, extra = divmod(count, strings)
    plan = []
    if extra:
        plan.append((base + 1, extra))
    if strings - extra:
        plan.append((base, strings - extra))
    return plan


def roof_to_fleet_roof(roof: RoofSurvey, layout: Optional[Layout]) -> Roof:
    """The fleet model's :class:`~solarfleet.models.fleet.Roof` for a surveyed roof and its layout.

    The arrays hold the layout's modules as CEC arrays (see :func:`string_plan`), racked
    ``open_rack`` in tilted rows and ``close_mount`` flush on a pitched roof, with a PVWatts
    inverter at the default DC/AC ratio.
    """
    arrays = []
    if layout is not None and layout.count:
        racking = "close_mount" if roof.roof_type == "pitched" else "open_rack"
        plan = string_plan(layout.module.key, layout.count)
        for i, (mps, strings) in enumerate(plan):
            arrays.append(Array(name="PV" if i == 0 else f"PV {i + 1}", dc_model="cec", module=layout.module.key,
                                modules_per_string=mps, strings=strings, racking=racking,
                                module_type=roof.module_type, surface_tilt=layout.surface_tilt,
                                surface_azimuth=layout.surface_azimuth, gcr=layout.gcr))
    return Roof(name=roof.name, roof_type=roof.roof_type, area=roof.area,
                surface_tilt=roof.surface_tilt if roof.roof_type == "pitched" else 0.0,
                surface_azimuth=roof.surface_azimuth, height=roof.height, arrays=tuple(arrays))


@dataclass(frozen=True)
class SiteSurvey:
    """A surveyed park: location, roofs and shading inputs.

    Parameters
    ----------
    name, latitude, longitude, altitude, tz, grid_region, notes
        As in :class:`~solarfleet.models.fleet.Park`.
    roofs : tuple of RoofSurvey
    horizon : tuple of (azimuth, elevation)
        Far horizon profile, typed or imported (see :mod:`solarfleet.models.survey.horizon`) [°].
    obstacles : tuple of Obstacle
        Nearby obstacles, turned into horizon elevations by
        :func:`solarfleet.models.survey.horizon.obstacles_to_horizon`.
    horizon_source : str
        Where the horizon came from (``"typed"``, ``"pvgis:<file>"``, ``""``).
    """

    name: str
    latitude: float
    longitude: float
    altitude: float = 0.0
    tz: str = "Asia/Shanghai"
    grid_region: str = "national"
    notes: str = ""
    roofs: tuple = ()
    horizon: tuple = ()
    obstacles: tuple = ()
    horizon_source: str = ""

    #: Fields stored beside the fleet model's park (what :class:`Park` does not hold).
    EXTRA_FIELDS = ("roofs", "horizon", "obstacles", "horizon_source")

    def __post_init__(self):
        # the location fields are validated exactly as a Park validates them
        try:
            Park(name=self.name, latitude=self.latitude, longitude=self.longitude, altitude=self.altitude,
                 tz=self.tz, grid_region=self.grid_region, notes=self.notes)
        except FleetValueError as exc:
            raise as_survey_error(exc) from None
        set_field(self, "name", self.name.strip())
        for f in ("latitude", "longitude", "altitude"):
            set_field(self, f, float(getattr(self, f)))
        roofs = []
        for i, r in enumerate(survey_checked(check_list, "roofs", self.roofs)):
            if isinstance(r, dict):
                try:
                    r = RoofSurvey.from_dict(r)
                except TypeError as exc:
                    raise SurveyValueError(f"roofs[{i}]", r, str(exc)) from None
                except FleetValueError as exc:
                    raise as_survey_error(exc, f"roofs[{i}]") from None
            if not isinstance(r, RoofSurvey):
                raise SurveyValueError(f"roofs[{i}]", r, "must be a RoofSurvey")
            roofs.append(r)
        seen = set()
        for i, r in enumerate(roofs):
            if r.name.casefold() in seen:
                raise SurveyValueError(f"roofs[{i}].name", r.name, "duplicate roof name")
            seen.add(r.name.casefold())
        set_field(self, "roofs", tuple(roofs))
        from solarfleet.models.survey.horizon import horizon_points
        try:
            set_field(self, "horizon", horizon_points(self.horizon))
        except ValueError as exc:
            raise SurveyValueError("horizon", "…", str(exc)) from None
        set_field(self, "obstacles", survey_items("obstacles", self.obstacles, Obstacle))
        if not isinstance(self.horizon_source, str):
            raise SurveyValueError("horizon_source", self.horizon_source, "must be text")

    def layouts(self) -> dict:
        """``{roof name: Layout or None}``: every roof with a module laid out."""
        return {r.name: (layout_roof(r, self.latitude) if r.module else None) for r in self.roofs}

    def horizon_profile(self, step: float = 1.0):
        """Far horizon merged with the obstacles, as a Series of elevation [°] indexed by azimuth [°].

        This is what the simulation's far-shading takes; ``None`` when neither was surveyed.
        """
        from solarfleet.models.survey.horizon import horizon_series, merge_horizons, obstacles_to_horizon
        parts = []
        if self.horizon:
            parts.append(horizon_series(self.horizon))
        if self.obstacles:
            parts.append(obstacles_to_horizon(self.obstacles, step=step))
        if not parts:
            return None
        return merge_horizons(*parts)

    def extras(self) -> dict:
        """The survey data the fleet model does not hold, as JSON-able data."""
        return {"roofs": [r.to_dict() for r in self.roofs], "horizon": [list(p) for p in self.horizon],
                "obstacles": [o.to_dict() for o in self.obstacles], "horizon_source": self.horizon_source}

    @classmethod
    def from_park(cls, park: Park, extras: Optional[dict]) -> "SiteSurvey":
        """Rebuild a survey from the stored park and its :meth:`extras` (``None``: roofs from the park only)."""
        loc = {f: getattr(park, f) for f in ("name", "latitude", "longitude", "altitude", "tz", "grid_region",
                                               "notes")}
        if extras is None:
            return cls(**loc)
        if not isinstance(extras, dict):
            raise SurveyValueError("survey", extras, "must be an object")
        unknown = set(extras) - set(cls.EXTRA_FIELDS)
        if unknown:
            raise SurveyValueError(sorted(unknown)[0], "…", "unknown field")
        for f in ("roofs", "horizon", "obstacles"):
            if f in extras and not isinstance(extras[f], list):
                raise SurveyValueError(f, extras[f], "must be a list")
        return cls(**loc, **extras)


def survey_to_park(site: SiteSurvey, layouts: Optional[dict] = None) -> Park:
    """The :class:`~solarfleet.models.fleet.Park` a survey describes, ready for the simulation.

    Parameters
    ----------
    site : SiteSurvey
    layouts : dict, optional
        ``{roof name: Layout}`` already computed (e.g. by the GUI); missing roofs are laid out.

    Returns
    -------
    Park
        One roof per surveyed roof; each laid-out roof holds CEC arrays with the layout's
        modules, tilt, azimuth and GCR. The horizon is not part of the Park: pass
        :meth:`SiteSurvey.horizon_profile` to the simulation's far-shading.
    """
    layouts = dict(layouts or {})
    roofs = []
    for r in site.roofs:
        lay = layouts.get(r.name)
        if lay is None and r.module:
            lay = layout_roof(r, site.latitude)
        roofs.append(roof_to_fleet_roof(r, lay))
    return Park(name=site.name, latitude=site.latitude, longitude=site.longitude, altitude=site.altitude,
                tz=site.tz, grid_region=site.grid_region, notes=site.notes, roofs=tuple(roofs))


def site_from_text(name: str, coordinates: str, *, roofs=(), tz: Optional[str] = None,
                   altitude: Optional[float] = None, grid_region: str = "national", notes: str = "",
                   horizon=(), obstacles=(), horizon_source: str = "") -> SiteSurvey:
    """A :class:`SiteSurvey` from coordinates as the user typed or pasted them, offline.

    The time zone comes from timezonefinder and the altitude from pvlib's map unless given
    (:func:`solarfleet.models.survey.geo.locate_site`).

    Raises
    ------
    solarfleet.models.survey.geo.CoordinateError
        The coordinates cannot be read (the message names the character).
    ValueError
        A bad time zone or altitude override; :class:`SurveyValueError` for any other field.
    """
    from solarfleet.models.survey.geo import locate_site, parse_coordinates
    lat, lon = parse_coordinates(coordinates)
    loc = locate_site(lat, lon, tz=tz, altitude=altitude)
    return SiteSurvey(name=name, latitude=loc.latitude, longitude=loc.longitude, altitude=loc.altitude, tz=loc.tz,
                      grid_region=grid_region, notes=notes, roofs=tuple(roofs), horizon=horizon,
                      obstacles=tuple(obstacles), horizon_source=horizon_source)
