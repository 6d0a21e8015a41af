"""Equipment engineers bring: PVsyst ``.PAN`` / ``.OND`` files, datasheets, CEC or Sandia parameters.

Everything ends as the parameters the engine already uses — the CEC (De Soto) single-diode model
for a module (:func:`pvlib.pvsystem.calcparams_cec`) and the Sandia model for an inverter
(:func:`pvlib.inverter.sandia`) — in a :class:`Module` or :class:`Inverter` with the manufacturer
and model for display. Routes:

* module from a datasheet (Voc, Isc, Vmp, Imp, temperature coefficients, cells in series):
  :func:`module_from_datasheet` solves the six CEC equations starting from pvlib's De Soto fits
  (:mod:`pvlib.ivtools.sdm`; pure pvlib and scipy — SAM's ``fit_cec_sam`` needs NREL-PySAM and
  is the cross-check in the tests);
* module from a PVsyst ``.PAN`` (:func:`read_pan`, through :func:`pvlib.iotools.read_panond`):
  the file's STC values and coefficients take the datasheet route (missing coefficients are
  computed from the file's own PVsyst one-diode model, :func:`pvlib.pvsystem.calcparams_pvsyst`);
* module from its CEC / De Soto parameters: :func:`module_from_cec`;
* inverter from a PVsyst ``.OND`` (:func:`read_ond`): its efficiency curves (one, or three at
  three DC voltages) fitted with :func:`pvlib.inverter.fit_sandia`;
* inverter from Sandia parameters (:func:`inverter_from_sandia`) or an efficiency curve
  (:func:`inverter_from_efficiency`).

Every item is checked for physics (ranges, ``Vmp < Voc``, ``Imp < Isc``, fill factor, efficiency,
units): a failure is one :class:`EquipmentError` line naming the file (or form), the line where
the file has one, and the field.
"""
from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

__all__ = ["EquipmentError", "Module", "Inverter", "LIBRARY_PREFIX", "library_key", "read_pan", "read_ond",
           "read_equipment", "module_from_datasheet", "module_from_cec", "inverter_from_sandia",
           "inverter_from_efficiency", "check_module", "check_inverter", "module_power_coefficient"]

#: Keys of library items start with this, so they never collide with a CEC database key.
LIBRARY_PREFIX = "lib:"
_EG_REF, _DEG_DT = 1.121, -0.0002677  # silicon band gap [eV] and its temperature dependence [1/K]
#: Largest relative miss of any of the six fit equations a datasheet fit may leave (datasheet values
#: are rounded; SAM's own fits of the CEC database leave up to ~2 % on Isc for some modules) [-].
_FIT_TOLERANCE = 0.01
#: CEC parameters a library module carries (those the engine and the thermal models read).
MODULE_FIELDS = ("alpha_sc", "a_ref", "I_L_ref", "I_o_ref", "R_sh_ref", "R_s", "Adjust", "gamma_r", "beta_oc",
                 "STC", "A_c", "N_s", "V_oc_ref", "I_sc_ref", "V_mp_ref", "I_mp_ref", "T_NOCT", "EgRef", "dEgdT")
#: Sandia parameters a library inverter carries.
INVERTER_FIELDS = ("Paco", "Pdco", "Vdco", "Pso", "C0", "C1", "C2", "C3", "Pnt", "Vdcmax", "Idcmax",
                   "Mppt_low", "Mppt_high")


class EquipmentError(ValueError):
    """A module or inverter cannot be used; the message is one line naming source, line and field.

    Attributes
    ----------
    source : str
        File name or form.
    field : str
        The offending field (PVsyst's or pvlib's name).
    line : int or None
        Line of the file, where known.
    """

    def __init__(self, source: str, field: str, message: str, line: Optional[int] = None):
        self.source, self.field, self.line = str(source), field, line
        where = f"{self.source}, line {line}" if line else self.source
        super().__init__(f"{where}: {field}: {message}")


@dataclasses.dataclass(frozen=True)
class Module:
    """A module of the equipment library.

    Parameters
    ----------
    manufacturer, model : str
        As the maker names them.
    parameters : dict
        CEC single-diode parameters (:data:`MODULE_FIELDS`; pvlib's names and units: currents
        [A], voltages [V], ``alpha_sc`` [A/°C], ``beta_oc`` [V/°C], ``gamma_r`` [%/°C], ``STC`` [W],
        ``A_c`` [m²], ``T_NOCT`` [°C]).
    source : str
        ``'pan'``, ``'datasheet'`` or ``'cec'``.
    source_file : str
        File name it came from ('' for a form).
    """

    manufacturer: str
    model: str
    parameters: dict
    source: str
    source_file: str = ""

    kind = "module"

    @property
    def key(self) -> str:
        return library_key(self.manufacturer, self.model)

    @property
    def label(self) -> str:
        """``"Acme Solar AS-550M 550 W"``."""
        return f"{self.manufacturer} {self.model} {self.parameters['STC']:.0f} W"


