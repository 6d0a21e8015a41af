"""Carbon targets, the emission trajectory against them, and what-if changes to a park's PV and battery.

A target (:class:`CarbonTarget`) follows China's "3060" shape: emissions peak no later than
``peak_year``, fall ``reduction_pct`` below the peak-year level by ``target_year`` and reach zero in
``neutrality_year``. Its path (:func:`target_path`) is the allowed annual Scope 2 [kg CO₂]:

- before ``peak_year``: no cap (NaN) — the target only asks that emissions stop rising by then;
- ``peak_year`` → ``target_year``: linear from the peak-year level ``E_p`` to ``E_p × (1 − reduction_pct/100)``;
- ``target_year`` → ``neutrality_year``: linear down to 0; after it, 0.

``E_p`` is the trajectory's own (projected) location-based Scope 2 of the peak year, unless given: a
what-if is drawn against the target of the fleet as it is (pass the base's ``peak_level_kg``), so that
adding PV does not move the goal.

The trajectory (:func:`trajectory`) projects a ledger year forward: consumption stays as in the
data year, PV output falls by each park's capacity-weighted degradation [%/yr], and the PV that
is lost is bought from the grid instead; each year uses the grid factor of its data year or the
nearest published one (said so in ``factor_note``). Years in the ledger are ``"ledger"``, later
years ``"projected"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from solarfleet.models.energy.carbon import MARKET_REGION

__all__ = ["CarbonTarget", "TargetError", "target_path", "trajectory", "what_if", "WhatIf", "peak_level", "scaled_park"]


class TargetError(ValueError):
    """A target whose years or reduction do not make sense."""


@dataclass(frozen=True)
class CarbonTarget:
    """A fleet's or a park's emission target.

    Attributes
    ----------
    park : str or None
        The park, or None for the fleet.
    peak_year : int
        Emissions peak no later than this year.
    reduction_pct : float
        Reduction below the peak-year emissions by ``target_year`` [%], in [0, 100].
    target_year : int
    neutrality_year : int
        Scope 2 reaches zero (with green power and certificates) in this year.
    """

    park: Optional[str]
    peak_year: int
    reduction_pct: float
    target_year: int
    neutrality_year: int

    def __post_init__(self):
        for name in ("peak_year", "target_year", "neutrality_year"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or not 2000 <= v <= 2100:
                raise TargetError(f"{name}: a year from 2000 to 2100 is needed (got {v!r})")
        if not (0.0 <= float(self.reduction_pct) <= 100.0):
            raise TargetError(f"reduction_pct: must be from 0 to 100 % (got {self.reduction_pct!r})")
        if not self.peak_year <= self.target_year <= self.neutrality_year:
            raise TargetError(f"years must satisfy peak_year ≤ target_year ≤ neutrality_year (got "
                              f"{self.peak_year}, {self.target_year}, {self.neutrality_year})")

    def to_dict(self) -> dict:
        return {"park": self.park, "peak_year": self.peak_year, "reduction_pct": float(self.reduction_pct),
                "target_year": self.target_year, "neutrality_year": self.neutrality_year}


def target_path(target: CarbonTarget, years, peak_level_kg: float) -> pd.Series:
    """Allowed annual Scope 2 [kg CO₂] of ``years`` under ``target`` (module docstring), NaN before the peak year.

    Parameters
    ----------
    target : CarbonTarget
    years : iterable of int
    peak_level_kg : float
        Emissions of the peak year [kg CO₂].
    """
    y = np.asarray(list(years), dtype=float)
    goal = peak_level_kg * (1.0 - float(target.reduction_pct) / 100.0)
    p, t, n = target.peak_year, target.target_year, target.neutrality_year
    down = np.interp(y, [p, t], [peak_level_kg, goal]) if t > p else np.full_like(y, goal)
    tail = np.interp(y, [t, n], [goal, 0.0]) if n > t else np.zeros_like(y)
    out = np.where(y <= t, down, tail)
    out = np.where(y < p, np.nan, out)
    if t == p:
        out = np.where(y == p, goal, out)
    return pd.Series(out, index=pd.Index(list(years), name="year"), name="target_kg")


def _park_degradation(park) -> float:
    """Capacity-weighted PV degradation of a park [1/yr] (0 without arrays)."""
    pairs = [(a.dc_capacity, a.degradation) for _, a in park.iter_arrays()]
    cap = sum(c for c, _ in pairs)
    return sum(c * d for c, d in pairs) / cap / 100.0 if cap > 0 else 0.0


def _park_projection(ledger, name: str, base_year: int, years: list) -> pd.DataFrame:
    """One park's annual figures: the ledger's years as they are, later years projected from ``base_year``."""
    from solarfleet.models.energy.ledger import month_factor
    inp = ledger.inputs
    park = inp.parks[name]
    ann = ledger.annual(name)
    base = ann.loc[base_year]
    d = _park_degradation(park)
    rows = []
    for y in years:
        if y in ann.index:
            a = ann.loc[y]
            rows.append({"year": y, "kind": "ledger", "import_wh": a["import_wh"], "pv_wh": a["pv_wh"],
                         "scope2_location_kg": a["scope2_location_kg"], "scope2_market_kg": a["scope2_market_kg"],
                         "certificates_issued": a["certificates_issued"], "factor_note": ""})
            continue
        keep = (1.0 - d) ** (y - base_year)
        pv = base["pv_wh"] * keep
        imp = base["import_wh"] + base["self_consumed_wh"] * (1.0 - keep)
        issued = np.floor(pv / 1e6)
        instruments = base["contracted_wh"] + min(base["certificates_retained"], issued) * 1e6
        f, _, note = month_factor(inp.factors, park.grid_region, y)
        fm, _, note_m = month_factor(inp.factors, MARKET_REGION, y)
        rows.append({"year": y, "kind": "projected", "import_wh": imp, "pv_wh": pv,
                     "scope2_location_kg": imp / 1000.0 * f, "scope2_market_kg": max(imp - instruments, 0.0) / 1000.0
                     * fm, "certificates_issued": issued, "factor_note": "; ".join(n for n in (note, note_m) if n)})
    return pd.DataFrame(rows).set_index("year")


def trajectory(ledger, park: Optional[str] = None, target: Optional[CarbonTarget] = None,
               until: Optional[int] = None, peak_level_kg: Optional[float] = None) -> pd.DataFrame:
    """Annual Scope 2 of a park (or the fleet) from the ledger's first year to ``until``, with the target path.

    The base of the projection is the last ledger year with twelve months. Fleet figures are the
    parks' sums (each park projected with its own grid factor and degradation).

    Parameters
    ----------
    ledger : CarbonLedger
    park : str, optional
        None for the fleet.
    target : CarbonTarget, optional
    until : int, optional
        Last year (default: the target's neutrality year, else ten years after the base year).
    peak_level_kg : float, optional
        Peak-year emissions the target path starts from [kg CO₂] (default: this trajectory's own).

    Returns
    -------
    pandas.DataFrame
        Index ``year``; ``kind`` ("ledger" / "projected"), ``import_wh``, ``pv_wh`` [Wh],
        ``scope2_location_kg``, ``scope2_market_kg`` [kg CO₂], ``certificates_issued``,
        ``target_kg`` [kg CO₂] (NaN without a target or before its peak year), ``factor_note``.

    Raises
    ------
    TargetError
        No complete ledger year to project from.
    """
    full = ledger.annual(park)
    complete = full.index[full["months"] >= 12]
    if len(complete) == 0:
        raise TargetError("the ledger has no complete year (12 months) to project from")
    base_year = int(complete.max())
    last = until or (target.neutrality_year if target is not None else base_year + 10)
    years = list(range(int(full.index.min()), max(last, base_year) + 1))
    names = [park] if park is not None else ledger.park_names
    parts = [_park_projection(ledger, n, base_year, years) for n in names]
    sums = sum(p[["import_wh", "pv_wh", "scope2_location_kg", "scope2_market_kg", "certificates_issued"]]
               for p in parts)
    out = sums.copy()
    out.insert(0, "kind", parts[0]["kind"])
    out["factor_note"] = ["; ".join(sorted({p.loc[y, "factor_note"] for p in parts} - {""})) for y in years]
    if target is not None:
        peak = peak_level_kg if peak_level_kg is not None else out["scope2_location_kg"].get(
            target.peak_year, out.loc[base_year, "scope2_location_kg"])
        out["target_kg"] = target_path(target, years, float(peak)).to_numpy()
    else:
        out["target_kg"] = np.nan
    return out


def peak_level(base: pd.DataFrame, target: CarbonTarget) -> float:
    """The peak-year level [kg CO₂] of ``base`` (a :func:`trajectory`) that ``target``'s path starts from."""
    col = base["scope2_location_kg"]
    return float(col.get(target.peak_year, col[base["kind"] == "ledger"].iloc[-1]))


@dataclass
class WhatIf:
    """A ledger with one park's PV capacity and battery changed, and what changed.

    Attributes
    ----------
    ledger : solarfleet.models.energy.ledger.CarbonLedger
        The new ledger (other parks' rows are those of the base ledger).
    park : str
    add_w : float
        PV DC capacity added (negative: removed) [W].
    scale : float
        New PV output / old PV output [-].
    battery : Battery or None
        The park's battery in the what-if.
    before, after : dict
        The park's balance totals (:meth:`BalanceResult.summary`) before and after [Wh, -].
    """

    ledger: object
    park: str
    add_w: float
    scale: float
    battery: object
    before: dict
    after: dict


def what_if(ledger, park: str, add_w: float = 0.0, battery=None) -> WhatIf:
    """Add (or remove) PV capacity and optionally a battery on one park, and recompute the ledger.

    The added capacity is taken to produce like the park's existing arrays: the park's simulated PV
    output is scaled by ``(dc + add_w) / dc``, consumption is the same, and the park is balanced again
    by :func:`solarfleet.models.energy.balance.energy_balance`. Nothing is stored.

    Parameters
    ----------
    ledger : CarbonLedger
    park : str
    add_w : float
        DC capacity to add [W]; negative removes, down to none.
    battery : solarfleet.models.energy.battery.Battery, optional
        The park's battery in the what-if (default: the battery it has).

    Raises
    ------
    TargetError
        Unknown park, a park without PV capacity, or more capacity removed than it has.
    """
    from solarfleet.models.energy.balance import energy_balance
    from solarfleet.models.energy.ledger import with_balance
    inp = ledger.inputs
    if park not in inp.balances:
        raise TargetError(f"no ledger for park {park!r} (have: {', '.join(inp.balances)})")
    dc = inp.parks[park].dc_capacity
    if dc <= 0:
        raise TargetError(f"{park}: the park has no PV capacity to scale; add arrays first")
    scale = (dc + float(add_w)) / dc
    if scale < 0:
        raise TargetError(f"{park}: cannot remove {-add_w / 1000:,.0f} kWp, it has {dc / 1000:,.0f} kWp")
    old = inp.balances[park]
    batt = battery if battery is not None else inp.batteries.get(park)
    new = energy_balance(old.data["pv"] * scale, old.data["load"], old.interval_minutes, batt,
                         inp.tariffs.get(park))
    return WhatIf(ledger=with_balance(ledger, park, new, battery=batt), park=park, add_w=float(add_w), scale=scale,
                  battery=batt, before=old.summary(), after=new.summary())


def scaled_park(park, scale: float):
    """The park with every array's DC capacity multiplied by ``scale`` — the change a what-if previews.

    ``pvwatts`` arrays get ``pdc0 × scale`` (their AC rating follows through the DC/AC ratio); CEC arrays
    get ``strings × scale`` rounded (at least one), and a CEC inverter count is scaled the same way to keep
    the DC/AC ratio. Roofs, orientation and losses stay as they are.

    Returns
    -------
    (Park, float)
        The new park and the DC capacity ratio it really has (rounding of strings) [-].

    Raises
    ------
    TargetError
        ``scale`` ≤ 0 (removing every array is done in the fleet editor) or a park without arrays.
    """
    from dataclasses import replace
    if not scale > 0:
        raise TargetError(f"{park.name}: a what-if that removes all PV is not applied; delete the arrays in the "
                          "fleet editor")
    if park.dc_capacity <= 0:
        raise TargetError(f"{park.name}: the park has no arrays to scale")
    roofs = []
    for roof in park.roofs:
        arrays = []
        for a in roof.arrays:
            if a.dc_model == "pvwatts":
                a = replace(a, pdc0=a.pdc0 * scale)
            else:
                a = replace(a, strings=max(1, round(a.strings * scale)))
            if a.inverter_model != "pvwatts" and a.inverters:
                a = replace(a, inverters=max(1, round(a.inverters * scale)))
            arrays.append(a)
        roofs.append(replace(roof, arrays=tuple(arrays)))
    new = replace(park, roofs=tuple(roofs))
    return new, new.dc_capacity / park.dc_capacity
