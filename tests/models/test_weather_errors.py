"""Broken weather files: a precise error naming file and line, and the database left exactly as it was."""
from __future__ import annotations

import os

import pandas as pd
import pytest

from solarfleet.models.weather.convention import WeatherFileError
from solarfleet.models.weather.detect import detect_format, read_weather
from solarfleet.models.weather.measured import read_measured

PVLIB_DATA = os.path.join(os.path.dirname(__import__("pvlib").__file__), "data")
SHANGHAI = "CHN_Shanghai.Shanghai.583620_CSWD.epw"


@pytest.fixture
def epw_lines(shared_dir):
    return (shared_dir / "weather" / SHANGHAI).read_text().splitlines()


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_epw_cut_mid_line(tmp_path, epw_lines):
    lines = epw_lines[:5000]
    lines[-1] = lines[-1][:40]
    path = _write(tmp_path / "cut.epw", lines)
    with pytest.raises(WeatherFileError) as exc:
        read_weather(path)
    assert exc.value.line == 5000 and exc.value.path == str(path)
    assert f"{path}, line 5000" in str(exc.value) and "truncated" in str(exc.value)


def test_epw_missing_the_end_of_the_year(tmp_path, epw_lines):
    path = _write(tmp_path / "short.epw", epw_lines[:8 + 6000])
    with pytest.raises(WeatherFileError, match=r"8760 hourly rows .* 6000 .*truncated"):
        read_weather(path)


def test_epw_non_numeric_field(tmp_path, epw_lines):
    f = epw_lines[8 + 10].split(",")
    f[13] = "abc"
    epw_lines[8 + 10] = ",".join(f)
    path = _write(tmp_path / "bad.epw", epw_lines)
    with pytest.raises(WeatherFileError, match=r"line 19: field 14 is 'abc', not a number"):
        read_weather(path)


def test_epw_hours_out_of_order(tmp_path, epw_lines):
    epw_lines[8 + 30], epw_lines[8 + 31] = epw_lines[8 + 31], epw_lines[8 + 30]
    path = _write(tmp_path / "swapped.epw", epw_lines)
    with pytest.raises(WeatherFileError) as exc:
        read_weather(path)
    assert exc.value.line == 8 + 31 and "out of order" in str(exc.value)


def test_tmy3_truncated(tmp_path):
    lines = open(os.path.join(PVLIB_DATA, "723170TYA.CSV")).read().splitlines()[:4000]
    lines[-1] = lines[-1][:30]
    path = _write(tmp_path / "cut.csv", lines)
    assert detect_format(path) == "tmy3"
    with pytest.raises(WeatherFileError, match=r"line 4000: .*fields"):
        read_weather(path)


def test_pvgis_tmy_csv_truncated(tmp_path):
    lines = ["Latitude (decimal degrees): 31.400", "Longitude (decimal degrees): 121.450", "Elevation (m): 5.0",
             "month,year", *[f"{m},2010" for m in range(1, 13)], "time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP"]
    stamps = pd.date_range("2010-01-01", periods=300, freq="h")
    lines += [f"{t:%Y%m%d:%H%M},5.0,70,0,0,0,300,2,180,101000" for t in stamps]
    path = _write(tmp_path / "tmy.csv", lines)
    with pytest.raises(WeatherFileError, match=r"300 hourly rows where a PVGIS TMY has 8760"):
        read_weather(path)


