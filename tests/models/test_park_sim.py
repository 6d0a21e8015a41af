"""The simulated park: every point physically consistent (read back by pysunspec2, not by our decoder),
faults, string faults, stalls and counter resets seen by SolarFleet's client and session totals."""
from __future__ import annotations

import math
import time

import pytest
from sunspec2.modbus.client import SunSpecModbusClientDeviceTCP

from solarfleet.models.live.devices import make_device
from solarfleet.models.live.modbus_link import ModbusReadError
from solarfleet.models.live.park_sim import ParkSim
from solarfleet.models.live.sunspec_units import device_faults

pytestmark = pytest.mark.usefixtures("no_live_threads")


def _theirs(sim, unit):
    d = SunSpecModbusClientDeviceTCP(slave_id=unit, ipaddr="127.0.0.1", ipport=sim.server.port, timeout=2.0)
    d.scan()
    return d


def test_every_point_is_physically_consistent():
    with ParkSim(2, 2, lambda t: 100e3, lambda t: 150e3) as sim:
        inv, meter = _theirs(sim, 1), _theirs(sim, 3)
        try:
            i, mppt, m = inv.models[103][0], inv.models[160][0], meter.models[203][0]
            for model in (i, mppt, m):
                model.read()
        finally:
            inv.disconnect()
            meter.disconnect()
    w, pf = i.W.cvalue, i.PF.cvalue / 100
    assert w == pytest.approx(50e3 * 0.975, abs=10)
    assert i.DCW.cvalue == pytest.approx(50e3, abs=10) and w / i.DCW.cvalue == pytest.approx(0.975, abs=1e-3)
    phases = sum(getattr(i, f"PhVph{p}").cvalue * getattr(i, f"Aph{p}").cvalue for p in "ABC")
    assert phases * pf == pytest.approx(w, rel=2e-3)
    assert 45 < i.Hz.cvalue < 55 and 200 < i.PhVphA.cvalue < 260 and i.TmpSnk.cvalue > i.TmpCab.cvalue > 25
    assert i.St.value == 4 and i.WH.cvalue > 0
    trackers = mppt.groups["module"]
    assert len(trackers) == 4
    assert sum(t.DCW.cvalue for t in trackers) == pytest.approx(i.DCW.cvalue, abs=10)
    for t in trackers:
        assert t.DCV.cvalue * t.DCA.cvalue == pytest.approx(t.DCW.cvalue, rel=2e-3)
    # the grid meter sees load − PV, import positive, consistent per phase
    assert m.W.cvalue == pytest.approx(150e3 - 2 * w, abs=200)
    assert 3 * m.WphA.cvalue == pytest.approx(m.W.cvalue, abs=300)
    assert m.VA.cvalue * m.PF.cvalue / 100 == pytest.approx(abs(m.W.cvalue), rel=2e-2)
    assert m.TotWhImp.cvalue > 0 and 45 < m.Hz.cvalue < 55


def test_faults_string_faults_stalls_and_resets():
    with ParkSim(2, 2, lambda t: 100e3, lambda t: 150e3) as sim:
        devices = [make_device(c) for c in sim.devices(timeout=0.5)]
        try:
            for d in devices:
                d.connect()
            roles = [u["role"] for d in devices for u in d.info["units"] if u["role"]]
            assert roles == ["pv_inverter", "pv_inverter", "grid_meter", "production_meter"]
            first = [d.read() for d in devices]
            sim.string_fault(0, 2, 0.3)
            sim.fault(1, "ground_fault")
            sim.reset_counter(0)
            time.sleep(0.05)
            second = [d.read() for d in devices]
            assert device_faults(devices[0].details) == [(f"160@{sim.images[1].models[160]}", "weak_tracker:PV3")]
            assert ("103@40070", "ground_fault") in device_faults(devices[1].details)
            assert second[1].status == "fault" and second[1].pv_power == 0.0
            assert second[0].counter_event == "reset"
            assert second[0].pv_power == pytest.approx(first[0].pv_power * (3 + 0.3) / 4, rel=2e-3)
            # the meters follow: the grid meter sees less PV, the production meter only inverter 1
            assert second[2].grid_power == pytest.approx(150e3 - second[0].pv_power, abs=200)
            assert second[3].pv_power == pytest.approx(second[0].pv_power, abs=200)
            assert second[3].pv_measured_by == "production_meter"
            sim.stall(1, 1.0)
            with pytest.raises(ModbusReadError):
                devices[0].read()
            assert devices[1].read().status == "fault"  # the others keep answering
            sim.stall(1, 0)
        finally:
            for d in devices:
                d.close()
    assert not math.isnan(first[0].pv_power)


def test_device_faults_and_weak_strings_raise_and_clear_alarms(tmp_path):
    from solarfleet.models.live.session import LiveSession
    from solarfleet.models.live.source import Poller
    from solarfleet.models.store import live_alarms, open_store
    db = tmp_path / "a.db"
    open_store(db).close()
    with ParkSim(2, 1, lambda t: 100e3, lambda t: 150e3) as sim:
        sim.string_fault(0, 1, 0.2)
        session = LiveSession(Poller(sim.devices(timeout=1.0), interval=0.1), db, park="P", flush_interval=0.2)
        session.start()
        try:
            events = []
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not events:
                time.sleep(0.1)
                events += session.poll().alarms
            sim.string_fault(0, 1, 1.0)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not any(e == "cleared" for e, _ in events):
                time.sleep(0.1)
                events += session.poll().alarms
        finally:
            session.stop()
    raised = [a for e, a in events if e == "raised"]
    assert [a.kind for a in raised] == ["device_fault"] and raised[0].message.endswith("weak_tracker:PV2")
    assert any(e == "cleared" for e, _ in events)
    with open_store(db) as s:
        (row,) = [r for r in live_alarms(s, park="P") if r["kind"] == "device_fault"]
    assert row["device_id"] == "inv-01" and row["end_utc"] is not None
