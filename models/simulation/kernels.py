"""The engine's elementwise hot loops, fused with numba when it is installed, else in plain numpy.

Each public function here has two implementations that compute the same numbers (tested to
1e-12 relative per kernel): a numpy one, always available, and a numba one that runs the whole
chain of a function in one pass over the matrix, without temporaries, column after column
(:func:`fuentes_recursion`, :func:`diode_mpp`, :func:`array_outputs`, :func:`pvwatts8_cell` and
:func:`pvwatts8_chain` are numba only: without it they return ``None`` and their callers keep
the numpy sweeps, pvlib's solver and the engine's numpy steps). Which one
runs is :func:`backend`: ``'numba'`` when numba imports, ``'numpy'`` otherwise or when the
environment variable ``SOLARFLEET_KERNELS=numpy`` is set (tests compare both paths).

Why numba rather than numexpr: the chain has table look-ups (gathers), per-column parameters,
branches (dark intervals) and weighted sums; numexpr fuses
elementwise expressions only, numba compiles all of it (docs/validation.md, § Engine speed).
"""
from __future__ import annotations

import os

import numpy as np

__all__ = ["backend", "Workspace", "plane_of_array", "light_columns", "fuentes_recursion", "diode_mpp", "uniform_interp",
           "bilinear_table", "array_outputs", "pvwatts8_chain", "cover_beam", "pvwatts8_cell",
           "pvwatts8_wind_factor"]


_UNSET = object()
_nb = _UNSET   # the compiled kernels' module, None for numpy; decided on first use


def _compiled():
    """The module of numba kernels, or ``None`` (numba missing, or ``SOLARFLEET_KERNELS=numpy``)."""
    global _nb
    if _nb is _UNSET:
        _nb = None
        if os.environ.get("SOLARFLEET_KERNELS", "").lower() != "numpy":
            try:
                from solarfleet.models.simulation import _kernels_numba as compiled
                _nb = compiled
            except ImportError:
                pass
    return _nb


def backend() -> str:
    """``'numba'`` or ``'numpy'``: which implementation the engine's kernels run."""
    return "numpy" if _compiled() is None else "numba"


