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

    python -m solarfleet.models.live.park_sim --inverters 40 --meters 3     # prints the devices, serves until stdin closes
"""
from __future__ import annotations

import math
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from solarfleet.models.live.sunspec import SUNS_MARKER
from solarfleet.models.live.sunspec_sim import RegisterImage, SimulatedServer

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
    """

    def __init__(self, inverters: int, meters: int, pv: Callable[[float], float], load: Callable[[float], float],
                 rated: float = 60e3, mppts: int = 4, clock: Callable[[], float] = time.time):
        self.pv, self.load, self.clock = pv, load, clock
        self.inverters = [InverterState(rated, 1.0 / max(inverters, 1), mppts,
                                        tracker_energy=[1e6] * mppts) for _ in range(inverters)]
        self.meters = [MeterState("production" if i == 1 else "grid") for i in range(meters)]
        self.images: dict[int, RegisterImage] = {}
        self.lock = threading.Lock()
        for i in range(inverters):
            self.images[i + 1] = self._inverter_image(i)
        for j in range(meters):
            self.images[inverters + j + 1] = self._meter_image(j)
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
        self.server = SimulatedServer(self.images)
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
        out = [DeviceConfig(f"inv-{i + 1:02d}", host, self.server.port, i + 1, timeout=timeout,
                            max_power=self.inverters[i].rated) for i in range(n)]
        out += [DeviceConfig(f"meter-{j + 1}", host, self.server.port, n + j + 1, timeout=timeout,
                             roles=f"203@{_BASE + 2 + 68}=" + ("production_meter" if m.role == "production"
                                                               else "grid_meter"))
                for j, m in enumerate(self.meters)]
        return out

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

    def reset_counter(self, i: int) -> None:
        """Inverter ``i``'s lifetime counter restarts from 0 (a replaced control board)."""
        with self.lock:
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
    a = p.parse_args(argv)
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    quiet_pymodbus()
    sim = ParkSim(a.inverters, a.meters, lambda t: a.peak * (0.7 + 0.3 * math.sin(t / 300.0)),
                  lambda t: a.load)
    with sim:
        print(json.dumps([c.to_dict() for c in sim.devices()]), flush=True)
        sys.stdin.read()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
