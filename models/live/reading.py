"""The common reading type every live source produces, and per-device status.

A :class:`Reading` is one sample of one device at one instant. Power values are
instantaneous [W]; energy counters are the device's lifetime totals [Wh]; the
``*_interval`` fields are the energy between this reading and the previous reading of
the same device [Wh], i.e. an interval *ending* at ``timestamp``. Anything the device
does not report, or reports as "not implemented", is ``None`` — never 0.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields, replace
from typing import Optional

__all__ = ["Reading", "DeviceStatus", "DEVICE_STATES", "LINK_STATES", "utcnow", "READING_FIELDS", "PROVENANCES"]

#: Operating states a device may report (SunSpec ``St`` enumeration names, lower case) plus
#: ``"ok"`` for sources without a state register and ``"unknown"`` when the register is unset.
DEVICE_STATES = ("ok", "off", "sleeping", "starting", "mppt", "throttled", "shutting_down", "fault",
                 "standby", "unknown")

#: Where a reading's values come from.
PROVENANCES = ("measured", "replay")

#: States of the link to a device, as shown in a device list.
LINK_STATES = ("idle", "connecting", "ok", "error", "backoff", "stopped")


def utcnow() -> _dt.datetime:
    """Current time as a tz-aware UTC datetime."""
    return _dt.datetime.now(_dt.timezone.utc)


@dataclass(frozen=True, slots=True)
class Reading:
    """One sample of one device.

    Attributes
    ----------
    timestamp : datetime.datetime
        Instant of the sample, tz-aware UTC.
    device_id : str
        Identifier of the device (unique within a live session).
    pv_power : float or None
        AC power produced by PV [W].
    load_power : float or None
        Power drawn by the site's load [W].
    grid_power : float or None
        Power exchanged with the grid [W]; positive = import from the grid, negative = export.
    pv_energy : float or None
        Lifetime PV energy counter [Wh].
    pv_energy_interval : float or None
        PV energy since the previous reading of this device [Wh].
    grid_import_energy, grid_export_energy : float or None
        Lifetime meter counters [Wh].
    grid_import_interval, grid_export_interval : float or None
        Meter energy since the previous reading [Wh].
    poa_global : float or None
        Irradiance from a sensor, plane of array [W/m²].
    status : str
        Device operating state, one of :data:`DEVICE_STATES`.
    counter_event : str or None
        ``"reset"`` or ``"wrap"`` when a lifetime counter went backwards since the last reading.
    pv_measured_by : str or None
        What ``pv_power`` was read from: ``"inverter"`` or ``"production_meter"`` (a site total
        counts production meters only where no inverter reports: they measure the same energy).
    provenance : str
        ``"measured"`` (a device, a meter, a logger file) or ``"replay"`` (modelled values played
        back, :class:`~solarfleet.models.live.replay.ReplaySource`): one of :data:`PROVENANCES`.
        Replayed readings are stored apart and never count as measured.
    """

    timestamp: _dt.datetime
    device_id: str
    pv_power: Optional[float] = None
    load_power: Optional[float] = None
    grid_power: Optional[float] = None
    pv_energy: Optional[float] = None
    pv_energy_interval: Optional[float] = None
    grid_import_energy: Optional[float] = None
    grid_export_energy: Optional[float] = None
    grid_import_interval: Optional[float] = None
    grid_export_interval: Optional[float] = None
    poa_global: Optional[float] = None
    status: str = "ok"
    counter_event: Optional[str] = None
    pv_measured_by: Optional[str] = None
    provenance: str = "measured"

    def __post_init__(self):
        ts = self.timestamp
        if not isinstance(ts, _dt.datetime) or ts.tzinfo is None:
            raise ValueError(f"Reading.timestamp must be a tz-aware datetime (got {ts!r})")
        if ts.utcoffset() != _dt.timedelta(0):
            object.__setattr__(self, "timestamp", ts.astimezone(_dt.timezone.utc))
        if self.provenance not in PROVENANCES:
            raise ValueError(f"Reading.provenance must be one of {', '.join(PROVENANCES)} (got {self.provenance!r})")
        if self.status not in DEVICE_STATES:
            raise ValueError(f"Reading.status must be one of {', '.join(DEVICE_STATES)} (got {self.status!r})")

    def to_dict(self) -> dict:
        """Plain dict (timestamp as ISO text), e.g. for JSON output."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["timestamp"] = self.timestamp.isoformat()
        return d

    def with_(self, **changes) -> "Reading":
        return replace(self, **changes)


#: Names of the value fields of a reading, in storage order.
READING_FIELDS = tuple(f.name for f in fields(Reading))


@dataclass(slots=True)
class DeviceStatus:
    """Health of the link to one device, as the poller sees it.

    Attributes
    ----------
    device_id : str
    link : str
        One of :data:`LINK_STATES`.
    last_ok : datetime.datetime or None
        When the last good reading arrived (UTC).
    last_error : str or None
        Text of the last failure.
    failures : int
        Consecutive failed attempts.
    retry_in : float
        Seconds until the next attempt while in ``"backoff"`` [s].
    readings : int
        Readings delivered since start.
    info : dict
        What the device told about itself (manufacturer, model, serial, models found, units
        and their roles).
    details : dict
        Quantities of the last read per unit (``"<model>@<address>"`` →
        :func:`~solarfleet.models.live.sunspec_units.decode_unit` output): AC per phase, DC per
        MPPT, temperatures, state, event codes. Replaced, never mutated, on each read.
    """

    device_id: str
    link: str = "idle"
    last_ok: Optional[_dt.datetime] = None
    last_error: Optional[str] = None
    failures: int = 0
    retry_in: float = 0.0
    readings: int = 0
    info: dict = field(default_factory=dict)
    details: dict = field(default_factory=dict)

    def copy(self) -> "DeviceStatus":
        return replace(self, info=dict(self.info))
