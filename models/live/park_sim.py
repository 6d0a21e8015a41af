"""A simulated park: N SunSpec inverters (model 103 + MPPT model 160) and M meters (model 203) whose
every point is physically consistent, driven by the park's modelled PV, with faults on demand.

Used by the tests, the demo and the live benchmarks. Each device is a unit id on one simulated
Modbus/TCP server on 127.0.0.1 (as behind a data logger). At each request a device's registers are
recomputed from the park's available DC power at that instant:

* per MPPT tracker: power = its share × a string factor (1, or less under a string fault), voltage
  near the module string's MPP voltage (falling with cell temperature), current = power / voltage;
* the inverter: DC = sum of its trackers, AC = DC × efficiency (clipped at its rating), three phases
  at ~230 V / 50 Hz with the current that carries that power at the power factor, cabinet and
  heat-sink temperatures rising with load, the lifetime energy counter integrating AC power, state
  MPPT / sleeping / fault with the SunSpec event bits;
* meters: the grid meter sees load − PV (import positive), a production meter −PV, both with
  voltages, currents, frequency, power factor and import/export counters.

Faults on demand: :meth:`ParkSim.fault` (inverter fault with an event bit), :meth:`ParkSim.string_fault`
(one tracker under-performs), :meth:`ParkSim.stall` (a device answers late), :meth:`ParkSim.reset_counter`.

Any device may instead speak a shipped vendor register map (``inverter_maps``/``meter_maps``,
:mod:`~solarfleet.models.live.vendor_maps`): it then serves that map's registers (holding and input
registers as separate spaces, as real devices do) holding the SAME physical values, each written
with the map point's own :meth:`~solarfleet.models.live.vendor_maps.Point.encode` (sign convention,
word order, CT/PT ratios); the state is the map's raw value for mppt / sleeping / fault.

    python -m solarfleet.models.live.park_sim --inverters 40 --meters 3     # prints the devices, serves until stdin closes
    python -m solarfleet.models.live.park_sim --inverters 3 --meters 1 --inverter-maps sungrow_sg,,huawei_sun2000
"""
from __future__ import annotations

import math
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from solarfleet.models.live.sunspec import SUNS_MARKER
from solarfleet.models.live.sunspec_sim import RegisterImage, SimulatedServer, register_action
from solarfleet.models.live.vendor_maps import RegisterMap, encode_words, load_map

__all__ = ["ParkSim", "InverterState", "MeterState", "EVENT_BITS"]

#: SunSpec inverter event bits (model 103 Evt1) the simulator can raise.
EVENT_BITS = {"ground_fault": 0, "dc_over_volt": 1, "grid_disconnect": 4, "over_temp": 7, "ac_over_volt": 10,
              "blown_string_fuse": 12}
_BASE = 40000
_EFFICIENCY = 0.975
_V_PHASE = 230.0
_HZ = 50.0


def _s16(v: float) -> int:
    return int(round(v)) & 0xFFFF


def _u32(v: float) -> list:
    v = int(round(v)) & 0xFFFFFFFF
    return [v >> 16, v & 0xFFFF]


def _text(s: str, n: int) -> list:
    raw = s.encode("ascii")[:2 * n].ljust(2 * n, b"\0")
    return list(struct.unpack(f">{n}H", raw))


def _common(serial: str, model: str) -> list:
    return [1, 66] + _text("SolarFleet Sim", 16) + _text(model, 16) + _text("", 8) + _text("1.0", 8) \
        + _text(serial, 16) + [1, 0x8000]


@dataclass
class InverterState:
    """One simulated inverter: rating, trackers and what is wrong with it."""

    rated: float                       #: AC rating [W]
    share: float                       #: its share of the park's DC power [-]
    mppts: int = 4
    energy: float = 5e6                #: lifetime counter [Wh]
    tracker_energy: list = field(default_factory=list)
    string_factor: dict = field(default_factory=dict)   #: tracker index → factor (string fault)
    fault: Optional[str] = None        #: event code while in fault
    last_t: Optional[float] = None


@dataclass
class MeterState:
    role: str                          #: "grid" or "production"
    imported: float = 2e8              #: [Wh]
    exported: float = 1e7              #: [Wh]
    last_t: Optional[float] = None


