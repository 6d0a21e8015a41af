"""Survey tab against a real temp database: estimates in a worker after edits, save with undo, survey
packages out and in with a name clash resolved by rename — all with networking switched off."""
import dataclasses
import socket

import pytest
from PySide6.QtCore import QSettings

from solarfleet.models.store import load_survey, open_store, save_surveyed_park
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey, survey_to_park
from solarfleet.widgets.survey_form import DEFAULT_MODULE
from solarfleet.models.store import park_names


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network used: {args!r}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def window(qtbot, tmp_path):
    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    session = open_session(tmp_path / "survey.db")
    w = MainWindow(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    yield w
    w.survey.controller.cancel()
    session.close()
    assert session.pool.pool.activeThreadCount() == 0


def _site(name="Kunshan DC"):
    roof = RoofSurvey.rectangle("Hall A", 60, 40, setback=1.5, module=DEFAULT_MODULE, module_tilt=10,
                                keepouts=(KeepOut(10, 10, 4, 4, 0.5),))
    return SiteSurvey(name, 31.38, 121.25, altitude=4.0, tz="Asia/Shanghai", roofs=(roof,),
                      horizon=((90.0, 5.0), (180.0, 3.0), (270.0, 8.0)))


def test_survey_tab_and_file_actions_are_in_the_window(window):
    assert window.tabs.indexOf(window.survey.view) >= 0
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "E&xport survey package…" in texts and "&Import survey package…" in texts
    assert texts.index("&Import survey package…") < texts.index("&Quit")


def test_estimate_arrives_after_each_edit_and_outdated_work_is_dropped(qtbot, window):
    ui = window.survey
    view, ctl = ui.view, ui.controller
    view.form.set_site(_site(), floor_area=20000)
    with qtbot.waitSignal(ctl.estimateReady, timeout=30000) as first:
        pass
    est, latency = first.args
    assert est.modules == view.layouts["Hall A"].count > 500
    assert 900 < est.specific_yield < 1400  # kWh/kWp, Shanghai, 10° rows
    assert est.monthly_energy.index.tolist() == list(range(1, 13)) and est.monthly_energy.notna().all()
    assert est.monthly_consumption is not None and 0 < est.self_consumption <= 1
    assert "MWh" in view.estimate_panel.values["annual"].text()
    # a geometry edit: weather comes from the cache, the estimate follows within a second
    seen = []
    ctl.estimateReady.connect(lambda e, t: seen.append(e))
    with qtbot.waitSignal(ctl.estimateReady, timeout=10000) as second:
        view.form.widgets["length"].setText("40")
        view.form.changed.emit()
    est2, latency2 = second.args
    assert est2.modules < est.modules and est2.annual_energy < est.annual_energy
    assert latency2 < 1.0, f"edit → estimate took {latency2:.2f} s"
    # three quick edits: one estimate, for the last one
    seen.clear()
    with qtbot.waitSignal(ctl.estimateReady, timeout=10000) as third:
        for length in ("30", "35", "50"):
            view.form.widgets["length"].setText(length)
            view.form.changed.emit()
            qtbot.wait(30)
    qtbot.wait(400)
    assert len(seen) == 1 and third.args[0].modules == view.layouts["Hall A"].count
    # a horizon that blocks the low sun costs yield
    with qtbot.waitSignal(ctl.estimateReady, timeout=10000) as fourth:
        view.form.obstacles.add_row((40, 20, 180, 80))
    assert fourth.args[0].annual_energy < third.args[0].annual_energy * 0.9


def test_worker_is_cancelled_by_a_newer_edit(qtbot, window):
    ctl = window.survey.controller
    view = window.survey.view
    view.form.set_site(_site())
    qtbot.waitSignal(ctl.estimateReady, timeout=30000).wait()
    ctl.timer.setInterval(0)
    inputs, layouts = view.inputs, view.layouts
    ctl.request(inputs, layouts)
    qtbot.waitUntil(lambda: ctl._worker is not None, timeout=2000)
    running = ctl._worker
    ctl.request(inputs, layouts)  # newer inputs: the running computation is told to stop
    assert running.is_cancelled()
    qtbot.waitSignal(ctl.estimateReady, timeout=10000).wait()


def test_save_into_the_fleet_with_undo(qtbot, window):
    s = window.session
    view = window.survey.view
    view.form.set_site(_site())
    assert view.save_button.isEnabled()
    view.save_button.click()
    park = s.fleet.fleet.park("Kunshan DC")
    assert sum(a.modules_per_string * a.strings for r in park.roofs for a in r.arrays) == \
        view.layouts["Hall A"].count
    assert load_survey(s.store, "Kunshan DC")["roofs"][0]["keepouts"][0]["length"] == 4
    window.act_undo.trigger()
    assert "Kunshan DC" not in park_names(s.store)
    window.act_redo.trigger()
    assert load_survey(s.store, "Kunshan DC")["horizon"] == [[90.0, 5.0], [180.0, 3.0], [270.0, 8.0]]
    # saving again replaces the park (after the user agrees); undo brings back the first survey
    before = load_survey(s.store, "Kunshan DC")
    window.survey.controller.save(dataclasses.replace(_site(), horizon=((180.0, 20.0),)))
    assert load_survey(s.store, "Kunshan DC")["horizon"] == [[180.0, 20.0]]
    assert park_names(s.store).count("Kunshan DC") == 1
    window.act_undo.trigger()
    assert load_survey(s.store, "Kunshan DC") == before


def test_package_round_trip_with_a_clash_resolved_by_rename(qtbot, window, tmp_path, monkeypatch):
    ui = window.survey
    s = window.session
    # the office DB has a park of the same name already, and one more survey
    save_surveyed_park(s.store, survey_to_park(_site()), _site().extras())
    save_surveyed_park(s.store, survey_to_park(_site("Wuxi DC")), _site("Wuxi DC").extras())
    # the laptop's DB: the survey to bring in
    laptop = open_store(tmp_path / "laptop.db")
    site = _site()
    save_surveyed_park(laptop, survey_to_park(site), site.extras())
    from solarfleet.models.survey.package import export_survey_package
    package = tmp_path / "roof.sfsurvey.json"
    export_survey_package(laptop, package)
    laptop.close()
    asked = []

    def resolve(names):  # the clash dialog, default choice (rename) accepted
        from solarfleet.widgets.survey_conflict_dialog import SurveyConflictDialog
        asked.append(list(names))
        dlg = SurveyConflictDialog(names)
        assert dlg.choices() == {"Kunshan DC": "rename"}
        return dlg.choices()
    monkeypatch.setattr(ui, "resolve_clashes", resolve)
    report = ui.import_dialog(str(package))
    assert asked == [["Kunshan DC"]]
    new = report["renamed"]["Kunshan DC"]
    assert new != "Kunshan DC" and new in park_names(s.store) and "Kunshan DC" in park_names(s.store)
    assert load_survey(s.store, new) == site.extras()
    assert new in [p.name for p in s.fleet.fleet.parks]  # the window's fleet follows
    # and out again from the app: every surveyed park
    out = tmp_path / "office.sfsurvey.json"
    assert ui.export_dialog(str(out))
    from solarfleet.models.survey.package import read_survey_package
    assert sorted(read_survey_package(out).names) == sorted(["Kunshan DC", "Wuxi DC", new])


def test_damaged_package_is_refused_and_the_database_unchanged(qtbot, window, tmp_path, monkeypatch):
    ui = window.survey
    s = window.session
    save_surveyed_park(s.store, survey_to_park(_site()), _site().extras())
    out = tmp_path / "p.sfsurvey.json"
    assert ui.export_dialog(str(out))
    out.write_text(out.read_text(encoding="utf-8").replace('"Hall A"', '"Hall B"'), encoding="utf-8")
    errors = []
    monkeypatch.setattr("solarfleet.app.gui.survey_menu.show_error", lambda summary, details, parent=None:
                        errors.append((summary, details)))
    names = park_names(s.store)
    assert ui.import_dialog(str(out)) is None
    assert errors and "refused" in errors[0][0] and "p.sfsurvey.json" in errors[0][1]
    assert park_names(s.store) == names


def test_unsaved_survey_comes_back_in_a_new_window(qtbot, window, tmp_path):
    from solarfleet.app.gui.main_window import MainWindow
    view = window.survey.view
    view.form.set_site(_site(), floor_area=5000)
    view.form.widgets["setback"].setText("2.5")
    view.form.changed.emit()
    window.survey.controller.cancel()
    again = MainWindow(window.session, window.settings)  # what a language switch or a restart builds
    qtbot.addWidget(again)
    got = again.survey.view.form.inputs()
    assert got.site.roofs[0].setback == 2.5 and got.floor_area == 5000 and got.site.name == "Kunshan DC"
    assert got.site.horizon == _site().horizon
    again.survey.controller.cancel()
    window.settings.setValue("survey/draft", "{not json")
    broken = MainWindow(window.session, window.settings)  # a damaged draft is dropped, the window opens
    qtbot.addWidget(broken)
    assert broken.survey.view.inputs is None
    broken.survey.controller.cancel()
