"""Fleet simulation engine: pvlib's physics for every array of a park, computed as matrices.

By default it computes what NREL's PVWatts v8 and SAM's detailed model compute (docs/validation.md
compares it with PySAM); with ``SimulationOptions(**MODELCHAIN_CHOICES)`` what
:class:`pvlib.modelchain.ModelChain` computes for one array with the same choices. Either way for
all arrays of a park at once, each step once per distinct setting (orientation, light setting,
temperature group, DC unit), the arrays sharing it sharing the work:

1. **Sun** once per park with pvlib's NREL SPA (numpy) code, bit for bit (:mod:`.sun`), at the
   middle of each interval (the weather index holds interval starts, see :func:`check_weather`)
   or, by default, at the middle of its sunlit part where the sun rises or sets (SAM's SSC;
   :func:`physics.sunlit_times`); refraction from ``temp_air`` and ``pressure`` (or the park
   altitude); relative air mass by Kasten & Young (1989); extraterrestrial irradiance by Spencer.
   Only intervals with weather and light are computed.
2. **Plane of array**: Perez 1990 (default, a fused kernel), Hay-Davies or isotropic, per
   distinct orientation (tilt, azimuth, albedo, row geometry).
3. **Far shading** from an optional horizon profile (azimuth → elevation [°]): the beam is
   blocked while the sun is below the horizon at its azimuth; sky diffuse is reduced by the
   share of an isotropic sky the horizon hides from a horizontal plane.
4. **Row-to-row shading** for arrays with a ground coverage ratio (``row_shading``): the beam
   scaled by ``1 - shaded_fraction`` (:func:`pvlib.shading.shaded_fraction1d` geometry), sky
   diffuse by Passias' masking; the linear (geometric) model, no electrical mismatch.
5. **Soiling and shading on the light** (default; on DC with ``soiling_on='dc'``): monthly
   soiling by local calendar month, then the shading loss.
6. **Cover** (angle of incidence, :data:`AOI_MODELS`): SAM's glass cover with an
   anti-reflective coating by default, on beam, sky and ground light; or pvlib's models.
7. **Spectrum**: De Soto's air-mass modifier (default) or none.
8. **Cell temperature** (:mod:`.thermal`): PVWatts v8's NOCT form, SAM's NOCT model, Fuentes,
   Faiman, PVsyst or SAPM, with parameters from the array's mounting.
9. **DC**: PVWatts v8 (a representative single-diode module, tabulated, scaled to the
   nameplate), PVWatts v5 (``pdc0``, ``gamma_pdc``), or the CEC single-diode model per module
   (maximum power point by Newton on Bishop's form), scaled to the array's strings.
10. **Losses** on DC as PVWatts applies them (snow, mismatch, wiring, connections, LID,
    nameplate rating, availability, or one ``system_losses``), then degradation
    ``(1 - d)^years`` since commissioning at 1 July of the simulated year.
11. **Inverter**: PVWatts v8's (SAM's Sandia curve with PVWatts' ratings), PVWatts v5's (Dobos),
    or the Sandia model of a CEC inverter, ``inverters`` units in parallel; clipped at the AC
    rating; then the AC losses (AC wiring, transformer).

The hot loops are numba kernels (:mod:`.kernels`, with a numpy fallback computing the same
numbers); a park whose arrays all run PVWatts v8 goes from the light to the AC in one fused pass
per group of arrays (:func:`_pvwatts8_chain`). Results keep the lit intervals only
(:class:`ParkResult`), the full frames are built on first use. docs/validation.md gives each fast
path's error budget.

Missing weather is never zero: an interval with any of ``ghi``, ``dni``, ``dhi``,
``temp_air``, ``wind_speed`` missing is NaN in every output and counted in
``ParkResult.missing_intervals``; sums (energy, losses) cover the other intervals.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import time as _time
from dataclasses import dataclass, field
from typing import Callable, Iterator, Mapping, NamedTuple, Optional

import numpy as np
import pandas as pd
import pvlib
from pvlib import atmosphere, iam, irradiance, shading

from solarfleet.models.fleet import Array, Fleet, Losses, Park, Roof
from solarfleet.models.simulation import kernels, physics, thermal
from solarfleet.models.simulation.sun import (geocentric_elevation, geometric_horizon, solar_position_arrays,
                                              topocentric_elevation)
from solarfleet.models.store import save_run

__all__ = [
    "TRANSPOSITIONS", "AOI_MODELS", "TEMPERATURE_MODELS", "DC_MODEL_CHOICES", "SAPM_PRESETS", "PVSYST_PRESETS",
    "LOSS_ITEMS", "WEATHER_COLUMNS", "SimulationError", "WeatherError", "SimulationCancelled",
    "SimulationOptions", "ArraySpec", "ParkResult", "array_key", "array_specs", "check_weather",
    "simulate_park", "simulate_fleet", "horizon_diffuse_loss", "fleet_hash", "software_versions", "run_metadata",
    "simulate_and_store",
]

TRANSPOSITIONS = ("perez", "haydavies", "isotropic")
#: Incidence-angle models. ``'desoto'`` / ``'desoto_ar'``: SAM's glass cover (De Soto 2006), without
#: / with an anti-reflective coating; the pvlib models act on the beam, and on diffuse light
#: through :func:`pvlib.iam.marion_diffuse` when ``diffuse_iam``. ``'auto'`` follows the DC model's
#: family: ``desoto_ar`` for PVWatts arrays (PVWatts v8's modules) and for single-diode ones too (SAM's
#: detailed model puts its CEC modules behind AR-coated glass: measured against PySAM Pvsamv1, docs/validation.md).
AOI_MODELS = ("auto", "desoto", "desoto_ar", "physical", "ashrae", "martin_ruiz", "no_loss")
TEMPERATURE_MODELS = thermal.TEMPERATURE_MODELS
#: Spectral models: De Soto's air-mass modifier (SAM's CEC model and PVWatts v8), or none.
SPECTRAL_MODELS = ("auto", "desoto_airmass", "no_loss")
#: Where the sun is placed in an interval: the middle of its sunlit part (SAM's SSC, the default),
#: or its middle (pvlib's ModelChain on mid-interval stamps).
SUN_POSITIONS = ("sunlit_midpoint", "midpoint")
#: Where soiling and shading act: on the light (PVWatts v8, SAM) or on DC power (PVWatts v5).
SOILING_STAGES = ("irradiance", "dc")
#: PVWatts as version 8 computes it (a representative single-diode module scaled to the DC
#: nameplate, SAM's Sandia inverter curve with PVWatts' ratings) or version 5 (the linear
#: ``pdc0 · E/1000 · (1 + γ (T − 25))`` and Dobos' inverter curve, as pvlib's ``pvwatts_*``).
PVWATTS_VERSIONS = ("v8", "v5")
#: PVWatts v8's "standard" module: CEC single-diode parameters of a Canadian Solar CS1H-320MS
#: as SSC's cmod_pvwattsv8 states them (SAM 2020.2.29 fit; BSD-3-Clause data). Its ``gamma_r``
#: is implied by the parameters (about −0.37 %/°C); the array's ``gamma_pdc`` applies under v5.
PVWATTS8_MODULE = {"alpha_sc": 0.004755, "a_ref": 1.65916, "I_L_ref": 9.51393, "I_o_ref": 4.37813e-11,
                   "R_sh_ref": 654.059, "R_s": 0.269953, "Adjust": 5.79586, "EgRef": 1.12, "dEgdT": -0.0002677,
                   "V_mp_ref": 35.8, "I_mp_ref": 9.01, "A_c": 1.6864}
_PVWATTS8_KEY = "pvwatts_v8_standard"
#: PVWatts v8's inverter self-consumption, a share of its AC rating (SSC: "utility" class) [-].
PVWATTS8_PSO = 0.004931
DC_MODEL_CHOICES = (None, "pvwatts", "cec")
#: The choices pvlib's ModelChain makes (beam-only IAM, no spectral loss, sun at mid-interval,
#: soiling on DC, SAPM temperature): ``SimulationOptions(**MODELCHAIN_CHOICES)`` reproduces it.
MODELCHAIN_CHOICES = {"temperature_model": "sapm", "aoi_model": "physical", "diffuse_iam": False,
                      "spectral_model": "no_loss", "sun_position": "midpoint", "soiling_on": "dc",
                      "pvwatts_version": "v5"}
#: The choices NREL's PVWatts v5 makes (Fuentes temperature on the plane-of-array light with
#: installed NOCT 45/49 °C, physical cover on beam only, no spectral loss, losses on DC, linear DC
#: and Dobos' inverter); with ``gamma_pdc = -0.0047`` (v5's standard module) it reproduces
#: PySAM ``Pvwattsv5`` (docs/validation.md).
PVWATTS5_CHOICES = {"temperature_model": "fuentes", "aoi_model": "physical", "diffuse_iam": False,
                    "spectral_model": "no_loss", "sun_position": "sunlit_midpoint", "soiling_on": "dc",
                    "pvwatts_version": "v5"}
#: Weather columns every interval needs; a NaN in any of them makes the interval missing.
WEATHER_COLUMNS = ("ghi", "dni", "dhi", "temp_air", "wind_speed")

#: SAPM cell-temperature preset for ``(racking, module_type)``. pvlib's table (King et al. 2004)
#: has no close-mount glass/polymer nor insulated-back glass/glass entry: a close-mounted module
#: takes the close-roof-mount row, an insulated-back one the insulated-back row, as SAM does.
SAPM_PRESETS = dict(thermal._SAPM)
#: PVsyst (Faiman-type) preset for a racking.
PVSYST_PRESETS = {"open_rack": "freestanding", "close_mount": "semi_integrated", "insulated_back": "insulated"}

#: Rows of the loss waterfall, in order, after the reference ``poa_nominal`` and before ``ac``.
#: The DC-side scalar losses, in waterfall order (``shading`` is on the light unless ``soiling_on='dc'``).
DC_SCALARS = Losses.SCALARS + ("system_losses",)
LOSS_ITEMS = ("horizon_shading", "row_shading", "soiling", "shading", "aoi", "spectral", "temperature_irradiance") + \
    tuple(n for n in DC_SCALARS if n != "shading") + ("degradation", "inverter", "clipping") + Losses.AC_SCALARS

_ETA_INV_REF = 0.9637  # PVWatts reference inverter efficiency [-]
_SINGLE_DIODE_KEYS = ("alpha_sc", "a_ref", "I_L_ref", "I_o_ref", "R_sh_ref", "R_s", "Adjust")


class SimulationError(ValueError):
    """The simulation cannot run on these inputs; the message says which and why."""


class WeatherError(SimulationError):
    """The weather set is unusable (columns, index, interval); names the column or field."""


class SimulationCancelled(Exception):
    """The caller asked to stop; nothing of the unfinished park is returned."""


@dataclass(frozen=True)
class SimulationOptions:
    """Model choices of one run.

    Parameters
    ----------
    transposition : {'perez', 'haydavies', 'isotropic'}
        Sky-diffuse transposition model.
    aoi_model : {'auto', 'desoto', 'desoto_ar', 'physical', 'ashrae', 'martin_ruiz', 'no_loss'}
        Angle-of-incidence (cover) model, see :data:`AOI_MODELS`.
    diffuse_iam : bool
        Apply the incidence-angle loss to sky-diffuse and ground-reflected light too.
    spectral_model : {'auto', 'desoto_airmass', 'no_loss'}
        Spectral modifier; ``'auto'`` applies De Soto's air-mass modifier to every array, as
        PVWatts v8 and SAM's CEC model do.
    temperature_model : {'auto', 'pvwatts', 'noct_sam', 'faiman', 'pvsyst', 'sapm'}
        Cell-temperature model for every array; ``'auto'`` takes each array's own, else its DC
        model family's (PVWatts → ``pvwatts``, single diode → ``noct_sam``). Parameters come
        from the array's mounting (:mod:`solarfleet.models.simulation.thermal`).
    sun_position : {'sunlit_midpoint', 'midpoint'}
        Where the sun is placed in each interval.
    soiling_on : {'irradiance', 'dc'}
        Where soiling and shading losses act.
    pvwatts_version : {'v8', 'v5'}
        How PVWatts arrays turn light into DC and AC (:data:`PVWATTS_VERSIONS`).
    dc_model : {None, 'pvwatts', 'cec'}
        ``None`` uses each array's own model. ``'pvwatts'`` runs CEC arrays on PVWatts with
        their STC nameplate and the module's ``gamma_r`` (a CEC inverter then becomes a PVWatts
        inverter of the same ratings). ``'cec'`` runs every array that names a CEC module on
        the single-diode model; arrays without a module stay on PVWatts.
    row_shading : bool
        Model row-to-row shading for arrays with a ground coverage ratio.
    year : int, optional
        Calendar year whose degradation applies; default the weather's ``metadata['year']``,
        else the year of the weather's middle interval.
    chunk_size : int
        Arrays computed together in one matrix (bounds memory; cancel is checked between chunks).
    """

    transposition: str = "perez"
    aoi_model: str = "auto"
    temperature_model: str = "auto"
    dc_model: Optional[str] = None
    diffuse_iam: bool = True
    spectral_model: str = "auto"
    sun_position: str = "sunlit_midpoint"
    soiling_on: str = "irradiance"
    pvwatts_version: str = "v8"
    row_shading: bool = True
    year: Optional[int] = None
    chunk_size: int = 512

    def __post_init__(self):
        for name, choices in (("transposition", TRANSPOSITIONS), ("aoi_model", AOI_MODELS),
                              ("temperature_model", TEMPERATURE_MODELS), ("dc_model", DC_MODEL_CHOICES),
                              ("spectral_model", SPECTRAL_MODELS), ("sun_position", SUN_POSITIONS),
                              ("soiling_on", SOILING_STAGES), ("pvwatts_version", PVWATTS_VERSIONS)):
            if getattr(self, name) not in choices:
                shown = ", ".join("None" if c is None else c for c in choices)
                raise SimulationError(f"{name}: must be one of {shown} (got {getattr(self, name)!r})")
        for name in ("row_shading", "diffuse_iam"):
            if not isinstance(getattr(self, name), bool):
                raise SimulationError(f"{name}: must be True or False (got {getattr(self, name)!r})")
        if self.year is not None and (isinstance(self.year, bool) or not isinstance(self.year, int)
                                      or not 1950 <= self.year <= 2150):
            raise SimulationError(f"year: must be a whole year between 1950 and 2150 (got {self.year!r})")
        if isinstance(self.chunk_size, bool) or not isinstance(self.chunk_size, int) or self.chunk_size < 1:
            raise SimulationError(f"chunk_size: must be a whole number of at least 1 (got {self.chunk_size!r})")

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def array_key(roof: Roof, array: Array) -> str:
    """Column key of an array in results: ``"roof/array"``."""
    return f"{roof.name}/{array.name}"


# --- per-array parameters ------------------------------------------------------------------------

class ArraySpec(NamedTuple):
    """Everything the engine needs about one array, with the run's model choices resolved.

    A named tuple (immutable, as a frozen dataclass, but built without a ``__setattr__`` call per
    field: 1 µs per array instead of 4).

    Parameters
    ----------
    key : str
        ``"roof/array"``.
    roof, array : str
        Names.
    surface_tilt, surface_azimuth : float
        Orientation [°].
    albedo : float
        Ground (roof) reflectance [-].
    gcr : float or None
        Ground coverage ratio used for row shading [-] (``None``: no row shading).
    dc_model : {'pvwatts', 'cec'}
        DC model used in this run.
    dc_capacity : float
        DC nameplate at STC [W].
    gamma_pdc : float
        PVWatts temperature coefficient [1/°C].
    module : str or None
        CEC module key (single-diode arrays).
    modules_per_string, modules : int
        Modules in series per string, and in total (single-diode arrays; 0 otherwise).
    inverter_model : {'pvwatts', 'cec'}
        Inverter model used in this run.
    ac_capacity : float
        AC rating of the array's inverters [W].
    pdc0_inverter, eta_inv_nom : float
        PVWatts inverter DC input rating [W] and nominal efficiency [-].
    sandia : dict or None
        Sandia parameters of the array's inverters in parallel (powers × count, ``C0`` / count).
    temperature_parameters : tuple
        The cell-temperature model and its parameters
        (:func:`~solarfleet.models.simulation.thermal.thermal_parameters`).
    temperature_preset : str
        The model and parameters in words (e.g. ``'pvwatts INOCT 49 °C'``).
    aoi_model : str
        Incidence-angle model used for this array.
    spectral : bool
        Whether the air-mass spectral modifier applies.
    pvwatts_v8 : bool
        A PVWatts array computed as PVWatts v8 (representative single-diode module).
    light_soiling : tuple of 12 float
        Monthly soiling on the light [-] (fractions; zeros when on DC).
    light_shading : float
        Shading loss on the light [-].
    soiling : tuple of 12 float
        Monthly soiling on DC [-] (fractions; zeros when on the light).
    other_keep : tuple of float
        ``1 - loss`` for each of :data:`DC_SCALARS` on DC.
    ac_keep : tuple of float
        ``1 - loss`` for each of :attr:`Losses.AC_SCALARS`.
    degradation_factor : float
        ``(1 - d)^years`` [-].
    years : float
        Years since commissioning [yr].
    """

    key: str
    roof: str
    array: str
    surface_tilt: float
    surface_azimuth: float
    albedo: float
    gcr: Optional[float]
    dc_model: str
    dc_capacity: float
    gamma_pdc: float
    module: Optional[str]
    modules_per_string: int
    modules: int
    inverter_model: str
    ac_capacity: float
    pdc0_inverter: float
    eta_inv_nom: float
    sandia: Optional[dict]
    temperature_parameters: tuple
    temperature_preset: str
    aoi_model: str
    spectral: bool
    pvwatts_v8: bool
    light_soiling: tuple
    light_shading: float
    soiling: tuple
    other_keep: tuple
    ac_keep: tuple
    degradation_factor: float
    years: float


def _years_since(commissioned: Optional[_dt.date], year: int) -> float:
    if commissioned is None:
        return 0.0
    return max(0.0, (_dt.date(year, 7, 1) - commissioned).days / 365.25)


def array_specs(park: Park, options: SimulationOptions, year: int) -> list[ArraySpec]:
    """Resolve every array of ``park`` under ``options`` for simulated calendar ``year``."""
    from solarfleet.models.simulation import catalog
    specs = []
    for roof, a in park.iter_arrays():
        dc_model = a.dc_model
        if options.dc_model == "pvwatts":
            dc_model = "pvwatts"
        elif options.dc_model == "cec" and a.module is not None:
            dc_model = "cec"
        module = a.module if dc_model == "cec" else None
        if a.dc_model == "cec":
            dc_capacity = catalog.module_stc(a.module) * a.modules
            mps, modules = a.modules_per_string, a.modules
        else:
            dc_capacity = float(a.pdc0)
            mps = modules = 0
        gamma = a.gamma_pdc
        if a.dc_model == "cec" and dc_model == "pvwatts":
            gamma = float(catalog.module_parameters(a.module)["gamma_r"]) / 100.0

        sandia = None
        if a.inverter_model == "cec":
            p = catalog.inverter_parameters(a.inverter)
            n = a.inverters
            ac_capacity = p["Paco"] * n
            if dc_model == "cec":
                inverter_model = "cec"
                sandia = {"Paco": p["Paco"] * n, "Pdco": p["Pdco"] * n, "Pso": p["Pso"] * n,
                          "Pnt": p["Pnt"] * n, "Vdco": p["Vdco"], "C0": p["C0"] / n,
                          "C1": p["C1"], "C2": p["C2"], "C3": p["C3"]}
                pdc0_inv, eta = p["Pdco"] * n, p["Paco"] / p["Pdco"]
            else:  # no voltage from PVWatts DC: same ratings on the PVWatts inverter curve
                inverter_model = "pvwatts"
                pdc0_inv, eta = p["Pdco"] * n, p["Paco"] / p["Pdco"]
        else:
            inverter_model = "pvwatts"
            ac_capacity = dc_capacity / a.dc_ac_ratio
            eta = a.eta_inv_nom
            pdc0_inv = ac_capacity / eta
        v8 = dc_model == "pvwatts" and options.pvwatts_version == "v8"
        if v8 and inverter_model == "pvwatts":  # SAM's Sandia curve with PVWatts' ratings, no voltage terms
            inverter_model = "pvwatts_v8"
            sandia = {"Paco": ac_capacity, "Pdco": pdc0_inv, "Pso": PVWATTS8_PSO * ac_capacity, "Pnt": 0.0,
                      "Vdco": 0.0, "C0": 0.0, "C1": 0.0, "C2": 0.0, "C3": 0.0}

        tmodel = options.temperature_model
        if tmodel == "auto":
            tmodel = a.temperature_model or thermal.FAMILY_DEFAULT[dc_model]
        tparams, preset = thermal.thermal_parameters(
            tmodel, a.racking, a.module_type, roof.height,
            catalog.module_parameters(a.module) if a.dc_model == "cec" else None)
        aoi_model = options.aoi_model
        if aoi_model == "auto":
            aoi_model = "desoto_ar"  # PVWatts v8 and SAM's detailed (CEC) model alike
        years = _years_since(a.commissioned, year)
        losses = a.losses
        soil, shade, keep = _loss_stages(losses, options.soiling_on)
        specs.append(ArraySpec(
            key=array_key(roof, a), roof=roof.name, array=a.name,
            surface_tilt=float(a.tilt_on(roof)), surface_azimuth=float(a.azimuth_on(roof)),
            albedo=float(a.albedo), gcr=a.gcr if options.row_shading else None,
            dc_model=dc_model, dc_capacity=float(dc_capacity), gamma_pdc=float(gamma), module=module,
            modules_per_string=int(mps), modules=int(modules),
            inverter_model=inverter_model, ac_capacity=float(ac_capacity),
            pdc0_inverter=float(pdc0_inv), eta_inv_nom=float(eta), sandia=sandia,
            temperature_parameters=tparams, temperature_preset=preset, aoi_model=aoi_model,
            spectral=options.spectral_model != "no_loss", pvwatts_v8=v8,
            light_soiling=soil if options.soiling_on == "irradiance" else (0.0,) * 12,
            light_shading=shade, soiling=soil if options.soiling_on == "dc" else (0.0,) * 12, other_keep=keep,
            ac_keep=tuple(1.0 - getattr(losses, n) / 100.0 for n in Losses.AC_SCALARS),
            degradation_factor=(1.0 - a.degradation / 100.0) ** years, years=years))
    return specs


def _loss_stages(losses: Losses, soiling_on: str) -> tuple[tuple, float, tuple]:
    """``(monthly soiling, shading on the light, DC keep factors)`` of an array's losses.

    Soiling fractions are returned for whichever stage ``soiling_on`` names; shading is on the
    light (0 in the DC factors) unless ``soiling_on == 'dc'``. A single ``system_losses`` figure
    replaces every itemised DC loss.
    """
    if not losses.itemised:
        system = 1.0 - losses.system_losses / 100.0
        return _NO_SOILING, 0.0, tuple(system if n == "system_losses" else 1.0 for n in DC_SCALARS)
    on_dc = _DC_STAGE[soiling_on == "irradiance"]
    keep = tuple(1.0 - getattr(losses, n) / 100.0 if dc else 1.0 for n, dc in on_dc)
    shade = 0.0 if soiling_on != "irradiance" else losses.shading / 100.0
    return tuple([x / 100.0 for x in losses.soiling]), shade, keep


_NO_SOILING = (0.0,) * 12
#: Per soiling stage (False: DC, True: the light), each of :data:`DC_SCALARS` with whether it acts on DC.
_DC_STAGE = {on_light: tuple((n, n != "system_losses" and not (on_light and n in Losses.IRRADIANCE_SCALARS))
                             for n in DC_SCALARS) for on_light in (False, True)}


# --- weather -------------------------------------------------------------------------------------

def check_weather(weather, metadata: Optional[Mapping] = None) -> int:
    """Validate a weather set; return its interval length [min].

    Raises
    ------
    WeatherError
        Naming the missing column, the bad index or the inconsistent interval.
    """
    metadata = dict(metadata or {})
    if not isinstance(weather, pd.DataFrame):
        raise WeatherError(f"weather: must be a pandas DataFrame (got {type(weather).__name__})")
    missing = [c for c in WEATHER_COLUMNS if c not in weather.columns]
    if missing:
        raise WeatherError(f"weather: missing column(s) {', '.join(missing)} "
                           f"(needs {', '.join(WEATHER_COLUMNS)})")
    idx = weather.index
    if not isinstance(idx, pd.DatetimeIndex) or idx.tz is None:
        raise WeatherError("weather index: must be a tz-aware DatetimeIndex of interval starts")
    if len(idx) < 2:
        raise WeatherError(f"weather index: needs at least 2 intervals (got {len(idx)})")
    if not idx.is_monotonic_increasing or idx.has_duplicates:
        raise WeatherError("weather index: must be strictly increasing (sorted, no duplicates)")
    label = metadata.get("label", "start")
    if label != "start":
        raise WeatherError(f"metadata label: must be 'start' (interval-start index), got {label!r}")
    ns = np.diff(idx.as_unit("ns").asi8)   # the steps [ns], without building Timedeltas
    if (ns != ns[0]).any():
        steps = idx[1:] - idx[:-1]
        shown = sorted({f"{td / pd.Timedelta(minutes=1):g} min" for td in steps.unique()[:5]})
        first_bad = idx[1:][ns != ns[0]][0]
        raise WeatherError(f"weather index: intervals must be regular (found steps of {', '.join(shown)}; "
                           f"first irregular step ends at {first_bad.isoformat()})")
    step_min = pd.Timedelta(idx[1] - idx[0]).total_seconds() / 60.0
    minutes = metadata.get("interval_minutes", step_min)
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or abs(minutes - step_min) > 1e-9:
        raise WeatherError(f"metadata interval_minutes: {minutes!r} does not match the index step "
                           f"of {step_min:g} min")
    if step_min <= 0 or step_min > 180:
        raise WeatherError(f"weather index: interval of {step_min:g} min is outside 1–180 min")
    for c in WEATHER_COLUMNS + tuple(c for c in ("albedo", "pressure") if c in weather.columns):
        if not pd.api.types.is_numeric_dtype(weather[c]):
            raise WeatherError(f"weather column {c}: must be numeric")
    return int(round(step_min)) if float(step_min).is_integer() else step_min


def horizon_diffuse_loss(horizon: Mapping[float, float] | pd.Series) -> float:
    """Share of an isotropic sky hidden from a horizontal plane by a horizon profile [-].

    The mean of sin²(elevation) over azimuth (profile interpolated at 1° steps).
    """
    az, el = _horizon_arrays(horizon)
    grid = np.arange(0.0, 360.0, 1.0)
    h = np.interp(grid, az, el, period=360.0)
    return float(np.mean(np.sin(np.radians(np.clip(h, 0.0, 90.0))) ** 2))


def _horizon_arrays(horizon) -> tuple[np.ndarray, np.ndarray]:
    s = pd.Series(horizon, dtype=float) if not isinstance(horizon, pd.Series) else horizon.astype(float)
    if s.empty or s.isna().any():
        raise SimulationError("horizon: needs at least one azimuth → elevation pair, without gaps")
    az = s.index.to_numpy(dtype=float)
    el = s.to_numpy(dtype=float)
    if ((az < 0) | (az > 360)).any() or ((el < -10) | (el > 90)).any():
        raise SimulationError("horizon: azimuths must lie in 0–360° and elevations in −10–90°")
    order = np.argsort(az)
    return az[order], el[order]


# --- result ----------------------------------------------------------------------------------------

@dataclass
class ParkResult:
    """One park's simulation.

    Attributes
    ----------
    park : str
        Park name.
    ac_lit, dc_lit : numpy.ndarray
        AC and DC (after losses and degradation) power [W] at the intervals with light only,
        (array × ``lit``); :attr:`ac` and :attr:`dc` are the full frames, built on first use.
    ac_dark : numpy.ndarray
        Each array's AC at the intervals without light [W] (0, or its inverter's night tare), (array,).
    lit : numpy.ndarray
        Positions of the intervals with light (and weather) on the time axis, increasing.
    valid : numpy.ndarray
        Intervals with complete weather, (time,) bool.
    index : pandas.DatetimeIndex
        The time axis: UTC interval starts, named ``time``.
    poa_lit : numpy.ndarray
        Plane-of-array irradiance after far and row shading [W/m²] at the lit intervals, (orientation ×
        ``lit``); :attr:`poa_global` is the full frame.
    poa_columns : list of str
        The orientations' labels (``"tilt/azimuth"``, with albedo and gcr when set).
    orientation : dict
        Array key → column of :attr:`poa_global`.
    interval_minutes : int
        Interval length [min].
    losses : pandas.DataFrame
        Loss waterfall per array [Wh]: ``poa_nominal`` (POA insolation × DC nameplate / 1000 W/m²),
        each of :data:`LOSS_ITEMS` (positive is a loss), and ``ac``; rows are array keys.
    arrays : pandas.DataFrame
        Per array: ``roof``, ``array``, ``dc_model``, ``inverter_model``, ``dc_capacity`` [W],
        ``ac_capacity`` [W], ``surface_tilt``, ``surface_azimuth`` [°], ``years`` [yr],
        ``poa_insolation`` [Wh/m²] (before shading), ``energy`` [Wh].
    weather : dict
        Metadata of the weather set used.
    options : SimulationOptions
    seconds : float
        Compute time [s].
    tz : str
        The park's time zone (local calendar for soiling months and energy aggregates).
    poa_monthly : pandas.DataFrame, optional
        POA insolation before shading per array (rows) and local calendar month (columns
        ``'YYYY-MM-01'``) [Wh/m²]: the reference of the monthly performance ratio.
    """

    park: str
    ac_lit: np.ndarray
    ac_dark: np.ndarray
    dc_lit: np.ndarray
    lit: np.ndarray
    valid: np.ndarray
    index: pd.DatetimeIndex
    poa_lit: np.ndarray
    poa_columns: list
    orientation: dict
    interval_minutes: float
    losses: pd.DataFrame
    arrays: pd.DataFrame
    weather: dict = field(default_factory=dict)
    options: SimulationOptions = field(default_factory=SimulationOptions)
    seconds: float = 0.0
    tz: str = "UTC"
    poa_monthly: Optional[pd.DataFrame] = None

    @functools.cached_property
    def ac(self) -> pd.DataFrame:
        """AC power per array [W], interval-mean, UTC interval-start index, columns ``"roof/array"``;
        NaN where the weather is missing. Built from :attr:`ac_lit` and :attr:`ac_dark` on first
        use: a fleet's results are mostly read as energies, or stored (from the compact form)."""
        return self._frame(self.ac_lit, self.ac_dark)

    @functools.cached_property
    def dc(self) -> pd.DataFrame:
        """DC power after losses and degradation [W], the shape of :attr:`ac`: 0 W where there is no
        light, NaN where the weather is missing. Built from :attr:`dc_lit` on first use."""
        return self._frame(self.dc_lit, np.zeros(self.dc_lit.shape[0]))

    @functools.cached_property
    def poa_global(self) -> pd.DataFrame:
        """Plane-of-array irradiance after far and row shading [W/m²], one column per orientation
        (:attr:`orientation` names each array's): 0 without light, NaN where the weather is missing."""
        return self._frame(self.poa_lit, np.zeros(self.poa_lit.shape[0]), self.poa_columns)

    def _frame(self, lit_values: np.ndarray, dark: np.ndarray, columns: Optional[list] = None) -> pd.DataFrame:
        """(time × column) frame: ``dark`` everywhere, ``lit_values`` (column × lit) at :attr:`lit`,
        NaN where not valid; columns the arrays' keys unless given."""
        out = np.empty((lit_values.shape[0], len(self.index)))
        out[:] = dark[:, None]
        out[:, self.lit] = lit_values
        out[:, ~self.valid] = np.nan
        return pd.DataFrame(out.T, index=self.index, columns=list(self.arrays.index) if columns is None else columns,
                            copy=False)

    @property
    def kwp(self) -> pd.Series:
        """DC nameplate per array [kWp]."""
        return self.arrays["dc_capacity"] / 1000.0

    @property
    def dc_capacity(self) -> float:
        """DC nameplate of the park [W]."""
        return float(self.arrays["dc_capacity"].sum())

    @property
    def energy(self) -> float:
        """AC energy of the park over the intervals with weather [Wh]."""
        return float(self.arrays["energy"].sum())

    annual_energy = energy

    @property
    def valid_hours(self) -> float:
        """Hours with complete weather [h]."""
        return (len(self.index) - self.missing_intervals) * self.interval_minutes / 60.0

    @property
    def missing_intervals(self) -> int:
        """Intervals without complete weather (from :attr:`valid`)."""
        return int(len(self.valid) - np.count_nonzero(self.valid))

    @property
    def missing_hours(self) -> float:
        return self.missing_intervals * self.interval_minutes / 60.0

    @property
    def specific_yield(self) -> float:
        """AC energy per DC nameplate [kWh/kWp]."""
        return _ratio(self.energy, self.dc_capacity)

    @property
    def performance_ratio(self) -> float:
        """AC energy over POA insolation × nameplate / 1000 W/m² (IEC 61724 PR, POA before shading) [-]."""
        reference = float((self.arrays["poa_insolation"] * self.arrays["dc_capacity"]).sum()) / 1000.0
        return _ratio(self.energy, reference)

    @property
    def capacity_factor(self) -> float:
        """AC energy over DC nameplate × hours with weather [-]."""
        return _ratio(self.energy, self.dc_capacity * self.valid_hours)

    def array_summary(self) -> pd.DataFrame:
        """Per array: ``kwp``, ``energy`` [Wh], ``specific_yield`` [kWh/kWp], ``performance_ratio``,
        ``capacity_factor`` [-]."""
        a = self.arrays
        out = pd.DataFrame(index=a.index)
        out["roof"] = a["roof"]
        out["kwp"] = a["dc_capacity"] / 1000.0
        out["energy"] = a["energy"]
        out["specific_yield"] = a["energy"] / a["dc_capacity"]
        out["performance_ratio"] = a["energy"] / (a["poa_insolation"] * a["dc_capacity"] / 1000.0)
        out["capacity_factor"] = a["energy"] / (a["dc_capacity"] * self.valid_hours)
        return out