@dataclasses.dataclass(frozen=True)
class Inverter(Module):
    """An inverter of the equipment library (the fields of :class:`Module`).

    ``parameters`` are Sandia parameters (:data:`INVERTER_FIELDS`; powers [W], voltages [V], ``C0``
    [1/W], ``C1``…``C3`` [1/V], ``Idcmax`` [A]); ``source`` is ``'ond'``, ``'sandia'`` or ``'efficiency'``.
    """

    kind = "inverter"

    @property
    def label(self) -> str:
        """``"Acme Power AP-100K 100 kW"``."""
        return f"{self.manufacturer} {self.model} {self.parameters['Paco'] / 1000:g} kW"


def library_key(manufacturer: str, model: str) -> str:
    """The key an array stores for a library item: ``"lib:Acme Solar AS-550M"``."""
    return f"{LIBRARY_PREFIX}{manufacturer.strip()} {model.strip()}"


# --- checks --------------------------------------------------------------------------------------

def _finite(source, params, field, lo=None, hi=None, line=None, unit="") -> float:
    value = params.get(field)
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise EquipmentError(source, field, f"must be a number{' in ' + unit if unit else ''} (got {value!r})",
                             line)
    value = float(value)
    if not math.isfinite(value):
        raise EquipmentError(source, field, f"must be finite (got {value})", line)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise EquipmentError(source, field, f"{value:g} is outside {lo:g}…{hi:g}{' ' + unit if unit else ''}", line)
    return value


def check_module(params: dict, source: str = "module", lines: Optional[dict] = None) -> dict:
    """Physics checks of CEC module parameters; returns them as floats.

    Raises
    ------
    EquipmentError
        Naming the first field that fails: a non-number, a value out of range, ``V_mp_ref ≥
        V_oc_ref``, ``I_mp_ref ≥ I_sc_ref``, a fill factor outside 0.45–0.90, an STC efficiency
        outside 3–30 %, a temperature coefficient of the wrong sign or size.
    """
    lines = lines or {}
    f = {}
    ranges = {"N_s": (1, 400, ""), "V_oc_ref": (0.3, 400, "V"), "I_sc_ref": (0.01, 50, "A"),
              "V_mp_ref": (0.2, 400, "V"), "I_mp_ref": (0.01, 50, "A"), "A_c": (0.05, 6, "m²"),
              "T_NOCT": (30, 70, "°C"), "STC": (1, 1500, "W"), "R_s": (0, 50, "Ω"), "R_sh_ref": (0.1, 1e9, "Ω"),
              "a_ref": (0.01, 50, "V"), "I_L_ref": (0.01, 60, "A"), "I_o_ref": (1e-20, 1e-3, "A"),
              "Adjust": (-100, 100, "%"), "alpha_sc": (-1, 1, "A/°C"), "beta_oc": (-5, 0, "V/°C"),
              "gamma_r": (-1.5, 0, "%/°C"), "EgRef": (0.5, 3, "eV"), "dEgdT": (-0.01, 0.01, "1/K")}
    for name, (lo, hi, unit) in ranges.items():
        f[name] = _finite(source, params, name, lo, hi, lines.get(name), unit)
    if f["V_mp_ref"] >= f["V_oc_ref"]:
        raise EquipmentError(source, "V_mp_ref", f"{f['V_mp_ref']:g} V must be below V_oc_ref {f['V_oc_ref']:g} V",
                             lines.get("V_mp_ref"))
    if f["I_mp_ref"] >= f["I_sc_ref"]:
        raise EquipmentError(source, "I_mp_ref", f"{f['I_mp_ref']:g} A must be below I_sc_ref {f['I_sc_ref']:g} A",
                             lines.get("I_mp_ref"))
    ff = f["V_mp_ref"] * f["I_mp_ref"] / (f["V_oc_ref"] * f["I_sc_ref"])
    if not 0.45 <= ff <= 0.9:
        raise EquipmentError(source, "I_mp_ref", f"fill factor {ff:.2f} is implausible (0.45–0.90 expected)",
                             lines.get("I_mp_ref"))
    per_cell = f["V_oc_ref"] / f["N_s"]
    if not 0.3 <= per_cell <= 1.6:
        raise EquipmentError(source, "N_s", f"{f['N_s']:g} cells give {per_cell:.2f} V per cell "
                             "(0.3–1.6 V expected)", lines.get("N_s"))
    eff = f["STC"] / (f["A_c"] * 1000.0)
    if not 0.03 <= eff <= 0.3:
        raise EquipmentError(source, "A_c", f"{f['STC']:g} W on {f['A_c']:g} m² is {eff:.1%} efficient "
                             "(3–30 % expected; area in m², power in W)", lines.get("A_c"))
    if abs(f["STC"] / (f["V_mp_ref"] * f["I_mp_ref"]) - 1.0) > 0.05:
        raise EquipmentError(source, "STC", f"{f['STC']:g} W differs from V_mp × I_mp = "
                             f"{f['V_mp_ref'] * f['I_mp_ref']:.1f} W by more than 5 %", lines.get("STC"))
    if not 0.0 <= f["alpha_sc"] / f["I_sc_ref"] <= 0.003:
        raise EquipmentError(source, "alpha_sc", f"{f['alpha_sc']:g} A/°C is {f['alpha_sc'] / f['I_sc_ref']:.4%}/°C "
                             "of Isc (0–0.3 %/°C expected)", lines.get("alpha_sc"))
    return f


