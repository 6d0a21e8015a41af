"""Exports: numbers stay numbers, timestamps carry their offset, formula injection is neutralised."""
import json

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from solarfleet.models.export.writers import neutralise, write_csv, write_json, write_xlsx

CORPUS = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")", "京东 亚洲一号", "ok"]


@pytest.fixture
def table():
    idx = pd.date_range("2023-06-18 00:00", periods=len(CORPUS), freq="h", tz="Asia/Shanghai", name="time")
    return pd.DataFrame({"park": CORPUS, "ac [kW]": np.linspace(-5.5, 100.25, len(CORPUS)),
                         "energy [kWh]": [1.0, np.nan] + [2.0] * (len(CORPUS) - 2)}, index=idx)


def test_neutralise_prefixes_triggers_only():
    assert [neutralise(t) for t in CORPUS] == ["'" + t for t in CORPUS[:7]] + CORPUS[7:]


def test_csv_reads_back_with_pandas(table, tmp_path):
    path = tmp_path / "t.csv"
    write_csv(table, path)
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["time"][0] == "2023-06-18T00:00:00+08:00"
    assert back["ac [kW]"].tolist() == pytest.approx(table["ac [kW]"].tolist())
    assert back["ac [kW]"][0] < 0, "negative numbers stay numeric"
    assert pd.isna(back["energy [kWh]"][1]), "missing stays missing"
    assert all(not str(v).startswith(("=", "+", "-", "@", "\t", "\r")) for v in back["park"])


def test_xlsx_has_no_formula_cells_and_numbers_stay_numbers(table, tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx({"hourly": table, "summary": table.iloc[:2]}, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["hourly", "summary"]
    ws = wb["hourly"]
    kinds = {c.data_type for row in ws.iter_rows() for c in row if c.value is not None}
    assert "f" not in kinds
    assert ws["B2"].value == "'=1+1" and ws["C2"].value == pytest.approx(-5.5) and ws["C2"].data_type == "n"
    assert ws["A2"].value == "2023-06-18T00:00:00+08:00"
    assert ws["D3"].value is None


def test_json_keeps_text_exact(table, tmp_path):
    path = tmp_path / "t.json"
    write_json({"hourly": table}, path, meta={"run_id": 3})
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["meta"] == {"run_id": 3}
    assert doc["hourly"][0] == {"time": "2023-06-18T00:00:00+08:00", "park": "=1+1", "ac [kW]": -5.5, "energy [kWh]": 1.0}
    assert doc["hourly"][1]["energy [kWh]"] is None


def test_naive_timestamps_are_refused(tmp_path):
    df = pd.DataFrame({"x": [1.0]}, index=pd.DatetimeIndex(["2023-01-01"], name="time"))
    with pytest.raises(ValueError, match="no time zone"):
        write_csv(df, tmp_path / "x.csv")
