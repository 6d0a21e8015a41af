"""Automatic module layout on a surveyed roof: module sizes, row spacing, the load check, strings.

:func:`layout_roof` fills a :class:`~solarfleet.models.survey.site.RoofSurvey` with modules of
a CEC-catalog type and returns a :class:`Layout` (positions, count, kWp, GCR, row pitch,
:class:`LoadCheck`); :func:`string_plan` wires the modules in strings.

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
Rows are spaced by a rule (:data:`ROW_RULES`), stored with the roof (``RoofSurvey.row_rule``)
and named in the :class:`Layout`:

``"gb50797"``
    GB 50797-2012 (光伏发电站设计规范): no row shades the next between 9:00 and 15:00 true
    solar time on the winter solstice. The default for sites in China (:func:`default_row_rule`).
``"jp_daytime"``
    Japanese practice keeps the rows clear for 4–6 hours around noon on 冬至 (there is no
    national rule); this rule takes 10:00–14:00 true solar time. The default in Japan.
``"noon"``
    No shading at solar noon of the winter solstice only (the narrowest spacing; the default
    elsewhere).
``"gcr"``
    A ground coverage ratio the user gives.

With the collector slope length ``B`` (modules stacked up the row plus gaps) and tilt ``β``,
a row's top edge stands ``B·sin β`` above its front edge and casts a shadow
``B·sin β / tan α`` long away from the sun (elevation ``α``); its component across the rows is
``B·sin β · cos γ / tan α`` where ``γ`` is the angle between the rows' facing azimuth and the sun's
azimuth. So

    row pitch = B·cos β + B·sin β · max over the window of (cos γ / tan α)

(terms with ``cos γ ≤ 0`` — sun behind the rows — cast no shadow on the next row). The sun's
position on the winter solstice at hour angle ``ω = 15°·(t − 12 h)`` of true solar time ``t``,
latitude ``φ`` and declination ``δ = −23.44°`` (``+23.44°`` south of the equator):

    sin α = sin φ·sin δ + cos φ·cos δ·cos ω
    azimuth = 180° + atan2(sin ω, cos ω·sin φ − tan δ·cos φ)   (clockwise from north)

Shanghai (φ = 31.4°), noon: α = 35.16°; a 1.70 m portrait module at 20° gives
1.597 m + 0.826 m = 2.423 m, GCR = 1.70 / 2.423 = 0.702. At 9:00 (ω = −45°): α = 20.27°,
azimuth 136.24°, cos γ = 0.722, so GB 50797 asks for 1.597 m + 0.581 m · 0.722 / tan 20.27°
= 2.734 m (GCR 0.622); the morning and afternoon ends bind alike for rows facing south.

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
from typing import TYPE_CHECKING, Optional

import numpy as np

from solarfleet.models.survey.geometry import band_intervals, inset_polygon, rectangles_inside, subtract_interval
from solarfleet.models.validation import SurveyValueError, check_number, survey_checked

if TYPE_CHECKING:
    from solarfleet.models.survey.site import RoofSurvey

__all__ = ["ORIENTATIONS", "ModuleSize", "module_size", "winter_solstice_noon_elevation", "row_pitch", "LoadCheck",
           "Layout", "layout_roof", "string_plan", "ASSUMED_MODULE_MASS", "ASSUMED_RACKING_MASS",
           "DEFAULT_FLAT_TILT", "SOLSTICE_DECLINATION", "ROW_RULES", "ROW_RULE_WINDOWS", "default_row_rule",
           "solstice_sun_position", "window_row_pitch"]

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
#: Row-spacing rules on a flat roof (see the module docstring); glossary keys ``row_rule_<rule>``.
ROW_RULES = ("gb50797", "jp_daytime", "noon", "gcr")
#: True-solar-time window of each shading rule on the winter solstice, (start, end) [h].
ROW_RULE_WINDOWS = {"gb50797": (9.0, 15.0), "jp_daytime": (10.0, 14.0), "noon": (12.0, 12.0)}
#: IANA zones of mainland China and of Japan, for the default rule.
_CHINA_ZONES = frozenset({"Asia/Shanghai", "Asia/Urumqi", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin",
                          "Asia/Kashgar", "PRC"})
_JAPAN_ZONES = frozenset({"Asia/Tokyo", "Japan"})
#: Step between the times checked inside a window [h] (the ends are always checked).
_WINDOW_STEP = 1.0 / 12.0


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


def default_row_rule(tz: Optional[str]) -> str:
    """The row-spacing rule a site's designers work to, from its IANA time zone.

    ``"gb50797"`` in mainland China, ``"jp_daytime"`` in Japan, ``"noon"`` elsewhere or when
    ``tz`` is unknown.
    """
    if tz in _CHINA_ZONES:
        return "gb50797"
    if tz in _JAPAN_ZONES:
        return "jp_daytime"
    return "noon"


def solstice_sun_position(latitude: float, solar_time) -> tuple:
    """Sun elevation and azimuth on the local winter solstice at a true solar time.

    Parameters
    ----------
    latitude : float
        [°], north positive (the December solstice north of the equator, June south of it).
    solar_time : float or array_like
        True solar time [h]; 12 is solar noon.

    Returns
    -------
    elevation, azimuth : numpy.ndarray
        [°]; azimuth clockwise from north. Geometric (no refraction).
    """
    lat = math.radians(survey_checked(check_number, "latitude", latitude, -90, 90))
    dec = math.radians(-SOLSTICE_DECLINATION if latitude >= 0 else SOLSTICE_DECLINATION)
    omega = np.radians(15.0 * (np.asarray(solar_time, dtype=float) - 12.0))
    sin_el = math.sin(lat) * math.sin(dec) + math.cos(lat) * math.cos(dec) * np.cos(omega)
    elevation = np.degrees(np.arcsin(np.clip(sin_el, -1.0, 1.0)))
    azimuth = (180.0 + np.degrees(np.arctan2(np.sin(omega),
                                             np.cos(omega) * math.sin(lat) - math.tan(dec) * math.cos(lat)))) % 360.0
    return elevation, azimuth


def window_row_pitch(slope_length: float, surface_tilt: float, surface_azimuth: float, latitude: float,
                     window: tuple) -> tuple:
    """Row pitch that keeps rows unshaded through a true-solar-time window of the winter solstice.

    Parameters
    ----------
    slope_length : float
        Collector slope length B [m].
    surface_tilt, surface_azimuth : float
        Row tilt β and the azimuth the rows face [°].
    latitude : float
        [°].
    window : (float, float)
        Start and end of the window, true solar time [h]; equal ends check one instant.

    Returns
    -------
    pitch : float
        [m].
    elevation, solar_time : float
        Sun elevation [°] at the binding time and that time [h].

    Raises
    ------
    SurveyValueError
        The sun is below the horizon at some time of the window, or behind the rows throughout.
    """
    start, end = window
    n = max(int(math.ceil((end - start) / _WINDOW_STEP)), 0) + 1
    times = np.linspace(start, end, n)
    elevation, azimuth = solstice_sun_position(latitude, times)
    if not np.all(elevation > 0):
        raise SurveyValueError("row_rule", _hours(start, end),
                               "the sun is below the horizon in this window on the winter solstice here; "
                               "choose a shorter window or a GCR")
    cos_g = np.cos(np.radians(azimuth - surface_azimuth))
    reach = np.where(cos_g > 0, cos_g / np.tan(np.radians(elevation)), 0.0)
    i = int(np.argmax(reach))
    if not reach[i] > 0:
        raise SurveyValueError("surface_azimuth", surface_azimuth, "rows facing away from the sun all through the "
                                                                   "window cannot be spaced by it; choose a GCR")
    t = math.radians(surface_tilt)
    pitch = slope_length * math.cos(t) + slope_length * math.sin(t) * float(reach[i])
    return pitch, float(elevation[i]), float(times[i])


def _hours(start: float, end: float) -> str:
    return f"{int(start):02d}:{round(start % 1 * 60):02d}–{int(end):02d}:{round(end % 1 * 60):02d}"


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
        Sun elevation at the time that bound the spacing [°]; ``None`` when a GCR was chosen or flush.
    roof_area : float
        [m²].
    usable_outline : tuple of (x, y)
        The outline after the setback [m].
    load : LoadCheck
    row_rule : str or None
        The rule that spaced the rows (one of :data:`ROW_RULES`); ``None`` for flush or untilted
        modules, where no rule applies.
    design_solar_time : float or None
        True solar time on the winter solstice that bound the spacing [h]; ``None`` unless a
        shading rule spaced the rows.
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
    row_rule: Optional[str] = None
    design_solar_time: Optional[float] = None

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
                "assumed": list(self.load.assumed), "row_rule": self.row_rule,
                "design_solar_time": self.design_solar_time}


def layout_roof(roof: RoofSurvey, latitude: float) -> Layout:
    """Fill ``roof`` with modules: flush on a pitched roof, tilted rows on a flat one.

    Parameters
    ----------
    roof : RoofSurvey
        With ``module`` set. Rows on a flat roof are spaced by ``roof.row_rule``; when it is
        ``None``, by the GCR if one is given, else for no shading at winter-solstice noon
        (:class:`~solarfleet.models.survey.site.SiteSurvey` fills in the site's rule).
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
    cos_t, depth, pitch, gcr, elevation, rule, when = _row_spacing(roof, latitude, slope, tilt)
    usable = inset_polygon(roof.outline, roof.setback)
    modules, rows = _place_modules(usable, roof.keepouts, depth=depth, pitch=pitch, along=along, up=up, gap=g,
                                   modules_high=n_high, cos_t=cos_t)
    footprint = (along + g) * pitch / n_high  # roof area per module [m²]
    return Layout(roof=roof.name, module=mod, orientation=roof.orientation, modules=modules, rows=rows,
                  surface_tilt=tilt, surface_azimuth=roof.surface_azimuth, row_pitch=pitch, gcr=gcr,
                  solar_elevation=elevation, roof_area=roof.area, usable_outline=tuple(usable),
                  load=_load_check(roof, mod.area, footprint), row_rule=rule, design_solar_time=when)


def _row_spacing(roof: RoofSurvey, latitude: float, slope: float, tilt: float) -> tuple:
    """How rows of collector slope length ``slope`` [m] at ``tilt`` [°] are spaced on ``roof``.

    Returns ``(cos_t, depth, pitch, gcr, elevation, rule, when)``: the plan-view shortening of
    the modules' up-slope side [-], the row's depth in plan and the row pitch [m], the GCR [-]
    (``None`` flush), the sun elevation [°] and true solar time [h] that bound the spacing
    (``None`` unless a shading rule spaced the rows) and the rule used (``None`` flush).
    """
    if roof.roof_type == "pitched":
        # lengths measured on the slope
        return 1.0, slope, slope + roof.module_gap, None, None, None, None
    cos_t = math.cos(math.radians(tilt))
    depth = slope * cos_t
    rule = roof.row_rule or ("gcr" if roof.gcr is not None else "noon")
    if rule == "gcr":
        pitch = slope / roof.gcr
        if pitch < depth + 1e-9:
            raise SurveyValueError("gcr", roof.gcr, f"leaves no space between rows at {tilt:g}° tilt")
        return cos_t, depth, pitch, roof.gcr, None, rule, None
    if tilt == 0:
        return cos_t, depth, depth + roof.module_gap, None, None, None, None
    if rule == "noon":
        elevation = winter_solstice_noon_elevation(latitude)
        sun_azimuth = 180.0 if latitude >= 0 else 0.0
        pitch = row_pitch(slope, tilt, elevation, roof.surface_azimuth - sun_azimuth)
        return cos_t, depth, pitch, slope / pitch, elevation, rule, 12.0
    pitch, elevation, when = window_row_pitch(slope, tilt, roof.surface_azimuth, latitude, ROW_RULE_WINDOWS[rule])
    return cos_t, depth, pitch, slope / pitch, elevation, rule, when


def _place_modules(usable: list, keepouts: tuple, *, depth: float, pitch: float, along: float, up: float,
                   gap: float, modules_high: int, cos_t: float) -> tuple[np.ndarray, int]:
    """Modules ``(x, y, dx, dy)`` in rows from the front of the ``usable`` outline, and the rows used.

    Each row is filled, centred, in every stretch of the band it covers that lies inside the
    outline and clear of the keep-outs; then every module is checked exactly.
    """
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
        intervals = band_intervals(usable, y0, y1)
        for ko in keepouts:
            kx0, ky0, kx1, ky1 = ko.bounds()
            if ky0 < y1 - 1e-9 and ky1 > y0 + 1e-9:
                intervals = subtract_interval(intervals, kx0, kx1)
        placed = 0
        for a, b in intervals:
            n = int(math.floor((b - a + gap) / (along + gap) + 1e-9))
            if n <= 0:
                continue
            used = n * along + (n - 1) * gap
            x = a + (b - a - used) / 2.0
            for i in range(n):
                for j in range(modules_high):
                    rects.append((x + i * (along + gap), y0 + j * (up + gap) * cos_t, along, up * cos_t))
            placed += n
        rows += placed > 0
    modules = np.array(rects, dtype=float).reshape(-1, 4)
    if len(modules):  # exact check: inside the usable outline, clear of every keep-out
        keep = rectangles_inside(usable, modules)
        for ko in keepouts:
            kx0, ky0, kx1, ky1 = ko.bounds()
            overlap = ((modules[:, 0] < kx1 - 1e-9) & (modules[:, 0] + modules[:, 2] > kx0 + 1e-9) &
                       (modules[:, 1] < ky1 - 1e-9) & (modules[:, 1] + modules[:, 3] > ky0 + 1e-9))
            keep &= ~overlap
        modules = modules[keep]
    return modules, rows


def _load_check(roof: RoofSurvey, module_area: float, footprint: float) -> LoadCheck:
    """Modules and racking of ``module_area`` [m²] each, spread over ``footprint`` [m²] each, against the roof."""
    mm_assumed = roof.module_mass is None
    rm_assumed = roof.racking_mass is None
    module_mass = ASSUMED_MODULE_MASS[roof.module_type] if mm_assumed else roof.module_mass
    racking_mass = ASSUMED_RACKING_MASS[roof.roof_type] if rm_assumed else roof.racking_mass
    load = (module_mass + racking_mass) * module_area / footprint
    assumed = tuple(n for n, a in (("module_mass", mm_assumed), ("racking_mass", rm_assumed)) if a)
    return LoadCheck(load, roof.allowed_load, module_mass, racking_mass, assumed)


# --- strings ---------------------------------------------------------------------------------------

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