def _ratio(a: float, b: float) -> float:
    return float(a / b) if b > 0 else float("nan")


# --- the engine ------------------------------------------------------------------------------------

def _groups(keys: list) -> tuple[list, np.ndarray]:
    """Distinct keys in first-seen order and the index of each item's key."""
    seen: dict = {}
    idx = np.empty(len(keys), dtype=np.intp)
    for i, k in enumerate(keys):
        idx[i] = seen.setdefault(k, len(seen))
    return list(seen), idx


def _resolve_year(weather: pd.DataFrame, metadata: Mapping, options: SimulationOptions) -> int:
    if options.year is not None:
        return options.year
    y = metadata.get("year")
    if isinstance(y, int) and not isinstance(y, bool) and 1950 <= y <= 2150:
        return y
    return int(weather.index[len(weather.index) // 2].year)


def simulate_park(park: Park, weather: pd.DataFrame, metadata: Optional[Mapping] = None,
                  options: Optional[SimulationOptions] = None, *, horizon=None,
                  cancel: Optional[Callable[[], bool]] = None,
                  workspace: Optional[kernels.Workspace] = None) -> ParkResult:
    """Simulate every array of ``park`` on ``weather``.

    Parameters
    ----------
    park : Park
    weather : pandas.DataFrame
        Tz-aware interval-start index; ``ghi``, ``dni``, ``dhi`` [W/m²], ``temp_air`` [°C],
        ``wind_speed`` [m/s]; optional ``albedo`` [-] (replaces the arrays'), ``pressure`` [Pa].
    metadata : dict, optional
        The weather's metadata (``interval_minutes``, ``label``, ``source``, ``kind``, ``year`` …).
    options : SimulationOptions, optional
    horizon : mapping or pandas.Series, optional
        Far horizon, azimuth [°] → elevation [°].
    cancel : callable, optional
        Returns True to stop; checked between array chunks (raises :class:`SimulationCancelled`).
    workspace : kernels.Workspace, optional
        Working memory for the intermediate matrices, reused across the parks of a fleet
        (:func:`simulate_fleet` holds one); by default fresh memory.

    Returns
    -------
    ParkResult
    """
    t_start = _time.perf_counter()
    options = options or SimulationOptions()
    metadata = dict(metadata or {})
    interval = check_weather(weather, metadata)
    year = _resolve_year(weather, metadata, options)
    specs = array_specs(park, options, year)
    if not specs:
        raise SimulationError(f"{park.name}: the park has no arrays to simulate")
    times = weather.index.tz_convert("UTC")
    mid = times + pd.Timedelta(minutes=interval) / 2
    sun_at = mid
    edges = times.append(times[-1:] + pd.Timedelta(minutes=interval))
    if options.sun_position == "sunlit_midpoint":   # on the smooth geometric elevation, see sunlit_times
        def screen(e):  # geocentric estimate, then SPA only near the horizon
            return geocentric_elevation(e, park.latitude, park.longitude), lambda pos: topocentric_elevation(
                e, park.latitude, park.longitude, park.altitude, subset=pos)
        sun_at = physics.sunlit_times(times, interval, lambda t: topocentric_elevation(
            t, park.latitude, park.longitude, park.altitude, near=None if len(t) == len(edges) else edges),
            screen=screen, rise_at=geometric_horizon(park.altitude))

    valid, cond = _conditions(weather, park, mid, interval, sun_at, edges)
    # only intervals with light need optics, temperature and DC: the rest give exactly 0 W DC
    li = np.flatnonzero(valid & ((cond.ghi > 0) | (cond.dni > 0) | (cond.dhi > 0)))
    lit = cond.take(li)
    local = mid.tz_convert(park.tz).tz_localize(None).to_numpy()   # wall-clock time, converted once
    month_code = (local.astype("datetime64[M]").astype(np.intp) + 1970 * 12)[li]   # year · 12 + month - 1
    month_lit = month_code % 12   # 0 = January
    optics = _optics(specs, lit, options, horizon)
    if _chain_applies(specs):
        light, ac, dc, waterfall = _pvwatts8_chain(specs, optics, lit, month_lit, options, park.altitude, li,
                                                   cond.weight, cancel, park.name, workspace)
    else:
        light = _light(specs, optics, lit, month_lit, options, park.altitude, workspace)
        temp_cell, t_light, t_idx = _cell_temperature(specs, light, lit, interval / 60.0, workspace)
        u_idx, unit_p, unit_v = _dc_per_unit(specs, t_idx, t_light, light.effective, temp_cell, workspace)
        ac, dc, waterfall = _array_outputs(specs, u_idx, unit_p, unit_v, li, month_lit, cond.weight,
                                           options.chunk_size, cancel, park.name)

    meta = dict(metadata)
    meta.setdefault("interval_minutes", interval)
    poa_monthly = _poa_monthly(specs, optics, lit, month_code)
    return _park_result(park, specs, times, valid, li, optics, light, ac, dc, waterfall, interval=interval,
                        weather=meta, options=options, t_start=t_start, poa_monthly=poa_monthly)


# --- the engine's steps ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Conditions:
    """Per-interval inputs of the physics: the weather (missing values filled) and the sun.

    ``weight`` is the interval length [h], 0 where the weather is missing, so that energy sums
    are weighted sums; ``albedo`` is the weather's (time × 1) or ``None`` for the arrays' own.
    """

    ghi: np.ndarray
    dni: np.ndarray
    dhi: np.ndarray
    temp_air: np.ndarray
    wind_speed: np.ndarray
    albedo: Optional[np.ndarray]
    zenith: np.ndarray
    azimuth: np.ndarray
    elevation: np.ndarray
    airmass: np.ndarray
    dni_extra: np.ndarray
    weight: np.ndarray

    def take(self, idx: np.ndarray) -> "_Conditions":
        """The conditions of the intervals ``idx`` only."""
        return _Conditions(**{f.name: None if getattr(self, f.name) is None else getattr(self, f.name)[idx]
                              for f in dataclasses.fields(self)})


def _conditions(weather: pd.DataFrame, park: Park, mid: pd.DatetimeIndex, interval: float,
                sun_at: Optional[pd.DatetimeIndex] = None,
                edges: Optional[pd.DatetimeIndex] = None) -> tuple[np.ndarray, _Conditions]:
    """``(valid, conditions)``: which intervals have complete weather, and the inputs of every interval
    (the sun, air mass and extra-terrestrial DNI only in those with weather and light: NaN elsewhere).

    The sun is computed at ``sun_at`` (one instant per interval: its middle ``mid``, or the middle
    of its sunlit part), with refraction from ``temp_air`` and ``pressure`` (else the park's
    altitude). The intervals where ``sun_at`` differs from ``mid`` (sunrise and sunset) are computed
    apart, so the full time axis stays the one every park shares (its location-independent SPA
    terms are cached).
    """
    cols = {c: weather[c].to_numpy(dtype=float) for c in WEATHER_COLUMNS}
    valid = np.ones(len(weather.index), dtype=bool)
    for c in WEATHER_COLUMNS:
        valid &= np.isfinite(cols[c])
    filled = {"ghi": 0.0, "dni": 0.0, "dhi": 0.0, "temp_air": 12.0, "wind_speed": 0.0}
    filled = {c: np.where(valid, cols[c], fill) for c, fill in filled.items()}
    pressure = None
    if "pressure" in weather.columns:
        pressure = weather["pressure"].to_numpy(dtype=float)
        pressure = np.where(np.isfinite(pressure), pressure, atmosphere.alt2pres(park.altitude))
    albedo = None
    if "albedo" in weather.columns:
        albedo = weather["albedo"].to_numpy(dtype=float)
        valid &= np.isfinite(albedo)
        albedo = np.where(np.isfinite(albedo), albedo, 0.2)[:, None]

    # the sun only where there is light to model (elsewhere NaN: no step uses it), at the middle of
    # the interval except where sunrise or sunset moves it (``moved``, computed apart)
    need = np.flatnonzero(valid & ((filled["ghi"] > 0) | (filled["dni"] > 0) | (filled["dhi"] > 0)))
    if sun_at is None:
        sun_at = mid
    moved = np.flatnonzero(sun_at.asi8 != mid.as_unit(sun_at.unit).asi8)
    moved = moved[np.isin(moved, need, assume_unique=True)]
    at_mid = np.setdiff1d(need, moved, assume_unique=True) if len(moved) else need
    sun = solar_position_arrays(mid, park.latitude, park.longitude, park.altitude,
                                pressure=None if pressure is None else pressure[at_mid],
                                temperature=filled["temp_air"][at_mid], subset=at_mid)
    cols = {}
    for c in ("apparent_zenith", "azimuth", "apparent_elevation"):
        cols[c] = np.full(len(mid), np.nan)
        cols[c][at_mid] = sun[c]
    if len(moved):
        p_moved = None if pressure is None else pressure[moved]
        part = solar_position_arrays(sun_at[moved], park.latitude, park.longitude, park.altitude, pressure=p_moved,
                                     temperature=filled["temp_air"][moved], near=edges)
        for c in cols:
            cols[c][moved] = part[c]
    zenith = cols["apparent_zenith"]
    airmass, dni_extra = np.full(len(mid), np.nan), np.full(len(mid), np.nan)
    airmass[need] = atmosphere.get_relative_airmass(zenith[need], model="kastenyoung1989")
    dni_extra[need] = _extra_radiation_by_day()[_utc_day_of_year(sun_at.asi8[need], sun_at.unit) - 1]
    return valid, _Conditions(
        **filled, albedo=albedo, zenith=zenith, azimuth=cols["azimuth"],
        elevation=cols["apparent_elevation"], airmass=airmass, dni_extra=dni_extra,
        weight=valid.astype(float) * (interval / 60.0))


def _utc_day_of_year(instants: np.ndarray, unit: str) -> np.ndarray:
    """Day of the UTC year (1–366) of ``instants``, integer counts of ``unit`` since 1970 (UTC)."""
    days = instants.view(f"datetime64[{unit}]").astype("datetime64[D]")
    return (days - days.astype("datetime64[Y]")).astype(np.intp) + 1


@functools.lru_cache(maxsize=1)
def _extra_radiation_by_day() -> np.ndarray:
    """pvlib's extraterrestrial irradiance (Spencer) of each UTC day of the year 1–366 [W/m²]: it
    depends on the day only, so a year of intervals looks it up."""
    return np.asarray(irradiance.get_extra_radiation(np.arange(1, 367)), dtype=float)


@dataclass(frozen=True)
class _Optics:
    """Irradiance per distinct orientation (columns) over the lit intervals (rows), and its energies.

    ``orients`` are the distinct ``(tilt, azimuth, albedo, gcr)``, ``o_idx`` each array's one.
    ``direct``, ``sky`` and ``ground`` are the beam, sky-diffuse and ground-reflected parts after
    far and row shading, ``poa_raw`` their sum before shading [W/m²]. The ``e_*`` [Wh/m²] are the
    insolation before shading (``raw``), after far shading (``far``) and after row shading (``row``);
    ``cos_aoi`` the cosine of the beam's angle of incidence. The matrices are column-contiguous.
    """

    orients: list
    o_idx: np.ndarray
    direct: np.ndarray
    sky: np.ndarray
    ground: np.ndarray
    poa_raw: np.ndarray
    e_raw: np.ndarray
    e_far: np.ndarray
    e_row: np.ndarray
    cos_aoi: np.ndarray


def _optics(specs: list[ArraySpec], lit: _Conditions, options: SimulationOptions, horizon) -> _Optics:
    """Plane of array, far shading and row shading, once per distinct orientation."""
    okeys = [(s.surface_tilt, s.surface_azimuth, None if lit.albedo is not None else s.albedo, s.gcr)
             for s in specs]
    orients, o_idx = _groups(okeys)
    tilt = np.array([o[0] for o in orients])
    surf_az = np.array([o[1] for o in orients])
    gcrs = np.array([np.nan if o[3] is None else o[3] for o in orients])
    n_o, n_t = len(orients), len(lit.zenith)
    z, a = np.radians(lit.zenith), np.radians(lit.azimuth)
    visible, sky_far = np.ones(n_t), 1.0
    if horizon is not None:
        az_h, el_h = _horizon_arrays(horizon)
        visible = (lit.elevation >= np.interp(lit.azimuth, az_h, el_h, period=360.0)).astype(float)
        sky_far = 1.0 - horizon_diffuse_loss(horizon)
    rows = np.isfinite(gcrs)
    sky_row = np.ones(n_o)
    if rows.any():
        sky_row[rows] = 1.0 - np.asarray(shading.sky_diffuse_passias(shading.masking_angle_passias(tilt[rows],
                                                                                                  gcrs[rows])))
    if lit.albedo is not None:
        alb_t, alb_o = lit.albedo[:, 0], np.ones(n_o)
    else:
        alb_t, alb_o = np.ones(n_t), np.array([o[2] for o in orients], dtype=float)
    f1, f2, dhi_sky = _sky_brightening(lit, options.transposition)
    b = np.maximum(np.cos(z), np.cos(np.radians(85.0)))
    direct, sky, ground, poa_raw, cos_aoi, e = kernels.plane_of_array(
        np.cos(z), np.sin(z) * np.sin(a), np.sin(z) * np.cos(a), lit.dni, lit.ghi, dhi_sky, f1, f2, b, alb_t,
        visible, tilt, surf_az, alb_o, 1.0 / gcrs, np.full(n_o, sky_far), sky_row, lit.weight)
    if options.transposition == "haydavies":  # pvlib's own, then the same shading
        direct, sky, ground, poa_raw, e = _optics_pvlib(lit, tilt, surf_az, alb_t[:, None] * alb_o, visible, sky_far,
                                                        gcrs, sky_row, options.transposition)
    return _Optics(orients=orients, o_idx=o_idx, direct=direct, sky=sky, ground=ground, poa_raw=poa_raw,
                   e_raw=e[0], e_far=e[1], e_row=e[2], cos_aoi=cos_aoi)


def _sky_brightening(lit: _Conditions, transposition: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Perez's ``F1``, ``F2`` (0 for an isotropic sky) and the diffuse that reaches the sky term [W/m²]:
    none where ``dhi`` is 0 (Perez divides by it: no diffuse is no sky diffuse, not NaN) or, for
    Perez, where the air mass is undefined (as :func:`pvlib.irradiance.perez`)."""
    n_t = len(lit.zenith)
    if transposition != "perez":
        return np.zeros(n_t), np.zeros(n_t), lit.dhi
    f1, f2 = physics.perez_brightening(lit.dhi, lit.dni, lit.dni_extra, lit.zenith, lit.airmass)
    none = ~np.isfinite(f1) | ~np.isfinite(f2) | np.isnan(lit.airmass) | (lit.dhi == 0.0)
    f1[none], f2[none] = 0.0, 0.0
    return f1, f2, np.where(none, 0.0, lit.dhi)


def _optics_pvlib(lit, tilt, surf_az, albedo, visible, sky_far, gcrs, sky_row, model) -> tuple:
    """Transposition by :func:`pvlib.irradiance.get_total_irradiance` (models without a kernel), then
    far shading and row shading as :func:`kernels.plane_of_array` applies them."""
    zc, azc = lit.zenith[:, None], lit.azimuth[:, None]
    poa = irradiance.get_total_irradiance(
        tilt[None, :], surf_az[None, :], zc, azc, lit.dni[:, None], lit.ghi[:, None], lit.dhi[:, None],
        dni_extra=lit.dni_extra[:, None], airmass=lit.airmass[:, None], albedo=albedo, model=model)
    direct = np.asarray(poa["poa_direct"], dtype=float)
    sky = np.array(poa["poa_sky_diffuse"], dtype=float)
    sky[lit.dhi == 0.0, :] = 0.0
    ground = np.array(np.broadcast_to(np.asarray(poa["poa_ground_diffuse"], dtype=float), direct.shape))
    w = lit.weight
    poa_raw = direct + sky + ground
    e_raw = w @ poa_raw
    direct, sky = direct * visible[:, None], sky * sky_far
    e_far = w @ (direct + sky + ground)
    rows = np.isfinite(gcrs)
    if rows.any():
        fs = shading.shaded_fraction1d(zc, azc, surf_az[None, rows] - 90.0, tilt[None, rows], collector_width=1.0,
                                       pitch=1.0 / gcrs[rows][None, :])
        direct[:, rows] *= 1.0 - np.clip(np.nan_to_num(np.asarray(fs, dtype=float)), 0.0, 1.0)
    sky = sky * sky_row
    return direct, sky, ground, poa_raw, np.stack([e_raw, e_far, w @ (direct + sky + ground)])


@dataclass(frozen=True)
class _Light:
    """The light each distinct array setting receives (columns) over the lit intervals (rows).

    A column is a distinct (orientation, soiling and shading on the light, incidence-angle model,
    spectral modifier); ``l_idx`` gives each array's. ``poa`` reaches the module (after shading
    and soiling) and drives the cell temperature; ``effective`` is converted to current (after
    the cover and the spectrum). ``poa`` and ``cover`` (through the cover) are ``None`` when no
    array's temperature model needs them (PVWatts v8's reads ``effective``); all three are
    ``None`` when the light went straight on to the arrays' power (:func:`_pvwatts8_chain`).
    The ``e_*`` [Wh/m²] are its insolation after soiling, after shading, after the cover and
    after the spectral modifier.
    """

    l_idx: np.ndarray
    poa: Optional[np.ndarray]
    cover: Optional[np.ndarray]
    effective: Optional[np.ndarray]
    e_soil: np.ndarray
    e_shade: np.ndarray
    e_cover: np.ndarray
    e_spec: np.ndarray


@dataclass(frozen=True)
class _LightSettings:
    """The distinct light settings of a park's arrays and what the light kernels read of them.

    A setting is a distinct ``(orientation, monthly soiling, shading, aoi model, spectral)``, ``l_idx``
    each array's; per setting its orientation ``orient``, ``soil_keep`` (12 × setting),
    ``shade_keep``, its cover column ``cover`` (of the beam modifier ``fb`` (time × cover) and the
    sky and ground modifiers ``fs``, ``fg``), ``coated`` and ``spectral``; ``f_am`` is the
    spectral modifier of each interval [-].
    """

    l_idx: np.ndarray
    orient: np.ndarray
    soil_keep: np.ndarray
    shade_keep: np.ndarray
    cover: np.ndarray
    fb: np.ndarray
    fs: np.ndarray
    fg: np.ndarray
    coated: np.ndarray
    spectral: np.ndarray
    f_am: np.ndarray


def _light_settings(specs: list[ArraySpec], optics: _Optics, lit: _Conditions, options: SimulationOptions,
                    altitude: float) -> _LightSettings:
    """The arrays' distinct light settings, their cover modifiers and the spectral modifier."""
    keys = [(optics.o_idx[i], s.light_soiling, s.light_shading, s.aoi_model, s.spectral) for i, s in enumerate(specs)]
    groups, l_idx = _groups(keys)
    covers, cover_idx = _groups([(g[0], g[3]) for g in groups])
    fb, fs, fg = _covers(covers, optics, lit, options.diffuse_iam)
    spectral = np.array([g[4] for g in groups], dtype=bool)
    f_am = physics.airmass_modifier(lit.zenith, altitude) if spectral.any() else np.ones(len(lit.zenith))
    return _LightSettings(
        l_idx=l_idx, orient=np.array([g[0] for g in groups], dtype=np.intp),
        soil_keep=np.ascontiguousarray(1.0 - np.array([g[1] for g in groups], dtype=float).reshape(len(groups), 12).T),
        shade_keep=np.array([1.0 - g[2] for g in groups], dtype=float), cover=np.asarray(cover_idx, dtype=np.intp),
        fb=fb, fs=np.asarray(fs, dtype=float), fg=np.asarray(fg, dtype=float),
        coated=np.array([g[3] == "desoto_ar" for g in groups], dtype=bool),  # desoto_ar: as PVWatts v8, a coated
        spectral=spectral, f_am=np.asarray(f_am, dtype=float))            # cover passes at most what reaches it


def _light(specs: list[ArraySpec], optics: _Optics, lit: _Conditions, month: np.ndarray, options: SimulationOptions,
           altitude: float, workspace: Optional[kernels.Workspace] = None) -> _Light:
    """Soiling and shading on the light, the cover (IAM) and the spectral modifier, per distinct setting."""
    ls = _light_settings(specs, optics, lit, options, altitude)
    poa, cover, effective, e = kernels.light_columns(
        optics.direct, optics.sky, optics.ground, ls.orient, ls.soil_keep, ls.shade_keep, month, ls.cover, ls.fb,
        ls.fs, ls.fg, ls.coated, ls.f_am, ls.spectral, lit.weight,
        keep_poa=any(s.temperature_parameters[0] != "pvwatts" for s in specs), workspace=workspace)
    return _Light(l_idx=ls.l_idx, poa=poa, cover=cover, effective=effective,
                  e_soil=e[0], e_shade=e[1], e_cover=e[2], e_spec=e[3])


#: Beam transmittance of the cover tabulated against cos(aoi) over 1–89° (the model's range):
#: grid points and the cos(aoi) of the first one and step.
_COVER_POINTS = 32769
_COVER_U0, _COVER_DU = np.cos(np.radians(89.0)), (np.cos(np.radians(1.0)) - np.cos(np.radians(89.0))) / (_COVER_POINTS - 1)


@functools.lru_cache(maxsize=2)
def _cover_table(ar_coating: bool) -> np.ndarray:
    """:func:`physics.cover_transmittance`'s beam modifier before its cap at 1, on a regular cos(aoi)
    grid; linear interpolation in it, then the cap, differs from the model by less than 1e-8 (tested)."""
    u = _COVER_U0 + _COVER_DU * np.arange(_COVER_POINTS)
    return physics.cover_transmittance(np.degrees(np.arccos(u)), 0.0, ar_coating=ar_coating, cap=False)[0]


def _covers(covers: list, optics: _Optics, lit: _Conditions, diffuse: bool) -> tuple:
    """Incidence-angle modifiers of each distinct ``(orientation, aoi_model)``: beam (time × cover),
    sky and ground (cover,)."""
    n_t, n_c = len(lit.zenith), len(covers)
    fb = np.ones((n_t, n_c), order="F")    # column-contiguous, as the light kernel reads them
    fs, fg = np.ones(n_c), np.ones(n_c)
    for model in dict.fromkeys(c[1] for c in covers):
        sel = np.array([j for j, c in enumerate(covers) if c[1] == model], dtype=np.intp)
        if model == "no_loss":
            continue
        tilts = [optics.orients[covers[j][0]][0] for j in sel]
        if model in ("desoto", "desoto_ar"):
            ar = model == "desoto_ar"
            beam = kernels.cover_beam(_cover_table(ar), _COVER_U0, _COVER_DU, optics.cos_aoi,
                                      [covers[j][0] for j in sel])
            if diffuse:   # sky and ground light pass the cover at every sun angle, as in SSC's DC path
                fs[sel], fg[sel] = physics.cover_transmittance(45.0, np.array(tilts), ar_coating=ar)[1:]
            if len(sel) == n_c:   # one model for every cover: no copy
                fb = beam
            else:
                fb[:, sel] = beam
            continue
        cos_aoi = optics.cos_aoi[:, [covers[j][0] for j in sel]]
        aoi = np.degrees(np.arccos(cos_aoi))
        fb[:, sel] = {"physical": iam.physical, "ashrae": iam.ashrae, "martin_ruiz": iam.martin_ruiz}[model](aoi)
        if diffuse:
            for k, t in zip(sel, tilts):
                d = iam.marion_diffuse(model, t)
                fs[k], fg[k] = float(d["sky"]), float(d["ground"])
    return fb, fs, fg


def _cell_temperature(specs: list[ArraySpec], light: _Light, lit: _Conditions, interval_hours: float,
                      workspace: Optional[kernels.Workspace] = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cell temperature [°C] per distinct (light setting, temperature model and parameters).

    Returns ``(temp_cell, light column of each group, group of each array)``.
    """
    tkeys = [(light.l_idx[i], s.temperature_parameters) for i, s in enumerate(specs)]
    tgroups, t_idx = _groups(tkeys)
    t_light = np.array([g[0] for g in tgroups], dtype=np.intp)
    temp_cell = thermal.cell_temperature([g[1] for g in tgroups], _columns(light.poa, t_light),
                                         _columns(light.cover, t_light), _columns(light.effective, t_light),
                                         lit.temp_air, lit.wind_speed, interval_hours, workspace=workspace)
    return temp_cell, t_light, t_idx


def _columns(m: Optional[np.ndarray], idx: np.ndarray) -> Optional[np.ndarray]:
    """``m[:, idx]``, without the copy when ``idx`` takes every column in order (``None`` stays ``None``)."""
    if m is None:
        return None
    if len(idx) == m.shape[1] and np.array_equal(idx, np.arange(len(idx))):
        return m
    return m[:, idx]


def _dc_per_unit(specs: list[ArraySpec], t_idx: np.ndarray, t_light: np.ndarray, effective: np.ndarray,
                 temp_cell: np.ndarray, workspace: Optional[kernels.Workspace] = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """DC of one unit (1 W of PVWatts nameplate, or one CEC module) per distinct (temperature group, model).

    Returns ``(unit of each array, power [W], voltage [V])``, power and voltage (lit time × unit);
    the voltage is ``None`` when no unit has one that an inverter model reads (PVWatts DC only).
    """
    ukeys = [(t_idx[i], "cec", _PVWATTS8_KEY) if s.pvwatts_v8 else
             (t_idx[i], "pvwatts", s.gamma_pdc) if s.dc_model == "pvwatts" else (t_idx[i], "cec", s.module)
             for i, s in enumerate(specs)]
    units, u_idx = _groups(ukeys)
    if all(u[2] == _PVWATTS8_KEY for u in units):   # every unit PVWatts v8's module: one table look-up, no copy
        tg = np.array([u[0] for u in units], dtype=np.intp)
        power = _pvwatts8_module_power(_columns(effective, t_light[tg]), _columns(temp_cell, tg), workspace)
        return u_idx, np.asfortranarray(power), None
    unit_p = np.zeros((len(effective), len(units)), order="F")   # a unit's series contiguous
    # voltage only where an inverter uses it (Sandia's voltage terms, CEC arrays): else None
    with_voltage = any(u[1] == "cec" and u[2] != _PVWATTS8_KEY for u in units)
    unit_v = np.zeros((len(effective), len(units)), order="F") if with_voltage else None
    for model in ("pvwatts", "cec"):
        sel = np.array([j for j, u in enumerate(units) if u[1] == model], dtype=np.intp)
        if not len(sel):
            continue
        tg = np.array([units[j][0] for j in sel], dtype=np.intp)
        eff_u = _columns(effective, t_light[tg])
        tc_u = _columns(temp_cell, tg)
        if model == "pvwatts":
            gamma = np.array([units[j][2] for j in sel])[None, :]
            unit_p[:, sel] = eff_u * 0.001 * (1.0 + gamma * (tc_u - 25.0))
        elif all(units[j][2] == _PVWATTS8_KEY for j in sel):  # no voltage: its inverter has no voltage terms
            unit_p[:, sel] = _pvwatts8_module_power(eff_u, tc_u, workspace)
        else:  # in chunks of columns: pvlib's solver holds a dozen temporaries of its input's size
            for k in range(0, len(sel), _DIODE_CHUNK):
                cut = slice(k, k + _DIODE_CHUNK)
                p_mp, v_mp = _single_diode_mpp(eff_u[:, cut], tc_u[:, cut], [units[j][2] for j in sel[cut]])
                unit_p[:, sel[cut]] = p_mp
                unit_v[:, sel[cut]] = v_mp
    return u_idx, unit_p, unit_v


#: Single-diode columns solved together (bounds the solver's memory to ~50 MB for a year of hours).
_DIODE_CHUNK = 64

#: Grid of the PVWatts v8 module's power table: irradiance [W/m²] and cell temperature [°C] steps.
_PV8_E_STEP, _PV8_E_MAX, _PV8_T_STEP, _PV8_T_MIN, _PV8_T_MAX = 2.0, 1800.0, 0.5, -60.0, 110.0


@functools.lru_cache(maxsize=1)
def _pvwatts8_table() -> np.ndarray:
    """Maximum power of PVWatts v8's module on a regular (irradiance × temperature) grid [W].

    Solved once per process with the same single-diode code as CEC arrays (about 0.3 s); the engine
    interpolates it bilinearly, which differs from solving every interval by less than 4e-5 of the
    module's rated power (measured on 20,000 random points; relative errors up to 0.2 % only
    below a few W/m²).
    """
    e = np.arange(0.0, _PV8_E_MAX + _PV8_E_STEP / 2, _PV8_E_STEP)
    t = np.arange(_PV8_T_MIN, _PV8_T_MAX + _PV8_T_STEP / 2, _PV8_T_STEP)
    ee, tt = np.meshgrid(e, t, indexing="ij")
    p, _ = _single_diode_mpp(ee.reshape(-1, 1), tt.reshape(-1, 1), [_PVWATTS8_KEY])
    return p.reshape(ee.shape)


def _pvwatts8_module_power(effective: np.ndarray, temp_cell: np.ndarray,
                           workspace: Optional[kernels.Workspace] = None) -> np.ndarray:
    """Power of one PVWatts v8 module [W] by bilinear interpolation in :func:`_pvwatts8_table`."""
    return kernels.bilinear_table(_pvwatts8_table(), effective, temp_cell, _PV8_E_STEP, _PV8_T_MIN, _PV8_T_STEP,
                                  workspace)


def _poa_monthly(specs: list[ArraySpec], optics: _Optics, lit: _Conditions, code: np.ndarray) -> pd.DataFrame:
    """POA insolation before shading per array and local calendar month [Wh/m²] (columns 'YYYY-MM-01');
    ``code`` is each lit interval's local ``year · 12 + month - 1``."""
    edges = np.flatnonzero(np.diff(code)) + 1
    runs = list(zip(np.concatenate(([0], edges)), np.concatenate((edges, [len(code)])))) if len(code) else []
    label = {c: f"{c // 12:04d}-{c % 12 + 1:02d}-01" for c in {int(code[a]) for a, _ in runs}}
    months = sorted(label.values())
    per_orient = np.zeros((len(months), optics.poa_raw.shape[1]))
    for a, b in runs:   # runs of one month: weighted column sums
        per_orient[months.index(label[int(code[a])])] += np.einsum("t,to->o", lit.weight[a:b], optics.poa_raw[a:b])
    return pd.DataFrame(per_orient[:, optics.o_idx].T, index=[s.key for s in specs], columns=months)


def _month_blocks(month: np.ndarray) -> list[tuple[int, int, int]]:
    """Runs ``(start, end, month)`` of consecutive intervals in one calendar month (``month``: 0 = January)."""
    edges = np.flatnonzero(np.diff(month)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(month)]))
    return [(int(a), int(b), int(month[a])) for a, b in zip(starts, ends)]


