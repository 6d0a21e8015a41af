"""CO₂ avoided by PV, with China's MEE/NBS grid emission factors.

``CO₂ avoided [kg] = PV energy used on site or exported [kWh] × grid emission factor [kg/kWh]``.

The factors ship in ``resources/emission_factors.json`` (national average and the seven
regional grids, data years 2021–2023, with their source). A park uses the factor of its
``grid_region`` (:data:`solarfleet.models.fleet.GRID_REGIONS`) of the latest data year by default; the
user can pick ``"national"`` or another data year. Data year 2021 has only a national figure.

The table also holds, per data year, the national factor that excludes market-traded green power
(:data:`MARKET_REGION`, the factor of market-based Scope 2) and the source of every value. Factors the
user adds for a newer year (stored in the database, see :mod:`solarfleet.models.store.carbon`) join
the table through :meth:`EmissionFactors.with_user_factors`; they may add a year or a region a
year lacks, never overwrite a shipped value.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping, Optional

from solarfleet.models.fleet import GRID_REGIONS

__all__ = ["EmissionFactors", "emission_factors", "co2_avoided_kg", "park_co2", "fleet_co2", "cumulative_co2",
           "fleet_cumulative_co2", "CarbonError", "MARKET_REGION", "FACTOR_KEYS", "check_user_factor",
           "read_emission_factors"]

#: Key of the national factor excluding market-traded green power (market-based Scope 2).
MARKET_REGION = "national_excl_market_green"
#: Every key a factor may be stored under: the grid regions and :data:`MARKET_REGION`.
FACTOR_KEYS = GRID_REGIONS + (MARKET_REGION,)


class CarbonError(ValueError):
    """No emission factor for the region and year asked for."""


@dataclass(frozen=True)
class EmissionFactors:
    """Grid emission factors [kg CO₂/kWh] by data year and region.

    Attributes
    ----------
    factors : dict
        ``{year (int): {region: factor}}``.
    source : str
        Where the shipped table comes from.
    unit : str
    market : dict
        ``{year: factor}``: the national factor excluding market-traded green power [kg CO₂/kWh].
    value_sources : dict
        ``{(year, key): source}`` for every value, ``key`` a region or :data:`MARKET_REGION`.
    """

    factors: dict
    source: str
    unit: str = "kg CO2/kWh"
    market: dict = field(default_factory=dict)
    value_sources: dict = field(default_factory=dict)

    def source_of(self, key: str, year: int) -> str:
        """The source of the value for ``key`` (region or :data:`MARKET_REGION`) in data ``year``."""
        return self.value_sources.get((year, key), self.source)

    def nearest_market_factor(self, calendar_year: int) -> tuple[float, int]:
        """``(factor, data_year)`` of the market-based factor of the data year closest to ``calendar_year``.

        Raises
        ------
        CarbonError
            No year has the factor.
        """
        if not self.market:
            raise CarbonError("no national factor excluding market-traded green power in the factor table")
        best = min(self.market, key=lambda y: (abs(y - calendar_year), y))
        return self.market[best], best

    def with_user_factors(self, rows) -> "EmissionFactors":
        """A copy with user-added values (dicts with ``data_year``, ``region``, ``factor``, ``source``).

        Raises
        ------
        CarbonError
            A row would overwrite a shipped value with another figure, or names an unknown key.
        """
        factors = {y: dict(r) for y, r in self.factors.items()}
        market, sources = dict(self.market), dict(self.value_sources)
        for row in rows:
            year, key, value = int(row["data_year"]), row["region"], float(row["factor"])
            check_user_factor(self, key, year, value)
            if key == MARKET_REGION:
                market[year] = value
            else:
                factors.setdefault(year, {})[key] = value
            sources[(year, key)] = row["source"]
        return replace(self, factors=factors, market=market, value_sources=sources)

    @property
    def years(self) -> list[int]:
        return sorted(self.factors)

    def factor(self, region: str, year: Optional[int] = None) -> tuple[float, int]:
        """``(factor, data_year)`` for ``region``; ``year=None`` takes the latest year that has the region.

        Raises
        ------
        CarbonError
            Unknown region, or no figure for that region in that year.
        """
        if region not in GRID_REGIONS:
            raise CarbonError(f"unknown grid region {region!r} (use one of {', '.join(GRID_REGIONS)})")
        if year is None:
            have = [y for y in self.years if region in self.factors[y]]
            if not have:
                raise CarbonError(f"no emission factor for region {region!r}")
            year = have[-1]
        if year not in self.factors:
            raise CarbonError(f"no emission factors for data year {year} (have {', '.join(map(str, self.years))})")
        if region not in self.factors[year]:
            raise CarbonError(f"data year {year} has no factor for the {region} grid (it has: "
                              f"{', '.join(sorted(self.factors[year]))})")
        return self.factors[year][region], year

    def nearest_factor(self, region: str, calendar_year: int) -> tuple[float, int]:
        """The factor of the data year closest to ``calendar_year`` that has ``region`` (ties: the earlier)."""
        have = [y for y in self.years if region in self.factors[y]]
        if not have:
            raise CarbonError(f"no emission factor for region {region!r}")
        best = min(have, key=lambda y: (abs(y - calendar_year), y))
        return self.factors[best][region], best


def check_user_factor(table: EmissionFactors, key: str, year: int, value: float) -> None:
    """Refuse a user factor that is not a plausible new value for ``table``.

    Raises
    ------
    CarbonError
        Unknown key, a value outside (0, 2] kg/kWh, or a different figure for a value the table has.
    """
    if key not in FACTOR_KEYS:
        raise CarbonError(f"unknown factor region {key!r} (use one of {', '.join(FACTOR_KEYS)})")
    if not (0.0 < value <= 2.0):
        raise CarbonError(f"factor {value!r} kg CO2/kWh for {key} {year} is outside (0, 2]")
    have = table.market.get(year) if key == MARKET_REGION else table.factors.get(year, {}).get(key)
    if have is not None and have != value:
        raise CarbonError(f"data year {year} already has a {key} factor of {have} kg CO2/kWh; a published "
                          "value is not replaced (add a newer data year instead)")


@lru_cache(maxsize=1)
def emission_factors() -> EmissionFactors:
    """The shipped factor table (``resources/emission_factors.json``), with each value's source."""
    from solarfleet.models.resources import resource_path
    d = json.loads(resource_path("emission_factors.json").read_text(encoding="utf-8"))
    factors = {int(y): {r: float(v) for r, v in regs.items()} for y, regs in d["factors"].items()}
    market = {int(y): float(o[MARKET_REGION]) for y, o in d.get("other_factors", {}).items() if MARKET_REGION in o}
    year_src = {int(y): f"{t} [{d['source']}]" for y, t in d.get("sources", {}).items()}
    sources = {(y, k): year_src.get(y, d["source"]) for y, regs in factors.items() for k in regs}
    sources.update({(y, MARKET_REGION): year_src.get(y, d["source"]) for y in market})
    return EmissionFactors(factors=factors, source=d["source"], unit=d["unit"], market=market,
                           value_sources=sources)


