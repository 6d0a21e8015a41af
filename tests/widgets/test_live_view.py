"""The live view alone, fed with plain readings, history frames and alarm events."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from solarfleet.models.live.alarms import Alarm
from solarfleet.models.live.reading import DeviceStatus, Reading
from solarfleet.models.live.session import LiveUpdate
from solarfleet.widgets.add_device_dialog import AddDeviceDialog
from solarfleet.widgets.live_tables import AlarmLogModel, DeviceStatusModel
from solarfleet.widgets.live_view import LiveView

TZ = "Asia/Shanghai"
UTC = dt.timezone.utc


def _t(hh, mm=0, ss=0, day=15):
    """A UTC instant given as Shanghai wall-clock time on 2025-06-<day>."""
    return pd.Timestamp(2025, 6, day, hh, mm, ss, tz=TZ).tz_convert("UTC").to_pydatetime()


def _history():
    """Two devices reporting at different instants: an inverter (PV) and a meter (load)."""
    rows = []
    for i in range(10):
        rows.append({"timestamp": _t(10, i), "device_id": "inv", "pv_power": 1000.0 * (i + 1), "load_power": np.nan,
                     "grid_power": np.nan, "pv_energy_interval": 100.0, "grid_import_interval": np.nan,
                     "grid_export_interval": np.nan})
        rows.append({"timestamp": _t(10, i, 30), "device_id": "meter", "pv_power": np.nan, "load_power": 5000.0,
                     "grid_power": np.nan, "pv_energy_interval": np.nan, "grid_import_interval": 20.0,
                     "grid_export_interval": 0.0})
    # yesterday's reading: not today's energy, not on today's chart
    rows.append({"timestamp": _t(23, 0, day=14), "device_id": "inv", "pv_power": 7.0, "load_power": np.nan,
                 "grid_power": np.nan, "pv_energy_interval": 999.0, "grid_import_interval": np.nan,
                 "grid_export_interval": np.nan})
    df = pd.DataFrame(rows).set_index("timestamp").sort_index()
    df.index = pd.DatetimeIndex(df.index, tz="UTC") if df.index.tz is None else df.index
    return df


@pytest.fixture
def view(qtbot):
    v = LiveView()
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.set_park("Shanghai", TZ)
    return v


def test_history_fills_chart_with_site_totals_and_energy(view):
    view.set_history(_history())
    x, pv, load = view.series()
    assert len(x) == 20  # one site point per device reading of today, yesterday's left out
    # the meter's first reading holds the inverter's latest PV (1 kW) and adds the load
    assert pv[1] == 1000.0 and load[1] == 5000.0
    assert np.isnan(load[0])  # before the meter reported: missing, not zero
    assert pv[-1] == 10000.0 and load[-1] == 5000.0
    e = view.energy()
    assert e["pv"] == pytest.approx(1000.0) and e["grid_import"] == pytest.approx(200.0)
    assert view.cards["pv_today"].value.text() == "1.0"
    assert view.cards["load_today"].value.text() == "1.2"  # pv + import − export [kWh]
    # x in the park's wall-clock time: 10:00 local on the day
    assert x[0] % 86400 == pytest.approx(10 * 3600)


def test_updates_append_points_kpis_and_devices(view, qtbot):
    view.set_expected(pd.Series([0.0, 20000.0, 20000.0, 0.0],
                                index=pd.DatetimeIndex([_t(6), _t(9), _t(15), _t(19)])))
    r1 = Reading(_t(12), "inv", pv_power=8000.0, pv_energy_interval=50.0, status="mppt")
    r2 = Reading(_t(12, 0, 1), "meter", load_power=6000.0, grid_power=-2000.0, grid_import_interval=0.0,
                 grid_export_interval=10.0)
    st = {"inv": DeviceStatus("inv", link="ok"),
          "meter": DeviceStatus("meter", link="backoff", failures=2, retry_in=3.2, last_error="timed out")}
    up = LiveUpdate(readings=[r1, r2], statuses=st, timestamp=pd.Timestamp(r2.timestamp), pv_power=8000.0,
                    load_power=6000.0, expected_pv=20000.0, ratio=0.4, self_consumption=0.75)
    view.apply_update(up)
    x, pv, load = view.series()
    assert list(pv) == [8000.0, 8000.0] and np.isnan(load[0]) and load[1] == 6000.0
    assert view.cards["pv"].value.text() == "8.0"
    assert view.cards["expected"].value.text() == "20.0"
    assert view.cards["ratio"].value.text() == "40"
    assert view.cards["self_consumption"].value.text() == "75"
    assert view.cards["pv_today"].value.text() == "0.1"  # 50 Wh
    m = view.devices
    assert m.rowCount() == 2
    assert m.data(m.index(0, 2)) == "MPPT"
    assert m.data(m.index(1, 1)) == "waiting to retry"
    assert m.data(m.index(1, 5)) == "in 4 s"
    assert m.data(m.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "timed out"
    view.flush()
    ex, ey = view.expected_curve.getOriginalDataset()
    assert len(ex) == 4 and max(ey) == pytest.approx(20.0)  # kW, dashed
    assert view.expected_curve.opts["pen"].style() == Qt.PenStyle.DashLine


def test_missing_values_are_not_zero(view):
    up = LiveUpdate(readings=[Reading(_t(12), "inv")], statuses={}, timestamp=pd.Timestamp(_t(12)))
    view.apply_update(up)
    for key in ("pv", "load", "ratio", "self_consumption", "pv_today", "load_today"):
        assert view.cards[key].value.text() == "—", key


def test_new_day_starts_a_new_chart(view):
    view.set_history(_history())
    r = Reading(_t(0, 5, day=16), "inv", pv_power=0.0, pv_energy_interval=0.0)
    view.apply_update(LiveUpdate(readings=[r], statuses={}, timestamp=pd.Timestamp(r.timestamp), pv_power=0.0))
    x, pv, _ = view.series()
    assert len(x) == 1 and view.energy()["pv"] == 0.0


def test_points_are_one_per_second(view):
    readings = [Reading(_t(12, 0, 0) + dt.timedelta(milliseconds=100 * i), f"d{i}", pv_power=100.0)
                for i in range(10)]
    view.apply_update(LiveUpdate(readings=readings, statuses={}, timestamp=pd.Timestamp(readings[-1].timestamp)))
    x, pv, _ = view.series()
    assert len(x) == 1 and pv[0] == 1000.0  # ten devices within one second: one site point, all summed


def test_alarm_events_and_rule_editing(view, qtbot):
    start = pd.Timestamp(_t(11))
    alarm = Alarm(start=start, raised=start + pd.Timedelta(minutes=15), end=None, min_ratio=0.3, mean_ratio=0.4,
                  fraction=0.7, duration_s=900.0)
    view.apply_update(LiveUpdate(alarms=[("raised", alarm)]))
    m = view.alarms
    assert m.rowCount() == 1 and m.data(m.index(0, 1)) == "ongoing"
    assert m.data(m.index(0, 0)) == "2025-06-15 11:00"  # park time
    assert m.data(m.index(0, 4)) == "below 70 % for 15 min"
    assert "1 active" in view.alarm_title.text()
    alarm.end = start + pd.Timedelta(minutes=40)
    view.apply_update(LiveUpdate(alarms=[("cleared", alarm)]))
    assert m.rowCount() == 1 and m.data(m.index(0, 1)) == "2025-06-15 11:40"
    assert "active" not in view.alarm_title.text()
    with qtbot.waitSignal(view.ruleChanged) as got:
        view.fraction.setValue(55)
    assert got.args == [pytest.approx(0.55), pytest.approx(900.0)]
    with qtbot.waitSignal(view.ruleChanged) as got:
        view.duration.setValue(5)
    assert got.args == [pytest.approx(0.55), pytest.approx(300.0)]


def test_stored_alarms_newest_first():
    m = AlarmLogModel()
    m.set_rows([])
    from solarfleet.widgets.live_tables import AlarmRow
    rows = [{"start_utc": "2025-06-15T01:00:00+00:00", "end_utc": "2025-06-15T02:00:00+00:00", "min_ratio": 0.2,
             "mean_ratio": None, "fraction": 0.7, "duration_s": 600, "kind": "low_yield"},
            {"start_utc": "2025-06-16T01:00:00+00:00", "end_utc": None, "min_ratio": 0.5, "mean_ratio": 0.6,
             "fraction": 0.8, "duration_s": 1200, "kind": "low_yield"}]
    m.set_rows([AlarmRow.from_stored(r) for r in rows])
    assert m.data(m.index(0, 1)) == "ongoing" and m.data(m.index(1, 3)) == "—"
    assert m.open_count() == 1


def test_buttons_emit_requests(view, qtbot):
    with qtbot.waitSignal(view.startRequested):
        view.start_button.click()
    view.set_state("running")
    assert view.start_button.text() == "Stop"
    with qtbot.waitSignal(view.stopRequested):
        view.start_button.click()
    view.set_state("stopping")
    assert not view.start_button.isEnabled()
    with qtbot.waitSignal(view.addDeviceRequested):
        view.add_button.click()
    with qtbot.waitSignal(view.sourceChanged) as got:
        view.source.setCurrentIndex(view.source.findData("devices"))
        view.source.activated.emit(view.source.currentIndex())
    assert got.args[0]["kind"] == "devices"
    assert view.speed.isHidden()


def test_retry_counts_down_from_when_the_backoff_was_seen():
    now = [100.0]
    m = DeviceStatusModel(clock=lambda: now[0])
    m.update({"d": DeviceStatus("d", link="backoff", failures=1, retry_in=8.0, last_error="refused")})
    assert m.data(m.index(0, 5)) == "in 8 s"
    now[0] = 103.5
    m.update({"d": DeviceStatus("d", link="backoff", failures=1, retry_in=8.0)})  # same back-off, later poll
    assert m.data(m.index(0, 5)) == "in 5 s"
    m.update({"d": DeviceStatus("d", link="backoff", failures=2, retry_in=16.0)})  # failed again: a new delay
    assert m.data(m.index(0, 5)) == "in 16 s"
    now[0] = 200.0
    assert m.data(m.index(0, 5)) == "in 0 s"
    m.update({"d": DeviceStatus("d", link="ok")})
    assert m.data(m.index(0, 5)) == ""


def test_device_model_keeps_first_seen_order():
    m = DeviceStatusModel()
    m.update({"b": DeviceStatus("b"), "a": DeviceStatus("a")})
    m.update({"a": DeviceStatus("a", link="ok"), "c": DeviceStatus("c")})
    assert m.device_ids() == ["b", "a", "c"]
    assert m.data(m.index(1, 1)) == "online"


def test_add_device_dialog_validates_and_requests_a_test(qtbot):
    d = AddDeviceDialog("Shanghai", ["huawei_sun2000"])
    qtbot.addWidget(d)
    with qtbot.assertNotEmitted(d.testRequested):
        d.test_button.click()  # no host
    assert "host" in d.result.text()
    d.host.setText("127.0.0.1")
    d.port.setValue(1502)
    d.unit_id.setValue(3)
    d.map.setCurrentIndex(d.map.findData("huawei_sun2000"))
    with qtbot.waitSignal(d.testRequested) as got:
        d.test_button.click()
    cfg = got.args[0]
    assert (cfg.host, cfg.port, cfg.unit_id, cfg.kind, cfg.map_name, cfg.park) == \
        ("127.0.0.1", 1502, 3, "map", "huawei_sun2000", "Shanghai")
    assert not d.test_button.isEnabled()
    d.show_test_result({"ok": False, "error": "connection refused", "info": {}})
    assert "connection refused" in d.result.text() and d.test_button.isEnabled()
    d.show_test_result({"ok": True, "info": {"manufacturer": "Huawei", "model": "SUN2000"},
                        "reading": {"pv_power": 12345.0}})
    assert "Huawei SUN2000" in d.result.text() and "12.35 kW" in d.result.text()


def test_binned_history_from_local_midnight_counts_for_today(view):
    idx = pd.DatetimeIndex([_t(0, 0), _t(0, 1)])  # bins labelled by their start: 00:00 and 00:01 local
    h = pd.DataFrame({"device_id": ["inv", "inv"], "pv_power": [0.0, 0.0], "load_power": [4000.0, 4200.0],
                      "grid_power": [4000.0, 4200.0], "pv_energy_interval": [0.0, 0.0],
                      "grid_import_interval": [66.0, 70.0], "grid_export_interval": [0.0, 0.0]}, index=idx)
    view.set_history(h)
    assert len(view.series()[0]) == 2
    assert view.energy()["grid_import"] == pytest.approx(136.0)
