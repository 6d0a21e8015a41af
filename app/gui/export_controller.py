"""File → Export and plot export for the main window: opens the dialog, writes in a worker.

The main window puts :attr:`ExportController.act_export` and :attr:`~ExportController.act_plot` in
its File menu and names the views whose plots can be exported.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import logging
from typing import Callable, Optional, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from solarfleet.widgets.export_dialog import ExportDialog
from solarfleet.widgets.plot_export import ask_and_export, install_plot_export

from solarfleet.app.gui.workers import Worker
from solarfleet.app.i18n import current_language
from solarfleet.models.store import (get_report_project, load_park, load_yield_study, save_yield_study,
                                     set_report_project)

__all__ = ["ExportController", "export_job"]

log = logging.getLogger(__name__)


def export_job(db_path, options: dict, store=None):
    """A worker job: (optionally) a yield study, then the file. Yields one message dict at the end.

    Opens its own connection from ``db_path`` (a worker never shares the GUI's), unless ``store``
    is given (an in-memory database, run on the GUI thread).
    """
    def job(progress, cancelled):
        from solarfleet.models.export.tables import report_tables, write_export
        from solarfleet.models.store import open_store
        own = store is None
        s = open_store(db_path) if own else store
        try:
            if options.get("yield_study") and options.get("include_study", True):
                from solarfleet.models.studies.yield_study import yield_study
                parks = [load_park(s, options["park"])] if options.get("park") else None
                study = yield_study(s, parks, progress=progress, cancel=cancelled)
                save_yield_study(s, study)
            if cancelled():
                return
            if options["format"] == "pdf":
                from solarfleet.app.report import PdfReport
                pages = PdfReport(s, options.get("park"), project=options.get("project"),
                                  include_study=options.get("include_study", True),
                                  wan=options.get("wan")).write(options["path"])
                yield {"path": options["path"], "pages": pages}
            else:
                tables = report_tables(s, options.get("park"), options["resolution"],
                                       with_study=options.get("include_study", True))
                write_export(tables, options["format"], options["path"],
                             language="en" if options.get("english_headers") else options.get("language", "en"))
                yield {"path": options["path"], "run_id": tables.run_id}
        finally:
            if own:
                s.close()
    return job


class ExportController(QObject):
    """Owns the export actions of a window.

    Parameters
    ----------
    store : solarfleet.models.store.Store
        The session's store (the dialog's preview; a worker opens its own connection from its path).
    fleet : solarfleet.app.gui.fleet_controller.FleetController
        The parks the dialog offers.
    pool : solarfleet.app.gui.workers.WorkerPool
        Runs the exports.
    plot_views : sequence of QWidget
        The views with plots (each has ``plots()``): their plots get PNG/SVG export in their menus.
    current_view : callable, optional
        ``current_view() -> QWidget``: the view on screen; "Export current plot" exports its first
        plot if it is one of ``plot_views``.
    parent : QWidget, optional
        Parent of the actions and dialogs.

    Attributes
    ----------
    act_export, act_plot : QAction
        File → Export… and File → Export current plot….

    Signals
    -------
    exported(str path)
        A file was written.
    failed(str message)
    """

    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, store, fleet, pool, plot_views: Sequence[QWidget] = (),
                 current_view: Optional[Callable[[], QWidget]] = None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.store = store
        self.fleet = fleet
        self.pool = pool
        self.plot_views = tuple(plot_views)
        self.current_view = current_view
        self.window = parent
        self.worker: Optional[Worker] = None
        self.act_export = QAction(self.tr("&Export…"), parent)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.setStatusTip(self.tr("Write results as XLSX, CSV, JSON or a PDF report"))
        self.act_export.triggered.connect(self.open_dialog)
        self.act_plot = QAction(self.tr("Export current &plot (PNG/SVG)…"), parent)
        self.act_plot.triggered.connect(self.export_current_plot)
        for view in self.plot_views:
            for plot in view.plots():
                install_plot_export(plot)

    def export_current_plot(self) -> Optional[str]:
        view = self.current_view() if self.current_view is not None else None
        plots = view.plots() if any(view is v for v in self.plot_views) else []
        if not plots:
            self.failed.emit(self.tr("The current tab has no plot to export."))
            return None
        return ask_and_export(plots[0], None, self.window)

    def dialog(self) -> ExportDialog:
        from solarfleet.models.export.tables import ExportError, preview, report_tables
        store = self.store

        def tables_for(park, resolution):
            try:
                return report_tables(store, park, resolution)
            except ExportError as exc:
                raise ValueError(str(exc)) from None

        def pages_for(park, project, include_study, wan=None):
            from solarfleet.app.report import render_report_pages
            try:
                images = render_report_pages(store, park, 420, max_pages=4, project=project,
                                             include_study=include_study, appendix=False, wan=wan)
            except ExportError as exc:
                raise ValueError(str(exc)) from None
            note = "" if park else self.tr("The park pages follow as an appendix in the file.")
            return images, note

        def has_study(park):
            return load_yield_study(store, park_name=park) is not None if park else \
                load_yield_study(store, covering=[p.name for p in self.fleet.fleet.parks]) is not None

        parks = [p.name for p in self.fleet.fleet.parks]
        folder = str(self.store.path.parent) if self.store.path else ""
        def preview_for(tables, fmt, english_headers):
            return preview(tables, fmt, language="en" if english_headers else current_language())
        dlg = ExportDialog(parks, tables_for, preview_for, folder, self.window, pages_for=pages_for,
                           project=get_report_project(store), has_study=has_study,
                           wan_choice=current_language() == "zh_CN")
        dlg.exportRequested.connect(self.start)
        return dlg

    def open_dialog(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dlg = self.dialog()
        finally:
            QApplication.restoreOverrideCursor()
        dlg.open()

    def start(self, options: dict) -> Optional[Worker]:
        """Remember the project fields, then write the export in a worker from the session's pool (in-memory
        DB: the same store). Sheet names and column headers follow the app's language unless the dialog
        keeps them English."""
        options = {**options, "language": current_language()}
        if options.get("project"):
            try:
                set_report_project(self.store, options["project"])
            except Exception as exc:  # noqa: BLE001 - a read-only file still exports; the user is told
                log.warning("project fields not remembered: %s", exc)
        path = self.store.path
        if path is None:  # an in-memory database cannot be opened again from a worker thread
            try:
                for r in export_job(None, options, self.store)(lambda *a: None, lambda: False):
                    self.exported.emit(r["path"])
            except Exception as exc:  # noqa: BLE001 - shown to the user like a worker error
                self.failed.emit(str(exc))
            return None
        w = Worker(export_job(path, options), name="export")
        w.signals.result.connect(lambda r: self.exported.emit(r["path"]))
        w.signals.error.connect(lambda e: self.failed.emit(e.message))
        self.worker = w
        return self.pool.start(w)
