"""Where the simulation gets a park's weather: one small function to switch at merge time.

For now :func:`weather_for_park` returns pvlib's Ineichen clear-sky year for the park —
an *upper bound* of irradiance, not a typical year — with metadata ``kind = "clearsky"`` so
every output can say so. The weather branch provides stored and synthetic typical years;
the lead points this function at them when the branches meet.
"""
from __future__ import annotations

import pandas as pd

from .fleet import Park

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
        ``ghi``, ``dni``, ``dhi`` [W/m²], ``temp_air`` [°C], ``wind_speed`` [m/s]; metadata as in
        ``interfaces.md`` with ``kind = "clearsky"``.
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


def weather_for_park(store, park: Park) -> tuple[pd.DataFrame, dict]:
    """The weather a simulation of ``park`` uses: ``(data, metadata)``.

    Until the weather branch is merged: the clear-sky year of :func:`clearsky_year`.
    ``store`` is accepted so the merged version can look up the park's default weather set.
    """
    return clearsky_year(park)
