"""Survey form, layout drawing and horizon import, each widget alone (no database, no network)."""
import dataclasses
import json

import pytest
from PySide6.QtCore import Qt

from solarfleet.models.survey.layout import layout_roof
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey
from solarfleet.widgets.survey_form import DEFAULT_MODULE, SurveyForm, SurveyFormError
from solarfleet.widgets.survey_view import SurveyView


@pytest.fixture
def form(qtbot):
    f = SurveyForm()
    qtbot.addWidget(f)
    return f


def _set(form, **texts):
    for k, v in texts.items():
        form.widgets[k].setText(v)


@pytest.mark.parametrize("text, words", [("91, 121.25", "latitude must be between -90 and 90"),
                                         ("31.38, 121.25, 7", "exactly two coordinates"),
                                         ("31°75'N 121°E", "minutes must be below 60"),
                                         ("", "is required")])
def test_bad_coordinates_are_named_next_to_the_field(form, text, words):
    _set(form, coordinates=text)
    with pytest.raises(SurveyFormError) as info:
        form.inputs()
    assert set(info.value.errors) == {"coordinates"}
    label = form.errors["coordinates"]
    assert not label.isHidden() and words in label.text()
    assert form.errors["length"].isHidden()


def test_dms_coordinates_time_zone_and_altitude_found_offline(form):
    _set(form, coordinates="31°22'48\"N 121°15'E")
    inputs = form.inputs()
    assert inputs.site.latitude == pytest.approx(31.38) and inputs.site.longitude == pytest.approx(121.25)
    assert inputs.site.tz == "Asia/Shanghai" and inputs.location.tz_source == "lookup"
    assert "Asia/Shanghai" in form.tz_found.text()
    assert inputs.location.altitude_source == "lookup"
    # overrides: a known zone is used, an unknown one is refused next to its field
    _set(form, tz="Asia/Tokyo", altitude="35")
    inputs = form.inputs()
    assert inputs.site.tz == "Asia/Tokyo" and inputs.site.altitude == 35.0
    _set(form, tz="Mars/Olympus")
    with pytest.raises(SurveyFormError) as info:
        form.inputs()
    assert set(info.value.errors) == {"tz"} and "Mars/Olympus" in form.errors["tz"].text()


def test_monthly_ghi_source_climate_typed_default(form):
    _set(form, coordinates="31.38, 121.25")
    assert form.inputs().ghi.source == "climate"
    assert "Climate table" in form.ghi_source.text() and not form.widgets["monthly_ghi"].isEnabled()
    _set(form, coordinates="40.2, 97.0")  # Gobi, no climate-table city within reach
    assert form.inputs().ghi.source == "default"
    assert "default" in form.ghi_source.text() and form.widgets["monthly_ghi"].isEnabled()
    _set(form, monthly_ghi="80 100 140 170 200 210 200 190 160 130 90 75")
    ghi = form.inputs().ghi
    assert ghi.source == "typed" and ghi.monthly_ghi[5] == 210.0 and "Typed" in form.ghi_source.text()
    _set(form, monthly_ghi="80 100 140")
    with pytest.raises(SurveyFormError) as info:
        form.inputs()
    assert "12 numbers" in info.value.errors["monthly_ghi"]


def test_roof_fields_and_tables_refused_with_their_place(form):
    _set(form, coordinates="31.38, 121.25", setback="wide")
    form.keepouts.set_rows([(10, 10, 4, 4, 0)])
    form.keepouts.setData(form.keepouts.index(0, 2), "four")
    with pytest.raises(SurveyFormError) as info:
        form.inputs()
    assert "wide" in info.value.errors["setback"]
    assert "row 1" in info.value.errors["keepouts"] and "four" in info.value.errors["keepouts"]
    _set(form, setback="30")  # swallows a 40 m wide roof: refused by the layout, shown at the setback
    form.keepouts.set_rows([])
    view = SurveyView()
    view.form.set_site(form.inputs().site)
    view.refresh()
    assert "too large" in view.form.errors["setback"].text()
    assert view.layout_view.layout_ is None and not view.save_button.isEnabled()
    view.deleteLater()


def test_polygon_roof_and_pitched_roof(form):
    _set(form, coordinates="31.38, 121.25")
    form.widgets["shape"].setCurrentIndex(1)
    assert form.vertices.rowCount() == 4  # started from the rectangle
    form.vertices.set_rows([(0, 0), (50, 0), (50, 20), (20, 20), (20, 40), (0, 40)])  # an L
    form.widgets["roof_type"].setCurrentIndex(1)
    _set(form, pitch="15")
    roof = form.inputs().site.roofs[0]
    assert roof.roof_type == "pitched" and roof.surface_tilt == 15.0 and len(roof.outline) == 6
    assert roof.area == pytest.approx(50 * 20 + 20 * 20)
    form.vertices.set_rows([(0, 0), (50, 0)])
    with pytest.raises(SurveyFormError) as info:
        form.inputs()
    assert "3 vertices" in info.value.errors["vertices"]


