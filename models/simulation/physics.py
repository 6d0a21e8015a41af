"""Vectorised physics the engine needs beyond pvlib's own functions, written from the published models.

Every function takes (time × group) matrices, a column per distinct array setting, so a park's
arrays are computed together:

* :func:`fuentes_cell` — the Fuentes (1987) transient heat balance PVWatts uses for cell
  temperature (Dobos 2014), across all columns at once; the same equations as
  :func:`pvlib.temperature.fuentes`, which loops over time for one array.
* :func:`cover_transmittance` — the De Soto et al. (2006) glass-cover model SAM applies to beam,
  sky-diffuse and ground-reflected light (Duffie & Beckman's equivalent incidence angles for the
  diffuse parts), optionally with an anti-reflective coating as PVWatts v8 assumes.
* :func:`airmass_modifier` — the De Soto et al. (2006) air-mass (spectral) polynomial.
* :func:`sunlit_times` — the instant at which to place the sun for each interval: its middle,
  or the middle of its sunlit part in the intervals where the sun rises or sets.

References
----------
Fuentes, M. K. (1987). A simplified thermal model for flat-plate photovoltaic arrays. SAND85-0330.
Dobos, A. P. (2014). PVWatts Version 5 Manual. NREL/TP-6A20-62641.
De Soto, W., Klein, S. A., Beckman, W. A. (2006). Improvement and validation of a model for
photovoltaic array performance. Solar Energy 80(1), 78–88.
Duffie, J. A., Beckman, W. A. (2013). Solar Engineering of Thermal Processes, 4th ed., §5.3–5.4.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from solarfleet.models.simulation import kernels

__all__ = ["fuentes_cell", "cover_transmittance", "airmass_modifier", "sunlit_times", "perez_brightening",
           "FUENTES_DEFAULTS", "DESOTO_AIRMASS"]

#: PVWatts' fixed inputs to the Fuentes model: module height [m], anemometer height [m],
#: emissivity and absorptance [-], tilt [°] and module width × length [m] (hydraulic diameter 0.5 m).
FUENTES_DEFAULTS = {"module_height": 5.0, "wind_height": 9.144, "emissivity": 0.84, "absorption": 0.83,
                    "surface_tilt": 30.0, "module_width": 0.31579, "module_length": 1.2}
_BOLTZ = 5.669e-8   # Stefan–Boltzmann constant as Fuentes (1987) uses it [W/(m² K⁴)]
_CAP0 = 11000.0     # module heat capacity per area [J/(m² K)] (Fuentes 1987, table 3)

#: Air-mass modifier coefficients a0…a4 of De Soto et al. (2006) for crystalline silicon.
DESOTO_AIRMASS = (0.918093, 0.086257, -0.024459, 0.002816, -0.000126)


# --- cell temperature: Fuentes ----------------------------------------------------------------------

def _hconv(tave, windmod, delta, xlen, sin_tilt, turbulent_check: bool):
    """Convective coefficient, free and forced convection combined (Fuentes 1987, eqs. 11–17) [W/(m² K)]."""
    log_t = np.log(tave)
    densair = 0.003484 * 101325.0 / tave
    visair = 0.24237e-6 * np.exp(0.76 * log_t) / densair
    condair = 2.1695e-4 * np.exp(0.84 * log_t)
    reynold = windmod * xlen / visair
    hforce = 0.8600 / np.sqrt(reynold) * densair * windmod * 1007.0 / 0.71 ** 0.67
    if turbulent_check:
        turb = reynold > 1.2e5
        if np.any(turb):
            hforce = np.where(turb, 0.0282 / reynold ** 0.2 * densair * windmod * 1007.0 / 0.71 ** 0.4, hforce)
    grashof = 9.8 / tave * delta * xlen ** 3 / visair ** 2 * sin_tilt
    hfree = 0.21 * (grashof * 0.71) ** 0.32 * condair / xlen
    return np.cbrt(hfree ** 3 + hforce ** 3)


def _fuentes_constants(noct_installed: np.ndarray, xlen: float, sin_tilt: float, emiss: float, absorp: float):
    """Per column: ground-temperature ratio, convection ratio and heat capacity from the installed NOCT."""
    tinoct = noct_installed + 273.15
    hconv = _hconv((tinoct + 293.15) / 2.0, 1.0, tinoct - 293.15, xlen, sin_tilt, False)
    hground = emiss * _BOLTZ * (tinoct ** 2 + 293.15 ** 2) * (tinoct + 293.15)
    backrat = (absorp * 800.0 - emiss * _BOLTZ * (tinoct ** 4 - 282.21 ** 4) - hconv * (tinoct - 293.15)) / (
        (hground + hconv) * (tinoct - 293.15))
    tground = np.clip((tinoct ** 4 - backrat * (tinoct ** 4 - 293.15 ** 4)) ** 0.25, 293.15, tinoct)
    tgrat = (tground - 293.15) / (tinoct - 293.15)
    convrat = (absorp * 800.0 - emiss * _BOLTZ * (2.0 * tinoct ** 4 - 282.21 ** 4 - tground ** 4)) / (
        hconv * (tinoct - 293.15))
    cap = np.where(tinoct > 321.15, _CAP0 * (1.0 + (tinoct - 321.15) / 12.0), _CAP0)
    return tgrat, convrat, cap


def _fuentes_map(tmod, tmod0, sun0, sun, tamb, tsky, windmod, dtime, tgrat, convrat, cap, xlen, sin_tilt, emiss):
    """One pass of the heat balance (Fuentes 1987, eq. 7): the module temperature [K] the loss
    coefficients at ``tmod`` give after one interval from ``tmod0``."""
    h_c = convrat * _hconv((tmod + tamb) / 2.0, windmod, np.abs(tmod - tamb), xlen, sin_tilt, True)
    h_sky = emiss * _BOLTZ * (tmod ** 2 + tsky ** 2) * (tmod + tsky)
    tground = tamb + tgrat * (tmod - tamb)
    h_gr = emiss * _BOLTZ * (tmod ** 2 + tground ** 2) * (tmod + tground)
    h_all = h_c + h_sky + h_gr
    eigen = -h_all / cap * dtime * 3600.0
    ex = np.where(eigen > -10.0, np.exp(np.maximum(eigen, -10.0)), 0.0)
    return tmod0 * ex + ((1.0 - ex) * (h_c * tamb + h_sky * tsky + h_gr * tground + sun0 + (sun - sun0) / eigen)
                         + sun - sun0) / h_all


def _fuentes_step(tmod0, guess, *inputs, xlen, sin_tilt, emiss, iterations: int):
    """Module temperature [K] after one interval from ``tmod0`` [K], elementwise.

    Fuentes iterates the heat balance ten times from ``tmod0``; here the same fixed point is
    found by Steffensen's method from ``guess`` (quadratic convergence, to 1e-10 K), element by
    element, falling back to plain iteration where the accelerated step is undefined.
    """
    out = np.array(guess, dtype=float)
    act = np.arange(len(out))
    t0 = np.asarray(tmod0, dtype=float)
    ins = [np.asarray(x, dtype=float) for x in inputs]
    for _ in range(iterations):
        x0 = out[act]
        x1 = _fuentes_map(x0, t0, *ins, xlen, sin_tilt, emiss)
        x2 = _fuentes_map(x1, t0, *ins, xlen, sin_tilt, emiss)
        den = x2 - 2.0 * x1 + x0
        with np.errstate(divide="ignore", invalid="ignore"):
            acc = x0 - (x1 - x0) ** 2 / den
        new = np.where(np.isfinite(acc) & (np.abs(den) > 1e-300), acc, x2)
        out[act] = new
        keep = np.abs(new - x0) >= 1e-10
        if not keep.any():
            break
        act = act[keep]
        t0 = t0[keep]
        ins = [x[keep] for x in ins]
    return out


def fuentes_cell(poa_global, temp_air, wind_speed, noct_installed, interval_hours, *, dark_resets: bool = True,
                 tolerance: float = 1e-10, max_sweeps: int = 200, iterations: int = 10, **constants) -> np.ndarray:
    """Cell temperature by the Fuentes model for many columns at once [°C].

    Parameters
    ----------
    poa_global : numpy.ndarray
        Plane-of-array irradiance, (time × column) [W/m²].
    temp_air, wind_speed : numpy.ndarray
        Air temperature [°C] and wind speed [m/s], (time,) or (time × column).
    noct_installed : array-like
        Installed NOCT of each column [°C] (PVWatts: 45 open rack, 49 roof mount).
    interval_hours : float or numpy.ndarray
        Length of each step [h]: a scalar, or (time,) for irregular steps.
    dark_resets : bool
        ``True`` (PVWatts/SSC): where ``poa_global`` is 0 the module is at air temperature and the
        next lit step starts from there. ``False`` (:func:`pvlib.temperature.fuentes`): every step
        runs the heat balance, the first from 293.15 K.
    tolerance : float
        The time recursion is solved by sweeps over the whole series (each step from the previous
        sweep's result for the step before) until no value moves by more than this [K].
    iterations : int
        Fixed-point iterations of the heat balance in each step (Fuentes: 10).
    **constants
        Overrides of :data:`FUENTES_DEFAULTS`.

    Returns
    -------
    numpy.ndarray
        Cell temperature, (time × column) [°C].
    """
    c = {**FUENTES_DEFAULTS, **constants}
    poa = np.asarray(poa_global, dtype=float)
    n_t, n_g = poa.shape
    tamb = np.broadcast_to(np.asarray(temp_air, dtype=float).reshape(n_t, -1), poa.shape) + 273.15
    wind = np.broadcast_to(np.asarray(wind_speed, dtype=float).reshape(n_t, -1), poa.shape)
    emiss, absorp = c["emissivity"], c["absorption"]
    xlen = 2.0 * c["module_width"] * c["module_length"] / (c["module_width"] + c["module_length"])
    sin_tilt = np.sin(np.radians(c["surface_tilt"]))
    tgrat, convrat, cap = _fuentes_constants(np.asarray(noct_installed, dtype=float).reshape(1, n_g),
                                             xlen, sin_tilt, emiss, absorp)
    dtime = np.broadcast_to(np.asarray(interval_hours, dtype=float).reshape(-1, 1), (n_t, 1))
    sun = poa * absorp
    tsky = 0.68 * (0.0552 * tamb ** 1.5) + 0.32 * tamb
    windmod = wind * (c["module_height"] / c["wind_height"]) ** 0.2 + 1e-4
    lit = poa > 0.0 if dark_resets else np.ones(poa.shape, dtype=bool)
    fused = kernels.fuentes_recursion(sun, tamb, tsky, windmod, dtime, lit, tgrat, convrat, cap, xlen, sin_tilt, emiss,
                                      293.15, dark_resets, iterations, tolerance)
    if fused is not None:  # numba: each column's recursion stepped through time
        return fused - 273.15
    # numpy: sweeps over the whole series, all steps at once, until no step moves.
    # what each step starts from: the step before, or air temperature after a dark step
    sun0 = np.zeros_like(sun)
    sun0[1:] = np.where(lit[:-1], sun[:-1], 0.0)
    start = np.full(poa.shape, np.nan)
    start[0] = 293.15 if not dark_resets else tamb[0]
    if dark_resets:
        start[1:] = np.where(lit[:-1], np.nan, tamb[:-1])
    follows = np.isnan(start)           # steps whose start is the previous step's result
    tmod = np.where(lit, tamb + sun / 30.0, tamb)   # first guess: a rough steady state
    rows, cols = np.nonzero(lit)
    args = [sun0[rows, cols], sun[rows, cols], tamb[rows, cols], tsky[rows, cols], windmod[rows, cols],
            dtime[rows, 0], tgrat[0, cols], convrat[0, cols], cap[0, cols]]
    prev_rows = np.maximum(rows - 1, 0)
    chained = follows[rows, cols]
    fixed_start = start[rows, cols]
    todo = np.arange(len(rows))          # steps whose start moved in the last sweep
    moved = np.zeros(poa.shape, dtype=bool)
    for _ in range(max_sweeps):
        if not len(todo):
            break
        r, g = rows[todo], cols[todo]
        tmod0 = np.where(chained[todo], tmod[prev_rows[todo], g], fixed_start[todo])
        new = _fuentes_step(tmod0, tmod[r, g], *(a[todo] for a in args), xlen=xlen, sin_tilt=sin_tilt,
                            emiss=emiss, iterations=iterations)
        delta = np.abs(new - tmod[r, g])
        tmod[r, g] = new
        moved[:] = False
        moved[r, g] = delta > tolerance
        nxt = np.zeros(poa.shape, dtype=bool)
        nxt[1:] = moved[:-1] & follows[1:] & lit[1:]
        todo = np.flatnonzero(nxt[rows, cols])
    return tmod - 273.15


# --- sky diffuse: Perez brightening -------------------------------------------------------------------

_PEREZ_EPSILON_BINS = (1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2)  # sky clearness bin edges (Perez 1990, table 1)


def perez_brightening(dhi, dni, dni_extra, zenith, airmass, model: str = "allsitescomposite1990"):
    """Perez (1990) circumsolar and horizon brightening coefficients ``(F1, F2)`` per interval [-].

    The sky clearness ε and brightness Δ of each interval select and weight the model's
    coefficients (eqs. 1, 2, 6, 7 and table 6 of Perez et al. 1990; the coefficient sets are
    pvlib's). With them the sky diffuse on any plane is
    ``dhi · (½ (1 − F1)(1 + cos β) + F1 · max(cos θ, 0) / max(cos z, cos 85°) + F2 · sin β)``,
    floored at 0 — what :func:`pvlib.irradiance.perez` computes plane by plane. Where ``dhi`` is 0
    or the air mass is undefined (sun below the horizon) both are NaN: no sky diffuse there.

    Parameters
    ----------
    dhi, dni, dni_extra : numpy.ndarray
        Diffuse horizontal, direct normal and extraterrestrial irradiance [W/m²].
    zenith : numpy.ndarray
        Solar zenith [°].
    airmass : numpy.ndarray
        Relative air mass [-].
    model : str
        Coefficient set (pvlib's names).
    """
    from pvlib.irradiance import _get_perez_coefficients
    z = np.radians(np.asarray(zenith, dtype=float))
    dhi = np.asarray(dhi, dtype=float)
    kz3 = 1.041 * z ** 3
    with np.errstate(divide="ignore", invalid="ignore"):
        eps = ((dhi + np.asarray(dni, dtype=float)) / dhi + kz3) / (1.0 + kz3)
        delta = dhi * np.asarray(airmass, dtype=float) / np.asarray(dni_extra, dtype=float)
    k = np.digitize(eps, _PEREZ_EPSILON_BINS)
    f1c, f2c = (np.asarray(c, dtype=float)[np.minimum(k, 7)] for c in _get_perez_coefficients(model))
    f1 = np.maximum(f1c[:, 0] + f1c[:, 1] * delta + f1c[:, 2] * z, 0.0)
    f2 = f2c[:, 0] + f2c[:, 1] * delta + f2c[:, 2] * z
    undefined = ~np.isfinite(eps) | ~np.isfinite(delta) | (eps < 0.0)
    f1[undefined], f2[undefined] = np.nan, np.nan
    return f1, f2


# --- optics ----------------------------------------------------------------------------------------

_N_GLASS, _K_GLASS, _L_GLASS = 1.526, 4.0, 0.002      # De Soto (2006): glass index, extinction [1/m], 2 mm
_N_ARC, _K_ARC, _L_ARC = 1.3, 4.0, 0.002 * 0.01       # anti-reflective coating, 1/100 of the glass thickness


def _transmittance(theta_deg, n_cover: float, n_from: float, k: float, thickness: float):
    """Fresnel (unpolarised) × Bouguer transmittance of one layer, and the refracted angle [°]."""
    theta1 = np.radians(theta_deg)
    theta2 = np.arcsin(n_from / n_cover * np.sin(theta1))
    tr = 1.0 - 0.5 * (np.sin(theta2 - theta1) ** 2 / np.sin(theta2 + theta1) ** 2
                      + np.tan(theta2 - theta1) ** 2 / np.tan(theta2 + theta1) ** 2)
    return tr * np.exp(-k * thickness / np.cos(theta2)), np.degrees(theta2)


def cover_transmittance(aoi, surface_tilt, ar_coating: bool = False, cap: bool = True):
    """Incidence-angle modifiers of beam, sky diffuse and ground-reflected light through the glass [-].

    The beam at its angle of incidence (limited to 1–89°); sky diffuse and ground-reflected light
    at Duffie & Beckman's equivalent angles for the tilt (eqs. 5.4.1–5.4.2), through uncoated
    glass. All relative to the cover at (nearly) normal incidence and capped at 1, as SAM's SSC
    does. With an anti-reflective coating (PVWatts v8's modules) the beam passes the coating, then
    the glass; the normal-incidence reference passes the coating, then the glass as if from air
    (SSC's reference, kept so results agree with SAM's).

    Parameters
    ----------
    aoi : numpy.ndarray
        Angle of incidence of the beam [°].
    surface_tilt : numpy.ndarray
        Tilt [°], broadcastable against ``aoi``.
    ar_coating : bool
        An anti-reflective coating on the glass.
    cap : bool
        Cap the modifiers at 1 (``False``: the smooth ratios, for tabulating).

    Returns
    -------
    tuple of numpy.ndarray
        ``(beam, sky, ground)`` modifiers.
    """
    tilt = np.asarray(surface_tilt, dtype=float)
    theta = np.clip(np.asarray(aoi, dtype=float), 1.0, 89.0)
    if ar_coating:
        tau_c0, theta0 = _transmittance(1.0, _N_ARC, 1.0, _K_ARC, _L_ARC)
        tau_norm = tau_c0 * _transmittance(theta0, _N_GLASS, 1.0, _K_GLASS, _L_GLASS)[0]
        tau_c, theta_in = _transmittance(theta, _N_ARC, 1.0, _K_ARC, _L_ARC)
        tau_b = tau_c * _transmittance(theta_in, _N_GLASS, _N_ARC, _K_GLASS, _L_GLASS)[0]
    else:
        tau_norm = _transmittance(1.0, _N_GLASS, 1.0, _K_GLASS, _L_GLASS)[0]
        tau_b = _transmittance(theta, _N_GLASS, 1.0, _K_GLASS, _L_GLASS)[0]
    theta_sky = 59.7 - 0.1388 * tilt + 0.001497 * tilt ** 2
    theta_gnd = 90.0 - 0.5788 * tilt + 0.002693 * tilt ** 2
    tau_s = _transmittance(theta_sky, _N_GLASS, 1.0, _K_GLASS, _L_GLASS)[0]
    tau_g = _transmittance(theta_gnd, _N_GLASS, 1.0, _K_GLASS, _L_GLASS)[0]
    return tuple(np.minimum(t / tau_norm, 1.0) if cap else t / tau_norm for t in (tau_b, tau_s, tau_g))


def airmass_modifier(zenith, altitude: float, coefficients=DESOTO_AIRMASS):
    """Spectral (air-mass) modifier of De Soto et al. (2006), floored at 0 [-].

    Air mass by King's form of Kasten & Young, corrected for site altitude as in the Sandia
    array model, with the zenith limited to 86° as SAM does.

    Parameters
    ----------
    zenith : numpy.ndarray
        Solar zenith [°].
    altitude : float
        Site above sea level [m].
    """
    z = np.clip(np.asarray(zenith, dtype=float), 0.0, 86.0)
    am = 1.0 / (np.cos(np.radians(z)) + 0.5057 * (96.080 - z) ** -1.634) * np.exp(-0.0001184 * altitude)
    a0, a1, a2, a3, a4 = coefficients
    return np.maximum(a0 + am * (a1 + am * (a2 + am * (a3 + am * a4))), 0.0)


# --- sun timing ------------------------------------------------------------------------------------

#: Half-width of the band around the sunrise elevation where :func:`sunlit_times` trusts no
#: screening estimate [°]: the geocentric estimate differs from the topocentric elevation by the
#: parallax only (< 0.003°).
SCREEN_BAND = 0.05


def sunlit_times(starts: pd.DatetimeIndex, minutes: float, elevation_at, screen=None,
                 rise_at: float = 0.0) -> pd.DatetimeIndex:
    """Where to put the sun in each interval: its middle, or the middle of its sunlit part.

    In an interval where the sun rises (sets), the sun is placed half-way between sunrise (the
    interval start) and the interval end (sunset), as SAM's SSC does for interval-average data.
    Sunrise and sunset are where the elevation of the sun's centre crosses ``rise_at``. Pass the
    geometric (unrefracted) elevation and the geometric elevation at which the apparent one is 0°
    (:func:`~solarfleet.models.simulation.sun.geometric_horizon`): the apparent elevation jumps
    where the refraction correction starts, which leaves a secant search tens of seconds off; the
    geometric one is smooth, so one secant refinement of the straight line between the interval's
    edges finds the crossing to about a second (measured against a bisection to 1 ms over a year
    of hours: at most 1.2 s at 39.9° N, 4.4 s at 53.5° N, 0.5 s at 33.9° S; 58 s at 64.8° N,
    where the sun grazes the horizon).

    Parameters
    ----------
    starts : pandas.DatetimeIndex
        Interval starts (UTC).
    minutes : float
        Interval length [min].
    elevation_at : callable
        ``elevation_at(times) -> numpy.ndarray``, solar elevation [°], continuous in time.
    screen : callable, optional
        ``screen(edges) -> (estimate, exact)``: an estimate of ``elevation_at`` at every interval
        edge, within :data:`SCREEN_BAND` of it [°], and ``exact(positions)`` its value at those
        edges only. The exact elevation is then computed only at both edges of the intervals where
        the sun may be within :data:`SCREEN_BAND` of ``rise_at`` or cross it: elsewhere the
        estimate is on the same side, so the same intervals are found.
    rise_at : float
        Elevation at which the sun counts as up [°].

    Returns
    -------
    pandas.DatetimeIndex
    """
    step = pd.Timedelta(minutes=minutes)
    starts = pd.DatetimeIndex(starts).tz_convert("UTC").as_unit("ns")
    mid = starts + step / 2
    edges = starts.append(starts[-1:] + step)
    if screen is None:
        el = np.asarray(elevation_at(edges), dtype=float) - rise_at
    else:
        el, exact = screen(edges)
        el = np.array(el, dtype=float) - rise_at
        near = (np.minimum(np.abs(el[:-1]), np.abs(el[1:])) < SCREEN_BAND) | ((el[:-1] < 0) != (el[1:] < 0))
        need = np.zeros(len(el), dtype=bool)
        need[:-1] |= near
        need[1:] |= near
        pos = np.flatnonzero(need)
        el[pos] = np.asarray(exact(pos), dtype=float) - rise_at
    e0, e1 = el[:-1], el[1:]
    rise = (e0 < 0.0) & (e1 >= 0.0)
    sets = (e0 >= 0.0) & (e1 < 0.0)
    cross = np.flatnonzero(rise | sets)
    if not len(cross):
        return mid
    t0 = starts.asi8[cross].astype(float)
    width = float(step.value)
    # the straight line between the edges, one evaluation there, then the line across the side
    # that still brackets the crossing
    fa, fb = e0[cross], e1[cross]
    x = -fa * width / (fb - fa)
    fx = np.asarray(elevation_at(pd.to_datetime((t0 + x).astype("int64"), unit="ns", utc=True)), dtype=float) - rise_at
    left = np.sign(fx) == np.sign(fa)
    a, fa = np.where(left, x, 0.0), np.where(left, fx, fa)
    b, fb = np.where(left, width, x), np.where(left, fb, fx)
    x = a - fa * (b - a) / (fb - fa)
    at = mid.asi8.astype(float)
    at[cross] = np.where(rise[cross], t0 + (x + width) / 2.0, t0 + x / 2.0)
    return pd.DatetimeIndex(pd.to_datetime(np.round(at).astype("int64"), unit="ns", utc=True))
