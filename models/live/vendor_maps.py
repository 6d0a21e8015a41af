"""Vendor (non-SunSpec) Modbus register maps, kept as data in ``resources/live_maps/*.json``.

A map file names the registers to read and how to turn them into quantities::

    {
      "name": "example", "vendor": "…", "title": "…", "sources": ["the vendor's protocol document"],
      "notes": ["…"], "default_port": 502, "default_unit_id": 1,
      "word_order": "big", "byte_order": "big",
      "settings": {"ct_ratio": {"address": 6, "type": "uint16", "function": 3}, "pt_ratio": {"default": 1}},
      "blocks": [{"start": 5000, "count": 50, "function": 4},
                 {"start": 13000, "count": 40, "function": 4, "every": 10, "optional": true}],
      "info":   {"model": {"address": 4999, "type": "string", "count": 10, "function": 4}},
      "points": {
        "pv_power":   {"address": 5030, "type": "uint32", "function": 4, "word_order": "little"},
        "voltage_a":  {"address": 5018, "type": "uint16", "function": 4, "scale": 0.1},
        "grid_power": {"address": 8, "type": "float32", "scale": -0.1, "multiply": ["ct_ratio", "pt_ratio"]},
        "frequency":  {"address": 40, "type": "int16", "scale_register": 41},
        "status":     {"address": 5037, "type": "uint16", "function": 4, "states": {"0": "mppt"}},
        "events":     {"address": 5044, "type": "uint32", "function": 4, "bits": {"0": "ground_fault"}}
      }
    }

Blocks
    Each block is read with one request (``function`` 3 = holding registers, the default; 4 =
    input registers), so values that belong together arrive together; every point lies inside one
    block of its function. ``every: N`` puts a block in a slower polling group (read on every N-th
    poll; its last registers are used in between). ``optional`` blocks (a meter that may not be
    fitted) leave their points missing when the device refuses them.
Points
    ``type``: uint16, int16, uint32, int32, uint64, int64, float32, string. ``word_order``/
    ``byte_order`` ("big" or "little"; default the map's, else big): a "little" word order puts the
    low 16 bits first, a "little" byte order swaps the two bytes of each register. ``scale`` turns
    the raw number into SI units (W, Wh, V, A, Hz, °C, W/m²); ``scale_register`` names a register
    (int16, same function) holding a power-of-ten exponent applied on top; ``multiply`` names
    settings (``ct_ratio``, ``pt_ratio``) to multiply by — a meter behind current or voltage
    transformers reports secondary values. ``missing`` lists raw values that mean "not available".
    ``states`` maps raw values to device states (``status``) or to codes (other enumerations);
    ``bits`` maps bit numbers of an ``events`` point to event codes.
    Point names: the reading fields (:data:`POINT_FIELDS`), the detail quantities
    (:data:`DETAIL_FIELDS`) and per-tracker ``mppt<N>_voltage``/``_current``/``_power`` (N = 1–32).
Settings
    ``ct_ratio``/``pt_ratio``: read from a register (``address``, ``type``, ``function``,
    ``scale``) or a fixed ``default``.

Any key not listed here is refused with the file and the key named — never ignored.
"""
from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from solarfleet.models.resources import resource_path
from solarfleet.models.live.reading import DEVICE_STATES

__all__ = ["MapError", "RegisterMap", "Point", "Block", "Setting", "load_map", "available_maps", "read_map_file",
           "parse_map", "POINT_FIELDS", "DETAIL_FIELDS", "decode_words", "encode_words"]

POINT_FIELDS = ("pv_power", "load_power", "grid_power", "pv_energy", "grid_import_energy", "grid_export_energy",
                "poa_global", "status")
