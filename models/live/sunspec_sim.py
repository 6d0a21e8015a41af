"""Simulated Modbus devices on a real pymodbus TCP server: SunSpec and Huawei register images.

Used by the tests, the ingest benchmark and for trying the live view without hardware
(``python -m solarfleet.models.live.sunspec_sim --port 15020``). A :class:`RegisterImage` holds
the registers of one unit; :class:`SimulatedServer` serves one or more images (by unit
id) on 127.0.0.1 from a pymodbus ``ModbusTcpServer`` running in a background thread.
Changes to an image are applied atomically under a lock (a value and its scale factor
change together) and are visible to the next request.
"""
from __future__ import annotations

import asyncio
import math
import random
import struct
import threading
import time
from typing import Callable, Optional

from solarfleet.models.live.sunspec import SUNS_MARKER
from solarfleet.models.live.vendor_maps import load_map

__all__ = ["RegisterImage", "SimulatedServer", "sunspec_image", "huawei_image", "huawei_values",
           "SimulatedServerError"]


class SimulatedServerError(RuntimeError):
    pass


def _str_regs(text: str, count: int) -> list[int]:
    raw = text.encode("ascii")[:2 * count].ljust(2 * count, b"\x00")
    return list(struct.unpack(f">{count}H", raw))


def _u32(v: int) -> list[int]:
    v &= 0xFFFFFFFF
    return [v >> 16, v & 0xFFFF]


def _f32(v: float) -> list[int]:
    return list(struct.unpack(">HH", struct.pack(">f", v)))


def _i16(v: int) -> int:
    return v & 0xFFFF


class RegisterImage:
    """Registers of one simulated unit: contiguous segments and their values.

    Attributes
    ----------
    segments : list of (start, count)
        Address ranges that exist; reads outside them get "illegal data address".
    models : dict
        SunSpec model id → address of its id register (for :func:`sunspec_image`).
    on_read : callable, optional
        ``on_read(image)`` runs (on the server thread) before each request is answered,
        e.g. to move the values with time.
    """

    def __init__(self):
        self.segments: list[tuple[int, int]] = []
        self._values: dict[int, int] = {}
        self.models: dict[int, int] = {}
        self.lock = threading.Lock()
        self.on_read: Optional[Callable[["RegisterImage"], None]] = None
        self.requests = 0
        self.delay = 0.0  # [s] before each answer: a stalled device (other units keep answering)

    def add_segment(self, start: int, values: list[int]) -> None:
        self.segments.append((start, len(values)))
        for i, v in enumerate(values):
            self._values[start + i] = v & 0xFFFF

    def set(self, changes: dict) -> None:
        """Set registers atomically: ``{address: value or [values…]}``."""
        with self.lock:
            for addr, v in changes.items():
                for i, x in enumerate(v if isinstance(v, (list, tuple)) else [v]):
                    if addr + i not in self._values:
                        raise KeyError(f"register {addr + i} is not in the image")
                    self._values[addr + i] = int(x) & 0xFFFF

    def get(self, address: int, count: int = 1) -> list[int]:
        with self.lock:
            return [self._values[address + i] for i in range(count)]

    def snapshot(self) -> dict[int, int]:
        with self.lock:
            return dict(self._values)

    # -- SunSpec helpers (raw register values, so sentinels can be written) --
    def set_inverter(self, *, w: Optional[int] = None, w_sf: Optional[int] = None, wh: Optional[int] = None,
                     wh_sf: Optional[int] = None, st: Optional[int] = None) -> None:
        """Write raw fields of the integer inverter model (101–103) in one atomic change."""
        base = next(a for m, a in self.models.items() if m in (101, 102, 103))
        ch = {}
        if w is not None:
            ch[base + 14] = _i16(w)
        if w_sf is not None:
            ch[base + 15] = _i16(w_sf)
        if wh is not None:
            ch[base + 24] = _u32(wh)
        if wh_sf is not None:
            ch[base + 26] = _i16(wh_sf)
        if st is not None:
            ch[base + 38] = st
        self.set(ch)

    def set_float_inverter(self, *, w: Optional[float] = None, wh: Optional[float] = None,
                           st: Optional[int] = None) -> None:
        base = next(a for m, a in self.models.items() if m in (111, 112, 113))
        ch = {}
        if w is not None:
            ch[base + 22] = _f32(w)
        if wh is not None:
            ch[base + 32] = _f32(wh)
        if st is not None:
            ch[base + 48] = st
        self.set(ch)

    def set_meter(self, *, w: Optional[int] = None, w_sf: Optional[int] = None, wh_exp: Optional[int] = None,
                  wh_imp: Optional[int] = None, wh_sf: Optional[int] = None) -> None:
        base = next(a for m, a in self.models.items() if m in (201, 202, 203, 204))
        ch = {}
        if w is not None:
            ch[base + 18] = _i16(w)
        if w_sf is not None:
            ch[base + 22] = _i16(w_sf)
        if wh_exp is not None:
            ch[base + 38] = _u32(wh_exp)
        if wh_imp is not None:
            ch[base + 46] = _u32(wh_imp)
        if wh_sf is not None:
            ch[base + 54] = _i16(wh_sf)
        self.set(ch)


