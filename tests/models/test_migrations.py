"""Every earlier schema version upgrades cleanly with its data intact, and a migration that fails at any
version rolls back and leaves the backup.

The old files are built with the ``make_old_db`` fixture (only the migrations up to that version run)
and filled with what that version could hold: the demo fleet (v1), a consumption series, a tariff and
a battery (v2), live readings (v3), a survey (v4), a stored simulation run (v5).
"""
import datetime as dt
import hashlib
import sqlite3

import numpy as np
import pandas as pd
import pytest

import solarfleet.models.store as store_mod
from solarfleet.models.energy.battery import Battery
from solarfleet.models.demo import demo_fleet
from solarfleet.models.live.reading import Reading
from solarfleet.models.store import open_store
from solarfleet.models.energy.tariff import example_tariff
from solarfleet.models.store import get_meta, import_fleet, list_runs, load_fleet, load_run_ac, save_run

OLD_VERSIONS = list(range(1, store_mod.SCHEMA_VERSION))
PARK = "Kunshan Asia No.1"


def _dump(path) -> str:
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


def _load():
    idx = pd.date_range("2025-01-01", periods=24 * 14, freq="h", tz="UTC")
    return pd.Series(400e3 + 100e3 * np.sin(np.arange(len(idx)) / 24 * 2 * np.pi), index=idx)


def _readings():
    t0 = dt.datetime(2025, 6, 1, 4, tzinfo=dt.timezone.utc)
    return [Reading(timestamp=t0 + dt.timedelta(minutes=5 * i), device_id="inv-1", pv_power=1000.0 * i,
                    load_power=5000.0, grid_power=5000.0 - 1000.0 * i, pv_energy=10.0 * i) for i in range(50)]


#: The version from which live readings are stored compactly (before it: one text-keyed row each).
COMPACT_LIVE = {fn.__name__: v for v, fn in store_mod.MIGRATIONS}["compact_live_storage"]


def _add_compact_readings(s):
    """Readings as the compact live storage holds them, measured and replayed."""
    import dataclasses
    measured = _readings()
    replayed = [dataclasses.replace(r, device_id=f"replay:{PARK}", load_power=None, grid_power=None,
                                    pv_energy=None, provenance="replay") for r in measured[:10]]
    store_mod.add_live_readings(s, measured + replayed, park=PARK)


