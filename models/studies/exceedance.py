"""Long-term yield with exceedance probabilities (P50, P75, P90, P99), one-year and ten-year, and a projection.

Method (the one banks' energy-yield assessments use, e.g. NREL/TP-5D00-54488 "P50/P90
analysis for solar energy systems", Dobos, Gilman & Kasberg 2012, and PVsyst's P50/P90 page):

1. Simulate the same system on each available weather year (measured years of the park, or
   an ensemble of synthetic years from different seeds). The annual (or monthly) energies
   ``E_1 … E_n`` give the sample inter-annual variability ``σ_sample`` (sample standard deviation)
   and the central estimate ``P50`` (the ensemble median).
2. The inter-annual σ used is ``σ_iav = max(σ_sample, c_floor · P50)``: ``c_floor`` is a documented
   inter-annual variability of the region (0 when the ensemble is long enough to trust on its own), so
   a handful of years never makes the result narrower than the climate is.
3. Combine with the systematic uncertainties, each a fraction of P50 — the model ``u_model`` (transposition,
   module and loss assumptions; stated by the user) and the weather source ``u_source`` (the bias of the
   long-term mean of the irradiation data) — assuming independent normal errors:
   one year ``σ_1 = sqrt(σ_iav² + (u_model² + u_source²) · P50²)``;
   ten years ``σ_10 = sqrt(σ_iav² / 10 + (u_model² + u_source²) · P50²)`` (the mean of ten independent
   years: the weather averages out, the systematic part does not).
4. ``P_x = P50 − z_x · σ`` with ``z_x`` the standard normal quantile of ``x`` %
   (``z_90 = 1.2816``, ``z_99 = 2.3263``): the yield exceeded with ``x`` % probability
   in a single year (``σ_1``) or on average over ten years (``σ_10``). Values are clipped at zero.

Sums of parts (a fleet of parks, :func:`combine_correlated`): the P50 of the sum is the sum of
the parts' P50s; the inter-annual deviations are added as if fully correlated
(``σ_iav = Σ σ_iav,i``, an upper bound: neighbouring parks see the same weather anomalies and
independent synthetic seeds cannot tell how strongly), and so are the systematic parts
(``Σ sqrt(u_model² + u_source,i²) · P50_i``): one model, and weather sources that share their biases.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.stats import norm

__all__ = ["Exceedance", "HORIZON_YEARS", "exceedance", "exceedance_table", "projection", "combine_correlated",
           "blended_degradation"]


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
    source_uncertainty : float
        The weather-source uncertainty used [-, fraction of P50].
    sigma_sample : float
        The ensemble's own sample standard deviation, before the regional floor.
    sigma_total_10y : float
        Combined standard deviation of a ten-year mean.
    p_10y : dict of int to float
        Ten-year exceedance values, same keys and unit as ``p``.
    """

    p: dict
    mean: float
    sigma_iav: float
    sigma_total: float
    n_years: int
    model_uncertainty: float
    source_uncertainty: float = 0.0
    sigma_sample: float = float("nan")
    sigma_total_10y: float = float("nan")
    p_10y: dict = None

#: Years averaged by the long-term exceedance values.
HORIZON_YEARS = 10


def _p_values(p50: float, sigma: float, probabilities) -> dict:
    return {int(x): max(0.0, p50 - float(norm.ppf(x / 100.0)) * sigma) for x in sorted(probabilities)}


