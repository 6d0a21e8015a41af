"""Lifetime energy counters turned into interval energy.

Inverters and meters report a lifetime energy total. What a chart or a balance needs
is the energy of each interval, so consecutive counter values are differenced. Two
events make a counter go backwards:

* **wrap** — an ``acc32`` register rolls over from 2³²−1 to 0. The interval energy is
  ``new + modulus − previous``.
* **reset** — the device was replaced, re-commissioned or its counter cleared. The
  energy produced between the previous reading and the reset is unknown; the counter
  restarted from zero, so the energy since the reset (``new``) is the best lower bound
  and is what is reported, flagged ``"reset"``.

A decrease counts as a wrap only when the counter was near the top of its range and is
now near the bottom (see :func:`counter_delta`); anything else is a reset.
"""
from __future__ import annotations

import math
from typing import Optional

__all__ = ["counter_delta", "CounterTracker", "ACC32_MODULUS"]

#: Range of an unsigned 32-bit accumulator [counts].
ACC32_MODULUS = 2 ** 32


def counter_delta(previous: Optional[float], current: Optional[float], *, modulus: Optional[float] = None,
                  wrap_band: float = 0.1, max_delta: Optional[float] = None) -> tuple[Optional[float], Optional[str]]:
    """Energy between two readings of a lifetime counter.

    Parameters
    ----------
    previous, current : float or None
        Counter values [Wh]; ``None`` means missing.
    modulus : float, optional
        Value at which the counter wraps to zero [Wh] (``2**32 × 10**SF`` for a SunSpec
        ``acc32``); ``None`` for counters that do not wrap (e.g. float32).
    wrap_band : float
        Fraction of ``modulus``: a decrease is a wrap when ``previous`` lay in the top band
        and ``current`` in the bottom band [-].
    max_delta : float, optional
        Largest plausible interval energy [Wh] (rated power × elapsed time); a larger
        increase is reported as missing (``None``, event ``"jump"``) instead of as energy.

    Returns
    -------
    (delta, event) : tuple
        ``delta`` in [Wh] or ``None`` if it cannot be known; ``event`` is ``None``,
        ``"wrap"``, ``"reset"`` or ``"jump"``.
    """
    if previous is None or current is None or math.isnan(previous) or math.isnan(current):
        return None, None
    if current >= previous:
        delta = current - previous
        if max_delta is not None and delta > max_delta:
            return None, "jump"
        return delta, None
    if modulus is not None and previous >= (1 - wrap_band) * modulus and current <= wrap_band * modulus:
        delta = current + modulus - previous
        if max_delta is None or delta <= max_delta:
            return delta, "wrap"
    if max_delta is not None and current > max_delta:
        return None, "reset"
    return current, "reset"


class CounterTracker:
    """Remembers the last value of one counter and differences the next.

    Parameters
    ----------
    max_power : float, optional
        Largest plausible power behind the counter [W]; with the elapsed time it bounds
        an interval's energy (see :func:`counter_delta`).
    """

    def __init__(self, max_power: Optional[float] = None):
        self.max_power = max_power
        self.previous: Optional[float] = None
        self.previous_time = None

    def update(self, value: Optional[float], timestamp, modulus: Optional[float] = None
               ) -> tuple[Optional[float], Optional[str]]:
        """Feed the next counter value [Wh] read at ``timestamp``; returns ``(delta [Wh], event)``.

        A missing value leaves the remembered one in place, so the next good value
        covers the gap.
        """
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None, None
        max_delta = None
        if self.max_power is not None and self.previous_time is not None:
            hours = max((timestamp - self.previous_time).total_seconds(), 0.0) / 3600.0
            max_delta = self.max_power * hours * 1.5 + 1.0  # 50 % margin and 1 Wh for counter resolution
        delta, event = counter_delta(self.previous, value, modulus=modulus, max_delta=max_delta)
        self.previous, self.previous_time = value, timestamp
        return delta, event
