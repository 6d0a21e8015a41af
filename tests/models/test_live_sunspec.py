"""SunSpec and vendor-map clients against a real pymodbus TCP server on 127.0.0.1."""
from __future__ import annotations

import math
import time

import pytest

from solarfleet.models.live.devices import DeviceConfig, MapDevice, SunSpecDevice, parse_modbus_url, check_connection
from solarfleet.models.live.modbus_link import ModbusReadError, quiet_pymodbus
from solarfleet.models.live.source import Poller, ReadingQueue, backoff_delay
from solarfleet.models.live.sunspec import SunSpecError, SunSpecNotFound
from solarfleet.models.live.sunspec_sim import SimulatedServer, huawei_image, sunspec_image

quiet_pymodbus()


pytestmark = pytest.mark.usefixtures("no_live_threads")  # tests/conftest.py


def _device(port, unit=1, **kw):
    return SunSpecDevice(DeviceConfig("dev", "127.0.0.1", port, unit, timeout=1.0, **kw))


def _wait(pred, timeout=8.0, step=0.02):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return False


@pytest.mark.parametrize("base, common_length", [(40000, 66), (40000, 65), (50000, 66), (0, 65)])
def test_discovery_walks_chain_whatever_the_common_length(base, common_length):
    img = sunspec_image(base=base, common_length=common_length, inverter=103, meter=203,
                        extra_models=((120, 26),), manufacturer="SolarEdge", serial="7E1234")
    img.set_inverter(w=2345, w_sf=0, wh=100_000, wh_sf=0, st=4)
    img.set_meter(w=-1500, w_sf=0)
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        try:
            info = dev.connect()
            r = dev.read()
        finally:
            dev.close()
    assert info["base"] == base
    assert info["models"] == [1, 120, 103, 203]
    assert info["common_length"] == common_length
    assert info["manufacturer"] == "SolarEdge" and info["serial"] == "7E1234"
    # the inverter sits one register earlier with the 65-register common block: read by chain, not offset
    assert dev.inverter.address == base + 2 + 2 + common_length + 2 + 26
    assert r.pv_power == 2345.0
    assert r.pv_energy == 100_000.0
    assert r.grid_power == -1500.0
    assert r.load_power == 2345.0 - 1500.0
    assert r.status == "mppt"


def test_scale_factor_changes_between_reads():
    img = sunspec_image(inverter=103)
    img.set_inverter(w=1234, w_sf=-1, wh=5000, wh_sf=2)
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        dev.connect()
        try:
            r1 = dev.read()
            img.set_inverter(w=1234, w_sf=1, wh=5001, wh_sf=2)
            r2 = dev.read()
            img.set_inverter(w=-3, w_sf=2)   # negative raw value (night consumption)
            r3 = dev.read()
        finally:
            dev.close()
    assert r1.pv_power == pytest.approx(123.4)
    assert r2.pv_power == pytest.approx(12340.0)
    assert r3.pv_power == pytest.approx(-300.0)
    assert r1.pv_energy == 500_000.0 and r2.pv_energy == 500_100.0
    assert r2.pv_energy_interval == pytest.approx(100.0)


def test_value_and_scale_factor_come_from_one_request():
    """The server flips (value, SF) between two encodings of 1 kW on every request; a client that
    read them separately would see 100 W or 10 kW."""
    img = sunspec_image(inverter=103)
    flip = {"n": 0}

    def toggle(image):
        flip["n"] += 1
        if flip["n"] % 2:
            image.set_inverter(w=1000, w_sf=0)
        else:
            image.set_inverter(w=100, w_sf=1)

    img.on_read = toggle
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        dev.connect()
        try:
            values = {dev.read().pv_power for _ in range(20)}
        finally:
            dev.close()
    assert values == {1000.0}
    assert flip["n"] >= 20