class ParkSim:
    """A park of simulated devices served on 127.0.0.1.

    Parameters
    ----------
    inverters : int
    meters : int
        The first meter is the grid meter, the second a production meter, any further ones grid
        meters of other feeders.
    pv : callable
        ``pv(t) -> W``: the park's available DC power at UNIX time ``t`` [W] (e.g. the modelled PV
        of the park; :meth:`from_series`).
    load : callable
        ``load(t) -> W``: the site's consumption [W].
    rated : float
        AC rating of each inverter [W].
    mppts : int
        Trackers per inverter.
    clock : callable
        Time source [s] (default ``time.time``).
    inverter_maps, meter_maps : list of str or None, optional
        Per device (in order; a shorter list leaves the rest SunSpec): ``None`` for SunSpec, or a
        shipped vendor map name (``"sungrow_sg"``, ``"chint_dtsu666"``…) or map file path. A
        vendor inverter has as many trackers as its map has MPPT points (``mppts`` if none).
    ct_ratio : float
        Current-transformer ratio a vendor meter reports where its map reads the ratio from a
        register (its values are then secondary-side); maps with a fixed ratio use theirs.

    Attributes
    ----------
    values : dict
        Unit id → the physical values [SI] a vendor device served at its last request, by map
        point name (what a reader must decode).
    """

    def __init__(self, inverters: int, meters: int, pv: Callable[[float], float], load: Callable[[float], float],
                 rated: float = 60e3, mppts: int = 4, clock: Callable[[], float] = time.time,
                 inverter_maps: Optional[list] = None, meter_maps: Optional[list] = None, ct_ratio: float = 40.0):
        self.pv, self.load, self.clock = pv, load, clock
        self.maps: dict[int, RegisterMap] = {}  # unit id → map of a vendor device
        self.map_names: dict[int, str] = {}
        for first, names, n, field_ in ((1, inverter_maps, inverters, "pv_power"),
                                        (inverters + 1, meter_maps, meters, "grid_power")):
            names = list(names or [])
            if len(names) > n:
                raise ValueError(f"{len(names)} maps given for {n} devices")
            for k, name in enumerate(names):
                if name:
                    self.maps[first + k], self.map_names[first + k] = _checked_map(name, field_), str(name)
        self.ct_ratio = float(ct_ratio)
        self.inverters = []
        for i in range(inverters):
            m = self.maps.get(i + 1)
            n = _map_mppts(m) if m is not None and _map_mppts(m) else mppts
            self.inverters.append(InverterState(rated, 1.0 / max(inverters, 1), n, tracker_energy=[1e6] * n))
        self.meters = [MeterState("production" if i == 1 else "grid") for i in range(meters)]
        self.images: dict[int, RegisterImage] = {}
        self.values: dict[int, dict] = {}
        self.lock = threading.Lock()
        for i in range(inverters):
            unit = i + 1
            self.images[unit] = self._map_image(unit) if unit in self.maps else self._inverter_image(i)
        for j in range(meters):
            unit = inverters + j + 1
            self.images[unit] = self._map_image(unit) if unit in self.maps else self._meter_image(j)
        self.server: Optional[SimulatedServer] = None

    @classmethod
    def from_series(cls, pv_series, load_series, inverters: int, meters: int, **kw) -> "ParkSim":
        """Driven by modelled PV and load [W] Series (tz-aware, interval starts), e.g. ``replay_profiles``."""
        from solarfleet.models.live.replay import interpolator
        fpv, fload = interpolator(pv_series, "start", "pv"), interpolator(load_series, "start", "load")

        def safe(f):
            return lambda t: max(0.0, 0.0 if math.isnan(v := f(t)) else v)
        return cls(inverters, meters, safe(lambda t: fpv(_ts(t))), safe(lambda t: fload(_ts(t))), **kw)

    # --- serving ---
    def start(self) -> int:
        """Serve every device (unit ids 1…N inverters, then the meters); returns the port."""
        self.server = _ParkServer(self.images)
        return self.server.start()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def devices(self, host: str = "127.0.0.1", timeout: float = 2.0) -> list:
        """:class:`~solarfleet.models.live.devices.DeviceConfig` of every device."""
        from solarfleet.models.live.devices import DeviceConfig
        n = len(self.inverters)
        out = []
        for i in range(n):
            kind = self._kind(i + 1)
            out.append(DeviceConfig(f"inv-{i + 1:02d}", host, self.server.port, i + 1, timeout=timeout,
                                    max_power=self.inverters[i].rated, **kind))
        for j, m in enumerate(self.meters):
            kind = self._kind(n + j + 1) or {
                "roles": f"203@{_BASE + 2 + 68}=" + ("production_meter" if m.role == "production" else "grid_meter")}
            out.append(DeviceConfig(f"meter-{j + 1}", host, self.server.port, n + j + 1, timeout=timeout, **kind))
        return out

    def _kind(self, unit: int) -> dict:
        m = self.maps.get(unit)
        return {} if m is None else {"kind": "map", "map_name": self.map_names[unit]}

    # --- faults on demand ---
    def fault(self, i: int, code: Optional[str] = "ground_fault") -> None:
        """Put inverter ``i`` (0-based) into fault with event ``code`` (None clears it)."""
        if code is not None and code not in EVENT_BITS:
            raise ValueError(f"code must be one of {', '.join(EVENT_BITS)} (got {code!r})")
        with self.lock:
            self.inverters[i].fault = code

    def string_fault(self, i: int, tracker: int, factor: float = 0.3) -> None:
        """Tracker ``tracker`` (0-based) of inverter ``i`` delivers ``factor`` of its share (1 clears it)."""
        with self.lock:
            self.inverters[i].string_factor[tracker] = float(factor)

    def stall(self, unit: int, seconds: float) -> None:
        """Unit ``unit`` answers each request ``seconds`` late (0 clears it)."""
        self.images[unit].delay = float(seconds)

    def reset_counter(self, i: int, meter: bool = False) -> None:
        """Inverter ``i``'s lifetime counter restarts from 0 (a replaced control board); with
        ``meter``, meter ``i``'s import and export counters do (a replaced meter)."""
        with self.lock:
            if meter:
                self.meters[i].imported = self.meters[i].exported = 0.0
            else:
                self.inverters[i].energy = 0.0

    # --- physics ---
    def _inverter_values(self, inv: InverterState, t: float) -> dict:
        dt = 0.0 if inv.last_t is None else max(0.0, t - inv.last_t)
        inv.last_t = t
        available = self.pv(t) * inv.share
        temp_cell = 25.0 + 30.0 * min(1.0, available / inv.rated)
        trackers = []
        for k in range(inv.mppts):
            p = 0.0 if inv.fault else available / inv.mppts * inv.string_factor.get(k, 1.0)
            v = (620.0 * (1 - 0.0035 * (temp_cell - 25.0))) if p > 0 else 0.0
            inv.tracker_energy[k] += p * dt / 3600.0
            trackers.append((p, v, p / v if v else 0.0, inv.tracker_energy[k]))
        dc = sum(tr[0] for tr in trackers)
        ac = min(dc * _EFFICIENCY, inv.rated)
        inv.energy += ac * dt / 3600.0
        pf = 1.0
        amps = ac / (3 * _V_PHASE * pf)
        load_frac = ac / inv.rated
        state = 7 if inv.fault else (4 if ac > 0 else 2)
        return {"ac": ac, "dc": dc, "amps": amps, "pf": pf, "trackers": trackers, "state": state,
                "evt": (1 << EVENT_BITS[inv.fault]) if inv.fault else 0,
                "t_cab": 25.0 + 12.0 * load_frac, "t_sink": 25.0 + 25.0 * load_frac, "energy": inv.energy,
                "dcv": sum(tr[1] for tr in trackers) / inv.mppts, "dca": sum(tr[2] for tr in trackers)}

    def _inverter_image(self, i: int) -> RegisterImage:
        inv = self.inverters[i]
        img = RegisterImage()
        regs = list(SUNS_MARKER) + _common(f"SIMINV{i + 1:04d}", "SIM-103")
        a103 = _BASE + len(regs)
        regs += [103, 50] + [0] * 50
        a160 = _BASE + len(regs)
        regs += [160, 8 + 20 * inv.mppts] + [0] * (8 + 20 * inv.mppts)
        regs += [0xFFFF, 0]
        img.add_segment(_BASE, regs)
        img.models.update({1: _BASE + 2, 103: a103, 160: a160})

        def move(image, i=i, a103=a103, a160=a160):
            with self.lock:
                v = self._inverter_values(self.inverters[i], self.clock())
            image.set(_inverter_registers(a103, a160, v))
        img.on_read = move
        move(img)
        return img

    def _meter_values(self, m: MeterState, t: float) -> dict:
        dt = 0.0 if m.last_t is None else max(0.0, t - m.last_t)
        m.last_t = t
        pv_ac = self._park_ac(t)
        w = -pv_ac if m.role == "production" else self.load(t) - pv_ac
        m.imported += max(w, 0.0) * dt / 3600.0
        m.exported += max(-w, 0.0) * dt / 3600.0
        pf = 0.98 if m.role == "grid" else 1.0
        return {"w": w, "pf": pf, "amps": abs(w) / (3 * _V_PHASE * pf), "imp": m.imported, "exp": m.exported}

    def _park_ac(self, t: float) -> float:
        """What the inverters feed in at ``t`` [W]: the same physics as :meth:`_inverter_values`."""
        available = self.pv(t)
        total = 0.0
        for inv in self.inverters:
            if inv.fault:
                continue
            dc = sum(available * inv.share / inv.mppts * inv.string_factor.get(k, 1.0) for k in range(inv.mppts))
            total += min(dc * _EFFICIENCY, inv.rated)
        return total

    def _meter_image(self, j: int) -> RegisterImage:
        img = RegisterImage()
        regs = list(SUNS_MARKER) + _common(f"SIMMTR{j + 1:04d}", "SIM-203")
        a203 = _BASE + len(regs)
        regs += [203, 105] + [0] * 105 + [0xFFFF, 0]
        img.add_segment(_BASE, regs)
        img.models.update({1: _BASE + 2, 203: a203})

        def move(image, j=j, a=a203):
            with self.lock:
                v = self._meter_values(self.meters[j], self.clock())
            image.set(_meter_registers(a, v))
        img.on_read = move
        move(img)
        return img

    # --- vendor-map devices ---
    def _map_image(self, unit: int) -> RegisterImage:
        """A vendor device: the map's blocks, info and settings registers, moved like the SunSpec ones."""
        regmap = self.maps[unit]
        img = _MapImage()
        for b in regmap.blocks:
            if not b.optional:  # an optional block (a meter through the inverter) is not fitted
                img.space(b.function).add_segment(b.start, [0] * b.count)
        ids = {"serial": f"SIM{unit:04d}", "model": f"SIM-{regmap.name}", "manufacturer": "SolarFleet Sim",
               "version": "1.0"}
        for p in regmap.info:
            _add_or_set(img.space(p.function), p.address, p.encode(ids[p.name]))
        for st in regmap.settings:
            if st.point is not None:
                _add_or_set(img.space(st.point.function), st.point.address, st.point.encode(self._ratio(st.name)))

        def move(image, unit=unit):
            with self.lock:
                values = self._map_physical(unit, self.clock())
                self.values[unit] = values
            _write_points(image, regmap, values, self._factors(regmap))
        img.on_read = move
        move(img)
        return img

    def _ratio(self, name: str) -> float:
        return self.ct_ratio if name == "ct_ratio" else 1.0

    def _factors(self, regmap: RegisterMap) -> dict:
        """Setting name → the ratio a reader of ``regmap`` multiplies by."""
        return {st.name: st.default if st.point is None else self._ratio(st.name) for st in regmap.settings}

    def _map_physical(self, unit: int, t: float) -> dict:
        """The physical value [SI] of every point of the unit's map at ``t`` (state/code points: raw)."""
        regmap, n = self.maps[unit], len(self.inverters)
        if unit <= n:
            inv = self.inverters[unit - 1]
            return _inverter_points(regmap, self._inverter_values(inv, t), inv.fault)
        return _meter_points(regmap, self._meter_values(self.meters[unit - n - 1], t))


