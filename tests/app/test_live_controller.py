"""The live controller on a real replay of a stored park, a real SunSpec server on loopback, the Live tab.

Every test stops what it starts: the controller's ``close`` joins the session's threads and commits
the last batch; the simulated Modbus server is closed; the autouse fixture fails on leftover threads.
"""
import shutil
import threading
import time

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from solarfleet.app.gui.live_controller import LiveController, SourceSpec, replay_device_id
from solarfleet.models.live.modbus_link import quiet_pymodbus
from solarfleet.models.live.sunspec_sim import SimulatedServer, sunspec_image
from solarfleet.models.store import live_devices, live_history, live_reading_count, open_store, save_live_device
from solarfleet.widgets.live_view import LiveView
from solarfleet.models.store import import_fleet

#: a June morning in Shanghai: the model expects PV
START = pd.Timestamp("2025-06-15 09:00", tz="Asia/Shanghai")
FAST = SourceSpec(kind="replay", speed=600.0, tick=0.05, start=START)  # 30 simulated s per reading, 20 per s


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """One demo park with its synthetic weather and load, built once and copied per test."""
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.demo_load import seed_demo_loads
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.weather.park_weather import weather_for_park
    path = tmp_path_factory.mktemp("live") / "template.db"
    park = next(p for p in demo_fleet().parks if "Shanghai" in p.name)
    with open_store(path) as s:
        with s.db.atomic():
            import_fleet(s, Fleet((park,)))
            weather_for_park(s, park)
            seed_demo_loads(s)
    return path, park.name


@pytest.fixture
def store(template_db, tmp_path):
    path = tmp_path / "live.db"
    shutil.copy(template_db[0], path)
    s = open_store(path)
    yield s
    s.close()


@pytest.fixture
def park(template_db):
    return template_db[1]


def _controller(qtbot, store, park, spec=FAST):
    c = LiveController(store, poll_ms=50, flush_interval=0.2)
    view = LiveView()
    qtbot.addWidget(view)
    c.started.connect(lambda s: (view.set_park(s.park, s.tz), view.set_expected(s.expected),
                                 view.set_history(s.history, s.alarms)))
    c.updated.connect(view.apply_update)
    c.set_source(spec)
    c.set_park(park)
    return c, view


def _live_threads():
    return [t for t in threading.enumerate() if t.name.startswith(("live-", "sim-modbus"))]


def test_replay_reaches_the_view_and_is_stored(qtbot, store, park):
    c, view = _controller(qtbot, store, park)
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        assert c.state == "running"
        qtbot.waitUntil(lambda: len(view.series()[0]) >= 30, timeout=20000)
        x, pv, load = view.series()
        assert pv.max() > 0 and load.min() > 0  # a June morning, a park that draws power
        assert view.cards["expected"].value.text() != "—"
        assert view.cards["ratio"].value.text() != "—"
        assert view.cards["pv_today"].value.text() not in ("—", "0.0")
        assert view.devices.device_ids() == [replay_device_id(park)]
        with qtbot.waitSignal(c.stateChanged, timeout=20000, check_params_cb=lambda s, m: s == "stopped"):
            c.stop()
        assert not c.is_running()
        assert not _live_threads()
        # everything the view got is in the database (the last batch committed on stop)
        assert live_reading_count(store, park=park) >= len(x)
    finally:
        c.close()


def test_restart_fills_from_history_and_resumes(qtbot, store, park):
    c, view = _controller(qtbot, store, park)
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        qtbot.waitUntil(lambda: len(view.series()[0]) >= 20, timeout=20000)
    finally:
        c.close()  # as the app does on quit
    assert not _live_threads()
    stored = live_history(store, park=park, provenance="replay")
    assert len(stored) >= 20
    last = stored.index.max()
    # a new app: the chart fills from the stored history before any new reading
    c2, view2 = _controller(qtbot, store, park)
    try:
        with qtbot.waitSignal(c2.started, timeout=20000) as got:
            c2.start()
        started = got.args[0]
        # binned per minute for the chart: every stored reading and all of its energy is in it
        assert started.history["readings"].sum() == len(stored)
        assert started.history["pv_energy_interval"].sum() == pytest.approx(stored["pv_energy_interval"].sum())
        assert len(view2.series()[0]) >= len(started.history)
        qtbot.waitUntil(lambda: live_reading_count(store, park=park) > len(stored) + 5, timeout=20000)
        c2.stop()
        qtbot.waitUntil(lambda: c2.state == "stopped", timeout=20000)
        after = live_history(store, park=park, provenance="replay")
        new = after[after.index > last]
        # resumed after the newest stored reading: no overlap, no jump back to the spec's start
        assert len(new) == len(after) - len(stored)
        assert new.index.min() - last <= pd.Timedelta(seconds=2 * FAST.speed * FAST.tick)
    finally:
        c2.close()


