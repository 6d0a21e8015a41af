"""Write real-format weather files (PVGIS, NSRDB, SAM, measured CSV) from a known weather set.

The writers follow the published layouts (the PVGIS API's CSV/JSON outputs, the NSRDB/SAM
"standard time series" CSV), so that importing a written file must give back the same values at the
same UTC interval starts — which is what the tests check.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

#: Years PVGIS "selected" for each month (any mix; the importer must lay them on one year).
PVGIS_YEARS = [2012, 2007, 2016, 2010, 2019, 2008, 2013, 2011, 2015, 2009, 2018, 2014]


def utc_typical(data: pd.DataFrame) -> pd.DataFrame:
    """A typical year re-based to 1 Jan 00:00 UTC … 31 Dec 23:00 UTC (values rolled, as PVGIS TMY is)."""
    year = data.index[0].year if data.index[0].month == 1 else data.index[0].year + 1
    target = pd.date_range(f"{year}-01-01", periods=8760, freq="h", tz="UTC")
    offset = int((target[0] - data.index[0]) / pd.Timedelta(hours=1))
    rolled = data.iloc[np.roll(np.arange(len(data)), -offset)].copy()
    rolled.index = target
    return rolled


def _pvgis_stamp(ts: pd.Timestamp, minute: int = 0) -> str:
    return f"{PVGIS_YEARS[ts.month - 1]}{ts:%m%d}:{ts:%H}{minute:02d}"


def write_pvgis_tmy_csv(path, data_utc: pd.DataFrame, lat: float, lon: float, elevation: float) -> None:
    lines = [f"Latitude (decimal degrees): {lat:.3f}", f"Longitude (decimal degrees): {lon:.3f}",
             f"Elevation (m): {elevation:.1f}", "month,year"]
    lines += [f"{m},{y}" for m, y in enumerate(PVGIS_YEARS, start=1)]
    lines.append("time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP")
    for ts, r in data_utc.iterrows():
        lines.append(f"{_pvgis_stamp(ts)},{r.temp_air:.2f},70.0,{r.ghi:.1f},{r.dni:.1f},{r.dhi:.1f},300.0,"
                     f"{r.wind_speed:.2f},180.0,101000.0")
    lines += ["T2m: 2-m air temperature (degree Celsius)", "G(h): Global irradiance on the horizontal plane (W/m2)",
              "Gb(n): Beam/direct irradiance on a plane always normal to sun rays (W/m2)",
              "Gd(h): Diffuse irradiance on the horizontal plane (W/m2)", "SP: Surface (air) pressure (Pa)",
              "PVGIS (c) European Union, 2001-2024"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


def write_pvgis_tmy_json(path, data_utc: pd.DataFrame, lat: float, lon: float, elevation: float) -> None:
    doc = {"inputs": {"location": {"latitude": lat, "longitude": lon, "elevation": elevation},
                      "meteo_data": {"radiation_db": "PVGIS-SARAH2", "year_min": 2005, "year_max": 2020}},
           "outputs": {"months_selected": [{"month": m, "year": y} for m, y in enumerate(PVGIS_YEARS, start=1)],
                       "tmy_hourly": [{"time(UTC)": _pvgis_stamp(ts), "T2m": r.temp_air, "RH": 70.0, "G(h)": r.ghi,
                                       "Gb(n)": r.dni, "Gd(h)": r.dhi, "IR(h)": 300.0, "WS10m": r.wind_speed,
                                       "WD10m": 180.0, "SP": 101000.0} for ts, r in data_utc.iterrows()]},
           "meta": {"inputs": {"location": {"description": "Selected location"}}, "outputs": {}}}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)


def write_pvgis_tmy_epw(path, data_utc: pd.DataFrame, lat: float, lon: float, elevation: float) -> None:
    """PVGIS's EPW: TZ 0 (UTC), hours 1–24 hour-ending."""
    lines = [f"LOCATION,unknown,-,unknown,PVGIS-SARAH2,unknown,{lat:.3f},{lon:.3f},0,{elevation:.1f}",
             "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0",
             "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,PVGIS-TMY", "COMMENTS 2,",
             "DATA PERIODS,1,1,Data,Sunday,1/1,12/31"]
    for ts, r in data_utc.iterrows():
        f = [PVGIS_YEARS[ts.month - 1], ts.month, ts.day, ts.hour + 1, 0, "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9*9",
             f"{r.temp_air:.1f}", 9.9, 70, 101000, 9999, 9999, 300, f"{r.ghi:.0f}", f"{r.dni:.0f}", f"{r.dhi:.0f}",
             999999, 999999, 999999, 9999, 180, f"{r.wind_speed:.1f}", 0, 0, 9999, 99999, 9, 999999999, 999,
             0.999, 999, 99, 999, 999, 99]
        lines.append(",".join(str(x) for x in f))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def write_pvgis_hourly_csv(path, data_utc: pd.DataFrame, lat: float, lon: float, elevation: float,
                           solar_elevation: np.ndarray, slope: float = 0.0, minute: int = 10) -> None:
    """A seriescalc CSV with components (Gb(i), Gd(i), Gr(i)) on a plane of ``slope`` (0 = horizontal)."""
    lines = [f"Latitude (decimal degrees):\t{lat:.3f}", f"Longitude (decimal degrees):\t{lon:.3f}",
             f"Elevation (m):\t{elevation:.0f}", "Radiation database:\tPVGIS-SARAH2", "",
             f"Slope: {slope:g} deg. ", "Azimuth: 0 deg. ",
             "time,Gb(i),Gd(i),Gr(i),H_sun,T2m,WS10m,Int"]
    cosz = np.sin(np.radians(np.clip(solar_elevation, 0, None)))
    for (ts, r), cz, el in zip(data_utc.iterrows(), cosz, solar_elevation):
        beam = r.dni * cz
        lines.append(f"{ts:%Y%m%d}:{ts:%H}{minute:02d},{beam:.2f},{r.dhi:.2f},0.0,{el:.2f},{r.temp_air:.2f},"
                     f"{r.wind_speed:.2f},0.0")
    lines += ["", "Gb(i): Beam (direct) irradiance on the inclined plane (plane of the array) (W/m2)",
              "PVGIS (c) European Union, 2001-2024"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


def write_nsrdb_csv(path, data_local: pd.DataFrame, tz_hours: int, lat: float, lon: float, elevation: int,
                    minute: int = 30, years=None) -> None:
    """NSRDB PSM CSV: stamps local standard time; ``data_local`` index is naive local interval starts."""
    head = ("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Local Time Zone,"
            "Dew Point Units,DHI Units,DNI Units,GHI Units,Temperature Units,Pressure Units,Version")
    vals = f"NSRDB,123456,-,-,-,{lat},{lon},{tz_hours},{elevation},{tz_hours},c,w/m2,w/m2,w/m2,c,mbar,v3.2.2"
    lines = [head, vals, "Year,Month,Day,Hour,Minute,GHI,DNI,DHI,Temperature,Wind Speed,Pressure,Surface Albedo"]
    for ts, r in data_local.iterrows():
        y = years[ts.month - 1] if years else ts.year
        lines.append(f"{y},{ts.month},{ts.day},{ts.hour},{minute},{r.ghi:.0f},{r.dni:.0f},{r.dhi:.0f},"
                     f"{r.temp_air:.1f},{r.wind_speed:.1f},1010,0.2")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def write_sam_csv(path, data_local: pd.DataFrame, tz_hours: float, lat: float, lon: float, elevation: float,
                  with_minute: bool = False) -> None:
    lines = ["Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation",
             f"Measured,58362,Shanghai,-,China,{lat},{lon},{tz_hours},{elevation}",
             "Year,Month,Day,Hour," + ("Minute," if with_minute else "") + "GHI,DNI,DHI,Tdry,Wspd,Pres"]
    for ts, r in data_local.iterrows():
        lines.append(f"{ts.year},{ts.month},{ts.day},{ts.hour}," + (f"{ts.minute}," if with_minute else "")
                     + f"{r.ghi:.1f},{r.dni:.1f},{r.dhi:.1f},{r.temp_air:.1f},{r.wind_speed:.1f},1012")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def write_pvgis_hourly_json(path, data_utc: pd.DataFrame, lat: float, lon: float, elevation: float,
                            solar_elevation: np.ndarray, slope: float = 0.0, minute: int = 10) -> None:
    cosz = np.sin(np.radians(np.clip(solar_elevation, 0, None)))
    hourly = [{"time": f"{ts:%Y%m%d}:{ts:%H}{minute:02d}", "Gb(i)": round(float(r.dni * cz), 2),
               "Gd(i)": float(r.dhi), "Gr(i)": 0.0, "H_sun": round(float(el), 2), "T2m": float(r.temp_air),
               "WS10m": float(r.wind_speed), "Int": 0}
              for (ts, r), cz, el in zip(data_utc.iterrows(), cosz, solar_elevation)]
    doc = {"inputs": {"location": {"latitude": lat, "longitude": lon, "elevation": elevation},
                      "meteo_data": {"radiation_db": "PVGIS-SARAH2", "year_min": 2019, "year_max": 2019},
                      "mounting_system": {"fixed": {"slope": {"value": slope, "optimal": False},
                                                    "azimuth": {"value": 0, "optimal": False}}}},
           "outputs": {"hourly": hourly}, "meta": {"inputs": {}, "outputs": {}}}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
