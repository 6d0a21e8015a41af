"""Hourly roll-ups and retention of live detail snapshots, checked against a pandas resample of the snapshots
as they were handed in (not as stored), and against an injected crash between roll-up steps."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.store import (add_live_details, live_detail_chart, live_detail_hourly, live_detail_maintenance,
                                     live_details, open_store, prune_live_details, roll_up_live_details,
                                     set_live_detail_retention_days)

T0 = pd.Timestamp("2026-06-18 01:00", tz="UTC")
MINUTES = 5 * 60 + 17                                   # five whole hours and a partial one
FAULT = range(130, 150)                                 # minutes with a ground fault


def make_snapshots(device="inv-1", minutes=MINUTES, seed=3):
    """1-minute snapshots: AC, two trackers (PV2 fading, some reads missing), a fault from minute 130 to 149."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(minutes):
        fault = i in FAULT
        pv2 = None if rng.random() < 0.1 else float(rng.uniform(2, 9))
        out.append((device, T0 + pd.Timedelta(minutes=i), {
            "103@40070": {"kind": "inverter", "model_id": 103, "ac_power": 0.0 if fault else float(rng.uniform(3e4, 5e4)),
                          "voltage_a": float(rng.uniform(225, 235)), "frequency": float(rng.uniform(49.9, 50.1)),
                          "temp_cabinet": None, "temp_heatsink": float(rng.uniform(30, 60)),
                          "state": "fault" if fault else "mppt", "events": ("ground_fault",) if fault else ()},
            "160@40124": {"kind": "mppt", "model_id": 160, "state": "ok", "events": (),
                          "mppt": [{"label": "PV1", "dc_current": float(rng.uniform(8, 9)), "state": "mppt",
                                    "events": ()},
                                   {"label": "PV2", "dc_current": pv2, "state": "mppt",
                                    "events": ("input_over_current",) if i == 200 else ()}]},
        }))
    return out


def oracle(snaps) -> pd.DataFrame:
    """The same quantities, flattened by hand from the input dicts, then resampled hourly by pandas."""
    rows = []
    for _, t, d in snaps:
        inv, mppt = d["103@40070"], d["160@40124"]["mppt"]
        rows.append({"timestamp": t, "103@40070/ac_power": inv["ac_power"], "103@40070/voltage_a": inv["voltage_a"],
                     "103@40070/temp_cabinet": inv["temp_cabinet"], "160@40124/PV1/dc_current": mppt[0]["dc_current"],
                     "160@40124/PV2/dc_current": mppt[1]["dc_current"]})
    df = pd.DataFrame(rows).set_index("timestamp").astype(float)
    return df.resample("1h")


@pytest.fixture()
def rolled(file_store):
    snaps = make_snapshots()
    assert add_live_details(file_store, snaps, park="P") == MINUTES
    return file_store, snaps