def _ts(t: float):
    import pandas as pd
    return pd.Timestamp(t, unit="s", tz="UTC")


def _inverter_registers(a: int, b: int, v: dict) -> dict:
    """Model 103 (SF: A −1, V −1, W 1, Hz −2, PF −1 [%], WH 0, DC A/V −1, DCW 1, Tmp −1) and model 160."""
    amps = v["amps"] * 10
    regs = {a + 2: _s16(3 * amps), a + 3: [_s16(amps)] * 3, a + 6: _s16(-1),
            a + 7: [_s16(_V_PHASE * math.sqrt(3) * 10)] * 3, a + 10: [_s16(_V_PHASE * 10)] * 3, a + 13: _s16(-1),
            a + 14: _s16(v["ac"] / 10), a + 15: 1, a + 16: _s16(_HZ * 100), a + 17: _s16(-2),
            a + 18: _s16(v["ac"] / 10), a + 19: 1, a + 20: 0, a + 21: 1, a + 22: _s16(v["pf"] * 1000),
            a + 23: _s16(-1), a + 24: _u32(v["energy"]), a + 26: 0, a + 27: _s16(v["dca"] * 10),
            a + 28: _s16(-1), a + 29: _s16(v["dcv"] * 10), a + 30: _s16(-1), a + 31: _s16(v["dc"] / 10),
            a + 32: 1, a + 33: _s16(v["t_cab"] * 10), a + 34: _s16(v["t_sink"] * 10), a + 35: 0x8000,
            a + 36: 0x8000, a + 37: _s16(-1), a + 38: v["state"], a + 39: v["state"], a + 40: _u32(v["evt"]),
            a + 42: [0, 0], a + 44: [0] * 8}
    regs.update({b + 2: _s16(-2), b + 3: _s16(-1), b + 4: 0, b + 5: 0, b + 6: [0, 0], b + 8: len(v["trackers"]),
                 b + 9: 1})
    for k, (p, volts, amps_k, wh) in enumerate(v["trackers"]):
        m = b + 10 + 20 * k
        regs.update({m: k + 1, m + 1: _text(f"PV{k + 1}", 8), m + 9: _s16(amps_k * 100), m + 10: _s16(volts * 10),
                     m + 11: _s16(p), m + 12: _u32(wh), m + 14: [0, 0], m + 16: _s16(v["t_sink"]),
                     m + 17: 7 if v["state"] == 7 else (4 if p > 0 else 2), m + 18: [0, 0]})
    return regs