def _array_outputs(specs: list[ArraySpec], u_idx: np.ndarray, unit_p_lit: np.ndarray, unit_v_lit: np.ndarray,
                   li: np.ndarray, month: np.ndarray, weight: np.ndarray, chunk_size: int,
                   cancel: Optional[Callable[[], bool]], park_name: str) -> tuple[tuple, np.ndarray, np.ndarray]:
    """``((AC at the lit intervals, AC without light), DC at the lit intervals, waterfall)``, chunk by
    chunk of arrays: power [W] (array × lit time), the AC without light (array,), energies [Wh].

    Computed on the lit intervals ``li`` only (``month``: their calendar months), plus the
    intervals without light, weighted by their total length: there the DC is 0 W and the AC is
    what each inverter makes of 0 W (its night tare, or 0). The matrices are (array, time) so
    each array's series is contiguous; ``cancel`` is checked before every chunk. With numba one
    fused pass per array (:func:`kernels.array_outputs`), else the numpy steps of :func:`_arrays_chunk`.
    """
    n, n_lit = len(specs), len(li)
    ac_out, ac_dark, dc_out, waterfall = _output_matrices(n, n_lit)
    w_lit, w_dark = _lit_weights(weight, li)
    fused = kernels.backend() == "numba"
    if fused and unit_v_lit is None:   # no unit has a voltage: one zero column (Sandia's voltage terms are 0)
        unit_v_lit = np.zeros((n_lit, 1), order="F")
    if not fused:
        blocks = _month_blocks(month)
        weight_ext = np.append(w_lit, w_dark)   # the dark column last
        unit_p = np.zeros((unit_p_lit.shape[1], n_lit + 1))
        unit_p[:, :n_lit] = unit_p_lit.T
        unit_v = None
        if unit_v_lit is not None:
            unit_v = np.zeros((unit_v_lit.shape[1], n_lit + 1))
            unit_v[:, :n_lit] = unit_v_lit.T
    for start in range(0, n, chunk_size):
        if cancel is not None and cancel():
            raise SimulationCancelled(park_name)
        sl = slice(start, min(n, start + chunk_size))
        chunk = specs[sl]
        f = _dc_factors(chunk)
        if fused:
            kind, q, clip = _inverter_table(chunk)
            e_month, sums = kernels.array_outputs(unit_p_lit, unit_v_lit, u_idx[sl], f.mult, f.factor, month, w_lit,
                                                  w_dark, kind, q, clip, f.ac_keep.prod(axis=1), ac_out[sl],
                                                  dc_out[sl], ac_dark[sl])
        else:
            m = sl.stop - sl.start
            ac, dc = np.empty((m, n_lit + 1)), np.empty((m, n_lit + 1))
            e_month, sums = _arrays_chunk(chunk, f, u_idx[sl], unit_p, unit_v, blocks, weight_ext, ac, dc)
            ac_out[sl], ac_dark[sl] = ac[:, :n_lit], ac[:, n_lit]
            dc_out[sl] = dc[:, :n_lit]
        _waterfall(f, e_month, sums, waterfall[sl])
    return (ac_out, ac_dark), dc_out, waterfall