def test_park_change_and_close_while_starting_leave_nothing_running(qtbot, store, park):
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.demo import demo_fleet
    other = next(p for p in demo_fleet().parks if "Beijing" in p.name)
    import_fleet(store, Fleet((other,)))
    c, view = _controller(qtbot, store, park)
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        first = c.session
        with qtbot.waitSignal(c.started, timeout=30000) as got:
            c.set_park(other.name)
        assert got.args[0].park == other.name
        assert not first.source.running
        c.set_park(park)  # and away again at once: the start in flight is dropped and stopped
    finally:
        t0 = time.perf_counter()
        c.close()
        assert time.perf_counter() - t0 < 20
    assert not _live_threads()
    assert not c._started_sessions


def test_rule_applies_to_running_session(qtbot, store, park):
    c, view = _controller(qtbot, store, park)
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        c.set_rule(0.5, 120.0)
        assert c.session.monitor.rule.fraction == 0.5 and c.session.monitor.rule.duration_s == 120.0
    finally:
        c.close()


@pytest.fixture
def sunspec_server():
    quiet_pymodbus()
    img = sunspec_image(base=40000, common_length=66, inverter=103, meter=None, serial="LIVE-1")
    img.set_inverter(w=12345, w_sf=0, wh=1_000_000)
    server = SimulatedServer({1: img})
    server.start()
    yield server
    server.close()


def test_add_device_dialog_tests_against_a_sunspec_server(qtbot, store, park, sunspec_server):
    from solarfleet.app.gui.live_tab import LiveTab
    c = LiveController(store, poll_ms=50, flush_interval=0.2)
    view = LiveView()
    qtbot.addWidget(view)
    c.stop()  # stopped by the user: nothing starts on its own
    tab = LiveTab(view, c, store, lambda: [park])
    try:
        dlg = tab.add_device()
        qtbot.addWidget(dlg)
        dlg.device_id.setText("roof-A/inv-1")
        dlg.host.setText("127.0.0.1")
        dlg.port.setValue(sunspec_server.port)
        dlg.unit_id.setValue(1)
        t0 = time.perf_counter()
        dlg.test_button.click()
        assert time.perf_counter() - t0 < 0.5  # the check runs on a worker, not on the GUI thread
        qtbot.waitUntil(lambda: dlg.last_result is not None, timeout=10000)
        assert dlg.last_result["ok"], dlg.last_result
        assert dlg.last_result["reading"]["pv_power"] == pytest.approx(12345.0)
        assert "12.35 kW" in dlg.result.text() and "LIVE-1" in dlg.result.text()
        # a wrong unit id: a clear failure, the button usable again
        dlg.last_result = None
        dlg.unit_id.setValue(7)
        dlg.test_button.click()
        qtbot.waitUntil(lambda: dlg.last_result is not None, timeout=10000)
        assert not dlg.last_result["ok"] and dlg.test_button.isEnabled()
        assert "Connection failed" in dlg.result.text()
        dlg.unit_id.setValue(1)
        dlg.accept()
        assert [d.device_id for d in live_devices(store, park=park)] == ["roof-A/inv-1"]
        # the stored device as the live source: the view shows its real watts
        got = []
        c.updated.connect(lambda up: got.append(up))
        c.set_source(SourceSpec(kind="devices", tick=0.2))
        c.set_park(park)
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        qtbot.waitUntil(lambda: any(u.readings for u in got), timeout=10000)
        qtbot.waitUntil(lambda: view.cards["pv"].value.text() == "12.3", timeout=5000)
        assert view.devices.data(view.devices.index(0, 1)) == "online"
    finally:
        c.close()
    assert not _live_threads() or all(t.name == "sim-modbus-server" for t in _live_threads())


def test_devices_source_without_devices_says_so(qtbot, store, park):
    c, view = _controller(qtbot, store, park, SourceSpec(kind="devices"))
    try:
        with qtbot.waitSignal(c.failed, timeout=20000) as got:
            c.start()
        assert got.args[0] == "no_devices"
        qtbot.waitUntil(lambda: c.state == "stopped", timeout=5000)
    finally:
        c.close()


def test_live_tab_in_the_window(qtbot, template_db, tmp_path):
    """The window's Live tab starts the replay when shown, survives a window rebuild, stops on quit."""
    from solarfleet.app.gui.application import Application, make_settings
    path = tmp_path / "app.db"
    shutil.copy(template_db[0], path)
    app = Application(make_settings())
    assert app.open(path)
    w = app.window
    qtbot.addWidget(w)
    live = app.session.live
    live.set_source(SourceSpec(speed=600.0, tick=0.1))
    live.flush_interval = 0.2
    try:
        assert w.tabs.tabText(w.tabs.indexOf(w.live_view)) == "Live"
        with qtbot.waitSignal(live.started, timeout=20000):
            w.tabs.setCurrentWidget(w.live_view)
        assert live.park == template_db[1] and live.spec.kind == "replay"
        qtbot.waitUntil(lambda: len(w.live_view.series()[0]) >= 2, timeout=10000)
        qtbot.waitUntil(lambda: live_reading_count(app.session.store) >= 2, timeout=10000)
        shown = len(w.live_view.series()[0])
        app.set_language("en")  # a rebuilt window shows the running session, filled from the store
        w2 = app.window
        qtbot.addWidget(w2)
        assert w2 is not w and w2.live_view.state == "running"
        assert len(w2.live_view.series()[0]) >= shown  # stored history + readings not yet committed
    finally:
        app.shutdown()
    assert not live.is_running() and not _live_threads()


