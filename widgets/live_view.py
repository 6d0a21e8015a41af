"""The live view: PV and consumption as they arrive, the model's expectation, devices and alarms.

It takes plain inputs and emits signals; it never touches SQLite or threads:

* :meth:`LiveView.set_history` — stored readings (a :func:`solarfleet.models.store.live_history` DataFrame)
  and alarm rows, to fill the chart after a restart;
* :meth:`LiveView.set_expected` — the modelled site PV [W] (tz-aware Series), drawn dashed;
* :meth:`LiveView.apply_update` — a :class:`solarfleet.models.live.session.LiveUpdate` (or any object with
  ``readings``, ``statuses``, ``timestamp``, ``pv_power``, ``load_power``, ``expected_pv``,
  ``ratio``, ``self_consumption``, ``alarms``, ``stored``), typically every 500 ms.

The chart shows the park's local calendar day of the newest reading (wall-clock time of the
park); a new day starts an empty chart and resets today's energy.
"""
from __future__ import annotations

import math
import time
from typing import Optional

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFileDialog, QGridLayout, QHBoxLayout,
                               QFrame, QHeaderView, QLabel, QPushButton, QScrollArea, QSizePolicy, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from solarfleet.models.live.metrics import site_power

from solarfleet.widgets.card_grid import CardGrid
from solarfleet.widgets.dashboard import KpiCard
from solarfleet.widgets.live_device_detail import DeviceDetailView
from solarfleet.widgets.live_tables import AlarmLogModel, AlarmRow, DeviceStatusModel
from solarfleet.widgets.plot_style import LOAD_COLOR, PV_COLOR, LocaleDateAxis, ThrottledPlot, add_legend, style_plot
from solarfleet.widgets.plot_time import to_plot_seconds

__all__ = ["LiveView", "SOURCE_KINDS", "REPLAY_SPEEDS"]

#: Source kinds the chooser offers (the controller builds them).
SOURCE_KINDS = ("replay", "devices", "file")
#: Replay clock choices [simulated s per real s].
REPLAY_SPEEDS = (1.0, 10.0, 60.0, 600.0)
_DAY = 86400.0