def co2_avoided_kg(energy_wh: float, factor_kg_per_kwh: float) -> float:
    """CO₂ avoided [kg] by ``energy_wh`` [Wh] of PV used or exported at ``factor`` [kg/kWh]."""
    return energy_wh / 1000.0 * factor_kg_per_kwh


def park_co2(grid_region: str, used_or_exported_wh: float, *, region: Optional[str] = None,
             year: Optional[int] = None) -> dict:
    """CO₂ avoided by one park over a period.

    Parameters
    ----------
    grid_region : str
        The park's grid region (the default region).
    used_or_exported_wh : float
        PV energy used on site (directly or via a battery) plus exported [Wh].
    region : str, optional
        Override, e.g. ``"national"``.
    year : int, optional
        Data year of the factor; default the latest that has the region.

    Returns
    -------
    dict
        ``region``, ``data_year``, ``factor`` [kg/kWh], ``energy_kwh``, ``co2_kg``, ``co2_t``.
    """
    reg = region or grid_region
    f, y = emission_factors().factor(reg, year)
    kg = co2_avoided_kg(used_or_exported_wh, f)
    return {"region": reg, "data_year": y, "factor": f, "energy_kwh": used_or_exported_wh / 1000.0,
            "co2_kg": kg, "co2_t": kg / 1000.0}