def _output_matrices(n: int, n_lit: int) -> tuple:
    """``(AC, AC without light, DC, waterfall)`` of ``n`` arrays, to be filled: (array × lit time), (array,),
    (array × lit time), zeros (array × :data:`_CHUNK_ITEMS`)."""
    return np.empty((n, n_lit)), np.empty(n), np.empty((n, n_lit)), np.zeros((n, len(_CHUNK_ITEMS)))


def _lit_weights(weight: np.ndarray, li: np.ndarray) -> tuple[np.ndarray, float]:
    """``(length of each lit interval, total length of the others)`` [h]."""
    w_lit = np.ascontiguousarray(weight[li])
    return w_lit, weight.sum() - w_lit.sum()


def _chain_applies(specs: list[ArraySpec]) -> bool:
    """Whether :func:`_pvwatts8_chain` computes the park: numba, and every array on PVWatts v8 with its
    cell temperature model (the default physics of PVWatts-style arrays)."""
    return kernels.backend() == "numba" and all(s.pvwatts_v8 and s.temperature_parameters[0] == "pvwatts"
                                                for s in specs)


def _pvwatts8_chain(specs: list[ArraySpec], optics: _Optics, lit: _Conditions, month: np.ndarray,
                    options: SimulationOptions, altitude: float, li: np.ndarray, weight: np.ndarray,
                    cancel: Optional[Callable[[], bool]], park_name: str,
                    workspace: Optional[kernels.Workspace] = None) -> tuple:
    """``(light, (AC at the lit intervals, AC without light), DC at the lit intervals, waterfall)`` of a park
    whose arrays all run PVWatts v8: what :func:`_light`, :func:`_cell_temperature`, :func:`_dc_per_unit`
    and :func:`_array_outputs` compute (to rounding: 1e-15 relative), in one pass per group of arrays
    (:func:`kernels.pvwatts8_chain`).

    A group is one light setting and INOCT; its light is its base setting's (orientation and
    cover) scaled by its soiling and shading. Groups are computed in chunks of at most
    ``options.chunk_size`` arrays (a larger group alone), with ``cancel`` checked before each.
    """
    ls = _light_settings(specs, optics, lit, options, altitude)
    g_idx, members, starts, bases, per_group = _chain_groups(specs, ls)
    n, n_groups = len(specs), len(starts) - 1
    ac, dark, dc, waterfall = _output_matrices(n, len(li))
    w_lit, w_dark = _lit_weights(weight, li)
    f = _dc_factors(specs)
    kind, q, clip = _inverter_table(specs)
    e_light, e_month, sums = np.zeros((4, n_groups)), np.zeros((n, 12)), np.zeros((n, 4))
    outputs = (f.mult, f.factor, float(w_dark), kind, q, clip, f.ac_keep.prod(axis=1), ac, dc, dark, e_light,
               e_month, sums)
    wind_factor = kernels.pvwatts8_wind_factor(lit.wind_speed)
    month, temp_air = np.asarray(month, dtype=np.intp), np.ascontiguousarray(lit.temp_air)
    g0 = 0
    while g0 < n_groups:
        if cancel is not None and cancel():
            raise SimulationCancelled(park_name)
        g1 = int(np.searchsorted(starts, starts[g0] + options.chunk_size, side="right")) - 1
        g1 = min(max(g1, g0 + 1), n_groups)
        kernels.pvwatts8_chain(optics.direct, optics.sky, optics.ground, month, w_lit,
                               ls.fb, ls.fs, ls.fg, ls.f_am, temp_air, wind_factor, bases,
                               per_group, 1.0 - thermal.PVWATTS8_EFFICIENCY / thermal.TAU_ALPHA, _pvwatts8_table(),
                               (_PV8_E_STEP, _PV8_T_MIN, _PV8_T_STEP), members, starts, range(g0, g1), outputs,
                               workspace)
        g0 = g1
    _waterfall(f, e_month, sums, waterfall)
    light_e = _Light(l_idx=g_idx, poa=None, cover=None, effective=None, e_soil=e_light[0], e_shade=e_light[1],
                     e_cover=e_light[2], e_spec=e_light[3])
    return light_e, (ac, dark), dc, waterfall