def test_file_tail_source_follows_a_growing_logger_file(qtbot, store, park, tmp_path):
    """A logger CSV (naive times in the park's zone) that grows while the view runs."""
    log = tmp_path / "logger.csv"
    lines = ["timestamp,device_id,pv_power,load_power,pv_energy"]
    lines += [f"2025-06-15 10:{m:02d}:00,inv-1,{50000 + 100 * m},{30000},{1_000_000 + 800 * m}" for m in range(5)]
    log.write_text("\n".join(lines) + "\n")
    c, view = _controller(qtbot, store, park, SourceSpec(kind="file", path=str(log), tick=0.1))
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        qtbot.waitUntil(lambda: len(view.series()[0]) == 5, timeout=10000)
        with log.open("a") as f:
            f.write("2025-06-15 10:05:00,inv-1,60000,31000,1004000\n2025-06-15 10:06:00,inv-1,,31000,1004800\n")
        qtbot.waitUntil(lambda: len(view.series()[0]) == 7, timeout=10000)
        x, pv, load = view.series()
        assert pv[5] == 60000.0 and np.isnan(pv[6]) and load[6] == 31000.0  # an empty cell stays missing
        assert view.cards["pv"].value.text() == "—"
        assert view.energy()["pv"] == pytest.approx(4800.0)  # counter differences, 10:00 → 10:06
        # the park's wall clock on the axis: 10:00 local
        assert x[0] % 86400 == pytest.approx(10 * 3600)
    finally:
        c.close()
    assert not _live_threads()


def test_a_dead_device_counts_down_while_the_other_flows(qtbot, store, park, sunspec_server):
    dead = SimulatedServer({1: sunspec_image()})
    dead_port = dead.start()
    dead.close()  # nothing listens there any more
    save_live_device(store, _device("good", sunspec_server.port, park))
    save_live_device(store, _device("dead", dead_port, park))
    c, view = _controller(qtbot, store, park, SourceSpec(kind="devices", tick=0.2))
    try:
        with qtbot.waitSignal(c.started, timeout=20000):
            c.start()
        m = view.devices
        qtbot.waitUntil(lambda: set(m.device_ids()) == {"good", "dead"}, timeout=10000)
        row = {d: i for i, d in enumerate(m.device_ids())}
        qtbot.waitUntil(lambda: m.data(m.index(row["dead"], 1)) == "waiting to retry", timeout=10000)
        assert m.data(m.index(row["dead"], 5)).startswith("in ")
        assert m.data(m.index(row["dead"], 1), Qt.ItemDataRole.ToolTipRole)  # the error text
        n = len(view.series()[0])
        qtbot.waitUntil(lambda: len(view.series()[0]) >= n + 3, timeout=10000)  # the good one keeps its pace
        assert m.data(m.index(row["good"], 1)) == "online"
        assert view.cards["pv"].value.text() == "12.3"
    finally:
        c.close()


def _device(name, port, park):
    from solarfleet.models.live.devices import DeviceConfig
    return DeviceConfig(name, "127.0.0.1", port, 1, timeout=0.5, park=park)


def test_live_tab_remembers_source_and_rule(qtbot, store, park, tmp_path):
    from PySide6.QtCore import QSettings
    from solarfleet.app.gui.live_controller import stored_live_choices
    from solarfleet.app.gui.live_tab import LiveTab
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    spec, rule = stored_live_choices(settings)
    c = LiveController(store, spec=spec, rule=rule)
    view = LiveView()
    qtbot.addWidget(view)
    tab = LiveTab(view, c, store, lambda: [park], settings=settings)
    view.fraction.setValue(60)
    view.duration.setValue(5)
    view.source.setCurrentIndex(view.source.findData("devices"))
    view.source.activated.emit(view.source.currentIndex())
    assert c.spec.kind == "devices" and c.rule.fraction == pytest.approx(0.6)
    c.close()
    from solarfleet.app.gui.session import open_session
    s = open_session(store.path, settings=settings)  # the app's next session starts from them
    try:
        assert s.live.spec.kind == "devices" and s.live.rule.fraction == pytest.approx(0.6)
    finally:
        s.close()
    spec, rule = stored_live_choices(settings)
    c2 = LiveController(store, spec=spec, rule=rule)
    view2 = LiveView()
    qtbot.addWidget(view2)
    LiveTab(view2, c2, store, lambda: [park], settings=settings)
    assert c2.spec.kind == "devices" and c2.rule.duration_s == pytest.approx(300.0)
    assert view2.source.currentData() == "devices" and view2.fraction.value() == 60
    # a window rebuilt later (language switch) does not overwrite what the controller was told since
    c2.set_source(SourceSpec(kind="replay", speed=2400.0, start=START))
    view3 = LiveView()
    qtbot.addWidget(view3)
    LiveTab(view3, c2, store, lambda: [park], settings=settings)
    assert c2.spec.start == START and c2.spec.kind == "replay"
    c2.close()
    del tab
