"""Time-of-use electricity tariffs: import prices by period and season, an export price, bills.

A :class:`Tariff` names a price for each period (``valley``, ``flat``, ``peak``,
``critical_peak``) [currency/kWh] and, per season (a set of months), the period of each local
hour of the day. Chinese provincial TOU tariffs for industrial and commercial users follow
this shape (NDRC notice 发改价格〔2021〕1093号 "on further improving the time-of-use pricing
mechanism": peak/valley ratio of at least 3:1 or 4:1, critical-peak at least 20 % above peak,
seasonal critical-peak hours). Real prices differ by province, voltage level and month; the
shipped ``resources/tariffs/example_cn_commercial_tou.json`` is an EXAMPLE to edit, not a
published tariff.

Capacity/demand charges and taxes are not modelled.
"""
from __future__ import annotations

import json
import math
from solarfleet.models.tznames import is_iana_zone
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.battery import PERIOD_CODES

__all__ = ["Tariff", "TariffError", "PERIODS", "read_tariff", "example_tariff", "bill", "bill_comparison",
           "EXAMPLE_TARIFF_FILE"]

PERIODS = tuple(PERIOD_CODES)  # valley, flat, peak, critical_peak
EXAMPLE_TARIFF_FILE = ("tariffs", "example_cn_commercial_tou.json")


class TariffError(ValueError):
    """A tariff definition is invalid; the message names the field."""


@dataclass(frozen=True)
class Tariff:
    """A time-of-use tariff.

    Parameters
    ----------
    name : str
    currency : str
        e.g. ``"CNY"``.
    prices : dict
        Import price per period [currency/kWh]; keys from :data:`PERIODS` (only those used).
    seasons : tuple of dict
        Each ``{"name": str, "months": [1..12], "hours": [24 period names]}``; hour ``h``
        covers local ``[h:00, h+1:00)``. Every month must belong to exactly one season.
    export_price : float
        Price paid for exported energy [currency/kWh] (0 if export is not paid).
    tz : str
        Local time zone of the hours.
    notes : str
    example : bool
        An illustrative tariff (the shipped example), not the park's contract: every figure computed
        with it is to be labelled "example".
    """

    name: str
    currency: str
    prices: dict
    seasons: tuple
    export_price: float = 0.0
    tz: str = "Asia/Shanghai"
    notes: str = ""
    example: bool = False

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise TariffError("name: must be non-empty text")
        if not isinstance(self.prices, dict) or not self.prices:
            raise TariffError("prices: must map periods to prices")
        for k, v in self.prices.items():
            if k not in PERIODS:
                raise TariffError(f"prices.{k}: unknown period (use {', '.join(PERIODS)})")
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
                raise TariffError(f"prices.{k}: must be a non-negative number (got {v!r})")
        ex = self.export_price
        if isinstance(ex, bool) or not isinstance(ex, (int, float)) or not math.isfinite(ex) or ex < 0:
            raise TariffError(f"export_price: must be a non-negative number (got {ex!r})")
        if not isinstance(self.currency, str) or not self.currency.strip():
            raise TariffError(f"currency: must be non-empty text such as 'CNY' (got {self.currency!r})")
        if not isinstance(self.tz, str) or not self.tz:
            raise TariffError(f"tz: must be an IANA time-zone name such as 'Asia/Shanghai' (got {self.tz!r})")
        if not is_iana_zone(self.tz):
            raise TariffError(f"tz: {self.tz!r} is not a known IANA time zone such as 'Asia/Shanghai'")
        if not isinstance(self.notes, str):
            raise TariffError(f"notes: must be text (got {type(self.notes).__name__})")
        if not isinstance(self.example, bool):
            raise TariffError(f"example: must be true or false (got {self.example!r})")
        seen: dict[int, str] = {}
        if isinstance(self.seasons, (str, bytes, dict)) or not hasattr(self.seasons, "__iter__"):
            raise TariffError(f"seasons: must be a list of seasons (got {type(self.seasons).__name__})")
        seasons = tuple(self.seasons)
        if not seasons:
            raise TariffError("seasons: at least one season is needed")
        for i, s in enumerate(seasons):
            where = f"seasons[{i}]"
            if not isinstance(s, dict):
                raise TariffError(f"{where}: must be an object with months and hours")
            months, hours = s.get("months"), s.get("hours")
            if not isinstance(months, (list, tuple)) or not months:
                raise TariffError(f"{where}.months: must list months 1–12")
            for m in months:
                if isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12:
                    raise TariffError(f"{where}.months: {m!r} is not a month 1–12")
                if m in seen:
                    raise TariffError(f"{where}.months: month {m} is already in season {seen[m]!r}")
                seen[m] = s.get("name", str(i))
            if not isinstance(hours, (list, tuple)) or len(hours) != 24:
                raise TariffError(f"{where}.hours: must list 24 periods, one per hour from 00:00")
            for h, p in enumerate(hours):
                if p not in self.prices:
                    raise TariffError(f"{where}.hours[{h}]: period {p!r} has no price in prices")
        missing = sorted(set(range(1, 13)) - set(seen))
        if missing:
            raise TariffError(f"seasons: months {missing} belong to no season")
        object.__setattr__(self, "seasons", seasons)
        object.__setattr__(self, "export_price", float(ex))
        object.__setattr__(self, "prices", {k: float(v) for k, v in self.prices.items()})

    # -- tables --
    def _month_hour_codes(self) -> np.ndarray:
        """Period code for (month 1–12, hour 0–23), shape (13, 24)."""
        table = np.zeros((13, 24), dtype=np.int8)
        for s in self.seasons:
            codes = [PERIOD_CODES[p] for p in s["hours"]]
            for m in s["months"]:
                table[m] = codes
        return table

    def period_codes(self, index: pd.DatetimeIndex) -> np.ndarray:
        """Period code (:data:`solarfleet.models.energy.battery.PERIOD_CODES`) of each interval, by its local start hour."""
        local = pd.DatetimeIndex(index).tz_convert(self.tz)
        return self._month_hour_codes()[local.month.to_numpy(), local.hour.to_numpy()]

    def import_price(self, index: pd.DatetimeIndex) -> pd.Series:
        """Import price of each interval [currency/kWh]."""
        by_code = np.full(len(PERIODS), np.nan)
        for p, v in self.prices.items():
            by_code[PERIOD_CODES[p]] = v
        return pd.Series(by_code[self.period_codes(index)], index=index, name="import_price")

    def to_dict(self) -> dict:
        out = {"name": self.name, "currency": self.currency, "prices": dict(self.prices),
               "seasons": [dict(s) for s in self.seasons], "export_price": self.export_price,
               "tz": self.tz, "notes": self.notes}
        if self.example:
            out["example"] = True
        return out

    @classmethod
    def from_dict(cls, d: dict) -> "Tariff":
        if not isinstance(d, dict):
            raise TariffError("a tariff must be a JSON object")
        known = {"name", "currency", "prices", "seasons", "export_price", "tz", "notes", "example"}
        extra = set(d) - known - {"source", "$comment"}
        if extra:
            raise TariffError(f"{sorted(extra)[0]}: unknown tariff field")
        for req in ("name", "currency", "prices", "seasons"):
            if req not in d:
                raise TariffError(f"{req}: is required")
        return cls(**{k: v for k, v in d.items() if k in known})


