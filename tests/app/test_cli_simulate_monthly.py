"""``solarfleet-cli simulate --json``: per-array monthly AC and DC energy, POA irradiation and PR (issues 14, 17)."""
from __future__ import annotations

import json

import pytest

from solarfleet.app.cli import main
from solarfleet.models.store import open_store, run_array_monthly

PARK = "Shanghai Asia No.1 (Jiading)"


def test_simulate_json_has_per_array_months(db_path, capsys):
    assert main(["--db", str(db_path), "simulate", "--park", PARK, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    arrays = out["arrays"]
    assert len(arrays) == 4 and {a["park"] for a in arrays} == {PARK}
    for a in arrays:
        assert len(a["months"]) == 12
        assert sum(m["kwh"] for m in a["months"]) == pytest.approx(a["mwh"] * 1000, rel=1e-3)
        assert sum(m["poa_kwh_m2"] for m in a["months"]) == pytest.approx(a["poa_kwh_m2"], rel=1e-3)
        assert all(0.4 < m["performance_ratio"] < 1.0 for m in a["months"])
        assert sum(m["dc_kwh"] for m in a["months"]) == pytest.approx(a["dc_mwh"] * 1000, rel=1e-3)
        assert all(m["dc_kwh"] >= m["kwh"] > 0 for m in a["months"])  # DC at the inverter input ≥ AC out
    assert out["options"]["temperature_model"] == "auto" and out["options"]["pvwatts_version"] == "v8"
    with open_store(db_path) as store:
        stored = run_array_monthly(store, out["run_id"])
    assert len(stored) == 4 * 12
    first = arrays[0]
    row = stored[(stored["roof"] == first["roof"]) & (stored["array"] == first["array"])].iloc[0]
    assert row["poa_insolation"] / 1000 == pytest.approx(first["months"][0]["poa_kwh_m2"], abs=1e-3)
    assert row["dc_energy"] / 1000 == pytest.approx(first["months"][0]["dc_kwh"], abs=1e-3)  # stored = printed


def test_simulate_model_choices_on_the_command_line(db_path, capsys):
    assert main(["--db", str(db_path), "simulate", "--park", PARK, "--json", "--no-save", "--temperature", "sapm",
                 "--aoi", "physical", "--spectral", "no_loss", "--sun", "midpoint", "--pvwatts", "v5",
                 "--beam-only-iam", "--soiling-on", "dc"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["options"]["sun_position"] == "midpoint" and out["options"]["diffuse_iam"] is False
    assert all(a["temperature_model"].startswith("sapm") for a in out["arrays"])
