"""Horizon profiles: typed tables, PVGIS files, obstacles, merging."""
import json
import math

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.survey.horizon import (HorizonError, Obstacle, horizon_elevation_at, horizon_series, merge_horizons, obstacles_to_horizon, read_horizon_table, read_pvgis_horizon)

# PVGIS printhorizon: 48 azimuths every 7.5° from -180 (north) to 180 (north again), 0 = south
PVGIS_A = [-180 + 7.5 * i for i in range(49)]
PVGIS_H = [round(2 + 1.5 * math.cos(math.radians(a)), 1) for a in PVGIS_A]


def pvgis_json(tmp_path):
    doc = {"inputs": {"location": {"latitude": 31.38, "longitude": 121.25, "elevation": 4.0},
                      "horizon_db": "DEM-calculated"},
           "outputs": {"horizon_profile": [{"A": a, "H_hor": h} for a, h in zip(PVGIS_A, PVGIS_H)],
                       "winter_solstice": [{"A_sun(w)": -60.0, "H_sun(w)": 5.0}]},
           "meta": {}}
    p = tmp_path / "horizon.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    return p


def test_pvgis_json_converted_to_pvlib_azimuths(tmp_path):
    data, meta = read_pvgis_horizon(pvgis_json(tmp_path))
    assert meta["format"] == "pvgis-json" and meta["latitude"] == 31.38
    assert len(data) == 48 and data.index.min() == 0.0 and data.index.max() == 352.5  # 360 = 0 dropped
    assert data.loc[180.0] == PVGIS_H[24]   # PVGIS A = 0 (south) → 180
    assert data.loc[90.0] == PVGIS_H[12]    # PVGIS A = -90 (east) → 90
    assert data.loc[0.0] == PVGIS_H[0]      # north


@pytest.mark.parametrize("first", ["A", "A_hor"])
def test_pvgis_csv(tmp_path, first):
    lines = ["Latitude (decimal degrees):\t31.380", "Longitude (decimal degrees):\t121.250", "",
             f"{first}\tH_hor\tA_sun(w)\tH_sun(w)\tA_sun(s)\tH_sun(s)"]
    lines += [f"{a:.1f}\t{h:.1f}\t0.0\t0.0\t0.0\t0.0" for a, h in zip(PVGIS_A, PVGIS_H)]
    lines += ["", "A: Azimuth (0 = S, 90 = W, -90 = E) (degree)", "H_hor: Horizon height (degree)"]
    p = tmp_path / "horizon.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data, meta = read_pvgis_horizon(p)
    assert meta["format"] == "pvgis-csv" and meta["longitude"] == 121.25
    ref, _ = read_pvgis_horizon(pvgis_json(tmp_path))
    pd.testing.assert_series_equal(data, ref)


def test_pvlib_series_saved_as_csv_and_json(tmp_path):
    # what pvlib.iotools.get_pvgis_horizon returns, saved by the user
    s = pd.Series(PVGIS_H[:-1], index=pd.Index([a + 180 for a in PVGIS_A[:-1]], name="horizon_azimuth"),
                  name="horizon_elevation")
    s.to_csv(tmp_path / "h.csv")
    s.to_json(tmp_path / "h.json")
    a, meta_a = read_pvgis_horizon(tmp_path / "h.csv")
    b, meta_b = read_pvgis_horizon(tmp_path / "h.json")
    assert (meta_a["format"], meta_b["format"]) == ("pvlib-series-csv", "pvlib-series-json")
    np.testing.assert_allclose(a.values, s.values)
    np.testing.assert_allclose(b.index.values, s.index.values)


