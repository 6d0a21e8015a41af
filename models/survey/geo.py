"""Where a site is, found offline: coordinates typed or pasted, time zone, altitude.

* :func:`parse_coordinates` reads what a surveyor types or pastes — ``"31.38, 121.25"``,
  ``"31.38N 121.25E"``, ``"N31°22'48\" E121°15'"``, ``"北纬31.38 东经121.25"`` — and
  returns ``(latitude, longitude)`` in decimal degrees, or raises :class:`CoordinateError`
  naming the character where reading stopped.
* :func:`timezone_at` finds the IANA time zone from the coordinates with the polygons
  bundled in ``timezonefinder`` (no network).
* :func:`altitude_at` reads pvlib's bundled altitude map
  (:func:`pvlib.location.lookup_altitude`, no network).
* :func:`locate_site` puts the three together, with overrides for time zone and altitude.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Optional

from solarfleet.models.tznames import iana_zone

__all__ = ["CoordinateError", "parse_coordinates", "timezone_at", "altitude_at", "SiteLocation", "locate_site",
           "format_coordinates"]


class CoordinateError(ValueError):
    """Text that cannot be read as a latitude and a longitude.

    Attributes
    ----------
    text : str
        The text as given.
    position : int or None
        0-based index of the character where reading stopped, where known.
    reason : str
    """

    def __init__(self, text: str, reason: str, position: Optional[int] = None):
        self.text, self.reason, self.position = text, reason, position
        where = f" at character {position + 1}" if position is not None else ""
        super().__init__(f"cannot read coordinates {text!r}{where}: {reason}")


# Words and symbols folded onto the ASCII forms the parser reads.
_FOLD = [
    ("北纬", "N"), ("南纬", "S"), ("东经", "E"), ("西经", "W"),      # Simplified Chinese
    ("北緯", "N"), ("南緯", "S"), ("東経", "E"), ("西経", "W"),      # Japanese
    ("東經", "E"), ("西經", "W"),                                    # Traditional Chinese
    ("º", "°"), ("˚", "°"), ("度", "°"), ("′", "'"), ("’", "'"), ("‘", "'"), ("´", "'"), ("分", "'"),
    ("″", '"'), ("”", '"'), ("“", '"'), ("''", '"'), ("秒", '"'),
    ("，", ","), ("；", ";"), ("−", "-"), ("–", "-"), ("\u00a0", " "), ("\u3000", " "),
]
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_SPACE = re.compile(r"\s*")
_SEPARATOR = re.compile(r"\s*[,;/]\s*|\s+")


_COLON_DMS = re.compile(r"(\d+):(\d+):(\d+(?:\.\d*)?)")
_COLON_DM = re.compile(r"(\d+):(\d+(?:\.\d*)?)")


def _fold(text: str) -> str:
    for a, b in _FOLD:
        text = text.replace(a, b)
    # PVGIS's DD:MM:SS form
    text = _COLON_DMS.sub(lambda m: f"{m[1]}°{m[2]}'{m[3]}\"", text)
    return _COLON_DM.sub(lambda m: f"{m[1]}°{m[2]}'", text)


@dataclass
class _Part:
    value: float          # absolute decimal degrees, sign applied
    hemisphere: str       # "N", "S", "E", "W" or ""
    start: int


def _read_part(s: str, pos: int, original: str) -> tuple[_Part, int]:
    """Read one coordinate (hemisphere, degrees, minutes, seconds) starting at ``pos``."""
    start = pos
    pos = _SPACE.match(s, pos).end()
    pre = ""
    if pos < len(s) and s[pos].upper() in "NSEW":
        pre = s[pos].upper()
        pos = _SPACE.match(s, pos + 1).end()
    m = _NUMBER.match(s, pos)
    if not m:
        what = repr(s[pos]) if pos < len(s) else "the end of the text"
        raise CoordinateError(original, f"expected a number, found {what}", min(pos, len(original) - 1))
    sign = -1.0 if m.group().startswith("-") else 1.0
    if m.group()[0] in "+-" and pre:
        raise CoordinateError(original, "give either a sign or a hemisphere letter, not both", pos)
    degrees = abs(float(m.group()))
    number_at = pos
    pos = m.end()
    minutes = seconds = 0.0
    q = _SPACE.match(s, pos).end()
    if q < len(s) and s[q] == "°":
        pos = q + 1
        q = _SPACE.match(s, pos).end()
        m2 = _NUMBER.match(s, q)
        if m2 and not m2.group().startswith(("-", "+")):
            r = _SPACE.match(s, m2.end()).end()
            if r < len(s) and s[r] == "'":
                if not degrees.is_integer():
                    raise CoordinateError(original, "degrees with a fraction cannot also have minutes", number_at)
                minutes = float(m2.group())
                pos = r + 1
                r = _SPACE.match(s, pos).end()
                m3 = _NUMBER.match(s, r)
                if m3 and not m3.group().startswith(("-", "+")):
                    t = _SPACE.match(s, m3.end()).end()
                    closed = t < len(s) and s[t] == '"'
                    ends = t >= len(s) or s[t] in ",;/" or s[t].upper() in "NSEW"
                    if closed or ends:
                        if not minutes.is_integer():
                            raise CoordinateError(original, "minutes with a fraction cannot also have seconds", r)
                        seconds = float(m3.group())
                        pos = t + 1 if closed else m3.end()
    elif q < len(s) and s[q] in "'\"":
        raise CoordinateError(original, "minutes or seconds without degrees (write 31°22'48\")", q)
    if minutes >= 60:
        raise CoordinateError(original, f"minutes must be below 60 (got {minutes:g})", number_at)
    if seconds >= 60:
        raise CoordinateError(original, f"seconds must be below 60 (got {seconds:g})", number_at)
    post = ""
    if not pre:
        q = _SPACE.match(s, pos).end()
        if q < len(s) and s[q].upper() in "NSEW":
            post = s[q].upper()
            pos = q + 1
            if sign < 0:
                raise CoordinateError(original, "give either a sign or a hemisphere letter, not both", number_at)
    value = sign * (degrees + minutes / 60.0 + seconds / 3600.0)
    return _Part(value, pre or post, start), pos


def parse_coordinates(text: str) -> tuple[float, float]:
    """Read a latitude and a longitude from text typed or pasted by a user.

    Parameters
    ----------
    text : str
        Two coordinates, latitude first unless hemisphere letters say otherwise. Accepted:
        decimal degrees with a sign (``"31.38, 121.25"``, ``"-33.86 151.21"``), with hemisphere
        letters before or after (``"31.38N 121.25E"``, ``"N31.38 E121.25"``), degrees-minutes
        (``31°22.8'N``) and degrees-minutes-seconds (``31°22'48"N 121°15'E``), the prime
        symbols ′ ″, and the Chinese/Japanese words 北纬 南纬 东经 西经 (北緯 東経 …).
        Separators: comma, semicolon, slash or spaces.

    Returns
    -------
    latitude, longitude : float
        North and east positive [°].

    Raises
    ------
    CoordinateError
        The text is not two coordinates, a value is out of range (|latitude| ≤ 90,
        |longitude| ≤ 180), minutes or seconds are 60 or more, or the hemisphere letters
        contradict each other. The message names the character where reading stopped.
    """
    if not isinstance(text, str):
        raise CoordinateError(repr(text), "must be text")
    original = text
    s = _fold(text)
    if len(s) != len(original):  # folding changed lengths (two-character words): positions refer to folded text
        original = s
    if not s.strip():
        raise CoordinateError(original, "no coordinates given")
    parts = []
    pos = 0
    while True:
        part, pos = _read_part(s, pos, original)
        parts.append(part)
        end = _SPACE.match(s, pos).end()
        if end >= len(s):
            break
        if len(parts) == 2:
            raise CoordinateError(original, "unexpected text after the longitude "
                                            f"({s[end:end + 10]!r}); give exactly two coordinates", end)
        sep = _SEPARATOR.match(s, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
        elif not parts[-1].hemisphere:
            raise CoordinateError(original, f"unexpected character {s[pos]!r}", pos)
    if len(parts) != 2:
        raise CoordinateError(original, "need two coordinates, latitude and longitude (e.g. '31.38, 121.25')")
    a, b = parts
    kinds = ["lat" if p.hemisphere in "NS" and p.hemisphere else "lon" if p.hemisphere else "" for p in parts]
    if kinds[0] and kinds[0] == kinds[1]:
        word = "latitudes (N/S)" if kinds[0] == "lat" else "longitudes (E/W)"
        raise CoordinateError(original, f"both coordinates are {word}", b.start)
    if kinds == ["lon", "lat"] or kinds == ["", "lat"] or kinds == ["lon", ""]:
        a, b = b, a
    lat = -a.value if a.hemisphere == "S" else a.value
    lon = -b.value if b.hemisphere == "W" else b.value
    if not math.isfinite(lat) or abs(lat) > 90:
        raise CoordinateError(original, f"latitude must be between -90 and 90 (got {lat:g})", a.start)
    if not math.isfinite(lon) or abs(lon) > 180:
        raise CoordinateError(original, f"longitude must be between -180 and 180 (got {lon:g})", b.start)
    return lat, lon


def format_coordinates(latitude: float, longitude: float, digits: int = 5) -> str:
    """``"31.38000N 121.25000E"``: hemisphere-lettered decimal degrees that :func:`parse_coordinates` reads back."""
    ns = "S" if latitude < 0 else "N"
    ew = "W" if longitude < 0 else "E"
    return f"{abs(latitude):.{digits}f}{ns} {abs(longitude):.{digits}f}{ew}"


@functools.lru_cache(maxsize=1)
def _finder():
    from timezonefinder import TimezoneFinder
    return TimezoneFinder()


def timezone_at(latitude: float, longitude: float) -> str:
    """IANA time zone at a point, from timezonefinder's bundled polygons (offline).

    Over the open sea timezonefinder answers with a nautical ``Etc/GMT±N`` zone; if it has
    no answer at all the nautical zone is derived from the longitude (15° per hour).

    Parameters
    ----------
    latitude, longitude : float
        [°], north and east positive.

    Returns
    -------
    str
        e.g. ``'Asia/Shanghai'``.
    """
    _check_point(latitude, longitude)
    tz = _finder().timezone_at(lat=float(latitude), lng=float(longitude))
    if tz:
        return tz
    hours = int(round(longitude / 15.0))
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX sign: Etc/GMT-8 is UTC+8


def altitude_at(latitude: float, longitude: float) -> float:
    """Altitude above sea level from pvlib's bundled map (:func:`pvlib.location.lookup_altitude`) [m].

    The map is coarse (a few km); where it has no data pvlib answers 0 m. On a low coast its cell
    averages land with sea and can come out below sea level (−2 m at Shanghai): a site with a roof is
    on land, so a looked-up value below 0 m is taken as 0 m (a value the user types is kept as typed).
    """
    _check_point(latitude, longitude)
    from pvlib.location import lookup_altitude
    return max(0.0, float(lookup_altitude(float(latitude), float(longitude))))


def _check_point(latitude, longitude) -> None:
    for name, v, lim in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or abs(v) > lim:
            raise ValueError(f"{name} must be a number between -{lim} and {lim} (got {v!r})")


@dataclass(frozen=True)
class SiteLocation:
    """A site's position with where each value came from.

    Parameters
    ----------
    latitude, longitude : float
        [°], north and east positive.
    altitude : float
        Above sea level [m].
    tz : str
        IANA time-zone name.
    tz_source, altitude_source : {'lookup', 'user'}
        Found offline from the coordinates, or given by the user.
    """

    latitude: float
    longitude: float
    altitude: float
    tz: str
    tz_source: str
    altitude_source: str


def locate_site(latitude: float, longitude: float, *, tz: Optional[str] = None,
                altitude: Optional[float] = None) -> SiteLocation:
    """Position, time zone and altitude of a site, offline, with optional overrides.

    Parameters
    ----------
    latitude, longitude : float
        [°].
    tz : str, optional
        IANA time zone to use instead of the lookup; checked against the tz database.
    altitude : float, optional
        Altitude to use instead of pvlib's map [m].

    Raises
    ------
    ValueError
        A coordinate is out of range, ``tz`` is not a known zone, or ``altitude`` is not a number.
    """
    _check_point(latitude, longitude)
    if tz is not None:
        if not isinstance(tz, str) or not tz.strip():
            raise ValueError(f"tz must be an IANA time-zone name such as 'Asia/Shanghai' (got {tz!r})")
        iana_zone(tz.strip())
        tz_value, tz_source = tz.strip(), "user"
    else:
        tz_value, tz_source = timezone_at(latitude, longitude), "lookup"
    if altitude is not None:
        if isinstance(altitude, bool) or not isinstance(altitude, (int, float)) or not math.isfinite(altitude) \
                or not -500 <= altitude <= 9000:
            raise ValueError(f"altitude must be a number between -500 and 9000 m (got {altitude!r})")
        alt_value, alt_source = float(altitude), "user"
    else:
        alt_value, alt_source = altitude_at(latitude, longitude), "lookup"
    return SiteLocation(float(latitude), float(longitude), alt_value, tz_value, tz_source, alt_source)
