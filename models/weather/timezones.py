"""Time zones, daylight saving time and the typical year.

* :func:`fixed_offset_tz`, :func:`parse_tz` and :func:`standard_offset_hours` name a zone or a fixed
  UTC offset and give its standard offset [h].
* :func:`localize_local_times` turns naive local stamps into UTC without inventing or losing an hour:
  in a zone with DST (China 1986–1991) stamps are read as local **standard** time unless they
  themselves show civil time (a repeated autumn hour and no spring hour); :func:`in_dst` tells
  whether any stamp falls in a DST period.
* :func:`typical_year_starts` lays a typical year (months drawn from different years) on ONE
  continuous non-leap year, :data:`~solarfleet.models.weather.convention.TYPICAL_YEAR`, dropping
  29 February.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from solarfleet.models.tznames import is_iana_zone
from solarfleet.models.weather.convention import TYPICAL_YEAR, WeatherFileError, stamps_ns

__all__ = ["fixed_offset_tz", "parse_tz", "check_utc_offset", "standard_offset_hours", "localize_local_times", "in_dst",
           "typical_year_starts"]


def fixed_offset_tz(hours: float) -> str:
    """A zone name for a fixed UTC offset: ``Etc/GMT-8`` for UTC+8, ``+05:30`` when not whole hours."""
    if hours == 0:
        return "UTC"
    if float(hours).is_integer():
        return f"Etc/GMT{-int(hours):+d}"
    sign = "+" if hours > 0 else "-"
    m = int(round(abs(hours) * 60))
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


def parse_tz(tz, path=None) -> tuple[Optional[ZoneInfo], float, str]:
    """``(zone or None, fixed offset [h] or NaN, name)`` of ``tz``.

    ``tz`` is ``"UTC"``, a fixed offset (``"+08:00"``, ``"UTC+8"``, 8) or an IANA name; ``path`` is named in errors.
    """
    if isinstance(tz, (int, float)) and not isinstance(tz, bool):
        return None, check_utc_offset(tz, path), fixed_offset_tz(float(tz))
    s = str(tz).strip()
    if s.upper() in ("UTC", "Z", "GMT"):
        return None, 0.0, "UTC"
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", s, re.I)
    if m:
        if int(m.group(3) or 0) >= 60:
            raise WeatherFileError(path or "-", f"time zone {s!r}: minutes must be below 60")
        hours = int(m.group(2)) + int(m.group(3) or 0) / 60.0
        hours = check_utc_offset(hours if m.group(1) == "+" else -hours, path, s)
        return None, hours, fixed_offset_tz(hours)
    if not is_iana_zone(s):
        raise WeatherFileError(path or "-", f"unknown time zone {s!r} (use an IANA name such as Asia/Shanghai, "
                                            "'UTC' or an offset such as +08:00)")
    return ZoneInfo(s), math.nan, s


def check_utc_offset(hours, path=None, text=None) -> float:
    """``hours`` as a float when it is a real UTC offset (−12…+14 h), else a :class:`WeatherFileError`."""
    value = float(hours)
    if not math.isfinite(value) or not -12.0 <= value <= 14.0:
        raise WeatherFileError(path or "-", f"time zone {text if text is not None else hours!r} is not a UTC "
                                            "offset between -12:00 and +14:00")
    return value


def standard_offset_hours(zone: ZoneInfo, year: int) -> float:
    """A zone's standard offset in ``year`` [h]: the smaller of its January and July offsets."""
    jan = _dt.datetime(year, 1, 15, 12, tzinfo=zone).utcoffset()
    jul = _dt.datetime(year, 7, 15, 12, tzinfo=zone).utcoffset()
    return min(jan, jul).total_seconds() / 3600.0


