"""Mutated vendor weather files (PVWatts, PVsyst, Meteonorm, Solcast, Solargis), with hypothesis.

Each mutated file is either read — UTC index, finite GHI — or refused with a
:class:`~solarfleet.models.weather.convention.WeatherFileError` naming the file; nothing else may escape.
The base files are written from pvlib's clear sky in the vendors' layouts (:mod:`tests.models.vendor_samples`).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solarfleet.models.weather.convention import WeatherFileError
from solarfleet.models.weather.detect import detect_format, read_weather

from . import vendor_samples as vs
from .fuzz_counts import count
from .test_fuzz_importers import SLOW_FILES, _mutate

_CACHE: dict = {}
#: What the park supplies when a file lacks it (as the CLI does).
SITE = {"tz": "Asia/Shanghai", "latitude": vs.LAT, "longitude": vs.LON, "altitude": vs.ALT}


def samples() -> dict:
    if not _CACHE:
        ref, ref_utc = vs.reference_year(), vs.reference_year(offset_hours=0)
        writers = {"pvwatts_hourly": (vs.write_pvwatts, ref, "pvwatts_hourly.csv"),
                   "pvsyst": (vs.write_pvsyst, ref, "pvsyst.csv"),
                   "meteonorm": (vs.write_meteonorm_dat, ref, "site.dat"),
                   "solcast": (vs.write_solcast_tmy, ref_utc, "solcast.csv"),
                   "solargis": (vs.write_solargis_tmy, ref, "solargis.csv")}
        with tempfile.TemporaryDirectory() as d:
            for fmt, (write, data, name) in writers.items():
                write(Path(d) / name, data)
                _CACHE[fmt] = ((Path(d) / name).read_bytes(), name)
    return _CACHE


@pytest.mark.parametrize("fmt", ["pvwatts_hourly", "pvsyst", "meteonorm", "solcast", "solargis"])
@SLOW_FILES
@given(data=st.data())
def test_mutated_vendor_files(fmt, data, tmp_path_factory):
    from solarfleet.models.weather.vendors import SITE_KWARGS
    raw, name = samples()[fmt]
    path = tmp_path_factory.mktemp("v") / name
    path.write_bytes(_mutate(data, raw))
    count(f"weather {fmt}")
    try:
        found = detect_format(path)
        kwargs = {k: SITE[k] for k in SITE_KWARGS.get(found, ())}
        frame, meta = read_weather(path, found, **kwargs)
    except WeatherFileError as exc:
        assert path.name in str(exc), f"refusal does not name the file: {exc}"
        return
    assert isinstance(frame.index, pd.DatetimeIndex) and str(frame.index.tz) == "UTC"
    assert not np.isinf(frame["ghi"].to_numpy(float)).any(), "infinite irradiance accepted"
