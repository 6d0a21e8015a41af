"""The production alarm: actual PV below a fraction of the expected for a while.

Rule (:class:`AlarmRule`): while the model expects at least ``min_expected`` watts, an
alarm is raised when ``actual / expected < fraction`` has held for ``duration_s``
seconds, and cleared by the first sample back above the fraction (or by night,
``expected < min_expected``).

Clouds: where an irradiance sensor exists, a sample whose measured irradiance is below
``cloud_fraction`` × the irradiance the model expected is *excluded* — it neither
extends nor breaks a low run, so a passing cloud never raises an alarm, while a fault
that persists through the cloud still does. Without a sensor every sample counts.

:class:`AlarmMonitor` is the streaming state machine (one sample at a time, for live
use); :func:`find_alarms` runs it over whole Series (history, tests). Both are pure: the
caller stores the alarms (:func:`solarfleet.models.store.add_live_alarm`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

import pandas as pd

__all__ = ["AlarmRule", "Alarm", "AlarmMonitor", "find_alarms"]


@dataclass(frozen=True)
class AlarmRule:
    """When actual PV counts as too low.

    Attributes
    ----------
    fraction : float
        Alarm below ``actual / expected < fraction`` [-] (0 < fraction ≤ 1.5).
    duration_s : float
        How long the ratio must stay low before the alarm [s].
    min_expected : float
        Samples with lower expected power are not judged (night, dawn) [W].
    cloud_fraction : float
        With a sensor: irradiance below this share of the expected irradiance marks a cloud [-].
    """

    fraction: float = 0.7
    duration_s: float = 900.0
    min_expected: float = 1000.0
    cloud_fraction: float = 0.8

    def __post_init__(self):
        if not 0 < self.fraction <= 1.5:
            raise ValueError(f"fraction must be within (0, 1.5] (got {self.fraction})")
        if not self.duration_s >= 0:
            raise ValueError(f"duration_s must be ≥ 0 s (got {self.duration_s})")
        if not self.min_expected >= 0:
            raise ValueError(f"min_expected must be ≥ 0 W (got {self.min_expected})")
        if not 0 < self.cloud_fraction <= 1:
            raise ValueError(f"cloud_fraction must be within (0, 1] (got {self.cloud_fraction})")


@dataclass
class Alarm:
    """One low-production episode. ``end`` is ``None`` while it lasts."""

    start: pd.Timestamp
    raised: pd.Timestamp
    end: Optional[pd.Timestamp]
    min_ratio: float
    mean_ratio: float
    fraction: float
    duration_s: float
    kind: str = "low_yield"
    message: str = ""
    _ratios: list = field(default_factory=list, repr=False)


class AlarmMonitor:
    """Streaming evaluation of an :class:`AlarmRule`.

    ``update`` returns ``("raised", alarm)``, ``("cleared", alarm)`` or ``None``.
    """

    def __init__(self, rule: AlarmRule = AlarmRule()):
        self.rule = rule
        self.run_start: Optional[pd.Timestamp] = None
        self._run_ratios: list[float] = []
        self.open: Optional[Alarm] = None

    def update(self, timestamp, actual: Optional[float], expected: Optional[float],
               irradiance: Optional[float] = None, expected_irradiance: Optional[float] = None):
        ts = pd.Timestamp(timestamp)
        if ts.tzinfo is None:
            raise ValueError(f"timestamp must be tz-aware (got {timestamp!r})")
        if _missing(expected) or expected < max(self.rule.min_expected, 1e-9):
            return self._clear(ts)  # night: not judged; ends a run and an alarm
        if _missing(actual):
            return None  # missing data neither raises nor clears
        if not _missing(irradiance) and not _missing(expected_irradiance) and expected_irradiance > 0 \
                and irradiance < self.rule.cloud_fraction * expected_irradiance:
            return None  # a cloud: excluded
        ratio = actual / expected
        if ratio >= self.rule.fraction:
            return self._clear(ts)
        if self.run_start is None:
            self.run_start = ts
            self._run_ratios = []
        self._run_ratios.append(ratio)
        if self.open is not None:
            self.open._ratios.append(ratio)
            self.open.min_ratio = min(self.open.min_ratio, ratio)
            self.open.mean_ratio = sum(self.open._ratios) / len(self.open._ratios)
            return None
        if (ts - self.run_start).total_seconds() >= self.rule.duration_s:
            r = self._run_ratios
            self.open = Alarm(start=self.run_start, raised=ts, end=None, min_ratio=min(r),
                              mean_ratio=sum(r) / len(r), fraction=self.rule.fraction,
                              duration_s=self.rule.duration_s,
                              message=f"actual below {self.rule.fraction:.0%} of expected for "
                                      f"{self.rule.duration_s / 60:.0f} min", _ratios=list(r))
            return ("raised", self.open)
        return None

    def _clear(self, ts):
        self.run_start = None
        self._run_ratios = []
        if self.open is not None:
            alarm, self.open = self.open, None
            alarm.end = ts
            return ("cleared", alarm)
        return None


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def find_alarms(actual: pd.Series, expected: pd.Series, rule: AlarmRule = AlarmRule(),
                irradiance: Optional[pd.Series] = None,
                expected_irradiance: Optional[pd.Series] = None) -> list[Alarm]:
    """Every alarm episode in a history.

    Parameters
    ----------
    actual, expected : pandas.Series
        PV power [W]; ``expected`` is reindexed onto ``actual``'s tz-aware index.
    rule : AlarmRule
    irradiance, expected_irradiance : pandas.Series, optional
        Measured and modelled irradiance [W/m²] for cloud exclusion.

    Returns
    -------
    list of Alarm
        In time order; the last one has ``end=None`` if it was still open.
    """
    idx = actual.index
    exp = expected.reindex(idx)
    irr = irradiance.reindex(idx) if irradiance is not None else None
    eirr = expected_irradiance.reindex(idx) if expected_irradiance is not None else None
    mon = AlarmMonitor(rule)
    found: list[Alarm] = []
    for i, ts in enumerate(idx):
        ev = mon.update(ts, float(actual.iloc[i]), float(exp.iloc[i]),
                        None if irr is None else float(irr.iloc[i]),
                        None if eirr is None else float(eirr.iloc[i]))
        if ev is not None and ev[0] == "raised":
            found.append(ev[1])
    return found
