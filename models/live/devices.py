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
from solarfleet.models.live.modbus_link import MAX_REGISTERS, TRANSPORTS, ModbusLink, ModbusReadError, parse_serial
from solarfleet.models.live.reading import Reading, utcnow
from solarfleet.models.live.sunspec import SunSpecError, decode_common, discover
from solarfleet.models.live.sunspec_units import (INVERTER_UNIT_MODELS, METER_UNIT_MODELS, MIN_LENGTH, UNIT_MODELS,
                                                  Unit, decode_unit, parse_roles, propose_roles)
from solarfleet.models.live.vendor_maps import POINT_FIELDS, MapError, load_map

__all__ = ["DeviceConfig", "DeviceConfigError", "SunSpecDevice", "MapDevice", "make_device", "check_connection",
           "parse_modbus_url", "KINDS", "combine_units"]

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
    roles : str, optional
        Roles of a SunSpec chain's units confirmed by the user, ``"MODEL@ADDRESS=ROLE,…"``
        (:func:`~solarfleet.models.live.sunspec_units.parse_roles`); units not named get a proposed role.
    transport : {'tcp', 'rtu-tcp', 'rtu'}
        Modbus TCP, RTU frames through a TCP serial server (RS-485 gateway), or RTU on the local
        serial port named by ``host`` (``/dev/ttyUSB0``, ``COM3``).
    serial : str, optional
        ``"BAUD,BITS,PARITY,STOP"`` of a serial line (``transport='rtu'``; default 9600,8,N,1).
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
    roles: Optional[str] = None
    transport: str = "tcp"
    serial: Optional[str] = None

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
        try:
            parse_roles(self.roles)
            parse_serial(self.serial)
        except ValueError as exc:
            raise DeviceConfigError(str(exc)) from None
        if self.transport not in TRANSPORTS:
            raise DeviceConfigError(f"transport: must be one of {', '.join(TRANSPORTS)} (got {self.transport!r})")

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def parse_modbus_url(url: str, *, device_id: Optional[str] = None, **extra) -> DeviceConfig:
    """A device from a URL.

    ``sunspec://HOST:PORT[/UNIT]`` or ``modbus://HOST:PORT[/UNIT]?map=NAME`` (Modbus TCP; add
    ``&transport=rtu-tcp`` for RTU frames through a serial server), or
    ``rtu:///dev/ttyUSB0?unit=N&map=NAME[&serial=9600,8,N,1]`` (RTU on a local serial port; without
    ``map`` a SunSpec device).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("sunspec", "modbus", "rtu"):
        raise DeviceConfigError(f"source: expected sunspec://HOST:PORT[/UNIT], modbus://…?map=NAME or "
                                f"rtu:///SERIAL-PORT?unit=N (got {url!r})")
    q = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
    unknown = sorted(set(q) - {"map", "transport", "unit", "serial"})
    if unknown:
        raise DeviceConfigError(f"source: unknown option {unknown[0]!r} in {url!r} (map, transport, unit, serial)")
    map_name = q.get("map")
    kind = "map" if map_name else "sunspec"
    if parts.scheme == "modbus" and not map_name:
        raise DeviceConfigError(f"source: modbus:// needs ?map=NAME (got {url!r})")
    if parts.scheme == "rtu":
        if not parts.path:
            raise DeviceConfigError(f"source: no serial port in {url!r}")
        unit_text = q.get("unit", "1")
        if not unit_text.isdigit():
            raise DeviceConfigError(f"source: unit id must be a number (got {unit_text!r} in {url!r})")
        return DeviceConfig(device_id=device_id or f"{parts.path}/{unit_text}", host=parts.path, unit_id=int(unit_text),
                            kind=kind, map_name=map_name, transport="rtu", serial=q.get("serial"), **extra)
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
    return DeviceConfig(device_id=device_id or f"{parts.hostname}:{port}/{unit}", host=parts.hostname, port=port,
                        unit_id=unit, kind=kind, map_name=map_name, transport=q.get("transport", "tcp"), **extra)


class _Device:
    def __init__(self, config: DeviceConfig):
        self.config = config
        self.device_id = config.device_id
        self.link = ModbusLink(config.host, config.port, config.unit_id, config.timeout, config.transport,
                               config.serial)
        self.info: dict = {}
        self.details: dict = {}   # unit key → quantities of the last read (SunSpec chains)
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
    """A SunSpec device: discovers its whole model chain on connect and reads every unit in it.

    Every inverter (101–103, 111–113), meter (201–204, 211–214), DER (701) and MPPT (160) model
    of the chain is a *unit* (:class:`~solarfleet.models.live.sunspec_units.Unit`) with a role
    (:data:`~solarfleet.models.live.sunspec_units.ROLES`): the roles the configuration names, the
    others proposed from model and sign (:func:`~solarfleet.models.live.sunspec_units.propose_roles`).
    :meth:`read` returns the device's reading, combined by role; :attr:`details` holds every
    unit's quantities of the same read.
    """

    def __init__(self, config: DeviceConfig):
        super().__init__(config)
        self.units: list = []
        self.roles: dict = {}
        self.inverter = self.meter = None   # the first inverter and meter model headers
        self._unit_counters: dict = {}

    def connect(self) -> dict:
        """Open the link, find "SunS", walk the chain, read every unit once, settle the roles.

        Raises
        ------
        ModbusReadError
            Cannot connect, or the unit does not answer.
        SunSpecError
            No marker, a broken chain, no inverter/meter/DER model, a unit too short, or a
            configured role naming a unit the chain does not have.
        """
        self.link.connect()
        try:
            smap = discover(self.link.read)
            info: dict = {"base": smap.base, "models": smap.model_ids}
            common = smap.first((1,))
            if common is not None and common.length >= 64:
                info.update(decode_common(self.link.read(common.address, min(common.length + 2, MAX_REGISTERS))))
                info["common_length"] = common.length
            self.units = [Unit(m.model_id, m.address, m.length) for m in smap.models if m.model_id in UNIT_MODELS]
            if not any(u.kind != "mppt" for u in self.units):
                raise SunSpecError(f"{self.link}: no inverter (101–103, 111–113), meter (201–204, 211–214) or "
                                   f"DER (701) model; models found: {smap.model_ids}")
            for u in self.units:
                if u.length < MIN_LENGTH[u.model_id]:
                    raise SunSpecError(f"{self.link}: model {u.model_id} at {u.address} is {u.length} registers "
                                       f"long, {MIN_LENGTH[u.model_id]} expected")
            self.inverter = smap.first(INVERTER_UNIT_MODELS)
            self.meter = smap.first(METER_UNIT_MODELS)
            self.roles = self._settle_roles(self._read_units())
            info["units"] = [{"key": u.key, "model": u.model_id, "kind": u.kind, "role": self.roles.get(u.key),
                              "confirmed": u.key in self._configured_roles()} for u in self.units]
            self.info = info
            return info
        except BaseException:
            self.link.close()
            raise

    def _configured_roles(self) -> dict:
        return parse_roles(self.config.roles)

    def _settle_roles(self, values: dict) -> dict:
        configured = self._configured_roles()
        keys = {u.key for u in self.units}
        unknown = sorted(set(configured) - keys)
        if unknown:
            raise SunSpecError(f"{self.link}: roles name {', '.join(unknown)}, which the chain does not have "
                               f"(units: {', '.join(sorted(keys))})")
        return {**propose_roles(self.units, values, self.config.meter_sign), **configured}

    def _read_block(self, unit) -> list:
        """A unit's registers from its ID on, in requests of at most MAX_REGISTERS."""
        total, regs = unit.length + 2, []
        while len(regs) < total:
            regs += self.link.read(unit.address + len(regs), min(MAX_REGISTERS, total - len(regs)))
        return regs

    def _read_units(self) -> dict:
        return {u.key: decode_unit(u.model_id, self._read_block(u)) for u in self.units}

    def read(self) -> Reading:
        """One reading of the device: every unit read, then combined by role (see :func:`combine_units`)."""
        values = self._read_units()
        ts = utcnow()
        self.details = values
        intervals = {}
        for u in self.units:
            v = values[u.key]
            for name in ("energy", "energy_import", "energy_export"):
                if name in v:
                    tracker = self._unit_counters.setdefault((u.key, name), CounterTracker(self.config.max_power))
                    intervals[(u.key, name)] = tracker.update(v[name], ts, v.get("energy_modulus"))
        return Reading(timestamp=ts, device_id=self.device_id,
                       **combine_units(self.units, values, self.roles, intervals, self.config.meter_sign))


