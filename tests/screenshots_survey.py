"""Render the Survey tab to PNG in English, Chinese and Japanese: ``python tests/screenshots_survey.py [OUTDIR]``.

A flat warehouse roof near Shanghai with a setback, two keep-outs (skylight, HVAC unit), a typed horizon and
a nearby obstacle; the instant estimate computed by the real worker. Offscreen, throw-away data dir; writes
``<lang>_survey.png`` at a 1366 × 768 laptop's size, or with ``SOLARFLEET_SHOT=1920`` ``<lang>_survey_1920@125.png``
(a 1920 × 1080 screen at 125 %), as ``tests/screenshots.py`` does.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.shot_tools import close_window, finish, settle, throwaway_data_dir, wait_for  # noqa: E402
throwaway_data_dir()
HIGH = os.environ.get("SOLARFLEET_SHOT") == "1920"
if HIGH:
    os.environ["QT_SCALE_FACTOR"] = "1.25"
SIZE = (1536, 864) if HIGH else (1366, 768)  # logical pixels of the window: the whole screen
SUFFIX = "_1920@125" if HIGH else ""


def grab_survey(w, site, floor_area: float, path: Path, settle) -> None:
    """Show ``site`` on the Survey tab of main window ``w``, wait for its estimate and save the window to ``path``."""
    ui = w.survey
    w.tabs.setCurrentWidget(ui.view)
    got = []
    ui.controller.estimateReady.connect(lambda est, lat: got.append(est))
    w.detail_dock.hide()  # the survey needs no tree selection: the right-hand docks closed for room
    w.energy_dock.hide()
    ui.view.form.set_site(site, floor_area=floor_area)  # the warehouse under the roof
    wait_for(lambda: got, 60)
    settle(300)
    w.grab().save(str(path))
    ui.controller.cancel()


def main(outdir: Path) -> int:
    import solarfleet.widgets as widgets  # noqa: F401
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.i18n import install_language
    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey
    from solarfleet.widgets.survey_form import DEFAULT_MODULE

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (held for the whole script)
    outdir.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ["SOLARFLEET_DATA_DIR"])
    session = open_session(data / "survey.db")
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)


    roof = RoofSurvey.rectangle("Hall A", 96, 48, setback=2.0, module=DEFAULT_MODULE, module_tilt=10,
                                height=12.0, allowed_load=30.0,
                                keepouts=(KeepOut(18, 14, 6, 4, 1.0, "skylight"), KeepOut(60, 30, 10, 5, 1.5, "HVAC")))
    site = SiteSurvey("Jiading DC", 31.38, 121.25, altitude=4.0, tz="Asia/Shanghai", roofs=(roof,),
                      horizon=((0, 3), (60, 5), (120, 2), (180, 4), (240, 7), (300, 4)), horizon_source="typed",
                      obstacles=({"height": 18, "distance": 45, "azimuth": 215, "width": 30},))
    written = []
    for lang in ("en", "zh_CN", "ja_JP"):
        install_language(lang)
        w = MainWindow(session, settings)
        w.resize(*SIZE)
        w.show()
        grab_survey(w, site, roof.area, outdir / f"{lang}_survey{SUFFIX}.png", settle)
        written.append(outdir / f"{lang}_survey{SUFFIX}.png")
        close_window(w)
    return finish(session, written, install_language)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "screenshots"))
