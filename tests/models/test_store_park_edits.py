"""Store functions behind the editors' undo/redo: replace a park in place, insert at a position."""
import dataclasses

import pytest

from solarfleet.models.store import ParkExistsError


def _ids(store):
    return {r[1]: (r[0], r[2]) for r in store.db.execute("SELECT id, name, position FROM parks")}


def test_replace_keeps_id_and_position_even_when_renamed(file_store, demo_fleet):
    file_store.import_fleet(demo_fleet)
    park = demo_fleet.parks[2]
    before = _ids(file_store)
    roof = dataclasses.replace(park.roofs[0], area=1234.0)
    new = dataclasses.replace(park, name="Renamed park", roofs=(roof,) + park.roofs[1:])
    file_store.replace_park(park.name, new)
    after = _ids(file_store)
    assert after["Renamed park"] == before[park.name]
    assert file_store.park("Renamed park") == new
    assert [p.name for p in file_store.load_fleet().parks][2] == "Renamed park"


def test_replace_onto_another_name_changes_nothing(file_store, demo_fleet):
    file_store.import_fleet(demo_fleet)
    snapshot = file_store.load_fleet()
    a, b = demo_fleet.parks[0], demo_fleet.parks[1]
    with pytest.raises(ParkExistsError):
        file_store.replace_park(a.name, dataclasses.replace(a, name=b.name.upper()))
    with pytest.raises(KeyError):
        file_store.replace_park("no such park", a)
    assert file_store.load_fleet() == snapshot


def test_insert_at_position(file_store, demo_fleet):
    file_store.import_fleet(demo_fleet)
    park = demo_fleet.parks[4]
    file_store.delete_park(park.name)
    file_store.insert_park(park, 4)
    assert file_store.load_fleet() == demo_fleet
    assert file_store.park_position(park.name.upper()) == 4
    with pytest.raises(ParkExistsError):
        file_store.insert_park(park, 0)
    extra = dataclasses.replace(park, name="Last one")
    file_store.insert_park(extra)
    assert file_store.park_names()[-1] == "Last one"
