"""SolarFleet's SunSpec client against register maps built from SunSpec's published model definitions.

The oracle is independent of the product: every register image here is built point by point from
the SunSpec model definitions that pysunspec2 ships (``sunspec2/models/json/model_*.json``: point
order, sizes, types, scale-factor points, enumeration symbols) and from SunSpec's "not implemented"
value of each type (``sunspec2.mb.unimpl_value``) — never from SolarFleet's simulator
(``models/live/sunspec_sim.py``) or from the offsets hard-coded in ``models/live/sunspec.py``.
Each image is served on 127.0.0.1 by a real pymodbus server (the server-start pattern of the
simulator, re-written here so that nothing of the product sits between the definition and the
wire) and read twice:

* by SolarFleet's client (:class:`~solarfleet.models.live.devices.SunSpecDevice`; ``dc_power``,
  which a :class:`~solarfleet.models.live.reading.Reading` does not carry, through
  :func:`~solarfleet.models.live.sunspec.decode_inverter` on the same link), and
* by pysunspec2's own Modbus/TCP client (``SunSpecModbusClientDeviceTCP``), which also proves that
  the images follow the definitions.

Both must find the same base address and model chain, and decode the values that were written.

Scope: what the client claims to support today (``models/live/sunspec.py`` docstrings) — the
"SunS" marker at 40000, 50000 or 0; the chain walked by (id, length), including the 65-register
common model; integer inverters 101–103 (W, WH, DCW with their scale factors, St), float inverters
111–113, integer meters 201–204 (W, TotWhExp, TotWhImp, TotWh_SF); "not implemented" values as
missing, never zero. Model 1 is 66 registers after its ID and L (68 in all, per the definition);
the 65-register variant drops the trailing ``Pad``.

Not covered here, as the client does not support them yet (a later issue): several devices in one
chain (several inverter or meter models: the client reads the first of each), float meters
211–214, MPPT extension model 160 (repeating groups), the 7xx DER models, model 1's ``DA`` point.
"""
from __future__ import annotations

import asyncio
import logging
import math
import struct
import threading
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pytest
import sunspec2.device as ss_device
import sunspec2.mb as ss_mb
import sunspec2.mdef as mdef
from sunspec2.modbus.client import SunSpecModbusClientDeviceTCP

from solarfleet.models.live.devices import DeviceConfig, SunSpecDevice
from solarfleet.models.live.sunspec import decode_inverter

pytestmark = pytest.mark.usefixtures("no_live_threads")  # tests/conftest.py: no server thread may outlive a test

INTEGER_INVERTERS = (101, 102, 103)
FLOAT_INVERTERS = (111, 112, 113)
METERS = (201, 202, 203, 204)
#: fixed-length models a real inverter places in its chain; the client must step over them by length
OTHER_MODELS = (120, 121, 122, 123)
ACC32 = 2 ** 32


@pytest.fixture(autouse=True)
def _quiet_pymodbus():
    """pymodbus logs every exception response (the base-address probes) as an error."""
    log = logging.getLogger("pymodbus")
    level = log.level
    log.setLevel(logging.CRITICAL)
    yield
    log.setLevel(level)


# --- the published definitions ---------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    """One point of a model's top-level group, as the SunSpec definition lays it out."""

    name: str
    type: str
    offset: int          # registers from the model's ID register (ID = 0, L = 1)
    size: int            # registers
    sf: object           # name of the scale-factor point, a fixed int, or None
    symbols: tuple       # ((name, value), ...) for enumerations


def model_points(model_id: int) -> dict[str, Point]:
    """The points of ``model_id`` in definition order, with their register offsets."""
    group = ss_device.get_model_def(model_id)[mdef.GROUP]
    assert not group.get(mdef.GROUPS), f"model {model_id} has repeating groups: not used by these tests"
    points, offset = {}, 0
    for p in group[mdef.POINTS]:
        size = mdef.point_type_info[p[mdef.TYPE]]["len"] or int(p[mdef.SIZE])
        points[p[mdef.NAME]] = Point(p[mdef.NAME], p[mdef.TYPE], offset, size, p.get(mdef.SF),
                                     tuple((s[mdef.NAME], s[mdef.VALUE]) for s in p.get(mdef.SYMBOLS, ())))
        offset += size
    assert list(points)[:2] == [mdef.MODEL_ID_POINT_NAME, mdef.MODEL_LEN_POINT_NAME]
    return points


