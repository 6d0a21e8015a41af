"""The Carbon view: monthly Scope 2 against emissions avoided, the trajectory against the target, certificates,
and a what-if on one park.

It is fed plain model objects — a :class:`solarfleet.models.energy.ledger.CarbonLedger`, the targets
(:class:`solarfleet.models.energy.carbon_targets.CarbonTarget` by park name, ``None`` for the fleet) and,
once the controller has computed one, a :class:`solarfleet.models.energy.carbon_targets.WhatIf` — and
emits signals; it computes nothing but the trajectory of the scope shown.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from solarfleet.widgets.plot_style import ThrottledPlot, add_legend, month_name, style_plot

__all__ = ["CarbonView", "CertificateTableModel", "MonthlyCarbonPlot", "TrajectoryPlot", "FactorDialog",
           "FactorTableModel"]

SCOPE2_COLOR = QColor("#6b7280")     # grey: emissions of grid import
AVOIDED_SELF_COLOR = QColor("#16a34a")
AVOIDED_EXPORT_COLOR = QColor("#86efac")
TARGET_COLOR = QColor("#dc2626")
WHATIF_COLOR = QColor("#2563eb")


def _t(kg) -> np.ndarray:
    return np.asarray(kg, dtype=float) / 1000.0


class MonthlyCarbonPlot(ThrottledPlot):
    """Per month: Scope 2 [t CO₂] beside the emissions avoided by PV (self-consumed and exported, stacked)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.rows = None
        self.basis = "location"
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("CO₂ [t]"))
        item.setMouseEnabled(x=False, y=True)
        self.legend = add_legend(self.plot, offset=(-10, 10), colCount=3)
        self.bars: list = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot)

    def plots(self):
        return [self.plot]

    def set_rows(self, rows, basis: str = "location") -> None:
        """``rows``: a DataFrame indexed by ``"YYYY-MM"`` with the ledger's kg columns (or None)."""
        self.rows, self.basis = rows, basis
        self.schedule()

    def heights(self) -> dict:
        """The drawn bar heights [t CO₂] by series (for tests)."""
        return {b.opts["name"]: np.asarray(b.opts["height"], dtype=float) for b in self.bars}

    def redraw(self) -> None:
        item = self.plot.getPlotItem()
        for b in self.bars:
            item.removeItem(b)
        self.bars = []
        self.legend.clear()
        if self.rows is None or len(self.rows) == 0:
            return
        x = np.arange(len(self.rows), dtype=float)
        scope2 = _t(self.rows[f"scope2_{self.basis}_kg"])
        own = _t(self.rows["avoided_self_consumed_kg"])
        exp = _t(self.rows["avoided_export_kg"])
        label = self.tr("Scope 2, location-based") if self.basis == "location" else self.tr("Scope 2, market-based")
        series = [(label, x - 0.2, np.zeros_like(x), scope2, SCOPE2_COLOR),
                  (self.tr("Avoided: PV used on site"), x + 0.2, np.zeros_like(x), own, AVOIDED_SELF_COLOR),
                  (self.tr("Avoided: PV exported"), x + 0.2, np.nan_to_num(own), exp, AVOIDED_EXPORT_COLOR)]
        for name, xs, y0, h, color in series:
            # a month without data is no bar at all, never a zero bar
            bar = pg.BarGraphItem(x=xs, y0=y0, height=np.nan_to_num(h), width=0.38, brush=pg.mkBrush(color),
                                  pen=pg.mkPen(None), name=name)
            bar.opts["height"] = h
            item.addItem(bar)   # named items join the legend by themselves
            self.bars.append(bar)
        months = [str(m) for m in self.rows.index]
        ticks = [(i, month_name(int(m[5:7])) if i % max(1, len(months) // 12) == 0 else "")
                 for i, m in enumerate(months)]
        item.getAxis("bottom").setTicks([ticks])
        top = np.nanmax(np.concatenate([scope2, np.nan_to_num(own) + np.nan_to_num(exp), [1e-6]]))
        item.setXRange(-0.6, len(x) - 0.4, padding=0)
        item.setYRange(0, top * 1.35, padding=0)


class TrajectoryPlot(ThrottledPlot):
    """Annual Scope 2 [t CO₂]: ledger years (solid), projected years (dashed), the target, and a what-if."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.base = None
        self.what_if = None
        self.basis = "location"
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("Scope 2 [t CO₂/yr]"))
        self.legend = add_legend(self.plot, offset=(10, -10))   # bottom left: clear of a falling target
        self.curves = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot)

    def plots(self):
        return [self.plot]

    def set_trajectories(self, base, what_if=None, basis: str = "location") -> None:
        """``base`` and ``what_if``: DataFrames of :func:`solarfleet.models.energy.carbon_targets.trajectory`."""
        self.base, self.what_if, self.basis = base, what_if, basis
        self.schedule()

    def redraw(self) -> None:
        item = self.plot.getPlotItem()
        for c in self.curves.values():
            item.removeItem(c)
        self.curves = {}
        self.legend.clear()
        if self.base is None:
            return
        col = f"scope2_{self.basis}_kg"
        years = self.base.index.to_numpy(dtype=float)
        y = _t(self.base[col])
        ledger = (self.base["kind"] == "ledger").to_numpy()
        last = int(np.flatnonzero(ledger)[-1]) if ledger.any() else 0
        self._curve("ledger", self.tr("Ledger"), years[: last + 1], y[: last + 1],
                    pg.mkPen(SCOPE2_COLOR, width=3), symbol="o")
        self._curve("projected", self.tr("Projected"), years[last:], y[last:],
                    pg.mkPen(SCOPE2_COLOR, width=2, style=Qt.PenStyle.DashLine))
        target = _t(self.base["target_kg"])
        if np.isfinite(target).any():
            self._curve("target", self.tr("Target"), years, target, pg.mkPen(TARGET_COLOR, width=2))
        if self.what_if is not None:
            self._curve("what_if", self.tr("What-if"), self.what_if.index.to_numpy(dtype=float),
                        _t(self.what_if[col]), pg.mkPen(WHATIF_COLOR, width=2, style=Qt.PenStyle.DashDotLine))
        item.setXRange(years[0] - 0.5, years[-1] + 0.5, padding=0)
        top = np.nanmax(np.concatenate([y, np.nan_to_num(target), [1e-6]]))
        item.setYRange(0, top * 1.25, padding=0)

    def _curve(self, key, name, x, y, pen, symbol=None):
        c = pg.PlotDataItem(x, y, pen=pen, symbol=symbol, symbolSize=6, symbolBrush=pen.color(), name=name,
                            connect="finite")
        self.plot.getPlotItem().addItem(c)   # named items join the legend by themselves
        self.curves[key] = c


class CertificateTableModel(QAbstractTableModel):
    """Green certificates per month: PV [MWh], issued, sold, retained, not yet sold or retained."""

    COLUMNS = ("month", "pv_wh", "certificates_issued", "certificates_sold", "certificates_retained", "open")
    EDITABLE = ("certificates_sold", "certificates_retained")

    #: (month, sold, retained): the user typed a new count (only while :attr:`editable`).
    edited = Signal(str, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self.editable = False

    def flags(self, index):
        f = super().flags(index)
        if self.editable and index.isValid() and self.COLUMNS[index.column()] in self.EDITABLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not (index.isValid() and self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        n, ok = QLocale().toInt(str(value).strip())
        if not ok or n < 0:
            return False   # the cell keeps its count; a count is a whole number ≥ 0
        row = self._rows[index.row()]
        row[self.COLUMNS[index.column()]] = n
        self.edited.emit(row["month"], int(row["certificates_sold"]), int(row["certificates_retained"]))
        return True

    def set_rows(self, rows) -> None:
        """``rows``: a DataFrame indexed by month with the ledger's certificate columns and ``pv_wh`` (or None)."""
        self.beginResetModel()
        self._rows = [] if rows is None else [
            {"month": str(m), "pv_wh": r["pv_wh"], "certificates_issued": r["certificates_issued"],
             "certificates_sold": r["certificates_sold"], "certificates_retained": r["certificates_retained"],
             "open": r["certificates_issued"] - r["certificates_sold"] - r["certificates_retained"]}
            for m, r in rows.iterrows()]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Month"), self.tr("PV [MWh]"), self.tr("Issued"), self.tr("Sold"), self.tr("Retained"),
                self.tr("Not yet sold or retained")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()]
        v = self._rows[index.row()][key]
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "month":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "open" and v == v and v < 0:
            return QColor("#dc2626")   # more recorded than earned
        if role == Qt.ItemDataRole.EditRole and key in self.EDITABLE:
            return str(int(v))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "month":
            return v
        if v is None or v != v:
            return "–"
        return QLocale().toString(float(v) / 1e6, "f", 1) if key == "pv_wh" else QLocale().toString(int(v))


class FactorTableModel(QAbstractTableModel):
    """Emission factors, read-only: data year, region, factor [kg CO₂/kWh], source."""

    def __init__(self, factors=None, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        if factors is not None:
            self.set_factors(factors)

    def set_factors(self, factors) -> None:
        """``factors``: a :class:`solarfleet.models.energy.carbon.EmissionFactors`."""
        from solarfleet.models.energy.carbon import MARKET_REGION
        rows = [(y, r, v, factors.source_of(r, y))
                for y in factors.years for r, v in sorted(factors.factors[y].items())]
        rows += [(y, MARKET_REGION, v, factors.source_of(MARKET_REGION, y)) for y, v in factors.market.items()]
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (-r[0], r[1]))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Data year"), self.tr("Region"), self.tr("Factor [kg CO₂/kWh]"), self.tr("Source")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return v
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return QLocale().toString(v, "f", 4) if index.column() == 2 else str(v)


class FactorDialog(QDialog):
    """The emission-factor table, and a form to add a newer year's published factor (or a file of them).

    Signals
    -------
    factorAddRequested(int, str, float, str)
        Data year, region, factor [kg CO₂/kWh], source.
    factorFileChosen(str)
        A CSV or JSON file of factors to add.
    """

    factorAddRequested = Signal(int, str, float, str)
    factorFileChosen = Signal(str)

    def __init__(self, factors, parent=None):
        super().__init__(parent)
        from solarfleet.models.energy.carbon import FACTOR_KEYS
        self.setWindowTitle(self.tr("Emission factors"))
        self.model = FactorTableModel(factors, self)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for col in range(3):
            table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(max(factors.years) + 1)
        self.year.setGroupSeparatorShown(False)
        self.region = QComboBox()
        for key in FACTOR_KEYS:
            self.region.addItem(key, key)
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0.0, 2.0)
        self.factor.setDecimals(4)
        self.factor.setSingleStep(0.01)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Publication, e.g. MEE announcement and date"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("Add factor"))
        from_file = QPushButton(self.tr("Add from file…"))
        form = QFormLayout()
        form.addRow(self.tr("Data year"), self.year)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Factor [kg CO₂/kWh]"), self.factor)
        form.addRow(self.tr("Source"), self.source)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(from_file)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        lay = QVBoxLayout(self)
        lay.addWidget(table, 1)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        add.clicked.connect(self._add)
        from_file.clicked.connect(self._from_file)
        self.resize(720, 520)

    def _add(self) -> None:
        if not self.source.text().strip():
            self.show_message(self.tr("The source of the factor is required."))
            return
        self.factorAddRequested.emit(self.year.value(), self.region.currentData(), self.factor.value(),
                                     self.source.text().strip())

    def _from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add emission factors"), "",
                                              self.tr("Factor files (*.csv *.json)"))
        if path:
            self.factorFileChosen.emit(path)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_factors(self, factors) -> None:
        self.model.set_factors(factors)


