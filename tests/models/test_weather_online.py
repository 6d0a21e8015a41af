"""Real years and climate packs from NASA POWER and PVGIS, against a local server on 127.0.0.1 that answers in
each API's documented shape: parsing (checked against pvlib's own NASA POWER client), one weather set per local
year, the cache, timeouts, cancel, offline and refusal messages, packs, and the yield study on the real years."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.fleet import Fleet
from solarfleet.models.store import (import_fleet, list_climate_packs, list_weather,
                                     load_climate_pack, load_weather, weather_info)
from solarfleet.models.weather import WeatherFileError, WeatherNetworkError
from solarfleet.models.weather.http import FetchCancelled
from tests.models.weather_servers import WeatherServer, climatology_value, year_factor

#: A site far from the demo cities (Nanchang, Jiangxi): no climate-table city within reach.
FAR_LAT, FAR_LON = 28.68, 115.89


@pytest.fixture(scope="module")
def server():
    s = WeatherServer()
    yield s
    s.close()


@pytest.fixture
def park_store(memory_store, demo_fleet):
    import_fleet(memory_store, Fleet((demo_fleet.park("Kunshan Asia No.1"),)))
    return memory_store, demo_fleet.park("Kunshan Asia No.1")


def _nasa(server):
    return server.url + "/api/temporal/hourly/point"


def test_nasa_power_hourly_parsing_matches_pvlib(server):
    import pvlib
    from solarfleet.models.weather.nasa_power import get_nasa_power_hourly, parse_nasa_power_hourly
    doc = get_nasa_power_hourly(31.38, 120.98, 2019, url=_nasa(server), timeout=10)
    data, meta = parse_nasa_power_hourly(doc)
    ref, rmeta = pvlib.iotools.get_nasa_power(31.38, 120.98, "2019-01-01", "2019-12-31", url=_nasa(server))
    assert data.index.equals(ref.index) and len(data) == 8760 and str(data.index.tz) == "UTC"
    for c in ("ghi", "dni", "dhi", "temp_air", "wind_speed"):
        np.testing.assert_allclose(data[c].to_numpy(), ref[c].to_numpy(), equal_nan=True, err_msg=c)
    assert np.isnan(data["temp_air"].iloc[100])  # POWER's fill value is missing, never zero
    assert meta["kind"] == "satellite" and "NASA Langley" in meta["licence"] and "not measured" in meta["data_class"]
    assert (meta["latitude"], meta["longitude"]) == (rmeta["latitude"], rmeta["longitude"])


def test_download_years_stores_one_set_per_local_year_and_caches(server, park_store):
    from solarfleet.models.weather.online_years import download_years
    store, park = park_store
    server.requests.clear()
    done = []
    res = download_years(store, park, "nasa_power", range(2018, 2021), url=_nasa(server), timeout=10,
                         progress=lambda i, n: done.append((i, n)))
    assert [r["year"] for r in res] == [2018, 2019, 2020] and all(r["weather_id"] for r in res)
    # local years in UTC+8 need the end of the previous UTC year: 2017–2020, each fetched once
    assert sorted(int(q["start"][:4]) for _, q in server.requests) == [2017, 2018, 2019, 2020]
    assert done[-1] == (4, 4)
    data, meta = load_weather(store, res[1]["weather_id"])
    assert data.index[0] == pd.Timestamp("2018-12-31 16:00", tz="UTC") and len(data) == 8760
    assert meta["year"] == 2019 and meta["utc_offset"] == 8 and "NASA" in meta["licence"]
    assert data["ghi"].notna().all()  # the first local hours came from UTC year 2018
    ratio = data["ghi"].sum() / load_weather(store, res[0]["weather_id"])[0]["ghi"].sum()
    assert ratio == pytest.approx(year_factor(2019) / year_factor(2018), rel=0.01)
    info = weather_info(store, res[0]["weather_id"])
    assert info["name"] == "NASA POWER 2018" and info["kind"] == "satellite" and not info["is_default"]
    server.requests.clear()
    again = download_years(store, park, "nasa_power", [2019, 2020], url=_nasa(server), timeout=10)
    assert server.requests == [] and all(r["weather_id"] is None for r in again)  # cached, not duplicated
    sets = [w for w in list_weather(store, park.name) if w["format"] == "nasa_power_hourly"]
    assert len(sets) == 3
    assert {w["provenance"] for w in sets} == {"imported"}  # a service's satellite data, never "measured"


def test_pvgis_hourly_years(server, park_store):
    from solarfleet.models.weather.online_years import download_years
    store, park = park_store
    res = download_years(store, park, "pvgis", [2019], url=server.url + "/api/seriescalc", timeout=10)
    data, meta = load_weather(store, res[0]["weather_id"])
    assert meta["format"] == "pvgis_hourly" and "European Union" in meta["licence"] and meta["year"] == 2019
    assert len(data) == 8760 and data["ghi"].notna().all()
    assert data["dni"].max() > 500


def test_yield_study_uses_the_downloaded_years(server, park_store):
    from solarfleet.models.studies.yield_study import park_ensemble, weather_members
    from solarfleet.models.weather.online_years import download_years
    store, park = park_store
    download_years(store, park, "nasa_power", [2016, 2017], url=_nasa(server), timeout=10)
    method, members = weather_members(store, park)
    assert method == "satellite years"
    ens = park_ensemble(store, park, start_year=2027)
    assert [w["year"] for w in ens.weather] == [2016, 2017]
    # real years for the spread, but satellite data: the source uncertainty is a satellite's, never a logger's
    assert {w["kind"] for w in ens.weather} == {"satellite"} and ens.source_kind == "satellite"
    from solarfleet.models.studies.yield_study import source_uncertainty
    assert source_uncertainty("satellite")[0] > source_uncertainty("measured")[0]
    annual = ens.annual().sum(axis=1)
    factors = np.array([year_factor(y) for y in (2016, 2017)])
    # the energy spread follows the years' irradiation spread (the inverter clips nothing at these levels)
    np.testing.assert_allclose(annual / annual.mean(), factors / factors.mean(), rtol=0.03)


def test_timeout_offline_refusal_and_cancel_are_clear(server, park_store):
    from solarfleet.models.weather.http import fetch_json
    from solarfleet.models.weather.online_years import download_years
    store, park = park_store
    server.delay = 1.0
    with pytest.raises(WeatherNetworkError, match="did not answer within 0.2 s"):
        fetch_json("NASA POWER", server.url + "/slow/api/temporal/hourly/point",
                   {"latitude": 1, "longitude": 1, "start": "20190101", "end": "20191231"}, timeout=0.2)
    with pytest.raises(WeatherNetworkError, match="cannot be reached .*offline"):
        fetch_json("PVGIS", "http://127.0.0.1:9/api/seriescalc", {}, timeout=2)
    with pytest.raises(WeatherNetworkError, match="HTTP 422.*2 and 10 degrees"):
        fetch_json("NASA POWER", server.url + "/api/temporal/climatology/regional",
                   {"latitude-min": 30, "latitude-max": 45, "longitude-min": 110, "longitude-max": 112,
                    "parameters": "T2M"}, timeout=5)
    before = len(list_weather(store, park.name))
    calls = iter([False, False, True])
    with pytest.raises(FetchCancelled):
        download_years(store, park, "nasa_power", [2012, 2013], url=_nasa(server), timeout=10,
                       cancel=lambda: next(calls, True))
    assert len(list_weather(store, park.name)) == before  # nothing partial stored
    with pytest.raises(WeatherNetworkError, match="cover 2001"):
        download_years(store, park, "nasa_power", [1999], url=_nasa(server))


# --- climate packs ------------------------------------------------------------------------------

@pytest.fixture
def pack_store(server, memory_store):
    from solarfleet.models.weather.climate_pack import prepare_climate_pack
    pid = prepare_climate_pack(memory_store, "Jiangxi test", (26.0, 30.0, 113.0, 118.5),
                               url=server.url + "/api/temporal/climatology/regional", timeout=10)
    return memory_store, pid


def test_pack_is_stored_on_the_grid_in_si_units(pack_store):
    store, pid = pack_store
    info, cells = load_climate_pack(store, pid)
    assert info["source"].startswith("NASA POWER") and "NASA Langley" in info["licence"]
    assert info["region"]["bbox"] == [26.0, 30.0, 113.0, 118.5] and "2001" in info["period"]
    assert len(cells) == 4 * 5  # 1° cells centred on x.5 inside the box
    c = next(c for c in cells if (c["latitude"], c["longitude"]) == (28.5, 115.5))
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    want = [climatology_value("ALLSKY_SFC_SW_DWN", 28.5, 115.5, m + 1) * 1000 * days[m] for m in range(12)]
    np.testing.assert_allclose(c["ghi"], want)  # kWh/m²/day → Wh/m² per month
    assert c["temp_air"][6] == climatology_value("T2M", 28.5, 115.5, 7)


def test_pack_climate_interpolates_between_cells(pack_store):
    from solarfleet.models.weather.climate_pack import pack_climate_at
    store, _ = pack_store
    pc = pack_climate_at(store, FAR_LAT, FAR_LON)
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    truth = np.array([climatology_value("ALLSKY_SFC_SW_DWN", FAR_LAT, FAR_LON, m + 1) for m in range(12)]) * days
    np.testing.assert_allclose(pc.monthly_ghi, truth, rtol=0.01)  # a smooth field: IDW within 1 %
    assert pc.cells == 4 and pc.nearest_km < 80 and pc.uncertainty >= 0.10
    assert "±10 %" in pc.describe() and "Jiangxi test" in pc.describe()
    assert pack_climate_at(store, 45.0, 125.0) is None  # outside every pack


def test_pack_typical_year_and_what_a_site_rests_on(pack_store):
    from solarfleet.models.weather.climate_pack import pack_climate_at, pack_typical_year, site_climate_basis
    from solarfleet.models.weather.quality import monthly_sums
    store, _ = pack_store
    data, meta, pc = pack_typical_year(store, FAR_LAT, FAR_LON, tz="Asia/Shanghai")
    np.testing.assert_allclose(monthly_sums(data, meta).to_numpy() / 1000, pc.monthly_ghi, rtol=0.01)
    assert "climate pack" in meta["sources"]["ghi"] and meta["climate_pack"]["cells"] == 4
    assert site_climate_basis(store, FAR_LAT, FAR_LON)["basis"] == "climate pack"
    assert site_climate_basis(store, 39.79, 116.51)["basis"] == "typical-year file"  # CSWD Beijing wins
    basis = site_climate_basis(store, 45.0, 90.0)
    assert basis["basis"] == "default" and "rough generic value" in basis["text"]
    assert pack_climate_at(store, 39.79, 116.51) is None


def test_pack_file_round_trip_and_damaged_file(pack_store, tmp_path):
    from solarfleet.models.store import open_store
    from solarfleet.models.weather.climate_pack import export_climate_pack, import_climate_pack
    store, pid = pack_store
    path = export_climate_pack(store, pid, tmp_path / "jiangxi.sfclimate")
    with open_store(":memory:") as laptop:
        new = import_climate_pack(laptop, path)
        assert load_climate_pack(laptop, new)[1] == load_climate_pack(store, pid)[1]
        (tmp_path / "bad.sfclimate").write_bytes(path.read_bytes()[:200])
        with pytest.raises(WeatherFileError, match="bad.sfclimate"):
            import_climate_pack(laptop, tmp_path / "bad.sfclimate", name="other")
        assert [p["name"] for p in list_climate_packs(laptop)] == ["Jiangxi test"]
        with pytest.raises(WeatherFileError, match="exists"):
            import_climate_pack(laptop, path)


def test_new_park_and_survey_take_their_year_from_the_pack(pack_store, demo_fleet):
    import dataclasses
    from solarfleet.models.survey.estimate import monthly_ghi_choice
    from solarfleet.models.weather.climate_pack import pack_climate_at
    from solarfleet.models.weather.park_weather import weather_for_park
    store, _ = pack_store
    park = dataclasses.replace(demo_fleet.park("Kunshan Asia No.1"), name="Nanchang test", latitude=FAR_LAT,
                               longitude=FAR_LON)
    import_fleet(store, Fleet((park,)))
    data, meta = weather_for_park(store, park)
    assert meta["climate_pack"]["name"] == "Jiangxi test"
    assert "climate pack" in weather_info(store, meta["weather_id"])["name"]
    choice = monthly_ghi_choice(FAR_LAT, FAR_LON, pack=lambda la, lo: pack_climate_at(store, la, lo))
    assert choice.source == "pack" and choice.uncertainty >= 0.1 and "Jiangxi" in choice.basis
    assert monthly_ghi_choice(31.38, 120.98, pack=lambda la, lo: pack_climate_at(store, la, lo)).source == "climate"


def test_tiles_respect_the_regional_limits():
    from solarfleet.models.weather.climate_pack import PROVINCES, parks_region, region_tiles
    tiles = region_tiles(PROVINCES["Sichuan"])
    assert len(tiles) == 2
    for a, b, c, d in tiles + region_tiles((31.0, 31.5, 121.0, 121.2)):
        assert 2 <= b - a <= 10 and 2 <= d - c <= 10
    with pytest.raises(ValueError):
        region_tiles((31, 30, 120, 121))

    class P:
        latitude, longitude = 31.0, 121.0
    assert parks_region([P()], 1.5) == (29.5, 32.5, 119.5, 122.5)


def test_cli_years_and_packs(server, tmp_path, capsys):
    from solarfleet.app.cli import main
    db, laptop = tmp_path / "office.db", tmp_path / "laptop.db"
    reg = server.url + "/api/temporal/climatology/regional"
    assert main(["--db", str(db), "weather", "years", "Kunshan Asia No.1", "--years", "2019-2020",
                 "--url", _nasa(server), "--timeout", "10"]) == 0
    text = capsys.readouterr().out
    assert "NASA POWER 2019: weather set" in text and "NASA Langley" in text and "not measured" in text
    assert main(["--db", str(db), "weather", "pack", "prepare", "parks", "--bbox", "27,30,114,117", "--url", reg]) == 0
    assert "grid cells" in capsys.readouterr().out
    assert main(["--db", str(db), "weather", "pack", "export", "parks", str(tmp_path / "parks.sfclimate")]) == 0
    assert main(["--db", str(laptop), "weather", "pack", "import", str(tmp_path / "parks.sfclimate")]) == 0
    capsys.readouterr()
    assert main(["--db", str(laptop), "weather", "pack", "at", str(FAR_LAT), str(FAR_LON)]) == 0
    text = capsys.readouterr().out
    assert "rests on: climate pack" in text and "±10 %" in text
    assert main(["--db", str(laptop), "weather", "pack", "at", "39.79", "116.51"]) == 0
    assert "typical-year file" in capsys.readouterr().out
    assert main(["--db", str(laptop), "weather", "years", "Kunshan Asia No.1", "--years", "2019",
                 "--url", "http://127.0.0.1:9/x", "--timeout", "2"]) == 1
    assert "offline" in capsys.readouterr().err


def test_a_weather_file_for_the_park_wins_over_the_pack(pack_store, demo_fleet, tmp_path):
    import dataclasses
    from solarfleet.models.store import add_weather
    from solarfleet.models.weather import read_weather
    from solarfleet.models.weather.park_weather import weather_for_park
    from solarfleet.models.weather.quality import quality_report
    from tests.models import vendor_samples as vs
    store, _ = pack_store
    park = dataclasses.replace(demo_fleet.park("Kunshan Asia No.1"), name="Nanchang file", latitude=FAR_LAT,
                               longitude=FAR_LON)
    import_fleet(store, Fleet((park,)))
    p = tmp_path / "site.dat"
    vs.write_meteonorm_dat(p, vs.reference_year())
    d, m = read_weather(p)
    wid = add_weather(store, park.name, d, m, quality_report(d, m))
    data, meta = weather_for_park(store, park)
    assert meta["weather_id"] == wid and meta["format"] == "meteonorm" and "climate_pack" not in meta


def test_the_report_names_the_real_years(server, park_store):
    from solarfleet.models.export.tables import report_tables
    from solarfleet.models.simulation.engine import simulate_and_store
    from solarfleet.models.store import load_fleet, save_yield_study
    from solarfleet.models.studies.yield_study import yield_study
    from solarfleet.models.weather.online_years import download_years
    from solarfleet.models.weather.park_weather import weather_for_park
    store, park = park_store
    download_years(store, park, "nasa_power", [2014, 2015], url=_nasa(server), timeout=10)
    simulate_and_store(store, load_fleet(store), lambda p: weather_for_park(store, p))
    save_yield_study(store, yield_study(store, start_year=2027))
    value = report_tables(store, park.name, "monthly").assumptions.loc["yield_study.weather_years", "value"]
    assert value == f"{park.name}: 2014, 2015 (NASA POWER hourly (CERES SYN1deg / MERRA-2))"
