"""NASA POWER: hourly series for a point and monthly climatologies for a region.

The hourly point API answers a GeoJSON ``Feature``: ``geometry.coordinates = [lon, lat, elevation]``,
``properties.parameter.<NAME> = {"YYYYMMDDHH": value, …}`` (with ``time-standard=utc`` the stamp is
the UTC **start** of the hour, as :func:`pvlib.iotools.get_nasa_power` documents), ``header.fill_value``
for missing values, ``parameters.<NAME>.units``. The regional climatology API answers a
``FeatureCollection`` of such features whose parameters hold ``JAN`` … ``DEC`` and ``ANN``.

pvlib 0.16's :func:`pvlib.iotools.get_nasa_power` sends its request without a timeout and cannot be
cancelled, so the request goes through :func:`solarfleet.models.weather.http.fetch_json`; the tests
check the parsing against pvlib's own function on the same response.

Data: NASA Langley Research Center POWER Project; public, NASA asks users to acknowledge it
(:data:`NASA_POWER_ACKNOWLEDGEMENT`). Solar data are satellite-derived (CERES SYN1deg, 1° grid),
meteorology is reanalysis (MERRA-2, 0.5° × 0.625°): modelled, not measured at the site.
"""
from __future__ import annotations

import calendar
import math
from typing import Callable, Optional

import numpy as np
import pandas as pd

from solarfleet.models.weather.convention import WeatherNetworkError, regularise, weather_frame, weather_metadata
from solarfleet.models.weather.http import fetch_json

__all__ = ["HOURLY_URL", "CLIMATOLOGY_REGIONAL_URL", "NASA_POWER_ACKNOWLEDGEMENT", "HOURLY_PARAMETERS",
           "CLIMATOLOGY_PARAMETERS", "FIRST_HOURLY_YEAR", "get_nasa_power_hourly", "parse_nasa_power_hourly",
           "get_nasa_power_climatology", "parse_climatology_features"]

HOURLY_URL = "https://power.larc.nasa.gov/api/temporal/hourly/point"
CLIMATOLOGY_REGIONAL_URL = "https://power.larc.nasa.gov/api/temporal/climatology/regional"
#: The acknowledgement NASA POWER asks for (https://power.larc.nasa.gov, "Data Access" terms).
NASA_POWER_ACKNOWLEDGEMENT = ("These data were obtained from the NASA Langley Research Center (LaRC) POWER Project "
                              "funded through the NASA Earth Science/Applied Science Program. Public data.")
#: POWER name → pvlib name of the hourly parameters requested.
HOURLY_PARAMETERS = {"ALLSKY_SFC_SW_DWN": "ghi", "ALLSKY_SFC_SW_DNI": "dni", "ALLSKY_SFC_SW_DIFF": "dhi",
                     "T2M": "temp_air", "WS10M": "wind_speed"}
#: POWER name → our name of the monthly climatology parameters.
CLIMATOLOGY_PARAMETERS = {"ALLSKY_SFC_SW_DWN": "ghi", "T2M": "temp_air", "WS10M": "wind_speed",
                          "ALLSKY_KT": "clearness"}
#: First year of the hourly solar data.
FIRST_HOURLY_YEAR = 2001
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def get_nasa_power_hourly(latitude: float, longitude: float, year: int, *, url: str = HOURLY_URL,
                          timeout: float = 60.0, cancel: Optional[Callable[[], bool]] = None) -> dict:
    """The raw hourly response for one UTC calendar ``year`` at a point (parse it with
    :func:`parse_nasa_power_hourly`)."""
    params = {"latitude": round(float(latitude), 4), "longitude": round(float(longitude), 4),
              "start": f"{year}0101", "end": f"{year}1231", "community": "re",
              "parameters": ",".join(HOURLY_PARAMETERS), "format": "json", "header": "true",
              "time-standard": "utc"}
    return fetch_json("NASA POWER", url, params, timeout=timeout, cancel=cancel)