def _add_v3_readings(s):
    """Readings as versions 3 up to the compact live storage stored them (one text-keyed row each),
    measured and replayed."""
    rows = [(r.device_id, PARK, round(r.timestamp.timestamp() * 1000), r.pv_power, r.load_power, r.grid_power,
             r.pv_energy, "ok") for r in _readings()]
    rows += [(f"replay:{PARK}", PARK, t, p, None, None, None, st) for _, _, t, p, *_, st in rows[:10]]
    with s.db.atomic():
        s.db.conn.executemany("INSERT INTO live_readings (device_id, park, timestamp_ms, pv_power, load_power, "
                              "grid_power, pv_energy, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


SURVEY = {"roofs": [], "notes": "surveyed before the upgrade", "surveyor": "测试"}


@pytest.fixture(scope="module")
def run_inputs():
    """A real simulated run of one demo park (weather synthesised in memory, not stored)."""
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_fleet
    fleet = Fleet((demo_fleet().park(PARK),))
    with open_store(":memory:") as mem:
        weather = weather_for_park(mem, fleet.parks[0], save=False)
    results = list(simulate_fleet(fleet, lambda p: weather, SimulationOptions()))
    return run_metadata(fleet, SimulationOptions(), 1.7e9, 1.0, note="before upgrade"), results


def _fill(version, run_inputs):
    def fill(s):
        import_fleet(s, demo_fleet())
        if version >= 2:
            store_mod.add_load_series(s, PARK, _load(), {"interval_minutes": 60}, meter="main")
            store_mod.set_tariff(s, PARK, example_tariff())
            store_mod.set_battery(s, PARK, Battery(capacity=400e3, power=200e3))
        if 3 <= version < COMPACT_LIVE:
            _add_v3_readings(s)
        elif version >= COMPACT_LIVE:
            _add_compact_readings(s)
        if version >= 4:
            store_mod.save_survey(s, PARK, SURVEY)
        if version >= 5:
            save_run(s, *run_inputs)
    return fill


def _check_data(s, version, run_inputs):
    assert load_fleet(s) == demo_fleet()
    if version >= 2:
        (series,) = store_mod.list_load_series(s, PARK)
        data, meta = store_mod.load_series(s, series["id"])[:2]
        pd.testing.assert_series_equal(data, _load(), check_names=False, check_freq=False)
        assert store_mod.get_tariff(s, PARK) == example_tariff()
        assert store_mod.get_battery(s, PARK) == Battery(capacity=400e3, power=200e3)
    if version >= 3:
        assert store_mod.live_reading_count(s, park=PARK, provenance="measured") == 50
        assert store_mod.live_reading_count(s, park=PARK, provenance="replay") == 10
        hist = store_mod.live_history(s, park=PARK)
        assert set(hist["device_id"]) == {"inv-1"} and list(hist["pv_power"]) == [1000.0 * i for i in range(50)]
        assert list(hist["status"]) == ["ok"] * 50
    if version >= 4:
        assert store_mod.load_survey(s, PARK) == SURVEY
    if version >= 5:
        (run,) = list_runs(s)
        ac = load_run_ac(s, run["id"], PARK)
        assert abs(float(ac.sum().sum()) - run_inputs[1][0].energy) <= 1e-6 * run_inputs[1][0].energy


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_old_version_upgrades_with_data_intact(version, tmp_path, make_old_db, run_inputs):
    path = make_old_db(tmp_path / f"v{version}.db", version, _fill(version, run_inputs))
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == version
    con.close()
    before = _dump(path)
    with open_store(path) as s:
        assert s.schema_version == store_mod.SCHEMA_VERSION
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert get_meta(s, "schema_version") == str(store_mod.SCHEMA_VERSION)
        _check_data(s, version, run_inputs)
        backup = s.backup_path
    assert backup is not None and backup.exists() and f".v{version}-" in backup.name
    assert _dump(backup) == before  # the backup is the file as it was
    with open_store(path) as s:  # opening again changes nothing and makes no second backup
        assert s.backup_path is None


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_failing_migration_rolls_back_and_keeps_the_backup(version, tmp_path, make_old_db, run_inputs,
                                                           monkeypatch):
    path = make_old_db(tmp_path / f"v{version}.db", version, _fill(version, run_inputs))
    before = _dump(path)
    target = version + 1
    real = dict(store_mod.MIGRATIONS)[target]

    def half_done(db):  # the real migration runs, then the disk "fails"
        real(db)
        raise OSError(f"disk full during migration {target}")

    patched = [(v, half_done if v == target else fn) for v, fn in store_mod.MIGRATIONS]
    with pytest.raises(OSError, match=f"migration {target}"):
        open_store(path, migrations=patched)
    assert _dump(path) == before, "a failed migration left the file changed"
    backups = list(tmp_path.glob(f"v{version}.db.v{version}-*.bak"))
    assert len(backups) == 1 and _dump(backups[0]) == before
    with open_store(path) as s:  # the real migrations still work on the rolled-back file
        assert s.schema_version == store_mod.SCHEMA_VERSION
        _check_data(s, version, run_inputs)


def test_provenance_migration_classifies_existing_series(tmp_path, make_old_db):
    """Sets stored before provenance existed get it from their kind: tmy → imported, measured → measured,
    synthetic → modelled; a meter file's series is measured, a synthetic load modelled."""
    from solarfleet.models.store import add_weather, list_load_series, list_weather
    names = [fn.__name__ for _, fn in store_mod.MIGRATIONS]  # the file as it was before provenance came
    before = store_mod.MIGRATIONS[:names.index("add_provenance")]
    version = before[-1][0]
    idx = pd.date_range("2023-01-01", periods=48, freq="h", tz="UTC")
    weather = pd.DataFrame({"ghi": 100.0, "dni": 50.0, "dhi": 50.0, "temp_air": 10.0, "wind_speed": 1.0}, index=idx)

    def fill(s):
        import_fleet(s, demo_fleet())
        for kind in ("tmy", "measured", "synthetic"):
            add_weather(s, PARK, weather, {"interval_minutes": 60, "kind": kind, "source": f"src {kind}",
                                           "file": f"/data/{kind}.csv"}, {})
        store_mod.add_load_series(s, PARK, _load(), {"interval_minutes": 60, "source": "/m/main.csv"}, meter="main")
        store_mod.add_load_series(s, PARK, _load(), {"interval_minutes": 60}, kind="synthetic")

    path = tmp_path / "old.db"
    with store_mod.open_store(path, migrations=before) as s:
        fill(s)
    with open_store(path) as s:
        by_kind = {r["kind"]: r["provenance"] for r in list_weather(s, PARK)}
        loads = {r["meter"]: (r["provenance"], r["origin"]) for r in list_load_series(s, PARK)}
    assert version < store_mod.SCHEMA_VERSION
    assert by_kind == {"tmy": "imported", "measured": "measured", "synthetic": "modelled"}
    assert loads == {"main": ("measured", "/m/main.csv"), "synthetic": ("modelled", "")}