def model_length(model_id: int) -> int:
    """L of a model: its registers after ID and L."""
    last = list(model_points(model_id).values())[-1]
    return last.offset + last.size - 2


class _NotImplemented:
    def __repr__(self):
        return "NA"


#: Write a point's "not implemented" value.
NA = _NotImplemented()

_SIGNED = {"int16": ">h", "sunssf": ">h", "int32": ">i", "int64": ">q"}
_UNSIGNED = {"uint16": ">H", "enum16": ">H", "bitfield16": ">H", "count": ">H", "acc16": ">H", "pad": ">H",
             "uint32": ">I", "acc32": ">I", "enum32": ">I", "bitfield32": ">I", "uint64": ">Q", "acc64": ">Q"}


def _words(raw: bytes) -> list[int]:
    return list(struct.unpack(f">{len(raw) // 2}H", raw))


def encode(point: Point, value) -> list[int]:
    """Register words of ``value`` for ``point`` (``NA``: SunSpec's "not implemented" for its type)."""
    if value is NA:
        na = ss_mb.unimpl_value[point.type]
        if point.type == "string":
            return [0] * point.size
        if point.type == "float32":
            return _words(struct.pack(">I", na))  # a bit pattern (quiet NaN), not a number
        value = na
    if point.type == "string":
        raw = value.encode("ascii")
        assert len(raw) <= 2 * point.size, (point.name, value)
        return _words(raw.ljust(2 * point.size, b"\0"))
    if point.type == "float32":
        return _words(struct.pack(">f", value))
    fmt = _SIGNED.get(point.type) or _UNSIGNED.get(point.type)
    if fmt is None:
        raise NotImplementedError(f"{point.name}: type {point.type} not used by these tests")
    return _words(struct.pack(fmt, value))


def _random_value(point: Point, rng):
    """A plausible implemented value, so that a read at a wrong offset cannot pass for a right one."""
    t = point.type
    if t == "sunssf":
        return int(rng.integers(-3, 4))
    if t == "int16":
        return int(rng.integers(-32767, 32768))
    if t in ("uint16", "count", "bitfield16"):
        return int(rng.integers(1, 0xFFFF))
    if t == "enum16":
        return point.symbols[int(rng.integers(len(point.symbols)))][1] if point.symbols else int(rng.integers(1, 9))
    if t == "pad":
        return 0x8000
    if t in ("acc32", "uint32", "bitfield32", "enum32"):
        return int(rng.integers(1, 0xFFFFFFFF))
    if t in ("acc64", "uint64", "int64"):
        return int(rng.integers(1, 2 ** 62))
    if t == "float32":
        return float(np.float32(rng.uniform(-1e5, 1e5)))
    if t == "string":
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        n = int(rng.integers(3, 2 * point.size + 1))
        return "".join(letters[int(i)] for i in rng.integers(len(letters), size=n))
    raise NotImplementedError(t)


class Block:
    """One model of the chain: every point given a value (random unless set), encoded per definition.

    ``length`` shorter than the definition's drops trailing points (model 1 at 65 registers).
    """

    def __init__(self, model_id: int, values: Optional[dict] = None, *, length: Optional[int] = None, rng=None):
        self.model_id = model_id
        self.points = model_points(model_id)
        self.length = model_length(model_id) if length is None else length
        rng = rng if rng is not None else np.random.default_rng(model_id)
        self.values = {}
        for name, p in list(self.points.items())[2:]:
            if p.offset + p.size <= 2 + self.length:
                self.values[name] = _random_value(p, rng)
        for name, v in (values or {}).items():
            assert name in self.values, f"model {model_id}: no point {name} within {self.length} registers"
            self.values[name] = v

    def registers(self) -> list[int]:
        regs = [0] * (2 + self.length)
        regs[0:2] = [self.model_id, self.length]
        for name, v in self.values.items():
            p = self.points[name]
            regs[p.offset:p.offset + p.size] = encode(p, v)
        return regs


