"""Live monitoring without Modbus: counters, replay, file tail, store, recorder, alarms, CLI."""
from __future__ import annotations

import math
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.live.alarms import AlarmMonitor, AlarmRule, find_alarms
from solarfleet.models.live.counters import counter_delta
from solarfleet.models.live.filetail import FileTailSource
from solarfleet.models.live.metrics import energy_today, expected_ratio, self_consumption
from solarfleet.models.live.reading import Reading
from solarfleet.models.live.recorder import LiveRecorder
from solarfleet.models.live.replay import ReplayModel, ReplaySource, series_at
from solarfleet.models.live.source import ReadingQueue
from solarfleet.models.store import (add_live_alarm, add_live_readings, close_live_alarm, live_alarms, live_devices, live_history, live_reading_count, open_store, save_live_device)
from solarfleet.models.store import add_park, load_fleet, load_park, park_consumption, park_names, save_run

REPO = Path(__file__).resolve().parents[2]
UTC = dt.timezone.utc


pytestmark = pytest.mark.usefixtures("no_live_threads")  # tests/conftest.py


def _day(peak=100_000.0, load=40_000.0, freq="15min", date="2026-06-01"):
    idx = pd.date_range(f"{date}T00:00Z", periods=int(pd.Timedelta("1D") / pd.Timedelta(freq)), freq=freq)
    minutes = idx.hour * 60 + idx.minute
    pv = pd.Series(np.clip(np.sin(np.pi * (minutes - 0) / 720.0), 0, None) * peak, index=idx)
    return pv, pd.Series(load, index=idx, dtype=float)


# --- counters ------------------------------------------------------------------------------------

def test_counter_delta_cases():
    assert counter_delta(None, 5.0) == (None, None)
    assert counter_delta(100.0, 150.0) == (50.0, None)
    assert counter_delta(1500.0, 200.0) == (200.0, "reset")
    m = 2.0 ** 32
    assert counter_delta(m - 10, 5.0, modulus=m) == (15.0, "wrap")
    assert counter_delta(m / 2, 5.0, modulus=m) == (5.0, "reset")          # mid-range drop is not a wrap
    assert counter_delta(100.0, 10_100.0, max_delta=500.0) == (None, "jump")
    assert counter_delta(float("nan"), 1.0) == (None, None)


# --- replay --------------------------------------------------------------------------------------

def test_replay_is_seeded_realistic_and_energy_adds_up():
    pv, load = _day()
    t0 = pd.Timestamp("2026-06-01T00:10Z").to_pydatetime()   # the first value applies at 00:07:30 (midpoint)
    steps = [t0 + dt.timedelta(seconds=30 * k) for k in range(2840)]

    def run(seed, clouds=True):
        m = ReplayModel(pv, load, seed=seed, clouds=clouds)
        return m, [m.step(t) for t in steps[:-40]]

    m, a = run(1)
    _, b = run(1)
    _, c = run(2)
    assert [r.pv_power for r in a] == [r.pv_power for r in b]
    assert [r.pv_power for r in a] != [r.pv_power for r in c]
    exp = np.array([m.expected(r.timestamp)[0] for r in a])
    act = np.array([r.pv_power for r in a])
    day = exp > 20_000
    ratio = act[day] / exp[day]
    assert 0.8 < ratio.mean() < 1.0           # clouds cost some energy
    assert (ratio < 0.75).mean() > 0.01       # passing shadows exist…
    assert (ratio < 0.75).mean() < 0.3        # …but it is not an overcast day
    assert ratio.max() < 1.2                  # edge enhancement stays modest
    _, clear = run(1, clouds=False)
    r_clear = np.array([r.pv_power for r in clear])[day] / exp[day]
    assert abs(r_clear.mean() - 1) < 0.01 and r_clear.std() < 0.02
    loads = np.array([r.load_power for r in a])
    assert 0.85 < loads.mean() / 40_000 < 1.15 and loads.std() > 100
    # counters: interval energy sums to the counter; grid = load − pv
    assert sum(r.pv_energy_interval or 0 for r in a) == pytest.approx(a[-1].pv_energy)
    assert all(abs(r.grid_power - (r.load_power - r.pv_power)) < 1e-6 for r in a)