def parse_nasa_power_hourly(doc: dict, *, where: str = "NASA POWER response") -> tuple[pd.DataFrame, dict]:
    """``(data, metadata)`` in the weather convention from an hourly point response (UTC hour starts)."""
    try:
        values = doc["properties"]["parameter"]
        lon, lat, elev = (list(doc["geometry"]["coordinates"]) + [None])[:3]
        fill = float(doc.get("header", {}).get("fill_value", -999.0))
    except (KeyError, TypeError, ValueError):
        raise WeatherNetworkError(f"{where}: not an hourly NASA POWER point response (no properties.parameter / "
                                  "geometry)") from None
    missing = [p for p in ("ALLSKY_SFC_SW_DWN",) if p not in values]
    if missing:
        raise WeatherNetworkError(f"{where}: the response lacks {', '.join(missing)}")
    stamps = sorted(values["ALLSKY_SFC_SW_DWN"])
    try:
        index = pd.DatetimeIndex(pd.to_datetime(stamps, format="%Y%m%d%H")).tz_localize("UTC")
    except ValueError as exc:
        raise WeatherNetworkError(f"{where}: hour stamps are not YYYYMMDDHH ({exc})") from None
    cols = {}
    for power, name in HOURLY_PARAMETERS.items():
        series = values.get(power)
        if series is None:
            continue
        a = np.array([series.get(s, fill) for s in stamps], dtype=float)
        cols[name] = np.where(np.isclose(a, fill) | (a < -900), np.nan, a)
    data, gap = regularise(weather_frame(index, cols), 60)
    years = sorted(set(int(y) for y in index.year))
    notes = ["NASA POWER hourly stamps are UTC hour starts (time-standard=utc)"] + ([gap] if gap else [])
    meta = weather_metadata(
        None, fmt="nasa_power_hourly", source="NASA POWER hourly (CERES SYN1deg / MERRA-2)", kind="satellite",
        year=years[0] if len(years) == 1 else None, latitude=float(lat), longitude=float(lon),
        altitude=None if elev is None else float(elev), tz="UTC", utc_offset=0.0, interval_minutes=60, notes=notes,
        licence=NASA_POWER_ACKNOWLEDGEMENT,
        data_class="satellite-derived irradiance and reanalysis meteorology on a grid: modelled, not measured "
                   "at the site")
    return data, meta


def get_nasa_power_climatology(bbox, parameter: str, *, url: str = CLIMATOLOGY_REGIONAL_URL, timeout: float = 60.0,
                               cancel: Optional[Callable[[], bool]] = None) -> dict:
    """The raw regional climatology response for one ``parameter`` over ``bbox`` = (lat_min, lat_max, lon_min,
    lon_max) [°] (the API takes one parameter per regional request, 2–10° per side)."""
    lat_min, lat_max, lon_min, lon_max = bbox
    params = {"latitude-min": lat_min, "latitude-max": lat_max, "longitude-min": lon_min,
              "longitude-max": lon_max, "parameters": parameter, "community": "re", "format": "json"}
    return fetch_json("NASA POWER", url, params, timeout=timeout, cancel=cancel)


def _to_storage(name: str, units: str, month: int, value: float) -> float:
    """A monthly climatology value in storage units: GHI as monthly irradiation [Wh/m²]."""
    if name != "ghi":
        return value
    days = calendar.monthrange(2023, month)[1]
    u = units.replace(" ", "").lower()
    if u in ("kw-hr/m^2/day", "kwh/m^2/day", "kwh/m2/day"):
        return value * 1000.0 * days
    if u in ("mj/m^2/day", "mj/m2/day"):
        return value / 3.6 * 1000.0 * days
    raise WeatherNetworkError(f"NASA POWER climatology: unexpected GHI units {units!r}")


def parse_climatology_features(doc: dict, parameter: str) -> dict:
    """``{(lat, lon): {"elevation": m, name: [12 values]}}`` of one parameter of a regional climatology response."""
    name = CLIMATOLOGY_PARAMETERS[parameter]
    try:
        features = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
        fill = float(doc.get("header", {}).get("fill_value", -999.0))
        units = doc.get("parameters", {}).get(parameter, {}).get("units", "")
    except (AttributeError, TypeError, ValueError):
        raise WeatherNetworkError("NASA POWER climatology: not a (Feature or FeatureCollection) response") from None
    out = {}
    for f in features:
        try:
            lon, lat = float(f["geometry"]["coordinates"][0]), float(f["geometry"]["coordinates"][1])
            monthly = f["properties"]["parameter"][parameter]
        except (KeyError, TypeError, IndexError, ValueError):
            raise WeatherNetworkError(f"NASA POWER climatology: a feature lacks geometry or {parameter}") from None
        vals = []
        for m, key in enumerate(_MONTHS, start=1):
            v = monthly.get(key)
            v = math.nan if v is None or float(v) == fill or float(v) < -900 else float(v)
            vals.append(None if math.isnan(v) else _to_storage(name, units, m, v))
        elev = f["geometry"]["coordinates"][2] if len(f["geometry"]["coordinates"]) > 2 else None
        out[(round(lat, 4), round(lon, 4))] = {"elevation": elev, name: vals}
    return out
