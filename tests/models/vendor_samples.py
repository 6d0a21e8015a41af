"""Write weather files in vendors' documented layouts (PVWatts, PVsyst, Meteonorm, Solcast, Solargis).

The values come from pvlib's Ineichen clear sky at mid-hour for a site in UTC+8 (independent of
SolarFleet's code); each writer applies the vendor's own time convention, so importing a written
file must give back the same values at the same UTC interval starts.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

LAT, LON, ALT, OFFSET = 31.2, 121.5, 4.0, 8
#: Years a TMY's months are "selected" from.
TMY_YEARS = [2007, 2012, 2009, 2015, 2011, 2006, 2018, 2010, 2013, 2008, 2016, 2014]


def reference_year(offset_hours: float = OFFSET) -> pd.DataFrame:
    """8760 hours of 2023 in local standard time (UTC+``offset_hours``), UTC interval-start index."""
    import pvlib
    local = pd.date_range("2023-01-01", periods=8760, freq="h")
    utc = (local - pd.Timedelta(hours=offset_hours)).tz_localize("UTC")
    cs = pvlib.location.Location(LAT, LON, altitude=ALT).get_clearsky(utc + pd.Timedelta(minutes=30))
    hour_of_year = np.arange(8760)
    data = pd.DataFrame({"ghi": cs["ghi"].to_numpy().round(1), "dni": cs["dni"].to_numpy().round(1),
                         "dhi": cs["dhi"].to_numpy().round(1),
                         "temp_air": (16 + 10 * np.sin(2 * np.pi * (hour_of_year / 8760 - 0.3))).round(1),
                         "wind_speed": (3 + np.sin(hour_of_year / 7.0)).round(1)}, index=utc.rename("time"))
    return data


def _local(data, offset=OFFSET):
    return (data.index + pd.Timedelta(hours=offset)).tz_localize(None)


def write_pvwatts(path, data: pd.DataFrame) -> None:
    """PVWatts v8 web hourly export: 17 metadata lines, Month/Day/Hour (hour-beginning), no GHI, a Totals row."""
    meta = [("Requested Location", "shanghai"), ("Location", f"Lat, Lon: {LAT}, {LON}"), ("Lat (deg N)", LAT),
            ("Long (deg E)", LON), ("Elev (m)", ALT), ("DC System Size (kW)", 4), ("Module Type", "Standard"),
            ("Array Type", "Fixed (open rack)"), ("Array Tilt (deg)", 20), ("Array Azimuth (deg)", 180),
            ("System Losses (%)", 14.08), ("Inverter Efficiency (%)", 96), ("DC to AC Size Ratio", 1.2),
            ("Ground Coverage Ratio", 0.4), ("Albedo", "From weather file"), ("Bifacial", "No (0)"),
            ("Capacity Factor (%)", 15.1)]
    lines = [f'"{k}:","{v}"' for k, v in meta]
    lines.append('"Month","Day","Hour","Beam Irradiance (W/m2)","Diffuse Irradiance (W/m2)",'
                 '"Ambient Temperature (C)","Wind Speed (m/s)","Albedo","Plane of Array Irradiance (W/m2)",'
                 '"Cell Temperature (C)","DC Array Output (W)","AC System Output (W)"')
    for t, r in zip(_local(data), data.itertuples()):
        lines.append(f'{t.month},{t.day},{t.hour},{r.dni},{r.dhi},{r.temp_air},{r.wind_speed},0.2,'
                     f'{r.ghi * 1.1:.1f},{r.temp_air + 5:.1f},{r.ghi * 3:.1f},{r.ghi * 2.9:.1f}')
    lines.append('"Totals","","","","","","","","","","",""')
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


def write_pvsyst(path, data: pd.DataFrame, *, with_tz: bool = True) -> None:
    """PVsyst hourly CSV: header lines, ``date;GlobHor;…``, a units line, day-first 2-digit-year dates."""
    lines = ["PVSYST V7.4.0", "Meteo data from Meteonorm 8.1 (typical year)",
             "Geographical Site;Shanghai;China", f"Latitude;{LAT}", f"Longitude;{LON}", f"Altitude;{ALT:g}"]
    if with_tz:
        lines.append(f"Time zone;{OFFSET}")
    lines += ["", "date;GlobHor;DiffHor;BeamHor;T_Amb;WindVel", ";W/m²;W/m²;W/m²;°C;m/s"]
    beam = data["ghi"] - data["dhi"]
    for t, r, b in zip(_local(data), data.itertuples(), beam):
        lines.append(f"{t:%d/%m}/90 {t:%H:%M};{r.ghi};{r.dhi};{b:.1f};{r.temp_air};{r.wind_speed}")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


def write_meteonorm_dat(path, data: pd.DataFrame) -> None:
    """Meteonorm "Standard" .dat: site name, ``lat,lon,alt,tz``, ``m dy h G_Gh …`` (h 1–24 hour ending)."""
    lines = ["Shanghai", f"{LAT},{LON},{ALT:g},{OFFSET}", " m\tdy\th\tG_Gh\tG_Dh\tG_Bn\tTa\tFF\tp"]
    for t, r in zip(_local(data), data.itertuples()):
        lines.append(f" {t.month}\t{t.day}\t{t.hour + 1}\t{r.ghi:.0f}\t{r.dhi:.0f}\t{r.dni:.0f}\t{r.temp_air}\t"
                     f"{r.wind_speed}\t1013")
    with open(path, "w", encoding="latin-1", newline="") as fh:
        fh.write("\r\n".join(lines) + "\r\n")


def write_solcast_tmy(path, data_utc_year: pd.DataFrame) -> None:
    """Solcast TMY CSV: ``period_end`` (UTC, Z), ``period`` PT60M; each month from another year."""
    lines = ["air_temp,dhi,dni,ghi,wind_speed_10m,period_end,period"]
    for t, r in zip(data_utc_year.index, data_utc_year.itertuples()):
        y = TMY_YEARS[t.month - 1]
        end = t.replace(year=y) + pd.Timedelta(hours=1)
        lines.append(f"{r.temp_air},{r.dhi},{r.dni},{r.ghi},{r.wind_speed},{end:%Y-%m-%dT%H:%M:%SZ},PT60M")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines) + "\n")


def write_solargis_tmy(path, data: pd.DataFrame) -> None:
    """Solargis TMY CSV: ``#`` header with Time reference UTC+08, ``Day;Time;GHI;DNI;DIF;TEMP;WS`` (hh:30)."""
    lines = ["#TYPICAL METEOROLOGICAL YEAR (P50) - HOURLY VALUES", "#", "#Site name: Shanghai",
             f"#Latitude: {LAT}", f"#Longitude: {LON}", f"#Elevation: {ALT:g} m a.s.l.", "#",
             "#Time reference: UTC+08", "#", "#Columns:", "#Day - Day and month [dd.mm]",
             "#Time - Time of the middle of the hour [hh:mm]", "#GHI - Global horizontal irradiance [W/m2]",
             "#DNI - Direct normal irradiance [W/m2]", "#DIF - Diffuse horizontal irradiance [W/m2]",
             "#TEMP - Air temperature at 2 m [deg_C]", "#WS - Wind speed at 10 m [m/s]", "#", "#Data:",
             "Day;Time;GHI;DNI;DIF;TEMP;WS"]
    for t, r in zip(_local(data), data.itertuples()):
        lines.append(f"{t:%d.%m};{t:%H}:30;{r.ghi:.0f};{r.dni:.0f};{r.dhi:.0f};{r.temp_air};{r.wind_speed}")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines) + "\n")
