"""SunSpec Modbus: discovery, model-chain walk and decoding of inverter and meter models.

The SunSpec register map starts with the marker ``"SunS"`` (0x5375 0x6E53) at register
40000, 50000 or 0. A chain of models follows, each starting with its id and its length
(registers after the two header registers) and ending with id 0xFFFF. Offsets are
therefore never hard-coded: SolarEdge's common model (id 1) is 65 registers long where
the specification says 66, and everything after it shifts by one. The chain is walked
by ``(id, length)``.

Values are read a whole model at a time, so a value and its scale factor always come
from the same request: ``value = raw × 10**SF``. "Not implemented" sentinels become
``None``: 0x8000 for int16 and sunssf, 0xFFFF for uint16/enum16, 0 for acc32, NaN for
float32.

Register offsets below count from the model's id register (id = 0, length = 1), the way
the SunSpec information model tables number them (e.g. model 103: W at 14, WH at 24–25).
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from typing import Callable, Optional

from solarfleet.models.live.counters import ACC32_MODULUS

__all__ = ["SUNS_MARKER", "BASE_ADDRESSES", "SunSpecError", "SunSpecNotFound", "ModelHeader", "SunSpecMap",
           "discover", "decode_common", "decode_inverter", "decode_meter", "INVERTER_MODELS", "FLOAT_INVERTER_MODELS",
           "METER_MODELS", "ST_STATES", "int16", "uint16", "acc32", "sunssf", "float32", "string"]

SUNS_MARKER = (0x5375, 0x6E53)
BASE_ADDRESSES = (40000, 50000, 0)
END_MODEL = 0xFFFF
INVERTER_MODELS = (101, 102, 103)          # integer + scale factor, length 50
FLOAT_INVERTER_MODELS = (111, 112, 113)    # float32, length 60
METER_MODELS = (201, 202, 203, 204)        # integer + scale factor, length 105
#: SunSpec inverter operating state ``St`` → :data:`solarfleet.models.live.reading.DEVICE_STATES`.
ST_STATES = {1: "off", 2: "sleeping", 3: "starting", 4: "mppt", 5: "throttled", 6: "shutting_down",
             7: "fault", 8: "standby"}

# Offsets from the model id register (SunSpec information model reference).
_INV_W, _INV_W_SF, _INV_WH, _INV_WH_SF = 14, 15, 24, 26
_INV_DCW, _INV_DCW_SF, _INV_ST = 31, 32, 38
_FLT_W, _FLT_WH, _FLT_DCW, _FLT_ST = 22, 32, 38, 48
_MTR_W, _MTR_W_SF, _MTR_WH_EXP, _MTR_WH_IMP, _MTR_WH_SF = 18, 22, 38, 46, 54
_MIN_LENGTH = {**{m: 50 for m in INVERTER_MODELS}, **{m: 60 for m in FLOAT_INVERTER_MODELS},
               **{m: 105 for m in METER_MODELS}}
_MAX_MODELS = 100


class SunSpecError(ValueError):
    """The register map does not follow SunSpec (bad chain, short model, …)."""


class SunSpecNotFound(SunSpecError):
    """No "SunS" marker at any of the base addresses."""


@dataclass(frozen=True)
class ModelHeader:
    """One model of the chain.

    Attributes
    ----------
    model_id : int
    address : int
        Register of the model's id (0-based protocol address).
    length : int
        Registers after the two header registers.
    """

    model_id: int
    address: int
    length: int


@dataclass(frozen=True)
class SunSpecMap:
    """Result of :func:`discover`: base address and the models found, in chain order."""

    base: int
    models: tuple

    def first(self, ids) -> Optional[ModelHeader]:
        return next((m for m in self.models if m.model_id in ids), None)

    @property
    def model_ids(self) -> list[int]:
        return [m.model_id for m in self.models]


# --- register decoding ---------------------------------------------------------------------------

def uint16(r: int) -> Optional[int]:
    return None if r == 0xFFFF else r


def int16(r: int) -> Optional[int]:
    if r == 0x8000:
        return None
    return r - 0x10000 if r & 0x8000 else r


def sunssf(r: int) -> Optional[int]:
    """Scale factor (int16, −10…10); ``None`` if not implemented or out of range."""
    v = int16(r)
    if v is None or not -10 <= v <= 10:
        return None
    return v


def acc32(hi: int, lo: int) -> Optional[int]:
    v = (hi << 16) | lo
    return None if v == 0 else v


def float32(hi: int, lo: int) -> Optional[float]:
    v = struct.unpack(">f", struct.pack(">HH", hi, lo))[0]
    return None if math.isnan(v) or math.isinf(v) else float(v)


def string(regs) -> str:
    raw = b"".join(struct.pack(">H", r) for r in regs)
    return raw.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()


def _scaled(value: Optional[int], sf: Optional[int]) -> Optional[float]:
    if value is None or sf is None:
        return None
    return value * 10.0 ** sf


# --- discovery -----------------------------------------------------------------------------------

ReadFn = Callable[[int, int], list]


def discover(read: ReadFn, bases=BASE_ADDRESSES) -> SunSpecMap:
    """Find the SunSpec base address and walk the model chain.

    Parameters
    ----------
    read : callable
        ``read(address, count) -> list[int]`` reading holding registers; it may raise
        ``IOError`` (e.g. an exception response for an unmapped address).
    bases : sequence of int
        Base addresses to try, in order.

    Raises
    ------
    SunSpecNotFound
        No marker at any base.
    SunSpecError
        The chain is malformed (runs past the address space, loops, or never ends).
    """
    tried, codes = [], set()
    for base in bases:
        try:
            regs = read(base, 2)
        except IOError as exc:
            tried.append(f"{base}: {exc}")
            codes.add(getattr(exc, "exception_code", None))
            continue
        if tuple(regs[:2]) == SUNS_MARKER:
            return SunSpecMap(base, tuple(_walk(read, base + 2)))
        tried.append(f"{base}: no marker (read {regs[0]:#06x} {regs[1]:#06x})")
    if len(codes) == 1 and codes & {4, 10, 11} and len(tried) == len(bases):
        raise SunSpecNotFound(f"the unit does not answer (exception {codes.pop()} at every base address) — "
                              "check the unit id; " + tried[0])
    raise SunSpecNotFound("no SunSpec marker 'SunS' found — tried " + "; ".join(tried))


def _walk(read: ReadFn, address: int) -> list[ModelHeader]:
    models = []
    for _ in range(_MAX_MODELS):
        if address + 2 > 0x10000:
            raise SunSpecError(f"model chain runs past the end of the register space at {address}")
        try:
            model_id, length = read(address, 2)
        except IOError:
            # the end marker may be the last register of the map, without a length after it:
            # read the id alone, as the specification walks the chain (id first)
            if read(address, 1)[0] == END_MODEL:
                return models
            raise
        if model_id == END_MODEL:
            return models
        if model_id == 0 and length == 0:
            raise SunSpecError(f"model chain broken at register {address}: id 0, length 0")
        models.append(ModelHeader(model_id, address, length))
        address += 2 + length
    raise SunSpecError(f"model chain has more than {_MAX_MODELS} models; no end marker found")


# --- model decoding ------------------------------------------------------------------------------

def _check(model_id: int, regs, needed: int) -> None:
    if len(regs) < needed:
        raise SunSpecError(f"model {model_id}: {len(regs)} registers read, {needed} needed")


def decode_common(regs) -> dict:
    """Common model (id 1): manufacturer, model, options, version, serial number.

    ``regs`` starts at the model's id register; works with both the 66-register
    (specification) and 65-register (SolarEdge) lengths.
    """
    _check(1, regs, 2 + 64)
    return {"manufacturer": string(regs[2:18]), "model": string(regs[18:34]), "options": string(regs[34:42]),
            "version": string(regs[42:50]), "serial": string(regs[50:66])}


def decode_inverter(model_id: int, regs) -> dict:
    """Inverter model 101–103 or 111–113 → ``pv_power`` [W], ``pv_energy`` [Wh], ``dc_power`` [W], ``status``.

    ``regs`` is the whole model read in one request, starting at its id register.
    ``pv_energy_modulus`` [Wh] is the wrap value of the integer models' acc32 counter.
    """
    if model_id in INVERTER_MODELS:
        _check(model_id, regs, 2 + 50)
        wh_sf = sunssf(regs[_INV_WH_SF])
        out = {"pv_power": _scaled(int16(regs[_INV_W]), sunssf(regs[_INV_W_SF])),
               "pv_energy": _scaled(acc32(regs[_INV_WH], regs[_INV_WH + 1]), wh_sf),
               "pv_energy_modulus": None if wh_sf is None else ACC32_MODULUS * 10.0 ** wh_sf,
               "dc_power": _scaled(int16(regs[_INV_DCW]), sunssf(regs[_INV_DCW_SF])),
               "st": uint16(regs[_INV_ST])}
    elif model_id in FLOAT_INVERTER_MODELS:
        _check(model_id, regs, 2 + 60)
        out = {"pv_power": float32(regs[_FLT_W], regs[_FLT_W + 1]),
               "pv_energy": float32(regs[_FLT_WH], regs[_FLT_WH + 1]),
               "pv_energy_modulus": None,
               "dc_power": float32(regs[_FLT_DCW], regs[_FLT_DCW + 1]),
               "st": uint16(regs[_FLT_ST])}
    else:
        raise SunSpecError(f"model {model_id} is not an inverter model")
    st = out.pop("st")
    out["status"] = "unknown" if st is None else ST_STATES.get(st, "unknown")
    return out


def decode_meter(model_id: int, regs, sign: int = 1) -> dict:
    """Meter model 201–204 → ``grid_power`` [W], ``grid_import_energy``/``grid_export_energy`` [Wh].

    Parameters
    ----------
    sign : {1, -1}
        Multiplies the meter's total real power so that positive means import from the
        grid. SunSpec leaves the direction to the meter's installation; set −1 for a
        meter that reads positive when exporting.
    """
    if model_id not in METER_MODELS:
        raise SunSpecError(f"model {model_id} is not a meter model")
    _check(model_id, regs, 2 + 105)
    power = _scaled(int16(regs[_MTR_W]), sunssf(regs[_MTR_W_SF]))
    wh_sf = sunssf(regs[_MTR_WH_SF])
    return {"grid_power": None if power is None else sign * power,
            "grid_export_energy": _scaled(acc32(regs[_MTR_WH_EXP], regs[_MTR_WH_EXP + 1]), wh_sf),
            "grid_import_energy": _scaled(acc32(regs[_MTR_WH_IMP], regs[_MTR_WH_IMP + 1]), wh_sf),
            "energy_modulus": None if wh_sf is None else ACC32_MODULUS * 10.0 ** wh_sf}
