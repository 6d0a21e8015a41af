"""CLI: ``solarfleet-cli carbon`` on the demo fleet with a real simulation run, checked against ``balance --json``
and the factor table."""
from __future__ import annotations

import json
import shutil

import pytest

from solarfleet.app.cli import main

KUNSHAN, GUAN = "Kunshan Asia No.1", "Gu'an Asia No.1 (Langfang)"
MARKET_2023 = 0.6096   # shared/reference/README.md: national excl. market-traded green power


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo fleet, its synthetic loads and one simulation run (built once, copied per test)."""
    d = tmp_path_factory.mktemp("carbon")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOLARFLEET_DATA_DIR", str(d / "data"))
        assert main(["--db", str(d / "demo.db"), "simulate"]) == 0
    return d / "demo.db"


@pytest.fixture
def db(demo_db, tmp_path):
    path = tmp_path / "carbon.db"
    shutil.copy(demo_db, path)
    return path


def run(capsys, db, *argv):
    capsys.readouterr()
    rc = main(["--db", str(db), *argv])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def _json(capsys, db, *argv):
    rc, out, err = run(capsys, db, *argv, "--json")
    assert rc == 0, err
    return json.loads(out)


def test_scope2_per_park_from_balance_json_and_factor_table(capsys, db):
    bal = {p["park"]: p for p in _json(capsys, db, "balance")["parks"]}
    table = _json(capsys, db, "carbon", "factors", "list")["factors"]
    factor = {(r["data_year"], r["region"]): r["factor"] for r in table}
    led = _json(capsys, db, "carbon")
    assert len(led["parks"]) == 9
    for p in led["parks"]:
        b = bal[p["park"]]
        assert p["import_wh"] == pytest.approx(b["import_wh"], rel=1e-12)
        f = factor[(2023, p["location_region"])]
        assert p["scope2_location_kg"] == pytest.approx(b["import_wh"] / 1000 * f, rel=1e-12)
        assert p["scope2_market_kg"] == pytest.approx(b["import_wh"] / 1000 * MARKET_2023, rel=1e-12)
        assert p["avoided_self_consumed_kg"] + p["avoided_export_kg"] == pytest.approx(b["co2_kg"], rel=1e-12)
        assert p["consumption_source"] == "modelled" and p["pv_source"] == "modelled"
        months = p["months_detail"]
        assert len(months) == 12
        assert sum(m["scope2_location_kg"] for m in months) == pytest.approx(p["scope2_location_kg"], rel=1e-12)
        m = months[4]   # May, by hand from the month's own import
        assert m["scope2_location_kg"] == pytest.approx(m["import_wh"] / 1000 * f, rel=1e-12)
    assert led["fleet"]["scope2_location_kg"] == pytest.approx(sum(p["scope2_location_kg"] for p in led["parks"]))
    rc, out, _ = run(capsys, db, "carbon", "--park", KUNSHAN)
    assert rc == 0 and KUNSHAN in out and "not netted into Scope 2" in out
    k = next(p for p in led["parks"] if p["park"] == KUNSHAN)
    rc, out, _ = run(capsys, db, "carbon", "--park", KUNSHAN, "--monthly")
    may = next(line for line in out.splitlines() if "2023-05" in line)
    assert f"{k['months_detail'][4]['scope2_location_kg'] / 1000:,.1f}" in may and "0.5500" in may


def test_retained_certificates_lower_market_based_exactly(capsys, db):
    before = _json(capsys, db, "carbon", "--park", KUNSHAN)["parks"][0]
    assert run(capsys, db, "carbon", "certificates", KUNSHAN, "2023-06", "--sold", "40", "--retained", "25")[0] == 0
    after = _json(capsys, db, "carbon", "--park", KUNSHAN)["parks"][0]
    assert after["scope2_location_kg"] == before["scope2_location_kg"]
    assert before["scope2_market_kg"] - after["scope2_market_kg"] == pytest.approx(25 * 1000 * MARKET_2023, rel=1e-9)
    assert after["certificates_retained"] == 25 and after["certificates_sold"] == 40
    rc, _, err = run(capsys, db, "carbon", "certificates", KUNSHAN, "2023-6", "--retained", "1")
    assert rc == 1 and "month: expected YYYY-MM" in err


def test_whatif_changes_only_that_park_and_the_fleet(capsys, db):
    assert run(capsys, db, "carbon", "target", "set", "--fleet", "--peak-year", "2026", "--reduction-pct", "30",
               "--target-year", "2035", "--neutrality-year", "2060")[0] == 0
    w = _json(capsys, db, "carbon", "whatif", "--park", GUAN, "--add-kwp", "5000", "--battery-kwh", "4000")
    b, a = w["before"], w["after"]
    for key in ("scope2_location_kg", "scope2_market_kg", "certificates_issued", "pv_wh"):
        assert a["park"][key] - b["park"][key] == pytest.approx(a["fleet"][key] - b["fleet"][key], rel=1e-9)
    assert a["park"]["scope2_location_kg"] < b["park"]["scope2_location_kg"]
    assert w["self_sufficiency"]["after"] > w["self_sufficiency"]["before"]
    assert w["battery"]["capacity"] == 4e6 and w["battery"]["power"] == 2e6
    fleet = w["trajectory"]["fleet"]
    assert fleet["target"]["peak_year"] == 2026 and all(x < y for x, y in zip(fleet["after"], fleet["before"]))
    # nothing was stored
    again = _json(capsys, db, "carbon", "--park", GUAN)["parks"][0]
    assert again["scope2_location_kg"] == pytest.approx(b["park"]["scope2_location_kg"], rel=1e-12)
    rc, _, err = run(capsys, db, "carbon", "whatif", "--park", GUAN, "--add-kwp", "-1000000")
    assert rc == 1 and "cannot remove" in err


def test_target_set_show(capsys, db):
    rc, _, err = run(capsys, db, "carbon", "target", "set", "--park", KUNSHAN, "--peak-year", "2040",
                     "--reduction-pct", "30", "--target-year", "2035", "--neutrality-year", "2060")
    assert rc == 1 and "peak_year ≤ target_year" in err
    assert run(capsys, db, "carbon", "target", "set", "--park", KUNSHAN, "--peak-year", "2025", "--reduction-pct",
               "50", "--target-year", "2030", "--neutrality-year", "2050")[0] == 0
    shown = _json(capsys, db, "carbon", "target", "show", "--park", KUNSHAN)
    assert shown["target"]["reduction_pct"] == 50
    tr = {r["year"]: r for r in shown["trajectory"]}
    assert tr[2023]["kind"] == "ledger" and tr[2024]["target_kg"] is None
    assert tr[2030]["target_kg"] == pytest.approx(0.5 * tr[2025]["scope2_location_kg"])
    assert tr[2050]["target_kg"] == 0 and max(tr) == 2050


def test_factors_added_from_a_file_all_or_nothing(capsys, db, tmp_path):
    bad = tmp_path / "f.csv"
    bad.write_text("data_year,region,factor,source\n2024,east,0.53,MEE 2026\n2024,north,lots,MEE 2026\n",
                   encoding="utf-8")
    rc, _, err = run(capsys, db, "carbon", "factors", "add", "--file", str(bad))
    assert rc == 1 and "f.csv, line 3, field 'factor': not a number" in err
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps({"source": "MEE 2026", "factors": {"2024": {"east": 0.53},
                                                                   "2023": {"east": 0.51}}}), encoding="utf-8")
    rc, _, err = run(capsys, db, "carbon", "factors", "add", "--file", str(clash))
    assert rc == 1 and "factors.2023.east" in err and "already has a east factor of 0.55" in err
    assert not [r for r in _json(capsys, db, "carbon", "factors", "list")["factors"] if r["data_year"] == 2024]
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"source": "MEE announcement 2026", "factors": {"2024": {"east": 0.53}}}),
                    encoding="utf-8")
    assert run(capsys, db, "carbon", "factors", "add", "--file", str(good))[0] == 0
    added = [r for r in _json(capsys, db, "carbon", "factors", "list")["factors"] if r["data_year"] == 2024]
    assert added == [{"data_year": 2024, "region": "east", "factor": 0.53, "added": True,
                      "source": "MEE announcement 2026"}]
