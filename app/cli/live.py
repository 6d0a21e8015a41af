"""``solarfleet-cli live``: stream readings from a source, print them and store them.

Sources: ``replay`` (the park's modelled PV and load on an accelerated clock),
``sunspec://HOST:PORT[/UNIT]``, ``modbus://HOST:PORT[/UNIT]?map=NAME`` (vendor register
map, e.g. ``huawei_sun2000``) and ``file:PATH`` (a growing CSV file or logger folder).
Readings are committed to the database in batches every ``--flush`` seconds; Ctrl-C
stops cleanly (the last batch is committed).
"""
from __future__ import annotations

import json
import queue
import sys
import time

from solarfleet.app.cli.util import CliError, err, out
from solarfleet.models.store import park_names


def register(sub) -> None:
    p = sub.add_parser("live", help="stream live readings (replay, SunSpec/Modbus, file) and store them")
    p.add_argument("--source", default="replay", metavar="SRC",
                   help="replay | sunspec://HOST:PORT[/UNIT] | modbus://HOST:PORT[/UNIT]?map=NAME"
                        "[&transport=rtu-tcp] | rtu:///dev/ttyUSB0?unit=N[&map=NAME][&serial=9600,8,N,1] | "
                        "file:PATH | devices (the park's stored devices) (default: replay)")
    p.add_argument("--roles", metavar="MODEL@ADDR=ROLE,…",
                   help="SunSpec sources: confirm the roles of the chain's units (pv_inverter, production_meter, "
                        "grid_meter, load_meter, battery, ignore); --test shows the proposed ones")
    p.add_argument("--maintain", action="store_true",
                   help="roll stored readings up and prune raw readings past the retention window, then exit")
    p.add_argument("--retention-days", type=float, metavar="D",
                   help="keep raw readings D days (default 14; 5-minute, hourly and daily roll-ups are kept)")
    p.add_argument("--test", action="store_true",
                   help="Modbus sources: connect, identify, take one reading, print it as JSON and exit")
    p.add_argument("--park", metavar="NAME", help="park the readings belong to (replay: default the first park)")
    p.add_argument("--duration", type=float, metavar="S", help="stop after S seconds (default: until Ctrl-C)")
    p.add_argument("--interval", type=float, default=1.0, metavar="S", help="poll interval [s] (default 1)")
    p.add_argument("--speed", type=float, default=60.0, metavar="X",
                   help="replay: simulated seconds per real second (default 60)")
    p.add_argument("--start", metavar="TIME",
                   help="replay: first simulated instant, ISO 8601 with offset (default: now)")
    p.add_argument("--seed", type=int, default=0, help="replay: random seed for noise and clouds")
    p.add_argument("--flush", type=float, default=2.0, metavar="S", help="commit batches every S seconds (default 2)")
    p.add_argument("--tz", metavar="ZONE", help="file: time zone of naive timestamps (IANA name)")
    p.add_argument("--timeout", type=float, default=2.0, metavar="S", help="Modbus response timeout [s]")
    p.add_argument("--alarm-fraction", type=float, default=0.7, metavar="F",
                   help="replay: alarm when actual < F × expected … (default 0.7)")
    p.add_argument("--alarm-minutes", type=float, default=15.0, metavar="M",
                   help="… for M minutes of simulated time (default 15)")
    p.add_argument("--json", action="store_true", help="print one JSON object per reading")
    p.set_defaults(func=cmd_live)


_MODBUS_SCHEMES = ("sunspec://", "modbus://", "rtu://")


def _fmt_kw(v) -> str:
    return "      –" if v is None else f"{v / 1000:7.2f}"