class Image:
    """"SunS" at ``base``, the blocks in order, the end model (id 0xFFFF, length 0)."""

    def __init__(self, base: int, blocks: list):
        self.base = base
        self.blocks = list(blocks)
        self.lock = threading.Lock()
        regs = _words(b"SunS")
        self.addresses = []
        for b in self.blocks:
            self.addresses.append(base + len(regs))
            regs += b.registers()
        regs += [mdef.END_MODEL_ID, 0]
        self.regs = regs

    @property
    def model_ids(self) -> list[int]:
        return [b.model_id for b in self.blocks]

    def block(self, model_id: int) -> Block:
        return next(b for b in self.blocks if b.model_id == model_id)

    def address(self, model_id: int) -> int:
        return self.addresses[self.model_ids.index(model_id)]

    def set(self, model_id: int, **values) -> None:
        """Change points of one model; all of them land before the next request is answered."""
        i = self.model_ids.index(model_id)
        b = self.blocks[i]
        with self.lock:
            for name, v in values.items():
                b.values[name] = v
                p = b.points[name]
                start = self.addresses[i] - self.base + p.offset
                self.regs[start:start + p.size] = encode(p, v)


# --- a pymodbus server for one image -----------------------------------------------------------------

class ImageServer:
    """A pymodbus Modbus/TCP server on 127.0.0.1 serving one :class:`Image` as holding registers.

    Registers outside the image answer "illegal data address". The loop runs in a daemon thread
    named ``sim-modbus-conformance`` (``no_live_threads`` checks that it is gone after the test).
    """

    def __init__(self, image: Image, unit: int = 1):
        self.image, self.unit, self.port = image, unit, None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sim-modbus-conformance", daemon=True)
        self._server = None

    async def _serve(self) -> int:
        from pymodbus.server import ModbusTcpServer
        from pymodbus.simulator import DataType, SimData, SimDevice
        image = self.image

        async def action(function_code, start_address, address, count, registers, set_values):
            with image.lock:  # the current image, whole: a value and its scale factor travel together
                registers[image.base - start_address:image.base - start_address + len(image.regs)] = image.regs

        device = SimDevice(id=self.unit, simdata=[SimData(image.base, values=list(image.regs),
                                                          datatype=DataType.REGISTERS)], action=action)
        self._server = ModbusTcpServer([device], address=("127.0.0.1", 0))
        await self._server.serve_forever(background=True)
        return self._server.transport.sockets[0].getsockname()[1]

    def __enter__(self):
        self._thread.start()
        try:
            self.port = asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(10)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        loop = self._loop

        async def stop():
            if self._server is not None:
                await self._server.shutdown()
            rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in rest:
                t.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            self._thread.join(10)
            assert not self._thread.is_alive(), "conformance Modbus server thread did not stop"
            loop.close()


# --- the two readers -----------------------------------------------------------------------------------

class Readers:
    """SolarFleet's client and pysunspec2's client on one server."""

    def __init__(self, server: ImageServer, *, meter_sign: int = 1):
        self.ours = SunSpecDevice(DeviceConfig("conformance", "127.0.0.1", server.port, server.unit,
                                               timeout=2.0, meter_sign=meter_sign))
        self.theirs = SunSpecModbusClientDeviceTCP(slave_id=server.unit, ipaddr="127.0.0.1", ipport=server.port,
                                                   timeout=2.0)

    def __enter__(self):
        self.info = self.ours.connect()
        try:
            self.theirs.scan()  # connects, finds "SunS", reads every model, disconnects
        except BaseException:
            self.ours.close()
            raise
        return self

    def __exit__(self, *exc):
        self.ours.close()
        self.theirs.disconnect()

    def read(self):
        """One reading by each: SolarFleet's :class:`Reading` (+ its ``decode_inverter`` output)."""
        reading = self.ours.read()
        inv = None
        if self.ours.inverter is not None:
            h = self.ours.inverter
            inv = decode_inverter(h.model_id, self.ours.link.read(h.address, h.length + 2))
        for m in self.theirs.model_list:
            m.read()
        return reading, inv

    def model(self, model_id: int):
        return self.theirs.models[model_id][0]


def _sf_ok(sf):
    """A scale factor as the specification allows it (sunssf: −10…10), else None."""
    return sf if sf is not None and -10 <= sf <= 10 else None