class Workspace:
    """Working memory reused from one park to the next.

    The engine's intermediate matrices (the light converted by the cells, the cell temperature,
    the power of one unit) live for one park only. Written into fresh allocations, each first
    touch of their pages costs about as much as the arithmetic that fills them (measured: a
    quarter of a shared-roof fleet's time); taken from a workspace held for a whole fleet, the
    pages are touched once. A matrix taken under a name is valid until that name is taken again,
    so nothing taken may outlive the park that took it.
    """

    def __init__(self):
        self._buffers: dict = {}

    def take(self, name: str, shape: tuple) -> np.ndarray:
        """A C-contiguous float64 matrix of ``shape`` (uninitialised) under ``name``."""
        n = int(np.prod(shape))
        buf = self._buffers.get(name)
        if buf is None or buf.size < n:   # with headroom: the next park's lit hours may be a few more
            buf = self._buffers[name] = np.empty(n + n // 8)
        return buf[:n].reshape(shape)


def _take(workspace: "Workspace | None", name: str, shape: tuple) -> np.ndarray:
    return np.empty(shape) if workspace is None else workspace.take(name, shape)


def light_columns(direct, sky, ground, orient, soil_keep, shade_keep, month, cover, fb, fs, fg, coated,
                  f_am, spectral, weight, keep_poa: bool = True, workspace: "Workspace | None" = None):
    """The light of each array setting (column ``l``): soiling and shading, the cover, the spectrum.

    Parameters
    ----------
    direct, sky, ground : numpy.ndarray
        Beam, sky-diffuse and ground-reflected irradiance per orientation, (time × orientation) [W/m²].
    orient : numpy.ndarray
        Orientation of each column, (l,).
    soil_keep : numpy.ndarray
        ``1 - soiling`` per calendar month and column, (12 × l) [-].
    shade_keep : numpy.ndarray
        ``1 - shading`` per column, (l,) [-].
    month : numpy.ndarray
        Calendar month of each interval, 0 = January, (time,).
    cover : numpy.ndarray
        Cover-model column (of ``fb``, ``fs``, ``fg``) of each column, (l,).
    fb : numpy.ndarray
        Beam incidence-angle modifier, (time × cover) [-].
    fs, fg : numpy.ndarray
        Sky-diffuse and ground-reflected modifiers, (cover,) [-].
    coated : numpy.ndarray
        Columns whose cover passes at most the light reaching it (PVWatts v8), (l,) bool.
    f_am : numpy.ndarray
        Spectral modifier, (time,) [-]; applied to the columns where ``spectral``, (l,) bool.
    weight : numpy.ndarray
        Interval length [h], 0 where the weather is missing, (time,).
    keep_poa : bool
        Return ``poa`` and ``through`` (else ``None``: only ``effective`` is written, when no
        temperature model needs the other two).
    workspace : Workspace, optional
        Where the numba path writes its matrices (else fresh allocations).

    Returns
    -------
    poa, through, effective : numpy.ndarray
        (time × l) [W/m²]: reaching the module, through the cover, converted (after the spectrum).
    e : numpy.ndarray
        (4 × l) [Wh/m²]: insolation after soiling, after shading, after the cover, after the spectrum.
    """
    args = (np.asarray(orient, dtype=np.intp), np.asarray(soil_keep, dtype=float), np.asarray(shade_keep, dtype=float),
            np.asarray(month, dtype=np.intp), np.asarray(cover, dtype=np.intp), fb, np.asarray(fs, dtype=float),
            np.asarray(fg, dtype=float), np.asarray(coated, dtype=bool), np.asarray(f_am, dtype=float),
            np.asarray(spectral, dtype=bool), np.asarray(weight, dtype=float))
    if _compiled() is not None:
        n_t, n_l = direct.shape[0], len(args[0])
        n_keep = n_l if keep_poa else 0
        poa, through = _take(workspace, "poa", (n_keep, n_t)), _take(workspace, "through", (n_keep, n_t))
        effective = _take(workspace, "effective", (n_l, n_t))
        e = _nb._light_columns_nb(direct, sky, ground, *args, poa, through, effective)
        poa, through, effective = poa.T, through.T, effective.T
    else:
        poa, through, effective, e = _light_columns_np(direct, sky, ground, *args)
    return (poa, through, effective, e) if keep_poa else (None, None, effective, e)


def plane_of_array(cos_zenith, sun_x, sun_y, dni, ghi, dhi, f1, f2, b, albedo_t, visible, tilt, surface_azimuth,
                   albedo_o, pitch, sky_far, sky_row, weight):
    """Beam, sky-diffuse and ground-reflected irradiance of each orientation, with far and row shading.

    The Perez (1990) transposition written with its per-interval brightening coefficients
    ``f1``, ``f2`` (isotropic sky: both 0); the angle of incidence from its cosine (the
    projection of :func:`pvlib.irradiance.aoi_projection`); the row-to-row shaded fraction of
    :func:`pvlib.shading.shaded_fraction1d` for rows along ``surface_azimuth - 90°``, flat
    ground, unit slant height, in its trigonometry-free form ``1 - pitch·cos z / |cos(tilt - θ)·…|``.

    Parameters
    ----------
    cos_zenith, sun_x, sun_y : numpy.ndarray
        cos z, sin z · sin(azimuth) and sin z · cos(azimuth) of the sun, (time,) [-].
    dni, ghi, dhi : numpy.ndarray
        (time,) [W/m²].
    f1, f2 : numpy.ndarray
        Perez circumsolar and horizon brightening coefficients, 0 where there is no sky diffuse, (time,) [-].
    b : numpy.ndarray
        max(cos z, cos 85°), (time,) [-].
    albedo_t, albedo_o : numpy.ndarray
        Albedo factors per interval (time,) and per orientation (orientation,), multiplied [-].
    visible : numpy.ndarray
        1 where the sun is above the far horizon, else 0, (time,) [-].
    tilt, surface_azimuth : numpy.ndarray
        (orientation,) [°].
    pitch : numpy.ndarray
        Row pitch over slant height, ``1/gcr``; NaN for an orientation without rows, (orientation,) [-].
    sky_far, sky_row : numpy.ndarray
        Share of sky diffuse kept by far shading and by row shading, (orientation,) [-].
    weight : numpy.ndarray
        Interval length [h], 0 where the weather is missing, (time,).

    Returns
    -------
    direct, sky, ground, poa_raw, cos_aoi : numpy.ndarray
        (time × orientation), column-contiguous [W/m²] (``cos_aoi`` [-]).
    e : numpy.ndarray
        (3 × orientation) [Wh/m²]: insolation before shading, after far shading, after row shading.
    """
    tr = np.radians(np.asarray(tilt, dtype=float))
    ar = np.radians(np.asarray(surface_azimuth, dtype=float))
    per_o = (np.cos(tr), np.sin(tr), np.cos(ar), np.sin(ar), np.asarray(albedo_o, dtype=float),
             np.asarray(pitch, dtype=float), np.asarray(sky_far, dtype=float), np.asarray(sky_row, dtype=float))
    per_t = tuple(np.ascontiguousarray(x, dtype=float) for x in
                  (cos_zenith, sun_x, sun_y, dni, ghi, dhi, f1, f2, b, albedo_t, visible, weight))
    if _compiled() is not None:
        direct, sky, ground, raw, cos_aoi, e = _nb._plane_of_array_nb(*per_t, *per_o)
        return direct.T, sky.T, ground.T, raw.T, cos_aoi.T, e
    return _plane_of_array_np(*per_t, *per_o)


def fuentes_recursion(sun, tamb, tsky, windmod, dtime, lit, tgrat, convrat, cap, xlen: float, sin_tilt: float,
                      emiss: float, first: float, dark_resets: bool, iterations: int, tolerance: float):
    """The Fuentes heat balance stepped through time for every column at once (numba only).

    The recursion steps through time for all columns at once (every column's step ``t``, then
    ``t + 1``); each step solves the
    step's heat balance to ``tolerance`` [K] by Steffensen's method, at most ``iterations`` times,
    exactly as :func:`solarfleet.models.simulation.physics.fuentes_cell`'s numpy sweeps converge to.

    Returns the module temperature [K], (time × column), or ``None`` without numba (the caller
    then sweeps in numpy).
    """
    if _compiled() is None:
        return None
    shape = sun.shape
    b = (lambda x: np.ascontiguousarray(np.broadcast_to(x, shape)))  # (time × column), a time step contiguous
    out = _nb._fuentes_nb(b(sun), b(tamb), b(tsky), b(windmod), np.ascontiguousarray(dtime, dtype=float).reshape(-1),
                      b(lit), np.ascontiguousarray(tgrat, dtype=float).reshape(-1),
                      np.ascontiguousarray(convrat, dtype=float).reshape(-1),
                      np.ascontiguousarray(cap, dtype=float).reshape(-1), float(xlen), float(sin_tilt), float(emiss),
                      float(first), bool(dark_resets), int(iterations), float(tolerance))
    return out


def diode_mpp(photocurrent, saturation_current, resistance_series, resistance_shunt, nNsVth):
    """Maximum power point of the single-diode equation, numba only: ``(p_mp [W], v_mp [V])`` or ``None``.

    Newton's method on the derivative of power along Bishop's (1988) explicit form (no reverse-bias
    terms), from the open-circuit estimate — what :func:`pvlib.singlediode.bishop88_mpp` does with
    ``method='newton'`` — iterated to 1e-12 V. Without numba ``None``: the caller uses pvlib.
    """
    if _compiled() is None:
        return None
    arrays = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (
        photocurrent, saturation_current, resistance_series, resistance_shunt, nNsVth)))
    shape = arrays[0].shape
    p, v = _nb._diode_mpp_nb(*(np.ascontiguousarray(x).reshape(-1) for x in arrays))
    return p.reshape(shape), v.reshape(shape)


