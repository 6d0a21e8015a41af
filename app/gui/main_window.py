"""The main window: a thin composer of docks, tabs, menus and the status bar.

It holds no pvlib, SQL or export code. The data come from a :class:`solarfleet.app.gui.session.Session`;
the :class:`solarfleet.app.gui.presenter.SelectionPresenter` moves them into the widgets. The window
builds the views and gives each controller (Live, Survey, Forecast, Carbon, export, Compute on…) the view and
the parts of the session it works on, then places their views and actions in tabs and menus.
"""
from __future__ import annotations

import json
from typing import Optional

from PySide6.QtCore import QDateTime, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar,
                               QPushButton, QStackedWidget, QStyle, QToolBar,
                               QVBoxLayout, QWidget)

from solarfleet.models.fleet import Fleet
from solarfleet.widgets.array_editor import ArrayEditor
from solarfleet.widgets.dashboard import Dashboard
from solarfleet.widgets.energy_editors import BatteryEditor, EnergySettingsView, TariffEditor
from solarfleet.widgets.fleet_panel import FleetPanel
from solarfleet.widgets.fleet_tree_model import FleetTreeModel
from solarfleet.widgets.carbon_view import CarbonView
from solarfleet.widgets.forecast_view import ForecastView
from solarfleet.widgets.heatmap_plot import HeatmapPlot
from solarfleet.widgets.live_view import LiveView
from solarfleet.widgets.load_editor import LoadEditor
from solarfleet.widgets.monthly_plot import MonthlyBarsPlot
from solarfleet.widgets.overview_view import OverviewView
from solarfleet.widgets.park_editor import ParkEditor
from solarfleet.widgets.park_map import ParkMap
from solarfleet.widgets.roof_editor import RoofEditor
from solarfleet.widgets.scroll_tabs import ScrollingTabs, TabGroup
from solarfleet.widgets.survey_view import SurveyView
from solarfleet.widgets.yield_plot import YieldPlot

