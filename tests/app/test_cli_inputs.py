"""The CLI on hostile inputs and machines (issue 15): a full database, read-only sessions beside a writer,
ids out of range, a missing run, ambiguous dates, over-long integers — one line, exit status 1,
nothing half-written."""
from __future__ import annotations

import hashlib
import json
import sqlite3

import pandas as pd
import pytest

from solarfleet.app.cli import main
from tests.models.fuzz_counts import count

PARK = "Kunshan Asia No.1"


def _dump(path) -> str:
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


@pytest.mark.parametrize("argv", [
    ["load", "import", "Kunshan Asia No.1", "{load}", "--start", "2023-01-01 00:00", "--interval", "60"],
    ["weather", "synth", "Kunshan Asia No.1"],
    ["fleet", "import", "{fleet}"],
])
def test_cli_database_full_is_one_line_and_changes_nothing(tmp_path, monkeypatch, capsys, argv):
    """SQLite's "database or disk is full" (SQLITE_FULL, forced with max_page_count, the same error a full
    disk gives) under a CLI write: exit 1, one line naming the database, the file unchanged."""
    count("disk full: CLI database")
    import solarfleet.models.store as store_mod
    db = tmp_path / "full.db"
    load = tmp_path / "load.csv"
    load.write_text("\n".join(str(400.0 + i % 24) for i in range(8760)) + "\n")
    fleet = tmp_path / "fleet.json"
    assert main(["--db", str(db), "fleet", "list"]) == 0
    assert main(["--db", str(db), "fleet", "export", str(fleet)]) == 0
    doc = json.loads(fleet.read_text())
    for park in doc["parks"]:
        park["name"] += " copy"
    fleet.write_text(json.dumps(doc))
    before = _dump(db)
    real_open = store_mod.open_store

    def full_open(path, *a, **k):
        store = real_open(path, *a, **k)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        return store
    monkeypatch.setattr(store_mod, "open_store", full_open)
    capsys.readouterr()
    rc = main(["--db", str(db), *[a.format(load=load, fleet=fleet) for a in argv]])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1 and len(err) == 1, err
    assert "full" in err[0] and str(db) in err[0]
    assert _dump(db) == before


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.db"
    assert main(["--db", str(path), "fleet", "list"]) == 0
    return path


def test_read_only_commands_work_while_another_process_writes(db, capsys):
    from solarfleet.models.store.lock import WriterLock
    with WriterLock(db, program="the app"):
        for argv in (["fleet", "list"], ["weather", "list"], ["load", "list"], ["--read-only", "fleet", "list"]):
            capsys.readouterr()
            assert main(["--db", str(db), *argv]) == 0, capsys.readouterr().err
        assert main(["--db", str(db), "weather", "synth", PARK]) == 1
        assert "open for writing in another SolarFleet" in capsys.readouterr().err


