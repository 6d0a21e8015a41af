"""A local HTTP server on 127.0.0.1 answering like NASA POWER and PVGIS, in each API's documented shape.

* ``/api/temporal/hourly/point`` — NASA POWER hourly point (GeoJSON Feature, ``YYYYMMDDHH`` UTC keys,
  ``header.fill_value``, ``parameters.<NAME>.units``);
* ``/api/temporal/climatology/regional`` — NASA POWER regional climatology (FeatureCollection, one
  parameter, ``JAN`` … ``DEC``, ``ANN``; GHI in kW-hr/m^2/day), 2–10° per side or HTTP 422;
* ``/api/seriescalc`` — PVGIS hourly series JSON (``inputs``, ``outputs.hourly`` with ``time``
  ``YYYYMMDD:HH10``, ``Gb(i)``, ``Gd(i)``, ``Gr(i)``, ``H_sun``, ``T2m``, ``WS10m``, ``Int``; ``meta``);
* ``/slow/...`` — answers after :attr:`WeatherServer.delay` seconds.

The values are pvlib's Ineichen clear sky scaled by a known factor per year (:func:`year_factor`), so a
test knows the true inter-annual spread.
"""
from __future__ import annotations

import functools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import numpy as np
import pandas as pd

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def year_factor(year: int) -> float:
    """Cloudiness factor of a year [-]: a known inter-annual pattern."""
    return 0.70 + 0.04 * ((year * 7) % 5)


@functools.lru_cache(maxsize=16)
def _clearsky(lat: float, lon: float, year: int) -> pd.DataFrame:
    import pvlib
    idx = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq="h", tz="UTC", inclusive="left")
    loc = pvlib.location.Location(lat, lon)
    sp = loc.get_solarposition(idx + pd.Timedelta(minutes=30))
    cs = loc.get_clearsky(idx + pd.Timedelta(minutes=30), solar_position=sp)
    cs.index = idx
    cs["elevation"] = sp["apparent_elevation"].to_numpy()
    return cs


def nasa_hourly_doc(lat: float, lon: float, year: int) -> dict:
    cs = _clearsky(lat, lon, year)
    f = year_factor(year)
    keys = [f"{t:%Y%m%d%H}" for t in cs.index]
    hours = np.arange(len(cs))
    values = {"ALLSKY_SFC_SW_DWN": (cs["ghi"] * f).round(2), "ALLSKY_SFC_SW_DNI": (cs["dni"] * f).round(2),
              "ALLSKY_SFC_SW_DIFF": (cs["dhi"] * f).round(2),
              "T2M": pd.Series(15 + 10 * np.sin(2 * np.pi * (hours / len(cs) - 0.3)), index=cs.index).round(2),
              "WS10M": pd.Series(3 + np.sin(hours / 5.0), index=cs.index).round(2)}
    param = {k: dict(zip(keys, map(float, v))) for k, v in values.items()}
    param["T2M"][keys[100]] = -999.0  # one missing value, as POWER marks it
    units = {"ALLSKY_SFC_SW_DWN": "W/m^2", "ALLSKY_SFC_SW_DNI": "W/m^2", "ALLSKY_SFC_SW_DIFF": "W/m^2",
             "T2M": "C", "WS10M": "m/s"}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat, 12.3]},
            "properties": {"parameter": param},
            "header": {"title": "NASA/POWER Source Native Resolution Hourly Data", "api": {"version": "v2.5.7",
                       "name": "POWER Hourly API"}, "sources": ["syn1deg", "merra2"], "fill_value": -999.0,
                       "time_standard": "UTC", "start": f"{year}0101", "end": f"{year}1231"},
            "messages": [], "parameters": {k: {"units": u, "longname": k} for k, u in units.items()},
            "times": {"data": 0.5, "process": 0.1}}


def climatology_value(parameter: str, lat: float, lon: float, month: int) -> float:
    """The served monthly value at a grid point: a smooth known field."""
    season = np.cos(2 * np.pi * (month - 6.5) / 12)
    if parameter == "ALLSKY_SFC_SW_DWN":  # [kWh/m²/day]
        return round(4.0 + 1.5 * season - 0.05 * (lat - 30) + 0.02 * (lon - 110), 3)
    if parameter == "T2M":
        return round(16 + 12 * season - 0.6 * (lat - 30), 2)
    if parameter == "WS10M":
        return round(2.5 + 0.02 * (lon - 110), 2)
    return round(0.45 + 0.1 * season, 3)  # ALLSKY_KT


