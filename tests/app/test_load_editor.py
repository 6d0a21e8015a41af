"""Consumption edited in the app: synthetic profile parameters, annual total, meter files; validated and undone."""
import numpy as np
import pytest

from solarfleet.models.energy.synthetic_load import SyntheticLoadParams, synth_park_load
from solarfleet.models.store import get_synthetic_load, list_load_series, park_consumption
from solarfleet.widgets.load_editor import parse_windows, windows_text


@pytest.fixture
def application(demo_application):
    return demo_application


def test_windows_text_round_trip():
    assert parse_windows(windows_text(((11, 15), (22, 6)))) == ((11, 15), (22, 6))
    assert parse_windows(" 8 - 12 ,") == ((8, 12),)


def test_annual_total_scales_the_profile_exactly():
    p = SyntheticLoadParams(floor_area=20000.0)
    base, _ = synth_park_load(p)
    data, meta = synth_park_load(SyntheticLoadParams(floor_area=20000.0, annual_energy=3.5e9))
    assert float(data.sum()) == pytest.approx(3.5e9)  # hourly: W summed = Wh
    assert np.corrcoef(base.to_numpy(), data.to_numpy())[0, 1] == pytest.approx(1.0)  # the shape stays
    assert sum(meta["end_uses_wh"].values()) == pytest.approx(3.5e9 / (1 + 0), rel=0.02)
    assert meta["scale"] == pytest.approx(3.5e9 / float(base.sum()))
    with pytest.raises(ValueError, match="annual_energy"):
        SyntheticLoadParams(floor_area=1.0, annual_energy=-1.0)


def _apply_and_wait(qtbot, editor, commits):
    with qtbot.waitSignal(commits.changed, timeout=60000):
        assert editor.apply()


def test_load_edit_validates_writes_and_undoes(qtbot, application):
    w, s = application.window, application.session
    park = s.fleet.fleet.parks[0].name
    assert w.panel.select_path((park,))
    ed, commits = w.energy_view.load, w.energy_commits
    before_params, before_series = get_synthetic_load(s.store, park)
    assert before_params is not None and before_series is not None  # the demo seeds a synthetic load
    assert "synthetic" in ed.source.text()
    ed.widgets["office_share"].setText("0.7")
    ed.widgets["cold_storage_share"].setText("0.5")
    assert not ed.apply()  # shares above 1: refused, marked, nothing written
    assert not ed.errors["cold_storage_share"].isHidden()
    assert get_synthetic_load(s.store, park)[0] == before_params
    ed.widgets["cold_storage_share"].setText("0")
    ed.widgets["ev_charging_windows"].setText("22 to 6")
    assert not ed.apply() and not ed.errors["ev_charging_windows"].isHidden()
    ed.widgets["ev_charging_windows"].setText("22-6")
    ed.widgets["annual_energy"].setText("2500")  # MWh
    _apply_and_wait(qtbot, ed, commits)
    params, (data, meta) = get_synthetic_load(s.store, park)
    assert params.office_share == pytest.approx(0.7) and params.ev_charging_windows == ((22, 6),)
    assert params.annual_energy == pytest.approx(2.5e9)
    assert float(data.sum()) * meta["interval_minutes"] / 60 == pytest.approx(2.5e9)
    got, info = park_consumption(s.store, park)
    assert info["kind"] == "synthetic" and float(got.sum()) == pytest.approx(float(data.sum()))
    from PySide6.QtCore import QLocale
    assert QLocale().toString(2500.0, "f", 1) + " MWh" in ed.source.text()  # the stored profile, scaled
    assert ed.widgets["annual_energy"].text() == QLocale().toString(2500.0, "g", 12)
    w.act_undo.trigger()
    params, (data, _) = get_synthetic_load(s.store, park)
    assert params == before_params and data.equals(before_series[0])
    assert ed.widgets["office_share"].text() != "0.7"


def test_meter_file_import_wins_and_undoes(qtbot, application, tmp_path):
    w, s = application.window, application.session
    park = s.fleet.fleet.parks[0].name
    assert w.panel.select_path((park,))
    ed, commits = w.energy_view.load, w.energy_commits
    bad = tmp_path / "bad.csv"
    bad.write_text("time,kW\n2023-01-01 00:00,12\n2023-01-01 01:00,abc\n", encoding="utf-8")
    with qtbot.waitSignal(commits.failed, timeout=30000) as blocker:
        commits.import_meter(bad)
    assert "bad.csv" in blocker.args[0] and "3" in blocker.args[0]  # names the file and the line
    assert "bad.csv" in ed.status.text()
    assert all(r["kind"] == "synthetic" for r in list_load_series(s.store, park))
    good = tmp_path / "main_meter.csv"
    rows = "\n".join(f"2023-01-01 {h:02d}:00,{100 + h}" for h in range(24))
    good.write_text("time,kW\n" + rows + "\n", encoding="utf-8")
    with qtbot.waitSignal(commits.changed, timeout=30000):
        commits.import_meter(good)
    got, info = park_consumption(s.store, park)
    assert info["kind"] == "measured" and info["meters"] == ["main_meter"]
    assert float(got.sum()) == pytest.approx(sum(100 + h for h in range(24)) * 1000.0)  # kW → W, hourly
    assert "measured" in ed.source.text() and "main_meter" in ed.source.text()
    w.act_undo.trigger()
    assert park_consumption(s.store, park)[1]["kind"] == "synthetic"
    w.act_redo.trigger()
    assert park_consumption(s.store, park)[1]["meters"] == ["main_meter"]


def test_a_measured_meter_is_deleted_after_confirmation_and_undone(qtbot, application, tmp_path):
    w, s = application.window, application.session
    park = s.fleet.fleet.parks[0].name
    assert w.panel.select_path((park,))
    ed, commits = w.energy_view.load, w.energy_commits
    assert not ed.delete_button.isEnabled()  # the demo park has only its synthetic profile
    good = tmp_path / "main_meter.csv"
    good.write_text("time,kW\n" + "\n".join(f"2023-01-01 {h:02d}:00,{100 + h}" for h in range(24)) + "\n",
                    encoding="utf-8")
    with qtbot.waitSignal(commits.changed, timeout=30000):
        commits.import_meter(good)
    measured = park_consumption(s.store, park)[0]
    actions = ed.delete_button.menu().actions()
    assert ed.delete_button.isEnabled() and [a.text() for a in actions] == ["Delete main_meter…"]
    asked = []
    w.energy.confirm = lambda meter, p: asked.append((meter, p)) or False  # the user cancels
    actions[0].trigger()
    assert asked == [("main_meter", park)] and park_consumption(s.store, park)[1]["kind"] == "measured"
    depth = s.fleet.undo_stack.count()
    assert s.fleet.undo_stack.undoText() == f"Meter main_meter of {park}"  # nothing pushed
    w.energy.confirm = lambda meter, p: True
    ed.delete_button.menu().actions()[0].trigger()
    assert park_consumption(s.store, park)[1]["kind"] == "synthetic"  # the balance falls back, labelled so
    assert [r["meter"] for r in list_load_series(s.store, park) if r["kind"] == "measured"] == []
    assert "synthetic (modelled)" in ed.source.text() and not ed.delete_button.isEnabled()
    assert s.fleet.undo_stack.count() == depth + 1
    w.act_undo.trigger()
    back, info = park_consumption(s.store, park)
    assert info["meters"] == ["main_meter"] and back.equals(measured)  # the same measured data again
    assert ed.delete_button.isEnabled()
    w.act_redo.trigger()
    assert park_consumption(s.store, park)[1]["kind"] == "synthetic"
