"""Horizon profiles for far shading: typed tables, PVGIS horizon files, nearby obstacles.

A horizon profile is a pandas Series of horizon elevation [°] indexed by azimuth [°]
(clockwise from north, pvlib's convention: 90 = east, 180 = south), sorted, azimuths in
[0, 360), each azimuth once. Between points it is read by linear interpolation, wrapping
round north (:func:`horizon_elevation_at`). The simulation's far shading takes this Series.

Sources:

* a typed table of ``azimuth, elevation`` pairs (:func:`horizon_series`, :func:`read_horizon_table`);
* a horizon file saved from PVGIS (:func:`read_pvgis_horizon`): the JSON of the
  ``printhorizon`` tool (``outputs.horizon_profile`` with ``A`` — azimuth with 0 = south,
  −90 = east, 90 = west — and ``H_hor``), its CSV/text form (a tab-separated table under an
  ``A  H_hor …`` header; JRC's page calls the first column ``A_hor``, both are read), or the
  Series of :func:`pvlib.iotools.get_pvgis_horizon` saved with ``to_csv`` / ``to_json``
  (``horizon_azimuth``, ``horizon_elevation``, pvlib convention);
* nearby obstacles (:class:`Obstacle`, :func:`obstacles_to_horizon`): an obstacle of height
  ``h`` above the roof at distance ``d`` rises ``atan(h / d)`` above the horizon at its centre
  azimuth, and covers ``±atan(w / 2d)`` either side; off centre its face is further away and the
  elevation is ``atan(h·cos θ / d)`` at angle ``θ`` from the centre (a flat face across the line
  of sight).

:func:`merge_horizons` combines profiles by taking the highest elevation at every azimuth.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
import pandas as pd

from solarfleet.models.validation import FleetValueError, check_number

__all__ = ["HorizonError", "Obstacle", "horizon_points", "horizon_series", "horizon_elevation_at",
           "read_horizon_table", "read_pvgis_horizon", "obstacles_to_horizon", "merge_horizons"]


class HorizonError(ValueError):
    """A horizon table or file cannot be read; names the file and line where known."""

    def __init__(self, reason: str, path=None, line: Optional[int] = None):
        self.reason, self.path, self.line = reason, (str(path) if path is not None else None), line
        loc = (self.path or "") + (f", line {line}" if line else "")
        super().__init__(f"{loc}: {reason}" if loc else reason)


def horizon_points(points) -> tuple:
    """Validate ``(azimuth, elevation)`` pairs and return them sorted, azimuth 360 folded onto 0.

    Raises
    ------
    HorizonError
        A value is not a finite number, an azimuth is outside [0, 360], an elevation outside
        [−90, 90], or an azimuth is given twice with different elevations.
    """
    if points is None:
        return ()
    if isinstance(points, pd.Series):
        points = list(zip(points.index, points.values))
    if isinstance(points, (str, bytes)) or not hasattr(points, "__iter__"):
        raise HorizonError("a horizon must be a list of (azimuth, elevation) pairs")
    seen: dict = {}
    for i, p in enumerate(points):
        if isinstance(p, (str, bytes)) or not hasattr(p, "__len__") or len(p) != 2:
            raise HorizonError(f"point {i + 1}: must be a pair (azimuth, elevation), got {p!r}")
        az, el = p
        for name, v, lo, hi in (("azimuth", az, 0, 360), ("elevation", el, -90, 90)):
            if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)) \
                    or not math.isfinite(float(v)) or not lo <= float(v) <= hi:
                raise HorizonError(f"point {i + 1}: {name} must be a number between {lo} and {hi} (got {v!r})")
        az, el = float(az) % 360.0, float(el)
        key = round(az, 9)
        if key in seen and abs(seen[key] - el) > 1e-9:
            raise HorizonError(f"point {i + 1}: azimuth {az:g}° is given twice with different elevations "
                               f"({seen[key]:g}° and {el:g}°)")
        seen[key] = el
    return tuple(sorted(seen.items()))


def horizon_series(points) -> pd.Series:
    """A horizon profile Series (elevation [°] indexed by azimuth [°]) from ``(azimuth, elevation)`` pairs."""
    pts = horizon_points(points)
    if not pts:
        raise HorizonError("the horizon has no points")
    s = pd.Series([p[1] for p in pts], index=pd.Index([p[0] for p in pts], name="azimuth", dtype=float),
                  name="elevation", dtype=float)
    return s


def horizon_elevation_at(horizon: pd.Series, azimuth) -> np.ndarray:
    """Horizon elevation [°] at ``azimuth`` [°], linear between points, wrapping round north."""
    az = np.asarray(horizon.index, dtype=float)
    el = np.asarray(horizon.values, dtype=float)
    if len(az) == 1:
        return np.full(np.shape(azimuth), el[0])
    return np.interp(np.mod(np.asarray(azimuth, dtype=float), 360.0), az, el, period=360.0)


def merge_horizons(*profiles: pd.Series) -> pd.Series:
    """The highest elevation of several horizon profiles at every azimuth any of them names."""
    profiles = [p for p in profiles if p is not None and len(p)]
    if not profiles:
        raise HorizonError("no horizon to merge")
    az = np.unique(np.concatenate([np.asarray(p.index, dtype=float) % 360.0 for p in profiles]))
    el = np.max([horizon_elevation_at(p, az) for p in profiles], axis=0)
    return pd.Series(el, index=pd.Index(az, name="azimuth"), name="elevation")


def read_horizon_table(source, path_label: Optional[str] = None) -> pd.Series:
    """Read a typed horizon table: one ``azimuth, elevation`` pair a line [°].

    Commas, semicolons, tabs or spaces separate the two numbers; a header line of words and
    lines starting with ``#`` are skipped. ``source`` is a path or the text itself
    (``path_label`` names it in errors).
    """
    def _is_file(text: str) -> bool:
        try:
            return "\n" not in text and Path(text).is_file()
        except (OSError, ValueError):  # too long or NUL: not a path
            return False

    if isinstance(source, Path) or (isinstance(source, str) and _is_file(source)):
        label = str(source)
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise HorizonError(f"not a UTF-8 text file ({exc.reason})", label) from None
        except OSError as exc:
            raise HorizonError(f"cannot read the file ({exc.strerror or exc})", label) from None
    else:
        text, label = str(source), path_label or "<horizon table>"
    points = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p for p in line.replace(";", ",").replace("\t", ",").replace(" ", ",").split(",") if p]
        try:
            values = [float(p) for p in parts]
        except ValueError:
            if not points and not any(ch.isdigit() for ch in line):
                continue  # a header
            raise HorizonError(f"expected two numbers 'azimuth, elevation', got {line!r}", label, n) from None
        if len(values) != 2:
            raise HorizonError(f"expected two numbers 'azimuth, elevation', got {len(values)}", label, n)
        points.append((values[0], values[1]))
        try:
            horizon_points(points[-1:])
        except HorizonError as exc:
            raise HorizonError(exc.reason.split(": ", 1)[-1], label, n) from None
    try:
        return horizon_series(points)
    except HorizonError as exc:
        raise HorizonError(exc.reason, label) from None


def _from_pvgis_convention(a: Iterable[float], h: Iterable[float]) -> pd.Series:
    """PVGIS azimuths (0 = south, −90 = east) → pvlib azimuths (180 = south), closing point dropped."""
    pts = {}
    for az, el in zip(a, h):
        key = round((float(az) + 180.0) % 360.0, 9)
        if key in pts and abs(pts[key] - float(el)) > 1e-6:
            raise HorizonError(f"azimuth {az:g} appears twice with different heights")
        pts[key] = float(el)
    return horizon_series(list(pts.items()))


def read_pvgis_horizon(path) -> tuple[pd.Series, dict]:
    """Read a horizon profile saved from PVGIS.

    Parameters
    ----------
    path : str or pathlib.Path
        JSON from PVGIS ``printhorizon`` (``outputformat=json``), its CSV/text output, or the
        Series from :func:`pvlib.iotools.get_pvgis_horizon` saved as CSV or JSON.

    Returns
    -------
    data : pandas.Series
        Horizon elevation [°] indexed by azimuth [°], pvlib convention (north 0, south 180).
    metadata : dict
        ``source`` (file path), ``format``, ``latitude``/``longitude`` where the file gives them.

    Raises
    ------
    HorizonError
        The file is none of these forms, or holds bad values (naming the line where known).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise HorizonError(f"cannot read the file ({exc.strerror or exc})", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HorizonError("not a text file (expected PVGIS horizon JSON or CSV)", path) from None
    meta = {"source": str(path)}
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HorizonError(f"invalid JSON ({exc.msg})", path, exc.lineno) from None
        try:
            if isinstance(doc, dict) and "outputs" in doc:
                rows = doc["outputs"]["horizon_profile"]
                meta["format"] = "pvgis-json"
                loc = doc.get("inputs", {}).get("location", {}) if isinstance(doc.get("inputs"), dict) else {}
                for k in ("latitude", "longitude", "elevation"):
                    if isinstance(loc, dict) and isinstance(loc.get(k), (int, float)):
                        meta[k] = float(loc[k])
                data = _from_pvgis_convention([r["A"] for r in rows], [r["H_hor"] for r in rows])
            elif isinstance(doc, dict):  # pandas Series.to_json(): {"azimuth": elevation}
                meta["format"] = "pvlib-series-json"
                data = horizon_series([(float(k), v) for k, v in doc.items()])
            else:
                raise HorizonError("JSON is neither PVGIS horizon output nor a saved horizon Series", path)
        except HorizonError as exc:
            raise HorizonError(exc.reason, path) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise HorizonError(f"not PVGIS horizon JSON (missing or bad {exc})", path) from None
        return data, meta
    lines = text.splitlines()
    for n, line in enumerate(lines, start=1):
        cells = [c.strip() for c in line.replace(",", "\t").replace(";", "\t").split("\t")]
        head = [c for c in cells if c]
        if len(head) >= 2 and head[0] in ("A", "A_hor") and head[1] == "H_hor":
            return _read_table(lines, n, path, meta, "pvgis-csv", pvgis=True)
        if len(head) >= 2 and head[0] == "horizon_azimuth" and head[1] == "horizon_elevation":
            return _read_table(lines, n, path, meta, "pvlib-series-csv", pvgis=False)
        if ":" in line and len(head) >= 1 and n < 20:
            key, _, value = line.partition(":")
            key = key.strip().lower()
            try:
                if key.startswith("latitude"):
                    meta["latitude"] = float(value.split()[0])
                elif key.startswith("longitude"):
                    meta["longitude"] = float(value.split()[0])
            except (ValueError, IndexError):
                pass
    raise HorizonError("no horizon table found (expected a header 'A  H_hor' from PVGIS or "
                       "'horizon_azimuth,horizon_elevation' from pvlib)", path)


def _read_table(lines, header_line, path, meta, fmt, pvgis) -> tuple[pd.Series, dict]:
    a, h = [], []
    for n in range(header_line, len(lines)):
        line = lines[n].strip()
        if not line:
            break  # PVGIS puts a blank line and a legend after the table
        cells = [c.strip() for c in line.replace(",", "\t").replace(";", "\t").split("\t") if c.strip()]
        try:
            az, el = float(cells[0]), float(cells[1])
        except (ValueError, IndexError):
            if pvgis and a:
                break  # legend text after the table
            raise HorizonError(f"expected numbers, got {line!r}", path, n + 1) from None
        if not (math.isfinite(az) and math.isfinite(el)):
            raise HorizonError(f"azimuth and elevation must be finite numbers, got {line!r}", path, n + 1)
        if pvgis and not -180 <= az <= 180:
            raise HorizonError(f"PVGIS azimuth must be between -180 and 180 (got {az:g})", path, n + 1)
        if not -90 <= el <= 90:
            raise HorizonError(f"elevation must be between -90 and 90 (got {el:g})", path, n + 1)
        a.append(az)
        h.append(el)
    if not a:
        raise HorizonError("the horizon table is empty", path, header_line)
    meta["format"] = fmt
    try:
        data = _from_pvgis_convention(a, h) if pvgis else horizon_series(list(zip(a, h)))
    except HorizonError as exc:
        raise HorizonError(exc.reason, path) from None
    return data, meta


@dataclass(frozen=True)
class Obstacle:
    """Something near the roof that shades it: a tower, a taller building, a tree.

    Parameters
    ----------
    height : float
        Height above the roof surface [m].
    distance : float
        Horizontal distance from the array to the obstacle's face [m].
    azimuth : float
        Compass direction of the obstacle's centre, clockwise from north [°].
    width : float
        Horizontal width of the obstacle across the line of sight [m].
    name : str
    """

    height: float
    distance: float
    azimuth: float
    width: float
    name: str = ""

    def __post_init__(self):
        object.__setattr__(self, "height", check_number("height", self.height, 0, 1000))
        object.__setattr__(self, "distance", check_number("distance", self.distance, 0, 1e5, lo_open=True))
        object.__setattr__(self, "azimuth", check_number("azimuth", self.azimuth, 0, 360))
        object.__setattr__(self, "width", check_number("width", self.width, 0, 1e5))
        if not isinstance(self.name, str):
            raise FleetValueError("name", self.name, "must be text")

    @property
    def elevation(self) -> float:
        """Elevation of the obstacle's top seen from the array, at its centre [°]."""
        return math.degrees(math.atan2(self.height, self.distance))

    @property
    def half_width(self) -> float:
        """Half the angle the obstacle covers [°]."""
        return math.degrees(math.atan2(self.width / 2.0, self.distance))

    def to_dict(self) -> dict:
        return {"height": self.height, "distance": self.distance, "azimuth": self.azimuth, "width": self.width,
                "name": self.name}


def obstacles_to_horizon(obstacles, step: float = 1.0) -> pd.Series:
    """A horizon profile from nearby obstacles.

    Parameters
    ----------
    obstacles : iterable of Obstacle
    step : float
        Spacing of the regular azimuth grid [°]; each obstacle adds its own centre and edge
        azimuths (and points just outside its edges at 0°) so that narrow obstacles are kept
        and their sides stay sharp.

    Returns
    -------
    pandas.Series
        Elevation [°] indexed by azimuth [°]; 0 where no obstacle stands.
    """
    obstacles = list(obstacles)
    if not 0 < step <= 90:
        raise HorizonError(f"step must be between 0 and 90° (got {step!r})")
    az = [np.arange(0.0, 360.0, step)]
    edge = 1e-3
    for o in obstacles:
        hw = o.half_width
        az.append(np.array([o.azimuth, o.azimuth - hw, o.azimuth + hw, o.azimuth - hw - edge,
                            o.azimuth + hw + edge]) % 360.0)
    grid = np.unique(np.round(np.concatenate(az), 9) % 360.0)
    el = np.zeros_like(grid)
    for o in obstacles:
        theta = ((grid - o.azimuth + 180.0) % 360.0) - 180.0  # angle from the obstacle's centre
        inside = np.abs(theta) <= o.half_width + 1e-9
        e = np.degrees(np.arctan2(o.height * np.cos(np.radians(theta)), o.distance))
        el = np.where(inside, np.maximum(el, e), el)
    return pd.Series(el, index=pd.Index(grid, name="azimuth"), name="elevation")
