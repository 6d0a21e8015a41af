"""Real multi-year weather for a park from NASA POWER (hourly, 2001 →) or PVGIS (hourly series), one set per year.

:func:`download_years` fetches each UTC calendar year once (cached in the store, so a repeat or an
overlapping range sends nothing), cuts the park's **local standard** calendar years out of them
(a year in UTC+8 starts at 16:00 UTC on 31 December, so year ``y`` needs the end of UTC year
``y − 1``), and stores each local year as its own weather set (kind ``satellite``, provenance
``imported``, ``year`` = the local year, the source, the licence and ``data_class`` saying that it is
satellite/reanalysis data in the metadata) — a real historical year, never labelled measured. The yield study (:mod:`solarfleet.models.studies.yield_study`) then finds two or more
such years and uses their spread instead of the synthetic ensemble.

Nothing is fetched unless a user action calls :func:`download_years`; each request has a timeout and
the ``cancel`` callable is honoured between chunks and between years.

A response passes the same checks as a file (:func:`~solarfleet.models.weather.plausibility.check_weather`:
site, finite values, physical ranges, units against clear sky) and two more: GHI at night (stamps
that are not UTC, :func:`~solarfleet.models.weather.plausibility.check_sun_timing`) and each local
year's gaps (:data:`MAX_MISSING_FRACTION`). A refusal raises :class:`OnlineDataRefused` and leaves the
database as it was: the responses are cached in the same transaction that stores the years.
"""
from __future__ import annotations

import calendar
import json
import tempfile
from pathlib import Path
from typing import Callable, Optional

import pandas as pd

from solarfleet.models.store import add_weather, list_weather, pvgis_cache_get, pvgis_cache_put
from solarfleet.models.weather.convention import WeatherFileError, WeatherNetworkError
from solarfleet.models.weather.http import fetch_json
from solarfleet.models.weather.nasa_power import (FIRST_HOURLY_YEAR, HOURLY_URL, get_nasa_power_hourly,
                                                  parse_nasa_power_hourly)
from solarfleet.models.weather.plausibility import check_gaps, check_sun_timing, check_weather
from solarfleet.models.weather.timezones import fixed_offset_tz

__all__ = ["SOURCES", "PVGIS_SERIES_URL", "PVGIS_ACKNOWLEDGEMENT", "PVGIS_FIRST_YEAR", "MAX_MISSING_FRACTION",
           "OnlineDataRefused", "download_years", "fetch_utc_year", "local_year"]

#: PVGIS hourly-series endpoint (``seriescalc``), as pvlib's ``get_pvgis_hourly`` calls it.
PVGIS_SERIES_URL = "https://re.jrc.ec.europa.eu/api/seriescalc"
#: What PVGIS asks users to state (Commission Decision 2011/833/EU on the reuse of Commission documents).
PVGIS_ACKNOWLEDGEMENT = ("PVGIS © European Union, 2001–2024. Reuse is authorised provided the source is "
                         "acknowledged (Commission Decision 2011/833/EU).")
#: First year of PVGIS's SARAH-3 / ERA5 series.
PVGIS_FIRST_YEAR = 2005
#: Source key → (display name, first year, cache kind).
SOURCES = {"nasa_power": ("NASA POWER", FIRST_HOURLY_YEAR, "nasa_power_hourly"),
           "pvgis": ("PVGIS", PVGIS_FIRST_YEAR, "pvgis_hourly")}
#: Largest share of a local year's hours without GHI for it to be stored as a real year [-] (a year
#: with more would read low in the yield study's spread; missing hours are never zero).
MAX_MISSING_FRACTION = 0.01


class OnlineDataRefused(WeatherNetworkError):
    """A service answered, but with data that fail the plausibility checks (nothing is stored)."""


