"""A file dropped on a park whose dates read both day-first and month-first: the app asks (a dialog with both
readings and sample dates), stores nothing until answered, and imports the reading chosen."""
import hashlib
import sqlite3

import pandas as pd
import pytest
from PySide6.QtWidgets import QLabel

from solarfleet.models.import_question import ImportQuestion


def _dump(db) -> str:
    con = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


def _meter_day(path):
    """24 hourly meter values on 4 March 2023 written dd/mm/yyyy: as plausible month-first (3 April)."""
    stamps = pd.date_range("2023-03-04", periods=24, freq="h")
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), "kW": 100.0}).to_csv(path, index=False)
    return path


def _first_load_stamp(db, park, meter="meter"):
    """First stamp [UTC] of the park's series of ``meter``, None if there is none."""
    from solarfleet.models.store import list_load_series, open_store
    with open_store(db) as s:
        rows = [r for r in list_load_series(s, park) if r["meter"] == meter]
    return pd.Timestamp(rows[0]["start_utc"]) if rows else None


@pytest.fixture
def demo_db(tmp_path):
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.store import load_fleet, open_store
    path = tmp_path / "q.db"
    with open_store(path) as s:
        seed_if_empty(s, with_data=False)
        park = load_fleet(s).parks[0]
    return path, park


def test_importer_asks_and_leaves_the_database_alone(demo_db, tmp_path):
    from solarfleet.app.gui.wiring import import_park_file
    db, park = demo_db
    f = _meter_day(tmp_path / "meter.csv")
    before = _dump(db)
    with pytest.raises(ImportQuestion) as info:
        import_park_file(db, park, f)
    assert info.value.option == "dayfirst" and "meter.csv" in str(info.value)
    assert _dump(db) == before
    assert "series" in import_park_file(db, park, f, {"dayfirst": True})
    local = _first_load_stamp(db, park.name).tz_convert(park.tz)
    assert (local.month, local.day) == (3, 4)


@pytest.fixture
def app(qtbot, isolated_data_dir):
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.paths import db_path
    application = Application(make_settings(), providers_for=providers_for)
    assert application.open(db_path(), seed_demo=True)
    qtbot.addWidget(application.window)
    yield application
    pool = application.session.pool
    application.shutdown()
    assert pool.pool.activeThreadCount() == 0


def _drop_ambiguous(qtbot, app, tmp_path):
    """Drop a meter file with ambiguous dates on the first park; ``(park, dialog, database dump before)``."""
    w, s = app.window, app.session
    park = s.fleet.fleet.parks[0]
    f = _meter_day(tmp_path / "meter.csv")
    before = _dump(s.path)
    with qtbot.waitSignal(w.file_imports.questionAsked, timeout=20000) as asked:
        w._files_dropped((park.name,), [str(f)])
    return park, asked.args[0], before


@pytest.mark.parametrize("choice, expected", [(0, (3, 4)), (1, (4, 3))])
def test_dropped_ambiguous_file_opens_the_dialog_and_imports_the_answer(qtbot, app, tmp_path, choice, expected):
    s = app.session
    park, dialog, before = _drop_ambiguous(qtbot, app, tmp_path)
    assert _dump(s.path) == before  # nothing stored while the question is open
    texts = [b.text() for b in dialog.buttons]
    assert texts == ["Day first (dd/mm/yyyy)", "Month first (mm/dd/yyyy)"]
    labels = " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    assert "04/03/2023 00:00  →" in labels and dialog.isVisible()
    dialog.choose(choice)
    dialog.box.accepted.emit()
    qtbot.waitUntil(lambda: _first_load_stamp(s.path, park.name) is not None, timeout=20000)
    local = _first_load_stamp(s.path, park.name).tz_convert(park.tz)
    assert (local.month, local.day) == expected
    s.pool.pool.waitForDone(10000)


def test_cancelling_the_question_imports_nothing(qtbot, app, tmp_path):
    s = app.session
    _park, dialog, before = _drop_ambiguous(qtbot, app, tmp_path)
    dialog.reject()
    s.pool.pool.waitForDone(10000)
    assert _dump(s.path) == before
