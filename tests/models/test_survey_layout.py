"""Roof capture and automatic layout, checked against hand calculations and pvlib."""
import math

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.survey.geometry import inset_polygon, polygon_area
from solarfleet.models.survey.layout import (layout_roof, module_size, row_pitch, string_plan,
                                              winter_solstice_noon_elevation)
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey, survey_to_park
from solarfleet.models.validation import SurveyValueError

#: Trina TSM-360DE14A(II): 1.956 m × 0.992 m, 360.2 W in the CEC database.
MODULE = "Trina_Solar_TSM_360DE14A_II_"


def test_module_size_from_catalog():
    m = module_size(MODULE)
    assert (m.length, m.width) == (1.956, 0.992)
    assert m.stc == pytest.approx(360.214, abs=1e-3)


def test_module_without_dimensions_needs_them_given():
    from solarfleet.models.simulation import catalog
    t = catalog.modules()
    key = t.index[t["Length"].isna()][0]
    with pytest.raises(SurveyValueError, match="no dimensions"):
        module_size(key)
    assert module_size(key, 1.7, 1.0).area == pytest.approx(1.7)


def test_winter_solstice_noon_elevation_by_hand_and_by_pvlib():
    # Shanghai 31.4°N: 90 − (31.4 + 23.44) = 35.16°
    assert winter_solstice_noon_elevation(31.4) == pytest.approx(35.16)
    assert winter_solstice_noon_elevation(-33.9) == pytest.approx(90 - (33.9 + 23.44))  # June in Sydney
    import pvlib
    times = pd.date_range("2023-12-22 02:00", "2023-12-22 06:00", freq="1min", tz="UTC")
    sp = pvlib.solarposition.get_solarposition(times, 31.4, 121.45)
    assert sp["elevation"].max() == pytest.approx(35.16, abs=0.1)


def test_row_pitch_shanghai_by_hand():
    # B = 1.956 m portrait, β = 20°, α = 35.16°:
    # B cos β = 1.8380 m;  B sin β / tan α = 0.6690 / 0.7043 = 0.9498 m;  pitch = 2.7878 m
    pitch = row_pitch(1.956, 20.0, 35.16)
    assert pitch == pytest.approx(1.8380 + 0.9498, abs=2e-4)
    # rows turned 30° off south throw a shorter shadow across the rows (cos 30°)
    assert row_pitch(1.956, 20.0, 35.16, 30.0) == pytest.approx(1.8380 + 0.9498 * math.cos(math.radians(30)),
                                                                 abs=2e-4)


def test_row_pitch_leaves_no_shade_at_solstice_noon_per_pvlib():
    import pvlib
    b, tilt, elev = 1.956, 20.0, winter_solstice_noon_elevation(31.4)
    pitch = row_pitch(b, tilt, elev)
    kwargs = dict(solar_zenith=90 - elev, solar_azimuth=180.0, axis_azimuth=90.0, shaded_row_rotation=tilt,
                  collector_width=b)
    assert pvlib.shading.shaded_fraction1d(**kwargs, pitch=pitch) == pytest.approx(0.0, abs=1e-9)
    assert pvlib.shading.shaded_fraction1d(**kwargs, pitch=0.95 * pitch) > 0.01


def test_row_pitch_refuses_polar_night_and_rows_facing_away():
    with pytest.raises(SurveyValueError, match="polar night"):
        row_pitch(2.0, 20.0, winter_solstice_noon_elevation(70.0))
    with pytest.raises(SurveyValueError, match="facing away"):
        row_pitch(2.0, 20.0, 35.0, 180.0)


def shanghai_roof(**kw):
    args = dict(module=MODULE, module_tilt=20.0, setback=1.0)
    args.update(kw)
    return RoofSurvey.rectangle("R1", 40.0, 20.0, **args)


def test_flat_rectangle_with_setback_counts_by_hand():
    # usable 38 m × 18 m; depth 1.838 m, pitch 2.7878 m → rows at y = 1 + k·2.7878 while
    # y + 1.838 ≤ 19 → k = 0…5: 6 rows; per row floor((38 + 0.02) / (0.992 + 0.02)) = 37 → 222
    lay = layout_roof(shanghai_roof(), 31.4)
    assert (lay.rows, lay.count) == (6, 222)
    assert lay.row_pitch == pytest.approx(2.7878, abs=2e-4)
    assert lay.gcr == pytest.approx(1.956 / 2.7878, abs=1e-4)
    assert lay.dc_capacity == pytest.approx(222 * 360.214, abs=0.01)
    x, y, dx, dy = lay.modules.T
    assert x.min() >= 1.0 - 1e-9 and (x + dx).max() <= 39.0 + 1e-9
    assert y.min() == pytest.approx(1.0) and (y + dy).max() <= 19.0 + 1e-9
    assert dy[0] == pytest.approx(1.956 * math.cos(math.radians(20)))