def theirs_scaled(model, name):
    """pysunspec2's value of a point with its scale factor; None when either is not implemented
    (or the scale factor is outside the specification's −10…10, which pysunspec2 would apply anyway)."""
    p = model.points[name]
    sf_name = p.pdef.get(mdef.SF)
    sf = _sf_ok(model.points[sf_name].value if isinstance(sf_name, str) else sf_name)
    if p.value is None or sf is None:
        return None
    return p.cvalue


def approx(x, **kw):
    return None if x is None else pytest.approx(x, **(kw or dict(rel=1e-12, abs=1e-12)))


def interval(x):
    """An interval energy: a difference of large counters, so an absolute tolerance."""
    return approx(x, rel=1e-12, abs=1e-6)


#: SunSpec's inverter operating states (model 103's ``St`` symbols) by value, lower case
ST_NAMES = {v: n.lower() for n, v in model_points(103)["St"].symbols}


def written(block: Block, name: str):
    """The value written to a point, None if it was the type's "not implemented" value."""
    p, v = block.points[name], block.values[name]
    return None if encode(p, v) == encode(p, NA) else v


def written_scaled(block: Block, name: str):
    value, sf = written(block, name), _sf_ok(written(block, block.points[name].sf))
    return None if value is None or sf is None else value * 10.0 ** sf


def expected_inverter(block: Block) -> dict:
    status = ST_NAMES.get(written(block, "St"), "unknown")
    if block.model_id in FLOAT_INVERTERS:
        return {"pv_power": written(block, "W"), "pv_energy": written(block, "WH"),
                "pv_energy_modulus": None, "dc_power": written(block, "DCW"), "status": status}
    wh_sf = _sf_ok(written(block, "WH_SF"))
    return {"pv_power": written_scaled(block, "W"), "pv_energy": written_scaled(block, "WH"),
            "pv_energy_modulus": None if wh_sf is None else ACC32 * 10.0 ** wh_sf,
            "dc_power": written_scaled(block, "DCW"), "status": status}


def expected_meter(block: Block, sign: int = 1) -> dict:
    w = written_scaled(block, "W")
    return {"grid_power": None if w is None else sign * w,
            "grid_export_energy": written_scaled(block, "TotWhExp"),
            "grid_import_energy": written_scaled(block, "TotWhImp")}


def check_inverter(reading, inv, block, theirs):
    """SolarFleet decoded what was written, and pysunspec2 agrees with it."""
    want = expected_inverter(block)
    assert reading.pv_power == approx(want["pv_power"])
    assert reading.pv_energy == approx(want["pv_energy"])
    assert reading.status == want["status"]
    assert inv["dc_power"] == approx(want["dc_power"])
    assert inv["pv_energy_modulus"] == approx(want["pv_energy_modulus"])
    if block.model_id in INTEGER_INVERTERS:
        got = {k: theirs_scaled(theirs, p) for k, p in (("pv_power", "W"), ("pv_energy", "WH"),
                                                        ("dc_power", "DCW"))}
    else:
        got = {k: theirs.points[p].value for k, p in (("pv_power", "W"), ("pv_energy", "WH"), ("dc_power", "DCW"))}
    assert got["pv_power"] == approx(reading.pv_power)
    assert got["pv_energy"] == approx(reading.pv_energy)
    assert got["dc_power"] == approx(inv["dc_power"])
    assert ST_NAMES.get(theirs.points["St"].value, "unknown") == reading.status


def check_meter(reading, block, theirs, sign: int = 1):
    want = expected_meter(block, sign)
    assert reading.grid_power == approx(want["grid_power"])
    assert reading.grid_export_energy == approx(want["grid_export_energy"])
    assert reading.grid_import_energy == approx(want["grid_import_energy"])
    w = theirs_scaled(theirs, "W")
    assert (None if w is None else sign * w) == approx(reading.grid_power)
    assert theirs_scaled(theirs, "TotWhExp") == approx(reading.grid_export_energy)
    assert theirs_scaled(theirs, "TotWhImp") == approx(reading.grid_import_energy)


def check_written(image: Image, readers: Readers):
    """pysunspec2 reads back every point the builder wrote: the images follow the definitions."""
    for b in image.blocks:
        theirs = readers.model(b.model_id)
        for name, v in b.values.items():
            got = theirs.points[name].value
            if b.points[name].type == "pad":
                continue
            assert got == v, f"model {b.model_id} point {name}: pysunspec2 read {got!r}, {v!r} was written"


