"""The map colours parks by a named metric; a park without data is grey and says so, never coloured as zero."""
import math

from solarfleet.widgets.park_map import NO_DATA, PERFORMANCE_LEVELS, ParkMap, ParkPoint


def _rgb(c):
    return c.red(), c.green(), c.blue()


def test_performance_colours_fixed_scale_and_no_data(qtbot):
    m = ParkMap()
    qtbot.addWidget(m)
    m.set_data([ParkPoint("Low", 31.2, 121.4, 5e6, 1000.0), ParkPoint("High", 39.9, 116.4, 1e6, 1200.0),
                ParkPoint("Unmeasured", 30.6, 104.0, 2e6, 900.0), ParkPoint("Zero", 23.1, 113.3, 1e6, None)])
    m.set_performance({"Low": 0.5, "High": 1.02, "Unmeasured": math.nan, "Zero": 0.0})
    m.flush()
    assert m.current_metric() == "performance"
    low, high, unmeasured, zero = m.brushes()
    assert _rgb(unmeasured) == _rgb(NO_DATA)  # NaN: no data, grey
    assert _rgb(low) == _rgb(m.perf_cmap.map(0.0, mode="qcolor"))  # below the scale: the red end
    assert high.green() > high.red() and low.red() > low.green()
    assert _rgb(zero) == _rgb(low) != _rgb(NO_DATA)  # a measured 0 is a (red) value, not "no data"
    assert m.colorbar.isVisible() and tuple(m.colorbar.levels()) == PERFORMANCE_LEVELS
    assert "Performance index" in m.colorbar.getAxis("right").labelText
    assert "no data" in m.note.text()
    assert "no data" in m._tips["Unmeasured"] and "102 %" in m._tips["High"]


def test_metric_switch_to_specific_yield(qtbot):
    m = ParkMap()
    qtbot.addWidget(m)
    m.set_data([ParkPoint("A", 31.2, 121.4, 5e6, 1000.0), ParkPoint("B", 39.9, 116.4, 1e6, None)])
    m.flush()
    assert not m.colorbar.isVisible()  # nothing measured: no scale pretends to show values
    assert all(_rgb(b) == _rgb(NO_DATA) for b in m.brushes())
    m.metric_box.setCurrentIndex(m.metric_box.findData("specific_yield"))
    m.flush()
    a, b = m.brushes()
    assert _rgb(b) == _rgb(NO_DATA) and _rgb(a) != _rgb(NO_DATA)
    assert "Specific yield" in m.colorbar.getAxis("right").labelText and m.colorbar.isVisible()


def test_without_measurements_the_modelled_pr_shows_until_the_user_picks(qtbot):
    from solarfleet.widgets.park_map import PR_LEVELS
    m = ParkMap()
    qtbot.addWidget(m)
    m.set_data([ParkPoint("A", 31.2, 121.4, 5e6, 1000.0, 0.82), ParkPoint("B", 39.9, 116.4, 1e6, None, None)])
    m.set_performance({"A": math.nan, "B": math.nan})  # the demo: nothing measured
    m.flush()
    assert m.current_metric() == "pr" and tuple(m.colorbar.levels()) == PR_LEVELS
    a, b = m.brushes()
    assert _rgb(b) == _rgb(NO_DATA) and _rgb(a) != _rgb(NO_DATA)
    assert "PR" in m.colorbar.getAxis("right").labelText and "not measured" in m.note.text()
    m.set_performance({"A": 0.95})  # a measurement arrives: the measured index takes over
    assert m.current_metric() == "performance"
    m.metric_box.setCurrentIndex(m.metric_box.findData("specific_yield"))
    m.metric_box.activated.emit(m.metric_box.currentIndex())  # the user's pick stays
    m.set_performance({"A": math.nan})
    assert m.current_metric() == "specific_yield"
