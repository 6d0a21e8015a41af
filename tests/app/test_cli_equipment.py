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
