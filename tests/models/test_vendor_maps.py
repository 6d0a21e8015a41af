"""Vendor register maps: input registers, word/byte order, 64-bit and float types, scale registers,
CT/PT ratios, enumerations, event bits, polling groups — read over Modbus TCP, RTU over TCP (a real
pymodbus RTU-framed server on 127.0.0.1) and RTU on a serial line (a pseudo-terminal pair answered by
an RTU responder written here, with its own CRC). Register images are written by hand below, word
by word, never generated from the map under test.
"""
from __future__ import annotations

import json
import os
import struct
import threading
import tty

import pytest

from solarfleet.models.live.devices import DeviceConfig, MapDevice, parse_modbus_url
from solarfleet.models.live.modbus_link import ModbusLink, ModbusReadError
from solarfleet.models.live.vendor_maps import MapError, decode_words, encode_words, parse_map
from tests.models.modbus_images import RegisterServer

pytestmark = pytest.mark.usefixtures("no_live_threads")

#: A three-phase meter + inverter layout exercising every map feature (a test map, not a vendor's).
MAP = {
    "name": "feature_test", "vendor": "test", "title": "every map feature",
    "settings": {"ct_ratio": {"address": 6, "type": "uint16"}, "pt_ratio": {"default": 1}},
    "blocks": [{"start": 0, "count": 10}, {"start": 100, "count": 30, "function": 4},
               {"start": 200, "count": 8, "function": 4, "every": 3}],
    "points": {
        "pv_power": {"address": 100, "type": "uint32", "function": 4, "word_order": "little"},
        "pv_energy": {"address": 102, "type": "uint64", "function": 4, "scale": 100.0},
        "grid_power": {"address": 106, "type": "float32", "function": 4, "scale": -1.0,
                       "multiply": ["ct_ratio", "pt_ratio"]},
        "voltage_a": {"address": 108, "type": "uint16", "function": 4, "scale": 0.1, "byte_order": "little"},
        "frequency": {"address": 109, "type": "int16", "function": 4, "scale_register": 110},
        "temp_heatsink": {"address": 111, "type": "int16", "function": 4, "scale": 0.1, "missing": [32767]},
        "mppt1_voltage": {"address": 112, "type": "uint16", "function": 4, "scale": 0.1},
        "mppt2_voltage": {"address": 113, "type": "uint16", "function": 4, "scale": 0.1},
        "status": {"address": 114, "type": "uint16", "function": 4, "states": {"0": "mppt", "5": "fault"}},
        "events": {"address": 115, "type": "uint32", "function": 4, "bits": {"0": "ground_fault", "17": "grid_lost"}},
        "fault_code": {"address": 117, "type": "int64", "function": 4, "states": {"-2": "island"}},
        "poa_global": {"address": 200, "type": "uint16", "function": 4},
    },
}


def _w32(v, fmt=">I"):
    return list(struct.unpack(">HH", struct.pack(fmt, v)))


def hand_image():
    """Holding and input registers written word by word."""
    holding = [0] * 10
    holding[6] = 40                                        # CT ratio 200/5
    inputs = {}
    inputs[100], inputs[101] = 48_000 & 0xFFFF, 48_000 >> 16   # 48 kW, low word first
    inputs.update(zip(range(102, 106), struct.unpack(">4H", struct.pack(">Q", 12_345_678_901))))
    inputs[106], inputs[107] = _w32(-301.5, ">f")          # secondary W, export positive on this meter
    inputs[108] = struct.unpack("<H", struct.pack(">H", 2301))[0]  # 230.1 V, bytes swapped
    inputs[109], inputs[110] = 5002, 0xFFFE                # 50.02 Hz with exponent −2
    inputs[111] = 32767                                    # not available
    inputs[112], inputs[113] = 6123, 5987
    inputs[114] = 5
    inputs[115], inputs[116] = _w32((1 << 17) | 1)
    inputs.update(zip(range(117, 121), struct.unpack(">4H", struct.pack(">q", -2))))
    inputs[200] = 812
    return holding, [inputs.get(a, 0) for a in range(100, 130)], [inputs.get(a, 0) for a in range(200, 208)]