def _pvgis_request(latitude, longitude, year, *, url, timeout, cancel) -> dict:
    params = {"lat": round(float(latitude), 4), "lon": round(float(longitude), 4), "startyear": year,
              "endyear": year, "outputformat": "json", "angle": 0, "aspect": 0, "pvcalculation": 0,
              "components": 1, "usehorizon": 0}
    return fetch_json("PVGIS", url, params, timeout=timeout, cancel=cancel)


def _parse_pvgis(doc: dict) -> tuple[pd.DataFrame, dict]:
    from solarfleet.models.weather.pvgis import read_pvgis_hourly
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pvgis_hourly.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        data, meta = read_pvgis_hourly(path)
    meta.update(file=None, source="PVGIS hourly series (SARAH / ERA5)", licence=PVGIS_ACKNOWLEDGEMENT,
                data_class="satellite-derived irradiance and reanalysis meteorology: modelled, not measured at the "
                           "site", notes=[*meta["notes"], "PVGIS usehorizon=0: no terrain shading in the weather"])
    return data, meta


def fetch_utc_year(store, source: str, latitude: float, longitude: float, year: int, *, url: Optional[str] = None,
                   timeout: float = 60.0, cancel: Optional[Callable[[], bool]] = None,
                   refresh: bool = False) -> tuple[pd.DataFrame, dict, bool]:
    """One UTC calendar year from ``source`` (``'nasa_power'`` or ``'pvgis'``), from the cache when there.

    Returns ``(data, metadata, cached)``; a response that passes the checks is cached in the store on first
    fetch (:class:`OnlineDataRefused` otherwise).
    """
    data, meta, cached, doc = _fetch_checked(store, source, latitude, longitude, year, url=url, timeout=timeout,
                                             cancel=cancel, refresh=refresh)
    if not cached:
        _cache(store, source, latitude, longitude, year, url, doc)
    return data, meta, cached


def _cache(store, source, latitude, longitude, year, url, doc) -> None:
    pvgis_cache_put(store, SOURCES[source][2], latitude, longitude, doc, {"year": int(year), "url": url or ""})


def _fetch_checked(store, source, latitude, longitude, year, *, url, timeout, cancel, refresh):
    """``(data, metadata, cached, raw response)`` of one checked UTC year; nothing is written to the store."""
    name, _, kind = SOURCES[source]
    hit = None if refresh else pvgis_cache_get(store, kind, latitude, longitude, {"year": int(year), "url": url or ""})
    if hit is not None:
        doc, cached = hit["payload"], True
    elif source == "nasa_power":
        doc = get_nasa_power_hourly(latitude, longitude, year, url=url or HOURLY_URL, timeout=timeout, cancel=cancel)
        cached = False
    else:
        doc = _pvgis_request(latitude, longitude, year, url=url or PVGIS_SERIES_URL, timeout=timeout, cancel=cancel)
        cached = False
    where = f"{name} data for UTC year {year}"
    try:
        data, meta = parse_nasa_power_hourly(doc) if source == "nasa_power" else _parse_pvgis(doc)
    except WeatherFileError as exc:  # the reader names its temporary file: name the service instead
        raise OnlineDataRefused(f"{where}: {exc.reason} — refused, nothing was stored") from None
    try:
        check_weather(data, meta, path=where)
        check_sun_timing(data, meta, path=where)
    except WeatherFileError as exc:
        raise OnlineDataRefused(f"{exc} — refused, nothing was stored") from None
    return data, meta, cached, doc


def local_year(parts: list[pd.DataFrame], year: int, utc_offset: float) -> pd.DataFrame:
    """The hours of local-standard-time calendar ``year`` (UTC+``utc_offset``) from UTC-year frames; missing
    hours stay NaN."""
    start = pd.Timestamp(year, 1, 1, tz="UTC") - pd.Timedelta(hours=utc_offset)
    index = pd.date_range(start, periods=8784 if calendar.isleap(year) else 8760,
                          freq="h", name="time")
    joined = pd.concat(parts).sort_index()
    joined = joined[~joined.index.duplicated(keep="last")]
    return joined.reindex(index)


