"""Feeds the map its outlines of China's provinces, read and simplified in a worker (a few seconds, once).

Not at start-up: when the Map tab is first shown, or a few seconds after the window opened (the survey's
grid region reads the same, cached, provinces), whichever comes first.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from typing import Optional

from PySide6.QtCore import QObject, QTimer

from solarfleet.app.gui.workers import Worker

__all__ = ["MapOutlines", "outlines_job"]

log = logging.getLogger(__name__)


def outlines_job():
    """Worker job: yield ``(rings, lines)`` — every province's outer rings and the maritime boundary."""
    def job(progress, cancelled):
        from solarfleet.models.china_map import maritime_lines, provinces
        rings = [poly[0] for prov in provinces() for poly in prov.polygons]
        yield rings, list(maritime_lines())
    return job


class MapOutlines(QObject):
    """Loads the outlines once for a :class:`solarfleet.widgets.park_map.ParkMap` (on :meth:`load`).

    A missing data package is logged and the map stays a plain coordinate plot.
    """

    def __init__(self, park_map, pool, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.park_map, self.pool = park_map, pool
        self.worker: Optional[Worker] = None

    def load_later(self, tabs, delay_ms: int = 3000) -> None:
        """Load when ``tabs`` shows the map, or after ``delay_ms``, whichever is first."""
        tabs.currentChanged.connect(lambda _i: tabs.currentWidget() is self.park_map and self.load())
        QTimer.singleShot(delay_ms, self, self._load_if_open)
        if tabs.currentWidget() is self.park_map:
            self.load()

    def _load_if_open(self) -> None:
        """The delayed load, only while the window is on screen (not after it was closed)."""
        try:
            open_ = self.park_map.window().isVisible()
        except RuntimeError:  # the map's C++ side is gone
            return
        if open_:
            self.load()

    def _loaded(self, result) -> None:
        """The outlines arrived: draw them, unless the map has gone meanwhile (a closed window)."""
        try:
            self.park_map.set_outlines(*result)
        except RuntimeError:  # its plot items were deleted with the window
            log.debug("map closed before its outlines arrived")

    def load(self) -> Optional[Worker]:
        if self.worker is not None:
            return self.worker
        w = Worker(outlines_job(), name="map outlines")
        w.signals.result.connect(self._loaded)  # a slot of this object: dropped with the window
        w.signals.error.connect(lambda e: log.warning("no province outlines on the map: %s", e.message))
        self.worker = w
        return self.pool.start(w)
