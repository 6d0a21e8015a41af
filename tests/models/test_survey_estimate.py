"""The survey's instant estimate without Qt: GHI rule, weather cache, figures that add up, shading, consumption."""
import dataclasses

import pytest

from solarfleet.models.survey.layout import layout_roof
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey
from solarfleet.models.survey.estimate import (LOAD_REFERENCE_AREA, estimate_survey, monthly_ghi_choice, park_load_shape, survey_weather)

MODULE = "Trina_Solar_TSM_360DE14A_II_"


def _site(**kw):
    roof = RoofSurvey.rectangle("Hall A", 40, 20, setback=1.0, module=MODULE, module_tilt=10,
                                keepouts=(KeepOut(10, 8, 3, 3),))
    return SiteSurvey("Jiading", 31.38, 121.25, altitude=4.0, tz="Asia/Shanghai", roofs=(roof,), **kw)


def test_ghi_rule_climate_then_typed_then_default():
    near = monthly_ghi_choice(31.38, 121.25, typed=[100] * 12)
    assert near.source == "climate" and near.city and len(near.monthly_ghi) == 12  # the city wins over typing
    far = monthly_ghi_choice(40.2, 97.0)
    assert far.source == "default" and far.monthly_ghi is None
    typed = monthly_ghi_choice(40.2, 97.0, typed=[100] * 12)
    assert typed.source == "typed" and typed.monthly_ghi == (100.0,) * 12
    with pytest.raises(ValueError, match="month 3"):
        monthly_ghi_choice(40.2, 97.0, typed=[100, 100, -5] + [100] * 9)
    with pytest.raises(ValueError, match="12 numbers"):
        monthly_ghi_choice(40.2, 97.0, typed=[100] * 11)


def test_weather_cached_per_site_and_ghi():
    a = survey_weather(31.38, 121.25, None, tz="Asia/Shanghai", altitude=4.0)
    b = survey_weather(31.380001, 121.25, None, tz="Asia/Shanghai", altitude=4.0)  # same to 4 decimals
    assert a is b
    c = survey_weather(31.38, 121.25, [100.0] * 12, tz="Asia/Shanghai", altitude=4.0)
    assert c is not a and c[1]["sources"]["ghi"] == "given"


def test_estimate_figures_add_up_and_shading_costs_yield():
    site = _site()
    est = estimate_survey(site, floor_area=800.0)
    lay = layout_roof(site.roofs[0], site.latitude)
    assert est.modules == lay.count and est.dc_capacity == pytest.approx(lay.dc_capacity)
    assert est.annual_energy == pytest.approx(est.monthly_energy.sum())
    assert est.specific_yield == pytest.approx(est.annual_energy / est.dc_capacity)
    assert 900 < est.specific_yield < 1400  # kWh/kWp near Shanghai, 10° rows, climate-table year
    assert est.monthly_energy[6] > est.monthly_energy[1]  # June above January
    assert est.ghi.source == "climate" and est.horizon is None
    shaded = estimate_survey(dataclasses.replace(site, obstacles=({"height": 30, "distance": 15, "azimuth": 180,
                                                                    "width": 60},)), floor_area=800.0)
    assert shaded.horizon is not None and shaded.annual_energy < 0.8 * est.annual_energy


def test_consumption_preview_scales_with_floor_area_and_self_consumption_is_hourly():
    site = _site()
    small = estimate_survey(site, floor_area=500.0)
    big = estimate_survey(site, floor_area=5000.0)
    assert big.monthly_consumption.sum() == pytest.approx(10 * small.monthly_consumption.sum())
    assert 0 < small.self_consumption < big.self_consumption <= 1
    shape = park_load_shape("Asia/Shanghai", 2023)
    assert small.monthly_consumption.sum() == pytest.approx(shape.sum() * 500.0 / LOAD_REFERENCE_AREA, rel=1e-3)
    none = estimate_survey(site)
    assert none.monthly_consumption is None and none.self_consumption is None
    with pytest.raises(ValueError, match="floor_area"):
        estimate_survey(site, floor_area=-1.0)


def test_cancelled_estimate_raises():
    from solarfleet.models.simulation.engine import SimulationCancelled
    with pytest.raises(SimulationCancelled):
        estimate_survey(_site(), cancel=lambda: True)
