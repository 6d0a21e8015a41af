"""Cell-temperature models and the parameters each mounting of a warehouse roof maps to.

Five models, each computed for many arrays at once (a column per distinct setting):

============  ===========================================================  ==========================
model          what it is                                                    used by default for
============  ===========================================================  ==========================
``pvwatts``    PVWatts v8: SAM's NOCT form on the light through the cover    PVWatts-style arrays
               and spectrum, installed NOCT 45/49 °C, η = 0.19, τα = 0.9,    (as PVWatts v8)
               wind × 0.51 (:func:`pvwatts8_cell`)
``fuentes``    PVWatts v5: Fuentes (1987) transient heat balance, installed
               NOCT (:func:`~solarfleet.models.simulation.physics.fuentes_cell`)
``noct_sam``   SAM's NOCT model (:func:`pvlib.temperature.noct_sam`), with   single-diode arrays
               mounting standoff and building height                         (as SAM's detailed model)
``faiman``     Faiman (2008) U₀ + U₁·wind (:func:`pvlib.temperature.faiman`)
``pvsyst``     PVsyst U-values (:func:`pvlib.temperature.pvsyst_cell`)
``sapm``       Sandia (King et al. 2004) presets (:func:`pvlib.temperature.sapm_cell`)
============  ===========================================================  ==========================

Mounting → parameters (:data:`MOUNTING_PARAMETERS`), with their sources:

* PVWatts installed NOCT (v8 and v5 alike): 45 °C open rack, 49 °C roof mount (Dobos 2014;
  PVWatts has only these two classes, so a flush mount on an insulated roof takes the
  roof-mount 49 °C). PVWatts v8 replaced v5's Fuentes model by the NOCT form (SSC pull
  request 630; measured against PySAM 7.1 to 0.02 °C mean, see docs/validation.md).
* SAM NOCT standoff [in] (SAM's "mounting standoff" classes as pvlib encodes them): open rack
  > 3.5 in (no adjustment), roof mount with a 2.5–3.5 in gap (3 in: +2 °C), flush < 0.5 in
  (0.25 in: +18 °C; pvlib reads exactly 0 as building-integrated, without adjustment).
  Height in stories from the roof height: 1 up to 3.5 m, 2 above.
* PVsyst U-values [W/(m² K)]: free-standing 29, semi-integrated (air duct behind) 20,
  integrated/insulated 15, U_v = 0 (PVsyst's defaults; pvlib's presets).
* Faiman: open rack U₀ = 25, U₁ = 6.84 (Faiman 2008, pvlib's defaults). For the other
  mountings the PVsyst U-value converted to Faiman's form, U₀ = U_c / (α (1 − η)) with
  α = 0.9, η = 0.1 (PVsyst's defaults): 24.7 and 18.5 W/(m² K), U₁ = 0.
* SAPM: the open-rack presets by module construction; close-roof-mount glass/glass for a
  roof mount; insulated-back glass/polymer for a flush mount. The Sandia table has no
  roof-mount glass/polymer nor insulated-back glass/glass row: those take the row of the same
  mounting, and the result names the preset it used (:func:`sapm_preset`), never silently.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from pvlib import temperature

from solarfleet.models.simulation import kernels
from solarfleet.models.simulation.physics import fuentes_cell

__all__ = ["TEMPERATURE_MODELS", "MOUNTING_PARAMETERS", "FAMILY_DEFAULT", "sapm_preset", "thermal_parameters",
           "cell_temperature", "pvwatts8_cell"]

#: Cell-temperature models a run may choose; ``'auto'`` follows each array (then its DC model's family).
TEMPERATURE_MODELS = ("auto", "pvwatts", "fuentes", "noct_sam", "faiman", "pvsyst", "sapm")
#: The model each DC model family uses when neither the array nor the run names one.
FAMILY_DEFAULT = {"pvwatts": "pvwatts", "cec": "noct_sam"}

_ALPHA, _ETA = 0.9, 0.1  # PVsyst's default absorptance and module efficiency [-]
MOUNTING_PARAMETERS = {
    "pvwatts": {"open_rack": {"noct_installed": 45.0}, "close_mount": {"noct_installed": 49.0},
                "insulated_back": {"noct_installed": 49.0}},
    "fuentes": {"open_rack": {"noct_installed": 45.0}, "close_mount": {"noct_installed": 49.0},
                "insulated_back": {"noct_installed": 49.0}},
    "noct_sam": {"open_rack": {"mount_standoff": 4.0}, "close_mount": {"mount_standoff": 3.0},
                 "insulated_back": {"mount_standoff": 0.25}},
    "pvsyst": {"open_rack": {"u_c": 29.0, "u_v": 0.0}, "close_mount": {"u_c": 20.0, "u_v": 0.0},
               "insulated_back": {"u_c": 15.0, "u_v": 0.0}},
    "faiman": {"open_rack": {"u0": 25.0, "u1": 6.84},
               "close_mount": {"u0": 20.0 / (_ALPHA * (1 - _ETA)), "u1": 0.0},
               "insulated_back": {"u0": 15.0 / (_ALPHA * (1 - _ETA)), "u1": 0.0}},
}
_SAPM = {
    ("open_rack", "glass_glass"): "open_rack_glass_glass",
    ("open_rack", "glass_polymer"): "open_rack_glass_polymer",
    ("close_mount", "glass_glass"): "close_mount_glass_glass",
    ("close_mount", "glass_polymer"): "close_mount_glass_glass",
    ("insulated_back", "glass_glass"): "insulated_back_glass_polymer",
    ("insulated_back", "glass_polymer"): "insulated_back_glass_polymer",
}
#: Module defaults of the NOCT model for an array without a module datasheet (PVWatts arrays):
#: NOCT [°C] and STC efficiency [-] of PVWatts v8's standard module.
NOCT_DEFAULTS = {"noct": 45.0, "module_efficiency": 0.19}


def sapm_preset(racking: str, module_type: str) -> str:
    """The Sandia preset used for a mounting and module construction (see the module notes)."""
    return _SAPM[(racking, module_type)]


def thermal_parameters(model: str, racking: str, module_type: str, roof_height: float,
                       module: Optional[dict] = None) -> tuple[tuple, str]:
    """``(parameters, label)`` of ``model`` for one array; ``parameters`` is a hashable tuple.

    Parameters
    ----------
    model : str
        One of :data:`TEMPERATURE_MODELS` except ``'auto'``.
    racking, module_type : str
        The array's mounting and module construction.
    roof_height : float
        Height of the roof above ground [m] (NOCT model: stories).
    module : dict, optional
        CEC parameters of the module (NOCT model: ``T_NOCT``, ``STC``, ``A_c``).
    """
    if model == "sapm":
        preset = sapm_preset(racking, module_type)
        p = temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"][preset]
        return ("sapm", p["a"], p["b"], p["deltaT"]), f"sapm {preset}"
    p = MOUNTING_PARAMETERS[model][racking]
    if model in ("pvwatts", "fuentes"):
        return (model, p["noct_installed"]), f"{model} INOCT {p['noct_installed']:g} °C"
    if model == "pvsyst":
        return ("pvsyst", p["u_c"], p["u_v"]), f"pvsyst u_c {p['u_c']:g} u_v {p['u_v']:g}"
    if model == "faiman":
        return ("faiman", p["u0"], p["u1"]), f"faiman u0 {p['u0']:.4g} u1 {p['u1']:.4g}"
    noct, eff = NOCT_DEFAULTS["noct"], NOCT_DEFAULTS["module_efficiency"]
    if module is not None:
        noct = float(module.get("T_NOCT", noct))
        if module.get("A_c") and module.get("STC"):
            eff = float(module["STC"]) / (float(module["A_c"]) * 1000.0)
    stories = 1 if roof_height <= 3.5 else 2
    return (("noct_sam", noct, eff, stories, p["mount_standoff"]),
            f"noct_sam NOCT {noct:g} °C standoff {p['mount_standoff']:g} in, {stories} stor{'y' if stories == 1 else 'ies'}")


#: STC efficiency of PVWatts v8's standard module [-] and the τα of SAM's NOCT model [-].
PVWATTS8_EFFICIENCY, TAU_ALPHA = 0.19127, 0.9


def pvwatts8_cell(effective, temp_air, wind_speed, noct_installed, module_efficiency: float = PVWATTS8_EFFICIENCY,
                  tau_alpha: float = TAU_ALPHA):
    """PVWatts v8 cell temperature [°C]: the NOCT form of SAM on the light converted by the cells.

    ``T = T_air + E/800 · (INOCT − 20) · (1 − η/τα) · 9.5 / (5.7 + 3.8 · 0.51 · wind)``, with ``E``
    the irradiance after the cover and the spectral modifier [W/m²], wind [m/s] floored at
    0.001 m/s, 0.51 the one-story wind reduction of SAM's NOCT model, η the STC efficiency of
    PVWatts v8's standard module (322.6 W on 1.6864 m²). Where ``E`` is 0 the cell is at air
    temperature.
    """
    rise = effective / 800.0 * (np.asarray(noct_installed) - 20.0) * (1.0 - module_efficiency / tau_alpha) * (
        kernels.pvwatts8_wind_factor(wind_speed))
    return temp_air + np.where(effective > 0.0, rise, 0.0)


def cell_temperature(params: list[tuple], poa_global: np.ndarray, cover: np.ndarray, effective: np.ndarray,
                     temp_air: np.ndarray, wind_speed: np.ndarray, interval_hours: float,
                     workspace: Optional[kernels.Workspace] = None) -> np.ndarray:
    """Cell temperature [°C] of each column, (time × column).

    Parameters
    ----------
    params : list of tuple
        Per column, the ``parameters`` of :func:`thermal_parameters` (first item the model).
    poa_global : numpy.ndarray or None
        Plane-of-array irradiance reaching the module (after shading and soiling), (time × column)
        [W/m²]; ``None`` when every column's model is ``pvwatts`` (which needs ``effective`` only).
    cover : numpy.ndarray or None
        Irradiance through the cover (before the spectral modifier), (time × column) [W/m²]; as
        ``poa_global``.
    effective : numpy.ndarray
        Irradiance converted to current (after the cover and spectrum), (time × column) [W/m²].
    temp_air, wind_speed : numpy.ndarray
        (time,) [°C], [m/s].
    interval_hours : float
        Length of an interval [h] (the Fuentes model's time step).
    workspace : kernels.Workspace, optional
        Working memory for the result when every column is PVWatts v8's (see :class:`kernels.Workspace`).
    """
    out = np.empty(effective.shape)
    ta, ws = temp_air[:, None], wind_speed[:, None]
    models = np.array([p[0] for p in params])
    for model in dict.fromkeys(models):
        cols = np.flatnonzero(models == model)
        par = np.array([params[j][1:] for j in cols], dtype=float)
        poa = poa_global if poa_global is None or len(cols) == len(models) else poa_global[:, cols]
        if model == "pvwatts" and len(cols) == len(models):  # every column: no gather, no scatter
            out = kernels.pvwatts8_cell(effective, temp_air, wind_speed, par[:, 0],
                                       1.0 - PVWATTS8_EFFICIENCY / TAU_ALPHA, workspace)
            if out is None:
                out = pvwatts8_cell(effective, ta, ws, par[None, :, 0])
        elif model == "pvwatts":
            out[:, cols] = pvwatts8_cell(effective[:, cols], ta, ws, par[None, :, 0])
        elif model == "fuentes":
            out[:, cols] = fuentes_cell(poa, temp_air, np.maximum(wind_speed, 0.0), par[:, 0], interval_hours)
        elif model == "sapm":
            out[:, cols] = temperature.sapm_cell(poa, ta, ws, par[None, :, 0], par[None, :, 1], par[None, :, 2])
        elif model == "pvsyst":
            out[:, cols] = temperature.pvsyst_cell(poa, ta, ws, u_c=par[None, :, 0], u_v=par[None, :, 1])
        elif model == "faiman":
            out[:, cols] = temperature.faiman(poa, ta, ws, u0=par[None, :, 0], u1=par[None, :, 1])
        else:  # noct_sam takes one standoff and height per call: group by them
            keys = [tuple(r[2:]) for r in par]
            for key in dict.fromkeys(keys):
                sub = [k for k, kk in enumerate(keys) if kk == key]
                c = cols[sub]
                with np.errstate(invalid="ignore", divide="ignore"):  # pvlib divides by poa_global
                    t = temperature.noct_sam(
                        poa_global[:, c], ta, ws, noct=par[sub, 0][None, :], module_efficiency=par[sub, 1][None, :],
                        effective_irradiance=cover[:, c], array_height=int(key[0]), mount_standoff=key[1])
                out[:, c] = np.where(poa_global[:, c] > 0.0, t, ta)  # no light: the cell is at air temperature
    return out
