"""Park, roof and array editors alone: validated fields, marked reasons, nothing applied when invalid."""
import dataclasses

import pytest
from PySide6.QtWidgets import QDialog

from solarfleet.models.simulation.catalog import Equipment
from solarfleet.widgets.array_editor import ArrayEditor
from solarfleet.widgets.equipment_picker import EquipmentPicker
from solarfleet.widgets.park_editor import ParkEditor
from solarfleet.widgets.roof_editor import RoofEditor


def test_park_editor_applies_valid_and_marks_invalid(qtbot, demo_fleet):
    park = demo_fleet.parks[0]
    committed = []
    ed = ParkEditor(commit=committed.append)  # the commit callable is a constructor argument
    qtbot.addWidget(ed)
    ed.set_object(park)
    assert ed.widgets["name"].text() == park.name
    ed.widgets["latitude"].setText("95")
    assert not ed.apply()
    assert committed == []
    assert not ed.errors["latitude"].isHidden()
    assert "-90" in ed.errors["latitude"].text() and "90" in ed.errors["latitude"].text()
    ed.widgets["latitude"].setText("abc")
    assert not ed.apply()
    assert "number" in ed.errors["latitude"].text()
    ed.widgets["latitude"].setText("35.5")
    ed.widgets["grid_region"].setCurrentIndex(ed.widgets["grid_region"].findData("south"))
    with qtbot.waitSignal(ed.applied) as sig:
        assert ed.apply()
    assert sig.args[0] == dataclasses.replace(park, latitude=35.5, grid_region="south")
    assert committed == [sig.args[0]]
    assert ed.errors["latitude"].isHidden()


def test_commit_refusal_is_shown(qtbot, demo_fleet):
    from solarfleet.models.fleet import FleetValueError
    ed = RoofEditor()
    qtbot.addWidget(ed)

    def refuse(obj):
        raise FleetValueError("name", obj.name, "duplicate roofs name")
    ed.commit = refuse
    ed.set_object(demo_fleet.parks[0].roofs[0])
    ed.widgets["name"].setText("Other")
    assert not ed.apply()
    assert not ed.errors["name"].isHidden()


def test_array_editor_rows_follow_model_and_picker(qtbot, demo_fleet):
    cec = next(a for p in demo_fleet.parks for _, a in p.iter_arrays() if a.dc_model == "cec")
    pvw = next(a for p in demo_fleet.parks for _, a in p.iter_arrays() if a.dc_model == "pvwatts")
    ed = ArrayEditor(search_modules=lambda t: [Equipment(cec.module, "M", 340.0, "Mono-c-Si")],
                     search_inverters=lambda t: [])
    qtbot.addWidget(ed)
    ed.set_object(pvw)
    assert ed.is_row_visible("pdc0") and not ed.is_row_visible("module")
    assert float(ed.widgets["pdc0"].text().replace(",", "")) == pytest.approx(pvw.pdc0 / 1000)
    ed.widgets["dc_model"].setCurrentIndex(ed.widgets["dc_model"].findData("cec"))
    assert ed.is_row_visible("module") and not ed.is_row_visible("pdc0")

    class AutoPicker(EquipmentPicker):
        def exec(self):
            return QDialog.DialogCode.Accepted
    ed.picker_factory = AutoPicker
    assert ed.pick("module") == cec.module
    ed.widgets["modules_per_string"].setText("20")
    ed.widgets["strings"].setText("2.5")
    assert not ed.apply()
    assert "whole" in ed.errors["strings"].text()
    ed.widgets["strings"].setText("10")
    ed.widgets["losses.wiring"].setText("150")
    assert not ed.apply()
    assert not ed.errors["losses.wiring"].isHidden()
    ed.widgets["losses.wiring"].setText("1.5")
    ed.widgets["losses.soiling"].setText("1 2 3")
    assert not ed.apply()
    assert "12" in ed.errors["losses.soiling"].text()
    ed.widgets["losses.soiling"].setText("; ".join(["2"] * 12))
    with qtbot.waitSignal(ed.applied) as sig:
        assert ed.apply()
    new = sig.args[0]
    assert new.dc_model == "cec" and new.module == cec.module and new.strings == 10
    assert new.pdc0 is None and new.losses.wiring == 1.5


def test_picker_searches(qtbot):
    calls = []

    def search(text):
        calls.append(text)
        return [Equipment("A_1", "A 1", 300.0, "Mono"), Equipment("B_2", "B 2", 400.0, "Poly")]
    dlg = EquipmentPicker(search, "pick")
    qtbot.addWidget(dlg)
    dlg.search_edit.setText("jinko")
    qtbot.waitUntil(lambda: calls and calls[-1] == "jinko", timeout=2000)
    assert dlg.model.rowCount() == 2
    assert dlg.selected_key() == "A_1"


def test_array_editor_shows_equipment_by_name_with_units_and_temperature_model(qtbot, demo_fleet):
    """The module and inverter fields show "Manufacturer Model 550 W", never the key, while the array
    keeps the key; every numeric field has a unit label; the cell-temperature model is a field."""
    from PySide6.QtWidgets import QLabel
    from solarfleet.models.simulation import catalog
    cec = next(a for p in demo_fleet.parks for _, a in p.iter_arrays() if a.dc_model == "cec")
    ed = ArrayEditor()
    qtbot.addWidget(ed)
    ed.set_object(cec)
    shown = ed.widgets["module"].text()
    assert shown == catalog.display_name(cec.module, "module") and shown.endswith(" W")
    assert "_" not in shown and cec.module != shown
    assert ed.widgets["module"].isReadOnly()
    ed.widgets["temperature_model"].setCurrentIndex(ed.widgets["temperature_model"].findData("faiman"))
    with qtbot.waitSignal(ed.applied) as sig:
        assert ed.apply()
    assert sig.args[0].module == cec.module and sig.args[0].inverter == cec.inverter
    assert sig.args[0].temperature_model == "faiman"
    ed.set_object(sig.args[0])
    assert ed.widgets["temperature_model"].currentData() == "faiman"
    for spec in ed.specs:
        if spec.kind in ("float", "optfloat", "int", "floats12"):
            row = ed.widgets[spec.name].parentWidget()
            assert spec.unit, spec.name
            assert any(lbl.text() == spec.unit for lbl in row.findChildren(QLabel)), spec.name