def test_replay_missing_model_values_stay_missing_and_bad_series_refused():
    pv, load = _day()
    pv.iloc[40:44] = np.nan
    m = ReplayModel(pv, load, clouds=False)
    r = m.step(pd.Timestamp("2026-06-01T10:30Z").to_pydatetime())
    assert r.pv_power is None and r.grid_power is None and r.load_power is not None
    assert np.isnan(series_at(pv, [pd.Timestamp("2026-06-01T10:30Z")])[0])
    with pytest.raises(ValueError, match="tz-aware"):
        ReplayModel(pv.tz_localize(None), load)
    with pytest.raises(TypeError):
        ReplayModel(pv.to_numpy(), load)


def test_replay_source_accelerated_clock_and_clean_stop():
    pv, load = _day()
    q = ReadingQueue()
    src = ReplaySource(pv, load, speed=600.0, tick=0.02, start="2026-06-01T06:00Z", seed=3)
    src.start(q)
    time.sleep(0.5)
    src.stop(timeout=2)
    got = q.drain()
    assert 10 <= len(got) <= 30
    gaps = {(b.timestamp - a.timestamp).total_seconds() for a, b in zip(got, got[1:])}
    assert gaps == {12.0}                     # 600 × 0.02 s of simulated time per reading
    assert got[0].timestamp == pd.Timestamp("2026-06-01T06:00Z")
    assert src.statuses()[src.device_id].link == "stopped"
    with pytest.raises(ValueError, match="outside"):
        ReplaySource(pv, load, start="2027-01-01T00:00Z")


# --- file tail -----------------------------------------------------------------------------------

def test_file_tail_follows_growing_csv(tmp_path):
    f = tmp_path / "logger.csv"
    f.write_text("timestamp,device_id,pv_power,grid_power,pv_energy,status\n"
                 "2026-06-01T12:00:00+08:00,inv1,1000,,5000,ok\n")
    src = FileTailSource(f)
    r1 = src.poll_once()
    assert len(r1) == 1 and r1[0].timestamp == dt.datetime(2026, 6, 1, 4, 0, tzinfo=UTC)
    assert r1[0].grid_power is None and r1[0].pv_power == 1000.0
    with f.open("a") as fh:
        fh.write("2026-06-01T04:01:00Z,inv1,1100,-50,5020,mppt\n")
        fh.write("2026-06-01T04:02:00Z,inv1,oops,,5040,ok\n")       # bad number
        fh.write("2026-06-01T04:03:00,inv1,1200,,5060,ok\n")          # naive time, no tz given
        fh.write("2026-06-01T04:04:00Z,inv1,1300,,30,ok\n")           # counter reset
        fh.write("2026-06-01T04:05:00Z,inv1,14")                      # half-written line
    r2 = src.poll_once()
    assert [r.pv_power for r in r2] == [1100.0, 1300.0]
    assert r2[0].pv_energy_interval == 20.0 and r2[0].status == "mppt"
    assert r2[1].counter_event == "reset" and r2[1].pv_energy_interval == 30.0
    assert any(":4: pv_power = 'oops'" in e for e in src.errors)
    assert any(":5: " in e and "no UTC offset" in e for e in src.errors)
    assert src.statuses()[src.source_id].last_error
    with f.open("a") as fh:
        fh.write("00,,5080,ok\n")
    r3 = src.poll_once()
    assert len(r3) == 1 and r3[0].pv_power == 1400.0


