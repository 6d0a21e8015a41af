"""Tariff and battery edited in the app: validated, written, undone; the example tariff is labelled."""
import pytest

from solarfleet.models.energy.tariff import example_tariff
from solarfleet.models.store import get_battery, get_tariff
from solarfleet.widgets.energy_editors import parse_seasons, seasons_text


@pytest.fixture
def application(qtbot, isolated_data_dir):
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.paths import db_path
    app = Application(make_settings(), providers_for=providers_for)
    assert app.open(db_path(), seed_demo=True)
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()


def test_seasons_text_round_trip():
    seasons = example_tariff().seasons
    got = parse_seasons(seasons_text(seasons))
    assert [(x["name"], sorted(x["months"]), x["hours"]) for x in got] == \
        [(x["name"], sorted(x["months"]), list(x["hours"])) for x in seasons]


def test_battery_and_tariff_edit_validate_and_undo(qtbot, application):
    w, s = application.window, application.session
    park = s.fleet.fleet.parks[1].name
    assert w.panel.select_path((park,))
    before_t, before_b = get_tariff(s.store, park), get_battery(s.store, park)
    assert before_t is not None and before_t.example  # the demo seeds the example tariff, flagged
    ed = w.energy_view.battery
    ed.has_battery.setChecked(True)
    ed.widgets["capacity"].setText("2000")  # kWh
    ed.widgets["power"].setText("-5")
    assert not ed.apply()  # refused, marked, nothing written
    assert not ed.errors["power"].isHidden() and get_battery(s.store, park) == before_b
    ed.widgets["power"].setText("500")
    assert ed.apply()
    got = get_battery(s.store, park)
    assert got.capacity == pytest.approx(2e6) and got.power == pytest.approx(5e5)
    tariff = w.energy_view.tariff
    assert tariff.example_note.isVisibleTo(w.energy_view) or not w.energy_view.isVisible()
    tariff.widgets["prices.peak"].setText("1.5")
    assert tariff.apply()
    new_t = get_tariff(s.store, park)
    assert new_t.prices["peak"] == pytest.approx(1.5) and not new_t.example
    tariff.seasons.setPlainText("all: 1-11 | " + "f" * 24)  # December in no season
    assert not tariff.apply()
    assert "12" in tariff.status.text() and get_tariff(s.store, park) == new_t
    w.act_undo.trigger()  # the tariff edit
    assert get_tariff(s.store, park) == before_t
    w.act_undo.trigger()  # the battery edit
    assert get_battery(s.store, park) == before_b
    assert w.energy_view.battery.has_battery.isChecked() == (before_b is not None)


def test_savings_card_says_example(qtbot, application):
    w, s = application.window, application.session
    with qtbot.waitSignal(s.runs.finished, timeout=120000):
        s.runs.start(s.fleet.fleet)
    assert w.panel.select_path((s.fleet.fleet.parks[0].name,))
    w.presenter.flush_results()
    assert w.dashboard.kpis.savings is not None and w.dashboard.kpis.savings_example
    assert "example" in w.dashboard.cards["savings"].caption.text()