def array_outputs(unit_p, unit_v, u_idx, mult, factor, month, weight, w_dark, kind, q, clip, keep, ac, dc, dark):
    """DC, inverter, clipping and AC losses of each array, numba only.

    Fills the rows of ``ac`` and ``dc`` (array × lit time) [W] in one pass per array from the
    unit powers, and ``dark`` with what each inverter makes of 0 W DC (its night tare, or 0), the
    AC of every interval without light. Without numba ``None`` (the engine's numpy steps compute
    the same numbers).

    Parameters
    ----------
    unit_p, unit_v : numpy.ndarray
        Power [W] and voltage [V] of one unit, (lit time × unit); the voltage may instead be one
        column of zeros when no inverter reads it (no Sandia inverter with voltage terms).
    u_idx : numpy.ndarray
        Unit of each array, (array,).
    mult : numpy.ndarray
        Units per array, (array,) [-].
    factor : numpy.ndarray
        DC kept after soiling, the other DC losses and degradation per calendar month, (array × 12) [-].
    month : numpy.ndarray
        Calendar month of each lit interval, 0 = January, (lit time,).
    weight : numpy.ndarray
        Length of each lit interval [h], 0 where the weather is missing, (lit time,).
    w_dark : float
        Total length of the intervals without light [h].
    kind : numpy.ndarray
        Inverter model per array: 0 PVWatts, 1 Sandia, (array,).
    q : numpy.ndarray
        Inverter parameters, (array × 10): PVWatts ``eta_inv_nom / 0.9637``, ``pdc0``; Sandia
        ``Paco, Pdco, Pso, Pnt, C0, C1, C2, C3, Vdco``, modules per string.
    clip, keep : numpy.ndarray
        AC limit [W] and share kept after the AC losses [-], (array,).
    ac, dc : numpy.ndarray
        C-contiguous outputs (array × lit time) [W].
    dark : numpy.ndarray
        Output: the AC without light [W], (array,).

    Returns
    -------
    e_month : numpy.ndarray
        DC energy before losses per calendar month, (array × 12) [Wh].
    sums : numpy.ndarray
        (array × 4) [Wh]: DC after losses, AC before the limit, after it, after the AC losses.
    """
    if _compiled() is None:
        return None
    return _nb._array_outputs_nb(unit_p, unit_v, np.asarray(u_idx, dtype=np.intp), mult, factor,
                                 np.asarray(month, dtype=np.intp), weight, float(w_dark),
                                 np.asarray(kind, dtype=np.intp), q, clip, keep, ac, dc, dark)