def test_file_tail_folder_with_tz_thread(tmp_path):
    (tmp_path / "2026-06-01.csv").write_text("timestamp,pv_power\n2026-06-01 12:00:00,500\n")
    q = ReadingQueue()
    src = FileTailSource(tmp_path, poll_interval=0.05, tz="Asia/Shanghai")
    src.start(q)
    try:
        time.sleep(0.2)
        (tmp_path / "2026-06-02.csv").write_text("timestamp,pv_power\n2026-06-02 12:00:00,600\n")
        end = time.monotonic() + 3
        got = []
        while len(got) < 2 and time.monotonic() < end:
            got += q.drain()
            time.sleep(0.05)
    finally:
        src.stop()
    assert [(r.device_id, r.pv_power, r.timestamp.hour) for r in got] == [("2026-06-01", 500.0, 4),
                                                                           ("2026-06-02", 600.0, 4)]


# --- store and recorder --------------------------------------------------------------------------

def _r(minute, device="d1", **kw):
    return Reading(timestamp=dt.datetime(2026, 6, 1, 4, minute, tzinfo=UTC), device_id=device, **kw)


def test_store_readings_roundtrip_idempotent(file_store):
    rows = [_r(0, pv_power=1000.0, pv_energy_interval=None), _r(1, pv_power=None, grid_power=-5.0),
            _r(1, device="d2", pv_power=7.0)]
    assert add_live_readings(file_store, rows, park="P") == 3
    assert add_live_readings(file_store, rows[:2], park="P") == 0       # same instants: skipped
    h = live_history(file_store, park="P")
    assert len(h) == 3 and str(h.index.tz) == "UTC"
    assert np.isnan(h["pv_power"].iloc[1]) or np.isnan(h["pv_power"].iloc[2])   # missing stays NaN
    assert live_reading_count(file_store, device_id="d2") == 1
    assert len(live_history(file_store, last=1)) == 1
    assert len(live_history(file_store, start=pd.Timestamp("2026-06-01T04:01Z"))) == 2


def test_migration_from_v1_keeps_fleet_and_backs_up(tmp_path, demo_fleet):
    import solarfleet.models.store as st
    path = tmp_path / "old.db"
    s = open_store(path, migrations=st.MIGRATIONS[:1])
    add_park(s, demo_fleet.parks[0])
    s.close()
    s = open_store(path)
    try:
        assert s.schema_version == st.SCHEMA_VERSION and s.backup_path.exists()
        assert park_names(s) == [demo_fleet.parks[0].name]
        assert add_live_readings(s, [_r(0, pv_power=1.0)]) == 1
    finally:
        s.close()


def test_devices_and_alarm_log(file_store):
    from solarfleet.models.live.devices import DeviceConfig
    save_live_device(file_store, DeviceConfig("inv-1", "127.0.0.1", 1502, 2, park="P"))
    save_live_device(file_store, DeviceConfig("hw", "10.0.0.9", kind="map", map_name="huawei_sun2000"))
    assert [d.device_id for d in live_devices(file_store, park="P")] == ["inv-1"]
    assert live_devices(file_store)[0].map_name == "huawei_sun2000"
    idx = pd.date_range("2026-06-01T02:00Z", periods=60, freq="1min")
    actual = pd.Series(50_000.0, idx)
    alarm = find_alarms(actual, pd.Series(100_000.0, idx), AlarmRule(0.7, 600))[0]
    aid = add_live_alarm(file_store, alarm, park="P", device_id="inv-1")
    assert live_alarms(file_store, open_only=True)[0]["id"] == aid
    close_live_alarm(file_store, aid, idx[-1])
    assert live_alarms(file_store, open_only=True) == []
    assert live_alarms(file_store, park="P")[0]["end_utc"].startswith("2026-06-01T02:59")


def test_recorder_batches_and_flushes_on_stop(db_path):
    commits = []
    rec = LiveRecorder(db_path, park="P", flush_interval=0.3, on_commit=lambda n, total: commits.append(n))
    rec.start()
    try:
        for k in range(50):
            rec(_r(k % 60, device=f"d{k // 60}", pv_power=float(k)))
            time.sleep(0.01)
    finally:
        rec.stop()
    assert rec.stored == 50 and sum(commits) == 50
    assert 1 <= len(commits) <= 6                 # batched, not one transaction per reading
    s = open_store(db_path)
    try:
        assert live_reading_count(s, park="P") == 50
    finally:
        s.close()
    with pytest.raises(ValueError):
        LiveRecorder(":memory:")


