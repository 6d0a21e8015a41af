"""SolarFleet's SAM CSV reader against the real SAM weather files in ``../shared/weather``.

Three files: two NSRDB PSM v3 typical years (Des Moines, Tucson; hourly, stamps at HH:30) and SAM's
own 15-minute test file for Los Angeles (``ssc/test/input_cases/pvsamv1_data``; minutes 7.5, 22.5,
37.5, 52.5; hours 1–24, hour ending as SSC reads them; no 29 February). Each is read by :func:`read_sam_csv` and by
:func:`read_weather` (format detected from content) and checked against readings that owe nothing
to SolarFleet:

* the file parsed here with the :mod:`csv` module: row count, interval, location header, every
  value, the annual GHI/DNI/DHI sums;
* pvlib's ``read_nsrdb_psm4`` (pvlib's reader for NSRDB files "formatted as SAM CSV") and NREL's
  ``PySAM.ResourceTools.SAM_CSV_to_solar_data`` for the two NSRDB files — both refuse the Los
  Angeles file (no ``Local Time Zone``; a blank ``Source`` header field), so it is checked against
  the raw parse alone.

The reader's documented convention (``models/weather/nsrdb.py``): stamps are local standard time
(the header's ``Time Zone`` [h]); a stamp lands in the interval that contains it and the index holds
UTC interval *starts*; a typical year (months from several years) is laid on one non-leap
``TYPICAL_YEAR``; intervals missing from the file become NaN rows, never zero.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.weather import (TYPICAL_YEAR, detect_format, read_sam_csv,
                                                read_weather)

#: file, interval [min], and what its first and last data lines say, as UTC interval starts
FILES = {
    "des_moines": ("des_moines_ia_41.586835_-93.624959_psmv3_60_tmy.csv", 60,
                   # 2004-01-01 00:30 and 2004-12-31 23:30 at UTC−6, laid on the typical year
                   "2023-01-01 06:00", "2024-01-01 05:00"),
    "tucson": ("tucson_az_32.116521_-110.933042_psmv3_60_tmy.csv", 60,
               # 2008-01-01 00:30 and 2008-12-31 23:30 at UTC−7, laid on the typical year
               "2023-01-01 07:00", "2024-01-01 06:00"),
    "los_angeles": ("LosAngeles_WeatherFile_15min.csv", 15,
                    # 2012-01-01 hour 1 minute 7.5 and 2012-12-31 hour 24 minute 52.5 at UTC−8; hours
                    # numbered 1–24 end at the hour (as SSC reads them): 00:07.5 and 23:52.5
                    "2012-01-01 08:00", "2013-01-01 07:45"),
}
NSRDB_FILES = ("des_moines", "tucson")


READERS = {
    "read_sam_csv": read_sam_csv,
    "read_weather": read_weather,
}


def _cases():
    for key in FILES:
        for reader in READERS:
            yield pytest.param(key, reader, id=f"{key}-{reader}")


CASES = list(_cases())


class RawFile:
    """A SAM CSV file parsed with the csv module: header, columns, rows and their stamps."""

    def __init__(self, path: Path):
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        self.header = dict(zip((s.strip() for s in rows[0]), (s.strip() for s in rows[1])))
        self.columns = [s.strip() for s in rows[2]]
        self.rows = [r for r in rows[3:] if r]
        self.tz_hours = float(self.header["Time Zone"])
        self.latitude = float(self.header["Latitude"])
        self.longitude = float(self.header["Longitude"])
        self.elevation = float(self.header["Elevation"])

    def column(self, *names) -> np.ndarray:
        """Values of the first of ``names`` that the file has, as floats."""
        name = next(n for n in names if n in self.columns)
        i = self.columns.index(name)
        return np.array([float(r[i]) for r in self.rows])

    def local_stamps(self) -> list[dt.datetime]:
        """Each row's stamp: local standard time; hours numbered 1–24 end at the hour (hour h is h − 1)."""
        y, m, d, h = (self.column(n).astype(int) for n in ("Year", "Month", "Day", "Hour"))
        minute = self.column("Minute")
        h = h - 1 if h.min() >= 1 and h.max() == 24 else h
        return [dt.datetime(int(a), int(b), int(c)) + dt.timedelta(hours=int(e), minutes=float(f))
                for a, b, c, e, f in zip(y, m, d, h, minute)]

    @property
    def typical(self) -> bool:
        """Months drawn from different years (a TMY)."""
        return len(set(self.column("Year").astype(int))) > 1

    def interval_minutes(self) -> int:
        stamps = self.local_stamps()
        steps = Counter((b - a).total_seconds() for a, b in zip(stamps, stamps[1:]))
        return int(steps.most_common(1)[0][0] // 60)

    @functools.cached_property
    def _utc_starts(self) -> pd.DatetimeIndex:
        step = dt.timedelta(minutes=self.interval_minutes())
        typical = self.typical
        out = []
        for t in self.local_stamps():
            if typical:
                t = t.replace(year=TYPICAL_YEAR)
            midnight = t.replace(hour=0, minute=0, second=0, microsecond=0)
            start = midnight + ((t - midnight) // step) * step
            out.append(start - dt.timedelta(hours=self.tz_hours))
        return pd.DatetimeIndex(out).tz_localize("UTC")

    def utc_starts(self) -> pd.DatetimeIndex:
        """Where each row belongs: the UTC start of the interval that contains its stamp."""
        return self._utc_starts


@pytest.fixture(scope="module")
def raw_files():
    from tests.conftest import require_shared
    weather = require_shared() / "weather"
    return {key: RawFile(weather / name) for key, (name, *_rest) in FILES.items()}


@pytest.fixture(scope="module")
def read_files():
    """Each (file, reader) read once."""
    from tests.conftest import require_shared
    weather = require_shared() / "weather"
    cache = {}

    def read(key, reader):
        if (key, reader) not in cache:
            cache[key, reader] = READERS[reader](weather / FILES[key][0])
        return cache[key, reader]
    return read


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_shared_files_are_the_expected_ones(shared_dir):
    for name, *_ in FILES.values():
        assert (shared_dir / "weather" / name).is_file(), name


@pytest.mark.parametrize("key, reader", CASES)
def test_location_time_zone_and_interval_from_the_header(raw_files, read_files, key, reader):
    raw = raw_files[key]
    data, meta = read_files(key, reader)
    _, interval, *_ = FILES[key]
    assert raw.interval_minutes() == interval
    assert meta["interval_minutes"] == interval and meta["label"] == "start"
    assert (meta["latitude"], meta["longitude"], meta["altitude"]) == (raw.latitude, raw.longitude, raw.elevation)
    assert meta["utc_offset"] == raw.tz_hours
    # the zone is the header's fixed offset all year (standard time, no daylight saving)
    for month in (1, 7):
        assert pd.Timestamp(2023, month, 15, tz=meta["tz"]).utcoffset() == dt.timedelta(hours=raw.tz_hours)
    assert meta["kind"] == ("tmy" if raw.typical else "measured")
    assert str(data.index.tz) == "UTC"
    assert data.index.freq is None or pd.Timedelta(data.index.freq) == pd.Timedelta(minutes=interval)


@pytest.mark.parametrize("key, reader", CASES)
def test_rows_and_timestamps(raw_files, read_files, key, reader):
    raw = raw_files[key]
    data, _ = read_files(key, reader)
    _, interval, first, last = FILES[key]
    starts = raw.utc_starts()
    assert starts.is_unique and starts.is_monotonic_increasing
    # first and last rows: what the file's local standard time and its offset say
    assert (starts[0], starts[-1]) == (_utc(first), _utc(last))
    assert (data.index[0], data.index[-1]) == (_utc(first), _utc(last))
    # a regular index of interval starts; intervals the file lacks are NaN rows, never zero
    full = pd.date_range(starts[0], starts[-1], freq=f"{interval}min")
    assert data.index.equals(full)
    absent = full.difference(starts)
    assert len(data) == len(raw.rows) + len(absent)
    assert data.loc[absent, ["ghi", "dni", "dhi", "temp_air", "wind_speed"]].isna().all().all()
    assert data.loc[starts, "ghi"].notna().all()
    assert int(data["ghi"].notna().sum()) == len(raw.rows)


def test_the_gaps_are_what_the_files_lack(raw_files, read_files):
    """Only the Los Angeles file has a gap: 2012 is a leap year and it has no 29 February."""
    for key in FILES:
        raw = raw_files[key]
        data, _ = read_files(key, "read_sam_csv")
        absent = data.index.difference(raw.utc_starts())
        if key == "los_angeles":
            # the file numbers hours 1–24 (hour ending): the 96 missing intervals are 29 February's
            local_gap = pd.date_range("2012-02-29 00:00", periods=96, freq="15min")
            assert absent.equals((local_gap + pd.Timedelta(hours=8)).tz_localize("UTC"))
            assert ("2", "29") not in {(r[1].strip(), r[2].strip()) for r in raw.rows}
        else:
            assert len(absent) == 0


@pytest.mark.parametrize("key, reader", CASES)
def test_every_value_and_the_annual_sums(raw_files, read_files, key, reader):
    raw = raw_files[key]
    data, _ = read_files(key, reader)
    at = data.loc[raw.utc_starts()]
    for ours, names in (("ghi", ("GHI",)), ("dni", ("DNI",)), ("dhi", ("DHI",)),
                        ("temp_air", ("Temperature", "Tdry")), ("wind_speed", ("Wind Speed", "Wspd"))):
        np.testing.assert_array_equal(at[ours].to_numpy(), raw.column(*names), err_msg=ours)
    np.testing.assert_allclose(at["pressure"].to_numpy(), raw.column("Pressure", "Pres") * 100.0, rtol=1e-12)
    for ours, name in (("ghi", "GHI"), ("dni", "DNI"), ("dhi", "DHI")):
        file_sum = math.fsum(raw.column(name))
        assert file_sum > 0
        assert data[ours].sum() == pytest.approx(file_sum, rel=1e-9), ours
    if "Surface Albedo" in raw.columns:
        np.testing.assert_array_equal(at["albedo"].to_numpy(), raw.column("Surface Albedo"))


@pytest.mark.parametrize("key", NSRDB_FILES)
def test_against_pvlib_read_nsrdb_psm4(raw_files, read_files, shared_dir, key):
    import pvlib
    theirs, tmeta = pvlib.iotools.read_nsrdb_psm4(shared_dir / "weather" / FILES[key][0], map_variables=True)
    raw = raw_files[key]
    for reader in READERS:
        data, meta = read_files(key, reader)
        assert (meta["latitude"], meta["longitude"], meta["altitude"], meta["utc_offset"]) == \
            (tmeta["latitude"], tmeta["longitude"], tmeta["altitude"], tmeta["Time Zone"])
        # pvlib stamps each row at its own local time (with the row's own year): into the interval that
        # contains it, on the typical year, in UTC
        local = theirs.index.tz_localize(None)
        assert {t.utcoffset() for t in theirs.index} == {dt.timedelta(hours=tmeta["Time Zone"])}
        starts = pd.DatetimeIndex([t.replace(year=TYPICAL_YEAR) for t in local]).floor(f"{FILES[key][1]}min")
        starts = (starts - pd.Timedelta(hours=tmeta["Time Zone"])).tz_localize("UTC")
        assert starts.equals(raw.utc_starts())
        at = data.loc[starts]
        for col in ("ghi", "dni", "dhi", "temp_air", "wind_speed"):
            np.testing.assert_array_equal(at[col].to_numpy(), theirs[col].to_numpy(), err_msg=col)
        np.testing.assert_allclose(at["pressure"].to_numpy(), theirs["pressure"].to_numpy() * 100.0, rtol=1e-12)
        for col in ("ghi", "dni", "dhi"):
            assert data[col].sum() == pytest.approx(theirs[col].sum(), rel=1e-9)


@pytest.mark.parametrize("key", NSRDB_FILES)
def test_against_pysam_resource_tools(read_files, shared_dir, key):
    from PySAM.ResourceTools import SAM_CSV_to_solar_data
    sam = SAM_CSV_to_solar_data(str(shared_dir / "weather" / FILES[key][0]))
    for reader in READERS:
        data, meta = read_files(key, reader)
        assert (meta["latitude"], meta["longitude"], meta["altitude"], meta["utc_offset"]) == \
            (sam["lat"], sam["lon"], sam["elev"], sam["tz"])
        stamps = pd.DatetimeIndex([dt.datetime(TYPICAL_YEAR, int(m), int(d)) + dt.timedelta(hours=h, minutes=mi)
                                   for m, d, h, mi in zip(sam["month"], sam["day"], sam["hour"], sam["minute"])])
        starts = (stamps.floor("60min") - pd.Timedelta(hours=sam["tz"])).tz_localize("UTC")
        at = data.loc[starts]
        for ours, key_sam in (("ghi", "gh"), ("dni", "dn"), ("dhi", "df"), ("temp_air", "tdry"),
                              ("wind_speed", "wspd")):
            np.testing.assert_array_equal(at[ours].to_numpy(), np.asarray(sam[key_sam]), err_msg=ours)


def test_both_readers_agree_on_the_nsrdb_files(read_files):
    """read_weather detects the NSRDB files as 'nsrdb' (pvlib's reader inside); same data as read_sam_csv."""
    for key in NSRDB_FILES:
        a, ma = read_files(key, "read_sam_csv")
        b, mb = read_files(key, "read_weather")
        assert mb["format"] == "nsrdb" and ma["format"] == "sam"
        pd.testing.assert_frame_equal(a, b, check_freq=False)


def test_sam_csv_with_a_blank_source_field_is_detected_as_sam(shared_dir):
    """SAM's own files may leave the first header field ("Source") blank; they are still SAM CSV."""
    assert detect_format(shared_dir / "weather" / FILES["los_angeles"][0]) == "sam"
