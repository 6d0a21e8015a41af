"""The device detail view: what a technician looks at first when yield is low.

Takes a :class:`~solarfleet.models.live.reading.DeviceStatus` (its ``info`` names the units and their roles,
its ``details`` holds each unit's quantities of the last read — see
:mod:`solarfleet.models.live.sunspec_units`) and shows, for the chosen unit, AC voltage, current and power
per phase with frequency and power factor, DC voltage, current and power per MPPT tracker (trackers
under-performing their siblings marked), temperatures, the operating state and the decoded event bits
— all translated — and the stored history over a chosen span (day, week, month, year): the snapshots'
values inside their retention window, the hourly mean with its min–max band beyond
(:func:`solarfleet.models.store.live_detail_chart`). It never talks to a device or the store: the live view
feeds it, and it asks for another span with :attr:`DeviceDetailView.spanChanged`.
"""

from __future__ import annotations

import math
from typing import Optional

import pandas as pd
import pyqtgraph as pg

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from solarfleet.models.live.sunspec_units import device_faults, weak_trackers
from solarfleet.widgets.live_tables import state_text
from solarfleet.widgets.plot_time import to_plot_seconds

__all__ = ["DeviceDetailView", "event_text", "role_text", "AcTableModel", "MpptTableModel", "stored_trend",
           "chart_trend", "HISTORY_SPANS"]

#: History spans the detail view offers: key → length [days].
HISTORY_SPANS = {"day": 1, "week": 7, "month": 30, "year": 365}

_FAULT_BG = QColor(255, 205, 205)


def role_text(code: Optional[str]) -> str:
    """Translated role of a unit (:data:`solarfleet.models.live.sunspec_units.ROLES`)."""
    names = {
        "pv_inverter": QCoreApplication.translate("DeviceDetail", "PV inverter"),
        "production_meter": QCoreApplication.translate("DeviceDetail", "production meter"),
        "grid_meter": QCoreApplication.translate("DeviceDetail", "grid meter"),
        "load_meter": QCoreApplication.translate("DeviceDetail", "load meter"),
        "battery": QCoreApplication.translate("DeviceDetail", "battery"),
        "ignore": QCoreApplication.translate("DeviceDetail", "ignored"),
    }
    return names.get(code, code or "—")


def event_text(code: str) -> str:
    """Translated event or fault code (SunSpec event bits, ``fault``, ``weak_tracker:<label>``)."""
    if code.startswith("weak_tracker:"):
        return QCoreApplication.translate("DeviceDetail", "string %1 under-performs its siblings").replace(
            "%1", code.split(":", 1)[1]
        )
    names = {
        "fault": QCoreApplication.translate("DeviceDetail", "device in fault"),
        "ground_fault": QCoreApplication.translate("DeviceDetail", "ground fault"),
        "dc_over_volt": QCoreApplication.translate("DeviceDetail", "DC over-voltage"),
        "ac_disconnect": QCoreApplication.translate("DeviceDetail", "AC disconnected"),
        "dc_disconnect": QCoreApplication.translate("DeviceDetail", "DC disconnected"),
        "grid_disconnect": QCoreApplication.translate("DeviceDetail", "grid disconnected"),
        "cabinet_open": QCoreApplication.translate("DeviceDetail", "cabinet open"),
        "manual_shutdown": QCoreApplication.translate("DeviceDetail", "manual shutdown"),
        "over_temp": QCoreApplication.translate("DeviceDetail", "over-temperature"),
        "over_frequency": QCoreApplication.translate("DeviceDetail", "over-frequency"),
        "under_frequency": QCoreApplication.translate("DeviceDetail", "under-frequency"),
        "ac_over_volt": QCoreApplication.translate("DeviceDetail", "AC over-voltage"),
        "ac_under_volt": QCoreApplication.translate("DeviceDetail", "AC under-voltage"),
        "blown_string_fuse": QCoreApplication.translate("DeviceDetail", "blown string fuse"),
        "under_temp": QCoreApplication.translate("DeviceDetail", "under-temperature"),
        "memory_loss": QCoreApplication.translate("DeviceDetail", "memory loss"),
        "hw_test_failure": QCoreApplication.translate("DeviceDetail", "hardware test failure"),
        "manufacturer_alarm": QCoreApplication.translate("DeviceDetail", "manufacturer alarm"),
        "power_failure": QCoreApplication.translate("DeviceDetail", "power failure"),
        "under_voltage": QCoreApplication.translate("DeviceDetail", "under-voltage"),
        "low_pf": QCoreApplication.translate("DeviceDetail", "low power factor"),
        "over_current": QCoreApplication.translate("DeviceDetail", "over-current"),
        "over_voltage": QCoreApplication.translate("DeviceDetail", "over-voltage"),
        "missing_sensor": QCoreApplication.translate("DeviceDetail", "missing sensor"),
        "input_over_voltage": QCoreApplication.translate("DeviceDetail", "input over-voltage"),
        "blown_fuse": QCoreApplication.translate("DeviceDetail", "blown fuse"),
        "arc_detection": QCoreApplication.translate("DeviceDetail", "arc detected"),
        "test_failed": QCoreApplication.translate("DeviceDetail", "test failed"),
        "input_under_voltage": QCoreApplication.translate("DeviceDetail", "input under-voltage"),
        "input_over_current": QCoreApplication.translate("DeviceDetail", "input over-current"),
        "fan_failure": QCoreApplication.translate("DeviceDetail", "fan failure"),
        "ac_voltage_failure": QCoreApplication.translate("DeviceDetail", "grid voltage out of range"),
        "ac_frequency_failure": QCoreApplication.translate("DeviceDetail", "grid frequency out of range"),
        "isolation_failure": QCoreApplication.translate("DeviceDetail", "insulation resistance low"),
        "dc_injection_high": QCoreApplication.translate("DeviceDetail", "DC injection high"),
        "relay_check_failure": QCoreApplication.translate("DeviceDetail", "relay check failed"),
        "internal_comm_failure": QCoreApplication.translate("DeviceDetail", "internal communication failure"),
    }
    return names.get(code, code)