# --- the register layouts -------------------------------------------------------------------------------

def _layouts():
    """Every inverter model at every base address, meters and common-model lengths rotating."""
    cases = []
    bases = (40000, 50000, 0)
    for i, inv in enumerate(INTEGER_INVERTERS + FLOAT_INVERTERS):
        for j, base in enumerate(bases):
            k = i * len(bases) + j
            meter = None if k % 7 == 6 else METERS[k % len(METERS)]
            cases.append(dict(base=base, common=66 if k % 2 == 0 else 65, inverter=inv, meter=meter,
                              others=OTHER_MODELS[:k % 3], unit=(1, 2, 126, 247)[k % 4], seed=k))
    for k, meter in enumerate(METERS):  # meter-only devices
        cases.append(dict(base=bases[k % 3], common=65 if k % 2 else 66, inverter=None, meter=meter,
                          others=OTHER_MODELS[k:k + 1], unit=1, seed=100 + k))
    return cases


LAYOUTS = _layouts()


def _layout_id(c):
    parts = [f"base{c['base']}", f"common{c['common']}"]
    parts += [f"inv{c['inverter']}"] if c["inverter"] else []
    parts += [f"meter{c['meter']}"] if c["meter"] else []
    return "-".join(parts)


def _common(length: int, rng) -> Block:
    return Block(1, {"Mn": "SunSpec Conformance Mfr", "Md": "ORACLE-" + str(int(rng.integers(10 ** 6))),
                     "Opt": "opt-B", "Vr": "2.4.1", "SN": "SN" + str(int(rng.integers(10 ** 9)))},
                 length=length, rng=rng)


def _inverter(model_id: int, rng, **values) -> Block:
    st = int(rng.integers(1, 9))
    if model_id in FLOAT_INVERTERS:
        base = {"W": float(np.float32(rng.uniform(-500, 1e5))), "WH": float(np.float32(rng.uniform(1, 1e9))),
                "DCW": float(np.float32(rng.uniform(0, 1.1e5))), "St": st}
    else:
        base = {"W": int(rng.integers(-32767, 32768)), "W_SF": int(rng.integers(-3, 4)),
                "WH": int(rng.integers(1, ACC32)), "WH_SF": int(rng.integers(-1, 4)),
                "DCW": int(rng.integers(-32767, 32768)), "DCW_SF": int(rng.integers(-3, 4)), "St": st}
    return Block(model_id, {**base, **values}, rng=rng)


def _meter(model_id: int, rng, **values) -> Block:
    base = {"W": int(rng.integers(-32767, 32768)), "W_SF": int(rng.integers(-3, 4)),
            "TotWhExp": int(rng.integers(1, ACC32)), "TotWhImp": int(rng.integers(1, ACC32)),
            "TotWh_SF": int(rng.integers(-1, 4))}
    return Block(model_id, {**base, **values}, rng=rng)


def build(base=40000, common=66, inverter=103, meter=None, others=(), seed=0, inverter_values=None,
          meter_values=None) -> Image:
    """Marker, common model, ``others`` (split around the inverter), inverter, meter, end."""
    rng = np.random.default_rng(seed)
    blocks = [_common(common, rng)]
    blocks += [Block(m, rng=rng) for m in others[:1]]
    if inverter is not None:
        blocks.append(_inverter(inverter, rng, **(inverter_values or {})))
    blocks += [Block(m, rng=rng) for m in others[1:]]
    if meter is not None:
        blocks.append(_meter(meter, rng, **(meter_values or {})))
    return Image(base, blocks)


# --- tests --------------------------------------------------------------------------------------------