def _total(values) -> Optional[float]:
    """Sum, or None when there is nothing to add or any term is missing (missing never counts as 0)."""
    values = list(values)
    return None if not values or any(v is None for v in values) else float(sum(values))


def combine_units(units, values: dict, roles: dict, intervals: dict, meter_sign: int = 1) -> dict:
    """A device's reading fields from its units' quantities, by role.

    PV is the sum of the PV inverters (production meters only where no inverter is read: a
    production meter measures the same energy); grid the sum of the grid meters; load the sum
    of the load meters, else PV + grid. Meter powers are import-positive after ``meter_sign``.
    Status: ``"fault"`` if any unit reports a fault, else the first PV inverter's state.

    Parameters
    ----------
    intervals : dict
        ``(unit key, counter)`` → ``(interval [Wh] or None, event or None)`` from the counter trackers.
    """
    def by(role):
        return [u for u in units if roles.get(u.key) == role]

    def q(u, name):
        return values[u.key].get(name)

    def iv(us, name):
        return _total(intervals.get((u.key, name), (None, None))[0] for u in us)

    out: dict = {}
    inverters, producers = by("pv_inverter"), by("production_meter")
    if inverters:
        out["pv_power"] = _total(q(u, "ac_power") for u in inverters)
        out["pv_energy"] = _total(q(u, "energy") for u in inverters)
        out["pv_energy_interval"] = iv(inverters, "energy")
        out["pv_measured_by"] = "inverter"
    elif producers:
        powers = [q(u, "ac_power") for u in producers]
        out["pv_power"] = _total(None if p is None else -meter_sign * p for p in powers)
        out["pv_energy"] = _total(q(u, "energy_export") for u in producers)
        out["pv_energy_interval"] = iv(producers, "energy_export")
        out["pv_measured_by"] = "production_meter"
    grid, loads = by("grid_meter"), by("load_meter")
    if grid:
        out["grid_power"] = _total(None if q(u, "ac_power") is None else meter_sign * q(u, "ac_power") for u in grid)
        for name, field in (("energy_import", "grid_import"), ("energy_export", "grid_export")):
            out[f"{field}_energy"] = _total(q(u, name) for u in grid)
            out[f"{field}_interval"] = iv(grid, name)
    if loads:
        out["load_power"] = _total(None if q(u, "ac_power") is None else meter_sign * q(u, "ac_power")
                                   for u in loads)
    elif out.get("pv_power") is not None and out.get("grid_power") is not None:
        out["load_power"] = out["pv_power"] + out["grid_power"]
    events = [e for (_, _), (_, e) in sorted(intervals.items()) if e in ("reset", "wrap")]
    out["counter_event"] = events[0] if events else None
    states = [values[u.key].get("state") for u in units if roles.get(u.key) != "ignore"]
    first = next((values[u.key]["state"] for u in inverters), "ok")
    out["status"] = "fault" if "fault" in states else first
    return out