def _num(v, digits: int, scale: float = 1.0) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return QLocale().toString(float(v) * scale, "f", digits)


class AcTableModel(QAbstractTableModel):
    """AC quantities of one unit: rows voltage, current, power; columns L1, L2, L3, total."""

    ROWS = (("voltage", 1, 1.0), ("current", 1, 1.0), ("power", 2, 1e-3))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: dict = {}

    def set_values(self, values: dict) -> None:
        self.beginResetModel()
        self.values = dict(values or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ROWS)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return ("L1", "L2", "L3", QCoreApplication.translate("DeviceDetail", "Total"))[section]
        return (
            QCoreApplication.translate("DeviceDetail", "Voltage [V]"),
            QCoreApplication.translate("DeviceDetail", "Current [A]"),
            QCoreApplication.translate("DeviceDetail", "Power [kW]"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name, digits, scale = self.ROWS[index.row()]
        v = self.values
        if index.column() < 3:
            phase = "abc"[index.column()]
            return _num(v.get(f"{name}_{phase}"), digits, scale)
        total = {"voltage": None, "current": v.get("current"), "power": v.get("ac_power")}[name]
        return _num(total, digits, scale)


class MpptTableModel(QAbstractTableModel):
    """DC per MPPT tracker: voltage, current, power, state; under-performing trackers marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trackers: list = []
        self.weak: set = set()

    def set_trackers(self, trackers) -> None:
        self.beginResetModel()
        self.trackers = list(trackers or ())
        self.weak = {t["label"] for t in weak_trackers(self.trackers)}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.trackers)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate("DeviceDetail", "String"),
            QCoreApplication.translate("DeviceDetail", "Voltage [V]"),
            QCoreApplication.translate("DeviceDetail", "Current [A]"),
            QCoreApplication.translate("DeviceDetail", "Power [kW]"),
            QCoreApplication.translate("DeviceDetail", "State"),
            QCoreApplication.translate("DeviceDetail", "Note"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.trackers[index.row()]
        weak = t["label"] in self.weak or bool(t.get("events"))
        if role == Qt.ItemDataRole.BackgroundRole and weak:
            return _FAULT_BG
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        c = index.column()
        if c == 0:
            return t["label"]
        if c == 1:
            return _num(t.get("dc_voltage"), 1)
        if c == 2:
            return _num(t.get("dc_current"), 2)
        if c == 3:
            return _num(t.get("dc_power"), 2, 1e-3)
        if c == 4:
            return state_text(t.get("state"))
        notes = [event_text(e) for e in t.get("events", ())]
        if t["label"] in self.weak:
            notes.insert(0, QCoreApplication.translate("DeviceDetail", "under-performs its siblings"))
        return "; ".join(notes)


def stored_trend(snapshots) -> tuple:
    """What the stored-history chart draws: ``(kind, {label: (timestamps, values)})``.

    ``kind`` is ``"dc_current"`` (one line per MPPT tracker [A]) when the snapshots carry trackers,
    else ``"ac_power"`` (one line per inverter or meter unit [kW]); ``snapshots`` are
    ``(timestamp, details)`` as :func:`solarfleet.models.store.live_details` returns them. A missing
    value stays missing (NaN breaks the line), never 0.
    """
    trackers = any(v.get("mppt") for _, d in snapshots for v in d.values())
    lines: dict = {}
    for ts, details in snapshots:
        for unit, v in details.items():
            if trackers:
                points = [(t.get("label") or f"#{i + 1}", t.get("dc_current")) for i, t in enumerate(v.get("mppt", ()))]
            elif v.get("kind") != "mppt" and "ac_power" in v:
                points = [(unit, None if v["ac_power"] is None else v["ac_power"] / 1000.0)]
            else:
                points = []
            for label, value in points:
                xs, ys = lines.setdefault(label, ([], []))
                xs.append(ts)
                ys.append(math.nan if value is None else float(value))
    return ("dc_current" if trackers else "ac_power"), lines


def chart_trend(chart: pd.DataFrame) -> tuple:
    """What the history chart draws from :func:`solarfleet.models.store.live_detail_chart`:
    ``(kind, {label: (timestamps, mean, min, max)})``.

    ``kind`` as :func:`stored_trend`: DC current per tracker [A] when the device has trackers, else AC
    power per unit [kW]. Missing stays NaN (the line breaks), never 0.
    """
    if chart is None or chart.empty:
        return "ac_power", {}
    names = list(chart["mean"].columns)
    dc = [n for n in names if n.count("/") == 2 and n.endswith("/dc_current")]
    if dc:
        picked, scale, kind = {n.split("/")[1]: n for n in dc}, 1.0, "dc_current"
    else:
        picked = {n.split("/")[0]: n for n in names if n.count("/") == 1 and n.endswith("/ac_power")}
        scale, kind = 1e-3, "ac_power"
    lines = {label: (chart.index, *(chart[stat][name].to_numpy(dtype=float) * scale for stat in ("mean", "min", "max")))
             for label, name in picked.items()}
    return kind, lines


class DeviceDetailView(QWidget):
    """Details of one device: pick a unit, see its AC, DC per MPPT, temperatures, state and events.

    Signals
    -------
    spanChanged(str)
        The user chose another history span (a key of :data:`HISTORY_SPANS`): feed :meth:`set_stored` again.
    """

    spanChanged = Signal(str)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.device_id: Optional[str] = None
        self.status = None
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.unit = QComboBox(self)
        self.unit.setObjectName("detailUnit")
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit.activated.connect(lambda _i: self._show())
        self.state = QLabel(self)
        self.state.setObjectName("detailState")
        self.ac = AcTableModel(self)
        self.ac_table = self._table(self.ac, "detailAc")
        self.extra = QLabel(self)
        self.extra.setObjectName("detailExtra")
        self.extra.setWordWrap(True)
        self.mppt = MpptTableModel(self)
        self.mppt_table = self._table(self.mppt, "detailMppt")
        mh = self.mppt_table.horizontalHeader()
        mh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        mh.setStretchLastSection(True)  # the note (events, under-performance) takes what is left
        self.faults = QLabel(self)
        self.faults.setObjectName("detailFaults")
        self.faults.setWordWrap(True)
        self.faults.setStyleSheet("color: #b00020;")
        self.stored: list = []          # (timestamp, details) of the device shown, newest last
        self.stored_device: Optional[str] = None
        self.tz = "UTC"
        self.trend_title = QLabel(self)
        self.trend_title.setObjectName("detailTrendTitle")
        from solarfleet.widgets.plot_style import LocaleDateAxis
        self.trend = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis()})
        self.trend.setObjectName("detailTrend")
        self.trend.setBackground("w")
        self.trend.setMinimumHeight(120)
        self.trend.addLegend(offset=(-5, 5), labelTextSize="7pt", brush=(255, 255, 255, 210))
        self.trend.showGrid(x=True, y=True, alpha=0.2)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(QCoreApplication.translate("DeviceDetail", "Unit:"), self))
        head.addWidget(self.unit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.state)
        lay.addWidget(self.faults)
        lay.addWidget(self.ac_table)
        self._fit_height(self.ac_table)
        lay.addWidget(self.extra)
        self.chart: Optional[pd.DataFrame] = None   # live_detail_chart of the device shown, if given
        self.span_box = QComboBox(self)
        self.span_box.setObjectName("detailSpan")
        for key, text in (("day", QCoreApplication.translate("DeviceDetail", "Day")),
                          ("week", QCoreApplication.translate("DeviceDetail", "Week")),
                          ("month", QCoreApplication.translate("DeviceDetail", "Month")),
                          ("year", QCoreApplication.translate("DeviceDetail", "Year"))):
            self.span_box.addItem(text, key)
        self.span_box.activated.connect(lambda _i: self.spanChanged.emit(self.span))
        history = QWidget(self)
        hl = QVBoxLayout(history)
        hl.setContentsMargins(2, 2, 2, 2)
        top = QHBoxLayout()
        top.addWidget(self.trend_title, 1)
        top.addWidget(self.span_box)
        hl.addLayout(top)
        hl.addWidget(self.trend, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.mppt_table, QCoreApplication.translate("DeviceDetail", "Strings now"))
        self.tabs.addTab(history, QCoreApplication.translate("DeviceDetail", "Stored history"))
        lay.addWidget(self.tabs, 1)
        self._draw_trend()
        self.set_status(None, None)

    def _table(self, model, name) -> QTableView:
        t = QTableView(self)
        t.setObjectName(name)
        t.setModel(model)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        t.setWordWrap(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return t

    @staticmethod
    def _fit_height(table: QTableView) -> None:
        """A table just tall enough for its rows (three AC rows never need a scroll bar)."""
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.model().rowCount()))
        table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth())
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_status(self, device_id: Optional[str], status) -> None:
        """Show ``status`` (a DeviceStatus, or None) of ``device_id``; keeps the chosen unit if it is still there."""
        changed = device_id != self.device_id
        self.device_id, self.status = device_id, status
        if changed:
            self._draw_trend()
        details = self._details()
        keep = self.unit.currentData()
        roles = {u["key"]: u.get("role") for u in (status.info.get("units", ()) if status is not None else ())}
        self.unit.blockSignals(True)
        self.unit.clear()
        for key, v in details.items():
            role = roles.get(key)
            model = v.get("model_id", "")
            model = int(model) if isinstance(model, float) and model.is_integer() else model  # stored as float32
            label = f"{model} @{key.split('@')[-1]}" if "@" in key else key
            self.unit.addItem(f"{label} · {role_text(role)}" if role else label, key)
        i = self.unit.findData(keep)
        self.unit.setCurrentIndex(i if i >= 0 else 0)
        self.unit.blockSignals(False)
        self.unit.setEnabled(self.unit.count() > 1)
        info = {} if status is None else status.info
        if device_id is None:
            self.title.setText(QCoreApplication.translate("DeviceDetail", "Select a device to see its details"))
        else:
            made = " ".join(str(info[k]) for k in ("manufacturer", "model", "serial") if info.get(k))
            title = f"{device_id} — {made}" if made else device_id
            if self._showing_stored():
                when = pd.Timestamp(self.stored[-1][0]).tz_convert(self.tz).strftime("%Y-%m-%d %H:%M")
                title += " · " + QCoreApplication.translate("DeviceDetail", "stored %1 (not live)").replace("%1", when)
            self.title.setText(title)
        faults = device_faults(details)
        self.faults.setText("; ".join(f"{event_text(code)}" for _, code in faults))
        self.faults.setVisible(bool(faults))
        self._show()

    def _showing_stored(self) -> bool:
        live = None if self.status is None else self.status.details
        return not live and bool(self.stored) and self.stored_device == self.device_id

    def _details(self) -> dict:
        """The live details of the device, else (not polled yet, or offline) its newest stored snapshot."""
        if self._showing_stored():
            return self.stored[-1][1]
        return {} if self.status is None else (self.status.details or {})

    @property
    def span(self) -> str:
        """The chosen history span (a key of :data:`HISTORY_SPANS`)."""
        return self.span_box.currentData()

    def span_days(self) -> int:
        """Length of the chosen history span [days]."""
        return HISTORY_SPANS[self.span]

    def set_stored(self, device_id: Optional[str], snapshots, tz: str = "UTC",
                   chart: Optional[pd.DataFrame] = None) -> None:
        """Stored snapshots ``[(timestamp, details), …]`` of ``device_id``, oldest first (the newest is shown when
        no live status is there) and, optionally, its history over the chosen span (a
        :func:`solarfleet.models.store.live_detail_chart`); without ``chart`` the snapshots are drawn."""
        self.stored, self.stored_device, self.tz, self.chart = list(snapshots), device_id, tz, chart
        self._draw_trend()
        if self.device_id == device_id:
            self.set_status(self.device_id, self.status)

    def _fit_tabs(self) -> None:
        """Tabs only when there is something to show; the strings first when both are there."""
        shown = [i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)]
        self.tabs.setVisible(bool(shown))
        if shown and self.tabs.currentIndex() not in shown:
            self.tabs.setCurrentIndex(shown[0])

    def _draw_trend(self) -> None:
        self.trend.clear()
        mine = self.stored_device == self.device_id
        if mine and self.chart is not None:
            kind, lines = chart_trend(self.chart)
            hourly = self.chart.attrs.get("resolution") == "hour"
        else:
            kind, lines = stored_trend(self.stored if mine else [])
            lines = {label: (xs, ys, None, None) for label, (xs, ys) in lines.items()}
            hourly = False
        self.tabs.setTabVisible(1, bool(lines) or (mine and self.chart is not None))
        self._fit_tabs()
        title = (QCoreApplication.translate("DeviceDetail", "Stored DC current per string [A]") if kind == "dc_current"
                 else QCoreApplication.translate("DeviceDetail", "Stored AC power [kW]"))
        if hourly:
            title += " · " + QCoreApplication.translate("DeviceDetail", "hourly mean, band: min–max")
        self.trend_title.setText(title if lines else QCoreApplication.translate("DeviceDetail", "Nothing stored in this span"))
        for i, (label, (xs, ys, lo, hi)) in enumerate(lines.items()):
            x = to_plot_seconds(pd.DatetimeIndex(xs), self.tz)
            color = pg.intColor(i, hues=max(len(lines), 4))
            if hourly:
                self._band(x, lo, hi, color)
            self.trend.plot(x, ys, name=str(label), pen=pg.mkPen(color, width=1.5), connect="finite")

    def _band(self, x, lo, hi, color) -> None:
        """A translucent min–max band (hourly roll-ups); gaps stay gaps."""
        fill = pg.mkColor(color)
        fill.setAlpha(60)
        low = self.trend.plot(x, lo, pen=None, connect="finite")
        high = self.trend.plot(x, hi, pen=None, connect="finite")
        self.trend.addItem(pg.FillBetweenItem(low, high, brush=fill), ignoreBounds=True)  # its path bounds hold 0

    def _show(self) -> None:
        details = self._details()
        key = self.unit.currentData()
        v = details.get(key, {})
        # an MPPT unit carries no AC: show the inverter's AC beside its trackers
        ac = v if v.get("kind") != "mppt" else next((d for d in details.values() if d.get("kind") == "inverter"), {})
        trackers = v.get("mppt") or next((d["mppt"] for d in details.values() if d.get("mppt")), [])
        self.ac.set_values(ac)
        self.mppt.set_trackers(trackers)
        self.tabs.setTabVisible(0, bool(trackers))
        self._fit_tabs()
        self.state.setText(
            QCoreApplication.translate("DeviceDetail", "State: %1").replace(
                "%1", state_text(ac.get("state", v.get("state")))
            )
            if v
            else ""
        )
        loc = QLocale()
        parts = []
        if ac.get("frequency") is not None:
            parts.append(
                QCoreApplication.translate("DeviceDetail", "Frequency %1 Hz").replace(
                    "%1", loc.toString(float(ac["frequency"]), "f", 2)
                )
            )
        if ac.get("power_factor") is not None:
            parts.append(
                QCoreApplication.translate("DeviceDetail", "Power factor %1").replace(
                    "%1", loc.toString(float(ac["power_factor"]), "f", 3)
                )
            )
        if ac.get("dc_power") is not None:
            parts.append(
                QCoreApplication.translate("DeviceDetail", "DC %1 kW at %2 V")
                .replace("%1", _num(ac["dc_power"], 2, 1e-3))
                .replace("%2", _num(ac.get("dc_voltage"), 1))
            )
        for name, text in (
            ("temp_cabinet", QCoreApplication.translate("DeviceDetail", "cabinet")),
            ("temp_heatsink", QCoreApplication.translate("DeviceDetail", "heat sink")),
            ("temp_transformer", QCoreApplication.translate("DeviceDetail", "transformer")),
            ("temp_other", QCoreApplication.translate("DeviceDetail", "other")),
        ):
            if ac.get(name) is not None:
                parts.append(f"{text} {loc.toString(float(ac[name]), 'f', 1)} °C")
        self.extra.setText(" · ".join(parts))