def _meter_registers(a: int, v: dict) -> dict:
    """Model 203 (SF: A −1, V −1, Hz −2, W 2, PF −1 [%], TotWh 1)."""
    amps = v["amps"] * 10
    w = v["w"] / 100
    va = abs(v["w"]) / v["pf"] / 100
    var = math.sqrt(max(va * va - w * w, 0.0))
    return {a + 23: _s16(va), a + 24: [_s16(va / 3)] * 3, a + 27: 2, a + 28: _s16(var), a + 29: [_s16(var / 3)] * 3,
            a + 32: 2,a + 2: _s16(3 * amps), a + 3: [_s16(amps)] * 3, a + 6: _s16(-1), a + 7: _s16(_V_PHASE * 10),
            a + 8: [_s16(_V_PHASE * 10)] * 3, a + 11: _s16(_V_PHASE * math.sqrt(3) * 10),
            a + 12: [_s16(_V_PHASE * math.sqrt(3) * 10)] * 3, a + 15: _s16(-1), a + 16: _s16(_HZ * 100),
            a + 17: _s16(-2), a + 18: _s16(w), a + 19: [_s16(w / 3)] * 3, a + 22: 2,
            a + 33: _s16(math.copysign(v["pf"], 1) * 1000), a + 34: [_s16(v["pf"] * 1000)] * 3, a + 37: _s16(-1),
            a + 38: _u32(v["exp"] / 10), a + 46: _u32(v["imp"] / 10), a + 54: 1, a + 105: [0, 0]}