def read_tariff(path) -> Tariff:
    """Read a tariff JSON file (the shape of the shipped example); :class:`TariffError` names file and field."""
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TariffError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise TariffError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, or absurd nesting
        raise TariffError(f"{path}: a value is too long or nested too deeply ({str(exc)[:60]})") from None
    try:
        return Tariff.from_dict(d)
    except TariffError as exc:
        raise TariffError(f"{path}: {exc}") from None


def example_tariff() -> Tariff:
    """The shipped example Chinese commercial TOU tariff."""
    from solarfleet.models.resources import resource_path
    return read_tariff(resource_path(*EXAMPLE_TARIFF_FILE))


def bill(tariff: Tariff, grid_import: pd.Series, export: Optional[pd.Series], interval_minutes: int) -> dict:
    """Energy bill for a period.

    Parameters
    ----------
    tariff : Tariff
    grid_import : pandas.Series
        Power drawn from the grid [W], UTC interval-start index.
    export : pandas.Series or None
        Power fed into the grid [W] on the same index.
    interval_minutes : int

    Returns
    -------
    dict
        ``import_cost``, ``export_revenue``, ``net_cost`` (= import_cost − export_revenue),
        in the tariff's currency; ``import_kwh_by_period`` and ``import_cost_by_period``;
        ``missing_intervals`` (NaN intervals are not billed and are counted here).
    """
    h = interval_minutes / 60.0
    imp = grid_import.astype(float)
    missing = int(imp.isna().sum())
    codes = tariff.period_codes(imp.index)
    kwh = imp.to_numpy() * h / 1000.0
    by_period_kwh, by_period_cost = {}, {}
    total = 0.0
    for p, price in tariff.prices.items():
        sel = codes == PERIOD_CODES[p]
        e = float(np.nansum(kwh[sel]))
        by_period_kwh[p] = e
        by_period_cost[p] = e * price
        total += e * price
    revenue = 0.0
    if export is not None:
        missing = max(missing, int(export.isna().sum()))
        revenue = float(np.nansum(export.to_numpy(dtype=float)) * h / 1000.0) * tariff.export_price
    return {"currency": tariff.currency, "import_cost": total, "export_revenue": revenue,
            "net_cost": total - revenue, "import_kwh_by_period": by_period_kwh,
            "import_cost_by_period": by_period_cost, "missing_intervals": missing}


def bill_comparison(tariff: Tariff, result) -> dict:
    """Bills without and with PV (and battery) for one park's balance, and the savings.

    Parameters
    ----------
    tariff : Tariff
    result : solarfleet.models.energy.balance.BalanceResult
        Its ``load`` is billed for "without PV"; its ``grid_import`` and ``export`` for "with PV".
        Intervals with missing data are billed in neither.

    Returns
    -------
    dict
        ``currency``, ``without_pv`` and ``with_pv`` (as :func:`bill`), ``savings``
        (= without_pv.net_cost − with_pv.net_cost) [currency].
    """
    d = result.data
    without = bill(tariff, d["load"], None, result.interval_minutes)
    with_pv = bill(tariff, d["grid_import"], d["export"], result.interval_minutes)
    return {"currency": tariff.currency, "without_pv": without, "with_pv": with_pv,
            "savings": without["net_cost"] - with_pv["net_cost"]}
