"""numba implementations of :mod:`solarfleet.models.simulation.kernels` (imported on first use only:
importing numba takes about half a second). Each mirrors the numpy function of the same name there.
"""
from __future__ import annotations

import sys

import numba
import numpy as np

# Serial loops (``prange`` runs as ``range``): on the 2-core machine numba's worker threads made the
# whole fleet run 2× slower than one thread (0.60 s against 0.25 s, measured side by side), and the
# engine already runs one process per core in cluster studies.
_jit = numba.njit(cache=not getattr(sys, "frozen", False), nogil=True, fastmath=False, parallel=False)
_prange = numba.prange
_scalar = numba.njit(cache=not getattr(sys, "frozen", False), nogil=True, inline="always")


@_scalar
def _light_point(direct, sky, ground, soil, shade, fb, fs, fg, coated, spectral, f_am):  # pragma: no cover
    """One interval of one light column: ``(after soiling, reaching the module, through the cover,
    converted)`` [W/m²] from the beam, sky and ground parts of its orientation."""
    d, s, g = direct * soil, sky * soil, ground * soil
    raw = d + s + g
    d, s, g = d * shade, s * shade, g * shade
    p = d + s + g
    th = d * fb + s * fs + g * fg
    if coated and th > p:
        th = p
    return raw, p, th, (th * f_am if spectral else th)


@_scalar
def _pvwatts8_cell_point(effective, temp_air, rise, k, wind_factor):  # pragma: no cover - compiled
    """PVWatts v8 cell temperature of one interval [°C] (``rise`` = INOCT − 20, ``wind_factor`` from
    :func:`kernels.pvwatts8_wind_factor`)."""
    return temp_air + (effective / 800.0 * rise * k * wind_factor if effective > 0.0 else 0.0)


@_scalar
def _bilinear_point(table, x, y, rx, ry, y_min, x_max, y_max, i_top, j_top):  # pragma: no cover - compiled
    """Bilinear interpolation at one point (``rx``, ``ry`` the reciprocal steps; clipped to the table)."""
    xs = min(max(x, 0.0), x_max) * rx
    ys = (min(max(y, y_min), y_max) - y_min) * ry
    i = min(int(xs), i_top)
    j = min(int(ys), j_top)
    fx, fy = xs - i, ys - j
    a, b = table[i, j], table[i + 1, j]
    c, d = table[i, j + 1], table[i + 1, j + 1]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


@_jit
def _light_columns_nb(direct, sky, ground, orient, soil_keep, shade_keep, month, cover, fb, fs, fg, coated,
                      f_am, spectral, weight, poa, through, effective):  # pragma: no cover - compiled
    n_t, n_l = direct.shape[0], orient.shape[0]
    keep_poa = poa.shape[0] > 0   # (l × t) outputs; poa and through (0 × t) when not wanted
    e = np.zeros((4, n_l))
    for j in _prange(n_l):
        o, c = orient[j], cover[j]
        e0 = e1 = e2 = e3 = 0.0
        for t in range(n_t):
            w = weight[t]
            raw, p, th, ef = _light_point(direct[t, o], sky[t, o], ground[t, o], soil_keep[month[t], j], shade_keep[j],
                                          fb[t, c], fs[c], fg[c], coated[j], spectral[j], f_am[t])
            effective[j, t] = ef
            if keep_poa:
                poa[j, t], through[j, t] = p, th
            e0 += w * raw
            e1 += w * p
            e2 += w * th
            e3 += w * ef
        e[0, j], e[1, j], e[2, j], e[3, j] = e0, e1, e2, e3
    return e