DETAIL_FIELDS = ("current", "current_a", "current_b", "current_c", "voltage_a", "voltage_b", "voltage_c",
                 "voltage_ab", "voltage_bc", "voltage_ca", "frequency", "power_factor", "power_a", "power_b",
                 "power_c", "reactive_power", "dc_current", "dc_voltage", "dc_power", "temp_cabinet",
                 "temp_heatsink", "temp_transformer", "temp_other", "events", "fault_code")
_MPPT_RE = re.compile(r"^mppt([1-9]|[12][0-9]|3[0-2])_(voltage|current|power)$")
COUNTER_FIELDS = ("pv_energy", "grid_import_energy", "grid_export_energy")
TYPES = {"uint16": 1, "int16": 1, "uint32": 2, "int32": 2, "uint64": 4, "int64": 4, "float32": 2, "string": None}
SETTINGS = ("ct_ratio", "pt_ratio")
ORDERS = ("big", "little")
_MAP_KEYS = {"name", "vendor", "title", "sources", "notes", "default_port", "default_unit_id", "word_order",
             "byte_order", "settings", "blocks", "info", "points"}
_BLOCK_KEYS = {"start", "count", "optional", "function", "every"}
_POINT_KEYS = {"address", "type", "function", "scale", "scale_register", "multiply", "count", "missing", "states",
               "default_state", "bits", "word_order", "byte_order", "note"}
_SETTING_KEYS = {"address", "type", "function", "scale", "default"}


class MapError(ValueError):
    """A register map file is invalid; the message names the file and the field."""


@dataclass(frozen=True)
class Block:
    """Registers read with one request."""

    start: int
    count: int
    optional: bool = False
    function: int = 3
    every: int = 1


def decode_words(regs, typ: str, word_order: str = "big", byte_order: str = "big"):
    """The raw number (int or float) of ``typ`` in ``regs`` (as many registers as the type needs)."""
    n = TYPES[typ]
    words = list(regs[:n])
    if byte_order == "little":
        words = [((w & 0xFF) << 8) | (w >> 8) for w in words]
    if word_order == "little":
        words.reverse()
    raw = 0
    for w in words:
        raw = (raw << 16) | w
    if typ == "float32":
        return struct.unpack(">f", struct.pack(">I", raw))[0]
    if typ.startswith("int") and raw >> (16 * n - 1):
        raw -= 1 << (16 * n)
    return raw


def encode_words(raw, typ: str, word_order: str = "big", byte_order: str = "big") -> list[int]:
    """The registers holding the raw number ``raw`` as ``typ``: the inverse of :func:`decode_words`.

    Raises
    ------
    ValueError
        ``raw`` does not fit the type (an integer type gets ``raw`` rounded first).
    """
    n = TYPES[typ]
    if typ == "float32":
        value = struct.unpack(">I", struct.pack(">f", raw))[0]
    else:
        value = int(round(raw))
        lo, hi = (-(1 << (16 * n - 1)), (1 << (16 * n - 1)) - 1) if typ.startswith("int") else (0, (1 << 16 * n) - 1)
        if not lo <= value <= hi:
            raise ValueError(f"{raw!r} does not fit {typ}")
        value &= (1 << 16 * n) - 1
    words = [(value >> (16 * (n - 1 - i))) & 0xFFFF for i in range(n)]
    if word_order == "little":
        words.reverse()
    if byte_order == "little":
        words = [((w & 0xFF) << 8) | (w >> 8) for w in words]
    return words


