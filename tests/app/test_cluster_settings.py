"""The ``cluster/address`` setting: validated before it is stored, canonical when read back."""
from __future__ import annotations

import pytest

from solarfleet.app.gui.cluster_settings import (CLUSTER_ADDRESS_KEY, backend_from_settings, cluster_address, set_cluster_address)
from solarfleet.models.simulation.backends import BackendError, InProcess


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_round_trip_and_clear(settings):
    assert CLUSTER_ADDRESS_KEY == "cluster/address"
    assert cluster_address(settings) is None
    assert isinstance(backend_from_settings(settings), InProcess)
    assert set_cluster_address(settings, "10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    settings.sync()
    assert settings.value("cluster/address") == "tcp://10.0.0.5:8786"
    assert cluster_address(settings) == "tcp://10.0.0.5:8786"
    assert set_cluster_address(settings, "  ") is None
    assert cluster_address(settings) is None


def test_bad_address_is_refused_and_nothing_stored(settings):
    set_cluster_address(settings, "tcp://sched:8786")
    with pytest.raises(BackendError, match="expected tcp://host:port"):
        set_cluster_address(settings, "sched")
    assert cluster_address(settings) == "tcp://sched:8786"
    settings.setValue(CLUSTER_ADDRESS_KEY, "http://hand-edited")  # a hand-edited file
    with pytest.raises(BackendError, match="hand-edited"):
        cluster_address(settings)
