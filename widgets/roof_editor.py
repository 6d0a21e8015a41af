"""Editor of a roof (type, area, pitch, orientation, height)."""
from __future__ import annotations

from solarfleet.models.fleet import ROOF_TYPES

from solarfleet.widgets.form_editor import FieldSpec, FormEditor

__all__ = ["RoofEditor"]


class RoofEditor(FormEditor):
    """Edit a :class:`solarfleet.models.fleet.Roof` (its arrays are kept)."""

    def __init__(self, parent=None, commit=None):
        super().__init__(self.tr("Roof"), parent, commit)
        labels = {"flat": self.tr("Flat"), "pitched": self.tr("Pitched")}
        self.build_form([
            FieldSpec("name", self.tr("Name"), kind="text"),
            FieldSpec("roof_type", self.tr("Roof type"), kind="choice",
                      choices=tuple((r, labels[r]) for r in ROOF_TYPES)),
            FieldSpec("area", self.tr("Usable area"), "m²"),
            FieldSpec("surface_tilt", self.tr("Pitch (tilt)"), "°", tooltip=self.tr("From horizontal")),
            FieldSpec("surface_azimuth", self.tr("Azimuth"), "°",
                      tooltip=self.tr("Clockwise from north; 180° = south")),
            FieldSpec("height", self.tr("Height"), "m"),
        ])