class LiveView(ThrottledPlot):
    """Live monitoring of one park.

    Signals
    -------
    startRequested(), stopRequested()
    sourceChanged(dict)
        ``{"kind": "replay" | "devices" | "file", "speed": float, "path": str or None}``.
    addDeviceRequested()
    ruleChanged(float fraction, float duration_s)
        Alarm threshold [-] and how long PV must stay below it [s].
    """

    startRequested = Signal()
    stopRequested = Signal()
    sourceChanged = Signal(dict)
    addDeviceRequested = Signal()
    ruleChanged = Signal(float, float)
    detailHistoryRequested = Signal(str)   #: device id whose stored detail snapshots the detail pane wants

    def __init__(self, parent: Optional[QWidget] = None, interval_ms: int = 200):
        super().__init__(parent, interval_ms=interval_ms)
        self.tz = "UTC"
        self._detail_asked: tuple = (None, 0.0)  # (device, monotonic time) of the last stored-detail request
        self.park: Optional[str] = None
        self.state = "stopped"
        self.file_path: Optional[str] = None
        self._build()
        self.reset()

    # -- building --
    def _build(self) -> None:
        self.title = QLabel(self)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.title.setFont(f)
        self.source = QComboBox(self)
        self.source.setObjectName("liveSource")
        for code, label in (("replay", self.tr("Replay of the model")), ("devices", self.tr("Stored devices")),
                            ("file", self.tr("Logger file…"))):
            self.source.addItem(label, code)
        self.speed = QComboBox(self)
        self.speed.setObjectName("liveSpeed")
        for v in REPLAY_SPEEDS:
            self.speed.addItem(f"{v:g}×", v)
        self.speed.setCurrentIndex(REPLAY_SPEEDS.index(60.0))
        self.speed_label = QLabel(self.tr("Clock:"), self)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("liveStart")
        self.start_button.clicked.connect(self._start_clicked)
        self.add_button = QPushButton(self.tr("Add device…"), self)
        self.add_button.clicked.connect(self.addDeviceRequested)
        self.status = QLabel(self)
        self.status.setObjectName("liveStatus")
        self.replay_badge = QLabel(self.tr("Replay: modelled values, not measured"), self)
        self.replay_badge.setObjectName("replayBadge")
        self.replay_badge.setStyleSheet("background: #fde68a; color: #78350f; border-radius: 4px; padding: 2px 8px;")
        self.source.activated.connect(self._source_activated)
        self.speed.activated.connect(lambda _i: self.sourceChanged.emit(self.source_spec()))
        # two rows, so the page fits a laptop: the park and what is shown, then the controls
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long names clip
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 8)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(10)
        top = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.title, 1)
        first.addWidget(self.replay_badge)
        second.addWidget(QLabel(self.tr("Source:"), self))
        # the source list grows up to its longest entry and shrinks (eliding) on a narrow page
        self.source.setMaximumWidth(self.source.minimumSizeHint().width() + max(
            self.fontMetrics().horizontalAdvance(self.source.itemText(i)) for i in range(self.source.count())))
        second.addWidget(self.source, 1)
        second.addWidget(self.speed_label)
        second.addWidget(self.speed)
        second.addWidget(self.start_button)
        second.addWidget(self.add_button)
        second.addSpacing(12)
        second.addWidget(self.status, 1)
        top.addLayout(first)
        top.addLayout(second)

        captions = {"pv": self.tr("PV now"), "load": self.tr("Consumption now"), "expected": self.tr("Expected PV now"),
                    "ratio": self.tr("Actual / expected"), "self_consumption": self.tr("Self-consumption now"),
                    "pv_today": self.tr("PV today"), "load_today": self.tr("Consumption today")}
        self.cards = {k: KpiCard(f"live_{k}", c, self) for k, c in captions.items()}
        self.card_grid = CardGrid(list(self.cards.values()), min_columns=3, parent=self)

        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis()})
        style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.getAxis("left").enableAutoSIPrefix(False)
        item.getAxis("left").setLabel(self.tr("Power [kW]"))
        add_legend(self.plot, offset=(-10, 10))
        self.expected_curve = item.plot([], [], pen=pg.mkPen(PV_COLOR, width=1.5, style=Qt.PenStyle.DashLine),
                                        name=self.tr("Expected PV (model)"))
        self.pv_curve = item.plot([], [], pen=pg.mkPen(PV_COLOR, width=2), name=self.tr("PV"))
        self.load_curve = item.plot([], [], pen=pg.mkPen(LOAD_COLOR, width=2), name=self.tr("Consumption"))
        self.now_line = pg.InfiniteLine(angle=90, movable=False,
                                        pen=pg.mkPen((128, 128, 128), style=Qt.PenStyle.DotLine))
        item.addItem(self.now_line, ignoreBounds=True)
        item.setYRange(0, 1)

        self.devices = DeviceStatusModel(self)
        self.device_table = self._table(self.devices, "liveDevices")
        self.alarms = AlarmLogModel(self)
        self.alarm_table = self._table(self.alarms, "liveAlarms")
        self.fraction = QDoubleSpinBox(self)
        self.fraction.setObjectName("alarmFraction")
        self.fraction.setRange(10, 150)
        self.fraction.setDecimals(0)
        self.fraction.setSuffix(" %")
        self.fraction.setValue(70)
        self.duration = QDoubleSpinBox(self)
        self.duration.setObjectName("alarmDuration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setDecimals(0)
        self.duration.setSuffix(" " + self.tr("min"))
        self.duration.setValue(15)
        for spin in (self.fraction, self.duration):
            spin.setKeyboardTracking(False)  # one signal per finished edit, not per keystroke
            spin.valueChanged.connect(self._rule_edited)
        rule = QGridLayout()  # two lines: the rule's words are long in every language
        rule.addWidget(QLabel(self.tr("Alarm when PV stays below"), self), 0, 0)
        rule.addWidget(self.fraction, 0, 1)
        rule.addWidget(QLabel(self.tr("of expected for"), self), 1, 0)
        rule.addWidget(self.duration, 1, 1)
        rule.setColumnStretch(2, 1)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Devices"), self))
        lv.addWidget(self.device_table)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.alarm_title = QLabel(self)
        rv.addWidget(self.alarm_title)
        rv.addLayout(rule)
        rv.addWidget(self.alarm_table)
        self.detail = DeviceDetailView(self)
        self.detail.spanChanged.connect(self._detail_span_changed)
        self.detail.setObjectName("liveDetail")
        self.device_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(left)
        bottom.addWidget(_scrolled(self.detail, self))  # a narrow pane scrolls inside; the page keeps its width
        bottom.addWidget(_scrolled(right, self))
        for i in range(3):
            bottom.setStretchFactor(i, 1)
        bottom.setSizes([800, 1000, 800])
        head = self.device_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # ids can be long: elided, not wide
        self.device_table.setColumnWidth(0, 190)
        self.device_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.plot)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([450, 550])  # the device detail needs room: AC per phase and a row per MPPT
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.card_grid)
        lay.addWidget(split, 1)
        self.set_state("stopped")

    def _table(self, model, name) -> QTableView:
        t = QTableView(self)
        t.setObjectName(name)
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        # columns follow new rows (an alarm raised while the tab is hidden must not show as "2…")
        model.rowsInserted.connect(lambda *_: self._fit_columns(t))
        model.modelReset.connect(lambda: self._fit_columns(t))
        return t

    @staticmethod
    def _fit_columns(table: QTableView) -> None:
        table.resizeColumnsToContents()
        if table.objectName() == "liveDevices":  # device ids can be long: elided in the middle
            table.setColumnWidth(0, min(table.columnWidth(0), 190))

    def plots(self):
        return [self.plot]

    # -- inputs --
    def reset(self) -> None:
        """Forget readings, devices and alarms (another park)."""
        self._t: list[float] = []     # plot seconds of site points
        self._pv: list[float] = []    # site PV [W]
        self._load: list[float] = []  # site load [W]
        self._latest: dict[str, tuple] = {}  # device → (pv, load) of its newest reading
        self._day_start: Optional[pd.Timestamp] = None
        self._energy = {"pv": 0.0, "grid_import": 0.0, "grid_export": 0.0}
        self._energy_known = {"pv": False, "grid_import": False, "grid_export": False}
        self._expected: Optional[pd.Series] = None
        self._expected_x = np.array([])
        self._expected_y = np.array([])
        self.last_update = None
        self.devices.clear()
        self.alarms.set_rows([])
        for card in self.cards.values():
            card.set_value("—", "")
        self._update_alarm_title()
        self.schedule()

    def set_park(self, name: Optional[str], tz: str = "UTC") -> None:
        """Show park ``name`` (time zone ``tz``, IANA); clears what was shown."""
        self.park, self.tz = name, tz
        self.devices.tz = self.alarms.tz = tz
        self.title.setText(name or self.tr("No park selected"))
        self.reset()

    def set_expected(self, pv: Optional[pd.Series]) -> None:
        """Modelled site PV [W] (tz-aware index, values as the model gives them), drawn dashed."""
        self._expected = None if pv is None or len(pv) == 0 else pv.astype(float)
        if self._expected is None:
            self._expected_x, self._expected_y = np.array([]), np.array([])
        else:
            self._expected_x = to_plot_seconds(self._expected.index, self.tz)
            self._expected_y = self._expected.to_numpy() / 1000.0
        self.schedule()

    def set_history(self, history: pd.DataFrame, alarms=()) -> None:
        """Fill the chart and today's energy from stored readings; ``alarms`` are stored alarm-log rows
        (dicts of :func:`solarfleet.models.store.live_alarms`) or :class:`AlarmRow` objects.

        ``history`` holds readings (:func:`solarfleet.models.store.live_history`) or per-device bins labelled by
        their start (:func:`solarfleet.models.store.live_history_binned`); rows from the local midnight of the
        newest one on count as today (the same rule as live readings).
        """
        self.alarms.set_rows([a if isinstance(a, AlarmRow) else AlarmRow.from_stored(a) for a in alarms])
        self._update_alarm_title()
        if history is None or history.empty:
            self.schedule()
            return
        newest = history.index.max()
        self._roll_day(newest)
        day = history[history.index >= self._day_start]
        site = site_power(day)
        self._t = list(to_plot_seconds(site.index, self.tz))
        self._pv = list(site["pv_power"].to_numpy(dtype=float))
        self._load = list(site["load_power"].to_numpy(dtype=float))
        for dev, rows in history.groupby("device_id"):
            last = rows.iloc[-1]
            self._latest[dev] = (_num(last["pv_power"]), _num(last["load_power"]))
        for k, col in (("pv", "pv_energy_interval"), ("grid_import", "grid_import_interval"),
                       ("grid_export", "grid_export_interval")):
            known = col in day and bool(day[col].notna().any())
            self._energy[k] = float(day[col].sum()) if known else 0.0
            self._energy_known[k] = known
        self._show_energy()
        self.schedule()

    def apply_update(self, update) -> None:
        """Take one :class:`~solarfleet.models.live.session.LiveUpdate`: new points, KPIs, devices, alarms."""
        self.last_update = update
        for r in update.readings:
            ts = pd.Timestamp(r.timestamp)
            if self._day_start is None or ts >= self._day_start + pd.Timedelta(days=1):
                self._roll_day(ts)
            self._latest[r.device_id] = (_num(r.pv_power), _num(r.load_power))
            if ts >= self._day_start:
                self._add_point(ts, *self._site_now())
                for k, field in (("pv", "pv_energy_interval"), ("grid_import", "grid_import_interval"),
                                 ("grid_export", "grid_export_interval")):
                    v = getattr(r, field)
                    if v is not None:
                        self._energy[k] += v
                        self._energy_known[k] = True
        self.devices.update(update.statuses, update.readings)
        self._show_detail()
        for event, alarm in update.alarms:
            self.alarms.apply_event(event, alarm)
        if update.alarms:
            self._update_alarm_title()
        self._show_now(update)
        self._show_energy()
        if update.readings:
            self.schedule()

    def _show_detail(self) -> None:
        """The selected device (else the first) in the detail pane, from the newest statuses."""
        ids = self.devices.device_ids()
        row = self.device_table.currentIndex().row()
        device = ids[row] if 0 <= row < len(ids) else (ids[0] if ids else None)
        statuses = self.last_update.statuses if self.last_update is not None else {}
        self.detail.set_status(device, statuses.get(device))
        now = time.monotonic()
        if device is not None and (device != self._detail_asked[0] or now - self._detail_asked[1] > 60.0):
            self._detail_asked = (device, now)
            self.detailHistoryRequested.emit(device)

    def set_detail_history(self, device_id: str, snapshots, chart=None) -> None:
        """Stored detail snapshots ``[(timestamp, details), …]`` of ``device_id`` for the detail pane, and its
        history over the pane's span (:func:`solarfleet.models.store.live_detail_chart`; else the snapshots)."""
        self.detail.set_stored(device_id, snapshots, self.tz, chart)

    def _detail_span_changed(self, _span: str) -> None:
        """Another history span: ask for the shown device's history again."""
        if self.detail.device_id is not None:
            self._detail_asked = (self.detail.device_id, time.monotonic())
            self.detailHistoryRequested.emit(self.detail.device_id)

    def set_state(self, state: str, message: str = "") -> None:
        """``"stopped"``, ``"starting"``, ``"running"`` or ``"stopping"``; ``message`` shown beside."""
        self.state = state
        running = state in ("starting", "running")
        self.start_button.setText(self.tr("Stop") if running else self.tr("Start"))
        self.start_button.setEnabled(state in ("stopped", "running"))
        texts = {"stopped": self.tr("Stopped"), "starting": self.tr("Starting…"), "running": self.tr("Running"),
                 "stopping": self.tr("Stopping…")}
        text = texts.get(state, state)
        self.status.setText(f"{text} – {message}" if message else text)
        self.speed.setVisible(self.source.currentData() == "replay")
        self.speed_label.setVisible(self.source.currentData() == "replay")
        # a replay's readings are the model played back: never let them pass for measurements
        self.replay_badge.setVisible(running and self.source.currentData() == "replay")

    def set_source(self, spec: dict) -> None:
        """Show ``spec`` (as :meth:`source_spec` gives it) in the chooser without emitting."""
        self.source.setCurrentIndex(max(0, self.source.findData(spec.get("kind", "replay"))))
        speed = float(spec.get("speed", 60.0))
        i = self.speed.findData(speed)
        if i < 0:  # a clock set elsewhere (screenshots, a saved setting): offer it too
            self.speed.addItem(f"{speed:g}×", speed)
            i = self.speed.count() - 1
        self.speed.setCurrentIndex(i)
        self.file_path = spec.get("path")
        self.set_state(self.state)

    def source_spec(self) -> dict:
        return {"kind": self.source.currentData(), "speed": float(self.speed.currentData()), "path": self.file_path}

    def set_rule(self, fraction: float, duration_s: float) -> None:
        """Show the alarm rule (fraction [-], duration [s]) without emitting :attr:`ruleChanged`."""
        for spin, v in ((self.fraction, fraction * 100), (self.duration, duration_s / 60)):
            spin.blockSignals(True)
            spin.setValue(v)
            spin.blockSignals(False)

    # -- reactions --
    def _start_clicked(self) -> None:
        if self.state in ("starting", "running"):
            self.stopRequested.emit()
        else:
            self.startRequested.emit()

    def _source_activated(self, _index) -> None:
        if self.source.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Logger file"), self.file_path or "",
                                                  self.tr("CSV files (*.csv);;All files (*)"))
            if not path:
                return
            self.file_path = path
        self.set_state(self.state)
        self.sourceChanged.emit(self.source_spec())

    def _rule_edited(self) -> None:
        self.ruleChanged.emit(self.fraction.value() / 100.0, self.duration.value() * 60.0)

    # -- internals --
    def _roll_day(self, ts: pd.Timestamp) -> None:
        start = ts.tz_convert(self.tz).normalize().tz_convert("UTC")
        if self._day_start is not None and start <= self._day_start:
            return
        self._day_start = start
        self._t, self._pv, self._load = [], [], []
        self._energy = {k: 0.0 for k in self._energy}
        self._energy_known = {k: False for k in self._energy}

    def _site_now(self) -> tuple[float, float]:
        pv = [v[0] for v in self._latest.values() if not math.isnan(v[0])]
        load = [v[1] for v in self._latest.values() if not math.isnan(v[1])]
        return (sum(pv) if pv else math.nan), (sum(load) if load else math.nan)

    def _add_point(self, ts: pd.Timestamp, pv: float, load: float) -> None:
        x = float(to_plot_seconds(pd.DatetimeIndex([ts]), self.tz)[0])
        if self._t and math.floor(x) == math.floor(self._t[-1]):  # one site point per second
            self._t[-1], self._pv[-1], self._load[-1] = x, pv, load
        else:
            self._t.append(x)
            self._pv.append(pv)
            self._load.append(load)

    def _show_now(self, u) -> None:
        loc = QLocale()
        self.cards["pv"].set_value(_kw_text(u.pv_power, loc), "kW")
        self.cards["load"].set_value(_kw_text(u.load_power, loc), "kW")
        self.cards["expected"].set_value(_kw_text(u.expected_pv, loc), "kW")
        self.cards["ratio"].set_value(_pct_text(u.ratio, loc), "%")
        self.cards["self_consumption"].set_value(_pct_text(u.self_consumption, loc), "%")
        if u.timestamp is not None:
            self.now_line.setPos(float(to_plot_seconds(pd.DatetimeIndex([pd.Timestamp(u.timestamp)]), self.tz)[0]))

    def _show_energy(self) -> None:
        loc = QLocale()
        e, known = self._energy, self._energy_known
        pv = e["pv"] if known["pv"] else math.nan
        load = e["pv"] + e["grid_import"] - e["grid_export"] \
            if known["grid_import"] and known["grid_export"] and known["pv"] else math.nan
        self.cards["pv_today"].set_value(_kwh_text(pv, loc), "kWh")
        self.cards["load_today"].set_value(_kwh_text(load, loc), "kWh")

    def energy(self) -> dict:
        """Today's energy so far [Wh]: ``pv``, ``grid_import``, ``grid_export`` (NaN if never reported)."""
        return {k: (v if self._energy_known[k] else math.nan) for k, v in self._energy.items()}

    def _update_alarm_title(self) -> None:
        n = self.alarms.open_count()
        text = self.tr("Alarm log")
        if n:
            text += " – " + self.tr("%1 active").replace("%1", str(n))
        self.alarm_title.setText(text)

    def series(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The chart's site points: plot seconds, PV [W], load [W] (tests, screenshots)."""
        return np.asarray(self._t, float), np.asarray(self._pv, float), np.asarray(self._load, float)

    def redraw(self) -> None:
        x, pv, load = self.series()
        self.pv_curve.setData(x, pv / 1000.0, connect="finite")
        self.load_curve.setData(x, load / 1000.0, connect="finite")
        item = self.plot.getPlotItem()
        if self._day_start is not None:
            x0 = float(to_plot_seconds(pd.DatetimeIndex([self._day_start]), self.tz)[0])
            keep = (self._expected_x >= x0 - 3600) & (self._expected_x <= x0 + _DAY + 3600)
            self.expected_curve.setData(self._expected_x[keep], self._expected_y[keep], connect="finite")
            item.setXRange(x0, x0 + _DAY, padding=0)
            ys = [v for v in (np.nanmax(pv) if len(pv) and np.isfinite(pv).any() else np.nan,
                              np.nanmax(load) if len(load) and np.isfinite(load).any() else np.nan) if np.isfinite(v)]
            ye = self._expected_y[keep]
            if len(ye) and np.isfinite(ye).any():
                ys.append(float(np.nanmax(ye)) * 1000.0)
            top = max(ys) / 1000.0 if ys else 1.0
            item.setYRange(0, max(top * 1.08, 1.0), padding=0)
        else:
            self.expected_curve.setData([], [])


def _num(v) -> float:
    return math.nan if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _kw_text(w, loc: QLocale) -> str:
    if w is None or not math.isfinite(w):
        return "—"
    kw = w / 1000.0
    return loc.toString(kw, "f", 0 if abs(kw) >= 1000 else 1)


def _kwh_text(wh, loc: QLocale) -> str:
    if wh is None or not math.isfinite(wh):
        return "—"
    return loc.toString(wh / 1000.0, "f", 0 if abs(wh) >= 1e6 else 1)


def _pct_text(ratio, loc: QLocale) -> str:
    if ratio is None or not math.isfinite(ratio):
        return "—"
    return loc.toString(ratio * 100.0, "f", 0)


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that is never wider than it is given (at least 12 em)."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setMinimumWidth(parent.fontMetrics().horizontalAdvance("M") * 12)
    return area