def test_definitions_have_the_layout_these_tests_rely_on():
    """Guards the oracle itself: lengths and sentinels as the SunSpec specification publishes them."""
    assert model_length(1) == 66 and list(model_points(1))[-1] == "Pad"
    assert {m: model_length(m) for m in INTEGER_INVERTERS + FLOAT_INVERTERS + METERS} == {
        **{m: 50 for m in INTEGER_INVERTERS}, **{m: 60 for m in FLOAT_INVERTERS}, **{m: 105 for m in METERS}}
    for m in INTEGER_INVERTERS:
        p = model_points(m)
        assert (p["W"].type, p["W"].sf, p["WH"].type, p["WH"].sf, p["St"].type) == \
            ("int16", "W_SF", "acc32", "WH_SF", "enum16")
    for m in FLOAT_INVERTERS:
        p = model_points(m)
        assert (p["W"].type, p["WH"].type, p["DCW"].type, p["St"].type) == ("float32",) * 3 + ("enum16",)
        # the same operating states by value (model 111's published symbol names carry a stray "gg" prefix)
        assert [v for _, v in p["St"].symbols] == sorted(ST_NAMES)
    for m in METERS:
        p = model_points(m)
        assert (p["TotWhExp"].type, p["TotWhExp"].sf, p["TotWhImp"].sf) == ("acc32", "TotWh_SF", "TotWh_SF")
    assert ST_NAMES == {1: "off", 2: "sleeping", 3: "starting", 4: "mppt", 5: "throttled", 6: "shutting_down",
                        7: "fault", 8: "standby"}
    # "not implemented" per type, as register words
    words = {t: encode(Point("x", t, 0, 2 if t in ("acc32", "float32", "uint32", "int32") else 1, None, ()), NA)
             for t in ("int16", "uint16", "enum16", "sunssf", "acc32", "uint32", "int32", "float32")}
    assert words == {"int16": [0x8000], "uint16": [0xFFFF], "enum16": [0xFFFF], "sunssf": [0x8000],
                     "acc32": [0, 0], "uint32": [0xFFFF, 0xFFFF], "int32": [0x8000, 0], "float32": [0x7FC0, 0]}


@pytest.mark.parametrize("case", LAYOUTS, ids=_layout_id)
def test_layout_decoded_like_pysunspec2(case):
    """Base address, chain and values, whatever the base, the common length and the models around."""
    image = build(**{k: v for k, v in case.items() if k != "unit"})
    with ImageServer(image, unit=case["unit"]) as server, Readers(server) as r:
        reading, inv = r.read()
        theirs_base, theirs_chain = r.theirs.base_addr, [(m.model_id, m.model_addr) for m in r.theirs.model_list]
        check_written(image, r)
        info, ours = r.info, r.ours
        if case["inverter"]:
            check_inverter(reading, inv, image.block(case["inverter"]), r.model(case["inverter"]))
        if case["meter"]:
            check_meter(reading, image.block(case["meter"]), r.model(case["meter"]))
    assert info["base"] == theirs_base == case["base"]
    assert info["models"] == [m for m, _ in theirs_chain] == image.model_ids
    assert [a for _, a in theirs_chain] == image.addresses
    assert info["common_length"] == case["common"]
    common = image.block(1).values
    assert (info["manufacturer"], info["model"], info["options"], info["version"], info["serial"]) == \
        (common["Mn"], common["Md"], common["Opt"], common["Vr"], common["SN"])
    if case["inverter"]:
        assert (ours.inverter.model_id, ours.inverter.address, ours.inverter.length) == \
            (case["inverter"], image.address(case["inverter"]), model_length(case["inverter"]))
    else:
        assert ours.inverter is None and reading.pv_power is None and reading.status == "ok"
    if case["meter"]:
        assert (ours.meter.address, ours.meter.length) == (image.address(case["meter"]), 105)
    else:
        assert ours.meter is None and reading.grid_power is None
    if case["inverter"] and case["meter"]:
        assert reading.load_power == approx(reading.pv_power + reading.grid_power)
    else:
        assert reading.load_power is None


