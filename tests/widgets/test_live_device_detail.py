"""The device detail view with a plain DeviceStatus: AC per phase, MPPT table, faults translated."""
from PySide6.QtCore import Qt

from solarfleet.models.live.reading import DeviceStatus
from solarfleet.widgets.live_device_detail import DeviceDetailView, event_text

INVERTER = {"model_id": 103, "kind": "inverter", "current": 174.9, "current_a": 58.3, "current_b": 58.4,
            "current_c": 58.2, "voltage_a": 230.1, "voltage_b": 229.8, "voltage_c": None, "ac_power": 40220.0,
            "frequency": 50.01, "power_factor": 0.99, "dc_power": 41250.0, "dc_voltage": 565.8,
            "temp_cabinet": 33.0, "temp_heatsink": 41.8, "temp_transformer": None, "temp_other": None,
            "state": "fault", "events": ("ground_fault",)}
MPPT = {"model_id": 160, "kind": "mppt", "state": "ok", "events": (),
        "mppt": [{"label": f"PV{k}", "dc_voltage": 565.8, "dc_current": c, "dc_power": 565.8 * c,
                  "temperature": 42.0, "state": "mppt", "events": ()} for k, c in ((1, 22.1), (2, 22.0), (3, 6.6))]}


def _status():
    return DeviceStatus("inv-07", link="ok", info={"manufacturer": "Sim", "model": "SIM-103", "serial": "S7",
                                                   "units": [{"key": "103@40070", "role": "pv_inverter"},
                                                             {"key": "160@40122", "role": None}]},
                        details={"103@40070": INVERTER, "160@40122": MPPT})


def test_detail_shows_phases_trackers_and_faults(qtbot):
    w = DeviceDetailView()
    qtbot.addWidget(w)
    w.set_status("inv-07", _status())
    assert "inv-07" in w.title.text() and "SIM-103" in w.title.text()
    ac = w.ac
    cell = lambda r, c: ac.data(ac.index(r, c))  # noqa: E731
    assert [cell(0, c) for c in range(3)] == ["230.1", "229.8", "—"]     # missing is a dash, not 0
    assert cell(2, 3) == "40.22" and cell(1, 3) == "174.9"
    assert "50.01" in w.extra.text() and "41.8" in w.extra.text()
    m = w.mppt
    assert m.rowCount() == 3
    assert m.data(m.index(2, 0)) == "PV3" and m.data(m.index(2, 5)) != ""
    assert m.data(m.index(2, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert m.data(m.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    text = w.faults.text()
    assert event_text("ground_fault") in text and event_text("weak_tracker:PV3") in text
    # choosing the MPPT unit keeps the inverter's AC beside its trackers
    w.unit.setCurrentIndex(1)
    w.unit.activated.emit(1)
    assert w.ac.data(w.ac.index(2, 3)) == "40.22"


def test_no_device(qtbot):
    w = DeviceDetailView()
    qtbot.addWidget(w)
    w.set_status(None, None)
    assert w.ac.data(w.ac.index(0, 0)) == "—" and w.mppt.rowCount() == 0 and not w.faults.isVisibleTo(w)


def test_a_running_replay_is_badged_as_not_measured(qtbot):
    from solarfleet.widgets.live_view import LiveView
    v = LiveView()
    qtbot.addWidget(v)
    v.set_source({"kind": "replay", "speed": 60.0})
    v.set_state("running")
    assert v.replay_badge.isVisibleTo(v)
    v.set_source({"kind": "devices"})
    v.set_state("running")
    assert not v.replay_badge.isVisibleTo(v)


def test_device_fault_alarms_show_device_and_translated_event(qtbot):
    import math

    import pandas as pd

    from solarfleet.models.live.alarms import Alarm
    from solarfleet.widgets.live_tables import AlarmLogModel
    m = AlarmLogModel()
    ts = pd.Timestamp("2026-06-01T04:00Z")
    m.apply_event("raised", Alarm(start=ts, raised=ts, end=None, min_ratio=math.nan, mean_ratio=math.nan,
                                  fraction=0.0, duration_s=0.0, kind="device_fault",
                                  message="inv-01 160@40122: weak_tracker:PV3"))
    assert m.data(m.index(0, 4)) == "inv-01: " + event_text("weak_tracker:PV3")
    assert m.data(m.index(0, 2)) == "—" and m.open_count() == 1