def test_hourly_rollup_equals_a_pandas_resample(rolled):
    store, snaps = rolled
    end = T0 + pd.Timedelta(minutes=MINUTES)
    assert roll_up_live_details(store, now=end, max_hours=2) == 2   # bounded steps
    assert roll_up_live_details(store, now=end, max_hours=2) == 2
    assert roll_up_live_details(store, now=end, max_hours=2) == 1
    assert roll_up_live_details(store, now=end, max_hours=2) == 0
    hourly = live_detail_hourly(store, "inv-1", park="P")
    assert len(hourly) == 5                                # the partial sixth hour waits
    expected = oracle(snaps)
    for stat, want in (("mean", expected.mean()), ("min", expected.min()), ("max", expected.max()),
                       ("count", expected.count())):
        want = want.iloc[:5]
        for col in want.columns:
            got = hourly[(stat, col)].to_numpy()
            np.testing.assert_allclose(got, want[col].to_numpy(dtype=float), rtol=2e-6, equal_nan=True,
                                       err_msg=f"{stat} {col}")
    assert hourly[("count", "103@40070/temp_cabinet")].eq(0).all()       # never reported: NaN, not 0
    assert hourly[("mean", "103@40070/temp_cabinet")].isna().all()
    # states and fault bits: the hour of the fault (03:00–04:00 holds minutes 120–179) OR-s the ground fault
    rows = store.db.execute("SELECT t, n, states, events FROM live_detail_hours ORDER BY t").fetchall()
    assert [r[1] for r in rows] == [60] * 5
    fault_hour = [r for r in rows if r[0] == int((T0 + pd.Timedelta(hours=2)).value // 10**6)][0]
    assert "ground_fault" in fault_hour[3] and "input_over_current" not in fault_hour[3]
    assert "input_over_current" in rows[3][3]
    from solarfleet.models.live.reading import DEVICE_STATES
    dominant = np.frombuffer(fault_hour[2], dtype="<f4")
    assert DEVICE_STATES[int(dominant[0])] == "mppt"       # 40 of 60 minutes in MPPT, 20 in fault


def test_pruning_keeps_changes_and_the_newest_snapshot(rolled):
    store, snaps = rolled
    set_live_detail_retention_days(store, 1)
    end = T0 + pd.Timedelta(minutes=MINUTES)
    assert prune_live_details(store, now=end + pd.Timedelta(days=3)) == 0   # nothing rolled up yet: kept
    live_detail_maintenance(store, now=end + pd.Timedelta(days=3))
    kept = [t for t, _ in live_details(store, "inv-1")]
    minute = lambda i: T0 + pd.Timedelta(minutes=i)  # noqa: E731
    # the first state, into the fault, out of it, PV2's over-current and its clearing, and the newest
    # (the partial last hour is rolled up too once it is complete, so only the newest is left of it)
    assert kept == [minute(0), minute(130), minute(150), minute(200), minute(201), minute(MINUTES - 1)]
    assert live_details(store, "inv-1")[1][1]["103@40070"]["events"] == ("ground_fault",)
    # the hourly roll-ups outlive the snapshots
    assert len(live_detail_hourly(store, "inv-1")) == 6
    # a second device that stopped long ago keeps its newest snapshot
    old = make_snapshots("inv-2", minutes=3)
    assert add_live_details(store, old) == 3
    live_detail_maintenance(store, now=end + pd.Timedelta(days=3))
    assert [t for t, _ in live_details(store, "inv-2")] == [minute(0), minute(2)]   # its first state, its newest


def test_a_crash_between_steps_leaves_a_consistent_store_and_a_rerun_matches(rolled, tmp_path, monkeypatch):
    store, _ = rolled
    now = T0 + pd.Timedelta(days=1)
    clean_path = tmp_path / "clean.db"
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, clean_path)
    from solarfleet.models.store import live_detail_rollups as mod
    calls = {"n": 0}
    real = mod._set_mark

    def crash_on_second_step(s, ms):
        calls["n"] += 1
        if calls["n"] == 2:                  # after the rows of step 2 are written, before its mark
            raise RuntimeError("killed")
        real(s, ms)
    monkeypatch.setattr(mod, "_set_mark", crash_on_second_step)
    assert roll_up_live_details(store, now=now, max_hours=2) == 2
    with pytest.raises(RuntimeError, match="killed"):
        roll_up_live_details(store, now=now, max_hours=2)
    # consistent: step 1's hours and mark, nothing of step 2
    assert store.db.execute("SELECT count(DISTINCT t) FROM live_detail_hours").fetchone()[0] == 2
    assert mod._mark(store) == int((T0 + pd.Timedelta(hours=2)).value // 10**6)
    monkeypatch.setattr(mod, "_set_mark", real)
    live_detail_maintenance(store, now=now)
    with open_store(clean_path) as clean:
        live_detail_maintenance(clean, now=now)
        dump = lambda s: s.db.execute("SELECT * FROM live_detail_hours ORDER BY source, t, layout").fetchall()  # noqa: E731
        flags = lambda s: s.db.execute("SELECT t, changed FROM live_details ORDER BY t").fetchall()  # noqa: E731
        assert dump(store) == dump(clean) and len(dump(clean)) == 6
        assert flags(store) == flags(clean)
    # a rerun over hours already rolled up (a late snapshot moves the mark back) gives the same rows
    before = dump(store)
    late = make_snapshots(minutes=1)
    add_live_details(store, late, park="P")             # already stored: the mark still moves back
    assert mod._mark(store) == int(T0.value // 10**6)
    live_detail_maintenance(store, now=now)
    assert dump(store) == before


def test_chart_uses_snapshots_inside_retention_and_hours_beyond(rolled):
    store, _ = rolled
    end = T0 + pd.Timedelta(minutes=MINUTES)
    live_detail_maintenance(store, now=end + pd.Timedelta(minutes=5))
    day = live_detail_chart(store, "inv-1", end - pd.Timedelta(days=1), end, now=end)
    assert day.attrs["resolution"] == "snapshot" and len(day) == MINUTES
    year = live_detail_chart(store, "inv-1", end - pd.Timedelta(days=365), end, now=end)
    assert year.attrs["resolution"] == "hour"
    assert len(year) == 5 + 17                             # five hours, then the 17 snapshots not rolled up
    assert (year[("min", "160@40124/PV1/dc_current")] <= year[("max", "160@40124/PV1/dc_current")]).all()