def _chain_groups(specs: list[ArraySpec], ls: _LightSettings) -> tuple:
    """The groups of :func:`_pvwatts8_chain`: ``(group of each array, arrays ordered by group, where
    each group starts in that order (group + 1,), base settings, per-group parameters)``, as
    :func:`kernels.pvwatts8_chain` reads them."""
    groups, g_idx = _groups([(ls.l_idx[i], s.temperature_parameters[1]) for i, s in enumerate(specs)])
    gl = np.array([g[0] for g in groups], dtype=np.intp)   # each group's light setting
    members = np.argsort(g_idx, kind="stable").astype(np.intp)
    starts = np.searchsorted(g_idx[members], np.arange(len(groups) + 1)).astype(np.intp)
    bases, b_idx = _groups([(ls.orient[j], ls.cover[j], ls.coated[j], ls.spectral[j]) for j in gl])
    bases = tuple(np.array([b[k] for b in bases], dtype=dt) for k, dt in enumerate((np.intp, np.intp, bool, bool)))
    per_group = (np.asarray(b_idx, dtype=np.intp), np.ascontiguousarray(ls.soil_keep[:, gl]), ls.shade_keep[gl],
                 np.array([g[1] for g in groups], dtype=float) - 20.0)   # INOCT - 20 [°C]
    return g_idx, members, starts, bases, per_group