def test_killing_the_process_loses_at_most_the_last_batch(tmp_path):
    """Stream the replay through the real CLI with a 0.5 s flush, SIGKILL it, count what survived."""
    db = tmp_path / "kill.db"
    env = dict(os.environ, PYTHONPATH=str(REPO), SOLARFLEET_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "solarfleet.app.cli", "--db", str(db), "live", "--json",
                             "--interval", "0.05", "--flush", "0.5", "--speed", "60",
                             "--start", "2026-06-01T12:00+08:00"],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    printed = 0
    try:
        end = time.monotonic() + 40
        while printed < 60 and time.monotonic() < end:
            line = proc.stdout.readline()
            if line.startswith("{"):
                printed += 1
        assert printed >= 60
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stdout.close()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = con.execute("SELECT count(*) FROM live_raw").fetchone()[0]
    finally:
        con.close()
    # one batch = 0.5 s of readings at 20/s = 10; allow the reading printed while the kill landed
    assert printed - 12 <= stored <= printed + 12
    assert stored >= 40


# --- metrics and alarms --------------------------------------------------------------------------

def test_alarm_rule_duration_clouds_and_night():
    idx = pd.date_range("2026-06-01T02:00Z", periods=180, freq="1min")
    expected = pd.Series(100_000.0, idx)
    actual = expected.copy()
    actual.iloc[20:30] = 40_000.0      # 10 min low: shorter than the rule
    actual.iloc[60:90] = 40_000.0      # 30 min low: alarm after 15 min
    rule = AlarmRule(fraction=0.7, duration_s=15 * 60)
    alarms = find_alarms(actual, expected, rule)
    assert len(alarms) == 1
    a = alarms[0]
    assert a.start == idx[60] and a.raised == idx[75] and a.end == idx[90]
    assert a.min_ratio == pytest.approx(0.4)
    # a cloud seen by the irradiance sensor explains the dip: no alarm
    irr = pd.Series(800.0, idx)
    irr.iloc[60:90] = 300.0
    assert find_alarms(actual, expected, rule, irradiance=irr, expected_irradiance=pd.Series(800.0, idx)) == []
    # without the sensor dip (irradiance normal) the fault is still caught
    assert len(find_alarms(actual, expected, rule, irradiance=pd.Series(800.0, idx),
                           expected_irradiance=pd.Series(800.0, idx))) == 1
    # missing samples neither raise nor clear; night clears
    mon = AlarmMonitor(AlarmRule(0.7, 60))
    t = pd.Timestamp("2026-06-01T02:00Z")
    assert mon.update(t, 10.0, 10_000.0) is None
    assert mon.update(t + pd.Timedelta("61s"), None, 10_000.0) is None
    assert mon.update(t + pd.Timedelta("62s"), 10.0, 10_000.0)[0] == "raised"
    assert mon.update(t + pd.Timedelta("70s"), 10.0, 0.0)[0] == "cleared"
    with pytest.raises(ValueError):
        AlarmRule(fraction=0)


def test_ratio_self_consumption_energy_today():
    idx = pd.date_range("2026-06-01T00:00Z", periods=4, freq="1h")
    r = expected_ratio(pd.Series([50.0, np.nan, 10.0, 5.0], idx), pd.Series([100.0, 100.0, 0.0, 10.0], idx),
                       min_expected=1.0)
    assert r.iloc[0] == 0.5 and np.isnan(r.iloc[1]) and np.isnan(r.iloc[2]) and r.iloc[3] == 0.5
    assert self_consumption(100.0, 40.0) == pytest.approx(0.4)
    assert np.isnan(self_consumption(0.0, 40.0))
    hist = pd.DataFrame({"pv_energy_interval": [100.0, 200.0, 300.0], "grid_import_interval": [0.0, 0.0, 50.0],
                         "grid_export_interval": [10.0, 20.0, 0.0]},
                        index=pd.DatetimeIndex(["2026-05-31T15:30Z", "2026-05-31T16:30Z", "2026-06-01T01:00Z"]))
    e = energy_today(hist, "Asia/Shanghai")   # local day starts 2026-05-31T16:00Z
    assert e["pv"] == 500.0 and e["grid_export"] == 20.0 and e["load"] == 530.0
    assert e["self_consumption"] == pytest.approx(480 / 500)