def test_set_site_round_trip(form):
    roof = RoofSurvey.rectangle("North hall", 80, 30, setback=2.0, module=DEFAULT_MODULE, module_tilt=12,
                                keepouts=(KeepOut(20, 10, 3, 2, 0.5),), allowed_load=30.0)
    site = SiteSurvey("Kunshan DC", 31.38, 121.25, altitude=4.0, tz="Asia/Shanghai", roofs=(roof,),
                      horizon=((90.0, 4.0), (180.0, 2.0)), horizon_source="typed")
    form.set_site(site, floor_area=20000)
    got = form.inputs()
    assert got.site.roofs[0] == site.roofs[0] and got.site.horizon == site.horizon and got.floor_area == 20000
    assert site.roofs[0] == dataclasses.replace(roof, row_rule="gb50797")  # the site's rule, kept by the form
    assert got.site.name == "Kunshan DC" and got.site.altitude == 4.0


def test_layout_drawing_shows_every_module(qtbot):
    view = SurveyView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    f = view.form
    _set(f, coordinates="31.38, 121.25", length="60", width="40", setback="1.5")
    f.keepouts.set_rows([(10, 10, 4, 4, 0.5)])
    view.refresh()
    view.layout_view.grab()  # paints
    expected = layout_roof(RoofSurvey.rectangle("Roof 1", 60, 40, setback=1.5, module=DEFAULT_MODULE,
                                                module_tilt=10, keepouts=(KeepOut(10, 10, 4, 4, 0.5),),
                                                height=12, row_rule="gb50797"), 31.38)  # China: GB 50797
    assert view.layout_view.painted_modules == expected.count == view.layouts["Roof 1"].count
    caption = view.layout_view.caption()
    assert f"{expected.count} modules" in caption and "row pitch 2.59 m" in caption and "GCR 0.76" in caption
    # the keep-out takes modules away; a bigger one takes more
    f.keepouts.set_rows([(10, 10, 12, 8, 0.5)])
    view.refresh()
    view.layout_view.grab()
    assert view.layout_view.painted_modules < expected.count


def test_pvgis_file_import_and_a_bad_file(form, tmp_path):
    doc = {"inputs": {"location": {"latitude": 31.38, "longitude": 121.25}},
           "outputs": {"horizon_profile": [{"A": a, "H_hor": 3.0 + (a == 0) * 5} for a in range(-180, 181, 15)]}}
    p = tmp_path / "horizon.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    assert form.import_pvgis(str(p))
    _set(form, coordinates="31.38, 121.25")
    site = form.inputs().site
    assert dict(site.horizon)[180.0] == 8.0  # PVGIS A = 0 is south
    assert site.horizon_source == "pvgis:horizon.json"
    rows = form.horizon.rowCount()
    assert rows == 24  # -180 and 180 are both north
    bad = tmp_path / "bad.csv"
    bad.write_text("A\tH_hor\n0\t95\n", encoding="utf-8")
    assert not form.import_pvgis(str(bad))
    assert "bad.csv" in form.errors["horizon"].text()
    assert form.horizon.rowCount() == rows  # the table kept what it had


def test_row_spacing_rule_follows_the_country_until_chosen(form):
    _set(form, coordinates="34.38, 109.06")  # Xi'an
    assert form.inputs().site.roofs[0].row_rule == "gb50797"
    _set(form, coordinates="35.68, 139.77")  # Tokyo
    assert form.inputs().site.roofs[0].row_rule == "jp_daytime"
    combo = form.widgets["spacing"]
    combo.setCurrentIndex(combo.findData("noon"))
    combo.activated.emit(combo.currentIndex())  # what a user's pick emits
    _set(form, coordinates="34.38, 109.06")
    assert form.inputs().site.roofs[0].row_rule == "noon"
    combo.setCurrentIndex(combo.findData("gcr"))
    _set(form, gcr="0.5")
    roof = form.inputs().site.roofs[0]
    assert (roof.row_rule, roof.gcr) == ("gcr", 0.5)
    assert combo.itemText(combo.findData("gb50797")).startswith("GB 50797")
    assert "true solar time" in combo.itemData(combo.findData("gb50797"), Qt.ItemDataRole.ToolTipRole)


def test_a_narrow_survey_view_keeps_caption_and_legend_whole(qtbot):
    """In a narrow right-hand column (1366 px window, both docks open) the layout caption takes the lines it
    needs and the horizon legend stacks its entries instead of running past the plot's edge."""
    from PySide6.QtGui import QFont, QFontMetrics
    view = SurveyView()
    qtbot.addWidget(view)
    view.show()
    _set(view.form, coordinates="31.38, 121.25", length="96", width="48", setback="2")
    view.refresh()
    lv, hp = view.layout_view, view.horizon_plot
    for width in (1200, 620):
        view.resize(width, 760)
        qtbot.waitUntil(lambda: lv.width() < 400 if width < 1000 else lv.width() > 400)
        qtbot.wait(30)
        bold = QFont(lv.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        lines = -(-fm.horizontalAdvance(lv.caption()) // max(1, lv.width() - 2 * lv.MARGIN))
        assert lv._caption_height(bold) >= lines * fm.lineSpacing(), (width, lv.width())
        legend = hp.legend.mapRectToScene(hp.legend.boundingRect())
        box = hp.plot.getPlotItem().getViewBox().sceneBoundingRect()
        assert box.contains(legend), (width, legend, box, hp.legend_columns())
    assert lines >= 2 and hp.legend_columns() < 3  # the narrow case is the one that used to be cut