from solarfleet.app import APP_NAME, __version__
from solarfleet.app.gui.actions import FleetEditActions, make_action
from solarfleet.app.gui.cluster_menu import cluster_action
from solarfleet.app.gui.energy_ui import EnergyCommits, EnergySettingsUi
from solarfleet.app.gui.equipment_ui import EquipmentImports
from solarfleet.app.gui.errors import show_error
from solarfleet.app.gui.export_controller import ExportController
from solarfleet.app.gui.carbon_controller import CarbonController
from solarfleet.app.gui.forecast_ui import ForecastUi
from solarfleet.app.gui.import_ui import FileImports
from solarfleet.app.gui.live_tab import LiveTab
from solarfleet.app.gui.map_ui import MapOutlines
from solarfleet.app.gui.overview_ui import OverviewUi
from solarfleet.app.gui.presenter import NodeCommits, SelectionPresenter, SelectionViews
from solarfleet.app.gui.session import Session
from solarfleet.app.gui.survey_controller import SurveyController
from solarfleet.app.gui.survey_menu import SurveyUi
from solarfleet.app.i18n import LANGUAGES

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """SolarFleet's window over one :class:`~solarfleet.app.gui.session.Session`.

    Parameters
    ----------
    session : Session
        The open database and its controllers; the window shows and edits it.
    settings : QSettings
        Window layout, selection, language; passed on to the Live tab, the survey and Compute on….
    recent : list of str, optional
        Recently opened databases (File → Open recent).

    Signals
    -------
    openRequested(str path), newRequested(str path)
        The user asked for another database; the application swaps sessions.
    languageRequested(str code)
        ``''`` = follow the OS; the application reinstalls translators and rebuilds the window.
    """

    openRequested = Signal(str)
    newRequested = Signal(str)
    languageRequested = Signal(str)

    def __init__(self, session: Session, settings: QSettings, recent: Optional[list] = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.file_imports = FileImports(session, self)
        self.settings = settings
        self.recent = list(recent or [])
        self.setObjectName("MainWindow")
        self.read_only = session.read_only
        title = f"{APP_NAME} – {session.path.name if session.path else ':memory:'}"
        self.setWindowTitle(title + (" " + self.tr("[read-only]") if self.read_only else ""))
        self.commits = NodeCommits(session.fleet, lambda: self.presenter.path)
        self._build_views()
        self.read_only_banner: Optional[QLabel] = None
        if self.read_only:
            self._build_read_only_banner(session.read_only_reason)
        self.presenter = SelectionPresenter(session.fleet, session.results, SelectionViews(
            self.tree_model, self.panel, self.editor_stack, self.fleet_label, self.park_editor, self.roof_editor,
            self.array_editor, self.dashboard, self.yield_plot, self.heatmap, self.monthly, self.park_map), self)
        self._build_tab_controllers()
        self._build_actions()
        self._build_menus()
        self._build_status()
        self._wire()
        self.presenter.refresh_results()
        self.overview.refresh()
        self.map_outlines.load_later(self.tabs)
        self._restore()

    # -- building --
    def _build_views(self) -> None:
        self.tree_model = FleetTreeModel(self.session.fleet.fleet, self)
        self.panel = FleetPanel(self.tree_model, self)
        self.panel.setMinimumWidth(260)
        self.fleet_dock = self._dock("fleetDock", self.tr("Fleet"), self.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        c = self.commits
        self.park_editor, self.roof_editor = ParkEditor(self, commit=c.park), RoofEditor(self, commit=c.roof)
        self.array_editor = ArrayEditor(self, commit=c.array)
        self.fleet_label = QLabel(self)
        self.fleet_label.setWordWrap(True)
        self.fleet_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.fleet_label.setMargin(8)
        self.editor_stack = QStackedWidget(self)
        for w in (self.fleet_label, self.park_editor, self.roof_editor, self.array_editor):
            self.editor_stack.addWidget(w)
        self.editor_stack.setMinimumWidth(240)  # the editors scroll and wrap inside; Apply stays visible
        self.detail_dock = self._dock("detailDock", self.tr("Details"), self.editor_stack,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.energy_commits = EnergyCommits(self.session.store, self.session.fleet.undo_stack,
                                            lambda: self.presenter.path[0] if self.presenter.path else "", self,
                                            pool=self.session.pool)
        self.energy_view = EnergySettingsView(TariffEditor(self, commit=self.energy_commits.tariff),
                                              BatteryEditor(self, commit=self.energy_commits.battery), self,
                                              load=LoadEditor(self, commit=self.energy_commits.load))
        self.energy_dock = self._dock("energyDock", self.tr("Tariff, battery and load"), self.energy_view,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.detail_dock, self.energy_dock)
        self.detail_dock.raise_()
        self.dashboard = Dashboard(self)
        self.yield_plot, self.heatmap = YieldPlot(self), HeatmapPlot(self)
        self.monthly, self.park_map = MonthlyBarsPlot(self), ParkMap(self)
        self.tabs = ScrollingTabs(self)  # a wide page scrolls instead of widening the window
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.year_tabs = TabGroup(self)  # the typical year's three views share a tab: the top row fits at 1366 px
        self.year_tabs.setObjectName("yearTabs")
        for w, label in ((self.dashboard, self.tr("Key figures")), (self.heatmap, self.tr("Heat map")),
                         (self.monthly, self.tr("Monthly"))):
            self.year_tabs.addTab(w, label)
        self.setCentralWidget(self.tabs)
        self.live_view = LiveView(self)

    def _build_tab_controllers(self) -> None:
        """The controllers of the Live, Survey and Forecast tabs and of the exports, each given its view."""
        s = self.session
        self.energy = EnergySettingsUi(self.energy_view, self.energy_commits, s.results, self)
        self.overview = OverviewUi(OverviewView(self), s.fleet, s.results, s.store, s.pool, self)
        self.live_tab = LiveTab(self.live_view, s.live, s.store, self._park_names, self.tabs, self,
                                settings=self.settings)
        self.survey = SurveyUi(SurveyController(s.store, s.fleet, s.pool, self), SurveyView(self), self.settings,
                               self)
        self.forecast = ForecastUi(ForecastView(self), s.fleet, s.store, s.pool, self)
        self.carbon = CarbonController(CarbonView(self), s.store, s.pool, self, fleet=s.fleet)
        self._add_tabs()
        plot_views = (self.yield_plot, self.heatmap, self.monthly, self.park_map, self.live_view, self.forecast.view)
        self.exporter = ExportController(s.store, s.fleet, s.pool, plot_views, self.tabs.currentWidget, self)
        self.act_cluster = cluster_action(self.settings, self)
        self.map_outlines = MapOutlines(self.park_map, s.pool, self)
        self.equipment = EquipmentImports(s.store, s.fleet.undo_stack, s.pool, self, read_only=self.read_only,
                                          fleet=s.fleet)

    def _add_tabs(self) -> None:
        """The manager's questions first (today, yield against consumption, the year), then live, outlook,
        carbon, the map and the surveyor's tab."""
        for page, label in ((self.overview.view, self.overview.tab_title),
                            (self.yield_plot, self.tr("Yield vs consumption")),
                            (self.year_tabs, self.tr("Typical year (modelled)")), (self.live_view, self.tr("Live")),
                            (self.forecast.view, self.forecast.tab_title), (self.carbon.view, self.carbon.tab_title),
                            (self.park_map, self.tr("Map")), (self.survey.view, self.survey.tab_title)):
            self.tabs.addTab(page, label)

    def _park_names(self) -> list[str]:
        return [p.name for p in self.session.fleet.fleet.parks]

    def _build_read_only_banner(self, reason: str) -> None:
        """A read-only session: a banner above the views says why; the editors take no input."""
        self.read_only_banner = QLabel(reason or self.tr("Read-only: another program writes this database."), self)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setMargin(8)
        self.read_only_banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3cd; color: #664d03; "
                                            "border-bottom: 1px solid #ffe69c; }")
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.read_only_banner)
        lay.addWidget(self.takeCentralWidget(), 1)
        self.setCentralWidget(box)
        for editor in (self.park_editor, self.roof_editor, self.array_editor, self.energy_view):
            editor.setEnabled(False)

    def _dock(self, name, title, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        stack = self.session.fleet.undo_stack
        self.act_new = make_action(self, self.tr("&New database…"), self._new, QKeySequence.StandardKey.New,
                                   SP.SP_FileIcon)
        self.act_open = make_action(self, self.tr("&Open database…"), self._open, QKeySequence.StandardKey.Open,
                                    SP.SP_DialogOpenButton)
        self.act_quit = make_action(self, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        self.edits = FleetEditActions(self.session.fleet, lambda: self.presenter.path, self.read_only, self)
        e = self.edits
        self.act_add_park, self.act_add_roof, self.act_add_array = e.add_park, e.add_roof, e.add_array
        self.act_duplicate, self.act_delete = e.duplicate, e.delete
        view = self.panel.view  # right-click menu of the tree; Delete works while the tree has focus
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions(e.actions())
        self.act_run = make_action(self, self.tr("&Run fleet"), self._run, "F5", SP.SP_MediaPlay,
                                   self.tr("Simulate every park; results fill in park by park"))
        self.act_cancel = make_action(self, self.tr("&Cancel run"), self.session.runs.cancel, "Ctrl+.",
                                      SP.SP_MediaStop)
        self.act_cancel.setEnabled(False)
        self.act_about = make_action(self, self.tr("&About SolarFleet"), self._about)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = self.file_menu = mb.addMenu(self.tr("&File"))
        m.addActions([self.act_new, self.act_open])
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self._fill_recent()
        m.addSeparator()
        m.addActions([self.survey.act_export, self.survey.act_import])
        m.addAction(self.equipment.act_import)
        m.addSeparator()
        m.addActions([self.exporter.act_export, self.exporter.act_plot])
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions(self.edits.actions())
        m = mb.addMenu(self.tr("&View"))
        m.addActions([self.fleet_dock.toggleViewAction(), self.detail_dock.toggleViewAction(),
                      self.energy_dock.toggleViewAction()])
        lang = m.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        chosen = self.settings.value("language", "") or ""
        for code, name in (("", self.tr("System default")),) + LANGUAGES:
            a = lang.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == chosen)
            a.setData(code)
            group.addAction(a)
            a.triggered.connect(lambda _=False, c=code: self.languageRequested.emit(c))
        self.language_actions = group.actions()
        m = self.run_menu = mb.addMenu(self.tr("&Run"))
        m.addActions([self.act_run, self.act_cancel])
        m.addSeparator()
        m.addAction(self.act_cluster)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)
        tb = QToolBar(self.tr("Main toolbar"), self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([self.act_open, self.act_undo, self.act_redo, self.act_add_park, self.act_delete])
        tb.addSeparator()
        tb.addActions([self.act_run, self.act_cancel])
        self.addToolBar(tb)

    def _build_status(self) -> None:
        sb = self.statusBar()
        path = str(self.session.path) if self.session.path else ":memory:"
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", path), self)
        self.db_label.setToolTip(path)
        self.last_run_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("%v / %m")
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.session.runs.cancel)
        self.cancel_button.hide()
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        sb.addPermanentWidget(self.last_run_label)
        sb.addPermanentWidget(self.db_label)
        self._update_last_run()

    def _wire(self) -> None:
        s = self.session
        self.panel.selectionChanged.connect(self._selected)
        self.panel.selectionChanged.connect(lambda path: self.overview.select(path[0] if path else ""))
        self.panel.selectionChanged.connect(lambda path: self.forecast.select(path[0] if path else ""))
        self.panel.selectionChanged.connect(lambda path: self.energy.select(path[0] if path else ""))
        if self.session.live is not None:
            self.panel.selectionChanged.connect(self.live_tab.select)
        s.fleet.fleetChanged.connect(self.presenter.refresh_fleet)
        s.fleet.writeFailed.connect(lambda msg: show_error(self.tr("The change could not be saved."), msg, self))
        s.results.changed.connect(self.presenter.results_changed)
        s.results.changed.connect(lambda _: self._update_last_run())
        s.runs.started.connect(self._run_started)
        s.runs.progress.connect(self._run_progress)
        s.runs.finished.connect(self._run_finished)
        s.runs.finished.connect(self.carbon.run_finished)
        self.carbon.failed.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        s.runs.failed.connect(lambda e: show_error(self.tr("The run failed: %1").replace("%1", e.message),
                                                   e.details, self))
        self.park_map.parkClicked.connect(lambda name: self.panel.select_path((name,)))
        self.overview.performanceChanged.connect(self.park_map.set_performance)
        self.panel.filesDropped.connect(self._files_dropped)
        self.edits.statusMessage.connect(self.statusBar().showMessage)
        self.survey.statusMessage.connect(self.statusBar().showMessage)
        self.survey.controller.saved.connect(self._simulate_park)
        self.exporter.exported.connect(
            lambda p: self.statusBar().showMessage(self.tr("Exported %1").replace("%1", p), 8000))
        self.exporter.failed.connect(lambda msg: show_error(self.tr("Export failed"), msg, self))
        self.equipment.failed.connect(lambda msg: show_error(msg, msg, self))
        self.equipment.imported.connect(lambda items: self.statusBar().showMessage(
            self.tr("Added to the equipment library: %1").replace("%1", ", ".join(i.label for i in items)), 10000))
        self._update_run_actions()

    # -- state --
    def _restore(self) -> None:
        geo = self.settings.value("geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 860)
        state = self.settings.value("windowState")
        self._dock_sizes: Optional[tuple] = None
        # first start: the docks follow the window until the user sets their width (kept across restarts)
        self._auto_docks = state is None or str(self.settings.value("docksAuto", "false")).lower() == "true"
        if state is not None:
            self.restoreState(state)
        if self._auto_docks:
            self._size_docks()
        try:
            path = tuple(json.loads(self.settings.value("lastSelection", "[]") or "[]"))
        except (TypeError, ValueError):
            path = ()
        if not (path and self.panel.select_path(path)):
            self.presenter.show(())
        self.tabs.setCurrentIndex(int(self.settings.value("lastTab", 0) or 0))

    def _size_docks(self) -> None:
        """Each side dock about a quarter of the window, 300–440 px, so long park names show in full from
        about 1536 px, narrower where the row of tabs needs the room (a long translation); both stay resizable
        and can be closed (View menu)."""
        side = max(300, min(440, int(self.width() * 0.235)))
        bar = self.tabs.tabBar()
        row = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        side = max(260, min(side, (self.width() - row - 24) // 2))  # 24 px: dock separators and frames
        self.resizeDocks([self.fleet_dock, self.detail_dock], [side, side], Qt.Orientation.Horizontal)
        self._dock_sizes = None
        QTimer.singleShot(0, self._note_dock_sizes)  # the widths are laid out on the next pass

    def _note_dock_sizes(self) -> None:
        self._dock_sizes = (self.fleet_dock.width(), self.detail_dock.width())

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not getattr(self, "_auto_docks", False):
            return
        if self._dock_sizes is not None and (self.fleet_dock.width(), self.detail_dock.width()) != self._dock_sizes:
            self._auto_docks = False  # the user has set a width: it stays
        else:
            self._size_docks()

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("docksAuto", bool(getattr(self, "_auto_docks", False)))
        self.settings.setValue("lastSelection", json.dumps(list(self.presenter.path)))
        self.settings.setValue("lastTab", self.tabs.currentIndex())

    def closeEvent(self, event):
        self.save_state()
        super().closeEvent(event)

    # -- slots --
    def _selected(self, path: tuple) -> None:
        self.presenter.show(path)
        self.edits.update(path)

    def _update_run_actions(self) -> None:
        runs = self.session.runs
        self.act_run.setEnabled(runs.available() and not runs.is_running() and not self.read_only)
        self.act_run.setToolTip(self.tr("Read-only session: running is disabled") if self.read_only else
                                self.tr("Run fleet (F5)") if runs.available() else
                                self.tr("No simulation is connected in this build"))
        self.act_cancel.setEnabled(runs.is_running())

    def _update_last_run(self) -> None:
        when = self.session.results.last_run_utc
        if when is None:
            self.last_run_label.setText(self.tr("No run yet"))
        else:
            dt = QDateTime.fromString(when, Qt.DateFormat.ISODate).toLocalTime()
            self.last_run_label.setText(self.tr("Last run: %1").replace(
                "%1", QLocale().toString(dt, QLocale.FormatType.ShortFormat)))

    def _run(self):
        self.session.runs.start(self.session.fleet.fleet)

    def _simulate_park(self, name: str) -> None:
        """A surveyed park was saved: simulate it alone at once, so its estimate shows in the fleet."""
        if not self.read_only:
            self.session.runs.start(Fleet((self.session.fleet.fleet.park(name),)))

    def _run_started(self):
        self.progress.setRange(0, max(1, len(self.session.fleet.fleet.parks)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self._update_run_actions()

    def _run_progress(self, done, total, label):
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.statusBar().showMessage(self.tr("Simulating %1 (%2 of %3)").replace("%1", label)
                                     .replace("%2", str(done)).replace("%3", str(total)))

    def _run_finished(self, cancelled: bool):
        self.presenter.flush_results()
        self.progress.hide()
        self.cancel_button.hide()
        self._update_run_actions()
        self.statusBar().showMessage(self.tr("Run cancelled; finished parks are shown.") if cancelled
                                     else self.tr("Run finished."), 8000)

    def _files_dropped(self, park_path: tuple, files: list) -> None:
        """Weather or load files dropped on a park: the session's importer runs them in a worker."""
        importer = self.session.import_file
        if importer is None:
            self.statusBar().showMessage(self.tr("Importing weather or load files is not available in this build."),
                                         8000)
            return
        self.file_imports.start(self.session.fleet.node(park_path), files)

    def _fill_recent(self):
        self.recent_menu.clear()
        for p in self.recent:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, path=p: self.openRequested.emit(path))
        self.recent_menu.setEnabled(bool(self.recent))

    def _new(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), "", self.tr("SolarFleet database (*.db)"))
        if path:
            self.newRequested.emit(path)

    def _open(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "",
                                              self.tr("SolarFleet database (*.db);;All files (*)"))
        if path:
            self.openRequested.emit(path)

    def _about(self):
        QMessageBox.about(self, self.tr("About SolarFleet"), self.tr(
            "<b>SolarFleet %1</b><br>Rooftop PV across logistics parks: pvlib physics, a local SQLite file, "
            "yield against consumption.").replace("%1", __version__))
