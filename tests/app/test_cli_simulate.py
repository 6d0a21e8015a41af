"""``solarfleet-cli simulate`` in-process, on a temp database seeded with the demo fleet."""
from __future__ import annotations

import json

import pytest

from solarfleet.app.cli import main
from solarfleet.models.store import open_store
from solarfleet.models.store import default_weather, list_runs, load_run_ac

PARK = "Shanghai Asia No.1 (Jiading)"


def test_simulate_json_stores_run(db_path, capsys):
    assert main(["--db", str(db_path), "simulate", "--park", PARK, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["clearsky"] is False and out["weather_kinds"] == ["synthetic"]
    (park,) = out["parks"]
    assert park["name"] == PARK and park["weather_kind"] == "synthetic"
    assert park["kwp"] == pytest.approx(2761.0, rel=1e-3)
    # the offline typical year of Shanghai: in the band of eastern China (roughly 900–1,300 kWh/kWp)
    assert 900 < park["specific_yield"] < 1300
    assert 0.6 < park["performance_ratio"] < 0.9 and park["missing_hours"] == 0
    assert out["fleet"]["mwh"] == park["mwh"]
    with open_store(db_path) as store:
        runs = list_runs(store)
        assert [r["id"] for r in runs] == [out["run_id"]]
        assert runs[0]["weather"][PARK]["kind"] == "synthetic"
        assert runs[0]["weather"][PARK]["weather_id"] == default_weather(store, PARK)
        ac = load_run_ac(store, out["run_id"], PARK)
        assert ac.shape == (8760, 4)


def test_simulate_table_names_the_weather(db_path, capsys):
    assert main(["--db", str(db_path), "simulate", "--park", PARK, "--model", "pvwatts",
                 "--transposition", "isotropic", "--no-save"]) == 0
    text = capsys.readouterr().out
    assert PARK in text and "Fleet" in text and "synthetic" in text and "not stored" in text
    with open_store(db_path) as store:
        assert list_runs(store) == []


def test_simulate_unknown_park_is_an_error(db_path, capsys):
    assert main(["--db", str(db_path), "simulate", "--park", "Atlantis"]) == 1
    assert "no park named 'atlantis'" in capsys.readouterr().err.lower()
    with open_store(db_path) as store:
        assert list_runs(store) == []


def test_simulate_bad_choice_is_refused(db_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "simulate", "--model", "sapm"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