def _make_source(args, ctx, on_status):
    """(source, modelled PV Series or None, park)."""
    src = args.source
    store = ctx.store()
    if src == "replay":
        from solarfleet.models.live.profiles import replay_profiles
        from solarfleet.models.live.replay import ReplaySource
        park = args.park or (park_names(store) or [None])[0]
        if park is None:
            raise CliError("the fleet is empty; import a fleet or give another --source")
        import pandas as pd
        from solarfleet.models.live.reading import utcnow
        try:
            start = pd.Timestamp(args.start) if args.start else pd.Timestamp(utcnow())
        except ValueError:
            raise CliError(f"--start: {args.start!r} is not an ISO 8601 time") from None
        if start.tzinfo is None:
            raise CliError(f"--start: give a UTC offset, e.g. {args.start}+08:00")
        try:
            pv, load = replay_profiles(store, park, start=start.floor("h") - pd.Timedelta(hours=1))
        except KeyError:
            raise CliError(f"no park named {park!r}; try: solarfleet-cli fleet list") from None
        if args.speed <= 0:
            raise CliError("--speed must be > 0")
        source = ReplaySource(pv, load, speed=args.speed, tick=args.interval, seed=args.seed, start=start,
                              device_id=f"replay:{park}", on_status=on_status)
        return source, pv, park
    expected = _park_expectation(store, args.park)
    if src == "devices":
        from solarfleet.models.live.source import Poller
        from solarfleet.models.store import live_devices
        devices = live_devices(store, park=args.park)
        if not devices:
            raise CliError("no stored live devices" + (f" for park {args.park!r}" if args.park else ""))
        return Poller(devices, interval=args.interval, on_status=on_status), expected, args.park
    if src.startswith(_MODBUS_SCHEMES):
        from solarfleet.models.live.devices import DeviceConfigError, parse_modbus_url
        from solarfleet.models.live.source import Poller
        from solarfleet.models.live.vendor_maps import MapError
        try:
            cfg = parse_modbus_url(src, timeout=args.timeout, park=args.park, roles=args.roles)
            return Poller([cfg], interval=args.interval, on_status=on_status), expected, args.park
        except (DeviceConfigError, MapError, ValueError) as exc:
            raise CliError(str(exc)) from None
    if src.startswith("file:"):
        from solarfleet.models.live.filetail import FileTailSource
        try:
            return FileTailSource(src[5:], poll_interval=args.interval, tz=args.tz, on_status=on_status), \
                expected, args.park
        except (FileNotFoundError, ValueError) as exc:
            raise CliError(str(exc)) from None
        except Exception as exc:  # zoneinfo's error for a bad --tz
            raise CliError(f"--tz {args.tz!r}: {exc}") from None
    raise CliError(f"--source: expected replay, sunspec://HOST:PORT[/UNIT], modbus://…?map=NAME or file:PATH "
                   f"(got {src!r})")


def _park_expectation(store, park):
    """Modelled PV of a stored park (for the ratio and the alarm), or None for an unknown/absent park."""
    if not park:
        return None
    from solarfleet.models.live.profiles import replay_profiles
    import pandas as pd
    from solarfleet.models.live.reading import utcnow
    try:
        pv, _ = replay_profiles(store, park, start=pd.Timestamp(utcnow()).floor("h") - pd.Timedelta(hours=1))
    except KeyError:
        return None
    return pv


def _test_connection(args) -> int:
    from solarfleet.models.live.devices import DeviceConfigError, check_connection, parse_modbus_url
    if not args.source.startswith(_MODBUS_SCHEMES):
        raise CliError("--test works with sunspec://, modbus:// and rtu:// sources")
    try:
        cfg = parse_modbus_url(args.source, timeout=args.timeout, roles=args.roles)
    except DeviceConfigError as exc:
        raise CliError(str(exc)) from None
    res = check_connection(cfg)
    out(json.dumps(res, indent=2, ensure_ascii=False, default=str))
    return 0 if res["ok"] else 1