def pvwatts8_chain(direct, sky, ground, month, weight, fb, fs, fg, f_am, temp_air, wind_factor, bases, groups,
                   efficiency_factor: float, table, table_steps: tuple, members, starts, chunk: range, outputs,
                   workspace: "Workspace | None" = None):
    """From the light of each orientation to every array's AC, for arrays on PVWatts v8 only; numba only
    (else ``None``: the engine's steps compute the same numbers to rounding).

    The light of each base setting (orientation and cover) is computed once, clean and unshaded;
    a group's (one monthly soiling, shading and INOCT) is its base's scaled by its soiling and
    shading, since every light step scales with the light reaching the module. Per group, its cell
    temperature (:func:`pvwatts8_cell`) and the module table (:func:`bilinear_table`) give one
    module's power over the lit intervals into a vector that stays in the cache, and
    :func:`array_outputs` turns it into each member array's DC and AC, without the (time × group)
    matrices between the steps.

    Parameters
    ----------
    direct, sky, ground, month, weight, fb, fs, fg, f_am
        As :func:`light_columns`.
    temp_air : numpy.ndarray
        (time,) [°C].
    wind_factor : numpy.ndarray
        :func:`pvwatts8_wind_factor` of each interval, (time,) [-].
    bases : tuple
        Per base setting: orientation, cover column, ``coated``, ``spectral`` (as :func:`light_columns`).
    groups : tuple
        Per group: base setting, ``soil_keep`` (12 × group), ``shade_keep`` [-], INOCT − 20 [°C].
    efficiency_factor : float
        As :func:`pvwatts8_cell`.
    table, table_steps
        The module's power table [W] and ``(irradiance step, temperature minimum, temperature step)``.
    members, starts : numpy.ndarray
        Arrays ordered by group, and where each group's start in it, (group + 1,).
    chunk : range
        The groups to compute (the caller checks for a cancel between chunks).
    outputs : tuple
        The arguments of :func:`array_outputs` from ``mult`` on, less ``month`` and ``weight``
        (``mult, factor, w_dark, kind, q, clip, keep, ac, dc, dark``), then ``e_light`` (4 × group)
        [Wh/m²] as :func:`light_columns` returns it, ``e_month`` and ``sums`` as :func:`array_outputs`
        returns them, all filled in place.
    workspace : Workspace, optional
        Where the kernel keeps the bases' light and one group's vectors (else fresh memory).
    """
    if _compiled() is None:
        return None
    scratch = _take(workspace, "chain", (len(bases[0]) + 4, direct.shape[0]))
    _nb._pvwatts8_chain_nb(direct, sky, ground, month, weight, fb, fs, fg, f_am, temp_air, wind_factor, *bases,
                           *groups, float(efficiency_factor), table, *table_steps, members, starts, chunk.start,
                           chunk.stop, *outputs, scratch)
    return outputs


