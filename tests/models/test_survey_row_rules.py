"""Row spacing by national rule: GB 50797 (9:00–15:00 true solar time), Japanese daytime window, noon, GCR.

The oracle is pvlib's solar position (SPA) at the clock times that are 9:00 and 15:00 true solar
time on 21 December, found with pvlib's own equation of time — not the layout's sun formula.
"""
import math

import numpy as np
import pandas as pd
import pvlib
import pytest

from solarfleet.models.survey.layout import (ROW_RULES, default_row_rule, layout_roof, solstice_sun_position,
                                             window_row_pitch)
from solarfleet.models.survey.site import RoofSurvey, SiteSurvey
from solarfleet.models.validation import SurveyValueError

MODULE = "Canadian_Solar_Inc__CS6K_280M"
LAT, LON = 34.38, 109.06  # Xi'an Asia No.1 (reference/README.md)


def _utc_at_true_solar_time(hours, longitude, day="2026-12-21"):
    """UTC instants at which true solar time is ``hours`` on ``day`` (pvlib's equation of time)."""
    doy = pd.Timestamp(day).day_of_year
    eot = pvlib.solarposition.equation_of_time_spencer71(doy)  # [min]
    return pd.DatetimeIndex([pd.Timestamp(day, tz="UTC") + pd.Timedelta(hours=h - longitude / 15.0,
                                                                        minutes=-eot) for h in hours])


def _pvlib_pitch(slope, tilt, facing, lat, lon, hours):
    """Pitch from pvlib's sun: B cos β + B sin β · max(cos γ / tan α) over ``hours`` of true solar time."""
    times = _utc_at_true_solar_time(hours, lon)
    sp = pvlib.solarposition.get_solarposition(times, lat, lon)
    hour_angle = pvlib.solarposition.hour_angle(times, lon, pvlib.solarposition.equation_of_time_spencer71(
        times.day_of_year))
    cos_g = np.cos(np.radians(sp["azimuth"].to_numpy() - facing))
    reach = np.where(cos_g > 0, cos_g / np.tan(np.radians(sp["elevation"].to_numpy())), 0.0)
    b, t = slope, math.radians(tilt)
    return b * math.cos(t) + b * math.sin(t) * reach.max(), sp, np.asarray(hour_angle)


def _site(roof, tz="Asia/Shanghai", lat=LAT, lon=LON):
    return SiteSurvey("Xi'an No.1", lat, lon, tz=tz, roofs=(roof,))


def test_gb50797_spacing_at_a_chinese_site_against_the_sun_at_9_and_15():
    roof = RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE, module_tilt=25.0, setback=1.0)
    lay = _site(roof).layouts()["R1"]
    assert lay.row_rule == "gb50797"  # the default in China, filled in by the site
    slope = lay.module.length  # one portrait module up the row
    want, sp, omega = _pvlib_pitch(slope, 25.0, 180.0, LAT, LON, [9.0, 15.0])
    assert omega == pytest.approx([-45.0, 45.0], abs=0.01)  # pvlib agrees these are 9:00 and 15:00 TST
    # the hand check: sin α = sin φ sin δ + cos φ cos δ cos 45°, δ = −23.44° (21 December)
    phi, dec = math.radians(LAT), math.radians(-23.44)
    alpha = math.degrees(math.asin(math.sin(phi) * math.sin(dec) + math.cos(phi) * math.cos(dec) * math.cos(
        math.radians(45))))
    assert sp["elevation"].to_numpy() == pytest.approx([alpha, alpha], abs=0.1)  # ≈ 18.1° at Xi'an
    assert sp["azimuth"].iloc[0] == pytest.approx(360 - sp["azimuth"].iloc[1], abs=0.2)
    assert lay.row_pitch == pytest.approx(want, rel=0.005)
    assert lay.design_solar_time in (9.0, 15.0)
    assert lay.solar_elevation == pytest.approx(alpha, abs=0.05)
    # the window's ends bind: pvlib through the whole window asks for no more
    inside, _, _ = _pvlib_pitch(slope, 25.0, 180.0, LAT, LON, np.arange(9.0, 15.01, 0.25))
    assert inside == pytest.approx(want, rel=1e-3)
    assert lay.summary()["row_rule"] == "gb50797"


