"""Puts the selected node's data into the editors, the dashboard and the plots."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStackedWidget

from solarfleet.models.fleet import Array, Park, Roof
from solarfleet.widgets.array_editor import ArrayEditor
from solarfleet.widgets.dashboard import Dashboard
from solarfleet.widgets.fleet_panel import FleetPanel
from solarfleet.widgets.fleet_tree_model import FleetTreeModel
from solarfleet.widgets.heatmap_plot import HeatmapPlot
from solarfleet.widgets.monthly_plot import MonthlyBarsPlot
from solarfleet.widgets.park_editor import ParkEditor
from solarfleet.widgets.park_map import ParkMap
from solarfleet.widgets.roof_editor import RoofEditor
from solarfleet.widgets.yield_plot import YieldPlot

from solarfleet.app.gui.fleet_controller import FleetController
from solarfleet.app.gui.result_views import ResultsController

__all__ = ["NodeCommits", "SelectionPresenter", "SelectionViews"]


class NodeCommits:
    """The editors' edits, written into the selected node (each raises FleetValueError: nothing changed).

    Parameters
    ----------
    fleet : FleetController
    path : callable
        ``path() -> tuple`` the selected node's path (park, roof, array names).
    """

    def __init__(self, fleet: FleetController, path: Callable[[], tuple]):
        self.fleet, self.path = fleet, path

    def park(self, park: Park) -> None:
        self.fleet.set_park(self.path()[0], park)

    def roof(self, roof: Roof) -> None:
        self.fleet.set_roof(*self.path()[:2], roof)

    def array(self, array: Array) -> None:
        self.fleet.set_array(*self.path()[:3], array)


@dataclass(frozen=True)
class SelectionViews:
    """The widgets a :class:`SelectionPresenter` fills."""

    tree_model: FleetTreeModel
    panel: FleetPanel
    editor_stack: QStackedWidget
    fleet_label: QLabel  #: shown in ``editor_stack`` when the whole fleet is selected
    park_editor: ParkEditor
    roof_editor: RoofEditor
    array_editor: ArrayEditor
    dashboard: Dashboard
    yield_plot: YieldPlot
    heatmap: HeatmapPlot
    monthly: MonthlyBarsPlot
    park_map: ParkMap


class SelectionPresenter(QObject):
    """Keeps the views in step with the selection, the fleet and the results.

    Parameters
    ----------
    fleet : FleetController
    results : ResultsController
    views : SelectionViews

    The editors write their validated objects through a :class:`NodeCommits` on :attr:`path`.
    """

    def __init__(self, fleet: FleetController, results: ResultsController, views: SelectionViews, parent=None):
        super().__init__(parent)
        self.fleet = fleet
        self.results = results
        self.v = views
        self.path: tuple = ()
        self._pending: set = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # during a run, results arrive fast: derive the views at most 4×/s
        self._timer.timeout.connect(self.flush_results)

    def show(self, path: tuple) -> None:
        """Show node ``path`` (``()`` = the fleet)."""
        self.path = tuple(path)
        node = self.fleet.node(self.path) if self.path else None
        if node is None:
            self.path = ()
        v = self.v
        if isinstance(node, Park):
            v.park_editor.set_object(node)
            v.editor_stack.setCurrentWidget(v.park_editor)
        elif isinstance(node, Roof):
            v.roof_editor.set_object(node)
            v.editor_stack.setCurrentWidget(v.roof_editor)
        elif isinstance(node, Array):
            v.array_editor.set_object(node)
            v.editor_stack.setCurrentWidget(v.array_editor)
        else:
            fleet = self.fleet.fleet
            kwp = QLocale().toString(fleet.dc_capacity / 1e3, "f", 0)
            v.fleet_label.setText(self.tr("<b>Fleet</b><br>%1 parks, %2 kWp.<br><br>Select a park, roof or "
                                          "array in the tree to edit it.").replace("%1", str(len(fleet.parks)))
                                  .replace("%2", kwp))
            v.editor_stack.setCurrentWidget(v.fleet_label)
        self.refresh_selection()

    def refresh_selection(self) -> None:
        r = self.results
        path = self.path
        v = self.v
        v.dashboard.set_title(" › ".join(path) if path else self.tr("Whole fleet"))
        v.dashboard.set_kpis(r.kpis(path))
        v.dashboard.set_losses(r.losses(path), self.tr("The loss breakdown is shown for parks and the whole fleet.")
                               if len(path) > 1 else None)
        pv = r.pv_series(path)
        tz = r.tz(path)
        v.yield_plot.set_data(pv, r.load_series(path) if pv is not None else None, tz)
        v.heatmap.set_data(pv, tz)

    def results_changed(self, park: str = "") -> None:
        """A result arrived or went stale; the views follow within 250 ms (coalesced)."""
        self._pending.add(park)
        if not self._timer.isActive():
            self._timer.start()

    def flush_results(self) -> None:
        """Bring the views up to date with the results now."""
        self._timer.stop()
        pending, self._pending = self._pending, set()
        if pending:
            self.refresh_results("" if "" in pending or len(pending) > 1 else next(iter(pending)))

    def refresh_results(self, park: str = "") -> None:
        """Update the tree column, fleet-wide plots and the selection from the results."""
        r = self.results
        self.v.tree_model.set_annual_energy(r.annual_energy_map(), r.stale_parks())
        self.v.monthly.set_data(r.monthly_by_park())
        self.v.park_map.set_data(r.map_points())
        if not park or not self.path or self.path[0].casefold() == park.casefold():
            self.refresh_selection()

    def refresh_fleet(self, select: tuple) -> None:
        """The fleet changed (edit, undo, redo): rebuild the tree and select ``select``."""
        self.v.tree_model.set_fleet(self.fleet.fleet)
        self.refresh_results()
        if not self.v.panel.select_path(select):
            self.show(())
