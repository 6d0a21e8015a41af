"""Edits through the undo stack reach the database, and undo/redo restore it."""
import dataclasses

import pytest

from solarfleet.models.fleet import FleetValueError
from solarfleet.models.store import open_store
from solarfleet.models.store import import_fleet, load_fleet


@pytest.fixture
def controller(qtbot, file_store, demo_fleet):
    from solarfleet.app.gui.fleet_controller import FleetController
    import_fleet(file_store, demo_fleet)
    return FleetController(file_store)


def _fresh(db_path):
    with open_store(db_path) as s:
        return load_fleet(s)


def test_array_edit_undo_redo_restores_db(controller, db_path):
    park = controller.fleet.parks[0]
    roof = park.roofs[0]
    array = roof.arrays[0]
    before = _fresh(db_path)
    changed = dataclasses.replace(array, surface_tilt=25.0, name="Renamed")
    controller.set_array(park.name, roof.name, array.name, changed)
    after = _fresh(db_path)
    assert after.park(park.name).roofs[0].arrays[0].surface_tilt == 25.0
    assert after.park(park.name).roofs[0].arrays[0].name == "Renamed"
    controller.undo_stack.undo()
    assert _fresh(db_path) == before
    controller.undo_stack.redo()
    assert _fresh(db_path) == after


def test_delete_park_undo_restores_position(controller, db_path):
    names = [p.name for p in controller.fleet.parks]
    before = _fresh(db_path)
    controller.delete((names[3],))
    assert [p.name for p in _fresh(db_path).parks] == names[:3] + names[4:]
    controller.undo_stack.undo()
    assert _fresh(db_path) == before


def test_add_duplicate_delete_roof_and_array(controller, db_path):
    p = controller.fleet.parks[1]
    path = controller.add_roof(p.name)
    apath = controller.add_array(*path)
    dup = controller.duplicate(apath)
    assert dup[-1] != apath[-1]
    fleet = _fresh(db_path)
    assert [a.name for a in fleet.park(p.name).roofs[-1].arrays] == [apath[-1], dup[-1]]
    controller.delete(path)
    assert len(_fresh(db_path).park(p.name).roofs) == len(p.roofs)
    for _ in range(4):
        controller.undo_stack.undo()
    assert _fresh(db_path).park(p.name) == p


def test_invalid_edit_changes_nothing(controller, db_path):
    before = _fresh(db_path)
    names = [p.name for p in controller.fleet.parks]
    with pytest.raises(FleetValueError):  # a rename onto another park's name
        controller.set_park_fields(names[0], name=names[1])
    with pytest.raises(FleetValueError):
        controller.set_park_fields(names[0], latitude=123.0)
    assert controller.undo_stack.count() == 0
    assert _fresh(db_path) == before


def test_signals(controller, qtbot):
    park = controller.fleet.parks[0]
    with qtbot.waitSignals([controller.fleetChanged, controller.parkChanged]) as blocker:
        controller.set_park_fields(park.name, notes="edited")
    assert controller.fleet.park(park.name).notes == "edited"
