"""Store: consumption series, synthetic parameters, tariffs, batteries, carbon choice (migration 2)."""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.energy.battery import Battery
from solarfleet.models.store import SCHEMA_VERSION, StoreError, open_store
from solarfleet.models.store.migrations import APP_ID
from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
from solarfleet.models.energy.tariff import example_tariff
from solarfleet.models.store import (add_load_series, delete_load_series, get_battery, get_carbon_choice,
    get_synthetic_load_params, get_tariff, import_fleet, list_load_series, load_series, park_consumption,
    set_battery, set_carbon_choice, set_synthetic_load_params, set_tariff)

PARK = "Kunshan Asia No.1"


@pytest.fixture
def store(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    return file_store


def _series(values, start="2023-01-01", freq="60min"):
    return pd.Series(np.asarray(values, dtype=float), index=pd.date_range(start, periods=len(values), freq=freq,
                                                                          tz="UTC"))


def test_series_round_trip_keeps_nan(store, db_path):
    s = _series([1.5, np.nan, 3.25, 4.0])
    sid = add_load_series(store, PARK, s, {"interval_minutes": 60, "meter": "main"}, {"gaps": [1]})
    store.close()
    with open_store(db_path) as again:
        data, meta, report = load_series(again, sid)
        pd.testing.assert_series_equal(data, s.rename("load"), check_freq=False, check_index_type=False,
                                       check_names=False)
        assert np.isnan(data.iloc[1]) and meta["meter"] == "main" and report == {"gaps": [1]}
        row = list_load_series(again, PARK)[0]
        assert row["energy_wh"] == pytest.approx(8.75) and row["missing_intervals"] == 1
        assert again.schema_version == SCHEMA_VERSION


def test_meters_summed_measured_before_synthetic(store):
    add_load_series(store, PARK, _series([1, 2, 3]), {"interval_minutes": 60}, meter="synthetic", kind="synthetic")
    assert park_consumption(store, PARK)[1]["kind"] == "synthetic"
    add_load_series(store, PARK, _series([10, 20, 30]), {"interval_minutes": 60}, meter="hall")
    add_load_series(store, PARK, _series([1, np.nan, 1]), {"interval_minutes": 60}, meter="office")
    data, info = park_consumption(store, PARK)
    assert info["kind"] == "measured" and sorted(info["meters"]) == ["hall", "office"]
    assert data.iloc[0] == 11 and np.isnan(data.iloc[1]) and data.iloc[2] == 31
    add_load_series(store, PARK, _series([1] * 12, freq="15min"), {"interval_minutes": 15}, meter="sub")
    with pytest.raises(StoreError, match="different intervals"):
        park_consumption(store, PARK)


def test_refusals_leave_database_unchanged(store):
    add_load_series(store, PARK, _series([1, 2]), {"interval_minutes": 60}, meter="main")
    before = list_load_series(store)
    with pytest.raises(StoreError, match="already has"):
        add_load_series(store, PARK, _series([5, 6]), {"interval_minutes": 60}, meter="MAIN")
    with pytest.raises(ValueError, match="regular"):
        add_load_series(store, PARK, _series([1, 2], freq="30min"), {"interval_minutes": 60}, meter="x")
    with pytest.raises(KeyError):
        add_load_series(store, "Atlantis", _series([1, 2]), {"interval_minutes": 60}, meter="x")
    assert list_load_series(store) == before
    add_load_series(store, PARK, _series([5, 6]), {"interval_minutes": 60}, meter="main", replace=True)
    assert park_consumption(store, PARK)[0].tolist() == [5, 6]
    assert delete_load_series(store, PARK) == 1 and park_consumption(store, PARK) is None


def test_params_tariff_battery_carbon(store):
    p = SyntheticLoadParams(floor_area=40_000, ev_vehicles=12)
    set_synthetic_load_params(store, PARK, p)
    assert get_synthetic_load_params(store, PARK) == p
    t = example_tariff()
    set_tariff(store, PARK, t)
    assert get_tariff(store, PARK) == t
    b = Battery(capacity=2e6, power=1e6, strategy="tou_arbitrage")
    set_battery(store, PARK, b)
    assert get_battery(store, PARK) == b
    set_battery(store, PARK, None)
    assert get_battery(store, PARK) is None
    assert get_carbon_choice(store, PARK) == {"region": None, "data_year": None}
    set_carbon_choice(store, PARK, "national", 2021)
    assert get_carbon_choice(store, PARK) == {"region": "national", "data_year": 2021}
    from solarfleet.models.energy.carbon import CarbonError
    with pytest.raises(CarbonError):
        set_carbon_choice(store, PARK, None, 2021)   # east grid has no 2021 figure
    assert get_carbon_choice(store, PARK) == {"region": "national", "data_year": 2021}


def test_migrates_a_version_1_file(tmp_path, demo_fleet):
    """A file written before migration 2 gains the new tables and keeps its fleet."""
    from solarfleet.models.store.migrations import create_fleet
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.close()
    import sqlite_utils
    db = sqlite_utils.Database(path)
    create_fleet(db)
    db.execute("PRAGMA user_version = 1")
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    db.conn.commit()
    db.close()
    with open_store(path) as s:
        assert s.schema_version == SCHEMA_VERSION and s.backup_path is not None
        import_fleet(s, demo_fleet)
        add_load_series(s, PARK, _series([1.0]), {"interval_minutes": 60}, meter="m")
        assert len(list_load_series(s)) == 1


def test_replacing_a_park_keeps_its_consumption(store, demo_fleet):
    add_load_series(store, PARK, _series([1, 2]), {"interval_minutes": 60}, meter="main")
    import_fleet(store, demo_fleet, on_conflict="replace")
    assert len(list_load_series(store, PARK)) == 1


def test_seed_demo_loads(store):
    from solarfleet.models.demo_load import seed_demo_loads
    add_load_series(store, PARK, _series([1.0, 2.0]), {"interval_minutes": 60}, meter="main")
    done = seed_demo_loads(store)
    assert len(done) == 8 and PARK not in done                     # a park with meters is left alone
    xian = "Xi'an Asia No.1"
    data, info = park_consumption(store, xian)
    assert info["kind"] == "synthetic" and len(data) == 8760
    assert get_battery(store, xian) is not None and get_tariff(store, xian) is not None
    p = get_synthetic_load_params(store, xian)
    assert p.floor_area == 100_000 and p.ev_charging_windows == ((10, 16),)
    assert seed_demo_loads(store) == []                            # nothing twice