@_jit
def _plane_of_array_nb(cz, sx, sy, dni, ghi, dhi, f1, f2, b, alb_t, visible, weight, ct, st, ca, sa, alb_o, pitch,
                       sky_far, sky_row):  # pragma: no cover - compiled
    n_t, n_o = cz.shape[0], ct.shape[0]
    out = np.empty((5, n_o, n_t))
    e = np.zeros((3, n_o))
    for o in _prange(n_o):
        rows = np.isfinite(pitch[o])
        e0 = e1 = e2 = 0.0
        for t in range(n_t):
            c = min(max(cz[t] * ct[o] + st[o] * (sy[t] * ca[o] + sx[t] * sa[o]), -1.0), 1.0)
            d = max(dni[t] * c, 0.0)
            s = max(dhi[t] * (0.5 * (1.0 - f1[t]) * (1.0 + ct[o]) + f1[t] * max(c, 0.0) / b[t] + f2[t] * st[o]), 0.0)
            g = ghi[t] * alb_t[t] * (alb_o[o] * (1.0 - ct[o]) * 0.5)
            raw = d + s + g
            w = weight[t]
            e0 += w * raw
            d *= visible[t]
            s *= sky_far[o]
            e1 += w * (d + s + g)
            s *= sky_row[o]
            if rows:
                den = abs(ct[o] * cz[t] + st[o] * (sx[t] * sa[o] + sy[t] * ca[o]))
                shaded = 1.0 - pitch[o] * cz[t] / den if den > 0.0 else 0.0
                if not np.isfinite(shaded):
                    shaded = 0.0
                d *= 1.0 - min(max(shaded, 0.0), 1.0)
            e2 += w * (d + s + g)
            out[0, o, t], out[1, o, t], out[2, o, t], out[3, o, t], out[4, o, t] = d, s, g, raw, c
        e[0, o], e[1, o], e[2, o] = e0, e1, e2
    return out[0], out[1], out[2], out[3], out[4], e

_BOLTZ = 5.669e-8

@_scalar
def _hconv_s(tave, windmod, delta, xlen, sin_tilt):  # pragma: no cover - compiled
    log_t = np.log(tave)
    densair = 0.003484 * 101325.0 / tave
    visair = 0.24237e-6 * np.exp(0.76 * log_t) / densair
    condair = 2.1695e-4 * np.exp(0.84 * log_t)
    reynold = windmod * xlen / visair
    if reynold > 1.2e5:
        hforce = 0.0282 / reynold ** 0.2 * densair * windmod * 1007.0 / 0.71 ** 0.4
    else:
        hforce = 0.8600 / np.sqrt(reynold) * densair * windmod * 1007.0 / 0.71 ** 0.67
    grashof = 9.8 / tave * delta * xlen ** 3 / visair ** 2 * sin_tilt
    hfree = 0.21 * (grashof * 0.71) ** 0.32 * condair / xlen
    return np.cbrt(hfree ** 3 + hforce ** 3)

@_scalar
def _fuentes_map_s(tmod, tmod0, sun0, sun, tamb, tsky, windmod, dtime, tgrat, convrat, cap, xlen, sin_tilt,
                   emiss):  # pragma: no cover - compiled
    h_c = convrat * _hconv_s((tmod + tamb) / 2.0, windmod, abs(tmod - tamb), xlen, sin_tilt)
    h_sky = emiss * _BOLTZ * (tmod ** 2 + tsky ** 2) * (tmod + tsky)
    tground = tamb + tgrat * (tmod - tamb)
    h_gr = emiss * _BOLTZ * (tmod ** 2 + tground ** 2) * (tmod + tground)
    h_all = h_c + h_sky + h_gr
    eigen = -h_all / cap * dtime * 3600.0
    ex = np.exp(eigen) if eigen > -10.0 else 0.0
    return tmod0 * ex + ((1.0 - ex) * (h_c * tamb + h_sky * tsky + h_gr * tground + sun0 + (sun - sun0) / eigen)
                         + sun - sun0) / h_all

