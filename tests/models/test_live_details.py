"""Detail quantities of live devices: stored compactly (float32 blob + a shared layout), read back as
they were (missing stays missing, states and event codes intact), pruned after the retention window once rolled up,
and recorded by a live session from a simulated park — every minute, and at once on a fault."""
from __future__ import annotations

import math
import time

import pandas as pd
import pytest

from solarfleet.models.store import (add_live_details, live_detail_frame, live_details, open_store,
                                     prune_live_details, roll_up_live_details, set_live_retention_days)
from solarfleet.models.store.live_details import flatten_details, unflatten_details

T0 = pd.Timestamp("2026-06-18 04:00", tz="UTC")


def snapshot(dc_current_pv2=8.5, state="mppt", events=()):
    return {
        "103@40070": {"kind": "inverter", "model_id": 103, "ac_power": 48_000.0, "voltage_a": 230.4,
                      "current_a": 69.5, "frequency": 50.01, "power_factor": -0.98, "temp_cabinet": None,
                      "temp_heatsink": 41.5, "state": state, "events": tuple(events)},
        "160@40124": {"kind": "mppt", "model_id": 160, "state": "ok", "events": (),
                      "mppt": [{"label": "PV1", "dc_voltage": 612.3, "dc_current": 9.1, "dc_power": 5572.0,
                                "state": "mppt", "events": ()},
                               {"label": "PV2", "dc_voltage": 611.0, "dc_current": dc_current_pv2,
                                "dc_power": None, "state": "mppt", "events": ("input_over_current",)}]},
    }


def test_round_trip_keeps_missing_states_and_events():
    layout, blob, events = flatten_details(snapshot(events=("ground_fault",), state="fault"))
    back = unflatten_details(layout, blob, events)
    inv, mppt = back["103@40070"], back["160@40124"]
    assert inv["temp_cabinet"] is None                    # missing, not 0
    assert inv["state"] == "fault" and inv["events"] == ("ground_fault",)
    assert inv["kind"] == "inverter" and inv["model_id"] == 103.0
    assert inv["power_factor"] == pytest.approx(-0.98, rel=1e-6)    # float32: 7 digits
    assert [t["label"] for t in mppt["mppt"]] == ["PV1", "PV2"]
    assert mppt["mppt"][1]["dc_power"] is None and mppt["mppt"][1]["events"] == ("input_over_current",)
    assert mppt["events"] == () and mppt["mppt"][0]["state"] == "mppt"
    # compact: 4 bytes a number, the texts only in the shared layout
    n_numbers = 8 + 1 + 2 * 3                             # inverter, MPPT unit, two trackers
    assert len(blob) == 4 * (n_numbers + 4)               # numbers, then the four states


def test_store_read_back_frame_and_prune(file_store):
    snaps = [("inv-1", T0 + pd.Timedelta(minutes=i), snapshot(8.5 - i)) for i in range(5)]
    assert add_live_details(file_store, snaps, park="P") == 5
    assert add_live_details(file_store, snaps[:2], park="P") == 0          # same instants: skipped
    assert file_store.db.execute("SELECT count(*) FROM live_detail_layouts").fetchone()[0] == 1
    got = live_details(file_store, "inv-1")
    assert [t for t, _ in got] == [t for _, t, _ in snaps]
    assert got[3][1]["160@40124"]["mppt"][1]["dc_current"] == pytest.approx(5.5)
    (t, last), = live_details(file_store, "inv-1", last=1)
    assert t == snaps[-1][1] and last["103@40070"]["temp_heatsink"] == pytest.approx(41.5)
    df = live_detail_frame(file_store, "inv-1", start=T0 + pd.Timedelta(minutes=1))
    assert len(df) == 4
    assert list(df["160@40124/PV2/dc_current"]) == pytest.approx([7.5, 6.5, 5.5, 4.5])
    assert df["103@40070/temp_cabinet"].isna().all()
    # pruned with the raw retention window (2 days here), measured from "now", once rolled up; the
    # first snapshot (the state the device started in) is kept
    set_live_retention_days(file_store, 2)
    now = T0 + pd.Timedelta(days=2, minutes=2, seconds=30)
    assert prune_live_details(file_store, now=now) == 0
    assert roll_up_live_details(file_store, now=now) >= 1
    assert prune_live_details(file_store, now=now) == 2
    assert [t for t, _ in live_details(file_store, "inv-1")] == [snaps[0][1], snaps[3][1], snaps[4][1]]


def test_store_refuses_nothing_and_stores_nothing_for_empty_details(file_store):
    assert add_live_details(file_store, [("inv-1", T0, {})]) == 0
    assert live_details(file_store, "inv-1") == []
    assert live_detail_frame(file_store, "inv-1").empty


@pytest.mark.usefixtures("no_live_threads")
def test_session_stores_details_periodically_and_at_once_on_a_fault(tmp_path):
    from solarfleet.models.live.park_sim import ParkSim
    from solarfleet.models.live.session import LiveSession
    from solarfleet.models.live.source import Poller
    db = tmp_path / "d.db"
    open_store(db).close()
    with ParkSim(1, 1, lambda t: 60e3, lambda t: 90e3) as sim:
        session = LiveSession(Poller(sim.devices(timeout=1.0), interval=0.1), db, park="P", flush_interval=0.2,
                              detail_interval=3600.0)
        session.start()
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and len(session.poll().statuses) < 2:
                time.sleep(0.1)
            time.sleep(0.3)
            session.poll()                                 # first snapshot of each device
            sim.fault(0, "ground_fault")
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                up = session.poll()
                st = up.statuses.get("inv-01")
                if st is not None and any(v.get("state") == "fault" for v in st.details.values()):
                    break
                time.sleep(0.1)
        finally:
            session.stop()
    with open_store(db) as s:
        inv = live_details(s, "inv-01", park="P")
        meter = live_details(s, "meter-1", park="P")
    assert len(inv) == 2                                   # the first, then the fault (long before an hour)
    assert len(meter) == 1
    first, fault = inv[0][1], inv[1][1]
    (unit,) = [k for k, v in first.items() if v.get("kind") == "inverter"]
    assert first[unit]["state"] == "mppt" and fault[unit]["state"] == "fault"
    assert "ground_fault" in fault[unit]["events"]
    assert 200 < first[unit]["voltage_a"] < 260 and 45 < first[unit]["frequency"] < 55
    trackers = next(v["mppt"] for v in first.values() if v.get("mppt"))
    assert all(t["dc_voltage"] > 0 and not math.isnan(t["dc_current"]) for t in trackers)