def _park_result(park: Park, specs: list[ArraySpec], times: pd.DatetimeIndex, valid: np.ndarray, li: np.ndarray,
                 optics: _Optics, light: _Light, ac: np.ndarray, dc: np.ndarray, waterfall: np.ndarray, *,
                 interval: float, weather: dict, options: SimulationOptions, t_start: float,
                 poa_monthly: pd.DataFrame) -> ParkResult:
    """The :class:`ParkResult`: series as frames, the loss waterfall completed, the per-array table."""
    keys = [s.key for s in specs]
    cap = np.array([s.dc_capacity for s in specs])
    o_idx, l_idx = optics.o_idx, light.l_idx
    # the light stages of the waterfall, per orientation / light setting, scaled by nameplate
    scale = cap / 1000.0
    chunk = dict(zip(_CHUNK_ITEMS, waterfall.T))
    e_raw = optics.e_raw[o_idx]
    wf = {"poa_nominal": e_raw * scale,
          "horizon_shading": (optics.e_raw - optics.e_far)[o_idx] * scale,
          "row_shading": (optics.e_far - optics.e_row)[o_idx] * scale,
          "soiling": (optics.e_row[o_idx] - light.e_soil[l_idx]) * scale + chunk["soiling_dc"],
          "shading": (light.e_soil - light.e_shade)[l_idx] * scale + chunk["shading"],
          "aoi": (light.e_shade - light.e_cover)[l_idx] * scale,
          "spectral": (light.e_cover - light.e_spec)[l_idx] * scale,
          "temperature_irradiance": light.e_spec[l_idx] * scale - chunk["dc_raw"]}
    for name in LOSS_ITEMS[7:] + ("ac",):
        wf[name] = chunk[name]
    columns = ("poa_nominal",) + LOSS_ITEMS + ("ac",)
    wf = pd.DataFrame(np.column_stack([wf[c] for c in columns]), index=keys, columns=list(columns))  # one block

    poa_lit = (optics.direct + optics.sky + optics.ground).T   # (orientation × lit time)
    olabels = [f"{o[0]:g}/{o[1]:g}" + (f"/albedo {o[2]:g}" if o[2] is not None else "")
               + (f"/gcr {o[3]:g}" if o[3] is not None else "") for o in optics.orients]
    index = pd.DatetimeIndex(times, name="time")
    arrays = pd.DataFrame({
        "roof": [s.roof for s in specs], "array": [s.array for s in specs],
        "dc_model": [s.dc_model for s in specs], "inverter_model": [s.inverter_model for s in specs],
        "dc_capacity": cap, "ac_capacity": [s.ac_capacity for s in specs],
        "surface_tilt": [s.surface_tilt for s in specs], "surface_azimuth": [s.surface_azimuth for s in specs],
        "years": [s.years for s in specs], "poa_insolation": e_raw, "energy": wf["ac"].to_numpy(),
        "temperature_model": [s.temperature_preset for s in specs], "aoi_model": [s.aoi_model for s in specs],
        "spectral_model": ["desoto_airmass" if s.spectral else "no_loss" for s in specs],
    }, index=pd.Index(keys, name="key"))
    return ParkResult(
        park=park.name,
        ac_lit=ac[0], ac_dark=ac[1], dc_lit=dc, lit=li, valid=valid, index=index,
        poa_lit=poa_lit, poa_columns=olabels,
        orientation={k: olabels[o_idx[i]] for i, k in enumerate(keys)},
        interval_minutes=interval, losses=wf, arrays=arrays,
        weather=weather, options=options, seconds=_time.perf_counter() - t_start, tz=park.tz,
        poa_monthly=poa_monthly)


