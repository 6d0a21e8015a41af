"""IANA time-zone names: the one check every model uses before it trusts a zone name.

A zone name stored in the database must mean the same on every machine that opens it. Python's
:class:`zoneinfo.ZoneInfo` also accepts names that depend on the host — ``localtime`` (whatever the
machine is set to), ``posixrules``, ``Factory`` — and file paths; :func:`iana_zone` refuses them.
"""
from __future__ import annotations

import functools
import zoneinfo

__all__ = ["HOST_DEPENDENT_ZONES", "iana_zone", "is_iana_zone"]

#: Names the tz database ships that do not name a place's civil time, or depend on the host.
HOST_DEPENDENT_ZONES = frozenset({"localtime", "posixrules", "Factory", "posix", "right"})


@functools.lru_cache(maxsize=1)
def _known() -> frozenset:
    return frozenset(zoneinfo.available_timezones())


def is_iana_zone(name) -> bool:
    """True when ``name`` is an IANA zone name (``Asia/Shanghai``, ``UTC``, ``Etc/GMT-8``), not a host alias."""
    if not isinstance(name, str) or not name or name != name.strip() or name in HOST_DEPENDENT_ZONES:
        return False
    if name.startswith(("/", ".")) or "\\" in name or ".." in name or name.split("/")[0] in ("posix", "right"):
        return False
    if name in _known():
        return True
    try:  # a zone added by a newer tzdata than the one that listed the names
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return "/" in name


def iana_zone(name, what: str = "tz") -> zoneinfo.ZoneInfo:
    """The zone called ``name``; :class:`ValueError` naming ``what`` when it is not an IANA zone name.

    Parameters
    ----------
    name : str
        IANA name such as ``Asia/Shanghai``.
    what : str
        Field named in the error.
    """
    if not is_iana_zone(name):
        hint = " (it depends on the computer's settings)" if name in HOST_DEPENDENT_ZONES else ""
        raise ValueError(f"{what}: {name!r} is not a known IANA time zone{hint}; use a name such as "
                         "'Asia/Shanghai' or 'UTC'")
    return zoneinfo.ZoneInfo(name)