def _maintain(args, ctx) -> int:
    """Set the retention (if given), roll up and prune now; print what was done."""
    from solarfleet.models.store import live_maintenance, live_retention_days, set_live_retention_days
    store = ctx.store()
    if args.retention_days is not None:
        try:
            set_live_retention_days(store, args.retention_days)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    done = live_maintenance(store)
    err(f"live: raw readings kept {live_retention_days(store):g} days; {done['buckets']} buckets rolled up, "
        f"{done['pruned']} raw readings pruned")
    return 0


def _fmt_ratio(v) -> str:
    return "" if v != v else f"  {v:4.0%} of model"


def cmd_live(args, ctx) -> int:
    from solarfleet.models.live.alarms import AlarmRule
    from solarfleet.models.live.session import LiveSession
    if args.interval <= 0 or args.flush <= 0:
        raise CliError("--interval and --flush must be > 0")
    if args.duration is not None and args.duration <= 0:
        raise CliError("--duration must be > 0")
    try:
        rule = AlarmRule(fraction=args.alarm_fraction, duration_s=args.alarm_minutes * 60)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.test:
        return _test_connection(args)
    if args.maintain or args.retention_days is not None:
        return _maintain(args, ctx)
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    quiet_pymodbus()  # pymodbus logs every failed request; the status lines below say it once, clearly
    statuses: queue.Queue = queue.Queue()
    links: dict = {}
    source, expected, park = _make_source(args, ctx, statuses.put)
    store = ctx.store()
    if store.path is None:
        raise CliError("live needs a database file (not :memory:)")
    session = LiveSession(source, store.path, park=park, expected=expected, rule=rule, flush_interval=args.flush)
    if not args.json:
        err(f"live: {args.source}" + (f" (park {park})" if park else "") + f" → {store.path}; Ctrl-C stops")
        out(f"{'timestamp (UTC)':<20} {'device':<22} {'PV kW':>7} {'load kW':>7} {'grid kW':>7}  status")
    t_end = None if args.duration is None else time.monotonic() + args.duration
    session.start()
    try:
        while t_end is None or time.monotonic() < t_end:
            time.sleep(0.1)
            up = session.poll()
            while True:
                try:
                    st = statuses.get_nowait()
                except queue.Empty:
                    break
                before = links.get(st.device_id)
                links[st.device_id] = st.link
                if st.link == "backoff":
                    err(f"live: {st.device_id}: {st.last_error} — retry in {st.retry_in:.1f} s")
                elif st.link == "ok" and before == "connecting" and st.last_error:
                    err(f"live: {st.device_id}: connected again")
                elif st.link == "error" or (st.last_error and st.link not in ("connecting", "ok", "backoff")):
                    err(f"live: {st.device_id}: {st.last_error}")
                elif st.last_error and st.link == "ok" and before == "ok":  # a file source's bad line
                    err(f"live: {st.device_id}: {st.last_error}")
            for r in up.readings:
                if args.json:
                    out(json.dumps(r.to_dict(), allow_nan=False))
                else:
                    out(f"{r.timestamp.strftime('%Y-%m-%d %H:%M:%S'):<20} {r.device_id[:22]:<22} "
                        f"{_fmt_kw(r.pv_power)} {_fmt_kw(r.load_power)} {_fmt_kw(r.grid_power)}  {r.status}"
                        + (_fmt_ratio(up.ratio) if r is up.readings[-1] else ""))
            for event, alarm in up.alarms:
                if event == "raised":
                    err(f"live: ALARM: {alarm.message} (since {alarm.start})")
                else:
                    err(f"live: alarm cleared at {alarm.end}")
            if up.readings and sys.stdout is not None:
                sys.stdout.flush()
            if not up.readings and not session.running:
                break
    except KeyboardInterrupt:
        pass
    finally:
        session.stop()
    for r in session.poll().readings:  # arrived while stopping: already recorded, print them too
        if args.json:
            out(json.dumps(r.to_dict(), allow_nan=False))
    rec = session.recorder
    err(f"live: {rec.received} readings received, {rec.stored} new rows stored in {store.path}"
        + (f"; last write error: {rec.last_error}" if rec.last_error else ""))
    return 0
