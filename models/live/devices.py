"""Modbus devices: configuration, SunSpec and register-map clients, "test connection".

A device object is used by one thread at a time (the poller gives each device its own
thread): :meth:`connect` opens the link and learns the register layout, :meth:`read`
returns one :class:`~solarfleet.models.live.reading.Reading`, :meth:`close` releases the socket.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from solarfleet.models.live.counters import CounterTracker
from solarfleet.models.live.modbus_link import MAX_REGISTERS, ModbusLink, ModbusReadError
from solarfleet.models.live.reading import Reading, utcnow
from solarfleet.models.live.sunspec import (FLOAT_INVERTER_MODELS, INVERTER_MODELS, METER_MODELS, SunSpecError, decode_common, decode_inverter, decode_meter, discover)
from solarfleet.models.live.vendor_maps import load_map

__all__ = ["DeviceConfig", "DeviceConfigError", "SunSpecDevice", "MapDevice", "make_device", "check_connection",
           "parse_modbus_url", "KINDS"]

KINDS = ("sunspec", "map")
_ID_RE = re.compile(r"^[A-Za-z0-9_.:/@\- ]{1,80}$")


class DeviceConfigError(ValueError):
    """A device configuration is invalid; the message names the field."""


@dataclass(frozen=True)
class DeviceConfig:
    """How to reach one Modbus device.

    Attributes
    ----------
    device_id : str
        Unique name of the device in the session (e.g. ``"roof-A/inv-1"``).
    host : str
    port : int
        TCP port (SunSpec devices usually 502; SolarEdge 1502).
    unit_id : int
        Modbus unit id, 0–247.
    kind : {'sunspec', 'map'}
        SunSpec discovery, or a vendor register map (``map_name``).
    map_name : str, optional
        Shipped map name (``resources/live_maps``) or a map file path, for ``kind='map'``.
    timeout : float
        Connect and response timeout [s].
    meter_sign : {1, -1}
        Multiplies a SunSpec meter's power so that positive = import (see :func:`decode_meter`).
    max_power : float, optional
        Rated power of the device [W]; bounds plausible counter increments.
    park : str, optional
        Park the device belongs to.
    """

    device_id: str
    host: str
    port: int = 502
    unit_id: int = 1
    kind: str = "sunspec"
    map_name: Optional[str] = None
    timeout: float = 2.0
    meter_sign: int = 1
    max_power: Optional[float] = None
    park: Optional[str] = None

    def __post_init__(self):
        if not isinstance(self.device_id, str) or not _ID_RE.match(self.device_id):
            raise DeviceConfigError(f"device_id: 1–80 letters, digits or _.:/@- (got {self.device_id!r})")
        if not isinstance(self.host, str) or not self.host.strip():
            raise DeviceConfigError("host: required")
        if not isinstance(self.port, int) or not 0 < self.port < 65536:
            raise DeviceConfigError(f"port: must be an integer 1–65535 (got {self.port!r})")
        if not isinstance(self.unit_id, int) or not 0 <= self.unit_id <= 247:
            raise DeviceConfigError(f"unit_id: must be an integer 0–247 (got {self.unit_id!r})")
        if self.kind not in KINDS:
            raise DeviceConfigError(f"kind: must be one of {', '.join(KINDS)} (got {self.kind!r})")
        if self.kind == "map" and not self.map_name:
            raise DeviceConfigError("map_name: required for a register-map device")
        if not (isinstance(self.timeout, (int, float)) and 0 < self.timeout <= 60):
            raise DeviceConfigError(f"timeout: must be within (0, 60] s (got {self.timeout!r})")
        if self.meter_sign not in (1, -1):
            raise DeviceConfigError(f"meter_sign: must be 1 or -1 (got {self.meter_sign!r})")
        if self.max_power is not None and not self.max_power > 0:
            raise DeviceConfigError(f"max_power: must be > 0 W (got {self.max_power!r})")

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def parse_modbus_url(url: str, *, device_id: Optional[str] = None, **extra) -> DeviceConfig:
    """``sunspec://HOST:PORT[/UNIT]`` or ``modbus://HOST:PORT[/UNIT]?map=NAME`` → :class:`DeviceConfig`."""
    parts = urlsplit(url)
    if parts.scheme not in ("sunspec", "modbus"):
        raise DeviceConfigError(f"source: expected sunspec://HOST:PORT[/UNIT] or modbus://…?map=NAME (got {url!r})")
    try:
        port = parts.port or 502
    except ValueError:
        raise DeviceConfigError(f"source: bad port in {url!r}") from None
    if not parts.hostname:
        raise DeviceConfigError(f"source: no host in {url!r}")
    unit_text = parts.path.strip("/")
    if unit_text and not unit_text.isdigit():
        raise DeviceConfigError(f"source: unit id must be a number (got {unit_text!r} in {url!r})")
    unit = int(unit_text) if unit_text else 1
    kind, map_name = "sunspec", None
    if parts.scheme == "modbus":
        q = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        map_name = q.get("map")
        if not map_name:
            raise DeviceConfigError(f"source: modbus:// needs ?map=NAME (got {url!r})")
        kind = "map"
    return DeviceConfig(device_id=device_id or f"{parts.hostname}:{port}/{unit}", host=parts.hostname, port=port,
                        unit_id=unit, kind=kind, map_name=map_name, **extra)