def register_server(holding, inputs, slow, framer="socket", unit=3):
    """The hand image on a real pymodbus server (:class:`tests.models.modbus_images.RegisterServer`)."""
    table = {**{100 + i: v for i, v in enumerate(inputs)}, **{200 + i: v for i, v in enumerate(slow)}}
    return RegisterServer(dict(enumerate(holding)), table, unit=unit, framer=framer)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "feature_test.json"
    path.write_text(json.dumps(MAP), encoding="utf-8")
    return path


def _check(reading, details):
    assert reading.pv_power == 48_000.0                     # not 3,145,728,000 W
    assert reading.pv_energy == 1_234_567_890_100.0
    assert reading.grid_power == pytest.approx(301.5 * 40)  # CT ratio from the meter's register
    assert reading.status == "fault"
    d = details["feature_test"]
    assert d["voltage_a"] == pytest.approx(230.1)
    assert d["frequency"] == pytest.approx(50.02)
    assert d["temp_heatsink"] is None                       # missing, not 3276.7 °C, not 0
    assert [t["dc_voltage"] for t in d["mppt"]] == [pytest.approx(612.3), pytest.approx(598.7)]
    assert d["events"] == ("ground_fault", "grid_lost")
    assert d["fault_code"] == "island"
    assert reading.poa_global == 812.0


@pytest.mark.parametrize("transport", ["tcp", "rtu-tcp"])
def test_every_map_feature_over_tcp_and_rtu_over_tcp(map_file, transport):
    holding, inputs, slow = hand_image()
    framer = "rtu" if transport == "rtu-tcp" else "socket"
    with register_server(holding, inputs, slow, framer=framer) as srv:
        dev = MapDevice(DeviceConfig("m", "127.0.0.1", srv.port, 3, kind="map", map_name=str(map_file),
                                     transport=transport))
        try:
            info = dev.connect()
            srv.reads.clear()
            readings = [dev.read() for _ in range(4)]
        finally:
            dev.close()
    assert info["ct_ratio"] == 40.0 and info["pt_ratio"] == 1.0
    _check(readings[0], dev.details)
    # polling groups: the slow block (every 3rd poll) read on polls 1 and 4, its value kept between
    assert [r[1:] for r in srv.reads].count((200, 8)) == 2
    assert [r.poa_global for r in readings] == [812.0] * 4
    assert {fc for fc, address, _ in srv.reads if address >= 100} == {4}


def test_rtu_over_tcp_against_a_tcp_server_fails_clearly(map_file):
    holding, inputs, slow = hand_image()
    with register_server(holding, inputs, slow, framer="socket") as srv:
        link = ModbusLink("127.0.0.1", srv.port, 3, timeout=0.5, transport="rtu-tcp")
        link.connect()
        try:
            with pytest.raises(ModbusReadError, match="RTU over TCP"):
                link.read(100, 2, 4)
        finally:
            link.close()


# --- RTU on a serial line: a pseudo-terminal pair ----------------------------------------------------

def crc16(frame: bytes) -> bytes:
    """Modbus RTU CRC (polynomial 0xA001, initial 0xFFFF), low byte first."""
    crc = 0xFFFF
    for b in frame:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return struct.pack("<H", crc)


class PtyResponder:
    """Answers Modbus RTU read requests (functions 3 and 4) on the master side of a pty.

    (A Linux pty refuses parity other than N, so the line runs 8N1 here; even and odd parity are
    passed to pyserial unchanged and not exercised by this test.)
    """

    def __init__(self, unit, holding, inputs):
        self.unit, self.tables = unit, {3: dict(enumerate(holding)), 4: inputs}
        self.master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        self._slave = slave
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="sim-modbus-pty", daemon=True)

    def _run(self):
        import select
        buf = b""
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            buf += os.read(self.master, 256)
            while len(buf) >= 8:
                frame, buf = buf[:8], buf[8:]
                if crc16(frame[:6]) != frame[6:]:
                    buf = b""
                    break
                unit, fc, addr, count = struct.unpack(">BBHH", frame[:6])
                if unit != self.unit:
                    continue
                table = self.tables.get(fc, {})
                if any(a not in table for a in range(addr, addr + count)):
                    body = struct.pack(">BBB", unit, fc | 0x80, 2)
                else:
                    words = [table[a] for a in range(addr, addr + count)]
                    body = struct.pack(f">BBB{count}H", unit, fc, 2 * count, *words)
                os.write(self.master, body + crc16(body))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join(5)
        os.close(self.master)
        os.close(self._slave)


