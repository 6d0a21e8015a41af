"""The Forecast tab: pick a park and horizon, make a forecast (persistence or a file), see it against actuals."""
from __future__ import annotations

from solarfleet.widgets import _pyside_fix  # noqa: F401

from typing import Optional, Sequence

import pandas as pd
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from solarfleet.widgets.forecast_plot import ForecastPlot

__all__ = ["ForecastView"]


class ForecastView(QWidget):
    """Controls and the :class:`ForecastPlot`; holds no model code.

    Signals
    -------
    parkSelected(str park)
    forecastRequested(str park, str horizon, str file)
        ``file`` is '' for a persistence forecast.
    measuredImportRequested(str park, str path)
    """

    parkSelected = Signal(str)
    forecastRequested = Signal(str, str, str)
    measuredImportRequested = Signal(str, str)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("ForecastView")
        self.park = QComboBox(self)
        self.horizon = QComboBox(self)
        self.horizon.addItem(self.tr("Day ahead"), "day")
        self.horizon.addItem(self.tr("Week ahead"), "week")
        self.persist = QPushButton(self.tr("Make a forecast"), self)
        self.persist.setToolTip(self.tr("From the park's recent measurements; without any, from clear sky × the "
                                        "park's typical clear-sky index of the month (modelled)"))
        self.from_file = QPushButton(self.tr("Forecast from a file…"), self)
        self.measured = QPushButton(self.tr("Import measured AC…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.plot = ForecastPlot(self)
        self.park.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.park.setMinimumContentsLength(14)
        row, row2 = QHBoxLayout(), QHBoxLayout()  # two rows: fits a 1366 px laptop beside the docks
        for w in (QLabel(self.tr("Park"), self), self.park, self.horizon):
            row.addWidget(w)
        row.addStretch(1)
        for w in (self.persist, self.from_file, self.measured):
            row2.addWidget(w)
        row2.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addLayout(row2)
        lay.addWidget(self.status)
        lay.addWidget(self.plot, 1)
        self.park.currentIndexChanged.connect(lambda _: self.parkSelected.emit(self.current_park()))
        self.persist.clicked.connect(lambda: self.forecastRequested.emit(self.current_park(), self.current_horizon(), ""))
        self.from_file.clicked.connect(self._pick_forecast_file)
        self.measured.clicked.connect(self._pick_measured_file)

    def plots(self):
        return self.plot.plots()

    def current_park(self) -> str:
        return self.park.currentText()

    def current_horizon(self) -> str:
        return self.horizon.currentData()

    def set_current_park(self, name: str) -> None:
        """Select ``name`` (emits parkSelected when it changes)."""
        i = self.park.findText(name)
        if i >= 0:
            self.park.setCurrentIndex(i)

    def set_parks(self, names: Sequence[str]) -> None:
        current = self.current_park()
        self.park.blockSignals(True)
        self.park.clear()
        self.park.addItems(list(names))
        i = self.park.findText(current)
        self.park.setCurrentIndex(i if i >= 0 else 0)
        self.park.blockSignals(False)
        enabled = self.park.count() > 0
        for b in (self.persist, self.from_file, self.measured):
            b.setEnabled(enabled)

    def set_busy(self, busy: bool) -> None:
        for b in (self.persist, self.from_file, self.measured, self.park, self.horizon):
            b.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Working…"))

    def show_forecast(self, frame: Optional[pd.DataFrame], errors: dict, tz: str, meta: dict) -> None:
        """Show a stored forecast (``frame`` from :func:`solarfleet.models.studies.forecast.forecast_vs_actual`)."""
        self.plot.set_data(frame, errors, tz)
        if frame is None:
            self.status.setText(self.tr("No forecast stored for this park yet. Press “Make a forecast”."))
            return
        method = {"persistence": self.tr("recent measurements"), "file": self.tr("forecast file"),
                  "typical": self.tr("no measurements yet: clear sky × the park's typical clear-sky index %1 "
                                     "for this month, from the modelled typical year")
                  .replace("%1", QLocale().toString(float(meta.get("clearsky_index", float("nan"))), "f", 2))
                  }.get(meta.get("method"), str(meta.get("method", "")))
        n, q10, q90 = meta.get("error_samples", 0), meta.get("k_q10", 0.0), meta.get("k_q90", 0.0)
        if meta.get("method") == "typical":
            bands = self.tr("the spread of the typical year's hourly clear-sky index (climate, not forecast skill)")
        elif n >= 48:  # solarfleet.models.studies.forecast.MIN_ERROR_SAMPLES
            bands = self.tr("quantiles of the park's own errors over %1 daylight hours").replace("%1", str(n))
        else:
            bands = self.tr("default spread of the clear-sky index %1/%2 (too few of the park's own errors)") \
                .replace("%1", f"{q10:+.2f}").replace("%2", f"{q90:+.2f}")
        self.status.setText(self.tr("Forecast made %1 from %2. Bands: %3.")
                            .replace("%1", self._issued(meta.get("issued_utc"), tz)).replace("%2", method)
                            .replace("%3", bands))

    @staticmethod
    def _issued(iso, tz: str) -> str:
        """The issue time in the park's local time, to the minute, in the user's locale."""
        if not iso:
            return "—"
        t = pd.Timestamp(iso).tz_convert(tz)
        dt = QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))
        return QLocale().toString(dt, QLocale.FormatType.ShortFormat)

    def error_text(self, exc: BaseException) -> str:
        """A person's sentence for why a forecast or import failed, in the user's language."""
        code = getattr(exc, "code", "")
        values = getattr(exc, "values", {})
        if code == "no_run":
            return self.tr("%1 has not been simulated yet, so there is no typical year to forecast from. "
                           "Run the fleet (F5) first.").replace("%1", str(values.get("park", "")))
        if code == "no_measured":
            return self.tr("There are no measurements from %1 in daylight recently. Import measured AC or "
                           "record live data.").replace("%1", str(values.get("park", "")))
        if code == "file_window":
            return self.tr("The forecast file does not cover the coming day or week. Choose a newer file.")
        if type(exc).__name__ == "ForecastFileError":
            return self.tr("This file cannot be read as a forecast or measured AC: %1").replace("%1", str(exc))
        return self.tr("The forecast could not be made: %1").replace("%1", str(exc))

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def _pick_forecast_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Forecast file"), "", self.tr("CSV files (*.csv)"))
        if path:
            self.forecastRequested.emit(self.current_park(), self.current_horizon(), path)

    def _pick_measured_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Measured AC (time, ac [kW])"), "",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.measuredImportRequested.emit(self.current_park(), path)