def check_inverter(params: dict, source: str = "inverter", lines: Optional[dict] = None) -> dict:
    """Physics checks of Sandia inverter parameters; returns them as floats.

    Raises
    ------
    EquipmentError
        Naming the first field that fails (ranges, ``Pdco ≥ Paco`` with an efficiency of 80–100 %,
        ``Pso`` below 10 % of ``Pdco``, MPPT window inside ``Vdcmax``).
    """
    lines = lines or {}
    ranges = {"Paco": (10, 1e8, "W"), "Pdco": (10, 1.2e8, "W"), "Vdco": (10, 3000, "V"), "Pso": (0, 1e7, "W"),
              "C0": (-1e-2, 1e-2, "1/W"), "C1": (-1, 1, "1/V"), "C2": (-1, 1, "1/V"), "C3": (-1, 1, "1/V"),
              "Pnt": (0, 1e5, "W"), "Vdcmax": (10, 3000, "V"), "Idcmax": (0, 1e5, "A"),
              "Mppt_low": (0, 3000, "V"), "Mppt_high": (0, 3000, "V")}
    f = {name: _finite(source, params, name, lo, hi, lines.get(name), unit) for name, (lo, hi, unit) in ranges.items()}
    eta = f["Paco"] / f["Pdco"]
    if not 0.8 <= eta <= 1.0:
        raise EquipmentError(source, "Pdco", f"Paco / Pdco = {eta:.1%} (80–100 % expected; both in W)",
                             lines.get("Pdco"))
    if f["Pso"] > 0.1 * f["Pdco"]:
        raise EquipmentError(source, "Pso", f"{f['Pso']:g} W is more than 10 % of Pdco", lines.get("Pso"))
    if f["Mppt_high"] and not f["Mppt_low"] < f["Mppt_high"] <= f["Vdcmax"]:
        raise EquipmentError(source, "Mppt_high", f"MPPT window {f['Mppt_low']:g}–{f['Mppt_high']:g} V must lie "
                             f"below Vdcmax {f['Vdcmax']:g} V", lines.get("Mppt_high"))
    return f


# --- modules -------------------------------------------------------------------------------------

def module_power_coefficient(params: dict) -> float:
    """Power temperature coefficient of CEC parameters at 1000 W/m², 25→50 °C [%/°C]."""
    import pvlib
    kw = {k: params[k] for k in ("alpha_sc", "a_ref", "I_L_ref", "I_o_ref", "R_sh_ref", "R_s", "Adjust")}
    out = pvlib.pvsystem.calcparams_cec(np.array([1000.0, 1000.0]), np.array([25.0, 50.0]), EgRef=_EG_REF,
                                        dEgdT=_DEG_DT, **kw)
    p = pvlib.pvsystem.max_power_point(*out, method="newton")["p_mp"]
    return float((p[1] / p[0] - 1.0) / 25.0 * 100.0)