def sunspec_image(*, base: int = 40000, common_length: int = 66, inverter: Optional[int] = 103,
                  meter: Optional[int] = None, extra_models: tuple = (), manufacturer: str = "SolarFleet",
                  model: str = "SIM-INV", serial: str = "SIM0001") -> RegisterImage:
    """A SunSpec register map: marker, common model, optional extra models, inverter, meter, end.

    Parameters
    ----------
    base : int
        Address of the "SunS" marker (40000, 50000 or 0).
    common_length : {66, 65}
        66 per the specification, 65 as SolarEdge ships it.
    inverter : {101, 102, 103, 111, 112, 113} or None
    meter : {201, 202, 203, 204} or None
    extra_models : tuple of (id, length)
        Models placed before the inverter (filled with zeros), to move it around.

    Values start as: W 0 with SF 0, WH "not implemented" (0), St 4 (MPPT); meter W 0.
    """
    img = RegisterImage()
    regs = list(SUNS_MARKER)
    common = [1, common_length] + _str_regs(manufacturer, 16) + _str_regs(model, 16) + _str_regs("", 8) \
        + _str_regs("1.0.0", 8) + _str_regs(serial, 16) + [1] + [0] * (common_length - 65)
    regs += common
    img.models[1] = base + 2
    for mid, length in extra_models:
        img.models[mid] = base + len(regs)
        regs += [mid, length] + [0] * length
    if inverter is not None:
        img.models[inverter] = base + len(regs)
        if inverter in (101, 102, 103):
            body = [0] * 50
            body[38 - 2] = 4
        elif inverter in (111, 112, 113):
            body = [0] * 60
            for off in range(0, 46, 2):
                body[off:off + 2] = _f32(0.0)
            body[32 - 2:34 - 2] = _f32(float("nan"))  # WH not implemented until set
            body[48 - 2] = 4
        else:
            raise ValueError(f"not an inverter model: {inverter}")
        regs += [inverter, len(body)] + body
    if meter is not None:
        if meter not in (201, 202, 203, 204):
            raise ValueError(f"not a meter model: {meter}")
        img.models[meter] = base + len(regs)
        regs += [meter, 105] + [0] * 105
    regs += [0xFFFF, 0]
    img.add_segment(base, regs)
    return img


#: Inverter efficiency (AC out / DC in) of the simulated Huawei [-].
HUAWEI_EFFICIENCY = 0.98


def huawei_values(ac_power: float, *, rated: float = 50_000.0, ambient: float = 25.0, fault_code: int = 0,
                  seed: str = "") -> dict:
    """Physically consistent AC/DC quantities of a three-phase inverter feeding ``ac_power`` [W].

    Parameters
    ----------
    ac_power : float
        Active power fed into the grid [W].
    rated : float
        Rated AC power [W]; the internal temperature rises with ``ac_power / rated``.
    ambient : float
        Ambient temperature [°C].
    fault_code : int
        Non-zero: the inverter has tripped, so no current flows (``ac_power`` must be 0).
    seed : str
        Fixes the small phase-voltage and frequency offsets of this unit.

    Returns
    -------
    dict
        The map's detail quantities in SI units: phase and line voltages [V] (≈ 230 / 400 V ± 1 %),
        phase currents [A] carrying ``ac_power`` at the power factor, reactive power [var],
        power factor [-] (0.99–1.0, rising with load), frequency [Hz] (50 ± 0.02), DC input
        power [W] (AC / :data:`HUAWEI_EFFICIENCY`), cabinet temperature [°C], fault code.
    """
    if fault_code and ac_power:
        raise ValueError("a tripped inverter (fault_code set) feeds no power")
    rng = random.Random(f"huawei:{seed}")
    va, vb, vc = (230.0 + rng.uniform(-2.0, 2.0) for _ in range(3))
    load = min(max(ac_power / rated, 0.0), 1.0)
    pf = 0.99 + 0.01 * load
    out = {"voltage_a": va, "voltage_b": vb, "voltage_c": vc,
           "voltage_ab": _line(va, vb), "voltage_bc": _line(vb, vc), "voltage_ca": _line(vc, va),
           "frequency": 50.0 + rng.uniform(-0.02, 0.02), "power_factor": pf,
           "reactive_power": ac_power * math.tan(math.acos(pf)), "dc_power": ac_power / HUAWEI_EFFICIENCY,
           "temp_cabinet": ambient + 20.0 * load, "fault_code": fault_code}
    for ph, v in zip("abc", (va, vb, vc)):
        out[f"current_{ph}"] = ac_power / 3.0 / (v * pf)
    return out