class _Device:
    def __init__(self, config: DeviceConfig):
        self.config = config
        self.device_id = config.device_id
        self.link = ModbusLink(config.host, config.port, config.unit_id, config.timeout)
        self.info: dict = {}
        self._counters = {k: CounterTracker(config.max_power) for k in
                          ("pv_energy", "grid_import_energy", "grid_export_energy")}

    def close(self) -> None:
        self.link.close()

    def _intervals(self, values: dict, ts, moduli: dict) -> dict:
        out, events = {}, []
        for key, field in (("pv_energy", "pv_energy_interval"), ("grid_import_energy", "grid_import_interval"),
                           ("grid_export_energy", "grid_export_interval")):
            if key in values:
                delta, event = self._counters[key].update(values[key], ts, moduli.get(key))
                out[field] = delta
                if event in ("reset", "wrap"):
                    events.append(event)
        out["counter_event"] = events[0] if events else None
        return out


class SunSpecDevice(_Device):
    """A SunSpec device: discovers its model chain on connect and reads inverter/meter models."""

    def connect(self) -> dict:
        """Open the link, find "SunS", walk the chain; returns what the device told about itself.

        Raises
        ------
        ModbusReadError
            Cannot connect, or the unit does not answer.
        SunSpecError
            No marker, a broken chain, or no inverter/meter model.
        """
        self.link.connect()
        try:
            smap = discover(self.link.read)
            info: dict = {"base": smap.base, "models": smap.model_ids}
            common = smap.first((1,))
            if common is not None and common.length >= 64:
                info.update(decode_common(self.link.read(common.address, min(common.length + 2, MAX_REGISTERS))))
                info["common_length"] = common.length
            self.inverter = smap.first(INVERTER_MODELS + FLOAT_INVERTER_MODELS)
            self.meter = smap.first(METER_MODELS)
            if self.inverter is None and self.meter is None:
                raise SunSpecError(f"{self.link}: no inverter (101–103, 111–113) or meter (201–204) model; "
                                   f"models found: {smap.model_ids}")
            for m, need in ((self.inverter, None), (self.meter, 105)):
                if m is None:
                    continue
                need = need or (50 if m.model_id in INVERTER_MODELS else 60)
                if m.length < need:
                    raise SunSpecError(f"{self.link}: model {m.model_id} at {m.address} is {m.length} registers "
                                       f"long, {need} expected")
            self.info = info
            return info
        except BaseException:
            self.link.close()
            raise

    def read(self) -> Reading:
        """One reading: each model read whole in one request (value and scale factor together)."""
        values: dict = {}
        moduli: dict = {}
        status = "ok"
        if self.inverter is not None:
            regs = self.link.read(self.inverter.address, self.inverter.length + 2)
            inv = decode_inverter(self.inverter.model_id, regs)
            values["pv_power"], values["pv_energy"] = inv["pv_power"], inv["pv_energy"]
            moduli["pv_energy"] = inv["pv_energy_modulus"]
            status = inv["status"]
        if self.meter is not None:
            regs = self.link.read(self.meter.address, min(self.meter.length + 2, MAX_REGISTERS))
            met = decode_meter(self.meter.model_id, regs, self.config.meter_sign)
            values["grid_power"] = met["grid_power"]
            values["grid_import_energy"] = met["grid_import_energy"]
            values["grid_export_energy"] = met["grid_export_energy"]
            moduli["grid_import_energy"] = moduli["grid_export_energy"] = met["energy_modulus"]
        ts = utcnow()
        if values.get("pv_power") is not None and values.get("grid_power") is not None:
            # inverter and grid-point meter on one device: what the site draws is PV plus import
            values["load_power"] = values["pv_power"] + values["grid_power"]
        return Reading(timestamp=ts, device_id=self.device_id, status=status, **values,
                       **self._intervals(values, ts, moduli))


