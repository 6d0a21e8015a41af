"""Live monitoring: readings from inverters, meters, logger files or a replayed model.

No Qt here. Sources (:class:`Poller` for Modbus devices, :class:`ReplaySource`,
:class:`FileTailSource`) deliver :class:`Reading` objects to a callback from their own
threads; :class:`LiveRecorder` stores them in SQLite in batched transactions;
:mod:`models.live.alarms` compares actual with expected power.
"""
from .reading import DEVICE_STATES, DeviceStatus, LINK_STATES, Reading, utcnow
from .source import LiveSource, Poller, ReadingQueue, backoff_delay

__all__ = ["Reading", "DeviceStatus", "DEVICE_STATES", "LINK_STATES", "utcnow", "LiveSource", "Poller",
           "ReadingQueue", "backoff_delay"]
