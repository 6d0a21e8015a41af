"""Detection and dispatch of the vendor formats engineers bring (PVWatts, PVsyst, Meteonorm, Solcast, Solargis).

:func:`detect_vendor_format` looks at a file's first lines (never its name);
:data:`VENDOR_READERS` maps each format name to its reader. Readers that need the site's zone or
coordinates (the file lacks them) take ``tz=``, ``latitude=``, ``longitude=``: see :data:`SITE_KWARGS`.
"""
from __future__ import annotations

from typing import Optional

from solarfleet.models.weather.meteonorm import looks_like_meteonorm, read_meteonorm
from solarfleet.models.weather.pvsyst import looks_like_pvsyst, read_pvsyst_hourly
from solarfleet.models.weather.pvwatts import looks_like_pvwatts, read_pvwatts_hourly
from solarfleet.models.weather.solargis import looks_like_solargis, read_solargis
from solarfleet.models.weather.solcast import looks_like_solcast, read_solcast_csv

__all__ = ["VENDOR_READERS", "SITE_KWARGS", "detect_vendor_format"]

#: Format name → reader.
VENDOR_READERS = {"pvwatts_hourly": read_pvwatts_hourly, "pvsyst": read_pvsyst_hourly, "meteonorm": read_meteonorm,
                  "solcast": read_solcast_csv, "solargis": read_solargis}
#: Site keywords each reader accepts (the file may lack them; the park supplies them).
SITE_KWARGS = {"pvwatts_hourly": ("tz", "latitude", "longitude"), "pvsyst": ("tz", "latitude", "longitude"),
               "meteonorm": ("tz", "latitude", "longitude"), "solcast": ("latitude", "longitude", "altitude"),
               "solargis": ()}

_CHECKS = (("pvwatts_hourly", looks_like_pvwatts), ("solargis", looks_like_solargis),
           ("solcast", looks_like_solcast), ("pvsyst", looks_like_pvsyst), ("meteonorm", looks_like_meteonorm))


def detect_vendor_format(lines: list[str]) -> Optional[str]:
    """The vendor format of a file from its first lines, or None."""
    for name, check in _CHECKS:
        if check(lines):
            return name
    return None
