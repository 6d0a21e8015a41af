"""The Forecast tab: measured AC imported and a persistence forecast made in workers, then shown against actuals."""
from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
from solarfleet.models.store import import_fleet, list_forecasts, load_park

PARK = "Kunshan Asia No.1"


@pytest.fixture(scope="module")
def parks_db(tmp_path_factory, demo_fleet):
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.store import open_store
    path = tmp_path_factory.mktemp("fui") / "f.db"
    with open_store(path) as s:
        import_fleet(s, Fleet((demo_fleet.park(PARK), demo_fleet.park("Wuhan Asia No.1"))))
    return path


@pytest.fixture
def ui(qtbot, parks_db, tmp_path):
    from solarfleet.app.gui.forecast_ui import ForecastUi
    from solarfleet.app.gui.session import open_session
    from solarfleet.widgets.forecast_view import ForecastView
    path = tmp_path / "f.db"
    shutil.copy(parks_db, path)
    session = open_session(path)
    view = ForecastView()
    qtbot.addWidget(view)
    u = ForecastUi(view, session.fleet, session.store, session.pool)
    yield u
    session.close()


def _measured_csv(path, park, start, days, k=0.6):
    from solarfleet.models.studies.forecast import clearsky_ac
    idx = pd.date_range(start, periods=24 * days, freq="1h").tz_convert("UTC")
    ac = clearsky_ac(park, idx) * k
    local = idx.tz_convert(park.tz)
    path.write_text("time,ac [kW]\n" + "".join(f"{t.isoformat()},{v / 1000:.3f}\n" for t, v in zip(local, ac)),
                    encoding="utf-8")
    return path


def test_forecast_tab_measures_makes_and_compares(qtbot, ui, tmp_path):
    view = ui.view
    assert view.park.count() == 2 and view.current_park() == PARK
    assert "No forecast stored" in view.status.text()
    park = load_park(ui.store, PARK)
    today = pd.Timestamp.now(tz=park.tz).normalize()
    # no actuals and no run: a sentence for a person reaches the view, nothing is stored
    with qtbot.waitSignal(ui.failed, timeout=30000) as sig:
        ui.make_forecast(PARK, "day", "")
    assert "not been simulated yet" in sig.args[0] and list_forecasts(ui.store, PARK) == []  # no run, no data
    # import three days of measurements, then forecast tomorrow
    csv = _measured_csv(tmp_path / "m.csv", park, today - pd.Timedelta(days=3), 3)
    w = ui.import_measured(PARK, str(csv))
    with qtbot.waitSignal(w.signals.finished, timeout=30000):
        pass
    w = ui.make_forecast(PARK, "day", "")
    with qtbot.waitSignal(w.signals.finished, timeout=30000):
        pass
    ui.view.plot.flush()
    stored = list_forecasts(ui.store, PARK)
    assert len(stored) == 1 and stored[0]["method"] == "persistence"
    assert "No actuals" in view.plot.caption.text()
    x, y = view.plot.p50.getData()
    assert len(x) == 24 and np.nanmax(y) > 0
    # tomorrow's measurements arrive at 80 % of the clear-sky AC: the forecast (60 %) was too low
    csv2 = _measured_csv(tmp_path / "m2.csv", park, today + pd.Timedelta(days=1), 1, k=0.8)
    w = ui.import_measured(PARK, str(csv2))
    with qtbot.waitSignal(w.signals.finished, timeout=30000):
        pass
    ui.view.plot.flush()
    assert "MAE" in view.plot.caption.text() and "bias -" in view.plot.caption.text()


def test_ambiguous_measured_dates_are_asked_then_read_as_answered(qtbot, ui, tmp_path):
    """Issue 15: a measured AC file of one day written ``03/04/2026 hh:00+08:00`` reads as 3 April or
    4 March; the tab asks with the import dialog, stores nothing until answered, then the answer's dates."""
    from PySide6.QtWidgets import QLabel
    from solarfleet.models.store import measured_ac
    csv = tmp_path / "ambiguous.csv"
    csv.write_text("time,ac [kW]\n" + "".join(f"03/04/2026 {h:02d}:00+08:00,{10 * h}\n" for h in range(6, 18)),
                   encoding="utf-8")
    with qtbot.waitSignal(ui.questionAsked, timeout=30000) as asked:
        ui.import_measured(PARK, str(csv))
    dialog = asked.args[0]
    assert dialog.option == "dayfirst" and dialog.values == [True, False] and dialog.isVisible()
    assert "03/04/2026 06:00+08:00  →" in " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
    assert measured_ac(ui.store, PARK).empty  # nothing stored while the question is open
    dialog.choose(0)  # day first: 3 April
    dialog.box.accepted.emit()
    qtbot.waitUntil(lambda: not measured_ac(ui.store, PARK).empty and not ui.pool.running(), timeout=30000)
    got = measured_ac(ui.store, PARK)
    local = got.index.tz_convert("Asia/Shanghai")
    assert (local.month == 4).all() and (local.day == 3).all() and len(got) == 12
    assert got.iloc[0] == pytest.approx(60_000.0)
