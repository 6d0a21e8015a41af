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


def _stored(n=4):
    import pandas as pd
    t0 = pd.Timestamp("2026-06-18 03:00", tz="UTC")
    snaps = []
    for i in range(n):
        mppt = {**MPPT, "mppt": [dict(t) for t in MPPT["mppt"]]}
        mppt["mppt"][2]["dc_current"] = None if i == 1 else 22.0 - 5 * i    # PV3 fading; one read missing
        snaps.append((t0 + pd.Timedelta(minutes=i), {"103@40070": dict(INVERTER), "160@40122": mppt}))
    return snaps


def test_stored_trend_lines_per_string_and_missing_stays_missing():
    import math

    from solarfleet.widgets.live_device_detail import stored_trend
    kind, lines = stored_trend(_stored())
    assert kind == "dc_current" and sorted(lines) == ["PV1", "PV2", "PV3"]
    xs, ys = lines["PV3"]
    assert len(xs) == 4 and math.isnan(ys[1]) and ys[3] == 7.0
    kind, lines = stored_trend([(t, {"103@40070": d["103@40070"]}) for t, d in _stored(2)])
    assert kind == "ac_power" and lines["103@40070"][1] == [40.22, 40.22]


def test_offline_device_shows_its_newest_stored_snapshot_and_trend(qtbot):
    w = DeviceDetailView()
    qtbot.addWidget(w)
    w.set_status("inv-07", None)
    assert not w.tabs.isVisibleTo(w)
    w.set_stored("inv-07", _stored(), tz="Asia/Shanghai")
    assert "2026-06-18 11:03" in w.title.text()                        # newest snapshot, park time
    assert w.ac.data(w.ac.index(0, 0)) == "230.1"
    assert w.mppt.rowCount() == 3 and w.tabs.isTabVisible(0) and w.tabs.isTabVisible(1)
    assert len(w.trend.getPlotItem().listDataItems()) == 3
    # live details take over the pane; the stored trend stays
    w.set_status("inv-07", _status())
    assert "11:03" not in w.title.text() and w.tabs.isTabVisible(1)
    # another device: not this one's stored data
    w.set_status("inv-08", None)
    assert w.ac.data(w.ac.index(0, 0)) == "—" and not w.tabs.isVisibleTo(w)


def test_year_span_draws_hourly_band_from_storage(qtbot, file_store):
    """Snapshots of two days long past (rolled up) and of the last hours: a year span draws hourly means with
    a min–max band; choosing another span asks for it."""
    import pandas as pd
    import pyqtgraph as pg

    from solarfleet.models.store import add_live_details, live_detail_chart, live_detail_maintenance, live_details
    now = pd.Timestamp("2026-06-18 06:00", tz="UTC")
    snaps = []
    for start in (now - pd.Timedelta(days=200), now - pd.Timedelta(hours=3)):
        for i in range(0, 48 * 60 if start < now - pd.Timedelta(days=1) else 180, 10):
            mppt = {**MPPT, "mppt": [dict(t, dc_current=t["dc_current"] * (0.5 + (i % 60) / 60)) for t in MPPT["mppt"]]}
            snaps.append(("inv-07", start + pd.Timedelta(minutes=i), {"103@40070": dict(INVERTER), "160@40122": mppt}))
    add_live_details(file_store, snaps, park="P")
    live_detail_maintenance(file_store, now=now)
    chart = live_detail_chart(file_store, "inv-07", now - pd.Timedelta(days=365), now, park="P", now=now)
    assert chart.attrs["resolution"] == "hour" and len(chart) > 48
    w = DeviceDetailView()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.set_status("inv-07", None)
    w.span_box.setCurrentIndex(w.span_box.findData("year"))
    w.set_stored("inv-07", live_details(file_store, "inv-07", last=1), tz="Asia/Shanghai", chart=chart)
    w.tabs.setCurrentIndex(1)
    w.show()
    items = w.trend.getPlotItem().items
    assert sum(isinstance(i, pg.FillBetweenItem) for i in items) == 3           # a band per string
    named = [i for i in w.trend.getPlotItem().listDataItems() if i.name()]
    assert sorted(i.name() for i in named) == ["PV1", "PV2", "PV3"]
    x, y = named[0].getData()
    assert len(x) == len(chart) and x[-1] - x[0] > 199 * 86400
    assert not w.grab().isNull()
    with qtbot.waitSignal(w.spanChanged) as sig:
        w.span_box.setCurrentIndex(w.span_box.findData("day"))
        w.span_box.activated.emit(w.span_box.currentIndex())
    assert sig.args == ["day"] and w.span_days() == 1
