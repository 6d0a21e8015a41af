"""The one tz-aware timestamp → plot seconds helper, and the series aggregation behind the plots."""
import numpy as np
import pandas as pd
import pytest

from solarfleet.widgets.plot_time import from_plot_seconds, to_plot_seconds
from solarfleet.widgets.series_agg import aggregate, align_load, interval_hours


def test_wall_clock_of_the_park_zone():
    idx = pd.date_range("2023-01-01 00:00", periods=3, freq="h", tz="UTC")
    # 00:00 UTC is 08:00 in Shanghai: the axis must read 08:00, i.e. 2023-01-01T08:00 counted as UTC
    assert to_plot_seconds(idx, "Asia/Shanghai")[0] == pd.Timestamp("2023-01-01 08:00", tz="UTC").timestamp()
    np.testing.assert_array_equal(to_plot_seconds(idx.tz_convert("Asia/Shanghai")),
                                  to_plot_seconds(idx, "Asia/Shanghai"))
    assert to_plot_seconds(idx)[1] - to_plot_seconds(idx)[0] == 3600.0
    assert from_plot_seconds(to_plot_seconds(idx, "Asia/Shanghai")[2], "Asia/Shanghai") == idx[2]


def test_naive_refused_and_units_irrelevant():
    with pytest.raises(ValueError, match="tz-aware"):
        to_plot_seconds(pd.date_range("2023-01-01", periods=2, freq="h"))
    a = pd.date_range("2023-06-01", periods=2, freq="15min", tz="UTC")
    np.testing.assert_array_equal(to_plot_seconds(a.as_unit("s")), to_plot_seconds(a.as_unit("ns")))


def test_china_dst_1988_wall_clock():
    # China kept summer time 1986–91: 1986-05-04 02:00 CST jumped to 03:00 CDT
    idx = pd.DatetimeIndex(["1986-05-03 17:00", "1986-05-03 18:00"], tz="UTC")
    x = to_plot_seconds(idx, "Asia/Shanghai")
    assert x[1] - x[0] == 7200.0  # the wall clock skips an hour


def test_aggregate_energy_and_missing():
    idx = pd.date_range("2023-01-01", periods=96 * 2, freq="15min", tz="Asia/Shanghai")
    p = pd.Series(4000.0, index=idx)  # 4 kW constant
    assert interval_hours(idx) == 0.25
    daily = aggregate(p, "daily")
    assert daily.tolist() == [96.0, 96.0]  # kWh per day
    hourly = aggregate(p, "hourly")
    assert (hourly == 4.0).all()
    p.iloc[100] = np.nan
    daily = aggregate(p, "daily")
    assert daily.iloc[0] == 96.0 and np.isnan(daily.iloc[1])  # a gap makes the day unknown, not smaller
    utc_year = pd.Series(1000.0, index=pd.date_range("2023-01-01", periods=8760, freq="h", tz="UTC"))
    local = aggregate(utc_year, "daily", "Asia/Shanghai")
    assert np.isnan(local.iloc[0]) and np.isnan(local.iloc[-1])  # days cut by the UTC year's edges
    assert local.iloc[1] == 24.0
    monthly = aggregate(utc_year, "monthly", "Asia/Shanghai")
    assert monthly.iloc[0] == pytest.approx(736 / 1000)  # January minus its first 8 local hours: 99 % there
    assert np.isnan(monthly.iloc[-1])  # the 8 hours of January 2024 are no month
    assert monthly.iloc[1] == pytest.approx(28 * 24 / 1000)


def test_dst_day_is_complete_with_23_hours():
    idx = pd.date_range("1986-05-03 16:00", "1986-05-05 15:00", freq="h", tz="UTC")  # local 00:00 … 00:00
    daily = aggregate(pd.Series(1000.0, index=idx), "daily", "Asia/Shanghai")
    assert daily.iloc[0] == 23.0  # 1986-05-04 had 23 hours in China (summer time began)


def test_align_hourly_load_to_15min():
    pv_idx = pd.date_range("2023-01-01", periods=8, freq="15min", tz="UTC")
    load = pd.Series([1000.0, 2000.0], index=pd.date_range("2023-01-01", periods=2, freq="h", tz="UTC"))
    out = align_load(load, pv_idx)
    assert out.tolist() == [1000.0] * 4 + [2000.0] * 4
