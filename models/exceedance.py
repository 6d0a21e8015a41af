"""Long-term yield with exceedance probabilities (P50, P75, P90, P99) and a degradation projection.

Method (the one banks' energy-yield assessments use, e.g. NREL/TP-5D00-54488 "P50/P90
analysis for solar energy systems", Dobos, Gilman & Kasberg 2012):

1. Simulate the same system on each available weather year (measured years of the park, or
   an ensemble of synthetic years from different seeds). The annual (or monthly) energies
   ``E_1 … E_n`` give the inter-annual variability ``σ_iav`` (sample standard deviation) and
   the central estimate ``P50`` (the ensemble median).
2. Combine with the model uncertainty ``u_model`` (a fraction of P50, for irradiance data,
   transposition, module and loss assumptions — stated by the user) assuming independent
   normal errors: ``σ = sqrt(σ_iav² + (u_model · P50)²)``.
3. ``P_x = P50 − z_x · σ`` with ``z_x`` the standard normal quantile of ``x`` %
   (``z_90 = 1.2816``, ``z_99 = 2.3263``): the yield exceeded with ``x`` % probability
   in a single year. Values are clipped at zero.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.stats import norm

__all__ = ["Exceedance", "exceedance", "exceedance_table", "projection"]


@dataclass(frozen=True)
class Exceedance:
    """Exceedance statistics of one quantity.

    Attributes
    ----------
    p : dict of int to float
        ``{50: P50, 90: P90, …}`` in the unit of the inputs (e.g. Wh).
    mean, sigma_iav, sigma_total : float
        Ensemble mean, inter-annual and combined standard deviation, same unit.
    n_years : int
        Weather years behind it.
    model_uncertainty : float
        The model uncertainty used [-, fraction of P50].
    """

    p: dict
    mean: float
    sigma_iav: float
    sigma_total: float
    n_years: int
    model_uncertainty: float


def exceedance(values: Iterable[float], probabilities: Sequence[int] = (50, 75, 90, 99),
               model_uncertainty: float = 0.05) -> Exceedance:
    """Exceedance values of one quantity from an ensemble of weather years.

    Parameters
    ----------
    values : iterable of float
        The quantity for each weather year (NaN years are refused, not dropped silently).
    probabilities : sequence of int
        Exceedance probabilities [%], each in 1–99.
    model_uncertainty : float
        Model uncertainty as a fraction of P50 [-], 0–1.

    Raises
    ------
    ValueError
        Fewer than 2 years, a missing value, or a value out of range.
    """
    v = np.asarray(list(values), dtype=float)
    if v.size < 2:
        raise ValueError(f"need at least 2 weather years for exceedance statistics (got {v.size})")
    if np.isnan(v).any():
        raise ValueError(f"{int(np.isnan(v).sum())} weather year(s) have missing results; "
                         "fill the weather gaps or drop those years explicitly")
    if not 0 <= model_uncertainty < 1:
        raise ValueError(f"model_uncertainty must be a fraction between 0 and 1 (got {model_uncertainty})")
    for p in probabilities:
        if not 1 <= p <= 99:
            raise ValueError(f"exceedance probability must be 1–99 % (got {p})")
    p50 = float(np.median(v))
    s_iav = float(np.std(v, ddof=1))
    sigma = float(np.hypot(s_iav, model_uncertainty * p50))
    p = {int(x): max(0.0, p50 - float(norm.ppf(x / 100.0)) * sigma) for x in probabilities}
    return Exceedance(p=dict(sorted(p.items())), mean=float(v.mean()), sigma_iav=s_iav, sigma_total=sigma,
                      n_years=int(v.size), model_uncertainty=model_uncertainty)


def exceedance_table(energy_by_year: pd.DataFrame, probabilities: Sequence[int] = (50, 75, 90, 99),
                     model_uncertainty: float = 0.05) -> pd.DataFrame:
    """Exceedance values for every column of a years × quantities table.

    Parameters
    ----------
    energy_by_year : DataFrame
        One row per weather year, one column per quantity (e.g. ``annual``, ``jan`` … ``dec``,
        or one column per park) [Wh].

    Returns
    -------
    DataFrame
        One row per column of the input; columns ``P50``, ``P75``, …, ``mean``, ``sigma_iav``,
        ``sigma_total``, ``n_years``.
    """
    rows = {}
    for col in energy_by_year.columns:
        e = exceedance(energy_by_year[col], probabilities, model_uncertainty)
        rows[col] = {**{f"P{k}": val for k, val in e.p.items()}, "mean": e.mean, "sigma_iav": e.sigma_iav,
                     "sigma_total": e.sigma_total, "n_years": e.n_years}
    return pd.DataFrame.from_dict(rows, orient="index")


def projection(first_year: dict, degradation: float, years: int = 25, start_year: int = 2025) -> pd.DataFrame:
    """Year-by-year yield over the system's life with linear-compounded degradation.

    Parameters
    ----------
    first_year : dict of str to float
        Year-one values, e.g. ``{"P50": …, "P90": …}`` [Wh].
    degradation : float
        Annual power degradation [%/yr].
    years : int
        Length of the projection [yr].
    start_year : int
        Calendar year of year one.

    Returns
    -------
    DataFrame
        Indexed by calendar year; one column per key of ``first_year`` [same unit], and
        ``factor`` [-], the remaining fraction ``(1 − d)^(y − 1)``.
    """
    if not 0 <= degradation < 100:
        raise ValueError(f"degradation must be 0–100 %/yr (got {degradation})")
    if years < 1:
        raise ValueError(f"years must be at least 1 (got {years})")
    n = np.arange(years)
    factor = (1.0 - degradation / 100.0) ** n
    df = pd.DataFrame({k: v * factor for k, v in first_year.items()}, index=pd.Index(start_year + n, name="year"))
    df["factor"] = factor
    return df