def _checked_map(name, field_: str) -> RegisterMap:
    regmap = load_map(name)
    if field_ not in {p.name for p in regmap.points}:
        kind = "an inverter" if field_ == "pv_power" else "a meter"
        raise ValueError(f"map {name!r} has no {field_} point, so it cannot simulate {kind}")
    return regmap


def _map_mppts(regmap: RegisterMap) -> int:
    return max((int(p.name[4:].split("_")[0]) for p in regmap.points if p.name.startswith("mppt")), default=0)


def _state_raw(point, wanted: tuple) -> int:
    """The map's raw value for the first of ``wanted`` device states it enumerates."""
    for state in wanted:
        for raw, name in point.states.items():
            if name == state:
                return int(raw)
    raise ValueError(f"point {point.name} enumerates none of {', '.join(wanted)}")


_STATES = {"fault": ("fault",), "mppt": ("mppt",), "night": ("sleeping", "standby", "off")}


def _inverter_points(regmap: RegisterMap, v: dict, fault: Optional[str]) -> dict:
    """Map point name → value, from :meth:`ParkSim._inverter_values` ``v``."""
    line = _V_PHASE * math.sqrt(3)
    q = {"pv_power": v["ac"], "dc_power": v["dc"], "pv_energy": v["energy"], "frequency": _HZ,
         "power_factor": v["pf"], "reactive_power": v["ac"] * math.tan(math.acos(v["pf"])),
         "current": 3 * v["amps"], "dc_current": v["dca"], "dc_voltage": v["dcv"], "temp_cabinet": v["t_cab"],
         "temp_heatsink": v["t_sink"], "temp_transformer": v["t_cab"], "temp_other": v["t_cab"]}
    for ph in ("a", "b", "c"):
        q.update({f"voltage_{ph}": _V_PHASE, f"current_{ph}": v["amps"], f"power_{ph}": v["ac"] / 3})
    for pair in ("ab", "bc", "ca"):
        q[f"voltage_{pair}"] = line
    for k, (p, volts, amps, _wh) in enumerate(v["trackers"]):
        q.update({f"mppt{k + 1}_voltage": volts, f"mppt{k + 1}_current": amps, f"mppt{k + 1}_power": p})
    out = {}
    for p in regmap.points:
        if p.name == "status":
            out[p.name] = _state_raw(p, _STATES["fault" if fault else ("mppt" if v["ac"] > 0 else "night")])
        elif p.name == "fault_code":
            out[p.name] = _fault_code(p, fault)
        elif p.name == "events":
            out[p.name] = sum(1 << b for b, code in p.bits.items() if code == fault)
        elif p.name in q:
            out[p.name] = q[p.name]
    return out


