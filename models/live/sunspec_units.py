"""Every inverter, meter, MPPT and DER model of a SunSpec chain, decoded to SI quantities.

A SunSpec device (a logger, a gateway or one inverter) may carry several *units* in its model
chain: two inverters and a production and a grid meter behind one data logger, say. Each unit is
one model of the chain (integer inverters 101–103, float inverters 111–113, integer meters
201–204, float meters 211–214, DER AC measurement 701, multiple-MPPT extension 160) and is
decoded here to a flat dict of quantities:

``ac_power`` [W] (inverter output; meter total, positive = import as the meter counts), ``energy``
[Wh] (inverter lifetime production), ``energy_import``/``energy_export`` [Wh] (meters), per-phase
``current_a…c`` [A], ``voltage_a…c`` [V] (phase to neutral), ``power_a…c`` [W] (meters),
``frequency`` [Hz], ``power_factor`` [-] (−1…1), ``dc_current`` [A], ``dc_voltage`` [V],
``dc_power`` [W], ``temp_cabinet``/``temp_heatsink``/``temp_transformer``/``temp_other`` [°C],
``state`` (one of :data:`~solarfleet.models.live.reading.DEVICE_STATES`), ``events`` (tuple of event
codes such as ``"ground_fault"``: widgets translate them) and, for model 160, ``mppt`` (one dict per
tracker: ``label``, ``dc_current``, ``dc_voltage``, ``dc_power``, ``dc_energy``, ``temperature``,
``state``, ``events``).

Register offsets count from the model's ID register (ID = 0, L = 1), as the SunSpec information
model tables number them. "Not implemented" values become ``None``, never 0; a float32 0.0 is a
value (SunSpec's float "not implemented" is NaN).
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from typing import Optional

__all__ = ["UNIT_MODELS", "INVERTER_UNIT_MODELS", "METER_UNIT_MODELS", "DER_UNIT_MODELS", "MPPT_MODEL",
           "INVERTER_EVENTS", "METER_EVENTS", "MPPT_EVENTS", "ROLES", "Unit", "decode_unit", "unit_kind",
           "propose_roles", "parse_roles", "format_roles", "weak_trackers", "device_faults"]

INT_INVERTERS, FLOAT_INVERTERS = (101, 102, 103), (111, 112, 113)
INT_METERS, FLOAT_METERS = (201, 202, 203, 204), (211, 212, 213, 214)
INVERTER_UNIT_MODELS = INT_INVERTERS + FLOAT_INVERTERS
METER_UNIT_MODELS = INT_METERS + FLOAT_METERS
DER_UNIT_MODELS = (701,)
MPPT_MODEL = 160
UNIT_MODELS = INVERTER_UNIT_MODELS + METER_UNIT_MODELS + DER_UNIT_MODELS + (MPPT_MODEL,)
#: Shortest length (registers after ID and L) that holds every point read here.
MIN_LENGTH = {**{m: 50 for m in INT_INVERTERS}, **{m: 60 for m in FLOAT_INVERTERS},
              **{m: 105 for m in INT_METERS}, **{m: 124 for m in FLOAT_METERS}, 701: 123, MPPT_MODEL: 8}

#: What a unit does at the site; proposed by :func:`propose_roles`, confirmed by the user.
ROLES = ("pv_inverter", "production_meter", "grid_meter", "load_meter", "battery", "ignore")

#: Inverter event bits (models 101–113 ``Evt1``, model 701 ``Alrm``), bit → code.
INVERTER_EVENTS = {0: "ground_fault", 1: "dc_over_volt", 2: "ac_disconnect", 3: "dc_disconnect",
                   4: "grid_disconnect", 5: "cabinet_open", 6: "manual_shutdown", 7: "over_temp",
                   8: "over_frequency", 9: "under_frequency", 10: "ac_over_volt", 11: "ac_under_volt",
                   12: "blown_string_fuse", 13: "under_temp", 14: "memory_loss", 15: "hw_test_failure",
                   16: "manufacturer_alarm"}
#: Meter event bits (models 201–214 ``Evt``).
METER_EVENTS = {2: "power_failure", 3: "under_voltage", 4: "low_pf", 5: "over_current", 6: "over_voltage",
                7: "missing_sensor"}
#: MPPT module event bits (model 160 ``DCEvt``).
MPPT_EVENTS = {0: "ground_fault", 1: "input_over_voltage", 3: "dc_disconnect", 5: "cabinet_open",
               6: "manual_shutdown", 7: "over_temp", 12: "blown_fuse", 13: "under_temp", 14: "memory_loss",
               15: "arc_detection", 20: "test_failed", 21: "input_under_voltage", 22: "input_over_current"}
#: Operating state enumerations → DEVICE_STATES codes.
_ST = {1: "off", 2: "sleeping", 3: "starting", 4: "mppt", 5: "throttled", 6: "shutting_down", 7: "fault",
       8: "standby"}
_DER_ST = {0: "off", 1: "sleeping", 2: "starting", 3: "mppt", 4: "throttled", 5: "shutting_down", 6: "fault",
           7: "standby"}

# quantity: (offset, type, offset of its scale factor or None); "pct" types are percent → fraction
_INT_INV = {"current": (2, "uint16", 6), "current_a": (3, "uint16", 6), "current_b": (4, "uint16", 6),
            "current_c": (5, "uint16", 6), "voltage_a": (10, "uint16", 13), "voltage_b": (11, "uint16", 13),
            "voltage_c": (12, "uint16", 13), "ac_power": (14, "int16", 15), "frequency": (16, "uint16", 17),
            "power_factor": (22, "int16%", 23), "energy": (24, "acc32", 26), "dc_current": (27, "uint16", 28),
            "dc_voltage": (29, "uint16", 30), "dc_power": (31, "int16", 32), "temp_cabinet": (33, "int16", 37),
            "temp_heatsink": (34, "int16", 37), "temp_transformer": (35, "int16", 37),
            "temp_other": (36, "int16", 37)}
_FLT_INV = {"current": 2, "current_a": 4, "current_b": 6, "current_c": 8, "voltage_a": 16, "voltage_b": 18,
            "voltage_c": 20, "ac_power": 22, "frequency": 24, "power_factor%": 30, "energy": 32, "dc_current": 34,
            "dc_voltage": 36, "dc_power": 38, "temp_cabinet": 40, "temp_heatsink": 42, "temp_transformer": 44,
            "temp_other": 46}
_INT_MTR = {"current": (2, "int16", 6), "current_a": (3, "int16", 6), "current_b": (4, "int16", 6),
            "current_c": (5, "int16", 6), "voltage_a": (8, "int16", 15), "voltage_b": (9, "int16", 15),
            "voltage_c": (10, "int16", 15), "frequency": (16, "int16", 17), "ac_power": (18, "int16", 22),
            "power_a": (19, "int16", 22), "power_b": (20, "int16", 22), "power_c": (21, "int16", 22),
            "power_factor": (33, "int16%", 37), "energy_export": (38, "acc32", 54),
            "energy_import": (46, "acc32", 54)}
_FLT_MTR = {"current": 2, "current_a": 4, "current_b": 6, "current_c": 8, "voltage_a": 12, "voltage_b": 14,
            "voltage_c": 16, "frequency": 26, "ac_power": 28, "power_a": 30, "power_b": 32, "power_c": 34,
            "power_factor": 52, "energy_export": 60, "energy_import": 68}
_DER = {"ac_power": (10, "int16", 116), "power_factor": (13, "int16", 117), "current": (14, "int16", 113),
        "frequency": (17, "uint32", 115), "energy": (19, "uint64", 120), "energy_absorbed": (23, "uint64", 120),
        "temp_cabinet": (36, "int16", 122), "temp_heatsink": (37, "int16", 122),
        "temp_transformer": (38, "int16", 122), "temp_other": (40, "int16", 122),
        "power_a": (41, "int16", 116), "current_a": (45, "int16", 113), "voltage_a": (47, "uint16", 114),
        "power_b": (64, "int16", 116), "current_b": (68, "int16", 113), "voltage_b": (70, "uint16", 114),
        "power_c": (87, "int16", 116), "current_c": (91, "int16", 113), "voltage_c": (93, "uint16", 114)}
# model 160: scale factors in the fixed part, then N modules of 20 registers from offset 10
_MPPT_SF = {"dc_current": 2, "dc_voltage": 3, "dc_power": 4, "dc_energy": 5}
_MPPT_MODULE = {"dc_current": (9, "uint16"), "dc_voltage": (10, "uint16"), "dc_power": (11, "uint16"),
                "dc_energy": (12, "acc32")}
_MPPT_FIXED, _MPPT_SIZE = 10, 20


@dataclass(frozen=True)
class Unit:
    """One unit of a chain: a model at an address.

    Attributes
    ----------
    model_id : int
    address : int
        Register of the model's ID (0-based protocol address).
    length : int
        Registers after ID and L.
    """

    model_id: int
    address: int
    length: int

    @property
    def key(self) -> str:
        """Stable name within the device: ``"<model>@<address>"``."""
        return f"{self.model_id}@{self.address}"

    @property
    def kind(self) -> str:
        return unit_kind(self.model_id)


def unit_kind(model_id: int) -> str:
    """``"inverter"``, ``"meter"``, ``"der"`` or ``"mppt"``; ``ValueError`` for any other model."""
    if model_id in INVERTER_UNIT_MODELS:
        return "inverter"
    if model_id in METER_UNIT_MODELS:
        return "meter"
    if model_id in DER_UNIT_MODELS:
        return "der"
    if model_id == MPPT_MODEL:
        return "mppt"
    raise ValueError(f"model {model_id} is not an inverter, meter, DER or MPPT model")


# --- raw values --------------------------------------------------------------------------------------

def _raw(regs, offset: int, typ: str):
    """The integer or float at ``offset``; None for the type's "not implemented" value."""
    if typ in ("uint16", "enum16"):
        r = regs[offset]
        return None if r == 0xFFFF else r
    if typ == "int16":
        r = regs[offset]
        return None if r == 0x8000 else (r - 0x10000 if r & 0x8000 else r)
    if typ in ("acc32", "uint32", "bitfield32"):
        v = (regs[offset] << 16) | regs[offset + 1]
        sentinel = 0 if typ == "acc32" else 0xFFFFFFFF
        return None if v == sentinel else v
    if typ == "uint64":
        v = 0
        for r in regs[offset:offset + 4]:
            v = (v << 16) | r
        return None if v == 0xFFFFFFFFFFFFFFFF else v
    if typ == "float32":
        v = struct.unpack(">f", struct.pack(">HH", regs[offset], regs[offset + 1]))[0]
        return None if math.isnan(v) or math.isinf(v) else float(v)
    raise ValueError(f"unknown SunSpec type {typ!r}")