# --- CLI and import rules ------------------------------------------------------------------------

def test_cli_live_replay_and_sunspec(tmp_path, capsys):
    from solarfleet.app.cli import main
    from solarfleet.models.live.sunspec_sim import SimulatedServer, sunspec_image
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "live", "--duration", "1.2", "--interval", "0.1", "--speed", "600",
                 "--start", "2026-06-01T12:00+08:00", "--flush", "0.3"]) == 0
    out = capsys.readouterr()
    assert "replay:" in out.out and "new rows stored" in out.err
    img = sunspec_image(inverter=103, meter=203)
    img.set_inverter(w=4321, w_sf=1, wh=10, wh_sf=3)
    img.set_meter(w=-200, w_sf=1)
    with SimulatedServer({3: img}) as srv:
        assert main(["--db", str(db), "live", "--source", f"sunspec://127.0.0.1:{srv.port}/3", "--park", "Lab",
                     "--duration", "0.8", "--interval", "0.1", "--json", "--flush", "0.3"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    assert len(lines) >= 4 and {x["pv_power"] for x in lines} == {43210.0}
    assert {x["grid_power"] for x in lines} == {-2000.0}
    s = open_store(db)
    try:
        h = live_history(s, park="Lab")
        assert len(h) == len(lines) and (h["pv_power"] == 43210.0).all()
        assert live_reading_count(s) > len(lines)
    finally:
        s.close()
    # the stored devices of a park, and "test connection"
    from solarfleet.models.live.devices import DeviceConfig
    s = open_store(db)
    try:
        with SimulatedServer({3: img}) as srv:
            save_live_device(s, DeviceConfig("lab-inv", "127.0.0.1", srv.port, 3, park="Lab"))
            assert main(["--db", str(db), "live", "--source", "devices", "--park", "Lab", "--duration", "0.6",
                         "--interval", "0.1", "--json"]) == 0
            got = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
            assert got and {x["device_id"] for x in got} == {"lab-inv"}
            assert main(["--db", str(db), "live", "--test", "--source", f"sunspec://127.0.0.1:{srv.port}/3"]) == 0
            assert json.loads(capsys.readouterr().out)["reading"]["pv_power"] == 43210.0
            assert main(["--db", str(db), "live", "--test", "--source", f"sunspec://127.0.0.1:{srv.port}/4"]) == 1
            assert "unit id" in json.loads(capsys.readouterr().out)["error"]
    finally:
        s.close()
    assert main(["--db", str(db), "live", "--source", "devices", "--park", "Nowhere"]) == 1
    assert "no stored live devices" in capsys.readouterr().err
    assert main(["--db", str(db), "live", "--source", "ftp://x"]) == 1
    assert "--source" in capsys.readouterr().err
    assert main(["--db", str(db), "live", "--park", "Nowhere", "--duration", "1"]) == 1
    assert "no park named" in capsys.readouterr().err


def test_models_live_imports_no_qt():
    code = ("import sys, solarfleet.models.live, solarfleet.models.live.devices, solarfleet.models.live.replay, solarfleet.models.live.filetail, "
            "solarfleet.models.live.recorder, solarfleet.models.live.alarms, solarfleet.models.live.metrics, solarfleet.models.live.profiles, "
            "solarfleet.models.live.sunspec_sim; print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "False"


def test_replay_profiles_follow_the_stored_run_and_load(memory_store):
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.live.profiles import replay_profiles
    from solarfleet.models.store.runs import latest_park_ac
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_fleet
    seed_if_empty(memory_store)
    park = load_park(memory_store, "Xi'an Asia No.1")
    start = pd.Timestamp("2026-06-21T00:00Z")
    # no run yet: simulated on the spot, same physics
    pv0, load0 = replay_profiles(memory_store, park.name, start=start, days=1)
    fleet = load_fleet(memory_store, [park.name])
    results = list(simulate_fleet(fleet, lambda p: weather_for_park(memory_store, p)))
    save_run(memory_store, run_metadata(fleet, SimulationOptions(), 0.0, 0.0), results)
    pv, load = replay_profiles(memory_store, park.name, start=start, days=1, interval_minutes=60)
    assert str(pv.index.tz) == "UTC" and len(pv) == 24
    # hourly replay of the same calendar hours equals the run's values for 21 June of its year
    year_ac = latest_park_ac(memory_store, park.name)[0]
    local = year_ac.index.tz_convert(park.tz)
    june21 = year_ac[(local.month == 6) & (local.day == 21)]
    assert pv.to_numpy()[:16] == pytest.approx(june21.to_numpy()[8:24], rel=1e-5, abs=1.0)  # 00Z = 08:00 local
    assert pv.max() > 0.3 * park.dc_capacity and np.nanmin(pv) >= -1e-6
    # the on-the-spot simulation at 15 min (interpolated) carries the same day's energy as the stored run
    assert pv0.sum() * 0.25 == pytest.approx(pv.sum(), rel=0.03)
    cons, _ = park_consumption(memory_store, park.name)
    assert load.mean() == pytest.approx(cons.mean(), rel=0.5)
    with pytest.raises(KeyError):
        replay_profiles(memory_store, "Nowhere")


def test_live_session_ratio_alarm_and_alarm_log(db_path):
    from solarfleet.models.live.session import LiveSession
    pv, load = _day()
    src = ReplaySource(pv, load, speed=3000.0, tick=0.02, start="2026-06-01T04:00Z", seed=5, clouds=False)
    # the model expects twice what the roof delivers: an underperforming array
    session = LiveSession(src, db_path, park="P", expected=pv * 2.0, rule=AlarmRule(0.7, 600, 1000.0),
                          flush_interval=0.2)
    ups = []
    session.start()
    try:
        end = time.monotonic() + 5
        while time.monotonic() < end and not any(u.alarms for u in ups):
            time.sleep(0.05)
            ups.append(session.poll())
    finally:
        session.stop()
    last = [u for u in ups if u.readings][-1]
    assert last.ratio == pytest.approx(0.5, abs=0.03)
    assert last.expected_pv == pytest.approx(2 * last.pv_power, rel=0.03)
    assert 0 <= last.self_consumption <= 1
    assert last.statuses[src.device_id].readings >= 1
    events = [e for u in ups for e in u.alarms]
    assert events and events[0][0] == "raised"
    s = open_store(db_path)
    try:
        log = live_alarms(s, park="P")
        assert len(log) == 1 and log[0]["end_utc"] is None and log[0]["min_ratio"] < 0.55
        assert live_reading_count(s, park="P") == session.recorder.received
    finally:
        s.close()


def test_expected_pv_is_never_negative(db_path):
    """A modelled night carries the inverter's tare (a small negative AC); expected PV shows it as zero."""
    from solarfleet.models.live.session import LiveSession
    pv, load = _day()
    night = pv.copy()
    night[:] = -500.0  # the Sandia model's night tare of a 100 kW inverter
    night.iloc[len(night) // 2] = float("nan")
    src = ReplaySource(pv, load, speed=3000.0, tick=0.02, start="2026-06-01T04:00Z", seed=5, clouds=False)
    session = LiveSession(src, db_path, park="P", expected=night, flush_interval=0.2)
    try:
        assert session.expected_at(night.index[2]) == 0.0
        assert math.isnan(session.expected_at(night.index[len(night) // 2]))
    finally:
        session.stop()