def test_not_implemented_sentinels_are_missing_not_zero():
    img = sunspec_image(inverter=103, meter=203)
    img.set_inverter(w=0x8000, w_sf=0, wh=0, wh_sf=0, st=0xFFFF)   # W not implemented, acc32 0, St unset
    img.set_meter(w=500, w_sf=0x8000, wh_imp=0, wh_exp=10, wh_sf=0)  # SF not implemented
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        dev.connect()
        try:
            r = dev.read()
            img.set_inverter(w=100, w_sf=0x8000)
            r2 = dev.read()
        finally:
            dev.close()
    assert r.pv_power is None and r.pv_energy is None
    assert r.status == "unknown"
    assert r.grid_power is None and r.grid_import_energy is None
    assert r.grid_export_energy == 10.0
    assert r.load_power is None
    assert r2.pv_power is None  # value present but its scale factor is not


def test_float_inverter_model():
    img = sunspec_image(inverter=113)
    img.set_float_inverter(w=4321.5, wh=1.5e6, st=5)
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        dev.connect()
        try:
            r = dev.read()
            img.set_float_inverter(w=float("nan"))
            r2 = dev.read()
        finally:
            dev.close()
    assert r.pv_power == pytest.approx(4321.5)
    assert r.pv_energy == pytest.approx(1.5e6)
    assert r.status == "throttled"
    assert r2.pv_power is None


def test_counter_reset_and_wrap():
    img = sunspec_image(inverter=103)
    img.set_inverter(w=100, w_sf=0, wh=1000, wh_sf=0)
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        dev.connect()
        got = []
        try:
            for wh in (1000, 1500, 200, 260, 2 ** 32 - 100, 50):
                img.set_inverter(wh=wh)
                got.append(dev.read())
        finally:
            dev.close()
    deltas = [r.pv_energy_interval for r in got]
    events = [r.counter_event for r in got]
    assert deltas[:4] == [None, 500.0, 200.0, 60.0]
    assert events[2] == "reset"
    assert deltas[5] == 150.0 and events[5] == "wrap"


def test_wrong_unit_id_is_reported_quickly():
    img = sunspec_image(inverter=103)
    with SimulatedServer({1: img}) as srv:
        t0 = time.monotonic()
        res = check_connection(DeviceConfig("x", "127.0.0.1", srv.port, 7, timeout=1.0))
        elapsed = time.monotonic() - t0
        ok = check_connection(DeviceConfig("y", "127.0.0.1", srv.port, 1, timeout=1.0))
    assert res["ok"] is False
    assert "unit id" in res["error"]
    assert elapsed < 5
    assert ok["ok"] is True and ok["reading"]["status"] == "mppt"


def test_not_sunspec_and_no_server():
    img = huawei_image()
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        with pytest.raises(SunSpecNotFound, match="SunS"):
            dev.connect()
        port = srv.port
    dev = _device(port)  # the server is gone: nothing listens on the port
    with pytest.raises(ModbusReadError, match="cannot connect"):
        dev.connect()


def test_huawei_map():
    inv = huawei_image(pv_power=45678, pv_energy_kwh100=123456, status=512)
    inv.set({37113: [0xFFFF, 0xFC18]})  # meter: -1000 W = supply from the grid (import)
    no_meter = huawei_image(pv_power=1000, status=40960, meter=False)
    with SimulatedServer({1: inv, 2: no_meter}) as srv:
        d1 = MapDevice(DeviceConfig("h1", "127.0.0.1", srv.port, 1, kind="map", map_name="huawei_sun2000"))
        d2 = MapDevice(DeviceConfig("h2", "127.0.0.1", srv.port, 2, kind="map", map_name="huawei_sun2000"))
        try:
            info = d1.connect()
            r1 = d1.read()
            inv.set({32106: [0, 0]})        # counter reset to zero
            inv.set({32106: [0, 5]})
            r1b = d1.read()
            d2.connect()
            r2 = d2.read()
        finally:
            d1.close()
            d2.close()
    assert info["model"] == "SUN2000-50KTL-M3" and info["serial"] == "HV2300000001"
    assert r1.pv_power == 45678.0                   # kW × 1000 register → W
    assert r1.pv_energy == 1_234_560.0              # kWh × 100 register → Wh
    assert r1.status == "mppt"
    assert r1.grid_power == 1000.0                  # import is positive in SolarFleet
    assert r1.load_power == 46678.0
    assert r1b.pv_energy == 50.0 and r1b.counter_event == "reset" and r1b.pv_energy_interval == 50.0
    assert r2.pv_power == 1000.0 and r2.status == "sleeping"
    assert r2.grid_power is None and r2.load_power is None  # no meter fitted: missing, not zero