def _sf(regs, offset: int) -> Optional[int]:
    v = _raw(regs, offset, "int16")
    return v if v is not None and -10 <= v <= 10 else None


def _scaled(regs, offset: int, typ: str, sf_offset: Optional[int]) -> Optional[float]:
    pct = typ.endswith("%")
    value = _raw(regs, offset, typ.rstrip("%"))
    if value is None:
        return None
    if sf_offset is not None:
        sf = _sf(regs, sf_offset)
        if sf is None:
            return None
        value = value * 10.0 ** sf
    return value / 100.0 if pct else float(value)


def _bits(value: Optional[int], names: dict) -> tuple:
    if value is None:
        return ()
    return tuple(names.get(b, f"bit{b}") for b in range(32) if value >> b & 1)


# --- units -------------------------------------------------------------------------------------------

def decode_unit(model_id: int, regs) -> dict:
    """Quantities of one unit from its whole register block (starting at its ID register).

    Raises
    ------
    ValueError
        ``model_id`` is not a unit model, or ``regs`` is shorter than the points read.
    """
    kind = unit_kind(model_id)
    need = 2 + MIN_LENGTH[model_id]
    if len(regs) < need:
        raise ValueError(f"model {model_id}: {len(regs)} registers read, {need} needed")
    if kind == "mppt":
        return _decode_mppt(regs)
    out: dict = {"model_id": model_id, "kind": kind}
    if model_id in INT_INVERTERS:
        table, state_at, evt_at, states, events = _INT_INV, 38, 40, _ST, INVERTER_EVENTS
    elif model_id in FLOAT_INVERTERS:
        table = {k.rstrip("%"): (o, "float32%" if k.endswith("%") else "float32", None) for k, o in _FLT_INV.items()}
        state_at, evt_at, states, events = 48, 50, _ST, INVERTER_EVENTS
    elif model_id in INT_METERS:
        table, state_at, evt_at, states, events = _INT_MTR, None, 105, None, METER_EVENTS
    elif model_id in FLOAT_METERS:
        table = {k: (o, "float32", None) for k, o in _FLT_MTR.items()}
        state_at, evt_at, states, events = None, 124, None, METER_EVENTS
    else:
        table, state_at, evt_at, states, events = _DER, 4, 6, _DER_ST, INVERTER_EVENTS
    for name, (offset, typ, sf) in table.items():
        out[name] = _scaled(regs, offset, typ, sf)
    if model_id in INT_INVERTERS:
        sf = _sf(regs, 26)
        out["energy_modulus"] = None if sf is None else 2.0 ** 32 * 10.0 ** sf
    elif model_id in INT_METERS:
        sf = _sf(regs, 54)
        out["energy_modulus"] = None if sf is None else 2.0 ** 32 * 10.0 ** sf
    else:
        out["energy_modulus"] = None
    if states is not None:
        st = _raw(regs, state_at, "enum16")
        out["state"] = "unknown" if st is None else states.get(st, "unknown")
    else:
        out["state"] = "ok"
    out["events"] = _bits(_raw(regs, evt_at, "bitfield32"), events)
    return out