@pytest.mark.parametrize("content, words", [
    ("", "no horizon table"),
    ("{not json", "invalid JSON"),
    ('{"outputs": {"horizon_profile": [{"A": 0}]}}', "not PVGIS horizon JSON"),
    ("A\tH_hor\n0\tx\n", "line 2"),
    ("A\tH_hor\n0\t95\n", "elevation must be between"),
    ("A\tH_hor\n", "empty"),
])
def test_bad_horizon_files(tmp_path, content, words):
    p = tmp_path / "bad.txt"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(HorizonError) as info:
        read_pvgis_horizon(p)
    assert words in str(info.value) and str(p) in str(info.value)


def test_typed_table():
    s = read_horizon_table("# surveyed with an inclinometer\nazimuth, elevation\n90, 5\n180;3\n270\t4.5\n0 2\n")
    assert list(s.index) == [0.0, 90.0, 180.0, 270.0] and list(s.values) == [2.0, 5.0, 3.0, 4.5]
    with pytest.raises(HorizonError, match="line 3"):
        read_horizon_table("azimuth, elevation\n90, 5\n180, 5, 7\n")
    with pytest.raises(HorizonError, match="twice"):
        horizon_series([(0, 1.0), (360, 2.0)])
    with pytest.raises(HorizonError, match="azimuth must be"):
        horizon_series([(400, 1.0)])


def test_interpolation_wraps_round_north():
    s = horizon_series([(10, 4.0), (350, 2.0)])
    assert horizon_elevation_at(s, 0.0) == pytest.approx(3.0)
    assert horizon_elevation_at(s, 180.0) == pytest.approx(3.0)  # linear the long way round: 10 → 350


def test_obstacle_to_horizon_by_hand():
    # a warehouse 10 m above the roof, 20 m away to the south-south-east, 10 m wide:
    # atan(10/20) = 26.565° at its centre, covers ±atan(5/20) = ±14.036°
    o = Obstacle(height=10, distance=20, azimuth=150, width=10)
    s = obstacles_to_horizon([o])
    assert s.loc[150.0] == pytest.approx(math.degrees(math.atan(0.5)))
    edge = 150 + math.degrees(math.atan(0.25))
    assert horizon_elevation_at(s, edge - 1e-6) == pytest.approx(
        math.degrees(math.atan(10 * math.cos(math.radians(edge - 150)) / 20)), abs=1e-3)
    assert horizon_elevation_at(s, edge + 0.01) == 0.0
    assert s.loc[0.0] == 0.0 and s.loc[300.0] == 0.0
    # a narrow mast between grid points is not lost
    mast = obstacles_to_horizon([Obstacle(height=30, distance=50, azimuth=200.4, width=0.5)], step=5.0)
    assert mast.max() == pytest.approx(math.degrees(math.atan(30 / 50)))


def test_obstacle_validation():
    from solarfleet.models.fleet import FleetValueError
    with pytest.raises(FleetValueError, match="distance"):
        Obstacle(height=5, distance=0, azimuth=100, width=3)


def test_merge_takes_the_highest():
    far = horizon_series([(a, 3.0) for a in range(0, 360, 30)])
    near = obstacles_to_horizon([Obstacle(height=10, distance=20, azimuth=150, width=10)])
    m = merge_horizons(far, near)
    assert m.loc[150.0] == pytest.approx(26.565, abs=1e-3)
    assert m.loc[0.0] == 3.0 and m.loc[300.0] == 3.0
    assert m.index.is_monotonic_increasing and m.index.min() >= 0 and m.index.max() < 360
    assert m.name == "elevation" and m.index.name == "azimuth"


def test_site_horizon_profile_feeds_far_shading():
    from solarfleet.models.survey.site import SiteSurvey
    site = SiteSurvey("S", 31.4, 121.25, horizon=[(a, 3.0) for a in range(0, 360, 30)],
                      obstacles=[{"height": 10, "distance": 20, "azimuth": 150, "width": 10}])
    s = site.horizon_profile()
    assert isinstance(s, pd.Series) and s.loc[150.0] == pytest.approx(26.565, abs=1e-3)
    assert SiteSurvey("T", 31.4, 121.25).horizon_profile() is None
