"""``solarfleet-cli survey …`` run in-process against temp databases."""
import json

import pytest

from solarfleet.app.cli import main

MODULE = "Trina_Solar_TSM_360DE14A_II_"
LAYOUT = ["survey", "layout", "--length", "40", "--width", "20", "--module", MODULE, "--tilt", "20",
          "--latitude", "31.4", "--setback", "1"]


def run(capsys, *argv):
    code = main(list(argv))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_layout_text_and_json(capsys, tmp_path):
    code, out, _ = run(capsys, *LAYOUT, "--keepout", "10,6,4,2")
    assert code == 0 and "217 in 6 rows" in out and "2.788 m" in out and "35.16°" in out
    code, out, _ = run(capsys, *LAYOUT, "--json")
    d = json.loads(out)
    assert d["count"] == 222 and d["rows"] == 6 and len(d["modules_xy"]) == 222
    assert d["row_pitch"] == pytest.approx(2.7878, abs=2e-4)


def test_layout_svg(capsys, tmp_path):
    svg = tmp_path / "layout.svg"
    code, out, _ = run(capsys, *LAYOUT, "--keepout", "10,6,4,2", "--svg", str(svg))
    assert code == 0
    text = svg.read_text()
    import xml.etree.ElementTree as ET
    root = ET.fromstring(text)
    rects = [e for e in root.iter("{http://www.w3.org/2000/svg}rect") if e.get("fill") == "#2e6fba"]
    assert len(rects) == 217 and "217 ×" in text


def test_layout_needs_latitude_for_solstice_spacing(capsys):
    code, _, err = run(capsys, "survey", "layout", "--length", "40", "--width", "20", "--module", MODULE)
    assert code == 1 and "--latitude" in err
    code, out, _ = run(capsys, "survey", "layout", "--length", "40", "--width", "20", "--module", MODULE,
                       "--at", "31°24'N 121°27'E", "--json")
    d = json.loads(out)  # a site in China: GB 50797, bound by the sun at 9:00 or 15:00 true solar time
    assert code == 0 and d["row_rule"] == "gb50797" and d["solar_elevation"] == pytest.approx(20.27, abs=0.01)
    code, _, err = run(capsys, "survey", "layout", "--length", "40", "--width", "20", "--module", MODULE,
                       "--at", "31°24'N")
    assert code == 1 and "need two coordinates" in err


def test_layout_row_rule_choice(capsys):
    code, out, _ = run(capsys, *LAYOUT, "--row-rule", "gb50797")
    assert code == 0 and "GB 50797: no shading 9:00–15:00 true solar time" in out and "20.27° at 09:00" in out
    code, out, _ = run(capsys, *LAYOUT, "--row-rule", "noon", "--json")
    assert json.loads(out)["row_pitch"] == pytest.approx(2.7878, abs=2e-4)
    code, out, _ = run(capsys, "survey", "layout", "--length", "40", "--width", "20", "--module", MODULE,
                       "--at", "35.68N 139.77E", "--json")
    assert code == 0 and json.loads(out)["row_rule"] == "jp_daytime"  # Tokyo: the Japanese default
    code, _, err = run(capsys, *LAYOUT, "--row-rule", "gcr")
    assert code == 1 and "gcr" in err


def test_layout_bad_field(capsys):
    code, _, err = run(capsys, *LAYOUT, "--setback", "15")
    assert code == 1 and "setback" in err


def test_locate(capsys):
    code, out, _ = run(capsys, "survey", "locate", "北纬31.38 东经121.25", "--json")
    assert code == 0 and json.loads(out)["tz"] == "Asia/Shanghai"


def test_add_export_import_with_clash(capsys, tmp_path):
    laptop, office, pkg = tmp_path / "laptop.db", tmp_path / "office.db", tmp_path / "site.json"
    horizon = tmp_path / "horizon.csv"
    horizon.write_text("azimuth,elevation\n0,2\n90,4\n180,3\n270,5\n")
    photo = tmp_path / "roof.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, out, err = run(capsys, "--db", str(laptop), "--no-demo", "survey", "add", "Jiading survey",
                         "--at", "31.38N 121.25E", "--length", "40", "--width", "20", "--module", MODULE,
                         "--tilt", "20", "--setback", "1", "--keepout", "10,6,4,2", "--horizon", str(horizon),
                         "--obstacle", "10,20,150,10", "--photo", str(photo), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["tz"] == "Asia/Shanghai" and d["horizon_points"] == 4 and d["layout"]["count"] == 217
    code, out, err = run(capsys, "--db", str(laptop), "survey", "export", str(pkg), "--json")
    assert code == 0, err
    assert json.loads(out) == {"file": str(pkg), "parks": ["Jiading survey"], "photos": 1,
                               "surveyed": ["Jiading survey"]}
    code, out, err = run(capsys, "--db", str(office), "--no-demo", "survey", "import", str(pkg))
    assert code == 0 and "1 added" in out and "1 photo" in out
    before = office.read_bytes()
    code, out, err = run(capsys, "--db", str(office), "survey", "import", str(pkg))
    assert code == 1 and "'Jiading survey'" in err and "--on-conflict" in err
    assert office.read_bytes() == before
    code, out, err = run(capsys, "--db", str(office), "survey", "import", str(pkg), "--on-conflict", "rename",
                         "--json")
    assert code == 0 and json.loads(out)["renamed"] == {"Jiading survey": "Jiading survey (2)"}
    code, out, _ = run(capsys, "--db", str(office), "fleet", "list", "--json")
    assert [p["name"] for p in json.loads(out)["parks"]] == ["Jiading survey", "Jiading survey (2)"]


def test_import_damaged_package(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "solarfleet-survey-package", "version": 1, "sites": [')
    db = tmp_path / "office.db"
    code, _, err = run(capsys, "--db", str(db), "survey", "import", str(bad))
    assert code == 1 and "invalid JSON" in err and "nothing was imported" in err
    assert not db.exists()  # refused before the database was even opened
