"""Where a simulation gets a park's weather.

:func:`weather_for_park` returns the park's default stored weather set (an imported TMY or
measured year, or a synthetic year). A park with none gets an offline synthetic typical year
(:func:`solarfleet.models.weather.synthetic.synth_typical_year`, seed 0, monthly GHI from the climate
table for a nearby city with a typical-year file, else from a climate pack covering the park
(:func:`solarfleet.models.weather.climate_pack.pack_typical_year`), else the climate-table estimate or
the documented default) which is stored as its default,
so the next run — and anyone reading the run — uses and names the same data.

:func:`clearsky_year` remains for tests and as an explicit upper bound.
"""
from __future__ import annotations

import copy
import functools

import pandas as pd

from solarfleet.models.fleet import Park
from solarfleet.models.store import add_weather, default_weather, load_weather

__all__ = ["CLEARSKY_TEMP_AIR", "CLEARSKY_WIND_SPEED", "clearsky_year", "weather_for_park"]

#: Air temperature of the clear-sky placeholder [°C] and wind speed [m/s]: the NOCT rating
#: conditions (IEC 61215), stated rather than invented per site.
CLEARSKY_TEMP_AIR = 20.0
CLEARSKY_WIND_SPEED = 1.0


def clearsky_year(park: Park, year: int = 2023, interval_minutes: int = 60) -> tuple[pd.DataFrame, dict]:
    """Ineichen/Perez clear-sky irradiance for one local calendar year of ``park``.

    Irradiance is evaluated at interval mid-points and labelled by interval start (UTC), with
    pvlib's Linke turbidity climatology; ``temp_air`` and ``wind_speed`` are the constants
    :data:`CLEARSKY_TEMP_AIR` and :data:`CLEARSKY_WIND_SPEED`.

    Returns
    -------
    (pandas.DataFrame, dict)
        ``ghi``, ``dni``, ``dhi`` [W/m²], ``temp_air`` [°C], ``wind_speed`` [m/s]; metadata with
        ``interval_minutes``, ``label``, ``source``, the location, ``tz``, ``year`` and ``kind = "clearsky"``.
    """
    step = pd.Timedelta(minutes=interval_minutes)
    starts = pd.date_range(pd.Timestamp(year, 1, 1).tz_localize(park.tz),
                           pd.Timestamp(year + 1, 1, 1).tz_localize(park.tz), freq=step,
                           inclusive="left").tz_convert("UTC")
    cs = park.to_location().get_clearsky(starts + step / 2, model="ineichen")
    data = pd.DataFrame({"ghi": cs["ghi"].to_numpy(), "dni": cs["dni"].to_numpy(), "dhi": cs["dhi"].to_numpy(),
                         "temp_air": CLEARSKY_TEMP_AIR, "wind_speed": CLEARSKY_WIND_SPEED}, index=starts)
    metadata = {"interval_minutes": interval_minutes, "label": "start",
                "source": "pvlib Ineichen clear sky (Linke turbidity climatology); temp_air 20 °C and "
                          "wind_speed 1 m/s (NOCT conditions) — placeholder, not measured or typical weather",
                "latitude": park.latitude, "longitude": park.longitude, "altitude": park.altitude,
                "tz": park.tz, "kind": "clearsky", "year": year}
    return data, metadata


def weather_for_park(store, park: Park, *, save: bool = True) -> tuple[pd.DataFrame, dict]:
    """The weather a simulation of ``park`` uses: ``(data, metadata)``.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park : Park
        Must exist in ``store`` when ``save`` is True.
    save : bool
        Store a newly synthesised year as the park's default weather set.

    Returns
    -------
    (pandas.DataFrame, dict)
        Weather in the convention of :mod:`solarfleet.models.weather.convention`; ``metadata["weather_id"]`` names
        the stored set (None if it was not saved).
    """
    wid = None
    try:
        wid = default_weather(store, park.name)
    except KeyError:
        if save:
            raise
    if wid is not None:
        data, meta = load_weather(store, wid)
        return data, {**meta, "weather_id": wid}
    name = "synthetic (seed 0)"
    from solarfleet.models.weather.climate_pack import pack_typical_year
    made = pack_typical_year(store, park.latitude, park.longitude, tz=park.tz, altitude=park.altitude)
    if made is not None:  # a climate pack covers the park (and no typical-year file city is near)
        from solarfleet.models.weather.quality import quality_report
        data, meta, _ = made
        report, name = quality_report(data, meta), f"synthetic on climate pack {made[2].pack} (seed 0)"
    else:
        data, meta, report = _synthetic_year(park.latitude, park.longitude, park.altitude, park.tz)
    data, meta = data.copy(), copy.deepcopy(meta)
    if save:
        wid = add_weather(store, park.name, data, meta, copy.deepcopy(report), name=name,
                                default=True)
        # hand out exactly what later runs will read back (stored as float32), so the first run and
        # every rerun of the park see the same weather
        data, meta = load_weather(store, wid)
    return data, {**meta, "weather_id": wid}


@functools.lru_cache(maxsize=64)
def _synthetic_year(latitude: float, longitude: float, altitude: float, tz: str):
    """The seeded synthetic year of a site, computed once per process (it is deterministic)."""
    from solarfleet.models.weather.synthetic import synth_typical_year
    from solarfleet.models.weather.quality import quality_report
    data, meta = synth_typical_year(latitude, longitude, altitude=altitude, seed=0, tz=tz)
    return data, meta, quality_report(data, meta)
