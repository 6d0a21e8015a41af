"""Puts the selected node's data into the editors, the dashboard and the plots."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

from PySide6.QtCore import QLocale, QObject, QTimer

from solarfleet.models.fleet import Array, Park, Roof

__all__ = ["SelectionPresenter"]


class SelectionPresenter(QObject):
    """Keeps the views in step with the selection, the fleet and the results.

    Parameters
    ----------
    session : solarfleet.app.gui.session.Session
    views : object
        Has ``tree_model``, ``panel``, ``editor_stack``, ``fleet_label``, ``park_editor``,
        ``roof_editor``, ``array_editor``, ``dashboard``, ``yield_plot``, ``heatmap``,
        ``monthly``, ``park_map``.
    """

    def __init__(self, session, views, parent=None):
        super().__init__(parent)
        self.s = session
        self.v = views
        self.path: tuple = ()
        self._pending: set = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # during a run, results arrive fast: derive the views at most 4×/s
        self._timer.timeout.connect(self.flush_results)
        v = views
        v.park_editor.commit = lambda park: self.s.fleet.set_park(self.path[0], park)
        v.roof_editor.commit = lambda roof: self.s.fleet.set_roof(self.path[0], self.path[1], roof)
        v.array_editor.commit = lambda arr: self.s.fleet.set_array(*self.path[:3], arr)

    def show(self, path: tuple) -> None:
        """Show node ``path`` (``()`` = the fleet)."""
        self.path = tuple(path)
        node = self.s.fleet.node(self.path) if self.path else None
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
            fleet = self.s.fleet.fleet
            kwp = QLocale().toString(fleet.dc_capacity / 1e3, "f", 0)
            v.fleet_label.setText(self.tr("<b>Fleet</b><br>%1 parks, %2 kWp.<br><br>Select a park, roof or "
                                          "array in the tree to edit it.").replace("%1", str(len(fleet.parks)))
                                  .replace("%2", kwp))
            v.editor_stack.setCurrentWidget(v.fleet_label)
        self.refresh_selection()

    def refresh_selection(self) -> None:
        r = self.s.results
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
        r = self.s.results
        self.v.tree_model.set_annual_energy(r.annual_energy_map(), r.stale_parks())
        self.v.monthly.set_data(r.monthly_by_park())
        self.v.park_map.set_data(r.map_points())
        if not park or not self.path or self.path[0].casefold() == park.casefold():
            self.refresh_selection()

    def refresh_fleet(self, select: tuple) -> None:
        """The fleet changed (edit, undo, redo): rebuild the tree and select ``select``."""
        self.v.tree_model.set_fleet(self.s.fleet.fleet)
        self.refresh_results()
        if not self.v.panel.select_path(select):
            self.show(())
