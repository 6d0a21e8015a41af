"""Editor of a PV array: DC model and modules, orientation, racking, inverter, losses."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import QDialog, QPushButton

from solarfleet.models.fleet import (ARRAY_TEMPERATURE_MODELS, DC_MODELS, INVERTER_MODELS, MODULE_TYPES, RACKINGS,
                                     Losses)

from solarfleet.widgets.equipment_picker import EquipmentPicker
from solarfleet.widgets.form_editor import FieldSpec, FormEditor

__all__ = ["ArrayEditor"]

_CEC_DC = ("module", "modules_per_string", "strings")
_PVW_DC = ("pdc0", "gamma_pdc")
_CEC_INV = ("inverter", "inverters")
_PVW_INV = ("dc_ac_ratio", "eta_inv_nom")


class ArrayEditor(FormEditor):
    """Edit a :class:`solarfleet.models.fleet.Array`.

    Parameters
    ----------
    search_modules, search_inverters : callable, optional
        ``search(text) -> list of Equipment`` for the pickers; default :mod:`solarfleet.models.simulation.catalog`.
    commit : callable, optional
        ``commit(array)`` writes the validated array (see :class:`FormEditor`).
    display_name : callable, optional
        ``display_name(key, kind) -> str``: how a module or inverter key is shown
        ("Manufacturer Model 550 W"); default :func:`solarfleet.models.simulation.catalog.display_name`.
    """

    def __init__(self, parent=None, search_modules: Optional[Callable] = None,
                 search_inverters: Optional[Callable] = None, commit: Optional[Callable] = None,
                 display_name: Optional[Callable] = None):
        super().__init__(self.tr("Array"), parent, commit)
        if search_modules is None or search_inverters is None or display_name is None:
            from solarfleet.models.simulation import catalog
            search_modules = search_modules or catalog.search_modules
            search_inverters = search_inverters or catalog.search_inverters
            display_name = display_name or catalog.display_name
        self.search_modules, self.search_inverters = search_modules, search_inverters
        self.display_name = display_name
        self.keys: dict = {}  # the key behind each equipment field, which shows its display name
        self.picker_factory = EquipmentPicker  # tests replace it
        dc = {"pvwatts": self.tr("PVWatts (nameplate power)"), "cec": self.tr("CEC module database")}
        inv = {"pvwatts": self.tr("PVWatts (DC/AC ratio)"), "cec": self.tr("CEC inverter database")}
        rack = {"open_rack": self.tr("Open rack"), "close_mount": self.tr("Close mount"),
                "insulated_back": self.tr("Insulated back")}
        mtype = {"glass_polymer": self.tr("Glass/polymer"), "glass_glass": self.tr("Glass/glass")}
        tmodel = {"pvwatts": self.tr("PVWatts v8 (installed NOCT)"), "fuentes": self.tr("PVWatts v5 (Fuentes)"),
                  "noct_sam": self.tr("SAM NOCT"), "faiman": self.tr("Faiman"), "pvsyst": self.tr("PVsyst"),
                  "sapm": self.tr("Sandia (SAPM)")}
        pct = "%"
        count = self.tr("pcs")
        specs = [
            FieldSpec("name", self.tr("Name"), kind="text"),
            FieldSpec("dc_model", self.tr("DC model"), kind="choice", choices=tuple((m, dc[m]) for m in DC_MODELS)),
            FieldSpec("pdc0", self.tr("DC nameplate"), "kWp", scale=1e-3),
            FieldSpec("gamma_pdc", self.tr("Temperature coefficient"), "1/°C"),
            FieldSpec("module", self.tr("Module"), kind="key"),
            FieldSpec("modules_per_string", self.tr("Modules per string"), count, kind="int"),
            FieldSpec("strings", self.tr("Strings"), count, kind="int"),
            FieldSpec("surface_tilt", self.tr("Tilt"), "°", kind="optfloat",
                      tooltip=self.tr("Empty: the roof's pitch"), placeholder=self.tr("(from roof)")),
            FieldSpec("surface_azimuth", self.tr("Azimuth"), "°", kind="optfloat",
                      tooltip=self.tr("Clockwise from north; empty: the roof's"), placeholder=self.tr("(from roof)")),
            FieldSpec("gcr", self.tr("Ground coverage ratio"), "-", kind="optfloat",
                      tooltip=self.tr("Rows on a flat roof; empty for a single flush row"),
                      placeholder=self.tr("(single row)")),
            FieldSpec("racking", self.tr("Racking"), kind="choice", choices=tuple((r, rack[r]) for r in RACKINGS)),
            FieldSpec("module_type", self.tr("Module construction"), kind="choice",
                      choices=tuple((m, mtype[m]) for m in MODULE_TYPES)),
            FieldSpec("temperature_model", self.tr("Cell temperature model"), kind="choice",
                      choices=((None, self.tr("As the DC model (PVWatts or SAM)")),)
                      + tuple((m, tmodel[m]) for m in ARRAY_TEMPERATURE_MODELS),
                      tooltip=self.tr("Parameters follow the racking; the run may override the model")),
            FieldSpec("albedo", self.tr("Albedo"), "-"),
            FieldSpec("inverter_model", self.tr("Inverter model"), kind="choice",
                      choices=tuple((m, inv[m]) for m in INVERTER_MODELS)),
            FieldSpec("dc_ac_ratio", self.tr("DC/AC ratio"), "-"),
            FieldSpec("eta_inv_nom", self.tr("Inverter efficiency"), "-"),
            FieldSpec("inverter", self.tr("Inverter"), kind="key"),
            FieldSpec("inverters", self.tr("Inverters"), count, kind="int"),
            FieldSpec("degradation", self.tr("Degradation"), "%/a"),
            FieldSpec("commissioned", self.tr("Commissioned"), kind="date", tooltip="YYYY-MM-DD"),
            FieldSpec("losses.soiling", self.tr("Soiling, Jan…Dec"), pct, kind="floats12"),
        ]
        loss_labels = {"shading": self.tr("Shading"), "snow": self.tr("Snow"), "mismatch": self.tr("Mismatch"),
                       "wiring": self.tr("DC wiring"), "connections": self.tr("Connections"),
                       "lid": self.tr("Light-induced degradation"), "nameplate_rating": self.tr("Nameplate rating"),
                       "availability": self.tr("Availability")}
        specs += [FieldSpec(f"losses.{n}", self.tr("%1 loss").replace("%1", loss_labels[n]), pct)
                  for n in Losses.SCALARS]
        specs += [FieldSpec("losses.system_losses", self.tr("System losses (replaces the list above)"), pct,
                            kind="optfloat", placeholder=self.tr("(itemised)"),
                            tooltip=self.tr("One PVWatts-style figure on DC; when set, the itemised DC losses "
                                            "are ignored")),
                  FieldSpec("losses.ac_wiring", self.tr("AC wiring loss"), pct),
                  FieldSpec("losses.transformer", self.tr("Transformer loss"), pct)]
        self.build_form(specs)
        for name in ("module", "inverter"):
            self.widgets[name].setReadOnly(True)  # shows the display name; the picker sets the key

    def extra_widget(self, spec):
        if spec.kind != "key":
            return None
        b = QPushButton("…", self)  # compact: the field shows a long manufacturer and model name
        b.setToolTip(self.tr("Choose…"))
        b.setFixedWidth(b.fontMetrics().horizontalAdvance("…") + 24)
        b.setObjectName(f"choose_{spec.name}")
        b.clicked.connect(lambda _=False, n=spec.name: self.pick(n))
        return b

    def pick(self, name: str) -> Optional[str]:
        """Open the catalog picker for ``module`` or ``inverter``; puts the chosen key in the field."""
        if name == "module":
            dlg = self.picker_factory(self.search_modules, self.tr("Choose a module (library and CEC database)"),
                                      self.keys.get(name) or "", self.tr("STC power [W]"), self)
        else:
            dlg = self.picker_factory(self.search_inverters, self.tr("Choose an inverter (library and CEC database)"),
                                      self.keys.get(name) or "", self.tr("AC rating [W]"), self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.selected_key():
            self._show_key(name, dlg.selected_key())
            return dlg.selected_key()
        return None

    def _show_key(self, name: str, key: Optional[str]) -> None:
        self.keys[name] = key
        w = self.widgets[name]
        w.setText(self.display_name(key, name) if key else "")
        w.setCursorPosition(0)
        w.setToolTip(f"{w.text()}\n{key}" if key else "")

    def set_object(self, obj) -> None:
        super().set_object(obj)
        if obj is not None:
            for name in ("module", "inverter"):
                self._show_key(name, getattr(obj, name))

    def field_changed(self, name: str) -> None:
        if name == "dc_model":
            cec = self.widgets["dc_model"].currentData() == "cec"
            for n in _CEC_DC:
                self.set_row_visible(n, cec)
            self.set_row_visible("pdc0", not cec)
        elif name == "inverter_model":
            cec = self.widgets["inverter_model"].currentData() == "cec"
            for n in _CEC_INV:
                self.set_row_visible(n, cec)
            for n in _PVW_INV:
                self.set_row_visible(n, not cec)

    def values(self):
        v = super().values()
        for name in ("module", "inverter"):  # the key, not the display name shown
            if v.get(name) is not None:
                v[name] = self.keys.get(name)
        # hidden rows carry model-specific defaults, not None, where the model needs a number
        if v.get("gamma_pdc") is None:
            v["gamma_pdc"] = self.obj.gamma_pdc
        for n in _PVW_INV:
            if v.get(n) is None:
                v[n] = getattr(self.obj, n)
        return v