def test_rtu_on_a_serial_port(map_file):
    holding, inputs, slow = hand_image()
    table = {**{100 + i: v for i, v in enumerate(inputs)}, **{200 + i: v for i, v in enumerate(slow)}}
    with PtyResponder(7, holding, table) as pty:
        cfg = parse_modbus_url(f"rtu://{pty.path}?unit=7&map={map_file}&serial=19200,8,N,1", device_id="dtsu")
        assert (cfg.transport, cfg.host, cfg.unit_id, cfg.serial) == ("rtu", pty.path, 7, "19200,8,N,1")
        dev = MapDevice(cfg)
        try:
            dev.connect()
            reading = dev.read()
        finally:
            dev.close()
    _check(reading, dev.details)


# --- the map format ---------------------------------------------------------------------------------

def test_word_and_byte_orders():
    # 0x0000BB80 = 48,000 as AB CD, CD AB, BA DC, DC BA
    assert decode_words([0x0000, 0xBB80], "uint32") == 48_000
    assert decode_words([0xBB80, 0x0000], "uint32", word_order="little") == 48_000
    assert decode_words([0x0000, 0x80BB], "uint32", byte_order="little") == 48_000
    assert decode_words([0x80BB, 0x0000], "uint32", "little", "little") == 48_000
    assert decode_words([0xBB80, 0x0000], "uint32") == 3_145_728_000
    assert decode_words([0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE], "int64") == -2


@pytest.mark.parametrize("change, message", [
    (lambda m: m.update(function=4), "unknown key 'function'"),
    (lambda m: m["blocks"][0].update(word_order="little"), r"blocks\[0\]: unknown key 'word_order'"),
    (lambda m: m["points"]["pv_power"].update(wordorder="little"), "points.pv_power: unknown key 'wordorder'"),
    (lambda m: m["points"].update(pv_kw={"address": 0, "type": "uint16"}), "points.pv_kw: unknown quantity"),
    (lambda m: m["points"]["pv_power"].update(word_order="swapped"), "must be 'big' or 'little'"),
    (lambda m: m["points"]["pv_power"].update(function=3), "lies in no block of that function"),
    (lambda m: m["points"]["frequency"].update(scale_register=140), "scale_register.*lies in no block"),
    (lambda m: m["points"]["grid_power"].update(multiply=["k_factor"]), "multiply"),
    (lambda m: m["settings"].update(vt_ratio={"default": 2}), "settings.vt_ratio: unknown setting"),
    (lambda m: m["points"]["status"]["states"].update({"7": "broken"}), "states"),
    (lambda m: m["points"]["events"].pop("bits"), "bits"),
    (lambda m: m["blocks"][1].update(count=126), "count: must be an integer 1–125"),
])
def test_bad_maps_are_refused_naming_the_field(change, message):
    m = json.loads(json.dumps(MAP))
    change(m)
    with pytest.raises(MapError, match=message):
        parse_map(m, "feature_test.json")


def test_shipped_maps_parse():
    from solarfleet.models.live.vendor_maps import available_maps, load_map
    for name in available_maps():
        assert load_map(name).name == name


@pytest.mark.parametrize("typ, fmt, value", [("uint16", ">H", 65_535), ("int16", ">h", -53), ("uint32", ">I", 4_000_000_001),
                                             ("int32", ">i", -1_234), ("int64", ">q", -2), ("uint64", ">Q", 12_345_678_901),
                                             ("float32", ">f", 229.75)])
def test_encode_words_is_struct_packing_in_the_asked_order(typ, fmt, value):
    big = list(struct.unpack(f">{struct.calcsize(fmt) // 2}H", struct.pack(fmt, value)))
    assert encode_words(value, typ) == big
    assert encode_words(value, typ, word_order="little") == big[::-1]
    swapped = [int.from_bytes(w.to_bytes(2, "big"), "little") for w in big]
    assert encode_words(value, typ, byte_order="little") == swapped
    for wo in ("big", "little"):
        for bo in ("big", "little"):
            assert decode_words(encode_words(value, typ, wo, bo), typ, wo, bo) == value


def test_encode_words_refuses_what_does_not_fit():
    with pytest.raises(ValueError, match="int16"):
        encode_words(40_000, "int16")
    with pytest.raises(ValueError, match="uint32"):
        encode_words(-1, "uint32")
