"""The "Add device" dialog: transport, host, port, unit id and register map of a Modbus inverter or meter.

After a successful test of a SunSpec device, every inverter, meter and DER unit of its chain is
listed with the role proposed from its model and sign; the user confirms or changes each, and the
saved configuration carries the confirmed roles.

It validates and builds a :class:`solarfleet.models.live.devices.DeviceConfig`; it does not connect by
itself: "Test connection" emits :attr:`AddDeviceDialog.testRequested` and whoever owns the
worker calls :meth:`AddDeviceDialog.show_test_result` with the answer of
:func:`solarfleet.models.live.devices.check_connection`.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout)

from solarfleet.models.live.devices import DeviceConfig, DeviceConfigError
from solarfleet.models.live.sunspec_units import ROLES, format_roles
from solarfleet.widgets.live_device_detail import role_text

__all__ = ["AddDeviceDialog"]


class AddDeviceDialog(QDialog):
    """Describe one Modbus device of ``park``.

    Parameters
    ----------
    park : str
    maps : list of str
        Vendor register maps offered besides SunSpec (``solarfleet.models.live.vendor_maps.available_maps()``).

    Signals
    -------
    testRequested(object config)
        A valid :class:`DeviceConfig` to test.
    """

    testRequested = Signal(object)

    def __init__(self, park: str, maps=(), parent=None):
        super().__init__(parent)
        self.park = park
        self.setWindowTitle(self.tr("Add device – %1").replace("%1", park))
        self.device_id = QLineEdit(self)
        self.device_id.setPlaceholderText(self.tr("e.g. roof-A/inverter-1"))
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("192.168.1.20")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(502)
        self.unit_id = QSpinBox(self)
        self.unit_id.setRange(0, 247)
        self.unit_id.setValue(1)
        self.map = QComboBox(self)
        self.map.addItem(self.tr("SunSpec (SMA, Fronius, SolarEdge…)"), None)
        for name in maps:
            self.map.addItem(name, name)
        self.transport = QComboBox(self)
        self.transport.setObjectName("transport")
        for code, label in (("tcp", self.tr("Modbus TCP")), ("rtu-tcp", self.tr("Modbus RTU over TCP (serial server)")),
                            ("rtu", self.tr("Modbus RTU on a serial port"))):
            self.transport.addItem(label, code)
        self.transport.currentIndexChanged.connect(self._transport_changed)
        self.serial = QLineEdit("9600,8,N,1", self)
        self.serial.setObjectName("serial")
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(0.2, 60)
        self.timeout.setDecimals(1)
        self.timeout.setValue(2.0)
        self.timeout.setSuffix(" s")
        intro = QLabel(self.tr("An inverter or meter that speaks Modbus TCP (SunSpec or a vendor map)."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("Name:"), self.device_id)
        form.addRow(self.tr("Transport:"), self.transport)
        self.host_label = QLabel(self.tr("Host:"), self)
        form.addRow(self.host_label, self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Serial line:"), self.serial)
        form.addRow(self.tr("Unit id:"), self.unit_id)
        form.addRow(self.tr("Register map:"), self.map)
        form.addRow(self.tr("Timeout:"), self.timeout)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.request_test)
        self.result = QLabel(self)
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.test_button)
        lay.addWidget(self.result)
        self.roles_form = QFormLayout()
        self.role_boxes: dict = {}
        lay.addLayout(self.roles_form)
        lay.addWidget(self.buttons)
        self._transport_changed()
        self.last_result: Optional[dict] = None
        self.setMinimumWidth(420)

    def config(self) -> DeviceConfig:
        """The device described; :class:`DeviceConfigError` names the field that is wrong."""
        map_name = self.map.currentData()
        host = self.host.text().strip()
        name = self.device_id.text().strip() or f"{host}:{self.port.value()}/{self.unit_id.value()}"
        transport = self.transport.currentData()
        roles = {key: box.currentData() for key, box in self.role_boxes.items()}
        return DeviceConfig(device_id=name, host=host, port=self.port.value(), unit_id=self.unit_id.value(),
                            kind="map" if map_name else "sunspec", map_name=map_name,
                            timeout=float(self.timeout.value()), park=self.park, transport=transport,
                            serial=self.serial.text().strip() if transport == "rtu" else None,
                            roles=format_roles(roles) if roles and not map_name else None)

    def _transport_changed(self, *_):
        serial = self.transport.currentData() == "rtu"
        self.host_label.setText(self.tr("Serial port:") if serial else self.tr("Host:"))
        self.host.setPlaceholderText("/dev/ttyUSB0" if serial else "192.168.1.20")
        self.port.setEnabled(not serial)
        self.serial.setEnabled(serial)

    def _show_roles(self, units) -> None:
        """One role chooser per inverter, meter or DER unit, set to the proposed role."""
        while self.roles_form.rowCount():
            self.roles_form.removeRow(0)
        self.role_boxes = {}
        for u in units:
            if u.get("role") is None:
                continue
            box = QComboBox(self)
            box.setObjectName(f"role:{u['key']}")
            for code in ROLES:
                box.addItem(role_text(code), code)
            box.setCurrentIndex(box.findData(u["role"]))
            self.role_boxes[u["key"]] = box
            self.roles_form.addRow(self.tr("Model %1 at %2:").replace("%1", str(u["model"]))
                                   .replace("%2", u["key"].split("@")[1]), box)

    def _valid_config(self) -> Optional[DeviceConfig]:
        try:
            return self.config()
        except DeviceConfigError as exc:
            self._show(False, self.tr("Not valid: %1").replace("%1", str(exc)))
            return None

    def request_test(self) -> None:
        cfg = self._valid_config()
        if cfg is None:
            return
        self.test_button.setEnabled(False)
        where = cfg.host if cfg.transport == "rtu" else f"{cfg.host}:{cfg.port}"
        self._show(None, self.tr("Connecting to %1…").replace("%1", where))
        self.testRequested.emit(cfg)

    def show_test_result(self, result: dict) -> None:
        """Show what :func:`solarfleet.models.live.devices.check_connection` answered."""
        self.last_result = result
        self.test_button.setEnabled(True)
        if not result.get("ok"):
            self._show(False, self.tr("Connection failed: %1").replace("%1", str(result.get("error", ""))))
            return
        info = result.get("info") or {}
        who = " ".join(str(info[k]) for k in ("manufacturer", "model", "serial") if info.get(k))
        reading = result.get("reading") or {}
        loc = QLocale()
        parts = []
        for key, label in (("pv_power", self.tr("PV")), ("grid_power", self.tr("Grid")),
                           ("load_power", self.tr("Load"))):
            v = reading.get(key)
            if v is not None:
                parts.append(f"{label} {loc.toString(float(v) / 1000.0, 'f', 2)} kW")
        text = self.tr("Connected: %1").replace("%1", who or self.tr("device answered"))
        if parts:
            text += "\n" + ", ".join(parts)
        units = info.get("units") or []
        if any(u.get("role") for u in units):
            text += "\n" + self.tr("Confirm what each unit of the device measures:")
        self._show(True, text)
        self._show_roles(units)

    def _show(self, ok: Optional[bool], text: str) -> None:
        color = {True: "#16a34a", False: "#dc2626", None: ""}[ok]
        self.result.setStyleSheet(f"color: {color};" if color else "")
        self.result.setText(text)

    def accept(self) -> None:
        if self._valid_config() is None:
            return
        super().accept()
