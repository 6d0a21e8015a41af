"""Vendor weather files (PVWatts, PVsyst, Meteonorm, Solcast, Solargis): detected from content, read with
each vendor's time convention onto the right UTC hours, bad files refused naming the line."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.weather import WeatherFileError, detect_format, read_weather
from tests.models import vendor_samples as vs


@pytest.fixture(scope="module")
def ref():
    return vs.reference_year()


@pytest.fixture(scope="module")
def ref_utc():
    return vs.reference_year(offset_hours=0)


def _same(got: pd.DataFrame, want: pd.DataFrame, cols, atol):
    assert got.index.equals(want.index), (got.index[:2], want.index[:2])
    for c in cols:
        np.testing.assert_allclose(got[c].to_numpy(), want[c].to_numpy(), atol=atol, err_msg=c)


def test_pvwatts_export_is_detected_and_ghi_is_derived_and_flagged(tmp_path, ref):
    p = tmp_path / "pvwatts_hourly.csv"
    vs.write_pvwatts(p, ref)
    assert detect_format(p) == "pvwatts_hourly"
    data, meta = read_weather(p, tz="Asia/Shanghai")
    assert meta["kind"] == "tmy" and meta["year"] is None and meta["utc_offset"] == 8
    assert meta["ghi_derived"] is True and any("DNI·cos" in n for n in meta["notes"])
    _same(data, ref, ["dni", "dhi", "temp_air", "wind_speed"], 1e-6)
    # pvlib's Ineichen DHI is GHI − DNI·cos(apparent zenith): the derived GHI must give the clear sky back
    np.testing.assert_allclose(data["ghi"].to_numpy(), ref["ghi"].to_numpy(), atol=1.0)
    assert data["ghi"].sum() == pytest.approx(ref["ghi"].sum(), rel=1e-4)


def test_pvwatts_without_a_zone_is_refused(tmp_path, ref):
    p = tmp_path / "pvwatts_hourly.csv"
    vs.write_pvwatts(p, ref)
    with pytest.raises(WeatherFileError, match="no time zone"):
        read_weather(p)


def test_pvwatts_truncated_line_names_the_line(tmp_path, ref):
    p = tmp_path / "pvwatts_hourly.csv"
    vs.write_pvwatts(p, ref)
    lines = p.read_text().splitlines()
    lines[18 + 100] = lines[18 + 100].rsplit(",", 3)[0]
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(WeatherFileError, match=r"line 119: .*fields"):
        read_weather(p, tz=8)


@pytest.mark.parametrize("with_tz", [True, False])
def test_pvsyst_hourly_csv(tmp_path, ref, with_tz):
    p = tmp_path / "pvsyst.csv"
    vs.write_pvsyst(p, ref, with_tz=with_tz)
    assert detect_format(p) == "pvsyst"
    data, meta = read_weather(p, **({} if with_tz else {"tz": "Asia/Shanghai"}))
    assert meta["kind"] == "tmy" and meta["utc_offset"] == 8
    _same(data, ref, ["ghi", "dhi", "temp_air", "wind_speed"], 1e-6)
    day = ref["ghi"] > 200  # DNI from the horizontal beam and the mid-hour sun: the clear-sky DNI again
    np.testing.assert_allclose(data["dni"][day], ref["dni"][day], rtol=0.01, atol=2.0)


def test_pvsyst_binary_met_is_refused_with_advice(tmp_path):
    p = tmp_path / "site.MET"
    p.write_bytes(b"\x01\x00PVsyst\x00\x00" * 50)
    with pytest.raises(WeatherFileError, match="CSV"):
        read_weather(p, format="pvsyst")


def test_meteonorm_dat_hour_ending(tmp_path, ref):
    p = tmp_path / "shanghai.dat"
    vs.write_meteonorm_dat(p, ref)
    assert detect_format(p) == "meteonorm"
    data, meta = read_weather(p)
    assert meta["kind"] == "tmy" and meta["utc_offset"] == 8 and meta["latitude"] == vs.LAT
    _same(data, ref, ["ghi", "dhi", "dni"], 0.51)
    _same(data, ref, ["temp_air", "wind_speed"], 1e-6)
    assert data["pressure"].iloc[0] == pytest.approx(101300.0)


def test_meteonorm_time_zone_that_does_not_fit_the_longitude_is_refused(tmp_path, ref):
    p = tmp_path / "shanghai.dat"
    vs.write_meteonorm_dat(p, ref)
    text = p.read_text().replace(f"{vs.LAT},{vs.LON},4,8", f"{vs.LAT},{vs.LON},4,-8")
    p.write_text(text)
    with pytest.raises(WeatherFileError, match="line 2: time zone -8"):
        read_weather(p)


def test_solcast_tmy_period_end_utc(tmp_path, ref_utc):
    p = tmp_path / "solcast_tmy.csv"
    vs.write_solcast_tmy(p, ref_utc)
    assert detect_format(p) == "solcast"
    data, meta = read_weather(p, latitude=vs.LAT, longitude=vs.LON)
    assert meta["kind"] == "tmy" and meta["utc_offset"] == 0
    assert any("laid on one continuous year" in n for n in meta["notes"])
    _same(data, ref_utc, ["ghi", "dni", "dhi", "temp_air", "wind_speed"], 1e-6)


def test_solargis_tmy_mid_hour_stamps(tmp_path, ref):
    p = tmp_path / "solargis_tmy.csv"
    vs.write_solargis_tmy(p, ref)
    assert detect_format(p) == "solargis"
    data, meta = read_weather(p)
    assert meta["kind"] == "tmy" and meta["utc_offset"] == 8 and meta["longitude"] == vs.LON
    _same(data, ref, ["ghi", "dni", "dhi"], 0.51)
    assert any("mid-hour" in n for n in meta["notes"])


def test_solargis_bad_value_names_line_and_field(tmp_path, ref):
    p = tmp_path / "solargis_tmy.csv"
    vs.write_solargis_tmy(p, ref)
    lines = p.read_text().splitlines()
    f = lines[30].split(";")
    f[2] = "x12"
    lines[30] = ";".join(f)
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(WeatherFileError, match=r"line 31: ghi is 'x12'"):
        read_weather(p)


def test_vendor_files_import_through_the_cli(tmp_path, ref):
    from solarfleet.app.cli import main
    from solarfleet.models.store import list_weather, open_store
    p = tmp_path / "pvwatts_hourly.csv"
    vs.write_pvwatts(p, ref)
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "weather", "import", "Shanghai Asia No.1 (Jiading)", str(p)]) == 0
    with open_store(db) as s:
        rows = [r for r in list_weather(s, "Shanghai Asia No.1 (Jiading)") if r["format"] == "pvwatts_hourly"]
    assert len(rows) == 1 and rows[0]["kind"] == "tmy"


def test_meteonorm_csv_variant_and_keyed_header(tmp_path, ref):
    p = tmp_path / "shanghai.csv"
    vs.write_meteonorm_dat(p, ref)
    lines = p.read_text().splitlines()
    lines[1] = f"Latitude: {vs.LAT}\nLongitude: {vs.LON}\nAltitude: 4\nTime zone: 8"
    lines[2:] = [";".join(ln.split()) for ln in lines[2:]]
    p.write_text("\n".join(lines) + "\n")
    assert detect_format(p) == "meteonorm"
    data, meta = read_weather(p)
    assert meta["utc_offset"] == 8 and meta["latitude"] == vs.LAT
    _same(data, ref, ["ghi", "dhi"], 0.51)


def test_pvsyst_actual_year_keeps_its_dates(tmp_path, ref):
    p = tmp_path / "pvsyst_2019.csv"
    vs.write_pvsyst(p, ref)
    text = p.read_text().replace("Meteo data from Meteonorm 8.1 (typical year)", "Measured data, station A")
    p.write_text(text.replace("/90 ", "/19 "))
    data, meta = read_weather(p)
    assert meta["kind"] == "measured" and meta["year"] == 2019
    assert data.index[0] == pd.Timestamp("2018-12-31 16:00", tz="UTC") and len(data) == 8760
    np.testing.assert_allclose(data["ghi"].to_numpy(), ref["ghi"].to_numpy())


def test_solargis_hour_ending_stamps(tmp_path, ref):
    p = tmp_path / "solargis_end.csv"
    vs.write_solargis_tmy(p, ref)
    lines = p.read_text().splitlines()
    hdr = lines.index("Day;Time;GHI;DNI;DIF;TEMP;WS")
    local = (ref.index + pd.Timedelta(hours=8)).tz_localize(None)
    for k, t in enumerate(local):  # the same hours stamped at their end: 01:00 … 24:00
        f = lines[hdr + 1 + k].split(";")
        f[1] = f"{t.hour + 1:02d}:00"
        lines[hdr + 1 + k] = ";".join(f)
    p.write_text("\n".join(lines) + "\n")
    data, meta = read_weather(p)
    _same(data, ref, ["ghi", "dni"], 0.51)
    assert any("hour-ending" in n for n in meta["notes"])


@pytest.mark.parametrize("midnight", ["same date", "next date"])
def test_solargis_end_of_interval_stamps_as_documented(tmp_path, ref, midnight):
    """Solargis' documented end-of-interval delivery: 01:00 … 23:00 and 00:00 for 23:00–24:00 — the 00:00 row
    either listed after 23:00 under the same date, or dated the next day; both end the day's last hour."""
    p = tmp_path / "solargis_end00.csv"
    vs.write_solargis_tmy(p, ref)
    lines = p.read_text().splitlines()
    hdr = lines.index("Day;Time;GHI;DNI;DIF;TEMP;WS")
    local = (ref.index + pd.Timedelta(hours=8)).tz_localize(None)
    for k, t in enumerate(local):
        end = t + pd.Timedelta(hours=1)
        day = t if midnight == "same date" else end
        f = lines[hdr + 1 + k].split(";")
        f[0], f[1] = f"{day:%d.%m}", f"{end:%H}:00"
        lines[hdr + 1 + k] = ";".join(f)
    p.write_text("\n".join(lines) + "\n")
    data, meta = read_weather(p)
    _same(data, ref, ["ghi", "dni"], 0.51)
    assert any("hour-ending" in n for n in meta["notes"])
