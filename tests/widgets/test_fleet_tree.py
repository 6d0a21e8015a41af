"""Fleet tree model and panel on their own, with a plain Fleet."""
import pytest
from PySide6.QtCore import Qt

from solarfleet.models.fleet import Fleet
from solarfleet.widgets.fleet_panel import FleetPanel
from solarfleet.widgets.fleet_tree_model import PATH_ROLE, SORT_ROLE, FleetTreeModel


def test_structure_and_kwp(qtmodeltester, demo_fleet):
    model = FleetTreeModel(demo_fleet)
    qtmodeltester.check(model)
    assert model.rowCount() == len(demo_fleet.parks)
    park = demo_fleet.parks[0]
    i = model.index(0, 1)
    assert i.data(SORT_ROLE) == pytest.approx(park.dc_capacity / 1000)
    roof_idx = model.index(0, 0, model.index(0, 0))
    assert roof_idx.data(PATH_ROLE) == (park.name, park.roofs[0].name)
    assert model.rowCount(roof_idx) == len(park.roofs[0].arrays)


def test_annual_energy_sums_and_never_fills_missing(qtbot, demo_fleet):
    model = FleetTreeModel(demo_fleet)
    park = demo_fleet.parks[0]
    energy = {(park.name, r.name, a.name): 1e6 for r, a in park.iter_arrays()}
    assert model.index(0, 2).data() == ""  # no result yet: blank, not zero
    with qtbot.waitSignal(model.dataChanged):
        model.set_annual_energy(energy)
    n = sum(1 for _ in park.iter_arrays())
    assert model.annual_energy((park.name,)) == pytest.approx(n * 1e6)
    assert model.index(0, 2).data() != ""
    first = next(iter(energy))
    del energy[first]
    model.set_annual_energy(energy)
    assert model.annual_energy((park.name,)) is None  # one array missing: the park total is unknown


def test_panel_filter_sort_select(qtbot, demo_fleet):
    model = FleetTreeModel(demo_fleet)
    panel = FleetPanel(model)
    qtbot.addWidget(panel)
    assert not panel.is_showing_empty_hint()
    target = demo_fleet.parks[2]
    panel.filter_edit.setText(target.name[:6])
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert target.name in names and len(names) < len(demo_fleet.parks)
    panel.filter_edit.clear()
    panel.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    kwp = [panel.proxy.index(r, 1).data(SORT_ROLE) for r in range(panel.proxy.rowCount())]
    assert kwp == sorted(kwp, reverse=True)
    roof, array = target.roofs[0], target.roofs[0].arrays[0]
    with qtbot.waitSignal(panel.selectionChanged) as sig:
        assert panel.select_path((target.name, roof.name, array.name))
    assert sig.args[0] == (target.name, roof.name, array.name)
    assert panel.current_path() == (target.name, roof.name, array.name)


def test_empty_state_hint(qtbot):
    panel = FleetPanel(FleetTreeModel(Fleet(())))
    qtbot.addWidget(panel)
    assert panel.is_showing_empty_hint()
    assert "no parks" in panel.empty_hint.text()
