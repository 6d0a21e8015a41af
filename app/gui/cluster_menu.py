"""Run → Compute on…: where fleet runs compute — this computer, or a Dask scheduler.

The address is kept in the QSettings key ``cluster/address`` (:mod:`solarfleet.app.gui.cluster_settings`); the
run job reads it when a run starts (:func:`solarfleet.app.gui.wiring.simulation_job_factory`).
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget

from solarfleet.app.gui.cluster_settings import CLUSTER_ADDRESS_KEY, set_cluster_address
from solarfleet.app.gui.errors import show_error

__all__ = ["cluster_action", "ask_cluster_address"]


def cluster_action(settings, parent: QWidget) -> QAction:
    """The Run → Compute on… action: asks for the scheduler address (dialog over ``parent``) and keeps
    it in ``settings``."""
    act = QAction(QCoreApplication.translate("ClusterMenu", "Compute &on…"), parent)
    act.setToolTip(QCoreApplication.translate("ClusterMenu",
                                              "Run fleet simulations on this computer or on a Dask cluster"))
    act.triggered.connect(lambda: ask_cluster_address(parent, settings))
    return act


def ask_cluster_address(parent, settings) -> None:
    """Ask for the scheduler address; a bad one is refused with the reason and nothing is stored."""
    from solarfleet.models.simulation.backends import BackendError
    current = settings.value(CLUSTER_ADDRESS_KEY, "") or ""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ClusterMenu", "Compute on"),
        QCoreApplication.translate("ClusterMenu",
                                   "Dask scheduler address, e.g. tcp://10.0.0.5:8786 (empty: this computer):"),
        text=str(current))
    if not ok:
        return
    try:
        set_cluster_address(settings, text)
    except BackendError as exc:
        show_error(QCoreApplication.translate("ClusterMenu", "Not a scheduler address; the setting was not changed."),
                   str(exc), parent)
