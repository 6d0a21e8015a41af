"""Online years pass the same plausibility checks as files: a local server on 127.0.0.1 answers in NASA POWER's
and PVGIS's documented shapes with hostile values (kW/m², negative, non-finite, stamps shifted by a time zone,
missing hours); each is refused with a message naming the service and year, and the database — weather sets
and the response cache — is byte-identical afterwards."""
from __future__ import annotations

import hashlib
import re

import pytest

from solarfleet.models.fleet import Fleet
from solarfleet.models.store import import_fleet, open_store
from solarfleet.models.weather.online_years import OnlineDataRefused, download_years
from tests.models.weather_servers import WeatherServer

SHIFT = 8  # hours: China's local time labelled as UTC


def _scale(param, names, factor):
    for n in names:
        param[n] = {k: (v * factor if v > -900 else v) for k, v in param[n].items()}


def _nasa_kw(doc):
    _scale(doc["properties"]["parameter"], ("ALLSKY_SFC_SW_DWN", "ALLSKY_SFC_SW_DNI", "ALLSKY_SFC_SW_DIFF"), 1e-3)


def _nasa_negative(doc):
    ghi = doc["properties"]["parameter"]["ALLSKY_SFC_SW_DWN"]
    ghi[sorted(ghi)[4000]] = -500.0


def _nasa_infinite(doc):
    ghi = doc["properties"]["parameter"]["ALLSKY_SFC_SW_DWN"]
    ghi[sorted(ghi)[4000]] = float("inf")


def _nasa_shifted(doc):
    """Stamps written in local time (UTC+8) but labelled UTC: every value 8 h late."""
    for name, series in doc["properties"]["parameter"].items():
        keys = sorted(series)
        values = [series[k] for k in keys]
        doc["properties"]["parameter"][name] = dict(zip(keys, values[-SHIFT:] + values[:-SHIFT]))


def _nasa_missing(doc):
    for series in doc["properties"]["parameter"].values():
        for k in sorted(series)[3000:3300]:
            del series[k]


def _pvgis_kw(doc):
    for row in doc["outputs"]["hourly"]:
        row["Gb(i)"], row["Gd(i)"] = row["Gb(i)"] / 1000, row["Gd(i)"] / 1000


def _pvgis_shifted(doc):
    rows = doc["outputs"]["hourly"]
    values = [{k: v for k, v in r.items() if k != "time"} for r in rows]
    values = values[-SHIFT:] + values[:-SHIFT]
    doc["outputs"]["hourly"] = [{"time": r["time"], **v} for r, v in zip(rows, values)]


CASES = [("nasa_power", _nasa_kw, r"kW/m²"), ("nasa_power", _nasa_negative, r"ghi is -500 W/m²"),
         ("nasa_power", _nasa_infinite, r"not a finite number"),
         ("nasa_power", _nasa_shifted, rf"shifted by [+-]{SHIFT} h"),
         ("nasa_power", _nasa_missing, r"local year 2019: 300 of 8760 intervals have no GHI"),
         ("pvgis", _pvgis_kw, r"kW/m²"), ("pvgis", _pvgis_shifted, rf"shifted by [+-]{SHIFT} h")]


class HostileServer(WeatherServer):
    """The test weather server with one change applied to every document it serves."""

    mutate = None

    def route(self, path, q):
        status, doc = super().route(path, q)
        if status == 200 and self.mutate is not None:
            self.mutate(doc)
        return status, doc


@pytest.fixture(scope="module")
def server():
    s = HostileServer()
    yield s
    s.close()


def _dump(store) -> str:
    return hashlib.sha256("\n".join(store.db.conn.iterdump()).encode()).hexdigest()


@pytest.mark.parametrize("source, mutate, message", CASES, ids=[c[1].__name__.strip("_") for c in CASES])
def test_hostile_response_is_refused_and_nothing_is_stored(server, tmp_path, demo_fleet, source, mutate, message):
    park = demo_fleet.park("Kunshan Asia No.1")
    url = server.url + ("/api/temporal/hourly/point" if source == "nasa_power" else "/api/seriescalc")
    with open_store(tmp_path / "h.db") as store:
        import_fleet(store, Fleet((park,)))
        before = _dump(store)
        server.mutate = mutate
        try:
            with pytest.raises(OnlineDataRefused, match=message) as info:
                download_years(store, park, source, [2019], url=url, timeout=20)
        finally:
            server.mutate = None
        text = str(info.value)
        assert "\n" not in text and re.search(r"(NASA POWER|PVGIS) data for (UTC|local) year 201[89]", text), text
        assert _dump(store) == before
        assert download_years(store, park, source, [2019], url=url, timeout=20)[0]["weather_id"]  # sound data pass
