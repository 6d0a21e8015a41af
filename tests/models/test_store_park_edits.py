"""Store functions behind the editors' undo/redo: replace a park in place, insert at a position."""
import dataclasses

import pytest

from solarfleet.models.store import ParkExistsError
from solarfleet.models.store import (delete_park, import_fleet, insert_park, load_fleet, load_park, park_names,
    park_position, replace_park)


def _ids(store):
    return {r[1]: (r[0], r[2]) for r in store.db.execute("SELECT id, name, position FROM parks")}


def test_replace_keeps_id_and_position_even_when_renamed(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    park = demo_fleet.parks[2]
    before = _ids(file_store)
    roof = dataclasses.replace(park.roofs[0], area=12345.0)  # ≥ 1,250 kWp / 250 W/m² (issue 14's plausibility)
    new = dataclasses.replace(park, name="Renamed park", roofs=(roof,) + park.roofs[1:])
    replace_park(file_store, park.name, new)
    after = _ids(file_store)
    assert after["Renamed park"] == before[park.name]
    assert load_park(file_store, "Renamed park") == new
    assert [p.name for p in load_fleet(file_store).parks][2] == "Renamed park"


def test_replace_onto_another_name_changes_nothing(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    snapshot = load_fleet(file_store)
    a, b = demo_fleet.parks[0], demo_fleet.parks[1]
    with pytest.raises(ParkExistsError):
        replace_park(file_store, a.name, dataclasses.replace(a, name=b.name.upper()))
    with pytest.raises(KeyError):
        replace_park(file_store, "no such park", a)
    assert load_fleet(file_store) == snapshot


def test_insert_at_position(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    park = demo_fleet.parks[4]
    delete_park(file_store, park.name)
    insert_park(file_store, park, 4)
    assert load_fleet(file_store) == demo_fleet
    assert park_position(file_store, park.name.upper()) == 4
    with pytest.raises(ParkExistsError):
        insert_park(file_store, park, 0)
    extra = dataclasses.replace(park, name="Last one")
    insert_park(file_store, extra)
    assert park_names(file_store)[-1] == "Last one"