def _fault_code(point, fault: Optional[str]) -> int:
    """0 when healthy; in fault the map's code named like the event, else the SunSpec event bit + 1.

    The shipped maps keep the vendors' numeric codes undecoded, so the fallback number is ours.
    """
    if not fault:
        return 0
    for raw, text in (point.states or {}).items():
        if text == fault:
            return int(raw)
    return EVENT_BITS[fault] + 1


def _meter_points(regmap: RegisterMap, v: dict) -> dict:
    """Map point name → value, from :meth:`ParkSim._meter_values` ``v`` (power: import positive)."""
    va = abs(v["w"]) / v["pf"]
    q = {"grid_power": v["w"], "grid_import_energy": v["imp"], "grid_export_energy": v["exp"], "frequency": _HZ,
         "power_factor": v["pf"], "reactive_power": math.sqrt(max(va * va - v["w"] ** 2, 0.0)),
         "current": 3 * v["amps"]}
    for ph in ("a", "b", "c"):
        q.update({f"voltage_{ph}": _V_PHASE, f"current_{ph}": v["amps"], f"power_{ph}": v["w"] / 3})
    for pair in ("ab", "bc", "ca"):
        q[f"voltage_{pair}"] = _V_PHASE * math.sqrt(3)
    return {p.name: q[p.name] for p in regmap.points if p.name in q}


def _write_points(img: "_MapImage", regmap: RegisterMap, values: dict, factors: dict) -> None:
    """Encode every value through its point (divided by the point's CT/PT factors).

    A value the register type cannot hold (its name goes to ``img.overflow``) is served as the
    point's "missing" raw value; if the map has none, the device answers "device failure"
    (``img.failing``) rather than a wrong number.
    """
    changes = {3: {}, 4: {}}
    img.failing = False
    for p in regmap.points:
        if p.name not in values or regmap.block_of(p).optional:
            continue
        factor = math.prod(factors[s] for s in p.multiply)
        scaled = values[p.name] if p.states is not None or p.bits is not None else values[p.name] / factor
        try:
            regs = p.encode(scaled)
            img.overflow.discard(p.name)
        except ValueError:
            img.overflow.add(p.name)
            if not p.missing:
                img.failing = True
                continue
            regs = encode_words(p.missing[0], p.type, p.word_order, p.byte_order)
        changes[p.function][p.address] = regs
        if p.scale_register is not None:
            changes[p.function][p.scale_register] = 0  # exponent 0: the value is encoded unscaled
    for function, regs in changes.items():
        img.space(function).set(regs)