@_jit
def _fuentes_nb(sun, tamb, tsky, windmod, dtime, lit, tgrat, convrat, cap, xlen, sin_tilt, emiss, first,
                dark_resets, iterations, tolerance):  # pragma: no cover - compiled
    n_t, n_g = sun.shape
    out = np.empty((n_t, n_g))
    for t in range(n_t):          # one time step for every column, then the next
        for g in range(n_g):
            ta = tamb[t, g]
            if not lit[t, g]:
                out[t, g] = ta
                continue
            if t == 0:
                tmod0, sun0 = (first if not dark_resets else ta), 0.0
            elif lit[t - 1, g]:
                tmod0, sun0 = out[t - 1, g], sun[t - 1, g]
            else:
                tmod0, sun0 = tamb[t - 1, g], 0.0
            x = ta + sun[t, g] / 30.0
            for _ in range(iterations):
                x1 = _fuentes_map_s(x, tmod0, sun0, sun[t, g], ta, tsky[t, g], windmod[t, g], dtime[t],
                                    tgrat[g], convrat[g], cap[g], xlen, sin_tilt, emiss)
                x2 = _fuentes_map_s(x1, tmod0, sun0, sun[t, g], ta, tsky[t, g], windmod[t, g], dtime[t],
                                    tgrat[g], convrat[g], cap[g], xlen, sin_tilt, emiss)
                den = x2 - 2.0 * x1 + x
                new = x2
                if abs(den) > 1e-300:
                    acc = x - (x1 - x) ** 2 / den
                    if np.isfinite(acc):
                        new = acc
                done = abs(new - x) < tolerance
                x = new
                if done:
                    break
            out[t, g] = x
    return out


@_jit
def _diode_mpp_nb(il, io, rs, rsh, nnsvth):  # pragma: no cover - compiled
    n = il.shape[0]
    p_out, v_out = np.empty(n), np.empty(n)
    for k in _prange(n):
        vd = nnsvth[k] * np.log(il[k] / io[k] + 1.0)   # open-circuit estimate
        for _ in range(100):
            a = np.exp(vd / nnsvth[k])
            i = il[k] - io[k] * (a - 1.0) - vd / rsh[k]
            v = vd - i * rs[k]
            gi = -io[k] * a / nnsvth[k] - 1.0 / rsh[k]
            gv = 1.0 - gi * rs[k]
            g2i = -io[k] * a / nnsvth[k] ** 2
            g2p = gv * gi + v * g2i + gi * gv + i * (-g2i * rs[k])
            step = (v * gi + i * gv) / g2p
            vd -= step
            if abs(step) <= 1e-12 + 1e-12 * abs(vd):
                break
        i = il[k] - io[k] * (np.exp(vd / nnsvth[k]) - 1.0) - vd / rsh[k]
        v = vd - i * rs[k]
        p_out[k], v_out[k] = i * v, v
    return p_out, v_out

@_jit
def _uniform_interp_nb(table, x0, dx, x):  # pragma: no cover - compiled
    out = np.empty(x.shape[0])
    top = table.shape[0] - 1.0
    for k in _prange(x.shape[0]):
        u = min(max((x[k] - x0) / dx, 0.0), top)
        i = min(int(u), table.shape[0] - 2)
        f = u - i
        out[k] = table[i] * (1.0 - f) + table[i + 1] * f
    return out

@_jit
def _bilinear_nb(table, x, y, x_step, y_min, y_step, x_max, y_max, out):  # pragma: no cover - compiled
    i_top, j_top = table.shape[0] - 2, table.shape[1] - 2
    rx, ry = 1.0 / x_step, 1.0 / y_step
    for k in range(x.shape[0]):
        out[k] = _bilinear_point(table, x[k], y[k], rx, ry, y_min, x_max, y_max, i_top, j_top)
    return out

@_jit
def _inverter_ac(kind, q, slope, p_dc, v_dc):  # pragma: no cover - compiled
    """One inverter's AC before its limit [W]: PVWatts (``kind`` 0), Sandia (1), or Sandia without
    voltage terms (2: a line of ``slope``, the numbers of kind 1 with C0–C3 = 0), as the engine's numpy."""
    if kind == 0:  # q: k, pdc0
        out = ((p_dc / q[1]) * -0.0162 + 0.9858) * p_dc - 0.0059 * q[1]
        return max(out * q[0], 0.0)
    # q: Paco, Pdco, Pso, Pnt, C0, C1, C2, C3, Vdco, modules per string
    tare = -abs(q[3])
    if kind == 2:
        return max(tare if p_dc < q[2] else slope * (p_dc - q[2]), tare)
    dv = v_dc * q[9] - q[8]
    a = q[1] * (1.0 + q[5] * dv)
    b = q[2] * (1.0 + q[6] * dv)
    c = q[4] * (1.0 + q[7] * dv)
    x = p_dc - b
    out = tare if p_dc < q[2] else (q[0] / (a - b) - c * (a - b)) * x + c * x * x
    return max(out, tare)


