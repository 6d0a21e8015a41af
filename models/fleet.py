"""Fleet domain model: Fleet → Park → Roof → Array, as frozen, validated dataclasses.

The classes mirror pvlib's objects: a :class:`Park` becomes a
:class:`pvlib.location.Location`, an :class:`Array` a :class:`pvlib.pvsystem.Array`
on a :class:`pvlib.pvsystem.FixedMount`. Every constructor validates its fields
and raises :class:`FleetValueError` naming the field and the bad value.

Units follow pvlib: angles in degrees, power in W, temperature coefficients in
1/°C, losses in percent, as PVWatts (Dobos 2014) states them.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Optional

from solarfleet.models.validation import (FleetValueError, check_choice, check_integer, check_list, check_name,
                                         check_number, check_unique_names, set_field)
from solarfleet.models.tznames import is_iana_zone

__all__ = [
    "FleetValueError", "Losses", "Array", "Roof", "Park", "Fleet",
    "ROOF_TYPES", "DC_MODELS", "INVERTER_MODELS", "RACKINGS", "MOUNTINGS", "MODULE_TYPES", "GRID_REGIONS",
    "ARRAY_TEMPERATURE_MODELS", "MIN_ARRAY_DC", "MAX_DC_PER_ROOF_AREA",
]

#: Roof kinds a surveyor records.
ROOF_TYPES = ("flat", "pitched")
#: DC models: PVWatts nameplate, or a CEC-database module on the single-diode model.
DC_MODELS = ("pvwatts", "cec")
#: Inverter models: PVWatts from a DC/AC ratio, or a CEC (Sandia) database inverter.
INVERTER_MODELS = ("pvwatts", "cec")
#: Mounting of the modules on a warehouse roof (the field is called ``racking``). Each maps to
#: documented parameters of every cell-temperature model (see
#: :data:`solarfleet.models.simulation.thermal.MOUNTING_PARAMETERS`):
#:
#: * ``open_rack`` — tilted rows on open racks on a flat roof, air all round;
#: * ``close_mount`` — roof mount with an air gap (rails on a pitched or flat roof, 2.5–3.5 in / 6–9 cm);
#: * ``insulated_back`` — flush on an insulated or metal roof, no air gap.
RACKINGS = ("open_rack", "close_mount", "insulated_back")
MOUNTINGS = RACKINGS
#: Cell-temperature models an array may ask for; ``None`` (the default) follows its DC model's
#: family: PVWatts arrays use PVWatts' Fuentes model, single-diode arrays SAM's NOCT model.
ARRAY_TEMPERATURE_MODELS = ("pvwatts", "fuentes", "noct_sam", "faiman", "pvsyst", "sapm")
#: Smallest plausible array DC nameplate [W]: below one module, a value typed in kW rather than W.
MIN_ARRAY_DC = 50.0
#: Largest plausible DC nameplate per m² of roof [W/m²]: modules of 25 % efficiency covering the
#: whole roof give 250 W/m²; more means the capacity (or the area) is in the wrong unit.
MAX_DC_PER_ROOF_AREA = 250.0
#: Module construction, matching pvlib's SAPM temperature-model presets.
MODULE_TYPES = ("glass_polymer", "glass_glass")
#: China's regional grids, as the MEE/NBS emission-factor tables name them, plus the national average.
GRID_REGIONS = ("north", "northeast", "east", "central", "northwest", "south", "southwest", "national")


# --- the classes --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Losses:
    """System losses of one array, PVWatts style, all in percent [%].

    Parameters
    ----------
    soiling : tuple of 12 float
        Monthly soiling loss, January first [%].
    shading : float
        Near-shading loss not modelled geometrically [%].
    snow : float
        Snow loss [%].
    mismatch : float
        Module mismatch [%].
    wiring : float
        DC wiring [%].
    connections : float
        Connector losses [%].
    lid : float
        Light-induced degradation [%].
    nameplate_rating : float
        Nameplate tolerance [%].
    availability : float
        Downtime [%].
    ac_wiring : float
        AC wiring from the inverters to the meter, applied after the inverter [%].
    transformer : float
        Transformer loss, applied after the inverter [%].
    system_losses : float, optional
        One PVWatts-style "system losses" figure on DC [%]. When given it REPLACES the itemised
        DC list (soiling, shading, snow, mismatch, wiring, connections, LID, nameplate rating,
        availability), which is then ignored; the AC items still apply.

    Notes
    -----
    Soiling and shading reduce the light reaching the cells (irradiance, before the cell
    temperature), as PVWatts v8 and SAM apply them; the other items reduce DC power.
    """

    soiling: tuple = (2.0,) * 12
    shading: float = 0.0
    snow: float = 0.0
    mismatch: float = 2.0
    wiring: float = 2.0
    connections: float = 0.5
    lid: float = 1.5
    nameplate_rating: float = 1.0
    availability: float = 3.0
    ac_wiring: float = 0.0
    transformer: float = 0.0
    system_losses: Optional[float] = None

    #: Names of the scalar losses, in waterfall order.
    SCALARS = ("shading", "snow", "mismatch", "wiring", "connections", "lid", "nameplate_rating", "availability")
    #: The scalar losses on the light (before the cell temperature); the rest are on DC power.
    IRRADIANCE_SCALARS = ("shading",)
    #: Losses after the inverter, in waterfall order.
    AC_SCALARS = ("ac_wiring", "transformer")

    def __post_init__(self):
        soiling = self.soiling
        if isinstance(soiling, (int, float)) and not isinstance(soiling, bool):
            soiling = (float(soiling),) * 12
        if isinstance(soiling, (str, bytes)) or not isinstance(soiling, Iterable):
            raise FleetValueError("soiling", soiling, "must be 12 monthly values")
        soiling = tuple(soiling)
        if len(soiling) != 12:
            raise FleetValueError("soiling", soiling, f"must hold 12 monthly values, not {len(soiling)}")
        set_field(self, "soiling", tuple(check_number(f"soiling[{m}]", v, 0, 100, hi_open=True)
                                         for m, v in enumerate(soiling)))
        for name in self.SCALARS + self.AC_SCALARS:
            set_field(self, name, check_number(name, getattr(self, name), 0, 100, hi_open=True))
        set_field(self, "system_losses",
                  check_number("system_losses", self.system_losses, 0, 100, hi_open=True, allow_none=True))

    @property
    def itemised(self) -> bool:
        """True when the itemised DC list applies (no single ``system_losses`` figure)."""
        return self.system_losses is None

    def other_fraction(self) -> float:
        """Combined non-soiling loss, multiplied as PVWatts does, as a fraction [-]."""
        keep = 1.0
        for name in self.SCALARS:
            keep *= 1.0 - getattr(self, name) / 100.0
        return 1.0 - keep

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["soiling"] = list(self.soiling)
        return d


@dataclass(frozen=True)
class Array:
    """One PV array on a roof: modules, racking, orientation, inverter, losses.

    Parameters
    ----------
    name : str
        Unique within its roof.
    dc_model : {'pvwatts', 'cec'}
        ``'pvwatts'`` uses ``pdc0`` and ``gamma_pdc``; ``'cec'`` uses ``module`` from the
        CEC database with ``modules_per_string`` × ``strings`` modules.
    pdc0 : float, optional
        DC nameplate at STC, PVWatts model [W].
    gamma_pdc : float
        Power temperature coefficient, PVWatts model [1/°C]. Default −0.0047 (PVWatts standard module).
    module : str, optional
        CEC module key, as :func:`pvlib.pvsystem.retrieve_sam` spells it.
    modules_per_string, strings : int, optional
        String layout for a CEC module.
    racking : {'open_rack', 'close_mount', 'insulated_back'}
        Mounting (:data:`MOUNTINGS`), selects the cell-temperature parameters.
    module_type : {'glass_polymer', 'glass_glass'}
        Module construction, selects the cell-temperature preset.
    temperature_model : {None, 'pvwatts', 'fuentes', 'noct_sam', 'faiman', 'pvsyst', 'sapm'}
        Cell-temperature model of this array; ``None`` follows the DC model's family. A run may
        override it for every array.
    surface_tilt : float, optional
        Tilt from horizontal [°]; ``None`` takes the roof's.
    surface_azimuth : float, optional
        Azimuth, clockwise from north (180 = south) [°]; ``None`` takes the roof's.
    gcr : float, optional
        Ground coverage ratio of tilted rows on a flat roof [-]; ``None`` for a single flush row.
    albedo : float
        Reflectance of the roof surface [-].
    losses : Losses
        Loss chain.
    inverter_model : {'pvwatts', 'cec'}
        ``'pvwatts'`` sizes the inverter from ``dc_ac_ratio`` with ``eta_inv_nom``;
        ``'cec'`` uses ``inverters`` units of database ``inverter``.
    dc_ac_ratio : float
        DC nameplate over AC rating [-].
    eta_inv_nom : float
        Nominal inverter efficiency, PVWatts model [-].
    inverter : str, optional
        CEC inverter key.
    inverters : int, optional
        Number of CEC inverters.
    degradation : float
        Annual power degradation [%/yr].
    commissioned : datetime.date, optional
        Commissioning date.
    """

    name: str
    dc_model: str = "pvwatts"
    pdc0: Optional[float] = None
    gamma_pdc: float = -0.0047
    module: Optional[str] = None
    modules_per_string: Optional[int] = None
    strings: Optional[int] = None
    racking: str = "close_mount"
    module_type: str = "glass_polymer"
    temperature_model: Optional[str] = None
    surface_tilt: Optional[float] = None
    surface_azimuth: Optional[float] = None
    gcr: Optional[float] = None
    albedo: float = 0.2
    losses: Losses = field(default_factory=Losses)
    inverter_model: str = "pvwatts"
    dc_ac_ratio: float = 1.2
    eta_inv_nom: float = 0.96
    inverter: Optional[str] = None
    inverters: Optional[int] = None
    degradation: float = 0.5
    commissioned: Optional[_dt.date] = None

    def __post_init__(self):
        set_field(self, "name", check_name("name", self.name))
        check_choice("dc_model", self.dc_model, DC_MODELS)
        set_field(self, "gamma_pdc", check_number("gamma_pdc", self.gamma_pdc, -0.02, 0.0))
        if self.dc_model == "pvwatts":
            if self.pdc0 is None:  # name the choice that asks for it (e.g. a CEC array switched to PVWatts)
                raise FleetValueError("pdc0", None, "is required for dc_model 'pvwatts'")
            set_field(self, "pdc0", check_number("pdc0", self.pdc0, 0, 1e9, lo_open=True))
            if self.pdc0 < MIN_ARRAY_DC:
                raise FleetValueError("pdc0", self.pdc0, f"is the DC nameplate in W (not kW): {self.pdc0:g} W is "
                                      f"less than one module ({MIN_ARRAY_DC:g} W); for {self.pdc0:g} kW enter "
                                      f"{self.pdc0 * 1000:g}")
            for f in ("module", "modules_per_string", "strings"):
                if getattr(self, f) is not None:
                    raise FleetValueError(f, getattr(self, f), "applies only to dc_model 'cec'")
        else:
            if self.pdc0 is not None:
                raise FleetValueError("pdc0", self.pdc0, "applies only to dc_model 'pvwatts'")
            if not isinstance(self.module, str) or not self.module:
                raise FleetValueError("module", self.module, "is required for dc_model 'cec'")
            from solarfleet.models.simulation import catalog  # late: the catalog loads pvlib's database on first use
            if not catalog.has_module(self.module):
                raise FleetValueError("module", self.module, "is not in the CEC module database")
            set_field(self, "modules_per_string", check_integer("modules_per_string", self.modules_per_string, 1))
            set_field(self, "strings", check_integer("strings", self.strings, 1))
        check_choice("racking", self.racking, RACKINGS)
        check_choice("module_type", self.module_type, MODULE_TYPES)
        if self.temperature_model is not None:
            check_choice("temperature_model", self.temperature_model, ARRAY_TEMPERATURE_MODELS)
        set_field(self, "surface_tilt", check_number("surface_tilt", self.surface_tilt, 0, 90, allow_none=True))
        set_field(self, "surface_azimuth",
                  check_number("surface_azimuth", self.surface_azimuth, 0, 360, allow_none=True))
        set_field(self, "gcr", check_number("gcr", self.gcr, 0, 1, lo_open=True, hi_open=True, allow_none=True))
        set_field(self, "albedo", check_number("albedo", self.albedo, 0, 1))
        if isinstance(self.losses, dict):
            try:
                set_field(self, "losses", Losses(**self.losses))
            except TypeError as exc:
                raise FleetValueError("losses", self.losses, str(exc)) from None
            except FleetValueError as exc:
                raise exc.within("losses") from None
        elif not isinstance(self.losses, Losses):
            raise FleetValueError("losses", self.losses, "must be a Losses object")
        check_choice("inverter_model", self.inverter_model, INVERTER_MODELS)
        # validated for both inverter models: a CEC array keeps them for a PVWatts override of the run
        set_field(self, "dc_ac_ratio", check_number("dc_ac_ratio", self.dc_ac_ratio, 0.5, 3.0))
        set_field(self, "eta_inv_nom", check_number("eta_inv_nom", self.eta_inv_nom, 0.5, 1.0))
        if self.inverter_model == "pvwatts":
            for f in ("inverter", "inverters"):
                if getattr(self, f) is not None:
                    raise FleetValueError(f, getattr(self, f), "applies only to inverter_model 'cec'")
        else:
            if not isinstance(self.inverter, str) or not self.inverter:
                raise FleetValueError("inverter", self.inverter, "is required for inverter_model 'cec'")
            from solarfleet.models.simulation import catalog
            if not catalog.has_inverter(self.inverter):
                raise FleetValueError("inverter", self.inverter, "is not in the CEC inverter database")
            set_field(self, "inverters", check_integer("inverters", self.inverters, 1))
        set_field(self, "degradation", check_number("degradation", self.degradation, 0, 10))
        c = self.commissioned
        if isinstance(c, str):
            try:
                c = _dt.date.fromisoformat(c)
            except ValueError:
                raise FleetValueError("commissioned", c, "must be a date as YYYY-MM-DD") from None
        if isinstance(c, _dt.datetime):
            c = c.date()
        if c is not None and not isinstance(c, _dt.date):
            raise FleetValueError("commissioned", c, "must be a date as YYYY-MM-DD")
        if c is not None and not (_dt.date(1950, 1, 1) <= c <= _dt.date(2100, 12, 31)):
            raise FleetValueError("commissioned", c.isoformat(), "must be between 1950 and 2100")
        set_field(self, "commissioned", c)

    # -- derived quantities --
    @property
    def modules(self) -> Optional[int]:
        """Number of modules of a CEC array, ``None`` for a PVWatts array."""
        if self.dc_model != "cec":
            return None
        return self.modules_per_string * self.strings

    @property
    def dc_capacity(self) -> float:
        """DC nameplate at STC [W]."""
        if self.dc_model == "pvwatts":
            return self.pdc0
        from solarfleet.models.simulation import catalog
        return catalog.module_stc(self.module) * self.modules

    @property
    def ac_capacity(self) -> float:
        """AC rating [W]."""
        if self.inverter_model == "pvwatts":
            return self.dc_capacity / self.dc_ac_ratio
        from solarfleet.models.simulation import catalog
        return catalog.inverter_paco(self.inverter) * self.inverters

    def tilt_on(self, roof: "Roof") -> float:
        """Effective tilt on ``roof`` [°]."""
        return roof.surface_tilt if self.surface_tilt is None else self.surface_tilt

    def azimuth_on(self, roof: "Roof") -> float:
        """Effective azimuth on ``roof`` [°]."""
        return roof.surface_azimuth if self.surface_azimuth is None else self.surface_azimuth


@dataclass(frozen=True)
class Roof:
    """A roof of a park building.

    Parameters
    ----------
    name : str
        Unique within its park.
    roof_type : {'flat', 'pitched'}
    area : float
        Usable roof area [m²].
    surface_tilt : float
        Roof pitch from horizontal [°] (arrays default to it).
    surface_azimuth : float
        Direction the roof faces, clockwise from north [°].
    height : float
        Height above ground [m].
    arrays : tuple of Array
    """

    name: str
    roof_type: str = "flat"
    area: float = 0.0
    surface_tilt: float = 0.0
    surface_azimuth: float = 180.0
    height: float = 10.0
    arrays: tuple = ()

    def __post_init__(self):
        set_field(self, "name", check_name("name", self.name))
        check_choice("roof_type", self.roof_type, ROOF_TYPES)
        set_field(self, "area", check_number("area", self.area, 0, 1e7))
        set_field(self, "surface_tilt", check_number("surface_tilt", self.surface_tilt, 0, 90))
        set_field(self, "surface_azimuth", check_number("surface_azimuth", self.surface_azimuth, 0, 360))
        set_field(self, "height", check_number("height", self.height, 0, 500))
        arrays = check_list("arrays", self.arrays)
        for i, a in enumerate(arrays):
            if not isinstance(a, Array):
                raise FleetValueError(f"arrays[{i}]", a, "must be an Array")
        check_unique_names("arrays", arrays)
        set_field(self, "arrays", arrays)
        if self.area > 0 and arrays:
            density = self.dc_capacity / self.area
            if density > MAX_DC_PER_ROOF_AREA:
                raise FleetValueError("area", self.area, f"cannot carry {self.dc_capacity / 1000:,.1f} kWp of arrays "
                                      f"({density:,.0f} W/m², more than {MAX_DC_PER_ROOF_AREA:g} W/m²): area is in "
                                      "m² and array DC nameplates (pdc0) in W")

    @property
    def dc_capacity(self) -> float:
        """DC nameplate of all arrays [W]."""
        return sum(a.dc_capacity for a in self.arrays)


@dataclass(frozen=True)
class Park:
    """A logistics park: a site with a location, a grid region and roofs.

    Parameters
    ----------
    name : str
        Unique within the fleet.
    latitude : float
        North positive [°].
    longitude : float
        East positive [°].
    altitude : float
        Above sea level [m].
    tz : str
        IANA time-zone name, e.g. ``'Asia/Shanghai'``.
    grid_region : str
        One of :data:`GRID_REGIONS`; selects the CO₂ emission factor.
    notes : str
        Free text.
    roofs : tuple of Roof
    """

    name: str
    latitude: float
    longitude: float
    altitude: float = 0.0
    tz: str = "Asia/Shanghai"
    grid_region: str = "national"
    notes: str = ""
    roofs: tuple = ()

    def __post_init__(self):
        set_field(self, "name", check_name("name", self.name))
        set_field(self, "latitude", check_number("latitude", self.latitude, -90, 90))
        set_field(self, "longitude", check_number("longitude", self.longitude, -180, 180))
        set_field(self, "altitude", check_number("altitude", self.altitude, -500, 9000))
        if not isinstance(self.tz, str) or not self.tz:
            raise FleetValueError("tz", self.tz, "must be an IANA time-zone name such as 'Asia/Shanghai'")
        if not is_iana_zone(self.tz):  # no host-dependent names such as 'localtime'
            raise FleetValueError("tz", self.tz, "is not a known IANA time zone (host aliases such as 'localtime' are refused)")
        check_choice("grid_region", self.grid_region, GRID_REGIONS)
        if not isinstance(self.notes, str):
            raise FleetValueError("notes", self.notes, "must be text")
        roofs = check_list("roofs", self.roofs)
        for i, r in enumerate(roofs):
            if not isinstance(r, Roof):
                raise FleetValueError(f"roofs[{i}]", r, "must be a Roof")
        check_unique_names("roofs", roofs)
        set_field(self, "roofs", roofs)

    @property
    def dc_capacity(self) -> float:
        """DC nameplate of all arrays [W]."""
        return sum(r.dc_capacity for r in self.roofs)

    def iter_arrays(self) -> Iterator[tuple[Roof, Array]]:
        """Yield ``(roof, array)`` for every array of the park."""
        for roof in self.roofs:
            for array in roof.arrays:
                yield roof, array

    def to_location(self):
        """The park as a :class:`pvlib.location.Location`."""
        from pvlib.location import Location
        return Location(self.latitude, self.longitude, tz=self.tz, altitude=self.altitude, name=self.name)


@dataclass(frozen=True)
class Fleet:
    """All parks of an operator.

    Parameters
    ----------
    parks : tuple of Park
    """

    parks: tuple = ()

    def __post_init__(self):
        parks = check_list("parks", self.parks)
        for i, p in enumerate(parks):
            if not isinstance(p, Park):
                raise FleetValueError(f"parks[{i}]", p, "must be a Park")
        check_unique_names("parks", parks)
        set_field(self, "parks", parks)

    @property
    def dc_capacity(self) -> float:
        """DC nameplate of the whole fleet [W]."""
        return sum(p.dc_capacity for p in self.parks)

    def park(self, name: str) -> Park:
        """The park called ``name`` (case-insensitive); ``KeyError`` if none."""
        for p in self.parks:
            if p.name.casefold() == name.strip().casefold():
                return p
        raise KeyError(name)

    def with_park(self, park: Park) -> "Fleet":
        """A copy with ``park`` added, or replacing the park of the same name."""
        parks = [p for p in self.parks if p.name.casefold() != park.name.casefold()]
        return replace(self, parks=tuple(parks) + (park,))