def test_unknown_format(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not weather\nat all\n")
    with pytest.raises(WeatherFileError, match=r"notes.txt, line 1: unknown weather format"):
        detect_format(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(WeatherFileError, match="empty"):
        read_weather(path)


def test_measured_wrong_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    pd.DataFrame({"timestamp": ["2021-01-01 00:00", "2021-01-01 01:00"], "power_kw": [1, 2]}).to_csv(path,
                                                                                                   index=False)
    with pytest.raises(WeatherFileError, match=r"line 1: no GHI column.*power_kw"):
        read_measured(path)
    with pytest.raises(WeatherFileError, match=r"no column 'Irradiance'"):
        read_measured(path, {"columns": {"ghi": "Irradiance"}})


def test_measured_non_monotonic_names_the_line(tmp_path):
    stamps = list(pd.date_range("2021-05-01", periods=50, freq="5min").strftime("%Y-%m-%d %H:%M"))
    stamps[20], stamps[21] = stamps[21], stamps[20]
    path = tmp_path / "jumbled.csv"
    pd.DataFrame({"time": stamps, "ghi": 100.0}).to_csv(path, index=False)
    with pytest.raises(WeatherFileError) as exc:
        read_measured(path, {"tz": "+08:00"})
    assert exc.value.line == 23  # header is line 1; the 22nd data row goes back in time
    assert "timestamps must increase" in str(exc.value)


def test_measured_bad_timestamp_and_bad_value(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("time,ghi\n2021-01-01 00:00,0\n2021-01-01 01:00,5\nyesterday,7\n")
    with pytest.raises(WeatherFileError, match=r"line 4: timestamp 'yesterday' cannot be read"):
        read_measured(path)
    path.write_text("time,ghi\n2021-01-01 00:00,0\n2021-01-01 01:00,n/a!\n")
    with pytest.raises(WeatherFileError, match=r"line 3: ghi is 'n/a!', not a number"):
        read_measured(path)


def test_measured_unsupported_interval(tmp_path):
    path = tmp_path / "7min.csv"
    stamps = pd.date_range("2021-01-01", periods=20, freq="7min").strftime("%Y-%m-%d %H:%M")
    pd.DataFrame({"time": stamps, "ghi": 1.0}).to_csv(path, index=False)
    with pytest.raises(WeatherFileError, match="every 7 minutes"):
        read_measured(path)


def test_gbk_encoded_chinese_header(tmp_path):
    path = tmp_path / "gbk.csv"
    text = "时间,总辐射\n2021-01-01 00:00,0\n2021-01-01 01:00,12\n"
    path.write_bytes(text.encode("gbk"))
    with pytest.raises(WeatherFileError) as exc:
        read_weather(path)
    assert exc.value.line == 1 and "GBK" in str(exc.value) and "UTF-8" in str(exc.value)
    # told the encoding, the same file imports (the Chinese header names are recognised)
    data, meta = read_measured(path, {"encoding": "gbk", "tz": "Asia/Shanghai"})
    assert list(data["ghi"]) == [0.0, 12.0]


# --- the CLI leaves the database unchanged on every broken file -----------------------------------

def _dump(db_file) -> list[str]:
    import sqlite3
    con = sqlite3.connect(db_file)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_cli_broken_files_leave_db_unchanged(tmp_path, epw_lines, capsys):
    from solarfleet.app.cli import main
    db = tmp_path / "fleet.db"
    park = "Shanghai Asia No.1 (Jiading)"
    assert main(["--db", str(db), "weather", "import", park, str(_write(tmp_path / "ok.epw", epw_lines))]) == 0
    before = _dump(db)
    cut = epw_lines[:3000]
    cut[-1] = cut[-1][:25]
    broken = {
        "cut.epw": _write(tmp_path / "cut.epw", cut),
        "gbk.csv": tmp_path / "gbk.csv",
        "unknown.txt": tmp_path / "unknown.txt",
        "jumbled.csv": tmp_path / "jumbled.csv",
    }
    broken["gbk.csv"].write_bytes("时间,总辐射\n2021-01-01 00:00,0\n".encode("gbk"))
    broken["unknown.txt"].write_text("hello\n")
    broken["jumbled.csv"].write_text("time,ghi\n2021-01-01 01:00,0\n2021-01-01 00:00,0\n")
    capsys.readouterr()
    for name, path in broken.items():
        assert main(["--db", str(db), "weather", "import", park, str(path)]) == 1, name
        msg = capsys.readouterr().err
        assert str(path) in msg and "line" in msg and "nothing was imported" in msg, (name, msg)
        assert _dump(db) == before, f"{name} changed the database"
    assert main(["--db", str(db), "weather", "import", "No Such Park", str(broken["cut.epw"])]) == 1
    assert "no park named" in capsys.readouterr().err
    assert _dump(db) == before


def test_a_line_with_a_field_too_many_is_refused_not_shifted(tmp_path):
    # found by the fuzzer: pandas turned the first column into the index and the line number lookup crashed
    from solarfleet.models.weather.convention import WeatherFileError
    from solarfleet.models.weather.measured import read_measured
    f = tmp_path / "m.csv"
    f.write_text("timestamp;ghi;dni\n2024-02-28 22:00;0.0;;\n2024-02-28 22:05;0.0;0.0\n", encoding="utf-8")
    with pytest.raises(WeatherFileError) as exc:
        read_measured(f, None, latitude=31.0, longitude=121.0)
    assert exc.value.line == 2 and "fields where the header has 3" in str(exc.value)