def localize_local_times(naive: pd.DatetimeIndex, tz, *, local_time: str = "auto",
                         path=None) -> tuple[pd.DatetimeIndex, str]:
    """Turn naive local stamps into UTC, without inventing or losing an hour.

    Parameters
    ----------
    naive : pandas.DatetimeIndex
        Stamps as written in the file (no zone).
    tz : str or float
        ``"UTC"``, a fixed offset (``"+08:00"``, ``8``) or an IANA zone (``"Asia/Shanghai"``).
    local_time : {'auto', 'standard', 'civil'}
        For an IANA zone with daylight saving time in the data's years:

        * ``'standard'`` — the stamps are local **standard** time all year (what meteorological
          services and most loggers record; China's 1986–1991 summer time was never applied to
          CMA observations), so the zone's standard offset is used every day.
        * ``'civil'`` — the stamps follow the clock on the wall: the spring-forward hour is absent
          and the autumn hour appears twice (resolved by order).
        * ``'auto'`` (default) — ``'civil'`` only if the stamps repeat a wall-clock hour inside a
          DST fall-back and contain no stamp inside a spring-forward gap; otherwise ``'standard'``.
    path : optional
        File named in errors.

    Returns
    -------
    (pandas.DatetimeIndex, str)
        UTC stamps and the interpretation used (``'fixed'``, ``'standard'`` or ``'civil'``).
    """
    zone, offset, _ = parse_tz(tz, path)
    if zone is None:
        return (naive - pd.Timedelta(hours=offset)).tz_localize("UTC"), "fixed"
    if local_time not in ("auto", "standard", "civil"):
        raise ValueError(f"local_time must be 'auto', 'standard' or 'civil' (got {local_time!r})")
    years = range(int(naive.min().year), int(naive.max().year) + 1) if len(naive) else range(0)
    std = {y: standard_offset_hours(zone, y) for y in years}
    has_dst = any(standard_offset_hours(zone, y) != max(
        _dt.datetime(y, m, 15, 12, tzinfo=zone).utcoffset().total_seconds() / 3600 for m in range(1, 13))
        for y in years)
    mode = local_time
    if mode == "auto":
        mode = "standard"
        if has_dst and naive.has_duplicates:
            civil = pd.Series(0, index=naive)
            nonexistent = civil.index.tz_localize(zone, ambiguous="NaT", nonexistent="NaT").isna()
            dup = naive.duplicated(keep=False)
            # civil if every repeated stamp is ambiguous and no stamp falls into a spring gap
            ambiguous_ok = all(_is_ambiguous(t, zone) for t in naive[dup][:50])
            gap = any(_is_nonexistent(t, zone) for t in naive[nonexistent][:50])
            if ambiguous_ok and not gap:
                mode = "civil"
        elif has_dst and len(naive) > 2 and not naive.has_duplicates:
            # a wall-clock file that only spans a spring transition: the skipped hour is absent from the
            # stamps while the hours on both sides are present
            step = pd.Series(np.diff(stamps_ns(naive)))
            usual = int(step.mode()[0]) if len(step) else 0
            jumps = np.flatnonzero(step.to_numpy() == usual + 3600 * 10 ** 9)
            if usual and any(_is_nonexistent(naive[i] + pd.Timedelta(hours=1), zone) or
                             _is_nonexistent(naive[i] + pd.Timedelta(nanoseconds=usual), zone)
                             for i in jumps[:50]):
                mode = "civil"
    if mode == "standard" or not has_dst:
        offs = pd.Index([std[y] for y in naive.year], dtype=float) if len(std) > 1 else \
            pd.Index(np.full(len(naive), next(iter(std.values()), 0.0)))
        utc = naive - pd.to_timedelta(np.asarray(offs) * 3600.0, unit="s")
        return pd.DatetimeIndex(utc).tz_localize("UTC"), "standard"
    try:
        local = naive.tz_localize(zone, ambiguous="infer", nonexistent="raise")
    except Exception as exc:  # pandas raises pytz-style errors with the offending stamp in the text
        raise WeatherFileError(path or "-", f"the stamps are not valid civil time in {zone.key}: {exc}") from None
    return local.tz_convert("UTC"), "civil"


