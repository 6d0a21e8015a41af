"""Report figures in the conventions of Chinese and Japanese reports (hand-computed cases)."""
import datetime as dt

import pytest

from solarfleet.models.export.local_units import (MISSING, LocalUnits, capacity_labels, energy_value, format_degradation,
                                                  format_energy, format_hours, format_local_time, format_money,
                                                  format_percent, utilisation_hours)

ZH, JA, EN = LocalUnits("zh_CN"), LocalUnits("ja_JP"), LocalUnits("en")


def test_energy_in_wan_kwh_for_chinese_reports_with_a_toggle():
    e = 12_345_678e3  # 12,345,678 kWh [Wh]
    assert energy_value(e, ZH) == (pytest.approx(1234.5678), "万kWh")
    assert format_energy(e, ZH) == "1,234.57 万kWh"
    assert format_energy(e, LocalUnits("zh_CN", wan=False)) == "12,345.68 MWh"
    assert format_energy(e, JA) == format_energy(e, EN) == "12,345.68 MWh"
    assert format_energy(float("nan"), ZH) == MISSING and format_energy(None, EN) == MISSING  # never 0


def test_utilisation_hours_of_the_xian_park():
    # Xi'an Asia No.1: 9 MW, about 9.6 GWh a year (8.5 GWh in Jan–Oct 2021, reference/README.md)
    assert utilisation_hours(9.6e9, 9e6) == pytest.approx(1066.67, abs=0.01)
    assert format_hours(9.6e9, 9e6, ZH) == ("年利用小时数", "1,067 h")
    assert format_hours(9.6e9, 9e6, LocalUnits("zh_CN", utilisation_hours=False)) == ("单位装机发电量",
                                                                                      "1,067 kWh/kWp")
    assert format_hours(9.6e9, 9e6, JA) == ("kWp当たり発電量", "1,067 kWh/kWp")
    assert format_hours(9.6e9, 0.0, ZH)[1] == MISSING and utilisation_hours(None, 9e6) is None


def test_percent_degradation_money_one_rule_per_language():
    assert format_percent(0.812, EN) == "81.2 %" and format_percent(0.812, ZH) == format_percent(0.812, JA) == "81.2%"
    assert format_percent(None, ZH) == MISSING
    assert format_degradation(0.005, ZH) == "0.50 %/年" and format_degradation(0.005, JA) == "0.50 %/年"
    assert format_degradation(0.005, EN) == "0.50 %/yr"
    assert format_money(123_456, ZH) == "12.35 万元（CNY）" and format_money(123_456, EN) == "123,456 CNY"
    assert format_money(float("nan"), JA) == MISSING


def test_local_time_with_its_offset():
    utc = dt.datetime(2026, 12, 4, 15, 9, tzinfo=dt.timezone.utc)
    assert format_local_time(utc, "Asia/Shanghai", EN) == "2026-12-04 23:09 (UTC+08:00)"
    assert format_local_time("2026-12-04T15:09:00Z", "Asia/Shanghai", ZH) == "2026年12月4日 23:09（UTC+08:00）"
    assert format_local_time(utc, "Asia/Tokyo", JA) == "2026年12月5日 00:09（UTC+09:00）"
    # daylight saving: Chicago is UTC−5 in July, UTC−6 in December
    assert format_local_time("2026-07-01T12:00Z", "America/Chicago", EN) == "2026-07-01 07:00 (UTC-05:00)"
    assert format_local_time("2026-12-01T12:00Z", "America/Chicago", EN) == "2026-12-01 06:00 (UTC-06:00)"
    with pytest.raises(ValueError, match="^when: a time without a time zone"):
        format_local_time(dt.datetime(2026, 12, 4, 15, 9), "Asia/Shanghai", ZH)


def test_capacity_labels_keep_fit_usage_in_japanese():
    assert capacity_labels(JA) == {"dc": "太陽電池容量（DC）", "ac": "パワコン容量（AC）"}
    assert capacity_labels(ZH) == {"dc": "装机容量（直流）", "ac": "逆变器容量（交流）"}
    assert capacity_labels(EN) == {"dc": "DC capacity", "ac": "AC capacity"}
    with pytest.raises(ValueError, match="^language"):
        LocalUnits("de_DE")


def test_export_sheets_follow_the_language_or_stay_english():
    import pandas as pd

    from solarfleet.models.export.local_units import header_text, localize_sheets
    summary = pd.DataFrame({"kind": ["park"], "dc_capacity [kWp]": [9000.0], "ac_energy [kWh]": [9.6e6]},
                           index=pd.Index(["Xi'an"], name="name"))
    losses = pd.DataFrame({"energy [kWh]": [1e7, 2e5, 5e4], "share_of_nominal [%]": [100.0, 2.0, 0.5]},
                          index=pd.Index(["poa_nominal", "soiling", "clipping"], name="item"))
    monthly = pd.DataFrame({"Xi'an ac_energy [kWh]": [1.0]}, index=pd.Index(["2026-01-01"], name="month_start"))
    sheets = {"summary": summary, "monthly": monthly, "losses": losses}
    zh = localize_sheets(sheets, ZH)
    assert list(zh) == ["汇总", "逐月", "损失"]
    assert list(zh["汇总"].columns) == ["类型", "装机容量（直流） [kWp]", "交流发电量 [kWh]"]
    assert zh["汇总"].index.name == "名称" and zh["逐月"].columns[0] == "Xi'an 交流发电量 [kWh]"
    assert list(zh["损失"].index) == ["标称（阵列面辐照 × STC）", "积灰损失", "逆变器削峰损失"]
    assert zh["损失"].iloc[:, 0].tolist() == [1e7, 2e5, 5e4]  # values untouched
    ja = localize_sheets(sheets, JA)
    assert list(ja["概要"].columns)[1] == "太陽電池容量（DC） [kWp]" and list(ja["損失"].index)[2] == "ピークカット損失"
    kept = localize_sheets(sheets, ZH, english_headers=True)
    assert list(kept) == ["summary", "monthly", "losses"] and kept["summary"] is summary
    assert header_text("unknown_thing [m]", ZH) == "unknown_thing [m]"