def _add_or_set(space: RegisterImage, address: int, regs: list) -> None:
    """Write ``regs`` at ``address``, adding a segment where the image has none."""
    try:
        space.set({address: regs})
    except KeyError:
        space.add_segment(address, regs)


class _MapImage(RegisterImage):
    """A vendor device's registers: holding registers (this image) and input registers
    (:attr:`inputs`), two address spaces as on the real device."""

    def __init__(self):
        super().__init__()
        self.inputs = RegisterImage()
        self.overflow: set = set()
        self.failing = False

    def space(self, function: int) -> RegisterImage:
        return self.inputs if function == 4 else self


class _ParkServer(SimulatedServer):
    """:class:`SimulatedServer` that serves a :class:`_MapImage`'s holding and input registers apart."""

    async def _serve(self) -> int:
        from pymodbus.server import ModbusTcpServer
        from pymodbus.simulator import DataType, SimData, SimDevice
        devices = []
        for unit, img in self.units.items():
            if not isinstance(img, _MapImage):
                simdata = [SimData(s, values=img.get(s, c), datatype=DataType.REGISTERS)
                           for s, c in sorted(img.segments)]
                devices.append(SimDevice(id=unit, simdata=simdata, action=register_action(img)))
                continue
            spaces = []
            for space in (img, img.inputs):
                # pymodbus needs one block per space; a space the map does not use gets the top register
                segs = sorted(space.segments) or [(0xFFFF, 1)]
                spaces.append([SimData(s, values=space.get(s, c) if space.segments else [0],
                                       datatype=DataType.REGISTERS) for s, c in segs])
            bits = [SimData(0xFFFF, values=False, datatype=DataType.BITS)]
            devices.append(SimDevice(id=unit, simdata=(bits, list(bits), spaces[0], spaces[1]),
                                     action=_map_action(img)))
        server = ModbusTcpServer(devices, address=(self.host, self.port))
        await server.serve_forever(background=True)
        self._server = server
        return server.transport.sockets[0].getsockname()[1]


def _map_action(img: _MapImage):
    """Move the image, then answer a holding (3) or input (4) register read from its space."""
    from pymodbus.constants import ExcCodes
    inner = register_action(img)

    async def action(function_code, start_address, address, count, registers, set_values):
        if function_code != 4:
            await inner(function_code, start_address, address, count, registers, set_values)
            return ExcCodes.DEVICE_FAILURE if img.failing else None
        await inner(function_code, start_address, address, 0, [], set_values)  # delay, move, count
        if img.failing:
            return ExcCodes.DEVICE_FAILURE
        with img.inputs.lock:
            for addr, v in img.inputs._values.items():
                if 0 <= addr - start_address < len(registers):
                    registers[addr - start_address] = v
        return None
    return action


def _main(argv=None) -> int:
    """Serve a simulated park; print its devices as one JSON line; run until stdin closes."""
    import argparse
    import json
    import sys
    p = argparse.ArgumentParser(description="Simulated park of SunSpec inverters and meters on 127.0.0.1")
    p.add_argument("--inverters", type=int, default=40)
    p.add_argument("--meters", type=int, default=3)
    p.add_argument("--peak", type=float, default=2.0e6, help="park DC power at noon [W]")
    p.add_argument("--load", type=float, default=1.5e6, help="site consumption [W]")
    p.add_argument("--inverter-maps", default="", help="comma-separated vendor map per inverter (empty: SunSpec)")
    p.add_argument("--meter-maps", default="", help="comma-separated vendor map per meter (empty: SunSpec)")
    a = p.parse_args(argv)
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    quiet_pymodbus()
    try:
        sim = ParkSim(a.inverters, a.meters, lambda t: a.peak * (0.7 + 0.3 * math.sin(t / 300.0)),
                      lambda t: a.load, inverter_maps=_names(a.inverter_maps), meter_maps=_names(a.meter_maps))
    except ValueError as exc:  # a bad map name or a map of the wrong kind (MapError is a ValueError)
        p.error(str(exc))
    with sim:
        print(json.dumps([c.to_dict() for c in sim.devices()]), flush=True)
        sys.stdin.read()
    return 0


def _names(text: str) -> list:
    return [n.strip() or None for n in text.split(",")] if text.strip() else []


if __name__ == "__main__":
    raise SystemExit(_main())