def exceedance(values: Iterable[float], probabilities: Sequence[int] = (50, 75, 90, 99),
               model_uncertainty: float = 0.05, source_uncertainty: float = 0.0,
               iav_floor: float = 0.0) -> Exceedance:
    """Exceedance values of one quantity from an ensemble of weather years.

    Parameters
    ----------
    values : iterable of float
        The quantity for each weather year (NaN years are refused, not dropped silently).
    probabilities : sequence of int
        Exceedance probabilities [%], each in 1–99.
    model_uncertainty : float
        Model uncertainty as a fraction of P50 [-], 0–1.
    source_uncertainty : float
        Weather-source uncertainty as a fraction of P50 [-], 0–1.
    iav_floor : float
        Smallest inter-annual variability accepted, as a fraction of P50 [-] (see the module docstring).

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
    for name, u in (("model_uncertainty", model_uncertainty), ("source_uncertainty", source_uncertainty),
                    ("iav_floor", iav_floor)):
        if not 0 <= u < 1:
            raise ValueError(f"{name} must be a fraction between 0 and 1 (got {u})")
    for p in probabilities:
        if not 1 <= p <= 99:
            raise ValueError(f"exceedance probability must be 1–99 % (got {p})")
    p50 = float(np.median(v))
    sample = float(np.std(v, ddof=1))
    s_iav = max(sample, iav_floor * abs(p50))
    s_sys = float(np.hypot(model_uncertainty, source_uncertainty)) * p50
    sigma, sigma_10 = float(np.hypot(s_iav, s_sys)), float(np.hypot(s_iav / np.sqrt(HORIZON_YEARS), s_sys))
    return Exceedance(p=_p_values(p50, sigma, probabilities), mean=float(v.mean()), sigma_iav=s_iav,
                      sigma_total=sigma, n_years=int(v.size), model_uncertainty=model_uncertainty,
                      source_uncertainty=source_uncertainty, sigma_sample=sample, sigma_total_10y=sigma_10,
                      p_10y=_p_values(p50, sigma_10, probabilities))


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


def combine_correlated(parts: Sequence[Exceedance], probabilities: Sequence[int] = (50, 75, 90, 99)) -> Exceedance:
    """Exceedance values of the sum of several quantities (e.g. a fleet's parks).

    See the module docstring: P50s add, inter-annual deviations add linearly (fully correlated,
    conservative) and so do the systematic (model and weather-source) parts.

    Parameters
    ----------
    parts : sequence of Exceedance
        Each part's statistics; all must share one ``model_uncertainty``.
    probabilities : sequence of int
        Exceedance probabilities [%].

    Raises
    ------
    ValueError
        No parts, or parts with different model uncertainties.
    """
    parts = list(parts)
    if not parts:
        raise ValueError("nothing to combine: no parts")
    u = {e.model_uncertainty for e in parts}
    if len(u) != 1:
        raise ValueError(f"parts have different model uncertainties {sorted(u)}; combine like with like")
    u_model = u.pop()
    for x in probabilities:
        if not 1 <= x <= 99:
            raise ValueError(f"exceedance probability must be 1–99 % (got {x})")
    missing = [i for i, e in enumerate(parts) if 50 not in e.p]
    if missing:
        raise ValueError(f"part(s) {missing} have no P50; compute them with 50 among the probabilities")
    p50 = float(sum(e.p[50] for e in parts))
    s_iav = float(sum(e.sigma_iav for e in parts))
    s_sys = float(sum(np.hypot(u_model, e.source_uncertainty) * e.p[50] for e in parts))
    u_source = float(np.sqrt(max(0.0, (s_sys / p50) ** 2 - u_model ** 2))) if p50 > 0 else 0.0
    sigma, sigma_10 = float(np.hypot(s_iav, s_sys)), float(np.hypot(s_iav / np.sqrt(HORIZON_YEARS), s_sys))
    return Exceedance(p=_p_values(p50, sigma, probabilities),
                      mean=float(sum(e.mean for e in parts)), sigma_iav=s_iav, sigma_total=sigma,
                      n_years=min(e.n_years for e in parts), model_uncertainty=u_model,
                      source_uncertainty=u_source, sigma_sample=float(sum(e.sigma_sample for e in parts)),
                      sigma_total_10y=sigma_10, p_10y=_p_values(p50, sigma_10, probabilities))


def blended_degradation(weights: Sequence[float], degradations: Sequence[float], years: int = 25) -> np.ndarray:
    """Year-by-year remaining fraction of a sum of parts that degrade at different rates.

    ``factor(y) = Σ w_i (1 − d_i)^(y−1) / Σ w_i`` — e.g. a park whose arrays have their own
    degradation, weighted by each array's year-one energy.

    Parameters
    ----------
    weights : sequence of float
        Year-one energy of each part [Wh] (any non-negative weights, not all zero).
    degradations : sequence of float
        Annual degradation of each part [%/yr].
    years : int
        Length [yr].

    Returns
    -------
    numpy.ndarray
        ``years`` factors [-], the first 1.
    """
    w = np.asarray(weights, dtype=float)
    d = np.asarray(degradations, dtype=float)
    if w.shape != d.shape or w.size == 0:
        raise ValueError("weights and degradations must be equally long and not empty")
    if np.any(~np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("weights must be finite, non-negative and not all zero")
    if np.any((d < 0) | (d >= 100)):
        raise ValueError(f"degradation must be 0–100 %/yr (got {d.tolist()})")
    if years < 1:
        raise ValueError(f"years must be at least 1 (got {years})")
    n = np.arange(years)[:, None]
    return ((1.0 - d[None, :] / 100.0) ** n * w[None, :]).sum(axis=1) / w.sum()
