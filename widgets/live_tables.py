"""Item models of the live view: the device list and the alarm log (``QAbstractTableModel``)."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Optional

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QDateTime, QLocale, QModelIndex, Qt, QTime
from PySide6.QtGui import QColor

__all__ = ["DeviceStatusModel", "AlarmLogModel", "AlarmRow", "link_text", "state_text"]




def link_text(code: str) -> str:
    """Translated name of a link state (:data:`solarfleet.models.live.reading.LINK_STATES`)."""
    names = {
        "idle": QCoreApplication.translate("LiveTables", "idle"),
        "connecting": QCoreApplication.translate("LiveTables", "connecting"),
        "ok": QCoreApplication.translate("LiveTables", "online"),
        "error": QCoreApplication.translate("LiveTables", "error"),
        "backoff": QCoreApplication.translate("LiveTables", "waiting to retry"),
        "stopped": QCoreApplication.translate("LiveTables", "stopped"),
    }
    return names.get(code, code)


def state_text(code: Optional[str]) -> str:
    """Translated operating state of a device (:data:`solarfleet.models.live.reading.DEVICE_STATES`)."""
    if code is None:
        return "—"
    names = {
        "ok": QCoreApplication.translate("LiveTables", "normal"),
        "off": QCoreApplication.translate("LiveTables", "off"),
        "sleeping": QCoreApplication.translate("LiveTables", "sleeping"),
        "starting": QCoreApplication.translate("LiveTables", "starting"),
        "mppt": QCoreApplication.translate("LiveTables", "MPPT"),
        "throttled": QCoreApplication.translate("LiveTables", "throttled"),
        "shutting_down": QCoreApplication.translate("LiveTables", "shutting down"),
        "fault": QCoreApplication.translate("LiveTables", "fault"),
        "standby": QCoreApplication.translate("LiveTables", "standby"),
        "unknown": QCoreApplication.translate("LiveTables", "unknown"),
    }
    return names.get(code, code)


def _kw(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return QLocale().toString(float(value) / 1000.0, "f", 1)


def _when(ts, tz: str) -> str:
    if ts is None:
        return "—"
    t = pd.Timestamp(ts).tz_convert(tz)
    return t.strftime("%H:%M:%S")


class _ColumnsModel(QAbstractTableModel):
    """A table whose columns are ``COLUMNS``, titled by ``headers()`` (translated)."""

    COLUMNS: tuple = ()

    def headers(self) -> list:
        raise NotImplementedError

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class DeviceStatusModel(_ColumnsModel):
    """One row per device: link, operating state, last reading, PV power, retry countdown.

    Feed with :meth:`update` (the ``statuses`` and newest readings of a
    :class:`solarfleet.models.live.session.LiveUpdate`). Rows are kept in the order devices first appear.
    A device waiting to reconnect counts down from the back-off delay it reported, from the
    moment that delay was first seen (``clock``: seconds, monotonic; injectable for tests).
    """

    COLUMNS = ("device", "link", "state", "last", "pv", "retry")

    def __init__(self, parent=None, clock=time.monotonic):
        super().__init__(parent)
        self.tz = "UTC"
        self.clock = clock
        self._ids: list[str] = []
        self._status: dict = {}
        self._latest: dict = {}
        self._backoff: dict = {}  # device → (failures, clock when first seen in this back-off)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("LiveTables", "Device"),
            QCoreApplication.translate("LiveTables", "Link"),
            QCoreApplication.translate("LiveTables", "State"),
            QCoreApplication.translate("LiveTables", "Last reading"),
            QCoreApplication.translate("LiveTables", "PV [kW]"),
            QCoreApplication.translate("LiveTables", "Retry"),
        ]

    def clear(self) -> None:
        self.beginResetModel()
        self._ids, self._status, self._latest, self._backoff = [], {}, {}, {}
        self.endResetModel()

    def update(self, statuses: dict, readings=()) -> None:
        """Take new statuses (device id → DeviceStatus) and readings; rows added or refreshed."""
        for r in readings:
            prev = self._latest.get(r.device_id)
            if prev is None or r.timestamp >= prev.timestamp:
                self._latest[r.device_id] = r
        for dev, st in statuses.items():
            if st.link != "backoff":
                self._backoff.pop(dev, None)
            elif self._backoff.get(dev, (None,))[0] != st.failures:
                self._backoff[dev] = (st.failures, self.clock())
        new = [d for d in list(statuses) + list(self._latest) if d not in self._ids]
        new = list(dict.fromkeys(new))
        if new:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(new) - 1)
            self._ids.extend(new)
            self._status.update(statuses)
            self.endInsertRows()
        else:
            self._status.update(statuses)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def retry_left(self, device_id: str) -> int:
        """Whole seconds until the next connection attempt of a device in back-off [s]."""
        st = self._status.get(device_id)
        if st is None or st.link != "backoff":
            return 0
        since = self._backoff.get(device_id, (None, self.clock()))[1]
        return max(0, int(math.ceil(st.retry_in - (self.clock() - since))))

    def device_ids(self) -> list[str]:
        return list(self._ids)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        dev = self._ids[index.row()]
        st = self._status.get(dev)
        r = self._latest.get(dev)
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "device":
                return dev
            if col == "link":
                return link_text(st.link) if st is not None else "—"
            if col == "state":
                return state_text(r.status if r is not None else None)
            if col == "last":
                return _when(r.timestamp if r is not None else None, self.tz)
            if col == "pv":
                return _kw(r.pv_power if r is not None else None)
            if col == "retry":
                if st is None or st.link != "backoff":
                    return ""
                return QCoreApplication.translate("LiveTables", "in %1 s").replace("%1", str(self.retry_left(dev)))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "device":
                return dev
            if st is not None and st.last_error:
                return st.last_error
        if role == Qt.ItemDataRole.ForegroundRole and col == "link" and st is not None:
            if st.link in ("error", "backoff"):
                return QColor("#dc2626")
            if st.link == "ok":
                return QColor("#16a34a")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("pv", "retry"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass
class AlarmRow:
    """One alarm episode as the log shows it. Times are tz-aware UTC; ``end`` None while open."""

    start: pd.Timestamp
    end: Optional[pd.Timestamp]
    min_ratio: float
    mean_ratio: float
    fraction: float
    duration_s: float
    kind: str = "low_yield"
    message: str = ""

    @classmethod
    def from_alarm(cls, alarm) -> "AlarmRow":
        """From a :class:`solarfleet.models.live.alarms.Alarm`."""
        return cls(pd.Timestamp(alarm.start), None if alarm.end is None else pd.Timestamp(alarm.end),
                   float(alarm.min_ratio), float(alarm.mean_ratio), float(alarm.fraction), float(alarm.duration_s),
                   alarm.kind, alarm.message)

    @classmethod
    def from_stored(cls, row: dict) -> "AlarmRow":
        """From a row of :func:`solarfleet.models.store.live_alarms`."""
        def num(v):
            return math.nan if v is None else float(v)
        end = row.get("end_utc")
        return cls(pd.Timestamp(row["start_utc"]), None if not end else pd.Timestamp(end), num(row.get("min_ratio")),
                   num(row.get("mean_ratio")), float(row["fraction"]), float(row["duration_s"]),
                   row.get("kind") or "low_yield", row.get("message") or "")


class AlarmLogModel(_ColumnsModel):
    """The alarm log, newest first: start, end (or "ongoing"), lowest and mean ratio, the rule."""

    COLUMNS = ("start", "end", "min_ratio", "mean_ratio", "rule")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tz = "UTC"
        self.rows: list[AlarmRow] = []

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("LiveTables", "Start"),
            QCoreApplication.translate("LiveTables", "End"),
            QCoreApplication.translate("LiveTables", "Lowest ratio"),
            QCoreApplication.translate("LiveTables", "Mean ratio"),
            QCoreApplication.translate("LiveTables", "Rule"),
        ]

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda a: a.start, reverse=True)
        self.endResetModel()

    def apply_event(self, event: str, alarm) -> None:
        """A ``("raised" | "cleared", Alarm)`` event from :meth:`LiveSession.poll`."""
        row = AlarmRow.from_alarm(alarm)
        for i, r in enumerate(self.rows):
            if r.start == row.start and r.kind == row.kind and r.message == row.message:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, row)
        self.endInsertRows()

    def open_count(self) -> int:
        return sum(1 for r in self.rows if r.end is None)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        loc = QLocale()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "start":
                return _stamp(a.start, self.tz)
            if col == "end":
                return QCoreApplication.translate("LiveTables", "ongoing") if a.end is None else _stamp(a.end, self.tz)
            if col in ("min_ratio", "mean_ratio"):
                v = getattr(a, col)
                return "—" if math.isnan(v) else loc.toString(v * 100, "f", 0) + " %"
            if col == "rule" and a.kind == "device_fault":  # "<device> <unit>: <code>"
                from solarfleet.widgets.live_device_detail import event_text
                where, _, code = a.message.rpartition(": ")
                return f"{where.split(' ')[0]}: {event_text(code)}"
            if col == "rule":
                text = QCoreApplication.translate("LiveTables", "below %1 % for %2 min")
                return text.replace("%1", loc.toString(a.fraction * 100, "f", 0)) \
                    .replace("%2", loc.toString(a.duration_s / 60, "f", 0))
        if role == Qt.ItemDataRole.ForegroundRole and a.end is None:
            return QColor("#dc2626")
        return None


def _stamp(ts: pd.Timestamp, tz: str) -> str:
    t = ts.tz_convert(tz)
    return QLocale().toString(QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute)), "yyyy-MM-dd HH:mm")
