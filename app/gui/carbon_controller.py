"""The Carbon tab: builds the ledger in a worker and feeds a :class:`solarfleet.widgets.carbon_view.CarbonView`.

Dependencies come in through the constructor (the view, the session's store and worker pool, and the fleet
controller for applying a what-if), like the Forecast tab's controller; the main window composes it, adds
its view as a tab and connects ``runs.finished`` to :meth:`CarbonController.run_finished`. The ledger is
built when the view is first shown and again after each run.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from typing import Optional

from PySide6.QtCore import QEvent, QObject, Signal

from solarfleet.app.gui.workers import Worker

__all__ = ["CarbonController", "ledger_job"]

log = logging.getLogger(__name__)


def ledger_job(db_path, store=None):
    """Worker job: the ledger of every park with a simulation run and consumption, and the targets.

    Yields one ``(ledger, targets, no_run)`` tuple; ``no_run`` lists parks without a simulation run.
    """
    def job(progress, cancelled):
        from solarfleet.models.energy.ledger import build_ledger
        from solarfleet.models.store import NoRunError, carbon_targets, latest_park_ac, load_fleet, open_store
        s = store if store is not None else open_store(db_path)
        try:
            parks = list(load_fleet(s).parks)
            pv, no_run = {}, []
            for i, park in enumerate(parks):
                if cancelled():
                    return
                progress(i, len(parks) + 1, park.name)
                try:
                    pv[park.name] = latest_park_ac(s, park.name)[0]
                except NoRunError:
                    no_run.append(park.name)
            with_pv = [p for p in parks if p.name in pv]
            ledger = build_ledger(s, lambda p: pv[p.name], with_pv) if with_pv else None
            yield ledger, {t.park: t for t in carbon_targets(s)}, no_run
        finally:
            if store is None:
                s.close()
    return job


class CarbonController(QObject):
    """Connects a CarbonView to the database: the ledger in a worker, what-ifs on the GUI thread (one park,
    a fraction of a second).

    Parameters
    ----------
    view : solarfleet.widgets.carbon_view.CarbonView
    store : solarfleet.models.store.Store
        The session's store: certificate counts, targets and factors the user enters are written through it
        on the GUI thread; the ledger worker opens its own connection from its path (an in-memory database
        builds the ledger on the GUI thread with this one).
    pool : solarfleet.app.gui.workers.WorkerPool
    fleet : solarfleet.app.gui.fleet_controller.FleetController, optional
        Where "Apply to the fleet" makes the previewed change (an undoable edit); without it the view only
        says how to make it.
    confirm : callable, optional
        ``confirm(text) -> bool`` asked before changing the fleet (default: a question box).

    Attributes
    ----------
    tab_title : str
        The view's tab label.

    Signals
    -------
    failed(str)
        A one-line message for the status bar.
    """

    failed = Signal(str)

    def __init__(self, view, store, pool, parent: Optional[QObject] = None, fleet=None, confirm=None):
        super().__init__(parent)
        self.view, self.store, self.pool, self.fleet = view, store, pool, fleet
        self.confirm = confirm or self._ask
        self.db_path = store.path
        self.tab_title = view.title()
        self.ledger = None
        self._stale = True   # the ledger is built when the view is first shown, and again after a run
        view.installEventFilter(self)
        self.worker: Optional[Worker] = None
        view.whatIfRequested.connect(self.preview_what_if)
        view.whatIfCleared.connect(lambda: view.set_what_if(None))
        view.whatIfCommitRequested.connect(self._commit_what_if)
        view.certificatesEdited.connect(self.record_certificates)
        view.targetSaveRequested.connect(self.save_target)
        view.factorsRequested.connect(self.show_factors)
        self.factor_dialog = None

    def show_factors(self):
        """Open the factor table with its add form; returns the dialog (non-modal)."""
        from solarfleet.models.store import factor_table
        from solarfleet.widgets.carbon_view import FactorDialog
        if self.factor_dialog is None:
            self.factor_dialog = FactorDialog(factor_table(self.store), self.view)
            self.factor_dialog.factorAddRequested.connect(
                lambda y, r, f, src: self._add_factors([{"data_year": y, "region": r, "factor": f, "source": src}]))
            self.factor_dialog.factorFileChosen.connect(self._add_factor_file)
        self.factor_dialog.show()
        return self.factor_dialog

    def _add_factor_file(self, path: str) -> None:
        from solarfleet.models.energy.carbon import CarbonError, read_emission_factors
        try:
            rows = read_emission_factors(path)
        except CarbonError as exc:
            self.factor_dialog.show_message(str(exc))
            return
        self._add_factors(rows)

    def _add_factors(self, rows) -> None:
        from solarfleet.models.store import add_user_factors, factor_table
        try:
            n = add_user_factors(self.store, rows)
        except Exception as exc:  # noqa: BLE001 - a refused factor or a read-only file, said in one line
            self.factor_dialog.show_message(str(exc))
            return
        self.factor_dialog.set_factors(factor_table(self.store))
        self.factor_dialog.show_message(self.tr("%1 factor(s) added.").replace("%1", str(n)))
        self.refresh()

    def run_finished(self, cancelled: bool) -> None:
        """Connect to :attr:`RunController.finished`: a finished run brings new PV, so a new ledger (now if the
        view is shown, else when it is)."""
        if not cancelled:
            self._stale = True
            if self.view.isVisible():
                self.refresh()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.Type.Show and self._stale:
            self.refresh()
        return False

    def record_certificates(self, park: str, month: str, sold: int, retained: int) -> None:
        from solarfleet.models.store import set_certificates
        self._write(lambda: set_certificates(self.store, park, month, sold, retained))

    def save_target(self, target) -> None:
        from solarfleet.models.store import set_carbon_target
        self._write(lambda: set_carbon_target(self.store, target))

    def _write(self, write) -> None:
        try:
            write()
        except Exception as exc:  # noqa: BLE001 - a read-only file, a bad value: said in one line
            self._failed(str(exc))
            return
        self.refresh()

    def refresh(self) -> Optional[Worker]:
        """Rebuild the ledger (after a run, an import or an edit)."""
        self._stale = False
        job = ledger_job(self.db_path, self.store if self.db_path is None else None)
        if self.db_path is None:
            try:
                for r in job(lambda *a: None, lambda: False):
                    self._shown(r)
            except Exception as exc:  # noqa: BLE001 - shown to the user
                self._failed(str(exc))
            return None
        if self.worker is not None:
            self.worker.cancel()
        w = Worker(job, name="carbon-ledger")
        w.signals.result.connect(self._shown)
        w.signals.error.connect(lambda e: self._failed(e.message))
        self.worker = w
        return self.pool.start(w)

    def _shown(self, result) -> None:
        ledger, targets, no_run = result
        self.ledger = ledger
        self.view.set_ledger(ledger, targets)
        if no_run:
            log.info("carbon ledger: no simulation run for %s", ", ".join(no_run))

    def _failed(self, message: str) -> None:
        log.warning("carbon ledger: %s", message)
        self.failed.emit(message)

    def preview_what_if(self, park: str, add_kwp: float, battery_kwh: float) -> None:
        from solarfleet.models.energy.battery import Battery
        from solarfleet.models.energy.carbon_targets import TargetError, what_if
        if self.ledger is None:
            return
        try:
            battery = Battery(capacity=battery_kwh * 1000.0, power=battery_kwh * 500.0) if battery_kwh > 0 else None
            self.view.set_what_if(what_if(self.ledger, park, add_kwp * 1000.0, battery))
        except (TargetError, ValueError) as exc:
            self._failed(str(exc))

    def _commit_what_if(self, park: str, add_kwp: float, battery_kwh: float) -> None:
        """Make the previewed change: the park's arrays scaled (one undoable edit) and its battery set."""
        from solarfleet.models.energy.battery import Battery
        from solarfleet.models.energy.carbon_targets import TargetError, scaled_park
        from solarfleet.models.store import set_battery
        if self.fleet is None:
            text = (self.tr("To make this change, add %1 kWp of arrays to %2 in the fleet editor and give it the "
                            "battery.") if battery_kwh > 0 else
                    self.tr("To make this change, add %1 kWp of arrays to %2 in the fleet editor."))
            self.failed.emit(text.replace("%1", f"{add_kwp:,.0f}").replace("%2", park))
            return
        old = self.fleet.fleet.park(park)
        try:
            new, ratio = scaled_park(old, (old.dc_capacity + add_kwp * 1000.0) / old.dc_capacity)
        except TargetError as exc:
            self._failed(str(exc))
            return
        ask = (self.tr("Scale every array of %1 from %2 to %3 kWp (like its present arrays) and give it a %4 kWh "
                       "battery? Run the simulation afterwards to update the ledger.") if battery_kwh > 0 else
               self.tr("Scale every array of %1 from %2 to %3 kWp (like its present arrays)? Run the simulation "
                       "afterwards to update the ledger."))
        if not self.confirm(ask.replace("%1", park).replace("%2", f"{old.dc_capacity / 1000:,.0f}")
                            .replace("%3", f"{new.dc_capacity / 1000:,.0f}").replace("%4", f"{battery_kwh:,.0f}")):
            return
        try:
            self.fleet.set_park(park, new)
            if battery_kwh > 0:
                set_battery(self.store, park, Battery(capacity=battery_kwh * 1000.0, power=battery_kwh * 500.0))
        except Exception as exc:  # noqa: BLE001 - an invalid park or a read-only file, said in one line
            self._failed(str(exc))
            return
        self.failed.emit(self.tr("%1 changed: %2 kWp. Run the simulation to update the ledger.")
                         .replace("%1", park).replace("%2", f"{new.dc_capacity / 1000:,.0f}"))

    def _ask(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox
        return QMessageBox.question(self.view, self.tr("Apply the what-if"), text) == \
            QMessageBox.StandardButton.Yes

