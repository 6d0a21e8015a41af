"""Editor of a park's consumption: the synthetic profile's parameters, its annual total, and meter files.

A :class:`~solarfleet.widgets.form_editor.FormEditor` over a
:class:`~solarfleet.models.energy.synthetic_load.SyntheticLoadParams` (validated on Apply, refused values
marked, Apply/Revert always visible); the commit callable regenerates the profile and writes it through the
undo stack. Above the fields a line says which consumption the park's balance uses — measured meters
or the synthetic (modelled) profile — *Import meter file…* asks for a meter file to add, and *Delete meter*
offers each measured meter for removal (the controller confirms it; Undo brings it back).
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton

from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
from solarfleet.models.fleet import FleetValueError

from solarfleet.widgets.form_editor import FieldSpec, FormEditor

__all__ = ["LoadEditor", "windows_text", "parse_windows"]


def windows_text(windows) -> str:
    """EV charging windows as editable text, e.g. ``11-15, 22-6`` [h local]."""
    return ", ".join(f"{a}-{b}" for a, b in windows)


def parse_windows(text: str) -> tuple:
    """Charging windows typed as ``start-end`` hours separated by commas; FleetValueError when unreadable."""
    out = []
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        m = re.fullmatch(r"(\d{1,2})\s*[-–]\s*(\d{1,2})", part)
        if not m:
            raise FleetValueError("ev_charging_windows", part, "write hours as start-end, e.g. 22-6")
        out.append((int(m.group(1)), int(m.group(2))))
    return tuple(out)


class LoadEditor(FormEditor):
    """Edit the synthetic load of a park and see which consumption its balance uses.

    Signals
    -------
    importRequested()
        The user asked to import a meter file for the park.
    deleteRequested(str meter)
        The user asked to delete the measured series of ``meter``.
    """

    importRequested = Signal()
    deleteRequested = Signal(str)

    def __init__(self, parent=None, commit: Optional[Callable] = None):
        super().__init__(self.tr("Consumption (load)"), parent, commit)
        shifts = ((1, self.tr("One shift (08–16)")), (2, self.tr("Two shifts (06–22)")),
                  (3, self.tr("Around the clock")))
        self.source = QLabel(self)
        self.source.setObjectName("loadSource")
        self.source.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import meter file…"), self)
        self.import_button.setToolTip(self.tr("CSV or Excel with timestamps and power or energy per interval; "
                                              "a measured meter replaces the synthetic profile in the balance"))
        self.import_button.clicked.connect(self.importRequested)
        self.delete_button = QPushButton(self.tr("Delete meter"), self)
        self.delete_button.setToolTip(self.tr("Remove a measured meter series from the park; Undo brings it back"))
        self.delete_button.setMenu(QMenu(self.delete_button))
        self.delete_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.import_button)
        self.form.addRow(self.source)
        self.form.addRow(row)
        self.form.addRow(QLabel(self.tr("<b>Synthetic profile (modelled)</b>"), self))
        ratio = self.tr("0 to 1")
        self.build_form([
            FieldSpec("floor_area", self.tr("Floor area"), "m²"),
            FieldSpec("shifts", self.tr("Shifts"), kind="choice", choices=shifts),
            FieldSpec("automation", self.tr("Sorting automation"), "-",
                      tooltip=self.tr("0 manual to 1 fully automated sorting")),
            FieldSpec("office_share", self.tr("Office share of floor"), "-", tooltip=ratio),
            FieldSpec("cold_storage_share", self.tr("Cold-storage share of floor"), "-", tooltip=ratio),
            FieldSpec("hvac_sensitivity", self.tr("HVAC per degree [W/(m²·K)]"), ""),
            FieldSpec("ev_vehicles", self.tr("Electric delivery vehicles"), "", kind="int"),
            FieldSpec("ev_kwh_per_vehicle_day", self.tr("Charge per vehicle and day"), "kWh"),
            FieldSpec("ev_charging_windows", self.tr("Charging windows"), "h", kind="text",
                      tooltip=self.tr("Local hours start-end, comma separated, e.g. 11-15, 22-6")),
            FieldSpec("weekend_activity", self.tr("Weekend activity"), "-",
                      tooltip=self.tr("Activity on Saturdays and Sundays relative to weekdays")),
            FieldSpec("annual_energy", self.tr("Annual total (empty: as modelled)"), "MWh", kind="optfloat", scale=1e-6,
                      tooltip=self.tr("Empty: as modelled. A value (e.g. the billed annual consumption) "
                                      "scales the profile to it; its shape stays the model's.")),
        ])

    @staticmethod
    def _get(obj, dotted):
        if dotted == "ev_charging_windows":
            return windows_text(obj.ev_charging_windows)
        return FormEditor._get(obj, dotted)

    def build(self, values: dict) -> SyntheticLoadParams:
        values = dict(values, ev_charging_windows=parse_windows(values["ev_charging_windows"]))
        return SyntheticLoadParams(**values, seed=self.obj.seed)

    def show_source(self, measured: list, synthetic_wh: Optional[float], year: Optional[int] = None) -> None:
        """Say which consumption the balance uses.

        Parameters
        ----------
        measured : list of (str, float)
            Measured meters as ``(name, energy [Wh])``; they win over the synthetic profile.
        synthetic_wh : float or None
            Energy of the stored synthetic profile over its year [Wh]; None: there is none.
        year : int, optional
            The synthetic profile's year.
        """
        loc = QLocale()
        mwh = lambda wh: loc.toString(wh / 1e6, "f", 1)  # noqa: E731
        if measured:
            names = ", ".join(f"{n} ({mwh(e)} MWh)" for n, e in measured)
            text = self.tr("The balance uses <b>measured</b> meters: %1. The synthetic profile below is used "
                           "only when a park has no meter.").replace("%1", names)
        elif synthetic_wh is not None:
            text = self.tr("The balance uses the <b>synthetic (modelled)</b> profile below: %1 MWh in %2.") \
                .replace("%1", mwh(synthetic_wh)).replace("%2", str(year or ""))
        else:
            text = self.tr("No consumption data yet: Apply makes a synthetic (modelled) profile from the values "
                           "below, or import a meter file.")
        self.source.setText(text)
        self._offer_meters([n for n, _ in measured])

    def _offer_meters(self, meters: list) -> None:
        """One *Delete meter* menu entry per measured meter."""
        menu = self.delete_button.menu()
        menu.clear()
        for name in meters:
            menu.addAction(self.tr("Delete %1…").replace("%1", name)).triggered.connect(
                lambda _=False, n=name: self.deleteRequested.emit(n))
        self.delete_button.setEnabled(bool(meters))

    def set_busy(self, busy: bool) -> None:
        """While the profile is generated or a file read, the buttons wait and the status says so."""
        self.apply_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        self.delete_button.setEnabled(not busy and not self.delete_button.menu().isEmpty())
        if busy:
            self.status.setText(self.tr("Working…"))

    def show_error(self, message: str) -> None:
        """A refused file or a failed generation, in one line."""
        self.status.setText(self.tr("Not applied: %1").replace("%1", message))
