"""Editors of a park's money and energy settings: its time-of-use tariff and its battery.

Both are :class:`~solarfleet.widgets.form_editor.FormEditor` forms (validated on Apply, refused values
marked, Apply/Revert always visible); the commit callable writes through the undo stack. A tariff's
seasons are typed one per line as ``name: months | 24 hour letters`` (v valley, f flat, p peak,
c critical peak), e.g. ``summer: 6-8 | vvvvvvvvffppppfffpppccff``.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from solarfleet.models.energy.battery import STRATEGIES, Battery
from solarfleet.models.energy.tariff import PERIODS, TariffError
from solarfleet.models.fleet import FleetValueError

from solarfleet.widgets.form_editor import FieldSpec, FormEditor

__all__ = ["BatteryEditor", "TariffEditor", "EnergySettingsView", "seasons_text", "parse_seasons"]

_LETTER = {"valley": "v", "flat": "f", "peak": "p", "critical_peak": "c"}
_PERIOD = {v: k for k, v in _LETTER.items()}


def _months_text(months) -> str:
    out, ms = [], sorted(int(m) for m in months)
    i = 0
    while i < len(ms):
        j = i
        while j + 1 < len(ms) and ms[j + 1] == ms[j] + 1:
            j += 1
        out.append(str(ms[i]) if i == j else f"{ms[i]}-{ms[j]}")
        i = j + 1
    return ",".join(out)


def seasons_text(seasons) -> str:
    """A tariff's seasons as editable lines ``name: months | 24 letters``."""
    return "\n".join(f"{s['name']}: {_months_text(s['months'])} | {''.join(_LETTER[p] for p in s['hours'])}"
                     for s in seasons)


def parse_seasons(text: str) -> tuple:
    """The seasons typed as lines ``name: months | letters``; FleetValueError names the line."""
    seasons = []
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for n, line in enumerate(lines, 1):
        m = re.fullmatch(r"([^:|]+):\s*([\d,\s\-]+)\|\s*([vfpcVFPC]+)", line)
        if not m:
            raise FleetValueError("seasons", line, f"line {n}: write name: months | 24 letters v/f/p/c")
        months = []
        for part in m.group(2).replace(" ", "").split(","):
            if not part:
                continue
            a, _, b = part.partition("-")
            lo, hi = int(a), int(b or a)
            months += list(range(lo, hi + 1))
        hours = [_PERIOD[c] for c in m.group(3).lower()]
        seasons.append({"name": m.group(1).strip(), "months": months, "hours": hours})
    return tuple(seasons)


class TariffEditor(FormEditor):
    """Edit a park's :class:`~solarfleet.models.energy.tariff.Tariff` (prices, export price, TOU seasons)."""

    def __init__(self, parent=None, commit: Optional[Callable] = None):
        super().__init__(self.tr("Time-of-use tariff"), parent, commit)
        names = {"valley": self.tr("Valley price"), "flat": self.tr("Flat price"), "peak": self.tr("Peak price"),
                 "critical_peak": self.tr("Critical-peak price")}
        self.build_form([FieldSpec("name", self.tr("Name"), kind="text"),
                         FieldSpec("currency", self.tr("Currency"), kind="text")]
                        + [FieldSpec(f"prices.{p}", names[p], "/kWh", kind="optfloat",
                                     tooltip=self.tr("Empty: the period is not used")) for p in PERIODS]
                        + [FieldSpec("export_price", self.tr("Export price"), "/kWh")])
        self.example_note = QLabel(self.tr("This is the shipped EXAMPLE tariff: savings computed with it are "
                                           "labelled “example”. Applying your own prices makes it the park's "
                                           "tariff."), self)
        self.example_note.setWordWrap(True)
        self.example_note.setStyleSheet("color: #b45309;")
        self.seasons = QPlainTextEdit(self)
        self.seasons.setObjectName("seasons")
        self.seasons.setToolTip(self.tr("One season per line: name: months | 24 letters from 00:00, "
                                        "v valley, f flat, p peak, c critical peak"))
        self.seasons.setMaximumHeight(self.fontMetrics().height() * 6)
        self.form.addRow(self.tr("Seasons"), self.seasons)
        self.form.addRow(self.example_note)

    def set_object(self, obj) -> None:
        super().set_object(obj)
        if obj is not None:
            for p in PERIODS:
                w = self.widgets[f"prices.{p}"]
                w.setText("" if p not in obj.prices else w.text())
            self.seasons.setPlainText(seasons_text(obj.seasons))
        self.example_note.setVisible(obj is not None and obj.example)

    @staticmethod
    def _get(obj, dotted):
        if dotted.startswith("prices."):
            return obj.prices.get(dotted.split(".", 1)[1])
        return FormEditor._get(obj, dotted)

    def build(self, values: dict):
        prices = {k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("prices.") and v is not None}
        try:
            return dataclasses.replace(self.obj, name=values["name"] or "", currency=values["currency"] or "",
                                       prices=prices, export_price=values["export_price"],
                                       seasons=parse_seasons(self.seasons.toPlainText()), example=False)
        except TariffError as exc:
            field, _, reason = str(exc).partition(": ")
            raise FleetValueError(field, None, reason or str(exc)) from None

    def apply(self) -> bool:
        if self.obj is not None and self.obj.example and self._unchanged():
            return True  # nothing typed: the example stays an example
        return super().apply()

    def _unchanged(self) -> bool:
        try:
            new = self.build(self.values())
        except FleetValueError:
            return False
        return _norm(new) == _norm(self.obj)


