"""The Survey tab: the form on the left; layout drawing, horizon and instant estimate on the right.

On every edit the view validates the form, lays out the roof (a few ms, in the GUI thread so the
drawing follows the typing), merges the horizon for its plot, and emits :attr:`SurveyView.inputsReady`;
the owner (``solarfleet.app.gui.survey_controller``) debounces and estimates in a worker, then calls
:meth:`SurveyView.show_estimate`.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from solarfleet.models.fleet import FleetValueError

from solarfleet.widgets.form_editor import reason_text
from solarfleet.widgets.horizon_plot import HorizonPlot
from solarfleet.widgets.layout_view import LayoutView
from solarfleet.widgets.survey_estimate_panel import SurveyEstimatePanel
from solarfleet.widgets.survey_form import SurveyForm, SurveyFormError

__all__ = ["SurveyView"]


class SurveyView(QWidget):
    """Survey form, layout drawing, horizon plot and estimate.

    Signals
    -------
    inputsReady(object inputs, dict layouts)
        The form is valid: :class:`~solarfleet.widgets.survey_form.SurveyInputs` and ``{roof: Layout}``.
    saveRequested(object inputs, dict layouts)
        The user pressed *Save to fleet*.
    """

    inputsReady = Signal(object, dict)
    saveRequested = Signal(object, dict)

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.form = SurveyForm(self)
        self.layout_view = LayoutView(self)
        self.horizon_plot = HorizonPlot(self)
        self.estimate_panel = SurveyEstimatePanel(self)
        self.inputs = None
        self.layouts: dict = {}
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(260)  # narrower windows scroll the form sideways
        self._form_width = self.form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        self.save_button = QPushButton(self.tr("Save to fleet"), self)
        self.save_button.setToolTip(self.tr("Add the surveyed park to the fleet (Ctrl+Z undoes it)"))
        self.save_button.clicked.connect(self._save)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(scroll, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        lv.addLayout(bar)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.layout_view)
        right.addWidget(self.horizon_plot)
        right.addWidget(self.estimate_panel)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 5)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([self._form_width, 2 * self._form_width])  # the form at its natural width
        self.splitter = split
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split)
        self.form.changed.connect(self.refresh)
        self._draw_partial()  # no red marks before the user has typed anything
        self.estimate_panel.set_message(self.tr("Type or paste the site's coordinates to start."))
        self.save_button.setEnabled(False)

    def refresh(self) -> None:
        """Validate, lay out, draw; emit :attr:`inputsReady` if the form is valid."""
        from solarfleet.models.survey.layout import layout_roof
        from solarfleet.models.validation import SurveyValueError
        try:
            inputs = self.form.inputs()
        except SurveyFormError:
            self.inputs = None
            self.save_button.setEnabled(False)
            self.estimate_panel.set_message(self.tr("Check the fields marked in red."))
            self._draw_partial()
            return
        site = inputs.site
        layouts, message = {}, ""
        for r in site.roofs:
            try:
                layouts[r.name] = layout_roof(r, site.latitude)
            except SurveyValueError as exc:
                key = self.form.error_key(exc.field)
                self.form.show_errors({key: reason_text(exc.reason)})
                message = self.tr("No layout: %1").replace("%1", reason_text(exc.reason))
                layouts[r.name] = None
        roof = site.roofs[0] if site.roofs else None
        self.layout_view.set_layout(roof, layouts.get(roof.name) if roof else None, message)
        self._draw_horizon(site)
        self.inputs, self.layouts = inputs, layouts
        ok = all(v is not None for v in layouts.values())
        self.save_button.setEnabled(ok)
        if ok and any(v.count for v in layouts.values()):
            self.estimate_panel.set_busy()
            self.inputsReady.emit(inputs, layouts)
        else:
            self.estimate_panel.set_message(message or self.tr("No module fits on the roof."))

    def _draw_partial(self) -> None:
        self.layout_view.set_layout(None, None, self.tr("Complete the form to see the layout."))

    def _draw_horizon(self, site) -> None:
        from solarfleet.models.survey.horizon import horizon_series, obstacles_to_horizon
        far = horizon_series(site.horizon) if site.horizon else None
        near = obstacles_to_horizon(site.obstacles) if site.obstacles else None
        self.horizon_plot.set_profiles(far, near, site.horizon_profile())

    def show_estimate(self, estimate, latency: float) -> None:
        self.estimate_panel.set_estimate(estimate, latency)

    def show_estimate_error(self, message: str) -> None:
        self.estimate_panel.set_message(self.tr("No estimate: %1").replace("%1", message))

    def _save(self) -> None:
        if self.inputs is not None:
            self.saveRequested.emit(self.inputs, self.layouts)

    def model_error(self, exc: FleetValueError) -> None:
        self.form.show_errors({self.form.error_key(exc.field): reason_text(exc.reason)})
