"""P50/P90 statistics and the degradation projection."""
import numpy as np
import pandas as pd
import pytest

from solarfleet.models.studies.exceedance import exceedance, exceedance_table, projection


def test_hand_computed_case():
    e = exceedance([90.0, 100.0, 110.0], probabilities=(50, 90), model_uncertainty=0.0)
    assert e.p[50] == 100.0
    assert e.sigma_iav == pytest.approx(10.0)
    assert e.p[90] == pytest.approx(100.0 - 1.2815516 * 10.0)


def test_model_uncertainty_adds_in_quadrature():
    e = exceedance([95.0, 100.0, 105.0], probabilities=(90,), model_uncertainty=0.05)
    assert e.sigma_total == pytest.approx(np.hypot(5.0, 5.0))


def test_ordering_and_median_on_a_large_ensemble():
    rng = np.random.default_rng(1)
    years = rng.normal(1000.0, 40.0, 500)
    e = exceedance(years, (50, 75, 90, 99), model_uncertainty=0.03)
    assert e.p[99] < e.p[90] < e.p[75] < e.p[50]
    assert e.p[50] == pytest.approx(np.median(years))
    # with no model uncertainty P90 is close to the ensemble's 10th percentile
    e0 = exceedance(years, (90,), 0.0)
    assert e0.p[90] == pytest.approx(np.percentile(years, 10), rel=0.01)


def test_missing_years_and_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="missing"):
        exceedance([1.0, np.nan, 2.0])
    with pytest.raises(ValueError, match="at least 2"):
        exceedance([1.0])
    with pytest.raises(ValueError, match="1–99"):
        exceedance([1.0, 2.0], probabilities=(100,))


def test_table_and_projection():
    df = pd.DataFrame({"annual": [10.0, 12.0, 11.0], "jan": [1.0, 1.2, 0.8]})
    t = exceedance_table(df, (50, 90), 0.0)
    assert list(t.index) == ["annual", "jan"] and (t["P90"] <= t["P50"]).all()
    p = projection({"P50": 1000.0}, degradation=0.5, years=25, start_year=2026)
    assert len(p) == 25 and p.loc[2026, "P50"] == 1000.0
    assert p.loc[2050, "P50"] == pytest.approx(1000.0 * 0.995 ** 24)


def test_ten_year_values_shrink_only_the_weather_part():
    from scipy.stats import norm
    from solarfleet.models.studies.exceedance import HORIZON_YEARS, exceedance
    years = [95.0, 100.0, 105.0, 98.0, 102.0]
    e = exceedance(years, (50, 90), model_uncertainty=0.04, source_uncertainty=0.03)
    s_iav = float(np.std(years, ddof=1))  # hand-computed: median 100, systematic 5 % of 100 = 5
    assert e.sigma_total == pytest.approx(np.hypot(s_iav, 5.0))
    assert e.sigma_total_10y == pytest.approx(np.hypot(s_iav / np.sqrt(HORIZON_YEARS), 5.0))
    assert e.p[90] == pytest.approx(100 - norm.ppf(0.9) * e.sigma_total)
    assert e.p_10y[90] == pytest.approx(100 - norm.ppf(0.9) * e.sigma_total_10y)
    assert e.p[90] < e.p_10y[90] < e.p[50] == e.p_10y[50]


def test_regional_floor_widens_a_narrow_ensemble_and_never_narrows_a_wide_one():
    from solarfleet.models.studies.exceedance import exceedance
    narrow = [99.0, 100.0, 101.0]  # σ 1 %
    e = exceedance(narrow, (50, 90), model_uncertainty=0.0, iav_floor=0.055)
    assert e.sigma_sample == pytest.approx(1.0) and e.sigma_iav == pytest.approx(5.5)
    wide = [80.0, 100.0, 120.0]  # σ 20 %
    assert exceedance(wide, (50, 90), 0.0, iav_floor=0.055).sigma_iav == pytest.approx(20.0)
    with pytest.raises(ValueError, match="source_uncertainty"):
        exceedance(narrow, (50,), source_uncertainty=1.5)


def test_combined_parts_add_their_systematic_parts():
    from solarfleet.models.studies.exceedance import combine_correlated, exceedance
    a = exceedance([90.0, 100.0, 110.0], (50, 90), 0.05, source_uncertainty=0.03)
    b = exceedance([45.0, 50.0, 55.0], (50, 90), 0.05, source_uncertainty=0.08)
    f = combine_correlated([a, b], (50, 90))
    sys_abs = np.hypot(0.05, 0.03) * 100 + np.hypot(0.05, 0.08) * 50
    assert f.sigma_total == pytest.approx(np.hypot(10 + 5, sys_abs))
    assert f.sigma_total_10y == pytest.approx(np.hypot(15 / np.sqrt(10), sys_abs))
    assert f.p_10y[90] > f.p[90]
