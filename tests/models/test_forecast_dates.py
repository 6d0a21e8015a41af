"""Issue 15: numeric dates in measured AC and forecast files are never read month-first silently.

The order is decided from the data (a day above 12; else the order whose hours run on regularly) and,
where both orders fit equally, the reader raises :class:`ForecastFileQuestion` (an
:class:`~solarfleet.models.import_question.ImportQuestion`) naming the file and line; ``dayfirst``
answers it. Expected dates are written out by hand here, not taken from the reader.
"""
from __future__ import annotations

import pandas as pd
import pytest

from solarfleet.models.import_question import ImportQuestion
from solarfleet.models.studies import forecast as fc


def _write(path, stamps, column="ac [kW]", value=5.0):
    path.write_text(f"time,{column}\n" + "".join(f"{t},{value}\n" for t in stamps), encoding="utf-8")
    return path


def test_one_ambiguous_day_asks_with_both_readings(tmp_path):
    path = _write(tmp_path / "m.csv", [f"03/04/2026 {h:02d}:00+08:00" for h in range(8, 12)])
    with pytest.raises(fc.ForecastFileQuestion) as err:
        fc.read_measured_ac_csv(path)
    q = err.value
    assert isinstance(q, ImportQuestion) and isinstance(q, fc.ForecastFileError)
    assert q.option == "dayfirst" and [c.value for c in q.choices] == [True, False]
    assert q.choices[0].samples[0] == ("03/04/2026 08:00+08:00", "2026-04-03 08:00+08:00")
    assert q.choices[1].samples[0] == ("03/04/2026 08:00+08:00", "2026-03-04 08:00+08:00")
    assert str(q).startswith(f"{path}, line 2: ") and "--dayfirst" in str(q) and "\n" not in str(q)


@pytest.mark.parametrize("dayfirst, month, day", [(True, 4, 3), (False, 3, 4)])
def test_the_answer_decides(tmp_path, dayfirst, month, day):
    path = _write(tmp_path / "m.csv", [f"03/04/2026 {h:02d}:00+08:00" for h in range(8, 12)])
    ac, _ = fc.read_measured_ac_csv(path, dayfirst=dayfirst)
    assert ac.index[0] == pd.Timestamp(2026, month, day, 0, tz="UTC")  # 08:00 at UTC+8
    assert ac.iloc[0] == 5000.0


@pytest.mark.parametrize("sep", ["/", "."])
def test_day_first_hours_over_two_days_are_read_day_first(tmp_path, sep):
    """01/02 then 02/02: day-first runs on hour by hour, month-first would jump a month: no question."""
    stamps = [f"{d:02d}{sep}02{sep}2026 {h:02d}:00+08:00" for d in (1, 2) for h in range(24)]
    ac, _ = fc.read_measured_ac_csv(_write(tmp_path / "m.csv", stamps))
    assert ac.index[0] == pd.Timestamp("2026-01-31 16:00", tz="UTC")
    assert ac.index[-1] == pd.Timestamp("2026-02-02 15:00", tz="UTC") and len(ac) == 48


def test_a_day_above_12_settles_it_for_every_row(tmp_path):
    """Before, each cell was parsed alone: 12/05 month-first, 13/05 day-first — rows out of order."""
    stamps = ["12/05/2026 23:00+08:00", "13/05/2026 00:00+08:00", "13/05/2026 01:00+08:00"]
    ac, _ = fc.read_measured_ac_csv(_write(tmp_path / "m.csv", stamps))
    assert list(ac.index.tz_convert("Asia/Shanghai").strftime("%m-%d %H")) == ["05-12 23", "05-13 00", "05-13 01"]


def test_a_forecast_file_asks_too(tmp_path):
    path = _write(tmp_path / "f.csv", [f"05/06/2026 {h:02d}:00+08:00" for h in range(8, 12)], "ghi [W/m2]", 300)
    with pytest.raises(fc.ForecastFileQuestion):
        fc.read_forecast_csv(path)
    data, _ = fc.read_forecast_csv(path, dayfirst=False)
    assert data.index[0] == pd.Timestamp("2026-05-06 00:00", tz="UTC")


def test_iso_files_are_unchanged_and_never_asked(tmp_path):
    path = _write(tmp_path / "m.csv", [f"2026-04-03T{h:02d}:00+08:00" for h in range(8, 12)])
    ac, _ = fc.read_measured_ac_csv(path)
    assert ac.index[0] == pd.Timestamp("2026-04-03 00:00", tz="UTC") and len(ac) == 4
