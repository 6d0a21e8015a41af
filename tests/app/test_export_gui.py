"""File → Export: the dialog's preview, and the controller writing XLSX and PDF in a worker."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from solarfleet.models.export.tables import preview, report_tables
from solarfleet.models.store import import_fleet, load_fleet, load_yield_study

PARK = "Kunshan Asia No.1"


@pytest.fixture(scope="module")
def simulated_db(tmp_path_factory, demo_fleet):
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.simulation.engine import simulate_and_store
    from solarfleet.models.store import open_store
    path = tmp_path_factory.mktemp("gui") / "gui.db"
    with open_store(path) as s:
        import_fleet(s, Fleet((demo_fleet.park(PARK),)))
        simulate_and_store(s, load_fleet(s), lambda p: weather_for_park(s, p))
    return path


@pytest.fixture
def session(simulated_db, tmp_path):
    import shutil
    from solarfleet.app.gui.session import open_session
    path = tmp_path / "s.db"
    shutil.copy(simulated_db, path)
    s = open_session(path)
    yield s
    s.close()


def test_dialog_previews_what_will_be_written(qtbot, session, tmp_path):
    from solarfleet.widgets.export_dialog import ExportDialog
    dlg = ExportDialog([PARK], lambda p, r: report_tables(session.store, p, r), lambda t, f, e: preview(t, f), str(tmp_path))
    qtbot.addWidget(dlg)
    dlg.refresh_preview()
    text = dlg.preview.toPlainText()
    for sheet in ("summary", "monthly", "hourly", "losses", "assumptions"):
        assert f"── {sheet} (" in text
    assert "+08:00" in text and "ac [kW]" in text
    assert not dlg.export_button.isEnabled()  # no file yet
    dlg.format.setCurrentIndex(dlg.format.findData("csv"))
    dlg.scope.setCurrentIndex(dlg.scope.findData(PARK))
    dlg.resolution.setCurrentIndex(dlg.resolution.findData("daily"))
    dlg.refresh_preview()
    text = dlg.preview.toPlainText()
    assert "── daily (365 rows" in text and "summary" not in text
    dlg.format.setCurrentIndex(dlg.format.findData("pdf"))
    assert not dlg.resolution.isEnabled()
    dlg.path.setText(str(tmp_path / "out.csv"))
    dlg._changed()
    assert dlg.path.text().endswith("out.pdf")  # the suffix follows the format
    with qtbot.waitSignal(dlg.exportRequested) as sig:
        dlg.export_button.click()
    assert sig.args[0] == {"format": "pdf", "path": str(tmp_path / "out.pdf"), "park": PARK,
                           "resolution": "daily", "include_study": False, "yield_study": False,
                           "project": {"project": "", "client": "", "author": "", "reference": ""},
                           "english_headers": False, "wan": None}


def test_dialog_previews_rendered_pdf_pages_and_defaults_p50_to_a_stored_study(qtbot, session, tmp_path):
    from PySide6.QtWidgets import QLabel
    from solarfleet.app.report import render_report_pages
    from solarfleet.widgets.export_dialog import ExportDialog
    calls = []

    def pages_for(park, project, include):
        calls.append((park, dict(project), include))
        return render_report_pages(session.store, park, 240, max_pages=2, project=project,
                                   include_study=include, appendix=False), ""
    dlg = ExportDialog([PARK], lambda p, r: report_tables(session.store, p, r), lambda t, f, e: preview(t, f), str(tmp_path),
                       pages_for=pages_for, project={"project": "Refinancing 2027", "client": "Bank"},
                       has_study=lambda park: park == PARK)
    qtbot.addWidget(dlg)
    assert not dlg.study.isChecked()  # the fleet has no study
    dlg.scope.setCurrentIndex(dlg.scope.findData(PARK))
    assert dlg.study.isChecked()  # this park has one: P50/P90 by default
    dlg.format.setCurrentIndex(dlg.format.findData("pdf"))
    dlg.refresh_preview()
    assert dlg.stack.currentWidget() is dlg.pages_scroll
    labels = [w for w in dlg.pages.findChildren(QLabel) if w.pixmap() is not None and not w.pixmap().isNull()]
    assert len(labels) == 2 and labels[0].pixmap().height() > labels[0].pixmap().width()  # A4 portrait pages
    img = labels[0].pixmap().toImage()
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, 120, 5)}) > 3  # ink on page
    assert calls[-1] == (PARK, {"project": "Refinancing 2027", "client": "Bank", "author": "", "reference": ""},
                         True)
    opts = dlg.options()
    assert opts["include_study"] and not opts["yield_study"]  # included from the stored study, none computed


def test_dialog_shows_why_nothing_can_be_exported(qtbot, memory_store, tmp_path):
    from solarfleet.widgets.export_dialog import ExportDialog
    dlg = ExportDialog([], lambda p, r: (_ for _ in ()).throw(ValueError("no simulation run yet")), lambda t, f, e: preview(t, f))
    qtbot.addWidget(dlg)
    dlg.refresh_preview()
    dlg.path.setText(str(tmp_path / "x.xlsx"))
    assert "no simulation run" in dlg.summary.text() and not dlg.export_button.isEnabled()


def test_controller_writes_xlsx_and_pdf_in_a_worker(qtbot, session, tmp_path):
    import openpyxl
    from solarfleet.app.gui.export_controller import ExportController
    win = QWidget()
    qtbot.addWidget(win)
    ctl = ExportController(session.store, session.fleet, session.pool, parent=win)
    with qtbot.waitSignal(ctl.exported, timeout=30000) as sig:
        ctl.start({"format": "xlsx", "path": str(tmp_path / "f.xlsx"), "park": None, "resolution": "monthly",
                   "yield_study": False})
    assert sig.args[0] == str(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert wb.sheetnames == ["summary", "monthly", "carbon", "losses", "assumptions"]  # no load, no study: no more
    assert all(wb[n].freeze_panes == "B2" for n in wb.sheetnames)  # header row and index column frozen
    with qtbot.waitSignal(ctl.exported, timeout=60000):
        ctl.start({"format": "pdf", "path": str(tmp_path / "p.pdf"), "park": PARK, "resolution": "hourly",
                   "include_study": True, "yield_study": True, "project": {"project": "Kunshan refinancing"}})
    data = (tmp_path / "p.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    assert load_yield_study(session.store, park_name=PARK) is not None  # the study was computed and stored
    from solarfleet.models.store import get_report_project
    assert get_report_project(session.store)["project"] == "Kunshan refinancing"  # remembered in the file
    with qtbot.waitSignal(ctl.failed, timeout=30000) as sig:
        ctl.start({"format": "csv", "path": str(tmp_path / "x.csv"), "park": "Atlantis", "resolution": "hourly",
                   "yield_study": False})
    assert "Atlantis" in sig.args[0]
    session.pool.shutdown(10000)


def test_chinese_report_unit_choice_reaches_the_preview_and_the_export(qtbot, session, tmp_path):
    """With the 万kWh choice offered (a Chinese UI), unticking it asks the preview and the export for MWh;
    without it (other languages) the option stays None and the checkbox hidden."""
    from solarfleet.widgets.export_dialog import ExportDialog
    calls = []

    def pages_for(park, project, include, wan=None):
        calls.append(wan)
        return [], ""
    args = ([PARK], lambda p, r: report_tables(session.store, p, r), lambda t, f, e: preview(t, f), str(tmp_path))
    dlg = ExportDialog(*args, pages_for=pages_for, wan_choice=True)
    qtbot.addWidget(dlg)
    dlg.format.setCurrentIndex(dlg.format.findData("pdf"))
    assert dlg.wan.isEnabled() and dlg.options()["wan"] is True
    dlg.wan.setChecked(False)
    dlg.refresh_preview()
    assert calls[-1] is False and dlg.options()["wan"] is False
    plain = ExportDialog(*args, pages_for=lambda park, project, include: ([], ""))
    qtbot.addWidget(plain)
    plain.format.setCurrentIndex(plain.format.findData("pdf"))
    plain.refresh_preview()
    assert plain.wan.isHidden() and plain.options()["wan"] is None