def cover_beam(table, x0: float, dx: float, cos_aoi, columns):
    """Beam modifier of a cover, tabulated against cos(aoi), for the ``columns`` of ``cos_aoi``.

    Linear interpolation in ``table`` (sampled at ``x0 + k·dx``, cos(aoi) clipped to its range, as SSC
    clamps the angle to 1–89°), capped at 1. The sky and ground modifiers apply at every sun angle,
    also with the sun edge-on or behind the plane, as in SSC's DC path (``cec6par_module_t``).

    Returns
    -------
    numpy.ndarray
        (time × column), column-contiguous [-].
    """
    columns = np.asarray(columns, dtype=np.intp)
    if _compiled() is not None:
        return _nb._cover_beam_nb(table, float(x0), float(dx), cos_aoi, columns).T
    return np.minimum(uniform_interp(table, x0, dx, cos_aoi[:, columns]), 1.0)


def pvwatts8_wind_factor(wind_speed):
    """The wind term of PVWatts v8's cell temperature, ``9.5 / (5.7 + 3.8 · max(0.51 · wind, 0.001))``
    [-], from the wind speed [m/s] (0.51: the one-story reduction of SAM's NOCT model)."""
    return 9.5 / (5.7 + 3.8 * np.maximum(np.asarray(wind_speed, dtype=float) * 0.51, 0.001))


def pvwatts8_cell(effective, temp_air, wind_speed, noct_installed, efficiency_factor: float,
                  workspace: "Workspace | None" = None):
    """PVWatts v8 cell temperature of every column in one pass, numba only (else ``None``).

    ``T = T_air + E/800 · (INOCT − 20) · efficiency_factor · 9.5 / (5.7 + 3.8 · max(0.51 · wind, 0.001))``
    where ``E > 0``, else ``T_air``: :func:`solarfleet.models.simulation.thermal.pvwatts8_cell`
    in the same order of operations. ``effective`` (time × column) [W/m²], ``temp_air`` [°C] and
    ``wind_speed`` [m/s] (time,), ``noct_installed`` (column,) [°C]; returns (time × column),
    column-contiguous (in ``workspace`` when given).
    """
    if _compiled() is None:
        return None
    out = _take(workspace, "temp_cell", (effective.shape[1], effective.shape[0]))
    _nb._pvwatts8_cell_nb(effective, np.ascontiguousarray(temp_air, dtype=float).reshape(-1),
                          pvwatts8_wind_factor(np.asarray(wind_speed, dtype=float).reshape(-1)),
                          np.ascontiguousarray(noct_installed, dtype=float).reshape(-1),
                          float(efficiency_factor), out)
    return out.T


# --- numpy implementations --------------------------------------------------------------------------

def _plane_of_array_np(cz, sx, sy, dni, ghi, dhi, f1, f2, b, alb_t, visible, weight, ct, st, ca, sa, alb_o, pitch,
                       sky_far, sky_row):
    col = (lambda x: x[:, None])
    cos_aoi = np.clip(col(cz) * ct + st * (col(sy) * ca + col(sx) * sa), -1.0, 1.0)
    direct = np.maximum(col(dni) * cos_aoi, 0.0)
    sky = np.maximum(col(dhi) * (0.5 * (1.0 - col(f1)) * (1.0 + ct) + col(f1) * np.maximum(cos_aoi, 0.0) / col(b)
                                 + col(f2) * st), 0.0)
    ground = col(ghi * alb_t) * (alb_o * (1.0 - ct) * 0.5)
    raw = direct + sky + ground
    e_raw = weight @ raw
    direct = direct * col(visible)
    sky = sky * sky_far
    e_far = weight @ (direct + sky + ground)
    sky = sky * sky_row
    rows = np.isfinite(pitch)
    # cos(tilt - θ) · r with θ the sun's zenith projected across the rows, r = |(x', cos z)|
    x_across = col(sx) * sa[rows] + col(sy) * ca[rows]   # sun_x·cos(axis) − sun_y·sin(axis), axis = azimuth − 90°
    with np.errstate(divide="ignore", invalid="ignore"):
        shaded = 1.0 - pitch[rows] * col(cz) / np.abs(ct[rows] * col(cz) + st[rows] * x_across)
    shaded = np.clip(np.where(np.isfinite(shaded), shaded, 0.0), 0.0, 1.0)
    direct[:, rows] *= 1.0 - shaded
    e_row = weight @ (direct + sky + ground)
    e = np.stack([e_raw, e_far, e_row])
    return direct, sky, ground, raw, cos_aoi, e


