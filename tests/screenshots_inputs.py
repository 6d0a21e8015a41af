"""Render the import question dialog and the Survey tab on a climate pack to PNG in English, Chinese and Japanese:
``python tests/screenshots_inputs.py [OUTDIR]`` (run once as is for 1366×768, once with ``QT_SCALE_FACTOR=1.25``
for 1920×1080 at 125 %).

* ``<lang>_<size>_import_question.png`` — a meter file whose dates read both day-first and month-first,
  dropped on a park of the demo fleet: the dialog the real importer raises;
* ``<lang>_<size>_survey_pack.png`` — a survey near Nanchang (no climate-table city within reach) whose weather
  comes from a climate pack prepared from a local server answering like NASA POWER, imported offline.

Offscreen, throw-away data dir.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.shot_tools import close_window, finish, screen_size, settle, throwaway_data_dir, wait_for  # noqa: E402
from tests.screenshots_survey import grab_survey  # noqa: E402  (after the path is set)
throwaway_data_dir()


def _pack_file(folder: Path) -> Path:
    from solarfleet.models.store import open_store
    from solarfleet.models.weather.climate_pack import export_climate_pack, prepare_climate_pack
    from tests.models.weather_servers import WeatherServer
    server = WeatherServer()
    try:
        with open_store(":memory:") as store:
            pid = prepare_climate_pack(store, "Jiangxi", (26.0, 30.0, 113.0, 118.5),
                                       url=server.url + "/api/temporal/climatology/regional", timeout=10)
            return export_climate_pack(store, pid, folder / "jiangxi.sfpack")
    finally:
        server.close()


def _meter_file(folder: Path) -> Path:
    import pandas as pd
    stamps = pd.date_range("2023-03-04", periods=24, freq="h")
    path = folder / "meter_march.csv"
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), "kW": 850.0}).to_csv(path, index=False)
    return path


def main(outdir: Path) -> int:
    import solarfleet.widgets as widgets  # noqa: F401
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.i18n import install_language
    from solarfleet.models.survey.site import RoofSurvey, SiteSurvey
    from solarfleet.models.weather.climate_pack import import_climate_pack
    from solarfleet.widgets.survey_form import DEFAULT_MODULE

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (held for the whole script)
    size_name, (width, height) = screen_size()
    outdir.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ["SOLARFLEET_DATA_DIR"])
    session = open_session(data / "inputs.db", seed_demo=True, providers_for=providers_for)
    import_climate_pack(session.store, _pack_file(data))
    meter = _meter_file(data)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)


    roof = RoofSurvey.rectangle("Hall A", 96, 48, setback=2.0, module=DEFAULT_MODULE, module_tilt=10)
    site = SiteSurvey("Nanchang DC", 28.68, 115.89, altitude=30.0, tz="Asia/Shanghai", roofs=(roof,))
    written = []
    for lang in ("en", "zh_CN", "ja_JP"):
        install_language(lang)
        w = MainWindow(session, settings)
        w.resize(width, height)
        w.show()
        asked = []
        w.file_imports.questionAsked.connect(asked.append)
        park = session.fleet.fleet.parks[0]
        w._files_dropped((park.name,), [str(meter)])
        wait_for(lambda: asked, 30)
        settle(200)
        path = outdir / f"{lang}_{size_name}_import_question.png"
        asked[0].grab().save(str(path))
        written.append(path)
        asked[0].reject()
        path = outdir / f"{lang}_{size_name}_survey_pack.png"
        grab_survey(w, site, roof.area, path, settle)
        written.append(path)
        close_window(w)
    return finish(session, written, install_language)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots" / "inputs"))
