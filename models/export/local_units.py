"""Figures as Chinese and Japanese reports write them: units, percentages, money, local times, capacity labels.

The report and export code call these helpers so that every table and sentence uses one
convention per language:

* energy in 万kWh (ten thousand kWh) in Chinese reports — a toggle, :attr:`LocalUnits.wan` —
  otherwise MWh;
* annual utilisation hours (年利用小时数, h): annual AC energy over DC capacity, the way Chinese
  operation reports state specific yield — a toggle, :attr:`LocalUnits.utilisation_hours`;
* percentages always as percent with one rule per language (``81.2 %`` in English, ``81.2%``
  in Chinese and Japanese) — never a bare ratio such as 0.812;
* degradation as ``%/年`` (Chinese, Japanese) or ``%/yr``;
* money in 万元（CNY） in Chinese, in 元 or 円 as the tariff's currency says in Japanese, CNY in English;
* dates as 2026年12月5日 in Chinese and Japanese;
* times in the park's local time with the UTC offset written out;
* Japanese capacity names that keep FIT usage intact: 太陽電池容量（DC） and パワコン容量（AC）;
* export sheet names, column headers and loss items in the chosen language
  (:func:`localize_sheets`), or kept in English for machine use.

Labels come from the glossary (:func:`solarfleet.models.glossary.term`). Missing values
(``None``, NaN) are written as :data:`MISSING`, never as 0.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Optional
from zoneinfo import ZoneInfo

import pandas as pd

from solarfleet.models.glossary import LANGUAGES, load_glossary, term

__all__ = ["LocalUnits", "MISSING", "energy_value", "format_energy", "utilisation_hours", "format_hours",
           "format_percent", "format_degradation", "money_value", "format_money", "format_date", "format_local_time", "capacity_labels",
           "loss_item_text", "header_text", "localize_sheets"]

#: How a missing figure is written.
MISSING = "—"


@dataclass(frozen=True)
class LocalUnits:
    """The conventions of one report.

    Parameters
    ----------
    language : {'en', 'zh_CN', 'ja_JP'}
    wan : bool, optional
        Energy in 万kWh; ``None`` (default) means yes for Chinese, no otherwise.
    utilisation_hours : bool, optional
        State specific yield as utilisation hours [h]; ``None`` means yes for Chinese.
    """

    language: str = "en"
    wan: Optional[bool] = None
    utilisation_hours: Optional[bool] = None

    def __post_init__(self):
        if self.language not in ("en", *LANGUAGES):
            raise ValueError(f"language: must be one of en, {', '.join(LANGUAGES)} (got {self.language!r})")

    @property
    def use_wan(self) -> bool:
        """Energy in 万kWh."""
        return self.language == "zh_CN" if self.wan is None else bool(self.wan)

    @property
    def use_hours(self) -> bool:
        """Specific yield as utilisation hours."""
        return self.language == "zh_CN" if self.utilisation_hours is None else bool(self.utilisation_hours)


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _number(x: float, digits: int) -> str:
    return f"{x:,.{digits}f}"


def energy_value(energy: float, units: LocalUnits) -> tuple:
    """Energy ``energy`` [Wh] in the report's unit: ``(value, unit)``, ``unit`` ``"万kWh"`` or ``"MWh"``.

    Missing energy gives ``(None, unit)``.
    """
    unit = term("unit_10k_kwh", "zh_CN") if units.use_wan else "MWh"
    if _missing(energy):
        return None, unit
    return (energy / 1e7, unit) if units.use_wan else (energy / 1e6, unit)


def format_energy(energy: float, units: LocalUnits, digits: int = 2) -> str:
    """Energy [Wh] as text in the report's unit, e.g. ``"1,234.57 万kWh"`` or ``"12,345.68 MWh"``."""
    value, unit = energy_value(energy, units)
    return MISSING if value is None else f"{_number(value, digits)} {unit}"