@dataclass(frozen=True)
class Point:
    """One value in a map: where it is and how to make it a quantity."""

    name: str
    address: int
    type: str
    scale: float = 1.0
    count: int = 1
    missing: tuple = ()
    counter: bool = False
    states: Optional[dict] = None
    default_state: str = "unknown"
    function: int = 3
    word_order: str = "big"
    byte_order: str = "big"
    scale_register: Optional[int] = None
    multiply: tuple = ()
    bits: Optional[dict] = None

    @property
    def width(self) -> int:
        return self.count if self.type == "string" else TYPES[self.type]

    def raw(self, regs):
        """The raw value from the registers starting at :attr:`address` (before any scaling)."""
        if self.type == "string":
            raw = b"".join(struct.pack(">H", r) for r in regs[:self.count])
            return raw.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()
        return decode_words(regs, self.type, self.word_order, self.byte_order)

    def encode(self, value) -> list[int]:
        """The registers that :meth:`decode` reads back as ``value`` (exponent 0, factor 1).

        ``value`` is in SI units, or the raw number for a ``states``/``bits`` point; a string
        point takes text.
        """
        if self.type == "string":
            raw = str(value).encode("ascii")[:2 * self.count].ljust(2 * self.count, b"\x00")
            return list(struct.unpack(f">{self.count}H", raw))
        raw = value if self.states is not None or self.bits is not None else value / self.scale
        return encode_words(raw, self.type, self.word_order, self.byte_order)

    def decode(self, regs, exponent: Optional[int] = 0, factor: float = 1.0):
        """Value from the registers starting at :attr:`address`; ``None`` if missing.

        Parameters
        ----------
        exponent : int or None
            Power of ten read from :attr:`scale_register` (None: that register says "not available").
        factor : float
            Product of the :attr:`multiply` settings.
        """
        value = self.raw(regs)
        if self.type == "string":
            return value
        unsigned = None if self.type == "float32" else \
            decode_words(regs, "u" + self.type.lstrip("u"), self.word_order, self.byte_order)
        if value in self.missing or (unsigned is not None and unsigned in self.missing):
            return None
        if self.type == "float32" and value != value:
            return None
        if self.bits is not None:
            return tuple(self.bits[b] for b in sorted(self.bits) if int(value) >> b & 1)
        if self.states is not None:
            return self.states.get(str(int(value)), self.default_state)
        if exponent is None:
            return None
        return value * self.scale * 10.0 ** exponent * factor

    @property
    def modulus(self) -> Optional[float]:
        """Wrap value of an unsigned counter in SI units [Wh] (constant scale only)."""
        if self.type in ("uint16", "uint32", "uint64") and self.scale_register is None and not self.multiply:
            return 2 ** (16 * TYPES[self.type]) * self.scale
        return None


@dataclass(frozen=True)
class Setting:
    """A CT or PT ratio: from a register, or fixed."""

    name: str
    default: Optional[float] = None
    point: Optional[Point] = None


@dataclass(frozen=True)
class RegisterMap:
    """A parsed map file."""

    name: str
    vendor: str
    title: str
    default_port: int
    default_unit_id: int
    blocks: tuple
    points: tuple
    info: tuple
    path: Optional[str] = None
    settings: tuple = ()

    def block_of(self, point: Point) -> Block:
        return self.block_at(point.address, point.width, point.function, point.name)

    def block_at(self, address: int, width: int, function: int, name: str) -> Block:
        for b in self.blocks:
            if b.function == function and b.start <= address and address + width <= b.start + b.count:
                return b
        raise MapError(f"{self.path}: {name!r} at {address} (function {function}) lies in no block of that function")


def _check_keys(where: str, d: dict, allowed: set) -> None:
    if not isinstance(d, dict):
        raise MapError(f"{where}: must be an object")
    unknown = sorted(set(d) - allowed)
    if unknown:
        raise MapError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _int(where, v, lo, hi):
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        raise MapError(f"{where}: must be an integer {lo}–{hi} (got {v!r})")
    return v


def _order(where, d, key, default):
    v = d.get(key, default)
    if v not in ORDERS:
        raise MapError(f"{where}.{key}: must be 'big' or 'little' (got {v!r})")
    return v


def _allowed_name(name: str) -> bool:
    return name in POINT_FIELDS or name in DETAIL_FIELDS or bool(_MPPT_RE.match(name))


