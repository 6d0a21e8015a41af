"""The loss-waterfall step names, one table for the dashboard's waterfall and the PDF report's loss diagram.

Only QtCore: the headless CLI's report uses it without loading the plotting widgets.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["loss_label"]


def loss_label(code: str) -> str:
    """Translated name of a loss-waterfall step (unknown codes shown as given)."""
    return {"poa_nominal": QCoreApplication.translate("Losses", "Nominal (POA × STC)"),
        "horizon_shading": QCoreApplication.translate("Losses", "Horizon shading"),
        "row_shading": QCoreApplication.translate("Losses", "Row-to-row shading"),
        "iam": QCoreApplication.translate("Losses", "Reflection (IAM)"),
        "aoi": QCoreApplication.translate("Losses", "Reflection (IAM)"),
        "spectral": QCoreApplication.translate("Losses", "Spectral"),
        "temperature": QCoreApplication.translate("Losses", "Temperature"),
        "temperature_irradiance": QCoreApplication.translate("Losses", "Temperature and low light"),
        "soiling": QCoreApplication.translate("Losses", "Soiling"),
        "shading": QCoreApplication.translate("Losses", "Shading"),
        "snow": QCoreApplication.translate("Losses", "Snow"),
        "mismatch": QCoreApplication.translate("Losses", "Mismatch"),
        "wiring": QCoreApplication.translate("Losses", "DC wiring"),
        "connections": QCoreApplication.translate("Losses", "Connections"),
        "lid": QCoreApplication.translate("Losses", "LID"),
        "nameplate_rating": QCoreApplication.translate("Losses", "Nameplate"),
        "availability": QCoreApplication.translate("Losses", "Availability"),
        "dc": QCoreApplication.translate("Losses", "DC output"),
        "inverter": QCoreApplication.translate("Losses", "Inverter"),
        "clipping": QCoreApplication.translate("Losses", "Clipping"),
        "degradation": QCoreApplication.translate("Losses", "Degradation"),
        "system": QCoreApplication.translate("Losses", "Other system losses"),
        "system_losses": QCoreApplication.translate("Losses", "Other system losses"),
        "ac_wiring": QCoreApplication.translate("Losses", "AC wiring"),
        "transformer": QCoreApplication.translate("Losses", "Transformer"),
        "ac": QCoreApplication.translate("Losses", "AC output")}.get(code, code)
