"""``solarfleet-cli equipment import | list | fit``, and fleets that use library equipment."""
from __future__ import annotations

import json
from pathlib import Path

from solarfleet.app.cli import main
from solarfleet.models.fleet import Array, Park, Roof
from solarfleet.models.simulation import catalog
from solarfleet.models.store import add_park, open_store

FILES = Path(__file__).parents[1] / "models" / "equipment_files"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_fit_and_a_fleet_that_uses_them(tmp_path, capsys):
    db = str(tmp_path / "e.db")
    code, out, _ = run(capsys, "--db", db, "--no-demo", "equipment", "import", str(FILES / "acme_as550m.pan"),
                       str(FILES / "acme_ap100k.ond"), "--json")
    assert code == 0
    assert [r["label"] for r in json.loads(out)] == ["Acme Solar AS-550M 549 W", "Acme Power AP-100K 100 kW"]
    code, _, err = run(capsys, "--db", db, "--no-demo", "equipment", "import", str(FILES / "acme_as550m.pan"))
    assert code == 1 and "already in the equipment library" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "--db", db, "--no-demo", "equipment", "fit", "--manufacturer", "Foo", "--model", "F-400",
                       "--voc", "37.1", "--isc", "13.8", "--vmp", "30.9", "--imp", "12.95", "--alpha-sc", "0.048",
                       "--beta-voc", "-0.27", "--gamma-pmp", "-0.34", "--area", "1.95", "--cells", "54", "--json")
    assert code == 0 and json.loads(out)["parameters"]["STC"] > 399
    code, _, err = run(capsys, "--db", db, "--no-demo", "equipment", "fit", "--manufacturer", "Foo", "--model", "F-401",
                       "--voc", "37.1", "--isc", "13.8", "--vmp", "39.9", "--imp", "12.95", "--alpha-sc", "0.048",
                       "--beta-voc", "-0.27", "--gamma-pmp", "-0.34", "--area", "1.95", "--cells", "54")
    assert code == 1 and "V_mp_ref" in err and "nothing was stored" in err
    # a park whose array uses the library module and inverter loads in a fresh command
    with open_store(db) as s:
        a = Array("a", dc_model="cec", module="lib:Acme Solar AS-550M", modules_per_string=20, strings=10,
                  inverter_model="cec", inverter="lib:Acme Power AP-100K", inverters=1)
        add_park(s, Park("P", latitude=31.4, longitude=121.4, altitude=5, tz="Asia/Shanghai",
                         roofs=(Roof("r", area=2000, arrays=(a,)),)))
    for item in catalog.library_items():
        catalog.unregister(item.key)
    code, out, _ = run(capsys, "--db", db, "--no-demo", "fleet", "list", "--json")
    assert code == 0 and json.loads(out)["fleet"]["kwp"] == round(549.04355 * 200 / 1000, 3)
    code, out, _ = run(capsys, "--db", db, "--no-demo", "equipment", "list")
    assert code == 0 and "Foo F-400 400 W" in out and "lib:Acme Power AP-100K" in out
    for item in catalog.library_items():
        catalog.unregister(item.key)


def test_fleet_file_carries_the_library_equipment_it_uses(tmp_path, capsys):
    """Exported with the fleet, imported with it into another database; a tampered item is refused."""
    a_db, b_db, c_db = (str(tmp_path / f"{n}.db") for n in "abc")
    assert main(["--db", a_db, "--no-demo", "equipment", "import", str(FILES / "acme_as550m.pan"),
                 str(FILES / "acme_ap100k.ond")]) == 0
    with open_store(a_db) as s:
        a = Array("a", dc_model="cec", module="lib:Acme Solar AS-550M", modules_per_string=20, strings=10,
                  inverter_model="cec", inverter="lib:Acme Power AP-100K", inverters=1)
        add_park(s, Park("P", latitude=31.4, longitude=121.4, altitude=5, tz="Asia/Shanghai",
                         roofs=(Roof("r", area=2000, arrays=(a,)),)))
    out_file = tmp_path / "fleet.json"
    assert main(["--db", a_db, "--no-demo", "fleet", "export", str(out_file)]) == 0
    doc = json.loads(out_file.read_text())
    assert sorted(e["model"] for e in doc["equipment"]) == ["AP-100K", "AS-550M"]
    for item in catalog.library_items():
        catalog.unregister(item.key)
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", b_db, "--no-demo", "fleet", "import", str(out_file), "--json")
    assert code == 0
    code, out, _ = run(capsys, "--db", b_db, "--no-demo", "equipment", "list", "--json")
    assert sorted(i["key"] for i in json.loads(out)) == ["lib:Acme Power AP-100K", "lib:Acme Solar AS-550M"]
    n = next(i for i, e in enumerate(doc["equipment"]) if e["kind"] == "module")
    doc["equipment"][n]["parameters"]["V_mp_ref"] = 99.0   # above Voc
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2))
    code, _, err = run(capsys, "--db", c_db, "--no-demo", "fleet", "import", str(bad))
    assert code == 1 and f"equipment[{n}]" in err and "V_mp_ref" in err and "line" in err
    for item in catalog.library_items():
        catalog.unregister(item.key)