@_jit
def _month_sums(unit, month, weight, out):  # pragma: no cover - compiled
    """``Σ weight · unit`` per calendar month into ``out`` (12,) [W·h]; the month's sum is kept in a
    register over each run of one month (the intervals are in time order)."""
    out[:] = 0.0
    m_run, e_run = -1, 0.0
    for k in range(weight.shape[0]):
        m = month[k]
        if m != m_run:
            if m_run >= 0:
                out[m_run] = e_run
            m_run, e_run = m, out[m]
        e_run += weight[k] * unit[k]
    if m_run >= 0:
        out[m_run] = e_run


@_jit
def _output_row(unit_p, unit_v, unit_month, mult, factor, month, weight, w_dark, kd, qi, clip, keep, ac, dc,
                e_month, sums):  # pragma: no cover - compiled
    """One array: DC after its losses, inverter, limit and AC losses from one unit's power ``unit_p``
    and voltage ``unit_v`` (lit time,) and the unit's monthly energy ``unit_month`` (12,), into its
    rows ``ac``, ``dc``, ``e_month``, ``sums``; returns its AC without light [W].

    The DC energies follow from the unit's monthly ones (the DC factors are monthly); the AC after
    the AC losses is the inverter's times the share kept: only the inverter's two energies are
    summed interval by interval."""
    slope = 0.0
    if kd == 1 and qi[4] == 0.0 and qi[5] == 0.0 and qi[6] == 0.0 and qi[7] == 0.0:
        kd, slope = 2, qi[0] / (qi[1] - qi[2])
    night = _inverter_ac(kd, qi, slope, 0.0, 0.0)
    e_dc = 0.0
    for m in range(12):
        e_month[m] = unit_month[m] * mult
        e_dc += e_month[m] * factor[m]
    e_unclipped = w_dark * night
    e_inv = w_dark * min(night, clip)
    m_run, f_run = -1, 0.0
    for k in range(weight.shape[0]):
        w, m = weight[k], month[k]
        if m != m_run:
            m_run, f_run = m, factor[m]
        p = unit_p[k] * mult * f_run
        out = _inverter_ac(kd, qi, slope, p, unit_v[k])
        e_unclipped += w * out
        out = min(out, clip)
        e_inv += w * out
        ac[k], dc[k] = out * keep, p
    sums[0], sums[1], sums[2], sums[3] = e_dc, e_unclipped, e_inv, e_inv * keep
    return min(night, clip) * keep


@_jit
def _array_outputs_nb(unit_p, unit_v, u_idx, mult, factor, month, weight, w_dark, kind, q, clip, keep,
                      ac, dc, dark_ac):  # pragma: no cover - compiled
    n = u_idx.shape[0]
    e_month = np.zeros((n, 12))
    sums = np.zeros((n, 4))
    unit_month = np.zeros((unit_p.shape[1], 12))
    for u in range(unit_p.shape[1]):
        _month_sums(unit_p[:, u], month, weight, unit_month[u])
    for i in range(n):
        u = u_idx[i]
        uv = min(u, unit_v.shape[1] - 1)   # one zero column when no unit has a voltage
        dark_ac[i] = _output_row(unit_p[:, u], unit_v[:, uv], unit_month[u], mult[i], factor[i], month, weight,
                                 w_dark, kind[i], q[i], clip[i], keep[i], ac[i], dc[i], e_month[i], sums[i])
    return e_month, sums