def test_poller_reconnects_after_server_drops_connection():
    img = sunspec_image(inverter=103)
    img.set_inverter(w=777, w_sf=0)
    q = ReadingQueue()
    with SimulatedServer({1: img}) as srv:
        poller = Poller([DeviceConfig("inv", "127.0.0.1", srv.port, 1, timeout=0.5)], interval=0.05,
                        backoff_initial=0.1, backoff_max=0.4)
        poller.start(q)
        try:
            assert _wait(lambda: poller.statuses()["inv"].readings >= 3)
            srv.stop_listening()
            assert _wait(lambda: poller.statuses()["inv"].link == "backoff")
            st = poller.statuses()["inv"]
            assert st.failures >= 1 and st.last_error
            q.drain()
            time.sleep(0.3)
            assert all(r.pv_power == 777.0 for r in q.drain())
            srv.start()  # back on the same port
            assert _wait(lambda: poller.statuses()["inv"].link == "ok")
            assert _wait(lambda: len(q.drain()) > 0)
        finally:
            poller.stop(timeout=5)
    assert poller.statuses()["inv"].link == "stopped"
    assert not poller.running


def test_dead_device_never_blocks_the_others():
    good = sunspec_image(inverter=103)
    good.set_inverter(w=10, w_sf=2)
    with SimulatedServer({1: good}) as srv:
        with SimulatedServer({1: sunspec_image(inverter=103)}) as dead_srv:
            dead_port = dead_srv.port
        devices = [DeviceConfig("good", "127.0.0.1", srv.port, 1, timeout=0.5),
                   DeviceConfig("wrong-unit", "127.0.0.1", srv.port, 9, timeout=0.5),
                   DeviceConfig("gone", "127.0.0.1", dead_port, 1, timeout=0.5)]
        q = ReadingQueue()
        poller = Poller(devices, interval=0.1, backoff_initial=0.2, backoff_max=1.0)
        t0 = time.monotonic()
        poller.start(q)
        try:
            time.sleep(1.5)
        finally:
            poller.stop(timeout=5)
        stop_time = time.monotonic() - t0
    readings = q.drain()
    by_dev = {d: [r for r in readings if r.device_id == d] for d in ("good", "wrong-unit", "gone")}
    assert len(by_dev["good"]) >= 10          # ~15 at 10 Hz
    assert all(r.pv_power == 1000.0 for r in by_dev["good"])
    assert by_dev["wrong-unit"] == [] and by_dev["gone"] == []
    st = poller.statuses()
    assert st["wrong-unit"].failures >= 2 and "unit id" in st["wrong-unit"].last_error
    assert st["gone"].failures >= 2 and "cannot connect" in st["gone"].last_error
    assert stop_time < 4


def test_backoff_delay_doubles_and_caps():
    assert [backoff_delay(n, 1.0, 10.0) for n in range(6)] == [0.0, 1.0, 2.0, 4.0, 8.0, 10.0]


def test_parse_modbus_url():
    c = parse_modbus_url("sunspec://127.0.0.1:1502/3")
    assert (c.host, c.port, c.unit_id, c.kind) == ("127.0.0.1", 1502, 3, "sunspec")
    m = parse_modbus_url("modbus://10.0.0.5/1?map=huawei_sun2000")
    assert m.kind == "map" and m.port == 502 and m.map_name == "huawei_sun2000"
    for bad in ("http://x", "sunspec://h:99999", "sunspec://h:502/x", "modbus://h:502/1"):
        with pytest.raises(ValueError):
            parse_modbus_url(bad)


def test_malformed_chain_is_an_error():
    img = sunspec_image(inverter=None, meter=None, extra_models=((64001, 4),))
    with SimulatedServer({1: img}) as srv:
        dev = _device(srv.port)
        with pytest.raises(SunSpecError, match="no inverter"):
            dev.connect()
        assert not dev.link.connected