@pytest.mark.parametrize("inverter", INTEGER_INVERTERS)
def test_scale_factors_change_between_reads(inverter):
    """Each read uses the scale factors of the same request; counters scaled the same way."""
    image = build(inverter=inverter, meter=203, seed=inverter,
                  inverter_values=dict(W=1234, W_SF=-1, WH=5000, WH_SF=2, DCW=1300, DCW_SF=-1, St=4),
                  meter_values=dict(W=-150, W_SF=1, TotWhExp=7000, TotWhImp=9000, TotWh_SF=1))
    steps = [  # (inverter points, meter points)
        ({}, {}),
        (dict(W_SF=1, WH=5001), dict(W=300, W_SF=0, TotWhImp=9001)),
        (dict(W=-3, W_SF=2, DCW=-7, DCW_SF=0, WH=50010, WH_SF=1), dict(W_SF=-2, TotWhExp=70020, TotWh_SF=0)),
        (dict(W=32767, W_SF=-3, WH=ACC32 - 1, WH_SF=-1, St=5), dict(W=-32767, W_SF=3, TotWhImp=ACC32 - 1)),
    ]
    got = []
    with ImageServer(image) as server, Readers(server) as r:
        for inv_change, meter_change in steps:
            image.set(inverter, **inv_change)
            image.set(203, **meter_change)
            reading, inv = r.read()
            check_inverter(reading, inv, image.block(inverter), r.model(inverter))
            check_meter(reading, image.block(203), r.model(203))
            got.append(reading)
    # the documented example: raw 1234 at SF −1 and then at SF 1
    assert [x.pv_power for x in got[:2]] == [approx(123.4), approx(12340.0)]
    assert got[2].pv_power == approx(-300.0)
    # lifetime counters → interval energy [Wh], with the scale factor of each reading
    assert [x.pv_energy for x in got[:3]] == [approx(500_000.0), approx(500_100.0), approx(500_100.0)]
    assert [x.pv_energy_interval for x in got[:3]] == [None, interval(100.0), interval(0.0)]
    assert [x.grid_import_interval for x in got[:2]] == [None, interval(10.0)]
    assert got[2].grid_export_interval == interval(70_020.0 - 70_000.0)


@pytest.mark.parametrize("sf", [0, 1, -1])
def test_acc32_counter_wrap_uses_the_scaled_modulus(sf):
    image = build(inverter=103, meter=201, seed=7, inverter_values=dict(WH=ACC32 - 100, WH_SF=sf),
                  meter_values=dict(TotWhExp=ACC32 - 10, TotWh_SF=sf))
    with ImageServer(image) as server, Readers(server) as r:
        first, inv = r.read()
        check_inverter(first, inv, image.block(103), r.model(103))
        image.set(103, WH=50)
        image.set(201, TotWhExp=5)
        second, inv2 = r.read()
        check_inverter(second, inv2, image.block(103), r.model(103))
        check_meter(second, image.block(201), r.model(201))
    assert inv["pv_energy_modulus"] == approx(ACC32 * 10.0 ** sf)
    assert second.pv_energy_interval == interval(150 * 10.0 ** sf)
    assert second.grid_export_interval == interval(15 * 10.0 ** sf)
    assert second.counter_event == "wrap"


def test_acc32_top_bit_is_a_count_not_a_sentinel():
    """SunSpec's "not implemented" acc32 is 0; 0x80000000 (int32's sentinel) is an ordinary count."""
    image = build(inverter=101, meter=202, seed=3, inverter_values=dict(WH=0x80000000, WH_SF=0),
                  meter_values=dict(TotWhImp=0x80000000, TotWh_SF=1))
    with ImageServer(image) as server, Readers(server) as r:
        reading, inv = r.read()
        check_inverter(reading, inv, image.block(101), r.model(101))
        check_meter(reading, image.block(202), r.model(202))
    assert reading.pv_energy == 2.0 ** 31 and reading.grid_import_energy == 2.0 ** 31 * 10


NOT_IMPLEMENTED_CASES = [
    # (inverter, inverter points, meter points, expected None in the reading / inverter decode)
    (103, dict(W=NA), {}, {"pv_power", "load_power"}),
    (102, dict(W_SF=NA), {}, {"pv_power", "load_power"}),             # a value without its scale factor
    (101, dict(W_SF=11), {}, {"pv_power", "load_power"}),             # a scale factor outside −10…10
    (103, dict(WH=NA), {}, {"pv_energy"}),
    (103, dict(WH_SF=NA), {}, {"pv_energy", "pv_energy_modulus"}),
    (101, dict(DCW=NA), {}, {"dc_power"}),
    (102, dict(DCW_SF=NA), {}, {"dc_power"}),
    (103, dict(St=NA), {}, set()),                                     # status "unknown", checked below
    (111, dict(W=NA), {}, {"pv_power", "load_power"}),
    (112, dict(WH=NA), {}, {"pv_energy"}),
    (113, dict(DCW=NA, St=NA), {}, {"dc_power"}),
    (103, {}, dict(W=NA), {"grid_power", "load_power"}),
    (103, {}, dict(W_SF=NA), {"grid_power", "load_power"}),
    (103, {}, dict(TotWhImp=NA), {"grid_import_energy"}),
    (103, {}, dict(TotWhExp=NA), {"grid_export_energy"}),
    (103, {}, dict(TotWh_SF=NA), {"grid_import_energy", "grid_export_energy"}),
    (103, dict(W=NA, WH=NA, W_SF=NA, WH_SF=NA, DCW=NA, DCW_SF=NA, St=NA),
     dict(W=NA, W_SF=NA, TotWhImp=NA, TotWhExp=NA, TotWh_SF=NA),
     {"pv_power", "pv_energy", "pv_energy_modulus", "dc_power", "grid_power", "grid_import_energy",
      "grid_export_energy", "load_power"}),
]


