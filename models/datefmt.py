"""Numeric dates written day-first or month-first: decide from the data, never guess silently.

``02/01/2023`` is 2 January in Europe and China's Excel exports, 1 February in the USA. pandas reads
it month-first without a word. :func:`normalise_dates` rewrites every ``a/b/yyyy`` (or ``a.b.yyyy``,
``a-b-yyyy``) stamp as ISO ``yyyy-mm-dd`` after deciding the order from the data:

1. a first number above 12 anywhere means day-first, a second number above 12 month-first (both:
   an error);
2. otherwise both readings are dates, and the one whose stamps run forward in fewer distinct steps
   wins (a year of ``dd/mm`` hours read month-first jumps a month every day);
3. if the readings are equally regular (a single day such as ``03/04/2023``), :class:`AmbiguousDates`
   asks the caller to say (``dayfirst=True/False`` or an explicit format).
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

import numpy as np
import pandas as pd

from solarfleet.models.import_question import Choice

__all__ = ["AmbiguousDates", "normalise_dates", "date_order"]

_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(.*)$", re.S)


class AmbiguousDates(ValueError):
    """The stamps read as dates both day-first and month-first; ``position`` is a stamp that shows it.

    ``choices`` holds a :class:`~solarfleet.models.import_question.Choice` for each reading that fits
    (``value`` True for day-first, False for month-first) with a few stamps as each reads them; it is
    empty when neither reading fits.
    """

    def __init__(self, message: str, position: int = 0, choices: Sequence[Choice] = ()):
        self.position = position
        self.choices = tuple(choices)
        super().__init__(message)


def _iso(parts: list, dayfirst: bool) -> list:
    out = []
    for m in parts:
        if m is None:
            out.append(None)
            continue
        a, b, year, rest = m.group(1), m.group(3), m.group(4), m.group(5)
        day, month = (a, b) if dayfirst else (b, a)
        out.append(f"{year}-{int(month):02d}-{int(day):02d}{rest}")
    return out


def _score(texts: list) -> Optional[tuple]:
    """(backward steps, distinct forward steps) of the stamps, or None if any is not a date."""
    values = [t for t in texts if t is not None]
    stamps = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce", format="ISO8601")
    if stamps.isna().any():
        return None
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("UTC").dt.tz_localize(None)
    steps = np.diff(stamps.to_numpy().astype("datetime64[ns]").astype(np.int64))
    return int((steps <= 0).sum()), len(set(steps[steps > 0].tolist()))


def date_order(texts: Sequence[str]) -> Optional[bool]:
    """True for day-first, False for month-first, None when no stamp is a numeric ``a/b/yyyy`` date.

    Raises
    ------
    AmbiguousDates
        Both readings fit the data equally well, or neither does.
    """
    parts = [_NUMERIC_DATE.match(str(t)) if t is not None else None for t in texts]
    hits = [i for i, m in enumerate(parts) if m]
    if not hits:
        return None
    firsts = np.array([int(parts[i].group(1)) for i in hits])
    seconds = np.array([int(parts[i].group(3)) for i in hits])
    if (firsts > 12).any() and (seconds > 12).any():
        i = hits[int(np.flatnonzero(seconds > 12)[0])]
        raise AmbiguousDates(f"stamp {texts[i]!r} has a month above 12 in either order", i)
    if (firsts > 12).any():
        return True
    if (seconds > 12).any():
        return False
    day_score, month_score = _score(_iso(parts, True)), _score(_iso(parts, False))
    if day_score is not None and (month_score is None or day_score < month_score):
        return True
    if month_score is not None and (day_score is None or month_score < day_score):
        return False
    raise AmbiguousDates(f"stamp {texts[hits[0]]!r} reads as a date both day-first and month-first", hits[0],
                         _choices(texts, parts, hits) if day_score is not None else ())


def _choices(texts, parts, hits, n: int = 4) -> tuple:
    """Day-first and month-first choices, each with up to ``n`` distinct stamps that the order changes."""
    telling = [i for i in hits if parts[i].group(1) != parts[i].group(3)] or hits[:1]
    shown, seen = [], set()
    for i in telling:
        key = (parts[i].group(1), parts[i].group(3))
        if key not in seen:
            seen.add(key)
            shown.append(i)
        if len(shown) == n:
            break
    return tuple(Choice(order, tuple((str(texts[i]).strip(), _iso([parts[i]], order)[0].strip()) for i in shown))
                 for order in (True, False))


def normalise_dates(texts: Sequence[str], dayfirst: Optional[bool] = None) -> list:
    """``texts`` with numeric ``a/b/yyyy`` dates rewritten as ISO ``yyyy-mm-dd`` (others unchanged).

    Parameters
    ----------
    texts : sequence of str
        Timestamps as written (None for an empty cell).
    dayfirst : bool, optional
        The order, when the caller knows it; decided by :func:`date_order` when None.
    """
    texts = list(texts)
    order = date_order(texts) if dayfirst is None else bool(dayfirst)
    if order is None:
        return texts
    parts = [_NUMERIC_DATE.match(str(t)) if t is not None else None for t in texts]
    iso = _iso(parts, order)
    return [iso[i] if parts[i] else t for i, t in enumerate(texts)]