# --- numpy implementations --------------------------------------------------------------------------

def _light_columns_np(direct, sky, ground, orient, soil_keep, shade_keep, month, cover, fb, fs, fg, coated,
                      f_am, spectral, weight):
    soil = soil_keep[month]                                    # (t × l)
    d, s, g = direct[:, orient], sky[:, orient], ground[:, orient]
    e_soil = weight @ ((d + s + g) * soil)
    keep = soil * shade_keep[None, :]
    d, s, g = d * keep, s * keep, g * keep
    poa = d + s + g
    through = d * fb[:, cover] + s * fs[cover][None, :] + g * fg[cover][None, :]
    through = np.where(coated[None, :], np.minimum(through, poa), through)
    effective = np.where(spectral[None, :], through * f_am[:, None], through)
    e = np.stack([e_soil, weight @ poa, weight @ through, weight @ effective])
    return poa, through, effective, e


def uniform_interp(table: np.ndarray, x0: float, dx: float, x: np.ndarray) -> np.ndarray:
    """Linear interpolation in ``table`` sampled at ``x0 + k·dx``, ``x`` clipped to the table's range."""
    if _compiled() is not None:
        return _nb._uniform_interp_nb(table, x0, dx, np.ascontiguousarray(x, dtype=float).reshape(-1)).reshape(
            np.shape(x))
    u = np.clip((np.asarray(x, dtype=float) - x0) / dx, 0.0, len(table) - 1.0)
    i = np.minimum(u.astype(np.intp), len(table) - 2)
    f = u - i
    return table[i] * (1.0 - f) + table[i + 1] * f


def bilinear_table(table: np.ndarray, x: np.ndarray, y: np.ndarray, x_step: float, y_min: float,
                   y_step: float, workspace: "Workspace | None" = None) -> np.ndarray:
    """Bilinear interpolation in ``table[i, j]`` sampled at ``(i·x_step, y_min + j·y_step)``.

    ``x`` and ``y`` are clipped to the table; both have the same shape, as the result (in
    ``workspace`` on the numba path when given).
    """
    x_max = (table.shape[0] - 1) * x_step
    y_max = y_min + (table.shape[1] - 1) * y_step
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim == 2 and x.flags.f_contiguous and y.flags.f_contiguous and not x.flags.c_contiguous:
        return bilinear_table(table, x.T, y.T, x_step, y_min, y_step, workspace).T   # column-contiguous: no copy
    if _compiled() is not None:
        xa = np.ascontiguousarray(x, dtype=float)
        ya = np.ascontiguousarray(y, dtype=float)
        out = _take(workspace, "bilinear", xa.shape)
        _nb._bilinear_nb(table, xa.reshape(-1), ya.reshape(-1), x_step, y_min, y_step, x_max, y_max, out.reshape(-1))
        return out
    xs = np.clip(x, 0.0, x_max) / x_step
    ys = (np.clip(y, y_min, y_max) - y_min) / y_step
    i = np.minimum(xs.astype(np.intp), table.shape[0] - 2)
    j = np.minimum(ys.astype(np.intp), table.shape[1] - 2)
    fx, fy = xs - i, ys - j
    return ((table[i, j] * (1 - fx) + table[i + 1, j] * fx) * (1 - fy)
            + (table[i, j + 1] * (1 - fx) + table[i + 1, j + 1] * fx) * fy)