def download_years(store, park, source: str, years, *, url: Optional[str] = None, timeout: float = 60.0,
                   cancel: Optional[Callable[[], bool]] = None, progress: Optional[Callable[[int, int], None]] = None,
                   refresh: bool = False) -> list[dict]:
    """Fetch and store local-standard calendar ``years`` of ``source`` for ``park``, one weather set per year.

    Parameters
    ----------
    park : solarfleet.models.fleet.Park
    source : {'nasa_power', 'pvgis'}
    years : iterable of int
    progress : callable, optional
        ``progress(done, total)`` after each UTC year fetched.

    Returns
    -------
    list of dict
        Per year: ``year``, ``weather_id`` (None when a set of that source and year was already stored),
        ``cached`` (every UTC year it needed came from the cache), ``missing`` (hours without GHI).
    """
    from solarfleet.models.weather.quality import quality_report
    from solarfleet.models.weather.timezones import parse_tz, standard_offset_hours
    name, first, _ = SOURCES[source]
    years = sorted(set(int(y) for y in years))
    last = pd.Timestamp.now(tz="UTC").year - 1
    bad = [y for y in years if not first <= y <= last]
    if not years or bad:
        raise WeatherNetworkError(f"{name} hourly data cover {first}–{last}; asked for {bad or 'no year'}")
    zone, offset, _ = parse_tz(park.tz)
    offset = float(standard_offset_hours(zone, years[0]) if zone is not None else offset)
    needed = set(years)  # the UTC years a local year overlaps
    needed |= {y - 1 for y in years if offset > 0 and y - 1 >= first}
    needed |= {y + 1 for y in years if offset < 0 and y + 1 <= last}
    needed = sorted(needed)
    frames, metas, cached, docs = {}, {}, {}, {}
    for i, y in enumerate(needed):
        frames[y], metas[y], cached[y], docs[y] = _fetch_checked(store, source, park.latitude, park.longitude, y,
                                                                 url=url, timeout=timeout, cancel=cancel,
                                                                 refresh=refresh)
        if progress is not None:
            progress(i + 1, len(needed))
    local = {y: local_year([frames[k] for k in (y - 1, y, y + 1) if k in frames], y, offset) for y in years}
    for y, data in local.items():
        try:
            check_gaps(data, MAX_MISSING_FRACTION, path=f"{name} data for local year {y}")
        except WeatherFileError as exc:
            raise OnlineDataRefused(f"{exc} — refused, nothing was stored") from None
    stored = {(r["format"], r["year"]) for r in list_weather(store, park.name)}
    out = []
    with store.db.atomic():
        for y in needed:
            if not cached[y]:
                _cache(store, source, park.latitude, park.longitude, y, url, docs[y])
        for y in years:
            base = metas[y]
            if (base["format"], y) in stored:
                out.append({"year": y, "weather_id": None, "cached": True, "missing": None})
                continue
            data = local[y]
            # kind "satellite" makes it a real year for the yield study ("satellite years"); its provenance says
            # what it is: a service's satellite/reanalysis data (imported), never a measurement at the site
            meta = {**base, "year": y, "years": [y], "tz": fixed_offset_tz(offset), "utc_offset": offset,
                    "provenance": "imported",
                    "notes": [*base["notes"], f"local standard calendar year {y} (UTC{offset:+g}) cut from UTC years "
                                              f"{', '.join(str(k) for k in (y - 1, y, y + 1) if k in frames)}"],
                    "requested_site": [park.latitude, park.longitude]}
            wid = add_weather(store, park.name, data, meta, quality_report(data, meta),
                              name=f"{name} {y}", default=False)
            out.append({"year": y, "weather_id": wid, "missing": int(data["ghi"].isna().sum()),
                        "cached": all(cached[k] for k in (y - 1, y, y + 1) if k in cached)})
    return out