def test_keepout_removes_modules_from_the_row_it_touches_only():
    # skylight x 10–14, y 6–8 meets only row 2 (y 6.576–8.414): intervals 1–10 and 14–39 hold
    # floor(9.02/1.012) = 8 and floor(25.02/1.012) = 24 modules instead of 37 → 222 − 5 = 217
    roof = shanghai_roof(keepouts=(KeepOut(10.0, 6.0, 4.0, 2.0, name="skylight"),))
    lay = layout_roof(roof, 31.4)
    assert lay.count == 217
    x, y, dx, dy = lay.modules.T
    clash = (x < 14) & (x + dx > 10) & (y < 8) & (y + dy > 6)
    assert not clash.any()
    # a clearance of 0.5 m widens it to 9.5–14.5: 8 → floor(8.52/1.012) = 8, 24 → floor(24.52/1.012) = 24
    # and reaches row 1 (y 3.788–5.626)? 5.5 < 5.626 → yes: row 1 loses 5 too
    roof = shanghai_roof(keepouts=(KeepOut(10.0, 6.0, 4.0, 2.0, clearance=0.5),))
    assert layout_roof(roof, 31.4).count == 222 - 5 - 5


def test_chosen_gcr_and_landscape():
    lay = layout_roof(shanghai_roof(gcr=0.5, orientation="landscape"), 31.4)
    # landscape: 0.992 m up the row, pitch 0.992 / 0.5 = 1.984 m; depth 0.932 m
    # rows while 1 + k·1.984 + 0.932 ≤ 19 → k ≤ 8.6 → 9 rows; per row floor(38.02 / 1.976) = 19
    assert lay.row_pitch == pytest.approx(1.984)
    assert lay.solar_elevation is None and lay.gcr == 0.5
    assert (lay.rows, lay.count) == (9, 171)


def test_pitched_roof_flush_on_the_slope():
    # 20 m × 10 m on the slope, 30° pitch, no setback: rows up the slope every 1.976 m:
    # floor((10 + 0.02) / 1.976) = 5 rows of floor(20.02 / 1.012) = 19 → 95 modules
    roof = RoofSurvey.rectangle("P", 20.0, 10.0, roof_type="pitched", surface_tilt=30.0, module=MODULE)
    lay = layout_roof(roof, 31.4)
    assert (lay.rows, lay.count) == (5, 95)
    assert lay.gcr is None and lay.surface_tilt == 30.0
    assert lay.modules[0, 3] == pytest.approx(1.956)  # not projected: lengths are on the slope


def test_l_shaped_polygon_keeps_modules_inside_the_inset():
    outline = [(0, 0), (30, 0), (30, 10), (10, 10), (10, 30), (0, 30)]
    roof = RoofSurvey("L", outline, roof_type="pitched", surface_tilt=15.0, module=MODULE, setback=0.5)
    lay = layout_roof(roof, 31.4)
    inset = inset_polygon(outline, 0.5)
    assert polygon_area(inset) == pytest.approx(29 * 9 + 9 * 20)  # mitred 0.5 m walkway
    x, y, dx, dy = lay.modules.T
    in_arm = (y + dy <= 9.5 + 1e-9) & (x >= 0.5 - 1e-9) & (x + dx <= 29.5 + 1e-9)
    in_leg = (x + dx <= 9.5 + 1e-9) & (x >= 0.5 - 1e-9) & (y + dy <= 29.5 + 1e-9)
    assert (in_arm | in_leg).all()
    assert (y >= 0.5 - 1e-9).all()
    # the horizontal arm (y 0.5–9.5) holds floor(9.02/1.976) = 4 rows of floor(29.02/1.012) = 28
    assert int(np.sum(y + dy <= 9.5 + 1e-9)) == 4 * 28
    assert lay.count > 4 * 28


def test_setback_too_large_is_refused():
    with pytest.raises(SurveyValueError, match="setback"):
        layout_roof(RoofSurvey.rectangle("R", 10, 4, module=MODULE, setback=2.5, module_tilt=10), 31.4)


@pytest.mark.parametrize("kwargs, field", [
    (dict(outline=[(0, 0), (1, 0)]), "outline"),
    (dict(outline=[(0, 0), (10, 10), (10, 0), (0, 10)]), "outline"),     # bow-tie
    (dict(outline=[(0, 0), (0, 0), (1, 1)]), "outline[1]"),
    (dict(outline=[(0, 0), ("a", 0), (1, 1)]), "outline[1][0]"),
    (dict(surface_tilt=20.0), "surface_tilt"),                            # a flat roof with a 20° pitch
    (dict(setback=-1), "setback"),
    (dict(module="No such module"), "module"),
    (dict(orientation="sideways"), "orientation"),
    (dict(gcr=1.2), "gcr"),
    (dict(keepouts=[{"x": 0, "y": 0, "length": -1, "width": 1}]), "keepouts[0].length"),
    (dict(allowed_load=float("nan")), "allowed_load"),
])
def test_bad_roof_fields_are_named(kwargs, field):
    args = dict(name="R", outline=[(0, 0), (10, 0), (10, 5), (0, 5)])
    args.update(kwargs)
    with pytest.raises(SurveyValueError) as info:
        RoofSurvey(**args)
    assert info.value.field == field


