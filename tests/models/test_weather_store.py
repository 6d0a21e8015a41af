"""Weather sets in SQLite: round trip, several per park, defaults, PVGIS cache, offline behaviour, CLI."""
from __future__ import annotations

import json
import socket
import time

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.store import WeatherStoreError, open_store
from solarfleet.models.weather.synthetic import synth_typical_year
from solarfleet.models.weather.convention import WeatherNetworkError
from solarfleet.models.weather.pvgis import get_pvgis_tmy, pvgis_tmy_cached
from solarfleet.models.weather.quality import quality_report
from solarfleet.models.store import (add_weather, default_weather, delete_park, delete_weather, import_fleet,
    list_weather, load_weather, set_default_weather, weather_info)

PARK = "Shanghai Asia No.1 (Jiading)"


@pytest.fixture
def store(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    return file_store


@pytest.fixture(scope="module")
def synth():
    return synth_typical_year(31.38, 121.25, seed=2)


def test_round_trip_keeps_values_nan_and_metadata(store, synth):
    data, meta = synth
    data = data.copy()
    data.iloc[100:103, 0] = np.nan  # missing stays missing
    wid = add_weather(store, PARK, data, meta, quality_report(data, meta))
    back, bmeta = load_weather(store, wid)
    assert back.index.equals(data.index) and list(back.columns) == list(data.columns)
    np.testing.assert_allclose(back.to_numpy(), data.to_numpy(), rtol=1e-6, atol=1e-4, equal_nan=True)
    assert back["ghi"].isna().sum() == 3
    assert bmeta["kind"] == "synthetic" and bmeta["interval_minutes"] == 60 and bmeta["label"] == "start"
    assert bmeta["sources"] == meta["sources"] and bmeta["park"] == PARK
    info = weather_info(store, wid)
    assert info["ghi_missing"] == 3 and info["quality"]["gaps"]["count"] == 3
    assert info["ghi_annual"] == pytest.approx(np.nansum(data["ghi"]), rel=1e-6)


def test_several_sets_per_park_and_the_default(store, synth):
    data, meta = synth
    report = quality_report(data, meta)
    first = add_weather(store, PARK, data, meta, report)
    second = add_weather(store, PARK, data, {**meta, "kind": "measured", "year": 2021}, report, name="logger 2021")
    third = add_weather(store, PARK, data, {**meta, "kind": "measured", "year": 2022}, report, name="logger 2022")
    rows = list_weather(store, PARK)
    assert [r["id"] for r in rows] == [first, second, third]
    assert [r["year"] for r in rows] == [None, 2021, 2022]
    # the first set of a park becomes its default; the first real (measured/TMY) set takes over from a
    # synthetic default; later real sets do not take over from a real one
    assert default_weather(store, PARK) == second
    set_default_weather(store, PARK, third)
    assert default_weather(store, PARK) == third
    assert [r["is_default"] for r in list_weather(store, PARK)] == [False, False, True]
    other = add_weather(store, "Kunshan Asia No.1", data, meta, report)
    with pytest.raises(WeatherStoreError, match="does not belong"):
        set_default_weather(store, PARK, other)
    delete_weather(store, third)
    assert default_weather(store, PARK) == second  # newest remaining takes over
    delete_park(store, PARK)
    assert store.db.execute("SELECT count(*) FROM weather_series s JOIN weather_sets w ON w.id = s.weather_id "
                            "WHERE w.id IN (?, ?)", [first, second]).fetchone()[0] == 0
    assert [r["id"] for r in list_weather(store)] == [other]


def test_invalid_sets_are_refused_before_writing(store, synth):
    data, meta = synth
    before = store.db.execute("SELECT count(*) FROM weather_sets").fetchone()[0]
    irregular = data.drop(data.index[5])
    with pytest.raises(WeatherStoreError, match="regular"):
        add_weather(store, PARK, irregular, meta, {})
    with pytest.raises(WeatherStoreError, match="UTC"):
        add_weather(store, PARK, data.tz_convert("Asia/Shanghai"), meta, {})
    with pytest.raises(KeyError):
        add_weather(store, "No Such Park", data, meta, {})
    assert store.db.execute("SELECT count(*) FROM weather_sets").fetchone()[0] == before


def test_schema_version_and_reopen(db_path, demo_fleet, synth):
    with open_store(db_path) as s:
        import_fleet(s, demo_fleet)
        wid = add_weather(s, PARK, *synth, quality_report(*synth))
        assert s.schema_version >= 2
    with open_store(db_path) as s:
        data, _ = load_weather(s, wid)
        assert len(data) == 8760


def test_pvgis_cache_fetches_once(store, synth):
    data, meta = synth
    calls = []

    def fake_fetch(lat, lon, timeout):
        calls.append((lat, lon, timeout))
        horizon = pd.Series([2.0, 5.5, 1.0], index=[0.0, 120.0, 240.0])
        return data, {**meta, "source": "PVGIS TMY (online)", "kind": "tmy"}, horizon

    d1, m1, h1 = pvgis_tmy_cached(store, 31.38, 121.25, timeout=3, fetch=fake_fetch)
    d2, m2, h2 = pvgis_tmy_cached(store, 31.38, 121.25, timeout=3, fetch=fake_fetch)
    assert len(calls) == 1 and m1["cached"] is False and m2["cached"] is True
    pd.testing.assert_frame_equal(d1, d2, check_freq=False)
    assert list(h2.to_numpy()) == [2.0, 5.5, 1.0]
    pvgis_tmy_cached(store, 31.38, 121.25, timeout=3, refresh=True, fetch=fake_fetch)
    assert len(calls) == 2


def test_offline_pvgis_fails_fast_with_a_clear_message():
    """A closed port on 127.0.0.1 stands in for 'no network': a clear error, not a hang."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nobody listens
    start = time.monotonic()
    with pytest.raises(WeatherNetworkError, match=r"PVGIS is unreachable.*weather synth"):
        get_pvgis_tmy(31.38, 121.25, timeout=2, url=f"http://127.0.0.1:{port}/api/")
    assert time.monotonic() - start < 5


# --- CLI -----------------------------------------------------------------------------------------

def test_cli_import_synth_list_show(tmp_path, shared_dir, capsys):
    from solarfleet.app.cli import main
    db = str(tmp_path / "cli.db")
    epw = shared_dir / "weather" / "CHN_Shanghai.Shanghai.583620_CSWD.epw"
    assert main(["--db", db, "weather", "import", PARK, str(epw), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["format"] == "epw" and imported["sets"][0]["ghi_annual_kwh_m2"] == pytest.approx(1271.3)
    assert main(["--db", db, "weather", "synth", PARK, "--seed", "4", "--monthly-ghi",
                 "63,86,89,121,146,130,136,118,127,104,75,76", "--json"]) == 0
    synth_out = json.loads(capsys.readouterr().out)
    assert synth_out["ghi_annual_kwh_m2"] == pytest.approx(1271.0, abs=0.05)
    assert main(["--db", db, "weather", "list", PARK, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["weather"]
    # the demo's own synthetic year came first; the imported TMY took over as the default
    assert [r["kind"] for r in rows] == ["synthetic", "tmy", "synthetic"]
    assert [r["is_default"] for r in rows] == [0, 1, 0]
    assert main(["--db", db, "weather", "show", str(synth_out["id"])]) == 0
    text = capsys.readouterr().out
    assert "monthly GHI" in text and "Jan 63.0" in text and "Quality: no problems found." in text
    assert main(["--db", db, "weather", "show", str(imported["sets"][0]["id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert "balance" in shown["quality"]["problems"]
    assert main(["--db", db, "weather", "synth", PARK, "--monthly-ghi", "1,2,3"]) == 1
    assert "needs 12 values" in capsys.readouterr().err


def test_cli_import_multi_year_file_stores_each_year(tmp_path, capsys):
    from solarfleet.app.cli import main
    stamps = pd.date_range("2020-12-01", "2021-01-31 23:00", freq="h")
    path = tmp_path / "logger.csv"
    pd.DataFrame({"time": stamps.strftime("%Y-%m-%d %H:%M"), "ghi": 0.0}).to_csv(path, index=False)
    db = str(tmp_path / "years.db")
    assert main(["--db", db, "weather", "import", PARK, str(path), "--tz", "Asia/Shanghai", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["year"] for s in out["sets"]] == [2020, 2021]
    assert [s["intervals"] for s in out["sets"]] == [31 * 24, 31 * 24]
