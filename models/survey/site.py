"""The site survey: the roofs of a park as a surveyor records them, and the park they become.

A surveyor records each roof as a :class:`RoofSurvey`: its outline (a rectangle or a polygon
of vertices in metres, in the roof coordinates of :mod:`solarfleet.models.survey.layout`), flat
or pitched, an edge setback (fire-code walkway), :class:`KeepOut` rectangles (skylights, HVAC
units), the allowed extra load and the module to lay out. A :class:`SiteSurvey` groups the roofs
of one park with its location and shading inputs (horizon, obstacles); :func:`survey_to_park`
lays the roofs out (:func:`~solarfleet.models.survey.layout.layout_roof`) and turns the survey
into a :class:`~solarfleet.models.fleet.Park` that the simulation runs. Every constructor
raises :class:`~solarfleet.models.validation.SurveyValueError` naming the field.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Optional

from solarfleet.models.fleet import MODULE_TYPES, ROOF_TYPES, Array, Park, Roof
from solarfleet.models.survey.geometry import is_simple_polygon, polygon_area
from solarfleet.models.survey.horizon import Obstacle
from solarfleet.models.survey.layout import (DEFAULT_FLAT_TILT, ORIENTATIONS, ROW_RULES, Layout, default_row_rule,
                                            layout_roof, string_plan)
from solarfleet.models.validation import (FleetValueError, SurveyValueError, as_survey_error, check_choice,
                                         check_integer, check_list, check_name, check_number, set_field,
                                         survey_checked, survey_items)

__all__ = ["KeepOut", "RoofSurvey", "SiteSurvey", "survey_to_park", "site_from_text",
           "roof_to_fleet_roof"]


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
    row_rule : {'gb50797', 'jp_daytime', 'noon', 'gcr'}, optional
        How rows on a flat roof are spaced (:mod:`solarfleet.models.survey.layout`); ``None``:
        ``'gcr'`` when a GCR is given, else the site's rule (:class:`SiteSurvey` fills it in).
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
    row_rule: Optional[str] = None

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
        if not is_simple_polygon(pts):
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
        survey_checked(check_choice, "module_type", self.module_type, MODULE_TYPES)
        for f in ("module_mass", "racking_mass"):
            set_field(self, f, survey_checked(check_number, f, getattr(self, f), 0, 1000, allow_none=True))
        for f in ("module_length", "module_width"):
            set_field(self, f, survey_checked(check_number, f, getattr(self, f), 0.1, 5, allow_none=True))
        self._check_row_rule()

    def _check_row_rule(self) -> None:
        """``row_rule`` is a known rule and agrees with ``gcr``."""
        if self.row_rule is None:
            return
        survey_checked(check_choice, "row_rule", self.row_rule, ROW_RULES)
        if self.row_rule == "gcr" and self.gcr is None:
            raise SurveyValueError("gcr", None, "is required when rows are spaced by a chosen GCR")
        if self.row_rule != "gcr" and self.gcr is not None:
            raise SurveyValueError("gcr", self.gcr, f"is not used when rows are spaced by the {self.row_rule} rule")

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


# --- the site and the fleet model ----------------------------------------------------------------

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
        set_field(self, "roofs", tuple(_with_site_rule(r, self.tz) for r in roofs))
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


def _with_site_rule(roof: RoofSurvey, tz: str) -> RoofSurvey:
    """``roof`` with the site's row-spacing rule filled in where it has none and no GCR."""
    if roof.row_rule is not None or roof.gcr is not None or roof.roof_type != "flat":
        return roof
    return dataclasses.replace(roof, row_rule=default_row_rule(tz))


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