def _na_id(case):
    inverter, inv, meter, _ = case
    if len(inv) + len(meter) > 2:
        return f"{inverter}-everything"
    return f"{inverter}-" + "-".join([f"inv:{k}={v!r}" for k, v in inv.items()] +
                                     [f"meter:{k}={v!r}" for k, v in meter.items()])


@pytest.mark.parametrize("inverter, inv_na, meter_na, missing", NOT_IMPLEMENTED_CASES,
                         ids=[_na_id(c) for c in NOT_IMPLEMENTED_CASES])
def test_not_implemented_is_missing_not_zero(inverter, inv_na, meter_na, missing):
    image = build(inverter=inverter, meter=204, seed=inverter, inverter_values=inv_na, meter_values=meter_na)
    with ImageServer(image) as server, Readers(server) as r:
        reading, inv = r.read()
        theirs_inv, theirs_meter = r.model(inverter), r.model(204)
        # pysunspec2 sees the sentinels as "not implemented" too (a value, not a number)
        for name, v in inv_na.items():
            if v is NA:
                assert theirs_inv.points[name].value is None, name
        for name, v in meter_na.items():
            if v is NA:
                assert theirs_meter.points[name].value is None, name
        check_inverter(reading, inv, image.block(inverter), theirs_inv)
        check_meter(reading, image.block(204), theirs_meter)
    values = {**reading.to_dict(), **{k: inv[k] for k in ("dc_power", "pv_energy_modulus")}}
    fields = ("pv_power", "pv_energy", "pv_energy_modulus", "dc_power", "grid_power", "grid_import_energy",
              "grid_export_energy", "load_power")
    if inverter in FLOAT_INVERTERS:
        missing = missing | {"pv_energy_modulus"}  # a float32 counter does not wrap
    assert {f for f in fields if values[f] is None} == missing
    for f in set(fields) - missing:
        assert values[f] is not None and not (isinstance(values[f], float) and math.isnan(values[f])), f
    assert reading.status == ("unknown" if inv_na.get("St") is NA else ST_NAMES[image.block(inverter).values["St"]])


@pytest.mark.parametrize("inverter", [103, 113])
def test_every_operating_state_of_the_definition(inverter):
    image = build(inverter=inverter, seed=11)
    states = [v for _, v in model_points(inverter)["St"].symbols]
    got = []
    with ImageServer(image) as server, Readers(server) as r:
        for st in states + [99, 0]:  # and two values the enumeration does not define
            image.set(inverter, St=st)
            reading, _ = r.read()
            assert r.model(inverter).points["St"].value == st
            got.append(reading.status)
    assert got == [ST_NAMES[s] for s in states] + ["unknown", "unknown"]
    assert len(set(got[:-2])) == 8


def test_meter_sign_flips_grid_power_only():
    image = build(inverter=103, meter=203, seed=5, meter_values=dict(W=-1500, W_SF=0))
    with ImageServer(image) as server, Readers(server, meter_sign=-1) as r:
        reading, inv = r.read()
        check_meter(reading, image.block(203), r.model(203), sign=-1)
        check_inverter(reading, inv, image.block(103), r.model(103))
    assert reading.grid_power == 1500.0
    assert reading.load_power == approx(reading.pv_power + 1500.0)
    assert reading.grid_export_energy == approx(expected_meter(image.block(203))["grid_export_energy"])