def module_from_datasheet(manufacturer: str, model: str, *, v_oc: float, i_sc: float, v_mp: float, i_mp: float,
                          alpha_sc: float, beta_voc: float, gamma_pmp: float, cells_in_series: int, area: float,
                          t_noct: float = 45.0, source: str = "datasheet", source_file: str = "",
                          lines: Optional[dict] = None) -> Module:
    """Fit CEC parameters to datasheet values.

    Parameters
    ----------
    v_oc, i_sc, v_mp, i_mp : float
        STC open-circuit voltage [V], short-circuit current [A], maximum-power voltage [V] and current [A].
    alpha_sc : float
        Temperature coefficient of Isc [%/°C] (as datasheets print it, e.g. 0.048).
    beta_voc : float
        Temperature coefficient of Voc [%/°C] (e.g. −0.27).
    gamma_pmp : float
        Temperature coefficient of Pmp [%/°C] (e.g. −0.35).
    cells_in_series : int
        Cells in series (a half-cell module of 144 cells in two parallel halves: 72).
    area : float
        Module area [m²].
    t_noct : float
        NOCT [°C].

    Returns
    -------
    Module

    Notes
    -----
    The six CEC parameters are solved together (:func:`_fit_cec6`) from the three STC points, a
    zero power slope at maximum power and both temperature coefficients, as SAM's six-parameter
    fit does, starting from pvlib's De Soto fits (:func:`pvlib.ivtools.sdm.fit_desoto_batzelis`,
    :func:`pvlib.ivtools.sdm.fit_desoto`). Values no single-diode model can meet are refused.
    """
    src = source_file or source
    lines = lines or {}
    name_check = {"V_oc_ref": v_oc, "I_sc_ref": i_sc, "V_mp_ref": v_mp, "I_mp_ref": i_mp, "A_c": area,
                  "N_s": cells_in_series, "T_NOCT": t_noct, "STC": _mul(v_mp, i_mp), "alpha_sc": _mul(alpha_sc, i_sc, 0.01),
                  "beta_oc": _mul(beta_voc, v_oc, 0.01), "gamma_r": gamma_pmp}
    base = {**name_check, "R_s": 0.1, "R_sh_ref": 100.0, "a_ref": 1.0, "I_L_ref": 1.0, "I_o_ref": 1e-10,
            "Adjust": 0.0, "EgRef": _EG_REF, "dEgdT": _DEG_DT}
    f = check_module(base, src, lines)
    try:
        params = {**f, **_fit_cec6(f, gamma_pmp)}
    except (RuntimeError, ValueError, FloatingPointError, ZeroDivisionError) as exc:
        raise EquipmentError(src, "V_mp_ref", f"no single-diode model fits these values ({exc})".replace("\n", " "),
                             lines.get("V_mp_ref")) from None
    reached = module_power_coefficient(params)
    params["gamma_r"] = reached  # the model's own coefficient, as simulated
    if abs(reached - gamma_pmp) > 0.05:
        raise EquipmentError(src, "gamma_r", f"{gamma_pmp:g} %/°C cannot be reached together with the Voc "
                             f"coefficient {beta_voc:g} %/°C (best {reached:.3f} %/°C)", lines.get("gamma_r"))
    return Module(manufacturer.strip(), model.strip(), check_module(params, src, lines), source, source_file)


def _fit_cec6(f: dict, gamma_pmp: float) -> dict:
    """The six CEC parameters that reproduce the three STC points, a zero power slope at the
    maximum-power point, and the Voc and Pmp temperature coefficients (25 → 50 °C) of ``f``.

    As in Dobos (2012, J. Sol. Energy Eng. 134(2)), SAM's coefficient generator, the Voc
    coefficient the model must meet is ``beta_oc · (1 + Adjust/100)``: ``Adjust`` trades a little
    Voc-coefficient accuracy for the power coefficient, which matters more for energy.

    Starts from Batzelis' explicit De Soto solution refined by :func:`pvlib.ivtools.sdm.fit_desoto`
    (``Adjust = 0``), then solves the six equations together by least squares.
    """
    import pvlib
    from pvlib.ivtools import sdm
    from scipy.optimize import least_squares
    voc, isc, vmp, imp, alpha, beta = (f[k] for k in ("V_oc_ref", "I_sc_ref", "V_mp_ref", "I_mp_ref", "alpha_sc",
                                                      "beta_oc"))
    start = sdm.fit_desoto_batzelis(vmp, imp, voc, isc, alpha, beta)
    try:
        guess = {"IL_0": start["I_L_ref"], "Io_0": start["I_o_ref"], "Rs_0": start["R_s"],
                 "Rsh_0": start["R_sh_ref"], "a_0": start["a_ref"]}
        start, _ = sdm.fit_desoto(vmp, imp, voc, isc, alpha, beta, int(f["N_s"]), EgRef=_EG_REF, dEgdT=_DEG_DT,
                                  init_guess=guess)
    except RuntimeError:
        pass  # Batzelis' values are the start
    pmp, dt = vmp * imp, 25.0  # the interval of module_power_coefficient

    def unpack(x):
        return dict(I_L_ref=x[0], I_o_ref=math.exp(x[1]), R_s=x[2], R_sh_ref=math.exp(x[3]), a_ref=x[4], Adjust=x[5])

    def residuals(x):
        p = unpack(x)
        sd = (p["I_L_ref"], p["I_o_ref"], p["R_s"], p["R_sh_ref"], p["a_ref"])
        i = pvlib.pvsystem.i_from_v(np.array([0.0, voc, vmp, vmp - 1e-3, vmp + 1e-3]), *sd)
        hot = pvlib.pvsystem.calcparams_cec(np.array([1000.0]), np.array([25.0 + dt]), alpha, p["a_ref"],
                                            p["I_L_ref"], p["I_o_ref"], p["R_sh_ref"], p["R_s"], p["Adjust"],
                                            EgRef=_EG_REF, dEgdT=_DEG_DT)
        voc_hot = pvlib.pvsystem.v_from_i(0.0, *hot)[0]
        pmp_hot = pvlib.pvsystem.max_power_point(*hot, method="newton")["p_mp"][0]
        didv = (i[4] - i[3]) / 2e-3
        return [(i[0] - isc) / isc, i[1] / isc, (i[2] - imp) / imp, (imp + vmp * didv) / imp,
                (voc_hot - voc - beta * (1.0 + p["Adjust"] / 100.0) * dt) / voc, (pmp_hot / pmp - 1.0 - gamma_pmp / 100.0 * dt) * 20.0]

    x0 = [float(start["I_L_ref"]), math.log(float(start["I_o_ref"])), max(float(start["R_s"]), 1e-4),
          math.log(max(float(start["R_sh_ref"]), 1.0)), float(start["a_ref"]), 0.0]
    lo = [0.5 * isc, -60.0, 0.0, 0.0, 0.05 * x0[4], -100.0]
    hi = [1.5 * isc, -2.0, 0.9 * (voc - vmp) / imp, 20.0, 5.0 * x0[4], 100.0]
    x0 = [min(max(v, a + 1e-9), b - 1e-9) for v, a, b in zip(x0, lo, hi)]
    res = least_squares(residuals, x0, bounds=(lo, hi), xtol=1e-12, ftol=1e-12, gtol=1e-12)
    if np.max(np.abs(res.fun)) > _FIT_TOLERANCE:
        raise RuntimeError(f"the six equations are not met (largest residual {np.max(np.abs(res.fun)):.2g})")
    return {k: float(v) for k, v in unpack(res.x).items()}