def _line(v1: float, v2: float) -> float:
    """Line voltage between two phase voltages 120° apart [V]."""
    return math.sqrt(v1 * v1 + v2 * v2 + v1 * v2)


def huawei_image(*, pv_power: int = 0, pv_energy_kwh100: int = 0, status: int = 512, meter: bool = True,
                 model: str = "SUN2000-50KTL-M3", serial: str = "HV2300000001", rated: float = 50_000.0,
                 ambient: float = 25.0, fault_code: int = 0, grid_power: float = 0.0,
                 grid_import_energy: float = 0.0, grid_export_energy: float = 0.0) -> RegisterImage:
    """Registers of a Huawei SUN2000 as ``resources/live_maps/huawei_sun2000.json`` reads them.

    ``pv_power`` is the raw 32080 value (kW × 1000 = W); ``pv_energy_kwh100`` the raw 32106
    value (kWh × 100). Every other point of the map gets a value consistent with that power
    (:func:`huawei_values`), encoded as the map's point says. A non-zero ``fault_code`` is a
    tripped inverter: status 768 (fault) unless ``status`` is given otherwise, and ``pv_power`` must
    be 0. The meter reads ``grid_power`` [W, import positive] and its counters [Wh]; without
    ``meter`` the 37100 range does not exist (reads fail).
    """
    regmap = load_map("huawei_sun2000")
    img = RegisterImage()
    for b in regmap.blocks:
        if meter or not b.optional:
            img.add_segment(b.start, [0] * b.count)
    for p in regmap.info:
        img.add_segment(p.address, p.encode({"model": model, "serial": serial}.get(p.name, "")))
    if meter:
        img.set({37100: 1})
    values = huawei_values(float(pv_power), rated=rated, ambient=ambient, fault_code=fault_code, seed=serial)
    values.update(pv_power=pv_power, pv_energy=pv_energy_kwh100 * 10.0, grid_power=grid_power,
                  grid_import_energy=grid_import_energy, grid_export_energy=grid_export_energy,
                  status=768 if fault_code and status == 512 else status)
    img.set({p.address: p.encode(values[p.name]) for p in regmap.points
             if meter or not regmap.block_of(p).optional})
    return img