def _decode_mppt(regs) -> dict:
    length = regs[1]
    sfs = {k: _sf(regs, o) for k, o in _MPPT_SF.items()}
    n = _raw(regs, 8, "uint16")
    fits = max(0, (length + 2 - _MPPT_FIXED) // _MPPT_SIZE)
    n = fits if n is None else min(n, fits)
    trackers = []
    for i in range(n):
        base = _MPPT_FIXED + i * _MPPT_SIZE
        module = {"label": _string(regs[base + 1:base + 9]) or str(i + 1)}
        for name, (offset, typ) in _MPPT_MODULE.items():
            raw = _raw(regs, base + offset, typ)
            sf = sfs[name]
            module[name] = None if raw is None or sf is None else raw * 10.0 ** sf
        module["temperature"] = _scaled(regs, base + 16, "int16", None)
        st = _raw(regs, base + 17, "enum16")
        module["state"] = "unknown" if st is None else _ST.get(st, "unknown")
        module["events"] = _bits(_raw(regs, base + 18, "bitfield32"), MPPT_EVENTS)
        trackers.append(module)
    return {"model_id": MPPT_MODEL, "kind": "mppt", "mppt": trackers,
            "events": _bits(_raw(regs, 6, "bitfield32"), MPPT_EVENTS), "state": "ok"}


def _string(regs) -> str:
    raw = b"".join(struct.pack(">H", r) for r in regs)
    return raw.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()


# --- roles -------------------------------------------------------------------------------------------

def propose_roles(units, values: dict, meter_sign: int = 1) -> dict:
    """A role for every inverter, meter and DER unit, from its model and the sign of its power.

    Inverters and DER units are PV inverters. A lone meter is the grid meter (the usual
    installation). With two or more meters, the one whose power (import positive, after
    ``meter_sign``) best matches the inverters' output *exported* (−ΣP_inv, within 10 %) is the
    production meter, the first other one the grid meter, the rest load meters.

    Parameters
    ----------
    units : sequence of Unit
    values : dict
        ``unit.key`` → :func:`decode_unit` output (a first reading).
    meter_sign : {1, -1}

    Returns
    -------
    dict
        ``unit.key`` → role (one of :data:`ROLES`); MPPT units have no role.
    """
    roles = {}
    inverters = [u for u in units if u.kind in ("inverter", "der")]
    meters = [u for u in units if u.kind == "meter"]
    for u in inverters:
        roles[u.key] = "pv_inverter"
    p_inv = sum(values.get(u.key, {}).get("ac_power") or 0.0 for u in inverters)
    production = None
    if len(meters) >= 2 and p_inv > 0:
        def miss(u):
            p = values.get(u.key, {}).get("ac_power")
            return math.inf if p is None else abs(meter_sign * p + p_inv)
        best = min(meters, key=miss)
        if miss(best) <= 0.1 * p_inv:
            production = best
    grid_taken = False
    for u in meters:
        if u is production:
            roles[u.key] = "production_meter"
        elif not grid_taken:
            roles[u.key], grid_taken = "grid_meter", True
        else:
            roles[u.key] = "load_meter"
    return roles


def parse_roles(text: Optional[str]) -> dict:
    """``"103@40070=pv_inverter,203@40300=grid_meter"`` → dict; ``ValueError`` names the bad item."""
    out: dict = {}
    if not text:
        return out
    for item in text.split(","):
        key, sep, role = item.strip().partition("=")
        model, at, addr = key.partition("@")
        if not sep or not at or not model.isdigit() or not addr.isdigit() or role not in ROLES:
            raise ValueError(f"roles: {item.strip()!r} is not MODEL@ADDRESS=ROLE with a role among "
                             f"{', '.join(ROLES)}")
        out[key] = role
    return out


def format_roles(roles: dict) -> str:
    """Inverse of :func:`parse_roles`."""
    return ",".join(f"{k}={v}" for k, v in roles.items())


# --- what a technician looks at first -----------------------------------------------------------------

def weak_trackers(trackers, ratio: float = 0.7, min_power: float = 100.0) -> list:
    """MPPT trackers (model 160 modules) producing less than ``ratio`` × the median of their siblings.

    Parameters
    ----------
    trackers : list of dict
        ``mppt`` entries of :func:`decode_unit`.
    ratio : float
        Fraction of the siblings' median DC power below which a tracker under-performs [-].
    min_power : float
        Median DC power below which nothing is judged (dawn, dusk, clouds) [W].

    Returns
    -------
    list of dict
        The under-performing trackers, in order. Trackers without DC power are not judged.
    """
    powers = [t.get("dc_power") for t in trackers]
    known = sorted(p for p in powers if p is not None)
    if len(known) < 2:
        return []
    median = known[len(known) // 2] if len(known) % 2 else (known[len(known) // 2 - 1] + known[len(known) // 2]) / 2
    if median < min_power:
        return []
    return [t for t, p in zip(trackers, powers) if p is not None and p < ratio * median]


def device_faults(details: dict) -> list:
    """``(unit key, code)`` for every unit in a fault state and every event bit set, in unit order.

    ``code`` is ``"fault"`` for the state, an event code (:data:`INVERTER_EVENTS`, …) otherwise, or
    ``"weak_tracker:<label>"`` for an MPPT tracker under-performing its siblings (:func:`weak_trackers`).
    """
    out = []
    for key, v in details.items():
        if v.get("state") == "fault":
            out.append((key, "fault"))
        out += [(key, e) for e in v.get("events", ())]
        for t in v.get("mppt", ()):
            out += [(key, e) for e in t.get("events", ())]
        out += [(key, f"weak_tracker:{t['label']}") for t in weak_trackers(v.get("mppt", ()))]
    return out
