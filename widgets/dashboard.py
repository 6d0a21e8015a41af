"""Dashboard of the selection: KPI cards with a 'stale' badge, and the loss waterfall."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from solarfleet.widgets.loss_labels import loss_label
from solarfleet.widgets.plot_style import ThrottledPlot, is_cjk, style_plot

__all__ = ["Kpis", "KpiCard", "Dashboard", "LossWaterfall", "loss_label"]


@dataclass(frozen=True)
class Kpis:
    """Key figures of a fleet, park, roof or array. ``None`` means unknown (shown as —, never as 0).

    Parameters
    ----------
    dc_capacity : float
        DC nameplate [W].
    annual_energy : float, optional
        AC energy of the result year [Wh].
    specific_yield : float, optional
        [kWh/kWp].
    performance_ratio : float, optional
        [-].
    self_consumption : float, optional
        Share of PV used on site [-].
    self_sufficiency : float, optional
        Share of consumption covered by PV [-].
    savings : float, optional
        Electricity bill saved [CNY].
    co2_avoided : float, optional
        [kg].
    stale : bool
        Inputs changed since the result was computed.
    """

    dc_capacity: Optional[float] = None
    annual_energy: Optional[float] = None
    specific_yield: Optional[float] = None
    performance_ratio: Optional[float] = None
    self_consumption: Optional[float] = None
    self_sufficiency: Optional[float] = None
    savings: Optional[float] = None
    savings_example: bool = False  #: the savings come from an example tariff, not the park's contract
    co2_avoided: Optional[float] = None
    stale: bool = False


class KpiCard(QFrame):
    """One figure: a caption, a big number and a unit."""

    def __init__(self, key: str, caption: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption, self)
        self.value = QLabel("—", self)
        self.value.setObjectName("kpiValue")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 1.8)
        f.setBold(True)
        self.value.setFont(f)
        self.unit = QLabel("", self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        row = QHBoxLayout()
        row.addWidget(self.value)
        row.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        lay.addLayout(row)

    def set_value(self, text: str, unit: str) -> None:
        self.value.setText(text)
        self.unit.setText("" if text == "—" else unit)


class LossWaterfall(ThrottledPlot):
    """Waterfall from the nominal energy down to AC output.

    Feed :meth:`set_losses` an ordered mapping: the first item is the starting energy, every
    further item an energy lost [Wh] (positive = loss). The last bar (AC output) is the remainder.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps: list[tuple[str, float]] = []
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=False, alpha=0.15)
        item.getAxis("bottom").enableAutoSIPrefix(False)
        item.setLabel("bottom", self.tr("Energy [MWh]"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        item.addItem(self.bars)
        self.empty = QLabel(self.tr("Loss breakdown appears with the first result."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.empty)
        lay.addWidget(self.plot, 1)
        self.redraw()

    def plots(self):
        return [self.plot]

    def set_losses(self, losses: Optional[Mapping[str, float]], empty_text: Optional[str] = None) -> None:
        """Show ``losses`` [Wh]; without any, show ``empty_text`` (default: they come with the first result)."""
        self.steps = list((losses or {}).items())
        self.empty.setText(empty_text or self.tr("Loss breakdown appears with the first result."))
        self.schedule()

    def bar_geometry(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """(labels, starts, lengths) of the bars [Wh], top to bottom; the last bar is the AC output.

        Steps of zero energy are left out; an ``"ac"`` step, if given, is the output itself, not a loss.
        """
        if not self.steps:
            return [], np.array([]), np.array([])
        (start_code, start), rest = self.steps[0], self.steps[1:]
        labels, x0, w = [loss_label(start_code)], [0.0], [start]
        level = start
        for code, lost in rest:
            if code == "ac" or not lost:
                continue
            labels.append(loss_label(code))
            level -= lost
            x0.append(level)
            w.append(lost)
        labels.append(loss_label("ac"))
        x0.append(0.0)
        w.append(level)
        return labels, np.array(x0), np.array(w)

    def redraw(self) -> None:
        labels, x0, w = self.bar_geometry()
        self.empty.setVisible(not labels)
        self.plot.setVisible(bool(labels))
        if not labels:
            return
        # horizontal bars, first step on top: long translated labels stay readable
        y = -np.arange(len(labels), dtype=float)
        colors = [QColor("#3b82f6")] + [QColor("#ef4444")] * (len(labels) - 2) + [QColor("#22c55e")]
        self.bars.setOpts(x0=x0 / 1e6, width=w / 1e6, y=y, height=0.7, brushes=colors,
                          pens=[pg.mkPen(None)] * len(y))
        total = float((x0 + w).max()) or 1.0
        ticks = []
        for i, lab in enumerate(labels):
            share = "" if i in (0, len(labels) - 1) else f"  −{100 * w[i] / w[0]:.1f} %"
            ticks.append((y[i], lab + share))
        item = self.plot.getPlotItem()
        item.getAxis("left").setTicks([ticks])
        item.getAxis("left").setStyle(tickTextOffset=6, hideOverlappingLabels=False)
        item.setYRange(y[-1] - 0.6, 0.6, padding=0)
        item.setXRange(0, total / 1e6 * 1.03, padding=0)


class Dashboard(QWidget):
    """KPI cards of the selection over its loss waterfall."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("dashboardTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.stale_badge = QLabel(self.tr("Stale: inputs changed since the last run"), self)
        self.stale_badge.setObjectName("staleBadge")
        self.stale_badge.setStyleSheet("QLabel#staleBadge { background: #f59e0b; color: black; "
                                       "border-radius: 6px; padding: 2px 8px; }")
        self.stale_badge.hide()
        captions = {
            "dc_capacity": self.tr("Installed capacity"), "annual_energy": self.tr("Annual yield"),
            "specific_yield": self.tr("Specific yield"), "performance_ratio": self.tr("Performance ratio"),
            "self_consumption": self.tr("Self-consumption"), "self_sufficiency": self.tr("Self-sufficiency"),
            "savings": self.tr("Savings"), "co2_avoided": self.tr("CO₂ avoided")}
        self.cards = {k: KpiCard(k, captions[k], self) for k in captions}
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 4, i % 4)
        self.waterfall = LossWaterfall(self)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.stale_badge)
        head.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(grid)
        lay.addWidget(QLabel(self.tr("Loss waterfall"), self))
        lay.addWidget(self.waterfall, 1)
        self.kpis = Kpis()
        self.set_kpis(self.kpis)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def set_kpis(self, kpis: Kpis) -> None:
        """Show ``kpis``; unknown figures show as —."""
        self.kpis = kpis
        loc = QLocale()

        def num(v, digits):
            return "—" if v is None or not np.isfinite(v) else loc.toString(float(v), "f", digits)

        def scaled(v, divisor, digits):
            return num(None if v is None else v / divisor, digits)
        k = kpis
        self.cards["dc_capacity"].set_value(scaled(k.dc_capacity, 1e3, 0), "kWp")
        self.cards["annual_energy"].set_value(scaled(k.annual_energy, 1e6, 1), "MWh")
        self.cards["specific_yield"].set_value(num(k.specific_yield, 0), "kWh/kWp")
        self.cards["performance_ratio"].set_value(scaled(k.performance_ratio, 0.01, 1), "%")
        self.cards["self_consumption"].set_value(scaled(k.self_consumption, 0.01, 1), "%")
        self.cards["self_sufficiency"].set_value(scaled(k.self_sufficiency, 0.01, 1), "%")
        if k.savings is not None and abs(k.savings) >= 1e5:  # 万元 in Chinese and Japanese, thousands elsewhere
            cjk = is_cjk(loc)
            self.cards["savings"].set_value(scaled(k.savings, 1e4 if cjk else 1e3, 1),
                                            self.tr("10k CNY") if cjk else self.tr("k CNY"))
        else:
            self.cards["savings"].set_value(num(k.savings, 0), self.tr("CNY"))
        self.cards["co2_avoided"].set_value(scaled(k.co2_avoided, 1e3, 0), "t")
        card = self.cards["savings"]
        card.caption.setText(self.tr("Savings (example tariff)") if k.savings_example else self.tr("Savings"))
        card.setToolTip(self.tr("Computed with the shipped EXAMPLE tariff, not your contract: set the park's "
                                "tariff under Tariff and battery.") if k.savings_example else "")
        self.stale_badge.setVisible(bool(k.stale))

    def set_losses(self, losses: Optional[Mapping[str, float]], empty_text: Optional[str] = None) -> None:
        self.waterfall.set_losses(losses, empty_text)