def _norm(t) -> tuple:
    """What a tariff charges (prices, export price, currency, seasons with sorted months), for comparing."""
    return (dict(t.prices), t.export_price, t.currency,
            tuple((x["name"], tuple(sorted(x["months"])), tuple(x["hours"])) for x in t.seasons))


class BatteryEditor(FormEditor):
    """Edit a park's :class:`~solarfleet.models.energy.battery.Battery`; "No battery" removes it."""

    def __init__(self, parent=None, commit: Optional[Callable] = None):
        super().__init__(self.tr("Battery"), parent, commit)
        labels = {"self_consumption": self.tr("Self-consumption first"), "tou_arbitrage": self.tr("TOU arbitrage")}
        self.has_battery = QCheckBox(self.tr("The park has a battery"), self)
        self.form.addRow(self.has_battery)
        self.build_form([
            FieldSpec("capacity", self.tr("Capacity"), "kWh", scale=1e-3),
            FieldSpec("power", self.tr("Power"), "kW", scale=1e-3),
            FieldSpec("efficiency", self.tr("Round-trip efficiency"), "-"),
            FieldSpec("min_soc", self.tr("Lowest state of charge"), "-"),
            FieldSpec("strategy", self.tr("Strategy"), kind="choice", choices=tuple((s, labels[s]) for s in STRATEGIES)),
            FieldSpec("initial_soc", self.tr("Initial state of charge"), "-", kind="optfloat",
                      placeholder=self.tr("(lowest)")),
        ])
        self.has_battery.toggled.connect(self._toggled)
        self.default = Battery(capacity=1e6, power=5e5)  # a starting point when one is added [Wh, W]

    def set_object(self, obj) -> None:
        """Show ``obj`` (a Battery, or None: the park has none)."""
        self.has_battery.blockSignals(True)
        self.has_battery.setChecked(obj is not None)
        self.has_battery.blockSignals(False)
        super().set_object(obj if obj is not None else self.default)
        self.obj = obj
        self._toggled(obj is not None)

    def _toggled(self, on: bool) -> None:
        for w in self.widgets.values():
            w.setEnabled(on)

    def build(self, values: dict):
        if not self.has_battery.isChecked():
            return None
        return Battery(**values)

    def editable(self) -> bool:
        return True  # "no battery" (None, see build) is a value this form applies too


class EnergySettingsView(QWidget):
    """The Tariff and battery dock's content: the editors in tabs, and a note when nothing is selected.

    Parameters
    ----------
    tariff, battery : TariffEditor, BatteryEditor
    load : solarfleet.widgets.load_editor.LoadEditor, optional
        The park's consumption, in a third tab.
    """

    def __init__(self, tariff: TariffEditor, battery: BatteryEditor, parent=None, load=None):
        super().__init__(parent)
        self.tariff, self.battery, self.load = tariff, battery, load
        self.note = QLabel(self.tr("Select a park to edit its tariff, battery and load."), self)
        self.note.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(tariff, self.tr("Tariff"))
        self.tabs.addTab(battery, self.tr("Battery"))
        if load is not None:
            self.tabs.addTab(load, self.tr("Load"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)

    def show_park(self, name: str) -> None:
        self.note.setVisible(not name)
        self.tabs.setVisible(bool(name))
