"""The survey form: a new site by coordinates, one roof, its module layout choices and its shading.

Every edit emits :attr:`SurveyForm.changed`; :meth:`SurveyForm.inputs` reads and validates the whole
form and returns a :class:`SurveyInputs` (a :class:`~solarfleet.models.survey.site.SiteSurvey`, the monthly-GHI
choice and the floor area for the consumption preview), or raises :class:`SurveyFormError` after
marking each refused field in red with the reason next to it. Nothing is computed here beyond the
offline look-ups of time zone, altitude and climate-table city (cached per position).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout,
                               QWidget)

from solarfleet.models.fleet import FleetValueError
from solarfleet.models.glossary import term
from solarfleet.models.survey.layout import default_row_rule
from solarfleet.models.survey.geo import CoordinateError, format_coordinates, locate_site, parse_coordinates
from solarfleet.models.survey.horizon import Obstacle
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey
from solarfleet.models.survey.estimate import monthly_ghi_choice

from solarfleet.widgets.form_editor import reason_text
from solarfleet.widgets.number_table_model import NumberTableModel, TableValueError, parse_number

__all__ = ["SurveyForm", "SurveyInputs", "SurveyFormError", "DEFAULT_MODULE"]

# Module offered for a new survey (a common 360 W mono PERC module in the CEC database).
DEFAULT_MODULE = "Trina_Solar_TSM_360DE14A_II_"
_ERROR_STYLE = "color: #c0392b;"


@dataclass(frozen=True)
class SurveyInputs:
    """What the form holds, validated.

    Attributes
    ----------
    site : solarfleet.models.survey.site.SiteSurvey
    ghi : solarfleet.models.survey.estimate.GhiChoice
    floor_area : float or None
        Floor area for the consumption preview [m²].
    location : solarfleet.models.survey.geo.SiteLocation
    """

    site: object
    ghi: object
    floor_area: Optional[float]
    location: object


class SurveyFormError(ValueError):
    """Fields of the form that were refused: ``errors`` maps field key → translated message."""

    def __init__(self, errors: dict):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


@functools.lru_cache(maxsize=64)
def _located(lat: float, lon: float):
    from solarfleet.models.survey.geo import altitude_at, timezone_at
    from solarfleet.models.weather.synthetic import climate_for_site
    return timezone_at(lat, lon), altitude_at(lat, lon), climate_for_site(lat, lon)


def _table(model: NumberTableModel, parent: QWidget, rows: int = 4) -> tuple[QWidget, QTableView]:
    box = QWidget(parent)
    view = QTableView(box)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headers stay readable
    header.setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(22)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setMinimumHeight(24 + 22 * rows)
    view.setMaximumHeight(30 + 22 * (rows + 2))
    add = QPushButton(QCoreApplication.translate("SurveyForm", "Add row"), box)
    remove = QPushButton(QCoreApplication.translate("SurveyForm", "Remove row"), box)
    add.clicked.connect(lambda: model.add_row())
    remove.clicked.connect(lambda: model.remove_rows([i.row() for i in view.selectionModel().selectedRows()]
                                                     or [model.rowCount() - 1]))
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(view)
    lay.addLayout(buttons)
    box.buttons = buttons
    return box, view


def pack_text(ghi) -> str:
    """``Climate pack 'Jiangxi' (nearest grid cell 12 km, GHI ±8 %)`` for a pack-based GhiChoice."""
    loc = QLocale()
    return QCoreApplication.translate("SurveyForm", "Climate pack %1 (nearest grid cell %2 km, GHI ±%3 %)") \
        .replace("%1", f"'{ghi.city}'").replace("%2", loc.toString(ghi.distance_km or 0.0, "f", 0)) \
        .replace("%3", loc.toString(100 * (ghi.uncertainty or 0.0), "f", 0))


class SurveyForm(QWidget):
    """Site, roof, modules and shading of one survey.

    Signals
    -------
    changed()
        Any field edited (the view debounces and re-estimates).
    """

    changed = Signal()

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.module_key = DEFAULT_MODULE
        self._horizon_source = ""
        self._climate_at = None
        lay = QVBoxLayout(self)
        lay.addWidget(self._site_group())
        lay.addWidget(self._roof_group())
        lay.addWidget(self._module_group())
        lay.addWidget(self._shading_group())
        lay.addStretch(1)
        self._roof_type_changed()
        self._shape_changed()
        self._spacing_changed()

    def set_climate_source(self, climate_at) -> None:
        """Use installed climate packs: ``climate_at(latitude, longitude) -> PackClimate or None`` (see
        :func:`solarfleet.models.survey.estimate.monthly_ghi_choice`); None: the climate table only."""
        self._climate_at = climate_at
        self.changed.emit()

    # -- building --
    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget, unit: str = "",
             tip: str = "", span: bool = False) -> QWidget:
        self.widgets[key] = widget
        field = QWidget(self)
        h = QVBoxLayout(field)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(1)
        line = QHBoxLayout()
        line.addWidget(widget, 1)
        if unit:
            line.addWidget(QLabel(unit, self))
        h.addLayout(line)
        err = QLabel(self)
        err.setStyleSheet(_ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        h.addWidget(err)
        self.errors[key] = err
        if tip:
            widget.setToolTip(tip)
        if span:  # tables take the whole width, their title above them
            title = QLabel(label, self)
            title.setObjectName(f"title_{key}")
            form.addRow(title)
            form.addRow(field)
        else:
            form.addRow(label, field)
        field.setObjectName(f"row_{key}")
        return field

    def _edit(self, placeholder: str = "", text: str = "") -> QLineEdit:
        e = QLineEdit(text, self)
        e.setPlaceholderText(placeholder)
        e.textEdited.connect(lambda _: self.changed.emit())
        return e

    def _combo(self, items) -> QComboBox:
        c = QComboBox(self)
        for value, label in items:
            c.addItem(label, value)
        c.currentIndexChanged.connect(lambda _: self.changed.emit())
        return c

    def _site_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Site"), self)
        f = QFormLayout(g)
        self._row(f, "name", self.tr("Park name"), self._edit(text=self.tr("Surveyed park")))
        self._row(f, "coordinates", self.tr("Coordinates"),
                  self._edit(self.tr("e.g. 31.38, 121.25 or 31°22'48\"N 121°15'E")),
                  tip=self.tr("Latitude and longitude, typed or pasted: decimal degrees, degrees-minutes-seconds, "
                              "N/S/E/W letters"))
        self.tz_found = QLabel(self)
        f.addRow(self.tr("Time zone found"), self.tz_found)
        self._row(f, "tz", self.tr("Time zone override"), self._edit(self.tr("empty: use the zone found")))
        self.altitude_found = QLabel(self)
        f.addRow(self.tr("Altitude (pvlib map)"), self.altitude_found)
        self._row(f, "altitude", self.tr("Altitude override"), self._edit(self.tr("empty: use the map")), "m")
        self.ghi_source = QLabel(self)
        self.ghi_source.setWordWrap(True)
        self.ghi_source.setObjectName("ghiSource")
        f.addRow(self.tr("Monthly GHI"), self.ghi_source)
        self._row(f, "monthly_ghi", self.tr("Typed monthly GHI"),
                  self._edit(self.tr("12 values, January first, separated by spaces or semicolons")), "kWh/m²",
                  tip=self.tr("Used when no climate-table city is within reach; empty: the documented default"))
        self._row(f, "floor_area", self.tr("Floor area for consumption"),
                  self._edit(self.tr("empty: no consumption preview")), "m²",
                  tip=self.tr("Warehouse floor area; a synthetic logistics-park load of this size is compared "
                              "with the yield"))
        return g

    def _roof_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Roof"), self)
        f = QFormLayout(g)
        self._row(f, "roof_name", self.tr("Roof name"), self._edit(text=self.tr("Roof 1")))
        self._row(f, "shape", self.tr("Outline"), self._combo([("rectangle", self.tr("Rectangle")),
                                                               ("polygon", self.tr("Polygon (vertices)"))]))
        self.widgets["shape"].currentIndexChanged.connect(self._shape_changed)
        self._row(f, "length", self.tr("Length (along x)"), self._edit(text="60"), "m")
        self._row(f, "width", self.tr("Width (along y)"), self._edit(text="40"), "m")
        self.vertices = NumberTableModel([self.tr("x [m]"), self.tr("y [m]")], parent=self)
        self.vertices.edited.connect(self.changed)
        box, self.vertices_view = _table(self.vertices, self, rows=4)
        self._row(f, "vertices", self.tr("Vertices"), box, span=True)
        self._row(f, "roof_type", self.tr("Roof type"), self._combo([("flat", self.tr("Flat")),
                                                                     ("pitched", self.tr("Pitched"))]))
        self.widgets["roof_type"].currentIndexChanged.connect(self._roof_type_changed)
        self._row(f, "pitch", self.tr("Pitch"), self._edit(text="10"), "°")
        self._row(f, "azimuth", self.tr("Modules face (azimuth)"), self._edit(text="180"), "°",
                  tip=self.tr("Compass direction the modules face, clockwise from north (180 = south); the y = 0 "
                              "edge of the roof"))
        self._row(f, "height", self.tr("Roof height"), self._edit(text="12"), "m")
        self._row(f, "setback", self.tr("Edge setback (walkway)"), self._edit(text="1.5"), "m",
                  tip=self.tr("Fire-code walkway kept free along every edge"))
        self.keepouts = NumberTableModel([self.tr("x [m]"), self.tr("y [m]"), self.tr("Length [m]"),
                                          self.tr("Width [m]"), self.tr("Clearance [m]")], parent=self)
        self.keepouts.edited.connect(self.changed)
        box, self.keepouts_view = _table(self.keepouts, self, rows=3)
        self._row(f, "keepouts", self.tr("Keep-out areas"), box, span=True)
        self._row(f, "allowed_load", self.tr("Allowed load"), self._edit(self.tr("empty: unknown")), "kg/m²")
        self._row(f, "racking_mass", self.tr("Racking + ballast"), self._edit(self.tr("empty: typical value")),
                  "kg/m²", tip=self.tr("Per m² of module; take the racking vendor's figure when you have it"))
        return g

    def _module_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Modules"), self)
        f = QFormLayout(g)
        w = QWidget(self)
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        self.module_label = QLabel(self.module_key, w)
        self.module_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose…"), w)
        choose.clicked.connect(self.pick_module)
        h.addWidget(self.module_label, 1)
        h.addWidget(choose)
        self._row(f, "module", self.tr("Module"), w)
        self._row(f, "orientation", self.tr("Orientation"), self._combo([("portrait", self.tr("Portrait")),
                                                                        ("landscape", self.tr("Landscape"))]))
        mh = QSpinBox(self)
        mh.setRange(1, 6)
        mh.valueChanged.connect(lambda _: self.changed.emit())
        self._row(f, "modules_high", self.tr("Modules up a row"), mh)
        lang = QLocale().name()  # the rules' names come from the glossary, in the installed language
        self._row(f, "spacing", self.tr("Row spacing"),
                  self._combo([("gb50797", term("row_rule_gb50797_short", lang)),
                               ("jp_daytime", term("row_rule_jp_daytime_short", lang)),
                               ("noon", self.tr("No shading at winter-solstice noon")),
                               ("gcr", self.tr("Chosen GCR"))]))
        for i, rule in ((0, "gb50797"), (1, "jp_daytime")):  # the full rule, with "true solar time", on hover
            self.widgets["spacing"].setItemData(i, term(f"row_rule_{rule}", lang), Qt.ItemDataRole.ToolTipRole)
        self.widgets["spacing"].currentIndexChanged.connect(self._spacing_changed)
        self.widgets["spacing"].activated.connect(lambda _: setattr(self, "_spacing_chosen", True))
        self._spacing_chosen = False  # until the user picks a rule, the site's country picks it
        self._row(f, "tilt", self.tr("Row tilt"), self._edit(text="10"), "°")
        self._row(f, "gcr", self.tr("GCR"), self._edit(text="0.6"))
        return g

    def _shading_group(self) -> QGroupBox:
        g = QGroupBox(self.tr("Shading"), self)
        f = QFormLayout(g)
        self.horizon = NumberTableModel([self.tr("Azimuth [°]"), self.tr("Elevation [°]")], parent=self)
        self.horizon.edited.connect(self._horizon_typed)
        box, self.horizon_view = _table(self.horizon, self, rows=4)
        imp = QPushButton(self.tr("Import PVGIS…"), box)
        imp.clicked.connect(self.import_pvgis)
        box.buttons.insertWidget(2, imp)
        self._row(f, "horizon", self.tr("Horizon profile"), box, span=True)
        self.obstacles = NumberTableModel([self.tr("Height [m]"), self.tr("Distance [m]"), self.tr("Azimuth [°]"),
                                           self.tr("Width [m]")], parent=self)
        self.obstacles.edited.connect(self.changed)
        box, self.obstacles_view = _table(self.obstacles, self, rows=3)
        self._row(f, "obstacles", self.tr("Obstacles"), box, span=True)
        return g

    # -- visibility --
    def _set_row_visible(self, key: str, visible: bool) -> None:
        field = self.findChild(QWidget, f"row_{key}")
        form = field.parentWidget().layout()
        form.setRowVisible(field, visible)
        title = self.findChild(QWidget, f"title_{key}")
        if title is not None:
            form.setRowVisible(title, visible)

    def _shape_changed(self, *_):
        rect = self.widgets["shape"].currentData() == "rectangle"
        for k in ("length", "width"):
            self._set_row_visible(k, rect)
        self._set_row_visible("vertices", not rect)
        if not rect and self.vertices.rowCount() == 0:
            L, W = (parse_number(self.widgets[k].text()) or 0 for k in ("length", "width"))
            self.vertices.set_rows([(0, 0), (L, 0), (L, W), (0, W)])

    def _roof_type_changed(self, *_):
        pitched = self.widgets["roof_type"].currentData() == "pitched"
        self._set_row_visible("pitch", pitched)
        for k in ("spacing", "tilt", "gcr"):
            self._set_row_visible(k, not pitched)
        if not pitched:
            self._spacing_changed()

    def _select_spacing(self, rule: str) -> None:
        combo = self.widgets["spacing"]
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(rule))
        combo.blockSignals(False)
        self._spacing_changed()

    def _spacing_changed(self, *_):
        if self.widgets["roof_type"].currentData() == "pitched":
            return
        gcr = self.widgets["spacing"].currentData() == "gcr"
        self._set_row_visible("gcr", gcr)

    def _horizon_typed(self):
        self._horizon_source = "typed"
        self.changed.emit()

    # -- actions --
    def pick_module(self) -> None:
        from solarfleet.models.simulation.catalog import search_modules
        from solarfleet.widgets.equipment_picker import EquipmentPicker
        dlg = EquipmentPicker(search_modules, self.tr("Choose a module"), self.module_key, parent=self)
        if dlg.exec() and dlg.selected_key():
            self.set_module(dlg.selected_key())

    def set_module(self, key: str) -> None:
        self.module_key = key
        self.module_label.setText(key)
        self.changed.emit()

    def import_pvgis(self, path: Optional[str] = None) -> bool:
        """Read a PVGIS horizon file into the horizon table; an unreadable file is reported, table kept."""
        from solarfleet.models.survey.horizon import HorizonError, read_pvgis_horizon
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a PVGIS horizon file"), "",
                                                  self.tr("PVGIS horizon (*.json *.csv *.txt);;All files (*)"))
            if not path:
                return False
        try:
            series, _ = read_pvgis_horizon(path)
        except (HorizonError, OSError, ValueError) as exc:
            self._show_error("horizon", self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", str(exc)))
            return False
        self.horizon.set_rows(list(zip(series.index.to_numpy(float), series.to_numpy(float))))
        from pathlib import Path
        self._horizon_source = f"pvgis:{Path(path).name}"
        self.changed.emit()
        return True

    # -- errors --
    def _show_error(self, key: str, message: str) -> None:
        lab = self.errors[key]
        lab.setText(message)
        lab.show()

    def clear_errors(self) -> None:
        for lab in self.errors.values():
            lab.clear()
            lab.hide()

    def show_errors(self, errors: dict) -> None:
        self.clear_errors()
        for k, msg in errors.items():
            self._show_error(k if k in self.errors else "name", msg)

    # -- reading --
    def _text(self, key) -> str:
        return self.widgets[key].text().strip()

    def _number(self, key, errors, optional=False) -> Optional[float]:
        text = self._text(key)
        if not text:
            if not optional:
                errors[key] = self.tr("is required")
            return None
        v = parse_number(text)
        if v is None:
            errors[key] = self.tr("“%1” is not a number").replace("%1", text)
        return v

    def _table_rows(self, key, model, errors) -> list:
        try:
            return model.values()
        except TableValueError as exc:
            errors[key] = self.tr("row %1, %2: “%3” is not a number").replace("%1", str(exc.row + 1)) \
                .replace("%2", exc.header).replace("%3", exc.text)
            return []

    _FIELD_KEYS = {"outline": "length", "surface_tilt": "pitch", "surface_azimuth": "azimuth", "height": "height",
                   "setback": "setback", "allowed_load": "allowed_load", "racking_mass": "racking_mass",
                   "module": "module", "module_tilt": "tilt", "gcr": "gcr", "modules_high": "modules_high",
                   "name": "name", "latitude": "coordinates", "longitude": "coordinates", "altitude": "altitude",
                   "tz": "tz", "horizon": "horizon", "length": "length", "width": "width"}

    def error_key(self, field: str) -> str:
        """The form key showing a model error on ``field`` (``'keepouts[0].x'`` → ``'keepouts'``)."""
        head = field.split(".")[0].split("[")[0]
        if head in ("keepouts", "obstacles"):
            return head
        if head == "roofs":
            return self.error_key(field.split(".", 1)[1]) if "." in field else "roof_name"
        key = self._FIELD_KEYS.get(field.split(".")[-1], self._FIELD_KEYS.get(head, "name"))
        if key == "length" and self.widgets["shape"].currentData() == "polygon":
            return "vertices"
        return key

    def inputs(self) -> SurveyInputs:
        """Read and validate the whole form; errors are shown next to their fields.

        Raises
        ------
        SurveyFormError
            ``errors`` maps each refused field key to its translated message.
        """
        errors: dict = {}
        loc = ghi = None
        lat = lon = None
        coords = self._text("coordinates")
        if not coords:
            errors["coordinates"] = self.tr("is required")
        else:
            try:
                lat, lon = parse_coordinates(coords)
            except CoordinateError as exc:
                where = self.tr(" at character %1").replace("%1", str(exc.position + 1)) \
                    if exc.position is not None else ""
                errors["coordinates"] = self.tr("cannot read the coordinates%1: %2").replace("%1", where) \
                    .replace("%2", exc.reason)
        if lat is not None:
            tz_found, alt_found, city = _located(round(lat, 5), round(lon, 5))
            self.tz_found.setText(self.tr("%1 (found offline)").replace("%1", tz_found))
            if not self._spacing_chosen:
                self._select_spacing(default_row_rule(self._text("tz") or tz_found))
            self.altitude_found.setText(self.tr("%1 m").replace("%1", QLocale().toString(alt_found, "f", 0)))
            alt = self._number("altitude", errors, optional=True)
            try:
                loc = locate_site(lat, lon, tz=self._text("tz") or None, altitude=alt)
            except ValueError as exc:
                errors["tz" if "tz" in str(exc).split(":")[0] else "altitude"] = \
                    self.tr("not accepted: %1").replace("%1", str(exc))
            typed = self._text("monthly_ghi")
            values = None
            if typed:
                parts = typed.replace(";", " ").replace("，", " ").split()
                values = [parse_number(p) for p in parts]
                if any(v is None for v in values) or len(values) != 12:
                    errors["monthly_ghi"] = self.tr("needs 12 numbers, January first (got %1)").replace(
                        "%1", str(len(parts)))
                    values = None
            try:
                ghi = monthly_ghi_choice(lat, lon, values, pack=self._climate_at)
            except ValueError as exc:
                errors["monthly_ghi"] = str(exc)
            self.widgets["monthly_ghi"].setEnabled(city is None)
            self._show_ghi_source(ghi)
        else:
            self.tz_found.clear()
            self.altitude_found.clear()
            self.ghi_source.clear()
        floor = self._number("floor_area", errors, optional=True)
        if floor is not None and floor <= 0:
            errors["floor_area"] = self.tr("must be greater than %1").replace("%1", "0")
        roof = self._roof(errors)
        horizon = self._table_rows("horizon", self.horizon, errors)
        obstacles = []
        for i, row in enumerate(self._table_rows("obstacles", self.obstacles, errors)):
            try:
                obstacles.append(Obstacle(height=row[0], distance=row[1], azimuth=row[2], width=row[3]))
            except FleetValueError as exc:
                errors.setdefault("obstacles", self.tr("row %1, %2: %3").replace("%1", str(i + 1))
                                  .replace("%2", exc.field).replace("%3", reason_text(exc.reason)))
        site = None
        if not errors and loc is not None and roof is not None:
            try:
                site = SiteSurvey(name=self._text("name"), latitude=loc.latitude, longitude=loc.longitude,
                                  altitude=loc.altitude, tz=loc.tz, roofs=(roof,), horizon=tuple(horizon),
                                  obstacles=tuple(obstacles),
                                  horizon_source=self._horizon_source if horizon else "")
            except FleetValueError as exc:
                errors[self.error_key(exc.field)] = reason_text(exc.reason)
            except ValueError as exc:  # HorizonError
                errors["horizon"] = str(exc)
        self.show_errors(errors)
        if errors:
            raise SurveyFormError(errors)
        return SurveyInputs(site, ghi, floor, loc)

    def _show_ghi_source(self, ghi) -> None:
        if ghi is None:
            self.ghi_source.clear()
        elif ghi.source == "climate":
            self.ghi_source.setText(self.tr("Climate table: %1 (%2 km away)").replace("%1", ghi.city).replace(
                "%2", QLocale().toString(ghi.distance_km, "f", 0)))
        elif ghi.source == "pack":
            self.ghi_source.setText(pack_text(ghi))
        elif ghi.source == "typed":
            self.ghi_source.setText(self.tr("Typed values (no climate-table city within reach)"))
        else:
            self.ghi_source.setText(self.tr("Documented default: 0.62 × clear sky (no city within reach, nothing "
                                            "typed) – rough"))

    def _roof(self, errors):
        pitched = self.widgets["roof_type"].currentData() == "pitched"
        n_before = len(errors)
        if self.widgets["shape"].currentData() == "rectangle":
            length, width = self._number("length", errors), self._number("width", errors)
            outline = None
        else:
            outline = self._table_rows("vertices", self.vertices, errors)
            if not errors.get("vertices") and len(outline) < 3:
                errors["vertices"] = self.tr("needs at least 3 vertices")
        kw = dict(roof_type="pitched" if pitched else "flat",
                  surface_tilt=self._number("pitch", errors) if pitched else 0.0,
                  surface_azimuth=self._number("azimuth", errors), height=self._number("height", errors),
                  setback=self._number("setback", errors),
                  allowed_load=self._number("allowed_load", errors, optional=True),
                  racking_mass=self._number("racking_mass", errors, optional=True),
                  module=self.module_key, orientation=self.widgets["orientation"].currentData(),
                  modules_high=self.widgets["modules_high"].value())
        if not pitched:
            kw["module_tilt"] = self._number("tilt", errors)
            kw["row_rule"] = self.widgets["spacing"].currentData()
            if kw["row_rule"] == "gcr":
                kw["gcr"] = self._number("gcr", errors)
        keepouts = []
        for i, row in enumerate(self._table_rows("keepouts", self.keepouts, errors)):
            try:
                keepouts.append(KeepOut(x=row[0], y=row[1], length=row[2], width=row[3], clearance=row[4]))
            except FleetValueError as exc:
                errors.setdefault("keepouts", self.tr("row %1, %2: %3").replace("%1", str(i + 1))
                                  .replace("%2", exc.field).replace("%3", reason_text(exc.reason)))
        if len(errors) > n_before:
            return None
        try:
            if outline is None:
                return RoofSurvey.rectangle(self._text("roof_name"), length, width, keepouts=tuple(keepouts), **kw)
            return RoofSurvey(name=self._text("roof_name"), outline=tuple(outline), keepouts=tuple(keepouts), **kw)
        except FleetValueError as exc:
            errors[self.error_key(exc.field)] = reason_text(exc.reason)
            return None

    # -- writing --
    def set_site(self, site, floor_area: Optional[float] = None) -> None:
        """Fill the form from a :class:`~solarfleet.models.survey.site.SiteSurvey` (its first roof)."""
        loc = QLocale()

        def num(v):
            return "" if v is None else loc.toString(float(v), "g", 8)
        self.blockSignals(True)
        try:
            w = self.widgets
            w["name"].setText(site.name)
            w["coordinates"].setText(format_coordinates(site.latitude, site.longitude))
            tz, alt, _ = _located(round(site.latitude, 5), round(site.longitude, 5))
            w["tz"].setText("" if site.tz == tz else site.tz)
            w["altitude"].setText("" if abs(site.altitude - alt) < 1e-6 else num(site.altitude))
            w["floor_area"].setText(num(floor_area))
            if site.roofs:
                r = site.roofs[0]
                w["roof_name"].setText(r.name)
                xs = sorted({p[0] for p in r.outline})
                ys = sorted({p[1] for p in r.outline})
                is_rect = len(r.outline) == 4 and len(xs) == 2 and len(ys) == 2 and xs[0] == 0 and ys[0] == 0
                w["shape"].setCurrentIndex(0 if is_rect else 1)
                if is_rect:
                    w["length"].setText(num(xs[1]))
                    w["width"].setText(num(ys[1]))
                self.vertices.set_rows([] if is_rect else r.outline)
                w["roof_type"].setCurrentIndex(1 if r.roof_type == "pitched" else 0)
                w["pitch"].setText(num(r.surface_tilt))
                w["azimuth"].setText(num(r.surface_azimuth))
                w["height"].setText(num(r.height))
                w["setback"].setText(num(r.setback))
                self.keepouts.set_rows([(k.x, k.y, k.length, k.width, k.clearance) for k in r.keepouts])
                w["allowed_load"].setText(num(r.allowed_load))
                w["racking_mass"].setText(num(r.racking_mass))
                if r.module:
                    self.module_key = r.module
                    self.module_label.setText(r.module)
                w["orientation"].setCurrentIndex(0 if r.orientation == "portrait" else 1)
                w["modules_high"].setValue(r.modules_high)
                w["tilt"].setText(num(r.module_tilt if r.module_tilt is not None else 10))
                self._select_spacing(r.row_rule or ("gcr" if r.gcr is not None else default_row_rule(site.tz)))
                self._spacing_chosen = True
                if r.gcr is not None:
                    w["gcr"].setText(num(r.gcr))
            self.horizon.set_rows(site.horizon)
            self._horizon_source = site.horizon_source
            self.obstacles.set_rows([(o.height, o.distance, o.azimuth, o.width) for o in site.obstacles])
        finally:
            self.blockSignals(False)
        self._shape_changed()
        self._roof_type_changed()
        self.changed.emit()