def _mul(a, b, scale=1.0):
    """``a × b × scale`` when both are numbers, else ``a`` (so the check names the bad field)."""
    ok = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
    return a * b * scale if ok else a


def module_from_cec(manufacturer: str, model: str, params: dict, source_file: str = "") -> Module:
    """A module from its CEC (or De Soto, ``Adjust = 0``) parameters, checked; ``gamma_r`` is
    computed from them when missing."""
    p = {"Adjust": 0.0, "EgRef": _EG_REF, "dEgdT": _DEG_DT, "T_NOCT": 45.0, **params}
    for k in ("V_mp_ref", "I_mp_ref"):
        if k not in p:
            raise EquipmentError(source_file or "cec", k, "is required")
    p.setdefault("STC", _mul(p["V_mp_ref"], p["I_mp_ref"]))
    if "gamma_r" not in p:
        check_module({**p, "gamma_r": -0.4}, source_file or "cec")
        p["gamma_r"] = module_power_coefficient(p)
    return Module(manufacturer.strip(), model.strip(), check_module(p, source_file or "cec"), "cec", source_file)


# --- PVsyst files --------------------------------------------------------------------------------

def _read_panond(path: Path, kind: str) -> tuple[dict, str]:
    """``(contents, text)`` of a PVsyst file whose top object is ``kind``."""
    from pvlib.iotools import read_panond
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EquipmentError(name, "file", f"cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:4096]:
        raise EquipmentError(name, "file", "is binary, not a PVsyst text file")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        content = read_panond(path, encoding=encoding)
    except Exception as exc:  # the parser raises whatever a malformed line makes it raise
        raise EquipmentError(name, "file", f"is not a PVsyst file ({type(exc).__name__}: {exc})"[:300]) from None
    top = content.get("PVObject_") if isinstance(content, dict) else None
    if not isinstance(top, dict) or top.get("PVObject_") != kind:
        found = top.get("PVObject_") if isinstance(top, dict) else None
        raise EquipmentError(name, "PVObject_", f"must be {kind} (found {found!r})", _line_of(text, "PVObject_"))
    return top, text


def _line_of(text: str, field: str) -> Optional[int]:
    """1-based line where ``field=`` first appears in ``text``."""
    m = re.search(rf"^\s*{re.escape(field)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _commercial(top: dict, name: str, text: str) -> tuple[str, str]:
    com = top.get("PVObject_Commercial")
    com = com if isinstance(com, dict) else {}
    out = []
    for field in ("Manufacturer", "Model"):
        value = com.get(field)
        if value is None or str(value).strip() == "":
            raise EquipmentError(name, field, "is missing (PVObject_Commercial)", _line_of(text, field))
        out.append(re.sub(r"\s+", " ", str(value)).strip()[:120])
    return out[0], out[1]


def read_pan(path) -> Module:
    """A module from a PVsyst ``.PAN`` file.

    Reads ``Isc``, ``Voc``, ``Imp``, ``Vmp`` [A, V], ``NCelS``, ``muISC`` [mA/°C], ``muVocSpec``
    [mV/°C], ``muPmpReq`` [%/°C], ``Width`` × ``Height`` [m] and the PVsyst one-diode model
    (``RSerie``, ``RShunt``, ``Rp_0``, ``Rp_Exp``, ``Gamma``, ``muGamma``). A missing ``muVocSpec``
    or ``muPmpReq`` is computed from that model (:func:`pvlib.pvsystem.calcparams_pvsyst`).

    The CEC module keeps the file's STC point and temperature coefficients exactly; its low-light
    behaviour is the CEC model's, not PVsyst's (measured on tests/models/equipment_files: within
    1.1 % of the file's PVsyst model above 400 W/m², up to 2.7 % higher at 100 W/m²).

    Raises
    ------
    EquipmentError
        Naming the file, the line and the PVsyst field.
    """
    name = Path(path).name
    top, text = _read_panond(path, "pvModule")
    manufacturer, model = _commercial(top, name, text)
    com = top.get("PVObject_Commercial") if isinstance(top.get("PVObject_Commercial"), dict) else {}
    lines = {ours: _line_of(text, theirs) for ours, theirs in _PAN_FIELDS.items()}
    v = {}
    for ours, theirs in _PAN_FIELDS.items():
        holder = com if theirs in ("Width", "Height") else top
        if theirs in holder:
            v[theirs] = _finite(name, holder, theirs, line=lines[ours])
    for required in ("Isc", "Voc", "Imp", "Vmp", "NCelS", "muISC", "Width", "Height"):
        if required not in v:
            raise EquipmentError(name, required, "is missing", _line_of(text, required))
    if v.get("GRef", 1000.0) != 1000.0 or v.get("TRef", 25.0) != 25.0:
        raise EquipmentError(name, "GRef", "values must be at STC (GRef=1000, TRef=25)", _line_of(text, "GRef"))
    mu_voc, gamma = v.get("muVocSpec"), v.get("muPmpReq")
    if mu_voc is None or gamma is None:
        model_voc, model_gamma = _pvsyst_coefficients(v, name, text)
        mu_voc = model_voc if mu_voc is None else mu_voc
        gamma = model_gamma if gamma is None else gamma
    return module_from_datasheet(
        manufacturer, model, v_oc=v["Voc"], i_sc=v["Isc"], v_mp=v["Vmp"], i_mp=v["Imp"],
        alpha_sc=v["muISC"] / 1000.0 / v["Isc"] * 100.0, beta_voc=mu_voc / 1000.0 / v["Voc"] * 100.0,
        gamma_pmp=gamma, cells_in_series=int(v["NCelS"]), area=v["Width"] * v["Height"],
        t_noct=45.0, source="pan", source_file=name, lines=lines)


#: Our name (as in :func:`check_module`, where one exists) → the PVsyst field.
_PAN_FIELDS = {"I_sc_ref": "Isc", "V_oc_ref": "Voc", "I_mp_ref": "Imp", "V_mp_ref": "Vmp", "N_s": "NCelS",
               "alpha_sc": "muISC", "beta_oc": "muVocSpec", "gamma_r": "muPmpReq", "A_c": "Width",
               "height": "Height", "R_s": "RSerie", "R_sh_ref": "RShunt", "R_sh_0": "Rp_0", "R_sh_exp": "Rp_Exp",
               "gamma_ref": "Gamma", "mu_gamma": "muGamma", "GRef": "GRef", "TRef": "TRef"}


def _pvsyst_coefficients(v: dict, name: str, text: str) -> tuple[float, float]:
    """Voc [mV/°C] and Pmp [%/°C] coefficients of the file's own PVsyst one-diode model."""
    import pvlib
    for need in ("RSerie", "RShunt", "Gamma"):
        if need not in v:
            raise EquipmentError(name, need, "is missing (needed when muVocSpec or muPmpReq is absent)",
                                 _line_of(text, need))
    ns = int(v["NCelS"])
    nvth = v["Gamma"] * ns * 1.380649e-23 * 298.15 / 1.602176634e-19
    rs, rsh = v["RSerie"], v["RShunt"]
    # I_L and I_o from the short-circuit and open-circuit points (linear in both)
    a = np.array([[1.0, -math.expm1(v["Isc"] * rs / nvth)], [1.0, -math.expm1(v["Voc"] / nvth)]])
    b = np.array([v["Isc"] * (1.0 + rs / rsh), v["Voc"] / rsh])
    i_l, i_o = np.linalg.solve(a, b)
    if not (i_l > 0 and i_o > 0):
        raise EquipmentError(name, "RSerie", "the PVsyst model of this file has no physical solution",
                             _line_of(text, "RSerie"))
    out = pvlib.pvsystem.calcparams_pvsyst(
        np.array([1000.0, 1000.0]), np.array([25.0, 50.0]), alpha_sc=v["muISC"] / 1000.0, gamma_ref=v["Gamma"],
        mu_gamma=v.get("muGamma", 0.0), I_L_ref=i_l, I_o_ref=i_o, R_sh_ref=rsh, R_sh_0=v.get("Rp_0", rsh * 4),
        R_s=rs, cells_in_series=ns, R_sh_exp=v.get("Rp_Exp", 5.5))
    p = pvlib.pvsystem.max_power_point(*out, method="newton")
    voc = pvlib.pvsystem.singlediode(*out)["v_oc"]
    return float((voc[1] - voc[0]) / 25.0 * 1000.0), float((p["p_mp"][1] / p["p_mp"][0] - 1) / 25.0 * 100.0)


def read_ond(path) -> Inverter:
    """An inverter from a PVsyst ``.OND`` file.

    Reads ``PNomConv`` [kW AC], ``VMppMin`` / ``VMPPMax`` / ``VAbsMax`` [V], ``IMaxDC`` [A],
    ``Night_Loss`` [W] and the efficiency profile(s) ``ProfilPIO`` or ``ProfilPIOV1…3`` (points
    ``Pin, Pout`` [kW]) at the voltages ``VNomEff`` [V], and fits the Sandia model to them
    (:func:`pvlib.inverter.fit_sandia`).
    """
    name = Path(path).name
    top, text = _read_panond(path, "pvGInverter")
    manufacturer, model = _commercial(top, name, text)
    conv = top.get("Converter")
    if not isinstance(conv, dict):
        raise EquipmentError(name, "Converter", "is missing", _line_of(text, "Converter"))
    line = {k: _line_of(text, k) for k in ("PNomConv", "VMppMin", "VMPPMax", "VAbsMax", "IMaxDC", "Night_Loss",
                                          "VNomEff", "ProfilPIO")}
    paco = _finite(name, conv, "PNomConv", 0.01, 1e5, line["PNomConv"], "kW") * 1000.0
    v_min = _finite(name, conv, "VMppMin", 1, 3000, line["VMppMin"], "V")
    v_max = _finite(name, conv, "VMPPMax", v_min, 3000, line["VMPPMax"], "V")
    v_abs = _finite(name, conv, "VAbsMax", v_max, 3000, line["VAbsMax"], "V") if "VAbsMax" in conv else v_max
    i_max = _finite(name, conv, "IMaxDC", 0, 1e5, line["IMaxDC"], "A") if "IMaxDC" in conv else 0.0
    p_nt = _finite(name, conv, "Night_Loss", 0, 1e4, line["Night_Loss"], "W") if "Night_Loss" in conv else 0.0
    curves = _ond_curves(conv, name, text, v_min, v_max)
    dc = np.concatenate([c[1] for c in curves])
    ac = np.concatenate([c[2] for c in curves])
    volts = np.concatenate([np.full(len(c[1]), c[0]) for c in curves])
    levels = np.concatenate([np.full(len(c[1]), lvl) for c, lvl in zip(curves, ("Vmin", "Vnom", "Vmax"))])
    return inverter_from_efficiency(manufacturer, model, p_ac_0=paco, dc_power=dc, ac_power=ac, dc_voltage=volts,
                                    dc_voltage_level=levels, p_nt=p_nt, vdcmax=v_abs, idcmax=i_max, mppt_low=v_min,
                                    mppt_high=v_max, source="ond", source_file=name)


def _ond_curves(conv: dict, name: str, text: str, v_min: float, v_max: float) -> list:
    """``[(voltage [V], dc [W], ac [W])]`` for Vmin, Vnom and Vmax (one profile is used at all three)."""
    keys = [k for k in ("ProfilPIOV1", "ProfilPIOV2", "ProfilPIOV3") if isinstance(conv.get(k), dict)]
    if len(keys) == 3:
        volts = conv.get("VNomEff")
        vals = [x for x in volts if x != ""] if isinstance(volts, list) else []
        if len(vals) < 3 or not all(isinstance(x, (int, float)) and 0 < x <= 3000 for x in vals[:3]):
            raise EquipmentError(name, "VNomEff", f"must list three DC voltages in V (got {volts!r})",
                                 _line_of(text, "VNomEff"))
        return [(float(v),) + _ond_points(conv[k], k, name, text) for v, k in zip(sorted(vals[:3]), keys)]
    if isinstance(conv.get("ProfilPIO"), dict):
        pts = _ond_points(conv["ProfilPIO"], "ProfilPIO", name, text)
        return [(v,) + pts for v in (v_min, (v_min + v_max) / 2.0, v_max)]
    raise EquipmentError(name, "ProfilPIO", "no efficiency profile (ProfilPIO or ProfilPIOV1…3)",
                         _line_of(text, "Converter"))


def _ond_points(profile: dict, key: str, name: str, text: str) -> tuple:
    pts = []
    for k, val in profile.items():
        if not k.startswith("Point_"):
            continue
        if (not isinstance(val, list) or len(val) < 2
                or not all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
                           for x in val[:2])):
            raise EquipmentError(name, f"{key}.{k}", f"must be 'Pin,Pout' in kW (got {val!r})", _line_of(text, k))
        pts.append(val[:2])
    pts = np.array([p for p in pts if p[0] > 0 and p[1] > 0], dtype=float).reshape(-1, 2)
    if len(pts) < 3:
        raise EquipmentError(name, key, "needs at least three points with power", _line_of(text, key))
    if np.any(pts[:, 1] > pts[:, 0]):
        raise EquipmentError(name, key, "has an output above its input (efficiency over 100 %)", _line_of(text, key))
    return pts[:, 0] * 1000.0, pts[:, 1] * 1000.0


# --- inverters -----------------------------------------------------------------------------------

def inverter_from_sandia(manufacturer: str, model: str, params: dict, source_file: str = "") -> Inverter:
    """An inverter from its Sandia (CEC database) parameters, checked; MPPT and limits default to 0 / Vdcmax."""
    p = {"Pnt": 0.0, "Idcmax": 0.0, "Mppt_low": 0.0, "Mppt_high": 0.0, **params}
    p.setdefault("Vdcmax", p.get("Vdco", 0.0) * 1.5 if isinstance(p.get("Vdco"), (int, float)) else p.get("Vdco"))
    return Inverter(manufacturer.strip(), model.strip(), check_inverter(p, source_file or "sandia"), "sandia",
                    source_file)


def inverter_from_efficiency(manufacturer: str, model: str, *, p_ac_0: float, dc_power: Sequence[float],
                             ac_power: Sequence[float], dc_voltage: Sequence[float], dc_voltage_level: Sequence[str],
                             p_nt: float = 0.0, vdcmax: float = 0.0, idcmax: float = 0.0, mppt_low: float = 0.0,
                             mppt_high: float = 0.0, source: str = "efficiency", source_file: str = "") -> Inverter:
    """Fit Sandia parameters to measured efficiency points (:func:`pvlib.inverter.fit_sandia`).

    Parameters
    ----------
    p_ac_0 : float
        AC rating [W].
    dc_power, ac_power : sequence of float
        Input and output power of each point [W].
    dc_voltage : sequence of float
        DC voltage of each point [V].
    dc_voltage_level : sequence of {'Vmin', 'Vnom', 'Vmax'}
        Which of the three voltage levels each point belongs to.
    p_nt : float
        Night consumption [W].
    """
    import pvlib
    import pandas as pd
    src = source_file or source
    dc = np.asarray(dc_power, dtype=float)
    ac = np.asarray(ac_power, dtype=float)
    if dc.shape != ac.shape or dc.size < 9 or not (np.isfinite(dc).all() and np.isfinite(ac).all()):
        raise EquipmentError(src, "dc_power", "needs at least three finite points at each of three voltages")
    try:
        fit = pvlib.inverter.fit_sandia(pd.Series(ac), pd.Series(dc), pd.Series(np.asarray(dc_voltage, float)),
                                        pd.Series(list(dc_voltage_level)), p_ac_0, p_nt)
    except Exception as exc:  # the least-squares fit fails on degenerate points
        raise EquipmentError(src, "dc_power", f"the efficiency points cannot be fitted ({exc})") from None
    params = {k: float(fit[k]) for k in ("Paco", "Pdco", "Vdco", "Pso", "C0", "C1", "C2", "C3", "Pnt")}
    params.update(Vdcmax=float(vdcmax or params["Vdco"] * 1.5), Idcmax=float(idcmax), Mppt_low=float(mppt_low),
                  Mppt_high=float(mppt_high))
    return Inverter(manufacturer.strip(), model.strip(), check_inverter(params, src), source, source_file)


def read_equipment(path):
    """A :class:`Module` from a ``.pan`` file or an :class:`Inverter` from an ``.ond`` file."""
    suffix = Path(path).suffix.casefold()
    if suffix == ".pan":
        return read_pan(path)
    if suffix == ".ond":
        return read_ond(path)
    raise EquipmentError(Path(path).name, "file", "must be a PVsyst .PAN (module) or .OND (inverter) file")
