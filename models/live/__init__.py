"""Live monitoring: readings from inverters, meters, logger files or a replayed model.

No Qt here. The pieces, each in its own module:

``reading``      :class:`Reading` (one sample of one device; UTC; W, Wh; missing = None) and
                 :class:`DeviceStatus` (link state, last error, back-off, readings count).
``source``       :class:`LiveSource` (``start(sink)`` / ``stop()`` / ``statuses()``), the Modbus
                 :class:`Poller` (one thread and client per device, timeouts, reconnect with
                 exponential back-off) and :class:`ReadingQueue` (thread-safe sink).
``sunspec``      SunSpec discovery ("SunS" at 40000/50000/0), model-chain walk (the end marker read
                 id first, as the specification does), common model.
``sunspec_units`` every unit of a chain — inverters 101–103/111–113, meters 201–204/211–214, DER 701,
                 MPPT 160 — decoded to SI quantities (AC per phase, DC per tracker, temperatures,
                 state, event codes); roles proposed from model and sign; fault and weak-string checks.
``vendor_maps``  non-SunSpec register maps as data (``resources/live_maps/*.json``): function 3/4,
                 word/byte order, 16/32/64-bit and float types, scale registers, CT/PT ratios,
                 enumerations, event bits, polling groups; unknown keys refused.
``modbus_link``  Modbus TCP, RTU over TCP and RTU on a serial port (pymodbus + pyserial).
``devices``      :class:`~solarfleet.models.live.devices.DeviceConfig`, SunSpec (whole chains, roles) and
                 map clients, :func:`~solarfleet.models.live.devices.check_connection` ("Test connection").
``replay``       :class:`~solarfleet.models.live.replay.ReplaySource`: modelled PV/load Series on an
                 accelerated clock with seeded noise and passing clouds (the default source).
``filetail``     :class:`~solarfleet.models.live.filetail.FileTailSource`: a CSV file or logger folder that grows.
``counters``     lifetime counters → interval energy (reset and wrap).
``recorder``     :class:`~solarfleet.models.live.recorder.LiveRecorder`: batched SQLite writes on its own thread.
``alarms``       :class:`~solarfleet.models.live.alarms.AlarmRule`, streaming monitor, :func:`find_alarms`.
``metrics``      ratio, self-consumption, energy today.
``session``      :class:`~solarfleet.models.live.session.LiveSession`: source + recorder + expectation + alarms.
``profiles``     :func:`~solarfleet.models.live.profiles.replay_profiles`: PV of the newest run, the park's load.
``sunspec_sim``  simulated SunSpec/Huawei devices on a real pymodbus server (tests, bench, demos).
``park_sim``     a simulated park of N inverters (103 + 160) and M meters (203), every point physically
                 consistent, with faults, string faults, stalls and counter resets on demand.

How a GUI live view uses it (thread model)
------------------------------------------
1. On the GUI thread, build a source (``ReplaySource(pv, load, speed=60)``,
   ``Poller(live_devices(store, park))`` or ``FileTailSource(path)``) and a
   ``LiveSession(source, store.path, park=..., expected=pv_series, rule=AlarmRule(...))``;
   call ``session.start()``. Starting only spawns threads; it returns at once.
2. Fill the chart from the database first: ``solarfleet.models.store.live_history(store, park=..., start=...)``
   on the GUI's own store (the recorder writes through a separate connection; WAL lets both work).
3. A ``QTimer`` (e.g. 500 ms) calls ``update = session.poll()`` on the GUI thread. ``poll`` never
   blocks and never touches SQLite: it returns the new readings, every device's
   :class:`DeviceStatus`, site totals (pv/load/grid power, expected PV, ratio, self-consumption)
   and alarm events. Append the readings to the plot buffers, refresh the device list from
   ``update.statuses``, list ``update.alarms`` (the recorder writes them to the alarm log;
   ``solarfleet.models.store.live_alarms`` reads it back). Today's energy: ``metrics.energy_today`` on history.
4. On close: ``session.stop()`` — joins the source threads (bounded by the device timeout, so call
   it from a worker if a UI freeze of up to ``timeout`` seconds matters) and commits the last batch.

Source threads call sinks directly; a consumer that wants Qt signals instead can pass its own
sink that emits a signal (queued connection) — but never touch widgets from a sink.
"""
from solarfleet.models.live.reading import DEVICE_STATES, DeviceStatus, LINK_STATES, Reading, utcnow
from solarfleet.models.live.source import LiveSource, Poller, ReadingQueue, backoff_delay

__all__ = ["Reading", "DeviceStatus", "DEVICE_STATES", "LINK_STATES", "utcnow", "LiveSource", "Poller",
           "ReadingQueue", "backoff_delay"]