def _point(src: str, name: str, d: dict, names_ok, orders: tuple) -> Point:
    where = f"{src}: points.{name}"
    _check_keys(where, d, _POINT_KEYS)
    if not names_ok(name):
        raise MapError(f"{where}: unknown quantity (allowed: {', '.join(POINT_FIELDS + DETAIL_FIELDS)}, "
                       "mppt<N>_voltage/_current/_power)")
    typ = d.get("type")
    if typ not in TYPES:
        raise MapError(f"{where}.type: must be one of {', '.join(TYPES)} (got {typ!r})")
    addr = _int(f"{where}.address", d.get("address"), 0, 0xFFFF)
    function = d.get("function", 3)
    if function not in (3, 4):
        raise MapError(f"{where}.function: must be 3 (holding) or 4 (input registers) (got {function!r})")
    scale = d.get("scale", 1.0)
    if not isinstance(scale, (int, float)) or isinstance(scale, bool) or scale == 0:
        raise MapError(f"{where}.scale: must be a non-zero number (got {scale!r})")
    count = d.get("count", 1)
    if typ == "string":
        _int(f"{where}.count", count, 1, 125)
    elif "count" in d:
        raise MapError(f"{where}.count: only a string has a register count")
    states = d.get("states")
    enum_ok = DEVICE_STATES if name == "status" else None
    if states is not None:
        if not isinstance(states, dict) or not all(isinstance(v, str) for v in states.values()) or \
                (enum_ok and any(v not in enum_ok for v in states.values())):
            raise MapError(f"{where}.states: must map raw values to "
                           + (f"one of {', '.join(DEVICE_STATES)}" if enum_ok else "code texts"))
        for k in states:
            if not re.fullmatch(r"-?\d+", k):
                raise MapError(f"{where}.states: key {k!r} is not an integer")
    default_state = d.get("default_state", "unknown")
    if name == "status" and default_state not in DEVICE_STATES:
        raise MapError(f"{where}.default_state: must be one of {', '.join(DEVICE_STATES)}")
    if name == "status" and states is None:
        raise MapError(f"{where}: a status point needs 'states'")
    bits = d.get("bits")
    if (name == "events") != (bits is not None):
        raise MapError(f"{where}: 'bits' belongs to the events point, and the events point needs it")
    if bits is not None:
        if not isinstance(bits, dict) or not all(re.fullmatch(r"\d+", k) and int(k) < 16 * (TYPES[typ] or 1)
                                                 and re.fullmatch(r"[a-z0-9_]+", str(v)) for k, v in bits.items()):
            raise MapError(f"{where}.bits: must map bit numbers of the register to lower-case codes")
        bits = {int(k): v for k, v in bits.items()}
    missing = d.get("missing", [])
    if not isinstance(missing, list) or not all(isinstance(m, int) for m in missing):
        raise MapError(f"{where}.missing: must be a list of raw integers")
    multiply = d.get("multiply", [])
    if not isinstance(multiply, list) or any(m not in SETTINGS for m in multiply):
        raise MapError(f"{where}.multiply: must list settings among {', '.join(SETTINGS)}")
    sreg = d.get("scale_register")
    if sreg is not None:
        _int(f"{where}.scale_register", sreg, 0, 0xFFFF)
    return Point(name=name, address=addr, type=typ, scale=float(scale), count=count, missing=tuple(missing),
                 counter=name in COUNTER_FIELDS, states=states, default_state=default_state, function=function,
                 word_order=_order(where, d, "word_order", orders[0]),
                 byte_order=_order(where, d, "byte_order", orders[1]), scale_register=sreg,
                 multiply=tuple(multiply), bits=bits)


def _setting(src: str, name: str, d: dict, orders: tuple) -> Setting:
    where = f"{src}: settings.{name}"
    if name not in SETTINGS:
        raise MapError(f"{where}: unknown setting (allowed: {', '.join(SETTINGS)})")
    _check_keys(where, d, _SETTING_KEYS)
    if "address" in d:
        p = _point(src, name, {k: v for k, v in d.items() if k != "default"}, lambda n: True, orders)
        return Setting(name, d.get("default"), p)
    default = d.get("default")
    if not isinstance(default, (int, float)) or isinstance(default, bool) or not default > 0:
        raise MapError(f"{where}: needs an 'address' or a positive 'default'")
    return Setting(name, float(default), None)