def utilisation_hours(ac_energy: float, dc_capacity: float) -> Optional[float]:
    """Annual utilisation hours: AC energy [Wh] over DC capacity [W], in hours [h]; ``None`` if either is missing."""
    if _missing(ac_energy) or _missing(dc_capacity) or not dc_capacity > 0:
        return None
    return ac_energy / dc_capacity


def format_hours(ac_energy: float, dc_capacity: float, units: LocalUnits) -> tuple:
    """Specific yield as the report states it: ``(label, text)``.

    Utilisation hours (``"年利用小时数"``, ``"1,085 h"``) when :attr:`LocalUnits.use_hours`,
    else specific yield (``"1,085 kWh/kWp"``) under its glossary label. Numerically equal.
    """
    h = utilisation_hours(ac_energy, dc_capacity)
    if units.use_hours:
        return term("utilisation_hours", units.language), MISSING if h is None else f"{_number(h, 0)} h"
    return term("specific_yield", units.language), MISSING if h is None else f"{_number(h, 0)} kWh/kWp"


def format_percent(fraction: float, units: LocalUnits, digits: int = 1) -> str:
    """A ratio [-] as percent: ``0.812`` → ``"81.2 %"`` (English) or ``"81.2%"`` (Chinese, Japanese)."""
    if _missing(fraction):
        return MISSING
    sep = " " if units.language == "en" else ""
    return f"{_number(fraction * 100.0, digits)}{sep}%"


def format_degradation(rate: float, units: LocalUnits, digits: int = 2) -> str:
    """Yearly degradation [1/yr, as a fraction] as ``"0.50 %/年"`` (Chinese, Japanese) or ``"0.50 %/yr"``."""
    if _missing(rate):
        return MISSING
    return f"{_number(rate * 100.0, digits)} {term('unit_per_year', units.language)}"


#: How Japanese reports name a tariff's currency (the amount is written in full).
_JA_CURRENCY = {"CNY": "元", "JPY": "円"}


def money_value(amount: float, units: LocalUnits, currency: str = "CNY") -> tuple:
    """An amount [``currency``] in the report's unit: ``(value, unit)``.

    Chinese reports write yuan in 万元（CNY） (the amount / 10⁴); Japanese ones write 元 or 円 as the
    tariff's currency says; English keeps the currency code. Other currencies keep their code. A missing
    amount gives ``(None, unit)``.
    """
    if units.language == "zh_CN" and currency == "CNY":
        value, unit = amount / 1e4, term("unit_10k_cny", units.language)
    elif units.language == "ja_JP":
        value, unit = amount, _JA_CURRENCY.get(currency, currency)
    else:
        value, unit = amount, currency
    return (None if _missing(amount) else value), unit


def format_money(amount: float, units: LocalUnits, digits: int = 2, currency: str = "CNY") -> str:
    """An amount [``currency``] as text: ``"12.35 万元（CNY）"`` in Chinese for yuan (``digits`` decimals),
    ``"123,456 元"`` / ``"123,456 円"`` in Japanese, ``"123,456 CNY"`` in English (whole units)."""
    value, unit = money_value(amount, units, currency)
    if value is None:
        return MISSING
    wan = units.language == "zh_CN" and currency == "CNY"
    return f"{_number(value, digits if wan else 0)} {unit}"


def format_date(day, units: LocalUnits) -> str:
    """A calendar date as ``"2026-12-05"`` (English) or ``"2026年12月5日"`` (Chinese, Japanese).

    Parameters
    ----------
    day : datetime.date, pandas.Timestamp or ISO 8601 text
    """
    d = pd.Timestamp(day)
    if units.language == "en":
        return f"{d:%Y-%m-%d}"
    return f"{d.year}年{d.month}月{d.day}日"