def test_read_only_flag_refuses_writes_in_one_line(db, capsys):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main(["--db", str(db), "--read-only", "weather", "synth", PARK]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("argv, words", [
    (["weather", "show", "99999999999999999999"], "is not an id"),
    (["weather", "show", "-3"], "is not an id"),
    (["weather", "show", "12345"], "no weather set 12345"),
    (["export", "--format", "csv", "--out", "{tmp}/o.csv", "--run", "999"], "no simulation run 999"),
    (["load", "import", PARK, "{tmp}/m.csv", "--resample", "7"], "--resample: 7 minutes"),
])
def test_out_of_range_ids_and_values_are_messages(db, tmp_path, capsys, argv, words):
    (tmp_path / "m.csv").write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n")
    with pytest.raises(SystemExit) if words == "is not an id" else _no_exit():
        rc = main(["--db", str(db), *[a.format(tmp=tmp_path) for a in argv]])
        assert rc == 1
    assert words in capsys.readouterr().err


class _no_exit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_ambiguous_meter_dates_are_refused_then_read_as_told(db, tmp_path, capsys):
    p = tmp_path / "m.csv"
    stamps = pd.date_range("2023-03-04", periods=24, freq="h")
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), "kW": 100.0}).to_csv(p, index=False)
    capsys.readouterr()
    assert main(["--db", str(db), "load", "import", PARK, str(p)]) == 1
    assert "--dayfirst" in capsys.readouterr().err
    assert main(["--db", str(db), "load", "import", PARK, str(p), "--dayfirst", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"][0]["start"] == "2023-03-03T16:00:00+00:00"  # 4 March 00:00 in Shanghai


def test_ghi_only_weather_is_filled_flagged_and_simulates(db, tmp_path, capsys):
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, _ = synth_typical_year(31.38, 120.98, [100.0] * 12, seed=2)
    local = data.index.tz_convert("Etc/GMT-8")
    p = tmp_path / "ghi.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": data["ghi"].round(1)}).to_csv(p, index=False)
    capsys.readouterr()
    assert main(["--db", str(db), "weather", "import", PARK, str(p), "--column", "ghi=ghi", "--default"]) == 0
    text = capsys.readouterr().out
    assert "Filled (not in the file): dni" in text and "Filled (not in the file): wind_speed" in text
    assert main(["--db", str(db), "weather", "list", PARK]) == 0
    assert "measured" in capsys.readouterr().out
    # the park simulates (not 0 MWh), and the export says what was filled and where the weather came from
    assert main(["--db", str(db), "simulate", "--park", PARK, "--json"]) == 0
    json.loads(capsys.readouterr().out)
    out = tmp_path / "r.json"
    assert main(["--db", str(db), "export", "--format", "json", "--park", PARK, "--resolution", "monthly",
                 "--out", str(out)]) == 0
    items = {r["item"]: r["value"] for r in json.loads(out.read_text())["assumptions"]}
    assert items["weather.provenance"] == "measured"
    assert items["weather.filled.dni"].startswith("Erbs decomposition")
    monthly = json.loads(out.read_text())["monthly"]
    assert sum(r[f"{PARK} ac_energy [kWh]"] for r in monthly) > 1e6  # ~3.4 GWh, not the 0 MWh of issue 15


def test_kw_weather_is_refused_and_changes_nothing(db, tmp_path, capsys):
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, _ = synth_typical_year(31.38, 120.98, [100.0] * 12, seed=2)
    local = data.index.tz_convert("Etc/GMT-8")
    p = tmp_path / "kw.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": data["ghi"] / 1000}).to_csv(p, index=False)
    before = _dump(db)
    capsys.readouterr()
    assert main(["--db", str(db), "weather", "import", PARK, str(p)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "kW/m²" in err[0] and str(p) in err[0]
    assert _dump(db) == before


def test_gbk_encoding_is_used_for_detection(db, tmp_path, capsys):
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, _ = synth_typical_year(31.38, 120.98, [100.0] * 12, seed=2)
    local = data.index.tz_convert("Etc/GMT-8")
    p = tmp_path / "gbk.csv"
    frame = pd.DataFrame({"时间": local.strftime("%Y-%m-%d %H:%M"), "总辐射": data["ghi"].round(1),
                          "气温": data["temp_air"].round(1)})
    p.write_bytes(frame.to_csv(index=False).encode("gbk"))
    capsys.readouterr()
    assert main(["--db", str(db), "weather", "import", PARK, str(p), "--encoding", "gbk"]) == 0, \
        capsys.readouterr().err


@pytest.mark.parametrize("option, values, words", [
    ("--monthly-temp", "1e9," + "10," * 11, "month 1 is 1e+09 °C"),
    ("--monthly-temp", "nan," + "10," * 11, "month 1 is nan °C"),
    ("--monthly-ghi", "100," * 11 + "inf", "month 12 is inf kWh/m²"),
])
def test_synth_monthly_values_out_of_range(db, capsys, option, values, words):
    before = _dump(db)
    capsys.readouterr()
    assert main(["--db", str(db), "weather", "synth", PARK, option, values.rstrip(",")]) == 1
    assert words in capsys.readouterr().err
    assert _dump(db) == before


def test_a_stored_host_dependent_zone_names_the_park(db, capsys):
    """A park stored with tz 'localtime' by an older version: the fleet commands name the park, in one line."""
    con = sqlite3.connect(db)
    con.execute("UPDATE parks SET tz = 'localtime' WHERE name = ?", [PARK])
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(db), "fleet", "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and repr(PARK) in err[0] and "localtime" in err[0]
