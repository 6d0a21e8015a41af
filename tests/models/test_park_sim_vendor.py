"""Vendor-map devices of the simulated park: every point of every shipped map, read over a real
Modbus/TCP socket by the live client's map reader (MapDevice), decodes to the simulator's physical
value; power is consistent with voltage × current × PF; counters count, reset and faults show."""
from __future__ import annotations

import math

import pytest

from solarfleet.models.live.devices import make_device
from solarfleet.models.live.park_sim import ParkSim
from solarfleet.models.live.vendor_maps import POINT_FIELDS, available_maps, load_map

pytestmark = pytest.mark.usefixtures("no_live_threads")

MAPS = available_maps()
PV, LOAD = 20e3, 30e3  # [W]: small enough for the 16-bit power registers of the Acrel meter


def _is_meter(name: str) -> bool:
    return "pv_power" not in {p.name for p in load_map(name).points}


class _Clock:
    def __init__(self):
        self.t = 1.75e9

    def __call__(self):
        return self.t


def _sim(name, clock, pv=PV):
    meter = _is_meter(name)
    sim = ParkSim(1, 1 if meter else 0, lambda t: pv, lambda t: LOAD, rated=20e3, clock=clock,
                  **({"meter_maps": [name]} if meter else {"inverter_maps": [name]}))
    return sim, (2 if meter else 1)


def _decoded(device, reading, name):
    """What the live client made of point ``name``."""
    if name == "status":
        return reading.status
    if name in POINT_FIELDS:
        return getattr(reading, name)
    detail = device.details[device.map.name]
    if name.startswith("mppt"):
        n, what = name[4:].split("_")
        return detail["mppt"][int(n) - 1][f"dc_{what}"]
    return detail[name]


def _read(sim, unit):
    config = next(c for c in sim.devices(timeout=1.0) if c.unit_id == unit)
    device = make_device(config)
    device.connect()
    return device


@pytest.mark.parametrize("name", MAPS)
def test_every_point_decodes_to_the_simulated_value(name):
    clock = _Clock()
    sim, unit = _sim(name, clock)
    regmap = load_map(name)
    with sim:
        device = _read(sim, unit)
        try:
            reading = device.read()
            if any(p.name == "serial" for p in regmap.info):  # Growatt's is a holding register inside the
                assert device.info["serial"] == f"SIM{unit:04d}"  # input-register range: two spaces apart
            served = sim.values[unit]
            factors = sim._factors(regmap)
            checked = 0
            for p in regmap.points:
                got = _decoded(device, reading, p.name)
                if regmap.block_of(p).optional:
                    assert got is None, p.name  # not fitted: missing, never 0
                    continue
                want = served[p.name]
                if p.states is not None:
                    assert got == p.states[str(want)], p.name
                elif p.bits is not None:
                    assert got == (), p.name
                else:
                    resolution = abs(p.scale) * math.prod(factors[s] for s in p.multiply)
                    assert got == pytest.approx(want, abs=resolution / 2 + 1e-6 * abs(want) + 1e-9), p.name
                checked += 1
            assert checked >= 10 and not sim.images[unit].overflow
            if unit == 1:
                assert reading.status == "mppt" and reading.pv_power == pytest.approx(PV * 0.975, abs=1)
            else:
                assert reading.grid_power == pytest.approx(LOAD - PV * 0.975, abs=1)  # import positive
        finally:
            device.close()


def _ac_power_check(device, reading, regmap, power):
    names = {p.name for p in regmap.points}
    detail = device.details[regmap.name]
    pf = detail.get("power_factor", 1.0)
    if {"voltage_a", "current_a"} <= names:
        s = sum(detail[f"voltage_{ph}"] * detail[f"current_{ph}"] for ph in "abc")
    else:
        s = math.sqrt(3) * detail["voltage_ab"] * detail["current_a"]
    assert s * pf == pytest.approx(abs(power), rel=0.03)
    if "voltage_ab" in names:
        assert math.sqrt(3) * detail["voltage_ab"] * detail["current_a"] * pf == pytest.approx(abs(power), rel=0.03)