def climatology_doc(params: dict) -> tuple[int, dict]:
    lat0, lat1 = float(params["latitude-min"]), float(params["latitude-max"])
    lon0, lon1 = float(params["longitude-min"]), float(params["longitude-max"])
    name = params["parameters"]
    if "," in name:
        return 422, {"messages": ["Regional requests take one parameter"]}
    if not (2 <= lat1 - lat0 <= 10 and 2 <= lon1 - lon0 <= 10):
        return 422, {"messages": ["The bounding box must be between 2 and 10 degrees per side"]}
    feats = []
    for lat in np.arange(np.floor(lat0) + 0.5, lat1, 1.0):
        for lon in np.arange(np.floor(lon0) + 0.5, lon1, 1.0):
            monthly = {m: climatology_value(name, lat, lon, i + 1) for i, m in enumerate(MONTHS)}
            monthly["ANN"] = round(float(np.mean(list(monthly.values()))), 3)
            feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat, 50.0]},
                          "properties": {"parameter": {name: monthly}}})
    units = {"ALLSKY_SFC_SW_DWN": "kW-hr/m^2/day", "T2M": "C", "WS10M": "m/s", "ALLSKY_KT": "dimensionless"}
    return 200, {"type": "FeatureCollection", "features": feats,
                 "header": {"title": "NASA/POWER Source Native Resolution Climatology", "api": {
                     "version": "v2.5.7", "name": "POWER Climatology API"}, "fill_value": -999.0,
                     "range": "20-year Meteorological and Solar Monthly & Annual Climatologies (January 2001 - "
                              "December 2020)"},
                 "messages": [], "parameters": {name: {"units": units[name], "longname": name}},
                 "times": {"data": 0.2, "process": 0.01}}


def pvgis_series_doc(lat: float, lon: float, year: int) -> dict:
    cs = _clearsky(lat, lon, year)
    f = year_factor(year)
    sin_e = np.sin(np.radians(np.clip(cs["elevation"].to_numpy(), 0, None)))
    beam_h = cs["dni"].to_numpy() * f * sin_e
    rows = [{"time": f"{t:%Y%m%d:%H}10", "Gb(i)": round(float(b), 2), "Gd(i)": round(float(d), 2), "Gr(i)": 0.0,
             "H_sun": round(float(max(e, 0.0)), 2), "T2m": 12.0, "WS10m": 2.0, "Int": 0}
            for t, b, d, e in zip(cs.index, beam_h, cs["dhi"].to_numpy() * f, cs["elevation"].to_numpy())]
    return {"inputs": {"location": {"latitude": lat, "longitude": lon, "elevation": 10.0},
                       "meteo_data": {"radiation_db": "PVGIS-SARAH3", "meteo_db": "ERA5", "year_min": year,
                                      "year_max": year, "use_horizon": False, "horizon_db": None},
                       "mounting_system": {"fixed": {"slope": {"value": 0, "optimal": False},
                                                     "azimuth": {"value": 0, "optimal": False},
                                                     "type": "free-standing"}}},
            "outputs": {"hourly": rows},
            "meta": {"inputs": {"location": {"description": "Selected location"}},
                     "outputs": {"hourly": {"type": "time series", "timestamp": "hourly averages"}}}}


class WeatherServer:
    """The server, its base URL, and the log of requests it answered (path, query)."""

    def __init__(self):
        self.requests: list = []
        self.delay = 2.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_GET(self):
                u = urlparse(self.path)
                q = {k: v[0] for k, v in parse_qs(u.query).items()}
                server.requests.append((u.path, q))
                if u.path.startswith("/slow"):
                    time.sleep(server.delay)
                status, doc = server.route(u.path.replace("/slow", "", 1), q)
                body = json.dumps(doc).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="test-weather-server", daemon=True)
        self.thread.start()

    def route(self, path: str, q: dict) -> tuple[int, dict]:
        if path == "/api/temporal/hourly/point":
            year = int(q["start"][:4])
            if q["end"][:4] != str(year):
                return 422, {"messages": ["one year per request in this test server"]}
            return 200, nasa_hourly_doc(float(q["latitude"]), float(q["longitude"]), year)
        if path == "/api/temporal/climatology/regional":
            return climatology_doc(q)
        if path == "/api/seriescalc":
            if q.get("outputformat") != "json":
                return 400, {"message": "outputformat must be json here"}
            return 200, pvgis_series_doc(float(q["lat"]), float(q["lon"]), int(q["startyear"]))
        return 404, {"message": f"no route {path}"}

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