class SimulatedServer:
    """A pymodbus Modbus/TCP server on 127.0.0.1 serving register images by unit id.

    Parameters
    ----------
    units : dict
        Unit id → :class:`RegisterImage`.
    port : int
        0 picks a free high port; :attr:`port` holds the bound one after :meth:`start`.

    Use as a context manager, or call :meth:`start` / :meth:`close`. :meth:`stop_listening`
    closes the listener *and every open connection* (a device that vanishes);
    :meth:`start` brings it back on the same port.
    """

    def __init__(self, units: dict, port: int = 0, host: str = "127.0.0.1"):
        self.units = dict(units)
        self.host, self.port = host, port
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._server = None

    # -- lifecycle --
    def start(self) -> int:
        """Start serving (starting the loop thread if needed); returns the port."""
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="sim-modbus-server", daemon=True)
            self._thread.start()
        if self._server is not None:
            return self.port
        fut = asyncio.run_coroutine_threadsafe(self._serve(), self._loop)
        self.port = fut.result(10)
        return self.port

    def stop_listening(self) -> None:
        """Close the listener and drop every connection; the loop thread keeps running."""
        if self._server is not None and self._loop is not None:
            asyncio.run_coroutine_threadsafe(self._server.shutdown(), self._loop).result(10)
            self._server = None

    def close(self) -> None:
        """Stop serving and join the loop thread."""
        if self._loop is None:
            return
        try:
            self.stop_listening()
        finally:
            loop, self._loop = self._loop, None

            async def _cancel_rest():
                tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                for t in tasks:
                    t.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

            try:
                asyncio.run_coroutine_threadsafe(_cancel_rest(), loop).result(5)
            except Exception:
                pass
            loop.call_soon_threadsafe(loop.stop)
            self._thread.join(10)
            if self._thread.is_alive():
                raise SimulatedServerError("simulated Modbus server thread did not stop")
            loop.close()
            self._thread = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    # -- internals --
    async def _serve(self) -> int:
        from pymodbus.server import ModbusTcpServer
        from pymodbus.simulator import DataType, SimData, SimDevice
        devices = []
        for unit, img in self.units.items():
            simdata = [SimData(start, values=img.get(start, count), datatype=DataType.REGISTERS)
                       for start, count in sorted(img.segments)]
            devices.append(SimDevice(id=unit, simdata=simdata, action=register_action(img)))
        server = ModbusTcpServer(devices, address=(self.host, self.port))
        await server.serve_forever(background=True)
        self._server = server
        return server.transport.sockets[0].getsockname()[1]


def register_action(img: RegisterImage):
    """The pymodbus request hook serving ``img``: it waits ``img.delay`` (a stall) and lets the
    image recompute its registers before each read."""
    async def action(function_code, start_address, address, count, registers, set_values):
        if img.delay > 0:
            await asyncio.sleep(img.delay)
        if img.on_read is not None:
            img.on_read(img)
        with img.lock:
            img.requests += 1
            n = len(registers)
            for addr, v in img._values.items():
                i = addr - start_address
                if 0 <= i < n:
                    registers[i] = v
        return None
    return action


def _moving_image(peak: float, site_load: float, phase: float = 0.0, serial: str = "SIM0001"):
    """An inverter + meter image whose PV follows a slow sine; counters integrate the power."""
    img = sunspec_image(inverter=103, meter=203, serial=serial)
    state = {"wh": 1_000_000.0 + phase, "t": time.monotonic()}

    def move(image):
        now = time.monotonic()
        w = peak * (0.6 + 0.4 * math.sin(now / 30.0 + phase))
        state["wh"] += w * (now - state["t"]) / 3600.0
        state["t"] = now
        image.set_inverter(w=int(w / 10), w_sf=1, wh=int(state["wh"]), wh_sf=0)
        image.set_meter(w=int((site_load - w) / 10), w_sf=1)

    img.on_read = move
    return img


def _main(argv=None) -> int:
    """Serve simulated SunSpec inverters + meters on 127.0.0.1.

    One device on ``--port`` until Ctrl-C; or, with ``--devices N``, N devices on free ports whose
    port list is printed as one JSON line, until standard input closes (for benchmarks).
    """
    import argparse
    import json
    import sys
    p = argparse.ArgumentParser(description="Simulated SunSpec inverter+meter on 127.0.0.1")
    p.add_argument("--port", type=int, default=15020)
    p.add_argument("--unit", type=int, default=1)
    p.add_argument("--peak", type=float, default=50000.0, help="peak PV power [W]")
    p.add_argument("--load", type=float, default=30000.0, help="site consumption [W]")
    p.add_argument("--devices", type=int, help="serve N devices on free ports; run until stdin closes")
    a = p.parse_args(argv)
    if a.devices:
        from solarfleet.models.live.modbus_link import quiet_pymodbus
        quiet_pymodbus()
        servers = []
        for i in range(a.devices):
            srv = SimulatedServer({1: _moving_image(a.peak, a.load, float(i), f"SIM{i:04d}")})
            srv.start()
            servers.append(srv)
        print(json.dumps([s.port for s in servers]), flush=True)
        sys.stdin.read()  # until the parent closes our stdin
        for s in servers:
            s.close()
        return 0
    with SimulatedServer({a.unit: _moving_image(a.peak, a.load)}, port=a.port) as srv:
        print(f"SunSpec simulator on 127.0.0.1:{srv.port} unit {a.unit}; try: "
              f"solarfleet-cli live --source sunspec://127.0.0.1:{srv.port}/{a.unit}", flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
