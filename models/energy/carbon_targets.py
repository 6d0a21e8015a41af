"""Carbon targets, the emission trajectory against them, and what-if changes to a park's PV and battery.

A target (:class:`CarbonTarget`) follows China's "3060" shape: emissions peak no later than
``peak_year``, fall ``reduction_pct`` below the peak-year level by ``target_year`` and reach zero in
``neutrality_year``. Its path (:func:`target_path`) is the allowed annual Scope 2 [kg CO₂]:

- before ``peak_year``: no cap (NaN) — the target only asks that emissions stop rising by then;
- ``peak_year`` → ``target_year``: linear from the peak-year level ``E_p`` to ``E_p × (1 − reduction_pct/100)``;
- ``target_year`` → ``neutrality_year``: linear down to 0; after it, 0.

``E_p`` is the trajectory's own (projected) location-based Scope 2 of the peak year.

The trajectory (:func:`trajectory`) projects a ledger year forward: consumption stays as in the
data year, PV output falls by each park's capacity-weighted degradation [%/yr], and the PV that
is lost is bought from the grid instead; each year uses the grid factor of its data year or the
nearest published one (said so in ``factor_note``). Years in the ledger are ``"ledger"``, later
years ``"projected"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["CarbonTarget", "TargetError"]


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