def _single_diode_mpp(effective: np.ndarray, temp_cell: np.ndarray, modules: list) -> tuple:
    """Maximum power point of one module of each column's CEC ``modules`` [W], [V]."""
    from solarfleet.models.simulation import catalog
    params = [PVWATTS8_MODULE if m == _PVWATTS8_KEY else catalog.module_parameters(m) for m in modules]
    p_mp = np.zeros(effective.shape)
    v_mp = np.zeros(effective.shape)
    lit = effective > 0
    if not lit.any():
        return p_mp, v_mp
    col = np.nonzero(lit)[1]
    kw = {k: np.array([p[k] for p in params], dtype=float)[col] for k in _SINGLE_DIODE_KEYS}
    kw["EgRef"] = np.array([p.get("EgRef", 1.121) for p in params], dtype=float)[col]
    kw["dEgdT"] = np.array([p.get("dEgdT", -0.0002677) for p in params], dtype=float)[col]
    il, io, rs, rsh, nnsvth = pvlib.pvsystem.calcparams_cec(effective[lit], temp_cell[lit], **kw)
    fused = kernels.diode_mpp(il, io, rs, rsh, nnsvth)
    if fused is None:
        mpp = pvlib.pvsystem.max_power_point(il, io, rs, rsh, nnsvth, method="newton")
        fused = (mpp["p_mp"], mpp["v_mp"])
    p_mp[lit], v_mp[lit] = fused
    return p_mp, v_mp


#: Columns of the per-chunk waterfall [Wh]: DC before losses, then each DC-side loss, the inverter
#: and clipping, the AC-side losses, and the AC energy delivered.
_CHUNK_ITEMS = ("dc_raw", "soiling_dc") + DC_SCALARS + ("degradation", "inverter", "clipping") + \
    Losses.AC_SCALARS + ("ac",)


@dataclass(frozen=True)
class _DCFactors:
    """Per array of a chunk: units per array ``mult``, ``soil_keep`` (array × 12, ones when soiling
    is on the light), the other DC losses' ``other_keep`` (array × k), the degradation ``deg``, their
    product per month ``factor`` (array × 12) and the AC losses' ``ac_keep`` (array × k_ac) [-]."""

    mult: np.ndarray
    soil_keep: np.ndarray
    other_keep: np.ndarray
    deg: np.ndarray
    factor: np.ndarray
    ac_keep: np.ndarray


def _dc_factors(specs: list[ArraySpec]) -> _DCFactors:
    v8_module_w = PVWATTS8_MODULE["V_mp_ref"] * PVWATTS8_MODULE["I_mp_ref"]
    mult = np.array([s.dc_capacity / v8_module_w if s.pvwatts_v8 else s.dc_capacity if s.dc_model == "pvwatts"
                     else s.modules for s in specs], dtype=float)
    soil_keep = 1.0 - np.array([s.soiling for s in specs], dtype=float).reshape(len(specs), 12)
    other_keep = np.array([s.other_keep for s in specs], dtype=float).reshape(len(specs), -1)
    deg = np.array([s.degradation_factor for s in specs], dtype=float)
    factor = np.ascontiguousarray(soil_keep * (other_keep.prod(axis=1) * deg)[:, None])
    ac_keep = np.array([s.ac_keep for s in specs], dtype=float).reshape(len(specs), -1)
    return _DCFactors(mult, soil_keep, other_keep, deg, factor, ac_keep)