def _read_huawei(img):
    with SimulatedServer({1: img}) as srv:
        dev = MapDevice(DeviceConfig("h", "127.0.0.1", srv.port, 1, kind="map", map_name="huawei_sun2000"))
        try:
            dev.connect()
            r = dev.read()
        finally:
            dev.close()
    return r, dev.details["huawei_sun2000"], dev.map


@pytest.mark.parametrize("power", [2_500, 31_234, 49_800])
def test_simulated_huawei_serves_every_map_point_consistently(power):
    img = huawei_image(pv_power=power, pv_energy_kwh100=9_876_543, grid_power=3_000.0,
                       grid_import_energy=4.5e6, grid_export_energy=7.25e6)
    raw = img.snapshot()
    r, d, regmap = _read_huawei(img)
    got = {p.name: (d["state"] if p.name == "status" else getattr(r, p.name) if hasattr(r, p.name) else d[p.name])
           for p in regmap.points}
    assert set(got) == {p.name for p in regmap.points} and None not in got.values()
    assert [n for n, v in got.items() if v == 0] == ["fault_code"]      # nothing else is a served zero
    assert got["status"] == "mppt" and r.pv_power == power
    v_line = (got["voltage_ab"] + got["voltage_bc"] + got["voltage_ca"]) / 3
    i_mean = (got["current_a"] + got["current_b"] + got["current_c"]) / 3
    assert math.sqrt(3) * v_line * i_mean * got["power_factor"] == pytest.approx(power, rel=0.03)
    for ph in "abc":                                      # per phase: P/3 = V·I·PF
        assert 3 * got[f"voltage_{ph}"] * got[f"current_{ph}"] * got["power_factor"] == pytest.approx(power, rel=0.03)
        assert 225 <= got[f"voltage_{ph}"] <= 235
    assert 390 <= v_line <= 410
    assert 0.99 <= got["power_factor"] <= 1.0
    assert got["reactive_power"] > 0                      # PF = P / √(P² + Q²), to the register's 0.001
    assert power / math.hypot(power, got["reactive_power"]) == pytest.approx(got["power_factor"], abs=0.0006)
    assert got["dc_power"] >= power and got["dc_power"] == pytest.approx(power / 0.98, abs=1.0)
    assert 49.9 <= got["frequency"] <= 50.1
    assert 25.0 < got["temp_cabinet"] < 50.0
    assert r.grid_power == 3_000.0 and r.load_power == power + 3_000.0     # importing 3 kW
    assert (raw[37113] << 16 | raw[37114]) == (-3_000) & 0xFFFFFFFF       # the meter: feed-in positive on the wire
    assert (r.grid_import_energy, r.grid_export_energy) == (4.5e6, 7.25e6)
    # the registers in the Interface Definitions' own gains (not through the map): 32085 Hz ×100, 32069 V ×10,
    # 32080 / 32064 kW ×1000 as I32 high word first, 32084 PF ×1000
    assert 4990 <= raw[32085] <= 5010 and 2250 <= raw[32069] <= 2350 and 990 <= raw[32084] <= 1000
    assert (raw[32080] << 16 | raw[32081]) == power and (raw[32064] << 16 | raw[32065]) > power


def test_simulated_huawei_temperature_rises_with_load_and_night_is_not_faked():
    light, full = (_read_huawei(huawei_image(pv_power=p))[1] for p in (5_000, 50_000))
    assert full["temp_cabinet"] > light["temp_cabinet"]
    r, d, _ = _read_huawei(huawei_image(pv_power=0, status=40960))
    assert r.pv_power == 0.0 and r.status == "sleeping"
    assert d["current_a"] == 0.0 and d["dc_power"] == 0.0   # no output: no current
    assert 225 <= d["voltage_a"] <= 235 and 49.9 <= d["frequency"] <= 50.1   # the grid is still there


def test_simulated_huawei_fault_injection():
    r, d, _ = _read_huawei(huawei_image(pv_power=0, fault_code=2064))
    assert r.status == "fault" and d["fault_code"] == 2064 and d["current_b"] == 0.0
    with pytest.raises(ValueError, match="tripped"):
        huawei_image(pv_power=1_000, fault_code=2064)
