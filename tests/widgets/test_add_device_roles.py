"""The add-device dialog: roles proposed by the test, confirmed by the user; RTU transports."""
from solarfleet.widgets.add_device_dialog import AddDeviceDialog

UNITS = [{"key": "103@40069", "model": 103, "kind": "inverter", "role": "pv_inverter", "confirmed": False},
         {"key": "203@40183", "model": 203, "kind": "meter", "role": "production_meter", "confirmed": False},
         {"key": "213@40318", "model": 213, "kind": "meter", "role": "grid_meter", "confirmed": False},
         {"key": "160@40400", "model": 160, "kind": "mppt", "role": None, "confirmed": False}]


def test_roles_are_proposed_and_confirmed(qtbot):
    dlg = AddDeviceDialog("P")
    qtbot.addWidget(dlg)
    dlg.host.setText("10.0.0.7")
    assert dlg.config().roles is None  # nothing tested, nothing confirmed
    dlg.show_test_result({"ok": True, "info": {"manufacturer": "X", "units": UNITS},
                          "reading": {"pv_power": 80000.0}})
    assert set(dlg.role_boxes) == {"103@40069", "203@40183", "213@40318"}  # an MPPT unit has no role
    assert dlg.config().roles == "103@40069=pv_inverter,203@40183=production_meter,213@40318=grid_meter"
    box = dlg.role_boxes["213@40318"]
    box.setCurrentIndex(box.findData("load_meter"))
    assert "213@40318=load_meter" in dlg.config().roles


def test_rtu_transports(qtbot):
    dlg = AddDeviceDialog("P", maps=["huawei_sun2000"])
    qtbot.addWidget(dlg)
    dlg.host.setText("/dev/ttyUSB0")
    dlg.transport.setCurrentIndex(dlg.transport.findData("rtu"))
    dlg.serial.setText("19200,8,E,1")
    dlg.map.setCurrentIndex(1)
    c = dlg.config()
    assert (c.transport, c.serial, c.kind, c.host) == ("rtu", "19200,8,E,1", "map", "/dev/ttyUSB0")
    assert not dlg.port.isEnabled()
    dlg.serial.setText("9600")
    assert dlg._valid_config() is None and "serial" in dlg.result.text()
    dlg.transport.setCurrentIndex(dlg.transport.findData("rtu-tcp"))
    dlg.host.setText("10.0.0.9")
    assert dlg.config().transport == "rtu-tcp" and dlg.config().serial is None