class CarbonView(QWidget):
    """Ledger, trajectory and certificates of the fleet or one park, with a what-if on a park.

    Signals
    -------
    scopeChanged(str)
        The park shown ("" for the fleet).
    whatIfRequested(str, float, float)
        Park, PV DC capacity to add [kWp] (negative removes), battery capacity [kWh] (0: keep the park's).
    whatIfCleared()
    whatIfCommitRequested(str, float, float)
        The user wants the previewed change made to the fleet (the controller asks and does it).
    certificatesEdited(str, str, int, int)
        Park, month ("YYYY-MM"), certificates sold, retained — typed in the certificates table of a park.
    targetSaveRequested(object)
        A :class:`solarfleet.models.energy.carbon_targets.CarbonTarget` from the target form (park None: the fleet).
    factorsRequested()
        The user wants to see or add emission factors (the controller opens a :class:`FactorDialog`).
    """

    scopeChanged = Signal(str)
    whatIfRequested = Signal(str, float, float)
    whatIfCleared = Signal()
    whatIfCommitRequested = Signal(str, float, float)
    certificatesEdited = Signal(str, str, int, int)
    targetSaveRequested = Signal(object)
    factorsRequested = Signal()

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.ledger = None
        self.targets: dict = {}
        self.what_if = None
        self.scope = QComboBox()
        self.basis = QComboBox()
        self.basis.addItem(self.tr("Location-based"), "location")
        self.basis.addItem(self.tr("Market-based"), "market")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.monthly = MonthlyCarbonPlot()
        self.trajectory = TrajectoryPlot()
        self.certificates = CertificateTableModel(self)
        table = QTableView()
        table.setModel(self.certificates)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        self.certificate_table = table
        self.tabs = QTabWidget()
        self.tabs.addTab(self.monthly, self.tr("Monthly"))
        self.tabs.addTab(self.trajectory, self.tr("Trajectory"))
        self.tabs.addTab(table, self.tr("Green certificates"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Scope 2:")))
        top.addWidget(self.basis)
        top.addStretch(1)
        self.factors_button = QPushButton(self.tr("Emission factors…"))
        self.factors_button.clicked.connect(self.factorsRequested.emit)
        top.addWidget(self.factors_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self._what_if_box())
        side_lay.addWidget(self._target_box())
        side_lay.addStretch(1)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.basis.currentIndexChanged.connect(lambda _i: self._refresh())
        self.certificates.edited.connect(
            lambda month, sold, kept: self.certificatesEdited.emit(self.current_park(), month, sold, kept))
        self._refresh()

    def _target_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Target"))
        self.peak_year, self.target_year, self.neutrality_year = QSpinBox(), QSpinBox(), QSpinBox()
        for w, v in ((self.peak_year, 2030), (self.target_year, 2035), (self.neutrality_year, 2060)):
            w.setRange(2000, 2100)
            w.setValue(v)
            w.setGroupSeparatorShown(False)
        self.reduction = QDoubleSpinBox()
        self.reduction.setRange(0, 100)
        self.reduction.setDecimals(1)
        self.reduction.setSuffix(" %")
        self.reduction.setValue(30)
        self.save_target = QPushButton(self.tr("Save target"))
        self.target_error = QLabel()
        self.target_error.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Peak by"), self.peak_year)
        form.addRow(self.tr("Reduction from peak"), self.reduction)
        form.addRow(self.tr("by"), self.target_year)
        form.addRow(self.tr("Neutral by"), self.neutrality_year)
        form.addRow(self.save_target)
        form.addRow(self.target_error)
        self.save_target.clicked.connect(self._save_target)
        return box

    def _save_target(self) -> None:
        from solarfleet.models.energy.carbon_targets import CarbonTarget, TargetError
        try:
            t = CarbonTarget(self.current_park() or None, self.peak_year.value(), self.reduction.value(),
                             self.target_year.value(), self.neutrality_year.value())
        except TargetError:
            self.target_error.setText(self.tr("The years must run: peak ≤ target ≤ neutrality."))
            return
        self.target_error.setText("")
        self.targetSaveRequested.emit(t)

    def _show_target(self) -> None:
        t = self.targets.get(self.current_park() or None)
        if t is not None:
            self.peak_year.setValue(t.peak_year)
            self.reduction.setValue(t.reduction_pct)
            self.target_year.setValue(t.target_year)
            self.neutrality_year.setValue(t.neutrality_year)

    def _what_if_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What-if (not stored)"))
        self.add_kwp = QDoubleSpinBox()
        self.add_kwp.setRange(-1e6, 1e6)
        self.add_kwp.setDecimals(0)
        self.add_kwp.setSingleStep(500)
        self.add_kwp.setSuffix(" kWp")
        self.battery_kwh = QDoubleSpinBox()
        self.battery_kwh.setRange(0, 1e6)
        self.battery_kwh.setDecimals(0)
        self.battery_kwh.setSingleStep(500)
        self.battery_kwh.setSuffix(" kWh")
        self.preview = QPushButton(self.tr("Preview"))
        self.clear = QPushButton(self.tr("Clear"))
        self.commit = QPushButton(self.tr("Apply to the fleet…"))
        self.what_if_result = QLabel()
        self.what_if_result.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Add PV"), self.add_kwp)
        form.addRow(self.tr("Battery"), self.battery_kwh)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addWidget(self.clear)
        form.addRow(row)
        form.addRow(self.commit)
        form.addRow(self.what_if_result)
        self.preview.clicked.connect(self._request_what_if)
        self.clear.clicked.connect(self.whatIfCleared.emit)
        self.commit.clicked.connect(lambda: self.whatIfCommitRequested.emit(
            self.current_park(), self.add_kwp.value(), self.battery_kwh.value()))
        return box

    def title(self) -> str:
        """The view's name, for a tab."""
        return self.tr("Carbon")

    # -- data in --
    def set_ledger(self, ledger, targets: Optional[dict] = None) -> None:
        """Show ``ledger`` (a CarbonLedger, or None) with ``targets`` (park name or None → CarbonTarget)."""
        self.ledger, self.targets, self.what_if = ledger, dict(targets or {}), None
        keep = self.current_park()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Fleet"), "")
        for name in ([] if ledger is None else ledger.park_names):
            self.scope.addItem(name, name)
        i = self.scope.findData(keep)
        self.scope.setCurrentIndex(max(i, 0))
        self.scope.blockSignals(False)
        self._refresh()

    def set_what_if(self, what_if) -> None:
        """Show a :class:`WhatIf` beside the ledger (None clears it)."""
        self.what_if = what_if
        self._refresh()

    def current_park(self) -> str:
        return self.scope.currentData() or ""

    # -- internals --
    def _scope_changed(self, _i) -> None:
        self._refresh()
        self.scopeChanged.emit(self.current_park())

    def _request_what_if(self) -> None:
        if self.current_park():
            self.whatIfRequested.emit(self.current_park(), self.add_kwp.value(), self.battery_kwh.value())

    def _rows(self, ledger):
        park = self.current_park()
        return ledger.park(park) if park else ledger.fleet_monthly()

    def _refresh(self) -> None:
        has = self.ledger is not None and len(self.ledger.monthly) > 0
        for w in (self.preview, self.commit, self.add_kwp, self.battery_kwh):
            w.setEnabled(has and bool(self.current_park()))
        self.clear.setEnabled(self.what_if is not None)
        basis = self.basis.currentData()
        if not has:
            self.summary.setText(self.tr("No ledger yet: it needs consumption data and a simulation run."))
            self.monthly.set_rows(None)
            self.trajectory.set_trajectories(None)
            self.certificates.set_rows(None)
            self.what_if_result.setText("")
            return
        rows = self._rows(self.ledger)
        self.monthly.set_rows(rows, basis)
        self.certificates.editable = bool(self.current_park())   # recorded per park, not for the fleet sum
        self.certificates.set_rows(rows)
        self._show_target()
        self.trajectory.set_trajectories(*self._trajectories(), basis=basis)
        self.summary.setText(self._summary_text(rows))
        self.what_if_result.setText(self._what_if_text())

    def _trajectories(self):
        from solarfleet.models.energy.carbon_targets import TargetError, peak_level, trajectory
        park = self.current_park() or None
        target = self.targets.get(park)
        try:
            base = trajectory(self.ledger, park, target)
            level = None if target is None else peak_level(base, target)   # a what-if does not move the goal
            other = None if self.what_if is None else trajectory(self.what_if.ledger, park, target, None, level)
        except TargetError:
            return None, None
        return base, other

    def _summary_text(self, rows) -> str:
        loc = QLocale()

        def t(col):
            v = rows[col].sum(min_count=1) if not rows[col].isna().any() else float("nan")
            return "–" if v != v else loc.toString(v / 1000.0, "f", 1)
        park = self.current_park()
        source = ""
        if park:
            kind = self.ledger.park(park)["consumption_source"].iloc[0]
            source = " " + (self.tr("Consumption measured, PV modelled.") if kind == "measured"
                            else self.tr("Consumption and PV modelled."))
        text = self.tr("Scope 2: %1 t location-based, %2 t market-based. Avoided by PV (not netted): %3 t on "
                       "site, %4 t exported. Certificates: %5.").replace("%1", t("scope2_location_kg")).replace(
            "%2", t("scope2_market_kg")).replace("%3", t("avoided_self_consumed_kg")).replace(
            "%4", t("avoided_export_kg")).replace("%5", loc.toString(int(np.nansum(rows["certificates_issued"]))))
        notes = self.ledger.monthly["location_factor_note"]
        if park:
            notes = notes[self.ledger.monthly["park"] == park]
        if (notes != "").any():
            text += " " + self.tr("Some months use the nearest published factor year.")
        return text + source

    def _what_if_text(self) -> str:
        w = self.what_if
        if w is None or w.park != self.current_park():
            return ""
        loc = QLocale()
        before = self.ledger.park(w.park)["scope2_location_kg"].sum() / 1000.0
        after = w.ledger.park(w.park)["scope2_location_kg"].sum() / 1000.0
        ss = [w.before.get("self_sufficiency"), w.after.get("self_sufficiency")]
        pct = ["–" if v is None else loc.toString(100 * v, "f", 1) for v in ss]
        certs = [int(np.nansum(x.park(w.park)["certificates_issued"])) for x in (self.ledger, w.ledger)]
        return self.tr("Scope 2: %1 → %2 t. Self-sufficiency: %3 → %4 %. Certificates: %5 → %6.").replace(
            "%1", loc.toString(before, "f", 1)).replace("%2", loc.toString(after, "f", 1)).replace(
            "%3", pct[0]).replace("%4", pct[1]).replace("%5", loc.toString(certs[0])).replace(
            "%6", loc.toString(certs[1]))