class MapDevice(_Device):
    """A device read through a vendor register map (:mod:`solarfleet.models.live.vendor_maps`)."""

    def __init__(self, config: DeviceConfig):
        super().__init__(config)
        self.map = load_map(config.map_name)

    def connect(self) -> dict:
        self.link.connect()
        try:
            info = {"map": self.map.name, "vendor": self.map.vendor}
            for p in self.map.info:
                width = p.count if p.type == "string" else (1 if p.type.endswith("16") else 2)
                info[p.name] = p.decode(self.link.read(p.address, width))
            # one reading proves the required blocks answer
            for b in self.map.blocks:
                if not b.optional:
                    self.link.read(b.start, b.count)
            self.info = info
            return info
        except BaseException:
            self.link.close()
            raise

    def read(self) -> Reading:
        blocks = {}
        for b in self.map.blocks:
            try:
                blocks[b] = self.link.read(b.start, b.count)
            except ModbusReadError as exc:
                if b.optional and exc.exception_code is not None:
                    blocks[b] = None  # e.g. no meter fitted: its fields stay missing
                    continue
                raise
        values: dict = {}
        moduli: dict = {}
        status = "ok"
        for p in self.map.points:
            b = self.map.block_of(p)
            regs = blocks[b]
            if regs is None:
                continue
            v = p.decode(regs[p.address - b.start:])
            if p.name == "status":
                status = v
            else:
                values[p.name] = v
                if p.counter:
                    moduli[p.name] = p.modulus
        ts = utcnow()
        if values.get("pv_power") is not None and values.get("grid_power") is not None \
                and "load_power" not in values:
            values["load_power"] = values["pv_power"] + values["grid_power"]
        return Reading(timestamp=ts, device_id=self.device_id, status=status, **values,
                       **self._intervals(values, ts, moduli))


def make_device(config: DeviceConfig):
    """The device client for ``config``."""
    return SunSpecDevice(config) if config.kind == "sunspec" else MapDevice(config)


def check_connection(config: DeviceConfig) -> dict:
    """Connect, identify and take one reading — the "Test connection" button.

    Returns
    -------
    dict
        ``ok`` (bool), ``info`` (what the device told), ``reading`` (dict) on success,
        ``error`` (text) on failure. Never raises for device or network trouble.
    """
    from solarfleet.models.live.vendor_maps import MapError
    try:
        device = make_device(config)
    except (MapError, DeviceConfigError) as exc:
        return {"ok": False, "error": str(exc), "info": {}}
    try:
        info = device.connect()
        reading = device.read()
        return {"ok": True, "info": info, "reading": reading.to_dict()}
    except (ModbusReadError, SunSpecError, OSError) as exc:
        return {"ok": False, "error": str(exc), "info": device.info}
    finally:
        device.close()
