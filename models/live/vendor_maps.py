"""Vendor (non-SunSpec) Modbus register maps, kept as data in ``resources/live_maps/*.json``.

A map file names the registers to read and how to turn them into reading fields::

    {
      "name": "huawei_sun2000", "vendor": "Huawei", "title": "...", "sources": ["..."],
      "default_port": 502, "default_unit_id": 1,
      "blocks": [{"start": 32064, "count": 52}, {"start": 37100, "count": 25, "optional": true}],
      "info":   {"model": {"address": 30000, "type": "string", "count": 15}},
      "points": {
        "pv_power":  {"address": 32080, "type": "int32", "scale": 1.0},
        "pv_energy": {"address": 32106, "type": "uint32", "scale": 10.0, "counter": true},
        "status":    {"address": 32089, "type": "uint16", "states": {"512": "mppt"}, "default_state": "unknown"}
      }
    }

Each block is read with one request, so values that belong together arrive together;
every point must lie inside one block. ``scale`` turns the raw integer into SI units
(W, Wh, W/m²). ``missing`` lists raw values that mean "not available". A block marked
``optional`` (e.g. a meter that may not be fitted) leaves its points missing when the
device refuses it, instead of failing the whole reading.
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from solarfleet.models.resources import resource_path
from solarfleet.models.live.reading import DEVICE_STATES

__all__ = ["MapError", "RegisterMap", "Point", "Block", "load_map", "available_maps", "read_map_file"]

POINT_FIELDS = ("pv_power", "load_power", "grid_power", "pv_energy", "grid_import_energy", "grid_export_energy",
                "poa_global", "status")
COUNTER_FIELDS = ("pv_energy", "grid_import_energy", "grid_export_energy")
TYPES = {"uint16": 1, "int16": 1, "uint32": 2, "int32": 2, "float32": 2, "string": None}


class MapError(ValueError):
    """A register map file is invalid; the message names the file and the field."""


@dataclass(frozen=True)
class Block:
    start: int
    count: int
    optional: bool = False


@dataclass(frozen=True)
class Point:
    """One value in a map: where it is and how to scale it."""

    name: str
    address: int
    type: str
    scale: float = 1.0
    count: int = 1
    missing: tuple = ()
    counter: bool = False
    states: Optional[dict] = None
    default_state: str = "unknown"

    def decode(self, regs):
        """Value from the registers starting at :attr:`address`; ``None`` if missing."""
        if self.type == "string":
            raw = b"".join(struct.pack(">H", r) for r in regs[:self.count])
            return raw.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()
        if self.type in ("uint16", "int16"):
            raw = regs[0]
            if raw in self.missing:
                return None
            value = raw - 0x10000 if self.type == "int16" and raw & 0x8000 else raw
        else:
            raw = (regs[0] << 16) | regs[1]
            if raw in self.missing:
                return None
            if self.type == "float32":
                value = struct.unpack(">f", struct.pack(">I", raw))[0]
                if value != value:
                    return None
            else:
                value = raw - 0x100000000 if self.type == "int32" and raw & 0x80000000 else raw
        if self.states is not None:
            return self.states.get(str(int(value)), self.default_state)
        return value * self.scale

    @property
    def modulus(self) -> Optional[float]:
        """Wrap value of an unsigned counter in SI units [Wh]."""
        if self.type == "uint32":
            return 2 ** 32 * self.scale
        if self.type == "uint16":
            return 2 ** 16 * self.scale
        return None


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

    def block_of(self, point: Point) -> Block:
        for b in self.blocks:
            if b.start <= point.address and point.address + _width(point) <= b.start + b.count:
                return b
        raise MapError(f"{self.path}: point {point.name!r} at {point.address} lies in no block")


def _width(p: Point) -> int:
    return p.count if p.type == "string" else TYPES[p.type]


def _point(src: str, name: str, d: dict, allowed: tuple) -> Point:
    where = f"{src}: {name}"
    if not isinstance(d, dict):
        raise MapError(f"{where}: must be an object")
    if name not in allowed:
        raise MapError(f"{where}: unknown field (allowed: {', '.join(allowed)})")
    typ = d.get("type")
    if typ not in TYPES:
        raise MapError(f"{where}.type: must be one of {', '.join(TYPES)} (got {typ!r})")
    addr = d.get("address")
    if not isinstance(addr, int) or not 0 <= addr <= 0xFFFF:
        raise MapError(f"{where}.address: must be an integer register 0–65535 (got {addr!r})")
    scale = d.get("scale", 1.0)
    if not isinstance(scale, (int, float)) or isinstance(scale, bool) or scale == 0:
        raise MapError(f"{where}.scale: must be a non-zero number (got {scale!r})")
    count = d.get("count", 1)
    if typ == "string" and (not isinstance(count, int) or not 1 <= count <= 125):
        raise MapError(f"{where}.count: a string needs a register count 1–125 (got {count!r})")
    states = d.get("states")
    if states is not None:
        if not isinstance(states, dict) or any(v not in DEVICE_STATES for v in states.values()):
            raise MapError(f"{where}.states: must map raw values to one of {', '.join(DEVICE_STATES)}")
    default_state = d.get("default_state", "unknown")
    if default_state not in DEVICE_STATES:
        raise MapError(f"{where}.default_state: must be one of {', '.join(DEVICE_STATES)}")
    if name == "status" and states is None:
        raise MapError(f"{where}: a status point needs 'states'")
    missing = d.get("missing", [])
    if not isinstance(missing, list) or not all(isinstance(m, int) for m in missing):
        raise MapError(f"{where}.missing: must be a list of raw integers")
    return Point(name=name, address=addr, type=typ, scale=float(scale), count=count, missing=tuple(missing),
                 counter=name in COUNTER_FIELDS, states=states, default_state=default_state)


def parse_map(data: dict, src: str = "<map>") -> RegisterMap:
    """Validate a map given as a dict (the JSON content); :class:`MapError` names the bad field."""
    if not isinstance(data, dict):
        raise MapError(f"{src}: the map must be a JSON object")
    for key in ("name", "blocks", "points"):
        if key not in data:
            raise MapError(f"{src}: missing field {key!r}")
    blocks = []
    for i, b in enumerate(data["blocks"]):
        try:
            start, count = int(b["start"]), int(b["count"])
        except (KeyError, TypeError, ValueError):
            raise MapError(f"{src}: blocks[{i}] needs integer 'start' and 'count'") from None
        if not 0 <= start <= 0xFFFF or not 1 <= count <= 125:
            raise MapError(f"{src}: blocks[{i}]: start 0–65535 and count 1–125 (one Modbus request)")
        blocks.append(Block(start, count, bool(b.get("optional", False))))
    points = tuple(_point(src, n, d, POINT_FIELDS) for n, d in data["points"].items())
    info = tuple(_point(src, n, d, ("model", "serial", "version", "manufacturer"))
                 for n, d in data.get("info", {}).items())
    port = data.get("default_port", 502)
    unit = data.get("default_unit_id", 1)
    m = RegisterMap(name=str(data["name"]), vendor=str(data.get("vendor", "")), title=str(data.get("title", "")),
                    default_port=int(port), default_unit_id=int(unit), blocks=tuple(blocks), points=points,
                    info=info, path=src)
    for p in points:
        m.block_of(p)  # raises MapError for a point outside every block
    for p in info:
        if _width(p) > 125:
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