def fleet_co2(fleet, used_or_exported_wh: Mapping[str, float], *, region: Optional[str] = None,
              year: Optional[int] = None) -> dict:
    """CO₂ avoided per park (each with its own grid factor) and for the fleet.

    Parameters
    ----------
    fleet : solarfleet.models.fleet.Fleet
    used_or_exported_wh : mapping
        Park name → PV energy used on site or exported [Wh]; parks not in it are listed in
        ``no_energy`` (not counted as zero).
    region, year : optional
        Applied to every park, as in :func:`park_co2`.

    Returns
    -------
    dict
        ``parks`` (name → :func:`park_co2` dict), ``total_co2_kg``, ``total_energy_kwh``, ``no_energy``.
    """
    parks, missing = {}, []
    for park in fleet.parks:
        if park.name not in used_or_exported_wh:
            missing.append(park.name)
            continue
        parks[park.name] = park_co2(park.grid_region, float(used_or_exported_wh[park.name]), region=region, year=year)
    return {"parks": parks, "total_co2_kg": sum(p["co2_kg"] for p in parks.values()),
            "total_energy_kwh": sum(p["energy_kwh"] for p in parks.values()), "no_energy": missing}


def fleet_cumulative_co2(fleet, annual_wh: Mapping[str, Mapping[str, float]], until: _dt.date, **kw) -> dict:
    """:func:`cumulative_co2` for every park in ``annual_wh`` (park → {"roof/array": Wh}) and the fleet total."""
    parks = {p.name: cumulative_co2(p, annual_wh[p.name], until, **kw) for p in fleet.parks if p.name in annual_wh}
    return {"parks": parks, "total_co2_kg": sum(v["total_co2_kg"] for v in parks.values()),
            "total_energy_kwh": sum(v["total_energy_kwh"] for v in parks.values()),
            "no_energy": [p.name for p in fleet.parks if p.name not in annual_wh]}


def cumulative_co2(park, annual_wh: Mapping[str, float], until: _dt.date, *, region: Optional[str] = None,
                   year: Optional[int] = None, apply_degradation: bool = True) -> dict:
    """CO₂ avoided by each array since its commissioning date, up to ``until``.

    Each array is assumed to produce ``annual_wh[key]`` in its first year, reduced by its
    ``degradation`` [%/yr] each later year when ``apply_degradation``, spread evenly over the
    days of the year, all of it used on site or exported. Each calendar year uses the factor
    of that data year, or the nearest data year that has the region (2022 for regional grids
    before 2022, 2023 after 2023); pass ``year`` to use one data year throughout.

    Parameters
    ----------
    park : solarfleet.models.fleet.Park
    annual_wh : mapping
        ``"roof/array"`` → first-year AC energy [Wh] (e.g. from a simulation run).
    until : datetime.date
        End date (exclusive).
    region, year : optional
        As in :func:`park_co2`.

    Returns
    -------
    dict
        ``arrays``: ``{key: {"commissioned", "energy_kwh", "co2_kg"}}``; ``total_co2_kg``,
        ``total_energy_kwh``; ``not_commissioned``: arrays without a date (left out, not zero);
        ``no_energy``: arrays missing from ``annual_wh``.
    """
    ef = emission_factors()
    reg = region or park.grid_region
    fixed = ef.factor(reg, year) if year is not None else None
    arrays, skipped, missing = {}, [], []
    for roof, a in park.iter_arrays():
        key = f"{roof.name}/{a.name}"
        if a.commissioned is None:
            skipped.append(key)
            continue
        if key not in annual_wh:
            missing.append(key)
            continue
        e0 = float(annual_wh[key])
        energy = co2 = 0.0
        start = a.commissioned
        k = 0
        while start < until:
            anniv = _add_years(a.commissioned, k + 1)
            end = min(anniv, until)
            deg = (1.0 - a.degradation / 100.0) ** k if apply_degradation else 1.0
            span = (anniv - start).days
            # Split the service year at calendar-year boundaries for the factor of each year.
            cur = start
            while cur < end:
                nxt = min(end, _dt.date(cur.year + 1, 1, 1))
                wh = e0 * deg * (nxt - cur).days / span
                f = fixed[0] if fixed else ef.nearest_factor(reg, cur.year)[0]
                energy += wh
                co2 += co2_avoided_kg(wh, f)
                cur = nxt
            start = anniv
            k += 1
        arrays[key] = {"commissioned": a.commissioned.isoformat(), "energy_kwh": energy / 1000.0, "co2_kg": co2}
    return {"region": reg, "data_year": fixed[1] if fixed else None, "until": until.isoformat(), "arrays": arrays,
            "total_co2_kg": sum(v["co2_kg"] for v in arrays.values()),
            "total_energy_kwh": sum(v["energy_kwh"] for v in arrays.values()),
            "not_commissioned": skipped, "no_energy": missing}


