"""models.live.metrics.site_power: site totals from devices that report at different instants."""
import numpy as np
import pandas as pd

from models.live.metrics import site_power


def _frame(rows):
    df = pd.DataFrame(rows, columns=["timestamp", "device_id", "pv_power", "load_power", "grid_power"])
    return df.set_index(pd.DatetimeIndex(pd.to_datetime(df.pop("timestamp"), utc=True), name="timestamp"))


def test_each_device_holds_its_latest_value_until_it_reports_again():
    t = pd.Timestamp("2025-06-15T02:00:00Z")
    s = pd.Timedelta(seconds=1)
    h = _frame([(t, "a", 100.0, None, None), (t + 0.4 * s, "b", 50.0, 900.0, None),
                (t + 1 * s, "a", 110.0, None, None), (t + 3 * s, "b", 60.0, None, None)])
    out = site_power(h)
    assert list(out.index) == [t, t + s, t + 3 * s]
    assert list(out["pv_power"]) == [150.0, 160.0, 170.0]
    # b's load holds; a never reports load; nobody reports grid: missing, not zero
    assert list(out["load_power"]) == [900.0, 900.0, 900.0]
    assert out["grid_power"].isna().all()


def test_empty_history():
    out = site_power(_frame([]))
    assert out.empty and list(out.columns) == ["pv_power", "load_power", "grid_power"]


def test_coarser_bins_take_each_devices_last_value():
    t = pd.Timestamp("2025-06-15T02:00:00Z")
    h = _frame([(t + pd.Timedelta(seconds=i), "a", float(i), None, None) for i in range(10)])
    out = site_power(h, "5s")
    assert list(out["pv_power"]) == [4.0, 9.0]
    assert np.isnan(out["load_power"]).all()