def test_rows_turned_east_bind_in_the_morning():
    roof = RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE, module_tilt=15.0, surface_azimuth=150.0,
                                row_rule="gb50797")
    lay = _site(roof).layouts()["R1"]
    want, _, _ = _pvlib_pitch(lay.module.length, 15.0, 150.0, LAT, LON, np.arange(9.0, 15.01, 1 / 12))
    assert lay.row_pitch == pytest.approx(want, rel=0.005)
    assert lay.design_solar_time < 12.0


@pytest.mark.parametrize("rule, hours", [("jp_daytime", np.arange(10.0, 14.01, 0.25)), ("noon", [12.0])])
def test_other_windows_against_pvlib(rule, hours):
    roof = RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE, module_tilt=20.0, row_rule=rule)
    lay = _site(roof, tz="Asia/Tokyo", lat=35.68, lon=139.77).layouts()["R1"]
    want, _, _ = _pvlib_pitch(lay.module.length, 20.0, 180.0, 35.68, 139.77, hours)
    assert lay.row_pitch == pytest.approx(want, rel=0.005)
    assert lay.row_rule == rule


def test_wider_windows_space_rows_wider_and_the_gcr_rule_keeps_the_gcr():
    pitches = {}
    for rule in ("gb50797", "jp_daytime", "noon"):
        lay = layout_roof(RoofSurvey.rectangle("R", 60.0, 40.0, module=MODULE, module_tilt=20.0, row_rule=rule), LAT)
        pitches[rule] = lay.row_pitch
    assert pitches["gb50797"] > pitches["jp_daytime"] > pitches["noon"]
    lay = layout_roof(RoofSurvey.rectangle("R", 60.0, 40.0, module=MODULE, gcr=0.5, row_rule="gcr"), LAT)
    assert (lay.row_rule, lay.gcr, lay.solar_elevation) == ("gcr", 0.5, None)


def test_default_rule_by_country_and_stored_with_the_survey():
    assert [default_row_rule(z) for z in ("Asia/Shanghai", "Asia/Urumqi", "Asia/Tokyo", "Europe/Berlin", None)] == \
        ["gb50797", "gb50797", "jp_daytime", "noon", "noon"]
    site = _site(RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE))
    assert site.roofs[0].row_rule == "gb50797"
    stored = site.extras()["roofs"][0]
    assert stored["row_rule"] == "gb50797"
    # a GCR or a pitched roof takes no shading rule
    gcr = _site(RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE, gcr=0.6))
    assert gcr.roofs[0].row_rule is None and gcr.layouts()["R1"].row_rule == "gcr"
    pitched = _site(RoofSurvey.rectangle("R1", 60.0, 40.0, module=MODULE, roof_type="pitched", surface_tilt=15))
    assert pitched.roofs[0].row_rule is None and pitched.layouts()["R1"].row_rule is None


def test_refusals_name_the_field():
    with pytest.raises(SurveyValueError, match=r"^row_rule: must be one of gb50797, jp_daytime, noon, gcr"):
        RoofSurvey.rectangle("R", 10, 10, row_rule="solstice")
    with pytest.raises(SurveyValueError, match=r"^gcr: is required"):
        RoofSurvey.rectangle("R", 10, 10, row_rule="gcr")
    with pytest.raises(SurveyValueError, match=r"^gcr: is not used"):
        RoofSurvey.rectangle("R", 10, 10, row_rule="noon", gcr=0.5)
    # 62° N: the sun has not risen at 9:00 true solar time on 21 December
    with pytest.raises(SurveyValueError, match=r"^row_rule: the sun is below the horizon"):
        window_row_pitch(1.7, 20.0, 180.0, 62.0, (9.0, 15.0))
    assert set(ROW_RULES) == {"gb50797", "jp_daytime", "noon", "gcr"}


def test_sun_position_is_symmetric_and_southern_sites_use_june():
    el, az = solstice_sun_position(-33.9, [9.0, 12.0, 15.0])
    assert az[1] == pytest.approx(0.0, abs=1e-9) or az[1] == pytest.approx(360.0)
    assert el[0] == pytest.approx(el[2]) and el[1] == pytest.approx(90 - abs(-33.9 - 23.44))
