"""Weather: one reader per source, the weather convention, time zones, quality checks, the synthetic year.

Every reader returns ``(data, metadata)`` in one convention (UTC interval starts, pvlib column names),
described in :mod:`~solarfleet.models.weather.convention`. The modules, like :mod:`pvlib.iotools`:

``convention``
    The convention: columns, formats, :class:`WeatherFileError` / :class:`WeatherNetworkError`, and the
    frame, metadata, text and interval-grid helpers the readers share.
``timezones``
    Fixed offsets and IANA zones, local time and DST (:func:`localize_local_times`), the typical year.
``epw``, ``tmy``, ``pvgis``, ``nsrdb``, ``measured``
    One reader module per source: EPW; TMY3 and TMY2; PVGIS files and the online PVGIS TMY and horizon
    (cached in the store); NSRDB PSM and SAM CSV; measured CSV/XLSX tables (:class:`ColumnMapping`).
``pvwatts``, ``pvsyst``, ``meteonorm``, ``solcast``, ``solargis`` (with ``vendor_tables``, ``vendors``)
    The files engineers bring: PVWatts hourly exports, PVsyst hourly CSV, Meteonorm TMY, Solcast and
    Solargis TMY CSVs, each with its own time convention.
``http``, ``nasa_power``, ``online_years``, ``climate_pack``
    The network, only when a user asks: one request helper (timeout, cancel, plain offline message);
    NASA POWER hourly years and monthly climatologies; real years from NASA POWER or PVGIS stored one
    weather set per local year (cached); climate packs for offline typical years.
``detect``
    :func:`detect_format` from a file's content, :func:`read_weather` for any format, :func:`split_years`.
``quality``
    Quality checks (gaps, impossible values, night irradiance, component closure) and monthly/annual sums.
``synthetic``
    The offline synthetic typical year (and clear-sky year) for any site.
``park_weather``
    Where a simulation gets a park's weather: its default stored set, else a synthetic year.

The reader API is re-exported here.
"""
from solarfleet.models.weather.convention import (ALLOWED_INTERVALS, FORMATS, OPTIONAL_COLUMNS, TYPICAL_YEAR,
                                                  WEATHER_COLUMNS, WeatherFileError, WeatherNetworkError)
from solarfleet.models.weather.detect import detect_format, read_weather, split_years
from solarfleet.models.weather.epw import read_epw
from solarfleet.models.weather.measured import ColumnMapping, read_measured
from solarfleet.models.weather.nsrdb import read_nsrdb, read_sam_csv
from solarfleet.models.weather.pvgis import (get_pvgis_horizon, get_pvgis_tmy, pvgis_tmy_cached, read_pvgis_hourly,
                                             read_pvgis_tmy)
from solarfleet.models.weather.timezones import fixed_offset_tz, localize_local_times
from solarfleet.models.weather.tmy import read_tmy2, read_tmy3
from solarfleet.models.weather.meteonorm import read_meteonorm
from solarfleet.models.weather.pvsyst import read_pvsyst_hourly
from solarfleet.models.weather.pvwatts import read_pvwatts_hourly
from solarfleet.models.weather.solargis import read_solargis
from solarfleet.models.weather.solcast import read_solcast_csv

__all__ = ["TYPICAL_YEAR", "WEATHER_COLUMNS", "OPTIONAL_COLUMNS", "FORMATS", "ALLOWED_INTERVALS",
           "WeatherFileError", "WeatherNetworkError", "ColumnMapping",
           "detect_format", "read_weather", "read_epw", "read_tmy3", "read_tmy2", "read_pvgis_tmy",
           "read_pvgis_hourly", "read_nsrdb", "read_sam_csv", "read_measured", "localize_local_times",
           "fixed_offset_tz", "split_years", "get_pvgis_tmy", "get_pvgis_horizon", "pvgis_tmy_cached",
           "read_pvwatts_hourly", "read_pvsyst_hourly", "read_meteonorm", "read_solcast_csv", "read_solargis"]