@_jit
def _pvwatts8_chain_nb(direct, sky, ground, month, weight, fb, fs, fg, f_am, temp_air, wind_factor,
                       b_orient, b_cover, b_coated, b_spectral, base, soil_keep, shade_keep, rise, k,
                       table, e_step, t_min, t_step, members, starts, g0, g1, mult, factor, w_dark, kind, q, clip, keep,
                       ac, dc, dark_ac, e_light, e_month, sums, scratch):  # pragma: no cover - compiled
    n_t, n_b = direct.shape[0], b_orient.shape[0]
    # the light of each base setting (orientation, cover), clean and unshaded, with its monthly
    # energies: a group's is its base's times its monthly soiling and its shading (all four steps
    # scale with the light that reaches the module, the coated cover's cap too)
    b_eff = scratch[:n_b]
    b_month = np.zeros((n_b, 3, 12))   # [Wh/m²]: reaching the module, through the cover, converted
    for j in range(n_b):
        o, c = b_orient[j], b_cover[j]
        for t in range(n_t):
            raw, p, th, ef = _light_point(direct[t, o], sky[t, o], ground[t, o], 1.0, 1.0, fb[t, c], fs[c], fg[c],
                                          b_coated[j], b_spectral[j], f_am[t])
            b_eff[j, t] = ef
            w, m = weight[t], month[t]
            b_month[j, 0, m] += w * raw
            b_month[j, 1, m] += w * th
            b_month[j, 2, m] += w * ef
    # one group's cell temperature and module power, reused from group to group: they stay in the
    # cache; the table look-up runs as a loop of its own (a long fused body stalls on its misses)
    eff, cell, unit, no_voltage = scratch[n_b], scratch[n_b + 1], scratch[n_b + 2], scratch[n_b + 3]
    no_voltage[:] = 0.0
    kept = np.empty(12)
    unit_month = np.empty(12)
    i_top, j_top = table.shape[0] - 2, table.shape[1] - 2
    rx, ry = 1.0 / e_step, 1.0 / t_step
    x_max, y_max = (table.shape[0] - 1) * e_step, t_min + (table.shape[1] - 1) * t_step
    for g in range(g0, g1):
        j = base[g]
        e0 = e2 = e3 = 0.0
        for m in range(12):
            kept[m] = soil_keep[m, g] * shade_keep[g]
            e0 += soil_keep[m, g] * b_month[j, 0, m]
            e2 += kept[m] * b_month[j, 1, m]
            e3 += kept[m] * b_month[j, 2, m]
        e_light[0, g], e_light[1, g], e_light[2, g], e_light[3, g] = e0, e0 * shade_keep[g], e2, e3
        for t in range(n_t):
            ef = b_eff[j, t] * kept[month[t]]
            eff[t], cell[t] = ef, _pvwatts8_cell_point(ef, temp_air[t], rise[g], k, wind_factor[t])
        for t in range(n_t):
            unit[t] = _bilinear_point(table, eff[t], cell[t], rx, ry, t_min, x_max, y_max, i_top, j_top)
        _month_sums(unit, month, weight, unit_month)
        for m in range(starts[g], starts[g + 1]):
            i = members[m]
            dark_ac[i] = _output_row(unit, no_voltage, unit_month, mult[i], factor[i], month, weight, w_dark, kind[i],
                                     q[i], clip[i], keep[i], ac[i], dc[i], e_month[i], sums[i])


@_jit
def _cover_beam_nb(table, x0, dx, cos_aoi, cols):  # pragma: no cover - compiled
    n_t, k = cos_aoi.shape[0], cols.shape[0]
    beam = np.empty((k, n_t))
    top = table.shape[0] - 1.0
    for j in range(k):
        c = cols[j]
        for t in range(n_t):
            u = min(max((cos_aoi[t, c] - x0) / dx, 0.0), top)
            i = min(int(u), table.shape[0] - 2)
            f = u - i
            beam[j, t] = min(table[i] * (1.0 - f) + table[i + 1] * f, 1.0)
    return beam


@_jit
def _pvwatts8_cell_nb(effective, temp_air, f, noct, k, out):  # pragma: no cover - compiled
    n_t, n_c = effective.shape[0], effective.shape[1]
    for j in range(n_c):
        rise_j = noct[j] - 20.0
        for t in range(n_t):
            out[j, t] = _pvwatts8_cell_point(effective[t, j], temp_air[t], rise_j, k, f[t])
    return out
