"""The instant estimate of a survey: key figures and monthly yield against consumption."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from solarfleet.widgets.card_grid import place_in_rows
from solarfleet.widgets.plot_style import LOAD_COLOR, PV_COLOR, add_legend, month_name, style_plot
from solarfleet.widgets.survey_form import pack_text

__all__ = ["SurveyEstimatePanel"]


class SurveyEstimatePanel(QWidget):
    """Shows a :class:`solarfleet.models.survey.estimate.SurveyEstimate` (or why there is none)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.estimate = None
        self.values: dict[str, QLabel] = {}
        items = (("annual", self.tr("Annual yield")), ("specific", self.tr("Specific yield")),
                 ("capacity", self.tr("DC capacity")), ("self", self.tr("Self-consumption")),
                 ("load", self.tr("Roof load")), ("weather", self.tr("Weather")))
        self.figures = QWidget(self)
        self.figure_grid = QGridLayout(self.figures)
        self.figure_grid.setContentsMargins(0, 0, 0, 0)
        self.cards = [self._figure(key, label) for key, label in items]
        self.columns = 0
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("estimateStatus")
        self.plot = pg.PlotWidget()
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("Energy [MWh]"))
        item.setMouseEnabled(x=False, y=False)
        # quarters first, the other months where there is room (labels never overlap on a narrow panel)
        item.getAxis("bottom").setTicks([[(m, month_name(m)) for m in (1, 4, 7, 10)],
                                         [(m, month_name(m)) for m in range(1, 13) if m not in (1, 4, 7, 10)]])
        self.legend = add_legend(self.plot, offset=(-10, 10), colCount=2)
        self.pv_bars = pg.BarGraphItem(x=np.arange(1, 13) - 0.18, height=np.zeros(12), width=0.36,
                                       brush=pg.mkBrush(PV_COLOR), pen=pg.mkPen(None))
        self.load_bars = pg.BarGraphItem(x=np.arange(1, 13) + 0.18, height=np.zeros(12), width=0.36,
                                         brush=pg.mkBrush(LOAD_COLOR), pen=pg.mkPen(None))
        item.addItem(self.pv_bars)
        item.addItem(self.load_bars)
        self.legend.addItem(self.pv_bars, self.tr("PV yield"))
        self.legend.addItem(self.load_bars, self.tr("Consumption"))
        self.plot.setMinimumHeight(80)
        self.plot.setMinimumWidth(150)
        figures = QVBoxLayout()
        figures.addWidget(self.figures)
        figures.addWidget(self.status)
        figures.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(figures, 0)
        self.body.addWidget(self.plot, 1)
        self._reflow(self.width())

    def _figure(self, key: str, caption: str) -> QWidget:
        """A card: the figure's name above its value (which wraps), so a long value never clips."""
        card = QWidget(self.figures)
        name = QLabel(caption, card)
        pal = name.palette()
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
        name.setPalette(pal)  # the caption quieter than the figure
        val = QLabel("–", card)
        val.setObjectName(f"estimate_{key}")
        val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        val.setWordWrap(True)
        policy = val.sizePolicy()  # keeps the word wrap's height-for-width
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long value wraps, never widens the panel
        val.setSizePolicy(policy)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(name)
        lay.addWidget(val)
        self.values[key] = val
        return card

    def layout_for(self, width: int) -> tuple[bool, int]:
        """``(beside, columns)`` for a panel ``width`` [px] wide: the figures beside the plot in two columns
        when there is room for both, else above it in as many columns (2 or 3) as fit."""
        em = self.fontMetrics().horizontalAdvance("M")
        if width >= 52 * em:
            return True, 2
        return False, 3 if width >= 36 * em else 2

    def _reflow(self, width: int) -> None:
        beside, columns = self.layout_for(width)
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        self.body.setStretch(0, 1 if beside else 0)
        self.body.setStretch(1, 1)
        if columns == self.columns:
            return
        self.columns = columns
        place_in_rows(self.figure_grid, self.cards, columns, Qt.AlignmentFlag.AlignTop)
        for c in range(3):
            self.figure_grid.setColumnStretch(c, 1 if c < columns else 0)

    def _fit_figures(self) -> None:
        """Ask for the height the wrapped figures need at the width they have: the plot gives way, not they."""
        grid = self.figure_grid
        self.figures.setMinimumHeight(grid.totalHeightForWidth(max(self.figures.width(), 1)))

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reflow(event.size().width())
        QTimer.singleShot(0, self, self._fit_figures)  # once the layout has given the figures their width

    def _source_text(self, ghi) -> tuple[str, str]:
        """``(short, full)``: what the estimate's monthly GHI rests on — a climate pack, the climate table, typed
        values or the documented default — for the narrow figures column and its tooltip."""
        synthetic = self.tr("synthetic year, %1")
        if ghi.source == "pack":
            short = self.tr("climate pack %1, GHI ±%2 %").replace("%1", f"'{ghi.city}'").replace(
                "%2", QLocale().toString(100 * (ghi.uncertainty or 0.0), "f", 0))
            return short, synthetic.replace("%1", pack_text(ghi))
        if ghi.source == "climate":
            text = synthetic.replace("%1", self.tr("climate table (%1)").replace("%1", ghi.city))
            return text, text
        if ghi.source == "typed":
            text = synthetic.replace("%1", self.tr("typed monthly GHI"))
            return text, text
        return (self.tr("rough default (no climate pack or city)"), synthetic.replace("%1", self.tr(
            "documented default 0.62 × clear sky (rough): no climate pack or climate-table city covers this site")))

    def set_busy(self) -> None:
        self.status.setText(self.tr("Updating…"))

    def set_message(self, text: str) -> None:
        """No estimate: say why (form errors, layout refused)."""
        self.status.setText(text)

    def set_estimate(self, est, latency: Optional[float] = None) -> None:
        self.estimate = est
        loc = QLocale()
        v = self.values
        v["annual"].setText(self.tr("%1 MWh").replace("%1", loc.toString(est.annual_energy / 1e6, "f", 1)))
        v["specific"].setText("–" if est.specific_yield is None else
                              self.tr("%1 kWh/kWp").replace("%1", loc.toString(est.specific_yield, "f", 0)))
        v["capacity"].setText(self.tr("%1 kWp, %2 modules").replace("%1", loc.toString(est.dc_capacity / 1e3, "f", 1))
                              .replace("%2", loc.toString(est.modules)))
        v["self"].setText("–" if est.self_consumption is None else
                          loc.toString(100 * est.self_consumption, "f", 0) + " %")
        loads = [lay.load for lay in est.layouts.values() if lay is not None]
        if loads:
            ld = loads[0]
            text = self.tr("%1 kg/m²").replace("%1", loc.toString(ld.load, "f", 1))
            if ld.ok is True:
                text += " – " + self.tr("within the allowed %1 kg/m²").replace("%1", loc.toString(ld.allowed_load,
                                                                                               "f", 0))
            elif ld.ok is False:
                text = "<span style='color:#c0392b'><b>" + text + " – " + self.tr(
                    "exceeds the allowed %1 kg/m²").replace("%1", loc.toString(ld.allowed_load, "f", 0)) + "</b></span>"
            else:
                text += " – " + self.tr("allowed load unknown")
            v["load"].setText(text)
        else:
            v["load"].setText("–")
        short, full = self._source_text(est.ghi)
        v["weather"].setText(short)
        v["weather"].setToolTip(full)
        QTimer.singleShot(0, self, self._fit_figures)
        status = self.tr("Estimate in %1 s").replace("%1", loc.toString(latency if latency is not None else est.seconds,
                                                                       "f", 2))
        self.status.setText(status)
        pv = np.nan_to_num(est.monthly_energy.to_numpy(dtype=float)) / 1e6
        self.pv_bars.setOpts(height=pv)
        top = pv.max() if len(pv) else 0
        if est.monthly_consumption is not None:
            cons = np.nan_to_num(est.monthly_consumption.to_numpy(dtype=float)) / 1e6
            self.load_bars.setOpts(height=cons)
            self.load_bars.show()
            if self.legend.getLabel(self.load_bars) is None:
                self.legend.addItem(self.load_bars, self.tr("Consumption"))
            top = max(top, cons.max())
        else:
            self.load_bars.setOpts(height=np.zeros(12))
            self.load_bars.hide()
            self.legend.removeItem(self.load_bars)
        self.plot.getPlotItem().setXRange(0.4, 12.6, padding=0)
        self.plot.getPlotItem().setYRange(0, max(top * 1.45, 1e-3), padding=0)  # room for the legend
