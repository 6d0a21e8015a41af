"""Follow a CSV file, or a logger folder of CSV files, as it grows.

Format: a header line naming the columns, then one reading per line. ``timestamp`` is
required: ISO 8601 with a UTC offset (``2026-06-01T12:00:00+08:00``, ``…Z``); naive
times are accepted only when the source is given ``tz`` (the logger's zone). Optional
columns are ``device_id`` (default: the file name without extension) and any of
``pv_power, load_power, grid_power`` [W], ``pv_energy, grid_import_energy,
grid_export_energy`` [Wh] (lifetime counters; interval energy is derived, with resets and
wraps handled), ``poa_global`` [W/m²] and ``status``. An empty cell is missing, never 0.

Only complete lines (ending in a newline) are read; a half-written last line waits for
the next poll. A bad line is skipped and reported in the device status as
``file:line: problem``; the rest of the file still flows. In a folder, files are read in
name order (loggers name daily files by date) and new files are picked up as they appear.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import threading
from pathlib import Path
from typing import Optional
from zoneinfo import ZoneInfo

from solarfleet.models.live.counters import CounterTracker
from solarfleet.models.live.reading import DEVICE_STATES, Reading
from solarfleet.models.live.source import LiveSource

__all__ = ["FileTailSource", "TailError", "parse_line"]

NUMERIC = ("pv_power", "load_power", "grid_power", "pv_energy", "grid_import_energy", "grid_export_energy",
           "poa_global")
COUNTERS = {"pv_energy": "pv_energy_interval", "grid_import_energy": "grid_import_interval",
            "grid_export_energy": "grid_export_interval"}


class TailError(ValueError):
    """A line or header cannot be read; the message names file and line."""


def _parse_time(text: str, tz: Optional[ZoneInfo], where: str) -> _dt.datetime:
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    try:
        ts = _dt.datetime.fromisoformat(t)
    except ValueError:
        raise TailError(f"{where}: timestamp {text!r} is not ISO 8601") from None
    if ts.tzinfo is None:
        if tz is None:
            raise TailError(f"{where}: timestamp {text!r} has no UTC offset; give the logger's time zone (tz=…)")
        ts = ts.replace(tzinfo=tz)
    return ts.astimezone(_dt.timezone.utc)


def parse_line(header: list[str], cells: list[str], where: str, tz: Optional[ZoneInfo] = None,
               default_device: str = "file") -> dict:
    """One CSV row → dict of reading fields (without interval energies). Raises :class:`TailError`."""
    if len(cells) != len(header):
        raise TailError(f"{where}: {len(cells)} fields, the header has {len(header)}")
    row = dict(zip(header, cells))
    out = {"timestamp": _parse_time(row["timestamp"], tz, where),
           "device_id": (row.get("device_id") or "").strip() or default_device}
    for col in NUMERIC:
        text = (row.get(col) or "").strip()
        if not text:
            continue
        try:
            v = float(text)
        except ValueError:
            raise TailError(f"{where}: {col} = {text!r} is not a number") from None
        if v != v or v in (float("inf"), float("-inf")):
            raise TailError(f"{where}: {col} = {text!r} is not a finite number")
        out[col] = v
    status = (row.get("status") or "").strip().lower() or "ok"
    if status not in DEVICE_STATES:
        raise TailError(f"{where}: status {status!r} is not one of {', '.join(DEVICE_STATES)}")
    out["status"] = status
    return out


class _FileState:
    def __init__(self, path: Path):
        self.path = path
        self.offset = 0
        self.line_no = 0
        self.header: Optional[list[str]] = None


class FileTailSource(LiveSource):
    """Readings from a growing CSV file or a folder of them.

    Parameters
    ----------
    path : str or pathlib.Path
        A CSV file, or a folder (files matching ``pattern``).
    poll_interval : float
        How often to look for new lines [s].
    from_start : bool
        Read what the files already hold first (fills history; the store skips
        readings it already has). False starts at the current end.
    tz : str, optional
        IANA zone of naive timestamps.
    pattern : str
        Glob for files in a folder.
    """

    def __init__(self, path, *, poll_interval: float = 1.0, from_start: bool = True, tz: Optional[str] = None,
                 pattern: str = "*.csv", on_status=None):
        super().__init__(on_status)
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no such file or folder")
        if poll_interval <= 0:
            raise ValueError("poll_interval must be > 0 s")
        self.poll_interval, self.from_start, self.pattern = poll_interval, from_start, pattern
        self.tz = ZoneInfo(tz) if tz else None
        self._files: dict[Path, _FileState] = {}
        self._counters: dict[tuple[str, str], CounterTracker] = {}
        self.errors: list[str] = []
        self.source_id = f"file:{self.path.name}"
        from solarfleet.models.live.reading import DeviceStatus
        self._status[self.source_id] = DeviceStatus(self.source_id)
        if not from_start:
            for f in self._list():
                st = self._files[f] = _FileState(f)
                st.offset = f.stat().st_size
                st.header = self._read_header(f)

    def _list(self) -> list[Path]:
        if self.path.is_dir():
            return sorted(p for p in self.path.glob(self.pattern) if p.is_file())
        return [self.path]

    @staticmethod
    def _read_header(f: Path) -> Optional[list[str]]:
        with f.open("r", encoding="utf-8-sig", newline="") as fh:
            line = fh.readline()
        return [h.strip() for h in next(csv.reader([line]))] if line.endswith("\n") else None

    def _make_threads(self):
        return [threading.Thread(target=self._run, name=f"live-tail-{self.path.name}", daemon=True)]

    def poll_once(self) -> list[Reading]:
        """Read every complete new line now; returns the readings (also used by the thread)."""
        out: list[Reading] = []
        for f in self._list():
            st = self._files.setdefault(f, _FileState(f))
            try:
                size = f.stat().st_size
            except FileNotFoundError:
                continue
            if size < st.offset:  # truncated or rotated: start again
                st.offset, st.line_no, st.header = 0, 0, None
            if size == st.offset:
                continue
            with f.open("rb") as fh:
                fh.seek(st.offset)
                chunk = fh.read(size - st.offset)
            end = chunk.rfind(b"\n")
            if end < 0:
                continue
            text = chunk[:end + 1].decode("utf-8-sig" if st.offset == 0 else "utf-8", errors="replace")
            st.offset += end + 1
            for line in io.StringIO(text):
                st.line_no += 1
                where = f"{f}:{st.line_no}"
                if not line.strip():
                    continue
                cells = next(csv.reader([line]))
                if st.header is None:
                    st.header = [h.strip() for h in cells]
                    if "timestamp" not in st.header:
                        self._error(f"{where}: header has no 'timestamp' column")
                        st.header = None
                    continue
                try:
                    fields = parse_line(st.header, cells, where, self.tz, default_device=f.stem)
                except TailError as exc:
                    self._error(str(exc))
                    continue
                out.append(self._reading(fields))
        return out

    def _reading(self, fields: dict) -> Reading:
        did, ts = fields["device_id"], fields["timestamp"]
        events = []
        for counter, interval in COUNTERS.items():
            if counter in fields:
                tracker = self._counters.setdefault((did, counter), CounterTracker())
                delta, event = tracker.update(fields[counter], ts)
                fields[interval] = delta
                if event in ("reset", "wrap"):
                    events.append(event)
        return Reading(counter_event=events[0] if events else None, **fields)

    def _error(self, text: str) -> None:
        self.errors.append(text)
        del self.errors[:-100]
        self._set_status(self.source_id, last_error=text)

    def _run(self) -> None:
        from solarfleet.models.live.reading import utcnow
        self._set_status(self.source_id, link="ok", info={"kind": "file", "path": str(self.path)})
        try:
            while not self._stop.is_set():
                try:
                    readings = self.poll_once()
                except OSError as exc:
                    self._set_status(self.source_id, link="error", last_error=f"{self.path}: {exc}")
                    readings = []
                for r in readings:
                    self._emit(r)
                if readings:
                    self._set_status(self.source_id, link="ok", last_ok=utcnow())
                if self._stop.wait(self.poll_interval):
                    break
        finally:
            self._set_status(self.source_id, link="stopped")
