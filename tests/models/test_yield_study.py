"""Yield studies: P values per array/park/fleet from measured years or a synthetic ensemble."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.studies.exceedance import combine_correlated, blended_degradation, exceedance
from solarfleet.models.fleet import Fleet
from solarfleet.models.studies.yield_study import (PERIODS, YieldStudyError, park_ensemble, weather_members, yield_study)
from solarfleet.models.store import (add_weather, import_fleet, list_yield_studies, load_yield_study,
    save_yield_study)

PARKS = ["Kunshan Asia No.1", "Chengdu Asia No.1 (Xindu)"]


@pytest.fixture(scope="module")
def small_fleet(demo_fleet):
    return Fleet(tuple(demo_fleet.park(n) for n in PARKS))


@pytest.fixture
def store(memory_store, small_fleet):
    import_fleet(memory_store, small_fleet)
    return memory_store


@pytest.fixture(scope="module")
def study_and_ensembles(small_fleet):
    from solarfleet.models.store import open_store
    s = open_store(":memory:")
    import_fleet(s, small_fleet)
    study = yield_study(s, probabilities=(50, 75, 90, 99), model_uncertainty=0.05, n_synthetic=8,
                        start_year=2026)
    ens = {p.name: park_ensemble(s, p, n_synthetic=8, start_year=2026) for p in small_fleet.parks}
    yield s, study, ens
    s.close()


def test_p_values_are_ordered_everywhere(study_and_ensembles):
    _, study, _ = study_and_ensembles
    t = study.table
    assert set(t["period"]) == set(PERIODS)
    assert set(t["level"]) == {"array", "park", "fleet"}
    assert (t["P99"] < t["P90"]).all() and (t["P90"] < t["P75"]).all() and (t["P75"] < t["P50"]).all()
    assert (t["P99"] > 0).all()


def test_p50_is_the_ensemble_median_and_fleet_adds_parks(study_and_ensembles):
    _, study, ens = study_and_ensembles
    for name, e in ens.items():
        assert e.method == "synthetic ensemble" and len(e.members) == 8
        annual = e.annual().sum(axis=1)
        assert study.value(50, "park", name) == pytest.approx(np.median(annual), rel=1e-9)
        # the ensemble really varies between years (perturbed monthly targets), a few per cent
        assert 0.01 < annual.std(ddof=1) / annual.mean() < 0.10
        jan = e.monthly[:, :, 0].sum(axis=1)
        assert study.value(50, "park", name, period="01") == pytest.approx(np.median(jan), rel=1e-9)
        for k, key in enumerate(e.array_keys):
            assert study.value(50, "array", name, key) == pytest.approx(np.median(e.annual()[:, k]), rel=1e-9)
    fleet_p50 = sum(study.value(50, "park", n) for n in ens)
    assert study.value(50) == pytest.approx(fleet_p50, rel=1e-12)
    assert study.value(90) < study.value(50)


def test_projection_degrades_from_the_first_year(study_and_ensembles, small_fleet):
    _, study, _ = study_and_ensembles
    proj = study.projection
    fleet = proj[proj["level"] == "fleet"].set_index("year")
    assert len(fleet) == 25 and fleet.index[0] == 2026
    assert fleet.loc[2026, "P50"] == pytest.approx(study.value(50))
    rates = {a.degradation for p in small_fleet.parks for _, a in p.iter_arrays()}
    if len(rates) == 1:
        d = rates.pop() / 100
        assert fleet.loc[2050, "factor"] == pytest.approx((1 - d) ** 24)
    assert (np.diff(fleet["P90"]) < 0).all()


def test_study_round_trips_through_the_store(study_and_ensembles):
    s, study, _ = study_and_ensembles
    sid = save_yield_study(s, study)
    back = load_yield_study(s, sid)
    pd.testing.assert_frame_equal(back.table, study.table, check_dtype=False, rtol=1e-12)
    assert back.parameters["model_uncertainty"] == 0.05
    assert load_yield_study(s, park_name=PARKS[0]).study_id == sid
    assert list_yield_studies(s)[0]["id"] == sid


def _measured(park, year, scale, seed, hole=None):
    from solarfleet.models.weather.synthetic import synth_typical_year
    data, meta = synth_typical_year(park.latitude, park.longitude, altitude=park.altitude, seed=seed, tz=park.tz,
                                    year=year)
    data = data.copy()
    data[["ghi", "dni", "dhi"]] *= scale
    if hole is not None:
        data.iloc[hole[0]:hole[1], :] = np.nan
    meta = {**meta, "kind": "measured", "year": year, "format": "test", "source": f"test measured {year}"}
    return data, meta


def test_measured_years_replace_the_ensemble_and_bad_years_are_named(store, small_fleet):
    from solarfleet.models.weather.quality import quality_report
    park = small_fleet.parks[0]
    for i, (year, scale) in enumerate([(2019, 0.95), (2021, 1.0), (2022, 1.05)]):
        data, meta = _measured(park, year, scale, seed=40 + i)
        add_weather(store, park.name, data, meta, quality_report(data, meta))
    # a year with two months missing is left out, not counted as zero
    data, meta = _measured(park, 2018, 1.0, seed=50, hole=(24 * 40, 24 * 100))
    add_weather(store, park.name, data, meta, quality_report(data, meta))
    method, members = weather_members(store, park)
    assert method == "measured years" and [m[0] for m in members] == ["2018", "2019", "2021", "2022"]
    ens = park_ensemble(store, park, start_year=2026)
    assert ens.members == ["2019", "2021", "2022"]
    assert ens.excluded and ens.excluded[0][0] == "2018" and "no weather" in ens.excluded[0][1]
    annual = ens.annual().sum(axis=1)
    assert annual[0] < annual[1] < annual[2]
    study = yield_study(store, [park], n_synthetic=4, start_year=2026)
    assert study.parks[park.name]["method"] == "measured years"
    assert study.value(50, "park", park.name) == pytest.approx(annual[1])


def test_bad_arguments_are_refused(store, small_fleet):
    with pytest.raises(YieldStudyError, match="1–99"):
        yield_study(store, probabilities=(50, 100))
    with pytest.raises(YieldStudyError, match="fraction"):
        yield_study(store, model_uncertainty=5)
    with pytest.raises(YieldStudyError, match="at least 2"):
        yield_study(store, n_synthetic=1)


def test_combine_correlated_hand_computed():
    a = exceedance([90.0, 100.0, 110.0], (50, 90), 0.0)
    b = exceedance([45.0, 50.0, 55.0], (50, 90), 0.0)
    c = combine_correlated([a, b], (50, 90))
    assert c.p[50] == 150.0
    assert c.sigma_iav == pytest.approx(15.0)
    assert c.p[90] == pytest.approx(150.0 - 1.2815516 * 15.0)
    with pytest.raises(ValueError, match="different model"):
        combine_correlated([a, exceedance([1.0, 2.0], (50,), 0.1)])


def test_blended_degradation():
    f = blended_degradation([1.0, 3.0], [0.0, 1.0], years=3)
    assert f.tolist() == pytest.approx([1.0, (1 + 3 * 0.99) / 4, (1 + 3 * 0.99 ** 2) / 4])
    with pytest.raises(ValueError):
        blended_degradation([0.0], [0.5])


def test_synthetic_ensemble_is_calibrated_to_the_documented_regional_variability(small_fleet):
    """The synthetic members' annual GHI spreads at least as widely as the region's documented variability,
    and the study states the floor, the weather-source uncertainty and its basis."""
    from solarfleet.models.studies.yield_study import regional_variability, source_uncertainty
    park = small_fleet.parks[0]  # Kunshan: East China grid
    cov, src = regional_variability(park.grid_region)
    assert park.grid_region == "east" and cov >= 0.05 and "Gueymard" in src
    method, members = weather_members(None, park, 8)
    annual_ghi = np.array([d["ghi"].sum() for _, d, _ in members])
    assert annual_ghi.std(ddof=1) / annual_ghi.mean() >= cov * 0.98
    study = yield_study(None, [park], n_synthetic=4, start_year=2026)
    info = study.parks[park.name]
    assert info["source_kind"] == "synthetic" and info["iav_floor"] == cov
    assert info["source_uncertainty"] == source_uncertainty("synthetic")[0]
    row = study.table[(study.table["level"] == "park") & (study.table["period"] == "year")].iloc[0]
    assert row["sigma_iav"] >= cov * row["P50"] * (1 - 1e-12)
    assert row["P90"] < row["P90_10y"] < row["P50"]
    assert "Gueymard" in study.parameters["interannual_source"]