def _inverter_table(specs: list[ArraySpec]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(kind, q, clip)`` of :func:`kernels.array_outputs`: model (0 PVWatts, 1 Sandia), its
    parameters (array × 10) and the AC limit [W] of each array's inverter."""
    kind = np.array([0 if s.sandia is None else 1 for s in specs], dtype=np.intp)
    q = np.zeros((len(specs), 10))
    clip = np.empty(len(specs))
    for i, s in enumerate(specs):
        if s.sandia is None:
            q[i, :2] = s.eta_inv_nom / _ETA_INV_REF, s.pdc0_inverter
            clip[i] = s.eta_inv_nom * s.pdc0_inverter
        else:
            q[i] = [s.sandia[k] for k in _SANDIA_KEYS] + [s.modules_per_string]
            clip[i] = s.sandia["Paco"]
    return kind, q, clip


_SANDIA_KEYS = ("Paco", "Pdco", "Pso", "Pnt", "C0", "C1", "C2", "C3", "Vdco")


def _arrays_chunk(specs, f: _DCFactors, u_idx, unit_p, unit_v, blocks, weight, ac, dc) -> tuple:
    """DC, losses and inverter for a chunk of arrays in numpy, written into ``ac``, ``dc`` (array × time).

    ``unit_p``/``unit_v`` are (unit × time); ``blocks`` are runs ``(start, end, month)`` of the time
    axis. Returns ``(e_month, sums)`` as :func:`kernels.array_outputs`.
    """
    np.multiply(unit_p[u_idx], f.mult[:, None], out=dc)
    e_month = np.zeros((len(specs), 12))                     # [Wh]
    for a, b, m in blocks:
        e_month[:, m] += _wsum(dc[:, a:b], weight[a:b])
    if np.all(f.factor == f.factor[:, :1]):                  # one factor all year
        dc *= f.factor[:, :1]
    else:
        for a, b, m in blocks:
            dc[:, a:b] *= f.factor[:, m:m + 1]
    e_dc = _wsum(dc, weight)
    e_unclipped = _inverters(specs, u_idx, unit_v, dc, ac, weight)
    e_inv = _wsum(ac, weight)
    total_keep = f.ac_keep.prod(axis=1)
    if np.any(total_keep != 1.0):
        ac *= total_keep[:, None]
    return e_month, np.stack([e_dc, e_unclipped, e_inv, _wsum(ac, weight)], axis=1)


def _waterfall(f: _DCFactors, e_month: np.ndarray, sums: np.ndarray, waterfall: np.ndarray) -> None:
    """The DC losses in order, inverter, clipping and AC losses into ``waterfall`` (columns
    :data:`_CHUNK_ITEMS`) [Wh], from the monthly DC before losses and the chunk's ``sums``."""
    e_dc_raw = e_month.sum(axis=1)
    waterfall[:, 0] = e_dc_raw
    e = (e_month * f.soil_keep).sum(axis=1)
    waterfall[:, 1] = e_dc_raw - e
    for k in range(f.other_keep.shape[1]):
        e_next = e * f.other_keep[:, k]
        waterfall[:, 2 + k] = e - e_next
        e = e_next
    col = 2 + f.other_keep.shape[1]
    waterfall[:, col] = e * (1.0 - f.deg)
    e_dc, e_unclipped, e_inv, e_ac = sums.T
    waterfall[:, col + 1] = e_dc - e_unclipped
    waterfall[:, col + 2] = e_unclipped - e_inv
    e = e_inv
    for k in range(f.ac_keep.shape[1]):
        waterfall[:, col + 3 + k] = e * (1.0 - f.ac_keep[:, k])
        e = e * f.ac_keep[:, k]
    waterfall[:, -1] = e_ac


def _inverters(specs, u_idx, unit_v, dc, ac, weight) -> np.ndarray:
    """AC after each array's inverter (PVWatts or Sandia), clipped, into ``ac``; returns the unclipped energy [Wh]."""
    n = len(specs)
    pv = np.array([s.sandia is None for s in specs])
    e_unclipped = np.zeros(n)
    if pv.all():
        out = _pvwatts_inverter_unclipped(dc, np.array([s.pdc0_inverter for s in specs]),
                                          np.array([s.eta_inv_nom for s in specs]), out=ac)
        e_unclipped[:] = _wsum(out, weight)
        np.minimum(out, np.array([s.eta_inv_nom * s.pdc0_inverter for s in specs])[:, None], out=out)
        return e_unclipped
    if pv.any():
        j = np.nonzero(pv)[0]
        out = _pvwatts_inverter_unclipped(dc[j], np.array([specs[i].pdc0_inverter for i in j]),
                                          np.array([specs[i].eta_inv_nom for i in j]))
        e_unclipped[j] = _wsum(out, weight)
        pac0 = np.array([specs[i].eta_inv_nom * specs[i].pdc0_inverter for i in j])
        np.minimum(out, pac0[:, None], out=out)
        ac[j] = out
    j = np.nonzero(~pv)[0]
    p = {k: np.array([specs[i].sandia[k] for i in j])[:, None] for k in specs[j[0]].sandia}
    mps = np.array([specs[i].modules_per_string for i in j], dtype=float)[:, None]
    v_dc = np.zeros((len(j), dc.shape[1])) if unit_v is None else unit_v[u_idx[j]] * mps  # None: no voltage terms
    out = _sandia_unclipped(v_dc, dc[j], p)
    np.maximum(out, -np.abs(p["Pnt"]), out=out)  # a PVWatts v8 inverter (Pnt = 0) never goes below 0
    e_unclipped[j] = _wsum(out, weight)
    np.minimum(out, p["Paco"], out=out)
    ac[j] = out
    return e_unclipped


def _wsum(x: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Weighted sum of each row of ``x`` (array × time) [unit·h].

    ``np.einsum`` rather than ``@``: OpenBLAS's threaded matrix-vector product is many times
    slower on this shape when the cores are busy (measured), einsum's loop is not.
    """
    return np.einsum("nt,t->n", x, weight)


def _pvwatts_inverter_unclipped(pdc: np.ndarray, pdc0: np.ndarray, eta_inv_nom: np.ndarray,
                                out: Optional[np.ndarray] = None) -> np.ndarray:
    """PVWatts inverter (Dobos 2014, pvlib's form) before the AC limit, floored at 0 [W].

    ``pdc`` is (array × time); ``pdc0`` (inverter DC rating [W]) and ``eta_inv_nom`` per array.
    """
    k = (eta_inv_nom / _ETA_INV_REF)[:, None]
    p0 = pdc0[:, None]
    # eta·pdc = k (0.9858 pdc − 0.0162 pdc²/pdc0 − 0.0059 pdc0); negative (night, very low light) → 0
    out = np.divide(pdc, p0, out=out)
    np.multiply(out, -0.0162, out=out)
    out += 0.9858
    out *= pdc
    out -= 0.0059 * p0
    out *= k
    np.maximum(out, 0.0, out=out)
    return out


def _sandia_unclipped(v_dc: np.ndarray, p_dc: np.ndarray, p: dict) -> np.ndarray:
    """Sandia inverter model (King et al. 2007) before the AC limit, with night tare below Pso [W]."""
    if all(not np.any(p[k]) for k in ("C0", "C1", "C2", "C3")):  # no voltage terms (PVWatts v8): a line
        out = (p["Paco"] / (p["Pdco"] - p["Pso"])) * (p_dc - p["Pso"])
        return np.where(p_dc < p["Pso"], -np.abs(p["Pnt"]), out)
    dv = v_dc - p["Vdco"]
    a = p["Pdco"] * (1.0 + p["C1"] * dv)
    b = p["Pso"] * (1.0 + p["C2"] * dv)
    c = p["C0"] * (1.0 + p["C3"] * dv)
    x = p_dc - b
    out = (p["Paco"] / (a - b) - c * (a - b)) * x + c * x * x
    tare = np.broadcast_to(-np.abs(p["Pnt"]), out.shape)
    below = p_dc < p["Pso"]
    out[below] = tare[below]
    return out


# --- the fleet -----------------------------------------------------------------------------------

def simulate_fleet(fleet: Fleet, weather_for: Callable[[Park], tuple], options: Optional[SimulationOptions] = None,
                   progress: Optional[Callable[[int, int, str], None]] = None,
                   cancel: Optional[Callable[[], bool]] = None,
                   horizon_for: Optional[Callable[[Park], object]] = None) -> Iterator[ParkResult]:
    """Simulate every park of ``fleet``, yielding one :class:`ParkResult` per park.

    Parks without arrays are skipped (and not counted in ``progress``).

    Parameters
    ----------
    fleet : Fleet
    weather_for : callable
        ``weather_for(park) -> (data, metadata)``.
    options : SimulationOptions, optional
    progress : callable, optional
        ``progress(done, total, park_name)``, called before each park (``done`` finished so far)
        and once at the end with ``done == total``.
    cancel : callable, optional
        Returns True to stop; checked between parks and between array chunks. A cancelled run
        raises :class:`SimulationCancelled` from the generator.
    horizon_for : callable, optional
        ``horizon_for(park)`` → horizon profile or ``None``.
    """
    options = options or SimulationOptions()
    parks = [p for p in fleet.parks if any(True for _ in p.iter_arrays())]
    total = len(parks)
    workspace = kernels.Workspace()   # the parks' intermediate matrices reuse one working memory
    for done, park in enumerate(parks):
        if cancel is not None and cancel():
            raise SimulationCancelled(park.name)
        if progress is not None:
            progress(done, total, park.name)
        data, metadata = weather_for(park)
        horizon = horizon_for(park) if horizon_for is not None else None
        yield simulate_park(park, data, metadata, options, horizon=horizon, cancel=cancel, workspace=workspace)
    if progress is not None:
        progress(total, total, "")


# --- runs: metadata and the whole-or-nothing orchestration ----------------------------------------

def fleet_hash(fleet: Fleet) -> str:
    """SHA-256 of the fleet's canonical JSON: equal hashes mean identical inputs."""
    import hashlib
    from solarfleet.models.fleet_files import dumps_fleet
    return hashlib.sha256(dumps_fleet(fleet).encode("utf-8")).hexdigest()


def software_versions() -> dict:
    """Versions of the code a run depends on."""
    import platform
    import sys
    import scipy
    versions = {"python": platform.python_version(), "pvlib": pvlib.__version__, "pandas": pd.__version__,
                "numpy": np.__version__, "scipy": scipy.__version__}
    app = sys.modules.get("solarfleet.app")
    versions["solarfleet"] = getattr(app, "__version__", None) or _package_version()
    return versions


def _package_version() -> str:
    try:
        from importlib.metadata import version
        return version("solarfleet")
    except Exception:  # not installed (running from a checkout): say so rather than guess
        return "unknown"


def run_metadata(fleet: Fleet, options: SimulationOptions, started: float, duration: float,
                 note: str = "") -> dict:
    """The ``meta`` dict :func:`solarfleet.models.store.save_run` records.

    Parameters
    ----------
    started : float
        Start of the run, POSIX time [s].
    duration : float
        Wall time of the run [s].
    """
    return {"started_utc": _dt.datetime.fromtimestamp(started, _dt.timezone.utc).isoformat(timespec="seconds"),
            "duration_s": float(duration), "fleet_hash": fleet_hash(fleet), "options": options.to_dict(),
            "versions": software_versions(), "note": note}


def simulate_and_store(store, fleet: Fleet, weather_for, options: Optional[SimulationOptions] = None,
                       progress=None, cancel=None, horizon_for=None, note: str = "") -> tuple[int, list]:
    """Simulate ``fleet`` and store the run in one transaction; return ``(run_id, park_results)``.

    A cancelled or failed run stores nothing (the exception propagates).
    """
    options = options or SimulationOptions()
    started = _time.time()
    t0 = _time.perf_counter()
    results = list(simulate_fleet(fleet, weather_for, options, progress=progress, cancel=cancel,
                                  horizon_for=horizon_for))
    if not results:
        raise SimulationError("the fleet has no arrays to simulate")
    meta = run_metadata(fleet, options, started, _time.perf_counter() - t0, note)
    return save_run(store, meta, results), results
