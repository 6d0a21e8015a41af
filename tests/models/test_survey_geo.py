"""Coordinates typed or pasted, time zone and altitude found offline."""
import pytest

from solarfleet.models.survey.geo import (CoordinateError, format_coordinates, locate_site, parse_coordinates, timezone_at)


@pytest.mark.parametrize("text, expected", [
    ("31.38, 121.25", (31.38, 121.25)),
    ("31.38 121.25", (31.38, 121.25)),
    ("31.38;121.25", (31.38, 121.25)),
    ("31.38N 121.25E", (31.38, 121.25)),
    ("31.38 N, 121.25 E", (31.38, 121.25)),
    ("N31.38 E121.25", (31.38, 121.25)),
    ("121.25E 31.38N", (31.38, 121.25)),           # letters say which is which
    ("31°22'48\"N 121°15'E", (31.38, 121.25)),     # degrees-minutes-seconds: 22'48" = 0.38°
    ("31°22′48″N, 121°15′0″E", (31.38, 121.25)),   # prime symbols
    ("31°22.8'N 121°15'E", (31.38, 121.25)),       # degrees and decimal minutes
    ("北纬31.38 东经121.25", (31.38, 121.25)),
    ("北緯31.38 東経121.25", (31.38, 121.25)),
    ("-33.8688, 151.2093", (-33.8688, 151.2093)),
    ("33°52'S 151°12'E", (-(33 + 52 / 60), 151.2)),
    ("40.7128N 74.0060W", (40.7128, -74.006)),
    ("31.38N121.25E", (31.38, 121.25)),
    ("31:22:48N 121:15:00E", (31.38, 121.25)),      # PVGIS's DD:MM:SSA
    ("31:22.8N, 121:15E", (31.38, 121.25)),
    ("31度22分48秒N 121度15分E", (31.38, 121.25)),
])
def test_accepted_forms(text, expected):
    lat, lon = parse_coordinates(text)
    assert lat == pytest.approx(expected[0], abs=1e-9)
    assert lon == pytest.approx(expected[1], abs=1e-9)


@pytest.mark.parametrize("text, words", [
    ("", "no coordinates"),
    ("31.38", "need two coordinates"),
    ("31.38, 121.25, 7", "exactly two"),
    ("abc", "expected a number"),
    ("91, 10", "latitude must be between"),
    ("10, 181", "longitude must be between"),
    ("31.38N 40.1S", "both coordinates are latitudes"),
    ("31°61'N 121°E", "minutes must be below 60"),
    ("31°10'75\"N 121°E", "seconds must be below 60"),
    ("-31.38N 121.25E", "either a sign or a hemisphere"),
    ("31'22 121", "minutes or seconds without degrees"),
    ("31.5°30'N 121E", "fraction cannot also have minutes"),
])
def test_refused_with_a_clear_message(text, words):
    with pytest.raises(CoordinateError) as info:
        parse_coordinates(text)
    assert words in str(info.value)
    assert repr(text) in str(info.value) or text == ""


def test_error_names_the_position():
    with pytest.raises(CoordinateError) as info:
        parse_coordinates("31.38, x121")
    assert info.value.position == 7 and "character 8" in str(info.value)


def test_format_round_trips():
    for lat, lon in ((31.38, 121.25), (-33.86, 151.21), (40.7, -74.0), (0.0, 0.0)):
        assert parse_coordinates(format_coordinates(lat, lon)) == pytest.approx((lat, lon), abs=1e-5)


def test_timezone_offline():
    assert timezone_at(31.38, 121.25) == "Asia/Shanghai"
    assert timezone_at(35.68, 139.69) == "Asia/Tokyo"
    assert timezone_at(0.0, -150.0) == "Etc/GMT+10"  # open Pacific: nautical zone, UTC−10


def test_locate_site_lookup_and_overrides():
    site = locate_site(34.38, 109.06)  # Xi'an, ~400 m in pvlib's map
    assert site.tz == "Asia/Shanghai" and site.tz_source == "lookup"
    assert 300 < site.altitude < 600 and site.altitude_source == "lookup"
    site = locate_site(31.38, 121.25, tz="Asia/Urumqi", altitude=4.0)
    assert (site.tz, site.tz_source, site.altitude, site.altitude_source) == ("Asia/Urumqi", "user", 4.0, "user")
    with pytest.raises(ValueError, match="not a known IANA time zone"):
        locate_site(31.38, 121.25, tz="Mars/Olympus")
    with pytest.raises(ValueError, match="latitude"):
        locate_site(95, 121.25)
