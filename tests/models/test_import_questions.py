"""Files that read in more than one way raise a question carrying the readings, never a silent guess."""
import pandas as pd
import pytest

from solarfleet.models.datefmt import AmbiguousDates, date_order
from solarfleet.models.energy.load import LoadFileError, LoadFileQuestion, read_meter
from solarfleet.models.import_question import ImportQuestion
from solarfleet.models.weather.convention import WeatherFileError, WeatherFileQuestion
from solarfleet.models.weather.measured import read_measured


def _one_day(path, columns):
    stamps = pd.date_range("2023-03-04", periods=24, freq="h")
    pd.DataFrame({"time": stamps.strftime("%d/%m/%Y %H:%M"), **columns}).to_csv(path, index=False)
    return path


def test_ambiguous_dates_carry_both_readings_with_samples():
    with pytest.raises(AmbiguousDates) as info:
        date_order(["03/04/2023 10:00", "03/04/2023 11:00"])
    day, month = info.value.choices
    assert day.value is True and month.value is False
    assert day.samples[0] == ("03/04/2023 10:00", "2023-04-03 10:00")
    assert month.samples[0] == ("03/04/2023 10:00", "2023-03-04 10:00")


def test_a_month_above_12_either_way_is_an_error_not_a_question():
    with pytest.raises(AmbiguousDates) as info:
        date_order(["13/04/2023", "04/13/2023"])
    assert info.value.choices == ()


def test_meter_file_question_names_the_line_and_offers_both(tmp_path):
    p = _one_day(tmp_path / "m.csv", {"kW": 1.0})
    with pytest.raises(LoadFileQuestion) as info:
        read_meter(p, tz="UTC")
    q = info.value
    assert isinstance(q, LoadFileError) and isinstance(q, ImportQuestion)
    assert q.option == "dayfirst" and [c.value for c in q.choices] == [True, False]
    assert q.line == 2 and "m.csv" in str(q)
    answer = {q.option: q.choices[1].value}
    assert read_meter(p, tz="UTC", **answer)[0].index[0] == pd.Timestamp("2023-04-03", tz="UTC")


def test_measured_weather_question(tmp_path):
    p = _one_day(tmp_path / "w.csv", {"ghi": 0.0, "temp_air": 10.0, "wind_speed": 1.0})
    with pytest.raises(WeatherFileQuestion) as info:
        read_measured(p, {"tz": "UTC"}, latitude=31.0, longitude=121.0)
    assert isinstance(info.value, WeatherFileError) and info.value.option == "dayfirst"
    assert info.value.choices[0].samples[0][1].startswith("2023-03-04")


def test_gbk_text_asks_for_the_encoding_with_the_decoded_sample(tmp_path):
    p = tmp_path / "gbk.csv"
    p.write_bytes("时间,总辐射\n2023-01-01 00:00,0\n".encode("gbk"))
    from solarfleet.models.weather.detect import detect_format
    with pytest.raises(WeatherFileQuestion) as info:
        detect_format(p)
    (choice,) = info.value.choices
    assert info.value.option == "encoding" and choice.value == "gbk"
    assert choice.samples[0][1] == "时间,总辐射"
