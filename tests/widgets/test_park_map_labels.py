"""The map's park labels never overlap each other, also after a resize, and stay inside the view."""
import itertools

from solarfleet.widgets.park_map import ParkMap, ParkPoint


def _points(demo_fleet):
    return [ParkPoint(p.name, p.latitude, p.longitude, p.dc_capacity, 1000.0 + 10 * i)
            for i, p in enumerate(demo_fleet.parks)]


def _label_rects(m):
    return [t.mapRectToScene(t.boundingRect()) for t in m.labels]


def test_labels_do_not_overlap(qtbot, demo_fleet):
    m = ParkMap()
    qtbot.addWidget(m)
    m.resize(900, 650)
    m.show()
    qtbot.waitExposed(m)
    m.set_data(_points(demo_fleet))
    m.flush()
    qtbot.wait(50)
    for size in ((900, 650), (700, 520)):
        m.resize(*size)
        qtbot.wait(100)
        rects = _label_rects(m)
        assert len(rects) == len(demo_fleet.parks)
        overlapping = [(a.text if hasattr(a, "text") else i, j) for (i, a), (j, b) in
                       itertools.combinations(enumerate(rects), 2) if a.intersects(b)]
        assert overlapping == [], (size, overlapping)
        view = m.plot.getPlotItem().vb.sceneBoundingRect()
        assert all(view.contains(r) for r in rects), size