def parse_map(data: dict, src: str = "<map>") -> RegisterMap:
    """Validate a map given as a dict (the JSON content); :class:`MapError` names the bad field."""
    if not isinstance(data, dict):
        raise MapError(f"{src}: the map must be a JSON object")
    _check_keys(src, data, _MAP_KEYS)
    for key in ("name", "blocks", "points"):
        if key not in data:
            raise MapError(f"{src}: missing field {key!r}")
    orders = (_order(src, data, "word_order", "big"), _order(src, data, "byte_order", "big"))
    blocks = []
    if not isinstance(data["blocks"], list):
        raise MapError(f"{src}: blocks must be a list")
    for i, b in enumerate(data["blocks"]):
        where = f"{src}: blocks[{i}]"
        _check_keys(where, b, _BLOCK_KEYS)
        if b.get("function", 3) not in (3, 4):
            raise MapError(f"{where}.function: must be 3 (holding) or 4 (input registers)")
        blocks.append(Block(_int(f"{where}.start", b.get("start"), 0, 0xFFFF),
                            _int(f"{where}.count", b.get("count"), 1, 125),
                            bool(b.get("optional", False)), b.get("function", 3),
                            _int(f"{where}.every", b.get("every", 1), 1, 3600)))
    if not isinstance(data["points"], dict):
        raise MapError(f"{src}: points must be an object")
    points = tuple(_point(src, n, d, _allowed_name, orders) for n, d in data["points"].items())
    info = tuple(_point(src, n, d, lambda x: x in ("model", "serial", "version", "manufacturer"), orders)
                 for n, d in data.get("info", {}).items())
    settings = tuple(_setting(src, n, d, orders) for n, d in data.get("settings", {}).items())
    port = data.get("default_port", 502)
    unit = data.get("default_unit_id", 1)
    m = RegisterMap(name=str(data["name"]), vendor=str(data.get("vendor", "")), title=str(data.get("title", "")),
                    default_port=_int(f"{src}: default_port", port, 1, 65535),
                    default_unit_id=_int(f"{src}: default_unit_id", unit, 0, 247), blocks=tuple(blocks),
                    points=points, info=info, path=src, settings=settings)
    for p in points:
        m.block_of(p)  # raises MapError for a point outside every block of its function
        if p.scale_register is not None:
            m.block_at(p.scale_register, 1, p.function, f"{p.name}.scale_register")
        for name in p.multiply:
            if name not in {s.name for s in settings}:
                raise MapError(f"{src}: points.{p.name}.multiply: no setting {name!r} in 'settings'")
    for p in info:
        if p.width > 125:
            raise MapError(f"{src}: info {p.name!r} is longer than one request")
    return m


def read_map_file(path) -> RegisterMap:
    """Read and validate a map file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise MapError(f"{path}: line {exc.lineno}: invalid JSON: {exc.msg}") from None
    return parse_map(data, str(path))


def available_maps() -> list[str]:
    """Names of the shipped maps."""
    return sorted(p.stem for p in resource_path("live_maps").glob("*.json"))


def load_map(name_or_path) -> RegisterMap:
    """A shipped map by name (``"huawei_sun2000"``) or a map file by path."""
    p = Path(str(name_or_path))
    if p.suffix.lower() == ".json" and p.exists():
        return read_map_file(p)
    candidate = resource_path("live_maps", f"{name_or_path}.json")
    if not candidate.exists():
        raise MapError(f"no register map named {name_or_path!r} (shipped maps: {', '.join(available_maps())})")
    return read_map_file(candidate)
