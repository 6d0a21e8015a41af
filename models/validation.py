"""Field validation shared by the fleet model, the energy parameters and the site survey.

Each ``check_*`` function takes the field's name (or dotted path) and the value given, and
returns the value as the model stores it (a ``float``, an ``int``, stripped text, a tuple), or
raises :class:`FleetValueError` naming the field and the refused value. The frozen dataclasses
call them in ``__post_init__`` and store the result with :func:`set_field`.

Every error carries a stable ``code`` and its ``params`` besides the English reason, so a
widget can word it in the user's language (:func:`solarfleet.models.glossary.error_message`;
the catalog is ``resources/i18n/errors.csv``).

The site survey raises :class:`SurveyValueError`, a :class:`FleetValueError` of its own:
:func:`survey_checked` runs a validator and turns its error into one, :func:`survey_items`
validates a list field of survey objects.
"""
from __future__ import annotations

import math

__all__ = ["FleetValueError", "SurveyValueError", "check_number", "check_integer", "check_name", "check_choice",
           "check_list", "check_unique_names", "set_field", "as_survey_error", "survey_checked", "survey_items"]


class FleetValueError(ValueError):
    """A field of a fleet object holds a value it may not.

    Parameters
    ----------
    field : str
        Dotted path of the field, e.g. ``"surface_tilt"`` or ``"roofs[0].arrays[1].pdc0"``.
    value : object
        The refused value.
    reason : str
        Why it is refused, in plain words (English).
    code : str, optional
        Stable error code (a row of ``resources/i18n/errors.csv``); found from ``reason`` when
        not given.
    params : dict, optional
        The code's arguments as text, e.g. ``{"lo": "0", "hi": "90"}``; found with the code.
    """

    def __init__(self, field: str, value, reason: str, code: str = None, params: dict = None):
        from solarfleet.models.glossary import classify_reason
        self.field = field
        self.value = value
        self.reason = reason
        if code is None:
            code, found = classify_reason(reason)
            params = found if params is None else params
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{field}: {reason} (got {value!r})")

    def __reduce__(self):
        # rebuilt from its fields, so the error survives a trip through pickle (e.g. from a Dask worker)
        return type(self), (self.field, self.value, self.reason, self.code, self.params)

    def within(self, prefix: str) -> "FleetValueError":
        """Return the same error with ``prefix`` put in front of the field path."""
        joined = f"{prefix}.{self.field}" if self.field and not self.field.startswith("[") else f"{prefix}{self.field}"
        return FleetValueError(joined, self.value, self.reason, self.code, self.params)


class SurveyValueError(FleetValueError):
    """A survey field holds a value it may not (field path, value, reason)."""


# --- validators ----------------------------------------------------------------------------------

def check_number(name: str, value, lo=None, hi=None, *, lo_open=False, hi_open=False, allow_none=False):
    """A finite number within bounds, as a float.

    Parameters
    ----------
    name : str
        Field name, for the error.
    value : object
        An ``int`` or ``float`` (not a ``bool``); ``None`` only with ``allow_none``.
    lo, hi : float, optional
        Bounds, inclusive unless ``lo_open`` / ``hi_open``.
    allow_none : bool
        Accept ``None`` (and return it).

    Returns
    -------
    float or None

    Raises
    ------
    FleetValueError
        ``value`` is missing, not a number, not finite or out of bounds.
    """
    if value is None:
        if allow_none:
            return None
        raise FleetValueError(name, value, "is required")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FleetValueError(name, value, "must be a number")
    value = float(value)
    if not math.isfinite(value):
        raise FleetValueError(name, value, "must be a finite number")
    if lo is not None and (value < lo or (lo_open and value == lo)):
        raise FleetValueError(name, value, _range_text(lo, hi, lo_open, hi_open))
    if hi is not None and (value > hi or (hi_open and value == hi)):
        raise FleetValueError(name, value, _range_text(lo, hi, lo_open, hi_open))
    return value


def _fmt(x: float) -> str:
    return f"{x:.10g}" if abs(x) < 1e5 else f"{x:,.0f}"


def _range_text(lo, hi, lo_open, hi_open) -> str:
    if lo is not None and hi is not None:
        return f"must be between {_fmt(lo)} and {_fmt(hi)}" + (" (exclusive)" if lo_open or hi_open else "")
    if lo is not None:
        return f"must be greater than {_fmt(lo)}" if lo_open else f"must be at least {_fmt(lo)}"
    return f"must be less than {_fmt(hi)}" if hi_open else f"must be at most {_fmt(hi)}"


