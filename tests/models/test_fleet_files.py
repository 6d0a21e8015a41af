"""Fleet JSON and array CSV files: lossless round trips, precise refusals."""
import json

import pytest

from solarfleet.models.fleet_files import (FleetFileError, dumps_fleet, read_arrays_csv, read_fleet_json, write_arrays_csv, write_fleet_json)


def test_json_round_trip_is_lossless(demo_fleet, tmp_path):
    path = tmp_path / "fleet.json"
    write_fleet_json(demo_fleet, path)
    again, meta = read_fleet_json(path)
    assert again == demo_fleet
    assert meta["parks"] == len(demo_fleet.parks)
    assert dumps_fleet(again) == path.read_text(encoding="utf-8")


def test_a_single_park_file_is_a_fleet_of_one(demo_fleet, tmp_path):
    path = tmp_path / "park.json"
    path.write_text(json.dumps(json.loads(dumps_fleet(demo_fleet))["parks"][2]), encoding="utf-8")
    fleet, _ = read_fleet_json(path)
    assert fleet.parks == (demo_fleet.parks[2],)


def _broken(tmp_path, demo_fleet, mutate):
    doc = json.loads(dumps_fleet(demo_fleet))
    mutate(doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def _line_of(path, needle, nth=0):
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, l in enumerate(lines) if needle in l]
    return hits[nth]


@pytest.mark.parametrize("mutate, where, needle, words", [
    (lambda d: d["parks"][1]["roofs"][0]["arrays"][0].update(surface_tilt=95),
     "parks[1].roofs[0].arrays[0].surface_tilt", '"surface_tilt": 95', "between 0 and 90"),
    (lambda d: d["parks"][2].update(latitude="north"), "parks[2].latitude", '"latitude": "north"', "must be a number"),
    (lambda d: d["parks"][0]["roofs"][0]["arrays"][0].update(module="Acme_Unobtainium_9000"),
     "parks[0].roofs[0].arrays[0].module", "Acme_Unobtainium_9000", "not in the CEC module database"),
    (lambda d: d["parks"][3]["roofs"][1].pop("name"), "parks[3].roofs[1].name", None, "missing required field"),
    (lambda d: d["parks"][4]["roofs"][0].update(area=-10), "parks[4].roofs[0].area", '"area": -10', "between 0 and 10,000,000"),
    (lambda d: d["parks"][5].update(name=d["parks"][0]["name"]), "parks[5].name", None, "duplicate park name"),
    (lambda d: d["parks"][0]["roofs"][0].update(colour="red"), "parks[0].roofs[0].colour", '"colour"', "unknown field"),
    (lambda d: d["parks"][6].update(tz="Asia/Beijing"), "parks[6].tz", '"Asia/Beijing"', "not a known IANA"),
])
def test_bad_fields_are_named_with_path_and_line(tmp_path, demo_fleet, mutate, where, needle, words):
    path = _broken(tmp_path, demo_fleet, mutate)
    with pytest.raises(FleetFileError) as exc:
        read_fleet_json(path)
    msg = str(exc.value)
    assert str(path) in msg and where in msg and words in msg
    if needle:
        assert exc.value.line == _line_of(path, needle)
    else:
        assert exc.value.line is not None


def test_malformed_json_names_the_line(tmp_path, demo_fleet):
    text = dumps_fleet(demo_fleet).splitlines()
    text[40] = text[40].rstrip(",") + ",,"
    path = tmp_path / "bad.json"
    path.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(FleetFileError) as exc:
        read_fleet_json(path)
    assert exc.value.line == 41 and "not valid JSON" in str(exc.value)


@pytest.mark.parametrize("content, words", [
    (b"", "not valid JSON"),
    (b"[1, 2]", "top level"),
    (b'{"format": "something-else", "version": 1, "parks": []}', "format"),
    (b'{"format": "solarfleet-fleet", "version": 99, "parks": []}', "newer SolarFleet"),
    ('{"name": "\u4eac\u4e1c"}'.encode("gbk"), "not UTF-8"),
])
def test_wrong_documents_are_refused(tmp_path, content, words):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(FleetFileError, match=words):
        read_fleet_json(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FleetFileError, match="cannot be read"):
        read_fleet_json(tmp_path / "nope.json")


def test_arrays_csv_round_trip(demo_fleet, tmp_path):
    path = tmp_path / "arrays.csv"
    write_arrays_csv(demo_fleet, path)
    again, meta = read_arrays_csv(path, demo_fleet)
    assert again == demo_fleet
    assert meta["replaced"] == sum(len(r.arrays) for p in demo_fleet.parks for r in p.roofs)


def test_arrays_csv_adds_new_arrays_and_refuses_bad_cells(demo_fleet, tmp_path):
    path = tmp_path / "arrays.csv"
    write_arrays_csv(demo_fleet, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    new = lines[1].split(",")
    new[2] = "Extra array"
    path.write_text("\n".join(lines + [",".join(new)]) + "\n", encoding="utf-8")
    fleet, meta = read_arrays_csv(path, demo_fleet)
    assert meta["added"] == 1
    assert len(fleet.parks[0].roofs[0].arrays) == len(demo_fleet.parks[0].roofs[0].arrays) + 1

    header = lines[0].split(",")
    bad = lines[3].split(",")
    bad[header.index("gamma_pdc")] = "minus half"
    path.write_text("\n".join([lines[0], lines[1], lines[2], ",".join(bad)]) + "\n", encoding="utf-8")
    with pytest.raises(FleetFileError) as exc:
        read_arrays_csv(path, demo_fleet)
    assert exc.value.line == 4 and exc.value.field == "gamma_pdc"

    bad = lines[2].split(",")
    bad[header.index("soiling_mar")] = "150"
    path.write_text("\n".join([lines[0], ",".join(bad)]) + "\n", encoding="utf-8")
    with pytest.raises(FleetFileError) as exc:
        read_arrays_csv(path, demo_fleet)
    assert exc.value.line == 2 and exc.value.field == "soiling_mar"

    bad = lines[2].split(",")
    bad[0] = "Atlantis"
    path.write_text("\n".join([lines[0], ",".join(bad)]) + "\n", encoding="utf-8")
    with pytest.raises(FleetFileError, match="no park named 'Atlantis'"):
        read_arrays_csv(path, demo_fleet)
