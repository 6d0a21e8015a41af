"""The survey tab takes its weather from an installed climate pack, offline, and says so; without a pack it falls
back to the synthetic year on the documented default and says that plainly.

The pack is prepared once from a local server on 127.0.0.1 answering like NASA POWER, written to a pack file
and imported into the session's database; the survey itself then runs with networking switched off."""
import socket

import pytest
from PySide6.QtCore import QSettings

from solarfleet.models.survey.site import RoofSurvey, SiteSurvey
from solarfleet.widgets.survey_form import DEFAULT_MODULE
from tests.models.weather_servers import WeatherServer

#: Nanchang, Jiangxi: far from every climate-table city.
FAR_LAT, FAR_LON = 28.68, 115.89


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory):
    from solarfleet.models.store import open_store
    from solarfleet.models.weather.climate_pack import export_climate_pack, prepare_climate_pack
    server = WeatherServer()
    path = tmp_path_factory.mktemp("pack") / "jiangxi.sfpack"
    try:
        with open_store(":memory:") as store:
            pid = prepare_climate_pack(store, "Jiangxi test", (26.0, 30.0, 113.0, 118.5),
                                       url=server.url + "/api/temporal/climatology/regional", timeout=10)
            export_climate_pack(store, pid, path)
    finally:
        server.close()
    return path


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network used: {args!r}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _window(qtbot, tmp_path, pack=None):
    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    from solarfleet.models.weather.climate_pack import import_climate_pack
    session = open_session(tmp_path / "survey.db")
    if pack is not None:
        import_climate_pack(session.store, pack)
    w = MainWindow(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    return w, session


def _close(w, session):
    w.survey.controller.cancel()
    session.close()
    assert session.pool.pool.activeThreadCount() == 0


def _far_site():
    roof = RoofSurvey.rectangle("Hall A", 60, 40, setback=1.5, module=DEFAULT_MODULE, module_tilt=10)
    return SiteSurvey("Nanchang DC", FAR_LAT, FAR_LON, altitude=30.0, tz="Asia/Shanghai", roofs=(roof,))


def _estimate(qtbot, w):
    view, ctl = w.survey.view, w.survey.controller
    with qtbot.waitSignal(ctl.estimateReady, timeout=60000) as got:
        view.form.set_site(_far_site(), floor_area=20000)
    return got.args[0], view


def test_installed_pack_is_the_weather_source_offline(qtbot, tmp_path, pack_file, offline):
    w, session = _window(qtbot, tmp_path, pack_file)
    try:
        est, view = _estimate(qtbot, w)
        assert est.ghi.source == "pack" and est.ghi.city == "Jiangxi test"
        weather = view.estimate_panel.values["weather"]
        assert weather.text().startswith("climate pack 'Jiangxi test', GHI ±")
        assert weather.toolTip().startswith("synthetic year, Climate pack 'Jiangxi test' (nearest grid cell")
        assert "Climate pack 'Jiangxi test'" in view.form.ghi_source.text()
        assert 800 < est.specific_yield < 1600
    finally:
        _close(w, session)


def test_without_a_pack_the_default_is_named_plainly(qtbot, tmp_path, offline):
    w, session = _window(qtbot, tmp_path)
    try:
        est, view = _estimate(qtbot, w)
        assert est.ghi.source == "default"
        weather = view.estimate_panel.values["weather"]
        assert weather.text() == "rough default (no climate pack or city)"
        assert "no climate pack or climate-table city covers this site" in weather.toolTip()
    finally:
        _close(w, session)
