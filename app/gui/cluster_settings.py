"""The app setting that sends fleet studies to a Dask cluster.

QSettings key ``cluster/address`` (:data:`CLUSTER_ADDRESS_KEY`): the scheduler address, e.g.
``tcp://10.0.0.5:8786``; empty or absent means "run on this computer". The same address can be
given to ``solarfleet-cli simulate --cluster``. These helpers take any object with QSettings'
``value(key, default)`` / ``setValue`` / ``remove`` methods, so they need no Qt to test.
"""
from __future__ import annotations

from typing import Optional

__all__ = ["CLUSTER_ADDRESS_KEY", "cluster_address", "set_cluster_address", "backend_from_settings"]

CLUSTER_ADDRESS_KEY = "cluster/address"


def cluster_address(settings) -> Optional[str]:
    """The configured scheduler address in canonical form, or None (run locally).

    Raises
    ------
    solarfleet.models.simulation.backends.BackendError
        The stored value is not an address (e.g. a hand-edited settings file).
    """
    from solarfleet.models.simulation.backends import check_address
    value = settings.value(CLUSTER_ADDRESS_KEY, "")
    if value is None or not str(value).strip():
        return None
    return check_address(str(value))


def set_cluster_address(settings, address: Optional[str]) -> Optional[str]:
    """Store ``address`` (validated first; nothing is stored if it is bad); None or "" clears it."""
    from solarfleet.models.simulation.backends import check_address
    if address is None or not str(address).strip():
        settings.remove(CLUSTER_ADDRESS_KEY)
        return None
    address = check_address(address)
    settings.setValue(CLUSTER_ADDRESS_KEY, address)
    return address


def backend_from_settings(settings):
    """The :class:`solarfleet.models.simulation.backends.Backend` the settings ask for (connects to the cluster if one is set)."""
    from solarfleet.models.simulation.backends import make_backend
    return make_backend(cluster_address(settings))
