"""solarfleet.models.live.metrics.site_power: site totals from devices that report at different instants."""
import numpy as np
import pandas as pd
import pytest

from solarfleet.models.live.metrics import site_power


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


def test_store_bins_history_per_device(tmp_path):
    """solarfleet.models.store.live_history_binned: means of powers, sums of energies, missing stays missing."""
    import datetime as dt

    from solarfleet.models.live.reading import Reading
    from solarfleet.models.store import add_live_readings, live_history_binned, open_store
    t0 = dt.datetime(2025, 6, 15, 2, 0, tzinfo=dt.timezone.utc)
    rs = [Reading(t0 + dt.timedelta(seconds=10 * i), "a", pv_power=100.0 * i, pv_energy_interval=1.0)
          for i in range(12)]
    rs.append(Reading(t0 + dt.timedelta(seconds=5), "b", load_power=50.0))
    with open_store(tmp_path / "b.db") as s:
        add_live_readings(s, rs, park="P")
        out = live_history_binned(s, park="P", bin_s=60)
        assert list(out.index.unique()) == [t0, t0 + dt.timedelta(minutes=1)]
        a = out[out["device_id"] == "a"]
        assert list(a["pv_power"]) == [250.0, 850.0] and list(a["pv_energy_interval"]) == [6.0, 6.0]
        assert list(a["readings"]) == [6, 6] and a["load_power"].isna().all()
        b = out[out["device_id"] == "b"]
        assert list(b["load_power"]) == [50.0] and b["pv_energy_interval"].isna().all()
        part = live_history_binned(s, park="P", end=t0 + dt.timedelta(seconds=30), bin_s=60)
        assert part["readings"].sum() == 4  # a at 0, 10, 20 s and b at 5 s
        with pytest.raises(ValueError, match="bin_s"):
            live_history_binned(s, bin_s=0)