@pytest.mark.parametrize("name", MAPS)
def test_power_counters_faults_and_resets(name):
    clock = _Clock()
    sim, unit = _sim(name, clock)
    regmap = load_map(name)
    meter = unit == 2
    counter = "grid_import_energy" if meter else "pv_energy"
    with sim:
        device = _read(sim, unit)
        try:
            first = device.read()
            power = first.grid_power if meter else first.pv_power
            _ac_power_check(device, first, regmap, power)
            clock.t += 3600.0
            second = device.read()
            grew = getattr(second, counter) - getattr(first, counter)
            step = abs(next(p for p in regmap.points if p.name == counter).scale)
            assert grew == pytest.approx(power, abs=step)  # one hour at that power [Wh]
            assert grew > 0
            sim.reset_counter(0, meter=meter)
            third = device.read()
            assert getattr(third, counter) < getattr(second, counter) / 100
            if not meter and any(p.name == "mppt2_current" for p in regmap.points):
                sim.string_fault(0, 1, 0.3)
                device.read()
                mppt = device.details[regmap.name]["mppt"]
                assert mppt[1]["dc_current"] == pytest.approx(0.3 * mppt[0]["dc_current"], abs=0.1)
            if not meter:
                sim.fault(0, "ground_fault")
                faulted = device.read()
                detail = device.details[regmap.name]
                assert faulted.status == "fault" and faulted.pv_power == 0.0
                assert detail.get("fault_code", 1) != 0
                if "events" in {p.name for p in regmap.points}:
                    assert detail["events"] == ("ground_fault",)
                sim.fault(0, None)
                assert device.read().status == "mppt"
        finally:
            device.close()


def test_night_state_stall_and_refused_maps():
    clock = _Clock()
    sim = ParkSim(2, 0, lambda t: 0.0, lambda t: LOAD, clock=clock, inverter_maps=["huawei_sun2000", "goodwe_mt"])
    with sim:
        devices = [_read(sim, u) for u in (1, 2)]
        try:
            assert [d.read().status for d in devices] == ["sleeping", "standby"]
            sim.stall(1, 1.5)
            from solarfleet.models.live.modbus_link import ModbusReadError
            with pytest.raises(ModbusReadError):
                devices[0].read()
            assert devices[1].read().pv_power == 0.0  # the other unit keeps answering
        finally:
            for d in devices:
                d.close()
    with pytest.raises(ValueError, match="no pv_power point"):
        ParkSim(1, 0, lambda t: 0.0, lambda t: 0.0, inverter_maps=["chint_dtsu666"])
    with pytest.raises(ValueError, match="no grid_power point"):
        ParkSim(0, 1, lambda t: 0.0, lambda t: 0.0, meter_maps=["sungrow_sg"])


def test_a_value_the_register_cannot_hold_is_never_served_as_a_number():
    """Acrel's power registers are int16 W (no "missing" value): 60 kW import fails the request;
    GoodWe's uint32 counter has one: an energy beyond it reads as missing, never wrapped."""
    from solarfleet.models.live.modbus_link import ModbusReadError
    clock = _Clock()
    sim = ParkSim(1, 1, lambda t: 0.0, lambda t: 60e3, clock=clock, meter_maps=["acrel_adl"],
                  inverter_maps=["goodwe_mt"])
    sim.inverters[0].energy = 2.0 ** 32 * 100.0  # [Wh] beyond the 0.1 kWh uint32 counter
    with sim:
        inverter = _read(sim, 1)
        try:
            assert inverter.read().pv_energy is None and sim.images[1].overflow == {"pv_energy"}
        finally:
            inverter.close()
        config = next(c for c in sim.devices(timeout=1.0) if c.unit_id == 2)
        meter = make_device(config)
        try:
            with pytest.raises(ModbusReadError) as err:
                meter.connect()
            assert err.value.exception_code == 4 and "grid_power" in sim.images[2].overflow
        finally:
            meter.close()


def test_cli_refuses_a_map_of_the_wrong_kind_in_one_line(capsys):
    from solarfleet.models.live.park_sim import _main
    with pytest.raises(SystemExit) as exit_:
        _main(["--inverters", "1", "--meters", "1", "--meter-maps", "sungrow_sg"])
    assert exit_.value.code == 2
    assert "map 'sungrow_sg' has no grid_power point" in capsys.readouterr().err.strip().splitlines()[-1]
