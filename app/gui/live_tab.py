"""The "Live" tab: connects a :class:`solarfleet.widgets.live_view.LiveView` to the session's
:class:`solarfleet.app.gui.live_controller.LiveController` and runs the "Add device" dialog.

The main window only creates the view and this object; the controller belongs to the session, so
a window rebuilt for another language keeps the same live session running.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
from dataclasses import replace
from typing import Optional

import pandas as pd
from PySide6.QtCore import QObject

from solarfleet.widgets.add_device_dialog import AddDeviceDialog

from solarfleet.app.gui.live_controller import DeviceTester, SourceSpec
from solarfleet.models.store import load_park

__all__ = ["LiveTab"]

log = logging.getLogger(__name__)


class LiveTab(QObject):
    """Wires ``view`` to ``controller``.

    Parameters
    ----------
    view : solarfleet.widgets.live_view.LiveView
    controller : solarfleet.app.gui.live_controller.LiveController or None
        None (an in-memory or read-only database) leaves the view disabled with a note.
    store : solarfleet.models.store.Store
        The GUI's store (devices are saved through it; history reloads after a window rebuild).
    parks : callable
        ``parks() -> list of park names`` of the fleet (the first is monitored until one is selected).
    tabs : QTabWidget, optional
        The live session starts when the view's tab is first shown.
    settings : QSettings, optional
        Remembers the source, replay clock and alarm rule the user chooses (keys ``live/…``; the
        session's controller starts from them: :func:`~solarfleet.app.gui.live_controller.stored_live_choices`).
    """

    def __init__(self, view, controller, store, parks, tabs=None, parent: Optional[QObject] = None, settings=None):
        super().__init__(parent)
        self.view, self.c, self.store, self.parks = view, controller, store, parks
        self.tabs, self.settings = tabs, settings
        self.dialog: Optional[AddDeviceDialog] = None
        if controller is None or not controller.available():
            view.setEnabled(False)
            view.set_state("stopped", self.tr("Live monitoring needs a database file."))
            return
        self.tester = DeviceTester(controller.pool, self)
        c = controller
        c.stateChanged.connect(self._state)
        c.started.connect(self._started)
        c.updated.connect(view.apply_update)
        c.failed.connect(self._failed)
        view.startRequested.connect(c.start)
        view.stopRequested.connect(c.stop)  # stopped by the user: showing the tab again does not restart it
        view.sourceChanged.connect(self._source_changed)
        view.ruleChanged.connect(self._rule_changed)
        view.addDeviceRequested.connect(self.add_device)
        view.detailHistoryRequested.connect(self._detail_history)
        view.set_source({"kind": c.spec.kind, "speed": c.spec.speed, "path": c.spec.path})
        view.set_rule(c.rule.fraction, c.rule.duration_s)
        if c.park is None:
            names = parks()
            c.set_park(names[0] if names else None)
        self._attach()
        if tabs is not None:
            tabs.currentChanged.connect(self._tab_changed)

    # -- remembered choices --
    def _remember(self, **values) -> None:
        if self.settings is not None:
            for k, v in values.items():
                self.settings.setValue(f"live/{k}", v)

    # -- the controller's state into the view --
    def _attach(self) -> None:
        """Show what the controller runs or ran last (a window rebuilt while live monitoring runs)."""
        c, v = self.c, self.view
        cur = c.current if c.current is not None and c.current.park == c.park else None
        if cur is None:
            v.set_park(c.park, self._tz(c.park))
        else:
            from solarfleet.models.store import live_alarms, live_history_binned

            from solarfleet.app.gui.live_controller import HISTORY_BIN_S
            v.set_park(cur.park, cur.tz)
            v.set_expected(cur.expected)
            # stored bins before the oldest reading still held in memory (the newest bin may be partial),
            # then the held readings one by one: each reading is shown once, committed or not
            recent = list(c.recent)
            cutoff = pd.Timestamp(min(r.timestamp for r in recent)) if recent else None
            history = live_history_binned(self.store, park=cur.park, device_ids=cur.devices, start=cur.day,
                                          end=cutoff, bin_s=HISTORY_BIN_S, provenance=cur.provenance)
            v.set_history(history, live_alarms(self.store, park=cur.park)[:200])
            newer = [r for r in recent if cutoff is None or r.timestamp >= cutoff]
            if c.last_update is not None:
                v.apply_update(replace(c.last_update, readings=newer, alarms=[]))
        self._state(c.state, c.message)

    def _detail_history(self, device_id: str) -> None:
        """A device's newest stored snapshot and its history over the detail pane's span (snapshots inside the
        retention window, hourly roll-ups beyond: ≤ 200 ms for a year) into the detail pane."""
        from solarfleet.models.store import live_detail_chart, live_details
        now = pd.Timestamp.now(tz="UTC")
        since = now - pd.Timedelta(days=self.view.detail.span_days())
        self.view.set_detail_history(device_id, live_details(self.store, device_id, park=self.c.park, last=1),
                                     live_detail_chart(self.store, device_id, since, now, park=self.c.park, now=now))

    def _tz(self, park: Optional[str]) -> str:
        if park is None:
            return "UTC"
        try:
            return load_park(self.store, park).tz
        except KeyError:
            return "UTC"

    def _started(self, started) -> None:
        v = self.view
        spec = self.c.spec
        v.set_source({"kind": spec.kind, "speed": spec.speed, "path": spec.path})
        v.set_park(started.park, started.tz)
        v.set_expected(started.expected)
        v.set_history(started.history, started.alarms)

    def _state(self, state: str, message: str) -> None:
        texts = {"source_ended": self.tr("the replay reached the end of the model"),
                 "start_failed": self.tr("could not start"), "no_park": self.tr("no park to monitor")}
        self.view.set_state(state, texts.get(message, message))

    def _failed(self, code: str, detail: str) -> None:
        if code == "no_devices":
            text = self.tr("No devices are stored for %1: add one with “Add device…”.").replace("%1", detail)
        elif code == "no_park":
            text = self.tr("The fleet has no park to monitor.")
        else:
            text = self.tr("Live monitoring could not start: %1").replace("%1", detail)
        self.view.set_state("stopped", text)

    # -- the user's requests to the controller --
    def select(self, path: tuple) -> None:
        """The tree selection changed: monitor the selected park (the fleet keeps the current one)."""
        if path and path[0] != self.c.park:
            self.c.set_park(path[0])
            if self.c.session is None and not self.c.state == "starting":
                self.view.set_park(path[0], self._tz(path[0]))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.view and self.c.autostart and self.c.state == "stopped":
            self.c.start()

    def _source_changed(self, spec: dict) -> None:
        try:
            self.c.set_source(SourceSpec(kind=spec["kind"], speed=spec["speed"], path=spec.get("path"),
                                         tick=self.c.spec.tick))
        except ValueError as exc:
            self.view.set_state(self.c.state, str(exc))
            return
        self._remember(source=spec["kind"], speed=spec["speed"], path=spec.get("path") or "")

    def _rule_changed(self, fraction: float, duration_s: float) -> None:
        try:
            self.c.set_rule(fraction, duration_s)
        except ValueError as exc:
            self.view.set_state(self.c.state, str(exc))
            return
        self._remember(alarmFraction=fraction, alarmDurationS=duration_s)

    def add_device(self) -> AddDeviceDialog:
        """Open the "Add device" dialog (non-modal); a saved device joins the park's stored devices."""
        from solarfleet.models.live.vendor_maps import available_maps
        park = self.c.park
        if park is None:
            self._failed("no_park", "")
            return None
        dlg = AddDeviceDialog(park, available_maps(), self.view)
        dlg.testRequested.connect(self.tester.test)
        self.tester.finished.connect(dlg.show_test_result)
        dlg.accepted.connect(lambda: self._save_device(dlg))
        dlg.finished.connect(lambda _r: self.tester.finished.disconnect(dlg.show_test_result))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _save_device(self, dlg: AddDeviceDialog) -> None:
        from solarfleet.models.store import save_live_device
        cfg = dlg.config()
        save_live_device(self.store, cfg)
        log.info("live device %s saved for %s", cfg.device_id, cfg.park)
        self.view.set_state(self.c.state, self.tr("Device %1 saved.").replace("%1", cfg.device_id))
        if self.c.spec.kind == "devices" and self.c.session is not None:
            self.c.restart()
