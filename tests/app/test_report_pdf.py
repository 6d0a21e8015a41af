"""The PDF report: written by Qt, readable text in the chosen language, figures from the database."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest
from solarfleet.models.store import (import_fleet, latest_run_id, load_fleet, load_park, load_run_ac,
    load_yield_study, run_parks, save_yield_study)

PARK = "Kunshan Asia No.1"
ODD = "<Park & \"Co\"> =1+1"


@pytest.fixture(scope="module")
def db(tmp_path_factory, demo_fleet):
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import simulate_and_store
    from solarfleet.models.store import add_load_series, open_store
    from solarfleet.models.studies.yield_study import yield_study
    path = tmp_path_factory.mktemp("pdf") / "pdf.db"
    with open_store(path) as s:
        import_fleet(s, Fleet((demo_fleet.park(PARK), dataclasses.replace(demo_fleet.park(PARK), name=ODD))))
        run_id, _ = simulate_and_store(s, load_fleet(s), lambda p: weather_for_park(s, p))
        ac = load_run_ac(s, run_id, PARK).sum(axis=1)
        load = pd.Series(np.full(len(ac), 400_000.0), index=ac.index)  # a flat 400 kW load
        add_load_series(s, PARK, load, {"interval_minutes": 60}, meter="main")
        save_yield_study(s, yield_study(s, [load_park(s, PARK)], n_synthetic=3, start_year=2026))
    return path


def _text(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang, title, p50", [("en", "Yield report", "Long-term yield (P50/P90)"),
                                              ("zh_CN", "发电量报告", "长期发电量（P50/P90）"),
                                              ("ja_JP", "発電量レポート", "長期発電量（P50/P90）")])
def test_park_report_in_each_language(qapp, db, tmp_path, lang, title, p50):
    from solarfleet.app.i18n import install_language
    from solarfleet.app.report_pdf import write_report_pdf
    from solarfleet.models.store import open_store
    out = tmp_path / f"r_{lang}.pdf"
    try:
        with open_store(db) as s:
            pages = write_report_pdf(s, out, park=PARK, language=lang)
            run = run_parks(s, latest_run_id(s, PARK))[0]
            study = load_yield_study(s, park_name=PARK)
    finally:
        install_language("en")
    assert out.read_bytes().startswith(b"%PDF") and pages >= 2
    text = _text(out)
    assert title in text and PARK in text
    # Qt's ToUnicode map of Noto CJK (a .ttc) loses a few ideographs in text extraction although they render;
    # the English heading is checked exactly, the CJK ones by their Latin part
    assert (p50 if lang == "en" else "P50/P90") in text
    assert f"{run['energy'] / 1e6:,.1f} MWh" in text  # the KPI is the run's energy
    assert f"{study.value(90, 'park', PARK) / 1e6:,.1f}" in text
    assert "SolarFleet" in text and "0.1" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "pg")],
                       check=True)
        from PySide6.QtGui import QImage
        img = QImage(str(next(tmp_path.glob("pg*.png"))))
        assert img.width() > 300 and img.height() > img.width()  # A4 portrait


def test_fleet_report_escapes_names_and_says_what_is_missing(qapp, db, tmp_path):
    from solarfleet.app.report_pdf import PdfReport
    from solarfleet.models.store import open_store
    with open_store(db) as s:
        rep = PdfReport(s)  # the fleet: one study covers only one park, so no P50/P90 for the fleet
        html = rep.html()
        pages = rep.write(tmp_path / "fleet.pdf")
    assert "&lt;Park &amp; &quot;Co&quot;&gt; =1+1" in html and ODD not in html
    assert "No yield study yet" in html
    assert "No consumption is stored" in html  # the odd park has no load: the fleet has no consumption column
    assert pages >= 2
    assert ODD in _text(tmp_path / "fleet.pdf")