def test_load_check_with_documented_assumptions():
    lay = layout_roof(shanghai_roof(allowed_load=25.0), 31.4)
    # (11.5 + 20) kg/m² × 1.940 m² per module over (0.992 + 0.02) m × 2.7878 m of roof = 21.66 kg/m²
    expected = (11.5 + 20.0) * 1.956 * 0.992 / (1.012 * 2.78780)
    assert lay.load.load == pytest.approx(expected, rel=1e-4)
    assert lay.load.ok is True and lay.load.assumed == ("module_mass", "racking_mass")
    lay = layout_roof(shanghai_roof(allowed_load=15.0, racking_mass=5.0), 31.4)
    assert lay.load.assumed == ("module_mass",)
    assert lay.load.ok is True  # (11.5 + 5) × … = 11.35 kg/m²
    assert layout_roof(shanghai_roof(allowed_load=10.0), 31.4).load.ok is False
    assert layout_roof(shanghai_roof(), 31.4).load.ok is None  # not surveyed: not checked, not "0"


def test_string_plan_respects_voltage_and_wires_every_module():
    from solarfleet.models.simulation import catalog
    p = catalog.module_parameters(MODULE)
    voc_cold = p["V_oc_ref"] + p["beta_oc"] * (-10 - 25)
    for count in (1, 7, 217, 1000, 15640):
        plan = string_plan(MODULE, count)
        assert sum(n * s for n, s in plan) == count
        assert all(n * voc_cold <= 1100 for n, _ in plan)
        assert max(n for n, _ in plan) - min(n for n, _ in plan) <= 1


def test_survey_becomes_a_park_the_simulation_can_run():
    # the noon rule, whose pitch is worked by hand above (a site in China defaults to GB 50797)
    roof = shanghai_roof(keepouts=(KeepOut(10.0, 6.0, 4.0, 2.0),), row_rule="noon")
    site = SiteSurvey("Jiading survey", 31.4, 121.25, tz="Asia/Shanghai", roofs=(roof,),
                      horizon=((0, 2.0), (180, 4.0)))
    park = survey_to_park(site)
    assert park.name == "Jiading survey" and len(park.roofs) == 1
    r = park.roofs[0]
    assert r.area == 800.0 and r.roof_type == "flat"
    assert sum(a.modules for a in r.arrays) == 217
    assert park.dc_capacity == pytest.approx(217 * 360.214, abs=0.01)
    a = r.arrays[0]
    assert (a.dc_model, a.racking, a.surface_tilt, a.surface_azimuth) == ("cec", "open_rack", 20.0, 180.0)
    assert a.gcr == pytest.approx(1.956 / 2.7878, abs=1e-4)
    # pvlib accepts what the park describes
    import pvlib
    loc = park.to_location()
    assert isinstance(loc, pvlib.location.Location)


def test_site_survey_extras_round_trip():
    roof = shanghai_roof(keepouts=(KeepOut(10.0, 6.0, 4.0, 2.0, name="HVAC"),))
    site = SiteSurvey("S", 31.4, 121.25, roofs=(roof,), horizon=((90, 3.0), (270, 5.0)),
                      obstacles=({"height": 12, "distance": 30, "azimuth": 200, "width": 15},))
    park = survey_to_park(site)
    import json
    again = SiteSurvey.from_park(park, json.loads(json.dumps(site.extras())))
    assert again == site


def test_site_from_text_offline():
    from solarfleet.models.survey.geo import CoordinateError
    from solarfleet.models.survey.site import site_from_text
    site = site_from_text("Kunshan", "31°22'48\"N 120°58'48\"E", roofs=(shanghai_roof(),))
    assert (site.latitude, site.longitude) == pytest.approx((31.38, 120.98))
    assert site.tz == "Asia/Shanghai"
    assert survey_to_park(site).dc_capacity > 0
    with pytest.raises(CoordinateError):
        site_from_text("X", "31.38")


def test_survey_modules_import_without_qt_or_app():
    import subprocess
    import sys
    code = ("import sys, solarfleet.models.survey.geo, solarfleet.models.survey.site, solarfleet.models.survey.horizon, solarfleet.models.survey.package, solarfleet.models.survey.layout_svg; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'solarfleet.app', 'solarfleet.widgets'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