def _add_years(d: _dt.date, n: int) -> _dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def read_emission_factors(path) -> list[dict]:
    """Read published factors to add: a CSV (``data_year,region,factor,source``) or a JSON file.

    The JSON form is ``{"source": "...", "factors": {"2024": {"east": 0.53, ...}}}`` (the shipped
    table's shape), with an optional ``"sources": {"2024": "..."}`` per year.

    Returns
    -------
    list of dict
        ``data_year``, ``region``, ``factor`` [kg CO₂/kWh], ``source``, ``where`` (file and line or key).

    Raises
    ------
    CarbonError
        A malformed file, naming the file, the line (or key) and the field.
    """
    import csv
    from pathlib import Path
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CarbonError(f"{path}: cannot read ({exc})") from None
    if path.suffix.lower() == ".json":
        return _factor_rows_json(path, text)
    rows = []
    reader = csv.DictReader(text.splitlines())
    need = ("data_year", "region", "factor", "source")
    missing = [c for c in need if c not in (reader.fieldnames or [])]
    if missing:
        raise CarbonError(f"{path}, line 1: missing column(s) {', '.join(missing)} (need {', '.join(need)})")
    for n, r in enumerate(reader, start=2):
        rows.append(_factor_row(f"{path}, line {n}", r["data_year"], r["region"], r["factor"], r["source"]))
    return rows


def _factor_rows_json(path, text: str) -> list[dict]:
    try:
        d = json.loads(text)
        years = d["factors"]
    except (ValueError, KeyError, TypeError):
        raise CarbonError(f"{path}: expected JSON with a 'factors' object ({{year: {{region: factor}}}})") from None
    rows = []
    for y, regs in years.items():
        src = (d.get("sources") or {}).get(y) or d.get("source") or ""
        if not isinstance(regs, dict):
            raise CarbonError(f"{path}, factors.{y}: expected {{region: factor}}")
        rows += [_factor_row(f"{path}, factors.{y}.{r}", y, r, v, src) for r, v in regs.items()]
    return rows


def _factor_row(where: str, year, region, factor, source) -> dict:
    try:
        year = int(str(year).strip())
    except ValueError:
        raise CarbonError(f"{where}, field 'data_year': not a year ({year!r})") from None
    try:
        factor = float(str(factor).strip())
    except ValueError:
        raise CarbonError(f"{where}, field 'factor': not a number ({factor!r})") from None
    source = (source or "").strip()
    if not source:
        raise CarbonError(f"{where}, field 'source': the publication is required")
    return {"data_year": year, "region": str(region).strip(), "factor": factor, "source": source, "where": where}