class MapDevice(_Device):
    """A device read through a vendor register map (:mod:`solarfleet.models.live.vendor_maps`).

    Blocks are read on their polling group's polls (``every``), from holding or input registers;
    :attr:`details` holds the map's detail quantities under the map's name (AC per phase, DC per
    MPPT in ``mppt``, temperatures, ``state``, ``events``), like a SunSpec unit.
    """

    def __init__(self, config: DeviceConfig):
        super().__init__(config)
        self.map = load_map(config.map_name)
        self._polls = 0
        self._last: dict = {}
        self._factors: dict = {}

    def _read(self, address: int, count: int, function: int) -> list:
        return self.link.read(address, count, function)

    def connect(self) -> dict:
        self.link.connect()
        try:
            info = {"map": self.map.name, "vendor": self.map.vendor}
            for p in self.map.info:
                info[p.name] = p.decode(self._read(p.address, p.width, p.function))
            self._factors = {}
            for st in self.map.settings:
                value = st.default if st.point is None else st.point.decode(
                    self._read(st.point.address, st.point.width, st.point.function))
                if value is None or not value > 0:
                    raise MapError(f"{self.link}: setting {st.name} reads {value!r}; a ratio must be > 0")
                self._factors[st.name] = float(value)
            info.update(self._factors)
            # one reading proves the required blocks answer
            for b in self.map.blocks:
                if not b.optional:
                    self._read(b.start, b.count, b.function)
            self._polls, self._last = 0, {}
            self.info = info
            return info
        except BaseException:
            self.link.close()
            raise

    def _read_blocks(self) -> dict:
        blocks = {}
        for b in self.map.blocks:
            if self._polls % b.every and b in self._last:
                blocks[b] = self._last[b]  # a slower polling group: its last registers
                continue
            try:
                blocks[b] = self._read(b.start, b.count, b.function)
            except ModbusReadError as exc:
                if b.optional and exc.exception_code is not None:
                    blocks[b] = None  # e.g. no meter fitted: its fields stay missing
                    continue
                raise
        self._polls += 1
        self._last = blocks
        return blocks

    def _value(self, p, blocks):
        b = self.map.block_of(p)
        regs = blocks[b]
        if regs is None:
            return None
        exponent = 0
        if p.scale_register is not None:
            sb = self.map.block_at(p.scale_register, 1, p.function, p.name)
            raw = None if blocks[sb] is None else blocks[sb][p.scale_register - sb.start]
            exponent = None if raw is None or raw == 0x8000 else (raw - 0x10000 if raw & 0x8000 else raw)
        factor = 1.0
        for name in p.multiply:
            factor *= self._factors[name]
        return p.decode(regs[p.address - b.start:], exponent, factor)

    def read(self) -> Reading:
        blocks = self._read_blocks()
        values: dict = {}
        moduli: dict = {}
        detail: dict = {"kind": "map", "state": "ok", "events": ()}
        trackers: dict = {}
        status = "ok"
        for p in self.map.points:
            v = self._value(p, blocks)
            if p.name == "status":
                status = "unknown" if v is None else v
                detail["state"] = status
            elif p.name in POINT_FIELDS:
                values[p.name] = v
                if p.counter:
                    moduli[p.name] = p.modulus
            elif p.name.startswith("mppt"):
                n, what = p.name[4:].split("_")
                trackers.setdefault(int(n), {"label": f"PV{n}"})[f"dc_{what}"] = v
            else:
                detail[p.name] = () if p.name == "events" and v is None else v
        if trackers:
            detail["mppt"] = [trackers[n] for n in sorted(trackers)]
        detail["ac_power"] = values.get("pv_power", values.get("grid_power"))
        ts = utcnow()
        if values.get("pv_power") is not None and values.get("grid_power") is not None \
                and "load_power" not in values:
            values["load_power"] = values["pv_power"] + values["grid_power"]
        self.details = {self.map.name: detail}
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
        ``ok`` (bool), ``info`` (what the device told, its units and their roles), ``reading`` (dict)
        and ``details`` (every unit's quantities) on success,
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
        return {"ok": True, "info": info, "reading": reading.to_dict(), "details": device.details}
    except (ModbusReadError, SunSpecError, OSError) as exc:
        return {"ok": False, "error": str(exc), "info": device.info}
    finally:
        device.close()