def check_integer(name: str, value, lo: int, allow_none=False):
    """A whole number of at least ``lo``, as an int.

    Parameters
    ----------
    name : str
        Field name, for the error.
    value : object
        An ``int`` (not a ``bool``) or a ``float`` with no fraction; ``None`` only with ``allow_none``.
    lo : int
        Smallest allowed value.

    Returns
    -------
    int or None

    Raises
    ------
    FleetValueError
        ``value`` is not a whole number or is below ``lo``.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise FleetValueError(name, value, "must be a whole number")
    if value < lo:
        raise FleetValueError(name, value, f"must be at least {lo}")
    return value


def check_name(name: str, value) -> str:
    """A display name: text of 1–200 characters without control characters, stripped.

    Raises
    ------
    FleetValueError
        ``value`` is not text, is blank, too long or holds a control character.
    """
    if not isinstance(value, str):
        raise FleetValueError(name, value, "must be text")
    stripped = value.strip()
    if not stripped:
        raise FleetValueError(name, value, "must not be empty")
    if len(stripped) > 200:
        raise FleetValueError(name, value, "must be at most 200 characters")
    if any(ord(c) < 32 for c in stripped):
        raise FleetValueError(name, value, "must not contain control characters")
    return stripped


def check_choice(name: str, value, choices) -> str:
    """``value`` itself, if it is one of ``choices`` (a sequence of str).

    Raises
    ------
    FleetValueError
        ``value`` is not one of ``choices``; the message lists them.
    """
    if value not in choices:
        raise FleetValueError(name, value, "must be one of " + ", ".join(choices))
    return value


def check_list(field: str, value) -> tuple:
    """The members of a list field as a tuple.

    Raises
    ------
    FleetValueError
        ``value`` is text, a dict or not iterable.
    """
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise FleetValueError(field, value, "must be a list")
    return tuple(value)


def check_unique_names(kind: str, items) -> None:
    """Refuse two items of the list field ``kind`` (e.g. ``"roofs"``) whose names differ only in case.

    Raises
    ------
    FleetValueError
        Naming ``kind[i].name`` of the second item.
    """
    seen = set()
    for i, item in enumerate(items):
        key = item.name.casefold()
        if key in seen:
            raise FleetValueError(f"{kind}[{i}].name", item.name, f"duplicate {kind[:-1]} name")
        seen.add(key)


def set_field(obj, name: str, value) -> None:
    """Store a validated value on a frozen dataclass (from its ``__post_init__``)."""
    object.__setattr__(obj, name, value)


# --- the survey's errors -------------------------------------------------------------------------

def as_survey_error(exc: FleetValueError, prefix: str = "") -> SurveyValueError:
    """``exc`` as a :class:`SurveyValueError`, its field path under ``prefix`` if given."""
    e = exc.within(prefix) if prefix else exc
    return SurveyValueError(e.field, e.value, e.reason, e.code, e.params)


def survey_checked(validate, *args, **kwargs):
    """``validate(*args, **kwargs)``, raising :class:`SurveyValueError` where it raises :class:`FleetValueError`."""
    try:
        return validate(*args, **kwargs)
    except SurveyValueError:
        raise
    except FleetValueError as exc:
        raise as_survey_error(exc) from None


def survey_items(field: str, value, cls) -> tuple:
    """``value`` as a tuple of ``cls``; dicts are built into ``cls``.

    Raises
    ------
    SurveyValueError
        ``value`` is not a list, an item cannot be built, or is not a ``cls``; the field path
        names ``field[i]``.
    """
    out = []
    for i, item in enumerate(survey_checked(check_list, field, value)):
        if isinstance(item, dict):
            try:
                item = cls(**item)
            except TypeError as exc:
                raise SurveyValueError(f"{field}[{i}]", item, str(exc)) from None
            except FleetValueError as exc:
                raise as_survey_error(exc, f"{field}[{i}]") from None
        if not isinstance(item, cls):
            article = "an" if cls.__name__[0] in "AEIOU" else "a"
            raise SurveyValueError(f"{field}[{i}]", item, f"must be {article} {cls.__name__}",
                                   "wrong_type_an" if article == "an" else "wrong_type", {"type": cls.__name__})
        out.append(item)
    return tuple(out)
