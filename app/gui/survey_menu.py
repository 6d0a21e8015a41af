"""The survey part of the main window: the Survey tab's view and controller, and File → Export/Import
survey package.

:class:`SurveyUi` gets its view and controller from :class:`solarfleet.app.gui.main_window.MainWindow`,
which places the view in a tab and the actions in the File menu; everything else the survey needs
in the window (file dialogs, the clash dialog, messages) lives here.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import json
import logging

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from solarfleet.widgets.survey_conflict_dialog import SurveyConflictDialog
from solarfleet.widgets.survey_view import SurveyView

from solarfleet.app.gui.errors import show_error, show_info
from solarfleet.app.gui.survey_controller import SurveyController

__all__ = ["SurveyUi"]

log = logging.getLogger(__name__)


class SurveyUi(QObject):
    """The survey part of one main window: view, controller, File-menu actions.

    Parameters
    ----------
    controller : SurveyController
    view : solarfleet.widgets.survey_view.SurveyView
    settings : QSettings
        Keeps the unsaved survey (key ``survey/draft``) across windows and restarts.
    window : QWidget
        Parent of the actions and dialogs.

    Attributes
    ----------
    tab_title : str
        The view's tab label.
    act_export, act_import : QAction
        File → Export / Import survey package.

    Signals
    -------
    statusMessage(str text, int timeout_ms)
        For the window's status bar.
    """

    statusMessage = Signal(str, int)

    def __init__(self, controller: SurveyController, view: SurveyView, settings: QSettings, window: QWidget):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.view = view
        self.settings = settings
        self.tab_title = self.tr("Survey")
        view.form.set_climate_source(controller.climate_at)  # installed climate packs, offline
        view.inputsReady.connect(controller.request)
        view.saveRequested.connect(self.save)
        controller.estimateReady.connect(view.show_estimate)
        controller.estimateFailed.connect(view.show_estimate_error)
        self.act_export = QAction(self.tr("E&xport survey package…"), window)
        self.act_export.triggered.connect(lambda: self.export_dialog())
        self.act_import = QAction(self.tr("&Import survey package…"), window)
        self.act_import.triggered.connect(lambda: self.import_dialog())
        view.inputsReady.connect(self.keep_draft)
        self.restore_draft()

    # -- the unsaved survey survives a language switch, a restart or a flat battery --
    def keep_draft(self, inputs, layouts=None) -> None:
        site = inputs.site
        draft = {"name": site.name, "latitude": site.latitude, "longitude": site.longitude,
                 "altitude": site.altitude, "tz": site.tz, "floor_area": inputs.floor_area, **site.extras()}
        self.settings.setValue("survey/draft", json.dumps(draft))

    def restore_draft(self) -> bool:
        from solarfleet.models.survey.site import SiteSurvey
        text = self.settings.value("survey/draft", "") or ""
        if not text:
            return False
        try:
            draft = json.loads(text)
            floor_area = draft.pop("floor_area", None)
            site = SiteSurvey(**draft)
        except (TypeError, ValueError) as exc:  # an old or damaged draft is dropped, not fatal
            log.warning("survey draft not restored: %s", exc)
            return False
        self.view.form.set_site(site, floor_area=floor_area)
        return True

    def save(self, inputs, layouts) -> None:
        from solarfleet.models.fleet import FleetValueError
        site = inputs.site
        if self.controller.park_exists(site.name):
            answer = QMessageBox.question(
                self.window, self.tr("Park exists"),
                self.tr("The fleet already has a park named %1. Replace it by this survey?").replace("%1", site.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            name = self.controller.save(site, layouts)
        except FleetValueError as exc:
            self.view.model_error(exc)
            return
        self.statusMessage.emit(self.tr("Saved %1 into the fleet – Ctrl+Z undoes it").replace("%1", name), 8000)

    def export_dialog(self, path: str = "") -> bool:
        if not self.controller.surveyed_parks():
            show_info(self.tr("Export survey package"), self.tr("No park holds a survey yet: save a survey first."),
                      self.window)
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export survey package"), "survey.sfsurvey.json",
                                                  self.tr("Survey package (*.sfsurvey.json *.json)"))
            if not path:
                return False
        try:
            package = self.controller.export_package(path)
        except (OSError, ValueError, KeyError) as exc:
            show_error(self.tr("The survey package could not be written."), str(exc), self.window)
            return False
        self.statusMessage.emit(self.tr("Exported %1 surveyed park(s) to %2").replace(
            "%1", str(len(package.sites))).replace("%2", path), 8000)
        return True

    def resolve_clashes(self, names) -> dict | None:
        dlg = SurveyConflictDialog(names, self.window)
        return dlg.choices() if dlg.exec() else None

    def import_dialog(self, path: str = ""):
        from solarfleet.models.survey.package import SurveyPackageError
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import survey package"), "",
                                                  self.tr("Survey package (*.sfsurvey.json *.json);;All files (*)"))
            if not path:
                return None
        try:
            report = self.controller.import_package(path, self.resolve_clashes)
        except (SurveyPackageError, OSError, ValueError) as exc:
            show_error(self.tr("The survey package was refused; the database is unchanged."), str(exc), self.window)
            return None
        if report is None:
            return None
        lines = [self.tr("Added: %1").replace("%1", ", ".join(report["added"]) or "–"),
                 self.tr("Replaced: %1").replace("%1", ", ".join(report["replaced"]) or "–"),
                 self.tr("Skipped: %1").replace("%1", ", ".join(report["skipped"]) or "–")]
        for old, new in report["renamed"].items():
            lines.append(self.tr("%1 imported as %2").replace("%1", old).replace("%2", new))
        self.statusMessage.emit(" · ".join(lines), 12000)
        return report