def format_local_time(when, tz: str, units: LocalUnits) -> str:
    """An instant in the park's local time with its UTC offset.

    Parameters
    ----------
    when : datetime, pandas.Timestamp or ISO 8601 text
        Time-zone aware (UTC as stored); naive times are refused, since their zone is unknown.
    tz : str
        The park's IANA time zone.

    Returns
    -------
    str
        ``"2026-12-04 23:09 (UTC+08:00)"`` in English, ``"2026年12月4日 23:09（UTC+08:00）"`` in
        Chinese and Japanese.

    Raises
    ------
    ValueError
        ``when`` has no time zone.
    """
    ts = pd.Timestamp(when)
    if ts.tzinfo is None:
        raise ValueError(f"when: a time without a time zone cannot be placed in {tz} (got {when!r})")
    local = ts.tz_convert(ZoneInfo(tz)).to_pydatetime()
    offset = _offset_text(local)
    if units.language == "en":
        return f"{local:%Y-%m-%d %H:%M} ({offset})"
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}（{offset}）"


def _offset_text(local: datetime) -> str:
    minutes = int(local.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def capacity_labels(units: LocalUnits) -> dict:
    """``{"dc": label, "ac": label}`` for DC and AC capacity (太陽電池容量（DC） / パワコン容量（AC） in Japanese)."""
    return {"dc": term("dc_capacity", units.language), "ac": term("ac_capacity", units.language)}


#: Loss-waterfall codes whose glossary key differs from the code.
_LOSS_KEYS = {"aoi": "iam", "inverter": "inverter_loss", "degradation": "degradation_loss", "system": "system_loss"}
#: Column quantities named by a key figure of the glossary rather than a ``col_*`` row.
_KPI_COLUMNS = ("dc_capacity", "specific_yield", "performance_ratio", "capacity_factor", "co2_avoided")
#: ``[entity ]quantity [unit]``: how export headers are written.
_HEADER = re.compile(r"^(?:(?P<entity>.+) )?(?P<quantity>[A-Za-z_]\w*) \[(?P<unit>[^\]]+)\]$")


def loss_item_text(code: str, units: LocalUnits) -> str:
    """The loss-waterfall step ``code`` under the glossary's name (the code itself if the glossary lacks it)."""
    key = _LOSS_KEYS.get(code, code)
    entry = load_glossary().get(key)
    return entry.text(units.language) if entry is not None and entry.kind == "loss" else code


def _quantity_text(name: str, language: str) -> str:
    g = load_glossary()
    key = name if name in _KPI_COLUMNS else f"col_{name}"
    return g[key].text(language) if key in g else name


def header_text(header: str, units: LocalUnits) -> str:
    """An export header in the report's language: ``"Xi'an ac_energy [kWh]"`` → ``"Xi'an 交流发电量 [kWh]"``.

    Entity names, units and unknown quantities are kept as they are.
    """
    m = _HEADER.match(str(header))
    if m is None:
        return _quantity_text(str(header), units.language)
    entity = f"{m['entity']} " if m["entity"] else ""
    return f"{entity}{_quantity_text(m['quantity'], units.language)} [{m['unit']}]"


def localize_sheets(sheets: dict, units: LocalUnits, english_headers: bool = False) -> dict:
    """Export sheets with their names, column headers, index names and loss items in the report's language.

    Parameters
    ----------
    sheets : dict of str to pandas.DataFrame
        As :meth:`solarfleet.models.export.tables.ExportTables.sheets` gives them.
    english_headers : bool
        Keep the English names (for machine use): ``sheets`` is returned as given.

    Returns
    -------
    dict of str to pandas.DataFrame
        New frames; the values are not changed.
    """
    if english_headers or units.language == "en":
        return dict(sheets)
    out = {}
    for name, df in sheets.items():
        frame = df.rename(columns=lambda c: header_text(c, units))
        if name == "losses":
            frame = frame.rename(index=lambda c: loss_item_text(c, units))
        names = [None if n is None else header_text(n, units) for n in frame.index.names]
        frame.index = frame.index.set_names(names if frame.index.nlevels > 1 else names[0])
        out[_quantity_text_sheet(name, units.language)] = frame
    return out


def _quantity_text_sheet(name: str, language: str) -> str:
    entry = load_glossary().get(f"sheet_{name}")
    return entry.text(language) if entry is not None else name
