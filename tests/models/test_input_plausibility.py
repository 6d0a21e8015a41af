"""Inputs that used to be accepted as silently wrong numbers (issue 15): day-first dates, GHI-only files,
kW/m² irradiance, non-finite and absurd values, host-dependent zones.

Oracles: the real CSWD Beijing EPW in ../shared (its own GHI, DNI, DHI), pvlib's Erbs model called
directly, the calendar (a date written day-first is the date it names).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.datefmt import AmbiguousDates, date_order, normalise_dates
from solarfleet.models.energy.load import LoadFileError, read_meter
from solarfleet.models.fleet import FleetValueError, Park
from solarfleet.models.store import add_weather, default_weather, import_fleet, set_default_weather, \
    WeatherStoreError
from solarfleet.models.tznames import is_iana_zone
from solarfleet.models.weather import WeatherFileError, read_weather
from solarfleet.models.weather.plausibility import DEFAULT_TEMP_AIR, DEFAULT_WIND_SPEED, simulation_ready
from solarfleet.models.weather.quality import quality_report

BEIJING = dict(latitude=39.80, longitude=116.47)


@pytest.fixture(scope="module")
def beijing():
    from solarfleet.models.weather.epw import read_epw
    from tests.conftest import require_shared
    return read_epw(require_shared() / "weather" / "CHN_Beijing.Beijing.545110_CSWD.epw")


def _ghi_csv(path, data, fmt="%Y-%m-%d %H:%M", scale=1.0, extra=None):
    local = data.index.tz_convert("Etc/GMT-8")
    frame = pd.DataFrame({"time": local.strftime(fmt), "GHI": (data["ghi"].to_numpy() * scale)})
    for k, v in (extra or {}).items():
        frame[k] = v
    frame.to_csv(path, index=False)
    return path


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, dayfirst", [("%d/%m/%Y %H:%M", True), ("%m/%d/%Y %H:%M", False),
                                           ("%d.%m.%Y %H:%M", True)])
def test_date_order_is_read_from_the_data(fmt, dayfirst):
    stamps = pd.date_range("2023-01-01", periods=24 * 12, freq="h")  # every day ≤ 12: only the sequence tells
    assert date_order(stamps.strftime(fmt)) is dayfirst
    iso = normalise_dates(list(stamps.strftime(fmt)))
    assert list(pd.to_datetime(iso)) == list(stamps)


def test_one_day_that_reads_both_ways_is_refused():
    with pytest.raises(AmbiguousDates, match="both day-first and month-first"):
        date_order(pd.date_range("2023-03-04", periods=24, freq="h").strftime("%d/%m/%Y %H:%M"))


def test_meter_file_day_first_lands_on_the_right_days(tmp_path):
    stamps = pd.date_range("2023-01-01", periods=8760, freq="h")
    p = tmp_path / "m.csv"
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), "kW": np.arange(8760.0)}).to_csv(p, index=False)
    data, _, _ = read_meter(p, tz="Asia/Shanghai")
    # value 24 was written on 02/01/2023 00:00 local, i.e. 2 January, 16:00 UTC on the 1st
    assert data.index[24] == pd.Timestamp("2023-01-01 16:00", tz="UTC") and data.iloc[24] == 24e3
    assert len(data) == 8760 and data.notna().all()


def test_meter_file_ambiguous_dates_need_an_answer(tmp_path):
    p = tmp_path / "m.csv"
    stamps = pd.date_range("2023-03-04", periods=24, freq="h")
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), "kW": 1.0}).to_csv(p, index=False)
    with pytest.raises(LoadFileError, match=r"line 2, column 'time'.*--dayfirst"):
        read_meter(p, tz="UTC")
    assert read_meter(p, tz="UTC", dayfirst=True)[0].index[0] == pd.Timestamp("2023-03-04", tz="UTC")
    assert read_meter(p, tz="UTC", dayfirst=False)[0].index[0] == pd.Timestamp("2023-04-03", tz="UTC")
    assert read_meter(p, tz="UTC", timestamp_format="%d/%m/%Y %H:%M")[0].index[0] == \
        pd.Timestamp("2023-03-04", tz="UTC")


def test_weather_day_first_matches_the_epw(beijing, tmp_path):
    data, _ = beijing
    got, _ = read_weather(_ghi_csv(tmp_path / "w.csv", data, "%d/%m/%Y %H:%M"), mapping={"tz": "+08:00"},
                          **BEIJING)
    assert got.index.equals(data.index)
    np.testing.assert_allclose(got["ghi"], data["ghi"], atol=1e-6)


# --- incomplete weather --------------------------------------------------------------------------

def test_ghi_only_file_gets_erbs_and_defaults_flagged(beijing, tmp_path):
    import pvlib
    data, _ = beijing
    got, meta = read_weather(_ghi_csv(tmp_path / "w.csv", data), mapping={"tz": "+08:00"}, **BEIJING)
    mid = got.index + pd.Timedelta(minutes=30)
    zen = pvlib.solarposition.ephemeris(mid, BEIJING["latitude"], BEIJING["longitude"])["apparent_zenith"]
    oracle = pvlib.irradiance.erbs(data["ghi"].to_numpy(), zen.to_numpy(), mid.dayofyear)
    extra = pvlib.irradiance.get_extra_radiation(mid).to_numpy()
    plain = oracle["dni"] <= extra  # where Erbs stays under the extraterrestrial beam it is used as it is
    assert plain.mean() > 0.99
    np.testing.assert_allclose(got["dni"][plain], oracle["dni"][plain], atol=1e-6)
    np.testing.assert_allclose(got["dhi"][plain], oracle["dhi"][plain], atol=1e-6)
    assert (got["dni"].to_numpy() <= extra + 1e-9).all()
    assert (got["temp_air"] == DEFAULT_TEMP_AIR).all() and (got["wind_speed"] == DEFAULT_WIND_SPEED).all()
    assert set(meta["filled"]) == {"dni", "dhi", "temp_air", "wind_speed"}
    assert quality_report(got, meta)["filled"] == meta["filled"]
    assert simulation_ready(got)[0]
    # the decomposition keeps the file's energy: Erbs closes GHI = DNI cos z + DHI by construction
    ann = data["ghi"].sum() / 1000
    assert abs((got["dni"] * np.cos(np.radians(zen.to_numpy())) + got["dhi"]).sum() / 1000 - ann) < 0.01 * ann


def test_gaps_inside_a_column_stay_gaps(beijing, tmp_path):
    data, _ = beijing
    temp = data["temp_air"].to_numpy().copy()
    temp[100:110] = np.nan
    got, meta = read_weather(_ghi_csv(tmp_path / "w.csv", data, extra={"temperature": temp}),
                             mapping={"tz": "+08:00"}, **BEIJING)
    assert got["temp_air"].isna().sum() == 10 and "temp_air" not in meta["filled"]


def test_a_set_that_cannot_simulate_never_becomes_the_default(memory_store):
    from solarfleet.models.demo import demo_fleet
    import_fleet(memory_store, demo_fleet())
    park = demo_fleet().parks[0].name
    idx = pd.date_range("2023-01-01", periods=48, freq="h", tz="UTC")
    bad = pd.DataFrame({"ghi": 100.0, "dni": np.nan, "dhi": np.nan, "temp_air": 10.0, "wind_speed": 1.0}, index=idx)
    wid = add_weather(memory_store, park, bad, {"interval_minutes": 60, "kind": "measured", "source": "x"}, {})
    assert default_weather(memory_store, park) != wid
    with pytest.raises(WeatherStoreError, match="cannot simulate"):
        set_default_weather(memory_store, park, wid)
    with pytest.raises(WeatherStoreError, match="cannot simulate"):
        add_weather(memory_store, park, bad, {"interval_minutes": 60, "kind": "measured", "source": "x"}, {},
                    default=True)


# --- units, non-finite, ranges ---------------------------------------------------------------------

@pytest.mark.parametrize("scale, unit", [(1e-3, "kW/m²"), (0.0036, "MJ/m² per hour")])
def test_irradiance_in_the_wrong_unit_is_refused_naming_it(beijing, tmp_path, scale, unit):
    data, _ = beijing
    with pytest.raises(WeatherFileError, match=unit.replace("²", "²").replace("(", r"\(")):
        read_weather(_ghi_csv(tmp_path / "w.csv", data, scale=scale), mapping={"tz": "+08:00"}, **BEIJING)


def test_kw_per_m2_without_a_site_is_refused(beijing, tmp_path):
    data, _ = beijing
    with pytest.raises(WeatherFileError, match="kW/m²"):
        read_weather(_ghi_csv(tmp_path / "w.csv", data, scale=1e-3), mapping={"tz": "+08:00"})


@pytest.mark.parametrize("value, words", [("inf", "not a finite"), ("-Infinity", "not a finite"),
                                          ("1e400", "not a finite"), ("5000", "outside"), ("-9999", "missing-value")])
def test_non_finite_and_absurd_irradiance_is_refused(beijing, tmp_path, value, words):
    data, _ = beijing
    p = _ghi_csv(tmp_path / "w.csv", data)
    lines = p.read_text().splitlines()
    lines[4001] = lines[4001].split(",")[0] + "," + value
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(WeatherFileError, match=words):
        read_weather(p, mapping={"tz": "+08:00"}, **BEIJING)


def test_temperature_in_kelvin_is_refused(beijing, tmp_path):
    data, _ = beijing
    p = _ghi_csv(tmp_path / "w.csv", data, extra={"temperature": data["temp_air"].to_numpy() + 273.15})
    with pytest.raises(WeatherFileError, match="kelvin"):
        read_weather(p, mapping={"tz": "+08:00"}, **BEIJING)


def test_meter_values_beyond_any_park_are_refused(tmp_path):
    for value, words in (("1e308", "beyond any meter"), ("inf", "not a finite"), ("-Infinity", "not a finite")):
        p = tmp_path / "m.csv"
        p.write_text(f"time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,{value}\n")
        with pytest.raises(LoadFileError, match=f"line 3, column 'kW'.*{words}"):
            read_meter(p, tz="UTC")
    p.write_text("time,MW\n2023-01-01 00:00,1\n2023-01-01 01:00,20000\n")
    with pytest.raises(LoadFileError, match="beyond any park"):
        read_meter(p, tz="UTC", unit="MW")


# --- zones and sites -------------------------------------------------------------------------------

@pytest.mark.parametrize("tz", ["localtime", "posixrules", "Factory", "/etc/localtime", "../zoneinfo/UTC", ""])
def test_host_dependent_zones_are_refused(tz):
    assert not is_iana_zone(tz)
    with pytest.raises(FleetValueError, match="tz"):
        Park(name="P", latitude=31.0, longitude=121.0, tz=tz)


@pytest.mark.parametrize("tz", ["+99:00", "UTC+15", "-13", "+08:75"])
def test_impossible_offsets_are_refused(beijing, tmp_path, tz):
    data, _ = beijing
    with pytest.raises(WeatherFileError, match="time zone"):
        read_weather(_ghi_csv(tmp_path / "w.csv", data), mapping={"tz": tz}, **BEIJING)


def test_meter_zone_must_be_iana(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("time,kW\n2023-01-01 00:00,1\n2023-01-01 01:00,2\n")
    with pytest.raises(LoadFileError, match="unknown time zone 'localtime'"):
        read_meter(p, tz="localtime")


def test_sam_time_zone_and_pvgis_latitude_out_of_range_are_refused(tmp_path, shared_dir):
    src = (shared_dir / "weather" / "tucson_az_32.116521_-110.933042_psmv3_60_tmy.csv").read_text().splitlines()
    header, values = src[0].split(","), src[1].split(",")
    values[header.index("Time Zone")] = "30"
    p = tmp_path / "sam.csv"
    p.write_text("\n".join([src[0], ",".join(values)] + src[2:]) + "\n")
    with pytest.raises(WeatherFileError, match="(?i)time zone.*not a UTC offset"):
        read_weather(p)


def test_load_start_in_a_dst_gap_is_refused(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("1\n2\n3\n")
    with pytest.raises(LoadFileError, match="does not exist or is ambiguous"):
        read_meter(p, tz="Europe/Berlin", start="2023-03-26 02:30", interval_minutes=60)


def test_arrays_csv_round_trip_keeps_a_roof_named_like_a_formula(tmp_path):
    """The formula guard's apostrophe is the writer's, not part of the name: it is removed on reading."""
    import dataclasses
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.fleet_files import read_arrays_csv, write_arrays_csv
    fleet = demo_fleet()
    park = fleet.parks[0]
    park = dataclasses.replace(park, roofs=(dataclasses.replace(park.roofs[0], name="-1 basement"),)
                               + park.roofs[1:])
    fleet = Fleet((park,) + fleet.parks[1:])
    write_arrays_csv(fleet, tmp_path / "arrays.csv")
    assert "'-1 basement" in (tmp_path / "arrays.csv").read_text(encoding="utf-8-sig")
    again, report = read_arrays_csv(tmp_path / "arrays.csv", fleet)
    assert again == fleet and report["replaced"] == report["rows"]


def test_epw_29_february_in_a_common_year_names_the_line(tmp_path, shared_dir):
    src = (shared_dir / "weather" / "CHN_Beijing.Beijing.545110_CSWD.epw").read_text().splitlines()
    out = src[:8]
    for ln in src[8:]:
        f = ln.split(",")
        if f[1:4] == ["2", "28", "1"]:
            f[2] = "29"
        out.append(",".join(f))
    p = tmp_path / "feb29.epw"
    p.write_text("\n".join(out) + "\n")
    with pytest.raises(WeatherFileError, match=r"line \d+: \d{4}-02-29 is not a date \(\d{4} is not a leap year\)"):
        read_weather(p)
