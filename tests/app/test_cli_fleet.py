"""solarfleet-cli fleet …: the commands a user runs, checked on their output and on the database file."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from solarfleet.app.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_on_a_new_data_dir_shows_the_demo_fleet(capsys, isolated_data_dir):
    code, out, _ = run(capsys, "fleet", "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data["parks"]) >= 8
    assert all(p["kwp"] > 100 for p in data["parks"])
    assert data["fleet"]["kwp"] == pytest.approx(sum(p["kwp"] for p in data["parks"]), abs=0.01)
    assert Path(data["db"]).parent == isolated_data_dir


def test_table_output_and_show(capsys):
    code, out, _ = run(capsys, "fleet", "list")
    assert code == 0 and "Xi'an Asia No.1" in out and "kWp" in out
    code, out, _ = run(capsys, "fleet", "show", "xi'an asia no.1")
    assert code == 0 and "Warehouse A" in out
    code, out, _ = run(capsys, "fleet", "show", "Xi'an Asia No.1", "--json")
    assert json.loads(out)["kwp"] > 8000


def test_export_import_export_is_identical(capsys, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "fleet", "export", str(a))[0] == 0
    assert run(capsys, "--db", str(tmp_path / "new.db"), "fleet", "import", str(a))[0] == 0
    assert run(capsys, "--db", str(tmp_path / "new.db"), "fleet", "export", str(b))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_a_corrupted_file_exits_nonzero_and_leaves_the_db_byte_identical(capsys, tmp_path):
    db = tmp_path / "fleet.db"
    good = tmp_path / "good.json"
    assert run(capsys, "--db", str(db), "fleet", "export", str(good))[0] == 0
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["parks"][0]["name"] = "Brand new park"
    doc["parks"][3]["roofs"][0]["arrays"][0]["surface_azimuth"] = 400
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = db.read_bytes()
    code, out, err = run(capsys, "--db", str(db), "fleet", "import", str(bad))
    assert code == 1
    assert err.count("\n") == 1
    assert str(bad) in err and "parks[3].roofs[0].arrays[0].surface_azimuth" in err and "line " in err
    assert db.read_bytes() == before


def test_import_clash_is_refused_whole_unless_asked(capsys, tmp_path):
    f = tmp_path / "f.json"
    run(capsys, "fleet", "export", str(f))
    code, _, err = run(capsys, "fleet", "import", str(f))
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "fleet", "import", str(f), "--on-conflict", "rename", "--json")
    assert code == 0 and len(json.loads(out)["renamed"]) >= 8


def test_unknown_park_and_future_schema(capsys, tmp_path):
    code, _, err = run(capsys, "fleet", "show", "Atlantis")
    assert code == 1 and "no park named 'Atlantis'" in err
    db = tmp_path / "future.db"
    run(capsys, "--db", str(db), "fleet", "list")
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA user_version = 999")
    con.close()
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "fleet", "list")
    assert code == 1 and "newer SolarFleet" in err
    assert db.read_bytes() == before


def test_the_console_script_entry_point_runs(tmp_path):
    res = subprocess.run([sys.executable, "-m", "solarfleet.app.cli", "--db", str(tmp_path / "x.db"), "fleet", "list", "--json"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert len(json.loads(res.stdout)["parks"]) >= 8


def test_a_database_held_by_another_writer_is_refused(capsys, tmp_path):
    db = tmp_path / "held.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom solarfleet.models.store.lock import WriterLock\n"
         "l = WriterLock(sys.argv[1], program='SolarFleet app').acquire()\nprint('ok', flush=True)\ntime.sleep(60)",
         str(db)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        code, _, err = run(capsys, "--db", str(db), "fleet", "list")
        assert code == 1 and "another SolarFleet" in err and str(holder.pid) in err
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert run(capsys, "--db", str(db), "fleet", "list")[0] == 0
