"""Importers: every format lands on UTC interval starts, with the file's values, and the sun up when GHI is."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.weather.convention import TYPICAL_YEAR, WEATHER_COLUMNS
from solarfleet.models.weather.detect import detect_format, read_weather, split_years
from solarfleet.models.weather.measured import ColumnMapping, read_measured
from solarfleet.models.weather.timezones import localize_local_times
from solarfleet.models.weather.quality import annual_sum, monthly_sums, quality_report

from . import weather_samples as ws

PVLIB_DATA = os.path.join(os.path.dirname(__import__("pvlib").__file__), "data")
CSWD = {"CHN_Beijing.Beijing.545110_CSWD.epw": 1401, "CHN_Shanghai.Shanghai.583620_CSWD.epw": 1271,
        "CHN_Sichuan.Chengdu.562940_CSWD.epw": 900}
SH_LAT, SH_LON, SH_ALT = 31.40, 121.45, 5.5


def max_elevation(index: pd.DatetimeIndex, minutes: int, lat: float, lon: float) -> np.ndarray:
    """Highest solar elevation over each interval (start, middle, end) [°]."""
    import pvlib
    el = [pvlib.solarposition.get_solarposition(index + pd.Timedelta(minutes=m), lat, lon)["apparent_elevation"]
          .to_numpy() for m in (0, minutes / 2, minutes)]
    return np.max(el, axis=0)


def sun_down_with_ghi(data, meta, shift_minutes=0) -> int:
    """Intervals with GHI > 10 W/m² while the sun stays below −2° (optionally with the stamps shifted).

    −2° rather than 0°: twilight and refraction give a few W/m² just after sunset (CSWD has 11 W/m²
    with the sun at −1.04°).
    """
    idx = data.index + pd.Timedelta(minutes=shift_minutes)
    el = max_elevation(idx, meta["interval_minutes"], meta["latitude"], meta["longitude"])
    return int(((data["ghi"].to_numpy() > 10) & (el < -2)).sum())


def assert_convention(data, meta, *, n=None, minutes=60):
    assert str(data.index.tz) == "UTC"
    assert meta["label"] == "start" and meta["interval_minutes"] == minutes
    expected = pd.date_range(data.index[0], periods=len(data), freq=f"{minutes}min")
    assert data.index.equals(expected), "index must be a regular range of interval starts"
    assert list(data.columns[:5]) == list(WEATHER_COLUMNS)
    if n is not None:
        assert len(data) == n


@pytest.fixture(scope="module")
def shanghai_synth():
    """A known typical year for Shanghai (synthetic, offline) to write sample files from."""
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, meta = synth_typical_year(SH_LAT, SH_LON, [62.8, 85.8, 89.1, 121.2, 146.0, 130.4, 135.5, 117.9, 127.4,
                                                     104.4, 74.8, 76.2], altitude=SH_ALT, seed=11,
                                    monthly_temp_air=[5] * 12, monthly_wind_speed=[3] * 12)
    return data.round(1), meta


# --- EPW -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CSWD))
def test_cswd_epw_annual_ghi_matches_file(shared_dir, name):
    path = shared_dir / "weather" / name
    data, meta = read_weather(path)
    assert detect_format(path) == "epw"
    assert_convention(data, meta, n=8760)
    assert meta["kind"] == "tmy" and meta["year"] is None and meta["tz"] == "Etc/GMT-8"
    raw = sum(float(line.split(",")[13]) for line in path.read_text().splitlines()[8:])
    assert annual_sum(data, meta) == pytest.approx(raw, abs=1e-6)
    assert round(annual_sum(data, meta) / 1000) == CSWD[name]
    assert data.index[0] == pd.Timestamp(f"{TYPICAL_YEAR - 1}-12-31 16:00", tz="UTC")  # 1 Jan 00:00 UTC+8
    assert not data[list(WEATHER_COLUMNS)].isna().any().any()
    # monthly sums are taken in the file's own standard time
    assert monthly_sums(data, meta).sum() == pytest.approx(raw)


@pytest.mark.parametrize("name", sorted(CSWD))
def test_epw_hour_ending_puts_sun_up_when_ghi(shared_dir, name):
    data, meta = read_weather(shared_dir / "weather" / name)
    assert sun_down_with_ghi(data, meta) == 0
    # the check can fail: reading the same file as hour-beginning (one hour late) puts light after sunset
    assert sun_down_with_ghi(data, meta, shift_minutes=60) > 50


def test_epw_sentinels_become_nan(tmp_path, shared_dir):
    src = (shared_dir / "weather" / "CHN_Shanghai.Shanghai.583620_CSWD.epw").read_text().splitlines()
    f = src[8 + 100].split(",")
    f[13], f[6], f[21] = "9999", "99.9", "999"
    src[8 + 100] = ",".join(f)
    path = tmp_path / "sentinel.epw"
    path.write_text("\n".join(src) + "\n")
    data, meta = read_weather(path)
    row = data.iloc[100]
    assert np.isnan(row.ghi) and np.isnan(row.temp_air) and np.isnan(row.wind_speed)
    assert not np.isnan(data.iloc[99].ghi)
    report = quality_report(data, meta)
    assert report["missing"]["ghi"]["count"] == 1
    assert report["gaps"]["first"] == [data.index[100].isoformat()]


# --- TMY3 / TMY2 (pvlib's bundled files) ---------------------------------------------------------

@pytest.mark.parametrize("name,lat,tz", [("723170TYA.CSV", 36.1, "Etc/GMT+5"), ("703165TY.csv", 55.317, "Etc/GMT+9")])
def test_pvlib_tmy3_files_import(name, lat, tz):
    import pvlib
    path = os.path.join(PVLIB_DATA, name)
    assert detect_format(path) == "tmy3"
    data, meta = read_weather(path)
    assert_convention(data, meta, n=8760)
    assert meta["kind"] == "tmy" and meta["tz"] == tz and meta["latitude"] == pytest.approx(lat)
    raw, _ = pvlib.iotools.read_tmy3(path, map_variables=True)
    assert annual_sum(data, meta) == pytest.approx(raw["ghi"].sum())
    local = data.index.tz_convert(tz)
    assert local[0] == pd.Timestamp(f"{TYPICAL_YEAR}-01-01 00:00", tz=tz)   # hour 01:00 → start 00:00
    assert local[-1] == pd.Timestamp(f"{TYPICAL_YEAR}-12-31 23:00", tz=tz)  # hour 24:00 → start 23:00
    assert any("laid on one continuous year" in n for n in meta["notes"])
    assert sun_down_with_ghi(data, meta) == 0
    assert data["pressure"].between(80000, 110000).all()  # mbar → Pa


def test_pvlib_tmy2_file_imports():
    path = os.path.join(PVLIB_DATA, "12839.tm2")
    assert detect_format(path) == "tmy2"
    data, meta = read_weather(path)
    assert_convention(data, meta, n=8760)
    assert meta["latitude"] == pytest.approx(25.8) and meta["tz"] == "Etc/GMT+5"
    assert data["temp_air"].between(0, 40).all()        # tenths of °C converted
    assert data["wind_speed"].between(0, 30).all()
    assert sun_down_with_ghi(data, meta) == 0


# --- PVGIS ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["csv", "json", "epw"])
def test_pvgis_tmy_variants_are_utc(tmp_path, shanghai_synth, variant):
    src, _ = shanghai_synth
    utc = ws.utc_typical(src)
    path = tmp_path / f"tmy_31.400_121.450.{variant}"
    getattr(ws, f"write_pvgis_tmy_{variant}")(path, utc, SH_LAT, SH_LON, SH_ALT)
    assert detect_format(path) == ("epw" if variant == "epw" else "pvgis_tmy")
    data, meta = read_weather(path, format="pvgis_tmy")
    assert_convention(data, meta, n=8760)
    assert meta["kind"] == "tmy" and meta["tz"] == "UTC"
    assert data.index[0] == pd.Timestamp(f"{TYPICAL_YEAR}-01-01 00:00", tz="UTC")
    # same values at the same UTC interval starts as the set the file was written from
    np.testing.assert_allclose(data["ghi"].to_numpy(), utc["ghi"].to_numpy(), atol=0.51)
    np.testing.assert_allclose(data["dni"].to_numpy(), utc["dni"].to_numpy(), atol=0.51)
    assert sun_down_with_ghi(data, meta) == 0
    assert sun_down_with_ghi(data, meta, shift_minutes=8 * 60) > 100  # read as local time it would be wrong


def _elevation(index, lat, lon, minutes_after=10):
    import pvlib
    return pvlib.solarposition.get_solarposition(index + pd.Timedelta(minutes=minutes_after), lat, lon)[
        "apparent_elevation"].to_numpy()


@pytest.mark.parametrize("variant", ["csv", "json"])
def test_pvgis_hourly_series_horizontal(tmp_path, shanghai_synth, variant):
    src, _ = shanghai_synth
    start = 8 + 59 * 24  # the source's 1 March 00:00 UTC
    year = src.iloc[start:start + 24 * 60].copy()
    year.index = pd.date_range("2019-03-01", periods=len(year), freq="h", tz="UTC")
    el = _elevation(year.index, SH_LAT, SH_LON)
    path = tmp_path / f"Timeseries_31.400_121.450_SA2_2019.{variant}"
    getattr(ws, f"write_pvgis_hourly_{variant}")(path, year, SH_LAT, SH_LON, SH_ALT, el)
    assert detect_format(path) == "pvgis_hourly"
    data, meta = read_weather(path)
    assert_convention(data, meta, n=len(year))
    assert meta["kind"] == "satellite" and meta["year"] == 2019
    assert data.index[0] == pd.Timestamp("2019-03-01 00:00", tz="UTC")  # stamp HH:10 → interval HH:00
    written = year["dni"].to_numpy() * np.sin(np.radians(np.clip(el, 0, None))) + year["dhi"].to_numpy()
    np.testing.assert_allclose(data["ghi"].to_numpy(), np.round(written, 2), atol=0.02)
    assert sun_down_with_ghi(data, meta) == 0


def test_pvgis_hourly_series_on_a_slope_is_refused(tmp_path, shanghai_synth):
    from solarfleet.models.weather.convention import WeatherFileError
    src, _ = shanghai_synth
    part = src.iloc[:48].copy()
    part.index = pd.date_range("2019-03-01", periods=48, freq="h", tz="UTC")
    path = tmp_path / "tilted.csv"
    ws.write_pvgis_hourly_csv(path, part, SH_LAT, SH_LON, SH_ALT, _elevation(part.index, SH_LAT, SH_LON), slope=35)
    with pytest.raises(WeatherFileError, match="35° slope"):
        read_weather(path)


# --- NSRDB and SAM -------------------------------------------------------------------------------

def _local(src: pd.DataFrame, hours: float) -> pd.DataFrame:
    out = src.copy()
    out.index = (src.index + pd.Timedelta(hours=hours)).tz_localize(None)
    return out


def test_nsrdb_psm_csv_measured_year(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    local = _local(src, 8)
    local.index = local.index.map(lambda t: t.replace(year=2019))
    path = tmp_path / "nsrdb.csv"
    ws.write_nsrdb_csv(path, local, 8, SH_LAT, SH_LON, 5)
    assert detect_format(path) == "nsrdb"
    data, meta = read_weather(path)
    assert_convention(data, meta, n=8760)
    assert meta["kind"] == "satellite" and meta["year"] == 2019
    assert data.index[0] == pd.Timestamp("2018-12-31 16:00", tz="UTC")  # 00:30 local +8 → interval 00:00
    np.testing.assert_allclose(data["ghi"].to_numpy(), src["ghi"].round().to_numpy(), atol=0.51)
    assert data["pressure"].iloc[0] == pytest.approx(101000.0)
    assert sun_down_with_ghi(data, meta) == 0


def test_nsrdb_tmy_mixed_years_become_one_year(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    local = _local(src, 8)
    path = tmp_path / "nsrdb_tmy.csv"
    ws.write_nsrdb_csv(path, local, 8, SH_LAT, SH_LON, 5, years=ws.PVGIS_YEARS)
    data, meta = read_weather(path)
    assert meta["kind"] == "tmy" and meta["year"] is None
    assert_convention(data, meta, n=8760)
    assert data.index[0] == pd.Timestamp(f"{TYPICAL_YEAR - 1}-12-31 16:00", tz="UTC")


@pytest.mark.parametrize("minutes", [60, 15])
def test_sam_csv(tmp_path, shanghai_synth, minutes):
    src, _ = shanghai_synth
    local = _local(src.iloc[: 24 * 31], 8)
    local.index = local.index.map(lambda t: t.replace(year=2021))
    if minutes == 15:
        local = local.loc[local.index.repeat(4)]
        local.index = pd.date_range(local.index[0], periods=len(local), freq="15min")
    path = tmp_path / "sam.csv"
    ws.write_sam_csv(path, local, 8, SH_LAT, SH_LON, SH_ALT, with_minute=minutes == 15)
    assert detect_format(path) == "sam"
    data, meta = read_weather(path)
    assert_convention(data, meta, n=len(local), minutes=minutes)
    assert data.index[0] == pd.Timestamp("2020-12-31 16:00", tz="UTC")
    np.testing.assert_allclose(data["ghi"].to_numpy(), local["ghi"].to_numpy(), atol=0.051)
    assert sun_down_with_ghi(data, meta) == 0


# --- measured CSV/XLSX ---------------------------------------------------------------------------

def _measured_frame(src, start_local: str, minutes: int, n: int, tz_hours: float = 8.0) -> pd.DataFrame:
    """``n`` intervals of measured-looking data starting at local ``start_local`` (hourly values repeated)."""
    per_hour = 60 // minutes
    hourly = src.iloc[: n // per_hour + 1]
    values = hourly.loc[hourly.index.repeat(per_hour)].iloc[:n]
    starts = pd.date_range(start_local, periods=n, freq=f"{minutes}min")
    return pd.DataFrame({"ghi": values["ghi"].to_numpy(), "temp_air": values["temp_air"].to_numpy()}, index=starts)


def test_measured_csv_hour_ending_wh_per_interval_15min(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    frame = _measured_frame(src, "2021-01-01 00:00", 15, 4 * 24 * 20)
    ends = frame.index + pd.Timedelta(minutes=15)
    table = pd.DataFrame({"Time": ends.strftime("%d/%m/%Y %H:%M"), "Irradiation [Wh/m2]": frame["ghi"] / 4,
                          "Tamb": frame["temp_air"]})
    path = tmp_path / "logger.csv"
    table.to_csv(path, index=False, sep=";")
    assert detect_format(path) == "measured"
    mapping = ColumnMapping(timestamp="Time", timestamp_format="%d/%m/%Y %H:%M", tz="+08:00", label="end",
                            units="Wh/m2", columns={"ghi": "Irradiation [Wh/m2]", "temp_air": "Tamb"})
    data, meta = read_measured(path, mapping, latitude=SH_LAT, longitude=SH_LON)
    assert_convention(data, meta, n=len(frame), minutes=15)
    assert data.index[0] == pd.Timestamp("2020-12-31 16:00", tz="UTC")  # ends 00:15 local → start 00:00 local
    np.testing.assert_allclose(data["ghi"].to_numpy(), frame["ghi"].to_numpy(), atol=1e-9)  # Wh/15 min → W/m²
    assert data["dni"].isna().all()  # not in the file: NaN, never zero
    assert sun_down_with_ghi(data, meta) == 0


def test_measured_gaps_become_nan_and_are_reported(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    frame = _measured_frame(src, "2021-06-01 00:00", 10, 6 * 24 * 5)
    frame = frame.drop(frame.index[100:112])
    table = pd.DataFrame({"timestamp": (frame.index - pd.Timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "GHI": frame["ghi"]})
    path = tmp_path / "gappy.csv"
    table.to_csv(path, index=False)
    data, meta = read_measured(path, latitude=SH_LAT, longitude=SH_LON)  # names recognised, stamps carry Z
    assert meta["interval_minutes"] == 10 and len(data) == 6 * 24 * 5
    assert data["ghi"].isna().sum() == 12
    report = quality_report(data, meta)
    assert report["gaps"]["count"] == 12 and "gaps" in report["problems"]
    assert report["gaps"]["first"][0] == pd.Timestamp("2021-05-31 16:00", tz="UTC").__add__(
        pd.Timedelta(minutes=1000)).isoformat()


def test_measured_xlsx_one_minute(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    frame = _measured_frame(src, "2021-03-20 06:00", 1, 600)
    path = tmp_path / "pyranometer.xlsx"
    pd.DataFrame({"Date": frame.index.strftime("%Y-%m-%d"), "Time": frame.index.strftime("%H:%M"),
                  "G_h": frame["ghi"].to_numpy()}).to_excel(path, index=False)
    assert detect_format(path) == "measured"
    data, meta = read_measured(path, {"timestamp": ("Date", "Time"), "tz": "Asia/Shanghai",
                                      "columns": {"ghi": "G_h"}}, latitude=SH_LAT, longitude=SH_LON)
    assert_convention(data, meta, n=600, minutes=1)
    assert data.index[0] == pd.Timestamp("2021-03-19 22:00", tz="UTC")


def _china_1988(civil: bool) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    """All hours of 1988 at Shanghai: UTC starts and the local stamps a file would carry."""
    utc = pd.date_range("1987-12-31 16:00", "1988-12-31 15:00", freq="h", tz="UTC")
    if civil:
        local = utc.tz_convert("Asia/Shanghai").tz_localize(None)  # wall clock: DST applied
    else:
        local = (utc + pd.Timedelta(hours=8)).tz_localize(None)     # standard time all year
    return utc, local


@pytest.mark.parametrize("civil", [False, True], ids=["standard-time file", "civil-time file"])
def test_china_1988_dst_never_creates_missing_or_duplicate_hours(tmp_path, civil):
    utc, local = _china_1988(civil)
    assert local.has_duplicates == civil  # a wall-clock file repeats an autumn hour
    ghi = np.arange(len(utc), dtype=float)  # a unique value per hour: any misplacement shows
    path = tmp_path / "shanghai_1988.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": ghi}).to_csv(path, index=False)
    data, meta = read_measured(path, {"tz": "Asia/Shanghai"}, latitude=SH_LAT, longitude=SH_LON)
    assert meta["local_time"] == ("civil" if civil else "standard")
    assert len(data) == 8784  # 1988 is a leap year: 29 February kept in a measured year
    assert data.index.equals(utc)
    np.testing.assert_array_equal(data["ghi"].to_numpy(), ghi)
    assert meta["year"] == 1988 and meta["utc_offset"] == 8.0


def test_localize_standard_is_default_for_files_without_repeats():
    naive = pd.date_range("1990-04-15", periods=48, freq="h")  # contains the spring-forward hour
    utc, how = localize_local_times(naive, "Asia/Shanghai")
    assert how == "standard"
    assert (utc == (naive - pd.Timedelta(hours=8)).tz_localize("UTC")).all()


def test_leap_day_dropped_from_typical_epw(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    utc = ws.utc_typical(src)
    leap = pd.date_range("2008-01-01", "2008-12-31 23:00", freq="h", tz="UTC")
    feb28 = utc[(utc.index.month == 2) & (utc.index.day == 28)]
    full = pd.concat([utc[utc.index < feb28.index[-1] + pd.Timedelta(hours=1)], feb28,
                      utc[utc.index >= feb28.index[-1] + pd.Timedelta(hours=1)]])
    full.index = leap
    path = tmp_path / "leap.epw"
    years = ws.PVGIS_YEARS
    ws.PVGIS_YEARS = [2008] * 12
    try:
        ws.write_pvgis_tmy_epw(path, full, SH_LAT, SH_LON, SH_ALT)
    finally:
        ws.PVGIS_YEARS = years
    data, meta = read_weather(path)
    assert len(data) == 8760 and meta["kind"] == "tmy"
    assert any("29 February" in n for n in meta["notes"])
    np.testing.assert_allclose(data["ghi"].to_numpy(), utc["ghi"].to_numpy(), atol=0.51)


def test_split_years_keeps_each_year_separate(tmp_path, shanghai_synth):
    src, _ = shanghai_synth
    starts = pd.date_range("2020-12-25", "2021-01-05", freq="h", tz="UTC")
    path = tmp_path / "two_years.csv"
    pd.DataFrame({"timestamp": starts.strftime("%Y-%m-%d %H:%M"), "ghi": 1.0}).to_csv(path, index=False)
    data, meta = read_measured(path, {"tz": "UTC"})
    parts = split_years(data, meta)
    assert [m["year"] for _, m in parts] == [2020, 2021]
    assert sum(len(d) for d, _ in parts) == len(data)


def test_civil_time_file_spanning_only_the_spring_change(tmp_path):
    utc = pd.date_range("1989-04-10", "1989-04-20", freq="h", tz="UTC")
    local = utc.tz_convert("Asia/Shanghai").tz_localize(None)  # wall clock: one hour skipped, none repeated
    path = tmp_path / "spring.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": np.arange(len(utc), dtype=float)}).to_csv(
        path, index=False)
    data, meta = read_measured(path, {"tz": "Asia/Shanghai"})
    assert meta["local_time"] == "civil" and data.index.equals(utc)


def test_summer_only_file_read_as_standard_time_says_so(tmp_path):
    local = pd.date_range("1990-06-01", "1990-06-03", freq="h")
    path = tmp_path / "summer.csv"
    pd.DataFrame({"time": local.strftime("%Y-%m-%d %H:%M"), "ghi": 1.0}).to_csv(path, index=False)
    data, meta = read_measured(path, {"tz": "Asia/Shanghai"})
    assert meta["local_time"] == "standard"
    assert data.index[0] == pd.Timestamp("1990-05-31 16:00", tz="UTC")
    assert any("daylight-saving period" in n for n in meta["notes"])


def test_models_weather_import_without_qt():
    import subprocess
    import sys
    code = ("import sys, solarfleet.models.weather, solarfleet.models.weather.quality, solarfleet.models.weather.synthetic, solarfleet.models.store; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'solarfleet.app', 'solarfleet.widgets'))]; "
            "sys.exit(1 if bad else 0)")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
