"""A validated form for one frozen fleet dataclass (park, roof or array).

Each field is described by a :class:`FieldSpec`. On *Apply* the form parses every field,
builds the new object (so :mod:`solarfleet.models.fleet` validates it) and hands it to ``commit``.
A refused value is marked in red with the reason and nothing is applied.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from solarfleet.models.fleet import FleetValueError
from solarfleet.models.glossary import classify_reason, error_message

__all__ = ["FieldSpec", "FormEditor", "reason_text"]


@dataclass(frozen=True)
class FieldSpec:
    """One form field.

    Parameters
    ----------
    name : str
        Field of the dataclass, dotted for nested ones (``"losses.wiring"``).
    label : str
        Translated label.
    unit : str
        Unit shown after the field.
    kind : {'float', 'optfloat', 'int', 'text', 'choice', 'date', 'floats12', 'key'}
        ``optfloat``: empty means "not set" (None); ``floats12``: twelve monthly numbers; ``key``: a
        catalog key chosen in a picker.
    choices : tuple of (value, label)
    scale : float
        Shown value = stored value × scale (e.g. W shown as kW: 1e-3).
    """

    name: str
    label: str
    unit: str = ""
    kind: str = "float"
    choices: tuple = ()
    scale: float = 1.0
    tooltip: str = ""
    placeholder: str = ""


def reason_text(reason) -> str:
    """The reason of a :class:`FleetValueError` in the user's language, worded by its error code.

    Parameters
    ----------
    reason : FleetValueError or str
        The error (its ``code`` and ``params``), or its English reason (the code is found from it).
        Reasons without a code are shown in English.
    """
    if isinstance(reason, FleetValueError):
        code, params = reason.code, reason.params
    else:
        code, params = classify_reason(reason)
    return error_message(code, params, QLocale().name())


class FormEditor(QWidget):
    """Base class of the park, roof and array editors.

    Subclasses set :attr:`specs` in ``__init__`` (via :meth:`build_form`) and may override
    :meth:`build` and :meth:`field_changed`.

    The fields scroll vertically and wrap (label above field) in a narrow dock; the title, the status and
    the Revert/Apply buttons stay outside the scrolled part, so they are always visible.

    Parameters
    ----------
    title : str
        Translated title shown above the fields.
    parent : QWidget, optional
    commit : callable, optional
        ``commit(new_object)`` writes the validated object; it raises ``FleetValueError`` to refuse it.

    Signals
    -------
    applied(object)
        The validated new object, after ``commit`` accepted it.
    """

    applied = Signal(object)

    def __init__(self, title: str, parent: Optional[QWidget] = None,
                 commit: Optional[Callable[[object], None]] = None):
        super().__init__(parent)
        self.obj = None
        self.commit = commit
        self.specs: list[FieldSpec] = []
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, int] = {}
        self.title = QLabel(f"<b>{title}</b>", self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("editorStatus")
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.clicked.connect(lambda: self.set_object(self.obj))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self._scrolled(self.form), 1)
        lay.addWidget(self.status)
        lay.addLayout(buttons)

    def _scrolled(self, form: QFormLayout) -> QScrollArea:
        """The fields in a vertical scroll area that never scrolls sideways (rows wrap instead)."""
        body = QWidget(self)
        body.setObjectName("formBody")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addStretch(1)
        area = QScrollArea(self)
        area.setObjectName("formScroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(body)
        return area

    # -- building --
    def build_form(self, specs) -> None:
        self.specs = list(specs)
        for spec in self.specs:
            if spec.kind == "choice":
                w = QComboBox(self)
                w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                w.setMinimumContentsLength(8)  # long choices elide; the full text is in the list
                for value, label in spec.choices:
                    w.addItem(label, value)
                w.currentIndexChanged.connect(lambda _=0, s=spec: self.field_changed(s.name))
            else:
                w = QLineEdit(self)
                w.setMinimumWidth(w.fontMetrics().horizontalAdvance("0" * 8))
                w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                w.returnPressed.connect(self.apply)
                if spec.placeholder:
                    w.setPlaceholderText(spec.placeholder)
            w.setObjectName(spec.name)
            if spec.tooltip:
                w.setToolTip(spec.tooltip)
            row = QHBoxLayout()
            row.addWidget(w, 1)
            extra = self.extra_widget(spec)
            if extra is not None:
                row.addWidget(extra)
            unit = QLabel(spec.unit, self)
            unit.setMinimumWidth(unit.fontMetrics().horizontalAdvance("kWp/a"))
            row.addWidget(unit)
            err = QLabel(self)
            err.setObjectName("fieldError")
            err.setStyleSheet("color: #d13438;")
            err.setWordWrap(True)
            err.hide()
            col = QVBoxLayout()
            col.setSpacing(1)
            col.addLayout(row)
            col.addWidget(err)
            self.rows[spec.name] = self.form.rowCount()
            self.form.addRow(spec.label, col)
            self.widgets[spec.name] = w
            self.errors[spec.name] = err

    def extra_widget(self, spec: FieldSpec) -> Optional[QWidget]:
        """A widget beside the field (e.g. a picker button); none by default."""
        return None

    def field_changed(self, name: str) -> None:
        """A choice changed; subclasses show or hide dependent rows."""

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self.rows[name], visible)

    def is_row_visible(self, name: str) -> bool:
        return self.form.isRowVisible(self.rows[name])

    # -- values --
    def set_object(self, obj) -> None:
        """Show ``obj`` in the form (clears marks)."""
        self.obj = obj
        self.clear_errors()
        if obj is None:
            return
        loc = QLocale()
        for spec in self.specs:
            value = self._get(obj, spec.name)
            w = self.widgets[spec.name]
            if spec.kind == "choice":
                w.blockSignals(True)
                w.setCurrentIndex(max(0, w.findData(value)))
                w.blockSignals(False)
            elif value is None:
                w.setText("")
            elif spec.kind in ("float", "optfloat"):
                w.setText(loc.toString(float(value) * spec.scale, "g", 12))
            elif spec.kind == "int":
                w.setText(loc.toString(int(value)))
            elif spec.kind == "floats12":
                w.setText("; ".join(loc.toString(float(v), "g", 6) for v in value))
            elif spec.kind == "date":
                w.setText(value.isoformat())
            else:
                w.setText(str(value))
            if isinstance(w, QLineEdit):
                w.setCursorPosition(0)  # long keys show their start (maker), not their end
                if not spec.tooltip:  # a long name or key cut by a narrow dock reads in full on hover
                    w.setToolTip(w.text())
        for spec in self.specs:
            if spec.kind == "choice":
                self.field_changed(spec.name)

    @staticmethod
    def _get(obj, dotted):
        for part in dotted.split("."):
            obj = getattr(obj, part)
        return obj

    def _parse_number(self, spec: FieldSpec, text: str):
        loc = QLocale()
        value, ok = loc.toDouble(text)
        if not ok:
            try:
                value = float(text)
            except ValueError:
                raise FleetValueError(spec.name, text, "must be a number") from None
        return value / spec.scale

    def values(self) -> dict:
        """Parsed field values by (dotted) name; raises FleetValueError for text that is no number etc."""
        out = {}
        for spec in self.specs:
            if not self.is_row_visible(spec.name):
                out[spec.name] = None
                continue
            w = self.widgets[spec.name]
            if spec.kind == "choice":
                out[spec.name] = w.currentData()
                continue
            text = w.text().strip()
            if spec.kind in ("float", "optfloat"):
                out[spec.name] = None if (not text and spec.kind == "optfloat") else (
                    self._parse_number(spec, text) if text else None)
            elif spec.kind == "int":
                if not text:
                    out[spec.name] = None
                else:
                    v = self._parse_number(spec, text)
                    if not float(v).is_integer():
                        raise FleetValueError(spec.name, text, "must be a whole number")
                    out[spec.name] = int(v)
            elif spec.kind == "floats12":
                parts = [p for p in re.split(r"[;\s]+", text) if p]
                out[spec.name] = tuple(self._parse_number(spec, p) for p in parts)
                if len(parts) != 12:
                    raise FleetValueError(spec.name, text, f"must hold 12 monthly values, not {len(parts)}")
            elif spec.kind == "date":
                if not text:
                    out[spec.name] = None
                else:
                    try:
                        out[spec.name] = _dt.date.fromisoformat(text)
                    except ValueError:
                        raise FleetValueError(spec.name, text, "must be a date as YYYY-MM-DD") from None
            else:
                out[spec.name] = text or None
        return out

    def build(self, values: dict):
        """The new object from ``values``: ``dataclasses.replace`` with nested dotted names."""
        flat, nested = {}, {}
        for k, v in values.items():
            if "." in k:
                head, tail = k.split(".", 1)
                nested.setdefault(head, {})[tail] = v
            else:
                flat[k] = v
        for head, sub in nested.items():
            try:
                flat[head] = dataclasses.replace(getattr(self.obj, head), **sub)
            except FleetValueError as exc:
                raise exc.within(head) from None
        return dataclasses.replace(self.obj, **flat)

    # -- applying --
    def clear_errors(self) -> None:
        for name, err in self.errors.items():
            err.hide()
            self.widgets[name].setStyleSheet("")
        self.status.setText("")

    def mark_error(self, exc: FleetValueError) -> None:
        """Mark the field named by ``exc.field`` with its reason."""
        field = re.sub(r"\[\d+\]$", "", exc.field or "")
        target = field if field in self.widgets else next(
            (n for n in self.widgets if field.startswith(n)), None)
        text = reason_text(exc)
        if target is not None:
            self.errors[target].setText(text)
            self.errors[target].show()
            self.widgets[target].setStyleSheet("border: 1px solid #d13438;")
            label = next(s.label for s in self.specs if s.name == target)
            self.status.setText(self.tr("Not applied: %1 %2").replace("%1", label).replace("%2", text))
        else:
            self.status.setText(self.tr("Not applied: %1").replace("%1", f"{exc.field} {text}"))

    def apply(self) -> bool:
        """Validate and commit the form; True if the change was applied."""
        if not self.editable():
            return False
        self.clear_errors()
        try:
            new = self.new_object()
            if new == self.obj:
                return True
            if self.commit is not None:
                self.commit(new)
        except FleetValueError as exc:
            self.mark_error(exc)
            return False
        self.obj = new
        self.applied.emit(new)
        return True

    def editable(self) -> bool:
        """Whether there is something to apply the form to (an object is shown)."""
        return self.obj is not None

    def new_object(self):
        """The object the form describes now (:class:`FleetValueError` naming the field if it is refused)."""
        return self.build(self.values())
