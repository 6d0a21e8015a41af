"""Editor of a park's own fields (location, time zone, grid region, notes)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from solarfleet.models.demo import demo_note
from solarfleet.models.fleet import GRID_REGIONS

from solarfleet.widgets.form_editor import FieldSpec, FormEditor

__all__ = ["ParkEditor", "grid_region_label"]


def grid_region_label(code: str) -> str:
    """Translated name of a China regional grid code."""
    return {"north": QCoreApplication.translate("GridRegion", "North China grid"),
        "northeast": QCoreApplication.translate("GridRegion", "Northeast China grid"),
        "east": QCoreApplication.translate("GridRegion", "East China grid"),
        "central": QCoreApplication.translate("GridRegion", "Central China grid"),
        "northwest": QCoreApplication.translate("GridRegion", "Northwest China grid"),
        "south": QCoreApplication.translate("GridRegion", "China Southern grid"),
        "southwest": QCoreApplication.translate("GridRegion", "Southwest China grid"),
        "national": QCoreApplication.translate("GridRegion", "National average")}.get(code, code)


class ParkEditor(FormEditor):
    """Edit a :class:`solarfleet.models.fleet.Park` (its roofs are kept)."""

    def __init__(self, parent=None, commit=None):
        super().__init__(self.tr("Park"), parent, commit)
        self.build_form([
            FieldSpec("name", self.tr("Name"), kind="text"),
            FieldSpec("latitude", self.tr("Latitude"), "°", tooltip=self.tr("North positive")),
            FieldSpec("longitude", self.tr("Longitude"), "°", tooltip=self.tr("East positive")),
            FieldSpec("altitude", self.tr("Altitude"), "m"),
            FieldSpec("tz", self.tr("Time zone"), kind="text", tooltip=self.tr("IANA name, e.g. Asia/Shanghai")),
            FieldSpec("grid_region", self.tr("Grid region"), kind="choice",
                      choices=tuple((g, grid_region_label(g)) for g in GRID_REGIONS),
                      tooltip=self.tr("Selects the CO₂ emission factor")),
            FieldSpec("notes", self.tr("Notes"), kind="text"),
        ])

    def _get(self, obj, dotted):
        if dotted == "notes":  # a shipped demo note reads in the UI language
            return demo_note(obj.notes, QLocale().name())
        return FormEditor._get(obj, dotted)

    def values(self):
        v = super().values()
        v["notes"] = v["notes"] or ""
        if self.obj is not None and v["notes"] == demo_note(self.obj.notes, QLocale().name()):
            v["notes"] = self.obj.notes  # shown translated, not edited: the stored note stays as it is
        return v