def in_dst(naive: pd.DatetimeIndex, tz) -> bool:
    """Whether any naive local stamp falls in a daylight-saving period of IANA zone ``tz``."""
    try:
        zone = ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError):
        return False
    if naive.tz is not None or len(naive) == 0:
        return False
    days = pd.DatetimeIndex(naive.normalize().unique()) + pd.Timedelta(hours=12)
    return any(d.to_pydatetime().replace(tzinfo=zone).dst() for d in days)


def _is_ambiguous(t: pd.Timestamp, zone: ZoneInfo) -> bool:
    d = t.to_pydatetime()
    return d.replace(tzinfo=zone, fold=0).utcoffset() != d.replace(tzinfo=zone, fold=1).utcoffset()


def _is_nonexistent(t: pd.Timestamp, zone: ZoneInfo) -> bool:
    d = t.to_pydatetime().replace(tzinfo=zone)
    return d.astimezone(_dt.timezone.utc).astimezone(zone).replace(tzinfo=None) != d.replace(tzinfo=None)


def typical_year_starts(path, months, days, hours0, first_line: int, notes: list,
                         year: int = TYPICAL_YEAR) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """Interval starts (naive, local standard time) of a typical year laid on ``year``.

    ``hours0`` are hours 0–23 of the interval start. Returns the stamps and a boolean mask of the
    rows kept (29 February is dropped). Raises when hours are missing, repeated or out of order.
    """
    months, days, hours0 = (np.asarray(a, dtype=int) for a in (months, days, hours0))
    leap = (months == 2) & (days == 29)
    if leap.any():
        notes.append(f"dropped {int(leap.sum())} hours of 29 February: a typical year is laid on "
                     f"non-leap {year}")
    keep = ~leap
    try:
        stamps = pd.to_datetime(pd.DataFrame({"year": year, "month": months[keep], "day": days[keep],
                                              "hour": hours0[keep]}))
    except (ValueError, OverflowError) as exc:
        raise WeatherFileError(path, f"impossible date in the data: {exc}") from None
    stamps = pd.DatetimeIndex(stamps)
    rows = np.flatnonzero(keep)
    if stamps.hasnans:  # a month, day or hour field left empty
        line = first_line + int(rows[np.flatnonzero(stamps.isna())[0]])
        raise WeatherFileError(path, "a row has no date or hour (month, day and hour must all be given)", line)
    step = np.diff(stamps_ns(stamps)) if len(stamps) > 1 else np.array([], dtype=np.int64)
    hour_ns = 3600 * 10 ** 9
    bad = np.flatnonzero(step != hour_ns)
    if len(bad):
        i = bad[0]
        line = first_line + int(rows[i + 1])
        what = "repeats or goes back in time" if step[i] <= 0 else \
            f"skips {int(step[i] // hour_ns) - 1} hour(s) (hours missing or out of order)"
        raise WeatherFileError(path, f"the row after {stamps[i]:%m-%d %H:00} is {stamps[i + 1]:%m-%d %H:00}: it "
                                     f"{what}; a typical year must be continuous and hourly", line)
    if len(stamps) == 0:
        raise WeatherFileError(path, "no data rows: a typical year needs 8760 hourly rows (truncated file?)",
                               first_line)
    expected = pd.date_range(f"{year}-01-01", periods=8760, freq="h")
    if len(stamps) != 8760 or stamps[0] != expected[0]:
        last = first_line + int(rows[-1]) if len(rows) else first_line
        raise WeatherFileError(
            path, f"a typical year needs 8760 hourly rows from 1 January 00:00 to 31 December 23:00; the file has "
                  f"{len(stamps)} from {stamps[0]:%m-%d %H:00} to {stamps[-1]:%m-%d %H:00} (truncated file?)",
            last)
    return stamps, keep
